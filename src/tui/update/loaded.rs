//! What comes back: the results of the effects the runtime performed and the
//! reports of the background workers. Each is a rule of its own here, where
//! the pure `update` tests reach it.

use super::{Effect, apply_flags, catchup, follow_list, mark_read_on_opening, preview};
use crate::model::ArticleId;
use crate::text::url::short_url;
use crate::text::width::{truncate, width};
use crate::tui::event::{FeedFailure, Loaded, Opening, UrlOpened, WorkerMsg};
use crate::tui::state::{AppState, Focus, Status};

/// The first screen: the list, the keywords, and the article last read;
/// and a feed update when the config asks for one (not on a read-only
/// store, which could not keep what it brings).
pub(super) fn start(state: &mut AppState) -> Vec<Effect> {
    let mut fx = vec![
        Effect::LoadList { keep: None },
        Effect::LoadKeywords,
        Effect::LoadSources,
        Effect::LoadLastArticle,
    ];
    if state.update_on_start && !state.read_only {
        fx.extend(super::list::start_update(state));
    }
    if state.sync_on_start && !state.read_only {
        fx.extend(super::list::start_sync(state));
    }
    fx
}

/// An update or a sync has said how it ended. While the other still runs
/// (both started with the reader: `update_on_start`, `sync_on_start`), the
/// line is kept, and the other's end says both: it hid the first ("No
/// feeds to update" over "no sync account yet"). What went wrong first.
fn job_ended(state: &mut AppState) {
    let Some(now) = state.status.clone() else {
        return;
    };
    let said = match state.job_said.take() {
        Some(before) => {
            let (first, second) = match now.error && !before.error {
                true => (now, before),
                false => (before, now),
            };
            Status {
                text: format!("{} · {}", first.text, second.text),
                error: first.error || second.error,
                url: None,
            }
        }
        None => now,
    };
    state.status = Some(said.clone());
    if state.syncing || state.updating.is_some() {
        state.job_said = Some(said);
    }
}

pub(super) fn on_loaded(state: &mut AppState, loaded: Loaded) -> Vec<Effect> {
    match loaded {
        Loaded::FirstPage { rows, total, keep } => {
            state.list.set_first_page(rows, total, keep);
            match keep {
                // Not in the first page (further down, or gone from the
                // view): the window around where it is, or was.
                Some(id) if !state.list.rows.is_empty() && state.list.selected_id() != Some(id) => {
                    vec![Effect::LoadAround(id)]
                }
                _ => follow_list(state),
            }
        }
        Loaded::LastPage { rows, total } => {
            state.list.set_last_page(rows, total);
            preview(state)
        }
        Loaded::NextPage(rows) => {
            state.list.append_page(rows);
            vec![]
        }
        Loaded::PreviousPage(rows) => {
            state.list.prepend_page(rows);
            vec![]
        }
        Loaded::Around {
            id: _,
            newer,
            from,
            place,
        } => {
            // Rows older than the article start with the article itself;
            // with the next one when it is not in the view (the nearest).
            let total = state.list.total;
            state.list.set_window(newer, from, place, total);
            follow_list(state)
        }
        Loaded::Article { article, opening } => open_loaded(state, *article, opening),
        Loaded::NothingToResume => preview(state),
        Loaded::Keywords(k) => {
            state.sidebar.set_keywords(k);
            vec![]
        }
        Loaded::KeywordsFound { query, found } => {
            state.sidebar.add_found(&query, found);
            vec![]
        }
        Loaded::SearchResults {
            generation,
            hits,
            total,
        } => {
            if let Some(s) = state.search.as_mut()
                && s.accept(generation, hits)
            {
                s.total = total;
                // Beside the results, the reader shows the highlighted one
                // once the results rest (typing on pushes it back).
                if state.focus == Focus::List {
                    // Nothing matches: nothing beside it (as beside an
                    // emptied view), not a result of the query typed on
                    // the way.
                    if s.hits.is_empty() && !s.query.trim().is_empty() {
                        state.reader.close();
                        state.preview_due = false;
                        return vec![];
                    }
                    let preview = super::results::search_preview(state);
                    return super::results::rest(state, preview);
                }
            }
            vec![]
        }
        Loaded::FlagFailed {
            id,
            read,
            bookmarked,
            error,
        } => {
            // The mark did not reach the store: show it as it was.
            apply_flags(state, id, read, bookmarked);
            state.error(error);
            vec![]
        }
        Loaded::Bookmarked(article) => {
            // A feed item saved with only its summary: get the whole page
            // now, so that it reads offline.
            match article.url {
                Some(url) if article.paragraphs.is_empty() => {
                    state.info("Saved; fetching the full page…");
                    vec![Effect::FetchFullPage {
                        id: article.id,
                        url,
                    }]
                }
                _ => vec![],
            }
        }
        Loaded::UrlOpened(how) => {
            match how {
                UrlOpened::Browser(prog) => state.info(format!("Opened in {prog}")),
                UrlOpened::BrowserFailed { program, error } => {
                    state.error(format!("{program} failed: {error}"))
                }
                UrlOpened::NotStarted(line) => state.error(line),
                UrlOpened::Copied { url, why } => {
                    state.info_url(&format!("Link copied ({why}): "), &url)
                }
                UrlOpened::Refused(why) => state.error(format!("Not opened in a browser: {why}")),
            }
            vec![]
        }
        Loaded::Sources(sources) => catchup::on_sources(state, sources),
        Loaded::UnreadFound(found) => catchup::on_unread_found(state, found),
        // Handled in `update::handle` (which draws nothing when it changes nothing).
        Loaded::Reloaded(r) => super::follow::reloaded(state, *r).unwrap_or_default(),
        Loaded::HandedOff(result) => {
            super::handoff::done(state, result);
            vec![]
        }
        Loaded::MarkedAllRead(ids) => {
            catchup::store_marked_all(state, ids);
            vec![]
        }
        Loaded::Note(message) => {
            state.info(message);
            vec![]
        }
        Loaded::Failed(message) => {
            // The list `A` asked for did not come: no later reload follows
            // in its place (a third review's find).
            state.follow_new_list = false;
            state.error(message);
            vec![]
        }
    }
}

fn open_loaded(
    state: &mut AppState,
    article: crate::model::Article,
    opening: Opening,
) -> Vec<Effect> {
    let id = article.id;
    let position = article.position;
    match opening {
        Opening::Preview | Opening::Read => {
            // A load of the article the reader shows already (the
            // preview's and the opening's loads both in flight, on a busy
            // machine) leaves the reader where it has scrolled since: the
            // stored position it carries may be one saved on the way.
            if !state.reader.shows(id) {
                state.reader.saved = Some((id, position));
                state.reader.open(article, position);
                state.reader.read_again_from_top = true;
            }
            if opening == Opening::Read {
                // Opened to be read: where it shows is where the reader is,
                // saved as such, from the top again too (only a preview
                // keeps a finished article's end in the store: reopened at
                // its top and left there, the reader started again at its
                // end, an independent review's find).
                state.reader.saved = None;
                return mark_read_on_opening(state, id);
            }
        }
        Opening::At(anchor) => {
            state.reader.saved = Some((id, anchor));
            state.reader.open(article, anchor);
            super::reader::select_shown(state, id);
        }
        Opening::Resume => {
            state.reader.saved = Some((id, position));
            state.reader.open(article, position);
            state.focus = Focus::Reader;
            match state.list.position_of(id) {
                Some(i) => state.list.select(i),
                None => return vec![Effect::LoadAround(id)],
            }
        }
        // Only if that article is still open, where the reader is.
        Opening::Refresh if state.reader.shows(id) => state.reader.refresh(article),
        Opening::Reload if state.reader.shows(id) => {
            let pos = state.reader.position();
            state.reader.open(article, pos);
        }
        Opening::Refresh | Opening::Reload => {}
    }
    vec![]
}

/// A background worker reported: show it, and show new articles without
/// losing the selection.
pub(super) fn on_worker(state: &mut AppState, msg: WorkerMsg) -> Vec<Effect> {
    match msg {
        WorkerMsg::UpdateProgress { done, total, .. } => {
            // The status line shows the progress in place of a message.
            state.updating = Some((done, total));
            state.status = None;
            // A feed stored what it brought: its count grows now.
            catchup::counts_changed(state)
        }
        WorkerMsg::UpdateFinished {
            feeds,
            new,
            updated,
            failed,
        } => {
            state.updating = None;
            let number = crate::text::layout::group_count;
            let mut counts = match new {
                1 => "1 new article".to_string(),
                n => format!("{} new articles", number(n)),
            };
            if updated > 0 {
                counts.push_str(&format!(", {} changed", number(updated)));
            }
            let done = match feeds {
                0 => "No feeds to update (docbao feed add URL subscribes to one)".to_string(),
                1 => format!("Updated 1 feed: {counts}"),
                n => format!("Updated {} feeds: {counts}", number(n)),
            };
            match failed.first() {
                None => state.info(done),
                Some(first) if failed.len() == 1 => {
                    state.error(format!("{done}; 1 failed: {}", failure(first)))
                }
                // The others are in `docbao feed list`, each with its error
                // (said last: a narrow line keeps what went wrong first).
                Some(first) => state.error(format!(
                    "{done}; {} failed: {} (and {} more: docbao feed list)",
                    number(failed.len()),
                    failure(first),
                    number(failed.len() - 1)
                )),
            }
            job_ended(state);
            let keep = state.list.selected_id();
            vec![
                Effect::LoadList { keep },
                Effect::LoadKeywords,
                Effect::LoadSources,
            ]
        }
        WorkerMsg::SyncProgress { what } => {
            state.info(format!("Syncing: {what}"));
            catchup::counts_changed(state)
        }
        WorkerMsg::SyncFinished { report, errors } => {
            state.syncing = false;
            match errors.first() {
                None => state.info(format!("Synced: {report}")),
                Some(first) => state.error(format!("Synced: {report}: {}", one_line(first))),
            }
            job_ended(state);
            let keep = state.list.selected_id();
            vec![
                Effect::LoadList { keep },
                Effect::LoadKeywords,
                Effect::LoadSources,
            ]
        }
        WorkerMsg::SyncFailed { error } => {
            state.syncing = false;
            state.error(format!("Sync failed: {}", one_line(&error)));
            job_ended(state);
            vec![]
        }
        WorkerMsg::UpdateFailed { error } => {
            state.updating = None;
            state.error(format!("Update failed: {}", one_line(&error)));
            job_ended(state);
            vec![]
        }
        WorkerMsg::PageSaved { url, id, title } => {
            state.info(format!("Saved for offline reading: {title}"));
            page_done(state, &url);
            reload_saved(state, id)
        }
        WorkerMsg::PageFailed { url, error } => {
            state.error(format!("Not saved: {error}"));
            page_done(state, &url);
            vec![]
        }
        WorkerMsg::FullPageSaved { id, title } => {
            let heads = ["Bookmarked; full page saved: ", "Saved: "];
            let line = fit_status(state, &heads, &title, None);
            state.info(line);
            reload_saved(state, id)
        }
        WorkerMsg::FullPageFailed { url, error, .. } => {
            // The bookmark was written: only the page is missing.
            let heads = [
                "Bookmarked; full page not fetched: ",
                "Bookmarked; not fetched: ",
            ];
            let line = fit_status(state, &heads, &error, Some(&url));
            state.error(line);
            vec![]
        }
        WorkerMsg::RelatedComputed { id } if state.reader.shows(id) => vec![Effect::LoadArticle {
            id,
            opening: Opening::Refresh,
        }],
        WorkerMsg::RelatedComputed { .. } => vec![],
    }
}

/// A feed's name in the update's result is cut to this many columns, so
/// that what went wrong shows too.
const FEED_NAME_COLS: usize = 30;

/// A failed feed, short: its name (cut), and what went wrong without the
/// feed's address in front (fetch errors say "https://…/rss: the server
/// answered 404"; the name says which feed it was). The status line cuts
/// the rest to the width.
fn failure(f: &FeedFailure) -> String {
    let error = one_line(&f.error);
    let reason = match error.split_once(": ") {
        Some((url, reason))
            if !url.contains(' ')
                && (url.starts_with("http://") || url.starts_with("https://")) =>
        {
            reason
        }
        _ => error.as_str(),
    };
    format!("{}: {reason}", truncate(&one_line(&f.feed), FEED_NAME_COLS))
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A page was stored: the list and keywords again, and the open article in
/// place if it was the one fetched (its full text).
fn reload_saved(state: &AppState, id: ArticleId) -> Vec<Effect> {
    let keep = state.list.selected_id();
    let mut fx = vec![
        Effect::LoadList { keep },
        Effect::LoadKeywords,
        Effect::LoadSources,
    ];
    if state.reader.shows(id) {
        fx.push(Effect::LoadArticle {
            id,
            opening: Opening::Reload,
        });
    }
    fx
}

/// One status line that fits the screen: `heads[0]`, then `what` (a reason
/// or a title), then the address shortened, in brackets. When that is too
/// long the address goes first (to its host, then altogether), then the
/// shorter heads are tried, then `what` is cut.
pub(super) fn fit_status(
    state: &AppState,
    heads: &[&str],
    what: &str,
    url: Option<&str>,
) -> String {
    let room = (state.width as usize).saturating_sub(2).max(20);
    let short = url.map(short_url);
    let host = short
        .as_deref()
        .and_then(|s| s.split('/').next())
        .map(str::to_string);
    let head = heads.first().copied().unwrap_or_default();
    for tail in [short, host].into_iter().flatten() {
        let line = format!("{head}{what} ({tail})");
        if width(&line) <= room {
            return line;
        }
    }
    for head in heads {
        let line = format!("{head}{what}");
        if width(&line) <= room {
            return line;
        }
    }
    let last = heads.last().copied().unwrap_or_default();
    truncate(&format!("{last}{what}"), room)
}

/// A page saved with `a` is done (saved or not): no longer waited for, and
/// the reader quits if `q` was pressed meanwhile and it was the last.
fn page_done(state: &mut AppState, url: &str) {
    if let Some(i) = state.saving.iter().position(|u| u == url) {
        state.saving.remove(i);
    }
    if state.quit_when_saved && state.saving.is_empty() {
        state.quit = true;
    }
}
