/* coopmap summary: whole-network figures. */
#include <limits.h>

#include "cli.h"
#include "base/i18n.h"

enum { OPT_JOBS = 1 };

/* What summary's own options set. */
struct summary_args {
	cm_format format;
	int jobs;
};

/* The options: the help of the entry below describes each (tests/cli/cases/05_help.sh checks). */
static const char shortopts[] = "f:";
static const struct option longopts[] = {
	{ "format", required_argument, NULL, 'f' },
	{ "digits", required_argument, NULL, CLI_OPT_DIGITS },
	{ "jobs", required_argument, NULL, OPT_JOBS },
	CLI_COMMON_OPTIONS,
	{ NULL, 0, NULL, 0 }
};

static int cmd_summary(int argc, char **argv);

const struct cli_command cli_cmd_summary = {
	.name = "summary",
	.fn = cmd_summary,
	.usage = "INPUT [--format table|json|csv|csv-fr|tsv] [--digits N] [--jobs N]",
	.summary = N_("whole-network figures: size, density, components, paths, communities"),
	.help =
		N_("  -f, --format F        table (default), json, csv, csv-fr or tsv (key,value rows);\n"
		"                        csv-fr is for a French spreadsheet (';', decimal comma)\n")
		CLI_DIGITS_HELP
		N_("  --jobs N              compute independent figures in N processes at once\n"
		"                        (default: one per processor, at most 8; 1: all in one;\n"
		"                        the output is the same whatever N)\n")
		"\n" CLI_COMMON_HELP
};

/* summary's own options: --format, --jobs. */
static int summary_option(void *ctx, int opt, const char *arg)
{
	struct summary_args *a = ctx;
	long v;

	if (opt == 'f')
		return cli_parse_format(&a->format, "summary", arg);
	if (opt != OPT_JOBS)
		return cli_usage_error("summary", _("unexpected option"));
	if ((v = cli_parse_long("summary", "--jobs", arg, 1, 64)) == LONG_MIN)
		return CLI_EUSAGE;
	a->jobs = (int)v;
	return 0;
}

/* Run the command: parse, load, compute, write. */
static int cmd_summary(int argc, char **argv)
{
	struct cli_common common = { 0 };
	struct summary_args a = { .format = CM_FORMAT_TABLE, .jobs = 0 };
	cm_network *net = NULL;
	cm_summary summary = { 0 };
	const char *input;
	int status, rc;

	status = cli_parse(&input, &common, "summary", argc, argv, shortopts, longopts, summary_option, &a);
	if (status != 0)
		goto done;
	if ((status = cli_load(&net, input, &common)) != CLI_OK)
		goto done;
	rc = cm_summary_compute_jobs(&summary, net, common.have_seed ? common.seed : CM_DEFAULT_SEED,
	                             a.jobs ? a.jobs : cm_metrics_default_jobs());
	if (rc < 0) {
		status = cli_fail(rc);
		goto done;
	}
	status = cli_output_status(cm_summary_write(stdout, &summary, a.format));
done:
	cm_summary_free(&summary);
	cm_network_free(net);
	cli_common_free(&common);
	return status == CLI_STOP ? CLI_OK : status;
}
