//! Handing the article on: `|` pipes it as Markdown to a shell command typed
//! at a prompt, `w` writes it to a file (the prompt holds the default path,
//! `SAVE_DIR/DATE-SLUG.md`). The runtime runs the command (the terminal
//! given back meanwhile) or writes the file, and says how it went.

use super::Effect;
use crate::model::Article;
use crate::text::markdown::{file_name, markdown};
use crate::tui::state::{AppState, Focus, Input, InputKind};

/// The stored article the user means: the one the reader shows, when it is
/// focused or shows the selected row.
fn meant(state: &AppState) -> Result<&Article, String> {
    let none_open = || format!("No article open: open one first ({})", state.keys.open);
    let Some(shown) = state.reader.shown.as_ref() else {
        return Err(none_open());
    };
    let Some(a) = shown.article() else {
        return Err("Not in the store: only a stored article can be piped or written".into());
    };
    if state.focus == Focus::Reader || state.list.selected_id() == Some(a.id) {
        Ok(a)
    } else {
        Err(none_open())
    }
}

/// `|`: ask for the command.
pub(super) fn pipe_prompt(state: &mut AppState) -> Vec<Effect> {
    match meant(state) {
        Ok(_) => state.input = Some(Input::new(InputKind::Pipe, "")),
        Err(why) => state.info(why),
    }
    vec![]
}

/// `w`: ask for the file, the default path filled in.
pub(super) fn write_prompt(state: &mut AppState) -> Vec<Effect> {
    match meant(state) {
        Ok(a) => {
            let dir = state.save_dir.trim_end_matches('/');
            let path = format!("{dir}/{}", file_name(a));
            state.input = Some(Input::new(InputKind::WritePath, path));
        }
        Err(why) => state.info(why),
    }
    vec![]
}

/// Enter at the pipe or write prompt.
pub(super) fn submit(state: &mut AppState, kind: InputKind, text: String) -> Vec<Effect> {
    if text.is_empty() {
        state.info(match kind {
            InputKind::Pipe => "No command given: nothing piped",
            _ => "No file name given: nothing written",
        });
        return vec![];
    }
    let md = match meant(state) {
        Ok(a) => markdown(a),
        Err(why) => {
            state.info(why);
            return vec![];
        }
    };
    match kind {
        InputKind::Pipe => {
            state.info(format!("Running \"{text}\"…"));
            vec![Effect::PipeTo {
                command: text,
                text: md,
            }]
        }
        _ => vec![Effect::WriteFile {
            path: text,
            text: md,
            again: state.keys.write.clone(),
        }],
    }
}

/// What the runtime says a piped command or a written file came to.
pub(super) fn done(state: &mut AppState, result: Result<String, String>) {
    match result {
        Ok(line) => state.info(line),
        Err(line) => state.error(line),
    }
}
