#!/usr/bin/python3
"""Scale benchmark peer: graph-tool 2.45 (Debian's python3-graph-tool).

usage: peer_graphtool.py load|summary|metrics NETDIR [OUT.csv]

load: graph-tool's own CSV loader, load_graph_from_csv(hashed=True,
hash_type="string") on edges.csv with weight and year as double edge
properties (the string ids are hashed to vertices in C++), then nodes.csv
read with the csv module: actors without ties are added and label, type
and region set as string vertex properties (graph-tool has no reader for a
separate actor table).

summary: load, then the figures of `coopmap summary`: density, components
(label_components), isolated actors, diameter and average path length
(exact up to 20,000 actors by a BFS from every actor, else from 200
sampled sources, as coopmap does), global clustering, degree
assortativity (scalar_assortativity on total degree), communities and
modularity, articulation points and bridges (label_biconnected_components;
a bridge is a biconnected component of one tie), counts of types and
regions.

metrics: load, then degree, strength, pagerank (damping 0.85, weighted),
coreness (kcore_decomposition), local clustering, eigenvector (weighted,
scaled to maximum 1), communities and betweenness from 256 sampled pivots
(betweenness(pivots=...), scaled by n/256 like the others), written as CSV.

Communities: graph-tool has no Louvain/Leiden; its modularity method is
minimize_blockmodel_dl(state=ModularityState) (multilevel merge-split
MCMC, unweighted).  graph-tool runs its kernels with OpenMP; run.sh sets
OMP_NUM_THREADS=1 so that every tool uses one core (coopmap is serial).
"""
import csv
import random
import sys
import warnings
from collections import Counter

warnings.filterwarnings("ignore")
import numpy as np  # noqa: E402
import graph_tool.all as gt  # noqa: E402

EXACT_MAX = 20000
SAMPLES = 200
BET_SAMPLES = 256


def load(netdir):
    g = gt.load_graph_from_csv(f"{netdir}/edges.csv", directed=False,
                               eprop_types=["double", "double"], eprop_names=["weight", "year"],
                               hashed=True, hash_type="string", skip_first=True)
    name = g.vp["name"]
    index = {name[v]: int(v) for v in g.vertices()}
    label, vtype, region = (g.new_vp("string") for _ in range(3))
    with open(f"{netdir}/nodes.csv", newline="", encoding="utf-8") as f:
        r = csv.reader(f)
        next(r)
        for row in r:
            i = index.get(row[0])
            if i is None:
                v = g.add_vertex()
                name[v] = row[0]
                i = index[row[0]] = int(v)
            v = g.vertex(i)
            label[v], vtype[v], region[v] = row[1], row[2], row[3]
    g.vp["label"], g.vp["type"], g.vp["region"] = label, vtype, region
    return g


def paths(g):
    n = g.num_vertices()
    sources = range(n) if n <= EXACT_MAX else random.Random(42).sample(range(n), SAMPLES)
    diameter, total, count = 0, 0, 0
    for s in sources:
        d = gt.shortest_distance(g, source=g.vertex(s)).a
        d = d[d < np.iinfo(d.dtype).max] if d.dtype.kind == "i" else d[np.isfinite(d)]
        diameter = max(diameter, int(d.max()))
        total += int(d.sum())
        count += len(d) - 1
    return diameter, total / count


def communities(g):
    gt.seed_rng(42)
    state = gt.minimize_blockmodel_dl(g, state=gt.ModularityState)
    return state.b


def summary(g):
    comp, hist = gt.label_components(g)
    deg = g.get_total_degrees(g.get_vertices())
    diameter, apl = paths(g)
    b = communities(g)
    bicomp, art, _ = gt.label_biconnected_components(g)
    bridges = int(np.sum(np.bincount(bicomp.a) == 1))
    n, m = g.num_vertices(), g.num_edges()
    fig = {
        "nodes": n,
        "edges": m,
        "density": m / (n * (n - 1) / 2),
        "components": len(hist),
        "largest_component": int(hist.max()),
        "isolated": int(np.sum(deg == 0)),
        "diameter": diameter,
        "average_path_length": apl,
        "transitivity": gt.global_clustering(g)[0],
        "degree_assortativity": gt.scalar_assortativity(g, "total")[0],
        "modularity": gt.modularity(g, b, weight=g.ep["weight"]),
        "communities": len(set(b.a)),
        "articulation_points": int(art.a.sum()),
        "bridges": bridges,
    }
    for k, v in fig.items():
        print(f"{k} {v}")
    for attr in ("type", "region"):
        p = g.vp[attr]
        for k, v in Counter(p[v] for v in g.vertices()).most_common():
            print(f"{attr} {k} {v}")


def metrics(g, out):
    w = g.ep["weight"]
    vs = g.get_vertices()
    n = len(vs)
    cols = {}
    cols["degree"] = g.get_total_degrees(vs)
    cols["strength"] = g.get_total_degrees(vs, eweight=w)
    cols["pagerank"] = gt.pagerank(g, damping=0.85, weight=w).a
    cols["coreness"] = gt.kcore_decomposition(g).a
    cols["clustering"] = gt.local_clustering(g).a
    ev = gt.eigenvector(g, weight=w)[1].a
    cols["eigenvector"] = np.abs(ev) / np.abs(ev).max()
    cols["community"] = communities(g).a
    pivots = np.array(random.Random(42).sample(range(n), min(BET_SAMPLES, n)), dtype=np.uint64)
    bet = gt.betweenness(g, pivots=pivots, norm=False)[0].a
    cols["betweenness"] = bet * (n / len(pivots))
    names = list(cols)
    ident, label, vtype, region = (g.vp[a] for a in ("name", "label", "type", "region"))
    with open(out, "w", newline="", encoding="utf-8") as f:
        wr = csv.writer(f)
        wr.writerow(["id", "label", "type", "region"] + names)
        for i, v in enumerate(g.vertices()):
            wr.writerow([ident[v], label[v], vtype[v], region[v]] + [cols[c][i] for c in names])


def main():
    task, netdir = sys.argv[1], sys.argv[2]
    g = load(netdir)
    if task == "load":
        print(g.num_vertices(), g.num_edges())
    elif task == "summary":
        summary(g)
    elif task == "metrics":
        metrics(g, sys.argv[3])
    else:
        sys.exit(f"peer_graphtool.py: unknown task {task}")


main()
