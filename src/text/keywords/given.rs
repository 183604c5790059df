//! A foreign given name alone is no keyword where its article names the
//! person in full (issue 15): "Folarin" beside "Folarin Alakija", "Brad"
//! beside "Brad Byers", "Jennifer" beside "Jennifer Phạm". The press calls a
//! foreigner by the given name once the whole name is given ("Folarin đã
//! kết hôn với Nazanin"); alone, the given name names no one, and every
//! "James" of the store would share it. The whole name stays a keyword.
//!
//! A given name is a word of `assets/given-names-en.txt` (the 1990 US
//! census's first names, public domain: see its notice) that Vietnamese
//! spelling does not make ("Kim", "Lan", "Mai" are Vietnamese given names
//! too, and a Vietnamese name is written family name first) and is no
//! country ("Israel", "Jordan" is left out of that list, "Argentina").

use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use super::counter::{Acc, Counter, gram};
use super::countries::is_country;
use super::tokens::Syllables;
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

/// Mark cut a foreign given name alone ("Brad") that begins a longer
/// phrase of the same article (a name, or an n-gram where a family name
/// parted them: "Jennifer | Phạm"), not cut itself, whose second word is
/// written as a family name is: a capital, then lower case ("Byers",
/// "Phạm"), not an acronym, a number or a model's code ("Chelsea | FC",
/// "Mercedes | GLC"), nor a Vietnamese word other than a family name.
pub(super) fn mark_given_names(syl: &Syllables, counter: &mut Counter) {
    // (the given names, the longer phrase it begins, how many such)
    let mut found: Vec<(usize, usize, u32)> = Vec::new();
    // The first words of the article's names of two words or more: a
    // Vietnamese family name that begins one begins a Vietnamese person's
    // name, none of the foreigner's ("Chelsea | Hoàng Tâm" of a byline).
    let heads: FxHashSet<u32> = counter
        .cands
        .iter()
        .filter(|a| a.name_tf > 0 && a.len >= 2)
        .map(|a| a.ids.first().copied().unwrap_or(a.gram.0[0]))
        .collect();
    for (l, a) in counter
        .cands
        .iter()
        .enumerate()
        .filter(|(_, a)| a.len >= 2 && !a.cut)
    {
        let ids: &[u32] = if a.ids.is_empty() {
            &a.gram.0[..a.len]
        } else {
            &a.ids
        };
        let (x, y) = (ids[0], ids[1]);
        // "Amy | Amy" is a name said twice; a Vietnamese word after the
        // given name only a family name ("Jennifer Phạm"), not "Chelsea |
        // Kém" of a headline run on.
        let vietnamese = syl.vietnamese[y as usize];
        if x == y
            || !given(syl, x)
            || !family_word(syl, a)
            || (vietnamese && (!is_surname(&syl.folded[y as usize]) || heads.contains(&y)))
        {
            continue;
        }
        let Some(&i) = counter.map.get(&gram(std::iter::once(x))) else {
            continue;
        };
        if counter.cands[i].name_tf == 0 {
            continue;
        }
        match found.iter_mut().find(|f| f.0 == i) {
            Some(f) if f.1 != l => f.2 += 1,
            Some(_) => {}
            None => found.push((i, l, 1)),
        }
    }
    // A word that begins two such names or more is no one person's given
    // name: two people's ("Donald Trump", "Donald Tusk"), or a make's
    // ("Mercedes Benz", "Mercedes Maybach").
    for (i, _, _) in found.into_iter().filter(|f| f.2 == 1) {
        counter.cands[i].cut = true;
    }
}

/// Is the second word of `a`'s first spelling written as a name's word:
/// a capital, then letters in lower case ("Alakija", "Phạm"), none of them
/// a digit?
fn family_word(syl: &Syllables, a: &Acc) -> bool {
    let Some(word) = syl.raw.get(a.spelling.0[1] as usize) else {
        return false;
    };
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars.clone().next().is_some()
        && chars.all(char::is_lowercase)
}
