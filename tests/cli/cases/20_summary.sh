# coopmap summary.  The expected files are written by hand from the hand
# computations in tests/unit/measure/test_summary.c (checked against NetworkX):
#
# tests/data/summary/small: A-B, A-C, B-C, C-D, E-F, F-H and G alone.
#   8 actors, 6 ties, density 6/28 = 0.214285714286, components {ABCD}
#   {EFH} {G}, diameter 2 (A-D, B-D, E-H), average path 12/9 over the 9
#   connected pairs, transitivity 3*1/6 = 0.5, degree assortativity -1/3,
#   best partition {ABCD} {EFH} {G} with modularity 4/9, articulation
#   points C and F, bridges C-D E-F F-H.
# tests/data/summary/directed.csv (--directed): A->B->C->A, C->D, D->C.
#   density 5/12, directed distances sum 21 over 12 pairs = 1.75,
#   diameter 3 (A to D, D to B), out/in degree assortativity -2/3; the
#   undirected view (C-D of weight 2) has transitivity 0.6, one
#   articulation point (C), one bridge (C-D), best partition {AB} {CD}
#   with modularity 0.08.
# tests/data/summary/no-ties: three actors, no tie: path figures,
#   transitivity, assortativity and modularity undefined (null).

SUMD=$DATA/summary

run summary "$SUMD/small"
expect_status "summary table" 0
expect_out_file "summary table" "$EXP/summary_small.txt"

run summary "$SUMD/small" --format json
expect_status "summary json" 0
expect_out_file "summary json" "$EXP/summary_small.json"

run summary -f csv "$SUMD/small"
expect_status "summary csv" 0
expect_out_file "summary csv" "$EXP/summary_small.csv"

run summary --directed "$SUMD/directed.csv" --format json
expect_status "summary directed" 0
expect_out_file "summary directed" "$EXP/summary_directed.json"

run summary "$SUMD/no-ties" --format json
expect_status "summary no ties" 0
expect_out_file "summary no ties" "$EXP/summary_no_ties.json"

# the same seed gives the same communities
run summary --seed 7 "$SUMD/small" --format json
cp "$TMP/out" "$TMP/seed7"
run summary --seed 7 "$SUMD/small" --format json
cmp -s "$TMP/out" "$TMP/seed7"; check "summary --seed repeats" $?

run summary "$SUMD/small" --format yaml
expect_status "summary bad format" 2
expect_err "summary bad format" "unknown format 'yaml'"

# a full output device is an error (exit 4), not a silent success
"${WRAP[@]}" "$BIN" summary "$SUMD/small" >/dev/full 2>"$TMP/err" </dev/null
status=$?
expect_status "summary to a full device" 4
expect_err "summary to a full device" "cannot write output"

# a reader that goes away (| true closes the pipe at once) is success, quietly
{ "${WRAP[@]}" "$BIN" summary "$SUMD/small" 2>"$TMP/err" </dev/null; echo $? >"$TMP/status"; } | true
status=$(cat "$TMP/status")
expect_status "summary into a closed pipe" 0
[ ! -s "$TMP/err" ]; check "summary into a closed pipe is quiet" $? "$(head -c 300 "$TMP/err")"

# above actors x (actors + ties) = 3e8 (here 20,000 x 30,000 = 6e8) the path
# figures are estimated from 200 sources and the output says so
if [ -x build/tests/gen_network ]; then
	build/tests/gen_network --actors 20000 --ties 10000 --seed 2 --out "$TMP/sum20k" >/dev/null
	run summary "$TMP/sum20k" --format json
	expect_status "summary estimated" 0
	expect_err "summary estimated" "estimated from 200 sampled source actors of 20000"
	grep -q '"paths_estimated": true' "$TMP/out"; check "summary estimated: JSON says so" $?
	run summary "$TMP/sum20k" --quiet
	grep -q '^paths_estimated  *true$' "$TMP/out"; check "summary estimated: table says so" $?
fi

# --jobs N: paths, transitivity, assortativity, communities and cut points in
# forked workers, the same bytes and notices whatever N (exact paths on the
# sample, estimated ones with their notice at 20k actors)
for S in graphs/cites-educatives "$TMP/sum20k"; do
	[ -d "$S" ] || continue
	run summary "$S" --format json --jobs 1
	cp "$TMP/out" "$TMP/sjobs1.json"
	cp "$TMP/err" "$TMP/sjobs1.err"
	for j in 2 3; do
		run summary "$S" --format json --jobs "$j"
		expect_status "summary --jobs $j ($S)" 0
		cmp -s "$TMP/sjobs1.json" "$TMP/out"; check "summary --jobs $j ($S): same output as --jobs 1" $?
		cmp -s "$TMP/sjobs1.err" "$TMP/err"; check "summary --jobs $j ($S): same notices as --jobs 1" $?
	done
done
run summary graphs/cites-educatives --jobs 0
expect_status "summary --jobs 0" 2
