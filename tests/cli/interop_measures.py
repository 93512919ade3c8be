"""Independent check of `coopmap convert --measures all` (tests/cli/cases/47_measures.sh).

Run with Debian's /usr/bin/python3 (python3-networkx, python3-igraph):

    interop_measures.py INPUT_FOLDER EXPORT_DIR [--hostile]

INPUT_FOLDER holds the nodes.csv and edges.csv that coopmap read; EXPORT_DIR
holds what coopmap wrote from it: m.graphml, m12.gexf, m13.gexf, m.gml and the
CSV folder csv/.  The network is rebuilt here from the CSV files with
Python's csv module (repeated ties merged by summing weights, as
docs/input.md says), every measure is computed by NetworkX itself (by hand
for isolation_level and brokerage, from the definitions of
docs/analysis.md), and each export, read by NetworkX (read_graphml,
read_gexf, read_gml), python-igraph (Graph.Read_GraphML) and csv, must give
the same ids, ties, weights, years, text, attribute types and measure values.

Tolerances: 1e-9 relative (+1e-12 absolute) for everything but pagerank
(1e-7 absolute: NetworkX iterates, igraph's PRPACK solves) and eigenvector
(1e-6 absolute: both iterate, ARPACK and NetworkX's power iteration), and CSV's
12 significant digits (1e-10 relative).  Prints one line per failure, then
"ok" when there is none.
"""
import csv
import math
import os
import sys

import igraph
import networkx as nx
from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python as pagerank_python

failures = []


def fail(msg):
    failures.append(msg)


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def build(folder):
    """The network as coopmap reads the folder: actors of nodes.csv, ties merged."""
    nodes = read_csv(os.path.join(folder, "nodes.csv"))
    edges = read_csv(os.path.join(folder, "edges.csv"))
    g = nx.Graph()
    for n in nodes:
        g.add_node(n["id"], **n)
    for e in edges:
        a, b, w = e["source"], e["target"], float(e.get("weight") or 1)
        if a == b:
            continue
        if g.has_edge(a, b):
            g[a][b]["weight"] += w
        else:
            g.add_edge(a, b, weight=w, year=e.get("year", ""), kind=e.get("kind", ""))
    return g, nodes


def isolation_levels(g, min_size=10):
    """docs/analysis.md, "Levels": 3 no tie, 2 no cité within two steps, 1 sparse or inward region."""
    cites = [v for v in g if g.nodes[v].get("type") == "cite"]
    per_region = {}
    for v in cites:
        r = g.nodes[v].get("region", "")
        if r:
            per_region[r] = per_region.get(r, 0) + 1
    levels = {}
    for v in cites:
        region = g.nodes[v].get("region", "")
        if g.degree(v) == 0:
            levels[v] = 3
            continue
        near = nx.single_source_shortest_path_length(g, v, cutoff=2)
        if not any(u != v and g.nodes[u].get("type") == "cite" for u in near):
            levels[v] = 2
            continue
        if region:
            inter = sum(1 for u in g[v] if g.nodes[u].get("region", "") not in ("", region))
            if per_region[region] < min_size or inter == 0:
                levels[v] = 1
                continue
        levels[v] = 0
    return levels


def brokerage(g):
    """Gould-Fernandez total, undirected: unordered untied neighbour pairs; actors without a region
    form the group "(none)" (docs/measures.md), so every actor and neighbour counts."""
    total = {}
    for b in g:
        nb = list(g[b])
        total[b] = sum(1 for i in range(len(nb)) for j in range(i + 1, len(nb)) if not g.has_edge(nb[i], nb[j]))
    return total


def expected_measures(g):
    """Every measure of convert --measures all, by NetworkX, with coopmap's definitions (docs/measures.md)."""
    n = g.number_of_nodes()
    m = {}
    m["degree"] = dict(g.degree())
    m["strength"] = dict(g.degree(weight="weight"))
    m["betweenness"] = nx.betweenness_centrality(g, normalized=False)
    m["closeness"] = nx.closeness_centrality(g, wf_improved=False)
    m["harmonic"] = {v: h / (n - 1) for v, h in nx.harmonic_centrality(g).items()}
    # the largest part with ties: igraph scores it and gives 0 to the rest
    part = max(nx.connected_components(g), key=len)
    ev = nx.eigenvector_centrality(g.subgraph(part), weight="weight", tol=1e-13, max_iter=100000)
    top = max(ev.values())
    m["eigenvector"] = {v: abs(ev[v]) / abs(top) if v in ev else 0.0 for v in g}
    # Debian's NetworkX 2.8 has no numpy here: its pure-Python power iteration
    m["pagerank"] = pagerank_python(g, alpha=0.85, weight="weight", tol=1e-14, max_iter=100000)
    m["coreness"] = nx.core_number(g)
    m["clustering"] = nx.clustering(g)
    m["constraint"] = {v: c for v, c in nx.constraint(g, weight="weight").items() if g.degree(v) > 0}
    m["effective_size"] = {v: c for v, c in nx.effective_size(g, weight="weight").items() if g.degree(v) > 0}
    ap = set(nx.articulation_points(g))
    m["articulation"] = {v: v in ap for v in g}
    m["isolation_level"] = isolation_levels(g)
    m["brokerage"] = brokerage(g)
    return m


TYPES = {
    "degree": int, "coreness": int, "community": int, "isolation_level": int, "brokerage": int,
    "articulation": bool,
}


def close(name, got, want, rel=1e-9):
    if name == "pagerank":
        return abs(got - want) <= 1e-7
    if name == "eigenvector":
        return abs(got - want) <= 1e-6
    return abs(got - want) <= rel * max(abs(want), abs(got)) + 1e-12


def check_values(fmt, attrs, want, rel=1e-9, typed=True, keys=None):
    """attrs: id -> {name: value}; want: name -> {id: value}."""
    for name, values in want.items():
        key = keys.get(name, name) if keys else name
        for v in attrs:
            got = attrs[v].get(key)
            if v not in values:
                if got is not None and not (isinstance(got, float) and math.isnan(got)):
                    fail(f"{fmt}: {name} of {v!r} is {got!r}, want none (undefined)")
                continue
            if got is None:
                fail(f"{fmt}: {name} of {v!r} missing, want {values[v]!r}")
                continue
            if typed:
                t = TYPES.get(name, float)
                if type(got) is not t:
                    fail(f"{fmt}: {name} of {v!r} is a {type(got).__name__} ({got!r}), want a {t.__name__}")
                    continue
            if isinstance(values[v], bool) or name == "articulation":
                if bool(got) != values[v] and str(got).lower() != str(values[v]).lower():
                    fail(f"{fmt}: {name} of {v!r} is {got!r}, want {values[v]!r}")
            elif not close(name, float(got), float(values[v]), rel):
                fail(f"{fmt}: {name} of {v!r} is {got!r}, want {values[v]!r}")


def check_communities(fmt, attrs, key="community"):
    """Leiden is not in NetworkX: the partition is numbered 0.. by size, 0 the largest."""
    comm = {v: int(a[key]) for v, a in attrs.items()}
    sizes = {}
    for c in comm.values():
        sizes[c] = sizes.get(c, 0) + 1
    if sorted(sizes) != list(range(len(sizes))):
        fail(f"{fmt}: communities are not numbered 0..{len(sizes) - 1}: {sorted(sizes)}")
    elif any(sizes[c] < sizes[c + 1] for c in range(len(sizes) - 1)):
        fail(f"{fmt}: communities not numbered by size: {sizes}")
    return comm


def check_text(fmt, attrs, nodes, typed=True):
    """Labels, types, regions as in nodes.csv; lat, lon, year typed when every value is a plain number."""
    for n in nodes:
        a = attrs.get(n["id"])
        if a is None:
            fail(f"{fmt}: actor {n['id']!r} missing")
            continue
        for col in ("label", "type", "region"):
            if (a.get(col) or "") != n[col]:
                fail(f"{fmt}: {col} of {n['id']!r} is {a.get(col)!r}, want {n[col]!r}")
        for col, t in (("lat", float), ("lon", float), ("year", int)):
            if col not in n:
                continue
            got = a.get(col)
            if not typed and got == "":
                got = None  # GML and CSV write text columns as text, empty included
            if not n[col]:
                if got is not None and not (isinstance(got, float) and math.isnan(got)):
                    fail(f"{fmt}: {col} of {n['id']!r} is {got!r}, want none")
                continue
            if typed and type(got) is not t:
                fail(f"{fmt}: {col} of {n['id']!r} is a {type(got).__name__} ({got!r}), want a {t.__name__}")
            elif got is None or float(got) != float(n[col]):
                fail(f"{fmt}: {col} of {n['id']!r} is {got!r}, want {n[col]}")


def check_ties(fmt, edges, g, typed=True):
    """edges: list of (a, b, attrs): the same ties, weights (float) and years (int)."""
    seen = set()
    for a, b, d in edges:
        key = frozenset((a, b))
        seen.add(key)
        if not g.has_edge(a, b):
            fail(f"{fmt}: tie {a!r}-{b!r} not in the input")
            continue
        want = g[a][b]
        if float(d.get("weight", "nan")) != want["weight"]:
            fail(f"{fmt}: weight of {a!r}-{b!r} is {d.get('weight')!r}, want {want['weight']}")
        if typed and type(d.get("weight")) is not float:
            fail(f"{fmt}: weight of {a!r}-{b!r} is a {type(d.get('weight')).__name__}, want a float")
        y = d.get("year")
        if want["year"]:
            if y is None or float(y) != float(want["year"]) or (typed and type(y) is not int):
                fail(f"{fmt}: year of {a!r}-{b!r} is {y!r}, want the integer {want['year']}")
        elif y is not None and not (isinstance(y, float) and math.isnan(y)):
            fail(f"{fmt}: undated tie {a!r}-{b!r} has year {y!r}")
        if (d.get("kind") or "") != want["kind"]:
            fail(f"{fmt}: kind of {a!r}-{b!r} is {d.get('kind')!r}, want {want['kind']!r}")
    if len(seen) != g.number_of_edges():
        fail(f"{fmt}: {len(seen)} ties, want {g.number_of_edges()}")


def main():
    folder, out = sys.argv[1], sys.argv[2]
    g, nodes = build(folder)
    want = expected_measures(g)

    # GraphML, NetworkX: node keys are the actor ids, types from attr.type
    h = nx.read_graphml(os.path.join(out, "m.graphml"))
    if set(h.nodes) != set(g.nodes):
        fail(f"graphml: node ids {sorted(h.nodes)[:5]}... differ from the input's")
    attrs = {v: dict(h.nodes[v]) for v in h}
    check_text("graphml", attrs, nodes)
    check_values("graphml", attrs, want)
    comm = check_communities("graphml", attrs)
    check_ties("graphml", [(a, b, d) for a, b, d in h.edges(data=True)], g)
    for v in attrs:
        if not isinstance(attrs[v].get("x"), float) or not isinstance(attrs[v].get("y"), float):
            fail(f"graphml: position of {v!r} is not x, y floats: {attrs[v].get('x')!r}, {attrs[v].get('y')!r}")
            break

    # GraphML, python-igraph: the id in the vertex attribute "id", the same values
    ig = igraph.Graph.Read_GraphML(os.path.join(out, "m.graphml"))
    iattrs = {v["id"]: v.attributes() for v in ig.vs}
    if set(iattrs) != set(g.nodes):
        fail("python-igraph graphml: ids differ from the input's")
    check_values("python-igraph graphml", iattrs, want, typed=False)
    for v, a in iattrs.items():
        if int(a["community"]) != comm.get(v):
            fail(f"python-igraph graphml: community of {v!r} differs from NetworkX's reading")
    check_ties("python-igraph graphml",
               [(ig.vs[e.source]["id"], ig.vs[e.target]["id"], e.attributes()) for e in ig.es], g, typed=False)

    # GEXF 1.2draft, NetworkX (its reader knows 1.1draft and 1.2draft only)
    x = nx.read_gexf(os.path.join(out, "m12.gexf"))
    gattrs = {v: dict(x.nodes[v]) for v in x}
    check_text("gexf", gattrs, nodes)
    check_values("gexf", gattrs, want)
    for v, a in gattrs.items():
        if a.get("community") != comm.get(v):
            fail(f"gexf: community of {v!r} is {a.get('community')!r}, graphml says {comm.get(v)!r}")
        viz = a.get("viz", {})
        if not {"position", "size", "color"} <= set(viz):
            fail(f"gexf: {v!r} lacks viz position, size or colour: {viz}")
        elif v in attrs and (abs(viz["position"]["x"] - attrs[v]["x"]) > 0.006 or
                             abs(viz["position"]["y"] - attrs[v]["y"]) > 0.006):
            # the same fr layout and seed: GraphML's x, y are GEXF's position (2 decimals there)
            fail(f"gexf: position of {v!r} {viz['position']} is not graphml's {attrs[v]['x']}, {attrs[v]['y']}")
    check_ties("gexf", [(a, b, d) for a, b, d in x.edges(data=True)], g)
    # the timeline: a dated tie exists from its year to the network's last
    last = max((int(d["year"]) for _, _, d in g.edges(data=True) if d["year"]), default=None)
    if x.graph.get("mode") != ("dynamic" if last is not None else "static"):
        fail(f"gexf: mode {x.graph.get('mode')!r}")
    for a, b, d in x.edges(data=True):
        year = g[a][b]["year"] if g.has_edge(a, b) else ""
        want_spells = [(int(year), last)] if year else None
        if d.get("spells") != want_spells:
            fail(f"gexf: spells of {a!r}-{b!r} are {d.get('spells')!r}, want {want_spells!r}")

    # GML, NetworkX: keys are letters and digits (effective_size is effectivesize)
    keys = {"effective_size": "effectivesize", "isolation_level": "isolationlevel"}
    m = nx.read_gml(os.path.join(out, "m.gml"), label="name")
    mattrs = {v: dict(m.nodes[v]) for v in m}
    check_text("gml", mattrs, nodes, typed=False)
    # GML declares no types: whole numbers read back as int, the others as float
    check_values("gml", mattrs, {k: v for k, v in want.items() if k != "articulation"}, typed=False, keys=keys)
    check_values("gml", mattrs, {"articulation": {v: int(b) for v, b in want["articulation"].items()}},
                 typed=False)
    check_ties("gml", [(a, b, d) for a, b, d in m.edges(data=True)], g, typed=False)

    # the CSV folder: nodes.csv has the measure columns, 12 significant digits
    rows = read_csv(os.path.join(out, "csv", "nodes.csv"))
    cattrs = {}
    for r in rows:
        cattrs[r["id"]] = {k: (None if v == "" else v) for k, v in r.items()}
    check_text("csv", cattrs, nodes, typed=False)
    numeric = {k: v for k, v in want.items() if k != "articulation"}
    check_values("csv", cattrs, numeric, rel=1e-10, typed=False)
    for v, a in cattrs.items():
        if a["articulation"] != ("true" if want["articulation"][v] else "false"):
            fail(f"csv: articulation of {v!r} is {a['articulation']!r}")

    for msg in failures[:40]:
        print(msg)
    if not failures:
        print("ok")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
