/* coopmap render: draw a network map with Graphviz. */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
	OPT_TIME_LIMIT,
	OPT_DIFF,
	OPT_SHOW,
	OPT_BY,
	OPT_SIZE,
	OPT_DPI
};

struct render_args {
	cm_render_options ro;
	const char *output;
	int diff, diff_from, diff_to;   /* --diff Y1:Y2 */
	const char *show;               /* --show YEAR: one of the two */
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
	{ "diff", required_argument, NULL, OPT_DIFF },
	{ "show", required_argument, NULL, OPT_SHOW },
	{ "by", required_argument, NULL, OPT_BY },
	{ "size", required_argument, NULL, OPT_SIZE },
	{ "dpi", required_argument, NULL, OPT_DPI },
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
		"        [--size-by MEASURE] [--cluster-by ATTR] [--highlight isolated,brokers[:N],clubs,suggestions|none]\n"
		"        [--focus-type TYPE] [--regions FILE] [--centres FILE] [--time-limit SECONDS]\n"
		"        [--diff Y1:Y2 [--show Y1|Y2]] [--by ATTR] [--size A4|A3|WxH[mm|px]] [--dpi N]",
	.summary = N_("draw a network map with Graphviz (SVG, PNG, PDF or DOT)"),
	.help =
		N_("  -o, --output FILE     output file (- for standard output, with -T)\n"
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
		"  --cluster-by ATTR     draw groups as boxes (fr, fdp and dot layouts; default region,\n"
		"                        with fdp and dot up to 200 actors; none to turn off)\n"
		"  --highlight LIST      isolated, brokers, brokers:N, clubs, suggestions (comma-separated)\n"
		"                        or none; suggestions: the top 3 ties coopmap suggest proposes\n"
		"                        to each isolated actor, dotted\n"
		"                        (default isolated when some actor has the focus type)\n"
		"  --focus-type TYPE     actor type of isolated and clubs (default cite)\n"
		"  --regions FILE        region adjacency for clubs, e.g. graphs/regions-fr.csv\n"
		"  --centres FILE        region centres (region,lat,lon) for --layout geo\n"
		"                        (default: built-in graphs/regions-fr-centres.csv)\n"
		"  --centers FILE        the same as --centres\n"
		"  --time-limit S        seconds the drawing may take (default 300; 0: no limit)\n"
		"  --diff Y1:Y2          the change from the end of Y1 to the end of Y2 on one map, one\n"
		"                        set of positions: kept ties grey, new ties green, lost ties\n"
		"                        dashed red, actors that joined ringed green, those that left\n"
		"                        faded (no highlight unless --highlight)\n"
		"  --show Y              with --diff, draw only the network at the end of Y (Y1 or\n"
		"                        Y2) on the shared positions: two maps that line up\n"
		"  --by ATTR             the regional cooperation map: one node per value of ATTR\n"
		"                        (region), its area the actors of the focus type, the ties\n"
		"                        inside written in it, one tie per pair of values, its width\n"
		"                        the number of ties between their actors\n"
		"  --size PAGE           the page the map is scaled down to fit: A4 (default), A3,\n"
		"                        A5, with -landscape, or WIDTHxHEIGHT in mm (180x250) or\n"
		"                        px (1600x1200px)\n"
		"  --dpi N               PNG pixels per inch (default 150)\n")
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
	case OPT_DIFF: {
		char tail;

		if (sscanf(arg, "%d:%d%c", &a->diff_from, &a->diff_to, &tail) != 2 || a->diff_from >= a->diff_to)
			return cli_usage_error("render", _("--diff '%s' is not Y1:Y2, two years, the first before the "
			                                 "second (e.g. 2019:2022)"), arg);
		a->diff = 1;
		return 0;
	}
	case OPT_SHOW:
		a->show = arg;
		return 0;
	case OPT_BY:
		ro->by = arg;
		return 0;
	case OPT_SIZE:
		ro->size = arg;
		return 0;
	case OPT_DPI:
		if (cm_parse_number(&limit, arg, 0) < 0 || limit < 1 || limit > 2400 || limit != floor(limit))
			return cli_usage_error("render", _("--dpi '%s' is not a whole number from 1 to 2400"), arg);
		ro->dpi = (int)limit;
		return 0;
	case OPT_TIME_LIMIT:
		/* 0 means "no limit" on the command line (the library's 0 is the default) */
		if (cm_parse_number(&limit, arg, 0) < 0 || limit < 0 || limit > 1e7)
			return cli_usage_error("render", _("--time-limit '%s' is not a number of seconds (0: no limit)"), arg);
		ro->time_limit = limit == 0 ? -1 : limit;
		return 0;
	default:
		return cli_usage_error("render", _("unexpected option"));
	}
}

/*
 * --diff Y1:Y2: load the ties active at some time from Y1 to Y2 (the map's
 * network, positions for both years), and the network at the end of each
 * year, then say what each tie and actor of the map is.
 */
static int load_change(cm_network **net, cm_render_change *change, unsigned char **tie,
                       unsigned char **actor, const char *input, struct render_args *a,
                       struct cli_common *c)
{
	cm_filter keep = c->load.filter;
	cm_network *before = NULL, *after = NULL;
	static char names[2][16];
	int status, rc;

	if (keep.has_from || keep.has_to)
		return cli_usage_error("render", _("--diff sets the years: leave out --year, --from and --to"));
	if (!strcmp(input, "-"))
		return cli_usage_error("render", _("--diff reads INPUT three times: give a file, not standard input"));
	c->load.filter.has_from = c->load.filter.has_to = 1;
	c->load.filter.from = a->diff_from;
	c->load.filter.to = a->diff_to;
	if ((status = cli_load(net, input, c)) != CLI_OK)
		goto done;
	c->load.filter.has_from = 0;
	c->load.filter.to = a->diff_from;
	if ((status = cli_load(&before, input, c)) != CLI_OK)
		goto done;
	c->load.filter.to = a->diff_to;
	if ((status = cli_load(&after, input, c)) != CLI_OK)
		goto done;
	if ((rc = cm_diff_classify(tie, actor, *net, before, after)) < 0) {
		status = cli_fail(rc);
		goto done;
	}
	snprintf(names[0], sizeof(names[0]), "%d", a->diff_from);
	snprintf(names[1], sizeof(names[1]), "%d", a->diff_to);
	change->tie = *tie;
	change->actor = *actor;
	change->before = names[0];
	change->after = names[1];
	if (a->show) {
		if (!strcmp(a->show, names[0]))
			change->show = 1;
		else if (!strcmp(a->show, names[1]))
			change->show = 2;
		else {
			status = cli_usage_error("render", _("--show '%s' is not one of the years of --diff (%s or %s)"),
			                         a->show, names[0], names[1]);
			goto done;
		}
	}
	a->ro.change = change;
done:
	c->load.filter = keep;
	cm_network_free(before);
	cm_network_free(after);
	return status;
}

/* A notice handler that drops what it is given. */
static void drop_notice(void *ctx, const char *message)
{
	(void)ctx;
	(void)message;
}

/*
 * With filters that leave actors out (years, --where, --ego, --diff), the
 * input loaded again without them, quietly, into *whole: the colours of
 * values come from it, so that each value keeps its colour on every map of
 * the same data.  Standard input cannot be read twice: then, or when this
 * load fails, *whole stays NULL and the colours follow the map's values.
 */
static void load_palette(cm_network **whole, const char *input, struct cli_common *c, int diff)
{
	cm_filter keep = c->load.filter;
	cm_notice_fn fn;
	void *ctx;

	*whole = NULL;
	if (!strcmp(input, "-") || (!diff && !keep.has_from && !keep.has_to && !keep.where_attr && !keep.ego))
		return;
	c->load.filter.has_from = c->load.filter.has_to = 0;
	c->load.filter.where_attr = NULL;
	c->load.filter.where_values = NULL;
	c->load.filter.n_where_values = 0;
	c->load.filter.ego = NULL;
	cm_notice_get_handler(&fn, &ctx);
	cm_notice_set_handler(drop_notice, NULL);
	if (cm_network_load(whole, input, &c->load) < 0)
		*whole = NULL;
	cm_notice_set_handler(fn, ctx);
	c->load.filter = keep;
}

/* Run the command: parse, load, compute, write. */
static int cmd_render(int argc, char **argv)
{
	struct render_args args = { { 0 }, NULL, 0, 0, 0, NULL };
	struct cli_common common = { 0 };
	cm_render_change change = { 0 };
	unsigned char *tie = NULL, *actor = NULL;
	cm_network *net = NULL, *whole = NULL;
	char *attrs[4] = { NULL, NULL, NULL, NULL };
	const char *input;
	int status, rc;

	status = cli_parse(&input, &common, "render", argc, argv, shortopts, longopts, render_option, &args);
	if (status != 0)
		goto done;
	if (!args.output) {
		status = cli_usage_error("render", _("no output file given (-o FILE)"));
		goto done;
	}
	args.ro.seed = common.have_seed ? common.seed : CM_DEFAULT_SEED;
	if (args.show && !args.diff) {
		status = cli_usage_error("render", _("--show goes with --diff Y1:Y2"));
		goto done;
	}
	if (args.diff)
		status = load_change(&net, &change, &tie, &actor, input, &args, &common);
	else
		status = cli_load(&net, input, &common);
	if (status != CLI_OK ||
	    (status = cli_resolve_attr(&args.ro.color_by, &attrs[0], net, "render", "--color-by")) != CLI_OK ||
	    (status = cli_resolve_attr(&args.ro.shape_by, &attrs[1], net, "render", "--shape-by")) != CLI_OK ||
	    (status = cli_resolve_attr(&args.ro.cluster_by, &attrs[2], net, "render", "--cluster-by")) != CLI_OK ||
	    (status = cli_resolve_attr(&args.ro.by, &attrs[3], net, "render", "--by")) != CLI_OK)
		goto done;
	if (args.ro.by && args.diff) {
		status = cli_usage_error("render", _("--by draws one state: leave out --diff"));
		goto done;
	}
	load_palette(&whole, input, &common, args.diff);
	args.ro.palette = whole;
	rc = cm_render(net, args.output, &args.ro);
	if (rc < 0)
		status = cli_fail(rc);
done:
	free(tie);
	free(actor);
	cm_network_free(net);
	cm_network_free(whole);
	cli_common_free(&common);
	for (int i = 0; i < 4; i++)
		free(attrs[i]);
	return status == CLI_STOP ? CLI_OK : status;
}
