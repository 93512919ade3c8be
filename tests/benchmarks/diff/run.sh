#!/bin/sh
# Benchmark (not a test): `coopmap diff` of two generated networks against
# one `coopmap metrics` run on one of them, alternating, each process
# measured by /usr/bin/time (wall and CPU time, peak memory).  The goal
# (issue "change over time"): diff takes at most 2x one metrics run.
# Writes tests/benchmarks/results/diff-DATE.md and prints it.
#
# usage: tests/benchmarks/diff/run.sh
# environment:
#   DIFF_ACTORS=N   actors (default 100000); ties are 5N
#   DIFF_ROUNDS=R   rounds (default 3)
#   OUT=FILE        report path
#
# The networks: gen_network with seeds 1 and 2 (the same actor ids, other
# ties: a comparison where most ties change), and `diff --at` on the first
# (two years of one input: the usual use).
set -eu
cd "$(dirname "$0")/../../.."
N=${DIFF_ACTORS:-100000}
ROUNDS=${DIFF_ROUNDS:-3}
DATE=$(date -u +%Y-%m-%d)
OUT=${OUT:-tests/benchmarks/results/diff-$DATE.md}
TIME=/usr/bin/time
DIR=build/bench/diff
[ -x "$TIME" ] || { echo "run.sh: install the Debian package 'time' for /usr/bin/time" >&2; exit 1; }

mkdir -p "$DIR"
make --no-print-directory coopmap build/tests/gen_network >/dev/null
cp coopmap "$DIR/coopmap"
for s in 1 2; do
	[ -f "$DIR/g$s-$N/edges.csv" ] ||
		build/tests/gen_network --actors "$N" --ties $((5 * N)) --seed "$s" --out "$DIR/g$s-$N" >/dev/null
done
G1=$DIR/g1-$N
G2=$DIR/g2-$N
# two years of G1: the first year with ties, and the last
Y1=$(cut -d, -f4 "$G1/edges.csv" | grep -E '^[0-9]+$' | sort -n | sed -n '1p')
Y2=$(cut -d, -f4 "$G1/edges.csv" | grep -E '^[0-9]+$' | sort -n | tail -n 1)

# measure NAME CMD...: append "NAME wall cpu maxrss_kb" to $DIR/times
measure() {
	name=$1
	shift
	$TIME -f "%e %U %S %M" -o "$DIR/t" "$@" >/dev/null 2>&1 || { echo "run.sh: $name failed" >&2; exit 1; }
	read -r wall user sys rss <"$DIR/t"
	echo "$name $wall $(echo "$user + $sys" | bc) $rss" >>"$DIR/times"
}

: >"$DIR/times"
r=1
while [ "$r" -le "$ROUNDS" ]; do
	measure metrics "$DIR/coopmap" metrics "$G1" --format csv --quiet
	measure diff "$DIR/coopmap" diff "$G1" "$G2" --format csv --quiet
	measure diff_at "$DIR/coopmap" diff "$G1" --at "$Y1" --at "$Y2" --format csv --quiet
	r=$((r + 1))
done

# median NAME FIELD: the median of one figure over the rounds
median() {
	awk -v n="$1" -v f="$2" '$1 == n { print $f }' "$DIR/times" | sort -n |
		awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
mw=$(median metrics 2); mc=$(median metrics 3); mm=$(median metrics 4)
{
	echo "# coopmap diff against one metrics run, $DATE"
	echo
	echo "$N actors, $((5 * N)) ties (gen_network seeds 1 and 2); $ROUNDS rounds, alternating; medians."
	echo "Machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)."
	echo
	echo "| run | wall (s) | CPU (s) | peak memory (MiB) | wall / metrics |"
	echo "|---|---:|---:|---:|---:|"
	for name in metrics diff diff_at; do
		w=$(median $name 2); c=$(median $name 3); m=$(median $name 4)
		echo "| $name | $w | $c | $((m / 1024)) | $(echo "scale=2; $w / $mw" | bc) |"
	done
	echo
	echo "metrics: \`coopmap metrics G1\`; diff: \`coopmap diff G1 G2\`; diff_at: \`coopmap diff G1 --at $Y1 --at $Y2\`."
} >"$OUT"
cat "$OUT"
: "$mc" "$mm"
