#!/usr/bin/env python3
"""Build a russ database holding the articles of a JSON-lines file, for the
benchmarks (scripts/bench.sh): the peer's first screen on the same items as
docbao's store.

    scripts/russ-cache.py CORPUS.jsonl DIR [RUSS]

The schema comes from russ itself: `russ import` of an empty OPML file
creates DIR/feeds.db with its migrations (then refuses the file), then the items are written into
it, spread over 40 feeds as in scripts/newsboat-cache.py, with their
paragraphs as HTML content, all unread. RUSS is the russ binary (default:
`russ` on the PATH).
"""
import datetime
import os
import sqlite3
import subprocess
import sys

from corpus_items import items

corpus, out = sys.argv[1], sys.argv[2]
russ = sys.argv[3] if len(sys.argv) > 3 else "russ"
FEEDS = 40
os.makedirs(out, exist_ok=True)
db = os.path.join(out, "feeds.db")
for name in ("feeds.db", "feeds.db-wal", "feeds.db-shm", "empty.opml"):
    try:
        os.remove(os.path.join(out, name))
    except FileNotFoundError:
        pass
opml = os.path.join(out, "empty.opml")
with open(opml, "w") as f:
    f.write('<?xml version="1.0"?><opml version="2.0"><head><title>bench</title></head><body></body></opml>\n')
# russ creates its schema, then refuses the OPML file (no <outline>): fine.
subprocess.run([russ, "import", "-d", db, "--opml-path", opml], capture_output=True, timeout=120)
c = sqlite3.connect(db)
if not c.execute("SELECT 1 FROM sqlite_master WHERE name = 'entries'").fetchone():
    sys.exit(f"{russ} did not create its schema in {db}")
now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M:%S+00:00")
feed_ids = []
for i in range(FEEDS):
    url = f"http://127.0.0.1:9/feed-{i}.xml"
    cur = c.execute("INSERT INTO feeds (title, link, feed_link, feed_kind, refreshed_at) VALUES (?, ?, ?, 'RSS', ?)",
                    (f"Báo {i}", url, url, now))
    feed_ids.append(cur.lastrowid)


def rows():
    for i, title, url, when, lead, content in items(corpus):
        pub = None
        if when:
            if when.tzinfo is None:
                when = when.replace(tzinfo=datetime.timezone.utc)
            pub = when.astimezone(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M:%S+00:00")
        yield (feed_ids[i % FEEDS], title, "", pub, lead, content, url, now, now)


c.executemany("INSERT INTO entries (feed_id, title, author, pub_date, description, content, link, "
              "inserted_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows())
c.commit()
c.execute("VACUUM")
c.close()
os.remove(opml)
