//! Which articles hold a whole page's text (a page saved with `add` or the
//! reader's `a`, a full-page feed's page): a feed's item at the same
//! address never replaces it, it only fills what the page left empty (a
//! date, an author). A feed's one-line summary took the place of a page's
//! eleven paragraphs (an independent review's find), and an update that
//! saw the feed edit its summary stored it over the page again.

use rusqlite::{Connection, params};

use super::Result;
use crate::model::{ArticleId, NewArticle};

/// Where the text of an article being stored comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextFrom {
    /// An import (JSON lines, a page's text, an export): stored as it is.
    Import,
    /// A whole page fetched: `add`, the reader's `a`, a full-page feed's page.
    WholePage,
    /// A feed's item (its summary, or the text the feed carries), a sync
    /// server's, newsboat's.
    Feed,
}

/// Whether article `id`'s text is a whole page's.
pub(super) fn is_whole(tx: &Connection, id: ArticleId) -> Result<bool> {
    Ok(tx
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM whole_pages WHERE article_id = ?1)")?
        .query_row([id], |r| r.get(0))?)
}

/// Article `id`'s text is now a whole page's (`whole`), or not (another
/// text replaced it: an import).
pub(super) fn note(tx: &Connection, id: ArticleId, whole: bool) -> Result<()> {
    let sql = if whole {
        "INSERT OR IGNORE INTO whole_pages (article_id) VALUES (?1)"
    } else {
        "DELETE FROM whole_pages WHERE article_id = ?1"
    };
    tx.prepare_cached(sql)?.execute([id])?;
    Ok(())
}

/// A feed's item `a` at a whole page's article `id`: only what the page
/// left empty is taken (its date, as read or as written, and its author);
/// its title, lead and body stay the page's. Whether anything was taken.
pub(super) fn fill_empty(
    tx: &Connection,
    id: ArticleId,
    a: &NewArticle,
    date_key: &str,
) -> Result<bool> {
    let filled = tx
        .prepare_cached(
            "UPDATE articles SET
                 published = coalesce(published, ?2),
                 published_ts = coalesce(published_ts, ?3),
                 date_key = CASE WHEN published IS NULL AND ?2 IS NOT NULL THEN ?4 ELSE date_key END,
                 date_text = CASE WHEN published IS NULL THEN coalesce(date_text, ?5) ELSE date_text END,
                 author = coalesce(author, ?6),
                 sort_ts = CASE WHEN published_ts IS NULL AND ?3 IS NOT NULL THEN ?3 ELSE sort_ts END
             WHERE id = ?1
               AND ((published IS NULL AND ?2 IS NOT NULL)
                    OR (published IS NULL AND date_text IS NULL AND ?5 IS NOT NULL)
                    OR (author IS NULL AND ?6 IS NOT NULL))",
        )?
        .execute(params![
            id,
            a.published.map(|p| p.to_rfc3339()),
            a.published.map(|p| p.timestamp()),
            date_key,
            a.date_text,
            a.author
        ])?;
    Ok(filled > 0)
}
