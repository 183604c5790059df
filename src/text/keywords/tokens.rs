//! Tokens: an article's text split into clauses of syllables, each syllable
//! interned once with its folded form and stop flag.

use std::rc::Rc;

use rustc_hash::{FxHashMap, FxHashSet};

use super::bylines::{byline, credit_label, credit_pair};
use super::digits::{Numbers, designator_digits, ends_designator, quantity};
use super::glued::Glued;
use super::particles::{MAX_PARTICLES, PARTICLES, arabic_article, model_code};
use super::spellings::{dotted_initials, foreign_capital, measure, slash_credit, web_address};
use super::stopwords::stop_set;
use crate::text::fold::{fix_lookalikes, settle_tone};
use crate::text::lang::vietnamese_only_utf8;
use crate::text::segment::syllable_hash;

/// The syllables of one article, interned: folded form and stop flag.
#[derive(Default)]
pub(super) struct Syllables<'a> {
    /// Folded form (its number in the thread's [`Known`]) → syllable id.
    ids: FxHashMap<u32, u32>,
    /// Shared with the thread's [`Known`]: a syllable new to the article
    /// costs no copy of its folded form.
    pub(super) folded: Vec<Rc<str>>,
    pub(super) stop: Vec<bool>,
    /// [`syllable_hash`] of the folded form, for the dictionary.
    pub(super) hash: Vec<u64>,
    /// Two syllables written without a space ([`glued_syllables`]).
    pub(super) glued: Vec<bool>,
    /// Every syllable of the folded form is shaped as Vietnamese
    /// ([`vietnamese_syllable`]): worked out once per thread, where names
    /// asked it again and again (callgrind, 1,500 baomoi articles:
    /// names 272 -> 229 M instructions).
    pub(super) vietnamese: Vec<bool>,
    /// Spelling → (raw id, syllable id).
    raw_ids: FxHashMap<&'a str, (u32, u32)>,
    pub(super) raw: Vec<&'a str>,
    /// The [`Shape`] of each spelling (by raw id).
    shapes: Vec<Shape>,
    /// The stop words of the article's language when it is not
    /// Vietnamese ([`foreign_stop_set`]), folded.
    pub(super) foreign_stop: Option<&'static FxHashSet<String>>,
    /// The numbers that name one of several after a word ([`Numbers`]).
    pub(super) numbers: Numbers,
}

/// The stop words of a language other than Vietnamese
/// ([`crate::text::lang::stop_words`]), folded as syllables are; made once
/// per language and kept for the process (a few dozen sets at most).
pub(super) fn foreign_stop_set(lang: Option<whatlang::Lang>) -> &'static FxHashSet<String> {
    type Sets = std::sync::Mutex<FxHashMap<Option<whatlang::Lang>, &'static FxHashSet<String>>>;
    static SETS: std::sync::OnceLock<Sets> = std::sync::OnceLock::new();
    let sets = SETS.get_or_init(Sets::default);
    if let Some(set) = sets.lock().ok().and_then(|s| s.get(&lang).copied()) {
        return set;
    }
    let mut set = FxHashSet::default();
    let mut buf = String::new();
    for word in crate::text::lang::stop_words(lang) {
        fold_into(word, &mut buf);
        if !buf.is_empty() {
            set.insert(buf.clone());
        }
    }
    let set: &'static FxHashSet<String> = Box::leak(Box::new(set));
    if let Ok(mut sets) = sets.lock() {
        sets.insert(lang, set);
    }
    set
}

/// What interning works out of a spelling, kept per thread from one
/// article to the next: most spellings were met in an article before, and
/// folding one, hashing it, looking it up in the stop list and telling
/// whether it is two syllables glued cost more than a look-up (callgrind,
/// 1,500 baomoi articles: candidates 1,665 -> 1,386 M instructions).
/// Emptied when it holds [`KNOWN_MAX`] spellings, between two articles only
/// ([`Syllables::reserve`]): an article's syllables keep their numbers.
#[derive(Default)]
struct Known {
    /// Spelling → (its folded form's number, its shape).
    spellings: FxHashMap<String, (u32, Shape)>,
    /// Folded form → its number.
    numbers: FxHashMap<String, u32>,
    /// By number: the folded form, stop flag, dictionary hash, glued flag,
    /// Vietnamese flag.
    folded: Vec<(Rc<str>, bool, u64, bool, bool)>,
    buf: String,
}

/// The spellings [`Known`] holds at most (a few megabytes).
const KNOWN_MAX: usize = 1 << 16;

thread_local! {
    static KNOWN: std::cell::RefCell<Known> = std::cell::RefCell::default();
}

impl Known {
    /// A spelling's folded form (its number) and shape.
    fn spelling(&mut self, core: &str) -> (u32, Shape) {
        if let Some(&known) = self.spellings.get(core) {
            return known;
        }
        // An ampersand between two words is read as the "và" it stands for
        // ([`clauses`]): a name's fields joined so are joined by it too.
        let core_read = if core == "&" { "và" } else { core };
        fold_into(core_read, &mut self.buf);
        let number = match self.numbers.get(self.buf.as_str()) {
            Some(&f) => f,
            None => {
                let f = self.folded.len() as u32;
                let buf = self.buf.as_str();
                let vietnamese = buf.split(' ').all(vietnamese_syllable);
                self.folded.push((
                    Rc::from(buf),
                    stop_set().contains(buf),
                    syllable_hash(buf),
                    glued_syllables(buf, vietnamese),
                    vietnamese,
                ));
                self.numbers.insert(buf.to_owned(), f);
                f
            }
        };
        let known = (number, Shape::of(core_read));
        self.spellings.insert(core.to_owned(), known);
        known
    }
}

impl<'a> Syllables<'a> {
    /// Room for `n` syllables. Called once, before the article's first
    /// syllable: the thread's [`Known`] is emptied here when full.
    pub(super) fn reserve(&mut self, n: usize) {
        KNOWN.with_borrow_mut(|known| {
            if known.spellings.len() >= KNOWN_MAX {
                *known = Known::default();
            }
        });
        self.ids.reserve(n);
        self.raw_ids.reserve(n);
        self.folded.reserve(n);
        self.stop.reserve(n);
        self.hash.reserve(n);
        self.glued.reserve(n);
        self.vietnamese.reserve(n);
        self.raw.reserve(n);
        self.shapes.reserve(n);
    }

    pub(super) fn intern(&mut self, core: &'a str) -> (u32, u32) {
        if let Some(&(rid, id)) = self.raw_ids.get(core) {
            return (id, rid);
        }
        let rid = self.raw.len() as u32;
        self.raw.push(core);
        let id = KNOWN.with_borrow_mut(|known| {
            let (number, shape) = known.spelling(core);
            self.shapes.push(shape);
            match self.ids.get(&number) {
                Some(&i) => i,
                None => {
                    let i = self.folded.len() as u32;
                    let (folded, stop, hash, glued, vietnamese) = &known.folded[number as usize];
                    let foreign_stop = self.foreign_stop.is_some_and(|set| set.contains(&**folded));
                    self.stop.push(*stop || foreign_stop);
                    self.hash.push(*hash);
                    self.glued.push(*glued);
                    self.vietnamese.push(*vietnamese);
                    self.folded.push(folded.clone());
                    self.ids.insert(number, i);
                    i
                }
            }
        });
        self.raw_ids.insert(core, (rid, id));
        (id, rid)
    }

    /// A number interned as a syllable, not as a word's spelling: the next
    /// time it is met it is a number again ([`super::numbered`]).
    fn intern_number(&mut self, core: &'a str) -> (u32, u32) {
        let (id, rid) = self.intern(core);
        self.raw_ids.remove(core);
        (id, rid)
    }

    pub(super) fn word(&self, t: &Token) -> &str {
        &self.folded[t.id as usize]
    }

    /// The dictionary hash of a token's syllable.
    pub(super) fn hash(&self, t: &Token) -> u64 {
        self.hash[t.id as usize]
    }
}

/// A token of the text: a syllable (or acronym, or foreign word).
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Token {
    /// Interned folded form.
    pub(super) id: u32,
    /// Interned spelling.
    pub(super) rid: u32,
    pub(super) cap: bool,
    pub(super) acronym: bool,
    pub(super) foreign: bool,
    pub(super) sentence_start: bool,
    pub(super) stop: bool,
    /// Part of a photo credit: "Chiến/Vnexpress", "Hùng/TTXVN" (a name's
    /// last syllable, a slash, the agency; also a stop token, so that no
    /// phrase holds it), or the first word after "Ảnh:" or "Nguồn:".
    pub(super) credit: bool,
    /// Right after a number, nothing between: "12 | MP", "100 | USD".
    pub(super) after_number: bool,
    /// Right after a dash standing alone between two words of one text:
    /// "Sở Tài nguyên - | Môi trường", "Viện Huyết học – | Truyền máu".
    pub(super) after_dash: bool,
    /// Right after a comma: "Ủy ban Khoa học, | Công nghệ"
    /// (the fields of a body's name, `fields.rs`).
    pub(super) after_comma: bool,
    /// Right before a number that names one of several: "Nhi Đồng | 1"
    /// ([`super::numbered`]).
    pub(super) before_number: bool,
    /// A foreign name's particle read as its capital ([`join_particles`]):
    /// "Charles | de | Gaulle". Counted in lower case in a headline
    /// ([`title_cased`]), as it is written.
    pub(super) particle: bool,
}

const SENTENCE_END: [char; 5] = ['.', '!', '?', '…', ':'];

/// Split a text into clauses: runs of word tokens not broken by punctuation
/// or numbers. The tokens go to `tokens`, each clause's range to `out`.
/// A `headline`'s ampersand parts two things ("MU & Real", "Conte &
/// Chelsea"); elsewhere it is read as "và" (below).
pub(super) fn clauses<'a>(
    text: &'a str,
    headline: bool,
    syl: &mut Syllables<'a>,
    tokens: &mut Vec<Token>,
    out: &mut Vec<std::ops::Range<usize>>,
    limit: usize,
) {
    let mut start = tokens.len();
    let first_clause = out.len();
    fn close(tokens: &[Token], out: &mut Vec<std::ops::Range<usize>>, start: &mut usize) {
        if tokens.len() > *start {
            out.push(*start..tokens.len());
        }
        *start = tokens.len();
    }
    let mut sentence_start = true;
    let mut after_number = false;
    let mut after_dash = false;
    let mut after_comma = false;
    let text_first = tokens.len();
    let mut after_credit_label = false;
    let mut credit_form = Credit::None;
    // A label in lower case right after a bracket: "(ảnh: P.L)", "(ảnh IT)".
    let mut bracket_label = usize::MAX;
    // A number right after a word, until what follows it tells whether it
    // is a designator ([`super::numbered`]).
    let mut number: Option<((usize, u32, u32), bool)> = None;
    let mut bar = false; // "| 12:50" after a byline ([`super::bylines`])
    // Punctuation with no space after it parts two words: "Nga,Tổng thống",
    // "CAFC).Ngày", "TP.HCM(phải" ([`Glued`]).
    let mut raws = text
        .split_whitespace()
        .flat_map(|w| Glued { rest: w })
        .peekable();
    while let Some(raw) = raws.next() {
        if tokens.len() >= limit {
            break;
        }
        if std::mem::take(&mut bar) {
            let flags = |i: usize| (tokens[i].cap, tokens[i].after_dash);
            for i in byline(raw, out, first_clause, flags) {
                (tokens[i].stop, tokens[i].credit) = (true, true);
            }
        }
        // Most tokens begin and end on a word's character: one character
        // looked at (callgrind, 1,500 articles: 829 -> 825 M instructions).
        let lead_len = if raw.chars().next().is_some_and(is_word_char) {
            0
        } else {
            raw.len() - raw.trim_start_matches(|c: char| !is_word_char(c)).len()
        };
        let core_end = if raw.chars().next_back().is_some_and(is_word_char) {
            raw.len()
        } else {
            raw.trim_end_matches(|c: char| !is_word_char(c)).len()
        };
        let core = if core_end > lead_len {
            &raw[lead_len..core_end]
        } else {
            ""
        };
        let lead = &raw[..lead_len];
        let trail = &raw[core_end.max(lead_len)..];
        // An ampersand standing alone after a word of the clause is the "và"
        // it stands for: "Bộ Kế hoạch & Đầu tư", "Sở GD & ĐT Hà Nội" (1,114
        // spaced so in baomoi-35k), a name's fields joined as with "và"
        // ([`super::names`]).
        let amp = raw == "&" && !headline && tokens.len() > start;
        let (core, lead) = if amp { (raw, "") } else { (core, lead) };
        if !lead.is_empty() {
            close(tokens, out, &mut start);
        }
        if !lead.is_empty()
            && (lead.contains(['“', '"', '(', '[', '‘', '\'', '«']) || lead.contains(SENTENCE_END))
        {
            // An opening quote or bracket: a capital after it may start a sentence.
            sentence_start = true;
        }
        // A spelling seen before in the article is a word, its shape known
        // ([`Shape`]): one hash look-up instead of its tests and passes
        // (callgrind, 1,500 articles: clauses 923 -> 862 M instructions).
        let word = match syl.raw_ids.get(core) {
            Some(&(rid, id)) => Some((id, rid)),
            None => (amp
                || !core.is_empty()
                    && !core
                        .bytes()
                        .all(|b| b.is_ascii_digit() || b.is_ascii_punctuation())
                    && !measure(core)
                    && !web_address(core))
            .then(|| syl.intern(core)),
        }
        .filter(|&(id, _)| !syl.glued[id as usize]);
        let Some((id, rid)) = word else {
            // Another number, or a dash: a score ("Hà Nội 1 - 0").
            number = None;
            if lead.is_empty() && tokens.len() > start && designator_digits(core) {
                let (nid, nrid) = syl.intern_number(core);
                let n = (tokens.len() - 1, nid, nrid);
                // "6,7%" is two pieces ([`Glued`]): the next says.
                if trail.is_empty() || ends_designator(trail) {
                    number = Some((n, trail.is_empty()));
                }
            }
            // Punctuation alone ("-", "–"), a number ("5/3", "2021"), a
            // measure ("PS/100", "IV/2016"), a web address or two words
            // glued: a break.
            close(tokens, out, &mut start);
            bar = raw == "|";
            if raw.contains(SENTENCE_END) {
                sentence_start = true;
            }
            after_number = trail.is_empty() && quantity(core);
            after_dash = matches!(raw, "-" | "–" | "—") && tokens.len() > text_first;
            after_comma = raw == ",";
            after_credit_label = false;
            credit_form = Credit::None;
            continue;
        };
        let Shape {
            cap,
            form,
            acronym,
            foreign,
            slash,
            ..
        } = syl.shapes[rid as usize];
        if after_credit_label {
            credit_form = form;
        }
        let in_credit = credit_form != Credit::None && form == credit_form;
        if !in_credit {
            credit_form = Credit::None;
        }
        tokens.push(Token {
            id,
            rid,
            cap,
            acronym,
            foreign,
            sentence_start,
            stop: syl.stop[id as usize] || slash || in_credit,
            credit: slash || in_credit,
            after_number: after_number && lead.is_empty(),
            // A dash on one side only is one standing alone: "Bà Rịa- Vũng
            // Tàu", "Việt Nam -Lào" (1,284 such in baomoi-35k).
            after_dash: after_dash && lead.is_empty()
                || matches!(lead, "-" | "–" | "—") && tokens.len() > text_first,
            after_comma: after_comma && lead.is_empty(),
            before_number: false,
            particle: false,
        });
        if let Some((n, bare)) = number.take() {
            // A word after the number, which says what it is
            // ([`super::numbered::settle`]).
            syl.numbers
                .push((n.0 as u32, n.1, n.2, bare && lead.is_empty()));
        }
        after_dash = false;
        after_comma = false;
        sentence_start = false;
        after_number = false;
        // A caption's or source line's label: "Ảnh: Getty", "Ảnh minh họa:
        // Getty", "Nguồn Reuters, …" (a capitalised label and a capital
        // after it, no colon), "… tại TP HCM Ảnh: TẤN THẠNH". The label is
        // no word of a name (a stop word, its clause parted from what comes
        // before it), what follows it a credit.
        let n = tokens.len() - 1;
        if lead.contains('(') {
            bracket_label = n;
        }
        let label = |k: usize| {
            (tokens[k].cap || k == bracket_label)
                && credit_label(&syl.folded[tokens[k].id as usize])
        };
        after_credit_label = false;
        // A label of two syllables: "Đồ họa: Quang Thắng", "Biểu đồ: Finviz".
        let pair = trail.starts_with(':')
            && n > start
            && tokens[n - 1].cap
            && credit_pair(
                &syl.folded[tokens[n - 1].id as usize],
                &syl.folded[id as usize],
            );
        if pair {
            part_label(tokens, out, &mut start, n - 1);
            tokens[n].stop = true;
            after_credit_label = true;
        } else if trail.starts_with(':')
            && let Some(k) = (start.max(n.saturating_sub(3))..=n).find(|&k| label(k))
        {
            part_label(tokens, out, &mut start, k);
            after_credit_label = true;
        } else if n > start && cap && label(n - 1) {
            part_label(tokens, out, &mut start, n - 1);
            tokens[n].credit = true;
            tokens[n].stop = true;
            credit_form = form;
        }
        // A foreigner's initials keep their full stop inside the name: "H.R.
        // McMaster", "George H.W. Bush", "J.K. Rowling" (a Vietnamese
        // syllable after the stop begins a sentence: "cháu Chu T.H. Chu…").
        let initials_stop = trail == "."
            && dotted_initials(core)
            && raws.peek().is_some_and(|next| foreign_capital(next));
        if !trail.is_empty() && !initials_stop {
            close(tokens, out, &mut start);
            after_comma = trail == ",";
            after_dash = matches!(trail, "-" | "–" | "—");
            if trail.contains(SENTENCE_END) {
                sentence_start = true;
            }
        }
    }
    close(tokens, out, &mut start);
    if let Some((n, _)) = number {
        syl.numbers.push((n.0 as u32, n.1, n.2, false));
    }
    // A foreign name's particles in Vietnamese only: in English or French
    // "of", "de" part a person from a club or a country ("Salah of
    // Liverpool"). One spelt as a Vietnamese syllable only in a text written
    // with Vietnamese marks: without them "la" is "là" ("Liverpool la
    // Chelsea").
    let marked = || {
        tokens[text_first..].iter().any(|t| {
            let raw = syl.raw[t.rid as usize].as_bytes();
            !raw.is_ascii() && (0..raw.len()).any(|k| vietnamese_only_utf8(&raw[k..]))
        })
    };
    let join = syl.foreign_stop.is_none().then(marked);
    for clause in &out[first_clause..] {
        unshout(syl, &mut tokens[clause.clone()]);
        if let Some(marked) = join {
            join_particles(syl, &mut tokens[clause.clone()], marked);
        }
    }
}

/// Words set in capitals, some with a vowel's marks, some without:
/// "TEAM KHÔNG HỐI HẬN KHI LẤY CHỒNG ĐIỂM DANH", "ẢNH: ĐỖ MINH". Those
/// with marks are read in lower case already ([`Shape`]); those without
/// that are spelt as Vietnamese syllables ("KHI", "DANH", "MINH") are
/// words of the same run, not acronyms, and are read so too. A run of
/// capitals none of which has a mark ("UBND TP") is left as it is, and so
/// is an acronym no Vietnamese syllable spells ("NSND", "KTTV").
fn unshout(syl: &Syllables, clause: &mut [Token]) {
    let capitals = |t: &Token| t.acronym || syl.shapes[t.rid as usize].shouted;
    let mut i = 0;
    while i < clause.len() {
        let run = clause[i..].iter().take_while(|t| capitals(t)).count();
        if run == 0 {
            i += 1;
            continue;
        }
        let span = &mut clause[i..i + run];
        if run >= 2 && span.iter().any(|t| syl.shapes[t.rid as usize].shouted) {
            for t in span.iter_mut() {
                if t.acronym && syl.vietnamese[t.id as usize] {
                    t.acronym = false;
                    t.cap = false;
                    t.foreign = false;
                }
            }
        }
        i += run;
    }
}

/// Read [`PARTICLES`] between two capitalised words (no acronyms) as
/// capitals of the name they stand in: "Charles | de | Gaulle", "Edwin |
/// van der | Sar". No Vietnamese syllable spells the word after, nor one
/// with a mark the word before ("Rio | de Janeiro": then read as foreign),
/// so that no Vietnamese text is joined ("la", "da", "le" are syllables
/// too; `marked`: the text has Vietnamese marks, else such is no particle).
pub(super) fn join_particles(syl: &Syllables, clause: &mut [Token], marked: bool) {
    let capital = |t: &Token| t.cap && !t.acronym && !t.stop;
    let name_word = |t: &Token| capital(t) && !syl.vietnamese[t.id as usize];
    let particle = |t: &Token| {
        !t.cap && (marked || !syl.vietnamese[t.id as usize]) && PARTICLES.contains(&syl.word(t))
    };
    let mut i = 1;
    while i + 1 < clause.len() {
        // Most words follow no foreign name: looked at first.
        let b = &clause[i - 1];
        if !(name_word(b) || capital(b) && syl.raw[b.rid as usize].is_ascii()) {
            i += 1;
            continue;
        }
        let n = clause[i..]
            .iter()
            .take(MAX_PARTICLES + 1)
            .take_while(|t| particle(t))
            .count();
        if n > MAX_PARTICLES {
            i += n;
            continue;
        }
        let end = i + n;
        if n > 0 && clause.get(end).is_some_and(name_word) {
            let v = syl.vietnamese[clause[i - 1].id as usize];
            let b = &mut clause[i - 1];
            (b.foreign, b.particle) = (b.foreign || v, b.particle || v);
            for t in &mut clause[i..end] {
                t.cap = true;
                t.foreign = true;
                t.stop = false;
                t.particle = true;
            }
        }
        i = end + 1;
    }
    // A model's code in lower case goes on the foreign name before it:
    // "Grand | i10", "Core | i5", "BMW | i8" ([`model_code`]).
    for i in 1..clause.len() {
        let before = &clause[i - 1];
        if before.cap
            && !before.stop
            && !syl.vietnamese[before.id as usize]
            && !clause[i].cap
            && model_code(syl.raw[clause[i].rid as usize])
        {
            let t = &mut clause[i];
            (t.cap, t.foreign, t.stop, t.particle) = (true, true, false, true);
        }
    }
}

/// Mostly capitalised (a title-case or all-caps headline): no names in it.
pub(super) fn title_cased<'t>(tokens: impl Iterator<Item = &'t Token>) -> bool {
    let (mut caps, mut all) = (0usize, 0usize);
    for t in tokens {
        all += 1;
        caps += usize::from(t.cap && !t.particle);
    }
    all >= 4 && caps * 10 > all * 7
}

/// How a photo credit's name is written, so that it is followed to its end.
#[derive(Clone, Copy, PartialEq)]
enum Credit {
    None,
    Capitals,
    Capitalised,
}

/// What a token's spelling says of it: worked out once per spelling of an
/// article, when it is interned ([`Syllables::shapes`], by raw id).
#[derive(Clone, Copy)]
struct Shape {
    cap: bool,
    /// How it is written, for a credit's name.
    form: Credit,
    acronym: bool,
    foreign: bool,
    /// A photo credit's last token ([`super::spellings::slash_credit`]).
    slash: bool,
    /// All capitals with a vowel's marks: a word set in capitals.
    shouted: bool,
}

impl Shape {
    fn of(core: &str) -> Shape {
        let cap = core.chars().next().is_some_and(char::is_uppercase);
        let (mut upper, mut lower) = (0usize, 0usize);
        for c in core.chars() {
            upper += usize::from(c.is_uppercase());
            lower += usize::from(c.is_lowercase());
        }
        // All capitals with a vowel's marks is a word set in capitals
        // ("TIẾT LỘ"), not an acronym ("HĐND", "VNĐ"): read in lower case.
        let shouted = lower == 0
            && upper >= 2
            && core
                .chars()
                .any(|c| c.is_uppercase() && !c.is_ascii() && c != 'Đ');
        // "al-Assad", "al-Qaeda": a name, its article in lower case.
        let arabic = arabic_article(core);
        let cap = cap && !shouted || arabic;
        // A credit's name goes on while its syllables are written as its
        // first one: "Ảnh: TUYẾN PHAN | Thượng tá …", "Ảnh: Thanh Hùng".
        let form = if upper >= 1 && lower == 0 {
            Credit::Capitals
        } else if cap {
            Credit::Capitalised
        } else {
            Credit::None
        };
        // Roman numerals ("VIII", "IV") count, they name nothing.
        let roman = core.bytes().all(|b| b"IVXLC".contains(&b));
        let acronym = upper >= 2 && lower == 0 && !shouted && !roman;
        let foreign = cap && !acronym && (arabic || looks_foreign(core));
        let slash = slash_credit(core);
        Shape {
            cap,
            form,
            acronym,
            foreign,
            slash,
            shouted,
        }
    }
}

/// A credit label at token `k` of the open clause (from `start`): the clause closes before it.
fn part_label(t: &mut [Token], out: &mut Vec<std::ops::Range<usize>>, start: &mut usize, k: usize) {
    if k > *start {
        out.push(*start..k);
        *start = k;
    }
    t[k].stop = true;
}

/// Two words written without the space between them: letters only
/// Vietnamese uses (a tone mark on its vowels, "ơ", "ư", "ă") in a token
/// that is not one Vietnamese syllable ("Nhấttrong", "trưởngNguyễn"). A
/// break: the words are unknown.
/// `folded`: the token folded ([`fold_into`]), `vietnamese`: its every
/// syllable shaped as Vietnamese; worked out once per syllable of an
/// article, when it is interned.
fn glued_syllables(folded: &str, vietnamese: bool) -> bool {
    folded
        .chars()
        .any(|c| matches!(c, '\u{1EA1}'..='\u{1EF9}' | 'ơ' | 'ư' | 'ă'))
        && !vietnamese
}

/// [`title_key`](crate::text::fold::title_key) of one token of NFC text, without the NFC pass.
pub(super) fn fold_into(core: &str, out: &mut String) {
    out.clear();
    let mut space = false;
    let mut word = 0;
    let mut marked = false;
    for c in core.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                if space && !out.is_empty() {
                    if marked {
                        settle_tone(out, word);
                    }
                    out.push(' ');
                    word = out.len();
                }
                space = false;
                out.push(c.to_ascii_lowercase());
            } else {
                space = true;
            }
            continue;
        }
        marked = true;
        for c in fix_lookalikes(c).to_lowercase() {
            if is_word_char(c) {
                if space && !out.is_empty() {
                    settle_tone(out, word);
                    out.push(' ');
                    word = out.len();
                }
                space = false;
                out.push(c);
            } else {
                space = true;
            }
        }
    }
    if marked {
        settle_tone(out, word);
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

/// The words of `run`, spaced, into `key` (cleared first): a word list's key.
pub(super) fn join_words(syl: &Syllables, run: &[Token], key: &mut String) {
    key.clear();
    for (k, t) in run.iter().enumerate() {
        if k > 0 {
            key.push(' ');
        }
        key.push_str(syl.word(t));
    }
}

pub(super) use super::shape::vietnamese_syllable;
pub(super) use crate::text::fold::is_word_char;
