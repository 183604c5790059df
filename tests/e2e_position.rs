//! End to end, the reading position to the line: the real binary in a
//! pseudo-terminal, on an article of one long paragraph. Pages into it,
//! quit, start again: the same words at the top; resize and maximise: the
//! same words still at the top (within one line). Every wait polls the
//! parsed screen with a deadline.

mod common;
mod pty;

use common::{Env, fixture};
use pty::{ENTER, PAGE_DOWN, pane_starts, percent, start, status};

/// The text rows inside the reader's frame (the rightmost pane), trimmed.
fn reader_rows(s: &vt100::Screen) -> Vec<String> {
    pty::reader_rows(s)
        .iter()
        .map(|r| r.trim().to_string())
        .collect()
}

fn top_row(s: &vt100::Screen) -> String {
    reader_rows(s).into_iter().next().unwrap_or_default()
}

fn reader_focused(s: &vt100::Screen) -> bool {
    status(s).contains("Article 1 of 1") && percent(s).is_some()
}

/// The words that began the top row are at the top now: the first on the
/// top row, and the first three in order on it and the row after (a resize
/// may put the line break between them).
fn same_words_at_top(s: &vt100::Screen, words: &[String]) -> bool {
    let rows = reader_rows(s);
    let (Some(first), Some(second)) = (rows.first(), rows.get(1)) else {
        return false;
    };
    let joined = format!("{first} {second}");
    first.split(' ').any(|w| w == words[0]) && joined.contains(&words.join(" "))
}

#[test]
fn a_long_paragraph_reopens_and_resizes_at_the_same_words() {
    let env = Env::new();
    env.ok(&[
        "import",
        fixture("long-paragraph-dantri.jsonl").to_str().unwrap(),
    ]);

    let mut t = start(&env, 100, 30);
    t.wait_for("Articles (1)");
    t.send(ENTER);
    t.wait_until("the reader focused", reader_focused);
    // Several pages into the one paragraph, then two lines more.
    for _ in 0..6 {
        let before = t.with_screen(top_row);
        t.send(PAGE_DOWN);
        t.wait_until("a page down", |s| top_row(s) != before);
    }
    for _ in 0..2 {
        let before = t.with_screen(top_row);
        t.send("j");
        t.wait_until("a line down", |s| top_row(s) != before);
    }
    let (top, pct) = t.with_screen(|s| (top_row(s), percent(s)));
    assert!(
        pct.is_some_and(|p| p > 10 && p < 90),
        "well inside the article: {pct:?}\n{}",
        t.dump()
    );
    let words: Vec<String> = top.split(' ').take(3).map(str::to_string).collect();
    assert_eq!(words.len(), 3, "{top:?}");
    t.send("q");
    assert!(t.wait_exit().success());

    // Started again: the article reopens with the same line at the top.
    let mut t = start(&env, 100, 30);
    t.wait_until("the article reopened at the same line", |s| {
        reader_focused(s) && top_row(s) == top
    });

    // Wider (three panes), narrower (two), maximised at 160 (the text
    // column centred, at most 80 wide): the same words stay at the top.
    t.resize(160, 45);
    t.wait_until("160x45: three panes, the same words at the top", |s| {
        pane_starts(s).len() == 3 && same_words_at_top(s, &words)
    });
    t.resize(70, 24);
    t.wait_until("70x24: two panes, the same words at the top", |s| {
        pane_starts(s).len() == 2 && s.size().1.get() == 70 && same_words_at_top(s, &words)
    });
    t.resize(160, 45);
    t.wait_until("160x45 again", |s| pane_starts(s).len() == 3);
    t.send("z");
    t.wait_until("maximised: the same words at the top", |s| {
        pane_starts(s) == [0] && same_words_at_top(s, &words)
    });
    // Centred: (160 - 80) / 2 columns of margin, the border included. (A
    // condition waited for: a frame read while it is being written can
    // still hold rows of the layout before.)
    t.wait_until("the text centred, 40 columns from the left", |s| {
        let rows: Vec<String> = s.rows(0, 160).skip(1).take(40).collect();
        let lefts: Vec<usize> = rows
            .iter()
            .filter_map(|r| {
                let inside: String = r.chars().skip(1).take(158).collect();
                inside.chars().position(|c| c != ' ').map(|i| i + 1)
            })
            .collect();
        lefts.iter().min() == Some(&40)
    });
    t.send("q");
    assert!(t.wait_exit().success());

    // Resizing moved nothing: at 100x30 the same line is at the top again.
    let mut t = start(&env, 100, 30);
    t.wait_until("the same line after the resizes", |s| {
        reader_focused(s) && top_row(s) == top
    });
    t.send("q");
    assert!(t.wait_exit().success());
}
