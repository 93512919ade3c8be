/* coopmap diff: what changed between two years of a network, or between two networks. */
#include <limits.h>
#include <string.h>

#include "cli.h"
#include "base/i18n.h"

enum { OPT_FORMAT = 'f', OPT_AT = 1, OPT_TYPE, OPT_TIES, OPT_SORT, OPT_TOP };

/* What diff's own options set. */
struct diff_args {
	cm_format format;
	int at[2], n_at;
	const char *type;
	int ties;
	const char *sort;
	size_t top;
};

/* The options: the help of the entry below describes each (tests/cli/cases/05_help.sh checks). */
static const char shortopts[] = "f:";
static const struct option longopts[] = {
	{ "at", required_argument, NULL, OPT_AT },
	{ "type", required_argument, NULL, OPT_TYPE },
	{ "ties", no_argument, NULL, OPT_TIES },
	{ "sort", required_argument, NULL, OPT_SORT },
	{ "top", required_argument, NULL, OPT_TOP },
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "digits", required_argument, NULL, CLI_OPT_DIGITS },
	CLI_COMMON_OPTIONS,
	{ NULL, 0, NULL, 0 }
};

static int cmd_diff(int argc, char **argv);

const struct cli_command cli_cmd_diff = {
	.name = "diff",
	.fn = cmd_diff,
	.usage = "INPUT --at Y1 --at Y2 | BEFORE AFTER  [--type T] [--ties] [--sort COLUMN] [--top N]\n"
	         "        [--format table|csv|csv-fr|tsv|json] [--digits N]",
	.summary = N_("what changed between two years, or two networks, actor by actor"),
	.help =
		N_("  --at Y                the network as it stood at the end of year Y; give it twice\n"
		"                        (earlier year first) to compare two years of one INPUT\n"
		"  --type T              focus actor type of the isolation columns (default cite)\n"
		"  --ties                list every tie with its status (kept, new, lost) and weights\n"
		"  --sort COLUMN         sort the actors by a column (numbers descending, ranks and\n"
		"                        text ascending; default: the largest changes first)\n"
		"  --top N               print the first N actors only\n"
		"  -f, --format F        table (default: the whole-network figures, then the actors),\n"
		"                        csv, csv-fr, tsv (the actors) or json (both); csv-fr is for\n"
		"                        a French spreadsheet (';', decimal comma, docs/interop.md)\n")
		CLI_DIGITS_HELP
		"\n" CLI_COMMON_HELP
};

/* diff's own options. */
static int diff_option(void *ctx, int opt, const char *arg)
{
	struct diff_args *a = ctx;
	long v;

	switch (opt) {
	case OPT_FORMAT:
		return cli_parse_format(&a->format, "diff", arg);
	case OPT_AT:
		if (a->n_at == 2)
			return cli_usage_error("diff", _("--at is given twice at most (the two years to compare)"));
		if ((v = cli_parse_long("diff", "--at", arg, -99999, 99999)) == LONG_MIN)
			return CLI_EUSAGE;
		a->at[a->n_at++] = (int)v;
		return 0;
	case OPT_TYPE:
		a->type = arg;
		return 0;
	case OPT_TIES:
		a->ties = 1;
		return 0;
	case OPT_SORT:
		a->sort = arg;
		return 0;
	case OPT_TOP:
		if ((v = cli_parse_long("diff", "--top", arg, 1, LONG_MAX)) == LONG_MIN)
			return CLI_EUSAGE;
		a->top = (size_t)v;
		return 0;
	default:
		return cli_usage_error("diff", _("unexpected option"));
	}
}

/* Check the inputs against --at, and load the two sides. */
static int load_sides(cm_network **before, cm_network **after, const char *const *inputs, int n,
                      const struct diff_args *a, struct cli_common *c)
{
	cm_filter keep = c->load.filter;
	int status;

	if (n == 2) {
		if (a->n_at)
			return cli_usage_error("diff", _("--at compares two years of one INPUT, not of two inputs"));
		if ((status = cli_load(before, inputs[0], c)) != CLI_OK)
			return status;
		return cli_load(after, inputs[1], c);
	}
	if (a->n_at != 2)
		return cli_usage_error("diff", _("give two years (--at Y1 --at Y2) or two inputs (BEFORE AFTER)"));
	if (keep.has_to)
		return cli_usage_error("diff", _("--at sets the end year of each side: leave out --to and --year"));
	if (!strcmp(inputs[0], "-"))
		return cli_usage_error("diff", _("--at reads INPUT once for each year: give a file, not standard input"));
	c->load.filter.has_to = 1;
	c->load.filter.to = a->at[0];
	if ((status = cli_load(before, inputs[0], c)) != CLI_OK)
		return status;
	c->load.filter.to = a->at[1];
	status = cli_load(after, inputs[0], c);
	c->load.filter = keep;
	return status;
}

/* Sort the actors by a column; prints the usage error listing the columns when it is not one. */
static int sort_actors(cm_table *t, const char *name)
{
	char list[600] = "";
	int col = cm_table_column(t, name), rc;

	if (col < 0) {
		for (size_t c = 0; c < cm_table_ncols(t); c++) {
			if (c)
				strncat(list, ", ", sizeof(list) - strlen(list) - 1);
			strncat(list, cm_table_column_name(t, c), sizeof(list) - strlen(list) - 1);
		}
		return cli_usage_error("diff", _("--sort: no column '%s' (columns: %s)"), name, list);
	}
	/* text and ranks read best from the top down; numbers from the largest */
	if ((rc = cm_table_sort(t, (size_t)col, col > 4 && strncmp(name, "rank_", 5))) < 0)
		return cli_fail(rc);
	return CLI_OK;
}

/* Run the command: parse, load both sides, compare, write. */
static int cmd_diff(int argc, char **argv)
{
	struct diff_args a = { .format = CM_FORMAT_TABLE };
	struct cli_common common = { 0 };
	cm_diff_options o = { 0 };
	cm_network *before = NULL, *after = NULL;
	cm_diff d = { 0 };
	const char *inputs[2];
	int status, rc, n = 0;

	status = cli_parse_inputs(inputs, &n, 2, &common, "diff", argc, argv, shortopts, longopts,
	                          diff_option, &a);
	if (status != 0)
		goto done;
	if ((status = load_sides(&before, &after, inputs, n, &a, &common)) != CLI_OK)
		goto done;
	o.type = a.type;
	o.seed = common.have_seed ? common.seed : CM_DEFAULT_SEED;
	o.ties = a.ties;
	if ((rc = cm_diff_compute(&d, before, after, &o)) < 0) {
		status = cli_fail(rc);
		goto done;
	}
	if (a.sort && (status = sort_actors(d.actors, a.sort)) != CLI_OK)
		goto done;
	if (a.ties && a.format != CM_FORMAT_JSON)
		status = cli_output_status(cm_table_write(stdout, d.ties, a.format, a.top));
	else
		status = cli_output_status(cm_diff_write(stdout, &d, a.format, a.top));
done:
	cm_diff_free(&d);
	cm_network_free(before);
	cm_network_free(after);
	cli_common_free(&common);
	return status == CLI_STOP ? CLI_OK : status;
}
