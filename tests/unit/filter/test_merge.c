/* Unit tests of src/filter/merge.c: repeated ties merged and grouped, against references. */
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
#include "filter/merge.h"

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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ties_merge),
		cmocka_unit_test(test_ties_grouped),
	};

	igraph_set_attribute_table(&igraph_cattribute_table);
	cm_init();
	return cmocka_run_group_tests_name("merge", tests, NULL, NULL);
}
