//! Ctrl-C (SIGINT) and SIGTERM under the long commands, on real articles
//! (the Dân trí fixture): `export -o` leaves no temporary file and the
//! target as it was, an import stops between two batches and says how far
//! it got, and running it again goes on where it stopped. Each waits for
//! the command to be under way (a temporary file with bytes in it, articles
//! in the store), never for a fixed time.

mod common;

use std::io::{BufRead, Write};
use std::os::unix::process::ExitStatusExt;
use std::path::Path;
use std::process::{Child, Output, Stdio};
use std::time::{Duration, Instant};

use common::{Env, Said, fixture, stderr};
use rustix::process::{Pid, Signal, kill_process};

/// The first `n` lines of the Dân trí fixture (2,653 articles, each once).
fn dantri_lines(n: usize) -> Vec<u8> {
    let file = std::fs::File::open(fixture("dantri-2653.jsonl.gz")).unwrap();
    let reader = std::io::BufReader::new(flate2::read::GzDecoder::new(file));
    let mut out = Vec::new();
    for line in reader.lines().take(n) {
        out.extend_from_slice(line.unwrap().as_bytes());
        out.push(b'\n');
    }
    out
}

/// Poll `cond` until it holds, or fail after a minute (or if the child
/// ended first: what it said is in the message).
fn wait_for(child: &mut Child, what: &str, mut cond: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while !cond() {
        if let Ok(Some(status)) = child.try_wait() {
            let mut err = String::new();
            if let Some(mut pipe) = child.stderr.take() {
                let _ = std::io::Read::read_to_string(&mut pipe, &mut err);
            }
            panic!("docbao ended ({status}) before {what}: {err}");
        }
        assert!(Instant::now() < deadline, "no {what} after a minute");
        std::thread::sleep(Duration::from_millis(2));
    }
}

fn signal(child: &Child, sig: Signal) {
    kill_process(Pid::from_child(child), sig).unwrap();
}

/// Hidden temporary files in `dir` (`.FILE.XXXXXX.docbao-part`), with
/// their sizes.
fn temp_files(dir: &Path) -> Vec<(String, u64)> {
    std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.starts_with('.') && name.ends_with(".docbao-part")
        })
        .map(|e| {
            let len = e.metadata().map(|m| m.len()).unwrap_or(0);
            (e.file_name().to_string_lossy().into_owned(), len)
        })
        .collect()
}

fn stored(db: &Path) -> i64 {
    rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
        .and_then(|c| c.query_row("SELECT count(*) FROM articles", [], |r| r.get(0)))
        .unwrap_or(0)
}

/// Ended by `sig` itself, as if it had not been caught (a shell says 130
/// for SIGINT, and a script's loop stops).
fn assert_ended_by(out: &Output, sig: Signal) {
    assert_eq!(
        out.status.signal(),
        Some(sig.as_raw()),
        "{}: {}",
        out.status,
        stderr(out)
    );
}

#[test]
fn an_interrupted_export_leaves_no_temporary_file_and_the_target_as_it_was() {
    let env = Env::new();
    let out = env.run_stdin(&["import", "-"], &dantri_lines(800));
    assert!(out.status.success(), "{}", stderr(&out));
    let dir = env.path("out");
    std::fs::create_dir(&dir).unwrap();
    let target = dir.join("bai.jsonl");
    std::fs::write(&target, "the export of yesterday\n").unwrap();
    let new_target = dir.join("new.md");
    for (sig, path, format) in [
        (Signal::INT, &target, "jsonl"),
        (Signal::TERM, &new_target, "markdown"),
    ] {
        let mut child = env
            .cmd()
            .args(["export", "--format", format, "-o"])
            .arg(path)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        wait_for(&mut child, "a temporary file with bytes in it", || {
            temp_files(&dir).iter().any(|(_, len)| *len > 0)
        });
        signal(&child, sig);
        let out = child.wait_with_output().unwrap();
        assert_ended_by(&out, sig);
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "one line: {err}");
        assert!(err.starts_with("docbao: interrupted: "), "{err}");
        assert!(err.contains("bai.jsonl") || err.contains("new.md"), "{err}");
        assert!(out.stdout.is_empty());
        assert_eq!(temp_files(&dir), Vec::new(), "{sig:?}");
    }
    assert_eq!(
        std::fs::read_to_string(&target).unwrap(),
        "the export of yesterday\n"
    );
    assert!(!new_target.exists());
}

/// The article count said in "interrupted: N articles stored".
fn said_stored(err: &str) -> i64 {
    let line = err
        .lines()
        .find(|l| l.starts_with("docbao: interrupted: "))
        .unwrap_or_else(|| panic!("no interrupted line: {err}"));
    let n = line["docbao: interrupted: ".len()..]
        .split(' ')
        .next()
        .unwrap()
        .replace(',', "");
    n.parse()
        .unwrap_or_else(|_| panic!("no count in {line:?}: {err}"))
}

/// Interrupt `import ARGS` (input on stdin when given) once articles are in
/// the store; then import again, and check that it goes on where it
/// stopped: what was stored is unchanged, the rest added, nothing twice.
fn interrupt_and_resume(env: &Env, args: &[&str], stdin: Option<&[u8]>, total: i64) {
    let db = env.db();
    let mut child = env
        .cmd()
        .args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let writer = stdin.map(|input| {
        let mut pipe = child.stdin.take().unwrap();
        let input = input.to_vec();
        // Ends with an error when docbao stops reading: that is expected.
        std::thread::spawn(move || {
            let _ = pipe.write_all(&input);
        })
    });
    wait_for(&mut child, "articles in the store", || stored(&db) > 0);
    signal(&child, Signal::INT);
    let out = child.wait_with_output().unwrap();
    if let Some(w) = writer {
        w.join().unwrap();
    }
    assert_ended_by(&out, Signal::INT);
    let err = stderr(&out);
    let n = said_stored(&err);
    assert!(
        err.contains("running the same import again goes on where it stopped"),
        "{err}"
    );
    assert!(n > 0 && n < total, "{n} of {total}: {err}");
    // Whole batches: what it says is what the store holds.
    assert_eq!(stored(&db), n, "{err}");
    let again = match stdin {
        Some(input) => env.run_stdin(args, input),
        None => env.run(args),
    };
    let err = stderr(&again);
    assert!(again.status.success(), "{err}");
    assert!(
        err.contains(&format!(
            "{} added, 0 updated, {n} skipped (unchanged), 0 failed",
            total - n
        )),
        "{err}"
    );
    assert_eq!(stored(&db), total);
    // Nothing half written: the file, its search index and the counts
    // kept beside the articles agree.
    let check = env.ok(&["doctor"]);
    for line in [
        "File check: ok",
        "Search index check: ok",
        "Keyword counts recounted: 0 were wrong",
        "Source counts recounted: 0 were wrong",
    ] {
        assert!(check.contains(line), "{line}: {check}");
    }
}

#[test]
fn an_interrupted_import_of_a_file_says_how_far_it_got_and_goes_on_when_run_again() {
    let env = Env::new();
    let file = env.write("dantri.jsonl", &dantri_lines(700));
    interrupt_and_resume(&env, &["import", file.to_str().unwrap()], None, 700);
}

#[test]
fn an_interrupted_import_from_stdin_says_how_far_it_got_and_goes_on_when_run_again() {
    let env = Env::new();
    interrupt_and_resume(&env, &["import", "-"], Some(&dantri_lines(1100)), 1100);
}

/// `update` stopped by Ctrl-C between two feeds: it says how many feeds it
/// stored and that the next update fetches the others (it ended silently),
/// ends by the signal, and the next update does fetch them. The second
/// feed's server holds its first answer until the signal is sent: no timing.
#[test]
fn an_interrupted_update_says_how_far_it_got_and_the_next_one_goes_on() {
    use common::server::{Reply, Server};
    use std::sync::atomic::{AtomicBool, Ordering::SeqCst};
    use std::sync::{Arc, Mutex};
    let server = Server::start();
    let env = Env::new();
    let feed = |n: usize, items: usize| {
        let items: String = (0..items)
            .map(|i| {
                format!(
                    "<item><title>Tin {n}.{i}</title><link>http://f{n}.example.vn/tin-{i}</link>\
                     <description>Nội dung tin {n}.{i}.</description></item>"
                )
            })
            .collect();
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>\
             <title>Báo {n}</title><link>http://f{n}.example.vn/</link>{items}</channel></rss>"
        )
    };
    // Subscribed with nothing in them; then 5 items each.
    let full = Arc::new(AtomicBool::new(false));
    // The second feed's next answer waits for the test, once.
    let hold = Arc::new(AtomicBool::new(false));
    let (release, held) = std::sync::mpsc::channel::<()>();
    let held = Arc::new(Mutex::new(held));
    for n in 1..=3 {
        let (full, hold, held) = (full.clone(), hold.clone(), held.clone());
        let (empty, body) = (feed(n, 0), feed(n, 5));
        server.route(&format!("/f{n}.xml"), move |_| {
            if n == 2 && hold.swap(false, SeqCst) {
                let _ = held.lock().unwrap().recv_timeout(Duration::from_secs(60));
            }
            let body = if full.load(SeqCst) { &body } else { &empty };
            Reply::ok("application/rss+xml", body.clone())
        });
    }
    for n in 1..=3 {
        env.ok(&["feed", "add", &server.url(&format!("/f{n}.xml"))]);
    }
    full.store(true, SeqCst);
    hold.store(true, SeqCst);
    let db = env.db();
    let mut child = env
        .cmd()
        .args(["update", "-j", "1"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    wait_for(&mut child, "the first feed's articles", || stored(&db) >= 5);
    // What it says is read as it comes: the stop is said while the second
    // feed still holds its answer, not only once it has come.
    let said = Said::of(&mut child);
    signal(&child, Signal::INT);
    said.wait_for(
        "stopping once",
        Duration::from_secs(10),
        "nothing said of the stop while a feed was under way",
    );
    let _ = release.send(());
    let out = child.wait_with_output().unwrap();
    let err = said.all();
    assert_ended_by(&out, Signal::INT);
    assert!(
        err.contains(
            "docbao: stopping once the feed being fetched answers (a request gives up after"
        ),
        "{err}"
    );
    assert!(
        err.contains(
            "interrupted: 2 of 3 feeds stored (10 new articles); the next update fetches the others"
        ),
        "{err}"
    );
    // The summary line counts the feeds stored, as that line does.
    assert!(
        err.contains("\n2 of 3 feeds: 10 items fetched: 10 new,"),
        "{err}"
    );
    // The feed that was waited for is stored: its answer came.
    assert_eq!(stored(&db), 10, "{err}");
    let again = env.run(&["update"]);
    assert!(again.status.success(), "{}", stderr(&again));
    assert_eq!(stored(&db), 15);
}

/// `doctor` stopped by Ctrl-C: the statement under way is stopped, its step
/// taken back, and that is said (it ended silently); the next doctor finds
/// the store whole. It waits for doctor's first line, not for a time.
#[test]
fn an_interrupted_doctor_says_so_and_leaves_the_store_whole() {
    let env = Env::new();
    let input = env.write("dantri.jsonl", &dantri_lines(2653));
    env.ok(&["import", input.to_str().unwrap()]);
    let mut child = env
        .cmd()
        .arg("doctor")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = std::io::BufReader::new(child.stdout.take().unwrap()).lines();
    let first = lines.next().unwrap().unwrap();
    assert_eq!(first, "File check: ok");
    signal(&child, Signal::INT);
    let rest: Vec<String> = lines.map_while(Result::ok).collect();
    let out = child.wait_with_output().unwrap();
    assert_ended_by(&out, Signal::INT);
    let err = stderr(&out);
    assert!(
        err.contains("interrupted: the step under way was taken back whole"),
        "{err}"
    );
    assert!(!rest.iter().any(|l| l.starts_with("Compacted")), "{rest:?}");
    let check = env.ok(&["doctor"]);
    for line in ["File check: ok", "Search index check: ok"] {
        assert!(check.contains(line), "{line}: {check}");
    }
    assert_eq!(stored(&env.db()), 2653);
}
