//! Names: runs of capitalised syllables that name people, places and
//! bodies, shaped by the word lists of [`super::name_words`]
//! (administrative tails, place markers, titles and forms of address).

use super::countries::{
    country_prefix, country_split, ends_a_body, england, is_province, place_then_sentence,
    province_prefix, province_split, role_before, spokesman_split,
};
use super::goes_on::{
    QUALIFIED_LEN, body_goes_on, capital_and_lowercase, caption_meets_sentence, qualifier_after,
};
use super::heads_off::{amp_joins, head_off};
use super::kinds::{
    body_stop, foreign_head, hyphen_name, lower_head, lower_tail, round_before,
    school_level_before, school_named, vietnamese,
};
use super::name_words::{
    ADDRESS, BODY_HEADS, DAY_PARTS, NAME_TAILS, OFFICE_PARTS, PLACE_MARKERS, TITLE_SET,
    body_before, bodys_head, city_after, city_tp, field_word, foreign_split, given_name_cut,
    has_vowel, held, lead_title, place_word, short_foreign, stage_name, state_title, title_prefix,
};
pub(super) use super::name_words::{FIELD_HEADS, QUALIFIERS};
use super::particles::arabic_article;
use super::stopwords::stop_pair_set;
#[cfg(test)]
pub(super) use super::tokens::vietnamese_syllable;
use super::tokens::{Syllables, Token};
use crate::text::pos::{Pos, pos_table};
use crate::text::segment::{MAX_WORD_SYLLABLES, dictionary, is_surname};

/// A capitalised run longer than this is a title-case headline, not a name.
const MAX_NAME_SYLLABLES: usize = 9;

/// How a run emitted by [`names`] is cut, if it is: no keyword is kept
/// under its syllables, as a name or as a phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Cut {
    /// A whole name.
    No,
    /// It lost the words before it: a body's head outside it ("đài | PT-TH Đắk Nông"), a verb or a
    /// part of the day it was parted from ("Cách chức | Cục trưởng…", "Chiều | Toán"). A phrase
    /// that holds it with what it lost may be whole.
    Headless,
    /// It stops short of its end: a body's name that goes on ([`body_goes_on`]), a head with no
    /// body after it ("Cựu giám đốc Cục"), a family name and "Văn" alone ([`given_name_cut`]), a
    /// title and a given name alone. No phrase ending where it ends is whole.
    Short,
}

/// `emit(run, place, cut)` for every run, see [`Cut`].
pub(super) fn names(
    syl: &Syllables,
    clause: &[Token],
    mut emit: impl FnMut(std::ops::Range<usize>, bool, Cut),
) {
    let is_tail = |t: &Token| NAME_TAILS.contains(&syl.word(t));
    let dict = dictionary();
    let mut words: Vec<u64> = Vec::with_capacity(MAX_WORD_SYLLABLES);
    let mut i = 0;
    while i < clause.len() {
        let t = &clause[i];
        // A family name that is also a function word ("Từ", "Lại") starts a name in
        // mid-sentence before a Vietnamese given name: "võ sỹ Từ Hiểu Đông", not "Hiểu Đông".
        let surname = t.cap
            && t.stop
            && !t.sentence_start
            && is_surname(syl.word(t))
            && clause
                .get(i + 1)
                .is_some_and(|u| u.cap && !u.stop && !u.acronym && vietnamese(syl, u));
        // After a place's marker or noun, a form of address is the place's
        // ("tỉnh Bà Rịa-Vũng Tàu", "đường Bà Huyện Thanh Quan").
        let placed = t.cap
            && i > 0
            && place_word(syl.word(&clause[i - 1]))
            && ADDRESS.iter().any(|a| a.0 == syl.word(t));
        // An officer's title that begins on a stop word, and a field after it, begin a run as "Bộ
        // trưởng" does: "Thứ trưởng Ngoại giao Mỹ" is an office, not "Ngoại giao Mỹ". Not a title
        // before a body or a person ("Thứ trưởng | Bộ GD-ĐT Bùi Văn Ga"), nor a profession's ("các
        // Bác sĩ | Bệnh viện Việt Tiệp").
        let office = t.cap
            && t.stop
            && title_prefix(syl, &clause[i..]).is_some_and(|n| {
                let field = clause.get(i + n..i + n + 2);
                n >= 2
                    && syl.word(&clause[i + n - 1]) == "trưởng"
                    && field
                        .is_some_and(|f| dict.contains_hashes(&[syl.hash(&f[0]), syl.hash(&f[1])]))
            });
        // A stop word that begins a province: "(tại) Bà Rịa - Vũng Tàu".
        let province = || province_prefix(syl, &clause[i..]).is_some();
        let foreign = || foreign_head(syl, clause, i);
        if !t.cap
            || (t.stop && !t.acronym && !surname && !placed && !office && !province() && !foreign())
            || round_before(syl, clause, i)
        {
            i += 1;
            continue;
        }
        // Extend the run from i.
        let mut start = i;
        let mut j = i + 1;
        // A person's name (a family name then capitals) ends where its capitals do: "Trần Đại
        // Nghĩa | là", never "Nghĩa là".
        let person = |j: usize| {
            (i..j)
                .rev()
                .take_while(|&k| clause[k].cap)
                .any(|k| is_surname(syl.word(&clause[k])))
        };
        // A body's name: an acronym, a lowercase syllable or a body's word
        // in it ("TMCP Xuất", "Trung tâm Đáp", "Bộ Y"), not "Hoài An".
        let body = |j: usize| {
            clause[i..j].iter().any(|u| u.acronym || !u.cap)
                || BODY_HEADS.contains(&syl.word(&clause[i]))
        };
        while j < clause.len() {
            let u = &clause[j];
            // "Vs" parts two names: "Ibrahimovic | Vs | Everton".
            if syl.word(u) == "vs" {
                break;
            }
            if u.cap {
                // An acronym starts a run of its own, unless the head of a body named by its field
                // stands alone before it: "Sở GTVT Hà Nội", "Sở TN-MT Phú Yên" (not "GTVT Hà Nội",
                // a body without its head; but "Ban Cán sự Đảng | UBND tỉnh"). Nor does a city's
                // "TP" after a body's name: "Sở Y tế TP.HCM", "Đài Tiếng nói Nhân dân TPHCM" (as
                // "Sở Y tế Hà Nội"), nor a school's level: "Trường THPT Phan Đình Phùng".
                let city = city_tp(syl, &clause[i..j], u, &clause[j + 1..]) && !person(j);
                let field_head = j == i + 1 && FIELD_HEADS.contains(&syl.word(&clause[i]))
                    || school_level_before(syl, &clause[i..=j]);
                // Nor is an Arabic name an acronym's: "IS | al-Baghdadi".
                let arabic = clause[j - 1].acronym && arabic_article(syl.raw[u.rid as usize]);
                let amp = syl.raw[clause[j - 1].rid as usize] == "&";
                if u.acronym && !clause[j - 1].acronym && !(field_head || city || amp) || arabic {
                    break;
                }
                j += 1;
            } else if syl.raw[u.rid as usize] == "&"
                && clause[j - 1].cap
                && amp_joins(syl, &clause[i..j], &clause[j + 1..])
                && !person(j)
                && clause
                    .get(j + 1)
                    .is_some_and(|v| v.cap && !v.stop && !is_surname(syl.word(v)))
            {
                j += 1; // "Sở GD & ĐT", "Dolce & Gabbana"
            } else if is_tail(u) && (body(j) || clause.get(j + 1).is_none_or(|v| !v.cap)) {
                // A tail before a place's name is its marker, not the tail of the place before
                // it: "KCN Giao Long | huyện Châu Thành" (but "UBND huyện Châu Thành").
                j += 1;
                break; // a tail ends the run
            } else if syl.word(u) == "và"
                && j - i >= 2
                && !person(j)
                && clause[i..j].iter().any(|v| {
                    v.cap
                        && (matches!(syl.word(v), "đại" | "học")
                            || BODY_HEADS.contains(&syl.word(v)))
                })
                && clause
                    .get(j + 1)
                    .is_some_and(|v| v.cap && !v.acronym && !v.stop)
                && clause.get(j + 2).is_some_and(|v| !v.cap && !v.stop)
                && !super::fields::heads_a_body(syl, &clause[j + 1..])
                // A family name's syllable begins the field only after a public
                // body's head ("Sở Giáo dục và Đào tạo"; not "Nhà vua và Hoàng hậu").
                && (!is_surname(syl.word(&clause[j + 1]))
                    || FIELD_HEADS.contains(&syl.word(&clause[i])))
                && dict.contains_hashes(&[syl.hash(&clause[j + 1]), syl.hash(&clause[j + 2])])
                && title_prefix(syl, &clause[j + 1..]).is_none()
            {
                // A body's name joins its fields with "và", a field a word capitalised on its first
                // syllable: "Ủy ban Chứng khoán và Hối đoái Mỹ", "Bộ Kế hoạch và Đầu tư", "Sở Giáo
                // dục và Đào tạo"; cut there, each half is a fragment. Not two bodies ("Bộ Y tế và
                // Bộ Tài chính"), nor a person ("Tổng thống Trump và Thủ tướng May").
                j += 1;
            } else if !u.stop
                // In a body's name a family name's syllable begins a word
                // ("Tập đoàn Công nghiệp Cao su Việt Nam").
                && (!person(j) || clause[i..j].iter().any(|v| !v.cap))
                && j + 1 < clause.len()
                && clause[j + 1].cap
                // (or a city's "TP" a body's name ends on: "Công an | TP Hà
                // Nội"; not "Thể thao | TP.HCM", a body's tail after a dash)
                && (!clause[j + 1].acronym
                    || matches!(syl.word(&clause[j + 1]), "tp" | "tphcm" | "tp hcm")
                        && body_before(syl, &clause[i..j]))
                && clause[j - 1].cap
                && (dict.contains_hashes(&[syl.hash(&clause[j - 1]), syl.hash(u)])
                    || field_word(syl, &clause[i..=j], &clause[j + 1]))
            {
                // bridge: "Dân vận Tỉnh", a word capitalised on its first syllable; not a verb
                // between two names ("Lệ Hằng | sang Kenya").
                j += 1;
            } else if let Some(len) = (j - i >= 2
                && clause[j - 1].cap
                && body(j)
                // A family name's syllable alone after a lowercase one
                // begins a field, no person: "Bộ Giáo dục và Đào | tạo".
                && (!person(j) || !clause[j - 2].cap))
                .then(|| {
                    // A body's name capitalises the first syllable of each word: the word the last
                    // capital begins belongs to it ("TMCP Xuất nhập khẩu", "Bộ Y tế").
                    capital_and_lowercase(syl, clause, j - 1, MAX_WORD_SYLLABLES, &mut words);
                    dict.longest_prefix(&words)
                })
                .flatten()
            {
                j += len - 1;
            } else {
                break;
            }
        }
        let mut next = j;
        // Two names where a caption meets the next sentence: the second starts a run of its own.
        if let Some(k) = caption_meets_sentence(syl, clause, i, j) {
            j = k;
            next = k;
        }
        // A capitalised function word ends no name: "Tuổi Tỵ | Họ" (but "Ngoại hạng Anh" is
        // England's, "Thủ Dầu Một" a city); a lowercase one a body's word ends ("Bộ Tài chính", "Bộ
        // luật Tố tụng Hình sự"). Nor does a place marker ("Sở GD&ĐT TP | .HCM").
        let mut cut_stop = false;
        while j > i + 1
            && (clause[j - 1].stop
                && clause[j - 1].cap
                && !clause[j - 1].acronym
                && !matches!(syl.word(&clause[j - 1]), "anh" | "một")
                || syl.word(&clause[j - 1]) == "tp")
        {
            cut_stop |= clause[j - 1].stop && !clause[j - 1].sentence_start;
            j -= 1;
        }
        // But a capitalised function word with no punctuation before it may as well be the name's
        // last syllable ("Nhiệt điện Phả Lại"): what is left may be cut, so the run is no keyword.
        if cut_stop && clause[j - 1].cap && !clause[j - 1].acronym {
            i = next.max(i + 1);
            continue;
        }
        // A run with a bridged lowercase syllable names a body, whose words are capitalised on their
        // first syllable only: a last capital followed by a lowercase syllable begins a word the
        // run cut ("Bí thư Ban | cán sự"), so it is left out.
        let bridged = clause[start..j].iter().any(|u| !u.cap);
        // (A province's last syllable begins no word: "Sở Y tế Hà Nội | công bố", not "Nội công".)
        let cuts_word = bridged
            && j - start > 2
            && clause[j - 1].cap
            && !clause[j - 1].acronym
            && clause.get(j).is_some_and(|u| !u.cap && !u.stop)
            && !(2..=3).any(|n| j >= start + n && is_province(syl, &clause[j - n..j]));
        if cuts_word && {
            capital_and_lowercase(syl, clause, j - 1, MAX_WORD_SYLLABLES + 1, &mut words);
            // A body's word ending the run, the words after it qualifying
            // it: the name goes on in lower case ("Ban Quản lý Khu | kinh
            // tế", "Bí thư Ban | cán sự"), where it ends is unknown.
            BODY_HEADS.contains(&syl.word(&clause[j - 1]))
                && dict.longest_prefix(&words[1..]).is_some()
                // Or a word of the body's, capitalised on its first syllable
                // alone, goes on in a syllable that begins no word: "Lễ hội
                // Chọi | trâu" (not "Bộ Quốc phòng Nga | tuyên bố").
                || !clause[j - 2].cap
                    && vietnamese(syl, &clause[j - 1])
                    && !dict.contains_hashes(&words[..2])
                    && dict.longest_prefix(&words[1..]).is_none()
        } {
            i = next.max(i + 1);
            continue;
        }
        if cuts_word && {
            // The capital begins a word with the lowercase syllables after it ("Ban cán sự"); not
            // "Hậu vệ Thanh Thịnh | ốm nên", nor "Liên đoàn Bóng đá Việt Nam | tổ chức".
            dict.longest_prefix(&words).is_some()
        } {
            j -= 1;
            // Nor does it end on the lowercase syllable it bridged: "Hải Phòng do | Quang Toàn";
            // but a word's does ("Tập đoàn Công nghiệp | Cao su").
            while j > start + 1
                && !clause[j - 1].cap
                && !is_tail(&clause[j - 1])
                && !dict.contains_hashes(&[syl.hash(&clause[j - 2]), syl.hash(&clause[j - 1])])
            {
                j -= 1;
            }
        }
        // A name whose last syllable has no vowel was cut in the text
        // ("Nguyễn Hữu Ph", "CSGT TP.Thanh" of a snippet's end): no name.
        if j - start >= 2 && !clause[j - 1].acronym && !has_vowel(syl.word(&clause[j - 1])) {
            emit(start..j, false, Cut::Short);
            i = next.max(i + 1);
            continue;
        }
        // A place and the next sentence's first word, where a caption ran on: "Đồng Nai | Lễ".
        if place_then_sentence(syl, &clause[start..j], is_surname(syl.word(&clause[start]))) {
            j -= 1;
        }
        // A stop phrase ends no name: "Hóa học | Chia sẻ thêm".
        if j - start >= 3
            && clause[j - 2].cap
            && stop_pair_set().contains(&(syl.word(&clause[j - 2]), syl.word(&clause[j - 1])))
        {
            j -= 2;
        }
        // A name does not run on into the first word of the next sentence or caption when nothing
        // parts them: a last capital that begins a dictionary word with the lowercase syllables
        // after it is left out ("Ronaldo | Thông số", "Andy Carroll | Bàn thắng"), unless it makes
        // a word with the capital before it ("Hải Phòng chống") or what is left is no name ("Hoài
        // An bình tĩnh").
        if j - start >= 2
            && !body(j)
            && !clause[j - 1].acronym
            && clause.get(j).is_some_and(|u| !u.cap)
        {
            capital_and_lowercase(syl, clause, j - 1, MAX_WORD_SYLLABLES, &mut words);
            let left = j - 1 - start;
            if dict.longest_prefix(&words).is_some()
                && !dict.contains_hashes(&[syl.hash(&clause[j - 2]), syl.hash(&clause[j - 1])])
            {
                if left >= 2 || clause[start].foreign && !clause[start].sentence_start {
                    j -= 1;
                } else if left == 1 && TITLE_SET.contains(syl.word(&clause[start])) {
                    // A title cut: "Phó Thủ | tướng".
                    i = next.max(i + 1);
                    continue;
                }
            }
        }
        // Nor does a firm's acronym and a place: the bridge took the next sentence's first word
        // whole ("AEON MALL Bình Tân | Sự việc xảy ra"; "TMCP Xuất nhập khẩu" is one body).
        if let Some(w) = (start..j).rev().find(|&k| clause[k].cap)
            && w >= start + 3
            && w + 1 < j
            && clause[start].acronym
            && clause[start..w].iter().all(|u| u.cap)
            && clause[w - 2..w]
                .iter()
                .all(|u| !u.acronym && vietnamese(syl, u))
            && !dict.contains_hashes(&[syl.hash(&clause[w - 1]), syl.hash(&clause[w])])
        {
            j = w;
        }
        // Nor does a foreign name run on into a Vietnamese word of one syllable, the first of a
        // caption or sentence that nothing parts from it: "Protein | Nhóm thực phẩm", "Lady Gaga |
        // Màn biểu diễn", "USS Fitzgerald | Mỹ" (the Vietnamese word written with a mark English
        // does not use: "Theresa May" is one name; "Samsung Việt Nam" one body).
        if j - start >= 2
            && clause.get(j).is_none_or(|u| !u.cap)
            && !clause[j - 1].acronym
            && !syl.raw[clause[j - 1].rid as usize].is_ascii()
            && vietnamese(syl, &clause[j - 1])
            && !clause[j - 2].acronym
            && syl.raw[clause[j - 2].rid as usize].is_ascii()
            && !vietnamese(syl, &clause[j - 2])
        {
            j -= 1;
        }
        // A name ends on no "và" ("Bộ Nông nghiệp và | Phát triển nông thôn", where
        // the field after it was cut).
        while j > start + 1 && !clause[j - 1].cap && syl.word(&clause[j - 1]) == "và" {
            j -= 1;
        }
        // An acronym and one capitalised syllable that is a common verb,
        // adjective or function word: the next sentence's first word ("MU |
        // Hai ngày sau", "ĐB | Nhường"); not a place ("TP Vinh").
        if j - start == 2
            && clause[start].acronym
            && !clause[j - 1].acronym
            && vietnamese(syl, &clause[j - 1])
            && matches!(
                pos_table().get_hashes(&[syl.hash(&clause[j - 1])]),
                Some(Pos::Verb | Pos::Adjective | Pos::Function)
            )
        {
            emit(start..j, false, Cut::Headless);
            j -= 1;
        }
        // Nor a verb of two syllables the bridge took whole: "AFP/TTXVN | Phát biểu tại…".
        if j - start == 3
            && clause[start].acronym
            && clause[start + 1].cap
            && !clause[start + 2].cap
            && pos_table().get_hashes(&[syl.hash(&clause[start + 1]), syl.hash(&clause[start + 2])])
                == Some(Pos::Verb)
        {
            emit(start..j, false, Cut::Headless);
            j -= 2;
        }
        // A stop phrase begins no name: "Tình hình | Đông Ukraine"; but a
        // body's head does ([`body_stop`]: "Tổ chức Y tế Thế giới").
        if j - start >= 3
            && stop_pair_set().contains(&(syl.word(&clause[start]), syl.word(&clause[start + 1])))
            && !body_stop(syl, &clause[start..j])
        {
            start += 2;
        }
        // A common noun for people or a group, the state's "Nước" of "chủ tịch", "MC": no word of
        // the name after them ("Bản thân | Công Phượng"; emitted as cut, so that no phrase of the
        // same syllables is a keyword).
        if let Some(n) = head_off(syl, clause, start, j) {
            emit(start..j, false, Cut::Headless);
            start += n;
        }
        // A title at the run's start or before it ("Ngoại trưởng Iran…").
        let mut titled = false;
        let title_from = start;
        // The run is a title's holder alone ("Tổng thống | Putin").
        let mut holder = false;
        // A word that goes before a title, or is one only there ("TT |
        // Trump", "Tân | Ngoại trưởng …").
        if let Some(h) = lead_title(syl, &clause[start..j]) {
            start += 1;
            titled = true;
            holder = h;
        }
        // Titles and forms of address before a name: "Chủ tịch", "Ông". A title of two syllables
        // or more before a word that is no name names an office, and stays: "Bộ trưởng Ngoại giao
        // Trung Quốc | Vương Nghị", not "Ngoại giao Trung Quốc".
        while let Some(n) = title_prefix(syl, &clause[start..j]) {
            if placed && start == i || province_prefix(syl, &clause[start..j]).is_some() {
                break;
            }
            let next = &clause[start + n];
            // One syllable after the title is its holder's family name when no Vietnamese
            // spelling makes it and no country is it: "HLV | Wenger", "Tổng thống | Putin" (not
            // "Tổng thống Philippines", an office; "Thượng tá Tuấn" is cut below; "PV" is also
            // PetroVietnam's: "PV Gas").
            holder = j - start - n == 1
                && syl.word(&clause[start]) != "pv"
                && next.cap
                && !next.acronym
                && !vietnamese(syl, next)
                && country_prefix(syl, &clause[start + n..j]).is_none();
            // A form of address and the lowercase syllable after it make a word: "Cụ thể", "Thầy
            // trò", "Cô gái" (but "Trưởng | ban Tuyên giáo" is a body's head).
            if j - start - n < 2 && !holder
                || n == 1 && !next.cap && !OFFICE_PARTS.contains(&syl.word(&clause[start]))
                || n >= 2
                    && !next.acronym
                    && !is_surname(syl.word(next))
                    && !BODY_HEADS.contains(&syl.word(next))
                    && vietnamese(syl, next)
                    && !stage_name(syl, &clause[start..start + n], &clause[start + n..j])
                    && !held(syl, &clause[start + n..j])
            {
                break;
            }
            start += n;
            titled = true;
        }
        // The title and its holder make no phrase either: "Tổng thống Putin" is "Tổng thống |
        // Putin" (emitted as cut). A title and a place is an office: "Bí thư Hà Nội".
        let place = |n: Option<usize>| n == Some(j - start);
        if start > title_from
            && !place(province_prefix(syl, &clause[start..j]))
            && !place(country_prefix(syl, &clause[start..j]))
        {
            emit(title_from..j, false, Cut::Headless);
        }
        // A title of two syllables or more and a Vietnamese given name alone: the person's name is
        // cut to one syllable ("Thượng tá | Tuấn"; a foreign family name, "Tổng thống Trump", is
        // its holder's, above). A state's office and its country is no person: "Ngoại trưởng Nga".
        if let Some(n) = title_prefix(syl, &clause[start..j]).filter(|&n| n >= 2) {
            let last = &clause[j - 1];
            let state = || {
                state_title(syl, &clause[start..start + n])
                    && (country_prefix(syl, &clause[j - 1..j]).is_some() || england(syl, last))
            };
            if j - start == n + 1
                && !last.acronym
                && !last.foreign
                && !is_surname(syl.word(last))
                && vietnamese(syl, last)
                && !state()
            {
                emit(start..j, false, Cut::Short);
                i = next.max(i + 1);
                continue;
            }
        }
        // Titles alone name nobody: "PGS.TS", "Cựu Phó".
        if j - start <= 3
            && clause[start..j]
                .iter()
                .all(|u| syl.word(u).split(' ').all(|w| TITLE_SET.contains(w)))
        {
            i = next.max(i + 1);
            continue;
        }
        // An abbreviated title and a Vietnamese given name alone ("TS Cảm",
        // "BS Dũng"): the person's name is cut to one syllable ("HLV Park",
        // a foreign family name, is its holder "Park", above).
        if j - start == 2
            && clause[start].acronym
            && TITLE_SET.contains(syl.word(&clause[start]))
            && vietnamese(syl, &clause[start + 1])
        {
            i = next.max(i + 1);
            continue;
        }
        // A headline or sentence that begins on a verb, an adjective or an adverb of two syllables
        // capitalises it, and the bridge joins it to the name after it: "Cách chức | Cục trưởng Cục
        // Thống kê Gia Lai", "Nhấn chìm | Liechtenstein". So does a title-cased stretch of two
        // words after a lowercase word, on a verb: "về việc | Phê duyệt | Phần mềm" (a body's words
        // are longer: "cơ quan Điều tra Liên bang").
        let head_pos =
            || pos_table().get_hashes(&[syl.hash(&clause[start]), syl.hash(&clause[start + 1])]);
        if j - start >= 3
            && !clause[start + 1].cap
            && clause[start + 2].cap
            && (clause[start].sentence_start
                && matches!(head_pos(), Some(Pos::Verb | Pos::Adjective | Pos::Function))
                && !body_stop(syl, &clause[start..j])
                || j - start == 4
                    && !clause[j - 1].cap
                    && start > 0
                    && !clause[start - 1].cap
                    && head_pos() == Some(Pos::Verb))
        {
            emit(start..j, false, Cut::Headless);
            start += 2;
        }
        // Nor one the news writes in lower case before a name ("Cổ phiếu |
        // Alibaba", "Kinh tế | Nga"): read as inside a sentence.
        if lower_head(syl, &clause[start..j]) {
            emit(start..j, false, Cut::Headless);
            start += 2;
        }
        // A field's acronym after a body's head outside the run ("đài | PT-TH Đắk Nông", "Cảnh
        // sát | PCCC TP.HCM"): the body lost its head.
        if j - start >= 2
            && clause[start].acronym
            && start > 0
            && FIELD_HEADS.contains(&syl.word(&clause[start - 1]))
        {
            emit(start..j, false, Cut::Headless);
            i = next.max(i + 1);
            continue;
        }
        // A body's head alone at the end after a title or a lowercase
        // syllable: "Cựu giám đốc Cục", "Bí thư Ban", or before the field's
        // acronym that starts a run of its own: "Chánh Thanh tra Bộ | GD-ĐT";
        // or a school's kind: "Trường THPT | chuyên Phan Bội Châu" (the
        // body's name is not there).
        if j - start >= 2
            && clause[j - 1].cap
            && !clause[j - 1].acronym
            && FIELD_HEADS.contains(&syl.word(&clause[j - 1]))
            && (!clause[j - 2].cap || title_prefix(syl, &clause[start..j]).is_some())
            && clause.get(j).is_none_or(|u| !u.cap || u.acronym)
            || school_level_before(syl, &clause[start..j])
        {
            emit(start..j, false, Cut::Short);
            i = next.max(i + 1);
            continue;
        }
        // A part of the day, or a sentence's first word that is a function word, is no syllable of
        // the name after it: "Chiều | Toán 90 phút" (an exam's timetable), "Toàn | Việt Nam nằm
        // trong…"; nor a headline's first verb before a person's full name or a foreign one: "Vẽ |
        // Trần Quốc Toản", "Gặp | Ronaldo" (a verb that begins a place, "Lai Châu", has no such
        // name after it).
        if j - start >= 2
            && !clause[start].acronym
            && !is_surname(syl.word(&clause[start]))
            && (DAY_PARTS.contains(&syl.word(&clause[start]))
                // "Mặc" (despite) before a country or a body heads a clause: "Mặc | Mỹ dọa…",
                // "Mặc | Tòa tối cao, …" (not the name "Mặc Tử").
                || clause[start].sentence_start
                    && syl.word(&clause[start]) == "mặc"
                    && (country_prefix(syl, &clause[start + 1..j]).is_some()
                        || BODY_HEADS.contains(&syl.word(&clause[start + 1])))
                || clause[start].sentence_start
                    && match pos_table().get_hashes(&[syl.hash(&clause[start])]) {
                        // (Not a deputy's "Phó": `title_prefix` keeps it.)
                        Some(Pos::Function) => {
                            syl.word(&clause[start]) != "phó"
                                || title_prefix(syl, &clause[start..j]).is_none_or(|n| n < 3)
                        }
                        Some(Pos::Verb) => {
                            let next = &clause[start + 1];
                            next.cap
                                && !next.acronym
                                && (next.foreign
                                    || j - start >= 4
                                        && is_surname(syl.word(next))
                                        && clause[start + 2..j].iter().all(|u| u.cap))
                        }
                        _ => false,
                    })
        {
            // Emitted as cut, so that no phrase of the same syllables is a keyword either.
            emit(start..j, false, Cut::Headless);
            start += 1;
        }
        // A body's qualifier with no head before it names no body: "(sân
        // bay) Quốc tế | Đà Nẵng" is left "Đà Nẵng".
        if j - start >= 4
            && QUALIFIERS
                .iter()
                .any(|&(a, b)| syl.word(&clause[start]) == a && syl.word(&clause[start + 1]) == b)
        {
            start += 2;
        }
        // "Thị" follows a family name ("Nguyễn Thị Bích Loan") and comes before a given name: a run
        // that starts with it and a given name lost its family name (glued to the word before:
        // "trưởngNguyễn Thị Bích Loan"), one that ends with it its given name ("Vi Thị | H."). Nor
        // is a family name with "Văn" alone a name: the given name was cut ("La Văn | Ngọc" across
        // a line of a caption).
        if j - start >= 3 && syl.word(&clause[start]) == "thị" && clause[start + 1].cap
            || j - start >= 2 && syl.word(&clause[j - 1]) == "thị"
            || given_name_cut(syl, &clause[start..j])
        {
            if given_name_cut(syl, &clause[start..j]) {
                emit(start..j, false, Cut::Short);
            }
            i = next.max(i + 1);
            continue;
        }
        // A body then a person: "Bộ Y tế | Nguyễn Thanh Long", "Chính phủ | Trịnh Đình Dũng" (not
        // "Thành phố Hồ Chí Minh"); a place, a body or an acronym then a foreign name: "Đức |
        // Angela Merkel", "FBI | James Comey", "Hàn Quốc | Park Geun-hye" (a run of syllables
        // Vietnamese spelling does not make, after a run of ones it does). (A foreign word of one
        // syllable may stand alone before the person: "Facebook | Bùi Huyền Trang", and so may a
        // country of one before a full name: "tại Mỹ | Phạm Quang Vinh".)
        let country = || {
            j - start >= 4
                && country_prefix(syl, &clause[start..start + 1]) == Some(1)
                && is_surname(syl.word(&clause[start + 1]))
        };
        let first = if clause[start].acronym || !vietnamese(syl, &clause[start]) || country() {
            1
        } else {
            2
        };
        let titled = || {
            titled
                || role_before(syl, &clause[..start])
                || (1..=start.min(3)).any(|n| title_prefix(syl, &clause[start - n..]) == Some(n))
        };
        // A title naming an office stays with its country: "Ngoại trưởng Iran | Mohammad Javad
        // Zarif", and so does its field: "Bộ trưởng Quốc phòng Hàn Quốc | Han Min-koo".
        let office = title_prefix(syl, &clause[start..j]).unwrap_or(0);
        let f = start + office;
        let field = office > 0
            && j > f + 2
            && dict.contains_hashes(&[syl.hash(&clause[f]), syl.hash(&clause[f + 1])]);
        let state = || {
            if office > 0 {
                state_title(syl, &clause[start..f])
            } else {
                (1..=start.min(3)).any(|n| state_title(syl, &clause[start - n..start]))
            }
        };
        let split = country_split(syl, &clause[f..j], || office > 0 || titled(), state)
            .or_else(|| province_split(syl, &clause[f..j], |u| is_surname(syl.word(u))))
            .or_else(|| {
                field
                    .then(|| country_split(syl, &clause[f + 2..j], || true, state).map(|n| n + 2))
                    .flatten()
            })
            .map(|n| f + n);
        let split = split.or_else(|| {
            // A school's kind and name part from the words before it: "Hiệu
            // trưởng | Trường THPT Chu Văn An".
            (start + 1..j)
                .find(|&k| school_named(syl, &clause[k..j]))
                .or_else(|| {
                    (start + first..j.saturating_sub(1)).find(|&k| {
                        // (Not a family name's syllable inside a country's name, "U20 Bồ Đào Nha",
                        // nor one that makes a word with the first capital after a lowercase
                        // syllable: "Hoa hậu Hoàn Vũ Việt Nam" (but "Bộ Ngoại giao | Lưu Chấn
                        // Dân"). A lowercase one is no name's: "Đại dương | Đặng Thu Thảo".)
                        let pair = [syl.hash(&clause[k - 1]), syl.hash(&clause[k])];
                        // ("Thị" makes the syllable before it a family name:
                        // "Phó Chủ tịch Quốc hội | Tòng Thị Phóng".)
                        let thi = clause
                            .get(k + 1)
                            .is_some_and(|u| u.cap && syl.word(u) == "thị");
                        // (A place of two syllables after its marker may end on one:
                        // "huyện Đăk Hà | Đoàn Ngọc Thắng".)
                        let placed = k >= 3
                            && !clause[k - 3].cap
                            && PLACE_MARKERS.contains(&syl.word(&clause[k - 3]));
                        (is_surname(syl.word(&clause[k])) || thi)
                        && !(is_surname(syl.word(&clause[k - 1]))
                            && !placed
                            && (clause[k - 1].cap || is_province(syl, &clause[k..j])))
                        && !(dict.contains_hashes(&pair) && (k < 2 || !clause[k - 2].cap))
                        && !(start.max(k.saturating_sub(2))..k)
                            .any(|b| country_prefix(syl, &clause[b..j]).is_some_and(|n| b + n > k))
                        && j - k <= 4
                        && clause[k..j]
                            .iter()
                            .all(|u| u.cap && !u.acronym && vietnamese(syl, u))
                        && syl.word(&clause[k - 1]) != "phố"
                        // (nor the given name after "Thị": "Nguyễn Thị Mai
                        // Anh", "Lê Thị Hoàng Yến" are one woman's names.)
                        && !(clause[k - 1].cap && syl.word(&clause[k - 1]) == "thị" && j - k <= 2)
                        // (nor a city after "TP"; but "UBND TP | Nguyễn Đức Chung")
                        && !(syl.word(&clause[k - 1]) == "tp" && city_after(syl, &clause[k..j]))
                        // A province, a continent or a country ends a body's name, not a person's:
                        // "Nhà hát Chèo Hà Nội", "Bộ Ngoại giao Hà Lan", "CLB Hà Nội" (but "Khu vực
                        // | Hà Nội", "Thủ đô | Hà Nội": no body's head before it).
                        && !((ends_a_body(syl, &clause[k..j])
                            || country_prefix(syl, &clause[k..j]) == Some(j - k))
                            && bodys_head(syl, &clause[start..k]))
                        // A school or a firm named by a place of two syllables after its kind:
                        // "Trường Tiểu học Thạch Văn", not "Trường Tiểu học | Thạch Văn" (a
                        // ministry is named by its field alone: "Bộ Công an | Tô Lâm").
                        && !(j - k == 2
                            && k - start == 3
                            && BODY_HEADS.contains(&syl.word(&clause[start]))
                            && !matches!(syl.word(&clause[start]), "bộ" | "cục" | "sở" | "vụ")
                            && !clause[k - 1].cap)
                    })
                })
                .or_else(|| foreign_split(syl, &clause[start..j], office).map(|k| start + k))
                .or_else(|| spokesman_split(syl, &clause[start..j]).map(|k| start + k))
                .filter(|&k| !school_level_before(syl, &clause[start..k]))
        });
        let accept = |s: usize, e: usize| {
            let t = &clause[s];
            let run = &clause[s..e];
            let capitals = run.iter().filter(|u| u.cap).count();
            if run.len() == 1 {
                t.acronym && syl.word(t).chars().count() >= 2
                    || (t.foreign || short_foreign(syl, clause, s) || hyphen_name(syl, t))
                        && !t.sentence_start
                    || holder && s == start
            } else {
                let tail = is_tail(&clause[e - 1]);
                let acronym = run.iter().any(|u| u.acronym);
                (capitals >= 2 || tail || acronym)
                    && !(t.sentence_start && capitals < 2 && !t.acronym)
                    && run.len() <= MAX_NAME_SYLLABLES
            }
        };
        // A photo credit names the photographer, not the story: "(Ảnh:
        // Thanh Hùng)", "Quang Chiến/Vnexpress".
        if clause[i..next].iter().any(|u| u.credit) {
            i = next.max(i + 1);
            continue;
        }
        let place = start > 0 && PLACE_MARKERS.contains(&syl.word(&clause[start - 1]));
        match split {
            Some(mut k) => {
                if accept(start, k) {
                    emit(start..k, place, Cut::No);
                }
                // The foreign name parted may start with a country: "Ngoại
                // trưởng | Iran | Mohammad Javad Zarif".
                if let Some(n) = country_split(syl, &clause[k..j], || !clause[k - 1].cap, || false)
                {
                    if accept(k, k + n) {
                        emit(k..k + n, false, Cut::No);
                    }
                    k += n;
                }
                let cut = if given_name_cut(syl, &clause[k..j]) {
                    Cut::Short
                } else {
                    Cut::No
                };
                emit(k..j, false, cut);
            }
            None => {
                if accept(start, j) {
                    let body = body(j) && !person(j);
                    // A qualifier in lower case that ends the name is the name's: "Quỹ Tiền tệ
                    // quốc tế", "Viện KSND tối cao" (before a capital, or a place's word and a
                    // capital, the name goes on further: "Cảng hàng không quốc tế | Long Thành",
                    // "BQL KDL quốc gia | núi Bà Đen").
                    // So is a region's "bộ", the national exam's "quốc gia" ([`lower_tail`]).
                    let tail = if body && qualifier_after(syl, &clause[start..j], &clause[j..]) {
                        Some(QUALIFIED_LEN)
                    } else {
                        lower_tail(syl, &clause[start..j], &clause[j..])
                    };
                    if let Some(q) = tail.map(|n| j + n).filter(|&q| {
                        clause.get(q).is_none_or(|u| {
                            !(u.cap
                                || place_word(syl.word(u))
                                    && clause.get(q + 1).is_some_and(|v| v.cap))
                        })
                    }) {
                        // (The name without it is emitted cut, so that no phrase ending where it
                        // ends is a keyword either: "Viện KSND | tối cao".)
                        emit(start..j, place, Cut::Short);
                        emit(start..q, place, Cut::No);
                    } else {
                        let goes_on = body && body_goes_on(syl, &clause[start..j], &clause[j..]);
                        emit(start..j, place, if goes_on { Cut::Short } else { Cut::No });
                    }
                }
            }
        }
        i = next.max(i + 1);
    }
}
