"""The paragraphs of a JSON-lines news corpus (gzip or not) as lists of words, NFC: what
scripts/build-lower-heads.py and scripts/build-capitalised-words.py count words in."""
import gzip
import json
import unicodedata


def paragraph_words(src):
    """Yield the words (split on white space) of each title, lead and body paragraph."""
    opener = gzip.open if src.endswith(".gz") else open
    with opener(src, "rt", encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            for text in [a.get("title") or "", a.get("sapo") or ""] + (a.get("body") or []):
                yield unicodedata.normalize("NFC", text).split()
