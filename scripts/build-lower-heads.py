#!/usr/bin/env python3
"""Build assets/lower-heads-vi.txt (issue 15): two-syllable dictionary words that the news
writes in lower case before a name inside a sentence ("cổ phiếu Alibaba", "kinh tế Nga",
"quân đội Syria"), so that the capital a sentence's start gives them is no sign of a name;
and syllables, not stop words, written so ("vợ Lý Hải", "phía Viettel", "xe Fortuner"), which
the keyword rules read so at a sentence's start where the name after them stands alone in the
article too (src/text/keywords/neighbours.rs). Some of these are the second syllable of a word
("phiếu" of "cổ phiếu"): harmless, as a sentence does not begin on them.

Reads the Dân trí 2,653 set (GPL-3.0), the project's dictionary (assets/words-vi.txt) and its
stop list (assets/stopwords-vi.txt).
Inside a sentence (the word before is a lowercase word with no punctuation), a dictionary
word of two syllables whose second syllable is lower case, followed by a capitalised word,
is counted as written in lower case or with its first capital; so is a syllable with no
capital inside it ("iPad" has one) followed by a capitalised word. A word is listed when it is
written in lower case five times or more and at least three times in four.

    python3 scripts/build-lower-heads.py ../shared/corpus/dantri-2653.jsonl.gz > assets/lower-heads-vi.txt

Deterministic: the same corpus and dictionary give the same file.
"""
import sys
from collections import Counter
from pathlib import Path

from news_texts import paragraph_words, settled, settled_words

MIN_LOWER = 5
SHARE = 0.75
# The stop list's heads of bodies (src/text/keywords/kinds.rs, `body_stop`): never listed, so
# that a rebuild does not undo them at a sentence's start.
BODY_STOPS = {"tổ chức", "cơ quan"}


def dictionary_pairs(path):
    words = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or "\t" not in line:
                continue
            first, rest = line.rstrip("\n").split("\t")
            for r in rest.split("|"):
                if r and " " not in r:
                    words.add(settled_words(first + " " + r))
    return words


def stop_syllables(path):
    with open(path, encoding="utf-8") as f:
        return {
            line.strip()
            for line in f
            if line.strip() and not line.startswith("#") and " " not in line.strip()
        }


def main():
    src = sys.argv[1]
    root = Path(__file__).resolve().parent.parent
    words = dictionary_pairs(root / "assets" / "words-vi.txt")
    stops = stop_syllables(root / "assets" / "stopwords-vi.txt")
    cap, low = Counter(), Counter()
    for ws in paragraph_words(src):
        for i in range(1, len(ws) - 1):
            prev, one, name = ws[i - 1], ws[i], ws[i + 1]
            if not (prev.isalpha() and prev[0].islower()):
                continue
            if not (one.isalpha() and name[0].isalpha() and name[0].isupper()):
                continue
            if any(c.isupper() for c in one[1:]):
                continue
            if one.lower() in stops:
                continue
            if one[0].isupper():
                cap[settled(one.lower())] += 1
            else:
                low[settled(one)] += 1
        for i in range(1, len(ws) - 2):
            prev, a1, a2, name = ws[i - 1], ws[i], ws[i + 1], ws[i + 2]
            if not (prev.isalpha() and prev[0].islower()):
                continue
            if not (a1.isalpha() and a2.isalpha() and a2[0].islower()):
                continue
            if not name[0].isupper():
                continue
            head = settled_words((a1 + " " + a2).lower())
            if head not in words:
                continue
            if a1[0].isupper():
                cap[head] += 1
            else:
                low[head] += 1
    listed = sorted(
        h
        for h in low
        if low[h] >= MIN_LOWER and low[h] >= SHARE * (low[h] + cap[h]) and h not in BODY_STOPS
    )
    print("# Words of two syllables, and syllables that are no stop word, the news writes in lower")
    print("# case before a name inside a sentence (\"cổ phiếu Alibaba\", \"kinh tế Nga\", \"vợ Lý")
    print("# Hải\"), from the Dan tri 2,653 set (GPL-3.0): written")
    print(f"# lower case {MIN_LOWER} times or more and at least 3 times in 4 (see lower-heads-vi.NOTICE.md).")
    print("# Made by scripts/build-lower-heads.py. One a line.")
    for h in listed:
        print(h)


if __name__ == "__main__":
    main()
