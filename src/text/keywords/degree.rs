//! A verb and how much or how hard it was done ("tăng mạnh", "ngập
//! nặng"), and "cực" (extremely) before an adjective ("cực tốt"): stretches
//! of a sentence, no term (issue 15; blind readers' ✗). Used by
//! `candidates::not_a_term`.

use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use crate::text::pos::{Pos, pos_table};
use crate::text::segment::{dictionary, more_words, syllable_hash, word_hash};

/// How much or how hard a verb is done, after it: a stretch of a sentence
/// with it ("tăng mạnh", "ngập nặng", "hợp tác chặt chẽ"; blind readers'
/// ✗; "ngập sâu", "giảm sâu", "tăng nhanh", "ôm chặt"). Not "cao": "sốt
/// cao" is a term ("sạc nhanh" is one too, but "sạc" is a noun first).
const DEGREE: &[&str] = &[
    "chặt",
    "chặt chẽ",
    "đáng kể",
    "dữ dội",
    "gay gắt",
    "kịch liệt",
    "mạnh",
    "mạnh mẽ",
    "nặng",
    "nặng nề",
    "nhanh",
    "nhanh chóng",
    "nhẹ",
    "quyết liệt",
    "sâu",
];

/// [`DEGREE`] as word hashes.
static DEGREE_SET: LazyLock<FxHashSet<u64>> = LazyLock::new(|| hashes_of(DEGREE));

/// Words as their hashes (`segment::word_hash`).
fn hashes_of(words: &[&str]) -> FxHashSet<u64> {
    words
        .iter()
        .map(|w| word_hash(w.split(' ').map(syllable_hash)))
        .collect()
}

/// Terms a verb and a word of [`DEGREE`] make: "tình tiết tăng nặng" (the
/// law's aggravating circumstance), "gió giật mạnh" (the forecast's gusts;
/// the table reads "gió giật" as a verb), "cà phê chế biến sâu" (deep
/// processing), "biển động mạnh" (the forecast's rough sea).
const DEGREE_TERMS: &[&str] = &[
    "biển động mạnh",
    "chế biến sâu",
    "gió giật mạnh",
    "tăng nặng",
];

/// [`DEGREE_TERMS`] as word hashes.
static DEGREE_TERM_SET: LazyLock<FxHashSet<u64>> = LazyLock::new(|| hashes_of(DEGREE_TERMS));

/// "Cực" (extremely), as a syllable hash.
static CUC: LazyLock<u64> = LazyLock::new(|| syllable_hash("cực"));

/// Is a phrase of two words (`hashes`: its syllables; `head`: its first
/// word's part of speech; `last`: its last word's syllables) a verb and a
/// word of [`DEGREE`], not one of [`DEGREE_TERMS`]? A first word of two
/// syllables the parts of speech lack counts as a verb: "bốc cháy | dữ
/// dội", "hư hỏng | nặng" (a noun of two syllables is seldom followed by
/// how hard: "gió | mạnh" is one).
pub(super) fn verb_and_degree(hashes: &[u64], head: Option<Pos>, last: usize) -> bool {
    let n = hashes.len();
    (head == Some(Pos::Verb) || head.is_none() && n - last >= 2)
        // (Not where the degree's word makes a word with the syllable before
        // it: "uống thuốc | sâu" is "uống | thuốc sâu", a pesticide. The
        // second word list counts only after a syllable that is no verb: it
        // holds "tăng mạnh", "tiến nhanh" too.)
        && !(n - last >= 2 && {
            let pair = &hashes[n - last - 1..];
            dictionary().contains_hashes(pair)
                || more_words().contains_hashes(pair)
                    && pos_table().get_hashes(&pair[..1]) != Some(Pos::Verb)
        })
        && DEGREE_SET.contains(&word_hash(hashes[hashes.len() - last..].iter().copied()))
        && !DEGREE_TERM_SET.contains(&word_hash(hashes.iter().copied()))
}

/// Is a phrase of two words "cực" (`first`: its first word's syllables)
/// and an adjective (`tail`: its last word's part of speech)?
pub(super) fn very(hashes: &[u64], first: usize, tail: Option<Pos>) -> bool {
    first == 1 && hashes.first() == Some(&*CUC) && tail == Some(Pos::Adjective)
}
