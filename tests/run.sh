#!/bin/sh
# Run the unit test binaries given as arguments, then the CLI tests, and
# print one closing line "tests: N passed, N failed".
passed=0
failed=0
failed_names=""
for t in "$@"; do
	if [ -n "$CM_TEST_WRAPPER" ]; then
		$CM_TEST_WRAPPER "$t"
	else
		"$t"
	fi
	if [ $? -eq 0 ]; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		failed_names="$failed_names $(basename "$t")"
	fi
done
if bash tests/cli/run.sh; then
	passed=$((passed + 1))
else
	failed=$((failed + 1))
	failed_names="$failed_names cli"
fi
[ -n "$failed_names" ] && echo "failed suites:$failed_names"
echo "tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
