//! The store: the only place that names a column. One SQLite file, WAL.
//!
//! [`Store`] is one connection; its methods are spread over the files by
//! concern:
//! - `import`: articles in (add, update or leave unchanged; batches);
//! - `articles`: one article read back whole, or deleted;
//! - `list`: the list's filter, pages, cursors and counts;
//! - `flags`: read, bookmarked and the reading position;
//! - `keywords`: keyword links and counts, auto keywords and their statistics;
//! - `related`: related stories computed from shared keywords;
//! - `search` (with `rank`): the full-text index and queries;
//! - `feeds`: subscribed feeds and their items;
//! - `migrate`: the schema versions.
//!
//! Between these files, uses go one way: `import` uses `keywords` and
//! `search`, `articles` uses `keywords`, `search` uses `list` and `rank`;
//! none uses a file that uses it back.

mod articles;
mod feeds;
mod flags;
mod import;
mod keywords;
mod list;
mod migrate;
mod rank;
mod related;
mod search;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::types::{FromSql, FromSqlResult, ToSql, ToSqlOutput, ValueRef};
use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};

pub use feeds::{FeedStoreError, ItemsOutcome};
pub use import::PreparedBatch;
pub use list::Page;
pub use migrate::CURRENT_VERSION;
pub use related::RELATED_WANTED;
pub use search::SNIPPET_CHARS;

use crate::model::ArticleId;

impl ToSql for ArticleId {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        self.0.to_sql()
    }
}

impl FromSql for ArticleId {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        i64::column_result(value).map(ArticleId)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "the database was written by a newer docbao (schema version {found}; this build knows up to {supported}); it was left untouched — upgrade docbao or use another --db"
    )]
    TooNew { found: i64, supported: i64 },
    #[error("cannot open the database \"{path}\": {source}")]
    Open {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error("cannot create the folder \"{path}\" for the database: {source}")]
    CreateDir {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("no article with id {0}")]
    NoSuchArticle(ArticleId),
    #[error(
        "the database is busy: another docbao held its write lock for over {} s; try again",
        BUSY_TIMEOUT.as_secs()
    )]
    Busy,
    #[error("database error: {0}")]
    Sql(rusqlite::Error),
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode::{DatabaseBusy, DatabaseLocked};
        match e.sqlite_error_code() {
            Some(DatabaseBusy | DatabaseLocked) => StoreError::Busy,
            _ => StoreError::Sql(e),
        }
    }
}

impl StoreError {
    /// Another writer kept the lock past [`BUSY_TIMEOUT`]: trying the same
    /// write again later may succeed.
    pub fn is_busy(&self) -> bool {
        matches!(self, StoreError::Busy)
    }
}

/// How long a write waits for another writer (another docbao process, the
/// reader's worker) to release the lock before it gives up. Every writer
/// holds it for a short batch at a time (well under a second, see
/// `import::LOCK_BUDGET`), so this is only reached when something is wrong.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(60);

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// One connection to the store. Not shared between threads: each thread opens its own.
pub struct Store {
    conn: Connection,
    /// Keyword statistics in memory, loaded when first needed.
    stats: Option<keywords::KeywordStats>,
}

impl Drop for Store {
    fn drop(&mut self) {
        // Best effort: counts that do not reach the file only make idf lag.
        let _ = self.flush_keyword_stats();
    }
}

impl Store {
    /// The file this store is in (`None` in memory).
    pub fn path(&self) -> Option<PathBuf> {
        self.conn
            .path()
            .filter(|p| !p.is_empty())
            .map(PathBuf::from)
    }

    /// Open (creating if needed) the database file at `path`, migrating it.
    pub fn open(path: &Path) -> Result<Store> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| StoreError::CreateDir {
                path: dir.to_path_buf(),
                source,
            })?;
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(|source| StoreError::Open {
            path: path.to_path_buf(),
            source,
        })?;
        Self::setup(conn, true).map_err(|e| match e {
            StoreError::Sql(source) => StoreError::Open {
                path: path.to_path_buf(),
                source,
            },
            other => other,
        })
    }

    /// A fresh in-memory store (tests, dry runs).
    pub fn open_in_memory() -> Result<Store> {
        Self::setup(Connection::open_in_memory()?, false)
    }

    fn setup(mut conn: Connection, file: bool) -> Result<Store> {
        conn.busy_timeout(BUSY_TIMEOUT)?;
        // Import alone uses more than rusqlite's default of 16 statements.
        conn.set_prepared_statement_cache_capacity(64);
        // Check the version before anything writes to the file.
        let found = migrate::user_version(&conn)?;
        if found > CURRENT_VERSION {
            return Err(StoreError::TooNew {
                found,
                supported: CURRENT_VERSION,
            });
        }
        if file {
            conn.pragma_update(None, "journal_mode", "WAL")?;
        }
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "cache_size", -65536)?; // 64 MiB at most, grown as used
        // Statement and savepoint journals in memory, not in temp files.
        conn.pragma_update(None, "temp_store", "MEMORY")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        // Before migrating: version 2 backfills the search index with it.
        search::register_functions(&conn)?;
        migrate::migrate(&mut conn)?;
        Ok(Store { conn, stats: None })
    }

    pub fn schema_version(&self) -> Result<i64> {
        Ok(migrate::user_version(&self.conn)?)
    }

    /// Read a small piece of app state (e.g. the article last open).
    pub fn get_state(&self, key: &str) -> Result<Option<String>> {
        use rusqlite::OptionalExtension;
        Ok(self
            .conn
            .query_row("SELECT value FROM app_state WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?)
    }

    /// A single statement is its own transaction, and takes the write lock
    /// when it starts, waiting for it (the busy handler applies).
    pub fn set_state(&self, key: &str, value: &str) -> Result<()> {
        self.conn.execute(
            "INSERT INTO app_state (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [key, value],
        )?;
        Ok(())
    }
}

/// Begin a write transaction: IMMEDIATE, so that it takes the write lock
/// first, waiting up to [`BUSY_TIMEOUT`] for another writer. A deferred
/// transaction that read before it wrote would get "database is locked"
/// at its first write without waiting (SQLite cannot let it wait: its
/// snapshot may be stale). Every transaction in the store that writes
/// begins here; a single statement outside one takes the lock (waiting)
/// when it starts, and so is safe alone.
fn write_tx(conn: &Connection) -> Result<Transaction<'_>> {
    Ok(Transaction::new_unchecked(
        conn,
        TransactionBehavior::Immediate,
    )?)
}

/// Now, as the store records times (seconds since the Unix epoch).
fn now_ts() -> i64 {
    chrono::Utc::now().timestamp()
}

/// Where the database lives: `--db`, else `$DOCBAO_DB`, else the platform data dir.
pub fn default_db_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "docbao").map(|d| d.data_local_dir().join("docbao.db"))
}

#[cfg(test)]
mod tests;
