#!/usr/bin/env bash
# Train the zstd dictionary the store compresses article bodies with
# (assets/body-dict.zst-dict), from the Dân trí 2,653 set (GPL-3.0, like the
# demo articles: see assets/demo/LICENSE-NOTICE). Each sample is one article's
# paragraphs as the store packs them (src/store/body.rs: a kind letter, the
# text, a NUL), so the dictionary learns the framing too.
#
#   scripts/train-body-dict.sh [CORPUS.jsonl.gz]
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpus/dantri-2653.jsonl.gz}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$corpus" "$work" <<'PY'
import gzip, json, sys, unicodedata
src, out = sys.argv[1], sys.argv[2]
with gzip.open(src, "rt", encoding="utf-8") as f:
    for i, line in enumerate(f):
        rec = json.loads(line)
        body = rec.get("body") or []
        if isinstance(body, str):
            body = [body]
        packed = "".join("t" + unicodedata.normalize("NFC", p).strip() + "\0" for p in body if p.strip())
        with open(f"{out}/{i:05}", "w", encoding="utf-8") as o:
            o.write(packed)
PY
zstd -q --train "$work"/* --maxdict=65536 -o assets/body-dict.zst-dict
ls -l assets/body-dict.zst-dict
