/* Unit tests of src/filter/years.c: the year filters, by hand-written cases. */
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
#include "filter/years.h"
#include "model/raw.h"

static char notices[1024];

/* Keep the notices, one per line. */
static void keep_notice(void *ctx, const char *message)
{
	(void)ctx;
	strncat(notices, message, sizeof(notices) - strlen(notices) - 2);
	strcat(notices, "\n");
}

/* The range test: inclusive ends, undated ties out once a year filter is set. */
static void test_keep(void **state)
{
	cm_filter none = { 0 }, from = { 0 }, to = { 0 }, one = { 0 };

	(void)state;
	from.has_from = 1;
	from.from = 2010;
	to.has_to = 1;
	to.to = 2015;
	one.has_from = one.has_to = 1;
	one.from = one.to = 2012;           /* --year 2012 */
	assert_false(cm_years_active(&none));
	assert_true(cm_years_active(&from));
	assert_true(cm_years_active(&to));
	assert_true(cm_years_keep(&none, NAN));
	assert_true(cm_years_keep(&none, 1900));
	assert_false(cm_years_keep(&from, NAN));
	assert_false(cm_years_keep(&from, 2009));
	assert_true(cm_years_keep(&from, 2010));
	assert_true(cm_years_keep(&from, 3000));
	assert_true(cm_years_keep(&to, -5));
	assert_true(cm_years_keep(&to, 2015));
	assert_false(cm_years_keep(&to, 2016));
	assert_false(cm_years_keep(&to, NAN));
	assert_false(cm_years_keep(&one, 2011));
	assert_true(cm_years_keep(&one, 2012));
	assert_false(cm_years_keep(&one, 2013));
}

/*
 * Actors a..f, ties a-b 2010, b-c 2014, c-d undated, d-e 2020, e-e 2012
 * (flagged on entry, as the pipeline flags self-loops).  With --to 2015:
 * c-d (undated) and d-e go; d loses all its ties (flagged unless listed),
 * e too (its loop does not count), f never had any (stays); c keeps b-c.
 * f's "year" 2016 is after --to: flagged; a's " " is undated (kept).
 */
static void test_flag(void **state)
{
	igraph_vector_int_t edges;
	igraph_t g;
	cm_filter f = { 0 };
	const double year[] = { 2010, 2014, NAN, 2020, 2012 };
	char flags[5] = { 0, 0, 0, 0, 1 }, vflags[6] = { 0 };
	static const char want_flags[5] = { 0, 0, 1, 1, 1 };
	static const char want_vflags[6] = { 0, 0, 0, 1, 1, 1 };
	igraph_integer_t undated = -1;

	(void)state;
	igraph_vector_int_init_int(&edges, 10, 0, 1, 1, 2, 2, 3, 3, 4, 4, 4);
	assert_int_equal(igraph_create(&g, &edges, 6, IGRAPH_UNDIRECTED), IGRAPH_SUCCESS);
	igraph_vector_int_destroy(&edges);
	SETVAS(&g, CM_ATTR_YEAR, 0, " ");
	SETVAS(&g, CM_ATTR_YEAR, 1, "2015");
	SETVAS(&g, CM_ATTR_YEAR, 5, "2016");
	f.has_to = 1;
	f.to = 2015;
	assert_int_equal(cm_years_flag(&undated, flags, vflags, &g, &f, year), 0);
	assert_int_equal(undated, 1);
	assert_memory_equal(flags, want_flags, sizeof(want_flags));
	assert_memory_equal(vflags, want_vflags, sizeof(want_vflags));

	/* listed actors (an actor table) stay when they lose their ties; --from: no "joined" test */
	memset(flags, 0, sizeof(flags));
	flags[4] = 1;
	memset(vflags, 0, sizeof(vflags));
	for (int v = 0; v < 6; v++)
		SETVAN(&g, CM_ATTR_LISTED, v, v == 3);
	f.has_to = 0;
	f.has_from = 1;
	f.from = 2014;
	assert_int_equal(cm_years_flag(&undated, flags, vflags, &g, &f, year), 0);
	assert_int_equal(undated, 1);
	/* a-b 2010 goes, b-c 2014 and d-e 2020 stay, c-d undated goes */
	assert_int_equal(flags[0], 1);
	assert_int_equal(flags[1], 0);
	assert_int_equal(flags[2], 1);
	assert_int_equal(flags[3], 0);
	/* a lost its only tie; d is listed; f's 2016 counts only with --to */
	assert_int_equal(vflags[0], 1);
	assert_int_equal(vflags[1] | vflags[2] | vflags[3] | vflags[4] | vflags[5], 0);

	/* no year filter: nothing flagged, nothing counted */
	memset(flags, 0, sizeof(flags));
	memset(vflags, 0, sizeof(vflags));
	f.has_from = 0;
	assert_int_equal(cm_years_flag(&undated, flags, vflags, &g, &f, year), 0);
	assert_int_equal(undated, 0);
	for (int i = 0; i < 5; i++)
		assert_int_equal(flags[i], 0);
	for (int i = 0; i < 6; i++)
		assert_int_equal(vflags[i], 0);
	igraph_destroy(&g);
}

/* Through the pipeline: text years, --from/--to and the notices' counts in the result. */
static void test_pipeline_years(void **state)
{
	igraph_vector_int_t edges;
	igraph_t g;
	cm_network *net = NULL;
	cm_filter f = { 0 };

	(void)state;
	igraph_vector_int_init_int(&edges, 8, 0, 1, 1, 2, 2, 3, 0, 1);
	igraph_create(&g, &edges, 4, IGRAPH_UNDIRECTED);
	igraph_vector_int_destroy(&edges);
	SETVAS(&g, "id", 0, "a");
	SETVAS(&g, "id", 1, "b");
	SETVAS(&g, "id", 2, "c");
	SETVAS(&g, "id", 3, "d");
	SETEAS(&g, "year", 0, "2001");
	SETEAS(&g, "year", 1, " 2005 ");
	SETEAS(&g, "year", 2, " ");      /* undated: spaces only, from a reader other than CSV */
	SETEAS(&g, "year", 3, "1999");
	f.has_from = 1;
	f.from = 2000;
	f.has_to = 1;
	f.to = 2005;
	notices[0] = '\0';
	assert_int_equal(cm_network_finish(&net, &g, "t.graphml", &f, 0), 0);
	assert_string_equal(notices,
	                    "left out 1 undated tie (no year) because of the year filter\n"
	                    "left out 1 actor with no tie in the years kept: 'd'\n");
	/* a-b 2001 (1999 out before the merge), b-c 2005; d lost its only tie */
	assert_int_equal(cm_network_actors(net), 3);
	assert_int_equal(cm_network_ties(net), 2);
	assert_int_equal(cm_network_find(net, "d"), -1);
	assert_true(EAN(&net->graph, CM_ATTR_WEIGHT, 0) == 1);
	cm_network_free(net);
}

/* A year filter on ties none of which has a year: refused (an empty network would say nothing). */
static void test_no_year_at_all(void **state)
{
	igraph_vector_int_t edges;
	igraph_t g;
	cm_network *net = NULL;
	cm_filter f = { 0 };

	(void)state;
	igraph_vector_int_init_int(&edges, 6, 0, 1, 1, 2, 2, 2);
	igraph_create(&g, &edges, 3, IGRAPH_UNDIRECTED);
	igraph_vector_int_destroy(&edges);
	SETVAS(&g, "id", 0, "a");
	SETVAS(&g, "id", 1, "b");
	SETVAS(&g, "id", 2, "c");
	/* two undated ties and a self-loop, which goes first and does not count */
	SETEAS(&g, "year", 0, "");
	SETEAS(&g, "year", 1, " ");
	SETEAS(&g, "year", 2, "2020");
	f.has_to = 1;
	f.to = 2021;
	cm_error_clear();
	assert_int_equal(cm_network_finish(&net, &g, "t.graphml", &f, 0), CM_EINPUT);
	assert_null(net);
	assert_string_equal(cm_error_message(), "--to: no tie has a year (no year column, or every year "
	                    "empty): the year filters need one");
	cm_error_clear();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_keep),
		cmocka_unit_test(test_flag),
		cmocka_unit_test(test_pipeline_years),
		cmocka_unit_test(test_no_year_at_all),
	};

	igraph_set_attribute_table(&igraph_cattribute_table);
	cm_init();
	cm_notice_set_handler(keep_notice, NULL);
	return cmocka_run_group_tests_name("years", tests, NULL, NULL);
}
