//! Line wrapping for terminal display.
//!
//! Our own wrapper: textwrap's first-fit algorithm
//! ([`textwrap::wrap_algorithms::wrap_first_fit`], re-stated in integer
//! columns and checked against it by the tests) over our own fragments whose
//! widths come from `unicode-width`, per grapheme cluster. We do not use
//! ratatui's `Paragraph::wrap` (ratatui issue 2679: it overflows and loses
//! characters with wide glyphs), nor `textwrap::wrap` itself: its word
//! splitting cannot express "split a syllable only when it alone is too wide,
//! then prefer `/` and `-`", and the reader wraps whole articles on every
//! resize, so Vietnamese text takes a byte-level fast path.
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
//! - wide glyphs (CJK ideographs, kana, hangul, emoji) are break
//!   opportunities even without spaces, as in UAX #14, except before closing
//!   and after opening punctuation;
//! - decomposed (NFD) input is composed to NFC first, so it renders exactly
//!   like NFC input;
//! - greedy (first-fit) line filling: a word goes on the current line if it
//!   fits, otherwise it starts the next one;
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

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Wrap one paragraph to `width` terminal columns. Returns the lines (without
/// trailing spaces). `width` 0 is treated as 1. Empty or all-whitespace input
/// gives an empty `Vec`.
pub fn wrap_line(text: &str, width: usize) -> Vec<String> {
    Prepared::new(text).wrap(width)
}

/// Like [`wrap_line`], with a first-line and subsequent-line prefix (e.g. list
/// bullets `"1. "` / `"   "`). The prefixes count toward `width` and are part
/// of the returned lines. A prefix so wide that it would leave fewer than two
/// columns for text is cut (by grapheme clusters) so that two remain.
pub fn wrap_with_indent(text: &str, width: usize, first: &str, rest: &str) -> Vec<String> {
    Prepared::new(text).wrap_with_indent(width, first, rest)
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
        let width = width.max(1);
        self.wrap_impl(width, ("", 0), ("", 0))
    }

    /// Wrap with prefixes; see [`wrap_with_indent`].
    pub fn wrap_with_indent(&self, width: usize, first: &str, rest: &str) -> Vec<String> {
        let width = width.max(1);
        let keep = width.saturating_sub(2);
        self.wrap_impl(width, cut_prefix(first, keep), cut_prefix(rest, keep))
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
            if f.width > max_piece {
                break_long(&self.text, *f, max_piece, &mut out);
            } else {
                out.push(*f);
            }
        }
        Cow::Owned(out)
    }

    fn wrap_impl(&self, width: usize, first: (&str, usize), rest: (&str, usize)) -> Vec<String> {
        if self.frags.is_empty() {
            return Vec::new();
        }
        let first_avail = width - first.1;
        let rest_avail = width - rest.1;
        let frags = self.frags_for(first_avail, rest_avail);
        let mut out = Vec::new();
        first_fit(&frags, first_avail, rest_avail, |line| {
            let prefix = if out.is_empty() { first.0 } else { rest.0 };
            out.push(self.line_text(prefix, line));
        });
        out
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

/// First-fit (greedy) line filling, the algorithm of textwrap's
/// [`textwrap::wrap_algorithms::wrap_first_fit`] (the tests check that both
/// give the same lines), in integer columns: a fragment goes on the current
/// line if it fits, else it starts a new one; the space after a fragment
/// counts only when another fragment follows on the line. Calls `emit` with
/// each line's fragments.
fn first_fit(frags: &[Frag], first_avail: usize, rest_avail: usize, mut emit: impl FnMut(&[Frag])) {
    let mut avail = first_avail;
    let mut start = 0;
    let mut w = 0;
    for (i, f) in frags.iter().enumerate() {
        if w + f.width > avail && i > start {
            emit(&frags[start..i]);
            avail = rest_avail;
            start = i;
            w = 0;
        }
        w += f.width + usize::from(f.space_after);
    }
    if start < frags.len() {
        emit(&frags[start..]);
    }
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
                if chars > max {
                    max = chars;
                }
                frags.push(Frag {
                    start: word_start,
                    end: i,
                    width: chars,
                    space_after: true,
                    simple: true,
                });
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
    frags.push(Frag {
        start: word_start,
        end: n,
        width: chars,
        space_after: false,
        simple: true,
    });
    Some(max.max(chars))
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
        });
        return;
    }
    // Slow path: grapheme clusters, each measured by unicode-width; a break
    // opportunity on either side of a wide cluster (UAX #14 class ID-like).
    let mut frag_start = 0;
    let mut frag_w = 0;
    let mut prev: Option<(&str, usize)> = None;
    for (i, g) in word.grapheme_indices(true) {
        let gw = g.width();
        if let Some((p, pw)) = prev
            && (pw >= 2 || gw >= 2)
            && !no_break_after(p)
            && !no_break_before(g)
        {
            frags.push(Frag {
                start: start + frag_start,
                end: start + i,
                width: frag_w,
                space_after: false,
                simple: false,
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
    });
}

/// Closing punctuation, marks and quotes that stay with what precedes them.
fn no_break_before(g: &str) -> bool {
    let Some(c) = g.chars().next() else {
        return true;
    };
    matches!(
        c,
        '!' | ')'
            | ','
            | '.'
            | ':'
            | ';'
            | '?'
            | ']'
            | '}'
            | '%'
            | '\''
            | '"'
            | '’'
            | '”'
            | '»'
            | '›'
            | '‘'
            | '“'
            | '«'
            | '‹'
            | '…'
            | '‥'
            | '‰'
            | '¢'
            | '°'
            | '、'
            | '。'
            | '〉'
            | '》'
            | '」'
            | '』'
            | '】'
            | '〕'
            | '〗'
            | '〙'
            | '〛'
            | '〟'
            | '〻'
            | '々'
            | 'ー'
            | '゛'
            | '゜'
            | 'ゝ'
            | 'ゞ'
            | 'ヽ'
            | 'ヾ'
            | '・'
            | 'ぁ'
            | 'ぃ'
            | 'ぅ'
            | 'ぇ'
            | 'ぉ'
            | 'っ'
            | 'ゃ'
            | 'ゅ'
            | 'ょ'
            | 'ゎ'
            | 'ゕ'
            | 'ゖ'
            | 'ァ'
            | 'ィ'
            | 'ゥ'
            | 'ェ'
            | 'ォ'
            | 'ッ'
            | 'ャ'
            | 'ュ'
            | 'ョ'
            | 'ヮ'
            | 'ヵ'
            | 'ヶ'
            | '\u{31F0}'
            ..='\u{31FF}'
                | '！'
                | '）'
                | '，'
                | '．'
                | '：'
                | '；'
                | '？'
                | '］'
                | '｝'
                | '｠'
                | '％'
                | '｡'
                | '｣'
                | '､'
    )
}

/// Opening punctuation, quotes and currency signs that stay with what follows.
fn no_break_after(g: &str) -> bool {
    let Some(c) = g.chars().next_back() else {
        return true;
    };
    matches!(
        c,
        '(' | '['
            | '{'
            | '\''
            | '"'
            | '‘'
            | '“'
            | '«'
            | '‹'
            | '’'
            | '”'
            | '»'
            | '›'
            | '$'
            | '£'
            | '¥'
            | '€'
            | '₫'
            | '#'
            | '〈'
            | '《'
            | '「'
            | '『'
            | '【'
            | '〔'
            | '〖'
            | '〘'
            | '〚'
            | '〝'
            | '（'
            | '［'
            | '｛'
            | '｟'
            | '｢'
            | '＄'
            | '￥'
            | '￡'
    )
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
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use unicode_normalization::UnicodeNormalization;

    /// Check every rule for one wrap of `input` at `width`, return the lines.
    fn checked(input: &str, width: usize) -> Vec<String> {
        let lines = wrap_line(input, width);
        check_lines(input, width, &lines);
        lines
    }

    fn check_lines(input: &str, width: usize, lines: &[String]) {
        let nfc: String = input.nfc().collect();
        let norm = nfc.split_whitespace().collect::<Vec<_>>().join(" ");
        if norm.is_empty() {
            assert!(lines.is_empty(), "{input:?} -> {lines:?}");
            return;
        }
        let eff = width.max(1);
        let mut pos = 0;
        for line in lines {
            let lw = line.width();
            // Only a single grapheme cluster wider than the line may overflow
            // it: a wide glyph at width 1, or (any width) one of the rare
            // clusters wider than two columns (Hangul jamo + spacing mark…).
            // Vietnamese, CJK and emoji clusters are at most 2 columns, so
            // for them every line fits at width >= 2.
            let lone_cluster = line.graphemes(true).count() == 1 && (eff == 1 || lw > 2);
            assert!(
                lw <= eff || lone_cluster,
                "{line:?} is {lw} columns > {eff}: {lines:?}"
            );
            assert!(!line.is_empty());
            assert_eq!(line.trim(), line, "no leading/trailing space");
            assert!(
                norm[pos..].starts_with(line.as_str()),
                "lost/reordered text at {pos}: {line:?} vs {:?}",
                &norm[pos..]
            );
            pos += line.len();
            if pos < norm.len() {
                if norm[pos..].starts_with(' ') {
                    pos += 1;
                } else {
                    check_mid_word_break(&norm, pos, eff);
                }
            }
        }
        assert_eq!(pos, norm.len(), "text missing at the end: {lines:?}");
    }

    /// A break inside a word is allowed only next to a wide glyph or when the
    /// word alone is wider than the line, and never inside a grapheme cluster.
    fn check_mid_word_break(norm: &str, pos: usize, width: usize) {
        let ws = norm[..pos].rfind(' ').map_or(0, |i| i + 1);
        let we = norm[pos..].find(' ').map_or(norm.len(), |i| pos + i);
        let word = &norm[ws..we];
        let rel = pos - ws;
        let bounds: Vec<usize> = word.grapheme_indices(true).map(|(i, _)| i).collect();
        assert!(
            bounds.contains(&rel),
            "break inside a grapheme cluster in {word:?}"
        );
        let before = word[..rel].graphemes(true).next_back().unwrap();
        let after = word[rel..].graphemes(true).next().unwrap();
        let wide = before.width() >= 2 || after.width() >= 2;
        assert!(
            wide || word.width() > width,
            "word {word:?} ({} cols) split at width {width}",
            word.width()
        );
    }

    #[test]
    fn exact_vietnamese_headline() {
        assert_eq!(
            checked("Thủ tướng Chính phủ Phạm Minh Chính chủ trì phiên họp", 20),
            [
                "Thủ tướng Chính phủ",
                "Phạm Minh Chính chủ",
                "trì phiên họp"
            ]
        );
    }

    #[test]
    fn exact_mixed_cjk() {
        assert_eq!(checked("Việt中 Nam", 5), ["Việt", "中", "Nam"]);
    }

    #[test]
    fn exact_emoji_at_width_two() {
        assert_eq!(checked("a🌞b", 2), ["a", "🌞", "b"]);
    }

    #[test]
    fn exact_abbreviation_is_first_fit() {
        assert_eq!(
            checked("TP. Hồ Chí Minh là thành phố", 12),
            ["TP. Hồ Chí", "Minh là", "thành phố"]
        );
    }

    #[test]
    fn empty_and_blank_input_give_no_lines() {
        assert!(wrap_line("", 10).is_empty());
        assert!(wrap_line("   \t\n ", 10).is_empty());
        assert!(wrap_with_indent("", 10, "- ", "  ").is_empty());
    }

    #[test]
    fn width_zero_is_width_one() {
        assert_eq!(wrap_line("ab c", 0), wrap_line("ab c", 1));
        assert_eq!(checked("ab c", 0), ["a", "b", "c"]);
    }

    #[test]
    fn short_text_is_one_line_and_whitespace_collapses() {
        assert_eq!(checked("  Hà   Nội\t mùa\nthu ", 80), ["Hà Nội mùa thu"]);
    }

    #[test]
    fn syllable_is_not_split_when_it_fits() {
        // "Nghiêng" is 7 columns: it moves whole to the next line.
        assert_eq!(checked("ai Nghiêng", 8), ["ai", "Nghiêng"]);
        assert_eq!(checked("người nghiêng", 7), ["người", "nghiêng"]);
    }

    #[test]
    fn overlong_word_breaks_by_grapheme_cluster() {
        assert_eq!(checked("nghiêng", 3), ["ngh", "iên", "g"]);
        // A base letter with a mark NFC cannot compose stays one cluster.
        let lines = checked("q\u{0323}q\u{0323}q\u{0323}q\u{0323}", 3);
        assert_eq!(lines, ["q\u{0323}q\u{0323}q\u{0323}", "q\u{0323}"]);
        // Emoji ZWJ sequences and flags are never cut.
        let fam = "👨\u{200D}👩\u{200D}👧";
        let lines = checked(&format!("x{fam}🇻🇳{fam}y"), 3);
        assert_eq!(
            lines,
            [format!("x{fam}"), "🇻🇳".to_string(), format!("{fam}y")]
        );
    }

    #[test]
    fn wide_glyph_moves_to_next_line() {
        assert_eq!(checked("ab中", 3), ["ab", "中"]);
        assert_eq!(checked("abc 中文", 4), ["abc", "中文"]);
        assert_eq!(checked("a 中", 2), ["a", "中"]);
    }

    #[test]
    fn width_one_puts_wide_glyph_alone() {
        assert_eq!(checked("中文", 1), ["中", "文"]);
        assert_eq!(checked("a🌞b", 1), ["a", "🌞", "b"]);
    }

    #[test]
    fn cjk_breaks_between_ideographs() {
        assert_eq!(checked("中华人民共和国", 6), ["中华人", "民共和", "国"]);
        assert_eq!(checked("ひらがなカタカナ", 8), ["ひらがな", "カタカナ"]);
        assert_eq!(checked("한국어한국어", 6), ["한국어", "한국어"]);
    }

    #[test]
    fn cjk_keeps_closing_and_opening_punctuation() {
        // No break before "。" or "」", none after "「".
        assert_eq!(checked("中文中。", 6), ["中文", "中。"]);
        assert_eq!(checked("他说「好」", 6), ["他说", "「好」"]);
        assert_eq!(checked("中文中, ok", 6), ["中文", "中, ok"]);
    }

    #[test]
    fn long_url_breaks_after_slash_and_dash() {
        let url = "https://dantri.com.vn/kinh-doanh/vinamilk-lot-top-1000.htm";
        let lines = checked(&format!("Xem {url} ngay"), 20);
        assert_eq!(
            lines,
            [
                "Xem https://",
                "dantri.com.vn/kinh-",
                "doanh/vinamilk-lot-",
                "top-1000.htm ngay"
            ]
        );
        for l in &lines[..lines.len() - 1] {
            assert!(l.ends_with(['/', '-']) || l == "Xem", "{l:?}");
        }
    }

    #[test]
    fn long_token_without_preferred_break_fills_lines() {
        assert_eq!(checked("abcdefghij", 4), ["abcd", "efgh", "ij"]);
    }

    #[test]
    fn nfd_renders_like_nfc() {
        let nfc = "Thủ tướng Chính phủ Phạm Minh Chính chủ trì phiên họp";
        let nfd: String = nfc.nfd().collect();
        assert_ne!(nfc, nfd);
        for w in 1..=60 {
            assert_eq!(wrap_line(&nfd, w), wrap_line(nfc, w), "width {w}");
        }
    }

    #[test]
    fn control_and_invisible_chars_do_not_panic() {
        for s in [
            "a\u{7}b\u{1b}[2J c",
            "\u{200B}\u{200B} x",
            "\u{0301}",
            "a\u{FE0F}b",
            "\r\n",
        ] {
            for w in 0..6 {
                let _ = wrap_line(s, w);
                let _ = wrap_with_indent(s, w, "• ", "  ");
            }
        }
    }

    #[test]
    fn indent_prefixes_count_toward_width() {
        let lines = wrap_with_indent("Phạm Minh Chính chủ trì phiên họp", 12, "1. ", "   ");
        assert_eq!(
            lines,
            ["1. Phạm Minh", "   Chính chủ", "   trì phiên", "   họp"]
        );
        for l in &lines {
            assert!(l.width() <= 12);
        }
    }

    #[test]
    fn indent_too_wide_is_cut() {
        let lines = wrap_with_indent("ab cd", 4, "10. ", "    ");
        assert_eq!(lines, ["10ab", "  cd"]);
        let lines = wrap_with_indent("中文", 2, "• ", "  ");
        assert_eq!(lines, ["中", "文"]);
    }

    #[test]
    fn prepared_matches_free_functions() {
        let text = "Hà Nội: 中文 https://vnexpress.net/thoi-su";
        let p = Prepared::new(text);
        for w in 0..50 {
            assert_eq!(p.wrap(w), wrap_line(text, w));
            assert_eq!(
                p.wrap_with_indent(w, "- ", "  "),
                wrap_with_indent(text, w, "- ", "  ")
            );
        }
    }

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

    /// Our first-fit splits the fragments exactly like textwrap's.
    fn assert_first_fit_like_textwrap(text: &str, width: usize, first: usize, rest: usize) {
        let p = Prepared::new(text);
        let (fa, ra) = (
            width.max(1).saturating_sub(first).max(1),
            width.max(1).saturating_sub(rest).max(1),
        );
        let frags = p.frags_for(fa, ra);
        let mut ours: Vec<(usize, usize)> = Vec::new();
        first_fit(&frags, fa, ra, |l| {
            ours.push((l[0].start, l[l.len() - 1].end))
        });
        let theirs: Vec<(usize, usize)> = if frags.is_empty() {
            Vec::new()
        } else {
            textwrap::wrap_algorithms::wrap_first_fit(&frags, &[fa as f64, ra as f64])
                .iter()
                .map(|l| (l[0].start, l[l.len() - 1].end))
                .collect()
        };
        assert_eq!(ours, theirs, "{text:?} at {width}");
    }

    #[test]
    fn first_fit_matches_textwrap_examples() {
        for w in 0..30 {
            assert_first_fit_like_textwrap("Thủ tướng Chính phủ Phạm Minh Chính chủ trì", w, 0, 0);
            assert_first_fit_like_textwrap("Việt中 Nam https://a.vn/b-c/d", w, 3, 2);
        }
    }

    #[test]
    fn simple_chars_are_nfc_starters() {
        use unicode_normalization::char::canonical_combining_class;
        for c in (0u32..0x2100)
            .filter_map(char::from_u32)
            .filter(|&c| is_simple(c))
        {
            assert_eq!(canonical_combining_class(c), 0, "U+{:04X}", c as u32);
            assert_eq!(
                is_nfc_quick(std::iter::once(c)),
                IsNormalized::Yes,
                "U+{:04X}",
                c as u32
            );
        }
    }

    #[test]
    fn byte_scan_accepts_exactly_simple_chars() {
        for c in (0u32..0x3000)
            .filter_map(char::from_u32)
            .filter(|&c| c != ' ')
        {
            let s = format!("a{c}b c");
            let mut frags = Vec::new();
            let fast = scan_simple(s.as_bytes(), &mut frags).is_some();
            assert_eq!(fast, is_simple(c), "U+{:04X}", c as u32);
        }
        let mut frags = Vec::new();
        for bad in [" a", "a ", "a  b", "a\tb", "a\u{A0}b"] {
            assert!(scan_simple(bad.as_bytes(), &mut frags).is_none(), "{bad:?}");
        }
        assert_eq!(scan_simple(b"", &mut frags), Some(0));
        assert_eq!(scan_simple("Đắk Lắk ab".as_bytes(), &mut frags), Some(3));
    }

    #[test]
    fn simple_chars_are_one_column_single_clusters() {
        for c in (0u32..0x2100)
            .filter_map(char::from_u32)
            .filter(|&c| is_simple(c))
        {
            let s = c.to_string();
            assert_eq!(s.width(), 1, "{c:?} U+{:04X}", c as u32);
            // Followed by anything it still ends its own cluster, unless the
            // next char extends it (which makes that word non-simple).
            assert_eq!(
                format!("{c}a").graphemes(true).count(),
                2,
                "U+{:04X}",
                c as u32
            );
            assert_eq!(
                format!("a{c}").graphemes(true).count(),
                2,
                "U+{:04X}",
                c as u32
            );
        }
    }

    /// Pieces mixed at random: Vietnamese (NFC and NFD), ASCII, CJK, kana,
    /// hangul, emoji (with ZWJ, modifiers, flags, VS16), URLs, punctuation,
    /// combining marks and odd whitespace.
    fn piece() -> impl Strategy<Value = String> {
        prop_oneof![
            prop::sample::select(vec![
                "Thủ",
                "tướng",
                "Chính",
                "phủ",
                "Nghiêng",
                "người",
                "Đắk",
                "Lắk",
                "ưỡng",
                "TP.",
                "Hồ",
                "“Việt",
                "Nam”",
                "–",
                "…",
                "(HN)",
                "30%",
                "1.000₫",
            ])
            .prop_map(str::to_string),
            "[a-zA-Z0-9.,;:!?()'\"-]{1,12}",
            "[\u{4E00}-\u{4E40}\u{3041}-\u{3096}\u{30A1}-\u{30FA}\u{AC00}-\u{AC40}。、「」（）]{1,10}",
            prop::sample::select(vec![
                "🌞",
                "👍🏽",
                "👨\u{200D}👩\u{200D}👧",
                "🇻🇳",
                "❤\u{FE0F}",
                "1\u{FE0F}\u{20E3}",
                "\u{0301}",
                "\u{0323}",
                "a\u{0306}\u{0301}",
                "\u{200B}",
                "\u{AD}",
                "e\u{0302}\u{0300}",
            ])
            .prop_map(str::to_string),
            "https://[a-z]{2,8}\\.vn/[a-z-]{3,30}/[a-z0-9-]{5,40}\\.htm",
            "[a-zA-Zà-ỹ]{15,40}",
            prop::sample::select(vec![" ", " ", " ", "  ", "\t", "\n", "\u{A0}"])
                .prop_map(str::to_string),
            any::<char>().prop_map(|c| c.to_string()),
        ]
    }

    /// Cleaned-looking Vietnamese: words joined by single spaces.
    fn viet_text() -> impl Strategy<Value = String> {
        let word = prop_oneof![
            prop::sample::select(vec![
                "Thủ",
                "tướng",
                "Chính",
                "phủ",
                "Nghiêng",
                "người",
                "Đắk",
                "Lắk",
                "ưỡng",
                "TP.",
                "“Việt",
                "Nam”",
                "–",
                "…",
                "(HN)",
                "30%",
                "1.000₫",
                "Covid-19",
            ])
            .prop_map(str::to_string),
            "[a-zA-Z0-9.,:/-]{1,30}",
            "[a-zA-Zà-ỹ]{1,12}",
        ];
        prop::collection::vec(word, 0..40).prop_map(|v| v.join(" "))
    }

    fn text() -> impl Strategy<Value = String> {
        prop::collection::vec(piece(), 0..40).prop_map(|v| v.concat())
    }

    /// The input's characters without whitespace, after NFC (composition
    /// never crosses whitespace, so NFC first is the right order).
    fn no_ws(s: &str) -> String {
        s.nfc().filter(|c| !c.is_whitespace()).collect()
    }

    /// The lines' characters without whitespace (lines are NFC already;
    /// re-normalising their concatenation could compose across a break).
    fn lines_no_ws(lines: &[String]) -> String {
        lines
            .concat()
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]

        #[test]
        fn prop_all_rules(s in prop_oneof![text(), viet_text()], width in 1usize..=120) {
            let lines = wrap_line(&s, width);
            check_lines(&s, width, &lines);
            prop_assert_eq!(lines_no_ws(&lines), no_ws(&s));
        }

        #[test]
        fn prop_fast_path_like_general(s in prop_oneof![text(), viet_text()], width in 1usize..=120) {
            let fast = Prepared::new(&s);
            let general = Prepared::general(&s);
            prop_assert_eq!(fast.wrap(width), general.wrap(width));
        }

        #[test]
        fn prop_first_fit_like_textwrap(s in text(), width in 0usize..=120, first in 0usize..5, rest in 0usize..5) {
            assert_first_fit_like_textwrap(&s, width, first, rest);
        }

        #[test]
        fn prop_nfd_like_nfc(s in text(), width in 1usize..=120) {
            let nfc: String = s.nfc().collect();
            let nfd: String = s.nfd().collect();
            prop_assert_eq!(wrap_line(&nfd, width), wrap_line(&nfc, width));
        }

        #[test]
        fn prop_indent(s in text(), width in 1usize..=60, bullet in 0usize..4) {
            let (first, rest) = [("", ""), ("- ", "  "), ("12. ", "    "), ("• ", "")][bullet];
            let lines = wrap_with_indent(&s, width, first, rest);
            for (i, l) in lines.iter().enumerate() {
                let lone_cluster = {
                    let p = cut_prefix(if i == 0 { first } else { rest }, width.saturating_sub(2)).0;
                    let body = &l[p.len()..];
                    body.graphemes(true).count() == 1 && (width <= 1 || body.width() > 2)
                };
                prop_assert!(l.width() <= width.max(1) || lone_cluster, "{:?}", l);
                let p = if i == 0 { first } else { rest };
                let keep = width.saturating_sub(2);
                let (p, _) = cut_prefix(p, keep);
                prop_assert!(l.starts_with(p));
            }
            let body: String = lines
                .iter()
                .enumerate()
                .map(|(i, l)| {
                    let p = cut_prefix(if i == 0 { first } else { rest }, width.saturating_sub(2)).0;
                    l[p.len()..].to_string()
                })
                .collect();
            prop_assert_eq!(lines_no_ws(&[body]), no_ws(&s));
        }
    }
}
