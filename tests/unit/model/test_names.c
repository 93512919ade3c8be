/* Unit tests of src/model/names.c: the one name -> vertex map, by hand-written cases. */
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
#include "coopmap/common.h"
#include "coopmap/network.h"
#include "model/names.h"

/* Add s, expecting index want and whether it was new. */
static void expect_add(cm_names *t, const char *s, igraph_integer_t want, int want_added)
{
	igraph_integer_t idx = -7;
	int added = -1;

	assert_int_equal(cm_names_add(t, s, &idx, &added), 0);
	assert_int_equal(idx, want);
	assert_int_equal(added, want_added);
}

/* A few names: add, get, duplicates, text by index; names are compared as text. */
static void test_add_get(void **state)
{
	cm_names t;
	char buf[8];

	(void)state;
	cm_names_init(&t);
	assert_int_equal(cm_names_get(&t, "x"), -1);
	expect_add(&t, "alpha", 0, 1);
	expect_add(&t, "beta", 1, 1);
	expect_add(&t, "", 2, 1);              /* the table itself takes an empty name */
	expect_add(&t, "alpha", 0, 0);         /* a duplicate finds the first */
	expect_add(&t, "beta", 1, 0);
	/* "007" is not "7" */
	expect_add(&t, "7", 3, 1);
	expect_add(&t, "007", 4, 1);
	assert_int_equal(cm_names_get(&t, "alpha"), 0);
	assert_int_equal(cm_names_get(&t, "beta"), 1);
	assert_int_equal(cm_names_get(&t, ""), 2);
	assert_int_equal(cm_names_get(&t, "07"), -1);
	assert_int_equal(cm_names_get(&t, "Alpha"), -1);
	assert_int_equal(t.n, 5);
	/* names are copied: the caller's text may change */
	strcpy(buf, "gamma");
	expect_add(&t, buf, 5, 1);
	strcpy(buf, "delta");
	assert_int_equal(cm_names_get(&t, "gamma"), 5);
	assert_int_equal(cm_names_get(&t, "delta"), -1);
	assert_string_equal(cm_names_text(&t, 5), "gamma");
	assert_string_equal(cm_names_text(&t, 0), "alpha");
	cm_names_free(&t);
	assert_null(t.slots);
	cm_names_free(&t); /* twice, and a zeroed table, are fine */
}

/*
 * Names of 19, 20 and 21 bytes (the slot keeps 20 inline), long names that
 * differ only at the end or by their length.
 */
static void test_long_names(void **state)
{
	static const char *const names[] = {
		"abcdefghijklmnopqrs", "abcdefghijklmnopqrst", "abcdefghijklmnopqrstu",
		"organisation-partenaire-0001-nord", "organisation-partenaire-0001-sud",
		"abcdefghijklmnopqrstuvwxyz0123456789abcd", "abcdefghijklmnopqrstuvwxyz0123456789abc",
	};
	const size_t n = sizeof(names) / sizeof(names[0]);
	cm_names t = { 0 };

	(void)state;
	for (size_t i = 0; i < n; i++)
		expect_add(&t, names[i], (igraph_integer_t)i, 1);
	for (size_t i = 0; i < n; i++) {
		expect_add(&t, names[i], (igraph_integer_t)i, 0);
		assert_int_equal(cm_names_get(&t, names[i]), (igraph_integer_t)i);
		assert_string_equal(cm_names_text(&t, (igraph_integer_t)i), names[i]);
	}
	assert_int_equal(cm_names_get(&t, "abcdefghijklmnopqrstuv"), -1);
	assert_int_equal(cm_names_get(&t, "organisation-partenaire-0001-est"), -1);
	cm_names_free(&t);
}

/*
 * Many names survive the table's growth past its first 1024 slots and the
 * arena's past its first 64 KiB; equal text finds the same index.
 */
static void test_growth(void **state)
{
	enum { N = 20000 };
	cm_names t;
	char text[48];

	(void)state;
	cm_names_init(&t);
	for (int i = 0; i < N; i++) {
		snprintf(text, sizeof(text), "%d", i);
		expect_add(&t, text, i, 1);
		if (i == 511)
			assert_int_equal(t.mask + 1, 1024); /* 512 names: half full */
		if (i == 512)
			assert_true(t.mask + 1 > 1024);     /* one more: the table grew */
	}
	for (int i = 0; i < N; i++) {
		snprintf(text, sizeof(text), "%d", i);
		expect_add(&t, text, i, 0);
	}
	/* long names push the arena along */
	for (int i = 0; i < 3000; i++) {
		snprintf(text, sizeof(text), "a-rather-long-actor-name-number-%06d", i);
		expect_add(&t, text, N + i, 1);
	}
	assert_int_equal(cm_names_get(&t, "19999"), 19999);
	assert_int_equal(cm_names_get(&t, "20000"), -1);
	assert_int_equal(cm_names_get(&t, "a-rather-long-actor-name-number-002999"), N + 2999);
	assert_string_equal(cm_names_text(&t, 12345), "12345");
	assert_true(t.arena_cap > 65536);
	cm_names_free(&t);
}

/* Reserved room, prepared references in a batch, and the slots dropped with the text kept. */
static void test_reserve_refs(void **state)
{
	static const char *const batch[] = { "a", "b", "a", "c", "b", "d" };
	static const igraph_integer_t want[] = { 0, 1, 0, 2, 1, 3 };
	cm_name_ref refs[6];
	cm_names t = { 0 };
	igraph_integer_t idx;
	size_t size;
	int added;

	(void)state;
	assert_int_equal(cm_names_reserve(&t, 5000), 0);
	size = t.mask + 1;
	assert_true(size >= 10000);
	for (int i = 0; i < 6; i++) {
		cm_name_ref_init(&refs[i], batch[i]);
		cm_names_prefetch(&t, &refs[i]);
	}
	for (int i = 0; i < 6; i++) {
		assert_int_equal(cm_names_add_ref(&t, &refs[i], &idx, &added), 0);
		assert_int_equal(idx, want[i]);
		assert_int_equal(added, i == 0 || i == 1 || i == 3 || i == 5);
	}
	assert_int_equal(cm_names_reserve(&t, 100), 0); /* smaller: nothing changes */
	assert_int_equal(t.mask + 1, size);
	assert_int_equal(cm_names_get(&t, "d"), 3);
	cm_names_drop_slots(&t);
	assert_null(t.slots);
	assert_string_equal(cm_names_text(&t, 2), "c");
	cm_names_free(&t);
}

/* Look-ups that only read: found names give their index, absent ones -1 and add nothing. */
static void test_get_ref(void **state)
{
	static const char *const names[] = { "a0", "un nom de plus de vingt octets", "b" };
	cm_name_ref r;
	cm_names t = { 0 };
	igraph_integer_t idx;
	int added;

	(void)state;
	cm_name_ref_init(&r, "a0");
	assert_int_equal(cm_names_get_ref(&t, &r), -1); /* an empty table */
	for (int i = 0; i < 3; i++)
		assert_int_equal(cm_names_add(&t, names[i], &idx, &added), 0);
	for (int i = 0; i < 3; i++) {
		cm_name_ref_init(&r, names[i]);
		assert_int_equal(cm_names_get_ref(&t, &r), i);
	}
	cm_name_ref_init(&r, "un nom de plus de vingt octets, autre");
	assert_int_equal(cm_names_get_ref(&t, &r), -1);
	cm_name_ref_init(&r, "c");
	assert_int_equal(cm_names_get_ref(&t, &r), -1);
	assert_int_equal(t.n, 3);
	cm_names_free(&t);
}

/* A network's actors indexed by id. */
static void test_index(void **state)
{
	igraph_t g;
	cm_network *net = NULL;
	cm_names t = { 0 };

	(void)state;
	igraph_ring(&g, 5, IGRAPH_UNDIRECTED, 0, 1);
	SETVAS(&g, "name", 0, "x");
	SETVAS(&g, "name", 1, "y");
	SETVAS(&g, "name", 2, "z");
	SETVAS(&g, "name", 3, "w");
	SETVAS(&g, "name", 4, "v");
	assert_int_equal(cm_network_wrap(&net, &g, "ring"), 0);
	assert_int_equal(cm_names_index(&t, net), 0);
	assert_int_equal(cm_names_get(&t, "x"), 0);
	assert_int_equal(cm_names_get(&t, "v"), 4);
	assert_int_equal(cm_names_get(&t, "u"), -1);
	assert_int_equal(t.n, 5);
	cm_names_free(&t);
	cm_network_free(net);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_add_get),
		cmocka_unit_test(test_long_names),
		cmocka_unit_test(test_growth),
		cmocka_unit_test(test_reserve_refs),
		cmocka_unit_test(test_get_ref),
		cmocka_unit_test(test_index),
	};

	igraph_set_attribute_table(&igraph_cattribute_table);
	cm_init();
	return cmocka_run_group_tests_name("names", tests, NULL, NULL);
}
