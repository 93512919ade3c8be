/* coopmap isolated: actors of a type cut off from their peers, most isolated first. */
#include <limits.h>

#include "cli.h"
#include "base/i18n.h"

struct isolated_args {
	cm_format format;
	const char *type;
	long min_size;
	long level;
};

/* The options: the help of the entry below describes each (tests/cli/cases/05_help.sh checks). */
static const char shortopts[] = "f:";
static const struct option longopts[] = {
	{ "type", required_argument, NULL, 't' },
	{ "min-size", required_argument, NULL, 'm' },
	{ "level", required_argument, NULL, 'l' },
	{ "format", required_argument, NULL, 'f' },
	{ "digits", required_argument, NULL, CLI_OPT_DIGITS },
	CLI_COMMON_OPTIONS,
	{ NULL, 0, NULL, 0 }
};

static int cmd_isolated(int argc, char **argv);

const struct cli_command cli_cmd_isolated = {
	.name = "isolated",
	.fn = cmd_isolated,
	.usage = "INPUT [--type T] [--min-size N] [--level L]\n"
	         "        [--format table|csv|csv-fr|tsv|json] [--digits N]",
	.summary = N_("actors of a type (cités by default) cut off from their peers, most isolated first"),
	.help =
		N_("  --type T              focus actor type (default cite)\n"
		"  --min-size N          critical mass of a region (default 10)\n"
		"  --level L             only the actors of isolation level L and above (0 to 3: 3 no tie,\n"
		"                        2 no peer within two steps, 1 a sparse or closed region)\n"
		"  -f, --format F        table (default), csv, csv-fr, tsv or json; csv-fr is for a\n"
		"                        French spreadsheet (';', decimal comma, docs/interop.md)\n")
		CLI_DIGITS_HELP
		"\n" CLI_COMMON_HELP
};

/* isolated's own options. */
static int isolated_option(void *ctx, int opt, const char *arg)
{
	struct isolated_args *a = ctx;

	switch (opt) {
	case 'f':
		return cli_parse_format(&a->format, "isolated", arg);
	case 't':
		a->type = arg;
		return 0;
	case 'm':
		a->min_size = cli_parse_long("isolated", "--min-size", arg, 1, INT_MAX);
		return a->min_size == LONG_MIN ? CLI_EUSAGE : 0;
	case 'l':
		a->level = cli_parse_long("isolated", "--level", arg, 0, 3);
		return a->level == LONG_MIN ? CLI_EUSAGE : 0;
	default:
		return cli_usage_error("isolated", _("unexpected option"));
	}
}

/* Run the command: parse, load, compute, write. */
static int cmd_isolated(int argc, char **argv)
{
	struct isolated_args args = { CM_FORMAT_TABLE, NULL, CM_DEFAULT_MIN_SIZE, 0 };
	size_t keep = 0;
	struct cli_common common = { 0 };
	cm_network *net = NULL;
	cm_table *table = NULL;
	const char *input;
	int status, rc;

	status = cli_parse(&input, &common, "isolated", argc, argv, shortopts, longopts, isolated_option, &args);
	if (status != 0)
		goto done;
	if ((status = cli_load(&net, input, &common)) != CLI_OK)
		goto done;
	rc = cm_isolated_compute(&table, net, args.type, (int)args.min_size);
	if (rc < 0) {
		status = cli_fail(rc);
		goto done;
	}
	/* the rows come most isolated first: those of level L and above are the first ones */
	if (args.level > 0) {
		int col = cm_table_column(table, "level");

		while (col >= 0 && keep < cm_table_nrows(table) &&
		       cm_table_get_number(table, keep, (size_t)col) >= (double)args.level)
			keep++;
		if (keep == 0) {
			if (!cli_quiet)
				fprintf(stderr, _("coopmap: no actor of type '%s' at isolation level %ld or above\n"),
				        args.type ? args.type : CM_DEFAULT_FOCUS_TYPE, args.level);
			status = CLI_OK;
			goto done;
		}
	}
	status = cli_output_status(cm_table_write(stdout, table, args.format, keep));
done:
	cm_table_free(table);
	cm_network_free(net);
	cli_common_free(&common);
	return status == CLI_STOP ? CLI_OK : status;
}
