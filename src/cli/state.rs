//! The marks a reader sets, from the command line (for scripts and tests):
//! `bookmark`, `unbookmark`, `mark-read`, `mark-unread`.

use std::io::Write;

use anyhow::Result;

use crate::cli::args::{MarkArgs, MarkReadArgs};
use crate::model::ArticleId;
use crate::store::Store;

/// Which mark a command sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Bookmark,
    Unbookmark,
    Read,
    Unread,
}

/// Set `mark` on every id given, in one write. Returns whether every id named
/// an article; each unknown one is named on `err`, the others are marked.
pub fn mark(store: &Store, mark: Mark, args: &MarkArgs, err: &mut dyn Write) -> Result<bool> {
    let ids: Vec<ArticleId> = args.ids.iter().map(|&id| ArticleId(id)).collect();
    let missing = match mark {
        Mark::Bookmark => store.set_bookmarked_many(&ids, true)?,
        Mark::Unbookmark => store.set_bookmarked_many(&ids, false)?,
        Mark::Read => store.set_read_many(&ids, true)?,
        Mark::Unread => store.set_read_many(&ids, false)?,
    };
    for id in &missing {
        writeln!(
            err,
            "docbao: no article with id {id}; the other ids were marked"
        )?;
    }
    Ok(missing.is_empty())
}

/// `mark-read`: the ids given, or with `--all` every unread article the
/// filters select. Returns whether every id named an article.
pub fn mark_read(
    store: &Store,
    args: &MarkReadArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<bool> {
    if !args.all {
        if args.filter.any() {
            anyhow::bail!(
                "--keyword, --feed, --site, --unread and --bookmarked choose what --all marks; \
                 give --all, or ids alone"
            );
        }
        let ids = MarkArgs {
            ids: args.ids.clone(),
        };
        return mark(store, Mark::Read, &ids, err);
    }
    let filter = crate::cli::checked_filter(store, &args.filter)?;
    let ids = store.mark_all_read(&filter)?;
    let n = ids.len();
    writeln!(
        out,
        "Marked {n} article{} read",
        if n == 1 { "" } else { "s" }
    )?;
    Ok(true)
}
