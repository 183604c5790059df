#!/usr/bin/env python3
"""The import the issue 14 target is measured against: plain Python, SQLite and FTS5.

Reads JSON lines (the baomoi layout: source_url, title, sapo, body as a list of paragraphs,
date), stores each article in one table (unique URL) and indexes title, lead and body with
FTS5 (unicode61, marks removed), in transactions of 1,000 articles, WAL on. No keywords, no
compression, no normalisation: the floor a full import is held against.

    python3 scripts/import-reference.py target/bench/corpus-100000.jsonl /tmp/ref.db

Prints the articles stored, the seconds and the articles a second.
"""

import json
import os
import sqlite3
import sys
import time


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: import-reference.py INPUT.jsonl STORE.db")
    source, store = sys.argv[1], sys.argv[2]
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(store + suffix):
            os.remove(store + suffix)
    started = time.perf_counter()
    db = sqlite3.connect(store, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute(
        "CREATE TABLE articles(id INTEGER PRIMARY KEY, url TEXT UNIQUE, title TEXT,"
        " lead TEXT, body TEXT, published TEXT)"
    )
    db.execute(
        "CREATE VIRTUAL TABLE articles_fts USING fts5(title, lead, body,"
        " content='articles', content_rowid='id', tokenize='unicode61 remove_diacritics 2')"
    )
    stored = 0
    batch = []

    def flush():
        db.execute("BEGIN")
        for url, title, lead, body, published in batch:
            cur = db.execute(
                "INSERT OR IGNORE INTO articles(url, title, lead, body, published)"
                " VALUES (?, ?, ?, ?, ?)",
                (url, title, lead, body, published),
            )
            if cur.rowcount:
                db.execute(
                    "INSERT INTO articles_fts(rowid, title, lead, body) VALUES (?, ?, ?, ?)",
                    (cur.lastrowid, title, lead, body),
                )
        db.execute("COMMIT")
        batch.clear()

    with open(source, encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            body = record.get("body") or []
            if isinstance(body, list):
                body = "\n\n".join(body)
            batch.append(
                (
                    record.get("source_url") or record.get("url"),
                    record.get("title") or "",
                    record.get("sapo") or "",
                    body,
                    record.get("date"),
                )
            )
            stored += 1
            if len(batch) == 1000:
                flush()
    if batch:
        flush()
    db.close()
    seconds = time.perf_counter() - started
    print(f"{stored} articles, {seconds:.2f} s, {stored / seconds:.0f} articles/s")


if __name__ == "__main__":
    main()
