#!/usr/bin/env bash
# Checks the Documents stage against the bars of issue 13: each report of Examples/corpus is
# made into .docx, .odt, .doc, .pdf and .html by LibreOffice (`soffice --headless --convert-to`),
# hard-wrapped by `fold -s -w 72`, and given a title line in place of the bare city name
# ("Отчет о международной деятельности Администрации города Омска за 2019 год"). Each variant is
# extracted and scored with score.py against the gold; the figures are compared with the plain
# text's: the reporting city and year of every document must be the plain text's, and no recall
# may drop by more than 0.02.
#
# usage: scripts/check-documents.sh [VARIANT...]   (default: all of docx odt doc pdf html rtf wrapped titled)
# Needs LibreOffice (apt-get install libreoffice-writer-nogui) and a built twingraph.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
SHARED=${TWINGRAPH_SHARED:-$ROOT/../shared}
[ -d "$SHARED/gold" ] || SHARED=/work/shared
TWINGRAPH=${TWINGRAPH:-$ROOT/.build/debug/twingraph}
[ -x "$TWINGRAPH" ] || { echo "check-documents: build first (swift build --product twingraph)" >&2; exit 2; }
VARIANTS=("$@")
[ ${#VARIANTS[@]} -gt 0 ] || VARIANTS=(docx odt doc pdf html rtf wrapped titled)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/plain"
cp Examples/corpus/*.txt "$work/plain/"

make_variant() {
  local v=$1 out=$work/$1
  mkdir -p "$out"
  case $v in
    docx|odt|doc|pdf|html|rtf)
      command -v soffice >/dev/null || { echo "check-documents: soffice not found: apt-get install libreoffice-writer-nogui" >&2; exit 2; }
      soffice --headless --infilter="Text (encoded):UTF8" --convert-to "$v" --outdir "$out" "$work"/plain/*.txt >/dev/null 2>&1 ;;
    wrapped)
      for f in "$work"/plain/*.txt; do fold -s -w 72 "$f" > "$out/$(basename "$f")"; done ;;
    titled)
      # The bare city name of the first line becomes a report title naming the city in the
      # genitive ("ОМСК" → "… Администрации города Омска за 2019 год"); the year is the file name's.
      for f in "$work"/plain/*.txt; do
        python3 - "$f" "$out/$(basename "$f")" <<'PY'
import re, sys
src, dst = sys.argv[1], sys.argv[2]
text = open(src, encoding="utf-8").read()
year = re.search(r"(\d{4})", src.rsplit("/", 1)[-1]).group(1)
lines = text.split("\n")
k = next(i for i, l in enumerate(lines) if l.strip())
city = lines[k].strip().capitalize()
genitive = city + ("а" if city[-1] not in "аеёиоуыэюяь" else "")
lines[k] = f"Отчет о международной деятельности Администрации города {genitive} за {year} год"
open(dst, "w", encoding="utf-8").write("\n".join(lines))
PY
      done ;;
    *) echo "check-documents: unknown variant $v" >&2; exit 2 ;;
  esac
}

extract_and_score() {
  local v=$1
  "$TWINGRAPH" extract -q "$work/$v" -o "$work/$v.json" 2> "$work/$v.log" || true
  python3 "$SHARED/tools/score.py" "$work/$v.json" "$SHARED/gold" --json > "$work/$v.score.json"
}

extract_and_score plain
status=0
python3 - "$work" <<'PY'
import json, sys
s = json.load(open(f"{sys.argv[1]}/plain.score.json"))
print("plain text recalls: " + ", ".join(f"{m} {r['ok']}/{r['n']}" for m, r in sorted(s.items()) if "recall" in m))
PY
printf '%-8s %-34s %s\n' variant "reporter/year as plain?" "recall deltas vs plain (worst first)"
for v in "${VARIANTS[@]}"; do
  make_variant "$v"
  extract_and_score "$v"
  python3 - "$work" "$v" <<'PY' || status=1
import json, sys
work, v = sys.argv[1], sys.argv[2]
def docs(name):
    return {d["id"]: (d.get("reporter"), d.get("year")) for d in json.load(open(f"{work}/{name}.json"))["documents"]}
plain, variant = docs("plain"), docs(v)
wrong = [f"{i}: {variant.get(i)} != {p}" for i, p in sorted(plain.items()) if variant.get(i) != p]
ps, vs = json.load(open(f"{work}/plain.score.json")), json.load(open(f"{work}/{v}.score.json"))
deltas = sorted((vs.get(m, {"ratio": 0})["ratio"] - ps[m]["ratio"], m) for m in ps if "recall" in m)
worst = deltas[0][0] if deltas else 0
shown = ", ".join(f"{m} {d:+.3f}" for d, m in deltas if abs(d) > 1e-9) or "all equal"
print(f"{v:8s} {'yes' if not wrong else 'NO: ' + '; '.join(wrong):34s} {shown}")
others = sorted((vs.get(m, {"ratio": 0})["ratio"] - ps[m]["ratio"], m) for m in ps if "recall" not in m)
changed = ", ".join(f"{m} {d:+.3f}" for d, m in others if abs(d) > 1e-9)
if changed:
    print(f"{'':8s} {'':34s} other metrics: {changed}")
failed = bool(wrong) or worst < -0.02
if failed:
    print(f"{'':8s} FAILS the bar", file=sys.stderr)
sys.exit(1 if failed else 0)
PY
  grep -h "error" "$work/$v.log" | sed "s/^/    $v: /" || true
done
exit $status
