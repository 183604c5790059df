//! Scoring and ranking candidates: TF-IDF with BM25's saturating tf; and
//! which candidates need other articles to hold them ([`needs_company`],
//! [`company_needed`]).

use super::candidates::Candidate;
use crate::text::segment::{dictionary, more_words};

/// Score factor for a name (a run of capitalised syllables).
pub const NAME_WEIGHT: f64 = 1.6;
/// Extra factor for a name right after an administrative word ("tỉnh Thái Bình").
pub const PLACE_WEIGHT: f64 = 2.0;
/// BM25's k1: how fast repeated occurrences stop adding to the score.
pub const TF_SATURATION: f64 = 1.2;

/// The smoothed inverse document frequency.
pub fn idf(doc_count: u64, df: u64) -> f64 {
    ((doc_count as f64 + 1.0) / (df.min(doc_count) as f64 + 1.0)).ln() + 1.0
}

/// The fewest other articles a candidate's idf counts once the store holds
/// [`SHARED_STORE`] articles besides the one ranked ([`score`]): one no
/// other article holds, or one other, weighs as one two others hold. A phrase that rare is
/// no rarer for it, and its idf ranked it above what the article is about:
/// in baomoi-35k's story of Japan's railways readying for a missile,
/// "Công ty Hankyu" (said once, no other article) took the fifth place and,
/// needing company ([`needs_company`]), waited in it, so that the article
/// showed two keywords; now "Triều Tiên" (said three times) is linked
/// there. Such phrases are cut or run on more often than the rest (a blind
/// reading of baomoi-35k's pairs this took off and brought in: 89 of 100
/// whole against 96 of 100; BENCHMARKS.md, session 53), and most of them
/// waited: 6 % more links in all (132,476 → 140,925). As a minimum
/// document frequency is to a search engine's term weights.
pub const SHARED_DF: u64 = 2;

/// The store's size (the articles besides the one ranked: `score`'s
/// `doc_count`) from which [`SHARED_DF`] counts. In a smaller one two
/// other articles are a share worth telling apart from none (6 % of the 31
/// demo articles, 0.006 % of baomoi-35k): with the floor, most of the
/// demo's candidates tied and a generic word ("sử dụng", "báo cáo") took a
/// title's word's place.
pub const SHARED_STORE: u64 = 1_000;

/// A candidate's score given its document frequency (`df`: the other
/// articles that hold it; where `doc_count`, the articles besides this one,
/// is [`SHARED_STORE`] or more, fewer than [`SHARED_DF`] count as that many).
pub fn score(c: &Candidate, doc_count: u64, df: u64) -> f64 {
    let mut w = 1.0;
    if c.name {
        w *= NAME_WEIGHT;
    }
    if c.place {
        w *= PLACE_WEIGHT;
    }
    let tf = f64::from(c.tf);
    let df = if doc_count >= SHARED_STORE {
        df.max(SHARED_DF)
    } else {
        df
    };
    tf * (TF_SATURATION + 1.0) / (tf + TF_SATURATION) * idf(doc_count, df) * w
}

/// A phrase in lower case of two syllables or more that is no dictionary
/// word nor a known phrase ([`known_phrases`]): "lịch trình bận rộn", "đưa
/// thuốc độc", "giá dầu thô", by its shown spelling and its key. A term only
/// if the news uses it again: the store lets it be an auto keyword only
/// when other articles hold it too, two or more as the store grows
/// ([`free_company`], `store::keywords`).
/// Of such keywords that no other baomoi article held, two blind readers
/// called 60 of 120 whole words, the rest stretches of their sentence
/// ("phản kháng dữ dội", "nạn nhân hoảng loạn") or cut ("giá cuối";
/// BENCHMARKS.md); of those one other article held, a third reader 58 of
/// 100. A name, a phrase with a capital past its first letter ("thôn Đống
/// Chanh"; the first may start a sentence), a dictionary word ("vỉa hè"), a
/// word a segmenter's vocabulary holds ("lở đất", [`more_words`]) or a
/// known phrase ("thương hiệu") is no free phrase: it needs company only as
/// any candidate does, when its article mentions it once
/// ([`needs_company`]).
pub fn free_phrase(display: &str, key: &str) -> bool {
    free_shape(display, key) && !known_phrases().contains(key)
}

/// Does the candidate need other articles to hold it before it is an
/// auto keyword? A [`free_phrase`]; or a phrase the article mentions once,
/// outside its title (`tf` 1: a title's occurrence counts
/// [`TITLE_WEIGHT`](super::TITLE_WEIGHT)): [`ONCE_COMPANY`] others, unless
/// it is a place named after its administrative word ("tỉnh Thái Bình":
/// where the news happened, whole by its marker; taking the exemption off
/// cost the design page its "Thái Bình", and related stories another 0.1
/// point of their share in their section). "McGuireWoods", the law firm of a person the article is about; "Qatar
/// Hamad", a country and a cut name. Its highest idf ranks it high, yet it
/// says little of the article and leads to no other; and such a keyword is
/// cut more often than the rest ("Công ty Uber" of "Công ty Uber BV", "Cục
/// Thông" of "Cục Thông kê"): of 120 such keywords of baomoi articles taken
/// off, two blind readers called 82 % whole against 91 % of those kept
/// (BENCHMARKS.md). The store links it later, when enough others hold it
/// (`waiting_keywords`).
pub fn needs_company(c: &Candidate) -> bool {
    company_needed(c, 0) > 0
}

/// How many other articles must hold a phrase its article mentions once
/// ([`needs_company`]) before it is an auto keyword: two. Of the keywords
/// of baomoi-35k's articles this takes off beyond one (3.6 % of the pairs),
/// two blind readers called 113 of 131 whole, against 189 of 200 kept
/// (BENCHMARKS.md, session 51).
pub const ONCE_COMPANY: u64 = 2;

/// How many other articles of a store of `docs` articles must hold a
/// candidate before it is an auto keyword: [`free_company`] for a
/// [`free_phrase`], [`ONCE_COMPANY`] for a phrase the article mentions
/// once ([`needs_company`]), else none.
pub fn company_needed(c: &Candidate, docs: u64) -> u64 {
    Company::of(c).others(docs)
}

/// What a candidate asks of other articles before it is an auto keyword,
/// to be weighed when it is judged: a store that is importing thousands of
/// articles is bigger at the end than when it scored the first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Company {
    /// This many others, whatever the store's size: none for most,
    /// [`ONCE_COMPANY`] for a phrase the article mentions once
    /// ([`needs_company`]).
    Others(u64),
    /// A [`free_phrase`], with a digit or not: [`free_company`] of the
    /// store's size.
    Free { digit: bool },
}

impl Company {
    /// What `c` asks.
    pub fn of(c: &Candidate) -> Company {
        if free_phrase(&c.display, &c.key) {
            Company::free(&c.display)
        } else {
            Company::Others(if c.tf == 1 && !c.place {
                ONCE_COMPANY
            } else {
                0
            })
        }
    }

    /// What a [`free_phrase`] shown as `display` asks.
    pub fn free(display: &str) -> Company {
        Company::Free {
            digit: has_digit(display),
        }
    }

    /// How many other articles that is in a store of `docs` articles.
    pub fn others(self, docs: u64) -> u64 {
        match self {
            Company::Others(n) => n,
            Company::Free { digit: true } => 1,
            Company::Free { digit: false } => (docs / FREE_SHARE).max(2),
        }
    }
}

/// How many other articles must hold a [`free_phrase`] in a store of
/// `docs` articles: one for a phrase with a digit, most often a model's
/// name written in lower case with its number ("Iphone 7", "Falcon 9");
/// else one for each [`FREE_SHARE`] articles of the store, and at least two.
/// Of the free phrases of baomoi-35k that only one other article held (2.3 %
/// of the keyword–article pairs), a blind reader called 58 of 100 whole,
/// against about 90 % of all auto keywords ("khách hàng phản ứng", "thành
/// phố buồn", "tăng lượt" were not; BENCHMARKS.md, session 39). Two were
/// not enough either: of those three to eleven of its 35,440 articles held,
/// the readers called 56 of 84 whole (67 %), of those twelve or more held 29
/// of 32 (91 %): "tẩm xăng", "cung cấp vũ khí", "sốc nặng" are phrases any
/// story may write a few times, and what sets a term apart is that the news
/// keeps using it, a share of the articles rather than a count
/// (BENCHMARKS.md, session 42).
pub fn free_company(display: &str, docs: u64) -> u64 {
    Company::free(display).others(docs)
}

/// A phrase with a digit: most often a model's name with its number.
fn has_digit(display: &str) -> bool {
    display.bytes().any(|b| b.is_ascii_digit())
}

/// A [`free_phrase`] needs one other article for each this many articles
/// of the store, and at least two ([`free_company`]): eleven others of
/// baomoi-35k's 35,440 articles, two in a store of fewer than 9,000.
pub const FREE_SHARE: u64 = 3_000;

/// [`free_phrase`] without the known phrases: what the list is made of
/// (before [`more_words`] was: some of the list are on it now).
pub fn free_shape(display: &str, key: &str) -> bool {
    // Two words as written: "Kwangmyongsong-2", "Co-founder" are one.
    display.split_whitespace().nth(1).is_some()
        && !display.chars().skip(1).any(char::is_uppercase)
        && {
            let syllables: Vec<&str> = key.split(' ').collect();
            !dictionary().contains(&syllables) && !more_words().contains(&syllables)
        }
}

/// `assets/phrases-vi.txt`: the [`free_shape`] phrases three or more
/// articles of the Dân trí 2,653 set hold ("thương hiệu", "bảng xếp hạng",
/// "tai nạn giao thông"), so that a store too small to show that the news
/// uses them again keeps them (`examples/known_phrases.rs` makes it).
const PHRASES_VI: &str = include_str!("../../../assets/phrases-vi.txt");

/// The known phrases, by key, parsed on first use.
pub fn known_phrases() -> &'static rustc_hash::FxHashSet<&'static str> {
    static SET: std::sync::LazyLock<rustc_hash::FxHashSet<&'static str>> =
        std::sync::LazyLock::new(|| {
            PHRASES_VI
                .lines()
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .collect()
        });
    &SET
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
    rank_blocking(cands, dfs, doc_count, max, |_| false)
}

/// [`rank`], where a candidate `blocked` says goes on past its end across
/// the store ([`Next::goes_on`](super::Next::goes_on)) keeps its place in
/// the ranking and is not returned: the article has a keyword fewer rather
/// than the next candidate moved up, and the words it contains stay in the
/// running ("bán hàng" of "bán hàng đa | cấp").
pub fn rank_blocking(
    cands: &[Candidate],
    dfs: &[u64],
    doc_count: u64,
    max: usize,
    blocked: impl Fn(&Candidate) -> bool,
) -> Vec<String> {
    let mut scored: Vec<(f64, &Candidate)> = cands
        .iter()
        .zip(dfs.iter().copied().chain(std::iter::repeat(0)))
        .map(|(c, df)| (score(c, doc_count, df), c))
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.key.cmp(&b.1.key)));
    let mut chosen: Vec<&Candidate> = Vec::with_capacity(max);
    let mut places = 0;
    for (_, c) in scored {
        if places >= max {
            break;
        }
        // Only cited as the source of the news: no keyword, no place.
        if c.source {
            continue;
        }
        // Contained in a better one and hardly ever seen outside it: adds nothing.
        if chosen
            .iter()
            .any(|k| c.tf * 4 <= k.tf * 5 && contains_phrase(&k.key, &c.key))
        {
            continue;
        }
        places += 1;
        if !blocked(c) {
            chosen.push(c);
        }
    }
    chosen.into_iter().map(|c| c.display.clone()).collect()
}
