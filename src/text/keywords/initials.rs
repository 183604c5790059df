//! A private person named by initials (issue 15): papers write a victim's,
//! a minor's or a suspect's name so ("nữ sinh D.A", "Nguyễn Thị T.A",
//! "cháu Chu T.H"). The initials name no one a reader can look for, and
//! the next article's "T.A" is someone else: neither they nor the family
//! name run with them is a keyword ([`super::neighbours`] marks them).

use super::spellings::dotted_initials;
use super::tokens::{Syllables, Token};
use crate::text::segment::is_surname;

/// Do these words (a clause up to a name) end on one that says a private
/// person's name follows ([`PRIVATE_PERSON`], or a middle name, "Thị",
/// "Văn": "Nguyễn Thị | T.A")?
pub(super) fn after_person(syl: &Syllables, before: &[Token]) -> bool {
    let n = before.len();
    let word = |k: usize| syl.word(&before[n - k]);
    n >= 1
        && (PRIVATE_PERSON.contains(&word(1))
            || family(syl, &before[n - 1])
            || n >= 2 && PRIVATE_PERSON.contains(&format!("{} {}", word(2), word(1)).as_str()))
}

/// Is this token a family name or a middle name, written as a name is
/// ("Chu", "Bùi", "Thị", "Văn"), before a private person's initials?
fn family(syl: &Syllables, t: &Token) -> bool {
    t.cap && !t.acronym && family_word(syl.word(t))
}

/// Is this word (lower case) a family name or a middle name, "Thị", "Văn"?
fn family_word(lower: &str) -> bool {
    matches!(lower, "thị" | "văn") || is_surname(lower)
}

/// Is this token, the first after a name's clause, an age: "L.T.Đ (27
/// tuổi)", "N.V.A, 19 tuổi"? Papers give a private person's age.
pub(super) fn aged(syl: &Syllables, next: Option<&Token>) -> bool {
    next.is_some_and(|t| t.after_number && syl.word(t) == "tuổi")
}

/// Is this name a private person's, as papers write a victim's or a
/// suspect's: family and middle names, then the rest as dotted initials
/// ("Chu T.H", "Nguyễn Thị T.A", "Bùi N.A")? It names no one the reader
/// can look for, and the next article's "Chu T.H" is someone else.
pub(super) fn anonymised(display: &str) -> bool {
    let mut words = display.split(' ');
    // The last word first: few names end on initials (callgrind).
    if !words.next_back().is_some_and(dotted_initials) {
        return false;
    }
    let mut any = false;
    for w in words {
        if !(w.starts_with(char::is_uppercase) && family_word(&w.to_lowercase())) {
            return false;
        }
        any = true;
    }
    any
}

/// Words before a private person's name: forms of address and kin, the
/// people a news story names by initials only (victims, minors, patients,
/// suspects), and a social network's accounts ("tài khoản T.S",
/// "nickname T.R", "Facebook N.H").
const PRIVATE_PERSON: &[&str] = &[
    "anh",
    "bà",
    "bác",
    "bác sĩ",
    "bạn",
    "bé",
    "bé gái",
    "bé trai",
    "bệnh nhân",
    "bị can",
    "bị cáo",
    "cháu",
    "chị",
    "chú",
    "có tên",
    "cô",
    "cô gái",
    "cô giáo",
    "cụ",
    "đối tượng",
    "em",
    "facebook",
    "giáo viên",
    "học sinh",
    "khách hàng",
    "nạn nhân",
    "nam sinh",
    "nghi phạm",
    "nick",
    "nickname",
    "nữ sinh",
    "ông",
    "phụ huynh",
    "sản phụ",
    "sinh viên",
    "tài khoản",
    "tài xế",
    "tên",
    "tên là",
    "thầy giáo",
    "thiếu nữ",
];
