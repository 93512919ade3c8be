/* Unit tests of src/model/year.c: the one parser of year text, by hand-written cases. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "coopmap/coopmap.h"
#include "coopmap/common.h"
#include "model/year.h"

/* Parse text under both undated rules; expect the same result from each. */
static void expect_year(const char *text, double want)
{
	for (int undated = CM_YEAR_EMPTY; undated <= CM_YEAR_BLANK; undated++) {
		double y = -12345;

		assert_int_equal(cm_year_parse(&y, text, undated), 0);
		if (isnan(want))
			assert_true(isnan(y));
		else
			assert_true(y == want);
	}
}

/* Refused under both rules, leaving *out alone. */
static void expect_refused(const char *text)
{
	for (int undated = CM_YEAR_EMPTY; undated <= CM_YEAR_BLANK; undated++) {
		double y = -12345;

		assert_int_equal(cm_year_parse(&y, text, undated), -1);
		assert_true(y == -12345);
	}
}

/* Whole numbers, through the fast path and through cm_parse_number. */
static void test_whole_numbers(void **state)
{
	(void)state;
	expect_year("2021", 2021);
	expect_year("0", 0);
	expect_year("-44", -44);
	expect_year("007", 7);
	expect_year("999999999", 999999999);   /* 9 digits: the fast path's widest */
	expect_year("1000000000", 1e9);        /* 10 digits: cm_parse_number, at the limit */
	expect_year("-1000000000", -1e9);
	expect_year(" 1999 ", 1999);           /* spaces around: cm_parse_number trims them */
	expect_year("\t1999", 1999);
	expect_year("+2000", 2000);
	expect_year("2e3", 2000);
	expect_year("2000.0", 2000);
	expect_year("0000000002001", 2001);    /* 13 digits of a small year */
}

/* Not whole, too large or not numbers at all. */
static void test_refused(void **state)
{
	(void)state;
	expect_refused("2020.5");
	expect_refused("1000000001");
	expect_refused("-1e10");
	expect_refused("1e308");
	expect_refused("abc");
	expect_refused("20 21");
	expect_refused("-");
	expect_refused("NaN");
	expect_refused("inf");
	expect_refused("0x7E5");
	expect_refused("2021,0");              /* no decimal comma in years */
}

/* "" is undated under both rules; spaces only, under CM_YEAR_BLANK alone. */
static void test_undated(void **state)
{
	double y = 0;

	(void)state;
	expect_year("", NAN);
	assert_int_equal(cm_year_parse(&y, " ", CM_YEAR_BLANK), 0);
	assert_true(isnan(y));
	assert_int_equal(cm_year_parse(&y, " \t ", CM_YEAR_BLANK), 0);
	assert_true(isnan(y));
	y = 5;
	assert_int_equal(cm_year_parse(&y, " ", CM_YEAR_EMPTY), -1);
	assert_int_equal(cm_year_parse(&y, "\t", CM_YEAR_EMPTY), -1);
	assert_true(y == 5);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_whole_numbers),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_undated),
	};

	cm_init();
	return cmocka_run_group_tests_name("year", tests, NULL, NULL);
}
