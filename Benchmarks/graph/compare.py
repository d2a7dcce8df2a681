#!/usr/bin/env python3
"""python-igraph's side of Benchmarks/graph/compare.sh.

    compare.py time --edges E --nodes N --repeat R      # igraph times, JSON lines like twingraph's
    compare.py report --swift A.jsonl ... --igraph B.jsonl ...

`time` loads the edge list written by `twingraph bench graph --write-edges` (timed as "build",
beside twingraph's CSR build) and prints, per operation, the best of R runs with a result summary
in the same words twingraph uses; with --results it writes every answer in full, which `report`
checks against twingraph's (path lengths of the random pairs, the neighbourhood set, PageRank
vectors to 1e-9, the component partition). `report` takes the best time per side over
every round given (compare.sh alternates the two tools round by round, so a busy moment on the
machine does not fall on one tool only), prints the ratios and checks that the results agree.
"""
import argparse
import json
import sys
import time


def best(repeat, fn, fresh=None):
    """Best time of `repeat` calls of fn(graph); `fresh`, when given, makes the graph for each
    call outside the timing."""
    fastest, result = float("inf"), None
    for _ in range(repeat):
        graph = fresh() if fresh else None
        start = time.perf_counter()
        result = fn(graph)
        fastest = min(fastest, time.perf_counter() - start)
    return fastest, result


def time_igraph(args):
    import igraph

    start = time.perf_counter()
    g = igraph.Graph.Read_Edgelist(args.edges, directed=False)
    if g.vcount() < args.nodes:
        g.add_vertices(args.nodes - g.vcount())
    build = time.perf_counter() - start
    n = args.nodes
    with open(args.edges + ".pairs") as f:
        pairs = [tuple(map(int, line.split())) for line in f if line.strip()]
    with open(args.edges + ".hub") as f:
        hub = int(f.read())
    results = {}

    def paths(_):
        lengths = []
        for a, b in pairs:
            p = g.get_shortest_path(a, b)
            lengths.append(len(p) - 1 if p else -1)
        results["pathLengths"] = lengths
        return lengths

    def neighbourhood(_):
        vs = g.neighborhood(hub, order=2)
        results["neighbourhood"] = sorted(vs)
        return vs

    def pagerank(_):
        r = g.pagerank()
        results["pagerank"] = r
        return r

    def components(h):
        c = h.connected_components()
        results["components"] = c.membership
        return c

    # igraph caches graph properties: once a graph is known to be connected, later
    # connected_components() calls answer from the cache without a traversal. TwinGraph computes
    # every time, so igraph's components run on a fresh copy each time (the copy is not timed);
    # the cached time is printed too, as "components-cached", for reference.
    ops = [
        ("shortest-path", paths, None, lambda ls: f"{len(ls)} pairs, {sum(ls)} hops in all"),
        ("neighbourhood-2", neighbourhood, None, lambda vs: f"{len(vs)} vertices"),
        ("pagerank", pagerank, None, lambda r: f"max {max(r)} at {max(range(len(r)), key=r.__getitem__)}"),
        ("components", components, g.copy, lambda c: f"{len(c)} components"),
        ("components-cached", lambda _: g.connected_components(), None, lambda c: f"{len(c)} components"),
    ]
    print(json.dumps({"op": "version", "seconds": 0, "result": f"python-igraph {igraph.__version__}, "
                      f"{g.vcount()} vertices, {g.ecount()} edges"}))
    print(json.dumps({"op": "build", "seconds": build, "result": f"{g.vcount()} vertices, {g.ecount()} edges"}))
    for op, fn, fresh, describe in ops:
        seconds, result = best(args.repeat, fn, fresh)
        print(json.dumps({"op": op, "seconds": seconds, "result": describe(result)}), flush=True)
    if args.results:
        with open(args.results, "w") as f:
            json.dump(results, f)


def check_results(mine_path, theirs_path):
    """Every answer in full: path lengths, the neighbourhood set, PageRank to 1e-9, the
    component partition. Returns a list of (check, ok, detail)."""
    with open(mine_path) as f:
        mine = json.load(f)
    with open(theirs_path) as f:
        theirs = json.load(f)
    out = []
    out.append(("path lengths", mine["pathLengths"] == theirs["pathLengths"], f"{len(theirs['pathLengths'])} pairs"))
    out.append(("neighbourhood-2 set", mine["neighbourhood"] == theirs["neighbourhood"], f"{len(theirs['neighbourhood'])} vertices"))
    worst = max(abs(a - b) for a, b in zip(mine["pagerank"], theirs["pagerank"]))
    out.append(("pagerank vector (1e-9)", len(mine["pagerank"]) == len(theirs["pagerank"]) and worst <= 1e-9,
                f"max |diff| {worst:.2e} over {len(theirs['pagerank'])} vertices"))

    def partition(labels):
        groups = {}
        for v, l in enumerate(labels):
            groups.setdefault(l, []).append(v)
        return sorted(groups.values())
    out.append(("component partition", partition(mine["components"]) == partition(theirs["components"]),
                f"{len(set(theirs['components']))} components"))
    return out


def read_best(paths):
    best_of = {}
    for path in paths:
        with open(path) as f:
            for line in f:
                if not line.strip():
                    continue
                o = json.loads(line)
                if o["op"] not in best_of or o["seconds"] < best_of[o["op"]]["seconds"]:
                    best_of[o["op"]] = o
    return best_of


def same_result(op, mine, theirs):
    if op == "pagerank":
        # The summaries' top vertex; the whole vector is checked by check_results.
        return mine.split()[3] == theirs.split()[3]
    return mine == theirs


def report(args):
    swift, igraph = read_best(args.swift), read_best(args.igraph)
    print(f"{igraph.get('version', {}).get('result', 'python-igraph')}; best of {len(args.swift)} rounds per tool")
    print(f"{'op':<16} {'twingraph s':>12} {'igraph s':>12} {'ratio':>7}  result (twingraph | igraph)")
    worst, mismatches = 0.0, 0
    for op in ["build", "shortest-path", "neighbourhood-2", "pagerank", "components"]:
        mine, theirs = swift.get(op), igraph.get(op)
        if mine is None or theirs is None:
            print(f"{op:<16} missing on one side")
            mismatches += 1
            continue
        ratio = mine["seconds"] / theirs["seconds"] if theirs["seconds"] > 0 else float("inf")
        worst = max(worst, ratio)
        same = op == "build" or same_result(op, mine["result"], theirs["result"])
        mismatches += 0 if same else 1
        print(f"{op:<16} {mine['seconds']:12.6f} {theirs['seconds']:12.6f} {ratio:7.3f}  "
              f"{mine['result']} | {theirs['result']}{'' if same else '   <-- MISMATCH'}")
    cached = igraph.get("components-cached")
    if cached and "components" in swift:
        print(f"{'(components, igraph answering from its property cache)':<58} {cached['seconds']:.6f} s, "
              f"ratio {swift['components']['seconds'] / cached['seconds']:.3f}")
    if args.swift_results and args.igraph_results:
        for name, ok, detail in check_results(args.swift_results, args.igraph_results):
            print(f"check {name}: {'ok' if ok else 'DIFFERENT'} ({detail})")
            mismatches += 0 if ok else 1
    verdict = "within" if worst <= args.limit else "OVER"
    print(f"worst ratio {worst:.3f}: {verdict} the {args.limit}x limit; {mismatches} result mismatch(es)")
    sys.exit(0 if worst <= args.limit and mismatches == 0 else 1)


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="command", required=True)
    t = sub.add_parser("time")
    t.add_argument("--edges", required=True)
    t.add_argument("--nodes", type=int, required=True)
    t.add_argument("--repeat", type=int, default=5)
    t.add_argument("--results", help="write every answer here as JSON")
    r = sub.add_parser("report")
    r.add_argument("--swift", nargs="+", required=True)
    r.add_argument("--igraph", nargs="+", required=True)
    r.add_argument("--swift-results")
    r.add_argument("--igraph-results")
    r.add_argument("--limit", type=float, default=1.0, help="largest acceptable ratio")
    args = ap.parse_args()
    time_igraph(args) if args.command == "time" else report(args)


if __name__ == "__main__":
    main()
