/*
 * libFuzzer target: render a small network whose labels, types, regions,
 * kinds and title are arbitrary text to SVG, then check the SVG parses as
 * XML (every text must be escaped) and that no temporary file is left.
 */
#include <libxml/parser.h>
#include <sys/stat.h>

#include "fuzz_net.h"

static char dir[256], svg[300];

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_init();
	fuzz_tmpdir(dir, sizeof(dir));
	snprintf(svg, sizeof(svg), "%s/map.svg", dir);
	return 0;
}

/* Silence libxml2's error printer: a parse failure is reported below. */
static void xml_quiet(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const layouts[] = { "fdp", "circo", "neato", "dot", "sfdp", "auto" };
	static const char *const labels[] = { "all", "none", "top:2", "auto" };
	struct fuzz_net f;
	cm_render_options o;
	struct stat st;

	if (fuzz_net_build(&f, data, size) < 0)
		goto done;
	memset(&o, 0, sizeof(o));
	o.format = "svg";
	o.layout = layouts[f.opts % 6];
	o.labels = labels[(f.opts / 6) % 4];
	o.no_legend = (f.opts / 24) % 2;
	o.cluster_by = (f.opts / 48) % 2 ? "region" : NULL;
	o.seed = 1;
	unlink(svg);
	if (cm_render(f.net, svg, &o) == 0) {
		xmlDocPtr doc;

		if (stat(svg, &st) < 0 || st.st_size == 0)
			abort(); /* success must leave a file */
		xmlSetGenericErrorFunc(NULL, xml_quiet);
		doc = xmlReadFile(svg, NULL, XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOERROR);
		if (!doc) {
			fprintf(stderr, "fuzz: the SVG is not well-formed XML\n");
			abort();
		}
		xmlFreeDoc(doc);
		fuzz_check_dir(dir, "map.svg");
	} else {
		/* the drawing runs in a child process: a sanitizer report there shows up as this */
		if (strstr(cm_error_message(), "graphviz crashed") || strstr(cm_error_message(), "graphviz stopped")) {
			fprintf(stderr, "fuzz: %s\n", cm_error_message());
			abort();
		}
		cm_error_clear();
		fuzz_check_dir(dir, NULL);
	}
done:
	fuzz_net_free(&f);
	return 0;
}
