//! Slow work off the UI thread: updating the feeds, syncing and fetching pages. Each
//! worker opens its own write connection to the store and reports back in
//! owned messages on the run loop's channel; the UI never waits for it.

use std::path::PathBuf;
use std::sync::mpsc::Sender;

use crate::jobs::feeds::{self, Progress};
use crate::jobs::http::default_fetcher;
use crate::jobs::pages::save_page;
use crate::jobs::sync::{SyncProgress, account};
use crate::model::ArticleId;
use crate::store::Store;
use crate::text::layout::group_count;
use crate::tui::event::{Event, FeedFailure, WorkerMsg};

fn send(tx: &Sender<Event>, msg: WorkerMsg) {
    let _ = tx.send(Event::Worker(msg));
}

/// Update every feed in the background, reporting each feed as it is done
/// and, at the end, the feeds that failed (name and error).
pub fn spawn_update(db: PathBuf, tx: Sender<Event>) {
    std::thread::spawn(move || {
        let mut failed = Vec::new();
        let result = (|| -> anyhow::Result<(usize, usize, usize)> {
            let mut store = Store::open(&db)?;
            let fetcher = default_fetcher(None);
            let summary = feeds::update_all(&mut store, &fetcher, 4, &|| false, |p| {
                if let Progress::FeedDone {
                    done,
                    total,
                    name,
                    error,
                    ..
                } = p
                {
                    if let Some(error) = error {
                        failed.push(FeedFailure {
                            feed: name.clone(),
                            error,
                        });
                    }
                    send(&tx, WorkerMsg::UpdateProgress { done, total, name });
                }
            })?;
            Ok((summary.feeds, summary.new_articles.len(), summary.updated))
        })();
        let finished = match result {
            Ok((feeds, new, updated)) => WorkerMsg::UpdateFinished {
                feeds,
                new,
                updated,
                failed,
            },
            Err(e) => WorkerMsg::UpdateFailed {
                error: e.to_string(),
            },
        };
        send(&tx, finished);
    });
}

/// Fetch a page and store it bookmarked: a new page (`a`), or the full page
/// of a stored feed item (bookmarking one that has only its summary).
pub fn spawn_fetch_page(db: PathBuf, url: String, tx: Sender<Event>) {
    std::thread::spawn(move || {
        let result = (|| -> anyhow::Result<(ArticleId, String)> {
            let mut store = Store::open(&db)?;
            let fetcher = default_fetcher(None);
            let saved = save_page(&mut store, &fetcher, &url)?;
            Ok((saved.outcome.id(), saved.title))
        })();
        send(
            &tx,
            match result {
                Ok((id, title)) => WorkerMsg::PageSaved { url, id, title },
                Err(e) => WorkerMsg::PageFailed {
                    url,
                    error: e.to_string(),
                },
            },
        );
    });
}

/// Fetch the full page of a bookmarked article stored with only its feed's
/// summary, off the UI thread.
pub fn spawn_fetch_full_page(db: PathBuf, id: ArticleId, url: String, tx: Sender<Event>) {
    std::thread::spawn(move || {
        let msg = match Store::open(&db) {
            Ok(mut store) => fetch_full_page(&mut store, id, url),
            Err(e) => WorkerMsg::FullPageFailed {
                id,
                url,
                error: e.to_string(),
            },
        };
        send(&tx, msg);
    });
}

/// Fetch and store the full page of a bookmarked article; the report names
/// the article and says why it failed without the address (the status line
/// shows it shortened).
pub fn fetch_full_page(store: &mut Store, id: ArticleId, url: String) -> WorkerMsg {
    let fetcher = default_fetcher(None);
    match save_page(store, &fetcher, &url) {
        Ok(saved) => WorkerMsg::FullPageSaved {
            id: saved.outcome.id(),
            title: saved.title,
        },
        Err(e) => WorkerMsg::FullPageFailed {
            id,
            error: without_address(&e.to_string()).to_string(),
            url,
        },
    }
}

/// A fetch error reads `ADDRESS: why`: the why.
fn without_address(error: &str) -> &str {
    match error.split_once(": ") {
        Some((head, why)) if head.starts_with("http") && !head.contains(char::is_whitespace) => why,
        _ => error,
    }
}

/// Compute an article's related stories (a full-text query) off the UI thread.
pub fn spawn_related(db: PathBuf, id: ArticleId, tx: Sender<Event>) {
    std::thread::spawn(move || {
        let added = Store::open(&db).and_then(|mut s| s.ensure_computed_related(id));
        if matches!(added, Ok(n) if n > 0) {
            send(&tx, WorkerMsg::RelatedComputed { id });
        }
    });
}

/// Sync with the Fever server in the background: where it is, then its
/// report, or why it could not be done.
pub fn spawn_sync(db: PathBuf, tx: Sender<Event>) {
    std::thread::spawn(move || {
        let result = (|| -> anyhow::Result<crate::jobs::sync::SyncReport> {
            let path = account::account_path()
                .ok_or_else(|| anyhow::anyhow!("no config folder for the sync account"))?;
            let Some(acct) = account::load(&path)? else {
                anyhow::bail!("no sync account yet: add one with docbao sync add URL --email E");
            };
            let mut store = Store::open(&db)?;
            let fetcher = default_fetcher(None);
            crate::jobs::sync::sync(&mut store, &fetcher, &acct, &|| false, |p| {
                let what = match p {
                    SyncProgress::Pushing { done, total } => {
                        format!("sending marks {}/{}", group_count(done), group_count(total))
                    }
                    SyncProgress::Feeds => "reading the feeds".to_string(),
                    SyncProgress::Items { stored } => format!("{} new items", group_count(stored)),
                    SyncProgress::State => "reading the read and saved state".to_string(),
                };
                send(&tx, WorkerMsg::SyncProgress { what });
            })
        })();
        let msg = match result {
            Ok(report) => WorkerMsg::SyncFinished {
                report: report.to_string(),
                errors: report.errors,
            },
            Err(e) => WorkerMsg::SyncFailed {
                error: crate::text::clean(&format!("{e:#}")),
            },
        };
        send(&tx, msg);
    });
}
