#!/bin/sh
# Run each libFuzzer target named as an argument (csv_edges, dot, ...) for
# FUZZ_SECONDS (default 20) over its seed corpus tests/fuzz/corpus/<target>/.
# New inputs go to build/fuzz/new/<target>/ (the committed corpus is not
# changed; merge the interesting ones with -merge=1, see docs/reliability.md)
# and a crashing input to build/fuzz/artifacts/<target>/.  Prints the final
# executions and coverage line of each; fails if any target found a bug.
# FUZZ_JOBS=2 runs two targets at a time.  FUZZ_KEEP_GOING=1 (long runs)
# uses libFuzzer's fork mode and goes on after a finding, collecting every
# crashing input.
cd "$(dirname "$0")/../.." || exit 1
secs=${FUZZ_SECONDS:-20}
jobs=${FUZZ_JOBS:-1}
out=build/fuzz
# Leaks count as failures, except the ones of fontconfig and Graphviz's plugin
# loader explained in tests/lsan.supp.
ASAN_OPTIONS=${ASAN_OPTIONS:-halt_on_error=1:detect_leaks=1:print_stacktrace=1:fast_unwind_on_malloc=0}
UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$PWD/tests/lsan.supp:print_suppressions=0}
export ASAN_OPTIONS UBSAN_OPTIONS LSAN_OPTIONS
mkdir -p "$out/logs"

# run_one TARGET: fuzz it, keep the log in build/fuzz/logs/TARGET.log
run_one() {
	t=$1
	bin=$out/fuzz_$t
	mkdir -p "$out/new/$t" "$out/artifacts/$t" "$out/logs"
	if [ ! -x "$bin" ]; then
		echo "fuzz $t: $bin not built (make fuzz)" >&2
		return 1
	fi
	# -timeout: one input may not take longer (a hang is a finding);
	# -rss_limit_mb: bounded memory; -max_len: inputs up to 64 KiB.
	keep=""
	[ "${FUZZ_KEEP_GOING:-0}" = 1 ] && keep="-fork=1 -ignore_crashes=1 -ignore_ooms=1 -ignore_timeouts=1"
	# shellcheck disable=SC2086
	nice "$bin" $keep -max_total_time="$secs" -timeout=30 -rss_limit_mb=2048 -max_len=65536 \
		-print_final_stats=1 -artifact_prefix="$out/artifacts/$t/" \
		"$out/new/$t" "tests/fuzz/corpus/$t" >"$out/logs/$t.log" 2>&1
	rc=$?
	summary=$(grep -E '^#[0-9]+[[:space:]]+(DONE|INITED|pulse|NEW|REDUCE)|^#[0-9]+: cov:' "$out/logs/$t.log" | tail -n 1)
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$out/logs/$t.log")
	rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$out/logs/$t.log")
	# fork mode prints no stat:: lines: "#N: cov: .. exec/s R .." instead
	if [ -z "$execs" ]; then
		execs=$(echo "$summary" | sed -n 's/^#\([0-9]*\):.*/\1/p')
		rate=$(echo "$summary" | sed -n 's/.* exec\/s \([0-9]*\) .*/\1/p')
	fi
	if [ "$rc" -ne 0 ]; then
		echo "fuzz $t: FAILED (exit $rc), see $out/logs/$t.log:"
		grep -E 'ERROR|SUMMARY|Test unit written|fuzz:' "$out/logs/$t.log" | head -n 8
		return 1
	fi
	echo "fuzz $t: ok, ${execs:-?} runs, ${rate:-?}/s; $summary"
}

ntargets=$#
failed=""
if [ "$jobs" -gt 1 ]; then
	# two (or more) at a time, each in its own subshell
	set -- "$@"
	while [ $# -gt 0 ]; do
		pids=""
		i=0
		while [ $# -gt 0 ] && [ $i -lt "$jobs" ]; do
			( run_one "$1" >"$out/logs/$1.status" 2>&1 ) &
			pids="$pids $!:$1"
			shift
			i=$((i + 1))
		done
		for p in $pids; do
			wait "${p%%:*}" || failed="$failed ${p#*:}"
			cat "$out/logs/${p#*:}.status"
		done
	done
else
	for t in "$@"; do
		run_one "$t" || failed="$failed $t"
	done
fi
if [ -n "$failed" ]; then
	echo "fuzz: failed:$failed"
	exit 1
fi
echo "fuzz: $ntargets targets ok"
