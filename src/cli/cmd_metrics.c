/* coopmap metrics: one row per actor with the measures asked for. */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

enum {
	OPT_METRICS = 'm',
	OPT_FORMAT = 'f',
	OPT_SORT = 1,
	OPT_TOP,
	OPT_WEIGHTED,
	OPT_EXACT,
	OPT_SAMPLES
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
	for (unsigned b = 1; b & CM_M_ALL; b <<= 1)
		if (b & want) {
			strncat(list, ", ", sizeof(list) - strlen(list) - 1);
			strncat(list, cm_metrics_name(b), sizeof(list) - strlen(list) - 1);
		}
	return cli_usage_error("metrics", "--sort: no column '%s' (columns: %s)", name, list);
}

int cmd_metrics(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "metrics", required_argument, NULL, OPT_METRICS },
		{ "format", required_argument, NULL, OPT_FORMAT },
		{ "sort", required_argument, NULL, OPT_SORT },
		{ "top", required_argument, NULL, OPT_TOP },
		{ "weighted", no_argument, NULL, OPT_WEIGHTED },
		{ "exact", no_argument, NULL, OPT_EXACT },
		{ "betweenness-samples", required_argument, NULL, OPT_SAMPLES },
		CLI_COMMON_OPTIONS,
		{ NULL, 0, NULL, 0 }
	};
	static const char *const ascending[] = { "id", "label", "type", "region" };
	struct cli_common common = { 0 };
	cm_metrics_options mo = { 0 };
	cm_format format = CM_FORMAT_TABLE;
	cm_network *net = NULL;
	cm_table *table = NULL;
	const char *input, *sort = NULL;
	size_t top = 0;
	long v;
	int opt, status = CLI_OK, rc;

	while ((opt = getopt_long(argc, argv, "m:f:", longopts, NULL)) != -1) {
		switch (opt) {
		case OPT_METRICS:
			if (cm_metrics_parse(&mo.metrics, optarg) < 0) {
				status = cli_usage_error("metrics", "%s", cm_error_message());
				goto done;
			}
			continue;
		case OPT_FORMAT:
			if (cm_format_parse(&format, optarg) < 0) {
				status = cli_usage_error("metrics", "%s", cm_error_message());
				goto done;
			}
			continue;
		case OPT_SORT:
			sort = optarg;
			continue;
		case OPT_TOP:
			if ((v = cli_parse_long("metrics", "--top", optarg, 1, LONG_MAX)) == LONG_MIN) {
				status = CLI_EUSAGE;
				goto done;
			}
			top = (size_t)v;
			continue;
		case OPT_WEIGHTED:
			mo.weighted = 1;
			continue;
		case OPT_EXACT:
			mo.exact = 1;
			continue;
		case OPT_SAMPLES:
			if ((v = cli_parse_long("metrics", "--betweenness-samples", optarg, 1, LONG_MAX)) == LONG_MIN) {
				status = CLI_EUSAGE;
				goto done;
			}
			mo.samples = (igraph_integer_t)v;
			continue;
		case '?':
			status = cli_usage_error("metrics", "see 'coopmap metrics --help'");
			goto done;
		default:
			break;
		}
		rc = cli_common_option(&common, "metrics", opt, optarg);
		if (rc == -2)
			goto done;
		if (rc != 0) {
			status = CLI_EUSAGE;
			goto done;
		}
	}
	if (mo.exact && mo.samples > 0) {
		status = cli_usage_error("metrics", "--exact and --betweenness-samples exclude each other");
		goto done;
	}
	if (!mo.metrics)
		mo.metrics = CM_M_ALL;
	if (sort && (status = check_sort_column(sort, mo.metrics)) != CLI_OK)
		goto done;
	if (!(input = cli_input("metrics", argc, argv))) {
		status = CLI_EUSAGE;
		goto done;
	}
	if ((status = cli_load(&net, input, &common)) != CLI_OK)
		goto done;
	mo.seed = common.have_seed ? common.seed : CM_DEFAULT_SEED;
	if (!common.quiet && isatty(STDERR_FILENO)) {
		cm_progress_set_handler(show_progress, &progress);
		cm_notice_set_handler(notice_over_progress, NULL);
	}
	rc = cm_metrics_compute(&table, net, &mo);
	cm_progress_set_handler(NULL, NULL);
	clear_progress(&progress);
	if (rc < 0) {
		status = cli_fail(rc);
		goto done;
	}
	if (sort) {
		int col = cm_table_column(table, sort), descending = 1;

		for (size_t i = 0; i < 4; i++)
			if (!strcmp(sort, ascending[i]))
				descending = 0;
		if (col < 0 || (rc = cm_table_sort(table, (size_t)col, descending)) < 0) {
			status = cli_fail(col < 0 ? cm_error_set(CM_ERROR, "no column '%s'", sort) : rc);
			goto done;
		}
	}
	rc = cm_table_write(stdout, table, format, top);
	if (rc < 0 && !(rc == CM_EIO && errno == EPIPE))
		status = cli_fail(rc);
done:
	cm_progress_set_handler(NULL, NULL);
	clear_progress(&progress);
	cm_table_free(table);
	cm_network_free(net);
	cli_common_free(&common);
	return status;
}
