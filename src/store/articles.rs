//! One article: read back whole, and deleted.

use rusqlite::OptionalExtension;

use super::keywords::{self, StatsChange};
use super::{Result, Store, StoreError};
use crate::model::{Article, ArticleId, Keyword, KeywordSource, Position, Related, RelatedSource};

/// A stored count (a paragraph, an offset): a negative one, which docbao
/// never writes, reads as 0.
fn count(v: i64) -> usize {
    usize::try_from(v).unwrap_or(0)
}

impl Store {
    /// Load a whole article.
    pub fn article(&self, id: ArticleId) -> Result<Article> {
        let mut art = self
            .conn
            .prepare_cached(
                "SELECT id, url, title, published, date_text, author, views, site, lead,
                        bookmarked, read, position, position_offset
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
                    position: Position {
                        paragraph: count(r.get(11)?),
                        offset: count(r.get(12)?),
                    },
                })
            })
            .optional()?
            .ok_or(StoreError::NoSuchArticle(id))?;
        art.paragraphs = super::body::paragraphs(&self.conn, id)?;
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

    /// Delete an article (its paragraphs, keyword links and related rows go with it).
    pub fn delete(&mut self, id: ArticleId) -> Result<()> {
        self.stats()?;
        let Store { conn, stats } = self;
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
