#!/usr/bin/env python3
"""Time a terminal program's first screen in tmux, and its memory then.

    scripts/first-screen.py [--size 100x30] [--runs 5] --until TEXT -- CMD...

Starts CMD in a new detached tmux session of that size, polls the screen
(`capture-pane`) every 2 ms until TEXT shows, and prints, per run, the time
from the start to that screen and the process's peak resident memory then
(VmHWM), then the medians. The program is killed after each run. Polling
costs ~1-3 ms a round, which is the resolution of the figure.
"""
import argparse
import statistics
import subprocess
import sys
import time

ap = argparse.ArgumentParser()
ap.add_argument("--size", default="100x30")
ap.add_argument("--runs", type=int, default=5)
ap.add_argument("--until", required=True)
ap.add_argument("--timeout", type=float, default=60.0)
ap.add_argument("cmd", nargs=argparse.REMAINDER)
a = ap.parse_args()
cmd = a.cmd[1:] if a.cmd and a.cmd[0] == "--" else a.cmd
w, h = a.size.split("x")
session = "docbao-first-screen"


def tmux(*args, check=True):
    return subprocess.run(["tmux", *args], capture_output=True, text=True, check=check).stdout


def hwm_kb(pid):
    # The program itself: the pane's process, or its child when a shell runs it.
    for p in [pid] + subprocess.run(["pgrep", "-P", pid], capture_output=True, text=True).stdout.split():
        try:
            with open(f"/proc/{p}/status") as f:
                status = dict(line.split(":", 1) for line in f if ":" in line)
            if status.get("Name", "").strip() in ("tmux", "sh", "bash"):
                continue
            return int(status["VmHWM"].split()[0])
        except (OSError, KeyError, ValueError):
            continue
    return 0


times, mems = [], []
for run in range(a.runs):
    tmux("kill-session", "-t", session, check=False)
    t0 = time.perf_counter()
    tmux("new-session", "-d", "-s", session, "-x", w, "-y", h, *cmd)
    pid = tmux("list-panes", "-t", session, "-F", "#{pane_pid}").strip()
    while True:
        screen = tmux("capture-pane", "-p", "-t", session, check=False)
        if a.until in screen:
            elapsed = time.perf_counter() - t0
            break
        if time.perf_counter() - t0 > a.timeout:
            tmux("kill-session", "-t", session, check=False)
            sys.exit(f"{a.until!r} did not show in {a.timeout} s; the screen:\n{screen}")
        time.sleep(0.002)
    time.sleep(0.2)
    mem = hwm_kb(pid)
    tmux("kill-session", "-t", session, check=False)
    times.append(elapsed * 1000)
    mems.append(mem / 1024)
    print(f"  run {run + 1}: {elapsed * 1000:.0f} ms, {mem / 1024:.1f} MiB", file=sys.stderr)
    time.sleep(0.3)
print(f"first screen: median {statistics.median(times):.0f} ms (min {min(times):.0f}, max {max(times):.0f}); "
      f"memory then: median {statistics.median(mems):.1f} MiB")
