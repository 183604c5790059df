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


# Tones of the vowels that Vietnamese may carry on either of two ("hoà"/"hòa"), in the order
# huyền, sắc, hỏi, ngã, nặng.
_TONED = {"a": "àáảãạ", "e": "èéẻẽẹ", "y": "ỳýỷỹỵ", "o": "òóỏõọ", "u": "ùúủũụ"}
_TONE_OF = {c: (base, i) for base, forms in _TONED.items() for i, c in enumerate(forms)}


def _untoned(c):
    """A letter without its tone mark ("ấ" -> "â")."""
    bare = "".join(m for m in unicodedata.normalize("NFD", c) if m not in "\u0300\u0301\u0303\u0309\u0323")
    return unicodedata.normalize("NFC", bare)


def settled(syllable):
    """A lower-case syllable with its tone where the newer style puts it ("hoà" -> "hòa",
    "khoẻ" -> "khỏe", "thuỷ" -> "thủy"), as src/text/fold.rs `settled_tone` spells it, so
    that both placements count as one word."""
    if len(syllable) < 2:
        return syllable
    a, b = syllable[-2], syllable[-1]
    if b not in _TONE_OF or a not in "ou":
        return syllable
    last, tone = _TONE_OF[b]
    if (a, last) not in (("o", "a"), ("o", "e"), ("u", "y")):
        return syllable
    if len(syllable) >= 3:
        before = _untoned(syllable[-3])
        if before == "q" or before in "aeiouyâăêôơư":
            return syllable
    return syllable[:-2] + _TONED[a][tone] + last


def settled_words(words):
    """`settled` on each syllable of a word written with spaces."""
    return " ".join(settled(s) for s in words.split(" "))
