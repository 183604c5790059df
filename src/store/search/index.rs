//! Writing the search index: an article's texts into `article_search`
//! (FTS5, docbao's tokenizer) and its syllables counted into `search_vocab`,
//! from the store (a reindex) or from memory (an import, with the syllables
//! and tokens made on the preparing threads).

use rusqlite::{Connection, params};

use super::super::Result;
use super::super::fts5::tokenizer::{Pretokenized, with_pretokenized};
use crate::model::{ArticleId, ImportOutcome};
use crate::text::syllables::{Forms, for_each_syllable, for_each_syllable_range};

/// What the index holds of each article but its body (read and unpacked in
/// Rust, see [`super::super::body`]), read back from the store: the ids come as a
/// JSON array in `?1`.
const ARTICLE_TEXTS: &str = "
SELECT a.id,
       a.title,
       a.lead,
       (SELECT group_concat(k.name, char(10) ORDER BY ak.pos)
        FROM article_keywords ak JOIN keywords k ON k.id = ak.keyword_id
        WHERE ak.article_id = a.id)
FROM articles a WHERE a.id IN (SELECT value FROM json_each(?1))
ORDER BY a.id";

/// Count the syllables of `text` (their exact forms, each with its folded
/// form) into `vocab`, once per article: `article` is the syllables of the
/// article counted so far.
fn collect_vocab(
    text: &str,
    article: &mut rustc_hash::FxHashSet<String>,
    vocab: &mut rustc_hash::FxHashMap<String, (String, i64)>,
) {
    for_each_syllable(text, |s| {
        if !article.contains(s.exact) {
            article.insert(s.exact.to_string());
            count_syllable(s.exact, s.folded, vocab);
        }
        true
    });
}

/// One more article has the syllable `exact` (folded: `folded`).
fn count_syllable(
    exact: &str,
    folded: &str,
    vocab: &mut rustc_hash::FxHashMap<String, (String, i64)>,
) {
    match vocab.get_mut(exact) {
        Some((_, n)) => *n += 1,
        None => {
            vocab.insert(exact.to_string(), (folded.to_string(), 1));
        }
    }
}
/// An article's text as the search index takes it, with what was made of
/// it ahead of time (off the store's thread, by [`prepare_texts`]).
#[derive(Debug)]
pub(in crate::store) struct SearchDoc {
    pub id: ArticleId,
    pub title: Option<String>,
    pub lead: Option<String>,
    pub body: Option<String>,
    pub keywords: Option<String>,
    pub prepared: Option<PreparedTexts>,
}

/// Some texts of an article, split into syllables once: their distinct
/// syllables (for `search_vocab`) and each text's tokens (for FTS5).
#[derive(Debug, Default)]
pub(in crate::store) struct PreparedTexts {
    syllables: Syllables,
    tokens: Vec<Pretokenized>,
}

/// Split these texts (an article's title, lead and body) into syllables,
/// once for both the vocabulary and the index's tokens.
pub(in crate::store) fn prepare_texts<'a>(
    texts: impl IntoIterator<Item = &'a str>,
) -> PreparedTexts {
    // Each spelling met is made into its forms once ([`Forms`]): an
    // article says most of its syllables many times. `spelled` holds the
    // exact form of each spelling, at the place `known` gives.
    // Sized for a long article's spellings: growing them cost this step
    // 568 -> 485 M instructions (callgrind, 1,500 baomoi articles).
    // (`from` at `u32::MAX`: the exact form is the spelling itself.)
    let mut known: rustc_hash::FxHashMap<&'a str, (u32, u32)> =
        rustc_hash::FxHashMap::with_capacity_and_hasher(1024, Default::default());
    let mut spelled = String::with_capacity(8192);
    let mut seen: rustc_hash::FxHashSet<String> =
        rustc_hash::FxHashSet::with_capacity_and_hasher(1024, Default::default());
    let mut forms = Forms::default();
    let mut out = PreparedTexts::default();
    for text in texts {
        let mut tokens = Pretokenized::new(text);
        for_each_syllable_range(text, |range| {
            let raw = &text[range.clone()];
            let (from, to) = *known.entry(raw).or_insert_with(|| {
                let (exact, folded) = forms.of(raw);
                if !seen.contains(exact) {
                    seen.insert(exact.to_string());
                    out.syllables.push(exact, folded);
                }
                if exact == raw {
                    return (u32::MAX, 0);
                }
                let from = spelled.len() as u32;
                spelled.push_str(exact);
                (from, spelled.len() as u32)
            });
            if let Some(t) = &mut tokens {
                let exact = spelled.get(from as usize..to as usize);
                t.push(exact, range.start, range.end);
            }
            true
        });
        out.tokens.extend(tokens);
    }
    out
}

/// The distinct syllables of some texts, each as its exact and its folded
/// form, one after the other in one string.
#[derive(Debug, Default)]
struct Syllables {
    text: String,
    /// Where each syllable's exact form ends in `text`, then its folded form.
    ends: Vec<[u32; 2]>,
}

impl Syllables {
    fn push(&mut self, exact: &str, folded: &str) {
        self.text.push_str(exact);
        let exact_end = self.text.len() as u32;
        self.text.push_str(folded);
        self.ends.push([exact_end, self.text.len() as u32]);
    }

    fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        let mut from = 0usize;
        self.ends.iter().map(move |&[e, f]| {
            let (e, f) = (e as usize, f as usize);
            let pair = (
                self.text.get(from..e).unwrap_or_default(),
                self.text.get(e..f).unwrap_or_default(),
            );
            from = f;
            pair
        })
    }
}

/// Bring the index up to date after imports: (re)write the row of every
/// added or updated article from what is stored now; unchanged ones keep
/// theirs. An article imported twice is indexed once; its old row is removed
/// only when it had one (its first outcome was an update).
pub(in crate::store) fn index_outcomes(
    conn: &Connection,
    outcomes: &[ImportOutcome],
) -> Result<()> {
    let mut seen = std::collections::HashSet::with_capacity(outcomes.len());
    let mut docs = Vec::new();
    for out in outcomes {
        let (id, had_row) = match *out {
            ImportOutcome::Added(id) => (id, false),
            ImportOutcome::Updated(id) => (id, true),
            ImportOutcome::Unchanged(_) => continue,
        };
        if seen.insert(id) {
            docs.push((
                had_row,
                SearchDoc {
                    id,
                    title: None,
                    lead: None,
                    body: None,
                    keywords: None,
                    prepared: None,
                },
            ));
        }
    }
    if docs.is_empty() {
        return Ok(());
    }
    let ids = json_ids(docs.iter().map(|(_, d)| d.id));
    let mut texts = std::collections::HashMap::with_capacity(docs.len());
    {
        let mut read = conn.prepare_cached(ARTICLE_TEXTS)?;
        let mut rows = read.query([&ids])?;
        while let Some(row) = rows.next()? {
            let id: ArticleId = row.get(0)?;
            texts.insert(id, (row.get(1)?, row.get(2)?, row.get(3)?));
        }
    }
    for (_, doc) in &mut docs {
        if let Some((title, lead, keywords)) = texts.remove(&doc.id) {
            (doc.title, doc.lead, doc.keywords) = (title, lead, keywords);
            doc.body = super::super::body::joined_text(conn, doc.id)?;
        }
    }
    write_index(conn, docs)
}

fn json_ids(ids: impl Iterator<Item = ArticleId>) -> String {
    let list: Vec<String> = ids.map(|id| id.to_string()).collect();
    format!("[{}]", list.join(","))
}

/// Write the index rows of these articles (`true`: it has a row already,
/// which is removed first), and count their syllables into `search_vocab`.
/// An article listed twice is written once, from its last text.
///
/// Called once per transaction, never inside a per-article savepoint: FTS5
/// flushes its pending terms into a new segment at each savepoint, and one
/// segment per article (then merging them) made the 35k-article import six
/// times slower.
pub(in crate::store) fn write_index(conn: &Connection, docs: Vec<(bool, SearchDoc)>) -> Result<()> {
    let mut by_id: rustc_hash::FxHashMap<ArticleId, (bool, SearchDoc)> =
        rustc_hash::FxHashMap::default();
    for (had_row, doc) in docs {
        let had_row = by_id.get(&doc.id).map_or(had_row, |(first, _)| *first);
        by_id.insert(doc.id, (had_row, doc));
    }
    if by_id.is_empty() {
        return Ok(());
    }
    let mut docs: Vec<(bool, SearchDoc)> = by_id.into_values().collect();
    docs.sort_unstable_by_key(|(_, d)| d.id);
    let replaced: Vec<ArticleId> = docs.iter().filter(|(r, _)| *r).map(|(_, d)| d.id).collect();
    // One FTS5 statement each for the whole batch: SQLite opens a statement
    // savepoint for every INSERT into a virtual table, and FTS5 flushes its
    // pending terms into a new segment at each one. A statement per article
    // meant a segment per article (a third of the import's time went to
    // writing and merging them). The rows wait in a temporary table.
    if !replaced.is_empty() {
        conn.prepare_cached(
            "DELETE FROM article_search WHERE rowid IN (SELECT value FROM json_each(?1))",
        )?
        .execute([json_ids(replaced.into_iter())])?;
    }
    conn.prepare_cached(
        "DELETE FROM search_reindex WHERE id IN (SELECT value FROM json_each(?1))",
    )?
    .execute([json_ids(docs.iter().map(|(_, d)| d.id))])?;
    conn.execute_batch(
        "CREATE TEMP TABLE IF NOT EXISTS search_stage (
             id INTEGER PRIMARY KEY, title TEXT, lead TEXT, body TEXT, keywords TEXT)",
    )?;
    let mut vocab = rustc_hash::FxHashMap::default();
    let mut article = rustc_hash::FxHashSet::default();
    {
        let mut stage = conn.prepare_cached(
            "INSERT INTO temp.search_stage (id, title, lead, body, keywords)
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        for (_, doc) in &docs {
            if doc.title.is_none() {
                continue; // not stored (any more): only its old row goes
            }
            article.clear();
            match doc.prepared.as_ref().map(|p| &p.syllables) {
                Some(known) => {
                    for (exact, folded) in known.iter() {
                        count_syllable(exact, folded, &mut vocab);
                    }
                    if let Some(k) = &doc.keywords {
                        let known: rustc_hash::FxHashSet<&str> =
                            known.iter().map(|(e, _)| e).collect();
                        for_each_syllable(k, |s| {
                            if !known.contains(s.exact) && article.insert(s.exact.to_string()) {
                                count_syllable(s.exact, s.folded, &mut vocab);
                            }
                            true
                        });
                    }
                }
                None => {
                    for text in [&doc.title, &doc.lead, &doc.body, &doc.keywords]
                        .into_iter()
                        .flatten()
                    {
                        collect_vocab(text, &mut article, &mut vocab);
                    }
                }
            }
            stage.execute(params![doc.id, doc.title, doc.lead, doc.body, doc.keywords])?;
        }
    }
    let tokens = docs
        .iter_mut()
        .flat_map(|(_, d)| d.prepared.take().map(|p| p.tokens).unwrap_or_default());
    with_pretokenized(tokens, || {
        conn.execute_batch(
            "INSERT INTO article_search (rowid, title, lead, body, keywords)
                 SELECT id, title, lead, body, keywords FROM temp.search_stage ORDER BY id;
             DELETE FROM temp.search_stage;",
        )
    })?;
    let mut vocab: Vec<(String, (String, i64))> = vocab.into_iter().collect();
    vocab.sort_unstable_by(|a, b| (&a.1.0, &a.0).cmp(&(&b.1.0, &b.0)));
    let mut add = conn.prepare_cached(
        "INSERT INTO search_vocab (folded, exact, n) VALUES (?1, ?2, ?3)
         ON CONFLICT (folded, exact) DO UPDATE SET n = n + excluded.n",
    )?;
    for (exact, (folded, n)) in &vocab {
        add.execute(params![folded, exact, n])?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tokens prepared for each text are those the tokenizer would
    /// make of it: words in lower case (handed over as the text's own
    /// bytes), capitals, look-alike letters, a spelling met twice, an
    /// address, numbers.
    #[test]
    fn prepared_tokens_are_the_tokenizers_own() {
        let texts = [
            "Ðà Nẵng: Bộ GD&ĐT nói người dân ở Đà Nẵng, đà nẵng và ĐÀ NẴNG",
            "Xem tại https://vnexpress.net/the-thao-123.html, 12,5% (ảnh: TTXVN) Hoà Bình",
            "",
            "một hai ba",
        ];
        let prepared = prepare_texts(texts);
        assert_eq!(prepared.tokens.len(), texts.len());
        let mut kept = Vec::new();
        for (ahead, text) in prepared.tokens.iter().zip(texts) {
            let ([made, own], apart) = crate::store::fts5::tokenizer::both_tokens(ahead, text);
            assert_eq!(made, own, "{text}");
            kept.push(apart);
        }
        // Only the syllables not written as they are kept apart: capitals
        // and look-alikes, not a word in lower case ("nói", "người").
        assert_eq!(kept[0], "đànẵngbộgdđtđànẵngđànẵng");
        assert_eq!(kept[1], "xemttxvnhoàbình");
        assert_eq!(kept[3], "");
    }
}
