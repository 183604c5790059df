//! The article list (and the search results shown in its place): moving,
//! paging, opening, filtering, and the read and bookmark marks.

use super::results::{move_in_results, rest};
use super::{Effect, apply_flags, catchup, input, open_for_reading, page, preview, reader};
use crate::model::ArticleId;
use crate::tui::state::reader::Shown;
use crate::tui::state::sidebar::Section;
use crate::tui::state::{AppState, Focus};

pub(super) fn move_by(state: &mut AppState, delta: isize) -> Vec<Effect> {
    match state.focus {
        Focus::Reader => {
            state.reader.scroll_by(delta);
            vec![]
        }
        Focus::Sidebar => {
            state.sidebar.move_by(delta);
            vec![]
        }
        Focus::List if state.search.is_some() => move_in_results(state, delta),
        Focus::List => {
            let before = state.list.selected;
            state.list.move_by(delta);
            let mut fx = Vec::new();
            if delta > 0 && state.list.wants_more(state.list.selected + page(state)) {
                fx.push(Effect::LoadMore { to_end: false });
            }
            if delta < 0 && state.list.wants_previous(state.list.selected) {
                fx.push(Effect::LoadPrevious);
            }
            if state.list.selected != before {
                let preview = preview(state);
                fx.extend(rest(state, preview));
            }
            fx
        }
    }
}

pub(super) fn page_down(state: &mut AppState) -> Vec<Effect> {
    move_by(state, (page(state) as isize - 1).max(1))
}

/// Space: a page down, and in the reader at the end of an article the next
/// one (as less and newsboat read on). PgDn and Ctrl-f stop at the end: one
/// held down to reach it no longer ran into the next article and marked it
/// read.
pub(super) fn read_on(state: &mut AppState) -> Vec<Effect> {
    if state.focus == Focus::Reader && state.reader.at_end() {
        return reader::step_article(state, 1);
    }
    page_down(state)
}

pub(super) fn top(state: &mut AppState) -> Vec<Effect> {
    if state.focus == Focus::List && state.search.is_none() && state.list.base > 0 {
        // The window is somewhere down the list: read the first page again.
        state.list.offset = 0;
        return vec![Effect::LoadList { keep: None }];
    }
    move_by(state, isize::MIN / 2)
}

pub(super) fn bottom(state: &mut AppState) -> Vec<Effect> {
    match state.focus {
        Focus::List if state.search.is_some() => super::results::bottom(state),
        Focus::List if !state.list.exhausted => {
            // Everything must be loaded to know where the bottom is.
            vec![Effect::LoadMore { to_end: true }]
        }
        _ => move_by(state, isize::MAX / 2),
    }
}

pub(super) fn open(state: &mut AppState) -> Vec<Effect> {
    match state.focus {
        Focus::Sidebar if state.sidebar.section == Section::Sources => {
            super::catchup::select_source(state)
        }
        Focus::Sidebar => {
            let Some(name) = state.sidebar.selected_name().map(str::to_string) else {
                return vec![];
            };
            // A keyword added shows its newest first; dropped, the
            // selection is kept (as `c` keeps it).
            let mut keep = None;
            let f = &mut state.list.filter.keywords;
            if let Some(i) = f.iter().position(|k| *k == name) {
                f.remove(i);
                keep = state.list.selected_id();
            } else {
                f.push(name);
            }
            state.focus = Focus::List;
            super::load_view(state, keep)
        }
        Focus::List if state.search.is_some() => input::open_search_hit(state),
        Focus::List | Focus::Reader => match state.list.selected_id() {
            Some(id) if state.focus == Focus::List => {
                state.focus = Focus::Reader;
                open_for_reading(state, id)
            }
            Some(_) => reader::activate_target(state),
            None if state.focus == Focus::Reader => reader::activate_target(state),
            None => {
                state.info("No article selected");
                vec![]
            }
        },
    }
}

pub(super) fn back(state: &mut AppState) -> Vec<Effect> {
    if state.maximized {
        state.maximized = false;
        return vec![];
    }
    match state.focus {
        Focus::Reader if state.reader.find.is_some() => {
            state.reader.find = None;
            state.reader.find_hits.clear();
            state.reader.find_marks.clear();
        }
        Focus::Reader => state.focus = Focus::List,
        Focus::Sidebar => state.focus = Focus::List,
        Focus::List if state.search.is_some() => {
            // Back to the list, the preview showing its selection again.
            state.search = None;
            return preview(state);
        }
        Focus::List
            if !state.list.filter.keywords.is_empty() || state.list.filter.source.is_some() =>
        {
            state.list.filter.keywords.clear();
            state.list.filter.source = None;
            let keep = state.list.selected_id();
            return vec![Effect::LoadList { keep }];
        }
        Focus::List => {}
    }
    vec![]
}

/// The article the user means: the open one in the reader, else the
/// selected one, as (id, read, bookmarked). A related story that is not in
/// the store has nothing to mark: `Err` says why.
fn target(state: &AppState, what: &str) -> Result<Option<(ArticleId, bool, bool)>, String> {
    if state.focus == Focus::Reader {
        match &state.reader.shown {
            Some(Shown::Stored(a)) => return Ok(Some((a.id, a.read, a.bookmarked))),
            Some(Shown::Stub(_)) => {
                return Err(format!(
                    "Not in the store: nothing to {what} (a saves a page by its address)"
                ));
            }
            None => {}
        }
    }
    Ok(selected(state))
}

/// The row the list pane selects, as (id, read, bookmarked): the
/// highlighted search result while the results are shown, else the list's
/// selected row. (`s` and `m` in the results went to the list's row
/// behind them.)
fn selected(state: &AppState) -> Option<(ArticleId, bool, bool)> {
    match &state.search {
        Some(s) => s.selected_hit().map(|h| (h.id, h.read, h.bookmarked)),
        None => state
            .list
            .selected_row()
            .map(|r| (r.id, r.read, r.bookmarked)),
    }
}

pub(super) fn toggle_read(state: &mut AppState) -> Vec<Effect> {
    match target(state, "mark") {
        Err(why) => {
            state.info(why);
            vec![]
        }
        Ok(Some((id, read, _))) => {
            apply_flags(state, id, Some(!read), None);
            state.info(if read { "Marked unread" } else { "Marked read" });
            catchup::remember(state, id, Some(read), None);
            let mut fx = vec![Effect::SetRead(id, !read)];
            fx.extend(catchup::counts_changed(state));
            // Marked unread in an unread-only view: it rejoins the view,
            // its count the sidebar's (the list stayed without it, its
            // count one short: an independent review's find). Marked read,
            // it stays until the view is read again, so that `m` again
            // takes the mark back on the same row.
            if read && state.list.filter.unread {
                fx.push(Effect::Reload { unread: false });
            }
            fx
        }
        Ok(None) => vec![],
    }
}

pub(super) fn toggle_bookmark(state: &mut AppState) -> Vec<Effect> {
    match target(state, "bookmark") {
        Err(why) => {
            state.info(why);
            vec![]
        }
        Ok(Some((id, _, bm))) => {
            apply_flags(state, id, None, Some(!bm));
            catchup::remember(state, id, None, Some(bm));
            state.info(if bm {
                "Bookmark removed"
            } else {
                "Bookmarked: saved for offline reading"
            });
            vec![Effect::SetBookmarked(id, !bm)]
        }
        Ok(None) => vec![],
    }
}

pub(super) fn toggle_unread_only(state: &mut AppState) -> Vec<Effect> {
    state.list.filter.unread = !state.list.filter.unread;
    state.info(if state.list.filter.unread {
        "Showing unread articles only"
    } else {
        "Showing all articles"
    });
    let keep = state.list.selected_id();
    super::load_view(state, keep)
}

pub(super) fn toggle_bookmarked_only(state: &mut AppState) -> Vec<Effect> {
    state.list.filter.bookmarked = !state.list.filter.bookmarked;
    state.focus = Focus::List;
    state.maximized = false;
    state.info(if state.list.filter.bookmarked {
        "Bookmarks: the articles saved for offline reading"
    } else {
        "Showing all articles"
    });
    let keep = state.list.selected_id();
    super::load_view(state, keep)
}

pub(super) fn clear_filter(state: &mut AppState) -> Vec<Effect> {
    if state.list.filter.keywords.is_empty() && state.list.filter.source.is_none() {
        state.info("No keyword or source filter to clear");
        return vec![];
    }
    state.list.filter.keywords.clear();
    state.list.filter.source = None;
    state.info("Filter cleared: every source, every keyword");
    let keep = state.list.selected_id();
    super::load_view(state, keep)
}

pub(super) fn start_update(state: &mut AppState) -> Vec<Effect> {
    if state.updating.is_some() {
        state.info("An update is already running");
        return vec![];
    }
    // The status line shows the progress from now on.
    state.updating = Some((0, 0));
    vec![Effect::StartUpdate]
}

pub(super) fn start_sync(state: &mut AppState) -> Vec<Effect> {
    if state.syncing {
        state.info("A sync is already running");
        return vec![];
    }
    state.syncing = true;
    state.info("Syncing…");
    vec![Effect::StartSync]
}

/// The link the user means: the open article's (or story's) in the reader,
/// else the selected row's when the reader shows it.
fn link(state: &AppState) -> Option<String> {
    let shown = state.reader.shown.as_ref()?;
    let selected = selected(state).map(|(id, ..)| id);
    if state.focus == Focus::Reader
        || selected.is_none()
        || (shown.id().is_some() && shown.id() == selected)
    {
        return shown.url().map(str::to_string);
    }
    None
}

/// Why there is no link to open or copy: no article, or one without.
fn no_link(state: &mut AppState) {
    state.info(
        if state.reader.shown.is_none() && selected(state).is_none() {
            "No article selected"
        } else {
            "This article has no link"
        },
    );
}

/// Only an http(s) address goes to a browser: a `javascript:` or `file:`
/// link, or one that would read as an option (`--new-window=…`), is refused,
/// saying why.
pub(super) fn open_link(state: &mut AppState) -> Vec<Effect> {
    match link(state) {
        Some(url) => super::open_in_browser(state, &url),
        None => {
            no_link(state);
            vec![]
        }
    }
}

pub(super) fn copy_url(state: &mut AppState) -> Vec<Effect> {
    match link(state) {
        Some(url) => {
            state.info_url("Copied: ", &url);
            vec![Effect::Copy(url)]
        }
        None => {
            no_link(state);
            vec![]
        }
    }
}
