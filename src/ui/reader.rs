//! The reader pane: the open article's wrapped lines, styled by role.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::{is_focused, pane_block};
use crate::config::Config;
use crate::state::{AppState, Focus};
use crate::text::layout::Role;
use crate::text::width::truncate;

pub fn draw(frame: &mut Frame, area: Rect, state: &AppState, cfg: &Config) {
    let r = &state.reader;
    let focused = is_focused(state, Focus::Reader);
    let title = match &r.article {
        Some(a) => {
            let marks = format!(
                "{}{}",
                if a.bookmarked { "★ " } else { "" },
                a.site.as_deref().unwrap_or("Article")
            );
            format!(
                " {} ",
                truncate(&marks, area.width.saturating_sub(4) as usize)
            )
        }
        None => " Article ".to_string(),
    };
    let (text_w, h) = crate::app::reader_text_size(area);
    let pad = (area.width.saturating_sub(2) as usize).saturating_sub(text_w) as u16 / 2;
    let block = pane_block(title, focused, cfg).padding(ratatui::widgets::Padding::horizontal(pad));
    let lines: Vec<Line> = match &r.article {
        None => vec![Line::styled(
            "Select an article and press Enter",
            cfg.theme.style("muted"),
        )],
        Some(_) => r
            .lines
            .iter()
            .skip(r.top)
            .take(h)
            .map(|l| Line::styled(l.text.as_str(), role_style(l.role, cfg)))
            .collect(),
    };
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

pub fn role_style(role: Role, cfg: &Config) -> Style {
    let t = &cfg.theme;
    match role {
        Role::Title => t.style("title"),
        Role::Meta => t.style("meta"),
        Role::Lead => t.style("lead"),
        Role::Body | Role::Blank => t.style("body"),
        Role::Caption => t.style("caption"),
        Role::Heading => t.style("heading"),
        Role::Quote => t.style("quote"),
        Role::SectionHeader => t.style("section"),
        Role::Keywords => t.style("keyword"),
        Role::RelatedTitle => t.style("link"),
        Role::RelatedExcerpt => t.style("muted"),
    }
}
