#!/usr/bin/env bash
# End-to-end tests of the coopmap command: exit status, stderr message and
# output compared with the expected files in tests/cli/expected/.
# Each test_* function is one case; run with a name to run only that case.
set -u
cd "$(dirname "$0")/../.." || exit 1
BIN=${COOPMAP:-./coopmap}
# messages in English whatever the tester's locale (85_french.sh asks for French itself)
unset LC_ALL LC_MESSAGES LANGUAGE
export LANG=C.UTF-8
# COOPMAP_WRAPPER (e.g. valgrind) runs before the binary in every case.
read -r -a WRAP <<<"${COOPMAP_WRAPPER:-}"
EXP=tests/cli/expected
DATA=tests/data
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
pass=0
fail=0

# Report one check: check NAME CONDITION-STATUS [DETAIL]
check() {
	if [ "$2" -eq 0 ]; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL: $1${3:+: $3}"
	fi
}

# Run coopmap, keeping stdout, stderr and status in $TMP/out, $TMP/err, $status.
run() {
	"${WRAP[@]}" "$BIN" "$@" >"$TMP/out" 2>"$TMP/err" </dev/null
	status=$?
}

# signal_and_reap PID SIGNAL SECONDS: send SIGNAL, give the process SECONDS
# to stop (then SIGKILL, should the signal be ignored), reap it into $status
signal_and_reap() {
	kill "-$2" "$1"
	for _ in $(seq $(($3 * 10))); do
		kill -0 "$1" 2>/dev/null || break
		sleep 0.1
	done
	kill -KILL "$1" 2>/dev/null
	wait "$1"
	status=$?
}

# expect_status NAME WANT
expect_status() {
	[ "$status" -eq "$2" ]
	check "$1 (exit $status, want $2)" $? "$(head -c 300 "$TMP/err")"
}

# expect_err NAME TEXT: stderr contains TEXT
expect_err() {
	grep -qF -- "$2" "$TMP/err"
	check "$1 (stderr has '$2')" $? "$(head -c 300 "$TMP/err")"
}

# expect_out_file NAME FILE: stdout equals the expected file
expect_out_file() {
	diff -u "$2" "$TMP/out" >"$TMP/diff"
	check "$1 (stdout = $2)" $? "$(head -n 20 "$TMP/diff")"
}

for f in tests/cli/cases/*.sh; do
	[ -e "$f" ] || continue
	# shellcheck source=/dev/null
	. "$f"
done

echo "cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
