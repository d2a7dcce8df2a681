#!/usr/bin/env python3
"""Side-by-side speed of pymorphy3 and `twingraph morph` on the same word list, one run.

The list is the corpus' tokens (words, numbers, Latin) in text order, repeated to --count
tokens. Both tools read the list, parse every word and print the best parse as a JSON line
(to /dev/null); wall time includes start-up and dictionary loading. Both are pinned to one CPU
core with taskset when available.
"""
import argparse, glob, os, re, shutil, subprocess, sys, tempfile, time

TOKEN = re.compile(r"\w+(?:-\w+)*")

PYMORPHY = r"""
import json, sys, pymorphy3
morph = pymorphy3.MorphAnalyzer(path=sys.argv[1])
out = sys.stdout
for line in sys.stdin:
    w = line.rstrip("\n")
    if not w:
        continue
    p = morph.parse(w)[0]
    out.write(json.dumps({"word": p.word, "normal_form": p.normal_form, "tag": str(p.tag),
                          "score": p.score}, ensure_ascii=False) + "\n")
"""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=".build/release/twingraph")
    ap.add_argument("--count", type=int, default=1_000_000)
    ap.add_argument("--dict", default=os.environ.get("TWINGRAPH_DICT",
                    os.path.expanduser("~/.local/share/twingraph/pymorphy3-dicts-ru")))
    a = ap.parse_args()

    tokens = []
    for f in sorted(glob.glob("Examples/corpus/*.txt")):
        with open(f, encoding="utf-8") as fh:
            tokens += TOKEN.findall(fh.read())
    words = (tokens * (a.count // len(tokens) + 1))[:a.count]
    pin = ["taskset", "-c", "0"] if shutil.which("taskset") else []

    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "words.txt")
        with open(path, "w", encoding="utf-8") as fh:
            fh.write("\n".join(words) + "\n")
        script = os.path.join(tmp, "pymorphy_best.py")
        with open(script, "w") as fh:
            fh.write(PYMORPHY)

        def timed(cmd):
            with open(path, "rb") as stdin, open(os.devnull, "wb") as devnull:
                t = time.perf_counter()
                subprocess.run(pin + cmd, stdin=stdin, stdout=devnull, check=True)
                return time.perf_counter() - t

        t_swift = timed([a.bin, "morph", "--dict", a.dict])
        t_py = timed([sys.executable, script, a.dict])

    n = len(words)
    print(f"words: {n} ({len(tokens)} corpus tokens repeated){' , one core (taskset -c 0)' if pin else ''}")
    print(f"pymorphy3 {pymorphy_version()}: {t_py:8.2f} s  {n / t_py:12,.0f} words/s")
    print(f"twingraph morph:   {t_swift:8.2f} s  {n / t_swift:12,.0f} words/s")
    print(f"ratio: {t_py / t_swift:.1f}x")


def pymorphy_version():
    try:
        import pymorphy3
        return pymorphy3.__version__
    except Exception:
        return "?"


if __name__ == "__main__":
    main()
