//! Keywords: an article's keyword links and the keywords' article counts
//! ([`insert_keywords`], [`write_counts`], [`Store::keywords`]), and the
//! automatic keywords: the document frequencies behind their TF-IDF
//! (`phrase_df`, `phrase_docs`) and the auto keywords of an imported article.
//!
//! Every article added counts its candidate phrases ([`candidates`]) once;
//! an article replaced or deleted takes its old ones back out, so the
//! statistics describe the articles stored. An article whose page carries
//! no keywords gets [`DEFAULT_MAX`] auto keywords, scored against the
//! statistics of the articles stored *before* it: the result depends on the
//! import order (deterministic for a given order), and the first articles
//! of a fresh store are scored with little or no idf.
//! [`Store::recompute_auto_keywords`] rescores every article against the
//! final statistics.
//!
//! The statistics live in memory while a store imports ([`KeywordStats`],
//! loaded on first use) and are written to `phrase_df` by
//! [`Store::flush_keyword_stats`] (the import driver calls it when it is
//! done; dropping the store does too). One SQL upsert per candidate per
//! article made the 35k baomoi import five times slower; one per changed
//! phrase per import does not. If the process dies before a flush, the
//! articles are stored but the counts lag: idf is a statistic, and
//! [`Store::rebuild_keyword_stats`] recounts from the articles.
//!
//! A flush adds what changed since the last one (`n = n + delta`), never
//! the counts as this process last saw them, so two docbao processes
//! importing into the same file at once both count: neither overwrites
//! the other's articles.

use rusqlite::{Connection, OptionalExtension, params, params_from_iter};
use rustc_hash::{FxHashMap, FxHashSet};

pub(super) use super::keyword_rows::{
    CountDeltas, insert_keywords, insert_keywords_named, write_counts,
};
use super::{Result, Store, waiting, write_tx};
use crate::model::{ArticleId, Keyword, KeywordSource, NewArticle};
use crate::text::fold::{search_fold, title_key};
use crate::text::keywords::{
    Candidate, Company, DEFAULT_MAX, Next, ONCE_COMPANY, candidates, company_needed, free_company,
    free_phrase, needs_company, rank_blocking,
};

/// At most this many typed words filter [`Store::keywords_matching`].
const MATCH_WORDS: usize = 8;

/// Runs of a phrase counted before an import blocks it as it goes
/// ([`KeywordStats::auto_keywords`]).
const SETTLED_RUNS: u32 = 12;

/// Document frequencies in memory, with what changed since the last flush.
#[derive(Debug, Default)]
pub(super) struct KeywordStats {
    docs: i64,
    df: FxHashMap<String, Phrase>,
    /// Articles counted since the last flush (added minus removed).
    docs_delta: i64,
    /// Whether anything changed since the last flush.
    docs_dirty: bool,
    /// Auto keywords linked since the last flush by a rescoring or a
    /// recount to a candidate that [`needs_company`] and that too few other
    /// articles held, and to every free phrase without a digit (key,
    /// article, what it asks of others: [`Company`]): taken off to wait at
    /// the flush unless enough hold the phrase by then. (An import makes
    /// them wait at once: `waiting::wait_for_company`.)
    lone: Vec<(String, ArticleId, Company)>,
    /// The open transaction's undo ([`KeywordStats::begin`]).
    undo: Option<Undo>,
}

/// What the statistics were before a transaction changed them, to be put
/// back exactly if it rolls back: a phrase's runs summary ([`Next`]) is a
/// majority vote, which taking the transaction's runs back out can only
/// estimate ([`Next::remove`]).
#[derive(Debug, Default)]
struct Undo {
    /// Each phrase the transaction counted, as it was before (`None`: not
    /// counted then).
    phrases: FxHashMap<String, Option<Phrase>>,
    docs: i64,
    docs_delta: i64,
    docs_dirty: bool,
    lone: usize,
}

/// A candidate phrase's counts across the store.
#[derive(Debug, Default, Clone, Copy)]
struct Phrase {
    /// Articles that hold it.
    n: i32,
    /// Change of `n` since the last flush.
    delta: i32,
    /// What follows its runs ([`Next`]), as this process counted it.
    next: Next,
    /// Changed since the last flush.
    dirty: bool,
}

/// What one article does to the statistics, applied once it is stored (put
/// back if its transaction rolls back: [`KeywordStats::roll_back`]).
#[derive(Debug, Default)]
pub(super) struct StatsChange {
    /// The candidates of the article as it was stored, if it was.
    pub remove: Option<Vec<Candidate>>,
    /// The candidates of the article as it is now stored, if it is.
    pub add: Option<Vec<Candidate>>,
    /// Keyword links the article made, for the keywords' counts.
    pub links: CountDeltas,
}

impl KeywordStats {
    pub(super) fn load(conn: &Connection) -> Result<Self> {
        let docs: i64 = conn
            .query_row("SELECT n FROM phrase_docs WHERE id = 1", [], |r| r.get(0))
            .optional()?
            .unwrap_or(0);
        let mut stmt = conn.prepare("SELECT key, n, runs, word, votes FROM phrase_df")?;
        let df = stmt
            .query_map([], |r| {
                let next = Next {
                    runs: r.get(2)?,
                    word: r.get::<_, i64>(3)? as u32,
                    votes: r.get(4)?,
                };
                let n = r.get::<_, i64>(1)?.clamp(0, i64::from(i32::MAX)) as i32;
                let phrase = Phrase {
                    n,
                    next,
                    ..Default::default()
                };
                Ok((r.get(0)?, phrase))
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(KeywordStats {
            docs,
            df,
            ..Default::default()
        })
    }

    pub(super) fn doc_count(&self) -> u64 {
        self.docs.max(0) as u64
    }

    pub(super) fn df(&self, key: &str) -> u64 {
        self.df.get(key).map_or(0, |v| v.n.max(0) as u64)
    }

    /// What follows the phrase's runs across the store.
    pub(super) fn next(&self, key: &str) -> Next {
        self.df.get(key).map_or_else(Next::default, |v| v.next)
    }

    fn count(&mut self, cands: &[Candidate], delta: i64) {
        for c in cands {
            if let Some(undo) = &mut self.undo
                && !undo.phrases.contains_key(&c.key)
            {
                undo.phrases
                    .insert(c.key.clone(), self.df.get(&c.key).copied());
            }
            let v = match self.df.get_mut(&c.key) {
                Some(v) => v,
                None => self.df.entry(c.key.clone()).or_default(),
            };
            v.n += delta as i32;
            v.delta += delta as i32;
            v.next = if delta > 0 {
                v.next.merge(c.next)
            } else {
                v.next.remove(c.next)
            };
            v.dirty = true;
        }
        self.docs += delta;
        self.docs_delta += delta;
        self.docs_dirty = true;
    }

    pub(super) fn apply(&mut self, change: &StatsChange) {
        if let Some(old) = &change.remove {
            self.count(old, -1);
        }
        if let Some(new) = &change.add {
            self.count(new, 1);
        }
    }

    /// A write transaction begins: what it changes can be put back
    /// exactly ([`KeywordStats::roll_back`]) until [`KeywordStats::keep`].
    pub(super) fn begin(&mut self) {
        debug_assert!(self.undo.is_none(), "a transaction's undo left open");
        self.undo = Some(Undo {
            docs: self.docs,
            docs_delta: self.docs_delta,
            docs_dirty: self.docs_dirty,
            lone: self.lone.len(),
            ..Undo::default()
        });
    }

    /// The transaction committed: its changes stay.
    pub(super) fn keep(&mut self) {
        self.undo = None;
    }

    /// The transaction rolled back: the statistics are as they were when it
    /// began ([`KeywordStats::begin`]).
    pub(super) fn roll_back(&mut self) {
        let Some(undo) = self.undo.take() else {
            return;
        };
        for (key, before) in undo.phrases {
            match before {
                Some(p) => {
                    self.df.insert(key, p);
                }
                None => {
                    self.df.remove(&key);
                }
            }
        }
        self.docs = undo.docs;
        self.docs_delta = undo.docs_delta;
        self.docs_dirty = undo.docs_dirty;
        self.lone.truncate(undo.lone);
    }

    /// The auto keywords of an article with these candidates (not counted
    /// in the statistics): none that the store has seen go on past its end
    /// often enough to be sure ([`Next::goes_on`] over [`SETTLED_RUNS`]
    /// runs). The rest are judged when the counts are flushed
    /// ([`KeywordStats::flush`]), over every article then counted: early in
    /// an import few runs are counted, and two runs of "IS | chiếm" would
    /// block "IS" for good.
    ///
    /// A candidate that [`needs_company`] (a [`free_phrase`], or one the
    /// article mentions once) and that fewer other articles hold than it
    /// needs ([`company_needed`]: two, or for a free phrase two or more as
    /// the store grows) is a keyword only if enough hold it by then: its key
    /// goes to `lone` (the import's articles are still coming; a free phrase
    /// without a digit goes there whatever holds it now, to be weighed
    /// against the store's size at the flush), or, with `lone` `None` (every
    /// article counted: a rescoring), it is not returned. Either way it keeps
    /// its place in the ranking: the article has a keyword fewer.
    ///
    /// `old` is the article's stored version when it is being replaced (a
    /// feed item that changed, a full page over its summary): still counted
    /// until its change is applied, it is no other article, so the article
    /// is scored as if it were not counted.
    pub(super) fn auto_keywords(
        &self,
        cands: &[Candidate],
        old: Option<&[Candidate]>,
        lone: Option<&mut Vec<(String, Company)>>,
    ) -> Vec<Keyword> {
        // The store's size with the article in it (a new one is not counted
        // yet, a rescored one was counted out; an old version is counted).
        // It settles a free phrase only in a rescoring (`lone` `None`): an
        // import leaves every one to the flush.
        let size = self.doc_count() + u64::from(old.is_none());
        let old: FxHashSet<&str> = old.into_iter().flatten().map(|c| c.key.as_str()).collect();
        let others = |c: &Candidate| {
            let n = self.df(&c.key);
            n.saturating_sub(u64::from(old.contains(c.key.as_str())))
        };
        let dfs: Vec<u64> = cands.iter().map(others).collect();
        let docs = self.doc_count();
        let alone = |c: &Candidate| others(c) < company_needed(c, size);
        let final_counts = lone.is_none();
        let blocked = |c: &Candidate| {
            let next = self.next(&c.key);
            (next.runs >= SETTLED_RUNS && next.goes_on()) || (final_counts && alone(c))
        };
        let names = rank_blocking(cands, &dfs, docs, DEFAULT_MAX, blocked);
        if let Some(lone) = lone {
            // A free phrase is judged against the store's size at the
            // flush: the last articles of an import count too.
            let grows = |c: &Candidate| Company::of(c) == Company::Free { digit: false };
            for name in &names {
                if let Some(c) = cands
                    .iter()
                    .find(|c| &c.display == name && (alone(c) || grows(c)))
                {
                    lone.push((c.key.clone(), Company::of(c)));
                }
            }
        }
        names
            .into_iter()
            .map(|name| Keyword {
                name,
                source: KeywordSource::Auto,
            })
            .collect()
    }

    /// Add the changes since the last flush to the stored counts (keys
    /// sorted, so the file is the same every run). Adding, not writing the
    /// counts in memory: another process may have counted articles of its
    /// own since these were loaded. What follows a phrase is written as
    /// this process counted it (a statistic: another process's runs counted
    /// meanwhile are left out until a recount). A phrase that now goes on
    /// past its end loses the auto keyword links it made before: articles
    /// imported before the store knew.
    pub(super) fn flush(&mut self, conn: &Connection) -> Result<()> {
        if !self.docs_dirty {
            return Ok(()); // every change counts a document
        }
        let mut keys: Vec<(&String, &Phrase)> = self.df.iter().filter(|(_, v)| v.dirty).collect();
        keys.sort_unstable_by_key(|(k, _)| *k);
        let mut up = conn.prepare_cached(
            "INSERT INTO phrase_df (key, n, runs, word, votes) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (key) DO UPDATE SET n = n + excluded.n, runs = excluded.runs,
                 word = excluded.word, votes = excluded.votes",
        )?;
        let mut del = conn.prepare_cached("DELETE FROM phrase_df WHERE key = ?1 AND n <= 0")?;
        for (key, v) in &keys {
            put_phrase(conn, &mut up, key, v.delta, v.next)?;
            if v.delta < 0 {
                del.execute([key])?;
            }
        }
        conn.prepare_cached("UPDATE phrase_docs SET n = max(0, n + ?1) WHERE id = 1")?
            .execute([self.docs_delta])?;
        // Every phrase counted since the last flush, raised or not: an
        // article stored again counts its phrases out and in (its own
        // waiting keywords among them), an import beside a deletion too.
        let mut raised = keys.iter().map(|(k, _)| k.as_str());
        // Articles deleted: a free phrase asks fewer of a smaller store,
        // whatever this flush raised. (A phrase that stopped going on
        // without being raised waits for the next raise or a recount.)
        let all = self.docs_delta < 0;
        waiting::link(
            conn,
            (!all).then_some(&mut raised as &mut dyn Iterator<Item = &str>),
        )?;
        self.take_off_lone(conn)?;
        self.mark_flushed();
        Ok(())
    }

    /// Take off the auto keywords of [`KeywordStats::lone`] whose phrase
    /// is still held by too few other articles (what it asks, [`Company`],
    /// in a store of the size counted now): by the count in the file, this
    /// process's just added to it, so that an article another docbao
    /// stored meanwhile counts too.
    fn take_off_lone(&mut self, conn: &Connection) -> Result<()> {
        let mut held =
            conn.prepare_cached("SELECT coalesce(max(n), 0) FROM phrase_df WHERE key = ?1")?;
        let docs = waiting::docs_in_file(conn)?;
        // A phrase many of the import's articles got is read once.
        let mut counts: FxHashMap<String, i64> = FxHashMap::default();
        for (key, article, company) in std::mem::take(&mut self.lone) {
            let need = company.others(docs);
            let n = match counts.get(&key) {
                Some(&n) => n,
                None => {
                    let n: i64 = held.query_row([&key], |r| r.get(0))?;
                    counts.insert(key.clone(), n);
                    n
                }
            };
            if n <= need as i64 {
                waiting::take_off(conn, article, &key, company)?;
            }
        }
        Ok(())
    }

    /// The counts in memory are now in the file.
    fn mark_flushed(&mut self) {
        self.df.retain(|_, v| v.n > 0);
        self.df.values_mut().for_each(|v| {
            v.delta = 0;
            v.dirty = false;
        });
        self.docs_delta = 0;
        self.docs_dirty = false;
    }

    /// Replace the stored counts with these (a recount from the articles).
    fn write_all(&mut self, conn: &Connection) -> Result<()> {
        conn.execute("DELETE FROM phrase_df", [])?;
        let mut keys: Vec<(&String, &Phrase)> = self.df.iter().filter(|(_, v)| v.n > 0).collect();
        keys.sort_unstable_by_key(|(k, _)| *k);
        let mut ins = conn.prepare_cached(
            "INSERT INTO phrase_df (key, n, runs, word, votes) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        for (key, v) in keys {
            put_phrase(conn, &mut ins, key, v.n, v.next)?;
        }
        conn.prepare_cached("UPDATE phrase_docs SET n = ?1 WHERE id = 1")?
            .execute([self.docs.max(0)])?;
        // Every article counted: what the recount found in `lone` goes if
        // too few others hold it, and so does any free phrase held by no
        // more articles than [`free_company`] asks of others (two or more
        // as the store grows; one with a digit), whichever docbao linked it.
        self.take_off_lone(conn)?;
        let linked: Vec<(i64, String, String)> = conn
            .prepare("SELECT id, name, key FROM keywords WHERE article_count > 0")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let mut off = conn.prepare_cached(
            "DELETE FROM article_keywords WHERE keyword_id = ?1 AND source = 'auto'",
        )?;
        let docs = self.doc_count();
        for (id, name, key) in linked {
            if free_phrase(&name, &key) && self.df(&key) <= free_company(&name, docs) {
                waiting::wait_all(conn, id, &key, &name, Company::free(&name))?;
                off.execute([id])?;
            }
        }
        // What waited and the recount finds held enough.
        waiting::link(conn, None)?;
        self.mark_flushed();
        Ok(())
    }
}

/// Write a phrase's row with `stmt` (its key, articles, what follows it),
/// and take a phrase that goes on past its end off the articles whose auto
/// keyword it is.
fn put_phrase(
    conn: &Connection,
    stmt: &mut rusqlite::CachedStatement<'_>,
    key: &str,
    n: i32,
    next: Next,
) -> Result<()> {
    // The word as a signed 32-bit number: four bytes in the file, not six.
    let word = i64::from(next.word as i32);
    stmt.execute(params![key, n, next.runs, word, next.votes])?;
    if next.goes_on() {
        conn.prepare_cached(
            "DELETE FROM article_keywords WHERE source = 'auto'
                AND keyword_id = (SELECT id FROM keywords WHERE key = ?1)",
        )?
        .execute([key])?;
    }
    Ok(())
}

/// The text of a stored article, as much of it as keywords are drawn from.
pub(super) fn stored_text(conn: &Connection, id: ArticleId) -> Result<Option<NewArticle>> {
    let head: Option<(String, Option<String>)> = conn
        .prepare_cached("SELECT title, lead FROM articles WHERE id = ?1")?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let Some((title, lead)) = head else {
        return Ok(None);
    };
    let paragraphs = super::body::paragraphs(conn, id)?;
    Ok(Some(NewArticle {
        title,
        lead,
        paragraphs,
        ..Default::default()
    }))
}

/// The candidates of a stored article (before it is replaced or deleted).
pub(super) fn stored_candidates(
    conn: &Connection,
    id: ArticleId,
) -> Result<Option<Vec<Candidate>>> {
    Ok(stored_text(conn, id)?.map(|a| candidates(&a)))
}

impl Store {
    /// The statistics, loaded on first use.
    pub(super) fn stats(&mut self) -> Result<&mut KeywordStats> {
        if self.stats.is_none() {
            self.stats = Some(KeywordStats::load(&self.conn)?);
        }
        Ok(self.stats.get_or_insert_with(KeywordStats::default))
    }

    /// Keywords with their article counts, most used first (counts kept by triggers).
    pub fn keywords(&self, limit: Option<usize>) -> Result<Vec<(String, i64)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT name, article_count FROM keywords WHERE article_count > 0
             ORDER BY article_count DESC, key LIMIT ?1",
        )?;
        let limit = limit.map_or(-1, |l| l.min(i64::MAX as usize) as i64);
        let mut rows: Vec<(String, i64)> = stmt
            .query_map([limit], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        // Ties in Vietnamese dictionary order (a ă â b c d đ e ê …), which
        // SQLite's byte order is not.
        rows.sort_by_cached_key(|(name, count)| (-count, crate::text::fold::vi_sort_key(name)));
        Ok(rows)
    }

    /// Whether a keyword filter of `name` selects any keyword an article
    /// has, by the rule of the list's filter: the name as written (case,
    /// spacing and punctuation aside), or, when no keyword is written so,
    /// any keyword that reads so syllable by syllable as the search reads it
    /// ([`crate::text::syllables::marks_agree`]: "Biển Dong" is "Biển Đông",
    /// "hạ nổi" no "Hà Nội").
    pub fn keyword_known(&self, name: &str) -> Result<bool> {
        let key = title_key(name);
        Ok(self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM keywords WHERE key = ?1 AND article_count > 0)
                 OR (NOT EXISTS (SELECT 1 FROM keywords WHERE key = ?1)
                     AND EXISTS (SELECT 1 FROM keywords
                                 WHERE article_count > 0 AND docbao_fold(key) = ?2
                                     AND docbao_marks_agree(key, ?1)))",
            params![key, search_fold(&key)],
            |r| r.get(0),
        )?)
    }

    /// The keywords whose folded name ([`crate::text::fold::search_fold`]: no
    /// case, no marks) contains every one of `words` (folded the same way),
    /// most used first as [`Store::keywords`] orders them, at most `limit`:
    /// what the sidebar's filter finds past the keywords it holds. Every
    /// keyword is read (84,814 on the 35,440-article store).
    pub fn keywords_matching(&self, words: &[String], limit: usize) -> Result<Vec<(String, i64)>> {
        let typed: Vec<&String> = words.iter().take(MATCH_WORDS).collect();
        let mut words: Vec<String> = typed
            .iter()
            .map(|w| crate::text::fold::search_fold(w))
            .filter(|w| !w.is_empty())
            .collect();
        if words.is_empty() {
            return self.keywords(Some(limit));
        }
        // Each word at the start of a word of the name ("ha" finds "Hà
        // Nội", not "nội thất"); typed with marks, that spelling ("hà" is
        // not "Hải Phòng"), as the search reads it.
        let mut conditions: Vec<String> = (1..=words.len())
            .map(|i| format!("instr(' ' || f, ' ' || ?{i}) > 0"))
            .collect();
        let query_text = typed
            .iter()
            .map(|w| w.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        if crate::text::syllables::has_marks(&query_text) {
            conditions.push(format!("docbao_words_start(name, ?{})", words.len() + 1));
            words.push(query_text);
        }
        let query = |extra: &str, limit: usize| -> Result<Vec<(String, i64)>> {
            let sql = format!(
                "SELECT name, n FROM (SELECT name, article_count AS n, key,
                                             docbao_fold(name) AS f
                                      FROM keywords WHERE article_count > 0)
                 WHERE {} {extra} ORDER BY n DESC, key LIMIT {}",
                conditions.join(" AND "),
                limit.min(i64::MAX as usize)
            );
            Ok(self
                .conn
                .prepare_cached(&sql)?
                .query_map(params_from_iter(words.iter()), |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })?
                .collect::<rusqlite::Result<_>>()?)
        };
        let mut rows = query("", limit)?;
        // The sidebar's order among equal counts is Vietnamese, not the
        // keys': every keyword tied with the last one taken competes for
        // the places left.
        if rows.len() == limit
            && let Some(&(_, last)) = rows.last()
        {
            rows.retain(|(_, n)| *n != last);
            rows.extend(query(&format!("AND n = {last}"), usize::MAX)?);
        }
        rows.sort_by_cached_key(|(name, count)| (-count, crate::text::fold::vi_sort_key(name)));
        rows.truncate(limit);
        Ok(rows)
    }

    /// Write the document frequencies kept in memory to the database.
    pub fn flush_keyword_stats(&mut self) -> Result<()> {
        if let Some(stats) = &mut self.stats {
            let tx = write_tx(&self.conn)?;
            stats.flush(&tx)?;
            tx.commit()?;
        }
        Ok(())
    }

    /// How many stored articles contain the phrase (under `title_key`), and
    /// how many articles are counted.
    pub fn phrase_df(&mut self, phrase: &str) -> Result<(u64, u64)> {
        let key = crate::text::fold::title_key(phrase);
        let stats = self.stats()?;
        Ok((stats.df(&key), stats.doc_count()))
    }

    /// Rows in the document-frequency table (after a flush).
    pub fn phrase_df_rows(&self) -> Result<u64> {
        let n: i64 = self
            .conn
            .query_row("SELECT count(*) FROM phrase_df", [], |r| r.get(0))?;
        Ok(n as u64)
    }

    /// Recount the document frequencies from the stored articles (in one
    /// write transaction, so that no import counts in between).
    pub fn rebuild_keyword_stats(&mut self) -> Result<()> {
        let tx = write_tx(&self.conn)?;
        let ids: Vec<ArticleId> = tx
            .prepare("SELECT id FROM articles ORDER BY id")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        // The auto keywords that at most [`ONCE_COMPANY`] articles link, in
        // the articles' order (read along with them, not held: a million
        // articles have about as many): the candidates among them that need
        // company go unless enough other articles hold them, and wait. A
        // free phrase more articles link is left to `write_all`'s sweep.
        let mut rows = tx.prepare(
            "WITH few AS (SELECT keyword_id FROM article_keywords WHERE source = 'auto'
                 GROUP BY keyword_id HAVING count(*) <= ?1)
             SELECT ak.article_id, k.key FROM article_keywords ak
             JOIN few ON few.keyword_id = ak.keyword_id
             JOIN keywords k ON k.id = ak.keyword_id
             WHERE ak.source = 'auto' ORDER BY ak.article_id",
        )?;
        let mut single = rows.query_map([ONCE_COMPANY as i64], |r| {
            Ok((r.get::<_, ArticleId>(0)?, r.get::<_, String>(1)?))
        })?;
        let mut pending = single.next().transpose()?;
        let mut stats = KeywordStats::default();
        for id in ids {
            let Some(c) = stored_candidates(&tx, id)? else {
                continue;
            };
            while let Some((at, key)) = &pending {
                if *at > id {
                    break;
                }
                if *at == id
                    && let Some(c) = c.iter().find(|c| &c.key == key && needs_company(c))
                {
                    stats.lone.push((key.clone(), id, Company::of(c)));
                }
                pending = single.next().transpose()?;
            }
            stats.count(&c, 1);
            waiting::settle(&tx, id, &c)?;
        }
        drop(single);
        drop(rows);
        stats.write_all(&tx)?;
        tx.commit()?;
        self.stats = Some(stats);
        Ok(())
    }

    /// Rescore the auto keywords of every article that has no keywords of
    /// its own (the page's, or the user's tags)
    /// against the statistics as they are now (after a big import, the
    /// first articles were scored against few others). Returns how many
    /// articles were rescored.
    pub fn recompute_auto_keywords(&mut self) -> Result<usize> {
        self.stats()?;
        // Nothing left pending: a failed rescoring puts back exactly what
        // it changed ([`KeywordStats::roll_back`]).
        self.flush_keyword_stats()?;
        let Store { conn, stats, .. } = self;
        let Some(stats) = stats.as_mut() else {
            return Ok(0);
        };
        stats.begin();
        match rescore(conn, stats) {
            Ok(n) => {
                stats.keep();
                Ok(n)
            }
            Err(e) => {
                stats.roll_back();
                Err(e)
            }
        }
    }
}

/// [`Store::recompute_auto_keywords`] in one write transaction, judged and
/// committed.
fn rescore(conn: &Connection, stats: &mut KeywordStats) -> Result<usize> {
    let tx = write_tx(conn)?;
    let mut counts = CountDeltas::default();
    let ids: Vec<ArticleId> = tx
        .prepare(
            "SELECT id FROM articles a WHERE NOT EXISTS (
                SELECT 1 FROM article_keywords ak WHERE ak.article_id = a.id AND ak.source <> 'auto')
             ORDER BY id",
        )?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut lone = Vec::new();
    for &id in &ids {
        let Some(cands) = stored_candidates(&tx, id)? else {
            continue;
        };
        // Scored as at import: without counting the article itself;
        // what needs company is judged at the flush below, and waits
        // if too few hold it.
        stats.count(&cands, -1);
        let auto = stats.auto_keywords(&cands, None, Some(&mut lone));
        stats.count(&cands, 1);
        stats
            .lone
            .extend(lone.drain(..).map(|(key, company)| (key, id, company)));
        tx.prepare_cached("DELETE FROM article_keywords WHERE article_id = ?1")?
            .execute([id])?;
        // Scored again from its text: what waited is judged again.
        tx.prepare_cached("DELETE FROM waiting_keywords WHERE article_id = ?1")?
            .execute([id])?;
        insert_keywords(&tx, id, &auto, &mut counts)?;
    }
    write_counts(&tx, &counts)?;
    stats.flush(&tx)?;
    tx.commit()?;
    Ok(ids.len())
}
