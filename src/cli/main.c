/* coopmap's entry point: start-up and dispatch to the command named on the command line. */
#include <dlfcn.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <igraph.h>

#include "cli.h"
#include "model/columns.h"
#include "base/i18n.h"

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

/*
 * --lang L (or --lang=L), a common option of every command, is taken out
 * of the command line before dispatch, so that the first message (even a
 * usage error or the help) is already in that language.  Returns 0, or -1
 * after a usage error.
 */
static int take_lang_option(int *argc, char **argv)
{
	for (int i = 1; i < *argc; i++) {
		const char *value = NULL;
		int n = 0;

		if (!strcmp(argv[i], "--"))
			break;
		if (!strcmp(argv[i], "--lang") && i + 1 < *argc)
			value = argv[i + 1], n = 2;
		else if (!strncmp(argv[i], "--lang=", 7))
			value = argv[i] + 7, n = 1;
		else
			continue;
		if (cm_i18n_set_lang(value) < 0) {
			fprintf(stderr, _("coopmap: --lang '%s' is not one of fr, en\n"), value);
			return -1;
		}
		memmove(argv + i, argv + i + n, (size_t)(*argc - i - n + 1) * sizeof(*argv));
		*argc -= n;
		i--;
	}
	return 0;
}

int main(int argc, char **argv)
{
	const struct cli_command *cmd;
	const char *name;
	struct sigaction sa;
	int status;

	igraph_set_attribute_table(&igraph_cattribute_table);
	limit_openmp_threads();
	cm_init();
	cm_i18n_init(CM_LOCALEDIR);
	cm_notice_set_handler(print_notice, &cli_quiet);
	/* the table format (the default) is for people: its reasons and headers are translated */
	cm_i18n_set_results(1);
	if (take_lang_option(&argc, argv) < 0)
		return CLI_EUSAGE;

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
	name = argv[1];
	if (!strcmp(name, "--version") || !strcmp(name, "-V"))
		name = "version";
	else if (!strcmp(name, "--help") || !strcmp(name, "-h"))
		name = "help";
	cmd = cli_command_find(name);
	if (!cmd) {
		const char *names[64];
		size_t n = 0;
		long k;

		for (const struct cli_command *const *t = cli_command_table; *t && n < 64; t++)
			names[n++] = (*t)->name;
		k = cm_name_closest(name, names, n);
		if (k >= 0)
			fprintf(stderr, _("coopmap: '%s' is not a coopmap command: did you mean '%s'?\n"), name, names[k]);
		else
			fprintf(stderr, _("coopmap: '%s' is not a coopmap command (see 'coopmap help')\n"), name);
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
