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
	./"$BIN" isolated graphs/cites-educatives --format json --quiet >"$TMP/iso" 2>/dev/null
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
