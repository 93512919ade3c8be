/* coopmap report: the offline HTML report, one self-contained file to send to partners. */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "cli.h"
#include "base/i18n.h"

enum {
	OPT_LANG = 1,
	OPT_REGIONS,
	OPT_TITLE,
	OPT_AT,
	OPT_DATE
};

struct report_args {
	const char *output;
	const char *lang;
	const char *regions;
	const char *title;
	const char *date;
	int at[2], n_at;
};

/* The options: the help of the entry below describes each (tests/cli/cases/05_help.sh checks). */
static const char shortopts[] = "o:";
static const struct option longopts[] = {
	{ "output", required_argument, NULL, 'o' },
	{ "lang", required_argument, NULL, OPT_LANG },
	{ "regions", required_argument, NULL, OPT_REGIONS },
	{ "title", required_argument, NULL, OPT_TITLE },
	{ "at", required_argument, NULL, OPT_AT },
	{ "date", required_argument, NULL, OPT_DATE },
	CLI_COMMON_OPTIONS,
	{ NULL, 0, NULL, 0 }
};

static int cmd_report(int argc, char **argv);

const struct cli_command cli_cmd_report = {
	.name = "report",
	.fn = cmd_report,
	.usage = "INPUT -o FILE [--lang fr|en] [--regions FILE] [--title TEXT] [--at Y1 --at Y2] [--date D]",
	.summary = N_("one offline HTML report to send to partners: findings, tables and the map"),
	.help =
		N_("  -o, --output FILE     the HTML file to write (- for standard output)\n"
		"  --regions FILE        region adjacency, for clubs and suggestions (e.g. graphs/regions-fr.csv)\n"
		"  --title TEXT          the report's title (default: the input's name)\n"
		"  --at Y                twice: compare the network at the end of two years (default: the\n"
		"                        first and last years of the ties, when they have years)\n"
		"  --date D              the date printed in the report (default: SOURCE_DATE_EPOCH, else the\n"
		"                        newest input file's time): the same input gives the same bytes\n")
		"\n" CLI_COMMON_HELP
};

/* report's own options. */
static int report_option(void *ctx, int opt, const char *arg)
{
	struct report_args *a = ctx;
	long y;

	switch (opt) {
	case 'o':
		a->output = arg;
		return 0;
	case OPT_LANG:
		if (cm_i18n_set_lang(arg) < 0) {
			cm_error_clear();
			return cli_usage_error("report", _("--lang '%s' is not one of fr, en"), arg);
		}
		a->lang = arg;
		return 0;
	case OPT_REGIONS:
		a->regions = arg;
		return 0;
	case OPT_TITLE:
		a->title = arg;
		return 0;
	case OPT_DATE:
		if (!*arg || strlen(arg) > 64)
			return cli_usage_error("report", _("--date '%s' should be a date of at most 64 characters"), arg);
		a->date = arg;
		return 0;
	case OPT_AT:
		if (a->n_at == 2)
			return cli_usage_error("report", _("--at is given twice at most (--at Y1 --at Y2)"));
		if ((y = cli_parse_long("report", "--at", arg, 1, 9999)) == LONG_MIN)
			return CLI_EUSAGE;
		a->at[a->n_at++] = (int)y;
		return 0;
	default:
		return cli_usage_error("report", _("unexpected option"));
	}
}

/* The notices of the main load: printed as usual and kept for the report's first section. */
struct notices {
	cm_notice_fn fn;
	void *ctx;
	char **list;
	size_t n, cap;
};

/* Print a notice through the previous handler and keep a copy. */
static void keep_notice(void *ctx, const char *message)
{
	struct notices *k = ctx;

	if (k->fn)
		k->fn(k->ctx, message);
	if (k->n == k->cap) {
		size_t cap = k->cap ? 2 * k->cap : 16;
		char **list = realloc(k->list, cap * sizeof(*list));

		if (!list)
			return;
		k->list = list;
		k->cap = cap;
	}
	if ((k->list[k->n] = strdup(message)))
		k->n++;
}

/* Drop notices: the loads of the two compared years repeat what the first load said. */
static void drop_notice(void *ctx, const char *message)
{
	(void)ctx;
	(void)message;
}

/* The newest modification time of path (of its entries, for a folder); 0 when unknown. */
static time_t newest_mtime(const char *path)
{
	struct stat st;
	time_t t = 0;
	DIR *d;
	struct dirent *e;

	if (!path || !strcmp(path, "-") || stat(path, &st) != 0)
		return 0;
	if (!S_ISDIR(st.st_mode))
		return st.st_mtime;
	if (!(d = opendir(path)))
		return 0;
	while ((e = readdir(d))) {
		char sub[PATH_MAX];

		if (e->d_name[0] == '.')
			continue;
		snprintf(sub, sizeof(sub), "%s/%s", path, e->d_name);
		if (stat(sub, &st) == 0 && S_ISREG(st.st_mode) && st.st_mtime > t)
			t = st.st_mtime;
	}
	closedir(d);
	return t;
}

/* The report's date: --date, SOURCE_DATE_EPOCH, else the newest input file's day (UTC). */
static int report_date(char *buf, size_t size, const struct report_args *a, const char *input,
                       const struct cli_common *c)
{
	const char *epoch = getenv("SOURCE_DATE_EPOCH");
	time_t t = 0, u;
	struct tm tm;

	if (a->date) {
		snprintf(buf, size, "%s", a->date);
		return 0;
	}
	if (epoch && *epoch) {
		char *end;
		long long v;

		errno = 0;
		v = strtoll(epoch, &end, 10);
		if (errno || *end || v < 0)
			return cli_usage_error("report", _("SOURCE_DATE_EPOCH '%s' is not a number of seconds"), epoch);
		t = (time_t)v;
	} else {
		t = newest_mtime(input);
		if ((u = newest_mtime(c->load.nodes_path)) > t)
			t = u;
		if ((u = newest_mtime(a->regions)) > t)
			t = u;
	}
	if (t == 0) {
		buf[0] = '\0';
		return 0;
	}
	gmtime_r(&t, &tm);
	strftime(buf, size, "%Y-%m-%d", &tm);
	return 0;
}

/* Append one argument to a command line, quoted for a POSIX shell when it needs it. */
static int add_arg(char **line, size_t *len, const char *arg)
{
	int plain = *arg != '\0';
	size_t need = strlen(arg) * 4 + 4;
	char *p, *grown;

	for (const char *s = arg; *s; s++)
		if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=:,+@%", *s) &&
		    !((unsigned char)*s >= 0x80))
			plain = 0;
	if (!(grown = realloc(*line, *len + need + 1)))
		return -1;
	*line = grown;
	p = *line + *len;
	if (*len)
		*p++ = ' ';
	if (plain) {
		p = stpcpy(p, arg);
	} else {
		*p++ = '\'';
		for (const char *s = arg; *s; s++)
			if (*s == '\'')
				p = stpcpy(p, "'\\''");
			else
				*p++ = *s;
		*p++ = '\'';
	}
	*p = '\0';
	*len = (size_t)(p - *line);
	return 0;
}

/* The filters of the command line, as given (they are what the first section reports). */
static int filter_text(char **out, char **line, int argc, char **argv)
{
	static const char *const with_value[] = { "--year", "--from", "--to", "--where", "--min-weight", "--ego",
	                                          "--depth", NULL };
	static const char *const flags[] = { "--keep-undated", "--directed", NULL };
	size_t flen = 0, llen = 0;

	*out = NULL;
	*line = NULL;
	if (add_arg(line, &llen, "coopmap") < 0)
		return -1;
	for (int i = 0; i < argc; i++) {
		if (add_arg(line, &llen, argv[i]) < 0)
			return -1;
		for (int k = 0; with_value[k]; k++) {
			size_t n = strlen(with_value[k]);

			if (strncmp(argv[i], with_value[k], n) || (argv[i][n] != '\0' && argv[i][n] != '='))
				continue;
			if (add_arg(out, &flen, argv[i]) < 0 ||
			    (argv[i][n] == '\0' && i + 1 < argc && add_arg(out, &flen, argv[i + 1]) < 0))
				return -1;
		}
		for (int k = 0; flags[k]; k++)
			if (!strcmp(argv[i], flags[k]) && add_arg(out, &flen, argv[i]) < 0)
				return -1;
	}
	return 0;
}

/* The first and last years of the ties, when at least two differ. */
static int tie_years(const cm_network *net, int *first, int *last)
{
	int any = 0;

	for (igraph_integer_t e = 0; e < cm_network_ties(net); e++) {
		double y = EAN(&net->graph, CM_ATTR_YEAR, e);

		if (isnan(y))
			continue;
		if (!any || y < *first)
			*first = (int)y;
		if (!any || y > *last)
			*last = (int)y;
		any = 1;
	}
	return any && *first < *last;
}

/* Load the network as it stood at the end of each of two years, notices dropped. */
static int load_two(cm_network **before, cm_network **after, const char *input, struct cli_common *c,
                    int y1, int y2)
{
	cm_filter keep = c->load.filter;
	cm_notice_fn fn;
	void *ctx;
	int status;

	int quiet = cli_quiet;

	cm_notice_get_handler(&fn, &ctx);
	cm_notice_set_handler(drop_notice, NULL);
	cli_quiet = 1;     /* and no second or third hint to run coopmap check */
	c->load.filter.has_from = 0;
	c->load.filter.has_to = 1;
	c->load.filter.to = y1;
	status = cli_load(before, input, c);
	if (status == CLI_OK) {
		c->load.filter.to = y2;
		status = cli_load(after, input, c);
	}
	c->load.filter = keep;
	cm_notice_set_handler(fn, ctx);
	cli_quiet = quiet;
	return status;
}

/* Run the command: parse, load, compute, write. */
static int cmd_report(int argc, char **argv)
{
	struct report_args args = { 0 };
	struct cli_common common = { 0 };
	struct notices kept = { 0 };
	cm_report_options ro = { 0 };
	cm_network *net = NULL, *before = NULL, *after = NULL;
	cm_regions *regions = NULL;
	char date[80] = "", names[2][16];
	char *filters = NULL, *line = NULL;
	const char *input;
	int status, rc;

	status = cli_parse(&input, &common, "report", argc, argv, shortopts, longopts, report_option, &args);
	if (status != 0)
		goto done;
	if (!args.output) {
		status = cli_usage_error("report", _("no output file given (-o FILE)"));
		goto done;
	}
	if (args.n_at == 1 || (args.n_at == 2 && args.at[0] >= args.at[1])) {
		status = cli_usage_error("report", _("--at takes two years, the first before the second "
		                                     "(--at 2019 --at 2022)"));
		goto done;
	}
	if (args.n_at == 2 && !strcmp(input, "-")) {
		status = cli_usage_error("report", _("--at reads INPUT three times: give a file, not standard input"));
		goto done;
	}
	if ((status = report_date(date, sizeof(date), &args, input, &common)) != CLI_OK)
		goto done;
	if (filter_text(&filters, &line, argc, argv) < 0) {
		status = cli_fail(cm_error_set(CM_ENOMEM, _("out of memory")));
		goto done;
	}
	if (args.regions && (rc = cm_regions_load(&regions, args.regions)) < 0) {
		status = cli_fail(rc);
		goto done;
	}
	cm_notice_get_handler(&kept.fn, &kept.ctx);
	cm_notice_set_handler(keep_notice, &kept);
	status = cli_load(&net, input, &common);
	cm_notice_set_handler(kept.fn, kept.ctx);
	if (status != CLI_OK)
		goto done;
	if (args.n_at == 0 && strcmp(input, "-") && tie_years(net, &args.at[0], &args.at[1]))
		args.n_at = 2;
	if (args.n_at == 2) {
		if ((status = load_two(&before, &after, input, &common, args.at[0], args.at[1])) != CLI_OK)
			goto done;
		snprintf(names[0], sizeof(names[0]), "%d", args.at[0]);
		snprintf(names[1], sizeof(names[1]), "%d", args.at[1]);
		ro.before = before;
		ro.after = after;
		ro.before_name = names[0];
		ro.after_name = names[1];
	}
	ro.title = args.title;
	ro.lang = cm_i18n_lang();
	ro.date = *date ? date : NULL;
	ro.input = input;
	ro.load = &common.load;
	ro.regions_path = args.regions;
	ro.regions = regions;
	ro.command_line = line;
	ro.notices = (const char *const *)kept.list;
	ro.n_notices = kept.n;
	ro.filters = filters;
	ro.seed = common.have_seed ? common.seed : CM_DEFAULT_SEED;
	if ((rc = cm_report_write(net, args.output, &ro)) < 0)
		status = cli_fail(rc);
done:
	for (size_t i = 0; i < kept.n; i++)
		free(kept.list[i]);
	free(kept.list);
	free(filters);
	free(line);
	cm_regions_free(regions);
	cm_network_free(net);
	cm_network_free(before);
	cm_network_free(after);
	cli_common_free(&common);
	return status == CLI_STOP ? CLI_OK : status;
}
