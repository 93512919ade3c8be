/*
 * Unit tests of src/table.c: the four writers, quoting, JSON escaping,
 * UTF-8 widths, stable sorting and undefined numbers.  Every expected text
 * below is written by hand from the formats' rules (RFC 4180, RFC 8259).
 */
#include <errno.h>
#include <math.h>
#include <setjmp.h>
#include <signal.h>
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
#include "coopmap/table.h"
#include "base/text.h"

/* Write t in format to memory; the caller frees the text. */
static char *render(const cm_table *t, cm_format format, size_t top)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);

	assert_non_null(f);
	assert_int_equal(cm_table_write(f, t, format, top), 0);
	assert_int_equal(fclose(f), 0);
	return text;
}

/*
 * A three-row table: name (string), degree (int), score (real), hub (bool).
 * Row 1 has an undefined score; row 2 an undefined name and degree.
 */
static cm_table *sample(void)
{
	cm_table *t = NULL;

	assert_int_equal(cm_table_new(&t), 0);
	assert_int_equal(cm_table_add_column(t, "name", CM_COL_STRING), 0);
	assert_int_equal(cm_table_add_column(t, "degree", CM_COL_INT), 1);
	assert_int_equal(cm_table_add_column(t, "score", CM_COL_REAL), 2);
	assert_int_equal(cm_table_add_column(t, "hub", CM_COL_BOOL), 3);
	assert_int_equal(cm_table_add_rows(t, 3), 0);
	assert_int_equal(cm_table_set_string(t, 0, 0, "Île-de-France"), 0);
	cm_table_set_number(t, 0, 1, 12);
	cm_table_set_number(t, 0, 2, 0.25);
	cm_table_set_number(t, 0, 3, 1);
	assert_int_equal(cm_table_set_string(t, 1, 0, "a,b \"c\""), 0);
	cm_table_set_number(t, 1, 1, 3);
	cm_table_set_number(t, 1, 2, NAN);
	cm_table_set_number(t, 1, 3, 0);
	cm_table_set_number(t, 2, 2, 1.0 / 3.0);
	cm_table_set_number(t, 2, 3, 0);
	return t;
}

static void test_format_parse(void **state)
{
	cm_format f = CM_FORMAT_TABLE;

	(void)state;
	assert_int_equal(cm_format_parse(&f, "json"), 0);
	assert_int_equal(f, CM_FORMAT_JSON);
	assert_int_equal(cm_format_parse(&f, "csv"), 0);
	assert_int_equal(f, CM_FORMAT_CSV);
	assert_int_equal(cm_format_parse(&f, "tsv"), 0);
	assert_int_equal(f, CM_FORMAT_TSV);
	assert_int_equal(cm_format_parse(&f, "table"), 0);
	assert_int_equal(f, CM_FORMAT_TABLE);
	assert_int_equal(cm_format_parse(&f, "csv-fr"), 0);
	assert_int_equal(f, CM_FORMAT_CSV_FR);
	cm_error_clear();
	assert_int_equal(cm_format_parse(&f, "JSON5"), CM_EUSAGE);
	assert_non_null(strstr(cm_error_message(), "'JSON5'"));
	assert_non_null(strstr(cm_error_message(), "table, csv, csv-fr, tsv or json"));
	cm_error_clear();
}

/* Columns, rows and cell access; undefined cells read as NaN and "". */
static void test_cells(void **state)
{
	cm_table *t = sample();

	(void)state;
	assert_int_equal(cm_table_ncols(t), 4);
	assert_int_equal(cm_table_nrows(t), 3);
	assert_int_equal(cm_table_column(t, "score"), 2);
	assert_int_equal(cm_table_column(t, "nope"), -1);
	assert_string_equal(cm_table_column_name(t, 3), "hub");
	assert_true(cm_table_get_number(t, 0, 2) == 0.25);
	assert_true(isnan(cm_table_get_number(t, 1, 2)));
	assert_true(isnan(cm_table_get_number(t, 2, 1)));
	assert_string_equal(cm_table_get_string(t, 2, 0), "");
	assert_string_equal(cm_table_get_string(t, 0, 0), "Île-de-France");
	/* a number given as text to a numeric column is stored as a number */
	assert_int_equal(cm_table_set_string(t, 2, 1, "7"), 0);
	assert_true(cm_table_get_number(t, 2, 1) == 7);
	/* columns may not be added once rows exist */
	cm_error_clear();
	assert_true(cm_table_add_column(t, "late", CM_COL_REAL) < 0);
	cm_error_clear();
	cm_table_free(t);
	cm_table_free(NULL);
}

/*
 * CSV: header, RFC 4180 quoting of , and " (quotes doubled), empty cell for
 * NaN, integers without decimals, 1/3 with 12 significant digits, 0/1 for bool.
 */
static void test_csv(void **state)
{
	cm_table *t = sample();
	char *out;

	(void)state;
	assert_int_equal(cm_table_set_string(t, 2, 0, "line\nbreak\r"), 0);
	out = render(t, CM_FORMAT_CSV, 0);
	assert_string_equal(out,
	                    "name,degree,score,hub\n"
	                    "Île-de-France,12,0.25,1\n"
	                    "\"a,b \"\"c\"\"\",3,,0\n"
	                    "\"line\nbreak\r\",,0.333333333333,0\n");
	free(out);
	cm_table_free(t);
}

/*
 * csv-fr, by its rules written out by hand: BOM, ';', CRLF, decimal comma,
 * quotes for ';', '"', CR, LF and edge blanks only (a comma is plain text),
 * and an apostrophe before text that a spreadsheet would run (=, +, -, @,
 * tab, CR first, past any apostrophes), in the header too; numbers, the
 * negative ones included, are never guarded, and text that is a number
 * ("-1.68") is written as one, with a decimal comma.
 */
static void test_csv_fr(void **state)
{
	static const char *const labels[] = {
		"=HYPERLINK(\"http://x.example/\";\"clic\")", "+33 1 23", "-moins", "@SUM(A1)",
		"\tcachée", "\rretour", "'=déjà", "l'apostrophe", "a,b", " bord ", "日本語 العربية", "",
		"plain-=+@", "''", "line\nbreak", "-1.68", "+5", "-2,5e-3",
	};
	static const double scores[] = { -1.5, 1.0 / 3.0, NAN, 2, -0.25, 0, 1e-7, 3, 4, 5, 6, 7, 8, 9, 10,
		                         11, 12, 13 };
	const size_t n = sizeof(labels) / sizeof(labels[0]);
	cm_table *t = NULL;
	char *out;

	(void)state;
	assert_int_equal(cm_table_new(&t), 0);
	assert_int_equal(cm_table_add_column(t, "=name", CM_COL_STRING), 0);
	assert_int_equal(cm_table_add_column(t, "score", CM_COL_REAL), 1);
	assert_int_equal(cm_table_add_column(t, "count", CM_COL_INT), 2);
	assert_int_equal(cm_table_add_rows(t, n), 0);
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(cm_table_set_string(t, i, 0, labels[i]), 0);
		cm_table_set_number(t, i, 1, scores[i]);
		cm_table_set_number(t, i, 2, -(double)i);
	}
	out = render(t, CM_FORMAT_CSV_FR, 0);
	assert_string_equal(out,
	                    "\xEF\xBB\xBF'=name;score;count\r\n"
	                    "\"'=HYPERLINK(\"\"http://x.example/\"\";\"\"clic\"\")\";-1,5;0\r\n"
	                    "'+33 1 23;0,333333333333;-1\r\n"
	                    "'-moins;;-2\r\n"
	                    "'@SUM(A1);2;-3\r\n"
	                    "\"'\tcachée\";-0,25;-4\r\n"
	                    "\"'\rretour\";0;-5\r\n"
	                    "''=déjà;1e-07;-6\r\n"
	                    "l'apostrophe;3;-7\r\n"
	                    "a,b;4;-8\r\n"
	                    "\" bord \";5;-9\r\n"
	                    "日本語 العربية;6;-10\r\n"
	                    ";7;-11\r\n"
	                    "plain-=+@;8;-12\r\n"
	                    "'';9;-13\r\n"
	                    "\"line\nbreak\";10;-14\r\n"
	                    "-1,68;11;-15\r\n"
	                    "'+5;12;-16\r\n"
	                    "-2,5e-3;13;-17\r\n");
	free(out);
	/* a column of names keeps its numbers as text, guarded all the same */
	assert_int_equal(cm_table_keep_text(t, 0), 0);
	out = render(t, CM_FORMAT_CSV_FR, 0);
	assert_non_null(strstr(out, "\r\n'-1.68;11;-15\r\n"));
	assert_null(strstr(out, "\r\n-2,5e-3;13;-17\r\n"));
	assert_non_null(strstr(out, "\r\n'-2,5e-3;13;-17\r\n"));
	free(out);
	cm_error_clear();
	assert_int_equal(cm_table_keep_text(t, 1), CM_ERROR);
	cm_error_clear();
	/* plain csv keeps formula-like text as it is: it is for scripts */
	out = render(t, CM_FORMAT_CSV, 1);
	assert_string_equal(out, "=name,score,count\n"
	                         "\"=HYPERLINK(\"\"http://x.example/\"\";\"\"clic\"\")\",-1.5,0\n");
	free(out);
	cm_table_free(t);
}

/*
 * --digits: reals rounded to N significant digits in every format (the
 * texts below are the numbers rounded by hand), whole numbers in full,
 * integers untouched; 0 restores 12 and 18 is refused.
 */
static void test_digits(void **state)
{
	cm_table *t = NULL;
	char *out, buf[32];

	(void)state;
	assert_int_equal(cm_table_new(&t), 0);
	assert_int_equal(cm_table_add_column(t, "x", CM_COL_REAL), 0);
	assert_int_equal(cm_table_add_column(t, "n", CM_COL_INT), 1);
	assert_int_equal(cm_table_add_rows(t, 4), 0);
	cm_table_set_number(t, 0, 0, 0.0491147915477);
	cm_table_set_number(t, 1, 0, 1234.5);
	cm_table_set_number(t, 2, 0, -0.000123456);
	cm_table_set_number(t, 3, 0, 103);
	for (size_t r = 0; r < 4; r++)
		cm_table_set_number(t, r, 1, 123456789);
	assert_int_equal(cm_table_digits(), 12);
	assert_int_equal(cm_table_set_digits(3), 0);
	assert_int_equal(cm_table_digits(), 3);
	out = render(t, CM_FORMAT_CSV, 0);
	assert_string_equal(out, "x,n\n0.0491,123456789\n1230,123456789\n-0.000123,123456789\n"
	                         "103,123456789\n");
	free(out);
	out = render(t, CM_FORMAT_CSV_FR, 2);
	assert_string_equal(out, "\xEF\xBB\xBFx;n\r\n0,0491;123456789\r\n1230;123456789\r\n");
	free(out);
	out = render(t, CM_FORMAT_JSON, 1);
	assert_string_equal(out, "[\n  {\"x\": 0.0491, \"n\": 123456789}\n]\n");
	free(out);
	out = render(t, CM_FORMAT_TABLE, 2);
	assert_string_equal(out, "     x          n\n0.0491  123456789\n  1230  123456789\n");
	free(out);
	cm_table_format_real(buf, sizeof(buf), 2.0 / 3.0, CM_FORMAT_CSV_FR);
	assert_string_equal(buf, "0,667");
	cm_table_format_real(buf, sizeof(buf), 2.0 / 3.0, CM_FORMAT_TABLE);
	assert_string_equal(buf, "0.667");
	assert_int_equal(cm_table_set_digits(17), 0);
	cm_table_format_real(buf, sizeof(buf), 0.1, CM_FORMAT_CSV);
	assert_string_equal(buf, "0.10000000000000001");
	cm_error_clear();
	assert_int_equal(cm_table_set_digits(18), CM_EUSAGE);
	assert_non_null(strstr(cm_error_message(), "from 1 to 17"));
	assert_int_equal(cm_table_digits(), 17);
	cm_error_clear();
	assert_int_equal(cm_table_set_digits(0), 0);
	assert_int_equal(cm_table_digits(), 12);
	cm_table_format_real(buf, sizeof(buf), 1.0 / 3.0, CM_FORMAT_CSV);
	assert_string_equal(buf, "0.333333333333");
	cm_table_free(t);
}

/* TSV: tabs, CR and LF inside fields become spaces; NaN is an empty cell. */
static void test_tsv(void **state)
{
	cm_table *t = sample();
	char *out;

	(void)state;
	assert_int_equal(cm_table_set_string(t, 2, 0, "tab\there\nnext"), 0);
	out = render(t, CM_FORMAT_TSV, 0);
	assert_string_equal(out,
	                    "name\tdegree\tscore\thub\n"
	                    "Île-de-France\t12\t0.25\t1\n"
	                    "a,b \"c\"\t3\t\t0\n"
	                    "tab here next\t\t0.333333333333\t0\n");
	free(out);
	cm_table_free(t);
}

/* JSON: NaN is null, bool true/false, ints as integers, unset strings null. */
static void test_json_values(void **state)
{
	cm_table *t = sample();
	char *out;

	(void)state;
	out = render(t, CM_FORMAT_JSON, 0);
	assert_string_equal(out,
	                    "[\n"
	                    "  {\"name\": \"Île-de-France\", \"degree\": 12, \"score\": 0.25, \"hub\": true},\n"
	                    "  {\"name\": \"a,b \\\"c\\\"\", \"degree\": 3, \"score\": null, \"hub\": false},\n"
	                    "  {\"name\": null, \"degree\": null, \"score\": 0.333333333333, \"hub\": false}\n"
	                    "]\n");
	assert_null(strstr(out, "nan"));
	free(out);
	cm_table_free(t);
}

/*
 * JSON escaping: quotes and backslash escaped, control characters as
 * \u00XX, < > & escaped so "</script>" cannot close an HTML script, and
 * invalid UTF-8 bytes (Latin-1 0xCE, a lone continuation byte, a truncated
 * sequence) each replaced by U+FFFD (EF BF BD).
 */
static void test_json_escaping(void **state)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);

	(void)state;
	assert_non_null(f);
	cm_json_write_string(f, "</script><script>alert(\"x\")</script>");
	putc('\n', f);
	cm_json_write_string(f, "back\\slash\ttab\x01\x1f\n");
	putc('\n', f);
	cm_json_write_string(f, "\xCEle \x80 \xE2\x82");
	putc('\n', f);
	cm_json_write_string(f, "ok é 中 \xE2\x80\xA8");
	putc('\n', f);
	cm_json_write_string(f, NULL);
	assert_int_equal(fclose(f), 0);
	assert_string_equal(text,
	                    "\"\\u003c/script\\u003e\\u003cscript\\u003ealert(\\\"x\\\")"
	                    "\\u003c/script\\u003e\"\n"
	                    "\"back\\\\slash\\u0009tab\\u0001\\u001f\\u000a\"\n"
	                    "\"\xEF\xBF\xBDle \xEF\xBF\xBD \xEF\xBF\xBD\xEF\xBF\xBD\"\n"
	                    "\"ok é 中 \\u2028\"\n"
	                    "\"\"");
	assert_true(cm_utf8_valid(text, strlen(text)));
	free(text);
}

/* Column names are escaped like values. */
static void test_json_names(void **state)
{
	cm_table *t = NULL;
	char *out;

	(void)state;
	assert_int_equal(cm_table_new(&t), 0);
	assert_int_equal(cm_table_add_column(t, "a\"b", CM_COL_STRING), 0);
	assert_int_equal(cm_table_add_rows(t, 1), 0);
	assert_int_equal(cm_table_set_string(t, 0, 0, "x"), 0);
	out = render(t, CM_FORMAT_JSON, 0);
	assert_string_equal(out, "[\n  {\"a\\\"b\": \"x\"}\n]\n");
	free(out);
	cm_table_free(t);
}

/*
 * Aligned table.  Widths by hand: name = max(4, 13 for "Île-de-France"
 * (13 characters, 14 bytes), 9 for `a,b "c"`... ) = 13; degree = 6 (header);
 * score = 14 ("0.333333333333"); hub = 3.  Strings are padded on the
 * right, numbers on the left, two spaces between columns, nothing after
 * the last column; NaN prints as nothing.
 */
static void test_aligned(void **state)
{
	cm_table *t = sample();
	char *out;

	(void)state;
	out = render(t, CM_FORMAT_TABLE, 0);
	assert_string_equal(out,
	                    "name           degree           score  hub\n"
	                    "Île-de-France      12            0.25    1\n"
	                    "a,b \"c\"             3                    0\n"
	                    "                       0.333333333333    0\n");
	free(out);
	cm_table_free(t);
}

/*
 * Wide and combining characters: "中文" takes 4 columns, "e\u0301" 1
 * column; a newline inside a cell becomes a space so rows stay on one line.
 * Widths: s = 4 ("中文"), n = 3 ("333").  Row "e\u0301": 1 column + 3 of
 * padding, 2 between columns, then " 22" right-aligned: 6 spaces in all.
 */
static void test_aligned_widths(void **state)
{
	cm_table *t = NULL;
	char *out;

	(void)state;
	assert_int_equal(cm_table_new(&t), 0);
	assert_int_equal(cm_table_add_column(t, "s", CM_COL_STRING), 0);
	assert_int_equal(cm_table_add_column(t, "n", CM_COL_INT), 1);
	assert_int_equal(cm_table_add_rows(t, 3), 0);
	assert_int_equal(cm_table_set_string(t, 0, 0, "中文"), 0);
	assert_int_equal(cm_table_set_string(t, 1, 0, "e\xCC\x81"), 0);
	assert_int_equal(cm_table_set_string(t, 2, 0, "a\nb"), 0);
	cm_table_set_number(t, 0, 1, 1);
	cm_table_set_number(t, 1, 1, 22);
	cm_table_set_number(t, 2, 1, 333);
	out = render(t, CM_FORMAT_TABLE, 0);
	assert_string_equal(out,
	                    "s       n\n"
	                    "中文    1\n"
	                    "e\xCC\x81      22\n"
	                    "a b   333\n");
	free(out);
	cm_table_free(t);
}

/*
 * Sorting is stable: rows with equal keys keep their order; NaN goes last
 * both descending and ascending; strings sort by bytes.
 */
static void test_sort(void **state)
{
	/* id, value: the order expected is worked out by hand below */
	static const char *ids[] = { "a", "b", "c", "d", "e", "f" };
	static const double vals[] = { 2, NAN, 5, 2, NAN, 5 };
	cm_table *t = NULL;
	char order[7] = { 0 };

	(void)state;
	assert_int_equal(cm_table_new(&t), 0);
	assert_int_equal(cm_table_add_column(t, "id", CM_COL_STRING), 0);
	assert_int_equal(cm_table_add_column(t, "v", CM_COL_REAL), 1);
	assert_int_equal(cm_table_add_rows(t, 6), 0);
	for (size_t i = 0; i < 6; i++) {
		assert_int_equal(cm_table_set_string(t, i, 0, ids[i]), 0);
		cm_table_set_number(t, i, 1, vals[i]);
	}
	/* descending: 5 (c, f), 2 (a, d), then the NaNs (b, e) */
	assert_int_equal(cm_table_sort(t, 1, 1), 0);
	for (size_t i = 0; i < 6; i++)
		order[i] = cm_table_get_string(t, i, 0)[0];
	assert_string_equal(order, "cfadbe");
	/* ascending from there: 2 (a, d), 5 (c, f), NaN (b, e) */
	assert_int_equal(cm_table_sort(t, 1, 0), 0);
	for (size_t i = 0; i < 6; i++)
		order[i] = cm_table_get_string(t, i, 0)[0];
	assert_string_equal(order, "adcfbe");
	/* by string, ascending */
	assert_int_equal(cm_table_sort(t, 0, 0), 0);
	for (size_t i = 0; i < 6; i++)
		order[i] = cm_table_get_string(t, i, 0)[0];
	assert_string_equal(order, "abcdef");
	assert_true(isnan(cm_table_get_number(t, 1, 1)));
	cm_error_clear();
	assert_true(cm_table_sort(t, 9, 0) < 0);
	cm_error_clear();
	cm_table_free(t);
}

/* Many equal keys: a stable sort keeps insertion order (qsort alone would not). */
static void test_sort_stable_many(void **state)
{
	cm_table *t = NULL;
	size_t n = 1000;

	(void)state;
	assert_int_equal(cm_table_new(&t), 0);
	assert_int_equal(cm_table_add_column(t, "i", CM_COL_INT), 0);
	assert_int_equal(cm_table_add_column(t, "k", CM_COL_INT), 1);
	assert_int_equal(cm_table_add_rows(t, n), 0);
	for (size_t i = 0; i < n; i++) {
		cm_table_set_number(t, i, 0, (double)i);
		cm_table_set_number(t, i, 1, (double)(i % 3));
	}
	assert_int_equal(cm_table_sort(t, 1, 1), 0);
	for (size_t i = 1; i < n; i++) {
		double k0 = cm_table_get_number(t, i - 1, 1), k1 = cm_table_get_number(t, i, 1);

		assert_true(k0 >= k1);
		if (k0 == k1)
			assert_true(cm_table_get_number(t, i - 1, 0) < cm_table_get_number(t, i, 0));
	}
	cm_table_free(t);
}

/* top limits the rows in every format; 0 means all. */
static void test_top(void **state)
{
	cm_table *t = sample();
	char *out;

	(void)state;
	out = render(t, CM_FORMAT_CSV, 1);
	assert_string_equal(out, "name,degree,score,hub\nÎle-de-France,12,0.25,1\n");
	free(out);
	out = render(t, CM_FORMAT_JSON, 1);
	assert_string_equal(out, "[\n  {\"name\": \"Île-de-France\", \"degree\": 12, \"score\": 0.25, "
	                         "\"hub\": true}\n]\n");
	free(out);
	/* more than there are: the header and all 3 rows */
	out = render(t, CM_FORMAT_TSV, 10);
	{
		size_t lines = 0;

		for (const char *p = out; *p; p++)
			lines += *p == '\n';
		assert_int_equal(lines, 4);
	}
	free(out);
	out = render(t, CM_FORMAT_TABLE, 2);
	assert_null(strstr(out, "0.333333333333")); /* the third row is cut */
	free(out);
	cm_table_free(t);
}

/* No rows: the header alone, and an empty JSON array. */
static void test_empty(void **state)
{
	cm_table *t = NULL;
	char *out;

	(void)state;
	assert_int_equal(cm_table_new(&t), 0);
	assert_int_equal(cm_table_add_column(t, "id", CM_COL_STRING), 0);
	assert_int_equal(cm_table_add_column(t, "x", CM_COL_REAL), 1);
	out = render(t, CM_FORMAT_JSON, 0);
	assert_string_equal(out, "[]\n");
	free(out);
	out = render(t, CM_FORMAT_CSV, 0);
	assert_string_equal(out, "id,x\n");
	free(out);
	out = render(t, CM_FORMAT_TABLE, 0);
	assert_string_equal(out, "id  x\n");
	free(out);
	cm_table_free(t);
}

/* Numbers do not depend on LC_NUMERIC, and big integers keep all digits. */
static void test_numbers(void **state)
{
	cm_table *t = NULL;
	char *out;

	(void)state;
	assert_int_equal(cm_table_new(&t), 0);
	assert_int_equal(cm_table_add_column(t, "n", CM_COL_INT), 0);
	assert_int_equal(cm_table_add_column(t, "x", CM_COL_REAL), 1);
	assert_int_equal(cm_table_add_rows(t, 2), 0);
	cm_table_set_number(t, 0, 0, 1234567890123456.0);
	cm_table_set_number(t, 0, 1, -2.5);
	cm_table_set_number(t, 1, 0, -0.0);
	cm_table_set_number(t, 1, 1, 1e-7);
	out = render(t, CM_FORMAT_CSV, 0);
	assert_string_equal(out, "n,x\n1234567890123456,-2.5\n0,1e-07\n");
	free(out);
	cm_table_free(t);
}

/* A full device fails with CM_EIO and errno ENOSPC. */
static void test_write_error(void **state)
{
	cm_table *t = sample();
	FILE *f = fopen("/dev/full", "w");

	(void)state;
	if (!f) {
		cm_table_free(t);
		skip();
	}
	cm_error_clear();
	errno = 0;
	assert_int_equal(cm_table_write(f, t, CM_FORMAT_CSV, 0), CM_EIO);
	assert_int_equal(errno, ENOSPC);
	assert_non_null(strstr(cm_error_message(), "cannot write output"));
	cm_error_clear();
	fclose(f);
	cm_table_free(t);
}

/* A closed pipe fails with CM_EIO and errno EPIPE, so the CLI can stay quiet. */
static void test_write_epipe(void **state)
{
	cm_table *t = sample();
	int fds[2];
	FILE *f;

	(void)state;
	signal(SIGPIPE, SIG_IGN);
	assert_int_equal(pipe(fds), 0);
	close(fds[0]);
	f = fdopen(fds[1], "w");
	assert_non_null(f);
	cm_error_clear();
	errno = 0;
	assert_int_equal(cm_table_write(f, t, CM_FORMAT_JSON, 0), CM_EIO);
	assert_int_equal(errno, EPIPE);
	cm_error_clear();
	fclose(f);
	cm_table_free(t);
}

/*
 * Strings live in the table's blocks of text: many of them (more than one
 * block), one longer than a block, a replaced string, rows added later, and
 * a number set on a string column (ignored) keep every cell as written.
 */
static void test_many_strings(void **state)
{
	enum { ROWS = 40000 };
	size_t long_len = 600000;
	char *longs = malloc(long_len + 1);
	char buf[64];
	cm_table *t = NULL;

	(void)state;
	assert_non_null(longs);
	memset(longs, 'x', long_len);
	longs[long_len] = '\0';
	assert_int_equal(cm_table_new(&t), 0);
	assert_int_equal(cm_table_add_column(t, "id", CM_COL_STRING), 0);
	assert_int_equal(cm_table_add_column(t, "n", CM_COL_INT), 1);
	assert_int_equal(cm_table_add_rows(t, ROWS / 2), 0);
	assert_int_equal(cm_table_add_rows(t, ROWS - ROWS / 2), 0);
	for (size_t r = 0; r < ROWS; r++) {
		snprintf(buf, sizeof(buf), "actor number %zu of the table", r);
		assert_int_equal(cm_table_set_string(t, r, 0, r == 7 ? longs : buf), 0);
		cm_table_set_number(t, r, 1, (double)r);
	}
	/* a number on a string column changes nothing; a replaced string is the new one */
	cm_table_set_number(t, 3, 0, 1.5);
	assert_int_equal(cm_table_set_string(t, 5, 0, "replaced"), 0);
	assert_int_equal(cm_table_set_string(t, 6, 0, NULL), 0);
	for (size_t r = 0; r < ROWS; r++) {
		snprintf(buf, sizeof(buf), "actor number %zu of the table", r);
		assert_string_equal(cm_table_get_string(t, r, 0),
		                    r == 7 ? longs : r == 5 ? "replaced" : r == 6 ? "" : buf);
		assert_true(cm_table_get_number(t, r, 1) == (double)r);
	}
	assert_true(isnan(cm_table_get_number(t, 3, 0)));
	/* sorting moves the strings with their rows: descending n puts the last row first */
	assert_int_equal(cm_table_sort(t, 1, 1), 0);
	snprintf(buf, sizeof(buf), "actor number %d of the table", ROWS - 1);
	assert_string_equal(cm_table_get_string(t, 0, 0), buf);
	assert_string_equal(cm_table_get_string(t, ROWS - 1 - 7, 0), longs);
	cm_table_free(t);
	free(longs);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_format_parse),
		cmocka_unit_test(test_cells),
		cmocka_unit_test(test_csv),
		cmocka_unit_test(test_tsv),
		cmocka_unit_test(test_csv_fr),
		cmocka_unit_test(test_digits),
		cmocka_unit_test(test_json_values),
		cmocka_unit_test(test_json_escaping),
		cmocka_unit_test(test_json_names),
		cmocka_unit_test(test_aligned),
		cmocka_unit_test(test_aligned_widths),
		cmocka_unit_test(test_sort),
		cmocka_unit_test(test_sort_stable_many),
		cmocka_unit_test(test_top),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_write_error),
		cmocka_unit_test(test_write_epipe),
		cmocka_unit_test(test_many_strings),
	};

	igraph_set_attribute_table(&igraph_cattribute_table);
	cm_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
