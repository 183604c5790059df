//! One article: read back whole, and deleted.

use rusqlite::OptionalExtension;

use super::keywords::{self, StatsChange};
use super::{Result, Store, StoreError};
use crate::model::{
    Article, ArticleId, FeedRef, Keyword, KeywordSource, Position, Related, RelatedSource,
};

/// A source needs this many articles before a tag on more than half of
/// them counts as its boilerplate.
pub const BOILERPLATE_MIN_ARTICLES: i64 = 10;

/// A stored count (a paragraph, an offset): a negative one, which docbao
/// never writes, reads as 0.
fn count(v: i64) -> usize {
    usize::try_from(v).unwrap_or(0)
}

impl Store {
    /// The article stored under `url`, as an import would find it: the
    /// address without its tracking parameters or `#place`, under either
    /// web scheme.
    pub fn article_at(&self, url: &str) -> Result<Option<ArticleId>> {
        let url = crate::text::url::canonical(url);
        Ok(super::existing::by_address(&self.conn, &url)?.map(|e| e.id))
    }

    /// The addresses of `ids` (those with one): what `list --json` and
    /// `search --json` add to their rows, read apart from the rows the
    /// reader lists (which need none, and are many).
    pub fn urls_of(
        &self,
        ids: &[ArticleId],
    ) -> Result<std::collections::HashMap<ArticleId, String>> {
        // 500 a statement: with one a row, `list --json` of 35,440 articles
        // took three times as long (BENCHMARKS.md, "Session 65").
        const CHUNK: usize = 500;
        let mut out = std::collections::HashMap::with_capacity(ids.len());
        for chunk in ids.chunks(CHUNK) {
            let marks = vec!["?"; chunk.len()].join(",");
            let mut stmt = self.conn.prepare_cached(&format!(
                "SELECT id, url FROM articles WHERE id IN ({marks}) AND url IS NOT NULL"
            ))?;
            let rows = stmt.query_map(rusqlite::params_from_iter(chunk), |r| {
                Ok((r.get::<_, ArticleId>(0)?, r.get::<_, String>(1)?))
            })?;
            for row in rows {
                let (id, url) = row?;
                out.insert(id, url);
            }
        }
        Ok(out)
    }

    /// Load a whole article, as it is shown: without its source's
    /// boilerplate tags ([`Store::without_boilerplate`]).
    pub fn article(&self, id: ArticleId) -> Result<Article> {
        self.load_article(id, true)
    }

    /// Load a whole article with every keyword stored on it, its source's
    /// boilerplate tags included: what an export carries, so that the
    /// store it goes into holds what this one does (a tag on more than half
    /// of a source's articles was lost in a round trip).
    pub fn article_stored(&self, id: ArticleId) -> Result<Article> {
        self.load_article(id, false)
    }

    fn load_article(&self, id: ArticleId, shown: bool) -> Result<Article> {
        let mut feed_id: Option<i64> = None;
        let mut art = self
            .conn
            .prepare_cached(
                "SELECT id, url, title, published, date_text, author, views, site, lead,
                        bookmarked, read, position, position_offset, feed_id, content_hash
                 FROM articles WHERE id = ?1",
            )?
            .query_row([id], |r| {
                feed_id = r.get(13)?;
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
                    feeds: Vec::new(),
                    position: Position {
                        paragraph: count(r.get(11)?),
                        offset: count(r.get(12)?),
                    },
                    content_hash: r.get(14)?,
                })
            })
            .optional()?
            .ok_or(StoreError::NoSuchArticle(id))?;
        art.paragraphs = super::body::paragraphs(&self.conn, id)?;
        art.feeds = self
            .conn
            .prepare_cached(
                "SELECT f.url, f.title FROM feed_articles fa JOIN feeds f ON f.id = fa.feed_id
                 WHERE fa.article_id = ?1 ORDER BY f.id",
            )?
            .query_map([id], |r| {
                Ok(FeedRef {
                    url: r.get(0)?,
                    title: r.get(1)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT k.name, ak.source, k.id, k.article_count
             FROM article_keywords ak JOIN keywords k ON k.id = ak.keyword_id
             WHERE ak.article_id = ?1 ORDER BY ak.source DESC, ak.pos",
        )?;
        let keywords: Vec<(Keyword, i64, i64)> = stmt
            .query_map([id], |r| {
                let source: String = r.get(1)?;
                Ok((
                    Keyword {
                        name: r.get(0)?,
                        source: KeywordSource::parse(&source).unwrap_or_default(),
                    },
                    r.get(2)?,
                    r.get(3)?,
                ))
            })?
            .collect::<rusqlite::Result<_>>()?;
        art.keywords = if shown {
            self.without_boilerplate(keywords, feed_id, art.site.as_deref())?
        } else {
            keywords.into_iter().map(|k| k.0).collect()
        };
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

    /// An article's keywords without its source's boilerplate tags (issue
    /// 15): a page keyword on more than half of the articles of the feed or
    /// site it came from ("Tin nóng", "Tin tức") says nothing about this
    /// one. Decided when an article is read, not at import: the share
    /// changes as a source's articles arrive. Only for a source of at least
    /// [`BOILERPLATE_MIN_ARTICLES`] articles; a count stops as soon as it
    /// passes the half.
    fn without_boilerplate(
        &self,
        keywords: Vec<(Keyword, i64, i64)>,
        feed_id: Option<i64>,
        site: Option<&str>,
    ) -> Result<Vec<Keyword>> {
        let source = match (feed_id, site) {
            (Some(f), _) => format!("f{f}"),
            (None, Some(s)) => format!("s{s}"),
            (None, None) => "n".to_string(),
        };
        let total: i64 = if keywords.iter().any(|k| k.0.source == KeywordSource::Page) {
            self.conn
                .prepare_cached("SELECT total FROM source_counts WHERE k = ?1")?
                .query_row([&source], |r| r.get(0))
                .optional()?
                .unwrap_or(0)
        } else {
            0
        };
        let mut out = Vec::with_capacity(keywords.len());
        for (k, kid, count) in keywords {
            let half = total / 2;
            if k.source == KeywordSource::Page && total >= BOILERPLATE_MIN_ARTICLES && count > half
            {
                let sql = match feed_id {
                    Some(_) => {
                        "SELECT count(*) FROM (SELECT 1 FROM article_keywords ak
                         JOIN feed_articles m ON m.article_id = ak.article_id
                         WHERE ak.keyword_id = ?1 AND m.feed_id = ?2 LIMIT ?3)"
                    }
                    None => {
                        "SELECT count(*) FROM (SELECT 1 FROM article_keywords ak
                         JOIN articles a ON a.id = ak.article_id
                         WHERE ak.keyword_id = ?1 AND a.feed_id IS NULL AND a.site IS ?2 LIMIT ?3)"
                    }
                };
                let in_source: i64 = match feed_id {
                    Some(f) => self
                        .conn
                        .prepare_cached(sql)?
                        .query_row(rusqlite::params![kid, f, half + 1], |r| r.get(0))?,
                    None => self
                        .conn
                        .prepare_cached(sql)?
                        .query_row(rusqlite::params![kid, site, half + 1], |r| r.get(0))?,
                };
                if in_source > half {
                    continue;
                }
            }
            out.push(k);
        }
        Ok(out)
    }

    /// Delete an article (its paragraphs, keyword links and related rows go with it).
    pub fn delete(&mut self, id: ArticleId) -> Result<()> {
        self.stats()?;
        let Store { conn, stats, .. } = self;
        let stats = stats.get_or_insert_with(Default::default);
        let tx = super::write_tx(conn)?;
        let old = keywords::stored_candidates(&tx, id)?;
        let n = tx.execute("DELETE FROM articles WHERE id = ?1", [id])?;
        if n == 0 {
            return Err(StoreError::NoSuchArticle(id));
        }
        tx.commit()?;
        stats.apply(&StatsChange {
            remove: old,
            ..Default::default()
        });
        Ok(())
    }
}
