//! What follows a phrase's run, for the summary the store adds up
//! ([`Next`], issue 15): the next syllable, unless nothing there goes on
//! the phrase (see [`next_word`]).

use std::ops::Range;
use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use super::counter::Next;
use super::countries::country_prefix;
use super::name_words::{BODY_HEADS, PLACE_MARKERS, TITLE_SET, TITLES};
use super::tokens::{Syllables, Token};
use crate::text::segment::{dictionary, is_surname, syllable_hash};

/// [`BODY_HEADS`] as a set.
static BODY_SET: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| BODY_HEADS.iter().copied().collect());

/// A hospital's department and a school's or an economy's branch, named
/// like a body, capitalised on the first word of their field only:
/// "Khoa Thận | nhân tạo", "khoa Hồi sức | sơ sinh", "ngành An toàn | thông
/// tin".
const DEPARTMENTS: [&str; 2] = ["khoa", "ngành"];

/// Is this word (folded) the head of a body's name ("bộ", "cục", "ủy")?
pub(super) fn body_head(w: &str) -> bool {
    BODY_SET.contains(w)
}

/// Is this word (folded), or it and the next, a title ("ông", "thứ
/// trưởng")?
pub(super) fn title_head(w: &str, next: Option<&str>) -> bool {
    TITLE_SET.contains(w) || next.is_some_and(|n| TITLE_PAIRS.contains(&(w, n)))
}

/// Titles of two syllables ("thủ tướng", "tổng thống"), as pairs.
static TITLE_PAIRS: LazyLock<FxHashSet<(&'static str, &'static str)>> =
    LazyLock::new(|| TITLES.iter().filter_map(|t| t.split_once(' ')).collect());

/// What follows the run `run` of a clause ending at `clause_end`, for
/// [`Next`]: the next syllable (its dictionary hash, folded to 32
/// bits, never [`Next::NONE`]); [`Next::NUMBER`] for a designator after
/// it, [`Next::IN_WORD`] where it ends inside a word (below); or `NONE`
/// where nothing goes on the run:
///
/// - the clause ends (past a dash, a body's name may go on:
///   [`across_dash`]), or a function word follows ("và" before a capital
///   does go on a body's name: "Bộ Kế hoạch | và Đầu tư"; one the run's
///   last syllable makes a word with is [`Next::IN_WORD`]: "Công
///   Thương-Tài | chính");
/// - a place's marker, its place after it ("Sở Giáo dục và Đào tạo |
///   tỉnh …");
/// - capitals that are a country or a family name, or that follow a
///   country the run ends on or a title it begins with: another name
///   ("Mặt trận Tổ quốc | Việt Nam", "Sở Giáo dục và Đào tạo | Hà Nội",
///   "Tổng thống Nga | Vladimir Putin", "Thủ tướng Thường trực | Trương
///   Hòa Bình");
/// - lower case after a name (capitals not at a sentence's start) that
///   is not a body's nor a department's ([`DEPARTMENTS`]: "Khoa Thận |
///   nhân tạo"), unless its last syllable and the next make a word
///   ("Trạm Vũ | trụ"): what a person did ("Juan Carlos | nói"), where a
///   body's field goes on in lower case ("Cục Nghệ thuật | biểu diễn").
///
/// [`Next::IN_WORD`] where the run ends inside a word, whatever word: its
/// last syllable and the next, in lower case, make one, and its last two
/// none ("Ngành Công | nghệ", "Ngành Công | thương").
pub(super) fn next_word(
    syl: &Syllables,
    tokens: &[Token],
    run: Range<usize>,
    clause_end: usize,
) -> u32 {
    let end = run.end;
    if end >= clause_end {
        if tokens[end - 1].before_number {
            return Next::NUMBER;
        }
        return across_dash(syl, tokens, run);
    }
    let t = &tokens[end];
    let w = syl.word(t);
    let after = tokens[end + 1..clause_end]
        .first()
        .map(|n| (syl.word(n), n.cap));
    let place = PLACE_MARKERS.contains(&w)
        || matches!(
            (w, after),
            ("thành", Some(("phố", _))) | ("thị", Some(("xã" | "trấn", _)))
        );
    let joins = w == "và" && after.is_some_and(|a| a.1);
    if place || t.credit {
        return Next::NONE;
    }
    if t.stop && !joins {
        // A function word is what the run ends before, unless the run ends
        // inside a word it completes ("Công Thương-Tài | chính").
        return if in_word(syl, tokens, run, t) {
            Next::IN_WORD
        } else {
            Next::NONE
        };
    }
    if t.cap {
        let first = syl.word(&tokens[run.start]);
        let second = tokens[run.start + 1..end].first().map(|t| syl.word(t));
        let titled = title_head(first, second);
        if titled || is_surname(w) {
            return Next::NONE;
        }
        // A country after the run, or one it ends on.
        let run_tail =
            (1..=run.len().min(4)).any(|k| country_prefix(syl, &tokens[end - k..end]) == Some(k));
        if run_tail || country_prefix(syl, &tokens[end..clause_end]).is_some() {
            return Next::NONE;
        }
    } else if tokens[run.clone()]
        .iter()
        .any(|t| t.cap && !t.sentence_start)
        && !BODY_SET.contains(syl.word(&tokens[run.start]))
        && !DEPARTMENTS.contains(&syl.word(&tokens[run.start]))
        && !dictionary().contains_hashes(&[syl.hash(&tokens[end - 1]), syl.hash(t)])
    {
        return Next::NONE;
    }
    // The run's last syllable and the next make a word, where its last two
    // make none: the run ends inside a word, whatever word ("Trạm Kiểm |
    // soát", "Ngành Công | nghệ", "Ngành Công | thương"). Where they make one,
    // the next may begin a word of its own ("quan hệ đối tác | chiến lược":
    // "tác chiến" is a word too): its own vote.
    if in_word(syl, tokens, run, t) {
        return Next::IN_WORD;
    }
    vote(syl, t)
}

/// Does the run end inside a word: its last syllable and the next (`t`, in lower case) make one,
/// and its last two none? The last syllable of words joined by a hyphen is the last of the
/// token: "Công Thương-Tài | chính".
fn in_word(syl: &Syllables, tokens: &[Token], run: Range<usize>, t: &Token) -> bool {
    if t.cap {
        return false;
    }
    let end = run.end;
    let last = &tokens[end - 1];
    let dict = dictionary();
    let (before, last) = match syl.word(last).rsplit_once(' ') {
        Some((joined, tail)) => {
            let before = joined.rsplit(' ').next().map(syllable_hash);
            (before, syllable_hash(tail))
        }
        None => {
            let before = (end - run.start >= 2).then(|| syl.hash(&tokens[end - 2]));
            (before, syl.hash(last))
        }
    };
    let ends_word = before.is_some_and(|b| dict.contains_hashes(&[b, last]));
    !ends_word && dict.contains_hashes(&[last, syl.hash(t)])
}

/// What follows a body's name past a dash that ends its clause: the
/// capitalised word after it, where the name goes on there ("Viện Huyết
/// học | – Truyền máu", "Tập đoàn Than | - Khoáng sản", the commonest
/// such dashes of baomoi-35k; a department's, "Khoa Nhiễm | – Thần kinh");
/// [`Next::NONE`] where what follows is
/// another body ("Cục Văn hóa cơ sở | - Bộ VHTT&DL"), an acronym ("Công ty
/// chứng khoán FPT | - FPTS"; but a field's, [`acronym_field_after`]: "Sở
/// GD | – ĐT"), a title ("| - Chủ tịch"), a family name, a
/// country or a new sentence ("Bộ Y tế. | – Hôm qua"), or where the run is
/// no body's.
pub(super) fn across_dash(syl: &Syllables, tokens: &[Token], run: Range<usize>) -> u32 {
    let end = run.end;
    let Some(t) = tokens
        .get(end)
        .filter(|t| (t.after_dash || t.after_comma && t.acronym) && t.cap && !t.sentence_start)
    else {
        return Next::NONE;
    };
    if t.acronym {
        return if acronym_field_after(syl, &tokens[run], std::slice::from_ref(t)) {
            vote(syl, t)
        } else {
            Next::NONE
        };
    }
    let w = syl.word(t);
    let head = syl.word(&tokens[run.start]);
    if !(body_head(head) || DEPARTMENTS.contains(&head))
        || body_head(w)
        || title_head(w, tokens.get(end + 1).map(|n| syl.word(n)))
        || is_surname(w)
        || country_prefix(syl, &tokens[end..(end + 4).min(tokens.len())]).is_some()
    {
        return Next::NONE;
    }
    vote(syl, t)
}

/// Does `run`, after a dash, begin on the second of a body's two fields
/// written short, the first ending `before`: "Sở GD | – ĐT Hà Nội", "Bộ
/// NN | - PTNT" (as "Sở GD-ĐT" is written unspaced)? After a comma too
/// between two written short ("Bộ VH, | TT&DL"), and after a dash the first
/// may be written out ("Sở Nông nghiệp- | PTNT"). Only after the head
/// of a ministry, a department or an office, whose fields the news writes
/// so, and only a field's acronym after the dash ([`FIELDS_SHORT`]); another
/// body after an institute's acronym or a department's is its own ("Viện
/// KSND | – TAND", "Phòng CSHS | – CATP Hà Nội").
pub(super) fn acronym_field_after(syl: &Syllables, before: &[Token], run: &[Token]) -> bool {
    let Some(t) = run.first() else {
        return false;
    };
    matches!(before, [head, .., last] if FIELDS_SHORT_HEADS.contains(&syl.word(head))
        && (last.acronym || t.after_dash))
        && t.acronym
        && (t.after_dash || t.after_comma)
        && !t.sentence_start
        && FIELDS_SHORT.contains(&syl.word(t))
}

/// Heads of bodies named by fields written short: "Bộ GD-ĐT", "Sở
/// NN&PTNT", "Phòng TN-MT" (not "Viện KSND | – TAND", two bodies).
const FIELDS_SHORT_HEADS: [&str; 5] = ["ban", "bộ", "phòng", "sở", "vụ"];

/// The second fields of the ministries' and departments' names, written
/// short (as a token's word: "TT&DL" is "tt dl"): "GD-ĐT", "NN-PTNT",
/// "TN-MT", "LĐ-TB&XH", "VH-TT-DL", "KH-CN", "QP-AN", "GT-VT".
const FIELDS_SHORT: [&str; 12] = [
    "an", "cn", "dl", "đt", "mt", "ptnt", "tb xh", "tbxh", "tt", "tt dl", "vt", "xh",
];

/// A token's vote in [`Next`]: its dictionary hash folded to 32 bits,
/// never [`Next::NONE`].
fn vote(syl: &Syllables, t: &Token) -> u32 {
    vote_id(syl, t.id)
}

/// [`vote`] of a syllable's interned id.
pub(super) fn vote_id(syl: &Syllables, id: u32) -> u32 {
    let h = syl.hash[id as usize];
    ((h ^ (h >> 32)) as u32) | 1
}
