/*
 * Unit tests of src/present/export/measures.c (convert --measures, --layout):
 * a network built by hand is written as GraphML with measures and read back
 * with igraph's own GraphML reader; every value is compared with a hand
 * computation written out below, and the declared types with the rule of
 * present/export/types.c.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "coopmap/coopmap.h"
#include "coopmap/common.h"
#include "coopmap/export.h"
#include "coopmap/network.h"
#include "base/error.h"
#include "base/file.h"

static char dir[] = "/tmp/coopmap-test-measures-XXXXXX";

/*
 * The test network, by hand: the path c1 - r - c2 - p and c3 alone.
 *   c1 cite Bretagne, r crpv Bretagne, c2 cite Normandie, p partner (no
 *   region), c3 cite Normandie.
 * By hand:
 *   degree        c1 1, r 2, c2 2, p 1, c3 0
 *   betweenness   r 2 (c1-c2, c1-p), c2 2 (r-p, c1-p), the others 0
 *   articulation  r and c2
 *   isolation     c3 3 (no tie); c1 1 (c2 within two steps, Bretagne has
 *                 1 cite < 10); c2 1 (c1 within two steps, Normandie 2 < 10);
 *                 r and p are no cites: none
 *   brokerage     r 1 (c1 Bretagne, c2 Normandie, untied: boundary);
 *                 c2 1 (r Bretagne, p in the group "(none)" of actors
 *                 without a region, untied: liaison); the others 0
 */
static cm_network *make_net(void)
{
	static const char *const ids[] = { "c1", "r", "c2", "p", "c3" };
	static const char *const types[] = { "cite", "crpv", "cite", "partner", "cite" };
	static const char *const regions[] = { "Bretagne", "Bretagne", "Normandie", "", "Normandie" };
	static const igraph_integer_t ends[] = { 0, 1, 1, 2, 2, 3 };
	cm_network *net = calloc(1, sizeof(*net));
	igraph_vector_int_t e;

	assert_non_null(net);
	igraph_vector_int_view(&e, ends, 6);
	assert_int_equal(igraph_create(&net->graph, &e, 5, IGRAPH_UNDIRECTED), 0);
	for (int v = 0; v < 5; v++) {
		SETVAS(&net->graph, CM_ATTR_ID, v, ids[v]);
		SETVAS(&net->graph, CM_ATTR_LABEL, v, ids[v]);
		SETVAS(&net->graph, CM_ATTR_TYPE, v, types[v]);
		SETVAS(&net->graph, CM_ATTR_REGION, v, regions[v]);
	}
	for (int t = 0; t < 3; t++) {
		SETEAN(&net->graph, CM_ATTR_WEIGHT, t, 1);
		SETEAN(&net->graph, CM_ATTR_YEAR, t, 2020 + t);
	}
	net->source = strdup("test");
	return net;
}

static int setup_dir(void **state)
{
	(void)state;
	return mkdtemp(dir) ? 0 : -1;
}

static int teardown_dir(void **state)
{
	char cmd[300];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd);
}

/* The vertex of igraph's reading whose "id" is id. */
static igraph_integer_t vertex(const igraph_t *g, const char *id)
{
	for (igraph_integer_t v = 0; v < igraph_vcount(g); v++)
		if (!strcmp(VAS(g, "id", v), id))
			return v;
	fail_msg("no vertex %s", id);
	return -1;
}

/* Names of measures, alone and together, and refusals. */
static void test_parse(void **state)
{
	unsigned bits;

	(void)state;
	assert_int_equal(cm_export_parse_measures(&bits, "degree, brokerage"), 0);
	assert_int_equal(bits, CM_M_DEGREE | CM_EXPORT_BROKERAGE);
	assert_int_equal(cm_export_parse_measures(&bits, "isolation_level,community"), 0);
	assert_int_equal(bits, CM_EXPORT_ISOLATION | CM_M_COMMUNITY);
	assert_int_equal(cm_export_parse_measures(&bits, "all"), 0);
	assert_int_equal(bits, CM_EXPORT_ALL_MEASURES);
	assert_int_equal(cm_export_parse_measures(&bits, "degree,level"), CM_EUSAGE);
	assert_non_null(strstr(cm_error_message(), "unknown measure 'level'"));
	cm_error_clear();
}

/* Every measure asked for, by hand, through igraph's GraphML reader. */
static void test_graphml_measures(void **state)
{
	cm_network *net = make_net();
	cm_export_options o = { 0 };
	char path[300], *text = NULL;
	size_t len;
	igraph_t g;
	FILE *f;

	(void)state;
	snprintf(path, sizeof(path), "%s/m.graphml", dir);
	o.measures = CM_M_DEGREE | CM_M_BETWEENNESS | CM_M_ARTICULATION | CM_EXPORT_ISOLATION | CM_EXPORT_BROKERAGE;
	o.layout = "fr";
	assert_int_equal(cm_network_write_with(net, path, CM_OUTPUT_GRAPHML, &o), 0);
	f = fopen(path, "r");
	assert_non_null(f);
	assert_int_equal(igraph_read_graph_graphml(&g, f, 0), 0);
	fclose(f);
	assert_true(VAN(&g, "degree", vertex(&g, "c1")) == 1);
	assert_true(VAN(&g, "degree", vertex(&g, "r")) == 2);
	assert_true(VAN(&g, "degree", vertex(&g, "c3")) == 0);
	assert_true(VAN(&g, "betweenness", vertex(&g, "r")) == 2);
	assert_true(VAN(&g, "betweenness", vertex(&g, "c2")) == 2);
	assert_true(VAN(&g, "betweenness", vertex(&g, "p")) == 0);
	assert_true(VAB(&g, "articulation", vertex(&g, "r")));
	assert_true(VAB(&g, "articulation", vertex(&g, "c2")));
	assert_false(VAB(&g, "articulation", vertex(&g, "c1")));
	assert_true(VAN(&g, "isolation_level", vertex(&g, "c3")) == 3);
	assert_true(VAN(&g, "isolation_level", vertex(&g, "c1")) == 1);
	assert_true(VAN(&g, "isolation_level", vertex(&g, "c2")) == 1);
	assert_true(isnan(VAN(&g, "isolation_level", vertex(&g, "r"))));
	assert_true(VAN(&g, "brokerage", vertex(&g, "r")) == 1);
	assert_true(VAN(&g, "brokerage", vertex(&g, "c2")) == 1);
	assert_true(VAN(&g, "brokerage", vertex(&g, "c1")) == 0);
	for (igraph_integer_t v = 0; v < 5; v++)
		assert_true(isfinite(VAN(&g, "x", v)) && isfinite(VAN(&g, "y", v)));
	igraph_destroy(&g);
	/* declared types: betweenness stays double though every value is whole */
	assert_int_equal(cm_read_file(&text, &len, path), 0);
	assert_non_null(strstr(text, "attr.name=\"betweenness\" attr.type=\"double\""));
	assert_non_null(strstr(text, "attr.name=\"degree\" attr.type=\"long\""));
	assert_non_null(strstr(text, "attr.name=\"articulation\" attr.type=\"boolean\""));
	assert_non_null(strstr(text, "attr.name=\"isolation_level\" attr.type=\"long\""));
	assert_non_null(strstr(text, "attr.name=\"x\" attr.type=\"double\""));
	free(text);
	/* the input network is left as it was */
	assert_false(igraph_cattribute_has_attr(&net->graph, IGRAPH_ATTRIBUTE_VERTEX, "degree"));
	cm_network_free(net);
}

/* Asked by name, a measure the network cannot have is an error; within all, a notice. */
static void test_optional(void **state)
{
	cm_network *net = make_net();
	cm_export_options o = { 0 };
	char path[300];

	(void)state;
	snprintf(path, sizeof(path), "%s/o.graphml", dir);
	for (int v = 0; v < 5; v++)
		SETVAS(&net->graph, CM_ATTR_REGION, v, "");
	o.measures = CM_EXPORT_BROKERAGE;
	assert_true(cm_network_write_with(net, path, CM_OUTPUT_GRAPHML, &o) < 0);
	cm_error_clear();
	o.measures = CM_EXPORT_ALL_MEASURES;
	assert_int_equal(cm_network_write_with(net, path, CM_OUTPUT_GRAPHML, &o), 0);
	cm_network_free(net);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_graphml_measures),
		cmocka_unit_test(test_optional),
	};

	igraph_set_attribute_table(&igraph_cattribute_table);
	cm_init();
	return cmocka_run_group_tests(tests, setup_dir, teardown_dir);
}
