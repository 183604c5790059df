//! Full-text search (issue 5): an FTS5 index over title, lead, body and
//! keywords that folds case and every Vietnamese mark, "đ" included.
//!
//! # Design: a folded shadow in a contentless FTS5 table
//!
//! FTS5's `unicode61` tokenizer alone cannot do it: `remove_diacritics 2` folds
//! tones and vowel marks but leaves "đ" (U+0111 is a letter of its own, not
//! "d" with a mark), and the default `remove_diacritics 1` misses "việt",
//! "vận", "cộng" (two marks on one letter). The two ways out:
//!
//! - a custom tokenizer wrapping `unicode61` that folds "đ" and keeps byte
//!   offsets, so that `snippet()` returns the original text. rusqlite exposes
//!   FTS5 only as the raw `fts5_api` C struct: registering a tokenizer means
//!   `unsafe` callbacks over raw pointers (xCreate, xTokenize, xDelete, a
//!   callback trampoline), on every connection, in a code base with no
//!   `unsafe` so far, and anyone opening the file without it (the sqlite3
//!   shell, an older docbao) cannot touch the index: even deleting an article
//!   fails with "no such tokenizer".
//! - a folded shadow: the index is fed text folded by
//!   [`crate::text::fold::search_fold`] (the one folding, in Rust, shared with
//!   query parsing and [`crate::text::search::find_matches`]), with plain
//!   `unicode61 remove_diacritics 0` as the tokenizer. No `unsafe`, and a
//!   stock SQLite can read and delete.
//!
//! We index the shadow. The table is contentless with `contentless_delete=1`
//! (SQLite 3.43+): it keeps only the inverted index and column sizes (all that
//! bm25 needs), not a second copy of the text, and rows can be deleted and
//! replaced by rowid = article id. What it gives up is FTS5's `snippet()`
//! (it would show folded text anyway), so snippets are cut in Rust from the
//! original paragraphs of the hits on the page with `find_matches`, which keeps
//! the original spelling; ranking stays bm25 in SQLite.
//!
//! Measured on 100,000 articles (BENCHMARKS.md, "Search (issue 5)"): every
//! query word is a prefix, so the table has prefix indexes for two and three
//! letters (`"ha"*` otherwise merges the doclists of hundreds of words: 180 ms
//! → 18 ms, for an index of 393 MB instead of 176 MB), and only the newest
//! [`CANDIDATES`] matches are ranked (bm25 over all 94,000 matches of "ha"
//! took 400 ms). The first bm25() call still scans each phrase's whole doclist
//! for its IDF, which is most of what a common query costs now (~30 ms).
//!
//! `docbao_fold()` is a scalar SQL function registered on every connection
//! ([`register_functions`]): the migration backfills existing articles with it
//! and [`index_outcomes`] uses the same statement for each imported article, so the two
//! cannot fold differently. The store keeps the index in step: an import
//! re-indexes every added or changed article once its paragraphs and keywords
//! are written (an unchanged re-import leaves it alone), and a trigger deletes
//! the row with the article.

use rusqlite::functions::{Context, FunctionFlags};
use rusqlite::types::{Value, ValueRef};
use rusqlite::{Connection, params_from_iter};

use super::articles::filter_sql;
use super::{ArticleId, ImportOutcome, ListFilter, Result, Store};
use crate::text::fold::search_fold;
use crate::text::search::{Query, Snippet, snippet};

/// bm25 weights of the columns title, lead, body, keywords: a word in the
/// title counts ten times a word in the body.
pub(crate) const WEIGHTS: &str = "10.0, 4.0, 1.0, 5.0";

/// How many of the matches (the most recently stored) a search ranks.
pub const CANDIDATES: usize = 2000;

/// About how many characters a snippet shows.
pub const SNIPPET_CHARS: usize = 160;

/// (Re)index articles from what is stored: the ids come as a JSON array in
/// `?1`. The migration runs the same SELECT for every article.
const INDEX_ARTICLES: &str = "
INSERT INTO article_search (rowid, title, lead, body, keywords)
SELECT a.id,
       docbao_fold(a.title),
       docbao_fold(a.lead),
       docbao_fold((SELECT group_concat(p.text, char(10) ORDER BY p.pos)
                    FROM paragraphs p WHERE p.article_id = a.id)),
       docbao_fold((SELECT group_concat(k.name, char(10) ORDER BY ak.pos)
                    FROM article_keywords ak JOIN keywords k ON k.id = ak.keyword_id
                    WHERE ak.article_id = a.id))
FROM articles a WHERE a.id IN (SELECT value FROM json_each(?1))
ORDER BY a.id";

/// Register `docbao_fold(text)` on a connection: [`search_fold`], NULL for NULL.
pub(super) fn register_functions(conn: &Connection) -> rusqlite::Result<()> {
    conn.create_scalar_function(
        "docbao_fold",
        1,
        FunctionFlags::SQLITE_UTF8
            | FunctionFlags::SQLITE_DETERMINISTIC
            | FunctionFlags::SQLITE_INNOCUOUS,
        |ctx: &mut Context<'_>| {
            Ok(match ctx.get_raw(0) {
                ValueRef::Null => Value::Null,
                ValueRef::Text(t) => Value::Text(match std::str::from_utf8(t) {
                    Ok(s) => search_fold(s),
                    Err(_) => search_fold(&String::from_utf8_lossy(t)),
                }),
                ValueRef::Integer(i) => Value::Text(i.to_string()),
                ValueRef::Real(f) => Value::Text(f.to_string()),
                ValueRef::Blob(_) => Value::Null,
            })
        },
    )
}

/// Bring the index up to date after imports: (re)write the row of every
/// added or updated article from what is stored now; unchanged ones keep
/// theirs. An article imported twice is indexed once; its old row is removed
/// only when it had one (its first outcome was an update).
///
/// Called once per transaction, never inside a per-article savepoint: FTS5
/// flushes its pending terms into a new segment at each savepoint, and one
/// segment per article (then merging them) made the 35k-article import six
/// times slower.
pub(super) fn index_outcomes(conn: &Connection, outcomes: &[ImportOutcome]) -> Result<()> {
    let mut seen = std::collections::HashSet::with_capacity(outcomes.len());
    let mut replaced = Vec::new();
    for out in outcomes {
        let (id, had_row) = match *out {
            ImportOutcome::Added(id) => (id, false),
            ImportOutcome::Updated(id) => (id, true),
            ImportOutcome::Unchanged(_) => continue,
        };
        if seen.insert(id) && had_row {
            replaced.push(id);
        }
    }
    if seen.is_empty() {
        return Ok(());
    }
    let json = |ids: &mut dyn Iterator<Item = ArticleId>| {
        let list: Vec<String> = ids.map(|id| id.to_string()).collect();
        format!("[{}]", list.join(","))
    };
    // One statement each for the whole batch: SQLite opens a statement
    // savepoint for every INSERT into a virtual table, and FTS5 flushes its
    // pending terms into a new segment at each one. A statement per article
    // meant a segment per article (a third of the import's time went to
    // writing and merging them).
    if !replaced.is_empty() {
        conn.prepare_cached(
            "DELETE FROM article_search WHERE rowid IN (SELECT value FROM json_each(?1))",
        )?
        .execute([json(&mut replaced.into_iter())])?;
    }
    conn.prepare_cached(INDEX_ARTICLES)?
        .execute([json(&mut seen.into_iter())])?;
    Ok(())
}

/// One search result.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchHit {
    pub id: ArticleId,
    pub title: String,
    pub published: Option<String>,
    pub date_text: Option<String>,
    pub sort_ts: i64,
    /// Relevance, higher is better: SQLite's bm25() with the column weights, negated.
    pub score: f64,
    /// Original text around the matches, from the lead or the body.
    pub snippet: Snippet,
}

impl Store {
    /// Articles matching `query` (as a user typed it: see [`Query::parse`])
    /// and the filter, best first (bm25, title hits above body hits), newest
    /// first among equal scores. An empty query gives no hits.
    pub fn search(&self, query: &str, filter: &ListFilter, limit: usize) -> Result<Vec<SearchHit>> {
        self.search_query(&Query::parse(query), filter, limit)
    }

    /// [`Store::search`] for a parsed query.
    pub fn search_query(
        &self,
        query: &Query,
        filter: &ListFilter,
        limit: usize,
    ) -> Result<Vec<SearchHit>> {
        let Some(expr) = query.fts_expression() else {
            return Ok(Vec::new());
        };
        let (where_sql, filter_args) = filter_sql(filter);
        // Rank the newest CANDIDATES matches (by article id: FTS5 walks its
        // doclists in rowid order and stops there), not every match: bm25 costs
        // about 2.5 µs a row, and "ha noi" matches most of a large store.
        let sql = format!(
            "SELECT a.id, a.title, a.published, a.date_text, a.sort_ts, a.lead, m.score
             FROM (SELECT article_search.rowid AS id,
                          -bm25(article_search, {WEIGHTS}) AS score
                   FROM article_search JOIN articles a ON a.id = article_search.rowid
                   WHERE article_search MATCH ? AND {where_sql}
                   ORDER BY article_search.rowid DESC LIMIT {CANDIDATES}) m
             JOIN articles a ON a.id = m.id
             ORDER BY m.score DESC, a.sort_ts DESC, a.id DESC LIMIT ?"
        );
        let mut args: Vec<Value> = Vec::with_capacity(filter_args.len() + 2);
        args.push(expr.into());
        args.extend(filter_args);
        args.push((limit.min(i64::MAX as usize) as i64).into());
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows: Vec<(SearchHit, Option<String>)> = stmt
            .query_map(params_from_iter(args.iter()), |r| {
                Ok((
                    SearchHit {
                        id: r.get(0)?,
                        title: r.get(1)?,
                        published: r.get(2)?,
                        date_text: r.get(3)?,
                        sort_ts: r.get(4)?,
                        score: r.get(6)?,
                        snippet: Snippet::default(),
                    },
                    r.get(5)?,
                ))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut paras = self
            .conn
            .prepare_cached("SELECT text FROM paragraphs WHERE article_id = ?1 ORDER BY pos")?;
        let mut hits = Vec::with_capacity(rows.len());
        for (mut hit, lead) in rows {
            let body: Vec<String> = paras
                .query_map([hit.id], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            let texts = lead.iter().chain(&body).map(String::as_str);
            hit.snippet = snippet(texts, query, SNIPPET_CHARS);
            hits.push(hit);
        }
        Ok(hits)
    }
}

#[cfg(test)]
mod tests;
