#!/usr/bin/env python3
"""Write the seed corpus of each fuzz target into tests/fuzz/corpus/<target>/.

Real-looking French exports (';' and ',' separators, BOM, CRLF, quotes,
accents, Latin-1) and the bad inputs of each format.  The test inputs in
tests/data/load/ and the sample network are copied in as well.  Run from the
repository root; files are only added or overwritten, never removed (the
regression inputs of past findings live beside them).
"""
import glob
import os
import shutil

ROOT = "tests/fuzz/corpus"


def put(target, name, data):
    d = os.path.join(ROOT, target)
    os.makedirs(d, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def copy(target, pattern):
    for p in sorted(glob.glob(pattern)):
        if os.path.isfile(p) and os.path.getsize(p) < 200000:
            name = "data-" + p.replace("/", "_")
            shutil.copyfile(p, os.path.join(ROOT, target, name))


BOM = "\ufeff"
EDGES = {
    "comma.csv": "source,target,weight,year,kind\ncite-brest,crpv-bretagne,2,2021,projet\n"
                 "crpv-bretagne,reseau-rncrpv,1.5,2022,formation\ncite-rennes,cite-brest,1,,\n",
    "semicolon-fr.csv": "source;target;poids;année\nCité éducative de Brest;CRPV Bretagne;2,5;2021\n"
                        "\"Association « Les Amis »\";École Jules-Ferry;1;2020\n",
    "bom-crlf.csv": BOM + "source;target;weight\r\ncité-1;crpv-1;3\r\ncité-2;crpv-1;1\r\n",
    "quotes.csv": 'source,target,weight,kind\n"a, the first","b ""quoted""",1,"multi\nline"\n'
                  '"b ""quoted""",c,2,x\n',
    "tab.csv": "source\ttarget\tweight\tyear\na\tb\t1\t2019\nb\tc\t2\t2020\n",
    "latin1.csv": "source;target\nCit\xe9 de Cr\xe9teil;Ecole\n".encode("latin-1"),
    "directed-repeat.csv": "\x01source,target,weight,year\na,b,1,2020\nb,a,2,2021\na,b,3,2019\na,a,1,2020\n",
    "years.csv": "source,target,year\na,b,2019\nb,c,2020-2021\nc,d,2022\n",
    "empty.csv": "",
    "header-only.csv": "source,target,weight\n",
    "binary.csv": bytes(range(256)) * 2,
    "unterminated.csv": 'source,target\n"a,b\nc,d\n',
    "weights-bad.csv": "source,target,weight\na,b,-1\nb,c,NaN\nc,d,zz\nd,e,inf\ne,f,1e400\nf,g,0\n",
    "missing-column.csv": "source,weight\na,1\n",
    "ragged.csv": "source,target,weight\na,b\nb,c,1,extra\n",
    "nul.csv": b"source,target\na\x00b,c\n",
    "id-only-header.csv": "id,target\n1,2\n",
    "spaces.csv": " source , target , weight \n a , b , 1 \n",
}
for name, data in EDGES.items():
    put("csv_edges", name, data)
copy("csv_edges", "tests/data/load/*.csv")
copy("csv_edges", "tests/data/load/bad/*.csv")
copy("csv_edges", "tests/data/load/*.tsv")
copy("csv_edges", "graphs/cites-educatives/edges.csv")

NODES = {
    "nodes.csv": "id,label,type,region\na,Cité A,cite,Bretagne\nb,CRPV B,crpv,Bretagne\n"
                 "c,\"Asso \"\"C\"\"\",association,Normandie\n",
    "nodes-fr.csv": BOM + "id;libellé;type;région;année\r\ncite-1;Cité éducative;cite;Île-de-France;2020\r\n"
                    "crpv-1;CRPV;crpv;Île-de-France;\r\n",
    "nodes-dup.csv": "id,label\na,A\na,A bis\n",
    "nodes-no-id.csv": "label,type\nA,cite\n",
    "nodes-extra.csv": "id,label,type,region,lat,lon,department\na,A,cite,Bretagne,48.1,-1.6,35\n",
    "nodes-empty.csv": "",
    "nodes-binary.csv": bytes(range(255, -1, -1)),
    "nodes-unterminated.csv": 'id,label\na,"never closed\n',
}
for name, data in NODES.items():
    put("csv_nodes", name, data)
copy("csv_nodes", "tests/data/load/*nodes*.csv")
copy("csv_nodes", "tests/data/load/bad/nodes*.csv")
copy("csv_nodes", "graphs/cites-educatives/nodes.csv")

GRAPHML_HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n'
                '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n'
                '<key id="label" for="node" attr.name="label" attr.type="string"/>\n'
                '<key id="w" for="edge" attr.name="weight" attr.type="double"/>\n'
                '<key id="y" for="edge" attr.name="year" attr.type="string"/>\n'
                '<graph edgedefault="undirected">\n')
GRAPHML = {
    "ok.graphml": GRAPHML_HEAD + '<node id="a"><data key="label">Cité &amp; co &lt;1&gt;</data></node>\n'
                  '<node id="b"><data key="label">CRPV « Ouest »</data></node>\n'
                  '<edge source="a" target="b"><data key="w">2.5</data><data key="y">2021</data></edge>\n'
                  '</graph></graphml>\n',
    "latin1.graphml": ('<?xml version="1.0" encoding="ISO-8859-1"?>\n<graphml><graph edgedefault="undirected">'
                       '<node id="\xe9"/><node id="b"/><edge source="\xe9" target="b"/></graph></graphml>\n'
                       ).encode("latin-1"),
    "unclosed.graphml": GRAPHML_HEAD + '<node id="a">',
    "nested.graphml": '<graphml>' + '<graph edgedefault="undirected"><node id="n">' * 50,
    "weight-bad.graphml": GRAPHML_HEAD + '<node id="a"/><node id="b"/><edge source="a" target="b">'
                          '<data key="w">NaN</data></edge></graph></graphml>',
    "entity.graphml": '<?xml version="1.0"?>\n<!DOCTYPE g [<!ENTITY x "xxxxxxxxxx"><!ENTITY y "&x;&x;&x;&x;">]>\n'
                      '<graphml><graph edgedefault="undirected"><node id="&y;"/></graph></graphml>',
    "empty.graphml": "",
    "binary.graphml": b"<\x00\xff\xfe" + bytes(range(64)),
    "missing-node.graphml": GRAPHML_HEAD + '<edge source="a" target="zz"/></graph></graphml>',
}
for name, data in GRAPHML.items():
    put("graphml", name, data)
copy("graphml", "tests/data/load/*.graphml")
copy("graphml", "tests/data/load/bad/*.graphml")

GML = {
    "ok.gml": 'graph [\n  directed 0\n  node [ id 0 label "Cité éducative" type "cite" ]\n'
              '  node [ id 1 label "CRPV &quot;Ouest&quot;" ]\n  edge [ source 0 target 1 weight 2.5 year 2021 ]\n]\n',
    "crlf.gml": 'Creator "igraph"\r\ngraph [\r\n node [ id 1 ]\r\n node [ id 2 ]\r\n edge [ source 1 target 2 ]\r\n]\r\n',
    "bad-weight.gml": 'graph [ node [ id 0 ] node [ id 1 ] edge [ source 0 target 1 weight -3 ] ]',
    "text-weight.gml": 'graph [ node [ id 0 ] node [ id 1 ] edge [ source 0 target 1 weight "zz" ] ]',
    "unterminated.gml": 'graph [ node [ id 0 label "never closed ] ]',
    "nested.gml": 'graph [ ' + 'x [ ' * 200,
    "missing-target.gml": 'graph [ node [ id 0 ] edge [ source 0 target 9 ] ]',
    "empty.gml": "",
    "binary.gml": bytes(range(1, 200)),
}
for name, data in GML.items():
    put("gml", name, data)
copy("gml", "tests/data/load/*.gml")
copy("gml", "tests/data/load/bad/*.gml")

PAJEK = {
    "ok.net": '*Vertices 3\n1 "Cité éducative"\n2 "CRPV"\n3 "École"\n*Edges\n1 2 2.5\n2 3 1\n',
    "crlf.net": '*Vertices 2\r\n1 "a"\r\n2 "b"\r\n*Arcs\r\n1 2\r\n',
    "edgeslist.net": '*Vertices 4\n*Edgeslist\n1 2 3 4\n',
    "matrix.net": '*Vertices 2\n*Matrix\n0 1\n1 0\n',
    "huge-count.net": '*Vertices 99999999999\n',
    "negative.net": '*Vertices 2\n*Edges\n1 2 -1\n',
    "out-of-range.net": '*Vertices 2\n*Edges\n1 7\n',
    "unterminated.net": '*Vertices 1\n1 "open\n',
    "empty.net": "",
    "binary.net": b"*" + bytes(range(256)),
}
for name, data in PAJEK.items():
    put("pajek", name, data)
copy("pajek", "tests/data/load/*.net")

DOT = {
    "ok.dot": 'graph cooperation {\n  "cite-1" [label="Cité éducative", type=cite, region="Bretagne"];\n'
              '  "crpv-1" [label="CRPV \\"Ouest\\""];\n  "cite-1" -- "crpv-1" [weight=2.5, year=2021];\n}\n',
    "digraph.dot": 'digraph { a -> b -> c [weight=2]; c -> a; }\n',
    "subgraphs.dot": 'graph { subgraph cluster_a { a; b } subgraph cluster_b { c -- d } a -- c }\n',
    "nested.dot": 'graph { ' + 'subgraph { ' * 100 + 'a -- b' + ' }' * 100 + ' }\n',
    "html-label.dot": 'graph { a [label=<<b>bold</b> &amp;>]; a -- b }\n',
    "bad-weight.dot": 'graph { a -- b [weight=zz]; b -- c [weight=-1]; }\n',
    "syntax.dot": 'graph { a -- ; }\n',
    "unterminated.dot": 'graph { a [label="open',
    "crlf-bom.dot": BOM + 'graph {\r\n a -- b\r\n}\r\n',
    "empty.dot": "",
    "binary.dot": bytes(range(256)),
}
for name, data in DOT.items():
    put("dot", name, data)
copy("dot", "tests/data/load/*.dot")
copy("dot", "tests/data/render/*.dot")


def opts(*pairs):
    """Records of fuzz_options: selector byte (offset from CLI_OPT_BASE) then the argument, NUL-ended."""
    return b"".join(bytes([k]) + v.encode("utf-8") + b"\0" for k, v in pairs)


# selectors: 0 nodes 1 directed 2 quiet 3 year 4 from 5 to 6 where 7 min-weight 8 ego 9 depth 10 input-format 11 seed
OPTS = {
    "none": b"",
    "year": opts((3, "2021")),
    "from-to": opts((4, "2019"), (5, "2022")),
    "where": opts((0, ""), (6, "type=cite,crpv")),
    "where-region": opts((0, ""), (6, "Region=Bretagne")),
    "min-weight": opts((7, "1,5")),
    "ego": opts((0, ""), (8, "cite-1"), (9, "2")),
    "ego-missing": opts((8, "nobody")),
    "directed": opts((1, ""), (11, "7")),
    "format": opts((10, "graphml")),
    "bad-year": opts((3, "20x1")),
    "bad-weight": opts((7, "-1")),
    "bad-where": opts((6, "=x")),
    "all": opts((0, ""), (1, ""), (2, ""), (4, "2020"), (5, "2023"), (6, "region=Bretagne,Normandie"),
                (7, "1"), (8, "crpv-1"), (9, "3"), (11, "42")),
}
for name, data in OPTS.items():
    put("options", name, data)

# fuzz_render / fuzz_convert: byte 0 actors, byte 1 options, then title\nlabel\ntype\nregion\nkind...
NETS = {
    "plain": b"\x05\x00" + "Cités éducatives\nCité A\ncite\nBretagne\nprojet\nCRPV\ncrpv\nBretagne".encode(),
    "script": b"\x03\x01<script>alert(1)</script>\n\"quoted\" & 'apos'\n<b>\n]]>\n--\n&amp;",
    "controls": b"\x04\x02title\x01\x02\x7f\nline\rbreak\ttab\n\x1b[31mred\nback\\slash\n{braces}",
    "invalid-utf8": b"\x02\x03t\n\xff\xfe\n\xc3\n\xed\xa0\x80",
    "long": b"\x09\x07" + ("é" * 2000).encode() + b"\n" + b"x" * 5000,
    "empty-labels": b"\x07\x30\n\n\n\n\n\n\n",
    "dot-syntax": b"\x04\x12a\" -- \"b\n}\ngraph {\n[label=x]\n\\N\n\\G\n\\E",
    "gml-syntax": b"\x04\x01]\n[\n\"\n&quot;\n&#65;\nnode [ id 9 ]",
    "csv-syntax": b"\x04\x03a,b\n\"c;d\"\n\te\n\xef\xbb\xbf bom\n,\n;",
}
for name, data in NETS.items():
    put("render", name, data)
    put("convert", name, data)
for k in range(4):  # one seed per output format for convert
    put("convert", "format-%d" % k, bytes([4, k]) + b"T\nLabel \"%d\" <&>\ntype\nr\xc3\xa9gion\nkind" % k)
