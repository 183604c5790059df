#![allow(dead_code)]
//! Helpers for tests that run the real `docbao` binary (and, in [`tui`],
//! builders for the pure `update` tests).

pub mod keywords;
pub mod tui;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

pub struct Env {
    pub dir: tempfile::TempDir,
}

impl Env {
    pub fn new() -> Env {
        Env {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    pub fn db(&self) -> PathBuf {
        self.dir.path().join("docbao.db")
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn write(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let p = self.path(name);
        if let Some(d) = p.parent() {
            std::fs::create_dir_all(d).unwrap();
        }
        std::fs::write(&p, bytes).unwrap();
        p
    }

    pub fn cmd(&self) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_docbao"));
        c.arg("--db").arg(self.db());
        c.env_remove("DOCBAO_DB").env("NO_COLOR", "1");
        // The tests' servers are on 127.0.0.1: no proxy of the machine's.
        for v in [
            "ALL_PROXY",
            "all_proxy",
            "HTTPS_PROXY",
            "https_proxy",
            "HTTP_PROXY",
            "http_proxy",
            "NO_PROXY",
            "no_proxy",
        ] {
            c.env_remove(v);
        }
        c.stdin(Stdio::null());
        c
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.cmd().args(args).output().expect("run docbao")
    }

    pub fn run_stdin(&self, args: &[&str], input: &[u8]) -> Output {
        let mut child = self
            .cmd()
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn docbao");
        child.stdin.take().unwrap().write_all(input).unwrap();
        child.wait_with_output().unwrap()
    }

    /// Run and require success; returns stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "docbao {args:?} failed: {}\n{}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf-8 stdout")
    }

    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        serde_json::from_str(&self.ok(args)).expect("valid JSON")
    }

    /// The titles `list --json` prints, with `more` arguments after it.
    pub fn titles(&self, more: &[&str]) -> Vec<String> {
        let args = [&["list", "--json"], more].concat();
        self.json(&args)
            .as_array()
            .expect("a JSON array")
            .iter()
            .map(|r| r["title"].as_str().expect("a title").to_string())
            .collect()
    }
}

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// `docbao --db DB ARGS…` (not an `Env`'s own store), stdin closed.
pub fn docbao_at(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_docbao"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("DOCBAO_DB")
        .stdin(Stdio::null())
        .output()
        .expect("run docbao")
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}
pub mod server;

/// A running child's stderr, read as it comes on a thread of its own: a
/// test can wait for a line while the child still runs.
pub struct Said {
    text: std::sync::Arc<std::sync::Mutex<String>>,
    reader: Option<std::thread::JoinHandle<()>>,
}

impl Said {
    /// Take `child`'s piped stderr and read it from now on.
    pub fn of(child: &mut std::process::Child) -> Said {
        let mut pipe = child.stderr.take().expect("stderr piped");
        let text = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
        let into = text.clone();
        let reader = std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n @ 1..) = std::io::Read::read(&mut pipe, &mut buf) {
                into.lock()
                    .unwrap()
                    .push_str(&String::from_utf8_lossy(&buf[..n]));
            }
        });
        Said {
            text,
            reader: Some(reader),
        }
    }

    /// Wait until it has said `what`; fail after `limit`, saying `missing`.
    pub fn wait_for(&self, what: &str, limit: std::time::Duration, missing: &str) {
        let start = std::time::Instant::now();
        while !self.text.lock().unwrap().contains(what) {
            assert!(
                start.elapsed() < limit,
                "{missing}: {:?}",
                self.text.lock().unwrap()
            );
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
    }

    /// Everything it said, once the child has ended.
    pub fn all(mut self) -> String {
        if let Some(r) = self.reader.take() {
            r.join().unwrap();
        }
        self.text.lock().unwrap().clone()
    }
}

/// A named pipe made at `path` (`mkfifo`).
pub fn mkfifo(path: &Path) {
    let made = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap();
    assert!(made.success(), "mkfifo {}", path.display());
}
