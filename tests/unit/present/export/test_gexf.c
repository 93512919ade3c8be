/*
 * Unit tests of src/present/export/gexf.c: a network built by hand is
 * written as GEXF and read back with libxml2's parser and XPath (not with
 * coopmap), and every value compared with the hand-written source: ids,
 * labels, declared attribute types, attvalues, weights, spells, the graph
 * mode; and the refusals (control characters, unknown version).
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

#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "coopmap/coopmap.h"
#include "coopmap/common.h"
#include "coopmap/export.h"
#include "coopmap/network.h"
#include "base/error.h"

static char dir[] = "/tmp/coopmap-test-gexf-XXXXXX";

/* name inside the test folder */
static const char *path_in(const char *name)
{
	static char buf[4][256];
	static int next;

	next = (next + 1) % 4;
	snprintf(buf[next], sizeof(buf[next]), "%s/%s", dir, name);
	return buf[next];
}

/*
 * The test network, by hand:
 *   actors  "a&1" ("<Alpha>", cite, postcode "01000", score "2.5", rank "3"),
 *           "b" (no label, crpv, postcode "75001", score "-1e3", rank "-4"),
 *           "c" ("Ковель\nline 2", no type, no postcode, no score, rank "");
 *   ties    "a&1" -- "b"  weight 2.5, year 2020, kind "projet";
 *           "b" -- "c"    weight 1, undated, kind "";
 *           "a&1" -- "c"  weight 3, year 2022, kind "x".
 */
static cm_network *make_net(int directed)
{
	static const char *const ids[] = { "a&1", "b", "c" };
	static const char *const labels[] = { "<Alpha>", "", "\xD0\x9A\xD0\xBE\xD0\xB2\xD0\xB5\xD0\xBB\xD1\x8C\nline 2" };
	static const char *const types[] = { "cite", "crpv", "" };
	static const char *const postcodes[] = { "01000", "75001", "" };
	static const char *const scores[] = { "2.5", "-1e3", "" };
	static const char *const ranks[] = { "3", "-4", "" };
	static const igraph_integer_t ends[] = { 0, 1, 1, 2, 0, 2 };
	static const double weights[] = { 2.5, 1, 3 }, years[] = { 2020, NAN, 2022 };
	static const char *const kinds[] = { "projet", "", "x" };
	cm_network *net = calloc(1, sizeof(*net));
	igraph_vector_int_t e;

	assert_non_null(net);
	assert_int_equal(igraph_vector_int_init(&e, 6), 0);
	for (int i = 0; i < 6; i++)
		VECTOR(e)[i] = ends[i];
	assert_int_equal(igraph_create(&net->graph, &e, 3, directed ? IGRAPH_DIRECTED : IGRAPH_UNDIRECTED), 0);
	igraph_vector_int_destroy(&e);
	for (int v = 0; v < 3; v++) {
		SETVAS(&net->graph, CM_ATTR_ID, v, ids[v]);
		SETVAS(&net->graph, CM_ATTR_LABEL, v, labels[v]);
		SETVAS(&net->graph, CM_ATTR_TYPE, v, types[v]);
		SETVAS(&net->graph, CM_ATTR_REGION, v, "");
		SETVAS(&net->graph, "postcode", v, postcodes[v]);
		SETVAS(&net->graph, "score", v, scores[v]);
		SETVAS(&net->graph, "rank", v, ranks[v]);
	}
	for (int t = 0; t < 3; t++) {
		SETEAN(&net->graph, CM_ATTR_WEIGHT, t, weights[t]);
		SETEAN(&net->graph, CM_ATTR_YEAR, t, years[t]);
		SETEAS(&net->graph, CM_ATTR_KIND, t, kinds[t]);
	}
	net->source = strdup("test");
	net->directed = directed;
	return net;
}

static void free_net(cm_network *net)
{
	if (!net)
		return;
	igraph_destroy(&net->graph);
	free(net->source);
	free(net);
}

static int setup(void **state)
{
	(void)state;
	cm_error_clear();
	return 0;
}

/* A parsed GEXF file and its XPath context with the prefixes g (GEXF) and viz. */
typedef struct {
	xmlDocPtr doc;
	xmlXPathContextPtr ctx;
} parsed;

static parsed parse(const char *path, const char *ns)
{
	parsed p;
	char viz[80];

	p.doc = xmlReadFile(path, NULL, XML_PARSE_NONET);
	assert_non_null(p.doc);
	p.ctx = xmlXPathNewContext(p.doc);
	assert_non_null(p.ctx);
	snprintf(viz, sizeof(viz), "%s/viz", ns);
	xmlXPathRegisterNs(p.ctx, BAD_CAST "g", BAD_CAST ns);
	xmlXPathRegisterNs(p.ctx, BAD_CAST "viz", BAD_CAST viz);
	return p;
}

static void parsed_free(parsed *p)
{
	xmlXPathFreeContext(p->ctx);
	xmlFreeDoc(p->doc);
}

/* The string value of an XPath expression ("" when nothing matches). */
static char *xstr(parsed *p, const char *expr)
{
	char buf[400];
	xmlXPathObjectPtr o;
	char *s;

	snprintf(buf, sizeof(buf), "string(%s)", expr);
	o = xmlXPathEvalExpression(BAD_CAST buf, p->ctx);
	assert_non_null(o);
	s = strdup((const char *)o->stringval);
	xmlXPathFreeObject(o);
	return s;
}

/* assert that XPath expr has the string value want */
#define assert_x(p, expr, want) \
	do { \
		char *got_ = xstr(p, expr); \
		assert_string_equal(got_, want); \
		free(got_); \
	} while (0)

/* The number of nodes an XPath expression matches. */
static double xcount(parsed *p, const char *expr)
{
	char buf[400];
	xmlXPathObjectPtr o;
	double n;

	snprintf(buf, sizeof(buf), "count(%s)", expr);
	o = xmlXPathEvalExpression(BAD_CAST buf, p->ctx);
	assert_non_null(o);
	n = o->floatval;
	xmlXPathFreeObject(o);
	return n;
}

static void test_write_12(void **state)
{
	cm_network *net = make_net(0);
	parsed p;

	(void)state;
	assert_int_equal(cm_network_write(net, path_in("n.gexf"), CM_OUTPUT_AUTO), 0);
	p = parse(path_in("n.gexf"), "http://www.gexf.net/1.2draft");
	assert_x(&p, "/g:gexf/@version", "1.2");
	assert_x(&p, "/g:gexf/g:graph/@defaultedgetype", "undirected");
	/* some ties are dated: a timeline of whole years */
	assert_x(&p, "/g:gexf/g:graph/@mode", "dynamic");
	assert_x(&p, "/g:gexf/g:graph/@timeformat", "integer");
	/* declared types: postcodes with a leading zero stay text; name and label are not attributes */
	assert_x(&p, "//g:attributes[@class='node']/g:attribute[@id='type']/@type", "string");
	assert_x(&p, "//g:attributes[@class='node']/g:attribute[@id='postcode']/@type", "string");
	assert_x(&p, "//g:attributes[@class='node']/g:attribute[@id='score']/@type", "double");
	assert_x(&p, "//g:attributes[@class='node']/g:attribute[@id='rank']/@type", "long");
	assert_true(xcount(&p, "//g:attributes[@class='node']/g:attribute[@id='name' or @id='label']") == 0);
	assert_x(&p, "//g:attributes[@class='edge']/g:attribute[@id='year']/@type", "long");
	assert_x(&p, "//g:attributes[@class='edge']/g:attribute[@id='kind']/@type", "string");
	assert_true(xcount(&p, "//g:attributes[@class='edge']/g:attribute[@id='weight']") == 0);
	/* actors: the id is the node id, the label the label (the id when there is none) */
	assert_true(xcount(&p, "//g:node") == 3);
	assert_x(&p, "//g:node[1]/@id", "a&1");
	assert_x(&p, "//g:node[1]/@label", "<Alpha>");
	assert_x(&p, "//g:node[2]/@label", "b");
	assert_x(&p, "//g:node[3]/@label", "\xD0\x9A\xD0\xBE\xD0\xB2\xD0\xB5\xD0\xBB\xD1\x8C\nline 2");
	assert_x(&p, "//g:node[@id='a&1']//g:attvalue[@for='postcode']/@value", "01000");
	assert_x(&p, "//g:node[@id='b']//g:attvalue[@for='score']/@value", "-1e3");
	assert_x(&p, "//g:node[@id='b']//g:attvalue[@for='rank']/@value", "-4");
	/* empty values are left out */
	assert_true(xcount(&p, "//g:node[@id='c']//g:attvalue") == 0);
	assert_true(xcount(&p, "//g:node[@id='b']//g:attvalue[@for='type']") == 1);
	/* every actor has a position, a size and an opaque colour */
	assert_true(xcount(&p, "//g:node/viz:position") == 3);
	assert_true(xcount(&p, "//g:node/viz:size") == 3);
	assert_true(xcount(&p, "//g:node/viz:color[@r and @g and @b and not(@a)]") == 3);
	/* ties: ends by id, weight, year, and a spell from the year to the last year (2022) */
	assert_true(xcount(&p, "//g:edge") == 3);
	/* undirected: either end may come first */
	assert_true(xcount(&p, "//g:edge[1][(@source='a&1' and @target='b') or (@source='b' and @target='a&1')]") == 1);
	assert_x(&p, "//g:edge[1]/@weight", "2.5");
	assert_x(&p, "//g:edge[1]//g:attvalue[@for='year']/@value", "2020");
	assert_x(&p, "//g:edge[1]//g:attvalue[@for='kind']/@value", "projet");
	assert_x(&p, "//g:edge[1]/g:spells/g:spell/@start", "2020");
	assert_x(&p, "//g:edge[1]/g:spells/g:spell/@end", "2022");
	assert_x(&p, "//g:edge[2]/@weight", "1");
	assert_true(xcount(&p, "//g:edge[2]/g:spells") == 0);
	assert_true(xcount(&p, "//g:edge[2]//g:attvalue") == 0);
	assert_x(&p, "//g:edge[3]/g:spells/g:spell/@start", "2022");
	parsed_free(&p);
	free_net(net);
}

static void test_write_13_directed_static(void **state)
{
	cm_network *net = make_net(1);
	cm_export_options o = { .gexf_version = "1.3" };
	parsed p;

	(void)state;
	/* no dated tie: a static graph */
	for (int t = 0; t < 3; t++)
		SETEAN(&net->graph, CM_ATTR_YEAR, t, NAN);
	assert_int_equal(cm_network_write_with(net, path_in("d.gexf"), CM_OUTPUT_GEXF, &o), 0);
	p = parse(path_in("d.gexf"), "http://gexf.net/1.3");
	assert_x(&p, "/g:gexf/@version", "1.3");
	assert_x(&p, "/g:gexf/g:graph/@defaultedgetype", "directed");
	assert_x(&p, "/g:gexf/g:graph/@mode", "static");
	assert_true(xcount(&p, "/g:gexf/g:graph/@timeformat") == 0);
	assert_true(xcount(&p, "//g:spells") == 0);
	assert_true(xcount(&p, "//g:node/viz:position") == 3);
	/* directed: the tie keeps its direction */
	assert_x(&p, "//g:edge[1]/@source", "a&1");
	assert_x(&p, "//g:edge[1]/@target", "b");
	parsed_free(&p);
	free_net(net);
}

/*
 * The input's name may hold a control character or invalid UTF-8 (a title
 * from data): <description> stays well-formed XML (fuzz_convert found both).
 */
static void test_control_in_source(void **state)
{
	cm_network *net = make_net(0);
	parsed p;

	(void)state;
	free(net->source);
	net->source = strdup("a\004b\xff");
	assert_int_equal(cm_network_write(net, path_in("s.gexf"), CM_OUTPUT_AUTO), 0);
	p = parse(path_in("s.gexf"), "http://www.gexf.net/1.2draft");
	/* the control character left out, the invalid byte replaced by U+FFFD */
	assert_x(&p, "/g:gexf/g:meta/g:description", "ab\xEF\xBF\xBD");
	parsed_free(&p);
	free_net(net);
}

static void test_refusals(void **state)
{
	cm_network *net = make_net(0);
	cm_export_options o = { .gexf_version = "1.4" };

	(void)state;
	assert_int_equal(cm_network_write_with(net, path_in("v.gexf"), CM_OUTPUT_GEXF, &o), CM_EUSAGE);
	assert_non_null(strstr(cm_error_message(), "unknown GEXF version '1.4'"));
	assert_int_not_equal(access(path_in("v.gexf"), F_OK), 0);
	cm_error_clear();
	SETVAS(&net->graph, CM_ATTR_LABEL, 1, "x\001y");
	assert_int_equal(cm_network_write(net, path_in("c.gexf"), CM_OUTPUT_AUTO), CM_EINPUT);
	assert_string_equal(cm_error_message(),
	                    "cannot write GEXF: actor 'b' has a control character in 'label' "
	                    "(XML cannot hold it; use GML, DOT or CSV)");
	assert_int_not_equal(access(path_in("c.gexf"), F_OK), 0);
	free_net(net);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_write_12, setup),
		cmocka_unit_test_setup(test_write_13_directed_static, setup),
		cmocka_unit_test_setup(test_control_in_source, setup),
		cmocka_unit_test_setup(test_refusals, setup),
	};
	char cmd[300];
	int failed;

	igraph_set_attribute_table(&igraph_cattribute_table);
	cm_init();
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 1;
	}
	failed = cmocka_run_group_tests_name("gexf", tests, NULL, NULL);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		failed++;
	xmlCleanupParser();
	cm_shutdown();
	return failed;
}
