/* Unit tests of src/base/strbuf.c: the lists of names in notices, by hand-written cases. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "base/strbuf.h"

/* A list of total names n0, n1, ... built as the notices build it. */
static char *names(size_t total)
{
	cm_strbuf b = { 0 };
	char name[32];

	for (size_t i = 0; i < total; i++) {
		snprintf(name, sizeof(name), "n%zu", i);
		assert_int_equal(cm_strbuf_name(&b, i, name), 0);
	}
	assert_int_equal(cm_strbuf_names_end(&b, total), 0);
	return b.s;
}

static void test_names(void **state)
{
	char *s;

	(void)state;
	s = names(1);
	assert_string_equal(s, "'n0'");
	free(s);
	s = names(3);
	assert_string_equal(s, "'n0', 'n1', 'n2'");
	free(s);
	/* CM_NOTICE_NAMES (10) names in full, no "more" */
	s = names(10);
	assert_string_equal(s, "'n0', 'n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'n7', 'n8', 'n9'");
	free(s);
	/* 13 names: 10 shown, 3 more */
	s = names(13);
	assert_string_equal(s, "'n0', 'n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'n7', 'n8', 'n9' and 3 more");
	free(s);
	assert_null(names(0));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names),
	};

	return cmocka_run_group_tests_name("base/strbuf", tests, NULL, NULL);
}
