//! Catching up: a question waiting for y/n, and the one change that can be
//! undone.

use crate::model::ArticleId;

/// A question the status line asks; `y` (or Enter) says yes, any other key no.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Confirm {
    /// Mark `count` unread articles of the view read: `ids`, exactly the
    /// ones counted (an article another process adds while the question is
    /// asked is not among them).
    MarkAllRead {
        ids: Vec<ArticleId>,
        count: usize,
        /// Search results loaded when more match: (loaded, the matches'
        /// count as the status line shows it, "2.000+").
        partial: Option<(usize, String)>,
        /// What the view holds, said in the question.
        scope: Scope,
    },
}

/// What `A`'s question says the articles are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// Nothing more (the list's title says it: a keyword, the bookmarks,
    /// search results).
    Said,
    /// One source's: "… in VnExpress read?".
    Source(String),
    /// Every source's: "… read (all sources)?".
    Everything,
}

/// The keys that answer a question, said after it.
pub const ANSWER_KEYS: &str = "(y/n)";

impl Confirm {
    /// The question and its answer keys, whole.
    pub fn question(&self) -> String {
        format!("{} {ANSWER_KEYS}", self.asked().0)
    }

    /// The question in `w` columns: whole, else its short form (the
    /// source's name shortened to fit, never left out: at 40 columns "Mark
    /// 89 unread read?" did not say which, an independent review's find),
    /// else that cut; the answer keys always stay (the status line once
    /// kept the question's start and lost them).
    pub fn question_in(&self, w: usize) -> String {
        use crate::text::width::{truncate, width};
        let (long, short) = self.asked();
        let room = w.saturating_sub(width(ANSWER_KEYS) + 1);
        let asked = if width(&long) <= room {
            long
        } else if width(&short) <= room {
            short
        } else {
            match self {
                // The name given what is left of the line, a few letters at least.
                Confirm::MarkAllRead {
                    count,
                    partial: None,
                    scope: Scope::Source(name),
                    ..
                } => {
                    let bare = width(&Self::short_in(*count, ""));
                    let left = room.saturating_sub(bare);
                    match left >= 4 {
                        true => Self::short_in(*count, &truncate(name, left)),
                        false => truncate(&short, room),
                    }
                }
                _ => truncate(&short, room),
            }
        };
        if asked.is_empty() {
            ANSWER_KEYS.to_string()
        } else {
            format!("{asked} {ANSWER_KEYS}")
        }
    }

    /// The question without its keys: (whole, short), counts grouped by
    /// thousands as the list's title groups them.
    fn asked(&self) -> (String, String) {
        let n = |n: usize| crate::text::layout::group_thousands(n.min(i64::MAX as usize) as i64);
        match self {
            Confirm::MarkAllRead {
                count,
                partial: Some((held, total)),
                ..
            } => (
                format!(
                    "Mark the {} unread of {} loaded results read (G loads all {total})?",
                    n(*count),
                    n(*held)
                ),
                format!("Mark {} of {} loaded read?", n(*count), n(*held)),
            ),
            Confirm::MarkAllRead { count, scope, .. } => (
                format!(
                    "Mark {} unread article{}{} read{}?",
                    n(*count),
                    if *count == 1 { "" } else { "s" },
                    match scope {
                        Scope::Source(name) => format!(" in {name}"),
                        _ => String::new(),
                    },
                    match scope {
                        Scope::Everything => " (all sources)",
                        _ => "",
                    }
                ),
                match scope {
                    Scope::Source(name) => Self::short_in(*count, name),
                    Scope::Everything => format!("Mark {} read (all sources)?", n(*count)),
                    Scope::Said => format!("Mark {} unread read?", n(*count)),
                },
            ),
        }
    }

    /// The short question for the unread articles of the source `name`.
    fn short_in(count: usize, name: &str) -> String {
        let n = crate::text::layout::group_thousands(count.min(i64::MAX as usize) as i64);
        format!("Mark {n} in {name} read?")
    }
}

/// The last change of marks, to put back as it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Undo {
    pub ids: Vec<ArticleId>,
    /// The read mark to set back, if read changed.
    pub read: Option<bool>,
    /// The bookmark to set back, if it changed.
    pub bookmarked: Option<bool>,
    /// What was done, for the status line ("marking 37 articles read").
    pub what: String,
    /// The article the list selected then: selected again when undoing
    /// brings it back into a list that had lost it (an unread-only view
    /// marked read is empty).
    pub selected: Option<ArticleId>,
}

/// `N` found no unread article in the rows loaded: where to go on looking,
/// once the sources' counts are fresh.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seek {
    /// The rest of the current view after this cursor (`None`: it is all loaded).
    pub after: Option<crate::model::Cursor>,
    /// The article open when `N` was pressed (never "found" again).
    pub current: Option<ArticleId>,
}
