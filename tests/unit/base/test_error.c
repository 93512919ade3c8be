/*
 * Unit tests of src/base/error.c: the error contract of coopmap/common.h
 * (first error kept, located messages), igraph failures, notices,
 * progress, interruption and the shutdown hooks.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <limits.h>
#include <stdio.h>
#include <unistd.h>

#include "coopmap/coopmap.h"
#include "base/error.h"
#include "base/i18n.h"

/* Errors keep the first message, located as FILE:LINE. */
static void test_error_first_kept(void **state)
{
	(void)state;
	cm_error_clear();
	assert_int_equal(cm_error_set_at(CM_EINPUT, "edges.csv", 7, "weight '%s' is not a number", "zz"),
	                 CM_EINPUT);
	cm_error_set(CM_ERROR, "a later consequence");
	assert_string_equal(cm_error_message(), "edges.csv:7: weight 'zz' is not a number");
	assert_int_equal(cm_error_code(), CM_EINPUT);
	cm_error_clear();
	assert_string_equal(cm_error_message(), "");
}

/* A file without a line gives "FILE: message"; the code 0 is recorded as CM_ERROR. */
static void test_error_file_only(void **state)
{
	(void)state;
	cm_error_clear();
	assert_int_equal(cm_error_set_at(CM_EIO, "nodes.csv", 0, "cannot open"), CM_EIO);
	assert_string_equal(cm_error_message(), "nodes.csv: cannot open");
	cm_error_clear();
	cm_error_set(0, "no code");
	assert_int_equal(cm_error_code(), CM_ERROR);
	assert_string_equal(cm_error_message(), "no code");
	cm_error_clear();
	assert_int_equal(cm_error_code(), 0);
}

/* A message longer than the buffer is cut, never overflowed, and stays a string. */
static void test_error_long_message(void **state)
{
	char big[3000];

	(void)state;
	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	cm_error_clear();
	cm_error_set_at(CM_EINPUT, big, 12, "%s", big);
	assert_true(strlen(cm_error_message()) < sizeof(big));
	assert_true(strlen(cm_error_message()) > 0);
	cm_error_clear();
}

/* igraph failures map to coopmap codes: no memory, interrupted, anything else. */
static void test_error_from_igraph(void **state)
{
	(void)state;
	cm_error_clear();
	assert_int_equal(cm_error_from_igraph(IGRAPH_ENOMEM, "computing degrees"), CM_ENOMEM);
	assert_string_equal(cm_error_message(), "out of memory while computing degrees");
	cm_error_clear();
	assert_int_equal(cm_error_from_igraph(IGRAPH_INTERRUPTED, "laying out"), CM_EINTERRUPTED);
	assert_string_equal(cm_error_message(), "interrupted while laying out");
	cm_error_clear();
	assert_int_equal(cm_error_from_igraph(IGRAPH_EINVAL, "reading"), CM_ERROR);
	assert_non_null(strstr(cm_error_message(), "igraph failed while reading: "));
	cm_error_clear();
}

/*
 * The "while ..." of CM_IG is translated where the message is made: under
 * French, both the frame and the fragment (po/fr.po, from `make pot`'s
 * -kCM_IG:2).  The catalogue is the build's: BUILD/locale, three folders
 * above this test's BUILD/tests/unit/base/test_error.
 */
static void test_error_from_igraph_french(void **state)
{
	char exe[PATH_MAX], dir[PATH_MAX + 32];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	char *cut;

	(void)state;
	assert_true(n > 0);
	exe[n] = '\0';
	for (int i = 0; i < 4; i++) {
		cut = strrchr(exe, '/');
		assert_non_null(cut);
		*cut = '\0';
	}
	snprintf(dir, sizeof(dir), "%s/locale", exe);
	cm_i18n_init(dir);
	assert_int_equal(cm_i18n_set_lang("fr"), 0);
	cm_error_clear();
	assert_int_equal(cm_error_from_igraph(IGRAPH_ENOMEM, "computing degrees"), CM_ENOMEM);
	assert_string_equal(cm_error_message(), "mémoire insuffisante pendant le calcul des degrés");
	cm_error_clear();
	assert_int_equal(cm_error_from_igraph(IGRAPH_INTERRUPTED, "laying out the map"), CM_EINTERRUPTED);
	assert_string_equal(cm_error_message(), "interrompu pendant le calcul de la disposition de la carte");
	cm_error_clear();
	/* a fragment the catalogue does not have stays as written */
	cm_error_from_igraph(IGRAPH_ENOMEM, "no such fragment");
	assert_string_equal(cm_error_message(), "mémoire insuffisante pendant no such fragment");
	cm_error_clear();
	assert_int_equal(cm_i18n_set_lang("en"), 0);
	cm_error_from_igraph(IGRAPH_ENOMEM, "computing degrees");
	assert_string_equal(cm_error_message(), "out of memory while computing degrees");
	cm_error_clear();
}

/* CM_IG on a failing call: records why and leaves through done: (what follows is not reached). */
static int ig_fails(int *reached)
{
	igraph_vector_int_t v = { 0 };
	int rc = 0;

	CM_IG(igraph_vector_int_init(&v, 2), "starting");
	CM_IG(IGRAPH_EINVAL, "removing");
	*reached = 1;
done:
	igraph_vector_int_destroy(&v);
	return rc;
}

/* The macro goes to done: and the first reason is what the user sees. */
static void test_ig_macro(void **state)
{
	int reached = 0;

	(void)state;
	cm_error_clear();
	assert_int_equal(ig_fails(&reached), CM_ERROR);
	assert_int_equal(reached, 0);
	assert_non_null(strstr(cm_error_message(), "while removing"));
	cm_error_clear();
}

static int notices_seen;
static char last_notice[256];

/* A notice handler that keeps the last message. */
static void keep_notice(void *ctx, const char *message)
{
	(void)ctx;
	notices_seen++;
	snprintf(last_notice, sizeof(last_notice), "%s", message);
}

/* Notices reach the handler formatted, and nowhere without one. */
static void test_notices(void **state)
{
	(void)state;
	notices_seen = 0;
	cm_notice("dropped %d ties", 3); /* no handler yet: nothing happens */
	assert_int_equal(notices_seen, 0);
	cm_notice_set_handler(keep_notice, NULL);
	cm_notice("merged %d repeated ties", 2);
	assert_int_equal(notices_seen, 1);
	assert_string_equal(last_notice, "merged 2 repeated ties");
	cm_notice_set_handler(NULL, NULL);
	cm_notice("not seen");
	assert_int_equal(notices_seen, 1);
}

static double progress_done, progress_total;

/* A progress handler that keeps the last figures. */
static void keep_progress(void *ctx, const char *what, double done, double total)
{
	(void)ctx;
	(void)what;
	progress_done = done;
	progress_total = total;
}

/* Progress reaches its handler. */
static void test_progress(void **state)
{
	(void)state;
	cm_progress("loading", 1, 2);
	cm_progress_set_handler(keep_progress, NULL);
	cm_progress("loading", 3, 4);
	assert_true(progress_done == 3 && progress_total == 4);
	cm_progress_set_handler(NULL, NULL);
}

/* An interrupt stays until cleared, and igraph's failures then read as interrupted. */
static void test_interrupt(void **state)
{
	(void)state;
	cm_interrupt_clear();
	assert_false(cm_interrupted());
	cm_interrupt();
	assert_true(cm_interrupted());
	cm_error_clear();
	assert_int_equal(cm_error_from_igraph(IGRAPH_FAILURE, "counting"), CM_EINTERRUPTED);
	cm_interrupt_clear();
	assert_false(cm_interrupted());
	cm_error_clear();
}

static char hook_order[8];
static int n_hooks_run;

/* Shutdown hooks that write down the order they run in. */
static void hook_a(void) { hook_order[n_hooks_run++] = 'a'; }
static void hook_b(void) { hook_order[n_hooks_run++] = 'b'; }

/* cm_shutdown() runs each hook once, last registered first, then forgets them. */
static void test_shutdown_hooks(void **state)
{
	(void)state;
	cm_shutdown(); /* start from no hook */
	n_hooks_run = 0;
	assert_int_equal(cm_shutdown_register(hook_a), 0);
	assert_int_equal(cm_shutdown_register(hook_b), 0);
	assert_int_equal(cm_shutdown_register(hook_a), 0); /* kept once */
	cm_shutdown();
	assert_int_equal(n_hooks_run, 2);
	assert_memory_equal(hook_order, "ba", 2);
	cm_shutdown();
	assert_int_equal(n_hooks_run, 2);
}

/* Seventeen distinct hooks, one more than the table holds. */
#define HOOK(n) static void hook_##n(void) { n_hooks_run++; }
HOOK(0) HOOK(1) HOOK(2) HOOK(3) HOOK(4) HOOK(5) HOOK(6) HOOK(7) HOOK(8)
HOOK(9) HOOK(10) HOOK(11) HOOK(12) HOOK(13) HOOK(14) HOOK(15) HOOK(16)

/* The table of hooks is bounded: past it, registering fails with a message, and the others still run. */
static void test_shutdown_hooks_full(void **state)
{
	static void (*const fns[17])(void) = {
		hook_0, hook_1, hook_2, hook_3, hook_4, hook_5, hook_6, hook_7, hook_8,
		hook_9, hook_10, hook_11, hook_12, hook_13, hook_14, hook_15, hook_16
	};

	(void)state;
	cm_shutdown();
	cm_error_clear();
	for (int i = 0; i < 16; i++)
		assert_int_equal(cm_shutdown_register(fns[i]), 0);
	assert_int_equal(cm_shutdown_register(fns[16]), CM_ENOMEM);
	assert_string_equal(cm_error_message(), "too many shutdown hooks");
	cm_error_clear();
	n_hooks_run = 0;
	cm_shutdown();
	assert_int_equal(n_hooks_run, 16);
}

/* cm_init() installs handlers so that an igraph error returns instead of aborting. */
static void test_init_keeps_igraph_reason(void **state)
{
	igraph_t g;
	igraph_error_t err;

	(void)state;
	cm_init();
	cm_error_clear();
	/* a negative vertex count is an igraph error with a reason */
	err = igraph_empty(&g, -1, IGRAPH_UNDIRECTED);
	assert_int_not_equal(err, IGRAPH_SUCCESS);
	assert_int_equal(cm_error_code(), CM_ERROR);
	assert_non_null(strstr(cm_error_message(), "igraph: "));
	cm_error_clear();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_error_first_kept),
		cmocka_unit_test(test_error_file_only),
		cmocka_unit_test(test_error_long_message),
		cmocka_unit_test(test_error_from_igraph),
		cmocka_unit_test(test_error_from_igraph_french),
		cmocka_unit_test(test_ig_macro),
		cmocka_unit_test(test_notices),
		cmocka_unit_test(test_progress),
		cmocka_unit_test(test_interrupt),
		cmocka_unit_test(test_shutdown_hooks),
		cmocka_unit_test(test_shutdown_hooks_full),
		cmocka_unit_test(test_init_keeps_igraph_reason),
	};
	return cmocka_run_group_tests_name("error", tests, NULL, NULL);
}
