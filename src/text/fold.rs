//! Folding text into comparison keys.

use unicode_normalization::UnicodeNormalization;

/// Replace the look-alikes real pages use for Vietnamese letters: "Ð" (U+00D0,
/// Latin capital ETH) for "Đ" (U+0110), and "ð" (U+00F0) for "đ".
pub fn fix_lookalikes(c: char) -> char {
    match c {
        '\u{D0}' => '\u{110}',
        '\u{F0}' => '\u{111}',
        other => other,
    }
}

/// A key under which two spellings of the same title or keyword compare equal:
/// NFC, look-alikes fixed, lowercase, punctuation dropped, single spaces.
/// Diacritics are kept: in Vietnamese they tell words apart.
pub fn title_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.nfc().map(fix_lookalikes).flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        } else {
            space = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_key_folds_case_spacing_punctuation_and_eth() {
        assert_eq!(title_key("Ðại hội  ĐẢNG!"), "đại hội đảng");
        assert_eq!(title_key("“Đại hội” Đảng"), title_key("Đại hội Đảng"));
        assert_ne!(title_key("Bóng đá"), title_key("Bong da"));
    }
}
