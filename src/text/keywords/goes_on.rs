//! Where a body's name goes on past its capitals (issue 15): in lower
//! case ("Cục Xúc tiến | thương mại"), with a qualifier ("Quỹ Tiền tệ |
//! quốc tế"), a continent ("Đại hội Thể thao | châu Á"), what a body
//! manages ("Cục Quản lý | giá") or a law protects ("Luật Bảo vệ | và phát
//! triển rừng"); and where a caption's name meets the next sentence's
//! ([`caption_meets_sentence`]), and a word capitalised on its first
//! syllable ([`capital_and_lowercase`]). Split from `name_words.rs` and
//! `names.rs` (the architecture test's 800 lines).

use super::countries::country_prefix;
use super::kinds::POLICE_BRANCHES;
use super::name_words::{
    ADDRESS, BODY_HEADS, QUALIFIERS, SENTENCE_WORDS, TIME_NOUNS, TITLE_SET, place_word,
};
use super::tokens::{Syllables, Token, join_words};
use crate::text::pos::{Pos, pos_table};
use crate::text::segment::{MAX_WORD_SYLLABLES, dictionary, is_surname};

/// Does a body's name go on in what follows its capitals (`rest`)? It does
/// when a noun of two syllables or more follows in lower case ("Cục Xúc
/// tiến | thương mại", "Viện Thực phẩm | chức năng", "Ban An toàn | giao
/// thông": a body's name is capitalised on its first word only, after its
/// head), a qualifier ("Viện KSND | tối cao"), a continent ("Đại hội Thể
/// thao | châu Á"), or "và" and another field ("Bộ Kế hoạch | và Đầu tư");
/// not when a verb follows ("Bộ Y tế | khuyến cáo"), nor a word of time
/// ("Bộ Công an | ngày 5/6"), nor "và" and another body ("Bộ Y tế | và Bộ
/// Tài chính"). After a body whose name ends on a verb that takes an object
/// ([`OBJECT_VERBS`]), a word mostly a noun, or of two syllables or more
/// the parts of speech do not know, is its object: "Cục Quản lý | xuất
/// nhập cảnh", "Luật Phòng chống | tham nhũng" (`run`: the body's name).
/// (Not a field that is a verb too, "Bộ Xây dựng | đưa ra".) A law named
/// by its verb alone always goes on ([`LAW_VERBS`]), and so does a meeting
/// of an office's holder before "với" ("Hội nghị Thủ tướng | với doanh
/// nghiệp").
pub(super) fn body_goes_on(syl: &Syllables, run: &[Token], rest: &[Token]) -> bool {
    // A law is never named by its verb alone, whatever follows: "Luật Bảo
    // vệ | và phát triển rừng", "(Dự án) Luật Sửa đổi | , bổ sung…".
    if matches!(run, [.., l, v, w] if syl.word(l) == "luật"
        && LAW_VERBS.contains(&(syl.word(v), syl.word(w))))
    {
        return true;
    }
    let Some(next) = rest.first() else {
        return false;
    };
    if next.cap {
        return false;
    }
    // A meeting of an office's holder with others: "Hội nghị Thủ tướng | với
    // doanh nghiệp", "| và doanh nghiệp" (not "Hội nghị Malta | với những…",
    // nor a longer name: "Hội nghị Thủ tướng Chính phủ | với…" leaves its
    // n-gram "Hội nghị Thủ tướng", which a cut of the run cannot stop).
    let meeting_of = |title: &[Token]| {
        let mut key = String::new();
        join_words(syl, title, &mut key);
        (1..=2).contains(&title.len()) && TITLE_SET.contains(key.as_str())
    };
    if (syl.word(next) == "với" || syl.word(next) == "và" && rest.get(1).is_some_and(|w| !w.cap))
        && matches!(run, [h, n, title @ ..] if syl.word(h) == "hội" && syl.word(n) == "nghị"
            && meeting_of(title))
    {
        return true;
    }
    let dict = dictionary();
    if syl.word(next) == "và" {
        // Another field: a word capitalised on its first syllable, no
        // body's head, family name or acronym ("Đầu tư", not "Bộ Tài
        // chính", "Ubnd tỉnh", "Hà Nội").
        return matches!(rest.get(1..3), Some([v, w])
            if v.cap && !v.acronym && !v.stop && !w.cap
                && !BODY_HEADS.contains(&syl.word(v))
                && !is_surname(syl.word(v))
                && dict.contains_hashes(&[syl.hash(v), syl.hash(w)]));
    }
    // A police body's branch: "Cơ quan Cảnh sát | điều tra", "Cục Cảnh
    // sát | hình sự" (not "Cảnh sát | điều tra" heading a sentence).
    if matches!(run, [_, .., v, w] if syl.word(v) == "cảnh" && syl.word(w) == "sát")
        && matches!(rest, [a, b, ..] if !b.cap
            && POLICE_BRANCHES.contains(&format!("{} {}", syl.word(a), syl.word(b)).as_str()))
    {
        return true;
    }
    // A qualifier in lower case is the body's too (checked before the words
    // of time: "tối" is an evening too), see [`qualifier_after`].
    if qualifier_after(syl, run, rest) {
        return true;
    }
    // A continent, "châu" in lower case: "Đại hội Thể thao | châu Á",
    // "Ngân hàng Trung ương | châu Âu" (not one word or acronyms alone:
    // "MMA | châu Âu", "Heineken | châu Á", "VCK U23 | châu Á").
    if syl.word(next) == "châu"
        && rest.get(1).is_some_and(|c| c.cap && !c.acronym)
        && run.len() > 1
        && !run.iter().all(|t| t.acronym)
    {
        return true;
    }
    if TIME_NOUNS.contains(&syl.word(next)) {
        return false;
    }
    // A noun of two syllables or more (one may be a stop syllable: "hình
    // sự"), nine times in ten a noun: one syllable is often a verb too
    // ("họp", "bàn"), and so is "quy định".
    let mut words: Vec<u64> = Vec::with_capacity(MAX_WORD_SYLLABLES);
    words.extend(
        rest.iter()
            .take(MAX_WORD_SYLLABLES)
            .take_while(|v| !v.cap)
            .map(|v| syl.hash(v)),
    );
    // The longest dictionary word there (2 syllables or more), its class.
    let word = dict
        .longest_prefix(&words)
        .map(|len| pos_table().get_hashes(&words[..len]));
    // A stop syllable goes on no name, but where it begins such a noun,
    // after a body's name written out (a syllable in lower case): "Diễn đàn
    // Kinh tế | thế giới", "Trung tâm Dịch vụ | việc làm" (not "Bộ Tài
    // chính | cho biết", "Bộ Chính trị | làm việc", nor after capitals
    // alone, "FTA | thế hệ mới", nor a word of now or of what befell it:
    // "| hiện nay", "Tổng thống Brazil | bị cáo…").
    if next.stop {
        return run.iter().any(|t| !t.cap)
            && !["bị", "hiện", "sau", "trước"].contains(&syl.word(next))
            && word == Some(Some(Pos::Noun));
    }
    let verb_last = matches!(run, [.., v, w] if v.cap && !w.cap
        && OBJECT_VERBS.contains(&(syl.word(v), syl.word(w))));
    // (What a body manages or steadies: "Cục Quản lý | giá", "Quỹ Bình ổn |
    // giá".)
    let manages = verb_last && matches!(run, [.., v, _] if matches!(syl.word(v), "quản" | "bình"));
    match word {
        Some(Some(Pos::Noun)) => true,
        Some(Some(Pos::MostlyNoun)) => verb_last,
        Some(None) => verb_last,
        // What a body manages may be a verb's noun: "Cục Quản lý | cạnh
        // tranh" (but "Ủy ban Kiểm tra | kết luận"); what it studies or
        // checks a field named by a verb: "Viện Nghiên cứu | phát triển xã
        // hội", "| phòng chống ung thư".
        Some(Some(Pos::Verb)) => {
            manages
                || verb_last
                    && matches!(rest, [a, b, ..]
                        if FIELD_VERBS.contains(&(syl.word(a), syl.word(b))))
        }
        Some(_) => false,
        // Or a noun of one syllable: "Cục Quản lý | giá".
        None => {
            manages
                && matches!(
                    pos_table().get_hashes(&words[..1]),
                    Some(Pos::Noun | Pos::MostlyNoun)
                )
        }
    }
}

/// Verbs a body's name does not end on: what it manages, investigates or
/// studies follows ([`body_goes_on`]).
const OBJECT_VERBS: &[(&str, &str)] = &[
    ("điều", "tra"),
    ("giám", "sát"),
    ("kiểm", "soát"),
    ("kiểm", "tra"),
    ("nghiên", "cứu"),
    ("phòng", "chống"),
    ("quản", "lý"),
    ("quản", "lí"),
    ("bình", "ổn"),
    ("xúc", "tiến"),
];

/// Does a qualifier in lower case follow a body's name (`run`), the rest of
/// it: "Quỹ Tiền tệ | quốc tế", "Viện KSND | tối cao", "Bệnh viện Nhi |
/// trung ương"? Not after an acronym alone: "Ban Thư ký APEC | quốc tế",
/// nor a country: "Hoa hậu Trung Quốc | quốc tế" (the caller keeps the name
/// with it, [`QUALIFIED_LEN`] more tokens, where no capital comes after it).
pub(super) fn qualifier_after(syl: &Syllables, run: &[Token], rest: &[Token]) -> bool {
    run.len() > 1
        && country_prefix(syl, run) != Some(run.len())
        && matches!(rest, [a, b, ..] if !a.cap && !b.cap
            && (QUALIFIERS.contains(&(syl.word(a), syl.word(b)))
                || (syl.word(a), syl.word(b)) == ("tối", "cao")))
}

/// How many tokens a qualifier is ([`qualifier_after`]).
pub(super) const QUALIFIED_LEN: usize = 2;

/// Verbs a law's name does not end on ([`body_goes_on`]): what it manages or
/// fights, amends, protects or supports ("Luật Quản lý | nợ công", "Luật
/// Sửa đổi | , bổ sung…", "Luật Bảo vệ | và phát triển rừng").
const LAW_VERBS: &[(&str, &str)] = &[
    ("bảo", "vệ"),
    ("hỗ", "trợ"),
    ("phòng", "chống"),
    ("quản", "lý"),
    ("quản", "lí"),
    ("sửa", "đổi"),
];

/// Verbs that name a field after [`OBJECT_VERBS`]: "Viện Nghiên cứu |
/// quản lý kinh tế Trung ương", "| phòng chống ung thư".
const FIELD_VERBS: &[(&str, &str)] = &[
    ("phát", "triển"),
    ("phòng", "chống"),
    ("phòng", "ngừa"),
    ("quản", "lý"),
    ("ứng", "dụng"),
];

/// Where a caption's name meets the next sentence's inside one run (from
/// `i` to `j`): the run repeats its first syllable in capitals ("Tuấn Anh |
/// Tuấn Anh vừa…", "U20 Senegal | U20 Pháp", "Google Lens | Google
/// Assistant"; not "Học viện Khoa học quân sự"), but not as a person's
/// middle syllable after the family name ("Quốc hội | Phùng Quốc Hiển")
/// nor where the repeat begins another word of the same name ("Trung tâm
/// Khí tượng Thủy văn Trung ương" is one body; a title and its body still
/// part: "Cục trưởng | Cục Thú y", "Ủy viên Thường trực | Ủy ban"); or the
/// run holds a form of address before a name of two or more syllables
/// ("Thanh Hải | Ông Ryu Hang Ha"; "Hai Bà Trưng" has one after it,
/// "phường Cầu Ông Lãnh" a place's), or a sentence's word in capitals. The
/// second name's start.
pub(super) fn caption_meets_sentence(
    syl: &Syllables,
    clause: &[Token],
    i: usize,
    j: usize,
) -> Option<usize> {
    let repeats = |k: usize| {
        let word_goes_on = k + 1 < j
            && clause[k + 1].id != clause[i + 1].id
            && !matches!(syl.word(&clause[i + 1]), "trưởng" | "phó" | "viên")
            && dictionary().contains_hashes(&[syl.hash(&clause[k]), syl.hash(&clause[k + 1])]);
        k >= i + 2
            && clause[k].id == clause[i].id
            && clause[k].cap
            && !(clause[k - 1].cap && is_surname(syl.word(&clause[k - 1])))
            && !word_goes_on
    };
    (i + 1..j).find(|&k| {
        let (w, p) = (syl.word(&clause[k]), &clause[k - 1]);
        let placed = !p.sentence_start && place_word(syl.word(p));
        repeats(k)
            || ADDRESS.iter().any(|&(a, after)| w == a && j - k > after) && !placed
            || clause[k].cap && SENTENCE_WORDS.contains(&w)
    })
}

/// Into `words`: the syllables of `clause` from `k`, the capital there and
/// the lowercase ones after it, at most `max` in all (a word capitalised on
/// its first syllable, as the dictionary is asked for it: a body's name
/// capitalises the first syllable of each word, "TMCP Xuất nhập khẩu").
pub(super) fn capital_and_lowercase(
    syl: &Syllables,
    clause: &[Token],
    k: usize,
    max: usize,
    words: &mut Vec<u64>,
) {
    words.clear();
    words.extend(
        clause[k..clause.len().min(k + max)]
            .iter()
            .enumerate()
            .take_while(|(n, v)| *n == 0 || !v.cap)
            .map(|(_, v)| syl.hash(v)),
    );
}

/// Does the name of these syllables (`ids`) end, somewhere in the text,
/// on a capital that begins a word with the lowercase syllables after it
/// in its clause (`clauses`: the tokens' ranges; not past a comma: "Tập Cận
/// Bình, lãnh đạo" is no "bình lãnh"): "Quyền Tổng | giám đốc", "Tết
/// Nguyên | đán"? Asked of few names: a scan of the tokens.
pub(super) fn ends_inside_a_word(
    syl: &Syllables,
    tokens: &[Token],
    mut clauses: impl Iterator<Item = std::ops::Range<usize>>,
    ids: &[u32],
) -> bool {
    let n = ids.len();
    let mut words = Vec::new();
    clauses.any(|range| {
        let clause = &tokens[range];
        (0..clause.len().saturating_sub(n)).any(|p| {
            clause[p + n - 1].cap
                && !clause[p + n].cap
                && clause[p..p + n].iter().zip(ids).all(|(t, &i)| t.id == i)
                && {
                    capital_and_lowercase(syl, clause, p + n - 1, MAX_WORD_SYLLABLES, &mut words);
                    dictionary().longest_prefix(&words).is_some_and(|l| l >= 2)
                }
        })
    })
}
