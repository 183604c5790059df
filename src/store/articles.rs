//! Articles: import (insert or update), read back, list, user state.

use std::hash::{Hash, Hasher};

use rusqlite::{Connection, OptionalExtension, params, params_from_iter};

use super::keywords::{self, KeywordStats, StatsChange};
use super::{Result, Store, StoreError};
use crate::model::{
    Article, ArticleId, ArticleSummary, Cursor, ImportOutcome, Keyword, KeywordSource, ListFilter,
    NewArticle, NewRelated, Paragraph, ParagraphKind, Related, RelatedSource,
};
use crate::text::fold::title_key;
use crate::text::keywords::{Candidate, candidates};

/// Which page of the list to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    /// The newest rows.
    First,
    /// The rows just older than the cursor.
    After(Cursor),
    /// The rows just newer than the cursor.
    Before(Cursor),
    /// The oldest rows.
    Last,
}

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

fn now_ts() -> i64 {
    chrono::Utc::now().timestamp()
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
        super::search::index_outcomes(&tx, &[out])?;
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
        super::search::index_outcomes(&tx, &indexed)?;
        tx.commit()?;
        Ok(results)
    }

    /// Load a whole article.
    pub fn article(&self, id: ArticleId) -> Result<Article> {
        let mut art = self
            .conn
            .prepare_cached(
                "SELECT id, url, title, published, date_text, author, views, site, lead,
                        bookmarked, read, position
                 FROM articles WHERE id = ?1",
            )?
            .query_row([id], |r| {
                Ok(Article {
                    id: r.get(0)?,
                    url: r.get(1)?,
                    title: r.get(2)?,
                    published: r.get(3)?,
                    date_text: r.get(4)?,
                    author: r.get(5)?,
                    views: r.get(6)?,
                    site: r.get(7)?,
                    lead: r.get(8)?,
                    paragraphs: Vec::new(),
                    keywords: Vec::new(),
                    related: Vec::new(),
                    bookmarked: r.get(9)?,
                    read: r.get(10)?,
                    position: r.get(11)?,
                })
            })
            .optional()?
            .ok_or(StoreError::NoSuchArticle(id))?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT kind, text FROM paragraphs WHERE article_id = ?1 ORDER BY pos",
        )?;
        art.paragraphs = stmt
            .query_map([id], |r| {
                let kind: String = r.get(0)?;
                Ok(Paragraph {
                    kind: ParagraphKind::parse(&kind).unwrap_or_default(),
                    text: r.get(1)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT k.name, ak.source FROM article_keywords ak JOIN keywords k ON k.id = ak.keyword_id
             WHERE ak.article_id = ?1 ORDER BY ak.source DESC, ak.pos",
        )?;
        art.keywords = stmt
            .query_map([id], |r| {
                let source: String = r.get(1)?;
                Ok(Keyword {
                    name: r.get(0)?,
                    source: KeywordSource::parse(&source).unwrap_or_default(),
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT title, url, excerpt, target_id, source FROM related
             WHERE article_id = ?1 ORDER BY pos",
        )?;
        art.related = stmt
            .query_map([id], |r| {
                let source: String = r.get(4)?;
                Ok(Related {
                    title: r.get(0)?,
                    url: r.get(1)?,
                    excerpt: r.get(2)?,
                    article_id: r.get(3)?,
                    source: if source == "computed" {
                        RelatedSource::Computed
                    } else {
                        RelatedSource::Page
                    },
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(art)
    }

    /// One page of the article list, newest first, after `cursor` if given.
    pub fn list(
        &self,
        filter: &ListFilter,
        after: Option<Cursor>,
        limit: usize,
    ) -> Result<Vec<ArticleSummary>> {
        let page = match after {
            Some(c) => Page::After(c),
            None => Page::First,
        };
        self.list_page(filter, page, limit)
    }

    /// A page of the list (newest first) at either end or beside a cursor.
    /// Every shape walks the `articles_sort` index: no page costs more than its rows.
    pub fn list_page(
        &self,
        filter: &ListFilter,
        page: Page,
        limit: usize,
    ) -> Result<Vec<ArticleSummary>> {
        let (where_sql, mut args) = filter_sql(filter);
        let mut sql = format!(
            "SELECT a.id, a.title, a.published, a.site, a.bookmarked, a.read, a.date_text, a.sort_ts
             FROM articles a WHERE {where_sql}"
        );
        let mut cursor = |op: &str, (ts, id): Cursor, sql: &mut String| {
            sql.push_str(&format!(" AND (a.sort_ts, a.id) {op} (?, ?)"));
            args.push(ts.into());
            args.push(id.into());
        };
        let ascending = match page {
            Page::First => false,
            Page::After(c) => {
                cursor("<", c, &mut sql);
                false
            }
            Page::Before(c) => {
                cursor(">", c, &mut sql);
                true
            }
            Page::Last => true,
        };
        sql.push_str(if ascending {
            " ORDER BY a.sort_ts, a.id LIMIT ?"
        } else {
            " ORDER BY a.sort_ts DESC, a.id DESC LIMIT ?"
        });
        args.push((limit.min(i64::MAX as usize) as i64).into());
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut rows: Vec<ArticleSummary> = stmt
            .query_map(params_from_iter(args.iter()), |r| {
                Ok(ArticleSummary {
                    id: ArticleId(r.get(0)?),
                    title: r.get(1)?,
                    published: r.get(2)?,
                    site: r.get(3)?,
                    bookmarked: r.get(4)?,
                    read: r.get(5)?,
                    date_text: r.get(6)?,
                    sort_ts: r.get(7)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        if ascending {
            rows.reverse();
        }
        Ok(rows)
    }

    /// How many articles the filter puts before (newer than) the cursor: a
    /// row's place in the list.
    pub fn count_before(&self, filter: &ListFilter, (ts, id): Cursor) -> Result<i64> {
        let (where_sql, mut args) = filter_sql(filter);
        let sql = format!(
            "SELECT count(*) FROM articles a WHERE {where_sql} AND (a.sort_ts, a.id) > (?, ?)"
        );
        args.push(ts.into());
        args.push(id.into());
        Ok(self
            .conn
            .prepare_cached(&sql)?
            .query_row(params_from_iter(args.iter()), |r| r.get(0))?)
    }

    /// The list cursor of an article (its sort key), if it exists.
    pub fn cursor_of(&self, id: ArticleId) -> Result<Option<Cursor>> {
        Ok(self
            .conn
            .prepare_cached("SELECT sort_ts, id FROM articles WHERE id = ?1")?
            .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?)
    }

    /// How many articles the filter selects.
    pub fn count(&self, filter: &ListFilter) -> Result<i64> {
        let (where_sql, args) = filter_sql(filter);
        let sql = format!("SELECT count(*) FROM articles a WHERE {where_sql}");
        Ok(self
            .conn
            .prepare_cached(&sql)?
            .query_row(params_from_iter(args.iter()), |r| r.get(0))?)
    }

    /// Every article id the filter selects, oldest first (export: a re-import
    /// then stores them in the same order).
    pub fn ids(&self, filter: &ListFilter) -> Result<Vec<ArticleId>> {
        let (where_sql, args) = filter_sql(filter);
        let sql = format!("SELECT a.id FROM articles a WHERE {where_sql} ORDER BY a.sort_ts, a.id");
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let ids = stmt
            .query_map(params_from_iter(args.iter()), |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(ids)
    }

    fn set_flag(&self, id: ArticleId, column: &str, value: bool) -> Result<()> {
        let sql = format!("UPDATE articles SET {column} = ?1 WHERE id = ?2");
        let n = self
            .conn
            .prepare_cached(&sql)?
            .execute(params![value, id])?;
        if n == 0 {
            return Err(StoreError::NoSuchArticle(id));
        }
        Ok(())
    }

    pub fn set_read(&self, id: ArticleId, read: bool) -> Result<()> {
        self.set_flag(id, "read", read)
    }

    pub fn set_bookmarked(&self, id: ArticleId, bookmarked: bool) -> Result<()> {
        self.set_flag(id, "bookmarked", bookmarked)
    }

    /// Save the reading position (a paragraph anchor) and when it was opened.
    pub fn set_position(&self, id: ArticleId, paragraph: i64) -> Result<()> {
        let n = self
            .conn
            .prepare_cached("UPDATE articles SET position = ?1, opened_at = ?2 WHERE id = ?3")?
            .execute(params![paragraph, now_ts(), id])?;
        if n == 0 {
            return Err(StoreError::NoSuchArticle(id));
        }
        Ok(())
    }

    /// Delete an article (its paragraphs, keyword links and related rows go with it).
    pub fn delete(&mut self, id: ArticleId) -> Result<()> {
        self.stats()?;
        let Store { conn, stats } = self;
        let stats = stats.get_or_insert_with(Default::default);
        let tx = conn.transaction()?;
        let old = keywords::stored_candidates(&tx, id)?;
        let n = tx.execute("DELETE FROM articles WHERE id = ?1", [id])?;
        if n == 0 {
            return Err(StoreError::NoSuchArticle(id));
        }
        tx.commit()?;
        stats.apply(StatsChange {
            remove: old,
            ..Default::default()
        });
        Ok(())
    }

    /// Keywords with their article counts, most used first (counts kept by triggers).
    pub fn keywords(&self, limit: Option<usize>) -> Result<Vec<(String, i64)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT name, article_count FROM keywords WHERE article_count > 0
             ORDER BY article_count DESC, key LIMIT ?1",
        )?;
        let limit = limit.map_or(-1, |l| l.min(i64::MAX as usize) as i64);
        let mut rows: Vec<(String, i64)> = stmt
            .query_map([limit], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        // Ties in Vietnamese dictionary order (a ă â b c d đ e ê …), which
        // SQLite's byte order is not.
        rows.sort_by_cached_key(|(name, count)| (-count, crate::text::fold::vi_sort_key(name)));
        Ok(rows)
    }
}

/// The WHERE clause (over alias `a` for articles) and its arguments.
pub(super) fn filter_sql(filter: &ListFilter) -> (String, Vec<rusqlite::types::Value>) {
    let mut clauses = vec!["1".to_string()];
    let mut args: Vec<rusqlite::types::Value> = Vec::new();
    if filter.bookmarked {
        clauses.push("a.bookmarked = 1".into());
    }
    if filter.unread {
        clauses.push("a.read = 0".into());
    }
    for k in &filter.keywords {
        clauses.push(
            "a.id IN (SELECT ak.article_id FROM article_keywords ak JOIN keywords k ON k.id = ak.keyword_id WHERE k.key = ?)"
                .into(),
        );
        args.push(title_key(k).into());
    }
    (clauses.join(" AND "), args)
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

/// Links added per keyword id: the store adds them to `keywords.article_count`
/// once per transaction ([`write_counts`]; removals are counted by a trigger).
pub(super) type CountDeltas = std::collections::HashMap<i64, i64>;

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

/// Link `keywords` to article `id`, creating the keywords not stored yet;
/// each link made is counted in `deltas` for [`write_counts`].
pub(super) fn insert_keywords(
    tx: &Connection,
    id: ArticleId,
    keywords: &[Keyword],
    deltas: &mut CountDeltas,
) -> Result<()> {
    if keywords.is_empty() {
        return Ok(());
    }
    // Most keywords exist already: a read finds them; only new ones are
    // written (an upsert rewrote the row every time).
    let mut find_kw = tx.prepare_cached("SELECT id FROM keywords WHERE key = ?1")?;
    let mut ins_kw =
        tx.prepare_cached("INSERT INTO keywords (name, key) VALUES (?1, ?2) RETURNING id")?;
    let mut link = tx.prepare_cached(
        "INSERT INTO article_keywords (article_id, keyword_id, pos, source) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (article_id, keyword_id) DO NOTHING",
    )?;
    for (pos, k) in keywords.iter().enumerate() {
        let key = title_key(&k.name);
        if key.is_empty() {
            continue;
        }
        let kid: i64 = match find_kw.query_row([&key], |r| r.get(0)).optional()? {
            Some(kid) => kid,
            None => ins_kw.query_row(params![k.name, key], |r| r.get(0))?,
        };
        if link.execute(params![id, kid, pos as i64, k.source.as_str()])? > 0 {
            *deltas.entry(kid).or_insert(0) += 1;
        }
    }
    Ok(())
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
