//! End to end, find in the article: the real binary in a pseudo-terminal on
//! a real interview of 87 paragraphs (Dân trí). Pages into it, `/` and a
//! word said only near the start: the view goes there (wrapped to the top),
//! Esc puts it back, and quitting and starting again reopens where the
//! reader was, not where the find went. Enter keeps the match and says it
//! wrapped. Every wait polls the parsed screen with a deadline.

mod common;
mod pty;

use common::Env;
use pty::{ENTER, ESC, PAGE_DOWN, percent, start, status};
use std::io::BufRead;

/// `news_business_229` of the Dân trí fixture, as a JSON line.
fn interview() -> String {
    let gz = flate2::read::GzDecoder::new(&include_bytes!("fixtures/dantri-2653.jsonl.gz")[..]);
    std::io::BufReader::new(gz)
        .lines()
        .map(|l| l.expect("the Dân trí fixture is gzip of UTF-8"))
        .find(|l| l.contains("\"news_business_229\""))
        .expect("the interview is in the fixture")
}

fn top_row(s: &vt100::Screen) -> String {
    pty::reader_rows(s)
        .first()
        .map(|r| r.trim().to_string())
        .unwrap_or_default()
}

fn reader_focused(s: &vt100::Screen) -> bool {
    status(s).contains("Article 1 of 1") && percent(s).is_some()
}

#[test]
fn esc_puts_the_view_back_and_enter_keeps_a_wrapped_match() {
    let env = Env::new();
    let file = env.write("interview.jsonl", interview().as_bytes());
    env.ok(&["import", file.to_str().unwrap()]);

    let mut t = start(&env, 80, 24);
    t.wait_for("Articles (1)");
    t.send(ENTER);
    t.wait_until("the reader focused", reader_focused);
    for _ in 0..8 {
        let before = t.with_screen(top_row);
        t.send(PAGE_DOWN);
        t.wait_until("a page down", |s| top_row(s) != before);
    }
    // A line of text at the top (a blank one reopens at the text after it).
    while t.with_screen(top_row).is_empty() {
        t.send("j");
        t.wait_until("a line down", |s| !top_row(s).is_empty());
    }
    let (top, pct) = t.with_screen(|s| (top_row(s), percent(s)));
    assert!(
        pct.is_some_and(|p| p > 20 && p < 90),
        "{pct:?}\n{}",
        t.dump()
    );

    // "căn cước" (the identity card) is said only near the start: typed,
    // the view goes up there; Esc brings it back.
    t.send("/căn cước");
    t.wait_until("the match shown, near the top", |s| {
        pty::reader_rows(s).iter().any(|r| r.contains("căn cước")) && top_row(s) != top
    });
    t.send(ESC);
    t.wait_until("the view back where the find started", |s| {
        reader_focused(s) && top_row(s) == top && percent(s) == pct
    });
    t.send("q");
    assert!(t.wait_exit().success());

    // Started again: the place read to, not the place the find went.
    let mut t = start(&env, 80, 24);
    t.wait_until("the article reopened where it was read to", |s| {
        reader_focused(s) && top_row(s) == top
    });
    // Enter keeps the match, and says the find went on from the top.
    t.send("/căn cước");
    t.wait_until("the match shown", |s| {
        pty::reader_rows(s).iter().any(|r| r.contains("căn cước"))
    });
    t.send(ENTER);
    t.wait_until("the wrap said, the match kept", |s| {
        status(s).contains("wrapped to the top")
            && pty::reader_rows(s).iter().any(|r| r.contains("căn cước"))
    });
    t.send("q");
    assert!(t.wait_exit().success());
}
