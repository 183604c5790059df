"""The items of a benchmark corpus (JSON lines, scripts/bench-corpus.py) as a
peer's feed reader stores them: shared by scripts/newsboat-cache.py and
scripts/russ-cache.py, so that both peers get the same items."""
import datetime
import html
import json


def items(corpus):
    """Yield (index, title, url, date or None, lead, content as HTML) per line."""
    with open(corpus, encoding="utf-8") as f:
        for i, line in enumerate(f):
            r = json.loads(line)
            body = r.get("body") or []
            if isinstance(body, str):
                body = [body]
            lead = r.get("sapo") or ""
            content = "".join(f"<p>{html.escape(p)}</p>" for p in [lead] + body if p)
            date = r.get("date")
            when = None
            if date:
                when = datetime.datetime.fromisoformat(date)
            url = r.get("source_url") or f"https://example.invalid/{i}"
            yield i, r.get("title") or "", url, when, lead, content
