//! Tokens: an article's text split into clauses of syllables, each syllable
//! interned once with its folded form and stop flag.

use rustc_hash::FxHashMap;

use super::stopwords::stop_set;
use crate::text::fold::fix_lookalikes;
use crate::text::segment::syllable_hash;

/// The syllables of one article, interned: folded form and stop flag.
#[derive(Default)]
pub(super) struct Syllables<'a> {
    ids: FxHashMap<String, u32>,
    pub(super) folded: Vec<String>,
    pub(super) stop: Vec<bool>,
    /// [`syllable_hash`] of the folded form, for the dictionary.
    pub(super) hash: Vec<u64>,
    /// Spelling → (raw id, syllable id).
    raw_ids: FxHashMap<&'a str, (u32, u32)>,
    pub(super) raw: Vec<&'a str>,
    buf: String,
}

impl<'a> Syllables<'a> {
    pub(super) fn reserve(&mut self, n: usize) {
        self.ids.reserve(n);
        self.raw_ids.reserve(n);
        self.folded.reserve(n);
        self.stop.reserve(n);
        self.hash.reserve(n);
        self.raw.reserve(n);
    }

    pub(super) fn intern(&mut self, core: &'a str) -> (u32, u32) {
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
                self.hash.push(syllable_hash(&self.buf));
                self.folded.push(self.buf.clone());
                self.ids.insert(self.buf.clone(), i);
                i
            }
        };
        self.raw_ids.insert(core, (rid, id));
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
#[derive(Debug, Clone, Copy)]
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
}

const SENTENCE_END: [char; 5] = ['.', '!', '?', '…', ':'];

/// Split a text into clauses: runs of word tokens not broken by punctuation
/// or numbers.
/// The tokens go to `tokens`, each clause's range to `out`.
pub(super) fn clauses<'a>(
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
    let mut after_credit_label = false;
    // A comma or semicolon with no space after it still parts two words:
    // "Nga,Tổng thống".
    for raw in text
        .split_whitespace()
        .flat_map(|w| w.split_inclusive([',', ';']))
    {
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
            || measure(core)
        {
            // Punctuation alone ("-", "–"), a number ("5/3", "2021") or a
            // measure ("PS/100", "IV/2016"): a break.
            close(tokens, &mut start);
            if raw.contains(SENTENCE_END) {
                sentence_start = true;
            }
            after_credit_label = false;
            continue;
        }
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
        let cap = cap && !shouted;
        // Roman numerals ("VIII", "IV") count, they name nothing.
        let roman = core.bytes().all(|b| b"IVXLC".contains(&b));
        let acronym = upper >= 2 && lower == 0 && !shouted && !roman;
        let foreign = cap && !acronym && looks_foreign(core);
        let (id, rid) = syl.intern(core);
        let slash = slash_credit(core);
        tokens.push(Token {
            id,
            rid,
            cap,
            acronym,
            foreign,
            sentence_start,
            stop: syl.stop[id as usize] || slash,
            credit: slash || after_credit_label,
        });
        sentence_start = false;
        after_credit_label =
            trail.starts_with(':') && credit_label(syl.word(&tokens[tokens.len() - 1]));
        if !trail.is_empty() {
            close(tokens, &mut start);
            if trail.contains(SENTENCE_END) {
                sentence_start = true;
            }
        }
    }
    close(tokens, &mut start);
}

/// A photo credit's last token: a name's syllable, a slash and an agency
/// ("Chiến/Vnexpress", "Hùng/TTXVN"), not two acronyms ("ASOJ/SOJC") or a
/// date.
fn slash_credit(core: &str) -> bool {
    core.split_once('/').is_some_and(|(name, agency)| {
        name.chars().next().is_some_and(char::is_uppercase)
            && name.chars().skip(1).any(char::is_lowercase)
            && agency.chars().next().is_some_and(char::is_uppercase)
    })
}

/// A measure, a unit or a period: a number and its unit ("300kg", "15m"),
/// a slash over a number ("PS/100", "IV/2016") or a unit ("USD/ounce",
/// "đồng/kg"). "4G" and "U21" are names; "Chiến/Vnexpress" a credit.
fn measure(core: &str) -> bool {
    let digits = core.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && core[digits..].chars().all(char::is_lowercase) {
        return true;
    }
    core.split_once('/').is_some_and(|(a, b)| {
        [a, b]
            .iter()
            .any(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()))
            || !a.is_empty() && b.chars().next().is_some_and(char::is_lowercase)
    })
}

/// The label of a photo credit or a source line, before its colon:
/// "Ảnh: Thanh Hùng", "Nguồn: Reuters" (folded).
fn credit_label(folded: &str) -> bool {
    matches!(folded, "ảnh" | "nguồn")
}

/// [`title_key`](crate::text::fold::title_key) of one token of NFC text, without the NFC pass.
pub(super) fn fold_into(core: &str, out: &mut String) {
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

pub(super) use crate::text::fold::is_word_char;
