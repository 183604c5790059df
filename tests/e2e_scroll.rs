//! End to end: the maximised reader, and the article list where it is the
//! one pane (a narrow screen), scroll with the terminal's scroll region, and
//! the screen stays exactly what a full redraw shows, through 200 mixed
//! scrolls (lines, half pages, pages, both ends), typed one by one and in
//! bursts; a line scrolled costs a line's bytes, not a screen's.

mod common;
mod pty;

use std::time::{Duration, Instant};

use common::{Env, fixture};
use pty::{ENTER, Term};

/// Wait until the program has written nothing for a while: docbao writes
/// nothing when idle, so the screen is then whole.
fn settled(t: &Term) {
    let deadline = Instant::now() + pty::DEADLINE;
    let mut seen = t.written();
    loop {
        std::thread::sleep(Duration::from_millis(150));
        let now = t.written();
        if now == seen {
            return;
        }
        assert!(Instant::now() < deadline, "the screen never settled");
        seen = now;
    }
}

/// The median of the bytes written for `key`, pressed 10 times, each on a
/// settled screen.
fn median_cost(t: &mut Term, key: &str) -> usize {
    let mut costs = Vec::new();
    for _ in 0..10 {
        settled(t);
        let before = t.written();
        t.send(key);
        settled(t);
        costs.push(t.written() - before);
    }
    costs.sort();
    costs[costs.len() / 2]
}

/// Every row but the status line (ctrl-l, a key that acts, clears its
/// message): each cell's text and attributes. (Not the rows' formatted
/// bytes: they tell a written space from a cleared cell, which look alike.)
fn screen(t: &Term) -> Vec<String> {
    t.with_screen(|s| {
        let (rows, cols) = s.size();
        (0..rows.get() - 1)
            .map(|r| {
                (0..cols.get())
                    .map(|c| match s.cell(r, c) {
                        Some(cell) => format!(
                            "{}{}{}{}{}{}{:?}{:?}|",
                            if cell.has_contents() {
                                cell.contents()
                            } else {
                                " "
                            },
                            cell.bold() as u8,
                            cell.dim() as u8,
                            cell.italic() as u8,
                            cell.underline() as u8,
                            cell.inverse() as u8,
                            cell.fgcolor(),
                            cell.bgcolor()
                        ),
                        None => "?".to_string(),
                    })
                    .collect()
            })
            .collect()
    })
}

/// Wait until every key sent so far is handled and drawn: `m` is sent after
/// them and its message waited for (keys are handled in order, and a frame
/// holds every change before it). `m` flips the read mark, so the message
/// alternates; the reader's text does not show the mark.
fn synced(t: &mut Term, marks: &mut usize) {
    *marks += 1;
    // Opened with Enter, the article is read: the first `m` marks it unread.
    // (The list test starts `marks` at 1: its first article is unread.)
    let want = if *marks % 2 == 1 {
        "Marked unread"
    } else {
        "Marked read"
    };
    t.send("m");
    t.wait_until(want, |s| {
        let (rows, cols) = s.size();
        s.rows(0, cols.get())
            .nth(rows.get() as usize - 1)
            .is_some_and(|r| r.trim_end().ends_with(want))
    });
}

/// The screen as drawn step by step equals the screen drawn whole (ctrl-l).
fn same_as_redrawn(t: &mut Term, marks: &mut usize, when: &str) {
    compared(t, &mut |t| synced(t, marks), when);
}

/// [`same_as_redrawn`] for the list, where the mark shows: `m` twice, so the
/// list looks the same after it (the selected article is unread).
fn list_same_as_redrawn(t: &mut Term, when: &str) {
    compared(
        t,
        &mut |t| {
            let mut marks = 1;
            synced(t, &mut marks);
            synced(t, &mut marks);
        },
        when,
    );
}

fn compared(t: &mut Term, sync: &mut dyn FnMut(&mut Term), when: &str) {
    sync(t);
    let incremental = screen(t);
    t.send("\x0c");
    sync(t);
    let whole = screen(t);
    let diff: Vec<String> = incremental
        .iter()
        .zip(&whole)
        .enumerate()
        .filter(|(_, (a, b))| a != b)
        .map(|(i, (a, b))| format!("row {i}:\n  scrolled {a:?}\n  redrawn  {b:?}"))
        .collect();
    assert!(
        diff.is_empty(),
        "{when}: the scrolled screen differs from a full redraw:\n{}\n{}",
        diff.join("\n"),
        t.dump()
    );
}

#[test]
fn the_maximised_reader_scrolls_by_region_and_matches_a_full_redraw() {
    let env = Env::new();
    env.ok(&[
        "import",
        fixture("long-paragraph-dantri.jsonl").to_str().unwrap(),
    ]);
    let mut t = Term::spawn(&env.db(), env.dir.path(), &["--no-demo"], 100, 30);
    t.wait_for("Articles (1)");
    t.send(ENTER);
    t.send("z");
    t.wait_until("the reader maximised", |s| {
        !s.contents().contains("Articles (1)")
    });
    let mut marks = 0;
    same_as_redrawn(&mut t, &mut marks, "at the start");

    // One line costs about a line: the region scrolls, one row is written.
    let median = median_cost(&mut t, "j");
    assert!(
        median < 600,
        "a line scrolled wrote {median} bytes (a full redraw of the text is ~4,600)"
    );
    same_as_redrawn(&mut t, &mut marks, "after ten lines down");

    // 200 mixed scrolls, in bursts of various sizes (several keys drawn as
    // one frame scroll by several lines at once).
    let keys = [
        "j", "k", "\x04", "\x15", " ", "b", "j", "j", "k", "G", "g", "j",
    ];
    let mut n = 0;
    let mut burst = 1;
    while n < 200 {
        for i in 0..burst {
            t.send(keys[(n + i * 7) % keys.len()]);
        }
        n += burst;
        burst = burst % 5 + 1;
        if n % 20 < burst {
            same_as_redrawn(&mut t, &mut marks, &format!("after {n} keys"));
        }
    }
    same_as_redrawn(&mut t, &mut marks, "at the end");
    t.send("q");
    assert!(t.wait_exit().success());
}

#[test]
fn the_list_alone_on_a_narrow_screen_scrolls_by_region_and_matches_a_full_redraw() {
    let env = Env::new();
    let demo = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/demo/dantri-30.jsonl");
    env.ok(&["import", demo]);
    // 50 columns: one pane at a time, the list's 17 rows over 30 articles.
    let mut t = Term::spawn(&env.db(), env.dir.path(), &["--no-demo"], 50, 20);
    t.wait_for("Articles (30)");
    list_same_as_redrawn(&mut t, "at the start");
    // To the bottom row, then each `j` scrolls the list by one row.
    for _ in 0..16 {
        t.send("j");
    }
    list_same_as_redrawn(&mut t, "at the bottom row");
    let median = median_cost(&mut t, "j");
    assert!(
        median < 400,
        "a row scrolled wrote {median} bytes (the list redrawn is about 1,200)"
    );
    list_same_as_redrawn(&mut t, "after ten rows down");
    let keys = ["j", "k", "\x04", "\x15", "j", "G", "k", "g", "j", "j", "k"];
    let mut n = 0;
    let mut burst = 1;
    while n < 200 {
        for i in 0..burst {
            t.send(keys[(n + i * 5) % keys.len()]);
        }
        n += burst;
        burst = burst % 4 + 1;
        if n % 20 < burst {
            list_same_as_redrawn(&mut t, &format!("after {n} keys"));
        }
    }
    list_same_as_redrawn(&mut t, "at the end");
    t.send("q");
    assert!(t.wait_exit().success());
}
