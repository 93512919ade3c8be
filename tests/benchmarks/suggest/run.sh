#!/bin/sh
# Suggest benchmark (not a test): `coopmap suggest` against one `coopmap
# metrics` run (default measures) on the same generated network, in the same
# session, each in its own process measured by /usr/bin/time, alternating
# which goes first.  The goal (issue 16): suggest's wall time <= 2x metrics'.
# Writes tests/benchmarks/results/suggest-DATE.md and prints it.
#
# usage: tests/benchmarks/suggest/run.sh
# environment:
#   SUGGEST_ACTORS=N   actors (default 100000); ties are 5N
#   SUGGEST_ROUNDS=R   rounds (default 3)
#   OUT=FILE           report path (default tests/benchmarks/results/suggest-DATE.md)
#
# The network: `gen_network --actors N --ties 5N --seed 1`; suggest runs with
# its defaults (every cité of isolation level >= 1, 5 suggestions each) and
# --regions graphs/regions-fr.csv.  Files are kept under build/bench/suggest.
set -eu
cd "$(dirname "$0")/../../.."
N=${SUGGEST_ACTORS:-100000}
ROUNDS=${SUGGEST_ROUNDS:-3}
DATE=$(date -u +%Y-%m-%d)
OUT=${OUT:-tests/benchmarks/results/suggest-$DATE.md}
TIME=/usr/bin/time
DIR=build/bench/suggest
[ -x "$TIME" ] || { echo "run.sh: install the Debian package 'time' for /usr/bin/time" >&2; exit 1; }

mkdir -p "$DIR"
make --no-print-directory coopmap build/tests/gen_network >/dev/null
G=$DIR/g$N
if [ ! -f "$G/edges.csv" ]; then
	build/tests/gen_network --actors "$N" --ties $((5 * N)) --seed 1 --out "$G" >/dev/null
fi

# run NAME CMD...: one measured run; appends "NAME wall cpu maxrss_kb" to $DIR/runs
run() {
	name=$1
	shift
	if "$TIME" -f "%e %U %S %M" -o "$DIR/time" "$@" >"$DIR/$name.out" 2>"$DIR/$name.err"; then
		read -r wall user sys rss <"$DIR/time"
		echo "$name $wall $(echo "$user + $sys" | bc) $rss" >>"$DIR/runs"
		echo "  $name: $wall s wall, $rss KB" >&2
	else
		echo "  $name failed: $(tail -1 "$DIR/$name.err")" >&2
		echo "$name failed" >>"$DIR/runs"
	fi
}

: >"$DIR/runs"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
r=1
while [ "$r" -le "$ROUNDS" ]; do
	echo "round $r" >&2
	if [ $((r % 2)) = 1 ]; then
		run metrics ./coopmap metrics "$G" --quiet
		run suggest ./coopmap suggest "$G" --regions graphs/regions-fr.csv --quiet
	else
		run suggest ./coopmap suggest "$G" --regions graphs/regions-fr.csv --quiet
		run metrics ./coopmap metrics "$G" --quiet
	fi
	r=$((r + 1))
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
stat() { grep "^$1 " "$DIR/runs" | grep -v failed | awk -v c="$2" '{ print $c }' | median; }
mw=$(stat metrics 2); mc=$(stat metrics 3); mr=$(stat metrics 4)
sw=$(stat suggest 2); sc=$(stat suggest 3); sr=$(stat suggest 4)
rows=$(($(wc -l <"$DIR/suggest.out") - 1))
{
	echo "# Benchmark: coopmap suggest against one metrics run, $N actors"
	echo
	echo "Run of \`tests/benchmarks/suggest/run.sh\` on $DATE ($(nproc) CPUs; load average $load_before before, $load_after after)."
	echo "Network: \`gen_network --actors $N --ties $((5 * N)) --seed 1\`. suggest: defaults and"
	echo "\`--regions graphs/regions-fr.csv\` ($rows suggestions). Medians of $ROUNDS runs each, alternating which goes first."
	echo
	echo "| run | wall (s) | CPU (s) | peak memory (MB) | wall / metrics |"
	echo "| --- | ---: | ---: | ---: | ---: |"
	echo "| coopmap metrics | $mw | $mc | $((mr / 1024)) | 1.00 |"
	echo "| coopmap suggest | $sw | $sc | $((sr / 1024)) | $(awk -v a="$sw" -v b="$mw" 'BEGIN { printf "%.2f", a / b }') |"
	echo
	echo "CPU ratio suggest / metrics: $(awk -v a="$sc" -v b="$mc" 'BEGIN { printf "%.2f", a / b }'). Goal: wall ratio <= 2."
	echo
	echo "Every run (name, wall s, CPU s, peak KB):"
	echo
	sed 's/^/    /' "$DIR/runs"
} >"$OUT"
cat "$OUT"
