/* coopmap's entry point: start-up, the command table and dispatch. */
#include <dlfcn.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <igraph.h>

#include "cli.h"

const struct cli_command cli_commands[] = {
	{ "summary", cmd_summary, "INPUT [--format table|json|csv|tsv]",
	  "whole-network figures: size, density, components, paths, communities",
	  "  --format F            table (default), json, csv or tsv (key,value rows)\n" },
	{ "metrics", cmd_metrics,
	  "INPUT [--metrics LIST|all] [--format table|csv|tsv|json] [--sort COLUMN] [--top N]\n"
	  "        [--weighted] [--exact] [--betweenness-samples K]",
	  "one row per actor: degree, betweenness, pagerank, constraint, community...",
	  "  --metrics LIST        comma-separated measures, or all (default)\n"
	  "  --format F            table (default), csv, tsv or json\n"
	  "  --sort COLUMN         sort by a column (measures descending)\n"
	  "  --top N               print the first N rows only\n"
	  "  --weighted            path measures use distance = 1/weight\n"
	  "  --exact               never sample path measures\n"
	  "  --betweenness-samples K  sample K source actors for path measures\n" },
	{ "isolated", cmd_isolated, "INPUT [--type T] [--min-size N] [--format table|csv|tsv|json]",
	  "actors of a type (cités by default) cut off from their peers, most isolated first",
	  "  --type T              focus actor type (default cite)\n"
	  "  --min-size N          critical mass of a region (default 10)\n"
	  "  --format F            table (default), csv, tsv or json\n" },
	{ "clubs", cmd_clubs, "INPUT --regions FILE [--min-size N] [--type T] [--format table|csv|tsv|json]",
	  "propose interregional clubs of sparse regions (like the Club de l'Ouest)",
	  "  --regions FILE        region adjacency (region,neighbour), e.g. graphs/regions-fr.csv\n"
	  "  --min-size N          critical mass of a club (default 10)\n"
	  "  --type T              focus actor type (default cite)\n"
	  "  --format F            table (default), csv, tsv or json\n" },
	{ "brokers", cmd_brokers, "INPUT [--group ATTR] [--format table|csv|tsv|json]",
	  "who brokers between groups: Gould-Fernandez roles, constraint, E-I index",
	  "  --group ATTR          actor attribute defining groups (default region)\n"
	  "  --format F            table (default), csv, tsv or json\n" },
	{ "render", cmd_render,
	  "INPUT -o FILE [-T svg|png|pdf|dot] [--layout auto|fr|sfdp|fdp|neato|dot|circo|geo] [--title TEXT]\n"
	  "        [--labels auto|all|none|top:N] [--no-legend] [--color-by ATTR] [--shape-by ATTR]\n"
	  "        [--size-by MEASURE] [--cluster-by ATTR] [--highlight isolated,brokers[:N],clubs|none]\n"
	  "        [--focus-type TYPE] [--regions FILE] [--centres FILE] [--time-limit SECONDS]",
	  "draw a network map with Graphviz (SVG, PNG, PDF or DOT)",
	  "  -o, --output FILE     output file (- for standard output, with -T)\n"
	  "  -T, --type FORMAT     svg, png, pdf or dot (default: from the extension)\n"
	  "  --layout L            auto (default: fr at any size); fr (igraph's\n"
	  "                        Fruchterman-Reingold, region by region: the same map every\n"
	  "                        run), sfdp, fdp, neato, dot, circo, or geo (regions placed on\n"
	  "                        the map of France)\n"
	  "  --title TEXT          title above the map (default: the input's name)\n"
	  "  --labels L            auto (all up to 60 actors, else the top 30), all, none, or\n"
	  "                        top:N (the N largest actors)\n"
	  "  --no-legend           leave out the legend (title and counts stay)\n"
	  "  --color-by ATTR       actor attribute giving colours (default type)\n"
	  "  --shape-by ATTR       actor attribute giving shapes (default type; none)\n"
	  "  --size-by MEASURE     pagerank (default), degree, strength or none\n"
	  "  --cluster-by ATTR     draw groups as boxes (fr, fdp and dot layouts; default region\n"
	  "                        up to 200 actors; none to turn off)\n"
	  "  --highlight LIST      isolated, brokers, brokers:N, clubs (comma-separated) or none\n"
	  "                        (default isolated when some actor has the focus type)\n"
	  "  --focus-type TYPE     actor type of isolated and clubs (default cite)\n"
	  "  --regions FILE        region adjacency for clubs, e.g. graphs/regions-fr.csv\n"
	  "  --centres FILE        region centres (region,lat,lon) for --layout geo\n"
	  "                        (default: built-in graphs/regions-fr-centres.csv)\n"
	  "  --time-limit S        seconds the drawing may take (default 300; 0: no limit)\n" },
	{ "convert", cmd_convert, "INPUT -o FILE [-T graphml|gml|dot|csv]",
	  "write the network as GraphML, GML, DOT or a CSV folder (nodes.csv, edges.csv)",
	  "  -o, --output FILE     .graphml, .gml, .dot/.gv, or a folder for CSV (a name without\n"
	  "                        extension or ending in /); - for standard output, with -T\n"
	  "  -T, --type FORMAT     graphml, gml, dot or csv (default: from the name)\n" },
	{ "help", cmd_help, "[COMMAND]", "show help for coopmap or one command", "" },
	{ "version", cmd_version, "", "print coopmap's version", "" },
	{ NULL, NULL, NULL, NULL, NULL }
};

/* Notices go to stderr, prefixed like errors, unless --quiet. */
static void print_notice(void *ctx, const char *message)
{
	const int *quiet = ctx;

	if (!*quiet)
		fprintf(stderr, "coopmap: %s\n", message);
}

/* SIGINT/SIGTERM: remove temporary outputs, then ask computations to stop. */
static void on_signal(int sig)
{
	static volatile sig_atomic_t second;

	cm_output_abort_all_signal_safe();
	if (second) {
		signal(sig, SIG_DFL);
		raise(sig);
	}
	second = 1;
	cm_interrupt();
}

/*
 * igraph runs PageRank (PRPACK) in OpenMP threads, and libgomp ends the
 * process with exit 1 ("Thread creation failed") when it cannot start one,
 * e.g. under a low address-space limit.  One thread, unless the user chose a
 * number with OMP_NUM_THREADS: libgomp read the environment before main, so
 * the limit is set through its API, looked up so that coopmap still links
 * against an igraph built without OpenMP.
 */
static void limit_openmp_threads(void)
{
	void (*set_num_threads)(int);

	if (getenv("OMP_NUM_THREADS"))
		return;
	*(void **)&set_num_threads = dlsym(RTLD_DEFAULT, "omp_set_num_threads");
	if (set_num_threads)
		set_num_threads(1);
}

int cli_quiet;

int main(int argc, char **argv)
{
	const struct cli_command *cmd;
	struct sigaction sa;
	int status;

	igraph_set_attribute_table(&igraph_cattribute_table);
	limit_openmp_threads();
	cm_init();
	cm_notice_set_handler(print_notice, &cli_quiet);

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	/* over a file size limit, write() fails with EFBIG and the output is cleaned up */
	signal(SIGXFSZ, SIG_IGN);

	if (argc < 2) {
		cli_print_help(stderr, NULL);
		return CLI_EUSAGE;
	}
	if (!strcmp(argv[1], "--version") || !strcmp(argv[1], "-V"))
		return cmd_version(argc - 1, argv + 1);
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))
		return cmd_help(argc - 1, argv + 1);

	for (cmd = cli_commands; cmd->name; cmd++)
		if (!strcmp(cmd->name, argv[1]))
			break;
	if (!cmd->name) {
		fprintf(stderr, "coopmap: '%s' is not a coopmap command (see 'coopmap help')\n", argv[1]);
		return CLI_EUSAGE;
	}
	optind = 1;
	status = cmd->fn(argc - 1, argv + 1);
	status = cli_finish_stdout(status);
	cm_shutdown();
	if (cm_interrupted() && status != CLI_OK)
		status = CLI_EINTR;
	return status;
}
