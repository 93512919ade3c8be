# GML: coopmap writes 7-bit ASCII with &#NNN; entities (NetworkX's read_gml
# reads it; it refused coopmap's UTF-8 GML), says what it renames, and reads
# numeric entities and `value` (the weight of published GML files).

# entities decoded and value taken as the weight (expected values written
# from the fixture by hand: &#38; is &, &#233; é, &#x2014; an em dash)
run convert "$DATA/interop/gml/value-entities.gml" -o "$TMP/ve/"
expect_status "read gml with value and entities" 0
expect_err "read gml with value and entities" "the ties' 'value' is taken as their weight"
grep -q "unknown entities" "$TMP/err"; [ $? -ne 0 ]; check "gml numeric entities raise no igraph warning" $? "$(cat "$TMP/err")"
printf 'id,label,type,region\nTexasA&M,TexasA&M,,\nUniversit\303\251 Paris \342\200\224 Nord,Universit\303\251 Paris \342\200\224 Nord,,\nRice,Rice,,\n' |
	diff -u - "$TMP/ve/nodes.csv" >"$TMP/diff"; check "gml entities decoded in ids and labels" $? "$(head -10 "$TMP/diff")"
printf 'source,target,weight,year,kind\nTexasA&M,Universit\303\251 Paris \342\200\224 Nord,3,,\nUniversit\303\251 Paris \342\200\224 Nord,Rice,1.5,,\n' |
	diff -u - "$TMP/ve/edges.csv" >"$TMP/diff"; check "gml value is the weight" $? "$(head -10 "$TMP/diff")"
# coopmap reads its own CSV export of that network (it used to refuse: weight and value)
run summary "$TMP/ve" --quiet
expect_status "csv export of a gml with value reads back" 0

# writing: ASCII only, no raw line break inside a string, renamed keys said
printf 'id,label,Edge Label,context_0\na,"Q""&<\303\251\nx \320\232\320\270\321\227\320\262",v,c\nb,B,w,d\n' >"$TMP/gn.csv"
printf 'source,target,weight,year\na,b,2.5,2020\n' >"$TMP/ge.csv"
run convert "$TMP/ge.csv" --nodes "$TMP/gn.csv" -o "$TMP/h.gml"
expect_status "convert hostile labels to gml" 0
expect_err "gml says what it renames" "GML: actor attribute 'edge label' written as 'edgelabel'"
expect_err "gml says what it renames (underscore)" "GML: actor attribute 'context_0' written as 'context0'"
LC_ALL=C grep -q '[^ -~]' "$TMP/h.gml"; [ $? -ne 0 ]; check "gml output is printable 7-bit ASCII, one line per key" $?
grep -q 'label "Q&quot;&amp;<&#233;&#10;x &#1050;&#1080;&#1111;&#1074;"' "$TMP/h.gml"
check "gml writes entities for quotes, &, non-ASCII and line breaks" $? "$(grep label "$TMP/h.gml" | head -3)"
run convert "$TMP/h.gml" -o "$TMP/hb/"
expect_status "coopmap reads its gml back" 0
printf 'id,label,type,region,edgelabel,context0\na,"Q""&<\303\251\nx \320\232\320\270\321\227\320\262",,,v,c\nb,B,,,w,d\n' |
	diff -u - "$TMP/hb/nodes.csv" >"$TMP/diff"; check "gml round trip keeps hostile labels" $? "$(head -10 "$TMP/diff")"

# NetworkX's read_gml reads the sample network and the hostile labels: ids,
# labels, weights and years compared with the input CSV files
if python3 -c 'import networkx' 2>/dev/null; then
	"$BIN" convert graphs/cites-educatives -o "$TMP/s.gml" --quiet 2>/dev/null
	python3 - graphs/cites-educatives "$TMP/s.gml" "$TMP/h.gml" >"$TMP/py" 2>&1 <<'PY'
import csv, sys
import networkx as nx
src, gml, hostile = sys.argv[1:4]
errors = []
g = nx.read_gml(gml, label="name")
nodes = list(csv.DictReader(open(src + "/nodes.csv", encoding="utf-8")))
if sorted(g.nodes) != sorted(n["id"] for n in nodes):
    errors.append("ids differ")
for n in nodes:
    d = g.nodes[n["id"]]
    if d.get("label") != n["label"] or d.get("region") != n["region"]:
        errors.append("%s: %r" % (n["id"], d))
for t in csv.DictReader(open(src + "/edges.csv", encoding="utf-8")):
    d = g.get_edge_data(t["source"], t["target"])
    want_year = int(t["year"]) if t["year"] else None
    if d is None or d.get("weight") != float(t["weight"]) or d.get("year") != want_year or d.get("kind") != t["kind"]:
        errors.append("tie %s -- %s: %r" % (t["source"], t["target"], d))
h = nx.read_gml(hostile, label="name")
want = 'Q"&<\u00e9\nx \u041a\u0438\u0457\u0432'
if h.nodes["a"].get("label") != want:
    errors.append("hostile label %r" % h.nodes["a"].get("label"))
print("\n".join(errors[:10]) if errors else "ok")
PY
	[ "$(cat "$TMP/py")" = ok ]; check "networkx read_gml reads coopmap's gml" $? "$(head -c 600 "$TMP/py")"
else
	echo "SKIP: python3-networkx missing (make deps installs it): GML not checked by NetworkX"
fi
# Debian's python3-igraph (make deps) is for Debian's python3, which another
# python3 first on the PATH may hide
PYIG=python3
python3 -c 'import igraph' 2>/dev/null || PYIG=/usr/bin/python3
if "$PYIG" -c 'import igraph' 2>/dev/null; then
	"$PYIG" -c '
import sys, igraph
g = igraph.Graph.Read_GML(sys.argv[1])
print("ok" if g.vcount() == 2 and g.ecount() == 1 and g.es[0]["weight"] == 2.5 else "bad")' "$TMP/h.gml" >"$TMP/py" 2>"$TMP/py.err"
	# igraph 0.10 reads &#NNN; verbatim, with a warning on stderr (docs/interop.md)
	[ "$(cat "$TMP/py")" = ok ]; check "python-igraph reads coopmap's gml" $? "$(head -c 300 "$TMP/py")"
else
	echo "SKIP: python3-igraph missing (make deps installs it): GML not checked by python-igraph"
fi
