/*
 * Unit tests of src/measure/clubs.c: clubs worked by hand (the adjacency
 * files they read: tests/unit/load/test_regions.c).
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
#include "coopmap/clubs.h"
#include "coopmap/common.h"
#include "coopmap/network.h"
#include "coopmap/regions.h"
#include "model/raw.h"

/*
 * A network without ties: counts[i] cités in region regs[i] (ids "<region>#<k>",
 * listed region by region in the order given) plus one crpv per region, which
 * must not count.  reverse lists the actors backwards, to check that the
 * order of the input does not matter.
 */
static cm_network *make_net(const char *const *regs, const int *counts, int k, int reverse)
{
	igraph_t g;
	cm_network *net = NULL;
	int n = 0, v = 0;

	for (int i = 0; i < k; i++)
		n += counts[i] + 1;
	assert_int_equal(igraph_empty(&g, n, IGRAPH_UNDIRECTED), IGRAPH_SUCCESS);
	for (int i = 0; i < k; i++)
		for (int j = 0; j <= counts[i]; j++) {
			char id[64];
			int at = reverse ? n - 1 - v : v;

			snprintf(id, sizeof(id), j < counts[i] ? "%s#%d" : "%s-crpv", regs[i], j + 1);
			SETVAS(&g, "name", at, id);
			SETVAS(&g, "type", at, j < counts[i] ? "cite" : "crpv");
			SETVAS(&g, "region", at, regs[i]);
			v++;
		}
	assert_int_equal(cm_network_wrap(&net, &g, "test"), 0);
	return net;
}

/* Parse an adjacency that must be valid. */
static cm_regions *parse(const char *text)
{
	cm_regions *r = NULL;

	cm_error_clear();
	assert_int_equal(cm_regions_parse(&r, text, strlen(text), "regions.csv"), 0);
	return r;
}

/* The west of France, cut down, and two regions with no sparse neighbour. */
static const char west[] =
	"# west of France (test)\n"
	"Region,Neighbour\n"
	"Bretagne,Normandie\n"
	"Bretagne,Pays de la Loire\n"
	"Normandie,Pays de la Loire\n"
	"Normandie,Centre-Val de Loire\n"
	"Normandie,Île-de-France\n"
	"Pays de la Loire,Centre-Val de Loire\n"
	"Centre-Val de Loire,Île-de-France\n"
	"Grand Est,Île-de-France\n"
	"Corse,\n";

/*
 * By hand, critical mass 10: Bretagne 3, Normandie 4, Pays de la Loire 3 and
 * Centre-Val de Loire 3 are sparse and connected (13 cités): two clubs would
 * need 20, so they form one club, which reaches 10 - the Club de l'Ouest.
 * Île-de-France (12) is dense.  Corse (2) and Grand Est (2) have no sparse
 * neighbour: each is a club of its own that does not reach 10 (shortfall 8);
 * Grand Est borders Île-de-France, which it could join, Corse nothing.
 * Order: the reaching club first, then Corse before Grand Est.
 */
static void test_club_de_l_ouest(void **state)
{
	static const char *const regs[] = { "Bretagne", "Normandie", "Pays de la Loire",
	                                    "Centre-Val de Loire", "Île-de-France", "Corse",
	                                    "Grand Est" };
	static const int counts[] = { 3, 4, 3, 3, 12, 2, 2 };
	cm_regions *r = parse(west);
	cm_network *net = make_net(regs, counts, 7, 0);
	cm_clubs c;

	(void)state;
	assert_int_equal(cm_clubs_compute(&c, net, r, NULL, 0), 0);
	assert_int_equal(c.min_size, 10);
	assert_int_equal(c.n_clubs, 3);
	assert_string_equal(c.clubs[0].name,
	                    "Club 1: Bretagne, Centre-Val de Loire, Normandie, Pays de la Loire");
	assert_int_equal(c.clubs[0].n_regions, 4);
	assert_int_equal(c.clubs[0].cites, 13);
	assert_true(c.clubs[0].reaches_min_size);
	assert_int_equal(c.clubs[0].n_members, 13);
	assert_string_equal(c.clubs[0].members[0], "Bretagne#1");
	assert_string_equal(c.clubs[0].members[12], "Pays de la Loire#3");
	assert_string_equal(c.clubs[1].name, "Club 2: Corse");
	assert_false(c.clubs[1].reaches_min_size);
	assert_int_equal(c.clubs[1].shortfall, 8);
	assert_int_equal(c.clubs[1].n_could_join, 0);
	assert_string_equal(c.clubs[2].name, "Club 3: Grand Est");
	assert_int_equal(c.clubs[2].shortfall, 8);
	assert_int_equal(c.clubs[2].n_could_join, 1);
	assert_string_equal(c.clubs[2].could_join[0], "Île-de-France");
	assert_int_equal(c.n_dense, 1);
	assert_string_equal(c.dense[0].region, "Île-de-France");
	assert_int_equal(c.dense[0].cites, 12);
	cm_clubs_free(&c);
	cm_network_free(net);
	cm_regions_free(r);
}

/* Path A - B - C - D. */
static const char path4[] = "region;neighbour\nA;B\nB;C\nC;D\n";

/*
 * A 6, B 5, C 5, D 6 on a path, critical mass 10: the only split into two
 * clubs that both reach 10 is {A,B} (11) and {C,D} (11); it beats one club
 * of 22.
 */
static void test_split_beats_one_big_club(void **state)
{
	static const char *const regs[] = { "A", "B", "C", "D" };
	static const int counts[] = { 6, 5, 5, 6 };
	cm_regions *r = parse(path4);
	cm_network *net = make_net(regs, counts, 4, 0);
	cm_clubs c;

	(void)state;
	assert_int_equal(cm_clubs_compute(&c, net, r, "cite", 10), 0);
	assert_int_equal(c.n_clubs, 2);
	assert_string_equal(c.clubs[0].name, "Club 1: A, B");
	assert_int_equal(c.clubs[0].cites, 11);
	assert_string_equal(c.clubs[1].name, "Club 2: C, D");
	assert_int_equal(c.clubs[1].cites, 11);
	assert_int_equal(c.n_dense, 0);
	cm_clubs_free(&c);
	cm_network_free(net);
	cm_regions_free(r);
}

/* Path A - B - C - D - E. */
static const char path5[] = "region,neighbor\nA,B\nB,C\nC,D\nD,E\n";

/*
 * A 5, B 5, C 1, D 6, E 5 (22), critical mass 10.  Three clubs would need 30,
 * so two; the connected splits reaching 10 are {A,B} 10 + {C,D,E} 12 and
 * {A,B,C} 11 + {D,E} 11: the second has the smaller largest club (11 < 12).
 */
static void test_smallest_largest_club(void **state)
{
	static const char *const regs[] = { "A", "B", "C", "D", "E" };
	static const int counts[] = { 5, 5, 1, 6, 5 };
	cm_regions *r = parse(path5);
	cm_network *net = make_net(regs, counts, 5, 0);
	cm_clubs c;

	(void)state;
	assert_int_equal(cm_clubs_compute(&c, net, r, NULL, 10), 0);
	assert_int_equal(c.n_clubs, 2);
	assert_string_equal(c.clubs[0].name, "Club 1: A, B, C");
	assert_string_equal(c.clubs[1].name, "Club 2: D, E");
	cm_clubs_free(&c);
	cm_network_free(net);
	cm_regions_free(r);
}

/*
 * A 5, B 5, C 1, D 5, E 5 (21): {A,B} 10 + {C,D,E} 11 and {A,B,C} 11 +
 * {D,E} 10 tie on count (2) and largest club (11); the lexicographic rule
 * compares the clubs holding A: [A, B] comes before [A, B, C].
 * Run twice, and once with the actors listed backwards: same clubs.
 */
static void test_tie_break_and_determinism(void **state)
{
	static const char *const regs[] = { "A", "B", "C", "D", "E" };
	static const int counts[] = { 5, 5, 1, 5, 5 };
	cm_regions *r = parse(path5);
	cm_network *net = make_net(regs, counts, 5, 0);
	cm_network *rev = make_net(regs, counts, 5, 1);
	cm_clubs c;

	(void)state;
	for (int run = 0; run < 3; run++) {
		assert_int_equal(cm_clubs_compute(&c, run < 2 ? net : rev, r, NULL, 10), 0);
		assert_int_equal(c.n_clubs, 2);
		assert_string_equal(c.clubs[0].name, "Club 1: A, B");
		assert_string_equal(c.clubs[1].name, "Club 2: C, D, E");
		assert_string_equal(c.clubs[1].members[0], "C#1");
		cm_clubs_free(&c);
	}
	cm_network_free(net);
	cm_network_free(rev);
	cm_regions_free(r);
}

/* A path of k regions R01 - R02 - ... with 5 cités each. */
static void path_regions(char *text, size_t size, char names[][16], int k)
{
	size_t len = (size_t)snprintf(text, size, "region,neighbour\n");

	for (int i = 0; i < k; i++)
		snprintf(names[i], 16, "R%02d", i + 1);
	for (int i = 0; i + 1 < k; i++)
		len += (size_t)snprintf(text + len, size - len, "%s,%s\n", names[i], names[i + 1]);
}

/*
 * 19 regions on a path, 5 cités each, critical mass 10: above the exact
 * limit (18), so the greedy rule runs: from R01, take the neighbour R02
 * (10, done), then R03 + R04, ... R17 + R18; R19 alone (5) cannot reach 10
 * and joins its bordering club {R17, R18}: 9 clubs, the last of 15.
 */
static void test_greedy_fallback(void **state)
{
	char text[1024], names[19][16];
	const char *regs[19];
	int counts[19];
	cm_regions *r;
	cm_network *net;
	cm_clubs c;

	(void)state;
	path_regions(text, sizeof(text), names, 19);
	for (int i = 0; i < 19; i++) {
		regs[i] = names[i];
		counts[i] = 5;
	}
	r = parse(text);
	net = make_net(regs, counts, 19, 0);
	assert_int_equal(cm_clubs_compute(&c, net, r, NULL, 10), 0);
	assert_int_equal(c.n_clubs, 9);
	assert_string_equal(c.clubs[0].name, "Club 1: R01, R02");
	assert_string_equal(c.clubs[8].name, "Club 9: R17, R18, R19");
	assert_int_equal(c.clubs[8].cites, 15);
	for (size_t i = 0; i < c.n_clubs; i++)
		assert_true(c.clubs[i].reaches_min_size);
	cm_clubs_free(&c);
	cm_network_free(net);
	cm_regions_free(r);
}

/*
 * The same path cut to 18 regions goes through the exact search: 9 pairs of
 * 10 is the only partition into 9 clubs (each club needs two regions).
 */
static void test_exact_at_limit(void **state)
{
	char text[1024], names[18][16];
	const char *regs[18];
	int counts[18];
	cm_regions *r;
	cm_network *net;
	cm_clubs c;

	(void)state;
	path_regions(text, sizeof(text), names, 18);
	for (int i = 0; i < 18; i++) {
		regs[i] = names[i];
		counts[i] = 5;
	}
	r = parse(text);
	net = make_net(regs, counts, 18, 0);
	assert_int_equal(cm_clubs_compute(&c, net, r, NULL, 10), 0);
	assert_int_equal(c.n_clubs, 9);
	for (size_t i = 0; i < c.n_clubs; i++) {
		assert_int_equal(c.clubs[i].n_regions, 2);
		assert_int_equal(c.clubs[i].cites, 10);
	}
	assert_string_equal(c.clubs[8].name, "Club 9: R17, R18");
	cm_clubs_free(&c);
	cm_network_free(net);
	cm_regions_free(r);
}

static char last_notice[512];

static void keep_notice(void *ctx, const char *message)
{
	(void)ctx;
	snprintf(last_notice, sizeof(last_notice), "%s", message);
}

/* A region of the network missing from the file: a notice, and no neighbour. */
static void test_region_missing_from_file(void **state)
{
	static const char *const regs[] = { "A", "B", "Mayotte" };
	static const int counts[] = { 5, 5, 3 };
	cm_regions *r = parse(path4);
	cm_network *net = make_net(regs, counts, 3, 0);
	cm_clubs c;

	(void)state;
	last_notice[0] = '\0';
	cm_notice_set_handler(keep_notice, NULL);
	assert_int_equal(cm_clubs_compute(&c, net, r, NULL, 10), 0);
	cm_notice_set_handler(NULL, NULL);
	assert_string_equal(last_notice,
	                    "region 'Mayotte' is not in regions.csv: treated as having no neighbour");
	assert_int_equal(c.n_clubs, 2);
	assert_string_equal(c.clubs[0].name, "Club 1: A, B");
	assert_string_equal(c.clubs[1].name, "Club 2: Mayotte");
	assert_int_equal(c.clubs[1].shortfall, 7);
	cm_clubs_free(&c);
	cm_network_free(net);
	cm_regions_free(r);
}

/* Bad arguments: an unknown type names the types present; negative mass refused. */
static void test_errors(void **state)
{
	static const char *const regs[] = { "A" };
	static const int counts[] = { 1 };
	cm_regions *r = parse(path4);
	cm_network *net = make_net(regs, counts, 1, 0);
	cm_clubs c;

	(void)state;
	cm_error_clear();
	assert_int_equal(cm_clubs_compute(&c, net, r, "school", 10), CM_EUSAGE);
	assert_string_equal(cm_error_message(), "no actor has type 'school' (types present: cite, crpv)");
	assert_int_equal(c.n_clubs, 0);
	cm_error_clear();
	assert_int_equal(cm_clubs_compute(&c, net, r, NULL, -3), CM_EUSAGE);
	cm_error_clear();
	cm_network_free(net);
	cm_regions_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_club_de_l_ouest),
		cmocka_unit_test(test_split_beats_one_big_club),
		cmocka_unit_test(test_smallest_largest_club),
		cmocka_unit_test(test_tie_break_and_determinism),
		cmocka_unit_test(test_greedy_fallback),
		cmocka_unit_test(test_exact_at_limit),
		cmocka_unit_test(test_region_missing_from_file),
		cmocka_unit_test(test_errors),
	};

	igraph_set_attribute_table(&igraph_cattribute_table);
	cm_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
