//! Text boxes that take the keys: the search as you type, find in the
//! article, the keyword sidebar's filter, the address of a page to save, a
//! command to pipe the article to, a file to write it to. ← → Home End (and
//! ctrl-a, ctrl-e) move the cursor; characters, Backspace and Delete edit at
//! it; ctrl-u deletes to the start, ctrl-w the word before the cursor;
//! Esc, ctrl-c or ctrl-g cancels.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::Effect;
use crate::tui::state::search::SearchState;
use crate::tui::state::{AppState, Focus, Input, InputKind};

pub(super) fn add_page(state: &mut AppState) -> Vec<Effect> {
    state.input = Some(Input::new(InputKind::AddUrl, ""));
    vec![]
}

/// Keys typed into a text box (the sidebar filter): characters edit it, Enter
/// keeps it, Esc drops it.
pub fn update_input(state: &mut AppState, key: KeyEvent) -> Vec<Effect> {
    let Some(input) = state.input.as_mut() else {
        return vec![];
    };
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    // Ctrl-C (and readline's ctrl-g) cancels as Esc does, as in less, vim
    // and a shell: it did nothing here, silently, and over a slow link Esc
    // is the key that comes late (an independent review's find).
    let cancel = ctrl && matches!(key.code, KeyCode::Char('c' | 'g'));
    match if cancel { KeyCode::Esc } else { key.code } {
        KeyCode::Esc => {
            match input.kind {
                InputKind::KeywordFilter => state.sidebar.set_query(""),
                // Every source again, the one selected kept.
                InputKind::SourceFilter => state.sidebar.set_source_query(""),
                // The list comes back as it was: the search never touched
                // it, and the preview shows its selection again.
                InputKind::Search => {
                    state.search = None;
                    state.input = None;
                    return super::preview(state);
                }
                InputKind::Find => super::find::cancel(state),
                InputKind::AddUrl | InputKind::Pipe | InputKind::WritePath => {}
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
            super::find::accept(state);
            return vec![];
        }
        KeyCode::Down | KeyCode::Up if input.kind == InputKind::Search => {
            let down = key.code == KeyCode::Down;
            return super::results::move_in_results(state, if down { 1 } else { -1 });
        }
        KeyCode::Char('n' | 'p') if ctrl && input.kind == InputKind::Search => {
            let down = key.code == KeyCode::Char('n');
            return super::results::move_in_results(state, if down { 1 } else { -1 });
        }
        KeyCode::Enter if input.kind == InputKind::AddUrl => {
            // As `docbao add` takes it: "vnexpress.net/…" is https://.
            let url = crate::text::typed_address(input.text.trim()).into_owned();
            state.input = None;
            if url.is_empty() {
                return vec![];
            }
            state.info(format!("Saving {url}…"));
            state.saving.push(url.clone());
            return vec![Effect::FetchPage(url)];
        }
        KeyCode::Enter | KeyCode::Down | KeyCode::Up | KeyCode::Tab
            if matches!(
                input.kind,
                InputKind::KeywordFilter | InputKind::SourceFilter
            ) =>
        {
            // Keep the filter and hand the keys back to the sidebar's list.
            state.input = None;
            return vec![];
        }
        KeyCode::Enter if matches!(input.kind, InputKind::Pipe | InputKind::WritePath) => {
            let kind = input.kind;
            let text = input.text.trim().to_string();
            state.input = None;
            return super::handoff::submit(state, kind, text);
        }
        // The cursor moves; the text stays (nothing to search again).
        KeyCode::Left => {
            input.left();
            return vec![];
        }
        KeyCode::Right => {
            input.right();
            return vec![];
        }
        KeyCode::Home => {
            input.home();
            return vec![];
        }
        KeyCode::Char('a') if ctrl => {
            input.home();
            return vec![];
        }
        KeyCode::End => {
            input.end();
            return vec![];
        }
        KeyCode::Char('e') if ctrl => {
            input.end();
            return vec![];
        }
        // Ctrl-H is what some terminals send for Backspace (vt100, PuTTY's setting).
        KeyCode::Backspace => input.backspace(),
        KeyCode::Char('h') if ctrl => input.backspace(),
        KeyCode::Delete => input.delete(),
        KeyCode::Char('u') if ctrl => input.kill_to_start(),
        KeyCode::Char('w') if ctrl => input.kill_word(),
        KeyCode::Char(c) if !ctrl => input.insert(c),
        _ => return vec![],
    }
    edited(state)
}

/// The most of a paste a prompt takes.
const PASTE_MAX_CHARS: usize = 2_000;

/// Text pasted (the terminal's bracketed paste): in a prompt, typed in one
/// go at the cursor, its line breaks and tabs as spaces, and acted on once
/// (one search, not one per character); elsewhere it is no keys: pasted
/// "Hà Nội⏎mưa lớn" ran Enter and then each letter as a command (`m`
/// marked an article read, `a` opened the save prompt).
pub fn paste(state: &mut AppState, text: &str) -> Vec<Effect> {
    let Some(input) = state.input.as_mut() else {
        let keys = &state.keys;
        let says = format!(
            "Pasted text goes in a prompt: {} to search, {} to save a page",
            keys.search, keys.add_page
        );
        state.info(says);
        return vec![];
    };
    let text: String = crate::text::clean(&text.replace(['\r', '\n', '\t'], " "));
    // A prompt holds a query, an address or a command: a whole article
    // pasted by mistake is cut to its start.
    for c in text.chars().take(PASTE_MAX_CHARS) {
        input.insert(c);
    }
    edited(state)
}

/// After the prompt's text changed: the keyword filter, the search or the
/// find follows it.
fn edited(state: &mut AppState) -> Vec<Effect> {
    let Some(input) = state.input.as_mut() else {
        return vec![];
    };
    match input.kind {
        InputKind::KeywordFilter => {
            let q = input.text.clone();
            state.sidebar.set_query(&q);
            state.sidebar.select(0);
            // The sidebar holds the most used keywords: the store has the rest.
            if state.sidebar.wants_store(&q) {
                return vec![Effect::FindKeywords(q)];
            }
        }
        InputKind::SourceFilter => {
            let q = input.text.clone();
            state.sidebar.set_source_query(&q);
        }
        InputKind::AddUrl | InputKind::Pipe | InputKind::WritePath => {}
        InputKind::Search => {
            let q = input.text.clone();
            if let Some(s) = state.search.as_mut() {
                let (query, generation) = s.restart(q);
                return vec![Effect::RunSearch { query, generation }];
            }
        }
        InputKind::Find => {
            let q = input.text.clone();
            super::find::edited(state, q);
        }
    }
    vec![]
}

pub(super) fn start_search(state: &mut AppState) -> Vec<Effect> {
    let query = state
        .search
        .as_ref()
        .map(|s| s.query.clone())
        .unwrap_or_default();
    if state.search.is_none() {
        state.search = Some(SearchState::default());
    }
    state.input = Some(Input::new(InputKind::Search, query));
    state.focus = Focus::List;
    state.maximized = false;
    vec![]
}

pub(super) fn start_find(state: &mut AppState) -> Vec<Effect> {
    if !state.reader.is_open() {
        return start_search(state);
    }
    state.focus = Focus::Reader;
    // The find before is offered again, selected: Enter takes it, typing
    // replaces it.
    let q = state.reader.find.clone().unwrap_or_default();
    state.input = Some(Input::offering(InputKind::Find, q));
    super::find::begin(state);
    vec![]
}

pub(super) fn open_search_hit(state: &mut AppState) -> Vec<Effect> {
    match state.search.as_ref().filter(|s| !s.hits.is_empty()) {
        Some(s) => {
            let i = s.selected;
            super::reader::open_hit(state, i)
        }
        None => {
            state.info("No result to open");
            vec![]
        }
    }
}

pub(super) fn filter_keywords(state: &mut AppState) -> Vec<Effect> {
    use crate::tui::state::sidebar::Section;
    // In the sources, the sources by name: `/` there filtered the
    // keywords and left the sidebar showing them (a tester's report: one
    // source among 433 could not be found).
    if state.focus == Focus::Sidebar && state.sidebar.section == Section::Sources {
        state.input = Some(Input::offering(
            InputKind::SourceFilter,
            state.sidebar.source_query.clone(),
        ));
        return vec![];
    }
    // The filter is the keywords': the sidebar shows them.
    state.sidebar.section = Section::Keywords;
    state.focus = Focus::Sidebar;
    // The filter in place is offered, selected: typing replaces it, a
    // cursor key keeps it to edit (as the find does).
    state.input = Some(Input::offering(
        InputKind::KeywordFilter,
        state.sidebar.query.clone(),
    ));
    vec![]
}
