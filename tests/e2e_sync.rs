//! `docbao sync` against a real Fever server: coldsweat (PyPI), installed
//! by `scripts/fever-server.sh` into `target/fever-venv`, started by each
//! test on a free 127.0.0.1 port with a fresh database and user, fed by RSS
//! files from `tests/fixtures/` served on 127.0.0.1, and stopped at the end.
//! Every process here has `HTTP_PROXY`/`HTTPS_PROXY` set to a closed local
//! port and `NO_PROXY=127.0.0.1,localhost`: nothing reaches out (coldsweat
//! asks a web service for favicons; that fails at once).

mod common;
mod fever;
mod pty;

use std::time::Instant;

use common::server::{Reply, Server, closed_port};
use common::{Said, stderr};
use fever::{Coldsweat, CutProxy, Docbao, EMAIL, PASSWORD, article, report, rss_server};
use pty::Term;
use serde_json::Value;

#[test]
fn first_sync_then_marks_both_ways_and_a_conflict() {
    let rss = rss_server(true);
    let db = Docbao::new();
    // A full-page feed docbao has already (empty when subscribed): the
    // server's items of it come with their pages.
    db.ok(&["feed", "add", &rss.url("/tin.xml"), "--full-page"]);
    let cs = Coldsweat::start(&[
        ("VnExpress A", rss.url("/vne-a.xml")),
        ("VnExpress B", rss.url("/vne-b.xml")),
        ("Tin thử", rss.url("/tin.xml")),
    ]);
    let titles = cs.titles();
    assert_eq!(titles.len(), 56);
    // Marked by another client before docbao's first sync.
    cs.mark(1, "read");
    cs.mark(2, "saved");

    // A wrong password: refused by cause, nothing kept.
    let o = db.run_with(
        &["sync", "add", &cs.url(), "--email", EMAIL],
        "sai-mật-khẩu",
    );
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("refused the key (auth=0)"),
        "{}",
        stderr(&o)
    );
    assert!(!db.env.path("sync.toml").exists());
    let o = db.run(&["sync"]);
    assert!(stderr(&o).contains("no sync account yet"), "{}", stderr(&o));

    let said = db.ok(&["sync", "add", &cs.url(), "--email", EMAIL]);
    assert!(said.contains("Fever API version 3"), "{said}");
    let kept = std::fs::read_to_string(db.env.path("sync.toml")).unwrap();
    assert!(
        !kept.contains(PASSWORD)
            && kept.contains(&docbao::jobs::sync::fever::api_key(EMAIL, PASSWORD))
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(db.env.path("sync.toml"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    // The first sync: 56 items over two pages, the feeds, the state.
    let r = db.sync();
    assert_eq!(report(&r, "new_items"), 56, "{r}");
    assert_eq!(report(&r, "feeds_added"), 2, "{r}");
    assert_eq!(report(&r, "marked_read"), 1, "{r}");
    assert_eq!(report(&r, "saved"), 1, "{r}");
    assert_eq!(report(&r, "max_item_id"), 56, "{r}");
    assert_eq!(r["errors"], Value::Array(vec![]), "{r}");
    assert_eq!(db.articles().len(), 56);
    assert!(article(&db, &titles, 1).1, "read on the server: read here");
    assert!(
        article(&db, &titles, 2).2,
        "saved on the server: bookmarked here"
    );
    assert!(!article(&db, &titles, 3).1 && !article(&db, &titles, 3).2);
    // The feeds are sources, named as on the server.
    let feeds: Value = serde_json::from_str(&db.ok(&["feed", "list", "--json"])).unwrap();
    let names: Vec<&str> = feeds
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["title"].as_str())
        .collect();
    assert!(
        names.contains(&"VnExpress A") && names.contains(&"VnExpress B"),
        "{feeds}"
    );
    // The full-page feed's items hold their page's text, not the summary.
    let full = db
        .articles()
        .into_iter()
        .find(|(t, _)| t.starts_with("Bài số"));
    let (_, (full_id, _, _)) = full.expect("a full-page item");
    let shown = db.ok(&["show", &full_id.to_string()]);
    assert!(shown.contains("Đoạn thứ hai kể thêm chi tiết"), "{shown}");

    // Nothing changed: nothing to say.
    let again = db.ok(&["sync"]);
    assert_eq!(again.trim(), "+0 items, 0 marked read, 0 saved");

    // Here → the server: a read mark and a bookmark.
    let (a3, _, _) = article(&db, &titles, 3);
    let (a4, _, _) = article(&db, &titles, 4);
    db.ok(&["mark-read", &a3.to_string()]);
    db.ok(&["bookmark", &a4.to_string()]);
    let r = db.sync();
    assert_eq!(report(&r, "pushed"), 2, "{r}");
    assert!(!cs.ids("unread_item_ids").contains(&3));
    assert_eq!(cs.ids("saved_item_ids"), vec![2, 4]);

    // The server → here: another client reads 5 and unsaves 2.
    cs.mark(5, "read");
    cs.mark(2, "unsaved");
    let r = db.sync();
    assert_eq!(
        (
            report(&r, "marked_read"),
            report(&r, "unsaved"),
            report(&r, "pushed")
        ),
        (1, 1, 0),
        "{r}"
    );
    assert!(article(&db, &titles, 5).1);
    assert!(!article(&db, &titles, 2).2);

    // A conflict: item 6 is read on the server by another client, while
    // here it was marked read and then unread again, not yet synced. The
    // change made here is the newer one the server has not seen: it wins.
    cs.mark(6, "read");
    let (a6, _, _) = article(&db, &titles, 6);
    db.ok(&["mark-read", &a6.to_string()]);
    db.ok(&["mark-unread", &a6.to_string()]);
    let r = db.sync();
    assert_eq!(report(&r, "pushed"), 1, "{r}");
    assert!(
        cs.ids("unread_item_ids").contains(&6),
        "pushed: unread on the server"
    );
    assert!(!article(&db, &titles, 6).1, "and still unread here");
    // Once pushed, a later change on the server is the newer one: item 3,
    // read here and pushed, is marked unread by another client.
    cs.mark(3, "unread");
    let r = db.sync();
    assert_eq!(report(&r, "marked_unread"), 1, "{r}");
    assert!(
        !article(&db, &titles, 3).1,
        "the server's newer change wins"
    );
    assert_eq!(db.ok(&["sync"]).trim(), "+0 items, 0 marked read, 0 saved");
}

#[test]
fn a_dropped_connection_loses_nothing() {
    let rss = rss_server(false);
    let cs = Coldsweat::start(&[
        ("VnExpress A", rss.url("/vne-a.xml")),
        ("VnExpress B", rss.url("/vne-b.xml")),
        ("Tin thử", rss.url("/tin.xml")),
    ]);
    let titles = cs.titles();
    let proxy = CutProxy::start(cs.port);
    let db = Docbao::new();
    db.ok(&["sync", "add", &proxy.url(), "--email", EMAIL]);

    // Cut mid-pull: the check, the feeds and the first page of 50 items
    // pass; the second page's request gets no answer.
    proxy.cut_after(3);
    let o = db.run(&["sync"]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("cannot be reached"), "{}", stderr(&o));
    assert_eq!(db.articles().len(), 50, "the first page is kept");
    // The next sync goes on from there.
    proxy.heal();
    let r = db.sync();
    assert_eq!(report(&r, "new_items"), 6, "{r}");
    assert_eq!(report(&r, "max_item_id"), 56, "{r}");
    assert_eq!(db.articles().len(), 56);

    // Cut mid-push: five items read here; the check and two marks pass.
    let ids: Vec<i64> = (10..15).collect();
    for &id in &ids {
        db.ok(&["mark-read", &article(&db, &titles, id).0.to_string()]);
    }
    proxy.cut_after(3);
    let o = db.run(&["sync"]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("cannot be reached"), "{}", stderr(&o));
    let unread = cs.ids("unread_item_ids");
    let pushed = ids.iter().filter(|id| !unread.contains(id)).count();
    assert_eq!(pushed, 2, "two marks reached the server");
    // The marks not pushed are still here, and the next sync sends them.
    assert!(ids.iter().all(|&id| article(&db, &titles, id).1));
    proxy.heal();
    let r = db.sync();
    assert_eq!(report(&r, "pushed"), 3, "{r}");
    let unread = cs.ids("unread_item_ids");
    assert!(ids.iter().all(|id| !unread.contains(id)), "{unread:?}");
    assert!(ids.iter().all(|&id| article(&db, &titles, id).1));
}

/// `sync` stopped by Ctrl-C while the server holds an answer: it says at
/// once that it stops once the server answers, stores that answer whole,
/// says what it stored and ends by the signal; the next sync goes on.
#[test]
fn a_sync_stopped_by_ctrl_c_says_so_and_the_next_goes_on() {
    use std::os::unix::process::ExitStatusExt;
    use std::time::Duration;
    let rss = rss_server(false);
    let cs = Coldsweat::start(&[
        ("VnExpress A", rss.url("/vne-a.xml")),
        ("VnExpress B", rss.url("/vne-b.xml")),
        ("Tin thử", rss.url("/tin.xml")),
    ]);
    let proxy = CutProxy::start(cs.port);
    let db = Docbao::new();
    db.ok(&["sync", "add", &proxy.url(), "--email", EMAIL]);
    // The check, the feeds and the first page of 50 items pass; the
    // second page's answer is held.
    let before = proxy.seen.load(std::sync::atomic::Ordering::SeqCst);
    proxy.hold_after(3);
    let mut child = db.spawn(&["sync"]);
    let said = Said::of(&mut child);
    let until = Instant::now() + Duration::from_secs(60);
    while proxy.seen.load(std::sync::atomic::Ordering::SeqCst) < before + 4 {
        assert!(Instant::now() < until, "no second page asked for");
        std::thread::sleep(Duration::from_millis(5));
    }
    rustix::process::kill_process(
        rustix::process::Pid::from_child(&child),
        rustix::process::Signal::INT,
    )
    .unwrap();
    said.wait_for(
        "stopping once the server answers",
        Duration::from_secs(10),
        "nothing said of the stop while the server held its answer",
    );
    proxy.heal();
    let out = child.wait_with_output().unwrap();
    let err = said.all();
    assert_eq!(out.status.signal(), Some(2), "{}: {err}", out.status);
    assert!(
        err.contains(
            "interrupted: 56 new items stored, 0 marks sent to the server; the next sync goes on from there"
        ),
        "{err}"
    );
    assert_eq!(db.articles().len(), 56, "the held page is stored whole");
    // Marked on the server meanwhile: the next sync reads the state it
    // had not read yet.
    let titles = cs.titles();
    cs.mark(7, "read");
    let r = db.sync();
    assert_eq!(report(&r, "new_items"), 0, "{r}");
    assert_eq!(report(&r, "marked_read"), 1, "{r}");
    assert!(article(&db, &titles, 7).1);
}

#[test]
fn errors_by_cause() {
    let rss = rss_server(false);
    let cs = Coldsweat::start(&[("VnExpress A", rss.url("/vne-a.xml"))]);
    let db = Docbao::new();
    let failed = |args: &[&str], password: &str, want: &str| {
        let o = db.run_with(args, password);
        assert!(!o.status.success(), "{args:?}");
        let e = stderr(&o);
        assert!(e.contains(want), "{args:?}: {e}");
    };
    let url = cs.url();
    // A bad key.
    failed(
        &["sync", "add", &url, "--email", EMAIL],
        "sai-mật-khẩu-1",
        "refused the key (auth=0)",
    );
    failed(
        &["sync", "add", &url, "--email", "ai@example.vn"],
        PASSWORD,
        "auth=0",
    );
    // Nothing listening.
    let closed = format!("http://127.0.0.1:{}/fever", closed_port());
    failed(
        &["sync", "add", &closed, "--email", EMAIL],
        PASSWORD,
        "cannot be reached",
    );
    // A web page, another API, a missing page: not a Fever endpoint.
    rss.route("/page?api", |_| {
        Reply::ok("text/html", "<html><body>Trang chủ</body></html>")
    });
    failed(
        &["sync", "add", &rss.url("/page"), "--email", EMAIL],
        PASSWORD,
        "not a Fever API endpoint (the answer is not JSON",
    );
    // JSON, but not Fever's (another API).
    rss.route("/v1?api", |_| {
        Reply::ok("application/json", r#"{"status":"ok"}"#)
    });
    failed(
        &["sync", "add", &rss.url("/v1"), "--email", EMAIL],
        PASSWORD,
        "not a Fever API endpoint (the answer has no api_version)",
    );
    failed(
        &["sync", "add", &rss.url("/nothing"), "--email", EMAIL],
        PASSWORD,
        "not a Fever API endpoint (HTTP 404)",
    );
    assert!(!db.env.path("sync.toml").exists(), "no account kept");

    // A key that stopped working (the password changed on the server).
    db.ok(&["sync", "add", &url, "--email", EMAIL]);
    cs.run(&["setup", EMAIL, "-p", "mật-khẩu-mới-456", "--reset-password"]);
    failed(
        &["sync"],
        PASSWORD,
        "refused the key (auth=0): check the email and password",
    );
    // The server gone: unreachable, and nothing stored: the store each
    // failed sync made is taken away again.
    drop(cs);
    failed(&["sync"], PASSWORD, "cannot be reached");
    assert!(!db.env.db().exists(), "an empty store was left");
}

/// `S` in the reader, the real binary in a pseudo-terminal: the sync runs
/// in the background, the status line ends with its report and the list
/// shows what it brought; with `[feeds] sync_on_start`, it syncs as it opens.
#[test]
fn s_syncs_from_the_reader() {
    let rss = rss_server(false);
    let cs = Coldsweat::start(&[("VnExpress A", rss.url("/vne-a.xml"))]);
    let db = Docbao::new();
    db.ok(&["sync", "add", &cs.url(), "--email", EMAIL]);
    cs.mark(1, "saved");
    let proxy = format!("http://127.0.0.1:{}", db.closed);
    let sync_file = db.env.path("sync.toml");
    let vars = [
        ("DOCBAO_SYNC_FILE", sync_file.to_str().unwrap()),
        ("HTTP_PROXY", proxy.as_str()),
        ("HTTPS_PROXY", proxy.as_str()),
        ("NO_PROXY", "127.0.0.1,localhost"),
    ];
    let mut t = Term::spawn_with_env(
        &db.env.db(),
        db.env.dir.path(),
        &["--no-demo"],
        120,
        30,
        &vars,
    );
    t.wait_until("the empty reader", |s| {
        s.contents().contains("Articles (0)")
    });
    t.send("S");
    t.wait_until("the sync's report", |s| {
        s.contents()
            .contains("Synced: +25 items, 0 marked read, 1 saved, 1 new feed")
            && s.contents().contains("Articles (25)")
    });
    t.send("q");
    assert!(t.wait_exit().success());

    // On start, when the config says so: another client read item 2.
    cs.mark(2, "read");
    let config = db
        .env
        .write("config.toml", b"[feeds]\nsync_on_start = true\n");
    let mut t = Term::spawn_with_env(
        &db.env.db(),
        db.env.dir.path(),
        &["--config", config.to_str().unwrap()],
        120,
        30,
        &vars,
    );
    t.wait_until("the sync at start", |s| {
        s.contents()
            .contains("Synced: +0 items, 1 marked read, 0 saved")
    });
    t.send("q");
    assert!(t.wait_exit().success());
}

/// How long a first sync of N items takes (BENCHMARKS.md, "Sync"): one
/// feed of N generated items on coldsweat, `docbao sync` on an empty store,
/// five times, the median. Run with
/// `cargo test --release --test e2e_sync -- --ignored --nocapture first_sync_speed`
/// (`SYNC_BENCH_ITEMS` sets N, 1,000 unless told).
#[test]
#[ignore]
fn first_sync_speed() {
    let n: usize = std::env::var("SYNC_BENCH_ITEMS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1000);
    let server = Server::start();
    let mut feed = String::from("<rss version=\"2.0\"><channel><title>Tin đo tốc độ</title>");
    for i in 0..n {
        feed.push_str(&format!(
            "<item><title>Bản tin số {i}: mưa lớn ở Thái Bình</title>\
             <link>https://tin.example/{i}.html</link>\
             <description>Tóm tắt bản tin số {i}: người dân trong vùng đã chuẩn bị từ sớm, \
             chính quyền địa phương cử người đến từng thôn để hướng dẫn.</description>\
             <pubDate>Mon, 30 Nov 2026 08:00:00 +0700</pubDate></item>"
        ));
    }
    feed.push_str("</channel></rss>");
    server.route("/do.xml", move |_| {
        Reply::ok("application/rss+xml", feed.clone())
    });
    let cs = Coldsweat::start(&[("Đo", server.url("/do.xml"))]);
    let mut times = Vec::new();
    for _ in 0..5 {
        let db = Docbao::new();
        db.ok(&["sync", "add", &cs.url(), "--email", EMAIL]);
        let start = Instant::now();
        let r = db.sync();
        times.push(start.elapsed().as_secs_f64());
        assert_eq!(report(&r, "new_items") as usize, n, "{r}");
    }
    times.sort_by(f64::total_cmp);
    let median = times[times.len() / 2];
    eprintln!(
        "first sync of {n} items: median {median:.2} s ({:.0} items/s); runs {times:.2?}",
        n as f64 / median
    );
}

/// Articles docbao had before its first sync (its own subscription to the
/// same feed): linked, not stored twice; read and bookmarked here, they are
/// sent to the server by that first sync, and stay read and bookmarked.
#[test]
fn what_was_read_here_before_the_first_sync_stays_read() {
    let rss = rss_server(false);
    let db = Docbao::new();
    db.ok(&["feed", "add", &rss.url("/vne-a.xml")]);
    let cs = Coldsweat::start(&[("VnExpress A", rss.url("/vne-a.xml"))]);
    let titles = cs.titles();
    let (read_here, _, _) = article(&db, &titles, 3);
    let (saved_here, _, _) = article(&db, &titles, 4);
    db.ok(&["mark-read", &read_here.to_string()]);
    db.ok(&["bookmark", &saved_here.to_string()]);
    db.ok(&["sync", "add", &cs.url(), "--email", EMAIL]);
    let r = db.sync();
    assert_eq!(
        (
            report(&r, "new_items"),
            report(&r, "feeds_added"),
            report(&r, "pushed")
        ),
        (0, 0, 2),
        "{r}"
    );
    assert_eq!(db.articles().len(), 25);
    assert!(!cs.ids("unread_item_ids").contains(&3));
    assert_eq!(cs.ids("saved_item_ids"), vec![4]);
    assert!(article(&db, &titles, 3).1 && article(&db, &titles, 4).2);
    assert!(!article(&db, &titles, 5).1, "the others stay unread");
    assert_eq!(db.ok(&["sync"]).trim(), "+0 items, 0 marked read, 0 saved");
}
