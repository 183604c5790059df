//! The reader pane: the open article's wrapped lines, styled by role, in a
//! text column centred in the pane (config `max_width`).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{is_focused, links, pane_block};
use crate::text::layout::Role as LineRole;
use crate::text::width::{truncate, width};
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
        None => {
            let nothing = state
                .search
                .as_ref()
                .is_some_and(|s| s.hits.is_empty() && !s.query.trim().is_empty());
            let say = match nothing {
                true => "Nothing matches the search".to_string(),
                false => format!("Select an article and press {}", state.keys.open),
            };
            vec![Line::styled(say, cfg.theme.style(Role::Muted))]
        }
        Some(shown) => {
            let chips = shown.keywords().len();
            let related = shown.related().len();
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
                        // The match `n`/`N` went to, picked out of the others.
                        let current = r.find_current.and_then(|i| r.find_hits.get(i));
                        let mut spans = Vec::new();
                        let mut at = 0;
                        for rg in hits {
                            spans.push(Span::styled(&l.text[at..rg.start], style));
                            let mut mark = style.patch(cfg.theme.style(Role::Match));
                            if current.is_some_and(|(line, c)| *line == n && c.start == rg.start) {
                                mark = mark.add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
                            }
                            spans.push(Span::styled(&l.text[rg.clone()], mark));
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
                    let target = match (l.related, l.link) {
                        (Some(i), _) if l.role == LineRole::RelatedTitle => Some(chips + i),
                        (_, Some(i)) => Some(chips + related + i),
                        _ => None,
                    };
                    match target {
                        Some(t) if r.target == Some(t) => {
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
    if cfg.links_on {
        link_titles(frame.buffer_mut(), text_area, state);
    }
}

/// The article's title, each related story's title and the list of the
/// text's links as OSC 8 links to their addresses (the text and its width
/// unchanged).
fn link_titles(buf: &mut ratatui::buffer::Buffer, text_area: Rect, state: &AppState) {
    let r = &state.reader;
    let Some(shown) = &r.shown else { return };
    let rows = r.lines.iter().skip(r.top).take(text_area.height as usize);
    let text_links = shown.links();
    for (row, l) in (text_area.y..).zip(rows) {
        let url = match (l.role, l.related, l.link) {
            (LineRole::Title, ..) => shown.url(),
            (LineRole::RelatedTitle, Some(i), _) => {
                shown.related().get(i).and_then(|s| s.url.as_deref())
            }
            (LineRole::Link, _, Some(i)) => text_links.get(i).map(|l| l.url.as_str()),
            _ => None,
        };
        let Some(target) = url.and_then(links::osc8_target) else {
            continue;
        };
        // The words, not the indent before them.
        let text = l.text.trim_start();
        let indent = l.text.len() - text.len();
        let cols = width(text).min(text_area.width as usize);
        let x = text_area.x.saturating_add(indent as u16);
        let w = u16::try_from(cols).unwrap_or(text_area.width);
        links::link_cells(
            buf,
            Rect::new(x, row, w, 1).intersection(text_area),
            &target,
        );
    }
}

pub fn role_style(role: LineRole, cfg: &Config) -> Style {
    let t = &cfg.theme;
    match role {
        LineRole::Title => t.style(Role::Title),
        LineRole::Meta => t.style(Role::Meta),
        LineRole::Lead => t.style(Role::Lead),
        LineRole::Body | LineRole::Code | LineRole::Blank => t.style(Role::Body),
        LineRole::Caption => t.style(Role::Caption),
        LineRole::Heading => t.style(Role::Heading),
        LineRole::Quote => t.style(Role::Quote),
        LineRole::SectionHeader => t.style(Role::Section),
        LineRole::Keywords => t.style(Role::Keyword),
        LineRole::RelatedTitle | LineRole::Link => t.style(Role::Link),
        LineRole::RelatedExcerpt => t.style(Role::Muted),
    }
}
