#!/usr/bin/env python3
"""A blind sample of auto keywords for a reader (issue 15): pairs (article, keyword) a change
took off, mixed with pairs it kept, each with up to three snippets of its article.

    python3 scripts/keyword-pairs-sample.py SEED OUT.md BEFORE.db AFTER.db N_GONE N_KEPT CORPUS.jsonl

BEFORE.db and AFTER.db are stores of the same JSON-lines CORPUS imported by the two builds.
OUT.md is what the reader reads; OUT.md.key says which item is which (G: taken off, K: kept).
"""
import json
import random
import re
import sqlite3
import sys
import unicodedata

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
texts = {}
for line in open(corpus, encoding="utf-8"):
    art = json.loads(line)
    if art.get("source_url") in urls:
        parts = [art.get("title") or "", art.get("sapo") or ""] + list(art.get("body") or [])
        texts[art["source_url"]] = unicodedata.normalize("NFC", "\n".join(parts))
with open(out, "w", encoding="utf-8") as f, open(out + ".key", "w", encoding="utf-8") as key:
    for i, (kind, url, name) in enumerate(items, 1):
        key.write(f"{i}\t{kind}\t{name}\n")
        text = texts.get(url, "")
        snips = []
        for m in re.finditer(re.escape(name), text, re.I):
            s, e = max(0, m.start() - 90), min(len(text), m.end() + 90)
            snips.append(text[s:e].replace("\n", " ¶ "))
            if len(snips) >= 3:
                break
        f.write(f"### {i}. {name}\n")
        for s in snips or ["(not found verbatim in the text)"]:
            f.write(f"- …{s}…\n")
        f.write("\n")
