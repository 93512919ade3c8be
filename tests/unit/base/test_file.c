/* Unit tests of src/base/file.c: whole-file reads. */
#include <locale.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "coopmap/coopmap.h"
#include "base/file.h"

/* Reading a directory or a missing file fails with the path in the message. */
static void test_read_file_errors(void **state)
{
	char *buf = NULL;
	size_t len = 0;

	(void)state;
	cm_error_clear();
	assert_int_equal(cm_read_file(&buf, &len, "tests"), CM_EIO);
	assert_non_null(strstr(cm_error_message(), "'tests' is a directory"));
	cm_error_clear();
	assert_int_equal(cm_read_file(&buf, &len, "tests/no-such-file.csv"), CM_EIO);
	assert_non_null(strstr(cm_error_message(), "no-such-file.csv"));
	assert_null(buf);
	cm_error_clear();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_read_file_errors),
	};
	return cmocka_run_group_tests_name("file", tests, NULL, NULL);
}
