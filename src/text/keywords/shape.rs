//! The shape of a Vietnamese syllable: an onset, one to three vowels, a
//! coda (moved out of `tokens.rs`, which the architecture test holds to 800
//! lines). Pure functions of the spelling.

/// Letters that begin a Vietnamese syllable, longest first.
pub(super) const ONSETS: &[&str] = &[
    "ngh", "ch", "gh", "gi", "kh", "ng", "nh", "ph", "qu", "th", "tr", "b", "c", "d", "đ", "g",
    "h", "k", "l", "m", "n", "p", "q", "r", "s", "t", "v", "x",
];

/// [`ONSETS`] by their first byte: up to four indexes into it each, in its
/// order (`u8::MAX`: none). Built at compile time; more than four onsets
/// on one byte would fail the build.
const ONSETS_BY_BYTE: [[u8; 4]; 256] = {
    let mut table = [[u8::MAX; 4]; 256];
    let mut i = 0;
    while i < ONSETS.len() {
        let b = ONSETS[i].as_bytes()[0] as usize;
        let mut k = 0;
        while table[b][k] != u8::MAX {
            k += 1;
        }
        table[b][k] = i as u8;
        i += 1;
    }
    table
};

/// Letters that end a Vietnamese syllable after its vowels ("k" in the
/// names of the Central Highlands: "Đắk Lắk").
pub(super) const CODAS: &[&str] = &["", "c", "ch", "k", "m", "n", "ng", "nh", "p", "t"];

/// A Vietnamese vowel letter, with or without its marks (lower case).
pub(super) fn vowel(c: char) -> bool {
    matches!(
        c,
        'a' | 'e' | 'i' | 'o' | 'u' | 'y'
            | 'à'..='ã'
            | 'è'..='ê'
            | 'ì' | 'í'
            | 'ò'..='õ'
            | 'ù' | 'ú'
            | 'ý'
            | 'ă'
            | 'ĩ'
            | 'ũ'
            | 'ơ'
            | 'ư'
            | '\u{1EA0}'..='\u{1EF9}'
    )
}

/// Is this one syllable (lower case) shaped as Vietnamese spelling makes
/// them: an onset, one to three vowels, a coda? "Mỹ", "kim", "seo" are;
/// "donald", "merkel", "park", "comey" are not.
pub(super) fn vietnamese_syllable(w: &str) -> bool {
    // The onsets that begin with its first byte, in their order: a table
    // instead of a pass over all 28 (callgrind, 1,500 baomoi articles:
    // vietnamese_syllable 135 -> 57 M instructions).
    let rest = w
        .as_bytes()
        .first()
        .and_then(|&b| {
            ONSETS_BY_BYTE[usize::from(b)]
                .iter()
                .take_while(|&&i| i != u8::MAX)
                .find_map(|&i| w.strip_prefix(ONSETS[usize::from(i)]))
        })
        .unwrap_or(w);
    let mut vowels = 0;
    let mut coda = "";
    for (at, c) in rest.char_indices() {
        if !vowel(c) {
            coda = &rest[at..];
            break;
        }
        vowels += 1;
    }
    (1..=3).contains(&vowels) && CODAS.contains(&coda)
}
