//! What the reader marks on an article: read, bookmarked, and where reading
//! stopped; by id, or on every article a view's filter selects.

use rusqlite::{OptionalExtension, params, params_from_iter};

use super::list::filter_sql;
use super::{Result, Store, StoreError, now_ts, write_tx};
use crate::model::{ArticleId, ListFilter, Position};

/// A mark set on or taken off many articles at once ([`Store::mark_all`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flag {
    Read,
    Bookmarked,
}

impl Flag {
    fn column(self) -> &'static str {
        match self {
            Flag::Read => "read",
            Flag::Bookmarked => "bookmarked",
        }
    }
}

impl Store {
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

    /// Set a flag on many articles in one write transaction; returns the
    /// ids that name no article (the others are set).
    fn set_flag_many(
        &self,
        ids: &[ArticleId],
        column: &str,
        value: bool,
    ) -> Result<Vec<ArticleId>> {
        let tx = write_tx(&self.conn)?;
        let mut missing = Vec::new();
        {
            let sql = format!("UPDATE articles SET {column} = ?1 WHERE id = ?2");
            let mut update = tx.prepare_cached(&sql)?;
            for &id in ids {
                if update.execute(params![value, id])? == 0 {
                    missing.push(id);
                }
            }
        }
        tx.commit()?;
        Ok(missing)
    }

    /// Mark articles read or unread; returns the ids that name no article.
    pub fn set_read_many(&self, ids: &[ArticleId], read: bool) -> Result<Vec<ArticleId>> {
        self.set_flag_many(ids, "read", read)
    }

    /// The read and bookmark marks and the title of `ids`, as stored (an
    /// id that names no article is left out).
    pub fn marks_and_titles_of(
        &self,
        ids: &[ArticleId],
    ) -> Result<Vec<(ArticleId, bool, bool, String)>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT read, bookmarked, title FROM articles WHERE id = ?1")?;
        let mut out = Vec::with_capacity(ids.len());
        for &id in ids {
            let flags = stmt
                .query_row(params![id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                .optional()?;
            if let Some((read, bookmarked, title)) = flags {
                out.push((id, read, bookmarked, title));
            }
        }
        Ok(out)
    }

    /// One article's marks (read, bookmarked) and its stored content's
    /// hash, as the store has them now: `None` when it is gone.
    pub fn state_of(&self, id: ArticleId) -> Result<Option<(bool, bool, i64)>> {
        Ok(self
            .conn
            .prepare_cached("SELECT read, bookmarked, content_hash FROM articles WHERE id = ?1")?
            .query_row(params![id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .optional()?)
    }

    /// Mark read those of `ids` that are unread; returns the ones it
    /// changed (not those read meanwhile, nor those gone).
    pub fn mark_unread_ones_read(&self, ids: &[ArticleId]) -> Result<Vec<ArticleId>> {
        let tx = write_tx(&self.conn)?;
        let mut changed = Vec::new();
        {
            let mut update =
                tx.prepare_cached("UPDATE articles SET read = 1 WHERE id = ?1 AND read = 0")?;
            for &id in ids {
                if update.execute(params![id])? > 0 {
                    changed.push(id);
                }
            }
        }
        tx.commit()?;
        Ok(changed)
    }

    /// Bookmark or unbookmark articles; returns the ids that name no article.
    pub fn set_bookmarked_many(
        &self,
        ids: &[ArticleId],
        bookmarked: bool,
    ) -> Result<Vec<ArticleId>> {
        self.set_flag_many(ids, "bookmarked", bookmarked)
    }

    pub fn set_read(&self, id: ArticleId, read: bool) -> Result<()> {
        self.set_flag(id, "read", read)
    }

    pub fn set_bookmarked(&self, id: ArticleId, bookmarked: bool) -> Result<()> {
        self.set_flag(id, "bookmarked", bookmarked)
    }

    /// Save the reading position (a paragraph anchor and the offset in it)
    /// and when it was opened.
    pub fn set_position(&self, id: ArticleId, position: Position) -> Result<()> {
        let stored = |v: usize| i64::try_from(v).unwrap_or(i64::MAX);
        let n = self
            .conn
            .prepare_cached(
                "UPDATE articles SET position = ?1, position_offset = ?2, opened_at = ?3
                 WHERE id = ?4",
            )?
            .execute(params![
                stored(position.paragraph),
                stored(position.offset),
                now_ts(),
                id
            ])?;
        if n == 0 {
            return Err(StoreError::NoSuchArticle(id));
        }
        Ok(())
    }

    /// Mark every unread article the filter selects read, in one write;
    /// returns the ids that changed (to undo it).
    pub fn mark_all_read(&self, filter: &ListFilter) -> Result<Vec<ArticleId>> {
        self.mark_all(filter, Flag::Read, true)
    }

    /// Set `flag` to `value` on every article the filter selects that does
    /// not have it so yet, in one write; returns the ids that changed (to
    /// undo it, or count them). `mark-read --all` and the reader's `A` mark
    /// a view read; `mark-unread --all`, `bookmark --all` and
    /// `unbookmark --all` are the same write with another mark.
    pub fn mark_all(&self, filter: &ListFilter, flag: Flag, value: bool) -> Result<Vec<ArticleId>> {
        let (where_sql, args) = if flag == Flag::Read && value {
            // The list's own unread clause, which its indexes are tuned for.
            filter_sql(&ListFilter {
                unread: true,
                ..filter.clone()
            })
        } else {
            let (where_sql, args) = filter_sql(filter);
            let other = i32::from(!value);
            (
                format!("{where_sql} AND a.{} = {other}", flag.column()),
                args,
            )
        };
        let tx = write_tx(&self.conn)?;
        let ids: Vec<ArticleId> = {
            let sql = format!("SELECT a.id FROM articles a WHERE {where_sql}");
            let mut stmt = tx.prepare_cached(&sql)?;
            stmt.query_map(params_from_iter(args.iter()), |r| Ok(ArticleId(r.get(0)?)))?
                .collect::<rusqlite::Result<_>>()?
        };
        {
            let sql = format!(
                "UPDATE articles AS a SET {} = {} WHERE {where_sql}",
                flag.column(),
                i32::from(value)
            );
            tx.prepare_cached(&sql)?
                .execute(params_from_iter(args.iter()))?;
        }
        tx.commit()?;
        Ok(ids)
    }
}
