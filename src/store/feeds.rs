//! Feed subscriptions, and which of their items are already stored.

use rusqlite::{Connection, OptionalExtension, params};

use super::{Result, Store, StoreError, TextFrom};

use std::collections::{HashMap, HashSet};

use crate::model::{ArticleId, Feed, FeedItem, ImportOutcome, Validators};
use crate::text::fold::key_hash;
use crate::text::url::feed_url;

#[derive(Debug, thiserror::Error)]
pub enum FeedStoreError {
    /// `url` (as stored: maybe spelt otherwise than asked) is feed `id`.
    #[error("already subscribed: feed {id}, {} ({url})", title.as_deref().unwrap_or("untitled"))]
    Exists {
        url: String,
        id: i64,
        title: Option<String>,
    },
    #[error("no feed with id {0} (see `docbao feed list`)")]
    NoSuchFeed(i64),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<rusqlite::Error> for FeedStoreError {
    fn from(e: rusqlite::Error) -> Self {
        FeedStoreError::Store(StoreError::from(e))
    }
}

/// What storing a feed's items did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ItemsOutcome {
    /// Articles added for items seen for the first time.
    pub new_articles: Vec<ArticleId>,
    /// Items seen before, or already stored as they are (from elsewhere:
    /// linked, not added).
    pub known: usize,
    /// Items stored before from elsewhere (an import, another feed) whose
    /// content this one changed: linked and updated; and, in an update,
    /// items seen before that the feed has changed since: stored again.
    pub updated: usize,
    /// Items that could not be stored, with why.
    pub failed: Vec<String>,
}

fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

impl Store {
    /// Subscribe to `url`, stored in its one spelling ([`feed_url`]); a
    /// feed subscribed under any spelling of it is refused
    /// ([`FeedStoreError::Exists`], naming it).
    pub fn add_feed(
        &self,
        url: &str,
        title: Option<&str>,
        full_page: bool,
    ) -> Result<i64, FeedStoreError> {
        let tx = super::write_tx(&self.conn)?;
        if let Some(id) = subscribed_id(&tx, url)? {
            let (url, title) = tx.query_row(
                "SELECT url, nullif(title, '') FROM feeds WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            return Err(FeedStoreError::Exists { url, id, title });
        }
        let id = tx.query_row(
            "INSERT INTO feeds (url, title, full_page, added_at) VALUES (?1, ?2, ?3, ?4) RETURNING id",
            params![feed_url(url), title, full_page, now()],
            |r| r.get(0),
        )?;
        tx.commit()?;
        Ok(id)
    }

    /// The feed subscribed under `url` or another spelling of it
    /// ([`feed_url`]; a store written before kept addresses as typed).
    pub fn feed_by_url(&self, url: &str) -> Result<Option<Feed>> {
        let Some(id) = subscribed_id(&self.conn, url)? else {
            return Ok(None);
        };
        Ok(self.feeds()?.into_iter().find(|f| f.id == id))
    }

    /// Every subscription, by id. Its `items`: the articles it holds, as
    /// `sources` counts them (an export's articles imported after its OPML
    /// are the feed's before any update).
    pub fn feeds(&self) -> Result<Vec<Feed>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT f.id, f.url, f.title, f.full_page, f.etag, f.last_modified, f.checked_at, f.last_error,
                    coalesce((SELECT c.total FROM source_counts c WHERE c.k = 'f' || f.id), 0), f.site_url,
                    x.since, coalesce(x.tries, 0)
             FROM feeds f LEFT JOIN feed_failing x ON x.feed_id = f.id ORDER BY f.id",
        )?;
        let rows = stmt
            .query_map([], |r| {
                Ok(Feed {
                    id: r.get(0)?,
                    url: r.get(1)?,
                    title: r.get(2)?,
                    full_page: r.get(3)?,
                    etag: r.get(4)?,
                    last_modified: r.get(5)?,
                    checked_at: r.get(6)?,
                    last_error: r.get(7)?,
                    items: r.get(8)?,
                    site_url: r.get(9)?,
                    failing_since: r.get(10)?,
                    failed_updates: r.get(11)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// Unsubscribe. The articles already read from the feed stay: under
    /// another feed that carries them, else under their site (in one write).
    pub fn remove_feed(&self, id: i64) -> Result<(), FeedStoreError> {
        let tx = super::write_tx(&self.conn)?;
        tx.execute(
            "UPDATE articles SET feed_id = (SELECT min(m.feed_id) FROM feed_articles m
                                            WHERE m.article_id = articles.id AND m.feed_id != ?1)
             WHERE feed_id = ?1",
            [id],
        )?;
        // Its memberships go with it (cascade), and its row of counts.
        match tx.execute("DELETE FROM feeds WHERE id = ?1", [id])? {
            0 => Err(FeedStoreError::NoSuchFeed(id)),
            _ => {
                tx.execute("DELETE FROM source_counts WHERE k = 'f' || ?1", [id])?;
                tx.commit()?;
                Ok(())
            }
        }
    }

    /// Subscribe a feed under a new address (it moved permanently), in its
    /// one spelling. The validators of the old address are dropped: they
    /// are never sent to another ([`Store::feed_checked`] stores the new
    /// address's).
    pub fn move_feed(&self, id: i64, url: &str) -> Result<(), FeedStoreError> {
        match self.conn.execute(
            "UPDATE feeds SET url = ?2, etag = NULL, last_modified = NULL WHERE id = ?1",
            params![id, feed_url(url)],
        )? {
            0 => Err(FeedStoreError::NoSuchFeed(id)),
            _ => Ok(()),
        }
    }

    /// Record the address of a feed's site (from an OPML `htmlUrl`).
    pub fn set_feed_site(&self, id: i64, site_url: &str) -> Result<()> {
        self.conn.execute(
            "UPDATE feeds SET site_url = ?2 WHERE id = ?1",
            params![id, site_url],
        )?;
        Ok(())
    }

    /// Give a feed a title of the user's own: a later check keeps it (see
    /// [`Store::feed_checked`]).
    pub fn rename_feed(&self, id: i64, title: &str) -> Result<(), FeedStoreError> {
        match self.conn.execute(
            "UPDATE feeds SET title = ?2 WHERE id = ?1",
            params![id, title],
        )? {
            0 => Err(FeedStoreError::NoSuchFeed(id)),
            _ => Ok(()),
        }
    }

    /// Record the outcome of checking a feed: new validators, or an error.
    /// The feed's own title is taken only when it has none: a title the
    /// user gave (or the first one seen) stays. The site's address, when
    /// the feed gives one, replaces the one stored.
    pub fn feed_checked(
        &self,
        id: i64,
        validators: Option<&Validators>,
        title: Option<&str>,
        site_url: Option<&str>,
        error: Option<&str>,
    ) -> Result<()> {
        self.conn.execute(
            "UPDATE feeds SET checked_at = ?2, last_error = ?3,
                 etag = CASE WHEN ?4 THEN ?5 ELSE etag END,
                 last_modified = CASE WHEN ?4 THEN ?6 ELSE last_modified END,
                 title = coalesce(title, ?7),
                 site_url = coalesce(?8, site_url)
             WHERE id = ?1",
            params![
                id,
                now(),
                error,
                validators.is_some(),
                validators.and_then(|v| v.etag.clone()),
                validators.and_then(|v| v.last_modified.clone()),
                title,
                site_url
            ],
        )?;
        // Since when it fails, and how many updates in a row; an update
        // that answers ends it, and any wait its server asked for.
        if error.is_some() {
            self.conn.execute(
                "INSERT INTO feed_failing (feed_id, since, tries) SELECT id, ?2, 1 FROM feeds WHERE id = ?1
                 ON CONFLICT (feed_id) DO UPDATE SET tries = tries + 1",
                params![id, now()],
            )?;
        } else {
            self.conn
                .execute("DELETE FROM feed_failing WHERE feed_id = ?1", [id])?;
            self.conn
                .execute("DELETE FROM feed_waits WHERE feed_id = ?1", [id])?;
        }
        Ok(())
    }

    /// The keys of a feed's items already seen.
    pub fn feed_item_keys(&self, feed_id: i64) -> Result<std::collections::HashSet<String>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT key FROM feed_items WHERE feed_id = ?1")?;
        let keys = stmt
            .query_map([feed_id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(keys)
    }

    /// A full-page feed's items whose article has a body (their page
    /// fetched, or the feed carried the full text), with the hash of their
    /// title as the feed said it last ([`ItemHashes::title`]; none for
    /// items stored before it was noted), and whether the body is there.
    /// The others' pages are tried again, and so are those of items whose
    /// title the feed has changed.
    ///
    /// Items whose page docbao stopped asking for
    /// ([`Store::note_page_failure`]) are among them, with no body: they
    /// keep the feed's summary, which the feed may still correct.
    pub fn feed_item_pages(&self, feed_id: i64) -> Result<HashMap<String, (Option<i64>, bool)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT fi.key, fi.title_hash,
                    EXISTS (SELECT 1 FROM bodies b WHERE b.article_id = fi.article_id)
             FROM feed_items fi
             WHERE fi.feed_id = ?1
               AND (EXISTS (SELECT 1 FROM bodies b WHERE b.article_id = fi.article_id)
                    OR EXISTS (SELECT 1 FROM feed_page_failures f
                               WHERE f.feed_id = fi.feed_id AND f.key = fi.key AND f.gone))",
        )?;
        let rows = stmt
            .query_map([feed_id], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// One more failed try at the page of a full-page feed's item (stored
    /// already), given up when it reaches `tries` tries and its first failed
    /// `secs` seconds ago or more: the page is not asked for again
    /// ([`Store::feed_item_pages`]). Returns whether it is given up now. An
    /// item not stored (the store refused it) counts none.
    pub fn note_page_failure(
        &mut self,
        feed_id: i64,
        key: &str,
        (tries, secs): (u32, i64),
    ) -> Result<bool> {
        let gone: Option<bool> = self
            .conn
            .prepare_cached(
                "INSERT INTO feed_page_failures (feed_id, key, tries, first_at, gone)
                 SELECT feed_id, key, 1, ?4, 1 >= ?3 AND ?5 <= 0 FROM feed_items
                 WHERE feed_id = ?1 AND key = ?2
                 ON CONFLICT (feed_id, key) DO UPDATE
                     SET tries = tries + 1, gone = tries + 1 >= ?3 AND ?4 - first_at >= ?5
                 RETURNING gone",
            )?
            .query_row(params![feed_id, key, tries, now(), secs], |r| r.get(0))
            .optional()?;
        Ok(gone.unwrap_or(false))
    }

    /// A page had at last: its failures forgotten (a later try starts
    /// counting again).
    pub fn forget_page_failures(&mut self, feed_id: i64, keys: &[String]) -> Result<()> {
        let mut del = self
            .conn
            .prepare_cached("DELETE FROM feed_page_failures WHERE feed_id = ?1 AND key = ?2")?;
        for key in keys {
            del.execute(params![feed_id, key])?;
        }
        Ok(())
    }

    /// Until when a feed's server asked docbao to wait (seconds since the
    /// Unix epoch); an answer from the feed forgets it
    /// ([`Store::feed_checked`] with no error).
    pub fn feed_wait(&self, feed_id: i64, until: i64) -> Result<()> {
        self.conn.execute(
            "INSERT INTO feed_waits (feed_id, until) SELECT id, ?2 FROM feeds WHERE id = ?1
             ON CONFLICT (feed_id) DO UPDATE SET until = excluded.until",
            params![feed_id, until],
        )?;
        Ok(())
    }

    /// The feeds whose server asked docbao to wait until a time still to
    /// come, with that time.
    pub fn feed_waits(&self) -> Result<HashMap<i64, i64>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT feed_id, until FROM feed_waits WHERE until > ?1")?;
        let rows = stmt
            .query_map([now()], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// The articles a feed's items are stored as, by item key.
    pub fn feed_item_articles(
        &self,
        feed_id: i64,
    ) -> Result<std::collections::HashMap<String, ArticleId>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT key, article_id FROM feed_items WHERE feed_id = ?1")?;
        let rows = stmt
            .query_map([feed_id], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, Option<ArticleId>>(1)?))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows
            .into_iter()
            .filter_map(|(key, id)| Some((key, id?)))
            .collect())
    }

    /// Note items of a feed as seen, with no article: items deleted in
    /// newsboat, whose rows it keeps so that a reload does not bring them
    /// back; `docbao update` then finds them known. A key noted already
    /// (an item an earlier import brought) is left as it is. Returns how
    /// many were noted.
    pub fn note_gone_items(&mut self, feed_id: i64, keys: &[String]) -> Result<usize> {
        let tx = super::write_tx(&self.conn)?;
        let mut noted = 0;
        {
            let mut ins = tx.prepare_cached(
                "INSERT OR IGNORE INTO feed_items (feed_id, key, article_id, seen_at)
                 VALUES (?1, ?2, NULL, ?3)",
            )?;
            for key in keys {
                noted += ins.execute(params![feed_id, key, now()])?;
            }
        }
        tx.commit()?;
        Ok(noted)
    }

    /// Store the items not seen before, each as an article (in one
    /// transaction). An item whose article is already stored (the same URL
    /// from another feed, a saved page) is linked to it, not added again.
    /// Items seen before are left as they are (a sync, an import from
    /// newsboat); [`Store::update_feed_items`] stores them again when the
    /// feed changed them.
    pub fn store_feed_items(&mut self, feed_id: i64, items: &[FeedItem]) -> Result<ItemsOutcome> {
        self.store_feed_items_paged(feed_id, items, &HashSet::new())
    }

    /// [`Store::store_feed_items`], the items of `pages` (by key) carrying
    /// their whole page (a full-page feed's, fetched by a sync): a feed's
    /// summary never replaces it later ([`TextFrom`]).
    pub(super) fn store_feed_items_paged(
        &mut self,
        feed_id: i64,
        items: &[FeedItem],
        pages: &HashSet<String>,
    ) -> Result<ItemsOutcome> {
        let fed: Vec<ItemHashes> = items.iter().map(ItemHashes::of).collect();
        self.store_items(feed_id, items, &fed, None, pages)
    }

    /// [`Store::store_feed_items`] for an update of the feed: an item seen
    /// before whose title, summary or body the feed has changed since
    /// (`fed`: what the feed says of each item now, [`ItemHashes::of`]) is
    /// stored again over its article ([`Store::import_into`]: read mark and
    /// bookmark kept, keywords derived again) and counted as updated; one
    /// the feed says as before is not written at all. The items of `keep`
    /// (a full-page feed's items whose page is stored: the article's text
    /// is the page's, not the feed's) are only noted as the feed says them.
    /// The items of `pages` carry their whole page (fetched now for a
    /// full-page feed): the others' text never replaces a whole page's
    /// ([`TextFrom`]).
    pub fn update_feed_items(
        &mut self,
        feed_id: i64,
        items: &[FeedItem],
        fed: &[ItemHashes],
        (keep, pages): (&HashSet<String>, &HashSet<String>),
    ) -> Result<ItemsOutcome> {
        self.store_items(feed_id, items, fed, Some(keep), pages)
    }

    fn store_items(
        &mut self,
        feed_id: i64,
        items: &[FeedItem],
        fed: &[ItemHashes],
        update: Option<&HashSet<String>>,
        pages: &HashSet<String>,
    ) -> Result<ItemsOutcome> {
        let from = |item: &FeedItem| match pages.contains(&item.key) {
            true => TextFrom::WholePage,
            false => TextFrom::Feed,
        };
        let stored = self.feed_item_states(feed_id)?;
        // The feed's own ids of the items seen, to the keys they were seen under.
        let by_guid: HashMap<&str, &str> = (stored.iter())
            .filter_map(|(key, state)| Some((state.2.as_deref()?, key.as_str())))
            .collect();
        let mut out = ItemsOutcome::default();
        let (mut fresh, mut changed, mut noted) = (Vec::new(), Vec::new(), Vec::new());
        let (mut relinked, mut guids, mut carried) = (Vec::new(), Vec::new(), Vec::new());
        // Items of one fetch under one link (a live blog's entries) are one
        // article: the first the feed lists; the others are it again (they
        // took turns over it at every update). An item moved (below) is
        // stored under its own row: the link stays the other item's.
        let mut keys: HashSet<&str> = HashSet::with_capacity(items.len());
        for (item, h) in items.iter().zip(fed) {
            // Seen before under another link, its id the same: the article
            // moved, also onto a link another item was seen under (that
            // item's article is not this one's).
            let moved = match (stored.get(&item.key), &item.guid) {
                (None, Some(guid)) => {
                    (by_guid.get(guid.as_str())).and_then(|old| Some((*old, stored.get(*old)?.0?)))
                }
                (Some((_, _, Some(other))), Some(guid)) if other != guid => (by_guid
                    .get(guid.as_str()))
                .filter(|old| **old != item.key)
                .and_then(|old| Some((*old, stored.get(*old)?.0?))),
                _ => None,
            };
            if let Some((old, id)) = moved {
                relinked.push((item, old.to_string(), id, *h));
                continue;
            }
            if !keys.insert(item.key.as_str()) {
                out.known += 1;
                continue;
            }
            // An item seen before its id was noted: noted now.
            if let (Some((_, _, None)), Some(guid)) = (stored.get(&item.key), &item.guid) {
                guids.push((item.key.as_str(), guid.as_str()));
            }
            match (stored.get(&item.key), update) {
                (None, _) => match self.carried_elsewhere(feed_id, item)? {
                    // Another subscription's item (newsboat stored each
                    // item once, under the feed that brought it first):
                    // listed here too, not rewritten by this feed's first
                    // reading, nor brought back when deleted there.
                    Some(elsewhere) => {
                        out.known += 1;
                        carried.push((item, elsewhere.article(), *h));
                    }
                    None => fresh.push((item, *h)),
                },
                (Some(_), None) => out.known += 1,
                (Some(&(_, Some(text), _)), Some(_)) if text == h.text => out.known += 1,
                (Some(&(Some(id), Some(_), _)), Some(keep)) if !keep.contains(&item.key) => {
                    changed.push((item, id, *h, item.key.clone()))
                }
                // Stored before the feeds' text was noted, kept as it is, or
                // its article deleted since: noted as the feed says it now.
                (Some(_), Some(_)) => {
                    out.known += 1;
                    noted.push((item.key.clone(), *h));
                }
            }
        }
        // A moved item: its article takes the new address (unless another
        // article holds it) and is stored again over itself, marks kept.
        // Its hashes are noted under the row's key: the new one, or the old
        // one when another item's row holds the new (that row keeps its own).
        for (item, old, id, h) in relinked {
            let row = match self.move_item(feed_id, &old, item, id)? {
                true => item.key.clone(),
                false => old,
            };
            changed.push((item, id, h, row));
        }
        for (item, id, h, row) in changed {
            match self.import_into(id, &item.article, from(item)) {
                Ok(ImportOutcome::Updated(_) | ImportOutcome::Added(_)) => out.updated += 1,
                Ok(ImportOutcome::Unchanged(_)) => out.known += 1,
                // Not noted: the next update tries it again.
                Err(e) => {
                    out.failed.push(format!("\"{}\": {e}", item.article.title));
                    continue;
                }
            }
            noted.push((row, h));
        }
        // Stored last item first: a feed lists its newest first, so items
        // of one date (or none, sorted by when they came) list in the
        // feed's order, as newsboat keeps it (the list breaks ties by the
        // newest stored first). A tester's report: undated items came in
        // reverse.
        fresh.reverse();
        let articles: Vec<_> = fresh.iter().map(|(i, _)| i.article.clone()).collect();
        let texts: Vec<TextFrom> = fresh.iter().map(|(i, _)| from(i)).collect();
        // Each new item is noted and listed under its feed in the
        // transaction that stores its article: an update stopped half way
        // (or a reader looking meanwhile) never finds an article of the
        // feed outside it, under its site (a tester's report). The feed
        // removed meanwhile (`feed remove` in another shell): its items
        // are not stored, and the update goes on with the others.
        // Items stored from elsewhere (a sync server, newsboat's cache)
        // were not said by the feed itself: no hashes, so that the feed's
        // first reading is noted, not taken as a change (it rewrote every
        // item newsboat had stored, dates and all).
        let mut link = |tx: &Connection, i: usize, outcome: &ImportOutcome| -> Result<()> {
            let (item, h) = &fresh[i];
            let id = outcome.id().0;
            let (th, xh) = match update {
                Some(_) => (Some(h.title), Some(h.text)),
                None => (None, None),
            };
            let gone = |e: rusqlite::Error| match &e {
                rusqlite::Error::SqliteFailure(f, _)
                    if f.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_FOREIGNKEY =>
                {
                    StoreError::FeedGone(feed_id)
                }
                _ => e.into(),
            };
            tx.prepare_cached(
                "INSERT OR IGNORE INTO feed_items (feed_id, key, article_id, seen_at, title_hash, text_hash, guid)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?
            .execute(params![feed_id, item.key, id, now(), th, xh, item.guid])
            .map_err(gone)?;
            list_under_feed(tx, feed_id, id)
        };
        let results = self.import_linked(&articles, &mut link, &texts)?;
        if results
            .iter()
            .any(|r| matches!(r, Err(StoreError::FeedGone(_))))
        {
            return Err(StoreError::FeedGone(feed_id));
        }
        // Said in the feed's order.
        for ((item, _), result) in fresh.iter().zip(results).rev() {
            match result {
                Ok(ImportOutcome::Added(id)) => out.new_articles.push(id),
                Ok(ImportOutcome::Updated(_)) => out.updated += 1,
                Ok(ImportOutcome::Unchanged(_)) => out.known += 1,
                // Not noted as seen: the next update tries it again.
                Err(e) => out.failed.push(format!("\"{}\": {e}", item.article.title)),
            }
        }
        let tx = super::write_tx(&self.conn)?;
        {
            let mut note = tx.prepare_cached(
                "UPDATE feed_items SET title_hash = ?3, text_hash = ?4 WHERE feed_id = ?1 AND key = ?2",
            )?;
            for (key, h) in noted {
                note.execute(params![feed_id, key, h.title, h.text])?;
            }
            let mut carry = tx.prepare_cached(
                "INSERT OR IGNORE INTO feed_items (feed_id, key, article_id, seen_at, title_hash, text_hash, guid)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?;
            for (item, id, h) in carried {
                let (th, xh) = match update {
                    Some(_) => (Some(h.title), Some(h.text)),
                    None => (None, None),
                };
                carry.execute(params![feed_id, item.key, id, now(), th, xh, item.guid])?;
                if let Some(id) = id {
                    list_under_feed(&tx, feed_id, id.0)?;
                }
            }
            let mut note_guid = tx.prepare_cached(
                "UPDATE feed_items SET guid = ?3 WHERE feed_id = ?1 AND key = ?2 AND guid IS NULL",
            )?;
            for (key, guid) in guids {
                note_guid.execute(params![feed_id, key, guid])?;
            }
        }
        tx.commit()?;
        Ok(out)
    }

    /// Whether another feed carries `item` already, and how.
    fn carried_elsewhere(&self, feed_id: i64, item: &FeedItem) -> Result<Option<Carried>> {
        let gone: bool = self
            .conn
            .prepare_cached(
                "SELECT EXISTS (SELECT 1 FROM feed_items
                   WHERE key = ?1 AND article_id IS NULL AND feed_id <> ?2)",
            )?
            .query_row(params![item.key, feed_id], |r| r.get(0))?;
        if gone {
            return Ok(Some(Carried::Deleted));
        }
        let Some(url) = super::existing::url_of(&item.article) else {
            return Ok(None);
        };
        let Some(found) = super::existing::by_address(&self.conn, &url)? else {
            return Ok(None);
        };
        let another: bool = self
            .conn
            .prepare_cached(
                "SELECT EXISTS (SELECT 1 FROM feed_items WHERE article_id = ?1 AND feed_id <> ?2)",
            )?
            .query_row(params![found.id, feed_id], |r| r.get(0))?;
        Ok(another.then_some(Carried::Stored(found.id)))
    }

    /// A feed's items seen before: their article, the hash of their text
    /// as the feed said it last ([`ItemHashes::text`]), and the feed's own id.
    fn feed_item_states(&self, feed_id: i64) -> Result<HashMap<String, ItemState>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT key, article_id, text_hash, guid FROM feed_items WHERE feed_id = ?1",
        )?;
        let rows = stmt
            .query_map([feed_id], |r| {
                Ok((r.get(0)?, (r.get(1)?, r.get(2)?, r.get(3)?)))
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// An item of a feed seen under `old` now comes under `item.key` (its
    /// link changed, its id did not): the row is known by the new key, and
    /// its article `id` takes the new address unless another article holds
    /// it (then the article keeps its own, and the feed's text is stored
    /// over it all the same). Whether the row took the new key (not when
    /// another item's row holds it).
    fn move_item(
        &mut self,
        feed_id: i64,
        old: &str,
        item: &FeedItem,
        id: ArticleId,
    ) -> Result<bool> {
        let tx = super::write_tx(&self.conn)?;
        let moved = tx.execute(
            "UPDATE feed_items SET key = ?3 WHERE feed_id = ?1 AND key = ?2
               AND NOT EXISTS (SELECT 1 FROM feed_items WHERE feed_id = ?1 AND key = ?3)",
            params![feed_id, old, item.key],
        )? > 0;
        if let Some(url) = super::existing::url_of(&item.article) {
            tx.execute(
                "UPDATE articles SET url = ?1 WHERE id = ?2
                   AND NOT EXISTS (SELECT 1 FROM articles WHERE url = ?1)",
                params![url.as_ref(), id],
            )?;
        }
        tx.commit()?;
        Ok(moved)
    }
}

/// The feed subscribed under `url` or another spelling of it (the lowest
/// id when an older store holds several): the stored address compared in
/// its one spelling, `docbao_feed_url` ([`feed_url`]). Feeds are few: each
/// is looked at.
pub(super) fn subscribed_id(conn: &Connection, url: &str) -> Result<Option<i64>> {
    Ok(conn
        .prepare_cached(
            "SELECT id FROM feeds WHERE url = ?1 OR docbao_feed_url(url) = ?2 ORDER BY id LIMIT 1",
        )?
        .query_row(params![url, feed_url(url)], |r| r.get(0))
        .optional()?)
}

/// A feed item seen before: its article, and the hash of its text as the
/// feed said it last.
type ItemState = (Option<ArticleId>, Option<i64>, Option<String>);

/// How another feed carries an item a feed brings for the first time.
enum Carried {
    /// Under the same key, noted deleted there (newsboat's deleted items
    /// stay out).
    Deleted,
    /// The article stored at the item's address, as another feed's item.
    Stored(ArticleId),
}

impl Carried {
    /// The article the item's row is linked to (none for a deleted one).
    fn article(&self) -> Option<ArticleId> {
        match self {
            Carried::Deleted => None,
            Carried::Stored(id) => Some(*id),
        }
    }
}

/// What a feed says of an item, hashed (xxh3, the same from one build to
/// the next): its title, and its title, summary and body together. Noted
/// for every item stored, so that an update knows an item the feed has
/// corrected since.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ItemHashes {
    pub title: i64,
    pub text: i64,
}

impl ItemHashes {
    pub fn of(item: &FeedItem) -> ItemHashes {
        let a = &item.article;
        let mut text = String::with_capacity(a.title.len() + 256);
        text.push_str(&a.title);
        text.push('\0');
        text.push_str(a.lead.as_deref().unwrap_or_default());
        for p in &a.paragraphs {
            text.push_str(&format!("\0{:?}\u{1}", p.kind));
            text.push_str(&p.text);
        }
        ItemHashes {
            title: key_hash(&a.title),
            text: key_hash(&text),
        }
    }
}

/// List article `id` under feed `feed_id` (an item of it, or an export's
/// article naming it): the first feed that brings an article is its
/// source; every feed that carries it lists it.
pub(super) fn list_under_feed(tx: &Connection, feed_id: i64, id: i64) -> Result<()> {
    tx.prepare_cached("UPDATE articles SET feed_id = ?1 WHERE id = ?2 AND feed_id IS NULL")?
        .execute(params![feed_id, id])?;
    tx.prepare_cached(
        "INSERT OR IGNORE INTO feed_articles (feed_id, article_id, sort_ts, read)
         SELECT ?1, id, sort_ts, read FROM articles WHERE id = ?2",
    )?
    .execute(params![feed_id, id])?;
    Ok(())
}
