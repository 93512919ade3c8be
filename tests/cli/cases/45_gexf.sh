# coopmap convert to GEXF (Gephi's format), checked by independent readers:
# gephi/gexf's RelaxNG schema for 1.3 (xmllint), NetworkX's read_gexf for
# ids, labels, attribute types and values, weights and spells (compared with
# the input CSV files, not with coopmap), and `render`'s own DOT output with
# Graphviz resolving the colours, for the map's positions, colours and sizes.

S=graphs/cites-educatives
SCHEMA=$DATA/interop/gexf-schema-1.3

run convert "$S" -o "$TMP/s13.gexf" --gexf-version 1.3
expect_status "convert to gexf 1.3" 0
xmllint --noout --relaxng "$SCHEMA/gexf.rng" "$TMP/s13.gexf" 2>"$TMP/diff"
check "gexf 1.3 output is valid against gephi/gexf's schema" $? "$(head -5 "$TMP/diff")"

run convert "$S" -o "$TMP/s.gexf"
expect_status "convert to gexf (1.2draft)" 0
grep -q 'xmlns="http://www.gexf.net/1.2draft"' "$TMP/s.gexf"; check "gexf default is 1.2draft" $?

run convert "$S" -o "$TMP/x.gexf" --gexf-version 1.4
expect_status "convert gexf unknown version" 2
expect_err "convert gexf unknown version" "unknown GEXF version '1.4'"

run convert "$S" -o - -T gexf --seed 7
expect_status "convert -T gexf to stdout" 0
grep -q '<gexf' "$TMP/out"; check "convert -T gexf writes GEXF" $?

# render's map of the same seed, as DOT (positions after Graphviz, fill colour numbers)
"${WRAP[@]}" "$BIN" render "$S" -o "$TMP/map.dot" --quiet 2>/dev/null
check "render the sample as dot" $?

if python3 -c 'import networkx' 2>/dev/null; then
	for f in s.gexf s13.gexf; do
		python3 - "$S" "$TMP/$f" "$TMP/map.dot" >"$TMP/py" 2>&1 <<'PY'
import csv, math, re, subprocess, sys
import networkx as nx

src, gexf, mapdot = sys.argv[1:4]
errors = []
def fail(msg):
    errors.append(msg)

# NetworkX 2.8+ reads 1.1draft and 1.2draft; 1.3 is read by pretending it is
# 1.2draft (same elements for what coopmap writes), as Gephi users do
text = open(gexf, encoding="utf-8").read()
if 'version="1.3"' in text:
    text = text.replace("http://gexf.net/1.3", "http://www.gexf.net/1.2draft").replace('version="1.3"', 'version="1.2"')
    gexf = gexf + ".as12"
    open(gexf, "w", encoding="utf-8").write(text)
g = nx.read_gexf(gexf, node_type=str)
if g.is_directed():
    fail("the graph is directed")

nodes = list(csv.DictReader(open(src + "/nodes.csv", encoding="utf-8")))
if list(g.nodes) != [n["id"] for n in nodes]:
    fail("node ids differ from nodes.csv: %r" % list(g.nodes)[:5])
# types: year is a whole number, lat and lon decimals, the rest text
kinds = {"year": int, "lat": float, "lon": float}
for n in nodes:
    d = g.nodes.get(n["id"], {})
    if d.get("label") != n["label"]:
        fail("%s: label %r, want %r" % (n["id"], d.get("label"), n["label"]))
    for col, value in n.items():
        if col in ("id", "label"):
            continue
        if value == "":
            if col in d:
                fail("%s: empty %s written as %r" % (n["id"], col, d[col]))
            continue
        want = kinds.get(col, str)(value)
        if d.get(col) != want or type(d.get(col)) is not type(want):
            fail("%s: %s = %r, want %r" % (n["id"], col, d.get(col), want))

ties = list(csv.DictReader(open(src + "/edges.csv", encoding="utf-8")))
if g.number_of_edges() != len(ties):
    fail("%d ties, want %d" % (g.number_of_edges(), len(ties)))
for t in ties:
    d = g.get_edge_data(t["source"], t["target"])
    if d is None:
        fail("tie %s -- %s missing" % (t["source"], t["target"]))
        continue
    if d.get("weight") != float(t["weight"]):
        fail("tie %s -- %s: weight %r, want %s" % (t["source"], t["target"], d.get("weight"), t["weight"]))
    if d.get("kind") != t["kind"]:
        fail("tie %s -- %s: kind %r" % (t["source"], t["target"], d.get("kind")))
    # a tie exists from its year to the network's last year (2022 in edges.csv)
    want = (int(t["year"]), [(int(t["year"]), 2022)]) if t["year"] else (None, None)
    if (d.get("year"), d.get("spells")) != want:
        fail("tie %s -- %s: year %r spells %r, want %s" % (t["source"], t["target"], d.get("year"),
                                                           d.get("spells"), t["year"]))
if g.graph.get("mode") != "dynamic":
    fail("graph mode %r, want dynamic" % g.graph.get("mode"))

# the map: render's DOT names actors n0, n1... in the order of nodes.csv
dot = open(mapdot, encoding="utf-8").read()
defaults = {"fillcolor": "#cccccc", "shape": "circle", "width": "0.2"}  # the node defaults build.c sets
found = {}
for m in re.finditer(r"\tn(\d+)\t\[(.*?)\];", dot, re.S):
    attrs = dict(re.findall(r'(\w+)=("[^"]*"|[^,\s\]]+)', m.group(2)))
    found[int(m.group(1))] = dict(defaults, **{k: v.strip('"') for k, v in attrs.items()})
if len(found) != len(nodes):
    fail("render's DOT has %d actors" % len(found))
# Graphviz resolves the fill colours ("/paired12/2"...): one node per colour, drawn with xdot
numbers = sorted({a["fillcolor"] for a in found.values()})
probe = "graph { node [style=filled]; %s }" % (
    " ".join('c%d [fillcolor="%s"];' % (i, c) for i, c in enumerate(numbers)))
xdot = subprocess.run(["dot", "-Txdot"], input=probe, capture_output=True, text=True).stdout
rgb = {}
for i, c in enumerate(numbers):
    m = re.search(r"c%d\s+\[.*?_draw_=\"[^\"]*?C 7 -#([0-9a-f]{6})" % i, xdot, re.S)
    rgb[c] = tuple(int(m.group(1)[i:i + 2], 16) for i in (0, 2, 4))
positions = []
for k, n in enumerate(nodes):
    d, a = g.nodes[n["id"]], found[k]
    viz = d.get("viz", {})
    x, y = (float(v) for v in a["pos"].split(","))
    positions.append((x, y, viz["position"]["x"], viz["position"]["y"]))
    col = viz.get("color", {})
    if (col.get("r"), col.get("g"), col.get("b")) != rgb[a["fillcolor"]]:
        fail("%s: colour %r, render fills with %r" % (n["id"], col, rgb[a["fillcolor"]]))
    # Graphviz keeps a circle's width as given, rounded to the point (a doublecircle grows by its ring)
    if a["shape"] == "circle" and abs(viz["size"] * 2 - float(a["width"]) * 72) > 0.52:
        fail("%s: size %r, render's width %s in" % (n["id"], viz["size"], a["width"]))
# Graphviz may move the whole drawing: compare positions relative to the first actor
x0, y0, gx0, gy0 = positions[0]
for (x, y, gx, gy), n in zip(positions, nodes):
    if abs((x - x0) - (gx - gx0)) > 0.1 or abs((y - y0) - (gy - gy0)) > 0.1:
        fail("%s: position (%g, %g), render's (%g, %g)" % (n["id"], gx, gy, x, y))
print("\n".join(errors[:10]) if errors else "ok")
PY
		[ "$(cat "$TMP/py")" = ok ]
		check "networkx reads $f as the input and render's map" $? "$(head -c 600 "$TMP/py")"
	done
else
	echo "SKIP: python3-networkx missing (make deps installs it): GEXF not checked by NetworkX"
fi

# hostile text: quotes, <, &, a line break, another script, read back by NetworkX
printf 'id,label,note\na,"<b> & ""q""",\xd0\x9a\xd0\xb8\xd1\x97\xd0\xb2\nb,"line1\nline2",=1+1\n' >"$TMP/hn.csv"
printf 'source,target\na,b\n' >"$TMP/he.csv"
run convert "$TMP/he.csv" --nodes "$TMP/hn.csv" -o "$TMP/h.gexf"
expect_status "convert hostile labels to gexf" 0
if python3 -c 'import networkx' 2>/dev/null; then
	python3 -c '
import sys, networkx as nx
g = nx.read_gexf(sys.argv[1], node_type=str)
want = {"a": ("<b> & \"q\"", "\u041a\u0438\u0457\u0432"), "b": ("line1\nline2", "=1+1")}
got = {v: (d["label"], d.get("note")) for v, d in g.nodes(data=True)}
print("ok" if got == want else repr(got))' "$TMP/h.gexf" >"$TMP/py" 2>&1
	[ "$(cat "$TMP/py")" = ok ]; check "networkx reads hostile labels from gexf" $? "$(head -c 300 "$TMP/py")"
fi

# Reading GEXF: files in the forms Gephi and the GEXF primer use (hand-written
# fixtures, tests/data/interop/gexf/README.md); the expected CSV files are
# the fixtures' content written out by hand
G=$DATA/interop/gexf
run convert "$G/gephi-1.3-dynamic.gexf" -o "$TMP/g13/"
expect_status "read gephi gexf 1.3 dynamic" 0
expect_err "read gephi gexf 1.3 dynamic" "2 ties dated by the start of their spells"
diff -u "$EXP/gexf_gephi13_nodes.csv" "$TMP/g13/nodes.csv" >"$TMP/diff"; check "gexf 1.3: actors, labels, attributes" $? "$(head -20 "$TMP/diff")"
diff -u "$EXP/gexf_gephi13_edges.csv" "$TMP/g13/edges.csv" >"$TMP/diff"; check "gexf 1.3: weights, earliest spell as year" $? "$(head -20 "$TMP/diff")"
run summary "$G/gephi-1.3-dynamic.gexf" --to 2020 --format json --quiet
grep -q '"edges": 1,' "$TMP/out"; check "gexf spells date the ties for --to" $? "$(head -c 300 "$TMP/out")"

run convert "$G/gephi-1.2-static.gexf" -o "$TMP/g12/"
expect_status "read gephi gexf 1.2 static" 0
diff -u "$EXP/gexf_gephi12_nodes.csv" "$TMP/g12/nodes.csv" >"$TMP/diff"; check "gexf 1.2: titles, defaults, entities" $? "$(head -20 "$TMP/diff")"
diff -u "$EXP/gexf_gephi12_edges.csv" "$TMP/g12/edges.csv" >"$TMP/diff"; check "gexf 1.2: undirected merge, default weight 1" $? "$(head -20 "$TMP/diff")"
run convert "$G/gephi-1.2-static.gexf" --directed -o "$TMP/g12d/"
diff -u "$EXP/gexf_gephi12_directed_edges.csv" "$TMP/g12d/edges.csv" >"$TMP/diff"; check "gexf 1.2 --directed keeps both ties" $? "$(head -20 "$TMP/diff")"

run convert "$G/gexf-1.1-slices.gexf" -o "$TMP/g11/"
expect_status "read gexf 1.1 with slices and dates" 0
diff -u "$EXP/gexf_11_edges.csv" "$TMP/g11/edges.csv" >"$TMP/diff"; check "gexf 1.1: years from start dates and slices" $? "$(head -20 "$TMP/diff")"

# .xml or no extension: the root element says GEXF (it used to be read as GraphML)
cp "$G/gephi-1.2-static.gexf" "$TMP/gephi.xml"
run summary "$TMP/gephi.xml" --quiet
expect_status "a gexf file named .xml is read as gexf" 0

# faults: no DTD, no entity (XXE, billion laughs), file:line errors
run summary "$G/xxe.gexf"
expect_status "gexf xxe refused" 3
expect_err "gexf xxe refused" "xxe.gexf:2: a document type declaration (DOCTYPE) is not allowed in GEXF"
grep -q root: "$TMP/err" "$TMP/out"; [ $? -ne 0 ]; check "gexf xxe reads no file" $?
run summary "$G/billion-laughs.gexf"
expect_status "gexf billion laughs refused" 3
expect_err "gexf billion laughs refused" "billion-laughs.gexf:2: a document type declaration (DOCTYPE) is not allowed"
run summary "$G/malformed.gexf"
expect_status "gexf malformed" 3
expect_err "gexf malformed" "malformed.gexf:7: not well-formed XML: Opening and ending tag mismatch: node line 6 and nodes"
run summary "$G/unknown-node.gexf"
expect_status "gexf tie to an unknown node" 3
expect_err "gexf tie to an unknown node" "unknown-node.gexf:8: edge target 'zz' is not a node of the file"
printf '<graphml/>' >"$TMP/g.gexf"
run summary "$TMP/g.gexf"
expect_status "gexf with another root" 3
expect_err "gexf with another root" "not a GEXF file: the root element is <graphml>"

# round trips through coopmap's own writer, hostile text included: the CSV
# folder written from the GEXF equals the one written from the input
for v in 1.2 1.3; do
	for src in graphs/cites-educatives "$TMP/he.csv --nodes $TMP/hn.csv"; do
		# shellcheck disable=SC2086
		"$BIN" convert $src -o "$TMP/rt.gexf" --gexf-version $v --quiet 2>/dev/null &&
			"$BIN" convert "$TMP/rt.gexf" -o "$TMP/rtg/" --quiet 2>/dev/null &&
			"$BIN" convert $src -o "$TMP/rtc/" --quiet 2>/dev/null &&
			diff -r "$TMP/rtc" "$TMP/rtg" >"$TMP/diff"
		check "gexf $v round trip of ${src%% *}" $? "$(head -10 "$TMP/diff")"
		rm -rf "$TMP/rtg" "$TMP/rtc"
	done
done

# a GEXF file that NetworkX writes, with typed attributes, read back
if python3 -c 'import networkx' 2>/dev/null; then
	python3 -c '
import sys, networkx as nx
g = nx.Graph()
g.add_node("x", label="Ex", score=1.5, region="Corse")
g.add_node("y", label="Why", score=2.0, region="")
g.add_edge("x", "y", weight=3.0, kind="projet")
nx.write_gexf(g, sys.argv[1])' "$TMP/nx.gexf"
	run convert "$TMP/nx.gexf" -o "$TMP/nx/"
	expect_status "read networkx gexf" 0
	printf 'id,label,type,region,score\nx,Ex,,Corse,1.5\ny,Why,,,2.0\n' | diff -u - "$TMP/nx/nodes.csv" >"$TMP/diff"
	check "networkx gexf: actors and attributes" $? "$(head -10 "$TMP/diff")"
	printf 'source,target,weight,year,kind\nx,y,3,,projet\n' | diff -u - "$TMP/nx/edges.csv" >"$TMP/diff"
	check "networkx gexf: ties" $? "$(head -10 "$TMP/diff")"
fi
