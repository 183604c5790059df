#!/usr/bin/env python3
"""Build assets/more-words-vi.txt (issue 15): Vietnamese words of two to four syllables that
the vocabulary of either of two word segmenters holds and the project's dictionary (assets/words-vi.txt,
Viet74K) lacks: "lở đất", "cháy rừng", "tin tặc", "hố đen", "khám chữa bệnh". The keyword
rules read a lowercase phrase on this list as a word, not as a free phrase that needs other
articles to hold it (src/text/keywords/score.rs, free_shape); segmentation does not use it.

Sources (see assets/more-words-vi.NOTICE.md for their licences):
  - VnCoreNLP's models/wordsegmenter/vi-vocab (a Java-serialised HashSet<String>),
  - JVnTextPro's models/jvnsegmenter/VNDic_UTF-8.txt ("##word" lines, "@@tag" lines).

    python3 scripts/build-more-words.py vi-vocab VNDic_UTF-8.txt assets/words-vi.txt \
        > assets/more-words-vi.txt

Kept, as for words-vi.txt: entries of 2 to 4 syllables made only of letters (no digits,
hyphens or other marks), lower-cased and NFC; dropped: those words-vi.txt holds already, with
the tone on either vowel of an open "oa", "oe", "uy" ("thuỷ đậu" is "thủy đậu"). Layout: one
line per first syllable, a tab, then the rest of each word, separated by '|'.
Deterministic: the same sources give the same file.
"""
import re
import struct
import sys
import unicodedata
from collections import defaultdict

WORD = re.compile(r"[^\W\d_]+( [^\W\d_]+)*")
TONES = "\u0300\u0301\u0303\u0309\u0323"


def java_strings(path):
    """The strings of a serialised Java collection of strings (TC_STRING records)."""
    data = open(path, "rb").read()
    if data[:2] != b"\xac\xed":
        sys.exit(f"{path}: not a serialised Java object")
    out, i = [], 0
    while i + 3 <= len(data):
        if data[i] == 0x74:
            n = struct.unpack(">H", data[i + 1:i + 3])[0]
            try:
                s = data[i + 3:i + 3 + n].decode("utf-8")
            except UnicodeDecodeError:
                s = None
            if n and s and WORD.fullmatch(s.replace("_", " ").lower()):
                out.append(s)
                i += 3 + n
                continue
        i += 1
    return out


def vndic_words(path):
    """The "##word" entries of JVnTextPro's dictionary."""
    text = open(path, encoding="utf-8-sig").read()
    return [line[2:] for line in text.splitlines() if line.startswith("##")]


def canonical(word):
    """One spelling whatever vowel of an open "oa", "oe", "uy" carries the tone: each
    syllable's letters without their tone, then the tone."""
    out = []
    for syl in word.split(" "):
        d = unicodedata.normalize("NFD", syl)
        tone = "".join(c for c in d if c in TONES)
        base = "".join(c for c in d if c not in TONES)
        out.append(unicodedata.normalize("NFC", base) + tone)
    return " ".join(out)


def clean(word):
    w = unicodedata.normalize("NFC", word.replace("_", " ").strip()).lower()
    w = re.sub(r"\s+", " ", w)
    return w if WORD.fullmatch(w) and 2 <= w.count(" ") + 1 <= 4 else None


def main():
    vocab, vndic, words_vi = sys.argv[1:4]
    known = set()
    for line in open(words_vi, encoding="utf-8"):
        if line.startswith("#") or "\t" not in line:
            continue
        first, rests = line.rstrip("\n").split("\t", 1)
        known.update(canonical(f"{first} {r}") for r in rests.split("|") if r)
    new = {}
    for w in java_strings(vocab) + vndic_words(vndic):
        w = clean(w)
        if w and canonical(w) not in known:
            new.setdefault(canonical(w), w)
    groups = defaultdict(set)
    for w in new.values():
        first, rest = w.split(" ", 1)
        groups[first].add(rest)
    print("# Vietnamese words of 2 to 4 syllables that VnCoreNLP's or JVnTextPro's vocabulary")
    print("# holds and words-vi.txt lacks (GPL; see more-words-vi.NOTICE.md). One line per first")
    print("# syllable: the first syllable, a tab, then the rest of each word, separated by '|'.")
    for first in sorted(groups):
        print(first + "\t" + "|".join(sorted(groups[first])))
    print(f"{len(new)} words", file=sys.stderr)


main()
