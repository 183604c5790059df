//! Searching from the reader: the results of the query being typed, stamped
//! with a generation so that an older result never replaces a newer one.

use crate::model::SearchHit;
use crate::text::layout::group_thousands;

/// Rows a result takes in the list pane: its title line and its snippet.
pub const ROWS_PER_HIT: usize = 2;

/// Results asked for at a time: the first page, then as many more each time
/// the selection comes near the end of those held.
pub const PAGE: usize = 200;

#[derive(Debug, Clone)]
pub struct SearchState {
    pub query: String,
    pub hits: Vec<SearchHit>,
    pub selected: usize,
    pub offset: usize,
    /// Bumped at every change of the query.
    pub generation: u64,
    /// The generation `hits` belong to.
    pub shown: u64,
    /// How many articles match (up to the store's cap) and whether more
    /// do, when counted: the results show a window of them.
    pub total: Option<(usize, bool)>,
    /// How many results the newest search of this generation asked for:
    /// more than `hits` holds while a longer page is on its way.
    pub asked: usize,
    /// A longer page was asked for and has not come yet.
    pub waiting: bool,
    /// `G` asked for every match: the selection goes to the last when
    /// they come (a move meanwhile drops it).
    pub to_end: bool,
    /// The results of the next generation select again the article
    /// selected when they come, if they hold it: the same query run again
    /// under another filter (`c` went back to result 1: a review's find).
    /// Decided when they come, not when asked: a move meanwhile, or an
    /// article gone back to, is what is kept (a second review's find).
    pub keep: bool,
}

impl Default for SearchState {
    fn default() -> SearchState {
        SearchState {
            query: String::new(),
            hits: Vec::new(),
            selected: 0,
            offset: 0,
            generation: 0,
            shown: 0,
            total: None,
            asked: PAGE,
            waiting: false,
            to_end: false,
            keep: false,
        }
    }
}

impl SearchState {
    /// Take results for `generation`; stale ones are dropped. A longer page
    /// of the results shown ([`SearchState::more`]) keeps the selection.
    pub fn accept(&mut self, generation: u64, hits: Vec<SearchHit>) -> bool {
        if generation != self.generation {
            return false;
        }
        if self.shown == generation && std::mem::take(&mut self.to_end) {
            self.selected = hits.len().saturating_sub(1);
        } else if self.shown == generation && !self.hits.is_empty() {
            let id = self.selected_hit().map(|h| h.id);
            self.selected = id
                .and_then(|id| hits.iter().position(|h| h.id == id))
                .unwrap_or(self.selected)
                .min(hits.len().saturating_sub(1));
        } else {
            let id = std::mem::take(&mut self.keep)
                .then(|| self.selected_hit().map(|h| h.id))
                .flatten();
            let kept = id.and_then(|id| hits.iter().position(|h| h.id == id));
            self.selected = kept.unwrap_or(0);
            self.offset = 0;
        }
        self.hits = hits;
        self.total = None;
        self.shown = generation;
        self.waiting = false;
        true
    }

    /// A new query (or the same one under other filters): its first page.
    pub fn restart(&mut self, query: String) -> (String, u64) {
        self.query = query;
        self.generation += 1;
        self.asked = PAGE;
        self.waiting = false;
        self.to_end = false;
        self.keep = false;
        (self.query.clone(), self.generation)
    }

    /// Whether matches past those held can be asked for: the store gave all
    /// it was asked, and fewer than the matches counted (or not counted).
    pub fn has_more(&self) -> bool {
        self.shown == self.generation
            && !self.hits.is_empty()
            && self.hits.len() >= self.asked
            && self.total.is_none_or(|(n, _)| self.hits.len() < n)
    }

    /// When result `i` is within a page of the end of those held and more
    /// can be had: the longer page to ask for, as (query, generation, limit).
    pub fn more(&mut self, i: usize) -> Option<(String, u64, usize)> {
        if !self.has_more() || i + PAGE / 4 < self.hits.len() {
            return None;
        }
        self.asked = self.hits.len() + PAGE;
        self.waiting = true;
        Some((self.query.clone(), self.generation, self.asked))
    }

    /// `G`: the last match. When more than those held can be had, all
    /// of them (as many as counted; one page more when not counted) are
    /// asked for, as (query, generation, limit), and the selection goes to
    /// the last when they come.
    pub fn all(&mut self) -> Option<(String, u64, usize)> {
        if !self.has_more() {
            return None;
        }
        let held = self.hits.len();
        self.asked = self.total.map_or(held + PAGE, |(n, _)| n.max(held + 1));
        self.waiting = true;
        self.to_end = true;
        Some((self.query.clone(), self.generation, self.asked))
    }

    /// The matches there are (when counted), held or not, and whether the
    /// store counts no further: "Result 3 of 20", "of 2.000+".
    pub fn count(&self) -> usize {
        self.total
            .map_or(self.hits.len(), |(n, _)| n.max(self.hits.len()))
    }

    pub fn move_by(&mut self, delta: isize) {
        self.to_end = false;
        if !self.hits.is_empty() {
            self.selected = self
                .selected
                .saturating_add_signed(delta)
                .min(self.hits.len() - 1);
        }
    }

    /// The number of matches to show: the real count ("2.000+" past the
    /// store's cap), else the results held.
    pub fn count_label(&self) -> String {
        match self.total {
            Some((n, more)) => {
                let n = group_thousands(n.min(i64::MAX as usize) as i64);
                if more { format!("{n}+") } else { n }
            }
            None => group_thousands(self.hits.len().min(i64::MAX as usize) as i64),
        }
    }

    pub fn selected_hit(&self) -> Option<&SearchHit> {
        self.hits.get(self.selected)
    }
}
