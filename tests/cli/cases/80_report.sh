# coopmap report: one offline HTML file.  Its structure, policy and script
# hashes are checked by tests/report/validate.py (Python's html.parser and
# hashlib), its behaviour in headless Chromium by tests/report/browser.py
# against values read from the input CSV files; here too, the bytes repeat,
# the language follows --lang and the locale, and a failed run keeps an
# existing file.
RD=$DATA/report
S=graphs/cites-educatives

run report $S --regions graphs/regions-fr.csv -o "$TMP/report.html"
expect_status "report of the sample" 0
/usr/bin/python3 tests/report/validate.py "$TMP/report.html" en >"$TMP/v" 2>&1
check "report of the sample is valid HTML with its policy" $? "$(head -5 "$TMP/v")"
run report $S --regions graphs/regions-fr.csv -o "$TMP/report.html.2"
sed 's|report.html.2|report.html|' "$TMP/report.html.2" | cmp -s - "$TMP/report.html"
check "report: the same bytes from run to run (but the -o name in the command line)" $?
grep -q '<h2>4. Isolated actors</h2>' "$TMP/report.html" && grep -q '<h2>8. Definitions and method</h2>' "$TMP/report.html"
check "report: the eight sections" $?
# the sample's figures, as docs/analysis.md and the README give them
grep -qF 'The network links 103 actors through 258 ties.' "$TMP/report.html"
check "report: the counts in a sentence" $?
grep -qF 'cite-martinique-1' "$TMP/report.html" && grep -qF '<td>Bretagne, Centre-Val de Loire, Normandie, Pays de la Loire</td>' "$TMP/report.html"
check "report: the Club de l'Ouest of the README" $?

# the date: --date, then SOURCE_DATE_EPOCH, then the newest input file
run report $S -o "$TMP/d.html" --date 2026-06-30
grep -qF 'Report of 2026-06-30' "$TMP/d.html"
check "report --date" $?
SOURCE_DATE_EPOCH=86400 "${WRAP[@]}" "$BIN" report $S -o "$TMP/e.html" 2>/dev/null
grep -qF 'Report of 1970-01-02' "$TMP/e.html"
check "report: SOURCE_DATE_EPOCH" $?
mkdir -p "$TMP/dated" && cp $S/edges.csv $S/nodes.csv "$TMP/dated/" && touch -d '2024-03-15 12:00 UTC' "$TMP/dated/edges.csv" "$TMP/dated/nodes.csv"
env -u SOURCE_DATE_EPOCH "${WRAP[@]}" "$BIN" report "$TMP/dated" -o "$TMP/m.html" 2>/dev/null
grep -qF 'Report of 2024-03-15' "$TMP/m.html"
check "report: the newest input file's day" $?

# French: --lang fr, or the locale; --lang en wins over the locale
run report $S --regions graphs/regions-fr.csv -o "$TMP/fr.html" --lang fr
expect_status "report --lang fr" 0
/usr/bin/python3 tests/report/validate.py "$TMP/fr.html" fr >"$TMP/v" 2>&1
check "report --lang fr: valid, lang=fr" $? "$(head -5 "$TMP/v")"
grep -qF '<h2>1. Ce qui a été analysé</h2>' "$TMP/fr.html" && grep -qF 'Le réseau relie 103 acteurs par 258 liens.' "$TMP/fr.html"
check "report --lang fr: in French" $?
LANG=fr_FR.UTF-8 LC_ALL= LANGUAGE= "${WRAP[@]}" "$BIN" report $S -o "$TMP/fr2.html" 2>/dev/null
grep -qF 'Chiffres clés' "$TMP/fr2.html"
check "report: French from LANG=fr_FR.UTF-8" $?
LC_ALL=fr_FR.UTF-8 "${WRAP[@]}" "$BIN" report $S -o "$TMP/en.html" --lang en 2>/dev/null
grep -qF 'Key figures' "$TMP/en.html" && grep -q '<html lang="en">' "$TMP/en.html"
check "report --lang en under a French locale" $?
LC_ALL=fr_FR.UTF-8 "${WRAP[@]}" "$BIN" report $S >"$TMP/out" 2>"$TMP/err"
status=$?
expect_status "report without -o" 2
expect_err "report without -o, in French" "coopmap: aucun fichier de sortie indiqué (-o FICHIER)"

# hostile labels stay text; no region, no year and an empty network still give a report
for c in hostile noregion noyear empty; do
	run report "$RD/$c" -o "$TMP/$c.html" --regions graphs/regions-fr.csv
	expect_status "report of the $c network" 0
	/usr/bin/python3 tests/report/validate.py "$TMP/$c.html" en >"$TMP/v" 2>&1
	check "report of the $c network is valid HTML with its policy" $? "$(head -5 "$TMP/v")"
done
! grep -qF '<script>alert' "$TMP/hostile.html" && ! grep -qF '<img src=x' "$TMP/hostile.html" && ! grep -qF '<svg onload' "$TMP/hostile.html"
check "report: hostile labels escaped" $?
grep -qF '"label":"\u003c/script\u003e\u003cscript\u003ealert(1)\u003c/script\u003e"' "$TMP/hostile.html"
check "report: a label ending the script element is escaped in the JSON" $?
grep -qF 'No actor has a region: there are no groups to broker between.' "$TMP/noregion.html"
check "report of a network without regions says so" $?
grep -qF 'No tie has a year: the network cannot be followed over time.' "$TMP/noyear.html"
check "report of a network without years says so" $?

# errors: bad options, and a failed run keeps an existing file
run report $S -o "$TMP/x.html" --lang de
expect_status "report --lang de" 2
expect_err "report --lang de" "coopmap: --lang 'de' is not one of fr, en"
run report $S -o "$TMP/x.html" --at 2020
expect_status "report with one --at" 2
echo "keep me" >"$TMP/keep.html"
run report "$RD/no-such-folder" -o "$TMP/keep.html"
expect_status "report of a missing input" 4
[ "$(cat "$TMP/keep.html")" = "keep me" ]
check "report: a failed run keeps the existing file" $?

# in a real browser
if command -v chromium >/dev/null 2>&1; then
	/usr/bin/python3 tests/report/browser.py "$TMP/report.html" $S/edges.csv $S/nodes.csv "$TMP/report.png" >"$TMP/b" 2>&1
	rc=$?
	if [ $rc -eq 77 ]; then
		echo "SKIP: $(grep SKIP "$TMP/b")"
	else
		check "report in headless Chromium" $rc "$(grep FAIL "$TMP/b")"
	fi
	/usr/bin/python3 tests/report/browser.py --hostile "$TMP/hostile.html" >"$TMP/b" 2>&1
	rc=$?
	[ $rc -eq 77 ] || check "hostile report in headless Chromium" $rc "$(grep FAIL "$TMP/b")"
else
	echo "SKIP: chromium is not installed (make deps installs Debian's chromium): the report was not run in a browser"
fi

# section 1 lists what loading did (the notices of docs/input.md), said once on stderr too
run report "$DATA/load/years-edges.csv" -o "$TMP/n.html" --to 2020
expect_status "report of a network with repairs" 0
grep -qF '<li>dropped 1 self-loop (ties of an actor with itself)</li>' "$TMP/n.html" &&
	grep -qF '<li>left out 1 undated tie (no year) because of the year filter</li>' "$TMP/n.html" &&
	grep -qF '<dd>--to 2020</dd>' "$TMP/n.html"
check "report: section 1 names the filters and what loading left out" $?
[ "$(grep -c 'hint:' "$TMP/err")" -eq 1 ] && [ "$(grep -c 'dropped 1 self-loop' "$TMP/err")" -eq 1 ]
check "report: each notice once on stderr, though INPUT is read three times" $? "$(cat "$TMP/err")"
