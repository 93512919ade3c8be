/* coopmap clubs: interregional clubs of sparse regions (like the Club de l'Ouest). */
#include <limits.h>

#include "cli.h"
#include "base/i18n.h"

struct clubs_args {
	cm_format format;
	const char *type;
	const char *regions_path;
	long min_size;
};

/* The options: the help of the entry below describes each (tests/cli/cases/05_help.sh checks). */
static const char shortopts[] = "f:";
static const struct option longopts[] = {
	{ "regions", required_argument, NULL, 'r' },
	{ "type", required_argument, NULL, 't' },
	{ "min-size", required_argument, NULL, 'm' },
	{ "format", required_argument, NULL, 'f' },
	{ "digits", required_argument, NULL, CLI_OPT_DIGITS },
	CLI_COMMON_OPTIONS,
	{ NULL, 0, NULL, 0 }
};

static int cmd_clubs(int argc, char **argv);

const struct cli_command cli_cmd_clubs = {
	.name = "clubs",
	.fn = cmd_clubs,
	.usage = "INPUT --regions FILE [--min-size N] [--type T]\n"
	         "        [--format table|csv|csv-fr|tsv|json] [--digits N]",
	.summary = N_("propose interregional clubs of sparse regions (like the Club de l'Ouest)"),
	.help =
		N_("  --regions FILE        region adjacency (region,neighbour), e.g. graphs/regions-fr.csv\n"
		"  --min-size N          critical mass of a club (default 10)\n"
		"  --type T              focus actor type (default cite)\n"
		"  -f, --format F        table (default), csv, csv-fr, tsv or json; csv-fr is for a\n"
		"                        French spreadsheet (';', decimal comma, docs/interop.md)\n")
		CLI_DIGITS_HELP
		"\n" CLI_COMMON_HELP
};

/* clubs' own options. */
static int clubs_option(void *ctx, int opt, const char *arg)
{
	struct clubs_args *a = ctx;

	switch (opt) {
	case 'f':
		return cli_parse_format(&a->format, "clubs", arg);
	case 'r':
		a->regions_path = arg;
		return 0;
	case 't':
		a->type = arg;
		return 0;
	case 'm':
		a->min_size = cli_parse_long("clubs", "--min-size", arg, 1, INT_MAX);
		return a->min_size == LONG_MIN ? CLI_EUSAGE : 0;
	default:
		return cli_usage_error("clubs", _("unexpected option"));
	}
}

/* Run the command: parse, load, compute, write. */
static int cmd_clubs(int argc, char **argv)
{
	struct clubs_args args = { CM_FORMAT_TABLE, NULL, NULL, CM_DEFAULT_MIN_SIZE };
	struct cli_common common = { 0 };
	cm_network *net = NULL;
	cm_regions *regions = NULL;
	cm_clubs clubs = { 0 };
	const char *input;
	int status, rc;

	status = cli_parse(&input, &common, "clubs", argc, argv, shortopts, longopts, clubs_option, &args);
	if (status != 0)
		goto done;
	if (!args.regions_path) {
		status = cli_usage_error("clubs", _("--regions FILE is required (e.g. graphs/regions-fr.csv)"));
		goto done;
	}
	/* the adjacency first: a mistake there is cheaper to report before loading */
	if ((rc = cm_regions_load(&regions, args.regions_path)) < 0) {
		status = cli_fail(rc);
		goto done;
	}
	common.regions = regions;
	common.regions_path = args.regions_path;
	if ((status = cli_load(&net, input, &common)) != CLI_OK)
		goto done;
	rc = cm_clubs_compute(&clubs, net, regions, args.type, (int)args.min_size);
	if (rc < 0) {
		status = cli_fail(rc);
		goto done;
	}
	status = cli_output_status(cm_clubs_write(stdout, &clubs, args.format));
done:
	cm_clubs_free(&clubs);
	cm_regions_free(regions);
	cm_network_free(net);
	cli_common_free(&common);
	return status == CLI_STOP ? CLI_OK : status;
}
