//! A big import leaves two keyword indexes out and builds them once at its
//! end (issue 14): they are there when it returns, and when its process is
//! killed half way, the next docbao to open the store builds them.

mod common;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use common::{Env, fixture, stderr};
use rusqlite::{Connection, OpenFlags};

/// The 2,653 Dân trí articles (11.7 MB: a bulk import into a new store).
fn dantri(env: &Env) -> PathBuf {
    let mut text = Vec::new();
    flate2::read::GzDecoder::new(std::fs::File::open(fixture("dantri-2653.jsonl.gz")).unwrap())
        .read_to_end(&mut text)
        .unwrap();
    env.write("dantri.jsonl", &text)
}

fn read_only(db: &Path) -> Connection {
    Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap()
}

/// The keyword indexes the store has, and the bulk import's mark.
fn state(db: &Path) -> (Vec<String>, Option<String>) {
    let c = read_only(db);
    let mut stmt = c
        .prepare(
            "SELECT name FROM sqlite_master WHERE name IN
             ('article_keywords_keyword', 'keywords_by_count') ORDER BY name",
        )
        .unwrap();
    let names = stmt
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    let mark = c
        .query_row(
            "SELECT value FROM app_state WHERE key = 'bulk_import_pid'",
            [],
            |r| r.get(0),
        )
        .ok();
    (names, mark)
}

fn both() -> Vec<String> {
    vec![
        "article_keywords_keyword".into(),
        "keywords_by_count".into(),
    ]
}

#[test]
fn a_big_import_ends_with_its_indexes_built() {
    let env = Env::new();
    let input = dantri(&env);
    let out = env.run(&["import", input.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("2653 added"), "{}", stderr(&out));
    assert_eq!(state(&env.db()), (both(), None));
    // The keyword counts the index orders are the links there are.
    let c = read_only(&env.db());
    let wrong: i64 = c
        .query_row(
            "SELECT count(*) FROM keywords k WHERE article_count !=
             (SELECT count(*) FROM article_keywords WHERE keyword_id = k.id)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(wrong, 0);
    let plan: String = c
        .query_row(
            "EXPLAIN QUERY PLAN SELECT name, article_count FROM keywords
             WHERE article_count > 0 ORDER BY article_count DESC, key LIMIT 50",
            [],
            |r| r.get(3),
        )
        .unwrap();
    assert!(plan.contains("keywords_by_count"), "{plan}");
}

#[test]
fn a_killed_big_import_has_its_indexes_built_by_the_next_open() {
    let env = Env::new();
    let input = dantri(&env);
    let mut child = env
        .cmd()
        .args(["import", input.to_str().unwrap()])
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Killed once it has begun (its mark is in the store, the indexes gone).
    let deadline = Instant::now() + Duration::from_secs(60);
    let begun = || -> rusqlite::Result<bool> {
        let c = Connection::open_with_flags(env.db(), OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        c.query_row(
            "SELECT EXISTS (SELECT 1 FROM app_state WHERE key = 'bulk_import_pid')
                AND NOT EXISTS (SELECT 1 FROM sqlite_master WHERE name = 'keywords_by_count')",
            [],
            |r| r.get(0),
        )
    };
    while !(env.db().exists() && begun().unwrap_or(false)) {
        assert!(Instant::now() < deadline, "the import never began");
        assert!(child.try_wait().unwrap().is_none(), "it ended too soon");
        std::thread::sleep(Duration::from_millis(20));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let (names, mark) = state(&env.db());
    assert!(names.is_empty(), "{names:?}");
    assert_eq!(mark, Some(child.id().to_string()));
    // The next docbao to open the store for writing builds them (here the
    // reader, not on a terminal: it prints the list).
    let out = env.run(&["--no-demo"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(state(&env.db()), (both(), None));
}
