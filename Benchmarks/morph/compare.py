#!/usr/bin/env python3
"""Agreement check: every distinct Cyrillic word of a corpus, best parse of pymorphy3 vs
`twingraph morph` (normal form AND tag must both match).

usage: Benchmarks/morph/compare.py [--bin .build/debug/twingraph] [--dict DIR] [--show N] [FILES...]
(default FILES: Examples/corpus/*.txt). Needs pymorphy3 (pip install pymorphy3).
"""
import argparse, glob, json, os, re, subprocess, sys

WORD = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*")


def corpus_words(files):
    words = set()
    for f in files:
        with open(f, encoding="utf-8") as fh:
            words.update(WORD.findall(fh.read()))
    return sorted(words)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=".build/debug/twingraph")
    ap.add_argument("--dict", default=os.environ.get("TWINGRAPH_DICT",
                    os.path.expanduser("~/.local/share/twingraph/pymorphy3-dicts-ru")))
    ap.add_argument("--show", type=int, default=30, help="mismatches to print")
    ap.add_argument("files", nargs="*")
    a = ap.parse_args()
    files = a.files or sorted(glob.glob("Examples/corpus/*.txt"))
    words = corpus_words(files)

    import pymorphy3
    morph = pymorphy3.MorphAnalyzer(path=a.dict)
    ref = []
    for w in words:
        p = morph.parse(w)[0]
        ref.append((p.normal_form, str(p.tag)))

    out = subprocess.run([a.bin, "morph", "--dict", a.dict], input="\n".join(words) + "\n",
                         capture_output=True, text=True, check=True).stdout.splitlines()
    if len(out) != len(words):
        sys.exit(f"twingraph printed {len(out)} lines for {len(words)} words")
    got = [(j["normal_form"], j["tag"]) for j in map(json.loads, out)]

    nf_ok = sum(r[0] == g[0] for r, g in zip(ref, got))
    tag_ok = sum(r[1] == g[1] for r, g in zip(ref, got))
    both = [(w, r, g) for w, r, g in zip(words, ref, got) if r != g]
    n = len(words)
    print(f"words: {n} distinct Cyrillic words in {len(files)} files")
    print(f"normal form agrees: {nf_ok}/{n} = {100 * nf_ok / n:.2f}%")
    print(f"tag agrees:         {tag_ok}/{n} = {100 * tag_ok / n:.2f}%")
    print(f"both agree:         {n - len(both)}/{n} = {100 * (n - len(both)) / n:.2f}%")
    for w, r, g in both[:a.show]:
        print(f"  {w}: pymorphy3 {r[0]} {r[1]} | twingraph {g[0]} {g[1]}")


if __name__ == "__main__":
    main()
