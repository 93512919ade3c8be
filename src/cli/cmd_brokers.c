/* coopmap brokers: who brokers between groups, most brokerage first. */
#include <stdlib.h>

#include "cli.h"

struct brokers_args {
	cm_format format;
	const char *group;
};

/* The options: the help of the entry below describes each (tests/cli/cases/05_help.sh checks). */
static const char shortopts[] = "f:";
static const struct option longopts[] = {
	{ "group", required_argument, NULL, 'g' },
	{ "format", required_argument, NULL, 'f' },
	{ "digits", required_argument, NULL, CLI_OPT_DIGITS },
	CLI_COMMON_OPTIONS,
	{ NULL, 0, NULL, 0 }
};

static int cmd_brokers(int argc, char **argv);

const struct cli_command cli_cmd_brokers = {
	.name = "brokers",
	.fn = cmd_brokers,
	.usage = "INPUT [--group ATTR] [--format table|csv|csv-fr|tsv|json] [--digits N]",
	.summary = "who brokers between groups: Gould-Fernandez roles, constraint, E-I index",
	.help =
		"  --group ATTR          actor attribute defining groups (default region)\n"
		"  -f, --format F        table (default), csv, csv-fr, tsv or json; csv-fr is for a\n"
		"                        French spreadsheet (';', decimal comma, docs/interop.md)\n"
		CLI_DIGITS_HELP
		"\n" CLI_COMMON_HELP
};

/* brokers' own options. */
static int brokers_option(void *ctx, int opt, const char *arg)
{
	struct brokers_args *a = ctx;

	switch (opt) {
	case 'f':
		return cli_parse_format(&a->format, "brokers", arg);
	case 'g':
		a->group = arg;
		return 0;
	default:
		return cli_usage_error("brokers", "unexpected option");
	}
}

/* Run the command: parse, load, compute, write. */
static int cmd_brokers(int argc, char **argv)
{
	struct brokers_args args = { CM_FORMAT_TABLE, NULL };
	struct cli_common common = { 0 };
	cm_network *net = NULL;
	cm_brokers brokers = { 0 };
	char *group = NULL;
	const char *input;
	int status, rc;

	status = cli_parse(&input, &common, "brokers", argc, argv, shortopts, longopts, brokers_option, &args);
	if (status != 0)
		goto done;
	if ((status = cli_load(&net, input, &common)) != CLI_OK ||
	    (status = cli_resolve_attr(&args.group, &group, net, "brokers", "--group")) != CLI_OK)
		goto done;
	rc = cm_brokers_compute(&brokers, net, args.group);
	if (rc < 0) {
		status = cli_fail(rc);
		goto done;
	}
	status = cli_output_status(cm_brokers_write(stdout, &brokers, args.format));
done:
	cm_brokers_free(&brokers);
	cm_network_free(net);
	free(group);
	cli_common_free(&common);
	return status == CLI_STOP ? CLI_OK : status;
}
