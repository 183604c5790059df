//! Keyword rows: found or made by key, and their article counts written
//! once per transaction.

use rusqlite::{Connection, OptionalExtension, params};
use rustc_hash::FxHashMap;

use super::Result;

/// Links added per keyword id: the store adds them to `keywords.article_count`
/// once per transaction ([`write_counts`]; removals are counted by a trigger).
pub(super) type CountDeltas = FxHashMap<i64, i64>;

/// Add `deltas` to the keywords' article counts, in id order.
pub(super) fn write_counts(tx: &Connection, deltas: &CountDeltas) -> Result<()> {
    let mut ids: Vec<(&i64, &i64)> = deltas.iter().filter(|(_, d)| **d != 0).collect();
    ids.sort_unstable();
    let mut update =
        tx.prepare_cached("UPDATE keywords SET article_count = article_count + ?2 WHERE id = ?1")?;
    for (id, d) in ids {
        update.execute(params![id, d])?;
    }
    Ok(())
}

/// The id and stored name of the keyword under `key`, made with `name` if
/// there is none. Most keywords exist already: a read finds them; only new
/// ones are written (an upsert rewrote the row every time).
pub(super) fn keyword_row(tx: &Connection, name: &str, key: &str) -> Result<(i64, String)> {
    let found: Option<(i64, String)> = tx
        .prepare_cached("SELECT id, name FROM keywords WHERE key = ?1")?
        .query_row([key], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    Ok(match found {
        Some(found) => found,
        None => (
            tx.prepare_cached("INSERT INTO keywords (name, key) VALUES (?1, ?2) RETURNING id")?
                .query_row(params![name, key], |r| r.get(0))?,
            name.to_owned(),
        ),
    })
}
