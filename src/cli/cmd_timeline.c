/* coopmap timeline: the network as it stood at the end of each year. */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "base/i18n.h"

enum { OPT_FORMAT = 'f', OPT_YEARS = 1, OPT_TYPE };

/* What timeline's own options set. */
struct timeline_args {
	cm_format format;
	int first, last;
	const char *type;
};

/* The options: the help of the entry below describes each (tests/cli/cases/05_help.sh checks). */
static const char shortopts[] = "f:";
static const struct option longopts[] = {
	{ "years", required_argument, NULL, OPT_YEARS },
	{ "type", required_argument, NULL, OPT_TYPE },
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "digits", required_argument, NULL, CLI_OPT_DIGITS },
	CLI_COMMON_OPTIONS,
	{ NULL, 0, NULL, 0 }
};

static int cmd_timeline(int argc, char **argv);

const struct cli_command cli_cmd_timeline = {
	.name = "timeline",
	.fn = cmd_timeline,
	.usage = "INPUT [--years Y1:Y2] [--type T] [--format table|csv|csv-fr|tsv|json]\n"
	         "        [--digits N]",
	.summary = N_("the network at the end of each year: size, density, components, isolated cités, change"),
	.help =
		N_("  --years Y1:Y2         the years to show (default: the first to the last year of the ties)\n"
		"  --type T              focus actor type of the isolated column (default cite)\n"
		"  -f, --format F        table (default), csv, csv-fr, tsv or json; csv-fr is for a\n"
		"                        French spreadsheet (';', decimal comma, docs/interop.md)\n")
		CLI_DIGITS_HELP
		"\n" CLI_COMMON_HELP
};

/* timeline's own options. */
static int timeline_option(void *ctx, int opt, const char *arg)
{
	struct timeline_args *a = ctx;
	char tail;

	switch (opt) {
	case OPT_FORMAT:
		return cli_parse_format(&a->format, "timeline", arg);
	case OPT_YEARS:
		if (sscanf(arg, "%d:%d%c", &a->first, &a->last, &tail) != 2 || a->first > a->last ||
		    a->first < -99999 || a->last > 99999 || !a->first || !a->last)
			return cli_usage_error("timeline", _("--years '%s' is not FIRST:LAST, two years, the first "
			                                   "not after the last (e.g. 2019:2022)"), arg);
		return 0;
	case OPT_TYPE:
		a->type = arg;
		return 0;
	default:
		return cli_usage_error("timeline", _("unexpected option"));
	}
}

/* Run the command: parse, load year by year, write. */
static int cmd_timeline(int argc, char **argv)
{
	struct timeline_args a = { .format = CM_FORMAT_TABLE };
	struct cli_common common = { 0 };
	cm_table *years = NULL;
	igraph_integer_t undated = 0;
	const char *input;
	int status, rc;

	status = cli_parse(&input, &common, "timeline", argc, argv, shortopts, longopts, timeline_option, &a);
	if (status != 0)
		goto done;
	if (common.load.filter.has_to || common.load.filter.has_from) {
		status = cli_usage_error("timeline", _("each row sets its own year: leave out --year, --from and --to"));
		goto done;
	}
	if (!strcmp(input, "-")) {
		status = cli_usage_error("timeline", _("timeline reads INPUT once for each year: give a file, "
		                                     "not standard input"));
		goto done;
	}
	if ((rc = cm_timeline_compute(&years, &undated, input, &common.load, a.first, a.last, a.type)) < 0) {
		status = cli_fail(rc);
		goto done;
	}
	status = cli_output_status(cm_timeline_write(stdout, years, undated, a.format));
done:
	cm_table_free(years);
	cli_common_free(&common);
	return status == CLI_STOP ? CLI_OK : status;
}
