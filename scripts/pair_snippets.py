"""What a blind reader of auto keyword pairs sees of an article (issue 15): shared by
scripts/keyword-pairs-sample.py and scripts/keyword-rank-sample.py."""
import json
import re
import unicodedata


def texts_of(corpus, urls):
    """source_url -> the article's title, lead and body (NFC, one paragraph a line), for the
    articles of a JSON-lines corpus whose address is in `urls`."""
    texts = {}
    for line in open(corpus, encoding="utf-8"):
        art = json.loads(line)
        if art.get("source_url") in urls:
            parts = [art.get("title") or "", art.get("sapo") or ""] + list(art.get("body") or [])
            texts[art["source_url"]] = unicodedata.normalize("NFC", "\n".join(parts))
    return texts


def snippets(text, name, limit=3):
    """Up to `limit` places the text names `name` (case ignored), 90 characters each side."""
    snips = []
    for m in re.finditer(re.escape(name), text, re.I):
        s, e = max(0, m.start() - 90), min(len(text), m.end() + 90)
        snips.append(text[s:e].replace("\n", " ¶ "))
        if len(snips) >= limit:
            break
    return snips or ["(not found verbatim in the text)"]
