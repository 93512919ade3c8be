/*
 * Unit tests of src/load/centres.c: the region centres table (built in, or
 * read from a region,lat,lon file).  Run from the top of the source tree.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "coopmap/coopmap.h"
#include "coopmap/common.h"
#include "load/centres.h"

static char dir[] = "/tmp/coopmap-test-centres-XXXXXX";

/* A file of the test folder holding text; returns its path (one buffer: use it before the next call). */
static const char *write_file(const char *name, const char *text)
{
	static char path[256];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
	return path;
}

static int setup(void **state)
{
	(void)state;
	cm_error_clear();
	return 0;
}

/*
 * The built-in table, by hand: the 13 metropolitan regions, then the 5
 * overseas ones, numbered as insets in table order (Guadeloupe 0 ...
 * Mayotte 4).
 */
static void test_built_in(void **state)
{
	cm_centres t = { 0 };
	const cm_centre *c;

	(void)state;
	assert_int_equal(cm_centres_load(&t, NULL), 0);
	assert_int_equal(t.n, 18);
	assert_int_equal(t.n_insets, 5);
	assert_non_null(c = cm_centres_find(&t, "Bretagne"));
	assert_true(c->lat == 48.18 && c->lon == -2.84);
	assert_int_equal(c->inset, -1);
	assert_non_null(c = cm_centres_find(&t, "\xC3\x8Ele-de-France"));
	assert_int_equal(c->inset, -1);
	assert_non_null(c = cm_centres_find(&t, "Corse"));
	assert_int_equal(c->inset, -1);
	assert_non_null(c = cm_centres_find(&t, "Guadeloupe"));
	assert_int_equal(c->inset, 0);
	assert_non_null(c = cm_centres_find(&t, "Mayotte"));
	assert_int_equal(c->inset, 4);
	assert_true(c->lat == -12.82 && c->lon == 45.15);
	assert_null(cm_centres_find(&t, "Atlantis"));
	assert_null(cm_centres_find(&t, ""));
	cm_centres_free(&t);
	assert_int_equal(t.n, 0);
	cm_centres_free(&t);  /* a zeroed table is fine */
}

/* graphs/regions-fr-centres.csv and the built-in copy agree, row by row. */
static void test_file_matches_built_in(void **state)
{
	cm_centres a = { 0 }, b = { 0 };

	(void)state;
	assert_int_equal(cm_centres_load(&a, NULL), 0);
	assert_int_equal(cm_centres_load(&b, "graphs/regions-fr-centres.csv"), 0);
	assert_int_equal(a.n, b.n);
	assert_int_equal(a.n_insets, b.n_insets);
	for (size_t i = 0; i < a.n; i++) {
		assert_string_equal(a.c[i].region, b.c[i].region);
		assert_true(a.c[i].lat == b.c[i].lat && a.c[i].lon == b.c[i].lon);
		assert_int_equal(a.c[i].inset, b.c[i].inset);
	}
	cm_centres_free(&a);
	cm_centres_free(&b);
}

/* Columns are found by name, in any order and case; extra columns are ignored. */
static void test_columns_by_name(void **state)
{
	cm_centres t = { 0 };
	const cm_centre *c;

	(void)state;
	assert_int_equal(cm_centres_load(&t, write_file("c.csv", "LON,note,Region,lat\n-61.02,x,Martinique,14.64\n"
	                                                         "2.5,,Somewhere,48.7\n")), 0);
	assert_int_equal(t.n, 2);
	assert_int_equal(t.n_insets, 1);
	assert_non_null(c = cm_centres_find(&t, "Martinique"));
	assert_true(c->lat == 14.64 && c->lon == -61.02);
	assert_int_equal(c->inset, 0);
	assert_int_equal(cm_centres_find(&t, "Somewhere")->inset, -1);
	cm_centres_free(&t);
}

/* Bad files are errors naming the file (and the line), leaving an empty table. */
static void test_bad_files(void **state)
{
	cm_centres t = { 0 };

	(void)state;
	assert_int_equal(cm_centres_load(&t, "tests/data/render/no-such-centres.csv"), CM_EIO);
	assert_int_equal(t.n, 0);
	cm_error_clear();
	assert_int_equal(cm_centres_load(&t, write_file("empty.csv", "")), CM_EINPUT);
	assert_non_null(strstr(cm_error_message(), "empty file"));
	cm_error_clear();
	assert_int_equal(cm_centres_load(&t, write_file("cols.csv", "region,latitude,lon\nA,1,2\n")), CM_EINPUT);
	assert_non_null(strstr(cm_error_message(), "expected the columns region, lat and lon"));
	cm_error_clear();
	assert_int_equal(cm_centres_load(&t, write_file("deg.csv", "region,lat,lon\nA,45,2\nB,95,2\n")), CM_EINPUT);
	assert_non_null(strstr(cm_error_message(), "deg.csv:3: lat '95', lon '2': expected degrees"));
	assert_int_equal(t.n, 0);
	cm_error_clear();
	assert_int_equal(cm_centres_load(&t, write_file("short.csv", "region,lat,lon\nA,45\n")), CM_EINPUT);
	assert_non_null(strstr(cm_error_message(), "expected 3 fields, found 2"));
}

/* Metropolitan France is the box 41..51.5 N, 5.8 W..10 E: Corsica in, the overseas regions out. */
static void test_in_metropole(void **state)
{
	(void)state;
	assert_true(cm_centres_in_metropole(48.8566, 2.3522));   /* Paris */
	assert_true(cm_centres_in_metropole(48.3904, -4.4861));  /* Brest */
	assert_true(cm_centres_in_metropole(42.16, 9.09));       /* Corse */
	assert_false(cm_centres_in_metropole(16.20, -61.55));    /* Guadeloupe */
	assert_false(cm_centres_in_metropole(-21.13, 55.53));    /* La Réunion */
	assert_false(cm_centres_in_metropole(52.37, 4.90));      /* Amsterdam: north of the box */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_built_in, setup),
		cmocka_unit_test_setup(test_file_matches_built_in, setup),
		cmocka_unit_test_setup(test_columns_by_name, setup),
		cmocka_unit_test_setup(test_bad_files, setup),
		cmocka_unit_test_setup(test_in_metropole, setup),
	};
	char cmd[300];
	int failed;

	cm_init();
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 1;
	}
	failed = cmocka_run_group_tests_name("centres", tests, NULL, NULL);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		failed++;
	cm_shutdown();
	return failed;
}
