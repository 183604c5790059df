//! Import: an article in, added, updated or left unchanged. Recognising the
//! same story (by URL, or by normalised title and date) and the content hash
//! are in [`super::existing`]; here the batches (one in which an article
//! fails is written again with a savepoint per article, the search index
//! written once per batch),
//! the prepared batches ([`Store::look_up_batch`], [`LookedUp::prepare`]:
//! candidate keyword phrases computed on every core) and the links to
//! related stories.

use std::time::{Duration, Instant};

use rusqlite::{Connection, OptionalExtension, params};

use super::existing::{
    Existing, address_kept, date_key, find_existing, hash_article, hash_with_url, url_of,
};
use super::keyword_rows::{insert_keywords_at, kept_tags};
use super::keywords::{
    self, CountDeltas, KeywordStats, StatsChange, insert_keywords_named, write_counts,
};
use super::search::{PreparedTexts, SearchDoc, prepare_texts, write_index};
use super::whole_page::{self, TextFrom};
use super::{Result, Store, StoreError, now_ts, write_tx};

/// How long one import transaction goes on taking articles: it then
/// finishes them (keyword counts, the search index) and commits, and the
/// next takes the lock again, so that another writer (a second import, a
/// feed update, the reader marking an article read) waits for at most
/// about this long plus the finishing.
pub const LOCK_BUDGET: Duration = Duration::from_millis(150);
use crate::model::{ArticleId, ImportOutcome, NewArticle, Position};
use crate::text::fold::{key_hash, title_key};
use crate::text::keywords::{Candidate, candidates};
use crate::text::url::{canonical, feed_url};

/// How many articles a preparing thread takes at a time
/// ([`compute_prework`]).
const PREWORK_SLICE: usize = 16;

/// Register `docbao_canonical_url(url)` ([`canonical`]) on a connection,
/// for migration 018, which stores older articles' addresses so; and
/// `docbao_feed_url(url)` ([`feed_url`]), which finds a feed subscribed
/// under another spelling of an address ([`super::feeds`]).
pub(super) fn register_functions(conn: &Connection) -> rusqlite::Result<()> {
    register_url_function(conn, "docbao_canonical_url", |u| canonical(u).into_owned())?;
    register_url_function(conn, "docbao_feed_url", |u| feed_url(u).into_owned())
}

/// A deterministic SQL function of one address: NULL for anything that is
/// not UTF-8 text (never stored so: the row is left).
fn register_url_function(
    conn: &Connection,
    name: &str,
    f: fn(&str) -> String,
) -> rusqlite::Result<()> {
    use rusqlite::functions::FunctionFlags;
    use rusqlite::types::{Value, ValueRef};
    conn.create_scalar_function(
        name,
        1,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        move |ctx| {
            Ok(match ctx.get_raw(0) {
                ValueRef::Text(t) => match std::str::from_utf8(t) {
                    Ok(url) => Value::Text(f(url)),
                    Err(_) => Value::Null,
                },
                _ => Value::Null,
            })
        },
    )
}

impl Store {
    /// Import one article in its own transaction.
    pub fn import(&mut self, article: &NewArticle) -> Result<ImportOutcome> {
        self.import_one(article, None, TextFrom::Import)
    }

    /// Import a whole page's article (`add`, the reader's `a`, a full-page
    /// feed's page): a feed's summary never replaces it ([`TextFrom`]).
    pub fn import_page(&mut self, article: &NewArticle) -> Result<ImportOutcome> {
        self.import_one(article, None, TextFrom::WholePage)
    }

    /// Import `article` as the new content of article `id` (a feed item the
    /// feed has corrected: its new title would not find it), as an import
    /// does for a changed article: read mark and bookmark kept, keywords
    /// and search terms those of the new text. An article gone since is
    /// added again. A feed's text over a whole page only fills its empty
    /// fields ([`TextFrom::Feed`]).
    pub fn import_into(
        &mut self,
        id: ArticleId,
        article: &NewArticle,
        from: TextFrom,
    ) -> Result<ImportOutcome> {
        self.import_one(article, Some(id), from)
    }

    fn import_one(
        &mut self,
        article: &NewArticle,
        into: Option<ArticleId>,
        from: TextFrom,
    ) -> Result<ImportOutcome> {
        self.stats()?;
        let Store { conn, stats, .. } = self;
        let stats = stats.get_or_insert_with(Default::default);
        let tx = write_tx(conn)?;
        let (out, mut change, doc) = upsert(&tx, article, now_ts(), stats, None, (into, from))?;
        write_counts(&tx, &std::mem::take(&mut change.links))?;
        // An unchanged article keeps its index row.
        if let Some(doc) = doc {
            write_index(&tx, vec![doc])?;
        }
        tx.commit()?;
        stats.apply(&change);
        Ok(out)
    }

    /// Import many articles, in as many transactions as it takes for none to
    /// hold the write lock much over [`LOCK_BUDGET`]; one that fails is
    /// rolled back alone and reported, the others are kept (a transaction
    /// in which one fails is written again with a savepoint each). When
    /// another writer keeps the lock past the busy timeout, the articles
    /// not stored get [`StoreError::Busy`] each (the caller may try them
    /// again); the ones stored before stay stored.
    pub fn import_batch(&mut self, articles: &[NewArticle]) -> Result<Vec<Result<ImportOutcome>>> {
        self.import_with(articles, None, None, None)
    }

    /// [`Store::import_batch`], with `link(tx, i, outcome)` run for each
    /// article stored, in its transaction: what it writes (a feed's item
    /// and listing) is stored with the article or not at all. An error of
    /// `link` takes the article back, and is its result. It may run more
    /// than once for an article (its transaction rolled back and written
    /// again): only what it writes through the connection counts. `from`:
    /// where each article's text comes from.
    pub(super) fn import_linked(
        &mut self,
        articles: &[NewArticle],
        link: &mut Link<'_>,
        from: &[TextFrom],
    ) -> Result<Vec<Result<ImportOutcome>>> {
        self.import_with(articles, None, Some(link), Some(from))
    }

    /// The part of importing a batch that reads the store and writes
    /// nothing: which articles are new or changed. Their work before
    /// storing (candidate keyword phrases, packed bodies, index tokens) is
    /// then done by [`LookedUp::prepare`], which needs no connection, so
    /// that a pipeline can look up the next batch while this one's work is
    /// done. A second connection to the same file can do this while the
    /// writing one stores the last batch ([`Store::import_prepared`]); what
    /// changed in between is caught when the batch is stored. If the store
    /// cannot be read, the batch is left for [`Store::import_prepared`] to
    /// prepare.
    pub fn look_up_batch(&self, articles: Vec<NewArticle>) -> LookedUp {
        let wanted = wanted_articles(&self.conn, &articles).ok();
        LookedUp { articles, wanted }
    }

    /// [`Store::import_batch`] for a batch looked up and prepared
    /// ([`Store::look_up_batch`], [`LookedUp::prepare`]).
    pub fn import_prepared(
        &mut self,
        batch: PreparedBatch,
    ) -> Result<(Vec<NewArticle>, Vec<Result<ImportOutcome>>)> {
        let PreparedBatch { articles, cands } = batch;
        let results = self.import_with(&articles, Some(cands), None, None)?;
        Ok((articles, results))
    }

    fn import_with(
        &mut self,
        articles: &[NewArticle],
        prepared: Option<Vec<Option<Prework>>>,
        mut link: Option<&mut Link<'_>>,
        from: Option<&[TextFrom]>,
    ) -> Result<Vec<Result<ImportOutcome>>> {
        let mut prepared = match prepared {
            Some(p) if p.len() == articles.len() => p,
            // Read outside the write lock (a deferred read, no lock held).
            _ => precompute_candidates(&self.conn, articles)?,
        };
        self.stats()?;
        let mut results = Vec::with_capacity(articles.len());
        // A transaction is written without a savepoint for each article:
        // SQLite copies every page an article's writes touch into the
        // savepoint's journal (3.5 % of an import's instructions; 1.8 % net
        // of the statistics' undo log: BENCHMARKS.md, "Session 41"). One in
        // which an article fails is rolled back whole (the keyword
        // statistics too) and written again
        // carefully, a savepoint each, up to that article and past it, so
        // that only it is lost.
        let mut careful_to: Option<usize> = None;
        while results.len() < articles.len() {
            let first = results.len();
            let mode = match careful_to {
                Some(k) if first <= k => Mode::Careful,
                _ => Mode::Fast,
            };
            match self.import_some(
                articles,
                &mut prepared,
                first,
                mode,
                (link.as_deref_mut(), from),
            ) {
                Ok(Written::All(done)) => results.extend(done),
                Ok(Written::FailedAt(k)) => careful_to = Some(k),
                Err(e) if e.is_busy() => {
                    // This transaction's articles and the ones after it.
                    let left = articles.len() - results.len();
                    results.extend((0..left).map(|_| Err(StoreError::Busy)));
                    break;
                }
                Err(e) => return Err(e),
            }
        }
        Ok(results)
    }

    /// One write transaction: the articles from `first` on, until the last
    /// or until the lock has been held for [`LOCK_BUDGET`] (one at least).
    /// Nothing of it is kept if it fails (the keyword statistics in memory
    /// included). In [`Mode::Fast`] an article that fails rolls it back:
    /// [`Written::FailedAt`] (the prepared work of the articles it took is
    /// done again by the next try).
    fn import_some(
        &mut self,
        articles: &[NewArticle],
        prepared: &mut [Option<Prework>],
        first: usize,
        mode: Mode,
        (mut link, from): (Option<&mut Link<'_>>, Option<&[TextFrom]>),
    ) -> Result<Written> {
        let now = now_ts();
        let Store { conn, stats, .. } = self;
        let stats = stats.get_or_insert_with(Default::default);
        stats.begin();
        let outcome = (|| {
            let mut tx = write_tx(conn)?;
            let started = Instant::now();
            let mut results = Vec::new();
            let mut docs = Vec::new();
            let mut counts = CountDeltas::default();
            while results.is_empty() || started.elapsed() < LOCK_BUDGET {
                let i = first + results.len();
                let Some(a) = articles.get(i) else { break };
                let pre = prepared[i].take();
                let from = from.and_then(|f| f.get(i).copied());
                let store = |c: &Connection| {
                    upsert(
                        c,
                        a,
                        now,
                        stats,
                        pre,
                        (None, from.unwrap_or(TextFrom::Import)),
                    )
                    .and_then(|done| match link.as_deref_mut() {
                        Some(link) => link(c, i, &done.0).map(|()| done),
                        None => Ok(done),
                    })
                };
                let stored = match mode {
                    Mode::Fast => match store(&tx) {
                        Ok(done) => done,
                        // Rolled back with the transaction.
                        Err(_) => return Ok(Written::FailedAt(i)),
                    },
                    Mode::Careful => {
                        let sp = tx.savepoint()?;
                        match store(&sp) {
                            Ok(done) => {
                                sp.commit()?;
                                done
                            }
                            Err(e) => {
                                drop(sp); // rolls back this article only
                                results.push(Err(e));
                                continue;
                            }
                        }
                    }
                };
                let (out, mut change, doc) = stored;
                for (k, d) in std::mem::take(&mut change.links) {
                    *counts.entry(k).or_insert(0) += d;
                }
                docs.extend(doc);
                // Later articles of the batch are scored with it.
                stats.apply(&change);
                results.push(Ok(out));
            }
            // The search index is written once for the transaction, outside
            // the savepoints (if any): FTS5 flushes its pending terms into a
            // new segment at every savepoint, and one segment per article
            // made the import 6x slower.
            let finishing = Instant::now();
            write_counts(&tx, &counts)?;
            write_index(&tx, docs)?;
            tx.commit()?;
            trace_lock(results.len(), started, finishing);
            Ok(Written::All(results))
        })();
        match outcome {
            Ok(Written::All(_)) => stats.keep(),
            _ => stats.roll_back(),
        }
        outcome
    }
}

/// How [`Store::import_some`] writes a transaction's articles.
#[derive(Clone, Copy)]
enum Mode {
    /// No savepoints: an article that fails rolls the transaction back.
    Fast,
    /// A savepoint for each article: one that fails is rolled back alone.
    Careful,
}

/// What a transaction of [`Store::import_some`] wrote.
enum Written {
    /// Its articles' outcomes, in order.
    All(Vec<Result<ImportOutcome>>),
    /// Nothing: the article at this index failed in [`Mode::Fast`].
    FailedAt(usize),
}

/// What [`Store::import_linked`] runs for each article stored, in its
/// transaction: the article's place in the batch and its outcome.
pub(super) type Link<'a> = dyn FnMut(&Connection, usize, &ImportOutcome) -> Result<()> + 'a;

/// With `DOCBAO_TRACE_LOCK` set, how long each import transaction held the
/// write lock goes to stderr (how [`LOCK_BUDGET`] was chosen and checked).
fn trace_lock(articles: usize, started: Instant, finishing: Instant) {
    if std::env::var_os("DOCBAO_TRACE_LOCK").is_some() {
        eprintln!(
            "docbao: write lock held {:.1} ms for {articles} articles ({:.1} ms finishing)",
            started.elapsed().as_secs_f64() * 1000.0,
            finishing.elapsed().as_secs_f64() * 1000.0
        );
    }
}

/// A batch of articles with the work done before it is stored
/// ([`LookedUp::prepare`]).
#[derive(Debug)]
pub struct PreparedBatch {
    pub articles: Vec<NewArticle>,
    cands: Vec<Option<Prework>>,
}

/// What is done for an article before it is stored, off the store's thread:
/// its content hash, its candidate keyword phrases, its body packed and
/// compressed (`None` when packing failed: [`upsert`] packs it again and
/// reports why), and its body's text and syllables as the search index
/// takes them.
#[derive(Debug)]
struct Prework {
    hash: i64,
    cands: Vec<Candidate>,
    body: Option<Option<Vec<u8>>>,
    text: Option<String>,
    texts: PreparedTexts,
}

impl Prework {
    fn of(a: &NewArticle, hash: i64) -> Prework {
        let text = body_text(a);
        let texts = prepare_texts(
            [Some(a.title.as_str()), a.lead.as_deref(), text.as_deref()]
                .into_iter()
                .flatten(),
        );
        Prework {
            hash,
            cands: candidates(a),
            body: super::body::pack(&a.paragraphs).ok(),
            text,
            texts,
        }
    }
}

/// The paragraphs' texts joined by newlines, as
/// [`super::body::joined_text`] reads them back.
fn body_text(a: &NewArticle) -> Option<String> {
    if a.paragraphs.is_empty() {
        return None;
    }
    let texts: Vec<&str> = a.paragraphs.iter().map(|p| p.text.as_str()).collect();
    Some(texts.join("\n"))
}

/// A batch of articles whose fate is looked up ([`Store::look_up_batch`]),
/// to be prepared ([`LookedUp::prepare`]).
#[derive(Debug)]
pub struct LookedUp {
    articles: Vec<NewArticle>,
    /// The content hash of each article that will be added or changed;
    /// `None` for the whole batch when the store could not be read.
    wanted: Option<Vec<Option<i64>>>,
}

impl LookedUp {
    /// The work of [`Prework`] for the articles that will be added or
    /// changed, on every core.
    pub fn prepare(self) -> PreparedBatch {
        let LookedUp { articles, wanted } = self;
        let cands = wanted.map_or_else(Vec::new, |w| compute_prework(&articles, &w));
        PreparedBatch { articles, cands }
    }
}

/// The candidate phrases ([`candidates`]) of the articles of a batch that
/// will be added or changed, computed on every core before the batch is
/// stored: on the store's one thread they were a quarter of an import.
/// Articles stored unchanged get `None`, and so may an article whose fate
/// depends on an earlier one in the same batch: [`upsert`] computes what it
/// is not given.
fn precompute_candidates(tx: &Connection, articles: &[NewArticle]) -> Result<Vec<Option<Prework>>> {
    let wanted = wanted_articles(tx, articles)?;
    Ok(compute_prework(articles, &wanted))
}

/// The content hash of each article of a batch that will be added or
/// changed (`None`: stored already with the same content).
fn wanted_articles(tx: &Connection, articles: &[NewArticle]) -> Result<Vec<Option<i64>>> {
    let mut wanted = Vec::with_capacity(articles.len());
    // One read transaction for the batch's lookups: each statement in
    // autocommit began and ended one, and SQLite walks the connection's
    // whole page cache at the end of every transaction
    // (`pcache1TruncateUnsafe`): with the cache full (past ~20,000
    // articles) that was 43% of an import's time.
    let read = if tx.is_autocommit() {
        Some(tx.unchecked_transaction()?)
    } else {
        None
    };
    for a in articles {
        let existing = find_existing(tx, a, &title_key(&a.title), &date_key(a))?;
        let hash = hash_article(a);
        let same = existing.is_some_and(|e| e.same_content(a, hash));
        wanted.push((!same).then_some(hash));
    }
    if let Some(read) = read {
        read.commit()?;
    }
    Ok(wanted)
}

/// [`Prework`] for the articles `wanted` says, on every core: each thread
/// takes the next [`PREWORK_SLICE`] articles until none are left, so that
/// no core waits while another finishes a share of long articles.
fn compute_prework(articles: &[NewArticle], wanted: &[Option<i64>]) -> Vec<Option<Prework>> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let compute = |from: usize| -> Vec<Option<Prework>> {
        let to = (from + PREWORK_SLICE).min(articles.len());
        articles[from..to]
            .iter()
            .zip(&wanted[from..to])
            .map(|(a, w)| w.map(|hash| Prework::of(a, hash)))
            .collect()
    };
    if threads < 2 || articles.len() <= PREWORK_SLICE {
        return (0..articles.len())
            .step_by(PREWORK_SLICE)
            .flat_map(compute)
            .collect();
    }
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut slices: Vec<(usize, Vec<Option<Prework>>)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads.min(articles.len().div_ceil(PREWORK_SLICE)))
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let from =
                            next.fetch_add(PREWORK_SLICE, std::sync::atomic::Ordering::Relaxed);
                        if from >= articles.len() {
                            return done;
                        }
                        done.push((from, compute(from)));
                    }
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| match h.join() {
                Ok(v) => v,
                Err(panic) => std::panic::resume_unwind(panic),
            })
            .collect()
    });
    slices.sort_unstable_by_key(|(from, _)| *from);
    slices.into_iter().flat_map(|(_, v)| v).collect()
}

/// Where reading stopped, as an export carries it, unless the store's own
/// place is further on (an older export never takes a reader back).
fn keep_position(tx: &Connection, id: ArticleId, at: Option<Position>) -> Result<()> {
    let Some(at) = at.filter(|p| !p.is_start()) else {
        return Ok(());
    };
    let (paragraph, offset) = (
        i64::try_from(at.paragraph).unwrap_or(i64::MAX),
        i64::try_from(at.offset).unwrap_or(i64::MAX),
    );
    tx.prepare_cached(
        "UPDATE articles SET position = ?1, position_offset = ?2
         WHERE id = ?3 AND (position < ?1 OR (position = ?1 AND position_offset < ?2))",
    )?
    .execute(params![paragraph, offset, id])?;
    Ok(())
}

/// What [`upsert`] did, what it changes in the keyword statistics, and the
/// article's text for the search index (`true`: it had a row there), when
/// it was added or changed.
type Upserted = (ImportOutcome, StatsChange, Option<(bool, SearchDoc)>);

fn upsert(
    tx: &Connection,
    a: &NewArticle,
    now: i64,
    stats: &KeywordStats,
    pre: Option<Prework>,
    (into, from): (Option<ArticleId>, TextFrom),
) -> Result<Upserted> {
    let mut change = StatsChange::default();
    let tkey = title_key(&a.title);
    let thash = key_hash(&tkey);
    let dkey = date_key(a);
    let hash = pre.as_ref().map_or_else(|| hash_article(a), |p| p.hash);
    let published = a.published.map(|p| p.to_rfc3339());
    let published_ts = a.published.map(|p| p.timestamp());
    let bookmarked = a.bookmarked.unwrap_or(false);
    let read = a.read.unwrap_or(false);
    let url = url_of(a);

    let existing = match into {
        Some(id) => tx
            .prepare_cached("SELECT id, content_hash, url FROM articles WHERE id = ?1")?
            .query_row([id], |r| {
                Ok(Existing {
                    id: r.get(0)?,
                    hash: r.get(1)?,
                    url: r.get(2)?,
                })
            })
            .optional()?,
        None => find_existing(tx, a, &tkey, &dkey)?,
    };
    // A feed's item at a whole page's article fills what the page left
    // empty, nothing else.
    if let Some(e) = existing.as_ref().filter(|_| from == TextFrom::Feed)
        && whole_page::is_whole(tx, e.id)?
    {
        let filled = whole_page::fill_empty(tx, e.id, a, &dkey)?;
        let out = match filled {
            true => ImportOutcome::Updated(e.id),
            false => ImportOutcome::Unchanged(e.id),
        };
        link_feeds(tx, e.id, &a.feeds)?;
        return Ok((out, change, None));
    }
    let kept = existing.as_ref().map_or(url.as_deref(), |e| {
        address_kept(e.url.as_deref(), url.as_deref())
    });
    // The hash of the article under the address kept (its scheme may be
    // the one stored, not this import's).
    let hash = if kept == url.as_deref() {
        hash
    } else {
        hash_with_url(a, kept)
    };
    let (id, outcome) = match existing {
        Some(ref e) if e.same_content(a, hash) => {
            let id = e.id;
            // Same content: only user state a re-import may add (never
            // clear), and the address's https when it was stored as http.
            tx.prepare_cached(
                "UPDATE articles SET bookmarked = max(bookmarked, ?1), read = max(read, ?2),
                    url = coalesce(?3, url), content_hash = ?4 WHERE id = ?5",
            )?
            .execute(params![bookmarked, read, kept, hash, id])?;
            keep_position(tx, id, a.position)?;
            link_feeds(tx, id, &a.feeds)?;
            if from == TextFrom::WholePage {
                whole_page::note(tx, id, true)?;
            }
            return Ok((ImportOutcome::Unchanged(id), change, None));
        }
        Some(Existing { id, .. }) => {
            change.remove = keywords::stored_candidates(tx, id)?;
            tx.prepare_cached(
                "UPDATE articles SET url = ?1, title = ?2, title_hash = ?3,
                    published = ?4, published_ts = ?5, date_key = ?6, date_text = ?7, author = ?8,
                    views = ?9, site = ?10, lead = ?11, updated_at = ?12,
                    sort_ts = coalesce(?5, imported_at), content_hash = ?13,
                    bookmarked = max(bookmarked, ?14), read = max(read, ?15)
                 WHERE id = ?16",
            )?
            .execute(params![
                kept,
                a.title,
                thash,
                published,
                published_ts,
                dkey,
                a.date_text,
                a.author,
                a.views,
                a.site,
                a.lead,
                now,
                hash,
                bookmarked,
                read,
                id
            ])?;
            // The user's tags stay (newsboat's, on the articles of its
            // feed): a feed's correction of an item carries none.
            tx.prepare_cached(
                "DELETE FROM article_keywords WHERE article_id = ?1 AND source <> 'tag'",
            )?
            .execute([id])?;
            tx.prepare_cached("DELETE FROM waiting_keywords WHERE article_id = ?1")?
                .execute([id])?;
            tx.prepare_cached("DELETE FROM related WHERE article_id = ?1")?
                .execute([id])?;
            (id, ImportOutcome::Updated(id))
        }
        None => {
            let id: ArticleId = tx
                .prepare_cached(
                    "INSERT INTO articles (url, title, title_hash, published, published_ts, date_key,
                        date_text, author, views, site, lead, imported_at, updated_at, sort_ts,
                        content_hash, bookmarked, read)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12,
                        coalesce(?5, ?12), ?13, ?14, ?15)
                     RETURNING id",
                )?
                .query_row(
                    params![
                        url, a.title, thash, published, published_ts, dkey, a.date_text,
                        a.author, a.views, a.site, a.lead, now, hash, bookmarked, read
                    ],
                    |r| r.get(0),
                )?;
            (id, ImportOutcome::Added(id))
        }
    };
    keep_position(tx, id, a.position)?;
    // A new article has no mark to take off: no statement for it in a bulk
    // import.
    if from == TextFrom::WholePage || matches!(outcome, ImportOutcome::Updated(_)) {
        whole_page::note(tx, id, from == TextFrom::WholePage)?;
    }

    let (cands, packed, text, prepared) = match pre {
        Some(Prework {
            cands,
            body: Some(body),
            text,
            texts,
            ..
        }) => (Some(cands), body, text, Some(texts)),
        other => (
            other.map(|p| p.cands),
            super::body::pack(&a.paragraphs).map_err(|e| StoreError::BadBody {
                id,
                why: format!("its body cannot be compressed ({e})"),
            })?,
            body_text(a),
            None,
        ),
    };
    super::body::write(tx, id, packed.as_deref())?;
    // The tags an article stored again kept, first, as the reader shows
    // them: the search index takes them with the rest.
    let mut names = match outcome {
        ImportOutcome::Updated(_) => kept_tags(tx, id)?,
        _ => Vec::new(),
    };
    let tagged = !names.is_empty();
    insert_keywords_named(tx, id, &a.keywords, &mut change.links, &mut names)?;
    // Auto keywords when the page has none (an export of ours may carry auto
    // keywords already: those are kept as they are, so it round-trips), nor
    // the user gave any.
    let cands = cands.unwrap_or_else(|| candidates(a));
    if a.keywords.is_empty() && !tagged {
        let mut lone = Vec::new();
        let auto = stats.auto_keywords(&cands, change.remove.as_deref(), Some(&mut lone));
        let now = super::waiting::wait_for_company(tx, id, &auto, &lone)?;
        insert_keywords_at(tx, id, now.into_iter(), &mut change.links, &mut names)?;
    }
    change.add = Some(cands);
    super::related::insert_related(tx, id, &a.related)?;
    super::related::resolve_incoming(tx, id, kept, &tkey)?;
    link_feeds(tx, id, &a.feeds)?;
    // The caller writes the search index (search::write_index), once for
    // its transaction.
    let doc = SearchDoc {
        id,
        title: Some(a.title.clone()),
        lead: a.lead.clone(),
        body: text,
        keywords: (!names.is_empty()).then(|| names.join("\n")),
        prepared,
    };
    Ok((
        outcome,
        change,
        Some((matches!(outcome, ImportOutcome::Updated(_)), doc)),
    ))
}

/// List the article under each of `feeds` (addresses, from an export) that
/// is subscribed here, as its items would be: the first one its source when
/// it has none. A feed not subscribed here is passed over.
fn link_feeds(tx: &Connection, id: ArticleId, feeds: &[String]) -> Result<()> {
    if feeds.is_empty() {
        return Ok(());
    }
    for url in feeds {
        // Under another spelling too (an OPML import stores the one form).
        if let Some(feed) = super::feeds::subscribed_id(tx, url)? {
            super::feeds::list_under_feed(tx, feed, id.0)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Paragraph;

    /// The preparing threads take slices in turn and finish in any order:
    /// each article still gets its own work, in place, and an article left
    /// out gets none.
    #[test]
    fn prework_comes_back_in_the_articles_order() {
        let articles: Vec<NewArticle> = (0..10 * PREWORK_SLICE + 5)
            .map(|i| NewArticle {
                title: format!("Bài số {i} về Hà Nội"),
                // Lengths that differ, so that the threads go unevenly.
                paragraphs: (0..i % 7 + 1)
                    .map(|k| Paragraph::text(format!("Đoạn {k} của bài {i} ở Đà Nẵng.")))
                    .collect(),
                ..NewArticle::default()
            })
            .collect();
        let wanted: Vec<Option<i64>> = (0..articles.len())
            .map(|i| (i % 3 != 0).then_some(i as i64))
            .collect();
        let done = compute_prework(&articles, &wanted);
        assert_eq!(done.len(), articles.len());
        for (i, (a, p)) in articles.iter().zip(&done).enumerate() {
            match p {
                None => assert_eq!(wanted[i], None, "article {i} lost its work"),
                Some(p) => {
                    assert_eq!(Some(p.hash), wanted[i], "article {i}");
                    assert_eq!(p.text, body_text(a), "article {i}");
                }
            }
        }
    }
}
