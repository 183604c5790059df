//! What a token's spelling says on its own, before it is interned: a web
//! address, a measure, a photo credit's last token, a person's initials, a
//! foreign capitalised word (moved out of
//! `tokens.rs`, which the architecture test holds to 800 lines).

use super::shape::vietnamese_syllable;
use crate::text::fold::is_word_char;

/// A web address ("zing.vn", "SEC.gov"): a break, a source, not a name.
pub(super) fn web_address(core: &str) -> bool {
    core.len() >= 5
        && has_byte(core, b'.')
        && core.rsplit_once('.').is_some_and(|(name, domain)| {
            name.chars().filter(|c| c.is_alphanumeric()).count() >= 2
                && (2..=4).contains(&domain.len())
                && domain.bytes().all(|b| b.is_ascii_lowercase())
        })
}

/// A photo credit's last token: a name's syllable, a slash and an agency
/// ("Chiến/Vnexpress", "Hùng/TTXVN"), neither two acronyms ("ASOJ/SOJC") nor a date;
/// but two acronyms where the second is a news agency ([`AGENCIES`]) are
/// a credit ("AFP/TTXVN", "PV/VOV-Đông Bắc").
pub(super) fn slash_credit(core: &str) -> bool {
    has_byte(core, b'/')
        && core.split_once('/').is_some_and(|(name, agency)| {
            name.chars().next().is_some_and(char::is_uppercase)
                && (name.chars().skip(1).any(char::is_lowercase)
                    || agency
                        .split('-')
                        .next()
                        .is_some_and(|a| AGENCIES.contains(&a)))
                && agency.chars().next().is_some_and(char::is_uppercase)
        })
}

/// News agencies that photos and reports are credited to after a slash.
const AGENCIES: &[&str] = &[
    "AFP", "AP", "EPA", "Reuters", "TTXVN", "VNA", "VOV", "VTV", "Xinhua",
];

/// A measure, a unit or a period: a number and its unit ("300kg", "15m"),
/// a slash over a number ("PS/100", "IV/2016") or a unit ("USD/ounce",
/// "đồng/kg"). "4G" and "U21" are names; "Chiến/Vnexpress" a credit.
pub(super) fn measure(core: &str) -> bool {
    let digits = core.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && core[digits..].chars().all(char::is_lowercase) {
        return true;
    }
    has_byte(core, b'/')
        && core.split_once('/').is_some_and(|(a, b)| {
            [a, b]
                .iter()
                .any(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()))
                || !a.is_empty() && b.chars().next().is_some_and(char::is_lowercase)
        })
}

/// Whether a token holds this ASCII byte: a plain loop, which a token's few
/// bytes go through faster than a `split_once` sets its search up (that
/// was 2% of an import's instructions, callgrind).
fn has_byte(core: &str, byte: u8) -> bool {
    core.bytes().any(|b| b == byte)
}

/// Initials with full stops, one letter each: "N.T.L", "T.A", "D.A.".
pub(super) fn dotted_initials(raw: &str) -> bool {
    let raw = raw.strip_suffix('.').unwrap_or(raw);
    let mut parts = 0;
    for p in raw.split('.') {
        let mut c = p.chars();
        if !(c.next().is_some_and(char::is_uppercase) && c.next().is_none()) {
            return false;
        }
        parts += 1;
    }
    parts >= 2
}

/// Does this word (as written, punctuation around it) begin on a capital and
/// read as no Vietnamese syllable: "McMaster", "Bush", "Rowling:"?
pub(super) fn foreign_capital(raw: &str) -> bool {
    let word = raw.trim_matches(|c: char| !is_word_char(c));
    word.starts_with(char::is_uppercase) && !vietnamese_syllable(&word.to_lowercase())
}
