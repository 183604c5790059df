#!/usr/bin/env bash
# The benchmark table of issue 14, at several store sizes, from one command:
#
#   scripts/bench.sh [N ...]          # default: 10000 100000; add 1000000 for 1M
#
# For each N it writes N articles as JSON lines (scripts/bench-corpus.py: the
# baomoi set replicated with distinct URLs and dates, or generated
# Vietnamese-like text when ../shared/corpus is absent), imports them into a
# fresh store (`docbao import FILE`; everything the sidebar and search need is
# done when it returns) and prints the rate and peak memory, the store's size
# against the JSON's, the first screen in tmux and the memory then, the first
# full frame in process (cargo bench --bench reader) and search p95 by number
# of words (cargo bench --bench search). Corpora and stores are cached under
# target/bench/ (delete a store to import it again; IMPORT_RUNS=3 imports
# three times and reports the median). Where newsboat is installed, its first
# screen on a cache of the same N items is measured in the same run
# (scripts/newsboat-cache.py builds the cache), up to NEWSBOAT_MAX items;
# where russ is (on the PATH, or RUSS=/path/to/russ), its first screen too
# (scripts/russ-cache.py builds its database, the same items in 40 feeds).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=${*:-10000 100000}
runs=${IMPORT_RUNS:-1}
out=target/bench
mkdir -p "$out"
cargo build --release --quiet
bin=$PWD/target/release/docbao
# A whole copy of a store: its WAL checkpointed into it first.
copy_store() {
  python3 -c 'import sqlite3, sys; sqlite3.connect(sys.argv[1]).execute("PRAGMA wal_checkpoint(TRUNCATE)")' "$1"
  cp "$1" "$2"; rm -f "$2-wal" "$2-shm"
}
mb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1e6 }'; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

for n in $sizes; do
  echo "== $n articles =="
  corpus=$out/corpus-$n.jsonl
  store=$out/store-$n.db
  [ -s "$corpus" ] || python3 scripts/bench-corpus.py "$n" > "$corpus"
  json=$(stat -c %s "$corpus")
  if [ ! -s "$store" ]; then
    rates=()
    for r in $(seq "$runs"); do
      rm -f "$store" "$store-wal" "$store-shm"
      /usr/bin/time -f "%e %M" -o "$out/time" "$bin" --db "$store" import "$corpus" > /dev/null
      read -r secs kb < "$out/time"
      rate=$(awk -v n="$n" -v s="$secs" 'BEGIN { printf "%.0f", n / s }')
      echo "import run $r: ${secs} s, ${rate} articles/s, peak $((kb / 1024)) MiB"
      rates+=("$rate")
    done
    echo "import: median $(printf '%s\n' "${rates[@]}" | median) articles/s"
  fi
  # Everything into the main file, so that its size is the store's.
  python3 -c 'import sqlite3, sys; sqlite3.connect(sys.argv[1]).execute("PRAGMA wal_checkpoint(TRUNCATE)")' "$store"
  size=$(( $(stat -c %s "$store") + $(stat -c %s "$store-wal" 2>/dev/null || echo 0) ))
  echo "store: $(mb "$size") MB for $(mb "$json") MB of JSON lines: $(awk -v a="$size" -v b="$json" 'BEGIN { printf "%.2f", a / b }')x"
  # The first screen, on a copy (the reader saves where it was).
  copy_store "$store" "$out/screen.db"
  echo -n "docbao in tmux 100x30: "
  python3 scripts/first-screen.py --runs 5 --until "? help" -- "$bin" --db "$out/screen.db" 2>/dev/null
  # newsboat loads every item at start: past NEWSBOAT_MAX (default 100000)
  # it is not measured (at 1M it takes minutes and gigabytes).
  if command -v newsboat > /dev/null && [ "$n" -le "${NEWSBOAT_MAX:-100000}" ]; then
    nb=$out/newsboat-$n
    [ -s "$nb/cache.db" ] || python3 scripts/newsboat-cache.py "$corpus" "$nb"
    echo -n "newsboat in tmux 100x30 (cache $(mb "$(stat -c %s "$nb/cache.db")") MB): "
    python3 scripts/first-screen.py --runs 3 --until "Your feeds" -- \
      newsboat -u "$nb/urls" -c "$nb/cache.db" -C "$nb/config" 2>/dev/null || echo "(did not start)"
  fi
  russ=${RUSS:-$(command -v russ || true)}
  if [ -n "$russ" ] && [ -x "$russ" ]; then
    rs=$out/russ-$n
    [ -s "$rs/feeds.db" ] || python3 scripts/russ-cache.py "$corpus" "$rs" "$russ"
    # The first feed's entries are drawn under its title.
    echo -n "russ in tmux 100x30 (database $(mb "$(stat -c %s "$rs/feeds.db")") MB): "
    python3 scripts/first-screen.py --runs 5 --until "┌Báo 0" -- \
      "$russ" read -d "$rs/feeds.db" 2>/dev/null || echo "(did not start)"
  fi
  copy_store "$store" "$out/reader.db"
  DOCBAO_BENCH_DB=$PWD/$out/reader.db cargo bench --quiet --bench reader 2>/dev/null | grep -E "first full frame|articles"
  copy_store "$store" "$out/search.db"
  DOCBAO_SEARCH_DB=$PWD/$out/search.db cargo bench --quiet --bench search 2>/dev/null \
    | sed -n '/^words/,$p'
done
