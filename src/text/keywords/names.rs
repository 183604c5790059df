//! Names: runs of capitalised syllables that name people, places and
//! bodies, with the word lists that shape them (administrative tails, place
//! markers, titles and forms of address).

use super::tokens::{Syllables, Token};
use crate::text::segment::{MAX_WORD_SYLLABLES, dictionary, is_surname};

/// A capitalised run longer than this is a title-case headline, not a name.
const MAX_NAME_SYLLABLES: usize = 9;

/// Lowercase syllables that may end a name: "UBND tỉnh", "Tỉnh ủy".
const NAME_TAILS: &[&str] = &[
    "huyện",
    "phường",
    "quận",
    "thành phố",
    "tỉnh",
    "uỷ",
    "ủy",
    "xã",
];

/// The first syllable of a body's name ("Bộ Y tế", "Sở Giáo dục").
const BODY_HEADS: &[&str] = &[
    "ban",
    "báo",
    "bộ",
    "cảng",
    "câu",
    "chi",
    "cơ",
    "cổng",
    "cục",
    "công",
    "cty",
    "đài",
    "đảng",
    "đội",
    "giải",
    "hiệp",
    "hội",
    "học",
    "khu",
    "liên",
    "ngân",
    "nhà",
    "phòng",
    "quỹ",
    "sân",
    "sở",
    "tạp",
    "tập",
    "tòa",
    "toà",
    "tổng",
    "trại",
    "trung",
    "trường",
    "ủy",
    "uỷ",
    "văn",
    "viện",
    "vụ",
    "vườn",
];

/// Words after which a capitalised run names a place ("tỉnh Thái Bình").
const PLACE_MARKERS: &[&str] = &[
    "huyện",
    "làng",
    "phố",
    "phường",
    "quận",
    "thôn",
    "tp",
    "trấn",
    "tỉnh",
    "xã",
];

/// Mostly capitalised (a title-case or all-caps headline): no names in it.
pub(super) fn title_cased<'t>(tokens: impl Iterator<Item = &'t Token>) -> bool {
    let (mut caps, mut all) = (0usize, 0usize);
    for t in tokens {
        all += 1;
        caps += usize::from(t.cap);
    }
    all >= 4 && caps * 10 > all * 7
}

/// Name runs of one clause, as token ranges of it, with their place flag.
pub(super) fn names(
    syl: &Syllables,
    clause: &[Token],
    mut emit: impl FnMut(std::ops::Range<usize>, bool),
) {
    let is_tail = |t: &Token| NAME_TAILS.contains(&syl.word(t));
    let dict = dictionary();
    let mut words: Vec<u64> = Vec::with_capacity(MAX_WORD_SYLLABLES);
    let mut i = 0;
    while i < clause.len() {
        let t = &clause[i];
        if !t.cap || (t.stop && !t.acronym) {
            i += 1;
            continue;
        }
        // Extend the run from i.
        let mut start = i;
        let mut j = i + 1;
        // A person's name (a family name then capitals) ends where its
        // capitals do: "Trần Đại Nghĩa | là", never "Nghĩa là".
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
            if u.cap {
                if u.acronym && !clause[j - 1].acronym {
                    break; // an acronym starts a run of its own
                }
                j += 1;
            } else if is_tail(u) {
                j += 1;
                break; // a tail ends the run
            } else if !u.stop
                && j + 1 < clause.len()
                && clause[j + 1].cap
                && !clause[j + 1].acronym
                && clause[j - 1].cap
            {
                j += 1; // bridge: "Dân vận Tỉnh"
            } else if let Some(len) = (j - i >= 2 && clause[j - 1].cap && body(j) && !person(j))
                .then(|| {
                    // A body's name capitalises the first syllable of each
                    // word: the word the last capital begins belongs to it
                    // ("TMCP Xuất nhập khẩu", "Bộ Y tế").
                    words.clear();
                    words.extend(
                        clause[j - 1..clause.len().min(j - 1 + MAX_WORD_SYLLABLES)]
                            .iter()
                            .enumerate()
                            .take_while(|(k, v)| *k == 0 || !v.cap)
                            .map(|(_, v)| syl.hash(v)),
                    );
                    dict.longest_prefix(&words)
                })
                .flatten()
            {
                j += len - 1;
            } else {
                break;
            }
        }
        let next = j;
        // A capitalised function word ends no name: "Tuổi Tỵ | Họ".
        while j > i + 1 && clause[j - 1].stop && !clause[j - 1].acronym {
            j -= 1;
        }
        // A run with a bridged lowercase syllable names a body, whose words
        // are capitalised on their first syllable only: a last capital
        // followed by a lowercase syllable begins a word the run cut ("Bí
        // thư Ban | cán sự"), so it is left out.
        let bridged = clause[start..j].iter().any(|u| !u.cap);
        if bridged
            && j - start > 2
            && clause[j - 1].cap
            && !clause[j - 1].acronym
            && clause.get(j).is_some_and(|u| !u.cap && !u.stop)
        {
            j -= 1;
        }
        // Titles and forms of address before a name: "Chủ tịch", "Ông".
        while let Some(n) = title_prefix(syl, &clause[start..j]) {
            if j - start - n < 2 {
                break;
            }
            start += n;
        }
        // A body then a person: "Bộ Y tế | Nguyễn Thanh Long", "Chính phủ |
        // Trịnh Đình Dũng" (not "Thành phố Hồ Chí Minh").
        let split = (start + 2..j.saturating_sub(1)).find(|&k| {
            is_surname(syl.word(&clause[k]))
                && j - k <= 4
                && clause[k..j].iter().all(|u| u.cap && !u.acronym)
                && !matches!(syl.word(&clause[k - 1]), "phố" | "tp")
        });
        let accept = |s: usize, e: usize| {
            let t = &clause[s];
            let run = &clause[s..e];
            let capitals = run.iter().filter(|u| u.cap).count();
            if run.len() == 1 {
                t.acronym && syl.word(t).chars().count() >= 2 || t.foreign && !t.sentence_start
            } else {
                let tail = is_tail(&clause[e - 1]);
                let acronym = run.iter().any(|u| u.acronym);
                (capitals >= 2 || tail || acronym)
                    && !(t.sentence_start && capitals < 2 && !t.acronym)
                    && run.len() <= MAX_NAME_SYLLABLES
            }
        };
        let place = start > 0 && PLACE_MARKERS.contains(&syl.word(&clause[start - 1]));
        match split {
            Some(k) => {
                if accept(start, k) {
                    emit(start..k, place);
                }
                emit(k..j, false);
            }
            None => {
                if accept(start, j) {
                    emit(start..j, place);
                }
            }
        }
        i = next.max(i + 1);
    }
}

/// Titles and forms of address that precede a person's name (folded).
const TITLES: &[&str] = &[
    "anh",
    "bà",
    "bác sĩ",
    "bí thư",
    "bộ trưởng",
    "ca sĩ",
    "chị",
    "chủ nhiệm",
    "chủ tịch",
    "cô",
    "đại tá",
    "đại tướng",
    "đồng chí",
    "giám đốc",
    "giáo sư",
    "gs",
    "hlv",
    "nghệ sĩ",
    "ông",
    "pgs",
    "phó",
    "phó chủ tịch",
    "thạc sĩ",
    "ths",
    "thiếu tá",
    "thiếu tướng",
    "thứ trưởng",
    "thủ tướng",
    "thượng tá",
    "thượng tướng",
    "tiến sĩ",
    "tổng bí thư",
    "tổng giám đốc",
    "tổng thống",
    "trung tá",
    "trung tướng",
    "trưởng",
    "ts",
    "ủy viên",
    "uỷ viên",
];

/// How many syllables of a title start the run, if one does (longest first).
fn title_prefix(syl: &Syllables, run: &[Token]) -> Option<usize> {
    let mut key = String::new();
    for n in (1..=3).rev() {
        if run.len() <= n {
            continue;
        }
        key.clear();
        for (k, t) in run[..n].iter().enumerate() {
            if k > 0 {
                key.push(' ');
            }
            key.push_str(syl.word(t));
        }
        if TITLES.contains(&key.as_str()) {
            return Some(n);
        }
    }
    None
}
