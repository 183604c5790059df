//! Numbers as the tokenizer meets them: one that counts something, one
//! that may name one of several ([`super::numbered`]).

/// The numbers right after a word in an article: (the token before, the
/// number's syllable id, its spelling's id, a word follows it with nothing
/// between), in token order; once [`settle`](super::numbered::settle)d, those that are no amount,
/// the flag telling a designator.
pub(super) type Numbers = Vec<(u32, u32, u32, bool)>;

/// One to three digits: a number that may name one of several ("1",
/// "108", "06"), not a year, a date or an amount ("2017", "5/3", "1.500").
pub(super) fn designator_digits(core: &str) -> bool {
    (1..=3).contains(&core.len()) && core.bytes().all(|b| b.is_ascii_digit())
}

/// Punctuation right after a number that ends the name it closes ("Nhi
/// Đồng 1,", "Quốc lộ 1.", "(Quân khu 7)"), not a percentage, a fraction
/// or a score ("5%", "1/8", "2-1").
pub(super) fn ends_designator(trail: &str) -> bool {
    trail.starts_with([
        ',', '.', ';', ':', ')', ']', '!', '?', '"', '”', '’', '»', '…',
    ])
}

/// A number that counts something: digits with a decimal point or a
/// thousands' separator ("12", "1.500", "2,5"), not a date ("9/5") nor a
/// year ("2017 FBI…").
pub(super) fn quantity(core: &str) -> bool {
    core.bytes()
        .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
        && core.bytes().next().is_some_and(|b| b.is_ascii_digit())
        && !(core.len() == 4 && (core.starts_with("19") || core.starts_with("20")))
}
