/*
 * The coopmap command-line tool: a thin layer over the library.
 *
 * Adding a command
 * ================
 *
 * 1. Write src/cli/cmd_NAME.c; everything about the command is in it
 *    (cmd_isolated.c is a short model):
 *    - its options: `shortopts`, the getopt_long table `longopts` (its own
 *      options, then CLI_COMMON_OPTIONS when it reads a network) and a
 *      static handler for its own options (a cli_option_fn);
 *    - its entry, `const struct cli_command cli_cmd_NAME`, just below them:
 *      name, function, usage line, one-line summary and help text.  The
 *      help describes every option of shortopts and longopts, and ends with
 *      "\n" CLI_COMMON_HELP when longopts has CLI_COMMON_OPTIONS;
 *    - its function, `static int cmd_NAME(int argc, char **argv)` (declared
 *      above the entry; argv[0] is the command name).  It parses its options
 *      with cli_parse() (the shared ones are handled for it; CLI_STOP, after
 *      --help, becomes CLI_OK), loads its input with cli_load(), calls the
 *      library, and turns library failures into an exit status with
 *      cli_fail() (cli_output_status() for the final write to stdout).  It
 *      prints nothing but its result: errors go through cli_fail() and
 *      cli_usage_error(), notices through the library's notice handler.
 *
 * 2. In src/cli/commands.c, declare cli_cmd_NAME and add &cli_cmd_NAME to
 *    the command table: `coopmap help`, `coopmap NAME --help` and dispatch
 *    find the command there.
 *
 * 3. Add a case file tests/cli/cases/NN_NAME.sh (tests/cli/run.sh sources
 *    every case file, in name order) with its expected outputs in
 *    tests/cli/expected/.  05_help.sh already checks that the help names
 *    every option of shortopts, longopts and CLI_COMMON_OPTIONS.
 *
 * 4. Document the command in README.md (its usage line under "Commands").
 *
 * Exit statuses (documented in README.md and `coopmap help`):
 */
#ifndef COOPMAP_CLI_H
#define COOPMAP_CLI_H

#include <getopt.h>
#include <stdio.h>

#include "coopmap/coopmap.h"
#include "base/i18n.h"

#define CLI_OK 0          /* success */
#define CLI_EFAIL 1       /* internal failure */
#define CLI_EUSAGE 2      /* bad command line */
#define CLI_EINPUT 3      /* bad input data */
#define CLI_EIO 4         /* a file could not be read or written */
#define CLI_ENOMEM 5      /* out of memory */
#define CLI_EINTR 130     /* interrupted (SIGINT/SIGTERM) */

/* One command: its function and the text of `coopmap help` and `coopmap NAME --help`. */
struct cli_command {
	const char *name;
	int (*fn)(int argc, char **argv); /* argv[0] is the command name */
	const char *usage;   /* arguments after "coopmap NAME" */
	const char *summary; /* one line for `coopmap help` */
	const char *help;    /* option descriptions for `coopmap NAME --help`, or "" */
};

/* The command table (src/cli/commands.c), in `coopmap help` order, ended by NULL. */
extern const struct cli_command *const cli_command_table[];

/* The command called name, or NULL. */
const struct cli_command *cli_command_find(const char *name);

/* Set by --quiet: notices are not printed. */
extern int cli_quiet;

/* Options shared by every command that reads a network. */
struct cli_common {
	cm_load_options load;
	int quiet;
	char *where_storage;         /* owns the text of load.filter.where_* */
	const char **where_values;
	unsigned long seed;
	int have_seed;
	int digits;                  /* --digits (0: not given), already passed to cm_table_set_digits */
	const cm_regions *regions;   /* set before cli_load by commands with --regions: for the check hint */
	const char *regions_path;
};

/*
 * getopt_long entries of the shared options; each command appends them to
 * its own table.  Their values are >= CLI_OPT_BASE.
 */
#define CLI_OPT_BASE 1000
enum {
	CLI_OPT_NODES = CLI_OPT_BASE,
	CLI_OPT_DIRECTED,
	CLI_OPT_QUIET,
	CLI_OPT_YEAR,
	CLI_OPT_FROM,
	CLI_OPT_TO,
	CLI_OPT_WHERE,
	CLI_OPT_MIN_WEIGHT,
	CLI_OPT_EGO,
	CLI_OPT_DEPTH,
	CLI_OPT_FORMAT_IN,
	CLI_OPT_SEED,
	CLI_OPT_KEEP_UNDATED,
	CLI_OPT_COLUMNS,
	CLI_OPT_HELP,
	CLI_OPT_TWO_MODE,
	CLI_OPT_PROJECTION,
	CLI_OPT_MIN_SHARED,
	CLI_OPT_MAX_EVENT_SIZE,
	CLI_OPT_EVENTS,
	CLI_OPT_EVENT_TABLE
};
#define CLI_COMMON_OPTIONS \
	{ "nodes", required_argument, NULL, CLI_OPT_NODES }, \
	{ "directed", no_argument, NULL, CLI_OPT_DIRECTED }, \
	{ "quiet", no_argument, NULL, CLI_OPT_QUIET }, \
	{ "year", required_argument, NULL, CLI_OPT_YEAR }, \
	{ "from", required_argument, NULL, CLI_OPT_FROM }, \
	{ "to", required_argument, NULL, CLI_OPT_TO }, \
	{ "where", required_argument, NULL, CLI_OPT_WHERE }, \
	{ "min-weight", required_argument, NULL, CLI_OPT_MIN_WEIGHT }, \
	{ "ego", required_argument, NULL, CLI_OPT_EGO }, \
	{ "depth", required_argument, NULL, CLI_OPT_DEPTH }, \
	{ "input-format", required_argument, NULL, CLI_OPT_FORMAT_IN }, \
	{ "seed", required_argument, NULL, CLI_OPT_SEED }, \
	{ "keep-undated", no_argument, NULL, CLI_OPT_KEEP_UNDATED }, \
	{ "columns", required_argument, NULL, CLI_OPT_COLUMNS }, \
	{ "two-mode", no_argument, NULL, CLI_OPT_TWO_MODE }, \
	{ "projection", required_argument, NULL, CLI_OPT_PROJECTION }, \
	{ "min-shared", required_argument, NULL, CLI_OPT_MIN_SHARED }, \
	{ "max-event-size", required_argument, NULL, CLI_OPT_MAX_EVENT_SIZE }, \
	{ "events", no_argument, NULL, CLI_OPT_EVENTS }, \
	{ "event-table", required_argument, NULL, CLI_OPT_EVENT_TABLE }, \
	{ "help", no_argument, NULL, CLI_OPT_HELP }

/* Help text of the shared options: the end of the help of a command that takes them. */
#define CLI_COMMON_HELP \
	N_("Input and filters (every command):\n" \
	"  INPUT                 folder with edges.csv (and nodes.csv), .csv/.tsv/.txt edge list,\n" \
	"                        .graphml, .gml, .net (Pajek), .dot/.gv, or - for CSV on stdin\n" \
	"  --nodes FILE          actor table (id,label,type,region,...)\n" \
	"  --columns ROLE=COL,.. read CSV column COL as ROLE (source, target, weight, year, kind,\n" \
	"                        id, label, type, region, department, lat, lon, end); French and\n" \
	"                        English names are recognised without it (docs/input.md)\n" \
	"  --input-format F      csv, graphml, gml, gexf, pajek or dot (default: from the extension)\n" \
	"  --directed            keep tie direction (default: undirected)\n" \
	"  --year Y              ties active during year Y (started by Y, not ended before)\n" \
	"  --from Y, --to Y      ties active at some time from year Y / the network as it\n" \
	"                        stood at the end of year Y (docs/input.md, \"Dates\")\n" \
	"  --keep-undated        year filters keep undated ties, as present throughout\n" \
	"                        (default: left out, with a notice)\n" \
	"  --where ATTR=V1,V2    keep actors whose attribute is one of the values (case\n" \
	"                        and accents ignored: --where région=bretagne)\n" \
	"  --min-weight W        keep ties whose (merged) weight is at least W\n" \
	"  --ego ACTOR           keep ACTOR's neighbourhood, --depth N steps (default 1)\n" \
	"  --seed S              seed for communities, sampling and layouts (default 42)\n" \
	"  --quiet               do not print notices\n" \
	"  --lang L              messages in L: fr or en (default: from LC_ALL, LC_MESSAGES, LANG)\n" \
	"  --help                show this help\n" \
	"Two-mode data (who took part in which event; docs/twomode.md):\n" \
	"  --two-mode            read the CSV file as a participation table (actor,event,...);\n" \
	"                        a folder with participations.csv is read so without it\n" \
	"  --event-table FILE    event table (event,label,date,kind,region) for --two-mode\n" \
	"  --projection P        tie weight: count (shared events, default), newman or jaccard\n" \
	"  --min-shared N        keep ties of at least N shared events\n" \
	"  --max-event-size N    refuse events of more than N participants (default 500; 0: no limit)\n" \
	"  --events              project onto the events (tied by shared participants)\n")

/*
 * --digits N, for the commands that write numbers: each lists
 * { "digits", required_argument, NULL, CLI_OPT_DIGITS } in its longopts and
 * CLI_DIGITS_HELP in its help; cli_common_option() handles it.
 */
#define CLI_OPT_DIGITS (CLI_OPT_BASE + 100)
#define CLI_DIGITS_HELP \
	N_("  --digits N            significant digits of real numbers, from 1 to 17 (default 12);\n" \
	"                        whole numbers are always written in full\n")

/*
 * What cli_common_option() and cli_parse() return once --help has printed
 * the command's help: the command stops there and returns CLI_OK.
 */
#define CLI_STOP (-2)

/* What cli_common_option() returns for an option that is not a shared one. */
#define CLI_NOT_COMMON (-1)

/*
 * Handle a shared option.  Returns 0 when handled, CLI_EUSAGE (after
 * printing why) for a bad value, CLI_STOP after printing the command's help
 * for --help, and CLI_NOT_COMMON when opt is not a shared option.
 */
int cli_common_option(struct cli_common *c, const char *cmd, int opt, const char *arg);

/* Free what the shared options allocated. */
void cli_common_free(struct cli_common *c);

/*
 * Check that exactly one INPUT remains after option parsing and return it;
 * prints a usage error and returns NULL otherwise.
 */
const char *cli_input(const char *cmd, int argc, char **argv);

/* Load INPUT with the shared options; prints the error and returns an exit status. */
int cli_load(cm_network **out, const char *input, struct cli_common *c);

/*
 * A command's own option handler: returns 0, or an exit status after
 * printing why (cli_usage_error).
 */
typedef int (*cli_option_fn)(void *ctx, int opt, const char *arg);

/*
 * Parse a command line with getopt_long: the command's own options go to
 * fn, the shared ones (CLI_COMMON_OPTIONS) to c; then exactly one INPUT must
 * remain, returned in *input.  Returns 0, CLI_STOP, or an exit status.
 */
int cli_parse(const char **input, struct cli_common *c, const char *cmd, int argc, char **argv,
              const char *shortopts, const struct option *longopts,
              cli_option_fn fn, void *ctx);

/*
 * cli_parse() for a command that takes one to max_inputs INPUTs (coopmap
 * diff BEFORE AFTER): they are stored in inputs[0..*n_inputs - 1].
 * Returns 0, CLI_STOP, or an exit status.
 */
int cli_parse_inputs(const char **inputs, int *n_inputs, int max_inputs, struct cli_common *c,
                     const char *cmd, int argc, char **argv, const char *shortopts,
                     const struct option *longopts, cli_option_fn fn, void *ctx);

/* Parse --format's value; returns 0 or CLI_EUSAGE after printing why. */
int cli_parse_format(cm_format *out, const char *cmd, const char *arg);

/*
 * Turn the result of writing to stdout into an exit status: 0 is CLI_OK, a
 * closed pipe (EPIPE) ends quietly with CLI_OK, anything else goes to cli_fail().
 */
int cli_output_status(int rc);

/*
 * Map a library return code to an exit status: CM_OK is CLI_OK; otherwise
 * print "coopmap: MESSAGE" (the recorded error, or "interrupted").
 */
int cli_fail(int code);

/* Print "coopmap: MESSAGE" and the command's usage line to stderr; returns CLI_EUSAGE. */
int cli_usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Print a command's usage and help to f, or with cmd NULL (or unknown) coopmap's help. */
void cli_print_help(FILE *f, const char *cmd);

/*
 * Parse a whole number from min to max given to option opt; prints a usage
 * error and returns LONG_MIN when arg is not one.
 */
long cli_parse_long(const char *cmd, const char *opt, const char *arg, long min, long max);

/*
 * Resolve an actor attribute named on the command line (option opt) the
 * way --where does: as written, equal once case and accents are folded, or
 * a column synonym ("région", "catégorie").  *name is replaced by the
 * network's attribute name, owned by *storage (free it).  An attribute the
 * actors lack is a usage error with the closest name: returns CLI_EUSAGE
 * after printing it, else CLI_OK.  NULL and "none" are left alone.
 */
int cli_resolve_attr(const char **name, char **storage, const cm_network *net, const char *cmd,
                     const char *opt);

/*
 * Flush stdout before exiting: returns status, or CLI_EIO (after printing
 * why) when status is CLI_OK and the write failed otherwise than with EPIPE.
 */
int cli_finish_stdout(int status);

#endif
