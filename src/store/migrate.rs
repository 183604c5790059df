//! Schema migrations keyed on `PRAGMA user_version`.
//!
//! Several processes may open a new or old store at once (two terminals, a
//! cron job): each step runs in its own `BEGIN IMMEDIATE` transaction, which
//! takes the write lock first (waiting on the busy timeout) and then reads
//! the version again inside it, so a step another process has done
//! meanwhile is not done twice.
//!
//! Before the first step on an existing store that holds data, a copy of it
//! is written next to it with `VACUUM INTO` (see [`Migrated::backup`]),
//! from a second connection while this one holds the write lock: it copies
//! exactly the version about to be upgraded, and only the process that
//! upgrades writes one.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, OptionalExtension, TransactionBehavior};

use super::StoreError;
use super::open::{backup_name, side_file};

/// Each entry upgrades the schema from version `index` to `index + 1`.
/// Version 2 (the search index) needs `docbao_fold()`, which
/// [`super::search::register_functions`] gives every connection first.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/001_init.sql"),
    include_str!("migrations/002_search.sql"),
    include_str!("migrations/003_feeds.sql"),
    include_str!("migrations/004_phrase_df.sql"),
    include_str!("migrations/005_keyword_order.sql"),
    include_str!("migrations/006_search_terms.sql"),
    include_str!("migrations/007_keyword_order_covering.sql"),
    include_str!("migrations/008_keyword_counts_batched.sql"),
    include_str!("migrations/009_sources.sql"),
    include_str!("migrations/010_position_offset.sql"),
    include_str!("migrations/011_syllable_index.sql"),
    include_str!("migrations/012_source_counts.sql"),
    include_str!("migrations/013_compact_store.sql"),
    include_str!("migrations/014_exact_index.sql"),
    include_str!("migrations/015_sync.sql"),
    include_str!("migrations/016_related_computed.sql"),
    include_str!("migrations/017_feed_articles.sql"),
    include_str!("migrations/018_canonical_urls.sql"),
    include_str!("migrations/019_feed_item_hashes.sql"),
    include_str!("migrations/020_feed_site.sql"),
    include_str!("migrations/021_feed_item_guid.sql"),
    include_str!("migrations/022_feed_ids_kept.sql"),
    include_str!("migrations/023_tone_keys.sql"),
    include_str!("migrations/024_phrase_next.sql"),
    include_str!("migrations/025_waiting_keywords.sql"),
    include_str!("migrations/026_tidy_urls.sql"),
    include_str!("migrations/027_page_failures.sql"),
    include_str!("migrations/028_unspaced_syllables.sql"),
    include_str!("migrations/029_user_tags.sql"),
    include_str!("migrations/030_whole_pages.sql"),
];

/// The versions whose step makes a table again (drops it and renames a
/// copy): they run with foreign keys off, since dropping a parent table
/// would delete its children's rows (`ON DELETE CASCADE`), and the keys are
/// checked before the step commits.
const REMAKES_A_TABLE: &[i64] = &[21];

/// The schema version this build writes.
pub const CURRENT_VERSION: i64 = MIGRATIONS.len() as i64;

pub fn user_version(conn: &Connection) -> Result<i64, rusqlite::Error> {
    conn.query_row("PRAGMA user_version", [], |r| r.get(0))
}

/// What [`migrate`] did.
#[derive(Debug, Default)]
pub struct Migrated {
    /// (from, to), when a step ran.
    pub steps: Option<(i64, i64)>,
    /// The copy written before the first step.
    pub backup: Option<PathBuf>,
}

/// Bring the database up to [`CURRENT_VERSION`], each step in its own
/// immediate transaction. A database written by a newer docbao is refused
/// untouched. `file`: the store's file, to back it up before upgrading one
/// that holds data (`None` in memory).
pub fn migrate(conn: &mut Connection, file: Option<&Path>) -> Result<Migrated, StoreError> {
    let mut done = Migrated::default();
    loop {
        // `PRAGMA foreign_keys` is ignored inside a transaction: decided on
        // the version seen before it (another process may have upgraded
        // meanwhile: the keys are checked whichever step runs).
        let keys_off = REMAKES_A_TABLE.contains(&user_version(conn)?);
        if keys_off {
            conn.pragma_update(None, "foreign_keys", "OFF")?;
        }
        let step = one_step(conn, file, &mut done, keys_off);
        if keys_off {
            // Outside any transaction now (committed or rolled back).
            conn.pragma_update(None, "foreign_keys", "ON")?;
        }
        if step? {
            return Ok(done);
        }
    }
}

/// One step of [`migrate`] in its own transaction; `true` when there was
/// none left to take.
fn one_step(
    conn: &mut Connection,
    file: Option<&Path>,
    done: &mut Migrated,
    keys_off: bool,
) -> Result<bool, StoreError> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let found = user_version(&tx)?;
    if found > CURRENT_VERSION {
        return Err(StoreError::TooNew {
            path: file.map_or_else(|| PathBuf::from(":memory:"), Path::to_path_buf),
            found,
            supported: CURRENT_VERSION,
        });
    }
    if found == CURRENT_VERSION {
        return Ok(true);
    }
    let Some(step) = usize::try_from(found).ok().and_then(|i| MIGRATIONS.get(i)) else {
        return Err(StoreError::Damaged {
            path: file.map_or_else(|| PathBuf::from(":memory:"), Path::to_path_buf),
            why: format!("its schema version is {found}, which no docbao writes"),
        });
    };
    if done.steps.is_none()
        && let Some(path) = file
        && holds_data(&tx, found)?
    {
        done.backup = Some(backup(path, found)?);
    }
    let upgraded = (|| -> Result<(), StoreError> {
        tx.execute_batch(step)?;
        if keys_off {
            check_foreign_keys(&tx)?;
        }
        tx.pragma_update(None, "user_version", found + 1)?;
        Ok(())
    })()
    .and_then(|()| Ok(tx.commit()?));
    // Taken back: which copy holds the store as it was is said with it.
    if let (Err(e), Some(backup), Some(path)) = (&upgraded, &done.backup, file)
        && !e.is_busy()
    {
        let cause = match e {
            StoreError::Sql(e) => e.to_string(),
            other => other.to_string(),
        };
        return Err(StoreError::UpgradeFailed {
            path: path.to_path_buf(),
            at: found,
            from: done.steps.map_or(found, |(from, _)| from),
            backup: backup.clone(),
            cause,
        });
    }
    upgraded?;
    let from = done.steps.map_or(found, |(from, _)| from);
    done.steps = Some((from, found + 1));
    Ok(false)
}

/// A step made with foreign keys off must leave none broken.
fn check_foreign_keys(conn: &Connection) -> Result<(), StoreError> {
    let broken: Option<String> = conn
        .query_row("PRAGMA foreign_key_check", [], |r| r.get(0))
        .optional()?;
    match broken {
        None => Ok(()),
        Some(table) => Err(StoreError::Sql(rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CONSTRAINT_FOREIGNKEY),
            Some(format!(
                "the upgrade left a row of {table} pointing at nothing"
            )),
        ))),
    }
}

/// Whether a store at `version` holds anything worth a copy: articles, or
/// (from version 3) feed subscriptions.
fn holds_data(conn: &Connection, version: i64) -> rusqlite::Result<bool> {
    let sql = match version {
        0 => return Ok(false),
        1 | 2 => "SELECT EXISTS (SELECT 1 FROM articles)",
        _ => "SELECT EXISTS (SELECT 1 FROM articles) OR EXISTS (SELECT 1 FROM feeds)",
    };
    conn.query_row(sql, [], |r| r.get(0))
}

/// Copy the store as it is (committed, at `version`) next to it, as
/// `<store>.v<N>.bak`. An existing backup is never overwritten, and one
/// that holds the same copy is used again: an upgrade that fails (and is
/// taken back) wrote a full copy more at every attempt, `.v20.1.bak`,
/// `.v20.2.bak`… (a tester's report: a cron job adds one every run). The
/// copy is written beside them under a temporary name and compared with
/// each backup of this version (`VACUUM INTO` writes the same bytes for
/// the same store), size first; the same as one, it is dropped, else it
/// takes the first free name.
fn backup(path: &Path, version: i64) -> Result<PathBuf, StoreError> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let fail = |target: &Path, cause: &dyn std::fmt::Display| StoreError::Backup {
        path: target.to_path_buf(),
        version,
        cause: cause.to_string(),
    };
    let reader = Connection::open_with_flags(path, flags).map_err(|e| fail(path, &e))?;
    reader
        .busy_timeout(super::BUSY_TIMEOUT)
        .map_err(|e| fail(path, &e))?;
    // Other docbao processes back up only while holding the write lock, as
    // this one does: a name found free stays free.
    let existing: Vec<PathBuf> = (0..)
        .map(|attempt| backup_name(path, version, attempt))
        .take_while(|t| t.exists())
        .collect();
    let target = backup_name(path, version, existing.len() as u32);
    let part = side_file(&target, ".docbao-part");
    let Some(name) = part.to_str() else {
        return Err(fail(&target, &"the path is not UTF-8"));
    };
    // One an interrupted attempt left.
    let _ = std::fs::remove_file(&part);
    if let Err(e) = reader.execute("VACUUM INTO ?1", [name]) {
        // A partial copy is no backup.
        let _ = std::fs::remove_file(&part);
        return Err(fail(&target, &e));
    }
    if let Some(same) = existing.into_iter().find(|b| same_bytes(&part, b)) {
        let _ = std::fs::remove_file(&part);
        return Ok(same);
    }
    std::fs::rename(&part, &target).map_err(|e| {
        let _ = std::fs::remove_file(&part);
        fail(&target, &e)
    })?;
    Ok(target)
}

/// Whether two files hold the same bytes: their sizes compared first, then
/// their contents a block at a time. A file that cannot be read is not the
/// same.
fn same_bytes(a: &Path, b: &Path) -> bool {
    use std::io::Read;
    let size = |p: &Path| std::fs::metadata(p).ok().map(|m| m.len());
    if size(a).is_none() || size(a) != size(b) {
        return false;
    }
    let (Ok(fa), Ok(fb)) = (std::fs::File::open(a), std::fs::File::open(b)) else {
        return false;
    };
    let mut ra = std::io::BufReader::with_capacity(1 << 16, fa);
    let mut rb = std::io::BufReader::with_capacity(1 << 16, fb);
    let mut ba = vec![0u8; 1 << 16];
    let mut bb = vec![0u8; 1 << 16];
    loop {
        let n = match ra.read(&mut ba) {
            Ok(n) => n,
            Err(_) => return false,
        };
        if n == 0 {
            return rb.read(&mut bb[..1]).is_ok_and(|m| m == 0);
        }
        if rb.read_exact(&mut bb[..n]).is_err() || ba[..n] != bb[..n] {
            return false;
        }
    }
}
