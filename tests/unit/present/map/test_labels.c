/*
 * Unit tests of src/present/map/labels.c: which labels show, and how long ones are cut.
 * Run from the top of the source tree (inputs in tests/data/render/).
 */
#include "map_test.h"
#include "present/map/labels.h"

/*
 * A star of 10: the hub v0 has the largest PageRank, so top:1 labels only
 * it; "none" labels nobody; 10 actors are few enough for "auto" to label all.
 */
static void test_render_labels(void **state)
{
	static const int star[] = { 0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0, 7, 0, 8, 0, 9 };
	static const char *const labels[] = { "L0", "L1", "L2", "L3", "L4", "L5", "L6", "L7", "L8", "L9" };
	cm_network *net = make_net(10, NULL, labels, NULL, NULL, 9, star, NULL);
	cm_render_options o = { 0 };
	char *svg;

	(void)state;
	o.labels = "top:1";
	assert_int_equal(cm_render(net, path_in("l.svg"), &o), 0);
	svg = slurp(path_in("l.svg"), NULL);
	assert_non_null(strstr(svg, ">L0</text>"));
	assert_null(strstr(svg, ">L5</text>"));
	free(svg);
	o.labels = "none";
	assert_int_equal(cm_render(net, path_in("l.svg"), &o), 0);
	svg = slurp(path_in("l.svg"), NULL);
	assert_null(strstr(svg, ">L0</text>"));
	free(svg);
	o.labels = NULL;
	assert_int_equal(cm_render(net, path_in("l.svg"), &o), 0);
	svg = slurp(path_in("l.svg"), NULL);
	for (int i = 0; i < 10; i++) {
		char want[32];

		snprintf(want, sizeof(want), ">L%d</text>", i);
		assert_non_null(strstr(svg, want));
	}
	free(svg);
	free_net(net);
	unlink(path_in("l.svg"));
}

/*
 * Long labels are shortened to 36 characters by whole words: the first
 * words, an ellipsis, the last words.  By hand, with the words' lengths:
 * Reseau 6, national 8, des 3, centres 7, de 2, ressources 10, politique 9,
 * de 2, la 2, ville 5, (RNCRPV) 8: the last word (8), then the first words
 * while head + " … " + tail fits 36 ("Reseau national des": 19 + 3 + 8 = 30;
 * with "centres" 27 + 3 + 8 = 38), then last words ("ville (RNCRPV)":
 * 19 + 3 + 14 = 36; "la ville (RNCRPV)" would be 39).  One word of 42
 * letters is cut after 35 and an ellipsis.  33 characters stay whole.
 */
static void test_short_labels(void **state)
{
	char *s;

	(void)state;
	s = cm_map_short_label("Reseau national des centres de ressources politique de la ville (RNCRPV)", 36);
	assert_string_equal(s, "Reseau national des \xE2\x80\xA6 ville (RNCRPV)");
	free(s);
	s = cm_map_short_label("Abcdefghijklmnopqrstuvwxyzabcdefghijklmnop", 36);
	assert_string_equal(s, "Abcdefghijklmnopqrstuvwxyzabcdefghi\xE2\x80\xA6");
	free(s);
	s = cm_map_short_label("Cite educative Hauts de France 13", 36);
	assert_string_equal(s, "Cite educative Hauts de France 13");
	free(s);
	/* characters, not bytes: 36 letters é stay whole */
	s = cm_map_short_label("\xC3\xA9\xC3\xA9\xC3\xA9 \xC3\xA9\xC3\xA9", 5);
	assert_string_equal(s, "\xC3\xA9\xC3\xA9\xC3\xA9 \xE2\x80\xA6");
	free(s);
}

/* On the map: the shortened label drawn, the whole one in the tooltips (the actor's and the label's). */
static void test_render_long_labels(void **state)
{
	static const int pair[] = { 0, 1 };
	static const char *const labels[] = {
		"Reseau national des centres de ressources politique de la ville (RNCRPV)", "Cite educative Hauts de France 1"
	};
	cm_network *net = make_net(2, NULL, labels, NULL, NULL, 1, pair, NULL);
	cm_render_options o = { 0 };
	char *svg;

	(void)state;
	o.labels = "all";
	assert_int_equal(cm_render(net, path_in("long.svg"), &o), 0);
	svg = slurp(path_in("long.svg"), NULL);
	assert_non_null(strstr(svg, ">Reseau national des \xE2\x80\xA6 ville (RNCRPV)</text>"));
	assert_non_null(strstr(svg, "xlink:title=\"Reseau national des centres de ressources politique de la ville (RNCRPV)\""));
	assert_non_null(strstr(svg, ">Cite educative Hauts de France 1</text>"));
	free(svg);
	free_net(net);
	unlink(path_in("long.svg"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_render_labels, setup),
		cmocka_unit_test(test_short_labels),
		cmocka_unit_test_setup(test_render_long_labels, setup),
	};

	return map_test_main("labels", tests, sizeof(tests) / sizeof(tests[0]));
}
