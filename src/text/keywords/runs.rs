//! The name runs of an article's clauses, counted as candidates
//! ([`super::names`]), with the runs joined to their neighbours: a body
//! and its place ("HĐND tỉnh | Quảng Nam"), a name and its number ("Bệnh
//! viện Nhi Đồng | 1"), a body's name that goes on past a dash ("Tập đoàn
//! Than | - Khoáng sản Việt Nam", "Sở GD | – ĐT Hà Nội").

use std::ops::Range;

use super::counter::{Counter, Next};
use super::follow::{acronym_field_after, across_dash, next_word};
use super::name_words::{bodys_head, title_prefix};
use super::names::{Cut, names};
use super::neighbours::{self, Place};
use super::numbered::number_after;
use super::tokens::{Syllables, Token};
use crate::text::segment::{dictionary, is_surname};

/// A clause to count.
pub(super) struct Clause {
    /// An occurrence counts this many times (more in the title).
    pub(super) weight: u32,
    /// Its tokens.
    pub(super) range: Range<usize>,
    /// Names are looked for in it (not in a title-cased headline).
    pub(super) names: bool,
}

/// Count the name runs of every clause that wants them; returns them (token
/// ranges, in order, each with its flag: cut short, [`Cut::Short`]), where
/// each lies ([`Place`]), and each body of a place joined with its place
/// ([`neighbours::Joins`]).
pub(super) fn count_names(
    syl: &Syllables,
    tokens: &[Token],
    clauses: &[Clause],
    counter: &mut Counter,
) -> (Units, Vec<Place>, neighbours::Joins) {
    let mut units = Vec::with_capacity(tokens.len() / 8);
    let mut places = Vec::with_capacity(tokens.len() / 8);
    let mut joins = Vec::new();
    // The last run, when it ended its clause.
    let mut last: Option<Range<usize>> = None;
    // The runs that go on a body's name past a dash, with their weights.
    let mut continued: Vec<(usize, u32)> = Vec::new();
    for c in clauses.iter().filter(|c| c.names) {
        let base = c.range.start;
        // The run before, whole and a body of a place: its place may follow.
        let mut body: Option<(Range<usize>, usize, bool)> = None;
        names(syl, &tokens[c.range.clone()], |run, place, cut| {
            let run = base + run.start..base + run.end;
            // A person after a body of a place is none: "Chủ tịch UBND
            // tỉnh | Nguyễn Văn Trì".
            let place = place
                && !(body.as_ref().is_some_and(|b| b.0.end == run.start)
                    && neighbours::a_person(syl, &tokens[run.clone()]));
            let idx = counter.add(syl, &tokens[run.clone()], c.weight, true, place, true);
            counter.vote_name(idx, next_word(syl, tokens, run.clone(), c.range.end));
            counter.cands[idx].cut |= cut != Cut::No;
            // "HĐND tỉnh | Quảng Nam": the body alone is no keyword, the two
            // joined are one name, the place one too ([`neighbours::Joins`]).
            if let Some((b, b_idx, whole_body)) = body.take()
                && b.end == run.start
                && place
            {
                joins.push([b_idx, b_idx, b_idx]);
                if whole_body && cut == Cut::No && neighbours::its_place(tokens, &b, &run) {
                    let whole = b.start..run.end;
                    let j = counter.add(syl, &tokens[whole.clone()], c.weight, true, false, true);
                    counter.vote_name(j, next_word(syl, tokens, whole, c.range.end));
                    joins.push([b_idx, idx, j]);
                }
            }
            if neighbours::body_of_a_place(syl, &tokens[run.clone()]) {
                body = Some((run.clone(), idx, cut == Cut::No));
                // A district or ward by its number: "UBND quận | 3".
                if run.end == c.range.end && tokens.get(run.end).is_some_and(|t| t.after_number) {
                    joins.push([idx, idx, idx]);
                }
            }
            // "Bệnh viện Nhi Đồng | 1": the name with its number too.
            if cut == Cut::No
                && run.end == c.range.end
                && let Some(n) = number_after(&syl.numbers, run.end - 1)
            {
                let mut with = tokens[run.clone()].to_vec();
                with.push(n);
                let j = counter.add(syl, &with, c.weight, true, place, true);
                counter.vote_name(j, Next::NONE);
            }
            // A body's name that goes on past a dash ([`across_dash`]): the two joined are
            // one name ("Tập đoàn Than | - Khoáng sản Việt Nam"); the part after the dash is
            // none where the article names it so only (below), the part before it where most
            // of its runs go on (its votes). A body's name has a lowercase syllable or an
            // acronym (not "Trường Giang | - Nhã Phương", two persons), no title ("Bộ trưởng Tư
            // pháp Mỹ | - Eric Holder"); what goes on is a field, a word in lower case after
            // its capital ("Khoáng sản", "Khen thưởng"), not a person, a foreign name or
            // another body ("Trường Đại học Bách khoa | – Đại học Quốc gia TP.HCM").
            if let Some(before) = last.take()
                && before.end == run.start
                && run.start == c.range.start
                && cut == Cut::No
                && tokens[before.clone()].iter().any(|t| t.acronym || !t.cap)
                && title_prefix(syl, &tokens[before.clone()]).is_none()
                && (acronym_field_after(syl, &tokens[before.clone()], &tokens[run.clone()])
                    || field_after(syl, &tokens[run.clone()])
                    || place_after(
                        syl,
                        &tokens[run.clone()],
                        run.end == c.range.end || !tokens[run.end].cap,
                    ))
                && across_dash(syl, tokens, before.clone()) != Next::NONE
            {
                let whole = before.start..run.end;
                let j = counter.add(syl, &tokens[whole.clone()], c.weight, true, false, true);
                counter.vote_name(j, next_word(syl, tokens, whole, c.range.end));
                continued.push((idx, c.weight));
            }
            if run.end == c.range.end {
                last = Some(run.clone());
            }
            units.push((run, cut == Cut::Short));
            places.push(Place {
                idx,
                clause: c.range.clone(),
            });
        });
    }
    continued.sort_unstable();
    for chunk in continued.chunk_by(|a, b| a.0 == b.0) {
        let idx = chunk[0].0;
        let weight: u32 = chunk.iter().map(|c| c.1).sum();
        counter.cands[idx].cut |= weight >= counter.cands[idx].name_tf;
    }
    (units, places, joins)
}

/// Name runs as token ranges, each with its flag: cut short.
pub(super) type Units = Vec<(Range<usize>, bool)>;

/// Does `run` begin on a field of a body's name: a capital and a syllable
/// in lower case that make a word ("Khoáng sản", "Thiết giáp"), and no
/// body's head ("Đại học", "Bệnh viện")?
fn field_after(syl: &Syllables, run: &[Token]) -> bool {
    matches!(run, [a, b, ..] if a.cap && !b.cap
        && dictionary().contains_hashes(&[syl.hash(a), syl.hash(b)]))
        && !bodys_head(syl, run)
}

/// Does `run`, ending its clause or before a word in lower case (`ends`),
/// finish a place a dash parts: one
/// or two capitalised Vietnamese syllables, no family name first, no body's
/// head ("Vườn Quốc gia Phong Nha | - Kẻ Bàng", "Công an TP Phan Rang | -
/// Tháp Chàm", "Thủy điện Huội Quảng | - Bản Chát")?
fn place_after(syl: &Syllables, run: &[Token], ends: bool) -> bool {
    ends && (1..=2).contains(&run.len())
        && run
            .iter()
            .all(|t| t.cap && !t.acronym && syl.vietnamese[t.id as usize])
        && !is_surname(syl.word(&run[0]))
        && !bodys_head(syl, run)
}
