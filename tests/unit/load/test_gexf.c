/*
 * Unit tests of src/load/gexf.c: GEXF text held in the test is read into a
 * raw graph and compared with what the text says, written out by hand:
 * ids, labels, titles, declared defaults, values over time, years from
 * spells, direction, and the refusals with their lines.
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
#include "load/gexf.h"

static char notices[4096];

/* Collect every notice, one per line. */
static void keep_notice(void *ctx, const char *message)
{
	size_t n = strlen(notices);

	(void)ctx;
	snprintf(notices + n, sizeof(notices) - n, "%s\n", message);
}

static int setup(void **state)
{
	(void)state;
	cm_error_clear();
	notices[0] = '\0';
	return 0;
}

/* Read a GEXF text; the code. */
static int read_text(igraph_t *g, const char *text)
{
	return cm_gexf_read(g, text, strlen(text), "t.gexf");
}

/* The vertex called name, or -1. */
static igraph_integer_t find(const igraph_t *g, const char *name)
{
	for (igraph_integer_t v = 0; v < igraph_vcount(g); v++)
		if (!strcmp(VAS(g, "name", v), name))
			return v;
	return -1;
}

static void test_attributes(void **state)
{
	/* line numbers matter below: one element per line */
	static const char text[] =
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<!-- a comment before the root -->\n"
		"<gexf xmlns=\"http://www.gexf.net/1.2draft\" version=\"1.2\">\n"
		"<graph defaultedgetype=\"directed\">\n"
		"<attributes class=\"node\"><attribute id=\"0\" title=\"sector\" type=\"string\"><default>educ</default></attribute>"
		"<attribute id=\"pop\" type=\"long\"/></attributes>\n"
		"<attributes class=\"edge\"><attribute id=\"w\" title=\"Weight\" type=\"double\"/></attributes>\n"
		"<nodes>\n"
		"<node id=\"a\" label=\"&lt;A&gt; &amp; &#233;\"><attvalues><attvalue for=\"0\" value=\"social\"/>"
		"<attvalue for=\"pop\" value=\"12\"/></attvalues></node>\n"
		"<node id=\"b\"/>\n"
		"</nodes>\n"
		"<edges>\n"
		"<edge id=\"e\" source=\"a\" target=\"b\" weight=\"2.5\"><attvalues>"
		"<attvalue for=\"w\" value=\"1\" start=\"2019\"/><attvalue for=\"w\" value=\"2\" start=\"2020\"/></attvalues>"
		"<spells><spell start=\"2021\" end=\"2022\"/><spell start=\"2018.0\"/></spells></edge>\n"
		"</edges>\n"
		"</graph>\n"
		"</gexf>\n";
	igraph_t g;
	igraph_integer_t a, b;

	(void)state;
	assert_int_equal(read_text(&g, text), 0);
	assert_true(igraph_is_directed(&g));
	assert_int_equal(igraph_vcount(&g), 2);
	assert_int_equal(igraph_ecount(&g), 1);
	a = find(&g, "a");
	b = find(&g, "b");
	assert_true(a >= 0 && b >= 0);
	/* entities decoded */
	assert_string_equal(VAS(&g, "label", a), "<A> & \xC3\xA9");
	assert_string_equal(VAS(&g, "label", b), "");
	/* the title names the attribute; the declared default fills b; an untitled attribute keeps its id */
	assert_string_equal(VAS(&g, "sector", a), "social");
	assert_string_equal(VAS(&g, "sector", b), "educ");
	assert_string_equal(VAS(&g, "pop", a), "12");
	assert_string_equal(VAS(&g, "pop", b), "");
	/* the tie: source a, weight from the edge, a value over time keeps its first value, the earliest spell */
	assert_int_equal(IGRAPH_FROM(&g, 0), a);
	assert_string_equal(EAS(&g, "weight", 0), "2.5");
	assert_string_equal(EAS(&g, "Weight", 0), "1");
	assert_string_equal(EAS(&g, "year", 0), "2018");
	assert_non_null(strstr(notices, "t.gexf: 1 tie dated by the start of its spells"));
	assert_non_null(strstr(notices, "t.gexf: 1 attribute with values over time: the first value kept"));
	igraph_destroy(&g);
}

static void test_year_attvalue_wins(void **state)
{
	static const char text[] =
		"<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\"><graph mode=\"dynamic\">"
		"<attributes class=\"edge\"><attribute id=\"year\" title=\"year\" type=\"long\"/></attributes>"
		"<nodes><node id=\"x\"/><node id=\"y\"/><node id=\"z\"/></nodes><edges>"
		"<edge source=\"x\" target=\"y\"><attvalues><attvalue for=\"year\" value=\"2020\"/></attvalues>"
		"<spells><spell start=\"2020\" end=\"2022\"/></spells></edge>"
		"<edge source=\"y\" target=\"z\" start=\"2021\"/>"
		"</edges></graph></gexf>";
	igraph_t g;

	(void)state;
	assert_int_equal(read_text(&g, text), 0);
	assert_false(igraph_is_directed(&g));
	assert_false(igraph_cattribute_has_attr(&g, IGRAPH_ATTRIBUTE_EDGE, "weight"));
	assert_string_equal(EAS(&g, "year", 0), "2020");
	/* no year attvalue on the second tie: its start attribute dates it */
	assert_string_equal(EAS(&g, "year", 1), "2021");
	igraph_destroy(&g);
}

static void test_refusals(void **state)
{
	static const struct {
		const char *text, *message;
	} cases[] = {
		{ "", "t.gexf: empty file" },
		{ " \n\t", "t.gexf: empty file" },
		{ "<?xml version=\"1.0\"?>\n<!-- x\n-->\n<!DOCTYPE gexf [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n"
		  "<gexf><graph><nodes><node id=\"&e;\"/></nodes></graph></gexf>",
		  "t.gexf:4: a document type declaration (DOCTYPE) is not allowed in GEXF: its entities could read "
		  "other files or expand without end" },
		{ "<graphml/>", "t.gexf:1: not a GEXF file: the root element is <graphml>" },
		{ "<gexf>\n<graph>\n<nodes>\n<node label=\"x\"/>\n</nodes></graph></gexf>", "t.gexf:4: a <node> without an id" },
		{ "<gexf>\n<graph>\n<nodes>\n<node id=\"x\"/>\n<node id=\"x\"/>\n</nodes></graph></gexf>",
		  "t.gexf:5: node id 'x' is used twice" },
		{ "<gexf><graph><nodes><node id=\"x\"/></nodes>\n<edges>\n<edge source=\"x\"/>\n</edges></graph></gexf>",
		  "t.gexf:3: an <edge> without a target" },
		{ "<gexf><graph><nodes><node id=\"x\"/></nodes>\n<edges>\n<edge source=\"q\" target=\"x\"/>\n</edges></graph></gexf>",
		  "t.gexf:3: edge source 'q' is not a node of the file" },
		{ "<gexf>\n<graph>\n<nodes>\n<node id=\"x\">\n</graph></gexf>",
		  "t.gexf:5: not well-formed XML: Opening and ending tag mismatch: node line 4 and graph" },
		{ "<gexf><graph><nodes><node id=\"&undefined;\"/></nodes></graph></gexf>",
		  "t.gexf:1: not well-formed XML: Entity 'undefined' not defined" },
	};
	igraph_t g;

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		cm_error_clear();
		assert_int_equal(read_text(&g, cases[i].text), CM_EINPUT);
		assert_string_equal(cm_error_message(), cases[i].message);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_attributes, setup),
		cmocka_unit_test_setup(test_year_attvalue_wins, setup),
		cmocka_unit_test_setup(test_refusals, setup),
	};
	int failed;

	igraph_set_attribute_table(&igraph_cattribute_table);
	cm_init();
	cm_notice_set_handler(keep_notice, NULL);
	failed = cmocka_run_group_tests_name("load_gexf", tests, NULL, NULL);
	cm_shutdown();
	return failed;
}
