# coopmap diff and timeline.  The figures of the hand example are worked out
# in tests/unit/measure/test_diff.c; here, a random pair of networks checked
# against set operations on their tie lists done by Python's standard
# library, then the command line itself.
DD=$DATA/diff

python3 - "$TMP" <<'PY'
import random, sys
tmp = sys.argv[1]
rng = random.Random(20261205)
def net(n, m, prefix):
    ties = set()
    while len(ties) < m:
        a, b = rng.randrange(n), rng.randrange(n)
        if a != b:
            ties.add((min(a, b), max(a, b)))
    return ties
# 60 shared actors, then 10 only before and 10 only after; half the ties kept
before = net(70, 150, "b")
after = set(t for t in before if rng.random() < 0.5)
ids = list(range(60)) + list(range(70, 80))
while len(after) < 160:
    a, b = rng.choice(ids), rng.choice(ids)
    if a != b:
        after.add((min(a, b), max(a, b)))
name = lambda i: "n%03d" % i
for fn, ties in (("before.csv", before), ("after.csv", after)):
    with open("%s/%s" % (tmp, fn), "w") as f:
        f.write("source,target\n")
        for a, b in sorted(ties):
            f.write("%s,%s\n" % (name(a), name(b)))
def partners(ties):
    p = {}
    for a, b in ties:
        p.setdefault(name(a), set()).add(name(b))
        p.setdefault(name(b), set()).add(name(a))
    return p
pb, pa = partners(before), partners(after)
with open("%s/diff-expected.csv" % tmp, "w") as f:
    for actor in sorted(set(pb) | set(pa)):
        b, a = pb.get(actor), pa.get(actor)
        status = "kept" if b is not None and a is not None else ("left" if a is None else "joined")
        b, a = b or set(), a or set()
        f.write("%s,%s,%d,%d,%d\n" % (actor, status, len(a & b), len(a - b), len(b - a)))
with open("%s/diff-network.txt" % tmp, "w") as f:
    kept, new, lost = len(before & after), len(after - before), len(before - after)
    f.write("%d %d %d\n" % (kept, new, lost))
PY
check "diff: random pair written" $?

run diff "$TMP/before.csv" "$TMP/after.csv" --format csv --quiet
expect_status "diff of two inputs" 0
# id, status and the partner counts, by id, against the set operations
python3 - "$TMP/out" "$TMP/diff-expected.csv" >"$TMP/cmp" 2>&1 <<'PY'
import csv, sys
rows = {r["id"]: r for r in csv.DictReader(open(sys.argv[1]))}
want = [l.strip().split(",") for l in open(sys.argv[2])]
bad = [w for w in want if w[0] not in rows or
       [rows[w[0]]["status"], rows[w[0]]["partners_kept"], rows[w[0]]["partners_new"], rows[w[0]]["partners_lost"]] != w[1:]]
print("%d actors, %d differ: %s" % (len(want), len(bad), bad[:3]))
sys.exit(1 if bad or len(rows) != len(want) else 0)
PY
check "diff: every actor's partners kept, new and lost agree with the set operations" $? "$(cat "$TMP/cmp")"

run diff "$TMP/before.csv" "$TMP/after.csv" --format json --quiet
python3 - "$TMP/out" "$TMP/diff-network.txt" >"$TMP/cmp" 2>&1 <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))["network"]
kept, new, lost = map(int, open(sys.argv[2]).read().split())
got = (d["ties_kept"], d["ties_new"], d["ties_lost"], d["hamming"])
ok = got == (kept, new, lost, new + lost) and abs(d["tie_jaccard"] - kept / (kept + new + lost)) < 1e-9
print(got, (kept, new, lost))
sys.exit(0 if ok else 1)
PY
check "diff: ties kept, new, lost and the Jaccard index agree with the set operations" $? "$(cat "$TMP/cmp")"

run diff "$TMP/before.csv" "$TMP/after.csv" --ties --format csv --quiet
expect_status "diff --ties" 0
[ "$(grep -c ',new,' "$TMP/out")" -eq "$(cut -d' ' -f2 "$TMP/diff-network.txt")" ]
check "diff --ties lists every new tie" $?

# the hand example through the command line: table, JSON, --sort, --top
run diff "$DD/before.csv" "$DD/after.csv" --format csv --quiet
expect_out_file "diff csv" "$EXP/diff_hand.csv"
run diff "$DD/before.csv" "$DD/after.csv" --sort rank_after --top 2 --format csv --quiet
expect_status "diff --sort --top" 0
[ "$(cut -d, -f1 "$TMP/out" | tr '\n' ' ')" = "id c a " ]
check "diff --sort rank_after --top 2 gives c then a" $? "$(cat "$TMP/out")"

# the command line: two years of one input, or two inputs, not a mix
run diff "$DD/dated.csv" --at 2019 --at 2022 --format json --quiet
expect_status "diff --at --at" 0
grep -q '"ties_new": 3' "$TMP/out"; check "diff --at 2019 --at 2022: three new ties" $? "$(head -c 400 "$TMP/out")"
run diff "$DD/dated.csv" --at 2019
expect_status "diff with one --at" 2
expect_err "diff with one --at" "give two years"
run diff "$DD/before.csv" "$DD/after.csv" --at 2019 --at 2020
expect_status "diff --at with two inputs" 2
run diff "$DD/dated.csv" --at 2019 --at 2022 --to 2020
expect_status "diff --at with --to" 2
run diff - --at 2019 --at 2020
expect_status "diff --at on standard input" 2
run diff "$DD/before.csv" "$DD/after.csv" "$DD/dated.csv"
expect_status "diff with three inputs" 2
run diff "$DD/before.csv" "$DD/after.csv" --sort nosuch
expect_status "diff --sort unknown" 2
expect_err "diff --sort unknown" "no column 'nosuch'"
run diff "$DD/before.csv" "$TMP/no-such.csv"
expect_status "diff of a missing input" 4

# timeline: the rows counted by hand in test_diff.c
run timeline "$DD/dated.csv" --format csv --quiet
expect_out_file "timeline csv" "$EXP/timeline_dated.csv"
run timeline "$DD/dated.csv" --quiet
grep -q '^undated ties: 1 ' "$TMP/out"; check "timeline says how many ties are undated" $?
run timeline "$DD/dated.csv" --years 2020:2021 --format json --quiet
grep -q '"undated_ties": 1' "$TMP/out"; check "timeline json: undated_ties" $?
run timeline "$DD/before.csv"
expect_status "timeline without dated ties" 3
expect_err "timeline without dated ties" "no tie has a year"
run timeline "$DD/dated.csv" --years 2022:2019
expect_status "timeline --years reversed" 2
run timeline "$DD/dated.csv" --to 2020
expect_status "timeline --to" 2

# ties that end (tests/data/diff/ended.csv): a-b 2019-2020, b-c from 2019,
# c-d from 2021.  By hand: 2019 and 2020 hold a-b and b-c (3 actors);
# 2021 holds b-c and c-d: a-b ended before 2021, and a, known only through
# it, goes; c-d is new; Jaccard 1 / 3.
run timeline "$DD/ended.csv" --format csv --quiet
expect_status "timeline with end years" 0
printf '%s\n' 'year,actors,ties,density,components,largest_component,isolated,ties_new,ties_lost,tie_jaccard' \
	'2019,3,2,0.666666666667,1,3,,,,' '2020,3,2,0.666666666667,1,3,,0,0,1' \
	'2021,3,2,0.666666666667,1,3,,1,1,0.333333333333' >"$TMP/want"
diff -u "$TMP/want" "$TMP/out" >"$TMP/diff"; check "timeline: a tie that ended is lost" $? "$(cat "$TMP/diff")"
run diff "$DD/ended.csv" --at 2020 --at 2021 --ties --format csv --quiet
grep -qx 'a,b,lost,1,' "$TMP/out"; check "diff --at: the ended tie is lost" $? "$(cat "$TMP/out")"
run summary "$DD/ended.csv" --year 2020 --format csv --quiet
grep -qx 'edges,2' "$TMP/out"; check "--year 2020: both ties active in 2020" $? "$(cat "$TMP/out")"
printf 'source,target,year,end\na,b,2020,2019\n' >"$TMP/backwards.csv"
run summary "$TMP/backwards.csv"
expect_status "a tie that ends before it starts" 3
expect_err "a tie that ends before it starts" "(a, b) ends in 2019, before it starts in 2020"

# the change map: a random dated network (start years, some ends) whose
# ties are classified here from their years alone, then counted in the SVG
# by stroke (kept #999999, new #1b9e77, lost #e41a1c dashed)
python3 - "$TMP" <<'PY'
import random, sys
tmp = sys.argv[1]
rng = random.Random(7)
ties = {}
while len(ties) < 80:
    a, b = sorted(rng.sample(range(40), 2))
    start = rng.choice([2018, 2019, 2020, 2021, 2022])
    end = rng.choice(["", "", "", start + rng.randrange(0, 3)])
    ties[(a, b)] = (start, end)
def active(t, y):  # started by the end of y, not ended before y
    s, e = t
    return s <= y and (e == "" or e >= y)
counts = {"kept": 0, "new": 0, "lost": 0, "between": 0}
with open(tmp + "/dated.csv", "w") as f:
    f.write("source,target,year,end\n")
    for (a, b), t in sorted(ties.items()):
        f.write("a%02d,a%02d,%d,%s\n" % (a, b, t[0], t[1]))
        if not (t[0] <= 2021 and (t[1] == "" or t[1] >= 2019)):
            continue  # not on the map: never active from 2019 to 2021
        x, y = active(t, 2019), active(t, 2021)
        counts["kept" if x and y else "new" if y else "lost" if x else "between"] += 1
# the change map draws the ties that came and went in between as lost
open(tmp + "/map-counts.txt", "w").write("%d %d %d\n" % (counts["kept"], counts["new"],
                                                         counts["lost"] + counts["between"]))
open(tmp + "/year-counts.txt", "w").write("%(kept)d %(new)d %(lost)d %(between)d\n" % counts)
PY
run render "$TMP/dated.csv" --diff 2019:2021 -o "$TMP/change.svg" --quiet
expect_status "render --diff" 0
# the first path of each edge group is the tie's line (joined actors' rings share the green;
# cyan #00e5ff when a fill in use is too near that green: docs/maps.md, rings and marks)
grep -A2 'class="edge"' "$TMP/change.svg" | grep '<path' >"$TMP/edges.svg"
kept=$(grep -c 'stroke="#999999"' "$TMP/edges.svg")
new=$(grep -c 'stroke="#1b9e77"\|stroke="#00e5ff"' "$TMP/edges.svg")
lost=$(grep -c 'stroke="#e41a1c" stroke-dasharray' "$TMP/edges.svg")
[ "$kept $new $lost" = "$(cat "$TMP/map-counts.txt")" ]
check "render --diff: grey, green and dashed ties as classified from the years" $? \
	"svg $kept $new $lost, want $(cat "$TMP/map-counts.txt")"
grep -q 'change from 2019 to 2021' "$TMP/change.svg"; check "render --diff: the legend names the years" $?
run render "$TMP/dated.csv" --diff 2021:2019 -o "$TMP/x.svg"
expect_status "render --diff backwards" 2
run render "$TMP/dated.csv" --diff 2019:2021 --to 2020 -o "$TMP/x.svg"
expect_status "render --diff with --to" 2

# --show: each year alone on the shared positions.  The ties drawn are those
# of that year (kept + lost for the first, kept + new for the second), and
# an actor of both years sits at the same place on both maps.
run render "$TMP/dated.csv" --diff 2019:2021 --show 2019 -o "$TMP/y1.svg" --quiet
expect_status "render --diff --show 2019" 0
run render "$TMP/dated.csv" --diff 2019:2021 --show 2021 -o "$TMP/y2.svg" --quiet
expect_status "render --diff --show 2021" 0
read -r k n l _ <"$TMP/year-counts.txt"
[ "$(grep -c 'class="edge"' "$TMP/y1.svg") $(grep -c 'class="edge"' "$TMP/y2.svg")" = "$((k + l)) $((k + n))" ]
check "render --show: the ties of each year" $? \
	"$(grep -c 'class="edge"' "$TMP/y1.svg") $(grep -c 'class="edge"' "$TMP/y2.svg"), want $((k + l)) $((k + n))"
# every actor drawn on both maps is at the same place (the shape line after its title)
python3 - "$TMP/y1.svg" "$TMP/y2.svg" >"$TMP/cmp" 2>&1 <<'PY'
import re, sys
def nodes(path):
    return dict(re.findall(r'<title>(n\d+)</title>\n(<[^\n]*>)', open(path).read()))
a, b = nodes(sys.argv[1]), nodes(sys.argv[2])
both = set(a) & set(b)
moved = [v for v in both if a[v] != b[v]]
print("%d and %d actors drawn, %d on both, %d moved" % (len(a), len(b), len(both), len(moved)))
sys.exit(0 if len(both) > 10 and not moved else 1)
PY
check "render --show: every actor of both years at the same place" $? "$(cat "$TMP/cmp")"
run render "$TMP/dated.csv" --diff 2019:2021 --show 2020 -o "$TMP/x.svg"
expect_status "render --show a year not in --diff" 2
run render "$TMP/dated.csv" --show 2019 -o "$TMP/x.svg"
expect_status "render --show without --diff" 2

# diff parses its options as every command does (two inputs aside)
run diff "$DD/before.csv" "$DD/after.csv" --fromat csv
expect_status "diff --fromat" 2
expect_err "diff --fromat" "coopmap: unknown option '--fromat': did you mean '--format'?"
