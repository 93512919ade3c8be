# Large edge lists (1 MiB or more, with an actor table) are read on two
# threads, split at a record boundary near the middle (load/csv_edges.c):
# the network, the first error in file order and its line must be those of
# a read on one thread.  The files are written here, so that every line
# number and every tie below is known by construction: row i of a table
# without line breaks in its fields is on line i + 1.
PT=$TMP/parts
mkdir -p "$PT"

# parts_table DIR ROWS [EXTRA_AWK]: nodes a0..a999, b0..b99; tie i (1..ROWS)
# links a(i mod 1000) to b(i div 1000), weight 1 + i mod 5, kind "k": no tie repeats
parts_table() {
	mkdir -p "$1"
	awk 'BEGIN { print "id"; for (i = 0; i < 1000; i++) print "a" i; for (i = 0; i < 100; i++) print "b" i }' >"$1/nodes.csv"
	awk -v rows="$2" "BEGIN { print \"source,target,weight,kind\";
		for (i = 1; i <= rows; i++) { w = 1 + i % 5; k = \"k\"; ${3:-}
			print \"a\" (i % 1000) \",b\" int(i / 1000) \",\" w \",\" k } }" >"$1/edges.csv"
}

# the tables must be large enough to be split
parts_table "$PT/plain" 90000
[ "$(wc -c <"$PT/plain/edges.csv")" -gt 1048576 ]
check "parts: the edge list is over 1 MiB" $?
run summary "$PT/plain"
expect_status "parts: plain" 0
expect_size "parts: plain" 1100 90000

# an error in the second half only: its line, as on one thread
parts_table "$PT/late" 90000 'if (i == 81000) w = "abc";'
run summary "$PT/late"
expect_status "parts: error in the second half" 3
expect_err "parts: error in the second half" "late/edges.csv:81001: weight 'abc' is not a number"

# errors in both halves: the first in the file
parts_table "$PT/both" 90000 'if (i == 81000) w = "abc"; if (i == 9000) w = "-2";'
run summary "$PT/both"
expect_status "parts: errors in both halves" 3
expect_err "parts: errors in both halves" "both/edges.csv:9001: weight '-2' is not a positive number"
grep -q "81001" "$TMP/err"
check "parts: errors in both halves, the second not reported" $((!$?)) "$(head -c 300 "$TMP/err")"

# every record holds a quoted line break ("x<LF>y"): row i starts on line 2i,
# and whatever byte the middle falls on, the split must be a record boundary
parts_table "$PT/quoted" 90000 'k = "\"x\ny\"";'
run convert "$PT/quoted" -o "$PT/quoted-out/"
expect_status "parts: quoted line breaks" 0
/usr/bin/python3 - "$PT/quoted-out/edges.csv" <<'PY'
import csv, sys
csv.field_size_limit(1 << 24)
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
want = {("a%d" % (i % 1000), "b%d" % (i // 1000)) for i in range(1, 90001)}
assert len(rows) == 90000, len(rows)
assert {(r["source"], r["target"]) for r in rows} == want
assert all(r["kind"] == "x\ny" for r in rows)
assert all(r["weight"] == str(1 + int(r["source"][1:]) % 5) for r in rows)
PY
check "parts: quoted line breaks, every tie as written" $?
parts_table "$PT/quoted-late" 90000 'k = "\"x\ny\""; if (i == 81000) w = "abc";'
run summary "$PT/quoted-late"
expect_status "parts: quoted line breaks, late error" 3
expect_err "parts: quoted line breaks, late error" "quoted-late/edges.csv:162000: weight 'abc' is not a number"

# one quoted field of 50,000 lines (400 kB) over the middle of the file:
# row i after it starts on line i + 1 + 50000
parts_table "$PT/long" 90000 'if (i == 27000) { k = "\""; for (j = 0; j < 50000; j++) k = k "ligne\n"; k = k "\""; }'
run convert "$PT/long" -o "$PT/long-out/"
expect_status "parts: a long quoted field over the middle" 0
/usr/bin/python3 - "$PT/long-out/edges.csv" <<'PY'
import csv, sys
csv.field_size_limit(1 << 24)
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
assert len(rows) == 90000, len(rows)
long = [r for r in rows if r["kind"] != "k"]
assert len(long) == 1 and long[0]["kind"] == "ligne\n" * 50000, len(long)
assert (long[0]["source"], long[0]["target"]) == ("a0", "b27")
PY
check "parts: a long quoted field over the middle, read whole" $?
parts_table "$PT/long-late" 90000 'if (i == 27000) { k = "\""; for (j = 0; j < 50000; j++) k = k "ligne\n"; k = k "\""; } if (i == 88000) w = "abc";'
run summary "$PT/long-late"
expect_status "parts: a long quoted field, late error" 3
expect_err "parts: a long quoted field, late error" "long-late/edges.csv:138001: weight 'abc' is not a number"

# actors the actor table lacks are added in the order they first come,
# whichever thread read them: c1 in the second half, c0 after it
parts_table "$PT/added" 90000 'if (i == 75000) k = "k\nc1,c0,1,k";'
run convert "$PT/added" -o "$PT/added-out/"
expect_status "parts: actors added" 0
expect_err "parts: actors added" "2 actors named in $PT/added/edges.csv are not in $PT/added/nodes.csv: added 'c1', 'c0'"
/usr/bin/python3 - "$PT/added-out/nodes.csv" <<'PY'
import csv, sys
ids = [r["id"] for r in csv.DictReader(open(sys.argv[1], newline=""))]
assert ids[-2:] == ["c1", "c0"], ids[-3:]
PY
check "parts: actors added, numbered in file order" $?
