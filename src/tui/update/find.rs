//! Find in the article: `/` in the reader, the edits of its prompt, Enter
//! and Esc, and `n`/`N` between the matches. As in less and vim's
//! incsearch, every edit searches from where the find started (the view's
//! top line when `/` was pressed), wrapping to the top when nothing matches
//! below; Esc puts the view back, and the reading position is not saved
//! while the prompt is open (see `settle`).

use super::Effect;
use crate::text::layout::group_count as number;
use crate::tui::state::AppState;

/// `/` pressed in the reader: the view to search from and to go back to.
pub(super) fn begin(state: &mut AppState) {
    state.reader.begin_find();
}

/// The query changed: search it again from where the find started.
pub(super) fn edited(state: &mut AppState, query: String) {
    state.reader.find = Some(query);
    state.reader.find_from_origin();
}

/// Esc: no find, the view where it was when `/` was pressed.
pub(super) fn cancel(state: &mut AppState) {
    state.reader.cancel_find();
}

/// Enter: the query kept (an offered one searched now), the view left at
/// its match, how many there are said.
pub(super) fn accept(state: &mut AppState) {
    if state
        .reader
        .find
        .as_deref()
        .is_none_or(|q| q.trim().is_empty())
    {
        cancel(state);
        return;
    }
    state.reader.find_from_origin();
    state.reader.end_find();
    let n = state.reader.find_hits.len();
    let count = match n {
        1 => "1 match".to_string(),
        n => format!("{} matches", number(n)),
    };
    state.info(match (n, state.reader.find_wrapped) {
        (0, _) => "No match in this article".to_string(),
        (_, true) => format!("{count}, none below: wrapped to the top"),
        (_, false) => format!(
            "{count}: {} next, {} previous",
            state.keys.next_match, state.keys.prev_match
        ),
    });
}

/// `n` (`dir` 1) or `N` (-1) while a find is kept: the next or previous
/// match, on from the other end past the last or first one.
pub(super) fn step(state: &mut AppState, dir: isize) -> Vec<Effect> {
    let n = state.reader.find_hits.len();
    if n == 0 {
        state.info("No match in this article");
        return vec![];
    }
    state.reader.jump_match(dir);
    let at = state.reader.find_current.map_or(0, |i| i + 1);
    let wrapped = match (state.reader.find_wrapped, dir > 0) {
        (false, _) => "",
        (true, true) => ": wrapped to the top",
        (true, false) => ": wrapped to the bottom",
    };
    state.info(format!("Match {} of {}{wrapped}", number(at), number(n)));
    vec![]
}
