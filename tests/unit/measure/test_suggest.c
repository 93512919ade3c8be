/* Unit tests of src/measure/suggest.c and suggest_score.c: suggestions worked out by hand. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "coopmap/coopmap.h"
#include "coopmap/common.h"
#include "coopmap/network.h"
#include "coopmap/regions.h"
#include "coopmap/suggest.h"
#include "coopmap/table.h"
#include "measure/suggest_score.h"

/* Build a network from ids, types, regions and an edge list ending with -1. */
static cm_network *make_net(int n, const char *const *ids, const char *const *types,
                            const char *const *regions, const igraph_integer_t *edges)
{
	igraph_vector_int_t ev;
	igraph_t g;
	cm_network *net = NULL;
	igraph_integer_t m = 0;

	while (edges[m] >= 0)
		m++;
	assert_int_equal(igraph_vector_int_init_array(&ev, edges, m), IGRAPH_SUCCESS);
	assert_int_equal(igraph_create(&g, &ev, n, IGRAPH_UNDIRECTED), IGRAPH_SUCCESS);
	igraph_vector_int_destroy(&ev);
	for (int v = 0; v < n; v++) {
		SETVAS(&g, "name", v, ids[v]);
		SETVAS(&g, "label", v, ids[v]);
		SETVAS(&g, "type", v, types[v]);
		SETVAS(&g, "region", v, regions[v]);
	}
	assert_int_equal(cm_network_wrap(&net, &g, "test"), 0);
	return net;
}

/* One expected row: candidate, score and reasons. */
struct expect {
	const char *candidate;
	double score;
	const char *reasons;
};

/* Check the rows of one actor in order. */
static void check_rows(const cm_table *t, size_t first, const char *actor, const struct expect *want,
                       size_t n)
{
	assert_true(cm_table_nrows(t) >= first + n);
	for (size_t i = 0; i < n; i++) {
		size_t row = first + i;

		assert_string_equal(cm_table_get_string(t, row, 0), actor);
		assert_string_equal(cm_table_get_string(t, row, 2), want[i].candidate);
		assert_float_equal(cm_table_get_number(t, row, 6), want[i].score, 1e-9);
		assert_string_equal(cm_table_get_string(t, row, 7), want[i].reasons);
	}
}

/*
 * An actor with no tie.  Regions: A - B - C in the adjacency (A and C not
 * neighbours); with the critical mass 10 all three are sparse and form one
 * club, "Club 1: A, B, C".
 *
 *   x(cite,A)   no tie
 *   h(association,A) - a1(cite,A), a2(cite,A), b1(cite,B), c1(cite,C)
 *   r(crpv,A) - a1
 *
 * x is outside the main component {h,a1,a2,b1,c1,r} and has no peer within
 * two steps, so every candidate of the main component gets +0.25 (join) and
 * +0.5 p/(p+1) for the p peers it would bring within two steps: a1 brings
 * itself (p=1: +0.25), so do a2, b1, c1 and r (r's partner a1); h brings 4
 * (+0.4).  Attributes: a1, a2 same region +1; b1 neighbouring +0.5; c1 same
 * club +0.25; r the region's crpv +1.25.
 *   r  1.25 + 0.25 + 0.25 = 1.75
 *   a1 1 + 0.25 + 0.25 = 1.5, a2 the same (by id after a1)
 *   b1 0.5 + 0.25 + 0.25 = 1
 *   c1 0.25 + 0.25 + 0.25 = 0.75
 *   h  0.25 + 0.4 = 0.65
 */
static const char *const ids1[] = { "x", "h", "a1", "a2", "b1", "c1", "r" };
static const char *const types1[] = { "cite", "association", "cite", "cite", "cite", "cite", "crpv" };
static const char *const regions1[] = { "A", "A", "A", "A", "B", "C", "A" };
static const igraph_integer_t edges1[] = { 1, 2, 1, 3, 1, 4, 1, 5, 6, 2, -1 };
static const char regions_csv[] = "region,neighbour\nA,B\nB,C\n";

static void test_no_tie_regions(void **state)
{
	static const struct expect want[] = {
		{ "r", 1.75, "resource centre of its region (A), not yet in touch; would join the main network; would bring a peer cité within two steps" },
		{ "a1", 1.5, "peer cité in the same region (A); would join the main network; would bring a peer cité within two steps" },
		{ "a2", 1.5, "peer cité in the same region (A); would join the main network; would bring a peer cité within two steps" },
		{ "b1", 1.0, "peer cité in a neighbouring region (B); would join the main network; would bring a peer cité within two steps" },
		{ "c1", 0.75, "peer cité in the same proposed club (C, Club 1); would join the main network; would bring a peer cité within two steps" },
		{ "h", 0.65, "would join the main network; would bring 4 peer cités within two steps" },
	};
	static const char *const actors[] = { "x" };
	cm_network *net = make_net(7, ids1, types1, regions1, edges1);
	cm_regions *reg = NULL;
	cm_suggest_options o;
	cm_table *t = NULL;

	(void)state;
	assert_int_equal(cm_regions_parse(&reg, regions_csv, strlen(regions_csv), "regions.csv"), 0);
	cm_suggest_options_default(&o);
	o.actors = actors;
	o.n_actors = 1;
	o.regions = reg;
	o.top = 6;
	assert_int_equal(cm_suggest_compute(&t, net, &o), 0);
	assert_int_equal(cm_table_nrows(t), 6);
	check_rows(t, 0, "x", want, 6);
	cm_table_free(t);

	/*
	 * without the adjacency: no neighbouring region and no club; b1 and c1
	 * only by reach (0.25 + 0.25 = 0.5), after h (0.65)
	 */
	o.regions = NULL;
	o.top = 5;
	assert_int_equal(cm_suggest_compute(&t, net, &o), 0);
	assert_int_equal(cm_table_nrows(t), 5);
	assert_string_equal(cm_table_get_string(t, 0, 2), "r");
	assert_string_equal(cm_table_get_string(t, 1, 2), "a1");
	assert_string_equal(cm_table_get_string(t, 2, 2), "a2");
	/* reach candidates are the top by peers brought: h (4) first */
	assert_string_equal(cm_table_get_string(t, 3, 2), "h");
	assert_string_equal(cm_table_get_string(t, 4, 2), "b1");
	assert_float_equal(cm_table_get_number(t, 4, 6), 0.5, 1e-9);
	assert_string_equal(cm_table_get_string(t, 4, 7), "would join the main network; would bring a peer cité within two steps");
	cm_table_free(t);
	cm_regions_free(reg);
	cm_network_free(net);
}

/*
 * Common partners.  t - p1, t - p2, u1 - p1, u1 - p2, u2 - p1, z - p1; no
 * region.  deg p1 = 4 (t, u1, u2, z), deg p2 = 2 (t, u1).  t has u1, a
 * cité, within two steps: no reach bonus, one component: no join.
 *   u1: RA 1/4 + 1/2 = 0.75, AA 1/ln 4 + 1/ln 2 = 0.721348 + 1.442695 -> 2.914
 *   u2: RA 1/4, AA 1/ln 4 -> 0.971;  z the same, after u2 by id
 * p1 and p2, current partners, are never suggested.
 */
static const char *const ids2[] = { "t", "p1", "p2", "u1", "u2", "z" };
static const char *const types2[] = { "cite", "association", "association", "cite", "cite", "school" };
static const char *const regions2[] = { "", "", "", "", "", "" };
static const igraph_integer_t edges2[] = { 0, 1, 0, 2, 3, 1, 3, 2, 4, 1, 5, 1, -1 };

static void test_common_partners(void **state)
{
	static const struct expect want[] = {
		{ "u1", 2.914, "both work with p2 and p1" },
		{ "u2", 0.971, "both work with p1" },
		{ "z", 0.971, "both work with p1" },
	};
	static const char *const actors[] = { "t" };
	cm_network *net = make_net(6, ids2, types2, regions2, edges2);
	cm_suggest_options o;
	cm_table *t = NULL;

	(void)state;
	cm_suggest_options_default(&o);
	o.actors = actors;
	o.n_actors = 1;
	o.top = 10;
	assert_int_equal(cm_suggest_compute(&t, net, &o), 0);
	assert_int_equal(cm_table_nrows(t), 3);
	check_rows(t, 0, "t", want, 3);
	cm_table_free(t);
	cm_network_free(net);
}

/* Default targets: focus actors of level >= 1, most isolated first; and the errors. */
static void test_targets_and_errors(void **state)
{
	static const char *const nobody[] = { "nobody" };
	cm_network *net = make_net(7, ids1, types1, regions1, edges1);
	cm_suggest_options o;
	cm_table *t = NULL;

	(void)state;
	cm_suggest_options_default(&o);
	o.level = 3; /* only x has no tie */
	assert_int_equal(cm_suggest_compute(&t, net, &o), 0);
	assert_int_equal(cm_table_nrows(t), 5);
	for (size_t i = 0; i < 5; i++) {
		assert_string_equal(cm_table_get_string(t, i, 0), "x");
		assert_string_not_equal(cm_table_get_string(t, i, 2), "x");
	}
	cm_table_free(t);
	t = NULL;
	o.actors = nobody;
	o.n_actors = 1;
	assert_int_equal(cm_suggest_compute(&t, net, &o), CM_EUSAGE);
	assert_null(t);
	assert_string_equal(cm_error_message(), "no actor 'nobody' in test");
	cm_error_clear();
	o.n_actors = 0;
	o.type = "school";
	assert_int_equal(cm_suggest_compute(&t, net, &o), CM_EUSAGE);
	cm_error_clear();
	o.type = NULL;
	o.top = 0;
	assert_int_equal(cm_suggest_compute(&t, net, &o), CM_EUSAGE);
	cm_error_clear();
	cm_network_free(net);
}

/* Scores and ids of one target's candidates, for the brute-force ranking. */
struct ranked {
	double score;
	const char *id;
};

/* By score descending, then id (qsort). */
static int ranked_cmp(const void *pa, const void *pb)
{
	const struct ranked *a = pa, *b = pb;

	if (a->score != b->score)
		return a->score > b->score ? -1 : 1;
	return strcmp(a->id, b->id);
}

/*
 * The candidates cm_suggest_compute() looks at (two steps, region lists,
 * resource centres, the actors near the most peers) are enough: on random
 * sparse networks (many actors without a tie or a peer within two steps,
 * several components), its top K for every cité equals the top K of
 * scoring every actor (the same score, so this checks the pruning, not the
 * weights, which the tests above work out by hand).  Actors whose only
 * merit is joining the main component are not suggestions.
 */
static void test_matches_brute_force(void **state)
{
	static const char *const region_names[] = { "A", "B", "C", "D", "E", "" };
	static const char regions_txt[] = "region,neighbour\nA,B\nB,C\nC,D\nE,\n";
	const int top = 4;

	(void)state;
	for (int round_no = 0; round_no < 6; round_no++) {
		igraph_integer_t n = 150 + 50 * round_no, m = n / 2 + 40 * round_no;
		igraph_t g;
		cm_network *net = NULL;
		cm_regions *reg = NULL;
		cm_suggest_options o;
		cm_table *t = NULL;
		sg_ctx c;
		igraph_matrix_t aa;
		struct ranked *all = malloc((size_t)n * sizeof(*all));
		char (*ids)[16] = malloc((size_t)n * sizeof(*ids));
		size_t row = 0;

		assert_non_null(all);
		assert_non_null(ids);
		igraph_rng_seed(igraph_rng_default(), 1000 + (igraph_uint_t)round_no);
		assert_int_equal(igraph_erdos_renyi_game_gnm(&g, n, m, IGRAPH_UNDIRECTED, IGRAPH_NO_LOOPS), 0);
		for (igraph_integer_t v = 0; v < n; v++) {
			igraph_integer_t k = RNG_INTEGER(0, 99);

			snprintf(ids[v], sizeof(ids[v]), "v%03d", (int)v);
			SETVAS(&g, "name", v, ids[v]);
			SETVAS(&g, "type", v, k < 45 ? "cite" : k < 52 ? "crpv" : "association");
			SETVAS(&g, "region", v, region_names[RNG_INTEGER(0, 5)]);
		}
		assert_int_equal(cm_network_wrap(&net, &g, "random"), 0);
		assert_int_equal(cm_regions_parse(&reg, regions_txt, strlen(regions_txt), "r.csv"), 0);
		cm_suggest_options_default(&o);
		o.level = 0;
		o.top = top;
		o.regions = round_no % 2 ? reg : NULL;
		assert_int_equal(cm_suggest_compute(&t, net, &o), 0);
		assert_int_equal(sg_ctx_init(&c, net, "cite", o.regions, 0), 0);
		assert_int_equal(igraph_matrix_init(&aa, 0, 0), 0);
		while (row < cm_table_nrows(t)) {
			const char *actor = cm_table_get_string(t, row, 0);
			igraph_integer_t v = atol(actor + 1), one[1] = { v };
			size_t k = 0, mine = 0;

			assert_int_equal(sg_adamic_adar(&aa, &c, one, 1), 0);
			sg_target(&c, v, &aa, 0);
			for (igraph_integer_t u = 0; u < n; u++) {
				double raw;

				if (u == v || sg_is_partner(&c, u))
					continue;
				raw = sg_score(&c, u);
				if (raw - (sg_joins_main(&c, u) ? CM_SUGGEST_W_JOIN : 0) <= 1e-12)
					continue;
				all[k].score = round(raw * 1000.0) / 1000.0;
				all[k++].id = ids[u];
			}
			qsort(all, k, sizeof(*all), ranked_cmp);
			while (row + mine < cm_table_nrows(t) && !strcmp(cm_table_get_string(t, row + mine, 0), actor))
				mine++;
			assert_int_equal(mine, k < (size_t)top ? k : (size_t)top);
			for (size_t i = 0; i < mine; i++) {
				assert_string_equal(cm_table_get_string(t, row + i, 2), all[i].id);
				assert_float_equal(cm_table_get_number(t, row + i, 6), all[i].score, 1e-9);
			}
			row += mine;
		}
		igraph_matrix_destroy(&aa);
		sg_ctx_free(&c);
		cm_table_free(t);
		cm_regions_free(reg);
		cm_network_free(net);
		free(all);
		free(ids);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_no_tie_regions),
		cmocka_unit_test(test_common_partners),
		cmocka_unit_test(test_targets_and_errors),
		cmocka_unit_test(test_matches_brute_force),
	};

	igraph_set_attribute_table(&igraph_cattribute_table);
	cm_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
