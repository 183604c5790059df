//! Counting candidate occurrences: n-grams keyed by syllable ids, names,
//! and the spellings seen of each.

use std::collections::HashMap;

use rustc_hash::FxHashMap;

use super::tokens::{Syllables, Token};

/// Longest n-gram, in syllables.
pub(super) const MAX_N: usize = 4;

/// Up to `MAX_N + 1` syllable ids, padded with `u32::MAX`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) struct Gram(pub(super) [u32; MAX_N + 1]);

impl std::hash::Hash for Gram {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        let g = &self.0;
        state.write_u64(u64::from(g[0]) << 32 | u64::from(g[1]));
        state.write_u64(u64::from(g[2]) << 32 | u64::from(g[3]));
        state.write_u32(g[4]);
    }
}

pub(super) fn gram(ids: impl Iterator<Item = u32>) -> Gram {
    let mut g = [u32::MAX; MAX_N + 1];
    for (slot, id) in g.iter_mut().zip(ids) {
        *slot = id;
    }
    Gram(g)
}

/// Accumulates occurrences of n-grams and names. No allocation per n-gram:
/// most occur once and are dropped.
#[derive(Default)]
pub(super) struct Counter {
    pub(super) map: FxHashMap<Gram, usize>,
    pub(super) cands: Vec<Acc>,
    /// Names longer than a [`Gram`], keyed by their folded text.
    pub(super) long: HashMap<String, usize>,
    /// Spellings beyond the first: (candidate, spelling) → weighted count.
    pub(super) variants: FxHashMap<(usize, Vec<u32>), u32>,
}

pub(super) struct Acc {
    /// Syllable ids (interned folded forms).
    pub(super) ids: Vec<u32>,
    pub(super) gram: Gram,
    pub(super) len: usize,
    /// The first spelling (interned raw ids) and its weighted count.
    pub(super) spelling: Gram,
    pub(super) spelling_n: u32,
    pub(super) has_variants: bool,
    pub(super) tf: u32,
    /// Occurrences as an n-gram, unweighted.
    pub(super) occ: u32,
    /// Occurrences as a name: each is also counted as an n-gram when the
    /// run has no stop word, so the two are not added up.
    pub(super) name_tf: u32,
    pub(super) name: bool,
    pub(super) place: bool,
    pub(super) in_title: bool,
    /// Occurrences as an n-gram that began and ended on word boundaries
    /// (see [`crate::text::segment`]): one that is mostly not cuts words.
    pub(super) aligned: u32,
    /// Seen as a name cut short ("Cục Xúc tiến | thương mại", "La Văn"):
    /// no keyword under this key, as a name or as a phrase.
    pub(super) cut: bool,
    /// Cut for a sentence's first word that is not the name's ("Vợ | Lý
    /// Hải", `neighbours::own_name_after`): the name after it is whole.
    pub(super) head_off: bool,
    /// A name the article only cites as the source of its news ("theo
    /// RBTH", "hãng tin Reuters"): counted, never one of its keywords
    /// ([`Candidate::source`](super::candidates::Candidate)).
    pub(super) source: bool,
    /// What follows its runs ([`Next`]): the store adds up every article's
    /// to tell a phrase that goes on with the same word from a whole one.
    pub(super) next: Next,
    /// Where its first run as an n-gram starts and its clause ends, until a
    /// second run comes: most n-grams occur once and are dropped, so what
    /// follows that run is looked at only once it may matter
    /// ([`Counter::vote`], [`Acc::settled_next`]).
    pub(super) pending: (u32, u32),
}

/// No run waiting for its vote.
const NO_RUN: (u32, u32) = (u32::MAX, u32::MAX);

/// What follows a phrase's runs, as a majority vote (Boyer–Moore, which
/// two summaries merge into one): `runs` runs, `word` the syllable that
/// leads the vote with `votes` votes to spare ([`Next::NONE`]: nothing that
/// could go on the phrase, the clause's end or a function word). When one
/// word follows a share `p` of the runs, `votes` is at least `(2p - 1) ·
/// runs`; a lead of `votes` means that word follows at least `(runs +
/// votes) / 2` of them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Next {
    pub runs: u32,
    pub word: u32,
    pub votes: u32,
}

impl Next {
    /// No word that goes on the phrase.
    pub const NONE: u32 = 0;

    /// A number that names one of several ("học sinh lớp | 9", "Bệnh
    /// viện Nhi Đồng | 1"; [`super::numbered`]): even, so no word's vote.
    pub const NUMBER: u32 = 2;

    /// The run's last syllable and the next, in lower case, are one word,
    /// whatever word, where the run's last two syllables are none: "Ngành
    /// Công | nghệ thông tin", "Ngành Công | thương" (`follow::next_word`).
    /// Even, so no word's vote.
    pub const IN_WORD: u32 = 4;

    /// One run followed by `word`.
    pub fn one(word: u32) -> Next {
        Next {
            runs: 1,
            word,
            votes: 1,
        }
    }

    /// The vote of both summaries' runs.
    pub fn merge(self, other: Next) -> Next {
        let (word, votes) = if self.word == other.word {
            (self.word, self.votes + other.votes)
        } else if self.votes >= other.votes {
            (self.word, self.votes - other.votes)
        } else {
            (other.word, other.votes - self.votes)
        };
        Next {
            runs: self.runs + other.runs,
            word,
            votes,
        }
    }

    /// `other`'s runs taken back out (an article removed): exact for the
    /// runs, an estimate for the vote.
    pub fn remove(self, other: Next) -> Next {
        let votes = if self.word == other.word {
            self.votes.saturating_sub(other.votes)
        } else {
            self.votes
        };
        Next {
            runs: self.runs.saturating_sub(other.runs),
            word: self.word,
            votes: votes.min(self.runs.saturating_sub(other.runs)),
        }
    }

    /// Does the phrase go on? At least [`GOES_ON_RUNS`] runs, and one word
    /// after at least four in five of them (a lead of three in five; both
    /// of two): "Viện Huyết | học", "Cục Xúc tiến | thương mại", "bán hàng
    /// đa | cấp", "Bộ Kế hoạch | và Đầu tư". A phrase followed by many words, or most
    /// often by nothing that goes on it, is whole.
    pub fn goes_on(self) -> bool {
        self.word != Next::NONE && self.runs >= GOES_ON_RUNS && self.votes * 5 >= self.runs * 3
    }
}

/// Runs a phrase needs before [`Next::goes_on`] judges it.
pub const GOES_ON_RUNS: u32 = 2;

impl Acc {
    /// What follows its runs, the one still waiting ([`Counter::vote`])
    /// counted.
    pub(super) fn settled_next(&self, next: impl Fn(usize, usize) -> u32) -> Next {
        if self.pending == NO_RUN {
            return self.next;
        }
        let (s, e) = self.pending;
        self.next.merge(Next::one(next(s as usize, e as usize)))
    }
}

impl Counter {
    /// Room for the candidates of an article of `tokens` tokens: about one
    /// per token, so that neither the list nor the map grows (callgrind,
    /// 1,500 baomoi articles: Counter::add 116 -> 73 M instructions).
    pub(super) fn with_capacity(tokens: usize) -> Self {
        let mut counter = Counter::default();
        counter.map.reserve(tokens);
        counter.cands.reserve(tokens);
        counter
    }

    /// Count one occurrence; returns the candidate's index.
    pub(super) fn add(
        &mut self,
        syl: &Syllables,
        tokens: &[Token],
        weight: u32,
        name: bool,
        place: bool,
        aligned: bool,
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
                aligned: 0,
                cut: false,
                head_off: false,
                source: false,
                next: Next::default(),
                pending: NO_RUN,
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
            acc.aligned += u32::from(aligned);
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

    /// A name's run at `idx`, followed by `next` ([`Next`]).
    pub(super) fn vote_name(&mut self, idx: usize, next: u32) {
        let acc = &mut self.cands[idx];
        acc.next = acc.next.merge(Next::one(next));
    }

    /// An n-gram's run at `idx`, starting at token `start` of a clause
    /// ending at `clause_end`; `next(start, clause_end)` says what follows
    /// a run. A name's runs are counted as names, and vote there. The first
    /// run waits for a second ([`Acc::pending`]).
    pub(super) fn vote(
        &mut self,
        idx: usize,
        start: usize,
        clause_end: usize,
        next: impl Fn(usize, usize) -> u32,
    ) {
        let acc = &mut self.cands[idx];
        if acc.name_tf > 0 {
            return;
        }
        if acc.next.runs == 0 && acc.pending == NO_RUN {
            acc.pending = (start as u32, clause_end as u32);
            return;
        }
        acc.next = acc
            .settled_next(&next)
            .merge(Next::one(next(start, clause_end)));
        acc.pending = NO_RUN;
    }

    /// The most frequent spelling of a candidate (ties: the first seen).
    pub(super) fn spelling(&self, idx: usize) -> Option<Vec<u32>> {
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
