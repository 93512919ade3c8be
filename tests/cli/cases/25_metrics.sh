# coopmap metrics: per-actor measures on tests/data/metrics (7 actors, one
# isolated).  metrics_all.csv comes from NetworkX (tests/data/metrics/
# make_expected.py); the other expected files are written by hand:
# betweenness crpv 6 (asso, cite3 x cite1, cite2, ecole), cite1 4 and asso 4
# (ecole, resp. cite3, x the 4 others); directed, only crpv->cite1->ecole and
# crpv->asso->cite3 pass through someone.
M=$DATA/metrics

run metrics "$M" --format csv
expect_status "metrics all" 0
expect_out_file "metrics all" "$EXP/metrics_all.csv"

run metrics "$M" --metrics degree,betweenness --sort betweenness --top 3 --format csv
expect_status "metrics sort/top" 0
expect_out_file "metrics sort/top" "$EXP/metrics_sort_top.csv"

run metrics "$M" --metrics degree,articulation --sort id --top 2 --format json
expect_status "metrics json" 0
expect_out_file "metrics json" "$EXP/metrics_json.json"
if command -v jq >/dev/null 2>&1; then
	jq -e 'length == 2 and .[0].articulation == true' "$TMP/out" >/dev/null
	check "metrics json parses" $?
fi

run metrics "$M" --metrics strength --sort region --top 1 --format tsv
expect_status "metrics tsv" 0
expect_out_file "metrics tsv" "$EXP/metrics_tsv.tsv"

run metrics "$M" --metrics degree,betweenness --directed --format csv
expect_status "metrics directed" 0
expect_out_file "metrics directed" "$EXP/metrics_directed.csv"

# every actor a source: the sampled route gives the exact values, without a notice
run metrics "$M" --metrics degree,betweenness --betweenness-samples 7 --sort betweenness --top 3 --format csv
expect_status "metrics samples = n" 0
expect_out_file "metrics samples = n" "$EXP/metrics_sort_top.csv"
! grep -q "estimated" "$TMP/err"; check "metrics samples = n: no estimate notice" $?

run metrics "$M" --metrics betweenness --betweenness-samples 2 --format csv
expect_status "metrics sampled" 0
expect_err "metrics sampled" "estimated from 2 sampled source actors"

# the table format: a header and one line per actor
run metrics "$M" --metrics degree
expect_status "metrics table" 0
[ "$(wc -l <"$TMP/out")" -eq 8 ]; check "metrics table has 8 lines" $?
head -n 1 "$TMP/out" | grep -q '^id  *label  *type  *region  *degree'; check "metrics table header" $?

# the eigenvector notice appears only when several parts have ties
run metrics "$M" --metrics eigenvector --format csv
! grep -q "separate parts" "$TMP/err"; check "metrics eigenvector: one part, no notice" $?

# eigenvector scores within 1e-9 of NetworkX's own power iteration (docs/measures.md):
# NetworkX's datasets (weighted karate and les misérables, unweighted Florentine
# families) and a generated network (tests/cli/eigen_networkx.py)
EPY=/usr/bin/python3
if [ -x "$EPY" ] && "$EPY" -c 'import networkx' 2>/dev/null; then
	"$EPY" tests/cli/eigen_networkx.py write "$TMP/eignx"
	EIG_INPUTS="$TMP/eignx/karate $TMP/eignx/lesmis $TMP/eignx/florentine"
	if [ -x build/tests/gen_network ]; then
		build/tests/gen_network --actors 3000 --ties 15000 --seed 3 --out "$TMP/eignx/gen3k" >/dev/null
		EIG_INPUTS="$EIG_INPUTS $TMP/eignx/gen3k"
	fi
	for S in $EIG_INPUTS; do
		run metrics "$S" --metrics eigenvector --format csv
		expect_status "metrics eigenvector ($(basename "$S"))" 0
		"$EPY" tests/cli/eigen_networkx.py check "$S" "$TMP/out" >"$TMP/py" 2>&1
		[ "$(cat "$TMP/py")" = ok ]; check "metrics eigenvector ($(basename "$S")) within 1e-9 of NetworkX" $? "$(head -c 600 "$TMP/py")"
	done
else
	echo "SKIP: python3-networkx missing (make deps installs it): eigenvector not checked by NetworkX"
fi

# --jobs N: independent measures in forked workers, the same bytes whatever N
# (every measure, sampled path measures, notices on stderr)
for S in graphs/cites-educatives "$M"; do
	run metrics "$S" --format csv --jobs 1
	cp "$TMP/out" "$TMP/jobs1.csv"
	cp "$TMP/err" "$TMP/jobs1.err"
	for j in 2 3; do
		run metrics "$S" --format csv --jobs "$j"
		expect_status "metrics --jobs $j ($S)" 0
		cmp -s "$TMP/jobs1.csv" "$TMP/out"; check "metrics --jobs $j ($S): same output as --jobs 1" $?
		cmp -s "$TMP/jobs1.err" "$TMP/err"; check "metrics --jobs $j ($S): same notices as --jobs 1" $?
	done
done
if [ -x build/tests/gen_network ]; then
	build/tests/gen_network --actors 5000 --ties 20000 --seed 4 --out "$TMP/jobs5k" >/dev/null
	run metrics "$TMP/jobs5k" --format csv --betweenness-samples 50 --jobs 1
	cp "$TMP/out" "$TMP/jobs1.csv"
	run metrics "$TMP/jobs5k" --format csv --betweenness-samples 50 --jobs 2
	expect_status "metrics --jobs 2 (5k actors)" 0
	cmp -s "$TMP/jobs1.csv" "$TMP/out"; check "metrics --jobs 2 (5k actors, sampled): same output as --jobs 1" $?
fi
run metrics "$M" --jobs 0
expect_status "metrics --jobs 0" 2

# usage errors
run metrics "$M" --sort bogus
expect_status "metrics unknown sort column" 2
expect_err "metrics unknown sort column" "no column 'bogus' (columns: id, label, type, region, degree"

run metrics "$M" --metrics degree --sort pagerank
expect_status "metrics sort on a measure not computed" 2
expect_err "metrics sort on a measure not computed" "(columns: id, label, type, region, degree)"

run metrics "$M" --metrics degree,bogus
expect_status "metrics unknown measure" 2
expect_err "metrics unknown measure" "unknown measure 'bogus'"

run metrics "$M" --top 0
expect_status "metrics top 0" 2

run metrics "$M" --betweenness-samples 10 --exact
expect_status "metrics exact and samples" 2
expect_err "metrics exact and samples" "exclude each other"

run metrics "$M" --format xml
expect_status "metrics bad format" 2

run metrics "$M" --help
expect_status "metrics --help" 0
grep -q -- '--betweenness-samples' "$TMP/out"; check "metrics --help lists --betweenness-samples" $?
