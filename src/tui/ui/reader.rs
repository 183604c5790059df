//! The reader pane: the open article's wrapped lines, styled by role, in a
//! text column centred in the pane (config `max_width`).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{is_focused, pane_block};
use crate::text::layout::Role as LineRole;
use crate::text::width::truncate;
use crate::tui::config::Config;
use crate::tui::state::layout::reader_text_area;
use crate::tui::state::{AppState, Focus};
use crate::tui::ui::theme::Role;

pub fn draw(frame: &mut Frame, area: Rect, state: &AppState, cfg: &Config) {
    let r = &state.reader;
    let focused = is_focused(state, Focus::Reader);
    let title = match &r.shown {
        Some(shown) => format!(
            " {} ",
            truncate(&shown.caption(), area.width.saturating_sub(4) as usize)
        ),
        None => " Article ".to_string(),
    };
    // The text column: at most `max_width` wide, centred in the pane.
    let text_area = reader_text_area(area, r.max_width);
    let h = text_area.height as usize;
    let lines: Vec<Line> = match &r.shown {
        None => vec![Line::styled(
            "Select an article and press Enter",
            cfg.theme.style(Role::Muted),
        )],
        Some(shown) => {
            let chips = shown.keywords().len();
            let picked = cfg.theme.style(Role::Selected);
            r.lines
                .iter()
                .enumerate()
                .skip(r.top)
                .take(h)
                .map(|(n, l)| {
                    let style = role_style(l.role, cfg);
                    // Find matches on this line, highlighted.
                    let hits: Vec<&std::ops::Range<usize>> = r
                        .find_marks
                        .iter()
                        .filter(|(line, _)| *line == n)
                        .map(|(_, rg)| rg)
                        .collect();
                    if !hits.is_empty() {
                        let mut spans = Vec::new();
                        let mut at = 0;
                        for rg in hits {
                            spans.push(Span::styled(&l.text[at..rg.start], style));
                            spans.push(Span::styled(
                                &l.text[rg.clone()],
                                style.patch(cfg.theme.style(Role::Match)),
                            ));
                            at = rg.end;
                        }
                        spans.push(Span::styled(&l.text[at..], style));
                        return Line::from(spans);
                    }
                    if !l.chips.is_empty() {
                        // Keyword chips, the picked one reversed.
                        let mut spans = Vec::new();
                        let mut at = 0;
                        for (i, range) in &l.chips {
                            spans.push(Span::styled(
                                &l.text[at..range.start],
                                cfg.theme.style(Role::Muted),
                            ));
                            let chip_style = if r.target == Some(*i) {
                                style.patch(picked)
                            } else {
                                style
                            };
                            spans.push(Span::styled(&l.text[range.clone()], chip_style));
                            at = range.end;
                        }
                        spans.push(Span::raw(&l.text[at..]));
                        return Line::from(spans);
                    }
                    match l.related {
                        Some(i)
                            if r.target == Some(chips + i) && l.role == LineRole::RelatedTitle =>
                        {
                            Line::styled(l.text.as_str(), style.patch(picked))
                        }
                        _ => Line::styled(l.text.as_str(), style),
                    }
                })
                .collect()
        }
    };
    frame.render_widget(pane_block(title, focused, cfg), area);
    frame.render_widget(Paragraph::new(lines), text_area);
}

pub fn role_style(role: LineRole, cfg: &Config) -> Style {
    let t = &cfg.theme;
    match role {
        LineRole::Title => t.style(Role::Title),
        LineRole::Meta => t.style(Role::Meta),
        LineRole::Lead => t.style(Role::Lead),
        LineRole::Body | LineRole::Blank => t.style(Role::Body),
        LineRole::Caption => t.style(Role::Caption),
        LineRole::Heading => t.style(Role::Heading),
        LineRole::Quote => t.style(Role::Quote),
        LineRole::SectionHeader => t.style(Role::Section),
        LineRole::Keywords => t.style(Role::Keyword),
        LineRole::RelatedTitle => t.style(Role::Link),
        LineRole::RelatedExcerpt => t.style(Role::Muted),
    }
}
