//! Words at a run's start that are no word of the name after them (issue
//! 15): a common noun for people, fans, a host's "MC", the state's "Nước",
//! a news outlet's kind, and "Vụ" for the case of something.

use super::kinds::{PEOPLE_SET, outlet_head};
use super::name_words::{BODY_HEADS, NEW, stage_name, title_prefix};
use super::tokens::{Syllables, Token, join_words};
use crate::text::segment::dictionary;

/// How many syllables of a common noun for people
/// ([`PEOPLE_HEADS`](super::kinds::PEOPLE_HEADS)) start the run, when a
/// capital comes after it and its syllables after the first are in lower
/// case ("cầu Thủ Thiêm" is a bridge, not "cầu thủ").
fn people_head(syl: &Syllables, run: &[Token]) -> Option<usize> {
    if run.len() < 3 || run[1].cap {
        return None;
    }
    let mut key = String::new();
    for n in [3, 2] {
        if run.len() <= n || !run[n].cap || run[1..n].iter().any(|t| t.cap) {
            continue;
        }
        join_words(syl, &run[..n], &mut key);
        if PEOPLE_SET.contains(key.as_str()) {
            return Some(n);
        }
    }
    None
}

/// Words of one syllable parted from the name after them ([`head_off`],
/// [`lead_title`](super::name_words::lead_title)): "MC", the state's
/// "Nước", fans ("CĐV", "NHM"), "Tân".
pub(super) const HEADS_OFF: [&str; 5] = [HOST, STATE, FANS[0], FANS[1], NEW];
const HOST: &str = "mc";
const STATE: &str = "nước";

/// Fans, written short: "CĐV" (cổ động viên), "NHM" (người hâm mộ); the
/// team after them is the keyword ("CĐV | Hải Phòng", "NHM | MU").
const FANS: [&str; 2] = ["cđv", "nhm"];

/// How many syllables at the start of the run `clause[start..j]` are no
/// word of the name after them: a common noun for people
/// ([`people_head`]: "Bản thân | Công Phượng", "Giới chức | Hàn Quốc"), the
/// state's "Nước" of a lowercase "chủ tịch" before the run ("Phó chủ tịch
/// Nước | Nguyễn Thị Doan"), "MC" before a host's stage name ("MC | Quyền
/// Linh"; "MC" alone is a keyword, not a title), fans ("CĐV | Arsenal"),
/// "Vụ" for the case of what follows ([`case_head`]: "Vụ | Phương Nga").
pub(super) fn head_off(syl: &Syllables, clause: &[Token], start: usize, j: usize) -> Option<usize> {
    let run = &clause[start..j];
    if run.len() >= 2 && run[0].acronym && run[1].cap && FANS.contains(&syl.word(&run[0])) {
        return Some(1);
    }
    if run.len() >= 3 && run[1].cap {
        let office = start >= 2
            && syl.word(&run[0]) == STATE
            && [&clause[start - 2], &clause[start - 1]].map(|u| syl.word(u)) == ["chủ", "tịch"];
        let host = syl.word(&run[0]) == HOST && stage_name(syl, &run[..1], &run[1..]);
        if office || host {
            return Some(1);
        }
    }
    people_head(syl, run)
        .or_else(|| outlet_head(syl, run))
        .or_else(|| case_head(syl, run))
}

/// "Vụ" beginning a sentence or a headline before a name is "the case of"
/// it ("Vụ | Phương Nga", "Vụ án | Hoa hậu Phương Nga", "Vụ | Formosa",
/// "Vụ | Trung tâm Cấp cứu 115"), not a ministry's department, which is
/// named by its field, a word of the dictionary ("Vụ Pháp chế", "Vụ Giáo
/// dục Mầm non") or an acronym ("Vụ TCNH"): how many syllables of it
/// ("vụ", "vụ án", "vụ việc") start the run.
fn case_head(syl: &Syllables, run: &[Token]) -> Option<usize> {
    let [first, second, ..] = run else {
        return None;
    };
    if !first.sentence_start || syl.word(first) != "vụ" {
        return None;
    }
    if !second.cap {
        let case = matches!(syl.word(second), "án" | "việc");
        return (case && run.get(2).is_some_and(|t| t.cap)).then_some(2);
    }
    // A field of two or three syllables ("Pháp chế", "Trang thiết bị"), an
    // acronym or a Roman number ("Vụ TCNH", "Vụ II"); nor is the district
    // "Vụ Bản" (but "Vụ Mỹ | bắn rơi…", "Vụ | Mận" are).
    let word = |n: usize| {
        run.get(1..=n).is_some_and(|w| {
            let hashes: Vec<u64> = w.iter().map(|t| syl.hash(t)).collect();
            dictionary().contains_hashes(&hashes)
        })
    };
    let field = second.acronym
        || syl
            .word(second)
            .chars()
            .all(|c| matches!(c, 'i' | 'v' | 'x'))
            && syl.raw[second.rid as usize]
                .chars()
                .all(|c| c.is_ascii_uppercase())
        || run.len() == 2 && syl.word(second) == "bản"
        || (word(2) || word(3))
            && !BODY_HEADS.contains(&syl.word(second))
            && title_prefix(syl, &run[1..]).is_none();
    (!field).then_some(1)
}

/// Does "&" join the capitals before it (`left`, the run so far) and after
/// it (`right`, the clause's rest) into one name? It does in a body's name
/// (its head, or a syllable in lower case: "Sở GD & ĐT", "Công ty TNHH Ernst
/// & Young") and in most of the news' other names ("Dolce & Gabbana",
/// "Brighton & Hove Albion", "JX Nippon Oil & Energy"); not after an
/// acronym alone before a name, a club's ("MU & PSG"), nor between two
/// names of two capitals or more each ("Arturo Vidal & Paul Pogba",
/// "Community Shield & Europa League"; this parts some titles too, "MTV
/// Movie & TV Awards").
pub(super) fn amp_joins(syl: &Syllables, left: &[Token], right: &[Token]) -> bool {
    let Some(first) = left.first() else {
        return false;
    };
    let body = BODY_HEADS.contains(&syl.word(first))
        || LEGAL_FORMS.contains(&syl.word(first))
        || left.iter().any(|t| !t.cap);
    let capitals_after = right.iter().take_while(|t| t.cap).count();
    // An acronym alone joins an acronym, two fields ("GD & ĐT", "NN &
    // PTNT"), not a name ("MU & PSG").
    let lone_acronym =
        left.len() == 1 && first.acronym && !right.first().is_some_and(|t| t.acronym);
    body || !(lone_acronym || left.len() >= 2 && capitals_after >= 2)
}

/// A firm's legal form, which begins its name after "Công ty" ("Công ty |
/// TNHH Ernst & Young Việt Nam").
const LEGAL_FORMS: [&str; 5] = ["tnhh", "cp", "tmcp", "ctcp", "jsc"];
