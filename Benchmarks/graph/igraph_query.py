#!/usr/bin/env python3
"""The script a user would write with python-igraph to answer what a `twingraph` query answers.

    igraph_query.py EDGES.tsv path A B
    igraph_query.py EDGES.tsv neighbours A 2
    igraph_query.py EDGES.tsv partners A
    igraph_query.py EDGES.tsv pagerank [TOP]
    igraph_query.py EDGES.tsv components
    igraph_query.py EDGES.tsv stats
    igraph_query.py EDGES.tsv distances PAIRS.tsv     # hop counts for many pairs, for checking

EDGES.tsv is the edge list `twingraph bench graph --write-graph` writes beside the graph JSON
(source id, target id, relation). The graph is read with `Graph.TupleList` as undirected, node ids
as vertex names, the relation as an edge attribute. The answer goes to stdout as JSON (what
Benchmarks/graph/endtoend.py checks twingraph against); load and query times go to stderr as
`{"load": s, "query": s}`.
"""
import csv
import json
import sys
import time

import igraph

PARTNERSHIP = {"twinned-with", "partner-of"}


def main():
    edges_path, command, *args = sys.argv[1:]
    start = time.perf_counter()
    with open(edges_path, newline="") as f:
        g = igraph.Graph.TupleList(csv.reader(f, delimiter="\t"), directed=False, edge_attrs=["relation"])
    loaded = time.perf_counter()
    names = g.vs["name"]
    index = {n: i for i, n in enumerate(names)}

    if command == "path":
        a, b = index[args[0]], index[args[1]]
        vpath = g.get_shortest_paths(a, b, output="vpath")[0]
        out = {"length": len(vpath) - 1 if vpath else None, "nodes": [names[v] for v in vpath]}
    elif command == "neighbours":
        a, depth = index[args[0]], int(args[1])
        out = {"nodes": sorted(names[v] for v in g.neighborhood(a, order=depth))}
    elif command == "partners":
        a = index[args[0]]
        partners = set()
        for e in g.es[g.incident(a)]:
            if e["relation"] in PARTNERSHIP:
                partners.add(names[e.target if e.source == a else e.source])
        out = {"partners": sorted(partners)}
    elif command == "pagerank":
        ranks = g.pagerank()
        top = int(args[0]) if args else len(ranks)
        order = sorted(range(len(ranks)), key=lambda v: -ranks[v])[:top]
        out = {"top": [[names[v], ranks[v]] for v in order]}
        if not args:
            out["scores"] = {names[v]: ranks[v] for v in range(len(ranks))}
    elif command == "components":
        parts = g.connected_components()
        out = {"components": sorted((sorted(names[v] for v in c) for c in parts), key=lambda c: (-len(c), c[0]))}
    elif command == "stats":
        parts = g.connected_components()
        simple = g.copy().simplify()
        degree = simple.degree()
        hubs = sorted(range(len(degree)), key=lambda v: -degree[v])[:10]
        out = {"nodes": g.vcount(), "edges": g.ecount(), "components": len(parts),
               "largest": max(parts.sizes()) if len(parts) else 0,
               "hubs": [[names[v], degree[v]] for v in hubs]}
    elif command == "distances":
        with open(args[0]) as f:
            pairs = [line.split() for line in f if line.strip()]
        out = {"distances": [g.distances(index[a], index[b])[0][0] for a, b in pairs]}
    else:
        sys.exit(f"unknown command {command}")
    done = time.perf_counter()
    json.dump(out, sys.stdout)
    sys.stdout.write("\n")
    print(json.dumps({"load": loaded - start, "query": done - loaded}), file=sys.stderr)


if __name__ == "__main__":
    main()
