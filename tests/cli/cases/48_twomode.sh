# Two-mode data (issue 17): a participation table projected onto actors or
# events, the weights checked against values worked out by hand below and,
# on a random bipartite graph, against NetworkX's three projections.

# The hand-made table (tests/data/twomode/hand): events and their
# participants with weights, and their years from events.csv:
#   M1 (2020): A 2, B 1, C 3    M2 (2021): A 1, B 2    M3 (2021): C 1, D 1    M4 (2021): E 1
# events per actor: A 2 (M1 M2), B 2 (M1 M2), C 2 (M1 M3), D 1, E 1 (alone at M4)
# count (sum over shared events of the smaller weight):
#   A-B min(2,1)+min(1,2) = 2, A-C min(2,3) = 2, B-C min(1,3) = 1, C-D min(1,1) = 1
# newman (sum of 1/(n-1), n participants): A-B 1/2+1/1 = 1.5, A-C 1/2, B-C 1/2, C-D 1/1
# jaccard (shared / union): A-B 2/2 = 1, A-C 1/3, B-C 1/3, C-D 1/2
H=$DATA/twomode/hand
run convert "$H" -o "$TMP/tc/" --quiet
expect_status "two-mode folder projected (count)" 0
printf 'source,target,weight,year,kind,first_year,shared_events,events\nA,B,2,2020,,2020,2,M1;M2\nA,C,2,2020,,2020,1,M1\nB,C,1,2020,,2020,1,M1\nC,D,1,2021,,2021,1,M3\n' |
	diff -u - "$TMP/tc/edges.csv" >"$TMP/diff"; check "count projection: hand values" $? "$(head -10 "$TMP/diff")"
run convert "$H" -o "$TMP/tn/" --quiet --projection newman
printf 'A,B,1.5\nA,C,0.5\nB,C,0.5\nC,D,1\n' | diff -u - <(tail -n +2 "$TMP/tn/edges.csv" | cut -d, -f1-3) >"$TMP/diff"
check "newman projection: hand values" $? "$(head -10 "$TMP/diff")"
run convert "$H" -o "$TMP/tj/" --quiet --projection jaccard
printf 'A,B,1\nA,C,0.333333333333\nB,C,0.333333333333\nC,D,0.5\n' | diff -u - <(tail -n +2 "$TMP/tj/edges.csv" | cut -d, -f1-3) >"$TMP/diff"
check "jaccard projection: hand values" $? "$(head -10 "$TMP/diff")"
# actors: events attended, and alone
printf 'id,label,type,region,events_attended,events_alone\nA,A,,,2,0\nB,B,,,2,0\nC,C,,,2,0\nD,D,,,1,0\nE,E,,,1,1\n' |
	diff -u - "$TMP/tc/nodes.csv" >"$TMP/diff"; check "events attended and alone per actor" $? "$(head -10 "$TMP/diff")"

# E was alone at its only event: isolated says so (the projection alone would only say "no tie")
run isolated "$H" --type "" --format csv --quiet
expect_status "isolated on two-mode data" 0
grep -q '^E,.*no tie at all: alone at every event it attended (1)' "$TMP/out"
check "actor alone at its only event flagged with the reason" $? "$(cat "$TMP/out")"
run summary "$H" --quiet --format csv
grep -q '^events,4$' "$TMP/out" && grep -q '^participations,8$' "$TMP/out" && grep -q '^actors_per_event,2$' "$TMP/out" &&
	grep -q '^events_per_actor,1.6$' "$TMP/out" && grep -q '^actors_alone,1$' "$TMP/out"
check "summary: events 4, participations 8, 8/4 actors per event, 8/5 events per actor, 1 alone" $? "$(cat "$TMP/out")"
run metrics "$H" --quiet -m events,events_alone --format csv
printf 'id,label,type,region,events,events_alone\nA,A,,,2,0\nB,B,,,2,0\nC,C,,,2,0\nD,D,,,1,0\nE,E,,,1,1\n' |
	diff -u - "$TMP/out" >"$TMP/diff"; check "metrics events and events_alone" $? "$(head -10 "$TMP/diff")"

# year filters apply to events: 2020 keeps M1 only (A-B 1, A-C 2, B-C 1); D and E go, named
run convert "$H" -o "$TMP/ty/" --year 2020
expect_status "two-mode --year" 0
printf 'A,B,1\nA,C,2\nB,C,1\n' | diff -u - <(tail -n +2 "$TMP/ty/edges.csv" | cut -d, -f1-3) >"$TMP/diff"
check "--year 2020 keeps the ties of M1 only" $? "$(head -10 "$TMP/diff")"
expect_err "year filter names the actors left out" "left out 2 actors with no event in the years kept: 'D', 'E'"
# --min-shared 2: A-B only (the one pair at two events)
run convert "$H" -o "$TMP/tm/" --min-shared 2 --quiet
printf 'A,B,2\n' | diff -u - <(tail -n +2 "$TMP/tm/edges.csv" | cut -d, -f1-3) >"$TMP/diff"
check "--min-shared 2 keeps A-B only" $? "$(head -10 "$TMP/diff")"
# --events: M1-M2 through A and B (min weights 1 + 1), M1-M3 through C (min(3,1))
run convert "$H" -o "$TMP/te/" --events --quiet
printf 'M1,M2,2,A;B\nM1,M3,1,C\n' | diff -u - <(tail -n +2 "$TMP/te/edges.csv" | cut -d, -f1-3,7) >"$TMP/diff"
check "--events projects onto events" $? "$(head -10 "$TMP/diff")"
# an event larger than --max-event-size is refused, naming the event and the option
run summary "$H" --max-event-size 2
expect_status "event above --max-event-size" 3
expect_err "event above --max-event-size named" "event 'M1' has 3 participants, more than --max-event-size 2"
run summary "$H" --max-event-size 0 --quiet
expect_status "--max-event-size 0 lifts the limit" 0

# a file read with --two-mode; bad rows: file:line errors, repeats and unknown events named
printf 'acteur;r\303\251union;ann\303\251e\nA;R1;2020\nB;R1;2020\nA;R1;2020\nC;R2;2021\n' >"$TMP/p.csv"
run summary "$TMP/p.csv" --two-mode
expect_status "french participation table" 0
expect_err "french columns recognised" "$(printf "'acteur' read as the actor, 'r\303\251union' as the event")"
expect_err "repeated participation named with its lines" "counted once 1 repeated participation (the same actor at the same event; the first row's weight is kept): 'A' at 'R1' (line 4, first on line 2)"
printf 'actor,event\nA,R1\n,R1\n' >"$TMP/p2.csv"
run summary "$TMP/p2.csv" --two-mode
expect_status "empty actor" 3
expect_err "empty actor: file and line" "p2.csv:3: empty actor"
printf 'actor,event,year\nA,R1,2020\nB,R1,2021\n' >"$TMP/p3.csv"
run summary "$TMP/p3.csv" --two-mode
expect_status "event with two years" 3
expect_err "event with two years: file and line" "p3.csv:3: event 'R1' is dated 2021 here and 2020 on an earlier row"
printf 'actor,target\nA,R1\n' >"$TMP/p4.csv"
run summary "$TMP/p4.csv" --two-mode
expect_status "no event column" 3
expect_err "no event column named" "no 'event' column (columns found: 'actor', 'target')"
printf 'event,year\nR1,2020\n' >"$TMP/ev.csv"
printf 'actor,event\nA,R1\nB,R1\nB,R9\n' >"$TMP/p5.csv"
run summary "$TMP/p5.csv" --two-mode --event-table "$TMP/ev.csv"
expect_status "unknown event id" 0
expect_err "unknown event id named" "1 event named in $TMP/p5.csv is not in $TMP/ev.csv: added 'R9'"

# --bipartite: the two-mode graph; read back (GraphML with bipartite, CSV folder) it projects the same
run convert "$H" --bipartite -o "$TMP/b.graphml" --quiet
expect_status "convert --bipartite graphml" 0
run convert "$TMP/b.graphml" -o "$TMP/bg/" --quiet
diff -u "$TMP/tc/edges.csv" "$TMP/bg/edges.csv" >"$TMP/diff"; check "bipartite graphml projects as the table does" $? "$(head -10 "$TMP/diff")"
for fmt in gml gexf; do
	"$BIN" convert "$H" --bipartite -o "$TMP/b.$fmt" --quiet 2>/dev/null
	run convert "$TMP/b.$fmt" -o "$TMP/b$fmt/" --quiet
	diff -u "$TMP/tc/edges.csv" "$TMP/b$fmt/edges.csv" >"$TMP/diff"; check "bipartite $fmt projects as the table does" $? "$(head -10 "$TMP/diff")"
done
run convert "$H" --bipartite -o "$TMP/bf/" --quiet
[ -f "$TMP/bf/participations.csv" ] && [ -f "$TMP/bf/events.csv" ] && [ -f "$TMP/bf/nodes.csv" ]
check "convert --bipartite to a CSV folder: nodes, events, participations" $?
run convert "$TMP/bf" -o "$TMP/bfp/" --quiet
diff -u "$TMP/tc/edges.csv" "$TMP/bfp/edges.csv" >"$TMP/diff"; check "bipartite CSV folder projects as the table does" $? "$(head -10 "$TMP/diff")"
# on the sample (actor table with more columns, event table with kinds): the same actors and ties both ways
run convert graphs/cites-educatives-events -o "$TMP/sp/" --quiet
run convert graphs/cites-educatives-events --bipartite -o "$TMP/sb/" --quiet
run convert "$TMP/sb" -o "$TMP/sbp/" --quiet
diff -u "$TMP/sp/nodes.csv" "$TMP/sbp/nodes.csv" >"$TMP/diff" && diff -u "$TMP/sp/edges.csv" "$TMP/sbp/edges.csv" >>"$TMP/diff"
check "sample through --bipartite CSV and back: same actors, columns and ties" $? "$(head -10 "$TMP/diff")"
head -1 "$TMP/sp/nodes.csv" | grep -q '^id,label,type,region,department,year,lat,lon,events_attended,events_alone$'
check "projection keeps the actor table's columns" $? "$(head -1 "$TMP/sp/nodes.csv")"
run convert graphs/cites-educatives --bipartite -o "$TMP/nb.graphml"
expect_status "--bipartite on one-mode input" 2

# NetworkX (Debian's python3): a random bipartite graph, its three weighted
# projections compared tie by tie with coopmap's; and a GraphML NetworkX
# writes with its 'bipartite' attribute read as two-mode
PY3=/usr/bin/python3
if "$PY3" -c 'import networkx' 2>/dev/null; then
	"$PY3" - "$BIN" "$TMP" >"$TMP/py" 2>&1 <<'PY'
import csv, random, subprocess, sys
import networkx as nx
from networkx.algorithms import bipartite
binary, tmp = sys.argv[1:3]
errors = []
rng = random.Random(17)
actors = ["a%d" % i for i in range(80)]
events = ["e%d" % i for i in range(30)]
B = nx.Graph()
B.add_nodes_from(actors, bipartite=0)
B.add_nodes_from(events, bipartite=1)
for a in actors:
    for e in rng.sample(events, rng.randint(1, 6)):
        B.add_edge(a, e)
with open(tmp + "/rnd.csv", "w") as f:
    f.write("actor,event\n")
    for a, e in B.edges():
        if a.startswith("e"):
            a, e = e, a
        f.write("%s,%s\n" % (a, e))
want = {
    "count": bipartite.weighted_projected_graph(B, actors),
    "newman": bipartite.collaboration_weighted_projected_graph(B, actors),
    "jaccard": bipartite.overlap_weighted_projected_graph(B, actors, jaccard=True),
}
for name, g in want.items():
    out = "%s/rnd_%s" % (tmp, name)
    subprocess.run([binary, "convert", tmp + "/rnd.csv", "--two-mode", "--quiet", "--projection", name, "-o", out + "/"], check=True)
    got = {}
    for t in csv.DictReader(open(out + "/edges.csv")):
        got[frozenset((t["source"], t["target"]))] = float(t["weight"])
    nxw = {frozenset((u, v)): d["weight"] for u, v, d in g.edges(data=True)}
    if set(got) != set(nxw):
        errors.append("%s: tie sets differ (%d vs %d)" % (name, len(got), len(nxw)))
    for k in nxw:
        if k in got and abs(got[k] - nxw[k]) > 1e-9 * max(1, abs(nxw[k])):
            errors.append("%s: %s coopmap %r networkx %r" % (name, sorted(k), got[k], nxw[k]))
nx.write_graphml(B, tmp + "/nx.graphml")
subprocess.run([binary, "convert", tmp + "/nx.graphml", "--quiet", "-o", tmp + "/nxp/"], check=True)
got = {frozenset((t["source"], t["target"])): float(t["weight"]) for t in csv.DictReader(open(tmp + "/nxp/edges.csv"))}
nxw = {frozenset((u, v)): d["weight"] for u, v, d in want["count"].edges(data=True)}
if got != nxw:
    errors.append("networkx graphml with bipartite: projection differs")
print("\n".join(errors[:10]) if errors else "ok")
PY
	[ "$(cat "$TMP/py")" = ok ]
	check "projections equal NetworkX's weighted, collaboration and overlap (jaccard) projections" $? "$(head -c 600 "$TMP/py")"
else
	echo "skip: NetworkX comparison of projections (no networkx in /usr/bin/python3)"
fi

# a two-mode folder's map is titled with the folder's name, as a folder with edges.csv is
run render graphs/cites-educatives-events -T dot -o "$TMP/ev.dot" --quiet
grep -q 'cites-educatives-events' "$TMP/ev.dot" && ! grep -q '>participations<' "$TMP/ev.dot"
check "two-mode map titled with its folder" $? "$(grep -m3 -i 'title\|participations' "$TMP/ev.dot")"

# a projected tie's tooltip names the shared events (hand: A and B met at M1 and M2, C and D at M3)
run render "$H" -o "$TMP/hand.svg" --quiet
expect_status "render the hand-made projection" 0
grep -q 'xlink:title="both at: M1, M2"' "$TMP/hand.svg" && grep -q 'xlink:title="both at: M3"' "$TMP/hand.svg" &&
	[ "$(grep -c 'xlink:title="both at: ' "$TMP/hand.svg")" -eq 4 ]
check "tie tooltips: A-B both at M1, M2; C-D at M3; 4 ties" $? "$(grep -o 'xlink:title="both at[^"]*"' "$TMP/hand.svg")"
