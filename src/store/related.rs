//! Computed related stories: for an article with fewer than five of its own,
//! the stored articles closest to it by shared keywords and text.

use rusqlite::params;

use super::{Result, Store};

use crate::model::{ArticleId, RelatedSource};
use crate::text::fold::{key_hash, title_key};
use crate::text::search::Query;

/// A possible related story: id, title, title hash, URL, lead.
type Candidate = (i64, String, i64, Option<String>, Option<String>);

/// Related stories an article ends up with, at least (page ones first).
pub const RELATED_WANTED: usize = 5;

impl Store {
    /// Fill an article's related stories up to [`RELATED_WANTED`] with
    /// computed ones, once: the best full-text matches of its keywords (or,
    /// lacking keywords, of the word pairs of its title), itself, its
    /// duplicates (same normalised title) and stories already listed left
    /// out. They are stored with source `computed` and go when the article
    /// is re-imported. Returns how many were added.
    pub fn ensure_computed_related(&mut self, id: ArticleId) -> Result<usize> {
        let article = self.article(id)?;
        if article.related.len() >= RELATED_WANTED
            || article
                .related
                .iter()
                .any(|r| r.source == RelatedSource::Computed)
        {
            return Ok(0);
        }
        let mut phrases: Vec<String> = article.keywords.iter().map(|k| k.name.clone()).collect();
        if phrases.is_empty() {
            let words: Vec<&str> = article.title.split_whitespace().collect();
            phrases = words.windows(2).map(|w| w.join(" ")).collect();
        }
        let parts: Vec<String> = phrases
            .iter()
            .take(12)
            .filter_map(|p| Query::parse(&format!("\"{p}\"")).fts_expression())
            .collect();
        if parts.is_empty() {
            return Ok(0);
        }
        let expr = parts.join(" OR ");
        let own_key = title_key(&article.title);
        let mut seen: Vec<i64> = vec![key_hash(&own_key)];
        let mut taken: Vec<i64> = article
            .related
            .iter()
            .filter_map(|r| r.article_id.map(|id| id.0))
            .collect();
        taken.push(id.0);
        let want = RELATED_WANTED - article.related.len();
        let sql = "SELECT a.id, a.title, a.title_hash, a.url, a.lead
             FROM (SELECT rowid AS id,
                          docbao_rank(article_search, (SELECT min(id) FROM articles),
                                      (SELECT max(id) FROM articles)) AS score
                   FROM article_search WHERE article_search MATCH ?1
                   ORDER BY rowid DESC LIMIT 2000) m
             JOIN articles a ON a.id = m.id
             ORDER BY m.score DESC, a.sort_ts DESC LIMIT ?2";
        let candidates: Vec<Candidate> = self
            .conn
            .prepare_cached(sql)?
            .query_map(params![expr, (want * 4 + taken.len()) as i64], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut chosen = Vec::new();
        for (cid, title, key, url, lead) in candidates {
            if chosen.len() == want || taken.contains(&cid) || seen.contains(&key) {
                continue;
            }
            let excerpt = match lead {
                Some(l) => Some(l),
                None => super::body::paragraphs(&self.conn, ArticleId(cid))?
                    .into_iter()
                    .next()
                    .map(|p| p.text),
            }
            .map(|e| crate::text::width::truncate(&e, 240));
            seen.push(key);
            taken.push(cid);
            chosen.push((cid, title, url, excerpt));
        }
        let tx = super::write_tx(&self.conn)?;
        // Another process (the reader's worker, `docbao show`) may have
        // filled them while these were chosen: only the first one stores.
        let (rows, computed): (i64, i64) = tx.query_row(
            "SELECT count(*), count(*) FILTER (WHERE source = 'computed')
             FROM related WHERE article_id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        if computed > 0 || rows != article.related.len() as i64 {
            return Ok(0);
        }
        {
            let mut ins = tx.prepare_cached(
                "INSERT INTO related (article_id, pos, title, title_key, url, excerpt, target_id, source)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'computed')",
            )?;
            for (i, (cid, title, url, excerpt)) in chosen.iter().enumerate() {
                let pos = (article.related.len() + i) as i64;
                let key = title_key(title);
                ins.execute(params![id, pos, title, key, url, excerpt, cid])?;
            }
        }
        tx.commit()?;
        Ok(chosen.len())
    }
}
