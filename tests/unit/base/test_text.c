/* Unit tests of src/base/text.c: UTF-8 validation, width and repair, the order of names. */
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
#include "base/text.h"

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

/* Names sort ignoring case and accents: Île-de-France between Hauts-de-France and Normandie. */
static void test_name_cmp(void **state)
{
	(void)state;
	assert_true(cm_name_cmp("Hauts-de-France", "Île-de-France") < 0);
	assert_true(cm_name_cmp("Île-de-France", "Normandie") < 0);
	assert_true(cm_name_cmp("Écully", "ecully") != 0);
	assert_true(cm_name_cmp("Bretagne", "Bretagne") == 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_utf8_valid),
		cmocka_unit_test(test_utf8_width),
		cmocka_unit_test(test_utf8_sanitize),
		cmocka_unit_test(test_name_cmp),
	};
	return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
