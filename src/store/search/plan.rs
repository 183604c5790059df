//! Where a search's positional tiers look first (issue 14: search at
//! 1,000,000 articles).
//!
//! A phrase or `NEAR` tier ranks its newest [`super::CANDIDATES`] matches,
//! and FTS5 finds them by walking, newest first, every article that holds
//! all the syllables and checking their positions. When the phrase is rare
//! and its syllables common, that walk is the whole store: `thi dai hoc`
//! has 1,608 phrase matches in 1,000,000 articles, among 134,173 that hold
//! a spelling of each syllable, and every one of those was read (150–280 ms
//! here). A syllable typed without marks or as a prefix makes it dearer
//! still: FTS5 merges the positions of every spelling of it, row by row, six
//! to ten times what an exact syllable costs.
//!
//! So such a tier first looks at the newest articles only (a rowid bound
//! FTS5 honours as it walks), as many as make an expected
//! [`Window::budget`] articles holding every syllable, from the
//! syllables' article counts in `search_vocab` (taken as independent). When
//! the page's share of that tier is found there, it is the page; otherwise
//! the tier is asked again over the whole store, as before. A tier of exact
//! syllables only (every syllable typed with marks, none a prefix) is never
//! bounded: its walk is cheap, and its results stay exactly what they were.

/// How far a positional tier of expanded syllables looks first.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Window {
    /// How many articles holding every syllable the bounded walk is expected
    /// to read (about 1–3 µs each with synonyms).
    pub budget: f64,
    /// Never fewer than this many of the newest articles.
    pub min_articles: i64,
}

impl Default for Window {
    fn default() -> Window {
        Window {
            budget: 5_000.0,
            min_articles: 50_000,
        }
    }
}

impl Window {
    /// How many of the newest article ids to look at first, or `None` when
    /// the whole store is within the budget: `shares` is, for each syllable
    /// of the phrase, the share of the `span` article ids holding it.
    pub fn articles(&self, shares: &[f64], span: i64) -> Option<i64> {
        if shares.is_empty() || span <= 0 {
            return None;
        }
        let p: f64 = shares.iter().map(|s| s.clamp(0.0, 1.0)).product();
        if p <= 0.0 || p * span as f64 <= self.budget {
            return None;
        }
        let n = (self.budget / p).max(self.min_articles as f64).ceil();
        (n < span as f64).then_some(n as i64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_walk_within_the_budget_is_not_bounded() {
        let w = Window::default();
        // 50,000 articles, 64% × 50% × 26% of them: 4,160 expected.
        assert_eq!(w.articles(&[0.64, 0.5, 0.26], 50_000), None);
        // A rare syllable makes any phrase cheap.
        assert_eq!(w.articles(&[0.64, 0.5, 0.001], 1_000_000), None);
        assert_eq!(w.articles(&[], 1_000_000), None);
        assert_eq!(w.articles(&[0.5], 0), None);
    }

    #[test]
    fn a_long_walk_is_bounded_to_the_budget_never_below_the_floor() {
        let w = Window::default();
        // 83,200 expected at 1,000,000: 5,000 / 0.0832 = 60,097 articles.
        assert_eq!(w.articles(&[0.64, 0.5, 0.26], 1_000_000), Some(60_097));
        // The window does not depend on the store's size: at 100,000, 8,320
        // expected, the same newest 60,097.
        assert_eq!(w.articles(&[0.64, 0.5, 0.26], 100_000), Some(60_097));
        // Every article holds both: the floor.
        assert_eq!(w.articles(&[1.0, 1.5], 1_000_000), Some(50_000));
        // A window as large as the store is no window: 11,250 expected,
        // the floor of 50,000 is past the 45,000 articles.
        assert_eq!(w.articles(&[0.5, 0.5], 45_000), None);
        assert_eq!(w.articles(&[0.5, 0.5], 60_000), Some(50_000));
        assert_eq!(w.articles(&[0.1, 0.1], 1_000_000), Some(500_000));
        let tiny = Window {
            budget: 1.0,
            min_articles: 1,
        };
        assert_eq!(tiny.articles(&[1.0, 1.0], 10), Some(1));
    }
}
