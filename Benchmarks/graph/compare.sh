#!/usr/bin/env bash
# Times TwinGraph's graph engine and python-igraph on the same synthetic edge list (vertices
# relabelled at random), in one run, checks every answer in full, and prints per-operation ratios
# (TwinGraph time / igraph time; below 1 means TwinGraph is faster), graph building included.
# Benchmarks/graph/endtoend.sh compares the commands themselves, process against process.
#
#   Benchmarks/graph/compare.sh                      # 200,000 nodes, 1,000,000 edges
#   NODES=20000 EDGES=100000 Benchmarks/graph/compare.sh
#
# The two tools run alternately, ROUNDS times, and each side's best time per operation counts, so
# that load from other processes on the machine does not fall on one tool only.
#
# Environment: NODES, EDGES, SEED, REPEAT (runs per op per round), ROUNDS, SCRATCH (swift build folder).
set -euo pipefail
cd "$(dirname "$0")/../.."

NODES=${NODES:-200000}
EDGES=${EDGES:-1000000}
SEED=${SEED:-1}
REPEAT=${REPEAT:-5}
ROUNDS=${ROUNDS:-3}
SCRATCH=${SCRATCH:-.build}

if ! python3 -c 'import igraph' 2>/dev/null; then
    echo "compare.sh: installing python-igraph" >&2
    python3 -m pip install --quiet python-igraph
fi

swift build -c release --scratch-path "$SCRATCH" --product twingraph >&2
BIN="$(swift build -c release --scratch-path "$SCRATCH" --show-bin-path)/twingraph"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$BIN" bench graph --nodes "$NODES" --edges "$EDGES" --seed "$SEED" --repeat 1 \
    --write-edges "$tmp/edges.tsv" --format json > /dev/null
swift_runs=() igraph_runs=()
for round in $(seq "$ROUNDS"); do
    "$BIN" bench graph --nodes "$NODES" --edges "$EDGES" --seed "$SEED" --repeat "$REPEAT" \
        --format json --write-results "$tmp/swift-results.json" > "$tmp/swift-$round.jsonl"
    python3 Benchmarks/graph/compare.py time --edges "$tmp/edges.tsv" --nodes "$NODES" \
        --repeat "$REPEAT" --results "$tmp/igraph-results.json" > "$tmp/igraph-$round.jsonl"
    swift_runs+=("$tmp/swift-$round.jsonl") igraph_runs+=("$tmp/igraph-$round.jsonl")
done
echo "twingraph bench graph --nodes $NODES --edges $EDGES --seed $SEED; $ROUNDS rounds x best of $REPEAT runs"
python3 Benchmarks/graph/compare.py report --swift "${swift_runs[@]}" --igraph "${igraph_runs[@]}" \
    --swift-results "$tmp/swift-results.json" --igraph-results "$tmp/igraph-results.json"
