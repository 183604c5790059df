//! Catching up: the sources in the sidebar, the next unread article (`N`),
//! marking a whole view read (`A`, after a y/n question), and undoing the
//! last change of marks.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::{Effect, apply_flags, open_for_reading};
use crate::model::{ArticleId, ListFilter, SourceCount};
use crate::tui::state::catchup::{Confirm, Scope, Seek, Undo};
use crate::tui::state::sidebar::{Section, source_label};
use crate::tui::state::{AppState, Focus};

/// The sidebar's counts are reloaded when marks change, if it shows them
/// (otherwise they are read again when it does, and before `N` needs them).
pub(super) fn counts_changed(state: &AppState) -> Vec<Effect> {
    if state.sidebar.section == Section::Sources && state.panes().shows(Focus::Sidebar) {
        vec![Effect::LoadSources]
    } else {
        vec![]
    }
}

pub(super) fn on_sources(state: &mut AppState, sources: Vec<SourceCount>) -> Vec<Effect> {
    state.sidebar.set_sources(sources);
    match state.seeking_unread.take() {
        Some(from) => find_onwards(state, from),
        None => vec![],
    }
}

/// Enter on a source: the list shows only its articles (with the keyword
/// filter, as keywords combine); Enter on the source filtered by shows
/// every source again.
pub(super) fn select_source(state: &mut AppState) -> Vec<Effect> {
    let Some(source) = state.sidebar.selected_source().cloned() else {
        return vec![];
    };
    let name = source_label(&state.sidebar, &source);
    // A source chosen shows its newest first; dropped, every source, the
    // selection kept (as `c` keeps it).
    let mut keep = None;
    if state.list.filter.source.as_ref() == Some(&source) {
        state.list.filter.source = None;
        state.info("Showing every source");
        keep = state.list.selected_id();
    } else {
        state.list.filter.source = Some(source);
        state.info(format!("Showing {name}"));
    }
    state.focus = Focus::List;
    super::load_view(state, keep)
}

/// `N`: the next unread article after the current one in the view (the
/// search results, else the list); past the end of the list, the next
/// source with unread articles, as newsboat does.
pub(super) fn next_unread(state: &mut AppState) -> Vec<Effect> {
    if let Some(s) = &state.search {
        let from = match (state.focus, current_hit(state)) {
            (Focus::Reader, Some(i)) => i + 1,
            _ => s.selected,
        };
        let Some(i) = (from..s.hits.len()).find(|&i| !s.hits[i].read) else {
            state.info("No more unread results");
            return vec![];
        };
        return super::reader::open_hit(state, i);
    }
    // After the article open in the reader, else from the selected row itself.
    let open = state.reader.article_id();
    // After the article open in the reader (from the row that took its
    // place, or the row it was opened from), else from the selected row.
    let (start, open) = match (state.focus, open.and_then(|id| state.list.place_of(id))) {
        (Focus::Reader, Some(place)) => (place.next(), open),
        _ => (state.list.selected, None),
    };
    let rows = &state.list.rows;
    if let Some(i) = (start..rows.len()).find(|&i| !rows[i].read) {
        state.list.select(i);
        state.focus = Focus::Reader;
        let mut fx = Vec::new();
        if state.list.wants_more(i + 1) {
            fx.push(Effect::LoadMore { to_end: false });
        }
        let id = state.list.rows[i].id;
        fx.extend(open_for_reading(state, id));
        return fx;
    }
    // Not in the rows loaded: ask the store, after the last row loaded,
    // with fresh counts to choose the next source.
    let after = if state.list.exhausted {
        None
    } else {
        state.list.cursor()
    };
    state.seeking_unread = Some(Seek {
        after,
        current: open,
    });
    vec![Effect::LoadSources]
}

fn find_onwards(state: &mut AppState, seek: Seek) -> Vec<Effect> {
    let filter = state.list.filter.clone();
    let mut views: Vec<(ListFilter, Option<crate::model::Cursor>)> = Vec::new();
    if let Some(c) = seek.after {
        views.push((filter.clone(), Some(c)));
    }
    if filter.source.is_some() {
        for source in state
            .sidebar
            .sources_with_unread_after(filter.source.as_ref())
        {
            views.push((
                ListFilter {
                    source: Some(source),
                    unread: filter.unread,
                    ..ListFilter::default()
                },
                None,
            ));
        }
    }
    // Last, the view from its top: unread articles above the current one.
    views.push((filter, None));
    state.seeking_unread_from = seek.current;
    vec![Effect::FindUnread(views)]
}

pub(super) fn on_unread_found(
    state: &mut AppState,
    found: Option<(ListFilter, ArticleId)>,
) -> Vec<Effect> {
    let current = state.seeking_unread_from.take();
    let Some((filter, id)) = found.filter(|(_, id)| Some(*id) != current) else {
        state.info("No more unread articles");
        return vec![];
    };
    state.focus = Focus::Reader;
    let mut fx = Vec::new();
    if filter != state.list.filter {
        if let Some(s) = &filter.source {
            let name = source_label(&state.sidebar, s);
            state.info(format!("Next unread in {name}"));
        }
        state.list.filter = filter;
        // The list of that view, around the article wherever it is.
        fx.push(Effect::LoadList { keep: Some(id) });
    } else {
        match state.list.position_of(id) {
            Some(i) => state.list.select(i),
            None => fx.push(Effect::LoadAround(id)),
        }
    }
    fx.extend(open_for_reading(state, id));
    fx
}

/// `A`: ask before marking every unread article of the view read. The
/// search results count the unread results loaded; the list's view is read
/// again with its unread articles, in one snapshot of the store, so that
/// the question's count, the sidebar's and the list drawn with the question
/// agree, and `y` marks exactly the articles counted.
pub(super) fn mark_all_read(state: &mut AppState) -> Vec<Effect> {
    if let Some(s) = &state.search {
        let ids: Vec<ArticleId> = s.hits.iter().filter(|h| !h.read).map(|h| h.id).collect();
        // More match than are loaded: the question says so.
        let partial =
            (s.count() > s.hits.len() || s.has_more()).then(|| (s.hits.len(), s.count_label()));
        return ask_mark_all(state, ids, partial);
    }
    // In the sources, the one under the cursor, as newsboat's `A` marks
    // the feed under it: the list shows it, and the question names it.
    if state.focus == Focus::Sidebar
        && state.sidebar.section == Section::Sources
        && let Some(source) = state.sidebar.selected_source().cloned()
        && state.list.filter.source.as_ref() != Some(&source)
    {
        let name = source_label(&state.sidebar, &source);
        state.info(format!("Showing {name}"));
        state.list.filter.source = Some(source);
        state.follow_new_list = true;
        return vec![
            Effect::LoadList { keep: None },
            Effect::Reload { unread: true },
        ];
    }
    vec![Effect::Reload { unread: true }]
}

/// What `A`'s question says the view holds: its source, or every source
/// when nothing narrows it (a keyword or bookmark filter is said by the
/// list's title).
fn scope(state: &AppState) -> Scope {
    let f = &state.list.filter;
    match &f.source {
        Some(s) => Scope::Source(source_label(&state.sidebar, s)),
        None if f.keywords.is_empty() && !f.bookmarked => Scope::Everything,
        None => Scope::Said,
    }
}

pub(super) fn ask_mark_all(
    state: &mut AppState,
    ids: Vec<ArticleId>,
    partial: Option<(usize, String)>,
) -> Vec<Effect> {
    let count = ids.len();
    if count == 0 {
        state.info("Nothing unread here");
        return vec![];
    }
    let scope = match partial {
        Some(_) => Scope::Said,
        None if state.search.is_some() => Scope::Said,
        None => scope(state),
    };
    let confirm = Confirm::MarkAllRead {
        ids,
        count,
        partial,
        scope,
    };
    state.info(confirm.question());
    state.confirm = Some(confirm);
    vec![]
}

/// The key that answers the question: `y` or Enter says yes, and the
/// articles counted are marked read (no other).
pub(super) fn answer(state: &mut AppState, key: KeyEvent) -> Vec<Effect> {
    let Some(confirm) = state.confirm.take() else {
        return vec![];
    };
    let yes = matches!(key.code, KeyCode::Char('y' | 'Y') | KeyCode::Enter);
    if !yes {
        state.info("Not marked");
        return vec![];
    }
    let Confirm::MarkAllRead { ids, .. } = confirm;
    for &id in &ids {
        apply_flags(state, id, Some(true), None);
    }
    // What is said and what `Z` undoes are narrowed to what the store
    // changed when it answers (another process may have read some meanwhile).
    marked_all(state, ids.clone());
    let mut fx = vec![Effect::MarkAllRead(ids)];
    if state.search.is_none() {
        // An unread-only view loses them; the window may hold few of them.
        let keep = state.list.selected_id();
        fx.push(Effect::LoadList { keep });
    }
    fx.extend(counts_changed(state));
    fx
}

/// The store marked these read, of those `A` counted the ones still
/// unread: said, and only they are undone by `Z`.
pub(super) fn store_marked_all(state: &mut AppState, changed: Vec<ArticleId>) {
    let selected = match state.undo.take() {
        Some(u) if u.read == Some(false) => u.selected,
        _ => state.list.selected_id(),
    };
    marked_all(state, changed);
    if let Some(u) = state.undo.as_mut() {
        u.selected = selected;
    }
}

fn marked_all(state: &mut AppState, ids: Vec<ArticleId>) {
    let (n, s) = (ids.len(), if ids.len() == 1 { "" } else { "s" });
    let count = crate::text::layout::group_count(n);
    let what = format!("marking {count} article{s} read");
    state.info(format!(
        "Marked {count} article{s} read ({} undoes it)",
        state.undo_key
    ));
    state.undo = Some(Undo {
        ids,
        read: Some(false),
        bookmarked: None,
        what,
        selected: state.list.selected_id(),
    });
}

/// Remember a single mark, to undo it.
pub(super) fn remember(state: &mut AppState, id: ArticleId, read: Option<bool>, bm: Option<bool>) {
    let what = match (read, bm) {
        (Some(true), _) => "marking it unread",
        (Some(false), _) => "marking it read",
        (_, Some(true)) => "removing the bookmark",
        _ => "bookmarking it",
    };
    state.undo = Some(Undo {
        ids: vec![id],
        read,
        bookmarked: bm,
        what: what.to_string(),
        selected: state.list.selected_id(),
    });
}

/// Put the last change of marks back as it was (once).
pub(super) fn undo(state: &mut AppState) -> Vec<Effect> {
    let Some(u) = state.undo.take() else {
        state.info("Nothing to undo");
        return vec![];
    };
    for &id in &u.ids {
        apply_flags(state, id, u.read, u.bookmarked);
    }
    state.info(format!("Undone: {}", u.what));
    let mut fx = Vec::new();
    if let Some(v) = u.read {
        fx.push(match u.ids.as_slice() {
            [id] => Effect::SetRead(*id, v),
            _ => Effect::SetReadMany(u.ids.clone(), v),
        });
    }
    if let (Some(v), [id]) = (u.bookmarked, u.ids.as_slice()) {
        fx.push(Effect::SetBookmarked(*id, v));
    }
    if u.ids.len() > 1 {
        // The article selected when the marks were made, not one that
        // came into an emptied view since.
        let keep = u.selected.or(state.list.selected_id());
        fx.push(Effect::LoadList { keep });
    }
    fx.extend(counts_changed(state));
    fx
}

/// The search result the reader shows, else the selected one.
fn current_hit(state: &AppState) -> Option<usize> {
    let s = state.search.as_ref()?;
    match state.reader.article_id() {
        Some(id) if state.focus == Focus::Reader => s.hits.iter().position(|h| h.id == id),
        _ => (!s.hits.is_empty()).then_some(s.selected),
    }
}
