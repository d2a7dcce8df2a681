#!/usr/bin/env python3
"""Times python-igraph on an edge list written by `twingraph bench graph --write-edges` and
prints, beside TwinGraph's times (its JSON lines), the ratio for each operation.

Both sides exclude loading the graph and report the best of --repeat runs. The results
(path length, neighbourhood size, component count, largest PageRank) are compared too, so a
fast wrong answer shows up as a mismatch.
"""
import argparse
import json
import sys
import time

import igraph


def best(repeat, fn):
    fastest, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        fastest = min(fastest, time.perf_counter() - start)
    return fastest, result


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--edges", required=True)
    ap.add_argument("--nodes", type=int, required=True)
    ap.add_argument("--swift", required=True, help="JSON lines from twingraph bench graph --format json")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--limit", type=float, default=1.5, help="largest acceptable ratio")
    args = ap.parse_args()

    swift = {}
    with open(args.swift) as f:
        for line in f:
            if line.strip():
                o = json.loads(line)
                swift[o["op"]] = o

    start = time.perf_counter()
    g = igraph.Graph.Read_Edgelist(args.edges, directed=False)
    if g.vcount() < args.nodes:
        g.add_vertices(args.nodes - g.vcount())
    load = time.perf_counter() - start
    n = args.nodes

    ops = {
        "shortest-path": lambda: g.get_shortest_path(0, n - 1),
        "neighbourhood-2": lambda: g.neighborhood(0, order=2),
        "pagerank": lambda: g.pagerank(),
        "components": lambda: g.connected_components(),
    }
    describe = {
        "shortest-path": lambda p: f"{len(p) - 1} hops" if p else "no path",
        "neighbourhood-2": lambda vs: f"{len(vs)} vertices",
        "pagerank": lambda r: f"max {max(r)} at {max(range(len(r)), key=r.__getitem__)}",
        "components": lambda c: f"{len(c)} components",
    }

    print(f"graph: {g.vcount()} vertices, {g.ecount()} edges (igraph {igraph.__version__}, loaded in {load:.2f} s; "
          f"best of {args.repeat} runs per op)")
    print(f"{'op':<16} {'twingraph s':>12} {'igraph s':>12} {'ratio':>7}  result (twingraph | igraph)")
    worst = 0.0
    mismatches = 0
    for op, fn in ops.items():
        seconds, result = best(args.repeat, fn)
        theirs = describe[op](result)
        mine = swift.get(op)
        if mine is None:
            print(f"{op:<16} {'missing':>12} {seconds:12.6f}")
            mismatches += 1
            continue
        ratio = mine["seconds"] / seconds if seconds > 0 else float("inf")
        worst = max(worst, ratio)
        same = same_result(op, mine["result"], theirs)
        if not same:
            mismatches += 1
        print(f"{op:<16} {mine['seconds']:12.6f} {seconds:12.6f} {ratio:7.3f}  {mine['result']} | {theirs}"
              f"{'' if same else '   <-- MISMATCH'}")
    verdict = "within" if worst <= args.limit else "OVER"
    print(f"worst ratio {worst:.3f}: {verdict} the {args.limit}x limit; {mismatches} result mismatch(es)")
    sys.exit(0 if worst <= args.limit and mismatches == 0 else 1)


def same_result(op, mine, theirs):
    if op == "pagerank":
        # Equal to 1e-6 relative and the same top vertex: the two solvers stop at different
        # residuals.
        m_val, m_at = mine.split()[1], mine.split()[3]
        t_val, t_at = theirs.split()[1], theirs.split()[3]
        return m_at == t_at and abs(float(m_val) - float(t_val)) <= 1e-6 * float(t_val)
    return mine == theirs


if __name__ == "__main__":
    main()
