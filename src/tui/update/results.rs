//! The search results shown in the list pane: moving in them (from the
//! list or the search prompt), the preview beside them, and asking for the
//! next results near the end of those held. Apart from `list`, `input` and
//! `reader`, which all use it.

use super::Effect;
use crate::tui::state::{AppState, Focus};

/// A preview asked for by a move waits for the selection to rest; till
/// then the reader is behind the selection (`preview_due`).
pub(super) fn rest(state: &mut AppState, preview: Vec<Effect>) -> Vec<Effect> {
    state.preview_due = !preview.is_empty();
    if preview.is_empty() {
        preview
    } else {
        vec![Effect::PreviewWhenRested]
    }
}

/// Move the selection in the search results (from the list or the search
/// prompt): the preview follows once it rests, and near the end of the
/// results held, the next ones are asked for.
pub(super) fn move_in_results(state: &mut AppState, delta: isize) -> Vec<Effect> {
    let Some(s) = state.search.as_mut() else {
        return vec![];
    };
    s.move_by(delta);
    let more = s.more(s.selected);
    let preview = search_preview(state);
    let mut fx = rest(state, preview);
    fx.extend(more_results(more));
    fx
}

/// The effect asking for a longer page of results, from [`SearchState::more`].
///
/// [`SearchState::more`]: crate::tui::state::search::SearchState::more
pub(super) fn more_results(more: Option<(String, u64, usize)>) -> Vec<Effect> {
    more.map(|(query, generation, limit)| Effect::MoreResults {
        query,
        generation,
        limit,
    })
    .into_iter()
    .collect()
}

/// Beside the results, the reader shows the selected one.
pub(super) fn search_preview(state: &AppState) -> Vec<Effect> {
    if !state.panes().shows(Focus::Reader) {
        return vec![];
    }
    match state.search.as_ref().and_then(|s| s.selected_hit()) {
        Some(h) if !state.reader.shows(h.id) => vec![Effect::LoadArticle {
            id: h.id,
            opening: crate::tui::event::Opening::Preview,
        }],
        _ => vec![],
    }
}

/// `G` in the results: the last match, every one asked for when they are
/// not all held (the selection goes to the last when they come).
pub(super) fn bottom(state: &mut AppState) -> Vec<Effect> {
    let Some(s) = state.search.as_mut() else {
        return vec![];
    };
    s.move_by(isize::MAX / 2);
    let all = s.all();
    let preview = search_preview(state);
    let mut fx = rest(state, preview);
    fx.extend(more_results(all));
    fx
}
