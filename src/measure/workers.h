/*
 * Independent computations run at once in this process and forked workers
 * (igraph 0.10.2 is built without thread safety, so processes, not
 * threads).  With jobs N, N - 1 workers are forked once; they and this
 * process take the tasks one at a time, the costliest first, on the
 * parent's memory (copy-on-write).  A worker puts its numbers in memory
 * shared with the parent and sends its notices and error through a pipe.
 * The parent then goes through the tasks in their order: notices, numbers,
 * the first error.  So the result, the notices and the error are those of
 * running the tasks one after the other, whatever N.
 */
#ifndef COOPMAP_MEASURE_WORKERS_H
#define COOPMAP_MEASURE_WORKERS_H

#include <stddef.h>

typedef struct cm_work {
	size_t n_tasks;
	int jobs;       /* processes at once, this one included; <= 1: every task here, in order */
	void *ctx;
	/* the order in which tasks are taken (the costliest first); NULL: task order */
	const size_t *order;
	/* compute task i where it runs (parent or worker): 0 or a negative code */
	int (*run)(void *ctx, size_t task);
	/* how many numbers task i's results are (known before it runs) */
	size_t (*size)(void *ctx, size_t task);
	/* in a worker, after run: task i's results into out (size numbers) */
	void (*collect)(void *ctx, size_t task, double *out);
	/* in the parent: apply what collect gave in a worker; 0 or a negative code */
	int (*apply)(void *ctx, size_t task, const double *v);
	/* what task i computes, for messages ("eigenvector centrality") */
	const char *(*name)(void *ctx, size_t task);
} cm_work;

/* Run every task of w; stops at the first error in task order. */
int cm_work_run(const cm_work *w);

/* The default number of processes: the processors this process may use, at most 8. */
int cm_work_default_jobs(void);

#endif
