//! `docbao import-newsboat`: newsboat's subscriptions (its `urls` file) and
//! every item of its cache (`cache.db`), with the read state and the flagged
//! (starred) items as bookmarks. Items are stored as feed items, keyed as
//! `docbao update` keys them, so that running the import again, or updating
//! the feeds afterwards, adds nothing twice.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::ingest::newsboat::{UrlsLine, config_filters, item_article, item_key, parse_urls};
use crate::model::{ArticleId, FeedItem, NewArticle};
use crate::store::{FeedStoreError, NewsboatCache, NewsboatCacheError, Store};
use crate::text::{clean, count};

/// Items are read from the cache and stored this many at a time.
const PAGE: usize = 500;

/// The urls file is read up to this size.
const MAX_URLS_BYTES: u64 = crate::ingest::MAX_FILE_BYTES as u64;

#[derive(Debug, thiserror::Error)]
pub enum NewsboatError {
    #[error("no newsboat {what} found (looked for {}); name it with {flag} FILE", .tried.iter().map(|p| format!("\"{}\"", p.display())).collect::<Vec<_>>().join(" and "))]
    NotFound {
        what: &'static str,
        flag: &'static str,
        tried: Vec<PathBuf>,
    },
    #[error("cannot read newsboat's urls file \"{path}\": {why}")]
    Urls { path: PathBuf, why: String },
    #[error(
        "newsboat is running (its lock file \"{lock}\" names process {pid}): quit it and run the import again"
    )]
    Running { lock: PathBuf, pid: u32 },
    #[error(transparent)]
    Cache(#[from] NewsboatCacheError),
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
    #[error(transparent)]
    Feed(#[from] FeedStoreError),
}

/// Where newsboat keeps its files, as it looks for them: the XDG folders
/// (`~/.config/newsboat/urls`, `~/.local/share/newsboat/cache.db`), else
/// `~/.newsboat/`.
#[derive(Debug, Clone, Default)]
pub struct Places {
    pub home: Option<PathBuf>,
    pub xdg_config: Option<PathBuf>,
    pub xdg_data: Option<PathBuf>,
}

impl Places {
    /// From the environment (`HOME`, `XDG_CONFIG_HOME`, `XDG_DATA_HOME`).
    pub fn from_env() -> Places {
        let dir = |v: &str| {
            std::env::var_os(v)
                .map(PathBuf::from)
                .filter(|p| p.is_absolute())
        };
        Places {
            home: dir("HOME"),
            xdg_config: dir("XDG_CONFIG_HOME"),
            xdg_data: dir("XDG_DATA_HOME"),
        }
    }

    fn candidates(&self, xdg: Option<&Path>, xdg_default: &str, file: &str) -> Vec<PathBuf> {
        let mut out = Vec::new();
        match (xdg, &self.home) {
            (Some(x), _) => out.push(x.join("newsboat").join(file)),
            (None, Some(h)) => out.push(h.join(xdg_default).join("newsboat").join(file)),
            (None, None) => {}
        }
        if let Some(h) = &self.home {
            out.push(h.join(".newsboat").join(file));
        }
        out
    }

    /// The urls file: the first of the places that exists.
    pub fn urls(&self) -> Result<PathBuf, NewsboatError> {
        let tried = self.candidates(self.xdg_config.as_deref(), ".config", "urls");
        first_existing(tried, "urls file", "--urls")
    }

    /// The cache: the first of the places that exists.
    pub fn cache(&self) -> Result<PathBuf, NewsboatError> {
        let tried = self.candidates(self.xdg_data.as_deref(), ".local/share", "cache.db");
        first_existing(tried, "cache", "--cache")
    }
}

fn first_existing(
    tried: Vec<PathBuf>,
    what: &'static str,
    flag: &'static str,
) -> Result<PathBuf, NewsboatError> {
    match tried.iter().find(|p| p.exists()) {
        Some(p) => Ok(p.clone()),
        None => Err(NewsboatError::NotFound { what, flag, tried }),
    }
}

/// Messages from an import in progress, for a progress bar.
#[derive(Debug, Clone, Copy)]
pub enum NewsboatProgress {
    Started { items: u64 },
    Items { done: u64 },
    Finished,
}

/// What the import did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct NewsboatSummary {
    pub feeds_added: usize,
    pub feeds_known: usize,
    pub items: usize,
    pub new_articles: Vec<ArticleId>,
    /// Items read in newsboat, now read here.
    pub read: usize,
    /// Flagged items, now bookmarked here.
    pub bookmarked: usize,
    /// Lines of the urls file not subscribed to, with why.
    pub skipped: Vec<String>,
    /// Items that could not be stored, with why.
    pub failed: Vec<String>,
    /// Items deleted in newsboat noted as seen, so that an update does not
    /// bring them (not counted again by a later import).
    pub deleted: usize,
}

impl NewsboatSummary {
    /// The summary line.
    pub fn line(&self) -> String {
        format!(
            "newsboat: {} ({} new), {} ({} new), {} read, {} bookmarked{}{}",
            count(self.feeds_added + self.feeds_known, "feed"),
            self.feeds_added,
            count(self.items, "item"),
            self.new_articles.len(),
            self.read,
            self.bookmarked,
            match self.deleted {
                0 => String::new(),
                n => format!(", {} deleted in newsboat left out", n),
            },
            if self.failed.is_empty() {
                String::new()
            } else {
                format!(", {} failed", self.failed.len())
            }
        )
    }
}

/// A subscribed feed, by the name newsboat's cache gives it.
struct Subscribed {
    id: i64,
    tags: Vec<String>,
}

/// Import newsboat's subscriptions and cache into the store.
pub fn import_newsboat(
    store: &mut Store,
    urls: &Path,
    cache: &Path,
    mut progress: impl FnMut(NewsboatProgress),
) -> Result<NewsboatSummary, NewsboatError> {
    check_lock(cache)?;
    // A migration is a bulk import: the same bigger cache and rarer
    // automatic checkpoints as `docbao import`.
    store.tune_for_bulk_import()?;
    let lines = parse_urls(&read_urls(urls)?);
    // newsboat's config beside the urls file: its filters are named, not
    // dropped silently (a config that cannot be read is not ours to judge).
    let config = urls.with_file_name("config");
    let config_lines = match config.is_file().then(|| read_urls(&config)) {
        Some(Ok(text)) => config_filters(&text),
        _ => Vec::new(),
    };
    let cache = NewsboatCache::open(cache)?;
    let titles: HashMap<String, String> = cache
        .feeds()?
        .into_iter()
        .map(|f| (f.rss_url, f.title))
        .collect();
    let mut summary = NewsboatSummary::default();
    let mut feeds: HashMap<String, Subscribed> = HashMap::new();
    for line in lines {
        match line {
            UrlsLine::Skipped { line, why } => summary
                .skipped
                .push(format!("\"{}\" line {line}: skipped {why}", urls.display())),
            UrlsLine::Feed {
                source,
                url,
                title,
                tags,
            } => {
                let title = title.or_else(|| {
                    titles
                        .get(&source)
                        .map(|t| clean(t))
                        .filter(|t| !t.is_empty())
                });
                let id = match store.add_feed(&url, title.as_deref(), false) {
                    Ok(id) => {
                        summary.feeds_added += 1;
                        id
                    }
                    Err(FeedStoreError::Exists { id, .. }) => {
                        summary.feeds_known += 1;
                        id
                    }
                    Err(e) => return Err(e.into()),
                };
                feeds.insert(source, Subscribed { id, tags });
            }
        }
    }
    for line in config_lines {
        if let UrlsLine::Skipped { line, why } = line {
            summary.skipped.push(format!(
                "\"{}\" line {line}: skipped {why}",
                config.display()
            ));
        }
    }
    progress(NewsboatProgress::Started {
        items: cache.item_count()?,
    });
    // Per feed, the keys of the items newsboat has read or flagged: set
    // here at the end, also on items an earlier import already brought.
    let mut marks: HashMap<i64, Vec<(String, bool, bool)>> = HashMap::new();
    let mut done = 0u64;
    cache.for_each_page(PAGE, |page| -> Result<(), NewsboatError> {
        done += page.len() as u64;
        let mut by_feed: HashMap<Option<i64>, Vec<FeedItem>> = HashMap::new();
        for item in &page {
            let feed = feeds.get(&item.feed_url);
            let tags = feed.map(|f| f.tags.as_slice()).unwrap_or_default();
            let Some(f) = item_article(item, tags) else {
                summary.failed.push(format!(
                    "newsboat item \"{}\" of {}: no title, text or link",
                    clean(&item.guid),
                    clean(&item.feed_url)
                ));
                continue;
            };
            summary.items += 1;
            summary.read += usize::from(f.article.read == Some(true));
            summary.bookmarked += usize::from(f.article.bookmarked == Some(true));
            by_feed.entry(feed.map(|f| f.id)).or_default().push(f);
        }
        for (feed_id, items) in by_feed {
            match feed_id {
                Some(id) => store_feed(store, id, items, &mut marks, &mut summary)?,
                // A feed no longer in the urls file: its items, with no feed.
                None => store_loose(store, items, &mut summary)?,
            }
        }
        progress(NewsboatProgress::Items { done });
        Ok(())
    })?;
    // Items deleted in newsboat stay away: `docbao update` finds them known.
    let mut gone: HashMap<i64, Vec<String>> = HashMap::new();
    for item in cache.deleted_items()? {
        if let Some(feed) = feeds.get(&item.feed_url) {
            gone.entry(feed.id).or_default().push(item_key(&item));
        }
    }
    for (feed_id, keys) in gone {
        summary.deleted += store.note_gone_items(feed_id, &keys)?;
    }
    for (feed_id, keys) in marks {
        let stored = store.feed_item_articles(feed_id)?;
        let ids = |want: fn(&(String, bool, bool)) -> bool| -> Vec<ArticleId> {
            keys.iter()
                .filter(|k| want(k))
                .filter_map(|k| stored.get(&k.0).copied())
                .collect()
        };
        store.set_read_many(&ids(|k| k.1), true)?;
        store.set_bookmarked_many(&ids(|k| k.2), true)?;
    }
    progress(NewsboatProgress::Finished);
    Ok(summary)
}

fn store_feed(
    store: &mut Store,
    feed_id: i64,
    items: Vec<FeedItem>,
    marks: &mut HashMap<i64, Vec<(String, bool, bool)>>,
    summary: &mut NewsboatSummary,
) -> Result<(), NewsboatError> {
    for i in &items {
        let (read, saved) = (
            i.article.read == Some(true),
            i.article.bookmarked == Some(true),
        );
        if read || saved {
            marks
                .entry(feed_id)
                .or_default()
                .push((i.key.clone(), read, saved));
        }
    }
    let out = store.store_feed_items(feed_id, &items)?;
    summary.new_articles.extend(out.new_articles);
    summary.failed.extend(out.failed.iter().map(|f| clean(f)));
    Ok(())
}

fn store_loose(
    store: &mut Store,
    items: Vec<FeedItem>,
    summary: &mut NewsboatSummary,
) -> Result<(), NewsboatError> {
    let articles: Vec<NewArticle> = items.into_iter().map(|i| i.article).collect();
    for (a, r) in articles.iter().zip(store.import_batch(&articles)?) {
        match r {
            Ok(crate::model::ImportOutcome::Added(id)) => summary.new_articles.push(id),
            Ok(_) => {}
            Err(e) => summary.failed.push(clean(&format!("\"{}\": {e}", a.title))),
        }
    }
    Ok(())
}

/// newsboat's urls file, as text.
fn read_urls(path: &Path) -> Result<String, NewsboatError> {
    use std::io::Read;
    let err = |why: String| NewsboatError::Urls {
        path: path.to_path_buf(),
        why,
    };
    let file = std::fs::File::open(path).map_err(|e| err(e.to_string()))?;
    let mut bytes = Vec::new();
    file.take(MAX_URLS_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| err(e.to_string()))?;
    if bytes.len() as u64 > MAX_URLS_BYTES {
        return Err(err("larger than 32 MiB".into()));
    }
    String::from_utf8(bytes).map_err(|e| {
        err(format!(
            "not UTF-8 text (at byte {})",
            e.utf8_error().valid_up_to()
        ))
    })
}

/// newsboat writes its process id to `cache.db.lock` while it runs: refuse
/// to read a cache it is using. A lock file whose process is gone (newsboat
/// killed) is stale and ignored.
fn check_lock(cache: &Path) -> Result<(), NewsboatError> {
    let mut name = cache.as_os_str().to_owned();
    name.push(".lock");
    let lock = PathBuf::from(name);
    let Ok(text) = std::fs::read_to_string(&lock) else {
        return Ok(());
    };
    let Ok(pid) = text.trim().parse::<u32>() else {
        return Ok(());
    };
    if process_alive(pid) {
        return Err(NewsboatError::Running { lock, pid });
    }
    Ok(())
}

#[cfg(target_os = "linux")]
fn process_alive(pid: u32) -> bool {
    Path::new("/proc").join(pid.to_string()).exists()
}

/// Without /proc, a lock file is taken at its word.
#[cfg(not(target_os = "linux"))]
fn process_alive(_pid: u32) -> bool {
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_says_one_feed_and_one_item() {
        let one = NewsboatSummary {
            feeds_added: 1,
            items: 1,
            new_articles: vec![ArticleId(7)],
            ..NewsboatSummary::default()
        };
        assert_eq!(
            one.line(),
            "newsboat: 1 feed (1 new), 1 item (1 new), 0 read, 0 bookmarked"
        );
    }
}
