//! `update`: the only writer of the state. Every event (a key resolved to an
//! action, a typed character, a worker's report, the result of an effect)
//! goes through [`handle`], which changes the state and returns the effects
//! the runtime must perform (store reads and writes, workers, clipboard,
//! browser). Pure: no SQL, no terminal, no clock.
//!
//! One file per part of the screen: [`help`] (the popup), [`input`] (text
//! boxes: search, find, keyword filter, an address), [`focus`] (panes),
//! [`list`], [`reader`] (including related-story navigation), and
//! [`loaded`] (what the runtime and the workers bring back). [`panes`]
//! says which actions act in which pane.

mod catchup;
mod find;
mod focus;
mod follow;
mod handoff;
mod help;
mod input;
mod list;
mod loaded;
pub mod panes;
mod reader;
mod results;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::model::{ArticleId, Cursor, ListFilter, Position};
use crate::tui::action::Action;
use crate::tui::event::{Event, Loaded, Opening};
use crate::tui::keymap::{Key, Keymap};
use crate::tui::state::layout::{inner_height, reader_text_size, sidebar_visible, single_pane};
use crate::tui::state::search::ROWS_PER_HIT;
use crate::tui::state::{AppState, Focus, offset_showing};

pub use input::update_input;

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
    /// Load the list window around an article, to select it there.
    LoadAround(ArticleId),
    /// Load an article for the reader; what to do with it comes with it.
    LoadArticle {
        id: ArticleId,
        opening: Opening,
    },
    /// Load the article read last, to resume it.
    LoadLastArticle,
    /// Load the keyword sidebar.
    LoadKeywords,
    /// Find the keywords matching the sidebar's filter text in the store
    /// (the sidebar holds the most used only); the newest text wins.
    FindKeywords(String),
    /// Add computed related stories to an article (once; in the background).
    ComputeRelated(ArticleId),
    /// Remember the article as the one to reopen next time.
    RememberLast(ArticleId),
    /// Save an article's reading position (a paragraph and the offset in it).
    SavePosition(ArticleId, Position),
    SetRead(ArticleId, bool),
    SetBookmarked(ArticleId, bool),
    /// Copy text to the clipboard (OSC 52).
    Copy(String),
    /// Open a URL in $BROWSER (or copy it over SSH).
    OpenUrl(String),
    /// Clear and redraw the whole screen.
    Redraw,
    /// Give the terminal back (raw mode off, the main screen, the cursor
    /// shown) and stop the process, as ctrl-z does in a shell. Terminal
    /// work: the run loop does it.
    Suspend,
    /// Running again after a stop: raw mode, the alternate screen, and the
    /// whole screen redrawn. A suspension still waiting is dropped (the stop
    /// it asked for has come and gone).
    Resume,
    /// The process is to exit with this status when it leaves (the first
    /// one asked for wins).
    ExitStatus(u8),
    /// Update the feeds in the background.
    StartUpdate,
    /// Sync with the Fever server in the background.
    StartSync,
    /// Fetch and store a page in the background (bookmarked).
    FetchPage(String),
    /// Fetch the full page of a bookmarked article stored with only its
    /// feed's summary, in the background; the bookmark stays either way.
    FetchFullPage {
        id: ArticleId,
        url: String,
    },
    /// Run `sh -c command` with `text` on its stdin, the terminal given back
    /// while it runs, then the screen redrawn.
    PipeTo {
        command: String,
        text: String,
    },
    /// Write `text` to a new file (`~/` is the home folder; an existing file
    /// is not overwritten), creating its folder.
    WriteFile {
        path: String,
        text: String,
        /// The key that writes, as bound: a file that exists is refused
        /// saying to press it again for another name.
        again: String,
    },
    /// Run a search; its results are for `generation` only.
    RunSearch {
        query: String,
        generation: u64,
    },
    /// Run the search of `generation` again for its first `limit` results:
    /// the selection came near the end of those held.
    MoreResults {
        query: String,
        generation: u64,
        limit: usize,
    },
    /// The selection moved: send [`Event::Rested`] once no key has come for
    /// a moment (quick `j`s redraw the list only; the preview follows when
    /// the selection rests). A later move pushes it back.
    PreviewWhenRested,
    /// Load the sources with their unread and total counts.
    LoadSources,
    /// The first unread article of the first of these views (a filter and
    /// where to start in it) that has one.
    FindUnread(Vec<(ListFilter, Option<Cursor>)>),
    /// Read what the screen shows again, in one snapshot of the store: the
    /// sources, the keywords, the list's window (another process changed
    /// the store, or `A` is to count the view). With `unread`, the view's
    /// unread articles too, for `A`'s question.
    Reload {
        unread: bool,
    },
    SetReadMany(Vec<ArticleId>, bool),
    /// `A` answered yes: mark these read, those still unread only, and
    /// bring back [`Loaded::MarkedAllRead`] with the ones it changed.
    MarkAllRead(Vec<ArticleId>),
}

/// Said once at the start when the store cannot be written, with why when
/// it is known: a full disk is worth knowing ("Read-only store (the disk is
/// full): …").
pub fn read_only_notice(why: Option<&str>) -> String {
    let why = why.map(|w| format!(" ({w})")).unwrap_or_default();
    format!("Read-only store{why}: marks and reading positions are not saved")
}

/// Said when a key asks for a change a read-only store cannot keep.
pub const READ_ONLY_REFUSED: &str = "The store is read-only: marks, bookmarks, feed updates, syncs and saved pages cannot be stored";

impl Effect {
    /// Whether performing it writes to the store.
    pub fn writes(&self) -> bool {
        matches!(
            self,
            Effect::ComputeRelated(_)
                | Effect::RememberLast(_)
                | Effect::SavePosition(..)
                | Effect::SetRead(..)
                | Effect::SetBookmarked(..)
                | Effect::StartUpdate
                | Effect::StartSync
                | Effect::FetchPage(_)
                | Effect::SetReadMany(..)
                | Effect::MarkAllRead(_)
                | Effect::FetchFullPage { .. }
        )
    }
}

/// Apply one event. `None`: nothing happened (a key bound to nothing), no
/// redraw needed. Otherwise the effects to perform, the last of them the
/// saving of the reading position when it moved.
pub fn handle(state: &mut AppState, keymap: &Keymap, ev: Event) -> Option<Vec<Effect>> {
    let mut fx = match ev {
        Event::Start => {
            state.keys = keymap.names();
            if state.read_only {
                state.info(read_only_notice(state.read_only_why));
            }
            loaded::start(state)
        }
        // A question waits for y or n, the help for a key: a paste is neither.
        Event::Paste(_) if state.confirm.is_some() || state.help_open => return None,
        Event::Paste(text) => {
            layout(state);
            input::paste(state, &text)
        }
        Event::Key(k) => {
            // A key acts on the screen as it is now (see `layout`).
            layout(state);
            let action = keymap.resolve(state.focus.context(), Key::from_event(&k));
            if state.confirm.is_some() {
                catchup::answer(state, k)
            } else if state.input.is_some() {
                // A text box takes what is typed, but a Ctrl key bound to
                // `suspend` (ctrl-z) suspends there too, as in a shell.
                if action == Some(Action::Suspend) && k.modifiers.contains(KeyModifiers::CONTROL) {
                    vec![Effect::Suspend]
                } else {
                    state.status = None;
                    update_input(state, k)
                }
            } else {
                let Some(action) = action else {
                    return reader_key_hint(state, keymap, &k);
                };
                let fx = act(state, action);
                if state.help_open {
                    // Never past the last page: `k` then moves at once.
                    let max = crate::tui::ui::help::max_scroll(keymap, state);
                    state.help_scroll = state.help_scroll.min(max);
                }
                fx
            }
        }
        Event::Resize(w, h) => {
            state.width = w;
            state.height = h;
            // The sidebar in use stays on screen: a narrower screen folds
            // it away only when the focus is elsewhere, and one opened
            // alone on a narrow screen stays beside the others when widened
            // (else the keys went on moving it unseen).
            let maximised = state.maximized && state.reader.is_open();
            if state.focus == Focus::Sidebar
                && !single_pane(w)
                && !maximised
                && !sidebar_visible(state)
            {
                focus::set_sidebar(state, true);
            }
            // Widened to show the reader beside the list: it shows the
            // selection now (in one pane it had not followed it).
            match state.search {
                Some(_) => results::search_preview(state),
                None => preview(state),
            }
        }
        Event::Terminate => {
            state.quit = true;
            vec![]
        }
        Event::Signal(n) => {
            state.quit = true;
            vec![Effect::ExitStatus(u8::try_from(128 + n).unwrap_or(u8::MAX))]
        }
        Event::Suspend => vec![Effect::Suspend],
        Event::Resume => vec![Effect::Resume],
        Event::Rested => {
            // The reader follows now (or has followed already).
            state.preview_due = false;
            match state.search {
                Some(_) => results::search_preview(state),
                None => preview(state),
            }
        }
        Event::StoreChanged => vec![Effect::Reload { unread: false }],
        Event::Worker(msg) => loaded::on_worker(state, msg),
        // Read again and found as shown: nothing to draw.
        Event::Loaded(Loaded::Reloaded(r)) => follow::reloaded(state, *r)?,
        Event::Loaded(l) => loaded::on_loaded(state, l),
    };
    fx.extend(settle(state));
    if state.read_only {
        // Nothing can be stored: related stories are not computed, marks
        // and positions not saved (the keys that ask for a change are
        // answered in `update`).
        fx.retain(|e| !e.writes());
    }
    Some(fx)
}

/// Esc and the key typed after it, read at once (typed quickly, or sent
/// in one packet over SSH), arrive as Alt and that key: the terminal's
/// meta prefix is that same Esc. Unless Alt with that key is bound, they
/// are the two keys: this returns the key after the Esc (the runtime
/// handles an Esc, then it). `None`: a key of its own. Only keys a
/// terminal sends as one byte after the Esc: an arrow or a function key
/// with Alt comes as its own sequence (`ESC [1;3A`), pressed as such.
pub fn after_escape(state: &AppState, keymap: &Keymap, k: &KeyEvent) -> Option<KeyEvent> {
    let one_byte = matches!(
        k.code,
        KeyCode::Char(_) | KeyCode::Enter | KeyCode::Tab | KeyCode::Backspace | KeyCode::Esc
    );
    if !one_byte || !k.modifiers.contains(KeyModifiers::ALT) || k.kind != KeyEventKind::Press {
        return None;
    }
    if keymap
        .resolve(state.focus.context(), Key::from_event(k))
        .is_some()
    {
        return None;
    }
    Some(KeyEvent::new(k.code, k.modifiers - KeyModifiers::ALT))
}

/// A key the focused pane does not bind but the reader does (`n`, `p`,
/// `]`, `/` in the sidebar…): said, as a newsboat user presses `n` for the
/// next unread in the list. `None` for a key bound nowhere.
fn reader_key_hint(state: &mut AppState, keymap: &Keymap, k: &KeyEvent) -> Option<Vec<Effect>> {
    if state.focus == Focus::Reader {
        return None;
    }
    let key = Key::from_event(k);
    let action = keymap.resolve(crate::tui::keymap::Context::Reader, key)?;
    let open = keymap.hint(state.focus.context(), Action::Open);
    let unread = keymap.hint(state.focus.context(), Action::NextUnread);
    let what = action.help().trim_end_matches(" (in the reader)");
    // Short enough for 80 columns with the place beside it.
    let mut text = format!("{}: in the reader ({what})", key.label());
    let mut sep = "; ";
    for (k, what) in [(open, "opens"), (unread, "next unread")] {
        if let Some(k) = k {
            text.push_str(&format!("{sep}{k} {what}"));
            sep = ", ";
        }
    }
    state.info(text);
    Some(Vec::new())
}

/// A key's action: the status message goes first (the action may set a new
/// one), unless the key changes nothing: a motion that cannot move (at the
/// top, at the bottom, nothing to move in) leaves the message as it is.
/// (A key bound to nothing never gets here.)
fn act(state: &mut AppState, action: Action) -> Vec<Effect> {
    let before = Place::of(state);
    let message = state.status.take();
    let fx = update(state, action);
    if action.is_motion() && fx.is_empty() && state.status.is_none() && Place::of(state) == before {
        state.status = message;
    }
    fx
}

/// Where the motion keys move: the focus, each pane's selection or scroll,
/// and the help popup's scroll.
#[derive(PartialEq, Eq)]
struct Place {
    focus: Focus,
    help: Option<usize>,
    list: usize,
    sidebar: usize,
    search: Option<usize>,
    reader: usize,
}

impl Place {
    fn of(state: &AppState) -> Place {
        Place {
            focus: state.focus,
            help: state.help_open.then_some(state.help_scroll),
            list: state.list.absolute(),
            sidebar: state.sidebar.selected,
            search: state.search.as_ref().map(|s| s.selected),
            reader: state.reader.top,
        }
    }
}

pub fn update(state: &mut AppState, action: Action) -> Vec<Effect> {
    // Suspending leaves everything as it is, the help popup included.
    if action == Action::Suspend {
        return vec![Effect::Suspend];
    }
    if state.help_open {
        help::update(state, action);
        return Vec::new();
    }
    if state.read_only
        && matches!(
            action,
            Action::ToggleRead
                | Action::ToggleBookmark
                | Action::UpdateFeeds
                | Action::Sync
                | Action::AddPage
                | Action::MarkAllRead
                | Action::Undo
        )
    {
        state.error(READ_ONLY_REFUSED);
        return Vec::new();
    }
    match action {
        Action::Quit => {
            // A page being saved for offline reading is waited for, said
            // (quitting dropped it without a word: a tester's report); `q`
            // again quits at once, and the exit names what was not saved.
            if state.saving.is_empty() || state.quit_when_saved {
                state.quit = true;
            } else {
                state.quit_when_saved = true;
                let (n, it) = match state.saving.len() {
                    1 => ("1 page".to_string(), "it"),
                    n => (format!("{n} pages"), "them"),
                };
                let q = &state.keys.quit;
                state.info(format!(
                    "Quitting once {n} saved… ({q} again quits without {it})"
                ));
            }
            vec![]
        }
        Action::Help => help::open(state),
        Action::Redraw => vec![Effect::Redraw],
        Action::Suspend => vec![Effect::Suspend],
        Action::FocusNext => focus::cycle(state, 1),
        Action::FocusPrev => focus::cycle(state, -1),
        Action::FocusLeft => focus::left(state),
        Action::FocusRight => focus::right(state),
        Action::ToggleSidebar => focus::toggle_sidebar(state),
        Action::ToggleMaximize => focus::toggle_maximize(state),
        Action::Down => list::move_by(state, 1),
        Action::Up => list::move_by(state, -1),
        Action::HalfPageDown => list::move_by(state, (page(state) as isize / 2).max(1)),
        Action::HalfPageUp => list::move_by(state, -((page(state) as isize / 2).max(1))),
        Action::PageDown => list::page_down(state),
        Action::ReadOn => list::read_on(state),
        Action::PageUp => list::move_by(state, -((page(state) as isize - 1).max(1))),
        Action::Top => list::top(state),
        Action::Bottom => list::bottom(state),
        Action::Open => list::open(state),
        Action::Back => list::back(state),
        Action::NextArticle if state.focus == Focus::Reader && state.reader.find.is_some() => {
            find::step(state, 1)
        }
        Action::NextArticle => reader::step_article(state, 1),
        Action::PrevArticle => reader::step_article(state, -1),
        Action::ToggleRead => list::toggle_read(state),
        Action::ToggleBookmark => list::toggle_bookmark(state),
        Action::ToggleUnreadOnly => list::toggle_unread_only(state),
        Action::OpenLink => list::open_link(state),
        Action::CopyUrl => list::copy_url(state),
        Action::NextLink => reader::step_link(state, 1),
        Action::PrevLink => reader::step_link(state, -1),
        Action::OpenRelated(n) => reader::open_related(state, n as usize - 1),
        Action::HistoryBack => reader::history_walk(state, true),
        Action::HistoryForward => reader::history_walk(state, false),
        Action::ClearFilter => list::clear_filter(state),
        Action::FilterKeywords => input::filter_keywords(state),
        Action::UpdateFeeds => list::start_update(state),
        Action::Sync => list::start_sync(state),
        Action::AddPage => input::add_page(state),
        Action::ToggleBookmarkedOnly => list::toggle_bookmarked_only(state),
        Action::Search => input::start_search(state),
        Action::Find => input::start_find(state),
        Action::PrevMatch => find::step(state, -1),
        Action::NextUnread if state.focus == Focus::Reader && state.reader.find.is_some() => {
            find::step(state, -1)
        }
        Action::NextUnread => catchup::next_unread(state),
        Action::MarkAllRead => catchup::mark_all_read(state),
        Action::Undo => catchup::undo(state),
        Action::PipeArticle => handoff::pipe_prompt(state),
        Action::WriteArticle => handoff::write_prompt(state),
    }
}

/// After every event: lay the screen out as it will be drawn, and save the
/// reading position if it moved.
fn settle(state: &mut AppState) -> Vec<Effect> {
    layout(state);
    let r = &mut state.reader;
    // A find being typed moves the view for now: Esc puts it back.
    if r.finding() {
        return vec![];
    }
    match r.article_id() {
        Some(id) if !r.lines.is_empty() => {
            let now = (id, r.position());
            if r.saved == Some(now) {
                return vec![];
            }
            r.saved = Some(now);
            vec![Effect::SavePosition(id, now.1)]
        }
        _ => vec![],
    }
}

/// Lay the panes out for the current size: the reader wrapped (if its
/// article or width changed), the list and sidebar selections in view. Done
/// after every event, and before each key: several events can come between
/// two frames, and a key must act on the article as it is now (a reader
/// whose article was just refreshed by the worker has no lines yet, which
/// would read as "at the end", and Space would open the next article).
pub fn layout(state: &mut AppState) {
    let panes = state.panes();
    if let Some(r) = panes.reader {
        let (w, h) = reader_text_size(r, state.reader.max_width);
        state.reader.ensure_layout(w, h);
    }
    if let Some(r) = panes.list {
        state.list.scroll_into_view(inner_height(r.height));
        if let Some(s) = state.search.as_mut() {
            let hits = (inner_height(r.height) / ROWS_PER_HIT).max(1);
            s.offset = offset_showing(s.selected, s.offset, hits);
        }
    }
    if let Some(r) = panes.sidebar {
        state.sidebar.scroll_into_view(inner_height(r.height));
    }
}

/// Rows (search results) or lines in the focused pane's viewport.
fn page(state: &AppState) -> usize {
    let p = state.panes();
    let rect = match state.focus {
        Focus::Sidebar => p.sidebar,
        Focus::List => p.list,
        Focus::Reader => p.reader,
    };
    let lines = rect.map_or(1, |r| inner_height(r.height).max(1));
    if state.focus == Focus::List && state.search.is_some() {
        (lines / ROWS_PER_HIT).max(1)
    } else {
        lines
    }
}

/// In layouts that show the reader beside the list, the reader follows the
/// selection.
fn preview(state: &AppState) -> Vec<Effect> {
    if state.focus != Focus::List || !state.panes().shows(Focus::Reader) {
        return vec![];
    }
    match state.list.selected_id() {
        Some(id) if !state.reader.shows(id) => vec![Effect::LoadArticle {
            id,
            opening: Opening::Preview,
        }],
        _ => vec![],
    }
}

/// The list was loaded: the reader beside it shows the selection; beside
/// an empty view (`A` on the unread articles only), nothing, unless it is
/// being read. Also once when `A` on a source showed its articles with the
/// keys in the sidebar ([`AppState::follow_new_list`]): the reader kept an
/// article of the list before, which `s` did not act on (an independent
/// review's find); any other reload leaves the article read open.
fn follow_list(state: &mut AppState) -> Vec<Effect> {
    if state.list.rows.is_empty() && state.search.is_none() && state.focus != Focus::Reader {
        state.reader.close();
    }
    if std::mem::take(&mut state.follow_new_list)
        && state.focus == Focus::Sidebar
        && state.search.is_none()
        && state.panes().shows(Focus::Reader)
        && let Some(id) = state.list.selected_id()
        && !state.reader.shows(id)
    {
        return vec![Effect::LoadArticle {
            id,
            opening: Opening::Preview,
        }];
    }
    preview(state)
}

/// Open a stored article for reading: it is marked read (at once if the
/// reader shows it already, else when it has loaded), its computed related
/// stories are added, and it is remembered as the one to reopen.
/// `url` to the browser if it is a web address; else why not, said.
pub(super) fn open_in_browser(state: &mut AppState, url: &str) -> Vec<Effect> {
    match crate::text::web_url(url) {
        Ok(url) => vec![Effect::OpenUrl(url)],
        Err(why) => {
            state.error(format!("Not opened in a browser: {why}"));
            vec![]
        }
    }
}

fn open_for_reading(state: &mut AppState, id: ArticleId) -> Vec<Effect> {
    let mut fx = vec![Effect::ComputeRelated(id)];
    if state.reader.shows(id) {
        // Its place as shown is saved ([`loaded::open_loaded`]).
        state.reader.saved = None;
        fx.extend(mark_read_on_opening(state, id));
    } else {
        fx.push(Effect::LoadArticle {
            id,
            opening: Opening::Read,
        });
    }
    fx.push(Effect::RememberLast(id));
    fx
}

/// An article opened for reading is marked read, once.
fn mark_read_on_opening(state: &mut AppState, id: ArticleId) -> Vec<Effect> {
    if !state.read_only
        && state
            .reader
            .article()
            .is_some_and(|a| a.id == id && !a.read)
    {
        apply_flags(state, id, Some(true), None);
        let mut fx = vec![Effect::SetRead(id, true)];
        fx.extend(catchup::counts_changed(state));
        fx
    } else {
        vec![]
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
    state.reader.set_flags(id, read, bookmarked);
    if let Some(s) = state.search.as_mut()
        && let Some(h) = s.hits.iter_mut().find(|h| h.id == id)
    {
        h.read = read.unwrap_or(h.read);
        h.bookmarked = bookmarked.unwrap_or(h.bookmarked);
    }
}

/// The view read again after a change of the list's filters: the list
/// (on `keep`, the article to stay on), and the search results when shown.
pub(super) fn load_view(state: &mut AppState, keep: Option<ArticleId>) -> Vec<Effect> {
    let mut fx = vec![Effect::LoadList { keep }];
    fx.extend(search_again(state));
    fx
}

/// The search results follow the list's filters: run the search again
/// (each change of the keyword or source filter, the unread and bookmark
/// views: a keyword chosen while the results were shown left them as they
/// were, the reader showing the keyword's first article beside them; an
/// independent review's find).
fn search_again(state: &mut AppState) -> Vec<Effect> {
    match state.search.as_mut() {
        Some(s) => {
            let (query, generation) = s.restart(s.query.clone());
            s.keep = true;
            vec![Effect::RunSearch { query, generation }]
        }
        None => vec![],
    }
}
