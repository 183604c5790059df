//! End to end: the reader follows the store while another docbao process
//! writes it. An import in another process shows in the sidebar's counts
//! and in the list within a deadline, with no key pressed; and `A` marks
//! read exactly the articles its question counted, not one that another
//! process added after the question was asked. The real binary in a
//! pseudo-terminal, the other process a plain `docbao import`.

mod common;
mod pty;

use common::{Env, fixture};
use pty::{start, status};

/// The first `n` lines of the Dân trí fixture (three articles of one
/// site), as a file to import.
fn lines(env: &Env, name: &str, from: usize, to: usize) -> std::path::PathBuf {
    let all = std::fs::read_to_string(fixture("dantri-30-head3.jsonl")).expect("the fixture");
    let picked: Vec<&str> = all.lines().skip(from).take(to - from).collect();
    env.write(name, format!("{}\n", picked.join("\n")).as_bytes())
}

/// The sidebar's row for the site, as shown (its counts at the end).
fn site_row(s: &vt100::Screen) -> String {
    s.contents()
        .lines()
        .find(|l| l.starts_with('│') && l.contains("dantri.com.vn"))
        .map(|l| l.split('│').nth(1).unwrap_or(l).trim().to_string())
        .unwrap_or_default()
}

/// The site's unread count, as `docbao sources --json` reads it from the store.
fn unread_in_store(env: &Env) -> i64 {
    let sources = env.json(&["sources", "--json"]);
    sources
        .as_array()
        .and_then(|a| a.iter().find(|s| s["site"] == "dantri.com.vn"))
        .and_then(|s| s["unread"].as_i64())
        .expect("the site in `sources --json`")
}

const THIRD: &str = "Lãi suất ngân hàng";

#[test]
fn an_import_by_another_process_shows_in_the_counts_and_the_list() {
    // Wide, the sidebar shows the counts; at 80x24 the list alone counts.
    for (cols, rows, sidebar) in [(160, 48, true), (80, 24, false)] {
        let env = Env::new();
        let first = lines(&env, "first.jsonl", 0, 2);
        env.ok(&["import", first.to_str().expect("a path")]);
        let mut t = start(&env, cols, rows);
        t.wait_until("two articles", |s| {
            s.contents().contains("Articles (2)") && (!sidebar || site_row(s).ends_with("2/2"))
        });
        assert!(!t.contents().contains(THIRD));
        t.wait_for("Article 1 of 2");

        let third = lines(&env, "third.jsonl", 2, 3);
        env.ok(&["import", third.to_str().expect("a path")]);
        t.wait_until("the counts and the list follow the import", |s| {
            s.contents().contains("Articles (3)")
                && s.contents().contains(THIRD)
                && (!sidebar || site_row(s).ends_with("3/3"))
        });
        // The new article is the newest: it comes in above, and the
        // selection stays on the article it was on, now the second.
        t.wait_for("Article 2 of 3");
        t.send("q");
        t.wait_exit();
    }
}

#[test]
fn mark_all_read_leaves_an_article_added_after_its_question_unread() {
    let env = Env::new();
    let first = lines(&env, "first.jsonl", 0, 2);
    env.ok(&["import", first.to_str().expect("a path")]);
    let mut t = start(&env, 120, 30);
    t.wait_until("the site with 2/2", |s| site_row(s).ends_with("2/2"));
    t.send("A");
    t.wait_until("the question", |s| {
        status(s).contains("Mark 2 unread articles read (all sources)? (y/n)")
    });
    // Another process adds an article while the question is asked.
    let third = lines(&env, "third.jsonl", 2, 3);
    env.ok(&["import", third.to_str().expect("a path")]);
    assert_eq!(unread_in_store(&env), 3);
    t.send("y");
    t.wait_until("the two marked", |s| {
        status(s).contains("Marked 2 articles read")
    });
    // Only the two counted: the new one stays unread, and the sidebar
    // says so once it has followed the store.
    assert_eq!(unread_in_store(&env), 1);
    t.wait_until("the site with 1/3", |s| site_row(s).ends_with("1/3"));
    t.send("q");
    t.wait_exit();
}

/// Whether the program writes nothing for `window`: the bytes written so
/// far checked until then (a measure of silence, not a wait for a result).
fn silent_for(t: &pty::Term, window: std::time::Duration) -> Result<(), usize> {
    let before = t.written();
    let end = std::time::Instant::now() + window;
    while std::time::Instant::now() < end {
        std::thread::sleep(std::time::Duration::from_millis(50));
        if t.written() != before {
            return Err(t.written() - before);
        }
    }
    Ok(())
}

#[test]
fn a_commit_that_changes_nothing_shown_writes_nothing() {
    let env = Env::new();
    let first = lines(&env, "first.jsonl", 0, 2);
    env.ok(&["import", first.to_str().expect("a path")]);
    env.ok(&["mark-read", "1"]);
    let mut t = start(&env, 120, 30);
    t.wait_until("the site with 1/2", |s| site_row(s).ends_with("1/2"));
    // Settled: the first screen whole (the preview, related stories).
    let deadline = std::time::Instant::now() + pty::DEADLINE;
    while silent_for(&t, std::time::Duration::from_millis(300)).is_err() {
        assert!(std::time::Instant::now() < deadline, "never settled");
    }
    // Another process commits a change no pane shows (an article marked
    // read that was read): the store is read again, found as shown, and
    // nothing is written, over several of the timer's ticks.
    env.ok(&["mark-read", "1"]);
    assert_eq!(
        silent_for(&t, std::time::Duration::from_millis(2500)),
        Ok(())
    );
    t.send("q");
    t.wait_exit();
}
