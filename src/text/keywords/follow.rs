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
use crate::text::segment::{dictionary, is_surname};

/// [`BODY_HEADS`] as a set.
static BODY_SET: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| BODY_HEADS.iter().copied().collect());

/// Titles of two syllables ("thủ tướng", "tổng thống"), as pairs.
static TITLE_PAIRS: LazyLock<FxHashSet<(&'static str, &'static str)>> =
    LazyLock::new(|| TITLES.iter().filter_map(|t| t.split_once(' ')).collect());

/// What follows the run `run` of a clause ending at `clause_end`, for
/// [`Next`]: the next syllable (its dictionary hash, folded to 32
/// bits, never [`Next::NONE`]), or `NONE` where nothing goes on the run:
///
/// - the clause ends, or a function word follows ("và" before a capital
///   does go on a body's name: "Bộ Kế hoạch | và Đầu tư");
/// - a place's marker, its place after it ("Sở Giáo dục và Đào tạo |
///   tỉnh …");
/// - capitals that are a country or a family name, or that follow a
///   country the run ends on or a title it begins with: another name
///   ("Mặt trận Tổ quốc | Việt Nam", "Sở Giáo dục và Đào tạo | Hà Nội",
///   "Tổng thống Nga | Vladimir Putin", "Thủ tướng Thường trực | Trương
///   Hòa Bình");
/// - lower case after a name (capitals not at a sentence's start) that
///   is not a body's, unless its last syllable and the next make a word
///   ("Trạm Vũ | trụ"): what a person did ("Juan Carlos | nói"), where a
///   body's field goes on in lower case ("Cục Nghệ thuật | biểu diễn").
pub(super) fn next_word(
    syl: &Syllables,
    tokens: &[Token],
    run: Range<usize>,
    clause_end: usize,
) -> u32 {
    let end = run.end;
    if end >= clause_end {
        return Next::NONE;
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
    if place || (t.stop || t.credit) && !joins {
        return Next::NONE;
    }
    if t.cap {
        let first = syl.word(&tokens[run.start]);
        let titled = TITLE_SET.contains(first)
            || run.len() > 1 && TITLE_PAIRS.contains(&(first, syl.word(&tokens[run.start + 1])));
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
        && !dictionary().contains_hashes(&[syl.hash(&tokens[end - 1]), syl.hash(t)])
    {
        return Next::NONE;
    }
    let h = syl.hash(t);
    ((h ^ (h >> 32)) as u32) | 1
}
