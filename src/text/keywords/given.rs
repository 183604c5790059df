//! A foreign given name alone is no keyword where its article names the
//! person in full (issue 15): "Serena" beside "Serena Williams", "Brad"
//! beside "Brad Byers", "Jennifer" beside "Jennifer Phạm". The press calls a
//! foreigner by the given name once the whole name is given ("Serena còn
//! gây sự chú ý"); alone, the given name names no one, and every "James" of
//! the store would share it. The whole name stays a keyword.
//!
//! A given name is a word of `assets/given-names-en.txt` (the 1990 US
//! census's first names, public domain: see its notice) that Vietnamese
//! spelling does not make ("Kim", "Lan", "Mai" are Vietnamese given names
//! too, and a Vietnamese name is written family name first) and is no
//! country of `assets/countries.txt` ("Israel"; "Jordan" is left out of
//! that list, so the country is read as a given name too). A given name
//! the census lacks ("Folarin", "Uma") is not caught.

use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use super::counter::{Acc, Counter, gram};
use super::countries::is_country;
use super::tokens::{Syllables, Token};
use crate::text::segment::{is_surname, syllable_hash};

/// The census's given names, lower case, one a line.
const GIVEN_NAMES_EN: &str = include_str!("../../../assets/given-names-en.txt");

/// [`GIVEN_NAMES_EN`] as syllable hashes, parsed on first use.
static GIVEN: LazyLock<FxHashSet<u64>> = LazyLock::new(|| {
    GIVEN_NAMES_EN
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(syllable_hash)
        .collect()
});

/// Is this syllable (an id of `syl`) a foreign given name?
fn given(syl: &Syllables, id: u32) -> bool {
    let i = id as usize;
    !syl.vietnamese[i] && GIVEN.contains(&syl.hash[i]) && !is_country(&[syl.hash[i]])
}

/// Mark cut a foreign given name alone ("Brad"), written as a name most of
/// the times it stands, that begins a longer phrase of the same article
/// (a name, or an n-gram only where a Vietnamese family name parted them:
/// "Jennifer | Phạm"), not cut itself, whose second word is written as a
/// family name is: a capital, then lower case ("Byers", "Phạm"), not an
/// acronym, a number or a model's code ("Chelsea | FC", "Mercedes | GLC"),
/// nor a Vietnamese word other than a family name. Where that phrase
/// occurs once and its second word stands apart from the given name
/// elsewhere in the article, the two may be names run together ("Chelsea
/// | Mourinho"): the given name stays.
pub(super) fn mark_given_names(syl: &Syllables, tokens: &[Token], counter: &mut Counter) {
    // (a given name, how many longer phrases begin with it, how many of
    // them name a person whole)
    let mut found: Vec<(usize, u32, u32)> = Vec::new();
    // The first words of the article's names of two words or more: a
    // Vietnamese family name that begins one begins a Vietnamese person's
    // name, none of the foreigner's ("Chelsea | Hoàng Tâm" of a byline).
    let heads: FxHashSet<u32> = counter
        .cands
        .iter()
        .filter(|a| a.name_tf > 0 && a.len >= 2)
        .map(|a| ids(a)[0])
        .collect();
    // A word the article writes apart from the given name: after it, in a
    // phrase seen once, it may be another name run on ("Chelsea |
    // Mourinho" of a list of headlines) as well as the family name.
    let apart = |x: u32, y: u32| {
        tokens
            .iter()
            .enumerate()
            .any(|(i, t)| t.id == y && t.cap && (i == 0 || tokens[i - 1].id != x))
    };
    for a in counter.cands.iter().filter(|a| a.len >= 2 && !a.cut) {
        let (x, y) = (ids(a)[0], ids(a)[1]);
        // "Amy | Amy" is a name said twice; a Vietnamese word after the
        // given name only a family name ("Jennifer Phạm"), not "Chelsea |
        // Kém" of a headline run on.
        let vietnamese = syl.vietnamese[y as usize];
        if x == y
            || !given(syl, x)
            || !name_word(syl, a.spelling.0[1])
            || (vietnamese && (!is_surname(&syl.folded[y as usize]) || heads.contains(&y)))
        {
            continue;
        }
        let Some(&i) = counter.map.get(&gram(std::iter::once(x))) else {
            continue;
        };
        // The given name alone is a name, written as one ("AL" is none).
        let g = &counter.cands[i];
        if g.name_tf == 0 || !name_word(syl, g.spelling.0[0]) {
            continue;
        }
        // The phrase names the person whole where it is a name, or an
        // n-gram a Vietnamese family name parted ("Jennifer | Phạm"), and
        // is no run-on of two names ("Chelsea | Mourinho"). Any other
        // (an n-gram of a sentence's words, "mỏ opal Eight Mile", "Geneva
        // Motor" of "Geneva Motor Show") still counts below.
        let run_on = a.name_tf.max(a.tf) <= 1 && apart(x, y);
        let whole = (a.name_tf > 0 || vietnamese) && !run_on;
        match found.iter_mut().find(|f| f.0 == i) {
            Some(f) => (f.1, f.2) = (f.1 + 1, f.2 + u32::from(whole)),
            None => found.push((i, 1, u32::from(whole))),
        }
    }
    // A word that begins two such phrases or more stays: two people's
    // given name ("Donald Trump", "Donald Tusk"), a make's ("Mercedes
    // Benz", "Mercedes Maybach"), a place's ("Geneva Motor Show" and
    // "Geneva Motor"). Phrases are counted, not people: a person written
    // both "Serena Williams" and "Serena Jameka Williams" keeps "Serena".
    // So is a word most of whose times in the article are in lower case
    // ("đá opal"): the news's word, no one's given name.
    for (i, _, _) in found.into_iter().filter(|f| (f.1, f.2) == (1, 1)) {
        let x = counter.cands[i].gram.0[0];
        let (all, caps) = tokens
            .iter()
            .filter(|t| t.id == x)
            .fold((0u32, 0u32), |(n, c), t| (n + 1, c + u32::from(t.cap)));
        if caps * 2 >= all {
            counter.cands[i].cut = true;
        }
    }
}

/// A candidate's syllable ids: its gram's, or those of a name longer than one.
fn ids(a: &Acc) -> &[u32] {
    if a.ids.is_empty() {
        &a.gram.0[..a.len]
    } else {
        &a.ids
    }
}

/// Is this spelling (a raw id; `u32::MAX`, none, past a long name's first
/// five words) written as a name's word: a capital, then letters in lower
/// case ("Brad", "Alakija", "Phạm"), none of them a digit?
fn name_word(syl: &Syllables, rid: u32) -> bool {
    let Some(word) = syl.raw.get(rid as usize) else {
        return false;
    };
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars.clone().next().is_some()
        && chars.all(char::is_lowercase)
}
