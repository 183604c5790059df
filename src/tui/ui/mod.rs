//! Drawing: a function of the state. No I/O, no parsing, no wrapping (the
//! reader's lines are wrapped before the draw and cached).

pub mod help;
mod links;
mod list;
mod reader;
mod sidebar;
pub mod status;
pub mod theme;

use ratatui::Frame;
use ratatui::style::Style;
use ratatui::symbols::border;
use ratatui::widgets::{Block, Borders as B};

use crate::tui::config::{Borders, Config};
use crate::tui::state::{AppState, Focus};
use crate::tui::ui::theme::Role;

pub const ASCII_BORDER: border::Set = border::Set {
    top_left: "+",
    top_right: "+",
    bottom_left: "+",
    bottom_right: "+",
    vertical_left: "|",
    vertical_right: "|",
    horizontal_top: "-",
    horizontal_bottom: "-",
};

/// Draw the whole screen.
pub fn draw(frame: &mut Frame, state: &AppState, cfg: &Config) {
    let panes = state.panes();
    if let Some(r) = panes.sidebar {
        sidebar::draw(frame, r, state, cfg);
    }
    if let Some(r) = panes.list {
        list::draw(frame, r, state, cfg);
    }
    if let Some(r) = panes.reader {
        reader::draw(frame, r, state, cfg);
    }
    status::draw(frame, panes.status, state, cfg);
    if state.help_open {
        help::draw(frame, help::area(frame.area()), state, cfg);
    }
}

/// A pane's frame: bordered, its title, bold border when focused.
pub fn pane_block<'a>(title: String, focused: bool, cfg: &Config) -> Block<'a> {
    let set = match cfg.borders {
        Borders::Unicode => {
            if focused {
                border::THICK
            } else {
                border::PLAIN
            }
        }
        Borders::Ascii => ASCII_BORDER,
    };
    let style: Style = if focused {
        cfg.theme.style(Role::FocusedBorder)
    } else {
        cfg.theme.style(Role::Border)
    };
    Block::default()
        .borders(B::ALL)
        .border_set(set)
        .border_style(style)
        .title(title)
        .title_style(if focused {
            cfg.theme.style(Role::Title)
        } else {
            Style::default()
        })
}

pub fn is_focused(state: &AppState, f: Focus) -> bool {
    state.focus == f && !state.help_open
}
