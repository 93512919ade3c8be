/* coopmap metrics: one row per actor with the measures asked for. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "model/columns.h"
#include "base/i18n.h"

enum {
	OPT_METRICS = 'm',
	OPT_FORMAT = 'f',
	OPT_SORT = 1,
	OPT_TOP,
	OPT_WEIGHTED,
	OPT_EXACT,
	OPT_SAMPLES,
	OPT_JOBS
};

/* State of the progress line on a terminal. */
struct progress_line {
	const char *what;
	int percent;
	int shown;
};

/* Draw "coopmap: betweenness 42%" over itself on stderr when the figure changes. */
static void show_progress(void *ctx, const char *what, double done, double total)
{
	struct progress_line *p = ctx;
	int percent = total > 0 ? (int)(100.0 * done / total) : 0;

	if (percent < 0)
		percent = 0;
	if (percent > 100)
		percent = 100;
	if (p->shown && p->what == what && p->percent == percent)
		return;
	p->what = what;
	p->percent = percent;
	p->shown = 1;
	fprintf(stderr, "\rcoopmap: %s %3d%%\033[K", what, percent);
	fflush(stderr);
}

/* Erase the progress line so that notices and errors start on a clean line. */
static void clear_progress(struct progress_line *p)
{
	if (p->shown)
		fputs("\r\033[K", stderr);
	p->shown = 0;
}

static struct progress_line progress;

/* Notices while the progress line is up: erase it first, then print as main.c does. */
static void notice_over_progress(void *ctx, const char *message)
{
	(void)ctx;
	if (cli_quiet)
		return;
	clear_progress(&progress);
	fprintf(stderr, "coopmap: %s\n", message);
}

/* Is name a column of the table to come?  Prints the usage error listing them if not. */
static int check_sort_column(const char *name, unsigned want)
{
	static const char *const fixed[] = { "id", "label", "type", "region" };
	char list[512] = "id, label, type, region";
	unsigned bit = 0;

	for (size_t i = 0; i < 4; i++)
		if (!strcmp(name, fixed[i]))
			return 0;
	if (cm_metrics_parse(&bit, name) == 0 && cm_metrics_name(bit) && (bit & want) == bit)
		return 0;
	cm_error_clear();
	for (unsigned b = 1; b & (CM_M_ALL | CM_M_TWO_MODE); b <<= 1)
		if (b & want) {
			strncat(list, ", ", sizeof(list) - strlen(list) - 1);
			strncat(list, cm_metrics_name(b), sizeof(list) - strlen(list) - 1);
		}
	{
		const char *names[40];
		size_t n = 0;
		long k;

		for (size_t i = 0; i < 4; i++)
			names[n++] = fixed[i];
		for (unsigned b = 1; (b & (CM_M_ALL | CM_M_TWO_MODE)) && n < 40; b <<= 1)
			if (b & want)
				names[n++] = cm_metrics_name(b);
		k = cm_name_closest(name, names, n);
		if (k >= 0)
			return cli_usage_error("metrics", _("--sort: no column '%s': did you mean '%s'? (columns: %s)"),
			                       name, names[k], list);
	}
	return cli_usage_error("metrics", _("--sort: no column '%s' (columns: %s)"), name, list);
}

/* What metrics' own options set. */
struct metrics_args {
	cm_metrics_options mo;
	cm_format format;
	const char *sort;
	size_t top;
};

/* The options: the help of the entry below describes each (tests/cli/cases/05_help.sh checks). */
static const char shortopts[] = "m:f:";
static const struct option longopts[] = {
	{ "metrics", required_argument, NULL, OPT_METRICS },
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "sort", required_argument, NULL, OPT_SORT },
	{ "top", required_argument, NULL, OPT_TOP },
	{ "weighted", no_argument, NULL, OPT_WEIGHTED },
	{ "exact", no_argument, NULL, OPT_EXACT },
	{ "betweenness-samples", required_argument, NULL, OPT_SAMPLES },
	{ "jobs", required_argument, NULL, OPT_JOBS },
	{ "digits", required_argument, NULL, CLI_OPT_DIGITS },
	CLI_COMMON_OPTIONS,
	{ NULL, 0, NULL, 0 }
};

static int cmd_metrics(int argc, char **argv);

const struct cli_command cli_cmd_metrics = {
	.name = "metrics",
	.fn = cmd_metrics,
	.usage =
		"INPUT [--metrics LIST|all] [--format table|csv|csv-fr|tsv|json] [--digits N]\n"
		"        [--sort COLUMN] [--top N] [--weighted] [--exact] [--betweenness-samples K]\n"
		"        [--jobs N]",
	.summary = N_("one row per actor: degree, betweenness, pagerank, constraint, community..."),
	.help =
		N_("  -m, --metrics LIST    comma-separated measures, or all (default); two-mode inputs\n"
		"                        add events and events_alone (events attended, and alone)\n"
		"  -f, --format F        table (default), csv, csv-fr, tsv or json; csv-fr is for a\n"
		"                        French spreadsheet (';', decimal comma, docs/interop.md)\n")
		CLI_DIGITS_HELP
		N_("  --sort COLUMN         sort by a column (measures descending)\n"
		"  --top N               print the first N rows only; without --sort, the N highest\n"
		"                        of the first measure column (degree when computed)\n"
		"  --weighted            path measures use distance = 1/weight\n"
		"  --exact               never sample path measures\n"
		"  --betweenness-samples K  sample K source actors for path measures\n"
		"  --jobs N              compute independent measures in N processes at once\n"
		"                        (default: one per processor, at most 8; 1: all in one;\n"
		"                        the output is the same whatever N)\n")
		"\n" CLI_COMMON_HELP
};

/* metrics' own options: --metrics, --format, --sort, --top, --weighted, --exact, --betweenness-samples, --jobs. */
static int metrics_option(void *ctx, int opt, const char *arg)
{
	struct metrics_args *a = ctx;
	long v;

	switch (opt) {
	case OPT_METRICS:
		if (cm_metrics_parse(&a->mo.metrics, arg) < 0) {
			cli_usage_error("metrics", "%s", cm_error_message());
			cm_error_clear();
			return CLI_EUSAGE;
		}
		return 0;
	case OPT_FORMAT:
		return cli_parse_format(&a->format, "metrics", arg);
	case OPT_SORT:
		a->sort = arg;
		return 0;
	case OPT_TOP:
		if ((v = cli_parse_long("metrics", "--top", arg, 1, LONG_MAX)) == LONG_MIN)
			return CLI_EUSAGE;
		a->top = (size_t)v;
		return 0;
	case OPT_WEIGHTED:
		a->mo.weighted = 1;
		return 0;
	case OPT_EXACT:
		a->mo.exact = 1;
		return 0;
	case OPT_SAMPLES:
		if ((v = cli_parse_long("metrics", "--betweenness-samples", arg, 1, LONG_MAX)) == LONG_MIN)
			return CLI_EUSAGE;
		a->mo.samples = (igraph_integer_t)v;
		return 0;
	case OPT_JOBS:
		if ((v = cli_parse_long("metrics", "--jobs", arg, 1, 64)) == LONG_MIN)
			return CLI_EUSAGE;
		a->mo.jobs = (int)v;
		return 0;
	default:
		return cli_usage_error("metrics", _("unexpected option"));
	}
}

/* Run the command: parse, load, compute, write. */
static int cmd_metrics(int argc, char **argv)
{
	static const char *const ascending[] = { "id", "label", "type", "region" };
	struct cli_common common = { 0 };
	struct metrics_args a = { .format = CM_FORMAT_TABLE, .mo.jobs = 0 };
	cm_network *net = NULL;
	cm_table *table = NULL;
	const char *input;
	int status, rc;

	status = cli_parse(&input, &common, "metrics", argc, argv, shortopts, longopts, metrics_option, &a);
	if (status != 0)
		goto done;
	if (a.mo.exact && a.mo.samples > 0) {
		status = cli_usage_error("metrics", _("--exact and --betweenness-samples exclude each other"));
		goto done;
	}
	if (!a.mo.metrics)
		a.mo.metrics = CM_M_ALL;
	if (!a.mo.jobs)
		a.mo.jobs = cm_metrics_default_jobs();
	/* "all" takes the two-mode measures when the input is two-mode */
	if (a.sort && (status = check_sort_column(a.sort, a.mo.metrics | ((a.mo.metrics & CM_M_ALL) == CM_M_ALL ?
	                                                            CM_M_TWO_MODE : 0))) != CLI_OK)
		goto done;
	if ((status = cli_load(&net, input, &common)) != CLI_OK)
		goto done;
	/* a tie's year and the other columns are not read: 80 MB each at 10 million ties */
	if ((rc = cm_metrics_shed(net)) < 0) {
		status = cli_fail(rc);
		goto done;
	}
	a.mo.seed = common.have_seed ? common.seed : CM_DEFAULT_SEED;
	if (!common.quiet && isatty(STDERR_FILENO)) {
		cm_progress_set_handler(show_progress, &progress);
		cm_notice_set_handler(notice_over_progress, NULL);
	}
	rc = cm_metrics_compute(&table, net, &a.mo);
	cm_progress_set_handler(NULL, NULL);
	clear_progress(&progress);
	if (rc < 0) {
		status = cli_fail(rc);
		goto done;
	}
	/* --top alone: the highest of the first measure, not the first rows of the file */
	if (a.top && !a.sort && cm_table_ncols(table) > 4 &&
	    (rc = cm_table_sort(table, 4, 1)) < 0) {
		status = cli_fail(rc);
		goto done;
	}
	if (a.sort) {
		int col = cm_table_column(table, a.sort), descending = 1;

		for (size_t i = 0; i < 4; i++)
			if (!strcmp(a.sort, ascending[i]))
				descending = 0;
		if (col < 0 || (rc = cm_table_sort(table, (size_t)col, descending)) < 0) {
			status = cli_fail(col < 0 ? cm_error_set(CM_ERROR, _("no column '%s'"), a.sort) : rc);
			goto done;
		}
	}
	status = cli_output_status(cm_table_write(stdout, table, a.format, a.top));
done:
	cm_progress_set_handler(NULL, NULL);
	clear_progress(&progress);
	cm_table_free(table);
	cm_network_free(net);
	cli_common_free(&common);
	return status == CLI_STOP ? CLI_OK : status;
}
