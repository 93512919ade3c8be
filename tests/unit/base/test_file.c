/* Unit tests of src/base/file.c: whole-file reads. */
#include <locale.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>
#include <valgrind/valgrind.h>

#include "coopmap/coopmap.h"
#include "base/file.h"

/* Reading a directory or a missing file fails with the path in the message. */
static void test_read_file_errors(void **state)
{
	char *buf = NULL;
	size_t len = 0;

	(void)state;
	cm_error_clear();
	assert_int_equal(cm_read_file(&buf, &len, "tests"), CM_EIO);
	assert_non_null(strstr(cm_error_message(), "'tests' is a directory"));
	cm_error_clear();
	assert_int_equal(cm_read_file(&buf, &len, "tests/no-such-file.csv"), CM_EIO);
	assert_non_null(strstr(cm_error_message(), "no-such-file.csv"));
	assert_null(buf);
	cm_error_clear();
}

/* Whether the mapping holding p has the kernel's huge-page advice ("hg" in /proc/self/smaps). */
static int advised_huge(const void *p)
{
	FILE *f = fopen("/proc/self/smaps", "r");
	char line[512];
	int in = 0, hg = 0;

	if (!f)
		return 0;
	while (fgets(line, sizeof(line), f)) {
		unsigned long a, b;

		if (sscanf(line, "%lx-%lx ", &a, &b) == 2 && strchr(line, ' ') == line + strcspn(line, " "))
			in = (uintptr_t)p >= a && (uintptr_t)p < b;
		else if (in && !strncmp(line, "VmFlags:", 8))
			hg = strstr(line, " hg") != NULL;
	}
	fclose(f);
	return hg;
}

/* Whether the kernel has transparent huge pages and does not refuse them all. */
static int thp_available(void)
{
	FILE *f = fopen("/sys/kernel/mm/transparent_hugepage/enabled", "r");
	char line[128] = "";

	if (!f)
		return 0;
	if (!fgets(line, sizeof(line), f))
		line[0] = '\0';
	fclose(f);
	return line[0] && !strstr(line, "[never]");
}

/* The heap's end, as the kernel sees it. */
static char *heap_end(void)
{
	return sbrk(0);
}

/*
 * In a child (the advice changes the process's malloc for good): what
 * cm_heap_prepare(bytes) did, as a bit set, 0 when as expected.
 */
static int heap_child(size_t bytes, int limited)
{
	char *b0, *b1, *lo, *small, *big;
	int bad = 0;

	if (limited) {
		struct rlimit rl = { (rlim_t)64 << 30, (rlim_t)64 << 30 };

		if (setrlimit(RLIMIT_DATA, &rl) != 0)
			return 0; /* nothing to check */
	}
	b0 = heap_end();
	cm_heap_prepare(bytes);
	b1 = heap_end();
	lo = b0 - ((ptrdiff_t)8 << 20); /* the first piece may start in the heap's existing top */
	if (limited || bytes < ((size_t)1 << 20) || bytes > ((size_t)43 << 20))
		return b1 - b0 >= ((ptrdiff_t)1 << 20) ? 1 : 0; /* the heap must not have grown */
	/* 4 pieces of 32 MiB for a 16 MiB input (6 x 16 MiB, capped at 4) */
	if (b1 - b0 < ((ptrdiff_t)127 << 20) || b1 - b0 > ((ptrdiff_t)130 << 20))
		bad |= 2;
	/* a request that fits in a piece is served there, with the huge-page advice */
	small = malloc((size_t)8 << 20);
	if (!small || small < lo || small >= b1)
		bad |= 4;
	else if (thp_available() && !advised_huge(small + (4 << 20)))
		bad |= 8;
	/* a request bigger than a piece gets its own mapping, given back when freed */
	big = malloc((size_t)48 << 20);
	if (!big || (big >= lo && big < b1) || heap_end() - b1 > ((ptrdiff_t)1 << 20))
		bad |= 16;
	free(big);
	free(small);
	return bad;
}

/* Run heap_child in a child process and return its result. */
static int in_child(size_t bytes, int limited)
{
	pid_t pid = fork();
	int status = 0;

	if (pid == 0)
		_exit(heap_child(bytes, limited));
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

/*
 * Heap taken ahead for a big input: 4 pieces for 16 MiB, requests below a
 * piece served there with the huge-page advice, bigger ones mapped apart
 * (the heap does not grow for them); nothing for a small input, a big one
 * (64 MiB) or under a data limit.  Sanitizers and valgrind bring their own
 * malloc: there the call must only be harmless.
 */
static void test_heap_prepare(void **state)
{
	(void)state;
#if defined(__SANITIZE_ADDRESS__)
	if (1) {
#else
	if (RUNNING_ON_VALGRIND) {
#endif
		void *p;

		cm_heap_prepare((size_t)16 << 20);
		p = malloc(1000);
		assert_non_null(p);
		free(p);
		return;
	}
	assert_int_equal(in_child((size_t)16 << 20, 0), 0);
	assert_int_equal(in_child((size_t)512 << 10, 0), 0);
	assert_int_equal(in_child((size_t)64 << 20, 0), 0);
	assert_int_equal(in_child((size_t)16 << 20, 1), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_read_file_errors),
		cmocka_unit_test(test_heap_prepare),
	};
	return cmocka_run_group_tests_name("file", tests, NULL, NULL);
}
