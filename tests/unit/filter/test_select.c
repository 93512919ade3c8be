/* Unit tests of src/filter/select.c: --min-weight, --where, --ego and flagged deletions. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "coopmap/coopmap.h"
#include "coopmap/common.h"
#include "coopmap/filter.h"
#include "coopmap/network.h"
#include "filter/select.h"

/* A path a-b-c-d-e with "type" x, y, x, z, y. */
static void make_path(igraph_t *g)
{
	static const char *const ids[] = { "a", "b", "c", "d", "e" }, *const types[] = { "x", "y", "x", "z", "y" };
	igraph_vector_int_t edges;

	igraph_vector_int_init_int(&edges, 8, 0, 1, 1, 2, 2, 3, 3, 4);
	assert_int_equal(igraph_create(g, &edges, 5, IGRAPH_UNDIRECTED), IGRAPH_SUCCESS);
	igraph_vector_int_destroy(&edges);
	for (int v = 0; v < 5; v++) {
		SETVAS(g, CM_ATTR_ID, v, ids[v]);
		SETVAS(g, CM_ATTR_TYPE, v, types[v]);
	}
}

/* The ids of g's actors, joined by spaces. */
static const char *ids_of(const igraph_t *g)
{
	static char buf[256];

	buf[0] = '\0';
	for (igraph_integer_t v = 0; v < igraph_vcount(g); v++) {
		strcat(buf, v ? " " : "");
		strcat(buf, VAS(g, CM_ATTR_ID, v));
	}
	return buf;
}

/* Ties lighter than the minimum are flagged, those already flagged are not counted. */
static void test_min_weight(void **state)
{
	const double w[] = { 0.5, 1, 2, 0.9, 3 };
	char flags[5] = { 0, 0, 0, 1, 0 };
	igraph_integer_t light = -1;

	(void)state;
	cm_filter_min_weight(&light, flags, w, 5, 1);
	assert_int_equal(light, 1);
	assert_int_equal(flags[0], 1);
	assert_int_equal(flags[1] | flags[2] | flags[4], 0);
	assert_int_equal(flags[3], 1);
	memset(flags, 0, sizeof(flags));
	cm_filter_min_weight(&light, flags, w, 5, 0); /* 0: every tie */
	assert_int_equal(light, 0);
	assert_int_equal(flags[0] | flags[3], 0);
}

/* Deleting flagged ties and actors counts them. */
static void test_delete(void **state)
{
	igraph_t g;
	const char eflags[4] = { 0, 1, 0, 1 }, vflags[5] = { 1, 0, 0, 0, 1 };
	igraph_integer_t count = -1;

	(void)state;
	make_path(&g);
	assert_int_equal(cm_filter_delete_edges(&count, &g, eflags), 0);
	assert_int_equal(count, 2);
	assert_int_equal(igraph_ecount(&g), 2);
	assert_int_equal(cm_filter_delete_vertices(&count, &g, vflags), 0);
	assert_int_equal(count, 2);
	assert_string_equal(ids_of(&g), "b c d");
	assert_int_equal(igraph_ecount(&g), 1); /* a-b went with a; c-d stays */
	igraph_destroy(&g);
}

/* --where type=x,z keeps a, c, d; "id" means the actor id; an unknown attribute is refused. */
static void test_where(void **state)
{
	static const char *values[] = { "x", "z" }, *id[] = { "e" };
	cm_filter f = { 0 };
	igraph_t g;

	(void)state;
	make_path(&g);
	f.where_attr = "type";
	f.where_values = values;
	f.n_where_values = 2;
	assert_int_equal(cm_filter_where(&g, &f, "t"), 0);
	assert_string_equal(ids_of(&g), "a c d");
	assert_int_equal(igraph_ecount(&g), 1);
	igraph_destroy(&g);
	make_path(&g);
	f.where_attr = "id";
	f.where_values = id;
	f.n_where_values = 1;
	assert_int_equal(cm_filter_where(&g, &f, "t"), 0);
	assert_string_equal(ids_of(&g), "e");
	igraph_destroy(&g);
	make_path(&g);
	f.where_attr = "colour";
	cm_error_clear();
	assert_int_equal(cm_filter_where(&g, &f, "t"), CM_EUSAGE);
	assert_string_equal(cm_error_message(),
	                    "--where: actors of t have no attribute 'colour' (they have: name, type)");
	cm_error_clear();
	igraph_destroy(&g);
}

/* The last notice. */
static char last_notice[256];

/* Keep the last notice. */
static void keep_notice(void *ctx, const char *message)
{
	(void)ctx;
	snprintf(last_notice, sizeof(last_notice), "%s", message);
}

/*
 * --where values match without case and accents: "X" keeps a and c (type
 * x); "É" matches no actor (x, y, z): said, with no close value; "zz" is
 * one edit from "z": said with it, and d is kept by "Z".
 */
static void test_where_folded(void **state)
{
	static const char *upper[] = { "X" }, *other[] = { "\xc3\x89", "zz", "Z" };
	cm_filter f = { 0 };
	igraph_t g;

	(void)state;
	cm_notice_set_handler(keep_notice, NULL);
	make_path(&g);
	f.where_attr = "Type";
	f.where_values = upper;
	f.n_where_values = 1;
	last_notice[0] = '\0';
	assert_int_equal(cm_filter_where(&g, &f, "t"), 0);
	assert_string_equal(ids_of(&g), "a c");
	assert_string_equal(last_notice, "");
	igraph_destroy(&g);
	make_path(&g);
	f.where_values = other;
	f.n_where_values = 3;
	assert_int_equal(cm_filter_where(&g, &f, "t"), 0);
	assert_string_equal(ids_of(&g), "d");
	assert_string_equal(last_notice, "--where: no actor has Type 'zz': did you mean 'z'?");
	igraph_destroy(&g);
	cm_notice_set_handler(NULL, NULL);
}

/* --ego c keeps b, c, d (depth 1, also for 0) or all five (depth 2); an unknown actor is refused. */
static void test_ego(void **state)
{
	cm_filter f = { 0 };
	igraph_t g;

	(void)state;
	f.ego = "c";
	for (int depth = 0; depth <= 2; depth++) {
		make_path(&g);
		f.depth = depth;
		assert_int_equal(cm_filter_ego(&g, &f, "t"), 0);
		assert_string_equal(ids_of(&g), depth < 2 ? "b c d" : "a b c d e");
		igraph_destroy(&g);
	}
	make_path(&g);
	f.ego = "q";
	cm_error_clear();
	assert_int_equal(cm_filter_ego(&g, &f, "t"), CM_EUSAGE);
	assert_string_equal(cm_error_message(), "--ego: no actor 'q' in t");
	cm_error_clear();
	igraph_destroy(&g);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_min_weight),
		cmocka_unit_test(test_delete),
		cmocka_unit_test(test_where),
		cmocka_unit_test(test_where_folded),
		cmocka_unit_test(test_ego),
	};

	igraph_set_attribute_table(&igraph_cattribute_table);
	cm_init();
	return cmocka_run_group_tests_name("select", tests, NULL, NULL);
}
