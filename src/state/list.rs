//! The article list: a window of rows paged from the store, a selection, a filter.

use crate::store::{ArticleId, ArticleSummary, ListFilter};

/// Rows fetched per page from the store.
pub const PAGE: usize = 200;

#[derive(Debug, Clone, Default)]
pub struct ListState {
    pub rows: Vec<ArticleSummary>,
    /// How many articles the filter selects in all.
    pub total: i64,
    pub selected: usize,
    /// First row shown.
    pub offset: usize,
    pub filter: ListFilter,
    /// No more rows after the last one loaded.
    pub exhausted: bool,
}

impl ListState {
    pub fn selected_id(&self) -> Option<ArticleId> {
        self.rows.get(self.selected).map(|r| ArticleId(r.id.0))
    }

    pub fn selected_row(&self) -> Option<&ArticleSummary> {
        self.rows.get(self.selected)
    }

    /// Replace the rows with a first page; keep the selection on `keep` if it is there.
    pub fn set_first_page(
        &mut self,
        rows: Vec<ArticleSummary>,
        total: i64,
        keep: Option<ArticleId>,
    ) {
        self.exhausted = rows.len() < PAGE;
        self.rows = rows;
        self.total = total;
        self.selected = keep
            .and_then(|id| self.rows.iter().position(|r| r.id.0 == id.0))
            .unwrap_or(0);
        self.offset = self.offset.min(self.selected);
    }

    pub fn append_page(&mut self, rows: Vec<ArticleSummary>) {
        self.exhausted = rows.len() < PAGE;
        self.rows.extend(rows);
    }

    /// Where the next page starts.
    pub fn cursor(&self) -> Option<(i64, i64)> {
        self.rows.last().map(|r| (r.sort_ts, r.id.0))
    }

    /// Does moving to `index` need more rows first?
    pub fn wants_more(&self, index: usize) -> bool {
        !self.exhausted && index + 1 >= self.rows.len()
    }

    /// Move the selection by `delta` rows, clamped to what is loaded.
    pub fn move_by(&mut self, delta: isize) {
        if self.rows.is_empty() {
            return;
        }
        let max = self.rows.len() - 1;
        self.selected = self.selected.saturating_add_signed(delta).min(max);
    }

    pub fn select(&mut self, index: usize) {
        if !self.rows.is_empty() {
            self.selected = index.min(self.rows.len() - 1);
        }
    }

    /// Keep the selection inside a viewport of `height` rows.
    pub fn scroll_into_view(&mut self, height: usize) {
        let height = height.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + height {
            self.offset = self.selected + 1 - height;
        }
    }

    pub fn set_flags(&mut self, id: ArticleId, read: Option<bool>, bookmarked: Option<bool>) {
        if let Some(r) = self.rows.iter_mut().find(|r| r.id.0 == id.0) {
            if let Some(v) = read {
                r.read = v;
            }
            if let Some(v) = bookmarked {
                r.bookmarked = v;
            }
        }
    }

    pub fn position_of(&self, id: ArticleId) -> Option<usize> {
        self.rows.iter().position(|r| r.id.0 == id.0)
    }
}
