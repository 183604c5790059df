//! The command line: clap arguments ([`args`]), the dispatch from a parsed
//! command line to a command ([`dispatch`]), and one file per command family:
//! [`reading`] (list, show, search, keywords, related), [`transfer`] (import,
//! export), [`feeds`] (add, feed, update), [`state`] (bookmark, unbookmark,
//! mark-read, mark-unread), [`sync`] (sync, sync add), [`maintenance`] (doctor)
//! and [`install`] (completions, man); [`interrupt`] stops `import` and
//! `export` cleanly on Ctrl-C. The helpers they share live here:
//! the database path, opening the store, the bundled demo, the terminal width.
//!
//! Output goes through one writer so that a closed pipe (`docbao list | head`)
//! ends quietly instead of panicking.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::ingest;
use crate::model::ListFilter;
use crate::store::{Access, Opened, Store};

pub mod args;
pub mod dispatch;
pub mod feeds;
pub mod install;
pub mod interrupt;
pub mod maintenance;
pub mod reading;
pub mod state;
pub mod sync;
pub mod transfer;

const DEMO_PAGE: &str = include_str!("../../assets/demo/dan-van-2021-03-05.txt");
const DEMO_JSONL: &str = include_str!("../../assets/demo/dantri-30.jsonl");

/// How `sources` names the pages with no site; `--site` takes it back.
pub const NO_SITE: &str = "(no site)";

/// The filter of `list`, `search` and `mark-read --all`, its source and
/// keywords checked: a `--feed` id, a `--site` or a `--keyword` the store
/// does not have is an error (it would select nothing, as a typo does).
pub fn checked_filter(store: &Store, args: &args::FilterArgs) -> Result<ListFilter> {
    let mut filter = args.to_filter();
    for k in &filter.keywords {
        if !store.keyword_known(k)? {
            anyhow::bail!(
                "no keyword \"{}\" in the store (`docbao keywords` lists them)",
                crate::text::clean(k)
            );
        }
    }
    use crate::model::Source;
    let Some(source) = &filter.source else {
        return Ok(filter);
    };
    let sites = match source {
        Source::Site(_) => store.sources()?,
        Source::Feed(_) => Vec::new(),
    };
    let known = match source {
        Source::Feed(id) => store.feeds()?.iter().any(|f| f.id == *id),
        Source::Site(_) => sites.iter().any(|s| &s.source == source),
    };
    // A host name typed in another case, or with "www." (`--site
    // DANTRI.COM.VN`): the site stored so, when only one is.
    if !known && let Source::Site(Some(site)) = source {
        let bare = |s: &str| {
            let s = s.trim().to_lowercase();
            s.strip_prefix("www.").map(str::to_string).unwrap_or(s)
        };
        let typed = bare(site);
        let like: Vec<Source> = (sites.into_iter())
            .map(|s| s.source)
            .filter(|s| matches!(s, Source::Site(Some(name)) if bare(name) == typed))
            .collect();
        if let [one] = like.as_slice() {
            filter.source = Some(one.clone());
            return Ok(filter);
        }
    }
    let Some(source) = &filter.source else {
        return Ok(filter);
    };
    if !known {
        match source {
            Source::Feed(id) => {
                anyhow::bail!("no feed with id {id} (`docbao feed list` shows them)")
            }
            Source::Site(Some(site)) => anyhow::bail!(
                "no pages of the site \"{}\" outside feeds (`docbao sources` lists the sites)",
                crate::text::clean(site)
            ),
            Source::Site(None) => {
                anyhow::bail!("no pages without a site (`docbao sources` lists the sites)")
            }
        }
    }
    Ok(filter)
}

/// Resolve the database path: `--db`, else `$DOCBAO_DB` (an empty one is
/// unset, as `$DOCBAO_CONFIG` is), else the data dir.
pub fn db_path(flag: Option<PathBuf>) -> Result<PathBuf> {
    let env = std::env::var_os("DOCBAO_DB").filter(|p| !p.is_empty());
    match flag.or(env.map(PathBuf::from)) {
        Some(p) => Ok(p),
        None => crate::store::default_db_path().context(
            "cannot find a data folder for this user (no home directory?); pass --db PATH",
        ),
    }
}

/// Load the bundled demo articles; returns how many were stored.
pub fn load_demo(store: &mut Store) -> Result<usize> {
    let mut articles = vec![
        ingest::page_text::parse_page_text(DEMO_PAGE)
            .context("the bundled demo page does not parse")?,
    ];
    for a in ingest::jsonl::parse_jsonl(DEMO_JSONL) {
        articles.push(a.map_err(|e| anyhow::anyhow!("the bundled demo articles: {e}"))?);
    }
    let results = store.import_batch(&articles)?;
    // The keywords that wait for the import's end settled before the
    // reader shows them.
    store.flush_keyword_stats()?;
    let mut n = 0;
    for r in results {
        r?;
        n += 1;
    }
    Ok(n)
}

/// Open the store, refusing to go on without one: read-only when `access`
/// allows it and the file cannot be written. A backup written before a
/// schema upgrade is told on stderr, in one line.
///
/// Re-indexing the search of a store made by an older docbao tells its
/// progress on stderr, on one line rewritten in place.
pub fn open_store(path: &Path, access: Access) -> Result<(Store, Opened)> {
    let (store, opened) = Store::open_with_progress(path, access, |done, total| {
        use std::io::Write;
        let mut err = std::io::stderr().lock();
        let _ = write!(
            err,
            "\rdocbao: indexing the articles again for search: {done} of {total}"
        );
        if done >= total {
            let _ = writeln!(err);
        }
        let _ = err.flush();
    })?;
    if let Some(note) = opened.backup_note() {
        eprintln!("docbao: {note}");
    }
    // Read all the same, but what the command would keep (a mark, the
    // related stories it works out) is not saved: said, as the reader's
    // first line says it.
    if opened.read_only_short == Some("the disk is full") {
        eprintln!(
            "docbao: the disk holding \"{}\" is full: the store is opened read-only, and no change can be saved to it until some space is freed",
            path.display()
        );
    }
    Ok((store, opened))
}

/// The no-command path: load the demo into an empty store unless told not to.
pub fn ensure_demo(store: &mut Store, path: &Path, no_demo: bool) -> Result<()> {
    if no_demo || store.is_read_only() || store.count(&ListFilter::default())? > 0 {
        return Ok(());
    }
    let n = load_demo(store)?;
    eprintln!(
        "docbao: the store at {} was empty, so it now holds {n} demo articles (start with --no-demo to skip this).",
        path.display()
    );
    Ok(())
}

/// The width to lay text out in: the terminal's, or 80 when stdout is not one.
pub fn terminal_width() -> usize {
    if std::io::stdout().is_terminal()
        && let Ok((w, _)) = ratatui::crossterm::terminal::size()
        && w >= 10
    {
        return w as usize;
    }
    80
}

/// Whether the error is stdout's reader having gone (`docbao export | head`):
/// an I/O error anywhere in the chain, or one inside a JSON writer's error
/// (`serde_json` wraps the I/O error it met, so it is not an `io::Error`).
pub fn is_broken_pipe(e: &anyhow::Error) -> bool {
    use std::io::ErrorKind::BrokenPipe;
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == BrokenPipe)
            || c.downcast_ref::<serde_json::Error>()
                .is_some_and(|j| j.io_error_kind() == Some(BrokenPipe))
    })
}

/// The one line an error is reported with: the message and its causes,
/// each cause said once (one whose text the line already holds is left out),
/// cleaned (a cause may quote a server or a file).
pub fn error_line(e: &anyhow::Error) -> String {
    let mut line = String::new();
    for cause in e.chain() {
        let text = crate::text::clean(&cause.to_string());
        if text.is_empty() || line.contains(&text) {
            continue;
        }
        if !line.is_empty() {
            line.push_str(": ");
        }
        line.push_str(&text);
    }
    line
}
