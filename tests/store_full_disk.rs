//! A store on a full disk (a small tmpfs, mounted by the test as root; the
//! test says so and passes where it cannot mount one): an import that fills
//! it stops with a message naming the store and keeps what it stored; the
//! reading commands still read the store (read-only when it must be:
//! opened for writing, SQLite first wrote its WAL back into the file, and
//! failed, so `list` and `export` said "disk I/O error"); with space
//! again, the same import goes on where it stopped.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use common::{docbao_at as docbao, stderr};

/// A tmpfs of `mb` MB at `at`, unmounted when dropped.
struct Tmpfs(PathBuf);

impl Tmpfs {
    fn mount(at: &Path, mb: u32) -> Option<Tmpfs> {
        std::fs::create_dir_all(at).ok()?;
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={mb}m"), "tmpfs"])
            .arg(at)
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if !ok {
            eprintln!("cannot mount a tmpfs here (not root?): full-disk test skipped");
            return None;
        }
        Some(Tmpfs(at.to_path_buf()))
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

/// `n` articles of about 1.5 KB each, no two alike.
fn articles(path: &Path, n: usize) {
    let mut out = String::new();
    for i in 0..n {
        let body: Vec<String> = (0..6)
            .map(|p| {
                format!(
                    "Đoạn {p} của bài {i}: người dân thành phố {} đón tin mới về giá xăng, \
                     thời tiết và giao thông trong tuần thứ {} của năm, mã số {:x}.",
                    ["Hà Nội", "Huế", "Đà Nẵng", "Cần Thơ"][i % 4],
                    i % 52,
                    i * 7919 + p
                )
            })
            .collect();
        let a = serde_json::json!({
            "url": format!("https://example.vn/bai-{i}"),
            "title": format!("Bản tin số {i} về thành phố"),
            "lead": format!("Tóm tắt bản tin số {i}."),
            "body": body,
        });
        out.push_str(&a.to_string());
        out.push('\n');
    }
    std::fs::write(path, out).unwrap();
}

#[test]
fn a_full_disk_keeps_the_store_readable_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.jsonl");
    articles(&input, 3000);
    let Some(_fs) = Tmpfs::mount(&dir.path().join("small"), 24) else {
        return;
    };
    let small = dir.path().join("small");
    let db = small.join("s.db");
    let filler = small.join("filler");
    std::fs::write(&filler, vec![0u8; 21 << 20]).unwrap();

    let err = import_fills_the_disk(&db, &input);
    assert!(err.contains("run the same import again"), "{err}");

    // The rest of the disk filled too (the failed batch gave its room back).
    let mut rest = std::fs::File::create(small.join("rest")).unwrap();
    let block = vec![0u8; 64 << 10];
    while std::io::Write::write_all(&mut rest, &block).is_ok() {}
    drop(rest);

    // Read, read-only: what was stored is there.
    let o = docbao(&db, &["list"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let stored = String::from_utf8_lossy(&o.stdout).lines().count();
    assert!(stored > 0 && stored < 3000, "{stored} listed");
    let o = docbao(&db, &["export"]);
    assert!(o.status.success(), "{}", stderr(&o));
    // A mark still fits (the WAL's room is used again) and is kept.
    let o = docbao(&db, &["mark-read", "1"]);
    assert!(o.status.success(), "{}", stderr(&o));

    // Space again: the same import goes on where it stopped.
    std::fs::remove_file(&filler).unwrap();
    std::fs::remove_file(small.join("rest")).unwrap();
    let o = docbao(&db, &["import", input.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = docbao(&db, &["list"]);
    assert_eq!(String::from_utf8_lossy(&o.stdout).lines().count(), 3000);

    // Closed cleanly (no -wal or -shm left), then the disk filled by
    // something else: there is no room for the -shm SQLite makes to share
    // the WAL's index. Read-only, and why in the words the reader's first
    // line uses.
    assert!(!small.join("s.db-shm").exists());
    let mut full = std::fs::File::create(small.join("full")).unwrap();
    while std::io::Write::write_all(&mut full, &[0u8; 4096]).is_ok() {}
    drop(full);
    let (store, opened) =
        docbao::store::Store::open_with(&db, docbao::store::Access::ReadIfNeeded).unwrap();
    assert!(store.is_read_only(), "{opened:?}");
    assert_eq!(
        opened.read_only_short,
        Some("the disk is full"),
        "{opened:?}"
    );
    drop(store);
    let o = docbao(&db, &["list"]);
    assert_eq!(String::from_utf8_lossy(&o.stdout).lines().count(), 3000);
}

/// An import big enough to leave two keyword indexes out until its end
/// (a bulk import) fills the disk: it says how many articles it stored,
/// and every reading command still reads the store, read-only, saying the
/// disk is full. The next docbao to open the store for writing builds the
/// indexes, which the full disk refused: `list` and the rest failed with
/// "cannot open the database …: database or disk is full" (a tester's
/// report); a command that writes says the disk holding the store is full.
#[test]
fn after_a_bulk_import_filled_the_disk_the_reading_commands_read() {
    let dir = tempfile::tempdir().unwrap();
    // The Dân trí articles, 11.7 MB: a bulk import, whose keyword indexes
    // need more room at its end than the batch that failed gave back.
    let input = dir.path().join("in.jsonl");
    let gz = std::fs::File::open(common::fixture("dantri-2653.jsonl.gz")).unwrap();
    let mut out = std::fs::File::create(&input).unwrap();
    std::io::copy(&mut flate2::read::GzDecoder::new(gz), &mut out).unwrap();
    let Some(_fs) = Tmpfs::mount(&dir.path().join("small"), 20) else {
        return;
    };
    let db = dir.path().join("small/s.db");

    let err = import_fills_the_disk(&db, &input);
    // The rest of the disk filled too: the failed batch gave its room back,
    // and how much depends on where the import stopped (on a loaded
    // machine its batches end elsewhere, and the indexes were built in the
    // room left, by `list`, with nothing to say).
    let mut rest = std::fs::File::create(dir.path().join("small/rest")).unwrap();
    let block = vec![0u8; 64 << 10];
    while std::io::Write::write_all(&mut rest, &block).is_ok() {}
    drop(rest);
    // The summary line, and how many articles are kept.
    let added: usize = err
        .lines()
        .find_map(|l| l.strip_suffix(" updated, 0 skipped (unchanged), 0 failed"))
        .and_then(|l| l.strip_suffix(" added, 0"))
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no summary line: {err}"));
    assert!(added > 0 && added < 2653, "{err}");
    assert!(
        err.contains(&format!("the {added} articles stored before it are kept")),
        "{err}"
    );

    let full = format!("the disk holding \"{}\" is full", db.display());
    for args in [
        &["list", "--limit", "1"][..],
        &["sources"],
        &["search", "Hà Nội"],
        &["export"],
        &["show", "1"],
    ] {
        let o = docbao(&db, args);
        let err = stderr(&o);
        assert!(o.status.success(), "{args:?}: {err}");
        assert!(!o.stdout.is_empty(), "{args:?}");
        if bulk_import_left(&db) {
            // The indexes could not be built: read-only, saying why.
            assert!(err.contains(&full), "{args:?}: {err}");
            assert!(err.contains("read-only"), "{args:?}: {err}");
        } else {
            // Built in the room the failed batch left in the WAL (where the
            // import stopped depends on the machine's load): opened as
            // usual, with nothing to say.
            assert_eq!(err, "", "{args:?}");
        }
    }
    let o = docbao(&db, &["list"]);
    assert_eq!(String::from_utf8_lossy(&o.stdout).lines().count(), added);
    // A command that writes is refused, naming the store (`doctor` said
    // only "database error: database or disk is full").
    for args in [&["mark-read", "1"][..], &["doctor"]] {
        let o = docbao(&db, args);
        let err = stderr(&o);
        if o.status.success() && !bulk_import_left(&db) {
            continue; // it fitted in that room too
        }
        assert_eq!(o.status.code(), Some(1), "{args:?}: {err}");
        assert!(
            err.contains(&format!(
                "the disk holding the database \"{}\" is full",
                db.display()
            )),
            "{args:?}: {err}"
        );
    }
}

/// Whether the store still waits for the end of a bulk import (its
/// keyword indexes left out): the next docbao to write it builds them.
fn bulk_import_left(db: &Path) -> bool {
    let conn =
        rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .unwrap();
    conn.query_row(
        "SELECT count(*) FROM app_state WHERE key = 'bulk_import_pid'",
        [],
        |r| r.get::<_, i64>(0),
    )
    .unwrap()
        > 0
}

/// Import `input` into `db` until the disk is full: refused, exit 1, the
/// message naming the store's disk; its stderr.
fn import_fills_the_disk(db: &Path, input: &Path) -> String {
    let o = docbao(db, &["import", input.to_str().unwrap()]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains(&format!("the disk holding \"{}\" is full", db.display())),
        "{err}"
    );
    err
}
