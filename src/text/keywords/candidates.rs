//! The candidate phrases of an article, in named steps: tokenize the texts
//! into clauses, count the names, find the stop-word-free stretches, count
//! their n-grams level by level, settle which candidates are names, mark the
//! fragments, and collect what is left under its key and display form.

use std::ops::Range;
use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use super::counter::{Acc, Counter, MAX_N, Next, gram};
use super::countries::{country_prefix, is_province, join_dashed_places};
use super::degree::{verb_and_degree, very};
use super::fields::join_fields;
use super::follow::next_word;
use super::goes_on::ends_inside_a_word;
use super::heads_off::HEADS_OFF;
use super::initials::anonymised;
use super::kinds::{PEOPLE_SET, noun_and_name, school_level_ending};
use super::name_words::{CONTINENTS, HEAD_NOUNS, TITLE_SET};
use super::names::{FIELD_HEADS, QUALIFIERS};
use super::neighbours;
use super::papers::a_papers_name;
use super::runs::{Clause, count_names};
use super::stopwords::{EDGE_END, EDGE_START, YOUNGER, not_keyword_set, stop_pair_set};
use super::tokens::{
    Syllables, Token, clauses, foreign_stop_set, title_cased, vietnamese_syllable,
};
use crate::model::NewArticle;
use crate::text::fold::fix_lookalikes;
use crate::text::lang::{self, Language};
use crate::text::pos::{Pos, pos_table};
use crate::text::segment::{MAX_WORD_SYLLABLES, dictionary, is_surname};

/// An occurrence in the title counts this many times.
pub const TITLE_WEIGHT: u32 = 3;
/// Keywords come from the title, the lead and this many syllables of the
/// body: news says who, where and what first, and it bounds the cost of a
/// long article (the baomoi median is 430 syllables, the longest 8,000).
pub const MAX_BODY_SYLLABLES: usize = 500;

/// A candidate phrase of one article.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// The [`title_key`](crate::text::fold::title_key) of the phrase: what
    /// is counted and merged.
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
    /// A name the article only cites as the source of its news ("theo
    /// RBTH", "hãng tin Reuters", "AFP đưa tin"): counted, as every
    /// candidate is, so that the outlet stays common and ranks low where
    /// another article names it otherwise; never one of this article's
    /// keywords, nor does it take a keyword's place.
    pub source: bool,
    /// What follows its runs in the article: the store adds these up
    /// ([`Next::goes_on`]).
    pub next: Next,
}

/// A run of at least two tokens of one clause without a stop syllable.
struct Stretch {
    weight: u32,
    start: usize,
    end: usize,
    /// The end of its clause.
    clause_end: usize,
}

/// The candidate phrases of an article, sorted by key. Used both to update
/// the document-frequency statistics and to score. Each name is checked
/// against its neighbours in the article ([`neighbours`]) once the names,
/// and again once the n-grams, are counted.
pub fn candidates(article: &NewArticle) -> Vec<Candidate> {
    let mut syl = Syllables::default();
    // An article in another language gets its stop words; one in a script
    // written without spaces no keywords: its runs are sentences, not words.
    let texts = std::iter::once(article.title.as_str())
        .chain(article.lead.as_deref())
        .chain(article.paragraphs.iter().map(|p| p.text.as_str()));
    match lang::language(texts) {
        Language::Vietnamese => {}
        Language::Spaced(other) => syl.foreign_stop = Some(foreign_stop_set(other)),
        Language::Uncut(_) => return Vec::new(),
    }
    let (mut tokens, clauses, whole) = tokenize(article, &mut syl);
    neighbours::settle_name_ends(&syl, &mut tokens, clauses.iter().map(|c| c.range.clone()));
    let mut counter = Counter::with_capacity(tokens.len());
    let (units, places, joins) = count_names(&syl, &tokens, &clauses, &mut counter);
    let before = neighbours::cut_before(&counter, &joins);
    let unit = neighbours::mark_cuts(&syl, &tokens, &units, &places, whole, &mut counter);
    let ranges = || clauses.iter().map(|c| c.range.clone());
    super::abbrev::mark_common_terms(&syl, &tokens, ranges(), &units, &places, &mut counter);
    neighbours::settle_joins(&mut counter, &joins, &before);
    neighbours::mark_cut_by_longer(&syl, &mut counter);
    let bounds = word_bounds(&syl, &tokens, &clauses, &units);
    let (stretches, pair_stop) = stop_free_stretches(&syl, &tokens, &clauses);
    count_ngrams(&syl, &tokens, &stretches, &pair_stop, &bounds, &mut counter);
    neighbours::mark_cut_persons(&syl, &tokens, ranges(), &unit, &mut counter);
    super::given::mark_given_names(&syl, &tokens, &mut counter);
    settle_names(&mut counter);
    let fragment = fragments(&syl, &tokens, &clauses, &counter);
    let mut out = collect(&syl, &tokens, &counter, &fragment);
    merge_equal_keys(&mut out);
    out
}

/// Split the title, the lead and the body (up to [`MAX_BODY_SYLLABLES`]
/// syllables) into tokens and clauses; and whether the body was read to its
/// end (its last words are the article's: a byline may be there).
fn tokenize<'a>(
    article: &'a NewArticle,
    syl: &mut Syllables<'a>,
) -> (Vec<Token>, Vec<Clause>, bool) {
    let mut texts: Vec<(&str, u32)> = vec![(article.title.as_str(), TITLE_WEIGHT)];
    if let Some(lead) = &article.lead {
        texts.push((lead, 1));
    }
    texts.extend(article.paragraphs.iter().map(|p| (p.text.as_str(), 1)));
    let size: usize = texts.iter().map(|t| t.0.len()).sum();
    syl.reserve(size / 16);
    let mut tokens: Vec<Token> = Vec::with_capacity(size / 5);
    let mut all: Vec<Clause> = Vec::new();
    let mut cl = Vec::new();
    let mut tokens_before_body = 0;
    let mut whole_body = true;
    for (text, weight) in texts {
        cl.clear();
        // Title and lead whole, the body up to the budget.
        let whole = weight > 1 || Some(text) == article.lead.as_deref();
        let limit = if whole {
            usize::MAX
        } else {
            tokens_before_body + MAX_BODY_SYLLABLES
        };
        if tokens.len() >= limit {
            whole_body = false;
            break;
        }
        clauses(text, weight > 1, syl, &mut tokens, &mut cl, limit);
        join_fields(syl, &tokens, &mut cl);
        join_dashed_places(syl, &mut tokens, &mut cl);
        whole_body &= tokens.len() < limit;
        if whole {
            tokens_before_body = tokens.len();
        }
        let skip_names = weight > 1 && title_cased(cl.iter().flat_map(|r| &tokens[r.clone()]));
        all.extend(cl.drain(..).map(|range| Clause {
            weight,
            range,
            names: !skip_names,
        }));
    }
    // The clause the budget cut is not whole: "hoạt động bán hàng đa |
    // cấp", "ông Nguyễn Xuân | Phúc". Left out.
    if !whole_body
        && all.last().is_some_and(|c| c.range.end == tokens.len())
        && let Some(c) = all.pop()
    {
        tokens.truncate(c.range.start);
    }
    super::numbered::settle(syl, &mut tokens);
    (tokens, all, whole_body)
}

/// Where words start and names lie, per token, for [`Bounds::aligned`].
struct Bounds {
    /// `start[i]`: a word starts at token i (one more entry: the end).
    start: Vec<bool>,
    /// The name a token is in (`u32::MAX`: none).
    unit: Vec<u32>,
    /// Where each name starts (its index in `unit`).
    unit_start: Vec<usize>,
    /// Each name has a syllable Vietnamese spelling does not make, or is a
    /// Vietnamese person's full name ([`vietnamese_person`]): joined to a
    /// name before it, it makes no phrase.
    foreign: Vec<bool>,
    /// Where each name ends (its index in `unit`): the token after it.
    unit_end: Vec<usize>,
    /// Each name is cut short ([`Cut::Short`]): no phrase ends where it
    /// does ("Cựu | giám đốc Cục").
    short: Vec<bool>,
}

impl Bounds {
    /// Is tokens[s..e] made of whole words, and of whole names unless it
    /// lies inside one? "nhập cảnh trái" cuts "trái phép"; "Y tế Nguyễn
    /// Thanh" cuts "Nguyễn Thanh Long". Nor does a name run on into the
    /// lowercase words after it: they say what it did ("Hữu Thắng phát
    /// biểu", "James đòi đi"), where words before it may name it ("tỉnh
    /// Thái Bình", "bầu cử Mỹ").
    fn aligned(&self, tokens: &[Token], s: usize, e: usize) -> bool {
        let (us, ue) = (self.unit[s], self.unit[e - 1]);
        let starts_inside = us != u32::MAX && s > 0 && self.unit[s - 1] == us;
        let ends_inside = ue != u32::MAX && self.unit.get(e) == Some(&ue);
        let runs_on = us != u32::MAX && !starts_inside && {
            let end = self.unit_end[us as usize];
            end < e && !tokens[end].cap
        };
        let ends_short = ue != u32::MAX && self.short[ue as usize] && !ends_inside;
        // A foreign name the name runs parted from the capitals before it,
        // or from a name of their own, joined again: "Pháp | Marine Le
        // Pen", "Tổng thống Pháp | Macron" (not "Sở GTVT | Hà Nội").
        let joins_names = ue != u32::MAX
            && !ends_inside
            && us != ue
            && self.foreign[ue as usize]
            && (us != u32::MAX && !starts_inside
                // (A run emitted as cut may hold later ones: "Tổng thống
                // Putin" holds "Putin"; a phrase may start after its start.)
                || tokens[s..self.unit_start[ue as usize].max(s)]
                    .iter()
                    .all(|t| t.cap));
        self.start[s]
            && self.start[e]
            && !(starts_inside && ue != us)
            && !(ends_inside && us != ue)
            && !runs_on
            && !ends_short
            && !joins_names
    }
}

/// Segment every clause into words: names are units (a person's name is one
/// word; a body's name is cut by the dictionary, "Ban | Dân vận | Tỉnh
/// ủy"), the rest by the dictionary.
fn word_bounds(
    syl: &Syllables,
    tokens: &[Token],
    clauses: &[Clause],
    units: &[(Range<usize>, bool)],
) -> Bounds {
    let mut start = vec![true; tokens.len() + 1];
    let mut unit = vec![u32::MAX; tokens.len()];
    for (k, (u, _)) in units.iter().enumerate() {
        unit[u.clone()].fill(k as u32);
    }
    let dict = dictionary();
    let mut words: Vec<u64> = Vec::new();
    let mut cut = |range: Range<usize>, start: &mut [bool]| {
        words.clear();
        words.extend(tokens[range.clone()].iter().map(|t| syl.hash(t)));
        let mut i = range.start;
        for len in dict.segment(&words, |k| tokens[range.start + k].stop) {
            start[i + 1..i + len].fill(false);
            i += len;
        }
    };
    for c in clauses {
        let mut i = c.range.start;
        while i < c.range.end {
            let u = unit[i];
            let mut j = i + 1;
            while j < c.range.end && unit[j] == u {
                j += 1;
            }
            if u == u32::MAX {
                cut(i..j, &mut start);
            } else if is_surname(syl.word(&tokens[i])) {
                start[i + 1..j].fill(false);
            } else {
                cut(i..j, &mut start);
            }
            i = j;
        }
    }
    Bounds {
        start,
        unit,
        unit_start: units.iter().map(|u| u.0.start).collect(),
        foreign: units
            .iter()
            .map(|u| {
                let run = &tokens[u.0.clone()];
                run.iter()
                    .any(|t| !t.acronym && !vietnamese_syllable(syl.word(t)))
                    || vietnamese_person(syl, run)
                        && !school_level_ending(syl, &tokens[..u.0.start])
            })
            .collect(),
        unit_end: units.iter().map(|u| u.0.end).collect(),
        short: units.iter().map(|u| u.1).collect(),
    }
}

/// Is a name a Vietnamese person's full name, for [`Bounds::aligned`]: three
/// or four syllables, a family name first, in capitals, no acronym, no
/// country nor province ("TP.HCM | Nguyễn Thiện Nhân" joined again is two
/// names, as "Pháp | Marine Le Pen" is; not "Sở GTVT Hà Nội", nor a school's
/// name after its level, "THPT Phan Đình Phùng": the caller asks)?
fn vietnamese_person(syl: &Syllables, run: &[Token]) -> bool {
    (3..=4).contains(&run.len())
        && is_surname(syl.word(&run[0]))
        && run
            .iter()
            .all(|t| t.cap && !t.acronym && vietnamese_syllable(syl.word(t)))
        && !is_province(syl, run)
        && country_prefix(syl, run).is_none()
}

/// The stop-word-free stretches, and a flag per token: it and the next make
/// a stop phrase.
fn stop_free_stretches(
    syl: &Syllables,
    tokens: &[Token],
    clauses: &[Clause],
) -> (Vec<Stretch>, Vec<bool>) {
    let pairs = stop_pair_set();
    let mut stretches: Vec<Stretch> = Vec::new();
    let mut pair_stop = vec![false; tokens.len()];
    for c in clauses {
        let mut i = c.range.start;
        while i < c.range.end {
            if tokens[i].stop {
                i += 1;
                continue;
            }
            let start = i;
            while i < c.range.end && !tokens[i].stop {
                i += 1;
            }
            if i - start < 2 {
                continue;
            }
            for k in start..i - 1 {
                pair_stop[k] = pairs.contains(&(syl.word(&tokens[k]), syl.word(&tokens[k + 1])));
            }
            stretches.push(Stretch {
                weight: c.weight,
                start,
                end: i,
                clause_end: c.range.end,
            });
        }
    }
    (stretches, pair_stop)
}

/// N-grams level by level, a priori: an n-gram that occurs twice has both
/// its (n-1)-grams occurring twice, so only those are extended (title
/// n-grams always are). No n-gram starts or ends with a stop phrase, so none
/// contains one.
fn count_ngrams(
    syl: &Syllables,
    tokens: &[Token],
    stretches: &[Stretch],
    pair_stop: &[bool],
    bounds: &Bounds,
    counter: &mut Counter,
) {
    let mut alive = vec![true; tokens.len() + 1];
    let mut at = vec![usize::MAX; tokens.len()];
    for n in 2..=MAX_N + 1 {
        for &Stretch {
            weight,
            start,
            end,
            clause_end,
        } in stretches
        {
            at[start..end].fill(usize::MAX);
            if end - start < n {
                continue;
            }
            for i in start..=end - n {
                if alive[i] && alive[i + 1] && !pair_stop[i] && !pair_stop[i + n - 2] {
                    let aligned = bounds.aligned(tokens, i, i + n);
                    let g = &tokens[i..i + n];
                    at[i] = counter.add(syl, g, weight, false, false, aligned);
                    // Only phrases of up to MAX_N syllables are kept.
                    if n <= MAX_N {
                        let next = |s: usize, e: usize| next_word(syl, tokens, s..s + n, e);
                        counter.vote(at[i], i, clause_end, next);
                    }
                }
            }
        }
        // After the whole level: which n-grams may grow.
        for s in stretches {
            for i in s.start..s.end {
                alive[i] = at[i] != usize::MAX && {
                    let c = &counter.cands[at[i]];
                    c.occ >= 2 || c.in_title
                };
            }
        }
    }
}

/// A name only when most occurrences are capitalised as one: "Ban Cán sự"
/// in a title-cased headline does not make "Ban cán" a name. The tf of a
/// name is its count as a name or as an n-gram, whichever is larger.
fn settle_names(counter: &mut Counter) {
    for a in &mut counter.cands {
        a.name &= a.name_tf * 2 >= a.tf;
        a.tf = a.tf.max(a.name_tf);
    }
}

/// A phrase is a fragment when a phrase one syllable longer that contains
/// it occurs (nearly) every time it does: "trình phối" in "chương trình
/// phối hợp". A name is one only when it is seen twice or more ("Đảng Cộng"
/// in "Đảng Cộng sản"): a name seen once may well be followed by a verb
/// ("Nguyễn Văn An phát biểu"). One flag per candidate.
fn fragments(
    syl: &Syllables,
    tokens: &[Token],
    clauses: &[Clause],
    counter: &Counter,
) -> Vec<bool> {
    let mut fragment = vec![false; counter.cands.len()];
    for (idx, a) in counter.cands.iter().enumerate() {
        let n = a.len;
        if !(3..=MAX_N + 1).contains(&n) {
            continue;
        }
        // Only a container that is whole words makes a fragment: "nhập
        // cảnh trái" does not make "nhập cảnh" one.
        if !whole(a) {
            continue;
        }
        let ids = &a.gram.0[..n];
        for (k, part) in [&ids[..n - 1], &ids[1..]].into_iter().enumerate() {
            if let Some(&i) = counter.map.get(&gram(part.iter().copied())) {
                let sub = &counter.cands[i];
                // Nor is a name one of the run its head or title of one
                // syllable was cut off ([`HEADS_OFF`]): "Nguyễn Thị Doan" of
                // "Nước | Nguyễn Thị Doan" ("Phó chủ tịch Nước"), "Quyền
                // Linh" of "MC | Quyền Linh", "Frank Bernhardt" of "HLV |
                // Frank Bernhardt"; "Lý Hải" of "Vợ | Lý Hải" (`head_off`).
                let head = &*syl.folded[ids[0] as usize];
                if a.cut
                    && k == 1
                    && sub.name
                    && (a.head_off || HEADS_OFF.contains(&head) || TITLE_SET.contains(head))
                {
                    continue;
                }
                // Nor is a name one of a verb of one syllable before it, a
                // stretch never kept ("thi | THPT quốc gia", "gặp | Vladimir
                // Putin"), unless the name ends inside a word somewhere ("giữ |
                // Quyền Tổng | giám đốc"; a noun before it may make a name of
                // a cut: "tấm HCV | SEA Games", "độ | Kinh Đông").
                let spelling = || counter.spelling(idx);
                let ranges = || clauses.iter().map(|c| c.range.clone());
                if k == 1
                    && sub.name
                    && pos_table().get(head) == Some(Pos::Verb)
                    && stretch_of_sentence(syl, ids, spelling().as_deref(), false, a.in_title)
                    && !ends_inside_a_word(syl, tokens, ranges(), &sub.gram.0[..sub.len])
                {
                    continue;
                }
                // Nor a container that begins or ends on a function word,
                // never kept: "ngà voi" is no fragment of "(2) tấn ngà
                // voi". (Its other rules lean on the dictionary, which
                // lacks words: "giữ hành" stays a fragment of "giữ hành
                // lý".)
                if a.tf * 5 >= sub.tf * 4
                    && (!sub.name || sub.occ >= 2)
                    && (a.name
                        || !(EDGE_START.contains(&*syl.folded[ids[0] as usize])
                            || EDGE_END.contains(&*syl.folded[ids[n - 1] as usize]))
                        || !stretch_of_sentence(
                            syl,
                            ids,
                            counter.spelling(idx).as_deref(),
                            true,
                            a.in_title,
                        ))
                {
                    fragment[i] = true;
                }
            }
        }
    }
    fragment
}

/// A name, or a phrase seen on word boundaries every time ("trai kém" of
/// "bạn trai kém tuổi" is not, even if a headline starts with it; nor is
/// "chấp nhận sinh" when one of its times is "chấp nhận sinh viên").
fn whole(a: &Acc) -> bool {
    a.name || a.aligned > 0 && a.aligned == a.occ
}

/// The candidates kept (names, and phrases seen twice or a two-syllable
/// phrase of the title: short articles, a headline and a sentence, repeat
/// nothing), not fragments, with their key and display form.
fn collect(
    syl: &Syllables,
    tokens: &[Token],
    counter: &Counter,
    fragment: &[bool],
) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = Vec::new();
    for (idx, a) in counter.cands.iter().enumerate() {
        let ids: &[u32] = if a.ids.is_empty() {
            &a.gram.0[..a.len]
        } else {
            &a.ids
        };
        let phrase = a.len <= MAX_N && (a.occ >= 2 || a.in_title && a.len == 2) && whole(a);
        let keep = !fragment[idx] && (a.name || phrase) && !a.cut;
        if !keep {
            continue;
        }
        let spelling = counter.spelling(idx);
        if !a.name && stretch_of_sentence(syl, ids, spelling.as_deref(), false, a.in_title) {
            continue;
        }
        // A body's qualifier begins no phrase: "(sân bay) quốc tế Đà Nẵng".
        if !a.name
            && a.len >= 3
            && QUALIFIERS.contains(&(&*syl.folded[ids[0] as usize], &*syl.folded[ids[1] as usize]))
        {
            continue;
        }
        let key = ids
            .iter()
            .map(|&i| &*syl.folded[i as usize])
            .collect::<Vec<_>>()
            .join(" ");
        let display = match spelling {
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
        // An ampersand read as "và" ([`super::tokens`]) is shown as written,
        // and keyed as the store keys what is shown (without it): "Sở GD & ĐT
        // Hà Nội" is a keyword of its own, not "Sở GD và ĐT Hà Nội".
        let key = if display.contains(" & ") {
            crate::text::fold::title_key(&display)
        } else {
            key
        };
        // A Latin letter alone is an initial or a model's letter, no keyword:
        // "J. Hector", "Galaxy J", "thế hệ Z", "George W. Bush" ("Ý", Italy,
        // is a name: one letter, two bytes). Nor is a former holder's title
        // without its holder: "Cựu Tổng thống | bị phế truất", "Cựu HLV | của
        // ĐT Việt Nam" (with a country or a field it is one: "Cựu Tổng thống Mỹ").
        let after = |p: &str| key.strip_prefix(p).is_some_and(|t| TITLE_SET.contains(t));
        let former_title = after("cựu ") || after("nguyên ");
        if not_keyword_set().contains(key.as_str())
            || display.len() == 1
            || former_title
            || anonymised(&display)
            || a_papers_name(&display)
        {
            continue;
        }
        out.push(Candidate {
            key,
            display,
            tf: a.tf,
            name: a.name,
            place: a.place,
            in_title: a.in_title,
            len: a.len,
            source: a.source,
            next: a.settled_next(|s, e| next_word(syl, tokens, s..s + a.len, e)),
        });
    }
    out
}

/// Is a phrase (not a name) a stretch of a sentence rather than a term? It
/// is when, cut into dictionary words (`rids`: its spelling, for the
/// capitals; `edges_only`: the second rule alone):
///
/// - three or more lowercase syllables stand alone, words of one syllable
///   ("xe chở tôn cứa", "tuần do đồng USD"), or two in a phrase of three
///   or four ("dùng gậy đánh đập", "ngọn đèn đủ sáng"), where a term is
///   built on words of two syllables ("ăn mặc hở hang", "quy mô lớn");
/// - it ends on a body's head with no name after it ("Cựu giám đốc Cục");
/// - it begins or ends on a function word of one syllable ([`EDGE_WORDS`](super::stopwords::EDGE_WORDS):
///   "thuộc khoa Hồi sức", "trẻ dưới", "do Iran sản xuất"), begins on a
///   unit ([`UNITS`](super::stopwords::UNITS): "tấn ngà voi"), or ends on a classifier or a prefix
///   ([`CLASSIFIERS`](super::stopwords::CLASSIFIERS): "đứng đầu cuộc"; [`PREFIXES`](super::stopwords::PREFIXES): "tàu siêu");
/// - a capitalised head goes on in lower case ("Nga thích", "Lam bỗng
///   dưng", "Camera ghi"), unless the lowercase syllables go on a word its
///   last capital begins ("Bức tường than khóc", "Trường Tiểu học") or the
///   whole is one word ("Cận cảnh");
/// - a lowercase word of one syllable heads a name, and it is not a noun
///   that names one ([`HEAD_NOUNS`]: "tỉnh Thái Bình", "sông Hồng"), but a
///   verb ("hòa Jordan", "gặp Putin");
/// - a common noun for people heads a name ([`PEOPLE_SET`]: "vợ chồng
///   Hill", "Đại diện VKS").
fn stretch_of_sentence(
    syl: &Syllables,
    ids: &[u32],
    rids: Option<&[u32]>,
    edges_only: bool,
    in_title: bool,
) -> bool {
    let n = ids.len();
    let capital = |k: usize| {
        rids.and_then(|r| r.get(k))
            .and_then(|&r| syl.raw[r as usize].chars().next())
            .is_some_and(|c| !c.is_lowercase())
    };
    let mut hashes = [0u64; MAX_N + 1];
    for (h, &i) in hashes.iter_mut().zip(ids) {
        *h = syl.hash[i as usize];
    }
    let hashes = &hashes[..n.min(MAX_N + 1)];
    let dict = dictionary();
    // Two syllables are one word or two (most phrases: no segmentation).
    let words = if n == 2 {
        if dict.contains_hashes(hashes) {
            vec![2]
        } else {
            vec![1, 1]
        }
    } else {
        dict.segment(hashes, |k| syl.stop[ids[k] as usize])
    };
    let mut loose = 0;
    let mut k = 0;
    for &len in &words {
        loose += usize::from(len == 1 && !capital(k));
        k += len;
    }
    if !edges_only && (loose >= 3 || n >= 3 && loose >= 2) {
        return true;
    }
    let word = |k: usize| &*syl.folded[ids[k] as usize];
    let (first, last) = (words[0], words[words.len() - 1]);
    if first == 1 && !capital(0) && EDGE_START.contains(word(0))
        || last == 1
            && !capital(n - 1)
            && EDGE_END.contains(word(n - 1))
            && !(YOUNGER.contains(&word(n - 1))
                && dict.contains_hashes(&[ids[n - 2], ids[n - 1]].map(|i| syl.hash[i as usize])))
    {
        return true;
    }
    // A body's head at the end, its name not there: "Cựu giám đốc Cục |
    // điều tra liên bang Mỹ".
    if !edges_only && last == 1 && capital(n - 1) && FIELD_HEADS.contains(&word(n - 1)) {
        return true;
    }
    if edges_only {
        return false;
    }
    // A common noun and a name, two keywords: "công dân | Mỹ", "khu vực |
    // miền Trung" ([`kinds`](super::kinds)).
    if !capital(0) && capital(n - 1) && hashes.len() == n {
        let c = (1..n).find(|&k| capital(k)).unwrap_or(n - 1);
        if (c..n).all(capital) {
            let head: Vec<&str> = (0..c).map(word).collect();
            if noun_and_name(&head, &hashes[c..]) {
                return true;
            }
        }
    }
    let whole_word = n <= MAX_WORD_SYLLABLES && dict.contains_hashes(hashes);
    if !whole_word && (1..n).all(|k| !capital(k)) && not_a_term(hashes, &words, in_title) {
        return true;
    }
    // A name inside a phrase, then what it did: "châu Phi | kêu gọi", "lính
    // Mỹ | tử nạn", "mafia Nga | chôn sống".
    if !capital(0)
        && n > last
        && capital(n - last - 1)
        && !capital(n - 1)
        && pos_table().get_hashes(&hashes[n - last..]) == Some(Pos::Verb)
    {
        return true;
    }
    if capital(0) && !capital(n - 1) && !whole_word {
        // The lowercase syllables at the end, from `t`.
        let t = (1..n)
            .rev()
            .take_while(|&k| !capital(k))
            .last()
            .unwrap_or(n - 1);
        if dict.longest_prefix(&hashes[t - 1..]).is_none() {
            return true;
        }
    }
    // A common noun for people before a name: "vợ chồng | Hill",
    // "chuyên gia | Bkav", "Đại diện | VKS" ([`PEOPLE_SET`]).
    if first >= 2 && first < n && capital(first) && {
        let head: Vec<&str> = (0..first).map(word).collect();
        PEOPLE_SET.contains(head.join(" ").as_str())
    } {
        return true;
    }
    // (a continent's "châu" only its continent: [`CONTINENTS`])
    let continent = || {
        let rest = (1..n).map(word).collect::<Vec<_>>().join(" ");
        CONTINENTS.contains(&rest.replace('-', " ").as_str())
    };
    !capital(0) && capital(n - 1) && first == 1 && !HEAD_NOUN_SET.contains(word(0))
        || !capital(0) && first == 1 && word(0) == "châu" && !continent()
        // Nor a verb of any length before a name: "cáo buộc Saudi Arabia",
        // "tiếp Đoàn đại biểu".
        || !capital(0)
            && (first..n).any(capital)
            && matches!(
                pos_table().get_hashes(&hashes[..first]),
                Some(Pos::Verb | Pos::Adjective)
            )
}

/// Is a lowercase phrase (its first syllable may carry a sentence's
/// capital), cut into dictionary words (`words`: their lengths), no term by
/// its parts of speech ([`crate::text::pos`])? A term is headed by a noun
/// ("khu mua sắm", "áo dài truyền thống", "giá trứng gà") or is a verb and
/// its object, a word of two syllables each ("biến đổi khí hậu", "bảo hộ
/// thương mại"); a stretch of a sentence is not:
///
/// - an adjective heads it ("bất ngờ nhảy", "mạnh cấp", "giỏi quốc gia");
/// - a function word begins or ends it ("vali tự", "nợ ít"), or a verb of
///   one syllable ends it: what the noun before it does ("hiệu trưởng
///   ngồi", "quyền đổi", "tăng tiếp");
/// - a verb heads three syllables or more that are not a verb and a noun
///   or an adjective of two syllables each ("bán thực phẩm", "giúp tâm
///   trí", "bảo hộ quyền", "lái đi chơi"; not "nhập cảnh trái phép").
///   Two syllables are left alone: a headline's "gây sốc" is its topic;
///   so is a verb and its object seen in the title ("buôn ma túy":
///   `in_title`);
/// - a verb and a word of degree or manner (`degree::DEGREE`: "tăng mạnh",
///   "ngập nặng", "phạt nặng", "hợp tác chặt chẽ"), or "cực" and an
///   adjective ("cực tốt"), two syllables or in a title too.
///
/// A word the table does not have decides nothing.
fn not_a_term(hashes: &[u64], words: &[usize], in_title: bool) -> bool {
    if words.len() < 2 {
        return false;
    }
    let table = pos_table();
    let n = hashes.len();
    let (first, last) = (words[0], words[words.len() - 1]);
    let head = table.get_hashes(&hashes[..first]);
    let tail = table.get_hashes(&hashes[n - last..]);
    let object = matches!(tail, Some(Pos::Noun | Pos::MostlyNoun | Pos::Adjective));
    // A verb and how much or how hard: "tăng | mạnh", "ngập | nặng", "hợp
    // tác | chặt chẽ", in a title too (not a term of them: "tăng nặng").
    // "Cực" (extremely) and an adjective: "cực | tốt", "cực | lớn".
    if words.len() == 2 && (verb_and_degree(hashes, head, last) || very(hashes, first, tail)) {
        return true;
    }
    match head {
        Some(Pos::Adjective | Pos::Function) => return true,
        Some(Pos::Verb) if n >= 3 && !in_title && !(words == [2, 2] && object) => return true,
        _ => {}
    }
    tail == Some(Pos::Function) || last == 1 && tail == Some(Pos::Verb)
}

/// [`HEAD_NOUNS`] as a set.
static HEAD_NOUN_SET: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| HEAD_NOUNS.iter().copied().collect());

/// Sort by key, and merge the entries of one key: two spans can fold to one
/// key ("TP.HCM" and "TP HCM").
fn merge_equal_keys(out: &mut Vec<Candidate>) {
    out.sort_by(|a, b| a.key.cmp(&b.key).then_with(|| b.tf.cmp(&a.tf)));
    out.dedup_by(|later, first| {
        if later.key == first.key {
            first.tf += later.tf;
            first.name |= later.name;
            first.place |= later.place;
            first.in_title |= later.in_title;
            first.source &= later.source;
            first.next = first.next.merge(later.next);
            true
        } else {
            false
        }
    });
}
