//! Opening the store from the outside: several processes at once, the
//! backup before an upgrade, damaged and awkward files, read-only stores
//! and `docbao doctor`. Runs the real binary.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use docbao::store::{Access, CURRENT_VERSION, Store, StoreError};
use rusqlite::Connection;

mod common;
#[path = "common/downgrade.rs"]
mod downgrade;

use common::{docbao_at as docbao, fixture, stderr};

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

const BIN: &str = env!("CARGO_BIN_EXE_docbao");

fn demo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/demo/dantri-30.jsonl")
}

fn version(db: &Path) -> i64 {
    Connection::open(db)
        .unwrap()
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap()
}

fn count(db: &Path, sql: &str) -> i64 {
    Connection::open(db)
        .unwrap()
        .query_row(sql, [], |r| r.get(0))
        .unwrap()
}

/// A store with the 30 demo articles.
fn filled(dir: &Path) -> PathBuf {
    let db = dir.join("s.db");
    let o = docbao(&db, &["import", demo().to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    db
}

#[test]
fn several_processes_create_a_new_store_at_once() {
    let dir = tempfile::tempdir().unwrap();
    for round in 0..4 {
        let db = dir.path().join(format!("new-{round}.db"));
        let children: Vec<_> = (0..5)
            .map(|_| {
                Command::new(BIN)
                    .arg("--db")
                    .arg(&db)
                    // The reader off a terminal: it prints the list (a
                    // reading command would refuse a path with no store).
                    .arg("--no-demo")
                    .env_remove("DOCBAO_DB")
                    .stdin(Stdio::null())
                    .stdout(Stdio::piped())
                    .stderr(Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for c in children {
            let o = c.wait_with_output().unwrap();
            assert!(o.status.success(), "round {round}: {}", stderr(&o));
            // The note on stderr, stdout empty.
            assert_eq!(stdout(&o), "");
            assert!(stderr(&o).contains("No articles match."), "{}", stderr(&o));
        }
        assert_eq!(version(&db), CURRENT_VERSION);
        let o = docbao(&db, &["import", demo().to_str().unwrap()]);
        assert!(o.status.success(), "{}", stderr(&o));
        assert_eq!(count(&db, "SELECT count(*) FROM articles"), 30);
        let mode: String = Connection::open(&db)
            .unwrap()
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
    }
}

/// Take the store back to version 7, as docbao 7 left it (version 8 only
/// dropped a trigger, 9 added the sources, 10 the position offset, 11 the
/// syllable index: its list of articles to index goes, and the delete
/// trigger is the old one; the index itself is made again by 11 anyway; 12
/// the source counts; 13 the compressed bodies and title hashes; 14 the
/// index of written syllables; 15 the sync tables; 17 the feeds'
/// memberships; 18 changed only addresses; 19 the feed items' hashes; 20
/// the feeds' site addresses; 21 the feed items' own ids; 22 kept feed
/// ids; 23 made keys again; 24 the phrases' next words; 25 the keywords
/// waiting for company; 26 changed only addresses; 27 the full pages that
/// failed, the feeds' waits and failures, tables made `IF NOT EXISTS`,
/// dropped here all the same; 28 only indexed some articles again; 29 the
/// keyword links' table made again to take the user's tags; 30 the
/// articles holding a whole page's text).
fn downgrade_to_7(db: &Path) {
    assert_eq!(
        CURRENT_VERSION, 30,
        "update this downgrade for the new version"
    );
    let conn = Connection::open(db).unwrap();
    downgrade::undo_user_tags(&conn);
    conn.execute_batch("DROP TABLE whole_pages; DROP TABLE feed_page_failures;")
        .unwrap();
    downgrade::undo_feed_articles(&conn);
    conn.execute_batch(
        "DROP TABLE related_computed;
         DROP TRIGGER articles_sync_read; DROP TRIGGER articles_sync_saved;
         DROP TABLE sync_changes; DROP TABLE sync_state; DROP TABLE sync_items;
         DROP TABLE sync_feeds;",
    )
    .unwrap();
    downgrade::vocab_to_terms(&conn);
    downgrade::undo_compact_store(&conn);
    conn.execute_batch(
        "DROP TRIGGER articles_search_delete;
             CREATE TRIGGER articles_search_delete AFTER DELETE ON articles BEGIN
                 DELETE FROM article_search WHERE rowid = OLD.id;
             END;
             DROP TABLE search_reindex;
             ALTER TABLE articles DROP COLUMN position_offset;
             DROP TRIGGER articles_source_count_ins; DROP TRIGGER articles_source_count_del;
             DROP TRIGGER articles_source_count_upd; DROP TABLE source_counts;
             DROP INDEX articles_feed; DROP INDEX articles_site;
             ALTER TABLE articles DROP COLUMN feed_id;
             CREATE TRIGGER article_keywords_count_ins AFTER INSERT ON article_keywords BEGIN
                 UPDATE keywords SET article_count = article_count + 1 WHERE id = NEW.keyword_id;
             END;
             PRAGMA user_version = 7;",
    )
    .unwrap();
}

#[test]
fn an_old_store_with_data_is_copied_before_it_is_upgraded() {
    let dir = tempfile::tempdir().unwrap();
    let db = filled(dir.path());
    let export = |db: &Path| {
        let o = docbao(db, &["export"]);
        assert!(o.status.success(), "{}", stderr(&o));
        o.stdout
    };
    let before = export(&db);
    downgrade_to_7(&db);
    let o = docbao(&db, &["list", "-n", "1"]);
    assert!(o.status.success(), "{}", stderr(&o));
    // Every article's paragraphs came through the move into `bodies`
    // (version 13) as they were.
    assert_eq!(
        String::from_utf8_lossy(&export(&db)),
        String::from_utf8_lossy(&before)
    );
    let bak = dir.path().join("s.db.v7.bak");
    let err = stderr(&o);
    // The backup's line, and (issue 13) the search index made again, with
    // its progress on one line.
    assert_eq!(err.lines().count(), 2, "{err}");
    assert!(
        err.lines()
            .next()
            .unwrap()
            .ends_with("indexing the articles again for search: 30 of 30"),
        "{err}"
    );
    assert!(
        err.contains(&format!("\"{}\"", bak.display()))
            && err.contains(&format!("from schema version 7 to {CURRENT_VERSION}")),
        "{err}"
    );
    assert_eq!(version(&db), CURRENT_VERSION);
    assert_eq!(version(&bak), 7);
    assert_eq!(count(&bak, "SELECT count(*) FROM articles"), 30);
    // Opening again: current, nothing to say, no copy.
    let o = docbao(&db, &["list", "-n", "1"]);
    assert_eq!(stderr(&o), "");

    // Again from version 7: the first backup stays as it was, the new one
    // takes the next free name.
    let first = std::fs::read(&bak).unwrap();
    Connection::open(&db)
        .unwrap()
        .execute("DELETE FROM articles WHERE id > 10", [])
        .unwrap();
    downgrade_to_7(&db);
    let (store, opened) = Store::open_with(&db, Access::Write).unwrap();
    let second = dir.path().join("s.db.v7.1.bak");
    assert_eq!(opened.backup.as_deref(), Some(second.as_path()));
    assert_eq!(opened.migrated, Some((7, CURRENT_VERSION)));
    assert_eq!(opened.read_only, None);
    drop(store);
    assert_eq!(std::fs::read(&bak).unwrap(), first);
    assert_eq!(count(&second, "SELECT count(*) FROM articles"), 10);
}

/// A store from before reading positions had an offset keeps each article's
/// paragraph, at the start of it; a position saved after the upgrade keeps
/// its offset.
/// The step that lets the keyword links hold the user's tags makes their
/// table again: every link, its place and kind, and every keyword's count
/// come through, and the store takes a tag after it.
#[test]
fn an_old_store_keeps_its_keyword_links_when_it_takes_tags() {
    let dir = tempfile::tempdir().unwrap();
    let db = filled(dir.path());
    let links =
        "SELECT group_concat(article_id || ':' || keyword_id || ':' || pos || ':' || source, ',')
                 FROM (SELECT * FROM article_keywords ORDER BY article_id, keyword_id)";
    let counts = "SELECT group_concat(id || ':' || article_count, ',') FROM (SELECT * FROM keywords ORDER BY id)";
    let text = |sql: &str| -> String {
        Connection::open(&db)
            .unwrap()
            .query_row(sql, [], |r| r.get(0))
            .unwrap()
    };
    let (before, counted) = (text(links), text(counts));
    assert!(before.contains(":auto"), "{before}");
    {
        let conn = Connection::open(&db).unwrap();
        downgrade::undo_user_tags(&conn);
        // Version 29 is the step that takes the tags (version 30's table,
        // made `IF NOT EXISTS`, is left).
        conn.execute_batch("PRAGMA user_version = 28;").unwrap();
    }
    let out = docbao(&db, &["keywords", "--limit", "1"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(version(&db), CURRENT_VERSION);
    assert_eq!(text(links), before);
    assert_eq!(text(counts), counted);
    let conn = Connection::open(&db).unwrap();
    conn.execute(
        "UPDATE article_keywords SET source = 'tag'
         WHERE (article_id, keyword_id) = (SELECT article_id, keyword_id FROM article_keywords LIMIT 1)",
        [],
    )
    .unwrap();
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM article_keywords WHERE source = 'tag'"
        ),
        1
    );
}

#[test]
fn an_old_store_keeps_its_reading_positions() {
    use docbao::model::{ArticleId, Position};
    let dir = tempfile::tempdir().unwrap();
    let db = filled(dir.path());
    downgrade_to_7(&db);
    Connection::open(&db)
        .unwrap()
        .execute("UPDATE articles SET position = 4 WHERE id = 2", [])
        .unwrap();
    let store = Store::open(&db).unwrap();
    assert_eq!(
        store.article(ArticleId(2)).unwrap().position,
        Position::at(4)
    );
    assert_eq!(
        store.article(ArticleId(3)).unwrap().position,
        Position::at(0)
    );
    let saved = Position {
        paragraph: 5,
        offset: 1234,
    };
    store.set_position(ArticleId(3), saved).unwrap();
    drop(store);
    let store = Store::open(&db).unwrap();
    assert_eq!(store.article(ArticleId(3)).unwrap().position, saved);
    assert_eq!(
        store.article(ArticleId(2)).unwrap().position,
        Position::at(4)
    );
}

#[test]
fn an_old_store_without_data_is_upgraded_without_a_copy() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e.db");
    drop(Store::open(&db).unwrap());
    downgrade_to_7(&db);
    let (_store, opened) = Store::open_with(&db, Access::Write).unwrap();
    assert_eq!(opened.migrated, Some((7, CURRENT_VERSION)));
    assert_eq!(opened.backup, None);
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".bak"))
        .collect();
    assert!(names.is_empty(), "{names:?}");
}

/// Run `list` on a file that is not a store: one clear line naming it, exit
/// 1, no panic, the file as it was.
fn refused(db: &Path, says: &str) {
    let before = std::fs::read(db).ok();
    for args in [&["list"][..], &["import", demo().to_str().unwrap()], &[]] {
        let o = docbao(db, args);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(1), "{args:?}: {err}");
        assert!(err.contains(&format!("\"{}\"", db.display())), "{err}");
        assert!(err.contains(says), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(!err.contains("panicked"), "{err}");
        assert_eq!(std::fs::read(db).ok(), before, "{args:?} changed the file");
    }
    for side in ["-wal", "-shm", "-journal"] {
        let mut p = db.as_os_str().to_owned();
        p.push(side);
        assert!(
            !Path::new(&p).exists(),
            "{side} made beside {}",
            db.display()
        );
    }
}

#[test]
fn damaged_and_awkward_files_are_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();

    let random = d.join("random.db");
    let bytes: Vec<u8> = (0..5000u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    std::fs::write(&random, bytes).unwrap();
    refused(&random, "not a SQLite database file");

    let text = d.join("notes.txt");
    std::fs::write(&text, "Đọc báo mỗi sáng.\n").unwrap();
    refused(&text, "not a SQLite database file");

    let folder = d.join("folder.db");
    std::fs::create_dir(&folder).unwrap();
    refused(&folder, "it is a folder");

    let good = filled(&d.join("good"));
    let whole = std::fs::read(&good).unwrap();
    let truncated = d.join("truncated.db");
    std::fs::write(&truncated, &whole[..whole.len() / 2]).unwrap();
    refused(&truncated, "truncated");
    let tiny = d.join("tiny.db");
    std::fs::write(&tiny, &whole[..60]).unwrap();
    refused(&tiny, "truncated");

    // The schema page overwritten: SQLite itself finds it malformed.
    let corrupt = d.join("corrupt.db");
    let mut bytes = whole.clone();
    bytes[100..1100].fill(0xff);
    std::fs::write(&corrupt, bytes).unwrap();
    refused(&corrupt, "is damaged");

    let foreign = d.join("other.sqlite");
    Connection::open(&foreign)
        .unwrap()
        .execute_batch("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('An');")
        .unwrap();
    refused(
        &foreign,
        "another program's SQLite database (tables \"contacts\"",
    );

    let newer = d.join("newer.db");
    drop(Store::open(&newer).unwrap());
    Connection::open(&newer)
        .unwrap()
        .execute_batch("PRAGMA user_version = 99;")
        .unwrap();
    let o = docbao(&newer, &["list"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("newer docbao"), "{}", stderr(&o));
    assert_eq!(version(&newer), 99);
}

/// An empty file (`touch`) is a new store to a command that writes; one
/// that only reads leaves it empty, as it leaves a path with no file.
#[test]
fn an_empty_file_is_a_new_store() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("empty.db");
    std::fs::write(&db, b"").unwrap();
    let o = docbao(&db, &["--no-demo", "list"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(std::fs::metadata(&db).unwrap().len(), 0);
    let o = docbao(&db, &["mark-read", "--all"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(std::fs::metadata(&db).unwrap().len(), 0);
    let page = dir.path().join("page.jsonl");
    std::fs::write(&page, "{\"title\": \"Tin\", \"lead\": \"Mot dong.\"}\n").unwrap();
    let o = docbao(&db, &["import", page.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(version(&db), CURRENT_VERSION);
}

/// `chattr +i` on a path, undone when dropped. Root ignores file modes, so
/// this is how the tests make a file or folder that cannot be written.
struct Immutable(PathBuf);

impl Immutable {
    fn set(path: &Path) -> Option<Immutable> {
        let ok = Command::new("chattr")
            .arg("+i")
            .arg(path)
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        // As a user without the right, or on a file system without the
        // flag, the test cannot make the situation: it says so and passes.
        if !ok {
            eprintln!("chattr +i is not available here: read-only test skipped");
            return None;
        }
        let guard = Immutable(path.to_path_buf());
        if std::fs::OpenOptions::new().write(true).open(path).is_ok() && path.is_file() {
            eprintln!("chattr +i did not make the file unwritable: skipped");
            return None;
        }
        Some(guard)
    }
}

impl Drop for Immutable {
    fn drop(&mut self) {
        let _ = Command::new("chattr").arg("-i").arg(&self.0).status();
    }
}

/// The reading commands work on `db`, the writing ones fail at once with
/// one line, and the file is as it was.
fn reads_but_does_not_write(db: &Path) {
    let before = std::fs::read(db).unwrap();
    let o = docbao(db, &["list"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o).lines().count(), 30);
    for args in [
        &["show", "3"][..],
        &["show", "3", "--json"],
        &["related", "3", "--json"],
        &["search", "ha"],
        &["keywords", "-n", "3"],
        &["export"],
        &["feed", "list", "--json"],
    ] {
        let o = docbao(db, args);
        assert!(o.status.success(), "{args:?}: {}", stderr(&o));
        assert!(!stdout(&o).is_empty(), "{args:?}");
        assert_eq!(stderr(&o), "", "{args:?}");
    }
    // No feeds: said on stderr, and nothing else.
    let o = docbao(db, &["feed", "list"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        (stdout(&o).as_str(), stderr(&o).as_str()),
        ("", "No feeds yet. Subscribe with: docbao feed add URL\n")
    );
    // Related stories, chosen and not stored (they said "No related
    // stories." here: a tester's report): those a writable copy stores.
    let copy = tempfile::tempdir().unwrap();
    let writable = copy.path().join("copy.db");
    std::fs::copy(db, &writable).unwrap();
    for id in ["3", "19", "25"] {
        let here = docbao(db, &["related", id]);
        let there = docbao(&writable, &["related", id]);
        assert!(here.status.success(), "{}", stderr(&here));
        assert_eq!(stdout(&here), stdout(&there), "related {id}");
    }
    // Article 19's (a football result; 20 in the reader's demo, after the
    // sample page) is another result of the same round.
    let listed = |id: &str| stdout(&docbao(db, &["related", id])).lines().count();
    assert!(
        listed("19") > 0,
        "no computed related story in the demo articles"
    );
    for args in [
        &["import", demo().to_str().unwrap()][..],
        &["feed", "remove", "1"],
        &["doctor"],
    ] {
        let o = docbao(db, args);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(1), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.contains("cannot be written"), "{err}");
        assert!(err.contains(&format!("\"{}\"", db.display())), "{err}");
    }
    assert_eq!(std::fs::read(db).unwrap(), before);
}

#[test]
fn a_store_that_cannot_be_written_is_read_read_only() {
    let dir = tempfile::tempdir().unwrap();
    let db = filled(dir.path());
    let Some(guard) = Immutable::set(&db) else {
        return;
    };
    reads_but_does_not_write(&db);
    let (store, opened) = Store::open_with(&db, Access::ReadIfNeeded).unwrap();
    assert!(store.is_read_only());
    assert!(
        opened
            .read_only
            .unwrap()
            .contains("the file cannot be written")
    );
    assert!(matches!(
        Store::open(&db).err(),
        Some(StoreError::ReadOnly { .. })
    ));
    // Read as it is: no -wal or -shm made beside it. SQLite made them,
    // read-only or the reader's, and left them, and once the file could be
    // written again every open failed (a tester's report).
    drop(store);
    for side in ["s.db-wal", "s.db-shm"] {
        assert!(!dir.path().join(side).exists(), "{side} left");
    }
    drop(guard);
    let o = docbao(&db, &["mark-read", "3"]);
    assert!(o.status.success(), "{}", stderr(&o));
}

/// A store read `immutable` (a file this process cannot write, nobody
/// having it open) whose owner then writes to it: the reader's poll sees
/// the file changed and opens it again, and what it reads is the store as
/// it is now (SQLite reads an `immutable` file as never changing: a
/// tester's reader searched wrongly after the owner's update).
#[test]
fn a_store_read_immutable_is_read_again_once_its_owner_writes() {
    let dir = tempfile::tempdir().unwrap();
    let db = filled(dir.path());
    let Some(guard) = Immutable::set(&db) else {
        return;
    };
    let all = docbao::model::ListFilter::default();
    let (mut store, opened) = Store::open_with(&db, Access::ReadIfNeeded).unwrap();
    assert!(store.is_read_only(), "{opened:?}");
    let before = store.poll_version().unwrap();
    assert_eq!(store.count(&all).unwrap(), 30);
    assert_eq!(store.poll_version().unwrap(), before, "nothing changed yet");
    // The owner (here the same user, the file writable again) imports.
    drop(guard);
    let more = fixture("dantri-2653-2lines.jsonl");
    let o = docbao(&db, &["import", more.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_ne!(store.poll_version().unwrap(), before, "the change is seen");
    assert_eq!(store.count(&all).unwrap(), 32);
    let hits = store.search("thanh tra", &all, 10).unwrap();
    assert!(
        hits.iter().any(|h| h.title.contains("thanh tra")),
        "{:?}",
        hits.iter().map(|h| &h.title).collect::<Vec<_>>()
    );
    // The owner's connection still open (its -wal beside the file): read
    // through it, and its later writes followed as any other store's.
    let owner = Connection::open(&db).unwrap();
    owner
        .execute("UPDATE articles SET read = 1 WHERE id = 1", [])
        .unwrap();
    let seen = store.poll_version().unwrap();
    assert_ne!(seen, before);
    owner
        .execute("UPDATE articles SET read = 0 WHERE id = 1", [])
        .unwrap();
    assert_ne!(store.poll_version().unwrap(), seen);
    assert_eq!(store.count(&all).unwrap(), 32);
}

/// A -shm beside the store that cannot be written (left by another user's
/// read-only open): the message names it and says what to do, not "attempt
/// to write a readonly database" about the store's own file.
#[test]
fn a_side_file_that_cannot_be_written_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let db = filled(dir.path());
    let shm = dir.path().join("s.db-shm");
    std::fs::write(&shm, vec![0u8; 32768]).unwrap();
    std::fs::write(dir.path().join("s.db-wal"), b"").unwrap();
    let Some(_guard) = Immutable::set(&shm) else {
        return;
    };
    let o = docbao(&db, &["mark-read", "3"]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains(&format!(
            "\"{}\" beside it cannot be written",
            shm.display()
        )),
        "{err}"
    );
    assert!(err.contains("remove"), "{err}");
}

/// A new store in a folder that cannot be written: said so, with the
/// folder, not "unable to open database file".
#[test]
fn a_new_store_in_a_folder_that_cannot_be_written_names_the_folder() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("theirs");
    std::fs::create_dir(&folder).unwrap();
    let Some(_guard) = Immutable::set(&folder) else {
        return;
    };
    let o = docbao(
        &folder.join("new.db"),
        &["import", demo().to_str().unwrap()],
    );
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains(&format!(
            "its folder \"{}\" cannot be written",
            folder.display()
        )),
        "{err}"
    );
}

#[test]
fn a_store_in_a_folder_that_cannot_be_written_is_read_read_only() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("theirs");
    let db = filled(&folder);
    // Closed cleanly: no -wal or -shm left, and none can be made.
    assert!(!folder.join("s.db-shm").exists());
    let Some(_guard) = Immutable::set(&folder) else {
        return;
    };
    reads_but_does_not_write(&db);
    let (store, opened) = Store::open_with(&db, Access::ReadIfNeeded).unwrap();
    assert!(store.is_read_only());
    assert_eq!(opened.read_only_short, Some("its folder cannot be written"));
    assert!(opened.read_only.unwrap().contains("folder"));
    assert!(!folder.join("s.db-shm").exists());
}

#[test]
fn an_old_store_that_cannot_be_written_says_it_needs_an_upgrade() {
    let dir = tempfile::tempdir().unwrap();
    let db = filled(dir.path());
    downgrade_to_7(&db);
    let Some(_guard) = Immutable::set(&db) else {
        return;
    };
    let o = docbao(&db, &["list"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains(&format!(
            "is at schema version 7 and needs upgrading to {CURRENT_VERSION}, but it cannot be written"
        )),
        "{}",
        stderr(&o)
    );
    assert_eq!(version(&db), 7);
}

/// A page so damaged that SQLite's own check stops on it: `doctor` says
/// the file failed its check, rebuilds nothing and points to the backups,
/// rather than ending on a bare "database disk image is malformed".
#[test]
fn doctor_names_a_damaged_page_and_rebuilds_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = filled(dir.path());
    let page: i64 = count(&db, "PRAGMA page_size");
    let before = std::fs::read(&db).unwrap();
    let mut bytes = before.clone();
    let at = 2 * page as usize; // the third page: a table's or an index's
    bytes[at..at + page as usize].fill(0xff);
    std::fs::write(&db, &bytes).unwrap();
    let o = docbao(&db, &["doctor"]);
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(1), "{out}{}", stderr(&o));
    assert!(
        out.starts_with("File check: FAILED ("),
        "{out}{}",
        stderr(&o)
    );
    assert!(out.contains("malformed") || out.contains("page 3"), "{out}");
    assert!(
        out.contains("Nothing was rebuilt") && out.contains(".bak"),
        "{out}"
    );
    assert!(out.lines().all(|l| !l.contains("***")), "{out}");
    assert_eq!(
        std::fs::read(&db).unwrap(),
        bytes,
        "the file left as it was"
    );
}

/// `doctor` on a store damaged three ways (its header, an index that lost
/// its rows, bodies that cannot be read with the search index broken): it
/// says what it found, and gives its advice once; it never tells the user
/// to run `docbao doctor`, and lists no problem twice.
#[test]
fn doctor_on_a_damaged_store_gives_each_advice_once() {
    type Damage = fn(&Path);
    let damages: [(&str, Damage); 3] = [
        ("header", |db| {
            let mut bytes = std::fs::read(db).unwrap();
            bytes[100..200].fill(0xff);
            std::fs::write(db, &bytes).unwrap();
        }),
        ("index rows", |db| {
            let page = count(db, "PRAGMA page_size") as usize;
            let root = count(
                db,
                "SELECT rootpage FROM sqlite_schema WHERE name = 'articles_title_date'",
            ) as usize;
            let mut bytes = std::fs::read(db).unwrap();
            let at = (root - 1) * page;
            assert_eq!(bytes[at], 0x0a, "a leaf page of an index");
            // No cells: every article's row is missing from the index.
            bytes[at + 3..at + 5].fill(0);
            std::fs::write(db, &bytes).unwrap();
        }),
        ("bodies", |db| {
            Connection::open(db)
                .unwrap()
                .execute_batch(
                    "UPDATE bodies SET packed = x'00112233' WHERE article_id IN (1, 2, 3);
                     DELETE FROM article_search_data WHERE id > 10;",
                )
                .unwrap();
        }),
    ];
    for (what, damage) in damages {
        let dir = tempfile::tempdir().unwrap();
        let db = filled(dir.path());
        damage(&db);
        let o = docbao(&db, &["doctor"]);
        let all = format!("{}{}", stdout(&o), stderr(&o));
        assert_eq!(o.status.code(), Some(1), "{what}: {all}");
        assert_eq!(all.matches("Restore a backup").count(), 1, "{what}: {all}");
        assert!(!all.contains("docbao doctor"), "{what}: {all}");
        let mut seen = std::collections::HashSet::new();
        for line in all.lines() {
            assert!(seen.insert(line), "{what}: {line:?} twice in {all}");
        }
        assert!(
            all.matches("missing from index").count() <= 1,
            "{what}: {all}"
        );
    }
}

#[test]
fn doctor_checks_and_rebuilds() {
    let dir = tempfile::tempdir().unwrap();
    let db = filled(dir.path());
    let o = docbao(&db, &["doctor"]);
    let out = stdout(&o);
    assert!(o.status.success(), "{out}{}", stderr(&o));
    assert!(out.contains("File check: ok"), "{out}");
    assert!(out.contains("Search index check: ok"), "{out}");
    assert!(
        out.contains("Search index rebuilt: 30 articles indexed"),
        "{out}"
    );
    assert!(
        out.contains("Keyword counts recounted: 0 were wrong"),
        "{out}"
    );
    let found = stdout(&docbao(&db, &["search", "--json", "lai suat"]));

    // Break the index and the counts.
    let conn = Connection::open(&db).unwrap();
    conn.execute_batch(
        "DELETE FROM article_search_data WHERE id > 10;
         UPDATE keywords SET article_count = article_count + 5 WHERE id IN (1, 2, 3);",
    )
    .unwrap();
    drop(conn);
    let o = docbao(&db, &["doctor"]);
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(1), "{out}{}", stderr(&o));
    assert!(out.contains("Search index check: FAILED"), "{out}");
    assert!(
        out.contains("Search index check after the rebuild: ok"),
        "{out}"
    );
    assert!(
        out.contains("Keyword counts recounted: 3 were wrong"),
        "{out}"
    );
    // Mended: the same search finds the same, and a second run finds nothing wrong.
    assert_eq!(
        stdout(&docbao(&db, &["search", "--json", "lai suat"])),
        found
    );
    assert!(found.contains("\"id\""), "{found}");
    let o = docbao(&db, &["doctor"]);
    assert!(o.status.success(), "{}", stdout(&o));
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM keywords k WHERE article_count != \
             (SELECT count(*) FROM article_keywords ak WHERE ak.keyword_id = k.id)"
        ),
        0
    );
}

#[test]
fn an_old_store_gets_its_sources_from_the_feed_items_it_holds() {
    old_store_sources(downgrade_to_7);
}

/// A store of version 16 (before `feed_articles`): the second feed that
/// carried the same items showed none of them; upgraded, it lists them.
#[test]
fn an_old_store_lists_an_article_under_every_feed_that_carried_it() {
    old_store_sources(|db| downgrade::undo_feed_articles(&Connection::open(db).unwrap()));
}

fn old_store_sources(downgrade: fn(&Path)) {
    use docbao::model::{FeedItem, Source};
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("f.db");
    let (feed, ids) = {
        let mut store = Store::open(&db).unwrap();
        let feed = store
            .add_feed("https://example.vn/rss", Some("Báo thử"), false)
            .unwrap();
        let items: Vec<FeedItem> = ["Tin một", "Tin hai"]
            .iter()
            .map(|t| {
                let mut a = docbao::ingest::page_text::parse_page_text(include_str!(
                    "fixtures/dan-van-2021-03-05.txt"
                ))
                .unwrap();
                a.title = t.to_string();
                a.url = Some(format!("https://example.vn/{}.htm", t.len()));
                FeedItem {
                    key: a.url.clone().unwrap(),
                    guid: None,
                    article: a,
                }
            })
            .collect();
        let ids = store.store_feed_items(feed, &items).unwrap().new_articles;
        let main = store
            .add_feed(
                "https://example.vn/trang-chu.rss",
                Some("Báo thử: trang chủ"),
                false,
            )
            .unwrap();
        assert!(
            store
                .store_feed_items(main, &items)
                .unwrap()
                .new_articles
                .is_empty()
        );
        (feed, ids)
    };
    downgrade(&db);
    let store = Store::open(&db).unwrap();
    assert_eq!(ids.len(), 2);
    let sources = store.sources().unwrap();
    assert_eq!(sources[0].source, Source::Feed(feed));
    assert_eq!((sources[0].unread, sources[0].total), (2, 2));
    assert_eq!(sources[1].source, Source::Feed(feed + 1));
    assert_eq!((sources[1].unread, sources[1].total), (2, 2));
    assert_eq!(sources.len(), 2, "{sources:?}");
    let of_main = docbao::model::ListFilter {
        source: Some(Source::Feed(feed + 1)),
        ..Default::default()
    };
    assert_eq!(store.list(&of_main, None, 10).unwrap().len(), 2);
    assert_eq!(
        store.count(&docbao::model::ListFilter::default()).unwrap(),
        2
    );
}

#[test]
fn doctor_gives_the_space_of_deleted_articles_back() {
    let dir = tempfile::tempdir().unwrap();
    let db = filled(dir.path());
    let pages = || count(&db, "PRAGMA page_count");
    Connection::open(&db)
        .unwrap()
        .execute("DELETE FROM articles WHERE id > 3", [])
        .unwrap();
    let before = pages();
    let o = docbao(&db, &["doctor"]);
    let out = stdout(&o);
    assert!(o.status.success(), "{out}{}", stderr(&o));
    assert!(out.contains("Compacted: "), "{out}");
    assert!(
        pages() * 3 < before * 2,
        "{} pages after, {before} before: {out}",
        pages()
    );
    assert_eq!(count(&db, "SELECT count(*) FROM articles"), 3);
    assert_eq!(count(&db, "PRAGMA freelist_count"), 0);
}

/// A reader opened on a store that could not be written, then made
/// writable with nobody writing to it: within a few seconds the store is
/// opened again read-write, the reader says so, and its marks are saved (a
/// tester's report: it refused every mark until restarted, saying only
/// that the store was read-only).
#[test]
fn a_reader_on_a_store_made_writable_again_saves_its_marks() {
    use docbao::tui::app::{Runtime, follow_store, handle_event, settle, start};
    use docbao::tui::config::Config;
    use docbao::tui::event::Event;
    use docbao::tui::state::AppState;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use std::time::{Duration, Instant};

    let dir = tempfile::tempdir().unwrap();
    let db = filled(dir.path());
    let Some(guard) = Immutable::set(&db) else {
        return;
    };
    let (store, opened) = Store::open_with(&db, Access::ReadIfNeeded).unwrap();
    assert!(store.is_read_only());
    let cfg = Config::defaults();
    let mut state = AppState::new(120, 30, true).read_only_because(true, opened.read_only_short);
    let mut rt = Runtime::new(store);
    start(&mut rt, &mut state, &cfg);
    settle(&mut rt, &mut state, &cfg);
    let selected = state.list.selected_id().expect("a selection").0;
    let key = |rt: &mut Runtime, state: &mut AppState, c: char| {
        let k = Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        handle_event(rt, state, &cfg, k);
        settle(rt, state, &cfg);
    };
    key(&mut rt, &mut state, 'm');
    // (Asked of the reader: a connection of the test's own would make the
    // side files, a change of the file the reader follows.)
    assert_eq!(
        state.status.as_ref().map(|s| s.text.as_str()),
        Some(docbao::tui::update::READ_ONLY_REFUSED)
    );
    assert!(state.read_only);

    drop(guard);
    let deadline = Instant::now() + docbao::store::RETRY_WRITABLE * 4;
    while state.read_only && Instant::now() < deadline {
        follow_store(&mut rt, &mut state, &cfg);
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(!state.read_only, "opened again read-write");
    assert_eq!(
        state.status.as_ref().map(|s| s.text.as_str()),
        Some("The store can be written again: marks and reading positions are saved")
    );
    key(&mut rt, &mut state, 'm');
    let read = count(
        &db,
        &format!("SELECT read FROM articles WHERE id = {selected}"),
    );
    assert_eq!(read, 1, "the mark is saved");
}
