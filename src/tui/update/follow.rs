//! Following the store: another docbao process (an import, an update, a
//! `mark-read` from the command line, a feed removed) or a worker of this
//! one committed to the store, and what the screen shows was read again.
//! The sidebar's counts, its keywords and the list's window take what the
//! store has; the selection stays on its article and the article open in the
//! reader stays open (even if it left the view). What is found as shown
//! changes nothing, and nothing is drawn.

use super::{Effect, catchup, follow_list};
use crate::model::{Source, SourceCount};
use crate::tui::event::{Opening, Reloaded};
use crate::tui::state::AppState;
use crate::tui::state::sidebar::source_label;

/// The name of the feed the list is filtered on, when `sources` (read
/// again) no longer holds it.
fn removed_feed(state: &AppState, sources: &[SourceCount]) -> Option<String> {
    let shown @ Source::Feed(_) = state.list.filter.source.as_ref()? else {
        return None;
    };
    if sources.iter().any(|s| &s.source == shown) {
        return None;
    }
    Some(source_label(&state.sidebar, shown))
}

/// Take what was read again. `None`: it is all as shown (no redraw).
pub(super) fn reloaded(state: &mut AppState, r: Reloaded) -> Option<Vec<Effect>> {
    let mut fx = Vec::new();
    let mut changed = false;
    if state.sidebar.sources != r.sources {
        let gone = removed_feed(state, &r.sources);
        state.sidebar.set_sources(r.sources);
        changed = true;
        // The list showed a feed unsubscribed meanwhile: every source
        // again, said (an empty list would not tell why).
        if let Some(name) = gone {
            state.list.filter.source = None;
            state.info(format!("{name} was unsubscribed: showing every source"));
            fx.extend(super::load_view(state, state.list.selected_id()));
            return Some(fx);
        }
    }
    if state.sidebar.refresh_keywords(r.keywords) {
        changed = true;
        // The keywords the filter found past those loaded are read again.
        let query = state.sidebar.query.clone();
        if state.sidebar.wants_store(&query) {
            fx.push(Effect::FindKeywords(query));
        }
    }
    // The view changed meanwhile (a key came first): its own load follows.
    if r.filter != state.list.filter {
        return changed.then_some(fx);
    }
    let list = &state.list;
    if list.rows != r.rows
        || list.base != r.base
        || list.total != r.total
        || list.exhausted != r.exhausted
    {
        state
            .list
            .reload_window(r.rows, r.base, r.total, r.exhausted);
        changed = true;
        // The article selected gone: the reader beside the list follows
        // the row that took its place (one being read stays).
        if state.search.is_none() {
            fx.extend(follow_list(state));
        }
    }
    // The open article's marks, as the store has them (marked unread from
    // the command line), wherever it was opened from.
    let now = r
        .open
        .filter(|(id, ..)| state.reader.article_id() == Some(*id));
    if let (Some(open), Some((id, read, bookmarked, _))) = (state.reader.article(), now)
        && (read, bookmarked) != (open.read, open.bookmarked)
    {
        state.reader.set_flags(id, Some(read), Some(bookmarked));
        changed = true;
    }
    // The article shown stored again changed meanwhile (a feed's update,
    // an import of another version): read again, the reading position kept.
    if let (Some(open), Some((_, _, _, hash))) = (state.reader.article(), now)
        && hash != open.content_hash
    {
        fx.push(Effect::LoadArticle {
            id: open.id,
            opening: Opening::Reload,
        });
        changed = true;
    }
    // The search results' marks (their order and snippets stay: the
    // search is not run again under the reader's eyes).
    for (id, read, bookmarked, title) in r.hits {
        let shown = (state.search.iter())
            .flat_map(|s| s.hits.iter())
            .find(|h| h.id == id)
            .map(|h| (h.read, h.bookmarked));
        if shown.is_some_and(|marks| marks != (read, bookmarked)) {
            super::apply_flags(state, id, Some(read), Some(bookmarked));
            changed = true;
        }
        if let Some(hit) = (state.search.iter_mut())
            .flat_map(|s| s.hits.iter_mut())
            .find(|h| h.id == id && h.title != title)
        {
            hit.title = title;
            changed = true;
        }
    }
    // `A`: the question counts what was just read, and is drawn with it.
    if let Some(ids) = r.unread
        && state.search.is_none()
    {
        fx.extend(catchup::ask_mark_all(state, ids, None));
        changed = true;
    }
    changed.then_some(fx)
}
