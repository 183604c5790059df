//! The article list: a window of rows paged from the store, a selection, a filter.

use crate::model::{ArticleId, ArticleSummary, ListFilter};

/// Rows fetched per page from the store.
pub const PAGE: usize = 200;
/// At most this many rows are held; the far end of the window is dropped.
pub const WINDOW: usize = 5 * PAGE;

#[derive(Debug, Clone, Default)]
pub struct ListState {
    /// A window of the list: `rows[0]` is row `base` of the whole list.
    pub rows: Vec<ArticleSummary>,
    pub base: usize,
    /// How many articles the filter selects in all.
    pub total: i64,
    pub selected: usize,
    /// First row shown.
    pub offset: usize,
    pub filter: ListFilter,
    /// No more rows after the last one loaded.
    pub exhausted: bool,
    /// The selected article left the view when it was read again (read in
    /// an unread-only view): it, and the article that took its place under
    /// the selection. What comes next after it is that article.
    pub took_place: Option<(ArticleId, ArticleId)>,
    /// The window was just placed (a new filter, an article looked for):
    /// the next [`ListState::scroll_into_view`] shows the list from its top
    /// when the top fits with the selection and the row after it.
    pub placed: bool,
}

/// Where the article open in the reader stands in the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// It is row `i`.
    At(usize),
    /// It left the view, and row `i` (the selection) took its place.
    Replaced(usize),
    /// It is not in the view (a related story followed): the selection,
    /// row `i`, is where it was opened from.
    Away(usize),
}

impl Place {
    /// The row after the open article: where `n` and `N` go on from.
    pub fn next(self) -> usize {
        match self {
            Place::At(i) | Place::Away(i) => i + 1,
            Place::Replaced(i) => i,
        }
    }
}

impl ListState {
    /// The selected row's place in the whole list, from 0.
    pub fn absolute(&self) -> usize {
        self.base + self.selected
    }

    /// Show the oldest page, selecting its last row (`G`).
    pub fn set_last_page(&mut self, rows: Vec<ArticleSummary>, total: i64) {
        self.base = (total.max(0) as usize).saturating_sub(rows.len());
        self.rows = rows;
        self.total = total;
        self.exhausted = true;
        self.selected = self.rows.len().saturating_sub(1);
        // From the top of the window: drawing scrolls it down only as far
        // as the selection needs, which puts the last row at the bottom of
        // a full pane.
        self.offset = 0;
    }

    /// A window somewhere in the list: `newer` rows above the selected one, then
    /// `from` (starting with the selected row), the selected row at `base + newer.len()`
    /// (row `place` of the whole list). With no `from` (the rows after an
    /// article that is not in the list, and there are none), the last of `newer`.
    pub fn set_window(
        &mut self,
        newer: Vec<ArticleSummary>,
        from: Vec<ArticleSummary>,
        place: usize,
        total: i64,
    ) {
        self.exhausted = from.len() < PAGE / 2;
        self.selected = if from.is_empty() {
            newer.len().saturating_sub(1)
        } else {
            newer.len()
        };
        self.base = place.saturating_sub(newer.len());
        // A few rows of context above the selection; from the top when
        // that fits (decided with the pane's height).
        self.offset = self.selected.saturating_sub(3);
        self.placed = true;
        self.rows = newer;
        self.rows.extend(from);
        self.total = total;
    }

    /// Rows just newer than the window, put in front of it.
    pub fn prepend_page(&mut self, rows: Vec<ArticleSummary>) {
        let n = rows.len();
        if n == 0 {
            self.base = 0;
            return;
        }
        let mut rows = rows;
        rows.append(&mut self.rows);
        self.rows = rows;
        self.base = self.base.saturating_sub(n);
        self.selected += n;
        self.offset += n;
        if self.rows.len() > WINDOW {
            self.rows.truncate(WINDOW);
            self.exhausted = false;
        }
    }

    /// Where the page before the window ends.
    pub fn first_cursor(&self) -> Option<(i64, i64)> {
        self.rows.first().map(ArticleSummary::cursor)
    }

    /// Does moving to `index` need the rows before the window?
    pub fn wants_previous(&self, index: usize) -> bool {
        self.base > 0 && index < PAGE / 4
    }

    fn trim_front(&mut self) {
        if self.rows.len() > WINDOW && self.selected > PAGE {
            let k = (self.rows.len() - WINDOW).min(self.selected - PAGE);
            self.rows.drain(..k);
            self.base += k;
            self.selected -= k;
            self.offset = self.offset.saturating_sub(k);
        }
    }

    pub fn selected_id(&self) -> Option<ArticleId> {
        self.rows.get(self.selected).map(|r| r.id)
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
        self.base = 0;
        self.total = total;
        self.selected = keep
            .and_then(|id| self.rows.iter().position(|r| r.id == id))
            .unwrap_or(0);
        self.offset = self.offset.min(self.selected);
        self.placed = true;
    }

    /// The window read again from the store where it starts (`base`):
    /// the selection stays on its article, and that article on its row of
    /// the screen (rows added above it push the window's top down with it);
    /// at the top of the list, rows added above show. An article gone from
    /// the view leaves the selection on the row that took its place: the
    /// first row after it that is still there, however many rows above it
    /// left at once (`N` pressed faster than the list is read again reads
    /// two before one reload); by its index only when none is.
    pub fn reload_window(
        &mut self,
        rows: Vec<ArticleSummary>,
        base: usize,
        total: i64,
        exhausted: bool,
    ) {
        let keep = self.selected_id();
        let was = self.absolute();
        let on_screen = self.selected.saturating_sub(self.offset);
        // The selected row was the view's last: nothing can take its place.
        let was_last = self.exhausted && self.selected + 1 >= self.rows.len();
        let old = std::mem::replace(&mut self.rows, rows);
        self.base = base;
        self.total = total;
        self.exhausted = exhausted;
        let kept = keep.and_then(|id| self.position_of(id));
        let successor = || {
            let after = old.get(self.selected + 1..)?;
            after.iter().find_map(|r| self.position_of(r.id))
        };
        let after = keep.and(successor());
        self.selected = kept
            .or(after)
            .unwrap_or_else(|| was.saturating_sub(base))
            .min(self.rows.len().saturating_sub(1));
        // The row above a last row that left is selected, but did not take
        // its place: `N` from there goes past the end (to the next source),
        // not up to it (a tester's catch-up walked back up its source).
        let replaced = after.is_some() || !was_last;
        if let (Some(gone), None, Some(now), true) = (keep, kept, self.selected_id(), replaced) {
            self.took_place = Some((gone, now));
        }
        if self.offset > 0 || self.base > 0 {
            self.offset = self.selected.saturating_sub(on_screen);
        }
    }

    pub fn append_page(&mut self, rows: Vec<ArticleSummary>) {
        self.exhausted = rows.len() < PAGE;
        self.rows.extend(rows);
        self.trim_front();
    }

    /// Where the next page starts.
    pub fn cursor(&self) -> Option<(i64, i64)> {
        self.rows.last().map(ArticleSummary::cursor)
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

    /// Keep the selection inside a viewport of `height` rows; at the end of
    /// the list, no empty rows below it while rows above are hidden (the
    /// unread view chosen near the end showed 4 rows and 23 empty ones, the
    /// 4,705 others above: an independent review's find). A window just
    /// placed starts at the list's top when the rows from there to the
    /// selection and the one after it fit: `u` on the 8th row showed the list
    /// from its 5th, the newest unread articles hidden above a pane with
    /// room for them (another review's find).
    pub fn scroll_into_view(&mut self, height: usize) {
        if std::mem::take(&mut self.placed)
            && self.base == 0
            && (self.selected + 2).min(self.rows.len()) <= height
        {
            self.offset = 0;
        }
        self.offset = super::offset_showing(self.selected, self.offset, height);
        if self.exhausted && self.offset + height > self.rows.len() {
            self.offset = self.offset.min(self.rows.len().saturating_sub(height));
        }
    }

    pub fn set_flags(&mut self, id: ArticleId, read: Option<bool>, bookmarked: Option<bool>) {
        if let Some(r) = self.rows.iter_mut().find(|r| r.id == id) {
            if let Some(v) = read {
                r.read = v;
            }
            if let Some(v) = bookmarked {
                r.bookmarked = v;
            }
        }
    }

    pub fn position_of(&self, id: ArticleId) -> Option<usize> {
        self.rows.iter().position(|r| r.id == id)
    }

    /// Where `open` (the article in the reader) stands; `None` when the
    /// list is empty.
    pub fn place_of(&self, open: ArticleId) -> Option<Place> {
        if let Some(i) = self.position_of(open) {
            return Some(Place::At(i));
        }
        let selected = self.selected_id()?;
        Some(match self.took_place {
            Some((gone, now)) if gone == open && now == selected => Place::Replaced(self.selected),
            _ => Place::Away(self.selected),
        })
    }
}
