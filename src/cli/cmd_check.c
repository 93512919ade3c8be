/* coopmap check: the problems of a network, one line each with file:line (or the actor or tie) and a suggestion. */
#include <errno.h>

#include "cli.h"
#include "base/i18n.h"

struct check_args {
	const char *regions_path;
};

/* The options: the help of the entry below describes each (tests/cli/cases/05_help.sh checks). */
static const char shortopts[] = "";
static const struct option longopts[] = {
	{ "regions", required_argument, NULL, 'r' },
	CLI_COMMON_OPTIONS,
	{ NULL, 0, NULL, 0 }
};

static int cmd_check(int argc, char **argv);

const struct cli_command cli_cmd_check = {
	.name = "check",
	.fn = cmd_check,
	.usage = "INPUT [--regions FILE]",
	.summary = N_("list the problems of a network (typos, absent actors, repeats...) with their lines"),
	.help =
		N_("  --regions FILE        region adjacency: regions of the actor table it lacks are listed\n"
		"\n"
		"Lists, grouped by kind, one line per problem with FILE:LINE, what is wrong and a\n"
		"suggestion: actors named in the ties but absent from the actor table (with the\n"
		"closest id), near-duplicate ids and labels, type values that differ only by case,\n"
		"accents or plural, regions not in the adjacency file (with the closest), ties\n"
		"without a year when others have one, self-ties, repeated ties, ties with weight\n"
		"0, actors with no tie; then the count.  GraphML, GML, GEXF, Pajek and DOT have\n"
		"no lines for actors and ties: the actor or tie is named instead.\n"
		"Two-mode data (docs/twomode.md) is checked as such: empty actors or events,\n"
		"events absent from the event table, repeated participations, events larger\n"
		"than --max-event-size or with fewer than two participants, undated events,\n"
		"near-duplicate event ids and labels, event kind variants.\n"
		"Exit status 0 when nothing was found,\n"
		"1 when problems were listed, 3 or 4 when the input cannot be read.\n")
		"\n" CLI_COMMON_HELP
};

/* check's own options. */
static int check_option(void *ctx, int opt, const char *arg)
{
	struct check_args *a = ctx;

	switch (opt) {
	case 'r':
		a->regions_path = arg;
		return 0;
	default:
		return cli_usage_error("check", _("unexpected option"));
	}
}

/* Print the problems grouped by kind, then their count; returns 0 or -1 on a write error. */
static int print_problems(const cm_check *c)
{
	int kind = -1;

	for (size_t i = 0; i < c->n; i++) {
		const cm_check_problem *p = &c->v[i];

		if ((int)p->kind != kind) {
			kind = (int)p->kind;
			printf(_("%s%s:\n"), i ? "\n" : "", cm_check_kind_title(p->kind));
		}
		if (p->line > 0)
			printf("  %s:%ld: %s\n", p->file, p->line, p->text);
		else
			printf("  %s: %s\n", p->file, p->text); /* GraphML, GML...: the text names the actor or tie */
	}
	if (c->n)
		printf(dngettext(CM_TEXTDOMAIN, "\n%zu problem found\n", "\n%zu problems found\n", c->n), c->n);
	else
		fputs(_("no problem found\n"), stdout);
	return ferror(stdout) ? -1 : 0;
}

/* Run the command: parse, read the regions, check, print. */
static int cmd_check(int argc, char **argv)
{
	struct check_args args = { NULL };
	struct cli_common common = { 0 };
	cm_regions *regions = NULL;
	cm_check check = { 0 };
	const char *input;
	int status, rc;

	status = cli_parse(&input, &common, "check", argc, argv, shortopts, longopts, check_option, &args);
	if (status != 0)
		goto done;
	if (args.regions_path && (rc = cm_regions_load(&regions, args.regions_path)) < 0) {
		status = cli_fail(rc);
		goto done;
	}
	if ((rc = cm_check_run(&check, input, &common.load, regions, args.regions_path)) < 0) {
		status = cli_fail(rc);
		goto done;
	}
	if (print_problems(&check) < 0)
		status = errno == EPIPE ? CLI_OK : cli_output_status(cm_error_set(CM_EIO, _("cannot write to standard output")));
	else
		status = check.n ? CLI_EFAIL : CLI_OK;
done:
	cm_check_free(&check);
	cm_regions_free(regions);
	cli_common_free(&common);
	return status == CLI_STOP ? CLI_OK : status;
}
