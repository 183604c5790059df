#!/usr/bin/env bash
# What docbao writes to a real terminal, measured in tmux like the peers were:
# bytes per key (line scrolling in the list and the reader), bytes while idle,
# and the process's peak memory, on the 100,000-article store.
#
#   cargo bench --bench reader        # builds /tmp/docbao-bench-100k.db once
#   cargo build --release && benches/terminal.sh [WIDTHxHEIGHT ...]
set -euo pipefail
cd "$(dirname "$0")/.."
db=${DOCBAO_BENCH_DB:-/tmp/docbao-bench-100k.db}
[ -f "$db" ] || { echo "no $db: run cargo bench --bench reader first" >&2; exit 1; }
bin=$PWD/target/release/docbao
sizes=${*:-100x30 160x48}
log=$(mktemp)
size_of() { stat -c %s "$log"; }
# Send one key, wait for the output to settle, print the bytes it caused.
key_bytes() {
  local before after
  before=$(size_of); tmux send-keys -t bench "$1"; sleep 0.3; after=$(size_of)
  echo $((after - before))
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
for size in $sizes; do
  w=${size%x*}; h=${size#*x}
  tmux kill-session -t bench 2>/dev/null || true
  : > "$log"
  # A fresh copy of the store so that every run starts from the same state.
  cp "$db" /tmp/docbao-term.db; rm -f /tmp/docbao-term.db-wal /tmp/docbao-term.db-shm
  # Reopen on a long article (about 20,000 characters), so that the reader has lines to scroll.
  python3 - <<'PY'
import sqlite3
c = sqlite3.connect("/tmp/docbao-term.db")
# Bodies are stored compressed (about 3 times smaller than their text).
(aid,) = c.execute("SELECT article_id FROM bodies "
                   "WHERE length(packed) BETWEEN 6000 AND 7300 ORDER BY article_id LIMIT 1").fetchone()
c.execute("INSERT OR REPLACE INTO app_state (key, value) VALUES ('last_article', ?)", (str(aid),))
c.commit()
PY
  tmux new-session -d -s bench -x "$w" -y "$h" "$bin --db /tmp/docbao-term.db"
  sleep 1.5
  tmux pipe-pane -t bench "cat >> $log"
  sleep 0.3
  reader=$(for _ in $(seq 20); do key_bytes j; done | median)
  # The maximised reader (z): scrolled with the terminal's scroll region.
  tmux send-keys -t bench z; sleep 0.5
  maxed=$(for _ in $(seq 20); do key_bytes j; done | median)
  tmux send-keys -t bench z; sleep 0.3
  tmux send-keys -t bench Escape; sleep 0.5
  # j in the list, one at a time: each rests, so each is followed by the
  # reader's preview of the new selection.
  list=$(for _ in $(seq 20); do key_bytes j; done | median)
  # 20 quick j (one burst): the list moves, the preview comes once.
  before=$(size_of); tmux send-keys -t bench j j j j j j j j j j j j j j j j j j j j; sleep 0.8
  burst=$(( $(size_of) - before ))
  before=$(size_of); sleep 10; idle=$(( $(size_of) - before ))
  pid=$(pgrep -f "^$bin --db /tmp/docbao-term.db" | head -1)
  hwm=$(awk '/VmHWM/ {print $2 " " $3}' /proc/"$pid"/status)
  echo "${w}x${h}: j in list ${list} B (median of 20, preview included), 20 quick j ${burst} B, j in reader ${reader} B, j in the maximised reader ${maxed} B, idle 10 s ${idle} B, peak RSS ${hwm}"
  tmux send-keys -t bench q; sleep 0.3
  tmux kill-session -t bench 2>/dev/null || true
done
rm -f "$log" /tmp/docbao-term.db*
