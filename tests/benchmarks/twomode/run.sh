#!/bin/sh
# Benchmark (not a test): projecting two-mode data (issue 17) against one
# `coopmap metrics` run on the projected network, each process measured by
# /usr/bin/time (wall and CPU time, peak memory).  The goal: the projection
# takes at most the time of one metrics run.
# Writes tests/benchmarks/results/twomode-DATE.md and prints it.
#
# usage: tests/benchmarks/twomode/run.sh
# environment:
#   TM_ACTORS=N        actors (default 100000)
#   TM_EVENTS=E        events (default 20000)
#   TM_PARTS=P         participations (default 500000)
#   TM_ROUNDS=R        rounds (default 1)
#   OUT=FILE           report path
#
# The data: P participations of actors drawn uniformly among N at events
# drawn uniformly among E (awk's generator, seed 17; repeats are counted
# once with a notice), events in 2019-2022.  "project" is `coopmap metrics
# --two-mode -m degree` on the participation table: reading, projecting
# and the pipeline, with the cheapest measure; "metrics" is the default
# `coopmap metrics` on the projected network, written once as a CSV folder.
set -eu
cd "$(dirname "$0")/../../.."
N=${TM_ACTORS:-100000}
E=${TM_EVENTS:-20000}
P=${TM_PARTS:-500000}
ROUNDS=${TM_ROUNDS:-1}
DATE=$(date -u +%Y-%m-%d)
OUT=${OUT:-tests/benchmarks/results/twomode-$DATE.md}
TIME=/usr/bin/time
DIR=build/bench/twomode
[ -x "$TIME" ] || { echo "run.sh: install the Debian package 'time' for /usr/bin/time" >&2; exit 1; }

mkdir -p "$DIR"
make --no-print-directory coopmap >/dev/null
cp coopmap "$DIR/coopmap"
T=$DIR/p-$N-$E-$P.csv
[ -f "$T" ] || awk -v n="$N" -v e="$E" -v p="$P" 'BEGIN {
	srand(17); print "actor,event,year"
	for (i = 0; i < p; i++) { ev = int(rand() * e); printf "a%d,e%d,%d\n", int(rand() * n), ev, 2019 + ev % 4 }
}' >"$T"
[ -f "$DIR/proj-$N-$E-$P/edges.csv" ] || "$DIR/coopmap" convert "$T" --two-mode --quiet -o "$DIR/proj-$N-$E-$P/"
PROJ=$DIR/proj-$N-$E-$P
TIES=$(($(wc -l <"$PROJ/edges.csv") - 1))

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
	measure project "$DIR/coopmap" metrics "$T" --two-mode -m degree --format csv --quiet
	measure metrics "$DIR/coopmap" metrics "$PROJ" --format csv --quiet
	r=$((r + 1))
done

# median NAME FIELD: the median of one figure over the rounds
median() {
	awk -v n="$1" -v f="$2" '$1 == n { print $f }' "$DIR/times" | sort -n |
		awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
mw=$(median metrics 2)
{
	echo "# Projecting two-mode data against one metrics run, $DATE"
	echo
	echo "$N actors, $E events, $P participations (uniform, awk seed 17): $TIES ties once projected."
	echo "$ROUNDS round(s), alternating; medians."
	echo "Machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)."
	echo
	echo "| run | wall (s) | CPU (s) | peak memory (MiB) | wall / metrics |"
	echo "|---|---:|---:|---:|---:|"
	for name in project metrics; do
		w=$(median $name 2); c=$(median $name 3); m=$(median $name 4)
		echo "| $name | $w | $c | $((m / 1024)) | $(echo "scale=3; $w / $mw" | bc) |"
	done
	echo
	echo "project: \`coopmap metrics PARTICIPATIONS --two-mode -m degree\`; metrics: \`coopmap metrics PROJECTED\` (the default measures)."
} >"$OUT"
cat "$OUT"
