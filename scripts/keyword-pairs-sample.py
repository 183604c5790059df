#!/usr/bin/env python3
"""A blind sample of auto keywords for a reader (issue 15): pairs (article, keyword) a change
took off, mixed with pairs it kept, each with up to three snippets of its article.

    python3 scripts/keyword-pairs-sample.py SEED OUT.md BEFORE.db AFTER.db N_GONE N_KEPT CORPUS.jsonl

BEFORE.db and AFTER.db are stores of the same JSON-lines CORPUS imported by the two builds.
OUT.md is what the reader reads; OUT.md.key says which item is which (G: taken off, K: kept).
"""
import random
import sqlite3
import sys

from pair_snippets import snippets, texts_of

seed, out, before, after = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
n_gone, n_kept, corpus = int(sys.argv[5]), int(sys.argv[6]), sys.argv[7]


def pairs(db):
    """(url, key) -> the name shown: compared by key, so that a keyword whose display form
    changed ("TP Hà Nội", "TP.Hà Nội") is neither taken off nor moved in."""
    c = sqlite3.connect(db)
    return {(url, key): name for url, key, name in c.execute(
        "SELECT a.url, k.key, k.name FROM article_keywords ak JOIN keywords k ON k.id = ak.keyword_id "
        "JOIN articles a ON a.id = ak.article_id WHERE ak.source = 'auto'")}


b, a = pairs(before), pairs(after)
gone = sorted((url, b[(url, key)]) for url, key in b.keys() - a.keys())
kept = sorted((url, name) for (url, _), name in a.items())
print("taken off:", len(gone), "kept:", len(kept))
random.seed(seed)
items = [("G",) + x for x in random.sample(gone, min(n_gone, len(gone)))]
items += [("K",) + x for x in random.sample(kept, n_kept)]
random.shuffle(items)
urls = {x[1] for x in items}
texts = texts_of(corpus, urls)
with open(out, "w", encoding="utf-8") as f, open(out + ".key", "w", encoding="utf-8") as key:
    for i, (kind, url, name) in enumerate(items, 1):
        key.write(f"{i}\t{kind}\t{name}\n")
        text = texts.get(url, "")
        f.write(f"### {i}. {name}\n")
        for s in snippets(text, name):
            f.write(f"- …{s}…\n")
        f.write("\n")
