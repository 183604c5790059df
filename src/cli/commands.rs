//! What each command does. Output goes through one writer so that a closed
//! pipe (`docbao list | head`) ends quietly instead of panicking.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use crate::cli::args::{
    ExportArgs, ExportFormat, ImportArgs, KeywordsArgs, ListArgs, RelatedArgs, SearchArgs, ShowArgs,
};
use crate::ingest;
use crate::jobs::import::{Summary, import_paths};
use crate::model::ParagraphKind;
use crate::model::{Article, ArticleId, ListFilter, RelatedSource};
use crate::store::Store;
use crate::text::layout::{layout_article, meta_line};

const DEMO_PAGE: &str = include_str!("../../assets/demo/dan-van-2021-03-05.txt");
const DEMO_JSONL: &str = include_str!("../../assets/demo/dantri-30.jsonl");

/// Resolve the database path: `--db`/`DOCBAO_DB` (clap reads both), else the data dir.
pub fn db_path(flag: Option<PathBuf>) -> Result<PathBuf> {
    match flag {
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
    let mut n = 0;
    for r in results {
        r?;
        n += 1;
    }
    Ok(n)
}

pub fn import(store: &mut Store, args: &ImportArgs) -> Result<Summary> {
    let summary = import_paths(store, &args.paths)?;
    let mut err = std::io::stderr().lock();
    for e in &summary.errors {
        let _ = writeln!(err, "docbao: {e}");
    }
    let _ = writeln!(err, "{}", summary.line());
    Ok(summary)
}

pub fn list(store: &Store, args: &ListArgs, out: &mut dyn Write) -> Result<()> {
    let filter = args.filter.to_filter();
    let rows = store.list(&filter, None, args.limit.unwrap_or(usize::MAX))?;
    if args.json {
        serde_json::to_writer_pretty(&mut *out, &rows)?;
        writeln!(out)?;
        return Ok(());
    }
    if rows.is_empty() {
        writeln!(out, "No articles match.")?;
        return Ok(());
    }
    let id_width = rows
        .iter()
        .map(|r| r.id.0.to_string().len())
        .max()
        .unwrap_or(1);
    for r in &rows {
        let date = r
            .published
            .as_deref()
            .and_then(|p| p.get(..10))
            .or(r.date_text.as_deref())
            .unwrap_or("");
        let marks = format!(
            "{}{}",
            if r.read { ' ' } else { '•' },
            if r.bookmarked { '★' } else { ' ' }
        );
        let site = r
            .site
            .as_deref()
            .map(|s| format!("  [{s}]"))
            .unwrap_or_default();
        writeln!(
            out,
            "{:>id_width$} {marks} {date:<10}  {}{site}",
            r.id.0, r.title
        )?;
    }
    Ok(())
}

/// How `search` marks the matched words in a snippet: bold on a terminal
/// (unless `NO_COLOR`), brackets otherwise, so piped output has no escape codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marks {
    Brackets,
    Bold,
}

impl Marks {
    pub fn for_stdout() -> Marks {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        if std::io::stdout().is_terminal() && !no_color {
            Marks::Bold
        } else {
            Marks::Brackets
        }
    }

    fn pair(self) -> (&'static str, &'static str) {
        match self {
            Marks::Brackets => ("[", "]"),
            Marks::Bold => ("\x1b[1m", "\x1b[22m"),
        }
    }
}

pub fn search(store: &Store, args: &SearchArgs, marks: Marks, out: &mut dyn Write) -> Result<()> {
    let filter = args.filter.to_filter();
    let query = args.query.join(" ");
    let hits = store.search(&query, &filter, args.limit)?;
    if args.json {
        // The snippet marks matches with [ ] in JSON, whatever stdout is.
        let v: Vec<_> = hits
            .iter()
            .map(|h| {
                serde_json::json!({
                    "id": h.id.0,
                    "title": h.title,
                    "published": h.published,
                    "snippet": h.snippet.marked("[", "]"),
                    "score": h.score,
                })
            })
            .collect();
        serde_json::to_writer_pretty(&mut *out, &v)?;
        writeln!(out)?;
        return Ok(());
    }
    if hits.is_empty() {
        writeln!(out, "No articles match.")?;
        return Ok(());
    }
    let id_width = hits
        .iter()
        .map(|h| h.id.0.to_string().len())
        .max()
        .unwrap_or(1);
    let (open, close) = marks.pair();
    for h in &hits {
        let date = h
            .published
            .as_deref()
            .and_then(|p| p.get(..10))
            .or(h.date_text.as_deref())
            .unwrap_or("");
        writeln!(out, "{:>id_width$}  {date:<10}  {}", h.id.0, h.title)?;
        if !h.snippet.text.is_empty() {
            let pad = id_width + 2;
            writeln!(out, "{:pad$}{}", "", h.snippet.marked(open, close))?;
        }
    }
    Ok(())
}

fn terminal_width() -> usize {
    if std::io::stdout().is_terminal()
        && let Ok((w, _)) = ratatui::crossterm::terminal::size()
        && w >= 10
    {
        return w as usize;
    }
    80
}

pub fn show(store: &mut Store, args: &ShowArgs, out: &mut dyn Write) -> Result<()> {
    store.ensure_computed_related(ArticleId(args.id))?;
    let article = store.article(ArticleId(args.id))?;
    if args.json {
        serde_json::to_writer_pretty(&mut *out, &article)?;
        writeln!(out)?;
        return Ok(());
    }
    let width = args.width.map(usize::from).unwrap_or_else(terminal_width);
    for line in layout_article(&article, width) {
        writeln!(out, "{}", line.text)?;
    }
    Ok(())
}

pub fn related(store: &mut Store, args: &RelatedArgs, out: &mut dyn Write) -> Result<()> {
    store.ensure_computed_related(ArticleId(args.id))?;
    let article = store.article(ArticleId(args.id))?;
    if args.json {
        let v: Vec<_> = article
            .related
            .iter()
            .map(|r| {
                serde_json::json!({
                    "title": r.title,
                    "url": r.url,
                    "excerpt": r.excerpt,
                    "article_id": r.article_id,
                    "source": match r.source {
                        RelatedSource::Page => "page",
                        RelatedSource::Computed => "computed",
                    },
                })
            })
            .collect();
        serde_json::to_writer_pretty(&mut *out, &v)?;
        writeln!(out)?;
        return Ok(());
    }
    if article.related.is_empty() {
        writeln!(out, "No related stories.")?;
    }
    for (i, r) in article.related.iter().enumerate() {
        let id = r
            .article_id
            .map_or("not stored".to_string(), |id| format!("id {id}"));
        let src = if r.source == RelatedSource::Computed {
            ", computed"
        } else {
            ""
        };
        writeln!(out, "{}. {} ({id}{src})", i + 1, r.title)?;
        if let Some(u) = &r.url {
            writeln!(out, "   {u}")?;
        }
    }
    Ok(())
}

pub fn keywords(store: &Store, args: &KeywordsArgs, out: &mut dyn Write) -> Result<()> {
    let rows = store.keywords(args.limit)?;
    if args.json {
        let v: Vec<_> = rows
            .iter()
            .map(|(name, count)| serde_json::json!({"name": name, "count": count}))
            .collect();
        serde_json::to_writer_pretty(&mut *out, &v)?;
        writeln!(out)?;
        return Ok(());
    }
    for (name, count) in rows {
        writeln!(out, "{count:>6}  {name}")?;
    }
    Ok(())
}

pub fn export(store: &Store, args: &ExportArgs, out: &mut dyn Write) -> Result<usize> {
    let filter = ListFilter {
        bookmarked: args.bookmarked,
        ..ListFilter::default()
    };
    let ids = store.ids(&filter)?;
    match &args.output {
        None => write_export(store, &ids, args.format, out),
        Some(path) => {
            // Written whole or not at all: a temporary file beside the target, renamed.
            let dir = path
                .parent()
                .filter(|d| !d.as_os_str().is_empty())
                .unwrap_or(Path::new("."));
            let mut tmp = tempfile::NamedTempFile::new_in(dir)
                .with_context(|| format!("cannot write in \"{}\"", dir.display()))?;
            let n = {
                let mut w = std::io::BufWriter::new(tmp.as_file_mut());
                let n = write_export(store, &ids, args.format, &mut w)?;
                w.flush()?;
                n
            };
            tmp.persist(path)
                .with_context(|| format!("cannot write \"{}\"", path.display()))?;
            eprintln!("Exported {n} articles to {}", path.display());
            Ok(n)
        }
    }
}

fn write_export(
    store: &Store,
    ids: &[ArticleId],
    format: ExportFormat,
    out: &mut dyn Write,
) -> Result<usize> {
    for (i, id) in ids.iter().enumerate() {
        let article = store.article(*id)?;
        match format {
            ExportFormat::Jsonl => {
                serde_json::to_writer(&mut *out, &article)?;
                writeln!(out)?;
            }
            ExportFormat::Markdown => {
                if i > 0 {
                    writeln!(out, "\n---\n")?;
                }
                write_markdown(&article, out)?;
            }
        }
    }
    Ok(ids.len())
}

fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '\\' | '*' | '_' | '[' | ']' | '<' | '>' | '`' | '#') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn write_markdown(a: &Article, out: &mut dyn Write) -> Result<()> {
    writeln!(out, "# {}\n", md_escape(&a.title))?;
    let meta = meta_line(a);
    if !meta.is_empty() {
        writeln!(out, "*{}*\n", md_escape(&meta))?;
    }
    if let Some(url) = &a.url {
        writeln!(out, "<{url}>\n")?;
    }
    if let Some(lead) = &a.lead {
        writeln!(out, "**{}**\n", md_escape(lead))?;
    }
    for p in &a.paragraphs {
        let t = md_escape(&p.text);
        match p.kind {
            ParagraphKind::Text => writeln!(out, "{t}\n")?,
            ParagraphKind::Caption => writeln!(out, "*{t}*\n")?,
            ParagraphKind::Heading => writeln!(out, "## {t}\n")?,
            ParagraphKind::Quote => writeln!(out, "> {t}\n")?,
        }
    }
    if !a.keywords.is_empty() {
        let names: Vec<String> = a.keywords.iter().map(|k| md_escape(&k.name)).collect();
        writeln!(out, "Keywords: {}\n", names.join(", "))?;
    }
    if !a.related.is_empty() {
        writeln!(out, "## Related stories\n")?;
        for r in &a.related {
            let title = md_escape(&r.title);
            match &r.url {
                Some(u) => write!(out, "- [{title}](<{u}>)")?,
                None => write!(out, "- {title}")?,
            }
            match &r.excerpt {
                Some(e) => writeln!(out, " — {}", md_escape(e))?,
                None => writeln!(out)?,
            }
        }
    }
    Ok(())
}

/// Open the store, refusing to go on without one.
pub fn open_store(path: &Path) -> Result<Store> {
    Ok(Store::open(path)?)
}

/// The no-command path: load the demo into an empty store unless told not to.
pub fn ensure_demo(store: &mut Store, path: &Path, no_demo: bool) -> Result<()> {
    if no_demo || store.count(&ListFilter::default())? > 0 {
        return Ok(());
    }
    let n = load_demo(store)?;
    eprintln!(
        "docbao: the store at {} was empty, so it now holds {n} demo articles (start with --no-demo to skip this).",
        path.display()
    );
    Ok(())
}

/// Refuse a flag combination clap cannot express.
pub fn check_show_args(args: &ShowArgs) -> Result<()> {
    if args.json && args.width.is_some() {
        bail!("--width has no effect with --json");
    }
    Ok(())
}

pub fn add(store: &mut Store, args: &crate::cli::args::AddArgs, out: &mut dyn Write) -> Result<()> {
    let fetcher = crate::jobs::feeds::default_fetcher(Some(args.timeout));
    let (outcome, title) = crate::jobs::feeds::add_page(store, &fetcher, &args.url)?;
    let verb = match outcome {
        crate::model::ImportOutcome::Added(_) => "Saved",
        crate::model::ImportOutcome::Updated(_) => "Updated",
        crate::model::ImportOutcome::Unchanged(_) => "Already saved",
    };
    writeln!(out, "{verb}: {title} (id {}, bookmarked)", outcome.id())?;
    Ok(())
}

pub fn feed(
    store: &mut Store,
    cmd: &crate::cli::args::FeedCommand,
    out: &mut dyn Write,
) -> Result<()> {
    use crate::cli::args::FeedCommand;
    match cmd {
        FeedCommand::Add {
            url,
            full_page,
            timeout,
        } => {
            let fetcher = crate::jobs::feeds::default_fetcher(Some(*timeout));
            let (feed, summary) = crate::jobs::feeds::subscribe(store, &fetcher, url, *full_page)?;
            let mut err = std::io::stderr().lock();
            for e in &summary.errors {
                let _ = writeln!(err, "docbao: {e}");
            }
            writeln!(
                out,
                "Subscribed to {} (feed {}): {} new articles.",
                feed.name(),
                feed.id,
                summary.new_articles.len()
            )?;
        }
        FeedCommand::List { json } => {
            let feeds = store.feeds()?;
            if *json {
                serde_json::to_writer_pretty(&mut *out, &feeds)?;
                writeln!(out)?;
            } else if feeds.is_empty() {
                writeln!(out, "No feeds yet. Subscribe with: docbao feed add URL")?;
            } else {
                for f in &feeds {
                    let checked = f
                        .checked_at
                        .and_then(|t| chrono::DateTime::from_timestamp(t, 0))
                        .map_or("never".to_string(), |d| {
                            d.format("%Y-%m-%d %H:%M UTC").to_string()
                        });
                    let full = if f.full_page { ", full pages" } else { "" };
                    writeln!(
                        out,
                        "{:>3}  {}  ({} items, checked {checked}{full})",
                        f.id,
                        f.name(),
                        f.items
                    )?;
                    writeln!(out, "     {}", f.url)?;
                    if let Some(e) = &f.last_error {
                        writeln!(out, "     last error: {e}")?;
                    }
                }
            }
        }
        FeedCommand::Remove { id } => {
            store.remove_feed(*id)?;
            writeln!(out, "Unsubscribed from feed {id}; its articles stay.")?;
        }
        FeedCommand::ImportOpml { file } => {
            let text = std::fs::read_to_string(file)
                .with_context(|| format!("cannot read \"{}\"", file.display()))?;
            let doc = opml::OPML::from_str(&text).map_err(|e| {
                anyhow::anyhow!("{}: not an OPML file docbao can read: {e}", file.display())
            })?;
            let mut stack: Vec<&opml::Outline> = doc.body.outlines.iter().collect();
            let (mut added, mut known) = (0, 0);
            while let Some(o) = stack.pop() {
                stack.extend(o.outlines.iter());
                let Some(url) = o.xml_url.as_deref().filter(|u| !u.trim().is_empty()) else {
                    continue;
                };
                let title = o
                    .title
                    .as_deref()
                    .or(Some(o.text.as_str()))
                    .filter(|t| !t.is_empty());
                match store.add_feed(url.trim(), title, false) {
                    Ok(_) => added += 1,
                    Err(crate::store::FeedStoreError::Exists { .. }) => known += 1,
                    Err(e) => return Err(e.into()),
                }
            }
            writeln!(
                out,
                "{added} feeds added, {known} already subscribed. Fetch them with: docbao update"
            )?;
        }
        FeedCommand::ExportOpml => {
            let mut doc = opml::OPML {
                head: Some(opml::Head {
                    title: Some("docbao subscriptions".into()),
                    ..Default::default()
                }),
                ..Default::default()
            };
            for f in store.feeds()? {
                doc.add_feed(f.name(), &f.url);
            }
            let xml = doc
                .to_string()
                .map_err(|e| anyhow::anyhow!("cannot write OPML: {e}"))?;
            writeln!(out, "{xml}")?;
        }
    }
    Ok(())
}

/// How a command ended, for the process exit status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitStatusCode {
    Ok,
    /// Something failed (a feed, an input): exit 1, for cron.
    SomeFailed,
}

pub fn update(store: &mut Store, args: &crate::cli::args::UpdateArgs) -> Result<ExitStatusCode> {
    use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
    let fetcher = crate::jobs::feeds::default_fetcher(Some(args.timeout));
    let bar = if std::io::stderr().is_terminal() {
        ProgressBar::new(0)
    } else {
        ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden())
    };
    bar.set_style(
        ProgressStyle::with_template("{bar:30} {pos}/{len} feeds {wide_msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let summary =
        crate::jobs::feeds::update_all(store, &fetcher, args.jobs as usize, |p| match p {
            crate::jobs::feeds::Progress::Started { total } => bar.set_length(total as u64),
            crate::jobs::feeds::Progress::FeedDone {
                done, name, new, ..
            } => {
                bar.set_position(done as u64);
                bar.set_message(format!("{name}: {new} new"));
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
    for e in &summary.errors {
        let _ = writeln!(err, "docbao: {e}");
    }
    let failed_feeds = store
        .feeds()?
        .iter()
        .filter(|f| f.last_error.is_some())
        .count();
    let _ = writeln!(
        err,
        "{} feeds: {} new articles, {} unchanged, {} failed",
        summary.feeds,
        summary.new_articles.len(),
        summary.not_modified,
        failed_feeds
    );
    Ok(if summary.errors.is_empty() {
        ExitStatusCode::Ok
    } else {
        ExitStatusCode::SomeFailed
    })
}
