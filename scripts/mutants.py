#!/usr/bin/env python3
"""Mutate the example reports and check that TwinGraph survives every mutant.

    scripts/mutants.py N [--seed S] [--bin PATH] [--batch B] [--keep DIR]

Makes N mutants of Examples/corpus/*.txt (line-break swaps to CRLF, CR, VT, FF, NEL, U+2028,
U+2029; inserted bytes, some not UTF-8; cut ends; deleted, duplicated and swapped ranges; a
BOM; a re-encoding to windows-1251 or UTF-16), extracts them B at a time (each batch in one
`twingraph extract --lenient` run; a batch that fails is rerun one mutant at a time), and checks:

- no run ends by a signal or takes longer than its time limit;
- a run that succeeds prints valid graph JSON, one that fails prints nothing on standard
  output and a message on standard error;
- every mention and evidence span of every mutant has 0 <= start <= end <= length, and its
  `text` is the exact slice at its offsets of what `twingraph text --lenient` prints.

Exits 1 and names the mutants (kept in --keep DIR) if any check fails. Deterministic for a seed.
"""
import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BREAKS = ["\r\n", "\r", "\x0b", "\x0c", "\x85", "\u2028", "\u2029", "\n"]
TIME_LIMIT = 600  # seconds for a batch run


def swap_line_breaks(data: bytes, rng: random.Random) -> bytes:
    text = data.decode("utf-8", "replace")
    kind = rng.choice(BREAKS)
    mixed = rng.random() < 0.5
    lines = text.split("\n")
    out = lines[0]
    for line in lines[1:]:
        out += (rng.choice(BREAKS) if mixed else kind) + line
    return out.encode("utf-8")


def insert_bytes(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 12)):
        at = rng.randrange(len(out) + 1)
        choice = rng.random()
        if choice < 0.3:
            piece = bytes([rng.randrange(256)])  # any byte: invalid UTF-8, controls, NUL
        elif choice < 0.6:
            piece = rng.choice(["\u00a0", "\u200b", "\ufeff", "«", "»", "—", ".", ",", ";", "\t", " ",
                                "\u0301", "ё", "Ё", "\U0001F600", "\\", "\"", "]"]).encode("utf-8")
        else:
            piece = bytes(rng.randrange(256) for _ in range(rng.randint(2, 8)))
        out[at:at] = piece
    return bytes(out)


def cut(data: bytes, rng: random.Random) -> bytes:
    if rng.random() < 0.5:
        return data[: rng.randrange(len(data) + 1)]  # may cut a character in two
    return data[rng.randrange(len(data) + 1):]


def edit_ranges(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        if len(out) < 2:
            break
        a = rng.randrange(len(out))
        b = min(len(out), a + rng.randint(1, 400))
        piece = bytes(out[a:b])
        op = rng.random()
        if op < 0.4:
            del out[a:b]
        elif op < 0.7:
            out[a:a] = piece
        else:
            c = rng.randrange(len(out))
            del out[a:b]
            out[c:c] = piece
    return bytes(out)


def reencode(data: bytes, rng: random.Random) -> bytes:
    text = data.decode("utf-8", "replace")
    encoding = rng.choice(["cp1251", "koi8_r", "utf-16", "utf-8-sig"])
    return text.encode(encoding, "replace")


MUTATIONS = [swap_line_breaks, insert_bytes, cut, edit_ranges, reencode]


def mutant(reports: list, rng: random.Random) -> tuple:
    source = rng.choice(reports)
    data = source.read_bytes()
    names = []
    for _ in range(rng.randint(1, 3)):
        mutation = rng.choice(MUTATIONS)
        if mutation is reencode and names and "reencode" in names:
            continue
        data = mutation(data, rng)
        names.append(mutation.__name__)
    return data, f"{source.stem}: {', '.join(names)}"


def run(command: list, timeout: int):
    try:
        p = subprocess.run(command, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None
    return p


def check_run(p, label: str, problems: list) -> bool:
    """Whether `p` exited without a signal, with output as its exit code says."""
    if p is None:
        problems.append(f"{label}: no answer within {TIME_LIMIT} s")
        return False
    if p.returncode < 0 or p.returncode >= 128:
        problems.append(f"{label}: killed by signal (exit {p.returncode}): {p.stderr.decode('utf-8', 'replace')[-400:]}")
        return False
    if p.returncode != 0:
        if p.stdout:
            problems.append(f"{label}: exit {p.returncode} but printed {len(p.stdout)} bytes on stdout")
        if not p.stderr.strip():
            problems.append(f"{label}: exit {p.returncode} without a message")
    return True


def check_spans(graph: dict, texts: dict, problems: list, labels: dict) -> int:
    """Checks every span against the text of its document; returns how many were checked."""
    checked = 0
    spans = [s for n in graph.get("nodes", []) for s in n.get("mentions", [])]
    spans += [s for e in graph.get("edges", []) for s in e.get("evidence", [])]
    for s in spans:
        doc = s["document"]
        if doc not in texts:
            problems.append(f"span of unknown document {doc!r}")
            continue
        scalars = texts[doc]
        checked += 1
        if not (0 <= s["start"] <= s["end"] <= len(scalars)):
            problems.append(f"{labels.get(doc, doc)}: span {s['start']}..{s['end']} outside {len(scalars)} scalars")
        elif scalars[s["start"]:s["end"]] != s["text"]:
            problems.append(f"{labels.get(doc, doc)}: span {s['start']}..{s['end']} text {s['text'][:40]!r} "
                            f"is not its slice {scalars[s['start']:s['end']][:40]!r}")
    return checked


def extract_batch(binary: str, files: list, texts: dict, labels: dict, problems: list, stats: dict):
    p = run([binary, "extract", "--lenient", "--quiet", *map(str, files)], TIME_LIMIT)
    stats["runs"] += 1
    if not check_run(p, f"extract of {len(files)}", problems):
        return False
    if p.returncode == 0 or p.stdout:
        try:
            graph = json.loads(p.stdout)
        except ValueError as error:
            problems.append(f"extract of {[f.name for f in files]}: invalid JSON ({error})")
            return False
        stats["spans"] += check_spans(graph, texts, problems, labels)
        stats["documents"] += len(graph.get("documents", []))
    return p.returncode == 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", type=int, help="how many mutants")
    parser.add_argument("--seed", type=int, default=18)
    parser.add_argument("--bin", default=str(ROOT / ".build/release/twingraph"))
    parser.add_argument("--batch", type=int, default=16, help="mutants per extract run")
    parser.add_argument("--keep", help="keep the mutants in this folder")
    args = parser.parse_args()
    if not os.access(args.bin, os.X_OK):
        print(f"mutants.py: no twingraph at {args.bin} (build it, or pass --bin)", file=sys.stderr)
        return 2
    reports = sorted((ROOT / "Examples/corpus").glob("*.txt"))
    rng = random.Random(args.seed)
    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="twingraph-mutants-"))
    folder.mkdir(parents=True, exist_ok=True)
    problems, labels, texts = [], {}, {}
    stats = {"runs": 0, "spans": 0, "documents": 0, "unreadable": 0}
    files = []
    for k in range(args.count):
        data, label = mutant(reports, rng)
        path = folder / f"mutant-{k:04d}.txt"
        path.write_bytes(data)
        labels[path.stem] = f"{path.name} ({label})"
        p = run([args.bin, "text", "--lenient", str(path)], 120)
        if not check_run(p, f"text {labels[path.stem]}", problems):
            continue
        if p.returncode != 0:
            stats["unreadable"] += 1  # refused with a message (checked above): nothing to extract
            continue
        texts[path.stem] = p.stdout.decode("utf-8")
        files.append(path)
    for start in range(0, len(files), args.batch):
        batch = files[start:start + args.batch]
        batch_problems = []
        if not extract_batch(args.bin, batch, texts, labels, batch_problems, stats) and len(batch) > 1:
            for path in batch:  # find the mutant that failed
                extract_batch(args.bin, [path], texts, labels, problems, stats)
        else:
            problems += batch_problems
        print(f"{min(start + args.batch, len(files))}/{len(files)} extracted, {len(problems)} problems", file=sys.stderr)
    print(f"{args.count} mutants (seed {args.seed}): {len(files)} read, {stats['unreadable']} refused with a message; "
          f"{stats['runs']} extract runs, {stats['documents']} documents, {stats['spans']} spans checked; "
          f"{len(problems)} problems")
    for problem in problems:
        print("  " + problem)
    if not args.keep:
        if problems:
            print(f"mutants kept in {folder}")
        else:
            shutil.rmtree(folder)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
