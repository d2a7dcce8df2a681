#!/usr/bin/env bash
# End-to-end: each twingraph query command against the python-igraph script a user would write,
# process against process, on a synthetic knowledge graph (default 50,000 nodes, 200,000 edges).
#
#   Benchmarks/graph/endtoend.sh
#   NODES=5000 EDGES=20000 ROUNDS=1 PAIRS=20 Benchmarks/graph/endtoend.sh
#
# Environment: NODES, EDGES, SEED, ROUNDS, PAIRS, SCRATCH (swift build folder), DIR (keep the
# generated graph there instead of a temporary folder).
set -euo pipefail
cd "$(dirname "$0")/../.."

NODES=${NODES:-50000}
EDGES=${EDGES:-200000}
SEED=${SEED:-1}
ROUNDS=${ROUNDS:-3}
PAIRS=${PAIRS:-100}
SCRATCH=${SCRATCH:-.build}

if ! python3 -c 'import igraph' 2>/dev/null; then
    echo "endtoend.sh: installing python-igraph" >&2
    python3 -m pip install --quiet python-igraph
fi
swift build -c release --scratch-path "$SCRATCH" --product twingraph >&2
BIN="$(swift build -c release --scratch-path "$SCRATCH" --show-bin-path)/twingraph"

if [ -n "${DIR:-}" ]; then mkdir -p "$DIR"; else DIR=$(mktemp -d); trap 'rm -rf "$DIR"' EXIT; fi
if [ ! -f "$DIR/graph.sqlite" ] || [ ! -f "$DIR/graph.json.tsv" ]; then
    "$BIN" bench graph --nodes "$NODES" --edges "$EDGES" --seed "$SEED" \
        --write-graph "$DIR/graph.json" --write-store "$DIR/graph.sqlite"
fi
echo "python-igraph $(python3 -c 'import igraph; print(igraph.__version__)'); twingraph $(git rev-parse --short HEAD)"
python3 Benchmarks/graph/endtoend.py --bin "$BIN" --dir "$DIR" --rounds "$ROUNDS" --pairs "$PAIRS"
