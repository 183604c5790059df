//! The help popup, built from the keymap.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph};

use super::pane_block;
use crate::text::width::{pad, truncate, width};
use crate::tui::action::ACTIONS;
use crate::tui::config::Config;
use crate::tui::state::AppState;
use crate::tui::ui::theme::Role;

pub fn help_lines(state: &AppState, cfg: &Config) -> Vec<(String, &'static str)> {
    let ctx = state.focus.context();
    ACTIONS
        .iter()
        .filter_map(|(action, _, help)| {
            let keys = cfg.keymap.keys_for(ctx, *action);
            if keys.is_empty() {
                return None;
            }
            let labels: Vec<String> = keys.iter().take(2).map(|k| k.label()).collect();
            Some((labels.join(" "), *help))
        })
        .collect()
}

pub fn draw(frame: &mut Frame, area: Rect, state: &AppState, cfg: &Config) {
    let rows = help_lines(state, cfg);
    let w = area.width.min(64);
    let h = (rows.len() as u16 + 3).min(area.height);
    let popup = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    let inner_w = w.saturating_sub(2) as usize;
    let inner_h = h.saturating_sub(2) as usize;
    let widest = rows.iter().map(|(k, _)| width(k)).max().unwrap_or(1);
    let key_w = (widest + 2).min((inner_w / 3).max(6));
    let mut all: Vec<Line> = rows
        .iter()
        .map(|(k, help)| Line::raw(truncate(&format!("{}{help}", pad(k, key_w)), inner_w)))
        .collect();
    all.push(Line::styled(
        truncate("j/k scroll · Esc or ? closes", inner_w),
        cfg.theme.style(Role::Muted),
    ));
    // Keep the last page full when scrolled to the end.
    let first = state.help_scroll.min(all.len().saturating_sub(inner_h));
    let lines: Vec<Line> = all.into_iter().skip(first).take(inner_h).collect();
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(lines).block(pane_block(" Keys ".to_string(), true, cfg)),
        popup,
    );
}
