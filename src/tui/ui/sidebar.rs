//! The sidebar pane: the sources with unread/total counts, or the keywords
//! with counts, a filter box, the open article's keywords highlighted, the
//! active filter ticked.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::list::visible_offset;
use super::{is_focused, pane_block};
use crate::text::fold::title_key;
use crate::text::width::{pad, truncate, width};
use crate::tui::config::Config;
use crate::tui::state::input::visible;
use crate::tui::state::layout::inner_height;
use crate::tui::state::sidebar::Section;
use crate::tui::state::{AppState, Focus, InputKind};
use crate::tui::ui::theme::Role;

pub fn draw(frame: &mut Frame, area: Rect, state: &AppState, cfg: &Config) {
    if state.sidebar.section == Section::Sources {
        return draw_sources(frame, area, state, cfg);
    }
    let s = &state.sidebar;
    let focused = is_focused(state, Focus::Sidebar);
    let block = pane_block(" Keywords ".to_string(), focused, cfg);
    let w = area.width.saturating_sub(2) as usize;
    let mut h = inner_height(area.height);
    let active: Vec<String> = state
        .list
        .filter
        .keywords
        .iter()
        .map(|k| title_key(k))
        .collect();
    let open: Vec<String> = state
        .reader
        .article()
        .map(|a| a.keywords.iter().map(|k| title_key(&k.name)).collect())
        .unwrap_or_default();
    let mut lines: Vec<Line> = Vec::new();
    let typing = state
        .input
        .as_ref()
        .filter(|i| i.kind == InputKind::KeywordFilter);
    if let Some(input) = typing {
        // The part around the cursor, and the terminal's cursor in it.
        let (text, col) = visible(input, w.saturating_sub(1));
        lines.push(Line::styled(
            format!("/{text}"),
            cfg.theme.style(Role::Title),
        ));
        h = h.saturating_sub(1);
        if w > 0 {
            let x = (1 + col).min(w - 1) as u16;
            frame.set_cursor_position((area.x + 1 + x, area.y + 1));
        }
    } else if !s.query.is_empty() {
        lines.push(Line::styled(
            truncate(&format!("/{}", s.query), w),
            cfg.theme.style(Role::Title),
        ));
        h = h.saturating_sub(1);
    }
    if s.keywords.is_empty() {
        lines.push(Line::styled(
            truncate("No keywords yet", w),
            cfg.theme.style(Role::Muted),
        ));
    } else if s.visible.is_empty() {
        lines.push(Line::styled(
            truncate("No keyword matches", w),
            cfg.theme.style(Role::Muted),
        ));
    }
    let offset = visible_offset(s.selected, s.offset, h);
    for (row, &k) in s.visible.iter().enumerate().skip(offset).take(h) {
        let (name, count) = &s.keywords[k];
        let key = title_key(name);
        let mark = if active.contains(&key) { "✓" } else { " " };
        let count = count.to_string();
        let name_w = w.saturating_sub(width(&count) + 2);
        let text = pad(
            &format!("{mark}{} {count}", pad(&truncate(name, name_w), name_w)),
            w,
        );
        let mut style = if open.contains(&key) {
            cfg.theme.style(Role::Keyword)
        } else {
            cfg.theme.style(Role::Body)
        };
        if row == s.selected && focused {
            style = style.patch(cfg.theme.style(Role::Selected));
        }
        lines.push(Line::styled(text, style));
    }
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

/// Each feed, then each site of saved pages: `unread/total`, the unread
/// ones stressed, the source filtered by ticked.
fn draw_sources(frame: &mut Frame, area: Rect, state: &AppState, cfg: &Config) {
    let s = &state.sidebar;
    let focused = is_focused(state, Focus::Sidebar);
    let block = pane_block(" Sources ".to_string(), focused, cfg);
    let w = area.width.saturating_sub(2) as usize;
    let h = inner_height(area.height);
    let mut lines: Vec<Line> = Vec::new();
    if s.sources.is_empty() {
        lines.push(Line::styled(
            truncate("No sources yet: docbao feed add URL", w),
            cfg.theme.style(Role::Muted),
        ));
    }
    let active = state.list.filter.source.as_ref();
    let offset = visible_offset(s.source_selected, s.source_offset, h);
    for (row, src) in s.sources.iter().enumerate().skip(offset).take(h) {
        let mark = if Some(&src.source) == active {
            "✓"
        } else {
            " "
        };
        let count = format!("{}/{}", src.unread, src.total);
        let name = if src.name.is_empty() {
            "(no site)"
        } else {
            src.name.as_str()
        };
        let name_w = w.saturating_sub(width(&count) + 2);
        let text = pad(
            &format!(
                "{mark}{} {count}",
                pad(&with_detail(name, src.detail.as_deref(), name_w), name_w)
            ),
            w,
        );
        let mut style = if src.unread > 0 {
            cfg.theme.style(Role::Unread)
        } else {
            cfg.theme.style(Role::Muted)
        };
        if row == s.source_selected && focused {
            style = style.patch(cfg.theme.style(Role::Selected));
        }
        lines.push(Line::styled(text, style));
    }
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

/// A source's name in `w` columns, followed by what tells it from another
/// of the same name when there is one: the detail keeps up to half the
/// width, the name is cut first.
fn with_detail(name: &str, detail: Option<&str>, w: usize) -> String {
    let Some(detail) = detail else {
        return truncate(name, w);
    };
    let detail = if width(detail) + 4 <= w {
        detail.to_string()
    } else {
        truncate(detail, w / 2)
    };
    let name_w = w.saturating_sub(width(&detail) + 1);
    format!("{} {detail}", truncate(name, name_w))
}

#[cfg(test)]
mod tests {
    use super::with_detail;
    use crate::text::width::width;

    #[test]
    fn the_detail_stays_and_the_name_is_cut() {
        assert_eq!(with_detail("Báo Một", None, 20), "Báo Một");
        assert_eq!(
            with_detail("Báo Một", Some("localhost"), 20),
            "Báo Một localhost"
        );
        let cut = with_detail("Tin mới nhất - VnExpress RSS", Some("localhost"), 15);
        assert!(cut.ends_with(" localhost") && width(&cut) <= 15, "{cut}");
        let narrow = with_detail("Tin mới nhất", Some("e.vnexpress.net"), 10);
        assert!(width(&narrow) <= 10, "{narrow}");
    }
}
