/* Unit tests of src/csv.c: RFC 4180 records, delimiters, encodings, refusals. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "coopmap/coopmap.h"
#include "coopmap/common.h"
#include "load/csv.h"

static char notices[1024];

/* Keep the last notice for the tests to check. */
static void keep_notice(void *ctx, const char *message)
{
	(void)ctx;
	snprintf(notices, sizeof(notices), "%s", message);
}

/* Open a reader on a copy of n bytes of text. */
static int open_text(cm_csv *c, const char *text, size_t n)
{
	char *buf = malloc(n + 1);

	assert_non_null(buf);
	memcpy(buf, text, n);
	buf[n] = '\0';
	cm_error_clear();
	notices[0] = '\0';
	return cm_csv_open_buffer(c, buf, n, "t.csv", ',');
}

/* Expect the next record to have these fields (NULL-terminated list) on this line. */
static void expect_record(cm_csv *c, long line, ...)
{
	va_list ap;
	size_t i = 0;
	const char *want;

	assert_int_equal(cm_csv_next(c), 1);
	assert_int_equal(c->record_line, line);
	va_start(ap, line);
	while ((want = va_arg(ap, const char *)) != NULL) {
		assert_true(i < c->nfields);
		assert_string_equal(c->fields[i], want);
		i++;
	}
	va_end(ap);
	assert_int_equal(c->nfields, i);
}

/* Quoted delimiters, doubled quotes and line breaks inside quotes (RFC 4180 section 2). */
static void test_rfc4180(void **state)
{
	static const char text[] =
		"id,label,note\n"
		"a,\"Dupont, Jean\",x\n"
		"b,\"say \"\"hi\"\"\",\"two\nlines\"\n"
		"c,,\"\"\n";
	cm_csv c;

	(void)state;
	assert_int_equal(open_text(&c, text, sizeof(text) - 1), 0);
	assert_int_equal(c.delim, ',');
	expect_record(&c, 1, "id", "label", "note", NULL);
	expect_record(&c, 2, "a", "Dupont, Jean", "x", NULL);
	expect_record(&c, 3, "b", "say \"hi\"", "two\nlines", NULL);
	/* the record after a two-line field starts on physical line 5 */
	expect_record(&c, 5, "c", "", "", NULL);
	assert_int_equal(cm_csv_next(&c), 0);
	cm_csv_close(&c);
}

/*
 * csv-fr's formula guard (coopmap/table.h): in a ';' file, one leading
 * apostrophe is dropped from a field that, past its apostrophes, begins
 * with =, +, -, @ or a tab, quoted or not, header included; other
 * apostrophes stay.  A ',' file keeps every apostrophe.
 */
static void test_formula_guard(void **state)
{
	static const char semi[] =
		"\xEF\xBB\xBFid;'=note\r\n"
		"'=SUM(A1);\"'=HYPERLINK(\"\"http://x.example/\"\";\"\"x\"\")\"\r\n"
		"''=déjà;l'apostrophe\r\n"
		"'-1;'+33\r\n"
		"'@a;\"'\tb\"\r\n"
		"';'''\r\n";
	static const char comma[] = "id,note\n'=SUM(A1),'-1\n";
	cm_csv c;

	(void)state;
	assert_int_equal(open_text(&c, semi, sizeof(semi) - 1), 0);
	assert_int_equal(c.delim, ';');
	expect_record(&c, 1, "id", "=note", NULL);
	expect_record(&c, 2, "=SUM(A1)", "=HYPERLINK(\"http://x.example/\";\"x\")", NULL);
	expect_record(&c, 3, "'=déjà", "l'apostrophe", NULL);
	expect_record(&c, 4, "-1", "+33", NULL);
	expect_record(&c, 5, "@a", "\tb", NULL);
	expect_record(&c, 6, "'", "'''", NULL);
	assert_int_equal(cm_csv_next(&c), 0);
	cm_csv_close(&c);
	assert_int_equal(open_text(&c, comma, sizeof(comma) - 1), 0);
	expect_record(&c, 1, "id", "note", NULL);
	expect_record(&c, 2, "'=SUM(A1)", "'-1", NULL);
	cm_csv_close(&c);
}

/* Semicolons, a UTF-8 BOM and CRLF, as French Excel writes them. */
static void test_excel_fr(void **state)
{
	static const char text[] = "\xEF\xBB\xBFsource;target;weight\r\na;b;2,5\r\n\r\n\"c;d\";e;1\r\n";
	cm_csv c;

	(void)state;
	assert_int_equal(open_text(&c, text, sizeof(text) - 1), 0);
	assert_int_equal(c.delim, ';');
	expect_record(&c, 1, "source", "target", "weight", NULL);
	expect_record(&c, 2, "a", "b", "2,5", NULL);
	/* line 3 is blank and skipped */
	expect_record(&c, 4, "c;d", "e", "1", NULL);
	assert_int_equal(cm_csv_next(&c), 0);
	cm_csv_close(&c);
}

/* Tabs; a lone CR (old Mac exports) ends a line; rows of empty fields are skipped. */
static void test_tab_and_cr(void **state)
{
	static const char text[] = "source\ttarget\ra\tb\r\t\rc\td";
	cm_csv c;

	(void)state;
	assert_int_equal(open_text(&c, text, sizeof(text) - 1), 0);
	assert_int_equal(c.delim, '\t');
	expect_record(&c, 1, "source", "target", NULL);
	expect_record(&c, 2, "a", "b", NULL);
	expect_record(&c, 4, "c", "d", NULL); /* no final newline */
	assert_int_equal(cm_csv_next(&c), 0);
	cm_csv_close(&c);
}

/* Unquoted fields lose surrounding spaces; quoted ones keep them. */
static void test_trim(void **state)
{
	static const char text[] = "a , b\n  17 ,\" 17 \" \n";
	cm_csv c;

	(void)state;
	assert_int_equal(open_text(&c, text, sizeof(text) - 1), 0);
	expect_record(&c, 1, "a", "b", NULL);
	expect_record(&c, 2, "17", " 17 ", NULL);
	cm_csv_close(&c);
}

/* An unterminated quote is reported at the line where it opened. */
static void test_unterminated(void **state)
{
	static const char text[] = "source,target\na,b\n\"b,c\nc,d\n";
	cm_csv c;

	(void)state;
	assert_int_equal(open_text(&c, text, sizeof(text) - 1), 0);
	expect_record(&c, 1, "source", "target", NULL);
	expect_record(&c, 2, "a", "b", NULL);
	assert_int_equal(cm_csv_next(&c), CM_EINPUT);
	assert_string_equal(cm_error_message(), "t.csv:3: unterminated quoted field");
	cm_csv_close(&c);
}

/* Text after a closing quote is refused with its line. */
static void test_text_after_quote(void **state)
{
	static const char text[] = "a,b\n\"x\"y,z\n";
	cm_csv c;

	(void)state;
	assert_int_equal(open_text(&c, text, sizeof(text) - 1), 0);
	expect_record(&c, 1, "a", "b", NULL);
	assert_int_equal(cm_csv_next(&c), CM_EINPUT);
	assert_non_null(strstr(cm_error_message(), "t.csv:2: text after the closing quote"));
	cm_csv_close(&c);
}

/* Fields over 1 MiB are refused, quoted or not. */
static void test_huge_field(void **state)
{
	size_t n = CM_CSV_MAX_FIELD + 10;
	char *text = malloc(n + 16);
	cm_csv c;

	(void)state;
	assert_non_null(text);
	memcpy(text, "a,b\nx,", 6);
	memset(text + 6, 'y', n);
	assert_int_equal(open_text(&c, text, n + 6), 0);
	expect_record(&c, 1, "a", "b", NULL);
	assert_int_equal(cm_csv_next(&c), CM_EINPUT);
	assert_string_equal(cm_error_message(), "t.csv:2: field longer than 1 MiB");
	cm_csv_close(&c);
	/* the same, quoted and closed: "a,b\n\"yyy...\"\n" */
	text[4] = '"';
	memset(text + 5, 'y', n);
	memcpy(text + 5 + n, "\"\n", 2);
	assert_int_equal(open_text(&c, text, n + 7), 0);
	expect_record(&c, 1, "a", "b", NULL);
	assert_int_equal(cm_csv_next(&c), CM_EINPUT);
	assert_string_equal(cm_error_message(), "t.csv:2: field longer than 1 MiB");
	free(text);
	cm_csv_close(&c);
}

/* NUL bytes and control characters mean binary data: refused with the line. */
static void test_binary(void **state)
{
	static const char nul[] = "a,b\nc,d\ne\0f,g\n";
	static const char ctl[] = "a,b\n\x01\x02,d\n";
	cm_csv c;

	(void)state;
	assert_int_equal(open_text(&c, nul, sizeof(nul) - 1), CM_EINPUT);
	assert_string_equal(cm_error_message(), "t.csv:3: NUL byte: this is not a text file");
	cm_csv_close(&c);
	assert_int_equal(open_text(&c, ctl, sizeof(ctl) - 1), CM_EINPUT);
	assert_string_equal(cm_error_message(), "t.csv:2: control character 0x01: this is not a text file");
	cm_csv_close(&c);
}

/*
 * Every ASCII byte at every place of the first 150 bytes (the check reads
 * 64-byte blocks, then the tail byte by byte): a text file may hold
 * tab, line feed and carriage return, and no other byte below 0x20
 * (0x01-0x08, 0x0B, 0x0C, 0x0E-0x1F: docs/input.md).  The text is lines of
 * "abcdefghi," with a line feed every 10 bytes, so byte i is on line
 * i / 10 + 1.
 */
static void test_control_anywhere(void **state)
{
	char want[96];

	(void)state;
	for (int pos = 0; pos < 150; pos++) {
		for (int b = 1; b < 0x80; b++) {
			char *buf = malloc(151);
			size_t len = 150;
			int bad = b < 0x20 && b != '\t' && b != '\n' && b != '\r';

			assert_non_null(buf);
			for (int i = 0; i < 150; i++)
				buf[i] = i % 10 == 9 ? '\n' : (char)('a' + i % 10);
			buf[pos] = (char)b;
			buf[150] = '\0';
			cm_error_clear();
			assert_int_equal(cm_text_prepare(&buf, &len, "t.csv"), bad ? CM_EINPUT : 0);
			if (bad) {
				snprintf(want, sizeof(want), "t.csv:%d: control character 0x%02X: this is not "
				         "a text file", pos / 10 + 1, b);
				assert_string_equal(cm_error_message(), want);
			}
			free(buf);
		}
	}
}

/* Windows-1252 text is transcoded with a notice; bytes it does not define are refused. */
static void test_windows_1252(void **state)
{
	/* 0xE9 is e acute, 0x9C is oe (only in Windows-1252, not ISO 8859-1) */
	static const char cp[] = "id;label\nc\xE9;c\x9Cur\n";
	static const char bad[] = "id\nok\nx\x81y\n";
	cm_csv c;

	(void)state;
	cm_notice_set_handler(keep_notice, NULL);
	assert_int_equal(open_text(&c, cp, sizeof(cp) - 1), 0);
	assert_string_equal(notices, "t.csv: not UTF-8, read as Windows-1252");
	expect_record(&c, 1, "id", "label", NULL);
	expect_record(&c, 2, "c\xC3\xA9", "c\xC5\x93ur", NULL);
	cm_csv_close(&c);
	assert_int_equal(open_text(&c, bad, sizeof(bad) - 1), CM_EINPUT);
	assert_string_equal(cm_error_message(),
	                    "t.csv:3: neither UTF-8 nor Windows-1252 text (byte 0x81); save the file as UTF-8");
	cm_csv_close(&c);
	cm_notice_set_handler(NULL, NULL);
}

/* UTF-16 with a byte order mark (Excel's "Unicode text") is converted. */
static void test_utf16(void **state)
{
	/* "id\tx\né\t1\n" in UTF-16LE with a BOM */
	static const char text[] = "\xFF\xFE" "i\0d\0\t\0x\0\n\0\xE9\0\t\0" "1\0\n\0";
	cm_csv c;

	(void)state;
	cm_notice_set_handler(keep_notice, NULL);
	assert_int_equal(open_text(&c, text, sizeof(text) - 1), 0);
	assert_string_equal(notices, "t.csv: UTF-16 text, converted to UTF-8");
	assert_int_equal(c.delim, '\t');
	expect_record(&c, 1, "id", "x", NULL);
	expect_record(&c, 2, "\xC3\xA9", "1", NULL);
	cm_csv_close(&c);
	cm_notice_set_handler(NULL, NULL);
}

/* The delimiter is the one the header uses most, outside quotes. */
static void test_delimiter_detection(void **state)
{
	static const char quoted[] = "\"a;b;c\",d\n";
	static const char single[] = "id\nx\n";
	cm_csv c;

	(void)state;
	assert_int_equal(open_text(&c, quoted, sizeof(quoted) - 1), 0);
	assert_int_equal(c.delim, ',');
	expect_record(&c, 1, "a;b;c", "d", NULL);
	cm_csv_close(&c);
	assert_int_equal(open_text(&c, single, sizeof(single) - 1), 0);
	assert_int_equal(c.delim, ',');
	cm_csv_close(&c);
}

/* Empty text has no record at all. */
static void test_empty(void **state)
{
	cm_csv c;

	(void)state;
	assert_int_equal(open_text(&c, "", 0), 0);
	assert_int_equal(cm_csv_next(&c), 0);
	cm_csv_close(&c);
	assert_int_equal(open_text(&c, "\n\r\n", 3), 0);
	assert_int_equal(cm_csv_next(&c), 0);
	cm_csv_close(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rfc4180),
		cmocka_unit_test(test_excel_fr),
		cmocka_unit_test(test_formula_guard),
		cmocka_unit_test(test_tab_and_cr),
		cmocka_unit_test(test_trim),
		cmocka_unit_test(test_unterminated),
		cmocka_unit_test(test_text_after_quote),
		cmocka_unit_test(test_huge_field),
		cmocka_unit_test(test_binary),
		cmocka_unit_test(test_control_anywhere),
		cmocka_unit_test(test_windows_1252),
		cmocka_unit_test(test_utf16),
		cmocka_unit_test(test_delimiter_detection),
		cmocka_unit_test(test_empty),
	};

	igraph_set_attribute_table(&igraph_cattribute_table);
	cm_init();
	return cmocka_run_group_tests_name("csv", tests, NULL, NULL);
}
