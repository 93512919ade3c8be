/*
 * Unit tests of src/present/results/clubs.c, the clubs' writer, on clubs
 * filled by hand (the struct is public): critical mass 4; Club 1 joins A
 * and B (5 cités, reached); Club 2 is C alone (2 cités, 2 short, could
 * join the dense region D); D has 6 cités; one cité has no region.
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

#include "coopmap/coopmap.h"
#include "coopmap/clubs.h"
#include "coopmap/common.h"
#include "coopmap/writers.h"

static char *regions1[] = { "A", "B" }, *members1[] = { "a1", "b1" };
static char *regions2[] = { "C" }, *join2[] = { "D" }, *members2[] = { "c1", "c2" };

/* The clubs described above (static strings: not for cm_clubs_free). */
static void fill(cm_clubs *c, cm_club *k, cm_region_count *dense, const char *type)
{
	memset(c, 0, sizeof(*c));
	memset(k, 0, 2 * sizeof(*k));
	k[0].name = "Club 1: A, B";
	k[0].regions = regions1;
	k[0].n_regions = 2;
	k[0].cites = 5;
	k[0].reaches_min_size = 1;
	k[0].members = members1;
	k[0].n_members = 2;
	k[1].name = "Club 2: C";
	k[1].regions = regions2;
	k[1].n_regions = 1;
	k[1].cites = 2;
	k[1].shortfall = 2;
	k[1].could_join = join2;
	k[1].n_could_join = 1;
	k[1].members = members2;
	k[1].n_members = 2;
	dense->region = "D";
	dense->cites = 6;
	c->min_size = 4;
	c->type = (char *)type;
	c->clubs = k;
	c->n_clubs = 2;
	c->dense = dense;
	c->n_dense = 1;
	c->no_region = 1;
}

/* Write the clubs to memory; the caller frees the text. */
static char *render(const cm_clubs *c, cm_format format)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);

	assert_non_null(f);
	assert_int_equal(cm_clubs_write(f, c, format), 0);
	assert_int_equal(fclose(f), 0);
	return text;
}

/* CSV: one row per club, name up to the colon, lists joined with ", ", members. */
static void test_csv(void **state)
{
	cm_clubs c;
	cm_club k[2];
	cm_region_count dense;
	char *out;

	(void)state;
	fill(&c, k, &dense, "cite");
	out = render(&c, CM_FORMAT_CSV);
	assert_string_equal(out, "club,regions,cites,reaches_min_size,shortfall,could_join,members\n"
	                         "Club 1,\"A, B\",5,1,,,\"a1, b1\"\n"
	                         "Club 2,C,2,0,2,D,\"c1, c2\"\n");
	free(out);
}

/* JSON: every field, shortfall and could_join only for a club short of the mass. */
static void test_json(void **state)
{
	cm_clubs c;
	cm_club k[2];
	cm_region_count dense;
	char *out;

	(void)state;
	fill(&c, k, &dense, "cite");
	out = render(&c, CM_FORMAT_JSON);
	assert_string_equal(out,
	                    "{\n  \"min_size\": 4,\n  \"type\": \"cite\",\n  \"clubs\": [\n"
	                    "    {\"name\": \"Club 1: A, B\", \"regions\": [\"A\", \"B\"], \"cites\": 5, "
	                    "\"reaches_min_size\": true,\n     \"members\": [\"a1\", \"b1\"]},\n"
	                    "    {\"name\": \"Club 2: C\", \"regions\": [\"C\"], \"cites\": 2, "
	                    "\"reaches_min_size\": false, \"shortfall\": 2, \"could_join\": [\"D\"],\n"
	                    "     \"members\": [\"c1\", \"c2\"]}\n"
	                    "  ],\n  \"dense_regions\": [\"D\"],\n  \"actors_without_region\": 1\n}\n");
	free(out);
	c.n_clubs = 0;
	c.n_dense = 0;
	out = render(&c, CM_FORMAT_JSON);
	assert_non_null(strstr(out, "\"clubs\": [],\n  \"dense_regions\": [],\n"));
	free(out);
}

/* The table: yes/no, then the members, then the dense regions ("cités" for the default type). */
static void test_table(void **state)
{
	cm_clubs c;
	cm_club k[2];
	cm_region_count dense;
	char *out;

	(void)state;
	fill(&c, k, &dense, "cite");
	out = render(&c, CM_FORMAT_TABLE);
	assert_non_null(strstr(out, " yes "));
	assert_non_null(strstr(out, " no "));
	/* the members below the table, club by club */
	assert_non_null(strstr(out, "\nmembers:\n  Club 1: a1, b1\n  Club 2: c1, c2\n"));
	assert_string_equal(out + strlen(out) - strlen("\ndense regions (at least 4 cités): D (6)\n"),
	                    "\ndense regions (at least 4 cités): D (6)\n");
	free(out);
	fill(&c, k, &dense, "school");
	c.n_dense = 0;
	out = render(&c, CM_FORMAT_TABLE);
	assert_non_null(strstr(out, "\ndense regions (at least 4 school): none\n"));
	free(out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_csv),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_table),
	};

	cm_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
