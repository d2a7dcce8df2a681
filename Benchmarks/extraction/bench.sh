#!/usr/bin/env bash
# Extraction throughput, side by side with Natasha (PyPI natasha 1.6.0: NER with span
# normalisation) on the same files, in one run. Model and dictionary loading are excluded on
# both sides. The two tools take turns, ROUNDS times, each pinned to the same core, so that
# load from other processes falls on both alike; the medians and the bests are compared.
# Usage: Benchmarks/extraction/bench.sh [REPEAT] [ROUNDS] [FILES...]
set -euo pipefail
cd "$(dirname "$0")/../.."
repeat=${1:-5}; shift || true
rounds=${1:-3}; shift || true
files=("$@"); [ ${#files[@]} -gt 0 ] || files=(Examples/corpus/*.txt)
scripts/setup.sh
python3 -c "import natasha" 2>/dev/null || python3 -m pip install -q "natasha==1.6.0"
swift build -c release --product twingraph >&2
results=()
for ((r = 1; r <= rounds; r++)); do
    ours=$(taskset -c 0 .build/release/twingraph bench extract --repeat "$repeat" "${files[@]}")
    theirs=$(taskset -c 0 python3 Benchmarks/extraction/natasha_bench.py "$repeat" "${files[@]}")
    echo "round $r: $ours"
    echo "round $r: $theirs"
    results+=("$ours" "$theirs")
done
python3 - "${results[@]}" <<'PY'
import json, statistics, sys
rows = [json.loads(a) for a in sys.argv[1:]]
ours = [r["chars_per_second"] for r in rows if r["tool"] == "twingraph"]
theirs = [r["chars_per_second"] for r in rows if r["tool"] == "natasha"]
pairs = [a / b for a, b in zip(ours, theirs)]
print(f"rounds {len(ours)}; per round ratio: " + ", ".join(f"{p:.1f}x" for p in pairs))
print(f"median: twingraph {statistics.median(ours):,.0f} chars/s, natasha {statistics.median(theirs):,.0f} chars/s, "
      f"ratio {statistics.median(ours) / statistics.median(theirs):.1f}x (one core each)")
print(f"best:   twingraph {max(ours):,} chars/s, natasha {max(theirs):,} chars/s, "
      f"ratio {max(ours) / max(theirs):.1f}x")
PY
