"""Independent check of coopmap's eigenvector centrality (tests/cli/cases/25_metrics.sh).

Run with Debian's /usr/bin/python3 (python3-networkx):

    eigen_networkx.py write DIR            write NetworkX's datasets as coopmap input
                                           folders DIR/karate, DIR/lesmis, DIR/florentine
    eigen_networkx.py check INPUT CSV      compare coopmap's scores (CSV of
                                           `metrics --metrics eigenvector`) with NetworkX's

The network is rebuilt from INPUT's CSV files with the csv module (repeated
ties merged by summing weights, as docs/input.md says) and NetworkX computes
the scores by its own power iteration on A + I, run to a residual far below
coopmap's, then scaled to a maximum of 1 as coopmap does.  Tolerance, the one
docs/measures.md states: 1e-9 absolute on every score.  The network must be
connected (igraph and NetworkX treat separate parts differently).  Prints one
line per failure, then "ok" when there is none.
"""
import csv
import os
import sys

import networkx as nx

TOL = 1e-9


def write(folder):
    """NetworkX's own datasets as nodes.csv + edges.csv (weights where it has them)."""
    sets = {
        "karate": nx.karate_club_graph(),
        "lesmis": nx.les_miserables_graph(),
        "florentine": nx.florentine_families_graph(),
    }
    for name, g in sets.items():
        d = os.path.join(folder, name)
        os.makedirs(d, exist_ok=True)
        ids = {v: "v%d" % i for i, v in enumerate(g.nodes)}
        with open(os.path.join(d, "nodes.csv"), "w", newline="") as f:
            w = csv.writer(f)
            w.writerow(["id", "label"])
            for v in g.nodes:
                w.writerow([ids[v], str(v)])
        with open(os.path.join(d, "edges.csv"), "w", newline="") as f:
            w = csv.writer(f)
            w.writerow(["source", "target", "weight"])
            for a, b, data in g.edges(data=True):
                w.writerow([ids[a], ids[b], data.get("weight", 1)])


def check(folder, path):
    g = nx.Graph()
    with open(os.path.join(folder, "nodes.csv"), newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            g.add_node(row["id"])
    with open(os.path.join(folder, "edges.csv"), newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            a, b = row["source"], row["target"]
            if a == b:
                continue
            w = float(row["weight"]) if row.get("weight") else 1.0
            if g.has_edge(a, b):
                g[a][b]["weight"] += w
            else:
                g.add_edge(a, b, weight=w)
    if not nx.is_connected(g):
        print("%s: not connected, NetworkX and igraph would not compare" % folder)
        return 1
    ref = nx.eigenvector_centrality(g, max_iter=100000, tol=1e-15, weight="weight")
    top = max(ref.values())
    failures = 0
    seen = 0
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            want = ref[row["id"]] / top
            got = float(row["eigenvector"])
            seen += 1
            if abs(got - want) > TOL:
                failures += 1
                if failures <= 10:
                    print("%s: %s eigenvector %.12g, NetworkX %.12g" % (folder, row["id"], got, want))
    if seen != g.number_of_nodes():
        print("%s: %d rows for %d actors" % (folder, seen, g.number_of_nodes()))
        failures += 1
    if not failures:
        print("ok")
    return 1 if failures else 0


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "write":
        write(sys.argv[2])
        sys.exit(0)
    if len(sys.argv) == 4 and sys.argv[1] == "check":
        sys.exit(check(sys.argv[2], sys.argv[3]))
    sys.stderr.write(__doc__)
    sys.exit(2)
