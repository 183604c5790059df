//! What a sync through the Fever API keeps (migration 015): which server
//! feed is which feed here, which server item is which article, how far the
//! items were pulled, and the log of read and bookmark changes not yet
//! pushed (filled by triggers).
//!
//! The rule for an item marked on both sides (Fever gives no time for a
//! mark): a change made here and not yet pushed wins over the state the
//! server gives at the next pull (it is pushed instead); once pushed, the
//! server's state is the newer one, and the next pull applies it. An
//! article read or bookmarked here before it was first linked to a server
//! item counts as such a change (read and bookmarked win at the first link).

use std::collections::{HashMap, HashSet};

use rusqlite::{OptionalExtension, params};

use super::{Result, Store, now_ts, write_tx};
use crate::model::{ArticleId, FeedItem};
use crate::text::url::feed_url;

/// A mark as Fever names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SyncMark {
    Read,
    Unread,
    Saved,
    Unsaved,
}

impl SyncMark {
    /// The `as=` value of Fever's `mark=item`.
    pub fn as_str(self) -> &'static str {
        match self {
            SyncMark::Read => "read",
            SyncMark::Unread => "unread",
            SyncMark::Saved => "saved",
            SyncMark::Unsaved => "unsaved",
        }
    }

    fn from_str(s: &str) -> Option<SyncMark> {
        Some(match s {
            "read" => SyncMark::Read,
            "unread" => SyncMark::Unread,
            "saved" => SyncMark::Saved,
            "unsaved" => SyncMark::Unsaved,
            _ => return None,
        })
    }

    /// The marks that change the same flag.
    fn kinds(self) -> [&'static str; 2] {
        match self {
            SyncMark::Read | SyncMark::Unread => ["read", "unread"],
            SyncMark::Saved | SyncMark::Unsaved => ["saved", "unsaved"],
        }
    }
}

/// A local change to push: the newest mark of one flag of one article, for
/// each server item that is that article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingMark {
    pub article: ArticleId,
    pub server_ids: Vec<i64>,
    pub mark: SyncMark,
    /// The newest log row it stands for: rows up to it go once it is pushed.
    pub seq: i64,
}

/// A server item to store: its id, the docbao feed it goes to, and the item.
#[derive(Debug, Clone)]
pub struct SyncItem {
    pub server_id: i64,
    pub feed_id: i64,
    pub item: FeedItem,
    /// The item carries its whole page (a full-page feed's, fetched).
    pub whole_page: bool,
}

/// What storing a page of server items did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct SyncItemsOutcome {
    pub new_articles: Vec<ArticleId>,
    /// Items that could not be stored, with why.
    pub failed: Vec<String>,
}

/// What applying the server's read and saved state did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct StateOutcome {
    pub marked_read: usize,
    pub marked_unread: usize,
    pub saved: usize,
    pub unsaved: usize,
    /// Server states not applied because a change made here is not yet
    /// pushed (it wins).
    pub kept_local: usize,
}

impl Store {
    /// Start a sync with `server`: when the ids stored belong to another
    /// server (the account changed), forget them (the articles stay).
    /// Returns the highest item id stored from this server (0: none yet).
    pub fn sync_begin(&self, server: &str) -> Result<i64> {
        let tx = write_tx(&self.conn)?;
        let stored: Option<String> = tx
            .query_row("SELECT v FROM sync_state WHERE k = 'server'", [], |r| {
                r.get(0)
            })
            .optional()?;
        if stored.as_deref() != Some(server) {
            tx.execute_batch(
                "DELETE FROM sync_items; DELETE FROM sync_feeds; DELETE FROM sync_changes;
                 DELETE FROM sync_state;",
            )?;
            tx.execute(
                "INSERT INTO sync_state (k, v) VALUES ('server', ?1)",
                [server],
            )?;
        }
        let max: Option<String> = tx
            .query_row(
                "SELECT v FROM sync_state WHERE k = 'max_item_id'",
                [],
                |r| r.get(0),
            )
            .optional()?;
        tx.commit()?;
        Ok(max.and_then(|v| v.parse().ok()).unwrap_or(0))
    }

    /// The docbao feed of a server feed: the one mapped before, else the one
    /// subscribed under the same address, else a new subscription. Returns
    /// the feed's id and whether it was added.
    pub fn sync_feed(&self, server_id: i64, url: &str, title: Option<&str>) -> Result<(i64, bool)> {
        let tx = write_tx(&self.conn)?;
        let mapped: Option<i64> = tx
            .query_row(
                "SELECT feed_id FROM sync_feeds WHERE server_id = ?1",
                [server_id],
                |r| r.get(0),
            )
            .optional()?;
        let (id, added) = match mapped {
            Some(id) => (id, false),
            None => {
                let existing = super::feeds::subscribed_id(&tx, url)?;
                let (id, added) = match existing {
                    Some(id) => (id, false),
                    None => (
                        tx.query_row(
                            "INSERT INTO feeds (url, title, full_page, added_at)
                             VALUES (?1, ?2, 0, ?3) RETURNING id",
                            params![feed_url(url), title, now_ts()],
                            |r| r.get(0),
                        )?,
                        true,
                    ),
                };
                tx.execute(
                    "INSERT INTO sync_feeds (server_id, feed_id) VALUES (?1, ?2)",
                    params![server_id, id],
                )?;
                (id, added)
            }
        };
        tx.execute(
            "UPDATE feeds SET title = ?2 WHERE id = ?1 AND (title IS NULL OR title = '')",
            params![id, title],
        )?;
        tx.commit()?;
        Ok((id, added))
    }

    /// Store a page of server items like feed items (an item already stored
    /// is linked, not added again), remember which article each is, and
    /// then that items up to `max_id` are stored: a sync cut off after this
    /// goes on from there.
    pub fn store_sync_items(
        &mut self,
        items: &[SyncItem],
        max_id: i64,
    ) -> Result<SyncItemsOutcome> {
        let mut out = SyncItemsOutcome::default();
        let mut by_feed: HashMap<i64, (Vec<FeedItem>, HashSet<String>)> = HashMap::new();
        for i in items {
            let (feed_items, pages) = by_feed.entry(i.feed_id).or_default();
            feed_items.push(i.item.clone());
            if i.whole_page {
                pages.insert(i.item.key.clone());
            }
        }
        let mut feeds: Vec<_> = by_feed.into_iter().collect();
        feeds.sort_by_key(|(id, _)| *id);
        for (feed_id, (feed_items, pages)) in feeds {
            let stored = self.store_feed_items_paged(feed_id, &feed_items, &pages)?;
            out.new_articles.extend(stored.new_articles);
            out.failed.extend(stored.failed);
        }
        let tx = write_tx(&self.conn)?;
        {
            let mut article = tx.prepare_cached(
                "SELECT article_id FROM feed_items WHERE feed_id = ?1 AND key = ?2",
            )?;
            let mut mapped =
                tx.prepare_cached("SELECT article_id FROM sync_items WHERE server_id = ?1")?;
            let mut map = tx.prepare_cached(
                "INSERT OR REPLACE INTO sync_items (server_id, article_id) VALUES (?1, ?2)",
            )?;
            let mut state =
                tx.prepare_cached("SELECT read, bookmarked FROM articles WHERE id = ?1")?;
            let mut log = tx.prepare_cached(
                "INSERT INTO sync_changes (article_id, mark, at) VALUES (?1, ?2, ?3)",
            )?;
            let new: HashSet<ArticleId> = out.new_articles.iter().copied().collect();
            for i in items {
                let id: Option<Option<i64>> = article
                    .query_row(params![i.feed_id, i.item.key], |r| r.get(0))
                    .optional()?;
                let Some(Some(id)) = id else { continue };
                let before: Option<i64> =
                    mapped.query_row([i.server_id], |r| r.get(0)).optional()?;
                map.execute(params![i.server_id, id])?;
                // An article read or bookmarked here before it was linked to
                // the server's item: that is a change the server has not
                // seen, to push (nothing read here turns unread, no
                // bookmark is lost).
                if before != Some(id) && !new.contains(&ArticleId(id)) {
                    let (read, bookmarked): (bool, bool) =
                        state.query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))?;
                    if read {
                        log.execute(params![id, "read", now_ts()])?;
                    }
                    if bookmarked {
                        log.execute(params![id, "saved", now_ts()])?;
                    }
                }
            }
            tx.execute(
                "INSERT INTO sync_state (k, v) VALUES ('max_item_id', ?1)
                 ON CONFLICT (k) DO UPDATE SET v = excluded.v",
                [max_id.to_string()],
            )?;
        }
        tx.commit()?;
        Ok(out)
    }

    /// The changes made here not yet pushed: for each article and flag, the
    /// newest mark, with the server items it is. Oldest first.
    pub fn sync_pending(&self) -> Result<Vec<PendingMark>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.article_id, c.mark, c.seq,
                    (SELECT group_concat(s.server_id) FROM sync_items s WHERE s.article_id = c.article_id)
             FROM sync_changes c
             WHERE c.seq = (SELECT max(d.seq) FROM sync_changes d
                            WHERE d.article_id = c.article_id
                              AND (d.mark IN ('read', 'unread')) = (c.mark IN ('read', 'unread')))
             ORDER BY c.seq",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                ArticleId(r.get(0)?),
                r.get::<_, String>(1)?,
                r.get::<_, i64>(2)?,
                r.get::<_, Option<String>>(3)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (article, mark, seq, ids) = row?;
            let Some(mark) = SyncMark::from_str(&mark) else {
                continue;
            };
            let server_ids = ids
                .unwrap_or_default()
                .split(',')
                .filter_map(|s| s.parse().ok())
                .collect();
            out.push(PendingMark {
                article,
                server_ids,
                mark,
                seq,
            });
        }
        Ok(out)
    }

    /// A pushed change leaves the log: its rows for that flag up to `seq`
    /// (a newer mark made meanwhile stays, to be pushed next).
    pub fn sync_pushed(&self, change: &PendingMark) -> Result<()> {
        let [a, b] = change.mark.kinds();
        self.conn
            .prepare_cached(
                "DELETE FROM sync_changes WHERE article_id = ?1 AND seq <= ?2 AND mark IN (?3, ?4)",
            )?
            .execute(params![change.article, change.seq, a, b])?;
        Ok(())
    }

    /// Apply the server's state: every synced article is read unless its
    /// item is in `unread`, and bookmarked when it is in `saved`, except a
    /// flag with a change made here not yet pushed (that change wins). In
    /// one transaction, which takes its own changes out of the log.
    pub fn sync_apply_state(
        &self,
        unread: &HashSet<i64>,
        saved: &HashSet<i64>,
    ) -> Result<StateOutcome> {
        let tx = write_tx(&self.conn)?;
        let before: i64 =
            tx.query_row("SELECT coalesce(max(seq), 0) FROM sync_changes", [], |r| {
                r.get(0)
            })?;
        let pending: HashSet<(i64, bool)> = {
            let mut stmt = tx.prepare_cached(
                "SELECT DISTINCT article_id, mark IN ('read', 'unread') FROM sync_changes",
            )?;
            stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?
        };
        // Each article once: read when none of its items is unread, saved
        // when one is saved.
        let mut articles: HashMap<i64, (bool, bool, bool, bool)> = HashMap::new();
        {
            let mut stmt = tx.prepare_cached(
                "SELECT s.server_id, a.id, a.read, a.bookmarked
                 FROM sync_items s JOIN articles a ON a.id = s.article_id",
            )?;
            let rows = stmt.query_map([], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, bool>(2)?,
                    r.get::<_, bool>(3)?,
                ))
            })?;
            for row in rows {
                let (server_id, id, read, bookmarked) = row?;
                let e = articles
                    .entry(id)
                    .or_insert((read, bookmarked, true, false));
                e.2 &= !unread.contains(&server_id);
                e.3 |= saved.contains(&server_id);
            }
        }
        let mut out = StateOutcome::default();
        {
            let mut set_read = tx.prepare_cached("UPDATE articles SET read = ?2 WHERE id = ?1")?;
            let mut set_saved =
                tx.prepare_cached("UPDATE articles SET bookmarked = ?2 WHERE id = ?1")?;
            for (id, (read, bookmarked, server_read, server_saved)) in articles {
                if read != server_read {
                    if pending.contains(&(id, true)) {
                        out.kept_local += 1;
                    } else {
                        set_read.execute(params![id, server_read])?;
                        if server_read {
                            out.marked_read += 1;
                        } else {
                            out.marked_unread += 1;
                        }
                    }
                }
                if bookmarked != server_saved {
                    if pending.contains(&(id, false)) {
                        out.kept_local += 1;
                    } else {
                        set_saved.execute(params![id, server_saved])?;
                        if server_saved {
                            out.saved += 1;
                        } else {
                            out.unsaved += 1;
                        }
                    }
                }
            }
        }
        // The server's own state is not a change to push back.
        tx.execute("DELETE FROM sync_changes WHERE seq > ?1", [before])?;
        tx.commit()?;
        Ok(out)
    }

    /// The feeds a sync brought, with whether each fetches full pages:
    /// server feed id → (feed id, full page).
    pub fn sync_feeds(&self) -> Result<HashMap<i64, (i64, bool)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT s.server_id, f.id, f.full_page FROM sync_feeds s JOIN feeds f ON f.id = s.feed_id",
        )?;
        let rows = stmt
            .query_map([], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// How many changes wait to be pushed, and how many items are synced.
    pub fn sync_counts(&self) -> Result<(i64, i64)> {
        Ok(self.conn.query_row(
            "SELECT (SELECT count(*) FROM sync_changes), (SELECT count(*) FROM sync_items)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?)
    }
}
