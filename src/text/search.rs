//! Search queries as a user types them: parsing into folded terms, the FTS5
//! expression the store runs, and finding the matches in the original text
//! (for snippets and for in-article find).
//!
//! Matching folds case and every Vietnamese mark, "đ" included (see
//! [`crate::text::fold::push_search_folded`]): "dan van", "dân vận" and
//! "DÂN VẬN" are the same query, in NFC or NFD. A word matches as the prefix of
//! a word ("thai bi" finds "Thái Bình"); a `"quoted phrase"` matches its words
//! whole and in order. Every string is a valid query: anything that is not a
//! letter or a digit separates words, and the FTS5 syntax never sees the user's
//! text unquoted.

use std::ops::Range;

use super::fold::push_search_folded;
pub use crate::model::Snippet;

/// At most this many terms are used; the rest of a very long query is ignored
/// (each term only narrows the result, and a few hundred prefix terms would cost
/// seconds on a large store).
pub const MAX_TERMS: usize = 16;

/// One term of a query, folded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Term {
    /// A word (of two letters or more) that matches as the prefix of a word.
    Prefix(String),
    /// Words that match whole, one after another.
    Phrase(Vec<String>),
}

/// A parsed query: every term must match.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub terms: Vec<Term>,
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '«' | '»')
}

/// Split folded text into words: runs of letters and digits.
fn folded_words(folded: &str) -> impl Iterator<Item = &str> {
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

impl Query {
    /// Parse what a user typed. Never fails: text with no letter or digit gives
    /// an empty query.
    pub fn parse(input: &str) -> Query {
        let mut folded = String::with_capacity(input.len());
        for c in input.chars() {
            push_search_folded(c, &mut folded);
        }
        let mut terms = Vec::new();
        // Outside quotes, inside, outside, …; an unclosed quote runs to the end.
        for (i, part) in folded.split(is_quote).enumerate() {
            if i % 2 == 0 {
                terms.extend(folded_words(part).map(|w| {
                    if w.chars().nth(1).is_some() {
                        Term::Prefix(w.to_string())
                    } else {
                        // One letter as a prefix would match a good part of
                        // the language: it matches whole words only.
                        Term::Phrase(vec![w.to_string()])
                    }
                }));
            } else {
                let words: Vec<String> = folded_words(part).map(str::to_string).collect();
                if !words.is_empty() {
                    terms.push(Term::Phrase(words));
                }
            }
        }
        terms.truncate(MAX_TERMS);
        Query { terms }
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// The FTS5 MATCH expression, or `None` for an empty query. Every word is a
    /// quoted string, so no operator, column filter or stray quote of the user's
    /// reaches FTS5.
    pub fn fts_expression(&self) -> Option<String> {
        self.fts_expression_with(|_| None)
    }

    /// [`Query::fts_expression`], where `expand` may give the whole words a
    /// prefix word stands for (the store knows its terms): those are asked
    /// for as `("w1" OR "w2" …)` instead of `"w"*`, the same rows.
    pub fn fts_expression_with(
        &self,
        mut expand: impl FnMut(&str) -> Option<Vec<String>>,
    ) -> Option<String> {
        if self.terms.is_empty() {
            return None;
        }
        let quote = |w: &str| format!("\"{}\"", w.replace('"', "\"\""));
        let parts: Vec<String> = self
            .terms
            .iter()
            .map(|t| match t {
                Term::Prefix(w) => match expand(w) {
                    Some(words) if words.len() == 1 => quote(&words[0]),
                    Some(words) if !words.is_empty() => {
                        let alts: Vec<String> = words.iter().map(|x| quote(x)).collect();
                        format!("({})", alts.join(" OR "))
                    }
                    _ => format!("{}*", quote(w)),
                },
                Term::Phrase(ws) => quote(&ws.join(" ")),
            })
            .collect();
        Some(parts.join(" AND "))
    }
}

/// The words of a text: each word's byte range in the text and in `folded`,
/// which holds every word folded, one after another.
struct Words {
    folded: String,
    spans: Vec<(Range<usize>, Range<usize>)>,
}

impl Words {
    /// Split and fold `text`. A combining mark belongs to the word it
    /// follows (NFD text).
    fn of(text: &str) -> Words {
        let mut folded = String::with_capacity(text.len());
        let mut spans: Vec<(Range<usize>, Range<usize>)> = Vec::new();
        let mut current: Option<(Range<usize>, usize)> = None;
        for (i, c) in text.char_indices() {
            let end = i + c.len_utf8();
            let before = folded.len();
            push_search_folded(c, &mut folded);
            if folded.len() == before {
                // A combining mark: part of the word before it, if any.
                if let Some((r, _)) = current.as_mut() {
                    r.end = end;
                }
                continue;
            }
            let letter = if c.is_ascii() {
                c.is_ascii_alphanumeric()
            } else {
                folded[before..].chars().all(char::is_alphanumeric)
            };
            if letter {
                match current.as_mut() {
                    Some((r, _)) => r.end = end,
                    None => current = Some((i..end, before)),
                }
            } else {
                folded.truncate(before);
                if let Some((r, from)) = current.take() {
                    spans.push((r, from..before));
                }
            }
        }
        if let Some((r, from)) = current {
            spans.push((r, from..folded.len()));
        }
        Words { folded, spans }
    }

    fn word(&self, i: usize) -> &str {
        &self.folded[self.spans[i].1.clone()]
    }

    /// Byte ranges (in the text) where `term` matches.
    fn matches(&self, term: &Term, out: &mut Vec<Range<usize>>) {
        match term {
            Term::Prefix(p) => out.extend(
                (0..self.spans.len())
                    .filter(|&i| self.word(i).starts_with(p.as_str()))
                    .map(|i| self.spans[i].0.clone()),
            ),
            Term::Phrase(ws) => {
                let n = ws.len();
                for i in 0..self.spans.len().saturating_sub(n.saturating_sub(1)) {
                    if n > 0 && ws.iter().enumerate().all(|(k, q)| self.word(i + k) == q) {
                        out.push(self.spans[i].0.start..self.spans[i + n - 1].0.end);
                    }
                }
            }
        }
    }

    /// Whether `term` matches anywhere.
    fn has(&self, term: &Term) -> bool {
        match term {
            Term::Prefix(p) => (0..self.spans.len()).any(|i| self.word(i).starts_with(p.as_str())),
            Term::Phrase(_) => {
                let mut found = Vec::new();
                self.matches(term, &mut found);
                !found.is_empty()
            }
        }
    }
}

/// Byte ranges of `haystack` (the original text, marks and all) where the
/// words of `query` match, folded as the index folds them: a query word
/// matches the start of a word, a quoted phrase its words whole and in order.
/// Sorted, not overlapping (touching matches are merged). Empty for an empty
/// query.
pub fn find_matches(haystack: &str, query: &str) -> Vec<Range<usize>> {
    matches_of(haystack, &Query::parse(query))
}

/// [`find_matches`] for a query already parsed.
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
pub fn snippet<'a>(
    texts: impl IntoIterator<Item = &'a str>,
    query: &Query,
    max_chars: usize,
) -> Snippet {
    let mut best: Option<(&str, usize)> = None;
    for t in texts {
        if t.trim().is_empty() {
            continue;
        }
        let n = if query.is_empty() {
            0
        } else {
            terms_matched(t, query)
        };
        if best.is_none_or(|(_, b)| n > b) {
            best = Some((t, n));
        }
        if n == query.terms.len() {
            break;
        }
    }
    let Some((text, _)) = best else {
        return Snippet::default();
    };
    let marks = matches_of(text, query);
    // Start a few words before the first match, on a word boundary.
    let lead_in = max_chars / 4;
    let first = marks.first().map_or(0, |m| m.start);
    let mut start = text[..first]
        .char_indices()
        .rev()
        .nth(lead_in.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    if start > 0 {
        // Forward to the start of a word.
        start = text[start..first]
            .char_indices()
            .find(|(_, c)| c.is_whitespace())
            .map_or(first, |(i, c)| start + i + c.len_utf8());
    }
    let mut end = text.len();
    if let Some((i, _)) = text[start..].char_indices().nth(max_chars) {
        end = start + i;
        // Back to the end of a word, if there is a space to stop at.
        if let Some(ws) = text[start..end].rfind(char::is_whitespace)
            && start + ws > first
        {
            end = start + ws;
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
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    fn found<'a>(hay: &'a str, q: &str) -> Vec<&'a str> {
        find_matches(hay, q).into_iter().map(|r| &hay[r]).collect()
    }

    #[test]
    fn queries_parse_into_folded_terms() {
        let q = Query::parse("Thái  Bì \"Ðại hội\" -x OR");
        assert_eq!(
            q.terms,
            [
                Term::Prefix("thai".into()),
                Term::Prefix("bi".into()),
                Term::Phrase(vec!["dai".into(), "hoi".into()]),
                Term::Phrase(vec!["x".into()]),
                Term::Prefix("or".into()),
            ]
        );
        assert_eq!(
            q.fts_expression().unwrap(),
            r#""thai"* AND "bi"* AND "dai hoi" AND "x" AND "or"*"#
        );
        for empty in ["", "   ", "\"", "\"\"", "-", ":^*", "“ ”"] {
            let q = Query::parse(empty);
            assert!(q.is_empty(), "{empty:?}");
            assert_eq!(q.fts_expression(), None);
        }
        // An unclosed quote runs to the end.
        assert_eq!(
            Query::parse("a \"b c").terms,
            [
                Term::Phrase(vec!["a".into()]),
                Term::Phrase(vec!["b".into(), "c".into()])
            ]
        );
        assert_eq!(Query::parse(&"ab ".repeat(100)).terms.len(), MAX_TERMS);
    }

    #[test]
    fn find_matches_returns_original_spelling() {
        let hay = "Nghị quyết Ðại hội Đảng bộ tỉnh Thái Bình, công tác dân vận.";
        assert_eq!(found(hay, "thai bi"), ["Thái", "Bình"]);
        assert_eq!(found(hay, "dang"), ["Đảng"]);
        assert_eq!(found(hay, "Ðảng"), ["Đảng"]);
        assert_eq!(found(hay, "dai"), ["Ðại"]);
        assert_eq!(found(hay, "\"dan van\""), ["dân vận"]);
        assert_eq!(found(hay, "\"van dan\""), Vec::<&str>::new());
        assert_eq!(
            found(hay, "DÂN VẬN"),
            ["Đảng", "dân", "vận"],
            "\"dan\" starts \"dang\""
        );
        assert_eq!(found(hay, ""), Vec::<&str>::new());
        // Prefix of a word, not the middle of one.
        assert_eq!(found(hay, "an"), Vec::<&str>::new());
    }

    #[test]
    fn find_matches_in_nfd_text_and_with_nfd_queries() {
        let nfc = "Người Việt ở Hà Nội";
        let nfd: String = nfc.nfd().collect();
        let q_nfd: String = "việt".nfd().collect();
        for q in ["viet", "việt", q_nfd.as_str()] {
            assert_eq!(found(nfc, q), ["Việt"]);
            // The range covers the combining marks too.
            assert_eq!(found(&nfd, q), ["Việt".nfd().collect::<String>()]);
        }
    }

    #[test]
    fn overlapping_and_touching_matches_merge() {
        let hay = "ha noi ha";
        assert_eq!(
            find_matches(hay, "ha \"ha noi\""),
            vec![0..6, 7..9],
            "the phrase and the word inside it make one range"
        );
    }

    #[test]
    fn snippets_show_the_best_text_around_the_match() {
        let q = Query::parse("dan van");
        let texts = [
            "Mở đầu không có gì.",
            "Chỉ có dân ở đây.",
            "Một đoạn rất dài nói về nhiều chuyện trước khi đến công tác dân vận năm 2021 của tỉnh Thái Bình và nhiều nữa.",
        ];
        let s = snippet(texts, &q, 40);
        assert_eq!(
            s.marked("[", "]"),
            "…công tác [dân] [vận] năm 2021 của tỉnh Thái…"
        );
        // No match in any text: the first text, unmarked.
        let s = snippet(["", "Một hai ba."], &Query::parse("zzz"), 40);
        assert_eq!(s.marked("[", "]"), "Một hai ba.");
        assert_eq!(snippet([], &q, 40), Snippet::default());
    }

    proptest::proptest! {
        #[test]
        fn find_matches_never_panics_and_ranges_are_char_boundaries(
            hay in "\\PC{0,60}", q in "\\PC{0,20}"
        ) {
            for r in find_matches(&hay, &q) {
                proptest::prop_assert!(hay.is_char_boundary(r.start) && hay.is_char_boundary(r.end));
                proptest::prop_assert!(r.start < r.end);
            }
            let s = snippet([hay.as_str()], &Query::parse(&q), 10);
            for m in &s.marks {
                proptest::prop_assert!(s.text.is_char_boundary(m.start) && s.text.is_char_boundary(m.end));
            }
        }
    }
}
