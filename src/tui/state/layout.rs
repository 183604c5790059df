//! Which panes show, and where, for a screen size: one pure function that both
//! `update` (page sizes, focus moves) and the draw code use.

use ratatui::layout::Rect;

use super::{AppState, Focus};

/// At this width and above, the sidebar shows by itself (when not turned off).
pub const WIDE: u16 = 100;
/// At this width and below, one pane takes the whole screen at a time.
pub const NARROW: u16 = 60;
/// The sidebar's width up to 154 columns; wider screens give it a seventh
/// of their width, up to [`SIDEBAR_MAX`] (a source's name and its counts,
/// "baomoi.com 35.434/35.440", fit whole from 189 columns; narrower, a
/// count from 10,000 on is given in thousands, "35k/35k").
const SIDEBAR_WIDTH: u16 = 22;
const SIDEBAR_MAX: u16 = 32;

/// The sidebar's width on a screen `w` columns wide (three panes).
pub fn sidebar_width(w: u16) -> u16 {
    (w / 7).clamp(SIDEBAR_WIDTH, SIDEBAR_MAX).min(w / 3)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Panes {
    pub sidebar: Option<Rect>,
    pub list: Option<Rect>,
    pub reader: Option<Rect>,
    pub status: Rect,
}

impl Panes {
    pub fn shows(&self, focus: Focus) -> bool {
        match focus {
            Focus::Sidebar => self.sidebar.is_some(),
            Focus::List => self.list.is_some(),
            Focus::Reader => self.reader.is_some(),
        }
    }

    /// The focusable panes left to right.
    pub fn order(&self) -> Vec<Focus> {
        let mut v = Vec::new();
        if self.sidebar.is_some() {
            v.push(Focus::Sidebar);
        }
        if self.list.is_some() {
            v.push(Focus::List);
        }
        if self.reader.is_some() {
            v.push(Focus::Reader);
        }
        v
    }
}

/// Is the screen narrow enough that panes take turns?
pub fn single_pane(width: u16) -> bool {
    width <= NARROW
}

/// Is the sidebar shown beside the other panes? Wide screens show it unless
/// it was turned off; medium ones only when it was asked for.
pub fn sidebar_visible(state: &AppState) -> bool {
    if state.width >= WIDE {
        state.sidebar_wide
    } else {
        state.sidebar_medium
    }
}

pub fn panes(state: &AppState) -> Panes {
    let (w, h) = (state.width, state.height);
    let body_h = h.saturating_sub(1);
    let status = Rect::new(0, body_h, w, h.min(1));
    let body = Rect::new(0, 0, w, body_h);
    let mut p = Panes {
        status,
        ..Panes::default()
    };
    if state.maximized && state.reader.is_open() {
        p.reader = Some(body);
        return p;
    }
    if single_pane(w) {
        match state.focus {
            Focus::Sidebar => p.sidebar = Some(body),
            Focus::List => p.list = Some(body),
            Focus::Reader => p.reader = Some(body),
        }
        return p;
    }
    let show_sidebar = sidebar_visible(state);
    let mut x = 0;
    if show_sidebar {
        let sw = sidebar_width(w);
        p.sidebar = Some(Rect::new(0, 0, sw, body_h));
        x = sw;
    }
    let rest = w - x;
    // The list gets 45% of what remains (at least 30 columns), the reader the rest.
    let lw = (rest * 9 / 20).max(30).min(rest.saturating_sub(20));
    p.list = Some(Rect::new(x, 0, lw, body_h));
    p.reader = Some(Rect::new(x + lw, 0, rest - lw, body_h));
    p
}

/// The inner height of a pane rect (inside its border).
pub fn inner_height(height: u16) -> usize {
    height.saturating_sub(2) as usize
}

/// The reader's text area inside its border and one column of padding each
/// side, at most `max_width` wide (0: no limit): (width, height).
pub fn reader_text_size(r: Rect, max_width: usize) -> (usize, usize) {
    let inner_w = r.width.saturating_sub(2) as usize;
    let mut w = if inner_w >= 24 { inner_w - 2 } else { inner_w };
    if max_width > 0 {
        w = w.min(max_width);
    }
    (w.max(1), inner_height(r.height))
}

/// The reader's text column in the pane `r`: `width` columns wide, centred
/// between the borders (one column of padding each side at least, as room
/// allows).
pub fn reader_text_area(r: Rect, max_width: usize) -> Rect {
    let (w, h) = reader_text_size(r, max_width);
    let inner_w = r.width.saturating_sub(2) as usize;
    let left = inner_w.saturating_sub(w) / 2;
    Rect::new(
        r.x + 1 + left as u16,
        r.y + r.height.min(1),
        (w as u16).min(r.width.saturating_sub(2)),
        h as u16,
    )
}
