//! The keyword sidebar: keywords with their counts, a selection.

#[derive(Debug, Clone, Default)]
pub struct SidebarState {
    pub keywords: Vec<(String, i64)>,
    pub selected: usize,
    pub offset: usize,
}

impl SidebarState {
    pub fn move_by(&mut self, delta: isize) {
        if self.keywords.is_empty() {
            return;
        }
        self.selected = self
            .selected
            .saturating_add_signed(delta)
            .min(self.keywords.len() - 1);
    }

    pub fn select(&mut self, index: usize) {
        if !self.keywords.is_empty() {
            self.selected = index.min(self.keywords.len() - 1);
        }
    }

    pub fn selected_name(&self) -> Option<&str> {
        self.keywords.get(self.selected).map(|(n, _)| n.as_str())
    }

    pub fn scroll_into_view(&mut self, height: usize) {
        let height = height.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + height {
            self.offset = self.selected + 1 - height;
        }
    }
}
