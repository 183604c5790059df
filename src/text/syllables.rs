//! Syllables, as search sees them (issue 13): the one splitting of text
//! into words that the search index's tokenizer, query parsing and
//! in-text finding share.
//!
//! A syllable is a run of letters and digits (any script; a combining mark
//! belongs to the letter before it, so NFD text splits as NFC does), except
//! in scripts written without spaces (Chinese, Japanese, Thai…), where each
//! letter is one ([`for_each_syllable_range`]). Each has two forms:
//!
//! - **exact**: lower case, NFC, the look-alikes "Ð"/"ð" read as "đ": how it
//!   is written;
//! - **folded**: lower case without any mark, "đ" as "d"
//!   ([`super::fold::push_search_folded`]); a letter of an unspaced script
//!   keeps its marks, which make another letter ("バ", "ハ").
//!
//! The index holds the exact form (since issue 14; the folded one at the
//! same position before); a query syllable is compared
//! in the form it was typed in ([`syllable_matches`]): typed with marks it
//! matches only that spelling, typed without it matches every spelling.

use std::ops::Range;

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

pub use super::fold::{bare_y_for_i, one_word_either_letter, tone_moved, y_for_i};
use super::fold::{fix_lookalikes, push_search_folded, split_tone};

/// One syllable of a text: where it is, and its two forms (equal when it
/// has no mark).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Syllable<'a> {
    /// Its bytes in the text, combining marks included.
    pub range: Range<usize>,
    pub exact: &'a str,
    pub folded: &'a str,
}

/// Whether a query syllable `q` (in its exact form) matches a syllable of a
/// text, whole or (`prefix`) as its start: compared with the text's exact
/// form, and with its folded form, which only a query without marks can
/// equal, or with the tone on the other vowel ("hoà" is "hòa",
/// [`tone_moved`]), or with "y" for "i" ("kĩ" is "kỹ", [`y_for_i`]). A start typed with marks is compared with the tone set aside
/// ([`starts_tone_aside`]): as a syllable is typed (Telex, VNI) its tone
/// comes last, so "nô" is "nội" on its way.
pub fn syllable_matches(q: &str, exact: &str, folded: &str, prefix: bool) -> bool {
    // Typed without marks, "ki" is also "kỹ", "kỳ"… ([`bare_y_for_i`]);
    // with them, "kĩ" is "kỹ", whole or as the start typed last.
    let other_letter = || {
        q.is_ascii()
            && bare_y_for_i(q).is_some_and(|o| folded == o)
            && one_word_either_letter(exact)
    };
    if !prefix {
        return exact == q || folded == q || tone_moved_is(q, exact) || other_letter();
    }
    // Starting with `q` as typed, its tone (if any) included, is a match;
    // an unmarked `q` is compared with the folded form only.
    exact.starts_with(q)
        || folded.starts_with(q)
        || (!q.is_ascii() && starts_tone_aside(q, exact))
        || y_for_i(q).is_some_and(|o| o == exact)
        || other_letter()
}

/// Whether `q` and `exact` (exact forms) are one syllable with its tone on
/// either vowel ([`tone_moved`]), or spelt with "i" and with "y"
/// ([`y_for_i`]: "kĩ" is "kỹ").
fn tone_moved_is(q: &str, exact: &str) -> bool {
    !q.is_ascii()
        && q.len().abs_diff(exact.len()) <= 1
        && (tone_moved(q).is_some_and(|m| m == exact) || y_for_i(q).is_some_and(|m| m == exact))
}

/// Whether `exact` (a syllable's exact form) starts with the start `q`
/// typed with marks, the tone mark set aside: the letters, with their own
/// marks (â ă ê ô ơ ư đ), must be those typed ("nô" is not "nơi" nor
/// "nói"), and a tone typed must be the syllable's ("nộ" is "nội", "nộp",
/// not "nổi"), wherever it sits ("hoà" starts "hòa").
pub fn starts_tone_aside(q: &str, exact: &str) -> bool {
    let mut q_tone = 0u8;
    let mut e_tone = 0u8;
    let mut rest = exact.chars();
    for qc in q.chars() {
        let (_, q_letter, tone) = split_tone(qc);
        q_tone = q_tone.max(tone);
        let Some(q_letter) = q_letter else {
            continue; // a tone mark on its own
        };
        loop {
            let Some(ec) = rest.next() else {
                return false;
            };
            let (_, e_letter, tone) = split_tone(ec);
            e_tone = e_tone.max(tone);
            match e_letter {
                None => continue,
                Some(l) if l == q_letter => break,
                Some(_) => return false,
            }
        }
    }
    if q_tone == 0 {
        return true;
    }
    for ec in rest {
        e_tone = e_tone.max(split_tone(ec).2);
    }
    q_tone == e_tone
}

/// The lower case of a letter or digit of the Latin blocks Vietnamese is
/// written in, answered without `char::to_lowercase`'s table: `None` for
/// any other character (and for "Ð"/"ð", which [`fix_lookalikes`] reads as
/// "đ"). Every answer is a precomposed letter, stable under NFC, so a
/// syllable made only of them needs no NFC check either.
#[inline]
fn vietnamese_lower(c: char) -> Option<char> {
    let u = c as u32;
    let lower = match c {
        'a'..='z' | '0'..='9' => u,
        'A'..='Z' => u + 0x20,
        '\u{D0}' | '\u{D7}' | '\u{F0}' | '\u{F7}' => return None,
        '\u{C0}'..='\u{DE}' => u + 0x20,
        '\u{DF}'..='\u{FF}' => u,
        '\u{102}' | '\u{110}' | '\u{128}' | '\u{168}' | '\u{1A0}' => u + 1,
        '\u{103}' | '\u{111}' | '\u{129}' | '\u{169}' | '\u{1A1}' | '\u{1B0}' => u,
        '\u{1AF}' => u + 1,
        '\u{1EA0}'..='\u{1EF9}' => u | 1,
        _ => return None,
    };
    char::from_u32(lower)
}

/// The exact form of a syllable's text.
fn push_exact(word: &str, tmp: &mut String, out: &mut String) {
    tmp.clear();
    let mut plain = true;
    for c in word.chars() {
        match vietnamese_lower(c) {
            Some(l) => tmp.push(l),
            None => {
                plain = false;
                tmp.extend(fix_lookalikes(c).to_lowercase());
            }
        }
    }
    // Precomposed Latin letters alone (no combining mark): NFC already.
    if plain {
        out.push_str(tmp);
        return;
    }
    // Stored text is NFC, and so is nearly every syllable lowercased: a
    // quick check spares composing it again.
    if is_nfc_quick(tmp.chars()) == IsNormalized::Yes {
        out.push_str(tmp);
    } else {
        out.extend(tmp.nfc());
    }
}

/// Call `f` with each syllable of `text`, in order, until it returns
/// `false`; returns whether every call returned `true`.
pub fn for_each_syllable(text: &str, mut f: impl FnMut(Syllable<'_>) -> bool) -> bool {
    let mut forms = Forms::default();
    for_each_syllable_range(text, |range| {
        let (exact, folded) = forms.of(&text[range.clone()]);
        f(Syllable {
            range,
            exact,
            folded,
        })
    })
}

/// Where each syllable of `text` is, in order, until `f` returns `false`
/// (the splitting of [`for_each_syllable`] without the forms: a caller
/// that meets the same syllable many times can make its forms once, with
/// [`Forms`]).
///
/// In a script written without spaces between words ([`unspaced`]: Chinese,
/// Japanese, Thai…) each letter is a syllable of its own, with the marks
/// that follow it: a word there is found inside a run as a phrase of its
/// letters ("统计局" in "国家统计局发布"), since nothing in the text says
/// where its words begin. Hangul is written with spaces and split at them.
pub fn for_each_syllable_range(text: &str, mut f: impl FnMut(Range<usize>) -> bool) -> bool {
    let mut start: Option<usize> = None;
    // The syllable begun is one letter of an unspaced script.
    let mut single = false;
    for (i, c) in text.char_indices() {
        let word = crate::text::fold::is_word_char(c);
        let alone = word && alone_letter(c);
        if let Some(s) = start {
            if (word && !alone && !single) || is_combining_mark(c) {
                continue;
            }
            start = None;
            if !f(s..i) {
                return false;
            }
        }
        if word {
            start = Some(i);
            single = alone;
        }
    }
    match start {
        Some(s) => f(s..text.len()),
        None => true,
    }
}

/// Whether `c` is a syllable alone ([`for_each_syllable_range`]): a letter
/// of an unspaced script, not a digit (Thai "๒๕๖๖" is a number, whole, as
/// "2023" is).
pub fn alone_letter(c: char) -> bool {
    // (Every unspaced letter is at U+0E00 or after, and none is among
    // Vietnamese letters with a tone.)
    c >= '\u{0E00}' && !matches!(c, '\u{1E00}'..='\u{1EFF}') && unspaced(c) && !c.is_numeric()
}

/// Whether `text` holds a letter of an unspaced script ([`unspaced`]):
/// its syllables were split otherwise before schema version 28.
pub fn has_unspaced(text: &str) -> bool {
    // Every such letter is at U+0E00 or after: three bytes or four in UTF-8.
    text.bytes().any(|b| b >= 0xE0) && text.chars().any(unspaced)
}

/// Whether `text` is one syllable, as [`for_each_syllable_range`] splits.
pub fn is_one_syllable(text: &str) -> bool {
    let mut n = 0;
    for_each_syllable_range(text, |r| {
        n += 1;
        n == 1 && r == (0..text.len())
    }) && n == 1
}

/// Whether `c` is a letter of a script written without spaces between its
/// words: Han (with its compatibility forms and radicals), Hiragana,
/// Katakana (and its half-width forms), Bopomofo, Yi, Thai, Lao, Khmer,
/// Myanmar and Tai scripts.
pub fn unspaced(c: char) -> bool {
    matches!(c,
        '\u{0E00}'..='\u{0EFF}'       // Thai, Lao
        | '\u{1000}'..='\u{109F}'     // Myanmar
        | '\u{1780}'..='\u{17FF}'     // Khmer
        | '\u{1950}'..='\u{19DF}'     // Tai Le, New Tai Lue
        | '\u{1A20}'..='\u{1AAF}'     // Tai Tham
        | '\u{19E0}'..='\u{19FF}'     // Khmer symbols
        | '\u{2E80}'..='\u{2FDF}'     // CJK and Kangxi radicals
        | '\u{3005}'..='\u{3007}'     // 々 〆 〇
        | '\u{3021}'..='\u{3029}'     // Hangzhou numerals
        | '\u{3031}'..='\u{3035}'     // kana repeat marks
        | '\u{3038}'..='\u{303C}'
        | '\u{3040}'..='\u{312F}'     // Hiragana, Katakana, Bopomofo
        | '\u{31A0}'..='\u{31FF}'     // Bopomofo extended, Katakana extensions
        | '\u{3400}'..='\u{4DBF}'     // CJK extension A
        | '\u{4E00}'..='\u{9FFF}'     // CJK unified ideographs
        | '\u{A000}'..='\u{A4CF}'     // Yi
        | '\u{A9E0}'..='\u{A9FF}'     // Myanmar extended-B
        | '\u{AA60}'..='\u{AADF}'     // Myanmar extended-A, Tai Viet
        | '\u{F900}'..='\u{FAFF}'     // CJK compatibility ideographs
        | '\u{FF66}'..='\u{FF9F}'     // half-width Katakana
        | '\u{1B000}'..='\u{1B16F}'   // kana supplement and extensions
        | '\u{20000}'..='\u{3FFFF}'   // CJK extensions B and after
    )
}

/// The two forms of a syllable's text, made in buffers kept from one
/// syllable to the next.
#[derive(Debug, Default)]
pub struct Forms {
    exact: String,
    folded: String,
    tmp: String,
}

impl Forms {
    /// The exact and folded forms of `word`, a syllable's text.
    pub fn of(&mut self, word: &str) -> (&str, &str) {
        let Forms { exact, folded, tmp } = self;
        exact.clear();
        folded.clear();
        if word.is_ascii() {
            exact.push_str(word);
            exact.make_ascii_lowercase();
            return (exact, exact);
        }
        push_exact(word, tmp, exact);
        // A letter of an unspaced script keeps its marks folded: they make
        // another letter ("バ" is not "ハ", "ที่" not "ท"), where a Vietnamese
        // syllable's marks are what a query typed without them may leave out.
        if word.chars().next().is_some_and(alone_letter) {
            folded.push_str(exact);
            return (exact, folded);
        }
        for c in word.chars() {
            push_search_folded(c, folded);
        }
        (exact, folded)
    }
}

/// Every syllable of `text` as (range, exact, folded), owned.
pub fn syllables(text: &str) -> Vec<(Range<usize>, String, String)> {
    let mut out = Vec::new();
    for_each_syllable(text, |s| {
        out.push((s.range, s.exact.to_string(), s.folded.to_string()));
        true
    });
    out
}

/// Whether each syllable of `query` is the start of a syllable of `name`
/// (as the search reads a last syllable: [`syllable_matches`]), so that a
/// syllable typed with marks is that spelling ("hà" is "Hà Nội", not "Hải
/// Phòng") and one typed without them any ("ha"). The keyword filters'
/// rule; an empty query holds for every name.
pub fn words_start(query: &str, name: &str) -> bool {
    let words = syllables(name);
    let mut all = true;
    for_each_syllable(query, |q| {
        all = words
            .iter()
            .any(|(_, exact, folded)| syllable_matches(q.exact, exact, folded, true));
        all
    });
    all
}

/// Whether `query` and `name` are the same syllables, one by one, each
/// typed whole as the search reads it ([`syllable_matches`]): typed without
/// marks, any spelling of it; with marks, that spelling (its tone on either
/// vowel). The keyword filter's rule for a name no keyword is spelled as
/// ("Hà noi" is "Hà Nội", "ha nổi" is not, nor "áo ba bà" "áo bà ba").
pub fn marks_agree(query: &str, name: &str) -> bool {
    let words = syllables(name);
    let mut i = 0;
    let mut all = true;
    for_each_syllable(query, |q| {
        all = words
            .get(i)
            .is_some_and(|(_, exact, folded)| syllable_matches(q.exact, exact, folded, false));
        i += 1;
        all
    });
    all && i == words.len()
}

/// Whether `query` has a mark (a tone or a letter's own: â ă ê ô ơ ư đ)
/// that its folded form drops: then it is read as typed.
pub fn has_marks(query: &str) -> bool {
    let mut marked = false;
    for_each_syllable(query, |q| {
        marked = q.exact != q.folded;
        !marked
    });
    marked
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The keyword filter's rule: syllable by syllable, each whole.
    #[test]
    fn marks_agree_syllable_by_syllable() {
        for (q, name, want) in [
            ("ha noi", "hà nội", true),
            ("hà noi", "hà nội", true),
            ("ha nổi", "hà nội", false),
            ("áo ba bà", "áo bà ba", false),
            ("ao ba bà", "áo bà ba", false),
            ("ao bà ba", "áo bà ba", true),
            ("han hà", "hàn ha", false),
            ("thanh hoá", "thanh hóa", true),
            ("ha", "hà nội", false),
            ("hà nội nội", "hà nội", false),
        ] {
            assert_eq!(marks_agree(q, name), want, "{q:?} / {name:?}");
        }
    }

    fn forms(text: &str) -> Vec<(String, String)> {
        syllables(text)
            .into_iter()
            .map(|(_, e, f)| (e, f))
            .collect()
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(e, f)| (e.to_string(), f.to_string()))
            .collect()
    }

    #[test]
    fn the_tone_of_an_open_oa_oe_uy_is_on_either_vowel() {
        for (old, new) in [
            ("hoà", "hòa"),
            ("hoá", "hóa"),
            ("xoá", "xóa"),
            ("loã", "lõa"),
            ("hoạ", "họa"),
            ("khoẻ", "khỏe"),
            ("loè", "lòe"),
            ("thuỷ", "thủy"),
            ("tuỳ", "tùy"),
            ("luỹ", "lũy"),
            ("huỵ", "hụy"),
            ("uỷ", "ủy"),
        ] {
            assert_eq!(tone_moved(old).as_deref(), Some(new), "{old}");
            assert_eq!(tone_moved(new).as_deref(), Some(old), "{new}");
            assert!(
                syllable_matches(old, new, &fold_of(new), false),
                "{old} {new}"
            );
            assert!(
                syllable_matches(new, old, &fold_of(old), false),
                "{new} {old}"
            );
        }
        // One place only: a final consonant, a third vowel, the "u" of
        // "qu", no tone, two tones (not a syllable), other vowels.
        for one in [
            "hoàng", "toán", "khuyến", "ngoài", "khuya", "quý", "quỳ", "hoa", "thuy", "mùa", "hóà",
            "hòn", "ủa", "ý",
        ] {
            assert_eq!(tone_moved(one), None, "{one}");
        }
        // The tone itself still tells syllables apart.
        assert!(!syllable_matches("hoà", "hóa", "hoa", false));
        assert!(!syllable_matches("hoà", "hoá", "hoa", false));
    }

    #[test]
    fn i_and_y_after_a_consonant_with_a_tone_are_one_syllable() {
        for (i, y) in [
            ("kĩ", "kỹ"),
            ("lí", "lý"),
            ("sĩ", "sỹ"),
            ("mĩ", "mỹ"),
            ("tỉ", "tỷ"),
            ("kì", "kỳ"),
            ("quí", "quý"),
            ("hỉ", "hỷ"),
            ("vĩ", "vỹ"),
            ("kị", "kỵ"),
        ] {
            assert_eq!(y_for_i(i).as_deref(), Some(y), "{i}");
            assert_eq!(y_for_i(y).as_deref(), Some(i), "{y}");
            assert!(syllable_matches(i, y, &fold_of(y), false), "{i} {y}");
            assert!(syllable_matches(y, i, &fold_of(i), false), "{y} {i}");
        }
        // No tone (two words: "My", "mi"), another consonant or vowel, a
        // final consonant, no consonant: one spelling.
        for one in [
            "mi", "my", "ly", "thi", "chí", "trí", "kính", "ý", "í", "khí", "phí", "quyết",
        ] {
            assert_eq!(y_for_i(one), None, "{one}");
        }
        // The tone still tells them apart.
        assert!(!syllable_matches("kĩ", "kỳ", "ky", false));
        assert!(!syllable_matches("lí", "ly", "ly", false));
        // The last syllable typed, a start: "Thụy Sỹ" finds "Thụy Sĩ".
        assert!(syllable_matches("sỹ", "sĩ", "si", true));
        assert!(syllable_matches("kì", "kỳ", "ky", true));
        // Typed without marks, any spelling, the other letter's toned ones
        // too: "ki" is "kỹ", "qui" is "quý"; not the other's toneless one
        // ("my" is not "mi").
        for prefix in [false, true] {
            assert!(syllable_matches("ki", "kỹ", "ky", prefix));
            assert!(syllable_matches("qui", "quý", "quy", prefix));
            assert!(syllable_matches("hy", "hì", "hi", prefix));
            assert!(!syllable_matches("my", "mi", "mi", prefix));
            assert!(!syllable_matches("ty", "ti", "ti", prefix));
            assert!(!syllable_matches("thi", "thy", "thy", prefix));
            // Toneless, one word either way: "hy vọng", "quy định".
            assert!(syllable_matches("hi", "hy", "hy", prefix));
            assert!(syllable_matches("qui", "quy", "quy", prefix));
        }
    }

    fn fold_of(s: &str) -> String {
        forms(s).remove(0).1
    }

    #[test]
    fn the_quick_lower_case_is_the_tables() {
        let mut answered = 0;
        for u in 0..0x2000u32 {
            let Some(c) = char::from_u32(u) else { continue };
            let Some(l) = vietnamese_lower(c) else {
                continue;
            };
            answered += 1;
            let want: String = fix_lookalikes(c).to_lowercase().collect();
            assert_eq!(l.to_string(), want, "{c:?}");
            assert_eq!(is_nfc_quick(std::iter::once(l)), IsNormalized::Yes, "{c:?}");
        }
        // ASCII letters and digits, Latin-1 letters, ă đ ĩ ũ ơ ư and the 90 of
        // Latin Extended Additional Vietnamese uses, in both cases.
        assert_eq!(answered, 224);
        for w in ["Đường", "ĐƯỜNG", "Ơn", "ƯỚC", "Ăn", "ĨNH", "ŨA", "Ỹ", "ý"] {
            let mut tmp = String::new();
            let mut out = String::new();
            push_exact(w, &mut tmp, &mut out);
            let want: String = w.to_lowercase().nfc().collect();
            assert_eq!(out, want);
        }
    }

    #[test]
    fn each_syllable_has_its_written_and_its_folded_form() {
        assert_eq!(
            forms("Thái Bình, dân VẬN!"),
            pairs(&[
                ("thái", "thai"),
                ("bình", "binh"),
                ("dân", "dan"),
                ("vận", "van")
            ])
        );
        let text = "Ơn trời";
        let s = syllables(text);
        assert_eq!(&text[s[0].0.clone()], "Ơn");
        assert_eq!(&text[s[1].0.clone()], "trời");
    }

    #[test]
    fn nfd_text_gives_the_nfc_forms_and_covers_its_marks() {
        let nfd: String = "Việt Nam đổi mới".nfd().collect();
        assert_eq!(
            forms(&nfd),
            pairs(&[
                ("việt", "viet"),
                ("nam", "nam"),
                ("đổi", "doi"),
                ("mới", "moi")
            ])
        );
        let s = syllables(&nfd);
        assert_eq!(
            nfd[s[0].0.clone()].chars().count(),
            "Việt".nfd().count(),
            "the range holds the combining marks"
        );
        // A mark with no letter before it is no syllable.
        assert_eq!(forms("\u{301} a"), pairs(&[("a", "a")]));
    }

    #[test]
    fn eth_reads_as_d_with_stroke() {
        assert_eq!(
            forms("Ðại hội ðảng ĐOÀN"),
            pairs(&[
                ("đại", "dai"),
                ("hội", "hoi"),
                ("đảng", "dang"),
                ("đoàn", "doan")
            ])
        );
    }

    #[test]
    fn digits_and_other_scripts() {
        assert_eq!(
            forms("Covid-19 năm 2021: 6,7 độ"),
            pairs(&[
                ("covid", "covid"),
                ("19", "19"),
                ("năm", "nam"),
                ("2021", "2021"),
                ("6", "6"),
                ("7", "7"),
                ("độ", "do"),
            ])
        );
        assert_eq!(
            forms("Москва Ελλάδα 東京タワー HĐND"),
            pairs(&[
                ("москва", "москва"),
                ("ελλάδα", "ελλαδα"),
                ("東", "東"),
                ("京", "京"),
                ("タ", "タ"),
                ("ワ", "ワ"),
                ("ー", "ー"),
                ("hđnd", "hdnd"),
            ])
        );
        assert_eq!(forms(" -- … "), pairs(&[]));
    }

    #[test]
    fn unspaced_scripts_split_at_each_letter() {
        let spans = |t: &str| {
            let mut out = Vec::new();
            for_each_syllable_range(t, |r| {
                out.push(t[r].to_string());
                true
            });
            out
        };
        // Each Han letter and kana alone, Latin and digits glued to them
        // parted from them.
        assert_eq!(
            spans("国家统计局2023年GDP"),
            ["国", "家", "统", "计", "局", "2023", "年", "GDP"]
        );
        // A Thai letter keeps the marks above and below it (a tone mark, a
        // vowel sign), as a Latin letter keeps its combining accent.
        assert_eq!(spans("ที่นี่"), ["ที่", "นี่"]);
        assert_eq!(spans("cafe\u{301} ไทย"), ["cafe\u{301}", "ไ", "ท", "ย"]);
        // Their digits make a number, whole.
        assert_eq!(spans("ปี ๒๕๖๖ปี"), ["ปี", "๒๕๖๖", "ปี"]);
        // Their marks make other letters: folded, a letter keeps them.
        assert_eq!(
            forms("バス ที่ ハ\u{3099}"),
            pairs(&[("バ", "バ"), ("ス", "ス"), ("ที่", "ที่"), ("バ", "バ")])
        );
        // Hangul is written with spaces: its words stay whole.
        assert_eq!(spans("안녕하세요 세계"), ["안녕하세요", "세계"]);
        // Vietnamese is untouched.
        assert_eq!(
            spans("Thủ tướng Chính phủ"),
            ["Thủ", "tướng", "Chính", "phủ"]
        );
    }

    #[test]
    fn marks_typed_are_marks_required() {
        // "dân" matches only "dân"; "dan" matches every spelling.
        assert!(syllable_matches("dân", "dân", "dan", false));
        assert!(!syllable_matches("dân", "dẫn", "dan", false));
        assert!(syllable_matches("dan", "dẫn", "dan", false));
        assert!(syllable_matches("dan", "dan", "dan", false));
        assert!(!syllable_matches("da", "dân", "dan", false));
        assert!(syllable_matches("da", "dân", "dan", true));
        assert!(syllable_matches("bì", "bình", "binh", true));
        assert!(!syllable_matches("bí", "bình", "binh", true));
    }

    /// As a syllable is typed its tone comes last: a start with letter
    /// marks and no tone matches the syllables it starts whatever their
    /// tone, one with a tone only that tone; letter marks typed are kept.
    #[test]
    fn a_start_typed_with_marks_sets_the_tone_aside() {
        let starts = |q: &str, words: &str| -> Vec<String> {
            syllables(words)
                .into_iter()
                .filter(|(_, e, f)| syllable_matches(q, e, f, true))
                .map(|(_, e, _)| e)
                .collect()
        };
        let words = "nội nổi nông nộp nối nô nơi nói noi nồng nở đội";
        assert_eq!(
            starts("nô", words),
            ["nội", "nổi", "nông", "nộp", "nối", "nô", "nồng"]
        );
        assert_eq!(starts("nộ", words), ["nội", "nộp"]);
        assert_eq!(starts("nố", words), ["nối"]);
        assert_eq!(starts("nơ", words), ["nơi", "nở"]);
        assert_eq!(starts("nó", words), ["nói"]);
        assert_eq!(starts("no", words).len(), 11, "no marks: every spelling");
        assert_eq!(starts("đô", words), ["đội"]);
        // The tone wherever it sits: the old and the new placement.
        assert_eq!(starts("hoà", "hòa hoà hoá"), ["hòa", "hoà"]);
        assert_eq!(starts("hò", "hòa hoà hoá"), ["hòa", "hoà"]);
        // Not the middle of a syllable, nor more than it has.
        assert_eq!(starts("ội", words), Vec::<String>::new());
        assert_eq!(starts("nộii", words), Vec::<String>::new());
        // Other scripts: the start as written.
        assert_eq!(starts("мос", "москва мост мы"), ["москва", "мост"]);
    }

    #[test]
    fn stopping_early() {
        let mut n = 0;
        assert!(!for_each_syllable("a b c", |_| {
            n += 1;
            n < 2
        }));
        assert_eq!(n, 2);
    }
}
