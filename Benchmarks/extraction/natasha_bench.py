#!/usr/bin/env python3
"""Natasha's whole pipeline on the given files, timed without model loading: segmentation,
morphology tagging, syntax, NER and span normalisation (TwinGraph's extraction runs the same
three models on every sentence).

Prints one JSON line: {"tool": "natasha", "chars": N, "seconds": S, "chars_per_second": R}.
"""
import json
import sys
import time

from natasha import Doc, MorphVocab, NewsEmbedding, NewsMorphTagger, NewsNERTagger, NewsSyntaxParser, Segmenter

def main():
    repeat = int(sys.argv[1])
    texts = [open(p, encoding="utf-8").read() for p in sys.argv[2:]]
    segmenter, vocab = Segmenter(), MorphVocab()
    emb = NewsEmbedding()
    morph, ner, syntax = NewsMorphTagger(emb), NewsNERTagger(emb), NewsSyntaxParser(emb)
    chars = 0
    start = time.perf_counter()
    for _ in range(repeat):
        for text in texts:
            doc = Doc(text)
            doc.segment(segmenter)
            doc.tag_morph(morph)
            doc.parse_syntax(syntax)
            doc.tag_ner(ner)
            for span in doc.spans:
                span.normalize(vocab)
            chars += len(text)
    seconds = time.perf_counter() - start
    print(json.dumps({"tool": "natasha", "chars": chars, "seconds": round(seconds, 4),
                      "chars_per_second": round(chars / seconds)}))

if __name__ == "__main__":
    main()
