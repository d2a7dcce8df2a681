#!/usr/bin/env python3
"""The reference side of bench.sh: slovnet (numpy) on tokenised CoNLL-U, all three models,
writing the same CoNLL-U columns `twingraph parse` writes. Loading is included in its time.

usage: slovnet_parse.py MODELS_DIR FILE.conllu > out.conllu
"""
import os, sys

from navec import Navec
from slovnet import Morph, Syntax, NER


def read_forms(path):
    sentences, current = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                if current:
                    sentences.append(current)
                current = []
            elif not line.startswith("#"):
                cols = line.split("\t")
                if cols[0].isdigit():
                    current.append(cols[1])
    if current:
        sentences.append(current)
    return sentences


def main():
    models, path = sys.argv[1], sys.argv[2]
    navec = Navec.load(os.path.join(models, "navec_news_v1_1B_250K_300d_100q.tar"))
    morph = Morph.load(os.path.join(models, "slovnet_morph_news_v1.tar")).navec(navec)
    syntax = Syntax.load(os.path.join(models, "slovnet_syntax_news_v1.tar")).navec(navec)
    ner = NER.load(os.path.join(models, "slovnet_ner_news_v1.tar")).navec(navec)
    sentences = read_forms(path)
    infer = ner.infer
    tags = infer.decoder(infer.process(infer.encoder(sentences)))
    out = []
    for words, m, s, t in zip(sentences, morph.map(sentences), syntax.map(sentences), tags):
        for i, (word, mt, st, tag) in enumerate(zip(words, m.tokens, s.tokens, t)):
            feats = "|".join(f"{k}={v}" for k, v in sorted(mt.feats.items())) or "_"
            out.append(f"{i + 1}\t{word}\t_\t{mt.pos}\t_\t{feats}\t{st.head_id}\t{st.rel}\t_\tNER={tag}\n")
        out.append("\n")
    sys.stdout.write("".join(out))


if __name__ == "__main__":
    main()
