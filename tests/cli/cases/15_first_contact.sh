# First contact (issue 12): the facilitator's LibreOffice export (French
# column names, ';', CRLF, acteurs.csv in Windows-1252, liens.csv in UTF-8
# with a BOM, decimal commas) gives the same figures as the same network
# with canonical column names (tests/data/first-contact/make_fixture.py
# writes both); `check` lists exactly the three planted problems.
FC=$DATA/first-contact
FR=("$FC/french/liens.csv" --nodes "$FC/french/acteurs.csv")
CA=("$FC/canonical")

# same_as_canonical NAME ARGS...: stdout and status of the French run equal the canonical run's
same_as_canonical() {
	local name=$1
	shift
	run "$@" "${CA[@]}"
	cp "$TMP/out" "$TMP/canonical.out"
	local want=$status
	run "$@" "${FR[@]}"
	[ "$status" -eq "$want" ]
	check "$name: French columns, same status as canonical ($status, $want)" $? "$(head -c 300 "$TMP/err")"
	diff -u "$TMP/canonical.out" "$TMP/out" >"$TMP/diff"
	check "$name: French columns, same output as canonical" $? "$(head -n 20 "$TMP/diff")"
	! grep -q "kept as a plain attribute" "$TMP/err"
	check "$name: no column kept as text" $? "$(head -c 300 "$TMP/err")"
}

same_as_canonical "summary" summary
same_as_canonical "metrics" metrics --metrics all --format csv
same_as_canonical "metrics --weighted" metrics --weighted --format csv
same_as_canonical "isolated" isolated --format csv
same_as_canonical "clubs" clubs --regions graphs/regions-fr.csv --min-size 3 --format csv
same_as_canonical "brokers" brokers --format csv
same_as_canonical "summary --to 2020" summary --to 2020
same_as_canonical "summary --where" summary --where région=Bretagne
same_as_canonical "convert" convert -o - -T csv
same_as_canonical "suggest" suggest --regions graphs/regions-fr.csv --format csv
same_as_canonical "timeline" timeline --format csv
same_as_canonical "diff --at" diff --at 2019 --at 2021 --format csv
same_as_canonical "isolated --level 1" isolated --level 1 --format csv
# the map: the same positions, colours and labels (the title would name the input)
same_as_canonical "render" render -o - -T dot --title "first contact"

run summary "${FR[@]}"
expect_err "French notices: encoding" "acteurs.csv: not UTF-8, read as Windows-1252"
expect_err "French notices: actor table" "acteurs.csv: 'acteur' read as the actor id, 'libellé' as the label, 'région' as the region"
expect_err "French notices: edge list" "liens.csv: 'cible' read as the target, 'poids' as the tie weight, 'année' as the year"
expect_err "French notices: the misspelt actor, named" "1 actor named in $FC/french/liens.csv is not in $FC/french/acteurs.csv: added 'Villes au carre'"
# Normanvilles (crpv-normandie): 2 + 1.5 + 2 = 5.5 with the weights of poids
run metrics "${FR[@]}" --metrics strength --format csv
grep -q '^crpv-normandie,Normanvilles,crpv,Normandie,5.5$' "$TMP/out"
check "poids is the weight: Normanvilles' strength 5.5" $? "$(grep normandie "$TMP/out")"

# check: exactly the planted problems, exit 1
run check "${FR[@]}" --regions graphs/regions-fr.csv
expect_status "check French fixture" 1
expect_out_file "check French fixture" "$EXP/check_first_contact.txt"
run check "${CA[@]}" --regions graphs/regions-fr.csv
expect_status "check canonical fixture" 1
sed "s|french/liens.csv|canonical/edges.csv|; s|french/acteurs.csv|canonical/nodes.csv|g" \
	"$EXP/check_first_contact.txt" >"$TMP/want"
expect_out_file "check canonical fixture" "$TMP/want"

printf 'source,target,year\na,b,2020\nb,c,2021\n' >"$TMP/clean.csv"
run check "$TMP/clean.csv"
expect_status "check clean" 0
[ "$(cat "$TMP/out")" = "no problem found" ]
check "check clean says so" $? "$(head -c 300 "$TMP/out")"
run check "$TMP/missing.csv"
expect_status "check missing file" 4
printf 'source,target\na\n' >"$TMP/bad.csv"
run check "$TMP/bad.csv"
expect_status "check bad data" 3
expect_err "check bad data" "coopmap: $TMP/bad.csv:2: empty target"
run check "$FC/canonical" --regions "$TMP/missing-regions.csv"
expect_status "check missing regions" 4

# other commands: a one-line hint to run check when loading found such problems
run summary "${FR[@]}"
expect_err "hint to run check" "coopmap: hint: 'coopmap check $FC/french/liens.csv --nodes $FC/french/acteurs.csv' lists these with their lines"
run summary "$TMP/clean.csv"
! grep -q "hint" "$TMP/err"
check "no hint on a clean network" $? "$(head -c 300 "$TMP/err")"
run summary "${FR[@]}" --quiet
[ ! -s "$TMP/err" ]
check "--quiet hides the hint" $? "$(head -c 300 "$TMP/err")"

# empty results because an attribute is missing: exit 3 with why, not an empty table with exit 0
printf 'source,target\na,b\nb,c\n' >"$TMP/noattr.csv"
printf 'id,type\na,cite\nb,cite\nc,crpv\n' >"$TMP/noattr-nodes.csv"
run clubs "$TMP/noattr.csv" --nodes "$TMP/noattr-nodes.csv" --regions graphs/regions-fr.csv
expect_status "clubs without any region" 3
expect_err "clubs without any region" "coopmap: no actor of type 'cite' has a region (2 without one)"
[ ! -s "$TMP/out" ]; check "clubs without any region: no table" $?
run brokers "$TMP/noattr.csv" --nodes "$TMP/noattr-nodes.csv"
expect_status "brokers without any region" 3
expect_err "brokers without any region" "coopmap: no actor has a value for attribute 'region'"
run summary "$TMP/noattr.csv" --to 2021
expect_status "--to without any year" 3
expect_err "--to without any year" "coopmap: --to: no tie has a year"
run summary "$TMP/noattr.csv" --year 2021
expect_err "--year without any year" "coopmap: --year: no tie has a year"

# a CLI that helps: did you mean, every error starts with "coopmap:", ranges in words
run sumary "$FC/canonical"
expect_status "misspelt command" 2
expect_err "misspelt command" "coopmap: 'sumary' is not a coopmap command: did you mean 'summary'?"
run summary "$FC/canonical" --fromat csv
expect_status "misspelt option" 2
[ "$(head -c 9 "$TMP/err")" = "coopmap: " ]; check "misspelt option: the error starts with coopmap:" $? "$(head -c 300 "$TMP/err")"
expect_err "misspelt option" "unknown option '--fromat': did you mean '--format'?"
run summary "$FC/canonical" --to
expect_status "option without its value" 2
expect_err "option without its value" "coopmap: option '--to' needs a value"
run metrics "$FC/canonical" --top -3
expect_status "--top -3" 2
expect_err "--top -3" "coopmap: --top '-3' is not a whole number of 1 or more"
run brokers "$FC/canonical" --group Regoin
expect_status "misspelt attribute" 2
expect_err "misspelt attribute" "coopmap: --group: no actor has attribute 'Regoin': did you mean 'region'?"
run metrics "$FC/canonical" --sort pagernk
expect_err "misspelt --sort column" "--sort: no column 'pagernk': did you mean 'pagerank'?"
# --top alone ranks by the first measure: crpv-bretagne has 7 ties (rennes, brest, lorient,
# quimper, Villes au carré, crpv-normandie, asso-ligue), the most
run metrics "$FC/canonical" --top 1 --metrics degree --format csv --quiet
[ "$(sed -n 2p "$TMP/out")" = "crpv-bretagne,Résovilles,crpv,Bretagne,7" ]
check "--top without --sort: the highest degree" $? "$(cat "$TMP/out")"
# isolated --level 2: only cite-tours, whose one tie goes to the misspelt 'Villes au carre'
# (no cité within two steps); cite-lorient, typed 'Cite', is not a cité at all
run isolated "$FC/canonical" --level 2 --format csv --quiet
[ "$(sed 1d "$TMP/out" | cut -d, -f1,11)" = "cite-tours,2" ]
check "isolated --level 2" $? "$(cat "$TMP/out")"
run isolated "$FC/canonical" --level 3 --format csv
expect_status "isolated --level 3: none" 0
expect_err "isolated --level 3: none" "no actor of type 'cite' at isolation level 3 or above"

# a folder holding liens.csv and acteurs.csv reads as the two files given by hand
run summary "${FR[@]}" --format csv --quiet
cp "$TMP/out" "$TMP/fr-files"
run summary "$FC/french" --format csv --quiet
expect_status "a French folder (liens.csv, acteurs.csv)" 0
diff -u "$TMP/fr-files" "$TMP/out" >"$TMP/diff"
check "a French folder reads as liens.csv --nodes acteurs.csv" $? "$(head -10 "$TMP/diff")"
grep -q '^nodes,' "$TMP/out" && ! grep -q '^nodes,0$' "$TMP/out"
check "the French folder has its actors" $? "$(head -3 "$TMP/out")"
