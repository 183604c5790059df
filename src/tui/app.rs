//! The run loop and the effect runtime. No business logic: events become
//! actions through the keymap, `update` changes the state and returns
//! effects, the runtime performs them, and the screen is drawn once per batch
//! of events, only when something changed.

use std::io::Write;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use anyhow::Result;
use ratatui::DefaultTerminal;
use ratatui::layout::Rect;

use crate::store::{Page, Store};

use crate::model::ArticleId;
use crate::tui::config::Config;
use crate::tui::event::Event;
use crate::tui::keymap::Key;
use crate::tui::state::list::PAGE;
use crate::tui::state::{AppState, Focus};
use crate::tui::update::{Effect, apply_flags, update};
use crate::tui::worker::{self, WorkerMsg};
use crate::tui::{terminal, ui};

/// The sidebar shows the keywords most used first, this many at most.
pub const SIDEBAR_KEYWORDS: usize = 5000;

const STATUS_SECONDS: u64 = 4;
/// Search results shown at most.
const SEARCH_LIMIT: usize = 200;
const LAST_ARTICLE: &str = "last_article";

/// Performs effects against the store and the terminal.
pub struct Runtime {
    pub store: Store,
    /// The reading position last written, to write only when it changes.
    saved_position: Option<(ArticleId, usize)>,
    /// Raw sequences (OSC 52) to write after the next draw.
    pub pending_output: Vec<String>,
    pub clear_screen: bool,
    /// The database path and the event channel, for background workers
    /// (each opens its own connection). None where there is no run loop.
    pub worker: Option<(std::path::PathBuf, mpsc::Sender<Event>)>,
    /// The newest search typed and not yet run: (query, generation).
    pending_search: Option<(String, u64)>,
}

impl Runtime {
    pub fn new(store: Store) -> Runtime {
        Runtime {
            store,
            saved_position: None,
            pending_output: Vec::new(),
            clear_screen: false,
            worker: None,
            pending_search: None,
        }
    }

    /// Load the first screen: the list, the keywords, and the article last read.
    pub fn startup(&mut self, state: &mut AppState) {
        self.perform(state, Effect::LoadList { keep: None });
        self.reload_keywords(state);
        let last = self
            .store
            .get_state(LAST_ARTICLE)
            .ok()
            .flatten()
            .and_then(|s| s.parse::<i64>().ok());
        if let Some(id) = last
            && let Ok(article) = self.store.article(ArticleId(id))
        {
            if let Some(i) = state.list.position_of(ArticleId(id)) {
                state.list.select(i);
            } else if let Err(e) = self.list_around(state, ArticleId(id)) {
                state.error(format!("Cannot load the list: {e}"));
            }
            let pos = article.position.max(0) as usize;
            self.saved_position = Some((article.id, pos));
            state.reader.open(article, pos);
            state.focus = Focus::Reader;
            return;
        }
        self.preview(state);
    }

    /// Load the list window around an article, selecting it.
    fn list_around(&mut self, state: &mut AppState, id: ArticleId) -> Result<()> {
        let Some((ts, raw)) = self.store.cursor_of(id)? else {
            return Ok(());
        };
        let filter = state.list.filter.clone();
        let place = self.store.count_before(&filter, (ts, raw))? as usize;
        let newer = self
            .store
            .list_page(&filter, Page::Before((ts, raw)), PAGE / 2)?;
        // Rows older than (ts, id + 1) start with the article itself.
        let from = self
            .store
            .list_page(&filter, Page::After((ts, raw + 1)), PAGE / 2)?;
        if from.first().map(|r| r.id.0) == Some(raw) {
            let total = state.list.total;
            state.list.set_window(newer, from, place, total);
        }
        Ok(())
    }

    /// Show the selected article in the reader when the reader is on screen beside the list.
    fn preview(&mut self, state: &mut AppState) {
        if state.focus == Focus::List
            && state.panes().shows(Focus::Reader)
            && let Some(id) = state.list.selected_id()
            && state.reader.article.as_ref().map(|a| a.id) != Some(id)
        {
            self.perform(
                state,
                Effect::OpenArticle {
                    id,
                    mark_read: false,
                },
            );
        }
    }

    pub fn perform(&mut self, state: &mut AppState, effect: Effect) {
        if let Err(e) = self.try_perform(state, effect) {
            state.error(e.to_string());
        }
    }

    fn try_perform(&mut self, state: &mut AppState, effect: Effect) -> Result<()> {
        match effect {
            Effect::LoadList { keep } => {
                let rows = self.store.list(&state.list.filter, None, PAGE)?;
                let total = self.store.count(&state.list.filter)?;
                state.list.set_first_page(rows, total, keep);
                self.preview(state);
            }
            Effect::LoadMore { to_end: true } => {
                let rows = self.store.list_page(&state.list.filter, Page::Last, PAGE)?;
                let total = self.store.count(&state.list.filter)?;
                state.list.set_last_page(rows, total);
                self.preview(state);
            }
            Effect::LoadMore { to_end: false } => {
                let rows = self
                    .store
                    .list(&state.list.filter, state.list.cursor(), PAGE)?;
                state.list.append_page(rows);
            }
            Effect::LoadPrevious => {
                if let Some(c) = state.list.first_cursor() {
                    let rows = self
                        .store
                        .list_page(&state.list.filter, Page::Before(c), PAGE)?;
                    state.list.prepend_page(rows);
                }
            }
            Effect::OpenArticle { id, mark_read } => {
                let mut same = state.reader.article.as_ref().map(|a| a.id) == Some(id);
                // Opened for reading: fill in computed related stories (once).
                // A full-text query: in the background when there is a run
                // loop (the article shows at once, the stories join it).
                if mark_read {
                    match &self.worker {
                        Some((db, tx)) => worker::spawn_related(db.clone(), id, tx.clone()),
                        None => {
                            if self.store.ensure_computed_related(id).unwrap_or(0) > 0 {
                                same = false;
                                state.reader.article = None;
                            }
                        }
                    }
                }
                if !same {
                    self.save_position(state);
                    let article = self.store.article(id)?;
                    let pos = article.position.max(0) as usize;
                    self.saved_position = Some((article.id, pos));
                    state.reader.open(article, pos);
                }
                if mark_read {
                    if state.reader.article.as_ref().is_some_and(|a| !a.read) {
                        self.store.set_read(id, true)?;
                        apply_flags(state, id, Some(true), None);
                    }
                    self.store.set_state(LAST_ARTICLE, &id.0.to_string())?;
                }
            }
            Effect::OpenAt { id, anchor } => {
                if state.reader.article.as_ref().map(|a| a.id) == Some(id) {
                    state.reader.pending_anchor = Some(anchor);
                } else {
                    self.save_position(state);
                    let article = self.store.article(id)?;
                    self.saved_position = Some((article.id, anchor));
                    state.reader.open(article, anchor);
                }
                if let Some(i) = state.list.position_of(id) {
                    state.list.select(i);
                }
            }
            Effect::SetRead(id, v) => {
                if let Err(e) = self.store.set_read(id, v) {
                    apply_flags(state, id, Some(!v), None);
                    return Err(e.into());
                }
            }
            Effect::SetBookmarked(id, v) => {
                if let Err(e) = self.store.set_bookmarked(id, v) {
                    apply_flags(state, id, None, Some(!v));
                    return Err(e.into());
                }
                // A feed item saved with only its summary: get the whole page
                // now, so that it reads offline.
                if v {
                    let a = self.store.article(id)?;
                    if a.paragraphs.is_empty()
                        && let Some(url) = a.url
                    {
                        state.info(format!("Bookmarked; fetching the full page: {url}"));
                        return self.try_perform(state, Effect::FetchPage(url));
                    }
                }
            }
            Effect::StartUpdate => match &self.worker {
                Some((db, tx)) => worker::spawn_update(db.clone(), tx.clone()),
                None => {
                    state.updating = None;
                    anyhow::bail!("Updating needs the reader's run loop");
                }
            },
            Effect::FetchPage(url) => match &self.worker {
                Some((db, tx)) => worker::spawn_fetch_page(db.clone(), url, tx.clone()),
                None => anyhow::bail!("Fetching needs the reader's run loop"),
            },
            Effect::Copy(text) => {
                self.pending_output
                    .push(terminal::osc52(&text, std::env::var_os("TMUX").is_some()));
                state.info(format!("Copied: {text}"));
            }
            Effect::OpenUrl(url) => {
                let browser = std::env::var("BROWSER")
                    .ok()
                    .filter(|b| !b.trim().is_empty());
                match browser {
                    Some(b) if !terminal::over_ssh() => {
                        let mut parts = b.split_whitespace();
                        let prog = parts.next().unwrap_or_default();
                        let spawned = std::process::Command::new(prog)
                            .args(parts)
                            .arg(&url)
                            .stdin(std::process::Stdio::null())
                            .stdout(std::process::Stdio::null())
                            .stderr(std::process::Stdio::null())
                            .spawn();
                        match spawned {
                            Ok(_) => state.info(format!("Opened in {prog}")),
                            Err(e) => state.error(format!("Cannot start $BROWSER \"{prog}\": {e}")),
                        }
                    }
                    _ => {
                        self.pending_output
                            .push(terminal::osc52(&url, std::env::var_os("TMUX").is_some()));
                        let why = if terminal::over_ssh() {
                            "over SSH"
                        } else {
                            "no $BROWSER"
                        };
                        state.info(format!("Link copied ({why}): {url}"));
                    }
                }
            }
            Effect::Redraw => self.clear_screen = true,
            // Run when the pending keys are all handled: the newest query wins.
            Effect::RunSearch { query, generation } => {
                self.pending_search = Some((query, generation))
            }
        }
        Ok(())
    }

    /// A background worker reported: show it, and show new articles without
    /// losing the selection.
    pub fn on_worker(&mut self, state: &mut AppState, msg: WorkerMsg) {
        match msg {
            WorkerMsg::UpdateProgress { done, total, name } => {
                state.updating = Some((done, total));
                state.info(format!("Updating feeds {done}/{total}: {name}"));
            }
            WorkerMsg::UpdateFinished { new, failed } => {
                state.updating = None;
                let keep = state.list.selected_id();
                self.perform(state, Effect::LoadList { keep });
                self.reload_keywords(state);
                match failed.first() {
                    None => state.info(format!("Update done: {new} new articles")),
                    Some(first) => state.error(format!(
                        "Update done: {new} new articles; {} problems, first: {first}",
                        failed.len()
                    )),
                }
            }
            WorkerMsg::PageSaved { id, title } => {
                let keep = state.list.selected_id();
                self.perform(state, Effect::LoadList { keep });
                self.reload_keywords(state);
                // The open article was the one fetched: show its full text.
                if state.reader.article.as_ref().map(|a| a.id) == Some(id)
                    && let Ok(a) = self.store.article(id)
                {
                    let pos = state.reader.position();
                    state.reader.open(a, pos);
                }
                state.info(format!("Saved for offline reading: {title}"));
            }
            WorkerMsg::PageFailed { error, .. } => state.error(format!("Not saved: {error}")),
            WorkerMsg::RelatedComputed { id } => {
                // Show them if that article is still open, where the reader is.
                if state.reader.article.as_ref().map(|a| a.id) == Some(id)
                    && let Ok(a) = self.store.article(id)
                {
                    state.reader.refresh(a);
                }
            }
        }
    }

    fn reload_keywords(&mut self, state: &mut AppState) {
        match self.store.keywords(Some(SIDEBAR_KEYWORDS)) {
            Ok(k) => state.sidebar.set_keywords(k),
            Err(e) => state.error(format!("Cannot load keywords: {e}")),
        }
    }

    /// Lay out what is about to be drawn (wrap the reader for its width, keep
    /// selections in view) and save the reading position if it moved.
    pub fn prepare(&mut self, state: &mut AppState) {
        if let Some((query, generation)) = self.pending_search.take() {
            match self.store.search(&query, &state.list.filter, SEARCH_LIMIT) {
                Ok(hits) => {
                    if let Some(s) = state.search.as_mut() {
                        s.accept(generation, hits);
                    }
                }
                Err(e) => state.error(format!("Search failed: {e}")),
            }
        }
        layout(state);
        self.save_position(state);
    }

    fn save_position(&mut self, state: &mut AppState) {
        let Some(a) = &state.reader.article else {
            return;
        };
        if state.reader.lines.is_empty() {
            return;
        }
        let now = (a.id, state.reader.position());
        if self.saved_position != Some(now) {
            match self.store.set_position(a.id, now.1 as i64) {
                Ok(()) => self.saved_position = Some(now),
                Err(e) => state.error(format!("Cannot save the reading position: {e}")),
            }
        }
    }
}

/// Lay the panes out for the current size: the reader wrapped (if its article
/// or width changed), the list and sidebar selections in view. Done before
/// drawing, and before each key: several events can come between two
/// frames, and a key must act on the article as it is now (a reader whose
/// article was just refreshed by the worker has no lines yet, which would
/// read as "at the end", and Space would open the next article).
pub fn layout(state: &mut AppState) {
    let panes = state.panes();
    if let Some(r) = panes.reader {
        let (w, h) = reader_text_size(r);
        state.reader.ensure_layout(w, h);
    }
    if let Some(r) = panes.list {
        state.list.scroll_into_view(ui::inner_height(r.height));
    }
    if let Some(r) = panes.sidebar {
        state.sidebar.scroll_into_view(ui::inner_height(r.height));
    }
}

/// The reader's text area inside its border and one column of padding each side.
pub fn reader_text_size(r: Rect) -> (usize, usize) {
    let inner_w = r.width.saturating_sub(2) as usize;
    let w = if inner_w >= 24 { inner_w - 2 } else { inner_w };
    (w.max(1), ui::inner_height(r.height))
}

/// Apply one event; returns whether the screen needs a redraw.
pub fn handle_event(rt: &mut Runtime, state: &mut AppState, cfg: &Config, ev: Event) -> bool {
    if let Event::Key(_) = ev {
        // A key acts on the screen as it is now (see `layout`).
        layout(state);
    }
    match ev {
        Event::Terminate => {
            state.quit = true;
            false
        }
        Event::Resize(w, h) => {
            state.width = w;
            state.height = h;
            true
        }
        Event::Worker(msg) => {
            rt.on_worker(state, msg);
            true
        }
        Event::Key(k) if state.input.is_some() => {
            for e in crate::tui::update::update_input(state, k) {
                rt.perform(state, e);
            }
            true
        }
        Event::Key(k) => {
            let key = Key::from_event(&k);
            let ctx = state.focus.context();
            let Some(action) = cfg.keymap.resolve(ctx, key) else {
                return false;
            };
            let effects = update(state, action);
            for e in effects {
                rt.perform(state, e);
            }
            true
        }
    }
}

/// Run the reader until the user quits or the terminal goes away.
pub fn run(store: Store, cfg: Config, db_path: Option<std::path::PathBuf>) -> Result<()> {
    let mut terminal = terminal::init()?;
    let result = run_loop(&mut terminal, store, &cfg, db_path);
    terminal::restore();
    result
}

fn run_loop(
    terminal: &mut DefaultTerminal,
    store: Store,
    cfg: &Config,
    db_path: Option<std::path::PathBuf>,
) -> Result<()> {
    let size = terminal.size()?;
    let mut state = AppState::new(size.width, size.height, cfg.sidebar);
    let mut rt = Runtime::new(store);
    rt.startup(&mut state);

    let (tx, rx) = mpsc::channel();
    terminal::spawn_input(tx.clone());
    terminal::spawn_signals(tx.clone())?;
    rt.worker = db_path.map(|p| (p, tx));

    let mut dirty = true;
    let mut status_until: Option<Instant> = None;
    loop {
        if dirty {
            rt.prepare(&mut state);
            if rt.clear_screen {
                terminal.clear()?;
                rt.clear_screen = false;
            }
            terminal.draw(|f| ui::draw(f, &state, cfg))?;
            if !rt.pending_output.is_empty() {
                let out = terminal.backend_mut();
                for s in rt.pending_output.drain(..) {
                    out.write_all(s.as_bytes())?;
                }
                out.flush()?;
            }
            dirty = false;
        }
        if state.quit {
            break;
        }
        // Block until an event comes; wake without one only to clear a status message.
        let first = match status_until {
            Some(t) => match rx.recv_timeout(t.saturating_duration_since(Instant::now())) {
                Ok(ev) => Some(ev),
                Err(mpsc::RecvTimeoutError::Timeout) => None,
                Err(mpsc::RecvTimeoutError::Disconnected) => break,
            },
            None => match rx.recv() {
                Ok(ev) => Some(ev),
                Err(_) => break,
            },
        };
        let Some(first) = first else {
            state.status = None;
            status_until = None;
            dirty = true;
            continue;
        };
        let before = state.status.clone();
        dirty |= handle_event(&mut rt, &mut state, cfg, first);
        // Drain whatever else is waiting, then draw once.
        while let Ok(ev) = rx.try_recv() {
            dirty |= handle_event(&mut rt, &mut state, cfg, ev);
        }
        if state.status.is_some() && state.status != before {
            status_until = Some(Instant::now() + Duration::from_secs(STATUS_SECONDS));
        }
    }
    rt.prepare(&mut state);
    Ok(())
}
