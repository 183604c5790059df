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
    /// First row shown, among the sources the filter lets through.
    pub source_offset: usize,
    /// The sources' filter text, as typed: names holding every typed word
    /// at the start of one of theirs, as the keywords' filter reads them.
    pub source_query: String,
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
        let typed = Typed::new(&self.query, false);
        self.visible = (0..self.keywords.len())
            .filter(|&i| typed.holds(&self.keywords[i].0, &self.folded[i]))
            .collect();
        self.selected = self.selected.min(self.visible.len().saturating_sub(1));
        self.offset = self.offset.min(self.selected);
    }

    /// Set the sources' filter text (`/` in the sources): the first source
    /// it lets through is selected; emptied, the selection stays where it is.
    pub fn set_source_query(&mut self, query: &str) {
        self.source_query = query.to_string();
        self.source_offset = 0;
        if !query.trim().is_empty() {
            self.select(0);
        }
    }

    /// The sources shown, as indices into `sources`: those whose name (or
    /// what tells it from a namesake) the filter lets through, all when
    /// there is none. Read at each use, so that new counts
    /// ([`SidebarState::set_sources`]) need nothing more.
    pub fn source_rows(&self) -> Vec<usize> {
        if self.source_query.trim().is_empty() {
            return (0..self.sources.len()).collect();
        }
        let typed = Typed::new(&self.source_query, true);
        (self.sources.iter().enumerate())
            .filter(|(_, s)| {
                let name = match &s.detail {
                    Some(d) => format!("{} {d}", s.name),
                    None => s.name.clone(),
                };
                typed.holds(&name, &words_apart(&fold_diacritics(&name)))
            })
            .map(|(i, _)| i)
            .collect()
    }

    /// Where the selected source stands among [`SidebarState::source_rows`].
    pub fn source_row(&self) -> Option<usize> {
        (self.source_rows().iter()).position(|&i| i == self.source_selected)
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
        // One the filter hides is not selected (none is when none shows).
        self.source_row()?;
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
            let rows = self.source_rows();
            if !rows.is_empty() {
                let at = self.source_row().unwrap_or(0);
                self.source_selected = rows[at.saturating_add_signed(delta).min(rows.len() - 1)];
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
            let rows = self.source_rows();
            if !rows.is_empty() {
                self.source_selected = rows[index.min(rows.len() - 1)];
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
            let row = self.source_row().unwrap_or(0);
            self.source_offset = super::offset_showing(row, self.source_offset, height);
            return;
        }
        self.offset = super::offset_showing(self.selected, self.offset, height);
    }
}

/// A filter's typed words, as the sidebar's filters read them: each at the
/// start of a word of a name, marks as the search reads them ("thai binh"
/// finds "Thái Bình", "hà" finds "Hà Nội", not "Hải Phòng").
struct Typed<'a> {
    query: &'a str,
    /// Each typed word folded, and with the space before it.
    words: Vec<(String, String)>,
    /// Typed with marks: that spelling, as the search reads it.
    marked: bool,
}

impl<'a> Typed<'a> {
    /// `apart`: a source's name, where a dot or a dash parts words as a
    /// space does ("vne" finds "e.vnexpress.net"; "tin moi" "tin-moi-nhat").
    fn new(query: &'a str, apart: bool) -> Typed<'a> {
        let mut folded = fold_diacritics(query);
        if apart {
            folded = words_apart(&folded);
        }
        let words = (folded.split_whitespace())
            .map(|w| (w.to_string(), format!(" {w}")))
            .collect();
        Typed {
            query,
            words,
            marked: has_marks(query),
        }
    }

    /// Whether `name` (`folded` as [`fold_diacritics`] folds it) holds
    /// every typed word at the start of one of its words.
    fn holds(&self, name: &str, folded: &str) -> bool {
        self.words
            .iter()
            .all(|(w, spaced)| folded.starts_with(w.as_str()) || folded.contains(spaced.as_str()))
            && (!self.marked || words_start(self.query, name))
    }
}

/// `s` with every character that is no letter or digit a space.
fn words_apart(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect()
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
