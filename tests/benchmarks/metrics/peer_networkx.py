#!/usr/bin/python3
"""Benchmark peer: the coopmap metrics analysis done with NetworkX 2.8.8.

usage: peer_networkx.py NETDIR OUT.csv

Loads the CSV files with the csv module into nx.Graph (add_edges_from with
weights), computes degree, strength, pagerank (the scipy implementation,
NetworkX's default), core_number, clustering, eigenvector_centrality_numpy
(weighted, scaled to maximum 1), Louvain communities (NetworkX 2.8 has no
Leiden; louvain_communities is its modularity method) and
betweenness_centrality(k=256, normalized=False) (Brandes from 256 sampled
sources, scaled by n/k), and writes a CSV.
"""
import csv
import sys

import networkx as nx

SAMPLES = 256


def main():
    netdir, out = sys.argv[1], sys.argv[2]
    with open(f"{netdir}/nodes.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    G = nx.Graph()
    G.add_nodes_from(r["id"] for r in rows)
    with open(f"{netdir}/edges.csv", newline="", encoding="utf-8") as f:
        G.add_weighted_edges_from((r["source"], r["target"], float(r["weight"]))
                                  for r in csv.DictReader(f))
    cols = {}
    cols["degree"] = dict(G.degree())
    cols["strength"] = dict(G.degree(weight="weight"))
    cols["pagerank"] = nx.pagerank(G, alpha=0.85, weight="weight")
    cols["coreness"] = nx.core_number(G)
    cols["clustering"] = nx.clustering(G)
    ev = nx.eigenvector_centrality_numpy(G, weight="weight")
    top = max(abs(x) for x in ev.values())
    cols["eigenvector"] = {k: abs(x) / top for k, x in ev.items()}
    comms = nx.community.louvain_communities(G, weight="weight", seed=42)
    cols["community"] = {v: i for i, c in enumerate(comms) for v in c}
    cols["betweenness"] = nx.betweenness_centrality(G, k=SAMPLES, normalized=False, seed=42)

    names = list(cols)
    with open(out, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "label", "type", "region"] + names)
        for r in rows:
            w.writerow([r["id"], r["label"], r["type"], r["region"]] + [cols[c][r["id"]] for c in names])


main()
