/*
 * Unit tests of src/measure/burt.c: Burt's effective size worked by hand
 * (the definition of docs/measures.md, NetworkX's effective_size).
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>

#include <igraph.h>

#include "coopmap/coopmap.h"
#include "coopmap/common.h"
#include "measure/burt.h"

#define assert_close(a, b) assert_true(fabs((a) - (b)) < 1e-12)

/*
 * Five actors; mutual weights (both directions summed):
 *
 *   0 -2- 1        w01 = 2, w02 = 1, w12 = 1, w23 = 1; 4 has no tie
 *    \   /
 *     1 1
 *      2 -1- 3
 *
 * sums s0 = 3, s1 = 3, s2 = 3, s3 = 1; largest weights M0 = 2, M1 = 2,
 * M2 = 1, M3 = 1.  ES(i) = sum over alters j of (1 - sum over the other
 * alters q of p_iq m_jq), p_iq = w_iq / s_i, m_jq = w_jq / M_j:
 *   ES(0): p01 = 2/3, p02 = 1/3.  j = 1: q = 2: 1/3 * w12/M1 = 1/3 * 1/2
 *          = 1/6, so 5/6; j = 2: q = 1: 2/3 * w21/M2 = 2/3, so 1/3.
 *          ES(0) = 5/6 + 1/3 = 7/6.
 *   ES(1): the same by symmetry (swap 0 and 1): 7/6.
 *   ES(2): p = 1/3 for 0, 1, 3.  j = 0: q = 1: 1/3 * w01/M0 = 1/3, q = 3:
 *          not tied to 0, so 2/3; j = 1: likewise 2/3; j = 3: no other
 *          alter of 2 is tied to 3, so 1.  ES(2) = 2/3 + 2/3 + 1 = 7/3.
 *   ES(3): one alter, nothing to subtract: 1.
 *   ES(4): no alter: NaN.
 * Unweighted, Borgatti's n - 2t/n (t ties among the alters): 0: 2 - 2/2 =
 * 1; 1: 1; 2: 3 - 2/3 = 7/3; 3: 1 - 0 = 1.
 */
static const double weighted[] = { 7.0 / 6.0, 7.0 / 6.0, 7.0 / 3.0, 1.0 };
static const double unweighted[] = { 1.0, 1.0, 7.0 / 3.0, 1.0 };

/* Build a graph from an edge list. */
static void make_graph(igraph_t *g, const igraph_integer_t *edges, igraph_integer_t m,
                       igraph_bool_t directed)
{
	igraph_vector_int_t ev;

	assert_int_equal(igraph_vector_int_init_array(&ev, edges, 2 * m), IGRAPH_SUCCESS);
	assert_int_equal(igraph_create(g, &ev, 5, directed), IGRAPH_SUCCESS);
	igraph_vector_int_destroy(&ev);
}

/* Compare the five values with the hand computation. */
static void check(const double *got, const double *want)
{
	for (int v = 0; v < 4; v++)
		assert_close(got[v], want[v]);
	assert_true(isnan(got[4]));
}

/* The undirected network above, one tie per pair, with and without weights. */
static void test_undirected(void **state)
{
	static const igraph_integer_t edges[] = { 0, 1, 0, 2, 1, 2, 2, 3 };
	static const double w[] = { 2, 1, 1, 1 };
	igraph_vector_t wv;
	igraph_t g;
	double es[5];

	(void)state;
	make_graph(&g, edges, 4, IGRAPH_UNDIRECTED);
	igraph_vector_view(&wv, w, 4);
	assert_int_equal(cm_burt_effective_size(es, &g, &wv, NULL), 0);
	check(es, weighted);
	assert_int_equal(cm_burt_effective_size(es, &g, NULL, "effective_size"), 0);
	check(es, unweighted);
	igraph_destroy(&g);
}

/*
 * The same mutual weights from directed and repeated ties: 0->1 and 1->0
 * (1 each: w01 = 2), 2->0, 1->2 and 2->1 (0.5 each: w12 = 1), 3->2, and a
 * self-loop on 4 (weight 5), which ties 4 to no one: the same values.
 * Unweighted the repeated ties count 2 for w01 and w12: by the formula,
 * ES(0): p01 = 2/3, p02 = 1/3, M1 = 2 and M2 = 2 (w21 = 2): j = 1: 1 -
 * 1/3 * 2/2 = 2/3; j = 2: 1 - 2/3 * 2/2 = 1/3; ES(0) = 1.  ES(1): p10 =
 * 1/2, p12 = 1/2, M0 = 2: j = 0: 1 - 1/2 * 1/2 = 3/4; j = 2: 1 - 1/2 *
 * 1/2 = 3/4; ES(1) = 3/2.  ES(2): s2 = 4, p20 = 1/4, p21 = 1/2, p23 = 1/4:
 * j = 0: 1 - 1/2 * 2/2 = 1/2; j = 1: 1 - 1/4 * 2/2 = 3/4; j = 3: 1;
 * ES(2) = 9/4.  ES(3) = 1.
 */
static void test_directed_repeated(void **state)
{
	static const igraph_integer_t edges[] = { 0, 1, 1, 0, 2, 0, 1, 2, 2, 1, 3, 2, 4, 4 };
	static const double w[] = { 1, 1, 1, 0.5, 0.5, 1, 5 };
	static const double repeated[] = { 1.0, 1.5, 2.25, 1.0 };
	igraph_vector_t wv;
	igraph_t g;
	double es[5];

	(void)state;
	make_graph(&g, edges, 7, IGRAPH_DIRECTED);
	igraph_vector_view(&wv, w, 7);
	assert_int_equal(cm_burt_effective_size(es, &g, &wv, NULL), 0);
	check(es, weighted);
	assert_int_equal(cm_burt_effective_size(es, &g, NULL, NULL), 0);
	check(es, repeated);
	igraph_destroy(&g);
}

/* No actor at all, and actors without ties: nothing to compute, all NaN. */
static void test_empty(void **state)
{
	igraph_t g;
	double es[3] = { 0, 0, 0 };

	(void)state;
	assert_int_equal(igraph_empty(&g, 0, IGRAPH_UNDIRECTED), IGRAPH_SUCCESS);
	assert_int_equal(cm_burt_effective_size(es, &g, NULL, NULL), 0);
	igraph_destroy(&g);
	assert_int_equal(igraph_empty(&g, 3, IGRAPH_DIRECTED), IGRAPH_SUCCESS);
	assert_int_equal(cm_burt_effective_size(es, &g, NULL, NULL), 0);
	for (int v = 0; v < 3; v++)
		assert_true(isnan(es[v]));
	igraph_destroy(&g);
}

/* With progress on, an interruption stops the computation (CM_EINTERRUPTED). */
static void test_interrupted(void **state)
{
	static const igraph_integer_t edges[] = { 0, 1, 0, 2, 1, 2, 2, 3 };
	igraph_t g;
	double es[5];

	(void)state;
	make_graph(&g, edges, 4, IGRAPH_UNDIRECTED);
	cm_interrupt();
	cm_error_clear();
	assert_int_equal(cm_burt_effective_size(es, &g, NULL, "effective_size"), CM_EINTERRUPTED);
	cm_error_clear();
	igraph_destroy(&g);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_undirected),
		cmocka_unit_test(test_directed_repeated),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_interrupted), /* last: cm_interrupt() stays */
	};

	cm_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
