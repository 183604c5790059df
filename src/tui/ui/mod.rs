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
    status::draw_link(frame, panes.status, state, cfg);
    if state.help_open {
        help::draw(frame, help::area(frame.area()), state, cfg);
    }
    split_clusters(frame.buffer_mut());
}

/// Each character of a cell's cluster that takes a column of its own goes
/// into a cell of its own, as terminals place it: Thai "ทำ" (a consonant
/// and the vowel "ำ"), Devanagari "भा" (a consonant and its vowel sign).
/// ratatui keeps such a cluster in one cell two columns wide, as it keeps a
/// Chinese character, and trusts the terminal to clear both columns when
/// the cell is written again; the terminal clears one, and the vowel stayed
/// on the screen beside the next article's words (an independent review's
/// find: "Đây là mộtำđoạn vănำtiếng"). Split, both cells are written.
pub fn split_clusters(buf: &mut ratatui::buffer::Buffer) {
    use unicode_width::UnicodeWidthChar;
    let area = buf.area;
    let mut parts: Vec<(String, u16)> = Vec::new();
    for y in area.top()..area.bottom() {
        let mut x = area.left();
        while x < area.right() {
            let cell = &buf[(x, y)];
            let symbol = cell.symbol();
            let mut chars = symbol.chars();
            let width = unicode_width::UnicodeWidthStr::width(symbol).max(1) as u16;
            if chars.next().is_none() || chars.next().is_none() || width < 2 {
                x = x.saturating_add(width);
                continue;
            }
            parts.clear();
            for c in symbol.chars() {
                let w = c.width().unwrap_or(0) as u16;
                match parts.last_mut() {
                    Some(last) if w == 0 => last.0.push(c),
                    _ => parts.push((c.to_string(), w)),
                }
            }
            let total: u16 = parts.iter().map(|p| p.1).sum();
            if parts.len() > 1 && total == width && x.saturating_add(width) <= area.right() {
                let style = cell.style();
                let mut at = x;
                for (text, w) in &parts {
                    buf[(at, y)].set_symbol(text).set_style(style);
                    at += (*w).max(1);
                }
            }
            x = x.saturating_add(width);
        }
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

#[cfg(test)]
mod tests {
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use ratatui::style::{Color, Style};

    use super::split_clusters;

    fn row(buf: &Buffer) -> Vec<String> {
        (0..buf.area.width)
            .map(|x| buf[(x, 0)].symbol().to_string())
            .collect()
    }

    /// Thai and Devanagari clusters of two columns are two cells, each
    /// character where the terminal puts it; a wide character, a letter
    /// and its combining marks stay one.
    #[test]
    fn clusters_of_two_columns_are_two_cells() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 12, 1));
        let red = Style::default().fg(Color::Red);
        buf.set_string(0, 0, "ทำ भा 中e\u{301}ộ", red);
        assert_eq!(
            buf[(1, 0)].symbol(),
            " ",
            "ratatui: one cell of two columns"
        );
        split_clusters(&mut buf);
        assert_eq!(
            row(&buf),
            [
                "ท", "ำ", " ", "भ", "ा", " ", "中", " ", "e\u{301}", "ộ", " ", " "
            ]
        );
        assert_eq!(buf[(1, 0)].fg, Color::Red);
        assert_eq!(buf[(4, 0)].fg, Color::Red);
    }
}
