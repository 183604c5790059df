//! Foreign names written with a word in lower case inside them (issue 15):
//! "Charles de Gaulle", "Mohammed bin Salman", "Robin van Persie", "Game of
//! Thrones", "Bashar al-Assad". A name's run ends where its capitals do, so
//! each was two names cut short ("Charles", "Gaulle") or lost its end
//! ("Cagayan" of "Cagayan de Oro"), and "al-Qaeda" was no name at all
//! ("khủng bố al-Qaeda" a phrase). `tokens::join_particles` reads the
//! lower-case word as part of the name it stands in.

/// Words foreign names hold in lower case between two capitalised words
/// (folded): the particles of French, Spanish, Portuguese, Italian, Dutch
/// and German names ("de", "da", "del", "van", "von", "der"), the Arabic
/// "bin", "ibn", "al", "el", and English titles' "of" and "the" ("Pirates
/// of the Caribbean"). Not "do", "y", "e", "and", "for", "in": Vietnamese
/// words, or ones that join two names as often as they stand in one.
pub(super) const PARTICLES: &[&str] = &[
    "al", "bin", "da", "das", "de", "dei", "del", "dela", "della", "dello", "den", "der", "des",
    "di", "dos", "du", "el", "ibn", "la", "le", "of", "ter", "the", "van", "von", "zu",
];

/// How many particles may stand in a row: "Edwin van der Sar", "Pirates
/// of the Caribbean", "Oscar de la Renta".
pub(super) const MAX_PARTICLES: usize = 2;

/// Is this spelling an Arabic name with its article, joined by a hyphen
/// ("al-Assad", "al-Qaeda", "el-Sisi")? Papers write the article in lower
/// case; the name is a capital's.
pub(super) fn arabic_article(core: &str) -> bool {
    ["al-", "el-"].iter().any(|a| {
        core.strip_prefix(a)
            .is_some_and(|rest| rest.chars().next().is_some_and(char::is_uppercase))
    })
}

/// Is this spelling a model's code written in lower case: one or two
/// letters, one to three digits, at most one letter after them ("i10",
/// "i5", "i8", "mi6")? After a foreign name's word it is part of the name
/// ("Hyundai Grand i10", "Intel Core i5", "BMW i8"), where the name's run
/// ended before it ("Hyundai Grand").
pub(super) fn model_code(core: &str) -> bool {
    let b = core.as_bytes();
    let letters = b.iter().take_while(|c| c.is_ascii_lowercase()).count();
    let digits = b[letters..]
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count();
    let tail = &b[letters + digits..];
    // A vowel among its letters: a name ending on a code without one
    // ("BMW x5", "Galaxy s8") is read as cut off in the text and dropped.
    (1..=2).contains(&letters)
        && b[..letters].iter().any(|c| b"aeiouy".contains(c))
        && (1..=3).contains(&digits)
        && (tail.is_empty() || tail.len() == 1 && tail[0].is_ascii_alphabetic())
}
