#!/usr/bin/env python3
"""Agreement check: every distinct Cyrillic word of a corpus, best parse of pymorphy3 vs
`twingraph morph` (normal form AND tag must both match).

usage: Benchmarks/morph/compare.py [--bin .build/debug/twingraph] [--dict DIR] [--show N]
                                   [--all-parses] [FILES...]
(default FILES: Examples/corpus/*.txt). Needs pymorphy3 (pip install pymorphy3).

--all-parses is the stricter check: every parse of every word (form, normal form, tag, score
to 1e-9, order), on the corpus words plus made-up words that exercise the analyzers for
unknown words (suffix prediction, prefixes, hyphens, particles, shapes).
"""
import argparse, glob, json, os, random, re, subprocess, sys

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
    ap.add_argument("--all-parses", action="store_true", help="compare every parse, with scores")
    ap.add_argument("files", nargs="*")
    a = ap.parse_args()
    files = a.files or sorted(glob.glob("Examples/corpus/*.txt"))
    words = corpus_words(files)

    import pymorphy3
    morph = pymorphy3.MorphAnalyzer(path=a.dict)
    if a.all_parses:
        return all_parses(a, morph, words)
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


def made_up_words(words):
    rnd = random.Random(1)
    out = []
    for _ in range(3000):
        x, y = rnd.choice(words), rnd.choice(words)
        out.append(x[:max(1, len(x) // 2)] + y[len(y) // 2:])
    out += ["по-" + w.lower() for w in words[:300]] + [w + "-то" for w in words[:300]]
    out += [x + "-" + y for x, y in zip(words[::7], words[3::7])]
    out += ["Ф", "Ё", "А", "XVI", "mix", "12", "3,5", "«", "»...", "1e5", "ёлка", "елка", "еще", "iPhone",
            "Санкт-Петербурга", "вице-мэра", "интернет-магазина", "псевдокошка", "экс-мэра", "Нью-Йорка"]
    return out


def all_parses(a, morph, words):
    corpus_count = len(words)
    words = words + made_up_words(words)
    ref = []
    for w in words:
        ref.append([(p.word, p.normal_form, str(p.tag), round(p.score, 9)) for p in morph.parse(w)])
    out = subprocess.run([a.bin, "morph", "--all", "--dict", a.dict], input="\n".join(words) + "\n",
                         capture_output=True, text=True, check=True).stdout.splitlines()
    got = [(j["word"], j["normal_form"], j["tag"], round(j["score"], 9)) for j in map(json.loads, out)]
    flat = [p for ps in ref for p in ps]
    same_words = 0
    pos = 0
    bad = []
    for w, ps in zip(words, ref):
        mine = got[pos:pos + len(ps)]
        pos += len(ps)
        if mine == ps:
            same_words += 1
        else:
            bad.append((w, ps, mine))
    n = len(words)
    print(f"words: {n} ({corpus_count} from the corpus, {n - corpus_count} made up); "
          f"parses: {len(flat)} pymorphy3, {len(got)} twingraph")
    print(f"every parse identical (form, normal form, tag, score, order): {same_words}/{n} = {100 * same_words / n:.2f}%")
    for w, r, g in bad[:a.show]:
        print(f"  {w}:\n    pymorphy3 {r}\n    twingraph {g}")


if __name__ == "__main__":
    main()
