/* Unit tests of src/measure/brokers.c: brokerage roles and E-I index worked by hand. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "coopmap/coopmap.h"
#include "coopmap/brokers.h"
#include "coopmap/common.h"
#include "coopmap/network.h"
#include "coopmap/table.h"
#include "model/raw.h"

/*
 * The five-actor, three-group example of docs/analysis.md (ties drawn
 * without their direction):
 *
 *      e(X) ------ a(X) ------ b(X)
 *         \         |         /  |
 *          \        |        /   |
 *           `---- c(Y) -----'    |
 *                   |            |
 *                 d(Z) ----------'
 *
 * Directed ties: a->b, a->c, b->c, c->e, c->d, d->b, e->a.
 * Groups: a, b, e in X; c in Y; d in Z.
 */
static const char *const ids[] = { "a", "b", "c", "d", "e" };
static const char *const groups[] = { "X", "X", "Y", "Z", "X" };
enum { A, B, C, D, E };
static const igraph_integer_t edges[] = { A, B, A, C, B, C, C, E, C, D, D, B, E, A };
#define N_EDGES 7

static cm_network *make_net(int directed, int symmetric, const double *weights)
{
	igraph_vector_int_t ev;
	igraph_t g;
	cm_network *net = NULL;

	assert_int_equal(igraph_vector_int_init_array(&ev, edges, 2 * N_EDGES), IGRAPH_SUCCESS);
	if (symmetric)
		for (int e = 0; e < N_EDGES; e++) {
			igraph_vector_int_push_back(&ev, edges[2 * e + 1]);
			igraph_vector_int_push_back(&ev, edges[2 * e]);
		}
	assert_int_equal(igraph_create(&g, &ev, 5, directed ? IGRAPH_DIRECTED : IGRAPH_UNDIRECTED),
	                 IGRAPH_SUCCESS);
	igraph_vector_int_destroy(&ev);
	for (int v = 0; v < 5; v++) {
		SETVAS(&g, "name", v, ids[v]);
		SETVAS(&g, "type", v, v == D ? "crpv" : "cite");
		SETVAS(&g, "region", v, groups[v]);
	}
	if (weights)
		for (int e = 0; e < N_EDGES; e++)
			SETEAN(&g, "weight", e, weights[e]);
	assert_int_equal(cm_network_wrap(&net, &g, "test"), 0);
	return net;
}

/* Row index of an actor in the result. */
static size_t row_of(const cm_table *t, const char *id)
{
	int c = cm_table_column(t, "id");

	for (size_t i = 0; i < cm_table_nrows(t); i++)
		if (!strcmp(cm_table_get_string(t, i, (size_t)c), id))
			return i;
	fail_msg("no row for %s", id);
	return 0;
}

static double cell(const cm_table *t, const char *id, const char *col)
{
	int c = cm_table_column(t, col);

	assert_true(c >= 0);
	return cm_table_get_number(t, row_of(t, id), (size_t)c);
}

/*
 * Directed, by hand: every two-path x->b->y with no tie x->y.
 *   broker a: e->a->b (X X X) coordinator; e->a->c (X X Y) representative.
 *   broker b: a->b->c is closed by a->c; d->b->c (Z X Y) liaison.
 *   broker c: a->c->d, b->c->d (X Y Z) liaison x2; a->c->e, b->c->e (X Y X) itinerant x2.
 *   broker d: c->d->b (Y Z X) liaison.
 *   broker e: c->e->a (Y X X) gatekeeper (e shares the group of the end).
 * Totals: c 4, a 2, b 1, d 1, e 1.  Betweenness (networkx, directed,
 * unnormalised): a 3, b 3, c 8, d 1, e 3; so the order is c, a, then
 * b and e (betweenness 3, by id) before d.
 */
static void test_directed_roles(void **state)
{
	static const char *const order[] = { "c", "a", "b", "e", "d" };
	cm_network *net = make_net(1, 0, NULL);
	cm_brokers b;
	const cm_table *t;

	(void)state;
	assert_int_equal(cm_brokers_compute(&b, net, NULL), 0);
	t = b.actors;
	assert_true(b.directed);
	assert_true(cm_table_column(t, "boundary") < 0);
	assert_int_equal(cm_table_column(t, "region"), 3);
	assert_int_equal(cm_table_column(t, "gatekeeper"), 6);
	assert_int_equal(cm_table_column(t, "representative"), 7);
	for (size_t i = 0; i < 5; i++)
		assert_string_equal(cm_table_get_string(t, i, 0), order[i]);
	assert_true(cell(t, "a", "coordinator") == 1 && cell(t, "a", "representative") == 1);
	assert_true(cell(t, "a", "total") == 2);
	assert_true(cell(t, "b", "liaison") == 1 && cell(t, "b", "total") == 1);
	assert_true(cell(t, "c", "itinerant") == 2 && cell(t, "c", "liaison") == 2);
	assert_true(cell(t, "c", "total") == 4 && cell(t, "c", "coordinator") == 0);
	assert_true(cell(t, "d", "liaison") == 1 && cell(t, "d", "total") == 1);
	assert_true(cell(t, "e", "gatekeeper") == 1 && cell(t, "e", "total") == 1);
	assert_true(cell(t, "e", "representative") == 0);
	assert_true(cell(t, "c", "betweenness") == 8 && cell(t, "d", "betweenness") == 1);
	cm_brokers_free(&b);
	cm_network_free(net);
}

/*
 * Undirected, by hand: each unordered pair {x, y} of b's neighbours with no
 * tie x-y, once.  Neighbours: a {b,c,e}, b {a,c,d}, c {a,b,d,e}, d {b,c}, e {a,c}.
 *   a: {b,e} (X X X) coordinator; {b,c} and {c,e} are tied.
 *   b: {a,d} (X X Z) boundary; {a,c}, {c,d} tied.
 *   c: {a,d}, {d,e} (X Y Z) liaison x2; {b,e} (X Y X) itinerant; the rest tied.
 *   d: {b,c} tied.  e: {a,c} tied.
 * Reference values from networkx 2.x (betweenness_centrality normalized=False,
 * constraint, effective_size): betweenness a .5 b .5 c 2 d 0 e 0;
 * constraint a 0.720679012345679, c 0.642361111111111, e 0.8350694444444444;
 * effective size a 5/3, c 2.5, d 1.
 * Brokerage between groups (all roles but coordinator): c 3, b 1, a 0, d 0, e 0.
 * Order: c (3), b (1), a (0, but total 1), d and e (0, by id).
 */
static void test_undirected_roles(void **state)
{
	static const char *const order[] = { "c", "b", "a", "d", "e" };
	cm_network *net = make_net(0, 0, NULL);
	cm_brokers b;
	const cm_table *t;

	(void)state;
	assert_int_equal(cm_brokers_compute(&b, net, "region"), 0);
	t = b.actors;
	assert_false(b.directed);
	assert_true(cm_table_column(t, "gatekeeper") < 0);
	assert_int_equal(cm_table_column(t, "boundary"), 6);
	for (size_t i = 0; i < 5; i++)
		assert_string_equal(cm_table_get_string(t, i, 0), order[i]);
	assert_true(cell(t, "a", "coordinator") == 1 && cell(t, "a", "total") == 1);
	assert_true(cell(t, "b", "boundary") == 1 && cell(t, "b", "total") == 1);
	assert_true(cell(t, "c", "itinerant") == 1 && cell(t, "c", "liaison") == 2);
	assert_true(cell(t, "c", "total") == 3);
	assert_true(cell(t, "c", "between_groups") == 3 && cell(t, "b", "between_groups") == 1);
	assert_true(cell(t, "a", "between_groups") == 0);
	assert_true(cell(t, "d", "total") == 0 && cell(t, "e", "total") == 0);
	assert_true(cell(t, "a", "betweenness") == 0.5 && cell(t, "c", "betweenness") == 2);
	assert_true(fabs(cell(t, "a", "constraint") - 0.720679012345679) < 1e-12);
	assert_true(fabs(cell(t, "c", "constraint") - 0.642361111111111) < 1e-12);
	assert_true(fabs(cell(t, "e", "constraint") - 0.8350694444444444) < 1e-12);
	assert_true(fabs(cell(t, "a", "effective_size") - 5.0 / 3.0) < 1e-12);
	assert_true(fabs(cell(t, "c", "effective_size") - 2.5) < 1e-12);
	assert_true(fabs(cell(t, "d", "effective_size") - 1.0) < 1e-12);
	cm_brokers_free(&b);
	cm_network_free(net);
}

/*
 * The same ties given in both directions to the directed count (what sna's
 * brokerage, which counts ordered two-paths, does with symmetric data): each
 * unordered pair is seen as x->b->y and y->b->x, so coordinator, itinerant
 * and liaison double, and a boundary pair gives one representative plus one
 * gatekeeper.  From the undirected counts above: a coordinator 2; b
 * representative 1 and gatekeeper 1; c itinerant 2 and liaison 4.
 */
static void test_symmetric_is_twice_undirected(void **state)
{
	cm_network *net = make_net(1, 1, NULL);
	cm_brokers b;
	const cm_table *t;

	(void)state;
	assert_int_equal(cm_brokers_compute(&b, net, NULL), 0);
	t = b.actors;
	assert_true(cell(t, "a", "coordinator") == 2 && cell(t, "a", "total") == 2);
	assert_true(cell(t, "b", "representative") == 1 && cell(t, "b", "gatekeeper") == 1);
	assert_true(cell(t, "c", "itinerant") == 2 && cell(t, "c", "liaison") == 4);
	assert_true(cell(t, "c", "total") == 6);
	cm_brokers_free(&b);
	cm_network_free(net);
}

/*
 * E-I by hand (undirected; internal = same group).  Ties: a-b int, a-c ext,
 * b-c ext, c-e ext, c-d ext, d-b ext, e-a int.
 *   a: ext 1 (c), int 2 (b, e) -> (1-2)/3 = -1/3
 *   b: ext 2 (c, d), int 1 -> 1/3;  c: 4 ext -> 1;  d: 2 ext -> 1;  e: 1 ext 1 int -> 0
 *   group X {a,b,e}: int 2 (a-b, e-a), ext 4 (a-c, b-c, c-e, d-b) -> 1/3
 *   group Y {c}: ext 4 -> 1;  group Z {d}: ext 2 -> 1
 *   network: 5 external, 2 internal -> 3/7
 */
static void test_ei_index(void **state)
{
	cm_network *net = make_net(0, 0, NULL);
	cm_brokers b;
	const cm_table *g;

	(void)state;
	assert_int_equal(cm_brokers_compute(&b, net, NULL), 0);
	assert_true(fabs(cell(b.actors, "a", "ei_index") + 1.0 / 3.0) < 1e-12);
	assert_true(fabs(cell(b.actors, "b", "ei_index") - 1.0 / 3.0) < 1e-12);
	assert_true(cell(b.actors, "c", "ei_index") == 1 && cell(b.actors, "d", "ei_index") == 1);
	assert_true(cell(b.actors, "e", "ei_index") == 0);
	g = b.groups;
	assert_int_equal(cm_table_nrows(g), 3);
	assert_string_equal(cm_table_column_name(g, 0), "region");
	assert_string_equal(cm_table_get_string(g, 0, 0), "X");
	assert_true(cm_table_get_number(g, 0, 1) == 3);  /* actors */
	assert_true(cm_table_get_number(g, 0, 2) == 2);  /* internal */
	assert_true(cm_table_get_number(g, 0, 3) == 4);  /* external */
	assert_true(fabs(cm_table_get_number(g, 0, 4) - 1.0 / 3.0) < 1e-12);
	assert_string_equal(cm_table_get_string(g, 1, 0), "Y");
	assert_true(cm_table_get_number(g, 1, 4) == 1);
	assert_string_equal(cm_table_get_string(g, 2, 0), "Z");
	assert_true(cm_table_get_number(g, 2, 3) == 2);
	assert_true(fabs(b.network_ei_index - 3.0 / 7.0) < 1e-12);
	cm_brokers_free(&b);
	cm_network_free(net);
}

/*
 * Weighted constraint and effective size against networkx (constraint and
 * effective_size with weight='weight') for weights 1 2 3 1 4 2 5 on the ties
 * in the order listed: constraint a 0.6361111111111111, d 0.9788888888888887;
 * effective size a 2.45, b 1.8833333333333335, c 3.1566666666666663,
 * d 1.0833333333333335.
 */
static void test_weighted_structural_holes(void **state)
{
	static const double w[N_EDGES] = { 1, 2, 3, 1, 4, 2, 5 };
	cm_network *net = make_net(0, 0, w);
	cm_brokers b;

	(void)state;
	assert_int_equal(cm_brokers_compute(&b, net, NULL), 0);
	assert_true(fabs(cell(b.actors, "a", "constraint") - 0.6361111111111111) < 1e-12);
	assert_true(fabs(cell(b.actors, "d", "constraint") - 0.9788888888888887) < 1e-12);
	assert_true(fabs(cell(b.actors, "a", "effective_size") - 2.45) < 1e-12);
	assert_true(fabs(cell(b.actors, "b", "effective_size") - 1.8833333333333335) < 1e-12);
	assert_true(fabs(cell(b.actors, "c", "effective_size") - 3.1566666666666663) < 1e-12);
	assert_true(fabs(cell(b.actors, "d", "effective_size") - 1.0833333333333335) < 1e-12);
	cm_brokers_free(&b);
	cm_network_free(net);
}

/*
 * Grouping by type (a, b, c, e cite; d crpv): no extra group column.
 * Undirected: c's pair {a,d}, {d,e} are cite-cite-crpv: boundary 2; {b,e}
 * cite x3: coordinator; a's {b,e}: coordinator; b's {a,d}: boundary.
 */
static void test_group_by_type(void **state)
{
	cm_network *net = make_net(0, 0, NULL);
	cm_brokers b;

	(void)state;
	assert_int_equal(cm_brokers_compute(&b, net, "Type"), 0);
	assert_int_equal(cm_table_column(b.actors, "coordinator"), 3);
	assert_true(cell(b.actors, "c", "coordinator") == 1 && cell(b.actors, "c", "boundary") == 2);
	assert_true(cell(b.actors, "b", "boundary") == 1);
	cm_brokers_free(&b);
	cm_network_free(net);
}

/*
 * An actor without a group and an isolated actor: f (no region) tied to a,
 * g isolated in X.  f is in the group "(none)": a's neighbours b, c, e, f
 * give {b,e} X-X-X coordinator, {b,f} and {e,f} X-X-(none) boundary,
 * {c,f} Y-X-(none) liaison ({b,c}, {c,e} tied): total 4, between groups 3.
 * a's ties: a-b, a-e internal, a-c, a-f external: E-I 0; f's one tie is
 * external: E-I 1.  Network: internal a-b, e-a; external a-c, b-c, c-e,
 * c-d, d-b, a-f: (6 - 2) / 8 = 0.5.  g has no tie: E-I, constraint and
 * effective size undefined, betweenness 0.
 */
static void test_unknown_group_and_isolate(void **state)
{
	igraph_t g;
	cm_network *net = NULL;
	cm_brokers b;
	static const igraph_integer_t ed[] = { A, B, A, C, B, C, C, E, C, D, D, B, E, A, A, 5 };
	static const char *const id7[] = { "a", "b", "c", "d", "e", "f", "g" };
	static const char *const gr7[] = { "X", "X", "Y", "Z", "X", "", "X" };
	igraph_vector_int_t ev;

	(void)state;
	assert_int_equal(igraph_vector_int_init_array(&ev, ed, 16), IGRAPH_SUCCESS);
	assert_int_equal(igraph_create(&g, &ev, 7, IGRAPH_UNDIRECTED), IGRAPH_SUCCESS);
	igraph_vector_int_destroy(&ev);
	for (int v = 0; v < 7; v++) {
		SETVAS(&g, "name", v, id7[v]);
		SETVAS(&g, "region", v, gr7[v]);
	}
	assert_int_equal(cm_network_wrap(&net, &g, "test"), 0);
	assert_int_equal(cm_brokers_compute(&b, net, NULL), 0);
	assert_true(cell(b.actors, "a", "coordinator") == 1 && cell(b.actors, "a", "boundary") == 2);
	assert_true(cell(b.actors, "a", "liaison") == 1 && cell(b.actors, "a", "total") == 4);
	assert_true(cell(b.actors, "a", "between_groups") == 3);
	assert_true(fabs(cell(b.actors, "a", "ei_index")) < 1e-12);
	assert_true(cell(b.actors, "f", "ei_index") == 1);
	assert_true(isnan(cell(b.actors, "g", "ei_index")));
	assert_true(isnan(cell(b.actors, "g", "constraint")));
	assert_true(isnan(cell(b.actors, "g", "effective_size")));
	assert_true(cell(b.actors, "g", "betweenness") == 0);
	assert_true(fabs(b.network_ei_index - 0.5) < 1e-12);
	cm_brokers_free(&b);
	cm_network_free(net);
}

/* An attribute no actor has is refused, naming the attributes present. */
static void test_unknown_group(void **state)
{
	cm_network *net = make_net(0, 0, NULL);
	cm_brokers b;

	(void)state;
	cm_error_clear();
	assert_int_equal(cm_brokers_compute(&b, net, "departement"), CM_EUSAGE);
	assert_non_null(strstr(cm_error_message(), "no actor has attribute 'departement'"));
	assert_non_null(strstr(cm_error_message(), "region"));
	assert_null(b.actors);
	cm_error_clear();
	cm_network_free(net);
}

/*
 * What the map reads by vertex (a b c d e = 0..4), from the undirected
 * example of test_undirected_roles: totals a 1, b 1, c 3, d 0, e 0,
 * between groups a 0, b 1, c 3, d 0, e 0, and the ranking of the actors
 * rows c, b, a, d, e.
 */
static void test_by_vertex(void **state)
{
	static const double total[] = { 1, 1, 3, 0, 0 };
	static const double between[] = { 0, 1, 3, 0, 0 };
	static const igraph_integer_t ranking[] = { C, B, A, D, E };
	cm_network *net = make_net(0, 0, NULL);
	cm_brokers b;

	(void)state;
	assert_int_equal(cm_brokers_compute(&b, net, "region"), 0);
	assert_int_equal(b.n_actors, 5);
	for (int v = 0; v < 5; v++) {
		assert_true(b.total[v] == total[v]);
		assert_true(b.between[v] == between[v]);
		assert_int_equal(b.ranking[v], ranking[v]);
		assert_string_equal(cm_table_get_string(b.actors, (size_t)v, 0), ids[ranking[v]]);
	}
	cm_brokers_free(&b);
	cm_brokers_free(&b); /* safe twice: zeroed */
	cm_brokers_free(NULL);
	cm_network_free(net);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_directed_roles),
		cmocka_unit_test(test_undirected_roles),
		cmocka_unit_test(test_by_vertex),
		cmocka_unit_test(test_symmetric_is_twice_undirected),
		cmocka_unit_test(test_ei_index),
		cmocka_unit_test(test_weighted_structural_holes),
		cmocka_unit_test(test_group_by_type),
		cmocka_unit_test(test_unknown_group_and_isolate),
		cmocka_unit_test(test_unknown_group),
	};

	igraph_set_attribute_table(&igraph_cattribute_table);
	cm_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
