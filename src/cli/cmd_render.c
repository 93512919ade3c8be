/* coopmap render: draw a network map with Graphviz. */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>

#include "cli.h"

enum {
	OPT_LAYOUT = 1,
	OPT_TITLE,
	OPT_LABELS,
	OPT_NO_LEGEND,
	OPT_COLOR_BY,
	OPT_SHAPE_BY,
	OPT_SIZE_BY,
	OPT_CLUSTER_BY,
	OPT_HIGHLIGHT,
	OPT_FOCUS,
	OPT_REGIONS,
	OPT_CENTRES,
	OPT_TIME_LIMIT
};

struct render_args {
	cm_render_options ro;
	const char *output;
};

/* The options: the help of the entry below describes each (tests/cli/cases/05_help.sh checks). */
static const char shortopts[] = "o:T:";
static const struct option longopts[] = {
	{ "output", required_argument, NULL, 'o' },
	{ "type", required_argument, NULL, 'T' },
	{ "layout", required_argument, NULL, OPT_LAYOUT },
	{ "title", required_argument, NULL, OPT_TITLE },
	{ "labels", required_argument, NULL, OPT_LABELS },
	{ "no-legend", no_argument, NULL, OPT_NO_LEGEND },
	{ "color-by", required_argument, NULL, OPT_COLOR_BY },
	{ "colour-by", required_argument, NULL, OPT_COLOR_BY },
	{ "shape-by", required_argument, NULL, OPT_SHAPE_BY },
	{ "size-by", required_argument, NULL, OPT_SIZE_BY },
	{ "cluster-by", required_argument, NULL, OPT_CLUSTER_BY },
	{ "highlight", required_argument, NULL, OPT_HIGHLIGHT },
	{ "focus-type", required_argument, NULL, OPT_FOCUS },
	{ "regions", required_argument, NULL, OPT_REGIONS },
	{ "centres", required_argument, NULL, OPT_CENTRES },
	{ "centers", required_argument, NULL, OPT_CENTRES },
	{ "time-limit", required_argument, NULL, OPT_TIME_LIMIT },
	CLI_COMMON_OPTIONS,
	{ NULL, 0, NULL, 0 }
};

static int cmd_render(int argc, char **argv);

const struct cli_command cli_cmd_render = {
	.name = "render",
	.fn = cmd_render,
	.usage =
		"INPUT -o FILE [-T svg|png|pdf|dot] [--layout auto|fr|sfdp|fdp|neato|dot|circo|geo] [--title TEXT]\n"
		"        [--labels auto|all|none|top:N] [--no-legend] [--color-by ATTR] [--shape-by ATTR]\n"
		"        [--size-by MEASURE] [--cluster-by ATTR] [--highlight isolated,brokers[:N],clubs|none]\n"
		"        [--focus-type TYPE] [--regions FILE] [--centres FILE] [--time-limit SECONDS]",
	.summary = "draw a network map with Graphviz (SVG, PNG, PDF or DOT)",
	.help =
		"  -o, --output FILE     output file (- for standard output, with -T)\n"
		"  -T, --type FORMAT     svg, png, pdf or dot (default: from the extension)\n"
		"  --layout L            auto (default: fr at any size); fr (igraph's\n"
		"                        Fruchterman-Reingold, region by region: the same map every\n"
		"                        run), sfdp, fdp, neato, dot, circo, or geo (regions placed on\n"
		"                        the map of France)\n"
		"  --title TEXT          title above the map (default: the input's name)\n"
		"  --labels L            auto (all up to 60 actors, else the top 30), all, none, or\n"
		"                        top:N (the N largest actors)\n"
		"  --no-legend           leave out the legend (title and counts stay)\n"
		"  --color-by ATTR       actor attribute giving colours (default type)\n"
		"  --colour-by ATTR      the same as --color-by\n"
		"  --shape-by ATTR       actor attribute giving shapes (default type; none)\n"
		"  --size-by MEASURE     pagerank (default), degree, strength or none\n"
		"  --cluster-by ATTR     draw groups as boxes (fr, fdp and dot layouts; default region\n"
		"                        up to 200 actors; none to turn off)\n"
		"  --highlight LIST      isolated, brokers, brokers:N, clubs (comma-separated) or none\n"
		"                        (default isolated when some actor has the focus type)\n"
		"  --focus-type TYPE     actor type of isolated and clubs (default cite)\n"
		"  --regions FILE        region adjacency for clubs, e.g. graphs/regions-fr.csv\n"
		"  --centres FILE        region centres (region,lat,lon) for --layout geo\n"
		"                        (default: built-in graphs/regions-fr-centres.csv)\n"
		"  --centers FILE        the same as --centres\n"
		"  --time-limit S        seconds the drawing may take (default 300; 0: no limit)\n"
		"\n" CLI_COMMON_HELP
};

/* render's own options. */
static int render_option(void *ctx, int opt, const char *arg)
{
	struct render_args *a = ctx;
	cm_render_options *ro = &a->ro;
	double limit;

	switch (opt) {
	case 'o':
		a->output = arg;
		return 0;
	case 'T':
		ro->format = arg;
		return 0;
	case OPT_LAYOUT:
		ro->layout = arg;
		return 0;
	case OPT_TITLE:
		ro->title = arg;
		return 0;
	case OPT_LABELS:
		ro->labels = arg;
		return 0;
	case OPT_NO_LEGEND:
		ro->no_legend = 1;
		return 0;
	case OPT_COLOR_BY:
		ro->color_by = arg;
		return 0;
	case OPT_SHAPE_BY:
		ro->shape_by = arg;
		return 0;
	case OPT_SIZE_BY:
		ro->size_by = arg;
		return 0;
	case OPT_CLUSTER_BY:
		ro->cluster_by = arg;
		return 0;
	case OPT_HIGHLIGHT:
		ro->highlight = arg;
		return 0;
	case OPT_FOCUS:
		ro->focus_type = arg;
		return 0;
	case OPT_REGIONS:
		ro->regions_path = arg;
		return 0;
	case OPT_CENTRES:
		ro->centres_path = arg;
		return 0;
	case OPT_TIME_LIMIT:
		/* 0 means "no limit" on the command line (the library's 0 is the default) */
		if (cm_parse_number(&limit, arg, 0) < 0 || limit < 0 || limit > 1e7)
			return cli_usage_error("render", "--time-limit '%s' is not a number of seconds (0: no limit)", arg);
		ro->time_limit = limit == 0 ? -1 : limit;
		return 0;
	default:
		return cli_usage_error("render", "unexpected option");
	}
}

/* Run the command: parse, load, compute, write. */
static int cmd_render(int argc, char **argv)
{
	struct render_args args = { { 0 }, NULL };
	struct cli_common common = { 0 };
	cm_network *net = NULL;
	char *attrs[3] = { NULL, NULL, NULL };
	const char *input;
	int status, rc;

	status = cli_parse(&input, &common, "render", argc, argv, shortopts, longopts, render_option, &args);
	if (status != 0)
		goto done;
	if (!args.output) {
		status = cli_usage_error("render", "no output file given (-o FILE)");
		goto done;
	}
	args.ro.seed = common.have_seed ? common.seed : CM_DEFAULT_SEED;
	if ((status = cli_load(&net, input, &common)) != CLI_OK ||
	    (status = cli_resolve_attr(&args.ro.color_by, &attrs[0], net, "render", "--color-by")) != CLI_OK ||
	    (status = cli_resolve_attr(&args.ro.shape_by, &attrs[1], net, "render", "--shape-by")) != CLI_OK ||
	    (status = cli_resolve_attr(&args.ro.cluster_by, &attrs[2], net, "render", "--cluster-by")) != CLI_OK)
		goto done;
	rc = cm_render(net, args.output, &args.ro);
	if (rc < 0)
		status = cli_fail(rc);
done:
	cm_network_free(net);
	cli_common_free(&common);
	for (int i = 0; i < 3; i++)
		free(attrs[i]);
	return status == CLI_STOP ? CLI_OK : status;
}
