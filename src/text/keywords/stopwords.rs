//! The stop words, read from `assets/stopwords-vi.txt` (built into the
//! binary) and parsed once.

use std::sync::LazyLock;

use rustc_hash::FxHashSet;

/// The word list: one entry per line, `#` comment lines and blank lines
/// ignored; an entry without a space is a stop syllable, one with a space a
/// stop phrase.
const STOPWORDS_VI: &str = include_str!("../../../assets/stopwords-vi.txt");

/// The entries of a word list, in file order: lines trimmed, blank and `#`
/// comment lines skipped.
pub(super) fn parse_word_list(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Vietnamese stop syllables, in file order: function words, pronouns and
/// forms of address, auxiliaries and common adverbs, quantifiers, time words,
/// and a few nouns too generic to name a topic ("người", "việc", "điều"). A
/// phrase may contain one ("quy chế dân chủ *ở* cơ sở") but never start or
/// end with one. Lowercase, NFC.
pub(super) static STOP_SYLLABLES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    parse_word_list(STOPWORDS_VI)
        .filter(|w| !w.contains(' '))
        .collect()
});

/// Multi-syllable words too common in news to be a keyword on their own; a
/// phrase that starts or ends with one is dropped too ("thực hiện tốt …").
pub(super) static STOP_PHRASES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    parse_word_list(STOPWORDS_VI)
        .filter(|w| w.contains(' '))
        .collect()
});

static STOP_SET: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| STOP_SYLLABLES.iter().copied().collect());

static STOP_PHRASE_SET: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| STOP_PHRASES.iter().copied().collect());

/// The two-syllable stop phrases as pairs ("cho", "biết").
static STOP_PAIR_SET: LazyLock<FxHashSet<(&'static str, &'static str)>> = LazyLock::new(|| {
    STOP_PHRASES
        .iter()
        .filter_map(|p| p.split_once(' '))
        .collect()
});

/// Words that are never a keyword, whole: abbreviations that name nothing
/// ("SN", "sinh năm") and the names of newspapers, which their own pages
/// repeat ("Dân Việt"). Read from `assets/not-keywords-vi.txt`.
const NOT_KEYWORDS_VI: &str = include_str!("../../../assets/not-keywords-vi.txt");

static NOT_KEYWORD_SET: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| parse_word_list(NOT_KEYWORDS_VI).collect());

/// The keys ([`title_key`](crate::text::fold::title_key)) never kept as a keyword.
pub(super) fn not_keyword_set() -> &'static FxHashSet<&'static str> {
    &NOT_KEYWORD_SET
}

/// The stop syllables, as a set.
pub(super) fn stop_set() -> &'static FxHashSet<&'static str> {
    &STOP_SET
}

/// The stop phrases, as a set.
pub(super) fn stop_phrase_set() -> &'static FxHashSet<&'static str> {
    &STOP_PHRASE_SET
}

/// The stop phrases split at their first space.
pub(super) fn stop_pair_set() -> &'static FxHashSet<(&'static str, &'static str)> {
    &STOP_PAIR_SET
}

/// Function words of one syllable that neither begin nor end a term, the
/// ones the stop list leaves in (it holds most): prepositions and
/// co-verbs, conjunctions, quantifiers and numerals, and the adverbs that
/// stand before a verb. The closed word classes of Vietnamese grammar
/// (L. C. Thompson, *A Vietnamese Grammar*, 1965, ch. 8–9: prepositions
/// and co-verbs, numerals and quantifiers, pre-verbal particles and
/// adverbs of degree). And "loại", a kind of what follows ("các loại |
/// gia vị", "loại | súng"; "loại bỏ", "loại hình" are words): read as
/// stretches by two blind readers (BENCHMARKS.md, session 29). And "hồi"
/// of a time ("tổng thống Mỹ | hồi năm ngoái"). Only a syllable the
/// dictionary does not join to its neighbour is an edge: "thu hồi", "cá
/// hồi" stay words, and so does "hồi đầu" (of "hồi đầu tuần"), which the
/// dictionary holds; "hồi xưa", which it does not, goes.
pub(super) const EDGE_WORDS: &[&str] = &[
    "ba", "bảy", "bỗng", "chín", "chợt", "cứ", "cạnh", "dưới", "dọc", "do", "đối", "đừng", "hai",
    "hãy", "hồi", "hơi", "ít", "khá", "khỏi", "kể", "lắm", "lẫn", "liền", "loại", "mười", "nghìn",
    "ngàn", "quanh", "sang", "sáu", "sắp", "so", "song", "suốt", "tám", "tận", "thuộc", "toàn",
    "trăm", "triệu", "tỷ", "tỉ", "xuyên",
];

/// The words that may begin ([`EDGE_WORDS`], [`UNITS`]) or end
/// ([`EDGE_WORDS`], [`CLASSIFIERS`], [`PREFIXES`], [`YOUNGER`]) a stretch of a sentence
/// on its edge, as sets: a quick test before the dictionary's.
pub(super) static EDGE_START: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| EDGE_WORDS.iter().chain(UNITS).copied().collect());
pub(super) static EDGE_END: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    EDGE_WORDS
        .iter()
        .chain(CLASSIFIERS)
        .chain(PREFIXES)
        .chain(YOUNGER)
        .copied()
        .collect()
});

/// A child's or a younger one's form of address (the stop list holds the
/// elders': "anh", "chị", "ông", "bà"): it stands before the name, and a
/// phrase that ends on it alone lost that ("thi thể cháu | Nghĩa", "yêu em":
/// blind readers' ✗ twice each, sessions 53–58). "trẻ em", "cháu gái" are
/// words, the dictionary joins them; and so are "đàn em", "con cháu", where
/// the segmenter takes the syllable before it for another word ("đánh đàn
/// | em"): no edge there ([`super::candidates`]).
pub(super) const YOUNGER: &[&str] = &["cháu", "em"];

/// Classifiers (Thompson 1965, ch. 9; the stop list holds "cái", "con",
/// "chiếc"): they stand before a noun, and a phrase that ends on one cut
/// it ("đứng đầu cuộc | điều tra"). Not the ones that are also common
/// nouns ("cây", "quả", "hạt").
pub(super) const CLASSIFIERS: &[&str] = &[
    "bức", "căn", "cuốn", "cuộc", "đứa", "hòn", "mảnh", "miếng", "ngôi", "pho", "quyển", "sợi",
    "tấm", "tờ", "viên",
];

/// Units of measure: a number stands before them, so a phrase that begins
/// on one is a measure cut from its number ("(2) tấn ngà voi", "(5) kg ma
/// túy").
pub(super) const UNITS: &[&str] = &[
    "cm", "gam", "gram", "ha", "kg", "km", "lít", "m", "mg", "ml", "mm", "tạ", "tấn", "usd",
];

/// Prefixes of Sino-Vietnamese words, and "phía" (a side, "phía | bắc"):
/// they stand before a word, and a phrase that ends on one cut it ("tàu
/// siêu | tốc", "di chuyển phía | trước", "bán hàng đa | cấp").
pub(super) const PREFIXES: &[&str] = &["bất", "đa", "phi", "phía", "siêu", "tái"];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fold::title_key;

    /// FNV-1a (64 bits) over the entries, each followed by a newline.
    fn fnv1a(words: &[&str]) -> u64 {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for w in words {
            for b in w.bytes().chain([b'\n']) {
                h ^= u64::from(b);
                h = h.wrapping_mul(0x0100_0000_01b3);
            }
        }
        h
    }

    /// Entries added since the lists moved to assets/: a pronoun, function
    /// verbs, a particle and adverbs that made keywords of no topic
    /// ("khiến nàng", "ô tô tự dưng", "Thưa Thầy"; issue 15), "vs"
    /// ("Ibrahimovic Vs Everton"), "nhân dịp" ("Nhân dịp Xuân Đinh Dậu") and
    /// "tất thảy" (all).
    const ADDED: &[&str] = &[
        "khiến",
        "nàng",
        "nhằm",
        "nhờ",
        "riêng",
        "thưa",
        "vs",
        "xem",
        "lập tức",
        "nhân dịp",
        "tất thảy",
        "thậm chí",
        "tự dưng",
    ];

    #[test]
    fn the_file_holds_the_lists_it_replaced() {
        // Count and hash of the `STOP_SYLLABLES` and `STOP_PHRASES` arrays
        // that keywords.rs held before the word list moved to assets/,
        // taken in their order: the file gives the same entries, same order,
        // and the ones added since.
        let old = |list: &[&'static str]| -> Vec<&'static str> {
            list.iter()
                .copied()
                .filter(|w| !ADDED.contains(w))
                .collect()
        };
        assert_eq!(old(&STOP_SYLLABLES).len(), 142);
        assert_eq!(fnv1a(&old(&STOP_SYLLABLES)), 0x44d0_5cdb_152c_2015);
        assert_eq!(old(&STOP_PHRASES).len(), 36);
        assert_eq!(fnv1a(&old(&STOP_PHRASES)), 0x5891_0b50_12ac_df23);
        assert_eq!(STOP_SYLLABLES.len() + STOP_PHRASES.len(), 178 + ADDED.len());
        assert_eq!(STOP_SYLLABLES.first(), Some(&"à"));
        assert_eq!(STOP_SYLLABLES.last(), Some(&"xuống"));
        assert_eq!(STOP_PHRASES.first(), Some(&"bài viết"));
        assert_eq!(STOP_PHRASES.last(), Some(&"yêu cầu"));
        // The sets hold every entry once.
        assert_eq!(stop_set().len(), STOP_SYLLABLES.len());
        assert_eq!(stop_phrase_set().len(), STOP_PHRASES.len());
        assert!(stop_pair_set().contains(&("cho", "biết")));
        assert!(!stop_set().contains("cho biết"));
    }

    #[test]
    fn entries_are_their_own_keys() {
        // Lookups go through `title_key`: an entry that is not its own key
        // (uppercase, NFD, punctuation, doubled space) would never match.
        for w in STOP_SYLLABLES
            .iter()
            .chain(STOP_PHRASES.iter())
            .chain(not_keyword_set().iter())
        {
            assert_eq!(title_key(w), *w, "{w:?}");
        }
    }

    #[test]
    fn word_list_skips_comments_and_blank_lines() {
        let list = "# a comment\n\n  à  \n#không\r\ncho biết\n   \n# end";
        let got: Vec<&str> = parse_word_list(list).collect();
        assert_eq!(got, ["à", "cho biết"]);
    }
}
