//! Line wrapping for terminal display.
//!
//! Our own fragments, textwrap's line breaking: the words and pieces of
//! words ("fragments") and their widths are ours, measured by `unicode-width`
//! per grapheme cluster; the lines are chosen by
//! [`textwrap::wrap_algorithms`], first fit by default ([`WrapAlgorithm`]).
//! We do not use ratatui's `Paragraph::wrap` (ratatui issue 2679: it
//! overflows and loses characters with wide glyphs), nor `textwrap::wrap`
//! itself: its word splitting cannot express "split a syllable only when it
//! alone is too wide, then prefer `/` and `-`", and the reader wraps whole
//! articles on every resize, so Vietnamese text takes a byte-level fast path.
//!
//! Rules, each covered by tests (unit, property and the whole Dân trí corpus):
//!
//! - every line's display width is at most `width` (for `width >= 2`; at
//!   width 1 a wide glyph stands alone on its line);
//! - no character is lost, duplicated or reordered: lines joined with single
//!   spaces give the input with whitespace runs collapsed, except that a word
//!   broken mid-word is re-joined without a space;
//! - a space-separated word (a Vietnamese syllable) is never split unless it
//!   alone is wider than the line; it is then broken between grapheme
//!   clusters, preferring to break after `/` or `-` (URLs);
//! - wide glyphs (CJK ideographs, kana, emoji) are break opportunities
//!   even without spaces, as in UAX #14, except before closing and after
//!   opening punctuation (no line starts with `，。、）」』`, none ends with
//!   `（「『`); Hangul is not: Korean breaks at spaces like Latin script, a
//!   Korean word is split only when it alone is wider than the line; nor is
//!   a letter made two columns by its spacing mark (Devanagari "च्छी");
//! - Thai, Lao, Khmer and Myanmar, written without spaces, break between
//!   their words, as ICU's dictionary finds them;
//! - decomposed (NFD) input is composed to NFC first, so it renders exactly
//!   like NFC input;
//! - greedy (first-fit) line filling by default: a word goes on the current
//!   line if it fits, otherwise it starts the next one;
//!   [`WrapAlgorithm::OptimalFit`] instead evens out the line lengths over
//!   the paragraph, under the same rules (no line is let overflow);
//! - empty or all-whitespace input gives no lines (an empty `Vec`);
//! - a single grapheme cluster wider than the line stands alone on its line:
//!   a wide glyph at width 1, or one of the rare clusters wider than two
//!   columns (e.g. a Hangul jamo with a spacing mark). Vietnamese, CJK and
//!   emoji clusters are at most two columns wide, so for them every line
//!   fits at any width >= 2.
//!
//! Wrapping the same paragraph at many widths (window resizes) is cheaper
//! through [`Prepared`], which does the analysis once.

use std::borrow::Cow;

use textwrap::wrap_algorithms::{Penalties, wrap_first_fit, wrap_optimal_fit};
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

mod punct;
mod scripts;
use punct::{no_break_after, no_break_before};
pub(crate) use scripts::dictionary_breaks;
use scripts::{is_korean_word, push_dictionary_frags, wide_glyph, written_without_spaces};

/// How the fragments of a paragraph are filled into lines.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum WrapAlgorithm {
    /// Greedy: a fragment goes on the current line if it fits, otherwise it
    /// starts the next one ([`textwrap::wrap_algorithms::wrap_first_fit`]).
    /// Fast, and what a reader expects while resizing.
    #[default]
    FirstFit,
    /// Minimum raggedness over the whole paragraph
    /// ([`textwrap::wrap_algorithms::wrap_optimal_fit`]): no line is let
    /// overflow the width, and if textwrap cannot compute the costs (an
    /// overflow error, on absurd widths) the lines are first fit's.
    OptimalFit,
}

/// Wrap one paragraph to `width` terminal columns. Returns the lines (without
/// trailing spaces). `width` 0 is treated as 1. Empty or all-whitespace input
/// gives an empty `Vec`.
pub fn wrap_line(text: &str, width: usize) -> Vec<String> {
    Prepared::new(text).wrap(width)
}

/// [`wrap_line`] with the given line-filling algorithm.
pub fn wrap_line_using(text: &str, width: usize, algo: WrapAlgorithm) -> Vec<String> {
    Prepared::new(text).wrap_using(width, algo)
}

/// Like [`wrap_line`], with a first-line and subsequent-line prefix (e.g. list
/// bullets `"1. "` / `"   "`). The prefixes count toward `width` and are part
/// of the returned lines. A prefix so wide that it would leave fewer than two
/// columns for text is cut (by grapheme clusters) so that two remain.
pub fn wrap_with_indent(text: &str, width: usize, first: &str, rest: &str) -> Vec<String> {
    Prepared::new(text).wrap_with_indent(width, first, rest)
}

/// [`wrap_with_indent`] with the given line-filling algorithm.
pub fn wrap_with_indent_using(
    text: &str,
    width: usize,
    first: &str,
    rest: &str,
    algo: WrapAlgorithm,
) -> Vec<String> {
    Prepared::new(text).wrap_with_indent_using(width, first, rest, algo)
}

/// A paragraph analysed once (NFC, words, widths, break opportunities), that
/// can then be wrapped at any width in time linear in its number of words.
#[derive(Debug, Clone)]
pub struct Prepared<'a> {
    text: Cow<'a, str>,
    frags: Vec<Frag>,
    /// Widest fragment: when it fits, no fragment needs breaking.
    max_frag: usize,
    /// Words in `text` are separated by exactly one space and there is no
    /// leading or trailing whitespace, so a line is one slice of `text`.
    canonical: bool,
}

/// A piece of text the wrapper never splits unless it is wider than the line:
/// a whole word, or the part of a word between two break opportunities next
/// to a wide glyph, or a piece of an over-long word.
#[derive(Debug, Clone, Copy)]
struct Frag {
    start: usize,
    end: usize,
    width: usize,
    /// A space follows this fragment in the text (it ends a word).
    space_after: bool,
    /// Every char is a one-column char that is its own grapheme cluster, so
    /// chars can stand in for grapheme clusters when breaking it.
    simple: bool,
    /// Words glued at the spaces in it ([`glue_closing`]): parted there
    /// again when the whole is wider than a line.
    glued: bool,
}

impl<'a> Prepared<'a> {
    /// Analyse `text`: compose it to NFC if needed, split it into words at
    /// whitespace and into fragments at wide-glyph break opportunities.
    pub fn new(text: &'a str) -> Self {
        // Almost every Vietnamese paragraph that went through `clean` takes
        // this path: one pass over the bytes, no decoding, no tables.
        let mut frags = Vec::with_capacity(text.len() / 5 + 1);
        if let Some(max_frag) = scan_simple(text.as_bytes(), &mut frags) {
            return Prepared {
                text: Cow::Borrowed(text),
                frags,
                max_frag,
                canonical: true,
            };
        }
        Self::general(text)
    }

    /// The general path of [`Prepared::new`], for any text.
    fn general(text: &'a str) -> Self {
        let mut frags = Vec::new();
        let text = to_nfc(text);
        let base = text.as_ptr() as usize;
        let mut canonical = true;
        let mut expect = 0; // where the next word starts in canonical text
        for word in text.split_whitespace() {
            let start = word.as_ptr() as usize - base;
            canonical &= start == expect && (start == 0 || text.as_bytes()[start - 1] == b' ');
            expect = start + word.len() + 1;
            push_word_frags(word, start, &mut frags);
            if let Some(last) = frags.last_mut() {
                last.space_after = true;
            }
        }
        canonical &= expect == text.len() + 1 || text.is_empty();
        if let Some(last) = frags.last_mut() {
            last.space_after = false;
        }
        glue_closing(&text, &mut frags);
        let max_frag = frags.iter().map(|f| f.width).max().unwrap_or(0);
        Prepared {
            text,
            frags,
            max_frag,
            canonical,
        }
    }

    /// The text being wrapped: the input, composed to NFC if it was not.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// True when the text has no words (it wraps to no lines).
    pub fn is_empty(&self) -> bool {
        self.frags.is_empty()
    }

    /// Wrap to `width` columns; see [`wrap_line`].
    pub fn wrap(&self, width: usize) -> Vec<String> {
        self.wrap_using(width, WrapAlgorithm::FirstFit)
    }

    /// Wrap to `width` columns with the given algorithm.
    pub fn wrap_using(&self, width: usize, algo: WrapAlgorithm) -> Vec<String> {
        let width = width.max(1);
        self.wrap_impl(width, ("", 0), ("", 0), algo)
    }

    /// Wrap with prefixes; see [`wrap_with_indent`].
    pub fn wrap_with_indent(&self, width: usize, first: &str, rest: &str) -> Vec<String> {
        self.wrap_with_indent_using(width, first, rest, WrapAlgorithm::FirstFit)
    }

    /// Wrap with prefixes and the given algorithm.
    pub fn wrap_with_indent_using(
        &self,
        width: usize,
        first: &str,
        rest: &str,
        algo: WrapAlgorithm,
    ) -> Vec<String> {
        let width = width.max(1);
        let keep = width.saturating_sub(2);
        self.wrap_impl(width, cut_prefix(first, keep), cut_prefix(rest, keep), algo)
    }

    /// The fragments to wrap at these line widths: over-long ones broken
    /// into pieces that fit (with unequal prefixes the narrower line decides).
    fn frags_for(&self, first_avail: usize, rest_avail: usize) -> Cow<'_, [Frag]> {
        let max_piece = first_avail.min(rest_avail);
        if self.max_frag <= max_piece {
            return Cow::Borrowed(&self.frags);
        }
        let mut out = Vec::with_capacity(self.frags.len() + 8);
        for f in &self.frags {
            if f.width <= max_piece {
                out.push(*f);
                continue;
            }
            // Glued words too wide together: the words again.
            let parts = if f.glued {
                let mut parts = Vec::new();
                let mut at = f.start;
                for word in self.text[f.start..f.end].split(' ') {
                    let end = at + word.len();
                    parts.push(Frag {
                        start: at,
                        end,
                        // Measured as the fragments were made.
                        width: if f.simple {
                            word.chars().count()
                        } else {
                            word.graphemes(true).map(|g| g.width()).sum()
                        },
                        space_after: end < f.end || f.space_after,
                        glued: false,
                        ..*f
                    });
                    at = end + 1;
                }
                parts
            } else {
                vec![*f]
            };
            for p in parts {
                if p.width > max_piece {
                    break_long(&self.text, p, max_piece, &mut out);
                } else {
                    out.push(p);
                }
            }
        }
        Cow::Owned(out)
    }

    /// [`Prepared::wrap_with_indent_using`], each line given with the byte
    /// offset in [`Prepared::text`] where its text (after the prefix) starts:
    /// how the reader finds the line holding a reading position.
    pub fn wrap_with_starts(
        &self,
        width: usize,
        first: &str,
        rest: &str,
        algo: WrapAlgorithm,
    ) -> Vec<(String, usize)> {
        let width = width.max(1);
        let keep = width.saturating_sub(2);
        self.wrap_impl_with(
            width,
            cut_prefix(first, keep),
            cut_prefix(rest, keep),
            algo,
            |text, start| (text, start),
        )
    }

    fn wrap_impl(
        &self,
        width: usize,
        first: (&str, usize),
        rest: (&str, usize),
        algo: WrapAlgorithm,
    ) -> Vec<String> {
        self.wrap_impl_with(width, first, rest, algo, |text, _| text)
    }

    /// The lines, each passed with its start (see [`Prepared::wrap_with_starts`]) to `each`.
    fn wrap_impl_with<T>(
        &self,
        width: usize,
        first: (&str, usize),
        rest: (&str, usize),
        algo: WrapAlgorithm,
        each: impl Fn(String, usize) -> T,
    ) -> Vec<T> {
        if self.frags.is_empty() {
            return Vec::new();
        }
        let first_avail = width - first.1;
        let rest_avail = width - rest.1;
        let frags = self.frags_for(first_avail, rest_avail);
        break_lines(&frags, first_avail, rest_avail, algo)
            .iter()
            .enumerate()
            .map(|(i, line)| {
                let start = line.first().map_or(0, |f| f.start);
                each(
                    self.line_text(if i == 0 { first.0 } else { rest.0 }, line),
                    start,
                )
            })
            .collect()
    }

    fn line_text(&self, prefix: &str, line: &[Frag]) -> String {
        let (Some(a), Some(b)) = (line.first(), line.last()) else {
            return prefix.to_string();
        };
        let mut s = String::with_capacity(prefix.len() + b.end - a.start);
        s.push_str(prefix);
        if self.canonical {
            s.push_str(&self.text[a.start..b.end]);
        } else {
            // Words are joined by one space whatever the whitespace in the
            // text was; fragments of one word are joined directly.
            for (i, f) in line.iter().enumerate() {
                if i > 0 && line[i - 1].space_after {
                    s.push(' ');
                }
                s.push_str(&self.text[f.start..f.end]);
            }
        }
        s
    }
}

impl Frag {
    /// Take in the word after the one space that follows this fragment
    /// (ending at `end`, `width` columns): [`glue_closing`].
    fn glue(&mut self, end: usize, width: usize, space_after: bool, simple: bool) {
        self.glued = true;
        self.end = end;
        self.width += 1 + width;
        self.space_after = space_after;
        self.simple &= simple;
    }
}

/// Our fragments as textwrap sees them: whole columns, one column of
/// whitespace after a fragment that ends a word, no hyphen.
impl textwrap::core::Fragment for Frag {
    fn width(&self) -> f64 {
        self.width as f64
    }
    fn whitespace_width(&self) -> f64 {
        if self.space_after { 1.0 } else { 0.0 }
    }
    fn penalty_width(&self) -> f64 {
        0.0
    }
}

/// Split `frags` (not empty) into lines of `first_avail` columns for the
/// first and `rest_avail` for the others. Every returned line holds at least
/// one fragment.
fn break_lines(
    frags: &[Frag],
    first_avail: usize,
    rest_avail: usize,
    algo: WrapAlgorithm,
) -> Vec<&[Frag]> {
    let widths = [first_avail as f64, rest_avail as f64];
    match algo {
        WrapAlgorithm::FirstFit => wrap_first_fit(frags, &widths),
        WrapAlgorithm::OptimalFit => optimal_fit(frags, first_avail, rest_avail)
            .unwrap_or_else(|| wrap_first_fit(frags, &widths)),
    }
}

/// textwrap's optimal fit, with an overflow penalty above the cost of any
/// layout that does not overflow (first fit's is one), so that a line
/// overflows only where a single fragment is wider than the line. `None`
/// when textwrap reports an overflow error or a line would still not fit.
fn optimal_fit(frags: &[Frag], first_avail: usize, rest_avail: usize) -> Option<Vec<&[Frag]>> {
    let defaults = Penalties::new();
    // Each line of a layout without overflow costs at most the line penalty
    // plus the square of its gap, itself at most the line width.
    let widest = first_avail.max(rest_avail) as f64;
    let bound = (frags.len() as f64 + 1.0) * (defaults.nline_penalty as f64 + widest * widest)
        + defaults.short_last_line_penalty as f64;
    let penalties = Penalties {
        // Saturates on absurd widths; the check below catches any overflow.
        overflow_penalty: (bound + 1.0).min(usize::MAX as f64) as usize,
        ..defaults
    };
    let widths = [first_avail as f64, rest_avail as f64];
    let lines = wrap_optimal_fit(frags, &widths, &penalties).ok()?;
    let fits = lines.iter().enumerate().all(|(i, line)| {
        let avail = if i == 0 { first_avail } else { rest_avail };
        let used: usize = line
            .iter()
            .map(|f| f.width + usize::from(f.space_after))
            .sum();
        let trailing = line.last().is_some_and(|f| f.space_after);
        line.len() == 1 || used - usize::from(trailing) <= avail
    });
    (fits && lines.iter().all(|l| !l.is_empty())).then_some(lines)
}

/// The fast path of [`Prepared::new`]: succeeds (returning the widest
/// fragment's width) only when
/// the text is words of "simple" chars (see [`is_simple`]) separated by
/// single spaces, with no leading or trailing space. Such text is already
/// NFC (every simple char is NFC_QC=Yes with combining class 0) and each
/// char is one column and one grapheme cluster, so counting chars measures
/// a word. Works on bytes: valid UTF-8 is guaranteed by `&str`.
fn scan_simple(b: &[u8], frags: &mut Vec<Frag>) -> Option<usize> {
    let n = b.len();
    let mut max = 0;
    let mut i = 0;
    let mut word_start = 0;
    let mut chars = 0;
    while i < n {
        let c = b[i];
        let len = match c {
            b' ' => {
                if i == word_start {
                    return None; // leading or doubled space
                }
                let w = push_simple(b, frags, word_start, i, chars, true);
                if w > max {
                    max = w;
                }
                i += 1;
                word_start = i;
                chars = 0;
                continue;
            }
            0x21..=0x7E => 1,
            // U+00A1..U+00BF except U+00AD (soft hyphen)
            0xC2 if matches!(b.get(i + 1), Some(0xA1..=0xAC | 0xAE..=0xBF)) => 2,
            // U+00C0..U+023F
            0xC3..=0xC8 => 2,
            // U+0240..U+024F
            0xC9 if matches!(b.get(i + 1), Some(0x80..=0x8F)) => 2,
            // U+1E00..U+1EFF (Latin Extended Additional: Vietnamese)
            0xE1 if matches!(b.get(i + 1), Some(0xB8..=0xBB)) => 3,
            // U+2010..U+2027 (dashes, quotes, bullet, ellipsis), ₫, €
            0xE2 if matches!(
                (b.get(i + 1), b.get(i + 2)),
                (Some(0x80), Some(0x90..=0xA7)) | (Some(0x82), Some(0xAB | 0xAC))
            ) =>
            {
                3
            }
            _ => return None,
        };
        i += len;
        chars += 1;
    }
    if n == 0 {
        return Some(0);
    }
    if word_start == n {
        return None; // trailing space
    }
    let w = push_simple(b, frags, word_start, n, chars, false);
    Some(max.max(w))
}

/// Push a word found by [`scan_simple`], glued to the word before it when
/// it is closing punctuation alone ([`glue_closing`], here at no cost to
/// the words that are not: one byte looked at); its fragment's width.
#[inline]
fn push_simple(
    b: &[u8],
    frags: &mut Vec<Frag>,
    start: usize,
    end: usize,
    width: usize,
    space_after: bool,
) -> usize {
    if closing_lead(b[start])
        && let Some(prev) = frags.last_mut()
        && prev.end + 1 == start
        && std::str::from_utf8(&b[start..end]).is_ok_and(closing_word)
    {
        prev.glue(end, width, space_after, true);
        return prev.width;
    }
    frags.push(Frag {
        start,
        end,
        width,
        space_after,
        simple: true,
        glued: false,
    });
    width
}

/// The first byte of every sign [`closing_word`] takes (`»`, the curly
/// quotes and `…` begin with 0xC2 or 0xE2).
fn closing_lead(b: u8) -> bool {
    matches!(
        b,
        b',' | b'.' | b';' | b':' | b'!' | b'?' | b')' | b']' | b'}' | 0xC2 | 0xE2
    )
}

/// Closing punctuation alone: a word no line may start with.
fn closing_word(w: &str) -> bool {
    !w.is_empty()
        && w.chars().all(|c| {
            matches!(
                c,
                ',' | '.' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '»' | '”' | '’' | '…'
            )
        })
}

/// A word of closing punctuation alone after a space ("(mua - bán) ,
/// giảm", "… đây .") is no place to break: it would start the next line
/// (UAX 14 never breaks before a comma or a closing bracket). It is glued to
/// the word before it, the space kept. Returns the widest fragment glued.
fn glue_closing(text: &str, frags: &mut Vec<Frag>) -> usize {
    let bytes = text.as_bytes();
    let closing = |f: &Frag| {
        bytes.get(f.start).is_some_and(|&b| closing_lead(b)) && closing_word(&text[f.start..f.end])
    };
    // In place, one pass: `kept` fragments so far, each read once.
    let mut widest = 0;
    let mut kept = 0;
    for i in 0..frags.len() {
        let f = frags[i];
        if kept > 0 {
            let prev = &mut frags[kept - 1];
            if prev.space_after
                && f.start == prev.end + 1
                && bytes.get(prev.end) == Some(&b' ')
                && closing(&f)
            {
                prev.glue(f.end, f.width, f.space_after, f.simple);
                widest = widest.max(prev.width);
                continue;
            }
        }
        if kept != i {
            frags[kept] = f;
        }
        kept += 1;
    }
    frags.truncate(kept);
    widest
}

/// Compose to NFC unless the text already is (the common, cheap case).
fn to_nfc(text: &str) -> Cow<'_, str> {
    if text.is_ascii() || is_nfc_quick(text.chars()) == IsNormalized::Yes {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.nfc().collect())
    }
}

/// A prefix and its width, cut by grapheme clusters to at most `max` columns.
fn cut_prefix(prefix: &str, max: usize) -> (&str, usize) {
    let full = prefix.width();
    if full <= max {
        return (prefix, full);
    }
    let mut w = 0;
    let mut end = 0;
    for (i, g) in prefix.grapheme_indices(true) {
        let gw = g.width();
        if w + gw > max {
            break;
        }
        w += gw;
        end = i + g.len();
    }
    (&prefix[..end], w)
}

/// Chars that are one column wide and always a grapheme cluster of their own:
/// ASCII graphic, Latin-1 and Latin Extended letters, Vietnamese precomposed
/// letters, general punctuation (quotes, dashes, ellipsis), ₫ and €. A word
/// made only of these (almost every Vietnamese word) is measured by counting.
#[inline]
fn is_simple(c: char) -> bool {
    matches!(c,
        '!'..='~'
        | '\u{A1}'..='\u{AC}'
        | '\u{AE}'..='\u{24F}'
        | '\u{1E00}'..='\u{1EFF}'
        | '\u{2010}'..='\u{2027}'
        | '\u{20AB}'
        | '\u{20AC}')
}

/// Split one whitespace-free word into fragments and append them.
fn push_word_frags(word: &str, start: usize, frags: &mut Vec<Frag>) {
    // Fast path: count chars.
    let mut n = 0;
    let mut simple = true;
    for c in word.chars() {
        if !is_simple(c) {
            simple = false;
            break;
        }
        n += 1;
    }
    if simple {
        frags.push(Frag {
            start,
            end: start + word.len(),
            width: n,
            space_after: false,
            simple: true,
            glued: false,
        });
        return;
    }
    // Slow path: grapheme clusters, each measured by unicode-width; a break
    // opportunity on either side of a wide cluster (UAX #14 class ID-like).
    let korean = is_korean_word(word);
    if !korean && word.chars().any(written_without_spaces) {
        push_dictionary_frags(word, start, frags);
        return;
    }
    let mut frag_start = 0;
    let mut frag_w = 0;
    let mut prev: Option<(&str, usize)> = None;
    for (i, g) in word.grapheme_indices(true) {
        let gw = g.width();
        if let Some((p, pw)) = prev
            && (wide_glyph(p, pw) || wide_glyph(g, gw))
            && !no_break_after(p)
            && !no_break_before(g)
            && !link_number_at(&word[i..])
            && !korean
        {
            frags.push(Frag {
                start: start + frag_start,
                end: start + i,
                width: frag_w,
                space_after: false,
                simple: false,
                glued: false,
            });
            frag_start = i;
            frag_w = 0;
        }
        frag_w += gw;
        prev = Some((g, gw));
    }
    frags.push(Frag {
        start: start + frag_start,
        end: start + word.len(),
        width: frag_w,
        space_after: false,
        simple: false,
        glued: false,
    });
}

/// A link's number, as the reader marks a link after its words ("科学[3]"),
/// begins `s`: it stays with the word before it, a wide glyph's too (it
/// began the next line: "…发表在科学" | "[3]刊物", an independent review's
/// find).
fn link_number_at(s: &str) -> bool {
    s.strip_prefix('[')
        .and_then(|rest| rest.split_once(']'))
        .is_some_and(|(n, _)| (1..=4).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit()))
}

/// Break a fragment wider than `max` columns into pieces of at most `max`
/// columns (a single grapheme cluster wider than `max` stands alone), between
/// grapheme clusters, preferring the last `/` or `-` that leaves a non-empty
/// piece.
fn break_long(text: &str, f: Frag, max: usize, out: &mut Vec<Frag>) {
    let s = &text[f.start..f.end];
    if f.simple {
        let clusters = s
            .char_indices()
            .map(|(i, c)| (i, &s[i..i + c.len_utf8()], 1));
        break_clusters(clusters, f, max, out);
    } else {
        let clusters = s.grapheme_indices(true).map(|(i, g)| (i, g, g.width()));
        break_clusters(clusters, f, max, out);
    }
}

fn break_clusters<'s>(
    clusters: impl Iterator<Item = (usize, &'s str, usize)>,
    f: Frag,
    max: usize,
    out: &mut Vec<Frag>,
) {
    let mut piece_start = 0;
    let mut w = 0;
    // (end of a preferred break, width of the piece up to it)
    let mut pref: Option<(usize, usize)> = None;
    for (i, g, gw) in clusters {
        while w + gw > max && i > piece_start {
            let (cut, cut_w) = match pref {
                Some(p) if p.0 > piece_start => p,
                _ => (i, w),
            };
            out.push(Frag {
                start: f.start + piece_start,
                end: f.start + cut,
                width: cut_w,
                space_after: false,
                simple: f.simple,
                glued: false,
            });
            piece_start = cut;
            w -= cut_w;
            pref = None;
        }
        w += gw;
        if g.ends_with(['/', '-']) {
            pref = Some((i + g.len(), w));
        }
    }
    out.push(Frag {
        start: f.start + piece_start,
        end: f.end,
        width: w,
        space_after: f.space_after,
        simple: f.simple,
        glued: false,
    });
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_scripts;
