//! Parts of speech of Vietnamese words (issue 15): is a word most often a
//! noun, a verb, an adjective or a function word?
//!
//! Keywords use it to tell a term ("khu mua sắm", "thâm hụt thương mại":
//! a noun heads it) from a stretch of a sentence ("bán thực phẩm", "bất ngờ
//! nhảy": a verb or an adjective with what follows it), and a body's name
//! that goes on in lower case ("Cục Xúc tiến | thương mại") from one a verb
//! follows ("Bộ Y tế | khuyến cáo").
//!
//! The table is `assets/pos-vi.txt` (see `assets/pos-vi.NOTICE.md`): the
//! lowercase words of the Dân trí 2,653 set (GPL-3.0) as underthesea's
//! part-of-speech tagger (Apache-2.0) tags them in context, each word seen
//! twice or more with the class it gets at least two times in three (10,010
//! words, 107 KB; a noun nine times in ten is told from one that is mostly
//! a noun). Built into the binary, parsed on first use by the keywords,
//! never on the reader's way to its first frame. A word absent from it
//! (rare, or tagged both ways) has no part of speech here: callers treat
//! that as "unknown", never as a verb or a noun.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use super::segment::{syllable_hash, word_hash};

/// The table: `TAG\tword|word|…`, one line per tag.
const POS_VI: &str = include_str!("../../assets/pos-vi.txt");

/// A word's usual part of speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pos {
    /// A noun, a classifier or a unit, nine times in ten or more
    /// ("thực phẩm", "cuộc", "tấn").
    Noun,
    /// Mostly a noun, but also used as a verb or another class ("quy
    /// định", "công tác", "dân sự").
    MostlyNoun,
    /// A verb ("bán", "sử dụng", "khuyến cáo").
    Verb,
    /// An adjective ("mạnh", "bất ngờ", "truyền thống").
    Adjective,
    /// A function word: pronoun, preposition, conjunction, numeral,
    /// quantifier, adverb or particle ("tự", "dưới", "ít").
    Function,
}

/// Words (their hash, [`word_hash`] of their syllables' [`syllable_hash`])
/// and their part of speech.
pub struct PosTable {
    words: FxHashMap<u64, Pos>,
}

static TABLE: LazyLock<PosTable> = LazyLock::new(PosTable::parse);

/// The table, parsed on first use.
pub fn pos_table() -> &'static PosTable {
    &TABLE
}

impl PosTable {
    fn parse() -> Self {
        let mut words = FxHashMap::default();
        for line in POS_VI.lines() {
            if line.starts_with('#') {
                continue;
            }
            let Some((tag, list)) = line.split_once('\t') else {
                continue;
            };
            let pos = match tag {
                "N" => Pos::Noun,
                "n" => Pos::MostlyNoun,
                "V" => Pos::Verb,
                "A" => Pos::Adjective,
                "F" => Pos::Function,
                _ => continue,
            };
            for w in list.split('|').filter(|w| !w.is_empty()) {
                words.insert(word_hash(w.split(' ').map(syllable_hash)), pos);
            }
        }
        PosTable { words }
    }

    /// How many words it holds.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The part of speech of a word given as its syllables' hashes
    /// ([`syllable_hash`] of each, lower case), if the table has it.
    pub fn get_hashes(&self, syllables: &[u64]) -> Option<Pos> {
        if syllables.is_empty() {
            return None;
        }
        self.words
            .get(&word_hash(syllables.iter().copied()))
            .copied()
    }

    /// The part of speech of a word (lower case, NFC, syllables parted by
    /// spaces), if the table has it.
    pub fn get(&self, word: &str) -> Option<Pos> {
        let h: Vec<u64> = word.split(' ').map(syllable_hash).collect();
        self.get_hashes(&h)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_words_have_their_part_of_speech() {
        let t = pos_table();
        assert!(t.len() > 5_000, "{}", t.len());
        for (w, p) in [
            ("thực phẩm", Pos::Noun),
            ("thương mại", Pos::Noun),
            ("quy định", Pos::MostlyNoun),
            ("bán", Pos::Verb),
            ("sử dụng", Pos::Verb),
            ("giúp", Pos::Verb),
            ("mạnh", Pos::Adjective),
            ("dưới", Pos::Function),
        ] {
            assert_eq!(t.get(w), Some(p), "{w}");
        }
        // Either tone placement, as the dictionary reads it.
        assert_eq!(t.get("hòa bình"), t.get("hoà bình"));
        assert_eq!(t.get("không có từ này"), None);
    }
}
