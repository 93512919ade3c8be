/* Unit tests of src/base/number.c: numbers as text whatever the locale. */
#include <locale.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "coopmap/coopmap.h"

/* Numbers are read as in the C locale; the decimal comma only when asked. */
static void test_parse_number(void **state)
{
	double v = 0;

	(void)state;
	assert_int_equal(cm_parse_number(&v, "2.5", 0), 0);
	assert_true(v == 2.5);
	assert_int_equal(cm_parse_number(&v, " 3 ", 0), 0);
	assert_true(v == 3.0);
	assert_int_equal(cm_parse_number(&v, "2,5", 1), 0);
	assert_true(v == 2.5);
	assert_int_equal(cm_parse_number(&v, "2,5", 0), -1);
	assert_int_equal(cm_parse_number(&v, "1e3", 0), 0);
	assert_true(v == 1000.0);
	/* refused: text, NaN, infinities, overflow, hex, empty */
	assert_int_equal(cm_parse_number(&v, "zz", 0), -1);
	assert_int_equal(cm_parse_number(&v, "nan", 0), -1);
	assert_int_equal(cm_parse_number(&v, "inf", 0), -1);
	assert_int_equal(cm_parse_number(&v, "-Infinity", 0), -1);
	assert_int_equal(cm_parse_number(&v, "1e400", 0), -1);
	assert_int_equal(cm_parse_number(&v, "0x10", 0), -1);
	assert_int_equal(cm_parse_number(&v, "", 0), -1);
}

/* A French LC_NUMERIC must change neither parsing nor printing. */
static void test_numbers_ignore_locale(void **state)
{
	char buf[32];
	double v = 0;

	(void)state;
	if (!setlocale(LC_NUMERIC, "fr_FR.UTF-8"))
		setlocale(LC_NUMERIC, "fr_FR");
	assert_int_equal(cm_parse_number(&v, "0.25", 0), 0);
	assert_true(v == 0.25);
	cm_format_number(buf, sizeof(buf), 0.25);
	assert_string_equal(buf, "0.25");
	setlocale(LC_NUMERIC, "C");
}

/* Integers print without decimals, others with 12 significant digits, NaN as "". */
static void test_format_number(void **state)
{
	char buf[32];

	(void)state;
	cm_format_number(buf, sizeof(buf), 17);
	assert_string_equal(buf, "17");
	cm_format_number(buf, sizeof(buf), -0.0);
	assert_string_equal(buf, "0");
	cm_format_number(buf, sizeof(buf), 1.0 / 3.0);
	assert_string_equal(buf, "0.333333333333");
	cm_format_number(buf, sizeof(buf), NAN);
	assert_string_equal(buf, "");
}

/*
 * Significant digits, rounded by hand: whole numbers in full whatever the
 * digits, a rounding to a whole number without exponent, small numbers
 * with one, out-of-range digits as the default.
 */
static void test_format_significant(void **state)
{
	char buf[32];

	(void)state;
	cm_format_significant(buf, sizeof(buf), 123456789, 2);
	assert_string_equal(buf, "123456789");
	cm_format_significant(buf, sizeof(buf), 1234.5, 2);
	assert_string_equal(buf, "1200");
	cm_format_significant(buf, sizeof(buf), 9.99, 2);
	assert_string_equal(buf, "10");
	cm_format_significant(buf, sizeof(buf), -0.0491147915477, 3);
	assert_string_equal(buf, "-0.0491");
	cm_format_significant(buf, sizeof(buf), 0.000012345, 3);
	assert_string_equal(buf, "1.23e-05");
	cm_format_significant(buf, sizeof(buf), -0.004, 1);
	assert_string_equal(buf, "-0.004");
	cm_format_significant(buf, sizeof(buf), -0.4, 1);
	assert_string_equal(buf, "-0.4");
	cm_format_significant(buf, sizeof(buf), 0.04, 1);
	assert_string_equal(buf, "0.04");
	cm_format_significant(buf, sizeof(buf), 0.1, 17);
	assert_string_equal(buf, "0.10000000000000001");
	cm_format_significant(buf, sizeof(buf), 1.0 / 3.0, 0);
	assert_string_equal(buf, "0.333333333333");
	cm_format_significant(buf, sizeof(buf), NAN, 3);
	assert_string_equal(buf, "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_number),
		cmocka_unit_test(test_numbers_ignore_locale),
		cmocka_unit_test(test_format_number),
		cmocka_unit_test(test_format_significant),
	};
	return cmocka_run_group_tests_name("number", tests, NULL, NULL);
}
