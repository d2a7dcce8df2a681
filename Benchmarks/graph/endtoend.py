#!/usr/bin/env python3
"""End-to-end: each `twingraph` query command against the python-igraph script a user would
write for it (igraph_query.py), process against process, on the same synthetic knowledge graph.

    endtoend.py --bin .build/release/twingraph --dir DIR [--rounds 3] [--pairs 100]

DIR holds graph.json, graph.json.tsv and graph.sqlite from
`twingraph bench graph --write-graph DIR/graph.json --write-store DIR/graph.sqlite`.

Timing: every command is a fresh process, wall time from start to exit and peak resident memory
from wait4(2); the tools take turns ROUNDS times and each side's best time (and its highest peak)
counts, so that load from other processes falls on both. twingraph prints its usual text output
to /dev/null; the igraph script prints its answer as JSON, and reports its own load and query
times, which are shown too.

Checks (before timing, on the JSON outputs): PageRank vectors to 1e-9, the component partition,
hop counts of --pairs random pairs, the depth-2 neighbourhood and the partner sets, and the stats
counts. Any disagreement is printed and makes the exit status 1.
"""
import argparse
import json
import os
import random
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def measured(argv):
    """Wall time and peak RSS (MB) of one process, its output sent to /dev/null."""
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        try:
            os.execv(argv[0], argv)
        finally:
            os._exit(127)
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {' '.join(argv)}")
    return wall, usage.ru_maxrss / 1024


def output(argv):
    p = subprocess.run(argv, capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"failed ({p.returncode}): {' '.join(argv)}\n{p.stderr}")
    return json.loads(p.stdout), p.stderr


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--dir", required=True)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--pairs", type=int, default=100)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    tg = os.path.abspath(args.bin)
    graph, store = os.path.join(args.dir, "graph.json"), os.path.join(args.dir, "graph.sqlite")
    tsv = graph + ".tsv"
    py = [sys.executable, os.path.join(HERE, "igraph_query.py"), tsv]

    ids = sorted({x for line in open(tsv) for x in line.split("\t")[:2]})
    rng = random.Random(args.seed)
    a, b = rng.choice(ids), rng.choice(ids)
    src_store, src_json = ["--store", store], ["--graph", graph]
    problems = []

    def check(name, ok, detail=""):
        print(f"check {name}: {'ok' if ok else 'DIFFERENT ' + detail}")
        if not ok:
            problems.append(name)

    # --- the timed commands: (label, twingraph arguments, igraph_query.py arguments)
    commands = [
        ("path", ["path", a, b], ["path", a, b]),
        ("neighbours --depth 2", ["neighbours", a, "--depth", "2"], ["neighbours", a, "2"]),
        ("partners", ["partners", a], ["partners", a]),
        ("rank --by pagerank", ["rank", "--by", "pagerank"], ["pagerank", "20"]),
        ("components", ["components"], ["components"]),
        ("stats", ["stats"], ["stats"]),
    ]

    # --- checks
    ig, _ = output(py + ["pagerank"])
    tw, _ = output([tg, "rank", "--by", "pagerank", "--top", str(len(ids)), "--format", "json"] + src_store)
    scores = {e["node"]["id"]: e["score"] for e in tw["entries"]}
    worst = max(abs(scores.get(k, float("inf")) - v) for k, v in ig["scores"].items())
    check("pagerank vector", len(scores) == len(ig["scores"]) and worst <= 1e-9, f"max |diff| {worst:.3g}")
    print(f"  pagerank: {len(scores)} scores, max |twingraph - igraph| = {worst:.2e}")

    ig, _ = output(py + ["components"])
    tw, _ = output([tg, "components", "--format", "json"] + src_store)
    ours = sorted((sorted(n["id"] for n in c["nodes"]) for c in tw["components"]), key=lambda c: (-len(c), c[0]))
    check("component partition", ours == ig["components"], f"{len(ours)} vs {len(ig['components'])} components")

    pairs = [(rng.choice(ids), rng.choice(ids)) for _ in range(args.pairs)]
    pairs_file = os.path.join(args.dir, "pairs.tsv")
    with open(pairs_file, "w") as f:
        f.writelines(f"{x}\t{y}\n" for x, y in pairs)
    ig, _ = output(py + ["distances", pairs_file])
    ours = []
    for x, y in pairs:
        tw, _ = output([tg, "path", x, y, "--format", "json"] + src_store)
        ours.append(tw["paths"][0]["length"] if tw["paths"] else None)
    check(f"path lengths ({args.pairs} random pairs)", ours == ig["distances"])

    ig, _ = output(py + ["neighbours", a, "2"])
    tw, _ = output([tg, "neighbours", a, "--depth", "2", "--format", "json"] + src_store)
    check("depth-2 neighbourhood", sorted(m["node"]["id"] for m in tw["nodes"]) == ig["nodes"],
          f"{len(tw['nodes'])} vs {len(ig['nodes'])}")
    ig, _ = output(py + ["partners", a])
    tw, _ = output([tg, "partners", a, "--format", "json"] + src_store)
    check("partners", sorted(p["node"]["id"] for p in tw["partners"]) == ig["partners"])
    ig, _ = output(py + ["stats"])
    tw, _ = output([tg, "stats", "--format", "json"] + src_store)
    check("stats", (tw["nodes"], tw["edges"], tw["components"], tw["largestComponent"])
          == (ig["nodes"], ig["edges"], ig["components"], ig["largest"]))
    for name, sub in [("store", src_store), ("graph JSON", src_json)]:
        tw_json, _ = output([tg, "stats", "--format", "json"] + sub)
        check(f"stats from the {name} agree", tw_json == tw)
    # The graph JSON is read light (the text of a fact only when a report shows it): every timed
    # command must print from it, byte for byte, what it prints from the store.
    for label, ours, _ in commands:
        from_store = subprocess.run([tg] + ours + ["--format", "json"] + src_store, capture_output=True)
        from_json = subprocess.run([tg] + ours + ["--format", "json"] + src_json, capture_output=True)
        check(f"{label}: the graph JSON answers as the store",
              from_store.returncode == 0 and from_store.stdout == from_json.stdout,
              f"exit {from_store.returncode}/{from_json.returncode}")

    # --- timing

    print(f"\n{len(ids)} nodes; path {a} -> {b}; best of {args.rounds} rounds, tools taking turns")
    header = f"{'command':22} {'source':6} {'twingraph s':>11} {'MB':>6} {'igraph s':>9} {'MB':>6} {'load+query':>13} {'ratio':>6}"
    print(header)
    rows = []
    for label, ours, theirs in commands:
        best = {"store": (float("inf"), 0), "json": (float("inf"), 0), "igraph": (float("inf"), 0)}
        split = None
        for _ in range(args.rounds):
            for key, argv in [("store", [tg] + ours + src_store), ("json", [tg] + ours + src_json), ("igraph", py + theirs)]:
                wall, rss = measured(argv)
                best[key] = (min(best[key][0], wall), max(best[key][1], rss))
            _, err = output(py + theirs)
            t = json.loads(err.strip().splitlines()[-1])
            split = t if split is None or t["load"] + t["query"] < split["load"] + split["query"] else split
        ig = best["igraph"]
        for key, name in [("store", "store"), ("json", "JSON")]:
            wall, rss = best[key]
            print(f"{label:22} {name:6} {wall:11.3f} {rss:6.0f} {ig[0]:9.3f} {ig[1]:6.0f} "
                  f"{split['load']:6.2f}+{split['query']:.3f} {wall / ig[0]:6.2f}")
            rows.append({"command": label, "source": name, "twingraph_s": wall, "twingraph_mb": rss,
                         "igraph_s": ig[0], "igraph_mb": ig[1], "igraph_load_s": split["load"],
                         "igraph_query_s": split["query"]})
    with open(os.path.join(args.dir, "endtoend.json"), "w") as f:
        json.dump(rows, f, indent=1)
    if problems:
        print("DISAGREEMENTS: " + ", ".join(problems))
        sys.exit(1)


if __name__ == "__main__":
    main()
