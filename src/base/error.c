/* Error recording, notices, progress and interruption for the library. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include <igraph.h>

#include "base/error.h"
#include "i18n.h"

/* per thread: the CSV reader's second thread keeps its own first error (load/csv_table.c) */
static _Thread_local char error_message[1024];
static _Thread_local int error_code;
static cm_notice_fn notice_fn;
static void *notice_ctx;
static cm_progress_fn progress_fn;
static void *progress_ctx;
static volatile sig_atomic_t interrupted;

/* Record the first error since the last clear; later ones are consequences. */
int cm_error_vset(int code, const char *file, long line, const char *fmt, va_list ap)
{
	size_t n = 0;

	if (error_code != 0)
		return code;
	error_code = code ? code : CM_ERROR;
	if (file && line > 0)
		n = (size_t)snprintf(error_message, sizeof(error_message), "%s:%ld: ", file, line);
	else if (file)
		n = (size_t)snprintf(error_message, sizeof(error_message), "%s: ", file);
	if (n >= sizeof(error_message))
		n = sizeof(error_message) - 1;
	vsnprintf(error_message + n, sizeof(error_message) - n, fmt, ap);
	return code;
}

int cm_error_set(int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	cm_error_vset(code, NULL, 0, fmt, ap);
	va_end(ap);
	return code;
}

int cm_error_set_at(int code, const char *file, long line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	cm_error_vset(code, file, line, fmt, ap);
	va_end(ap);
	return code;
}

const char *cm_error_message(void)
{
	return error_code ? error_message : "";
}

int cm_error_code(void)
{
	return error_code;
}

void cm_error_clear(void)
{
	error_code = 0;
	error_message[0] = '\0';
}

/* Translate an igraph failure into a coopmap error; the reason is already kept. */
int cm_error_from_igraph(igraph_error_t err, const char *what)
{
	/* `what` is a literal that `make pot` takes from CM_IG() calls (-kCM_IG:2): translated here */
	what = what && *what ? _(what) : "";
	if (err == IGRAPH_ENOMEM)
		return cm_error_set(CM_ENOMEM, _("out of memory while %s"), what);
	if (err == IGRAPH_INTERRUPTED || interrupted)
		return cm_error_set(CM_EINTERRUPTED, _("interrupted while %s"), what);
	return cm_error_set(CM_ERROR, _("igraph failed while %s: %s"), what,
	                    igraph_strerror(err));
}

void cm_notice_set_handler(cm_notice_fn fn, void *ctx)
{
	notice_fn = fn;
	notice_ctx = ctx;
}

void cm_notice_get_handler(cm_notice_fn *fn, void **ctx)
{
	*fn = notice_fn;
	*ctx = notice_ctx;
}

void cm_notice(const char *fmt, ...)
{
	char buf[1024];
	va_list ap;

	if (!notice_fn)
		return;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	notice_fn(notice_ctx, buf);
}

void cm_progress_set_handler(cm_progress_fn fn, void *ctx)
{
	progress_fn = fn;
	progress_ctx = ctx;
}

void cm_progress(const char *what, double done, double total)
{
	if (progress_fn)
		progress_fn(progress_ctx, what, done, total);
}

void cm_interrupt(void)
{
	interrupted = 1;
}

int cm_interrupted(void)
{
	return interrupted != 0;
}

void cm_interrupt_clear(void)
{
	interrupted = 0;
}

/* igraph's error handler: keep the first real reason, free the FINALLY stack, return. */
static void igraph_error_keep(const char *reason, const char *file, int line,
                              igraph_error_t igraph_errno)
{
	(void)file;
	(void)line;
	if (reason && reason[0] && error_code == 0) {
		if (igraph_errno == IGRAPH_ENOMEM)
			cm_error_set(CM_ENOMEM, _("out of memory (%s)"), reason);
		else if (igraph_errno == IGRAPH_INTERRUPTED)
			cm_error_set(CM_EINTERRUPTED, _("interrupted"));
		else
			cm_error_set(CM_ERROR, _("igraph: %s"), reason);
	}
	IGRAPH_FINALLY_FREE();
}

/* igraph warnings become notices, since only the CLI may print. */
static void igraph_warning_notice(const char *reason, const char *file, int line)
{
	(void)file;
	(void)line;
	cm_notice(_("igraph: %s"), reason);
}

/*
 * igraph polls this during long computations so that Ctrl-C stops them.
 * IGRAPH_ALLOW_INTERRUPTION() returns IGRAPH_INTERRUPTED without calling the
 * error handler, so the work memory of the function being interrupted is
 * still on the FINALLY stack, pointing into frames that are alive only now:
 * free it here, as python-igraph's interruption hook does (F11).
 */
static igraph_error_t igraph_interruption(void *data)
{
	(void)data;
	if (!interrupted)
		return IGRAPH_SUCCESS;
	IGRAPH_FINALLY_FREE();
	return IGRAPH_INTERRUPTED;
}

/* Destroy an adjacency list unless igraph has already; see base/error.h. */
void cm_adjlist_free(igraph_adjlist_t *al)
{
	/* igraph's destroy frees with IGRAPH_FREE, which leaves adjs NULL */
	if (al->adjs)
		igraph_adjlist_destroy(al);
	memset(al, 0, sizeof(*al));
}

int cm_init(void)
{
	igraph_set_error_handler(igraph_error_keep);
	igraph_set_warning_handler(igraph_warning_notice);
	igraph_set_interruption_handler(igraph_interruption);
	return 0;
}

/* Hooks that cm_shutdown() runs; a handful of subsystems, so a fixed table. */
#define MAX_SHUTDOWN_HOOKS 16
static void (*shutdown_hooks[MAX_SHUTDOWN_HOOKS])(void);
static int n_shutdown_hooks;

int cm_shutdown_register(void (*fn)(void))
{
	for (int i = 0; i < n_shutdown_hooks; i++)
		if (shutdown_hooks[i] == fn)
			return 0;
	if (n_shutdown_hooks == MAX_SHUTDOWN_HOOKS)
		return cm_error_set(CM_ENOMEM, _("too many shutdown hooks"));
	shutdown_hooks[n_shutdown_hooks++] = fn;
	return 0;
}

/* Run the hooks, last registered first, and forget them. */
void cm_shutdown(void)
{
	while (n_shutdown_hooks > 0)
		shutdown_hooks[--n_shutdown_hooks]();
}
