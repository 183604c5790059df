//! The command line at its edges, as a daily reader met them: a mistyped
//! `--db` (a reading command makes no store), what an import found and
//! skipped, a closed pipe under `export`, the source filters `sources`
//! offers, and JSON lines that are not articles.

mod common;

use std::path::Path;
use std::process::{Command, Output, Stdio};

use common::{Env, fixture, stderr};

/// `docbao --db DB ARGS…` (not the `Env`'s own store).
fn docbao_at(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_docbao"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("DOCBAO_DB")
        .stdin(Stdio::null())
        .output()
        .expect("run docbao")
}

/// Every command that only reads, with what it needs to run.
const READING: &[&[&str]] = &[
    &["list"],
    &["search", "trump"],
    &["show", "5"],
    &["keywords"],
    &["sources"],
    &["related", "5"],
    &["export"],
    &["feed", "list"],
    &["feed", "export-opml"],
];

#[test]
fn a_reading_command_refuses_a_path_with_no_store_and_makes_nothing() {
    let env = Env::new();
    for db in [env.path("typo.db"), env.path("no/such/dir/x.db")] {
        for args in READING {
            let out = docbao_at(&db, args);
            assert_eq!(out.status.code(), Some(1), "{args:?}: {}", stderr(&out));
            assert!(
                stderr(&out).contains(&format!("no store at \"{}\"", db.display())),
                "{args:?}: {}",
                stderr(&out)
            );
            assert!(out.stdout.is_empty(), "{args:?}");
        }
    }
    // Nothing was made: no file, no folder, no -wal or -shm.
    let left: Vec<_> = std::fs::read_dir(env.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn writing_commands_and_the_reader_still_make_a_new_store() {
    let env = Env::new();
    // The reader off a terminal prints the list of the new, empty store.
    let db = env.path("new/reader.db");
    let out = docbao_at(&db, &["--no-demo"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "No articles match.\n");
    assert!(db.is_file());
    // An import into a folder not made yet.
    let db = env.path("other/import.db");
    let out = docbao_at(
        &db,
        &["import", fixture("dantri-30-head3.jsonl").to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(db.is_file());
    // Then the reading commands read it.
    let out = docbao_at(&db, &["list"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 3);
}
