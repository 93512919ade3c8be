/* Unit tests of src/network.c: the name table, cm_network_finish() and the accessors. */
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
#include "coopmap/load.h"
#include "coopmap/network.h"
#include "filter/filter.h"
#include "model/names.h"
#include "model/raw.h"

/* Many names survive the table's growth; equal text finds the same index. */
static void test_names_table(void **state)
{
	enum { N = 20000 };
	static char text[N][16];
	cm_names t;
	igraph_integer_t idx;
	int added;

	(void)state;
	cm_names_init(&t);
	assert_int_equal(cm_names_get(&t, "x"), -1);
	for (int i = 0; i < N; i++) {
		snprintf(text[i], sizeof(text[i]), "%d", i);
		assert_int_equal(cm_names_add(&t, text[i], &idx, &added), 0);
		assert_true(added);
		assert_int_equal(idx, i);
	}
	/* "007" is not "7": names are compared as text */
	assert_int_equal(cm_names_add(&t, "007", &idx, &added), 0);
	assert_true(added);
	assert_int_equal(idx, N);
	assert_int_equal(cm_names_add(&t, "7", &idx, &added), 0);
	assert_false(added);
	assert_int_equal(idx, 7);
	assert_int_equal(cm_names_get(&t, "19999"), 19999);
	assert_int_equal(cm_names_get(&t, "20000"), -1);
	cm_names_free(&t);
}

/*
 * cm_ties_merge() against a plain quadratic reference written here: each
 * tie not flagged is compared with every earlier tie not yet merged; the
 * first with the same ends (either order when undirected) takes the
 * weight (summed in file order) and the earliest year.
 */
static void check_merge(int directed, igraph_integer_t n, igraph_integer_t m, unsigned seed)
{
	igraph_vector_int_t edges;
	char *flags = calloc((size_t)m, 1), *want_flags = calloc((size_t)m, 1);
	double *w = malloc((size_t)m * sizeof(double)), *y = malloc((size_t)m * sizeof(double));
	double *want_w = malloc((size_t)m * sizeof(double)), *want_y = malloc((size_t)m * sizeof(double));
	igraph_integer_t merged = -1, want_merged = 0;

	assert_true(flags && want_flags && w && y && want_w && want_y);
	assert_int_equal(igraph_vector_int_init(&edges, 2 * m), IGRAPH_SUCCESS);
	srand(seed);
	for (igraph_integer_t e = 0; e < m; e++) {
		VECTOR(edges)[2 * e] = rand() % n;
		VECTOR(edges)[2 * e + 1] = rand() % n;
		/* weights with fractions, so that the order of the sums shows */
		w[e] = want_w[e] = (rand() % 1000 + 1) / 7.0;
		y[e] = want_y[e] = rand() % 5 ? 2000 + rand() % 25 : NAN;
		flags[e] = want_flags[e] = rand() % 10 == 0; /* already left out (a self-loop, say) */
	}
	for (igraph_integer_t e = 0; e < m; e++) {
		igraph_integer_t a = VECTOR(edges)[2 * e], b = VECTOR(edges)[2 * e + 1];

		if (want_flags[e])
			continue;
		for (igraph_integer_t t = 0; t < e; t++) {
			igraph_integer_t c = VECTOR(edges)[2 * t], d = VECTOR(edges)[2 * t + 1];

			if (want_flags[t] || !((a == c && b == d) || (!directed && a == d && b == c)))
				continue;
			want_w[t] += want_w[e];
			if (isnan(want_y[t]) || want_y[e] < want_y[t])
				want_y[t] = want_y[e];
			want_flags[e] = 1;
			want_merged++;
			break;
		}
	}
	assert_int_equal(cm_ties_merge(&edges, directed, flags, w, y, &merged), 0);
	assert_int_equal(merged, want_merged);
	assert_true(want_merged > 0);
	for (igraph_integer_t e = 0; e < m; e++) {
		assert_int_equal(flags[e], want_flags[e]);
		assert_true(w[e] == want_w[e]); /* exact: the same additions in the same order */
		assert_true((isnan(y[e]) && isnan(want_y[e])) || y[e] == want_y[e]);
	}
	igraph_vector_int_destroy(&edges);
	free(flags);
	free(want_flags);
	free(w);
	free(y);
	free(want_w);
	free(want_y);
}

/*
 * cm_ties_merge_grouped() against a reference written here: for each actor
 * a = 0, 1, ... in turn, the ties not flagged on entry whose group is a
 * (smaller end when undirected, first end when directed), in file order.
 * Its merge must be that of cm_ties_merge() on the same input, and with
 * weight NULL it must group and merge nothing.
 */
static void check_grouped(int directed, igraph_integer_t n, igraph_integer_t m, unsigned seed)
{
	igraph_vector_int_t edges;
	char *entry = calloc((size_t)m, 1), *flags = calloc((size_t)m, 1), *flags2 = calloc((size_t)m, 1);
	double *w = malloc((size_t)m * sizeof(double)), *y = malloc((size_t)m * sizeof(double));
	double *w2 = malloc((size_t)m * sizeof(double)), *y2 = malloc((size_t)m * sizeof(double));
	igraph_integer_t *order = NULL, *want = malloc((size_t)m * sizeof(*want));
	igraph_integer_t count = -1, merged = -1, merged2 = -1, k = 0;

	assert_true(entry && flags && flags2 && w && y && w2 && y2 && want);
	assert_int_equal(igraph_vector_int_init(&edges, 2 * m), IGRAPH_SUCCESS);
	srand(seed);
	for (igraph_integer_t e = 0; e < m; e++) {
		VECTOR(edges)[2 * e] = rand() % n;
		VECTOR(edges)[2 * e + 1] = rand() % n;
		w[e] = w2[e] = rand() % 10 + 1;
		y[e] = y2[e] = 2000 + rand() % 25;
		entry[e] = flags[e] = flags2[e] = rand() % 10 == 0;
	}
	for (igraph_integer_t a = 0; a < n; a++) {
		for (igraph_integer_t e = 0; e < m; e++) {
			igraph_integer_t u = VECTOR(edges)[2 * e], v = VECTOR(edges)[2 * e + 1];

			if (!entry[e] && ((directed || u < v) ? u : v) == a)
				want[k++] = e;
		}
	}
	assert_int_equal(cm_ties_merge_grouped(&edges, directed, flags, w, y, &merged, &order,
	                                       &count), 0);
	assert_int_equal(cm_ties_merge(&edges, directed, flags2, w2, y2, &merged2), 0);
	assert_int_equal(merged, merged2);
	assert_true(merged > 0);
	assert_memory_equal(flags, flags2, (size_t)m);
	assert_memory_equal(w, w2, (size_t)m * sizeof(double));
	assert_int_equal(count, k);
	assert_memory_equal(order, want, (size_t)k * sizeof(*want));
	free(order);
	/* grouping only: the same order, nothing flagged */
	memcpy(flags, entry, (size_t)m);
	merged = -1;
	assert_int_equal(cm_ties_merge_grouped(&edges, directed, flags, NULL, NULL, &merged, &order,
	                                       &count), 0);
	assert_int_equal(merged, 0);
	assert_memory_equal(flags, entry, (size_t)m);
	assert_int_equal(count, k);
	assert_memory_equal(order, want, (size_t)k * sizeof(*want));
	free(order);
	igraph_vector_int_destroy(&edges);
	free(entry);
	free(flags);
	free(flags2);
	free(w);
	free(y);
	free(w2);
	free(y2);
	free(want);
}

/* Ties grouped by actor for igraph's index, in file order within a group. */
static void test_ties_grouped(void **state)
{
	(void)state;
	check_grouped(0, 40, 3000, 5);
	check_grouped(1, 40, 3000, 6);
	check_grouped(0, 2000, 3000, 7);
}

/* Repeated ties merge into their first occurrence, in both directions unless directed. */
static void test_ties_merge(void **state)
{
	(void)state;
	check_merge(0, 40, 3000, 1);  /* dense: most ties repeat */
	check_merge(1, 40, 3000, 2);
	check_merge(0, 2000, 3000, 3); /* sparse: a few repeats */
	check_merge(1, 3, 50, 4);
}

/* A path a-b-c built by hand, with the given edge attributes set by the caller. */
static void make_path(igraph_t *g, igraph_bool_t directed)
{
	igraph_vector_int_t edges;

	igraph_vector_int_init_int(&edges, 4, 0, 1, 1, 2);
	assert_int_equal(igraph_create(g, &edges, 3, directed), IGRAPH_SUCCESS);
	igraph_vector_int_destroy(&edges);
	SETVAS(g, "id", 0, "a");
	SETVAS(g, "id", 1, "b");
	SETVAS(g, "id", 2, "c");
}

/* Wrapping a bare graph adds the model's attributes with their defaults. */
static void test_wrap_defaults(void **state)
{
	igraph_t g;
	cm_network *net = NULL;

	(void)state;
	igraph_ring(&g, 4, IGRAPH_UNDIRECTED, 0, 1);
	assert_int_equal(cm_network_wrap(&net, &g, "ring"), 0);
	assert_int_equal(cm_network_actors(net), 4);
	assert_int_equal(cm_network_ties(net), 4);
	/* no id at all: vertex indices become the names, and labels default to them */
	assert_string_equal(cm_network_vattr(net, CM_ATTR_ID, 2), "2");
	assert_string_equal(cm_network_vattr(net, CM_ATTR_LABEL, 2), "2");
	assert_string_equal(cm_network_vattr(net, CM_ATTR_TYPE, 2), "");
	assert_string_equal(cm_network_vattr(net, "no-such-attribute", 2), "");
	assert_string_equal(cm_network_vattr(net, CM_ATTR_ID, 99), "");
	assert_true(EAN(&net->graph, CM_ATTR_WEIGHT, 0) == 1);
	assert_true(isnan(EAN(&net->graph, CM_ATTR_YEAR, 0)));
	/* no tie kind in the input: no "kind" attribute (10M empty strings would cost 400 MB) */
	assert_false(igraph_cattribute_has_attr(&net->graph, IGRAPH_ATTRIBUTE_EDGE, CM_ATTR_KIND));
	assert_int_equal(cm_network_find(net, "3"), 3);
	assert_int_equal(cm_network_find(net, "4"), -1);
	assert_string_equal(net->source, "ring");
	cm_network_free(net);
	cm_network_free(NULL);
}

/* Text weights and years from a reader are converted; "id" becomes "name". */
static void test_finish_text_attributes(void **state)
{
	igraph_t g;
	cm_network *net = NULL;

	(void)state;
	make_path(&g, 0);
	SETEAS(&g, "weight", 0, "2.5");
	SETEAS(&g, "weight", 1, "");     /* empty: the default 1 */
	SETEAS(&g, "year", 0, "2021");
	SETEAS(&g, "year", 1, "");       /* undated */
	SETVAN(&g, "size", 0, 3);        /* a numeric extra becomes text */
	assert_int_equal(cm_network_finish(&net, &g, "t.gml", NULL), 0);
	assert_true(EAN(&net->graph, CM_ATTR_WEIGHT, 0) == 2.5);
	assert_true(EAN(&net->graph, CM_ATTR_WEIGHT, 1) == 1);
	assert_true(EAN(&net->graph, CM_ATTR_YEAR, 0) == 2021);
	assert_true(isnan(EAN(&net->graph, CM_ATTR_YEAR, 1)));
	assert_int_equal(cm_network_find(net, "b"), 1);
	assert_string_equal(cm_network_vattr(net, "size", 0), "3");
	assert_string_equal(cm_network_vattr(net, "id", 0), "");
	cm_network_free(net);
}

/* Weights that are text, NaN, infinite, zero or negative are refused, naming the tie. */
static void test_finish_bad_weights(void **state)
{
	static const double bad[] = { INFINITY, -INFINITY, 0, -1, 1e308 * -10 };
	igraph_t g;
	cm_network *net = NULL;

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		make_path(&g, 0);
		SETEAN(&g, "weight", 0, 1);
		SETEAN(&g, "weight", 1, bad[i]);
		cm_error_clear();
		assert_int_equal(cm_network_finish(&net, &g, "t.graphml", NULL), CM_EINPUT);
		assert_null(net);
		assert_non_null(strstr(cm_error_message(), "t.graphml: tie 2 ("));
		assert_non_null(strstr(cm_error_message(), "is not a positive number"));
	}
	/* a numeric NaN is how readers say "no weight" (GraphML data left out): 1 */
	make_path(&g, 0);
	SETEAN(&g, "weight", 0, NAN);
	SETEAN(&g, "weight", 1, 2);
	assert_int_equal(cm_network_finish(&net, &g, "t.graphml", NULL), 0);
	assert_true(EAN(&net->graph, CM_ATTR_WEIGHT, 0) == 1);
	assert_true(EAN(&net->graph, CM_ATTR_WEIGHT, 1) == 2);
	cm_network_free(net);
	/* the text "NaN" is refused */
	make_path(&g, 0);
	SETEAS(&g, "weight", 0, "NaN");
	cm_error_clear();
	assert_int_equal(cm_network_finish(&net, &g, "t.dot", NULL), CM_EINPUT);
	assert_non_null(strstr(cm_error_message(), "weight 'NaN' is not a number"));
	make_path(&g, 0);
	SETEAS(&g, "weight", 0, "zz");
	cm_error_clear();
	assert_int_equal(cm_network_finish(&net, &g, "t.dot", NULL), CM_EINPUT);
	assert_non_null(strstr(cm_error_message(), "t.dot: tie 1 ("));
	assert_non_null(strstr(cm_error_message(), "weight 'zz' is not a number"));
	make_path(&g, 0);
	SETEAS(&g, "year", 1, "2020.5");
	cm_error_clear();
	assert_int_equal(cm_network_finish(&net, &g, "t.dot", NULL), CM_EINPUT);
	assert_non_null(strstr(cm_error_message(), "year '2020.5' is not a whole number"));
	cm_error_clear();
}

/* Two actors with one id, or an empty id, are refused. */
static void test_finish_bad_ids(void **state)
{
	igraph_t g;
	cm_network *net = NULL;

	(void)state;
	make_path(&g, 0);
	SETVAS(&g, "id", 2, "a");
	cm_error_clear();
	assert_int_equal(cm_network_finish(&net, &g, "t.graphml", NULL), CM_EINPUT);
	assert_string_equal(cm_error_message(), "t.graphml: two actors have the id 'a'");
	make_path(&g, 0);
	SETVAS(&g, "id", 1, "");
	cm_error_clear();
	assert_int_equal(cm_network_finish(&net, &g, "t.graphml", NULL), CM_EINPUT);
	assert_string_equal(cm_error_message(), "t.graphml: actor 2 has an empty id");
	cm_error_clear();
}

/*
 * A directed input with a->b (w 1, 2019), b->a (w 2, undated), a->b again
 * (w 0.5, 2017) and b->c: undirected by default, the three a/b ties become
 * one of weight 3.5 and year 2017; with directed set, a->b merges (1.5) and
 * b->a stays.
 */
static void test_finish_merge(void **state)
{
	igraph_vector_int_t edges;
	igraph_t g;
	cm_network *net = NULL;
	cm_load_options o = { 0 };
	igraph_integer_t eid;

	(void)state;
	for (int directed = 0; directed <= 1; directed++) {
		igraph_vector_int_init_int(&edges, 8, 0, 1, 1, 0, 0, 1, 1, 2);
		igraph_create(&g, &edges, 3, IGRAPH_DIRECTED);
		igraph_vector_int_destroy(&edges);
		SETVAS(&g, "name", 0, "a");
		SETVAS(&g, "name", 1, "b");
		SETVAS(&g, "name", 2, "c");
		SETEAN(&g, "weight", 0, 1);
		SETEAN(&g, "weight", 1, 2);
		SETEAN(&g, "weight", 2, 0.5);
		SETEAN(&g, "weight", 3, 1);
		SETEAN(&g, "year", 0, 2019);
		SETEAN(&g, "year", 1, NAN);
		SETEAN(&g, "year", 2, 2017);
		SETEAN(&g, "year", 3, NAN);
		o.directed = directed;
		assert_int_equal(cm_network_finish(&net, &g, "t", &o), 0);
		if (!directed) {
			assert_false(net->directed);
			assert_int_equal(cm_network_ties(net), 2);
			igraph_get_eid(&net->graph, &eid, 0, 1, 0, 1);
			assert_true(EAN(&net->graph, CM_ATTR_WEIGHT, eid) == 3.5);
			assert_true(EAN(&net->graph, CM_ATTR_YEAR, eid) == 2017);
		} else {
			assert_true(net->directed);
			assert_int_equal(cm_network_ties(net), 3);
			igraph_get_eid(&net->graph, &eid, 0, 1, 1, 1);
			assert_true(EAN(&net->graph, CM_ATTR_WEIGHT, eid) == 1.5);
			igraph_get_eid(&net->graph, &eid, 1, 0, 1, 1);
			assert_true(EAN(&net->graph, CM_ATTR_WEIGHT, eid) == 2);
			assert_true(isnan(EAN(&net->graph, CM_ATTR_YEAR, eid)));
		}
		/* b-c was undated and stays so */
		igraph_get_eid(&net->graph, &eid, 1, 2, 0, 1);
		assert_true(isnan(EAN(&net->graph, CM_ATTR_YEAR, eid)));
		cm_network_free(net);
	}
}

/* Zachary's karate club: 34 actors, 78 ties (Zachary 1977), unchanged by finish. */
static void test_finish_karate(void **state)
{
	igraph_t g;
	cm_network *net = NULL;

	(void)state;
	igraph_famous(&g, "Zachary");
	assert_int_equal(cm_network_finish(&net, &g, "karate", NULL), 0);
	assert_int_equal(cm_network_actors(net), 34);
	assert_int_equal(cm_network_ties(net), 78);
	assert_string_equal(cm_network_vattr(net, CM_ATTR_ID, 33), "33");
	cm_network_free(net);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names_table),
		cmocka_unit_test(test_wrap_defaults),
		cmocka_unit_test(test_finish_text_attributes),
		cmocka_unit_test(test_finish_bad_weights),
		cmocka_unit_test(test_finish_bad_ids),
		cmocka_unit_test(test_finish_merge),
		cmocka_unit_test(test_ties_merge),
		cmocka_unit_test(test_ties_grouped),
		cmocka_unit_test(test_finish_karate),
	};

	igraph_set_attribute_table(&igraph_cattribute_table);
	cm_init();
	return cmocka_run_group_tests_name("network", tests, NULL, NULL);
}
