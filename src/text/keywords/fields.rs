//! A body's name whose fields are listed with commas (issue 15): "Ủy ban
//! Khoa học, Công nghệ và Môi trường", "Bộ Văn hóa, Thể thao và Du lịch",
//! "Cục Xuất bản, In và Phát hành". The commas close clauses, and a
//! clause's run ends there: "Ủy ban Khoa học" alone was a keyword, cut.
//! Where the fields go on to a last one joined by "và", the clauses are
//! one clause, so that the name is one run, the same as when it is
//! written without commas ("Bộ Văn hóa Thể thao và Du lịch").

use std::ops::Range;

use super::countries::country_prefix;
use super::follow::{body_head, title_head};
use super::tokens::{Syllables, Token};
use crate::text::segment::{dictionary, is_surname};

/// Fields a list may hold before its "và".
const MAX_FIELDS: usize = 4;

/// Join the clauses of one text (`out`, ranges of `tokens`) that list a
/// body's fields.
pub(super) fn join_fields(syl: &Syllables, tokens: &[Token], out: &mut Vec<Range<usize>>) {
    let mut k = 0;
    while k + 1 < out.len() {
        if let Some(n) = listed(syl, tokens, &out[k..]) {
            let end = out[k + n].end;
            out[k].end = end;
            out.drain(k + 1..=k + n);
        }
        k += 1;
    }
}

/// How many clauses after `clauses[0]` go on its body's name: each begins
/// right after a comma with a field (capitals on a dictionary word, no
/// body, title or acronym), and the last holds "và" and one more field
/// after its first.
fn listed(syl: &Syllables, tokens: &[Token], clauses: &[Range<usize>]) -> Option<usize> {
    if !body_tail(syl, &tokens[clauses[0].clone()]) {
        return None;
    }
    for (n, pair) in clauses.windows(2).take(MAX_FIELDS).enumerate() {
        let [before, c] = pair else { return None };
        let clause = &tokens[c.clone()];
        if before.end != c.start || !clause.first().is_some_and(|t| t.after_comma) {
            return None;
        }
        let field = field_len(syl, clause)?;
        let rest = &clause[field..];
        match rest.first() {
            None => {} // a field alone: the list goes on
            Some(v) if syl.word(v) == "và" && field_len(syl, &rest[1..]).is_some() => {
                return Some(n + 1);
            }
            Some(_) => return None,
        }
    }
    None
}

/// Does the clause end on a body's name with a field: its head ("Bộ",
/// "Ủy ban", "Cục") capitalised, a capitalised field after it, no stop word
/// between ("Ủy ban Khoa học", "Cục Xuất bản")?
fn body_tail(syl: &Syllables, clause: &[Token]) -> bool {
    // The clause's last words with no stop word, the first body's head
    // among them: "Ủy ban Văn hóa", not "Văn hóa" ("văn" heads "Văn
    // phòng").
    let words = clause.iter().rev().take_while(|t| !t.stop).count();
    let tail = &clause[clause.len() - words..];
    let Some(head) = tail
        .iter()
        .position(|t| t.cap && !t.acronym && body_head(syl.word(t)))
    else {
        return false;
    };
    let name = &tail[head..];
    name.len() <= 6 && name[1..].iter().any(|t| t.cap && !t.acronym)
}

/// The length of the field a slice begins with: a capitalised syllable and
/// the ones after it making a dictionary word of two or three ("Công
/// nghệ", "Thể thao", "Phát hành"), or one Vietnamese syllable alone
/// ("In"); none where it is a body, a title, a country ("Bộ Ngoại giao
/// Mỹ, | Australia và Nhật Bản"), an acronym or no word.
fn field_len(syl: &Syllables, clause: &[Token]) -> Option<usize> {
    let first = clause.first()?;
    if !first.cap || first.acronym || first.stop || first.sentence_start {
        return None;
    }
    // A body ("Bộ Công an", "Sở Xây dựng") or a title ("Thứ trưởng") is
    // another item of a list; a body's head before lower case is a field
    // ("Công nghệ", "Văn hóa").
    let w = syl.word(first);
    let next = clause.get(1);
    if body_head(w) && next.is_some_and(|t| t.cap)
        || title_head(w, next.map(|t| syl.word(t)))
        || country_prefix(syl, clause).is_some()
    {
        return None;
    }
    let dict = dictionary();
    let word = (2..=3).rev().find(|&n| {
        let hashes: Vec<u64> = clause.iter().take(n).map(|t| syl.hash(t)).collect();
        clause.len() >= n
            && clause[1..n].iter().all(|t| !t.cap && !t.stop)
            && dict.contains_hashes(&hashes)
    });
    // A field of one syllable stands alone or before "và": "Cục Xuất bản,
    // In và Phát hành".
    word.or_else(|| {
        let alone = next.is_none_or(|t| syl.word(t) == "và");
        (alone && syl.vietnamese[first.id as usize] && !is_surname(w)).then_some(1)
    })
}

/// Does a body's head begin `rest`, the words after "và" in a run ("Bộ Y
/// tế và | Bộ Tài chính": two bodies)? Not "Công" beginning a field: "Bộ
/// Khoa học và Công nghệ", "Phòng Thương mại và Công nghiệp Việt Nam" are
/// one name each ("Công nghiệp Việt Nam" was a keyword cut from the second,
/// a blind reader's ✗). "Công ty", "Công an" begin bodies, and so is
/// "Công thương" left, a ministry's own name (untested: baomoi-35k has it
/// after "và" only as "2 bộ Y tế và Công thương", which no run reaches).
pub(super) fn heads_a_body(syl: &Syllables, rest: &[Token]) -> bool {
    match rest {
        [h, w, ..] if syl.word(h) == "công" => !matches!(syl.word(w), "nghệ" | "nghiệp"),
        [h, ..] => super::name_words::BODY_HEADS.contains(&syl.word(h)),
        [] => false,
    }
}
