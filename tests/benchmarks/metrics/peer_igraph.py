#!/usr/bin/python3
"""Benchmark peer: the coopmap metrics analysis done with python-igraph 0.10.2.

usage: peer_igraph.py NETDIR OUT.csv [--no-betweenness]

Loads NETDIR/nodes.csv and NETDIR/edges.csv with the csv module (ids mapped
to indices with a dict, Graph(n, edges) built in one call), computes degree,
strength, pagerank (PRPACK), coreness, local clustering, eigenvector
centrality (weighted, scaled), Leiden communities (modularity objective,
run to convergence) and betweenness from 256 sampled sources, and writes a
CSV.  python-igraph 0.10.2 has no source-subset betweenness
(igraph_betweenness_subset is not exposed), so the betweenness part is
Brandes' algorithm from the 256 sources in Python over Graph.get_adjlist();
--no-betweenness leaves it out to time the rest alone.
"""
import csv
import random
import sys
from collections import deque

import igraph as ig

SAMPLES = 256


def sampled_betweenness(adj, n, sources):
    bet = [0.0] * n
    for s in sources:
        sigma = [0] * n
        dist = [-1] * n
        sigma[s] = 1
        dist[s] = 0
        order = []
        q = deque([s])
        while q:
            v = q.popleft()
            order.append(v)
            dv = dist[v] + 1
            for w in adj[v]:
                if dist[w] < 0:
                    dist[w] = dv
                    q.append(w)
                if dist[w] == dv:
                    sigma[w] += sigma[v]
        delta = [0.0] * n
        for v in reversed(order):
            dv = dist[v] + 1
            sv = sigma[v]
            d = 0.0
            for w in adj[v]:
                if dist[w] == dv:
                    d += sv / sigma[w] * (1.0 + delta[w])
            delta[v] = d
            if v != s:
                bet[v] += d
    scale = n / len(sources) / 2.0  # undirected: each pair seen from both ends
    return [b * scale for b in bet]


def main():
    netdir, out = sys.argv[1], sys.argv[2]
    with_bet = "--no-betweenness" not in sys.argv
    with open(f"{netdir}/nodes.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    index = {r["id"]: i for i, r in enumerate(rows)}
    edges, weights = [], []
    with open(f"{netdir}/edges.csv", newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            edges.append((index[r["source"]], index[r["target"]]))
            weights.append(float(r["weight"]))
    n = len(rows)
    g = ig.Graph(n=n, edges=edges)
    g.es["weight"] = weights

    cols = {}
    cols["degree"] = g.degree()
    cols["strength"] = g.strength(weights="weight")
    cols["pagerank"] = g.pagerank(weights="weight", damping=0.85)
    cols["coreness"] = g.coreness()
    cols["clustering"] = g.transitivity_local_undirected(mode="zero")
    cols["eigenvector"] = g.eigenvector_centrality(weights="weight", scale=True)
    random.seed(42)
    cols["community"] = g.community_leiden(objective_function="modularity", weights="weight",
                                           beta=0.01, n_iterations=-1).membership
    if with_bet:
        sources = random.sample(range(n), SAMPLES)
        cols["betweenness"] = sampled_betweenness(g.get_adjlist(), n, sources)

    names = list(cols)
    with open(out, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "label", "type", "region"] + names)
        for i, r in enumerate(rows):
            w.writerow([r["id"], r["label"], r["type"], r["region"]] + [cols[c][i] for c in names])


main()
