//! Auto keywords waiting for company (`waiting_keywords`, schema 25): a
//! keyword its article mentions once, or a free phrase, that too few other
//! articles hold ([`Company`](crate::text::keywords::Company)). An import
//! makes it wait from the start; a rescoring or a recount takes it off at
//! the flush. A flush links it once enough do: the flush of its own import,
//! or of a later one. One whose phrase goes on past its end waits on.

use rusqlite::{Connection, OptionalExtension, params};
use rustc_hash::FxHashSet;

use super::Result;
use super::keyword_rows::{CountDeltas, keyword_row, write_counts};
use crate::model::{ArticleId, Keyword};
use crate::text::fold::title_key;
use crate::text::keywords::{Candidate, Company, Next, needs_company};

/// Take article `article`'s auto keyword `key` off; it waits, at its place
/// among the article's keywords.
pub(super) fn take_off(
    conn: &Connection,
    article: ArticleId,
    key: &str,
    company: Company,
) -> Result<()> {
    let off: Option<(i64, i64)> = conn
        .prepare_cached(
            "DELETE FROM article_keywords WHERE article_id = ?1 AND source = 'auto'
                AND keyword_id = (SELECT id FROM keywords WHERE key = ?2)
             RETURNING keyword_id, pos",
        )?
        .query_row(params![article, key], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    if let Some((kid, pos)) = off {
        conn.prepare_cached(
            "INSERT OR REPLACE INTO waiting_keywords (article_id, key, name, pos, company)
             VALUES (?1, ?2, (SELECT name FROM keywords WHERE id = ?3), ?4, ?5)",
        )?
        .execute(params![article, key, kid, pos, company_code(company)])?;
    }
    Ok(())
}

/// Article `id`'s auto keywords, ranked (`auto`), that need company and
/// that too few hold yet (`lone`, [`KeywordStats::auto_keywords`](super::keywords)),
/// by key) wait, at their places, for the flush to link those enough
/// articles hold by then: most do not, and linking them only to take them
/// off cost a big import more. Returns the rest, with their places, to be
/// linked now.
///
/// The search index's keyword column has only the keywords linked now:
/// those the flush links join it when the article is indexed again
/// (`docbao doctor`).
pub(super) fn wait_for_company<'k>(
    tx: &Connection,
    id: ArticleId,
    auto: &'k [Keyword],
    lone: &[(String, Company)],
) -> Result<Vec<(usize, &'k Keyword)>> {
    let mut now = Vec::with_capacity(auto.len());
    for (pos, k) in auto.iter().enumerate() {
        let key = title_key(&k.name);
        match lone.iter().find(|(l, _)| *l == key) {
            Some(&(_, company)) => {
                tx.prepare_cached(
                    "INSERT OR REPLACE INTO waiting_keywords (article_id, key, name, pos, company)
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                )?
                .execute(params![
                    id,
                    key,
                    k.name,
                    pos as i64,
                    company_code(company)
                ])?;
            }
            None => now.push((pos, k)),
        }
    }
    Ok(now)
}

/// Every article's auto link to keyword `id` waits (a recount's sweep;
/// the caller takes the links off).
pub(super) fn wait_all(
    conn: &Connection,
    id: i64,
    key: &str,
    name: &str,
    company: Company,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT OR REPLACE INTO waiting_keywords (article_id, key, name, pos, company)
         SELECT ak.article_id, ?2, ?3, ak.pos, ?4 FROM article_keywords ak
         WHERE ak.keyword_id = ?1 AND ak.source = 'auto'",
    )?
    .execute(params![id, key, name, company_code(company)])?;
    Ok(())
}

/// Link the auto keywords waiting for company
/// (`waiting_keywords`, [`KeywordStats::take_off_lone`](super::keywords)) whose phrase
/// enough other articles now hold, each at its place among its
/// article's keywords: the first article of a story gets the names its
/// followers hold too, whichever import brought them. By the counts in
/// the file, as [`KeywordStats::take_off_lone`](super::keywords) judges.
///
/// `raised`: the phrases this flush counted, the only ones that can have
/// come to enough (another process's flush looks at those it counted);
/// `None`, every waiting keyword (a recount, a flush after deletions).
pub(super) fn link(
    conn: &Connection,
    raised: Option<&mut dyn Iterator<Item = &str>>,
) -> Result<()> {
    let free = Company::Free { digit: false }.others(docs_in_file(conn)?);
    const HELD: &str = "SELECT w.article_id, w.key, w.name, w.pos, d.runs, d.word, d.votes
         FROM waiting_keywords w JOIN phrase_df d ON d.key = w.key
         WHERE d.n > CASE WHEN w.company >= 0 THEN w.company ELSE ?1 END";
    let row = |r: &rusqlite::Row<'_>| -> rusqlite::Result<Row> {
        let next = Next {
            runs: r.get(4)?,
            word: r.get::<_, i64>(5)? as u32,
            votes: r.get(6)?,
        };
        Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, next))
    };
    let mut held: Vec<Row> = Vec::new();
    match raised {
        None => {
            let mut stmt = conn.prepare_cached(HELD)?;
            for r in stmt.query_map([free as i64], row)? {
                held.push(r?);
            }
        }
        Some(keys) => {
            // Fewer keywords waiting than phrases raised (a big import):
            // every waiting one read once, those raised kept.
            let waiting: i64 =
                conn.query_row("SELECT count(*) FROM waiting_keywords", [], |r| r.get(0))?;
            let keys: Vec<&str> = keys.collect();
            if (waiting as usize) < keys.len() {
                let raised: FxHashSet<&str> = keys.into_iter().collect();
                let mut stmt = conn.prepare_cached(HELD)?;
                for r in stmt.query_map([free as i64], row)? {
                    let r = r?;
                    if raised.contains(r.1.as_str()) {
                        held.push(r);
                    }
                }
            } else {
                let mut stmt = conn.prepare_cached(&format!("{HELD} AND w.key = ?2"))?;
                for key in keys {
                    for r in stmt.query_map(params![free as i64, key], row)? {
                        held.push(r?);
                    }
                }
            }
        }
    }
    let mut done =
        conn.prepare_cached("DELETE FROM waiting_keywords WHERE article_id = ?1 AND key = ?2")?;
    let mut deltas = CountDeltas::default();
    // A phrase that goes on past its end is no keyword of any article
    // (`put_phrase`): it waits on.
    for (article, key, name, pos, _) in held.into_iter().filter(|r| !r.4.goes_on()) {
        let (kid, _) = keyword_row(conn, &name, &key)?;
        if link_one(conn, article, kid, pos)? {
            *deltas.entry(kid).or_insert(0) += 1;
        }
        done.execute(params![article, key])?;
    }
    write_counts(conn, &deltas)
}

/// A waiting keyword: its article, key, name, place, and what follows its
/// phrase across the store.
type Row = (ArticleId, String, String, i64, Next);

/// Article `id`'s waiting keywords judged against its candidates now (`c`;
/// the rules may have changed since they were taken off): one that is no
/// candidate waits no more; one that needs no company now is linked again,
/// at its place.
pub(super) fn settle(tx: &Connection, id: ArticleId, c: &[Candidate]) -> Result<()> {
    let rows: Vec<(String, String, i64)> = tx
        .prepare_cached("SELECT key, name, pos FROM waiting_keywords WHERE article_id = ?1")?
        .query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut done =
        tx.prepare_cached("DELETE FROM waiting_keywords WHERE article_id = ?1 AND key = ?2")?;
    let mut deltas = CountDeltas::default();
    for (key, name, pos) in rows {
        match c.iter().find(|c| c.key == key) {
            Some(c) if needs_company(c) => continue,
            Some(_) => {
                let (kid, _) = keyword_row(tx, &name, &key)?;
                if link_one(tx, id, kid, pos)? {
                    *deltas.entry(kid).or_insert(0) += 1;
                }
            }
            None => {}
        }
        done.execute(params![id, key])?;
    }
    write_counts(tx, &deltas)
}

/// Link keyword `kid` to article `article` at `pos` as an auto keyword
/// (false: it was linked already).
fn link_one(conn: &Connection, article: ArticleId, kid: i64, pos: i64) -> Result<bool> {
    Ok(conn
        .prepare_cached(
            "INSERT INTO article_keywords (article_id, keyword_id, pos, source)
             VALUES (?1, ?2, ?3, 'auto') ON CONFLICT (article_id, keyword_id) DO NOTHING",
        )?
        .execute(params![article, kid, pos])?
        > 0)
}

/// The articles counted in the file: another docbao's too.
pub(super) fn docs_in_file(conn: &Connection) -> Result<u64> {
    let docs: Option<i64> = conn
        .query_row("SELECT n FROM phrase_docs WHERE id = 1", [], |r| r.get(0))
        .optional()?;
    Ok(docs.unwrap_or(0).max(0) as u64)
}

/// A [`Company`] as `waiting_keywords.company` keeps it: the other articles
/// needed, or -1 for a free phrase without a digit (its need grows with
/// the store, [`free_company`]).
fn company_code(company: Company) -> i64 {
    match company {
        Company::Free { digit: false } => -1,
        other => other.others(0) as i64,
    }
}
