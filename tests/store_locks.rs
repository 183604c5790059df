//! The store's locks while the process holds it open (Linux: POSIX locks).
//!
//! POSIX record locks belong to the process and the file: closing any
//! descriptor of the file drops every lock the process holds on it, those of
//! SQLite's connections included. A reader that opened the store a second
//! time (its worker thread) used to read the file's header through a
//! descriptor of its own and close it: the first connection kept running
//! without its lock, another SQLite client closing then took itself for the
//! last one, checkpointed and deleted the -wal file under the reader, and
//! the reader's marks went into a deleted file (or damaged the store when it
//! quit).

mod common;

use std::path::{Path, PathBuf};

use common::Env;
use docbao::model::ArticleId;
use docbao::store::Store;

fn demo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/demo/dantri-30.jsonl")
}

/// The POSIX locks this process holds on `path`, from /proc/locks.
#[cfg(target_os = "linux")]
fn locks_held(path: &Path) -> usize {
    use std::os::unix::fs::MetadataExt;
    let meta = std::fs::metadata(path).unwrap();
    let inode = format!(":{} ", meta.ino());
    let pid = format!(" {} ", std::process::id());
    std::fs::read_to_string("/proc/locks")
        .unwrap()
        .lines()
        .filter(|l| l.contains("POSIX") && l.contains(&pid) && l.contains(&inode))
        .count()
}

#[cfg(target_os = "linux")]
#[test]
fn opening_the_store_again_keeps_the_locks_of_the_connection_already_open() {
    let env = Env::new();
    let db = env.db();
    env.ok(&["import", demo().to_str().unwrap()]);

    let first = Store::open(&db).unwrap();
    let ids: Vec<ArticleId> = first
        .list(&Default::default(), None, 10)
        .unwrap()
        .iter()
        .map(|a| a.id)
        .collect();
    assert!(ids.len() >= 3);
    let held = locks_held(&db);
    assert!(held > 0, "an open store holds a lock on its file");

    // The reader's worker opens the store a second time, and closes it.
    let second = Store::open(&db).unwrap();
    assert!(
        locks_held(&db) >= held,
        "opening it again dropped the first one's lock"
    );
    drop(second);
    assert!(
        locks_held(&db) >= held,
        "closing the second dropped the first one's lock"
    );

    // Another SQLite client reads and closes: the store is still in use here,
    // so it must leave the -wal file alone.
    env.ok(&["list"]);
    assert!(
        db.with_extension("db-wal").exists(),
        "the -wal file was deleted under an open store"
    );

    // What the first connection writes now reaches the store.
    first.set_read(ids[1], true).unwrap();
    let json = env.json(&["show", &ids[1].to_string(), "--json"]);
    assert_eq!(
        json["read"], true,
        "a mark made after another client closed was lost"
    );
    drop(first);
    let json = env.json(&["show", &ids[1].to_string(), "--json"]);
    assert_eq!(json["read"], true);
    env.ok(&["doctor"]);
}
