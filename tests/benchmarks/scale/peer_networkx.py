#!/usr/bin/python3
"""Scale benchmark peer: NetworkX 2.8.8 (Debian's python3-networkx).

usage: peer_networkx.py load|summary NETDIR

load: read nodes.csv and edges.csv with the csv module into nx.Graph
(add_nodes_from with label, type and region; add_edges_from with weight
and year).  NetworkX keys nodes by the string ids themselves.

summary: load, then the figures of `coopmap summary`: density, connected
components, isolated actors, diameter and average path length (exact up to
20,000 actors, by a BFS from every actor, else from 200 sampled sources,
as coopmap does), transitivity, degree assortativity, Louvain communities
(NetworkX 2.8 has no Leiden) and their modularity, articulation points,
bridges, counts of types and regions.

The metrics work uses tests/benchmarks/metrics/peer_networkx.py.
"""
import csv
import random
import sys
from collections import Counter

import networkx as nx

EXACT_MAX = 20000
SAMPLES = 200


def load(netdir):
    G = nx.Graph()
    with open(f"{netdir}/nodes.csv", newline="", encoding="utf-8") as f:
        r = csv.reader(f)
        next(r)
        G.add_nodes_from((i, {"label": l, "type": t, "region": g}) for i, l, t, g in r)
    with open(f"{netdir}/edges.csv", newline="", encoding="utf-8") as f:
        r = csv.reader(f)
        next(r)
        G.add_edges_from((s, t, {"weight": float(w), "year": float(y) if y else float("nan")})
                         for s, t, w, y in r)
    return G


def paths(G):
    nodes = list(G)
    sources = nodes if len(nodes) <= EXACT_MAX else random.Random(42).sample(nodes, SAMPLES)
    diameter, total, count = 0, 0, 0
    for s in sources:
        d = nx.single_source_shortest_path_length(G, s)
        diameter = max(diameter, max(d.values()))
        total += sum(d.values())
        count += len(d) - 1
    return diameter, total / count


def summary(G):
    comps = [len(c) for c in nx.connected_components(G)]
    diameter, apl = paths(G)
    comm = nx.community.louvain_communities(G, weight="weight", seed=42)
    n, m = G.number_of_nodes(), G.number_of_edges()
    fig = {
        "nodes": n,
        "edges": m,
        "density": nx.density(G),
        "components": len(comps),
        "largest_component": max(comps),
        "isolated": nx.number_of_isolates(G),
        "diameter": diameter,
        "average_path_length": apl,
        "transitivity": nx.transitivity(G),
        "degree_assortativity": nx.degree_assortativity_coefficient(G),
        "modularity": nx.community.modularity(G, comm, weight="weight"),
        "communities": len(comm),
        "articulation_points": sum(1 for _ in nx.articulation_points(G)),
        "bridges": sum(1 for _ in nx.bridges(G)),
    }
    for k, v in fig.items():
        print(f"{k} {v}")
    for attr in ("type", "region"):
        for k, v in Counter(nx.get_node_attributes(G, attr).values()).most_common():
            print(f"{attr} {k} {v}")


def main():
    task, netdir = sys.argv[1], sys.argv[2]
    G = load(netdir)
    if task == "load":
        print(G.number_of_nodes(), G.number_of_edges())
    elif task == "summary":
        summary(G)
    else:
        sys.exit(f"peer_networkx.py: unknown task {task}")


main()
