//! A name checked against its own article (issue 15, fifth pass): the
//! words around each of its runs, in the same clause (no punctuation
//! between), tell a name that goes on or lost its head from a whole one.
//!
//! - **It goes on**: a lone acronym seen twice or more, each time followed
//!   by the same capital ("USS | Carl Vinson", "PGS.TS | Nguyễn…"); a
//!   family name and one syllable each time followed by the same capital
//!   that is in no name, a given name that is also a function word
//!   ("Nguyễn Quốc | Tới", "Nguyễn Trần | Duy Nhất": [`mark_cut_persons`]).
//! - **It is the tail of a name**: a short code (two letters, or a hyphen
//!   or a digit in it) every run of which comes right after the same name,
//!   not a country ("Sơn Tùng | M-TP", "Hà Nội | FC").
//! - **It lost its head**: a name an acronym begins ("TNHH Thiên Ngọc Minh
//!   Uy", "THCS Thừa Đức") or an English one ("Voice Kids") every run of
//!   which comes after the same capitalised word that is no name and no
//!   title ("Công ty | TNHH …", "Trường | THCS …", "The | Voice Kids").
//! - **Two names run together**: a country and the name after it
//!   ("Libya Gaddafi") when the article names that one on its own too;
//!   a sentence's first word the news writes in lower case before a name
//!   and the name after it, every run of them at a sentence's start, when
//!   the article names that one on its own too ("Vợ | Lý Hải", "Phía |
//!   Viettel": [`own_name_after`]).
//! - **A signature**: a name seen only at the article's end (when the body
//!   was read to it), alone in its clause or after "theo", a few words at
//!   most after it ("… bệnh nhân./. Hoàng Vĩnh", "… Chính phủ. VGP", "Thu
//!   Thảo (theo KMBC)", "Theo Ngọc My (Khám phá)"): a byline or the source.
//!   Initials may have more after them ("Q.H (Tổng hợp từ The Sun)"), and
//!   so may a name before "(Tổng hợp …)", in a clause of its own or not
//!   ("… chiếc thớt  Lê Kha (Tổng hợp)").
//! - **A unit**: an acronym seen twice or more, each time right after a
//!   quantity ("12 MP", "100 USD"; a date or a year is no quantity); a
//!   unit's symbol once ("600 MW").
//! - **A private person's initials**: "N.T.L", "T.A", once at least after
//!   a form of address, kin, a family or middle name, "tên", a noun for
//!   the people papers name so or a social network's account ("nữ sinh D.A", "Nguyễn Thị
//!   T.A", "cháu V.A", "tài khoản T.S"), or before an age ("L.T.Đ (27
//!   tuổi)").
//! - **A source**: a foreign name or an acronym the article only cites
//!   as where its news comes from, or names as a news outlet ("theo
//!   RBTH", "Theo Neowin, …", "hãng tin Reuters", "tờ Daily Mail", "tin
//!   tức từ Koreaboo", "đăng tải trên BeatVN", "AFP đưa tin"): [`cites`].
//!   One run that does something else keeps it ("Neowin cũng đã thử"),
//!   and so does "Theo" inside a sentence, a name ("Hậu vệ Theo
//!   Hernandez").
//! - **It is a longer name of the article cut short**: every run of its
//!   own goes on with the word that goes on it in that longer name ("Dự án
//!   Bữa ăn | học đường" beside "Dự án Bữa ăn Học đường"):
//!   [`mark_cut_by_longer`].
//! - **It ends on a capitalised function word** the article has after the
//!   same syllable twice or more: that word is the name's ("Tân Sơn
//!   Nhất"; [`settle_name_ends`], before the names are read).
//! - **A body of a place** ("HĐND tỉnh", "BHXH quận") that a place follows
//!   in the article: cut, and joined with that place ("HĐND tỉnh Quảng
//!   Nam"), which is then cut where the neighbours cut the body or the
//!   place ([`settle_joins`]).
//!
//! Such a name is marked cut ([`Acc::cut`](super::counter::Acc)): no
//! keyword under its syllables. A source is marked so instead
//! ([`Acc::source`](super::counter::Acc)): still counted, never a
//! keyword. One pass over the runs, a look-up per name: cheap beside the
//! n-grams.

use std::ops::Range;

use super::counter::{Counter, MAX_N, Next, gram};
use super::countries::country_prefix;
use super::follow::vote_id;
use super::initials::{after_person, aged};
use super::kinds::{lead_word, verb_head};
use super::name_words::{BODY_HEADS, PLACE_MARKERS, TITLE_SET, place_word};
use super::particles::arabic_article;
use super::spellings::dotted_initials;
use super::tokens::{Syllables, Token, join_words};
use crate::text::segment::{dictionary, is_surname};

/// A name whose every run of its own goes on with the word that goes on
/// it in a longer name of the same article is that name cut short: "Dự án
/// Bữa ăn | học đường" beside "Dự án Bữa ăn Học đường", "Trung tâm Dịch vụ
/// | việc làm" beside "Trung tâm Dịch vụ Việc làm Hà Nội". Only where
/// [`next_word`](super::follow::next_word) lets a word go on a name (a
/// body's field in lower case, a word its last syllable begins, whatever
/// word ([`Next::IN_WORD`]: "Quyền Tổng | thống"); never a
/// country, a family name or a name after a title), so "Bộ Y tế" stays
/// beside "Bộ Y tế Nhật Bản".
pub(super) fn mark_cut_by_longer(syl: &Syllables, counter: &mut Counter) {
    let mut cut = Vec::new();
    // Only a longer name that is whole itself ("Theo NASA | Công bố …" is
    // a name run into the next sentence, no name of NASA's).
    for a in counter
        .cands
        .iter()
        .filter(|a| a.name_tf > 0 && a.len >= 2 && !a.cut)
    {
        let ids: &[u32] = if a.ids.is_empty() {
            &a.gram.0[..a.len]
        } else {
            &a.ids
        };
        for k in 1..ids.len().min(MAX_N + 2) {
            let Some(&i) = counter.map.get(&gram(ids[..k].iter().copied())) else {
                continue;
            };
            let x = &counter.cands[i];
            let next = x.next;
            // "và" joins two names as often as it goes on one ("Đảng Cộng
            // sản Việt Nam | và Đại hội VII"): the store judges it.
            if x.name_tf > 0
                && &*syl.folded[ids[k] as usize] != "và"
                && next.word != Next::NONE
                && next.runs > 0
                && next.votes == next.runs
                && (next.word == vote_id(syl, ids[k]) || next.word == Next::IN_WORD)
            {
                cut.push(i);
            }
        }
    }
    for i in cut {
        counter.cands[i].cut = true;
    }
}

/// A function word capitalised at the end of a run of capitals, after the
/// same syllable twice or more in the article, is that name's last
/// syllable, no function word: "Tân Sơn Nhất", "Dinh Thống Nhất",
/// "Nhiệt điện Phả Lại", "Nguyễn Quốc Tới". Once, it may as well begin the
/// next clause, unpunctuated ("Tuổi Tỵ | Họ"): the run stops before it
/// ([`super::names`]). Not at a sentence's start, nor in a photo credit, nor a
/// word that begins a clause's subject ("Phía Tây Bắc Bộ | Nhiều mây" of a
/// forecast's every region, "Luật | Các tổ chức tín dụng").
pub(super) fn settle_name_ends(
    syl: &Syllables,
    tokens: &mut [Token],
    clauses: impl Iterator<Item = Range<usize>>,
) {
    let mut ends: Vec<(usize, u32, u32)> = Vec::new();
    for c in clauses {
        for k in c.start + 1..c.end {
            let (p, t) = (&tokens[k - 1], &tokens[k]);
            let last = k + 1 == c.end || !tokens[k + 1].cap;
            if t.stop
                && syl.stop[t.id as usize]
                && t.cap
                && !t.acronym
                && !t.credit
                && !t.sentence_start
                && !matches!(syl.word(t), "các" | "những" | "nhiều")
                && p.cap
                && !p.stop
                && last
            {
                ends.push((k, p.id, t.id));
            }
        }
    }
    for &(k, p, t) in &ends {
        if ends.iter().filter(|e| (e.1, e.2) == (p, t)).count() >= 2 {
            tokens[k].stop = false;
        }
    }
}

/// Where a name run lies: its candidate and its clause.
pub(super) struct Place {
    pub(super) idx: usize,
    pub(super) clause: Range<usize>,
}

/// What one candidate's runs have around them.
#[derive(Clone, Copy, Default)]
struct Around {
    /// Runs.
    n: u32,
    /// The capital after the first run that has one, and how many runs
    /// have it after them.
    next: u32,
    next_n: u32,
    /// The head word before the first run that has one, and how many runs
    /// have it before them.
    head: u32,
    head_n: u32,
    /// The head word's capitalised syllable.
    head_cap: u32,
    /// Where the first run starts.
    first: usize,
    /// Runs that sign the article: a clause of their own, or after "theo",
    /// with at most [`SIGNATURE_TAIL`] words after it ("Thu Thảo (theo
    /// KMBC)", "Theo Ngọc My (Khám phá)"); initials with up to
    /// [`INITIALS_TAIL`], or as the article's last word.
    signed: u32,
    /// Runs right after a number: "12 | MP", "100 | USD".
    numbered: u32,
    /// Runs that cite the name as a source ([`cites`]).
    cited: u32,
    /// Runs after a paper's people ([`Cite::Staff`]).
    staff: u32,
    /// Runs of dotted initials after a word that says a private person
    /// follows: a form of address, kin, a middle name ([`after_person`]).
    person: u32,
    /// The name right before the first run that has one (its unit), and
    /// how many runs have that name right before them.
    after: usize,
    after_n: u32,
    /// Runs that begin a sentence on a word the news writes in lower case
    /// before a name ([`lead_word_off`]).
    lower_led: u32,
}

/// Mark the names of an article that go on, lost their head or run two
/// names together (see the module's doc). Returns the name each token is in
/// (`u32::MAX`: none), for [`mark_cut_persons`].
pub(super) fn mark_cuts(
    syl: &Syllables,
    tokens: &[Token],
    units: &[(Range<usize>, bool)],
    places: &[Place],
    whole: bool,
    counter: &mut Counter,
) -> Vec<u32> {
    let mut around: Vec<Around> = Vec::new();
    let mut seen: Vec<usize> = Vec::new();
    let mut slot = vec![u32::MAX; counter.cands.len()];
    // The name each token is in (`u32::MAX`: none).
    let mut unit = vec![u32::MAX; tokens.len() + 1];
    for (k, (u, _)) in units.iter().enumerate() {
        unit[u.clone()].fill(k as u32);
    }
    for ((run, _), p) in units.iter().zip(places) {
        if slot[p.idx] == u32::MAX {
            slot[p.idx] = around.len() as u32;
            around.push(Around {
                first: run.start,
                ..Around::default()
            });
            seen.push(p.idx);
        }
        let a = &mut around[slot[p.idx] as usize];
        a.n += 1;
        let own_clause = run.start == p.clause.start
            || run.start == p.clause.start + 1 && syl.word(&tokens[p.clause.start]) == "theo";
        // Initials sign a clause of their own with more words after them
        // ("Q.H (Tổng hợp từ The Sun)", "N.A Chia sẻ tâm sự của bạn tại
        // đây"; not after a comma: "…, S.T, Oanh Kiều", a singer among
        // others), and as the article's last word even where no full stop
        // comes before them ("… kéo dài trong khoảng 1 tiếng rưỡi T.A").
        let tail = tokens.len() - run.end;
        let initials = run.len() == 1 && dotted_initials(syl.raw[tokens[run.start].rid as usize]);
        // So does a name before "(Tổng hợp …)", the writer's, where the
        // article ends: "… chiếc thớt  Lê Kha (Tổng hợp)", "Dã Quỳ (Tổng hợp
        // theo báo Infonet, Trí thức trẻ)".
        let compiled = || {
            let word = |k: usize| tokens.get(run.end + k).map_or("", |t| syl.word(t));
            (word(0), word(1)) == ("tổng", "hợp")
        };
        a.signed += u32::from(
            whole
                && (own_clause && run.end == p.clause.end && tail <= SIGNATURE_TAIL
                    || run.end == p.clause.end && tail <= COMPILED_TAIL && compiled()
                    || initials
                        && (tail == 0
                            || own_clause
                                && !tokens[run.start].after_comma
                                && tail <= INITIALS_TAIL)),
        );
        a.numbered += u32::from(run.start == p.clause.start && tokens[run.start].after_number);
        // (Or a verb before a name: [`verb_head`].)
        a.lower_led += u32::from(
            lead_word_off(syl, &tokens[run.clone()]) > 0 || verb_head(syl, &tokens[run.start]),
        );
        let cite = cites(syl, tokens, run, &p.clause);
        a.cited += u32::from(cite != Cite::No);
        a.staff += u32::from(cite == Cite::Staff);
        // Initials are rare: the words before them are looked at for them only.
        a.person += u32::from(
            run.len() == 1
                && dotted_initials(syl.raw[tokens[run.start].rid as usize])
                && (after_person(syl, &tokens[p.clause.start..run.start])
                    || run.end == p.clause.end && aged(syl, tokens.get(run.end))),
        );
        let before = run.start.checked_sub(1).map_or(u32::MAX, |i| unit[i]) as usize;
        if run.start > p.clause.start
            && before != u32::MAX as usize
            && units[before].0.end == run.start
        {
            let key = places[before].idx;
            if a.after_n == 0 {
                a.after = before;
            }
            a.after_n += u32::from(places[a.after].idx == key);
        }
        // (An Arabic name goes on no acronym: "IS | al-Baghdadi".)
        let next = (run.end < p.clause.end)
            .then(|| &tokens[run.end])
            .filter(|t| t.cap && !t.sentence_start && !arabic_article(syl.raw[t.rid as usize]));
        if let Some(t) = next {
            if a.next_n == 0 {
                a.next = t.id;
            }
            a.next_n += u32::from(a.next == t.id);
        }
        // Only a name an acronym or an English word begins can lose its
        // head here: the others skip the look-up.
        let first = &tokens[run.start];
        let head = if first.acronym || !syl.vietnamese[first.id as usize] {
            head_word(syl, tokens, &unit, run.start, p.clause.start)
        } else {
            None
        };
        if let Some((id, cap)) = head {
            if a.head_n == 0 {
                a.head = id;
                a.head_cap = cap;
            }
            a.head_n += u32::from(a.head == id);
        }
    }
    for (k, &idx) in seen.iter().enumerate() {
        let a = around[k];
        let len = counter.cands[idx].len;
        let run = &tokens[a.first..a.first + len];
        let acronym = run[0].acronym;
        let place = PLACE_MARKERS.contains(&syl.word(&run[0]));
        let goes_on = a.next_n == a.n && acronym && len == 1 && a.n >= 2 && !place;
        // The tail of the name before it, a short code: "Sơn Tùng | M-TP",
        // "Hà Nội | FC" (not "Trung Quốc | CCTV", "Thành ủy | TP.HCM",
        // "Hội nghị | ASEAN": an agency, a place, a body stand alone).
        let tail = a.after_n == a.n && acronym && len == 1 && !place && {
            let raw = syl.raw[run[0].rid as usize];
            let u = &units[a.after].0;
            (raw.chars().count() <= 2 || raw.contains(|c: char| c == '-' || c.is_ascii_digit()))
                && country_prefix(syl, &tokens[u.clone()]) != Some(u.len())
        };
        let head = &*syl.folded[a.head as usize];
        let headless = a.head_n == a.n
            && (acronym && len >= 2 && !place && {
                let h = &*syl.folded[a.head_cap as usize];
                BODY_HEADS.contains(&h) && !PRESS.contains(&h)
            } || run.iter().all(|t| !syl.vietnamese[t.id as usize]) && head == "the");
        let run_together = len >= 2 && run.iter().all(|t| t.cap && !t.acronym) && {
            let n = country_prefix(syl, run).unwrap_or(0);
            n > 0 && n < len && syl.word(&run[0]) != "vietnam" && named_alone(counter, &run[n..])
        };
        let lower_led = len >= 2 && a.lower_led == a.n && {
            let k = lead_word_off(syl, run).max(usize::from(verb_head(syl, &run[0])));
            k > 0 && k < len && own_name_after(syl, counter, &run[k - 1..], k)
        };
        let signature = a.signed == a.n;
        // A unit, after a quantity each time: "12 MP", "100 USD" (one run
        // after a number may be a date's: "Ngày 9/5 FBI…").
        // A unit's symbol, once is enough: "600 MW".
        let unit = acronym
            && len == 1
            && a.numbered == a.n
            && (a.n >= 2 || UNIT_SYMBOLS.contains(&syl.word(&run[0])));
        // A source: foreign or an acronym (not "Bộ Y tế", "Tuổi Trẻ": a
        // body or a paper of the country is a name the reader looks for).
        let source = a.cited == a.n
            && (a.staff == a.n
                || run
                    .iter()
                    .any(|t| t.acronym || !syl.vietnamese[t.id as usize]));
        // A private person's initials, as papers write a victim's, a
        // minor's or a suspect's name: "nữ sinh D.A", "Nguyễn Thị T.A",
        // "cháu V.A" ("M.U", "T.O.P" stand for a club, a singer).
        let initials = a.person > 0;
        if goes_on || tail || headless || run_together || lower_led || signature || unit || initials
        {
            counter.cands[idx].cut = true;
        }
        counter.cands[idx].head_off |= lower_led;
        counter.cands[idx].source = source;
    }
    unit
}

/// Nouns of a place whose name they begin in the news ("Sân Thống Nhất",
/// "Đảo Thị Tứ", "Sông Hương"): [`own_name_after`] leaves them.
/// (Those of the list only: "chùa", "hồ", "vịnh" are not on it.)
const SITE_NOUNS: &[&str] = &["đảo", "đền", "động", "ga", "rừng", "sân", "sông"];

/// Is a name whose every run begins a sentence on a word the news writes
/// in lower case before a name ([`lower_head_word`]) that word and a name
/// of its own, one the article names without it too? "Vợ | Lý Hải" (a
/// headline) beside "vợ Lý Hải - Minh Hà" (its body), "Phía | Viettel
/// cũng mong muốn" beside "phía Viettel Telecom cho biết", "Xe |
/// Fortuner lao vào" beside "chiếc xe ô tô 7 chỗ Fortuner": read as inside
/// a sentence, the name after it is the keyword. Not a family name, a
/// place's word ("Sân Thống Nhất", "Tỉnh Lâm Đồng": a place is named so),
/// nor before a country ("Tiếng Anh", "Tuyển Việt Nam"); a side before
/// one is always: "Phía | Mỹ sau đó hứa" is "phía Mỹ". (A name the
/// article writes inside a sentence too, "của Giả Tịnh Văn", is left by the
/// caller.)
///
/// A word of two syllables or more (`k`, [`lead_word_off`]; `run` starts on
/// its last syllable) may stand before a country too: "Tàu chiến | Nhật Bản", as
/// "tàu chiến | Nhật Bản" inside a sentence.
fn own_name_after(syl: &Syllables, counter: &Counter, run: &[Token], k: usize) -> bool {
    let first = syl.word(&run[0]);
    let rest = &run[1..];
    if k == 1 && first == "phía" && country_prefix(syl, rest) == Some(rest.len()) {
        return true;
    }
    // A verb before a country too: "Lo | Triều Tiên" ([`verb_head`]).
    if k == 1 && verb_head(syl, &run[0]) && !place_word(first) {
        return rest[0].cap && named_alone(counter, rest);
    }
    (k >= 2
        || !is_surname(first)
            && !place_word(first)
            && !SITE_NOUNS.contains(&first)
            && country_prefix(syl, rest) != Some(rest.len()))
        && rest[0].cap
        && named_alone(counter, rest)
}

/// [`lead_word`], but for a word of two syllables or more that heads a
/// body's name ("Ngân hàng Nhà nước", "Văn phòng Chính phủ") or is a title
/// ("Tổng thống Mỹ", an office; "Chủ tịch | Trương Tấn Sang" is parted
/// where the names are read): 0.
fn lead_word_off(syl: &Syllables, run: &[Token]) -> usize {
    let k = lead_word(syl, run);
    if k < 2 || BODY_HEADS.contains(&syl.word(&run[0])) {
        return if k == 1 { 1 } else { 0 };
    }
    let mut word = String::new();
    join_words(syl, &run[..k], &mut word);
    if TITLE_SET.contains(word.as_str()) {
        0
    } else {
        k
    }
}

/// Does the article name these tokens as a name of their own (a name
/// candidate, counted as one)? Longer runs than a gram holds are not
/// looked up.
fn named_alone(counter: &Counter, tokens: &[Token]) -> bool {
    tokens.len() <= MAX_N + 1
        && counter
            .map
            .get(&gram(tokens.iter().map(|t| t.id)))
            .is_some_and(|&i| counter.cands[i].name_tf > 0)
}

/// Does this run of a name cite it as the source of the news, or name it
/// as a news outlet? Right after "theo" (not "Theo" inside a sentence: a
/// name's) or after the kind of outlet ("tờ", "báo", "đài", "kênh",
/// "trang", "hãng tin", "hãng thông tấn", "kênh truyền hình", "tạp chí"),
/// the two together too ("theo hãng tin | Reuters"); after "tin tức từ",
/// "nguồn tin từ", "đăng tải trên", "đăng trên"; or before "đưa tin",
/// "dẫn lời", "dẫn nguồn". Not "hãng" alone: "hãng Samsung" is a maker.
/// After a paper's people ("PV | Dân Việt", "phóng viên | James Bays",
/// "BTV | Vân Anh"), it is the paper or its journalist: [`Cite::Staff`].
fn cites(syl: &Syllables, tokens: &[Token], run: &Range<usize>, clause: &Range<usize>) -> Cite {
    let before = &tokens[clause.start..run.start];
    if let Some(t) = before.last()
        && (t.acronym && STAFF.contains(&syl.word(t))
            || before.len() >= 2
                && syl.word(&before[before.len() - 2]) == "phóng"
                && syl.word(t) == "viên")
    {
        return Cite::Staff;
    }
    // The k-th word before the run, in lower case (a sentence's capital
    // allowed), or "" (none, or a capital: another name's).
    let word = |k: usize| {
        before
            .len()
            .checked_sub(k)
            .map(|i| &before[i])
            .filter(|t| !t.cap || t.sentence_start)
            .map_or("", |t| syl.word(t))
    };
    // Not the end of a word: "hãng thời trang | Kenzo".
    let in_word = || {
        let n = before.len();
        n >= 2 && {
            let hashes = [
                syl.hash[before[n - 2].id as usize],
                syl.hash[before[n - 1].id as usize],
            ];
            dictionary().contains_hashes(&hashes)
        }
    };
    let kind = if OUTLETS_ONE.contains(&word(1)) && !in_word() {
        1
    } else if OUTLETS_TWO.contains(&(word(2), word(1))) {
        2
    } else {
        0
    };
    let theo = word(kind + 1) == "theo";
    let from = matches!(
        (word(2), word(1)),
        ("tin" | "tức", "từ") | ("tải" | "đăng", "trên")
    );
    let after = &tokens[run.end..clause.end];
    let reports = after.len() >= 2
        && matches!(
            (syl.word(&after[0]), syl.word(&after[1])),
            ("đưa", "tin") | ("dẫn", "lời" | "nguồn")
        );
    if kind > 0 || theo || from || reports {
        Cite::Source
    } else {
        Cite::No
    }
}

/// Symbols of units of measure, folded, that a number stands before: one
/// such occurrence makes the acronym a unit ("600 MW"; "MB" is also a bank,
/// kept where a number does not stand before it).
pub(super) const UNIT_SYMBOLS: &[&str] = &[
    "cc", "gb", "ghz", "gw", "gwh", "hp", "hz", "kb", "kg", "khz", "km", "kv", "kw", "kwh", "mah",
    "mb", "mbps", "mhz", "mm", "mp", "mw", "mwh", "ppm", "tb", "teu", "usd", "vnd",
];

/// What a run of a name says of it as a source ([`cites`]).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Cite {
    No,
    /// Cited as where the news comes from, or named as an outlet.
    Source,
    /// After one of a paper's people: the paper or the journalist.
    Staff,
}

/// A paper's people, written short: "PV" (phóng viên), "BTV" (biên tập
/// viên), "CTV" (cộng tác viên).
const STAFF: &[&str] = &["btv", "ctv", "pv"];

/// A news outlet's kind in one word, before its name: "tờ | Telegraph",
/// "trang | Neowin", "đài | CNN".
const OUTLETS_ONE: &[&str] = &["báo", "đài", "kênh", "trang", "tờ"];

/// A news outlet's kind in two words: "hãng tin | Reuters", "hãng thông tấn
/// | Yonhap", "kênh truyền hình | CNN".
const OUTLETS_TWO: &[(&str, &str)] = &[
    ("hãng", "tin"),
    ("thông", "tấn"),
    ("truyền", "hình"),
    ("tạp", "chí"),
    ("trang", "tin"),
    ("trang", "web"),
];

/// How many words may follow a signature: the paper's name in brackets,
/// "(Khám phá)", "(theo KMBC)".
const SIGNATURE_TAIL: usize = 3;

/// How many syllables may follow a name that signs "(Tổng hợp …)": the
/// papers it was compiled from, "(Tổng hợp theo báo PL TP.HCM, Đời sống
/// plus)".
const COMPILED_TAIL: usize = 16;

/// How many syllables may follow initials that sign: a source's name,
/// "(Tổng hợp từ The Sun)", or a column's call, "Chia sẻ tâm sự của bạn tại
/// đây".
const INITIALS_TAIL: usize = 8;

/// Heads of the press: a paper's or a channel's name stands alone ("Báo |
/// VnExpress", "Đài | VTV").
const PRESS: &[&str] = &["báo", "đài", "tạp"];

/// The capitalised word right before a name that starts at `start`, when it
/// is none of a name and no title: "Trường | THCS", "The | Voice Kids", or
/// of two syllables the second lowercase ("Công ty | TNHH", "Ngân hàng |
/// NN&PTNT"). Its last syllable's id.
fn head_word(
    syl: &Syllables,
    tokens: &[Token],
    unit: &[u32],
    start: usize,
    clause_start: usize,
) -> Option<(u32, u32)> {
    if start == clause_start {
        return None;
    }
    let t = &tokens[start - 1];
    // The English article, wherever the runs put it ("Quán quân The |
    // Voice Kids").
    if syl.word(t) == "the" {
        return Some((t.id, t.id));
    }
    if unit[start - 1] != u32::MAX {
        return None;
    }
    let title = |w: &str| TITLE_SET.contains(w);
    let head = |t: &Token| BODY_HEADS.contains(&syl.word(t));
    if t.cap || head(t) {
        return (!title(syl.word(t))).then_some((t.id, t.id));
    }
    if start - 1 == clause_start {
        return None;
    }
    let h = &tokens[start - 2];
    if !(h.cap || head(h)) || h.stop || unit[start - 2] != u32::MAX {
        return None;
    }
    let two = format!("{} {}", syl.word(h), syl.word(t));
    (!title(&two)).then_some((t.id, h.id))
}

/// A family name and one syllable (not a word: "Hà Nội") every time
/// followed by the same capital that starts no name of its own, a given
/// name that is also a function word: "Nguyễn Quốc | Tới", "Nguyễn Trần |
/// Duy Nhất". Counted over every time the two capitals stand together (as
/// a name or an n-gram), after the n-grams; marked cut.
pub(super) fn mark_cut_persons(
    syl: &Syllables,
    tokens: &[Token],
    clauses: impl Iterator<Item = Range<usize>>,
    unit: &[u32],
    counter: &mut Counter,
) {
    // (candidate, times, times followed by the same loose capital, it,
    // where the first stands)
    let mut seen: Vec<(usize, u32, u32, u32, usize)> = Vec::new();
    for c in clauses {
        for i in c.start..c.end.saturating_sub(1) {
            let (a, b) = (&tokens[i], &tokens[i + 1]);
            let pair = a.cap && b.cap && !b.sentence_start && !a.acronym && !b.acronym;
            if !(pair && is_surname(syl.word(a))) {
                continue;
            }
            let Some(&idx) = counter.map.get(&gram([a.id, b.id].into_iter())) else {
                continue;
            };
            let next = (i + 2 < c.end)
                .then(|| &tokens[i + 2])
                .filter(|t| t.cap && !t.sentence_start && unit[i + 2] == u32::MAX)
                .map(|t| t.id);
            let k = match seen.iter().position(|s| s.0 == idx) {
                Some(k) => k,
                None => {
                    seen.push((idx, 0, 0, next.unwrap_or(u32::MAX), i));
                    seen.len() - 1
                }
            };
            let s = &mut seen[k];
            s.1 += 1;
            s.2 += u32::from(next.is_some_and(|id| id == s.3));
        }
    }
    for (idx, n, same, _, i) in seen {
        // Nor a country: "Hà Lan", "Thái Lan".
        if n == same && country_prefix(syl, &tokens[i..i + 2]) != Some(2) {
            let c = &counter.cands[idx];
            let ids = &c.gram.0[..2];
            let hashes = [syl.hash[ids[0] as usize], syl.hash[ids[1] as usize]];
            if !dictionary().contains_hashes(&hashes) {
                counter.cands[idx].cut = true;
            }
        }
    }
}

/// Does this name run end on a place's marker in lower case, a body of the
/// place the marker names ("HĐND tỉnh", "Bệnh viện Đa khoa tỉnh", "BHXH
/// quận", "Ủy ban Nhân dân phường")? Where the article names its place,
/// it is cut without it: readers read it so (BENCHMARKS.md, session 29).
/// Not where the marker ends a word ("Đức Quốc xã", "Bộ … Nông thôn",
/// "UBND Thành phố"), nor where nothing before it says a body (an
/// acronym, a lower-case syllable, a body's head): "Tân Hoa xã" is an
/// agency.
pub(super) fn body_of_a_place(syl: &Syllables, run: &[Token]) -> bool {
    let n = run.len();
    n >= 2
        && run
            .last()
            .is_some_and(|t| !t.cap && PLACE_MARKERS.contains(&syl.word(t)))
        && (BODY_HEADS.contains(&syl.word(&run[0]))
            || run[..n - 1].iter().any(|t| t.acronym || !t.cap))
        && (2..=n.min(3)).all(|k| {
            let hashes: Vec<u64> = run[n - k..]
                .iter()
                .map(|t| syl.hash[t.id as usize])
                .collect();
            !dictionary().contains_hashes(&hashes)
        })
}

/// The place's name run right after a [`body_of_a_place`] ("HĐND tỉnh |
/// Quảng Nam", `place` in `tokens`; a person's name there is no place,
/// [`a_person`]): is it whole, and are the two together short enough to be
/// one name? Not a place that goes on past a dash ("UBND tỉnh | Thừa
/// Thiên | - Huế").
pub(super) fn its_place(tokens: &[Token], body: &Range<usize>, place: &Range<usize>) -> bool {
    let run = &tokens[place.clone()];
    let goes_on = tokens
        .get(place.end)
        .is_some_and(|t| t.after_dash && t.cap && !t.sentence_start);
    !goes_on && !run.is_empty() && run.iter().all(|t| t.cap) && body.len() + run.len() <= MAX_JOINED
}

/// The longest body and its place joined, in syllables ("Sở Giáo dục và
/// Đào tạo tỉnh Nghệ An" is 9).
const MAX_JOINED: usize = 10;

/// Shaped as a person's name: a family name and two capitals or more
/// ("Nguyễn Văn Trì").
pub(super) fn a_person(syl: &Syllables, run: &[Token]) -> bool {
    run.len() >= 3 && is_surname(syl.word(&run[0]))
}

/// A [`body_of_a_place`] and its place, as candidates: `[body,
/// place, the two joined]` ("HĐND tỉnh", "Quảng Nam", "HĐND tỉnh Quảng
/// Nam"), and `[body, body, body]` for each body a place follows.
pub(super) type Joins = Vec<[usize; 3]>;

/// Which of the [`Joins`]' bodies and places are cut before their
/// neighbours are looked at: by a run of their own that is not the one
/// joined ("Văn phòng | UBND huyện" makes every "UBND huyện" cut, not
/// "UBND huyện Mỹ Đức").
pub(super) fn cut_before(counter: &Counter, joins: &Joins) -> Vec<[bool; 2]> {
    joins
        .iter()
        .map(|&[body, place, _]| [counter.cands[body].cut, counter.cands[place].cut])
        .collect()
}

/// Once the names are checked against their neighbours: a body of a place
/// that the article names with its place is no keyword without it ("HĐND
/// tỉnh" of "HĐND tỉnh Quảng Nam"); the two joined are cut when the
/// neighbours cut either ("Cơ quan | CSĐT Công an tỉnh | Đồng Nai": the
/// body lost its head).
pub(super) fn settle_joins(counter: &mut Counter, joins: &Joins, before: &[[bool; 2]]) {
    // (A `[body, body, body]` entry cuts the body with itself: no change.)
    for (&[body, place, joined], &[body_cut, place_cut]) in joins.iter().zip(before) {
        let cut = counter.cands[body].cut && !body_cut || counter.cands[place].cut && !place_cut;
        counter.cands[joined].cut |= cut;
    }
    for &[body, _, _] in joins {
        counter.cands[body].cut = true;
    }
}
