/* Unit tests of src/present/map/style.c: palettes, shapes, and label text escaped for Graphviz. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "coopmap/coopmap.h"
#include "coopmap/common.h"
#include "base/strbuf.h"
#include "present/map/map.h"
#include "present/map/style.h"

/* s escaped (html or not, cut at max_chars) equals want. */
static void expect_escaped(const char *s, int html, size_t max_chars, const char *want)
{
	cm_strbuf b = { 0 };

	assert_int_equal(cm_map_escape_text(&b, s, html, max_chars), 0);
	assert_non_null(b.s);
	assert_string_equal(b.s, want);
	cm_strbuf_free(&b);
}

/* Text from data: \ doubled, & as &amp;, < > " only in HTML labels, controls dropped or spaced. */
static void test_escape_text(void **state)
{
	(void)state;
	expect_escaped("", 0, 0, "");
	expect_escaped(NULL, 0, 0, "");
	expect_escaped("a & b", 0, 0, "a &amp; b");
	expect_escaped("&lt;", 1, 0, "&amp;lt;");
	expect_escaped("\\N", 0, 0, "\\\\N");
	expect_escaped("<i>\"x\"</i>", 1, 0, "&lt;i&gt;&quot;x&quot;&lt;/i&gt;");
	expect_escaped("<i>", 0, 0, "<i>");
	expect_escaped("ctl\x01\x1b" "z", 0, 0, "ctlz");
	expect_escaped("a\tb\nc", 0, 0, "a b c");
	expect_escaped("c1\xC2\x85" "x", 0, 0, "c1x");
	expect_escaped("caf\xe9", 0, 0, "caf\xEF\xBF\xBD");
}

/*
 * Cut labels keep the start and the last 8 characters around an ellipsis,
 * by hand: 33 characters cut to 32 give 23 + "…" + 8; a label of exactly
 * max_chars stays whole; below 17 characters there is no tail.
 */
static void test_escape_text_cut(void **state)
{
	(void)state;
	expect_escaped("Cite educative Hauts de France 13", 0, 32, "Cite educative Hauts de\xE2\x80\xA6rance 13");
	expect_escaped("Cite educative Hauts de France 1", 0, 32, "Cite educative Hauts de France 1");
	expect_escaped("abcdefghijkl", 0, 10, "abcdefghi\xE2\x80\xA6");
	/* characters, not bytes: "é" counts once */
	expect_escaped("\xC3\xA9\xC3\xA9\xC3\xA9", 0, 3, "\xC3\xA9\xC3\xA9\xC3\xA9");
}

/* Palettes by number of named values, colours by rank, the grey for the others. */
static void test_palettes(void **state)
{
	char buf[32];

	(void)state;
	assert_string_equal(cm_map_palette(0)->scheme, "set28");
	assert_string_equal(cm_map_palette(7)->scheme, "set28");
	assert_string_equal(cm_map_palette(8)->scheme, "set19");
	assert_string_equal(cm_map_palette(9)->scheme, "set312");
	assert_string_equal(cm_map_palette(10)->scheme, "set312");
	cm_map_color_name(buf, sizeof(buf), cm_map_palette(7), 0);
	assert_string_equal(buf, "/set28/1");
	cm_map_color_name(buf, sizeof(buf), cm_map_palette(7), OTHER_SLOT);
	assert_string_equal(buf, "/set28/8");
	/* set312 leaves out its pale yellow 2: rank 1 is colour 3 */
	cm_map_color_name(buf, sizeof(buf), cm_map_palette(10), 1);
	assert_string_equal(buf, "/set312/3");
	cm_map_color_name(buf, sizeof(buf), cm_map_palette(10), OTHER_SLOT);
	assert_string_equal(buf, "/set312/9");
}

/* Shapes and legend glyphs by rank; every rank past the last shares doublecircle. */
static void test_shapes(void **state)
{
	(void)state;
	assert_string_equal(cm_map_shape(0), "circle");
	assert_string_equal(cm_map_shape(1), "box");
	assert_string_equal(cm_map_shape(MAX_SHAPES - 1), "star");
	assert_string_equal(cm_map_shape(MAX_SHAPES), "doublecircle");
	assert_string_equal(cm_map_shape(OTHER_SLOT), "doublecircle");
	assert_string_equal(cm_map_glyph(0), "\xE2\x97\x8F");
	assert_string_equal(cm_map_glyph(OTHER_SLOT), "\xE2\x97\x8E");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_escape_text),
		cmocka_unit_test(test_escape_text_cut),
		cmocka_unit_test(test_palettes),
		cmocka_unit_test(test_shapes),
	};

	return cmocka_run_group_tests_name("style", tests, NULL, NULL);
}
