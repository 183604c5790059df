//! `docbao sync` against a real Fever server: coldsweat (PyPI), installed
//! by `scripts/fever-server.sh` into `target/fever-venv`, started by each
//! test on a free 127.0.0.1 port with a fresh database and user, fed by RSS
//! files from `tests/fixtures/` served on 127.0.0.1, and stopped at the end.
//! Every process here has `HTTP_PROXY`/`HTTPS_PROXY` set to a closed local
//! port and `NO_PROXY=127.0.0.1,localhost`: nothing reaches out (coldsweat
//! asks a web service for favicons; that fails at once).

mod common;
mod pty;

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Output, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use common::server::{Reply, Server, closed_port};
use common::{Env, fixture, stderr};
use pty::Term;
use serde_json::Value;

const EMAIL: &str = "lan@example.vn";
const PASSWORD: &str = "mật-khẩu-thử-123";

/// The venv `scripts/fever-server.sh` makes; a test without it fails,
/// saying how to make it.
fn venv() -> PathBuf {
    let venv = std::env::var_os("DOCBAO_FEVER_VENV")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/fever-venv"));
    assert!(
        venv.join("bin/coldsweat").is_file(),
        "the Fever server for the sync tests is not installed at {}: run `scripts/fever-server.sh` \
         (it makes a Python venv with coldsweat from PyPI; .ci/run does it before cargo test)",
        venv.display()
    );
    venv
}

fn no_proxy(c: &mut Command, closed: u16) {
    let proxy = format!("http://127.0.0.1:{closed}");
    for v in ["HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy"] {
        c.env(v, &proxy);
    }
    c.env_remove("ALL_PROXY").env_remove("all_proxy");
    c.env("NO_PROXY", "127.0.0.1,localhost")
        .env("no_proxy", "127.0.0.1,localhost");
}

/// A coldsweat server with one user subscribed to `feeds`, fetched.
struct Coldsweat {
    dir: tempfile::TempDir,
    closed: u16,
    port: u16,
    child: Option<Child>,
}

impl Coldsweat {
    fn cmd(&self) -> Command {
        let mut c = Command::new(venv().join("bin/coldsweat"));
        c.current_dir(self.dir.path())
            .env(
                "FLASK_DATABASE_URL",
                format!("sqlite:///{}", self.dir.path().join("cs.db").display()),
            )
            .env("FLASK_SECRET_KEY", "docbao-test")
            .stdin(Stdio::null());
        no_proxy(&mut c, self.closed);
        c
    }

    fn run(&self, args: &[&str]) {
        let o = self.cmd().args(args).output().expect("run coldsweat");
        assert!(
            o.status.success(),
            "coldsweat {args:?}: {}\n{}",
            String::from_utf8_lossy(&o.stdout),
            stderr(&o)
        );
    }

    /// Set up the user, subscribe to `feeds` (title, URL) in one group,
    /// fetch them, and start serving.
    fn start(feeds: &[(&str, String)]) -> Coldsweat {
        let mut cs = Coldsweat {
            dir: tempfile::tempdir().unwrap(),
            closed: closed_port(),
            port: 0,
            child: None,
        };
        cs.run(&["setup", EMAIL, "-p", PASSWORD]);
        let mut opml = String::from(
            "<?xml version=\"1.0\"?><opml version=\"1.0\"><head><title>t</title></head><body>\
             <outline text=\"Tin\" title=\"Tin\">",
        );
        for (title, url) in feeds {
            opml.push_str(&format!(
                "<outline type=\"rss\" text=\"{title}\" title=\"{title}\" xmlUrl=\"{url}\"/>"
            ));
        }
        opml.push_str("</outline></body></opml>");
        let file = cs.dir.path().join("feeds.opml");
        std::fs::write(&file, opml).unwrap();
        cs.run(&["import", file.to_str().unwrap(), EMAIL, "--fetch"]);
        cs.serve();
        cs
    }

    fn serve(&mut self) {
        self.port = closed_port();
        let log = std::fs::File::create(self.dir.path().join("server.log")).unwrap();
        let child = self
            .cmd()
            .args(["run", "-h", "127.0.0.1", "-p", &self.port.to_string()])
            .stdout(log.try_clone().unwrap())
            .stderr(log)
            .spawn()
            .expect("start coldsweat");
        self.child = Some(child);
        let deadline = Instant::now() + Duration::from_secs(60);
        while TcpStream::connect(("127.0.0.1", self.port)).is_err() {
            if let Some(status) = self.child.as_mut().unwrap().try_wait().unwrap() {
                panic!(
                    "coldsweat stopped ({status}): {}",
                    std::fs::read_to_string(self.dir.path().join("server.log")).unwrap_or_default()
                );
            }
            assert!(Instant::now() < deadline, "coldsweat did not start in 60 s");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn url(&self) -> String {
        format!("http://127.0.0.1:{}/fever", self.port)
    }

    /// Another client of the same account: a Fever call.
    fn call(&self, command: &str, form: &[(&str, &str)]) -> Value {
        let key = docbao::jobs::sync::fever::api_key(EMAIL, PASSWORD);
        let mut fields = vec![("api_key", key.as_str())];
        fields.extend_from_slice(form);
        let agent: ureq::Agent = ureq::Agent::config_builder().proxy(None).build().into();
        let mut resp = agent
            .post(&format!("{}?api&{command}", self.url()))
            .send_form(fields)
            .expect("a Fever call");
        serde_json::from_reader(resp.body_mut().as_reader()).unwrap()
    }

    fn mark(&self, id: i64, mark: &str) {
        let id = id.to_string();
        let v = self.call("", &[("mark", "item"), ("as", mark), ("id", &id)]);
        assert_eq!(v["auth"], 1);
    }

    fn ids(&self, what: &str) -> Vec<i64> {
        let v = self.call(what, &[]);
        let mut ids: Vec<i64> = v[what]
            .as_str()
            .unwrap()
            .split(',')
            .filter_map(|s| s.parse().ok())
            .collect();
        ids.sort();
        ids
    }

    /// Every item on the server: id → title as docbao stores it.
    fn titles(&self) -> HashMap<i64, String> {
        let mut out = HashMap::new();
        let mut since = 0;
        loop {
            let v = self.call(&format!("items&since_id={since}"), &[]);
            let items = v["items"].as_array().unwrap();
            if items.is_empty() {
                return out;
            }
            for i in items {
                let id = i["id"].as_i64().unwrap();
                since = since.max(id);
                let title = docbao::ingest::feed::html_text(i["title"].as_str().unwrap());
                out.insert(id, title);
            }
        }
    }
}

impl Drop for Coldsweat {
    fn drop(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }
}

/// The RSS server: the two VnExpress snapshots (25 items each) and the
/// project's own six-item feed, whose items link to pages served here too.
/// With `empty_first`, that feed is empty the first time it is read (when
/// docbao subscribes to it, full page), whole after.
fn rss_server(empty_first: bool) -> Server {
    let server = Server::start();
    for (path, file) in [
        ("/vne-a.xml", "rss/vnexpress_tin-moi-nhat_2017-02-18.xml"),
        ("/vne-b.xml", "rss/vnexpress_tin-moi-nhat_2017-07-26.xml"),
    ] {
        let body = std::fs::read(fixture(file)).unwrap();
        server.route(path, move |_| {
            Reply::ok("application/rss+xml", body.clone())
        });
    }
    let own = std::fs::read_to_string(fixture("rss/sync-tin-thu.xml"))
        .unwrap()
        .replace("BASE", &server.base);
    let empty = own.split("<item>").next().unwrap().to_string() + "</channel></rss>";
    let reads = Arc::new(AtomicUsize::new(usize::from(!empty_first)));
    server.route("/tin.xml", move |_| {
        let first = reads.fetch_add(1, Ordering::SeqCst) == 0;
        Reply::ok(
            "application/rss+xml",
            if first { empty.clone() } else { own.clone() },
        )
    });
    let page = std::fs::read_to_string(fixture("html/sync-bai.html")).unwrap();
    for n in 1..=6 {
        let page = page.replace("TITLE", &format!("Bài số {n}"));
        server.route(&format!("/bai/{n}.html"), move |_| {
            Reply::ok("text/html; charset=utf-8", page.clone())
        });
    }
    server
}

/// docbao with its own store and sync account file, behind the closed proxy.
struct Docbao {
    env: Env,
    closed: u16,
}

impl Docbao {
    fn new() -> Docbao {
        Docbao {
            env: Env::new(),
            closed: closed_port(),
        }
    }

    fn run_with(&self, args: &[&str], password: &str) -> Output {
        let mut c = self.env.cmd();
        no_proxy(&mut c, self.closed);
        c.env("DOCBAO_SYNC_FILE", self.env.path("sync.toml"))
            .env("DOCBAO_SYNC_PASSWORD", password)
            .args(args)
            .output()
            .expect("run docbao")
    }

    fn run(&self, args: &[&str]) -> Output {
        self.run_with(args, PASSWORD)
    }

    fn ok(&self, args: &[&str]) -> String {
        let o = self.run(args);
        assert!(o.status.success(), "docbao {args:?}: {}", stderr(&o));
        String::from_utf8(o.stdout).unwrap()
    }

    fn sync(&self) -> Value {
        serde_json::from_str(&self.ok(&["sync", "--json"])).unwrap()
    }

    /// title → (id, read, bookmarked), for every article.
    fn articles(&self) -> HashMap<String, (i64, bool, bool)> {
        let list: Value =
            serde_json::from_str(&self.ok(&["list", "--json", "-n", "1000"])).unwrap();
        list.as_array()
            .unwrap()
            .iter()
            .map(|a| {
                (
                    a["title"].as_str().unwrap().to_string(),
                    (
                        a["id"].as_i64().unwrap(),
                        a["read"].as_bool().unwrap(),
                        a["bookmarked"].as_bool().unwrap(),
                    ),
                )
            })
            .collect()
    }
}

/// The docbao article of server item `id`.
fn article(db: &Docbao, titles: &HashMap<i64, String>, id: i64) -> (i64, bool, bool) {
    let title = &titles[&id];
    *db.articles()
        .get(title)
        .unwrap_or_else(|| panic!("no article \"{title}\" (server item {id})"))
}

fn report(v: &Value, key: &str) -> i64 {
    v[key].as_i64().unwrap_or_else(|| panic!("no {key} in {v}"))
}

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

/// A proxy on 127.0.0.1 in front of the server that passes `allowed`
/// requests and then cuts every connection without an answer (as a dropped
/// link does), until `allowed` is raised.
struct CutProxy {
    port: u16,
    allowed: Arc<AtomicUsize>,
    seen: Arc<AtomicUsize>,
}

impl CutProxy {
    fn start(upstream: u16) -> CutProxy {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let allowed = Arc::new(AtomicUsize::new(usize::MAX));
        let seen = Arc::new(AtomicUsize::new(0));
        let (a, s) = (allowed.clone(), seen.clone());
        std::thread::spawn(move || {
            for client in listener.incoming().flatten() {
                let (a, s) = (a.clone(), s.clone());
                std::thread::spawn(move || relay(client, upstream, &a, &s));
            }
        });
        CutProxy {
            port,
            allowed,
            seen,
        }
    }

    fn url(&self) -> String {
        format!("http://127.0.0.1:{}/fever", self.port)
    }

    /// Let `n` more requests through, then cut.
    fn cut_after(&self, n: usize) {
        self.allowed
            .store(self.seen.load(Ordering::SeqCst) + n, Ordering::SeqCst);
    }

    fn heal(&self) {
        self.allowed.store(usize::MAX, Ordering::SeqCst);
    }
}

/// Pass requests from `client` to the server one at a time (each on its
/// own upstream connection, `Connection: close`), until one over the limit:
/// then drop the connection unanswered.
fn relay(client: TcpStream, upstream: u16, allowed: &AtomicUsize, seen: &AtomicUsize) {
    let mut reader = BufReader::new(client.try_clone().unwrap());
    let mut out = client;
    loop {
        let mut head = Vec::new();
        let mut length = 0usize;
        loop {
            let mut line = String::new();
            if reader.read_line(&mut line).unwrap_or(0) == 0 {
                return;
            }
            if line == "\r\n" {
                break;
            }
            let lower = line.to_ascii_lowercase();
            if let Some(v) = lower.strip_prefix("content-length:") {
                length = v.trim().parse().unwrap_or(0);
            }
            if !lower.starts_with("connection:") {
                head.extend_from_slice(line.as_bytes());
            }
        }
        head.extend_from_slice(b"Connection: close\r\n\r\n");
        let mut body = vec![0; length];
        if reader.read_exact(&mut body).is_err() {
            return;
        }
        if seen.fetch_add(1, Ordering::SeqCst) >= allowed.load(Ordering::SeqCst) {
            return; // cut: the client gets no answer
        }
        let Ok(mut up) = TcpStream::connect(("127.0.0.1", upstream)) else {
            return;
        };
        let mut answer = Vec::new();
        if up.write_all(&head).is_err()
            || up.write_all(&body).is_err()
            || up.read_to_end(&mut answer).is_err()
            || out.write_all(&answer).is_err()
        {
            return;
        }
        // The server closed its side: so does this connection.
        if answer
            .windows(19)
            .any(|w| w.eq_ignore_ascii_case(b"connection: close\r\n"))
        {
            return;
        }
    }
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
    // A web page, a missing page: not a Fever endpoint.
    rss.route("/page?api", |_| {
        Reply::ok("text/html", "<html><body>Trang chủ</body></html>")
    });
    failed(
        &["sync", "add", &rss.url("/page"), "--email", EMAIL],
        PASSWORD,
        "not a Fever API endpoint (the answer is not JSON",
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
    // The server gone: unreachable, and the store untouched.
    drop(cs);
    failed(&["sync"], PASSWORD, "cannot be reached");
    assert_eq!(db.articles().len(), 0);
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
