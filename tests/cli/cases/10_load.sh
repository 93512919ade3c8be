# Loading networks: every input form, notices, and bad input (exit 3 bad data,
# 4 unreadable, 2 bad option values).  The sample network of tests/data/load/
# has 6 actors and 7 ties in every form (see tests/unit/load/test_load.c).
L=$DATA/load

# expect_size NAME ACTORS TIES: the summary printed these counts
expect_size() {
	grep -Eq "^nodes +$2\$" "$TMP/out" && grep -Eq "^edges +$3\$" "$TMP/out"
	check "$1 ($2 actors, $3 ties)" $? "$(head -c 300 "$TMP/out") $(head -c 300 "$TMP/err")"
}

run summary "$L/folder"
expect_status "load folder" 0
expect_size "load folder" 6 7

run summary "$L/semicolon.csv" --nodes "$L/semicolon-nodes.csv"
expect_status "load ; csv with BOM, CRLF, decimal commas" 0
expect_size "load ; csv" 6 7

run summary "$L/edges.tsv" --nodes "$L/nodes.tsv"
expect_status "load tsv" 0
expect_size "load tsv" 6 7

run summary "$L/latin1"
expect_status "load windows-1252" 0
expect_size "load windows-1252" 6 7
expect_err "load windows-1252" "latin1/nodes.csv: not UTF-8, read as Windows-1252"

run summary --quiet "$L/latin1"
[ ! -s "$TMP/err" ]
check "--quiet hides notices" $? "$(head -c 300 "$TMP/err")"

for f in graph.graphml graph.gml graph.net graph.dot; do
	run summary "$L/$f"
	expect_status "load $f" 0
	expect_size "load $f" 6 7
done

"${WRAP[@]}" "$BIN" summary - --nodes "$L/nodes.tsv" <"$L/edges.tsv" >"$TMP/out" 2>"$TMP/err"
status=$?
expect_status "load stdin" 0
expect_size "load stdin" 6 7

run summary --input-format graphml "$L/graph.graphml"
expect_status "--input-format" 0
expect_size "--input-format" 6 7

# notices with counts
run summary "$L/years-edges.csv" --nodes "$L/years-nodes.csv"
expect_status "merge notices" 0
expect_size "merge" 7 5
expect_err "merge notices" "3 actors named in $L/years-edges.csv are not in $L/years-nodes.csv: added"
expect_err "merge notices" "dropped 1 self-loop"
expect_err "merge notices" "merged 2 repeated ties"

# filters (hand counts in tests/unit/load/test_load.c and tests/unit/filter/)
# (ties without an end go on: every dated tie started by 2021 is active in 2020-2021)
run summary "$L/years-edges.csv" --nodes "$L/years-nodes.csv" --from 2020 --to 2021
expect_status "--from --to" 0
expect_size "--from --to" 5 4
expect_err "--from --to" "left out 1 undated tie"
run summary "$L/years-edges.csv" --nodes "$L/years-nodes.csv" --from 2020 --to 2021 --keep-undated
expect_status "--keep-undated" 0
expect_size "--keep-undated" 5 4
expect_err "--keep-undated" "kept 1 undated tie (no year) as present in every year"

run summary "$L/years-edges.csv" --nodes "$L/years-nodes.csv" --where type=cite
expect_status "--where" 0
expect_size "--where" 3 1

run summary "$L/years-edges.csv" --nodes "$L/years-nodes.csv" --ego c
expect_status "--ego" 0
expect_size "--ego" 4 4

run summary "$L/years-edges.csv" --nodes "$L/years-nodes.csv" --ego nobody
expect_status "--ego unknown actor" 2
expect_err "--ego unknown actor" "no actor 'nobody'"

run summary "$L/years-edges.csv" --where colour=red
expect_status "--where unknown attribute" 2
expect_err "--where unknown attribute" "no attribute 'colour'"

# bad data: exit 3 with FILE:LINE
B=$L/bad
while IFS='|' read -r file message; do
	run summary "$B/$file"
	expect_status "bad $file" 3
	expect_err "bad $file" "$message"
done <<'CASES'
weight-text.csv|weight-text.csv:3: weight 'zz' is not a number
weight-negative.csv|weight-negative.csv:3: weight '-2' is not a positive number
weight-nan.csv|weight-nan.csv:2: weight 'NaN' is not a number
weight-overflow.csv|weight-overflow.csv:2: weight '1e400' is not a number
unterminated.csv|unterminated.csv:3: unterminated quoted field
empty.csv|empty.csv: empty file
missing-column.csv|no 'target' column (columns found: 'from', 'dest', 'weight')
too-few.csv|too-few.csv:3: 2 fields where the header has 3
too-many.csv|too-many.csv:3: 4 fields where the header has 2
junk.csv|this is not a text file
nul.csv|nul.csv:3: NUL byte
not-cp1252.csv|neither UTF-8 nor Windows-1252
broken.gml|not a valid GML file
broken.graphml|not a valid GraphML file
weight-negative.graphml|weight -1 is not a positive number
sheet.xlsx|save the sheet as CSV
CASES

# a 5 MB field, written here rather than kept in the tree
{ printf 'source,target\na,b\nc,"'; head -c 5242880 /dev/zero | tr '\0' x; printf '"\n'; } >"$TMP/huge.csv"
run summary "$TMP/huge.csv"
expect_status "5 MB field" 3
expect_err "5 MB field" "huge.csv:3: field longer than 1 MiB"

run summary "$B/edges-ok.csv" --nodes "$B/nodes-dup.csv"
expect_status "repeated actor" 3
expect_err "repeated actor" "nodes-dup.csv:4: actor 'a' is listed twice (first on line 2)"

run summary "$B/header-only.csv"
expect_status "header only" 0
expect_size "header only" 0 0

# unreadable: exit 4
run summary "$B/no-such-file.csv"
expect_status "missing file" 4
expect_err "missing file" "no-such-file.csv"

run summary "$B"
expect_status "folder without edges.csv" 4
expect_err "folder without edges.csv" "no edges.csv or liens.csv in folder"

# ties without a "kind" column have no kind attribute: GraphML declares no
# kind key, and a CSV export still has its (empty) kind column
printf 'source,target,weight\na,b,2\nb,c,0.5\n' >"$TMP/nokind.csv"
run convert "$TMP/nokind.csv" -o "$TMP/nokind.graphml"
expect_status "convert without kind" 0
! grep -q 'attr.name="kind"' "$TMP/nokind.graphml" && grep -q 'attr.name="weight"' "$TMP/nokind.graphml"
check "no kind key in GraphML without a kind column" $? "$(grep '<key' "$TMP/nokind.graphml")"
run convert "$TMP/nokind.csv" -o "$TMP/nokind-csv/"
expect_status "convert without kind to CSV" 0
[ "$(head -n 1 "$TMP/nokind-csv/edges.csv")" = "source,target,weight,year,kind" ] &&
	[ "$(sed -n 2p "$TMP/nokind-csv/edges.csv")" = "a,b,2,," ]
check "CSV export keeps an empty kind column" $? "$(head -n 3 "$TMP/nokind-csv/edges.csv")"
printf 'source,target,kind\na,b,meeting\nb,c,\n' >"$TMP/kind.csv"
run convert "$TMP/kind.csv" -o "$TMP/kind.graphml"
grep -q 'attr.name="kind"' "$TMP/kind.graphml" && grep -q '>meeting<' "$TMP/kind.graphml"
check "kind key in GraphML with a kind column" $? "$(grep -c '<key' "$TMP/kind.graphml")"

# the repeats merged after a year filter are named: a,b 2021 repeats a,b 2019 (b,a is undated, left out)
run summary "$L/years-edges.csv" --nodes "$L/years-nodes.csv" --from 2000
expect_err "merge notice names the ties" "merged 1 repeated tie (weights added up): 'a' - 'b'"
