//! The article list pane.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{inner_height, is_focused, pane_block};
use crate::config::Config;
use crate::state::{AppState, Focus};
use crate::store::ArticleSummary;
use crate::text::width::{pad, truncate, width};

pub fn draw(frame: &mut Frame, area: Rect, state: &AppState, cfg: &Config) {
    let list = &state.list;
    let focused = is_focused(state, Focus::List);
    let what = match (list.filter.bookmarked, list.filter.unread) {
        (true, true) => "Unread bookmarks",
        (true, false) => "Bookmarks",
        (false, true) => "Unread",
        (false, false) => "Articles",
    };
    let title = format!(" {what} ({}) ", list.total);
    let block = pane_block(title, focused, cfg);
    let inner_w = area.width.saturating_sub(2) as usize;
    let h = inner_height(area.height);
    let offset = visible_offset(list.selected, list.offset, h);
    let mut lines: Vec<Line> = Vec::with_capacity(h);
    if list.rows.is_empty() {
        let msg = if list.filter.keywords.is_empty() && !list.filter.unread {
            "No articles yet. Import some: docbao import FILE"
        } else {
            "No articles match the filter (Esc clears it)"
        };
        lines.push(Line::styled(
            truncate(msg, inner_w),
            cfg.theme.style("muted"),
        ));
    }
    for (i, row) in list.rows.iter().enumerate().skip(offset).take(h) {
        lines.push(row_line(
            row,
            inner_w,
            i == list.selected,
            focused,
            state,
            cfg,
        ));
    }
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

/// Where the view starts so that the selection is visible (the stored offset
/// is a hint; the draw never moves the selection).
pub fn visible_offset(selected: usize, offset: usize, height: usize) -> usize {
    let h = height.max(1);
    if selected < offset {
        selected
    } else if selected >= offset + h {
        selected + 1 - h
    } else {
        offset
    }
}

fn short_date(row: &ArticleSummary) -> String {
    match row.published.as_deref() {
        // 2021-03-05T… → 05/03/21
        Some(p) if p.len() >= 10 => format!("{}/{}/{}", &p[8..10], &p[5..7], &p[2..4]),
        _ => String::new(),
    }
}

fn row_line<'a>(
    row: &'a ArticleSummary,
    w: usize,
    selected: bool,
    focused: bool,
    state: &AppState,
    cfg: &Config,
) -> Line<'a> {
    let unread = if row.read { ' ' } else { '•' };
    let mark = if row.bookmarked { '★' } else { ' ' };
    let date = short_date(row);
    let prefix = format!("{unread}{mark}{date:<8} ");
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
        cfg.theme.style("body")
    } else {
        cfg.theme.style("unread")
    };
    if selected {
        style = style.patch(if focused || state.focus != Focus::List {
            cfg.theme.style("selected")
        } else {
            cfg.theme.style("muted")
        });
    }
    Line::from(Span::styled(text, style))
}
