/*
 * Unit tests of src/present/report/html.c: escaping for HTML text and
 * attributes, and numbers with a decimal point or comma.  The expected
 * strings are written out by hand from the HTML standard's character
 * references and from the rounding rules stated in html.h.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "present/report/html.h"

/* What rh_text() writes for s. */
static char *escaped(const char *s)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	rh_text(f, s);
	fclose(f);
	return buf;
}

/* The five characters that can end an element or an attribute become references. */
static void test_text_markup(void **state)
{
	char *s;

	(void)state;
	s = escaped("</script><script>alert(1)</script>");
	assert_string_equal(s, "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;");
	free(s);
	s = escaped("\"><img src=x onerror='a'> & co");
	assert_string_equal(s, "&quot;&gt;&lt;img src=x onerror=&#39;a&#39;&gt; &amp; co");
	free(s);
	s = escaped(NULL);
	assert_string_equal(s, "");
	free(s);
}

/* UTF-8 passes; invalid bytes become U+FFFD; control characters but tab and newline a space. */
static void test_text_bytes(void **state)
{
	char *s;

	(void)state;
	s = escaped("Cité éducative « Île-de-France » \xe2\x80\xa8");
	assert_string_equal(s, "Cité éducative « Île-de-France » \xe2\x80\xa8");
	free(s);
	s = escaped("a\xff" "b\xc3(c\xed\xa0\x80" "d");   /* a stray byte, a cut sequence, a surrogate */
	assert_string_equal(s, "a\xef\xbf\xbd" "b\xef\xbf\xbd(c\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd" "d");
	free(s);
	s = escaped("a\rb\x01" "c\td\ne");
	assert_string_equal(s, "a b c\td\ne");
	free(s);
}

/* Numbers: at most N decimals, trailing zeros dropped, comma in French, "" for NaN. */
static void test_real(void **state)
{
	char buf[64];

	(void)state;
	rh_real(buf, sizeof(buf), 0.0491147915477, 4, 0);
	assert_string_equal(buf, "0.0491");
	rh_real(buf, sizeof(buf), 0.0491147915477, 4, 1);
	assert_string_equal(buf, "0,0491");
	rh_real(buf, sizeof(buf), 0.721519110782, 2, 1);
	assert_string_equal(buf, "0,72");
	rh_real(buf, sizeof(buf), 1559.5, 1, 0);
	assert_string_equal(buf, "1559.5");
	rh_real(buf, sizeof(buf), 3.0, 3, 1);
	assert_string_equal(buf, "3");
	rh_real(buf, sizeof(buf), -0.0001, 2, 0);
	assert_string_equal(buf, "0");
	rh_real(buf, sizeof(buf), NAN, 2, 0);
	assert_string_equal(buf, "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text_markup),
		cmocka_unit_test(test_text_bytes),
		cmocka_unit_test(test_real),
	};
	return cmocka_run_group_tests_name("present/report/html", tests, NULL, NULL);
}
