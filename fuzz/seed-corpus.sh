#!/usr/bin/env bash
# Fill fuzz/corpus/<target>/ (git-ignored) with starting inputs: the committed
# seeds in fuzz/seeds/ (written for the fuzzer), small files from
# tests/fixtures/, and, when the shared corpus is there, a few of its files.
# Inputs from unlicensed data (tests/fixtures/*TEST-ONLY*, the HTML pages,
# ../shared/corpus/rss) only ever land in the git-ignored corpus folder.
set -euo pipefail
cd "$(dirname "$0")"
fx=../tests/fixtures
shared=${DOCBAO_SHARED_CORPUS:-../../../shared/corpus}
[ -d "$shared" ] || shared=/work/shared/corpus

for t in page_text jsonl html feed search_query clean wrap; do
    mkdir -p "corpus/$t"
    cp seeds/"$t"/* "corpus/$t/"
done

cp "$fx"/dan-van-2021-03-05.txt corpus/page_text/
cp "$fx"/*.jsonl corpus/jsonl/
cp "$fx"/html/*.html "$fx"/html/readability-peer/bbc-1/*.html corpus/html/
if [ -d "$shared/rss" ]; then
    cp "$shared"/rss/*.xml corpus/feed/
fi

# Lines of the sample page and of the JSON fixtures: text for the cleaner,
# paragraphs (after a width and an options byte) for the wrapper, and search
# texts (after a snippet-length byte and a query line).
n=0
while IFS= read -r line; do
    [ -n "$line" ] || continue
    n=$((n + 1))
    printf '%s' "$line" >"corpus/clean/fixture-$n"
    width=$(printf '\\%03o' $((n * 7 % 90 + 1)))
    opts=$(printf '\\%03o' $((n % 16)))
    { printf "$width$opts"; printf '%s' "$line"; } >"corpus/wrap/fixture-$n"
    { printf "$width"; printf '%s\n%s' "$(cut -c1-20 <<<"$line")" "$line"; } >"corpus/search_query/fixture-$n"
done < <(cat "$fx"/dan-van-2021-03-05.txt "$fx"/danes-head3.jsonl "$fx"/mixed.jsonl)

for t in page_text jsonl html feed search_query clean wrap; do
    echo "$t: $(ls "corpus/$t" | wc -l) files, $(du -sh "corpus/$t" | cut -f1)"
done
