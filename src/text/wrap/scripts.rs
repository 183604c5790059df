//! What the wrapper knows of scripts other than Latin: which clusters are
//! wide glyphs to break beside, Korean words kept whole, and the scripts
//! written without spaces that break between words by ICU's dictionary.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use super::Frag;

/// A cluster two columns wide because its first character is (a CJK
/// ideograph, kana, an emoji): a break opportunity on either side. A
/// cluster two columns wide because a spacing mark follows its letter
/// (Devanagari "च्छी", "बु") is not: Hindi breaks at spaces ("अ/च्छी" was
/// split, an independent review's find).
pub(super) fn wide_glyph(g: &str, width: usize) -> bool {
    width >= 2
        && g.chars()
            .next()
            .and_then(unicode_width::UnicodeWidthChar::width)
            .is_some_and(|w| w >= 2)
}

/// Thai, Lao, Khmer and Myanmar put no spaces between words: a line breaks
/// between words all the same, which only a dictionary knows (UAX #14's
/// class SA).
pub(super) fn written_without_spaces(c: char) -> bool {
    matches!(c,
        '\u{0E00}'..='\u{0EFF}'
        | '\u{1000}'..='\u{109F}'
        | '\u{1780}'..='\u{17FF}'
        | '\u{19E0}'..='\u{19FF}'
        | '\u{A9E0}'..='\u{A9FF}'
        | '\u{AA60}'..='\u{AA7F}')
}

/// [`push_word_frags`] for a word of [`written_without_spaces`] script:
/// a fragment for each piece between two of ICU's line breaks (its
/// dictionary of the script's words; CJK and punctuation by UAX #14), so
/// that "กระทรวงการท่องเที่ยว…" breaks between its words, never before a
/// vowel ("ประกาศว่ | าประเทศ" before).
pub(super) fn push_dictionary_frags(word: &str, start: usize, frags: &mut Vec<Frag>) {
    let mut from = 0;
    for at in dictionary_breaks(word) {
        let piece = &word[from..at];
        frags.push(Frag {
            start: start + from,
            end: start + at,
            width: piece.graphemes(true).map(UnicodeWidthStr::width).sum(),
            space_after: false,
            simple: false,
            glued: false,
        });
        from = at;
    }
    if from < word.len() {
        let piece = &word[from..];
        frags.push(Frag {
            start: start + from,
            end: start + word.len(),
            width: piece.graphemes(true).map(UnicodeWidthStr::width).sum(),
            space_after: false,
            simple: false,
            glued: false,
        });
    }
}

/// Where ICU's line segmenter, with its dictionaries of Thai, Lao, Khmer
/// and Burmese words, lets `word` (a run without spaces) break: between
/// its words, and between any two Chinese or Japanese letters (UAX #14).
/// Only between grapheme clusters, as the wrapper measures them: ICU may
/// break where the segmentation crate sees one cluster (a Khmer vowel after
/// a letter of another script). Neither 0 nor `word.len()`.
pub(crate) fn dictionary_breaks(word: &str) -> impl Iterator<Item = usize> + '_ {
    use icu_segmenter::LineSegmenter;
    use icu_segmenter::options::LineBreakOptions;
    static SEGMENTER: std::sync::LazyLock<icu_segmenter::LineSegmenterBorrowed<'static>> =
        std::sync::LazyLock::new(|| LineSegmenter::new_dictionary(LineBreakOptions::default()));
    let mut clusters = word.grapheme_indices(true).map(|(i, _)| i).peekable();
    SEGMENTER
        .segment_str(word)
        .filter(move |&b| b > 0 && b < word.len())
        .filter(move |&at| {
            while clusters.next_if(|&c| c < at).is_some() {}
            clusters.peek() == Some(&at)
        })
}

/// A word with Hangul in it (syllables or jamo) is Korean. Korean breaks at
/// spaces, like Latin script (CSS `word-break: keep-all`), so its wide
/// glyphs are no break opportunities: `안녕하세요` and `韓國語를` stay whole
/// unless the word alone is wider than the line. UAX #14 by default lets a
/// line break between any two Hangul syllables (so `unicode-linebreak`, which
/// textwrap can use, would split `안녕하/세요`); `icu_segmenter`'s keep-all
/// option keeps Chinese and Japanese words whole too, which they do not
/// want: hence this one rule of our own.
pub(super) fn is_korean_word(word: &str) -> bool {
    word.chars().any(|c| {
        matches!(c,
            '\u{1100}'..='\u{11FF}'
            | '\u{3130}'..='\u{318F}'
            | '\u{A960}'..='\u{A97F}'
            | '\u{AC00}'..='\u{D7AF}'
            | '\u{D7B0}'..='\u{D7FF}')
    })
}
