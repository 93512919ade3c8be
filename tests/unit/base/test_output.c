/* Unit tests of src/output.c: atomic output files. */
#include <dirent.h>
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "coopmap/coopmap.h"
#include "coopmap/common.h"
#include "coopmap/output.h"
#include "base/error.h"

static char dir[] = "/tmp/coopmap-test-output-XXXXXX";

/* Write text to path with stdio (the "existing file" of a test). */
static void put_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

/* The whole content of path, or NULL when it cannot be read. */
static char *get_file(const char *path)
{
	static char buf[4096];
	FILE *f = fopen(path, "r");
	size_t n;

	if (!f)
		return NULL;
	n = fread(buf, 1, sizeof(buf) - 1, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

/* How many entries of the test folder start with "." (left-over temporary files). */
static int hidden_files(void)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	assert_non_null(d);
	while ((e = readdir(d)) != NULL)
		if (e->d_name[0] == '.' && strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			n++;
	closedir(d);
	return n;
}

static char *path_in(const char *name)
{
	static char buf[256];

	snprintf(buf, sizeof(buf), "%s/%s", dir, name);
	return buf;
}

static int setup(void **state)
{
	(void)state;
	cm_error_clear();
	return 0;
}

/* A committed output holds exactly what was written and no temporary file remains. */
static void test_commit(void **state)
{
	char path[256];
	cm_output *o = NULL;

	(void)state;
	snprintf(path, sizeof(path), "%s", path_in("a.txt"));
	assert_int_equal(cm_output_open(&o, path), 0);
	/* the temporary file lives beside the destination, hidden, until commit */
	assert_non_null(strstr(cm_output_temp_path(o), "/.a.txt."));
	assert_int_equal(hidden_files(), 1);
	fputs("hello\n", cm_output_stream(o));
	assert_null(get_file(path));
	assert_int_equal(cm_output_commit(o), 0);
	assert_string_equal(get_file(path), "hello\n");
	assert_int_equal(hidden_files(), 0);
	unlink(path);
}

/* Aborting leaves the existing file untouched and removes the temporary file. */
static void test_abort_keeps_existing(void **state)
{
	char path[256];
	cm_output *o = NULL;

	(void)state;
	snprintf(path, sizeof(path), "%s", path_in("b.txt"));
	put_file(path, "old\n");
	assert_int_equal(cm_output_open(&o, path), 0);
	fputs("new and half-written", cm_output_stream(o));
	cm_output_abort(o);
	assert_string_equal(get_file(path), "old\n");
	assert_int_equal(hidden_files(), 0);
	cm_output_abort(NULL); /* allowed */
	unlink(path);
}

/* Committing over an existing file replaces it and keeps its permissions. */
static void test_replace_keeps_mode(void **state)
{
	char path[256];
	cm_output *o = NULL;
	struct stat st;

	(void)state;
	snprintf(path, sizeof(path), "%s", path_in("c.txt"));
	put_file(path, "old\n");
	assert_int_equal(chmod(path, 0640), 0);
	assert_int_equal(cm_output_open(&o, path), 0);
	fputs("new\n", cm_output_stream(o));
	assert_int_equal(cm_output_commit(o), 0);
	assert_string_equal(get_file(path), "new\n");
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0640);
	unlink(path);
}

/* A new file gets 0666 less the umask, as if opened with fopen (not mkstemp's 0600). */
static void test_new_file_mode(void **state)
{
	char path[256];
	cm_output *o = NULL;
	struct stat st;
	mode_t old = umask(022);

	(void)state;
	snprintf(path, sizeof(path), "%s", path_in("d.txt"));
	assert_int_equal(cm_output_open(&o, path), 0);
	assert_int_equal(cm_output_commit(o), 0);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0644);
	umask(old);
	unlink(path);
}

/* /dev/full is written directly (nothing to replace) and the ENOSPC is reported. */
static void test_dev_full(void **state)
{
	cm_output *o = NULL;

	(void)state;
	assert_int_equal(cm_output_open(&o, "/dev/full"), 0);
	fputs("anything\n", cm_output_stream(o));
	assert_int_equal(cm_output_commit(o), CM_EIO);
	assert_non_null(strstr(cm_error_message(), "/dev/full"));
	assert_non_null(strstr(cm_error_message(), strerror(ENOSPC)));
}

/* More than a stdio buffer to /dev/full: the first failed write's errno is kept. */
static void test_dev_full_large(void **state)
{
	cm_output *o = NULL;

	(void)state;
	assert_int_equal(cm_output_open(&o, "/dev/full"), 0);
	for (int i = 0; i < 100000; i++)
		fputs("0123456789", cm_output_stream(o));
	assert_int_equal(cm_output_commit(o), CM_EIO);
	assert_non_null(strstr(cm_error_message(), strerror(ENOSPC)));
}

/* A folder given as the output, with or without a trailing slash. */
static void test_directory(void **state)
{
	char path[256];
	cm_output *o = NULL;

	(void)state;
	assert_int_equal(cm_output_open(&o, dir), CM_EIO);
	assert_null(o);
	assert_non_null(strstr(cm_error_message(), "is a directory"));
	cm_error_clear();
	snprintf(path, sizeof(path), "%s/", dir);
	assert_int_equal(cm_output_open(&o, path), CM_EIO);
	assert_non_null(strstr(cm_error_message(), "is a directory"));
}

/* A missing folder: the message names the destination, not the temporary file. */
static void test_missing_directory(void **state)
{
	cm_output *o = NULL;

	(void)state;
	assert_int_equal(cm_output_open(&o, path_in("nope/x.svg")), CM_EIO);
	assert_null(o);
	assert_non_null(strstr(cm_error_message(), "nope/x.svg"));
	assert_null(strstr(cm_error_message(), "XXXXXX"));
}

/* A folder without write permission (root ignores permissions, so skip then). */
static void test_unwritable_directory(void **state)
{
	char sub[256], path[300];
	cm_output *o = NULL;

	(void)state;
	if (geteuid() == 0)
		skip();
	snprintf(sub, sizeof(sub), "%s", path_in("ro"));
	assert_int_equal(mkdir(sub, 0555), 0);
	snprintf(path, sizeof(path), "%s/x.svg", sub);
	assert_int_equal(cm_output_open(&o, path), CM_EIO);
	assert_non_null(strstr(cm_error_message(), strerror(EACCES)));
	rmdir(sub);
}

/*
 * A folder that exists but takes no new files (/proc): the system's reason,
 * not "no such directory" (finding F9).
 */
static void test_folder_refusing_files(void **state)
{
	cm_output *o = NULL;

	(void)state;
	if (access("/proc/self", F_OK) != 0)
		skip();
	assert_int_equal(cm_output_open(&o, "/proc/coopmap-test-output.svg"), CM_EIO);
	assert_null(o);
	assert_non_null(strstr(cm_error_message(), "cannot write '/proc/coopmap-test-output.svg': "));
	assert_null(strstr(cm_error_message(), "no such directory"));
}

/*
 * Over the file size limit (RLIMIT_FSIZE, like a quota), with SIGXFSZ
 * ignored as coopmap's main does (F8): the write fails with EFBIG, the
 * commit reports it, the old file stays and no temporary file is left.
 */
static void test_file_size_limit(void **state)
{
	char path[256];
	cm_output *o = NULL;
	struct rlimit old, lim;
	void (*prev)(int);
	int rc;

	(void)state;
	snprintf(path, sizeof(path), "%s", path_in("fsz.txt"));
	put_file(path, "old\n");
	prev = signal(SIGXFSZ, SIG_IGN);
	assert_int_equal(getrlimit(RLIMIT_FSIZE, &old), 0);
	lim = old;
	lim.rlim_cur = 4096;
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &lim), 0);
	rc = cm_output_open(&o, path);
	if (rc == 0) {
		/* 20,000 bytes: several stdio buffers, well past the 4,096-byte limit */
		for (int i = 0; i < 2000; i++)
			fputs("0123456789", cm_output_stream(o));
		rc = cm_output_commit(o);
	}
	setrlimit(RLIMIT_FSIZE, &old);
	signal(SIGXFSZ, prev);
	assert_int_equal(rc, CM_EIO);
	assert_non_null(strstr(cm_error_message(), strerror(EFBIG)));
	assert_string_equal(get_file(path), "old\n");
	assert_int_equal(hidden_files(), 0);
	unlink(path);
}

/* The signal path unlinks open temporary files; a later commit then fails cleanly. */
static void test_abort_all_signal_safe(void **state)
{
	char path[256], temp[256];
	cm_output *o = NULL;

	(void)state;
	snprintf(path, sizeof(path), "%s", path_in("e.txt"));
	put_file(path, "old\n");
	assert_int_equal(cm_output_open(&o, path), 0);
	snprintf(temp, sizeof(temp), "%s", cm_output_temp_path(o));
	fputs("partial", cm_output_stream(o));
	cm_output_abort_all_signal_safe();
	assert_int_equal(access(temp, F_OK), -1);
	assert_int_equal(cm_output_commit(o), CM_EIO);
	assert_string_equal(get_file(path), "old\n");
	assert_int_equal(hidden_files(), 0);
	unlink(path);
}

/* Writing through a symlink replaces the file it points to and keeps the link. */
static void test_symlink(void **state)
{
	char target[256], link[256];
	cm_output *o = NULL;
	struct stat st;

	(void)state;
	snprintf(target, sizeof(target), "%s", path_in("target.txt"));
	snprintf(link, sizeof(link), "%s", path_in("link.txt"));
	put_file(target, "old\n");
	assert_int_equal(symlink(target, link), 0);
	assert_int_equal(cm_output_open(&o, link), 0);
	fputs("new\n", cm_output_stream(o));
	assert_int_equal(cm_output_commit(o), 0);
	assert_int_equal(lstat(link, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	assert_string_equal(get_file(target), "new\n");
	unlink(link);
	unlink(target);
}

/* "-" is standard output: no temporary file. */
static void test_stdout(void **state)
{
	cm_output *o = NULL;

	(void)state;
	assert_int_equal(cm_output_open(&o, "-"), 0);
	assert_ptr_equal(cm_output_stream(o), stdout);
	assert_string_equal(cm_output_temp_path(o), "-");
	assert_int_equal(cm_output_commit(o), 0);
}

/*
 * error.c's igraph handler (cm_init), tested here beside the other failure
 * paths: an igraph error returns to the caller with the reason recorded,
 * instead of igraph's default handler aborting the process.
 */
static void test_igraph_error_returns(void **state)
{
	igraph_t g;
	igraph_vector_int_t deg;
	igraph_error_t err;

	(void)state;
	assert_int_equal(igraph_ring(&g, 5, IGRAPH_UNDIRECTED, 0, 1), IGRAPH_SUCCESS);
	assert_int_equal(igraph_vector_int_init(&deg, 0), IGRAPH_SUCCESS);
	/* vertex 7 of a 5-vertex ring does not exist */
	err = igraph_degree(&g, &deg, igraph_vss_1(7), IGRAPH_ALL, IGRAPH_LOOPS);
	assert_int_equal(err, IGRAPH_EINVVID);
	assert_int_equal(cm_error_code(), CM_ERROR);
	assert_non_null(strstr(cm_error_message(), "igraph: "));
	assert_int_equal(IGRAPH_FINALLY_STACK_SIZE(), 0);
	cm_error_clear();
	assert_int_equal(cm_error_from_igraph(err, "counting degrees"), CM_ERROR);
	assert_non_null(strstr(cm_error_message(), "counting degrees"));
	igraph_vector_int_destroy(&deg);
	igraph_destroy(&g);
}

/*
 * An interrupted igraph function returns IGRAPH_INTERRUPTED without calling
 * the error handler; its work memory (here the weak-components queue, neighbour
 * vector and visited flags) must not stay on the FINALLY stack (F11: leaked,
 * and a later error would have freed pointers into dead stack frames).
 * Under ASan and valgrind a leak also fails the test.
 */
static void test_igraph_interrupted_frees(void **state)
{
	igraph_t g;
	igraph_vector_int_t memb;
	igraph_integer_t no = 0;
	igraph_error_t err;

	(void)state;
	assert_int_equal(igraph_ring(&g, 100, IGRAPH_UNDIRECTED, 0, 1), IGRAPH_SUCCESS);
	assert_int_equal(igraph_vector_int_init(&memb, 0), IGRAPH_SUCCESS);
	cm_interrupt();
	err = igraph_connected_components(&g, &memb, NULL, &no, IGRAPH_WEAK);
	cm_interrupt_clear();
	assert_int_equal(err, IGRAPH_INTERRUPTED);
	assert_int_equal(IGRAPH_FINALLY_STACK_SIZE(), 0);
	/* once cleared, the same call runs: a ring is one component */
	assert_int_equal(igraph_connected_components(&g, &memb, NULL, &no, IGRAPH_WEAK), IGRAPH_SUCCESS);
	assert_int_equal(no, 1);
	igraph_vector_int_destroy(&memb);
	igraph_destroy(&g);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_commit, setup),
		cmocka_unit_test_setup(test_abort_keeps_existing, setup),
		cmocka_unit_test_setup(test_replace_keeps_mode, setup),
		cmocka_unit_test_setup(test_new_file_mode, setup),
		cmocka_unit_test_setup(test_dev_full, setup),
		cmocka_unit_test_setup(test_dev_full_large, setup),
		cmocka_unit_test_setup(test_directory, setup),
		cmocka_unit_test_setup(test_missing_directory, setup),
		cmocka_unit_test_setup(test_unwritable_directory, setup),
		cmocka_unit_test_setup(test_abort_all_signal_safe, setup),
		cmocka_unit_test_setup(test_symlink, setup),
		cmocka_unit_test_setup(test_stdout, setup),
		cmocka_unit_test_setup(test_folder_refusing_files, setup),
		cmocka_unit_test_setup(test_file_size_limit, setup),
		cmocka_unit_test_setup(test_igraph_error_returns, setup),
		cmocka_unit_test_setup(test_igraph_interrupted_frees, setup),
	};
	int failed;

	igraph_set_attribute_table(&igraph_cattribute_table);
	cm_init();
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 1;
	}
	failed = cmocka_run_group_tests_name("output", tests, NULL, NULL);
	rmdir(dir);
	return failed;
}
