/* Unit tests of src/measure/isolated.c: isolation of cités, worked by hand. */
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
#include "coopmap/isolated.h"
#include "coopmap/network.h"
#include "coopmap/table.h"
#include "base/text.h"
#include "model/raw.h"

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
		SETVAS(&g, "type", v, types[v]);
		SETVAS(&g, "region", v, regions[v]);
	}
	assert_int_equal(cm_network_wrap(&net, &g, "test"), 0);
	return net;
}

/*
 * The worked network (undirected), also drawn in docs/analysis.md:
 *
 *   c1(cite,Bretagne) - r1(crpv,Bretagne) - c3(cite,Normandie) - c5(cite,Bretagne) - c6(cite,"")
 *   c2(cite,Bretagne) - a1(association,Normandie) - x1(school,Normandie)
 *   c4(cite,Normandie)   (no tie)
 *
 * Cités per region: Bretagne c1 c2 c5 = 3; Normandie c3 c4 = 2; c6 has no region.
 */
static const char *const ids[] = { "c1", "c2", "c3", "c4", "c5", "c6", "r1", "a1", "x1" };
static const char *const types[] = { "cite", "cite", "cite", "cite", "cite", "cite",
                                     "crpv", "association", "school" };
static const char *const regions[] = { "Bretagne", "Bretagne", "Normandie", "Normandie",
                                       "Bretagne", "", "Bretagne", "Normandie", "Normandie" };
/* c1-r1, r1-c3, c3-c5, c5-c6, c2-a1, a1-x1 */
static const igraph_integer_t edges[] = { 0, 6, 6, 2, 2, 4, 4, 5, 1, 7, 7, 8, -1 };

/* Expected rows with min_size 3, in the documented order. */
struct expect {
	const char *id;
	double degree, peer_ties, peers2, regional, interregional, component, level;
	const char *reasons;
};

static void check_rows(const cm_table *t, const struct expect *want, size_t n)
{
	int c_id = cm_table_column(t, "id"), c_deg = cm_table_column(t, "degree");
	int c_peer = cm_table_column(t, "peer_ties"), c_p2 = cm_table_column(t, "peers_2_steps");
	int c_reg = cm_table_column(t, "regional_peers");
	int c_inter = cm_table_column(t, "interregional_ties");
	int c_comp = cm_table_column(t, "component_size"), c_lvl = cm_table_column(t, "level");
	int c_why = cm_table_column(t, "reasons");

	assert_true(c_id >= 0 && c_deg >= 0 && c_peer >= 0 && c_p2 >= 0 && c_reg >= 0 &&
	            c_inter >= 0 && c_comp >= 0 && c_lvl >= 0 && c_why >= 0);
	assert_int_equal(cm_table_nrows(t), n);
	for (size_t i = 0; i < n; i++) {
		double reg = cm_table_get_number(t, i, (size_t)c_reg);
		double inter = cm_table_get_number(t, i, (size_t)c_inter);

		assert_string_equal(cm_table_get_string(t, i, (size_t)c_id), want[i].id);
		assert_true(cm_table_get_number(t, i, (size_t)c_deg) == want[i].degree);
		assert_true(cm_table_get_number(t, i, (size_t)c_peer) == want[i].peer_ties);
		assert_true(cm_table_get_number(t, i, (size_t)c_p2) == want[i].peers2);
		assert_true(isnan(want[i].regional) ? isnan(reg) : reg == want[i].regional);
		assert_true(isnan(want[i].interregional) ? isnan(inter) : inter == want[i].interregional);
		assert_true(cm_table_get_number(t, i, (size_t)c_comp) == want[i].component);
		assert_true(cm_table_get_number(t, i, (size_t)c_lvl) == want[i].level);
		assert_string_equal(cm_table_get_string(t, i, (size_t)c_why), want[i].reasons);
	}
}

/*
 * By hand, critical mass 3 (Bretagne reaches it, Normandie does not):
 * - c4: no tie -> level 3; its region has 2 cités < 3.
 * - c2: tied to a1 only; within two steps a1, x1: no cité -> level 2;
 *   a1 is in Normandie, so one interregional tie.  Component {c2,a1,x1} = 3.
 * - c1: tied to the resource centre r1 only, which also ties c3: one peer
 *   within two steps, none direct; r1 is in Bretagne like c1 -> ties only
 *   inside its own region -> level 1.  Component {c1,r1,c3,c5,c6} = 5.
 * - c3: tied to r1 and c5 (both Bretagne: 2 interregional ties), c1 through
 *   r1 and c6 through c5 -> 3 peers within two steps; Normandie has 2 cités
 *   < 3 -> level 1.
 * - c6: tied to c5, c3 two steps away; no region -> no regional rule, level 0;
 *   regional_peers and interregional_ties undefined.
 * - c5: tied to c3 (Normandie) and c6 (no region): 1 interregional tie,
 *   2 peers -> level 0.
 * Order: level desc (c4, c2, then c1 before c3 as 1 < 2 peers within two
 * steps), then c6 before c5 (same peers, degree 1 < 2).
 */
static void test_levels_by_hand(void **state)
{
	static const struct expect want[] = {
		{ "c4", 0, 0, 0, 1, 0, 1, 3, "no tie at all; region below critical mass: 2 cités < 3" },
		{ "c2", 1, 0, 0, 2, 1, 3, 2, "no peer cité within two steps" },
		{ "c1", 1, 0, 1, 2, 0, 5, 1, "ties only inside its own region" },
		{ "c3", 2, 1, 3, 1, 2, 5, 1, "region below critical mass: 2 cités < 3" },
		{ "c6", 1, 1, 2, NAN, NAN, 5, 0, "" },
		{ "c5", 2, 2, 2, 2, 1, 5, 0, "" },
	};
	cm_network *net = make_net(9, ids, types, regions, edges);
	cm_table *t = NULL;

	(void)state;
	assert_int_equal(cm_isolated_compute(&t, net, NULL, 3), 0);
	check_rows(t, want, sizeof(want) / sizeof(want[0]));
	cm_table_free(t);
	cm_network_free(net);
}

/*
 * Default critical mass 10: Bretagne's 3 cités are below it too, so c5 drops
 * to level 1.  Level 1 then holds c1 (1 peer within two steps), c5 (2) and
 * c3 (3), in that order, before c6 (no region, level 0).
 */
static void test_default_min_size(void **state)
{
	cm_network *net = make_net(9, ids, types, regions, edges);
	cm_table *t = NULL;
	int c_id, c_lvl, c_why;
	size_t last;

	(void)state;
	assert_int_equal(cm_isolated_compute(&t, net, "cite", 0), 0);
	c_id = cm_table_column(t, "id");
	c_lvl = cm_table_column(t, "level");
	c_why = cm_table_column(t, "reasons");
	last = cm_table_nrows(t) - 1;
	/* only c6 (no region) stays at level 0, last */
	assert_string_equal(cm_table_get_string(t, last, (size_t)c_id), "c6");
	assert_true(cm_table_get_number(t, last, (size_t)c_lvl) == 0);
	assert_string_equal(cm_table_get_string(t, last - 1, (size_t)c_id), "c3");
	assert_string_equal(cm_table_get_string(t, last - 2, (size_t)c_id), "c5");
	assert_true(cm_table_get_number(t, last - 2, (size_t)c_lvl) == 1);
	assert_string_equal(cm_table_get_string(t, last - 2, (size_t)c_why),
	                    "region below critical mass: 3 cités < 10");
	assert_string_equal(cm_table_get_string(t, last - 3, (size_t)c_id), "c1");
	cm_table_free(t);
	cm_network_free(net);
}

/*
 * Another focus type: the one crpv, r1, has no peer crpv at all (level 2);
 * it ties c3 of Normandie, so no regional reason is added (critical mass 1).
 */
static void test_other_type(void **state)
{
	cm_network *net = make_net(9, ids, types, regions, edges);
	cm_table *t = NULL;

	(void)state;
	assert_int_equal(cm_isolated_compute(&t, net, "crpv", 1), 0);
	assert_int_equal(cm_table_nrows(t), 1);
	assert_string_equal(cm_table_get_string(t, 0, (size_t)cm_table_column(t, "id")), "r1");
	assert_true(cm_table_get_number(t, 0, (size_t)cm_table_column(t, "level")) == 2);
	assert_string_equal(cm_table_get_string(t, 0, (size_t)cm_table_column(t, "reasons")),
	                    "no peer of type 'crpv' within two steps");
	cm_table_free(t);
	cm_network_free(net);
}

/* An unknown focus type names the types present; a negative critical mass is refused. */
static void test_errors(void **state)
{
	cm_network *net = make_net(9, ids, types, regions, edges);
	cm_table *t = NULL;

	(void)state;
	cm_error_clear();
	assert_int_equal(cm_isolated_compute(&t, net, "citee", 10), CM_EUSAGE);
	assert_null(t);
	assert_string_equal(cm_error_message(),
	                    "no actor has type 'citee' (types present: association, cite, crpv, school)");
	cm_error_clear();
	assert_int_equal(cm_isolated_compute(&t, net, "cite", -1), CM_EUSAGE);
	cm_error_clear();
	cm_network_free(net);
}


/*
 * The levels by vertex, from the hand computation of test_levels_by_hand
 * (critical mass 3) and test_default_min_size (10: c5 drops to 1).  The
 * vertices are c1 c2 c3 c4 c5 c6 r1 a1 x1; r1, a1 and x1 are not cités: -1.
 */
static void test_levels_by_vertex(void **state)
{
	static const int want3[] = { 1, 2, 1, 3, 0, 0, -1, -1, -1 };
	static const int want10[] = { 1, 2, 1, 3, 1, 0, -1, -1, -1 };
	cm_network *net = make_net(9, ids, types, regions, edges);
	int *levels = NULL;

	(void)state;
	assert_int_equal(cm_isolated_levels(&levels, net, NULL, 3), 0);
	for (int v = 0; v < 9; v++)
		assert_int_equal(levels[v], want3[v]);
	free(levels);
	assert_int_equal(cm_isolated_levels(&levels, net, "cite", 0), 0);
	for (int v = 0; v < 9; v++)
		assert_int_equal(levels[v], want10[v]);
	free(levels);
	/* no actor of the type: CM_EUSAGE and no levels */
	levels = (int *)&levels;
	cm_error_clear();
	assert_int_equal(cm_isolated_levels(&levels, net, "school2", 3), CM_EUSAGE);
	assert_null(levels);
	cm_error_clear();
	assert_int_equal(cm_isolated_levels(&levels, net, NULL, -1), CM_EUSAGE);
	assert_null(levels);
	cm_error_clear();
	cm_network_free(net);
}

/*
 * Interrupted while igraph builds the neighbour lists (the CI failure of
 * stop 21: SIGTERM during render's isolation colours): igraph's
 * interruption hook has already destroyed the half-built list, and
 * destroying it again aborted in igraph_vector_int_destroy.  The run must
 * fail with CM_EINTERRUPTED, give no levels, and leave the FINALLY stack
 * empty.
 */
static void test_interrupted(void **state)
{
	cm_network *net = make_net(9, ids, types, regions, edges);
	int *levels = (int *)&levels;

	(void)state;
	cm_error_clear();
	cm_interrupt();
	assert_int_equal(cm_isolated_levels(&levels, net, NULL, 3), CM_EINTERRUPTED);
	cm_interrupt_clear();
	assert_null(levels);
	assert_int_equal(IGRAPH_FINALLY_STACK_SIZE(), 0);
	cm_error_clear();
	/* and the next run is whole again */
	assert_int_equal(cm_isolated_levels(&levels, net, NULL, 3), 0);
	assert_int_equal(levels[3], 3);
	free(levels);
	cm_network_free(net);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_levels_by_hand),
		cmocka_unit_test(test_default_min_size),
		cmocka_unit_test(test_levels_by_vertex),
		cmocka_unit_test(test_other_type),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_interrupted),
	};

	igraph_set_attribute_table(&igraph_cattribute_table);
	cm_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
