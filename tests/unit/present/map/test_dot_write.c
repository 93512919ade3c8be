/*
 * Unit tests of src/present/map/dot_write.c: DOT written through cgraph, read back.
 * Run from the top of the source tree (inputs in tests/data/render/).
 */
#include "map_test.h"
#include "load/dot.h"
#include "present/map/graphviz.h"

/* Written DOT read back gives the same names, ties and attribute values. */
static void test_write_dot_round_trip(void **state)
{
	static const char *const ids[] = { "a -- b", "say \"hi\"", "];", "c:\\dir\\" };
	static const char *const types[] = { "cite", "crpv", "", "école" };
	static const int ends[] = { 0, 1, 1, 2, 2, 3 };
	static const double w[] = { 2.5, 1, 3 };
	cm_network *net = make_net(4, ids, NULL, types, NULL, 3, ends, w);
	const char *path = path_in("w.dot");
	igraph_t g;
	igraph_integer_t e;
	FILE *f;

	(void)state;
	SETEAN(&net->graph, CM_ATTR_YEAR, 0, 2021);
	SETEAS(&net->graph, CM_ATTR_KIND, 1, "projet");
	f = fopen(path, "w");
	assert_non_null(f);
	assert_int_equal(cm_gv_write_dot(net, f, path), 0);
	assert_int_equal(fclose(f), 0);
	assert_int_equal(cm_gv_read_dot(&g, path), 0);
	assert_int_equal(igraph_vcount(&g), 4);
	assert_int_equal(igraph_ecount(&g), 3);
	assert_true(raw_find(&g, "a -- b") >= 0);
	assert_true(raw_find(&g, "say \"hi\"") >= 0);
	assert_true(raw_find(&g, "];") >= 0);
	/* DOT cannot end a string with a backslash: a space is added (and a notice given) */
	assert_true(raw_find(&g, "c:\\dir\\ ") >= 0);
	assert_string_equal(VAS(&g, "type", raw_find(&g, "];")), "");
	assert_string_equal(VAS(&g, "type", raw_find(&g, "c:\\dir\\ ")), "école");
	e = raw_edge(&g, "a -- b", "say \"hi\"");
	assert_true(e >= 0);
	assert_string_equal(EAS(&g, "weight", e), "2.5");
	assert_string_equal(EAS(&g, "year", e), "2021");
	e = raw_edge(&g, "say \"hi\"", "];");
	assert_string_equal(EAS(&g, "year", e), ""); /* NaN: undated */
	assert_string_equal(EAS(&g, "kind", e), "projet");
	igraph_destroy(&g);
	free_net(net);
	unlink(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_write_dot_round_trip, setup),
	};

	return map_test_main("dot_write", tests, sizeof(tests) / sizeof(tests[0]));
}
