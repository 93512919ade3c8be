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

run render "$R/small" -o - -T png
expect_status "render png to stdout" 0
[ "$(head -c 4 "$TMP/out" | od -An -tx1 | tr -d ' ')" = "89504e47" ]; check "render png to stdout is a PNG" $?

# the reader of standard output going away (| head) is not a failure
if [ -d graphs/cites-educatives ]; then
	"$BIN" render graphs/cites-educatives -T svg -o - 2>"$TMP/err" | head -c 10 >/dev/null
	status=${PIPESTATUS[0]}
	expect_status "render to a closed pipe" 0
fi

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
expect_err "render unknown attribute" "--color-by 'sector'"

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

# Ctrl-C while Graphviz works: exit 130, the old file stays, no temporary file
# remains (neato on 3,000 actors runs for minutes, so the signal comes first)
GEN=build/tests/gen_network
if [ -x "$GEN" ]; then
	"$GEN" --actors 3000 --ties 9000 --out "$TMP/big" >/dev/null
	echo old >"$TMP/int.svg"
	"$BIN" render "$TMP/big" -o "$TMP/int.svg" --layout neato --quiet 2>"$TMP/err" </dev/null &
	pid=$!
	sleep 1
	kill -INT "$pid"
	# give it 30 s to stop, should the interrupt be ignored
	for _ in $(seq 300); do
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.1
	done
	kill -KILL "$pid" 2>/dev/null
	wait "$pid"
	status=$?
	expect_status "render interrupted" 130
	expect_err "render interrupted" "interrupted"
	[ "$(cat "$TMP/int.svg")" = old ]; check "render interrupted keeps the old file" $?
	[ -z "$(find "$TMP" -name '.int.svg.*')" ]; check "render interrupted leaves no temporary file" $?
	sleep 0.3
	! pgrep -f "render $TMP/big" >/dev/null; check "render interrupted leaves no Graphviz process" $?
fi
