//! Reading newsboat's cache (`cache.db`), read-only, for
//! `docbao import-newsboat`: its feeds (`rss_feed`) and its items
//! (`rss_item`), in pages by id. Nothing is ever written to it.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, ErrorCode, OpenFlags, OptionalExtension};

use crate::model::{NewsboatFeed, NewsboatItem};

/// How long to wait for a newsboat that is writing its cache.
const BUSY_WAIT: Duration = Duration::from_secs(2);

#[derive(Debug, thiserror::Error)]
pub enum NewsboatCacheError {
    #[error("newsboat's cache \"{0}\" does not exist (name it with --cache FILE)")]
    Missing(PathBuf),
    #[error("\"{path}\" is not newsboat's cache: {why}")]
    NotACache { path: PathBuf, why: String },
    #[error(
        "newsboat's cache \"{0}\" is locked: is newsboat running? Quit it and run the import again"
    )]
    Locked(PathBuf),
    #[error("cannot read newsboat's cache \"{path}\": {cause}")]
    Read {
        path: PathBuf,
        cause: rusqlite::Error,
    },
}

/// newsboat's cache, opened read-only.
pub struct NewsboatCache {
    conn: Connection,
    path: PathBuf,
}

/// The columns of `rss_item` docbao reads; every newsboat since 2.x has them.
const ITEM_COLUMNS: &[&str] = &[
    "id", "guid", "title", "author", "url", "feedurl", "pubDate", "content", "unread", "flags",
    "deleted",
];

impl NewsboatCache {
    /// Open the cache read-only and check it is newsboat's.
    pub fn open(path: &Path) -> Result<NewsboatCache, NewsboatCacheError> {
        super::alloc::configure();
        if !path.exists() {
            return Err(NewsboatCacheError::Missing(path.to_path_buf()));
        }
        if path.is_dir() {
            return Err(NewsboatCacheError::NotACache {
                path: path.to_path_buf(),
                why: "it is a folder".into(),
            });
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| classify(path, e))?;
        conn.busy_timeout(BUSY_WAIT)
            .map_err(|e| classify(path, e))?;
        let cache = NewsboatCache {
            conn,
            path: path.to_path_buf(),
        };
        cache.check()?;
        Ok(cache)
    }

    fn check(&self) -> Result<(), NewsboatCacheError> {
        let not_cache = |why: String| NewsboatCacheError::NotACache {
            path: self.path.clone(),
            why,
        };
        let mut stmt = self
            .conn
            .prepare("SELECT name FROM pragma_table_info('rss_item')")
            .map_err(|e| classify(&self.path, e))?;
        let columns: Vec<String> = stmt
            .query_map([], |r| r.get(0))
            .and_then(|rows| rows.collect())
            .map_err(|e| classify(&self.path, e))?;
        if columns.is_empty() {
            return Err(not_cache("it has no rss_item table".into()));
        }
        if let Some(missing) = ITEM_COLUMNS
            .iter()
            .find(|c| !columns.iter().any(|have| have == *c))
        {
            return Err(not_cache(format!(
                "its rss_item table has no {missing} column"
            )));
        }
        let feeds: Option<String> = self
            .conn
            .query_row(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'rss_feed'",
                [],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| classify(&self.path, e))?;
        if feeds.is_none() {
            return Err(not_cache("it has no rss_feed table".into()));
        }
        Ok(())
    }

    /// The feeds the cache holds.
    pub fn feeds(&self) -> Result<Vec<NewsboatFeed>, NewsboatCacheError> {
        let read = || -> rusqlite::Result<Vec<NewsboatFeed>> {
            let mut stmt = self
                .conn
                .prepare("SELECT rssurl, coalesce(title, '') FROM rss_feed ORDER BY rowid")?;
            stmt.query_map([], |r| {
                Ok(NewsboatFeed {
                    rss_url: text(r, 0)?,
                    title: text(r, 1)?,
                })
            })?
            .collect()
        };
        read().map_err(|e| classify(&self.path, e))
    }

    /// How many items are cached (not counting deleted ones).
    pub fn item_count(&self) -> Result<u64, NewsboatCacheError> {
        let n: i64 = self
            .conn
            .query_row("SELECT count(*) FROM rss_item WHERE deleted = 0", [], |r| {
                r.get(0)
            })
            .map_err(|e| classify(&self.path, e))?;
        Ok(n.unsigned_abs())
    }

    /// The items deleted in newsboat (their rows kept, so that a reload
    /// does not bring them back): their guid, link and feed only.
    pub fn deleted_items(&self) -> Result<Vec<NewsboatItem>, NewsboatCacheError> {
        let read = || -> rusqlite::Result<Vec<NewsboatItem>> {
            let mut stmt = self.conn.prepare(
                "SELECT guid, url, feedurl, title, content FROM rss_item WHERE deleted != 0 ORDER BY id",
            )?;
            stmt.query_map([], |r| {
                Ok(NewsboatItem {
                    guid: text(r, 0)?,
                    url: text(r, 1)?,
                    feed_url: text(r, 2)?,
                    title: text(r, 3)?,
                    content: text(r, 4)?,
                    ..NewsboatItem::default()
                })
            })?
            .collect()
        };
        read().map_err(|e| classify(&self.path, e))
    }

    /// The items that are not deleted, `page` at a time, in the order
    /// newsboat stored them.
    pub fn for_each_page<E: From<NewsboatCacheError>>(
        &self,
        page: usize,
        mut f: impl FnMut(Vec<NewsboatItem>) -> Result<(), E>,
    ) -> Result<(), E> {
        let mut after = i64::MIN;
        loop {
            let rows = self
                .page(after, page)
                .map_err(|e| classify(&self.path, e))?;
            let Some(&(last, _)) = rows.last() else {
                return Ok(());
            };
            after = last;
            f(rows.into_iter().map(|(_, item)| item).collect())?;
        }
    }

    fn page(&self, after: i64, limit: usize) -> rusqlite::Result<Vec<(i64, NewsboatItem)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, guid, title, author, url, feedurl, pubDate, content, unread, flags
             FROM rss_item WHERE deleted = 0 AND id > ?1 ORDER BY id LIMIT ?2",
        )?;
        stmt.query_map(
            rusqlite::params![after, i64::try_from(limit).unwrap_or(i64::MAX)],
            |r| {
                Ok((
                    r.get(0)?,
                    NewsboatItem {
                        guid: text(r, 1)?,
                        title: text(r, 2)?,
                        author: text(r, 3)?,
                        url: text(r, 4)?,
                        feed_url: text(r, 5)?,
                        pub_date: r.get::<_, Option<i64>>(6)?.unwrap_or(0),
                        content: text(r, 7)?,
                        unread: r.get::<_, Option<i64>>(8)?.unwrap_or(1) != 0,
                        flags: text(r, 9)?,
                    },
                ))
            },
        )?
        .collect()
    }
}

/// A text column, whatever SQLite holds in it: NULL is empty, bytes that
/// are not UTF-8 are read lossily (newsboat stores what feeds give it).
fn text(r: &rusqlite::Row<'_>, i: usize) -> rusqlite::Result<String> {
    use rusqlite::types::ValueRef;
    Ok(match r.get_ref(i)? {
        ValueRef::Null => String::new(),
        ValueRef::Integer(n) => n.to_string(),
        ValueRef::Real(x) => x.to_string(),
        ValueRef::Text(b) | ValueRef::Blob(b) => String::from_utf8_lossy(b).into_owned(),
    })
}

/// An SQLite error on the cache, by what it means to the user.
fn classify(path: &Path, e: rusqlite::Error) -> NewsboatCacheError {
    match e.sqlite_error_code() {
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => {
            NewsboatCacheError::Locked(path.to_path_buf())
        }
        Some(ErrorCode::NotADatabase) => NewsboatCacheError::NotACache {
            path: path.to_path_buf(),
            why: "it is not an SQLite database".into(),
        },
        _ => NewsboatCacheError::Read {
            path: path.to_path_buf(),
            cause: e,
        },
    }
}
