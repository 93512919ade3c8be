# suggest: whom an isolated cité could meet.  The expected rows are worked
# out by hand in tests/unit/measure/test_suggest.c (test_no_tie_regions: the
# same network as tests/data/suggest, scores and reasons written out there).
SG=$DATA/suggest

run suggest "$SG" --regions "$SG/regions.csv" --actor x --top 6 --format csv
expect_status "suggest csv" 0
expect_out_file "suggest csv" "$EXP/suggest_no_tie.csv"

run suggest "$SG" --regions "$SG/regions.csv" --actor x --top 1 --format json
expect_status "suggest json" 0
if command -v python3 >/dev/null; then
	python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); sys.exit(len(r) != 1 or list(r[0]) != ["actor","actor_label","candidate","candidate_label","candidate_type","candidate_region","score","reasons"] or r[0]["candidate"] != "r" or r[0]["score"] != 1.75)' "$TMP/out"
	check "suggest json: the columns of the issue, best first" $?
fi

run suggest "$SG" --actor nobody
expect_status "suggest unknown actor" 2
expect_err "suggest unknown actor" "no actor 'nobody' in"

run suggest "$SG" --top 0
expect_status "suggest top 0" 2
run suggest "$SG" --level 4
expect_status "suggest level 4" 2
run suggest "$SG" --type school
expect_status "suggest unknown type" 2
expect_err "suggest unknown type" "no actor has type 'school'"

# the sample: every cité of level >= 2 gets >= 3 suggestions with reasons, first;
# a reason about a region names it (the region of the candidate)
run suggest graphs/cites-educatives --regions graphs/regions-fr.csv --format json --quiet
expect_status "suggest sample" 0
if command -v python3 >/dev/null; then
	"$BIN" isolated graphs/cites-educatives --format json --quiet >"$TMP/iso" 2>/dev/null
	python3 - "$TMP/out" "$TMP/iso" <<'PY'
import json, re, sys
rows = json.load(open(sys.argv[1]))
iso = json.load(open(sys.argv[2]))
hi = [r["id"] for r in iso if r["level"] >= 2]
order = []
for r in rows:
    if r["actor"] not in order:
        order.append(r["actor"])
ok = len(hi) >= 2 and order[:len(hi)] == hi
for a in hi:
    mine = [r for r in rows if r["actor"] == a]
    ok = ok and len(mine) >= 3 and all(r["reasons"] for r in mine)
for r in rows:
    for m in re.finditer(r"region[^;]*", r["reasons"]):
        if "resource centre" in m.group(0) or "same region" in m.group(0) or "neighbouring region" in m.group(0):
            ok = ok and ("(" + r["candidate_region"]) in m.group(0)
sys.exit(0 if ok else 1)
PY
	check "suggest sample: level >= 2 first, >= 3 suggestions, regions named" $?
fi

# --evaluate: the JSON keys of the issue, and the figures recomputed by an
# independent implementation (Python, from the --pairs file)
run suggest graphs/cites-educatives --regions graphs/regions-fr.csv --evaluate --train-to 2019 \
	--format json --quiet --pairs "$TMP/pairs.csv"
expect_status "suggest evaluate" 0
if command -v python3 >/dev/null; then
	python3 - "$TMP/out" "$TMP/pairs.csv" <<'PY'
import csv, json, sys
e = json.load(open(sys.argv[1]))
keys = ["train_to", "pairs_scored", "new_ties", "auc", "precision_at_k", "precision_at_10", "k", "baselines"]
ok = list(e) == keys and list(e["baselines"]) == ["random", "preferential_attachment"]
rows = list(csv.DictReader(open(sys.argv[2])))
pos = [r["appeared"] == "1" for r in rows]
def auc(col):
    s = [float(r[col]) for r in rows]
    p = [x for x, y in zip(s, pos) if y]; n = [x for x, y in zip(s, pos) if not y]
    return sum((a > b) + 0.5 * (a == b) for a in p for b in n) / (len(p) * len(n))
def prec(col, k):
    order = sorted(range(len(rows)), key=lambda i: (-float(rows[i][col]), i))[:k]
    return sum(pos[i] for i in order) / len(order)
k = sum(pos)
ok = ok and e["pairs_scored"] == len(rows) and e["new_ties"] == k == e["k"] and e["train_to"] == 2019
for fig, col in ((e, "score"), (e["baselines"]["random"], "random"),
                 (e["baselines"]["preferential_attachment"], "preferential_attachment")):
    ok = ok and abs(fig["auc"] - auc(col)) < 1e-9
    ok = ok and abs(fig["precision_at_k"] - prec(col, k)) < 1e-9 and abs(fig["precision_at_10"] - prec(col, 10)) < 1e-9
sys.exit(0 if ok else 1)
PY
	check "suggest evaluate: keys, and figures recomputed from --pairs" $?
fi

run suggest graphs/cites-educatives --evaluate
expect_status "suggest evaluate without --train-to" 2
expect_err "suggest evaluate without --train-to" "--evaluate and --train-to Y go together"
run suggest graphs/cites-educatives --evaluate --train-to 2030 --quiet
expect_status "suggest evaluate: nothing after" 2
expect_err "suggest evaluate: nothing after" "is first observed after 2030"

# --evaluate on a generated network whose 2021-2022 ties grow by triadic
# closure and homophily by region: the score beats both baselines in AUC
if [ -x build/tests/gen_network ] && command -v python3 >/dev/null; then
	build/tests/gen_network --actors 600 --ties 1600 --regions 12 --growth 20 --seed 5 --out "$TMP/grow" >/dev/null
	run suggest "$TMP/grow" --regions graphs/regions-fr.csv --evaluate --train-to 2020 --quiet --format json
	expect_status "suggest evaluate generated" 0
	python3 -c 'import json,sys; e=json.load(open(sys.argv[1])); b=e["baselines"]; sys.exit(not (e["new_ties"] == 320 and e["auc"] > b["random"]["auc"] + 0.1 and e["auc"] > b["preferential_attachment"]["auc"] + 0.1))' "$TMP/out"
	check "suggest evaluate generated: beats random and preferential attachment in AUC" $?
fi

# render --highlight suggestions: the dotted ties are exactly the top 3
# suggestions of each cité of level >= 2, with a legend entry
run render graphs/cites-educatives -o - -T dot --highlight isolated,suggestions --regions graphs/regions-fr.csv --quiet
expect_status "render suggestions" 0
cp "$TMP/out" "$TMP/sugg.dot"
grep -q "suggested tie of an isolated cit" "$TMP/sugg.dot"
check "render suggestions: legend entry" $?
run suggest graphs/cites-educatives --regions graphs/regions-fr.csv --level 2 --top 3 --format json --quiet
if command -v python3 >/dev/null; then
	python3 - "$TMP/sugg.dot" "$TMP/out" graphs/cites-educatives/nodes.csv <<'PY'
import csv, json, re, sys
dot = open(sys.argv[1], encoding="utf-8").read()
want = {frozenset((r["actor"], r["candidate"])) for r in json.load(open(sys.argv[2]))}
label_to_id = {r["label"]: r["id"] for r in csv.DictReader(open(sys.argv[3], encoding="utf-8"))}
tip = {m.group(1): m.group(2) for m in re.finditer(r'\t(n\d+)\t\[[^\]]*?tooltip="([^"]*)"', dot)}
got = set()
for m in re.finditer(r'\t(n\d+) -- (n\d+)\t\[([^\]]*)\]', dot):
    if "style=dotted" in m.group(3):
        got.add(frozenset((label_to_id[tip[m.group(1)]], label_to_id[tip[m.group(2)]])))
sys.exit(0 if len(want) == 6 and got == want else 1)
PY
	check "render suggestions: the 6 dotted ties are suggest's" $?
fi
run render graphs/cites-educatives -o - -T dot --quiet
! grep -q "style=dotted" "$TMP/out"
check "render default: no dotted tie" $?
