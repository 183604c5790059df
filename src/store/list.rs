//! The article list: the filter's SQL (shared with search), pages at either
//! end or beside a keyset cursor, counts, a row's place, and every id a
//! filter selects.

use rusqlite::{OptionalExtension, params_from_iter};

use super::{Result, Store};
use crate::model::{ArticleId, ArticleSummary, Cursor, ListFilter, Source};
use crate::text::fold::{search_fold, title_key};

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

impl Store {
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
    /// Every shape walks the `articles_sort` index (a feed's: `feed_articles_list`):
    /// no page costs more than its rows.
    pub fn list_page(
        &self,
        filter: &ListFilter,
        page: Page,
        limit: usize,
    ) -> Result<Vec<ArticleSummary>> {
        self.list_slice(filter, page, 0, limit)
    }

    /// `limit` rows of the list after the first `skip`, from its newest
    /// end (`oldest`: from its oldest, oldest first): `docbao list
    /// --offset`, a script reading the list a page at a time.
    pub fn list_from(
        &self,
        filter: &ListFilter,
        oldest: bool,
        skip: usize,
        limit: usize,
    ) -> Result<Vec<ArticleSummary>> {
        let page = if oldest { Page::Last } else { Page::First };
        let mut rows = self.list_slice(filter, page, skip, limit)?;
        if oldest {
            rows.reverse();
        }
        Ok(rows)
    }

    /// [`Store::list_page`] after the first `skip` rows of the page's order.
    fn list_slice(
        &self,
        filter: &ListFilter,
        page: Page,
        skip: usize,
        limit: usize,
    ) -> Result<Vec<ArticleSummary>> {
        let (mut sql, mut args) = list_sql(filter, page);
        let ascending = matches!(page, Page::Before(_) | Page::Last);
        args.push((limit.min(i64::MAX as usize) as i64).into());
        if skip > 0 {
            sql.push_str(" OFFSET ?");
            args.push((skip.min(i64::MAX as usize) as i64).into());
        }
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
                    content_hash: r.get(8)?,
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
        let q = Listed::of(filter);
        let (from, where_sql, mut args) = (q.from, q.where_sql, q.args);
        let (ts_col, id_col) = (q.ts, q.id);
        let sql = format!(
            "SELECT count(*) FROM {from} WHERE {where_sql} AND ({ts_col}, {id_col}) > (?, ?)"
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

    /// The window of the list around an article's place in the view: up to
    /// `above` rows newer than it, the article, and the rows older than it,
    /// `limit` in all; with the place of the window's first row. An article
    /// that has left the view (read, in an unread one) keeps its place
    /// there when the first `limit` rows do not reach it (more new rows came
    /// above it than a window holds): the rows around it are read all the
    /// same, so that the reader goes on after it. `None` when the article is
    /// not in the store, or has left the view within the first window.
    pub fn window_around(
        &self,
        filter: &ListFilter,
        id: ArticleId,
        above: usize,
        limit: usize,
    ) -> Result<Option<(Vec<ArticleSummary>, usize)>> {
        let Some(cursor) = self.cursor_of(id)? else {
            return Ok(None);
        };
        // Rows older than (ts, id + 1) start with the article itself.
        let below = limit.saturating_sub(above).max(1);
        let from = self.list_page(filter, Page::After((cursor.0, cursor.1 + 1)), below)?;
        let place = self.count_before(filter, cursor)?.max(0) as usize;
        if from.first().map(|r| r.id) != Some(id) && place < limit {
            return Ok(None);
        }
        let mut rows = self.list_page(filter, Page::Before(cursor), above)?;
        let base = place.saturating_sub(rows.len());
        rows.extend(from);
        Ok(Some((rows, base)))
    }

    /// How many articles the filter selects. Without keywords or the
    /// bookmark filter the count is the sources' (`source_counts`, kept by
    /// triggers): a scan of every article took ~20 ms at 1,000,000, on the
    /// way to the reader's first frame.
    pub fn count(&self, filter: &ListFilter) -> Result<i64> {
        if filter.keywords.is_empty() && !filter.bookmarked {
            let col = if filter.unread { "unread" } else { "total" };
            let (cond, key) = match &filter.source {
                // Every row but the feeds': an article in two feeds once.
                None => ("NOT (k >= 'f' AND k < 'g')", None),
                Some(Source::Feed(id)) => ("k = ?1", Some(format!("f{id}"))),
                Some(Source::Site(Some(site))) => ("k = ?1", Some(format!("s{site}"))),
                Some(Source::Site(None)) => ("k = ?1", Some("n".to_string())),
            };
            let sql = format!("SELECT coalesce(sum({col}), 0) FROM source_counts WHERE {cond}");
            let mut stmt = self.conn.prepare_cached(&sql)?;
            return Ok(match key {
                Some(k) => stmt.query_row([k], |r| r.get(0))?,
                None => stmt.query_row([], |r| r.get(0))?,
            });
        }
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
        let Listed {
            from,
            ts,
            id,
            where_sql,
            args,
        } = Listed::of(filter);
        let sql = format!("SELECT a.id FROM {from} WHERE {where_sql} ORDER BY {ts}, {id}");
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let ids = stmt
            .query_map(params_from_iter(args.iter()), |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(ids)
    }
}

/// A page of the list's query (without its LIMIT, whose argument is to
/// be pushed last) and its arguments.
pub(super) fn list_sql(filter: &ListFilter, page: Page) -> (String, Vec<rusqlite::types::Value>) {
    let Listed {
        from,
        ts,
        id,
        where_sql,
        mut args,
    } = Listed::of(filter);
    let mut sql = format!(
        "SELECT a.id, a.title, a.published, a.site, a.bookmarked, a.read, a.date_text, a.sort_ts,
                a.content_hash
         FROM {from} WHERE {where_sql}"
    );
    let mut cursor = |op: &str, (c_ts, c_id): Cursor, sql: &mut String| {
        sql.push_str(&format!(" AND ({ts}, {id}) {op} (?, ?)"));
        args.push(c_ts.into());
        args.push(c_id.into());
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
    sql.push_str(&if ascending {
        format!(" ORDER BY {ts}, {id} LIMIT ?")
    } else {
        format!(" ORDER BY {ts} DESC, {id} DESC LIMIT ?")
    });
    (sql, args)
}

/// What a list of a filter reads: a feed's list walks its memberships
/// (`feed_articles_list`, in list order: the same `sort_ts` as the
/// article's), any other the articles (`articles a`).
pub(super) struct Listed {
    pub from: &'static str,
    /// The sort columns: (sort_ts, id).
    pub ts: &'static str,
    pub id: &'static str,
    pub where_sql: String,
    pub args: Vec<rusqlite::types::Value>,
}

impl Listed {
    pub(super) fn of(filter: &ListFilter) -> Listed {
        let joined = matches!(filter.source, Some(Source::Feed(_)));
        let (where_sql, args) = filter_where(filter, joined);
        if joined {
            Listed {
                // CROSS JOIN: the memberships first, walked in order.
                from: "feed_articles m CROSS JOIN articles a ON a.id = m.article_id",
                ts: "m.sort_ts",
                id: "m.article_id",
                where_sql,
                args,
            }
        } else {
            Listed {
                from: "articles a",
                ts: "a.sort_ts",
                id: "a.id",
                where_sql,
                args,
            }
        }
    }
}

/// The WHERE clause (over alias `a` for articles) and its arguments.
pub(super) fn filter_sql(filter: &ListFilter) -> (String, Vec<rusqlite::types::Value>) {
    filter_where(filter, false)
}

/// The WHERE clause; `joined`: over a feed's memberships `m` joined to
/// their articles `a` (see [`Listed`]), else over `a` alone.
fn filter_where(filter: &ListFilter, joined: bool) -> (String, Vec<rusqlite::types::Value>) {
    let mut clauses = vec!["1".to_string()];
    let mut args: Vec<rusqlite::types::Value> = Vec::new();
    if filter.bookmarked {
        clauses.push("a.bookmarked = 1".into());
    }
    if filter.unread {
        // With a source, its index walks the list in order and holds `read`:
        // `+` keeps the planner from walking every unread article instead
        // and looking each one up (a caught-up feed: 845 ms against 4.5 ms
        // over 39 feeds of 100,000 articles).
        clauses.push(if joined {
            "+m.read = 0".into()
        } else if filter.source.is_some() {
            "+a.read = 0".into()
        } else {
            "a.read = 0".into()
        });
    }
    // Dated (else imported) within the window, by the list's own order. A
    // day is a dated article's own date (`date_key`, as the list shows it:
    // "2020-12-18" for 00:00 +07:00, which is the 17th in UTC), an undated
    // one's import time in the local day; the bound on the time, widened by
    // the offsets a date can have (UTC−12 to UTC+14), keeps the index in use.
    let ts = if joined { "m.sort_ts" } else { "a.sort_ts" };
    let day_start = |d: &str| {
        chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d")
            .ok()
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .map(|t| t.and_utc().timestamp())
    };
    // (the time, the day, the time's comparison, the date's, how far the
    // time bound is widened from the day's start in UTC)
    let bounds = [
        (filter.since, &filter.since_day, ">=", ">=", -14 * 3600),
        (filter.until, &filter.until_day, "<", "<=", 36 * 3600),
    ];
    for (t, day, cmp, date_cmp, widened) in bounds {
        let Some(t) = t else { continue };
        match day.as_deref().and_then(|d| Some((d, day_start(d)?))) {
            Some((d, utc)) => {
                clauses.push(format!(
                    "{ts} {cmp} ? AND CASE WHEN a.date_key <> '' THEN a.date_key {date_cmp} ? \
                     ELSE {ts} {cmp} ? END"
                ));
                args.extend([(utc + widened).into(), d.to_string().into(), t.into()]);
            }
            None => {
                clauses.push(format!("{ts} {cmp} ?"));
                args.push(t.into());
            }
        }
    }
    match &filter.source {
        Some(Source::Feed(id)) if joined => {
            clauses.push("m.feed_id = ?".into());
            args.push((*id).into());
        }
        // Every feed that carries it, not only the first.
        Some(Source::Feed(id)) => {
            clauses.push("a.id IN (SELECT article_id FROM feed_articles WHERE feed_id = ?)".into());
            args.push((*id).into());
        }
        Some(Source::Site(site)) => {
            clauses.push("a.feed_id IS NULL AND a.site IS ?".into());
            args.push(site.clone().into());
        }
        None => {}
    }
    // The keyword as written (case, spacing and punctuation aside: its
    // key), as the sidebar counts it: "Hà Nội" is not "hạ nổi" nor the typo
    // "Hà Nôi". Only a name no keyword has is matched syllable by syllable
    // as the search reads it ([`crate::text::syllables::marks_agree`]): one
    // typed without marks is any spelling of it, `thai binh` "Thái Bình"
    // (and any other keyword that reads so without marks), `Biển Dong`
    // "Biển Đông"; one typed with marks that spelling, `hạ nổi` no "Hà Nội".
    // The exact key is looked up by its index; folding reads every keyword.
    for k in &filter.keywords {
        let key = title_key(k);
        clauses.push(
            "a.id IN (SELECT ak.article_id FROM article_keywords ak WHERE ak.keyword_id IN (
                SELECT id FROM keywords WHERE key = ?
                UNION ALL
                SELECT id FROM keywords WHERE NOT EXISTS (SELECT 1 FROM keywords WHERE key = ?)
                    AND docbao_fold(key) = ? AND docbao_marks_agree(key, ?)))"
                .into(),
        );
        args.push(key.clone().into());
        args.push(key.clone().into());
        args.push(search_fold(&key).into());
        args.push(key.into());
    }
    (clauses.join(" AND "), args)
}
