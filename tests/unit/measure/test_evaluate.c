/* Unit tests of src/measure/evaluate.c: AUC and precision on score lists worked out by hand. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "coopmap/coopmap.h"
#include "coopmap/suggest.h"

static const unsigned char pos4[] = { 1, 1, 0, 0 };

/* Perfect ranking: every positive above every negative, AUC 1. */
static void test_perfect(void **state)
{
	static const double s[] = { 4, 3, 2, 1 };

	(void)state;
	assert_float_equal(cm_rank_auc(s, pos4, 4), 1.0, 1e-12);
	assert_float_equal(cm_rank_precision(s, pos4, 4, 2), 1.0, 1e-12);
}

/* Reversed ranking: AUC 0, no positive in the top 2. */
static void test_reversed(void **state)
{
	static const double s[] = { 1, 2, 3, 4 };

	(void)state;
	assert_float_equal(cm_rank_auc(s, pos4, 4), 0.0, 1e-12);
	assert_float_equal(cm_rank_precision(s, pos4, 4, 2), 0.0, 1e-12);
}

/* All scores equal: every pair of a positive and a negative counts 1/2. */
static void test_all_equal(void **state)
{
	static const double s[] = { 7, 7, 7, 7 };

	(void)state;
	assert_float_equal(cm_rank_auc(s, pos4, 4), 0.5, 1e-12);
	/* equal scores keep index order: the first two are the positives */
	assert_float_equal(cm_rank_precision(s, pos4, 4, 2), 1.0, 1e-12);
}

/*
 * Mixed, by hand: scores 0.9 0.8 0.7 0.6 0.5, positives at 0.9 and 0.7.
 * 0.9 beats the 3 negatives, 0.7 beats 2 of them: AUC (3 + 2) / (2 x 3) = 5/6.
 * Top 2: 0.9 (positive) and 0.8: 1/2; top 10 of 5 pairs: 2/5.
 * With a tie, scores 1 1 0 and positives 1 0 0: 1/2 + 1 over 2 pairs = 0.75.
 */
static void test_mixed(void **state)
{
	static const double s[] = { 0.9, 0.8, 0.7, 0.6, 0.5 };
	static const unsigned char p[] = { 1, 0, 1, 0, 0 };
	static const double t[] = { 1, 1, 0 };
	static const unsigned char tp[] = { 1, 0, 0 };

	(void)state;
	assert_float_equal(cm_rank_auc(s, p, 5), 5.0 / 6.0, 1e-12);
	assert_float_equal(cm_rank_precision(s, p, 5, 2), 0.5, 1e-12);
	assert_float_equal(cm_rank_precision(s, p, 5, 10), 0.4, 1e-12);
	assert_float_equal(cm_rank_auc(t, tp, 3), 0.75, 1e-12);
	/* no negative, or nothing to rank: undefined */
	assert_true(isnan(cm_rank_auc(s, (const unsigned char[]){ 1, 1, 1, 1, 1 }, 5)));
	assert_true(isnan(cm_rank_precision(s, p, 0, 3)));
}

/*
 * A dated network, by hand: a - b (2019), b - c (2019), a - c (2021),
 * d isolated; no type "cite" anywhere but the focus type only matters for
 * attributes.  Trained to 2019, the pairs apart are a-c, a-d, b-d, c-d
 * (4 pairs), and a-c appeared.  a-c has b in common: RA 1/2 + AA 1/ln 2,
 * the other pairs score 0: AUC 1, precision at k = 1 (k = 1).
 * Preferential attachment: a-c 1 x 1 = 1, the pairs with d 0: AUC 1 too.
 */
static void test_evaluate_by_hand(void **state)
{
	static const igraph_integer_t edges[] = { 0, 1, 1, 2, 0, 2 };
	static const double years[] = { 2019, 2019, 2021 };
	static const char *const ids[] = { "a", "b", "c", "d" };
	igraph_vector_int_t ev;
	igraph_t g;
	cm_network *net = NULL;
	cm_suggest_options o;
	cm_suggest_eval e;
	cm_table *pairs = NULL;

	(void)state;
	assert_int_equal(igraph_vector_int_init_array(&ev, edges, 6), IGRAPH_SUCCESS);
	assert_int_equal(igraph_create(&g, &ev, 4, IGRAPH_UNDIRECTED), IGRAPH_SUCCESS);
	igraph_vector_int_destroy(&ev);
	for (int v = 0; v < 4; v++) {
		SETVAS(&g, "name", v, ids[v]);
		SETVAS(&g, "type", v, "school");
	}
	for (int e = 0; e < 3; e++)
		SETEAN(&g, "year", e, years[e]);
	assert_int_equal(cm_network_wrap(&net, &g, "test"), 0);
	cm_suggest_options_default(&o);
	assert_int_equal(cm_suggest_evaluate(&e, &pairs, net, &o, 2019, 42), 0);
	assert_int_equal(e.pairs_scored, 4);
	assert_int_equal(e.new_ties, 1);
	assert_int_equal(e.k, 1);
	assert_float_equal(e.model.auc, 1.0, 1e-12);
	assert_float_equal(e.model.precision_at_k, 1.0, 1e-12);
	assert_float_equal(e.model.precision_at_10, 0.25, 1e-12);
	assert_float_equal(e.pref.auc, 1.0, 1e-12);
	assert_int_equal(cm_table_nrows(pairs), 4);
	assert_string_equal(cm_table_get_string(pairs, 0, 0), "a");
	assert_string_equal(cm_table_get_string(pairs, 0, 1), "c");
	assert_float_equal(cm_table_get_number(pairs, 0, 2), round((0.5 + 1 / log(2)) * 1000) / 1000, 1e-12);
	assert_float_equal(cm_table_get_number(pairs, 0, 5), 1, 0);
	cm_table_free(pairs);
	/* nothing after 2021 */
	assert_int_equal(cm_suggest_evaluate(&e, NULL, net, &o, 2021, 42), CM_EUSAGE);
	cm_error_clear();
	cm_network_free(net);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_perfect),
		cmocka_unit_test(test_reversed),
		cmocka_unit_test(test_all_equal),
		cmocka_unit_test(test_mixed),
		cmocka_unit_test(test_evaluate_by_hand),
	};

	igraph_set_attribute_table(&igraph_cattribute_table);
	cm_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
