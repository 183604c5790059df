#![allow(dead_code)]
//! The sync tests' Fever server and its surroundings: coldsweat (from the
//! venv `scripts/fever-server.sh` makes) on a free 127.0.0.1 port, the RSS
//! files it reads served on 127.0.0.1, docbao with its own store and
//! account file, a proxy that cuts connections, and Fever calls made as
//! another client of the same account. Every process has `HTTP_PROXY` and
//! `HTTPS_PROXY` set to a closed local port and `NO_PROXY=127.0.0.1,localhost`.
//! A test file has `mod common;` beside `mod fever;`.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Output, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use crate::common::server::{Reply, Server, closed_port, spare_port};
use crate::common::{Env, fixture, stderr};
use serde_json::Value;

pub const EMAIL: &str = "lan@example.vn";
pub const PASSWORD: &str = "mật-khẩu-thử-123";

/// The venv `scripts/fever-server.sh` makes, made by it on first use when
/// it is missing (so that `cargo test` alone works on a fresh machine with
/// python3 and PyPI); a test fails, saying why, when it cannot be made.
pub fn venv() -> PathBuf {
    static INSTALL: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let venv = std::env::var_os("DOCBAO_FEVER_VENV")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/fever-venv"));
    {
        let _one = INSTALL.lock().unwrap_or_else(|e| e.into_inner());
        if !venv.join("bin/coldsweat").is_file() {
            let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("scripts/fever-server.sh");
            let o = Command::new("bash")
                .arg(&script)
                .env("DOCBAO_FEVER_VENV", &venv)
                .output();
            if let Ok(o) = &o
                && !o.status.success()
            {
                eprintln!("{}", String::from_utf8_lossy(&o.stderr));
            }
        }
    }
    assert!(
        venv.join("bin/coldsweat").is_file(),
        "the Fever server for the sync tests is not installed at {}: run `scripts/fever-server.sh` \
         (it makes a Python venv with coldsweat from PyPI; .ci/run does it before cargo test)",
        venv.display()
    );
    venv
}

pub fn no_proxy(c: &mut Command, closed: u16) {
    let proxy = format!("http://127.0.0.1:{closed}");
    for v in ["HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy"] {
        c.env(v, &proxy);
    }
    c.env_remove("ALL_PROXY").env_remove("all_proxy");
    c.env("NO_PROXY", "127.0.0.1,localhost")
        .env("no_proxy", "127.0.0.1,localhost");
}

/// A coldsweat server with one user subscribed to `feeds`, fetched.
pub struct Coldsweat {
    pub dir: tempfile::TempDir,
    pub closed: u16,
    pub port: u16,
    pub child: Option<Child>,
}

impl Coldsweat {
    pub fn cmd(&self) -> Command {
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

    pub fn run(&self, args: &[&str]) {
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
    pub fn start(feeds: &[(&str, String)]) -> Coldsweat {
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

    pub fn serve(&mut self) {
        // A port no other test's server takes (`spare_port`); were another
        // program on the machine to take it first, coldsweat stops, and
        // starts again on another.
        for _ in 0..3 {
            if self.try_serve() {
                return;
            }
        }
        panic!(
            "coldsweat could not bind a port three times: {}",
            std::fs::read_to_string(self.dir.path().join("server.log")).unwrap_or_default()
        );
    }

    /// Start coldsweat on a spare port and wait until it answers there:
    /// false if it stopped because the port was taken.
    fn try_serve(&mut self) -> bool {
        self.port = spare_port();
        let log_path = self.dir.path().join("server.log");
        let log = std::fs::File::create(&log_path).unwrap();
        let child = self
            .cmd()
            .args(["run", "-h", "127.0.0.1", "-p", &self.port.to_string()])
            .stdout(log.try_clone().unwrap())
            .stderr(log)
            .spawn()
            .expect("start coldsweat");
        self.child = Some(child);
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            if let Some(status) = self.child.as_mut().unwrap().try_wait().unwrap() {
                let log = std::fs::read_to_string(&log_path).unwrap_or_default();
                if log.contains("in use") {
                    self.child = None;
                    return false;
                }
                panic!("coldsweat stopped ({status}): {log}");
            }
            if TcpStream::connect(("127.0.0.1", self.port)).is_ok() {
                return true;
            }
            assert!(Instant::now() < deadline, "coldsweat did not start in 60 s");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}/fever", self.port)
    }

    /// Another client of the same account: a Fever call.
    pub fn call(&self, command: &str, form: &[(&str, &str)]) -> Value {
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

    pub fn mark(&self, id: i64, mark: &str) {
        let id = id.to_string();
        let v = self.call("", &[("mark", "item"), ("as", mark), ("id", &id)]);
        assert_eq!(v["auth"], 1);
    }

    pub fn ids(&self, what: &str) -> Vec<i64> {
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
    pub fn titles(&self) -> HashMap<i64, String> {
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
pub fn rss_server(empty_first: bool) -> Server {
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
pub struct Docbao {
    pub env: Env,
    pub closed: u16,
}

impl Docbao {
    pub fn new() -> Docbao {
        Docbao {
            env: Env::new(),
            closed: closed_port(),
        }
    }

    pub fn run_with(&self, args: &[&str], password: &str) -> Output {
        let mut c = self.env.cmd();
        no_proxy(&mut c, self.closed);
        c.env("DOCBAO_SYNC_FILE", self.env.path("sync.toml"))
            .env("DOCBAO_SYNC_PASSWORD", password)
            .args(args)
            .output()
            .expect("run docbao")
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.run_with(args, PASSWORD)
    }

    /// docbao started, its stdout and stderr piped.
    pub fn spawn(&self, args: &[&str]) -> Child {
        let mut c = self.env.cmd();
        no_proxy(&mut c, self.closed);
        c.env("DOCBAO_SYNC_FILE", self.env.path("sync.toml"))
            .env("DOCBAO_SYNC_PASSWORD", PASSWORD)
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start docbao")
    }

    pub fn ok(&self, args: &[&str]) -> String {
        let o = self.run(args);
        assert!(o.status.success(), "docbao {args:?}: {}", stderr(&o));
        String::from_utf8(o.stdout).unwrap()
    }

    pub fn sync(&self) -> Value {
        serde_json::from_str(&self.ok(&["sync", "--json"])).unwrap()
    }

    /// title → (id, read, bookmarked), for every article.
    pub fn articles(&self) -> HashMap<String, (i64, bool, bool)> {
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
pub fn article(db: &Docbao, titles: &HashMap<i64, String>, id: i64) -> (i64, bool, bool) {
    let title = &titles[&id];
    *db.articles()
        .get(title)
        .unwrap_or_else(|| panic!("no article \"{title}\" (server item {id})"))
}

pub fn report(v: &Value, key: &str) -> i64 {
    v[key].as_i64().unwrap_or_else(|| panic!("no {key} in {v}"))
}

/// A proxy on 127.0.0.1 in front of the server that passes `allowed`
/// requests and then cuts every connection without an answer (as a dropped
/// link does), until `allowed` is raised.
pub struct CutProxy {
    pub port: u16,
    pub allowed: Arc<AtomicUsize>,
    pub seen: Arc<AtomicUsize>,
    /// Over the limit, hold a request (until healed) instead of cutting it.
    pub hold: Arc<AtomicBool>,
}

impl CutProxy {
    pub fn start(upstream: u16) -> CutProxy {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let allowed = Arc::new(AtomicUsize::new(usize::MAX));
        let seen = Arc::new(AtomicUsize::new(0));
        let hold = Arc::new(AtomicBool::new(false));
        let (a, s, h) = (allowed.clone(), seen.clone(), hold.clone());
        std::thread::spawn(move || {
            for client in listener.incoming().flatten() {
                let (a, s, h) = (a.clone(), s.clone(), h.clone());
                std::thread::spawn(move || relay(client, upstream, &a, &s, &h));
            }
        });
        CutProxy {
            port,
            allowed,
            seen,
            hold,
        }
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}/fever", self.port)
    }

    /// Let `n` more requests through, then cut.
    pub fn cut_after(&self, n: usize) {
        self.allowed
            .store(self.seen.load(Ordering::SeqCst) + n, Ordering::SeqCst);
    }

    /// Let `n` more requests through, then hold the next ones unanswered
    /// until [`CutProxy::heal`] (a server slow to answer).
    pub fn hold_after(&self, n: usize) {
        self.hold.store(true, Ordering::SeqCst);
        self.cut_after(n);
    }

    pub fn heal(&self) {
        self.allowed.store(usize::MAX, Ordering::SeqCst);
        self.hold.store(false, Ordering::SeqCst);
    }
}

/// Pass requests from `client` to the server one at a time (each on its
/// own upstream connection, `Connection: close`), until one over the limit:
/// then drop the connection unanswered.
pub fn relay(
    client: TcpStream,
    upstream: u16,
    allowed: &AtomicUsize,
    seen: &AtomicUsize,
    hold: &AtomicBool,
) {
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
            if !hold.load(Ordering::SeqCst) {
                return; // cut: the client gets no answer
            }
            // Held: answered once healed (at most a minute).
            let until = Instant::now() + Duration::from_secs(60);
            while allowed.load(Ordering::SeqCst) != usize::MAX && Instant::now() < until {
                std::thread::sleep(Duration::from_millis(5));
            }
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
