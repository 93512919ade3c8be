/* coopmap convert: write the network as GraphML, GML, GEXF, DOT or a CSV folder. */
#include <string.h>
#include <strings.h>

#include "cli.h"
#include "base/i18n.h"

/* Parse a -T value. */
static int parse_output_format(cm_output_format *out, const char *name)
{
	if (!strcasecmp(name, "graphml"))
		*out = CM_OUTPUT_GRAPHML;
	else if (!strcasecmp(name, "gml"))
		*out = CM_OUTPUT_GML;
	else if (!strcasecmp(name, "gexf"))
		*out = CM_OUTPUT_GEXF;
	else if (!strcasecmp(name, "dot") || !strcasecmp(name, "gv"))
		*out = CM_OUTPUT_DOT;
	else if (!strcasecmp(name, "csv"))
		*out = CM_OUTPUT_CSV;
	else if (!strcasecmp(name, "csv-fr"))
		*out = CM_OUTPUT_CSV_FR;
	else
		return -1;
	return 0;
}

struct convert_args {
	cm_output_format format;
	const char *output;
	cm_export_options eo;
	int bipartite;
};

/* Long options without a short form. */
enum { OPT_GEXF_VERSION = 1, OPT_MEASURES, OPT_LAYOUT, OPT_BIPARTITE };

/* The options: the help of the entry below describes each (tests/cli/cases/05_help.sh checks). */
static const char shortopts[] = "o:T:";
static const struct option longopts[] = {
	{ "output", required_argument, NULL, 'o' },
	{ "type", required_argument, NULL, 'T' },
	{ "gexf-version", required_argument, NULL, OPT_GEXF_VERSION },
	{ "measures", required_argument, NULL, OPT_MEASURES },
	{ "layout", required_argument, NULL, OPT_LAYOUT },
	{ "digits", required_argument, NULL, CLI_OPT_DIGITS },
	{ "bipartite", no_argument, NULL, OPT_BIPARTITE },
	CLI_COMMON_OPTIONS,
	{ NULL, 0, NULL, 0 }
};

static int cmd_convert(int argc, char **argv);

const struct cli_command cli_cmd_convert = {
	.name = "convert",
	.fn = cmd_convert,
	.usage = "INPUT -o FILE [-T graphml|gml|gexf|dot|csv|csv-fr] [--gexf-version 1.2|1.3]\n"
	         "        [--measures LIST|all] [--layout fr|geo] [--digits N] [--bipartite]",
	.summary = N_("write the network as GraphML, GML, GEXF, DOT or a CSV folder (nodes.csv, edges.csv)"),
	.help =
		N_("  -o, --output FILE     .graphml, .gml, .gexf, .dot/.gv, or a folder for CSV (a name\n"
		"                        without extension or ending in /); - for standard output, with -T\n"
		"  -T, --type FORMAT     graphml, gml, gexf, dot, csv or csv-fr (default: from the name;\n"
		"                        csv-fr: the CSV folder for a French spreadsheet, with ';',\n"
		"                        decimal commas, a byte order mark and CRLF, docs/interop.md)\n"
		"  --gexf-version V      1.2 (default: GEXF 1.2draft, read by Gephi 0.8+, Gephi Lite and\n"
		"                        NetworkX) or 1.3; GEXF carries the map's positions, colours and\n"
		"                        sizes (as render draws them with the same --seed) and the tie\n"
		"                        years as a timeline\n"
		"  --measures LIST       add measures as typed actor attributes: the names of\n"
		"                        metrics --metrics (degree, strength, betweenness,\n"
		"                        closeness, harmonic, eigenvector, pagerank, coreness,\n"
		"                        clustering, constraint, effective_size, articulation,\n"
		"                        community), isolation_level (of the cites, as isolated\n"
		"                        gives it), brokerage (between regions, brokers' total), or\n"
		"                        all; the same values as those commands with the same --seed\n"
		"  --layout L            fr or geo: the actors' positions as render places them\n"
		"                        (same --seed), as attributes x and y in GraphML, GML and\n"
		"                        CSV; GEXF always has them (fr unless --layout geo)\n"
		"  --digits N            significant digits of real numbers in the CSV folder (csv,\n"
		"                        csv-fr), from 1 to 17 (default 12); whole numbers in full\n"
		"  --bipartite           two-mode input: write the actor-event graph itself, not its\n"
		"                        projection (vertex attribute bipartite: 0 actor, 1 event; a CSV\n"
		"                        folder gets nodes.csv, events.csv and participations.csv)\n")
		"\n" CLI_COMMON_HELP
};

/* convert's own options. */
static int convert_option(void *ctx, int opt, const char *arg)
{
	struct convert_args *a = ctx;

	switch (opt) {
	case 'o':
		a->output = arg;
		return 0;
	case 'T':
		if (parse_output_format(&a->format, arg) < 0)
			return cli_usage_error("convert", _("unknown output format '%s' (use graphml, gml, gexf, dot, csv "
			                       "or csv-fr)"), arg);
		return 0;
	case OPT_GEXF_VERSION:
		if (strcmp(arg, "1.2") && strcmp(arg, "1.3"))
			return cli_usage_error("convert", _("unknown GEXF version '%s' (use 1.2 or 1.3)"), arg);
		a->eo.gexf_version = arg;
		return 0;
	case OPT_MEASURES:
		if (cm_export_parse_measures(&a->eo.measures, arg) < 0) {
			cli_usage_error("convert", _("--measures: %s"), cm_error_message());
			cm_error_clear();
			return CLI_EUSAGE;
		}
		return 0;
	case OPT_LAYOUT:
		if (strcmp(arg, "fr") && strcmp(arg, "geo"))
			return cli_usage_error("convert", _("--layout: unknown layout '%s' (use fr or geo: the other "
			                       "layouts of render run in Graphviz, whose positions only render -T dot gives)"),
			                       arg);
		a->eo.layout = arg;
		return 0;
	case OPT_BIPARTITE:
		a->bipartite = 1;
		return 0;
	default:
		return cli_usage_error("convert", _("unexpected option"));
	}
}

/* Run the command: parse, load, compute, write. */
static int cmd_convert(int argc, char **argv)
{
	struct convert_args args = { CM_OUTPUT_AUTO, NULL, { 0 }, 0 };
	struct cli_common common = { 0 };
	cm_network *net = NULL;
	const char *input;
	int status, rc;

	status = cli_parse(&input, &common, "convert", argc, argv, shortopts, longopts, convert_option, &args);
	if (status != 0)
		goto done;
	if (!args.output) {
		status = cli_usage_error("convert", _("no output file given (-o FILE)"));
		goto done;
	}
	/* the other writers keep every digit their format has: say so rather than ignore --digits */
	if (common.digits && args.format != CM_OUTPUT_CSV && args.format != CM_OUTPUT_CSV_FR &&
	    !(args.format == CM_OUTPUT_AUTO && cm_output_format_of(args.output) == CM_OUTPUT_CSV)) {
		status = cli_usage_error("convert", _("--digits applies to the CSV folder only (-T csv or csv-fr)"));
		goto done;
	}
	common.load.bipartite = args.bipartite;
	if ((status = cli_load(&net, input, &common)) != CLI_OK)
		goto done;
	if (args.bipartite && cm_network_vattr(net, "bipartite", 0)[0] == '\0' &&
	    !igraph_cattribute_has_attr(&net->graph, IGRAPH_ATTRIBUTE_VERTEX, "bipartite")) {
		status = cli_usage_error("convert", _("--bipartite: %s is not two-mode (a participation table, "
		                         "or a graph whose vertices carry 'bipartite')"), input);
		goto done;
	}
	args.eo.seed = common.have_seed ? common.seed : CM_DEFAULT_SEED;
	rc = cm_network_write_with(net, args.output, args.format, &args.eo);
	if (rc < 0)
		status = cli_fail(rc);
done:
	cm_network_free(net);
	cli_common_free(&common);
	return status == CLI_STOP ? CLI_OK : status;
}
