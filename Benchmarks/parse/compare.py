#!/usr/bin/env python3
"""Agreement check: `twingraph parse` against slovnet itself, token by token, on the same tokens.

usage: Benchmarks/parse/compare.py [--bin .build/debug/twingraph] [--models DIR] [--plain]
                                   [--show N] [FILES...]
(default FILES: Examples/corpus/*.txt and ../shared/news/corpus/*.txt). Needs slovnet and navec
(pip install slovnet navec, e.g. in a venv: /tmp/slovnet-venv/bin/python Benchmarks/parse/compare.py).

The texts are segmented once by `twingraph parse` (RussianText); those tokens are written as
CoNLL-U and given to both tools: to `twingraph parse --input conllu` and to slovnet's models
(in batches of 8, as slovnet's API does). Prints, per model, the share of tokens on which the two
agree: morphology (UPOS and FEATS), syntax (HEAD and DEPREL), NER (the BIO tag).
"""
import argparse, glob, os, subprocess, sys, tempfile


def read_conllu(text):
    sentences, current = [], []
    for line in text.split("\n"):
        if not line.strip():
            if current:
                sentences.append(current)
            current = []
            continue
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        if cols[0].isdigit():
            current.append(cols)
    if current:
        sentences.append(current)
    return sentences


def feats_text(feats):
    return "|".join(f"{k}={v}" for k, v in sorted(feats.items())) if feats else "_"


def slovnet_analyses(sentences, models, batch_size=8):
    """(upos+feats, head+rel, ner) per token, from slovnet run on the given token lists."""
    from navec import Navec
    from slovnet import Morph, Syntax, NER
    navec = Navec.load(os.path.join(models, "navec_news_v1_1B_250K_300d_100q.tar"))
    morph = Morph.load(os.path.join(models, "slovnet_morph_news_v1.tar"), batch_size=batch_size).navec(navec)
    syntax = Syntax.load(os.path.join(models, "slovnet_syntax_news_v1.tar"), batch_size=batch_size).navec(navec)
    ner = NER.load(os.path.join(models, "slovnet_ner_news_v1.tar"), batch_size=batch_size).navec(navec)
    morph_out = [[(t.pos, feats_text(t.feats)) for t in m.tokens] for m in morph.map(sentences)]
    syntax_out = [[(t.head_id, t.rel) for t in s.tokens] for s in syntax.map(sentences)]
    # NERInfer tokenises raw text itself; run its encoder, model and decoder on our tokens instead.
    infer = ner.infer
    ner_out = list(infer.decoder(infer.process(infer.encoder(sentences))))
    return morph_out, syntax_out, ner_out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=".build/debug/twingraph")
    ap.add_argument("--models", default=os.environ.get("TWINGRAPH_MODELS") or os.path.join(
        os.environ.get("XDG_DATA_HOME") or os.path.expanduser("~/.local/share"), "twingraph/natasha"))
    ap.add_argument("--plain", action="store_true", help="run twingraph with --plain (no projection cache)")
    ap.add_argument("--show", type=int, default=10, help="mismatches to print per model")
    ap.add_argument("files", nargs="*")
    a = ap.parse_args()
    files = a.files or sorted(glob.glob("Examples/corpus/*.txt")) + sorted(glob.glob("../shared/news/corpus/*.txt"))
    if not files:
        sys.exit("no input files")

    segmented = subprocess.run([a.bin, "parse", "--models", a.models, *files], capture_output=True, text=True, check=True).stdout
    tokens = [[cols[1] for cols in s] for s in read_conllu(segmented)]
    with tempfile.NamedTemporaryFile("w", suffix=".conllu", delete=False) as f:
        for sentence in tokens:
            f.writelines(f"{i + 1}\t{form}\n" for i, form in enumerate(sentence))
            f.write("\n")
        tokens_path = f.name
    command = [a.bin, "parse", "--models", a.models, "--input", "conllu", tokens_path] + (["--plain"] if a.plain else [])
    swift = read_conllu(subprocess.run(command, capture_output=True, text=True, check=True).stdout)
    os.unlink(tokens_path)
    if [[c[1] for c in s] for s in swift] != tokens:
        sys.exit("twingraph --input conllu did not give back the tokens it was given")

    morph, syntax, ner = slovnet_analyses(tokens, a.models)
    total = sum(len(s) for s in tokens)
    print(f"{len(files)} files, {len(tokens)} sentences, {total} tokens")
    checks = {
        "morphology (UPOS+FEATS)": lambda c, i, j: (c[3], c[5]) == morph[i][j],
        "syntax (HEAD+DEPREL)": lambda c, i, j: (c[6], c[7]) == syntax[i][j],
        "NER tag": lambda c, i, j: c[9] == "NER=" + ner[i][j],
    }
    for name, same in checks.items():
        agree, shown = 0, 0
        for i, sentence in enumerate(swift):
            for j, cols in enumerate(sentence):
                if same(cols, i, j):
                    agree += 1
                elif shown < a.show:
                    shown += 1
                    ref = {"morphology (UPOS+FEATS)": morph, "syntax (HEAD+DEPREL)": syntax, "NER tag": ner}[name][i][j]
                    print(f"  {name}: sentence {i + 1} token {j + 1} {cols[1]!r}: twingraph {cols[3:10]} slovnet {ref}")
        print(f"{name}: {agree}/{total} = {100 * agree / total:.3f} %")


if __name__ == "__main__":
    main()
