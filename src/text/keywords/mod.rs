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
//!   two-word phrase. A phrase is kept only when most of its occurrences
//!   begin and end on word boundaries ([`crate::text::segment`]: dictionary
//!   words, names as units; issue 15), so "nhập cảnh trái" (of "trái phép")
//!   or "Y tế Nguyễn Thanh" (of "Nguyễn Thanh Long") never is. A phrase is
//!   also dropped as a *fragment* when a whole-word phrase one syllable
//!   longer containing it occurs at least 80 % as often (5-grams are
//!   counted for this and never kept); and in [`rank`] a candidate
//!   contained in a better one already chosen is dropped. Nor is a phrase
//!   kept that reads as a stretch of a sentence: one beginning or ending on
//!   a function word, a classifier or a unit ("thuộc khoa Hồi sức", "trẻ
//!   dưới"), or a name going on in lower case ("Nga thích").
//!
//! Each candidate also says what follows its runs ([`Next`]: a majority vote
//! of the next syllable). The store adds these up over its articles, and a
//! phrase that goes on with the same word nearly every time ("Cục Nghệ
//! thuật | biểu diễn", "bán hàng đa | cấp") is no keyword anywhere
//! ([`Next::goes_on`], `store::keywords`): what one article cannot settle
//! when it names the body once, or always in full.
//!
//! A name is also counted with the number that names one of several
//! ("Bệnh viện Nhi Đồng 1"), and a number after a run is what follows it
//! ([`numbered`]).
//!
//! Punctuation with no space after it parts words ("CAFC).Ngày"), and a
//! caption's label ("Ảnh", "Nguồn") is no word of a name.
//!
//! Names follow a body's words to their end ("TMCP Xuất" → "TMCP Xuất
//! nhập khẩu", a body's name capitalising the first syllable of each word)
//! and are split before a person's family name ("Chính phủ | Trịnh Đình
//! Dũng"), and a common noun for people or a form of address before a name
//! is no word of it ("Bản thân | Công Phượng", "Em | Lê Kiều Linh").
//! Abbreviations that name nothing ("SN"), newspapers' names ("Dân Việt")
//! and ministries' names a comma cuts after their first field ("Sở Văn
//! hóa") are never keywords (`assets/not-keywords-vi.txt`).
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
//! [`crate::text::clean()`]); folding here is [`title_key`] for NFC input.
//!
//! The code, each file importing only from files listed before it (this one
//! declares them and re-exports their API): `stopwords` (the word list
//! `assets/stopwords-vi.txt`, parsed once), `tokens` (clauses of interned
//! syllables), `counter` (occurrences and spellings), `name_words` (the word
//! lists names are shaped by), `names` (capitalised runs), `neighbours` (a
//! name checked against its own article: one that goes on, lost its head,
//! runs two names together or only signs the article is cut), `abbrev`
//! (an acronym of a common term the article writes out in lower case, cut),
//! `follow` (what follows a phrase's run, for [`Next`]),
//! `candidates` (the steps from an article to its candidates), `score`
//! (TF-IDF and ranking).
//! Parts of speech come from [`crate::text::pos`].

mod abbrev;
mod bylines;
mod candidates;
mod counter;
mod countries;
mod degree;
mod digits;
mod fields;
mod follow;
mod given;
mod glued;
mod goes_on;
mod heads_off;
mod initials;
mod kinds;
mod name_words;
mod names;
mod neighbours;
mod numbered;
mod papers;
mod particles;
mod runs;
mod score;
mod shape;
mod spellings;
mod stopwords;
mod tokens;

use std::collections::HashMap;

use crate::model::NewArticle;
use crate::text::fold::title_key;

pub use candidates::{Candidate, MAX_BODY_SYLLABLES, TITLE_WEIGHT};
pub use counter::{GOES_ON_RUNS, Next};
pub use score::{
    Company, FREE_SHARE, NAME_WEIGHT, ONCE_COMPANY, PLACE_WEIGHT, SHARED_DF, SHARED_STORE,
    TF_SATURATION, company_needed, free_company, free_phrase, free_shape, idf, known_phrases,
    needs_company, rank, rank_blocking, score,
};
#[cfg(test)]
use stopwords::STOP_SYLLABLES;
use stopwords::{stop_phrase_set, stop_set};
#[cfg(test)]
use tokens::fold_into;

/// How many auto keywords an article gets.
pub const DEFAULT_MAX: usize = 5;

/// The candidate phrases of an article (the steps of `candidates.rs`, sorted
/// by key). A panic in the rules (a bug) gives none: the article gets no
/// auto keywords, and a note names it for the command to report
/// ([`guard`](crate::text::guard); `import`, `update` and `feed add` do).
/// The same article gives the same answer every time, also when its old
/// version's candidates are taken back out, so the document counts it
/// added are the ones it takes away.
pub fn candidates(article: &NewArticle) -> Vec<Candidate> {
    use crate::text::guard;
    guard::catch(|| candidates::candidates(article)).unwrap_or_else(|why| {
        let name = article.url.as_deref().unwrap_or(&article.title);
        let why = crate::text::clean(&why);
        guard::note(format!(
            "{name}: no auto keywords: the keyword rules failed on it ({why}); please report \
             this article"
        ));
        Vec::new()
    })
}

/// Is this syllable (any case, any look-alike) a stop word?
pub fn is_stop_word(syllable: &str) -> bool {
    let key = title_key(syllable);
    stop_set().contains(key.as_str()) || stop_phrase_set().contains(key.as_str())
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

/// The words of a text ([`crate::text::segment::words_with`]), a
/// capitalised stop word ("Theo", "Tại") never starting or joining a name.
pub fn words(text: &str) -> Vec<std::ops::Range<usize>> {
    crate::text::segment::words_with(text, |w| stop_set().contains(w))
}

/// The content words of a text, as keys
/// ([`title_key`](crate::text::fold::title_key)), in order, repeats kept: its
/// names and dictionary words of two or more syllables, and its acronyms
/// ("EU", "THPT"), without the stop phrases ("cho biết"). What related
/// stories are compared by.
pub fn content_words(text: &str) -> Vec<String> {
    words(text)
        .into_iter()
        .filter_map(|r| {
            let w = &text[r];
            let multi = w.contains(char::is_whitespace);
            let acronym = !multi
                && w.chars().filter(|c| c.is_uppercase()).count() >= 2
                && !w.chars().any(char::is_lowercase);
            if !(multi || acronym) {
                return None;
            }
            let key = title_key(w);
            (!key.is_empty() && !is_stop_word(&key)).then_some(key)
        })
        .collect()
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod tests_run_ons;

#[cfg(test)]
mod tests_neighbours;

#[cfg(test)]
mod tests_next;

#[cfg(test)]
mod tests_numbered;

#[cfg(test)]
mod tests_places;

#[cfg(test)]
mod tests_titles;

#[cfg(test)]
mod tests_heads;
#[cfg(test)]
mod tests_name_ends;

#[cfg(test)]
mod tests_particles;

#[cfg(test)]
mod tests_credits;

#[cfg(test)]
mod tests_given;

#[cfg(test)]
mod tests_score;

#[cfg(test)]
mod tests_ampersand;
#[cfg(test)]
mod tests_phrases;
