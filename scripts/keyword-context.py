#!/usr/bin/env python3
"""Context for a blind reading of auto keywords (issue 15): for each keyword of a sample, the
title of the first three articles that hold it and the sentences of each that name it.

    sqlite3 -separator $'\\t' STORE.db "SELECT name, article_count FROM keywords WHERE article_count > 0" \\
      | ./target/release/examples/keyword_sample 200 SEED | sed -n '2,201p' \\
      | sed -E 's/^ *([0-9]+) +[a-z?]+ +/\\1\\t/' > sample.tsv
    python3 scripts/keyword-context.py STORE.db sample.tsv CORPUS.jsonl > sample.md

sample.tsv holds `count<TAB>keyword` lines (the sample drawn by examples/keyword_sample, with
its rule's guess taken out so that the reader does not see it). The reader sees each keyword
numbered, with where it was found.
"""
import json
import re
import sqlite3
import sys
import unicodedata


def sentences_with(text, name, limit=2):
    found = []
    for sentence in re.split(r"(?<=[.!?…])\s+|\n+", text):
        if name.casefold() in sentence.casefold():
            found.append(sentence.strip()[:400])
            if len(found) == limit:
                break
    return found


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    store = sqlite3.connect(sys.argv[1])
    sample = [line.rstrip("\n").split("\t")[-1].strip()
              for line in open(sys.argv[2], encoding="utf-8") if line.strip()]
    holders = {}
    for name in sample:
        holders[name] = store.execute(
            "SELECT a.url FROM keywords k JOIN article_keywords ak ON ak.keyword_id = k.id "
            "JOIN articles a ON a.id = ak.article_id WHERE k.name = ? ORDER BY a.id LIMIT 3",
            (name,)).fetchall()
    wanted = {url for rows in holders.values() for (url,) in rows}
    texts = {}
    for line in open(sys.argv[3], encoding="utf-8"):
        article = json.loads(line)
        url = article.get("url") or article.get("source_url")
        if url in wanted:
            body = article.get("body") or ""
            if isinstance(body, list):
                body = "\n".join(body)
            texts[url] = (article.get("title") or "",
                         unicodedata.normalize("NFC", (article.get("sapo") or "") + "\n" + body))
    for number, name in enumerate(sample, 1):
        print(f"## {number}. {name}\n")
        for (url,) in holders[name]:
            title, body = texts.get(url, ("", ""))
            print(f"- article: {title}")
            for sentence in sentences_with(title + "\n" + body, name):
                print(f"  > {sentence}")
        print()


if __name__ == "__main__":
    main()
