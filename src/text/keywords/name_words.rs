//! The word lists that shape names (issue 15): administrative tails, the
//! heads of bodies, place markers, titles and forms of address, words of
//! time, and the function words that start a sentence. [`super::names`]
//! reads them (whether a body's name goes on in lower case after its
//! capitals is [`super::goes_on::body_goes_on`]'s); and the title or noun
//! for people that starts a run ([`title_prefix`]; [`super::heads_off`]).

use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use super::countries::{country_prefix, country_split, is_province, province_prefix};
use super::kinds::vietnamese;
use super::tokens::{Syllables, Token, join_words};
use crate::text::pos::{Pos, pos_table};
use crate::text::segment::{dictionary, is_surname};

/// Lowercase syllables that may end a name: "UBND tỉnh", "Tỉnh ủy".
pub(super) const NAME_TAILS: &[&str] = &[
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
pub(super) const BODY_HEADS: &[&str] = &[
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
    "luật",
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
pub(super) const PLACE_MARKERS: &[&str] = &[
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

/// Nouns before a place's name: a street, a market, a mountain, a bridge.
const PLACE_NOUNS: &[&str] = &["cầu", "chợ", "đường", "núi"];

/// A [`PLACE_MARKERS`] word or a noun before a place's name: a form of
/// address after it is the place's ("tỉnh Bà Rịa", "núi Bà Đen").
pub(super) fn place_word(w: &str) -> bool {
    PLACE_MARKERS.contains(&w) || PLACE_NOUNS.contains(&w)
}

/// Nouns of time, which follow a body's name without naming it ("Bộ Y
/// tế | năm 2017", "UBND tỉnh | chiều 5/6").
pub(super) const TIME_NOUNS: &[&str] = &[
    "chiều", "đêm", "hôm", "khuya", "ngày", "năm", "quý", "sáng", "tháng", "tối", "trưa", "tuần",
];

/// Heads of public bodies named by their field, often by its acronym
/// ("Sở GTVT", "Đài PT-TH", "Cảnh sát PCCC"): "sát" is the last syllable
/// of "cảnh sát".
pub(super) const FIELD_HEADS: &[&str] = &[
    "ban", "bộ", "cục", "đài", "phòng", "sát", "sở", "viện", "vụ",
];

/// Parts of the day: capitalised, they begin a sentence or an entry of a
/// timetable, never a name ("Sáng | Ngữ văn", "Chiều | Toán").
pub(super) const DAY_PARTS: &[&str] = &["chiều", "đêm", "khuya", "sáng", "tối", "trưa"];

/// Forms of address that start a sentence about a person inside a run
/// ("Thanh Hải | Ông Ryu", "FBI James Comey | Ông Comey"), with how many
/// capitals must follow ("Hai Bà Trưng", "Núi Bà Đen" are names).
pub(super) const ADDRESS: &[(&str, usize)] = &[("bà", 2), ("chị", 1), ("ông", 1)];

/// Function words that start a sentence, never a syllable of a name:
/// capitalised inside a run, the run is two ("Liverpool | Theo Mirror").
pub(super) const SENTENCE_WORDS: &[&str] = &[
    "bị", "các", "cho", "của", "cũng", "để", "đã", "đang", "được", "hay", "hoặc", "hôm", "khi",
    "là", "mà", "nếu", "người", "những", "nhưng", "sau", "sẽ", "tại", "theo", "thì", "trong",
    "trước", "và", "vì", "việc", "với",
];

/// Titles of a profession, after which capitals that are no country or
/// province are the holder's (stage) name: "Ca sĩ | Mỹ Tâm", "Hoa hậu |
/// Phương Nga", "MC | Quyền Linh" (but "Hoa hậu Hoàn vũ", "Hoa hậu Việt
/// Nam" are titles of their own, see [`PAGEANTS`]).
pub(super) const PROFESSIONS: &[&str] = &[
    "á hậu",
    "ca sĩ",
    "danh hài",
    "diễn viên",
    "đạo diễn",
    "hoa hậu",
    "huấn luyện viên",
    "mc",
    "người mẫu",
    "nghệ sĩ",
    "nhạc sĩ",
];

/// A beauty contest's words after "Hoa hậu", "Á hậu", written capitalised:
/// the contest's name, no stage name ("Hoa hậu Hoàn Vũ Việt Nam", "Hoa hậu
/// Trái Đất", "Hoa hậu Đại dương | Đặng Thu Thảo").
const PAGEANTS: &[&str] = &[
    "biển",
    "các dân tộc",
    "doanh nhân",
    "du lịch",
    "đại dương",
    "hòa bình",
    "hoàn vũ",
    "hữu nghị",
    "liên lục địa",
    "người đẹp",
    "phụ nữ",
    "quốc tế",
    "sắc đẹp",
    "siêu quốc gia",
    "thế giới",
    "thể thao",
    "trái đất",
];

/// Words that qualify a body's name and never begin one ("Sân bay Quốc
/// tế …", "Đại học Quốc gia …").
pub(super) const QUALIFIERS: &[(&str, &str)] =
    &[("quốc", "gia"), ("quốc", "tế"), ("trung", "ương")];

/// Titles and forms of address that precede a person's name (folded).
#[rustfmt::skip]
pub(super) const TITLES: &[&str] = &[
    "anh", "bà", "bác sĩ", "bí thư", "bộ trưởng", "ca sĩ", "chị", "chủ nhiệm", "chủ tịch", "cô",
    "đại tá", "đại tướng", "đb", "đối tượng", "đồng chí", "giám đốc", "giáo sư", "gs", "hlv",
    "huấn luyện viên", "nghệ sĩ", "ngoại trưởng", "ông", "pgs", "phó", "phó chủ tịch", "thạc sĩ",
    "ths", "thiếu tá", "thiếu tướng", "thứ trưởng", "thủ tướng", "thượng tá", "thượng tướng",
    "tiến sĩ", "tổng bí thư", "tổng giám đốc", "tổng thống", "thủ môn", "tiền đạo", "tiền vệ",
    "hậu vệ", "trung tá", "trung tướng", "trưởng", "ts",
    // "PTT" (Phó Thủ tướng written short: "PTT | Vũ Đức Đam").
    "ptt",
    // Ranks below a major's too ("Thượng úy | Ngô Xuân Mạnh", "Đại úy | Yoo").
    "chuẩn úy", "đại úy", "hạ sĩ", "thiếu úy", "thượng sĩ", "thượng úy", "trung sĩ", "trung úy",
    // Professions a stage name follows ("Danh hài | Tự Long", "NSND |
    // Hồng Vân"; [`PROFESSIONS`]). Not "MC", a keyword of its own.
    "á hậu",
    "danh hài",
    "diễn viên",
    "đạo diễn",
    // A contest's judge ("Giám khảo | Hoài Linh"), "HH" a beauty queen
    // written short ("HH | Phan Hoàng Thu"; blind readers' ✗, session 57).
    "giám khảo",
    "hh",
    "hoa hậu",
    "người mẫu",
    "nhạc sĩ",
    // "NS" (nghệ sĩ, nhạc sĩ), "NTK" (nhà thiết kế)
    "ns",
    "nsnd",
    "nsưt",
    "ntk",
    // Royal titles before a foreign given name ("Công nương | Diana",
    // "Hoàng tử | William", "Quốc vương | Salman").
    "công chúa",
    "công nương",
    "hoàng tử",
    "nữ hoàng",
    "quốc vương",
    "bs",
    "ls", // luật sư: "LS | Nguyễn Văn Dũ" ("LS Hùng" stays one name)
    // A paper's people, written short: "PV" or "P.V" (phóng viên), "BTV"
    // (biên tập viên), "CTV" (cộng tác viên).
    "btv",
    "ctv",
    "p v",
    "pv",
    "cựu",
    "nguyên",
    "ủy viên",
    "uỷ viên",
    // A state's counterpart: "người đồng cấp Israel | Benjamin Netanyahu"
    // (an office of the country before, its holder after).
    "đồng cấp",
    // Forms of address for the young, the old and teachers ("Em | Lê
    // Kiều Linh", "Thầy | Trần Tuấn Anh").
    "bé",
    "cháu",
    "cụ",
    "em",
    "thầy",
];

/// Titles of a state's offices and crowns: with a country alone after them
/// they name an office ("Ngoại trưởng Nga", "Nữ hoàng Anh"), not a person.
pub(super) const STATE_TITLES: &[&str] = &[
    "bộ trưởng",
    "ngoại trưởng",
    "nữ hoàng",
    "quốc vương",
    "thủ tướng",
    "tổng thống",
];

/// Is `title` a state's title ([`STATE_TITLES`])?
/// Its deputy's too: "Phó Tổng thống | Mỹ".
pub(super) fn state_title(syl: &Syllables, title: &[Token]) -> bool {
    let title = match title {
        [deputy, rest @ ..] if !rest.is_empty() && syl.word(deputy) == "phó" => rest,
        _ => title,
    };
    let mut key = String::new();
    join_words(syl, title, &mut key);
    STATE_TITLES.contains(&key.as_str())
}

/// [`TITLES`] as a set: looked up for every run.
pub(super) static TITLE_SET: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| TITLES.iter().copied().collect());

/// The continents (folded) "châu" heads, a name of its own and no more: "châu
/// Á", "châu Á-Thái Bình Dương", not "châu Âu | Donald Tusk", "châu Á | Jack
/// Ma" (an independent review's finds).
pub(super) const CONTINENTS: &[&str] = &[
    "á",
    "á tbd",
    "á thái bình dương",
    "âu",
    "đại dương",
    "mỹ",
    "mỹ la tinh",
    "mỹ latinh",
    "nam cực",
    "phi",
    "úc",
];

/// Nouns of one syllable that head a name after them: places and bodies
/// ("tỉnh Thái Bình", "sông Hồng", "chợ Bến Thành", "đội U23"), continents
/// ("châu Á-Thái Bình Dương", "châu Đại Dương"), languages,
/// dynasties and events ("tiếng Anh", "nhà Trần", "lễ Vu Lan"). Not the
/// forms of address for a child or the old: "bé Huy", "cháu Nghĩa", "em
/// H", "cụ Hỏn" read as a stretch, the name being the keyword; nor kin, a
/// people, a vehicle or a maker before a name, which readers take for a
/// common word glued to it ("vợ Tuấn Hưng", "dân Hà Nội", "xe Camry", "tàu
/// Fitzgerald", "hãng Suzuki": 37 of 40 such draws since session 27 read
/// as a stretch).
pub(super) const HEAD_NOUNS: &[&str] = &[
    "ấp",
    "bản",
    "báo",
    "bến",
    "biển",
    "buôn",
    "cầu",
    "cảng",
    "châu",
    "chợ",
    "chùa",
    "cúp",
    "cục",
    "dinh",
    "đảo",
    "đài",
    "đầm",
    "đèo",
    "đền",
    "điện",
    "đình",
    "đồi",
    "đội",
    "đường",
    "giải",
    "hang",
    "hẻm",
    "hồ",
    "hội",
    "huyện",
    "kênh",
    "khu",
    "làng",
    "lăng",
    "lễ",
    "miền",
    "mùa",
    "ngõ",
    "nhà",
    "nhóm",
    "núi",
    "nước",
    "phim",
    "phố",
    "phủ",
    "phường",
    "quân",
    "quận",
    "rạch",
    "sách",
    "sân",
    "sông",
    "sở",
    "suối",
    "tết",
    "thác",
    "thành",
    "tháp",
    "thôn",
    "tiếng",
    "tỉnh",
    "tội",
    "trại",
    "trạm",
    "trường",
    "vịnh",
    "vua",
    "vùng",
    "vụ",
    "vườn",
    "xã",
    "xóm",
];

/// "Tân" (new) before a title ([`lead_title`]).
pub(super) const NEW: &str = "tân";

/// A word at the run's start that is a title only there, and whether the
/// rest is the holder's name alone: "TT" is "Tổng thống" before a foreign
/// family name ("TT | Trump", `Some(true)`; "Trung tâm" before a field, "TT
/// Y tế"); "Tân" (new) before a title of two syllables is the title's ("Tân
/// | Ngoại trưởng Hàn Quốc | Kang Kyung-wha", "Tân | Phó Bí thư",
/// `Some(false)`; "Tân Bình", "Tân Hoa xã" are names).
pub(super) fn lead_title(syl: &Syllables, run: &[Token]) -> Option<bool> {
    let (first, rest) = run.split_first()?;
    let w = syl.word(first);
    if w == "tt" && rest.len() == 1 && rest[0].cap && !vietnamese(syl, &rest[0]) {
        return Some(true);
    }
    // (A deputy's title is one: `title_prefix`.)
    let office = title_prefix(syl, rest).is_some_and(|n| n >= 2);
    (w == NEW && rest.first().is_some_and(|t| t.cap) && office).then_some(false)
}

/// How many syllables of a title start the run, if one does (longest first).
/// A deputy's title is one with its "Phó": "Phó Thủ tướng Thường trực",
/// "Phó Tổng thống Mỹ" are other offices than the title alone names (554
/// baomoi articles write "Phó Thủ tướng").
pub(super) fn title_prefix(syl: &Syllables, run: &[Token]) -> Option<usize> {
    if run.len() > 3
        && syl.word(&run[0]) == "phó"
        && let Some(m) = title_prefix(syl, &run[1..]).filter(|&m| m >= 2)
    {
        return Some(m + 1);
    }
    let mut key = String::new();
    for n in (1..=3).rev() {
        if run.len() <= n {
            continue;
        }
        // One syllable is its own key, not copied (callgrind, 1,500
        // baomoi articles: names 188 -> 181 M instructions).
        if n == 1 {
            if TITLE_SET.contains(syl.word(&run[0])) {
                return Some(n);
            }
            continue;
        }
        join_words(syl, &run[..n], &mut key);
        if TITLE_SET.contains(key.as_str()) {
            return Some(n);
        }
    }
    None
}

/// A profession's title ([`PROFESSIONS`]) and the holder's name after it:
/// capitalised Vietnamese syllables, not a country or a province ("Ca sĩ |
/// Mỹ Tâm", "Danh hài | Chiến Thắng"; not "Hoa hậu Việt Nam", nor "Hoa hậu
/// Hoàn vũ" with its lowercase syllable).
pub(super) fn stage_name(syl: &Syllables, title: &[Token], name: &[Token]) -> bool {
    let mut key = String::new();
    join_words(syl, title, &mut key);
    let mut words = String::new();
    let mut pageant = || {
        (1..=3).any(|n| {
            name.len() >= n && {
                join_words(syl, &name[..n], &mut words);
                PAGEANTS.contains(&words.as_str())
            }
        })
    };
    PROFESSIONS.contains(&key.as_str())
        && name
            .iter()
            .all(|t| t.cap && !t.acronym && syl.vietnamese[t.id as usize])
        && !pageant()
        && country_prefix(syl, name) != Some(name.len())
        && !is_province(syl, name)
}

/// Does a city's name begin `run`, after "TP": capitals that are no
/// person's name ("TP | Đà Nẵng", "TP | Hồ Chí Minh"; not "Đoàn ĐBQH TP |
/// Ngọ Duy Hiểu").
pub(super) fn city_after(syl: &Syllables, run: &[Token]) -> bool {
    let capitals = run.iter().take_while(|t| t.cap).count();
    let person = capitals >= 3 && is_surname(syl.word(&run[0]));
    capitals > 0
        && (!person
            || province_prefix(syl, run).is_some()
            || matches!(run, [h, c, m, ..] if [h, c, m].map(|t| syl.word(t)) == ["hồ", "chí", "minh"]))
}

/// Is `tp` (a token of `before` + `tp` + `after`) a city's "TP" that ends
/// the body's name in `before`: "TP.HCM", "TPHCM", "TP | Đà Nẵng" (see
/// [`city_after`]), or "TP" alone after a body's head, the city left
/// unnamed: "Chủ tịch UBND TP | Nguyễn Đức Chung", "Giám đốc Công an TP |
/// Đoàn Duy Khương".
pub(super) fn city_tp(syl: &Syllables, before: &[Token], tp: &Token, after: &[Token]) -> bool {
    match syl.word(tp) {
        "tphcm" | "tp hcm" => true,
        "tp" => city_after(syl, after) || body_before(syl, before),
        _ => false,
    }
}

/// Does a body's head, capitalised, or an acronym stand in `before`: "Công
/// an", "UBND", "Thành ủy" (not "Thể thao" of "Sở Văn hóa – Thể thao", the
/// body's head left before the dash).
pub(super) fn body_before(syl: &Syllables, before: &[Token]) -> bool {
    before.iter().any(|u| {
        u.cap && (u.acronym || BODY_HEADS.contains(&syl.word(u)) || syl.word(u) == "thành")
    })
}

/// Does a body's name begin `run`: an acronym ("CLB", "UBND"), a foreign
/// word ("Formosa"), a body's head ("Nhà hát", "Liên minh", "Bệnh viện",
/// "Đại học", "Thành ủy"; not "Khu vực", an area, "Đại diện", nor
/// "Trung tâm" alone, the middle of a town). `run`: the body's name.
pub(super) fn bodys_head(syl: &Syllables, run: &[Token]) -> bool {
    let Some(t) = run.first() else { return false };
    let second = run.get(1).map_or("", |u| syl.word(u));
    match syl.word(t) {
        _ if t.acronym || !syl.vietnamese[t.id as usize] => true,
        "khu" => second != "vực",
        "trung" => second != "tâm" || run.len() > 2,
        "đại" => matches!(second, "học" | "sứ"),
        w => BODY_HEADS.contains(&w) || matches!(w, "bệnh" | "thành"),
    }
}

/// After a title, capitals no two of which make a word, nor a body, a
/// country or a province: a person's name without its family name ("Tổng
/// thống | Moon Jae-in", "Thủ tướng | Hun Sen", "Bí thư | Xuân Anh"), not
/// an office's field ("Bộ trưởng Quốc phòng", "Chủ tịch Tổng Liên đoàn").
pub(super) fn held(syl: &Syllables, rest: &[Token]) -> bool {
    let dict = dictionary();
    (2..=4).contains(&rest.len())
        && rest.iter().all(|u| u.cap && !u.acronym)
        && rest
            .windows(2)
            .all(|w| !dict.contains_hashes(&[syl.hash(&w[0]), syl.hash(&w[1])]))
        && !rest.iter().any(|u| BODY_HEADS.contains(&syl.word(u)))
        && country_prefix(syl, rest).is_none()
        // (nor England before a foreign name, "Thủ tướng Anh | Theresa
        // May")
        && country_split(syl, rest, || true, || false).is_none()
        && province_prefix(syl, rest).is_none()
}

/// Where a foreign name begins in `run` (a name run, the title of `office`
/// syllables at its start) after a Vietnamese name or word: "Pháp | Marine
/// Le Pen", "FBI | James Comey", "Bộ trưởng Quốc phòng | Mattis", "Bộ
/// trưởng Quốc phòng | Han Min-koo" (a title, a field and a foreign name, as
/// "Tổng thống | Putin"; but "Bộ trưởng Quốc phòng Italia", a country's
/// office).
pub(super) fn foreign_split(syl: &Syllables, run: &[Token], office: usize) -> Option<usize> {
    let vietnamese = |u: &Token| vietnamese(syl, u);
    if let [field, word, rest @ ..] = &run[office.min(run.len())..]
        && office > 0
        && (1..=3).contains(&rest.len())
        && rest.iter().all(|u| u.cap && !u.acronym)
        // (a syllable Vietnamese spelling does not make, or a given name
        // of two joined by a dash, "Min-koo", as Korean names are written)
        && rest.iter().any(|u| !vietnamese(u) || syl.raw[u.rid as usize].contains('-'))
        && country_prefix(syl, rest).is_none()
        && field.cap
        && !word.cap
        // (not a body, "Giáo sư Đại học Yonsei", nor a republic)
        && !bodys_head(syl, &run[office..office + 2])
        && syl.word(field) != "cộng"
        && dictionary().contains_hashes(&[syl.hash(field), syl.hash(word)])
    {
        return Some(office + 2);
    }
    let k = run.iter().position(|u| !vietnamese(u))?;
    let foreign = run[k..].iter().filter(|u| !vietnamese(u)).count();
    // A body's generic head before it ("CTCP Tập đoàn | Vina Megastar") is
    // the foreign name's, not a name of its own.
    let generic = run[..k]
        .iter()
        .skip_while(|u| u.acronym)
        .collect::<Vec<_>>();
    let generic = matches!(generic.as_slice(), [h, w]
        if h.cap && !w.cap && BODY_HEADS.contains(&syl.word(h)));
    // Its last syllable one Vietnamese spelling does not make, or the whole
    // foreign name written without a mark after a Vietnamese word that has
    // one ("Pháp | Marine Le Pen").
    let ascii = |u: &Token| syl.raw[u.rid as usize].is_ascii();
    let n = run.len();
    (k > 0
        && !generic
        && n - k >= 2
        && (foreign * 2 >= n - k && !vietnamese(&run[n - 1])
            || run[k..].iter().all(ascii) && !ascii(&run[k - 1]) && !run[k - 1].acronym)
        && run[k..].iter().all(|u| u.cap))
    .then_some(k)
}

/// Does `run`'s last syllable, lowercase between two capitals, end a word
/// of a body's field that the dictionary lacks ("Bệnh viện Phụ *sản*
/// Trung ương", "Bệnh viện Sản *nhi* Nghệ An", "Viện Huyết học Truyền
/// *máu* Trung ương")? The run is a body's (a lowercase syllable or an
/// acronym before, as in "Bệnh viện"), and the syllable is a noun or a
/// syllable no table knows as a word of its own (not a verb, an adjective
/// or a function word: "NXB Kim Đồng | nhận Bằng khen"), nor one that
/// says when, where or who ("Á quân Next Top | châu Á", "Em gái Trần Thị
/// Quỳnh | tên Trần Huyền"). Between Vietnamese syllables only.
pub(super) fn field_word(syl: &Syllables, run: &[Token], next: &Token) -> bool {
    let Some((u, before)) = run.split_last() else {
        return false;
    };
    let word = syl.word(u);
    before.len() >= 3
        && before[..before.len() - 1]
            .iter()
            .any(|v| !v.cap || v.acronym)
        // Between Vietnamese syllables: "bin" in "Qatar Sheikh Mohammed
        // bin Abdulrahman" is a foreign name's.
        && [u, &before[before.len() - 1], next]
            .iter()
            .all(|v| vietnamese(syl, v))
        && !NOT_FIELD_WORDS.contains(&word)
        && !PLACE_MARKERS.contains(&word)
        && matches!(
            pos_table().get_hashes(&[syl.hash(u)]),
            None | Some(Pos::Noun | Pos::MostlyNoun)
        )
}

/// Nouns that say when, where or who: after a body's name they begin the
/// rest of the sentence, never a word of its field.
#[rustfmt::skip]
const NOT_FIELD_WORDS: &[&str] = &[
    "anh", "bà", "bác", "cháu", "châu", "chị", "chiều", "chú", "cô", "con", "đêm", "em",
    "giờ", "khu", "lần", "miền", "năm", "ngày", "người", "ông", "phút", "quý", "sáng", "số",
    "tên", "tháng", "thôn", "tối", "trưa", "tuần", "vùng", "xóm",
];

/// Has this syllable (folded) a vowel? "ph", "tr" have none.
pub(super) fn has_vowel(w: &str) -> bool {
    crate::text::fold::fold_diacritics(w)
        .chars()
        .any(|c| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y'))
}

/// A family name and "Văn" alone: a person's name cut before its given
/// name ("Phi | La Văn" of a Lao name cut by the family name "La"; "Lê
/// Văn | Hưu" across a line).
pub(super) fn given_name_cut(syl: &Syllables, run: &[Token]) -> bool {
    matches!(run, [f, v] if is_surname(syl.word(f)) && syl.word(v) == "văn")
}

/// Titles of one syllable that go before a body's head in lower case:
/// "Trưởng | ban Tuyên giáo", "Phó | phòng Hồ sơ", "Cựu | bộ trưởng".
pub(super) const OFFICE_PARTS: &[&str] = &["cựu", "nguyên", "phó", "trưởng"];

/// Is the token at `k` a foreign name shorter than [`Token::foreign`]
/// reads (six letters, or an f, j, w, z): a word written in lower case
/// after its capital, with a vowel, that no Vietnamese syllable is shaped
/// as ("Messi", "Apple", "Uber", "Honda", "Qatar"; a capitalised
/// Vietnamese syllable alone is a given name), between words in lower
/// case? Not a title written short ("Mr", "Th"), a Roman numeral ("XIV"),
/// nor a word a longer name was parted from, or a code's: "Audi R8 V10 |
/// Plus", "iPhone 6s | Plus", "Pháp Luật | Plus", "Jackpot - | Mega |
/// 6/45".
pub(super) fn short_foreign(syl: &Syllables, clause: &[Token], k: usize) -> bool {
    let t = &clause[k];
    let mut letters = syl.raw[t.rid as usize].chars().skip(1);
    let plain =
        |u: &Token| !u.cap && !syl.raw[u.rid as usize].contains(|c: char| c.is_ascii_digit());
    // (An acronym is `vietnamese` too.)
    !(t.after_number || t.before_number || t.after_dash || vietnamese(syl, t))
        && letters.all(char::is_lowercase)
        && has_vowel(syl.word(t))
        && k.checked_sub(1).is_none_or(|p| plain(&clause[p]))
        && clause.get(k + 1).is_none_or(plain)
}
