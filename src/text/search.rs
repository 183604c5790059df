//! Search queries as a user types them: parsing into terms, the FTS5
//! expression the store runs, and finding the matches in the original text
//! (for snippets and for in-article find).
//!
//! Matching follows the marks (issue 13, see [`super::syllables`]): a
//! query syllable typed with its marks ("dân") matches only that spelling, one
//! typed without them ("dan") matches every spelling ("dân", "dẫn", "đàn"…);
//! case, NFC or NFD and the look-alike "Ð" do not matter. Syllables match
//! whole, except the last one typed, which matches as the start of a
//! syllable (search as you type) from two letters on: "thai bi" finds
//! "Thái Bình"; typed with marks, its tone set aside ("hà nô" finds "Hà
//! Nội": the tone is typed last), and on the command line, where the query
//! is complete, only without marks or with a `*` after it ([`Typed`]). A
//! `"quoted phrase"` matches its syllables whole, next to each
//! other and in order; syllables typed with no space between them ("5/3",
//! "TP.HCM") match next to each other too ([`Term::Glued`]). Every string is a valid query: anything that is not a
//! letter or a digit separates syllables, and the FTS5 syntax never sees the
//! user's text unquoted.

use std::ops::Range;

use super::syllables::{Syllable, for_each_syllable, syllable_matches};
pub use crate::model::Snippet;

/// At most this many terms are used; the rest of a very long query is ignored
/// (each term only narrows the result).
pub const MAX_TERMS: usize = 16;

/// One term of a query, each syllable in its exact form (lower case, NFC,
/// marks as typed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Term {
    /// A syllable that matches whole.
    Word(String),
    /// The last syllable typed (of two letters or more): it matches as the
    /// start of a syllable.
    Prefix(String),
    /// Syllables next to each other, in order; with `prefix`, the last one
    /// matches as the start of a syllable.
    Phrase { words: Vec<String>, prefix: bool },
    /// Syllables typed with no space between them ("5/3", "TP.HCM",
    /// "COVID-19"): next to each other, as a phrase, but typed outside
    /// quotes, so they are also loose syllables of the query.
    Glued { words: Vec<String>, prefix: bool },
}

impl Term {
    /// A quoted phrase: matched whole.
    pub fn phrase(words: Vec<String>) -> Term {
        Term::Phrase {
            words,
            prefix: false,
        }
    }
}

/// A parsed query: every term must match.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub terms: Vec<Term>,
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '«' | '»')
}

/// The exact forms of the syllables of `text`, with the bytes each spans.
fn exact_words(text: &str) -> Vec<(String, Range<usize>)> {
    let mut out = Vec::new();
    for_each_syllable(text, |s| {
        out.push((s.exact.to_string(), s.range));
        true
    });
    out
}

/// The syllables of `text` in runs typed with no space between them
/// ("ngày 5/3" is `[ngày]`, `[5, 3]`), each run with the byte it ends at.
fn glued_runs(text: &str) -> Vec<(Vec<String>, usize)> {
    let mut runs: Vec<(Vec<String>, usize)> = Vec::new();
    for (w, range) in exact_words(text) {
        match runs.last_mut() {
            Some((words, end)) if !text[*end..range.start].contains(char::is_whitespace) => {
                words.push(w);
                *end = range.end;
            }
            _ => runs.push((vec![w], range.end)),
        }
    }
    runs
}

/// How the last syllable of a query is read when nothing follows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Typed {
    /// Still being typed (the reader's prompt): it is the start of a
    /// syllable.
    AsYouType,
    /// Given whole (`docbao search`): typed with marks, it is that
    /// syllable, whole ("chứng khoán" is not "khoáng"), and so is a number
    /// ("50") or a syllable punctuation follows ("50%"); without marks, or
    /// with a `*` right after it, still a start.
    Complete,
}

impl Query {
    /// Parse what a user typed. Never fails: text with no letter or digit gives
    /// an empty query.
    pub fn parse(input: &str) -> Query {
        Query::parse_as(input, Typed::AsYouType)
    }

    /// [`Query::parse`], the last syllable read as `typed` says.
    pub fn parse_as(input: &str, typed: Typed) -> Query {
        let mut q = Self::parse_whole(input, typed);
        q.terms.truncate(MAX_TERMS);
        q
    }

    /// [`Query::parse_as`] without the cut at [`MAX_TERMS`]: every term typed
    /// (the command line says when some are left out).
    pub fn parse_whole(input: &str, typed: Typed) -> Query {
        let mut terms = Vec::new();
        let mut offset = 0;
        // The last syllable outside quotes: its term, and where it ends.
        let mut last: Option<(usize, usize)> = None;
        // Outside quotes, inside, outside, …; an unclosed quote runs to the end.
        for (i, part) in input.split(is_quote).enumerate() {
            let at = offset;
            offset += part.len();
            offset += input[offset..].chars().next().map_or(0, char::len_utf8);
            if i % 2 == 0 {
                for (mut words, end) in glued_runs(part) {
                    last = Some((terms.len(), at + end));
                    terms.push(match words.len() {
                        1 => Term::Word(words.remove(0)),
                        _ => Term::Glued {
                            words,
                            prefix: false,
                        },
                    });
                }
            } else {
                let words: Vec<String> = exact_words(part).into_iter().map(|(w, _)| w).collect();
                if !words.is_empty() {
                    terms.push(Term::phrase(words));
                }
            }
        }
        // The syllable the input ends with is a prefix (not one followed by
        // a space or a quote), from two letters: one letter as a prefix
        // would match a good part of the language.
        if let Some((i, end)) = last
            && !input[end..].contains(|c: char| c.is_whitespace() || is_quote(c))
        {
            // Typed whole, a syllable followed by punctuation ("50%") or a
            // number ("50" is not "500") is whole too, but for a `*`.
            let star = input[end..].starts_with('*');
            let as_prefix = |w: &str| {
                w.chars().nth(1).is_some()
                    && (typed == Typed::AsYouType
                        || star
                        || input[end..].is_empty()
                            && !w.chars().all(|c| c.is_numeric())
                            && crate::text::fold::search_fold(w) == w)
            };
            match &mut terms[i] {
                Term::Word(w) if as_prefix(w) => terms[i] = Term::Prefix(w.clone()),
                Term::Glued { words, prefix } => {
                    *prefix = words.last().is_some_and(|w| as_prefix(w));
                }
                _ => {}
            }
        }
        Query { terms }
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// The syllables typed outside quotes, in order, and whether the last
    /// is a prefix.
    pub fn loose_words(&self) -> (Vec<&str>, bool) {
        let mut words = Vec::new();
        let mut prefix = false;
        for t in &self.terms {
            match t {
                Term::Word(w) => {
                    words.push(w.as_str());
                    prefix = false;
                }
                Term::Prefix(w) => {
                    words.push(w.as_str());
                    prefix = true;
                }
                Term::Glued {
                    words: run,
                    prefix: p,
                } => {
                    words.extend(run.iter().map(String::as_str));
                    prefix = *p;
                }
                Term::Phrase { .. } => {}
            }
        }
        (words, prefix)
    }

    /// The query as a phrase: its syllables typed outside quotes next to
    /// each other, in order, and its quoted phrases; `None` when fewer than
    /// two syllables were typed outside quotes (it is its own phrase).
    pub fn as_phrase(&self) -> Option<Query> {
        let (words, prefix) = self.loose_words();
        if words.len() < 2 {
            return None;
        }
        let mut terms = vec![Term::Phrase {
            words: words.into_iter().map(str::to_string).collect(),
            prefix,
        }];
        terms.extend(
            self.terms
                .iter()
                .filter(|t| matches!(t, Term::Phrase { .. }))
                .cloned(),
        );
        Some(Query { terms })
    }

    /// The FTS5 MATCH expression, or `None` for an empty query, with every
    /// syllable as typed (no expansion: see [`Query::fts_expression_with`]).
    /// Every word is a quoted string, so no operator, column filter or stray
    /// quote of the user's reaches FTS5.
    pub fn fts_expression(&self) -> Option<String> {
        self.fts_expression_with(|_, _| Vec::new())
    }

    /// The FTS5 MATCH expression, where `expand(syllable, prefix)` gives the
    /// indexed syllables a query syllable stands for (its spellings, when it
    /// was typed without marks; the syllables it starts, when `prefix`): they
    /// are written as one token, joined by `|`, which the `docbao` tokenizer
    /// reads as synonyms. An empty expansion leaves the syllable as typed
    /// (then a prefix is FTS5's own `"w"*`).
    pub fn fts_expression_with(
        &self,
        mut expand: impl FnMut(&str, bool) -> Vec<String>,
    ) -> Option<String> {
        if self.terms.is_empty() {
            return None;
        }
        let parts: Vec<String> = self
            .terms
            .iter()
            .map(|t| match t {
                Term::Word(w) => quote(&token(w, false, &mut expand)),
                Term::Prefix(w) => prefixed(w, &mut expand),
                Term::Phrase { words, prefix } | Term::Glued { words, prefix } => {
                    phrase(words, *prefix, &mut expand)
                }
            })
            .collect();
        Some(parts.join(" AND "))
    }

    /// The FTS5 expression of "these syllables near each other": every
    /// syllable typed outside quotes in one `NEAR` group, `None` for fewer
    /// than two; `expand` as for [`Query::fts_expression_with`].
    pub fn near_expression_with(
        &self,
        mut expand: impl FnMut(&str, bool) -> Vec<String>,
    ) -> Option<String> {
        let (words, prefix) = self.loose_words();
        if words.len() < 2 {
            return None;
        }
        let n = words.len();
        let parts: Vec<String> = words
            .iter()
            .enumerate()
            .map(|(i, w)| {
                if prefix && i + 1 == n {
                    prefixed(w, &mut expand)
                } else {
                    quote(&token(w, false, &mut expand))
                }
            })
            .collect();
        Some(format!("NEAR({}, {NEAR_DISTANCE})", parts.join(" ")))
    }

    /// [`Query::near_expression_with`] with no expansion.
    pub fn near_expression(&self) -> Option<String> {
        self.near_expression_with(|_, _| Vec::new())
    }
}

/// One query syllable as a token: its expansion joined by `|`, or itself.
fn token(w: &str, prefix: bool, expand: &mut impl FnMut(&str, bool) -> Vec<String>) -> String {
    let alts = expand(w, prefix);
    if alts.is_empty() {
        w.to_string()
    } else {
        alts.join("|")
    }
}

/// A prefix syllable: the syllables it stands for, or FTS5's prefix query.
fn prefixed(w: &str, expand: &mut impl FnMut(&str, bool) -> Vec<String>) -> String {
    let alts = expand(w, true);
    if alts.is_empty() {
        format!("{}*", quote(w))
    } else {
        quote(&alts.join("|"))
    }
}

/// A phrase: its syllables' tokens in one quoted string; with `prefix` and
/// no expansion of its last syllable, FTS5's prefix query.
fn phrase(
    words: &[String],
    prefix: bool,
    expand: &mut impl FnMut(&str, bool) -> Vec<String>,
) -> String {
    let n = words.len();
    let mut open_prefix = false;
    let tokens: Vec<String> = words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let last_prefix = prefix && i + 1 == n;
            let alts = expand(w, last_prefix);
            if alts.is_empty() {
                open_prefix = last_prefix;
                w.clone()
            } else {
                alts.join("|")
            }
        })
        .collect();
    let q = quote(&tokens.join(" "));
    if open_prefix { format!("{q}*") } else { q }
}

/// How many other syllables may stand between syllables that are "near".
pub const NEAR_DISTANCE: usize = 10;

fn quote(w: &str) -> String {
    format!("\"{}\"", w.replace('"', "\"\""))
}

/// The syllables of a text: each one's byte range in the text and its two
/// forms.
struct Words {
    spans: Vec<(Range<usize>, String, String)>,
}

impl Words {
    fn of(text: &str) -> Words {
        let mut spans = Vec::new();
        for_each_syllable(text, |s: Syllable<'_>| {
            spans.push((s.range, s.exact.to_string(), s.folded.to_string()));
            true
        });
        Words { spans }
    }

    fn is(&self, i: usize, q: &str, prefix: bool) -> bool {
        let (_, exact, folded) = &self.spans[i];
        syllable_matches(q, exact, folded, prefix)
    }

    /// Byte ranges (in the text) where `term` matches.
    fn matches(&self, term: &Term, out: &mut Vec<Range<usize>>) {
        let (words, prefix): (&[String], bool) = match term {
            Term::Word(w) => (std::slice::from_ref(w), false),
            Term::Prefix(w) => (std::slice::from_ref(w), true),
            Term::Phrase { words, prefix } | Term::Glued { words, prefix } => (words, *prefix),
        };
        let n = words.len();
        if n == 0 {
            return;
        }
        for i in 0..self.spans.len().saturating_sub(n - 1) {
            if words
                .iter()
                .enumerate()
                .all(|(k, q)| self.is(i + k, q, prefix && k + 1 == n))
            {
                out.push(self.spans[i].0.start..self.spans[i + n - 1].0.end);
            }
        }
    }

    /// Whether `term` matches anywhere.
    fn has(&self, term: &Term) -> bool {
        let mut found = Vec::new();
        self.matches(term, &mut found);
        !found.is_empty()
    }
}

/// Byte ranges of `haystack` (the original text, marks and all) where the
/// query matches as in-article find counts it: the syllables typed outside
/// quotes as one phrase (next to each other, in order, the last as a
/// prefix), and each quoted phrase. Sorted, not overlapping (touching
/// matches are merged). Empty for an empty query.
pub fn find_matches(haystack: &str, query: &str) -> Vec<Range<usize>> {
    let q = Query::parse(query);
    match q.as_phrase() {
        Some(phrase) => matches_of(haystack, &phrase),
        None => matches_of(haystack, &q),
    }
}

/// Byte ranges of `haystack` where each term of `query` matches (the marks
/// of snippets): sorted, not overlapping (touching matches are merged).
pub fn matches_of(haystack: &str, query: &Query) -> Vec<Range<usize>> {
    if query.is_empty() {
        return Vec::new();
    }
    let words = Words::of(haystack);
    let mut found: Vec<Range<usize>> = Vec::new();
    for term in &query.terms {
        words.matches(term, &mut found);
    }
    found.sort_by_key(|r| (r.start, r.end));
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(found.len());
    for r in found {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}

/// How many of the query's terms match somewhere in `text`.
fn terms_matched(text: &str, query: &Query) -> usize {
    let words = Words::of(text);
    query.terms.iter().filter(|t| words.has(t)).count()
}

/// The snippet for a hit: from the first of `texts` (lead, then paragraphs)
/// that matches the most terms, about `max_chars` characters from a little
/// before its first match. When no text matches (the hit was in the title or
/// the keywords) it is the start of the first non-empty text, unmarked.
/// A text this long is a paragraph of prose, not a byline or a caption.
const SNIPPET_PROSE_CHARS: usize = 60;

/// Where a snippet of `text` is anchored: the match from which the next
/// `reach` characters hold the most distinct terms of the query, the first
/// of those; 0 when nothing matches. From the first match alone, "ngày
/// 5/3" showed two passages with "ngày" in them and never the date.
fn anchor(text: &str, query: &Query, reach: usize) -> usize {
    let words = Words::of(text);
    let mut hits: Vec<(usize, usize)> = Vec::new();
    let mut found = Vec::new();
    for (i, term) in query.terms.iter().enumerate() {
        found.clear();
        words.matches(term, &mut found);
        hits.extend(found.iter().map(|r| (r.start, i.min(63))));
    }
    hits.sort_unstable();
    // Each match's place in characters, counted once along the text.
    let mut at = Vec::with_capacity(hits.len());
    let (mut byte, mut chars) = (0, 0);
    for &(b, _) in &hits {
        chars += text[byte..b].chars().count();
        byte = b;
        at.push(chars);
    }
    let mut best = (0u32, 0usize);
    for j in 0..hits.len() {
        let mut seen = 0u64;
        for k in j..hits.len() {
            if at[k] - at[j] > reach {
                break;
            }
            seen |= 1 << hits[k].1;
        }
        if seen.count_ones() > best.0 {
            best = (seen.count_ones(), j);
        }
    }
    hits.get(best.1).map_or(0, |h| h.0)
}

/// The word breaks (ICU's, [`crate::text::wrap::dictionary_breaks`]) of the
/// run without spaces that holds byte `at` of `text`, as offsets in `text`;
/// only the run's 600 bytes either side of `at` are segmented.
fn run_breaks(text: &str, at: usize) -> impl Iterator<Item = usize> + '_ {
    let from = text[..at]
        .char_indices()
        .rev()
        .find(|(i, c)| c.is_whitespace() || at - i > 600)
        .map_or(0, |(i, c)| i + c.len_utf8());
    let to = text[at..]
        .char_indices()
        .find(|(i, c)| c.is_whitespace() || *i > 600)
        .map_or(text.len(), |(i, _)| at + i);
    crate::text::wrap::dictionary_breaks(&text[from..to]).map(move |b| from + b)
}

/// Where the first syllable of `text[from..to]` that is a letter of an
/// unspaced script begins, if one does.
fn letter_at_or_after(text: &str, from: usize, to: usize) -> Option<usize> {
    let mut found = None;
    super::syllables::for_each_syllable_range(&text[from..to], |r| {
        let alone = text[from + r.start..].chars().next().is_some_and(|c| {
            super::syllables::alone_letter(c) && !unicode_normalization::char::is_combining_mark(c)
        });
        if alone {
            found = Some(from + r.start);
        }
        !alone
    });
    found
}

pub fn snippet<'a>(
    texts: impl IntoIterator<Item = &'a str>,
    query: &Query,
    max_chars: usize,
) -> Snippet {
    // The text matching the most terms; among equals, a paragraph of prose
    // before a byline or a caption ("An Hạ" showed for "ha noi" where the
    // body's paragraphs matched as many terms); else the first.
    let mut best: Option<(&str, (usize, bool))> = None;
    for t in texts {
        if t.trim().is_empty() {
            continue;
        }
        let n = if query.is_empty() {
            0
        } else {
            terms_matched(t, query)
        };
        let prose = t.chars().count() >= SNIPPET_PROSE_CHARS;
        if best.is_none_or(|(_, b)| (n, prose) > b) {
            best = Some((t, (n, prose)));
        }
        if n == query.terms.len() && prose {
            break;
        }
    }
    let Some((text, _)) = best else {
        return Snippet::default();
    };
    let marks = matches_of(text, query);
    // Start a few words before the match the window is anchored on, on a
    // word boundary.
    let lead_in = max_chars / 4;
    let first = anchor(text, query, max_chars - lead_in);
    let mut start = text[..first]
        .char_indices()
        .rev()
        .nth(lead_in.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    if start > 0 {
        // Forward to the start of a word; in a run of Chinese, Thai…
        // letters, which has no space, to a letter's.
        start = match text[start..first]
            .char_indices()
            .find(|(_, c)| c.is_whitespace())
        {
            Some((i, c)) => start + i + c.len_utf8(),
            None => (run_breaks(text, start).find(|&b| b >= start && b <= first))
                .or_else(|| letter_at_or_after(text, start, first))
                .unwrap_or(first),
        };
    }
    let mut end = text.len();
    if let Some((i, _)) = text[start..].char_indices().nth(max_chars) {
        end = start + i;
        // Back to the end of a word, if there is a space to stop at.
        if let Some(ws) = text[start..end].rfind(char::is_whitespace)
            && start + ws > first
        {
            end = start + ws;
        } else if let Some(b) = run_breaks(text, end)
            .take_while(|&b| b <= end)
            .filter(|&b| b > first)
            .last()
        {
            // Else back to the end of a word of the run (Thai's, by ICU's
            // dictionary), if one ends after the match's start.
            end = b;
        }
        // A letter's marks stay with it (a Thai vowel or tone mark).
        while let Some(c) = text[end..].chars().next()
            && unicode_normalization::char::is_combining_mark(c)
        {
            end += c.len_utf8();
        }
    }
    let mut out = String::new();
    let shift_in = if start > 0 {
        out.push('…');
        '…'.len_utf8()
    } else {
        0
    };
    out.push_str(text[start..end].trim_end());
    let body_end = out.len();
    if end < text.len() {
        out.push('…');
    }
    let marks = marks
        .into_iter()
        .filter(|m| m.start >= start && m.start < end)
        .map(|m| (m.start - start + shift_in)..(m.end.min(end) - start + shift_in).min(body_end))
        .filter(|m| m.start < m.end)
        .collect();
    Snippet { text: out, marks }
}

#[cfg(test)]
mod tests;
