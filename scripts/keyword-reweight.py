#!/usr/bin/env python3
"""Judged draws of one store, weighted for another (issue 15): what share of a blind reading's
draws a later store would give, without a new reading.

    python3 scripts/keyword-reweight.py BEFORE.db AFTER.db s86.verdict s87.verdict ...

A reading draws keywords weighted by their article count in BEFORE.db (examples/keyword_sample);
each judged draw (a verdict file: N<TAB>keyword<TAB>✓ or ✗<TAB>...) is weighted by its keyword's
article count in AFTER.db over BEFORE.db's, and the ✓ share is taken over those weights. A
keyword AFTER.db has and BEFORE.db has not is not in the draws: the estimate says what the
change took off and moved, not what it brought in.
"""
import sqlite3
import sys


def main():
    before, after = sqlite3.connect(sys.argv[1]), sqlite3.connect(sys.argv[2])

    def count(db, key):
        row = db.execute("SELECT article_count FROM keywords WHERE key = ?", (key,)).fetchone()
        return row[0] if row else 0

    draws = whole = 0
    weight = weight_whole = 0.0
    moved = []
    for path in sys.argv[3:]:
        for line in open(path, encoding="utf-8"):
            fields = line.rstrip("\n").split("\t")
            if len(fields) < 3:
                continue
            name, good = fields[1], fields[2].startswith("✓")
            row = before.execute(
                "SELECT key, article_count FROM keywords WHERE name = ? AND article_count > 0",
                (name,)).fetchone()
            if not row:
                continue
            key, n_before = row
            w = count(after, key) / n_before
            draws += 1
            whole += good
            weight += w
            weight_whole += w * good
            if abs(w - 1) > 0.01:
                moved.append((name, "✓" if good else "✗", n_before, count(after, key)))
    print(f"draws {draws}: {100 * whole / draws:.2f}% whole; weighted for the second store "
          f"{100 * weight_whole / weight:.2f}%")
    for name, verdict, b, a in moved:
        print(f"  {verdict} {name}: {b} -> {a}")


if __name__ == "__main__":
    main()
