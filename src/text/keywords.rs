//! Automatic keywords ("auto" keywords) for articles whose page carries none.
//!
//! Two kinds of candidate phrases are taken from the title, lead and paragraphs:
//!
//! - **names**: runs of capitalised syllables that name people, places and
//!   bodies ("Nguyễn Khắc Thận", "Thái Bình", "Ban Dân vận Tỉnh ủy",
//!   "UBND tỉnh"). A run may bridge one lowercase syllable between two
//!   capitalised ones ("Dân *vận* Tỉnh", "Mặt *trận* Tổ quốc") and may end in
//!   an administrative tail ("UBND *tỉnh*", "Tỉnh *ủy*"). An acronym (UBND,
//!   HĐND, TP.HCM) starts a run of its own and may stand alone; any other
//!   single capitalised syllable is not a name (the capital of a sentence's
//!   first word means nothing), except a foreign-looking word in mid-sentence
//!   ("Amazon": letters Vietnamese does not use, or six letters and no
//!   diacritics). Stop words at the start of a run are dropped ("Theo", "Tại").
//! - **phrases**: syllable n-grams, n = 2..=4, inside one clause (punctuation
//!   and numbers break them), with no stop word in them and that neither
//!   start nor end with a stop phrase. Four syllables because most
//!   Vietnamese words are two syllables long, so "quy chế dân chủ" is a
//!   two-word phrase. Without word segmentation n-grams cut words ("trình
//!   phối"): a phrase is dropped as a *fragment* when a phrase one syllable
//!   longer containing it occurs at least 80 % as often (5-grams are counted
//!   for this and never kept); and in [`rank`] a candidate contained in a
//!   better one already chosen is dropped.
//!
//! Everything is counted under [`title_key`] folding, so "Đảng" and "Ðảng"
//! (U+00D0), "UBND tỉnh" and "Ubnd tỉnh" are one candidate; the display form
//! is the most frequent spelling (ties: the first seen).
//!
//! Scoring is TF-IDF with BM25's saturating tf: `tf·(k+1)/(tf+k) · idf · w`
//! ([`TF_SATURATION`] = k), where tf counts occurrences
//! (an occurrence in the title counts [`TITLE_WEIGHT`] times), `idf =
//! ln((N + 1) / (df + 1)) + 1` over the stored articles, and `w` favours
//! names ([`NAME_WEIGHT`]) and places named after an administrative word
//! ("tỉnh Thái Bình", [`PLACE_WEIGHT`]). Saturating tf keeps a name
//! mentioned once in the running against a phrase repeated ten times.
//! Phrases (not names) are only candidates when they occur twice or in the
//! title: that bounds the document-frequency table and drops noise.
//!
//! Deterministic: no output order depends on a hash map; ties are broken by
//! key. Text must be NFC (every [`NewArticle`] string has been through
//! [`crate::text::clean`]); folding here is [`title_key`] for NFC input.

use std::collections::HashMap;
use std::collections::HashSet;
use std::sync::OnceLock;

use crate::model::NewArticle;
use crate::text::fold::{fix_lookalikes, title_key};

/// An occurrence in the title counts this many times.
pub const TITLE_WEIGHT: u32 = 3;
/// Score factor for a name (a run of capitalised syllables).
pub const NAME_WEIGHT: f64 = 1.6;
/// Extra factor for a name right after an administrative word ("tỉnh Thái Bình").
pub const PLACE_WEIGHT: f64 = 2.0;
/// BM25's k1: how fast repeated occurrences stop adding to the score.
pub const TF_SATURATION: f64 = 1.2;
/// How many auto keywords an article gets.
pub const DEFAULT_MAX: usize = 5;
/// Keywords come from the title, the lead and this many syllables of the
/// body: news says who, where and what first, and it bounds the cost of a
/// long article (the baomoi median is 430 syllables, the longest 8,000).
pub const MAX_BODY_SYLLABLES: usize = 500;
/// Longest n-gram, in syllables.
const MAX_N: usize = 4;
/// A capitalised run longer than this is a title-case headline, not a name.
const MAX_NAME_SYLLABLES: usize = 9;

/// Vietnamese stop syllables: function words, pronouns and forms of address,
/// auxiliaries and common adverbs, quantifiers, time words, and a few nouns
/// too generic to name a topic ("người", "việc", "điều"). Hand-picked from
/// the frequent syllables of the corpus with the usual Vietnamese stop-word
/// lists as a guide; a phrase may contain one ("Ban *của* …" is rare, "quy
/// chế dân chủ *ở* cơ sở" is not) but never start or end with one.
/// Sorted, lowercase, NFC.
const STOP_SYLLABLES: &[&str] = &[
    "à",
    "ạ",
    "ai",
    "anh",
    "ấy",
    "bà",
    "bác",
    "bạn",
    "bao",
    "bằng",
    "bên",
    "biết",
    "bị",
    "bởi",
    "các",
    "cái",
    "cần",
    "càng",
    "cả",
    "cậu",
    "chị",
    "chiếc",
    "chính",
    "cho",
    "chỉ",
    "chứ",
    "chú",
    "chúng",
    "chưa",
    "chẳng",
    "có",
    "con",
    "còn",
    "cô",
    "của",
    "cùng",
    "cũng",
    "dù",
    "đã",
    "đang",
    "đâu",
    "đây",
    "để",
    "đến",
    "đều",
    "điều",
    "đó",
    "được",
    "gì",
    "giữa",
    "giờ",
    "hay",
    "hết",
    "hiện",
    "hoặc",
    "họ",
    "hôm",
    "hơn",
    "khi",
    "không",
    "khoảng",
    "kia",
    "là",
    "làm",
    "lại",
    "lần",
    "lên",
    "lúc",
    "luôn",
    "mà",
    "mấy",
    "mình",
    "mọi",
    "mỗi",
    "một",
    "mới",
    "muốn",
    "nay",
    "này",
    "nào",
    "năm",
    "nên",
    "nếu",
    "ngày",
    "ngay",
    "ngoài",
    "người",
    "nhau",
    "nhé",
    "nhiên",
    "nhiều",
    "như",
    "nhưng",
    "những",
    "nhất",
    "nó",
    "nói",
    "nữa",
    "ở",
    "ơi",
    "ông",
    "phải",
    "phút",
    "qua",
    "quá",
    "ra",
    "rất",
    "rằng",
    "rồi",
    "sau",
    "sao",
    "sẽ",
    "số",
    "sự",
    "tại",
    "tháng",
    "thấy",
    "thế",
    "theo",
    "thì",
    "thôi",
    "thứ",
    "thường",
    "tôi",
    "trên",
    "trong",
    "trước",
    "từ",
    "từng",
    "tuy",
    "tới",
    "và",
    "vài",
    "vào",
    "vẫn",
    "vậy",
    "về",
    "vì",
    "việc",
    "với",
    "vừa",
    "xuống",
];

/// Multi-syllable words too common in news to be a keyword on their own; a
/// phrase that starts or ends with one is dropped too ("thực hiện tốt …").
const STOP_PHRASES: &[&str] = &[
    "bài viết",
    "bao gồm",
    "bên cạnh",
    "cho biết",
    "chia sẻ",
    "có thể",
    "cơ quan",
    "đẩy mạnh",
    "đối với",
    "đơn vị",
    "đồng chí",
    "hiệu quả",
    "hình ảnh",
    "hoạt động",
    "kết quả",
    "mong muốn",
    "nâng cao",
    "ngoài ra",
    "nhấn mạnh",
    "nhiệm vụ",
    "phát triển",
    "quá trình",
    "quan trọng",
    "tăng cường",
    "tham gia",
    "thời gian",
    "thông tin",
    "tiếp tục",
    "tình hình",
    "tổ chức",
    "trách nhiệm",
    "trường hợp",
    "tuy nhiên",
    "thực hiện",
    "vấn đề",
    "yêu cầu",
];

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

fn stop_set() -> &'static HashSet<&'static str, FxBuild> {
    static SET: OnceLock<HashSet<&'static str, FxBuild>> = OnceLock::new();
    SET.get_or_init(|| STOP_SYLLABLES.iter().copied().collect())
}

fn stop_phrase_set() -> &'static HashSet<&'static str, FxBuild> {
    static SET: OnceLock<HashSet<&'static str, FxBuild>> = OnceLock::new();
    SET.get_or_init(|| STOP_PHRASES.iter().copied().collect())
}

/// Is this syllable (any case, any look-alike) a stop word?
pub fn is_stop_word(syllable: &str) -> bool {
    let key = title_key(syllable);
    stop_set().contains(key.as_str()) || stop_phrase_set().contains(key.as_str())
}

/// A candidate phrase of one article.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// The [`title_key`] of the phrase: what is counted and merged.
    pub key: String,
    /// The most frequent spelling (ties: the first seen).
    pub display: String,
    /// Occurrences, a title occurrence counting [`TITLE_WEIGHT`] times.
    pub tf: u32,
    /// A run of capitalised syllables.
    pub name: bool,
    /// A name right after an administrative word.
    pub place: bool,
    /// Seen in the title.
    pub in_title: bool,
    /// Syllables.
    pub len: usize,
}

/// A fast, deterministic hasher for small integer keys (FxHash's mixing).
#[derive(Default, Clone, Copy)]
struct Fx(u64);

impl std::hash::Hasher for Fx {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.write_u64(u64::from_le_bytes(w));
        }
        let mut w = [0u8; 8];
        let rest = chunks.remainder();
        w[..rest.len()].copy_from_slice(rest);
        self.write_u64(u64::from_le_bytes(w) ^ (rest.len() as u64) << 59);
    }
    fn write_u32(&mut self, i: u32) {
        self.write_u64(u64::from(i));
    }
    fn write_u64(&mut self, i: u64) {
        self.0 = (self.0.rotate_left(5) ^ i).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn write_usize(&mut self, i: usize) {
        self.write_u64(i as u64);
    }
}

type FxBuild = std::hash::BuildHasherDefault<Fx>;

/// The syllables of one article, interned: folded form and stop flag.
#[derive(Default)]
struct Syllables<'a> {
    ids: HashMap<String, u32, FxBuild>,
    folded: Vec<String>,
    stop: Vec<bool>,
    /// Spelling → (raw id, syllable id).
    raw_ids: HashMap<&'a str, (u32, u32), FxBuild>,
    raw: Vec<&'a str>,
    buf: String,
}

impl<'a> Syllables<'a> {
    fn reserve(&mut self, n: usize) {
        self.ids.reserve(n);
        self.raw_ids.reserve(n);
        self.folded.reserve(n);
        self.stop.reserve(n);
        self.raw.reserve(n);
    }

    fn intern(&mut self, core: &'a str) -> (u32, u32) {
        if let Some(&(rid, id)) = self.raw_ids.get(core) {
            return (id, rid);
        }
        let rid = self.raw.len() as u32;
        self.raw.push(core);
        fold_into(core, &mut self.buf);
        let id = match self.ids.get(self.buf.as_str()) {
            Some(&i) => i,
            None => {
                let i = self.folded.len() as u32;
                self.stop.push(stop_set().contains(self.buf.as_str()));
                self.folded.push(self.buf.clone());
                self.ids.insert(self.buf.clone(), i);
                i
            }
        };
        self.raw_ids.insert(core, (rid, id));
        (id, rid)
    }

    fn word(&self, t: &Token) -> &str {
        &self.folded[t.id as usize]
    }
}

/// A token of the text: a syllable (or acronym, or foreign word).
#[derive(Debug, Clone, Copy)]
struct Token {
    /// Interned folded form.
    id: u32,
    /// Interned spelling.
    rid: u32,
    cap: bool,
    acronym: bool,
    foreign: bool,
    sentence_start: bool,
    stop: bool,
}

const SENTENCE_END: [char; 5] = ['.', '!', '?', '…', ':'];

/// Split a text into clauses: runs of word tokens not broken by punctuation
/// or numbers.
/// The tokens go to `tokens`, each clause's range to `out`.
fn clauses<'a>(
    text: &'a str,
    syl: &mut Syllables<'a>,
    tokens: &mut Vec<Token>,
    out: &mut Vec<std::ops::Range<usize>>,
    limit: usize,
) {
    let mut start = tokens.len();
    let mut close = |tokens: &Vec<Token>, start: &mut usize| {
        if tokens.len() > *start {
            out.push(*start..tokens.len());
        }
        *start = tokens.len();
    };
    let mut sentence_start = true;
    for raw in text.split_whitespace() {
        if tokens.len() >= limit {
            break;
        }
        let lead_len = raw.len() - raw.trim_start_matches(|c: char| !is_word_char(c)).len();
        let core_end = raw.trim_end_matches(|c: char| !is_word_char(c)).len();
        let core = if core_end > lead_len {
            &raw[lead_len..core_end]
        } else {
            ""
        };
        let lead = &raw[..lead_len];
        let trail = &raw[core_end.max(lead_len)..];
        if !lead.is_empty() {
            close(tokens, &mut start);
        }
        if lead.contains(['“', '"', '(', '[', '‘', '\'', '«']) {
            // An opening quote or bracket: a capital after it may start a sentence.
            sentence_start = true;
        }
        if core.is_empty()
            || core
                .bytes()
                .all(|b| b.is_ascii_digit() || b.is_ascii_punctuation())
        {
            // Punctuation alone ("-", "–") or a number ("5/3", "2021"): a break.
            close(tokens, &mut start);
            if raw.contains(SENTENCE_END) {
                sentence_start = true;
            }
            continue;
        }
        let cap = core.chars().next().is_some_and(char::is_uppercase);
        let (mut upper, mut lower) = (0usize, 0usize);
        for c in core.chars() {
            upper += usize::from(c.is_uppercase());
            lower += usize::from(c.is_lowercase());
        }
        let acronym = upper >= 2 && lower == 0;
        let foreign = cap && !acronym && looks_foreign(core);
        let (id, rid) = syl.intern(core);
        tokens.push(Token {
            id,
            rid,
            cap,
            acronym,
            foreign,
            sentence_start,
            stop: syl.stop[id as usize],
        });
        sentence_start = false;
        if !trail.is_empty() {
            close(tokens, &mut start);
            if trail.contains(SENTENCE_END) {
                sentence_start = true;
            }
        }
    }
    close(tokens, &mut start);
}

/// [`title_key`] of one token of NFC text, without the NFC pass.
fn fold_into(core: &str, out: &mut String) {
    out.clear();
    let mut space = false;
    for c in core.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                if space && !out.is_empty() {
                    out.push(' ');
                }
                space = false;
                out.push(c.to_ascii_lowercase());
            } else {
                space = true;
            }
            continue;
        }
        for c in fix_lookalikes(c).to_lowercase() {
            if is_word_char(c) {
                if space && !out.is_empty() {
                    out.push(' ');
                }
                space = false;
                out.push(c);
            } else {
                space = true;
            }
        }
    }
}

/// A word Vietnamese spelling does not produce: letters f, j, w, z, or six
/// or more letters without a diacritic ("Amazon", "Kindle").
fn looks_foreign(core: &str) -> bool {
    if core.contains(['f', 'j', 'w', 'z', 'F', 'J', 'W', 'Z']) {
        return true;
    }
    core.len() >= 6 && core.bytes().all(|b| b.is_ascii_alphabetic())
}

/// Up to `MAX_N + 1` syllable ids, padded with `u32::MAX`.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Gram([u32; MAX_N + 1]);

impl std::hash::Hash for Gram {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        let g = &self.0;
        state.write_u64(u64::from(g[0]) << 32 | u64::from(g[1]));
        state.write_u64(u64::from(g[2]) << 32 | u64::from(g[3]));
        state.write_u32(g[4]);
    }
}

fn gram(ids: impl Iterator<Item = u32>) -> Gram {
    let mut g = [u32::MAX; MAX_N + 1];
    for (slot, id) in g.iter_mut().zip(ids) {
        *slot = id;
    }
    Gram(g)
}

/// A character [`title_key`] keeps: `char::is_alphanumeric`, with the
/// Latin blocks Vietnamese is written in answered without a table lookup.
fn is_word_char(c: char) -> bool {
    match c {
        '0'..='9' | 'a'..='z' | 'A'..='Z' => true,
        '\0'..='\u{7F}' | '\u{D7}' | '\u{F7}' => false,
        '\u{C0}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}' => true,
        _ => c.is_alphanumeric(),
    }
}

/// Accumulates occurrences of n-grams and names. No allocation per n-gram:
/// most occur once and are dropped.
#[derive(Default)]
struct Counter {
    map: HashMap<Gram, usize, FxBuild>,
    cands: Vec<Acc>,
    /// Names longer than a [`Gram`], keyed by their folded text.
    long: HashMap<String, usize>,
    /// Spellings beyond the first: (candidate, spelling) → weighted count.
    variants: HashMap<(usize, Vec<u32>), u32, FxBuild>,
}

struct Acc {
    /// Syllable ids (interned folded forms).
    ids: Vec<u32>,
    gram: Gram,
    len: usize,
    /// The first spelling (interned raw ids) and its weighted count.
    spelling: Gram,
    spelling_n: u32,
    has_variants: bool,
    tf: u32,
    /// Occurrences as an n-gram, unweighted.
    occ: u32,
    /// Occurrences as a name: each is also counted as an n-gram when the
    /// run has no stop word, so the two are not added up.
    name_tf: u32,
    name: bool,
    place: bool,
    in_title: bool,
}

impl Counter {
    /// Count one occurrence; returns the candidate's index.
    fn add(
        &mut self,
        syl: &Syllables,
        tokens: &[Token],
        weight: u32,
        name: bool,
        place: bool,
    ) -> usize {
        let short = tokens.len() <= MAX_N + 1;
        let g = if short {
            gram(tokens.iter().map(|t| t.id))
        } else {
            Gram([u32::MAX; MAX_N + 1])
        };
        let fresh = |cands: &mut Vec<Acc>| {
            cands.push(Acc {
                ids: if short {
                    Vec::new()
                } else {
                    tokens.iter().map(|t| t.id).collect()
                },
                gram: g,
                len: tokens.len(),
                spelling: Gram([u32::MAX; MAX_N + 1]),
                spelling_n: 0,
                has_variants: false,
                tf: 0,
                occ: 0,
                name_tf: 0,
                name: false,
                place: false,
                in_title: false,
            });
            cands.len() - 1
        };
        let idx = if short {
            match self.map.get(&g) {
                Some(&i) => i,
                None => {
                    let i = fresh(&mut self.cands);
                    self.map.insert(g, i);
                    i
                }
            }
        } else {
            let key = tokens
                .iter()
                .map(|t| syl.word(t))
                .collect::<Vec<_>>()
                .join(" ");
            match self.long.get(&key) {
                Some(&i) => i,
                None => {
                    let i = fresh(&mut self.cands);
                    self.long.insert(key, i);
                    i
                }
            }
        };
        let acc = &mut self.cands[idx];
        if name {
            acc.name_tf += weight;
        } else {
            acc.tf += weight;
            acc.occ += 1;
        }
        acc.name |= name;
        acc.place |= place;
        acc.in_title |= weight > 1;
        let same = |s: &[u32]| s.iter().copied().eq(tokens.iter().map(|t| t.rid));
        if short && acc.spelling_n == 0 {
            acc.spelling = gram(tokens.iter().map(|t| t.rid));
            acc.spelling_n = 1;
        } else if short && same(&acc.spelling.0[..tokens.len()]) {
            acc.spelling_n += 1;
        } else {
            acc.has_variants = true;
            *self
                .variants
                .entry((idx, tokens.iter().map(|t| t.rid).collect()))
                .or_default() += 1;
        }
        idx
    }

    /// The most frequent spelling of a candidate (ties: the first seen).
    fn spelling(&self, idx: usize) -> Option<Vec<u32>> {
        let acc = &self.cands[idx];
        let mut best: Option<(Vec<u32>, u32)> =
            (acc.spelling_n > 0).then(|| (acc.spelling.0[..acc.len].to_vec(), acc.spelling_n));
        if acc.has_variants {
            // In spelling order, so that ties go the same way every run.
            let mut vs: Vec<(&Vec<u32>, u32)> = self
                .variants
                .iter()
                .filter(|((i, _), _)| *i == idx)
                .map(|((_, s), n)| (s, *n))
                .collect();
            vs.sort();
            for (s, n) in vs {
                if best.as_ref().is_none_or(|b| n > b.1) {
                    best = Some((s.clone(), n));
                }
            }
        }
        best.map(|b| b.0)
    }
}

fn stop_pair_set() -> &'static HashSet<(&'static str, &'static str), FxBuild> {
    static SET: OnceLock<HashSet<(&'static str, &'static str), FxBuild>> = OnceLock::new();
    SET.get_or_init(|| {
        STOP_PHRASES
            .iter()
            .filter_map(|p| p.split_once(' '))
            .collect()
    })
}

/// Mostly capitalised (a title-case or all-caps headline): no names in it.
fn title_cased<'t>(tokens: impl Iterator<Item = &'t Token>) -> bool {
    let (mut caps, mut all) = (0usize, 0usize);
    for t in tokens {
        all += 1;
        caps += usize::from(t.cap);
    }
    all >= 4 && caps * 10 > all * 7
}

/// Name runs of one clause.
fn names(syl: &Syllables, clause: &[Token], mut emit: impl FnMut(&[Token], bool)) {
    let is_tail = |t: &Token| NAME_TAILS.contains(&syl.word(t));
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
        let mut capitals = 1usize;
        while j < clause.len() {
            let u = &clause[j];
            if u.cap {
                if u.acronym && !clause[j - 1].acronym {
                    break; // an acronym starts a run of its own
                }
                capitals += 1;
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
            } else {
                break;
            }
        }
        let next = j;
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
            capitals -= 1;
        }
        // Titles and forms of address before a name: "Chủ tịch", "Ông".
        while let Some(n) = title_prefix(syl, &clause[start..j]) {
            if j - start - n < 2 {
                break;
            }
            capitals -= clause[start..start + n].iter().filter(|u| u.cap).count();
            start += n;
        }
        let t = &clause[start];
        let run = &clause[start..j];
        let ok = if run.len() == 1 {
            t.acronym && syl.word(t).chars().count() >= 2 || t.foreign && !t.sentence_start
        } else {
            let tail = is_tail(&clause[j - 1]);
            let acronym = run.iter().any(|u| u.acronym);
            (capitals >= 2 || tail || acronym)
                && !(t.sentence_start && capitals < 2 && !t.acronym)
                && run.len() <= MAX_NAME_SYLLABLES
        };
        if ok {
            let place = start > 0 && PLACE_MARKERS.contains(&syl.word(&clause[start - 1]));
            emit(run, place);
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

/// The candidate phrases of an article, sorted by key. Used both to update
/// the document-frequency statistics and to score.
pub fn candidates(article: &NewArticle) -> Vec<Candidate> {
    let mut syl = Syllables::default();
    let mut counter = Counter::default();
    let mut texts: Vec<(&str, u32)> = vec![(article.title.as_str(), TITLE_WEIGHT)];
    if let Some(lead) = &article.lead {
        texts.push((lead, 1));
    }
    texts.extend(article.paragraphs.iter().map(|p| (p.text.as_str(), 1)));
    let pairs = stop_pair_set();
    let size: usize = texts.iter().map(|t| t.0.len()).sum();
    syl.reserve(size / 16);
    let mut tokens: Vec<Token> = Vec::with_capacity(size / 5);
    // (weight, clause, names wanted)
    let mut all: Vec<(u32, std::ops::Range<usize>, bool)> = Vec::new();
    let mut cl = Vec::new();
    let mut tokens_before_body = 0;
    for (text, weight) in texts {
        cl.clear();
        // Title and lead whole, the body up to the budget.
        let limit = if weight > 1 || Some(text) == article.lead.as_deref() {
            usize::MAX
        } else {
            tokens_before_body + MAX_BODY_SYLLABLES
        };
        if tokens.len() >= limit {
            break;
        }
        clauses(text, &mut syl, &mut tokens, &mut cl, limit);
        if weight > 1 || Some(text) == article.lead.as_deref() {
            tokens_before_body = tokens.len();
        }
        let skip_names = weight > 1 && title_cased(cl.iter().flat_map(|r| &tokens[r.clone()]));
        all.extend(cl.drain(..).map(|r| (weight, r, !skip_names)));
    }
    let all: Vec<(u32, &[Token])> = all
        .into_iter()
        .map(|(weight, r, want_names)| {
            let clause = &tokens[r];
            if want_names {
                names(&syl, clause, |run, place| {
                    counter.add(&syl, run, weight, true, place);
                });
            }
            (weight, clause)
        })
        .collect();
    // The stop-word-free stretches (weight, token range), and a flag per
    // token: it and the next make a stop phrase.
    let base = tokens.as_ptr() as usize;
    let pos = |t: &Token| (t as *const Token as usize - base) / std::mem::size_of::<Token>();
    let mut stretches: Vec<(u32, usize, usize)> = Vec::new();
    let mut pair_stop = vec![false; tokens.len()];
    for &(weight, clause) in &all {
        for stretch in clause.split(|t| t.stop).filter(|s| s.len() >= 2) {
            let start = pos(&stretch[0]);
            for (k, w) in stretch.windows(2).enumerate() {
                pair_stop[start + k] = pairs.contains(&(syl.word(&w[0]), syl.word(&w[1])));
            }
            stretches.push((weight, start, start + stretch.len()));
        }
    }
    // N-grams level by level, a priori: an n-gram that occurs twice has
    // both its (n-1)-grams occurring twice, so only those are extended
    // (title n-grams always are). No n-gram starts or ends with a stop
    // phrase, so none contains one.
    let mut alive = vec![true; tokens.len() + 1];
    let mut at = vec![usize::MAX; tokens.len()];
    for n in 2..=MAX_N + 1 {
        for &(weight, a, b) in &stretches {
            at[a..b].fill(usize::MAX);
            if b - a < n {
                continue;
            }
            for i in a..=b - n {
                if alive[i] && alive[i + 1] && !pair_stop[i] && !pair_stop[i + n - 2] {
                    at[i] = counter.add(&syl, &tokens[i..i + n], weight, false, false);
                }
            }
        }
        // After the whole level: which n-grams may grow.
        for &(_, a, b) in &stretches {
            for i in a..b {
                alive[i] = at[i] != usize::MAX && {
                    let c = &counter.cands[at[i]];
                    c.occ >= 2 || c.in_title
                };
            }
        }
    }
    for a in &mut counter.cands {
        // A name only when most occurrences are capitalised as one: "Ban
        // Cán sự" in a title-cased headline does not make "Ban cán" a name.
        a.name &= a.name_tf * 2 >= a.tf;
        a.tf = a.tf.max(a.name_tf);
    }
    // A phrase is a fragment when a phrase one syllable longer that
    // contains it occurs (nearly) every time it does: "trình phối" in
    // "chương trình phối hợp". A name is one only when it is seen twice or
    // more ("Đảng Cộng" in "Đảng Cộng sản"): a name seen once may well be
    // followed by a verb ("Nguyễn Văn An phát biểu").
    let mut fragment = vec![false; counter.cands.len()];
    for a in &counter.cands {
        let n = a.len;
        if !(3..=MAX_N + 1).contains(&n) {
            continue;
        }
        let ids = &a.gram.0[..n];
        for part in [&ids[..n - 1], &ids[1..]] {
            if let Some(&i) = counter.map.get(&gram(part.iter().copied())) {
                let sub = &counter.cands[i];
                if a.tf * 5 >= sub.tf * 4 && (!sub.name || sub.occ >= 2) {
                    fragment[i] = true;
                }
            }
        }
    }
    let mut out: Vec<Candidate> = Vec::new();
    for (idx, a) in counter.cands.iter().enumerate() {
        // Phrases: seen twice, or a two-syllable phrase of the title (short
        // articles, a headline and a sentence, repeat nothing).
        let phrase = a.len <= MAX_N && (a.occ >= 2 || a.in_title && a.len == 2);
        let keep = !fragment[idx] && (a.name || phrase);
        if !keep {
            continue;
        }
        let ids: &[u32] = if a.ids.is_empty() {
            &a.gram.0[..a.len]
        } else {
            &a.ids
        };
        let key = ids
            .iter()
            .map(|&i| syl.folded[i as usize].as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let display = match counter.spelling(idx) {
            // Look-alikes fixed: "Ðảng" is shown "Đảng".
            Some(rids) => rids
                .iter()
                .map(|&r| syl.raw[r as usize])
                .collect::<Vec<_>>()
                .join(" ")
                .chars()
                .map(fix_lookalikes)
                .collect(),
            None => key.clone(),
        };
        out.push(Candidate {
            key,
            display,
            tf: a.tf,
            name: a.name,
            place: a.place,
            in_title: a.in_title,
            len: a.len,
        });
    }
    out.sort_by(|a, b| a.key.cmp(&b.key).then_with(|| b.tf.cmp(&a.tf)));
    // Two spans can fold to one key ("TP.HCM" and "TP HCM"): keep one entry.
    out.dedup_by(|later, first| {
        if later.key == first.key {
            first.tf += later.tf;
            first.name |= later.name;
            first.place |= later.place;
            first.in_title |= later.in_title;
            true
        } else {
            false
        }
    });
    out
}

/// The smoothed inverse document frequency.
pub fn idf(doc_count: u64, df: u64) -> f64 {
    ((doc_count as f64 + 1.0) / (df.min(doc_count) as f64 + 1.0)).ln() + 1.0
}

/// A candidate's score given its document frequency.
pub fn score(c: &Candidate, doc_count: u64, df: u64) -> f64 {
    let mut w = 1.0;
    if c.name {
        w *= NAME_WEIGHT;
    }
    if c.place {
        w *= PLACE_WEIGHT;
    }
    let tf = f64::from(c.tf);
    tf * (TF_SATURATION + 1.0) / (tf + TF_SATURATION) * idf(doc_count, df) * w
}

/// Is `inner` a whole-syllable part of `outer` (both keys)?
fn contains_phrase(outer: &str, inner: &str) -> bool {
    outer.len() > inner.len()
        && outer.match_indices(inner).any(|(i, _)| {
            let before = i == 0 || outer.as_bytes()[i - 1] == b' ';
            let end = i + inner.len();
            let after = end == outer.len() || outer.as_bytes()[end] == b' ';
            before && after
        })
}

/// Rank candidates (with their document frequencies, `dfs[i]` for
/// `cands[i]`) and return at most `max` display names, best first. A
/// candidate contained in a better one already chosen is dropped unless it
/// occurs more than 25 % more often ("dân vận" stays beside "Ban Dân vận
/// Tỉnh ủy").
pub fn rank(cands: &[Candidate], dfs: &[u64], doc_count: u64, max: usize) -> Vec<String> {
    let mut scored: Vec<(f64, &Candidate)> = cands
        .iter()
        .zip(dfs.iter().copied().chain(std::iter::repeat(0)))
        .map(|(c, df)| (score(c, doc_count, df), c))
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.key.cmp(&b.1.key)));
    let mut chosen: Vec<&Candidate> = Vec::with_capacity(max);
    for (_, c) in scored {
        if chosen.len() >= max {
            break;
        }
        // Contained in a better one and hardly ever seen outside it: adds nothing.
        if chosen
            .iter()
            .any(|k| c.tf * 4 <= k.tf * 5 && contains_phrase(&k.key, &c.key))
        {
            continue;
        }
        chosen.push(c);
    }
    chosen.into_iter().map(|c| c.display.clone()).collect()
}

/// Document frequencies in memory: for evaluation and tests. The store keeps
/// its own in SQLite (`phrase_df`) and calls [`candidates`] and [`rank`].
#[derive(Debug, Clone, Default)]
pub struct Extractor {
    doc_count: u64,
    df: HashMap<String, u64>,
}

impl Extractor {
    pub fn new() -> Self {
        Self::default()
    }

    /// Count an article's candidates as one more document.
    pub fn add_document(&mut self, cands: &[Candidate]) {
        self.doc_count += 1;
        for c in cands {
            *self.df.entry(c.key.clone()).or_default() += 1;
        }
    }

    pub fn doc_count(&self) -> u64 {
        self.doc_count
    }

    pub fn df(&self, key: &str) -> u64 {
        self.df.get(key).copied().unwrap_or(0)
    }

    /// The auto keywords of an article, best first, at most `max`.
    pub fn extract(&self, article: &NewArticle, max: usize) -> Vec<String> {
        let cands = candidates(article);
        let dfs: Vec<u64> = cands.iter().map(|c| self.df(&c.key)).collect();
        rank(&cands, &dfs, self.doc_count, max)
    }
}

#[cfg(test)]
mod tests;
