/*
 * Independent computations run at once in forked workers (igraph 0.10.2 is
 * built without thread safety, so processes, not threads).  Each worker
 * computes one task on the parent's memory (copy-on-write), sends its
 * numbers, notices and error back through a pipe, and the parent applies
 * them in task order: the result, the notices and the first error are those
 * of running the tasks one after the other.
 */
#ifndef COOPMAP_MEASURE_WORKERS_H
#define COOPMAP_MEASURE_WORKERS_H

#include <stddef.h>

typedef struct cm_work {
	size_t n_tasks;
	int jobs;       /* workers at once; <= 1: every task in this process */
	void *ctx;
	/* compute task i where it runs (parent or worker): 0 or a negative code */
	int (*run)(void *ctx, size_t task);
	/* in the worker, after run: task i's results as numbers (malloc'ed) */
	int (*collect)(void *ctx, size_t task, double **out, size_t *n);
	/* in the parent: apply what collect gave in the worker */
	void (*apply)(void *ctx, size_t task, const double *v, size_t n);
	/* what task i computes, for messages ("eigenvector centrality") */
	const char *(*name)(void *ctx, size_t task);
} cm_work;

/* Run every task of w, in workers when w->jobs > 1; stops at the first error in task order. */
int cm_work_run(const cm_work *w);

#endif
