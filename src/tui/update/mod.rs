//! `update`: an action applied to the state, returning the effects the
//! runtime must perform (store reads and writes, clipboard, browser). Pure:
//! no SQL, no terminal, no clock.

use crate::model::ArticleId;
use crate::tui::action::Action;
use crate::tui::state::layout::single_pane;
use crate::tui::state::nav::{HistoryEntry, Opened, STUB_ID, stub_article};
use crate::tui::state::search::SearchState;
use crate::tui::state::{AppState, Focus, Input, InputKind};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Reload the list's first page with its current filter, keeping the selection on this id.
    LoadList {
        keep: Option<ArticleId>,
    },
    /// Fetch the next page of the list; `to_end`: jump to the last page instead.
    LoadMore {
        to_end: bool,
    },
    /// Fetch the page before the loaded window (scrolling back up after `G`).
    LoadPrevious,
    /// Load an article into the reader; `mark_read` when the user opened it.
    OpenArticle {
        id: ArticleId,
        mark_read: bool,
    },
    /// Open an article at a reading position (walking the history).
    OpenAt {
        id: ArticleId,
        anchor: usize,
    },
    SetRead(ArticleId, bool),
    SetBookmarked(ArticleId, bool),
    /// Copy text to the clipboard (OSC 52).
    Copy(String),
    /// Open a URL in $BROWSER (or copy it over SSH).
    OpenUrl(String),
    /// Clear and redraw the whole screen.
    Redraw,
    /// Update the feeds in the background.
    StartUpdate,
    /// Fetch and store a page in the background (bookmarked).
    FetchPage(String),
    /// Run a search; its results are for `generation` only.
    RunSearch {
        query: String,
        generation: u64,
    },
}

pub fn update(state: &mut AppState, action: Action) -> Vec<Effect> {
    if state.help_open {
        // The help popup takes the keys: these scroll it, these close it.
        match action {
            Action::Help | Action::Back | Action::Quit => state.help_open = false,
            Action::Down => state.help_scroll += 1,
            Action::Up => state.help_scroll = state.help_scroll.saturating_sub(1),
            Action::PageDown | Action::HalfPageDown => state.help_scroll += 5,
            Action::PageUp | Action::HalfPageUp => {
                state.help_scroll = state.help_scroll.saturating_sub(5)
            }
            Action::Top => state.help_scroll = 0,
            _ => {}
        }
        return Vec::new();
    }
    match action {
        Action::Quit => {
            state.quit = true;
            vec![]
        }
        Action::Help => {
            state.help_open = true;
            state.help_scroll = 0;
            vec![]
        }
        Action::Redraw => vec![Effect::Redraw],
        Action::FocusNext => focus_cycle(state, 1),
        Action::FocusPrev => focus_cycle(state, -1),
        Action::FocusLeft => focus_left(state),
        Action::FocusRight => focus_right(state),
        Action::ToggleSidebar => toggle_sidebar(state),
        Action::ToggleMaximize => toggle_maximize(state),
        Action::Down => move_by(state, 1),
        Action::Up => move_by(state, -1),
        Action::HalfPageDown => move_by(state, page(state) as isize / 2),
        Action::HalfPageUp => move_by(state, -(page(state) as isize / 2)),
        Action::PageDown => page_down(state),
        Action::PageUp => move_by(state, -(page(state) as isize - 1).min(-1)),
        Action::Top => top(state),
        Action::Bottom => bottom(state),
        Action::Open => open(state),
        Action::Back => back(state),
        Action::NextArticle if state.focus == Focus::Reader && state.reader.find.is_some() => {
            jump_match(state, 1)
        }
        Action::NextArticle => step_article(state, 1),
        Action::PrevArticle => step_article(state, -1),
        Action::ToggleRead => toggle_read(state),
        Action::ToggleBookmark => toggle_bookmark(state),
        Action::ToggleUnreadOnly => toggle_unread_only(state),
        Action::OpenLink => with_url(state, Effect::OpenUrl),
        Action::CopyUrl => with_url(state, Effect::Copy),
        Action::NextLink => step_link(state, 1),
        Action::PrevLink => step_link(state, -1),
        Action::OpenRelated(n) => open_related(state, n as usize - 1),
        Action::HistoryBack => history_walk(state, true),
        Action::HistoryForward => history_walk(state, false),
        Action::ClearFilter => clear_filter(state),
        Action::FilterKeywords => filter_keywords(state),
        Action::UpdateFeeds => start_update(state),
        Action::AddPage => {
            state.input = Some(Input {
                kind: InputKind::AddUrl,
                text: String::new(),
            });
            vec![]
        }
        Action::ToggleBookmarkedOnly => toggle_bookmarked_only(state),
        Action::Search => start_search(state),
        Action::Find => start_find(state),
        Action::PrevMatch => jump_match(state, -1),
    }
}

fn start_update(state: &mut AppState) -> Vec<Effect> {
    if state.updating.is_some() {
        state.info("An update is already running");
        return vec![];
    }
    state.updating = Some((0, 0));
    state.info("Updating the feeds…");
    vec![Effect::StartUpdate]
}

fn toggle_bookmarked_only(state: &mut AppState) -> Vec<Effect> {
    state.list.filter.bookmarked = !state.list.filter.bookmarked;
    state.focus = Focus::List;
    state.maximized = false;
    state.info(if state.list.filter.bookmarked {
        "Bookmarks: the articles saved for offline reading"
    } else {
        "Showing all articles"
    });
    let keep = state.list.selected_id();
    vec![Effect::LoadList { keep }]
}

/// Keys typed into a text box (the sidebar filter): characters edit it, Enter
/// keeps it, Esc drops it.
pub fn update_input(state: &mut AppState, key: KeyEvent) -> Vec<Effect> {
    let Some(input) = state.input.as_mut() else {
        return vec![];
    };
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    match key.code {
        KeyCode::Esc => {
            match input.kind {
                InputKind::KeywordFilter => state.sidebar.set_query(""),
                // The list comes back as it was: the search never touched it.
                InputKind::Search => state.search = None,
                InputKind::Find => {
                    state.reader.find = None;
                    state.reader.find_hits.clear();
                }
                InputKind::AddUrl => {}
            }
            state.input = None;
            return vec![];
        }
        KeyCode::Enter if input.kind == InputKind::Search => {
            state.input = None;
            return open_search_hit(state);
        }
        KeyCode::Enter if input.kind == InputKind::Find => {
            state.input = None;
            let n = state.reader.find_hits.len();
            state.info(match n {
                0 => "No match in this article".to_string(),
                _ => format!("{n} matches: n next, N previous"),
            });
            return vec![];
        }
        KeyCode::Down | KeyCode::Up if input.kind == InputKind::Search => {
            if let Some(s) = state.search.as_mut() {
                s.move_by(if key.code == KeyCode::Down { 1 } else { -1 });
            }
            return vec![];
        }
        KeyCode::Char('n' | 'p') if ctrl && input.kind == InputKind::Search => {
            if let Some(s) = state.search.as_mut() {
                s.move_by(if key.code == KeyCode::Char('n') {
                    1
                } else {
                    -1
                });
            }
            return vec![];
        }
        KeyCode::Enter if input.kind == InputKind::AddUrl => {
            let url = input.text.trim().to_string();
            state.input = None;
            if url.is_empty() {
                return vec![];
            }
            state.info(format!("Saving {url}…"));
            return vec![Effect::FetchPage(url)];
        }
        KeyCode::Enter | KeyCode::Down | KeyCode::Up | KeyCode::Tab
            if input.kind == InputKind::KeywordFilter =>
        {
            // Keep the filter and hand the keys back to the list of keywords.
            state.input = None;
            return vec![];
        }
        KeyCode::Backspace => {
            input.text.pop();
        }
        KeyCode::Char('u') if ctrl => input.text.clear(),
        KeyCode::Char('w') if ctrl => {
            let t = input.text.trim_end().to_string();
            let cut = t.rfind(' ').map_or(0, |i| i + 1);
            input.text.truncate(cut);
        }
        KeyCode::Char(c) if !ctrl => input.text.push(c),
        _ => return vec![],
    }
    match input.kind {
        InputKind::KeywordFilter => {
            let q = input.text.clone();
            state.sidebar.set_query(&q);
            state.sidebar.select(0);
        }
        InputKind::AddUrl => {}
        InputKind::Search => {
            let q = input.text.clone();
            if let Some(s) = state.search.as_mut() {
                s.query = q.clone();
                s.generation += 1;
                return vec![Effect::RunSearch {
                    query: q,
                    generation: s.generation,
                }];
            }
        }
        InputKind::Find => {
            let q = input.text.clone();
            state.reader.find = Some(q);
            state.reader.refresh_find();
            state.reader.jump_match(1);
        }
    }
    vec![]
}

fn start_search(state: &mut AppState) -> Vec<Effect> {
    let query = state
        .search
        .as_ref()
        .map(|s| s.query.clone())
        .unwrap_or_default();
    if state.search.is_none() {
        state.search = Some(SearchState::default());
    }
    state.input = Some(Input {
        kind: InputKind::Search,
        text: query,
    });
    state.focus = Focus::List;
    state.maximized = false;
    vec![]
}

fn start_find(state: &mut AppState) -> Vec<Effect> {
    if state.reader.article.is_none() {
        return start_search(state);
    }
    state.focus = Focus::Reader;
    let q = state.reader.find.clone().unwrap_or_default();
    state.input = Some(Input {
        kind: InputKind::Find,
        text: q,
    });
    vec![]
}

fn open_search_hit(state: &mut AppState) -> Vec<Effect> {
    let Some(id) = state
        .search
        .as_ref()
        .and_then(|s| s.selected_hit())
        .map(|h| h.id)
    else {
        state.info("No result to open");
        return vec![];
    };
    state.focus = Focus::Reader;
    vec![Effect::OpenArticle {
        id,
        mark_read: true,
    }]
}

/// n / N in the reader while finding: the next or previous match.
fn jump_match(state: &mut AppState, dir: isize) -> Vec<Effect> {
    if !state.reader.jump_match(dir) {
        state.info(if dir > 0 {
            "No more matches below"
        } else {
            "No more matches above"
        });
    }
    vec![]
}

fn filter_keywords(state: &mut AppState) -> Vec<Effect> {
    state.focus = Focus::Sidebar;
    state.input = Some(Input {
        kind: InputKind::KeywordFilter,
        text: state.sidebar.query.clone(),
    });
    vec![]
}

fn clear_filter(state: &mut AppState) -> Vec<Effect> {
    if state.list.filter.keywords.is_empty() {
        state.info("No keyword filter to clear");
        return vec![];
    }
    state.list.filter.keywords.clear();
    state.info("Keyword filter cleared");
    let keep = state.list.selected_id();
    vec![Effect::LoadList { keep }]
}

fn step_link(state: &mut AppState, dir: isize) -> Vec<Effect> {
    if state.reader.target_count() == 0 {
        state.info("This article has no keywords or related stories");
        return vec![];
    }
    state.focus = Focus::Reader;
    state.reader.step_target(dir);
    vec![]
}

/// Where we are now, for the history.
fn here(state: &AppState) -> Option<HistoryEntry> {
    let a = state.reader.article.as_ref()?;
    let opened = if a.id == STUB_ID {
        // A stub is rebuilt from the related story it came from.
        Opened::Stub(crate::model::Related {
            title: a.title.clone(),
            url: a.url.clone(),
            excerpt: a
                .paragraphs
                .first()
                .filter(|_| a.paragraphs.len() > 1)
                .map(|p| p.text.clone()),
            article_id: None,
            source: crate::model::RelatedSource::Page,
        })
    } else {
        Opened::Article(a.id)
    };
    Some(HistoryEntry {
        opened,
        filter: state.list.filter.clone(),
        anchor: state.reader.position(),
    })
}

fn open_related(state: &mut AppState, index: usize) -> Vec<Effect> {
    let Some(r) = state
        .reader
        .article
        .as_ref()
        .and_then(|a| a.related.get(index))
        .cloned()
    else {
        state.info(format!("There is no related story {}", index + 1));
        return vec![];
    };
    if let Some(entry) = here(state) {
        state.history.push(entry);
    }
    state.focus = Focus::Reader;
    match r.article_id {
        Some(id) => vec![Effect::OpenArticle {
            id,
            mark_read: true,
        }],
        None => {
            state.reader.open(stub_article(&r), 0);
            state.info("Not in the store: showing what the page said of it");
            vec![]
        }
    }
}

fn history_walk(state: &mut AppState, back: bool) -> Vec<Effect> {
    let entry = if back {
        state.history.back.pop()
    } else {
        state.history.forward.pop()
    };
    let Some(entry) = entry else {
        state.info(if back {
            "Nothing to go back to"
        } else {
            "Nothing to go forward to"
        });
        return vec![];
    };
    if let Some(now) = here(state) {
        if back {
            state.history.forward.push(now);
        } else {
            state.history.back.push(now);
        }
    }
    state.focus = Focus::Reader;
    let mut fx = Vec::new();
    if entry.filter != state.list.filter {
        state.list.filter = entry.filter.clone();
        fx.push(Effect::LoadList { keep: None });
    }
    match entry.opened {
        Opened::Article(id) => fx.push(Effect::OpenAt {
            id,
            anchor: entry.anchor,
        }),
        Opened::Stub(r) => state.reader.open(stub_article(&r), entry.anchor),
    }
    fx
}

/// Rows or lines in the focused pane's viewport.
fn page(state: &AppState) -> usize {
    let p = state.panes();
    let rect = match state.focus {
        Focus::Sidebar => p.sidebar,
        Focus::List => p.list,
        Focus::Reader => p.reader,
    };
    rect.map_or(1, |r| r.height.saturating_sub(2).max(1) as usize)
}

fn focus_cycle(state: &mut AppState, dir: isize) -> Vec<Effect> {
    if single_pane(state.width) || state.maximized {
        // One pane at a time: cycle through all three.
        let all = [Focus::Sidebar, Focus::List, Focus::Reader];
        let mut i = all.iter().position(|f| *f == state.focus).unwrap_or(1);
        loop {
            i = (i as isize + dir).rem_euclid(3) as usize;
            if all[i] != Focus::Reader || state.reader.article.is_some() {
                break;
            }
        }
        state.maximized = false;
        state.focus = all[i];
        return vec![];
    }
    let order = state.panes().order();
    if let Some(i) = order.iter().position(|f| *f == state.focus) {
        let n = order.len() as isize;
        state.focus = order[(i as isize + dir).rem_euclid(n) as usize];
    }
    vec![]
}

fn focus_left(state: &mut AppState) -> Vec<Effect> {
    state.maximized = false;
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
    vec![]
}

fn focus_right(state: &mut AppState) -> Vec<Effect> {
    state.focus = match state.focus {
        Focus::Sidebar => Focus::List,
        Focus::List | Focus::Reader => {
            if state.reader.article.is_some() {
                Focus::Reader
            } else {
                return open(state);
            }
        }
    };
    vec![]
}

fn set_sidebar(state: &mut AppState, on: bool) {
    if state.width >= crate::tui::state::layout::WIDE {
        state.sidebar_wide = on;
    } else {
        state.sidebar_medium = on;
    }
}

fn toggle_sidebar(state: &mut AppState) -> Vec<Effect> {
    state.maximized = false;
    if single_pane(state.width) {
        state.focus = if state.focus == Focus::Sidebar {
            Focus::List
        } else {
            Focus::Sidebar
        };
        return vec![];
    }
    let on = !crate::tui::state::layout::sidebar_visible(state);
    set_sidebar(state, on);
    if on {
        state.focus = Focus::Sidebar;
    } else if state.focus == Focus::Sidebar {
        state.focus = Focus::List;
    }
    vec![]
}

fn toggle_maximize(state: &mut AppState) -> Vec<Effect> {
    if state.reader.article.is_none() {
        state.info("Open an article first (Enter)");
        return vec![];
    }
    state.maximized = !state.maximized;
    if state.maximized {
        state.focus = Focus::Reader;
    }
    vec![]
}

fn move_by(state: &mut AppState, delta: isize) -> Vec<Effect> {
    match state.focus {
        Focus::Reader => {
            state.reader.scroll_by(delta);
            vec![]
        }
        Focus::Sidebar => {
            state.sidebar.move_by(delta);
            vec![]
        }
        Focus::List if state.search.is_some() => {
            if let Some(s) = state.search.as_mut() {
                s.move_by(delta);
            }
            vec![]
        }
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
            fx.extend(preview(state, before));
            fx
        }
    }
}

/// In layouts that show the reader beside the list, the reader follows the selection.
fn preview(state: &AppState, before: usize) -> Vec<Effect> {
    if state.list.selected == before || !state.panes().shows(Focus::Reader) {
        return vec![];
    }
    state
        .list
        .selected_id()
        .map(|id| {
            vec![Effect::OpenArticle {
                id,
                mark_read: false,
            }]
        })
        .unwrap_or_default()
}

fn page_down(state: &mut AppState) -> Vec<Effect> {
    // In the reader, Space at the end of an article goes on to the next one (like less/newsboat).
    if state.focus == Focus::Reader && state.reader.at_end() {
        return step_article(state, 1);
    }
    move_by(state, (page(state) as isize - 1).max(1))
}

fn top(state: &mut AppState) -> Vec<Effect> {
    if state.focus == Focus::List && state.list.base > 0 {
        // The window is somewhere down the list: read the first page again.
        state.list.offset = 0;
        return vec![Effect::LoadList { keep: None }];
    }
    move_by(state, isize::MIN / 2)
}

fn bottom(state: &mut AppState) -> Vec<Effect> {
    match state.focus {
        Focus::List if !state.list.exhausted => {
            // Everything must be loaded to know where the bottom is.
            vec![Effect::LoadMore { to_end: true }]
        }
        _ => move_by(state, isize::MAX / 2),
    }
}

fn open(state: &mut AppState) -> Vec<Effect> {
    match state.focus {
        Focus::Sidebar => {
            let Some(name) = state.sidebar.selected_name().map(str::to_string) else {
                return vec![];
            };
            let f = &mut state.list.filter.keywords;
            if let Some(i) = f.iter().position(|k| *k == name) {
                f.remove(i);
            } else {
                f.push(name);
            }
            state.focus = Focus::List;
            vec![Effect::LoadList { keep: None }]
        }
        Focus::List if state.search.is_some() => open_search_hit(state),
        Focus::List | Focus::Reader => match state.list.selected_id() {
            Some(id) if state.focus == Focus::List => {
                state.focus = Focus::Reader;
                vec![Effect::OpenArticle {
                    id,
                    mark_read: true,
                }]
            }
            Some(_) => activate_target(state),
            None if state.focus == Focus::Reader => activate_target(state),
            None => {
                state.info("No article selected");
                vec![]
            }
        },
    }
}

/// Enter on a picked chip filters the list by it; on a related story, opens it.
fn activate_target(state: &mut AppState) -> Vec<Effect> {
    let Some(t) = state.reader.target else {
        return vec![];
    };
    let Some(a) = &state.reader.article else {
        return vec![];
    };
    if let Some(k) = a.keywords.get(t) {
        let name = k.name.clone();
        if !state.list.filter.keywords.contains(&name) {
            state.list.filter.keywords.push(name);
        }
        state.focus = Focus::List;
        state.maximized = false;
        return vec![Effect::LoadList { keep: None }];
    }
    open_related(state, t - a.keywords.len())
}

fn back(state: &mut AppState) -> Vec<Effect> {
    if state.maximized {
        state.maximized = false;
        return vec![];
    }
    match state.focus {
        Focus::Reader if state.reader.find.is_some() => {
            state.reader.find = None;
            state.reader.find_hits.clear();
        }
        Focus::Reader => state.focus = Focus::List,
        Focus::Sidebar => state.focus = Focus::List,
        Focus::List if state.search.is_some() => {
            state.search = None;
        }
        Focus::List if !state.list.filter.keywords.is_empty() => {
            state.list.filter.keywords.clear();
            let keep = state.list.selected_id();
            return vec![Effect::LoadList { keep }];
        }
        Focus::List => {}
    }
    vec![]
}

fn step_article(state: &mut AppState, dir: isize) -> Vec<Effect> {
    let current = state.reader.article.as_ref().map(|a| a.id);
    let index = current
        .and_then(|id| state.list.position_of(id))
        .unwrap_or(state.list.selected);
    let target = index as isize + dir;
    if target < 0 || target as usize >= state.list.rows.len() {
        state.info(if dir > 0 {
            "This is the last article"
        } else {
            "This is the first article"
        });
        return if dir > 0 && !state.list.exhausted {
            vec![Effect::LoadMore { to_end: false }]
        } else {
            vec![]
        };
    }
    state.list.select(target as usize);
    let mut fx = Vec::new();
    if state.list.wants_more(target as usize + 1) {
        fx.push(Effect::LoadMore { to_end: false });
    }
    if state.list.wants_previous(target as usize) {
        fx.push(Effect::LoadPrevious);
    }
    if let Some(id) = state.list.selected_id() {
        fx.push(Effect::OpenArticle {
            id,
            mark_read: true,
        });
    }
    fx
}

/// The article the user means: the open one in the reader, else the selected one.
fn target(state: &AppState) -> Option<(ArticleId, bool, bool)> {
    if state.focus == Focus::Reader
        && let Some(a) = &state.reader.article
    {
        return Some((a.id, a.read, a.bookmarked));
    }
    state
        .list
        .selected_row()
        .map(|r| (r.id, r.read, r.bookmarked))
}

fn toggle_read(state: &mut AppState) -> Vec<Effect> {
    match target(state) {
        Some((id, read, _)) => {
            apply_flags(state, id, Some(!read), None);
            state.info(if read { "Marked unread" } else { "Marked read" });
            vec![Effect::SetRead(id, !read)]
        }
        None => vec![],
    }
}

fn toggle_bookmark(state: &mut AppState) -> Vec<Effect> {
    match target(state) {
        Some((id, _, bm)) => {
            apply_flags(state, id, None, Some(!bm));
            state.info(if bm {
                "Bookmark removed"
            } else {
                "Bookmarked: saved for offline reading"
            });
            vec![Effect::SetBookmarked(id, !bm)]
        }
        None => vec![],
    }
}

/// Reflect a flag change in the list row and the open article at once.
pub fn apply_flags(
    state: &mut AppState,
    id: ArticleId,
    read: Option<bool>,
    bookmarked: Option<bool>,
) {
    state.list.set_flags(id, read, bookmarked);
    if let Some(a) = state.reader.article.as_mut().filter(|a| a.id == id) {
        if let Some(v) = read {
            a.read = v;
        }
        if let Some(v) = bookmarked {
            a.bookmarked = v;
        }
    }
}

fn toggle_unread_only(state: &mut AppState) -> Vec<Effect> {
    state.list.filter.unread = !state.list.filter.unread;
    state.info(if state.list.filter.unread {
        "Showing unread articles only"
    } else {
        "Showing all articles"
    });
    let keep = state.list.selected_id();
    vec![Effect::LoadList { keep }]
}

fn with_url(state: &mut AppState, make: fn(String) -> Effect) -> Vec<Effect> {
    let url = if state.focus == Focus::Reader || state.list.rows.is_empty() {
        state.reader.article.as_ref().and_then(|a| a.url.clone())
    } else {
        None
    };
    let url = url.or_else(|| {
        // The selected row's article may not be the open one: the runtime loads it.
        state
            .reader
            .article
            .as_ref()
            .filter(|a| Some(a.id) == state.list.selected_id())
            .and_then(|a| a.url.clone())
    });
    match url {
        Some(u) => vec![make(u)],
        None => {
            state.info("This article has no link");
            vec![]
        }
    }
}
