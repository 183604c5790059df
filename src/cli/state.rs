//! The marks a reader sets, from the command line (for scripts and tests):
//! `bookmark`, `unbookmark`, `mark-read`, `mark-unread`. Each takes ids, or
//! `--all` and the list's filters (so a bulk mark can be taken back with
//! the same filters).

use std::io::Write;

use anyhow::Result;

use crate::cli::args::MarkArgs;
use crate::model::ArticleId;
use crate::store::{Flag, Store};

/// Which mark a command sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Bookmark,
    Unbookmark,
    Read,
    Unread,
}

impl Mark {
    /// The store's flag and the value this mark gives it.
    fn flag(self) -> (Flag, bool) {
        match self {
            Mark::Bookmark => (Flag::Bookmarked, true),
            Mark::Unbookmark => (Flag::Bookmarked, false),
            Mark::Read => (Flag::Read, true),
            Mark::Unread => (Flag::Read, false),
        }
    }

    /// What `--all` says it did to `n` articles.
    fn done(self, n: usize) -> String {
        let n = crate::text::count(n, "article");
        match self {
            Mark::Bookmark => format!("Bookmarked {n}"),
            Mark::Unbookmark => format!("Unbookmarked {n}"),
            Mark::Read => format!("Marked {n} read"),
            Mark::Unread => format!("Marked {n} unread"),
        }
    }
}

/// A mark command: the ids given, or with `--all` every article the filters
/// select that the command changes (not so already), in one write (how many is said
/// on `out`). Returns whether every id named an article.
pub fn mark(
    store: &Store,
    mark: Mark,
    args: &MarkArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<bool> {
    if !args.all {
        if args.filter.any() {
            return Err(crate::cli::args::Usage(
                "--keyword, --feed, --site, --unread and --bookmarked choose what --all marks; \
                 give --all, or ids alone"
                    .into(),
            )
            .into());
        }
        return mark_ids(store, mark, &args.ids, err);
    }
    let filter = crate::cli::checked_filter(store, &args.filter)?;
    let (flag, value) = mark.flag();
    let changed = store.mark_all(&filter, flag, value)?;
    writeln!(out, "{}", mark.done(changed.len()))?;
    Ok(true)
}

/// Set `mark` on every id given, in one write. Returns whether every id
/// named an article; each unknown one is named on `err`, the others are
/// marked.
fn mark_ids(store: &Store, mark: Mark, ids: &[i64], err: &mut dyn Write) -> Result<bool> {
    let ids: Vec<ArticleId> = ids.iter().map(|&id| ArticleId(id)).collect();
    let (flag, value) = mark.flag();
    let missing = match flag {
        Flag::Bookmarked => store.set_bookmarked_many(&ids, value)?,
        Flag::Read => store.set_read_many(&ids, value)?,
    };
    // Said of the ids that named an article, if any did.
    let known = ids
        .iter()
        .collect::<std::collections::BTreeSet<_>>()
        .len()
        .saturating_sub(
            missing
                .iter()
                .collect::<std::collections::BTreeSet<_>>()
                .len(),
        );
    let others = match known {
        0 => String::new(),
        1 => "; the other id was marked".to_string(),
        n => format!("; the other {n} ids were marked"),
    };
    for id in &missing {
        writeln!(err, "docbao: no article with id {id}{others}")?;
    }
    Ok(missing.is_empty())
}
