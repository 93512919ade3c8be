# coopmap render: maps through Graphviz, atomic writes, safe text.
# tests/data/render/small has 6 actors (3 cite, 2 crpv, 1 etat) in 2 regions
# and 6 ties; hostile/ has labels that must come out as text.

R=$DATA/render

run render "$R/small" -o "$TMP/map.svg"
expect_status "render svg" 0
xmllint --noout "$TMP/map.svg" 2>/dev/null; check "render svg is well-formed XML" $?
[ "$(grep -c 'class="node"' "$TMP/map.svg")" -eq 6 ]; check "render svg has one node group per actor" $?
[ "$(grep -c 'class="cluster"' "$TMP/map.svg")" -eq 2 ]; check "render svg has one cluster per region" $?
grep -q '>6 actors, 6 ties' "$TMP/map.svg"; check "render svg caption counts" $?
grep -q '>cite (3)</text>' "$TMP/map.svg"; check "render svg legend counts" $?
grep -q '>Cité éducative Rennes</text>' "$TMP/map.svg"; check "render svg labels actors" $?

# same seed, same bytes; another seed, another drawing
run render "$R/small" -o "$TMP/map2.svg"
cmp -s "$TMP/map.svg" "$TMP/map2.svg"; check "render is reproducible" $?
run render "$R/small" -o "$TMP/map3.svg" --seed 7
! cmp -s "$TMP/map.svg" "$TMP/map3.svg"; check "render --seed changes the layout" $?

# the sample network with its 11 region boxes: fdp, the former default, drew
# it differently on most runs (docs/maps.md, "Reproducible maps")
if [ -d graphs/cites-educatives ]; then
	for f in svg png pdf; do
		run render graphs/cites-educatives -o "$TMP/sample1.$f" --quiet
		run render graphs/cites-educatives -o "$TMP/sample2.$f" --quiet
		cmp -s "$TMP/sample1.$f" "$TMP/sample2.$f"; check "render of the sample is reproducible ($f)" $?
	done
	[ "$(grep -c 'class="cluster"' "$TMP/sample1.svg")" -eq 11 ]; check "render of the sample boxes its 11 regions" $?
fi

run render "$R/small" -o - -T png
expect_status "render png to stdout" 0
[ "$(head -c 4 "$TMP/out" | od -An -tx1 | tr -d ' ')" = "89504e47" ]; check "render png to stdout is a PNG" $?

# the reader of standard output going away (| head) is not a failure
if [ -d graphs/cites-educatives ]; then
	"$BIN" render graphs/cites-educatives -T svg -o - 2>"$TMP/err" | head -c 10 >/dev/null
	status=${PIPESTATUS[0]}
	expect_status "render to a closed pipe" 0
fi

# -o - with -T svg: the map on standard output, well-formed, one node per actor
run render "$R/small" -o - -T svg
expect_status "render svg to stdout" 0
xmllint --noout "$TMP/out" 2>/dev/null; check "render svg to stdout is well-formed XML" $?
[ "$(grep -c 'class="node"' "$TMP/out")" -eq 6 ]; check "render svg to stdout has every actor" $?

# highlights.  tests/data/render/isolated (by hand, docs/analysis.md levels):
#   c1 -- r1 -- c2 : each cité reaches the other through the centre r1 (level 0 or 1)
#   c3 -- a1       : a1 has no other tie, so no cité within two steps of c3 (level 2)
#   c4             : no tie at all (level 3)
# so exactly c3 and c4 get the black ring (#000000, no fill is black);
# nodes are named n<index> in the order of nodes.csv: c1 n0, r1 n1, c2 n2, c3 n3, a1 n4, c4 n5.
run render "$DATA/render/isolated" -o "$TMP/iso.svg"
expect_status "render marks isolated cités" 0
xmllint --noout "$TMP/iso.svg" 2>/dev/null; check "render isolated svg is well-formed XML" $?
[ "$(grep -c 'class="node"' "$TMP/iso.svg")" -eq 6 ]; check "render isolated svg has one node per actor" $?
# the node groups with a red ring, by their internal names
awk '/<title>n[0-9]*<\/title>/ { n = $0; gsub(/.*<title>|<\/title>.*/, "", n) } /class="node"/ { n = "" }
     /stroke="#000000"/ && n != "" { print n }' "$TMP/iso.svg" | sort -u >"$TMP/ringed"
printf 'n3\nn5\n' >"$TMP/want"
cmp -s "$TMP/ringed" "$TMP/want"; check "render rings exactly c3 and c4" $? "$(tr '\n' ' ' <"$TMP/ringed")"
grep -q '>marked</text>' "$TMP/iso.svg"; check "render legend has a marked section" $?
grep -q 'isolated cité: no tie, or no peer of its type within two steps (2)</text>' "$TMP/iso.svg"
check "render legend counts 2 isolated cités" $?
grep -q '>isolated</text>' "$TMP/iso.svg"; check "render title from the folder" $?
run render "$DATA/render/isolated" -o "$TMP/iso2.svg" --highlight none
expect_status "render --highlight none" 0
! grep -q 'stroke="#000000"' "$TMP/iso2.svg"; check "render --highlight none marks nothing" $?
run render "$DATA/render/isolated" -o "$TMP/iso3.svg" --highlight brokers:1
expect_status "render --highlight brokers:1" 0
# r1 alone sits between actors that are not tied (c1 and c2): the one broker, magenta (#ff00ff)
[ "$(grep -c 'stroke="#ff00ff"' "$TMP/iso3.svg")" -eq 1 ]; check "render rings one broker" $?
run render "$DATA/render/isolated" -o "$TMP/x.svg" --highlight clubs
expect_status "render clubs without --regions" 2
expect_err "render clubs without --regions" "needs the region adjacency (--regions FILE"
run render "$DATA/render/isolated" -o "$TMP/clubs.svg" --highlight clubs --regions "$DATA/render/regions.csv"
expect_status "render --highlight clubs" 0
grep -q '>Club 1: Bretagne, Normandie (3)</text>' "$TMP/clubs.svg"; check "render legend names the club" $?
run render "$DATA/render/isolated" -o "$TMP/x.svg" --highlight lonely
expect_status "render bad --highlight" 2
expect_err "render bad --highlight" "unknown --highlight value 'lonely'"

# --layout geo on tests/data/render/geo: Paris, Brest and Nice with lat/lon, one
# Bretagne actor without.  Lambert-93 from PROJ (cs2cs EPSG:4326 EPSG:2154):
# Brest x 146633 < Paris x 652469 < Nice x 1043410; y (north) Paris 6862035 >
# Brest 6836262 > Nice 6299400, so in SVG (y down) Paris is above Brest above Nice.
# (--shape-by none: every node an ellipse, whose centre is read below)
run render "$DATA/render/geo" -o "$TMP/geo.svg" --layout geo --size-by none --shape-by none
expect_status "render --layout geo" 0
xmllint --noout "$TMP/geo.svg" 2>/dev/null; check "render geo svg is well-formed XML" $?
awk '/<title>n[0-9]*<\/title>/ { n = $0; gsub(/.*<title>|<\/title>.*/, "", n) }
     /<ellipse/ && n != "" { x = $0; y = $0; sub(/.*cx="/, "", x); sub(/".*/, "", x); sub(/.*cy="/, "", y); sub(/".*/, "", y);
                             print n, x, y; n = "" }' "$TMP/geo.svg" >"$TMP/pos"
# n0 Paris, n1 Brest, n2 Nice, n3 the Bretagne actor (nodes.csv order)
[ "$(sort -k2 -g "$TMP/pos" | cut -d' ' -f1 | tr '\n' ' ')" = "n1 n3 n0 n2 " ]; check "render geo: west to east Brest, Bretagne, Paris, Nice" $? "$(tr '\n' ';' <"$TMP/pos")"
[ "$(sort -k3 -g "$TMP/pos" | cut -d' ' -f1 | grep -v n3 | tr '\n' ' ')" = "n0 n1 n2 " ]; check "render geo: north to south Paris, Brest, Nice" $? "$(tr '\n' ';' <"$TMP/pos")"
# the built-in centres are graphs/regions-fr-centres.csv: same map either way
run render "$DATA/render/geo" -o "$TMP/geo2.svg" --layout geo --size-by none --shape-by none \
	--centres graphs/regions-fr-centres.csv
cmp -s "$TMP/geo.svg" "$TMP/geo2.svg"; check "render geo: built-in centres match graphs/regions-fr-centres.csv" $?

# the time limit: neato on 3,000 actors needs minutes; stopped after 1 s, then sfdp
# is tried (notice) and stopped too: an error, no file
GEN=build/tests/gen_network
if [ -x "$GEN" ]; then
	"$GEN" --actors 3000 --ties 9000 --out "$TMP/slow" >/dev/null
	run render "$TMP/slow" -o "$TMP/slow.svg" --layout neato --time-limit 1
	expect_status "render past the time limit" 1
	expect_err "render past the time limit" "neato did not finish the layout within 1 s; drawing with sfdp instead"
	expect_err "render past the time limit" "sfdp did not finish the map of 3000 actors within 1 s"
	[ ! -e "$TMP/slow.svg" ]; check "render past the time limit writes nothing" $?
fi
run render "$R/small" -o "$TMP/x.svg" --time-limit soon
expect_status "render bad --time-limit" 2

run render "$R/small" -o "$TMP/map.pdf"
expect_status "render pdf" 0
head -c 5 "$TMP/map.pdf" | grep -q '%PDF-'; check "render pdf is a PDF" $?

run render "$R/small" -o "$TMP/map.dot" --labels none --no-legend --title 'Réseau "Ouest"'
expect_status "render dot" 0
grep -q '^graph' "$TMP/map.dot"; check "render dot is DOT" $?

run render "$R/hostile" -o "$TMP/hostile.svg"
expect_status "render hostile labels" 0
xmllint --noout "$TMP/hostile.svg" 2>/dev/null; check "render hostile svg is well-formed XML" $?
grep -qF '>&lt;script&gt;alert(1)&lt;/script&gt;</text>' "$TMP/hostile.svg"; check "render escapes <script>" $?
! grep -q '<script' "$TMP/hostile.svg"; check "render writes no script element" $?
grep -qF '>a &amp; b</text>' "$TMP/hostile.svg"; check "render escapes &" $?
grep -qF '>\N</text>' "$TMP/hostile.svg"; check "render keeps \\N as text" $?
grep -qF '>&amp;lt;</text>' "$TMP/hostile.svg"; check "render keeps &lt; as text" $?
grep -qF '>&lt;b&gt;bold&lt;/b&gt; (1)</text>' "$TMP/hostile.svg"; check "render escapes the legend" $?

run render "$DATA/render/small.dot" -o "$TMP/fromdot.svg"
expect_status "render a DOT input" 0
[ "$(grep -c 'class="node"' "$TMP/fromdot.svg")" -eq 4 ]; check "render DOT input has its 4 actors" $?

# errors: nothing written, existing files untouched
echo old >"$TMP/keep.svg"
run render "$R/small" -o "$TMP/keep.svg" --layout spring
expect_status "render unknown layout" 2
expect_err "render unknown layout" "unknown layout 'spring'"
[ "$(cat "$TMP/keep.svg")" = old ]; check "render failure keeps the old file" $?
[ -z "$(find "$TMP" -name '.keep.svg.*')" ]; check "render failure leaves no temporary file" $?

run render "$R/small" -o "$TMP/map.bmp"
expect_status "render unknown extension" 2
expect_err "render unknown extension" "cannot tell the map format"
[ ! -e "$TMP/map.bmp" ]; check "render unknown extension writes nothing" $?

run render "$R/small" -o "$TMP/x.svg" -T jpeg
expect_status "render unknown -T" 2
expect_err "render unknown -T" "unknown map format 'jpeg'"

run render "$R/small" -o -
expect_status "render stdout without -T" 2

run render "$R/small"
expect_status "render without -o" 2
expect_err "render without -o" "no output file given"

run render "$R/small" -o "$TMP/x.svg" --color-by sector
expect_status "render unknown attribute" 2
expect_err "render unknown attribute" "--color-by: no actor has attribute 'sector'"

run render "$R/small" -o "$TMP/x.svg" --labels top:x
expect_status "render bad --labels" 2

run render "$R/small" -o /dev/full -T svg
expect_status "render to a full device" 4
expect_err "render to a full device" "/dev/full"

mkdir "$TMP/adir.svg"
run render "$R/small" -o "$TMP/adir.svg"
expect_status "render to a folder" 4
expect_err "render to a folder" "is a directory"

run render "$R/small" -o "$TMP/no/such/dir/map.svg"
expect_status "render into a missing folder" 4

run render --help
expect_status "render --help" 0
grep -q -- '--labels' "$TMP/out"; check "render --help lists --labels" $?
# every option of the parser is in the help (src/cli/cmd_render.c holds the text; 05_help.sh checks every command)
for opt in --output --type --layout --title --labels --no-legend --color-by --shape-by --size-by \
	--cluster-by --highlight --focus-type --regions --centres --time-limit; do
	grep -q -- "$opt" "$TMP/out" || echo "render --help misses $opt" >>"$TMP/help-missing"
done
[ ! -s "$TMP/help-missing" ]; check "render --help lists every option" $? "$(cat "$TMP/help-missing" 2>/dev/null)"

# Ctrl-C while Graphviz works: exit 130, the old file stays, no temporary file
# remains (neato on 3,000 actors runs for minutes, so the signal comes first)
GEN=build/tests/gen_network
if [ -x "$GEN" ]; then
	"$GEN" --actors 3000 --ties 9000 --out "$TMP/big" >/dev/null
	echo old >"$TMP/int.svg"
	"$BIN" render "$TMP/big" -o "$TMP/int.svg" --layout neato --quiet 2>"$TMP/err" </dev/null &
	pid=$!
	# signal once the drawing child runs (main's handlers are set by then,
	# even when a slow wrapper such as valgrind starts the program)
	for _ in $(seq 600); do
		pgrep -P "$pid" >/dev/null && break
		sleep 0.1
	done
	signal_and_reap "$pid" INT 30
	expect_status "render interrupted" 130
	expect_err "render interrupted" "interrupted"
	[ "$(cat "$TMP/int.svg")" = old ]; check "render interrupted keeps the old file" $?
	[ -z "$(find "$TMP" -name '.int.svg.*')" ]; check "render interrupted leaves no temporary file" $?
	sleep 0.3
	! pgrep -f "render $TMP/big" >/dev/null; check "render interrupted leaves no Graphviz process" $?
fi
