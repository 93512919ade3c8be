/* coopmap summary: whole-network figures. */
#include "cli.h"
#include "base/i18n.h"

/* The options: the help of the entry below describes each (tests/cli/cases/05_help.sh checks). */
static const char shortopts[] = "f:";
static const struct option longopts[] = {
	{ "format", required_argument, NULL, 'f' },
	{ "digits", required_argument, NULL, CLI_OPT_DIGITS },
	CLI_COMMON_OPTIONS,
	{ NULL, 0, NULL, 0 }
};

static int cmd_summary(int argc, char **argv);

const struct cli_command cli_cmd_summary = {
	.name = "summary",
	.fn = cmd_summary,
	.usage = "INPUT [--format table|json|csv|csv-fr|tsv] [--digits N]",
	.summary = N_("whole-network figures: size, density, components, paths, communities"),
	.help =
		N_("  -f, --format F        table (default), json, csv, csv-fr or tsv (key,value rows);\n"
		"                        csv-fr is for a French spreadsheet (';', decimal comma)\n")
		CLI_DIGITS_HELP
		"\n" CLI_COMMON_HELP
};

/* summary's own option: --format. */
static int summary_option(void *ctx, int opt, const char *arg)
{
	return opt == 'f' ? cli_parse_format(ctx, "summary", arg) : cli_usage_error("summary", _("unexpected option"));
}

/* Run the command: parse, load, compute, write. */
static int cmd_summary(int argc, char **argv)
{
	struct cli_common common = { 0 };
	cm_format format = CM_FORMAT_TABLE;
	cm_network *net = NULL;
	cm_summary summary = { 0 };
	const char *input;
	int status, rc;

	status = cli_parse(&input, &common, "summary", argc, argv, shortopts, longopts, summary_option, &format);
	if (status != 0)
		goto done;
	if ((status = cli_load(&net, input, &common)) != CLI_OK)
		goto done;
	rc = cm_summary_compute(&summary, net, common.have_seed ? common.seed : CM_DEFAULT_SEED);
	if (rc < 0) {
		status = cli_fail(rc);
		goto done;
	}
	status = cli_output_status(cm_summary_write(stdout, &summary, format));
done:
	cm_summary_free(&summary);
	cm_network_free(net);
	cli_common_free(&common);
	return status == CLI_STOP ? CLI_OK : status;
}
