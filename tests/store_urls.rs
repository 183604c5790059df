//! One story, one article: addresses that differ only by tracking
//! parameters (`utm_*`, `fbclid`, Zalo's `zarsrc`) or by a place in the page
//! (`#comments`), or by their spelling before the query (`HTTPS://X.VN:443/`)
//! name the same article, whether it comes from an import, two feeds or a
//! related link; an older store's addresses are made so by its upgrades
//! (migrations 018 and 026).

use docbao::ingest::jsonl::parse_jsonl;
use docbao::model::{FeedItem, ImportOutcome, NewArticle, NewRelated, Source};
use docbao::store::{Access, CURRENT_VERSION, Store};
use rusqlite::Connection;

const DANTRI: &str = include_str!("fixtures/dantri-30-head3.jsonl");

fn articles() -> Vec<NewArticle> {
    parse_jsonl(DANTRI)
        .into_iter()
        .map(|r| r.unwrap())
        .collect()
}

fn with_url(a: &NewArticle, url: &str) -> NewArticle {
    NewArticle {
        url: Some(url.to_string()),
        ..a.clone()
    }
}

/// A store file holding the three articles and a copy of the third under
/// another address, for the upgrade tests; the articles and addresses.
fn store_to_upgrade() -> (tempfile::TempDir, Vec<NewArticle>, Vec<String>) {
    let dir = tempfile::tempdir().unwrap();
    let all = articles();
    let urls: Vec<String> = all.iter().map(|a| a.url.clone().unwrap()).collect();
    let (mut s, _) = Store::open_with(&dir.path().join("old.db"), Access::Write).unwrap();
    for a in &all {
        s.import(a).unwrap();
    }
    let copy = NewArticle {
        title: "Bản sao".into(),
        ..with_url(&all[2], "https://dantri.com.vn/ban-sao.htm")
    };
    s.import(&copy).unwrap();
    (dir, all, urls)
}

/// An upgraded store's address of the article titled `title`.
fn url_of(conn: &Connection, title: &str) -> String {
    conn.query_row("SELECT url FROM articles WHERE title = ?1", [title], |r| {
        r.get(0)
    })
    .unwrap()
}

/// The related link the upgrade tests put at place 9 has `url` and leads
/// to the article stored under it.
fn related_leads_to(conn: &Connection, url: &str) {
    let (at, target): (String, Option<i64>) = conn
        .query_row(
            "SELECT url, target_id FROM related WHERE pos = 9",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(at, url);
    let id: i64 = conn
        .query_row("SELECT id FROM articles WHERE url = ?1", [url], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(target, Some(id));
}

#[test]
fn an_address_with_tracking_or_a_fragment_finds_the_stored_article() {
    let mut s = Store::open_in_memory().unwrap();
    let a = &articles()[0];
    let plain = a.url.clone().unwrap();
    let first = s
        .import(&with_url(
            a,
            &format!("{plain}?utm_source=rss&utm_medium=feed"),
        ))
        .unwrap();
    let ImportOutcome::Added(id) = first else {
        panic!("{first:?}")
    };
    // Stored without the tracking: `o` opens, `y` copies, export writes it.
    assert_eq!(s.article(id).unwrap().url.as_deref(), Some(plain.as_str()));
    for again in [
        plain.clone(),
        format!("{plain}?fbclid=IwAR0abc"),
        format!("{plain}#comments"),
        format!("{plain}?zarsrc=30&utm_source=zalo&utm_medium=zalo"),
    ] {
        let out = s.import(&with_url(a, &again)).unwrap();
        assert_eq!(out, ImportOutcome::Unchanged(id), "{again}");
    }
    // A parameter that picks the page is part of the address.
    let other = s.import(&with_url(a, &format!("{plain}?page=2"))).unwrap();
    assert!(
        matches!(other, ImportOutcome::Added(n) if n != id),
        "{other:?}"
    );
}

#[test]
fn two_feeds_with_their_own_tracking_share_one_article() {
    let mut s = Store::open_in_memory().unwrap();
    let a = &articles()[1];
    let plain = a.url.clone().unwrap();
    let mut per_feed = Vec::new();
    for (feed_url, tag) in [
        ("https://dantri.com.vn/rss/home.rss", "home"),
        ("https://dantri.com.vn/rss/xa-hoi.rss", "xa-hoi"),
    ] {
        let feed = s.add_feed(feed_url, Some(tag), false).unwrap();
        let link = format!("{plain}?utm_source=rss&utm_campaign={tag}");
        let item = FeedItem {
            key: link.clone(),
            guid: None,
            article: with_url(a, &link),
        };
        let out = s.store_feed_items(feed, &[item]).unwrap();
        per_feed.push((feed, out.new_articles.len(), out.known));
    }
    assert_eq!(per_feed[0].1, 1, "the first feed adds it");
    assert_eq!(
        (per_feed[1].1, per_feed[1].2),
        (0, 1),
        "the second links it"
    );
    let unread: Vec<(Source, i64, i64)> = s
        .sources()
        .unwrap()
        .into_iter()
        .map(|c| (c.source, c.unread, c.total))
        .collect();
    for (feed, ..) in &per_feed {
        assert!(unread.contains(&(Source::Feed(*feed), 1, 1)), "{unread:?}");
    }
}

#[test]
fn a_related_link_with_tracking_leads_to_the_stored_article() {
    let mut s = Store::open_in_memory().unwrap();
    let all = articles();
    let target = s.import(&all[0]).unwrap().id();
    let plain = all[0].url.clone().unwrap();
    let mut pointing = all[1].clone();
    pointing.related = vec![NewRelated {
        title: "Bài liên quan".into(),
        url: Some(format!("{plain}?utm_source=related#top")),
        excerpt: None,
    }];
    let from = s.import(&pointing).unwrap().id();
    let related = s.article(from).unwrap().related;
    assert_eq!(related[0].article_id, Some(target), "{related:?}");
    assert_eq!(related[0].url.as_deref(), Some(plain.as_str()));
    // And the other way round: the link stored first, its article after.
    let mut s = Store::open_in_memory().unwrap();
    let from = s.import(&pointing).unwrap().id();
    let target = s
        .import(&with_url(&all[0], &format!("{plain}#comments")))
        .unwrap()
        .id();
    assert_eq!(s.article(from).unwrap().related[0].article_id, Some(target));
}

/// `http://` and `https://` of the same address: the same story (a site that
/// moved to https, an old link and a new one).
fn other_scheme(url: &str) -> String {
    match url.strip_prefix("https://") {
        Some(rest) => format!("http://{rest}"),
        None => url.replacen("http://", "https://", 1),
    }
}

#[test]
fn an_address_under_the_other_scheme_is_the_same_article() {
    let mut s = Store::open_in_memory().unwrap();
    let a = &articles()[0];
    let https = a.url.clone().unwrap();
    let http = other_scheme(&https);
    let id = s.import(&with_url(a, &http)).unwrap().id();
    s.set_read(id, true).unwrap();
    s.set_bookmarked(id, true).unwrap();
    // The same story under https: that article, its address now https.
    let out = s.import(&with_url(a, &https)).unwrap();
    assert_eq!(out.id(), id, "{out:?}");
    assert!(!matches!(out, ImportOutcome::Added(_)), "{out:?}");
    let stored = s.article(id).unwrap();
    assert_eq!(stored.url.as_deref(), Some(https.as_str()));
    assert!(stored.read && stored.bookmarked, "marks kept");
    // The old http link again: still that article, still shown as https.
    let out = s.import(&with_url(a, &http)).unwrap();
    assert_eq!(out, ImportOutcome::Unchanged(id));
    assert_eq!(s.article(id).unwrap().url.as_deref(), Some(https.as_str()));
    // Changed content under the other scheme updates it.
    let changed = NewArticle {
        lead: Some("Tin cập nhật.".into()),
        ..with_url(a, &http)
    };
    assert_eq!(s.import(&changed).unwrap(), ImportOutcome::Updated(id));
    assert_eq!(s.article(id).unwrap().url.as_deref(), Some(https.as_str()));
    assert_eq!(s.count(&Default::default()).unwrap(), 1);
}

#[test]
fn feed_items_and_related_links_match_under_the_other_scheme() {
    let mut s = Store::open_in_memory().unwrap();
    let all = articles();
    let https = all[1].url.clone().unwrap();
    let http = other_scheme(&https);
    let mut feeds = Vec::new();
    for (feed_url, link) in [
        ("http://dantri.com.vn/rss/home.rss", &http),
        ("https://dantri.com.vn/rss/xa-hoi.rss", &https),
    ] {
        let feed = s.add_feed(feed_url, None, false).unwrap();
        let item = FeedItem {
            key: link.clone(),
            guid: None,
            article: with_url(&all[1], link),
        };
        let out = s.store_feed_items(feed, &[item]).unwrap();
        feeds.push((feed, out.new_articles.len()));
    }
    assert_eq!((feeds[0].1, feeds[1].1), (1, 0), "one article");
    let counts: Vec<(Source, i64)> = s
        .sources()
        .unwrap()
        .into_iter()
        .map(|c| (c.source, c.total))
        .collect();
    for (feed, _) in &feeds {
        assert!(counts.contains(&(Source::Feed(*feed), 1)), "{counts:?}");
    }
    // A related link under the other scheme leads to it, either order.
    let target = s.import(&all[0]).unwrap().id();
    let mut pointing = all[2].clone();
    pointing.related = vec![NewRelated {
        title: "Bài liên quan".into(),
        url: Some(other_scheme(all[0].url.as_deref().unwrap())),
        excerpt: None,
    }];
    let from = s.import(&pointing).unwrap().id();
    assert_eq!(s.article(from).unwrap().related[0].article_id, Some(target));
    let mut s = Store::open_in_memory().unwrap();
    let from = s.import(&pointing).unwrap().id();
    let target = s.import(&all[0]).unwrap().id();
    assert_eq!(s.article(from).unwrap().related[0].article_id, Some(target));
}

#[test]
fn an_older_store_has_its_addresses_made_canonical_by_its_upgrade() {
    assert_eq!(
        CURRENT_VERSION, 30,
        "migrations 018 to 030 are the ones run here"
    );
    let (dir, all, urls) = store_to_upgrade();
    let db = dir.path().join("old.db");
    // As docbao 17 stored them: the addresses as the feeds gave them, a
    // duplicate under a second tagged address, a related link with tracking.
    let conn = Connection::open(&db).unwrap();
    conn.execute_batch(&format!(
        "UPDATE articles SET url = url || '?utm_source=rss' WHERE url = '{0}';
         UPDATE articles SET url = url || '#binh-luan' WHERE url = '{1}';
         UPDATE articles SET url = '{2}?fbclid=x' WHERE title = 'Bản sao';
         INSERT INTO related (article_id, pos, title, title_key, url, source)
           VALUES (1, 9, 'Liên quan', 'lien quan', '{1}?utm_medium=web', 'page');
         DROP INDEX feed_items_guid; DROP INDEX feed_items_gone;
         ALTER TABLE feed_items DROP COLUMN guid;
         ALTER TABLE feed_items DROP COLUMN title_hash;
         ALTER TABLE feed_items DROP COLUMN text_hash;
         ALTER TABLE feeds DROP COLUMN site_url;
         ALTER TABLE phrase_df DROP COLUMN runs; ALTER TABLE phrase_df DROP COLUMN word;
         ALTER TABLE phrase_df DROP COLUMN votes; DROP TABLE waiting_keywords;
         DROP TABLE feed_page_failures; DROP TABLE feed_waits; DROP TABLE feed_failing;
         DROP TABLE whole_pages;
         PRAGMA user_version = 17;",
        urls[0], urls[1], urls[2]
    ))
    .unwrap();
    drop(conn);
    let (s, opened) = Store::open_with(&db, Access::Write).unwrap();
    assert_eq!(opened.migrated, Some((17, CURRENT_VERSION)));
    let conn = Connection::open(&db).unwrap();
    let url_of = |title: &str| url_of(&conn, title);
    assert_eq!(url_of(&all[0].title), urls[0]);
    assert_eq!(url_of(&all[1].title), urls[1]);
    // The duplicate's canonical address is taken: it is left as it was.
    assert_eq!(url_of("Bản sao"), format!("{}?fbclid=x", urls[2]));
    related_leads_to(&conn, &urls[1]);
    drop(s);
}

/// An address spelt otherwise before its query (the host in capitals, a
/// default port, dot segments, an escaped letter, a host's final dot) is
/// the stored article: an independent review stored one story seven times.
/// Stored tidy; another port or another path is another article.
#[test]
fn an_address_spelt_otherwise_finds_the_stored_article() {
    let mut s = Store::open_in_memory().unwrap();
    let a = &articles()[0];
    let plain = a.url.clone().unwrap();
    let (scheme, rest) = plain.split_once("://").unwrap();
    let (host, path) = rest.split_at(rest.find('/').unwrap());
    let first = s
        .import(&with_url(
            a,
            &format!("HTTPS://{}{path}", host.to_uppercase()),
        ))
        .unwrap();
    let ImportOutcome::Added(id) = first else {
        panic!("{first:?}")
    };
    assert_eq!(scheme, "https");
    assert_eq!(s.article(id).unwrap().url.as_deref(), Some(plain.as_str()));
    for again in [
        plain.clone(),
        format!("https://{host}:443{path}"),
        format!("https://{host}/./{}", &path[1..]),
        format!("https://{host}/x/..{path}"),
        format!("https://{host}.{path}"),
        format!("https://{host}/%{:02X}{}", path.as_bytes()[1], &path[2..]),
    ] {
        let out = s.import(&with_url(a, &again)).unwrap();
        assert_eq!(out, ImportOutcome::Unchanged(id), "{again}");
    }
    let other = s
        .import(&with_url(a, &format!("https://{host}:8443{path}")))
        .unwrap();
    assert!(
        matches!(other, ImportOutcome::Added(n) if n != id),
        "{other:?}"
    );
}

/// A store of version 25 holding addresses spelt otherwise has them tidied
/// by its upgrade (migration 026), a related link to one leads to it, and
/// an address whose tidy form another article has is left as it was.
#[test]
fn migration_026_tidies_an_older_stores_addresses() {
    let (dir, all, urls) = store_to_upgrade();
    let db = dir.path().join("old.db");
    let shout = |u: &str| u.replacen("https://dantri.com.vn", "https://DANTRI.com.vn:443", 1);
    let conn = Connection::open(&db).unwrap();
    conn.execute_batch(&format!(
        "UPDATE articles SET url = '{0}' WHERE url = '{1}';
         UPDATE articles SET url = '{2}' WHERE title = 'Bản sao';
         INSERT INTO related (article_id, pos, title, title_key, url, source)
           VALUES (1, 9, 'Liên quan', 'lien quan', '{3}', 'page');
         PRAGMA user_version = 25;",
        shout(&urls[0]),
        urls[0],
        shout(&urls[2]),
        shout(&urls[1]),
    ))
    .unwrap();
    drop(conn);
    let (s, opened) = Store::open_with(&db, Access::Write).unwrap();
    assert_eq!(opened.migrated, Some((25, CURRENT_VERSION)));
    let conn = Connection::open(&db).unwrap();
    let url_of = |title: &str| url_of(&conn, title);
    assert_eq!(url_of(&all[0].title), urls[0]);
    assert_eq!(url_of("Bản sao"), shout(&urls[2]), "its tidy form is taken");
    related_leads_to(&conn, &urls[1]);
    drop(s);
}
