//! Feed addresses at the command line: one feed under another spelling of
//! its address is the feed already subscribed (`feed add`, `feed
//! import-opml`, and a store that kept an older spelling); a feed that
//! moves gets no validators of its old address; a web page given to `feed
//! add` is said to be one, with the feeds it advertises; `feed list`
//! counts the articles a feed holds as `sources` does; `feed update` is
//! `update`. Feeds are served on 127.0.0.1 by the test.

mod common;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use common::server::{Reply, Server, closed_port};
use common::{Env, fixture, stderr};

const FEB: &str = "rss/vnexpress_tin-moi-nhat_2017-02-18.xml";
const JUL: &str = "rss/vnexpress_tin-moi-nhat_2017-07-26.xml";

fn read(name: &str) -> String {
    std::fs::read_to_string(fixture(name)).unwrap()
}

fn feed_count(env: &Env) -> usize {
    env.json(&["feed", "list", "--json"])
        .as_array()
        .unwrap()
        .len()
}

/// The same document under spellings RFC 3986 makes one address: the scheme
/// and host in any case, a `#place`, dot segments, an unreserved letter
/// percent-encoded. Each is the feed subscribed already: said, naming it,
/// and not fetched again.
#[test]
fn another_spelling_of_a_feed_address_is_the_feed_subscribed() {
    let server = Server::start();
    let body = read(FEB);
    server.route("/feedB.xml", move |_| Reply::ok("text/xml", body.clone()));
    let env = Env::new();
    let port = server.base.rsplit(':').next().unwrap().to_string();
    let url = format!("http://localhost:{port}/feedB.xml");
    env.ok(&["feed", "add", &url]);
    let hits = server.hits("/feedB.xml");
    for other in [
        format!("http://LOCALHOST:{port}/feedB.xml"),
        format!("HTTP://localhost:{port}/feedB.xml"),
        format!("{url}#x"),
        format!("http://localhost:{port}/./feedB.xml"),
        format!("http://LocalHost:{port}/rss/../feedB.xml"),
        format!("http://localhost:{port}/%66eedB.xml"),
    ] {
        let out = env.run(&["feed", "add", &other]);
        assert_eq!(out.status.code(), Some(1), "{other}: {}", stderr(&out));
        let err = stderr(&out);
        assert!(
            err.contains("already subscribed")
                && err.contains("feed 1")
                && err.contains("Tin mới nhất - VnExpress RSS"),
            "{other}: {err}"
        );
    }
    assert_eq!(server.hits("/feedB.xml"), hits, "fetched again");
    assert_eq!(feed_count(&env), 1);

    // An OPML file with other spellings: already there, counted so.
    let outlines: String = [
        format!("{url}#top"),
        format!("http://LocalHost:{port}/feedB.xml"),
        format!("HTTP://localhost:{port}/./feedB.xml"),
        "https://khac.vn/rss/tin.rss".to_string(),
        "HTTPS://KHAC.vn/rss/tin.rss#x".to_string(),
    ]
    .iter()
    .map(|u| format!("<outline type=\"rss\" text=\"t\" xmlUrl=\"{u}\"/>"))
    .collect();
    let opml = env.write(
        "subs.opml",
        format!("<opml version=\"2.0\"><body>{outlines}</body></opml>").as_bytes(),
    );
    let out = env.ok(&["feed", "import-opml", opml.to_str().unwrap()]);
    assert!(out.contains("1 feed added, 4 already subscribed"), "{out}");
    // What is stored is the address in its one form.
    let list = env.json(&["feed", "list", "--json"]);
    assert_eq!(list[1]["url"], "https://khac.vn/rss/tin.rss", "{list}");
}

/// A store written before kept addresses as they were typed: another
/// spelling of one of them is still that feed.
#[test]
fn a_feed_stored_under_an_older_spelling_is_found() {
    let server = Server::start();
    let body = read(FEB);
    server.route("/feedB.xml", move |_| Reply::ok("text/xml", body.clone()));
    let env = Env::new();
    let port = server.base.rsplit(':').next().unwrap().to_string();
    env.ok(&["feed", "add", &format!("http://localhost:{port}/feedB.xml")]);
    // As an older docbao stored it.
    let old = format!("HTTP://LOCALHOST:{port}/./feedB.xml#top");
    let conn = rusqlite::Connection::open(env.db()).unwrap();
    conn.execute("UPDATE feeds SET url = ?1 WHERE id = 1", [&old])
        .unwrap();
    drop(conn);
    let out = env.run(&["feed", "add", &format!("http://localhost:{port}/feedB.xml")]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("already subscribed") && err.contains("feed 1") && err.contains(&old),
        "{err}"
    );
    assert_eq!(feed_count(&env), 1);
}

/// A feed that moves (301) to an address whose server answers 304 to any
/// conditional request: the old address's validators are not sent there,
/// so the new address's items are stored at the first update after the
/// move; then the new address's own validators are.
#[test]
fn a_moved_feed_sends_no_validators_of_its_old_address() {
    let server = Server::start();
    let moved = Arc::new(AtomicBool::new(false));
    let feb = read(FEB);
    let (m, to) = (moved.clone(), server.url("/new.xml"));
    server.route("/old.xml", move |_| {
        if m.load(Ordering::SeqCst) {
            return Reply::status(301).header("Location", &to);
        }
        Reply::ok("text/xml", feb.clone())
            .header("ETag", "\"old-1\"")
            .header("Last-Modified", "Mon, 01 Jan 2035 00:00:00 GMT")
    });
    let asked: Arc<Mutex<Vec<bool>>> = Arc::default();
    let (jul, seen) = (read(JUL), asked.clone());
    server.route("/new.xml", move |req| {
        let conditional = req.headers.contains_key("if-none-match")
            || req.headers.contains_key("if-modified-since");
        seen.lock().unwrap().push(conditional);
        if conditional {
            return Reply::status(304);
        }
        Reply::ok("text/xml", jul.clone()).header("ETag", "\"new-1\"")
    });
    let env = Env::new();
    let out = env.ok(&["feed", "add", &server.url("/old.xml")]);
    assert!(out.contains("25 new articles"), "{out}");
    moved.store(true, Ordering::SeqCst);
    let out = env.run(&["update"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(err.contains("has moved permanently"), "{err}");
    assert!(
        err.contains("1 feed: 25 items fetched: 25 new") && err.contains("0 feeds not modified"),
        "{err}"
    );
    assert_eq!(env.titles(&["--feed", "1"]).len(), 50);
    // Now the new address's own validators: not modified.
    let out = env.run(&["update"]);
    assert!(
        stderr(&out).contains("1 feed not modified"),
        "{}",
        stderr(&out)
    );
    assert_eq!(*asked.lock().unwrap(), [false, true]);
}

/// A temporary redirect: what the target answered is not stored as the
/// feed's validators (they would be sent to the address that redirects).
#[test]
fn validators_go_only_to_the_address_they_came_from() {
    let server = Server::start();
    let asked: Arc<Mutex<Vec<bool>>> = Arc::default();
    let (feb, seen) = (read(FEB), asked.clone());
    server.route("/tin.xml", move |req| {
        let conditional = req.headers.contains_key("if-none-match")
            || req.headers.contains_key("if-modified-since");
        seen.lock().unwrap().push(conditional);
        if conditional {
            return Reply::status(304);
        }
        Reply::ok("text/xml", feb.clone()).header("ETag", "\"t-1\"")
    });
    let to = server.url("/tin.xml");
    let sent: Arc<Mutex<Vec<bool>>> = Arc::default();
    let s = sent.clone();
    server.route("/temp.xml", move |req| {
        s.lock()
            .unwrap()
            .push(req.headers.contains_key("if-none-match"));
        Reply::status(302).header("Location", &to)
    });
    let env = Env::new();
    env.ok(&["feed", "add", &server.url("/temp.xml")]);
    env.ok(&["update"]);
    env.ok(&["update"]);
    assert_eq!(*asked.lock().unwrap(), [false, false, false]);
    assert_eq!(*sent.lock().unwrap(), [false, false, false]);
}

/// `feed add` of a web page: said to be a page; the one feed it
/// advertises is subscribed, several are named, none: `docbao add`.
#[test]
fn a_web_page_given_as_a_feed_is_said_to_be_one() {
    let server = Server::start();
    let home = std::fs::read(fixture("html/vnexpress.hompage.html")).unwrap();
    let two = String::from_utf8_lossy(&home).replacen(
        "<link rel=\"alternate\"",
        "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"https://e.vnexpress.net/atom.xml\"><link rel=\"alternate\"",
        1,
    );
    server.route("/", move |_| {
        Reply::ok("text/html; charset=utf-8", home.clone())
    });
    server.route("/two.html", move |_| {
        Reply::ok("text/html; charset=utf-8", two.clone())
    });
    let page = std::fs::read(fixture("html/dantri1.html")).unwrap();
    server.route("/bai.html", move |_| {
        Reply::ok("text/html; charset=utf-8", page.clone())
    });
    let feb = read(FEB);
    server.route("/RSS/GL/trang-chu.rss", move |_| {
        Reply::ok("application/rss+xml", feb.clone())
    });
    let env = Env::new();
    // None advertised: a page, and how to save it.
    let bai = server.url("/bai.html");
    let out = env.run(&["feed", "add", &bai]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains(&format!("{bai}: is a web page (text/html), not a feed"))
            && err.contains(&format!("docbao add {bai}")),
        "{err}"
    );
    assert!(!env.db().exists(), "a store was left");
    // Two: both named, nothing subscribed.
    let out = env.run(&["feed", "add", &server.url("/two.html")]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("is a web page")
            && err.contains("https://e.vnexpress.net/atom.xml")
            && err.contains(&server.url("/RSS/GL/trang-chu.rss"))
            && err.contains("docbao feed add URL"),
        "{err}"
    );
    assert!(!env.db().exists(), "a store was left");
    // One: subscribed, and said so.
    let out = env.run(&["feed", "add", &server.url("/")]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let said = format!("{}{}", String::from_utf8_lossy(&out.stdout), stderr(&out));
    let feed = server.url("/RSS/GL/trang-chu.rss");
    assert!(
        said.contains("is a web page") && said.contains(&format!("links to the feed {feed}")),
        "{said}"
    );
    assert!(said.contains("25 new articles"), "{said}");
    let list = env.json(&["feed", "list", "--json"]);
    assert_eq!(list[0]["url"], feed.as_str(), "{list}");
    // Again: the feed it leads to is subscribed already.
    let out = env.run(&["feed", "add", &server.url("/")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("already subscribed") && stderr(&out).contains("feed 1"),
        "{}",
        stderr(&out)
    );
}

/// The documented restore: subscriptions from OPML, then an export's
/// articles. `feed list` counts the articles each feed holds, as
/// `sources` does, before any update.
#[test]
fn feed_list_counts_what_sources_counts_after_a_restore() {
    let server = Server::start();
    let feb = read(FEB);
    server.route("/feb.xml", move |_| Reply::ok("text/xml", feb.clone()));
    let first = Env::new();
    first.ok(&["feed", "add", &server.url("/feb.xml")]);
    let opml = first.ok(&["feed", "export-opml"]);
    let export = first.ok(&["export", "--format", "jsonl"]);
    let env = Env::new();
    let opml = env.write("f.opml", opml.as_bytes());
    let jsonl = env.write("exp.jsonl", export.as_bytes());
    env.ok(&["feed", "import-opml", opml.to_str().unwrap()]);
    env.ok(&["import", jsonl.to_str().unwrap()]);
    let list = env.json(&["feed", "list", "--json"]);
    let sources = env.json(&["sources", "--json"]);
    assert_eq!(sources[0]["total"], 25, "{sources}");
    assert_eq!(list[0]["items"], 25, "{list}");
    assert!(
        env.ok(&["feed", "list"])
            .contains("(25 items, checked never)")
    );
}

/// `feed update`, a natural guess next to `feed add`, is `update`.
#[test]
fn feed_update_is_update() {
    let server = Server::start();
    let feb = read(FEB);
    server.route("/feb.xml", move |_| Reply::ok("text/xml", feb.clone()));
    let env = Env::new();
    env.ok(&["feed", "add", &server.url("/feb.xml")]);
    let out = env.run(&["feed", "update", "--jobs", "2"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("1 feed: 25 items fetched: 0 new, 25 already stored"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn feed_add_through_a_permanent_redirect_subscribes_the_new_address() {
    // The old address was stored: the new one could then be subscribed as
    // a second feed, and every update said "the same feed twice".
    let server = Server::start();
    let env = Env::new();
    let body =
        std::fs::read_to_string(fixture("rss/vnexpress_tin-moi-nhat_2017-02-18.xml")).unwrap();
    server.route("/atom.xml", move |_| {
        Reply::ok("application/rss+xml", body.clone())
    });
    let new = server.url("/atom.xml");
    for (path, code) in [("/r301.xml", 301), ("/r308.xml", 308)] {
        let to = new.clone();
        server.route(path, move |_| Reply::status(code).header("Location", &to));
    }
    let out = env.run(&["feed", "add", &server.url("/r301.xml")]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(&format!("has moved permanently: subscribed under {new}")),
        "{}",
        stderr(&out)
    );
    let feeds = env.json(&["feed", "list", "--json"]);
    assert_eq!(feeds[0]["url"], new.as_str());
    for again in [new.clone(), server.url("/r308.xml")] {
        let out = env.run(&["feed", "add", &again]);
        assert_eq!(out.status.code(), Some(1), "{again}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("already subscribed (feed 1"),
            "{}",
            stderr(&out)
        );
    }
    let out = env.run(&["update"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!stderr(&out).contains("moved"), "{}", stderr(&out));
}

/// An address typed without its scheme is taken as https://, as a browser
/// takes it; a server that speaks plain HTTP there (a local one) made a
/// raw TLS message. The error says what went wrong and gives the http://
/// address to try, for `feed add` and `add`; given with https:// itself,
/// no such advice.
#[test]
fn a_plain_http_server_typed_without_a_scheme_names_the_http_address() {
    let server = Server::start();
    let body = read("rss/vnexpress_tin-moi-nhat_2017-02-18.xml");
    server.route("/tin.xml", move |_| Reply::ok("text/xml", body.clone()));
    let typed = server.url("/tin.xml").replace("http://", "");
    let env = Env::new();
    for command in [["feed", "add"].as_slice(), ["add"].as_slice()] {
        let out = env.run(&[command, &[typed.as_str()]].concat());
        assert!(!out.status.success());
        let err = stderr(&out);
        assert!(
            err.contains(&format!("https://{typed}: ")),
            "what failed first: {err}"
        );
        assert!(
            err.contains(&format!(
                "\"{typed}\" was taken as https://, as a browser takes it: if the server speaks plain HTTP, give http://{typed}"
            )),
            "{err}"
        );
    }
    let out = env.run(&["feed", "add", &format!("https://{typed}")]);
    let err = stderr(&out);
    assert!(
        !out.status.success() && !err.contains("was taken as"),
        "{err}"
    );
    // And the http:// address it names subscribes.
    env.ok(&["feed", "add", &format!("http://{typed}")]);
    // A server that answers the TLS greeting in plain HTTP (Python's
    // http.server does): rustls reads a corrupt message; said as no
    // secure connection, with the same advice.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        use std::io::{Read, Write};
        for stream in listener.incoming().flatten().take(1) {
            let mut stream = stream;
            let mut buf = [0u8; 512];
            let _ = stream.read(&mut buf);
            let _ = stream.write_all(b"HTTP/1.0 400 Bad request version\r\n\r\n");
        }
    });
    // Nothing listening (refused): no advice, http:// would not help.
    let nothing = format!("127.0.0.1:{}/tin.xml", closed_port());
    let err = stderr(&env.run(&["feed", "add", &nothing]));
    assert!(
        err.contains("connection refused") && !err.contains("was taken as"),
        "{err}"
    );
    let typed = format!("127.0.0.1:{port}/tin.xml");
    let err = stderr(&env.run(&["feed", "add", &typed]));
    assert!(
        err.contains(&format!("https://{typed}: no secure connection (")),
        "{err}"
    );
    assert!(err.contains(&format!("give http://{typed}")), "{err}");
}
