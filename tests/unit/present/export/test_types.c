/*
 * Unit tests of the attribute listing that GraphML and GEXF share
 * (cm_export_attrs_list() and cm_export_attrs_pick() in
 * src/present/export/types.c): on a graph built by hand, which attributes
 * each format is given, in which order, with which declared type.  The
 * expected types are worked out by hand from the rules of
 * present/export/types.h, written beside each value.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "coopmap/coopmap.h"
#include "present/export/types.h"

/*
 * Two actors and one tie, attributes made in this order:
 *   vertices  id "a", "b" (text); label "A", "" (text); pop 3, 10 (numbers,
 *             all whole); lat 1.5, NaN (numbers, not all whole); ok true,
 *             false (booleans);
 *   edge      weight 2 (number); year 2020 (number, whole); note "x" (text).
 */
static void make_graph(igraph_t *g)
{
	assert_int_equal(igraph_small(g, 2, IGRAPH_UNDIRECTED, 0, 1, -1), IGRAPH_SUCCESS);
	SETVAS(g, "id", 0, "a");
	SETVAS(g, "id", 1, "b");
	SETVAS(g, "label", 0, "A");
	SETVAS(g, "label", 1, "");
	SETVAN(g, "pop", 0, 3);
	SETVAN(g, "pop", 1, 10);
	SETVAN(g, "lat", 0, 1.5);
	SETVAN(g, "lat", 1, NAN);
	SETVAB(g, "ok", 0, 1);
	SETVAB(g, "ok", 1, 0);
	SETEAN(g, "weight", 0, 2);
	SETEAN(g, "year", 0, 2020);
	SETEAS(g, "note", 0, "x");
}

/* Check one picked attribute's name and declared type. */
static void expect_attr(const cm_export_attr *a, const char *name, const char *type)
{
	assert_string_equal(a->name, name);
	assert_string_equal(a->type, type);
}

/* The test graph into g, its attributes listed and picked into at with these skips and hints. */
static void pick(cm_export_attrs *at, igraph_t *g, const char *const *vertex_skip, const char *const *edge_skip,
                 const cm_export_hint *hints)
{
	make_graph(g);
	assert_int_equal(cm_export_attrs_list(at, g), 0);
	assert_int_equal(cm_export_attrs_pick(at, g, vertex_skip, edge_skip, hints), 0);
}

/* Nothing skipped, no hints: every attribute, in the order it was made, typed from its values. */
static void test_pick_all(void **state)
{
	cm_export_attrs at = { 0 };
	igraph_t g;

	(void)state;
	pick(&at, &g, NULL, NULL, NULL);
	assert_int_equal(at.nv, 5);
	expect_attr(&at.v[0], "id", "string");      /* text, not numbers */
	expect_attr(&at.v[1], "label", "string");   /* the model's text: always string */
	expect_attr(&at.v[2], "pop", "long");       /* 3 and 10: whole */
	expect_attr(&at.v[3], "lat", "double");     /* 1.5 (NaN left out) */
	expect_attr(&at.v[4], "ok", "boolean");
	assert_int_equal(at.v[2].igtype, IGRAPH_ATTRIBUTE_NUMERIC);
	assert_int_equal(at.ne, 3);
	expect_attr(&at.e[0], "weight", "double");  /* a weight is always a real number */
	expect_attr(&at.e[1], "year", "long");
	expect_attr(&at.e[2], "note", "string");
	cm_export_attrs_free(&at);
	igraph_destroy(&g);
}

/* GEXF's skips (id, label; weight) and a hint: the rest keep their order, the hint wins over the values. */
static void test_pick_skip_hint(void **state)
{
	static const char *const vskip[] = { "id", "label", NULL }, *const eskip[] = { "weight", NULL };
	static const cm_export_hint hints[] = { { "pop", "double" }, { NULL, NULL } };
	cm_export_attrs at = { 0 };
	igraph_t g;

	(void)state;
	pick(&at, &g, vskip, eskip, hints);
	assert_int_equal(at.nv, 3);
	expect_attr(&at.v[0], "pop", "double");     /* the hint, though 3 and 10 are whole */
	expect_attr(&at.v[1], "lat", "double");
	expect_attr(&at.v[2], "ok", "boolean");
	assert_int_equal(at.ne, 2);
	expect_attr(&at.e[0], "year", "long");
	expect_attr(&at.e[1], "note", "string");
	/* the listing itself keeps every attribute, the graph's too */
	assert_int_equal(igraph_strvector_size(&at.names[1]), 5);
	assert_int_equal(igraph_strvector_size(&at.names[2]), 3);
	assert_int_equal(igraph_strvector_size(&at.names[0]), 0);
	cm_export_attrs_free(&at);
	igraph_destroy(&g);
}

/* Freeing is safe on a zeroed listing, and twice. */
static void test_free_zeroed(void **state)
{
	cm_export_attrs at = { 0 };
	igraph_t g;

	(void)state;
	cm_export_attrs_free(&at);
	make_graph(&g);
	assert_int_equal(cm_export_attrs_list(&at, &g), 0);
	cm_export_attrs_free(&at);
	cm_export_attrs_free(&at);
	assert_null(at.v);
	assert_int_equal(at.listed, 0);
	igraph_destroy(&g);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pick_all),
		cmocka_unit_test(test_pick_skip_hint),
		cmocka_unit_test(test_free_zeroed),
	};

	igraph_set_attribute_table(&igraph_cattribute_table);
	cm_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
