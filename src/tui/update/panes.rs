//! Which actions act in which pane, read off `update`: a binding under
//! `[keys.sidebar]`, `[keys.list]` or `[keys.reader]` must act in that pane
//! (the config refuses one that would not); `[keys]` binds everywhere, and
//! an action there acts where it can.
//!
//! Most actions look at the focused pane and act in each (moving, paging,
//! Enter, Esc), or act on the whole reader wherever they are pressed (quit,
//! help, focus, the filters, search, feeds, the marks on "the article the
//! user means"). The reader's own actions work on the article the reader
//! shows: its place in the list (`next_article`), its find (`find`,
//! `prev_match`), its keyword chips and related stories (`next_link`,
//! `open_related_N`). Pressed in the sidebar or the list they would act on
//! an article that pane does not show (in one-pane layouts, one not on the
//! screen at all): they act in the reader only.

use crate::tui::action::Action;
use crate::tui::keymap::Context;

/// The panes an action acts in.
pub fn panes(action: Action) -> &'static [Context] {
    const EVERYWHERE: &[Context] = &[Context::Sidebar, Context::List, Context::Reader];
    const READER: &[Context] = &[Context::Reader];
    match action {
        Action::NextArticle
        | Action::PrevArticle
        | Action::NextLink
        | Action::PrevLink
        | Action::OpenRelated(_)
        | Action::Find
        | Action::PrevMatch => READER,
        Action::Quit
        | Action::Help
        | Action::Suspend
        | Action::Redraw
        | Action::FocusNext
        | Action::FocusPrev
        | Action::FocusLeft
        | Action::FocusRight
        | Action::ToggleSidebar
        | Action::ToggleMaximize
        | Action::Down
        | Action::Up
        | Action::Top
        | Action::Bottom
        | Action::HalfPageDown
        | Action::HalfPageUp
        | Action::PageDown
        | Action::ReadOn
        | Action::PageUp
        | Action::Open
        | Action::Back
        | Action::ToggleRead
        | Action::ToggleBookmark
        | Action::ToggleUnreadOnly
        | Action::ToggleBookmarkedOnly
        | Action::OpenLink
        | Action::CopyUrl
        | Action::HistoryBack
        | Action::HistoryForward
        | Action::ClearFilter
        | Action::FilterKeywords
        | Action::UpdateFeeds
        | Action::Sync
        | Action::AddPage
        | Action::Search
        | Action::NextUnread
        | Action::MarkAllRead
        | Action::Undo
        | Action::PipeArticle
        | Action::WriteArticle => EVERYWHERE,
    }
}

/// Does `action` act in this pane? Everything acts somewhere, so every
/// action may be bound under `[keys]` (`Context::Global`).
pub fn acts_in(action: Action, pane: Context) -> bool {
    pane == Context::Global || panes(action).contains(&pane)
}

/// How a pane is named in messages.
pub fn pane_name(pane: Context) -> &'static str {
    match pane {
        Context::Global => "every pane",
        Context::Sidebar => "the sidebar",
        Context::List => "the article list",
        Context::Reader => "the reader",
    }
}
