//! The run loop and the effect runtime. The runtime has no rules of its own:
//! it performs the effects `update` asks for (store reads and writes on the
//! UI thread's connection, workers for slow work, clipboard, browser) and
//! turns every result back into an [`Event`] for `update`, the only writer
//! of the state. The screen is drawn once per batch of events, and only
//! when something changed.
//!
//! key → keymap → action → update → effect → runtime → event → update → draw

use std::io::Write;
use std::sync::mpsc;
use std::time::Instant;

use anyhow::Result;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::model::{ArticleId, Snippet};
use crate::store::{Page, Store};
use crate::tui::config::Config;
use crate::tui::event::{Event, Loaded, Opening, Reloaded, UrlOpened, WorkerMsg};
use crate::tui::handoff::{self, Opener};
use crate::tui::state::AppState;
use crate::tui::state::list::{PAGE, WINDOW};
use crate::tui::state::search;
use crate::tui::terminal::Tui;
use crate::tui::update::{self, Effect};
use crate::tui::worker;
use crate::tui::{scroll, terminal, ui};

mod writes;
pub use writes::{after_draw, follow_store};

/// The sidebar shows the keywords most used first, this many at most.
pub const SIDEBAR_KEYWORDS: usize = crate::tui::state::sidebar::FIRST_KEYWORDS;

const LAST_ARTICLE: &str = "last_article";

/// Performs effects against the store and the terminal.
pub struct Runtime {
    pub store: Store,
    /// Raw sequences (OSC 52) to write after the next draw.
    pub pending_output: Vec<String>,
    pub clear_screen: bool,
    /// Terminal work for the run loop: give the terminal back and stop
    /// (ctrl-z, SIGTSTP); take it back and redraw everything (SIGCONT).
    pub suspend: bool,
    pub resume: bool,
    /// The exit status asked for (128 + a signal's number); 0 when none.
    pub exit_status: Option<u8>,
    /// The database path and the event channel, for background workers
    /// (each opens its own connection). None where there is no run loop:
    /// slow work is then done at once, and reported the same way.
    pub worker: Option<(std::path::PathBuf, mpsc::Sender<Event>)>,
    /// The newest search typed and not yet run: (query, generation, how
    /// many results).
    pending_search: Option<(String, u64, usize)>,
    /// The newest keyword filter text to look for in the store.
    pending_keywords: Option<String>,
    /// A command to pipe the article to, (command, Markdown): terminal work
    /// for the run loop.
    pub pending_pipe: Option<(String, String)>,
    /// `o`'s commands, whether they are the platform's opener, and the
    /// link: for the run loop, as one may need the terminal.
    pub pending_open: Option<(Vec<handoff::BrowserCommand>, bool, String)>,
    /// `ui.terminal_browsers` and `ui.pipe_wait_key`.
    pub terminal_browsers: Vec<String>,
    pub wait_key: bool,
    /// When the selection counts as rested (see [`Effect::PreviewWhenRested`]).
    pub rest_at: Option<std::time::Instant>,
    /// The store's `data_version` when it was last asked: another
    /// connection's commit changes it (see [`Runtime::store_changed`]).
    seen_version: Option<i64>,
    /// Writes waiting for another process's write lock ([`writes`]).
    waiting: Vec<Effect>,
    /// Effects held until the screen is drawn, and whether to hold them
    /// (the run loop draws between; elsewhere they are done at once).
    deferred: Vec<Effect>,
    pub defer_slow: bool,
}

/// How often the run loop asks the store whether another connection has
/// committed (a question of microseconds; nothing is read unless it has).
pub const FOLLOW_EVERY: std::time::Duration = std::time::Duration::from_secs(1);

/// How long the selection must stay put for the reader to follow it.
pub const REST: std::time::Duration = std::time::Duration::from_millis(120);

impl Runtime {
    pub fn new(store: Store) -> Runtime {
        Runtime {
            store,
            pending_output: Vec::new(),
            clear_screen: false,
            rest_at: None,
            suspend: false,
            resume: false,
            exit_status: None,
            worker: None,
            pending_search: None,
            pending_keywords: None,
            pending_pipe: None,
            pending_open: None,
            terminal_browsers: Vec::new(),
            wait_key: true,
            seen_version: None,
            waiting: Vec::new(),
            deferred: Vec::new(),
            defer_slow: false,
        }
        .following()
    }

    /// What the store is now counts as seen (the first screen is read next).
    fn following(mut self) -> Runtime {
        let _ = self.store.set_write_wait(writes::WRITE_WAIT);
        self.seen_version = self.store.poll_version().ok();
        self
    }

    /// Whether another connection (another docbao process, a worker of this
    /// one) has committed to the store since it was last asked. The reader's
    /// own writes do not count: what they change is shown already.
    pub fn store_changed(&mut self) -> bool {
        let Ok(now) = self.store.poll_version() else {
            return false;
        };
        self.seen_version.replace(now) != Some(now)
    }

    /// What the screen shows, read again in one snapshot: the sources, the
    /// keywords, and the list's window from where it starts (from the top
    /// when it is there, so that new articles come in above).
    fn reload(&mut self, state: &AppState, unread: bool) -> crate::store::Result<Reloaded> {
        let list = &state.list;
        let filter = list.filter.clone();
        let limit = list.rows.len().clamp(PAGE, WINDOW);
        let hit_ids: Vec<ArticleId> = (state.search.iter())
            .flat_map(|s| s.hits.iter().map(|h| h.id))
            .collect();
        let from = if list.base > 0 {
            list.first_cursor()
        } else {
            None
        };
        let selected = list.selected_id();
        let above = list.selected.saturating_sub(list.offset);
        let open = state.reader.article().map(|a| a.id);
        self.store.snapshot(|s| {
            let (mut rows, mut base) = match from {
                None => (s.list(&filter, None, limit)?, 0),
                // Rows older than (ts, id + 1) start with that row itself.
                Some((ts, id)) => (
                    s.list_page(&filter, Page::After((ts, id + 1)), limit)?,
                    s.count_before(&filter, (ts, id))?.max(0) as usize,
                ),
            };
            // More new rows came above the selection than the window holds:
            // the window is read around it, where it stays on the screen
            // (around its place, when it has left the view past the first
            // window: read in an unread one, `N` goes on after it).
            if let Some(id) = selected.filter(|id| !rows.iter().any(|r| r.id == *id))
                && let Some(around) = s.window_around(&filter, id, above, limit)?
            {
                (rows, base) = around;
            }
            Ok(Reloaded {
                sources: s.sources()?,
                keywords: s.keywords(Some(SIDEBAR_KEYWORDS))?,
                exhausted: rows.len() < limit,
                rows,
                base,
                total: s.count(&filter)?,
                unread: if unread {
                    Some(s.unread_ids(&filter)?)
                } else {
                    None
                },
                hits: s.marks_and_titles_of(&hit_ids)?,
                open: match open {
                    Some(id) => s
                        .state_of(id)?
                        .map(|(read, bookmarked, hash)| (id, read, bookmarked, hash)),
                    None => None,
                },
                filter,
            })
        })
    }

    /// Perform one effect; what it brought back, if anything, is an event
    /// for `update`. The state is only read (the list's filter and cursors).
    pub fn perform(&mut self, state: &AppState, effect: Effect) -> Option<Event> {
        let loaded = match effect {
            Effect::LoadList { keep } => {
                let filter = &state.list.filter;
                self.store
                    .list(filter, None, PAGE)
                    .and_then(|rows| Ok((rows, self.store.count(filter)?)))
                    .map(|(rows, total)| Loaded::FirstPage { rows, total, keep })
                    .unwrap_or_else(|e| Loaded::Failed(format!("Cannot load the list: {e}")))
            }
            Effect::LoadMore { to_end: true } => {
                let filter = &state.list.filter;
                self.store
                    .list_page(filter, Page::Last, PAGE)
                    .and_then(|rows| Ok((rows, self.store.count(filter)?)))
                    .map(|(rows, total)| Loaded::LastPage { rows, total })
                    .unwrap_or_else(|e| Loaded::Failed(format!("Cannot load the list: {e}")))
            }
            Effect::LoadMore { to_end: false } => self
                .store
                .list(&state.list.filter, state.list.cursor(), PAGE)
                .map(Loaded::NextPage)
                .unwrap_or_else(|e| Loaded::Failed(format!("Cannot load the list: {e}"))),
            Effect::LoadPrevious => {
                let c = state.list.first_cursor()?;
                self.store
                    .list_page(&state.list.filter, Page::Before(c), PAGE)
                    .map(Loaded::PreviousPage)
                    .unwrap_or_else(|e| Loaded::Failed(format!("Cannot load the list: {e}")))
            }
            Effect::LoadAround(id) => match self.around(state, id) {
                Ok(Some(l)) => l,
                Ok(None) => return None,
                Err(e) => Loaded::Failed(format!("Cannot load the list: {e}")),
            },
            Effect::LoadArticle { id, opening } => match self.store.article(id) {
                Ok(a) => Loaded::Article {
                    article: Box::new(a),
                    opening,
                },
                Err(e) => Loaded::Failed(e.to_string()),
            },
            Effect::LoadLastArticle => {
                let last = self
                    .store
                    .get_state(LAST_ARTICLE)
                    .ok()
                    .flatten()
                    .and_then(|s| s.parse::<i64>().ok());
                match last.map(|id| self.store.article(ArticleId(id))) {
                    Some(Ok(a)) => Loaded::Article {
                        article: Box::new(a),
                        opening: Opening::Resume,
                    },
                    _ => Loaded::NothingToResume,
                }
            }
            Effect::LoadKeywords => match self.store.keywords(Some(SIDEBAR_KEYWORDS)) {
                Ok(k) => Loaded::Keywords(k),
                Err(e) => Loaded::Failed(format!("Cannot load keywords: {e}")),
            },
            Effect::LoadSources => match self.store.sources() {
                Ok(s) => Loaded::Sources(s),
                Err(e) => Loaded::Failed(format!("Cannot load the sources: {e}")),
            },
            Effect::FindUnread(views) => match self.store.first_unread(&views) {
                Ok(found) => Loaded::UnreadFound(found.map(|(i, id)| (views[i].0.clone(), id))),
                Err(e) => Loaded::Failed(format!("Cannot look for unread articles: {e}")),
            },
            Effect::Reload { unread } => match self.reload(state, unread) {
                Ok(r) => Loaded::Reloaded(Box::new(r)),
                Err(e) => Loaded::Failed(format!("Cannot read the store again: {e}")),
            },
            // Done by `write` above.
            Effect::SetReadMany(..)
            | Effect::MarkAllRead(_)
            | Effect::RememberLast(_)
            | Effect::SavePosition(..)
            | Effect::SetRead(..)
            | Effect::SetBookmarked(..) => return self.write(effect),
            Effect::ComputeRelated(id) => match &self.worker {
                Some((db, tx)) => {
                    worker::spawn_related(db.clone(), id, tx.clone());
                    return None;
                }
                None => match self.store.ensure_computed_related(id) {
                    Ok(n) if n > 0 => {
                        return Some(Event::Worker(WorkerMsg::RelatedComputed { id }));
                    }
                    _ => return None,
                },
            },
            Effect::StartUpdate => match &self.worker {
                Some((db, tx)) => {
                    worker::spawn_update(db.clone(), tx.clone());
                    return None;
                }
                None => {
                    return Some(Event::Worker(WorkerMsg::UpdateFailed {
                        error: "Updating needs the reader's run loop".to_string(),
                    }));
                }
            },
            Effect::StartSync => match &self.worker {
                Some((db, tx)) => {
                    worker::spawn_sync(db.clone(), tx.clone());
                    return None;
                }
                None => {
                    return Some(Event::Worker(WorkerMsg::SyncFailed {
                        error: "Syncing needs the reader's run loop".to_string(),
                    }));
                }
            },
            Effect::FetchPage(url) => match &self.worker {
                Some((db, tx)) => {
                    worker::spawn_fetch_page(db.clone(), url, tx.clone());
                    return None;
                }
                None => {
                    return Some(Event::Worker(WorkerMsg::PageFailed {
                        url,
                        error: "Fetching needs the reader's run loop".to_string(),
                    }));
                }
            },
            Effect::FetchFullPage { id, url } => match &self.worker {
                Some((db, tx)) => {
                    worker::spawn_fetch_full_page(db.clone(), id, url, tx.clone());
                    return None;
                }
                // No run loop (tests): fetched at once, reported the same way.
                None => {
                    return Some(Event::Worker(worker::fetch_full_page(
                        &mut self.store,
                        id,
                        url,
                    )));
                }
            },
            // Run by the run loop, which gives the terminal to the command;
            // at once where there is none (tests).
            Effect::PipeTo { command, text } => {
                if self.worker.is_some() {
                    self.pending_pipe = Some((command, text));
                    return None;
                }
                Loaded::HandedOff(handoff::pipe_to(&command, &text))
            }
            Effect::WriteFile { path, text, again } => {
                let home = std::env::var_os("HOME")
                    .filter(|h| !h.is_empty())
                    .map(std::path::PathBuf::from);
                Loaded::HandedOff(
                    handoff::expand_home(&path, home.as_deref())
                        .and_then(|p| handoff::write_new_file(&p, &text, &again)),
                )
            }
            Effect::Copy(text) => {
                self.copy(&text);
                return None;
            }
            Effect::OpenUrl(url) => match self.open_url(url) {
                Some(opened) => Loaded::UrlOpened(opened),
                None => return None,
            },
            Effect::PreviewWhenRested => {
                match &self.worker {
                    // A run loop: it sends `Rested` when the time comes.
                    Some(_) => self.rest_at = Some(std::time::Instant::now() + REST),
                    // None (benchmarks, tests of the runtime): at once.
                    None => return Some(Event::Rested),
                }
                return None;
            }
            Effect::Redraw => {
                self.clear_screen = true;
                return None;
            }
            Effect::Suspend => {
                self.suspend = true;
                return None;
            }
            Effect::Resume => {
                self.suspend = false;
                self.resume = true;
                return None;
            }
            Effect::ExitStatus(code) => {
                self.exit_status.get_or_insert(code);
                return None;
            }
            // Run when the pending keys are all handled: the newest query wins.
            Effect::RunSearch { query, generation } => {
                self.pending_search = Some((query, generation, search::PAGE));
                return None;
            }
            Effect::FindKeywords(query) => {
                self.pending_keywords = Some(query);
                return None;
            }
            Effect::MoreResults {
                query,
                generation,
                limit,
            } => {
                self.pending_search = Some((query, generation, limit));
                return None;
            }
        };
        Some(Event::Loaded(loaded))
    }

    /// Work left for when every waiting event is handled: the newest search.
    pub fn idle(&mut self, state: &AppState) -> Option<Event> {
        let Some((query, generation, limit)) = self.pending_search.take() else {
            let query = self.pending_keywords.take()?;
            let words: Vec<String> = query.split_whitespace().map(str::to_string).collect();
            return Some(Event::Loaded(
                match self.store.keywords_matching(&words, SIDEBAR_KEYWORDS) {
                    Ok(found) => Loaded::KeywordsFound { query, found },
                    Err(e) => Loaded::Failed(format!("Cannot look for keywords: {e}")),
                },
            ));
        };
        // A longer page of the results shown: their snippets are kept.
        let known: std::collections::HashMap<ArticleId, Snippet> = match &state.search {
            Some(s) if s.shown == generation => {
                s.hits.iter().map(|h| (h.id, h.snippet.clone())).collect()
            }
            _ => Default::default(),
        };
        Some(Event::Loaded(
            match self
                .store
                .search_more(&query, &state.list.filter, limit, &known)
            {
                Ok(hits) => Loaded::SearchResults {
                    generation,
                    hits,
                    total: self.store.search_count(&query, &state.list.filter).ok(),
                },
                Err(e) => Loaded::Failed(format!("Search failed: {e}")),
            },
        ))
    }

    /// The list window around an article: `None` when it is not in the store.
    fn around(&mut self, state: &AppState, id: ArticleId) -> crate::store::Result<Option<Loaded>> {
        let Some(cursor) = self.store.cursor_of(id)? else {
            return Ok(None);
        };
        let filter = &state.list.filter;
        let place = self.store.count_before(filter, cursor)? as usize;
        let newer = self
            .store
            .list_page(filter, Page::Before(cursor), PAGE / 2)?;
        // Rows older than (ts, id + 1) start with the article itself.
        let from = self
            .store
            .list_page(filter, Page::After((cursor.0, cursor.1 + 1)), PAGE / 2)?;
        Ok(Some(Loaded::Around {
            id,
            newer,
            from,
            place,
        }))
    }

    fn copy(&mut self, text: &str) {
        self.pending_output.push(handoff::osc52(text));
    }

    /// `$BROWSER`, else `xdg-open` or `open`, on a local terminal; over SSH
    /// the link is copied instead (see [`handoff::choose_opener`]). `None`:
    /// left to the run loop, as a terminal browser needs the terminal.
    fn open_url(&mut self, url: String) -> Option<UrlOpened> {
        // Checked again before anything is spawned: only an http(s) address,
        // which can never start with '-' (browsers do not all honour `--`).
        let url = match crate::text::web_url(&url) {
            Ok(u) => u,
            Err(why) => return Some(UrlOpened::Refused(why.to_string())),
        };
        let browser = std::env::var("BROWSER").ok();
        let opener = handoff::choose_opener(
            browser.as_deref(),
            &url,
            &self.terminal_browsers,
            handoff::over_ssh(),
            handoff::has_display(),
            std::env::consts::OS,
        );
        match opener {
            Opener::Run { commands, fallback } if self.worker.is_some() => {
                self.pending_open = Some((commands, fallback, url));
                None
            }
            // No run loop (tests): at once.
            Opener::Run { commands, fallback } => {
                let outcome = handoff::start_browser(&commands, &mut || {});
                Some(self.url_opened(outcome, fallback, url))
            }
            Opener::Copy(why) => {
                self.copy(&url);
                Some(UrlOpened::Copied { url, why })
            }
        }
    }

    /// What the status line says of `o`'s outcome: when no `$BROWSER` is
    /// set and no opener is installed, the link is copied.
    fn url_opened(
        &mut self,
        outcome: handoff::BrowserOutcome,
        fallback: bool,
        url: String,
    ) -> UrlOpened {
        handoff::url_opened(outcome, fallback).unwrap_or_else(|| {
            self.copy(&url);
            let why = "no $BROWSER, no xdg-open";
            UrlOpened::Copied { url, why }
        })
    }
}

/// Apply one event and everything that follows from it: each effect `update`
/// returns is performed, and what it brings back goes through `update` at
/// once, before the next effect (so that a result is never overtaken by an
/// older one). Returns whether the screen needs a redraw.
pub fn handle_event(rt: &mut Runtime, state: &mut AppState, cfg: &Config, ev: Event) -> bool {
    if let Event::Key(k) = &ev
        && let Some(key) = update::after_escape(state, &cfg.keymap, k)
    {
        let esc = KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
        let drawn = handle_event(rt, state, cfg, Event::Key(esc));
        return handle_event(rt, state, cfg, Event::Key(key)) || drawn;
    }
    // The store changed below the reader: drawn only if what it read
    // again changed what is shown.
    let mut redraw = !matches!(ev, Event::Terminate | Event::StoreChanged);
    let Some(effects) = update::handle(state, &cfg.keymap, ev) else {
        return false;
    };
    // Marks on thousands of articles take a second: the screen shows them
    // first ([`writes::after_draw`]), not the question still there.
    if rt.defer_slow && effects.iter().any(writes::is_slow) {
        rt.deferred.extend(effects);
        return true;
    }
    for effect in effects {
        if let Some(ev) = rt.perform(state, effect) {
            redraw |= handle_event(rt, state, cfg, ev);
        }
    }
    redraw
}

/// Load the first screen: the list, the keywords, and the article last read.
pub fn start(rt: &mut Runtime, state: &mut AppState, cfg: &Config) {
    handle_event(rt, state, cfg, Event::Start);
}

/// Every waiting event is handled: do what was left for then (the newest
/// search), so that the next frame shows it.
pub fn settle(rt: &mut Runtime, state: &mut AppState, cfg: &Config) -> bool {
    let mut changed = false;
    while let Some(ev) = rt.idle(state) {
        changed |= handle_event(rt, state, cfg, ev);
    }
    changed
}

/// Run the reader until the user quits, a signal ends it or the terminal
/// goes away. The exit status: success, or 128 + the number of the signal
/// that ended it (the terminal restored and the state saved all the same).
/// `opened`: what opening the store did, said on the status bar at the
/// start (the backup written before an upgrade; why it is read-only).
pub fn run(
    store: Store,
    mut cfg: Config,
    db_path: Option<std::path::PathBuf>,
    opened: &crate::store::Opened,
) -> Result<std::process::ExitCode> {
    use std::io::IsTerminal;
    let term = std::env::var("TERM").ok();
    let (tty, ssh) = (std::io::stdout().is_terminal(), handoff::over_ssh());
    cfg.decide_hyperlinks(term.as_deref(), tty, ssh);
    let mut terminal = terminal::init()?;
    let result = run_loop(&mut terminal, store, &cfg, db_path, opened);
    terminal::restore();
    // Not dropped: ratatui's `Terminal` shows the cursor again when dropped
    // and reports a failure with `eprintln!`, which panics once the terminal
    // has hung up (exit 101). `restore` has shown the cursor.
    std::mem::forget(terminal);
    match result {
        Ok(code) => Ok(std::process::ExitCode::from(code)),
        // The terminal hung up (an SSH session dropped) before its SIGHUP
        // was handled: a frame could not be written. It ends as the signal
        // ends it, with nothing to print and no one to print it to.
        Err(e) if terminal::hung_up(&e) => Ok(std::process::ExitCode::from(128 + 1)),
        Err(e) => Err(e),
    }
}

/// Clear the screen and have the next frame drawn whole. (Not
/// `Terminal::clear`: it asks the terminal where the cursor is, and fails
/// after a wait where no answer comes.)
fn redraw_all(terminal: &mut Tui) -> std::io::Result<()> {
    let size = terminal.size()?;
    terminal.resize(ratatui::layout::Rect::new(0, 0, size.width, size.height))
}

fn run_loop(
    terminal: &mut Tui,
    store: Store,
    cfg: &Config,
    db_path: Option<std::path::PathBuf>,
    opened: &crate::store::Opened,
) -> Result<u8> {
    let size = terminal.size()?;
    let mut state = AppState::new(size.width, size.height, cfg.sidebar)
        .wrapping(cfg.wrap)
        .max_width(cfg.max_width)
        .updating_on_start(cfg.update_on_start)
        .syncing_on_start(cfg.sync_on_start)
        .saving_to(&cfg.save_dir)
        .read_only_because(store.is_read_only(), opened.read_only_short)
        .undo_key(cfg.keymap.hint(
            crate::tui::keymap::Context::List,
            crate::tui::action::Action::Undo,
        ));
    if let Some(n) = opened.backup_note() {
        state.info(n);
    }
    let mut rt = Runtime::new(store);
    rt.defer_slow = true;
    rt.terminal_browsers = cfg.terminal_browsers.clone();
    rt.wait_key = cfg.pipe_wait_key;
    let (tx, rx) = mpsc::channel();
    // Held while a piped command has the terminal: the keys are its.
    let input_gate = std::sync::Arc::new(terminal::InputGate::default());
    // Workers first: the start may update the feeds (`update_on_start`).
    rt.worker = db_path.map(|p| (p, tx.clone()));
    start(&mut rt, &mut state, cfg);
    terminal::spawn_input(tx.clone(), input_gate.clone());
    terminal::spawn_signals(tx)?;

    let mut dirty = true;
    let mut follow_at = Instant::now() + FOLLOW_EVERY;
    // The last frame and what it showed of the reader, to scroll the text
    // with the terminal's scroll region (see `scroll`).
    let scrolls = scroll::supported(std::env::var("TERM").ok().as_deref());
    let mut last: Option<ratatui::buffer::Buffer> = None;
    let mut shown: Option<scroll::ScrollView> = None;
    loop {
        dirty |= settle(&mut rt, &mut state, cfg);
        if std::mem::take(&mut rt.suspend) && !state.quit {
            // Returns once continued: take the terminal back at once (the
            // SIGCONT event that follows does it again, harmlessly).
            terminal::suspend();
            rt.resume = true;
        }
        if let Some((command, text)) = rt.pending_pipe.take() {
            // As a suspension: the terminal is the command's until it ends,
            // then what it printed stays until a key is pressed.
            let mut lent = terminal::Lent::new(&input_gate);
            lent.give();
            let result = handoff::pipe_to(&command, &text);
            if rt.wait_key {
                lent.wait_key();
            }
            drop(lent);
            rt.resume = true;
            let ev = Event::Loaded(Loaded::HandedOff(result));
            handle_event(&mut rt, &mut state, cfg, ev);
        }
        if let Some((commands, fallback, url)) = rt.pending_open.take() {
            // A terminal browser is given the terminal as a piped command is;
            // its message stays on the screen only when it failed.
            let mut lent = terminal::Lent::new(&input_gate);
            let outcome = handoff::start_browser(&commands, &mut || lent.give());
            if lent.given() {
                if rt.wait_key && outcome.failed_in_terminal() {
                    lent.wait_key();
                }
                rt.resume = true;
            }
            drop(lent);
            let opened = rt.url_opened(outcome, fallback, url);
            handle_event(
                &mut rt,
                &mut state,
                cfg,
                Event::Loaded(Loaded::UrlOpened(opened)),
            );
        }
        if std::mem::take(&mut rt.resume) && !state.quit {
            terminal::resume()?;
            // The window may have changed size while stopped.
            let size = terminal.size()?;
            redraw_all(terminal)?;
            // The screen was cleared: nothing of the last frame to scroll.
            (last, shown) = (None, None);
            handle_event(
                &mut rt,
                &mut state,
                cfg,
                Event::Resize(size.width, size.height),
            );
            dirty = true;
        }
        if state.quit {
            // Leaving: the writes waiting for another process are made,
            // and said to be (the terminal may be gone: nothing to check).
            if rt.writes_waiting() {
                let note = "Saving your changes: another docbao is writing the store…";
                let ev = Event::Loaded(Loaded::Note(note.to_string()));
                handle_event(&mut rt, &mut state, cfg, ev);
                let _ = terminal.draw(|f| ui::draw(f, &state, cfg));
            }
            let lost = rt.flush_writes();
            // No frame to draw (the terminal may be gone: a hang-up), only
            // what was asked to be written (a copy).
            let out = terminal.backend_mut();
            for s in rt.pending_output.drain(..) {
                let _ = out.write_all(s.as_bytes());
            }
            let _ = out.flush();
            let mut unsaved = Vec::new();
            if !state.saving.is_empty() {
                unsaved.push(format!(
                    "not saved (quit while being fetched): {}",
                    state.saving.join(", ")
                ));
            }
            if lost > 0 {
                unsaved.push(format!(
                    "{lost} change(s) (marks, bookmarks, reading places) not saved: another \
                     docbao held the store's write lock for over {} s",
                    crate::store::BUSY_TIMEOUT.as_secs()
                ));
            }
            if !unsaved.is_empty() {
                anyhow::bail!("{}", unsaved.join("; "));
            }
            break;
        }
        if dirty {
            let view = scroll::view_of(&state);
            if rt.clear_screen {
                redraw_all(terminal)?;
                rt.clear_screen = false;
                (last, shown) = (None, None);
            } else if let (Some(before), Some(now), Some(frame)) = (shown, view, last.as_mut())
                && let Some(d) = scroll::lines_moved(&before, &now)
                && let Some(codes) = scrolls
            {
                // The terminal moves the text; the diff writes what is new.
                let out = terminal.backend_mut();
                out.write_all(scroll::sequence(now.rows, d, codes).as_bytes())?;
                scroll::shift(frame, now.rows, d);
                *terminal.current_buffer_mut() = frame.clone();
                terminal.swap_buffers();
            }
            let completed = terminal.draw(|f| ui::draw(f, &state, cfg))?;
            if scrolls.is_some() {
                last = Some(completed.buffer.clone());
                shown = view;
            }
            if !rt.pending_output.is_empty() {
                let out = terminal.backend_mut();
                for s in rt.pending_output.drain(..) {
                    out.write_all(s.as_bytes())?;
                }
                out.flush()?;
            }
            dirty = false;
            dirty |= writes::after_draw(&mut rt, &mut state, cfg);
        }
        // Block until an event comes, the selection has rested, or it is
        // time to ask whether the store changed.
        let wake = rt.rest_at.map_or(follow_at, |at| at.min(follow_at));
        let first = match rx.recv_timeout(wake.saturating_duration_since(Instant::now())) {
            Ok(ev) => Some(ev),
            Err(mpsc::RecvTimeoutError::Timeout) => match rt.rest_at {
                Some(at) if at <= Instant::now() => {
                    rt.rest_at = None;
                    Some(Event::Rested)
                }
                _ => None,
            },
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
        };
        if let Some(ev) = first {
            dirty |= handle_event(&mut rt, &mut state, cfg, ev);
        }
        if Instant::now() >= follow_at {
            follow_at = Instant::now() + FOLLOW_EVERY;
            dirty |= follow_store(&mut rt, &mut state, cfg);
        }
        // Drain whatever else is waiting, then draw once.
        while let Ok(ev) = rx.try_recv() {
            dirty |= handle_event(&mut rt, &mut state, cfg, ev);
        }
    }
    Ok(rt.exit_status.unwrap_or(0))
}
