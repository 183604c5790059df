//! What a key press means, independent of which key it was.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    Quit,
    Help,
    FocusNext,
    FocusPrev,
    FocusLeft,
    FocusRight,
    ToggleSidebar,
    ToggleMaximize,
    Down,
    Up,
    Top,
    Bottom,
    HalfPageDown,
    HalfPageUp,
    PageDown,
    /// A page down; at the end of an article, the next one (Space, as less
    /// and newsboat read on).
    ReadOn,
    PageUp,
    Open,
    Back,
    NextArticle,
    PrevArticle,
    ToggleRead,
    ToggleBookmark,
    ToggleUnreadOnly,
    OpenLink,
    CopyUrl,
    Redraw,
    Suspend,
    NextLink,
    PrevLink,
    OpenRelated(u8),
    HistoryBack,
    HistoryForward,
    ClearFilter,
    FilterKeywords,
    UpdateFeeds,
    Sync,
    AddPage,
    ToggleBookmarkedOnly,
    Search,
    Find,
    PrevMatch,
    NextUnread,
    MarkAllRead,
    Undo,
    PipeArticle,
    WriteArticle,
}

/// Every action with its config name and the help text the help screen shows.
pub const ACTIONS: &[(Action, &str, &str)] = &[
    (Action::Quit, "quit", "quit docbao"),
    (Action::Help, "help", "show or hide this help"),
    (Action::FocusNext, "focus_next", "focus the next pane"),
    (Action::FocusPrev, "focus_prev", "focus the previous pane"),
    (
        Action::FocusLeft,
        "focus_left",
        "focus the pane to the left",
    ),
    (
        Action::FocusRight,
        "focus_right",
        "focus the pane to the right",
    ),
    (
        Action::ToggleSidebar,
        "toggle_sidebar",
        "sidebar: sources, then keywords, then hidden",
    ),
    (
        Action::ToggleMaximize,
        "toggle_maximize",
        "reader full screen, and back",
    ),
    (Action::Down, "down", "move down / scroll one line"),
    (Action::Up, "up", "move up / scroll one line"),
    (Action::Top, "top", "go to the top"),
    (Action::Bottom, "bottom", "go to the bottom"),
    (Action::HalfPageDown, "half_page_down", "half a page down"),
    (Action::HalfPageUp, "half_page_up", "half a page up"),
    (Action::PageDown, "page_down", "a page down"),
    (
        Action::ReadOn,
        "read_on",
        "a page down; at the end of an article, the next one",
    ),
    (Action::PageUp, "page_up", "a page up"),
    (Action::Open, "open", "open the selected article"),
    (
        Action::Back,
        "back",
        "close a popup or full screen, clear the find, go back to the list; in the list, leave the search results, then clear the source and keyword filters",
    ),
    (
        Action::NextArticle,
        "next_article",
        "next article (in the reader)",
    ),
    (
        Action::PrevArticle,
        "prev_article",
        "previous article (in the reader)",
    ),
    (Action::ToggleRead, "toggle_read", "mark read / unread"),
    (
        Action::ToggleBookmark,
        "toggle_bookmark",
        "bookmark (save for offline) / unbookmark",
    ),
    (
        Action::ToggleUnreadOnly,
        "toggle_unread_only",
        "show only unread articles, or all",
    ),
    (
        Action::OpenLink,
        "open_link",
        "open the link in $BROWSER (copies it over SSH)",
    ),
    (Action::CopyUrl, "copy_url", "copy the article URL (OSC 52)"),
    (Action::Redraw, "redraw", "redraw the whole screen"),
    (
        Action::Suspend,
        "suspend",
        "suspend docbao to the shell (fg brings it back)",
    ),
    (
        Action::NextLink,
        "next_link",
        "next keyword chip / related story / link in the article",
    ),
    (
        Action::PrevLink,
        "prev_link",
        "previous keyword chip / related story / link",
    ),
    (
        Action::OpenRelated(1),
        "open_related_1",
        "open related story 1",
    ),
    (
        Action::OpenRelated(2),
        "open_related_2",
        "open related story 2",
    ),
    (
        Action::OpenRelated(3),
        "open_related_3",
        "open related story 3",
    ),
    (
        Action::OpenRelated(4),
        "open_related_4",
        "open related story 4",
    ),
    (
        Action::OpenRelated(5),
        "open_related_5",
        "open related story 5",
    ),
    (
        Action::OpenRelated(6),
        "open_related_6",
        "open related story 6",
    ),
    (
        Action::OpenRelated(7),
        "open_related_7",
        "open related story 7",
    ),
    (
        Action::OpenRelated(8),
        "open_related_8",
        "open related story 8",
    ),
    (
        Action::OpenRelated(9),
        "open_related_9",
        "open related story 9",
    ),
    (
        Action::HistoryBack,
        "history_back",
        "back to the article before (after following a related story)",
    ),
    (Action::HistoryForward, "history_forward", "forward again"),
    (
        Action::ClearFilter,
        "clear_filter",
        "clear the keyword and source filters",
    ),
    (
        Action::FilterKeywords,
        "filter_keywords",
        "type to filter what the sidebar shows: the sources by name, or the keywords",
    ),
    (
        Action::UpdateFeeds,
        "update_feeds",
        "fetch the feeds in the background",
    ),
    (
        Action::Sync,
        "sync",
        "sync with the Fever server (set up by docbao sync add)",
    ),
    (
        Action::AddPage,
        "add_page",
        "save a web page: type its address",
    ),
    (
        Action::ToggleBookmarkedOnly,
        "toggle_bookmarked_only",
        "show only bookmarked (saved) articles, or all",
    ),
    (
        Action::Search,
        "search",
        "search all articles (with or without diacritics)",
    ),
    (
        Action::Find,
        "find",
        "find in this article; then n / N between matches (from the screen once scrolled away)",
    ),
    (
        Action::PrevMatch,
        "prev_match",
        "previous match of the find",
    ),
    (
        Action::NextUnread,
        "next_unread",
        "next unread article (then the next source with unread ones); while finding, the previous match",
    ),
    (
        Action::MarkAllRead,
        "mark_all_read",
        "mark every article of this view (in the sources: the one under the cursor) read, asking first",
    ),
    (Action::Undo, "undo", "undo the last marking (A, m, s)"),
    (
        Action::PipeArticle,
        "pipe_article",
        "pipe the article as Markdown to a shell command",
    ),
    (
        Action::WriteArticle,
        "write_article",
        "write the article to a Markdown file",
    ),
];

impl Action {
    /// Moves a selection or scrolls, and does nothing else (`read_on` opens
    /// the next article at an article's end: an effect, so a message goes).
    pub fn is_motion(self) -> bool {
        matches!(
            self,
            Action::Down
                | Action::Up
                | Action::Top
                | Action::Bottom
                | Action::HalfPageDown
                | Action::HalfPageUp
                | Action::PageDown
                | Action::ReadOn
                | Action::PageUp
        )
    }

    pub fn from_name(name: &str) -> Option<Action> {
        ACTIONS
            .iter()
            .find(|(_, n, _)| *n == name)
            .map(|(a, _, _)| *a)
    }

    pub fn name(self) -> &'static str {
        ACTIONS
            .iter()
            .find(|(a, _, _)| *a == self)
            .map_or("?", |(_, n, _)| n)
    }

    pub fn help(self) -> &'static str {
        ACTIONS
            .iter()
            .find(|(a, _, _)| *a == self)
            .map_or("", |(_, _, h)| h)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_has_a_name_that_resolves_to_it() {
        for (a, name, help) in ACTIONS {
            assert_eq!(Action::from_name(name), Some(*a), "{name}");
            assert!(!help.is_empty());
        }
        let mut names: Vec<&str> = ACTIONS.iter().map(|(_, n, _)| *n).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), ACTIONS.len(), "names are unique");
    }
}
