/* Unit tests of src/util.c: strings, UTF-8 and locale-independent numbers. */
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
#include "coopmap/common.h"
#include "coopmap/text.h"
#include "base/file.h"
#include "base/text.h"

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

/* UTF-8 validation: accents pass; Latin-1 bytes, overlongs and surrogates fail. */
static void test_utf8_valid(void **state)
{
	(void)state;
	assert_true(cm_utf8_valid("Île-de-France", strlen("Île-de-France")));
	assert_false(cm_utf8_valid("\xCEle", 3));          /* Latin-1 'Î' */
	assert_false(cm_utf8_valid("\xC0\xAF", 2));        /* overlong '/' */
	assert_false(cm_utf8_valid("\xED\xA0\x80", 3));    /* surrogate */
	assert_false(cm_utf8_valid("a\0b", 3));            /* NUL byte */
}

/* Terminal width counts characters, not bytes. */
static void test_utf8_width(void **state)
{
	(void)state;
	assert_int_equal(cm_utf8_width("Île-de-France"), 13);
	assert_int_equal(cm_utf8_width("cité"), 4);
	assert_int_equal(cm_utf8_width("e\xCC\x81"), 1); /* e + combining acute */
	assert_int_equal(cm_utf8_width("\xE4\xB8\xAD"), 2); /* a CJK ideograph */
}

/* Invalid bytes become U+FFFD, valid text is unchanged. */
static void test_utf8_sanitize(void **state)
{
	char *s;

	(void)state;
	s = cm_utf8_sanitize("caf\xE9!");
	assert_string_equal(s, "caf\xEF\xBF\xBD!");
	free(s);
	s = cm_utf8_sanitize("Résovilles");
	assert_string_equal(s, "Résovilles");
	free(s);
}

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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_number),
		cmocka_unit_test(test_numbers_ignore_locale),
		cmocka_unit_test(test_format_number),
		cmocka_unit_test(test_utf8_valid),
		cmocka_unit_test(test_utf8_width),
		cmocka_unit_test(test_utf8_sanitize),
		cmocka_unit_test(test_error_first_kept),
		cmocka_unit_test(test_read_file_errors),
	};
	return cmocka_run_group_tests_name("util", tests, NULL, NULL);
}
