//! Keyword rows: found or made by key, linked to articles, and their
//! article counts written once per transaction.

use rusqlite::{Connection, OptionalExtension, params};
use rustc_hash::FxHashMap;

use super::Result;
use crate::model::{ArticleId, Keyword};
use crate::text::fold::title_key;

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
    // Named with "Đ" where Vietnamese text wrote the look-alike "Ð" (the key
    // reads them as one already): "Ðà Nẵng" copied elsewhere matched no
    // "Đà Nẵng" (an independent review's find).
    let name = crate::text::fold::lookalikes_shown(name);
    Ok(match found {
        Some(found) => found,
        None => (
            tx.prepare_cached("INSERT INTO keywords (name, key) VALUES (?1, ?2) RETURNING id")?
                .query_row(params![name, key], |r| r.get(0))?,
            name.into_owned(),
        ),
    })
}

/// Link `keywords` to article `id`, creating the keywords not stored yet;
/// each link made is counted in `deltas` for [`write_counts`].
pub(super) fn insert_keywords(
    tx: &Connection,
    id: ArticleId,
    keywords: &[Keyword],
    deltas: &mut CountDeltas,
) -> Result<()> {
    insert_keywords_named(tx, id, keywords, deltas, &mut Vec::new())
}

/// [`insert_keywords`], pushing the names the article is now linked to, in
/// order, as the store spells them (the first spelling of each keyword):
/// the text the search index takes.
pub(super) fn insert_keywords_named(
    tx: &Connection,
    id: ArticleId,
    keywords: &[Keyword],
    deltas: &mut CountDeltas,
    names: &mut Vec<String>,
) -> Result<()> {
    if keywords.is_empty() {
        return Ok(());
    }
    insert_keywords_at(tx, id, keywords.iter().enumerate(), deltas, names)
}

/// [`insert_keywords_named`], each keyword at the place given with it.
pub(super) fn insert_keywords_at<'k>(
    tx: &Connection,
    id: ArticleId,
    keywords: impl Iterator<Item = (usize, &'k Keyword)>,
    deltas: &mut CountDeltas,
    names: &mut Vec<String>,
) -> Result<()> {
    let mut link = tx.prepare_cached(
        "INSERT INTO article_keywords (article_id, keyword_id, pos, source) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (article_id, keyword_id) DO NOTHING",
    )?;
    for (pos, k) in keywords {
        let key = title_key(&k.name);
        if key.is_empty() {
            continue;
        }
        let (kid, name) = keyword_row(tx, &k.name, &key)?;
        if link.execute(params![id, kid, pos as i64, k.source.as_str()])? > 0 {
            *deltas.entry(kid).or_insert(0) += 1;
            names.push(name);
        }
    }
    Ok(())
}

/// The names of the user's tags on article `id`, in their order.
pub(super) fn kept_tags(tx: &Connection, id: ArticleId) -> Result<Vec<String>> {
    Ok(tx
        .prepare_cached(
            "SELECT k.name FROM article_keywords ak JOIN keywords k ON k.id = ak.keyword_id
             WHERE ak.article_id = ?1 AND ak.source = 'tag' ORDER BY ak.pos",
        )?
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?)
}
