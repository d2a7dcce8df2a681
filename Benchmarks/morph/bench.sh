#!/usr/bin/env bash
# Morphology benchmark: pymorphy3 vs `twingraph morph` on the corpus tokens repeated to one
# million words, in one run, one core each. Prints words/second of each and the ratio.
#   Benchmarks/morph/bench.sh [--count N]
set -euo pipefail
cd "$(dirname "$0")/../.."
python3 -c "import pymorphy3" 2>/dev/null || python3 -m pip install -q pymorphy3
swift build -c release --product twingraph --scratch-path .build >&2
# Load time of the dictionary (the CLI with one word: start-up + load + one parse).
python3 - <<'PY'
import subprocess, time
best = min((lambda t: (subprocess.run([".build/release/twingraph", "morph", "слово"], capture_output=True, check=True), time.perf_counter() - t)[1])(time.perf_counter()) for _ in range(5))
print(f"twingraph morph start-up + dictionary load + one word: {best * 1000:.0f} ms (best of 5)")
PY
exec python3 Benchmarks/morph/bench.py "$@"
