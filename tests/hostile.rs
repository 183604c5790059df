//! Hostile input, end to end: escape sequences and controls in OPML, feeds,
//! stored rows written by an older docbao, redirects to other schemes,
//! errors that must say their cause once, and files `import` must read
//! whole. Servers are on 127.0.0.1; no test reaches the internet.

mod common;

use common::server::{Reply, Server, closed_port};
use common::{Env, stderr};

/// The payloads of the issue: OSC 52 (clipboard), OSC 0 (title), BEL, C1
/// (8-bit CSI and ST, NEL), raw ESC.
const OSC52: &str = "\u{1B}]52;c;cHduZWQ=\u{7}";
const OSC0: &str = "\u{1B}]0;pwned\u{7}";

/// No byte a terminal acts on: C0 (but line ends), DEL, C1, ESC.
fn assert_terminal_safe(what: &str, text: &str) {
    let bad: Vec<char> = text
        .chars()
        .filter(|&c| (c.is_control() && c != '\n') || ('\u{80}'..='\u{9F}').contains(&c))
        .collect();
    assert!(bad.is_empty(), "{what}: {bad:?} in {text:?}");
}

fn feeds(env: &Env) -> Vec<(String, String)> {
    env.json(&["feed", "list", "--json"])
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["url"].as_str().unwrap().to_string(),
                f["title"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

/// A `file:///` feed is kept, as `feed add file://` takes it (a restore of
/// docbao's own export keeps its offline feeds); `update` refusing a file
/// that is no feed, and a pipe, is in `cli_offline.rs`.
#[test]
fn opml_in_is_cleaned_and_only_web_and_file_addresses_are_kept() {
    let env = Env::new();
    // Raw controls, as an older docbao exported them (not valid XML).
    let opml = format!(
        "<?xml version=\"1.0\"?><opml version=\"2.0\"><head/><body>\
<outline text=\"Tin {OSC52}nóng\" xmlUrl=\"https://a.vn/rss{OSC0}\"/>\
<outline text=\"C1 \u{9B}31m\u{85}đỏ\u{9C}\" xmlUrl=\"https://b.vn/\u{9B}rss\"/>\
<outline text=\"BEL\u{7} ESC\u{1B}\" xmlUrl=\"https://c.vn/rss\u{1B}\"/>\
<outline text=\"Tệp\" xmlUrl=\"file:///etc/passwd\"/>\
<outline text=\"JS\" xmlUrl=\"javascript:alert(1)\"/>\
</body></opml>"
    );
    let f = env.write("old.opml", opml.as_bytes());
    let out = env.run(&["feed", "import-opml", f.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let said = String::from_utf8(out.stdout.clone()).unwrap();
    assert!(
        said.contains("4 feeds added, 0 already subscribed, 1 skipped"),
        "{said}"
    );
    let err = stderr(&out);
    assert!(
        err.contains("\"JS\" (javascript:alert(1)): only http"),
        "{err}"
    );
    assert_eq!(
        feeds(&env),
        [
            ("https://a.vn/rss".to_string(), "Tin nóng".to_string()),
            ("https://b.vn/rss".into(), "C1 31m đỏ".into()),
            ("https://c.vn/rss".into(), "BEL ESC".into()),
            ("file:///etc/passwd".into(), "Tệp".into()),
        ]
    );
    let list = env.ok(&["feed", "list"]);
    assert_terminal_safe("feed list", &list);
    assert!(
        list.contains("Tin nóng") && list.contains("https://a.vn/rss"),
        "{list}"
    );
}

#[test]
fn a_store_written_by_an_older_docbao_prints_safely_and_exports_valid_opml() {
    let env = Env::new();
    {
        // What an older docbao stored: nothing cleaned (the address as
        // given: `add_feed` now stores an address in its one spelling).
        let store = docbao::store::Store::open(&env.db()).unwrap();
        let url = format!("http://127.0.0.1:{}/rss{OSC0}", closed_port());
        let id = store
            .add_feed(
                &url,
                Some(&format!("Tin {OSC52}\u{9B}2J\u{7}nóng & <mới>")),
                false,
            )
            .unwrap();
        let raw = rusqlite::Connection::open(env.db()).unwrap();
        raw.execute("UPDATE feeds SET url = ?1 WHERE id = ?2", (&url, id))
            .unwrap();
        store
            .feed_checked(
                id,
                None,
                None,
                None,
                Some(&format!("lỗi {OSC0}\u{1B}[2J\u{9C}")),
            )
            .unwrap();
    }
    let list = env.ok(&["feed", "list"]);
    assert_terminal_safe("feed list", &list);
    assert!(list.contains("Tin 2Jnóng & <mới>"), "{list}");
    assert!(list.contains("last error: lỗi"), "{list}");

    // Export: no control character, valid XML (the opml crate's parser is
    // strict), and it reads back into a new store as the same, cleaned, feed.
    let xml = env.ok(&["feed", "export-opml"]);
    assert_terminal_safe("export-opml", &xml);
    let doc = opml::OPML::from_str(&xml).expect("valid OPML");
    assert_eq!(doc.body.outlines.len(), 1);
    let other = Env::new();
    let f = other.write("subs.opml", xml.as_bytes());
    other.ok(&["feed", "import-opml", f.to_str().unwrap()]);
    let imported = feeds(&other);
    assert_eq!(imported[0].1, "Tin 2Jnóng & <mới>");
    assert!(imported[0].0.ends_with("/rss"), "{imported:?}");
    // Round trip: exporting the new store gives the same document.
    assert_eq!(other.ok(&["feed", "export-opml"]), xml);

    // update: the error names the feed, with nothing a terminal acts on.
    let out = env.run(&["update", "--timeout", "2"]);
    assert_eq!(out.status.code(), Some(1));
    assert_terminal_safe("update stderr", &stderr(&out));
    assert!(
        stderr(&out).contains("/rss: cannot connect"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_feed_title_with_escapes_is_cleaned_when_subscribed() {
    let server = Server::start();
    let base = server.base.clone();
    server.route("/feed.json", move |_| {
        Reply::ok(
            "application/feed+json",
            format!(
                r#"{{"version":"https://jsonfeed.org/version/1.1","title":"Tin \u001b]52;c;cHduZWQ=\u0007nóng\u009b2J","items":[
                {{"id":1,"url":"{base}/1.html","title":"Bài \u001b]0;pwned\u0007một","content_text":"A"}},
                {{"id":2,"url":"{base}/2.html","title":"Bài hai","content_text":"B"}}]}}"#
            ),
        )
    });
    let env = Env::new();
    let out = env.ok(&["feed", "add", &server.url("/feed.json")]);
    assert_terminal_safe("feed add", &out);
    assert!(
        out.contains("Subscribed to Tin nóng2J (feed 1): 2 new articles"),
        "{out}"
    );
    assert_eq!(feeds(&env)[0].1, "Tin nóng2J");
    let list = env.ok(&["list"]);
    assert!(list.contains("Bài một"), "{list}");
    assert_terminal_safe("list", &list);
    // A subscription must be a web address, cleaned (or a feed file: a
    // file that is not a feed is refused, and nothing stored).
    let out = env.run(&["feed", "add", "ftp://example.vn/feed.xml"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("only http"), "{}", stderr(&out));
    let out = env.run(&["feed", "add", "file:///etc/passwd"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("not a feed"), "{}", stderr(&out));
    assert_eq!(feeds(&env).len(), 1);
}

#[test]
fn a_redirect_to_another_scheme_is_refused_by_name() {
    let server = Server::start();
    server.route("/to-file", |_| {
        Reply::status(302).header("Location", "file:///etc/passwd")
    });
    server.route("/to-js", |_| {
        Reply::status(301).header("Location", "javascript:alert(1)")
    });
    server.route("/to-page", |_| {
        Reply::status(302).header("Location", "/page.html")
    });
    server.route("/page.html", |_| {
        Reply::ok(
            "text/html; charset=utf-8",
            std::fs::read(common::fixture("html/nld1.html")).unwrap(),
        )
    });
    let env = Env::new();
    for (path, to) in [
        ("/to-file", "file:///etc/passwd"),
        ("/to-js", "javascript:alert(1)"),
    ] {
        let out = env.run(&["add", &server.url(path)]);
        assert_eq!(out.status.code(), Some(1), "{path}");
        let err = stderr(&out);
        assert!(
            err.contains(&format!(
                "{}: redirected to {to}, which docbao does not follow (only http",
                server.url(path)
            )),
            "{err}"
        );
    }
    // Never asked for as a path on the server.
    assert_eq!(server.hits("/etc/passwd"), 0);
    assert_eq!(server.hits("///etc/passwd"), 0);
    // A redirect to another page of the site is followed; the page is
    // stored under the address it was found at.
    let out = env.ok(&["add", &server.url("/to-page")]);
    assert!(out.starts_with("Saved: "), "{out}");
    let a = env.json(&["show", "1", "--json"]);
    assert_eq!(a["url"], server.url("/page.html"));
}

/// No ": " segment follows an identical one ("malformed: malformed").
fn assert_said_once(msg: &str) {
    let parts: Vec<&str> = msg.trim().split(": ").collect();
    for w in parts.windows(2) {
        assert_ne!(w[0], w[1], "repeated cause in {msg:?}");
    }
    for (i, p) in parts.iter().enumerate().skip(1) {
        assert!(
            !parts[..i].iter().any(|q| q.len() > 8 && p.ends_with(q)),
            "repeated cause in {msg:?}"
        );
    }
}

#[test]
fn errors_say_their_cause_once() {
    let env = Env::new();
    let bad = env.write("bad.db", &[b'x'; 4096]);
    let docbao = |db: &std::path::Path, command: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_docbao"))
            .arg("--db")
            .arg(db)
            .arg(command)
            .env_remove("DOCBAO_DB")
            .output()
            .unwrap()
    };
    let out = docbao(&bad, "list");
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert_eq!(
        err.trim(),
        format!(
            "docbao: \"{}\" is not a docbao database: it is not a SQLite database file; it was left untouched",
            bad.display()
        )
    );
    // The reader (off a terminal) makes the store; a command that needs
    // one refuses the path.
    let out = docbao(&bad.join("sub/x.db"), "--no-demo");
    let err = stderr(&out);
    assert!(err.contains("is a file, not a folder"), "{err}");
    assert_said_once(&err);
    let f = env.write("broken.opml", b"<opml version=\"2.0\"><body>");
    let out = env.run(&["feed", "import-opml", f.to_str().unwrap()]);
    let err = stderr(&out);
    assert!(
        err.contains("broken.opml: not an OPML file docbao can read: "),
        "{err}"
    );
    assert_said_once(&err);
    let out = env.run(&[
        "feed",
        "import-opml",
        env.path("none.opml").to_str().unwrap(),
    ]);
    let err = stderr(&out);
    assert!(
        err.contains("cannot read") && err.contains("none.opml"),
        "{err}"
    );
    assert_said_once(&err);
}

#[test]
fn import_reads_a_json_document_whole_and_a_feed_file_by_its_items() {
    let env = Env::new();
    let array = env.write(
        "many.json",
        "[\n  {\n    \"title\": \"Bài một\",\n    \"url\": \"https://a.vn/1\",\n    \"body\": [\"Đoạn một.\"]\n  },\n  {\n    \"title\": \"Bài hai\",\n    \"url\": \"https://a.vn/2\"\n  },\n  {\n    \"url\": \"https://a.vn/3\"\n  }\n]\n".as_bytes(),
    );
    let out = env.run(&["import", array.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "one item has no title");
    let err = stderr(&out);
    assert!(err.contains("2 added") && err.contains("1 failed"), "{err}");
    assert!(err.contains("many.json: item 3: no title"), "{err}");
    assert_eq!(
        err.matches("many.json").count(),
        1,
        "one error, not one per line: {err}"
    );

    let one = env.write(
        "one.json",
        "{\n  \"title\": \"Một bài\",\n  \"url\": \"https://a.vn/4\"\n}\n".as_bytes(),
    );
    env.ok(&["import", one.to_str().unwrap()]);
    // JSON lines named .json stay JSON lines.
    let lines = env.write(
        "lines.json",
        b"{\"title\":\"Dong mot\",\"url\":\"https://a.vn/5\"}\n{\"title\":\"Dong hai\",\"url\":\"https://a.vn/6\"}\n",
    );
    env.ok(&["import", lines.to_str().unwrap()]);

    let rss = env.write(
        "tin.rss",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Kênh</title>\
<item><title>Tin RSS một</title><link>https://r.vn/1</link><description>Tóm tắt</description></item>\
<item><title>Tin RSS hai</title><link>https://r.vn/2</link></item></channel></rss>"
            .as_bytes(),
    );
    let atom = env.write(
        "saved-feed",
        "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>A</title>\
<entry><title>Tin Atom</title><link href=\"https://r.vn/3\"/><id>urn:3</id><updated>2021-03-05T01:00:00Z</updated></entry></feed>"
            .as_bytes(),
    );
    env.ok(&["import", rss.to_str().unwrap(), atom.to_str().unwrap()]);
    let titles = env.titles(&["--limit", "50"]);
    for t in [
        "Bài một",
        "Bài hai",
        "Một bài",
        "Dong mot",
        "Dong hai",
        "Tin RSS một",
        "Tin RSS hai",
        "Tin Atom",
    ] {
        assert!(titles.iter().any(|x| x == t), "{t} missing from {titles:?}");
    }
    assert_eq!(titles.len(), 8, "{titles:?}");
    // Not a garbage article holding the markup.
    assert!(!titles.iter().any(|t| t.contains('<')), "{titles:?}");
}
