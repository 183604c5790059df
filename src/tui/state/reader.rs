//! The reader pane: what it shows (a stored article, or a stub for a related
//! story that is not in the store), its wrapped lines for the current width
//! (cached per article and width), and the scroll position.

use crate::model::{Article, ArticleId, Keyword, Position, Related};
use crate::text::layout::{LaidLine, layout_article_with};
use crate::text::wrap::WrapAlgorithm;

use super::nav::stub_article;

/// What the reader shows. A stub has no id: nothing about it can reach a
/// store write.
#[derive(Debug, Clone, PartialEq)]
pub enum Shown {
    Stored(Box<Article>),
    /// A related story that is not in the store: its title, excerpt, link.
    Stub(Related),
}

impl Shown {
    /// The stored article's id; `None` for a stub.
    pub fn id(&self) -> Option<ArticleId> {
        match self {
            Shown::Stored(a) => Some(a.id),
            Shown::Stub(_) => None,
        }
    }

    pub fn article(&self) -> Option<&Article> {
        match self {
            Shown::Stored(a) => Some(a),
            Shown::Stub(_) => None,
        }
    }

    pub fn title(&self) -> &str {
        match self {
            Shown::Stored(a) => &a.title,
            Shown::Stub(r) => &r.title,
        }
    }

    pub fn url(&self) -> Option<&str> {
        match self {
            Shown::Stored(a) => a.url.as_deref(),
            Shown::Stub(r) => r.url.as_deref(),
        }
    }

    pub fn keywords(&self) -> &[Keyword] {
        match self {
            Shown::Stored(a) => &a.keywords,
            Shown::Stub(_) => &[],
        }
    }

    pub fn related(&self) -> &[Related] {
        match self {
            Shown::Stored(a) => &a.related,
            Shown::Stub(_) => &[],
        }
    }

    /// The links of the article's text, numbered in it from 1.
    pub fn links(&self) -> Vec<&crate::model::Link> {
        match self {
            Shown::Stored(a) => crate::text::layout::article_links(a),
            Shown::Stub(_) => Vec::new(),
        }
    }

    /// The number of pickable targets: chips, related stories, links.
    fn targets(&self) -> usize {
        self.keywords().len() + self.related().len() + self.links().len()
    }

    /// The pane's caption: the site, marked ★ when bookmarked.
    pub fn caption(&self) -> String {
        match self {
            Shown::Stored(a) => format!(
                "{}{}",
                if a.bookmarked { "★ " } else { "" },
                a.site.as_deref().unwrap_or("Article")
            ),
            Shown::Stub(_) => "related story (not in the store)".to_string(),
        }
    }

    fn lay_out(&self, width: usize, algo: WrapAlgorithm) -> Vec<LaidLine> {
        match self {
            Shown::Stored(a) => layout_article_with(a, width, algo),
            Shown::Stub(r) => layout_article_with(&stub_article(r), width, algo),
        }
    }
}

/// Where a laid-out line starts, as a reading position.
fn position_of(line: &LaidLine) -> Position {
    Position {
        paragraph: line.anchor,
        offset: line.offset,
    }
}

/// What lines were wrapped for: the stored article (none for a stub) and the width.
pub type LayoutKey = (Option<ArticleId>, usize);

/// Where the reader stood: its top line, its reading position, and the
/// lines (article and width) `top` counts in.
#[derive(Debug, Clone, Copy, PartialEq)]
struct View {
    top: usize,
    anchor: Position,
    at_end: bool,
    wrapped_for: Option<LayoutKey>,
}

#[derive(Debug, Clone, Default)]
pub struct ReaderState {
    pub shown: Option<Shown>,
    /// How lines are filled (config `wrap`).
    pub wrap: WrapAlgorithm,
    /// The widest the text column gets (config `max_width`; 0: no limit).
    pub max_width: usize,
    /// Wrapped lines for `wrapped_for`.
    pub lines: Vec<LaidLine>,
    /// (article id, or none for a stub; text width) the lines were wrapped for.
    pub wrapped_for: Option<LayoutKey>,
    /// The reading position last saved to the store, to save only changes.
    pub saved: Option<(ArticleId, Position)>,
    /// First line shown.
    pub top: usize,
    /// Lines that fit in the pane, as last laid out.
    pub height: usize,
    /// The position to restore once the article is laid out (reopening it).
    pub pending_anchor: Option<Position>,
    /// A pending position on the article's last screen (it was read to the
    /// end) is dropped for its top: an article opened to be read again
    /// starts over, as in newsboat. Not for the article the reader
    /// resumes on when it starts.
    pub read_again_from_top: bool,
    /// The keyword chip, related story or link picked with `]`/`[`: chips
    /// first (0..keywords), then related stories, then the text's links.
    pub target: Option<usize>,
    /// The reading position the reader chose (the top line's paragraph and
    /// offset in it): kept across re-wraps, changed only by scrolling.
    anchor: Position,
    /// The reader scrolled to the very end: stay there across re-wraps.
    at_end: bool,
    /// Find in the article: the query, and its matches as (line, byte range).
    pub find: Option<String>,
    pub find_hits: Vec<(usize, std::ops::Range<usize>)>,
    /// What to highlight: every line's part of every match (a match
    /// wrapped over two lines is one hit and two marks).
    pub find_marks: Vec<(usize, std::ops::Range<usize>)>,
    /// The match last jumped to.
    pub find_current: Option<usize>,
    /// The last jump to a match went past the end (or the start) and on
    /// from the other end.
    pub find_wrapped: bool,
    /// (query, wrapped_for) the hits were computed for.
    find_for: Option<(String, Option<LayoutKey>)>,
    /// The view when `/` was pressed, while the find's prompt is open:
    /// each edit searches from it, Esc goes back to it.
    find_origin: Option<View>,
    /// (width, top line) to keep when the same article is laid out again
    /// ([`ReaderState::refresh`]).
    keep_top: Option<(usize, usize)>,
}

impl ReaderState {
    /// The stored article shown, if any (not a stub).
    pub fn article(&self) -> Option<&Article> {
        self.shown.as_ref().and_then(Shown::article)
    }

    /// The id of the stored article shown (`None` for nothing or a stub).
    pub fn article_id(&self) -> Option<ArticleId> {
        self.shown.as_ref().and_then(Shown::id)
    }

    pub fn is_open(&self) -> bool {
        self.shown.is_some()
    }

    /// Does the reader show this stored article?
    pub fn shows(&self, id: ArticleId) -> bool {
        self.article_id() == Some(id)
    }

    /// A read or bookmark mark changed: the open article shows it.
    pub fn set_flags(&mut self, id: ArticleId, read: Option<bool>, bookmarked: Option<bool>) {
        if let Some(Shown::Stored(a)) = self.shown.as_mut().filter(|s| s.id() == Some(id)) {
            if let Some(v) = read {
                a.read = v;
            }
            if let Some(v) = bookmarked {
                a.bookmarked = v;
            }
        }
    }

    /// Show a newly opened article, to be scrolled to `anchor` once laid out
    /// (a paragraph number is the start of that paragraph).
    pub fn open(&mut self, article: Article, anchor: impl Into<Position>) {
        self.show(Shown::Stored(Box::new(article)), anchor.into());
    }

    /// Show nothing (beside a list that has become empty); the settings
    /// (`wrap`, `max_width`) stay.
    pub fn close(&mut self) {
        *self = ReaderState {
            wrap: self.wrap,
            max_width: self.max_width,
            ..ReaderState::default()
        };
    }

    /// Show a related story that is not in the store.
    pub fn open_stub(&mut self, related: Related, anchor: impl Into<Position>) {
        self.show(Shown::Stub(related), anchor.into());
    }

    fn show(&mut self, shown: Shown, anchor: Position) {
        self.shown = Some(shown);
        self.lines.clear();
        self.wrapped_for = None;
        self.top = 0;
        self.pending_anchor = Some(anchor);
        self.read_again_from_top = false;
        self.target = None;
        self.anchor = anchor;
        self.at_end = false;
        self.find = None;
        self.find_hits.clear();
        self.find_marks.clear();
        self.find_for = None;
        self.find_origin = None;
    }

    /// The open article again, changed below the reader's view (its related
    /// stories were computed): the same lines stay in view (a reader at the
    /// end stays at the end), and the find and the picked target stay as
    /// they were. The reading position alone would move a view whose top
    /// line is the blank line before a paragraph down to the paragraph's text.
    pub fn refresh(&mut self, article: Article) {
        let width = self.wrapped_for.map(|(_, w)| w);
        let (top, anchor, at_end) = (self.top, self.anchor, self.at_end);
        let (target, find) = (self.target, self.find.take());
        let origin = self.find_origin.take();
        self.open(article, anchor);
        self.pending_anchor = None;
        self.at_end = at_end;
        self.target = target;
        self.find = find;
        self.find_origin = origin;
        self.keep_top = width.map(|w| (w, top));
    }

    /// Recompute the find matches if the query or the lines changed. The
    /// query is found as a phrase, with the search's mark rules ("kiem dinh"
    /// finds "Kiểm định" and "kiểm đinh", "kiểm định" only the first; see
    /// [`crate::text::search::find_matches`]), in each run of non-blank
    /// lines read as one text, so a phrase wrapped over two lines is one
    /// match, marked on both.
    pub fn refresh_find(&mut self) {
        let Some(q) = &self.find else {
            self.find_hits.clear();
            self.find_marks.clear();
            self.find_for = None;
            return;
        };
        let key = (q.clone(), self.wrapped_for);
        if self.find_for.as_ref() == Some(&key) {
            return;
        }
        self.find_current = None;
        let (hits, marks) = find_in_lines(self.lines.iter().map(|l| l.text.as_str()), q);
        self.find_hits = hits;
        self.find_marks = marks;
        self.find_for = Some(key);
    }

    /// Go to the next (or previous) match, from the current one while it is
    /// on the screen, else from the screen as less and vim do: the first
    /// match at or below its top line, or the last one above it (`n` after
    /// `G` went back to the match after the one left near the top: a
    /// tester's report). Past the last (or first) one, on from the other
    /// end (`find_wrapped` says so); nothing when there is no match.
    pub fn jump_match(&mut self, dir: isize) {
        let n = self.find_hits.len();
        if n == 0 {
            return;
        }
        let shown = |line: usize| line >= self.top && line < self.top + self.height;
        let current = self.find_current.filter(|&c| shown(self.find_hits[c].0));
        let next = match current {
            Some(c) if dir > 0 => (c + 1 < n).then_some(c + 1),
            Some(c) => c.checked_sub(1),
            None if dir > 0 => self.find_hits.iter().position(|(l, _)| *l >= self.top),
            None => self.find_hits.iter().rposition(|(l, _)| *l < self.top),
        };
        let wrapped = next.is_none();
        let i = next.unwrap_or(if dir > 0 { 0 } else { n - 1 });
        self.show_match(i);
        self.find_wrapped = wrapped;
    }

    /// Make match `i` the current one, scrolling only if it is off the screen.
    fn show_match(&mut self, i: usize) {
        self.find_current = Some(i);
        let line = self.find_hits[i].0;
        if line < self.top || line >= self.top + self.height {
            self.scroll_to(line.saturating_sub(self.height / 3));
        }
    }

    /// `/` was pressed: remember the view, to search from and to go back to.
    pub fn begin_find(&mut self) {
        self.find_origin = Some(self.view());
    }

    /// The find's query was edited (or taken): as in less and vim's
    /// incsearch, the view goes back to where the find started and shows
    /// the first match from its top line down, else the first of all
    /// (`find_wrapped`), else stays there.
    pub fn find_from_origin(&mut self) {
        if let Some(v) = self.find_origin {
            self.restore(v);
        }
        self.refresh_find();
        self.find_current = None;
        self.find_wrapped = false;
        if self.find_hits.is_empty() {
            return;
        }
        let first = self.find_hits.iter().position(|(l, _)| *l >= self.top);
        self.find_wrapped = first.is_none();
        self.show_match(first.unwrap_or(0));
    }

    /// Esc in the find's prompt: the view as it was when `/` was pressed,
    /// and no find.
    pub fn cancel_find(&mut self) {
        if let Some(v) = self.find_origin.take() {
            self.restore(v);
        }
        self.find = None;
        self.find_hits.clear();
        self.find_marks.clear();
        self.find_current = None;
        self.find_for = None;
    }

    /// Enter in the find's prompt: the view stays at the match.
    pub fn end_find(&mut self) {
        self.find_origin = None;
    }

    /// Is the find's prompt open (its edits move the view, for now)?
    pub fn finding(&self) -> bool {
        self.find_origin.is_some()
    }

    fn view(&self) -> View {
        View {
            top: self.top,
            anchor: self.anchor,
            at_end: self.at_end,
            wrapped_for: self.wrapped_for,
        }
    }

    /// Back to a view: its top line if the lines are those it was on, else
    /// the line of its reading position (the terminal was resized).
    fn restore(&mut self, v: View) {
        self.anchor = v.anchor;
        self.at_end = v.at_end;
        self.top = if v.wrapped_for == self.wrapped_for {
            v.top
        } else if v.at_end {
            self.max_top()
        } else {
            self.line_of(v.anchor).unwrap_or(0)
        };
        self.top = self.top.min(self.max_top());
    }

    /// How many chips, related stories and links can be picked.
    pub fn target_count(&self) -> usize {
        self.shown.as_ref().map_or(0, Shown::targets)
    }

    /// Pick the next (or previous) target and scroll it into view.
    pub fn step_target(&mut self, dir: isize) {
        let n = self.target_count();
        if n == 0 {
            return;
        }
        let next = match self.target {
            None if dir > 0 => 0,
            None => n - 1,
            Some(t) => (t as isize + dir).rem_euclid(n as isize) as usize,
        };
        self.target = Some(next);
        if let Some(line) = self.line_of_target(next)
            && (line < self.top || line >= self.top + self.height)
        {
            self.scroll_to(line.saturating_sub(self.height / 3));
        }
    }

    /// The first line showing a target.
    pub fn line_of_target(&self, target: usize) -> Option<usize> {
        let shown = self.shown.as_ref()?;
        let (chips, related) = (shown.keywords().len(), shown.related().len());
        self.lines.iter().position(|l| {
            if target < chips {
                l.chips.iter().any(|(i, _)| *i == target)
            } else if target < chips + related {
                l.related == Some(target - chips)
            } else {
                l.link == Some(target - chips - related)
            }
        })
    }

    /// Re-wrap if the article or the width changed, keeping the reading
    /// position: the line holding the words the reader scrolled to stays at
    /// the top (within a line: it may start a few words earlier), and a
    /// reader at the end of an article stays at the end. Clamping at a size
    /// where the tail fits never moves the remembered position.
    pub fn ensure_layout(&mut self, width: usize, height: usize) {
        self.height = height.max(1);
        let Some(shown) = &self.shown else {
            self.lines.clear();
            return;
        };
        let key = (shown.id(), width.max(1));
        let relayout = self.wrapped_for != Some(key);
        if relayout {
            self.lines = shown.lay_out(width.max(1), self.wrap);
            self.wrapped_for = Some(key);
        }
        let kept = self.keep_top.take().filter(|&(w, _)| w == width.max(1));
        if let Some(a) = self.pending_anchor.take() {
            self.anchor = a;
            self.at_end = false;
            if std::mem::take(&mut self.read_again_from_top)
                && self
                    .line_of(a)
                    .is_some_and(|l| l > 0 && l >= self.max_top())
            {
                self.anchor = Position::default();
                // Not saved: the store keeps it read to the end (the
                // article the reader resumes on at its start stays there).
                let id = self.article_id();
                if let Some((saved, at)) = self.saved.as_mut()
                    && Some(*saved) == id
                {
                    *at = Position::default();
                }
            }
        }
        if let (Some((_, top)), false) = (kept, self.at_end) {
            self.top = top;
        } else if relayout || self.at_end || self.top > self.max_top() {
            self.top = if self.at_end {
                self.max_top()
            } else {
                self.line_of(self.anchor).unwrap_or(0)
            };
        }
        self.top = self.top.min(self.max_top());
        self.refresh_find();
    }

    /// The reading position to save: the paragraph and the offset in it of
    /// the top line the reader scrolled to.
    pub fn position(&self) -> Position {
        if self.at_end {
            // Reopening at the last line lands at the end again.
            return self.lines.last().map_or(self.anchor, position_of);
        }
        self.anchor
    }

    /// The line to show at the top for a reading position: the last line of
    /// its paragraph that starts at or before its offset (the line holding
    /// it), past the blank line that opens the paragraph; the first line of
    /// the next block when the paragraph is gone.
    pub fn line_of(&self, pos: Position) -> Option<usize> {
        let start = self.lines.iter().position(|l| l.anchor >= pos.paragraph)?;
        let block = self.lines[start].anchor;
        let same = |i: usize| self.lines.get(i).is_some_and(|l| l.anchor == block);
        let mut found = if self.lines[start].text.is_empty() && same(start + 1) {
            start + 1
        } else {
            start
        };
        if block == pos.paragraph {
            while same(found + 1) && self.lines[found + 1].offset <= pos.offset {
                found += 1;
            }
        }
        Some(found)
    }

    pub fn max_top(&self) -> usize {
        self.lines.len().saturating_sub(self.height)
    }

    /// The user scrolled: the top line's paragraph and offset become the
    /// reading position.
    fn moved(&mut self) {
        self.top = self.top.min(self.max_top());
        self.anchor = self
            .lines
            .get(self.top)
            .map_or_else(Position::default, position_of);
        self.at_end = self.top > 0 && self.top >= self.max_top();
    }

    pub fn scroll_by(&mut self, delta: isize) {
        self.top = self.top.saturating_add_signed(delta);
        self.moved();
    }

    pub fn scroll_to(&mut self, top: usize) {
        self.top = top;
        self.moved();
    }

    pub fn at_end(&self) -> bool {
        self.top >= self.max_top()
    }

    /// How far through the article the bottom of the view is, 0–100.
    /// How much of the article's text has been on screen, in percent: up
    /// to its keywords, not the related stories after them, which grow when
    /// the computed ones arrive (that must not move the figure, and redraw
    /// the status line, a moment after an article opens).
    pub fn percent(&self) -> u16 {
        if self.lines.is_empty() {
            return 0;
        }
        let end = self
            .lines
            .iter()
            .position(|l| l.role == crate::text::layout::Role::SectionHeader)
            .map_or(self.lines.len(), |i| i.saturating_sub(1))
            .max(1);
        let seen = (self.top + self.height).min(end);
        (seen * 100 / end) as u16
    }
}

/// The matches of `query` in `lines` as (line, byte range of its start), and
/// every line's part of them: each run of non-blank lines is searched as one
/// text, its lines joined by line breaks.
fn find_in_lines<'a>(lines: impl Iterator<Item = &'a str>, query: &str) -> (FindSpans, FindSpans) {
    let lines: Vec<&str> = lines.collect();
    let (mut hits, mut marks) = (Vec::new(), Vec::new());
    let mut i = 0;
    while i < lines.len() {
        if lines[i].trim().is_empty() {
            i += 1;
            continue;
        }
        let first = i;
        let mut joined = String::new();
        let mut starts = Vec::new();
        while i < lines.len() && !lines[i].trim().is_empty() {
            starts.push(joined.len());
            joined.push_str(lines[i]);
            joined.push('\n');
            i += 1;
        }
        for r in crate::text::search::find_matches(&joined, query) {
            let mut new_hit = true;
            for (k, &at) in starts.iter().enumerate() {
                let end = at + lines[first + k].len();
                let (s, e) = (r.start.max(at), r.end.min(end));
                if s < e {
                    let part = (first + k, s - at..e - at);
                    if new_hit {
                        hits.push(part.clone());
                        new_hit = false;
                    }
                    marks.push(part);
                }
            }
        }
    }
    (hits, marks)
}

/// (line, byte range) pairs.
type FindSpans = Vec<(usize, std::ops::Range<usize>)>;

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 13: find counts phrase occurrences (not each syllable), with
    /// the search's mark rules, a phrase wrapped over two lines once.
    #[test]
    fn find_counts_phrases_across_wrapped_lines() {
        let lines = [
            "Trạm kiểm định xe cơ giới. Kiểm",
            "định lại lần hai; kiểm tra định kỳ.",
            "",
            "Kiểm đinh.",
        ];
        let (hits, marks) = find_in_lines(lines.iter().copied(), "kiem dinh");
        assert_eq!(hits.len(), 3);
        let text = |(l, r): &(usize, std::ops::Range<usize>)| (*l, &lines[*l][r.clone()]);
        let marks: Vec<(usize, &str)> = marks.iter().map(text).collect();
        assert_eq!(
            marks,
            [(0, "kiểm định"), (0, "Kiểm"), (1, "định"), (3, "Kiểm đinh")]
        );
        let (hits, _) = find_in_lines(lines.iter().copied(), "kiểm định");
        let hits: Vec<(usize, &str)> = hits.iter().map(text).collect();
        assert_eq!(hits, [(0, "kiểm định"), (0, "Kiểm")]);
        let (hits, _) = find_in_lines(lines.iter().copied(), "định kỳ");
        assert_eq!(hits.len(), 1);
    }
}
