/*
 * Independent computations in this process and forked workers (see
 * workers.h).  The tasks are taken through a counter in memory shared by
 * every process, in the caller's order (the costliest first, so that the
 * last task to finish is a short one).  A worker's numbers go to its
 * task's place in the shared memory; its report on its pipe, one per task:
 * a header (task, status, error code, lengths), the error message, then its
 * notices (each ending with '\0').
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
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "coopmap/common.h"
#include "base/error.h"
#include "base/i18n.h"
#include "base/process.h"
#include "measure/workers.h"

/* More processes than this gain nothing on the measures' memory-bound work. */
#define MAX_JOBS 8

/* What every process sees, in MAP_SHARED memory made before the fork. */
struct shared {
	size_t next;    /* the next position in the order of taking (atomic) */
	int stop;       /* a task failed: take no more (atomic) */
	int owner[];    /* per task: 0 not taken, -1 this process, k > 0 worker k */
};

/* A worker's report on one task, followed by its message and its notices. */
struct header {
	uint64_t task;
	int32_t rc, code;
	uint64_t msg_len, notes_len;
};

/* Where a task stands, in the parent. */
enum state { T_NONE, T_HERE, T_WORKER, T_FAILED };

/* A task's outcome, kept until the tasks are gone through in their order. */
struct outcome {
	enum state state;
	int code;           /* T_FAILED: the error's code */
	char *msg;          /* T_FAILED: its message */
	char *notes;        /* the notices, each ending with '\0' */
	size_t notes_len;
};

/* A worker, seen from the parent. */
struct worker {
	pid_t pid;          /* 0 once reaped */
	int fd;
	char *buf;          /* what came through the pipe and is not handled yet */
	size_t len, cap;
	int status;         /* its wait status, once reaped */
};

/* Everything cm_work_run keeps while the tasks run. */
struct run {
	const cm_work *w;
	struct shared *sh;
	size_t sh_bytes;
	double *numbers;    /* in the shared memory: task t's from off[t] */
	size_t *off;
	struct outcome *out;
	struct worker *wk;
	int n_workers;
};

/* The notices a computation records, kept to be given in task order. */
struct notes {
	char *buf;
	size_t len, cap;
};

/* Notice handler while a task runs: append the message, '\0'-terminated. */
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

/*
 * Give back to the kernel the pages a finished computation freed, when
 * they are many.  igraph's per-actor lists leave them scattered through the
 * heap, where the C library keeps them, while the next computation's big
 * arrays come from fresh pages: at 1M actors the path measures left 342 MiB
 * so, and eigenvector centrality then peaked 115 MiB above them.  Below
 * TRIM_FREE nothing is given back: at 100k actors, trimming after every
 * measure made 20,000 of the standard analysis's 21,000 page faults, for
 * memory the next measure takes again.
 */
#define TRIM_FREE ((size_t)64 << 20)

/* malloc_trim when more than TRIM_FREE bytes lie free in the heap. */
static void give_back_memory(void)
{
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33))
	if (mallinfo2().fordblks > TRIM_FREE)
		malloc_trim(0);
#elif defined(__GLIBC__)
	malloc_trim(0);
#endif
}

/* The next task to take, or n_tasks when there is none (or a task failed). */
static size_t take(const struct run *r)
{
	size_t k;

	if (__atomic_load_n(&r->sh->stop, __ATOMIC_ACQUIRE))
		return r->w->n_tasks;
	k = __atomic_fetch_add(&r->sh->next, 1, __ATOMIC_ACQ_REL);
	if (k >= r->w->n_tasks)
		return r->w->n_tasks;
	return r->w->order ? r->w->order[k] : k;
}

/* A worker's life: take tasks until none is left, report each, exit without returning. */
static void worker_main(const struct run *r, int id, int fd)
{
	const cm_work *w = r->w;
	struct notes nt = { 0 };
	size_t t;

	cm_notice_set_handler(keep_notice, &nt);
	cm_progress_set_handler(NULL, NULL);
	while ((t = take(r)) < w->n_tasks) {
		struct header h = { 0 };
		const char *msg;

		r->sh->owner[t] = id;
		nt.len = 0;
		cm_error_clear();
		h.task = t;
		h.rc = w->run(w->ctx, t);
		if (h.rc == 0)
			w->collect(w->ctx, t, r->numbers + r->off[t]);
		msg = h.rc < 0 ? cm_error_message() : "";
		h.code = h.rc < 0 ? cm_error_code() : 0;
		h.msg_len = strlen(msg);
		h.notes_len = nt.len;
		if (write_all(fd, &h, sizeof(h)) < 0 || write_all(fd, msg, h.msg_len) < 0 ||
		    write_all(fd, nt.buf ? nt.buf : "", nt.len) < 0)
			_exit(1);
		if (h.rc < 0) {
			__atomic_store_n(&r->sh->stop, 1, __ATOMIC_RELEASE);
			break;
		}
		give_back_memory();
	}
	_exit(0);
}

/* Start worker id (1, 2, ...); on failure there is simply one worker fewer. */
static void start_worker(struct run *r, int id)
{
	struct worker *k = &r->wk[r->n_workers];
	int fds[2];
	pid_t pid;

	if (pipe2(fds, O_CLOEXEC) != 0)
		return;
	pid = cm_process_fork();
	if (pid == 0) {
		close(fds[0]);
		worker_main(r, id, fds[1]);
	}
	close(fds[1]);
	if (pid < 0) {
		close(fds[0]);
		return;
	}
	k->pid = pid;
	k->fd = fds[0];
	r->n_workers++;
}

/* Keep a copy of n bytes (NULL when n is 0 or memory is short). */
static char *copy_bytes(const char *p, size_t n)
{
	char *c = n ? malloc(n) : NULL;

	if (c)
		memcpy(c, p, n);
	return c;
}

/* Take the whole reports out of what a worker sent so far. */
static void take_reports(struct run *r, struct worker *k)
{
	size_t at = 0;

	for (;;) {
		struct header h;
		struct outcome *o;
		const char *p;

		if (k->len - at < sizeof(h))
			break;
		memcpy(&h, k->buf + at, sizeof(h));
		if (h.msg_len > k->len - at - sizeof(h) ||
		    h.notes_len > k->len - at - sizeof(h) - h.msg_len)
			break;
		p = k->buf + at + sizeof(h);
		if (h.task < r->w->n_tasks) {
			o = &r->out[h.task];
			o->state = h.rc < 0 ? T_FAILED : T_WORKER;
			o->code = h.code ? h.code : h.rc;
			o->msg = h.rc < 0 ? strndup(p, h.msg_len) : NULL;
			o->notes = copy_bytes(p + h.msg_len, h.notes_len);
			o->notes_len = o->notes ? h.notes_len : 0;
		}
		at += sizeof(h) + h.msg_len + h.notes_len;
	}
	memmove(k->buf, k->buf + at, k->len - at);
	k->len -= at;
}

/* Read what a worker's pipe holds; at its end, reap the worker.  0 or a negative code. */
static int read_worker(struct run *r, struct worker *k)
{
	ssize_t n;

	if (k->len == k->cap) {
		size_t cap = k->cap ? k->cap * 2 : 4096;
		char *p = realloc(k->buf, cap);

		if (!p)
			return cm_error_set(CM_ENOMEM, _("out of memory while gathering results"));
		k->buf = p;
		k->cap = cap;
	}
	n = read(k->fd, k->buf + k->len, k->cap - k->len);
	if (n < 0 && (errno == EINTR || errno == EAGAIN))
		return 0;
	if (n > 0) {
		k->len += (size_t)n;
		take_reports(r, k);
		return 0;
	}
	close(k->fd);
	k->fd = -1;
	while (waitpid(k->pid, &k->status, 0) < 0 && errno == EINTR)
		;
	k->pid = 0;
	return 0;
}

/* Wait up to timeout ms for the workers' pipes and read them; 0 or a negative code. */
static int poll_workers(struct run *r, int timeout)
{
	struct pollfd pfd[MAX_JOBS];
	struct worker *who[MAX_JOBS];
	int np = 0, rc = 0;

	for (int i = 0; i < r->n_workers; i++)
		if (r->wk[i].fd >= 0) {
			pfd[np].fd = r->wk[i].fd;
			pfd[np].events = POLLIN;
			pfd[np].revents = 0;
			who[np++] = &r->wk[i];
		}
	if (np == 0 || poll(pfd, (nfds_t)np, timeout) <= 0)
		return 0;
	for (int i = 0; i < np && rc == 0; i++)
		if (pfd[i].revents)
			rc = read_worker(r, who[i]);
	return rc;
}

/* Whether a worker still has its pipe open. */
static int workers_running(const struct run *r)
{
	for (int i = 0; i < r->n_workers; i++)
		if (r->wk[i].fd >= 0)
			return 1;
	return 0;
}

/* Compute task t here, its notices and error kept for their turn; 0 or its negative code. */
static int run_here(struct run *r, size_t t)
{
	struct outcome *o = &r->out[t];
	struct notes nt = { 0 };
	cm_notice_fn old_fn;
	void *old_ctx;
	int rc;

	cm_notice_get_handler(&old_fn, &old_ctx);
	cm_notice_set_handler(keep_notice, &nt);
	rc = r->w->run(r->w->ctx, t);
	cm_notice_set_handler(old_fn, old_ctx);
	o->notes = nt.buf;
	o->notes_len = nt.len;
	o->state = rc < 0 ? T_FAILED : T_HERE;
	if (rc < 0) {
		o->code = cm_error_code() ? cm_error_code() : rc;
		o->msg = strdup(cm_error_message());
		/* recorded again when its turn comes, after the tasks before it */
		cm_error_clear();
	}
	give_back_memory();
	return rc;
}

/* Whether an address-space or data limit is set (a worker killed then most likely ran out of memory). */
static int memory_limited(void)
{
	struct rlimit rl;

	return (getrlimit(RLIMIT_AS, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY) ||
	       (getrlimit(RLIMIT_DATA, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY);
}

/* The error of task t, whose worker ended without reporting it. */
static int worker_lost(const struct run *r, size_t t)
{
	const cm_work *w = r->w;
	int id = r->sh->owner[t], status = id > 0 && id <= r->n_workers ? r->wk[id - 1].status : 0;
	int sig = WIFSIGNALED(status) ? WTERMSIG(status) : 0;

	if (sig && (sig == SIGKILL || memory_limited()))
		return cm_error_set(CM_ENOMEM, _("out of memory while computing %s (its worker was "
		                    "stopped by signal %d)"), w->name(w->ctx, t), sig);
	if (sig)
		return cm_error_set(CM_ERROR, _("the worker computing %s crashed (signal %d)"),
		                    w->name(w->ctx, t), sig);
	return cm_error_set(CM_ERROR, _("the worker computing %s stopped (status %d)"),
	                    w->name(w->ctx, t), WIFEXITED(status) ? WEXITSTATUS(status) : -1);
}

/*
 * Go through the tasks in their order: give each one's notices, apply a
 * worker's numbers, stop at the first error.  A task nobody took (the
 * others stopped after an error) is computed here now, as it would have
 * been before the failing one.
 */
static int in_order(struct run *r)
{
	const cm_work *w = r->w;
	int rc = 0;

	for (size_t t = 0; t < w->n_tasks && rc == 0; t++) {
		struct outcome *o = &r->out[t];

		for (size_t i = 0; i < o->notes_len; i += strlen(o->notes + i) + 1)
			cm_notice("%s", o->notes + i);
		switch (o->state) {
		case T_HERE:
			break;
		case T_WORKER:
			rc = w->apply(w->ctx, t, r->numbers + r->off[t]);
			break;
		case T_FAILED:
			cm_error_clear();
			rc = cm_error_set(o->code, "%s", o->msg ? o->msg : _("out of memory"));
			break;
		case T_NONE:
			if (r->sh->owner[t] > 0)
				rc = worker_lost(r, t);
			else if ((rc = w->run(w->ctx, t)) == 0)
				give_back_memory();
			break;
		}
	}
	return rc;
}

/* The name of a task a worker is computing, for the interruption message. */
static const char *busy_name(const struct run *r)
{
	for (size_t t = 0; t < r->w->n_tasks; t++)
		if (r->sh->owner[t] > 0 && r->out[t].state == T_NONE)
			return r->w->name(r->w->ctx, t);
	return r->w->name(r->w->ctx, 0);
}

/* Map the shared memory: the counter, the owners and every task's numbers; 0 or -1. */
static int share(struct run *r)
{
	const cm_work *w = r->w;
	size_t head = sizeof(struct shared) + w->n_tasks * sizeof(int), total = 0;
	void *p;

	head = (head + sizeof(double) - 1) / sizeof(double) * sizeof(double);
	for (size_t t = 0; t < w->n_tasks; t++) {
		r->off[t] = total;
		total += w->size(w->ctx, t);
	}
	r->sh_bytes = head + total * sizeof(double);
	/* pages are given only when written: unused room costs nothing */
	p = mmap(NULL, r->sh_bytes, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		return -1;
	r->sh = p;
	r->numbers = (double *)((char *)p + head);
	return 0;
}

/* Every task in this process, in order. */
static int run_in_order(const cm_work *w)
{
	int rc;

	for (size_t i = 0; i < w->n_tasks; i++) {
		if ((rc = w->run(w->ctx, i)) < 0)
			return rc;
		give_back_memory();
	}
	return 0;
}

int cm_work_run(const cm_work *w)
{
	struct run r = { 0 };
	int jobs = w->jobs > MAX_JOBS ? MAX_JOBS : w->jobs, rc = 0;
	size_t t;

	if (jobs <= 1 || w->n_tasks <= 1)
		return run_in_order(w);
	r.w = w;
	r.off = calloc(w->n_tasks, sizeof(*r.off));
	r.out = calloc(w->n_tasks, sizeof(*r.out));
	r.wk = calloc((size_t)jobs, sizeof(*r.wk));
	if (!r.off || !r.out || !r.wk || share(&r) < 0) {
		/* nothing shared: everything here, as with --jobs 1 */
		free(r.off);
		free(r.out);
		free(r.wk);
		return run_in_order(w);
	}
	for (int i = 1; i < jobs && (size_t)i < w->n_tasks; i++)
		start_worker(&r, r.n_workers + 1);
	/* this process takes tasks too, reading the workers' reports in between */
	while (rc == 0 && (t = take(&r)) < w->n_tasks) {
		r.sh->owner[t] = -1;
		if (run_here(&r, t) < 0) {
			__atomic_store_n(&r.sh->stop, 1, __ATOMIC_RELEASE);
			if (r.out[t].code == CM_EINTERRUPTED)
				rc = cm_error_set(CM_EINTERRUPTED, "%s", r.out[t].msg ? r.out[t].msg : _("interrupted"));
		}
		if (rc == 0)
			rc = poll_workers(&r, 0);
		if (rc == 0 && cm_interrupted())
			rc = cm_error_set(CM_EINTERRUPTED, _("interrupted while computing %s"), busy_name(&r));
	}
	while (rc == 0 && workers_running(&r)) {
		if (cm_interrupted())
			rc = cm_error_set(CM_EINTERRUPTED, _("interrupted while computing %s"), busy_name(&r));
		else
			rc = poll_workers(&r, 200);
	}
	if (rc == 0)
		rc = in_order(&r);
	/* stop and reap what still runs (after an interruption) */
	for (int i = 0; i < r.n_workers; i++) {
		if (r.wk[i].pid > 0) {
			kill(r.wk[i].pid, SIGKILL);
			while (waitpid(r.wk[i].pid, NULL, 0) < 0 && errno == EINTR)
				;
		}
		if (r.wk[i].fd >= 0)
			close(r.wk[i].fd);
		free(r.wk[i].buf);
	}
	for (size_t i = 0; i < w->n_tasks; i++) {
		free(r.out[i].msg);
		free(r.out[i].notes);
	}
	munmap(r.sh, r.sh_bytes);
	free(r.off);
	free(r.out);
	free(r.wk);
	return rc;
}

int cm_work_default_jobs(void)
{
	int n = cm_process_cpus();

	return n > MAX_JOBS ? MAX_JOBS : n;
}
