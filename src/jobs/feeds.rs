//! Reading every subscribed feed (`docbao update`, the TUI's update) with
//! bounded parallelism, and subscribing to a new one. Workers fetch and
//! parse; only the calling thread writes to the store. Progress is reported
//! through [`Progress`], the result is an [`UpdateSummary`].

use std::collections::{HashMap, HashSet};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::mpsc;

use crate::ingest::feed::{ParsedFeed, parse_feed};
use crate::ingest::html::{advertised_feeds, is_web_page};
use crate::jobs::http::{FetchError, Fetcher};
use crate::model::{ArticleId, Feed, ImportOutcome, NewArticle, Validators};
use crate::store::{ItemHashes, Store};
use crate::text::url::feed_url;
use crate::text::{clean, web_url};

mod compressed;
mod full_page;
pub use full_page::PageFailure;
pub(crate) use full_page::merge_page;
use full_page::with_pages;

/// A feed file is read up to this size, as an imported file is.
const MAX_FILE_BYTES: u64 = crate::ingest::MAX_FILE_BYTES as u64;

/// Fetch and parse a feed, conditionally. `None`: not modified since last
/// time. A `file://` feed is read from its file, every time.
pub fn fetch_feed(
    fetcher: &Fetcher,
    url: &str,
    validators: Option<&Validators>,
) -> anyhow::Result<Option<(ParsedFeed, Validators)>> {
    Ok(fetch_feed_at(fetcher, url, validators)?.feed)
}

/// A feed fetched: [`fetch_feed`]'s answer, with where it came from.
struct Fetch {
    feed: Option<(ParsedFeed, Validators)>,
    /// The address the feed came from at last (after redirects).
    landed: String,
    /// Where the address has moved for good (permanent redirects).
    moved_to: Option<String>,
}

fn fetch_feed_at(
    fetcher: &Fetcher,
    url: &str,
    validators: Option<&Validators>,
) -> anyhow::Result<Fetch> {
    if let Some(path) = file_feed_path(url)? {
        let body = read_feed_file(&path)?;
        let parsed = parse_feed(url, &compressed::decompressed(url, &body)?, None)?;
        return Ok(Fetch {
            feed: Some((parsed, Validators::default())),
            landed: url.to_string(),
            moved_to: None,
        });
    }
    let got = fetcher.get_feed(url, validators)?;
    let feed = if got.not_modified {
        None
    } else {
        if is_web_page(got.content_type.as_deref(), &got.body) {
            return Err(WebPage {
                url: got.url.clone(),
                kind: got
                    .content_type
                    .as_deref()
                    .and_then(|ct| ct.split(';').next())
                    .map_or("HTML".to_string(), |t| clean(t.trim())),
                feeds: advertised_feeds(&got.body, got.charset.as_deref(), &got.url),
            }
            .into());
        }
        let body = compressed::decompressed(url, &got.body)?;
        let parsed = parse_feed(url, &body, got.charset.as_deref())?;
        // Kept only when they are the address the feed is asked at next
        // time (its own, or where it moved for good): validators go only
        // to the address they came from. After a temporary redirect none
        // are kept (they would be the other address's).
        let next = got.moved_to.as_deref().unwrap_or(url);
        let v = if feed_url(&got.url) == feed_url(next) {
            Validators {
                etag: got.etag,
                last_modified: got.last_modified,
            }
        } else {
            Validators::default()
        };
        Some((parsed, v))
    };
    Ok(Fetch {
        feed,
        landed: got.url,
        moved_to: got.moved_to,
    })
}

/// A web page where a feed was expected, with the feeds it advertises.
#[derive(Debug)]
pub struct WebPage {
    /// The page's address (after redirects).
    pub url: String,
    /// What the server called it (`text/html`), else `HTML`.
    pub kind: String,
    pub feeds: Vec<String>,
}

impl std::fmt::Display for WebPage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let url = clean(&self.url);
        write!(f, "{url}: is a web page ({}), not a feed", self.kind)?;
        match self.feeds.as_slice() {
            [] => write!(f, ", and it links to no feed"),
            [one] => write!(
                f,
                "; it links to the feed {one}: subscribe with `docbao feed add {one}`"
            ),
            many => write!(
                f,
                "; it links to these feeds: {}; subscribe with `docbao feed add URL`",
                many.join(", ")
            ),
        }?;
        write!(f, " (to save the page itself: docbao add {url})")
    }
}

impl std::error::Error for WebPage {}

/// The file a `file://` feed address names (an offline feed); `None` for
/// any other address. Only an absolute path on this machine is taken.
fn file_feed_path(url: &str) -> anyhow::Result<Option<PathBuf>> {
    if !url
        .get(..7)
        .is_some_and(|s| s.eq_ignore_ascii_case("file://"))
    {
        return Ok(None);
    }
    let parsed = url::Url::parse(url).map_err(|e| anyhow::anyhow!("{}: {e}", clean(url)))?;
    match parsed.to_file_path() {
        Ok(p) => Ok(Some(p)),
        Err(()) => anyhow::bail!(
            "{}: a file:// address names an absolute path on this machine (file:///home/…/feed.xml)",
            clean(url)
        ),
    }
}

/// A feed's file, read whole up to the import limit. Only a regular file (or a link to one): a pipe or a device would be read
/// until it ends, which it may never do (a `file://` feed can come from an
/// OPML file written elsewhere).
fn read_feed_file(path: &Path) -> anyhow::Result<Vec<u8>> {
    let name = path.display();
    let meta = std::fs::metadata(path).map_err(|e| anyhow::anyhow!("\"{name}\": {e}"))?;
    if !meta.is_file() {
        anyhow::bail!("\"{name}\": not a regular file (a file:// feed is read from a file)");
    }
    let file = std::fs::File::open(path).map_err(|e| anyhow::anyhow!("\"{name}\": {e}"))?;
    let mut body = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut body)
        .map_err(|e| anyhow::anyhow!("\"{name}\": {e}"))?;
    if body.len() as u64 > MAX_FILE_BYTES {
        anyhow::bail!(
            "\"{name}\": larger than {} MiB",
            MAX_FILE_BYTES / (1024 * 1024)
        );
    }
    Ok(body)
}

/// The address a feed is subscribed under: an http(s) address as cleaned by
/// [`web_url`], in its one spelling ([`feed_url`]), or `file://` and the file's absolute path (an offline feed;
/// a relative path is taken from the current folder).
fn feed_address(input: &str) -> anyhow::Result<String> {
    let s = clean(input);
    if !s
        .get(..7)
        .is_some_and(|p| p.eq_ignore_ascii_case("file://"))
    {
        return web_url(&s)
            .map(|u| feed_url(&u).into_owned())
            .map_err(|why| anyhow::anyhow!("{s}: {why}"));
    }
    let path = match file_feed_path(&s) {
        Ok(Some(p)) => p,
        // file://feeds/tin.xml: from the current folder.
        _ => PathBuf::from(&s[7..]),
    };
    let abs = std::fs::canonicalize(&path)
        .map_err(|e| anyhow::anyhow!("{s}: cannot read \"{}\": {e}", path.display()))?;
    url::Url::from_file_path(&abs)
        .map(String::from)
        .map_err(|()| anyhow::anyhow!("{s}: not a file path"))
}

/// One feed's update, as a worker reports it.
#[derive(Debug)]
pub enum FeedResult {
    NotModified,
    Fetched {
        parsed: Box<ParsedFeed>,
        validators: Validators,
        /// Full pages fetched for new items (feeds with `full_page`), with the
        /// pages that failed.
        pages: Vec<(String, Result<NewArticle, PageFailure>)>,
        /// The items whose stored text is their page's (a full-page feed):
        /// what the feed says of them does not replace it.
        keep: HashSet<String>,
    },
    Failed {
        message: String,
        /// Until when the server asked not to be asked again (`Retry-After`
        /// of a 429 or 503), at most [`MAX_WAIT`] from now.
        wait_until: Option<i64>,
    },
}

/// The longest a server's `Retry-After` keeps a feed from being updated: a
/// server that asks for a year (or a date long past its meaning) is asked
/// again the next day.
const MAX_WAIT: i64 = 86_400;

/// What an update did, feed by feed. Every item fetched is counted in
/// exactly one bucket: `new_articles`, `known`, `updated` or `refused`.
#[derive(Debug, Default)]
pub struct UpdateSummary {
    pub feeds: usize,
    /// Items in the feeds fetched (not those of feeds not modified or failed).
    pub items: usize,
    pub new_articles: Vec<ArticleId>,
    /// Items already stored as they are (seen before, or from elsewhere).
    pub known: usize,
    /// Items already stored from elsewhere whose content changed.
    pub updated: usize,
    /// Items the feed reader or the store refused (each with a line in `errors`).
    pub refused: usize,
    /// Feeds the server said were not modified.
    pub not_modified: usize,
    /// Feeds not asked this time: their server asked docbao to wait (each
    /// with a line in `notes`).
    pub waiting: Vec<i64>,
    /// Full pages that could not be had (each with a line in `errors`):
    /// their items keep the feed's summary.
    pub pages_failed: usize,
    /// One line per failed feed or item: the URL and what went wrong.
    pub errors: Vec<String>,
    /// What the user should know that is no failure: a feed that moved.
    pub notes: Vec<String>,
    /// Stopped (Ctrl-C) before every feed was stored; how many were.
    pub stopped: bool,
    pub stored_feeds: usize,
}

/// Messages from an update in progress (for a progress bar or the TUI status line).
#[derive(Debug, Clone)]
pub enum Progress {
    Started {
        total: usize,
    },
    FeedDone {
        done: usize,
        total: usize,
        name: String,
        new: usize,
        error: Option<String>,
    },
    /// Stopped (Ctrl-C) while `under_way` feeds were being fetched: the
    /// update ends once they answer (or time out).
    Stopping {
        under_way: usize,
    },
}

/// How often an update waiting for feeds looks whether it was stopped.
const STOP_CHECK: std::time::Duration = std::time::Duration::from_millis(100);

/// Update every feed: `jobs` fetches at a time, each feed's items stored as
/// its result arrives. A feed that fails is reported and the others go on.
pub fn update_all(
    store: &mut Store,
    fetcher: &Fetcher,
    jobs: usize,
    stop: &(dyn Fn() -> bool + Sync),
    mut progress: impl FnMut(Progress),
) -> anyhow::Result<UpdateSummary> {
    // A feed whose server asked docbao to wait (`Retry-After`) is not
    // asked before then: said, and counted apart.
    let waits = store.feed_waits()?;
    let (waiting, feeds): (Vec<Feed>, Vec<Feed>) = store
        .feeds()?
        .into_iter()
        .partition(|f| waits.contains_key(&f.id));
    let total = feeds.len();
    progress(Progress::Started { total });
    let mut summary = UpdateSummary {
        feeds: total + waiting.len(),
        ..UpdateSummary::default()
    };
    for f in &waiting {
        summary.notes.push(format!(
            "feed {} ({}): skipped: its server asked to wait until {}",
            f.id,
            clean(f.name()),
            crate::text::local_minute(waits[&f.id])
        ));
        summary.waiting.push(f.id);
    }
    // What each full-page feed already has, so workers fetch pages only for
    // new items, for those whose page could not be fetched before and for
    // those whose title the feed has changed.
    let mut known: Vec<full_page::Known> = Vec::with_capacity(total);
    for f in &feeds {
        known.push(if f.full_page {
            store.feed_item_pages(f.id)?
        } else {
            HashMap::new()
        });
    }
    let (work_tx, work_rx) = mpsc::channel::<usize>();
    for i in 0..total {
        let _ = work_tx.send(i);
    }
    drop(work_tx);
    let work_rx = std::sync::Mutex::new(work_rx);
    let (done_tx, done_rx) = mpsc::channel::<(usize, FeedResult, Option<String>)>();
    // Feeds taken by a worker and not yet handed back.
    let under_way = std::sync::atomic::AtomicUsize::new(0);
    std::thread::scope(|scope| -> anyhow::Result<()> {
        for _ in 0..jobs.clamp(1, 16).min(total.max(1)) {
            let done_tx = done_tx.clone();
            let (work_rx, feeds, known, under_way) = (&work_rx, &feeds, &known, &under_way);
            scope.spawn(move || {
                loop {
                    // Stopped (Ctrl-C): no more feeds fetched.
                    if stop() {
                        break;
                    }
                    let next = work_rx.lock().ok().and_then(|rx| rx.recv().ok());
                    let Some(i) = next else { break };
                    under_way.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                    let (result, moved_to) = check_feed(fetcher, &feeds[i], &known[i]);
                    let sent = done_tx.send((i, result, moved_to));
                    under_way.fetch_sub(1, std::sync::atomic::Ordering::SeqCst);
                    if sent.is_err() {
                        break;
                    }
                }
            });
        }
        drop(done_tx);
        let mut done = 0;
        let mut told = false;
        loop {
            // Waiting on a slow feed, a stop is said at once: the update
            // ends only when the feeds under way answer.
            let (i, result, moved_to) = match done_rx.recv_timeout(STOP_CHECK) {
                Ok(next) => next,
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    if !told && stop() {
                        told = true;
                        progress(Progress::Stopping {
                            under_way: under_way.load(std::sync::atomic::Ordering::SeqCst),
                        });
                    }
                    continue;
                }
                Err(mpsc::RecvTimeoutError::Disconnected) => break,
            };
            // Stopped: the workers take no more feeds, and the answers of
            // those under way are stored as they come (the stop said it
            // waits for them); the feeds not fetched are fetched next time.
            if stop() {
                summary.stopped = true;
                // A feed whose answer the stop waited for and that did not
                // come (a timeout, a broken connection) was cut off, not
                // failed: nothing is stored of it, no failure either (a
                // tester's find: it was counted stored and failed).
                if matches!(result, FeedResult::Failed { .. }) {
                    continue;
                }
            }
            done += 1;
            summary.stored_feeds = done;
            let feed = &feeds[i];
            if let Some(to) = moved_to {
                follow_move(store, feed, &to, &mut summary)?;
            }
            let (new, error) = match apply_result(store, feed, result, &mut summary) {
                // Removed by another process while this one fetched it:
                // said, and the other feeds go on.
                Err(e) if gone(&e) => {
                    let said = format!(
                        "feed {} ({}) was removed while it was updated: its new items were not stored",
                        feed.id,
                        clean(feed.name())
                    );
                    summary.notes.push(said);
                    (0, None)
                }
                other => other?,
            };
            progress(Progress::FeedDone {
                done,
                total,
                name: clean(feed.name()),
                new,
                error,
            });
        }
        Ok(())
    })?;
    // The update's articles counted in the file, and the keywords that
    // wait for the import's end settled (a reader's store lives on). Its
    // items are stored: a flush that fails fails no update, and the
    // store's drop tries again.
    let _ = store.flush_keyword_stats();
    summary.notes.extend(crate::text::guard::take_notes());
    Ok(summary)
}

/// Was the feed removed meanwhile ([`crate::store::StoreError::FeedGone`])?
fn gone(e: &anyhow::Error) -> bool {
    matches!(
        e.downcast_ref::<crate::store::StoreError>(),
        Some(crate::store::StoreError::FeedGone(_))
    )
}

/// A feed's update, and where its address has moved for good.
fn check_feed(
    fetcher: &Fetcher,
    feed: &Feed,
    known: &full_page::Known,
) -> (FeedResult, Option<String>) {
    match fetch_feed_at(fetcher, &feed.url, Some(&feed.validators())) {
        Ok(Fetch {
            feed: None,
            moved_to,
            ..
        }) => (FeedResult::NotModified, moved_to),
        Ok(Fetch {
            feed: Some((parsed, validators)),
            moved_to,
            ..
        }) => (
            with_pages(fetcher, feed, parsed, validators, known),
            moved_to,
        ),
        // Cleaned where it enters: the message may quote the server.
        Err(e) => {
            let mut message = clean(&e.to_string());
            let mut wait_until = None;
            match e.downcast_ref::<FetchError>() {
                Some(FetchError::Status {
                    status: 429 | 503,
                    retry_at: Some(at),
                    ..
                }) => {
                    // A time already past (a date, or 0) asks no wait.
                    let now = chrono::Utc::now().timestamp();
                    wait_until = (*at > now).then(|| (*at).min(now + MAX_WAIT));
                }
                // Gone for good, the site says: what to do about it.
                Some(FetchError::Status { status: 410, .. }) => message.push_str(&format!(
                    "; the site has removed this feed: `docbao feed remove {}` unsubscribes",
                    feed.id
                )),
                _ => {}
            }
            (
                FeedResult::Failed {
                    message,
                    wait_until,
                },
                None,
            )
        }
    }
}

/// A feed whose address answered "moved permanently" (301, 308) is
/// subscribed under its new address from now on (its validators, stored
/// next, are the new address's). When another subscription has that
/// address already, the two are one feed: that is said, and nothing
/// changes.
fn follow_move(
    store: &Store,
    feed: &Feed,
    to: &str,
    summary: &mut UpdateSummary,
) -> anyhow::Result<()> {
    if feed_url(to) == feed_url(&feed.url) {
        return Ok(());
    }
    let (from, to_shown) = (clean(&feed.url), clean(to));
    if let Some(other) = store.feed_by_url(to)? {
        summary.notes.push(format!(
            "feed {} ({from}) has moved to {to_shown}, which is feed {} ({}): the same feed twice; \
             remove one (docbao feed remove {})",
            feed.id,
            other.id,
            clean(other.name()),
            feed.id
        ));
        return Ok(());
    }
    store.move_feed(feed.id, to)?;
    summary.notes.push(format!(
        "feed {} ({}) has moved permanently: {from} is now {to_shown}",
        feed.id,
        clean(feed.name())
    ));
    Ok(())
}

/// Subscribe to a feed: it is fetched first (something that is not a feed is
/// refused and nothing is stored), then its items are stored like an update's.
/// A web page that advertises exactly one feed is taken for it, as most
/// feed readers do (said in the summary's notes); one that advertises
/// several, or none, is refused naming them ([`WebPage`]).
pub fn subscribe(
    store: &mut Store,
    fetcher: &Fetcher,
    url: &str,
    full_page: bool,
) -> anyhow::Result<(Feed, UpdateSummary)> {
    let err = match subscribe_to(store, fetcher, url, full_page) {
        Ok((feed, mut summary)) => {
            summary.notes.extend(crate::text::guard::take_notes());
            return Ok((feed, summary));
        }
        Err(e) => e,
    };
    let Some(WebPage {
        url: page, feeds, ..
    }) = err.downcast_ref::<WebPage>()
    else {
        return Err(err);
    };
    let [feed] = feeds.as_slice() else {
        return Err(err);
    };
    let said = format!(
        "{}: is a web page, not a feed; it links to the feed {feed}",
        clean(page)
    );
    let (found, mut summary) = subscribe_to(store, fetcher, feed, full_page)
        .map_err(|e| anyhow::anyhow!("{said}, and {e}"))?;
    summary.notes.extend(crate::text::guard::take_notes());
    summary
        .notes
        .insert(0, format!("{said}: subscribed to that"));
    Ok((found, summary))
}

fn subscribe_to(
    store: &mut Store,
    fetcher: &Fetcher,
    url: &str,
    full_page: bool,
) -> anyhow::Result<(Feed, UpdateSummary)> {
    // Only a web address (or a feed file) is fetched and stored, cleaned.
    let typed = clean(url);
    let url = &feed_address(url)?;
    if let Some(f) = store.feed_by_url(url)? {
        anyhow::bail!("{}", already(&typed, &f));
    }
    let Fetch {
        feed,
        landed,
        moved_to,
    } = fetch_feed_at(fetcher, url, None)?;
    let Some((parsed, validators)) = feed else {
        anyhow::bail!("{url}: the server said \"not modified\" to a first request");
    };
    // Moved for good (301, 308): subscribed where it is now, as `update`
    // would move it at its first run. Kept under the old address, the new
    // one could be subscribed a second time, and every update said so.
    let moved = moved_to.map(|to| feed_url(&to).into_owned());
    let url = match &moved {
        Some(to) if to != url => {
            if let Some(f) = store.feed_by_url(to)? {
                anyhow::bail!(
                    "{url} leads to {to}, already subscribed (feed {}: {})",
                    f.id,
                    clean(f.name())
                );
            }
            to
        }
        _ => url,
    };
    // An address that redirects to a feed subscribed already is that feed.
    if feed_url(&landed) != feed_url(url)
        && let Some(f) = store.feed_by_url(&landed)?
    {
        anyhow::bail!(
            "{url} leads to {landed}, already subscribed (feed {}: {})",
            f.id,
            clean(f.name())
        );
    }
    let id = store.add_feed(url, parsed.title.as_deref(), full_page)?;
    let feed = store
        .feeds()?
        .into_iter()
        .find(|f| f.id == id)
        .ok_or_else(|| anyhow::anyhow!("feed {id} vanished"))?;
    let mut summary = UpdateSummary {
        feeds: 1,
        ..UpdateSummary::default()
    };
    if moved.is_some() && feed.url != typed {
        summary.notes.push(format!(
            "{typed} has moved permanently: subscribed under {}",
            clean(&feed.url)
        ));
    }
    let result = with_pages(fetcher, &feed, parsed, validators, &HashMap::new());
    apply_result(store, &feed, result, &mut summary)?;
    Ok((feed, summary))
}

/// `url` (as typed) is feed `f` already: its address as stored said when
/// it is spelt otherwise.
fn already(url: &str, f: &Feed) -> String {
    let stored = if f.url == url {
        String::new()
    } else {
        format!(", as {}", clean(&f.url))
    };
    format!(
        "{url}: already subscribed (feed {}: {}{stored})",
        f.id,
        clean(f.name())
    )
}

fn apply_result(
    store: &mut Store,
    feed: &Feed,
    result: FeedResult,
    summary: &mut UpdateSummary,
) -> anyhow::Result<(usize, Option<String>)> {
    match result {
        FeedResult::NotModified => {
            summary.not_modified += 1;
            store.feed_checked(feed.id, None, None, None, None)?;
            Ok((0, None))
        }
        FeedResult::Failed {
            message,
            wait_until,
        } => {
            let e = match wait_until {
                Some(until) => format!(
                    "{message}; updates skip this feed until {}",
                    crate::text::local_minute(until)
                ),
                None => message,
            };
            store.feed_checked(feed.id, None, None, None, Some(&e))?;
            if let Some(until) = wait_until {
                store.feed_wait(feed.id, until)?;
            }
            summary.errors.push(e.clone());
            Ok((0, Some(e)))
        }
        FeedResult::Fetched {
            parsed,
            validators,
            pages,
            keep,
        } => {
            let mut items = parsed.items.clone();
            // What the feed says of each item, before pages replace it.
            let fed: Vec<ItemHashes> = items.iter().map(ItemHashes::of).collect();
            // Items seen before whose page is fetched only now (it failed
            // then): their stored summary is replaced by the page.
            let seen = if pages.is_empty() {
                HashSet::new()
            } else {
                store.feed_item_keys(feed.id)?
            };
            let mut late_pages = Vec::new();
            let mut failed = Vec::new();
            let mut had = Vec::new();
            for (key, page) in pages {
                match page {
                    Ok(p) => {
                        had.push(key.clone());
                        if let Some(item) = items.iter_mut().find(|i| i.key == key) {
                            item.article = merge_page(item, p);
                            if seen.contains(&key) {
                                late_pages.push(item.article.clone());
                            }
                        }
                    }
                    Err(e) => failed.push((key, e)),
                }
            }
            let pages: HashSet<String> = had.iter().cloned().collect();
            let mut out = store.update_feed_items(feed.id, &items, &fed, (&keep, &pages))?;
            // Each failed page's try counted once its item is stored; the
            // last try says the page is not asked for again.
            store.forget_page_failures(feed.id, &had)?;
            for (key, e) in failed {
                let then = if store.note_page_failure(feed.id, &key, e.limit())? {
                    "it failed at every try for long enough: the page is not asked for again"
                        .to_string()
                } else {
                    "the page is tried again at the next update".to_string()
                };
                summary.pages_failed += 1;
                summary
                    .errors
                    .push(format!("{} (kept the feed's summary; {then})", e.message));
            }
            for article in &late_pages {
                // Counted as known by the store: one bucket each still.
                match store.import_page(article) {
                    Ok(ImportOutcome::Updated(_)) => {
                        out.known = out.known.saturating_sub(1);
                        out.updated += 1;
                    }
                    Ok(_) => {}
                    Err(e) => {
                        out.known = out.known.saturating_sub(1);
                        out.failed.push(format!("\"{}\": {e}", article.title));
                    }
                }
            }
            for n in &parsed.notes {
                summary.notes.push(clean(n));
            }
            for s in &parsed.skipped {
                summary.errors.push(clean(s));
            }
            for f in &out.failed {
                summary.errors.push(clean(&format!("{}: {f}", feed.url)));
            }
            store.feed_checked(
                feed.id,
                Some(&validators),
                parsed.title.as_deref(),
                parsed.site_url.as_deref(),
                None,
            )?;
            let n = out.new_articles.len();
            summary.items += items.len() + parsed.skipped.len();
            summary.known += out.known;
            summary.updated += out.updated;
            summary.refused += parsed.skipped.len() + out.failed.len();
            summary.new_articles.extend(out.new_articles);
            Ok((n, None))
        }
    }
}
