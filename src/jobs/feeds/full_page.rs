//! A full-page feed's pages: fetched for its items, merged into them, and
//! how a page that fails is counted.

use std::collections::{HashMap, HashSet};

use super::FeedResult;
use crate::ingest::feed::ParsedFeed;
use crate::jobs::http::{FetchError, Fetcher};
use crate::jobs::pages::article_from_page;
use crate::model::{Feed, FeedItem, NewArticle, Validators};
use crate::store::ItemHashes;
use crate::text::clean;

/// A full page that could not be had: why, and whether the answer says it
/// will not be had later either (the page is not there, 404 or 410, or holds
/// no article docbao can read: a PDF, a video page).
#[derive(Debug)]
pub struct PageFailure {
    pub message: String,
    pub for_good: bool,
}

impl PageFailure {
    /// How many updates try a page that fails so, over how many seconds at
    /// least, before docbao stops asking for it: a few over an hour when the
    /// answer says it is not there (a feed may carry an item minutes before
    /// its page is up), more over a day for a timeout or a server's error (a
    /// site down for a while). Both: a cron update every five minutes gave
    /// a page up within a quarter of an hour (a code review's find).
    pub(super) fn limit(&self) -> (u32, i64) {
        if self.for_good {
            (3, 3_600)
        } else {
            (10, 86_400)
        }
    }
}

/// What a full-page feed holds of its items: by key, the hash of the title
/// the feed gave (`None` for items stored before it was noted) and whether
/// the stored text is the page's (an item whose page was given up keeps
/// the feed's summary, which the feed may correct).
pub type Known = HashMap<String, (Option<i64>, bool)>;

/// For a full-page feed, fetch the page of every item whose page is not
/// stored (`known`: the items whose page is, with the hash of the title
/// the feed gave them), and of every item whose title the feed has changed
/// since: a corrected headline says the site edited the article. A change
/// of the summary alone does not: the page stored stays, not fetched again.
pub(super) fn with_pages(
    fetcher: &Fetcher,
    feed: &Feed,
    parsed: ParsedFeed,
    validators: Validators,
    known: &Known,
) -> FeedResult {
    let mut pages = Vec::new();
    let mut keep = HashSet::new();
    if feed.full_page {
        let wanted = |item: &FeedItem| match known.get(&item.key) {
            None => true,
            Some((title, _)) => title.is_some_and(|t| t != ItemHashes::of(item).title),
        };
        keep.extend(
            parsed
                .items
                .iter()
                .filter(|i| known.get(&i.key).is_some_and(|(_, page)| *page))
                .map(|i| i.key.clone()),
        );
        for item in parsed.items.iter().filter(|i| wanted(i)) {
            if let Some(url) = &item.article.url {
                let failure = |e: String, for_good: bool| {
                    // Every message names the page (an extraction's may not).
                    let e = clean(&e);
                    let message = if e.contains(url.as_str()) {
                        e
                    } else {
                        format!("{}: {e}", clean(url))
                    };
                    PageFailure { message, for_good }
                };
                let page = match fetcher.get(url, None) {
                    Ok(p) => article_from_page(&p).map_err(|e| failure(e.to_string(), true)),
                    Err(e) => {
                        let for_good = matches!(
                            e,
                            FetchError::Status {
                                status: 404 | 410,
                                ..
                            } | FetchError::BadUrl { .. }
                                | FetchError::Redirects { .. }
                                | FetchError::BadRedirect { .. }
                                | FetchError::TooLarge { .. }
                                | FetchError::FeedNotPage { .. }
                        );
                        Err(failure(e.to_string(), for_good))
                    }
                };
                pages.push((item.key.clone(), page));
            }
        }
    }
    FeedResult::Fetched {
        parsed: Box::new(parsed),
        validators,
        pages,
        keep,
    }
}

/// Merge a full page into the feed's item: the page's text, the feed's date
/// and keywords when the page has none.
pub(crate) fn merge_page(item: &FeedItem, page: NewArticle) -> NewArticle {
    let mut a = page;
    let feed = &item.article;
    a.url = feed.url.clone().or(a.url);
    if a.published.is_none() {
        a.published = feed.published;
    }
    if a.lead.is_none() {
        a.lead = feed.lead.clone();
    }
    if a.keywords.is_empty() {
        a.keywords = feed.keywords.clone();
    }
    a.bookmarked = None;
    a
}
