//! The import driver: walks the paths given to `docbao import`, reads and
//! checks each file, hands it to the right parser, stores what parsed, and
//! keeps a summary. The store writes in short transactions (one in which an
//! article fails is written again with a savepoint per article), so that
//! other writers wait for well under a second; an article that fails is
//! reported by input and title, one that another writer kept
//! out past the busy timeout is tried again ([`BUSY_RETRIES`]) and reported
//! if it still is. Importing the same input again stores nothing twice, so
//! an import stopped midway is finished by running it again.
//!
//! No input is read past [`MAX_FILE_BYTES`] (a file, one JSON line of stdin or
//! of a JSON-lines file too big to read whole, which is streamed as stdin is),
//! whatever the file's size says: a device or a FIFO says nothing.
//! Progress is reported through [`ImportProgress`], the result is a [`Summary`].
//!
//! An import can be stopped (the command line's Ctrl-C): the `stop` it is
//! given is asked between two batches of articles (at most
//! [`STOP_CHUNK`] of a file, a batch of a stream) and between two files;
//! the batch in flight is stored whole first, and the summary says it was
//! stopped ([`Summary::interrupted`]).

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::ingest::{self, Format};
use crate::model::{ImportOutcome, NewArticle};
use crate::store::{Store, StoreError};

mod gzip;
mod stream;
mod walk;

use stream::{Lines, import_lines, import_stdin};
use walk::{cannot_reach, collect_dir};

/// Files above the ingesters' limit are refused before they are read.
const MAX_FILE_BYTES: u64 = crate::ingest::MAX_FILE_BYTES as u64;
/// Articles of one file stored between two looks at `stop`.
const STOP_CHUNK: usize = 256;
/// Times a batch kept out by another writer is tried again.
const BUSY_RETRIES: usize = 3;
/// File endings picked up when walking a directory: pages, JSON, and feeds
/// (an `.xml` only when it is one: its root is `rss`, `feed` or `rdf:RDF`).
pub const DIR_EXTENSIONS: &[&str] = &[
    "txt", "jsonl", "ndjson", "json", "html", "htm", "rss", "atom", "xml",
];

#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Summary {
    pub added: usize,
    pub updated: usize,
    /// Already stored with the same content.
    pub skipped: usize,
    /// Inputs (files or JSON lines) that could not be imported.
    pub failed: usize,
    /// One message per failure, naming the input (and line); past the
    /// first [`NOT_JSON_NAMED`] lines of an input that are not JSON
    /// objects, one message counts the rest (and one says how stdin is read
    /// when none of its lines was one).
    pub errors: Vec<String>,
    /// What was imported all the same but is said, naming the input and
    /// line (a page's date line that is no date).
    pub notes: Vec<String>,
    /// Files (files and stdin) read.
    pub inputs: usize,
    /// Files in the folders walked that were left out: another ending, or
    /// an `.xml` that is not a feed.
    pub left_out: Vec<PathBuf>,
    /// What the folders walked held that is not a regular file (a FIFO, a
    /// socket, a device; or a link to one), left out.
    pub not_regular: Vec<PathBuf>,
    /// Articles already stored (updated or unchanged) whose input had
    /// them read or bookmarked: the store adds those marks to theirs (it
    /// never takes one off), so a mark taken off since an export is back
    /// after importing it. Whether a mark was off before, the store's
    /// outcome does not tell.
    pub marked: usize,
    /// Stopped before the end: what is counted is stored, the rest of the
    /// inputs was not read (or not stored).
    pub interrupted: bool,
    /// Articles stored whose input named feeds that carried them (an
    /// export's `feeds`) not subscribed in this store: they are not listed
    /// under those ([`Summary::feeds_of`]).
    pub unlinked: usize,
    /// Each feed address an input named, and whether it is subscribed here.
    pub feeds_named: std::collections::BTreeMap<String, bool>,
}

impl Summary {
    fn outcome(&mut self, o: ImportOutcome, a: &NewArticle) {
        match o {
            ImportOutcome::Added(_) => self.added += 1,
            ImportOutcome::Updated(_) => self.updated += 1,
            ImportOutcome::Unchanged(_) => self.skipped += 1,
        }
        let marks = a.read == Some(true) || a.bookmarked == Some(true);
        if marks && !matches!(o, ImportOutcome::Added(_)) {
            self.marked += 1;
        }
    }

    /// Note whether the feeds `a` names as having carried it are
    /// subscribed here: the store lists an article under those only, so an
    /// export imported before its feeds' OPML loses that (imported again
    /// after it, the articles are listed under them).
    fn feeds_of(&mut self, store: &Store, a: &NewArticle) -> Result<(), StoreError> {
        let mut missing = false;
        for url in &a.feeds {
            let subscribed = match self.feeds_named.get(url) {
                Some(known) => *known,
                None => {
                    let known = store.feed_by_url(url)?.is_some();
                    self.feeds_named.insert(url.clone(), known);
                    known
                }
            };
            missing |= !subscribed;
        }
        self.unlinked += usize::from(missing);
        Ok(())
    }

    fn fail(&mut self, msg: String) {
        self.failed += 1;
        self.errors.push(msg);
    }

    /// A failure counted, not named: one of the lines past the first few
    /// that are not JSON ([`CappedLines`]).
    fn fail_unnamed(&mut self) {
        self.failed += 1;
    }

    /// Articles stored, as they were or changed.
    pub fn stored(&self) -> usize {
        self.added + self.updated + self.skipped
    }

    pub fn line(&self) -> String {
        let mut line = format!(
            "{} added, {} updated, {} skipped (unchanged), {} failed",
            self.added, self.updated, self.skipped, self.failed
        );
        if self.marked > 0 {
            let (what, was) = if self.marked == 1 {
                ("article", "was")
            } else {
                ("articles", "were")
            };
            line.push_str(&format!(
                "; {} {what} already stored {was} read or bookmarked in the input, and so \
                 {was} in the store after it (an import adds a mark it finds off, never takes \
                 one off)",
                self.marked
            ));
        }
        if self.unlinked > 0 {
            let feeds = self.feeds_named.values().filter(|known| !**known).count();
            line.push_str(&format!(
                "; {} came from {} not subscribed here and {} not listed under {}: \
                 subscribe first (`docbao feed import-opml FILE` with the other store's \
                 `feed export-opml`), then import again",
                crate::text::count(self.unlinked, "article"),
                crate::text::count(feeds, "feed"),
                if self.unlinked == 1 { "is" } else { "are" },
                if feeds == 1 { "it" } else { "them" },
            ));
        }
        line
    }
}

/// Lines of one input named when they are not JSON objects at all (a web
/// page, gzip data): past these, they are counted in one message.
pub const NOT_JSON_NAMED: usize = 10;

/// Failing lines of one input of a kind: the first `cap` named, the rest
/// counted in one line after the input's other messages.
struct CappedLines {
    named: usize,
    more: usize,
    cap: usize,
    /// What the count says of them, for one and for more: the two kinds'
    /// named lines mingle (a review's find).
    like: [&'static str; 2],
}

/// Lines of one input that failed otherwise (JSON objects that are no
/// article: no title, a field of the wrong type) named at most: a gzip
/// file of 75 KB held three million of them, each kept and printed (a
/// review's find).
const OTHER_NAMED: usize = 100;

impl CappedLines {
    /// Lines that are not JSON objects (or not UTF-8): [`NOT_JSON_NAMED`]
    /// named.
    fn not_json() -> CappedLines {
        CappedLines {
            named: 0,
            more: 0,
            cap: NOT_JSON_NAMED,
            like: ["like this", "like these"],
        }
    }

    /// JSON objects that are no article: [`OTHER_NAMED`] named.
    fn no_article() -> CappedLines {
        CappedLines {
            cap: OTHER_NAMED,
            like: ["that is no article", "that are no article"],
            ..CappedLines::not_json()
        }
    }

    fn fail(&mut self, summary: &mut Summary, message: String) {
        if self.named < self.cap {
            self.named += 1;
            summary.fail(message);
        } else {
            self.more += 1;
            summary.fail_unnamed();
        }
    }

    /// The count of the lines not named, after the input's other messages.
    fn finish(self, summary: &mut Summary, name: &str) {
        if self.more > 0 {
            let (more, s, like) = match self.more {
                1 => (1, "", self.like[0]),
                n => (n, "s", self.like[1]),
            };
            summary
                .errors
                .push(format!("{name}: … and {more} more line{s} {like}"));
        }
    }
}

/// The lines of one input of JSON lines whose date could not be read
/// ([`ingest::undated_note`]): the first [`NOT_JSON_NAMED`] named, the
/// rest counted (an export of another tool may have a thousand).
#[derive(Default)]
struct UndatedLines {
    named: usize,
    more: usize,
}

impl UndatedLines {
    fn note(&mut self, summary: &mut Summary, name: &str, line: usize, note: String) {
        if self.named < NOT_JSON_NAMED {
            self.named += 1;
            summary.notes.push(format!("{name}:{line}: {note}"));
        } else {
            self.more += 1;
        }
    }

    fn finish(self, summary: &mut Summary, name: &str) {
        if self.more > 0 {
            let (more, s) = (self.more, if self.more == 1 { "" } else { "s" });
            summary.notes.push(format!(
                "{name}: … and {more} more line{s} with a date docbao does not read, \
                 stored undated"
            ));
        }
    }
}

/// Messages from an import in progress (for a progress bar).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportProgress {
    /// The inputs are known: the bytes of all files (each counted up to
    /// [`MAX_FILE_BYTES`]), and whether stdin is among them.
    Started { total_bytes: u64, stdin: bool },
    /// This file is being read (its file name, without the folder).
    File { name: String },
    /// Bytes of files done: a whole file (up to [`MAX_FILE_BYTES`]), or
    /// the next batch of a JSON-lines file too big to read whole.
    FileDone { bytes: u64 },
    /// Articles from stdin stored so far (added, updated or unchanged).
    Stdin { articles: u64 },
    /// Everything is read and stored.
    Finished,
}

/// An import of at least this many bytes (and no smaller than the store it
/// goes into) is a bulk import ([`Store::begin_bulk_import`]): about 2,000
/// articles. The indexes it builds at its end cover the whole store, so a
/// smaller import into a bigger store keeps them up to date instead.
const BULK_MIN_BYTES: u64 = 8 << 20;

enum Input {
    Stdin,
    File(PathBuf),
}

/// Import everything under `paths`. `-` reads JSON lines from stdin.
/// `stop` is asked between batches: once it says yes, the import stops
/// after the batch in flight ([`Summary::interrupted`]).
pub fn import_paths(
    store: &mut Store,
    paths: &[PathBuf],
    stop: &dyn Fn() -> bool,
    progress: impl FnMut(ImportProgress),
) -> Result<Summary, StoreError> {
    let mut summary = Summary::default();
    import_paths_into(store, paths, stop, progress, &mut summary)?;
    Ok(summary)
}

/// [`import_paths`], counting into `summary`: what was stored before an
/// error (a full disk) stays counted there.
pub fn import_paths_into(
    store: &mut Store,
    paths: &[PathBuf],
    stop: &dyn Fn() -> bool,
    mut progress: impl FnMut(ImportProgress),
    summary: &mut Summary,
) -> Result<(), StoreError> {
    store.tune_for_bulk_import()?;
    let mut inputs = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            inputs.push(Input::Stdin);
        } else {
            match std::fs::metadata(p) {
                Ok(m) if m.is_dir() => collect_dir(p, &mut inputs, summary),
                Ok(_) => inputs.push(Input::File(p.clone())),
                Err(e) => summary.fail(cannot_reach(p, &e)),
            }
        }
    }
    summary.inputs = inputs.len();
    let total_bytes: u64 = inputs
        .iter()
        .filter_map(|i| match i {
            Input::File(p) => std::fs::metadata(p).ok().map(|m| {
                // Streamed: its bytes as read (a gzip file's compressed).
                if streamed(p, &m) {
                    m.len()
                } else {
                    m.len().min(MAX_FILE_BYTES)
                }
            }),
            Input::Stdin => None,
        })
        .sum();
    progress(ImportProgress::Started {
        total_bytes,
        stdin: inputs.iter().any(|i| matches!(i, Input::Stdin)),
    });
    // A big import (for the store it goes into) keeps two keyword indexes
    // out and builds them once at its end, however it ends.
    let bulk = total_bytes >= BULK_MIN_BYTES && total_bytes >= store.file_bytes()?;
    if bulk {
        store.begin_bulk_import()?;
    }
    let imported = import_inputs(store, inputs, summary, stop, &mut progress);
    if bulk {
        store.end_bulk_import()?;
    }
    imported?;
    progress(ImportProgress::Finished);
    store.flush_keyword_stats()?;
    trace_store_thread_cpu();
    // Articles the keyword rules failed on: stored, without auto keywords.
    summary.notes.extend(crate::text::guard::take_notes());
    Ok(())
}

/// Import each input in turn.
fn import_inputs(
    store: &mut Store,
    inputs: Vec<Input>,
    summary: &mut Summary,
    stop: &dyn Fn() -> bool,
    progress: &mut impl FnMut(ImportProgress),
) -> Result<(), StoreError> {
    for input in inputs {
        if stop() {
            summary.interrupted = true;
            break;
        }
        match input {
            Input::Stdin => import_stdin(store, summary, stop, progress)?,
            Input::File(path) => {
                let meta = std::fs::metadata(&path);
                let len = meta.as_ref().map(|m| m.len()).unwrap_or(0);
                progress(ImportProgress::File {
                    name: short_name(&path),
                });
                if meta.is_ok_and(|m| streamed(&path, &m)) {
                    import_big_jsonl(store, &path, summary, stop, progress)?;
                    continue;
                }
                import_file(store, &path, summary, stop)?;
                progress(ImportProgress::FileDone {
                    bytes: len.min(MAX_FILE_BYTES),
                });
            }
        }
    }
    Ok(())
}

/// With `DOCBAO_TRACE_LOCK` set, the CPU time of the store's thread (this
/// one) goes to stderr: the import's critical path, steadier than the wall
/// time on a shared machine. Linux only (`/proc/thread-self/stat`).
fn trace_store_thread_cpu() {
    if std::env::var_os("DOCBAO_TRACE_LOCK").is_none() {
        return;
    }
    let Ok(stat) = std::fs::read_to_string("/proc/thread-self/stat") else {
        return;
    };
    // Fields after the command name's closing bracket: utime and stime are
    // the 12th and 13th, in clock ticks (100 a second on Linux).
    let Some((_, rest)) = stat.rsplit_once(')') else {
        return;
    };
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| f.get(i).and_then(|v| v.parse::<u64>().ok()).unwrap_or(0);
    eprintln!(
        "docbao: the store's thread used {:.2} s user, {:.2} s system",
        ticks(11) as f64 / 100.0,
        ticks(12) as f64 / 100.0
    );
}

fn short_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Read, check, parse and store one file. Errors naming the file go into the
/// summary; only a store failure is returned.
fn import_file(
    store: &mut Store,
    path: &Path,
    summary: &mut Summary,
    stop: &dyn Fn() -> bool,
) -> Result<(), StoreError> {
    let name = path.display().to_string();
    match std::fs::metadata(path) {
        Ok(m) if m.len() > MAX_FILE_BYTES => {
            summary.fail(format!(
                "{name}: file is {:.1} MiB, over the {} MiB limit",
                m.len() as f64 / (1024.0 * 1024.0),
                MAX_FILE_BYTES / (1024 * 1024)
            ));
            return Ok(());
        }
        Ok(_) => {}
        Err(e) => {
            summary.fail(format!("{name}: cannot read: {e}"));
            return Ok(());
        }
    }
    let bytes = match read_capped(path) {
        Ok(Some(b)) => b,
        Ok(None) => {
            summary.fail(format!(
                "{name}: over the {} MiB limit (not a regular file: reading stopped there)",
                MAX_FILE_BYTES / (1024 * 1024)
            ));
            return Ok(());
        }
        Err(e) => {
            summary.fail(format!("{name}: cannot read: {e}"));
            return Ok(());
        }
    };
    // Gzip data: what it holds, named by the file's name without `.gz`.
    let (bytes, kind_name) = if bytes.starts_with(gzip::MAGIC) {
        match gzip::gunzip_capped(&bytes) {
            Ok(Some(plain)) => (plain, path.with_extension("").display().to_string()),
            Ok(None) => {
                summary.fail(format!(
                    "{name}: over the {} MiB limit once decompressed (JSON lines, \
                     `.jsonl.gz`, are read as a stream, of any size)",
                    MAX_FILE_BYTES / (1024 * 1024)
                ));
                return Ok(());
            }
            Err(e) => {
                summary.fail(format!("{name}: cannot read: {e}"));
                return Ok(());
            }
        }
    } else {
        (bytes, name.clone())
    };
    let format = match ingest::detect_named(&kind_name, &bytes) {
        Ok(format) => format,
        // Gzip data is decompressed first (`feed import-opml` reads no
        // gzip): the command said did not work as given (a review's find).
        Err(ingest::IngestError::Opml { .. }) if kind_name != name => {
            summary.fail(format!(
                "{name}: is a gzip-compressed OPML list of feeds, not articles: decompress it \
                 (`gzip -dc {} > feeds.opml`), then give that to `docbao feed import-opml`",
                ingest::shell_quoted(&name)
            ));
            return Ok(());
        }
        // Named by the file's own path.
        Err(ingest::IngestError::Opml { .. }) => {
            summary.fail(ingest::IngestError::Opml { name }.to_string());
            return Ok(());
        }
        Err(e) => {
            summary.fail(e.to_string());
            return Ok(());
        }
    };
    if let Format::Json | Format::Feed = format {
        // Read whole (an array of articles, a feed's items); each bad item named.
        let articles = match ingest::parse_document(&name, format, &bytes) {
            Ok((items, notes)) => {
                summary.notes.extend(notes);
                items
                    .into_iter()
                    .filter_map(|r| r.map_err(|e| summary.fail(e)).ok())
            }
            Err(e) => {
                summary.fail(e.to_string());
                return Ok(());
            }
        };
        return store_batch(store, &name, &articles.collect::<Vec<_>>(), summary, stop);
    }
    if format == Format::Html {
        // HTML decodes itself: the page declares its own encoding.
        match ingest::html::parse_html_named(&name, &bytes, None, None) {
            Ok(a) => return store_batch(store, &name, &[a], summary, stop),
            Err(e) => {
                summary.fail(e.to_string());
                return Ok(());
            }
        }
    }
    // A file its name says holds JSON lines is read line by line whatever
    // its bytes: a block of NUL bytes (what a crash leaves) refused it
    // whole as binary, where the same lines gzipped or on stdin failed
    // alone (a review's find). Binary data so named fails line by line.
    let named_lines = {
        let k = kind_name.to_ascii_lowercase();
        k.ends_with(".jsonl") || k.ends_with(".ndjson")
    };
    let mut not_json = CappedLines::not_json();
    let text = match ingest::decode_text(&name, &bytes) {
        Ok(t) => t,
        Err(ingest::IngestError::InvalidUtf8 { .. }) if format == Format::JsonLines => {
            jsonl_valid_lines(&name, &bytes, summary, &mut not_json)
        }
        Err(ingest::IngestError::Binary { .. }) if named_lines => {
            jsonl_valid_lines(&name, &bytes, summary, &mut not_json)
        }
        Err(e) => {
            summary.fail(e.to_string());
            return Ok(());
        }
    };
    let articles: Vec<NewArticle> = match format {
        Format::PageText => match ingest::page_text::read_page_text(&text) {
            Ok((a, notes)) => {
                for n in notes {
                    summary
                        .notes
                        .push(format!("{name}:{}: {}", n.line, n.message));
                }
                vec![a]
            }
            Err(e) => {
                summary.fail(format!("{name}: {e}"));
                return Ok(());
            }
        },
        Format::JsonLines => {
            let mut ok = Vec::new();
            let mut other = CappedLines::no_article();
            let mut undated = UndatedLines::default();
            for result in ingest::parse_jsonl_numbered(&text) {
                match result {
                    Ok((line, a)) => {
                        if let Some(note) = ingest::undated_note(&a) {
                            undated.note(summary, &name, line, note);
                        }
                        ok.push(a)
                    }
                    Err(e) => {
                        let message = format!("{name}:{}: {}", e.line, e.kind);
                        match e.kind {
                            ingest::LineErrorKind::Json(_)
                            | ingest::LineErrorKind::NotAnObject(_) => {
                                not_json.fail(summary, message)
                            }
                            _ => other.fail(summary, message),
                        }
                    }
                }
            }
            not_json.finish(summary, &name);
            other.finish(summary, &name);
            undated.finish(summary, &name);
            ok
        }
        // Parsed above, from the bytes.
        Format::Html | Format::Json | Format::Feed => Vec::new(),
    };
    store_batch(store, &name, &articles, summary, stop)
}

/// What is said of a JSON line that is not UTF-8 (from a file or stdin).
fn not_utf8_line(name: &str, line: usize, e: &std::str::Utf8Error) -> String {
    format!(
        "{name}:{line}: not valid UTF-8 at byte {} of the line; convert the input to UTF-8 first",
        e.valid_up_to()
    )
}

/// A JSON-lines file with lines that are not UTF-8: each such line fails,
/// named, as on stdin; the others are kept, in place (a blank line for each
/// bad one, so that the lines keep their numbers).
fn jsonl_valid_lines(
    name: &str,
    bytes: &[u8],
    summary: &mut Summary,
    not_json: &mut CappedLines,
) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut text = String::with_capacity(bytes.len());
    for (i, line) in bytes.split(|&b| b == b'\n').enumerate() {
        match ingest::utf8(line) {
            Ok(l) => text.push_str(l.strip_suffix('\r').unwrap_or(l)),
            Err(e) => not_json.fail(summary, not_utf8_line(name, i + 1, &e)),
        }
        text.push('\n');
    }
    text
}

/// A JSON-lines file (`.jsonl`, `.ndjson`) too big to read whole is read as
/// a stream, line by line, as stdin is: the limit is one record's, not the
/// file's (an export of a big store re-imports).
/// So is a gzip-compressed one (`.jsonl.gz`), whatever its size.
fn streamed(path: &Path, meta: &std::fs::Metadata) -> bool {
    let lines = |p: &Path| {
        let ext = p.extension().map(|x| x.to_string_lossy().to_lowercase());
        matches!(ext.as_deref(), Some("jsonl" | "ndjson"))
    };
    meta.is_file()
        && ((meta.len() > MAX_FILE_BYTES && lines(path))
            || ((lines(path) || lines(&path.with_extension(""))) && gzip::gzipped(path)))
}

fn import_big_jsonl(
    store: &mut Store,
    path: &Path,
    summary: &mut Summary,
    stop: &dyn Fn() -> bool,
    progress: &mut impl FnMut(ImportProgress),
) -> Result<(), StoreError> {
    let name = path.display().to_string();
    match std::fs::File::open(path) {
        Ok(f) if gzip::gzipped(path) => {
            let (reader, read) = gzip::lines_of(f);
            let lines = Lines {
                name,
                reader,
                compressed: Some(read),
            };
            import_lines(store, lines, summary, stop, progress)
        }
        Ok(f) => {
            let reader = Box::new(std::io::BufReader::with_capacity(1 << 20, f));
            let lines = Lines {
                name,
                reader,
                compressed: None,
            };
            import_lines(store, lines, summary, stop, progress)
        }
        Err(e) => {
            summary.fail(format!("{name}: cannot read: {e}"));
            Ok(())
        }
    }
}

/// A file's bytes, reading no more than [`MAX_FILE_BYTES`] + 1 of it: `None`
/// when there is more (a device or a FIFO, whose size is not known before).
fn read_capped(path: &Path) -> std::io::Result<Option<Vec<u8>>> {
    let file = std::fs::File::open(path)?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= MAX_FILE_BYTES).then_some(bytes))
}

/// Store articles; those another writer kept out past the busy timeout
/// ([`StoreError::Busy`]) are tried again, up to [`BUSY_RETRIES`] times.
fn import_retrying(
    store: &mut Store,
    articles: &[NewArticle],
    results: Option<Vec<Result<ImportOutcome, StoreError>>>,
) -> Result<Vec<Result<ImportOutcome, StoreError>>, StoreError> {
    let mut results = match results {
        Some(r) => r,
        None => store.import_batch(articles)?,
    };
    for _ in 0..BUSY_RETRIES {
        let busy: Vec<usize> = (0..results.len())
            .filter(|&i| matches!(&results[i], Err(e) if e.is_busy()))
            .collect();
        if busy.is_empty() {
            break;
        }
        let again: Vec<NewArticle> = busy.iter().map(|&i| articles[i].clone()).collect();
        for (i, r) in busy.into_iter().zip(store.import_batch(&again)?) {
            results[i] = r;
        }
    }
    Ok(results)
}

/// Store one file's articles, [`STOP_CHUNK`] at a time, asking `stop`
/// before each.
fn store_batch(
    store: &mut Store,
    name: &str,
    articles: &[NewArticle],
    summary: &mut Summary,
    stop: &dyn Fn() -> bool,
) -> Result<(), StoreError> {
    for chunk in articles.chunks(STOP_CHUNK) {
        if stop() {
            summary.interrupted = true;
            return Ok(());
        }
        for (a, result) in chunk.iter().zip(import_retrying(store, chunk, None)?) {
            match result {
                Ok(o) => {
                    summary.outcome(o, a);
                    summary.feeds_of(store, a)?;
                }
                Err(e) => summary.fail(format!("{name}: \"{}\": {e}", a.title)),
            }
        }
    }
    Ok(())
}
