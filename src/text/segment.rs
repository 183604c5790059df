//! Vietnamese word segmentation (issue 15): syllables grouped into words.
//!
//! Vietnamese writes a space between syllables, not between words: "nhập
//! cảnh trái phép" is two words of two syllables each. Keywords, related
//! stories and (later) search want words, so this module groups syllables:
//!
//! - **dictionary words**: a run of syllables is cut into the fewest words
//!   of the dictionary (a syllable alone always counts as a word), ties
//!   going to the longer word first, as forward longest matching would;
//! - **names**: a run of capitalised syllables is one word ("Nguyễn Thanh
//!   Long", "Thái Bình"), never across punctuation, a sentence start or a
//!   capitalised function word ("Theo", "Tại").
//!
//! The dictionary is `assets/words-vi.txt`: the words of 2 to 4 syllables of
//! Hồ Ngọc Đức's Viet74K word list (GNU GPL, see
//! `assets/words-vi.NOTICE.md`), built into the binary and parsed on first
//! use only (a few milliseconds), so that the reader's start does not pay
//! for it. Words are compared lower case, NFC, with the tone of "oa", "oe"
//! and "uy" read on its first vowel ("hoà" as "hòa", "thuỷ" as "thủy"):
//! both placements are in use.

use std::ops::Range;
use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use super::syllables::for_each_syllable;

/// Longest dictionary word, in syllables.
pub const MAX_WORD_SYLLABLES: usize = 4;

/// The word list, one line per first syllable: `first\trest|rest|…`.
const WORDS_VI: &str = include_str!("../../assets/words-vi.txt");

/// The dictionary: a hash per word. A false match needs two 64-bit hashes to
/// collide among ~61,000 words.
pub struct Dictionary {
    words: FxHashSet<u64>,
}

static DICTIONARY: LazyLock<Dictionary> = LazyLock::new(|| Dictionary::parse(WORDS_VI));

/// The dictionary, parsed on first use.
pub fn dictionary() -> &'static Dictionary {
    &DICTIONARY
}

/// Words the dictionary lacks that the vocabulary of one of two word
/// segmenters holds ("lở đất", "tin tặc", "khám chữa bệnh";
/// `assets/more-words-vi.txt`, same layout). Not used to segment: the
/// keyword rules read a lowercase phrase on it as a word, not as a free
/// phrase ([`crate::text::keywords::free_shape`]).
const MORE_WORDS_VI: &str = include_str!("../../assets/more-words-vi.txt");

static MORE_WORDS: LazyLock<Dictionary> = LazyLock::new(|| Dictionary::parse(MORE_WORDS_VI));

/// [`MORE_WORDS_VI`], parsed on first use.
pub fn more_words() -> &'static Dictionary {
    &MORE_WORDS
}

/// The hash of one syllable (lower case, NFC): FNV-1a over its canonical
/// spelling. Words are hashed from their syllables' hashes
/// ([`Dictionary::contains_hashes`]), so a caller that meets a syllable
/// many times hashes it once.
pub fn syllable_hash(s: &str) -> u64 {
    let settled = super::fold::settled_tone(s);
    let s = settled.as_deref().unwrap_or(s);
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// A word's hash from its syllables' hashes.
pub(crate) fn word_hash(syllables: impl Iterator<Item = u64>) -> u64 {
    syllables.fold(0x9e37_79b9_7f4a_7c15, extend_hash)
}

/// The hash of a word one syllable longer.
fn extend_hash(h: u64, syllable: u64) -> u64 {
    (h.rotate_left(23) ^ syllable).wrapping_mul(0xbf58_476d_1ce4_e5b9)
}

impl Dictionary {
    fn parse(list: &str) -> Self {
        let mut words = FxHashSet::default();
        words.reserve(list.len() / 8);
        for line in list.lines() {
            if line.starts_with('#') {
                continue;
            }
            let Some((first, rests)) = line.split_once('\t') else {
                continue;
            };
            for rest in rests.split('|').filter(|r| !r.is_empty()) {
                words.insert(word_hash(
                    std::iter::once(first)
                        .chain(rest.split(' '))
                        .map(syllable_hash),
                ));
            }
        }
        Dictionary { words }
    }

    /// How many words it holds.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Are these syllables (lower case, NFC) one word of two or more
    /// syllables?
    pub fn contains(&self, syllables: &[&str]) -> bool {
        let h: Vec<u64> = syllables.iter().map(|s| syllable_hash(s)).collect();
        self.contains_hashes(&h)
    }

    /// [`Dictionary::contains`] for the syllables' [`syllable_hash`]es.
    pub fn contains_hashes(&self, syllables: &[u64]) -> bool {
        (2..=MAX_WORD_SYLLABLES).contains(&syllables.len())
            && self.words.contains(&word_hash(syllables.iter().copied()))
    }

    /// The longest word (2 or more syllables) at the start of `syllables`
    /// (their hashes), in syllables, if any.
    pub fn longest_prefix(&self, syllables: &[u64]) -> Option<usize> {
        (2..=MAX_WORD_SYLLABLES.min(syllables.len()))
            .rev()
            .find(|&n| self.contains_hashes(&syllables[..n]))
    }

    /// Cut a run of syllables (their hashes) into words: the fewest words,
    /// a syllable left alone costing half a word more unless it is a
    /// function word (`function(i)`: "có ý nghĩa" is "có | ý nghĩa", not
    /// "có ý | nghĩa"), ties to the longer word first. Returns each word's
    /// length, in order.
    pub fn segment(&self, syllables: &[u64], function: impl Fn(usize) -> bool) -> Vec<usize> {
        let n = syllables.len();
        // best[i]: (cost in half words, first word's length) for syllables[i..].
        let mut best: Vec<(u32, usize)> = vec![(0, 0); n + 1];
        for i in (0..n).rev() {
            let alone = if function(i) { 2 } else { 3 };
            let mut b = (best[i + 1].0 + alone, 1);
            // The running hash of syllables[i..i + len].
            let mut h = word_hash(std::iter::once(syllables[i]));
            for len in 2..=MAX_WORD_SYLLABLES.min(n - i) {
                h = extend_hash(h, syllables[i + len - 1]);
                let cost = best[i + len].0 + 2;
                if cost <= b.0 && self.words.contains(&h) {
                    b = (cost, len);
                }
            }
            best[i] = b;
        }
        let mut out = Vec::with_capacity(n);
        let mut i = 0;
        while i < n {
            out.push(best[i].1);
            i += best[i].1;
        }
        out
    }
}

/// Common family names: a capitalised run that starts with one names a
/// person (lower case). "Uông" since session 59: "Phó Chủ tịch Quốc hội Uông
/// Chu Lưu" was parted before "Chu", "Chu Lưu" a keyword (read as a cut).
pub const SURNAMES: &[&str] = &[
    "bùi", "cao", "châu", "chu", "chử", "diệp", "doãn", "dương", "đàm", "đào", "đặng", "đinh",
    "đoàn", "đỗ", "giang", "hà", "hồ", "hoàng", "huỳnh", "hứa", "khổng", "kiều", "la", "lã", "lại",
    "lâm", "lê", "lò", "lục", "lương", "lưu", "lý", "mai", "mạc", "ngô", "nghiêm", "nguyễn",
    "phạm", "phan", "phùng", "quách", "tạ", "tăng", "thái", "thân", "tô", "tôn", "trần", "triệu",
    "trịnh", "trương", "từ", "uông", "vi", "võ", "vũ", "vương",
];

/// [`SURNAMES`] as a set: names asks it of most capitalised syllables, and a
/// look-up is cheaper than comparing with the list (callgrind, 1,500 baomoi
/// articles: names 229 -> 188 M instructions).
static SURNAME_SET: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| SURNAMES.iter().copied().collect());

/// Is this syllable (lower case) a common family name?
pub fn is_surname(lower: &str) -> bool {
    SURNAME_SET.contains(lower)
}

/// The words of a text, as byte ranges: names (runs of two or more
/// capitalised syllables, not across punctuation, a sentence start or a
/// capitalised function word: `function_word` says which, given a
/// syllable in lower case) and dictionary words. Every syllable of the text
/// is in exactly one word, in order. (`text::keywords::words` passes the
/// stop words.)
pub fn words_with(text: &str, function_word: impl Fn(&str) -> bool) -> Vec<Range<usize>> {
    struct Syl {
        range: Range<usize>,
        lower: String,
        cap: bool,
        /// Joined to the previous syllable by spaces only.
        joined: bool,
        sentence_start: bool,
    }
    let mut syls: Vec<Syl> = Vec::new();
    let mut last_end = 0;
    for_each_syllable(text, |s| {
        let gap = &text[last_end..s.range.start];
        let joined = !syls.is_empty() && gap.chars().all(char::is_whitespace);
        let sentence_start = syls.is_empty() || gap.contains(['.', '!', '?', '…', ':', '"', '“']);
        let cap = text[s.range.clone()]
            .chars()
            .next()
            .is_some_and(char::is_uppercase);
        last_end = s.range.end;
        syls.push(Syl {
            range: s.range,
            lower: s.exact.to_string(),
            cap,
            joined,
            sentence_start,
        });
        true
    });
    let dict = dictionary();
    let mut out = Vec::new();
    let mut i = 0;
    while i < syls.len() {
        // A name: capitalised syllables joined by spaces.
        let name_ok = |k: usize| {
            syls[k].cap
                && !syls[k].lower.chars().all(|c| c.is_ascii_digit())
                && !function_word(&syls[k].lower)
        };
        if name_ok(i) {
            let mut j = i + 1;
            while j < syls.len() && syls[j].joined && !syls[j].sentence_start && name_ok(j) {
                j += 1;
            }
            // A sentence's first capital alone says nothing: "Hôm nay".
            if j - i >= 2
                && !(syls[i].sentence_start && j - i == 2 && {
                    let pair = [syls[i].lower.as_str(), syls[i + 1].lower.as_str()];
                    dict.contains(&pair)
                })
            {
                // A body's name capitalises the first syllable of its words
                // only: "Bộ Y tế", "TMCP Xuất nhập khẩu". A person's is
                // followed by anything ("Nguyễn Văn An phát biểu").
                if j < syls.len() && syls[j].joined && !syls[j].cap && !is_surname(&syls[i].lower) {
                    let end = syls.len().min(j - 1 + MAX_WORD_SYLLABLES);
                    let mut lowers = vec![syllable_hash(&syls[j - 1].lower)];
                    lowers.extend(
                        syls[j..end]
                            .iter()
                            .take_while(|s| s.joined && !s.cap)
                            .map(|s| syllable_hash(&s.lower)),
                    );
                    if let Some(len) = dict.longest_prefix(&lowers) {
                        j = j - 1 + len;
                    }
                }
                out.push(syls[i].range.start..syls[j - 1].range.end);
                i = j;
                continue;
            }
        }
        // A stretch of joined syllables up to the next name or break.
        let mut j = i + 1;
        while j < syls.len()
            && syls[j].joined
            && !(name_ok(j) && j + 1 < syls.len() && syls[j + 1].joined && name_ok(j + 1))
        {
            j += 1;
        }
        let lowers: Vec<u64> = syls[i..j].iter().map(|s| syllable_hash(&s.lower)).collect();
        let mut k = i;
        for len in dict.segment(&lowers, |k| function_word(&syls[i + k].lower)) {
            out.push(syls[k].range.start..syls[k + len - 1].range.end);
            k += len;
        }
        i = j;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<Range<usize>> {
        words_with(text, |w| ["theo", "cho", "tại"].contains(&w))
    }

    fn seg(text: &str) -> Vec<&str> {
        words(text).into_iter().map(|r| &text[r]).collect()
    }

    fn cut(syllables: &str) -> Vec<String> {
        let s: Vec<&str> = syllables.split(' ').collect();
        let h: Vec<u64> = s.iter().map(|x| syllable_hash(x)).collect();
        let mut out = Vec::new();
        let mut i = 0;
        for len in dictionary().segment(&h, |k| ["có", "là", "của"].contains(&s[k])) {
            out.push(s[i..i + len].join(" "));
            i += len;
        }
        out
    }

    #[test]
    fn the_dictionary_holds_common_words() {
        let d = dictionary();
        assert!(d.len() > 55_000, "{}", d.len());
        for w in [
            "trái phép",
            "nhập cảnh",
            "xuất nhập khẩu",
            "y tế",
            "chính phủ",
            "sở thích",
            "cô gái",
            "học sinh",
        ] {
            let s: Vec<&str> = w.split(' ').collect();
            assert!(d.contains(&s), "{w}");
        }
        assert!(!d.contains(&["cảnh", "trái"]));
        assert!(!d.contains(&["thích", "cắn"]));
        assert!(!d.contains(&["nhập"]), "one syllable is no entry");
    }

    #[test]
    fn either_tone_placement_is_one_word() {
        let d = dictionary();
        assert!(d.contains(&["hòa", "bình"]));
        assert!(d.contains(&["hoà", "bình"]));
        assert!(d.contains(&["thủy", "sản"]));
        assert!(d.contains(&["thuỷ", "sản"]));
        let settled = crate::text::fold::settled_tone;
        assert_eq!(settled("quý"), None);
        assert_eq!(settled("khoẻ").as_deref(), Some("khỏe"));
        assert_eq!(settled("hoàn"), None);
        assert_eq!(settled("thuỷ").as_deref(), Some("thủy"));
        assert_eq!(settled("hoà").as_deref(), Some("hòa"));
        assert_eq!(settled("hòa"), None, "already the newer placement");
        assert_eq!(settled("hoa"), None);
        assert_eq!(syllable_hash("khoẻ"), syllable_hash("khỏe"));
    }

    #[test]
    fn runs_are_cut_into_the_fewest_words() {
        assert_eq!(cut("nhập cảnh trái phép"), ["nhập cảnh", "trái phép"]);
        assert_eq!(
            cut("sở thích cắn móng tay"),
            ["sở thích", "cắn", "móng tay"]
        );
        assert_eq!(
            cut("ngân hàng xuất nhập khẩu"),
            ["ngân hàng", "xuất nhập khẩu"]
        );
        assert_eq!(cut("xyz"), ["xyz"]);
        // A function word alone rather than a content syllable.
        assert_eq!(cut("có ý nghĩa lịch sử"), ["có", "ý nghĩa", "lịch sử"]);
        assert!(cut("").is_empty() || cut("") == [""]);
    }

    #[test]
    fn names_and_words_of_a_text() {
        assert_eq!(
            seg("Thứ trưởng Bộ Y tế Nguyễn Thanh Long cho biết, bệnh nhân nhập cảnh trái phép."),
            [
                "Thứ trưởng",
                "Bộ Y tế",
                "Nguyễn Thanh Long",
                "cho biết",
                "bệnh nhân",
                "nhập cảnh",
                "trái phép"
            ]
        );
        // Punctuation breaks a name; a capitalised function word starts none.
        assert_eq!(seg("Theo Hà Nội, Huế"), ["Theo", "Hà Nội", "Huế"]);
        // A sentence-initial word is no name.
        assert_eq!(seg("Học sinh đi học."), ["Học sinh", "đi học"]);
        assert!(words("").is_empty());
    }

    /// How long the first use pays for parsing the word list (release:
    /// `cargo test --release --lib dictionary_parse_time -- --ignored --nocapture`).
    #[test]
    #[ignore = "measurement"]
    fn dictionary_parse_time() {
        let mut times = Vec::new();
        for _ in 0..11 {
            let t = std::time::Instant::now();
            let d = Dictionary::parse(WORDS_VI);
            times.push(t.elapsed().as_secs_f64() * 1000.0);
            assert!(d.len() > 55_000);
        }
        times.sort_by(f64::total_cmp);
        println!(
            "dictionary parse: median {:.2} ms, min {:.2} ms",
            times[5], times[0]
        );
    }
}
