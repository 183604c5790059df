//! A name with its number: "Bệnh viện Nhi Đồng 1", "Quốc lộ 1", "Galaxy
//! Note 8", "Nghị quyết Trung ương 4". The number names one of several,
//! so the words before it alone are cut ("Bệnh viện Nhi Đồng" is two
//! hospitals), and so is a phrase that always has one after it ("học sinh
//! lớp | 9", "đường vành đai | 3").
//!
//! A number there is a *designator*: one to three digits right after a word
//! (nothing between), and not a quantity, which a counted noun, a unit or a
//! number word follows ("Hà Nội | 3 người", "Mỹ | 2 tỷ USD", "5 lần").
//! The tokenizer marks the word before it ([`Token::before_number`]) and
//! keeps the number ([`Numbers`]). A name run that ends there is counted
//! with its number too, and what follows a run there is a number
//! ([`Next::NUMBER`](super::counter::Next::NUMBER)): the store drops a
//! phrase that goes on with one nearly every time, as it drops one that goes
//! on with a word.

use super::digits::Numbers;
use super::neighbours::UNIT_SYMBOLS;
use super::stopwords::UNITS;
use super::tokens::{Syllables, Token};
use crate::text::pos::{Pos, pos_table};

/// Numbers' words, spans of time and classifiers that follow a number:
/// with the units ([`UNITS`]), what makes it an amount ("5 triệu", "3
/// lần", "6 tháng", "1 chiếc"), where the part-of-speech table does not
/// call the word a noun.
const QUANTITY_WORDS: &[&str] = &[
    "bàn", "ca", "cái", "chiếc", "chục", "con", "giây", "giờ", "lần", "mươi", "ngàn", "ngày",
    "nghìn", "người", "năm", "phút", "phần", "quý", "tháng", "tỉ", "trăm", "trận", "triệu", "tuần",
    "tuổi", "tỷ", "vạn", "vụ", "điểm", "đồng",
];

/// Settle the numbers after a word once the article is tokenized (the
/// word after one may be two syllables, "18 | hải lý"): those no number's
/// word or unit follows mark the word before them
/// ([`Token::before_number`]: what follows a phrase there is a number,
/// "đường vành đai | 3 đoạn"); of those, the ones no noun follows either
/// are designators, which a name is counted with ([`number_after`]), and
/// so is the same word and number elsewhere in the article.
pub(super) fn settle(syl: &mut Syllables, tokens: &mut [Token]) {
    let mut numbers = std::mem::take(&mut syl.numbers);
    numbers.retain_mut(|(i, _, _, followed)| {
        let i = *i as usize;
        let next = (*followed).then(|| tokens.get(i + 1)).flatten();
        if i >= tokens.len() || *followed && next.is_none_or(|t| amount(syl, t)) {
            return false;
        }
        *followed = next.is_none_or(|t| !counts(syl, t, tokens.get(i + 2)));
        tokens[i].before_number = true;
        true
    });
    // A word and number the article uses as a designator once are one
    // wherever they stand: "Bệnh viện Nhi Đồng 1 (TP.HCM)", then "Bệnh
    // viện Nhi Đồng 1 thông tin thêm" (a noun after it, but not a count).
    let named: Vec<(u32, u32)> = numbers
        .iter()
        .filter(|n| n.3)
        .map(|n| (tokens[n.0 as usize].id, n.1))
        .collect();
    for n in numbers.iter_mut() {
        n.3 |= named.contains(&(tokens[n.0 as usize].id, n.1));
    }
    syl.numbers = numbers;
}

/// A number's word, a unit or a unit's symbol: "5 | triệu", "3 | lần",
/// "4 | GB".
fn amount(syl: &Syllables, t: &Token) -> bool {
    let w = syl.word(t);
    QUANTITY_WORDS.contains(&w) || UNITS.contains(&w) || t.acronym && UNIT_SYMBOLS.contains(&w)
}

/// Does the word right after a number make it an amount rather than a
/// designator? A number's word or unit, a unit's symbol ("4 GB", "100
/// USD"), or a noun, which it counts ("3 người", "2 tàu sân bay", "18 hải
/// lý"). A verb, a function word or a capitalised word leaves it a
/// designator ("Nhi Đồng 1 cho biết", "Nokia 6 có giá", "Quận 1 TP HCM").
fn counts(syl: &Syllables, t: &Token, next: Option<&Token>) -> bool {
    if amount(syl, t) {
        return true;
    }
    if t.cap {
        return false;
    }
    let table = pos_table();
    let pos = next
        .and_then(|n| table.get_hashes(&[syl.hash(t), syl.hash(n)]))
        .or_else(|| table.get_hashes(&[syl.hash(t)]));
    matches!(pos, Some(Pos::Noun | Pos::MostlyNoun))
}

/// The number right after token `i`, if it is a designator, as a token.
pub(super) fn number_after(numbers: &Numbers, i: usize) -> Option<Token> {
    let k = numbers.binary_search_by_key(&(i as u32), |n| n.0).ok()?;
    let (_, id, rid, designator) = numbers[k];
    if !designator {
        return None;
    }
    Some(Token {
        id,
        rid,
        ..Token::default()
    })
}
