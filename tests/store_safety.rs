//! What a command must never do to the store, and what it says instead: an
//! export written over the store's own file, a damaged or odd file
//! reported without its name, a schema version no docbao wrote, a backup
//! written again on every failed upgrade, a `--db` that names no regular
//! file.

mod common;

use std::path::Path;

use common::{Env, fixture};

/// The store of `env` with the bundled demo page and a few articles in it.
fn filled(env: &Env) {
    env.ok(&[
        "import",
        fixture("dan-van-2021-03-05.txt").to_str().unwrap(),
        fixture("dantri-30-head3.jsonl").to_str().unwrap(),
    ]);
}

/// `args` fail (exit 1) saying `what`, stdout empty; returns stderr.
fn refused(env: &Env, args: &[&str], what: &str) -> String {
    let o = env.run(args);
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    assert_eq!(o.status.code(), Some(1), "{args:?}: {err}");
    assert!(err.contains(what), "{args:?}: {err}");
    assert!(!err.contains("panicked"), "{args:?}: {err}");
    assert!(o.stdout.is_empty(), "{args:?}");
    err
}

fn bytes(p: &Path) -> Vec<u8> {
    std::fs::read(p).unwrap()
}

/// `export -o` naming the store itself (by its path, through a link, with
/// `..`, in Markdown) or one of its side files is refused, naming it, and
/// nothing is written: the export replaced the store with its JSON and
/// said "Exported 2653 articles" (a tester's report).
#[cfg(unix)]
#[test]
fn export_refuses_to_write_over_the_store_it_reads() {
    let env = Env::new();
    filled(&env);
    let db = env.db();
    // Closed cleanly: the file alone is the store.
    let before = bytes(&db);
    std::fs::create_dir(env.path("dir")).unwrap();
    let link = env.path("link.jsonl");
    std::os::unix::fs::symlink(&db, &link).unwrap();
    let hard = env.path("hard.db");
    std::fs::hard_link(&db, &hard).unwrap();
    let dotdot = env.dir.path().join("dir/../docbao.db");
    for (out, more) in [
        (&db, &[][..]),
        (&link, &[][..]),
        (&dotdot, &[][..]),
        (&hard, &[][..]),
        (&db, &["--format", "markdown"][..]),
    ] {
        let mut args = vec!["export", "-o", out.to_str().unwrap()];
        args.extend_from_slice(more);
        let err = refused(&env, &args, "which this export reads");
        assert!(
            err.contains(&format!("the store \"{}\"", db.display())),
            "{err}"
        );
        assert!(err.contains("nothing was written"), "{err}");
        assert_eq!(bytes(&db), before, "{out:?} {more:?}");
    }
    // Its side files, there or not yet.
    for suffix in ["-wal", "-shm", "-journal"] {
        let side = env.path(&format!("docbao.db{suffix}"));
        refused(
            &env,
            &["export", "-o", side.to_str().unwrap()],
            &format!("a file of the store \"{}\"", side.display()),
        );
        assert!(!side.exists(), "{suffix}");
    }
    assert_eq!(env.ok(&["list"]).lines().count(), 4);
    // Another file is written as before.
    env.ok(&["export", "-o", env.path("out.jsonl").to_str().unwrap()]);
    assert_eq!(
        std::fs::read_to_string(env.path("out.jsonl"))
            .unwrap()
            .lines()
            .count(),
        4
    );
}

/// Overwrite `count` pages of 4 KiB from page `from` with bytes that look
/// random (the same every run), as `dd if=/dev/urandom … conv=notrunc`.
fn scramble(db: &Path, from: u64, count: usize) {
    use std::io::{Seek, SeekFrom, Write};
    let mut f = std::fs::OpenOptions::new().write(true).open(db).unwrap();
    f.seek(SeekFrom::Start(from * 4096)).unwrap();
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let junk: Vec<u8> = (0..count * 4096)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x as u8
        })
        .collect();
    f.write_all(&junk).unwrap();
}

/// A store with pages overwritten in its middle opens (its header is
/// sound), and SQLite finds the damage as a command reads: every command
/// said only "database error: database disk image is malformed", naming
/// no file (a tester's report). Now the file is named, said damaged, and
/// what `doctor` can do for it said: tell what is damaged, not repair it.
#[test]
fn a_store_damaged_inside_is_named_with_what_to_do() {
    let env = Env::new();
    env.ok(&["import", fixture("dantri-2653.jsonl.gz").to_str().unwrap()]);
    scramble(&env.db(), 200, 50);
    let named = format!("the database \"{}\" is damaged", env.db().display());
    let jsonl = fixture("dantri-30-head3.jsonl");
    for args in [
        &["list"][..],
        &["search", "Hà Nội"],
        &["export"],
        &["mark-read", "--all"],
        &["import", jsonl.to_str().unwrap()],
    ] {
        let o = env.run(args);
        let err = String::from_utf8_lossy(&o.stderr).into_owned();
        assert_eq!(o.status.code(), Some(1), "{args:?}: {err}");
        assert!(err.contains(&named), "{args:?}: {err}");
        assert!(err.contains("malformed"), "{args:?}: {err}");
        assert!(
            err.contains("`docbao doctor` tells what is damaged but cannot repair it"),
            "{args:?}: {err}"
        );
        assert!(err.contains("restore a backup"), "{args:?}: {err}");
        assert!(!err.contains("database error:"), "{args:?}: {err}");
    }
    // Doctor does what the message says.
    let o = env.run(&["doctor"]);
    assert_eq!(o.status.code(), Some(1));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.starts_with("File check: FAILED"), "{out}");
    assert!(out.contains("Restore a backup"), "{out}");
}

/// Set the store's schema version as another program (or a mishap) would.
fn set_version(db: &Path, version: i64) {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.pragma_update(None, "user_version", version).unwrap();
}

/// A schema version below 0, which no docbao writes, is refused as
/// damaged, naming the file and the version, and nothing is written:
/// migrating took it as an index and panicked (a tester's report).
#[test]
fn a_negative_schema_version_is_refused_without_a_panic() {
    let env = Env::new();
    filled(&env);
    set_version(&env.db(), -5);
    let before = bytes(&env.db());
    for args in [&["list"][..], &["mark-read", "1"], &["import", "-"]] {
        let err = refused(
            &env,
            args,
            &format!("the database \"{}\" is damaged", env.db().display()),
        );
        assert!(err.contains("schema version is -5"), "{args:?}: {err}");
        assert_eq!(bytes(&env.db()), before, "{args:?}");
    }
    let o = env.run(&["doctor"]);
    assert_eq!(o.status.code(), Some(1));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("schema version is -5"), "{out}");
    assert_eq!(bytes(&env.db()), before);
    let backups = std::fs::read_dir(env.dir.path())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .ends_with(".bak")
        })
        .count();
    assert_eq!(backups, 0);
}

/// An upgrade that fails is taken back, and says which copy holds the
/// store as it was; tried again on the same store (a cron job), it uses
/// that copy again: each attempt wrote another full copy, `.v20.1.bak`,
/// `.v20.2.bak`… (a tester's report). A store changed since gets a copy
/// of its own.
#[test]
fn a_failed_upgrade_tried_again_writes_no_second_backup() {
    let env = Env::new();
    filled(&env);
    // Version 21's step adds a column the store has: it fails.
    set_version(&env.db(), 20);
    let bak = env.path("docbao.db.v20.bak");
    for _ in 0..3 {
        let err = refused(
            &env,
            &["list"],
            &format!("cannot upgrade the database \"{}\"", env.db().display()),
        );
        assert!(err.contains("it was left at version 20"), "{err}");
        assert!(
            err.contains(&format!("(version 20) is in \"{}\"", bak.display())),
            "{err}"
        );
    }
    let baks = |n| {
        let mut names: Vec<String> = std::fs::read_dir(env.dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains(".bak") || n.contains("docbao-part"))
            .collect();
        names.sort();
        assert_eq!(names.len(), n, "{names:?}");
        names
    };
    assert_eq!(baks(1), ["docbao.db.v20.bak"]);
    // The backup is the store as it was: it reads at version 20.
    let copy = rusqlite::Connection::open(&bak).unwrap();
    let version: i64 = copy
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, 20);
    drop(copy);

    // Changed since: a copy of its own, the first one kept.
    let conn = rusqlite::Connection::open(env.db()).unwrap();
    conn.execute("UPDATE articles SET read = 1", []).unwrap();
    drop(conn);
    let err = refused(&env, &["list"], "cannot upgrade the database");
    assert!(err.contains("docbao.db.v20.1.bak"), "{err}");
    assert_eq!(baks(2), ["docbao.db.v20.1.bak", "docbao.db.v20.bak"]);
}

/// A `--db` that names no regular file is refused, saying what it is:
/// a path ending in "/" made a file of that name; a device or a pipe gave
/// "disk I/O error"; a file where a folder should be, "File exists (os
/// error 17)" (a tester's report). Nothing is made.
#[cfg(unix)]
#[test]
fn a_db_path_that_names_no_regular_file_is_refused_saying_what_it_is() {
    let env = Env::new();
    let at = |db: &Path, args: &[&str]| {
        let o = common::docbao_at(db, args);
        let err = String::from_utf8_lossy(&o.stderr).into_owned();
        assert_eq!(o.status.code(), Some(1), "{db:?} {args:?}: {err}");
        err
    };
    let slash = env.dir.path().join("newdir/");
    for args in [&["import", "-"][..], &["list"]] {
        let err = at(&slash, args);
        assert!(err.contains("ends in \"/\""), "{err}");
        assert!(err.contains("a store is a file"), "{err}");
        assert!(!env.path("newdir").exists(), "{args:?}");
    }

    let fifo = env.path("pipe");
    common::mkfifo(&fifo);
    for db in [Path::new("/dev/null"), &fifo] {
        for args in [&["list"][..], &["import", "-"]] {
            let err = at(db, args);
            assert!(
                err.contains(&format!(
                    "\"{}\" is not a docbao database: it is not a regular file",
                    db.display()
                )),
                "{err}"
            );
            assert!(!err.contains("disk I/O error"), "{err}");
        }
    }

    let file = env.write("notdb.db", b"some text");
    for args in [&["import", "-"][..], &["list"]] {
        let err = at(&file.join("x.db"), args);
        assert!(
            err.contains(&format!("\"{}\" is a file, not a folder", file.display())),
            "{err}"
        );
        assert!(!err.contains("os error"), "{err}");
    }
    assert_eq!(bytes(&file), b"some text");
}
