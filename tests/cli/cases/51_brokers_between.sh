# shellcheck shell=bash
# brokers ranks by brokerage between groups (issue 14).  tests/data/analysis/
# brokers-national, counted by hand (undirected; no two neighbours tied):
#   n (no region: the group "(none)") has neighbours x1 (X), y1 (Y), z1, z2 (Z):
#     {x1,y1} {x1,z1} {x1,z2} {y1,z1} {y1,z2}: liaison x5; {z1,z2} Z-(none)-Z itinerant
#     -> coordinator 0, itinerant 1, boundary 0, liaison 5, between 6, total 6
#   x1 has x2..x5 (X) and n: 6 pairs of x's coordinator, 4 (xk, n) boundary
#     -> coordinator 6, boundary 4, between 4, total 10
#   y1 has y2 and n: boundary 1.  The others have one neighbour: 0.
# By total x1 would lead; between groups the national network does.
BN="$DATA/analysis/brokers-national"
run brokers "$BN" --format csv
expect_status "brokers national" 0
cut -d, -f1,5-10 "$TMP/out" | head -n 4 >"$TMP/bn"
printf 'id,coordinator,itinerant,boundary,liaison,between_groups,total\nn,0,1,0,5,6,6\nx1,6,0,4,0,4,10\ny1,0,0,1,0,1,1\n' >"$TMP/bn-want"
diff -u "$TMP/bn-want" "$TMP/bn" >"$TMP/diff"; check "brokers rank by brokerage between groups, (none) a group" $? "$(cat "$TMP/diff")"
run brokers "$BN" --format json
grep -q '"region": "(none)", "actors": 1, "internal_ties": 0, "external_ties": 4' "$TMP/out"
check "brokers groups table has (none)" $? "$(grep -o '"region": "(none)"[^}]*' "$TMP/out")"
run brokers "$BN" --format csv --sort total
expect_status "brokers --sort total" 0
[ "$(sed -n 2p "$TMP/out" | cut -d, -f1)" = x1 ]; check "brokers --sort total puts x1 (10) first" $?
run brokers "$BN" --format csv --sort id
[ "$(sed -n 2p "$TMP/out" | cut -d, -f1)" = n ]; check "brokers --sort id ascending" $?
run brokers "$BN" --sort totl
expect_status "brokers --sort unknown column" 2
expect_err "brokers --sort unknown column" "coopmap: --sort: no column 'totl': did you mean 'total'?"
# render --highlight brokers:1 rings the same first actor, n (node n0): magenta
run render "$BN" -o "$TMP/bn.svg" --highlight brokers:1
expect_status "render brokers national" 0
awk '/<title>n[0-9]*<\/title>/ { n = $0; gsub(/.*<title>|<\/title>.*/, "", n) } /class="node"/ { n = "" }
     /stroke="#ff00ff"/ && n != "" { print n }' "$TMP/bn.svg" | sort -u >"$TMP/bn-ringed"
[ "$(cat "$TMP/bn-ringed")" = n0 ]; check "render --highlight brokers uses the brokers ranking" $? "$(cat "$TMP/bn-ringed")"
