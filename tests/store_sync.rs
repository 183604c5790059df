//! What a sync keeps in the store (migration 015), on an in-memory store
//! with real SQL: the server's items as articles, the log of marks made
//! here (and only here, only on synced articles), the server's state
//! applied but for changes not yet pushed, a new server forgetting the old
//! one's ids.

use std::collections::HashSet;

use docbao::model::{ArticleId, FeedItem, NewArticle};
use docbao::store::{Store, SyncItem, SyncMark};

fn item(server_id: i64, feed_id: i64, url: &str) -> SyncItem {
    SyncItem {
        server_id,
        feed_id,
        item: FeedItem {
            key: url.to_string(),
            guid: None,
            article: NewArticle {
                url: Some(url.to_string()),
                title: format!("Tin {server_id}"),
                lead: Some("Tóm tắt.".into()),
                ..NewArticle::default()
            },
        },
        whole_page: false,
    }
}

/// A store synced with one server: a feed and three items (server ids 1-3).
fn synced() -> (Store, Vec<ArticleId>) {
    let mut s = Store::open_in_memory().unwrap();
    assert_eq!(s.sync_begin("http://a.example/fever").unwrap(), 0);
    let (feed, added) = s
        .sync_feed(7, "https://tin.example/rss", Some("Tin"))
        .unwrap();
    assert!(added);
    let items: Vec<SyncItem> = (1..=3)
        .map(|i| item(i, feed, &format!("https://tin.example/{i}.html")))
        .collect();
    let out = s.store_sync_items(&items, 3).unwrap();
    assert_eq!(out.new_articles.len(), 3);
    (s, out.new_articles)
}

fn set(ids: &[i64]) -> HashSet<i64> {
    ids.iter().copied().collect()
}

#[test]
fn marks_on_synced_articles_are_logged_newest_first_per_flag() {
    let (mut s, ids) = synced();
    // An article from elsewhere is not the server's: not logged.
    let other = s
        .import(&NewArticle {
            title: "Không đồng bộ".into(),
            ..NewArticle::default()
        })
        .unwrap()
        .id();
    s.set_read(other, true).unwrap();
    assert!(s.sync_pending().unwrap().is_empty());

    s.set_read(ids[0], true).unwrap();
    s.set_read(ids[0], false).unwrap();
    s.set_bookmarked(ids[0], true).unwrap();
    s.set_read_many(&[ids[1]], true).unwrap();
    let pending = s.sync_pending().unwrap();
    let got: Vec<(ArticleId, SyncMark, Vec<i64>)> = pending
        .iter()
        .map(|p| (p.article, p.mark, p.server_ids.clone()))
        .collect();
    assert_eq!(
        got,
        vec![
            (ids[0], SyncMark::Unread, vec![1]),
            (ids[0], SyncMark::Saved, vec![1]),
            (ids[1], SyncMark::Read, vec![2]),
        ]
    );
    // Pushed: out of the log; a mark made after the list was read stays.
    s.sync_pushed(&pending[0]).unwrap();
    s.set_read(ids[0], true).unwrap();
    let left: Vec<SyncMark> = s.sync_pending().unwrap().iter().map(|p| p.mark).collect();
    assert_eq!(left, vec![SyncMark::Saved, SyncMark::Read, SyncMark::Read]);
    assert_eq!(s.sync_counts().unwrap(), (3, 3));
}

#[test]
fn the_server_state_is_applied_but_a_change_not_pushed_wins() {
    let (s, ids) = synced();
    // Here: article 2 marked read, not pushed yet.
    s.set_read(ids[1], true).unwrap();
    // The server: 1 read, 2 and 3 unread, 3 saved.
    let out = s.sync_apply_state(&set(&[2, 3]), &set(&[3])).unwrap();
    assert_eq!((out.marked_read, out.saved, out.kept_local), (1, 1, 1));
    let a = |i: usize| s.article(ids[i]).unwrap();
    assert!(a(0).read && !a(0).bookmarked);
    assert!(a(1).read, "the change made here wins");
    assert!(!a(2).read && a(2).bookmarked);
    // The server's own state is not logged to be pushed back.
    let pending: Vec<SyncMark> = s.sync_pending().unwrap().iter().map(|p| p.mark).collect();
    assert_eq!(pending, vec![SyncMark::Read]);
    // Once pushed, the server's state is the newer one.
    for p in s.sync_pending().unwrap() {
        s.sync_pushed(&p).unwrap();
    }
    let out = s.sync_apply_state(&set(&[2, 3]), &set(&[3])).unwrap();
    assert_eq!((out.marked_unread, out.kept_local), (1, 0));
    assert!(!a(1).read);
    assert!(s.sync_pending().unwrap().is_empty());
}

#[test]
fn an_item_in_two_feeds_is_one_article_read_when_both_are() {
    let (mut s, _) = synced();
    let (other, _) = s.sync_feed(8, "https://khac.example/rss", None).unwrap();
    let out = s
        .store_sync_items(&[item(4, other, "https://tin.example/1.html")], 4)
        .unwrap();
    assert!(out.new_articles.is_empty(), "linked, not added");
    assert!(s.sync_pending().unwrap().is_empty());
    // Item 1 read, its twin 4 unread: unread here.
    let out = s.sync_apply_state(&set(&[2, 3, 4]), &set(&[])).unwrap();
    assert_eq!(out.marked_read, 0);
    let out = s.sync_apply_state(&set(&[2, 3]), &set(&[])).unwrap();
    assert_eq!(out.marked_read, 1);
}

#[test]
fn feeds_are_matched_by_address_and_a_new_server_starts_afresh() {
    let mut s = Store::open_in_memory().unwrap();
    let mine = s.add_feed("https://tin.example/rss", None, true).unwrap();
    s.sync_begin("http://a.example/fever").unwrap();
    let (feed, added) = s
        .sync_feed(7, "https://tin.example/rss", Some("Tin"))
        .unwrap();
    assert_eq!((feed, added), (mine, false), "the feed subscribed here");
    assert_eq!(s.sync_feeds().unwrap()[&7], (mine, true), "full page kept");
    assert_eq!(s.feeds().unwrap()[0].title.as_deref(), Some("Tin"));
    s.store_sync_items(&[item(40, feed, "https://tin.example/40.html")], 40)
        .unwrap();
    assert_eq!(s.sync_begin("http://a.example/fever").unwrap(), 40);
    // Another server: its ids mean other items.
    assert_eq!(s.sync_begin("http://b.example/fever").unwrap(), 0);
    assert!(s.sync_feeds().unwrap().is_empty());
    assert_eq!(s.sync_counts().unwrap(), (0, 0));
    assert_eq!(s.feeds().unwrap().len(), 1, "the feeds and articles stay");
}

#[test]
fn a_mark_all_read_of_many_synced_articles_is_one_pending_mark_each() {
    let mut s = Store::open_in_memory().unwrap();
    s.sync_begin("http://a.example/fever").unwrap();
    let (feed, _) = s.sync_feed(1, "https://tin.example/rss", None).unwrap();
    let items: Vec<SyncItem> = (1..=3000)
        .map(|i| item(i, feed, &format!("https://tin.example/{i}.html")))
        .collect();
    let ids = s.store_sync_items(&items, 3000).unwrap().new_articles;
    s.set_read_many(&ids, true).unwrap();
    s.set_read_many(&ids[..1000], false).unwrap();
    let pending = s.sync_pending().unwrap();
    assert_eq!(pending.len(), 3000);
    let unread = pending
        .iter()
        .filter(|p| p.mark == SyncMark::Unread)
        .count();
    assert_eq!(unread, 1000);
}

#[test]
fn an_article_read_here_before_its_first_link_is_a_change_to_push() {
    let mut s = Store::open_in_memory().unwrap();
    let there = s
        .import(&NewArticle {
            url: Some("https://tin.example/1.html".into()),
            title: "Tin 1".into(),
            ..NewArticle::default()
        })
        .unwrap()
        .id();
    s.set_read(there, true).unwrap();
    s.sync_begin("http://a.example/fever").unwrap();
    let (feed, _) = s.sync_feed(7, "https://tin.example/rss", None).unwrap();
    let out = s
        .store_sync_items(
            &[
                item(1, feed, "https://tin.example/1.html"),
                item(2, feed, "https://tin.example/2.html"),
            ],
            2,
        )
        .unwrap();
    assert_eq!(out.new_articles.len(), 1, "linked, not added");
    let pending: Vec<(ArticleId, SyncMark)> = s
        .sync_pending()
        .unwrap()
        .iter()
        .map(|p| (p.article, p.mark))
        .collect();
    assert_eq!(pending, vec![(there, SyncMark::Read)]);
    // The server says unread: the read here wins, to be pushed.
    let state = s.sync_apply_state(&set(&[1, 2]), &set(&[])).unwrap();
    assert_eq!((state.marked_unread, state.kept_local), (0, 1));
    assert!(s.article(there).unwrap().read);
    // Linked again (the same page of items once more): nothing new to push.
    for p in s.sync_pending().unwrap() {
        s.sync_pushed(&p).unwrap();
    }
    s.store_sync_items(&[item(1, feed, "https://tin.example/1.html")], 2)
        .unwrap();
    assert!(s.sync_pending().unwrap().is_empty());
}

/// A full-page feed's item a sync stored with its page fetched: the feed's
/// summary, read by a later `update`, never replaces that page (as it never
/// replaces one `add` saved); an item synced without its page is updated.
#[test]
fn a_page_a_sync_fetched_whole_is_not_replaced_by_the_feeds_summary() {
    use docbao::model::{Paragraph, ParagraphKind};
    use docbao::store::ItemHashes;
    let mut s = Store::open_in_memory().unwrap();
    s.sync_begin("http://a.example/fever").unwrap();
    let (feed, _) = s
        .sync_feed(7, "https://tin.example/rss", Some("Tin"))
        .unwrap();
    let page = |server_id: i64, url: &str, whole_page: bool| {
        let mut i = item(server_id, feed, url);
        i.item.article.paragraphs = (1..=4)
            .map(|n| Paragraph::new(ParagraphKind::Text, format!("Đoạn {n} của cả trang.")))
            .collect();
        i.whole_page = whole_page;
        i
    };
    let (whole, summary) = (
        "https://tin.example/ca-trang.html",
        "https://tin.example/tom-tat.html",
    );
    let out = s
        .store_sync_items(&[page(1, whole, true), page(2, summary, false)], 2)
        .unwrap();
    assert_eq!(out.new_articles.len(), 2);
    // The feed, read by an update, says a shorter summary of each (noted:
    // the synced items were not the feed's own words), then edits it.
    for lead in ["Tóm tắt.", "Tóm tắt khác."] {
        let fed: Vec<FeedItem> = [whole, summary]
            .iter()
            .map(|url| {
                let mut i = item(0, feed, url).item;
                i.article.lead = Some(lead.into());
                i
            })
            .collect();
        let hashes: Vec<ItemHashes> = fed.iter().map(ItemHashes::of).collect();
        s.update_feed_items(feed, &fed, &hashes, (&HashSet::new(), &HashSet::new()))
            .unwrap();
    }
    let kept = s.article(s.article_at(whole).unwrap().unwrap()).unwrap();
    assert_eq!(kept.paragraphs.len(), 4, "{kept:?}");
    assert_eq!(kept.lead.as_deref(), Some("Tóm tắt."));
    let updated = s.article(s.article_at(summary).unwrap().unwrap()).unwrap();
    assert_eq!(updated.lead.as_deref(), Some("Tóm tắt khác."));
}
