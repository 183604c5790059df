//! A reporter's byline written as the outlet signs its pages: "Lạc Bối -
//! Thể thao Việt Nam | 12:50 06/02/2017" (a name, a dash, the outlet, a
//! bar and the time). The name is the writer's, no keyword of the article
//! (issue 15; 215 such lines in baomoi-35k, "Tiểu Lam" 31, "Phúc Vũ" 24).
//! The tokenizer asks ([`super::tokens::clauses`]) and marks the tokens.

use std::ops::Range;

/// A time of day: "12:50", "9:05".
pub(super) fn clock(raw: &str) -> bool {
    matches!(raw.split_once(':'), Some((h, m))
        if (1..=2).contains(&h.len()) && m.len() == 2
            && h.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit()))
}

/// After a bar, at `raw`: the tokens of a byline, where `raw` is a time
/// ([`clock`]) and the text's last two clauses (from its clause `first`
/// on) are a name of at most four capitalised words and, right past a
/// dash, the outlet, capitalised, of at most six; none else. `flags` tells
/// a token's capital and whether a dash is right before it.
pub(super) fn byline(
    raw: &str,
    out: &[Range<usize>],
    first: usize,
    flags: impl Fn(usize) -> (bool, bool),
) -> Range<usize> {
    let Some([.., name, outlet]) = out.get(first..) else {
        return 0..0;
    };
    let byline = clock(raw)
        && name.len() <= 4
        && outlet.len() <= 6
        && flags(outlet.start) == (true, true)
        && name.clone().all(|i| flags(i).0);
    if byline { name.start..outlet.end } else { 0..0 }
}

/// The label of a photo credit or a source line, before its colon:
/// "Ảnh: Thanh Hùng", "Nguồn: Reuters" (folded).
pub(super) fn credit_label(folded: &str) -> bool {
    matches!(folded, "ảnh" | "nguồn")
}

/// A label of two syllables (folded) before a credit's colon: "Đồ họa:
/// Quang Thắng", "Biểu đồ: Finviz" (84 in baomoi-35k). Not "Video:" nor
/// "Clip:": a video's title follows them ("Video: Minh Hằng khóc nấc…").
pub(super) fn credit_pair(first: &str, second: &str) -> bool {
    matches!((first, second), ("đồ", "họa" | "hoạ") | ("biểu", "đồ"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_time_of_day_is_a_clock() {
        for t in ["12:50", "9:05", "06:00"] {
            assert!(clock(t), "{t}");
        }
        for t in ["2017", "123:45", "12:5", "1:2:3", "ab:cd", "3-1"] {
            assert!(!clock(t), "{t}");
        }
    }

    /// "Ngọa Long - Thể thao Việt Nam | 06:00": tokens 0–1 the name,
    /// 2–5 the outlet right past the dash (capitals at 0, 1, 2, 4, 5).
    #[test]
    fn a_name_and_an_outlet_past_a_dash_before_a_time_are_a_byline() {
        let out = [0..2, 2..6];
        let caps = [true, true, true, false, true, true];
        let flags = |dash: usize, caps: [bool; 6]| move |i: usize| (caps[i], i == dash);
        assert_eq!(byline("06:00", &out, 0, flags(2, caps)), 0..6);
        // Not before a time, not past a dash, a name in lower case, the
        // outlet in lower case, or a name too long: none.
        assert_eq!(byline("Tin", &out, 0, flags(2, caps)), 0..0);
        assert_eq!(byline("06:00", &out, 0, flags(9, caps)), 0..0);
        let mut lower = caps;
        lower[1] = false;
        assert_eq!(byline("06:00", &out, 0, flags(2, lower)), 0..0);
        lower = caps;
        lower[2] = false;
        assert_eq!(byline("06:00", &out, 0, flags(2, lower)), 0..0);
        let long = [0..5, 5..6];
        let all = |i: usize| (true, i == 5);
        assert_eq!(byline("06:00", &long, 0, all), 0..0);
        let long_outlet = [0..2, 2..9];
        let all = |i: usize| (true, i == 2);
        assert_eq!(byline("06:00", &long_outlet, 0, all), 0..0);
        assert_eq!(byline("06:00", &[0..2, 2..8], 0, all), 0..8);
        // One clause only, or the text's clauses start past them.
        assert_eq!(byline("06:00", &out[1..], 0, flags(2, caps)), 0..0);
        assert_eq!(byline("06:00", &out, 1, flags(2, caps)), 0..0);
    }
}
