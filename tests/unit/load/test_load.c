/*
 * Unit tests of src/load/ (load.c, csv_table.c, csv_edges.c, igraph_formats.c): every
 * input form gives the same network, bad input gives a located message
 * and the right code, filters keep what a hand count says they keep.  Run
 * from the top of the source tree.
 */
#include <fcntl.h>
#include <locale.h>
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
#include "coopmap/load.h"
#include "coopmap/network.h"
#include "coopmap/text.h"
#include "model/names.h"
#include "model/raw.h"

#define D "tests/data/load/"

static char notices[4096];

/* Collect every notice, one per line. */
static void keep_notice(void *ctx, const char *message)
{
	size_t n = strlen(notices);

	(void)ctx;
	snprintf(notices + n, sizeof(notices) - n, "%s\n", message);
}

/* Load input (with an optional actor table); fail the test on error. */
static cm_network *load(const char *input, const char *nodes)
{
	cm_load_options o = { 0 };
	cm_network *net = NULL;
	int rc;

	o.nodes_path = nodes;
	cm_error_clear();
	notices[0] = '\0';
	rc = cm_network_load(&net, input, &o);
	if (rc != 0)
		fail_msg("loading %s: %s", input, cm_error_message());
	assert_non_null(net);
	return net;
}

/* The weight of the tie between actors a and b, or -1 when there is none. */
static double tie_weight(const cm_network *net, const char *a, const char *b)
{
	igraph_integer_t va = cm_network_find(net, a), vb = cm_network_find(net, b), eid = -1;

	if (va < 0 || vb < 0)
		return -1;
	igraph_get_eid(&net->graph, &eid, va, vb, 0, 0);
	return eid < 0 ? -1 : EAN(&net->graph, CM_ATTR_WEIGHT, eid);
}

/*
 * The sample network, written out by hand in every format under
 * tests/data/load/: six actors, seven weighted ties, two regions, and
 * actor "17" without any tie.
 */
static const char *const sample_actors[] = {
	"cite-rennes", "cite-brest", "resovilles", "cite-caen", "normanvilles", "17"
};
static const struct { const char *a, *b; double w; } sample_ties[] = {
	{ "resovilles", "cite-rennes", 3 },   { "resovilles", "cite-brest", 2.5 },
	{ "cite-rennes", "cite-brest", 1 },   { "normanvilles", "cite-caen", 4 },
	{ "resovilles", "normanvilles", 2 },  { "cite-caen", "cite-rennes", 0.5 },
	{ "cite-brest", "normanvilles", 1.5 },
};

/* Check names, ties and weights; with_attrs: also labels, types and regions. */
static void check_sample(const cm_network *net, int with_attrs)
{
	igraph_integer_t v17;
	igraph_vector_int_t deg;

	assert_int_equal(cm_network_actors(net), 6);
	assert_int_equal(cm_network_ties(net), 7);
	assert_false(net->directed);
	for (size_t i = 0; i < 6; i++)
		assert_true(cm_network_find(net, sample_actors[i]) >= 0);
	for (size_t i = 0; i < 7; i++)
		assert_true(tie_weight(net, sample_ties[i].a, sample_ties[i].b) == sample_ties[i].w);
	v17 = cm_network_find(net, "17");
	igraph_vector_int_init(&deg, 0);
	igraph_degree(&net->graph, &deg, igraph_vss_1(v17), IGRAPH_ALL, 1);
	assert_int_equal(VECTOR(deg)[0], 0);
	igraph_vector_int_destroy(&deg);
	for (igraph_integer_t e = 0; e < cm_network_ties(net); e++)
		assert_true(isnan(EAN(&net->graph, CM_ATTR_YEAR, e)));
	if (!with_attrs) {
		/* labels default to the id */
		assert_string_equal(cm_network_vattr(net, CM_ATTR_LABEL, v17), "17");
		return;
	}
	assert_string_equal(cm_network_vattr(net, CM_ATTR_LABEL, cm_network_find(net, "cite-caen")),
	                    "Cit\xC3\xA9 \xC3\xA9" "ducative de Caen");
	assert_string_equal(cm_network_vattr(net, CM_ATTR_TYPE, cm_network_find(net, "resovilles")), "crpv");
	assert_string_equal(cm_network_vattr(net, CM_ATTR_REGION, v17), "Normandie");
	assert_string_equal(cm_network_vattr(net, CM_ATTR_REGION, cm_network_find(net, "cite-brest")),
	                    "Bretagne");
}

static void test_folder(void **state)
{
	cm_network *net = load(D "folder", NULL);
	igraph_integer_t r;

	(void)state;
	check_sample(net, 1);
	/* RFC 4180 quoting, and an extra column holding a line break */
	assert_string_equal(cm_network_vattr(net, CM_ATTR_LABEL, cm_network_find(net, "17")),
	                    "Association \"17\", Caen");
	r = cm_network_find(net, "resovilles");
	assert_string_equal(cm_network_vattr(net, "note", r), "Club de l'Ouest\nmembre fondateur");
	assert_string_equal(cm_network_vattr(net, "note", cm_network_find(net, "17")), "");
	assert_string_equal(notices, "");
	cm_network_free(net);
}

/* ';', decimal commas, BOM, CRLF, headers From/To/Value and Name. */
static void test_semicolon_excel(void **state)
{
	cm_network *net = load(D "semicolon.csv", D "semicolon-nodes.csv");

	(void)state;
	check_sample(net, 1);
	assert_string_equal(cm_network_vattr(net, CM_ATTR_LABEL, cm_network_find(net, "17")),
	                    "Association \"17\", Caen");
	cm_network_free(net);
}

static void test_tsv(void **state)
{
	cm_network *net = load(D "edges.tsv", D "nodes.tsv");

	(void)state;
	check_sample(net, 1);
	cm_network_free(net);
}

/* Windows-1252 files: transcoded, with a notice naming the file. */
static void test_windows_1252(void **state)
{
	cm_network *net = load(D "latin1", NULL);

	(void)state;
	check_sample(net, 1);
	assert_non_null(strstr(notices, D "latin1/nodes.csv: not UTF-8, read as Windows-1252"));
	assert_string_equal(cm_network_vattr(net, "remarque", cm_network_find(net, "resovilles")),
	                    "c\xC5\x93ur du r\xC3\xA9seau");
	cm_network_free(net);
}

static void test_graphml(void **state)
{
	cm_network *net = load(D "graph.graphml", NULL);

	(void)state;
	check_sample(net, 1);
	/* GraphML node ids became names; no "id" attribute is left over */
	assert_string_equal(cm_network_vattr(net, "id", 0), "");
	cm_network_free(net);
}

static void test_gml(void **state)
{
	cm_network *net = load(D "graph.gml", NULL);

	(void)state;
	check_sample(net, 1);
	cm_network_free(net);
}

/* GML without "name": distinct labels name the actors, else the numeric ids do. */
static void test_gml_ids(void **state)
{
	cm_network *net = load(D "labels.gml", NULL);

	(void)state;
	assert_true(tie_weight(net, "a", "b") == 1);
	cm_network_free(net);
	net = load(D "same-labels.gml", NULL);
	assert_true(tie_weight(net, "10", "20") == 2);
	assert_string_equal(cm_network_vattr(net, CM_ATTR_LABEL, cm_network_find(net, "10")), "same");
	cm_network_free(net);
}

/* Pajek carries names and weights only. */
static void test_pajek(void **state)
{
	cm_network *net = load(D "graph.net", NULL);

	(void)state;
	check_sample(net, 0);
	cm_network_free(net);
}

/*
 * directed.graphml: a->b (weight 2), b->a (3), b->c (no weight data).
 * Undirected by default: a-b weighs 5, b-c gets the default 1 (notice).
 */
static void test_directed_graphml(void **state)
{
	cm_network *net = load(D "directed.graphml", NULL);

	(void)state;
	assert_false(net->directed);
	assert_int_equal(cm_network_actors(net), 3);
	assert_int_equal(cm_network_ties(net), 2);
	assert_true(tie_weight(net, "a", "b") == 5);
	assert_true(tie_weight(net, "b", "c") == 1);
	assert_non_null(strstr(notices, "1 tie without a weight: weight 1"));
	assert_non_null(strstr(notices, "merged 1 repeated tie "));
	assert_string_equal(cm_network_vattr(net, CM_ATTR_TYPE, cm_network_find(net, "a")), "cite");
	cm_network_free(net);
}

/* unlabelled.net: vertex 1 is labelled "a", 2 and 3 are not: their numbers name them. */
static void test_pajek_unlabelled(void **state)
{
	cm_network *net = load(D "unlabelled.net", NULL);

	(void)state;
	assert_int_equal(cm_network_actors(net), 3);
	assert_true(tie_weight(net, "a", "2") == 1);
	assert_true(tie_weight(net, "2", "3") == 1);
	cm_network_free(net);
}

/* DOT goes through src/load/dot.c's reader. */
static void test_dot(void **state)
{
	cm_network *net = load(D "graph.dot", NULL);

	(void)state;
	check_sample(net, 1);
	cm_network_free(net);
}

/* "-" reads CSV from standard input. */
static void test_stdin(void **state)
{
	int saved = dup(0), fd = open(D "edges.tsv", O_RDONLY);
	cm_network *net;

	(void)state;
	assert_true(saved >= 0 && fd >= 0);
	dup2(fd, 0);
	close(fd);
	net = load("-", D "nodes.tsv");
	dup2(saved, 0);
	close(saved);
	check_sample(net, 1);
	assert_string_equal(net->source, "-");
	cm_network_free(net);
}

/* --input-format overrides the extension. */
static void test_format_override(void **state)
{
	cm_load_options o = { 0 };
	cm_network *net = NULL;

	(void)state;
	o.format = CM_INPUT_CSV;
	cm_error_clear();
	/* a GraphML file read as CSV has no source/target header */
	assert_int_equal(cm_network_load(&net, D "graph.graphml", &o), CM_EINPUT);
	assert_null(net);
	assert_non_null(strstr(cm_error_message(), "no 'source' column"));
	cm_error_clear();
}

/* A French LC_NUMERIC changes nothing, in CSV or through igraph's readers. */
static void test_french_locale(void **state)
{
	static const char *const inputs[] = { D "folder", D "graph.graphml", D "graph.gml" };
	cm_network *net;

	(void)state;
	assert_non_null(setlocale(LC_NUMERIC, "fr_FR.UTF-8"));
	for (size_t i = 0; i < 3; i++) {
		net = load(inputs[i], NULL);
		check_sample(net, 1);
		cm_network_free(net);
	}
	net = load(D "semicolon.csv", D "semicolon-nodes.csv");
	check_sample(net, 1);
	cm_network_free(net);
	setlocale(LC_NUMERIC, "C");
}

/* Ids are text: "007", "7" and "17" are three actors; unquoted spaces go. */
static void test_ids_are_text(void **state)
{
	cm_network *net = load(D "numeric-ids.csv", NULL);

	(void)state;
	/* rows: 007,7 / 7, 17 / " 17 ",007 -> actors 007, 7, 17 and " 17 " (quoted) */
	assert_int_equal(cm_network_actors(net), 4);
	assert_int_equal(cm_network_ties(net), 3);
	assert_true(cm_network_find(net, "007") >= 0);
	assert_true(cm_network_find(net, "7") >= 0);
	assert_true(tie_weight(net, "7", "17") == 1);
	assert_true(tie_weight(net, " 17 ", "007") == 1);
	cm_network_free(net);
}

/* Bad input: code and message. */
static void test_bad_inputs(void **state)
{
	static const struct {
		const char *input, *nodes;
		int code;
		const char *message; /* the message must contain this */
	} cases[] = {
		{ D "bad/weight-text.csv", NULL, CM_EINPUT, D "bad/weight-text.csv:3: weight 'zz' is not a number" },
		{ D "bad/weight-negative.csv", NULL, CM_EINPUT, ":3: weight '-2' is not a positive number" },
		{ D "bad/weight-zero.csv", NULL, CM_EINPUT, ":2: weight '0' is not a positive number" },
		{ D "bad/weight-nan.csv", NULL, CM_EINPUT, ":2: weight 'NaN' is not a number" },
		{ D "bad/weight-overflow.csv", NULL, CM_EINPUT, ":2: weight '1e400' is not a number" },
		{ D "bad/year-text.csv", NULL, CM_EINPUT, ":3: year '20x1' is not a whole number" },
		{ D "bad/unterminated.csv", NULL, CM_EINPUT, "unterminated.csv:3: unterminated quoted field" },
		{ D "bad/after-quote.csv", NULL, CM_EINPUT, "after-quote.csv:2: text after the closing quote" },
		{ D "bad/empty.csv", NULL, CM_EINPUT, "empty.csv: empty file" },
		{ D "bad/missing-column.csv", NULL, CM_EINPUT,
		  "missing-column.csv:1: no 'target' column (columns found: 'from', 'dest', 'weight')" },
		{ D "bad/too-few.csv", NULL, CM_EINPUT, "too-few.csv:3: 2 fields where the header has 3" },
		{ D "bad/too-many.csv", NULL, CM_EINPUT, "too-many.csv:3: 4 fields where the header has 2" },
		{ D "bad/nul.csv", NULL, CM_EINPUT, "nul.csv:3: NUL byte" },
		{ D "bad/junk.csv", NULL, CM_EINPUT, "this is not a text file" },
		{ D "bad/not-cp1252.csv", NULL, CM_EINPUT, "not-cp1252.csv:2: neither UTF-8 nor Windows-1252" },
		{ D "bad/edges-ok.csv", D "bad/nodes-dup.csv", CM_EINPUT,
		  "nodes-dup.csv:4: actor 'a' is listed twice (first on line 2)" },
		{ D "bad/edges-ok.csv", D "bad/nodes-id-name-label.csv", CM_EINPUT,
		  "nodes-id-name-label.csv:1: columns 'id', 'name' and 'label': which one names the actor?" },
		{ D "bad/edges-ok.csv", D "bad/nodes-year.csv", CM_EINPUT,
		  "nodes-year.csv:3: year 'vers 2020' is not a whole number" },
		{ D "bad/decimal-comma.csv", NULL, CM_EINPUT,
		  "decimal-comma.csv:2: weight '2,5' is not a number (write decimals with a point" },
		{ D "bad/broken.gml", NULL, CM_EINPUT, "broken.gml: not a valid GML file" },
		{ D "bad/broken.graphml", NULL, CM_EINPUT, "broken.graphml: not a valid GraphML file" },
		{ D "bad/weight-negative.graphml", NULL, CM_EINPUT, "weight -1 is not a positive number" },
		{ D "bad/sheet.xlsx", NULL, CM_EINPUT, "save the sheet as CSV" },
		{ D "bad/no-such-file.csv", NULL, CM_EIO, "no-such-file.csv" },
		{ D "bad", NULL, CM_EIO, "no edges.csv or liens.csv in folder" },
		{ D "bad/edges-ok.csv", D "bad/no-such-nodes.csv", CM_EIO, "no-such-nodes.csv" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		cm_load_options o = { 0 };
		cm_network *net = (cm_network *)&o; /* must be reset to NULL */
		int rc;

		o.nodes_path = cases[i].nodes;
		cm_error_clear();
		rc = cm_network_load(&net, cases[i].input, &o);
		if (rc != cases[i].code || !strstr(cm_error_message(), cases[i].message))
			fail_msg("%s: got %d '%s', want %d '%s'", cases[i].input, rc, cm_error_message(),
			         cases[i].code, cases[i].message);
		assert_null(net);
	}
	cm_error_clear();
}

/* A 5 MB quoted field (written at run time, not kept in the tree) is refused. */
static void test_huge_field(void **state)
{
	char path[] = "/tmp/coopmap-huge-XXXXXX.csv";
	cm_network *net = NULL;
	FILE *f;
	int fd;

	(void)state;
	fd = mkstemps(path, 4);
	assert_true(fd >= 0);
	f = fdopen(fd, "w");
	assert_non_null(f);
	fputs("source,target\na,b\nc,\"", f);
	for (int i = 0; i < 5 * 1024 * 1024; i++)
		fputc('x', f);
	fputs("\"\n", f);
	fclose(f);
	cm_error_clear();
	assert_int_equal(cm_network_load(&net, path, NULL), CM_EINPUT);
	assert_null(net);
	assert_non_null(strstr(cm_error_message(), ":3: field longer than 1 MiB"));
	cm_error_clear();
	unlink(path);
}

/* A header alone is a valid network without ties. */
static void test_header_only(void **state)
{
	cm_network *net = load(D "bad/header-only.csv", NULL);

	(void)state;
	assert_int_equal(cm_network_actors(net), 0);
	assert_int_equal(cm_network_ties(net), 0);
	cm_network_free(net);
}

/* Write text to a new temporary .csv file; path must hold 40 bytes. */
static void write_temp(char *path, const char *text)
{
	FILE *f;
	int fd;

	strcpy(path, "/tmp/coopmap-load-XXXXXX.csv");
	fd = mkstemps(path, 4);
	assert_true(fd >= 0);
	f = fdopen(fd, "w");
	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

/* Load CSV text from a temporary file: the return code, and the network in *net. */
static int load_text(cm_network **net, const char *text)
{
	char path[40];
	int rc;

	write_temp(path, text);
	cm_error_clear();
	notices[0] = '\0';
	rc = cm_network_load(net, path, NULL);
	unlink(path);
	return rc;
}

/*
 * Weights are read exactly as strtod reads them in the C locale: the
 * expected values are C literals, converted by the compiler.  The fast path
 * takes plain decimals of up to 15 digits; the others (exponent, '+',
 * spaces, 16+ digits) go through cm_parse_number.
 */
static void test_weight_values(void **state)
{
	static const struct { const char *text; double want; } cases[] = {
		{ "0.1", 0.1 }, { "2.50", 2.5 }, { ".5", 0.5 }, { "5.", 5.0 }, { "007", 7.0 },
		{ "1e2", 100.0 }, { "+3", 3.0 }, { "\" 4 \"", 4.0 }, { "1e-5", 1e-5 },
		{ "123456789012.345", 123456789012.345 }, { "3.14159265358979", 3.14159265358979 },
		{ "0.000000000000001", 0.000000000000001 }, { "999999999999999", 999999999999999.0 },
		{ "0.1234567890123456789", 0.1234567890123456789 },
		{ "9007199254740993", 9007199254740993.0 }, /* 2^53 + 1: rounds to even */
		{ "2.675", 2.675 }, { "1.0000000000000002", 1.0000000000000002 },
	};
	char text[4096] = "source,target,weight\n";
	cm_network *net = NULL;

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		size_t n = strlen(text);

		snprintf(text + n, sizeof(text) - n, "s%zu,t%zu,%s\n", i, i, cases[i].text);
	}
	assert_int_equal(load_text(&net, text), 0);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char a[16], b[16];

		snprintf(a, sizeof(a), "s%zu", i);
		snprintf(b, sizeof(b), "t%zu", i);
		if (tie_weight(net, a, b) != cases[i].want)
			fail_msg("weight %s: got %.17g, want %.17g", cases[i].text, tie_weight(net, a, b),
			         cases[i].want);
	}
	cm_network_free(net);
}

/* Random plain decimals load as the C library's strtod (C locale) reads them. */
static void test_weight_random(void **state)
{
	enum { N = 3000 };
	static char text[N * 48], values[N][24];
	locale_t c = newlocale(LC_ALL_MASK, "C", (locale_t)0);
	cm_network *net = NULL;
	size_t len;

	(void)state;
	assert_non_null(c);
	srand(7);
	len = (size_t)snprintf(text, sizeof(text), "source,target,weight\n");
	for (int i = 0; i < N; i++) {
		int digits = 1 + rand() % 15, point = rand() % (digits + 1), k = 0;

		for (int d = 0; d < digits; d++) {
			if (d == point)
				values[i][k++] = '.';
			values[i][k++] = (char)('0' + (d == 0 ? 1 + rand() % 9 : rand() % 10));
		}
		values[i][k] = '\0';
		len += (size_t)snprintf(text + len, sizeof(text) - len, "s%d,t%d,%s\n", i, i, values[i]);
	}
	assert_int_equal(load_text(&net, text), 0);
	assert_int_equal(cm_network_ties(net), N);
	for (int i = 0; i < N; i++) {
		igraph_integer_t eid = -1;

		char a[16], b[16];

		snprintf(a, sizeof(a), "s%d", i);
		snprintf(b, sizeof(b), "t%d", i);
		igraph_get_eid(&net->graph, &eid, cm_network_find(net, a), cm_network_find(net, b), 0, 1);
		if (EAN(&net->graph, CM_ATTR_WEIGHT, eid) != strtod_l(values[i], NULL, c))
			fail_msg("weight %s: got %.17g, want %.17g", values[i],
			         EAN(&net->graph, CM_ATTR_WEIGHT, eid), strtod_l(values[i], NULL, c));
	}
	cm_network_free(net);
	freelocale(c);
}

/*
 * CSV years: an empty field is undated, a quoted field of spaces is
 * refused (cm_year_parse with CM_YEAR_EMPTY), spaces around a year and
 * quotes are fine.
 */
static void test_year_fields(void **state)
{
	cm_network *net = NULL;

	(void)state;
	assert_int_equal(load_text(&net, "source,target,year\na,b,\nb,c,\" 2004 \"\nc,d,\"2005\"\n"), 0);
	assert_true(isnan(EAN(&net->graph, CM_ATTR_YEAR, 0)));
	assert_true(EAN(&net->graph, CM_ATTR_YEAR, 1) == 2004);
	assert_true(EAN(&net->graph, CM_ATTR_YEAR, 2) == 2005);
	cm_network_free(net);
	assert_int_equal(load_text(&net, "source,target,year\na,b,2001\nb,c,\" \"\n"), CM_EINPUT);
	assert_non_null(strstr(cm_error_message(), ":3: year ' ' is not a whole number"));
	assert_null(net);
	cm_error_clear();
}

/* What is not a positive finite number is refused, with the line. */
static void test_weight_refused(void **state)
{
	static const struct { const char *weight, *message; } cases[] = {
		{ "0.0", ":3: weight '0.0' is not a positive number" },
		{ "-0.5", ":3: weight '-0.5' is not a positive number" },
		{ "-0", ":3: weight '-0' is not a positive number" },
		{ "0.000", ":3: weight '0.000' is not a positive number" },
		{ "inf", ":3: weight 'inf' is not a number" },
		{ "Infinity", ":3: weight 'Infinity' is not a number" },
		{ "nan", ":3: weight 'nan' is not a number" },
		{ "1.2.3", ":3: weight '1.2.3' is not a number" },
		{ ".", ":3: weight '.' is not a number" },
		{ "-", ":3: weight '-' is not a number" },
		{ "0x10", ":3: weight '0x10' is not a number" },
		{ "1e999", ":3: weight '1e999' is not a number" },
		{ "1e-400", ":3: weight '1e-400' is not a number" },
		{ "12a", ":3: weight '12a' is not a number" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char text[128];
		cm_network *net = (cm_network *)text;

		snprintf(text, sizeof(text), "source,target,weight\na,b,1\nb,c,%s\n", cases[i].weight);
		assert_int_equal(load_text(&net, text), CM_EINPUT);
		assert_null(net);
		if (!strstr(cm_error_message(), cases[i].message))
			fail_msg("weight %s: got '%s', want '%s'", cases[i].weight, cm_error_message(),
			         cases[i].message);
	}
	cm_error_clear();
}

/*
 * Names longer than the table keeps inline (20 bytes) and names sharing
 * long prefixes stay distinct; the expected counts are written out below.
 */
static void test_long_names(void **state)
{
	cm_network *net = NULL;

	(void)state;
	/* 7 distinct actors: 19, 20 and 21 letters; two 35-byte names alike but for the end;
	 * one of 40 bytes and its 39-byte prefix */
	assert_int_equal(load_text(&net,
	                           "source,target,weight\n"
	                           "abcdefghijklmnopqrs,abcdefghijklmnopqrst,1\n"
	                           "abcdefghijklmnopqrst,abcdefghijklmnopqrstu,2\n"
	                           "organisation-partenaire-0001-nord,organisation-partenaire-0001-sud,3\n"
	                           "abcdefghijklmnopqrstuvwxyz0123456789abcd,abcdefghijklmnopqrstuvwxyz0123456789abc,4\n"
	                           "abcdefghijklmnopqrstu,abcdefghijklmnopqrs,5\n"
	                           "organisation-partenaire-0001-sud,organisation-partenaire-0001-nord,6\n"),
	                 0);
	assert_int_equal(cm_network_actors(net), 7);
	assert_int_equal(cm_network_ties(net), 5); /* the sixth row repeats the third */
	assert_true(tie_weight(net, "abcdefghijklmnopqrs", "abcdefghijklmnopqrst") == 1);
	assert_true(tie_weight(net, "abcdefghijklmnopqrst", "abcdefghijklmnopqrstu") == 2);
	assert_true(tie_weight(net, "organisation-partenaire-0001-nord", "organisation-partenaire-0001-sud") == 9);
	assert_true(tie_weight(net, "abcdefghijklmnopqrstuvwxyz0123456789abcd",
	                       "abcdefghijklmnopqrstuvwxyz0123456789abc") == 4);
	assert_true(tie_weight(net, "abcdefghijklmnopqrstu", "abcdefghijklmnopqrs") == 5);
	cm_network_free(net);
}

/*
 * Many actors without an actor table (the name table grows many times), a
 * file with lone CR line breaks (the tie arrays grow past the line count),
 * repeats far apart, and an error past the first records read in a batch
 * keeps its line.  Tie i joins "actor-i" and "actor-(i+1)" with weight i + 1;
 * the last row repeats the first (weight 1 + 1).
 */
static void test_many_ties(void **state)
{
	enum { N = 5000 };
	static char text[N * 40 + 100];
	cm_network *net = NULL;

	(void)state;
	for (int cr = 0; cr <= 1; cr++) {
		size_t len = (size_t)snprintf(text, sizeof(text), "source,target,weight%s", cr ? "\r" : "\n");

		for (int i = 0; i < N; i++)
			len += (size_t)snprintf(text + len, sizeof(text) - len, "actor-%d,actor-%d,%d%s", i, i + 1,
			                        i + 1, cr ? "\r" : "\n");
		snprintf(text + len, sizeof(text) - len, "actor-1,actor-0,1%s", cr ? "\r" : "\n");
		assert_int_equal(load_text(&net, text), 0);
		assert_int_equal(cm_network_actors(net), N + 1);
		assert_int_equal(cm_network_ties(net), N);
		assert_true(tie_weight(net, "actor-0", "actor-1") == 2);
		assert_true(tie_weight(net, "actor-2500", "actor-2501") == 2501);
		assert_true(tie_weight(net, "actor-4999", "actor-5000") == 5000);
		assert_int_equal(cm_network_find(net, "actor-4321"), 4321); /* order of appearance */
		assert_non_null(strstr(notices, "merged 1 repeated tie"));
		cm_network_free(net);
	}
	/* an actor table with lone CR line breaks: its arrays grow past the line count too */
	{
		char nodes[40], edges[40];
		size_t len = (size_t)snprintf(text, sizeof(text), "id,label,type\r");

		for (int i = 0; i < 1000; i++)
			len += (size_t)snprintf(text + len, sizeof(text) - len, "n%d,Actor %d,%s\r", i, i,
			                        i % 2 ? "cite" : "crpv");
		write_temp(nodes, text);
		write_temp(edges, "source,target\nn1,n999\nn999,extra\n");
		net = load(edges, nodes);
		assert_int_equal(cm_network_actors(net), 1001);
		assert_int_equal(cm_network_find(net, "n999"), 999);
		assert_string_equal(cm_network_vattr(net, CM_ATTR_LABEL, 999), "Actor 999");
		assert_string_equal(cm_network_vattr(net, CM_ATTR_TYPE, 999), "cite");
		assert_string_equal(cm_network_vattr(net, CM_ATTR_LABEL, 1000), "extra"); /* default: the id */
		assert_string_equal(cm_network_vattr(net, CM_ATTR_TYPE, 1000), "");
		assert_true(tie_weight(net, "n999", "extra") == 1);
		assert_non_null(strstr(notices, "1 actor named in"));
		cm_network_free(net);
		unlink(nodes);
		unlink(edges);
	}
	/* line 1 is the header: the bad row i = 149 is on line 151 */
	{
		size_t len = (size_t)snprintf(text, sizeof(text), "source,target,weight\n");

		for (int i = 0; i < 300; i++)
			len += (size_t)snprintf(text + len, sizeof(text) - len, "actor-%d,%s,1\n", i,
			                        i == 149 ? "" : "x");
		net = (cm_network *)text;
		assert_int_equal(load_text(&net, text), CM_EINPUT);
		assert_null(net);
		assert_non_null(strstr(cm_error_message(), ":151: empty target"));
		cm_error_clear();
	}
}

/* Load years-edges.csv + years-nodes.csv with options. */
static int load_years(cm_network **net, cm_load_options *o)
{
	o->nodes_path = D "years-nodes.csv";
	cm_error_clear();
	notices[0] = '\0';
	return cm_network_load(net, D "years-edges.csv", o);
}

/*
 * years-edges.csv (hand count):
 *   1 a,b w1 2019 meeting   2 a,b w2 2021 project   3 b,a w1 undated
 *   4 b,c w3 2020 project   5 c,d w1 2022 meeting   6 d,d self-loop 2020
 *   7 e,f w0.5 2018         8 c,a w2 2020
 * years-nodes.csv lists a (2015), b (2016), c (2019), g (2023, no tie).
 * Undirected: the loop goes, a-b merges rows 1-3 (weight 4, year 2019, kind
 * "meeting"): ties a-b, b-c, c-d, e-f, c-a; actors a b c g + d e f = 7.
 */
static void test_merge_and_loops(void **state)
{
	cm_load_options o = { 0 };
	cm_network *net = NULL;
	igraph_integer_t eid;

	(void)state;
	assert_int_equal(load_years(&net, &o), 0);
	assert_int_equal(cm_network_actors(net), 7);
	assert_int_equal(cm_network_ties(net), 5);
	assert_true(tie_weight(net, "a", "b") == 4);
	igraph_get_eid(&net->graph, &eid, cm_network_find(net, "a"), cm_network_find(net, "b"), 0, 1);
	assert_true(EAN(&net->graph, CM_ATTR_YEAR, eid) == 2019);
	assert_string_equal(EAS(&net->graph, CM_ATTR_KIND, eid), "meeting");
	assert_true(tie_weight(net, "e", "f") == 0.5);
	assert_non_null(strstr(notices, "3 actors named in " D "years-edges.csv are not in " D "years-nodes.csv: added 'd', 'e', 'f'\n"));
	assert_non_null(strstr(notices, "dropped 1 self-loop"));
	/* rows 3 (a,b 2021) and 4 (b,a undated) repeat row 2 (a,b 2019) */
	assert_non_null(strstr(notices, "merged 2 repeated ties (weights added up): 'a' - 'b', 'b' - 'a'\n"));
	/* the actor table's year column is kept as text */
	assert_string_equal(cm_network_vattr(net, CM_ATTR_YEAR, cm_network_find(net, "g")), "2023");
	cm_network_free(net);
}

/*
 * The ties come out grouped by actor (docs/input.md), in file order within
 * a group.  Rows: 1 c-a (1), 2 b-c (2), 3 a-b (3), 4 c-d (4); no actor
 * table, so the actors are numbered as they first appear: c 0, a 1, b 2,
 * d 3.  Undirected, a tie's group is its earlier actor: rows 1, 2, 4 are
 * c's, row 3 is a's, so the weights by tie id are 1, 2, 4, 3; with a year
 * filter that keeps every row, the same.  Directed, a tie's group is its
 * source: c (rows 1, 4), a (row 3), b (row 2): weights 1, 4, 3, 2.
 */
static void test_tie_order(void **state)
{
	static const char text[] = "source,target,weight,year\nc,a,1,2020\nb,c,2,2020\n"
	                           "a,b,3,2020\nc,d,4,2020\n";
	static const double want[3][4] = { { 1, 2, 4, 3 }, { 1, 2, 4, 3 }, { 1, 4, 3, 2 } };
	char path[40];

	(void)state;
	write_temp(path, text);
	for (int run = 0; run < 3; run++) {
		cm_load_options o = { 0 };
		cm_network *net = NULL;

		o.filter.has_from = run == 1;
		o.filter.from = 2000;
		o.directed = run == 2;
		assert_int_equal(cm_network_load(&net, path, &o), 0);
		assert_int_equal(cm_network_ties(net), 4);
		for (igraph_integer_t e = 0; e < 4; e++)
			assert_true(EAN(&net->graph, CM_ATTR_WEIGHT, e) == want[run][e]);
		cm_network_free(net);
	}
	unlink(path);
}

/* --directed: a->b merges rows 1-2 (weight 3); b->a (row 3) stays apart: 6 ties. */
static void test_directed(void **state)
{
	cm_load_options o = { 0 };
	cm_network *net = NULL;
	igraph_integer_t eid;

	(void)state;
	o.directed = 1;
	assert_int_equal(load_years(&net, &o), 0);
	assert_true(net->directed);
	assert_int_equal(cm_network_ties(net), 6);
	igraph_get_eid(&net->graph, &eid, cm_network_find(net, "a"), cm_network_find(net, "b"), 1, 1);
	assert_true(EAN(&net->graph, CM_ATTR_WEIGHT, eid) == 3);
	igraph_get_eid(&net->graph, &eid, cm_network_find(net, "b"), cm_network_find(net, "a"), 1, 1);
	assert_true(EAN(&net->graph, CM_ATTR_WEIGHT, eid) == 1);
	assert_non_null(strstr(notices, "merged 1 repeated tie "));
	cm_network_free(net);
}

/*
 * --from 2020 --to 2021: the ties active at some time in 2020-2021.  No
 * tie has an end year, so every tie started by 2021 is still going: rows
 * 1, 2, 4, 7, 8 stay; row 5 starts in 2022; row 6 is a loop; row 3 is
 * undated (1 left out).  d loses all its ties and was never listed:
 * dropped; g joined in 2023: dropped.  Left: a, b, c, e, f with a-b (rows 1
 * and 2 merged: 3), b-c (3), c-a (2), e-f (0.5).
 */
static void test_year_range(void **state)
{
	cm_load_options o = { 0 };
	cm_network *net = NULL;

	(void)state;
	o.filter.has_from = o.filter.has_to = 1;
	o.filter.from = 2020;
	o.filter.to = 2021;
	assert_int_equal(load_years(&net, &o), 0);
	assert_int_equal(cm_network_actors(net), 5);
	assert_int_equal(cm_network_ties(net), 4);
	assert_true(tie_weight(net, "a", "b") == 3);
	assert_true(tie_weight(net, "b", "c") == 3);
	assert_true(tie_weight(net, "c", "a") == 2);
	assert_true(tie_weight(net, "e", "f") == 0.5);
	assert_true(cm_network_find(net, "d") < 0);
	assert_true(cm_network_find(net, "g") < 0);
	assert_non_null(strstr(notices, "left out 1 undated tie "));
	cm_network_free(net);
}

/*
 * --year 2022: the ties active during 2022.  No tie has an end year: every
 * dated tie started by 2022 is still going, rows 1, 2, 4, 5, 7, 8 (a-b
 * merged), 5 ties; g joined 2023: dropped; a..f stay.  6 actors.
 */
static void test_single_year(void **state)
{
	cm_load_options o = { 0 };
	cm_network *net = NULL;

	(void)state;
	o.filter.has_from = o.filter.has_to = 1;
	o.filter.from = o.filter.to = 2022;
	assert_int_equal(load_years(&net, &o), 0);
	assert_int_equal(cm_network_actors(net), 6);
	assert_int_equal(cm_network_ties(net), 5);
	assert_true(tie_weight(net, "c", "d") == 1);
	assert_true(cm_network_find(net, "a") >= 0);
	assert_true(cm_network_find(net, "e") >= 0);
	assert_true(cm_network_find(net, "g") < 0);
	cm_network_free(net);
}

/* --min-weight 2 on merged weights (a-b 4, b-c 3, c-a 2 stay); actors stay. */
static void test_min_weight(void **state)
{
	cm_load_options o = { 0 };
	cm_network *net = NULL;

	(void)state;
	o.filter.min_weight = 2;
	assert_int_equal(load_years(&net, &o), 0);
	assert_int_equal(cm_network_ties(net), 3);
	assert_int_equal(cm_network_actors(net), 7);
	assert_true(tie_weight(net, "c", "d") == -1);
	cm_network_free(net);
}

/* --where type=cite keeps a, c, g (tie c-a); region=Bretagne,Normandie keeps a b c g. */
static void test_where(void **state)
{
	static const char *cite[] = { "cite" };
	static const char *regions[] = { "Bretagne", "Normandie" };
	cm_load_options o = { 0 };
	cm_network *net = NULL;

	(void)state;
	o.filter.where_attr = "type";
	o.filter.where_values = cite;
	o.filter.n_where_values = 1;
	assert_int_equal(load_years(&net, &o), 0);
	assert_int_equal(cm_network_actors(net), 3);
	assert_int_equal(cm_network_ties(net), 1);
	assert_true(tie_weight(net, "c", "a") == 2);
	cm_network_free(net);

	o.filter.where_attr = "region";
	o.filter.where_values = regions;
	o.filter.n_where_values = 2;
	assert_int_equal(load_years(&net, &o), 0);
	assert_int_equal(cm_network_actors(net), 4);
	assert_int_equal(cm_network_ties(net), 3);
	cm_network_free(net);

	o.filter.where_attr = "colour";
	assert_int_equal(load_years(&net, &o), CM_EUSAGE);
	assert_null(net);
	assert_non_null(strstr(cm_error_message(), "no attribute 'colour'"));
	cm_error_clear();
}

/* --ego c: c and its neighbours a, b, d (4 ties among them); --ego e: e, f. */
static void test_ego(void **state)
{
	cm_load_options o = { 0 };
	cm_network *net = NULL;

	(void)state;
	o.filter.ego = "c";
	o.filter.depth = 1;
	assert_int_equal(load_years(&net, &o), 0);
	assert_int_equal(cm_network_actors(net), 4);
	assert_int_equal(cm_network_ties(net), 4);
	assert_true(cm_network_find(net, "d") >= 0);
	cm_network_free(net);

	o.filter.ego = "e";
	assert_int_equal(load_years(&net, &o), 0);
	assert_int_equal(cm_network_actors(net), 2);
	assert_int_equal(cm_network_ties(net), 1);
	cm_network_free(net);

	/* d at depth 2: d, c, then a and b */
	o.filter.ego = "d";
	o.filter.depth = 2;
	assert_int_equal(load_years(&net, &o), 0);
	assert_int_equal(cm_network_actors(net), 4);
	cm_network_free(net);

	o.filter.ego = "zz";
	assert_int_equal(load_years(&net, &o), CM_EUSAGE);
	assert_null(net);
	assert_non_null(strstr(cm_error_message(), "no actor 'zz'"));
	cm_error_clear();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_folder),
		cmocka_unit_test(test_semicolon_excel),
		cmocka_unit_test(test_tsv),
		cmocka_unit_test(test_windows_1252),
		cmocka_unit_test(test_graphml),
		cmocka_unit_test(test_gml),
		cmocka_unit_test(test_gml_ids),
		cmocka_unit_test(test_pajek),
		cmocka_unit_test(test_directed_graphml),
		cmocka_unit_test(test_pajek_unlabelled),
		cmocka_unit_test(test_dot),
		cmocka_unit_test(test_stdin),
		cmocka_unit_test(test_format_override),
		cmocka_unit_test(test_french_locale),
		cmocka_unit_test(test_ids_are_text),
		cmocka_unit_test(test_bad_inputs),
		cmocka_unit_test(test_huge_field),
		cmocka_unit_test(test_header_only),
		cmocka_unit_test(test_weight_values),
		cmocka_unit_test(test_weight_random),
		cmocka_unit_test(test_weight_refused),
		cmocka_unit_test(test_year_fields),
		cmocka_unit_test(test_long_names),
		cmocka_unit_test(test_many_ties),
		cmocka_unit_test(test_merge_and_loops),
		cmocka_unit_test(test_tie_order),
		cmocka_unit_test(test_directed),
		cmocka_unit_test(test_year_range),
		cmocka_unit_test(test_single_year),
		cmocka_unit_test(test_min_weight),
		cmocka_unit_test(test_where),
		cmocka_unit_test(test_ego),
	};

	igraph_set_attribute_table(&igraph_cattribute_table);
	cm_init();
	cm_notice_set_handler(keep_notice, NULL);
	return cmocka_run_group_tests_name("load", tests, NULL, NULL);
}
