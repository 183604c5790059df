//! How an article being imported finds the one stored already: by its
//! address (canonical, then under the other web scheme), else by its title
//! and day; and which address the stored article keeps.

use std::borrow::Cow;
use std::hash::{Hash, Hasher};

use rusqlite::{Connection, OptionalExtension, params};

use super::Result;
use crate::model::{ArticleId, KeywordSource, NewArticle};
use crate::text::fold::key_hash;
use crate::text::url::{canonical, is_https, other_scheme};

/// The date part used to recognise the same story imported twice.
pub(super) fn date_key(a: &NewArticle) -> String {
    match a.published {
        Some(p) => p.date_naive().to_string(),
        None => String::new(),
    }
}

/// The stored article an import is recognised as: its id, content hash
/// and address.
pub(super) struct Existing {
    pub id: ArticleId,
    pub hash: i64,
    pub url: Option<String>,
}

impl Existing {
    /// Whether it holds what `a` (of content hash `hash`) holds: the same
    /// hash, or the same once `a`'s address is read under the scheme stored.
    pub fn same_content(&self, a: &NewArticle, hash: i64) -> bool {
        if self.hash == hash {
            return true;
        }
        match (&self.url, url_of(a)) {
            (Some(stored), Some(mine)) if *stored != mine => {
                self.hash == hash_with_url(a, Some(stored))
            }
            _ => false,
        }
    }
}

/// The address to keep for an article stored as `stored` and imported again
/// as `new`: the one stored, but `https` over `http`, and an address over
/// none. The two differ at most by their scheme ([`find_existing`]).
pub(super) fn address_kept<'a>(stored: Option<&'a str>, new: Option<&'a str>) -> Option<&'a str> {
    match (stored, new) {
        (Some(s), Some(n)) if !is_https(s) && is_https(n) => Some(n),
        (Some(s), _) => Some(s),
        (None, n) => n,
    }
}

/// The article stored for `a`: by its address (under either web scheme,
/// the one written first), else by its title and date.
pub(super) fn find_existing(
    tx: &Connection,
    a: &NewArticle,
    tkey: &str,
    dkey: &str,
) -> Result<Option<Existing>> {
    let url = url_of(a);
    if let Some(url) = &url
        && let Some(hit) = by_address(tx, url)?
    {
        return Ok(Some(hit));
    }
    // Same normalised title and date. Without a known date, only an article
    // that has no URL of its own (a saved page) is matched on title alone, so
    // that two different stories that share a headline are not merged.
    if dkey.is_empty() && url.is_some() {
        return Ok(None);
    }
    let hit = tx
        .prepare_cached(
            "SELECT id, content_hash, url FROM articles WHERE title_hash = ?1 AND date_key = ?2
             AND (?3 IS NULL OR url IS NULL OR url = ?3) ORDER BY id LIMIT 1",
        )?
        .query_row(params![key_hash(tkey), dkey, url], |r| {
            Ok(Existing {
                id: r.get(0)?,
                hash: r.get(1)?,
                url: r.get(2)?,
            })
        })
        .optional()?;
    Ok(hit)
}

/// The article stored under `url` (already in its stored form,
/// [`canonical`]), or under it with the other web scheme.
pub(super) fn by_address(tx: &Connection, url: &str) -> Result<Option<Existing>> {
    let mut by_url =
        tx.prepare_cached("SELECT id, content_hash, url FROM articles WHERE url = ?1")?;
    for candidate in [Some(url.to_string()), other_scheme(url)]
        .into_iter()
        .flatten()
    {
        let hit = by_url
            .query_row([&candidate], |r| {
                Ok(Existing {
                    id: r.get(0)?,
                    hash: r.get(1)?,
                    url: r.get(2)?,
                })
            })
            .optional()?;
        if hit.is_some() {
            return Ok(hit);
        }
    }
    Ok(None)
}

/// The article's address as it is stored and compared
/// ([`canonical`]: no tracking parameters, no place in the page).
pub(super) fn url_of(a: &NewArticle) -> Option<Cow<'_, str>> {
    a.url.as_deref().map(canonical)
}

/// The content hash of `a` under its own address ([`hash_with_url`]).
pub(super) fn hash_article(a: &NewArticle) -> i64 {
    hash_with_url(a, url_of(a).as_deref())
}

/// The content hash of `a` as if its address were `url` (the one stored
/// for it, when that differs by its scheme).
pub(super) fn hash_with_url(a: &NewArticle, url: Option<&str>) -> i64 {
    // Only content: user state (read, bookmarked) is not part of it.
    let mut h = std::hash::DefaultHasher::new();
    url.map(Cow::Borrowed).hash(&mut h);
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
        // Only when there are links: an article without keeps the hash it
        // had before links were kept.
        if !p.links.is_empty() {
            p.links.hash(&mut h);
        }
    }
    // Auto keywords are the store's own reading of the text (an export of
    // ours carries them): they change nothing of the content, so an article
    // imported from an export equals its feed's item.
    for k in a
        .keywords
        .iter()
        .filter(|k| k.source != KeywordSource::Auto)
    {
        k.name.hash(&mut h);
        k.source.hash(&mut h);
    }
    for r in &a.related {
        r.title.hash(&mut h);
        r.url.as_deref().map(canonical).hash(&mut h);
        r.excerpt.hash(&mut h);
    }
    h.finish() as i64
}
