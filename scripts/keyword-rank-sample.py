#!/usr/bin/env python3
"""A blind sample of auto keywords by their rank in their article (issue 15): PER pairs
(article, keyword) drawn at random from each of the five ranks, shuffled, each with its
article's title and up to three snippets of its text, for a reader who sees neither the rank
nor the rules (the prompt: scripts/keyword-reader-prompt.txt).

    python3 scripts/keyword-rank-sample.py SEED OUT.md STORE.db PER CORPUS.jsonl

OUT.md is what the reader reads; OUT.md.key says each item's rank, how many auto keywords its
article has, the keyword and the article's address.
"""
import random
import sqlite3
import sys

from pair_snippets import snippets, texts_of
seed, out, db, per, corpus = int(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]
c = sqlite3.connect(db)
rows = c.execute("""SELECT a.url, ak.article_id, ak.pos, k.name FROM article_keywords ak
 JOIN keywords k ON k.id = ak.keyword_id JOIN articles a ON a.id = ak.article_id
 WHERE ak.source='auto' ORDER BY ak.article_id, ak.pos""").fetchall()
by = {}
for url, aid, pos, name in rows:
    by.setdefault(aid, []).append((url, name))
strata = {r: [] for r in range(1, 6)}
for aid, ks in by.items():
    for i, (url, name) in enumerate(ks):
        strata[i + 1].append((url, name, len(ks)))
random.seed(seed)
items = []
for r in range(1, 6):
    for x in random.sample(strata[r], per):
        items.append((r,) + x)
random.shuffle(items)
urls = {x[1] for x in items}
texts = texts_of(corpus, urls)
with open(out, "w", encoding="utf-8") as f, open(out + ".key", "w", encoding="utf-8") as key:
    for i, (r, url, name, n) in enumerate(items, 1):
        key.write(f"{i}\t{r}\t{n}\t{name}\t{url}\n")
        text = texts.get(url, "")
        title = text.split("\n", 1)[0]
        f.write(f"### {i}. {name}\n")
        f.write(f"(article: {title[:160]})\n")
        for s in snippets(text, name):
            f.write(f"- …{s}…\n")
        f.write("\n")
