/* Child processes that compute for coopmap (see process.h). */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#include "base/process.h"

pid_t cm_process_fork(void)
{
	sigset_t block, old_mask;
	pid_t pid;

	fflush(NULL);
	/* until the child has the default actions, the parent's handlers must not run there */
	sigemptyset(&block);
	sigaddset(&block, SIGINT);
	sigaddset(&block, SIGTERM);
	sigprocmask(SIG_BLOCK, &block, &old_mask);
	pid = fork();
	if (pid == 0) {
		signal(SIGINT, SIG_DFL);
		signal(SIGTERM, SIG_DFL);
#ifdef __linux__
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		/* the parent died before prctl: nobody will read what this child computes */
		if (getppid() == 1)
			_exit(1);
#endif
	}
	sigprocmask(SIG_SETMASK, &old_mask, NULL);
	return pid;
}

int cm_process_cpus(void)
{
#ifdef __linux__
	cpu_set_t set;

	/* the processors given to this process (taskset, containers), not the machine's */
	if (sched_getaffinity(0, sizeof(set), &set) == 0 && CPU_COUNT(&set) > 0)
		return CPU_COUNT(&set);
#endif
	{
		long n = sysconf(_SC_NPROCESSORS_ONLN);

		return n > 0 ? (int)n : 1;
	}
}
