#!/usr/bin/env python3
"""Writes paths-fixture.json: a small hand-checked graph built from real sentences of
Examples/corpus, used by the store and query tests until extraction produces Graphs/graph.json.

Each fact names its sentence and the words to mention; offsets are computed here (Python string
indices are Unicode scalars, the unit of the graph JSON contract), so every span is the exact slice.
Run from the repository root: python3 Tests/Fixtures/make-paths-fixture.py
"""
import hashlib
import json
import os

CORPUS = "Examples/corpus"

# (document, reporter, year)
DOCS = [
    ("omsk-2019", "city/omsk", 2019),
    ("irkutsk-2009", "city/irkutsk", 2009),
    ("khabarovsk-2021", "city/khabarovsk", 2021),
    ("blagoveshchensk-2011", "city/blagoveshchensk", 2011),
    ("tomsk-2011", "city/tomsk", 2011),
]

NODES = {
    "city/omsk": ("Омск", "RU"), "city/irkutsk": ("Иркутск", "RU"), "city/simferopol": ("Симферополь", "UA"),
    "city/kaifeng": ("Кайфын", "CN"), "city/pavlodar": ("Павлодар", "KZ"), "city/pforzheim": ("Пфорцхайм", "DE"),
    "city/khabarovsk": ("Хабаровск", "RU"), "city/niigata": ("Ниигата", "JP"), "city/harbin": ("Харбин", "CN"),
    "city/blagoveshchensk": ("Благовещенск", "RU"), "city/takatsuki": ("Такацуки", "JP"),
    "city/joetsu": ("Дзеэцу", "JP"), "city/heihe": ("Хэйхэ", "CN"), "city/tomsk": ("Томск", "RU"),
    "city/changzhou": ("Чанчжоу", "CN"),
}

# (document, sentence start text, sentence end text, edges, mentions {node: surface form})
FACTS = [
    ("omsk-2019", "С официальными визитами представители Администрации города Омска", "Новосибирск.",
     [("partner-of", "city/omsk", "city/simferopol", {}), ("visited", "city/omsk", "city/simferopol", {}),
      ("partner-of", "city/omsk", "city/kaifeng", {}), ("visited", "city/omsk", "city/kaifeng", {}),
      ("partner-of", "city/omsk", "city/pavlodar", {})],
     {"city/omsk": "Омска", "city/simferopol": "Симферополь", "city/kaifeng": "Кайфын", "city/pavlodar": "Павлодар"}),
    ("irkutsk-2009", "- представитель администрации г. Иркутска и детский хореографический", "225-летия г. Симферополь.",
     [("visited", "city/irkutsk", "city/simferopol", {})],
     {"city/irkutsk": "Иркутска", "city/simferopol": "Симферополь"}),
    ("irkutsk-2009", "Партнерские отношения между городами Иркутск и Пфорцхайм", "35 немецких городов.",
     [("partner-of", "city/irkutsk", "city/pforzheim", {})],
     {"city/irkutsk": "Иркутск", "city/pforzheim": "Пфорцхайм"}),
    ("khabarovsk-2021", "- организация участия представителей экологической отрасли", "Харбин (КНР);",
     [("twinned-with", "city/khabarovsk", "city/niigata", {"status": "established"}),
      ("twinned-with", "city/khabarovsk", "city/harbin", {"status": "established"})],
     {"city/khabarovsk": "Хабаровск", "city/niigata": "Ниигата", "city/harbin": "Харбин"}),
    ("blagoveshchensk-2011", "Особое место в международной жизни нашего города", "более 10 лет.",
     [("partner-of", "city/blagoveshchensk", "city/niigata", {}),
      ("partner-of", "city/blagoveshchensk", "city/takatsuki", {}),
      ("partner-of", "city/blagoveshchensk", "city/joetsu", {})],
     {"city/niigata": "Ниигатой", "city/takatsuki": "Такацуки", "city/joetsu": "Дзеэцу"}),
    ("blagoveshchensk-2011", "Одним из главных событий международной жизни городов Хэйхэ", "побратимских связей.",
     [("twinned-with", "city/blagoveshchensk", "city/heihe", {"status": "established"})],
     {"city/blagoveshchensk": "Благовещенска", "city/heihe": "Хэйхэ"}),
    ("tomsk-2011", "В 2011 году была организована всесторонняя работа", "Чанчжоу (КНР).",
     [("twinned-with", "city/tomsk", "city/changzhou", {"status": "planned"})],
     {"city/tomsk": "Томском", "city/changzhou": "Чанчжоу"}),
]

SYMMETRIC = {"twinned-with", "partner-of"}


def edge_id(t, s, d, attrs):
    i = f"{t}:{s}->{d}"
    for k in ["status", "role", "year", "date"]:
        if k in attrs:
            i += f"@{k}={attrs[k]}"
    return i


def main():
    texts = {d: open(os.path.join(CORPUS, d + ".txt"), encoding="utf-8").read() for d, _, _ in DOCS}
    documents, nodes, edges = [], {}, {}
    year_of = {d: y for d, _, y in DOCS}
    for d, reporter, year in DOCS:
        raw = open(os.path.join(CORPUS, d + ".txt"), "rb").read()
        documents.append({"id": d, "path": f"{CORPUS}/{d}.txt", "sha256": hashlib.sha256(raw).hexdigest(),
                          "reporter": reporter, "year": year})
    for doc, first, last, facts, mentions in FACTS:
        text = texts[doc]
        start = text.index(first)
        end = text.index(last, start) + len(last)
        sentence = text[start:end]
        span = {"document": doc, "start": start, "end": end, "text": sentence}
        for node, form in mentions.items():
            at = start + sentence.index(form)
            assert text[at:at + len(form)] == form
            name, country = NODES[node]
            n = nodes.setdefault(node, {"id": node, "type": "city", "name": name, "aliases": [],
                                        "attributes": {"country": country}, "mentions": []})
            if form != name and form not in n["aliases"]:
                n["aliases"].append(form)
            n["mentions"].append({"document": doc, "start": at, "end": at + len(form), "text": form})
        for t, s, tgt, attrs in facts:
            if t in SYMMETRIC and tgt < s:
                s, tgt = tgt, s
            attrs = dict(attrs, year=year_of[doc])
            i = edge_id(t, s, tgt, attrs)
            e = edges.setdefault(i, {"id": i, "type": t, "source": s, "target": tgt, "attributes": attrs, "evidence": []})
            e["evidence"].append(span)
    # Nodes only referenced by edges of a document still need a mention somewhere.
    for e in edges.values():
        for end in (e["source"], e["target"]):
            assert end in nodes, end
    graph = {"documents": sorted(documents, key=lambda d: d["id"]),
             "nodes": sorted(nodes.values(), key=lambda n: n["id"]),
             "edges": sorted(edges.values(), key=lambda e: e["id"])}
    for n in graph["nodes"]:
        n["aliases"].sort()
        n["mentions"].sort(key=lambda m: (m["document"], m["start"]))
    with open("Tests/Fixtures/paths-fixture.json", "w", encoding="utf-8") as f:
        json.dump(graph, f, ensure_ascii=False, indent=2, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
