//! Import: an article in, added, updated or left unchanged. Recognising the
//! same story (by URL, or by normalised title and date), the content hash, the
//! batches (a savepoint per article, the search index written once per batch),
//! the prepared batches ([`Store::prepare_batch`]: candidate keyword phrases
//! computed on every core) and the links to related stories.

use std::hash::{Hash, Hasher};

use rusqlite::{Connection, OptionalExtension, params};

use super::keywords::{
    self, CountDeltas, KeywordStats, StatsChange, insert_keywords, write_counts,
};
use super::search::index_outcomes;
use super::{Result, Store, now_ts};
use crate::model::{ArticleId, ImportOutcome, NewArticle, NewRelated};
use crate::text::fold::title_key;
use crate::text::keywords::{Candidate, candidates};

fn hash_article(a: &NewArticle) -> i64 {
    // Only content: user state (read, bookmarked) is not part of it.
    let mut h = std::hash::DefaultHasher::new();
    a.url.hash(&mut h);
    a.title.hash(&mut h);
    a.published.map(|p| p.to_rfc3339()).hash(&mut h);
    a.date_text.hash(&mut h);
    a.author.hash(&mut h);
    a.views.hash(&mut h);
    a.site.hash(&mut h);
    a.lead.hash(&mut h);
    for p in &a.paragraphs {
        p.kind.hash(&mut h);
        p.text.hash(&mut h);
    }
    for k in &a.keywords {
        k.name.hash(&mut h);
        k.source.hash(&mut h);
    }
    for r in &a.related {
        r.title.hash(&mut h);
        r.url.hash(&mut h);
        r.excerpt.hash(&mut h);
    }
    h.finish() as i64
}

impl Store {
    /// Import one article in its own transaction.
    pub fn import(&mut self, article: &NewArticle) -> Result<ImportOutcome> {
        self.stats()?;
        let Store { conn, stats } = self;
        let stats = stats.get_or_insert_with(Default::default);
        let tx = conn.transaction()?;
        let (out, mut change) = upsert(&tx, article, now_ts(), stats, None)?;
        write_counts(&tx, &std::mem::take(&mut change.links))?;
        index_outcomes(&tx, &[out])?;
        tx.commit()?;
        stats.apply(change);
        Ok(out)
    }

    /// Import many articles in one transaction; one that fails is rolled back
    /// alone (a savepoint each) and reported, the others are kept.
    pub fn import_batch(&mut self, articles: &[NewArticle]) -> Result<Vec<Result<ImportOutcome>>> {
        self.import_with(articles, None)
    }

    /// The part of importing a batch that writes nothing: which articles are
    /// new or changed, and their candidate keyword phrases (computed on every
    /// core). A second connection to the same file can do it for the next
    /// batch while this one stores the last ([`Store::import_prepared`]);
    /// what changed in between is caught when the batch is stored. If the
    /// store cannot be read, the batch is left for [`Store::import_prepared`]
    /// to prepare.
    pub fn prepare_batch(&self, articles: Vec<NewArticle>) -> PreparedBatch {
        let cands = precompute_candidates(&self.conn, &articles).unwrap_or_default();
        PreparedBatch { articles, cands }
    }

    /// [`Store::import_batch`] for a batch prepared by [`Store::prepare_batch`].
    pub fn import_prepared(
        &mut self,
        batch: PreparedBatch,
    ) -> Result<(Vec<NewArticle>, Vec<Result<ImportOutcome>>)> {
        let PreparedBatch { articles, cands } = batch;
        let results = self.import_with(&articles, Some(cands))?;
        Ok((articles, results))
    }

    fn import_with(
        &mut self,
        articles: &[NewArticle],
        prepared: Option<Vec<Option<Vec<Candidate>>>>,
    ) -> Result<Vec<Result<ImportOutcome>>> {
        let now = now_ts();
        self.stats()?;
        let Store { conn, stats } = self;
        let stats = stats.get_or_insert_with(Default::default);
        let mut tx = conn.transaction()?;
        let mut prepared = match prepared {
            Some(p) if p.len() == articles.len() => p,
            _ => precompute_candidates(&tx, articles)?,
        };
        let mut results = Vec::with_capacity(articles.len());
        let mut indexed = Vec::with_capacity(articles.len());
        let mut counts = CountDeltas::new();
        for (a, cands) in articles.iter().zip(prepared.iter_mut()) {
            let sp = tx.savepoint()?;
            match upsert(&sp, a, now, stats, cands.take()) {
                Ok((out, mut change)) => {
                    sp.commit()?;
                    for (k, d) in std::mem::take(&mut change.links) {
                        *counts.entry(k).or_insert(0) += d;
                    }
                    indexed.push(out);
                    stats.apply(change);
                    results.push(Ok(out));
                }
                Err(e) => {
                    drop(sp); // rolls back this article only
                    results.push(Err(e));
                }
            }
        }
        // The search index is written once for the batch, outside the
        // savepoints: FTS5 flushes its pending terms into a new segment at
        // every savepoint, and one segment per article made the import 6x slower.
        write_counts(&tx, &counts)?;
        index_outcomes(&tx, &indexed)?;
        tx.commit()?;
        Ok(results)
    }
}

/// The date part used to recognise the same story imported twice.
fn date_key(a: &NewArticle) -> String {
    match a.published {
        Some(p) => p.date_naive().to_string(),
        None => String::new(),
    }
}

fn find_existing(
    tx: &Connection,
    a: &NewArticle,
    tkey: &str,
    dkey: &str,
) -> Result<Option<(ArticleId, i64)>> {
    if let Some(url) = &a.url {
        let hit = tx
            .prepare_cached("SELECT id, content_hash FROM articles WHERE url = ?1")?
            .query_row([url], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        if hit.is_some() {
            return Ok(hit);
        }
    }
    // Same normalised title and date. Without a known date, only an article
    // that has no URL of its own (a saved page) is matched on title alone, so
    // that two different stories that share a headline are not merged.
    if dkey.is_empty() && a.url.is_some() {
        return Ok(None);
    }
    let hit = tx
        .prepare_cached(
            "SELECT id, content_hash FROM articles WHERE title_key = ?1 AND date_key = ?2
             AND (?3 IS NULL OR url IS NULL OR url = ?3) ORDER BY id LIMIT 1",
        )?
        .query_row(params![tkey, dkey, a.url], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    Ok(hit)
}

/// A batch of articles with the work done before it is stored
/// ([`Store::prepare_batch`]).
#[derive(Debug)]
pub struct PreparedBatch {
    pub articles: Vec<NewArticle>,
    cands: Vec<Option<Vec<Candidate>>>,
}

/// The candidate phrases ([`candidates`]) of the articles of a batch that
/// will be added or changed, computed on every core before the batch is
/// stored: on the store's one thread they were a quarter of an import.
/// Articles stored unchanged get `None`, and so may an article whose fate
/// depends on an earlier one in the same batch: [`upsert`] computes what it
/// is not given.
fn precompute_candidates(
    tx: &Connection,
    articles: &[NewArticle],
) -> Result<Vec<Option<Vec<Candidate>>>> {
    let mut wanted = Vec::with_capacity(articles.len());
    for a in articles {
        let existing = find_existing(tx, a, &title_key(&a.title), &date_key(a))?;
        wanted.push(!matches!(existing, Some((_, h)) if h == hash_article(a)));
    }
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = articles.len().div_ceil(threads.max(1)).max(1);
    let compute = |(arts, want): (&[NewArticle], &[bool])| -> Vec<Option<Vec<Candidate>>> {
        arts.iter()
            .zip(want)
            .map(|(a, &w)| w.then(|| candidates(a)))
            .collect()
    };
    if threads < 2 || articles.len() < 16 {
        return Ok(compute((articles, &wanted)));
    }
    Ok(std::thread::scope(|scope| {
        let handles: Vec<_> = articles
            .chunks(chunk)
            .zip(wanted.chunks(chunk))
            .map(|part| scope.spawn(move || compute(part)))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| match h.join() {
                Ok(v) => v,
                Err(panic) => std::panic::resume_unwind(panic),
            })
            .collect()
    }))
}

fn upsert(
    tx: &Connection,
    a: &NewArticle,
    now: i64,
    stats: &KeywordStats,
    cands: Option<Vec<Candidate>>,
) -> Result<(ImportOutcome, StatsChange)> {
    let mut change = StatsChange::default();
    let tkey = title_key(&a.title);
    let dkey = date_key(a);
    let hash = hash_article(a);
    let published = a.published.map(|p| p.to_rfc3339());
    let published_ts = a.published.map(|p| p.timestamp());
    let bookmarked = a.bookmarked.unwrap_or(false);
    let read = a.read.unwrap_or(false);

    let existing = find_existing(tx, a, &tkey, &dkey)?;
    let (id, outcome) = match existing {
        Some((id, old_hash)) if old_hash == hash => {
            // Same content: only user state a re-import may add (never clear).
            tx.prepare_cached(
                "UPDATE articles SET bookmarked = max(bookmarked, ?1), read = max(read, ?2) WHERE id = ?3",
            )?
            .execute(params![bookmarked, read, id])?;
            return Ok((ImportOutcome::Unchanged(id), change));
        }
        Some((id, _)) => {
            change.remove = keywords::stored_candidates(tx, id)?;
            tx.prepare_cached(
                "UPDATE articles SET url = coalesce(url, ?1), title = ?2, title_key = ?3,
                    published = ?4, published_ts = ?5, date_key = ?6, date_text = ?7, author = ?8,
                    views = ?9, site = ?10, lead = ?11, updated_at = ?12,
                    sort_ts = coalesce(?5, imported_at), content_hash = ?13,
                    bookmarked = max(bookmarked, ?14), read = max(read, ?15)
                 WHERE id = ?16",
            )?
            .execute(params![
                a.url,
                a.title,
                tkey,
                published,
                published_ts,
                dkey,
                a.date_text,
                a.author,
                a.views,
                a.site,
                a.lead,
                now,
                hash,
                bookmarked,
                read,
                id
            ])?;
            tx.prepare_cached("DELETE FROM paragraphs WHERE article_id = ?1")?
                .execute([id])?;
            tx.prepare_cached("DELETE FROM article_keywords WHERE article_id = ?1")?
                .execute([id])?;
            tx.prepare_cached("DELETE FROM related WHERE article_id = ?1")?
                .execute([id])?;
            (id, ImportOutcome::Updated(id))
        }
        None => {
            let id: ArticleId = tx
                .prepare_cached(
                    "INSERT INTO articles (url, title, title_key, published, published_ts, date_key,
                        date_text, author, views, site, lead, imported_at, updated_at, sort_ts,
                        content_hash, bookmarked, read)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12,
                        coalesce(?5, ?12), ?13, ?14, ?15)
                     RETURNING id",
                )?
                .query_row(
                    params![
                        a.url, a.title, tkey, published, published_ts, dkey, a.date_text,
                        a.author, a.views, a.site, a.lead, now, hash, bookmarked, read
                    ],
                    |r| r.get(0),
                )?;
            (id, ImportOutcome::Added(id))
        }
    };

    let mut ins_para = tx.prepare_cached(
        "INSERT INTO paragraphs (article_id, pos, kind, text) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (pos, p) in a.paragraphs.iter().enumerate() {
        ins_para.execute(params![id, pos as i64, p.kind.as_str(), p.text])?;
    }
    insert_keywords(tx, id, &a.keywords, &mut change.links)?;
    // Auto keywords when the page has none (an export of ours may carry auto
    // keywords already: those are kept as they are, so it round-trips).
    let cands = cands.unwrap_or_else(|| candidates(a));
    if a.keywords.is_empty() {
        insert_keywords(tx, id, &stats.auto_keywords(&cands), &mut change.links)?;
    }
    change.add = Some(cands);
    insert_related(tx, id, &a.related)?;
    resolve_incoming(tx, id, a.url.as_deref(), &tkey)?;
    // The caller updates the search index (search::index_outcomes).
    Ok((outcome, change))
}

fn insert_related(tx: &Connection, id: ArticleId, related: &[NewRelated]) -> Result<()> {
    let mut ins = tx.prepare_cached(
        "INSERT INTO related (article_id, pos, title, title_key, url, excerpt, target_id, source)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'page')",
    )?;
    let mut by_url = tx.prepare_cached("SELECT id FROM articles WHERE url = ?1 AND id <> ?2")?;
    let mut by_title = tx.prepare_cached(
        "SELECT id FROM articles WHERE title_key = ?1 AND id <> ?2 ORDER BY id LIMIT 1",
    )?;
    for (pos, r) in related.iter().enumerate() {
        let key = title_key(&r.title);
        let target: Option<i64> = match &r.url {
            Some(url) => by_url
                .query_row(params![url, id], |r| r.get(0))
                .optional()?,
            None => by_title
                .query_row(params![key, id], |r| r.get(0))
                .optional()?,
        };
        ins.execute(params![
            id, pos as i64, r.title, key, r.url, r.excerpt, target
        ])?;
    }
    Ok(())
}

/// Stories elsewhere that point at this article (by URL, or by title when they
/// have no URL) now resolve to it.
fn resolve_incoming(tx: &Connection, id: ArticleId, url: Option<&str>, tkey: &str) -> Result<()> {
    if let Some(url) = url {
        tx.prepare_cached(
            "UPDATE related SET target_id = ?1 WHERE url = ?2 AND target_id IS NULL AND article_id <> ?1",
        )?
        .execute(params![id, url])?;
    }
    tx.prepare_cached(
        "UPDATE related SET target_id = ?1
         WHERE title_key = ?2 AND url IS NULL AND target_id IS NULL AND article_id <> ?1",
    )?
    .execute(params![id, tkey])?;
    Ok(())
}
