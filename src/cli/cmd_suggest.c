/* coopmap suggest: whom each isolated actor could meet, and why. */
#include <limits.h>
#include <stdlib.h>

#include "cli.h"

struct suggest_args {
	cm_format format;
	cm_suggest_options o;
	const char **actors;
	size_t n_actors;
	const char *regions_path;
};

/* The options: the help of the entry below describes each (tests/cli/cases/05_help.sh checks). */
static const char shortopts[] = "f:";
static const struct option longopts[] = {
	{ "actor", required_argument, NULL, 'a' },
	{ "type", required_argument, NULL, 't' },
	{ "level", required_argument, NULL, 'l' },
	{ "top", required_argument, NULL, 'k' },
	{ "regions", required_argument, NULL, 'r' },
	{ "min-size", required_argument, NULL, 'm' },
	{ "format", required_argument, NULL, 'f' },
	CLI_COMMON_OPTIONS,
	{ NULL, 0, NULL, 0 }
};

static int cmd_suggest(int argc, char **argv);

const struct cli_command cli_cmd_suggest = {
	.name = "suggest",
	.fn = cmd_suggest,
	.usage = "INPUT [--actor ID ...] [--type T] [--level L] [--top K] [--regions FILE]\n"
	         "                [--format table|csv|tsv|json]",
	.summary = "whom each isolated actor could meet, with the reasons, most isolated first",
	.help =
		"  --actor ID            suggest for this actor (repeat for several; default: every\n"
		"                        actor of the focus type whose isolation level is >= --level)\n"
		"  --type T              focus actor type (default cite)\n"
		"  --level L             lowest isolation level of the default actors, 0 to 3 (default 1;\n"
		"                        levels as in `coopmap isolated`)\n"
		"  --top K               suggestions per actor (default 5)\n"
		"  --regions FILE        region adjacency (region,neighbour), e.g. graphs/regions-fr.csv:\n"
		"                        adds peers of neighbouring regions and of the same proposed club\n"
		"  --min-size N          critical mass for isolation levels and clubs (default 10)\n"
		"  -f, --format F        table (default), csv, tsv or json\n"
		"\n"
		"Score (docs/analysis.md): common partners (resource allocation + Adamic-Adar),\n"
		"+1 peer in the same region, +0.5 in a neighbouring region, +0.25 in the same club,\n"
		"+1.25 the region's resource centre (crpv), +0.25 would join the main network,\n"
		"+0.5 would bring a peer within two steps.  Equal scores: by candidate id.\n"
		"\n" CLI_COMMON_HELP
};

/* suggest's own options. */
static int suggest_option(void *ctx, int opt, const char *arg)
{
	struct suggest_args *a = ctx;
	long v;

	switch (opt) {
	case 'f':
		return cli_parse_format(&a->format, "suggest", arg);
	case 'a': {
		const char **grown = realloc(a->actors, (a->n_actors + 1) * sizeof(*grown));

		if (!grown)
			return cli_fail(cm_error_set(CM_ENOMEM, "out of memory"));
		a->actors = grown;
		a->actors[a->n_actors++] = arg;
		return 0;
	}
	case 't':
		a->o.type = arg;
		return 0;
	case 'r':
		a->regions_path = arg;
		return 0;
	case 'l':
		v = cli_parse_long("suggest", "--level", arg, 0, 3);
		a->o.level = (int)v;
		return v == LONG_MIN ? CLI_EUSAGE : 0;
	case 'k':
		v = cli_parse_long("suggest", "--top", arg, 1, INT_MAX);
		a->o.top = (int)v;
		return v == LONG_MIN ? CLI_EUSAGE : 0;
	case 'm':
		v = cli_parse_long("suggest", "--min-size", arg, 1, INT_MAX);
		a->o.min_size = (int)v;
		return v == LONG_MIN ? CLI_EUSAGE : 0;
	default:
		return cli_usage_error("suggest", "unexpected option");
	}
}

/* Run the command: parse, load, compute, write. */
static int cmd_suggest(int argc, char **argv)
{
	struct suggest_args args = { CM_FORMAT_TABLE };
	struct cli_common common = { 0 };
	cm_network *net = NULL;
	cm_regions *regions = NULL;
	cm_table *table = NULL;
	const char *input;
	int status, rc;

	cm_suggest_options_default(&args.o);
	status = cli_parse(&input, &common, "suggest", argc, argv, shortopts, longopts, suggest_option, &args);
	if (status != 0)
		goto done;
	if (args.regions_path && (rc = cm_regions_load(&regions, args.regions_path)) < 0) {
		status = cli_fail(rc);
		goto done;
	}
	if ((status = cli_load(&net, input, &common)) != CLI_OK)
		goto done;
	args.o.actors = args.actors;
	args.o.n_actors = args.n_actors;
	args.o.regions = regions;
	rc = cm_suggest_compute(&table, net, &args.o);
	if (rc < 0) {
		status = cli_fail(rc);
		goto done;
	}
	status = cli_output_status(cm_table_write(stdout, table, args.format, 0));
done:
	cm_table_free(table);
	cm_regions_free(regions);
	cm_network_free(net);
	cli_common_free(&common);
	free(args.actors);
	return status == CLI_STOP ? CLI_OK : status;
}
