//! `docbao import-newsboat` on caches newsboat itself made: the fixture in
//! `tests/fixtures/newsboat/` (made by newsboat 2.21 with `-x reload`, then
//! items marked read, flagged and deleted with the sqlite3 CLI as newsboat
//! stores them), and, when newsboat is installed, a fresh cache it builds
//! from feeds this test serves on 127.0.0.1.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::server::{Reply, Server};
use common::{Env, fixture, stderr};
use unicode_normalization::UnicodeNormalization;

fn newsboat_fixture(env: &Env) -> (PathBuf, PathBuf) {
    let urls = env.path("urls");
    let cache = env.path("cache.db");
    std::fs::copy(fixture("newsboat/urls"), &urls).unwrap();
    std::fs::copy(fixture("newsboat/cache.db"), &cache).unwrap();
    (urls, cache)
}

fn import(env: &Env, urls: &Path, cache: &Path) -> std::process::Output {
    env.run(&[
        "import-newsboat",
        "--urls",
        urls.to_str().unwrap(),
        "--cache",
        cache.to_str().unwrap(),
    ])
}

fn by_title(list: &serde_json::Value, title: &str) -> serde_json::Value {
    list.as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"] == title)
        .unwrap_or_else(|| panic!("no article \"{title}\" in {list}"))
        .clone()
}

#[test]
fn the_fixture_cache_brings_feeds_items_read_state_and_stars() {
    let env = Env::new();
    let (urls, cache) = newsboat_fixture(&env);
    let out = import(&env, &urls, &cache);
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("newsboat: 2 feeds (2 new), 5 items (5 new), 2 read, 2 bookmarked"),
        "{err}"
    );
    assert!(err.contains("skipped the query feed \"Chưa đọc\""), "{err}");

    // The deleted item is not brought; the others are, with their state.
    let list = env.json(&["list", "--json"]);
    assert_eq!(list.as_array().unwrap().len(), 5, "{list}");
    assert!(!list.to_string().contains("học sinh giỏi"));
    let dan_van = by_title(
        &list,
        "Hội nghị ký kết chương trình phối hợp về công tác dân vận",
    );
    assert_eq!(
        (&dan_van["read"], &dan_van["bookmarked"]),
        (&true.into(), &false.into())
    );
    let ap_thap = by_title(&list, "Xuất hiện một vùng áp thấp sắp vào Biển Đông");
    assert_eq!(
        (&ap_thap["read"], &ap_thap["bookmarked"]),
        (&false.into(), &true.into())
    );
    let hoa_thach = by_title(&list, "Bí ẩn hóa thạch lông vũ");
    assert_eq!(
        (&hoa_thach["read"], &hoa_thach["bookmarked"]),
        (&true.into(), &true.into())
    );
    // newsboat keeps the feed's NFD title as it is; docbao stores it NFC.
    let nfc = "Mùa lúa chín trên cánh đồng quê".nfc().collect::<String>();
    let lua = by_title(&list, &nfc);
    assert_eq!(lua["read"], false);

    // The HTML content became paragraphs; the feed's tags are keywords.
    let shown = env.json(&["show", &dan_van["id"].to_string(), "--json"]);
    let paragraphs: Vec<&str> = shown["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["text"].as_str().unwrap())
        .collect();
    assert_eq!(
        paragraphs[1..],
        [
            "Hội nghị đánh giá kết quả năm 2020 & đề ra nhiệm vụ năm 2021.",
            "Các đại biểu thống nhất kế hoạch.",
            "Tuyên truyền",
            "Vận động"
        ]
    );
    assert_eq!(shown["author"], "Cao Biền");
    assert_eq!(shown["published"], "2021-03-05T08:00:00+07:00");
    let keywords: Vec<&str> = shown["keywords"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["name"].as_str().unwrap())
        .collect();
    assert_eq!(keywords, ["tin tức", "Thái Bình"]);

    // The subscriptions, with the "~title" of the urls file, else the feed's.
    let feeds = env.json(&["feed", "list", "--json"]);
    let feeds = feeds.as_array().unwrap();
    assert_eq!(feeds.len(), 2);
    assert_eq!(feeds[0]["url"], "http://127.0.0.1:8765/tin-tuc.xml");
    assert_eq!(feeds[0]["title"], "Tin Thái Bình");
    assert_eq!(feeds[0]["items"], 3);
    assert_eq!(feeds[1]["title"], "Khoa học & Công nghệ");

    // Again: nothing twice.
    let out = import(&env, &urls, &cache);
    assert!(out.status.success());
    assert!(
        stderr(&out).contains("2 feeds (0 new), 5 items (0 new)"),
        "{}",
        stderr(&out)
    );
    assert_eq!(env.json(&["list", "--json"]).as_array().unwrap().len(), 5);
}

/// A `filter:SCRIPT:URL` line: the feed is subscribed, and its filter
/// (which docbao does not run) is named on stderr, with the line, not
/// dropped silently.
#[test]
fn a_filter_line_is_subscribed_and_its_filter_named() {
    let env = Env::new();
    let (urls, cache) = newsboat_fixture(&env);
    let mut text = std::fs::read_to_string(&urls).unwrap();
    text.push_str("filter:~/bin/bo-quang-cao.sh:https://tin.vn/the-thao.rss \"~Thể thao\"\n");
    std::fs::write(&urls, text).unwrap();
    // newsboat's config beside it: its filters are named too, its
    // settings are newsboat's own.
    let config = env.write(
        "config",
        "auto-reload yes\nignore-article \"*\" \"title =~ \\\"Quảng cáo\\\"\"\n\
         define-filter \"Chưa đọc\" \"unread = \\\"yes\\\"\"\n"
            .as_bytes(),
    );
    let out = import(&env, &urls, &cache);
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains(&format!(
            "docbao: \"{}\" line 5: skipped the filter \"~/bin/bo-quang-cao.sh\" of https://tin.vn/the-thao.rss",
            urls.display()
        )),
        "{err}"
    );
    for (line, what) in [(2, "ignore-article"), (3, "define-filter")] {
        assert!(
            err.contains(&format!(
                "docbao: \"{}\" line {line}: skipped {what} (",
                config.display()
            )),
            "{err}"
        );
    }
    assert!(!err.contains("auto-reload"), "{err}");
    assert!(err.contains("newsboat: 3 feeds (3 new)"), "{err}");
    let feeds = env.json(&["feed", "list", "--json"]);
    assert_eq!(feeds[2]["url"], "https://tin.vn/the-thao.rss");
    assert_eq!(feeds[2]["title"], "Thể thao");
}

#[test]
fn reading_on_in_newsboat_then_importing_again_brings_the_new_marks() {
    let env = Env::new();
    let (urls, cache) = newsboat_fixture(&env);
    assert!(import(&env, &urls, &cache).status.success());
    {
        let c = rusqlite::Connection::open(&cache).unwrap();
        c.execute(
            "UPDATE rss_item SET unread = 0, flags = 'f' WHERE guid = 'urn:docbao:test:bao-den'",
            [],
        )
        .unwrap();
    }
    let out = import(&env, &urls, &cache);
    assert!(out.status.success(), "{}", stderr(&out));
    let list = env.json(&["list", "--json"]);
    let bao_den = by_title(&list, "Báo đen cực hiếm xuất hiện");
    assert_eq!(
        (&bao_den["read"], &bao_den["bookmarked"]),
        (&true.into(), &true.into())
    );
    assert_eq!(list.as_array().unwrap().len(), 5);
}

#[test]
fn bad_caches_are_refused_by_name() {
    let env = Env::new();
    let (urls, cache) = newsboat_fixture(&env);
    let urls_s = urls.to_str().unwrap();
    let fail = |cache: &Path, urls: &str| {
        let out = env.run(&[
            "import-newsboat",
            "--urls",
            urls,
            "--cache",
            cache.to_str().unwrap(),
        ]);
        assert!(!out.status.success());
        stderr(&out)
    };
    let missing = env.path("nowhere.db");
    let err = fail(&missing, urls_s);
    assert!(err.contains("nowhere.db\" does not exist"), "{err}");
    let text = env.write("notes.db", b"not a database at all, just some text\n");
    let err = fail(&text, urls_s);
    assert!(err.contains("notes.db\" is not newsboat's cache"), "{err}");
    // docbao's own store is SQLite, but not newsboat's (the failed imports
    // above left none: the reader, not on a terminal, makes an empty one).
    assert!(!env.db().exists());
    assert!(env.run(&["--no-demo"]).status.success());
    let err = fail(&env.db(), urls_s);
    assert!(
        err.contains("is not newsboat's cache: it has no rss_item table"),
        "{err}"
    );
    let err = fail(&cache, env.path("no-urls").to_str().unwrap());
    assert!(err.contains("no-urls\""), "{err}");

    // newsboat running: its lock file names a live process (this one).
    let lock = env.write("cache.db.lock", std::process::id().to_string().as_bytes());
    let err = fail(&cache, urls_s);
    assert!(
        err.contains("newsboat is running") && err.contains("cache.db.lock"),
        "{err}"
    );
    // A stale lock (no such process) does not stop the import.
    std::fs::write(&lock, b"4194304").unwrap();
    // Another program holding SQLite's lock on the cache.
    let holder = rusqlite::Connection::open(&cache).unwrap();
    holder.execute_batch("BEGIN EXCLUSIVE").unwrap();
    let err = fail(&cache, urls_s);
    assert!(err.contains("cache.db\" is locked"), "{err}");
    holder.execute_batch("ROLLBACK").unwrap();
    assert!(import(&env, &urls, &cache).status.success());
}

#[test]
fn the_default_places_are_newsboats() {
    let env = Env::new();
    let home = env.path("home");
    let run = |home: &Path| {
        env.cmd()
            .arg("import-newsboat")
            .env("HOME", home)
            .env_remove("XDG_CONFIG_HOME")
            .env_remove("XDG_DATA_HOME")
            .output()
            .unwrap()
    };
    std::fs::create_dir_all(&home).unwrap();
    let out = run(&home);
    let err = stderr(&out);
    assert!(!out.status.success());
    assert!(
        err.contains(".config/newsboat/urls") && err.contains(".newsboat/urls"),
        "{err}"
    );
    // ~/.newsboat/ when the XDG folders hold nothing.
    let dot = home.join(".newsboat");
    std::fs::create_dir_all(&dot).unwrap();
    std::fs::copy(fixture("newsboat/urls"), dot.join("urls")).unwrap();
    std::fs::copy(fixture("newsboat/cache.db"), dot.join("cache.db")).unwrap();
    let out = run(&home);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("5 items (5 new)"));
}

/// newsboat on this machine, if it is installed.
fn newsboat() -> Option<PathBuf> {
    let out = Command::new("newsboat").arg("--version").output().ok()?;
    out.status.success().then(|| PathBuf::from("newsboat"))
}

#[test]
fn a_cache_newsboat_builds_now_imports_whole() {
    let Some(newsboat) = newsboat() else {
        eprintln!("newsboat is not installed: only the fixture cache is tested");
        return;
    };
    let server = Server::start();
    for (path, file, kind) in [
        ("/tin-tuc.xml", "tin-tuc.xml", "application/rss+xml"),
        ("/khoa-hoc.atom", "khoa-hoc.atom", "application/atom+xml"),
    ] {
        let body = std::fs::read(fixture(&format!("newsboat/feeds/{file}"))).unwrap();
        server.route(path, move |_| Reply::ok(kind, body.clone()));
    }
    let env = Env::new();
    let home = env.path("home");
    std::fs::create_dir_all(&home).unwrap();
    let urls = env.write(
        "urls",
        format!(
            "{} \"tin tức\" \"~Tin Thái Bình\"\n{} khoa-hoc\n\"query:Chưa đọc:unread = \\\"yes\\\"\"\n",
            server.url("/tin-tuc.xml"),
            server.url("/khoa-hoc.atom")
        )
        .as_bytes(),
    );
    let config = env.write("config", b"");
    let cache = env.path("cache.db");
    let out = Command::new(newsboat)
        .env("HOME", &home)
        .args(["-x", "reload", "-u"])
        .arg(&urls)
        .arg("-c")
        .arg(&cache)
        .arg("-C")
        .arg(&config)
        .output()
        .unwrap();
    assert!(out.status.success(), "newsboat: {}", stderr(&out));
    assert_eq!(server.hits("/tin-tuc.xml"), 1);
    let out = import(&env, &urls, &cache);
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("2 feeds (2 new), 6 items (6 new), 0 read, 0 bookmarked"),
        "{err}"
    );
    let list = env.json(&["list", "--unread", "--json"]);
    assert_eq!(list.as_array().unwrap().len(), 6);
    // A later `docbao update` of the same feeds knows every item already.
    let out = env.run(&["update"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(env.json(&["list", "--json"]).as_array().unwrap().len(), 6);
}

#[test]
fn a_cache_newsboat_is_using_is_refused() {
    let Some(newsboat) = newsboat() else {
        eprintln!("newsboat is not installed: the lock file is tested with the fixture only");
        return;
    };
    // A feed that answers only when the test lets it: newsboat holds its
    // lock while it waits.
    let server = Server::start();
    let body = std::fs::read(fixture("newsboat/feeds/tin-tuc.xml")).unwrap();
    let gate = std::sync::Arc::new((std::sync::Mutex::new(false), std::sync::Condvar::new()));
    let held = gate.clone();
    server.route("/slow.xml", move |_| {
        let (open, turn) = &*held;
        let mut open = open.lock().unwrap();
        while !*open {
            open = turn.wait(open).unwrap();
        }
        Reply::ok("application/rss+xml", body.clone())
    });
    let env = Env::new();
    let home = env.path("home");
    std::fs::create_dir_all(&home).unwrap();
    let urls = env.write("urls", format!("{}\n", server.url("/slow.xml")).as_bytes());
    let config = env.write("config", b"");
    let cache = env.path("cache.db");
    let mut running = Command::new(newsboat)
        .env("HOME", &home)
        .args(["-x", "reload", "-u"])
        .arg(&urls)
        .arg("-c")
        .arg(&cache)
        .arg("-C")
        .arg(&config)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let lock = env.path("cache.db.lock");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while !(lock.exists() && cache.exists() && server.hits("/slow.xml") == 1) {
        assert!(
            std::time::Instant::now() < deadline,
            "newsboat never took its lock"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let out = import(&env, &urls, &cache);
    let err = stderr(&out);
    assert!(!out.status.success());
    assert!(
        err.contains("newsboat is running") && err.contains("cache.db.lock"),
        "{err}"
    );
    *gate.0.lock().unwrap() = true;
    gate.1.notify_all();
    assert!(running.wait().unwrap().success());
    let out = import(&env, &urls, &cache);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("4 items (4 new)"), "{}", stderr(&out));
}

/// The fixture's urls file and cache with their feeds' address moved to
/// `base` (a server of this test), as newsboat would have them.
fn fixture_at(env: &Env, base: &str) -> (PathBuf, PathBuf) {
    let (urls, cache) = newsboat_fixture(env);
    let old = "http://127.0.0.1:8765";
    let text = std::fs::read_to_string(&urls).unwrap().replace(old, base);
    std::fs::write(&urls, text).unwrap();
    let c = rusqlite::Connection::open(&cache).unwrap();
    for sql in [
        "UPDATE rss_feed SET rssurl = replace(rssurl, ?1, ?2)",
        "UPDATE rss_item SET feedurl = replace(feedurl, ?1, ?2)",
    ] {
        c.execute(sql, [old, base]).unwrap();
    }
    (urls, cache)
}

#[test]
fn an_item_deleted_in_newsboat_stays_away_after_an_update() {
    // newsboat keeps a deleted item's row so that a reload does not bring
    // it back; the first `docbao update` after the import stored it anew.
    let env = Env::new();
    let server = Server::start();
    for (path, file, kind) in [
        (
            "/tin-tuc.xml",
            "newsboat/feeds/tin-tuc.xml",
            "application/rss+xml",
        ),
        (
            "/khoa-hoc.atom",
            "newsboat/feeds/khoa-hoc.atom",
            "application/atom+xml",
        ),
    ] {
        let body = std::fs::read(fixture(file)).unwrap();
        server.route(path, move |_| Reply::ok(kind, body.clone()));
    }
    let (urls, cache) = fixture_at(&env, &server.url(""));
    let out = import(&env, &urls, &cache);
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("2 bookmarked, 1 deleted in newsboat left out"),
        "{err}"
    );
    let out = env.run(&["update"]);
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(err.contains(": 0 new,"), "{err}");
    // What newsboat stored is not taken as changed by the feed: no item
    // rewritten (its date and title as newsboat had them), none counted
    // as updated.
    assert!(err.contains(" 0 updated"), "{err}");
    let list = env.json(&["list", "--json"]);
    assert_eq!(list.as_array().unwrap().len(), 5, "{list}");
    assert!(!list.to_string().contains("học sinh giỏi"), "{list}");
    // Again: nothing counted twice.
    let err = stderr(&import(&env, &urls, &cache));
    assert!(!err.contains("deleted in newsboat"), "{err}");
}

#[test]
fn a_file_feed_an_item_of_text_alone_and_a_title_with_angle_brackets_come_over() {
    // A `file://` feed was skipped, an item with text but no title, link or
    // guid refused as having "no title, text or link", and "<tăng>" taken
    // for an HTML tag and dropped from a title newsboat keeps as text.
    let env = Env::new();
    let (urls, cache) = newsboat_fixture(&env);
    let feed = env.write(
        "mo-ta.xml",
        b"<rss version=\"2.0\"><channel><title>M</title></channel></rss>",
    );
    let feed_url = format!("file://{}", feed.display());
    let mut text = std::fs::read_to_string(&urls).unwrap();
    text.push_str(&format!("{feed_url} \"~Mô tả\"\n"));
    std::fs::write(&urls, text).unwrap();
    {
        let c = rusqlite::Connection::open(&cache).unwrap();
        c.execute(
            "INSERT INTO rss_feed (rssurl, url, title) VALUES (?1, '', 'Mô tả')",
            [&feed_url],
        )
        .unwrap();
        for (guid, title, url, content) in [
            ("", "", "", "Tin chỉ có mô tả, không tiêu đề không link."),
            (
                "g-2",
                "Giá vàng <tăng> mạnh",
                "http://d.example.vn/2",
                "Hai.",
            ),
        ] {
            c.execute(
                "INSERT INTO rss_item (guid, title, author, url, feedurl, pubDate, content, unread)
                 VALUES (?1, ?2, '', ?3, ?4, 0, ?5, 1)",
                [guid, title, url, &feed_url, content],
            )
            .unwrap();
        }
    }
    let out = import(&env, &urls, &cache);
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(!err.contains("file://"), "not skipped: {err}");
    assert!(
        err.contains("newsboat: 3 feeds (3 new), 7 items (7 new)"),
        "{err}"
    );
    let list = env.json(&["list", "--json"]);
    by_title(&list, "Giá vàng <tăng> mạnh");
    by_title(&list, "Tin chỉ có mô tả, không tiêu đề không link.");
    let feeds = env.json(&["feed", "list", "--json"]);
    assert_eq!(feeds[2]["url"], feed_url.as_str());
    assert_eq!(feeds[2]["items"], 2);
    // Again: nothing twice.
    let err = stderr(&import(&env, &urls, &cache));
    assert!(err.contains("7 items (0 new)"), "{err}");
}

/// The fixture's feeds served by a server of this test, the "áp thấp"
/// item's summary corrected once `corrected` is set; the urls file and
/// cache moved to it.
fn served(
    env: &Env,
    corrected: &std::sync::Arc<std::sync::atomic::AtomicBool>,
) -> (Server, PathBuf, PathBuf) {
    let server = Server::start();
    let rss = std::fs::read_to_string(fixture("newsboat/feeds/tin-tuc.xml")).unwrap();
    let fix = corrected.clone();
    let tin_tuc = move |_: &_| {
        let body = match fix.load(std::sync::atomic::Ordering::SeqCst) {
            true => rss.replace("vùng áp thấp đang hoạt động", "vùng áp thấp đang mạnh lên"),
            false => rss.clone(),
        };
        Reply::ok("application/rss+xml", body)
    };
    server.route("/tin-tuc.xml", tin_tuc);
    let atom = std::fs::read(fixture("newsboat/feeds/khoa-hoc.atom")).unwrap();
    server.route("/khoa-hoc.atom", move |_| {
        Reply::ok("application/atom+xml", atom.clone())
    });
    let (urls, cache) = fixture_at(env, &server.url(""));
    (server, urls, cache)
}

fn keywords(env: &Env, id: &str) -> Vec<(String, String)> {
    env.json(&["show", id, "--json"])["keywords"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| {
            let s = |f: &str| k[f].as_str().unwrap().to_string();
            (s("name"), s("source"))
        })
        .collect()
}

/// newsboat's tags of a feed are the user's, not the page's: shown on
/// every article of the feed, however many (on all of a feed's articles,
/// they were taken for its site's boilerplate and hidden: `"keywords": []`),
/// kept when the feed corrects an item and it is stored again (they went
/// with the page's keywords, 24 articles to 23), and carried by an export.
#[test]
fn newsboat_tags_are_shown_kept_by_an_update_and_exported() {
    let env = Env::new();
    let corrected = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let (server, urls, cache) = served(&env, &corrected);
    // Nine older items of the feed in the cache, as newsboat keeps them
    // (gone from the feed itself): twelve articles, past the ten a source
    // needs for a tag on more than half of them to be its boilerplate.
    {
        let c = rusqlite::Connection::open(&cache).unwrap();
        for i in 1..=9 {
            c.execute(
                "INSERT INTO rss_item (guid, title, author, url, feedurl, pubDate, content, unread)
                 VALUES (?1, ?2, '', ?1, ?3, ?4, ?5, 1)",
                rusqlite::params![
                    format!("https://tin.example.vn/cu-{i}.html"),
                    format!("Tin cũ số {i} của tỉnh"),
                    server.url("/tin-tuc.xml"),
                    1_600_000_000 + i,
                    format!("<p>Nội dung tin cũ số {i}.</p>")
                ],
            )
            .unwrap();
        }
    }
    let out = import(&env, &urls, &cache);
    assert!(out.status.success(), "{}", stderr(&out));
    let list = env.json(&["list", "--json"]);
    let id = by_title(&list, "Xuất hiện một vùng áp thấp sắp vào Biển Đông")["id"].to_string();
    let tags = vec![
        ("tin tức".to_string(), "tag".to_string()),
        ("Thái Bình".to_string(), "tag".to_string()),
    ];
    assert_eq!(keywords(&env, &id), tags);
    let count = |env: &Env| {
        let all = env.json(&["keywords", "--json"]);
        let k = all
            .as_array()
            .unwrap()
            .iter()
            .find(|k| k["name"] == "tin tức")
            .cloned();
        k.map_or(0, |k| k["count"].as_i64().unwrap())
    };
    assert_eq!(count(&env), 12);

    // The first update notes what the feed says; the second stores the
    // corrected item again: its tags stay.
    let err = stderr(&env.run(&["update"]));
    assert!(err.contains(" 0 updated"), "{err}");
    corrected.store(true, std::sync::atomic::Ordering::SeqCst);
    let err = stderr(&env.run(&["update"]));
    assert!(err.contains(" 1 updated"), "{err}");
    let shown = env.json(&["show", &id, "--json"]);
    assert!(shown.to_string().contains("đang mạnh lên"), "{shown}");
    assert_eq!(keywords(&env, &id), tags);
    assert_eq!(count(&env), 12);
    assert_eq!(env.titles(&["--keyword", "Thái Bình"]).len(), 12);
    // Searched too: the index took the kept tags with the new text.
    let found = env.json(&["search", "Thái Bình", "--json"]);
    assert!(found.to_string().contains("áp thấp"), "{found}");

    // An export carries them as tags, and the store it goes into shows them.
    let dump = env.ok(&["export"]);
    let env2 = Env::new();
    let file = env2.write("dump.jsonl", dump.as_bytes());
    env2.ok(&["import", file.to_str().unwrap()]);
    let list = env2.json(&["list", "--json"]);
    let id2 = by_title(&list, "Xuất hiện một vùng áp thấp sắp vào Biển Đông")["id"].to_string();
    assert_eq!(keywords(&env2, &id2), tags);
    assert_eq!(count(&env2), 12);
}

/// A `filter:SCRIPT:URL` line beside the plain line of a feed carrying the
/// same items: newsboat 2.21 keeps each item once, under the feed that
/// brought it first (here the filter's, as newsboat stored them when this
/// was reported), and the plain feed has none in its cache. The first
/// `docbao update` took the plain feed's items for new ones found stored:
/// it rewrote every article newsboat had stored ("4 updated") and brought
/// back the item deleted in newsboat.
#[test]
fn a_feed_carrying_another_subscriptions_items_rewrites_nothing_and_brings_nothing_back() {
    let env = Env::new();
    let corrected = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let (server, urls, cache) = served(&env, &corrected);
    let rss = std::fs::read(fixture("newsboat/feeds/tin-tuc.xml")).unwrap();
    server.route("/loc/tin-tuc.xml", move |_| {
        Reply::ok("application/rss+xml", rss.clone())
    });
    let plain = server.url("/tin-tuc.xml");
    let filtered = format!("filter:/bin/cat:{}", server.url("/loc/tin-tuc.xml"));
    let mut text = std::fs::read_to_string(&urls).unwrap();
    text.push_str(&format!("\"{filtered}\"\n"));
    std::fs::write(&urls, text).unwrap();
    {
        let c = rusqlite::Connection::open(&cache).unwrap();
        c.execute(
            "INSERT INTO rss_feed (rssurl, url, title) VALUES (?1, '', 'Tin tức Thái Bình')",
            [&filtered],
        )
        .unwrap();
        c.execute(
            "UPDATE rss_item SET feedurl = ?1 WHERE feedurl = ?2",
            [&filtered, &plain],
        )
        .unwrap();
    }
    let out = import(&env, &urls, &cache);
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("1 deleted in newsboat left out"), "{err}");
    let before = env.ok(&["export"]);

    let out = env.run(&["update"]);
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains(": 0 new,") && err.contains(" 0 updated"),
        "{err}"
    );
    let list = env.json(&["list", "--json"]);
    assert_eq!(list.as_array().unwrap().len(), 5, "{list}");
    assert!(!list.to_string().contains("học sinh giỏi"), "{list}");
    // What newsboat stored is as it was (text, dates, marks)…
    assert_eq!(env.ok(&["export"]).lines().count(), before.lines().count());
    for (a, b) in env.ok(&["export"]).lines().zip(before.lines()) {
        let (mut a, mut b): (serde_json::Value, serde_json::Value) = (
            serde_json::from_str(a).unwrap(),
            serde_json::from_str(b).unwrap(),
        );
        // …but now listed under both feeds that carry it.
        a.as_object_mut().unwrap().remove("feeds");
        b.as_object_mut().unwrap().remove("feeds");
        assert_eq!(a, b);
    }
    let feeds = env.json(&["feed", "list", "--json"]);
    let items: Vec<i64> = (feeds.as_array().unwrap().iter())
        .map(|f| f["items"].as_i64().unwrap())
        .collect();
    assert_eq!(items, [3, 2, 3], "{feeds}");
}
