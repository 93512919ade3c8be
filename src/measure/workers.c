/*
 * Forked workers for independent measures (see workers.h).  A worker's
 * report on its pipe: a header (status, error code, lengths), the error
 * message, its notices (each ending with '\0'), then its numbers.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <fcntl.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#include "coopmap/common.h"
#include "base/error.h"
#include "base/i18n.h"
#include "measure/workers.h"

struct header {
	int32_t rc, code;
	uint64_t msg_len, notes_len, n;
};

/* One task: its worker (pid 0: none, computed here when its turn comes) and what it sent. */
struct slot {
	pid_t pid;
	int fd;
	char *buf;
	size_t len, cap;
	int done;           /* the pipe reached its end (or no worker: here) */
	int here;           /* no worker could be started: computed in this process */
	int status;         /* the worker's wait status, once reaped */
};

/* The notices a worker records, kept to be sent with its results. */
struct notes {
	char *buf;
	size_t len, cap;
};

/* Notice handler in a worker: append the message, '\0'-terminated. */
static void keep_notice(void *ctx, const char *message)
{
	struct notes *nt = ctx;
	size_t l = strlen(message) + 1;

	if (nt->len + l > nt->cap) {
		size_t cap = (nt->cap + l) * 2;
		char *p = realloc(nt->buf, cap);

		if (!p)
			return;
		nt->buf = p;
		nt->cap = cap;
	}
	memcpy(nt->buf + nt->len, message, l);
	nt->len += l;
}

/* write() all of buf; 0 or -1. */
static int write_all(int fd, const void *buf, size_t len)
{
	const char *p = buf;

	while (len > 0) {
		ssize_t n = write(fd, p, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

/* The worker's life: compute task, report, exit without returning. */
static void worker(const cm_work *w, size_t task, int fd)
{
	struct notes nt = { 0 };
	struct header h = { 0 };
	double *v = NULL;
	size_t n = 0;
	const char *msg;

	cm_notice_set_handler(keep_notice, &nt);
	cm_progress_set_handler(NULL, NULL);
	h.rc = w->run(w->ctx, task);
	if (h.rc == 0)
		h.rc = w->collect(w->ctx, task, &v, &n);
	msg = h.rc < 0 ? cm_error_message() : "";
	h.code = h.rc < 0 ? cm_error_code() : 0;
	h.msg_len = strlen(msg);
	h.notes_len = nt.len;
	h.n = n;
	if (write_all(fd, &h, sizeof(h)) < 0 || write_all(fd, msg, h.msg_len) < 0 ||
	    write_all(fd, nt.buf ? nt.buf : "", nt.len) < 0 || write_all(fd, v, n * sizeof(double)) < 0)
		_exit(1);
	_exit(0);
}

/* Start task's worker; on failure the task is left for this process (pid 0). */
static void start(const cm_work *w, size_t task, struct slot *s)
{
	sigset_t block, old_mask;
	int fds[2];
	pid_t pid;

	s->pid = 0;
	s->fd = -1;
	if (pipe2(fds, O_CLOEXEC) != 0)
		return;
	/* buffered output must not be written twice, once by each process */
	fflush(NULL);
	/* the parent's handlers (which remove the outputs) must not run in the worker */
	sigemptyset(&block);
	sigaddset(&block, SIGINT);
	sigaddset(&block, SIGTERM);
	sigprocmask(SIG_BLOCK, &block, &old_mask);
	pid = fork();
	if (pid == 0) {
		close(fds[0]);
		signal(SIGINT, SIG_DFL);
		signal(SIGTERM, SIG_DFL);
#ifdef __linux__
		/* a parent killed outright (SIGKILL) must not leave its workers running */
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		if (getppid() == 1)
			_exit(1);
#endif
		sigprocmask(SIG_SETMASK, &old_mask, NULL);
		worker(w, task, fds[1]);
	}
	sigprocmask(SIG_SETMASK, &old_mask, NULL);
	close(fds[1]);
	if (pid < 0) {
		close(fds[0]);
		return;
	}
	s->pid = pid;
	s->fd = fds[0];
}

/* Read what is there from a worker's pipe; 0, or a negative code. */
static int read_some(struct slot *s)
{
	ssize_t n;

	if (s->len == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 65536;
		char *p = realloc(s->buf, cap);

		if (!p)
			return cm_error_set(CM_ENOMEM, _("out of memory while gathering results"));
		s->buf = p;
		s->cap = cap;
	}
	n = read(s->fd, s->buf + s->len, s->cap - s->len);
	if (n < 0 && errno == EINTR)
		return 0;
	if (n <= 0)
		s->done = 1;
	else
		s->len += (size_t)n;
	return 0;
}

/* Whether an address-space or data limit is set (a worker killed then most likely ran out of memory). */
static int memory_limited(void)
{
	struct rlimit rl;

	return (getrlimit(RLIMIT_AS, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY) ||
	       (getrlimit(RLIMIT_DATA, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY);
}

/* Apply a finished worker's report: notices, then its numbers or its error. */
static int finish(const cm_work *w, size_t task, struct slot *s, int status)
{
	struct header h;
	const char *msg, *notes;
	size_t off;

	if (s->len < sizeof(h)) {
		int sig = WIFSIGNALED(status) ? WTERMSIG(status) : 0;

		if (sig && (sig == SIGKILL || memory_limited()))
			return cm_error_set(CM_ENOMEM, _("out of memory while computing %s (its worker was "
			                    "stopped by signal %d)"), w->name(w->ctx, task), sig);
		if (sig)
			return cm_error_set(CM_ERROR, _("the worker computing %s crashed (signal %d)"),
			                    w->name(w->ctx, task), sig);
		return cm_error_set(CM_ERROR, _("the worker computing %s stopped (status %d)"),
		                    w->name(w->ctx, task), WIFEXITED(status) ? WEXITSTATUS(status) : -1);
	}
	memcpy(&h, s->buf, sizeof(h));
	off = sizeof(h);
	if (h.msg_len > s->len - off || h.notes_len > s->len - off - h.msg_len ||
	    h.n > (s->len - off - h.msg_len - h.notes_len) / sizeof(double))
		return cm_error_set(CM_ERROR, _("the worker computing %s sent a short report (status %d)"),
		                    w->name(w->ctx, task), status);
	msg = s->buf + off;
	notes = msg + h.msg_len;
	for (size_t i = 0; i < h.notes_len; i += strlen(notes + i) + 1)
		cm_notice("%s", notes + i);
	if (h.rc < 0)
		return cm_error_set(h.code ? h.code : h.rc, "%.*s", (int)h.msg_len, msg);
	{
		/* the numbers may sit unaligned in the buffer */
		double *v = malloc(h.n ? h.n * sizeof(double) : 1);

		if (!v)
			return cm_error_set(CM_ENOMEM, _("out of memory while gathering results"));
		memcpy(v, notes + h.notes_len, h.n * sizeof(double));
		w->apply(w->ctx, task, v, h.n);
		free(v);
	}
	return 0;
}

/*
 * Give back to the kernel the pages a finished computation freed.  igraph's
 * per-actor lists leave them scattered through the heap, where the C library
 * keeps them, while the next computation's big arrays come from fresh pages:
 * at 1M actors the path measures left 342 MiB so, and eigenvector centrality
 * then peaked 115 MiB above them.
 */
static void give_back_memory(void)
{
#ifdef __GLIBC__
	malloc_trim(0);
#endif
}

int cm_work_run(const cm_work *w)
{
	struct slot *slots;
	struct pollfd *pfd;
	size_t *who;
	size_t next = 0, applied = 0, running = 0;
	int rc = 0;

	if (w->jobs <= 1 || w->n_tasks <= 1) {
		for (size_t i = 0; i < w->n_tasks; i++) {
			if ((rc = w->run(w->ctx, i)) < 0)
				return rc;
			give_back_memory();
		}
		return 0;
	}
	slots = calloc(w->n_tasks, sizeof(*slots));
	pfd = calloc(w->n_tasks, sizeof(*pfd));
	who = calloc(w->n_tasks, sizeof(*who));
	if (!slots || !pfd || !who) {
		free(slots);
		free(pfd);
		free(who);
		return cm_error_set(CM_ENOMEM, _("out of memory while starting workers"));
	}
	for (size_t i = 0; i < w->n_tasks; i++)
		slots[i].fd = -1;
	while (applied < w->n_tasks && rc == 0) {
		size_t np = 0;
		int r;

		if (cm_interrupted()) {
			rc = cm_error_set(CM_EINTERRUPTED, "interrupted while computing %s", w->name(w->ctx, applied));
			break;
		}
		/* keep up to jobs workers busy */
		while (next < w->n_tasks && running < (size_t)w->jobs) {
			start(w, next, &slots[next]);
			if (slots[next].pid > 0)
				running++;
			else
				slots[next].done = slots[next].here = 1;
			next++;
		}
		/* apply, in task order, what has come back */
		while (applied < next && slots[applied].done && rc == 0) {
			struct slot *s = &slots[applied];

			rc = s->here ? w->run(w->ctx, applied) : finish(w, applied, s, s->status);
			applied++;
		}
		if (rc < 0 || applied == w->n_tasks)
			break;
		/* read every running worker's pipe, so that none waits on a full pipe */
		for (size_t i = applied; i < next; i++)
			if (slots[i].pid > 0 && !slots[i].done) {
				pfd[np].fd = slots[i].fd;
				pfd[np].events = POLLIN;
				pfd[np].revents = 0;
				who[np++] = i;
			}
		if (np == 0)
			continue;
		r = poll(pfd, np, 200);
		if (r <= 0)
			continue;
		for (size_t k = 0; k < np && rc == 0; k++)
			if (pfd[k].revents) {
				struct slot *s = &slots[who[k]];

				rc = read_some(s);
				if (s->done) {
					/* reap it now, so that its place goes to the next task */
					while (waitpid(s->pid, &s->status, 0) < 0 && errno == EINTR)
						;
					s->pid = 0;
					running--;
				}
			}
	}
	/* stop and reap what still runs (after an error or an interrupt) */
	for (size_t i = 0; i < w->n_tasks; i++) {
		if (slots[i].pid > 0) {
			kill(slots[i].pid, SIGKILL);
			while (waitpid(slots[i].pid, NULL, 0) < 0 && errno == EINTR)
				;
		}
		if (slots[i].fd >= 0)
			close(slots[i].fd);
		free(slots[i].buf);
	}
	free(slots);
	free(pfd);
	free(who);
	return rc;
}
