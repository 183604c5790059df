#!/usr/bin/env python3
"""Build a newsboat cache holding the articles of a JSON-lines file, for the
benchmarks (scripts/bench.sh): the peer's first screen and cache size on the
same items as docbao's store.

    scripts/newsboat-cache.py CORPUS.jsonl DIR

The schema comes from newsboat itself: it is run once on an empty urls file
to create DIR/cache.db, then the items are written into it, spread over 40
feeds (as a subscriber of 40 feeds has them), with their paragraphs as
HTML content. DIR/urls lists the feeds and DIR/config is empty.
"""
import os
import sqlite3
import subprocess
import sys

from corpus_items import items

corpus, out = sys.argv[1], sys.argv[2]
FEEDS = 40
os.makedirs(out, exist_ok=True)
cache = os.path.join(out, "cache.db")
for name in ("cache.db", "urls", "config"):
    try:
        os.remove(os.path.join(out, name))
    except FileNotFoundError:
        pass
feeds = [f"http://127.0.0.1:9/feed-{i}.xml" for i in range(FEEDS)]
with open(os.path.join(out, "urls"), "w") as f:
    f.write("\n".join(feeds) + "\n")
open(os.path.join(out, "config"), "w").close()
# newsboat creates its schema at start; the reload fails (nothing listens on port 9).
subprocess.run(["newsboat", "-u", os.path.join(out, "urls"), "-c", cache, "-C",
                os.path.join(out, "config"), "-x", "reload"], capture_output=True, timeout=120)
c = sqlite3.connect(cache)
c.executemany("INSERT OR REPLACE INTO rss_feed (rssurl, url, title) VALUES (?, ?, ?)",
              [(u, u, f"Báo {i}") for i, u in enumerate(feeds)])


def rows():
    for i, title, url, when, _, content in items(corpus):
        ts = int(when.timestamp()) if when else 0
        yield (url, title, "", url, feeds[i % FEEDS], ts, content, 1)


c.executemany("INSERT INTO rss_item (guid, title, author, url, feedurl, pubDate, content, unread) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows())
c.commit()
c.execute("VACUUM")
c.close()
print(f"{cache}: {os.path.getsize(cache) / 1e6:.1f} MB", file=sys.stderr)
