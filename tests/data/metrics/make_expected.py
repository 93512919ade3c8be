#!/usr/bin/python3
"""Independent reference for tests/cli/expected/metrics_*.csv, from NetworkX.

Run once by hand with Debian's python3-networkx 2.8.8 (not by the tests):
    /usr/bin/python3 tests/data/metrics/make_expected.py > tests/cli/expected/metrics_all.csv
Numbers are printed as coopmap documents them: "%.12g" in the C locale,
undefined values as an empty cell, articulation as 0/1.  Communities are
the partition of maximum weighted modularity found by brute force over
every partition of the actors with ties (the network is tiny; an actor without
tie is a community of its own, as in Leiden), numbered by size, largest first,
ties broken by the earliest actor.
"""
import csv, math, os, itertools
import networkx as nx

here = os.path.dirname(os.path.abspath(__file__))
nodes = list(csv.DictReader(open(os.path.join(here, "nodes.csv"), encoding="utf-8")))
G = nx.Graph()
for r in nodes:
    G.add_node(r["id"])
for r in csv.DictReader(open(os.path.join(here, "edges.csv"), encoding="utf-8")):
    G.add_edge(r["source"], r["target"], weight=float(r["weight"]))
ids = [r["id"] for r in nodes]
n = len(ids)

def fmt(x):
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return ""
    s = "%.12g" % x
    return "0" if s == "-0" else s

deg = dict(G.degree())
strength = dict(G.degree(weight="weight"))
bet = nx.betweenness_centrality(G, normalized=False)
clo = nx.closeness_centrality(G, wf_improved=False)
har = {k: v / (n - 1) for k, v in nx.harmonic_centrality(G).items()}
# eigenvector of the adjacency matrix (weighted), scaled to maximum 1; the
# isolated actor has 0 (it is outside the leading eigenvector's support)
ev = nx.eigenvector_centrality_numpy(G, weight="weight")
mx = max(abs(v) for v in ev.values())
ev = {k: (abs(v) / mx if abs(v) / mx > 1e-12 else 0.0) for k, v in ev.items()}
# PageRank solved exactly (numpy) rather than by NetworkX's power iteration,
# whose tolerance shows in the 12th digit: x = d (W^T x + dangling mass / n) + (1 - d) / n
import numpy as np
A = nx.to_numpy_array(G, nodelist=ids, weight="weight")
out_w = A.sum(axis=1)
M = np.zeros((n, n))
for i in range(n):
    M[:, i] = A[i] / out_w[i] if out_w[i] > 0 else 1.0 / n
x = np.linalg.solve(np.eye(n) - 0.85 * M, np.full(n, 0.15 / n))
pr = {v: x[i] / x.sum() for i, v in enumerate(ids)}
assert all(abs(pr[v] - p) < 1e-8 for v, p in nx.pagerank(G, alpha=0.85, weight="weight", tol=1e-12, max_iter=10000).items())
core = nx.core_number(G)
clu = nx.clustering(G)
con = nx.constraint(G, weight="weight")
es = nx.effective_size(G, weight="weight")
art = set(nx.articulation_points(G))

def partitions(items):
    if not items:
        yield []
        return
    first, rest = items[0], items[1:]
    for p in partitions(rest):
        for i in range(len(p)):
            yield p[:i] + [[first] + p[i]] + p[i + 1:]
        yield [[first]] + p

best, bestq = None, -2
# actors without a tie change no partition's modularity: they stay alone, as Leiden leaves them
tied = [v for v in ids if G.degree(v) > 0]
for p in partitions(tied):
    p = p + [[v] for v in ids if G.degree(v) == 0]
    q = nx.algorithms.community.modularity(G, [set(c) for c in p], weight="weight")
    if q > bestq + 1e-12:
        best, bestq = p, q
best.sort(key=lambda c: (-len(c), min(ids.index(v) for v in c)))
comm = {v: i for i, c in enumerate(best) for v in c}

out = csv.writer(open(1, "w", encoding="utf-8", closefd=False), lineterminator="\n")
out.writerow("id label type region degree strength betweenness closeness harmonic "
             "eigenvector pagerank coreness clustering constraint effective_size "
             "articulation community".split())
for r in nodes:
    v = r["id"]
    out.writerow([v, r["label"], r["type"], r["region"], fmt(deg[v]), fmt(strength[v]),
                  fmt(bet[v]), fmt(clo[v]), fmt(har[v]), fmt(ev[v]), fmt(pr[v]),
                  fmt(core[v]), fmt(clu[v]), fmt(con[v]), fmt(es[v]),
                  "1" if v in art else "0", comm[v]])
