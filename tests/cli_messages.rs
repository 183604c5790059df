//! What the command line says beside its results, on real articles: a note
//! that nothing was found goes to stderr (stdout, what scripts count, stays
//! empty); a search that returns fewer results than asked because the store
//! ranks only its newest matches says so; an import says when it set read
//! and bookmark marks on articles already stored; the help names what
//! `mark-read` and `import` take; a folder import names what is not a
//! regular file.

mod common;

use std::io::BufRead;
use std::process::Output;

use common::{Env, fixture, stderr};

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Succeeded, with nothing on stdout and `note` on stderr.
fn assert_note_only(o: &Output, note: &str) {
    assert!(o.status.success(), "{}", stderr(o));
    assert_eq!(stdout(o), "", "stdout");
    assert!(stderr(o).contains(note), "{}", stderr(o));
}

#[test]
fn nothing_found_is_said_on_stderr_and_stdout_stays_empty() {
    let env = Env::new();
    env.ok(&[
        "import",
        fixture("dan-van-2021-03-05.txt").to_str().unwrap(),
    ]);
    env.ok(&["mark-read", "1"]);
    assert_note_only(&env.run(&["list", "--unread"]), "No articles match.");
    assert_note_only(&env.run(&["search", "zzzz"]), "No articles match.");
    assert_note_only(&env.run(&["feed", "list"]), "No feeds yet.");
    // An article alone, with no related stories of its own.
    let alone = Env::new();
    alone.ok(&[
        "import",
        fixture("long-paragraph-dantri.jsonl").to_str().unwrap(),
    ]);
    assert_note_only(&alone.run(&["related", "1"]), "No related stories.");
    let o = alone.run(&["related", "1", "--json"]);
    assert_eq!((stdout(&o).trim(), stderr(&o).as_str()), ("[]", ""));
    // The JSON forms print an empty array, and no note.
    for args in [
        &["list", "--unread", "--json"][..],
        &["search", "zzzz", "--json"],
        &["feed", "list", "--json"],
    ] {
        let o = env.run(args);
        assert!(o.status.success(), "{args:?}: {}", stderr(&o));
        assert_eq!(stdout(&o).trim(), "[]", "{args:?}");
        assert_eq!(stderr(&o), "", "{args:?}");
    }
    // A store with no keyword yet: said too (it printed nothing at all).
    let empty = Env::new();
    assert!(empty.run_stdin(&["import", "-"], b"").status.success());
    assert_note_only(&empty.run(&["keywords"]), "No keywords in this store.");
    let o = empty.run(&["keywords", "--json"]);
    assert_eq!((stdout(&o).trim(), stderr(&o).as_str()), ("[]", ""));
    // The reader off a terminal prints the list, the note alike.
    let o = env.run(&["--no-demo"]);
    assert!(o.status.success());
    assert!(stdout(&o).contains("Ký kết chương trình"), "{}", stdout(&o));
}

/// The Dân trí fixture's 2,653 articles.
fn dantri_all() -> Vec<u8> {
    let file = std::fs::File::open(fixture("dantri-2653.jsonl.gz")).unwrap();
    let mut out = Vec::new();
    for line in std::io::BufReader::new(flate2::read::GzDecoder::new(file)).lines() {
        out.extend_from_slice(line.unwrap().as_bytes());
        out.push(b'\n');
    }
    out
}

#[test]
fn a_search_cut_at_the_newest_matches_says_so() {
    let env = Env::new();
    let o = env.run_stdin(&["import", "-"], &dantri_all());
    assert!(o.status.success(), "{}", stderr(&o));
    // "của" is in nearly every article: far more than the 2,000 ranked.
    let o = env.run(&["search", "của", "-n", "5000"]);
    assert!(o.status.success(), "{}", stderr(&o));
    // A line for each hit and one for its snippet.
    assert_eq!(stdout(&o).lines().count(), 2 * 2000);
    let err = stderr(&o);
    assert!(
        err.contains("showing 2000 of more than 2000 matches"),
        "{err}"
    );
    assert!(err.contains("narrow"), "{err}");
    // Which 2,000: the last stored, which an archive imported newest first
    // makes the oldest; "the newest" said otherwise (a tester's report).
    assert!(
        err.contains("only the last 2000 stored are ranked"),
        "{err}"
    );
    // The JSON's stdout is the array alone; the note on stderr alike.
    let o = env.run(&["search", "của", "-n", "5000", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 2000);
    assert!(stderr(&o).contains("showing 2000 of more than 2000 matches"));
    // All that was asked for, or all there is: no note.
    let o = env.run(&["search", "của", "-n", "30"]);
    assert_eq!(stderr(&o), "");
    let o = env.run(&["search", "Vinamilk", "-n", "5000"]);
    assert!(!stdout(&o).is_empty());
    assert_eq!(stderr(&o), "");
}

#[test]
fn an_import_says_when_it_set_marks_taken_off_since() {
    let env = Env::new();
    env.ok(&["import", fixture("dantri-30-head3.jsonl").to_str().unwrap()]);
    env.ok(&["mark-read", "1", "2"]);
    env.ok(&["bookmark", "3"]);
    let export = env.path("export.jsonl");
    env.ok(&["export", "-o", export.to_str().unwrap()]);
    // Taken off since the export: the import brings them back.
    env.ok(&["mark-unread", "1", "2"]);
    env.ok(&["unbookmark", "3"]);
    let o = env.run(&["import", export.to_str().unwrap()]);
    let err = stderr(&o);
    assert!(o.status.success(), "{err}");
    assert!(
        err.contains("0 added, 0 updated, 3 skipped (unchanged), 0 failed; 3 articles already stored were read or bookmarked in the input, and so were in the store after it"),
        "{err}"
    );
    // One: "1 article … was" (it read "1 already stored … have them").
    let one = Env::new();
    one.ok(&["import", fixture("dantri-30-head3.jsonl").to_str().unwrap()]);
    one.ok(&["mark-read", "2"]);
    let export1 = one.path("export.jsonl");
    one.ok(&["export", "-o", export1.to_str().unwrap()]);
    let err = stderr(&one.run(&["import", export1.to_str().unwrap()]));
    assert!(
        err.contains(
            "; 1 article already stored was read or bookmarked in the input, and so was in the store after it ("
        ),
        "{err}"
    );
    let unread = env.json(&["list", "--unread", "--json"]);
    assert_eq!(unread.as_array().unwrap().len(), 1, "{unread}");
    // An input without marks says nothing of them.
    let o = env.run(&["import", fixture("dantri-30-head3.jsonl").to_str().unwrap()]);
    let err = stderr(&o);
    assert!(
        err.trim_end()
            .ends_with("0 added, 0 updated, 3 skipped (unchanged), 0 failed"),
        "{err}"
    );
}

#[test]
fn the_help_names_what_mark_read_and_import_take() {
    let env = Env::new();
    env.ok(&["import", fixture("dantri-30-head3.jsonl").to_str().unwrap()]);
    let o = env.run(&["mark-read", "--site", "dantri.com.vn"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("--all"), "{}", stderr(&o));
    let o = env.run(&["mark-read"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("--all"), "{}", stderr(&o));
    let help = env.ok(&["import", "--help"]);
    for what in ["HTML", "RSS", "Atom", "JSON Feed"] {
        assert!(help.contains(what), "{what}: {help}");
    }
}

#[cfg(unix)]
#[test]
fn a_folder_import_names_what_is_not_a_regular_file() {
    let env = Env::new();
    let dir = env.path("saved");
    std::fs::create_dir(&dir).unwrap();
    std::fs::copy(fixture("dantri-30-head3.jsonl"), dir.join("a.jsonl")).unwrap();
    let fifo = dir.join("pipe.jsonl");
    common::mkfifo(&fifo);
    std::os::unix::fs::symlink(&fifo, dir.join("to-pipe.txt")).unwrap();
    let o = env.run(&["import", dir.to_str().unwrap()]);
    let err = stderr(&o);
    assert!(o.status.success(), "{err}");
    for name in ["pipe.jsonl", "to-pipe.txt"] {
        let line = format!("{}: skipped (not a regular file)", dir.join(name).display());
        assert!(err.contains(&line), "{line}: {err}");
    }
    assert!(err.contains("3 added"), "{err}");
}

/// A mark command whose ids name no article says so alone: no "the other
/// ids were marked" when there were none.
#[test]
fn an_unknown_id_alone_is_not_said_to_leave_others_marked() {
    let env = Env::new();
    env.ok(&["import", fixture("dantri-30-head3.jsonl").to_str().unwrap()]);
    for cmd in ["bookmark", "unbookmark", "mark-read", "mark-unread"] {
        let o = env.run(&[cmd, "0"]);
        assert_eq!(o.status.code(), Some(1), "{cmd}");
        assert_eq!(stderr(&o), "docbao: no article with id 0\n", "{cmd}");
        let o = env.run(&[cmd, "0", "77"]);
        assert_eq!(
            stderr(&o),
            "docbao: no article with id 0\ndocbao: no article with id 77\n",
            "{cmd}"
        );
        // With a known one, it is said to be marked.
        let o = env.run(&[cmd, "1", "0"]);
        assert_eq!(o.status.code(), Some(1), "{cmd}");
        assert_eq!(
            stderr(&o),
            "docbao: no article with id 0; the other id was marked\n",
            "{cmd}"
        );
        let o = env.run(&[cmd, "1", "2", "0"]);
        assert_eq!(
            stderr(&o),
            "docbao: no article with id 0; the other 2 ids were marked\n",
            "{cmd}"
        );
    }
    assert_eq!(env.titles(&["--bookmarked"]).len(), 0);
}

/// An export that fails for lack of room names the file it was writing,
/// as its other errors do (`/dev/full` fails every write past the
/// buffer's, as a full disk does).
#[cfg(target_os = "linux")]
#[test]
fn an_export_that_runs_out_of_room_names_the_file() {
    let env = Env::new();
    let demo = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/demo/dantri-30.jsonl");
    env.ok(&["import", demo.to_str().unwrap()]);
    for format in ["jsonl", "markdown"] {
        let o = env.run(&["export", "--format", format, "-o", "/dev/full"]);
        assert_eq!(o.status.code(), Some(1), "{format}");
        let err = stderr(&o);
        assert!(
            err.starts_with("docbao: cannot write \"/dev/full\": No space left on device"),
            "{format}: {err}"
        );
    }
}

/// Arguments docbao refuses together are a usage error, exit 2, as clap's
/// own (they exited 1: an independent review's find).
#[test]
fn refused_combinations_are_usage_errors() {
    let env = Env::new();
    let demo = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/demo/dantri-30.jsonl");
    env.ok(&["import", demo.to_str().unwrap()]);
    for (args, says) in [
        (
            &["mark-read", "5", "--unread"][..],
            "give --all, or ids alone",
        ),
        (
            &["show", "1", "--json", "--width", "30"][..],
            "--width has no effect",
        ),
    ] {
        let out = env.run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(says), "{args:?}: {err}");
    }
    // Nothing was marked.
    let out = env.run(&["list", "--unread", "--json"]);
    let unread: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(unread.as_array().unwrap().len(), 30);
}

/// An export's articles name the feeds that carried them; imported into a
/// store not subscribed to those, they are not listed under them, and the
/// summary says so and how to restore them; imported again after the
/// feeds' OPML, they are, and nothing is said.
#[test]
fn an_import_says_when_the_feeds_its_articles_name_are_not_subscribed() {
    let env = Env::new();
    let feed = env.path("tin.xml");
    std::fs::copy(fixture("rss/vnexpress_tin-moi-nhat_2017-02-18.xml"), &feed).unwrap();
    env.ok(&["feed", "add", &format!("file://{}", feed.display())]);
    let opml = env.write("feeds.opml", env.ok(&["feed", "export-opml"]).as_bytes());
    let export = env.path("articles.jsonl");
    env.ok(&["export", "-o", export.to_str().unwrap()]);
    let items = env.json(&["list", "--json"]).as_array().unwrap().len();

    let other = Env::new();
    let o = other.run(&["import", export.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains(&format!(
            "; {items} articles came from 1 feed not subscribed here and are not listed under \
             it: subscribe first (`docbao feed import-opml FILE` with the other store's `feed \
             export-opml`), then import again"
        )),
        "{}",
        stderr(&o)
    );
    let sources = other.json(&["sources", "--json"]);
    assert!(
        sources
            .as_array()
            .unwrap()
            .iter()
            .all(|s| s["feed_id"].is_null()),
        "{sources}"
    );
    other.ok(&["feed", "import-opml", opml.to_str().unwrap()]);
    let o = other.run(&["import", export.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!stderr(&o).contains("not subscribed"), "{}", stderr(&o));
    let sources = other.json(&["sources", "--json"]);
    assert_eq!(sources[0]["feed_id"], 1, "{sources}");
    assert_eq!(
        sources[0]["total"].as_u64(),
        Some(items as u64),
        "{sources}"
    );
}
