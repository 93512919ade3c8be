/*
 * Unit tests of src/measure/diff.c and timeline.c: a two-year network
 * worked by hand.
 *
 * Before (tests/data/diff/before.csv), the path a - b - c - d - e.
 * After (after.csv): a - b, c - d, a - c, c - f: e left, f joined, the ties
 * a-b and c-d were kept, b-c and d-e lost, a-c and c-f are new.
 *
 *   ties: kept 2, new 2, lost 2; Jaccard 2 / 6; Hamming 4.
 *   partners (before -> after):        kept new lost  Jaccard
 *     a  {b}    -> {b, c}                1    1    0    1/2
 *     b  {a, c} -> {a}                   1    0    1    1/2
 *     c  {b, d} -> {d, a, f}             1    2    1    1/4
 *     d  {c, e} -> {c}                   1    0    1    1/2
 *     e  {d}    -> (left)                0    0    1    0
 *     f  (joined) -> {c}                 0    1    0    0
 *   betweenness (pairs whose shortest path goes through the actor):
 *     before, a path of 5: b 3 (a-c a-d a-e), c 4 (a-d a-e b-d b-e), d 3;
 *     after, the tree b-a-c-d with f on c: a 3 (b-c b-d b-f), c 5 (a-d a-f
 *     b-d b-f d-f).
 *   ranks (1 = highest, equal values share): before c 1, b 2, d 2, a 4,
 *     e 4; after c 1, a 2, b 3, d 3, f 3.
 *   order (partners gained + lost, then |betweenness change|, then id):
 *     c (3), then a, b, d (1, change 3), then e, f (1, change 0).
 *   communities (Leiden, seed 42): before {a, b, c} {d, e}, after {c, d, f}
 *     {a, b}; modularity of either, m = 4:
 *     2/4 - (5/8)^2 + 1/4 - (3/8)^2 = 0.21875.
 *   agreement over a, b, c, d (before 0 0 0 1, after 1 1 0 0):
 *     H1 = -(3/4 ln 3/4 + 1/4 ln 1/4) = 0.562335, H2 = ln 2 = 0.693147,
 *     I = 1/2 ln(4/3) + 1/4 ln(2/3) + 1/4 ln 2 = 0.215762,
 *     NMI = 2 I / (H1 + H2) = 0.343711, VI = H1 + H2 - 2 I = 0.823959.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "coopmap/coopmap.h"

#define D "tests/data/diff/"

/* Load a test network; fails the test with the library's message otherwise. */
static cm_network *load(const char *path, const cm_load_options *o)
{
	cm_network *net = NULL;

	if (cm_network_load(&net, path, o) < 0)
		fail_msg("%s: %s", path, cm_error_message());
	return net;
}

/* The row of actor id in the actors table. */
static size_t row_of(const cm_table *t, const char *id)
{
	for (size_t r = 0; r < cm_table_nrows(t); r++)
		if (!strcmp(cm_table_get_string(t, r, 0), id))
			return r;
	fail_msg("no row for %s", id);
	return 0;
}

/* A number of the actors table by column name. */
static double cell(const cm_table *t, const char *id, const char *col)
{
	int c = cm_table_column(t, col);

	assert_true(c >= 0);
	return cm_table_get_number(t, row_of(t, id), (size_t)c);
}

/* The whole-network figures and the per-actor rows of the hand example. */
static void test_hand_example(void **state)
{
	cm_network *b = load(D "before.csv", NULL), *a = load(D "after.csv", NULL);
	cm_diff d = { 0 };
	static const char *const order[] = { "c", "a", "b", "d", "e", "f" };
	static const struct {
		const char *id, *status;
		double kept, new_, lost, jaccard, bet_b, bet_a, rank_b, rank_a;
	} rows[] = {
		{ "a", "kept", 1, 1, 0, 0.5, 0, 3, 4, 2 },
		{ "b", "kept", 1, 0, 1, 0.5, 3, 0, 2, 3 },
		{ "c", "kept", 1, 2, 1, 0.25, 4, 5, 1, 1 },
		{ "d", "kept", 1, 0, 1, 0.5, 3, 0, 2, 3 },
		{ "e", "left", 0, 0, 1, 0, 0, NAN, 4, NAN },
		{ "f", "joined", 0, 1, 0, 0, NAN, 0, NAN, 3 },
	};

	(void)state;
	assert_int_equal(cm_diff_compute(&d, b, a, NULL), 0);
	assert_int_equal(d.network.actors_kept, 4);
	assert_int_equal(d.network.actors_joined, 1);
	assert_int_equal(d.network.actors_left, 1);
	assert_int_equal(d.network.ties_kept, 2);
	assert_int_equal(d.network.ties_new, 2);
	assert_int_equal(d.network.ties_lost, 2);
	assert_int_equal(d.network.hamming, 4);
	assert_true(fabs(d.network.tie_jaccard - 2.0 / 6.0) < 1e-12);
	assert_string_equal(cm_diff_jaccard_reading(d.network.tie_jaccard), "good");
	assert_true(fabs(d.network.modularity_before - 0.21875) < 1e-12);
	assert_true(fabs(d.network.modularity_after - 0.21875) < 1e-12);
	assert_true(fabs(d.network.nmi - 0.343711) < 1e-6);
	assert_true(fabs(d.network.vi - 0.823959) < 1e-6);
	/* no actor has the focus type: no isolation figures */
	assert_int_equal(d.network.isolated_before, -1);
	assert_null(d.ties);
	for (size_t i = 0; i < 6; i++)
		assert_string_equal(cm_table_get_string(d.actors, i, 0), order[i]);
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		const char *id = rows[i].id;
		const double got[] = { cell(d.actors, id, "partners_kept"), cell(d.actors, id, "partners_new"),
		                       cell(d.actors, id, "partners_lost"), cell(d.actors, id, "partner_jaccard"),
		                       cell(d.actors, id, "betweenness_before"),
		                       cell(d.actors, id, "betweenness_after"), cell(d.actors, id, "rank_before"),
		                       cell(d.actors, id, "rank_after") };
		const double want[] = { rows[i].kept, rows[i].new_, rows[i].lost, rows[i].jaccard, rows[i].bet_b,
		                        rows[i].bet_a, rows[i].rank_b, rows[i].rank_a };

		assert_string_equal(cm_table_get_string(d.actors, row_of(d.actors, id),
		                                        (size_t)cm_table_column(d.actors, "status")), rows[i].status);
		for (size_t k = 0; k < 8; k++) {
			if (isnan(want[k]))
				assert_true(isnan(got[k]));
			else
				assert_true(fabs(got[k] - want[k]) < 1e-12);
		}
	}
	/* the two partitions: a and b together, and apart from d, on each side */
	assert_true(cell(d.actors, "a", "community_before") == cell(d.actors, "b", "community_before"));
	assert_true(cell(d.actors, "c", "community_before") != cell(d.actors, "d", "community_before"));
	assert_true(cell(d.actors, "c", "community_after") == cell(d.actors, "d", "community_after"));
	assert_true(cell(d.actors, "a", "community_after") != cell(d.actors, "c", "community_after"));
	cm_diff_free(&d);
	cm_network_free(a);
	cm_network_free(b);
}

/* --ties lists each tie once, by its two ids, with its status and weights. */
static void test_ties(void **state)
{
	cm_network *b = load(D "before.csv", NULL), *a = load(D "after.csv", NULL);
	cm_diff_options o = { .ties = 1 };
	cm_diff d = { 0 };
	static const char *const want[][3] = {
		{ "a", "b", "kept" }, { "a", "c", "new" }, { "b", "c", "lost" },
		{ "c", "d", "kept" }, { "c", "f", "new" }, { "d", "e", "lost" },
	};

	(void)state;
	assert_int_equal(cm_diff_compute(&d, b, a, &o), 0);
	assert_int_equal(cm_table_nrows(d.ties), 6);
	for (size_t r = 0; r < 6; r++)
		for (size_t c = 0; c < 3; c++)
			assert_string_equal(cm_table_get_string(d.ties, r, c), want[r][c]);
	assert_true(isnan(cm_table_get_number(d.ties, 1, 3)));
	assert_true(cm_table_get_number(d.ties, 1, 4) == 1);
	cm_diff_free(&d);
	cm_network_free(a);
	cm_network_free(b);
}

/* A network compared with itself: everything kept, Jaccard 1, no change. */
static void test_same(void **state)
{
	cm_network *b = load(D "before.csv", NULL), *a = load(D "before.csv", NULL);
	cm_diff d = { 0 };

	(void)state;
	assert_int_equal(cm_diff_compute(&d, b, a, NULL), 0);
	assert_int_equal(d.network.ties_kept, 4);
	assert_int_equal(d.network.hamming, 0);
	assert_true(d.network.tie_jaccard == 1);
	assert_true(fabs(d.network.nmi - 1) < 1e-12);
	assert_true(fabs(d.network.vi) < 1e-12);
	for (size_t r = 0; r < cm_table_nrows(d.actors); r++)
		assert_true(cm_table_get_number(d.actors, r, (size_t)cm_table_column(d.actors, "betweenness_change")) == 0);
	cm_diff_free(&d);
	cm_network_free(a);
	cm_network_free(b);
}

/* RSiena's reading of the Jaccard index. */
static void test_jaccard_reading(void **state)
{
	(void)state;
	assert_string_equal(cm_diff_jaccard_reading(0.3), "good");
	assert_string_equal(cm_diff_jaccard_reading(0.29), "low");
	assert_string_equal(cm_diff_jaccard_reading(0.2), "low");
	assert_string_equal(cm_diff_jaccard_reading(0.19), "very low");
	assert_string_equal(cm_diff_jaccard_reading(NAN), "");
}

/*
 * The timeline of tests/data/diff/dated.csv, counted by hand:
 *   2019: a-b                      actors 2, ties 1
 *   2020: + b-c (and c-d undated)  actors 3, ties 2, new 1, Jaccard 1/2
 *   2021: nothing new              actors 3, ties 2, new 0, Jaccard 1
 *   2022: + d-e, + a-c             actors 5, ties 4, new 2, Jaccard 2/4
 * One tie is undated.
 */
static void test_timeline(void **state)
{
	cm_table *t = NULL;
	igraph_integer_t undated = -1;
	cm_load_options o = { 0 };
	static const double want[][5] = {
		/* year, actors, ties, ties_new, tie_jaccard */
		{ 2019, 2, 1, NAN, NAN },
		{ 2020, 3, 2, 1, 0.5 },
		{ 2021, 3, 2, 0, 1 },
		{ 2022, 5, 4, 2, 0.5 },
	};

	(void)state;
	assert_int_equal(cm_timeline_compute(&t, &undated, D "dated.csv", &o, 0, 0, NULL), 0);
	assert_int_equal(undated, 1);
	assert_int_equal(cm_table_nrows(t), 4);
	for (size_t r = 0; r < 4; r++) {
		const char *cols[] = { "year", "actors", "ties", "ties_new", "tie_jaccard" };

		for (size_t c = 0; c < 5; c++) {
			double got = cm_table_get_number(t, r, (size_t)cm_table_column(t, cols[c]));

			if (isnan(want[r][c]))
				assert_true(isnan(got));
			else
				assert_true(fabs(got - want[r][c]) < 1e-12);
		}
	}
	cm_table_free(t);
	/* a range of years without dated ties before it still starts empty */
	assert_int_equal(cm_timeline_compute(&t, &undated, D "dated.csv", &o, 2021, 2022, NULL), 0);
	assert_int_equal(cm_table_nrows(t), 2);
	cm_table_free(t);
	/* no dated tie at all */
	assert_int_equal(cm_timeline_compute(&t, &undated, D "before.csv", &o, 0, 0, NULL), CM_EINPUT);
	assert_null(t);
	cm_error_clear();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hand_example),
		cmocka_unit_test(test_ties),
		cmocka_unit_test(test_same),
		cmocka_unit_test(test_jaccard_reading),
		cmocka_unit_test(test_timeline),
	};

	igraph_set_attribute_table(&igraph_cattribute_table);
	cm_init();
	return cmocka_run_group_tests_name("diff", tests, NULL, NULL);
}
