#!/usr/bin/env bash
# Regenerates Graphs/ from Examples/ with the twingraph binary given as $1.
set -euo pipefail
bin=${1:-.build/debug/twingraph}
out=Graphs
mkdir -p "$out"
graph="$out/graph.json"
# The knowledge graph of the example corpus.
"$bin" extract Examples/corpus/*.txt -o "$graph"
# The whole network and the map (places need lat/lon attributes to appear on the map).
"$bin" draw network --graph "$graph" -o "$out/network.svg"
"$bin" draw map --graph "$graph" -o "$out/map.svg"
# For every reporting city: its ego diagram (CITY-ego.svg, written beside the Markdown appendix)
# and its appendix in Markdown and HTML.
"$bin" appendix --reporters --graph "$graph" --format md -o "$out"
"$bin" appendix --reporters --graph "$graph" --format html -o "$out"
echo "make-graphs: wrote $(ls "$out" | tr '\n' ' ')" >&2
