/*
 * Unit tests of src/load/regions.c: region adjacency files (which regions
 * border which), the syntax accepted and the errors with file:line.
 */
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
#include "coopmap/regions.h"
#include "load/regions.h"

#define DATA "tests/data/analysis/"

/* Parse an adjacency that must be valid. */
static cm_regions *parse(const char *text)
{
	cm_regions *r = NULL;

	cm_error_clear();
	assert_int_equal(cm_regions_parse(&r, text, strlen(text), "regions.csv"), 0);
	return r;
}

/* The message of a parse that must fail with CM_EINPUT. */
static const char *parse_error(const char *text)
{
	cm_regions *r = NULL;

	cm_error_clear();
	assert_int_equal(cm_regions_parse(&r, text, strlen(text), "regions.csv"), CM_EINPUT);
	assert_null(r);
	return cm_error_message();
}

/* The syntax accepted: BOM, CRLF, comments, ';', quotes, any case of the header. */
static void test_syntax(void **state)
{
	cm_regions *r;

	(void)state;
	r = parse("\xEF\xBB\xBF# comment\r\n\r\nREGION ; Neighbour\r\n\"Provence-Alpes-Côte d'Azur\";Corse\r\n"
	          "  # indented comment\nOccitanie;\"Provence-Alpes-Côte d'Azur\"\nCorse;Provence-Alpes-Côte d'Azur\n");
	assert_int_equal(cm_regions_count(r), 3);
	assert_string_equal(cm_regions_name(r, 0), "Provence-Alpes-Côte d'Azur");
	assert_true(cm_regions_adjacent(r, "Corse", "Provence-Alpes-Côte d'Azur"));
	assert_true(cm_regions_adjacent(r, "Provence-Alpes-Côte d'Azur", "Occitanie"));
	assert_false(cm_regions_adjacent(r, "Corse", "Occitanie"));
	cm_regions_free(r);
}

/* Errors name the file and the line. */
static void test_errors(void **state)
{
	(void)state;
	assert_string_equal(parse_error("# only comments\n"),
	                    "regions.csv: no header region,neighbour (the file is empty)");
	assert_string_equal(parse_error("# x\nfrom,to\nA,B\n"),
	                    "regions.csv:2: expected the header region,neighbour, found 'from,to'");
	assert_string_equal(parse_error("region,neighbour\nA,B\nA,B,C\n"),
	                    "regions.csv:3: expected 2 fields (region,neighbour), found 3");
	assert_string_equal(parse_error("region,neighbour\nA\n"),
	                    "regions.csv:2: expected 2 fields (region,neighbour), found 1");
	assert_string_equal(parse_error("region,neighbour\n\"A,B\n"),
	                    "regions.csv:2: unterminated or misplaced quote");
	assert_string_equal(parse_error("region,neighbour\n,B\n"), "regions.csv:2: empty region name");
	assert_string_equal(parse_error("region,neighbour\nA,A\n"),
	                    "regions.csv:2: region 'A' cannot be its own neighbour");
	assert_string_equal(parse_error("region,neighbour\n\xCEle,A\n"),
	                    "regions.csv:2: invalid UTF-8 (save the file as UTF-8)");
	cm_error_clear();
}

/*
 * Regions are numbered in the order they first appear; a pair given twice
 * (in either order) is kept once; an empty neighbour declares a region
 * without neighbours.  Here: A 0, B 1, C 2, D 3; pairs A-B, B-C.
 */
static void test_pairs(void **state)
{
	cm_regions *r = parse("region,neighbour\nA,B\nB,A\nB,C\nA,B\nD,\n");
	size_t a = 9, b = 9;

	(void)state;
	assert_int_equal(cm_regions_count(r), 4);
	assert_string_equal(cm_regions_name(r, 3), "D");
	assert_string_equal(cm_regions_name(r, 4), "");
	assert_int_equal(cm_regions_find(r, "C"), 2);
	assert_int_equal(cm_regions_find(r, "c"), -1);
	assert_int_equal(cm_regions_pairs(r), 2);
	cm_regions_pair(&a, &b, r, 0);
	assert_int_equal(a, 0);
	assert_int_equal(b, 1);
	cm_regions_pair(&a, &b, r, 1);
	assert_int_equal(a, 1);
	assert_int_equal(b, 2);
	assert_true(cm_regions_adjacent(r, "C", "B"));
	assert_false(cm_regions_adjacent(r, "A", "D"));
	assert_false(cm_regions_adjacent(r, "A", "Nowhere"));
	assert_string_equal(cm_regions_source(r), "regions.csv");
	cm_regions_free(r);
	cm_regions_free(NULL);
	assert_int_equal(cm_regions_count(NULL), 0);
}

/*
 * From a file: tests/data/analysis/regions.csv names 7 regions in the
 * order Bretagne, Normandie, Pays de la Loire, Centre-Val de Loire,
 * Île-de-France, Grand Est, Corse (the last without neighbours) and
 * gives 8 pairs; a bad line is
 * reported with the path and its line number; a missing file is CM_EIO.
 */
static void test_load(void **state)
{
	cm_regions *r = NULL;

	(void)state;
	assert_int_equal(cm_regions_load(&r, DATA "regions.csv"), 0);
	assert_int_equal(cm_regions_count(r), 7);
	assert_int_equal(cm_regions_pairs(r), 8);
	assert_string_equal(cm_regions_name(r, 0), "Bretagne");
	assert_string_equal(cm_regions_source(r), DATA "regions.csv");
	assert_true(cm_regions_adjacent(r, "Île-de-France", "Grand Est"));
	assert_false(cm_regions_adjacent(r, "Corse", "Bretagne"));
	assert_int_equal(cm_regions_find(r, "Corse"), 6);
	cm_regions_free(r);
	cm_error_clear();
	assert_int_equal(cm_regions_load(&r, DATA "regions-bad-line.csv"), CM_EINPUT);
	assert_null(r);
	assert_string_equal(cm_error_message(), DATA "regions-bad-line.csv:3: expected 2 fields "
	                    "(region,neighbour), found 3");
	cm_error_clear();
	assert_int_equal(cm_regions_load(&r, DATA "no-such-file.csv"), CM_EIO);
	assert_null(r);
	cm_error_clear();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_syntax),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_pairs),
		cmocka_unit_test(test_load),
	};

	cm_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
