#!/usr/bin/env bash
# Times TwinGraph's graph engine and python-igraph on the same synthetic edge list, in one run,
# and prints per-operation ratios (TwinGraph time / igraph time; below 1 means TwinGraph is faster).
#
#   Benchmarks/graph/compare.sh                      # 200,000 nodes, 1,000,000 edges
#   NODES=20000 EDGES=100000 Benchmarks/graph/compare.sh
#
# Environment: NODES, EDGES, SEED, REPEAT (best of N runs per op), SCRATCH (swift build folder).
set -euo pipefail
cd "$(dirname "$0")/../.."

NODES=${NODES:-200000}
EDGES=${EDGES:-1000000}
SEED=${SEED:-1}
REPEAT=${REPEAT:-5}
SCRATCH=${SCRATCH:-.build}

if ! python3 -c 'import igraph' 2>/dev/null; then
    echo "compare.sh: installing python-igraph" >&2
    python3 -m pip install --quiet python-igraph
fi

swift build -c release --scratch-path "$SCRATCH" --product twingraph >&2
BIN="$(swift build -c release --scratch-path "$SCRATCH" --show-bin-path)/twingraph"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$BIN" bench graph --nodes "$NODES" --edges "$EDGES" --seed "$SEED" --repeat "$REPEAT" \
    --write-edges "$tmp/edges.tsv" --format json > "$tmp/swift.jsonl"
python3 Benchmarks/graph/compare.py --edges "$tmp/edges.tsv" --nodes "$NODES" \
    --swift "$tmp/swift.jsonl" --repeat "$REPEAT"
