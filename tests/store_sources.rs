//! Sources through the store's public API: each feed and each site of saved
//! pages with unread/total counts, a source's list, the first unread article
//! of a run of views, marking a view read, and what a removed feed leaves.

use docbao::ingest::jsonl::parse_jsonl;
use docbao::model::{ArticleId, FeedItem, ListFilter, NewArticle, Source};
use docbao::store::Store;

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
