//! Sources through the store's public API: each feed and each site of saved
//! pages with unread/total counts, a source's list, the first unread article
//! of a run of views, marking a view read, and what a removed feed leaves.

use docbao::ingest::jsonl::parse_jsonl;
use docbao::model::{ArticleId, FeedItem, ListFilter, NewArticle, Source};
use docbao::store::{Access, Store};
use rusqlite::Connection;

#[path = "common/downgrade.rs"]
mod downgrade;

const DANTRI: &str = include_str!("fixtures/dantri-30-head3.jsonl");
const DANES: &str = include_str!("fixtures/danes-head3.jsonl");

fn articles(text: &str) -> Vec<NewArticle> {
    parse_jsonl(text).into_iter().map(|r| r.unwrap()).collect()
}

/// Feed "Dân trí" brings the three Dân trí articles; three others are
/// imported pages of one site (`danes.vn`, set here: the fixture's three come
/// from three sites).
fn store() -> (Store, i64, Vec<ArticleId>, Vec<ArticleId>) {
    let mut s = Store::open_in_memory().unwrap();
    let feed = s
        .add_feed("https://dantri.com.vn/rss.xml", Some("Dân trí"), false)
        .unwrap();
    let items: Vec<FeedItem> = articles(DANTRI)
        .into_iter()
        .map(|a| FeedItem {
            key: a.url.clone().unwrap(),
            guid: None,
            article: a,
        })
        .collect();
    let from_feed = s.store_feed_items(feed, &items).unwrap().new_articles;
    let pages: Vec<ArticleId> = articles(DANES)
        .into_iter()
        .map(|mut a| {
            a.site = Some("danes.vn".into());
            s.import(&a).unwrap().id()
        })
        .collect();
    (s, feed, from_feed, pages)
}

fn counts(s: &Store) -> Vec<(Source, String, i64, i64)> {
    s.sources()
        .unwrap()
        .into_iter()
        .map(|c| (c.source, c.name, c.unread, c.total))
        .collect()
}

#[test]
fn feeds_then_sites_with_unread_and_total() {
    let (s, feed, from_feed, pages) = store();
    assert_eq!(from_feed.len(), 3);
    let site = s.article(pages[0]).unwrap().site;
    let got = counts(&s);
    assert_eq!(got[0], (Source::Feed(feed), "Dân trí".into(), 3, 3));
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[1].0, Source::Site(site.clone()));
    assert_eq!((got[1].2, got[1].3), (3, 3));
    // Marks move the counts.
    s.set_read(from_feed[0], true).unwrap();
    s.set_read(pages[1], true).unwrap();
    let got = counts(&s);
    assert_eq!((got[0].2, got[0].3), (2, 3));
    assert_eq!((got[1].2, got[1].3), (2, 3));
    // A feed with nothing stored yet is listed, counted 0.
    let empty = s.add_feed("https://example.vn/rss", None, false).unwrap();
    assert!(
        counts(&s).contains(&(Source::Feed(empty), "https://example.vn/rss".into(), 0, 0)),
        "{:?}",
        counts(&s)
    );
}

#[test]
fn a_source_filters_the_list_and_combines_with_the_rest() {
    let (s, feed, from_feed, pages) = store();
    let f = ListFilter {
        source: Some(Source::Feed(feed)),
        ..Default::default()
    };
    let mut ids: Vec<ArticleId> = s.list(&f, None, 10).unwrap().iter().map(|r| r.id).collect();
    ids.sort();
    let mut want = from_feed.clone();
    want.sort();
    assert_eq!(ids, want);
    assert_eq!(s.count(&f).unwrap(), 3);
    let site = s.article(pages[0]).unwrap().site;
    let by_site = ListFilter {
        source: Some(Source::Site(site)),
        unread: true,
        ..Default::default()
    };
    s.set_read(pages[2], true).unwrap();
    assert_eq!(s.count(&by_site).unwrap(), 2);
}

#[test]
fn the_first_unread_of_the_first_view_that_has_one() {
    let (s, feed, from_feed, pages) = store();
    let site = s.article(pages[0]).unwrap().site;
    let of_feed = ListFilter {
        source: Some(Source::Feed(feed)),
        ..Default::default()
    };
    let of_site = ListFilter {
        source: Some(Source::Site(site)),
        ..Default::default()
    };
    for id in &from_feed {
        s.set_read(*id, true).unwrap();
    }
    let newest_page = s.list(&of_site, None, 1).unwrap()[0].id;
    let found = s
        .first_unread(&[(of_feed.clone(), None), (of_site.clone(), None)])
        .unwrap();
    assert_eq!(found, Some((1, newest_page)));
    // After a cursor: only older ones.
    let rows = s.list(&of_site, None, 10).unwrap();
    let after = rows[0].cursor();
    let found = s.first_unread(&[(of_site.clone(), Some(after))]).unwrap();
    assert_eq!(found, Some((0, rows[1].id)));
    for id in &pages {
        s.set_read(*id, true).unwrap();
    }
    assert_eq!(
        s.first_unread(&[(of_feed, None), (of_site, None)]).unwrap(),
        None
    );
}

#[test]
fn mark_all_read_marks_the_view_only_and_returns_what_changed() {
    let (s, feed, from_feed, pages) = store();
    s.set_read(from_feed[1], true).unwrap();
    let f = ListFilter {
        source: Some(Source::Feed(feed)),
        ..Default::default()
    };
    assert_eq!(s.count_unread(&f).unwrap(), 2);
    let mut changed = s.mark_all_read(&f).unwrap();
    changed.sort();
    let mut want = vec![from_feed[0], from_feed[2]];
    want.sort();
    assert_eq!(changed, want, "the one read before is not in it");
    assert_eq!(s.count_unread(&f).unwrap(), 0);
    // The pages are untouched; undoing is marking those ids unread.
    assert_eq!(
        s.count_unread(&ListFilter::default()).unwrap(),
        pages.len() as i64
    );
    s.set_read_many(&changed, false).unwrap();
    assert_eq!(s.count_unread(&f).unwrap(), 2);
}

#[test]
fn a_removed_feed_leaves_its_articles_under_their_site() {
    let (s, feed, from_feed, _) = store();
    let site = s.article(from_feed[0]).unwrap().site;
    s.remove_feed(feed).unwrap();
    let got = counts(&s);
    assert!(got.iter().all(|c| c.0 != Source::Feed(feed)));
    let of_site = got
        .iter()
        .find(|c| c.0 == Source::Site(site.clone()))
        .unwrap();
    assert_eq!(of_site.3, 3, "{got:?}");
    // And the list of that site holds them.
    let f = ListFilter {
        source: Some(Source::Site(site)),
        ..Default::default()
    };
    assert_eq!(s.count(&f).unwrap(), 3);
}

#[test]
fn the_counts_follow_every_change_and_doctor_finds_none_wrong() {
    let (mut s, feed, from_feed, pages) = store();
    // Marks one by one and many at once, a removed feed, a deleted store
    // row's worth of changes: the kept counts equal a recount.
    s.set_read(from_feed[0], true).unwrap();
    s.set_read_many(&pages, true).unwrap();
    s.set_read(pages[0], false).unwrap();
    s.mark_all_read(&ListFilter::default()).unwrap();
    s.set_read_many(&from_feed, false).unwrap();
    let before = counts(&s);
    assert_eq!(s.rebuild_source_counts().unwrap(), 0, "{before:?}");
    assert_eq!(counts(&s), before);
    s.remove_feed(feed).unwrap();
    let after = counts(&s);
    assert_eq!(s.rebuild_source_counts().unwrap(), 0, "{after:?}");
    assert_eq!(counts(&s), after);
    // The feed's three unread articles are now under their site.
    let site = s.article(from_feed[0]).unwrap().site;
    let row = after
        .iter()
        .find(|c| c.0 == Source::Site(site.clone()))
        .unwrap();
    assert_eq!((row.2, row.3), (3, 3));
}

#[test]
fn counts_without_keywords_come_from_the_sources_and_equal_the_lists() {
    let (mut s, feed, from_feed, pages) = store();
    s.set_read(from_feed[1], true).unwrap();
    s.set_read(pages[2], true).unwrap();
    let mut other = articles(DANES).remove(0);
    other.url = Some("https://other.example/1".into());
    other.site = None;
    s.import(&other).unwrap();
    let check = |s: &Store| {
        for source in [
            None,
            Some(Source::Feed(feed)),
            Some(Source::Site(Some("danes.vn".into()))),
            Some(Source::Site(None)),
            Some(Source::Site(Some("nowhere.example".into()))),
        ] {
            for unread in [false, true] {
                let f = ListFilter {
                    source: source.clone(),
                    unread,
                    ..Default::default()
                };
                let listed = s.list(&f, None, 1000).unwrap().len() as i64;
                assert_eq!(s.count(&f).unwrap(), listed, "{f:?}");
            }
        }
    };
    check(&s);
    assert_eq!(s.count(&ListFilter::default()).unwrap(), 7);
    s.delete(pages[0]).unwrap();
    s.remove_feed(feed).unwrap();
    check(&s);
}

/// The three Dân trí items as the site's main feed carries them too.
fn dantri_items() -> Vec<FeedItem> {
    articles(DANTRI)
        .into_iter()
        .map(|a| FeedItem {
            key: a.url.clone().unwrap(),
            guid: None,
            article: a,
        })
        .collect()
}

#[test]
fn an_article_belongs_to_every_feed_that_carries_it() {
    let (mut s, section, from_feed, pages) = store();
    let main = s
        .add_feed(
            "https://dantri.com.vn/trang-chu.rss",
            Some("Trang chủ"),
            false,
        )
        .unwrap();
    let out = s.store_feed_items(main, &dantri_items()).unwrap();
    // Stored once: the second feed links the same articles.
    assert!(out.new_articles.is_empty(), "{out:?}");
    assert_eq!(out.known, 3);
    assert_eq!(s.count(&ListFilter::default()).unwrap(), 6);
    let of = |feed: i64, unread: bool| ListFilter {
        source: Some(Source::Feed(feed)),
        unread,
        ..Default::default()
    };
    let ids = |s: &Store, f: &ListFilter| -> Vec<ArticleId> {
        s.list(f, None, 100).unwrap().iter().map(|r| r.id).collect()
    };
    let mut expected = from_feed.clone();
    expected.sort_by_key(|&id| std::cmp::Reverse(s.cursor_of(id).unwrap()));
    assert_eq!(ids(&s, &of(main, false)), expected);
    assert_eq!(ids(&s, &of(section, false)), expected);
    let got = counts(&s);
    assert!(
        got.contains(&(Source::Feed(main), "Trang chủ".into(), 3, 3)),
        "{got:?}"
    );
    assert!(
        got.contains(&(Source::Feed(section), "Dân trí".into(), 3, 3)),
        "{got:?}"
    );
    // Marking the main feed read marks the articles: the section's too.
    let marked = s.mark_all_read(&of(main, false)).unwrap();
    assert_eq!(marked.len(), 3);
    assert_eq!(s.count(&of(section, true)).unwrap(), 0);
    assert_eq!(s.first_unread(&[(of(main, false), None)]).unwrap(), None);
    s.set_read(from_feed[1], false).unwrap();
    assert_eq!(
        s.first_unread(&[(of(section, false), None), (of(main, false), None)])
            .unwrap(),
        Some((0, from_feed[1]))
    );
    assert_eq!(s.count(&of(main, true)).unwrap(), 1);
    assert_eq!(s.list(&of(main, true), None, 10).unwrap().len(), 1);
    // The feed that brought them first goes: the other still carries them,
    // and they are not counted under their site as well.
    s.remove_feed(section).unwrap();
    assert_eq!(ids(&s, &of(main, false)), expected);
    let got = counts(&s);
    assert!(
        got.contains(&(Source::Feed(main), "Trang chủ".into(), 1, 3)),
        "{got:?}"
    );
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(s.count(&ListFilter::default()).unwrap(), 6);
    assert_eq!(s.rebuild_source_counts().unwrap(), 0);
    // The last feed goes: they are the pages of their site.
    s.remove_feed(main).unwrap();
    let site = s.article(from_feed[0]).unwrap().site;
    let got = counts(&s);
    assert!(
        got.iter()
            .any(|c| c.0 == Source::Site(site.clone()) && c.3 == 3),
        "{got:?}"
    );
    assert_eq!(s.count(&ListFilter::default()).unwrap(), 6);
    assert_eq!(s.rebuild_source_counts().unwrap(), 0);
    let _ = pages;
}

/// Feeds are listed in Vietnamese dictionary order (the keywords' order,
/// `text::fold::vi_sort_key`): letters first, a ă â … d đ e ê …, tones
/// only between titles of the same letters; not by raw bytes, which put
/// "Không" before "Khổng" and every Đ or Ê after Z.
#[test]
fn feeds_are_sorted_as_vietnamese_words() {
    let s = Store::open_in_memory().unwrap();
    let titles = [
        "Zing",
        "Không Ngày",
        "Đời sống",
        "Kênh RDF",
        "Ê-kíp",
        "Khổng lồ",
        "Dân trí",
        "an ninh",
        "Ăn uống",
        "Khong dau",
    ];
    for (i, t) in titles.iter().enumerate() {
        s.add_feed(&format!("https://f{i}.vn/rss"), Some(t), false)
            .unwrap();
    }
    let names: Vec<String> = s.sources().unwrap().into_iter().map(|c| c.name).collect();
    assert_eq!(
        names,
        [
            "an ninh",
            "Ăn uống",
            "Dân trí",
            "Đời sống",
            "Ê-kíp",
            "Kênh RDF",
            "Khong dau",
            "Khổng lồ",
            "Không Ngày",
            "Zing"
        ]
    );
}

#[test]
fn a_feeds_last_error_comes_with_its_counts_until_an_update_succeeds() {
    let (s, feed, _, _) = store();
    let error = |s: &Store| {
        s.sources()
            .unwrap()
            .into_iter()
            .find(|c| c.source == Source::Feed(feed))
            .unwrap()
            .error
    };
    assert_eq!(error(&s), None);
    s.feed_checked(
        feed,
        None,
        None,
        None,
        Some("https://dantri.com.vn/rss.xml: timed out"),
    )
    .unwrap();
    assert_eq!(
        error(&s).as_deref(),
        Some("https://dantri.com.vn/rss.xml: timed out")
    );
    s.feed_checked(feed, None, None, None, None).unwrap();
    assert_eq!(error(&s), None);
    // Sites have none.
    assert!(
        s.sources()
            .unwrap()
            .iter()
            .filter(|c| matches!(c.source, Source::Site(_)))
            .all(|c| c.error.is_none())
    );
}

/// A feed removed by another process while an update fetched it: its new
/// items are not stored (the article and its place under the feed are one
/// transaction; the insert failed on the feed's foreign key, and the whole
/// update stopped with "FOREIGN KEY constraint failed"), and the store
/// says which feed.
#[test]
fn items_of_a_feed_removed_meanwhile_are_not_stored() {
    let (mut s, feed, from_feed, _) = store();
    let other = s
        .add_feed("https://danes.vn/rss.xml", Some("DANES"), false)
        .unwrap();
    s.remove_feed(other).unwrap();
    let before = s.count(&ListFilter::default()).unwrap();
    let items: Vec<FeedItem> = articles(DANES)
        .into_iter()
        .map(|mut a| {
            a.url = Some(format!("{}?from-feed", a.url.unwrap()));
            FeedItem {
                key: a.url.clone().unwrap(),
                guid: None,
                article: a,
            }
        })
        .collect();
    let e = s.store_feed_items(other, &items).unwrap_err();
    assert!(
        matches!(e, docbao::store::StoreError::FeedGone(id) if id == other),
        "{e}"
    );
    assert_eq!(s.count(&ListFilter::default()).unwrap(), before);
    // Every article stored for a feed is under it, none under its site.
    let under = s
        .count(&ListFilter {
            source: Some(Source::Feed(feed)),
            ..ListFilter::default()
        })
        .unwrap();
    assert_eq!(under, from_feed.len() as i64);
}

#[test]
fn a_removed_feeds_id_is_never_given_to_another() {
    let (s, feed, _, _) = store();
    let second = s
        .add_feed(
            "https://dantri.com.vn/the-thao.rss",
            Some("Thể thao"),
            false,
        )
        .unwrap();
    s.remove_feed(second).unwrap();
    let third = s
        .add_feed(
            "https://dantri.com.vn/suc-khoe.rss",
            Some("Sức khỏe"),
            false,
        )
        .unwrap();
    assert!(third > second, "feed {second} removed, then {third} given");
    // A filter kept on the removed feed (a script, a reader) finds nothing,
    // not the feed added after it.
    let f = ListFilter {
        source: Some(Source::Feed(second)),
        ..Default::default()
    };
    assert_eq!(s.count(&f).unwrap(), 0);
    let ids: Vec<i64> = s.feeds().unwrap().iter().map(|f| f.id).collect();
    assert_eq!(ids, vec![feed, third]);
}

#[test]
fn an_upgraded_store_keeps_its_feeds_and_their_items_and_gives_no_id_again() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let (second, third) = {
        let (mut s, _) = Store::open_with(&db, Access::Write).unwrap();
        let first = s
            .add_feed("https://dantri.com.vn/rss.xml", Some("Dân trí"), false)
            .unwrap();
        let second = s
            .add_feed(
                "https://dantri.com.vn/the-thao.rss",
                Some("Thể thao"),
                false,
            )
            .unwrap();
        let third = s
            .add_feed("https://dantri.com.vn/suc-khoe.rss", None, false)
            .unwrap();
        s.store_feed_items(first, &dantri_items()).unwrap();
        s.store_feed_items(second, &dantri_items()[..2]).unwrap();
        s.mark_all_read(&ListFilter {
            source: Some(Source::Feed(second)),
            ..Default::default()
        })
        .unwrap();
        (second, third)
    };
    let rows = |db: &std::path::Path| -> Vec<i64> {
        let c = Connection::open(db).unwrap();
        [
            "SELECT count(*) FROM feeds",
            "SELECT count(*) FROM feed_items",
            "SELECT count(*) FROM feed_articles",
            "SELECT count(*) FROM feed_items WHERE feed_id = 2",
        ]
        .iter()
        .map(|q| c.query_row(q, [], |r| r.get(0)).unwrap())
        .collect()
    };
    let before = rows(&db);
    assert_eq!(before, vec![3, 5, 5, 2]);
    downgrade::undo_feed_ids_kept(&Connection::open(&db).unwrap());
    let (s, opened) = Store::open_with(&db, Access::Write).unwrap();
    assert_eq!(opened.migrated, Some((21, docbao::store::CURRENT_VERSION)));
    // Nothing went with the table made again (its rows are the parents of
    // the items and memberships: dropped with foreign keys on, they would
    // have gone too).
    assert_eq!(rows(&db), before);
    let got = counts(&s);
    assert!(
        got.contains(&(Source::Feed(second), "Thể thao".into(), 0, 2)),
        "{got:?}"
    );
    assert!(
        got.contains(&(Source::Feed(1), "Dân trí".into(), 1, 3)),
        "{got:?}"
    );
    s.remove_feed(third).unwrap();
    let next = s
        .add_feed("https://dantri.com.vn/giao-duc.rss", None, false)
        .unwrap();
    assert_eq!(next, third + 1);
    // The store's connection has its foreign keys on again: a removed
    // feed's items go with it.
    s.remove_feed(second).unwrap();
    assert_eq!(rows(&db), vec![2, 3, 3, 0]);
    let on: bool = Connection::open(&db)
        .unwrap()
        .query_row(
            "SELECT count(*) = 0 FROM pragma_foreign_key_check",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(on);
}

/// A feed lists its newest item first: items with no date (sorted by when
/// they came) list in the feed's order, as newsboat keeps it, and so do
/// items of one date; the update says its new articles in that order.
#[test]
fn undated_items_list_in_the_feeds_order() {
    let mut s = Store::open_in_memory().unwrap();
    let feed = s
        .add_feed("https://nd.example.vn/rss", Some("Tin không ngày"), false)
        .unwrap();
    let items: Vec<FeedItem> = dantri_items()
        .into_iter()
        .map(|mut i| {
            i.article.published = None;
            i.article.date_text = None;
            i
        })
        .collect();
    let feed_order: Vec<String> = items.iter().map(|i| i.article.title.clone()).collect();
    let out = s.store_feed_items(feed, &items).unwrap();
    let titles = |ids: &[ArticleId]| -> Vec<String> {
        ids.iter().map(|&id| s.article(id).unwrap().title).collect()
    };
    assert_eq!(titles(&out.new_articles), feed_order);
    let listed: Vec<ArticleId> = s
        .list(&ListFilter::default(), None, 10)
        .unwrap()
        .iter()
        .map(|r| r.id)
        .collect();
    assert_eq!(titles(&listed), feed_order);
}
