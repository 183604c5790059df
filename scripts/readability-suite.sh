#!/bin/sh
# Put Mozilla Readability's test pages (test/test-pages/*/source.html,
# expected.html, expected-metadata.json) under target/readability-suite/ for
# `cargo run --release --example readability_suite`. The suite is Apache-2.0
# but its pages are third-party content: it is never committed.
#
#   scripts/readability-suite.sh [READABILITY_GIT_DIR_OR_CHECKOUT]
#
# Without an argument, the repository is cloned (shallow) from GitHub.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/target/readability-suite"
src=${1:-}
tmp=
if [ -z "$src" ]; then
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    git clone --quiet --depth 1 https://github.com/mozilla/readability "$tmp/readability"
    src="$tmp/readability"
fi
if [ -d "$src/.git" ]; then
    gitdir="$src/.git"
else
    gitdir="$src"
fi
rm -rf "$out"
mkdir -p "$out"
git --git-dir="$gitdir" archive HEAD test/test-pages LICENSE.md | tar -x -C "$out"
git --git-dir="$gitdir" log -1 --format='%H %cd' > "$out/COMMIT.txt"
n=$(ls "$out/test/test-pages" | wc -l)
echo "$n cases in $out/test/test-pages (readability $(cut -c1-12 "$out/COMMIT.txt"))"
