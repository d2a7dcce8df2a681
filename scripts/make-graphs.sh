#!/usr/bin/env bash
# Regenerates Graphs/ from Examples/ with the twingraph binary given as $1.
set -euo pipefail
bin=${1:-.build/debug/twingraph}
out=Graphs
mkdir -p "$out"
cp Examples/seed-graph.json "$out/graph.json"
"$bin" render "$out/graph.json" --layout sfdp --title "TwinGraph: партнёрская сеть" -o "$out/network.svg"
"$bin" render "$out/graph.json" --layout sfdp --title "TwinGraph: партнёрская сеть" -o "$out/network.png"
echo "make-graphs: wrote $(ls "$out" | tr '\n' ' ')" >&2
