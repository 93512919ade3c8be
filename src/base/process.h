/* Child processes that compute for coopmap: the drawing, measures in workers. */
#ifndef COOPMAP_BASE_PROCESS_H
#define COOPMAP_BASE_PROCESS_H

#include <sys/types.h>

/*
 * fork() for a child that computes and reports through a pipe.  Buffered
 * output is flushed first, so that it is not written twice; the child gets
 * the default SIGINT and SIGTERM actions (the parent's handlers remove
 * outputs, which a child must never do), with no window in which the
 * parent's handlers could run in it; on Linux the child is killed when the
 * parent dies, so that a parent killed outright leaves nothing running.
 * @return as fork(): 0 in the child, the child's pid in the parent, -1 with
 *         errno set when no child could be started
 */
pid_t cm_process_fork(void);

/* The number of processors this process may run on (at least 1). */
int cm_process_cpus(void);

#endif
