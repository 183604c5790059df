//! An acronym that abbreviates a common term (issue 15): "ĐH" for "đại
//! học", "LS" for "luật sư", "TMĐT" for "thương mại điện tử", "ATGT" for
//! "an toàn giao thông". Papers shorten common nouns as they shorten names,
//! and the chip of such an acronym names nothing: blind readers have read
//! each of these as junk, as the issue reads "SN" ("sinh năm"). A name's
//! acronym is written out as a name, with a capital ("Quốc hội" for QH,
//! "Ngân hàng Nhà nước" for NHNN); a common term's in lower case. So an
//! acronym is no keyword of an article that writes out, in lower case, the
//! words its letters begin and never a name of those letters:
//!
//! - two letters: a noun of two syllables ([`crate::text::pos`]), twice or
//!   once before the acronym ("doanh nghiệp (DN)"): many pairs of words
//!   begin with two letters ("quan hệ" for QH, "mơ ước" for MU);
//! - three: dictionary words, one syllable alone at most ("ban | tổ
//!   chức"); four or five: two alone at most ("tiền | sử dụng | đất").
//!
//! The term itself stays a candidate. Other articles, which do not write
//! it out, keep the acronym.

use std::ops::Range;

use super::counter::Counter;
use super::neighbours::Place;
use super::tokens::{Syllables, Token};
use crate::text::fold::push_search_folded;
use crate::text::pos::{Pos, pos_table};
use crate::text::segment::dictionary;

/// The longest acronym looked at, in letters.
const MAX_LETTERS: usize = 5;

/// Mark cut every one-token acronym name of the article (`units`, each
/// with its [`Place`]) that abbreviates a common term the article writes
/// out in lower case in one of its `clauses`.
pub(super) fn mark_common_terms(
    syl: &Syllables,
    tokens: &[Token],
    clauses: impl Iterator<Item = Range<usize>>,
    units: &[(Range<usize>, bool)],
    places: &[Place],
    counter: &mut Counter,
) {
    let mut acronyms: Vec<(usize, u32, Vec<char>)> = Vec::new();
    for ((run, _), p) in units.iter().zip(places) {
        let t = &tokens[run.start];
        if run.len() != 1 || !t.acronym || acronyms.iter().any(|a| a.0 == p.idx) {
            continue;
        }
        let raw = syl.raw[t.rid as usize];
        let letters: Vec<char> = raw.chars().flat_map(char::to_lowercase).collect();
        if (2..=MAX_LETTERS).contains(&letters.len())
            && raw.chars().all(|c| c.is_alphabetic() && c.is_uppercase())
        {
            acronyms.push((p.idx, t.id, letters));
        }
    }
    if acronyms.is_empty() {
        return;
    }
    // Each token's first letter without its marks ("ủy" → 'u'; "đ" stays),
    // or none where no term may hold it (a stop word, an acronym).
    let mut buf = String::new();
    let initials: Vec<Option<char>> = tokens
        .iter()
        .map(|t| {
            if t.stop || t.acronym {
                return None;
            }
            let c = syl.word(t).chars().next()?;
            if c == 'đ' {
                return Some(c);
            }
            buf.clear();
            push_search_folded(c, &mut buf);
            buf.chars().next()
        })
        .collect();
    let clauses: Vec<Range<usize>> = clauses.collect();
    for (idx, id, letters) in acronyms {
        let k = letters.len();
        // Where the article spells the letters out: in lower case, in
        // words (a definition, the acronym right after them, counts
        // twice: "doanh nghiệp (DN)"), and as a name's ("Quốc hội").
        let (mut lower, mut name) = (0, false);
        for c in clauses.iter().filter(|c| c.len() >= k) {
            for i in c.start..=c.end - k {
                let run = &tokens[i..i + k];
                if !initials[i..i + k]
                    .iter()
                    .zip(&letters)
                    .all(|(a, b)| *a == Some(*b))
                {
                    continue;
                }
                if run.iter().any(|t| t.cap && !t.sentence_start) {
                    name = true;
                } else if run.iter().all(|t| !t.cap) && in_words(syl, run) {
                    lower += if tokens.get(i + k).is_some_and(|t| t.id == id) {
                        2
                    } else {
                        1
                    };
                }
            }
        }
        // Two letters begin many pairs of words: twice, or defined.
        let needed = if k == 2 { 2 } else { 1 };
        if lower >= needed && !name {
            counter.cands[idx].cut = true;
        }
    }
}

/// Do these syllables read as dictionary words, with few syllables alone
/// (none of two, one of three, two of four or five)? Two are a noun.
fn in_words(syl: &Syllables, run: &[Token]) -> bool {
    let hashes: Vec<u64> = run.iter().map(|t| syl.hash(t)).collect();
    if run.len() == 2 {
        return matches!(
            pos_table().get_hashes(&hashes),
            Some(Pos::Noun | Pos::MostlyNoun)
        );
    }
    let words = dictionary().segment(&hashes, |_| false);
    let alone = words.iter().filter(|&&n| n == 1).count();
    alone <= (run.len() - 2).min(2) && words.len() < run.len()
}
