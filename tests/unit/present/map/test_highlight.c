/*
 * Unit tests of src/present/map/highlight.c: rings of isolated actors and brokers,
 * colours and boxes of clubs.
 * Run from the top of the source tree (inputs in tests/data/render/).
 */
#include "map_test.h"

static const int ring6[] = { 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 0 };

/*
 * Isolated cités, by hand (docs/analysis.md levels): 7 actors,
 *   0 cite -- 1 crpv -- 2 cite      (0 and 2 reach each other through 1: a peer within two steps)
 *   3 cite -- 4 association         (4 has no other tie: no cité within two steps of 3, level 2)
 *   5 cite                          (no tie at all, level 3)
 *   6 crpv -- 1                     (not of the focus type: never marked)
 * So the default map rings exactly 3 and 5 in red, and the legend counts 2.
 */
static void test_render_highlight_isolated(void **state)
{
	static const char *const types[] = { "cite", "crpv", "cite", "cite", "association", "cite", "crpv" };
	static const int ends[] = { 0, 1, 1, 2, 3, 4, 6, 1 };
	cm_network *net = make_net(7, NULL, NULL, types, NULL, 4, ends, NULL);
	cm_render_options o = { 0 };
	const char *path = path_in("iso.svg");
	char *svg;

	(void)state;
	assert_int_equal(cm_render(net, path, NULL), 0);
	assert_true(xml_ok(path));
	svg = slurp(path, NULL);
	assert_int_equal(count(svg, "class=\"node\""), 7);
	for (int k = 0; k < 7; k++)
		assert_int_equal(node_has_stroke(svg, k, RED_RING), k == 3 || k == 5);
	assert_non_null(strstr(svg, ">marked</text>"));
	assert_non_null(strstr(svg, "isolated cit\xC3\xA9: no tie, or no peer of its type within two steps (2)</text>"));
	free(svg);

	/* none: no ring, no legend entry */
	o.highlight = "none";
	assert_int_equal(cm_render(net, path, &o), 0);
	svg = slurp(path, NULL);
	assert_int_equal(count(svg, RED_RING), 0);
	assert_null(strstr(svg, ">marked</text>"));
	free(svg);

	/* another focus type: crpv 1 has crpv 6 as a neighbour, 6 has 1: nobody isolated */
	o.highlight = "isolated";
	o.focus_type = "crpv";
	assert_int_equal(cm_render(net, path, &o), 0);
	svg = slurp(path, NULL);
	for (int k = 0; k < 7; k++)
		assert_false(node_has_stroke(svg, k, RED_RING));
	assert_non_null(strstr(svg, "isolated crpv: no tie, or no peer of its type within two steps (0)</text>"));
	free(svg);

	/* asking for a type nobody has is an error; bad values too */
	o.focus_type = "ecole";
	assert_int_equal(cm_render(net, path, &o), CM_EUSAGE);
	o.focus_type = NULL;
	o.highlight = "isolated,bogus";
	cm_error_clear();  /* the first error is kept until cleared */
	assert_int_equal(cm_render(net, path, &o), CM_EUSAGE);
	assert_non_null(strstr(cm_error_message(), "unknown --highlight value 'bogus'"));
	o.highlight = "brokers:0";
	cm_error_clear();
	assert_int_equal(cm_render(net, path, &o), CM_EUSAGE);
	free_net(net);

	/* no actor of the focus type: the default marks nothing and says nothing */
	net = make_net(6, NULL, NULL, NULL, NULL, 6, ring6, NULL);
	assert_int_equal(cm_render(net, path, NULL), 0);
	svg = slurp(path, NULL);
	assert_null(strstr(svg, ">marked</text>"));
	free(svg);
	free_net(net);
	unlink(path);
}

/*
 * Brokers, by hand: the path 0 -- 1 -- 2 -- 3 with regions A, B, C, D.
 * Gould-Fernandez brokerage counts the pairs of neighbours of an actor that
 * are not tied to each other: 1 sits between 0 and 2, 2 between 1 and 3,
 * so 1 and 2 have brokerage 1 and the ends 0.  "brokers:1" rings one of the
 * two middle actors, "brokers" (top 5) both and never an end (zero is not
 * marked).
 */
static void test_render_highlight_brokers(void **state)
{
	static const char *const regions[] = { "A", "B", "C", "D" };
	static const int ends[] = { 0, 1, 1, 2, 2, 3 };
	cm_network *net = make_net(4, NULL, NULL, NULL, regions, 3, ends, NULL);
	cm_render_options o = { 0 };
	const char *path = path_in("brk.svg");
	char *svg;

	(void)state;
	o.highlight = "brokers";
	o.cluster_by = "none";
	assert_int_equal(cm_render(net, path, &o), 0);
	assert_true(xml_ok(path));
	svg = slurp(path, NULL);
	for (int k = 0; k < 4; k++)
		assert_int_equal(node_has_stroke(svg, k, PURPLE_RING), k == 1 || k == 2);
	assert_non_null(strstr(svg, "top 5 brokers (Gould&#45;Fernandez brokerage between regions) (2)</text>"));
	free(svg);
	o.highlight = "brokers:1";
	assert_int_equal(cm_render(net, path, &o), 0);
	svg = slurp(path, NULL);
	assert_int_equal(node_has_stroke(svg, 0, PURPLE_RING) + node_has_stroke(svg, 1, PURPLE_RING) +
	                 node_has_stroke(svg, 2, PURPLE_RING) + node_has_stroke(svg, 3, PURPLE_RING), 1);
	assert_false(node_has_stroke(svg, 0, PURPLE_RING));
	assert_false(node_has_stroke(svg, 3, PURPLE_RING));
	assert_non_null(strstr(svg, "top 1 broker (Gould&#45;Fernandez brokerage between regions) (1)</text>"));
	free(svg);
	free_net(net);
	unlink(path);
}

/*
 * Clubs, by hand (docs/analysis.md): with critical mass 10 every region
 * here is sparse; tests/data/render/regions.csv makes Bretagne and
 * Normandie neighbours and Occitanie an island.  So the clubs are
 * "Bretagne, Normandie" (cités 0, 1, 2) and "Occitanie" (cité 3); the crpv
 * 4 is in no club.  Clubs are numbered by their regions: Club 1 is
 * Bretagne + Normandie.
 */
static void test_render_highlight_clubs(void **state)
{
	static const char *const types[] = { "cite", "cite", "cite", "cite", "crpv" };
	static const char *const regions[] = { "Bretagne", "Bretagne", "Normandie", "Occitanie", "Occitanie" };
	static const int ends[] = { 0, 1, 1, 2, 2, 4, 3, 4 };
	cm_network *net = make_net(5, NULL, NULL, types, regions, 4, ends, NULL);
	cm_render_options o = { 0 };
	const char *path = path_in("clubs.svg");
	char *svg;

	(void)state;
	o.highlight = "clubs";
	assert_int_equal(cm_render(net, path, &o), CM_EUSAGE);
	assert_non_null(strstr(cm_error_message(), "--regions"));
	o.regions_path = DATA "regions.csv";
	assert_int_equal(cm_render(net, path, &o), 0);
	assert_true(xml_ok(path));
	svg = slurp(path, NULL);
	assert_non_null(strstr(svg, ">colour: interregional club</text>"));
	assert_non_null(strstr(svg, ">Club 1: Bretagne, Normandie (3)</text>"));
	assert_non_null(strstr(svg, ">Club 2: Occitanie (1)</text>"));
	assert_non_null(strstr(svg, ">not in a club (1)</text>"));
	/* one box per club under fdp, named after it */
	assert_int_equal(count(svg, "class=\"cluster\""), 2);
	free(svg);
	free_net(net);
	unlink(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_render_highlight_isolated, setup),
		cmocka_unit_test_setup(test_render_highlight_brokers, setup),
		cmocka_unit_test_setup(test_render_highlight_clubs, setup),
	};

	return map_test_main("highlight", tests, sizeof(tests) / sizeof(tests[0]));
}
