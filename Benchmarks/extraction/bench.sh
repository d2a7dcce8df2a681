#!/usr/bin/env bash
# Extraction throughput, side by side with Natasha (PyPI natasha 1.6.0: NER with span
# normalisation) on the same files, in one run. Model and dictionary loading are excluded on
# both sides. Usage: Benchmarks/extraction/bench.sh [REPEAT] [FILES...]
set -euo pipefail
cd "$(dirname "$0")/../.."
repeat=${1:-5}; shift || true
files=("$@"); [ ${#files[@]} -gt 0 ] || files=(Examples/corpus/*.txt)
scripts/setup.sh
python3 -c "import natasha" 2>/dev/null || python3 -m pip install -q "natasha==1.6.0"
swift build -c release --product twingraph >&2
ours=$(taskset -c 0 .build/release/twingraph bench extract --repeat "$repeat" "${files[@]}")
theirs=$(taskset -c 0 python3 Benchmarks/extraction/natasha_bench.py "$repeat" "${files[@]}")
echo "$ours"
echo "$theirs"
python3 - "$ours" "$theirs" <<'PY'
import json, sys
a, b = json.loads(sys.argv[1]), json.loads(sys.argv[2])
print(f"twingraph {a['chars_per_second']:,} chars/s, natasha {b['chars_per_second']:,} chars/s, "
      f"ratio {a['chars_per_second'] / b['chars_per_second']:.1f}x (one core each)")
PY
