//! End to end, with the network: the reader updates the feeds in the
//! background (`U`), saves a page by its address (`a`), and fetches the full
//! page of a feed item when it is bookmarked (`s`) — against a server on
//! 127.0.0.1, the real binary in a pseudo-terminal.

mod common;
mod pty;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use common::server::{Reply, Server};
use common::{Env, fixture};
use pty::{ENTER, Term, start};

fn feed(base: &str, titles: &[&str]) -> String {
    let mut s = String::from("<rss version=\"2.0\"><channel><title>Tin thử</title>");
    for t in titles {
        s.push_str(&format!(
            "<item><title>{t}</title><link>{base}/bai.html?{}</link><description>Tóm tắt {t}.</description></item>",
            t.len()
        ));
    }
    s.push_str("</channel></rss>");
    s
}

/// `/feed.xml` on `server`: one item ("Tin đầu tiên") while the round is 1,
/// then a second ("Tin thứ hai mới về") above it. The round, to set.
fn feed_in_rounds(server: &Server) -> Arc<AtomicUsize> {
    let base = server.base.clone();
    let round = Arc::new(AtomicUsize::new(1));
    let r = round.clone();
    server.route("/feed.xml", move |_| {
        let titles: &[&str] = if r.load(Ordering::SeqCst) == 1 {
            &["Tin đầu tiên"]
        } else {
            &["Tin thứ hai mới về", "Tin đầu tiên"]
        };
        Reply::ok("text/xml", feed(&base, titles))
    });
    round
}

#[test]
fn update_in_the_background_add_a_page_and_fetch_on_bookmark() {
    let server = Server::start();
    let round = feed_in_rounds(&server);
    let page = std::fs::read(fixture("html/nld1.html")).unwrap();
    let first_page = format!("/bai.html?{}", "Tin đầu tiên".len());
    let p2 = page.clone();
    server.route(&first_page, move |_| Reply::ok("text/html", p2.clone()));
    server.route(
        &format!("/bai.html?{}", "Tin thứ hai mới về".len()),
        move |_| Reply::ok("text/html", page.clone()),
    );
    server.route("/saved.html", {
        let page = std::fs::read(fixture("html/dantri1.html")).unwrap();
        move |_| Reply::ok("text/html", page.clone())
    });

    let env = Env::new();
    env.ok(&["feed", "add", &server.url("/feed.xml")]);
    round.store(2, Ordering::SeqCst);

    let mut t = start(&env, 100, 30);
    t.wait_for("Articles (1)");
    // U: the update runs in the background; the new item appears in the list.
    t.send("U");
    t.wait_until("the update to finish and the list to grow", |s| {
        s.contents().contains("Articles (2)")
            && s.contents().contains("Updated 1 feed: 1 new article")
    });
    assert!(t.with_screen(|s| s.contents().contains("Tin thứ hai mới về")));

    // a: type an address, Enter: the page is fetched and saved.
    t.send("a");
    t.wait_for("Save page");
    t.send(&server.url("/saved.html"));
    t.send(ENTER);
    t.wait_until("the page saved", |s| {
        s.contents().contains("Saved for offline reading") && s.contents().contains("Articles (3)")
    });

    // s on a feed item that has only its summary: its full page is fetched.
    t.send("B"); // bookmarks view: just the saved page
    t.wait_for("Bookmarks (1)");
    t.send("B");
    t.wait_for("Articles (3)");
    let hits_before = server.hits(&first_page);
    // Select "Tin đầu tiên" (second row: the feed items, undated, sort by
    // arrival, above the 2012 page) and bookmark it.
    t.send("g");
    t.send("j");
    t.wait_until("Tin đầu tiên selected", |s| {
        s.contents().contains("Article 2 of 3")
    });
    t.send("s");
    t.wait_until("the full page fetched", |s| {
        s.contents().contains("Bookmarked; full page saved: ")
    });
    assert_eq!(server.hits(&first_page), hits_before + 1);
    t.send("q");
    assert!(t.wait_exit().success());

    // Both saved articles are whole in the store: readable offline.
    let rows = env.json(&["list", "--bookmarked", "--json"]);
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), 2);
    for r in rows {
        let a = env.json(&["show", &r["id"].to_string(), "--json"]);
        assert!(
            a["paragraphs"].as_array().unwrap().len() >= 3,
            "{}",
            a["title"]
        );
    }
}

/// `[feeds] update_on_start = true`: the reader opens and updates the feeds
/// at once; the status line ends with what the update brought, and a
/// failing feed is named.
#[test]
fn the_reader_updates_the_feeds_as_it_opens_when_the_config_says_so() {
    let server = Server::start();
    let round = feed_in_rounds(&server);
    let env = Env::new();
    env.ok(&["feed", "add", &server.url("/feed.xml")]);
    round.store(2, Ordering::SeqCst);
    let config = env.write("config.toml", b"[feeds]\nupdate_on_start = true\n");
    let config = config.to_str().unwrap();
    let reader = || {
        Term::spawn(
            &env.db(),
            env.dir.path(),
            &["--no-demo", "--config", config],
            100,
            30,
        )
    };

    let mut t = reader();
    t.wait_until("the update at start to finish", |s| {
        s.contents().contains("Articles (2)")
            && s.contents().contains("Updated 1 feed: 1 new article")
    });
    assert!(t.with_screen(|s| s.contents().contains("Tin thứ hai mới về")));
    t.send("q");
    assert!(t.wait_exit().success());

    // A feed that fails: named in the result.
    server.route("/feed.xml", |_| Reply::status(503));
    let mut t = reader();
    t.wait_until("the failed update", |s| {
        s.contents()
            .contains("Updated 1 feed: 0 new articles; 1 failed:")
    });
    t.send("q");
    assert!(t.wait_exit().success());
}
