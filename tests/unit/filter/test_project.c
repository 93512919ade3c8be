/*
 * Unit tests of src/filter/project.c: the projection of two-mode data,
 * against weights worked out by hand here and, on random data, against a
 * plain reference written in the test (every pair of actors, their sets of
 * events intersected).
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
#include "filter/project.h"
#include "model/twomode.h"

/* Add participation (actor, event, weight) by names. */
static void part(cm_twomode *t, const char *a, const char *e, double w)
{
	igraph_integer_t ia, ie;
	int added;

	assert_int_equal(cm_names_add(&t->actors, a, &ia, &added), 0);
	assert_int_equal(cm_twomode_event(t, e, &ie, &added), 0);
	assert_int_equal(cm_twomode_add(t, ia, ie, w), 0);
}

/* The tie weight between actors a and b of g, or -1 without a tie; *via receives its "events". */
static double tie(const igraph_t *g, const char *a, const char *b, const char **via)
{
	for (igraph_integer_t e = 0; e < igraph_ecount(g); e++) {
		const char *x = VAS(g, "name", IGRAPH_FROM(g, e)), *y = VAS(g, "name", IGRAPH_TO(g, e));

		if ((!strcmp(x, a) && !strcmp(y, b)) || (!strcmp(x, b) && !strcmp(y, a))) {
			if (via)
				*via = EAS(g, "events", e);
			return EAN(g, "weight", e);
		}
	}
	return -1;
}

/*
 * The table of the CLI case 48_twomode.sh, by hand:
 *   M1 (2020): A 2, B 1, C 3   M2 (2021): A 1, B 2   M3 (2021): C 1, D 1   M4 (2021): E 1
 */
static void hand_table(cm_twomode *t)
{
	igraph_integer_t e;
	int added;

	part(t, "A", "M1", 2);
	part(t, "B", "M1", 1);
	part(t, "C", "M1", 3);
	part(t, "A", "M2", 1);
	part(t, "B", "M2", 2);
	part(t, "C", "M3", 1);
	part(t, "D", "M3", 1);
	part(t, "E", "M4", 1);
	for (const char *const *p = (const char *const[]){ "M1", "M2", "M3", "M4", NULL }; *p; p++) {
		assert_int_equal(cm_twomode_event(t, *p, &e, &added), 0);
		t->ev[e].year = !strcmp(*p, "M1") ? 2020 : 2021;
	}
}

/* count, Newman and Jaccard weights of the hand table, worked out in the comments. */
static void test_hand_weights(void **state)
{
	cm_twomode t = { 0 };
	cm_filter f = { 0 };
	igraph_t g;
	const char *via = NULL;

	(void)state;
	hand_table(&t);
	/* count: sum of the smaller weight: A-B min(2,1)+min(1,2) = 2, A-C min(2,3) = 2, B-C 1, C-D 1 */
	assert_int_equal(cm_twomode_project(&g, &t, &f, "hand"), 0);
	assert_int_equal(igraph_ecount(&g), 4);
	assert_true(tie(&g, "A", "B", &via) == 2);
	assert_string_equal(via, "M1;M2");
	assert_true(tie(&g, "A", "C", NULL) == 2);
	assert_true(tie(&g, "B", "C", NULL) == 1);
	assert_true(tie(&g, "C", "D", NULL) == 1);
	assert_true(tie(&g, "A", "E", NULL) == -1);
	/* E attended one event, alone */
	assert_true(VAN(&g, CM_ATTR_EVENTS_ATTENDED, 4) == 1 && VAN(&g, CM_ATTR_EVENTS_ALONE, 4) == 1);
	assert_true(VAN(&g, CM_ATTR_EVENTS_ATTENDED, 0) == 2 && VAN(&g, CM_ATTR_EVENTS_ALONE, 0) == 0);
	igraph_destroy(&g);
	/* Newman: 1/(n-1) per shared event: A-B 1/2 + 1/1, A-C 1/2, C-D 1/1 */
	f.projection = CM_PROJECT_NEWMAN;
	assert_int_equal(cm_twomode_project(&g, &t, &f, "hand"), 0);
	assert_true(fabs(tie(&g, "A", "B", NULL) - 1.5) < 1e-15);
	assert_true(fabs(tie(&g, "A", "C", NULL) - 0.5) < 1e-15);
	assert_true(fabs(tie(&g, "C", "D", NULL) - 1.0) < 1e-15);
	igraph_destroy(&g);
	/* Jaccard: shared / union: A-B 2/2, A-C 1/3, C-D 1/2 */
	f.projection = CM_PROJECT_JACCARD;
	assert_int_equal(cm_twomode_project(&g, &t, &f, "hand"), 0);
	assert_true(fabs(tie(&g, "A", "B", NULL) - 1.0) < 1e-15);
	assert_true(fabs(tie(&g, "A", "C", NULL) - 1.0 / 3) < 1e-15);
	assert_true(fabs(tie(&g, "C", "D", NULL) - 0.5) < 1e-15);
	igraph_destroy(&g);
	/* --min-shared 2: A-B only; --year 2020: M1's three ties, D and E left out */
	f.projection = CM_PROJECT_COUNT;
	f.min_shared = 2;
	assert_int_equal(cm_twomode_project(&g, &t, &f, "hand"), 0);
	assert_int_equal(igraph_ecount(&g), 1);
	assert_true(tie(&g, "A", "B", NULL) == 2);
	igraph_destroy(&g);
	f.min_shared = 0;
	f.has_from = f.has_to = 1;
	f.from = f.to = 2020;
	assert_int_equal(cm_twomode_project(&g, &t, &f, "hand"), 0);
	assert_int_equal(igraph_vcount(&g), 3);
	assert_int_equal(igraph_ecount(&g), 3);
	assert_true(tie(&g, "A", "B", NULL) == 1);
	assert_true(tie(&g, "A", "C", NULL) == 2);
	igraph_destroy(&g);
	/* an event of 3 above a limit of 2: refused, naming it */
	f.has_from = f.has_to = 0;
	f.max_event_size = 2;
	assert_int_equal(cm_twomode_project(&g, &t, &f, "hand"), CM_EINPUT);
	assert_non_null(strstr(cm_error_message(), "event 'M1' has 3 participants"));
	cm_twomode_free(&t);
}

/* Random two-mode data: every weight equals the pairwise reference computed here. */
static void test_random_reference(void **state)
{
	enum { NA = 60, NE = 25 };
	static char in[NA][NE];
	static double wt[NA][NE];
	char an[16], en[16];
	cm_twomode t = { 0 };
	cm_filter f = { 0 };
	igraph_integer_t size[NE] = { 0 }, deg[NA] = { 0 };

	(void)state;
	srand(17);
	for (int a = 0; a < NA; a++) {
		snprintf(an, sizeof(an), "a%d", a);
		for (int e = 0; e < NE; e++) {
			if (rand() % 6)
				continue;
			snprintf(en, sizeof(en), "e%d", e);
			in[a][e] = 1;
			wt[a][e] = 1 + rand() % 4;
			part(&t, an, en, wt[a][e]);
			size[e]++;
			deg[a]++;
		}
	}
	for (int proj = CM_PROJECT_COUNT; proj <= CM_PROJECT_JACCARD; proj++) {
		igraph_t g;
		igraph_integer_t ties = 0;

		f.projection = proj;
		assert_int_equal(cm_twomode_project(&g, &t, &f, "random"), 0);
		for (int a = 0; a < NA; a++) {
			for (int b = a + 1; b < NA; b++) {
				double shared = 0, newman = 0, minw = 0, want, got;

				for (int e = 0; e < NE; e++) {
					if (!in[a][e] || !in[b][e])
						continue;
					shared++;
					newman += 1.0 / (double)(size[e] - 1);
					minw += wt[a][e] < wt[b][e] ? wt[a][e] : wt[b][e];
				}
				snprintf(an, sizeof(an), "a%d", a);
				snprintf(en, sizeof(en), "a%d", b);
				got = deg[a] && deg[b] ? tie(&g, an, en, NULL) : -1;
				if (shared == 0) {
					assert_true(got == -1);
					continue;
				}
				ties++;
				want = proj == CM_PROJECT_COUNT ? minw : proj == CM_PROJECT_NEWMAN ? newman
				       : shared / ((double)deg[a] + (double)deg[b] - shared);
				assert_true(fabs(got - want) <= 1e-12 * want);
			}
		}
		assert_int_equal(igraph_ecount(&g), ties);
		igraph_destroy(&g);
	}
	cm_twomode_free(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hand_weights),
		cmocka_unit_test(test_random_reference),
	};

	igraph_set_attribute_table(&igraph_cattribute_table);
	cm_init();
	return cmocka_run_group_tests_name("project", tests, NULL, NULL);
}
