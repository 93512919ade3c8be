/*
 * Unit tests of src/measure/workers.c: tasks whose results, notices and
 * errors are known by construction (task t gives t * 10 + j), run with 1 to
 * 4 processes; the gathered results must be those of one task after the
 * other.
 */
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>

#include "coopmap/common.h"
#include "measure/workers.h"

#define N 9
#define WIDTH 3

/* What the fake tasks share: their results and how they behave. */
struct fake {
	double result[N][WIDTH];
	int fail[N];            /* task t fails with this code (0: succeeds) */
	int crash_in_worker;    /* a task run in a worker aborts */
	pid_t parent;
	int *started;           /* shared: tasks started, so that each process holds one */
	int run_here[N];        /* tasks this process ran */
};

/* Task t: a notice, then t * 10 + j in its results, or its planned failure. */
static int fake_run(void *ctx, size_t t)
{
	struct fake *f = ctx;

	if (f->started) {
		/* hold until two tasks have started: one is then in the worker */
		__atomic_add_fetch(f->started, 1, __ATOMIC_ACQ_REL);
		for (int i = 0; i < 1000 && __atomic_load_n(f->started, __ATOMIC_ACQUIRE) < 2; i++)
			usleep(10000);
	}
	if (f->crash_in_worker && getpid() != f->parent) {
		struct rlimit none = { 0, 0 };

		setrlimit(RLIMIT_CORE, &none); /* no core file in the test's folder */
		abort();
	}
	if (getpid() == f->parent)
		f->run_here[t] = 1;
	cm_notice("task %zu says hello", t);
	if (f->fail[t])
		return cm_error_set(f->fail[t], "task %zu failed", t);
	for (int j = 0; j < WIDTH; j++)
		f->result[t][j] = (double)t * 10 + j;
	return 0;
}

/* Every task gives WIDTH numbers. */
static size_t fake_size(void *ctx, size_t t)
{
	(void)ctx;
	(void)t;
	return WIDTH;
}

/* In a worker: task t's numbers. */
static void fake_collect(void *ctx, size_t t, double *out)
{
	memcpy(out, ((struct fake *)ctx)->result[t], WIDTH * sizeof(double));
}

/* In the parent: task t's numbers from a worker. */
static int fake_apply(void *ctx, size_t t, const double *v)
{
	memcpy(((struct fake *)ctx)->result[t], v, WIDTH * sizeof(double));
	return 0;
}

/* Task names for messages. */
static const char *fake_name(void *ctx, size_t t)
{
	static const char *const names[N] = { "zero", "one", "two", "three", "four",
	                                       "five", "six", "seven", "eight" };
	(void)ctx;
	return names[t];
}

/* The notices received, one per line. */
static char notices[4096];

/* Notice handler of the tests: append the line. */
static void keep(void *ctx, const char *msg)
{
	(void)ctx;
	strncat(notices, msg, sizeof(notices) - strlen(notices) - 2);
	strcat(notices, "\n");
}

/* A cm_work over f with jobs processes, taken in reverse order (the costliest last task first). */
static cm_work make_work(struct fake *f, int jobs)
{
	static const size_t reverse[N] = { 8, 7, 6, 5, 4, 3, 2, 1, 0 };
	cm_work w = { 0 };

	w.n_tasks = N;
	w.jobs = jobs;
	w.ctx = f;
	w.order = reverse;
	w.run = fake_run;
	w.size = fake_size;
	w.collect = fake_collect;
	w.apply = fake_apply;
	w.name = fake_name;
	return w;
}

/* Every task's numbers arrive, and the notices come in task order, whatever the processes. */
static void test_results_in_order(void **state)
{
	(void)state;
	for (int jobs = 1; jobs <= 4; jobs++) {
		struct fake f = { 0 };
		cm_work w;

		f.parent = getpid();
		w = make_work(&f, jobs);
		notices[0] = '\0';
		cm_notice_set_handler(keep, NULL);
		assert_int_equal(cm_work_run(&w), 0);
		for (size_t t = 0; t < N; t++)
			for (int j = 0; j < WIDTH; j++)
				assert_true(f.result[t][j] == (double)t * 10 + j);
		assert_string_equal(notices, "task 0 says hello\ntask 1 says hello\ntask 2 says hello\n"
		                    "task 3 says hello\ntask 4 says hello\ntask 5 says hello\n"
		                    "task 6 says hello\ntask 7 says hello\ntask 8 says hello\n");
		cm_notice_set_handler(NULL, NULL);
	}
}

/*
 * Tasks 2 and 6 fail: the error is task 2's, and the notices those of
 * tasks 0, 1 and 2, as when they run one after the other (the tasks are
 * taken from the last, so task 6 fails first).
 */
static void test_first_error_in_task_order(void **state)
{
	(void)state;
	for (int jobs = 1; jobs <= 3; jobs++) {
		struct fake f = { 0 };
		cm_work w;

		f.parent = getpid();
		f.fail[2] = CM_EINPUT;
		f.fail[6] = CM_ENOMEM;
		w = make_work(&f, jobs);
		notices[0] = '\0';
		cm_error_clear();
		cm_notice_set_handler(keep, NULL);
		assert_int_equal(cm_work_run(&w), CM_EINPUT);
		assert_int_equal(cm_error_code(), CM_EINPUT);
		assert_string_equal(cm_error_message(), "task 2 failed");
		assert_string_equal(notices, "task 0 says hello\ntask 1 says hello\ntask 2 says hello\n");
		cm_notice_set_handler(NULL, NULL);
		cm_error_clear();
	}
}

/* A worker that dies is an error naming its task; this process computed the other one. */
static void test_worker_crash(void **state)
{
	struct fake f = { 0 };
	cm_work w;
	int *started;
	int rc;

	(void)state;
	started = mmap(NULL, sizeof(int), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	assert_true(started != MAP_FAILED);
	*started = 0;
	f.parent = getpid();
	f.crash_in_worker = 1;
	f.started = started;
	w = make_work(&f, 2);
	w.n_tasks = 2;
	w.order = NULL;
	cm_error_clear();
	rc = cm_work_run(&w);
	/* one task ran here, the other in the worker, which aborted */
	assert_int_equal(f.run_here[0] + f.run_here[1], 1);
	assert_int_equal(rc, CM_ERROR);
	assert_string_equal(cm_error_message(), f.run_here[0]
	                    ? "the worker computing one crashed (signal 6)"
	                    : "the worker computing zero crashed (signal 6)");
	cm_error_clear();
	munmap(started, sizeof(int));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_results_in_order),
		cmocka_unit_test(test_first_error_in_task_order),
		cmocka_unit_test(test_worker_crash),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
