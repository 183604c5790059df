//! Full-text search (issues 5 and 13): an FTS5 index over title, lead, body
//! and keywords that knows Vietnamese syllables.
//!
//! # Design: the written syllables, and a vocabulary for the rest
//!
//! The index's tokenizer is docbao's own, `docbao` (src/store/fts5/tokenizer.rs,
//! registered on every connection through FTS5's C API): each syllable is
//! indexed as written (lower case, NFC), from [`crate::text::syllables`],
//! the splitting that query parsing and
//! [`crate::text::search::find_matches`] use too. A query syllable typed
//! with marks is that token. One typed without marks stands for every
//! spelling of it the store holds, and the last syllable, a prefix, for the
//! syllables it starts: both are looked up in `search_vocab` (every indexed
//! syllable under its folded form, with about how many articles hold it)
//! and written into the FTS5 query as synonyms of one token
//! ([`Store::synonyms`], [`crate::text::search::Query::fts_expression_with`]),
//! which work inside phrases and `NEAR` groups. Until issue 14 the folded
//! form was indexed too, at the same position, and two- and three-letter
//! prefixes had prefix indexes: 780 MB of index for 100,000 articles, 2.3
//! times this one, for the same results. Until issue 13 the index was fed a
//! folded copy of the text through `unicode61`, so marks typed could not
//! narrow a search; the cost of the tokenizer is that the sqlite3 shell
//! cannot search the index (deleting articles there works with the bundled
//! SQLite, which loads a table's tokenizer only to tokenize:
//! `tests/store_open.rs` deletes through a plain connection).
//!
//! The table is contentless with `contentless_delete=1` (SQLite 3.43+): it
//! keeps only the inverted index and column sizes (all that bm25 needs), not
//! a second copy of the text, and rows can be deleted and replaced by
//! rowid = article id. Snippets are cut in Rust from the stored bodies
//! of the hits on the page; ranking stays in SQLite.
//!
//! A store made before version 14 lists every article in `search_reindex`
//! and is indexed again by [`Store::reindex_pending`] when it opens.
//!
//! Measured on 100,000 articles (BENCHMARKS.md, "Search (issue 5)", when
//! every query word was a prefix; since issue 13 only the last one is),
//! what a common query costs comes from three
//! places, each dealt with here:
//!
//! - prefixes: FTS5 merges the whole doclist of every term a `"ha"*` query
//!   stands for before it returns a row (180 ms on 100,000 articles), so a
//!   prefix is the syllables `search_vocab` says it starts, at most
//!   [`MAX_SYNONYMS`] of them, the most common first, which FTS5 reads
//!   lazily, newest first;
//! - ranking: bm25() over all 94,000 matches of "ha" took 400 ms, so only the
//!   newest [`CANDIDATES`] matches are ranked, and bm25()'s first call counts
//!   every row of every phrase for its idf (10–35 ms a query), so ranking is
//!   `docbao_rank()` (src/store/fts5/rank.rs): bm25 with frequencies counted up to
//!   a thousand rows and estimated past them;
//! - positions (issue 14, at 1,000,000 articles): a phrase or `NEAR` tier of
//!   common syllables with few matches read every article holding all of
//!   them (`thi dai hoc`: 134,173 of them for 1,608 phrases, 150–280 ms), so
//!   such a tier, when a syllable was typed without marks or as a prefix,
//!   looks at the newest articles first ([`Window`], src/store/search/plan.rs).
//!
//! `docbao_fold()` is a scalar SQL function registered on every connection
//! ([`register_functions`]): migration 002 indexed with it, and the keyword
//! filter compares with it. The store keeps the index in step: an import
//! re-indexes every added or changed article once its paragraphs and
//! keywords are written (an unchanged re-import leaves it alone; keywords
//! the flush links later, `store::waiting`, join it when the article is
//! indexed again), and a trigger deletes the row with the article.

use rusqlite::functions::{Context, FunctionFlags};
use rusqlite::types::{Value, ValueRef};
use rusqlite::{Connection, OptionalExtension, params, params_from_iter};

use super::list::filter_sql;
use super::{Result, Store};
use crate::model::{ArticleId, ImportOutcome, ListFilter, SearchHit, Snippet};
use crate::text::fold::search_fold;
use crate::text::search::{Query, Term, snippet};
use crate::text::syllables::{
    bare_y_for_i, for_each_syllable, one_word_either_letter, syllable_matches, tone_moved, y_for_i,
};
pub(super) use index::{PreparedTexts, SearchDoc, index_outcomes, prepare_texts, write_index};
pub use plan::Window;

/// [`super::fts5::rank::WEIGHTS`] as bm25() takes them, for the tests that check
/// `docbao_rank()` against bm25().
#[cfg(test)]
const WEIGHTS: &str = "10.0, 4.0, 1.0, 5.0";

/// How many of the matches (the most recently stored) a search ranks.
pub const CANDIDATES: usize = 2000;

/// What a tier adds to the scores of its articles: more than any bm25.
const TIER: f64 = 1e6;

/// The share of the store `docbao_rank()` is told a phrase tier's phrase is
/// in, instead of counting its rows: counting a rare phrase reads every
/// article that has all its syllables, and within the tier the phrase's idf
/// only scales every score alike (its quoted phrases, if any, are counted).
const PHRASE_SHARE: &str = "0.01";

/// About how many characters a snippet shows.
pub const SNIPPET_CHARS: usize = 160;

/// At most this many indexed syllables stand for one query syllable: its
/// spellings ("dan": "dân", "đàn", … rarely more than 20) or, for a prefix,
/// the syllables it starts, the most common first ("ng": "người", "ngày", …;
/// the rarest completions of a one- or two-letter prefix are left out).
pub const MAX_SYNONYMS: usize = 64;

/// The smallest string greater than every string that starts with `w`: its
/// last character moved one up (UTF-8 sorts as code points do).
fn prefix_upper_bound(w: &str) -> Option<String> {
    let mut chars: Vec<char> = w.chars().collect();
    let last = chars.pop()?;
    let mut next = last as u32 + 1;
    if (0xD800..0xE000).contains(&next) {
        next = 0xE000;
    }
    chars.push(char::from_u32(next)?);
    Some(chars.into_iter().collect())
}

/// What the syllables of a query stand for: (syllable, prefix) → synonyms,
/// and about how many articles hold one of them (from `search_vocab`).
type Expansions = std::collections::HashMap<(String, bool), (Vec<String>, i64)>;

/// The expansion [`Query::fts_expression_with`] takes, from [`Store::expansions`].
fn expand_with(ex: &Expansions) -> impl FnMut(&str, bool) -> Vec<String> + '_ {
    |w, prefix| {
        ex.get(&(w.to_string(), prefix))
            .map(|(alts, _)| alts.clone())
            .unwrap_or_default()
    }
}

/// One tier of a search: its FTS5 expression, the shares `docbao_rank()`
/// takes with it, and whether it checks positions (a phrase or `NEAR`),
/// which is what [`plan::Window`] bounds.
struct Tier {
    expr: String,
    shares: String,
    positional: bool,
    /// The phrase with its last syllable (typed as a prefix) whole, the
    /// tier above the same phrase with it as a prefix: see [`FEW_WHOLE`].
    whole: bool,
}

/// How many matches the phrase with its last syllable whole must have
/// among the first [`JUDGE`] of the phrase with it as a prefix to rank
/// above it: fewer, and the syllable typed is more likely the start of
/// another one ("thai bi": 50 articles where "Thái" stands before "bị",
/// across two words, as "biến thái bị bắt", against 1,017 for "Thái Bình",
/// "thái bình", …; "chung kho": "chúng khó" 44, "chứng khoán" 823), and
/// the prefix tier ranks them all together ("tai nan": "tai nạn" 1,782 of
/// 2,000, kept above "tài năng").
const FEW_WHOLE: usize = 5;

/// A last syllable typed as a prefix is judged ([`FEW_WHOLE`]) only when
/// the syllables it starts are in more than this many times the articles
/// its own spellings are in (`search_vocab`'s counts): otherwise its phrase
/// as a prefix is nearly its phrase whole ("hoc", "nay", "thong"), and the
/// whole tier ranks first as it did, at no cost.
const AMBIGUOUS: i64 = 2;

/// The rows the whole-syllable phrase tier is asked for at least, to judge
/// whether it is common ([`FEW_WHOLE`]), whatever the page's size.
const JUDGE: usize = 200;

/// Register `docbao_fold(text)` on a connection: [`search_fold`], NULL for
/// NULL; `docbao_words_start(name, query)`:
/// [`crate::text::syllables::words_start`]; and `docbao_marks_agree(name,
/// query)`: [`crate::text::syllables::marks_agree`].
pub(super) fn register_functions(conn: &Connection) -> rusqlite::Result<()> {
    super::fts5::register(conn)?;
    // (name, query): each given the query first, as the text module reads.
    type NameTest = fn(&str, &str) -> bool;
    let pairs: [(&str, NameTest); 2] = [
        ("docbao_words_start", crate::text::syllables::words_start),
        ("docbao_marks_agree", crate::text::syllables::marks_agree),
    ];
    for (name, test) in pairs {
        conn.create_scalar_function(
            name,
            2,
            FunctionFlags::SQLITE_UTF8
                | FunctionFlags::SQLITE_DETERMINISTIC
                | FunctionFlags::SQLITE_INNOCUOUS,
            move |ctx: &mut Context<'_>| {
                let text = |i: usize| match ctx.get_raw(i) {
                    ValueRef::Text(t) => String::from_utf8_lossy(t).into_owned(),
                    _ => String::new(),
                };
                Ok(test(&text(1), &text(0)))
            },
        )?;
    }
    // `docbao_one_syllable(text)`: migration 028 drops from `search_vocab`
    // the runs of Chinese, Japanese, Thai… letters it held as one syllable.
    conn.create_scalar_function(
        "docbao_one_syllable",
        1,
        FunctionFlags::SQLITE_UTF8
            | FunctionFlags::SQLITE_DETERMINISTIC
            | FunctionFlags::SQLITE_INNOCUOUS,
        |ctx: &mut Context<'_>| {
            Ok(match ctx.get_raw(0) {
                ValueRef::Text(t) => {
                    crate::text::syllables::is_one_syllable(&String::from_utf8_lossy(t))
                }
                _ => true,
            })
        },
    )?;
    conn.create_scalar_function(
        "docbao_fold",
        1,
        FunctionFlags::SQLITE_UTF8
            | FunctionFlags::SQLITE_DETERMINISTIC
            | FunctionFlags::SQLITE_INNOCUOUS,
        |ctx: &mut Context<'_>| {
            Ok(match ctx.get_raw(0) {
                ValueRef::Null => Value::Null,
                ValueRef::Text(t) => Value::Text(match std::str::from_utf8(t) {
                    Ok(s) => search_fold(s),
                    Err(_) => search_fold(&String::from_utf8_lossy(t)),
                }),
                ValueRef::Integer(i) => Value::Text(i.to_string()),
                ValueRef::Real(f) => Value::Text(f.to_string()),
                ValueRef::Blob(_) => Value::Null,
            })
        },
    )
}

/// How many articles a batch of [`Store::reindex_pending`] indexes.
const REINDEX_BATCH: i64 = 2000;

impl Store {
    /// Index the articles listed in `search_reindex` (every article of a
    /// store made by an older docbao, migration 011), newest first, in
    /// batches of [`REINDEX_BATCH`], each in its own transaction (a store
    /// left half done goes on at the next open; another process doing the
    /// same meanwhile takes other batches), calling `progress(done, total)`
    /// after each. Returns how many were indexed.
    pub fn reindex_pending(&mut self, mut progress: impl FnMut(usize, usize)) -> Result<usize> {
        let count = |c: &Connection| -> rusqlite::Result<i64> {
            c.query_row("SELECT count(*) FROM search_reindex", [], |r| r.get(0))
        };
        let total = count(&self.conn)?.max(0) as usize;
        let mut done = 0;
        while done < total {
            let tx = self
                .conn
                .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            let ids: Vec<ArticleId> = tx
                .prepare_cached("SELECT id FROM search_reindex ORDER BY id DESC LIMIT ?1")?
                .query_map([REINDEX_BATCH], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            if ids.is_empty() {
                break;
            }
            let outcomes: Vec<ImportOutcome> =
                ids.iter().map(|&id| ImportOutcome::Added(id)).collect();
            index_outcomes(&tx, &outcomes)?;
            tx.commit()?;
            done += ids.len();
            progress(done.min(total), total);
        }
        Ok(done)
    }

    /// The indexed syllables a query syllable (in its exact form) stands
    /// for: typed without marks, its spellings; as a `prefix`, the syllables
    /// it starts (by [`syllable_matches`], as in-text finding compares), the
    /// most common first, at most [`MAX_SYNONYMS`]. Empty for a syllable typed
    /// with marks and not a prefix (it stands for itself), unless the store
    /// has it with its tone on the other vowel too ([`tone_moved`]). A syllable the
    /// store has never indexed stands for itself, which matches nothing.
    /// With them, about how many articles hold one of them (the sum of
    /// their counts).
    fn synonyms(&self, w: &str, prefix: bool) -> Result<(Vec<String>, i64)> {
        let folded_of = |w: &str| {
            let mut folded = String::new();
            for_each_syllable(w, |s| {
                folded.push_str(s.folded);
                true
            });
            folded
        };
        let folded = folded_of(w);
        if !prefix && folded != w {
            let n_of = |exact: &str| -> Result<Option<i64>> {
                Ok(self
                    .conn
                    .prepare_cached("SELECT n FROM search_vocab WHERE folded = ?1 AND exact = ?2")?
                    .query_row(params![folded_of(exact), exact], |r| r.get(0))
                    .optional()?)
            };
            let n = n_of(w)?;
            // With its tone on the other vowel ("hoà", "hòa"), or with "y"
            // for "i" ("kĩ", "kỹ"), the same syllable: both spellings, when
            // the store has the other.
            if let Some(other) = tone_moved(w).or_else(|| y_for_i(w))
                && let Some(m) = n_of(&other)?
            {
                let mut both: Vec<String> = n.map(|_| w.to_string()).into_iter().collect();
                both.push(other);
                return Ok((both, n.unwrap_or(0).saturating_add(m)));
            }
            return Ok((Vec::new(), n.unwrap_or(0)));
        }
        let mut out = Vec::new();
        let mut df = 0i64;
        if prefix {
            // A whole syllable spelt with "i" or "y" ([`y_for_i`]) starts
            // the syllables of its other spelling too ("Thụy Sĩ" typed in
            // the reader finds "Thụy Sỹ" before a space follows it).
            let other = y_for_i(w);
            // No bound (nothing a start could be): FTS5's own prefix query.
            if prefix_upper_bound(&folded).is_none() {
                return Ok((Vec::new(), 0));
            }
            let mut stmt = self.conn.prepare_cached(
                "SELECT exact, folded, n FROM search_vocab WHERE folded >= ?1 AND folded < ?2
                 ORDER BY n DESC, exact",
            )?;
            for w in std::iter::once(w).chain(other.as_deref()) {
                let folded = folded_of(w);
                let Some(upper) = prefix_upper_bound(&folded) else {
                    continue;
                };
                let mut rows = stmt.query(params![folded, upper])?;
                while out.len() < MAX_SYNONYMS
                    && let Some(r) = rows.next()?
                {
                    let exact: String = r.get(0)?;
                    let f: String = r.get(1)?;
                    if syllable_matches(w, &exact, &f, true) {
                        out.push(exact);
                        df = df.saturating_add(r.get(2)?);
                    }
                }
            }
        } else {
            let mut stmt = self.conn.prepare_cached(
                "SELECT exact, n FROM search_vocab WHERE folded = ?1
                 ORDER BY n DESC, exact LIMIT ?2",
            )?;
            let mut rows = stmt.query(params![folded, MAX_SYNONYMS as i64])?;
            while let Some(r) = rows.next()? {
                out.push(r.get(0)?);
                df = df.saturating_add(r.get(1)?);
            }
        }
        // Typed without marks, "ki" is also the toned spellings of "ky"
        // ([`bare_y_for_i`]): "ki thuat" found 28 Dân trí articles, "kĩ
        // thuật" 258 (a tester's find). Whole, or the start typed last.
        if let Some(other) = (folded == w).then(|| bare_y_for_i(w)).flatten() {
            let mut stmt = self.conn.prepare_cached(
                "SELECT exact, n FROM search_vocab WHERE folded = ?1 ORDER BY n DESC, exact",
            )?;
            let mut rows = stmt.query(params![other])?;
            while out.len() < MAX_SYNONYMS
                && let Some(r) = rows.next()?
            {
                let exact: String = r.get(0)?;
                if one_word_either_letter(&exact) && !out.contains(&exact) {
                    out.push(exact);
                    df = df.saturating_add(r.get(1)?);
                }
            }
        }
        if out.is_empty() {
            out.push(w.to_string());
        }
        Ok((out, df))
    }

    /// What every syllable of `query` stands for ([`Store::synonyms`]),
    /// whole and, for the last one typed, as a prefix: the expansion
    /// [`Query::fts_expression_with`] takes.
    fn expansions(&self, query: &Query) -> Result<Expansions> {
        let mut map = Expansions::default();
        let mut add = |w: &str, prefix: bool| -> Result<()> {
            if let std::collections::hash_map::Entry::Vacant(e) = map.entry((w.to_string(), prefix))
            {
                e.insert(self.synonyms(w, prefix)?);
            }
            Ok(())
        };
        for term in &query.terms {
            match term {
                Term::Word(w) => add(w, false)?,
                Term::Prefix(w) => {
                    add(w, true)?;
                    // The phrase tier asks for it whole first.
                    add(w, false)?;
                }
                Term::Phrase { words, prefix } => {
                    for (i, w) in words.iter().enumerate() {
                        add(w, *prefix && i + 1 == words.len())?;
                    }
                }
                Term::Glued { words, prefix } => {
                    for w in words {
                        add(w, false)?;
                    }
                    if let (Some(w), true) = (words.last(), *prefix) {
                        add(w, true)?;
                    }
                }
            }
        }
        Ok(map)
    }

    /// Articles matching `query` (as a user typed it: see [`Query::parse`])
    /// and the filter, best first, newest first among equal scores. An empty
    /// query gives no hits.
    ///
    /// The order has tiers (issue 13): where the syllables typed outside
    /// quotes stand next to each other in order (a phrase: with the last one
    /// whole, then as a prefix), then where they
    /// are near each other (`NEAR`, [`crate::text::search::NEAR_DISTANCE`]), then where they are
    /// merely all present; within a tier bm25 (title hits above body hits).
    /// Each tier ranks its newest [`CANDIDATES`] matches; a phrase or `NEAR`
    /// tier with a syllable typed without marks or as a prefix, when its walk
    /// through the store is expected to be long, ranks those among the newest
    /// articles if they fill its part of the page ([`Window`]).
    pub fn search(&self, query: &str, filter: &ListFilter, limit: usize) -> Result<Vec<SearchHit>> {
        self.search_query(&Query::parse(query), filter, limit)
    }

    /// [`Store::search`] for a longer page of results already held in part:
    /// an article whose snippet is in `known` keeps it, and only the others'
    /// texts are read. The ranking is worked out again (the store may have
    /// changed since); the snippets are what cost, a body read and
    /// decompressed for each (at 100,000 articles, 2,000 results took
    /// 0.5-0.9 s, 200 about 0.05 s).
    pub fn search_more(
        &self,
        query: &str,
        filter: &ListFilter,
        limit: usize,
        known: &std::collections::HashMap<ArticleId, Snippet>,
    ) -> Result<Vec<SearchHit>> {
        self.search_query_known(
            &Query::parse(query),
            filter,
            limit,
            Some(Window::default()),
            known,
        )
    }

    /// The FTS5 expression of every match of `query` and the shares
    /// `docbao_rank()` takes with it (one phrase per term, each counted).
    fn match_expression(&self, query: &Query, ex: &Expansions) -> Option<(String, String)> {
        let expr = query.fts_expression_with(expand_with(ex))?;
        Some((expr, vec![""; query.terms.len()].join(",")))
    }

    /// The tiers of a search, best first, and for each syllable of its
    /// phrases about how many articles hold it (the loose syllables whole,
    /// then those of the quoted phrases).
    fn tiers(&self, query: &Query) -> Result<(Vec<Tier>, Vec<i64>)> {
        let ex = self.expansions(query)?;
        let Some((all, all_shares)) = self.match_expression(query, &ex) else {
            return Ok((Vec::new(), Vec::new()));
        };
        let df = |w: &str, prefix: bool| ex.get(&(w.to_string(), prefix)).map_or(0, |e| e.1);
        let mut counts: Vec<i64> = query.loose_words().0.iter().map(|w| df(w, false)).collect();
        let mut quoted_phrase = false;
        for term in &query.terms {
            if let Term::Phrase { words, prefix } = term {
                quoted_phrase |= words.len() > 1;
                for (i, w) in words.iter().enumerate() {
                    counts.push(df(w, *prefix && i + 1 == words.len()));
                }
            }
        }
        let tier = |expr: String, shares: String| Tier {
            expr,
            shares,
            positional: true,
            whole: false,
        };
        let mut tiers = Vec::with_capacity(4);
        if let (Some(phrase), Some(near)) = (
            query.as_phrase(),
            query.near_expression_with(expand_with(&ex)),
        ) {
            // The quoted phrases, and the glued syllables next to each other.
            let quoted = Query {
                terms: query
                    .terms
                    .iter()
                    .filter(|t| matches!(t, Term::Phrase { .. } | Term::Glued { .. }))
                    .cloned()
                    .collect(),
            };
            // The last syllable whole first ("tai nan" is "tai nạn" before
            // "tài năng"), then as a prefix.
            let mut whole = phrase.clone();
            if let Some(Term::Phrase { words, prefix }) = whole.terms.first_mut()
                && *prefix
            {
                *prefix = false;
                // Whether the syllables the last one starts are in many
                // more articles than its own spellings ("bi": bị, bì… in
                // 26,161 of the 35,440-article store, and with biết, bình,
                // biển… 96,480 occurrences; "hoc": 9,487 and 9,525).
                let last = words.last().map_or("", String::as_str);
                let ambiguous = df(last, true) > AMBIGUOUS * df(last, false);
                if let Some(e) = whole.fts_expression_with(expand_with(&ex)) {
                    tiers.push(Tier {
                        whole: ambiguous,
                        ..tier(e, PHRASE_SHARE.into())
                    });
                }
            }
            if let Some(e) = phrase.fts_expression_with(expand_with(&ex)) {
                tiers.push(tier(e, PHRASE_SHARE.into()));
            }
            let near = match quoted.fts_expression_with(expand_with(&ex)) {
                Some(q) => format!("{near} AND {q}"),
                None => near,
            };
            tiers.push(tier(near, String::new()));
        }
        // Every match: positional only through a quoted phrase.
        tiers.push(Tier {
            expr: all,
            shares: all_shares,
            positional: quoted_phrase,
            whole: false,
        });
        Ok((tiers, counts))
    }

    /// How many articles match `query` (as a user typed it) and the filter,
    /// counted up to [`CANDIDATES`]: the count, and whether there are more.
    pub fn search_count(&self, query: &str, filter: &ListFilter) -> Result<(usize, bool)> {
        self.search_count_query(&Query::parse(query), filter)
    }

    /// [`Store::search_count`] for a parsed query.
    pub fn search_count_query(&self, query: &Query, filter: &ListFilter) -> Result<(usize, bool)> {
        let ex = self.expansions(query)?;
        let Some((expr, _)) = self.match_expression(query, &ex) else {
            return Ok((0, false));
        };
        let (where_sql, filter_args) = filter_sql(filter);
        let join = if where_sql != "1" {
            "JOIN articles a ON a.id = article_search.rowid"
        } else {
            ""
        };
        let sql = format!(
            "SELECT count(*) FROM (SELECT 1 FROM article_search {join}
             WHERE article_search MATCH ? AND {where_sql} LIMIT {})",
            CANDIDATES + 1
        );
        let mut args: Vec<Value> = Vec::with_capacity(filter_args.len() + 1);
        args.push(expr.into());
        args.extend(filter_args);
        let n: i64 = self
            .conn
            .prepare_cached(&sql)?
            .query_row(params_from_iter(args.iter()), |r| r.get(0))?;
        let n = n.max(0) as usize;
        Ok((n.min(CANDIDATES), n > CANDIDATES))
    }

    /// [`Store::search`] for a parsed query.
    pub fn search_query(
        &self,
        query: &Query,
        filter: &ListFilter,
        limit: usize,
    ) -> Result<Vec<SearchHit>> {
        self.search_query_with(query, filter, limit, Some(Window::default()))
    }

    /// [`Store::search_query`] with the given [`Window`] for its positional
    /// tiers of expanded syllables (`None`: every tier over the whole store,
    /// as before issue 14).
    pub fn search_query_with(
        &self,
        query: &Query,
        filter: &ListFilter,
        limit: usize,
        window: Option<Window>,
    ) -> Result<Vec<SearchHit>> {
        self.search_query_known(query, filter, limit, window, &Default::default())
    }

    fn search_query_known(
        &self,
        query: &Query,
        filter: &ListFilter,
        limit: usize,
        window: Option<Window>,
        known: &std::collections::HashMap<ArticleId, Snippet>,
    ) -> Result<Vec<SearchHit>> {
        let (tiers, counts) = self.tiers(query)?;
        if tiers.is_empty() {
            return Ok(Vec::new());
        }
        // The newest ids a bounded tier looks at first (see `plan`).
        let bound = match window {
            Some(window) if tiers.iter().any(|t| t.positional && t.expr.contains('|')) => {
                let (lo, hi): (Option<i64>, Option<i64>) = self.conn.query_row(
                    // Two subqueries: min() and max() together scan the table.
                    "SELECT (SELECT min(id) FROM articles), (SELECT max(id) FROM articles)",
                    [],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )?;
                let (lo, hi) = (lo.unwrap_or(0), hi.unwrap_or(0));
                let span = hi - lo + 1;
                let shares: Vec<f64> = counts.iter().map(|&n| n as f64 / span as f64).collect();
                window.articles(&shares, span).map(|n| hi - n + 1)
            }
            _ => None,
        };
        let (where_sql, filter_args) = filter_sql(filter);
        // The tiers are asked one after another, best first, until the page
        // is full: an article is in the best tier it matches (a phrase match
        // is also a NEAR match and a match), so a lower tier only adds
        // articles the ones above did not give. Each tier ranks its newest
        // CANDIDATES matches (by article id: FTS5 walks its doclists in rowid
        // order and stops there), not every match: ranking costs a few µs a
        // row, and "ha noi" matches most of a large store; the newest matches
        // of a better tier among them are among that tier's own newest, so
        // every article the page shows was ranked in its own tier. The
        // articles table is joined inside only when the filter needs it, and
        // the page's details are read for the page only.
        let join = if where_sql != "1" {
            "JOIN articles a ON a.id = article_search.rowid"
        } else {
            ""
        };
        let sql = |bounded: bool| {
            let bound = if bounded {
                "AND article_search.rowid >= ?"
            } else {
                ""
            };
            format!(
                "SELECT m.id, m.score
                 FROM (SELECT article_search.rowid AS id,
                              docbao_rank(article_search,
                                          (SELECT min(id) FROM articles),
                                          (SELECT max(id) FROM articles), ?) AS score
                       FROM article_search {join}
                       WHERE article_search MATCH ? AND {where_sql} {bound}
                       ORDER BY article_search.rowid DESC LIMIT {CANDIDATES}) m
                 JOIN articles a ON a.id = m.id
                 ORDER BY m.score DESC, a.sort_ts DESC, a.id DESC LIMIT ?"
            )
        };
        let (sql_all, sql_bounded) = (sql(false), sql(bound.is_some()));
        let mut ranked: Vec<(ArticleId, f64)> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        let n_tiers = tiers.len();
        // The whole-syllable phrase tier's rows, held until the prefix
        // phrase tier says whether they are enough to rank above it.
        let mut held: Option<(Vec<(ArticleId, f64)>, f64)> = None;
        for (i, tier) in tiers.into_iter().enumerate() {
            if ranked.len() >= limit && held.is_none() {
                break;
            }
            // Every tier's scores above the next one's: what --json shows.
            let bonus = (n_tiers - 1 - i) as f64 * TIER;
            // What is still wanted, plus at most every article already
            // taken (found again here): `limit` rows; enough rows to judge
            // the whole-syllable tier (its own, and FEW_WHOLE times as many
            // of the prefix tier after it).
            let want = match (&held, tier.whole) {
                (_, true) => limit.max(JUDGE),
                (Some((rows, _)), _) => limit.max(FEW_WHOLE * rows.len()),
                (None, false) => limit,
            };
            let run = |bound: Option<i64>| -> Result<Vec<(ArticleId, f64)>> {
                let mut args: Vec<Value> = Vec::with_capacity(filter_args.len() + 4);
                args.push(tier.shares.clone().into());
                args.push(tier.expr.clone().into());
                args.extend(filter_args.iter().cloned());
                args.extend(bound.map(Value::from));
                args.push((want.min(i64::MAX as usize) as i64).into());
                let sql = if bound.is_some() {
                    &sql_bounded
                } else {
                    &sql_all
                };
                Ok(self
                    .conn
                    .prepare_cached(sql)?
                    .query_map(params_from_iter(args.iter()), |r| {
                        Ok((r.get(0)?, r.get(1)?))
                    })?
                    .collect::<rusqlite::Result<_>>()?)
            };
            // A positional tier of expanded syllables looks at the newest
            // articles first; what it finds there is kept when it fills
            // this tier's part of the page, else it looks everywhere.
            let rows = match bound {
                Some(b) if tier.positional && tier.expr.contains('|') => {
                    let rows = run(Some(b))?;
                    let new = rows.iter().filter(|(id, _)| !seen.contains(id)).count();
                    if new >= limit - ranked.len() {
                        rows
                    } else {
                        run(None)?
                    }
                }
                _ => run(None)?,
            };
            if tier.whole && rows.len() < JUDGE {
                // Rare: whether it ranks above the prefix tier depends on
                // how many that tier finds.
                held = Some((rows, bonus));
                continue;
            }
            if let Some((whole, whole_bonus)) = held.take()
                && rows.len() < FEW_WHOLE * whole.len()
            {
                // Common enough among the phrase's matches: above them.
                for (id, score) in whole {
                    if ranked.len() < limit && seen.insert(id) {
                        ranked.push((id, whole_bonus + score));
                    }
                }
            }
            for (id, score) in rows {
                if ranked.len() < limit && seen.insert(id) {
                    ranked.push((id, bonus + score));
                }
            }
        }
        let mut details = self.conn.prepare_cached(
            "SELECT title, published, date_text, sort_ts, lead, read, bookmarked
             FROM articles WHERE id = ?1",
        )?;
        let mut rows: Vec<(SearchHit, Option<String>)> = Vec::with_capacity(ranked.len());
        for (id, score) in ranked {
            rows.push(details.query_row([id], |r| {
                Ok((
                    SearchHit {
                        id,
                        title: r.get(0)?,
                        published: r.get(1)?,
                        date_text: r.get(2)?,
                        sort_ts: r.get(3)?,
                        read: r.get(5)?,
                        bookmarked: r.get(6)?,
                        score,
                        snippet: Snippet::default(),
                    },
                    r.get(4)?,
                ))
            })?);
        }
        let mut hits = Vec::with_capacity(rows.len());
        for (mut hit, lead) in rows {
            if let Some(snippet) = known.get(&hit.id) {
                hit.snippet = snippet.clone();
                hits.push(hit);
                continue;
            }
            let body = super::body::paragraphs(&self.conn, hit.id)?;
            let texts = lead
                .iter()
                .map(String::as_str)
                .chain(body.iter().map(|p| p.text.as_str()));
            hit.snippet = snippet(texts, query, SNIPPET_CHARS);
            hits.push(hit);
        }
        Ok(hits)
    }
}

mod index;
mod plan;
#[cfg(test)]
mod tests;
