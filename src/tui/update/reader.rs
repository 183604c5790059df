//! The reader: the next and previous article, find matches, the keyword
//! chips and related stories picked with `]`/`[`, and the history of
//! related-story hops (Back/Forward).

use super::{Effect, open_for_reading};
use crate::tui::event::Opening;
use crate::tui::state::list::Place;
use crate::tui::state::nav::{HistoryEntry, Opened};
use crate::tui::state::reader::Shown;
use crate::tui::state::{AppState, Focus};

/// Open search result `i` for reading: the results are the reading context
/// (`n`, `p`, `N` and Space at the end walk them).
pub(super) fn open_hit(state: &mut AppState, i: usize) -> Vec<Effect> {
    let Some(s) = state.search.as_mut() else {
        return vec![];
    };
    let Some(id) = s.hits.get(i).map(|h| h.id) else {
        return vec![];
    };
    s.selected = i;
    // Near the end of the results held, the next ones are asked for.
    let more = super::results::more_results(s.more(i));
    // The status line says "Result 2 of 37" (see `ui::status`).
    state.focus = Focus::Reader;
    let mut fx = open_for_reading(state, id);
    fx.extend(more);
    fx
}

pub(super) fn step_article(state: &mut AppState, dir: isize) -> Vec<Effect> {
    if let Some(s) = &state.search {
        let current = state
            .reader
            .article_id()
            .and_then(|id| s.hits.iter().position(|h| h.id == id))
            .unwrap_or(s.selected);
        let target = current as isize + dir;
        if target < 0 || target as usize >= s.hits.len() {
            let (held, more) = (s.hits.len(), s.has_more());
            let cut = s.total.is_some_and(|(_, past)| past);
            let message = match () {
                _ if dir < 0 => "This is the first result".to_string(),
                // The page asked for when this result opened is on its way.
                _ if more || s.waiting => "Loading more results…".to_string(),
                _ if cut => format!(
                    "Results stop at {}: narrow the search to see the others",
                    crate::text::layout::group_thousands(held as i64)
                ),
                _ => "This is the last result".to_string(),
            };
            let fx = match state.search.as_mut() {
                Some(s) if dir > 0 => super::results::more_results(s.more(current)),
                _ => vec![],
            };
            state.info(message);
            return fx;
        }
        return open_hit(state, target as usize);
    }
    let place = (state.reader.article_id()).and_then(|id| state.list.place_of(id));
    let target = match place {
        Some(p) if dir > 0 => p.next() as isize,
        Some(Place::At(i) | Place::Replaced(i) | Place::Away(i)) => i as isize + dir,
        None => state.list.selected as isize + dir,
    };
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
        fx.extend(open_for_reading(state, id));
    }
    fx
}

pub(super) fn step_link(state: &mut AppState, dir: isize) -> Vec<Effect> {
    if state.reader.target_count() == 0 {
        state.info("This article has no keywords, related stories or links");
        return vec![];
    }
    state.focus = Focus::Reader;
    state.reader.step_target(dir);
    vec![]
}

/// Enter on a picked chip filters the list by it; on a related story, opens
/// it; on a link of the text, opens its address in the browser.
pub(super) fn activate_target(state: &mut AppState) -> Vec<Effect> {
    let Some(t) = state.reader.target else {
        return vec![];
    };
    let Some(shown) = &state.reader.shown else {
        return vec![];
    };
    let chips = shown.keywords().len();
    if let Some(k) = shown.keywords().get(t) {
        let name = k.name.clone();
        if !state.list.filter.keywords.contains(&name) {
            state.list.filter.keywords.push(name);
        }
        state.focus = Focus::List;
        state.maximized = false;
        return super::load_view(state, None);
    }
    let related = shown.related().len();
    if t >= chips + related {
        let url = shown
            .links()
            .get(t - chips - related)
            .map(|l| l.url.clone());
        return url.map_or_else(Vec::new, |url| super::open_in_browser(state, &url));
    }
    open_related(state, t - chips)
}

/// Where we are now, for the history.
fn here(state: &AppState) -> Option<HistoryEntry> {
    let opened = match state.reader.shown.as_ref()? {
        Shown::Stored(a) => Opened::Article(a.id),
        Shown::Stub(r) => Opened::Stub(r.clone()),
    };
    Some(HistoryEntry {
        opened,
        filter: state.list.filter.clone(),
        anchor: state.reader.position(),
    })
}

pub(super) fn open_related(state: &mut AppState, index: usize) -> Vec<Effect> {
    let Some(r) = state
        .reader
        .shown
        .as_ref()
        .and_then(|s| s.related().get(index))
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
        Some(id) => open_for_reading(state, id),
        None => {
            state.reader.open_stub(r, 0);
            state.info("Not in the store: showing what the page said of it");
            vec![]
        }
    }
}

pub(super) fn history_walk(state: &mut AppState, back: bool) -> Vec<Effect> {
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
        // The list as it was, on the article gone back to.
        let keep = match entry.opened {
            Opened::Article(id) => Some(id),
            Opened::Stub(_) => state.list.selected_id(),
        };
        // The results shown follow the filter restored too (a review's
        // find).
        fx.extend(super::load_view(state, keep));
    }
    match entry.opened {
        Opened::Article(id) if state.reader.shows(id) => {
            state.reader.pending_anchor = Some(entry.anchor);
            select_shown(state, id);
        }
        Opened::Article(id) => fx.push(Effect::LoadArticle {
            id,
            opening: Opening::At(entry.anchor),
        }),
        Opened::Stub(r) => state.reader.open_stub(r, entry.anchor),
    }
    fx
}

/// The article gone back (or forward) to is the one selected: in the list,
/// and in the search results when they are the reading context (`Enter`
/// after `Esc` opens what the reader shows).
pub(super) fn select_shown(state: &mut AppState, id: crate::model::ArticleId) {
    if let Some(i) = state.list.position_of(id) {
        state.list.select(i);
    }
    if let Some(s) = state.search.as_mut()
        && let Some(i) = s.hits.iter().position(|h| h.id == id)
    {
        s.selected = i;
    }
}
