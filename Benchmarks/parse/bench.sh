#!/usr/bin/env bash
# Parsing benchmark: `twingraph parse` against slovnet on numpy, whole process each (start-up and
# model loading included), one core each (taskset -c 0, BLAS held to one thread), on the
# sentences of Examples/corpus repeated REPEAT times (default 5), in the same run, taking turns
# for ROUNDS rounds (default 3). Prints each side's wall time, the ratio of medians, the peak
# resident memory of each, and whether their outputs agree.
#   Benchmarks/parse/bench.sh [REPEAT] [ROUNDS]      (PYTHON= a python with slovnet; default /tmp/slovnet-venv/bin/python)
set -euo pipefail
cd "$(dirname "$0")/../.."
REPEAT=${1:-5}
ROUNDS=${2:-3}
PYTHON=${PYTHON:-/tmp/slovnet-venv/bin/python}
MODELS=${TWINGRAPH_MODELS:-${XDG_DATA_HOME:-$HOME/.local/share}/twingraph/natasha}
if ! "$PYTHON" -c "import slovnet, navec" 2>/dev/null; then
  python3 -m venv /tmp/slovnet-venv && /tmp/slovnet-venv/bin/pip install -q slovnet navec numpy
  PYTHON=/tmp/slovnet-venv/bin/python
fi
swift build -c release --product twingraph >&2
BIN=.build/release/twingraph
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The tokens: the corpus segmented once, its sentences repeated.
"$BIN" parse --models "$MODELS" Examples/corpus/*.txt | grep -v '^#' | cut -f1,2 > "$work/once.conllu"
for _ in $(seq "$REPEAT"); do cat "$work/once.conllu"; done > "$work/tokens.conllu"
tokens=$(grep -c $'^[0-9]' "$work/tokens.conllu")
echo "input: Examples/corpus sentences x $REPEAT = $tokens tokens"

export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 MKL_NUM_THREADS=1
run() {  # name, output, command...: prints wall seconds and max RSS (KB)
  local name=$1 out=$2; shift 2
  /usr/bin/time -f "%e %M" -o "$work/$name.time" taskset -c 0 "$@" > "$out"
  cat "$work/$name.time"
}
swift_times=(); python_times=()
for round in $(seq "$ROUNDS"); do
  read -r s srss < <(run swift "$work/swift.conllu" "$BIN" parse --models "$MODELS" --input conllu "$work/tokens.conllu")
  read -r p prss < <(run python "$work/python.conllu" "$PYTHON" Benchmarks/parse/slovnet_parse.py "$MODELS" "$work/tokens.conllu")
  echo "round $round: twingraph $s s ($((srss / 1024)) MB max RSS), slovnet $p s ($((prss / 1024)) MB max RSS)"
  swift_times+=("$s"); python_times+=("$p")
done
python3 - "${swift_times[*]}" "${python_times[*]}" "$tokens" <<'PY'
import statistics, sys
s = [float(x) for x in sys.argv[1].split()]
p = [float(x) for x in sys.argv[2].split()]
n = int(sys.argv[3])
ms, mp = statistics.median(s), statistics.median(p)
print(f"median: twingraph {ms:.2f} s ({n / ms:,.0f} tokens/s), slovnet {mp:.2f} s ({n / mp:,.0f} tokens/s); "
      f"twingraph is {mp / ms:.2f}x slovnet (best: {min(p) / min(s):.2f}x)")
PY
same=$(paste <(cut -f1-10 "$work/swift.conllu") <(cut -f1-10 "$work/python.conllu") | awk -F'\t' 'NF>=20 {n++; if ($4==$14 && $6==$16 && $7==$17 && $8==$18 && $10==$20) a++} END {printf "%d/%d", a, n}')
echo "outputs agree on all columns for $same tokens"
