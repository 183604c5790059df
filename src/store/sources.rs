//! Sources and catching up: each feed and each site of saved pages with its
//! unread and total counts (kept by triggers in `source_counts`, never
//! counted from the articles) and the first unread article of a view
//! (marking a whole view is in `flags`, with the other marks).

use rusqlite::params_from_iter;

use super::list::filter_sql;
use super::{Result, Store, write_tx};
use crate::model::{ArticleId, Cursor, ListFilter, Source, SourceCount};
use crate::text::url::tell_apart;

impl Store {
    /// Every feed (in the order of their names, with none yet stored
    /// counted 0), then every site of articles that came from no feed. The
    /// counts are kept by triggers (migration 012): this reads one row per
    /// source, whatever the number of articles.
    pub fn sources(&self) -> Result<Vec<SourceCount>> {
        let mut feeds = self.conn.prepare_cached(
            "SELECT f.id, coalesce(nullif(f.title, ''), f.url), coalesce(c.total, 0), coalesce(c.unread, 0),
                    f.url, f.last_error
             FROM feeds f LEFT JOIN source_counts c ON c.k = 'f' || f.id ORDER BY f.id",
        )?;
        let rows: Vec<(SourceCount, String)> = feeds
            .query_map([], |r| {
                let count = SourceCount {
                    source: Source::Feed(r.get(0)?),
                    name: r.get(1)?,
                    detail: None,
                    total: r.get(2)?,
                    unread: r.get(3)?,
                    error: r.get(5)?,
                };
                Ok((count, r.get(4)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let details = tell_apart(
            &rows
                .iter()
                .map(|(c, url)| match c.source {
                    Source::Feed(id) => (id, c.name.as_str(), url.as_str()),
                    Source::Site(_) => (0, "", ""),
                })
                .collect::<Vec<_>>(),
        );
        let mut out: Vec<SourceCount> = rows
            .into_iter()
            .zip(details)
            .map(|((c, _), detail)| SourceCount { detail, ..c })
            .collect();
        // In Vietnamese dictionary order, as the keywords are (a ă â … d đ
        // e ê …, tones only between titles of the same letters), punctuation
        // and case left aside. Stable: feeds of one name in the order they
        // were added.
        use crate::text::fold::{title_key, vi_sort_key};
        out.sort_by_cached_key(|s| vi_sort_key(&title_key(&s.name)));
        let mut sites = self.conn.prepare_cached(
            "SELECT CASE WHEN k = 'n' THEN NULL ELSE substr(k, 2) END, total, unread
             FROM source_counts WHERE (k = 'n' OR k >= 's' AND k < 't') AND total > 0",
        )?;
        let mut site_rows: Vec<SourceCount> = sites
            .query_map([], |r| {
                let site: Option<String> = r.get(0)?;
                Ok(SourceCount {
                    name: site.clone().unwrap_or_default(),
                    source: Source::Site(site),
                    detail: None,
                    total: r.get(1)?,
                    unread: r.get(2)?,
                    error: None,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        // Pages with no site last; the others by name.
        site_rows.sort_by_cached_key(|s| (s.name.is_empty(), s.name.to_lowercase()));
        out.extend(site_rows);
        Ok(out)
    }

    /// Count every source's articles again from the articles (`docbao
    /// doctor`); returns how many sources' counts were wrong.
    pub fn rebuild_source_counts(&mut self) -> Result<usize> {
        let tx = write_tx(&self.conn)?;
        // Every article under the feeds ('F') or its site, once; and
        // every feed's members.
        const ACTUAL: &str = "SELECT CASE WHEN feed_id IS NOT NULL THEN 'F'
                                          WHEN site IS NULL THEN 'n' ELSE 's' || site END AS k,
                                     count(*) AS total, sum(read = 0) AS unread
                              FROM articles GROUP BY 1
                              UNION ALL
                              SELECT 'f' || feed_id, count(*), sum(read = 0)
                              FROM feed_articles GROUP BY feed_id";
        // The members' copies of their articles' sort key and mark first.
        tx.execute_batch(
            "UPDATE feed_articles AS m SET read = a.read, sort_ts = a.sort_ts
             FROM articles a WHERE a.id = m.article_id
               AND (m.read IS NOT a.read OR m.sort_ts IS NOT a.sort_ts);",
        )?;
        let wrong: i64 = tx.query_row(
            &format!(
                "WITH actual AS ({ACTUAL})
                 SELECT (SELECT count(*) FROM actual a LEFT JOIN source_counts c ON c.k = a.k
                         WHERE c.k IS NULL OR c.total != a.total OR c.unread != a.unread)
                      + (SELECT count(*) FROM source_counts c
                         WHERE c.total != 0 AND c.k NOT IN (SELECT k FROM actual))"
            ),
            [],
            |r| r.get(0),
        )?;
        tx.execute_batch(&format!(
            "DELETE FROM source_counts;
             INSERT INTO source_counts (k, total, unread) {ACTUAL};"
        ))?;
        tx.commit()?;
        Ok(wrong.max(0) as usize)
    }

    /// The first unread article, in list order, of the first view that has
    /// one: each view is a filter and where to start in it (after a cursor,
    /// or from the top). Returns the view's index with the article.
    pub fn first_unread(
        &self,
        views: &[(ListFilter, Option<Cursor>)],
    ) -> Result<Option<(usize, ArticleId)>> {
        for (i, (filter, after)) in views.iter().enumerate() {
            let filter = ListFilter {
                unread: true,
                ..filter.clone()
            };
            if let Some(row) = self.list(&filter, *after, 1)?.into_iter().next() {
                return Ok(Some((i, row.id)));
            }
        }
        Ok(None)
    }

    /// How many unread articles the filter selects.
    pub fn count_unread(&self, filter: &ListFilter) -> Result<i64> {
        self.count(&ListFilter {
            unread: true,
            ..filter.clone()
        })
    }

    /// The unread articles the filter selects (what `mark_all_read` would
    /// mark), in no promised order.
    pub fn unread_ids(&self, filter: &ListFilter) -> Result<Vec<ArticleId>> {
        let filter = ListFilter {
            unread: true,
            ..filter.clone()
        };
        let (where_sql, args) = filter_sql(&filter);
        let sql = format!("SELECT a.id FROM articles a WHERE {where_sql}");
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let ids = stmt
            .query_map(params_from_iter(args.iter()), |r| Ok(ArticleId(r.get(0)?)))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(ids)
    }
}
