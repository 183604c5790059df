#!/usr/bin/env python3
"""How a change moved the auto keywords (issue 15): the pairs (article URL, keyword) two stores
of the same corpus hold, the pairs taken off and put in, and the keywords most often in each.

    python3 scripts/keyword-pairdiff.py BEFORE.db AFTER.db [N]

BEFORE.db and AFTER.db are stores of the same JSON-lines corpus imported by the two builds
(`docbao --db X.db import - < corpus.jsonl`). N (default 25) is how many keywords to list on
each side. Pairs are compared by the keyword's key, so a keyword whose shown form changed is
neither taken off nor put in.
"""
import collections
import sqlite3
import sys


def pairs(db):
    c = sqlite3.connect(db)
    return {(url, key): name for url, key, name in c.execute(
        "SELECT a.url, k.key, k.name FROM article_keywords ak JOIN keywords k ON k.id = ak.keyword_id "
        "JOIN articles a ON a.id = ak.article_id WHERE ak.source = 'auto'")}


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    before, after = pairs(sys.argv[1]), pairs(sys.argv[2])
    n = int(sys.argv[3]) if len(sys.argv) == 4 else 25
    off = collections.Counter(before[p] for p in before.keys() - after.keys())
    put_in = collections.Counter(after[p] for p in after.keys() - before.keys())
    print(f"pairs: {len(before):,} -> {len(after):,}; off {sum(off.values()):,}, "
          f"in {sum(put_in.values()):,}")
    for title, counts in (("most off", off), ("most in", put_in)):
        print(f"\n{title}:")
        for name, count in counts.most_common(n):
            print(f"{count:6}  {name}")


if __name__ == "__main__":
    main()
