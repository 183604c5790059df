//! Countries run into the person or agency after them (issue 15): "Ngoại
//! trưởng Iran Mohammad Javad Zarif", "hãng thông tấn Thổ Nhĩ Kỳ Anadolu",
//! with no punctuation between them, make one run of capitals.
//!
//! The names are `assets/countries.txt` (Unicode CLDR's territory names in
//! Vietnamese and English, see `assets/countries.NOTICE.md`), parsed on
//! first use by the keywords.
//!
//! Vietnam's provinces and the continents ([`PROVINCES`]) end a body's
//! name ("Nhà hát Chèo Hà Nội", though "Hà" is a family name), are not cut
//! by a dash ("Bà Rịa – Vũng Tàu") and are parted from a person after them
//! ("Hậu Giang | Nguyễn Văn Tuấn").

use std::ops::Range;
use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use super::tokens::{Syllables, Token, join_words};
use crate::text::pos::{Pos, pos_table};
use crate::text::segment::{syllable_hash, word_hash};

const COUNTRIES: &str = include_str!("../../../assets/countries.txt");

/// The longest country name, in tokens.
const MAX_COUNTRY_TOKENS: usize = 4;

/// Country names, each as the [`word_hash`] of its syllables' hashes.
static SET: LazyLock<FxHashSet<u64>> = LazyLock::new(|| {
    COUNTRIES
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| word_hash(l.split(' ').map(syllable_hash)))
        .collect()
});

/// Do these syllables (their hashes) name a country?
pub(super) fn is_country(hashes: &[u64]) -> bool {
    hashes.len() <= MAX_COUNTRY_TOKENS && SET.contains(&word_hash(hashes.iter().copied()))
}

/// How many tokens from the start of `run` name a country, longest first.
pub(super) fn country_prefix(syl: &Syllables, run: &[Token]) -> Option<usize> {
    let mut hashes = [0u64; MAX_COUNTRY_TOKENS];
    let n = run.len().min(MAX_COUNTRY_TOKENS);
    for (h, t) in hashes.iter_mut().zip(&run[..n]) {
        *h = syl.hash(t);
    }
    (1..=n).rev().find(|&k| is_country(&hashes[..k]))
}

/// Where a country at the start of a run of capitals (`run`) is parted from
/// the name after it, if it is: "Iran | Mohammad Javad Zarif", "Thổ Nhĩ Kỳ |
/// Anadolu", "Hàn Quốc | Thanh Quỳnh". `titled`: a title comes before the
/// country ("Ngoại trưởng Iran…"); `state`: a state's title does
/// ([`STATE_TITLES`](super::name_words::STATE_TITLES): "Tổng thống Syria…").
///
/// What follows is capitals only (not "Việt Nam Cộng hòa", "Thailand F3
/// Futures"). A country of one Vietnamese syllable is also a given name
/// ("Mỹ Linh", "Đức Huy") and is left to the other rules. A country written
/// in Vietnamese is parted from two capitals or from a foreign word; one
/// written without marks from a foreign name of two words or more only
/// after a title, from one word only after a state's title, for "China
/// Eastern Airlines", "Canada International Auto Show", "Myanmar Times" and
/// "Vietnam Idol" are names.
pub(super) fn country_split(
    syl: &Syllables,
    run: &[Token],
    titled: impl Fn() -> bool,
    state: impl Fn() -> bool,
) -> Option<usize> {
    let n = country_prefix(syl, run)
        .or_else(|| run.first().is_some_and(|t| england(syl, t)).then_some(1))?;
    let rest = &run[n..];
    if rest.is_empty() || !run.iter().all(|t| t.cap && !t.acronym) {
        return None;
    }
    let ascii = |t: &Token| syl.raw[t.rid as usize].is_ascii();
    // Every syllable shaped as Vietnamese (worked out when it was interned).
    let marked = |t: &Token| syl.vietnamese[t.id as usize];
    let foreign = rest.iter().filter(|t| !marked(t)).count();
    // "Iran" is shaped as a Vietnamese syllable too: the given names are
    // the ones written with a mark, "Nga" and "Anh"; after a title, before a
    // foreign name, they are the country ("Tổng thống Nga | Putin",
    // "Thủ tướng Anh | Theresa May"; "Ca sĩ Mỹ Tâm" is a singer).
    let given = n == 1 && (!ascii(&run[0]) || syl.word(&run[0]) == "nga" || england(syl, &run[0]));
    if given && (foreign == 0 || !titled()) {
        return None;
    }
    let split = if run[..n].iter().all(ascii) && !given {
        // After a state's title (`state`), one foreign word is the
        // holder's: "Quốc vương Bahrain | Hamad", "Ngoại trưởng Qatar |
        // Mohammed" (not "Quán quân Vietnam Idol", "Nhật báo China Daily").
        rest.len() >= 2 && (foreign == 0 || titled()) || rest.len() == 1 && foreign == 1 && state()
    } else {
        rest.len() >= 2 || foreign == 1
    };
    split.then_some(n)
}

/// Words for a person that are no title before a name, but before a
/// country say that one of its people follows, as a title does
/// ([`country_split`]'s `titled`): "Lãnh tụ tối cao Iran | Ali Khamenei",
/// "cựu tuyển thủ Brazil | Roberto Carlos", "cố lãnh đạo Libya | Muammar
/// Gaddafi", "cầu thủ người Argentina | Lionel Messi", "Đại giáo chủ Iran |
/// Ali Khamenei". Not as a state's title does: one foreign word after the
/// country stays with it ("lãnh đạo Vietnam Airlines").
const ROLES: &[&str] = &["giáo chủ", "lãnh đạo", "người", "tối cao", "tuyển thủ"];

/// Does a person's word of [`ROLES`] end `before` (the clause up to a run)?
pub(super) fn role_before(syl: &Syllables, before: &[Token]) -> bool {
    let word = |k: usize| before.len().checked_sub(k).map(|i| syl.word(&before[i]));
    let (last, two) = (word(1), word(2).zip(word(1)));
    last.is_some_and(|w| ROLES.contains(&w))
        || two.is_some_and(|(a, b)| ROLES.iter().any(|r| r.split_once(' ') == Some((a, b))))
}

/// "Anh": England only after a state's title, before a foreign name or
/// alone ("Thủ tướng Anh | Theresa May", [`country_split`]); elsewhere a
/// given name ("Hoàng Anh Tuấn") or a pronoun, and no country of the list.
pub(super) fn england(syl: &Syllables, t: &Token) -> bool {
    syl.word(t) == "anh"
}

/// Vietnam's provinces and centrally run cities (the 63 of 2008–2025, in
/// the spellings the press uses), and the continents and regions written
/// with capitals: public administrative names, in lower case.
/// ("hồ chí minh" is left out: it is a person's name as often.)
const PROVINCES: &[&str] = &[
    "an giang",
    "bà rịa vũng tàu",
    "bắc giang",
    "bắc kạn",
    "bắc cạn",
    "bạc liêu",
    "bắc ninh",
    "bến tre",
    "bình định",
    "bình dương",
    "bình phước",
    "bình thuận",
    "cà mau",
    "cần thơ",
    "cao bằng",
    "đà nẵng",
    "đắk lắk",
    "đắk nông",
    "đắc lắc",
    "điện biên",
    "đồng nai",
    "đồng tháp",
    "gia lai",
    "hà giang",
    "hà nam",
    "hà nội",
    "hà tĩnh",
    "hải dương",
    "hải phòng",
    "hậu giang",
    "hòa bình",
    "hưng yên",
    "khánh hòa",
    "kiên giang",
    "kon tum",
    "lai châu",
    "lâm đồng",
    "lạng sơn",
    "lào cai",
    "long an",
    "nam định",
    "nghệ an",
    "ninh bình",
    "ninh thuận",
    "phú thọ",
    "phú yên",
    "quảng bình",
    "quảng nam",
    "quảng ngãi",
    "quảng ninh",
    "quảng trị",
    "sóc trăng",
    "sơn la",
    "tây ninh",
    "thái bình",
    "thái nguyên",
    "thanh hóa",
    "thừa thiên huế",
    "tiền giang",
    "trà vinh",
    "tuyên quang",
    "vĩnh long",
    "vĩnh phúc",
    "yên bái",
    "châu á",
    "châu âu",
    "châu phi",
    "châu mỹ",
    "châu úc",
    "châu đại dương",
    "đông nam á",
    "nam á",
    "đông á",
    "trung đông",
    "bắc mỹ",
    "nam mỹ",
    "mỹ latinh",
];

/// [`PROVINCES`], each as the [`word_hash`] of its syllables' hashes.
static PROVINCE_SET: LazyLock<FxHashSet<u64>> = LazyLock::new(|| {
    PROVINCES
        .iter()
        .map(|l| word_hash(l.split(' ').map(syllable_hash)))
        .collect()
});

/// Is `run` (all of it) a province or a continent? A token of two
/// syllables glued by a hyphen ("Bà | Rịa-Vũng | Tàu") counts as two.
pub(super) fn is_province(syl: &Syllables, run: &[Token]) -> bool {
    if !(2..=MAX_COUNTRY_TOKENS).contains(&run.len()) {
        return false;
    }
    let mut hashes = [0u64; MAX_COUNTRY_TOKENS];
    let mut n = 0;
    for t in run {
        let word = syl.word(t);
        if word.contains(' ') {
            for s in word.split(' ') {
                if n == hashes.len() {
                    return false;
                }
                hashes[n] = syllable_hash(s);
                n += 1;
            }
        } else if n == hashes.len() {
            return false;
        } else {
            hashes[n] = syl.hash(t);
            n += 1;
        }
    }
    PROVINCE_SET.contains(&word_hash(hashes[..n].iter().copied()))
}

/// Does `run` end a body's name as its place does: a province or a
/// continent ([`is_province`]), or "Hồ Chí Minh", the city's name and the
/// name of the bodies named after him ("Đoàn Thanh niên Cộng sản Hồ Chí
/// Minh", "Học viện Chính trị Quốc gia Hồ Chí Minh"), left out of
/// [`PROVINCES`] as a person's name elsewhere.
pub(super) fn ends_a_body(syl: &Syllables, run: &[Token]) -> bool {
    is_province(syl, run)
        || matches!(run, [a, b, c] if [a, b, c].map(|t| syl.word(t)) == ["hồ", "chí", "minh"])
        // (a city that begins on a family name: "Bệnh viện Uông Bí", not
        // "Bệnh viện | Uông Bí")
        || matches!(run, [a, b] if [a, b].map(|t| syl.word(t)) == ["uông", "bí"])
}

/// Where a ministry's name that ends on its country is parted from the
/// person after it, its spokesman as a rule: "Bộ Ngoại giao Trung Quốc |
/// Cảnh Sảng", "Bộ Quốc phòng Hàn Quốc | Moon Sang-gyun". The run begins
/// on "Bộ", the country ends a word of the run's field, and two or three
/// capitals close the run after it, no province, country or lowercase
/// syllable among them.
pub(super) fn spokesman_split(syl: &Syllables, run: &[Token]) -> Option<usize> {
    if run.len() < 5 || syl.word(&run[0]) != "bộ" || run[1].cap && run[2].cap {
        return None;
    }
    (3..run.len() - 1).find_map(|b| {
        let n = country_prefix(syl, &run[b..])?;
        let rest = &run[b + n..];
        ((2..=3).contains(&rest.len())
            && rest.iter().all(|t| t.cap && !t.acronym)
            && country_prefix(syl, rest).is_none()
            && !is_province(syl, rest))
        .then_some(b + n)
    })
}

/// How many tokens from the start of `run` name a province or a continent,
/// longest first ("Bà Rịa" of "Bà Rịa Vũng Tàu" is a town of its own).
pub(super) fn province_prefix(syl: &Syllables, run: &[Token]) -> Option<usize> {
    (2..=MAX_COUNTRY_TOKENS.min(run.len()))
        .rev()
        .find(|&n| run[..n].iter().all(|t| t.cap) && is_province(syl, &run[..n]))
}

/// Join the clauses of one text (`out`, ranges of `tokens`) that a dash
/// parts inside a province's name: "Bà Rịa – | Vũng Tàu", "Thừa Thiên - |
/// Huế" (the dash is not kept in the name: "Bà Rịa Vũng Tàu").
pub(super) fn join_dashed_places(
    syl: &Syllables,
    tokens: &mut [Token],
    out: &mut Vec<Range<usize>>,
) {
    let mut k = 0;
    while k + 1 < out.len() {
        let (a, b) = (out[k].clone(), out[k + 1].clone());
        // A province of three syllables or more: "Việt Nam – Mỹ" is no
        // "Nam Mỹ".
        let joined = a.end == b.start
            && tokens[b.start].after_dash
            && (1..=a.len().min(2)).any(|m| {
                (1..=b.len().min(2)).any(|n| {
                    let run = &tokens[a.end - m..b.start + n];
                    run.len() >= 3
                        && run.iter().all(|t| t.cap && !t.acronym)
                        && is_province(syl, run)
                })
            });
        if joined {
            tokens[b.start].after_dash = false;
            out[k].end = b.end;
            out.remove(k + 1);
        } else {
            k += 1;
        }
    }
}

/// Where a province at the start of a run of capitals is parted from the
/// person after it: "(Phó chủ tịch UBND tỉnh) Hậu Giang | Nguyễn Văn Tuấn".
/// The person is two to four Vietnamese syllables from a family name on
/// (`surname`): not "Hà Nội Mới", a paper, nor "Đà Nẵng Golf Club".
pub(super) fn province_split(
    syl: &Syllables,
    run: &[Token],
    surname: impl Fn(&Token) -> bool,
) -> Option<usize> {
    let n = province_prefix(syl, &run[..run.len().saturating_sub(2)])?;
    let rest = &run[n..];
    (rest.len() <= 4
        && surname(&rest[0])
        && rest
            .iter()
            .all(|t| t.cap && !t.acronym && syl.vietnamese[t.id as usize]))
    .then_some(n)
}

/// The country's regions as the weather bulletins name them ("Nam Bộ | Mây thay đổi…",
/// "Tây Nguyên | Mây thay đổi…": blind readers' ✗).
const REGIONS: &[&str] = &[
    "bắc bộ",
    "bắc trung bộ",
    "đông bắc bộ",
    "đông nam bộ",
    "nam bộ",
    "nam trung bộ",
    "tây bắc bộ",
    "tây nam bộ",
    "tây nguyên",
    "trung bộ",
];

/// Are these tokens one of the country's [`REGIONS`]?
fn region(syl: &Syllables, run: &[Token]) -> bool {
    let mut name = String::new();
    join_words(syl, run, &mut name);
    REGIONS.contains(&name.as_str())
}

/// Does a province, a region, or a country of two syllables or more, end the run but for one capitalised
/// Vietnamese syllable after it, a noun, that opens the next sentence where a caption ran on with
/// no stop ("Thừa Thiên Huế | Mây thay đổi…", "Hải Dương | Tên bé:", "ở Hà Nội | Chiều 30-6…")?
/// (A word the next syllables end is left out by `names` already.) Not a syllable of another part
/// of speech ("Điện Biên Phủ", "Ấn Độ Dương", "Đồng Tháp Mười", "Hà Nội I", "Hà Nội Mới"), nor a
/// place of the syllable too ("Lào Cai"), nor in a person's name (`is_surname`: the run begins on
/// a family name).
pub(super) fn place_then_sentence(syl: &Syllables, run: &[Token], is_surname: bool) -> bool {
    let [head @ .., last] = run else {
        return false;
    };
    if pos_table().get_hashes(&[syl.hash(last)]) != Some(Pos::Noun)
        || !last.cap
        || last.acronym
        || !syl.vietnamese[last.id as usize]
    {
        return false;
    }
    let place = |k: usize| {
        let tail = &head[head.len() - k..];
        is_province(syl, tail) || country_prefix(syl, tail) == Some(k) || region(syl, tail)
    };
    let whole = |k: usize| {
        let tail = &run[run.len() - k..];
        is_province(syl, tail) || country_prefix(syl, tail) == Some(k) || region(syl, tail)
    };
    // A person's name begins on a family name, a place's may too ("Hà Nội").
    let Some(k) = (2..=head.len().min(MAX_COUNTRY_TOKENS)).find(|&k| place(k)) else {
        return false;
    };
    (!is_surname || k == head.len()) && !(2..=run.len().min(MAX_COUNTRY_TOKENS)).any(whole)
}
