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
#include "present/map/group.h"
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

/* Slots by value: the known types fixed, the others in sorted order, the rest the fallback. */
static void test_slots_by_value(void **state)
{
	/* by frequency "zeta" leads; by value the known types keep their entries */
	const char *vals[] = { "zeta", "zeta", "zeta", "cite", "alpha", "", "crpv", "beta" };
	grouping gr;

	(void)state;
	assert_int_equal(cm_map_group_values(&gr, vals, 8, "type", OTHER_SLOT), 0);
	assert_int_equal(cm_map_slot_by_value(&gr, 8, 1, N_COLORS), 0);
	/* cite is known type 0, crpv 1; alpha, beta, zeta follow the ten known types, sorted */
	assert_int_equal(gr.slot[3], 0);
	assert_int_equal(gr.slot[6], 1);
	assert_int_equal(gr.slot[4], 10);
	assert_int_equal(gr.slot[7], 11);
	/* the twelve colours are used up: zeta and the unknown get the documented fallback */
	assert_int_equal(gr.slot[0], OTHER_SLOT);
	assert_int_equal(gr.slot[5], OTHER_SLOT);
	assert_int_equal(gr.named, 4);
	assert_string_equal(cm_map_color(0), "/paired12/2");
	assert_string_equal(cm_map_color(OTHER_SLOT), "/greys9/4");
	/* not the type attribute: every value in sorted order from the first entry */
	assert_int_equal(cm_map_slot_by_value(&gr, 8, 0, N_COLORS), 0);
	assert_int_equal(gr.slot[4], 0); /* alpha */
	assert_int_equal(gr.slot[7], 1); /* beta */
	assert_int_equal(gr.slot[3], 2); /* cite */
	assert_int_equal(gr.slot[6], 3); /* crpv */
	assert_int_equal(gr.slot[0], 4); /* zeta */
	cm_map_grouping_free(&gr);
}

/* Rings: black and magenta, far from the paired12 fills; a fill close to the first candidate moves it on. */
static void test_marks(void **state)
{
	const char *vals[] = { "cite", "collectivite" };

	map_marks m;
	grouping gr;
	unsigned char rgb[3];

	(void)state;
	assert_int_equal(cm_map_group_values(&gr, vals, 2, "type", OTHER_SLOT), 0);
	assert_int_equal(cm_map_slot_by_value(&gr, 2, 1, N_COLORS), 0);
	assert_int_equal(cm_map_pick_marks(&m, &gr), 0);
	assert_string_equal(m.isolated, "#000000");
	assert_string_equal(m.broker, "#ff00ff");
	/* Dark2 green #1b9e77 is 72 from the cite blue #1f78b4 and 79 from the collectivite green #33a02c
	 * (hand computed), under the 100 required: cyan instead */
	assert_string_equal(m.joined, "#00e5ff");
	assert_int_equal(cm_map_color_rgb(rgb, "/paired12/4"), 0);
	assert_int_equal(rgb[0], 0x33);
	assert_int_equal(rgb[1], 0xa0);
	assert_int_equal(rgb[2], 0x2c);
	cm_map_grouping_free(&gr);
	/* parents only (pink #fb9a99, 230 from #1b9e77): the Dark2 green stays */
	vals[0] = "parents";
	assert_int_equal(cm_map_group_values(&gr, vals, 1, "type", OTHER_SLOT), 0);
	assert_int_equal(cm_map_slot_by_value(&gr, 1, 1, N_COLORS), 0);
	assert_int_equal(cm_map_pick_marks(&m, &gr), 0);
	assert_string_equal(m.joined, "/dark28/1");
	cm_map_grouping_free(&gr);
}

/* Shapes and legend glyphs by slot: all distinct; past the last, the fallback. */
static void test_shapes(void **state)
{
	(void)state;
	assert_string_equal(cm_map_shape(0), "circle");
	assert_string_equal(cm_map_shape(1), "box");
	assert_string_equal(cm_map_shape(8), "doublecircle");
	assert_string_equal(cm_map_shape(9), "parallelogram");
	assert_string_equal(cm_map_shape(N_SHAPES), "Msquare");
	assert_string_equal(cm_map_shape(OTHER_SLOT), "Msquare");
	assert_string_equal(cm_map_glyph(0), "\xE2\x97\x8F");
	for (int i = 0; i <= N_SHAPES; i++)
		for (int j = 0; j < i; j++)
			assert_string_not_equal(cm_map_glyph(i), cm_map_glyph(j));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_escape_text),
		cmocka_unit_test(test_escape_text_cut),
		cmocka_unit_test(test_slots_by_value),
		cmocka_unit_test(test_marks),
		cmocka_unit_test(test_shapes),
	};

	return cmocka_run_group_tests_name("style", tests, NULL, NULL);
}
