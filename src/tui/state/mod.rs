//! The reader's state: plain data, changed only by `update`, drawn by `ui`.

pub mod catchup;
pub mod input;
pub mod layout;
pub mod list;
pub mod nav;
pub mod reader;
pub mod search;
pub mod sidebar;

use crate::tui::keymap::Context;
pub use layout::{Panes, panes};
pub use list::ListState;
pub use reader::ReaderState;
pub use sidebar::SidebarState;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Sidebar,
    List,
    Reader,
}

impl Focus {
    pub fn context(self) -> Context {
        match self {
            Focus::Sidebar => Context::Sidebar,
            Focus::List => Context::List,
            Focus::Reader => Context::Reader,
        }
    }
}

/// What a text box is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    /// Filter the keyword sidebar as you type.
    KeywordFilter,
    /// Filter the sources sidebar by name as you type.
    SourceFilter,
    /// The address of a page to save.
    AddUrl,
    /// A search over the store; results update as you type.
    Search,
    /// Find in the open article.
    Find,
    /// A shell command to pipe the article to, as Markdown.
    Pipe,
    /// The file to write the article to, as Markdown.
    WritePath,
}

/// A text box: its text and where the cursor stands in it (a byte offset,
/// always on a grapheme boundary). Edited by the methods in [`input`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    pub kind: InputKind,
    pub text: String,
    pub cursor: usize,
    /// The whole text is selected (a previous entry offered again): what is
    /// typed replaces it, a cursor key keeps it to edit.
    pub selected: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub error: bool,
    /// The web address `text` ends with, when it does: the status line
    /// shortens it in its middle to fit, not the line's end.
    pub url: Option<String>,
}

#[derive(Debug, Clone)]
pub struct AppState {
    pub focus: Focus,
    /// The keys messages name, as bound ([`crate::tui::keymap::KeyNames`]).
    pub keys: crate::tui::keymap::KeyNames,
    /// Sidebar shown on wide screens (on by default) and on medium ones (off).
    pub sidebar_wide: bool,
    pub sidebar_medium: bool,
    /// The reader takes the whole screen.
    pub maximized: bool,
    pub help_open: bool,
    /// First help row shown (the draw clamps it).
    pub help_scroll: usize,
    pub list: ListState,
    pub reader: ReaderState,
    pub sidebar: SidebarState,
    /// Related-story hops, walked with Back/Forward.
    pub history: nav::History,
    /// A text box taking the keys (the sidebar's filter; later search).
    pub input: Option<Input>,
    /// A search in progress or its results (shown in the list pane).
    pub search: Option<search::SearchState>,
    /// The selection (of the list or the results) moved, and the reader
    /// beside it follows once it rests: until then it shows another article.
    pub preview_due: bool,
    /// `A` on a source showed its articles while the keys stay in the
    /// sidebar: the reader beside the list follows the new list once, as
    /// Enter on a source makes it do (no other reload takes the article
    /// read from the reader).
    pub follow_new_list: bool,
    /// A yes/no question in the status line, taking the next key.
    pub confirm: Option<catchup::Confirm>,
    /// The last change of marks, which `undo` puts back.
    pub undo: Option<catchup::Undo>,
    /// The key bound to undo, as the status line names it.
    pub undo_key: String,
    /// `N` waits for fresh counts to look further.
    pub seeking_unread: Option<catchup::Seek>,
    /// `N` waits for the store's answer; the article open when it was pressed.
    pub seeking_unread_from: Option<crate::model::ArticleId>,
    /// A feed update running in the background: (done, total).
    pub updating: Option<(usize, usize)>,
    /// Start a feed update when the reader opens (config `update_on_start`).
    pub update_on_start: bool,
    /// A sync running in the background.
    pub syncing: bool,
    /// How a background update or sync ended, said while the other still
    /// runs: said again with the other's end, which would hide it.
    pub job_said: Option<Status>,
    /// Pages being saved (`a`), by address: quitting waits for them.
    pub saving: Vec<String>,
    /// `q` pressed while pages were being saved: quit once they are.
    pub quit_when_saved: bool,
    /// Start a sync when the reader opens (config `sync_on_start`).
    pub sync_on_start: bool,
    /// A message for the status line. It stays until a key that does
    /// something (the key's action may set the next one) or an update's
    /// progress replaces it.
    pub status: Option<Status>,
    pub width: u16,
    pub height: u16,
    pub quit: bool,
    /// The store cannot be written: marks, reading positions and new
    /// articles are not saved, and `update` sends no effect that writes.
    pub read_only: bool,
    /// Why, in a few words ("the disk is full"), when it is known.
    pub read_only_why: Option<&'static str>,
    /// The folder `w` offers (config `[ui] save_dir`).
    pub save_dir: String,
}

impl AppState {
    pub fn new(width: u16, height: u16, sidebar: bool) -> AppState {
        AppState {
            focus: Focus::List,
            keys: Default::default(),
            sidebar_wide: sidebar,
            sidebar_medium: false,
            maximized: false,
            help_open: false,
            help_scroll: 0,
            list: ListState::default(),
            reader: ReaderState::default(),
            sidebar: SidebarState::default(),
            history: nav::History::default(),
            input: None,
            updating: None,
            confirm: None,
            undo: None,
            undo_key: "Z".to_string(),
            seeking_unread: None,
            seeking_unread_from: None,
            update_on_start: false,
            syncing: false,
            job_said: None,
            saving: Vec::new(),
            quit_when_saved: false,
            sync_on_start: false,
            search: None,
            preview_due: false,
            follow_new_list: false,
            status: None,
            width,
            height,
            quit: false,
            read_only: false,
            read_only_why: None,
            save_dir: "~/Downloads".to_string(),
        }
    }

    /// The store was opened read-only (its file or folder cannot be written).
    pub fn read_only(mut self, read_only: bool) -> AppState {
        self.read_only = read_only;
        self
    }

    /// [`AppState::read_only`], and why in a few words, for the notice the
    /// reader starts with.
    pub fn read_only_because(mut self, read_only: bool, why: Option<&'static str>) -> AppState {
        self.read_only = read_only;
        self.read_only_why = why.filter(|_| read_only);
        self
    }

    /// The key bound to undo, as messages name it (`None`: unbound).
    pub fn undo_key(mut self, key: Option<String>) -> AppState {
        self.undo_key = key.unwrap_or_else(|| "the undo action".to_string());
        self
    }

    /// Update the feeds in the background as the reader opens.
    pub fn updating_on_start(mut self, on: bool) -> AppState {
        self.update_on_start = on;
        self
    }

    /// Sync with the Fever server in the background as the reader opens.
    pub fn syncing_on_start(mut self, on: bool) -> AppState {
        self.sync_on_start = on;
        self
    }

    /// The reader fills its lines with this algorithm (config `wrap`).
    pub fn wrapping(mut self, algo: crate::text::wrap::WrapAlgorithm) -> AppState {
        self.reader.wrap = algo;
        self
    }

    /// The reader's text is at most this wide, centred in a wider pane
    /// (config `max_width`; 0: as wide as the pane).
    pub fn max_width(mut self, columns: usize) -> AppState {
        self.reader.max_width = columns;
        self
    }

    /// `w` offers to write articles in this folder (config `save_dir`).
    pub fn saving_to(mut self, dir: &str) -> AppState {
        self.save_dir = dir.to_string();
        self
    }

    pub fn panes(&self) -> Panes {
        panes(self)
    }

    pub fn info(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            error: false,
            url: None,
        });
    }

    /// A message ending with the web address `url` (`"Copied: "`, then it).
    pub fn info_url(&mut self, head: &str, url: &str) {
        self.status = Some(Status {
            text: format!("{head}{url}"),
            error: false,
            url: Some(url.to_string()),
        });
    }

    pub fn error(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            error: true,
            url: None,
        });
    }
}

/// The first row to show so that row `selected` is inside a viewport of
/// `height` rows, moving the current `offset` as little as possible.
pub(crate) fn offset_showing(selected: usize, offset: usize, height: usize) -> usize {
    let height = height.max(1);
    if selected < offset {
        selected
    } else if selected >= offset + height {
        selected + 1 - height
    } else {
        offset
    }
}
