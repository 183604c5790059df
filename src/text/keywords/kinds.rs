//! A common noun and the name after it (issue 15): one keyword when the
//! noun says what kind of thing the name names ("thành phố Mosul", "sân bay
//! Nội Bài", "tên lửa Patriot"), two otherwise ("công dân | Mỹ", "khu vực |
//! miền Trung", "nghệ sĩ | Xuân Hương", "quan hệ | Việt Nam"): the name is
//! a keyword of its own, the noun with it a stretch of the sentence.
//!
//! Nouns of one syllable that head a name are
//! [`HEAD_NOUNS`](super::name_words::HEAD_NOUNS); the longer ones are
//! [`KIND_NOUNS`]. Neither heads a country ("tàu | Mỹ", "công ty | Nhật
//! Bản"): a country is where the thing is from, not its name, except for a
//! language, a sea, a region, an island, a city or a currency of its name
//! ([`OF_A_COUNTRY`]: "tiếng Anh", "biển Nhật Bản", "miền Tây", "đô la
//! Mỹ"). Kin heads no name at all ("vợ | Tuấn Hưng", "mẹ | Nga").
//!
//! A common noun for people before a name is no word of it either, even
//! where a sentence's capital makes the two one run ([`PEOPLE_HEADS`]:
//! "Binh sĩ | Philippines", "Bản thân | Công Phượng").
//!
//! Nor is a word the news writes in lower case before a name where a
//! sentence begins on it ([`lower_head`]: "Cổ phiếu | Alibaba"); but a
//! body's head the stop list holds is one ([`body_stop`]: "Tổ chức Y tế
//! Thế giới"). Nor is the kind of a news outlet before a foreign outlet's
//! name or a country ([`outlet_head`]: "Tờ | Telegraph", "Báo | Mỹ"). The
//! police's branches, which go on a body's "Cảnh sát", are here too
//! ([`POLICE_BRANCHES`]).
//!
//! Three readings of a name's first token are here too: a function word a
//! foreign name begins with ([`foreign_head`]: "Kia Morning"), a round's
//! number written short ([`round_before`]: "V37 | Ngoại hạng Anh") and
//! capitalised words joined by hyphens ([`hyphen_name`]: "VN-Index").

use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use super::countries::{country_prefix, is_country};
use super::tokens::{Syllables, Token, vietnamese_syllable};
use crate::text::pos::{Pos, pos_table};
use crate::text::segment::{dictionary, is_surname, syllable_hash, word_hash};

/// Nouns of two syllables or more, lower case, that name a thing with the
/// capitals after them: a place, a building, a road, a body or a firm, a
/// weapon or a craft of that name, a currency, an event. No other noun of
/// two syllables or more is ("công dân", "thị trường", "khu vực", "nghệ
/// sĩ", "quan hệ").
pub(super) const KIND_NOUNS: &[&str] = &[
    // Places.
    "bán đảo",
    "bãi biển",
    "cao nguyên",
    "đảo quốc",
    "đặc khu",
    "eo biển",
    "khu bảo tồn",
    "khu công nghiệp",
    "khu dân cư",
    "khu đô thị",
    "khu du lịch",
    "khu kinh tế",
    "khu nghỉ mát",
    "khu phố",
    "núi lửa",
    "quần đảo",
    "sa mạc",
    "thành phố",
    "thị trấn",
    "thị xã",
    "thủ đô",
    "thủ phủ",
    "thung lũng",
    "tiểu bang",
    "tổ dân phố",
    "vườn quốc gia",
    // Roads, crossings, buildings.
    "bảo tàng",
    "bến cảng",
    "bến xe",
    "bệnh viện",
    "cầu vượt",
    "chung cư",
    "công viên",
    "cửa hàng",
    "cửa khẩu",
    "cung điện",
    "danh thắng",
    "di tích",
    "dinh thự",
    "đại lộ",
    "đường cao tốc",
    "đường sắt",
    "hộp đêm",
    "khách sạn",
    "kim tự tháp",
    "lâu đài",
    "ngã ba",
    "ngã tư",
    "nhà ga",
    "nhà hàng",
    "nhà hát",
    "nhà máy",
    "nhà thi đấu",
    "nhà thờ",
    "nhà tù",
    "quốc lộ",
    "sân bay",
    "sân vận động",
    "siêu thị",
    "sòng bạc",
    "tỉnh lộ",
    "tòa nhà",
    "trường đua",
    "tượng đài",
    "vũ trường",
    "vườn thú",
    // Bodies, firms, outlets.
    "ban nhạc",
    "câu lạc bộ",
    "công ty",
    "học viện",
    "kênh truyền hình",
    "nhà xuất bản",
    "nhóm nhạc",
    "tạp chí",
    "tập đoàn",
    "nhãn hiệu",
    "thương hiệu",
    // Weapons and craft named by their model.
    "chiến hạm",
    "khu trục hạm",
    "tàu ngầm",
    "tàu sân bay",
    "tên lửa",
    "tiêm kích",
    "trực thăng",
    "xe tăng",
    // Currencies ("đô la Mỹ", "đô la Hồng Kông").
    "đô la",
    // Events.
    "chiến dịch",
    "hiệp định",
    "hiệp ước",
    "hội nghị",
    "lễ hội",
];

static KIND_SET: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| KIND_NOUNS.iter().copied().collect());

/// Nouns that a country names: its language, its sea, its regions, its
/// islands, its currency, a continent ("tiếng Anh", "biển Nhật Bản", "miền
/// Nam", "bán đảo Triều Tiên", "đảo Guam", "đô la Mỹ", "châu Mỹ"), a city
/// of its name ("thành phố Mexico"), the country itself ("nước Mỹ"). (Not
/// kin: "vợ | Đức", "mẹ | Nga" part the name from the word, as "vợ | Tuấn
/// Hưng" does, whether "Đức" is a given name or Germany.)
const OF_A_COUNTRY: &[&str] = &[
    "bán đảo",
    "biển",
    "châu",
    "đảo",
    "đô la",
    "miền",
    "nước",
    "quần đảo",
    "thành phố",
    "tiếng",
    "vịnh",
    "vùng",
];

/// Peoples written short, which the list of countries does not hold: "phụ
/// nữ Nhật", "du khách Úc", "phim Việt". ("Trung", "Tây", "Triều" name
/// regions too: "miền Trung", "phố Tây".) Not after a river, a road or a
/// place, which may bear the syllable as a name ([`PLACE_HEADS`]: "sông
/// Hàn").
const PEOPLES: &[&str] = &["hàn", "nhật", "thái", "úc", "việt"];

/// Nouns of places named with a people's syllable ([`PEOPLES`]). (Not
/// `name_words::place_word`: `name_words` reads this file's nouns for
/// people, and the two would import each other.)
const PLACE_HEADS: &[&str] = &[
    "cầu",
    "chợ",
    "đường",
    "hồ",
    "làng",
    "núi",
    "phố",
    "sông",
    "suối",
];

static PEOPLE_HASHES: LazyLock<FxHashSet<u64>> =
    LazyLock::new(|| PEOPLES.iter().map(|p| syllable_hash(p)).collect());

/// Is a phrase of lowercase syllables (`head`, folded) and the capitals
/// after them (`name`: their syllables' hashes) two keywords rather than
/// one? It is when the head is longer than one syllable and no
/// [`KIND_NOUNS`], or when the name is a country or a people and the head
/// is not one of [`OF_A_COUNTRY`].
pub(super) fn noun_and_name(head: &[&str], name: &[u64]) -> bool {
    let joined = head.join(" ");
    if head.len() >= 2 && !KIND_SET.contains(joined.as_str()) {
        return true;
    }
    let head = joined.as_str();
    !OF_A_COUNTRY.contains(&head)
        && (is_country(name)
            || name.len() == 1 && PEOPLE_HASHES.contains(&name[0]) && !PLACE_HEADS.contains(&head))
}

/// Common nouns for people and groups (no office, no title) that stand
/// before a name and are no word of it: what the person is to the story
/// ("Bản thân | Công Phượng", "Vợ chồng | Đan Trường", "Tài xế | Grab",
/// "Diễn viên | Ngọc Trinh", "Đối tượng | Hoàng"; but a reader takes
/// "Luật sư Cường" whole), who they are among a country's people
/// ("Binh sĩ | Philippines", "Du khách | Úc", "Cử tri | Pháp"),
/// who speaks for a country or a body ("Giới chức | Hàn Quốc", "Đại diện
/// | Sở Y tế", "Truyền thông | Iran"), a headline's label ("Chuyển nhượng
/// | Real"), the kind of outlet or group a name is ("Hãng tin | Reuters",
/// "Tờ báo | Triều Tiên", "Phiến quân | Maute"). Not "mẹ", "bố", "gia
/// đình", "báo chí": they begin names of their own ("Mẹ Việt Nam Anh hùng",
/// "Bố Trạch", "Ngày Gia đình Việt Nam", "Báo chí Cách mạng").
pub(super) const PEOPLE_HEADS: &[&str] = &[
    "anh trai",
    "binh lính",
    "binh sĩ",
    "binh sỹ",
    "bé gái",
    "bé trai",
    "bạn gái",
    "bạn trai",
    "bản thân",
    "bảo mẫu",
    "bệnh nhân",
    "bố con",
    "bố mẹ",
    "ca sĩ",
    "cha mẹ",
    "chuyên gia",
    "chuyển nhượng",
    "chàng trai",
    "chị gái",
    "con gái",
    "con trai",
    "cá nhân",
    "cô gái",
    "công dân",
    "cư dân",
    "cầu thủ",
    "cổ động viên",
    "cử tri",
    "danh hài",
    "diễn viên",
    "doanh nhân",
    "du khách",
    "dân làng",
    "dân mạng",
    "dư luận",
    "em gái",
    "em trai",
    "game thủ",
    "giới chức",
    "giới trẻ",
    "hành khách",
    "hãng tin",
    "hậu duệ",
    "học sinh",
    "học trò",
    "khán giả",
    "lãnh đạo",
    "minh tinh",
    "mẹ con",
    "nam sinh",
    "nghệ sĩ",
    "nghị sĩ",
    "ngư dân",
    "người dân",
    "người hâm mộ",
    "người mẫu",
    "nhà báo",
    "nhân viên",
    "nhạc sĩ",
    "nông dân",
    "nạn nhân",
    "nội tình",
    "nữ sinh",
    "phiến quân",
    "phụ huynh",
    "phụ nữ",
    "quan chức",
    "sinh viên",
    "siêu mẫu",
    "sản phụ",
    "thiếu nữ",
    "thí sinh",
    "thương lái",
    "thầy trò",
    "thủy thủ",
    "trang chủ",
    "truyền thông",
    "trẻ em",
    "tài tử",
    "tài xế",
    "tân binh",
    "tù nhân",
    "tờ báo",
    "vợ chồng",
    "đại diện",
    "đạo diễn",
    "đối tượng",
];

/// [`PEOPLE_HEADS`] as a set.
pub(super) static PEOPLE_SET: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| PEOPLE_HEADS.iter().copied().collect());

/// Words the news writes in lower case before a name inside a sentence
/// (`assets/lower-heads-vi.txt`, from the Dân trí 2,653 set, GPL-3.0: see
/// its notice): "cổ phiếu Alibaba", "kinh tế Nga", "quân đội Syria"; of
/// one syllable too ("vợ Lý Hải", [`lower_head_word`]).
const LOWER_HEADS_VI: &str = include_str!("../../../assets/lower-heads-vi.txt");

/// [`LOWER_HEADS_VI`] as word hashes, parsed on first use.
static LOWER_HEADS: LazyLock<FxHashSet<u64>> = LazyLock::new(|| word_hashes(LOWER_HEADS_VI));

/// A school's levels (folded). After "Trường" and one of them comes the
/// school's name, a person's ("Trường Tiểu học Lý Tự Trọng", "Trường THPT
/// Trần Phú") or a place's ("Hiệu trưởng Trường Tiểu học Mai Động"): the
/// name is the school's, no person of its own.
const SCHOOL_LEVELS: &[&str] = &[
    "mầm non",
    "thcs",
    "thpt",
    "thpt chuyên",
    "tiểu học",
    "trung học cơ sở",
    "trung học phổ thông",
];

/// Are these tokens, all of them, a school's level ([`SCHOOL_LEVELS`])?
fn school_level(syl: &Syllables, tokens: &[Token]) -> bool {
    let words = || tokens.iter().map(|t| syl.word(t));
    SCHOOL_LEVELS
        .iter()
        .any(|level| level.split(' ').eq(words()))
}

/// Does `before` (a run up to a name) end on "Trường" and a school's level
/// (of four syllables at most)?
pub(super) fn school_level_before(syl: &Syllables, before: &[Token]) -> bool {
    (before.len().saturating_sub(4).max(1)..before.len())
        .any(|at| syl.word(&before[at - 1]) == "trường" && school_level(syl, &before[at..]))
}

/// Does `before` (the tokens right before a name) end on a school's level,
/// "Trường" or not ("THPT | Phan Đình Phùng": the school's name)?
pub(super) fn school_level_ending(syl: &Syllables, before: &[Token]) -> bool {
    (1..=before.len().min(4)).any(|n| school_level(syl, &before[before.len() - n..]))
}

/// How many words in lower case after `run` (in `rest`) are its name's
/// end, none when it has none:
/// - "quốc gia" after a school's level alone ("THPT", "Trung học phổ
///   thông"), the national exam: "kỳ thi THPT quốc gia 2017" (888 times in
///   baomoi-35k, 285 more as "THPT Quốc gia"), whose "quốc gia" alone two
///   blind readers in three read as a cut (sessions 53–58);
/// - "bộ" after the points of the compass, a region: "Nam Trung bộ", "Tây
///   Nam bộ" (as often "Nam Trung Bộ"), whose "Nam Trung" and "Tây Nam"
///   alone readers read as cuts.
pub(super) fn lower_tail(syl: &Syllables, run: &[Token], rest: &[Token]) -> Option<usize> {
    // (The words after the run first: most runs have neither.)
    let word = |i: usize| rest.get(i).filter(|t| !t.cap).map(|t| syl.word(t));
    match word(0)? {
        "quốc" if word(1) == Some("gia") && school_level(syl, run) => Some(2),
        "bộ" if run.len() > 1
            && run.iter().all(|t| {
                t.cap && matches!(syl.word(t), "bắc" | "đông" | "nam" | "tây" | "trung")
            }) =>
        {
            Some(1)
        }
        _ => None,
    }
}

/// Does `run` begin on "Trường" and a school's level with a name after them?
pub(super) fn school_named(syl: &Syllables, run: &[Token]) -> bool {
    run.first().is_some_and(|t| syl.word(t) == "trường")
        && (2..run.len()).any(|e| run[e].cap && school_level(syl, &run[1..e]))
}

/// A word list of one word a line (`#` begins a comment line) as the
/// words' hashes.
fn word_hashes(list: &str) -> FxHashSet<u64> {
    list.lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| word_hash(l.split(' ').map(syllable_hash)))
        .collect()
}

/// Does a run begin a sentence on a word of two syllables the news writes
/// in lower case before a name, no [`KIND_NOUNS`] (whose name it is part
/// of) unless a weapon's before a country alone ([`CRAFT`]), capitals
/// after it? The sentence's capital is then no sign that it begins the
/// name: "Cổ phiếu | Alibaba", "Kinh tế | Nga", as "cổ phiếu | Alibaba"
/// inside a sentence.
pub(super) fn lower_head(syl: &Syllables, run: &[Token]) -> bool {
    let [a, b, c, ..] = run else {
        return false;
    };
    if !(a.sentence_start
        && !b.cap
        && c.cap
        && LOWER_HEADS.contains(&word_hash([syl.hash(a), syl.hash(b)].into_iter())))
    {
        return false;
    }
    let head = format!("{} {}", syl.word(a), syl.word(b));
    !KIND_SET.contains(head.as_str())
        || CRAFT.contains(&head.as_str()) && country_prefix(syl, &run[2..]) == Some(run.len() - 2)
}

/// Kinds of weapon or craft ([`KIND_NOUNS`]) of two syllables: before a
/// model's name one name ("Tên lửa Bulava"), before a country alone the
/// country's ("Tên lửa | Triều Tiên", "Xe tăng | Mỹ", as "tên lửa Triều
/// Tiên" inside a sentence).
const CRAFT: &[&str] = &["tàu ngầm", "tên lửa", "tiêm kích", "trực thăng", "xe tăng"];

/// Does a sentence begin on this word of one syllable, one the news writes
/// in lower case before a name inside a sentence ("vợ Lý Hải", "phía
/// Viettel", "xe Fortuner"; [`LOWER_HEADS_VI`])? Whether the name after it
/// is its own is for the article to say (`neighbours::mark_cuts`).
pub(super) fn lower_head_word(syl: &Syllables, t: &Token) -> bool {
    t.sentence_start && !t.acronym && LOWER_HEADS.contains(&word_hash(std::iter::once(syl.hash(t))))
}

/// Words of two or three syllables the news writes with a first capital
/// inside a sentence, where no sentence's start gives it: the heads of
/// names and titles ("Bệnh viện Bạch Mai", "Hải quân Mỹ", "Đại sứ Mỹ";
/// `assets/capitalised-words-vi.txt`, from the Dân trí 2,653 set, GPL-3.0:
/// see its notice). [`lead_word`] leaves them.
const CAPITALISED_WORDS_VI: &str = include_str!("../../../assets/capitalised-words-vi.txt");

/// [`CAPITALISED_WORDS_VI`] as word hashes, parsed on first use.
static CAPITALISED: LazyLock<FxHashSet<u64>> = LazyLock::new(|| word_hashes(CAPITALISED_WORDS_VI));

/// How many tokens at the start of a run that begins a sentence are a
/// word whose capital is the sentence's, not a sign that it begins the name
/// after it: a syllable of [`lower_head_word`] (1), or any dictionary word
/// of two or three syllables written in lower case past its first letter,
/// capitals after it, that the news does not capitalise inside a sentence
/// ([`CAPITALISED_WORDS_VI`]: "Hải quân Mỹ") and is no kind of thing named
/// with its name ([`KIND_NOUNS`]: "Thành phố Hồ Chí Minh"): "Giấc mơ |
/// Decima", "Độc đáo | Yamaha XSR900", "Tàu chiến | Nhật Bản". 0 for none.
/// Whether the name after it is its own is for the article to say
/// (`neighbours::lead_word_off`).
pub(super) fn lead_word(syl: &Syllables, run: &[Token]) -> usize {
    let Some(first) = run.first() else {
        return 0;
    };
    if !first.sentence_start || first.acronym {
        return 0;
    }
    let mut hashes = [0u64; 3];
    for k in [3, 2] {
        if run.len() <= k || !run[k].cap || run[1..k].iter().any(|t| t.cap || t.acronym) {
            continue;
        }
        for (h, t) in hashes.iter_mut().zip(&run[..k]) {
            *h = syl.hash(t);
        }
        if dictionary().contains_hashes(&hashes[..k]) {
            if CAPITALISED.contains(&word_hash(hashes[..k].iter().copied())) {
                return 0;
            }
            let mut word = String::from(syl.word(first));
            for t in &run[1..k] {
                word.push(' ');
                word.push_str(syl.word(t));
            }
            return if KIND_SET.contains(word.as_str()) {
                0
            } else {
                k
            };
        }
    }
    usize::from(lower_head_word(syl, first))
}

/// Does a sentence (a headline's clause, most often) begin on a verb or an
/// adjective of one syllable before a name: "Lo | Triều Tiên, Mỹ phát
/// triển…", "U23 Việt Nam: Vắng | Xuân Trường…"? Many names begin on a
/// syllable that can be a verb ("Bảo Lộc", "Phát Đạt"), so the article
/// must name what follows alone too (`neighbours::own_name_after`); a
/// family name is left, and so are
/// "Đông" (east: "Đông Anh", "(Đông La Mã)"), "Tiểu" (little: "Tiểu Messi",
/// a nickname) and "Khuất", a family name the list lacks (an independent
/// review's finds).
pub(super) fn verb_head(syl: &Syllables, t: &Token) -> bool {
    t.sentence_start
        && !t.acronym
        && !is_surname(syl.word(t))
        && !matches!(syl.word(t), "đông" | "khuất" | "tiểu")
        && matches!(
            pos_table().get_hashes(&[syl.hash(t)]),
            Some(Pos::Verb | Pos::Adjective)
        )
}

/// Stop phrases that head a body's name, capitalised before its capitals:
/// "Cơ quan An ninh Liên bang Nga", "Tổ chức Y tế Thế giới" (at a
/// sentence's start too: "Tổ chức" is a verb, but the news seldom
/// capitalises what it organises).
const BODY_STOPS: [(&str, &str); 2] = [("cơ", "quan"), ("tổ", "chức")];

/// Does a run begin on a body's head of the stop list ([`BODY_STOPS`]),
/// capitals after it?
pub(super) fn body_stop(syl: &Syllables, run: &[Token]) -> bool {
    matches!(run, [a, b, c, ..] if c.cap && BODY_STOPS.contains(&(syl.word(a), syl.word(b))))
}

/// The branches of the police a body's name goes on with after "Cảnh
/// sát" (`goes_on::body_goes_on`).
pub(super) const POLICE_BRANCHES: &[&str] = &[
    "cơ động",
    "điều tra",
    "đường thủy",
    "giao thông",
    "hình sự",
    "kinh tế",
    "môi trường",
    "phòng cháy",
    "phòng chống",
    "quản lý",
    "truy nã",
];

/// The kinds of news outlet, one word or two, written before an outlet's
/// name ("Tờ | Telegraph", "Hãng | Kyodo", "Trang tin | BGR") or before a
/// country for its press ("Báo | Mỹ", "Báo giới | Pháp"). Not "trang"
/// alone, a given name too ("Trang Nhung"), nor "kênh", a canal too ("Kênh
/// Panama"), nor "tạp chí": "Tạp chí Cộng sản" is a journal's own name.
const OUTLET_KINDS: &[(&str, Option<&str>)] = &[
    ("báo", None),
    ("báo", Some("chí")),
    ("báo", Some("giới")),
    ("đài", None),
    ("hãng", None),
    ("trang", Some("tin")),
    ("trang", Some("web")),
    ("tờ", None),
];

/// How many syllables of an outlet's kind ([`OUTLET_KINDS`]) start the run,
/// when the rest is a foreign outlet's name (no syllable of it spelt as
/// Vietnamese, or an acronym: "Tờ | Daily Mail", "Đài | CNN") or begins on
/// a country ("Báo | Mỹ": the American press). A Vietnamese paper's name
/// keeps its head ("Báo Thanh Niên", "Đài Truyền hình Việt Nam"), and so
/// does a place's ("Đài Loan", "Đài Bắc").
pub(super) fn outlet_head(syl: &Syllables, run: &[Token]) -> Option<usize> {
    let first = syl.word(run.first()?);
    let second = run.get(1).filter(|t| !t.cap).map(|t| syl.word(t));
    let n = if second.is_some() && OUTLET_KINDS.contains(&(first, second)) {
        2
    } else if OUTLET_KINDS.contains(&(first, None)) {
        1
    } else {
        return None;
    };
    let rest = run.get(n..).filter(|r| r.first().is_some_and(|t| t.cap))?;
    // Every word a foreign one's (an article, spelt as a Vietnamese
    // syllable, too: "Tờ | The Guardian", "Tờ | Le Monde").
    let foreign = |words: &[Token]| {
        let words = match words {
            [the, rest @ ..]
                if !rest.is_empty() && matches!(syl.word(the), "the" | "le" | "la" | "el") =>
            {
                rest
            }
            _ => words,
        };
        words
            .iter()
            .all(|t| t.acronym || t.cap && !syl.vietnamese[t.id as usize])
    };
    // Or a country, and nothing after it or a foreign outlet's name ("Báo |
    // Mỹ | New York Times"; not "Báo | Pháp Luật TP.HCM", a paper).
    let country = || country_prefix(syl, rest).is_some_and(|k| foreign(&rest[k..]));
    (foreign(rest) || country()).then_some(n)
}

/// A token whose every syllable is shaped as Vietnamese, or an acronym; not
/// a foreign name's particle nor the word it joins ("Rio | de Janeiro").
pub(super) fn vietnamese(syl: &Syllables, t: &Token) -> bool {
    t.acronym || syl.vietnamese[t.id as usize] && !(t.foreign && t.particle)
}

/// Is the function word at `k` a foreign name's first word: one that foreign names begin with
/// ("kia", "sao", "cho", "nay": Kia, São, the Korean Cho, the Ê-đê Nay), written without marks, in
/// mid-clause after a word in lower case (or a sentence's first), before a capitalised word that
/// no Vietnamese syllable spells and no acronym? "và Kia Morning", "Chiếc Kia Morning", "tại Sao
/// Paulo". Not the other function words, which begin a sentence where a caption runs on with no
/// stop ("… hiện nay | Theo Reuters, …", "| Khi Mourinho …").
pub(super) fn foreign_head(syl: &Syllables, clause: &[Token], k: usize) -> bool {
    let t = &clause[k];
    t.cap
        && t.stop
        && !t.sentence_start
        && matches!(syl.word(t), "kia" | "sao" | "cho" | "nay")
        && k.checked_sub(1)
            .is_some_and(|p| !clause[p].cap || clause[p].sentence_start)
        && clause
            .get(k + 1)
            .is_some_and(|u| u.cap && !u.acronym && !u.stop && !vietnamese(syl, u))
}

/// Is the token at `k` a round's number written short, "V" and one or two digits, before a
/// capitalised name: the competition's round, no word of its name ("V16 | V-League", "V2 | Roland
/// Garros", "V37 | Ngoại hạng Anh")?
pub(super) fn round_before(syl: &Syllables, clause: &[Token], k: usize) -> bool {
    let raw = syl.raw[clause[k].rid as usize];
    raw.strip_prefix('V')
        .is_some_and(|n| (1..=2).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit()))
        && clause.get(k + 1).is_some_and(|u| u.cap)
}

/// Is this token two or more capitalised words joined by hyphens, none a Vietnamese syllable or a
/// country, one name on its own: "VN-Index", "V-League", "Rolls-Royce", "G-Dragon" (not a pair,
/// "Nga-Mỹ", "Nga-Trump", "Israel-Palestine": each is a keyword of its own)?
pub(super) fn hyphen_name(syl: &Syllables, t: &Token) -> bool {
    let raw = syl.raw[t.rid as usize];
    raw.contains('-')
        && raw
            .split('-')
            .all(|part| part.chars().next().is_some_and(char::is_uppercase))
        && syl
            .word(t)
            .split(' ')
            .all(|w| !vietnamese_syllable(w) && !is_country(&[syllable_hash(w)]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hashes(name: &str) -> Vec<u64> {
        name.split(' ').map(syllable_hash).collect()
    }

    #[test]
    fn a_kind_names_the_thing_and_a_country_is_where_it_is_from() {
        // A longer noun that says what the name is: one keyword.
        assert!(!noun_and_name(&["thành", "phố"], &hashes("mosul")));
        assert!(!noun_and_name(&["sân", "bay"], &hashes("nội bài")));
        // Any other: the noun and the name.
        assert!(noun_and_name(&["khu", "vực"], &hashes("trung đông")));
        assert!(noun_and_name(&["nghệ", "sĩ"], &hashes("xuân hương")));
        // A country or a people after any noun, but a language, a sea, a
        // region and the country itself.
        assert!(noun_and_name(&["tàu"], &hashes("mỹ")));
        assert!(noun_and_name(&["tàu", "sân", "bay"], &hashes("mỹ")));
        assert!(noun_and_name(&["đội"], &hashes("úc")));
        assert!(!noun_and_name(&["tiếng"], &hashes("hàn")));
        assert!(!noun_and_name(&["nước"], &hashes("mỹ")));
        assert!(!noun_and_name(&["biển"], &hashes("nhật bản")));
        assert!(!noun_and_name(&["thành", "phố"], &hashes("mexico")));
        // "Hàn" names a river too; "Nga" a mother, but kin heads no name
        // ("mẹ | Nga", as "vợ | Tuấn Hưng").
        assert!(noun_and_name(&["mẹ"], &hashes("nga")));
        assert!(!noun_and_name(&["sông"], &hashes("hàn")));
        assert!(noun_and_name(&["phim"], &hashes("hàn")));
        // A one-syllable noun before another name is left to the nouns of
        // one syllable.
        assert!(!noun_and_name(&["tàu"], &hashes("se17")));
    }

    /// The news writes "Cộng hòa", the dictionary "cộng hoà": the list's
    /// script counts both placements of a tone as one word, and the list is
    /// read with either.
    #[test]
    fn a_capitalised_word_is_listed_whichever_vowel_has_its_tone() {
        for word in [
            "cộng hòa",
            "cộng hoà",
            "văn hóa",
            "văn hoá",
            "ủy ban",
            "uỷ ban",
        ] {
            let listed = CAPITALISED.contains(&word_hash(hashes(word).into_iter()));
            assert!(listed, "{word} is not on the list");
        }
        assert!(!CAPITALISED.contains(&word_hash(hashes("giấc mơ").into_iter())));
    }
}
