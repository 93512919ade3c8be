# The command shell: help, version, unknown commands and options.

run --version
expect_status "version" 0
grep -q '^coopmap [0-9]' "$TMP/out"; check "version prints a version" $?

run help
expect_status "help" 0
for c in summary metrics render convert isolated clubs brokers; do
	grep -q "^  $c " "$TMP/out"; check "help lists $c" $?
done

run
expect_status "no command" 2

run frobnicate
expect_status "unknown command" 2
expect_err "unknown command" "'frobnicate' is not a coopmap command"

run summary --help
expect_status "summary --help" 0
grep -q '^usage: coopmap summary' "$TMP/out"; check "summary --help shows usage" $?

run summary --bogus x
expect_status "unknown option" 2
expect_err "unknown option" "usage: coopmap summary"

run summary
expect_status "missing input" 2
expect_err "missing input" "no INPUT given"
