#!/usr/bin/env python3
"""Natasha's NER with span normalisation on the given files, timed without model loading.

Prints one JSON line: {"tool": "natasha", "chars": N, "seconds": S, "chars_per_second": R}.
"""
import json
import sys
import time

from natasha import Doc, MorphVocab, NewsEmbedding, NewsMorphTagger, NewsNERTagger, Segmenter

def main():
    repeat = int(sys.argv[1])
    texts = [open(p, encoding="utf-8").read() for p in sys.argv[2:]]
    segmenter, vocab = Segmenter(), MorphVocab()
    emb = NewsEmbedding()
    morph, ner = NewsMorphTagger(emb), NewsNERTagger(emb)
    chars = 0
    start = time.perf_counter()
    for _ in range(repeat):
        for text in texts:
            doc = Doc(text)
            doc.segment(segmenter)
            doc.tag_morph(morph)
            doc.tag_ner(ner)
            for span in doc.spans:
                span.normalize(vocab)
            chars += len(text)
    seconds = time.perf_counter() - start
    print(json.dumps({"tool": "natasha", "chars": chars, "seconds": round(seconds, 4),
                      "chars_per_second": round(chars / seconds)}))

if __name__ == "__main__":
    main()
