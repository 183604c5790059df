//! End to end, one pane at a time (60 columns and less): going to the reader
//! after moving in the list shows the article selected, whichever key goes
//! there (`l`, `Tab`, `z`; a reviewer saw the article shown before). The
//! real binary in a pseudo-terminal, every wait a poll with a deadline.

mod common;
mod pty;

use common::{Env, fixture};
use pty::{ENTER, ESC, reader_rows, start, status};

/// The first words of a title, as the reader's top row begins.
fn head(title: &str) -> String {
    title.split(' ').take(2).collect::<Vec<_>>().join(" ")
}

fn reader_top(s: &vt100::Screen) -> String {
    reader_rows(s)
        .first()
        .map(|r| r.trim().to_string())
        .unwrap_or_default()
}

#[test]
fn one_pane_the_reader_shows_the_article_selected_in_the_list() {
    let env = Env::new();
    env.ok(&[
        "import",
        fixture("dan-van-2021-03-05.txt").to_str().unwrap(),
        fixture("dantri-30-head3.jsonl").to_str().unwrap(),
    ]);
    let rows = env.json(&["list", "--json"]);
    let title = |i: usize| rows[i]["title"].as_str().unwrap().to_string();
    assert_eq!(head(&title(0)), "Ký kết");
    let mut t = start(&env, 50, 20);
    t.wait_for("Articles (4)");
    t.send(ENTER);
    t.wait_until("the first article open", |s| {
        reader_top(s).starts_with(&head(&title(0))) && !status(s).contains("Enter open")
    });
    // Each key, from the list after moving the selection.
    for (key, moves, row) in [("l", "jj", 2), ("\t", "k", 1), ("z", "jj", 3)] {
        t.send(ESC);
        t.wait_until("the list", |s| status(s).contains("Enter open"));
        t.send(moves);
        t.wait_until("the selection moved", |s| {
            status(s).starts_with(&format!(" Article {} of 4", row + 1))
        });
        t.send(key);
        let want = head(&title(row));
        // The whole frame: its top rows may be parsed before its status row.
        t.wait_until(&format!("{key:?}: the reader on row {row}"), |s| {
            reader_top(s).starts_with(&want) && !status(s).contains("Enter open")
        });
    }
    t.send("q");
    assert!(t.wait_exit().success());
}

/// Esc and the key after it in one read (typed quickly over SSH, where
/// keys travel in one packet) reach the app as Alt and that key. Unbound,
/// it is the two keys: back to the list, then one row down. (This test's
/// earlier run raced into it: its `jj` after `Esc` were lost.)
#[test]
fn esc_and_a_key_in_one_read_are_both_keys() {
    let env = Env::new();
    env.ok(&["import", fixture("dantri-30-head3.jsonl").to_str().unwrap()]);
    let rows = env.json(&["list", "--json"]);
    let first = head(rows[0]["title"].as_str().unwrap());
    let mut t = start(&env, 50, 20);
    t.wait_for("Articles (3)");
    t.send(ENTER);
    t.wait_until("the first article open", |s| {
        reader_top(s).starts_with(&first) && !status(s).contains("Enter open")
    });
    t.send("\x1bj");
    t.wait_until("the list, one row down", |s| {
        status(s).starts_with(" Article 2 of 3") && status(s).contains("Enter open")
    });
    t.send("q");
    assert!(t.wait_exit().success());
}
