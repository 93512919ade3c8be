#!/bin/sh
# Speed benchmark of issue 19 (not a test): the figures docs/scale.md quotes,
# measured side by side in one run and written to
# tests/benchmarks/results/speed-DATE.md.  `make bench` runs it after the
# scale benchmark.
#
#   1. the standard analysis at 100k actors / 500k ties (load, degree,
#      strength, PageRank, coreness, clustering, eigenvector, communities):
#      coopmap with its default --jobs, coopmap --jobs 1 and python-igraph
#      (tests/benchmarks/metrics/peer_igraph.py --no-betweenness), run in
#      turn ROUNDS times; the ratios are taken round by round (the machine's
#      speed drifts) and their median reported, with the BLAS of each side;
#   2. loading 1M actors / 10M ties (282 MB of CSV) with the loader's steps,
#      with one thread (load_only --threads 1) and without either
#      (load_only --plain: one thread, no huge-page advice), in turn, as MB
#      of CSV per second of wall and of CPU time;
#   3. `metrics` at 1M / 10M, every measure of the scale benchmark
#      (betweenness from 256 sources), --jobs 1 and the default: wall, CPU
#      and the peak memory of the largest process.
#
# usage: tests/benchmarks/speed/run.sh
# environment: ROUNDS=N (default 5) rounds of part 1 and 3 of part 2;
#   SPEED_LARGE=0 leaves parts 2 and 3 out (they need about 3 GB of memory
#   and 15-30 minutes); OUT=FILE writes the report elsewhere.
set -eu
cd "$(dirname "$0")/../../.."
ROUNDS=${ROUNDS:-5}
LARGE=${SPEED_LARGE:-1}
DATE=$(date -u +%Y-%m-%d)
OUT=${OUT:-tests/benchmarks/results/speed-$DATE.md}
PY=/usr/bin/python3
TIME=/usr/bin/time
BENCH=build/bench
LOADER=build/tests/benchmarks/scale/load_only
STANDARD=degree,strength,pagerank,coreness,clustering,eigenvector,community
ALL=degree,strength,pagerank,coreness,clustering,eigenvector,community,betweenness
[ -x "$TIME" ] || { echo "run.sh: install the Debian package 'time' for /usr/bin/time" >&2; exit 1; }

make --no-print-directory coopmap build/tests/gen_network "$LOADER" >/dev/null
mkdir -p "$BENCH"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
# a private copy, so that a rebuild during the runs cannot disturb them
cp coopmap "$WORK/coopmap"
# coopmap's default --jobs: the processors it may use (nproc), at most 8
JOBS=$(nproc)
[ "$JOBS" -gt 8 ] && JOBS=8

# network ACTORS TIES: the generated network's folder (made once, kept in build/bench)
network() {
	dir=$BENCH/net-$1-$2
	if [ ! -f "$dir/edges.csv" ]; then
		echo "run.sh: generating $1 actors, $2 ties in $dir" >&2
		./build/tests/gen_network --actors "$1" --ties "$2" --seed 1 --out "$dir" >/dev/null
	fi
	echo "$dir"
}

# run NAME CMD...: one run; appends "wall cpu peak_kB" to $WORK/NAME
run() {
	name=$1
	shift
	"$TIME" -f '%e %U %S %M' -o "$WORK/t" "$@" >"$WORK/$name.out" 2>"$WORK/$name.err" || {
		echo "run.sh: $name failed:" >&2
		cat "$WORK/$name.err" >&2
		exit 1
	}
	awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }' "$WORK/t" >>"$WORK/$name"
	echo "run.sh: $name: $(tail -1 "$WORK/$name")" >&2
}

# median FILE COLUMN: the median of one column
median() {
	sort -g -k"$2","$2" "$1" | awk -v c="$2" '{ v[NR] = $c } END {
		if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# ratio A B COLUMN: the median of the round-by-round ratios A/B of one column
ratio() {
	paste -d' ' "$WORK/$1" "$WORK/$2" | awk -v c="$3" '{ print $c / $(c + 3) }' >"$WORK/r"
	printf '%.2f' "$(median "$WORK/r" 1)"
}

# spread A B COLUMN: the smallest and largest round-by-round ratio
spread() {
	paste -d' ' "$WORK/$1" "$WORK/$2" | awk -v c="$3" '{ print $c / $(c + 3) }' | sort -g |
		awk '{ v[NR] = $1 } END { printf "%.2f-%.2f", v[1], v[NR] }'
}

# row LABEL NAME [BASE]: a table row of medians, and ratios to BASE
row() {
	w=$(median "$WORK/$2" 1) c=$(median "$WORK/$2" 2) m=$(median "$WORK/$2" 3)
	if [ $# -ge 3 ]; then
		printf '| %s | %.2f | %.2f | %.0f | %.2f (%s) | %.2f (%s) |\n' "$1" "$w" "$c" "$((m / 1024))" \
			"$(ratio "$2" "$3" 1)" "$(spread "$2" "$3" 1)" "$(ratio "$2" "$3" 2)" "$(spread "$2" "$3" 2)"
	else
		printf '| %s | %.2f | %.2f | %.0f | | |\n' "$1" "$w" "$c" "$((m / 1024))"
	fi
}

LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)

# ---- 1. the standard analysis at 100k, against python-igraph
N100=$(network 100000 500000)
i=0
while [ "$i" -lt "$ROUNDS" ]; do
	run std_jobs "$WORK/coopmap" metrics "$N100" --metrics "$STANDARD" --format csv --quiet
	run std_jobs1 "$WORK/coopmap" metrics "$N100" --metrics "$STANDARD" --format csv --quiet --jobs 1
	run std_igraph "$PY" tests/benchmarks/metrics/peer_igraph.py "$N100" "$WORK/igraph.csv" --no-betweenness
	i=$((i + 1))
done

# ---- 2 and 3. loading and metrics at 1M
if [ "$LARGE" = 1 ]; then
	N1M=$(network 1000000 10000000)
	MB=$(($(stat -c %s "$N1M/nodes.csv") + $(stat -c %s "$N1M/edges.csv")))
	i=0
	while [ "$i" -lt 3 ]; do
		run load_new "$LOADER" "$N1M"
		run load_one "$LOADER" --threads 1 "$N1M"
		run load_plain "$LOADER" --plain "$N1M"
		i=$((i + 1))
	done
	run big_jobs "$WORK/coopmap" metrics "$N1M" --metrics "$ALL" --betweenness-samples 256 --format csv --quiet
	run big_jobs1 "$WORK/coopmap" metrics "$N1M" --metrics "$ALL" --betweenness-samples 256 --format csv --quiet --jobs 1
fi
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)

# ---- the report
{
	echo "# Speed of the standard analysis, the loader and metrics at 1M ($DATE)"
	echo
	echo "Written by tests/benchmarks/speed/run.sh (\`make bench\`); $ROUNDS rounds, each tool run in turn in"
	echo "every round; medians, and the median of the round-by-round ratios (smallest-largest)."
	echo "Machine: $(nproc) processors ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')),"
	echo "$(awk '/MemTotal/ { printf "%.0f", $2 / 1048576 }' /proc/meminfo) GiB; load average $LOAD_START before, $LOAD_END after."
	echo "coopmap's default --jobs here: $JOBS. BLAS: coopmap $(sh tests/benchmarks/blas.sh "$WORK/coopmap");"
	echo "python-igraph $(sh tests/benchmarks/blas.sh "$($PY -c 'import igraph._igraph as m; print(m.__file__)')")."
	echo
	echo "## Standard analysis, 100,000 actors / 500,000 ties"
	echo
	echo "| run | wall s | CPU s | peak MiB | wall / python-igraph | CPU / python-igraph |"
	echo "| --- | ---: | ---: | ---: | ---: | ---: |"
	row "coopmap (default --jobs $JOBS)" std_jobs std_igraph
	row "coopmap --jobs 1" std_jobs1 std_igraph
	row "python-igraph 0.10.2" std_igraph
	echo
	echo "coopmap default against --jobs 1: wall $(ratio std_jobs std_jobs1 1) ($(spread std_jobs std_jobs1 1)),"
	echo "CPU $(ratio std_jobs std_jobs1 2) ($(spread std_jobs std_jobs1 2))."
	if [ "$LARGE" = 1 ]; then
		echo
		echo "## Loading 1,000,000 actors / 10,000,000 ties ($((MB / 1000000)) MB of CSV), 3 rounds"
		echo
		echo "| loader | wall s | CPU s | peak MiB | MB/s of wall | MB/s of CPU |"
		echo "| --- | ---: | ---: | ---: | ---: | ---: |"
		for n in load_new load_one load_plain; do
			w=$(median "$WORK/$n" 1) c=$(median "$WORK/$n" 2) m=$(median "$WORK/$n" 3)
			label="with the new steps (two threads, huge pages)"
			[ "$n" = load_one ] && label="one thread (--threads 1), huge pages"
			[ "$n" = load_plain ] && label="without either (--plain: one thread, no huge-page advice)"
			awk -v l="$label" -v w="$w" -v c="$c" -v m="$m" -v b="$MB" 'BEGIN {
				printf "| %s | %.2f | %.2f | %.0f | %.0f | %.0f |\n", l, w, c, m / 1024, b / 1e6 / w, b / 1e6 / c }'
		done
		echo
		echo "Two threads against one: wall $(ratio load_new load_one 1) ($(spread load_new load_one 1)),"
		echo "CPU $(ratio load_new load_one 2) ($(spread load_new load_one 2)). Huge pages against none (one thread):"
		echo "wall $(ratio load_one load_plain 1) ($(spread load_one load_plain 1)), CPU $(ratio load_one load_plain 2) ($(spread load_one load_plain 2))."
		echo
		echo "## metrics at 1,000,000 actors / 10,000,000 ties (every measure, betweenness from 256 sources), 1 run each"
		echo
		echo "| run | wall s | CPU s | peak MiB (largest process) |"
		echo "| --- | ---: | ---: | ---: |"
		for n in big_jobs big_jobs1; do
			set -- $(cat "$WORK/$n")
			label="default --jobs $JOBS"
			[ "$n" = big_jobs1 ] && label="--jobs 1"
			printf '| %s | %.2f | %.2f | %.0f |\n' "$label" "$1" "$2" "$(($3 / 1024))"
		done
	fi
} >"$OUT"
cat "$OUT"
