#!/usr/bin/env python3
"""Write N articles as JSON lines for the benchmarks (scripts/bench.sh).

The baomoi set (../shared/corpus/baomoi-35k.jsonl.gz, 35,440 real articles)
is replicated: copy K of an article has the URL "<url>?copy=K" (a query
parameter: docbao keeps it, where it drops a "#fragment"), and every
article gets its own date, one a minute back from 2017-02-28 (so no two
copies are the same article to docbao, and the list has a real order).
Where the corpus is absent, articles are generated from the syllables of the
bundled demo articles (assets/demo/dantri-30.jsonl, GPL-3.0): a
Vietnamese-like text of the same length distribution, so the benchmark
still runs (its figures are then not comparable with BENCHMARKS.md).

    scripts/bench-corpus.py N [CORPUS] > out.jsonl
"""
import datetime
import gzip
import json
import os
import random
import sys

n = int(sys.argv[1])
root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
corpus = sys.argv[2] if len(sys.argv) > 2 else os.path.join(root, "../shared/corpus/baomoi-35k.jsonl.gz")
start = datetime.datetime(2017, 2, 28, 23, 59, tzinfo=datetime.timezone(datetime.timedelta(hours=7)))
out = sys.stdout


def records():
    if os.path.exists(corpus):
        with gzip.open(corpus, "rt", encoding="utf-8") as f:
            base = [json.loads(line) for line in f if line.strip()]
        copy = 0
        while True:
            for r in base:
                r = dict(r)
                if copy:
                    url = r.get("source_url", "")
                    r["source_url"] = f"{url}{'&' if '?' in url else '?'}copy={copy}"
                yield r
            copy += 1
    print(f"{corpus}: absent; generating Vietnamese-like articles", file=sys.stderr)
    demo = os.path.join(root, "assets/demo/dantri-30.jsonl")
    words = []
    with open(demo, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            for p in r.get("body") or []:
                words.extend(p.split())
    rnd = random.Random(14)
    i = 0
    while True:
        body = [" ".join(rnd.choices(words, k=rnd.randint(40, 160))) for _ in range(rnd.randint(3, 12))]
        yield {
            "id": str(i),
            "source_url": f"https://example.invalid/bai-{i}.html",
            "title": " ".join(rnd.choices(words, k=rnd.randint(6, 14))),
            "sapo": " ".join(rnd.choices(words, k=rnd.randint(20, 40))),
            "body": body,
        }
        i += 1


for i, r in zip(range(n), records()):
    r["date"] = (start - datetime.timedelta(minutes=i)).isoformat()
    out.write(json.dumps(r, ensure_ascii=False))
    out.write("\n")
