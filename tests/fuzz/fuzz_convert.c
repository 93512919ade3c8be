/*
 * libFuzzer target: write a small network whose labels and attributes are
 * arbitrary text as GraphML, GML, DOT, GEXF and a CSV folder, plain or csv-fr (coopmap convert),
 * then read each back with coopmap's own loader: the labels, types,
 * regions and kinds must come back unchanged, or the write must be refused
 * with a message.  Also checks that GraphML parses as XML and that no
 * temporary file is left.  The byte after the actor count picks the format.
 */
#include <libxml/parser.h>

#include "fuzz_net.h"

static char dir[256];

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_init();
	fuzz_tmpdir(dir, sizeof(dir));
	return 0;
}

static void xml_quiet(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

/*
 * The text DOT gives back: DOT cannot hold an odd run of backslashes before a
 * quote or at the end, so coopmap writes a space after such a run (with a
 * notice; docs/maps.md).  Written here from that rule, into buf.
 */
static const char *dot_expected(const char *s, char *buf, size_t size)
{
	size_t run = 0, j = 0;

	for (size_t i = 0;; i++) {
		if (s[i] == '\\') {
			run++;
		} else {
			if ((s[i] == '"' || s[i] == '\0') && run % 2 && j + 1 < size)
				buf[j++] = ' ';
			run = 0;
		}
		if (j + 1 >= size)
			break;
		buf[j++] = s[i];
		if (!s[i])
			return buf;
	}
	buf[j] = '\0';
	return buf;
}

/*
 * The text a csv-fr folder gives back (coopmap/table.h): text that is a
 * number ("-1.5", "2e3") is written as one, with a decimal comma; the rest
 * comes back as it was (the formula guard's apostrophe is dropped again).
 * Written here from that rule, into buf.
 */
static const char *fr_expected(const char *s, char *buf, size_t size)
{
	const char *p = s + (*s == '-');
	size_t k = strspn(p, "0123456789"), n = strlen(s);

	if (k && (p[k] == '.' || p[k] == ',') && strspn(p + k + 1, "0123456789"))
		k += 1 + strspn(p + k + 1, "0123456789");
	if (k && (p[k] == 'e' || p[k] == 'E')) {
		size_t e = 1 + (p[k + 1] == '-' || p[k + 1] == '+'), d = strspn(p + k + e, "0123456789");

		if (d)
			k += e + d;
	}
	if (!k || p[k] || n + 1 > size)
		return s;
	for (size_t i = 0; i <= n; i++)
		buf[i] = s[i] == '.' ? ',' : s[i];
	return buf;
}

/* Abort when vertex/edge string attribute attr differs between a and b (same ids). */
static void same_text(const cm_network *a, const cm_network *b, const char *what)
{
	static char want[1 << 17];
	int dot = strstr(what, ".dot") != NULL, fr = strstr(what, "csv-fr") != NULL;

	for (igraph_integer_t v = 0; v < cm_network_actors(a); v++) {
		const char *id = cm_network_vattr(a, CM_ATTR_ID, v);
		igraph_integer_t w = cm_network_find(b, id); /* ids stay text, in csv-fr too */
		static const char *const attrs[] = { CM_ATTR_LABEL, CM_ATTR_TYPE, CM_ATTR_REGION };

		if (w < 0) {
			fprintf(stderr, "fuzz: %s lost actor '%s'\n", what, id);
			abort();
		}
		for (size_t i = 0; i < 3; i++) {
			const char *orig = cm_network_vattr(a, attrs[i], v);

			/* labels go through DOT whole (their backslashes doubled); the other values get the space */
			if (dot && i > 0)
				orig = dot_expected(orig, want, sizeof(want));
			else if (fr)
				orig = fr_expected(orig, want, sizeof(want));
			if (strcmp(orig, cm_network_vattr(b, attrs[i], w))) {
				fprintf(stderr, "fuzz: %s changed the %s of '%s': '%s' became '%s'\n", what,
				        attrs[i], id, orig, cm_network_vattr(b, attrs[i], w));
				abort();
			}
		}
	}
	if (cm_network_ties(a) != cm_network_ties(b)) {
		fprintf(stderr, "fuzz: %s changed the number of ties\n", what);
		abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct {
		cm_output_format format;
		const char *name;
		cm_input_format in;
	} formats[] = {
		{ CM_OUTPUT_GRAPHML, "net.graphml", CM_INPUT_GRAPHML },
		{ CM_OUTPUT_GML, "net.gml", CM_INPUT_GML },
		{ CM_OUTPUT_DOT, "net.dot", CM_INPUT_DOT },
		{ CM_OUTPUT_CSV, "net", CM_INPUT_CSV },
		{ CM_OUTPUT_GEXF, "net.gexf", CM_INPUT_GEXF },
		{ CM_OUTPUT_CSV_FR, "net-csv-fr", CM_INPUT_CSV },
	};
	struct fuzz_net f;
	char path[320], sub[340];
	size_t k;

	if (fuzz_net_build(&f, data, size) < 0)
		goto done;
	k = f.opts % (sizeof(formats) / sizeof(formats[0]));
	snprintf(path, sizeof(path), "%s/%s", dir, formats[k].name);
	if (cm_network_write(f.net, path, formats[k].format) == 0) {
		cm_load_options o;
		cm_network *back = NULL;

		if (formats[k].format == CM_OUTPUT_GRAPHML || formats[k].format == CM_OUTPUT_GEXF) {
			xmlDocPtr doc;

			xmlSetGenericErrorFunc(NULL, xml_quiet);
			doc = xmlReadFile(path, NULL, XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOERROR);
			if (!doc) {
				fprintf(stderr, "fuzz: the %s is not well-formed XML\n", formats[k].name);
				abort();
			}
			xmlFreeDoc(doc);
		}
		memset(&o, 0, sizeof(o));
		o.format = formats[k].in;
		if (cm_network_load(&back, path, &o) < 0) {
			fprintf(stderr, "fuzz: %s written but not read back: %s\n", formats[k].name,
			        cm_error_message());
			abort();
		}
		same_text(f.net, back, formats[k].name);
		cm_network_free(back);
		fuzz_check_dir(dir, formats[k].name);
	} else {
		if (!cm_error_message()[0])
			abort();
		fuzz_check_dir(dir, NULL);
	}
	cm_error_clear();
	/* start the next input from an empty directory */
	if (formats[k].format == CM_OUTPUT_CSV || formats[k].format == CM_OUTPUT_CSV_FR) {
		snprintf(sub, sizeof(sub), "%s/nodes.csv", path);
		unlink(sub);
		snprintf(sub, sizeof(sub), "%s/edges.csv", path);
		unlink(sub);
		rmdir(path);
	} else {
		unlink(path);
	}
done:
	fuzz_net_free(&f);
	return 0;
}
