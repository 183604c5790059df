//! The store: the only place that names a column. One SQLite file, WAL.
//!
//! [`Store`] is one connection; its methods are spread over the files by
//! concern:
//! - `import`: articles in (add, update or leave unchanged; batches);
//! - `articles`: one article read back whole, or deleted;
//! - `body`: article bodies, packed and compressed;
//! - `list`: the list's filter, pages, cursors and counts;
//! - `flags`: read, bookmarked and the reading position;
//! - `keywords`: keyword links and counts, auto keywords and their statistics;
//! - `related`: related stories computed from shared keywords;
//! - `search` (with `rank`): the full-text index and queries;
//! - `feeds`: subscribed feeds and their items;
//! - `newsboat`: newsboat's cache, read-only, for the migration;
//! - `sync`: what a sync through the Fever API keeps (uses `feeds`);
//! - `doctor`: checks of the file and the search index, and rebuilding
//!   what is derived from the articles;
//! - `migrate`: the schema versions (and the backup before an upgrade);
//! - `open`: what the file must be before SQLite writes it, and opening a
//!   store that cannot be written read-only.
//!
//! Between these files, uses go one way: `import` uses `keywords` and
//! `search`, `articles` uses `keywords`, `search` uses `list` and `rank`;
//! `doctor` uses `search`; none uses a file that uses it back.

mod alloc;
mod articles;
mod body;
mod bulk;
mod doctor;
mod existing;
mod feeds;
mod flags;
mod fts5;
mod hold;
mod import;
mod keyword_rows;
mod keywords;
mod list;
mod migrate;
mod newsboat;
mod open;
mod related;
mod search;
mod sources;
mod sync;
mod waiting;
mod whole_page;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rusqlite::types::{FromSql, FromSqlResult, ToSql, ToSqlOutput, ValueRef};
use rusqlite::{Connection, MAIN_DB, Transaction, TransactionBehavior};

pub use body::unpack as unpack_body;
pub use feeds::{FeedStoreError, ItemHashes, ItemsOutcome};
pub use flags::Flag;
pub use import::{LookedUp, PreparedBatch};
pub use list::Page;
pub use migrate::CURRENT_VERSION;
pub use newsboat::{NewsboatCache, NewsboatCacheError};
pub use open::{Access, Opened};
pub use related::{RELATED_FLOOR, RELATED_WANTED};
pub use search::{SNIPPET_CHARS, Window as SearchWindow};
pub use sync::{PendingMark, StateOutcome, SyncItem, SyncItemsOutcome, SyncMark};
pub use whole_page::TextFrom;

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
        "the database \"{path}\" was written by a newer docbao (schema version {found}; this build knows up to {supported}); it was left untouched — upgrade docbao or use another --db"
    )]
    TooNew {
        /// The store's file (`:memory:` for a store in memory).
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    #[error("\"{path}\" is not a docbao database: {why}; it was left untouched")]
    NotADatabase { path: PathBuf, why: String },
    /// The file is there, but this user cannot read it (its permissions):
    /// nothing is said of what it holds.
    #[error("cannot read the database \"{path}\": {why}; it was left untouched")]
    Unreadable { path: PathBuf, why: String },
    #[error(
        "the database \"{path}\" is damaged: {why}; it was left untouched (restore a backup, or try `docbao doctor`)"
    )]
    Damaged { path: PathBuf, why: String },
    #[error("the database \"{path}\" cannot be written ({why}), and this command changes it")]
    ReadOnly { path: PathBuf, why: String },
    #[error(
        "the database \"{path}\" is at schema version {found} and needs upgrading to {current}, but it cannot be written ({why})"
    )]
    NeedsUpgrade {
        path: PathBuf,
        found: i64,
        current: i64,
        why: String,
    },
    #[error(
        "cannot back up the database to \"{path}\" before upgrading it (it was left at schema version {version}): {cause}"
    )]
    Backup {
        path: PathBuf,
        version: i64,
        /// SQLite's error, or the system's.
        cause: String,
    },
    /// SQLite found the file damaged while a command used it (the open's
    /// checks found nothing): `doctor` tells what is damaged, it does not
    /// repair a damaged file.
    #[error(
        "the database \"{path}\" is damaged: {why}; `docbao doctor` tells what is damaged but cannot repair it: restore a backup (a .bak file next to the store), or recover it with the sqlite3 shell's .recover"
    )]
    DamagedInUse { path: PathBuf, why: String },
    /// A write failed for want of space.
    #[error(
        "the disk holding the database \"{path}\" is full ({why}): the change that failed was not made; free some space and try again"
    )]
    DiskFull { path: PathBuf, why: String },
    #[error(
        "cannot upgrade the database \"{path}\" from schema version {at}: {cause}; it was left at version {at}, and the copy made before the upgrade (version {from}) is in \"{backup}\""
    )]
    UpgradeFailed {
        path: PathBuf,
        /// The version whose step failed (taken back: the store's now).
        at: i64,
        /// The version the backup holds.
        from: i64,
        /// The copy written (or found) before the first step.
        backup: PathBuf,
        cause: String,
    },
    // Each message says its cause and does not also give it as `source()`:
    // `{:#}` (anyhow's chain) would print it twice ("…: malformed: malformed").
    #[error("cannot open the database \"{path}\": {why}")]
    Blocked { path: PathBuf, why: String },
    #[error("cannot open the database \"{path}\": {cause}")]
    Open {
        path: PathBuf,
        cause: rusqlite::Error,
    },
    #[error("cannot create the folder \"{path}\" for the database: {cause}")]
    CreateDir {
        path: PathBuf,
        cause: std::io::Error,
    },
    #[error(
        "no store at \"{path}\" yet: this command works on one and makes none; `docbao import`, `docbao feed add` or starting the reader makes one (or did you mean another --db or DOCBAO_DB?)"
    )]
    NoStore { path: PathBuf },
    #[error("no article with id {0}")]
    NoSuchArticle(ArticleId),
    #[error("article {id}: {why}; the store may be damaged (try `docbao doctor`)")]
    BadBody { id: ArticleId, why: String },
    #[error(
        "the database is busy: another docbao held its write lock for over {} s; try again",
        BUSY_TIMEOUT.as_secs()
    )]
    Busy,
    /// The feed an update was storing items for was removed meanwhile (by
    /// another process): its items are not stored.
    #[error("feed {0} was removed meanwhile")]
    FeedGone(i64),
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
    /// This error as one about the store's file `path` when SQLite's cause
    /// is the file's (damaged, not a database, its disk full): a bare
    /// "database error: database disk image is malformed" named neither
    /// the file nor what to do (a tester's report). Others are `None`.
    pub fn about_file(&self, path: &Path) -> Option<StoreError> {
        use rusqlite::ErrorCode::{DatabaseCorrupt, DiskFull, NotADatabase};
        let StoreError::Sql(e) = self else {
            return None;
        };
        let path = path.to_path_buf();
        let why = e.to_string();
        match e.sqlite_error_code()? {
            DatabaseCorrupt | NotADatabase => Some(StoreError::DamagedInUse { path, why }),
            DiskFull => Some(StoreError::DiskFull { path, why }),
            _ => None,
        }
    }

    /// Another writer kept the lock past [`BUSY_TIMEOUT`]: trying the same
    /// write again later may succeed.
    pub fn is_busy(&self) -> bool {
        matches!(self, StoreError::Busy)
    }

    /// SQLite said "database or disk is full".
    pub fn is_disk_full(&self) -> bool {
        match self {
            StoreError::Sql(e) => e.sqlite_error_code() == Some(rusqlite::ErrorCode::DiskFull),
            StoreError::DiskFull { .. } => true,
            _ => false,
        }
    }
}

/// How long a write waits for another writer (another docbao process, the
/// reader's worker) to release the lock before it gives up. Every writer
/// holds it for a short batch at a time (well under a second, see
/// `import::LOCK_BUDGET`), so this is only reached when something is wrong.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(60);

/// How often a store opened read-only because it could not be written is
/// tried for writing again ([`Store::poll_version`]).
pub const RETRY_WRITABLE: Duration = Duration::from_secs(3);

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// One connection to the store. Not shared between threads: each thread opens its own.
pub struct Store {
    conn: Connection,
    /// Keyword statistics in memory, loaded when first needed.
    stats: Option<keywords::KeywordStats>,
    /// Opened `immutable`: the file and how it was then.
    frozen: Option<(PathBuf, open::Stamp)>,
    /// Opened read-only as its file, folder or disk would not be written:
    /// the file, and when [`Store::poll_version`] last tried to write it.
    unwritable: Option<(PathBuf, Instant)>,
    /// Times the store was opened again ([`Store::poll_version`]).
    reopened: i64,
    /// This store's share in its file; after `conn`, so dropped after it.
    _hold: hold::FileHold,
}

impl Drop for Store {
    fn drop(&mut self) {
        // Best effort: counts that do not reach the file only make idf lag.
        if !self.is_read_only() {
            let _ = self.flush_keyword_stats();
        }
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

    /// A handle that stops this connection's running statement from
    /// another thread (`doctor` on Ctrl-C): the statement fails, its
    /// transaction is taken back.
    pub fn interrupt_handle(&self) -> rusqlite::InterruptHandle {
        self.conn.get_interrupt_handle()
    }

    /// How long this connection's writes wait for another writer's lock
    /// before they fail as [`StoreError::Busy`] ([`BUSY_TIMEOUT`] unless
    /// set: the reader waits less and keeps its writes for later).
    pub fn set_write_wait(&self, wait: Duration) -> Result<()> {
        Ok(self.conn.busy_timeout(wait)?)
    }

    /// Open (creating if needed) the database file at `path`, migrating it,
    /// for a command that writes: a store that cannot be written is refused.
    pub fn open(path: &Path) -> Result<Store> {
        Ok(Self::open_with(path, Access::Write)?.0)
    }

    /// Open the database file at `path` (creating it if needed) and bring
    /// its schema up to date; says what it did besides. A file that is not
    /// a docbao store (a folder, another format, truncated, another
    /// program's database) is refused before anything writes to it; an
    /// empty file is a new store. With [`Access::ReadIfNeeded`], a store
    /// that cannot be written is opened read-only (see [`Store::is_read_only`]);
    /// [`Access::ReadExisting`] and [`Access::WriteExisting`] also refuse a
    /// path with no file.
    pub fn open_with(path: &Path, access: Access) -> Result<(Store, Opened)> {
        Self::open_with_progress(path, access, |_, _| {})
    }

    /// [`Store::open_with`], telling `progress(done, total)` how far the
    /// search index of a store made by an older docbao is re-indexed
    /// (issue 13), after each batch.
    pub fn open_with_progress(
        path: &Path,
        access: Access,
        progress: impl FnMut(usize, usize),
    ) -> Result<(Store, Opened)> {
        let hold = open::check_file(path, access)?;
        let (conn, read_only) = open::connect(path, access)?;
        // A new store's file is there now.
        let hold = hold.unwrap_or_else(|| hold::FileHold::take_path(path));
        let mut progress = progress;
        Self::open_on(path, access, conn, read_only, hold, &mut progress)
    }

    /// The rest of [`Store::open_with_progress`], on the connection made.
    ///
    /// Opened for writing, the store may have work left for it (a bulk
    /// import's indexes to build, articles to index again): on a full disk
    /// that failed, and the reading commands refused a store that reads
    /// the same way (a tester's report: an import that filled the disk
    /// left its indexes to build). A command that only reads then reads it
    /// read-only, as it does a store opened so for want of space.
    fn open_on(
        path: &Path,
        access: Access,
        conn: Connection,
        read_only: Option<open::Unwritable>,
        hold: hold::FileHold,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<(Store, Opened)> {
        let frozen = read_only
            .as_ref()
            .filter(|u| u.immutable)
            .map(|_| (path.to_path_buf(), open::Stamp::of(path)));
        let mut opened = Opened {
            read_only_short: read_only.as_ref().map(|u| u.short),
            read_only: read_only.map(|u| u.why),
            ..Opened::default()
        };
        let at = |e| match e {
            StoreError::Sql(source) => open::classify(path, source),
            other => other,
        };
        let found = migrate::user_version(&conn).map_err(|e| open::classify(path, e))?;
        // No docbao writes a version below 0: migrating took it as an index
        // and panicked (a tester's report).
        if found < 0 {
            return Err(StoreError::Damaged {
                path: path.to_path_buf(),
                why: format!(
                    "its schema version is {found}, which no docbao writes (they count up from 1)"
                ),
            });
        }
        open::check_foreign(&conn, path)?;
        if let Some(why) = &opened.read_only
            && found < CURRENT_VERSION
        {
            return Err(StoreError::NeedsUpgrade {
                path: path.to_path_buf(),
                found,
                current: CURRENT_VERSION,
                why: why.clone(),
            });
        }
        let (mut store, migrated) = Self::setup(conn, Some(path)).map_err(at)?;
        store._hold = hold;
        store.frozen = frozen;
        store.unwritable =
            (opened.read_only.is_some()).then(|| (path.to_path_buf(), Instant::now()));
        opened.migrated = migrated.steps;
        opened.backup = migrated.backup;
        if opened.read_only.is_none() {
            let healed = (store.reindex_pending(progress)).and_then(|_| store.heal_bulk_import());
            match healed {
                Err(e) if !access.writes() && e.is_disk_full() => {
                    // Its checkpoint on closing would fail as well, after
                    // writing what it could.
                    store.no_checkpoint_on_close();
                    let hold = std::mem::take(&mut store._hold);
                    drop(store);
                    let (conn, why) = open::connect_read_only(path)?;
                    return Self::open_on(path, access, conn, Some(why), hold, &mut |_, _| {});
                }
                healed => {
                    healed.map_err(at)?;
                }
            }
        }
        Ok((store, opened))
    }

    /// No checkpoint when this connection closes: on a full disk it would
    /// write into the file what it can before it fails.
    fn no_checkpoint_on_close(&self) {
        let _ = self.conn.set_db_config(
            rusqlite::config::DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE,
            true,
        );
    }

    /// A fresh in-memory store (tests, dry runs).
    pub fn open_in_memory() -> Result<Store> {
        alloc::configure();
        let mut store = Self::setup(Connection::open_in_memory()?, None)?.0;
        store.reindex_pending(|_, _| {})?;
        Ok(store)
    }

    /// Whether the store was opened read-only (its file or folder cannot be
    /// written): every write fails.
    pub fn is_read_only(&self) -> bool {
        self.conn.is_readonly(MAIN_DB).unwrap_or(false)
    }

    /// A number that changes when another connection commits to the file
    /// (another docbao process, or a worker thread's own connection); this
    /// store's own writes leave it as it is. Costs microseconds: nothing of
    /// the database is read. The reader polls it to follow the store.
    pub fn data_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }

    /// [`Store::data_version`], for a reader that follows the store. A store
    /// read `immutable` (a file this process cannot write, that nobody had
    /// open) has no version that changes, and reads wrongly once its owner
    /// writes to it: when its file has changed it is opened again (as its
    /// state then allows), and the number changes.
    ///
    /// A store opened read-only because it could not be written is tried
    /// for writing again every few seconds ([`RETRY_WRITABLE`]): once the
    /// file or its folder can be written, or the disk has room again, it is
    /// opened again read-write (a tester's report: the reader refused marks
    /// until restarted).
    pub fn poll_version(&mut self) -> Result<i64> {
        if let Some((path, stamp)) = &self.frozen
            && open::Stamp::of(path) != *stamp
        {
            let path = path.clone();
            let (conn, why) = open::connect(&path, Access::ReadIfNeeded)?;
            self.reopen(conn, why.map(|u| u.immutable), &path)?;
        }
        if let Some((path, tried)) = &mut self.unwritable
            && tried.elapsed() >= RETRY_WRITABLE
        {
            *tried = Instant::now();
            let path = path.clone();
            if let Some(conn) = open::connect_writable(&path) {
                self.reopen(conn, None, &path)?;
            }
        }
        // Another connection's versions start again where this one's did.
        Ok(self.data_version()? + (self.reopened << 40))
    }

    /// Take `conn` (the store's file opened again) in place of the one
    /// open. `read_only`: `None` when it can be written, else whether it
    /// reads the file `immutable`.
    fn reopen(&mut self, conn: Connection, read_only: Option<bool>, path: &Path) -> Result<()> {
        let (mut fresh, _) = Self::setup(conn, Some(path))?;
        std::mem::swap(&mut self.conn, &mut fresh.conn);
        self.frozen =
            (read_only == Some(true)).then(|| (path.to_path_buf(), open::Stamp::of(path)));
        self.unwritable = read_only.map(|_| (path.to_path_buf(), Instant::now()));
        self.reopened += 1;
        Ok(())
    }

    /// Run `f` in one read transaction: all it reads is one snapshot of the
    /// file, whatever another connection commits meanwhile.
    pub fn snapshot<T>(&self, f: impl FnOnce(&Store) -> Result<T>) -> Result<T> {
        let tx = Transaction::new_unchecked(&self.conn, TransactionBehavior::Deferred)?;
        let out = f(self)?;
        tx.commit()?;
        Ok(out)
    }

    fn setup(mut conn: Connection, file: Option<&Path>) -> Result<(Store, migrate::Migrated)> {
        conn.busy_timeout(BUSY_TIMEOUT)?;
        // Import alone uses more than rusqlite's default of 16 statements.
        conn.set_prepared_statement_cache_capacity(64);
        // Check the version before anything writes to the file.
        let found = migrate::user_version(&conn)?;
        if found > CURRENT_VERSION {
            return Err(StoreError::TooNew {
                path: file.map_or_else(|| PathBuf::from(":memory:"), Path::to_path_buf),
                found,
                supported: CURRENT_VERSION,
            });
        }
        let read_only = conn.is_readonly(MAIN_DB)?;
        if file.is_some() && !read_only {
            set_wal(&conn)?;
        }
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "cache_size", -65536)?; // 64 MiB at most, grown as used
        // Statement and savepoint journals in memory, not in temp files.
        conn.pragma_update(None, "temp_store", "MEMORY")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        // Before migrating: version 2 backfills the search index with it.
        register_sql(&conn)?;
        let migrated = if read_only {
            migrate::Migrated::default() // checked current by `open_with`
        } else {
            migrate::migrate(&mut conn, file)?
        };
        Ok((
            Store {
                conn,
                stats: None,
                frozen: None,
                unwritable: None,
                reopened: 0,
                _hold: hold::FileHold::default(),
            },
            migrated,
        ))
    }

    /// Settings for a long import on this connection: a smaller page cache
    /// (SQLite walks all of it at every commit, `pcache1TruncateUnsafe`,
    /// and the operating system's cache serves the rest as well) and a
    /// checkpoint every 40 MB of log rather than every 4 MB (a page written
    /// by several transactions is copied into the file once).
    ///
    /// And plans that never depend on the values bound to a statement
    /// (SQLite's query planner stability guarantee, `SQLITE_DBCONFIG_ENABLE_QPSG`):
    /// without it, SQLite marked all three parameters of the lookup of an
    /// article by title and date as able to change its plan (its planner
    /// does so when it weighs a partial index such as `WHERE read = 0`),
    /// so the statement was compiled again for every article imported
    /// (`sqlite3Reprepare`, 5% of the store's thread at 100,000 articles).
    /// The import's statements look rows up by key, which no bound value
    /// changes the best plan for.
    pub fn tune_for_bulk_import(&self) -> Result<()> {
        self.conn.pragma_update(None, "cache_size", -16384)?;
        self.conn
            .pragma_update(None, "wal_autocheckpoint", 10_000)?;
        self.conn.set_db_config(
            rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG,
            true,
        )?;
        Ok(())
    }

    /// Copy what the write-ahead log holds into the database file as far as
    /// no reader needs it, waiting for no one (`PRAGMA wal_checkpoint(PASSIVE)`).
    /// A long import has its reading connection do it between batches, so
    /// that the writing one seldom stops to (its automatic checkpoints come
    /// at 40 MB of log, [`Store::tune_for_bulk_import`]).
    pub fn checkpoint_passive(&self) -> Result<()> {
        self.conn
            .query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()))?;
        Ok(())
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

/// Put the file in WAL mode, unless it is already. Changing the mode takes
/// an exclusive lock and SQLite does not always wait for it (another
/// process opening the same new file at the same moment): retry on "busy"
/// for as long as the busy timeout.
fn set_wal(conn: &Connection) -> Result<()> {
    let deadline = std::time::Instant::now() + BUSY_TIMEOUT;
    let is_wal = |mode: String| mode.eq_ignore_ascii_case("wal");
    loop {
        let done = conn
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .map(is_wal)
            .and_then(|wal| match wal {
                true => Ok(true),
                // Answers the mode it is in: not WAL when it could not change.
                false => conn
                    .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
                    .map(is_wal),
            });
        match done {
            Ok(true) => return Ok(()),
            // Not changed (locked): try again.
            Ok(false) => {}
            Err(e)
                if matches!(
                    e.sqlite_error_code(),
                    Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
                ) => {}
            Err(e) => return Err(e.into()),
        }
        if std::time::Instant::now() >= deadline {
            // Still in the rollback journal: slower, not wrong.
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(20));
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
#[cfg(test)]
mod tests_import;

/// Give `conn` what the store's SQL needs besides SQLite's own: the search
/// index's tokenizer (`docbao`) and the functions its migrations and
/// triggers call. The store's own connections have them; a tool (or a
/// test) opening the file with a connection of its own calls this before
/// it touches the search index.
pub fn register_sql(conn: &Connection) -> rusqlite::Result<()> {
    search::register_functions(conn)?;
    body::register_functions(conn)?;
    import::register_functions(conn)
}
