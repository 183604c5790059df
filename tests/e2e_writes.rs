//! End to end: quitting while a mark waits for another process's write
//! lock. The screen says the reader is saving (it waited silently, and
//! `q` seemed to do nothing), and the mark is in the store once the lock
//! is let go and the reader has ended.

mod common;
mod pty;

use common::{Env, fixture};
use pty::{start, status};

#[test]
fn quitting_with_a_mark_waiting_saves_it_and_says_so() {
    let env = Env::new();
    env.ok(&["import", fixture("dantri-30-head3.jsonl").to_str().unwrap()]);
    let mut t = start(&env, 100, 30);
    t.wait_for("Articles (3)");
    let lock = rusqlite::Connection::open(env.db()).expect("a raw connection");
    lock.execute_batch("BEGIN IMMEDIATE").expect("the lock");
    t.send("m");
    t.wait_until("the mark said to wait", |s| {
        status(s).contains("Another docbao is writing the store")
    });
    t.send("q");
    t.wait_for("Saving your changes");
    lock.execute_batch("COMMIT").expect("let go");
    assert!(t.wait_exit().success());
    let list = env.json(&["list", "--json"]);
    let read: Vec<bool> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["read"].as_bool().unwrap())
        .collect();
    assert_eq!(read.iter().filter(|r| **r).count(), 1, "{list}");
}
