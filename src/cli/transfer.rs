//! Moving articles in and out: `import` (files, folders, stdin) and `export`
//! (JSON lines or Markdown, to stdout or to a file written whole).

use std::io::{IsTerminal, Write};
use std::path::Path;

use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::cli::args::{ExportArgs, ExportFormat, ImportArgs, ImportNewsboatArgs};
use crate::cli::interrupt::{Interrupt, Interrupted};
use crate::jobs::import::{DIR_EXTENSIONS, ImportProgress, Summary, import_paths_into};
use crate::jobs::newsboat::{self, NewsboatProgress, Places};
use crate::model::ArticleId;
use crate::store::Store;
use crate::text::markdown::markdown;

/// `docbao import`: import, print each failure and the summary line on stderr.
/// Stopped by Ctrl-C, SIGTERM or SIGHUP (between two batches, the one in
/// flight stored), it says so in a last line and returns [`Interrupted`].
pub fn import(store: &mut Store, args: &ImportArgs) -> Result<Summary> {
    let mut bar: Option<ProgressBar> = None;
    let stop = Interrupt::catch();
    let db = store.path();
    let progress = |p: ImportProgress| match p {
        ImportProgress::Started { total_bytes, stdin } => {
            if stdin && std::io::stdin().is_terminal() {
                // Typed or pasted at the terminal: say what is awaited.
                eprintln!(
                    "docbao: reading JSON lines (one article each) from the terminal; \
                     Ctrl-D ends them, Ctrl-C stops"
                );
            }
            bar = Some(progress_bar(total_bytes, stdin));
        }
        ImportProgress::File { name } => bar.iter().for_each(|b| b.set_message(name.clone())),
        ImportProgress::FileDone { bytes } => bar.iter().for_each(|b| b.inc(bytes)),
        ImportProgress::Stdin { articles } => bar.iter().for_each(|b| b.set_position(articles)),
        ImportProgress::Finished => {
            if let Some(b) = bar.take() {
                b.finish_and_clear();
            }
        }
    };
    let mut summary = Summary::default();
    let ended = import_paths_into(
        store,
        &args.paths,
        &|| stop.stopped(),
        progress,
        &mut summary,
    );
    if let Err(e) = ended {
        return Err(disk_full(e, db.as_deref(), &summary));
    }
    let mut err = std::io::stderr().lock();
    for e in summary.notes.iter().chain(&summary.errors) {
        let _ = writeln!(err, "docbao: {e}");
    }
    // Each file a folder held that was not read, up to a screenful.
    const NAMED: usize = 10;
    let skipped = summary
        .not_regular
        .iter()
        .map(|p| (p, "not a regular file"))
        .chain(
            summary
                .left_out
                .iter()
                .map(|p| (p, "not a page, JSON or feed file")),
        );
    for (p, why) in skipped.take(NAMED) {
        let _ = writeln!(
            err,
            "docbao: {}: skipped ({why})",
            crate::text::clean(&p.display().to_string())
        );
    }
    let more = (summary.not_regular.len() + summary.left_out.len()).saturating_sub(NAMED);
    if more > 0 {
        let _ = writeln!(err, "docbao: and {more} more files skipped");
    }
    if summary.inputs == 0 && summary.failed == 0 {
        let _ = writeln!(
            err,
            "docbao: nothing to import: no file ending in .{} found",
            DIR_EXTENSIONS.join(", .")
        );
    }
    let _ = writeln!(err, "{}", summary.line());
    if let (true, Some(signal)) = (summary.interrupted, stop.signal()) {
        let message = match summary.stored() {
            0 => "before any article was stored".to_string(),
            stored => format!(
                "{} stored; running the same import again goes on where it stopped (those \
                 {stored} then skipped as unchanged)",
                crate::text::count(stored, "article")
            ),
        };
        return Err(Interrupted { signal, message }.into());
    }
    Ok(summary)
}

/// An import stopped for want of space says so, with the store, and that
/// the batches stored are kept; a bare "database or disk is full" said
/// neither (a tester's report). Other errors pass as they are.
///
/// Before it, the summary line of what was stored, as an interrupted import
/// prints it (a full disk printed none).
fn disk_full(e: crate::store::StoreError, db: Option<&Path>, summary: &Summary) -> anyhow::Error {
    let full = match &e {
        crate::store::StoreError::Sql(sql) => {
            sql.sqlite_error_code() == Some(rusqlite::ErrorCode::DiskFull)
        }
        _ => false,
    };
    match (full, db) {
        (true, Some(db)) => {
            let _ = writeln!(std::io::stderr(), "{}", summary.line());
            let kept = match summary.stored() {
                0 => "no article was stored before it".to_string(),
                n => format!(
                    "the {} stored before it are kept",
                    crate::text::count(n, "article")
                ),
            };
            anyhow::anyhow!(
                "the disk holding \"{}\" is full: the import stopped there; {kept}. Free some \
                 space and run the same import again: it goes on where it stopped",
                db.display()
            )
        }
        _ => e.into(),
    }
}

/// The import's progress: bytes of files, or a count of articles from stdin.
fn progress_bar(total_bytes: u64, stdin: bool) -> ProgressBar {
    // Only on a terminal: piped or redirected runs print nothing but the summary.
    if !std::io::stderr().is_terminal() {
        return ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
    }
    if stdin {
        let bar = ProgressBar::new_spinner();
        bar.set_style(
            ProgressStyle::with_template("{spinner} importing {pos} articles… {msg}")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        );
        return bar;
    }
    let bar = ProgressBar::new(total_bytes);
    bar.set_style(
        ProgressStyle::with_template(
            "{bar:30} {bytes}/{total_bytes} {elapsed_precise} eta {eta} {wide_msg}",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar
}

/// `docbao import-newsboat`: a progress bar over the cache's items on a
/// terminal, what was skipped or failed and the summary line on stderr;
/// `false` when an item failed.
pub fn import_newsboat(store: &mut Store, args: &ImportNewsboatArgs) -> Result<bool> {
    let places = Places::from_env();
    let urls = match &args.urls {
        Some(p) => p.clone(),
        None => places.urls()?,
    };
    let cache = match &args.cache {
        Some(p) => p.clone(),
        None => places.cache()?,
    };
    let bar = if std::io::stderr().is_terminal() {
        ProgressBar::new(0)
    } else {
        ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden())
    };
    bar.set_style(
        ProgressStyle::with_template(
            "{bar:30} {pos}/{len} newsboat items {elapsed_precise} eta {eta}",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let summary = newsboat::import_newsboat(store, &urls, &cache, |p| match p {
        NewsboatProgress::Started { items } => bar.set_length(items),
        NewsboatProgress::Items { done } => bar.set_position(done),
        NewsboatProgress::Finished => bar.finish_and_clear(),
    })?;
    let mut err = std::io::stderr().lock();
    for line in summary.skipped.iter().chain(&summary.failed) {
        let _ = writeln!(err, "docbao: {line}");
    }
    let _ = writeln!(err, "{}", summary.line());
    Ok(summary.failed.is_empty())
}

/// `docbao export`: every article the filters select (all of them without
/// one, as `list` selects them) to stdout, or to `--output`; returns how
/// many. Ctrl-C or SIGTERM stops it between two
/// articles: a file written whole is then not written at all (its
/// temporary file removed), and [`Interrupted`] says so.
pub fn export(store: &Store, args: &ExportArgs, out: &mut dyn Write) -> Result<usize> {
    let filter = crate::cli::checked_filter(store, &args.filter)?;
    let stop = Interrupt::catch();
    let ids = store.ids(&filter)?;
    let export = Export {
        store,
        ids: &ids,
        format: args.format,
        stop: &stop,
    };
    match &args.output {
        None => export.write(out, "stdout"),
        Some(path) if path.as_os_str() == "-" => export.write(out, "stdout"),
        Some(path) => {
            if let Some(db) = store.path()
                && let Some(file) = store_file(path, &db)
            {
                anyhow::bail!(
                    "cannot export to \"{}\": it is {}, which this export reads; \
                     nothing was written (name another file)",
                    path.display(),
                    file
                );
            }
            let n = export.to(path)?;
            eprintln!(
                "Exported {} to {}",
                crate::text::count(n, "article"),
                path.display()
            );
            Ok(n)
        }
    }
}

/// Which of the store's files `out` names, if one: the store itself or its
/// `-wal`, `-shm` or `-journal`, through a link, `..` or another hard link
/// (the same file on the same device), or by its path where the file is
/// not there yet. Written over, the store was gone, the export said
/// "Exported 2653 articles" (a tester's report).
fn store_file(out: &Path, db: &Path) -> Option<String> {
    let out_meta = std::fs::metadata(out).ok();
    let out_path = resolved(out);
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let mut side = db.as_os_str().to_owned();
        side.push(suffix);
        let side = std::path::PathBuf::from(side);
        let same = match (&out_meta, std::fs::metadata(&side).ok()) {
            (Some(a), Some(b)) => same_file(a, &b) || out_path == resolved(&side),
            (None, None) => out_path.is_some() && out_path == resolved(&side),
            _ => false,
        };
        if same {
            let what = match suffix {
                "" => "the store",
                _ => "a file of the store",
            };
            return Some(format!("{what} \"{}\"", side.display()));
        }
    }
    None
}

/// `path` with its links, `.` and `..` resolved, also when its last part
/// is not there yet (its folder resolved, its name kept).
fn resolved(path: &Path) -> Option<std::path::PathBuf> {
    if let Ok(p) = std::fs::canonicalize(path) {
        return Some(p);
    }
    let name = path.file_name()?;
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty());
    let dir = std::fs::canonicalize(dir.unwrap_or(Path::new("."))).ok()?;
    Some(dir.join(name))
}

#[cfg(unix)]
fn same_file(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    (a.dev(), a.ino()) == (b.dev(), b.ino())
}

#[cfg(not(unix))]
fn same_file(_a: &std::fs::Metadata, _b: &std::fs::Metadata) -> bool {
    false
}

/// What an export writes, and the signal that stops it.
struct Export<'a> {
    store: &'a Store,
    ids: &'a [ArticleId],
    format: ExportFormat,
    stop: &'a Interrupt,
}

impl Export<'_> {
    /// Write an export into what `path` names, as a shell's `>` does: a
    /// symbolic link's target (the link stays); a pipe or a device written
    /// through; a file written whole or not at all (a temporary file beside
    /// it, renamed), with the permissions it had, or a new file's (the
    /// umask's).
    fn to(&self, path: &Path) -> Result<usize> {
        let target = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        let existing = std::fs::metadata(&target).ok();
        if let Some(meta) = &existing
            && !meta.is_file()
        {
            if meta.is_dir() {
                anyhow::bail!("\"{}\" is a folder: name a file to write", path.display());
            }
            let file = std::fs::OpenOptions::new()
                .write(true)
                .open(&target)
                .with_context(|| format!("cannot write \"{}\"", path.display()))?;
            let name = format!("\"{}\"", path.display());
            let mut w = std::io::BufWriter::new(file);
            let n = self.write(&mut w, &name)?;
            w.flush().map_err(|e| writing(e.into(), &name))?;
            return Ok(n);
        }
        // A file its owner made read-only (a backup kept) is refused, as the
        // shell's `>` refuses it: renamed over, it would have gone without
        // a word (a tester's report). Asked as the shell asks (`access`):
        // root may write it, a file made immutable nobody may.
        if existing.is_some()
            && let Err(e) = rustix::fs::access(&target, rustix::fs::Access::WRITE_OK)
        {
            anyhow::bail!(
                "cannot write \"{}\": {} (the file is read-only; it was left as it was)",
                path.display(),
                crate::text::io_reason(&e.into())
            );
        }
        let dir = target
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let mut builder = tempfile::Builder::new();
        // Named after the file it becomes: one a `kill -9` leaves says
        // what it is (".out.jsonl.a1B2c3.docbao-part", not ".tmpa1B2c3").
        let base = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let prefix = format!(".{base}.");
        builder.prefix(&prefix).suffix(".docbao-part");
        // A new file as any program makes one: 0666 less the umask.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            builder.permissions(std::fs::Permissions::from_mode(0o666));
        }
        // Dropped on every way out before `persist` (an error, an
        // interruption), which removes it.
        let mut tmp = builder.tempfile_in(dir).map_err(|e| {
            anyhow::anyhow!(
                "cannot write in \"{}\": {}",
                dir.display(),
                crate::text::io_reason(&e)
            )
        })?;
        let name = format!("\"{}\"", path.display());
        let n = {
            let mut w = std::io::BufWriter::new(tmp.as_file_mut());
            let n = self.write_all(&mut w).map_err(|e| match e {
                Stopped::Signal(signal, _) => anyhow::Error::new(Interrupted {
                    signal,
                    message: untouched(path, existing.is_some()),
                }),
                Stopped::Error(e) => writing(e, &name),
            })?;
            w.flush().map_err(|e| writing(e.into(), &name))?;
            n
        };
        if let Some(signal) = self.stop.signal() {
            return Err(Interrupted {
                signal,
                message: untouched(path, existing.is_some()),
            }
            .into());
        }
        if let Some(meta) = existing {
            // Set, not created with: the umask does not take from it.
            std::fs::set_permissions(tmp.path(), meta.permissions())
                .with_context(|| format!("cannot write \"{}\"", path.display()))?;
        }
        tmp.persist(&target)
            .with_context(|| format!("cannot write \"{}\"", path.display()))?;
        Ok(n)
    }

    /// Write into a stream (`name`: what messages call it, `stdout` or a
    /// quoted path), which keeps what was written before an interruption:
    /// whole articles.
    fn write(&self, out: &mut dyn Write, name: &str) -> Result<usize> {
        self.write_all(out).map_err(|e| match e {
            Stopped::Signal(signal, done) => {
                let _ = out.flush();
                Interrupted {
                    signal,
                    message: format!(
                        "{done} of {} written to {name}",
                        crate::text::count(self.ids.len(), "article")
                    ),
                }
                .into()
            }
            Stopped::Error(e) => writing(e, name),
        })
    }

    fn write_all(&self, out: &mut dyn Write) -> Result<usize, Stopped> {
        for (i, id) in self.ids.iter().enumerate() {
            if let Some(signal) = self.stop.signal() {
                return Err(Stopped::Signal(signal, i));
            }
            // Every keyword stored, a source's boilerplate tags included:
            // the reader hides those, an export carries them, so that what
            // it is imported into holds them (and `--keyword` finds them).
            let mut article = self.store.article_stored(*id)?;
            // Computed related stories are worked out again where the export
            // is imported, from what that store holds; only the page's own
            // travel (imported, they would pass for the page's).
            article
                .related
                .retain(|r| r.source != crate::model::RelatedSource::Computed);
            match self.format {
                ExportFormat::Jsonl => {
                    serde_json::to_writer(&mut *out, &article)?;
                    writeln!(out)?;
                }
                ExportFormat::Markdown => {
                    if i > 0 {
                        writeln!(out, "\n---\n")?;
                    }
                    out.write_all(markdown(&article).as_bytes())?;
                }
            }
        }
        Ok(self.ids.len())
    }
}

/// An error met writing `name` (`stdout` or a quoted path): one of
/// writing (a full disk, a device that takes nothing) names what was being
/// written, as an export's other errors do; another (the store's) is left
/// as it is.
fn writing(e: anyhow::Error, name: &str) -> anyhow::Error {
    let io = e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>().is_some()
            || c.downcast_ref::<serde_json::Error>()
                .is_some_and(|j| j.io_error_kind().is_some())
    });
    if io {
        e.context(format!("cannot write {name}"))
    } else {
        e
    }
}

/// Why an export stopped before its end.
enum Stopped {
    /// This signal came after this many articles.
    Signal(i32, usize),
    Error(anyhow::Error),
}

impl<E: Into<anyhow::Error>> From<E> for Stopped {
    fn from(e: E) -> Stopped {
        Stopped::Error(e.into())
    }
}

/// What an interrupted export to a file left of it: nothing.
fn untouched(path: &Path, existed: bool) -> String {
    if existed {
        format!("\"{}\" left as it was", path.display())
    } else {
        format!("\"{}\" not written", path.display())
    }
}
