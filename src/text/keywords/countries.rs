//! Countries run into the person or agency after them (issue 15): "Ngoại
//! trưởng Iran Mohammad Javad Zarif", "hãng thông tấn Thổ Nhĩ Kỳ Anadolu",
//! with no punctuation between them, make one run of capitals.
//!
//! The names are `assets/countries.txt` (Unicode CLDR's territory names in
//! Vietnamese and English, see `assets/countries.NOTICE.md`), parsed on
//! first use by the keywords.

use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use super::tokens::{Syllables, Token};
use crate::text::segment::{syllable_hash, word_hash};

const COUNTRIES: &str = include_str!("../../../assets/countries.txt");

/// The longest country name, in tokens.
const MAX_COUNTRY_TOKENS: usize = 4;

/// Country names, each as the [`word_hash`] of its syllables' hashes.
static SET: LazyLock<FxHashSet<u64>> = LazyLock::new(|| {
    COUNTRIES
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| word_hash(l.split(' ').map(syllable_hash)))
        .collect()
});

/// How many tokens from the start of `run` name a country, longest first.
pub(super) fn country_prefix(syl: &Syllables, run: &[Token]) -> Option<usize> {
    let mut hashes = [0u64; MAX_COUNTRY_TOKENS];
    let n = run.len().min(MAX_COUNTRY_TOKENS);
    for (h, t) in hashes.iter_mut().zip(&run[..n]) {
        *h = syl.hash(t);
    }
    (1..=n)
        .rev()
        .find(|&k| SET.contains(&word_hash(hashes[..k].iter().copied())))
}

/// Where a country at the start of a run of capitals (`run`) is parted from
/// the name after it, if it is: "Iran | Mohammad Javad Zarif", "Thổ Nhĩ Kỳ |
/// Anadolu", "Hàn Quốc | Thanh Quỳnh". `titled`: a title comes before the
/// country ("Ngoại trưởng Iran…").
///
/// What follows is capitals only (not "Việt Nam Cộng hòa", "Thailand F3
/// Futures"). A country of one Vietnamese syllable is also a given name
/// ("Mỹ Linh", "Đức Huy") and is left to the other rules. A country written
/// in Vietnamese is parted from two capitals or from a foreign word; one
/// written without marks from a foreign name of two words or more only
/// after a title, for "China Eastern Airlines", "Canada International Auto
/// Show" and "Myanmar Times" are names.
pub(super) fn country_split(
    syl: &Syllables,
    run: &[Token],
    titled: impl Fn() -> bool,
) -> Option<usize> {
    let n = country_prefix(syl, run)?;
    let rest = &run[n..];
    if rest.is_empty() || !run.iter().all(|t| t.cap && !t.acronym) {
        return None;
    }
    let ascii = |t: &Token| syl.raw[t.rid as usize].is_ascii();
    // Every syllable shaped as Vietnamese (worked out when it was interned).
    let marked = |t: &Token| syl.vietnamese[t.id as usize];
    let foreign = rest.iter().filter(|t| !marked(t)).count();
    // "Iran" is shaped as a Vietnamese syllable too: the given names are
    // the ones written with a mark, and "Nga"; after a title, before a
    // foreign name, they are the country ("Tổng thống Nga | Putin",
    // "Thủ tướng Anh | Theresa May"; "Ca sĩ Mỹ Tâm" is a singer).
    let given = n == 1 && (!ascii(&run[0]) || syl.word(&run[0]) == "nga");
    if given && (foreign == 0 || !titled()) {
        return None;
    }
    let split = if run[..n].iter().all(ascii) && !given {
        rest.len() >= 2 && (foreign == 0 || titled())
    } else {
        rest.len() >= 2 || foreign == 1
    };
    split.then_some(n)
}
