//! Computed related stories: for an article with fewer than five of its own,
//! the stored articles closest to it, and only those close enough.
//!
//! How (issue 15): the full-text index proposes candidates (the best matches
//! of the article's keywords, or lacking keywords of its title's word
//! pairs); each is then weighed by a cosine similarity between the two
//! articles' *terms*: their keywords (page and auto, under `title_key`,
//! each counting [`KEYWORD_TF`] occurrences) and the content words of the
//! start of their text, title, lead and paragraphs up to [`TEXT_BUDGET`]
//! bytes ([`crate::text::keywords::content_words`]: names, dictionary words
//! of two syllables or more, acronyms). A term weighs `(1 + ln tf) · idf`,
//! the inverse document frequency from the keyword statistics
//! (`phrase_df`, or the articles a keyword of that key is linked to when
//! they are more: a page's tag, [`idf`]):
//!
//! ```text
//! sim(a, b) = Σ w_a(t) · w_b(t) / (|w_a| · |w_b|)      (the cosine)
//! ```
//!
//! A candidate is kept only when `sim ≥ RELATED_FLOOR`, and when it shares
//! more than one term held by a fiftieth of the store or more (three articles at least)
//! ([`COMMON_SHARE`]): fewer than five (or none) rather than noise. The floor was set on the Dân trí 2,653 set (see
//! BENCHMARKS.md, "Related stories"). They are refreshed when newer articles
//! have arrived since they were chosen (`related_computed.upto`).

use rusqlite::{Connection, OptionalExtension, params};
use rustc_hash::FxHashMap;

use super::{Result, Store};

use crate::model::{Article, ArticleId, NewRelated, Related, RelatedSource};
use crate::text::fold::{key_hash, title_key};
use crate::text::keywords::content_words;
use crate::text::keywords::idf;
use crate::text::search::Query;
use crate::text::url::{canonical, other_scheme};

/// A possible related story: id, title, title hash, URL, lead.
type Candidate = (i64, String, i64, Option<String>, Option<String>);

/// Related stories an article ends up with, at most (page ones first).
pub const RELATED_WANTED: usize = 5;

/// The least similarity (see the module) a computed related story has.
/// 0.15 until the keywords' score took a floor on document frequency
/// (`text::keywords::SHARED_DF`, session 53): with more keywords that
/// other articles share, 0.15 kept 84.8 % of the Dân trí set's related
/// stories in their section; 0.16 keeps 85.5 % and gives 70.4 % of its
/// articles at least one (85.0 % and 70.9 % before).
pub const RELATED_FLOOR: f64 = 0.16;

/// How many full-text matches are weighed.
const POOL: usize = 40;

/// How much of an article's text (title, lead, then paragraphs) its terms
/// are drawn from, in bytes: the start of a news story says what it is
/// about, and it bounds the cost.
const TEXT_BUDGET: usize = 1500;

/// A keyword counts as this many occurrences of a term.
const KEYWORD_TF: u32 = 2;

/// A story shares more with another than one term this many articles of
/// the store hold, or more, before it is related to it: one shared term as
/// common as a paper's section ("Đời sống", on 568 of the DANeS set's 2,032
/// articles) made a headline with nothing else "related" to five stories
/// with nothing in common but that tag (an independent review's find).
const COMMON_SHARE: u64 = 50;

/// An article's terms with their weights, `(1 + ln tf) · idf`, and their
/// idf; the vector's length.
struct Profile {
    terms: FxHashMap<String, (f64, f64)>,
    norm: f64,
}

impl Profile {
    /// The cosine of the two weight vectors; 0 when they share only one
    /// term, and it is common (an idf below `common_idf`, [`COMMON_SHARE`]).
    fn similarity(&self, other: &Profile, common_idf: f64) -> f64 {
        if self.norm == 0.0 || other.norm == 0.0 {
            return 0.0;
        }
        let (small, large) = if self.terms.len() <= other.terms.len() {
            (self, other)
        } else {
            (other, self)
        };
        let mut shared = 0;
        let mut rarest: f64 = 0.0;
        let dot: f64 = small
            .terms
            .iter()
            .filter_map(|(t, (w, idf))| {
                let (v, _) = large.terms.get(t)?;
                shared += 1;
                rarest = rarest.max(*idf);
                Some(w * v)
            })
            .sum();
        if shared == 1 && rarest < common_idf {
            return 0.0;
        }
        dot / (self.norm * other.norm)
    }
}

/// Document frequencies read once per computation.
struct Idf<'c> {
    conn: &'c rusqlite::Connection,
    docs: u64,
    cache: FxHashMap<String, f64>,
}

impl Idf<'_> {
    fn weight(&mut self, key: &str) -> Result<f64> {
        if let Some(&w) = self.cache.get(key) {
            return Ok(w);
        }
        // The articles that hold the phrase, or that a keyword of that key
        // is linked to, whichever is more: a page's tag ("Đời sống", on 568
        // of the DANeS set's articles) is seldom a phrase of their text,
        // and weighed as rare it made stories "related" by it alone.
        let df: i64 = self
            .conn
            .prepare_cached(
                "SELECT max(coalesce((SELECT n FROM phrase_df WHERE key = ?1), 0),
                            coalesce((SELECT article_count FROM keywords WHERE key = ?1), 0))",
            )?
            .query_row([key], |r| r.get(0))?;
        let i = idf(self.docs, df.max(0) as u64);
        self.cache.insert(key.to_string(), i);
        Ok(i)
    }

    /// The profile of an article from its texts (title first; read up to
    /// [`TEXT_BUDGET`]) and keywords.
    fn profile<'t>(
        &mut self,
        texts: impl Iterator<Item = &'t str>,
        keywords: impl Iterator<Item = &'t str>,
    ) -> Result<Profile> {
        let mut tf: FxHashMap<String, u32> = FxHashMap::default();
        for k in keywords.map(title_key).filter(|k| !k.is_empty()) {
            *tf.entry(k).or_default() += KEYWORD_TF;
        }
        let mut read = 0;
        for t in texts {
            if read >= TEXT_BUDGET {
                break;
            }
            read += t.len();
            for w in content_words(t) {
                *tf.entry(w).or_default() += 1;
            }
        }
        let mut terms = FxHashMap::default();
        let mut sum = 0.0;
        for (k, n) in tf {
            let idf = self.weight(&k)?;
            let w = (1.0 + f64::from(n).ln()) * idf;
            sum += w * w;
            terms.insert(k, (w, idf));
        }
        Ok(Profile {
            terms,
            norm: sum.sqrt(),
        })
    }
}

/// How many of an article's related stories its page listed.
fn page_related(article: &Article) -> usize {
    (article.related.iter())
        .filter(|r| r.source == RelatedSource::Page)
        .count()
}

impl Store {
    /// Fill an article's related stories up to [`RELATED_WANTED`] with
    /// computed ones at least [`RELATED_FLOOR`] similar (see the module),
    /// itself, its duplicates (same normalised title) and stories already
    /// listed left out. They are stored with source `computed`, go when the
    /// article is re-imported, and are chosen again when newer articles
    /// have been stored since. Returns how many were stored when they
    /// changed, else 0.
    pub fn ensure_computed_related(&mut self, id: ArticleId) -> Result<usize> {
        let article = self.article(id)?;
        let page = page_related(&article);
        if page >= RELATED_WANTED {
            return Ok(0);
        }
        let old: Vec<Option<ArticleId>> = article
            .related
            .iter()
            .filter(|r| r.source == RelatedSource::Computed)
            .map(|r| r.article_id)
            .collect();
        let newest: i64 =
            self.conn
                .query_row("SELECT coalesce(max(id), 0) FROM articles", [], |r| {
                    r.get(0)
                })?;
        let mark = self.related_mark(id)?;
        if let Some((upto, found)) = mark
            && upto >= newest
            && (found == 0 || !old.is_empty())
        {
            return Ok(0);
        }
        if mark.is_none() && !old.is_empty() {
            // Computed before their refresh was recorded: kept, and from
            // now on refreshed.
            self.conn.execute(
                "INSERT OR IGNORE INTO related_computed (article_id, upto, found) VALUES (?1, ?2, ?3)",
                params![id, newest, old.len() as i64],
            )?;
            return Ok(0);
        }
        let chosen = self.choose_related(&article, page)?;
        let tx = super::write_tx(&self.conn)?;
        // Another process (the reader's worker, `docbao show`) may have
        // chosen them meanwhile: only the first one stores.
        let now: Option<(i64, i64)> = tx
            .query_row(
                "SELECT upto, found FROM related_computed WHERE article_id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        if now != mark {
            return Ok(0);
        }
        let same = chosen.len() == old.len()
            && chosen
                .iter()
                .zip(&old)
                .all(|(c, o)| Some(ArticleId(c.0)) == *o);
        if !same {
            tx.execute(
                "DELETE FROM related WHERE article_id = ?1 AND source = 'computed'",
                [id],
            )?;
            let mut ins = tx.prepare_cached(
                "INSERT INTO related (article_id, pos, title, title_key, url, excerpt, target_id, source)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'computed')",
            )?;
            for (i, (cid, title, _, url, excerpt)) in chosen.iter().enumerate() {
                let pos = (page + i) as i64;
                let key = title_key(title);
                ins.execute(params![id, pos, title, key, url, excerpt, cid])?;
            }
        }
        tx.execute(
            "INSERT INTO related_computed (article_id, upto, found) VALUES (?1, ?2, ?3)
             ON CONFLICT (article_id) DO UPDATE SET upto = excluded.upto, found = excluded.found",
            params![id, newest, chosen.len() as i64],
        )?;
        tx.commit()?;
        Ok(if same { 0 } else { chosen.len() })
    }

    /// `article` (as [`Store::article`] read it) with the related stories
    /// [`Store::ensure_computed_related`] would add, chosen now and not
    /// stored: for a store that cannot be written.
    pub fn with_related_unstored(&self, mut article: Article) -> Result<Article> {
        let page = page_related(&article);
        let computed = (article.related.iter()).any(|r| r.source == RelatedSource::Computed);
        if page >= RELATED_WANTED || computed {
            return Ok(article);
        }
        let chosen = self.choose_related(&article, page)?;
        article.related.extend(
            chosen
                .into_iter()
                .map(|(cid, title, _, url, excerpt)| Related {
                    title,
                    url,
                    excerpt,
                    article_id: Some(ArticleId(cid)),
                    source: RelatedSource::Computed,
                }),
        );
        Ok(article)
    }

    /// The computed related stories `article` gets beside its `page` own:
    /// the most similar, at least [`RELATED_FLOOR`] so.
    fn choose_related(&self, article: &Article, page: usize) -> Result<Vec<Candidate>> {
        Ok(self
            .scored_related(article, article.id)?
            .into_iter()
            .filter(|(sim, _)| *sim >= RELATED_FLOOR)
            .take(RELATED_WANTED.saturating_sub(page))
            .map(|(_, c)| c)
            .collect())
    }

    /// When the related stories were last chosen: (newest id then, how many).
    fn related_mark(&self, id: ArticleId) -> Result<Option<(i64, i64)>> {
        Ok(self
            .conn
            .prepare_cached("SELECT upto, found FROM related_computed WHERE article_id = ?1")?
            .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?)
    }

    /// The candidate related stories of an article and their similarity
    /// (see the module), best first, whatever the floor: for measuring it.
    pub fn related_scores(&self, id: ArticleId) -> Result<Vec<(ArticleId, f64)>> {
        let article = self.article(id)?;
        Ok(self
            .scored_related(&article, id)?
            .into_iter()
            .map(|(sim, c)| (ArticleId(c.0), sim))
            .collect())
    }

    /// The candidates with a similarity above 0, best first, with their
    /// excerpts; one per title.
    fn scored_related(&self, article: &Article, id: ArticleId) -> Result<Vec<(f64, Candidate)>> {
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
            return Ok(Vec::new());
        }
        let expr = parts.join(" OR ");
        let mut seen: Vec<i64> = vec![key_hash(&title_key(&article.title))];
        let mut taken: Vec<i64> = article
            .related
            .iter()
            .filter(|r| r.source == RelatedSource::Page)
            .filter_map(|r| r.article_id.map(|id| id.0))
            .collect();
        taken.push(id.0);
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
            .query_map(params![expr, (POOL + taken.len()) as i64], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let docs: i64 = self
            .conn
            .query_row("SELECT n FROM phrase_docs WHERE id = 1", [], |r| r.get(0))
            .optional()?
            .unwrap_or(0);
        let mut idf = Idf {
            conn: &self.conn,
            docs: docs.max(0) as u64,
            cache: FxHashMap::default(),
        };
        // Never fewer than three: in a small store a term two articles hold
        // is rare, whatever a fiftieth of it is.
        let common_idf = crate::text::keywords::idf(idf.docs, (idf.docs / COMMON_SHARE).max(3));
        let mut keywords_of = self.conn.prepare_cached(
            "SELECT k.name FROM article_keywords ak JOIN keywords k ON k.id = ak.keyword_id
             WHERE ak.article_id = ?1",
        )?;
        let own = idf.profile(
            std::iter::once(article.title.as_str())
                .chain(article.lead.as_deref())
                .chain(article.paragraphs.iter().map(|p| p.text.as_str())),
            article.keywords.iter().map(|k| k.name.as_str()),
        )?;
        let mut scored: Vec<(f64, Candidate)> = Vec::new();
        for (cid, title, key, url, lead) in candidates {
            if taken.contains(&cid) || seen.contains(&key) {
                continue;
            }
            let paras: Vec<String> = super::body::paragraphs(&self.conn, ArticleId(cid))?
                .into_iter()
                .take(8)
                .map(|p| p.text)
                .collect();
            let kws: Vec<String> = keywords_of
                .query_map([cid], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            let p = idf.profile(
                std::iter::once(title.as_str())
                    .chain(lead.as_deref())
                    .chain(paras.iter().map(String::as_str)),
                kws.iter().map(String::as_str),
            )?;
            let lead = lead.or_else(|| paras.into_iter().next());
            let sim = own.similarity(&p, common_idf);
            if sim <= 0.0 {
                continue;
            }
            seen.push(key);
            let excerpt = lead.map(|e| crate::text::width::truncate(&e, 240));
            scored.push((sim, (cid, title, key, url, excerpt)));
        }
        // Best first; ties to the newer (higher id).
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| b.1.0.cmp(&a.1.0)));
        Ok(scored)
    }
}

/// An imported article's related stories, each pointing at the article
/// stored at its address (either web scheme) or, with none, under its title.
pub(super) fn insert_related(tx: &Connection, id: ArticleId, related: &[NewRelated]) -> Result<()> {
    let mut ins = tx.prepare_cached(
        "INSERT INTO related (article_id, pos, title, title_key, url, excerpt, target_id, source)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'page')",
    )?;
    let mut by_url = tx.prepare_cached("SELECT id FROM articles WHERE url = ?1 AND id <> ?2")?;
    // The address as written first, then under the other web scheme.
    let mut find = |url: &str| -> Result<Option<i64>> {
        for candidate in [Some(url.to_string()), other_scheme(url)]
            .into_iter()
            .flatten()
        {
            let hit = by_url
                .query_row(params![candidate, id], |r| r.get(0))
                .optional()?;
            if hit.is_some() {
                return Ok(hit);
            }
        }
        Ok(None)
    };
    let mut by_title = tx.prepare_cached(
        "SELECT id FROM articles WHERE title_hash = ?1 AND id <> ?2 ORDER BY id LIMIT 1",
    )?;
    for (pos, r) in related.iter().enumerate() {
        let key = title_key(&r.title);
        let url = r.url.as_deref().map(canonical);
        let target: Option<i64> = match &url {
            Some(url) => find(url)?,
            None => by_title
                .query_row(params![key_hash(&key), id], |r| r.get(0))
                .optional()?,
        };
        ins.execute(params![
            id, pos as i64, r.title, key, url, r.excerpt, target
        ])?;
    }
    Ok(())
}

/// Stories elsewhere that point at this article (by URL, or by title when they
/// have no URL) now resolve to it.
pub(super) fn resolve_incoming(
    tx: &Connection,
    id: ArticleId,
    url: Option<&str>,
    tkey: &str,
) -> Result<()> {
    // Most stores have no story left pointing nowhere (a feed import brings
    // none, nor a JSON-lines one without related stories): one look in
    // `related_target` then spares the three updates (issue 14).
    let waiting: bool = tx
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM related WHERE target_id IS NULL)")?
        .query_row([], |r| r.get(0))?;
    if !waiting {
        return Ok(());
    }
    if let Some(url) = url {
        let mut point = tx.prepare_cached(
            "UPDATE related SET target_id = ?1 WHERE url = ?2 AND target_id IS NULL AND article_id <> ?1",
        )?;
        // Links written with either web scheme.
        point.execute(params![id, url])?;
        if let Some(other) = other_scheme(url) {
            point.execute(params![id, other])?;
        }
    }
    tx.prepare_cached(
        "UPDATE related SET target_id = ?1
         WHERE title_key = ?2 AND url IS NULL AND target_id IS NULL AND article_id <> ?1",
    )?
    .execute(params![id, tkey])?;
    Ok(())
}
