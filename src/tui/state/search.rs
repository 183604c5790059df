//! Searching from the reader: the results of the query being typed, stamped
//! with a generation so that an older result never replaces a newer one.

use crate::model::SearchHit;
use crate::text::layout::group_thousands;

/// Rows a result takes in the list pane: its title line and its snippet.
pub const ROWS_PER_HIT: usize = 2;

#[derive(Debug, Clone, Default)]
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
}

impl SearchState {
    /// Take results for `generation`; stale ones are dropped.
    pub fn accept(&mut self, generation: u64, hits: Vec<SearchHit>) -> bool {
        if generation != self.generation {
            return false;
        }
        self.hits = hits;
        self.total = None;
        self.shown = generation;
        self.selected = 0;
        self.offset = 0;
        true
    }

    pub fn move_by(&mut self, delta: isize) {
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
