# convert --measures and --layout: the measures in GraphML, GEXF, GML and the
# CSV folder, checked by independent readers and computations
# (tests/cli/interop_measures.py: NetworkX computes every measure itself from
# the input CSV, isolation levels and brokerage by hand from
# docs/analysis.md; NetworkX, python-igraph and csv read the exports), the
# GEXF against gephi/gexf's schemas, and coopmap's own GraphML read back.

PY=/usr/bin/python3
HOSTILE=$DATA/interop/hostile
X12=$DATA/interop/gexf-schema-1.2draft
X13=$DATA/interop/gexf-schema-1.3

for S in graphs/cites-educatives "$HOSTILE"; do
	O=$TMP/measures-$(basename "$S")
	mkdir -p "$O"
	run convert "$S" -o "$O/m.graphml" --measures all --layout fr
	expect_status "convert --measures all --layout fr to graphml ($S)" 0
	run convert "$S" -o "$O/m12.gexf" --measures all
	expect_status "convert --measures all to gexf 1.2 ($S)" 0
	run convert "$S" -o "$O/m13.gexf" --measures all --gexf-version 1.3
	expect_status "convert --measures all to gexf 1.3 ($S)" 0
	run convert "$S" -o "$O/m.gml" --measures all --quiet
	expect_status "convert --measures all to gml ($S)" 0
	run convert "$S" -o "$O/csv/" --measures all
	expect_status "convert --measures all to a CSV folder ($S)" 0
	"$PY" tests/cli/interop_measures.py "$S" "$O" >"$TMP/py" 2>&1
	[ "$(cat "$TMP/py")" = ok ]; check "exports of $S: NetworkX and python-igraph read the measures NetworkX computes" $? "$(head -c 600 "$TMP/py")"

	# GEXF: the RelaxNG schemas with everything, the XSDs without viz (see the README of the schemas)
	xmllint --noout --relaxng "$X12/gexf.rng" "$O/m12.gexf" 2>"$TMP/diff"
	check "gexf 1.2 with measures valid against gephi/gexf's RelaxNG ($S)" $? "$(head -c 300 "$TMP/diff")"
	xmllint --noout --relaxng "$X13/gexf.rng" "$O/m13.gexf" 2>"$TMP/diff"
	check "gexf 1.3 with measures valid against gephi/gexf's RelaxNG ($S)" $? "$(head -c 300 "$TMP/diff")"
	for v in 12:"$X12" 13:"$X13"; do
		grep -v '<viz:' "$O/m${v%%:*}.gexf" >"$O/noviz.gexf"
		xmllint --noout --schema "${v#*:}/gexf.xsd" "$O/noviz.gexf" 2>"$TMP/diff"
		check "gexf ${v%%:*} with measures valid against gephi/gexf's XSD ($S)" $? "$(head -c 300 "$TMP/diff")"
	done
done

# the done-when of issue 13: positions, colours, sizes and the timeline for Gephi
O=$TMP/measures-cites-educatives
grep -q 'mode="dynamic" timeformat="integer"' "$O/m12.gexf" && grep -q '<spell start="2019" end="2022"/>' "$O/m12.gexf" &&
	[ "$(grep -c '<viz:position' "$O/m12.gexf")" -eq 103 ] && [ "$(grep -c '<viz:color' "$O/m12.gexf")" -eq 103 ]
check "cites.gexf --measures all has a timeline and every actor's position and colour" $?
grep -q '<attribute id="betweenness" title="betweenness" type="double"/>' "$O/m12.gexf" &&
	grep -q '<attribute id="articulation" title="articulation" type="boolean"/>' "$O/m12.gexf"
check "gexf declares the measures with their types" $? "$(grep '<attribute ' "$O/m12.gexf" | head -5)"

# coopmap reads its own GraphML back: the same actors, attributes and measures
run convert "$O/m.graphml" -o "$O/back/"
expect_status "convert coopmap's graphml with measures back to CSV" 0
run convert graphs/cites-educatives -o "$O/direct/" --measures all --layout fr
diff -u "$O/direct/nodes.csv" "$O/back/nodes.csv" >"$TMP/diff"; check "graphml round trip keeps actors, text, types and measures" $? "$(head -20 "$TMP/diff")"
ends_sorted() { awk -F, 'BEGIN { OFS = "," } NR > 1 { if ($1 > $2) { t = $1; $1 = $2; $2 = t } print }' "$1" | sort; }
diff <(ends_sorted "$O/direct/edges.csv") <(ends_sorted "$O/back/edges.csv") >"$TMP/diff"
check "graphml round trip keeps ties, weights, years" $? "$(head -20 "$TMP/diff")"
# hostile text (quotes, <, &, a line break, Cyrillic, Arabic, CJK, an emoji) through GraphML and back
run convert "$HOSTILE" -o "$TMP/h.graphml"
run convert "$TMP/h.graphml" -o "$TMP/hback/"
expect_status "convert hostile graphml back" 0
diff -u "$HOSTILE/nodes.csv" "$TMP/hback/nodes.csv" >"$TMP/diff"; check "hostile labels round trip through graphml" $? "$(head -20 "$TMP/diff")"
# the input's ties with their columns in the order coopmap writes them (weight, year, kind)
diff <(ends_sorted "$HOSTILE/edges.csv") <(ends_sorted "$TMP/hback/edges.csv") >"$TMP/diff"
check "hostile tie kinds round trip through graphml" $? "$(head -20 "$TMP/diff")"

# GraphML keys by hand: the id is the node id; text, years and coordinates typed
grep -q '<node id="c-quote">' "$TMP/h.graphml" &&
	grep -q '<key id="v_lat" for="node" attr.name="lat" attr.type="double"/>' "$TMP/h.graphml" &&
	grep -q '<key id="v_year" for="node" attr.name="year" attr.type="long"/>' "$TMP/h.graphml" &&
	grep -q '<key id="e_year" for="edge" attr.name="year" attr.type="long"/>' "$TMP/h.graphml" &&
	grep -q '<key id="e_weight" for="edge" attr.name="weight" attr.type="double"/>' "$TMP/h.graphml" &&
	grep -q '<data key="v_label">Cité &quot;Les Quais&quot; &amp; &lt;Port&gt;</data>' "$TMP/h.graphml"
check "graphml ids and key types" $? "$(head -c 600 "$TMP/h.graphml")"

# the measures are those of metrics (one definition): the same betweenness column
run metrics graphs/cites-educatives --metrics betweenness,community --format csv
cut -d, -f1,5,6 "$TMP/out" | sort >"$TMP/m1"
awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i } NR > 1 { print $1 "," $c["betweenness"] "," $c["community"] }' \
	"$O/direct/nodes.csv" | sort >"$TMP/m2"
[ "$(wc -l <"$TMP/m2")" -eq 103 ] && diff <(grep -v '^id,' "$TMP/m1") "$TMP/m2" >"$TMP/diff"
check "convert's betweenness and community are metrics'" $? "$(head -5 "$TMP/diff")"

# errors and the measures a network cannot have
run convert graphs/cites-educatives -o "$TMP/x.graphml" --measures degree,bogus
expect_status "convert --measures with an unknown name" 2
expect_err "convert --measures with an unknown name" "unknown measure 'bogus'"
run convert graphs/cites-educatives -o "$TMP/x.graphml" --layout sfdp
expect_status "convert --layout sfdp" 2
run convert graphs/cites-educatives -o "$TMP/x.dot" --layout fr
expect_status "convert --layout to DOT" 2
expect_err "convert --layout to DOT" "a DOT export carries no positions"
printf 'source,target\na,b\nb,c\n' >"$TMP/plain.csv"
run convert "$TMP/plain.csv" -o "$TMP/plain.graphml" --measures all
expect_status "convert --measures all without cites or regions" 0
expect_err "convert --measures all without cites" "isolation_level left out"
expect_err "convert --measures all without regions" "brokerage left out"
grep -q 'attr.name="pagerank"' "$TMP/plain.graphml" && ! grep -q 'isolation_level' "$TMP/plain.graphml"
check "measures all without cites: the others are there" $?
run convert "$TMP/plain.csv" -o "$TMP/plain.graphml" --measures isolation_level
expect_status "convert --measures isolation_level without cites" 2
# a column of the input with a measure's name is replaced, and coopmap says so
printf 'id,degree\na,many\n' >"$TMP/deg-nodes.csv"
run convert "$TMP/plain.csv" --nodes "$TMP/deg-nodes.csv" -o "$TMP/deg/" --measures degree
expect_err "convert --measures replaces an input column" "the input's actor attribute 'degree' is replaced"
grep -q '^a,a,,,1$' "$TMP/deg/nodes.csv"; check "the degree column holds the measure" $? "$(cat "$TMP/deg/nodes.csv")"
# brokerage is brokers' total and isolation_level isolated's level (one definition each)
run brokers graphs/cites-educatives --format csv
awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next } { print $1 "," $c["total"] }' "$TMP/out" | sort >"$TMP/b1"
awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next } { print $1 "," $c["brokerage"] }' "$O/direct/nodes.csv" | sort >"$TMP/b2"
[ "$(wc -l <"$TMP/b1")" -eq 103 ] && diff "$TMP/b1" "$TMP/b2" >"$TMP/diff"
check "convert's brokerage is brokers' total" $? "$(head -5 "$TMP/diff")"
run isolated graphs/cites-educatives --format csv
awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next } { print $1 "," $c["level"] }' "$TMP/out" | sort >"$TMP/i1"
awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next } $c["isolation_level"] != "" { print $1 "," $c["isolation_level"] }' \
	"$O/direct/nodes.csv" | sort >"$TMP/i2"
[ "$(wc -l <"$TMP/i1")" -eq 60 ] && diff "$TMP/i1" "$TMP/i2" >"$TMP/diff"
check "convert's isolation_level is isolated's level" $? "$(wc -l <"$TMP/i1") $(head -5 "$TMP/diff")"
