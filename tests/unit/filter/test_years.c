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

/*
 * A tie is kept when it was active at some time in the range: started by
 * its end (--to) and not ended before its start (--from; --to alone: the
 * end of that year).  A tie without an end is ongoing; an undated one is
 * out once a year filter is set, unless keep_undated.
 */
static void test_keep(void **state)
{
	cm_filter none = { 0 }, from = { 0 }, to = { 0 }, one = { 0 }, keep = { 0 };

	(void)state;
	from.has_from = 1;
	from.from = 2010;
	to.has_to = 1;
	to.to = 2015;
	one.has_from = one.has_to = 1;
	one.from = one.to = 2012;           /* --year 2012 */
	keep = to;
	keep.keep_undated = 1;
	assert_false(cm_years_active(&none));
	assert_true(cm_years_active(&from));
	assert_true(cm_years_active(&to));
	assert_true(cm_years_keep(&none, NAN, NAN));
	assert_true(cm_years_keep(&none, 1900, 1901));
	/* --from 2010: started any time, not ended before 2010 */
	assert_false(cm_years_keep(&from, NAN, NAN));
	assert_true(cm_years_keep(&from, 2009, NAN));
	assert_false(cm_years_keep(&from, 2005, 2009));
	assert_true(cm_years_keep(&from, 2005, 2010));
	assert_true(cm_years_keep(&from, 3000, NAN));
	/* --to 2015: started by 2015, not ended before 2015 */
	assert_true(cm_years_keep(&to, -5, NAN));
	assert_true(cm_years_keep(&to, 2015, NAN));
	assert_false(cm_years_keep(&to, 2016, NAN));
	assert_false(cm_years_keep(&to, NAN, NAN));
	assert_false(cm_years_keep(&to, 2010, 2014));
	assert_true(cm_years_keep(&to, 2010, 2015));
	/* --year 2012: active during 2012 */
	assert_true(cm_years_keep(&one, 2011, NAN));
	assert_true(cm_years_keep(&one, 2012, NAN));
	assert_false(cm_years_keep(&one, 2013, NAN));
	assert_false(cm_years_keep(&one, 2010, 2011));
	assert_true(cm_years_keep(&one, 2010, 2012));
	/* --keep-undated: an undated tie is present throughout, until its end */
	assert_true(cm_years_keep(&keep, NAN, NAN));
	assert_false(cm_years_keep(&keep, NAN, 2014));
	assert_false(cm_years_keep(&keep, 2016, NAN));
}

/*
 * Actors a..f, ties a-b 2010, b-c 2014, c-d undated, d-e 2020, e-e 2012
 * (flagged on entry, as the pipeline flags self-loops).  With --to 2015:
 * c-d (undated) and d-e go; d loses all its ties, e too (its loop does not
 * count): they go when known only through ties (listed 0), and stay when
 * the format declares every node (no listed attribute); f never had any
 * (stays), but its "year" 2016 is after --to: flagged; a's " " is undated
 * (kept); c keeps b-c.
 */
static void test_flag(void **state)
{
	igraph_vector_int_t edges;
	igraph_t g;
	cm_filter f = { 0 };
	const double year[] = { 2010, 2014, NAN, 2020, 2012 };
	const double end[] = { 2012, NAN, NAN, NAN, NAN };
	char flags[5] = { 0, 0, 0, 0, 1 }, vflags[6] = { 0 };
	static const char want_flags[5] = { 0, 0, 1, 1, 1 };
	static const char want_vflags_declared[6] = { 0, 0, 0, 0, 0, 1 };
	static const char want_vflags_ties[6] = { 0, 0, 0, 1, 1, 1 };
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
	/* every node declared (GraphML, GML, Pajek, DOT): no listed attribute */
	assert_int_equal(cm_years_flag(&undated, flags, vflags, &g, &f, year, NULL), 0);
	assert_int_equal(undated, 1);
	assert_memory_equal(flags, want_flags, sizeof(want_flags));
	assert_memory_equal(vflags, want_vflags_declared, sizeof(want_vflags_declared));
	/* a CSV edge list without an actor table: every actor known through ties only */
	memset(flags, 0, sizeof(flags));
	flags[4] = 1;
	memset(vflags, 0, sizeof(vflags));
	for (int v = 0; v < 6; v++)
		SETVAN(&g, CM_ATTR_LISTED, v, 0);
	assert_int_equal(cm_years_flag(&undated, flags, vflags, &g, &f, year, NULL), 0);
	assert_memory_equal(flags, want_flags, sizeof(want_flags));
	assert_memory_equal(vflags, want_vflags_ties, sizeof(want_vflags_ties));

	/*
	 * --from 2014 with end years: a-b ended in 2012 (before 2014): out;
	 * b-c, d-e ongoing: kept; c-d undated: out.  a (not listed) lost its
	 * only tie; b ended in 2013 as an actor (before 2014); d is listed.
	 */
	memset(flags, 0, sizeof(flags));
	flags[4] = 1;
	memset(vflags, 0, sizeof(vflags));
	for (int v = 0; v < 6; v++)
		SETVAN(&g, CM_ATTR_LISTED, v, v == 3);
	SETVAS(&g, CM_ATTR_END, 1, "2013");
	f.has_to = 0;
	f.has_from = 1;
	f.from = 2014;
	assert_int_equal(cm_years_flag(&undated, flags, vflags, &g, &f, year, end), 0);
	assert_int_equal(undated, 1);
	assert_int_equal(flags[0], 1);
	assert_int_equal(flags[1], 0);
	assert_int_equal(flags[2], 1);
	assert_int_equal(flags[3], 0);
	assert_int_equal(vflags[0], 1);
	assert_int_equal(vflags[1], 1);
	/* f's 2016 counts only with --to */
	assert_int_equal(vflags[2] | vflags[3] | vflags[4] | vflags[5], 0);

	/* no year filter: nothing flagged, nothing counted */
	memset(flags, 0, sizeof(flags));
	memset(vflags, 0, sizeof(vflags));
	f.has_from = 0;
	assert_int_equal(cm_years_flag(&undated, flags, vflags, &g, &f, year, end), 0);
	assert_int_equal(undated, 0);
	for (int i = 0; i < 5; i++)
		assert_int_equal(flags[i], 0);
	for (int i = 0; i < 6; i++)
		assert_int_equal(vflags[i], 0);
	igraph_destroy(&g);
}

/*
 * Through the pipeline: text years, --from 2000 --to 2005 and the notices.
 * Ties a-b 2001, b-c 2005, c-d undated, a-b 1999.  The 1999 tie is
 * ongoing, so active in 2000: kept, then merged with a-b 2001 (weight 2,
 * earliest year 1999); c-d goes.  d loses its tie but stays: a GraphML
 * file declares its nodes.
 */
static void test_pipeline_years(void **state)
{
	igraph_vector_int_t edges;
	igraph_t g;
	cm_network *net = NULL;
	cm_filter f = { 0 };
	igraph_integer_t e;

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
	                    "merged 1 repeated tie (weights added up): 'a' - 'b'\n");
	assert_int_equal(cm_network_actors(net), 4);
	assert_int_equal(cm_network_ties(net), 2);
	assert_true(cm_network_find(net, "d") >= 0);
	igraph_get_eid(&net->graph, &e, cm_network_find(net, "a"), cm_network_find(net, "b"), 0, 1);
	assert_true(EAN(&net->graph, CM_ATTR_WEIGHT, e) == 2);
	assert_true(EAN(&net->graph, CM_ATTR_YEAR, e) == 1999);
	cm_network_free(net);
}

/*
 * End years through the pipeline: a-b 2019 ended 2020, b-c 2019 ongoing,
 * c-d 2021.  --to 2020: a-b (ended in 2020, not before) and b-c; --to
 * 2021: b-c and c-d (a-b ended before 2021).  An end before the start, or
 * not a year, is refused naming the tie.
 */
static void test_end_years(void **state)
{
	static const char *const ids[] = { "a", "b", "c", "d" };
	static const char *const start[] = { "2019", "2019", "2021" };
	static const char *const ends[] = { "2020", "", "" };
	cm_filter f = { 0 };

	(void)state;
	for (int to = 2020; to <= 2023; to += 3) {
		igraph_vector_int_t edges;
		igraph_t g;
		cm_network *net = NULL;

		igraph_vector_int_init_int(&edges, 6, 0, 1, 1, 2, 2, 3);
		igraph_create(&g, &edges, 4, IGRAPH_UNDIRECTED);
		igraph_vector_int_destroy(&edges);
		for (int v = 0; v < 4; v++)
			SETVAS(&g, "id", v, ids[v]);
		for (int e = 0; e < 3; e++) {
			SETEAS(&g, "year", e, start[e]);
			SETEAS(&g, "end", e, ends[e]);
		}
		f.has_to = 1;
		f.to = to == 2023 ? 2021 : 2020;
		assert_int_equal(cm_network_finish(&net, &g, "t.graphml", &f, 0), 0);
		assert_int_equal(cm_network_ties(net), 2);
		{
			igraph_bool_t ab = 0, cd = 0;

			igraph_are_connected(&net->graph, cm_network_find(net, "a"), cm_network_find(net, "b"), &ab);
			igraph_are_connected(&net->graph, cm_network_find(net, "c"), cm_network_find(net, "d"), &cd);
			assert_int_equal(ab, f.to == 2020);
			assert_int_equal(cd, f.to == 2021);
		}
		cm_network_free(net);
	}
	/* refused: an end before the start, and an end that is not a year */
	for (int k = 0; k < 2; k++) {
		igraph_vector_int_t edges;
		igraph_t g;
		cm_network *net = NULL;

		igraph_vector_int_init_int(&edges, 2, 0, 1);
		igraph_create(&g, &edges, 2, IGRAPH_UNDIRECTED);
		igraph_vector_int_destroy(&edges);
		SETVAS(&g, "id", 0, "a");
		SETVAS(&g, "id", 1, "b");
		SETEAS(&g, "year", 0, "2020");
		SETEAS(&g, "end", 0, k ? "soon" : "2019");
		cm_error_clear();
		assert_int_equal(cm_network_finish(&net, &g, "t.graphml", &f, 0), CM_EINPUT);
		assert_non_null(strstr(cm_error_message(), k ? "end year 'soon' is not a whole number"
		                                             : "(a, b) ends in 2019, before it starts in 2020"));
		cm_error_clear();
	}
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
		cmocka_unit_test(test_end_years),
		cmocka_unit_test(test_no_year_at_all),
	};

	igraph_set_attribute_table(&igraph_cattribute_table);
	cm_init();
	cm_notice_set_handler(keep_notice, NULL);
	return cmocka_run_group_tests_name("years", tests, NULL, NULL);
}
