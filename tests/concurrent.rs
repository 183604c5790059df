//! Several writers on one store at once, and writers killed midway: real
//! `docbao` processes on a temporary store, feeds and pages served on
//! 127.0.0.1. Nothing may be lost (every article, bookmark and read mark is
//! there at the end, the keyword statistics count every article) and a
//! killed writer leaves the file whole (SQLite's and FTS5's integrity
//! checks) and the input importable again without duplicates.

mod common;

use std::path::Path;
use std::process::{Child, Output, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use common::server::{Reply, Server};
use common::{Env, fixture, stderr};

/// Every wait in this file ends by this deadline, passed or failed.
const DEADLINE: Duration = Duration::from_secs(300);

/// `n` small articles as JSON lines, titles and URLs under `tag`.
fn articles(tag: &str, n: usize) -> String {
    (0..n)
        .map(|i| {
            format!(
                "{{\"title\":\"Tin {tag} số {i}: hội nghị ở Thái Bình\",\"url\":\"https://{tag}.example.vn/{i}.html\",\"date\":\"2024-03-0{}\",\"body\":[\"Chiều nay, đoàn {tag} số {i} làm việc với Ủy ban nhân dân tỉnh.\",\"Hội nghị bàn về giao thông và giáo dục.\"]}}\n",
                1 + i % 9
            )
        })
        .collect()
}

fn rss(base: &str, items: std::ops::Range<usize>) -> String {
    let mut s = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Tin nhanh</title><link>http://example.vn</link>",
    );
    for i in items {
        s.push_str(&format!(
            "<item><title>Tin nhanh số {i}</title><guid>g-{i}</guid><link>{base}/tin/{i}.html</link><description>Tóm tắt tin nhanh số {i}.</description><pubDate>Sat, 18 Feb 2017 15:10:00 +0700</pubDate></item>"
        ));
    }
    s.push_str("</channel></rss>");
    s
}

/// A feed whose items grow: the first `n` of them, `n` as the test sets it.
fn serve_feed(server: &Server, shown: Arc<AtomicUsize>) {
    let base = server.base.clone();
    server.route("/feed.xml", move |_| {
        let n = shown.load(Ordering::SeqCst);
        Reply::ok("application/rss+xml; charset=utf-8", rss(&base, 0..n))
    });
}

fn serve_page(server: &Server) {
    let page = std::fs::read(fixture("html/nld1.html")).unwrap();
    server.route("/bai.html", move |_| {
        Reply::ok("text/html; charset=utf-8", page.clone())
    });
}

fn spawn(env: &Env, args: &[&str], stdin: Stdio) -> Child {
    env.cmd()
        .args(args)
        .stdin(stdin)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn docbao")
}

/// What a child wrote, read as it writes (a child blocked on a full pipe
/// would never finish).
fn drain(child: &mut Child) -> [std::thread::JoinHandle<Vec<u8>>; 2] {
    fn read_all(mut r: impl std::io::Read + Send + 'static) -> std::thread::JoinHandle<Vec<u8>> {
        std::thread::spawn(move || {
            let mut v = Vec::new();
            let _ = r.read_to_end(&mut v);
            v
        })
    }
    [
        read_all(child.stdout.take().expect("piped stdout")),
        read_all(child.stderr.take().expect("piped stderr")),
    ]
}

/// Wait for every child, by the deadline (killing them all past it).
fn wait_all(children: Vec<(String, Child)>, started: Instant) -> Vec<(String, Output)> {
    let mut done = Vec::new();
    let mut running: Vec<_> = children
        .into_iter()
        .map(|(name, mut c)| {
            let pipes = drain(&mut c);
            (name, c, pipes)
        })
        .collect();
    while !running.is_empty() {
        if started.elapsed() > DEADLINE {
            for (_, c, _) in &mut running {
                let _ = c.kill();
            }
            panic!(
                "still running after {DEADLINE:?}: {:?}",
                running.iter().map(|(n, _, _)| n).collect::<Vec<_>>()
            );
        }
        let mut still = Vec::new();
        for (name, mut c, [out, err]) in running {
            match c.try_wait().expect("try_wait") {
                Some(status) => done.push((
                    name,
                    Output {
                        status,
                        stdout: out.join().unwrap(),
                        stderr: err.join().unwrap(),
                    },
                )),
                None => still.push((name, c, [out, err])),
            }
        }
        running = still;
        std::thread::sleep(Duration::from_millis(20));
    }
    done
}

fn open(db: &Path) -> rusqlite::Connection {
    let conn = rusqlite::Connection::open(db).expect("open the store");
    conn.busy_timeout(Duration::from_secs(60)).unwrap();
    conn
}

fn count(conn: &rusqlite::Connection, sql: &str) -> i64 {
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

/// The store is whole: SQLite's integrity check, FTS5's, and every article
/// in the search index.
fn assert_whole(db: &Path) {
    let conn = open(db);
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    conn.execute(
        "INSERT INTO article_search (article_search) VALUES ('integrity-check')",
        [],
    )
    .expect("the full-text index passes FTS5's integrity check");
    assert_eq!(
        count(
            &conn,
            "SELECT count(*) FROM articles WHERE id NOT IN (SELECT rowid FROM article_search)"
        ),
        0,
        "every article is in the search index"
    );
}

fn articles_stored(db: &Path) -> i64 {
    if !db.exists() {
        return 0;
    }
    let conn = open(db);
    conn.query_row("SELECT count(*) FROM articles", [], |r| r.get(0))
        .unwrap_or(0)
}

#[test]
fn imports_update_add_and_marks_at_once_lose_nothing() {
    const PER_IMPORT: usize = 2000;
    const MARKED: usize = 40;
    const FEED_BEFORE: usize = 5;
    const FEED_AFTER: usize = 60;
    const MARK_ROUNDS: usize = 6;

    let env = Env::new();
    let server = Server::start();
    let shown = Arc::new(AtomicUsize::new(FEED_BEFORE));
    serve_feed(&server, shown.clone());
    serve_page(&server);

    // The store to start from: articles to mark, a feed subscribed.
    let out = env.run_stdin(&["import", "-"], articles("mark", MARKED).as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    env.ok(&["feed", "add", &server.url("/feed.xml")]);
    shown.store(FEED_AFTER, Ordering::SeqCst);
    let a = env.write("a.jsonl", articles("a", PER_IMPORT).as_bytes());
    let b = env.write("b.jsonl", articles("b", PER_IMPORT).as_bytes());

    // All at once: a file import, a stdin import, an update, an add …
    let started = Instant::now();
    let mut children = vec![
        (
            "import a".to_string(),
            spawn(&env, &["import", a.to_str().unwrap()], Stdio::null()),
        ),
        (
            "import b".to_string(),
            spawn(
                &env,
                &["import", "-"],
                Stdio::from(std::fs::File::open(&b).unwrap()),
            ),
        ),
        (
            "update".to_string(),
            spawn(&env, &["update"], Stdio::null()),
        ),
        (
            "add".to_string(),
            spawn(&env, &["add", &server.url("/bai.html")], Stdio::null()),
        ),
    ];
    // … and marks, round after round, while they run. Every round sets the
    // same final state: odd ids bookmarked, multiples of 3 read.
    let ids = |keep: fn(usize) -> bool| -> Vec<String> {
        (1..=MARKED)
            .filter(|&i| keep(i))
            .map(|i| i.to_string())
            .collect()
    };
    let rounds: [(&str, Vec<String>); 4] = [
        ("unbookmark", ids(|i| i % 2 == 0)),
        ("bookmark", ids(|i| i % 2 == 1)),
        ("mark-unread", ids(|i| i % 3 != 0)),
        ("mark-read", ids(|i| i % 3 == 0)),
    ];
    for round in 0..MARK_ROUNDS {
        for (cmd, ids) in &rounds {
            let mut args = vec![*cmd];
            args.extend(ids.iter().map(String::as_str));
            let out = env.run(&args);
            assert!(
                out.status.success(),
                "round {round}: docbao {cmd} failed while others wrote: {}",
                stderr(&out)
            );
        }
    }
    let outputs = wait_all(std::mem::take(&mut children), started);
    for (name, out) in &outputs {
        assert!(out.status.success(), "{name} failed: {}", stderr(out));
        assert!(!stderr(out).contains("locked"), "{name}: {}", stderr(out));
    }
    for (name, out) in &outputs {
        if name.starts_with("import") {
            let want = format!("{PER_IMPORT} added, 0 updated, 0 skipped (unchanged), 0 failed");
            assert!(stderr(out).contains(&want), "{name}: {}", stderr(out));
        }
    }

    // Every article is there, once.
    let list = env.json(&["list", "--json"]);
    let rows = list.as_array().unwrap();
    let total = MARKED + 2 * PER_IMPORT + FEED_AFTER + 1;
    assert_eq!(rows.len(), total);
    let titles: std::collections::HashSet<&str> =
        rows.iter().map(|r| r["title"].as_str().unwrap()).collect();
    assert_eq!(titles.len(), total, "no title twice");
    for tag in ["a", "b"] {
        for i in 0..PER_IMPORT {
            let t = format!("Tin {tag} số {i}: hội nghị ở Thái Bình");
            assert!(titles.contains(t.as_str()), "{t} is missing");
        }
    }
    for i in 0..FEED_AFTER {
        let t = format!("Tin nhanh số {i}");
        assert!(titles.contains(t.as_str()), "{t} is missing");
    }
    // The marks: exactly as every round left them; the page bookmarked.
    for r in rows {
        let title = r["title"].as_str().unwrap();
        let id = r["id"].as_u64().unwrap() as usize;
        let (bookmarked, read) = (r["bookmarked"] == true, r["read"] == true);
        if title.starts_with("Tin mark") {
            assert_eq!(bookmarked, id % 2 == 1, "bookmark of {id}");
            assert_eq!(read, id.is_multiple_of(3), "read mark of {id}");
        } else if !title.starts_with("Tin ") {
            assert!(bookmarked, "the saved page \"{title}\" is bookmarked");
        } else {
            assert!(!bookmarked && !read, "{title} was not marked");
        }
    }
    // The keyword statistics count every article: the writers' counts add up.
    let conn = open(&env.db());
    assert_eq!(
        count(&conn, "SELECT n FROM phrase_docs WHERE id = 1"),
        total as i64
    );
    assert_eq!(
        count(&conn, "SELECT count(*) FROM feed_items"),
        FEED_AFTER as i64
    );
    drop(conn);
    assert_whole(&env.db());
}

/// Wait until `cond` holds or the child ends (by the deadline); true if it held.
fn wait_for(child: &mut Child, mut cond: impl FnMut() -> bool) -> bool {
    let started = Instant::now();
    loop {
        if cond() {
            return true;
        }
        if child.try_wait().expect("try_wait").is_some() {
            return cond();
        }
        assert!(
            started.elapsed() < DEADLINE,
            "nothing happened by the deadline"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// `kill -9` (SIGKILL: no destructor, no flush runs).
fn kill(mut child: Child) {
    let _ = child.kill();
    child.wait().expect("wait for the killed child");
}

fn assert_each_url_once(db: &Path, want: i64) {
    let conn = open(db);
    assert_eq!(count(&conn, "SELECT count(*) FROM articles"), want);
    assert_eq!(
        count(&conn, "SELECT count(DISTINCT url) FROM articles"),
        want,
        "no article twice"
    );
}

#[test]
fn an_import_killed_midway_leaves_the_store_whole_and_a_rerun_finishes_it() {
    // Enough for several transactions of LOCK_BUDGET each: a release build
    // stores 3,000 of these in one.
    const N: usize = if cfg!(debug_assertions) { 3000 } else { 30_000 };
    for _attempt in 0..5 {
        let env = Env::new();
        let input = env.write("in.jsonl", articles("k", N).as_bytes());
        let mut child = spawn(&env, &["import", input.to_str().unwrap()], Stdio::null());
        let _pipes = drain(&mut child);
        let midway = wait_for(&mut child, || articles_stored(&env.db()) > 0);
        let running = child.try_wait().expect("try_wait").is_none();
        kill(child);
        let stored = articles_stored(&env.db());
        if !(midway && running && stored < N as i64) {
            continue; // done before the kill: try again
        }
        assert_whole(&env.db());
        let out = env.run(&["import", input.to_str().unwrap()]);
        assert!(out.status.success(), "{}", stderr(&out));
        let want = format!(
            "{} added, 0 updated, {stored} skipped (unchanged), 0 failed",
            N as i64 - stored
        );
        assert!(stderr(&out).contains(&want), "{want}: {}", stderr(&out));
        assert_each_url_once(&env.db(), N as i64);
        assert_whole(&env.db());
        return;
    }
    panic!("the import finished before it could be killed, every time");
}

#[test]
fn an_update_killed_midway_leaves_the_store_whole_and_a_rerun_finishes_it() {
    // An optimised build stores 1,500 items in one transaction of ~0.1 s
    // on a quiet machine: nothing to kill midway. Ten times as many take
    // several. A fast machine stores even a debug build's 1,500 in one
    // transaction (the lock's budget is 150 ms): each try that finished
    // before the kill doubles the items.
    let mut items: usize = if cfg!(debug_assertions) { 1500 } else { 15_000 };
    let server = Server::start();
    let shown = Arc::new(AtomicUsize::new(1));
    serve_feed(&server, shown.clone());
    for _attempt in 0..5 {
        let env = Env::new();
        shown.store(1, Ordering::SeqCst);
        env.ok(&["feed", "add", &server.url("/feed.xml")]);
        shown.store(items, Ordering::SeqCst);
        let mut child = spawn(&env, &["update"], Stdio::null());
        let _pipes = drain(&mut child);
        let midway = wait_for(&mut child, || articles_stored(&env.db()) > 1);
        let running = child.try_wait().expect("try_wait").is_none();
        kill(child);
        let linked = count(&open(&env.db()), "SELECT count(*) FROM feed_items");
        if !(midway && running && linked < items as i64) {
            items *= 2; // done before the kill: try again with more
            continue;
        }
        assert_whole(&env.db());
        let out = env.run(&["update"]);
        assert!(out.status.success(), "{}", stderr(&out));
        assert_each_url_once(&env.db(), items as i64);
        assert_eq!(
            count(&open(&env.db()), "SELECT count(*) FROM feed_items"),
            items as i64
        );
        assert_whole(&env.db());
        return;
    }
    panic!("the update finished before it could be killed, every time");
}

#[test]
fn an_add_killed_at_any_point_leaves_the_store_whole_and_a_rerun_saves_the_page_once() {
    let server = Server::start();
    serve_page(&server);
    let env = Env::new();
    // Something stored already, so that every kill lands on a real store.
    let out = env.run_stdin(&["import", "-"], articles("s", 20).as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    let url = server.url("/bai.html");
    for (attempt, after_ms) in [0u64, 5, 20, 50, 100, 200].into_iter().enumerate() {
        let mut child = spawn(&env, &["add", &url], Stdio::null());
        let _pipes = drain(&mut child);
        // Once the page was asked for, the rest is parsing and storing it.
        wait_for(&mut child, || server.hits("/bai.html") > attempt);
        std::thread::sleep(Duration::from_millis(after_ms));
        kill(child);
        assert_whole(&env.db());
    }
    let out = env.run(&["add", &url]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_each_url_once(&env.db(), 21);
    let conn = open(&env.db());
    assert_eq!(
        count(&conn, "SELECT count(*) FROM articles WHERE bookmarked = 1"),
        1,
        "the page, saved once and bookmarked"
    );
    drop(conn);
    assert_whole(&env.db());
}
