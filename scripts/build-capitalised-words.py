#!/usr/bin/env python3
"""Build assets/capitalised-words-vi.txt (issue 15): dictionary words of two or three
syllables that the news writes with a first capital inside a sentence, where no sentence's
start gives it: the heads of names ("Bệnh viện Bạch Mai", "Hải quân Mỹ", "Quảng trường Ba
Đình"), titles ("Đại sứ Mỹ"). Any other dictionary word at a sentence's start that a name
follows owes its capital to the sentence ("Giấc mơ | Decima", "Tàu chiến | Nhật Bản"): the keyword
rules read it so where the article names what follows on its own too
(src/text/keywords/kinds.rs, `lead_word`; src/text/keywords/neighbours.rs).

Reads the Dân trí 2,653 set (GPL-3.0) and the project's dictionary (assets/words-vi.txt).
Inside a sentence (the word before is a lowercase word with no punctuation), a dictionary word
of two or three syllables, its later syllables in lower case, is counted as written in lower
case or with its first capital. A word is listed when written with its capital twice or more
and at least once in twelve.

    python3 scripts/build-capitalised-words.py ../shared/corpus/dantri-2653.jsonl.gz > assets/capitalised-words-vi.txt

Deterministic: the same corpus and dictionary give the same file.
"""
import sys
from collections import Counter
from pathlib import Path

from news_texts import paragraph_words, settled_words

MIN_CAPITAL = 2
SHARE = 1 / 12
TRAILING = ".,;:!?)\"'"


def dictionary_words(path):
    """Words of two or three syllables of the dictionary's layout (first<TAB>rest|rest)."""
    words = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or "\t" not in line:
                continue
            first, rest = line.rstrip("\n").split("\t")
            for r in rest.split("|"):
                if r and len(r.split(" ")) <= 2:
                    words.add(settled_words(first + " " + r))
    return words


def main():
    src = sys.argv[1]
    root = Path(__file__).resolve().parent.parent
    words = dictionary_words(root / "assets" / "words-vi.txt")
    cap, low = Counter(), Counter()
    for ws in paragraph_words(src):
        for i in range(1, len(ws) - 1):
            prev = ws[i - 1]
            if not (prev.isalpha() and prev[0].islower()):
                continue
            for k in (2, 3):
                seg = [w.rstrip(TRAILING) for w in ws[i : i + k]]
                if len(seg) < k or not all(w.isalpha() for w in seg):
                    continue
                if any(w[0].isupper() for w in seg[1:]):
                    continue
                word = settled_words(" ".join(seg).lower())
                if word not in words:
                    continue
                if seg[0][0].isupper():
                    cap[word] += 1
                elif not any(c.isupper() for c in seg[0]):
                    low[word] += 1
    listed = sorted(
        w for w in cap if cap[w] >= MIN_CAPITAL and cap[w] >= SHARE * (cap[w] + low[w])
    )
    print("# Words of two or three syllables the news writes with a first capital inside a")
    print("# sentence (\"Bệnh viện Bạch Mai\", \"Hải quân Mỹ\", \"Đại sứ Mỹ\"), from the Dan tri")
    print(f"# 2,653 set (GPL-3.0): {MIN_CAPITAL} times or more and at least once in 12 (see")
    print("# capitalised-words-vi.NOTICE.md). Made by scripts/build-capitalised-words.py. One a line.")
    for w in listed:
        print(w)


if __name__ == "__main__":
    main()
