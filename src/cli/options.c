/* Options shared by every command, help, loading, and error reporting for the CLI. */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "model/columns.h"
#include "base/i18n.h"

/*
 * Print a help text translated piece by piece: the command's own text and
 * the shared pieces (CLI_DIGITS_HELP, CLI_COMMON_HELP) are separate
 * messages in the catalogue, so the help is split where a shared piece
 * starts or ends; a piece's closing blank line is not part of its message.
 */
static void print_help_text(FILE *f, const char *help)
{
	static const char *const shared[] = { CLI_DIGITS_HELP, CLI_COMMON_HELP };
	char *piece;

	while (*help) {
		size_t len = strlen(help), skip = 0;

		for (size_t i = 0; i < sizeof(shared) / sizeof(*shared); i++) {
			const char *at = strstr(help, shared[i]);

			if (at == help) {
				len = strlen(shared[i]);
				break;
			}
			if (at && (size_t)(at - help) < len)
				len = (size_t)(at - help);
		}
		if (len >= 2 && help[len - 1] == '\n' && help[len - 2] == '\n')
			skip = 1;
		if (len - skip == 1 && help[0] == '\n') {
			fputc('\n', f);
		} else if ((piece = strndup(help, len - skip))) {
			fputs(_(piece), f);
			free(piece);
			if (skip)
				fputc('\n', f);
		}
		help += len;
	}
}

void cli_print_help(FILE *f, const char *name)
{
	const struct cli_command *c = name ? cli_command_find(name) : NULL;

	if (!c) {
		fputs(_("usage: coopmap COMMAND [OPTIONS] INPUT\n\n"
		        "Map and analyse cooperation networks.\n\nCommands:\n"), f);
		for (const struct cli_command *const *t = cli_command_table; *t; t++)
			fprintf(f, "  %-10s %s\n", (*t)->name, _((*t)->summary));
		fputs(_("\nRun 'coopmap COMMAND --help' for a command's options.\n"
		        "Every command takes --lang fr|en (messages in French or English).\n\n"
		        "Exit status: 0 success, 1 internal failure (check: problems listed),\n"
		        "2 bad command line, 3 bad input data, 4 file not readable or writable,\n"
		        "5 out of memory, 130 interrupted.\n"), f);
		return;
	}
	fprintf(f, _("usage: coopmap %s %s\n\n%s\n"), c->name, c->usage, _(c->summary));
	if (c->help[0]) {
		fputs(_("\nOptions:\n"), f);
		print_help_text(f, c->help);
	}
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
	const struct cli_command *c = cmd ? cli_command_find(cmd) : NULL;
	va_list ap;

	fputs("coopmap: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	if (c)
		fprintf(stderr, _("usage: coopmap %s %s\n"), c->name, c->usage);
	return CLI_EUSAGE;
}

long cli_parse_long(const char *cmd, const char *opt, const char *arg, long min, long max)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(arg, &end, 10);
	if (errno || end == arg || *end || v < min || v > max) {
		/* the range in words: nobody reads 9223372036854775807 */
		if (max == LONG_MAX && min == 1)
			cli_usage_error(cmd, _("%s '%s' is not a whole number of 1 or more"), opt, arg);
		else if (max == LONG_MAX)
			cli_usage_error(cmd, _("%s '%s' is not a whole number of %ld or more"), opt, arg, min);
		else if (max == INT_MAX)
			cli_usage_error(cmd, _("%s '%s' is not a whole number of %ld or more (up to %d)"), opt, arg,
			                min, INT_MAX);
		else
			cli_usage_error(cmd, _("%s '%s' is not a whole number from %ld to %ld"), opt, arg, min, max);
		return LONG_MIN;
	}
	return v;
}

/* Parse a year option value into *out. */
static int parse_year(const char *cmd, const char *opt, const char *arg, int *out)
{
	long v = cli_parse_long(cmd, opt, arg, -9999, 9999);

	if (v == LONG_MIN)
		return CLI_EUSAGE;
	*out = (int)v;
	return 0;
}

/* Split "ATTR=V1,V2" into the filter's attribute and values. */
static int parse_where(struct cli_common *c, const char *cmd, const char *arg)
{
	char *eq, *p;
	size_t n = 1;

	free(c->where_storage);
	free(c->where_values);
	c->where_values = NULL;
	c->where_storage = strdup(arg);
	if (!c->where_storage)
		return cli_usage_error(cmd, _("out of memory"));
	eq = strchr(c->where_storage, '=');
	if (!eq || eq == c->where_storage)
		return cli_usage_error(cmd, _("--where '%s' is not of the form ATTR=VALUE[,VALUE...]"), arg);
	*eq = '\0';
	for (p = eq + 1; *p; p++)
		n += *p == ',';
	c->where_values = calloc(n, sizeof(*c->where_values));
	if (!c->where_values)
		return cli_usage_error(cmd, _("out of memory"));
	n = 0;
	for (p = eq + 1;;) {
		char *comma = strchr(p, ',');

		c->where_values[n++] = p;
		if (!comma)
			break;
		*comma = '\0';
		p = comma + 1;
	}
	for (char *q = c->where_storage; *q; q++)
		if (*q >= 'A' && *q <= 'Z')
			*q = (char)(*q - 'A' + 'a');
	c->load.filter.where_attr = c->where_storage;
	c->load.filter.where_values = c->where_values;
	c->load.filter.n_where_values = n;
	return 0;
}

int cli_common_option(struct cli_common *c, const char *cmd, int opt, const char *arg)
{
	long v;
	double w;

	switch (opt) {
	case CLI_OPT_NODES:
		c->load.nodes_path = arg;
		return 0;
	case CLI_OPT_DIRECTED:
		c->load.directed = 1;
		return 0;
	case CLI_OPT_QUIET:
		c->quiet = 1;
		cli_quiet = 1;
		return 0;
	case CLI_OPT_YEAR:
		if (parse_year(cmd, "--year", arg, &c->load.filter.from))
			return CLI_EUSAGE;
		c->load.filter.to = c->load.filter.from;
		c->load.filter.has_from = c->load.filter.has_to = 1;
		return 0;
	case CLI_OPT_FROM:
		c->load.filter.has_from = 1;
		return parse_year(cmd, "--from", arg, &c->load.filter.from);
	case CLI_OPT_TO:
		c->load.filter.has_to = 1;
		return parse_year(cmd, "--to", arg, &c->load.filter.to);
	case CLI_OPT_WHERE:
		return parse_where(c, cmd, arg);
	case CLI_OPT_MIN_WEIGHT:
		if (cm_parse_number(&w, arg, 0) < 0 || w < 0)
			return cli_usage_error(cmd, _("--min-weight '%s' is not a non-negative number"), arg);
		c->load.filter.min_weight = w;
		return 0;
	case CLI_OPT_EGO:
		c->load.filter.ego = arg;
		if (c->load.filter.depth == 0)
			c->load.filter.depth = 1;
		return 0;
	case CLI_OPT_DEPTH:
		v = cli_parse_long(cmd, "--depth", arg, 0, 1000000);
		if (v == LONG_MIN)
			return CLI_EUSAGE;
		c->load.filter.depth = (int)v;
		return 0;
	case CLI_OPT_FORMAT_IN:
		if (!strcmp(arg, "csv"))
			c->load.format = CM_INPUT_CSV;
		else if (!strcmp(arg, "graphml"))
			c->load.format = CM_INPUT_GRAPHML;
		else if (!strcmp(arg, "gml"))
			c->load.format = CM_INPUT_GML;
		else if (!strcmp(arg, "pajek") || !strcmp(arg, "net"))
			c->load.format = CM_INPUT_PAJEK;
		else if (!strcmp(arg, "dot") || !strcmp(arg, "gv"))
			c->load.format = CM_INPUT_DOT;
		else if (!strcmp(arg, "gexf"))
			c->load.format = CM_INPUT_GEXF;
		else
			return cli_usage_error(cmd, _("unknown input format '%s' (use csv, graphml, gml, gexf, pajek or dot)"), arg);
		return 0;
	case CLI_OPT_KEEP_UNDATED:
		c->load.filter.keep_undated = 1;
		return 0;
	case CLI_OPT_SEED:
		v = cli_parse_long(cmd, "--seed", arg, 0, LONG_MAX);
		if (v == LONG_MIN)
			return CLI_EUSAGE;
		c->seed = (unsigned long)v;
		c->have_seed = 1;
		return 0;
	case CLI_OPT_COLUMNS:
		c->load.columns = arg;
		return 0;
	case CLI_OPT_TWO_MODE:
		c->load.two_mode = 1;
		return 0;
	case CLI_OPT_EVENT_TABLE:
		c->load.events_path = arg;
		return 0;
	case CLI_OPT_PROJECTION:
		if (!strcmp(arg, "count"))
			c->load.filter.projection = CM_PROJECT_COUNT;
		else if (!strcmp(arg, "newman"))
			c->load.filter.projection = CM_PROJECT_NEWMAN;
		else if (!strcmp(arg, "jaccard"))
			c->load.filter.projection = CM_PROJECT_JACCARD;
		else
			return cli_usage_error(cmd, _("unknown projection '%s' (use count, newman or jaccard)"), arg);
		return 0;
	case CLI_OPT_MIN_SHARED:
		v = cli_parse_long(cmd, "--min-shared", arg, 1, INT_MAX);
		if (v == LONG_MIN)
			return CLI_EUSAGE;
		c->load.filter.min_shared = (int)v;
		return 0;
	case CLI_OPT_MAX_EVENT_SIZE:
		v = cli_parse_long(cmd, "--max-event-size", arg, 0, INT_MAX);
		if (v == LONG_MIN)
			return CLI_EUSAGE;
		c->load.filter.max_event_size = v ? (int)v : -1;
		return 0;
	case CLI_OPT_EVENTS:
		c->load.filter.project_events = 1;
		return 0;
	case CLI_OPT_HELP:
		cli_print_help(stdout, cmd);
		return CLI_STOP;
	case CLI_OPT_DIGITS:
		v = cli_parse_long(cmd, "--digits", arg, 1, 17);
		if (v == LONG_MIN)
			return CLI_EUSAGE;
		c->digits = (int)v;
		(void)cm_table_set_digits(c->digits); /* cannot fail from 1 to 17 */
		return 0;
	default:
		return CLI_NOT_COMMON;
	}
}

void cli_common_free(struct cli_common *c)
{
	free(c->where_storage);
	free(c->where_values);
	c->where_storage = NULL;
	c->where_values = NULL;
}

const char *cli_input(const char *cmd, int argc, char **argv)
{
	if (optind >= argc) {
		cli_usage_error(cmd, _("no INPUT given"));
		return NULL;
	}
	if (optind + 1 < argc) {
		cli_usage_error(cmd, _("unexpected argument '%s'"), argv[optind + 1]);
		return NULL;
	}
	return argv[optind];
}

/* shortopts with a leading ':' (getopt then tells a missing value from an unknown option). */
static const char *shortopts_colon(const char *shortopts)
{
	static char buf[128];

	snprintf(buf, sizeof(buf), ":%s", shortopts);
	return buf;
}

/* An unknown option, or one without its value: say which, with the closest option. */
static int option_error(const char *cmd, int opt, const char *arg, const struct option *longopts)
{
	const char *names[256];
	char given[128];
	size_t n = 0, len;
	long k;

	if (opt == ':')
		return cli_usage_error(cmd, _("option '%s' needs a value (see 'coopmap %s --help')"),
		                       arg ? arg : "?", cmd);
	if (!arg || strncmp(arg, "--", 2)) {
		if (optopt)
			return cli_usage_error(cmd, _("unknown option '-%c' (see 'coopmap %s --help')"), optopt, cmd);
		return cli_usage_error(cmd, _("unknown option '%s' (see 'coopmap %s --help')"), arg ? arg : "?", cmd);
	}
	len = strcspn(arg + 2, "=");
	snprintf(given, sizeof(given), "%.*s", (int)(len < 100 ? len : 100), arg + 2);
	for (const struct option *o = longopts; o->name && n < 256; o++)
		names[n++] = o->name;
	k = cm_name_closest(given, names, n);
	if (k >= 0)
		return cli_usage_error(cmd, _("unknown option '--%s': did you mean '--%s'?"), given, names[k]);
	return cli_usage_error(cmd, _("unknown option '--%s' (see 'coopmap %s --help')"), given, cmd);
}

/* The options of a command line, up to its first argument: shared ones to c, the command's to fn. */
static int parse_options(struct cli_common *c, const char *cmd, int argc, char **argv,
                         const char *shortopts, const struct option *longopts, cli_option_fn fn,
                         void *ctx)
{
	int opt, rc;

	opterr = 0; /* getopt's messages would start with the command's name, not "coopmap:" */
	while ((opt = getopt_long(argc, argv, shortopts[0] == ':' ? shortopts : shortopts_colon(shortopts),
	                          longopts, NULL)) != -1) {
		if (opt == '?' || opt == ':')
			return option_error(cmd, opt, argv[optind - 1], longopts);
		rc = cli_common_option(c, cmd, opt, optarg);
		if (rc == CLI_NOT_COMMON)
			rc = fn ? fn(ctx, opt, optarg) : cli_usage_error(cmd, _("unexpected option"));
		if (rc != 0)
			return rc;
	}
	return 0;
}

int cli_parse(const char **input, struct cli_common *c, const char *cmd, int argc, char **argv,
              const char *shortopts, const struct option *longopts,
              cli_option_fn fn, void *ctx)
{
	int rc;

	*input = NULL;
	if ((rc = parse_options(c, cmd, argc, argv, shortopts, longopts, fn, ctx)) != 0)
		return rc;
	if (!(*input = cli_input(cmd, argc, argv)))
		return CLI_EUSAGE;
	return 0;
}

int cli_parse_inputs(const char **inputs, int *n_inputs, int max_inputs, struct cli_common *c,
                     const char *cmd, int argc, char **argv, const char *shortopts,
                     const struct option *longopts, cli_option_fn fn, void *ctx)
{
	int rc;

	*n_inputs = 0;
	if ((rc = parse_options(c, cmd, argc, argv, shortopts, longopts, fn, ctx)) != 0)
		return rc;
	if (optind >= argc)
		return cli_usage_error(cmd, _("no INPUT given"));
	if (argc - optind > max_inputs)
		return cli_usage_error(cmd, _("unexpected argument '%s'"), argv[optind + max_inputs]);
	while (optind < argc)
		inputs[(*n_inputs)++] = argv[optind++];
	return 0;
}

int cli_parse_format(cm_format *out, const char *cmd, const char *arg)
{
	if (cm_format_parse(out, arg) < 0) {
		cli_usage_error(cmd, "%s", cm_error_message());
		cm_error_clear();
		return CLI_EUSAGE;
	}
	/* reasons and headers in the user's language for the table only: machine formats stay English */
	cm_i18n_set_results(*out == CM_FORMAT_TABLE);
	return 0;
}

int cli_output_status(int rc)
{
	if (rc == CM_EIO && errno == EPIPE)
		return CLI_OK;
	return cli_fail(rc);
}

int cli_fail(int code)
{
	const char *msg = cm_error_message();

	if (code == CM_OK)
		return CLI_OK;
	if (code == CM_EINTERRUPTED || cm_interrupted()) {
		fputs(_("coopmap: interrupted\n"), stderr);
		return CLI_EINTR;
	}
	fprintf(stderr, "coopmap: %s\n", msg[0] ? msg : _("unknown error"));
	switch (code) {
	case CM_EUSAGE:
		return CLI_EUSAGE;
	case CM_EINPUT:
		return CLI_EINPUT;
	case CM_EIO:
		return CLI_EIO;
	case CM_ENOMEM:
		return CLI_ENOMEM;
	default:
		return CLI_EFAIL;
	}
}

int cli_load(cm_network **out, const char *input, struct cli_common *c)
{
	int rc = cm_network_load(out, input, &c->load);

	if (rc < 0)
		return cli_fail(rc);
	/* regions the adjacency file lacks are a problem check lists too (clubs, suggest: --regions) */
	if ((cm_load_found_problems() || (c->regions && cm_regions_lack_any(c->regions, *out))) && !cli_quiet)
		fprintf(stderr, _("coopmap: hint: 'coopmap check %s%s%s%s%s' lists these with their lines\n"), input,
		        c->load.nodes_path ? " --nodes " : "", c->load.nodes_path ? c->load.nodes_path : "",
		        c->regions ? " --regions " : "", c->regions ? c->regions_path : "");
	return CLI_OK;
}

int cli_resolve_attr(const char **name, char **storage, const cm_network *net, const char *cmd,
                     const char *opt)
{
	char *list = NULL, *closest = NULL;
	int rc;

	*storage = NULL;
	if (!*name || !strcmp(*name, "none"))
		return CLI_OK;
	if ((rc = cm_attr_resolve(storage, &net->graph, *name)) < 0)
		return cli_fail(rc);
	if (*storage) {
		*name = *storage;
		return CLI_OK;
	}
	if ((rc = cm_attr_suggest(&list, &closest, &net->graph, *name)) < 0)
		return cli_fail(rc);
	cli_usage_error(cmd, _("%s: no actor has attribute '%s'%s%s%s (attributes: %s)"), opt, *name,
	                closest ? _(": did you mean '") : "", closest ? closest : "", closest ? _("'?") : "", list);
	free(list);
	free(closest);
	return CLI_EUSAGE;
}

int cli_finish_stdout(int status)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		if (errno == EPIPE)
			return status;
		if (status == CLI_OK) {
			fprintf(stderr, _("coopmap: cannot write to standard output: %s\n"), strerror(errno));
			return CLI_EIO;
		}
	}
	return status;
}
