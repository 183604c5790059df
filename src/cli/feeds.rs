//! The web commands: `add` (save one page), `feed` (add, list, remove,
//! rename, import-opml, export-opml) and `update` (fetch every subscribed feed).

use std::io::{IsTerminal, Write};
use std::path::Path;

use anyhow::{Context, Result};

use crate::cli::args::{AddArgs, FeedCommand, UpdateArgs};
use crate::ingest::opml::{Subscription, parse_opml, render_opml};
use crate::jobs::feeds::{Progress, UpdateSummary, subscribe, update_all};
use crate::jobs::http::default_fetcher;
use crate::jobs::pages::save_page;
use crate::model::{Feed, ImportOutcome};
use crate::store::{FeedStoreError, Store};
use crate::text::fold::{search_fold, title_key};
use crate::text::typed_address;
use crate::text::url::{feed_url, tell_apart};
use crate::text::{clean, count};

/// `docbao add URL`: fetch one page and store it bookmarked.
pub fn add(store: &mut Store, args: &AddArgs, out: &mut dyn Write) -> Result<()> {
    let fetcher = default_fetcher(Some(args.timeout));
    let url = typed_address(&args.url);
    refuse_a_file(&args.url, "import")?;
    let waiting = fetching(&url);
    let saved = save_page(store, &fetcher, &url).map_err(|e| taken_as_https(&args.url, e));
    waiting.finish_and_clear();
    let saved = saved?;
    let verb = match saved.outcome {
        ImportOutcome::Added(_) => "Saved",
        ImportOutcome::Updated(_) => "Updated",
        ImportOutcome::Unchanged(_) => "Already saved",
    };
    writeln!(
        out,
        "{verb}: {} (id {}, bookmarked)",
        clean(&saved.title),
        saved.outcome.id()
    )?;
    if saved.paywalled {
        let _ = writeln!(
            std::io::stderr(),
            "docbao: {}: the page looks cut short by a paywall: only its free part was saved",
            clean(&args.url)
        );
    }
    Ok(())
}

/// On a terminal, a spinner naming the site while a page or a feed is
/// fetched: nothing showed for as long as the timeout, and a slow site
/// looked like a program hung (an independent review's find). Hidden
/// elsewhere.
fn fetching(url: &str) -> indicatif::ProgressBar {
    use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
    if !std::io::stderr().is_terminal() {
        return ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
    }
    let host = url::Url::parse(url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_string))
        .unwrap_or_else(|| url.to_string());
    let bar = ProgressBar::new_spinner().with_style(
        ProgressStyle::with_template("{spinner} fetching {msg}… {elapsed}")
            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
    );
    bar.set_message(clean(&host));
    bar.enable_steady_tick(std::time::Duration::from_millis(120));
    bar
}

/// An address typed without its scheme was taken as https:// ([`typed_address`]):
/// when no secure connection could be made there (no TLS, or the
/// connection closed at once: a local or intranet server speaking plain
/// HTTP), the error says so and names the plain http:// address to try.
fn taken_as_https(typed: &str, e: anyhow::Error) -> anyhow::Error {
    use crate::jobs::http::FetchError;
    let tls = e.chain().any(|c| match c.downcast_ref::<FetchError>() {
        Some(FetchError::Tls { .. } | FetchError::Dropped { .. }) => true,
        // Closed at once, not refused: something listens there, not TLS
        // (nothing listening, or no network, http:// would not help).
        Some(FetchError::Connect { detail, .. }) => !matches!(
            detail.as_str(),
            "host not found" | "connection refused" | "connection failed"
        ),
        _ => false,
    });
    if tls && !typed.contains("://") {
        let plain = format!("http://{}", typed.trim());
        anyhow::anyhow!(
            "{e}; \"{}\" was taken as https://, as a browser takes it: if the server speaks \
             plain HTTP, give {}",
            clean(typed.trim()),
            clean(&plain)
        )
    } else {
        e
    }
}

/// An address without a scheme that names a file here ("page.html") is
/// that file, not a web site: said, with the command that reads it.
fn refuse_a_file(typed: &str, command: &str) -> Result<()> {
    if !typed.contains("://") && std::path::Path::new(typed.trim()).exists() {
        anyhow::bail!(
            "\"{}\" is a file here, not a web address: `docbao {command}` reads it",
            clean(typed)
        );
    }
    Ok(())
}

/// `docbao feed …`: one of the subscription subcommands. `feed add` ends
/// as `update` does: [`ExitStatusCode::SomeFailed`] when a page or an item
/// failed (the rest stored).
pub fn feed(store: &mut Store, cmd: &FeedCommand, out: &mut dyn Write) -> Result<ExitStatusCode> {
    match cmd {
        FeedCommand::Add {
            url,
            full_page,
            timeout,
        } => return feed_add(store, url, *full_page, *timeout, out),
        FeedCommand::List { json } => feed_list(store, *json, out)?,
        FeedCommand::Remove { feed } => {
            let id = find_feed(&store.feeds()?, feed)?.id;
            store.remove_feed(id)?;
            writeln!(out, "Unsubscribed from feed {id}; its articles stay.")?;
        }
        FeedCommand::Rename { feed, title } => feed_rename(store, feed, title, out)?,
        FeedCommand::ImportOpml { file } => import_opml(store, file, out)?,
        FeedCommand::ExportOpml => export_opml(store, out)?,
        FeedCommand::Update(args) => return update(store, args),
    }
    Ok(ExitStatusCode::Ok)
}

fn feed_add(
    store: &mut Store,
    url: &str,
    full_page: bool,
    timeout: u64,
    out: &mut dyn Write,
) -> Result<ExitStatusCode> {
    let fetcher = default_fetcher(Some(timeout));
    refuse_a_file(url, "feed add file:///…")?;
    let typed = url;
    let url = typed_address(url);
    let waiting = fetching(&url);
    let subscribed = subscribe(store, &fetcher, &url, full_page);
    waiting.finish_and_clear();
    let (feed, summary) = subscribed.map_err(|e| taken_as_https(typed, e))?;
    let mut err = std::io::stderr().lock();
    for n in summary.notes.iter().chain(&summary.errors) {
        let _ = writeln!(err, "docbao: {}", clean(n));
    }
    // Items stored already (from another feed, an import) are said: "0 new
    // articles" alone left a feed of 29 items looking empty (an independent
    // review's find).
    let mut said = count(summary.new_articles.len(), "new article");
    if summary.known > 0 {
        said.push_str(&format!(", {} already stored", summary.known));
    }
    if summary.updated > 0 {
        said.push_str(&format!(", {} updated", summary.updated));
    }
    writeln!(
        out,
        "Subscribed to {} (feed {}): {said}.",
        clean(feed.name()),
        feed.id,
    )?;
    Ok(if summary.errors.is_empty() {
        ExitStatusCode::Ok
    } else {
        ExitStatusCode::SomeFailed
    })
}

fn feed_list(store: &Store, json: bool, out: &mut dyn Write) -> Result<()> {
    let feeds = store.feeds()?;
    if json {
        serde_json::to_writer_pretty(&mut *out, &feeds)?;
        writeln!(out)?;
        return Ok(());
    }
    if feeds.is_empty() {
        crate::cli::reading::nothing("No feeds yet. Subscribe with: docbao feed add URL");
        return Ok(());
    }
    let details = tell_apart(
        &feeds
            .iter()
            .map(|f| (f.id, f.name(), f.url.as_str()))
            .collect::<Vec<_>>(),
    );
    for (f, detail) in feeds.iter().zip(details) {
        let detail = detail.map(|d| format!(" · {d}")).unwrap_or_default();
        let checked = f
            .checked_at
            .map_or("never".to_string(), crate::text::local_minute);
        let full = if f.full_page { ", full pages" } else { "" };
        // Cleaned again: a store written by an older docbao may hold controls.
        writeln!(
            out,
            "{:>3}  {}{detail}  ({}, checked {checked}{full})",
            f.id,
            clean(f.name()),
            count(usize::try_from(f.items).unwrap_or(0), "item")
        )?;
        writeln!(out, "     {}", clean(&f.url))?;
        if let Some(e) = &f.last_error {
            // Since when: a feed dead for weeks looked like one that failed
            // a minute ago.
            let since = match f.failing_since {
                Some(t) if f.failed_updates > 1 => format!(
                    " (failing since {}, {} in a row)",
                    crate::text::local_minute(t),
                    count(usize::try_from(f.failed_updates).unwrap_or(0), "update")
                ),
                _ => String::new(),
            };
            writeln!(out, "     last error{since}: {}", clean(e))?;
        }
    }
    Ok(())
}

/// `docbao feed rename FEED TITLE`: the feed named by its id, its address
/// or its title (a title two feeds share is refused, naming them).
fn feed_rename(store: &Store, feed: &str, title: &str, out: &mut dyn Write) -> Result<()> {
    let title = clean(title);
    if title.is_empty() {
        anyhow::bail!("a feed's title cannot be empty");
    }
    let feeds = store.feeds()?;
    let found = find_feed(&feeds, feed)?;
    store.rename_feed(found.id, &title)?;
    writeln!(
        out,
        "Renamed feed {} (\"{}\") to \"{title}\".",
        found.id,
        clean(found.name())
    )?;
    Ok(())
}

/// The feed `feed` names: its id, its address or its title (marks and case
/// ignored, as the sidebar's filter and the search do); a title two feeds
/// share is refused, naming them.
fn find_feed<'a>(feeds: &'a [Feed], feed: &str) -> Result<&'a Feed> {
    let id = feed.trim().parse::<i64>().ok();
    let by_id = id.and_then(|id| feeds.iter().find(|f| f.id == id));
    // Under its spelling or another (`HTTP://…`, a `#place`).
    let by_url = || {
        let asked = feed_url(feed.trim());
        feeds.iter().find(|f| feed_url(&f.url) == asked)
    };
    let fold = |s: &str| search_fold(&title_key(s));
    let key = fold(feed);
    let titled: Vec<_> = feeds
        .iter()
        .filter(|f| !key.is_empty() && fold(f.name()) == key)
        .collect();
    Ok(match (by_id.or_else(by_url), titled.as_slice()) {
        (Some(f), _) => f,
        (None, [f]) => f,
        (None, []) => match id {
            Some(id) => anyhow::bail!("no feed with id {id} (see docbao feed list)"),
            None => anyhow::bail!(
                "no feed \"{}\": give its id, its address or its title (see docbao feed list)",
                clean(feed)
            ),
        },
        (None, many) => {
            let list: Vec<String> = many
                .iter()
                .map(|f| format!("feed {} ({})", f.id, clean(&f.url)))
                .collect();
            anyhow::bail!(
                "{} feeds are titled \"{}\": {}; give the id or the address of one",
                many.len(),
                clean(feed),
                list.join(", ")
            )
        }
    })
}

fn import_opml(store: &mut Store, file: &Path, out: &mut dyn Write) -> Result<()> {
    // A `file://` address is its path (`feed add` names a list of feeds so).
    let local = (file.to_str())
        .filter(|f| f.starts_with("file://"))
        .and_then(|f| url::Url::parse(f).ok()?.to_file_path().ok());
    let file = local.as_deref().unwrap_or(file);
    // `-`: standard input, as `import -` reads it.
    let (name, bytes) = if file == Path::new("-") {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin().lock(), &mut bytes)
            .context("cannot read standard input")?;
        ("standard input".to_string(), bytes)
    } else {
        let bytes =
            std::fs::read(file).with_context(|| format!("cannot read \"{}\"", file.display()))?;
        (file.display().to_string(), bytes)
    };
    let parsed = parse_opml(&name, &bytes)?;
    let mut err = std::io::stderr().lock();
    for s in &parsed.skipped {
        let _ = writeln!(err, "docbao: {s}");
    }
    if parsed.folders > 0 {
        let _ = writeln!(
            err,
            "docbao: {}: {} flattened: docbao has no folders, their feeds are subscribed one by one",
            file.display(),
            count(parsed.folders, "folder")
        );
    }
    let (mut added, mut known) = (0, 0);
    for f in &parsed.feeds {
        match store.add_feed(&f.url, f.title.as_deref(), f.full_page) {
            Ok(id) => {
                if let Some(site) = &f.site_url {
                    store.set_feed_site(id, site)?;
                }
                added += 1;
                if missing_feed_file(&f.url) {
                    let _ = writeln!(
                        err,
                        "docbao: {}: \"{}\" ({}): no file there yet; subscribed: \
                         `docbao update` reads it once it is there",
                        file.display(),
                        f.title.as_deref().unwrap_or("untitled"),
                        f.url,
                    );
                }
            }
            Err(FeedStoreError::Exists { .. }) => known += 1,
            Err(e) => return Err(e.into()),
        }
    }
    let skipped = match parsed.skipped.len() {
        0 => String::new(),
        n => format!(", {n} skipped (each named above, with why)"),
    };
    writeln!(
        out,
        "{} added, {known} already subscribed{skipped}. Fetch {} with: docbao update",
        count(added, "feed"),
        if added + known == 1 { "it" } else { "them" }
    )?;
    Ok(())
}

/// Whether `url` is a `file://` feed whose file is not there (an OPML
/// file brought from another machine before its feed files).
fn missing_feed_file(url: &str) -> bool {
    url::Url::parse(url)
        .ok()
        .filter(|u| u.scheme() == "file")
        .and_then(|u| u.to_file_path().ok())
        .is_some_and(|path| !path.exists())
}

fn export_opml(store: &Store, out: &mut dyn Write) -> Result<()> {
    let feeds: Vec<Subscription> = store
        .feeds()?
        .into_iter()
        .map(|f| Subscription {
            url: f.url,
            title: f.title,
            site_url: f.site_url,
            full_page: f.full_page,
        })
        .collect();
    write!(out, "{}", render_opml(&feeds))?;
    Ok(())
}

/// `update`'s last line: every item fetched in one bucket, then the feeds.
fn summary_line(s: &UpdateSummary, failed_feeds: usize) -> String {
    // Pages that failed are counted where they are (an independent review's
    // find: "0 failed" ended an update that exited 1 for three pages).
    let pages = if s.pages_failed > 0 {
        format!(
            ", {} not had (their items keep the feed's summary)",
            count(s.pages_failed, "full page")
        )
    } else {
        String::new()
    };
    let waiting = if s.waiting.is_empty() {
        String::new()
    } else {
        format!(", {} waiting", s.waiting.len())
    };
    // Stopped, the feeds stored of all ("12 feeds" was said beside "7 of 12
    // feeds stored": an independent review's find).
    let feeds = if s.stopped {
        format!(
            "{} of {}",
            s.stored_feeds + s.waiting.len(),
            count(s.feeds, "feed")
        )
    } else {
        count(s.feeds, "feed")
    };
    format!(
        "{feeds}: {} fetched: {} new, {} already stored, {} updated, {} refused{pages} \
         ({} not modified{waiting}, {failed_feeds} failed)",
        count(s.items, "item"),
        s.new_articles.len(),
        s.known,
        s.updated,
        s.refused,
        count(s.not_modified, "feed"),
    )
}

/// How a command ended, for the process exit status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitStatusCode {
    Ok,
    /// Something failed (a feed, an input): exit 1, for cron.
    SomeFailed,
}

/// `docbao update`: fetch every feed, a progress bar on a terminal, a
/// summary line on stderr.
pub fn update(store: &mut Store, args: &UpdateArgs) -> Result<ExitStatusCode> {
    use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
    let fetcher = default_fetcher(Some(args.timeout));
    let bar = if std::io::stderr().is_terminal() {
        ProgressBar::new(0)
    } else {
        ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden())
    };
    bar.set_style(
        ProgressStyle::with_template("{bar:30} {pos}/{len} feeds {wide_msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let stop = crate::cli::interrupt::Interrupt::catch();
    let stopped = || stop.stopped();
    let summary = update_all(store, &fetcher, args.jobs as usize, &stopped, |p| {
        match p {
        Progress::Started { total } => bar.set_length(total as u64),
        Progress::FeedDone {
            done, name, new, ..
        } => {
            bar.set_position(done as u64);
            bar.set_message(format!("{}: {new} new", clean(&name)));
        }
        Progress::Stopping { under_way } if under_way > 0 => bar.suspend(|| {
            let what = match under_way {
                1 => "the feed being fetched answers".to_string(),
                n => format!("the {n} feeds being fetched answer"),
            };
            let _ = writeln!(
                std::io::stderr(),
                "docbao: stopping once {what} (a request gives up after {} s); Ctrl-C again quits at once",
                args.timeout,
            );
        }),
        Progress::Stopping { .. } => {}
    }
    })?;
    bar.finish_and_clear();
    let mut err = std::io::stderr().lock();
    if summary.feeds == 0 {
        let _ = writeln!(
            err,
            "No feeds to update. Subscribe with: docbao feed add URL"
        );
        return Ok(ExitStatusCode::Ok);
    }
    for n in &summary.notes {
        let _ = writeln!(err, "docbao: {}", clean(n));
    }
    for e in &summary.errors {
        let _ = writeln!(err, "docbao: {}", clean(e));
    }
    // A feed skipped while its server asked to wait keeps the error that
    // asked it: counted as waiting, not failed.
    let failed_feeds = store
        .feeds()?
        .iter()
        .filter(|f| f.last_error.is_some() && !summary.waiting.contains(&f.id))
        .count();
    let _ = writeln!(err, "{}", summary_line(&summary, failed_feeds));
    if let (true, Some(signal)) = (summary.stopped, stop.signal()) {
        // Stopped between two feeds: each feed stored is whole.
        let message = format!(
            "{} of {} feeds stored ({}); the next update fetches the others",
            summary.stored_feeds,
            summary.feeds,
            crate::text::count(summary.new_articles.len(), "new article"),
        );
        return Err(crate::cli::interrupt::Interrupted { signal, message }.into());
    }
    Ok(if summary.errors.is_empty() {
        ExitStatusCode::Ok
    } else {
        ExitStatusCode::SomeFailed
    })
}
