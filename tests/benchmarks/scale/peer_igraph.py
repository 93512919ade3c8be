#!/usr/bin/python3
"""Scale benchmark peer: python-igraph 0.10.2 (Debian's python3-igraph).

usage: peer_igraph.py load|summary NETDIR

load: read NETDIR/nodes.csv and NETDIR/edges.csv with the csv module, map
the string ids to vertex indices with a dict, and build the graph in one
call, Graph(n, edges, vertex_attrs, edge_attrs), with the same attributes
as coopmap (id, label, type, region; weight, year).  This is the fastest
way Debian's packages offer: python-igraph has no CSV reader with string
ids (Read_Ncol takes whitespace-separated names and one weight only) and
pandas is not installed, so Graph.DataFrame is not an option.

summary: load, then the figures of `coopmap summary`: density, connected
components, isolated actors, diameter and average path length (exact up to
20,000 actors, else from 200 sampled sources, as coopmap does), global
transitivity, degree assortativity, Leiden communities (modularity, with
weights) and their modularity, articulation points, bridges, counts of
types and regions.  Prints them on standard output.

The metrics work uses tests/benchmarks/metrics/peer_igraph.py.
"""
import csv
import random
import sys
from collections import Counter

import igraph as ig

EXACT_MAX = 20000
SAMPLES = 200


def load(netdir):
    with open(f"{netdir}/nodes.csv", newline="", encoding="utf-8") as f:
        r = csv.reader(f)
        next(r)
        ids, labels, types, regions = [], [], [], []
        for row in r:
            ids.append(row[0])
            labels.append(row[1])
            types.append(row[2])
            regions.append(row[3])
    index = {s: i for i, s in enumerate(ids)}
    edges, weights, years = [], [], []
    with open(f"{netdir}/edges.csv", newline="", encoding="utf-8") as f:
        r = csv.reader(f)
        next(r)
        for s, t, w, y in r:
            edges.append((index[s], index[t]))
            weights.append(float(w))
            years.append(float(y) if y else float("nan"))
    return ig.Graph(n=len(ids), edges=edges,
                    vertex_attrs={"name": ids, "label": labels, "type": types, "region": regions},
                    edge_attrs={"weight": weights, "year": years})


def paths(g):
    n = g.vcount()
    if n <= EXACT_MAX:
        return g.diameter(directed=False, unconn=True), g.average_path_length(directed=False)
    random.seed(42)
    diameter, total, count = 0, 0.0, 0
    for s in random.sample(range(n), SAMPLES):
        d = [x for x in g.distances(source=s)[0] if x != float("inf")]
        diameter = max(diameter, max(d))
        total += sum(d)
        count += len(d) - 1
    return diameter, total / count


def summary(g):
    comps = g.connected_components()
    diameter, apl = paths(g)
    random.seed(42)
    comm = g.community_leiden(objective_function="modularity", weights="weight", n_iterations=-1)
    fig = {
        "nodes": g.vcount(),
        "edges": g.ecount(),
        "density": g.density(),
        "components": len(comps),
        "largest_component": max(comps.sizes()),
        "isolated": sum(1 for d in g.degree() if d == 0),
        "diameter": diameter,
        "average_path_length": apl,
        "transitivity": g.transitivity_undirected(),
        "degree_assortativity": g.assortativity_degree(directed=False),
        "modularity": g.modularity(comm.membership, weights="weight"),
        "communities": len(comm),
        "articulation_points": len(g.articulation_points()),
        "bridges": len(g.bridges()),
    }
    for k, v in fig.items():
        print(f"{k} {v}")
    for attr in ("type", "region"):
        for k, v in Counter(g.vs[attr]).most_common():
            print(f"{attr} {k} {v}")


def main():
    task, netdir = sys.argv[1], sys.argv[2]
    g = load(netdir)
    if task == "load":
        print(g.vcount(), g.ecount())
    elif task == "summary":
        summary(g)
    else:
        sys.exit(f"peer_igraph.py: unknown task {task}")


main()
