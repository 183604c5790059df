//! The keyword sidebar: keywords with their counts, filtered as you type.

use crate::text::fold::fold_diacritics;

#[derive(Debug, Clone, Default)]
pub struct SidebarState {
    /// Most used first, ties in Vietnamese dictionary order (the store's order).
    pub keywords: Vec<(String, i64)>,
    /// Each keyword folded (no case, no diacritics), for the filter.
    folded: Vec<String>,
    /// The filter text, as typed.
    pub query: String,
    /// Indices into `keywords` that match the filter, in order.
    pub visible: Vec<usize>,
    /// Index into `visible`.
    pub selected: usize,
    pub offset: usize,
}

impl SidebarState {
    pub fn set_keywords(&mut self, keywords: Vec<(String, i64)>) {
        let keep = self.selected_name().map(str::to_string);
        self.folded = keywords.iter().map(|(n, _)| fold_diacritics(n)).collect();
        self.keywords = keywords;
        self.refilter();
        if let Some(k) = keep
            && let Some(i) = self.visible.iter().position(|&v| self.keywords[v].0 == k)
        {
            self.selected = i;
        }
    }

    /// Set the filter text: keywords containing every typed word (folded:
    /// "thai binh" finds "Thái Bình").
    pub fn set_query(&mut self, query: &str) {
        self.query = query.to_string();
        self.refilter();
    }

    fn refilter(&mut self) {
        let words: Vec<String> = fold_diacritics(&self.query)
            .split_whitespace()
            .map(str::to_string)
            .collect();
        self.visible = (0..self.keywords.len())
            .filter(|&i| words.iter().all(|w| self.folded[i].contains(w.as_str())))
            .collect();
        self.selected = self.selected.min(self.visible.len().saturating_sub(1));
        self.offset = self.offset.min(self.selected);
    }

    pub fn move_by(&mut self, delta: isize) {
        if self.visible.is_empty() {
            return;
        }
        self.selected = self
            .selected
            .saturating_add_signed(delta)
            .min(self.visible.len() - 1);
    }

    pub fn select(&mut self, index: usize) {
        if !self.visible.is_empty() {
            self.selected = index.min(self.visible.len() - 1);
        }
    }

    pub fn selected_name(&self) -> Option<&str> {
        self.visible
            .get(self.selected)
            .map(|&i| self.keywords[i].0.as_str())
    }

    pub fn scroll_into_view(&mut self, height: usize) {
        self.offset = super::offset_showing(self.selected, self.offset, height);
    }
}
