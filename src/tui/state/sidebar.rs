//! The sidebar: the sources (each feed and each site of saved pages, with
//! unread and total counts) or the keywords with their counts, filtered as
//! you type.

use crate::model::{Source, SourceCount};
use crate::text::fold::fold_diacritics;
use crate::text::syllables::{has_marks, words_start};

/// How many keywords the sidebar loads first, the most used: what its first
/// frame costs. Its filter finds the others in the store.
pub const FIRST_KEYWORDS: usize = 5000;

/// Which list the sidebar shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Section {
    #[default]
    Sources,
    Keywords,
}

#[derive(Debug, Clone, Default)]
pub struct SidebarState {
    pub section: Section,
    /// Feeds first, then sites (the store's order).
    pub sources: Vec<SourceCount>,
    /// Index into `sources`.
    pub source_selected: usize,
    pub source_offset: usize,
    /// Most used first, ties in Vietnamese dictionary order (the store's
    /// order): those loaded first, then the ones the store found for the
    /// filter among the others ([`SidebarState::add_found`]).
    pub keywords: Vec<(String, i64)>,
    /// How many of `keywords` were loaded first.
    loaded: usize,
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
        self.loaded = keywords.len();
        self.keywords = keywords;
        self.refilter();
        self.reselect(keep);
    }

    /// The keywords read again from the store: taken (as
    /// [`SidebarState::set_keywords`] takes them) if they differ from those
    /// loaded first. Whether they did.
    pub fn refresh_keywords(&mut self, keywords: Vec<(String, i64)>) -> bool {
        if self.keywords.get(..self.loaded) == Some(keywords.as_slice()) {
            return false;
        }
        self.set_keywords(keywords);
        true
    }

    fn reselect(&mut self, keep: Option<String>) {
        if let Some(k) = keep
            && let Some(i) = self.visible.iter().position(|&v| self.keywords[v].0 == k)
        {
            self.selected = i;
        }
    }

    /// Whether the filter text `query` should be looked for in the store:
    /// the keywords held are the first [`FIRST_KEYWORDS`], not all there are.
    pub fn wants_store(&self, query: &str) -> bool {
        self.loaded >= FIRST_KEYWORDS && !query.trim().is_empty()
    }

    /// What the store found for the filter text `query`: those not loaded
    /// first follow them (the previous query's are dropped). Dropped when
    /// the filter has changed since.
    pub fn add_found(&mut self, query: &str, found: Vec<(String, i64)>) {
        if query != self.query {
            return;
        }
        let keep = self.selected_name().map(str::to_string);
        self.keywords.truncate(self.loaded);
        self.folded.truncate(self.loaded);
        let held: std::collections::HashSet<&str> =
            self.keywords.iter().map(|(n, _)| n.as_str()).collect();
        let new: Vec<(String, i64)> = found
            .into_iter()
            .filter(|(n, _)| !held.contains(n.as_str()))
            .collect();
        self.folded
            .extend(new.iter().map(|(n, _)| fold_diacritics(n)));
        self.keywords.extend(new);
        self.refilter();
        self.reselect(keep);
    }

    /// Set the filter text: keywords containing every typed word at the
    /// start of one of theirs, marks as the search reads them ("thai binh"
    /// finds "Thái Bình", "hà" finds "Hà Nội", not "Hải Phòng").
    pub fn set_query(&mut self, query: &str) {
        self.query = query.to_string();
        if query.trim().is_empty() {
            // What the store found for a filter goes with it.
            self.keywords.truncate(self.loaded);
            self.folded.truncate(self.loaded);
        }
        self.refilter();
    }

    fn refilter(&mut self) {
        // Each typed word at the start of a word of the keyword, as the
        // store's filter finds them ("ha" finds "Hà Nội", not "nội thất").
        let words: Vec<(String, String)> = fold_diacritics(&self.query)
            .split_whitespace()
            .map(|w| (w.to_string(), format!(" {w}")))
            .collect();
        // Typed with marks: that spelling, as the search reads it.
        let marked = has_marks(&self.query);
        self.visible = (0..self.keywords.len())
            .filter(|&i| {
                let name = &self.folded[i];
                words.iter().all(|(w, spaced)| {
                    name.starts_with(w.as_str()) || name.contains(spaced.as_str())
                }) && (!marked || words_start(&self.query, &self.keywords[i].0))
            })
            .collect();
        self.selected = self.selected.min(self.visible.len().saturating_sub(1));
        self.offset = self.offset.min(self.selected);
    }

    /// New counts; the selection stays on the same source.
    pub fn set_sources(&mut self, sources: Vec<SourceCount>) {
        let keep = self.selected_source().cloned();
        self.sources = sources;
        self.source_selected = keep
            .and_then(|k| self.sources.iter().position(|s| s.source == k))
            .unwrap_or(self.source_selected)
            .min(self.sources.len().saturating_sub(1));
    }

    pub fn selected_source(&self) -> Option<&Source> {
        if self.section != Section::Sources {
            return None;
        }
        self.sources.get(self.source_selected).map(|s| &s.source)
    }

    /// The sources with unread articles after `from` in the sidebar's
    /// order, going round (`from` itself last); all of them, in order, when
    /// `from` is not a listed source.
    pub fn sources_with_unread_after(&self, from: Option<&Source>) -> Vec<Source> {
        let start = from
            .and_then(|f| self.sources.iter().position(|s| &s.source == f))
            .map_or(0, |i| i + 1);
        let n = self.sources.len();
        (0..n)
            .map(|k| &self.sources[(start + k) % n.max(1)])
            .filter(|s| s.unread > 0 && Some(&s.source) != from)
            .map(|s| s.source.clone())
            .collect()
    }

    pub fn move_by(&mut self, delta: isize) {
        if self.section == Section::Sources {
            if !self.sources.is_empty() {
                self.source_selected = self
                    .source_selected
                    .saturating_add_signed(delta)
                    .min(self.sources.len() - 1);
            }
            return;
        }
        if self.visible.is_empty() {
            return;
        }
        self.selected = self
            .selected
            .saturating_add_signed(delta)
            .min(self.visible.len() - 1);
    }

    pub fn select(&mut self, index: usize) {
        if self.section == Section::Sources {
            if !self.sources.is_empty() {
                self.source_selected = index.min(self.sources.len() - 1);
            }
            return;
        }
        if !self.visible.is_empty() {
            self.selected = index.min(self.visible.len() - 1);
        }
    }

    pub fn selected_name(&self) -> Option<&str> {
        if self.section != Section::Keywords {
            return None;
        }
        self.visible
            .get(self.selected)
            .map(|&i| self.keywords[i].0.as_str())
    }

    pub fn scroll_into_view(&mut self, height: usize) {
        if self.section == Section::Sources {
            self.source_offset =
                super::offset_showing(self.source_selected, self.source_offset, height);
            return;
        }
        self.offset = super::offset_showing(self.selected, self.offset, height);
    }
}

/// How a source is named: its listed name (with what tells it from a feed
/// of the same name), else what it is.
pub fn source_label(sidebar: &SidebarState, source: &Source) -> String {
    let name = sidebar
        .sources
        .iter()
        .find(|s| &s.source == source)
        .map(|s| match &s.detail {
            Some(d) if !s.name.is_empty() => format!("{} ({d})", s.name),
            _ => s.name.clone(),
        });
    match (name, source) {
        (Some(n), _) if !n.is_empty() => n,
        (_, Source::Site(None)) => "pages with no site".to_string(),
        (_, Source::Site(Some(s))) => s.clone(),
        (_, Source::Feed(id)) => format!("feed {id}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A typed word matches at the start of a keyword's word, marks or
    /// not: "ha noi" is "TP Hà Nội", not "nội thất" ("ha" inside "thất").
    #[test]
    fn the_filter_matches_at_the_start_of_words() {
        let mut s = SidebarState::default();
        s.set_keywords(vec![
            ("nội thất".to_string(), 9),
            ("TP Hà Nội".to_string(), 5),
            ("Hải Phòng".to_string(), 2),
        ]);
        s.set_query("ha noi");
        assert_eq!(s.visible, [1]);
        s.set_query("h");
        assert_eq!(s.visible, [1, 2]);
        // Typed with marks, that spelling, as the search reads it.
        s.set_query("hà");
        assert_eq!(s.visible, [1]);
        s.set_query("nộ");
        assert_eq!(s.visible, [0, 1]);
        s.set_query("nô");
        assert_eq!(s.visible, [0, 1], "the tone not typed yet");
        s.set_query("hả");
        assert_eq!(s.visible, [2]);
        s.set_query("");
        assert_eq!(s.visible, [0, 1, 2]);
    }
}
