/* Unit tests of src/present/map/pack.c: boxes pushed apart, pulled together, components packed. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <igraph.h>

#include "coopmap/coopmap.h"
#include "coopmap/common.h"
#include "present/map/pack.h"

/* Do boxes i and j (centres xy, sizes wh) come closer than gap? */
static int overlap(const double *xy, const double *wh, int i, int j, double gap)
{
	return fabs(xy[2 * i] - xy[2 * j]) < (wh[2 * i] + wh[2 * j]) / 2 + gap - 1e-6 &&
	       fabs(xy[2 * i + 1] - xy[2 * j + 1]) < (wh[2 * i + 1] + wh[2 * j + 1]) / 2 + gap - 1e-6;
}

/*
 * Two 10 x 10 boxes on top of each other, gap 4: they must be 14 apart.
 * By hand, the overlap is 14 along both axes, so they move along x, half
 * each, the later one to the right: -7 and 7; the second sweep finds
 * nothing left.
 */
static void test_push_apart_same_point(void **state)
{
	double xy[] = { 0, 0, 0, 0 }, wh[] = { 10, 10, 10, 10 };

	(void)state;
	assert_int_equal(cm_map_push_apart(xy, wh, 2, 4, PUSH_SWEEPS), 0);
	assert_true(xy[0] == -7 && xy[2] == 7);
	assert_true(xy[1] == 0 && xy[3] == 0);
}

/* A row of boxes squeezed together is spread until none overlap; apart boxes do not move. */
static void test_push_apart_row(void **state)
{
	enum { K = 6 };
	double xy[2 * K], wh[2 * K], far[] = { 0, 0, 100, 100 }, fwh[] = { 10, 10, 10, 10 };

	(void)state;
	for (int i = 0; i < K; i++) {
		xy[2 * i] = i;
		xy[2 * i + 1] = 0.5 * i;
		wh[2 * i] = 8;
		wh[2 * i + 1] = 6;
	}
	assert_int_equal(cm_map_push_apart(xy, wh, K, 2, PUSH_SWEEPS), 0);
	for (int i = 0; i < K; i++)
		for (int j = i + 1; j < K; j++)
			assert_false(overlap(xy, wh, i, j, 2));
	assert_int_equal(cm_map_push_apart(far, fwh, 2, 4, PUSH_SWEEPS), 0);
	assert_true(far[0] == 0 && far[1] == 0 && far[2] == 100 && far[3] == 100);
	/* no sweep: nothing moves, and no pair was looked at */
	xy[0] = xy[2] = 0;
	xy[1] = xy[3] = 0;
	assert_int_equal(cm_map_push_apart(xy, wh, 2, 2, 0), 0);
	assert_true(xy[0] == 0 && xy[2] == 0);
}

/*
 * Many boxes (past the pair-by-pair size: sweep and prune) of mixed widths,
 * as wide labelled actors among small nodes, crowded on a grid: when the
 * call says none is left, every pair is checked here, all against all,
 * and none comes closer than the gap; two boxes far apart did not move.
 */
static void test_push_apart_many(void **state)
{
	enum { K = 900 };
	double *xy = malloc(2 * K * sizeof(*xy)), *wh = malloc(2 * K * sizeof(*wh));
	int bad = 0;

	(void)state;
	assert_non_null(xy);
	assert_non_null(wh);
	for (int i = 0; i < K; i++) {
		xy[2 * i] = (i % 30) * 3.0 + (i % 7) * 0.1;
		xy[2 * i + 1] = (i / 30) * 3.0 + (i % 5) * 0.1;
		wh[2 * i] = i % 10 == 0 ? 60 : 6;
		wh[2 * i + 1] = 6;
	}
	/* two lone boxes far from the crowd */
	xy[2 * (K - 2)] = -1e6, xy[2 * (K - 2) + 1] = 0;
	xy[2 * (K - 1)] = 1e6, xy[2 * (K - 1) + 1] = 0;
	assert_int_equal(cm_map_push_apart(xy, wh, K, 2, 100 * PUSH_SWEEPS), 0);
	for (int i = 0; i < K; i++)
		for (int j = i + 1; j < K; j++)
			bad += overlap(xy, wh, i, j, 2);
	assert_int_equal(bad, 0);
	assert_true(xy[2 * (K - 2)] == -1e6 && xy[2 * (K - 1)] == 1e6);
	free(xy);
	free(wh);
}

/* Two boxes far apart come closer, but never closer than the gap. */
static void test_compact_boxes(void **state)
{
	double xy[] = { 0, 0, 1000, 0 }, wh[] = { 10, 10, 10, 10 };

	(void)state;
	cm_map_compact_boxes(xy, wh, 2, 4);
	assert_true(xy[2] - xy[0] < 1000);
	assert_true(xy[2] - xy[0] >= 14 - 1e-9);
	assert_true(fabs(xy[1]) < 1e-9 && fabs(xy[3]) < 1e-9);
}

/*
 * Three components: 0 (boxes 0 and 1) is the largest and stays where it
 * is; the lone boxes 2 and 3 (components 1 and 2) go in a row under it.
 */
static void test_pack_components(void **state)
{
	double xy[] = { 0, 0, 30, 0, 500, 500, -400, 300 };
	const double wh[] = { 10, 10, 10, 10, 10, 10, 10, 10 };
	igraph_integer_t m[] = { 0, 0, 1, 2 };
	igraph_vector_int_t membership = { 0 };  /* a view: igraph_vector_int_view() fills it */

	(void)state;
	igraph_vector_int_view(&membership, m, 4);
	assert_int_equal(cm_map_pack_components(xy, wh, 4, &membership, 3), 0);
	assert_true(xy[0] == 0 && xy[1] == 0 && xy[2] == 30 && xy[3] == 0);
	/* under the largest: their tops below its bottom (-5) */
	assert_true(xy[5] + 5 < -5);
	assert_true(xy[7] + 5 < -5);
	/* side by side in the row, not on top of each other */
	assert_false(overlap(xy, wh, 2, 3, 0));
	assert_true(xy[5] == xy[7]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_push_apart_same_point),
		cmocka_unit_test(test_push_apart_row),
		cmocka_unit_test(test_push_apart_many),
		cmocka_unit_test(test_compact_boxes),
		cmocka_unit_test(test_pack_components),
	};

	return cmocka_run_group_tests_name("pack", tests, NULL, NULL);
}
