/*
 * The coopmap command-line tool: a thin layer over the library.
 *
 * Adding a command
 * ================
 *
 * 1. Write src/cli/cmd_NAME.c exporting one entry,
 *    `int cmd_NAME(int argc, char **argv)` (argv[0] is the command name).
 *    It parses its options with cli_parse() (its own options go to a static
 *    handler, the shared ones are handled for it), loads its input with
 *    cli_load(), calls the library, and turns library failures into an exit
 *    status with cli_fail() (cli_output_status() for the final write to
 *    stdout).  It prints nothing but its result: errors go through
 *    cli_fail(), notices through the library's notice handler.
 *    cmd_isolated.c is a short model.
 *
 * 2. Declare it below and add a line to the command table in
 *    src/cli/main.c: { "NAME", cmd_NAME, "usage", "one-line summary" }.
 *    `coopmap help` and `coopmap NAME --help` print from that table.
 *
 * 3. Add build/src/cli/cmd_NAME.o to CLI_OBJS in the Makefile.
 *
 * 4. Add end-to-end cases to tests/cli/run.sh with their expected files in
 *    tests/cli/expected/, and document the command in README.md.
 *
 * Exit statuses (documented in README.md and `coopmap help`):
 */
#ifndef COOPMAP_CLI_H
#define COOPMAP_CLI_H

#include <getopt.h>
#include <stdio.h>

#include "coopmap/coopmap.h"

#define CLI_OK 0          /* success */
#define CLI_EFAIL 1       /* internal failure */
#define CLI_EUSAGE 2      /* bad command line */
#define CLI_EINPUT 3      /* bad input data */
#define CLI_EIO 4         /* a file could not be read or written */
#define CLI_ENOMEM 5      /* out of memory */
#define CLI_EINTR 130     /* interrupted (SIGINT/SIGTERM) */

/* One command of the dispatch table. */
struct cli_command {
	const char *name;
	int (*fn)(int argc, char **argv);
	const char *usage;   /* arguments after "coopmap NAME" */
	const char *summary; /* one line for `coopmap help` */
	const char *help;    /* option descriptions for `coopmap NAME --help` */
};

/* Set by --quiet: notices are not printed. */
extern int cli_quiet;

/* The table, terminated by a NULL name. */
extern const struct cli_command cli_commands[];

/* Options shared by every command that reads a network. */
struct cli_common {
	cm_load_options load;
	int quiet;
	char *where_storage;         /* owns the text of load.filter.where_* */
	const char **where_values;
	unsigned long seed;
	int have_seed;
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
	CLI_OPT_HELP
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
	{ "help", no_argument, NULL, CLI_OPT_HELP }

/* Help text of the shared options, for `coopmap NAME --help`. */
extern const char cli_common_help[];

/*
 * Handle a shared option.  Returns 0 when handled, CLI_EUSAGE (after
 * printing why) for a bad value, and -1 when opt is not a shared option.
 * For CLI_OPT_HELP it prints the command's help and returns -2: the
 * command then returns CLI_OK.
 */
int cli_common_option(struct cli_common *c, const char *cmd, int opt, const char *arg);

/* Free what the shared options allocated. */
void cli_common_free(struct cli_common *c);

/*
 * Check that exactly one INPUT remains after option parsing and return it;
 * prints the usage and returns NULL otherwise.
 */
const char *cli_input(const char *cmd, int argc, char **argv);

/* Load INPUT with the shared options; prints the error and returns an exit status. */
int cli_load(cm_network **out, const char *input, struct cli_common *c);

/*
 * A command's own option handler: returns 0, or an exit status after
 * printing why (cli_usage_error).
 */
typedef int (*cli_option_fn)(void *ctx, int opt, const char *arg);

/* cli_parse() returns this after printing --help: the command returns CLI_OK. */
#define CLI_STOP (-1)

/*
 * Parse a command line with getopt_long: the command's own options go to
 * fn, the shared ones (CLI_COMMON_OPTIONS) to c; then exactly one INPUT must
 * remain, returned in *input.  Returns 0, CLI_STOP, or an exit status.
 */
int cli_parse(const char **input, struct cli_common *c, const char *cmd, int argc, char **argv,
              const char *shortopts, const struct option *longopts,
              cli_option_fn fn, void *ctx);

/* Parse --format's value; returns 0 or CLI_EUSAGE after printing why. */
int cli_parse_format(cm_format *out, const char *cmd, const char *arg);

/*
 * Turn the result of writing to stdout into an exit status: 0 is CLI_OK, a
 * closed pipe (EPIPE) ends quietly with CLI_OK, anything else goes to cli_fail().
 */
int cli_output_status(int rc);

/* Print "coopmap: MESSAGE" for the library's recorded error and map its code to an exit status. */
int cli_fail(int code);

/* Print "coopmap: MESSAGE" and return CLI_EUSAGE after the command's usage line. */
int cli_usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Print a command's usage and help to f. */
void cli_print_help(FILE *f, const char *cmd);

/* Parse a whole non-negative integer option value; prints an error and returns -1 when invalid. */
long cli_parse_long(const char *cmd, const char *opt, const char *arg, long min, long max);

/* Finish writing stdout: an EPIPE is quiet success, another error is CLI_EIO. */
int cli_finish_stdout(int status);

/* Commands. */
int cmd_help(int argc, char **argv);
int cmd_version(int argc, char **argv);
int cmd_summary(int argc, char **argv);
int cmd_metrics(int argc, char **argv);
int cmd_render(int argc, char **argv);
int cmd_convert(int argc, char **argv);
int cmd_isolated(int argc, char **argv);
int cmd_clubs(int argc, char **argv);
int cmd_brokers(int argc, char **argv);

#endif
