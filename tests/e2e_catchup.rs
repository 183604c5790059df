//! End to end, the daily loop: two feeds served on 127.0.0.1, the sources
//! in the sidebar with their unread counts, `N` across them, `A` with its
//! question and `Z` to undo it; and the search results as the reading
//! context (`n` opens result 2, not the list's next row). The real binary in
//! a pseudo-terminal.

mod common;
mod pty;

use common::server::{Reply, Server};
use common::{Env, fixture};
use pty::{ENTER, start};

fn feed(base: &str, name: &str, items: &[(&str, &str)]) -> String {
    let mut s = format!("<rss version=\"2.0\"><channel><title>{name}</title>");
    for (slug, title) in items {
        s.push_str(&format!(
            "<item><title>{title}</title><link>{base}/{slug}.html</link>\
             <pubDate>{}</pubDate><description>Tóm tắt: {title}.</description></item>",
            match *slug {
                "a1" | "b1" => "Mon, 30 Nov 2026 09:00:00 +0700",
                "a2" | "b2" => "Mon, 30 Nov 2026 08:00:00 +0700",
                _ => "Mon, 30 Nov 2026 07:00:00 +0700",
            }
        ));
    }
    s.push_str("</channel></rss>");
    s
}

/// The sidebar's row for a source, as shown.
fn source_row(s: &vt100::Screen, name: &str) -> String {
    s.contents()
        .lines()
        .find(|l| l.starts_with('│') && l.contains(name))
        .map(|l| l.split('│').nth(1).unwrap_or(l).trim().to_string())
        .unwrap_or_default()
}

#[test]
fn catch_up_across_two_feeds_with_next_unread_mark_all_and_undo() {
    let server = Server::start();
    let base = server.base.clone();
    let one = feed(
        &base,
        "Báo Một",
        &[
            ("a1", "Mưa lớn ở Huế"),
            ("a2", "Giá xăng giảm"),
            ("a3", "Đội tuyển thắng"),
        ],
    );
    let two = feed(
        &base,
        "Báo Hai",
        &[("b1", "Hà Nội rét đậm"), ("b2", "Cầu mới thông xe")],
    );
    server.route("/mot.xml", move |_| Reply::ok("text/xml", one.clone()));
    server.route("/hai.xml", move |_| Reply::ok("text/xml", two.clone()));
    let env = Env::new();
    env.ok(&["feed", "add", &server.url("/mot.xml")]);
    env.ok(&["feed", "add", &server.url("/hai.xml")]);

    let mut t = start(&env, 120, 30);
    t.wait_for("Sources");
    t.wait_until("both feeds with their counts", |s| {
        let c = s.contents();
        c.contains("Báo Hai") && c.contains("2/2") && c.contains("Báo Một") && c.contains("3/3")
    });
    // The sidebar lists the feeds by name: Báo Hai first. Enter filters the
    // list to it.
    t.send("h");
    t.send(ENTER);
    t.wait_for("Articles (2) · Báo Hai");
    // N opens its first unread article; the count goes down at once.
    t.send("N");
    t.wait_until("Hà Nội rét đậm open and 1/2 unread", |s| {
        s.contents().contains("Tóm tắt: Hà Nội rét đậm") && s.contents().contains("1/2")
    });
    t.send("N");
    t.wait_until("Cầu mới thông xe open and 0/2 unread", |s| {
        s.contents().contains("Tóm tắt: Cầu mới thông xe") && s.contents().contains("0/2")
    });
    // Past the end of Báo Hai: on to Báo Một, the next source with unread ones.
    t.send("N");
    t.wait_until("the next source", |s| {
        s.contents().contains("Next unread in Báo Một")
            && s.contents().contains("Articles (3) · Báo Một")
            && s.contents().contains("Tóm tắt: Mưa lớn ở Huế")
    });
    t.wait_until("2/3 unread in Báo Một", |s| {
        source_row(s, "Báo Một").ends_with("2/3")
    });
    // A asks with the count; y marks them; the count follows.
    t.send("A");
    t.wait_for("Mark 2 unread articles in Báo Một read? (y/n)");
    t.send("y");
    t.wait_until("0/3 unread", |s| {
        s.contents().contains("Marked 2 articles read") && source_row(s, "Báo Một").ends_with("0/3")
    });
    // N with nothing unread anywhere says so.
    t.send("N");
    t.wait_for("No more unread articles");
    // Z puts them back.
    t.send("Z");
    t.wait_until("2/3 again", |s| source_row(s, "Báo Một").ends_with("2/3"));
    t.send("q");
    assert!(t.wait_exit().success());

    // The store agrees: per source, unread and total.
    let sources = env.json(&["sources", "--json"]);
    let counts: Vec<(String, i64, i64)> = sources
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["name"].as_str().unwrap().to_string(),
                s["unread"].as_i64().unwrap(),
                s["total"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        counts,
        vec![("Báo Hai".to_string(), 0, 2), ("Báo Một".to_string(), 2, 3)]
    );
    // And from scripts: mark-read --all --feed.
    let feeds = env.json(&["feed", "list", "--json"]);
    let mot = feeds
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["title"] == "Báo Một")
        .unwrap()["id"]
        .to_string();
    assert_eq!(
        env.ok(&["mark-read", "--all", "--feed", &mot]).trim(),
        "Marked 2 articles read"
    );
    assert_eq!(
        env.json(&["list", "--unread", "--json"]),
        serde_json::json!([])
    );
}

#[test]
fn n_after_a_search_opens_the_second_result_not_the_next_row() {
    let env = Env::new();
    env.ok(&[
        "import",
        fixture("dan-van-2021-03-05.txt").to_str().unwrap(),
        fixture("dantri-30-head3.jsonl").to_str().unwrap(),
    ]);
    // "tinh": result 1 is the sample page, result 2 the Vinamilk article;
    // in the list, the row after the sample page is another one.
    let hits = env.json(&["search", "tinh", "--json"]);
    let second = hits[1]["title"].as_str().unwrap().to_string();
    assert!(second.starts_with("Vinamilk"), "{second}");
    let rows = env.json(&["list", "--json"]);
    assert_ne!(rows[1]["title"].as_str().unwrap(), second);

    let mut t = start(&env, 100, 30);
    t.wait_for("Articles (4)");
    t.send("/");
    t.send("tinh");
    t.wait_for("Search “tinh”");
    t.send(ENTER);
    t.wait_until("result 1 open", |s| {
        s.contents().contains("Result 1 of") && s.contents().contains("Ký kết")
    });
    t.send("n");
    t.wait_until("result 2 open", |s| {
        s.contents().contains("Result 2 of") && s.contents().contains("Vinamilk")
    });
    t.send("q");
    assert!(t.wait_exit().success());
}

/// A section feed and the site's main feed carry the same articles under
/// the same title: each lists all of them, and the sidebar tells the two
/// apart by their addresses' hosts (127.0.0.1 and localhost here).
#[test]
fn two_feeds_of_one_title_carrying_the_same_articles() {
    let server = Server::start();
    let base = server.base.clone();
    let items = [
        ("a1", "Mưa lớn ở Huế"),
        ("a2", "Giá xăng giảm"),
        ("a3", "Đội tuyển thắng"),
    ];
    let body = feed(&base, "Báo Một", &items);
    server.route("/mot.xml", move |_| Reply::ok("text/xml", body.clone()));
    let env = Env::new();
    env.ok(&["feed", "add", &server.url("/mot.xml")]);
    let other = server.url("/mot.xml").replace("127.0.0.1", "localhost");
    env.ok(&["feed", "add", &other]);

    let mut t = start(&env, 180, 30);
    t.wait_until("both feeds, each with the three articles", |s| {
        source_row(s, "Báo Một 127.0.0.1").ends_with("3/3")
            && source_row(s, "Báo Một localhost").ends_with("3/3")
    });
    // The second one's list holds them; N, then the count of both follows.
    t.send("h");
    t.send("j");
    t.send(ENTER);
    t.wait_for("Articles (3) · Báo Một (localhost)");
    t.send("N");
    t.wait_until("one read in both", |s| {
        source_row(s, "Báo Một 127.0.0.1").ends_with("2/3")
            && source_row(s, "Báo Một localhost").ends_with("2/3")
    });
    t.send("q");
    assert!(t.wait_exit().success());
    let list = env.json(&["list", "--feed", "2", "--json"]);
    assert_eq!(list.as_array().unwrap().len(), 3, "{list}");
    assert_eq!(env.json(&["list", "--json"]).as_array().unwrap().len(), 3);
}
