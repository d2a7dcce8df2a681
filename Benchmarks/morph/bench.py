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
            """Wall time and CPU time (user + system) of the child."""
            with open(path, "rb") as stdin, open(os.devnull, "wb") as devnull:
                t = time.perf_counter()
                proc = subprocess.Popen(pin + cmd, stdin=stdin, stdout=devnull)
                _, status, usage = os.wait4(proc.pid, 0)
                wall = time.perf_counter() - t
                if status != 0:
                    sys.exit(f"{cmd[0]} failed with status {status}")
                return wall, usage.ru_utime + usage.ru_stime

        w_swift, c_swift = timed([a.bin, "morph", "--dict", a.dict])
        w_py, c_py = timed([sys.executable, script, a.dict])

    n = len(words)
    print(f"words: {n} ({len(tokens)} corpus tokens repeated){', one core (taskset -c 0)' if pin else ''}")
    print(f"{'':18} {'wall s':>8} {'words/s (wall)':>15} {'CPU s':>8} {'words/s (CPU)':>14}")
    for name, w, c in [(f"pymorphy3 {pymorphy_version()}", w_py, c_py), ("twingraph morph", w_swift, c_swift)]:
        print(f"{name:18} {w:8.2f} {n / w:15,.0f} {c:8.2f} {n / c:14,.0f}")
    print(f"ratio (wall): {w_py / w_swift:.1f}x   ratio (CPU time): {c_py / c_swift:.1f}x")


def pymorphy_version():
    try:
        import pymorphy3
        return pymorphy3.__version__
    except Exception:
        return "?"


if __name__ == "__main__":
    main()
