//! Input that is not a regular file has no size to check first: `/dev/zero`,
//! a pipe, a FIFO. The import reads no more than the 32 MiB limit of it (per
//! file, per JSON line on stdin), refuses the rest naming the input, and goes
//! on. Each run is under an address-space limit (`ulimit -v`): holding more
//! than the limit's worth of input, as reading it whole did (9.5 GB for
//! `/dev/zero`, 2.7 GB for a 200 MB line), fails the run.
#![cfg(unix)]

mod common;

use std::io::Write;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::{Env, stderr};

/// Address space allowed to a run, in KiB (about 1 GiB; docbao needs a few
/// hundred MiB of it, threads' stacks and allocator arenas included).
const MEMORY_KIB: u64 = 1024 * 1024;

/// `docbao --db DB ARGS` under the memory limit, stdin as given.
fn limited(env: &Env, args: &str, stdin: Stdio) -> Command {
    let mut c = Command::new("sh");
    c.arg("-c")
        .arg(format!(
            "ulimit -v {MEMORY_KIB} && exec \"$0\" --db \"$1\" {args}"
        ))
        .arg(env!("CARGO_BIN_EXE_docbao"))
        .arg(env.db())
        .env_remove("DOCBAO_DB")
        .stdin(stdin)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    c
}

fn finished_within(started: Instant, out: &Output, limit: Duration) {
    assert!(
        started.elapsed() < limit,
        "took {:?}: {}",
        started.elapsed(),
        stderr(out)
    );
}

#[test]
fn dev_zero_as_a_file_is_refused_at_the_limit() {
    let env = Env::new();
    let started = Instant::now();
    let out = limited(&env, "import /dev/zero", Stdio::null())
        .output()
        .unwrap();
    finished_within(started, &out, Duration::from_secs(60));
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("/dev/zero: over the 32 MiB limit"),
        "the message names the input and the limit: {err}"
    );
    assert!(
        err.contains("0 added, 0 updated, 0 skipped (unchanged), 1 failed"),
        "{err}"
    );
}

#[test]
fn dev_zero_on_stdin_is_refused_as_binary() {
    let env = Env::new();
    let zero = std::fs::File::open("/dev/zero").unwrap();
    let started = Instant::now();
    let out = limited(&env, "import -", Stdio::from(zero))
        .output()
        .unwrap();
    finished_within(started, &out, Duration::from_secs(60));
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("stdin:1: binary data (NUL bytes), not JSON lines; stopped reading stdin"),
        "{err}"
    );
}

#[test]
fn a_200_mb_line_on_stdin_is_skipped_and_the_lines_around_it_imported() {
    let env = Env::new();
    let mut child = limited(&env, "import -", Stdio::piped()).spawn().unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let started = Instant::now();
    // Written as it is read: the test holds one megabyte of the line at a time.
    let writer = std::thread::spawn(move || -> std::io::Result<()> {
        stdin.write_all(
            b"{\"title\":\"Tin \xc4\x91\xe1\xba\xa7u\",\"body\":\"m\xe1\xbb\x99t\"}\n",
        )?;
        stdin.write_all(b"{\"title\":\"Tin d\xc3\xa0i\",\"body\":\"")?;
        let mb = vec![b'a'; 1024 * 1024];
        for _ in 0..200 {
            stdin.write_all(&mb)?;
        }
        stdin.write_all(b"\"}\n")?;
        stdin.write_all(b"{\"title\":\"Tin cu\xe1\xbb\x91i\",\"body\":\"ba\"}\n")?;
        Ok(())
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().expect("docbao read all of stdin");
    finished_within(started, &out, Duration::from_secs(120));
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("stdin:2: line is over the 32 MiB limit; skipped"),
        "{err}"
    );
    assert!(
        err.contains("2 added, 0 updated, 0 skipped (unchanged), 1 failed"),
        "{err}"
    );
    let list = env.json(&["list", "--json"]);
    let mut titles: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    titles.sort();
    assert_eq!(titles, ["Tin cuối", "Tin đầu"]);
}

#[test]
fn a_line_just_under_the_limit_is_still_read() {
    // The cap is the limit, not less: a line of 32 MiB less a little is an
    // article (padded with JSON whitespace, so that parsing it is quick).
    let env = Env::new();
    let pad = " ".repeat(32 * 1024 * 1024 - 100);
    let line = format!("{{\"title\":\"Bài dài\",{pad}\"body\":\"chữ\"}}\n");
    assert!(line.len() < 32 * 1024 * 1024);
    let out = env.run_stdin(&["import", "-"], line.as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("1 added"), "{}", stderr(&out));
}

#[test]
fn a_json_lines_file_over_the_limit_is_streamed_as_stdin_is() {
    // 40 MiB of JSON lines (each a megabyte, mostly a field no article
    // uses): over the 32 MiB limit of a file read whole, as an export of a
    // big store is. It imports line by line; a bad line is named by the file
    // and its number.
    let env = Env::new();
    let path = env.path("big.jsonl");
    {
        let mut f = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
        let pad = "a".repeat(1024 * 1024);
        for i in 1..=40 {
            if i == 7 {
                writeln!(f, "{{\"title\": \"Tin hỏng\", ").unwrap();
                continue;
            }
            writeln!(
                f,
                "{{\"title\":\"Tin số {i}\",\"url\":\"https://example.vn/tin-{i}.htm\",\"body\":\"Đoạn {i}.\",\"pad\":\"{pad}\"}}"
            )
            .unwrap();
        }
    }
    assert!(std::fs::metadata(&path).unwrap().len() > 32 * 1024 * 1024);
    let out = limited(&env, &format!("import {}", path.display()), Stdio::null())
        .output()
        .unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains(&format!("{}:7:", path.display())), "{err}");
    assert!(
        err.contains("39 added, 0 updated, 0 skipped (unchanged), 1 failed"),
        "{err}"
    );
    assert_eq!(env.json(&["list", "--json"]).as_array().unwrap().len(), 39);
    // Again: nothing stored twice.
    let out = env.run(&["import", path.to_str().unwrap()]);
    assert!(
        stderr(&out).contains("0 added, 0 updated, 39 skipped (unchanged), 1 failed"),
        "{}",
        stderr(&out)
    );
}
