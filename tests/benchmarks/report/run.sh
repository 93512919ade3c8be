#!/bin/sh
# Report benchmark (not a test): the offline HTML report of the sample
# network (103 actors) and of a generated 2,000-actor network, opened in
# headless Chromium (Debian's chromium, software rendering) and panned and
# zoomed through svg-pan-zoom's API, FRAMES animation frames per run, frame
# times from requestAnimationFrame (frames.py).  The peers, measured in the
# same session: the browser's idle frame pace on this machine (nothing
# changes), and the sample's report.  Writes
# tests/benchmarks/results/report-DATE.md and prints it.
#
# usage: tests/benchmarks/report/run.sh
# environment:
#   REPORT_ACTORS=N   actors of the generated network (default 2000; ties 3N)
#   FRAMES=F          animation frames per run (default 120)
#   ROUNDS=R          rounds, alternating which report goes first (default 2)
#   OUT=FILE          report path (default tests/benchmarks/results/report-DATE.md)
set -eu
cd "$(dirname "$0")/../../.."
N=${REPORT_ACTORS:-2000}
FRAMES=${FRAMES:-120}
ROUNDS=${ROUNDS:-2}
DATE=$(date -u +%Y-%m-%d)
OUT=${OUT:-tests/benchmarks/results/report-$DATE.md}
DIR=build/bench/report
PY=/usr/bin/python3
command -v chromium >/dev/null || { echo "run.sh: chromium (Debian package) is needed" >&2; exit 1; }

mkdir -p "$DIR"
make --no-print-directory coopmap build/tests/gen_network >/dev/null
G=$DIR/g$N
[ -f "$G/edges.csv" ] || build/tests/gen_network --actors "$N" --ties $((3 * N)) --seed 1 --out "$G" >/dev/null
./coopmap report graphs/cites-educatives --regions graphs/regions-fr.csv --lang fr --date 2026-12-05 \
	--quiet -o "$DIR/sample.html"
./coopmap report "$G" --regions graphs/regions-fr.csv --lang fr --date 2026-12-05 --quiet -o "$DIR/big.html"
: >"$DIR/runs.jsonl"
r=1
while [ "$r" -le "$ROUNDS" ]; do
	if [ $((r % 2)) -eq 1 ]; then order="sample big"; else order="big sample"; fi
	for w in $order; do
		"$PY" tests/benchmarks/report/frames.py "$DIR/$w.html" "$FRAMES" | sed "s/^{/{\"which\": \"$w\", /" >>"$DIR/runs.jsonl"
	done
	r=$((r + 1))
done
"$PY" - "$DIR/runs.jsonl" "$N" "$FRAMES" "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)" "$(chromium --version 2>/dev/null | head -1)" >"$OUT" <<'PYEOF'
import json, sys
runs = [json.loads(l) for l in open(sys.argv[1])]
n, frames, cpus, load, version = sys.argv[2:7]
print("# Report: frame times while panning and zooming, %s actors\n" % n)
print("`tests/benchmarks/report/run.sh`: %s animation frames per run, %s cores, load average %s at the end, %s, "
      "headless, software rendering (--disable-gpu).  Frame time: the interval between two "
      "requestAnimationFrame callbacks (16.7 ms = 60 frames a second).  Filter: from the change of a filter to "
      "the end of the next frame (script: the page's handler alone).\n" % (frames, cpus, load, version.strip()))
print("| report | bytes | actors | ties | load s | idle median / p95 ms | pan median / p95 ms | zoom median / p95 ms | filter median / p95 ms | filter script median ms |")
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
for r in runs:
    print("| %s | %d | %d | %d | %.2f | %.1f / %.1f | %.1f / %.1f | %.1f / %.1f | %.0f / %.0f | %.1f |" % (
        r["which"], r["bytes"], r["actors"], r["ties"], r["load_s"], r["idle_median_ms"], r["idle_p95_ms"],
        r["pan_median_ms"], r["pan_p95_ms"], r["zoom_median_ms"], r["zoom_p95_ms"],
        r["filter_median_ms"], r["filter_p95_ms"],
        r["filter_script_median_ms"]))
def med(xs):
    xs = sorted(xs); h = len(xs) // 2
    return xs[h] if len(xs) % 2 else (xs[h - 1] + xs[h]) / 2
big = [r for r in runs if r["which"] == "big"]; small = [r for r in runs if r["which"] == "sample"]
if big and small:
    print("\nRatios, %s actors over the sample (medians over the rounds): pan median %.2f, pan p95 %.2f, zoom median %.2f, "
          "zoom p95 %.2f; pan median over the idle pace %.2f." % (n,
          med([r["pan_median_ms"] for r in big]) / med([r["pan_median_ms"] for r in small]),
          med([r["pan_p95_ms"] for r in big]) / med([r["pan_p95_ms"] for r in small]),
          med([r["zoom_median_ms"] for r in big]) / med([r["zoom_median_ms"] for r in small]),
          med([r["zoom_p95_ms"] for r in big]) / med([r["zoom_p95_ms"] for r in small]),
          med([r["pan_median_ms"] for r in big]) / med([r["idle_median_ms"] for r in big])))
PYEOF
cat "$OUT"
