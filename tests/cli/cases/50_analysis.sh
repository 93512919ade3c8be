# The analyses: isolated, clubs, brokers.  Expected files are worked by hand
# (see the comments in tests/unit/measure/test_isolated.c, test_clubs.c, test_brokers.c
# and docs/analysis.md); constraint and effective size come from networkx.
AN=$DATA/analysis

# isolated: the worked example, critical mass 3
run isolated "$AN/isolated" --min-size 3 --format csv
expect_status "isolated csv" 0
expect_out_file "isolated csv" "$EXP/analysis_isolated.csv"

run isolated "$AN/isolated" --format json
expect_status "isolated json" 0
if command -v python3 >/dev/null; then
	python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))[0]; sys.exit(r["id"] != "c4" or r["reasons"] != "no tie at all; region below critical mass: 2 cités < 10")' "$TMP/out"
	check "isolated json: default critical mass 10" $?
fi

run isolated "$AN/isolated" --type citee
expect_status "isolated unknown type" 2
expect_err "isolated unknown type" "no actor has type 'citee' (types present: association, cite, crpv, school)"

run isolated "$AN/isolated" --min-size 0
expect_status "isolated min-size 0" 2
expect_err "isolated min-size 0" "--min-size '0' is not a whole number"

# clubs: a cut-down west of France, critical mass 4
run clubs "$AN/clubs" --regions "$AN/regions.csv" --min-size 4 --format csv
expect_status "clubs csv" 0
expect_out_file "clubs csv" "$EXP/analysis_clubs.csv"
expect_err "clubs: region missing from the file" \
	"region 'Mayotte' is not in $AN/regions.csv: treated as having no neighbour"
expect_err "clubs: actor without region" "actors of type 'cite' without a region, left out of clubs: 1 ('cite-x')"

run clubs "$AN/clubs" --regions "$AN/regions.csv" --min-size 4 --format json --quiet
expect_status "clubs json" 0
expect_out_file "clubs json" "$EXP/analysis_clubs.json"
[ ! -s "$TMP/err" ]; check "clubs --quiet prints no notice" $?

run clubs "$AN/clubs" --regions "$AN/regions.csv" --min-size 4 --quiet
expect_status "clubs table" 0
grep -q '^dense regions (at least 4 cités): Île-de-France (4)$' "$TMP/out"
check "clubs table lists the dense regions" $?

cp "$TMP/out" "$TMP/clubs-first"
run clubs "$AN/clubs" --regions "$AN/regions.csv" --min-size 4 --quiet
cmp -s "$TMP/out" "$TMP/clubs-first"; check "clubs: same input, same clubs" $?

run clubs "$AN/clubs"
expect_status "clubs without --regions" 2
expect_err "clubs without --regions" "--regions FILE is required"

run clubs "$AN/clubs" --regions "$AN/regions-bad-header.csv"
expect_status "clubs bad header" 3
expect_err "clubs bad header" \
	"$AN/regions-bad-header.csv:2: expected the header region,neighbour, found 'from,to'"

run clubs "$AN/clubs" --regions "$AN/regions-bad-line.csv"
expect_status "clubs bad line" 3
expect_err "clubs bad line" "$AN/regions-bad-line.csv:3: expected 2 fields (region,neighbour), found 3"

run clubs "$AN/clubs" --regions "$AN/no-such-regions.csv"
expect_status "clubs missing regions file" 4

# brokers: the five-actor, three-group example
run brokers "$AN/brokers" --format csv
expect_status "brokers csv" 0
expect_out_file "brokers csv" "$EXP/analysis_brokers.csv"

run brokers "$AN/brokers" --directed --format csv
expect_status "brokers directed" 0
cut -d, -f1,5-11 "$TMP/out" >"$TMP/roles"
diff -u "$EXP/analysis_brokers_directed.csv" "$TMP/roles" >"$TMP/diff"
check "brokers directed roles" $? "$(head -n 20 "$TMP/diff")"

run brokers "$AN/brokers" --format json
expect_status "brokers json" 0
grep -q '"network_ei_index": 0.428571428571$' "$TMP/out"; check "brokers json: network E-I 3/7" $?
grep -q '{"region": "X", "actors": 3, "internal_ties": 2, "external_ties": 4, "ei_index": 0.333333333333}' "$TMP/out"
check "brokers json: group X" $?
if command -v python3 >/dev/null; then
	python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$TMP/out" 2>/dev/null
	check "brokers json parses" $?
fi

run brokers "$AN/brokers" --group type --format csv
expect_status "brokers by type" 0
head -n 1 "$TMP/out" | grep -qx 'id,label,type,coordinator,itinerant,boundary,liaison,between_groups,total,constraint,effective_size,betweenness,ei_index'
check "brokers by type: no repeated group column" $?

run brokers "$AN/brokers"
expect_status "brokers table" 0
grep -q '^network E-I index: 0.428571428571$' "$TMP/out"; check "brokers table: network E-I" $?

run brokers "$AN/brokers" --group departement
expect_status "brokers unknown group" 2
expect_err "brokers unknown group" "no actor has attribute 'departement'"

# the sample map: the Club de l'Ouest comes back on its own
if [ -d graphs/cites-educatives ] && [ -f graphs/regions-fr.csv ]; then
	run clubs graphs/cites-educatives --regions graphs/regions-fr.csv --min-size 10 --format json --quiet
	expect_status "sample clubs" 0
	grep -q '"regions": \["Bretagne", "Centre-Val de Loire", "Normandie", "Pays de la Loire"\], "cites": 13, "reaches_min_size": true' "$TMP/out"
	check "sample: the Club de l'Ouest is proposed" $?
fi
