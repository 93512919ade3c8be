# Reading what other tools wrote (issue 13): Graphviz's own DOT output, a
# DOT tie attribute named key, Pajek as Pajek and NetworkX write it, GML
# keys that clash, and real published GEXF and GraphML files
# (tests/data/published/README.md gives their sources).  Expected values are
# written here by hand from the fixtures, or come from python-igraph and
# NetworkX reading the same files.

PUB=$DATA/published
PYD=/usr/bin/python3   # Debian's, with python3-igraph and python3-networkx (make deps)

# --- DOT written by Graphviz: \N, \G, \E expanded as Graphviz draws them
# (graphviz-xdot.dot's own _ldraw_ shows "a->b" and "net: c")
for f in graphviz-xdot graphviz-canon; do
	run convert "$DATA/interop/dot/$f.dot" -o "$TMP/$f/" --directed
	expect_status "read $f.dot" 0
	printf 'id,label\na,a\nb,b\nc,net: c\n' | diff -u - <(cut -d, -f1,2 "$TMP/$f/nodes.csv") >"$TMP/diff"
	check "$f.dot: labels \\N and \\G: \\N expanded" $? "$(head -10 "$TMP/diff")"
	grep -q '^a,b,2,.*,k1$' "$TMP/$f/edges.csv"; check "$f.dot: tie key k1 kept" $? "$(cat "$TMP/$f/edges.csv")"
	grep -qF 'a->b' "$TMP/$f/edges.csv"; check "$f.dot: tie label \\E is a->b" $? "$(cat "$TMP/$f/edges.csv")"
done

# --- a tie attribute named key: coopmap's DOT writer and reader round trip it
printf 'source,target,weight,key\na,b,2,k1\nb,c,1,"k 2"\n' >"$TMP/key.csv"
run convert "$TMP/key.csv" -o "$TMP/key.dot"
expect_status "write a tie attribute named key to DOT" 0
run convert "$TMP/key.dot" -o "$TMP/keyback/"
expect_status "read the DOT back" 0
printf 'source,target,weight,year,kind,key\na,b,2,,,k1\nb,c,1,,,k 2\n' | diff -u - "$TMP/keyback/edges.csv" >"$TMP/diff"
check "DOT round trip keeps the key attribute" $? "$(head -10 "$TMP/diff")"

# --- Pajek: *Arcs then an empty *Edges (as Pajek writes a directed network) is directed
run convert "$DATA/interop/pajek/arcs-empty-edges.net" --directed -o "$TMP/arcs/"
expect_status "read *Arcs then empty *Edges" 0
printf 'source,target,weight,year,kind\na,b,2,,\nb,c,1,,\nc,a,1,,\n' | diff -u - "$TMP/arcs/edges.csv" >"$TMP/diff"
check "*Arcs then empty *Edges: three arcs a->b->c->a" $? "$(head -10 "$TMP/diff")"
run summary "$DATA/interop/pajek/arcs-empty-edges.net" --directed --format csv
grep -q '^density,0.5$' "$TMP/out"; check "*Arcs then empty *Edges: directed density 3/6" $? "$(cat "$TMP/out")"

# --- Pajek two-mode: *Vertices 5 2, the first two are actors (bipartite 0), the rest events;
# read as two-mode (docs/twomode.md): --bipartite writes the two modes apart
run convert "$DATA/interop/pajek/two-mode.net" --bipartite -o "$TMP/two/"
expect_status "read a two-mode Pajek file" 0
printf 'id,label,type,region\nAna,Ana,,\nBruno,Bruno,,\n' | diff -u - "$TMP/two/nodes.csv" >"$TMP/diff"
check "two-mode Pajek: the first mode are the actors, type left empty" $? "$(head -10 "$TMP/diff")"
printf 'id,label,type,region\nforum 2021,forum 2021,event,\natelier,atelier,event,\nvisite,visite,event,\n' | diff -u - "$TMP/two/events.csv" >"$TMP/diff"
check "two-mode Pajek: the second mode are the events" $? "$(head -10 "$TMP/diff")"
if $PYD -c 'import igraph' 2>/dev/null; then
	# python-igraph's own reading of the file: its "type" is the mode
	$PYD -c 'import igraph, sys; g = igraph.Graph.Read_Pajek(sys.argv[1]); print("\n".join("%s,%d" % (v["id"], int(v["type"])) for v in g.vs))' \
		"$DATA/interop/pajek/two-mode.net" >"$TMP/py" 2>&1
	{ tail -n +2 "$TMP/two/nodes.csv" | cut -d, -f1 | sed 's/$/,0/'; tail -n +2 "$TMP/two/events.csv" | cut -d, -f1 | sed 's/$/,1/'; } |
		diff -u "$TMP/py" - >"$TMP/diff"
	check "two-mode Pajek: bipartite is python-igraph's type" $? "$(head -10 "$TMP/diff")"
fi

# --- Pajek files NetworkX writes with attributes ("1 a 1.5 2.0 box region
# Bretagne"): read, the attributes compared with NetworkX's own read_pajek
run convert "$DATA/interop/pajek/networkx-attrs.net" -o "$TMP/nxp/"
expect_status "networkx pajek with node and edge attributes" 0
expect_err "networkx pajek: the attributes are named" "attributes written by NetworkX (not Pajek's) read as text: 'region', 'kind'"
grep -q "ALNUM\|syntax error" "$TMP/err"; [ $? -ne 0 ]; check "no parser jargon" $? "$(cat "$TMP/err")"
if $PYD -c 'import networkx' 2>/dev/null; then
	$PYD - "$DATA/interop/pajek/networkx-attrs.net" "$TMP/nxp" >"$TMP/py" 2>&1 <<'PY'
import csv, sys
import networkx as nx
g = nx.read_pajek(sys.argv[1])
errors = []
nodes = {r["id"]: r for r in csv.DictReader(open(sys.argv[2] + "/nodes.csv", encoding="utf-8"))}
if sorted(nodes) != sorted(g.nodes):
    errors.append("ids %r" % sorted(nodes))
for v, d in g.nodes(data=True):
    r = nodes.get(v, {})
    if r.get("region") != d.get("region", "") or r.get("shape") != d["shape"] or float(r.get("x")) != d["x"]:
        errors.append("%s: %r against %r" % (v, r, d))
ties = list(csv.DictReader(open(sys.argv[2] + "/edges.csv", encoding="utf-8")))
want = sorted((min(a, b), max(a, b), d["weight"], d.get("kind", "")) for a, b, d in g.edges(data=True))
got = sorted((min(t["source"], t["target"]), max(t["source"], t["target"]), float(t["weight"]), t["kind"]) for t in ties)
if want != got:
    errors.append("ties %r against %r" % (got, want))
print("\n".join(errors) if errors else "ok")
PY
	[ "$(cat "$TMP/py")" = ok ]; check "networkx pajek: what coopmap read equals NetworkX's read_pajek" $? "$(head -5 "$TMP/py")"
fi
run convert "$DATA/interop/pajek/networkx-edge-attrs.net" -o "$TMP/nxe/"
expect_status "networkx pajek with edge attributes only" 0
printf 'source,target,weight,year,kind\na,b,2,,partenariat\nb,c,1,,\n' | diff -u - "$TMP/nxe/edges.csv" >"$TMP/diff"
check "networkx pajek: tie kind read" $? "$(head -10 "$TMP/diff")"
# a word that is neither a Pajek parameter nor a key with a value: refused in words, with the line
run summary "$DATA/interop/pajek/word-without-value.net"
expect_status "pajek word without a value" 3
expect_err "pajek word without a value" "word-without-value.net:7: tie attribute 'lonely' is not a Pajek parameter and has no value"

# --- GML keys: context_0 and context0 both kept, the renamed one said
mkdir -p "$TMP/gc"
printf 'id,context_0,context0\na,x,y\nb,z,w\n' >"$TMP/gc/nodes.csv"
printf 'source,target\na,b\n' >"$TMP/gc/edges.csv"
run convert "$TMP/gc" -o "$TMP/gc.gml"
expect_status "gml with clashing keys" 0
expect_err "gml says the renamed key" "actor attribute 'context_0' written as 'context02'"
grep -q 'context0 "y"' "$TMP/gc.gml" && grep -q 'context02 "x"' "$TMP/gc.gml"
check "gml: an attribute already named as a key keeps its name" $? "$(grep context "$TMP/gc.gml")"

# --- published GEXF (gephi/gexf's data.gexf): 4 nodes; 5 directed edges,
# 0->1 and 1->0 one tie when undirected; frog's <default> true, false for 3
run convert "$PUB/gexf-data.gexf" -o "$TMP/gd/"
expect_status "read gexf-data.gexf" 0
printf 'id,label,type,region,url,indegree,frog\n0,Gephi,,,http://gephi.org,1,true\n1,Webatlas,,,http://webatlas.fr,2,true\n2,RTGI,,,http://rtgi.fr,1,true\n3,BarabasiLab,,,http://barabasilab.com,1,false\n' |
	diff -u - "$TMP/gd/nodes.csv" >"$TMP/diff"
check "gexf-data.gexf: ids, labels, attributes and the default" $? "$(head -10 "$TMP/diff")"
run summary "$PUB/gexf-data.gexf" --directed --format csv
grep -q '^nodes,4$' "$TMP/out" && grep -q '^edges,5$' "$TMP/out"
check "gexf-data.gexf --directed: 4 nodes, 5 edges" $? "$(cat "$TMP/out")"

# gephi/gexf's viz.gexf (1.3, viz:color with alpha): one node, no edge
run convert "$PUB/gexf-viz.gexf" -o "$TMP/gv/"
expect_status "read gexf-viz.gexf" 0
printf 'id,label,type,region\na,glossy,,\n' | diff -u - "$TMP/gv/nodes.csv" >"$TMP/diff"
check "gexf-viz.gexf: node a labelled glossy" $? "$(head -10 "$TMP/diff")"

# gephi/gexf's dynamics_edgeweight.gexf (1.1draft, dates): ties dated by
# their start (2009-03-01); 2->1 has only an end: undated; weights 1, 3, 1, 1, 2
run convert "$PUB/gexf-dynamics-edgeweight.gexf" --directed -o "$TMP/gw/"
expect_status "read gexf-dynamics-edgeweight.gexf" 0
printf '0,1,1,2009\n0,2,3,2009\n1,0,1,2009\n2,1,1,\n0,3,2,2009\n' | diff -u - <(tail -n +2 "$TMP/gw/edges.csv" | cut -d, -f1-4) >"$TMP/diff"
check "gexf-dynamics-edgeweight.gexf: ties, weights and years" $? "$(head -10 "$TMP/diff")"
printf '0,true,1\n1,true,1\n2,true,0\n3,false,0\n' | diff -u - <(tail -n +2 "$TMP/gw/nodes.csv" | cut -d, -f1,6,7) >"$TMP/diff"
check "gexf-dynamics-edgeweight.gexf: frog default and the first indegree" $? "$(head -10 "$TMP/diff")"

# Gephi's importer test dynamicedgeweight.gexf (1.3, timestamps)
run convert "$PUB/gephi-import-dynamicedgeweight.gexf" --directed -o "$TMP/gi/"
expect_status "read gephi-import-dynamicedgeweight.gexf" 0
printf 'id,label,type,region\n0,Hello,,\n1,Word,,\n' | diff -u - "$TMP/gi/nodes.csv" >"$TMP/diff"
check "dynamicedgeweight.gexf: nodes Hello and Word" $? "$(head -10 "$TMP/diff")"
[ "$(tail -n +2 "$TMP/gi/edges.csv" | cut -d, -f1,2)" = "0,1" ]; check "dynamicedgeweight.gexf: one tie 0->1" $? "$(cat "$TMP/gi/edges.csv")"
expect_err "dynamicedgeweight.gexf says it keeps the first value" "values over time: the first value kept"

# Written by Gephi's GEXF exporter (its test's expected output): "null" for a
# double without a value is no value; INF and -INF stay as Gephi wrote them
run convert "$PUB/gephi-export-includenullattvalues.gexf" -o "$TMP/gn/"
expect_status "read gephi-export-includenullattvalues.gexf" 0
printf 'id,label,type,region,value\n1,1,,,\n2,2,,,11.0\n' | diff -u - "$TMP/gn/nodes.csv" >"$TMP/diff"
check "Gephi's null attvalue is no value" $? "$(head -10 "$TMP/diff")"
run convert "$PUB/gephi-export-infinity.gexf" -o "$TMP/gf/"
expect_status "read gephi-export-infinity.gexf" 0
printf 'id,label,type,region,value\n1,1,,,INF\n2,2,,,-INF\n' | diff -u - "$TMP/gf/nodes.csv" >"$TMP/diff"
check "Gephi's INF values kept" $? "$(head -10 "$TMP/diff")"

# Gephi's GraphML importer tests: <desc> is not data; keys declared inside
# <graph> are not GraphML (NetworkX refuses the file: "no key lbl"): the
# network is read, igraph says it ignores their data
for f in gephi-import-withdesc gephi-import-cdata; do
	run convert "$PUB/$f.graphml" --directed -o "$TMP/$f/"
	expect_status "read $f.graphml" 0
	printf 'source,target,weight,year,kind,id\nn0,n1,1,,,e0\n' | diff -u - "$TMP/$f/edges.csv" >"$TMP/diff"
	check "$f.graphml: one tie n0->n1 (e0)" $? "$(head -10 "$TMP/diff")"
done
expect_err "cdata.graphml: the ignored key is named" "Unknown attribute key 'lbl'"

# --- CSV: a CRLF (or a CR) inside a quoted field is read as LF (docs/input.md says why)
printf 'source,target,kind\r\na,b,"line1\r\nline2"\r\nb,c,"x\ry"\r\n' >"$TMP/crlf.csv"
run convert "$TMP/crlf.csv" -o "$TMP/crlf/"
expect_status "csv with CRLF inside a quoted field" 0
printf 'source,target,weight,year,kind\na,b,1,,"line1\nline2"\nb,c,1,,"x\ny"\n' | diff -u - "$TMP/crlf/edges.csv" >"$TMP/diff"
check "CRLF and CR inside a quoted field become LF" $? "$(head -10 "$TMP/diff")"

# --- DOT written by coopmap: a label holding \N or a backslash is drawn by
# Graphviz as that text (its own _ldraw_ says so), and read back the same
mkdir -p "$TMP/bsl"
printf 'id,label\nx,"a\\N b\\\\c"\ny,y\n' >"$TMP/bsl/nodes.csv"
printf 'source,target\nx,y\n' >"$TMP/bsl/edges.csv"
run convert "$TMP/bsl" -o "$TMP/bsl.dot"
expect_status "write a label with backslashes to DOT" 0
if command -v dot >/dev/null; then
	dot -Txdot "$TMP/bsl.dot" 2>&1 | grep -qF -- '-a\N b\\c'
	check "Graphviz draws the label's backslashes as they are" $? "$(dot -Txdot "$TMP/bsl.dot" 2>&1 | grep -F _ldraw_ | head -2)"
fi
run convert "$TMP/bsl.dot" -o "$TMP/bslback/"
grep -qF 'x,a\N b\\c,' "$TMP/bslback/nodes.csv"; check "a label with backslashes reads back from DOT" $? "$(cat "$TMP/bslback/nodes.csv")"
