//! Schema migrations keyed on `PRAGMA user_version`.

use rusqlite::Connection;

use super::StoreError;

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
];

/// The schema version this build writes.
pub const CURRENT_VERSION: i64 = MIGRATIONS.len() as i64;

pub fn user_version(conn: &Connection) -> Result<i64, rusqlite::Error> {
    conn.query_row("PRAGMA user_version", [], |r| r.get(0))
}

/// Bring the database up to [`CURRENT_VERSION`], each step in its own
/// transaction. A database written by a newer docbao is refused untouched.
/// Each step reads the version again once it holds the write lock: another
/// docbao opening the same file at the same time may have done it already.
pub fn migrate(conn: &mut Connection) -> Result<(), StoreError> {
    if check_version(conn)? == CURRENT_VERSION {
        return Ok(());
    }
    loop {
        let tx = super::write_tx(conn)?;
        let found = check_version(&tx)?;
        let Some(sql) = MIGRATIONS.get(found as usize) else {
            return Ok(()); // up to date; the transaction rolls back, nothing in it
        };
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", found + 1)?;
        tx.commit()?;
    }
}

fn check_version(conn: &Connection) -> Result<i64, StoreError> {
    let found = user_version(conn)?;
    if found > CURRENT_VERSION {
        return Err(StoreError::TooNew {
            found,
            supported: CURRENT_VERSION,
        });
    }
    Ok(found)
}
