//! The article list pane.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{is_focused, pane_block};
use crate::model::{ArticleSummary, ListFilter};
use crate::text::width::{pad, truncate, width};
use crate::text::wrap_line;
use crate::tui::action::Action;
use crate::tui::config::Config;
use crate::tui::keymap::Context;
use crate::tui::state::layout::inner_height;
use crate::tui::state::search::{ROWS_PER_HIT, SearchState};
use crate::tui::state::{AppState, Focus};
use crate::tui::ui::theme::Role;

pub fn draw(frame: &mut Frame, area: Rect, state: &AppState, cfg: &Config) {
    if let Some(search) = &state.search {
        return draw_search(frame, area, state, search, cfg);
    }
    let list = &state.list;
    let focused = is_focused(state, Focus::List);
    let what = match (list.filter.bookmarked, list.filter.unread) {
        (true, true) => "Unread bookmarks",
        (true, false) => "Bookmarks",
        (false, true) => "Unread",
        (false, false) => "Articles",
    };
    let mut title = format!(
        " {what} ({})",
        crate::text::layout::group_thousands(list.total)
    );
    for f in filter_words(state, false) {
        title.push_str(" · ");
        title.push_str(&f);
    }
    // Cut with "…" to the room between the corners: cut bare by the
    // border, "#Thái Bình Dương" read "#Thái Bình", another keyword.
    let room = usize::from(area.width).saturating_sub(3);
    let mut title = truncate(&title, room);
    title.push(' ');
    let block = pane_block(title, focused, cfg);
    let inner_w = area.width.saturating_sub(2) as usize;
    let h = inner_height(area.height);
    let offset = visible_offset(list.selected, list.offset, h);
    let mut lines: Vec<Line> = Vec::with_capacity(h);
    if list.rows.is_empty() {
        let unfiltered = list.filter == ListFilter::default();
        let parts = if unfiltered && list.total == 0 {
            // The first run on an empty store: how to get the news in.
            let mut parts = vec![
                "No articles yet.".to_string(),
                "Add a feed: docbao feed add URL".to_string(),
                "Import files: docbao import FILE".to_string(),
            ];
            if let Some(k) = cfg.keymap.hint(Context::List, Action::AddPage) {
                parts.push(format!("{k}: save a web page"));
            }
            parts
        } else {
            empty_view(&list.filter, cfg)
        };
        for part in &parts {
            for l in wrap_line(part, inner_w.max(1)) {
                lines.push(Line::styled(l, cfg.theme.style(Role::Muted)));
            }
        }
    }
    // The date column only when a row on the screen has a date: a store of
    // undated articles (saved pages, some exports) gives its width to titles.
    let dated = list
        .rows
        .iter()
        .skip(offset)
        .take(h)
        .any(|r| !short_date(r).is_empty());
    for (i, row) in list.rows.iter().enumerate().skip(offset).take(h) {
        lines.push(row_line(
            row,
            inner_w,
            dated,
            i == list.selected,
            focused,
            state,
            cfg,
        ));
    }
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

/// The filters that apply, as the pane's title names them.
fn filter_words(state: &AppState, with_flags: bool) -> Vec<String> {
    let f = &state.list.filter;
    let mut out = Vec::new();
    if let Some(source) = &f.source {
        out.push(crate::tui::state::sidebar::source_label(
            &state.sidebar,
            source,
        ));
    }
    for k in &f.keywords {
        out.push(format!("#{k}"));
    }
    if with_flags && f.unread {
        out.push("unread only".to_string());
    }
    if with_flags && f.bookmarked {
        out.push("bookmarks".to_string());
    }
    out
}

/// Where the view starts so that the selection is visible (the stored offset
/// is a hint; the draw never moves the selection).
pub fn visible_offset(selected: usize, offset: usize, height: usize) -> usize {
    crate::tui::state::offset_showing(selected, offset, height)
}

/// The list's date column: `05/03/21` for 2021-03-05; a year outside
/// 2000–2099 whole, with its month only (`09/1945`, `12/9999`): two digits
/// would read as this century's.
fn short_date(row: &ArticleSummary) -> String {
    match row.published.as_deref() {
        Some(p) if p.len() >= 10 && p.as_bytes()[..10].is_ascii() => {
            let (year, month, day) = (&p[..4], &p[5..7], &p[8..10]);
            match year.strip_prefix("20") {
                Some(yy) => format!("{day}/{month}/{yy}"),
                None => format!("{month}/{year}"),
            }
        }
        _ => String::new(),
    }
}

fn row_line<'a>(
    row: &'a ArticleSummary,
    w: usize,
    dated: bool,
    selected: bool,
    focused: bool,
    state: &AppState,
    cfg: &Config,
) -> Line<'a> {
    let unread = if row.read { ' ' } else { '•' };
    let mark = if row.bookmarked { '★' } else { ' ' };
    let prefix = if dated {
        format!("{unread}{mark}{:<8} ", short_date(row))
    } else {
        format!("{unread}{mark}")
    };
    let site = row.site.as_deref().unwrap_or("");
    let title_w = w.saturating_sub(width(&prefix));
    let mut title = truncate(&row.title, title_w);
    // The site goes at the right end when there is room for it.
    if !site.is_empty() && w >= 60 && width(&title) + width(site) + 3 <= title_w {
        let gap = title_w - width(&title) - width(site);
        title = format!("{title}{}{site}", " ".repeat(gap));
    }
    let text = pad(&format!("{prefix}{title}"), w);
    let mut style = if row.read {
        cfg.theme.style(Role::Body)
    } else {
        cfg.theme.style(Role::Unread)
    };
    if selected {
        style = style.patch(if focused || state.focus != Focus::List {
            cfg.theme.style(Role::Selected)
        } else {
            cfg.theme.style(Role::Muted)
        });
    }
    Line::from(Span::styled(text, style))
}

/// Search results in the list pane: a line with the date and title, then the
/// snippet with the matched words highlighted in their original spelling.
fn draw_search(
    frame: &mut Frame,
    area: Rect,
    state: &AppState,
    search: &SearchState,
    cfg: &Config,
) {
    // The search prompt types into the results (not a find in the reader).
    let focused = is_focused(state, Focus::List)
        || state
            .input
            .as_ref()
            .is_some_and(|i| i.kind == crate::tui::state::InputKind::Search);
    // The count and the list's filters (they apply to the search too: u
    // toggles unread only) after the query, which gets the room they leave
    // (at least a few characters): the count is what the title is for.
    let mut tail = format!("” ({})", search.count_label());
    for f in filter_words(state, true) {
        tail.push_str(" · ");
        tail.push_str(&f);
    }
    tail.push(' ');
    let head = " Search “";
    let room = usize::from(area.width)
        .saturating_sub(2 + width(head) + width(&tail))
        .max(4);
    let title = format!("{head}{}{tail}", truncate(&search.query, room));
    let block = pane_block(title, focused, cfg);
    let w = area.width.saturating_sub(2) as usize;
    let h = inner_height(area.height);
    let per = ROWS_PER_HIT;
    let offset = visible_offset(search.selected, search.offset, (h / per).max(1));
    let mut lines: Vec<Line> = Vec::new();
    if search.hits.is_empty() {
        let msg = if search.query.trim().is_empty() {
            "Type to search: marks optional (\"dan van\" finds \"dân vận\", \"dân vận\" only it), words together first, \"quotes\" for a phrase"
        } else {
            "No article matches"
        };
        // Wrapped to the pane, as the empty list's notes are: cut, the
        // hint lost its examples at 80 columns.
        let mut notes = vec![msg];
        // An operator typed: said as `docbao search` says it (the reader
        // said nothing of the OR typed: a review's find).
        if crate::text::operators::operator_typed(&search.query).is_some() {
            notes.extend(["Every word typed must match:", "no OR, AND or NOT."]);
        }
        for note in notes {
            for l in wrap_line(note, w.max(1)) {
                lines.push(Line::styled(l, cfg.theme.style(Role::Muted)));
            }
        }
    }
    for (i, hit) in search
        .hits
        .iter()
        .enumerate()
        .skip(offset)
        .take((h / per).max(1))
    {
        let date = hit
            .published
            .as_deref()
            .filter(|p| p.len() >= 10)
            .map(|p| format!("{}/{}/{} ", &p[8..10], &p[5..7], &p[2..4]))
            .unwrap_or_default();
        // Unread and bookmarked as in the list: `N` goes to the unread ones.
        let unread = if hit.read { ' ' } else { '•' };
        let mark = if hit.bookmarked { '★' } else { ' ' };
        let mut style = if hit.read {
            cfg.theme.style(Role::Title)
        } else {
            cfg.theme
                .style(Role::Title)
                .patch(cfg.theme.style(Role::Unread))
        };
        if i == search.selected {
            style = style.patch(cfg.theme.style(Role::Selected));
        }
        lines.push(Line::styled(
            pad(&format!("{unread}{mark}{date}{}", hit.title), w),
            style,
        ));
        // The snippet, cut to the width, its marks highlighted; it starts a
        // few words before the first match so that the match shows.
        let (text, marks) = snippet_window(&hit.snippet.text, &hit.snippet.marks, w);
        let text = text.as_str();
        let marks = &marks;
        let cut = truncate(text, w.saturating_sub(2));
        let cut_len = cut.trim_end_matches('…').len();
        let mut spans = vec![Span::raw("  ")];
        let mut at = 0;
        for m in marks.iter().filter(|m| m.end <= cut_len) {
            spans.push(Span::styled(
                text[at..m.start].to_string(),
                cfg.theme.style(Role::Muted),
            ));
            spans.push(Span::styled(
                text[m.clone()].to_string(),
                cfg.theme.style(Role::Match),
            ));
            at = m.end;
        }
        spans.push(Span::styled(
            cut[at.min(cut.len())..].to_string(),
            cfg.theme.style(Role::Muted),
        ));
        lines.push(Line::from(spans));
    }
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

/// The part of a snippet to show in `w` columns: from a little before the
/// first match when the match would otherwise be cut off, with "…" in front.
fn snippet_window(
    text: &str,
    marks: &[std::ops::Range<usize>],
    w: usize,
) -> (String, Vec<std::ops::Range<usize>>) {
    let Some(first) = marks.first() else {
        return (text.to_string(), Vec::new());
    };
    if width(&text[..first.end]) + 2 <= w {
        return (text.to_string(), marks.to_vec());
    }
    // Back up about a quarter of the width from the match, to a word start.
    let lead = w / 4;
    let mut start = first.start;
    let mut cols = 0;
    for (i, c) in text[..first.start].char_indices().rev() {
        cols += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if cols > lead {
            break;
        }
        start = i;
    }
    if let Some(sp) = text[start..first.start].find(' ') {
        start += sp + 1;
    }
    let shown = format!("…{}", &text[start..]);
    let shift = start as isize - '…'.len_utf8() as isize;
    let marks = marks
        .iter()
        .filter(|m| m.start >= start)
        .map(|m| ((m.start as isize - shift) as usize)..((m.end as isize - shift) as usize))
        .collect();
    (shown, marks)
}

/// What an empty filtered list says: which filters hide every article and
/// the key that lifts each (Esc lifts a source or keyword; unread only and
/// bookmarks only have keys of their own).
fn empty_view(filter: &ListFilter, cfg: &Config) -> Vec<String> {
    let mut parts = vec![if filter.unread && filter == &unread_only() {
        "No unread articles.".to_string()
    } else {
        "No articles match the filter.".to_string()
    }];
    let mut lift = |on: bool, action: Action, what: &str| {
        if let (true, Some(k)) = (on, cfg.keymap.hint(Context::List, action)) {
            parts.push(format!("{k}: {what}"));
        }
    };
    lift(
        filter.unread,
        Action::ToggleUnreadOnly,
        "show read ones too",
    );
    lift(
        filter.bookmarked,
        Action::ToggleBookmarkedOnly,
        "all, not only bookmarks",
    );
    lift(
        filter.source.is_some() || !filter.keywords.is_empty(),
        Action::ClearFilter,
        "every source and keyword",
    );
    parts
}

fn unread_only() -> ListFilter {
    ListFilter {
        unread: true,
        ..ListFilter::default()
    }
}
