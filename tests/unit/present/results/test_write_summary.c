/*
 * Unit tests of src/present/results/summary.c, the summary's writer: the
 * figures of hand-computed networks (worked out in
 * tests/unit/measure/test_summary.c and below) written as JSON, aligned
 * lines, CSV and TSV.
 */
#include <errno.h>
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
#include "coopmap/network.h"
#include "coopmap/summary.h"
#include "coopmap/table.h"
#include "coopmap/writers.h"
#include "model/raw.h"

#define assert_close(a, b) assert_true(fabs((a) - (b)) < 1e-9)

/*
 * A network filled by hand (the struct is public), so that these tests do
 * not depend on the loader; the caller destroys net->graph.
 */
static void hand_network(cm_network *net, igraph_t *g, int directed)
{
	net->graph = *g;
	net->source = "test";
	net->directed = directed;
}

/* Set a vertex string attribute from an array. */
static void set_strings(igraph_t *g, const char *attr, const char *const *values)
{
	for (igraph_integer_t v = 0; v < igraph_vcount(g); v++)
		assert_int_equal(igraph_cattribute_VAS_set(g, attr, v, values[v]), IGRAPH_SUCCESS);
}

/*
 * A small disconnected network, by hand:
 *
 *   A - B        E - F - H        G (no tie)
 *    \ /
 *     C - D
 *
 * 8 actors, 6 ties.  density = 6 / (8*7/2) = 3/14.
 * components {A,B,C,D}, {E,F,H}, {G}: 3, the largest has 4, 1 isolated.
 * distances: AB AC BC CD EF FH = 1, AD BD EH = 2: diameter 2, average
 * over the 9 connected pairs (6*1 + 3*2) / 9 = 12/9 = 4/3.
 * transitivity: 1 triangle, connected triples C(deg,2): A 1, B 1, C 3,
 * F 1 = 6, so 3*1/6 = 0.5.
 * degree assortativity: the 12 ordered edge ends (deg u, deg v) are
 * (2,2)x2 (2,3)x2 (3,2)x2 (3,1) (1,3) (1,2)x2 (2,1)x2; mean 2, variance
 * 6/12, covariance: only (3,1) and (1,3) give -1 each, so -2/12;
 * r = -2/6 = -1/3.
 * modularity: the best partition is {A,B,C,D} {E,F,H} {G}, with 2m = 12:
 * (4/6 - (8/12)^2) + (2/6 - (4/12)^2) + 0 = 2/9 + 2/9 = 4/9 (splitting
 * off D gives 0.1528 + -0.0069, splitting off H 0.0972: both worse;
 * merging disconnected groups only lowers Q).  NetworkX agrees:
 * modularity 0.4444444444444444, transitivity 0.5, assortativity
 * -0.3333333333333337, articulation points C and F, bridges CD EF FH.
 * types: cite A B E (3), crpv C F (2), then one each for "" (G),
 * association (H), ecole (D), ties by name; regions: Île-de-France A-D
 * (4), Occitanie E F H (3), Bretagne G (1).
 */
static void small_network(cm_network *net)
{
	static const char *const names[] = { "A", "B", "C", "D", "E", "F", "H", "G" };
	static const char *const types[] = { "cite", "cite", "crpv", "ecole", "cite", "crpv",
	                                     "association", "" };
	static const char *const regions[] = { "Île-de-France", "Île-de-France",
	                                       "Île-de-France", "Île-de-France", "Occitanie",
	                                       "Occitanie", "Occitanie", "Bretagne" };
	igraph_t g;

	assert_int_equal(igraph_small(&g, 8, IGRAPH_UNDIRECTED, 0, 1, 0, 2, 1, 2, 2, 3, 4, 5,
	                              5, 6, -1), IGRAPH_SUCCESS);
	set_strings(&g, CM_ATTR_ID, names);
	set_strings(&g, CM_ATTR_TYPE, types);
	set_strings(&g, CM_ATTR_REGION, regions);
	hand_network(net, &g, 0);
}

/* Write the summary of net to memory; the caller frees the text. */
static char *render(const cm_summary *s, cm_format format)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);

	assert_non_null(f);
	assert_int_equal(cm_summary_write(f, s, format), 0);
	assert_int_equal(fclose(f), 0);
	return text;
}

/*
 * JSON of the small network: the keys in the documented order, the
 * figures of the hand computation above at 12 significant digits
 * (3/14 = 0.214285714286, 4/3 = 1.33333333333, 4/9 = 0.444444444444).
 */
static void test_small_json(void **state)
{
	cm_network net = { 0 };
	cm_summary s;
	char *out;

	(void)state;
	small_network(&net);
	assert_int_equal(cm_summary_compute(&s, &net, CM_DEFAULT_SEED), 0);
	out = render(&s, CM_FORMAT_JSON);
	assert_string_equal(out,
	                    "{\n"
	                    "  \"nodes\": 8,\n"
	                    "  \"edges\": 6,\n"
	                    "  \"density\": 0.214285714286,\n"
	                    "  \"components\": 3,\n"
	                    "  \"largest_component\": 4,\n"
	                    "  \"isolated\": 1,\n"
	                    "  \"diameter\": 2,\n"
	                    "  \"average_path_length\": 1.33333333333,\n"
	                    "  \"transitivity\": 0.5,\n"
	                    "  \"degree_assortativity\": -0.333333333333,\n"
	                    "  \"modularity\": 0.444444444444,\n"
	                    "  \"communities\": 3,\n"
	                    "  \"articulation_points\": 2,\n"
	                    "  \"bridges\": 3,\n"
	                    "  \"types\": {\n"
	                    "    \"cite\": 3,\n"
	                    "    \"crpv\": 2,\n"
	                    "    \"\": 1,\n"
	                    "    \"association\": 1,\n"
	                    "    \"ecole\": 1\n"
	                    "  },\n"
	                    "  \"regions\": {\n"
	                    "    \"Île-de-France\": 4,\n"
	                    "    \"Occitanie\": 3,\n"
	                    "    \"Bretagne\": 1\n"
	                    "  }\n"
	                    "}\n");
	free(out);
	cm_summary_free(&s);
	igraph_destroy(&net.graph);
}

/*
 * Table of the small network: keys padded to the longest,
 * "degree_assortativity" (20), plus two spaces; in the sections names are
 * padded to the longest ("association", 11; "Île-de-France", 13 columns).
 */
static void test_small_table(void **state)
{
	cm_network net = { 0 };
	cm_summary s;
	char *out;

	(void)state;
	small_network(&net);
	assert_int_equal(cm_summary_compute(&s, &net, CM_DEFAULT_SEED), 0);
	out = render(&s, CM_FORMAT_TABLE);
	assert_string_equal(out,
	                    "nodes                 8\n"
	                    "edges                 6\n"
	                    "density               0.214285714286\n"
	                    "components            3\n"
	                    "largest_component     4\n"
	                    "isolated              1\n"
	                    "diameter              2\n"
	                    "average_path_length   1.33333333333\n"
	                    "transitivity          0.5\n"
	                    "degree_assortativity  -0.333333333333\n"
	                    "modularity            0.444444444444\n"
	                    "communities           3\n"
	                    "articulation_points   2\n"
	                    "bridges               3\n"
	                    "types:\n"
	                    "  cite         3\n"
	                    "  crpv         2\n"
	                    "  (unknown)    1\n"
	                    "  association  1\n"
	                    "  ecole        1\n"
	                    "regions:\n"
	                    "  Île-de-France  4\n"
	                    "  Occitanie      3\n"
	                    "  Bretagne       1\n");
	free(out);
	out = render(&s, CM_FORMAT_CSV);
	assert_non_null(strstr(out, "key,value\nnodes,8\nedges,6\ndensity,0.214285714286\n"));
	assert_non_null(strstr(out, "\ntype:cite,3\n"));
	assert_non_null(strstr(out, "\ntype:,1\n"));
	assert_non_null(strstr(out, "\nregion:Île-de-France,4\n"));
	free(out);
	out = render(&s, CM_FORMAT_TSV);
	assert_non_null(strstr(out, "key\tvalue\nnodes\t8\n"));
	free(out);
	cm_summary_free(&s);
	igraph_destroy(&net.graph);
}

/* No actors at all: undefined figures are null in JSON, empty elsewhere, never "nan". */
static void test_empty(void **state)
{
	cm_network net = { 0 };
	cm_summary s;
	igraph_t g;
	char *out;

	(void)state;
	assert_int_equal(igraph_empty(&g, 0, IGRAPH_UNDIRECTED), IGRAPH_SUCCESS);
	hand_network(&net, &g, 0);
	assert_int_equal(cm_summary_compute(&s, &net, CM_DEFAULT_SEED), 0);
	out = render(&s, CM_FORMAT_JSON);
	assert_non_null(strstr(out, "\"density\": null,"));
	assert_non_null(strstr(out, "\"types\": {},"));
	assert_non_null(strstr(out, "\"regions\": {}\n}"));
	assert_null(strstr(out, "nan"));
	free(out);
	out = render(&s, CM_FORMAT_CSV);
	assert_non_null(strstr(out, "\ndiameter,\n"));
	free(out);
	out = render(&s, CM_FORMAT_TABLE);
	assert_non_null(strstr(out, "\ndiameter\n"));
	assert_null(strstr(out, "nan"));
	free(out);
	cm_summary_free(&s);
	igraph_destroy(&net.graph);
}

/*
 * Estimated path figures (a summary filled by hand, as
 * cm_summary_compute() leaves it beyond 3e8 work units): JSON ends with
 * "paths_estimated": true, the table and the rows say it too.
 */
static void test_estimated(void **state)
{
	cm_summary s;
	char *out;

	(void)state;
	memset(&s, 0, sizeof(s));
	s.nodes = 20001;
	s.edges = 20001;
	s.density = s.transitivity = s.degree_assortativity = s.modularity = NAN;
	s.diameter = 10000;
	s.average_path_length = 5000.5;
	s.paths_estimated = 1;
	out = render(&s, CM_FORMAT_JSON);
	assert_non_null(strstr(out, ",\n  \"paths_estimated\": true\n}\n"));
	free(out);
	out = render(&s, CM_FORMAT_TABLE);
	assert_non_null(strstr(out, "\naverage_path_length   5000.5\n"));
	assert_non_null(strstr(out, "\npaths_estimated       true\n"));
	free(out);
	out = render(&s, CM_FORMAT_CSV);
	assert_non_null(strstr(out, "\npaths_estimated,1\n"));
	free(out);
}

/* A full device gives CM_EIO with errno kept. */
static void test_write_error(void **state)
{
	cm_summary s;
	cm_network net = { 0 };
	FILE *f = fopen("/dev/full", "w");

	(void)state;
	if (!f)
		skip();
	small_network(&net);
	assert_int_equal(cm_summary_compute(&s, &net, CM_DEFAULT_SEED), 0);
	cm_error_clear();
	errno = 0;
	assert_int_equal(cm_summary_write(f, &s, CM_FORMAT_JSON), CM_EIO);
	assert_int_equal(errno, ENOSPC);
	cm_error_clear();
	fclose(f);
	cm_summary_free(&s);
	igraph_destroy(&net.graph);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_small_json),
		cmocka_unit_test(test_small_table),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_estimated),
		cmocka_unit_test(test_write_error),
	};

	igraph_set_attribute_table(&igraph_cattribute_table);
	cm_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
