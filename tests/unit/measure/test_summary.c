/*
 * Unit tests of src/measure/summary.c (its writer is tested in
 * tests/unit/present/results/test_write_summary.c).  Expected values come
 * from published figures for Zachary's karate club, from NetworkX 2.8.8
 * (run by hand, see the comments) and from hand computations written out
 * below.  None of them comes from coopmap's own output.
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
#include "coopmap/network.h"
#include "coopmap/summary.h"
#include "coopmap/table.h"
#include "model/raw.h"

#define assert_close(a, b) assert_true(fabs((a) - (b)) < 1e-9)

/*
 * A network filled by hand (the struct is public), so that these tests do
 * not depend on the loader; the caller destroys net->graph.
 */
static void hand_network(cm_network *net, igraph_t *g, int directed)
{
	net->graph = *g;
	net->source = "test";
	net->directed = directed;
}

/* Set a vertex string attribute from an array. */
static void set_strings(igraph_t *g, const char *attr, const char *const *values)
{
	for (igraph_integer_t v = 0; v < igraph_vcount(g); v++)
		assert_int_equal(igraph_cattribute_VAS_set(g, attr, v, values[v]), IGRAPH_SUCCESS);
}

/*
 * Zachary's karate club (igraph_famous).  Published / NetworkX values
 * (networkx.karate_club_graph(), unweighted): 34 nodes, 78 edges,
 * density 0.13903743315508021, diameter 5, average shortest path length
 * 2.408199643493761, transitivity 0.2556818181818182, degree assortativity
 * -0.47561309768461413, 1 articulation point (actor 0) and 1 bridge (0-11).
 * The best known modularity is 0.4198; Leiden with seed 42 found 4
 * communities whose modularity, recomputed with
 * networkx.community.modularity on the membership printed by a throwaway
 * program, is 0.41978961209730437.
 */
static void test_karate(void **state)
{
	cm_network net = { 0 };
	cm_summary s;
	igraph_t g;

	(void)state;
	assert_int_equal(igraph_famous(&g, "Zachary"), IGRAPH_SUCCESS);
	hand_network(&net, &g, 0);
	assert_int_equal(cm_summary_compute(&s, &net, 42), 0);
	assert_int_equal(s.nodes, 34);
	assert_int_equal(s.edges, 78);
	assert_close(s.density, 0.13903743315508021);
	assert_int_equal(s.components, 1);
	assert_int_equal(s.largest_component, 34);
	assert_int_equal(s.isolated, 0);
	assert_close(s.diameter, 5);
	assert_close(s.average_path_length, 2.408199643493761);
	assert_false(s.paths_estimated);
	assert_close(s.transitivity, 0.2556818181818182);
	assert_close(s.degree_assortativity, -0.47561309768461413);
	assert_true(s.modularity >= 0.41);
	assert_true(s.modularity <= 0.4198 + 1e-4); /* cannot beat the known optimum */
	assert_close(s.modularity, 0.41978961209730437);
	assert_int_equal(s.communities, 4);
	assert_int_equal(s.articulation_points, 1);
	assert_int_equal(s.bridges, 1);
	/* no type or region attribute: every actor is "" */
	assert_int_equal(s.n_types, 1);
	assert_string_equal(s.types[0].value, "");
	assert_int_equal(s.types[0].count, 34);
	cm_summary_free(&s);
	igraph_destroy(&net.graph);
}

/*
 * The karate club through the library's own entry point, cm_network_wrap()
 * (which adds the model's default attributes: weight 1, type "" ...): the
 * same published figures as above.
 */
static void test_karate_wrapped(void **state)
{
	cm_network *net = NULL;
	cm_summary s;
	igraph_t g;

	(void)state;
	assert_int_equal(igraph_famous(&g, "Zachary"), IGRAPH_SUCCESS);
	assert_int_equal(cm_network_wrap(&net, &g, "karate"), 0);
	assert_int_equal(cm_summary_compute(&s, net, CM_DEFAULT_SEED), 0);
	assert_int_equal(s.nodes, 34);
	assert_int_equal(s.edges, 78);
	assert_close(s.density, 0.13903743315508021);
	assert_close(s.diameter, 5);
	assert_close(s.average_path_length, 2.408199643493761);
	assert_close(s.transitivity, 0.2556818181818182);
	assert_close(s.degree_assortativity, -0.47561309768461413);
	assert_true(s.modularity >= 0.41);
	assert_int_equal(s.n_types, 1);
	assert_int_equal(s.types[0].count, 34);
	cm_summary_free(&s);
	cm_network_free(net);
}

/*
 * The seed is the only randomness: seeds 1..12 are run, then again in
 * reverse order (so igraph's generator has been used in between), and each
 * seed must give its first result again.  Leiden's result does depend on
 * the seed on this graph (some seeds stop at a lower modularity), so the
 * test would notice a missing or misplaced igraph_rng_seed.
 */
static void test_seed_repeats(void **state)
{
	cm_network net = { 0 };
	double q[13];
	igraph_integer_t k[13];
	cm_summary s;
	igraph_t g;
	int differ = 0;

	(void)state;
	assert_int_equal(igraph_famous(&g, "Zachary"), IGRAPH_SUCCESS);
	hand_network(&net, &g, 0);
	for (unsigned long seed = 1; seed <= 12; seed++) {
		assert_int_equal(cm_summary_compute(&s, &net, seed), 0);
		q[seed] = s.modularity;
		k[seed] = s.communities;
		differ |= q[seed] != q[1];
		cm_summary_free(&s);
	}
	assert_true(differ);
	for (unsigned long seed = 12; seed >= 1; seed--) {
		assert_int_equal(cm_summary_compute(&s, &net, seed), 0);
		assert_true(s.modularity == q[seed]);
		assert_int_equal(s.communities, k[seed]);
		cm_summary_free(&s);
	}
	igraph_destroy(&net.graph);
}

/*
 * A small disconnected network, by hand:
 *
 *   A - B        E - F - H        G (no tie)
 *    \ /
 *     C - D
 *
 * 8 actors, 6 ties.  density = 6 / (8*7/2) = 3/14.
 * components {A,B,C,D}, {E,F,H}, {G}: 3, the largest has 4, 1 isolated.
 * distances: AB AC BC CD EF FH = 1, AD BD EH = 2: diameter 2, average
 * over the 9 connected pairs (6*1 + 3*2) / 9 = 12/9 = 4/3.
 * transitivity: 1 triangle, connected triples C(deg,2): A 1, B 1, C 3,
 * F 1 = 6, so 3*1/6 = 0.5.
 * degree assortativity: the 12 ordered edge ends (deg u, deg v) are
 * (2,2)x2 (2,3)x2 (3,2)x2 (3,1) (1,3) (1,2)x2 (2,1)x2; mean 2, variance
 * 6/12, covariance: only (3,1) and (1,3) give -1 each, so -2/12;
 * r = -2/6 = -1/3.
 * modularity: the best partition is {A,B,C,D} {E,F,H} {G}, with 2m = 12:
 * (4/6 - (8/12)^2) + (2/6 - (4/12)^2) + 0 = 2/9 + 2/9 = 4/9 (splitting
 * off D gives 0.1528 + -0.0069, splitting off H 0.0972: both worse;
 * merging disconnected groups only lowers Q).  NetworkX agrees:
 * modularity 0.4444444444444444, transitivity 0.5, assortativity
 * -0.3333333333333337, articulation points C and F, bridges CD EF FH.
 * types: cite A B E (3), crpv C F (2), then one each for "" (G),
 * association (H), ecole (D), ties by name; regions: Île-de-France A-D
 * (4), Occitanie E F H (3), Bretagne G (1).
 */
static void small_network(cm_network *net)
{
	static const char *const names[] = { "A", "B", "C", "D", "E", "F", "H", "G" };
	static const char *const types[] = { "cite", "cite", "crpv", "ecole", "cite", "crpv",
	                                     "association", "" };
	static const char *const regions[] = { "Île-de-France", "Île-de-France",
	                                       "Île-de-France", "Île-de-France", "Occitanie",
	                                       "Occitanie", "Occitanie", "Bretagne" };
	igraph_t g;

	assert_int_equal(igraph_small(&g, 8, IGRAPH_UNDIRECTED, 0, 1, 0, 2, 1, 2, 2, 3, 4, 5,
	                              5, 6, -1), IGRAPH_SUCCESS);
	set_strings(&g, CM_ATTR_ID, names);
	set_strings(&g, CM_ATTR_TYPE, types);
	set_strings(&g, CM_ATTR_REGION, regions);
	hand_network(net, &g, 0);
}

static void test_small(void **state)
{
	cm_network net = { 0 };
	cm_summary s;

	(void)state;
	small_network(&net);
	assert_int_equal(cm_summary_compute(&s, &net, CM_DEFAULT_SEED), 0);
	assert_int_equal(s.nodes, 8);
	assert_int_equal(s.edges, 6);
	assert_close(s.density, 3.0 / 14.0);
	assert_int_equal(s.components, 3);
	assert_int_equal(s.largest_component, 4);
	assert_int_equal(s.isolated, 1);
	assert_close(s.diameter, 2);
	assert_close(s.average_path_length, 4.0 / 3.0);
	assert_close(s.transitivity, 0.5);
	assert_close(s.degree_assortativity, -1.0 / 3.0);
	assert_close(s.modularity, 4.0 / 9.0);
	assert_int_equal(s.communities, 3);
	assert_int_equal(s.articulation_points, 2);
	assert_int_equal(s.bridges, 3);
	assert_int_equal(s.n_types, 5);
	assert_string_equal(s.types[0].value, "cite");
	assert_int_equal(s.types[0].count, 3);
	assert_string_equal(s.types[1].value, "crpv");
	assert_int_equal(s.types[1].count, 2);
	assert_string_equal(s.types[2].value, "");
	assert_string_equal(s.types[3].value, "association");
	assert_string_equal(s.types[4].value, "ecole");
	assert_int_equal(s.n_regions, 3);
	assert_string_equal(s.regions[0].value, "Île-de-France");
	assert_int_equal(s.regions[0].count, 4);
	assert_string_equal(s.regions[2].value, "Bretagne");
	cm_summary_free(&s);
	igraph_destroy(&net.graph);
}

/*
 * A directed network, by hand:  A -> B -> C -> A, C -> D, D -> C.
 * 5 ties, density 5 / (4*3) = 5/12.  Directed distances: from A: B1 C2
 * D3; B: C1 A2 D2; C: A1 D1 B2; D: C1 A2 B3; all 12 ordered pairs
 * reachable, sum 21: average 1.75, diameter 3 (NetworkX agrees).
 * Degree assortativity (out-degree of the source against in-degree of the
 * target, NetworkX degree_pearson_correlation_coefficient(x='out',
 * y='in')): pairs (1,1) (1,2) (2,1) (2,1) (1,2): r = -0.8/1.2 = -2/3.
 * Undirected view: AB, BC, CA weight 1 and CD weight 2 (two ties):
 * transitivity 3*1/5 = 0.6, articulation point C, one bridge CD (two
 * parallel ties would hide it).  Modularity, all 15 partitions tried with
 * NetworkX on the weighted view: best {A,B} {C,D} with 0.08.
 */
static void test_directed(void **state)
{
	cm_network net = { 0 };
	cm_summary s;
	igraph_t g;

	(void)state;
	assert_int_equal(igraph_small(&g, 4, IGRAPH_DIRECTED, 0, 1, 1, 2, 2, 0, 2, 3, 3, 2, -1),
	                 IGRAPH_SUCCESS);
	hand_network(&net, &g, 1);
	assert_int_equal(cm_summary_compute(&s, &net, CM_DEFAULT_SEED), 0);
	assert_int_equal(s.edges, 5);
	assert_close(s.density, 5.0 / 12.0);
	assert_int_equal(s.components, 1);
	assert_close(s.diameter, 3);
	assert_close(s.average_path_length, 1.75);
	assert_close(s.degree_assortativity, -2.0 / 3.0);
	assert_close(s.transitivity, 0.6);
	assert_int_equal(s.articulation_points, 1);
	assert_int_equal(s.bridges, 1);
	assert_close(s.modularity, 0.08);
	assert_int_equal(s.communities, 2);
	cm_summary_free(&s);
	igraph_destroy(&net.graph);
}

/*
 * Ties with weights: two triangles {0,1,2} {3,4,5} joined by 2-3, with
 * weight 10 on 0-1, 4-5 and 2-3 and 1 elsewhere.  m = 3*10 + 4*1 = 34,
 * 2m = 68, strengths 0:11 1:11 2:12 3:12 4:11 5:11.  Partition {0,1}
 * {2,3} {4,5}: each pair holds 10, so
 * Q = 30/34 - ((22/68)^2 + (24/68)^2 + (22/68)^2)
 *   = 0.882353 - (0.104671 + 0.124567 + 0.104671) = 0.548443,
 * while the two triangles give 2*(12/34) - 2*(34/68)^2 = 0.205882.
 * NetworkX (modularity with weight='weight', all 203 partitions of the six
 * actors tried) finds the three pairs best, with 0.5484429065743945.
 */
static void test_weighted(void **state)
{
	cm_network net = { 0 };
	cm_summary s;
	igraph_t g;
	igraph_vector_t w;
	double weights[] = { 10, 1, 1, 1, 1, 10, 10 };

	(void)state;
	assert_int_equal(igraph_small(&g, 6, IGRAPH_UNDIRECTED, 0, 1, 0, 2, 1, 2, 3, 4, 3, 5,
	                              4, 5, 2, 3, -1), IGRAPH_SUCCESS);
	igraph_vector_view(&w, weights, 7);
	assert_int_equal(igraph_cattribute_EAN_setv(&g, CM_ATTR_WEIGHT, &w), IGRAPH_SUCCESS);
	hand_network(&net, &g, 0);
	assert_int_equal(cm_summary_compute(&s, &net, CM_DEFAULT_SEED), 0);
	assert_close(s.modularity, 0.5484429065743945);
	assert_int_equal(s.communities, 3);
	/* paths stay unweighted: 0 to 4 is 3 steps */
	assert_close(s.diameter, 3);
	cm_summary_free(&s);
	igraph_destroy(&net.graph);
}

/* No actors at all: no crash, zeros and undefined figures (NaN). */
static void test_empty(void **state)
{
	cm_network net = { 0 };
	cm_summary s;
	igraph_t g;

	(void)state;
	assert_int_equal(igraph_empty(&g, 0, IGRAPH_UNDIRECTED), IGRAPH_SUCCESS);
	hand_network(&net, &g, 0);
	assert_int_equal(cm_summary_compute(&s, &net, CM_DEFAULT_SEED), 0);
	assert_int_equal(s.nodes, 0);
	assert_int_equal(s.components, 0);
	assert_int_equal(s.largest_component, 0);
	assert_int_equal(s.communities, 0);
	assert_true(isnan(s.density));
	assert_true(isnan(s.diameter));
	assert_true(isnan(s.modularity));
	assert_int_equal(s.n_types, 0);
	cm_summary_free(&s);
	igraph_destroy(&net.graph);
}

/*
 * Three actors and no tie: density 0/3 = 0, 3 components of 1, 3
 * isolated, every path figure undefined, each actor its own community.
 */
static void test_no_ties(void **state)
{
	cm_network net = { 0 };
	cm_summary s;
	igraph_t g;

	(void)state;
	assert_int_equal(igraph_empty(&g, 3, IGRAPH_UNDIRECTED), IGRAPH_SUCCESS);
	hand_network(&net, &g, 0);
	assert_int_equal(cm_summary_compute(&s, &net, CM_DEFAULT_SEED), 0);
	assert_close(s.density, 0);
	assert_int_equal(s.components, 3);
	assert_int_equal(s.largest_component, 1);
	assert_int_equal(s.isolated, 3);
	assert_true(isnan(s.diameter));
	assert_true(isnan(s.average_path_length));
	assert_true(isnan(s.transitivity));
	assert_true(isnan(s.degree_assortativity));
	assert_true(isnan(s.modularity));
	assert_int_equal(s.communities, 3);
	assert_int_equal(s.articulation_points, 0);
	assert_int_equal(s.bridges, 0);
	cm_summary_free(&s);
	igraph_destroy(&net.graph);
}

/* Record notices so a test can look at them. */
static void keep_notice(void *ctx, const char *message)
{
	snprintf(ctx, 256, "%s", message);
}

/*
 * Above actors x (actors + ties) = 3e8 the path figures are estimated (here
 * 20,001 x 40,002 = 8.0e8).  On a ring of 20,001
 * actors every actor sees the same distances 1,1,2,2,...,10000,10000, so
 * any sample gives the exact figures: diameter 10000 and average
 * 2*(10000*10001/2)/20000 = 5000.5.  No triangle: transitivity 0.
 */
static void test_estimated(void **state)
{
	cm_network net = { 0 };
	cm_summary s;
	igraph_t g;
	char notice[256] = "";

	(void)state;
	assert_int_equal(igraph_ring(&g, 20001, IGRAPH_UNDIRECTED, 0, 1), IGRAPH_SUCCESS);
	hand_network(&net, &g, 0);
	cm_notice_set_handler(keep_notice, notice);
	assert_int_equal(cm_summary_compute(&s, &net, CM_DEFAULT_SEED), 0);
	cm_notice_set_handler(NULL, NULL);
	assert_true(s.paths_estimated);
	assert_close(s.diameter, 10000);
	assert_close(s.average_path_length, 5000.5);
	assert_close(s.transitivity, 0);
	assert_int_equal(s.bridges, 0);
	assert_non_null(strstr(notice, "estimated"));
	cm_summary_free(&s);
	igraph_destroy(&net.graph);
}

/*
 * Estimates on a path of 20,000 actors (20,000 x 39,999 = 8.0e8 > 3e8).
 * By hand: the two ends are 19,999 ties apart, the diameter; whatever the
 * sampled sources, the farthest actor found is an end, and the search from
 * it (double sweep) finds 19,999, so the estimate is exact.  The mean
 * distance over the n(n-1)/2 pairs is sum_{d=1}^{n-1} d (n - d) / (n(n-1)/2)
 * = (n + 1) / 3 = 6667; a source at position i has mean distance
 * (i(i+1) + (n-1-i)(n-i)) / (2(n-1)), between n/4 and n/2, so 200 sources
 * estimate 6667 within a few percent (5% allowed).
 */
static void test_estimated_path(void **state)
{
	cm_network net = { 0 };
	cm_summary s;
	igraph_t g;

	(void)state;
	assert_int_equal(igraph_ring(&g, 20000, IGRAPH_UNDIRECTED, 0, 0), IGRAPH_SUCCESS);
	hand_network(&net, &g, 0);
	assert_int_equal(cm_summary_compute(&s, &net, CM_DEFAULT_SEED), 0);
	assert_true(s.paths_estimated);
	assert_close(s.diameter, 19999);
	assert_true(fabs(s.average_path_length / (20001.0 / 3.0) - 1) < 0.05);
	/* and it is an estimate, not the exact figure */
	assert_true(fabs(s.average_path_length - 20001.0 / 3.0) > 1e-6);
	cm_summary_free(&s);
	igraph_destroy(&net.graph);
}

/* Bad weights (a wrapped graph the loader did not check) are refused. */
static void test_bad_weight(void **state)
{
	cm_network net = { 0 };
	cm_summary s;
	igraph_t g;

	(void)state;
	assert_int_equal(igraph_small(&g, 2, IGRAPH_UNDIRECTED, 0, 1, -1), IGRAPH_SUCCESS);
	assert_int_equal(igraph_cattribute_EAN_set(&g, CM_ATTR_WEIGHT, 0, -1), IGRAPH_SUCCESS);
	hand_network(&net, &g, 0);
	cm_error_clear();
	assert_int_equal(cm_summary_compute(&s, &net, CM_DEFAULT_SEED), CM_EINPUT);
	assert_non_null(strstr(cm_error_message(), "not a positive number"));
	cm_error_clear();
	igraph_destroy(&net.graph);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_karate),
		cmocka_unit_test(test_karate_wrapped),
		cmocka_unit_test(test_seed_repeats),
		cmocka_unit_test(test_small),
		cmocka_unit_test(test_directed),
		cmocka_unit_test(test_weighted),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_no_ties),
		cmocka_unit_test(test_estimated),
		cmocka_unit_test(test_estimated_path),
		cmocka_unit_test(test_bad_weight),
	};

	igraph_set_attribute_table(&igraph_cattribute_table);
	cm_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
