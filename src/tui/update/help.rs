//! The help popup: while it is open it takes the keys.

use super::Effect;
use crate::tui::action::Action;
use crate::tui::state::AppState;

pub(super) fn open(state: &mut AppState) -> Vec<Effect> {
    state.help_open = true;
    state.help_scroll = 0;
    vec![]
}

/// These keys scroll the popup, these close it; the rest do nothing.
pub(super) fn update(state: &mut AppState, action: Action) {
    match action {
        Action::Help | Action::Back | Action::Quit => state.help_open = false,
        Action::Down => state.help_scroll += 1,
        Action::Up => state.help_scroll = state.help_scroll.saturating_sub(1),
        Action::PageDown | Action::ReadOn => state.help_scroll += page(state),
        Action::HalfPageDown => state.help_scroll += page(state).div_ceil(2),
        Action::PageUp => state.help_scroll = state.help_scroll.saturating_sub(page(state)),
        Action::HalfPageUp => {
            state.help_scroll = state.help_scroll.saturating_sub(page(state).div_ceil(2))
        }
        Action::Top => state.help_scroll = 0,
        Action::Bottom => state.help_scroll = usize::MAX,
        _ => {}
    }
}

/// The popup's rows of text when it scrolls: the screen's above the status
/// line ([`crate::tui::ui::help::area`]) less its borders (it is only as
/// tall as its text when that fits, and then it does not scroll).
fn page(state: &AppState) -> usize {
    let screen = ratatui::layout::Rect::new(0, 0, state.width, state.height);
    usize::from(crate::tui::ui::help::area(screen).height)
        .saturating_sub(2)
        .max(1)
}
