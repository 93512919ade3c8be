/*
 * Unit tests of src/present/map/labels.c: which labels show, and how long ones are cut.
 * Run from the top of the source tree (inputs in tests/data/render/).
 */
#include "map_test.h"

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
 * Long labels are cut to 32 characters keeping the start (23 characters),
 * an ellipsis and the last 8, so that two labels differing only at the end
 * stay apart.  By hand, "Cite educative Hauts de France 13" (33 characters)
 * gives "Cite educative Hauts de" + "…" + "rance 13"; the 32 characters of
 * "... France 1" are kept whole.
 */
static void test_render_long_labels(void **state)
{
	static const int pair[] = { 0, 1 };
	static const char *const labels[] = { "Cite educative Hauts de France 13", "Cite educative Hauts de France 1" };
	cm_network *net = make_net(2, NULL, labels, NULL, NULL, 1, pair, NULL);
	cm_render_options o = { 0 };
	char *svg;

	(void)state;
	o.labels = "all";
	assert_int_equal(cm_render(net, path_in("long.svg"), &o), 0);
	svg = slurp(path_in("long.svg"), NULL);
	assert_non_null(strstr(svg, ">Cite educative Hauts de\xE2\x80\xA6rance 13</text>"));
	assert_non_null(strstr(svg, ">Cite educative Hauts de France 1</text>"));
	free(svg);
	free_net(net);
	unlink(path_in("long.svg"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_render_labels, setup),
		cmocka_unit_test_setup(test_render_long_labels, setup),
	};

	return map_test_main("labels", tests, sizeof(tests) / sizeof(tests[0]));
}
