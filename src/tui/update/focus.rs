//! Which pane has the keys, which panes show: focus moves, the sidebar
//! folded or shown, the reader maximised.
//!
//! Moving into the reader is opening what it shows for reading, as Enter
//! does: a preview the keys move into (`Tab`, `l`, `z`) is being read, so it
//! is marked read, its related stories are computed and it is the article
//! to reopen.

use super::{Effect, list, open_for_reading};
use crate::model::ArticleId;
use crate::tui::state::layout::{WIDE, sidebar_visible, single_pane};
use crate::tui::state::sidebar::Section;
use crate::tui::state::{AppState, Focus};

pub(super) fn cycle(state: &mut AppState, dir: isize) -> Vec<Effect> {
    if single_pane(state.width) || state.maximized {
        // One pane at a time: cycle through all three.
        let all = [Focus::Sidebar, Focus::List, Focus::Reader];
        let mut i = all.iter().position(|f| *f == state.focus).unwrap_or(1);
        loop {
            i = (i as isize + dir).rem_euclid(3) as usize;
            if all[i] != Focus::Reader || state.reader.is_open() {
                break;
            }
        }
        state.maximized = false;
        return move_to(state, all[i]);
    }
    let order = state.panes().order();
    match order.iter().position(|f| *f == state.focus) {
        Some(i) => {
            let n = order.len() as isize;
            move_to(state, order[(i as isize + dir).rem_euclid(n) as usize])
        }
        None => vec![],
    }
}

/// The focus moves to `to`; into the reader, the article to read there
/// ([`entering`]) is opened for reading (see the top of this file).
fn move_to(state: &mut AppState, to: Focus) -> Vec<Effect> {
    let entering = to == Focus::Reader && state.focus != Focus::Reader;
    let id = entering.then(|| self::entering(state)).flatten();
    let from = state.focus;
    state.focus = to;
    match id {
        Some(id) => {
            state.preview_due = false;
            open_for_reading(state, id)
        }
        None => into_sidebar(state, from),
    }
}

/// Moving into the sidebar's sources reads their counts again: one pane at
/// a time (or the reader maximised) it was off the screen, where marks
/// changing do not reload it ([`super::catchup::counts_changed`]).
fn into_sidebar(state: &AppState, from: Focus) -> Vec<Effect> {
    if state.focus == Focus::Sidebar
        && from != Focus::Sidebar
        && state.sidebar.section == Section::Sources
    {
        vec![Effect::LoadSources]
    } else {
        vec![]
    }
}

/// The article the keys go to in the reader: the one the list (or the
/// search results) selects. Beside the list, the reader has followed the
/// selection, unless it has not rested yet: what it shows is what is
/// read (a related story followed from the selected article stays). In one
/// pane at a time the reader was not on the screen and never followed.
fn entering(state: &AppState) -> Option<ArticleId> {
    let selected = match &state.search {
        Some(s) => s.selected_hit().map(|h| h.id),
        None => state.list.selected_id(),
    };
    let shown = state.reader.article_id();
    if single_pane(state.width) || state.preview_due {
        selected.or(shown)
    } else {
        shown
    }
}

pub(super) fn left(state: &mut AppState) -> Vec<Effect> {
    state.maximized = false;
    let from = state.focus;
    state.focus = match state.focus {
        Focus::Reader => Focus::List,
        Focus::List | Focus::Sidebar => {
            // Going left of the list shows the sidebar when it is folded away.
            if !single_pane(state.width) && !state.panes().shows(Focus::Sidebar) {
                set_sidebar(state, true);
            }
            Focus::Sidebar
        }
    };
    into_sidebar(state, from)
}

pub(super) fn right(state: &mut AppState) -> Vec<Effect> {
    let to = match state.focus {
        Focus::Sidebar => Focus::List,
        Focus::List | Focus::Reader => {
            if state.reader.is_open() {
                Focus::Reader
            } else {
                return list::open(state);
            }
        }
    };
    move_to(state, to)
}

pub(super) fn set_sidebar(state: &mut AppState, on: bool) {
    if state.width >= WIDE {
        state.sidebar_wide = on;
    } else {
        state.sidebar_medium = on;
    }
}

/// `\\` cycles the sidebar: the sources, then the keywords, then hidden.
pub(super) fn toggle_sidebar(state: &mut AppState) -> Vec<Effect> {
    state.maximized = false;
    let shown = if single_pane(state.width) {
        state.focus == Focus::Sidebar
    } else {
        sidebar_visible(state)
    };
    let next = match (shown, state.sidebar.section) {
        (false, _) => Some(Section::Sources),
        (true, Section::Sources) => Some(Section::Keywords),
        (true, Section::Keywords) => None,
    };
    match next {
        Some(section) => {
            state.sidebar.section = section;
            if !single_pane(state.width) {
                set_sidebar(state, true);
            }
            state.focus = Focus::Sidebar;
        }
        None => {
            state.sidebar.section = Section::Sources;
            if !single_pane(state.width) {
                set_sidebar(state, false);
            }
            if state.focus == Focus::Sidebar {
                state.focus = Focus::List;
            }
        }
    }
    if next == Some(Section::Sources) {
        vec![Effect::LoadSources]
    } else {
        vec![]
    }
}

pub(super) fn toggle_maximize(state: &mut AppState) -> Vec<Effect> {
    if !state.reader.is_open() {
        let open = format!("Open an article first ({})", state.keys.open);
        state.info(open);
        return vec![];
    }
    state.maximized = !state.maximized;
    if state.maximized {
        return move_to(state, Focus::Reader);
    }
    vec![]
}
