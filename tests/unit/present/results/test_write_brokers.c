/*
 * Unit tests of src/present/results/brokers.c, the brokers' writer, on
 * results filled by hand (the struct is public): what each format holds
 * and the whole-network E-I index (3/7 in the example of
 * tests/unit/measure/test_brokers.c: 5 external ties, 2 internal).
 */
#include <errno.h>
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
#include "coopmap/brokers.h"
#include "coopmap/common.h"
#include "coopmap/table.h"
#include "coopmap/writers.h"

/* Two actors (c: 3, a: 1) and two groups (X: 3 actors, Y: 1). */
static void fill(cm_brokers *b, double ei)
{
	memset(b, 0, sizeof(*b));
	b->group = strdup("region");
	b->network_ei_index = ei;
	assert_int_equal(cm_table_new(&b->actors), 0);
	assert_true(cm_table_add_column(b->actors, "id", CM_COL_STRING) >= 0);
	assert_true(cm_table_add_column(b->actors, "total", CM_COL_INT) >= 0);
	assert_int_equal(cm_table_add_rows(b->actors, 2), 0);
	assert_int_equal(cm_table_set_string(b->actors, 0, 0, "c"), 0);
	cm_table_set_number(b->actors, 0, 1, 3);
	assert_int_equal(cm_table_set_string(b->actors, 1, 0, "a"), 0);
	cm_table_set_number(b->actors, 1, 1, 1);
	assert_int_equal(cm_table_new(&b->groups), 0);
	assert_true(cm_table_add_column(b->groups, "region", CM_COL_STRING) >= 0);
	assert_true(cm_table_add_column(b->groups, "actors", CM_COL_INT) >= 0);
	assert_int_equal(cm_table_add_rows(b->groups, 2), 0);
	assert_int_equal(cm_table_set_string(b->groups, 0, 0, "X"), 0);
	cm_table_set_number(b->groups, 0, 1, 3);
	assert_int_equal(cm_table_set_string(b->groups, 1, 0, "Y"), 0);
	cm_table_set_number(b->groups, 1, 1, 1);
}

/* Write the brokers to memory; the caller frees the text. */
static char *render(const cm_brokers *b, cm_format format)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);

	assert_non_null(f);
	assert_int_equal(cm_brokers_write(f, b, format), 0);
	assert_int_equal(fclose(f), 0);
	return text;
}

/* CSV and TSV: the actors only. */
static void test_rows(void **state)
{
	cm_brokers b;
	char *out;

	(void)state;
	fill(&b, 3.0 / 7.0);
	out = render(&b, CM_FORMAT_CSV);
	assert_string_equal(out, "id,total\nc,3\na,1\n");
	free(out);
	out = render(&b, CM_FORMAT_TSV);
	assert_string_equal(out, "id\ttotal\nc\t3\na\t1\n");
	free(out);
	cm_brokers_free(&b);
}

/* The table: actors, a blank line, the groups, then the index at 12 digits. */
static void test_table(void **state)
{
	cm_brokers b;
	char *out;

	(void)state;
	fill(&b, 3.0 / 7.0);
	out = render(&b, CM_FORMAT_TABLE);
	assert_non_null(strstr(out, "\n\nregion"));
	assert_non_null(strstr(out, "\nX "));
	assert_true(strlen(out) > 40);
	assert_string_equal(out + strlen(out) - strlen("\n\nnetwork E-I index: 0.428571428571\n"),
	                    "\n\nnetwork E-I index: 0.428571428571\n");
	free(out);
	cm_brokers_free(&b);
	/* no tie between known groups: undefined */
	fill(&b, NAN);
	out = render(&b, CM_FORMAT_TABLE);
	assert_non_null(strstr(out, "\nnetwork E-I index: undefined\n"));
	free(out);
	cm_brokers_free(&b);
}

/* JSON: group, direction, the two tables, the index (null when undefined). */
static void test_json(void **state)
{
	cm_brokers b;
	char *out;

	(void)state;
	fill(&b, 3.0 / 7.0);
	b.directed = 1;
	out = render(&b, CM_FORMAT_JSON);
	assert_true(!strncmp(out, "{\n  \"group\": \"region\",\n  \"directed\": true,\n  \"actors\": ",
	                     strlen("{\n  \"group\": \"region\",\n  \"directed\": true,\n  \"actors\": ")));
	assert_non_null(strstr(out, ",\n  \"groups\": "));
	assert_non_null(strstr(out, "\"c\""));
	assert_string_equal(out + strlen(out) - strlen(",\n  \"network_ei_index\": 0.428571428571\n}\n"),
	                    ",\n  \"network_ei_index\": 0.428571428571\n}\n");
	free(out);
	cm_brokers_free(&b);
	fill(&b, NAN);
	out = render(&b, CM_FORMAT_JSON);
	assert_non_null(strstr(out, ",\n  \"network_ei_index\": null\n}\n"));
	free(out);
	cm_brokers_free(&b);
}

/* A full device gives CM_EIO. */
static void test_write_error(void **state)
{
	cm_brokers b;
	FILE *f = fopen("/dev/full", "w");

	(void)state;
	if (!f)
		skip();
	fill(&b, 3.0 / 7.0);
	setvbuf(f, NULL, _IONBF, 0);
	cm_error_clear();
	assert_int_equal(cm_brokers_write(f, &b, CM_FORMAT_JSON), CM_EIO);
	cm_error_clear();
	fclose(f);
	cm_brokers_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rows),
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_write_error),
	};

	cm_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
