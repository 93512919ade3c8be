/*
 * Unit tests of src/filter/pipeline.c: cm_network_finish() from raw graphs
 * of the readers, through the model's attributes, the merge and the filters.
 */
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
#include "filter/filter.h"
#include "model/raw.h"

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
	assert_int_equal(cm_network_finish(&net, &g, "t.gml", NULL, 0), 0);
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
		assert_int_equal(cm_network_finish(&net, &g, "t.graphml", NULL, 0), CM_EINPUT);
		assert_null(net);
		assert_non_null(strstr(cm_error_message(), "t.graphml: tie 2 ("));
		assert_non_null(strstr(cm_error_message(), "is not a positive number"));
	}
	/* a numeric NaN is how readers say "no weight" (GraphML data left out): 1 */
	make_path(&g, 0);
	SETEAN(&g, "weight", 0, NAN);
	SETEAN(&g, "weight", 1, 2);
	assert_int_equal(cm_network_finish(&net, &g, "t.graphml", NULL, 0), 0);
	assert_true(EAN(&net->graph, CM_ATTR_WEIGHT, 0) == 1);
	assert_true(EAN(&net->graph, CM_ATTR_WEIGHT, 1) == 2);
	cm_network_free(net);
	/* the text "NaN" is refused */
	make_path(&g, 0);
	SETEAS(&g, "weight", 0, "NaN");
	cm_error_clear();
	assert_int_equal(cm_network_finish(&net, &g, "t.dot", NULL, 0), CM_EINPUT);
	assert_non_null(strstr(cm_error_message(), "weight 'NaN' is not a number"));
	make_path(&g, 0);
	SETEAS(&g, "weight", 0, "zz");
	cm_error_clear();
	assert_int_equal(cm_network_finish(&net, &g, "t.dot", NULL, 0), CM_EINPUT);
	assert_non_null(strstr(cm_error_message(), "t.dot: tie 1 ("));
	assert_non_null(strstr(cm_error_message(), "weight 'zz' is not a number"));
	make_path(&g, 0);
	SETEAS(&g, "year", 1, "2020.5");
	cm_error_clear();
	assert_int_equal(cm_network_finish(&net, &g, "t.dot", NULL, 0), CM_EINPUT);
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
	assert_int_equal(cm_network_finish(&net, &g, "t.graphml", NULL, 0), CM_EINPUT);
	assert_string_equal(cm_error_message(), "t.graphml: two actors have the id 'a'");
	make_path(&g, 0);
	SETVAS(&g, "id", 1, "");
	cm_error_clear();
	assert_int_equal(cm_network_finish(&net, &g, "t.graphml", NULL, 0), CM_EINPUT);
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
		assert_int_equal(cm_network_finish(&net, &g, "t", NULL, directed), 0);
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
	assert_int_equal(cm_network_finish(&net, &g, "karate", NULL, 0), 0);
	assert_int_equal(cm_network_actors(net), 34);
	assert_int_equal(cm_network_ties(net), 78);
	assert_string_equal(cm_network_vattr(net, CM_ATTR_ID, 33), "33");
	cm_network_free(net);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_finish_text_attributes),
		cmocka_unit_test(test_finish_bad_weights),
		cmocka_unit_test(test_finish_bad_ids),
		cmocka_unit_test(test_finish_merge),
		cmocka_unit_test(test_finish_karate),
	};

	igraph_set_attribute_table(&igraph_cattribute_table);
	cm_init();
	return cmocka_run_group_tests_name("pipeline", tests, NULL, NULL);
}
