//! Sync with a reader server through the Fever API (`docbao sync`, the
//! TUI's `S`): push the read marks and bookmarks made here since the last
//! sync, then pull the server's feeds, its new items (in pages of 50,
//! resumable: the highest id stored is kept after each page) and its read
//! and saved state. The rule for an item marked on both sides is in
//! [`crate::store`]'s `sync` file: a change made here and not yet pushed
//! wins; once pushed, the server's state is the newer one.
//!
//! Pushing first means a connection cut at any point loses nothing: a
//! change leaves the local log only once the server took it, and the items
//! stored stay stored; the next sync finishes the job.

pub mod account;
pub mod fever;

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use crate::ingest::feed::{html_lead_or_body, html_text};
use crate::ingest::{site_of, vietnam_offset};
use crate::jobs::feeds::merge_page;
use crate::jobs::http::Fetcher;
use crate::jobs::pages::article_from_page;
use crate::model::{FeedItem, NewArticle};
use crate::store::{Store, SyncItem};
use crate::text::{clean, clean_opt, web_url};

pub use account::Account;
pub use fever::{Fever, FeverError};

/// What a sync did. Serialises to the `sync --json` report.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize)]
pub struct SyncReport {
    /// Articles added from the server's items.
    pub new_items: usize,
    /// Articles the server's state marked read / unread here.
    pub marked_read: usize,
    pub marked_unread: usize,
    /// Articles the server's state bookmarked / unbookmarked here.
    pub saved: usize,
    pub unsaved: usize,
    /// Marks made here that the server took.
    pub pushed: usize,
    /// Feeds subscribed here because the server has them.
    pub feeds_added: usize,
    /// Server states not applied: a change made here, not yet pushed, won.
    pub kept_local: usize,
    /// The highest server item id stored.
    pub max_item_id: i64,
    /// Items or pages that could not be stored, each with why.
    pub errors: Vec<String>,
    /// Stopped (Ctrl-C) between two steps: what is counted is stored, and
    /// the next sync goes on from there.
    #[serde(skip)]
    pub stopped: bool,
}

impl std::fmt::Display for SyncReport {
    /// `+120 items, 35 marked read, 2 saved`, then what else happened.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "+{} item{}, {} marked read, {} saved",
            self.new_items,
            if self.new_items == 1 { "" } else { "s" },
            self.marked_read,
            self.saved
        )?;
        let extra = [
            (self.marked_unread, "marked unread"),
            (self.unsaved, "unsaved"),
            (self.pushed, "sent to the server"),
            (
                self.feeds_added,
                if self.feeds_added == 1 {
                    "new feed"
                } else {
                    "new feeds"
                },
            ),
        ];
        for (n, what) in extra {
            if n > 0 {
                write!(f, ", {n} {what}")?;
            }
        }
        if !self.errors.is_empty() {
            write!(f, "; {} not stored", self.errors.len())?;
        }
        Ok(())
    }
}

/// Where a sync is, for a progress line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SyncProgress {
    Pushing { done: usize, total: usize },
    Feeds,
    Items { stored: usize },
    State,
}

/// Sync the store with the account's server. `stop` is asked between two
/// requests: once it says so (Ctrl-C), the sync ends there, everything it
/// stored whole, with [`SyncReport::stopped`] set.
pub fn sync(
    store: &mut Store,
    fetcher: &Fetcher,
    account: &Account,
    stop: &dyn Fn() -> bool,
    mut progress: impl FnMut(SyncProgress),
) -> anyhow::Result<SyncReport> {
    let fever = Fever::new(fetcher, &account.url, &account.api_key);
    fever.check()?;
    let mut report = SyncReport {
        max_item_id: store.sync_begin(fever.endpoint())?,
        ..SyncReport::default()
    };
    let stopped = |report: &mut SyncReport| {
        report.stopped = stop();
        report.stopped
    };

    // Push: each change leaves the log once the server has it.
    report.pushed += push(store, &fever, stop, &mut progress)?;
    if stopped(&mut report) {
        return Ok(report);
    }

    // The server's feeds, as feeds here.
    progress(SyncProgress::Feeds);
    for feed in fever.feeds()? {
        let Ok(url) = web_url(&feed.url) else {
            report.errors.push(format!(
                "server feed {}: \"{}\" is not a web address",
                feed.id,
                clean(&feed.url)
            ));
            continue;
        };
        let title = clean_opt(feed.title.as_deref());
        if store.sync_feed(feed.id, &url, title.as_deref())?.1 {
            report.feeds_added += 1;
        }
    }
    let feeds = store.sync_feeds()?;

    // New items, 50 at a time, from the highest id stored.
    let mut known: HashMap<i64, HashSet<String>> = HashMap::new();
    loop {
        if stopped(&mut report) {
            return Ok(report);
        }
        let (page, unreadable) = fever.items_since(report.max_item_id)?;
        if unreadable > 0 {
            report.errors.push(format!(
                "{unreadable} server item(s) after id {} without an id or feed id docbao can read",
                report.max_item_id
            ));
        }
        let Some(page_max) = page.iter().map(|i| i.id).max() else {
            break;
        };
        // A server that ignores since_id would send the same page forever.
        if page_max <= report.max_item_id {
            break;
        }
        let mut items = Vec::with_capacity(page.len());
        for i in &page {
            let Some(&(feed_id, full_page)) = feeds.get(&i.feed_id) else {
                continue; // a feed the server did not list: not subscribed
            };
            let Some(mut item) = feed_item(i) else {
                report
                    .errors
                    .push(format!("server item {}: no title, text or link", i.id));
                continue;
            };
            let mut whole_page = false;
            if full_page {
                let keys = match known.entry(feed_id) {
                    std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
                    std::collections::hash_map::Entry::Vacant(e) => {
                        e.insert(store.feed_item_keys(feed_id)?)
                    }
                };
                if !keys.contains(&item.key) {
                    whole_page = with_page(fetcher, &mut item, &mut report.errors);
                    keys.insert(item.key.clone());
                }
            }
            items.push(SyncItem {
                server_id: i.id,
                feed_id,
                item,
                whole_page,
            });
        }
        let out = store.store_sync_items(&items, page_max)?;
        report.new_items += out.new_articles.len();
        report.errors.extend(out.failed.iter().map(|e| clean(e)));
        report.max_item_id = page_max;
        progress(SyncProgress::Items {
            stored: report.new_items,
        });
    }

    // The read and saved state, but for changes made here meanwhile.
    if stopped(&mut report) {
        return Ok(report);
    }
    progress(SyncProgress::State);
    let (unread, saved) = fever.states()?;
    let state = store.sync_apply_state(&unread, &saved)?;
    report.marked_read = state.marked_read;
    report.marked_unread = state.marked_unread;
    report.saved = state.saved;
    report.unsaved = state.unsaved;
    report.kept_local = state.kept_local;
    // What the pull linked that was read or bookmarked here already (and
    // marks made while it ran): pushed now, not at the next sync.
    if stopped(&mut report) {
        return Ok(report);
    }
    report.pushed += push(store, &fever, stop, &mut progress)?;
    stopped(&mut report);
    Ok(report)
}

/// Send the changes in the log, oldest first, until `stop` says so;
/// returns how many were sent.
fn push(
    store: &mut Store,
    fever: &Fever,
    stop: &dyn Fn() -> bool,
    progress: &mut impl FnMut(SyncProgress),
) -> anyhow::Result<usize> {
    let pending = store.sync_pending()?;
    let total = pending.len();
    for (done, change) in pending.iter().enumerate() {
        if stop() {
            return Ok(done);
        }
        progress(SyncProgress::Pushing { done, total });
        for &id in &change.server_ids {
            fever.mark_item(id, change.mark.as_str())?;
        }
        store.sync_pushed(change)?;
    }
    Ok(total)
}

/// A server item as a feed item: the same cleaning as a feed's (every
/// string NFC and terminal-safe, the HTML the body when it holds several
/// blocks, else the lead), keyed by its
/// link (so that the same item from the feed itself is one article), else
/// by its server id. `None` when it has no title, text or link.
pub fn feed_item(i: &fever::ServerItem) -> Option<FeedItem> {
    let url = web_url(i.url.trim()).ok();
    let (lead, paragraphs) = html_lead_or_body(&i.html, url.as_deref());
    let mut title = html_text(&i.title);
    if title.is_empty() {
        let text = lead
            .as_deref()
            .or(paragraphs.first().map(|p| p.text.as_str()));
        title = match (text, &url) {
            (Some(l), _) => crate::text::width::truncate(l, 80),
            (None, Some(u)) => u.clone(),
            (None, None) => return None,
        };
    }
    let published = i
        .created_on_time
        .filter(|t| *t > 0)
        .and_then(|t| chrono::DateTime::from_timestamp(t, 0))
        .map(|d| d.with_timezone(&vietnam_offset()));
    let key = url.clone().unwrap_or_else(|| format!("fever:{}", i.id));
    Some(FeedItem {
        key,
        guid: None,
        article: NewArticle {
            site: url.as_deref().and_then(site_of),
            url,
            title,
            published,
            author: clean_opt(Some(&i.author)),
            lead,
            paragraphs,
            ..NewArticle::default()
        },
    })
}

/// A full-page feed's new item: its page fetched and merged as a feed
/// update does; when the page cannot be had, the summary stays. Whether
/// the item now carries its page.
fn with_page(fetcher: &Fetcher, item: &mut FeedItem, errors: &mut Vec<String>) -> bool {
    let Some(url) = item.article.url.clone() else {
        return false;
    };
    let page = fetcher
        .get(&url, None)
        .map_err(anyhow::Error::from)
        .and_then(|p| article_from_page(&p));
    match page {
        Ok(p) => {
            item.article = merge_page(item, p);
            true
        }
        Err(e) => {
            errors.push(format!(
                "{} (kept the feed's summary)",
                clean(&e.to_string())
            ));
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_report_reads_as_the_issue_says() {
        let r = SyncReport {
            new_items: 120,
            marked_read: 35,
            saved: 2,
            ..SyncReport::default()
        };
        assert_eq!(r.to_string(), "+120 items, 35 marked read, 2 saved");
        let r = SyncReport {
            new_items: 1,
            pushed: 3,
            errors: vec!["x".into()],
            ..SyncReport::default()
        };
        assert_eq!(
            r.to_string(),
            "+1 item, 0 marked read, 0 saved, 3 sent to the server; 1 not stored"
        );
        let r = SyncReport {
            feeds_added: 1,
            marked_unread: 2,
            ..SyncReport::default()
        };
        assert_eq!(
            r.to_string(),
            "+0 items, 0 marked read, 0 saved, 2 marked unread, 1 new feed"
        );
    }

    #[test]
    fn a_server_item_is_cleaned_like_a_feed_item() {
        let i = fever::ServerItem {
            id: 7,
            feed_id: 1,
            title: "Cafe\u{301} <b>sáng</b>\u{1b}[31m".into(),
            author: " Lan ".into(),
            html: "<p>Đoạn một.</p><p>Hai &amp; ba</p>".into(),
            url: "https://vnexpress.net/a-1.html".into(),
            created_on_time: Some(1_487_405_815),
        };
        let f = feed_item(&i).unwrap();
        assert_eq!(f.key, "https://vnexpress.net/a-1.html");
        assert_eq!(f.article.title, "Café sáng");
        assert_eq!(f.article.author.as_deref(), Some("Lan"));
        // Two blocks: the item's body, each its paragraph (no lead).
        let texts: Vec<&str> = f
            .article
            .paragraphs
            .iter()
            .map(|p| p.text.as_str())
            .collect();
        assert_eq!(texts, ["Đoạn một.", "Hai & ba"]);
        assert_eq!(f.article.lead, None);
        let one = feed_item(&fever::ServerItem {
            html: "<p>Một câu <i>tóm tắt</i>.</p>".into(),
            ..i.clone()
        })
        .unwrap();
        assert_eq!(one.article.lead.as_deref(), Some("Một câu tóm tắt."));
        assert!(one.article.paragraphs.is_empty());
        assert_eq!(f.article.site.as_deref(), Some("vnexpress.net"));
        assert_eq!(
            f.article.published.unwrap().to_rfc3339(),
            "2017-02-18T15:16:55+07:00"
        );
        let bare = fever::ServerItem {
            url: "javascript:alert(1)".into(),
            title: String::new(),
            html: String::new(),
            ..i
        };
        assert!(feed_item(&bare).is_none());
    }
}
