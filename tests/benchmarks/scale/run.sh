#!/bin/sh
# Scale benchmark (not a test): the same work in coopmap and in the peers a
# user would pick instead -- python-igraph, graph-tool, NetworkX -- on
# generated national-style networks of growing size, each tool in its own
# process, wall time, CPU time and peak memory side by side.  Writes
# tests/benchmarks/results/scale-DATE.md and prints it.  `make bench` runs it.
#
# usage: tests/benchmarks/scale/run.sh
# environment:
#   BENCH_SIZES="ACTORS:TIES ..."  sizes (default "10000:50000 100000:500000")
#   BENCH_LARGE=1       add 1000000:10000000 (needs about 4 GB free memory
#                       and an hour with the peers)
#   BENCH_TASKS="load summary metrics"   the work measured (default all three)
#   BENCH_PEERS="igraph graphtool networkx"   peers (default all three)
#   NETWORKX_MAX=N      NetworkX is skipped above N actors (default 100000)
#   PEER_TIMEOUT=S      a run still going after S seconds is stopped and
#                       reported as such (default 1200)
#                       ("none": coopmap alone)
#   COOPMAP_TIMEOUT=S   the same for coopmap's runs (default PEER_TIMEOUT)
#   BENCH_COOPMAP=0     do not run coopmap (peers only: with BENCH_APPEND=1, measure
#                       the peers once and coopmap again after a change)
#   BENCH_APPEND=1      keep the figures already in build/bench/ and add to them
#                       (a tool measured again replaces its old figures)
#   MEASURE=0           do not measure: rebuild the report from the figures
#                       already in build/bench/ for the sizes given
#   OUT=FILE            report path (default tests/benchmarks/results/scale-DATE.md)
#
# The work, on nodes.csv + edges.csv (string ids; weight and year):
#   load     read the CSV, build the graph with every attribute, exit
#            (coopmap: build/tests/benchmarks/scale/load_only, which calls
#            cm_network_load and exits)
#   summary  `coopmap summary DIR --jobs 1`: whole-network figures (paths exact while
#            actors x (actors + ties) <= 3e8, estimated from 200 sampled sources above)
#   metrics  `coopmap metrics DIR --metrics degree,strength,pagerank,coreness,
#            clustering,eigenvector,community,betweenness
#            --betweenness-samples 256 --format csv --jobs 1`
#            (one process, as every peer gets one core here; the speed
#            benchmark, tests/benchmarks/speed/run.sh, measures --jobs)
# The peers do the same in their idiomatic fastest way: see peer_*.py here
# and, for metrics with igraph and NetworkX, tests/benchmarks/metrics/.
# Generated networks are kept under build/bench/ (never committed).
set -eu
cd "$(dirname "$0")/../../.."
SIZES=${BENCH_SIZES:-"10000:50000 100000:500000"}
[ "${BENCH_LARGE:-0}" = 1 ] && SIZES="$SIZES 1000000:10000000"
TASKS=${BENCH_TASKS:-"load summary metrics"}
PEERS=${BENCH_PEERS:-"igraph graphtool networkx"}
NETWORKX_MAX=${NETWORKX_MAX:-100000}
PEER_TIMEOUT=${PEER_TIMEOUT:-1200}
DATE=$(date -u +%Y-%m-%d)
OUT=${OUT:-tests/benchmarks/results/scale-$DATE.md}
PY=/usr/bin/python3   # Debian's python3, where python3-igraph, -graph-tool, -networkx live
TIME=/usr/bin/time
BENCH=build/bench
LOADER=build/tests/benchmarks/scale/load_only
MEASURES=degree,strength,pagerank,coreness,clustering,eigenvector,community,betweenness
[ -x "$TIME" ] || { echo "run.sh: install the Debian package 'time' for /usr/bin/time" >&2; exit 1; }

mkdir -p "$BENCH"
if [ "${MEASURE:-1}" != 0 ]; then
	make --no-print-directory coopmap build/tests/gen_network "$LOADER" >/dev/null
fi

# tool_cmd TOOL TASK DIR OUTCSV: print the command line of one run (empty: not run)
tool_cmd() {
	case $1:$2 in
	coopmap:load) echo "$LOADER $3" ;;
	coopmap1:load) echo "$LOADER --threads 1 $3" ;;
	coopmap:summary) echo "./coopmap summary $3 --quiet --jobs 1" ;;
	coopmap:metrics) echo "./coopmap metrics $3 --metrics $MEASURES --betweenness-samples 256 --format csv --quiet --jobs 1" ;;
	igraph:metrics) echo "$PY tests/benchmarks/metrics/peer_igraph.py $3 $4" ;;
	igraph:*) echo "$PY tests/benchmarks/scale/peer_igraph.py $2 $3" ;;
	graphtool:metrics) echo "$PY tests/benchmarks/scale/peer_graphtool.py metrics $3 $4" ;;
	graphtool:*) echo "$PY tests/benchmarks/scale/peer_graphtool.py $2 $3" ;;
	networkx:metrics) echo "$PY tests/benchmarks/metrics/peer_networkx.py $3 $4" ;;
	networkx:*) echo "$PY tests/benchmarks/scale/peer_networkx.py $2 $3" ;;
	esac
}

# measure SIZE TOOL TASK DIR: one run; appends "task tool status wall cpu kb extra" to $BENCH/scale-SIZE.tsv
measure() {
	size=$1 tool=$2 task=$3 dir=$4
	tsv=$BENCH/scale-$size.tsv
	out=$BENCH/out-$size-$tool-$task
	cmd=$(tool_cmd "$tool" "$task" "$dir" "$out.csv")
	extra=-
	limit=$PEER_TIMEOUT
	[ "$tool" = coopmap ] && limit=${COOPMAP_TIMEOUT:-$PEER_TIMEOUT}
	echo "run.sh: $size $task $tool ..." >&2
	# OMP_NUM_THREADS=1: graph-tool would use both cores; every tool gets one (coopmap --jobs 1;
	# tests/benchmarks/speed/run.sh measures coopmap on every core against --jobs 1)
	if OMP_NUM_THREADS=1 "$TIME" -f '%e %U %S %M' -o "$out.time" timeout "$limit" \
		sh -c "exec $cmd" >"$out.stdout" 2>"$out.err"; then
		status=ok
	else
		rc=$?
		status=failed
		grep -q 'exited with non-zero status 124' "$out.time" && status=timeout
		grep -q 'exited with non-zero status 137' "$out.time" && status=killed
		[ "$rc" = 124 ] && status=timeout
		[ "$rc" = 143 ] && status=stopped
		echo "run.sh: $size $task $tool: $status" >&2
		tail -3 "$out.err" >&2
	fi
	set -- $(grep -v '^Command' "$out.time" | tail -1)
	wall=$1 cpu=$(awk -v u="$2" -v s="$3" 'BEGIN { printf "%.2f", u + s }') kb=$4
	# load_only prints "actors ties seconds": the loader's own time, start-up left out
	[ "$tool:$task:$status" = coopmap:load:ok ] && extra=$(cut -d' ' -f3 "$out.stdout")
	[ "$status" = timeout ] && extra=$limit
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$task" "$tool" "$status" "$wall" "$cpu" "$kb" "$extra" >>"$tsv"
	echo "run.sh: $size $task $tool: $status, $wall s wall, $cpu s CPU, $((kb / 1024)) MB" >&2
}

if [ "${MEASURE:-1}" != 0 ]; then
	for s in $SIZES; do
		actors=${s%:*} ties=${s#*:}
		dir=$BENCH/net-$actors-$ties
		if [ ! -f "$dir/edges.csv" ]; then
			echo "run.sh: generating $actors actors, $ties ties in $dir" >&2
			./build/tests/gen_network --actors "$actors" --ties "$ties" --seed 1 --out "$dir" >/dev/null
		fi
		bytes=$(($(stat -c %s "$dir/nodes.csv") + $(stat -c %s "$dir/edges.csv")))
		# BENCH_APPEND=1 keeps the figures already measured; a new run of a tool supersedes its old one
		[ "${BENCH_APPEND:-0}" = 1 ] && [ -f "$BENCH/scale-$s.tsv" ] ||
			printf 'bytes\t%s\tmachine\t%s\t%s\n' "$bytes" "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)" \
				>"$BENCH/scale-$s.tsv"
		for task in $TASKS; do
			[ "${BENCH_COOPMAP:-1}" = 0 ] || measure "$s" coopmap "$task" "$dir"
			# the loader with its second thread (above) and without (docs/scale.md)
			[ "${BENCH_COOPMAP:-1}" = 0 ] || [ "$task" != load ] || measure "$s" coopmap1 load "$dir"
			for peer in $PEERS; do
				[ "$peer" = none ] && continue
				if [ "$peer" = networkx ] && [ "$actors" -gt "$NETWORKX_MAX" ]; then
					printf '%s\tnetworkx\tskipped\t-\t-\t-\t-\n' "$task" >>"$BENCH/scale-$s.tsv"
					continue
				fi
				measure "$s" "$peer" "$task" "$dir"
			done
		done
		printf 'loadavg-after\t%s\n' "$(cut -d' ' -f1-3 /proc/loadavg)" >>"$BENCH/scale-$s.tsv"
	done
fi

# ----------------------------------------------------------------- report

# field SIZE TASK TOOL COLUMN: one figure of a run (3 status, 4 wall, 5 cpu, 6 kB, 7 extra)
field() {
	awk -F'\t' -v t="$2" -v o="$3" -v c="$4" '$1 == t && $2 == o { v = $c } END { print v }' \
		"$BENCH/scale-$1.tsv"
}

label() {
	case $1 in
	coopmap) echo coopmap ;;
	coopmap1) echo "coopmap, edge list on one thread" ;;
	igraph) echo "python-igraph $($PY -c 'import igraph; print(igraph.__version__)' 2>/dev/null)" ;;
	graphtool) echo "graph-tool $($PY -c 'import graph_tool; print(graph_tool.__version__.split()[0])' 2>/dev/null)" ;;
	networkx) echo "NetworkX $($PY -c 'import networkx; print(networkx.__version__)' 2>/dev/null)" ;;
	esac
}

# row SIZE TASK TOOL: a table row, with the ratios coopmap / this tool
row() {
	st=$(field "$1" "$2" "$3" 3)
	[ -n "$st" ] || return 0
	w=$(field "$1" "$2" "$3" 4) c=$(field "$1" "$2" "$3" 5) k=$(field "$1" "$2" "$3" 6)
	cw=$(field "$1" "$2" coopmap 4) cc=$(field "$1" "$2" coopmap 5) ck=$(field "$1" "$2" coopmap 6)
	cst=$(field "$1" "$2" coopmap 3)
	awk -v l="$(label "$3")" -v st="$st" -v w="$w" -v c="$c" -v k="$k" -v cw="$cw" -v cc="$cc" \
		-v ck="$ck" -v cst="$cst" -v to="$(field "$1" "$2" "$3" 7)" 'BEGIN {
		if (st == "skipped") {
			printf "| %s | skipped: cannot finish in reasonable time above 100k actors | | | | | |\n", l
			exit
		}
		note = st == "ok" ? "" : st == "timeout" ? sprintf(" (stopped at the %s s wall-time limit)", to) : " (" st ")"
		ratio_ok = st == "ok" && cst == "ok"
		# a run stopped early: its time is a lower bound, the ratio an upper bound
		lo = st == "ok" ? "" : "> "
		hi = st == "ok" ? "" : "< "
		wr = cst == "ok" ? sprintf("%s%.2f", hi, cw / w) : "-"
		cr = cst == "ok" ? sprintf("%s%.2f", hi, cc / c) : "-"
		mr = (cst == "ok" && k != "") ? sprintf("%s%.2f", hi, ck / k) : "-"
		printf "| %s%s | %s%.2f | %s%.2f | %s%.0f | %s | %s | %s |\n", l, note, lo, w, lo, c, lo, k / 1024, wr, cr, mr
	}'
}

sizes_done=""
for s in $SIZES; do
	[ -f "$BENCH/scale-$s.tsv" ] && sizes_done="$sizes_done $s"
done
[ -n "$sizes_done" ] || { echo "run.sh: nothing measured" >&2; exit 1; }

{
	echo "# Scale benchmark: coopmap and its peers from 10k to 1M actors"
	echo
	echo "Generated by \`tests/benchmarks/scale/run.sh\` (\`make bench\`) on $(date -u '+%Y-%m-%d %H:%M UTC')."
	echo "Machine: $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')),"
	echo "$(awk '/MemTotal/ { printf "%.0f", $2 / 1048576 }' /proc/meminfo) GB of memory. igraph C $(pkg-config --modversion igraph 2>/dev/null),"
	echo "Python $($PY -c 'import platform; print(platform.python_version())')."
	echo "BLAS: coopmap $(sh tests/benchmarks/blas.sh ./coopmap); python-igraph $(sh tests/benchmarks/blas.sh "$($PY -c 'import igraph._igraph as m; print(m.__file__)')")."
	echo
	echo "Networks: \`gen_network --actors N --ties M --seed 1\` (regional structure, string ids,"
	echo "weight and year on every tie). Each run is a separate process measured by"
	echo "/usr/bin/time: wall time, CPU time (user + system) and peak resident memory (MiB)."
	echo "OMP_NUM_THREADS=1 for every tool (graph-tool and igraph's PageRank use OpenMP; spinning"
	echo "OpenMP threads would only burn CPU on the shared cores). Ratios are coopmap / peer:"
	echo "below 1, coopmap is faster or smaller. A run stopped at the wall-time limit shows what it"
	echo "had used by then (> lower bounds; its ratios, < upper bounds). coopmap's own path search"
	echo "(betweenness in metrics) runs in threads, so its CPU time can exceed its wall time."
	echo "The load average during the runs is given per size: other jobs shared the machine, so"
	echo "wall times are noisy; CPU time is the steadier figure."
	echo
	echo "The work: **load** = read nodes.csv + edges.csv, build the graph with every attribute;"
	echo "**summary** = \`coopmap summary\` figures (paths exact while actors x (actors + ties) <= 3e8,"
	echo "estimated from 200 sampled sources above); **metrics** = degree, strength, pagerank, coreness,"
	echo "clustering, eigenvector, communities, betweenness from 256 sampled sources, written as"
	echo "CSV. Peers: tests/benchmarks/scale/peer_*.py (load, summary, graph-tool metrics) and"
	echo "tests/benchmarks/metrics/peer_{igraph,networkx}.py (metrics)."
	for s in $sizes_done; do
		actors=${s%:*} ties=${s#*:}
		bytes=$(awk -F'\t' '$1 == "bytes" { print $2 }' "$BENCH/scale-$s.tsv")
		la=$(awk -F'\t' '$1 == "bytes" { print $5 }' "$BENCH/scale-$s.tsv")
		la2=$(awk -F'\t' '$1 == "loadavg-after" { v = $2 } END { print v }' "$BENCH/scale-$s.tsv")
		echo
		echo "## $actors actors, $ties ties ($(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }') MB of CSV)"
		echo
		echo "Load average before: $la; after: ${la2:-?}."
		for task in load summary metrics; do
			[ -n "$(field "$s" "$task" coopmap 3)" ] || continue
			echo
			echo "**$task**"
			echo
			echo "| tool | wall (s) | CPU (s) | peak memory (MiB) | wall ratio | CPU ratio | memory ratio |"
			echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
			for tool in coopmap coopmap1 igraph graphtool networkx; do
				row "$s" "$task" "$tool"
			done
			if [ "$task" = load ] && [ "$(field "$s" load coopmap 3)" = ok ]; then
				lt=$(field "$s" load coopmap 7) lw=$(field "$s" load coopmap 4) lc=$(field "$s" load coopmap 5)
				awk -v b="$bytes" -v t="$lt" -v w="$lw" -v c="$lc" 'BEGIN {
					printf "\ncoopmap loader throughput: %.1f MB of CSV per second of CPU time (whole process);", b / 1e6 / c
					printf " %.1f MB/s of wall time (cm_network_load alone, %.2f s, on the shared machine).\n", b / 1e6 / t, t }'
			fi
		done
	done
	echo
	echo "## Growth of coopmap's cost"
	echo
	echo "CPU seconds and peak MiB of each run; bytes per tie = peak memory of the load / ties."
	echo
	echo "| actors | ties | load CPU (s) | load MiB | load bytes/tie | summary CPU (s) | summary MiB | metrics CPU (s) | metrics MiB |"
	echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
	for s in $sizes_done; do
		actors=${s%:*} ties=${s#*:}
		awk -v a="$actors" -v m="$ties" -v lw="$(field "$s" load coopmap 5)" -v lk="$(field "$s" load coopmap 6)" \
			-v sw="$(field "$s" summary coopmap 5)" -v sk="$(field "$s" summary coopmap 6)" \
			-v mw="$(field "$s" metrics coopmap 5)" -v mk="$(field "$s" metrics coopmap 6)" \
			-v ls="$(field "$s" load coopmap 3)" -v ss="$(field "$s" summary coopmap 3)" -v ms="$(field "$s" metrics coopmap 3)" '
			function t(s, w) { return s == "" ? "-" : s == "ok" ? w : s }
			function mb(s, k) { return s == "" || k == "" ? "-" : sprintf("%.0f", k / 1024) }
			BEGIN { printf "| %d | %d | %s | %s | %s | %s | %s | %s | %s |\n", a, m, t(ls, lw), mb(ls, lk),
			        lk == "" ? "-" : sprintf("%.0f", lk * 1024 / m), t(ss, sw), mb(ss, sk), t(ms, mw), mb(ms, mk) }'
	done
} >"$OUT"
cat "$OUT"
echo "run.sh: wrote $OUT" >&2
