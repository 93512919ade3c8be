/*
 * Unit tests of src/load/dot.c: DOT files read through cgraph, and
 * Graphviz's messages turned into coopmap errors.  Run from the top of the
 * source tree (the DOT inputs are read from tests/data/render/).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "coopmap/coopmap.h"
#include "coopmap/common.h"
#include "load/dot.h"

#define DATA "tests/data/render/"

static char dir[] = "/tmp/coopmap-test-dot-XXXXXX";

/* name inside the test folder; eight rotating buffers so that a few can be held at once */
static const char *path_in(const char *name)
{
	static char buf[8][256];
	static int next;

	next = (next + 1) % 8;
	snprintf(buf[next], sizeof(buf[next]), "%s/%s", dir, name);
	return buf[next];
}

static int setup(void **state)
{
	(void)state;
	cm_error_clear();
	return 0;
}

/* The vertex called name in a raw graph, or -1. */
static igraph_integer_t raw_find(const igraph_t *g, const char *name)
{
	for (igraph_integer_t v = 0; v < igraph_vcount(g); v++)
		if (!strcmp(VAS(g, "name", v), name))
			return v;
	return -1;
}

/* The edge between the vertices called a and b in a raw graph, or -1. */
static igraph_integer_t raw_edge(const igraph_t *g, const char *a, const char *b)
{
	igraph_integer_t eid = -1;

	igraph_get_eid(g, &eid, raw_find(g, a), raw_find(g, b), IGRAPH_UNDIRECTED, 0);
	return eid;
}

/*
 * small.dot, by hand: nodes a, b (root), c, d (inside cluster_south); the
 * default type "cite" applies to every node not giving one; edges a--b
 * (weight 2, year 2020), c--d (weight 0.5, kind projet), b--c (nothing).
 */
static void test_read_dot(void **state)
{
	igraph_t g;
	igraph_integer_t e;

	(void)state;
	assert_int_equal(cm_gv_read_dot(&g, DATA "small.dot"), 0);
	assert_false(igraph_is_directed(&g));
	assert_int_equal(igraph_vcount(&g), 4);
	assert_int_equal(igraph_ecount(&g), 3);
	assert_int_equal(raw_find(&g, "a"), 0); /* file order */
	assert_int_equal(raw_find(&g, "d"), 3);
	assert_string_equal(VAS(&g, "label", raw_find(&g, "a")), "Cité A");
	assert_string_equal(VAS(&g, "label", raw_find(&g, "b")), "CRPV \"Ouest\"");
	assert_string_equal(VAS(&g, "label", raw_find(&g, "c")), "");
	assert_string_equal(VAS(&g, "type", raw_find(&g, "a")), "cite");
	assert_string_equal(VAS(&g, "type", raw_find(&g, "b")), "crpv");
	assert_string_equal(VAS(&g, "type", raw_find(&g, "c")), "cite");
	assert_string_equal(VAS(&g, "type", raw_find(&g, "d")), "association");
	assert_string_equal(VAS(&g, "region", raw_find(&g, "c")), "Occitanie");
	assert_string_equal(VAS(&g, "region", raw_find(&g, "d")), "");
	e = raw_edge(&g, "a", "b");
	assert_true(e >= 0);
	assert_string_equal(EAS(&g, "weight", e), "2");
	assert_string_equal(EAS(&g, "year", e), "2020");
	assert_string_equal(EAS(&g, "kind", e), "");
	e = raw_edge(&g, "c", "d");
	assert_true(e >= 0);
	assert_string_equal(EAS(&g, "weight", e), "0.5");
	assert_string_equal(EAS(&g, "kind", e), "projet");
	e = raw_edge(&g, "b", "c");
	assert_true(e >= 0);
	assert_string_equal(EAS(&g, "weight", e), "");
	assert_true(raw_edge(&g, "a", "d") < 0);
	igraph_destroy(&g);
}

/* A digraph gives a directed raw graph, edges keeping their direction. */
static void test_read_digraph(void **state)
{
	const char *path = path_in("d.dot");
	FILE *f = fopen(path, "w");
	igraph_t g;

	(void)state;
	assert_non_null(f);
	fputs("digraph { x -> y; y -> z }\n", f);
	fclose(f);
	assert_int_equal(cm_gv_read_dot(&g, path), 0);
	assert_true(igraph_is_directed(&g));
	assert_int_equal(igraph_ecount(&g), 2);
	assert_string_equal(VAS(&g, "name", IGRAPH_FROM(&g, 0)), "x");
	assert_string_equal(VAS(&g, "name", IGRAPH_TO(&g, 0)), "y");
	igraph_destroy(&g);
	unlink(path);
}

/*
 * Files that Graphviz itself wrote (tests/data/interop/dot/, from the
 * source in its README by `dot -Txdot` and `dot -Tcanon`) keep label="\N"
 * and friends: they read as Graphviz draws them.  The expected texts are
 * the ones Graphviz put in the xdot file's own _ldraw_ ("T ... -a->b",
 * "-net: c"), and the edges' key=k1, k2 come back as a key attribute.
 */
static void test_read_dot_graphviz_output(void **state)
{
	static const char *const files[] = { "tests/data/interop/dot/graphviz-xdot.dot",
	                                     "tests/data/interop/dot/graphviz-canon.dot" };

	(void)state;
	for (size_t i = 0; i < sizeof(files) / sizeof(*files); i++) {
		igraph_t g;
		igraph_integer_t e;

		assert_int_equal(cm_gv_read_dot(&g, files[i]), 0);
		assert_string_equal(VAS(&g, "label", raw_find(&g, "a")), "a");
		assert_string_equal(VAS(&g, "label", raw_find(&g, "b")), "b");
		assert_string_equal(VAS(&g, "label", raw_find(&g, "c")), "net: c");
		igraph_get_eid(&g, &e, raw_find(&g, "a"), raw_find(&g, "b"), IGRAPH_DIRECTED, 1);
		assert_string_equal(EAS(&g, "label", e), "a->b");
		assert_string_equal(EAS(&g, "key", e), "k1");
		assert_string_equal(EAS(&g, "weight", e), "2");
		igraph_get_eid(&g, &e, raw_find(&g, "b"), raw_find(&g, "c"), IGRAPH_DIRECTED, 1);
		assert_string_equal(EAS(&g, "xlabel", e), "b to c");
		assert_string_equal(EAS(&g, "key", e), "k2");
		igraph_destroy(&g);
	}
}

/* "\\N" is a backslash then N, as Graphviz draws it (its _ldraw_ for this label says "a\N bx"). */
static void test_read_dot_backslash(void **state)
{
	const char *path = path_in("bs.dot");
	FILE *f = fopen(path, "w");
	igraph_t g;

	(void)state;
	assert_non_null(f);
	fputs("graph g { x [label=\"a\\\\N b\\N\"]; y [label=\"one\\ntwo\"] }\n", f);
	fclose(f);
	assert_int_equal(cm_gv_read_dot(&g, path), 0);
	assert_string_equal(VAS(&g, "label", raw_find(&g, "x")), "a\\N bx");
	assert_string_equal(VAS(&g, "label", raw_find(&g, "y")), "one\\ntwo");
	igraph_destroy(&g);
	unlink(path);
}

/* Line 4 of syntax-error.dot is "c -- ;": the error names the file and that line. */
static void test_read_dot_syntax_error(void **state)
{
	igraph_t g;

	(void)state;
	assert_int_equal(cm_gv_read_dot(&g, DATA "syntax-error.dot"), CM_EINPUT);
	assert_non_null(strstr(cm_error_message(), DATA "syntax-error.dot:4: syntax error"));
	/* the next read works: no state left behind in Graphviz's parser */
	cm_error_clear();
	assert_int_equal(cm_gv_read_dot(&g, DATA "small.dot"), 0);
	igraph_destroy(&g);
}

/* Only the first graph of a file is read, and the rest does not leak into the next read. */
static void test_read_dot_two_graphs(void **state)
{
	const char *path = path_in("two.dot");
	FILE *f = fopen(path, "w");
	igraph_t g;

	(void)state;
	assert_non_null(f);
	fputs("graph A { p }\ngraph B { q; r }\n", f);
	fclose(f);
	assert_int_equal(cm_gv_read_dot(&g, path), 0);
	assert_int_equal(igraph_vcount(&g), 1);
	assert_string_equal(VAS(&g, "name", 0), "p");
	igraph_destroy(&g);
	assert_int_equal(cm_gv_read_dot(&g, DATA "small.dot"), 0);
	assert_int_equal(igraph_vcount(&g), 4);
	assert_string_equal(VAS(&g, "name", 0), "a");
	igraph_destroy(&g);
	unlink(path);
}

/* An empty file, a folder and a missing file are errors, not crashes. */
static void test_read_dot_bad_files(void **state)
{
	const char *path = path_in("empty.dot");
	FILE *f = fopen(path, "w");
	igraph_t g;

	(void)state;
	assert_non_null(f);
	fclose(f);
	assert_int_equal(cm_gv_read_dot(&g, path), CM_EINPUT);
	cm_error_clear();
	assert_int_equal(cm_gv_read_dot(&g, dir), CM_EIO);
	cm_error_clear();
	assert_int_equal(cm_gv_read_dot(&g, path_in("missing.dot")), CM_EIO);
	unlink(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_read_dot, setup),
		cmocka_unit_test_setup(test_read_digraph, setup),
		cmocka_unit_test_setup(test_read_dot_syntax_error, setup),
		cmocka_unit_test_setup(test_read_dot_graphviz_output, setup),
		cmocka_unit_test_setup(test_read_dot_backslash, setup),
		cmocka_unit_test_setup(test_read_dot_two_graphs, setup),
		cmocka_unit_test_setup(test_read_dot_bad_files, setup),
	};
	int failed;

	igraph_set_attribute_table(&igraph_cattribute_table);
	cm_init();
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 1;
	}
	failed = cmocka_run_group_tests_name("dot", tests, NULL, NULL);
	rmdir(dir);
	cm_shutdown();
	return failed;
}
