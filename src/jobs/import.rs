//! The import driver: walks the paths given to `docbao import`, reads and
//! checks each file, hands it to the right parser, stores what parsed, and
//! keeps a summary. The store writes in short transactions (a savepoint per
//! article), so that other writers wait for well under a second; an article
//! that fails is reported by input and title, one that another writer kept
//! out past the busy timeout is tried again ([`BUSY_RETRIES`]) and reported
//! if it still is. Importing the same input again stores nothing twice, so
//! an import stopped midway is finished by running it again.
//!
//! No input is read past [`MAX_FILE_BYTES`] (a file, one JSON line of stdin or
//! of a JSON-lines file too big to read whole, which is streamed as stdin is),
//! whatever the file's size says: a device or a FIFO says nothing.
//! Progress is reported through [`ImportProgress`], the result is a [`Summary`].

use std::io::{BufRead, Read};
use std::path::{Path, PathBuf};

use crate::ingest::{self, Format};
use crate::model::{ImportOutcome, NewArticle};
use crate::store::{LookedUp, PreparedBatch, Store, StoreError};

/// Files above the ingesters' limit are refused before they are read.
const MAX_FILE_BYTES: u64 = crate::ingest::MAX_FILE_BYTES as u64;
/// JSON lines read from stdin are stored in batches of this many lines, or
/// fewer when they add up to this many bytes.
const STDIN_BATCH_LINES: usize = 500;
const STDIN_BATCH_BYTES: usize = MAX_FILE_BYTES as usize;
/// A line over the limit is skipped to its end, but not further than this:
/// input that long without a line break is not JSON lines.
const STDIN_MAX_SKIP: u64 = 32 * MAX_FILE_BYTES;
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
    /// One message per failure, naming the input (and line).
    pub errors: Vec<String>,
    /// Files (files and stdin) read.
    pub inputs: usize,
    /// Files in the folders walked that were left out: another ending, or
    /// an `.xml` that is not a feed.
    pub left_out: Vec<PathBuf>,
}

impl Summary {
    fn outcome(&mut self, o: ImportOutcome) {
        match o {
            ImportOutcome::Added(_) => self.added += 1,
            ImportOutcome::Updated(_) => self.updated += 1,
            ImportOutcome::Unchanged(_) => self.skipped += 1,
        }
    }

    fn fail(&mut self, msg: String) {
        self.failed += 1;
        self.errors.push(msg);
    }

    pub fn line(&self) -> String {
        format!(
            "{} added, {} updated, {} skipped (unchanged), {} failed",
            self.added, self.updated, self.skipped, self.failed
        )
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

enum Input {
    Stdin,
    File(PathBuf),
}

/// Import everything under `paths`. `-` reads JSON lines from stdin.
pub fn import_paths(
    store: &mut Store,
    paths: &[PathBuf],
    mut progress: impl FnMut(ImportProgress),
) -> Result<Summary, StoreError> {
    let mut summary = Summary::default();
    store.tune_for_bulk_import()?;
    let mut inputs = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            inputs.push(Input::Stdin);
        } else if p.is_dir() {
            collect_dir(p, &mut inputs, &mut summary);
        } else if p.exists() {
            inputs.push(Input::File(p.clone()));
        } else {
            summary.fail(format!("{}: no such file or directory", p.display()));
        }
    }
    summary.inputs = inputs.len();
    let total_bytes: u64 = inputs
        .iter()
        .filter_map(|i| match i {
            Input::File(p) => std::fs::metadata(p).ok().map(|m| {
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
    for input in inputs {
        match input {
            Input::Stdin => import_stdin(store, &mut summary, &mut progress)?,
            Input::File(path) => {
                let meta = std::fs::metadata(&path);
                let len = meta.as_ref().map(|m| m.len()).unwrap_or(0);
                progress(ImportProgress::File {
                    name: short_name(&path),
                });
                if meta.is_ok_and(|m| streamed(&path, &m)) {
                    import_big_jsonl(store, &path, &mut summary, &mut progress)?;
                    continue;
                }
                import_file(store, &path, &mut summary)?;
                progress(ImportProgress::FileDone {
                    bytes: len.min(MAX_FILE_BYTES),
                });
            }
        }
    }
    progress(ImportProgress::Finished);
    store.flush_keyword_stats()?;
    trace_store_thread_cpu();
    Ok(summary)
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

fn collect_dir(dir: &Path, inputs: &mut Vec<Input>, summary: &mut Summary) {
    let walker = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        match entry {
            Ok(e) if e.file_type().is_file() => {
                let ext = e
                    .path()
                    .extension()
                    .map(|x| x.to_string_lossy().to_lowercase())
                    .unwrap_or_default();
                if DIR_EXTENSIONS.contains(&ext.as_str()) && (ext != "xml" || is_feed(e.path())) {
                    inputs.push(Input::File(e.into_path()));
                } else {
                    summary.left_out.push(e.into_path());
                }
            }
            Ok(_) => {}
            Err(e) => summary.fail(format!(
                "{}: cannot read: {}",
                e.path().unwrap_or(dir).display(),
                e.io_error()
                    .map_or_else(|| e.to_string(), |io| io.to_string())
            )),
        }
    }
}

/// Whether the file starts as a feed does. One that cannot be read is
/// taken as one: importing it says why it cannot be read.
fn is_feed(path: &Path) -> bool {
    let mut head = Vec::new();
    match std::fs::File::open(path).and_then(|f| f.take(4096).read_to_end(&mut head)) {
        Ok(_) => ingest::document::is_feed_markup(&head),
        Err(_) => true,
    }
}

fn short_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Read, check, parse and store one file. Errors naming the file go into the
/// summary; only a store failure is returned.
fn import_file(store: &mut Store, path: &Path, summary: &mut Summary) -> Result<(), StoreError> {
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
    let format = ingest::detect(&name, &bytes);
    if let Format::Json | Format::Feed = format {
        // Read whole (an array of articles, a feed's items); each bad item named.
        let articles = match ingest::parse_document(&name, format, &bytes) {
            Ok(items) => items
                .into_iter()
                .filter_map(|r| r.map_err(|e| summary.fail(e)).ok()),
            Err(e) => {
                summary.fail(e.to_string());
                return Ok(());
            }
        };
        return store_batch(store, &name, &articles.collect::<Vec<_>>(), summary);
    }
    if format == Format::Html {
        // HTML decodes itself: the page declares its own encoding.
        match ingest::html::parse_html_named(&name, &bytes, None, None) {
            Ok(a) => return store_batch(store, &name, &[a], summary),
            Err(e) => {
                summary.fail(e.to_string());
                return Ok(());
            }
        }
    }
    let text = match ingest::decode_text(&name, &bytes) {
        Ok(t) => t,
        Err(e) => {
            summary.fail(e.to_string());
            return Ok(());
        }
    };
    let articles: Vec<NewArticle> = match format {
        Format::PageText => match ingest::page_text::parse_page_text(&text) {
            Ok(a) => vec![a],
            Err(e) => {
                summary.fail(format!("{name}: {e}"));
                return Ok(());
            }
        },
        Format::JsonLines => {
            let mut ok = Vec::new();
            for result in ingest::jsonl::parse_jsonl(&text) {
                match result {
                    Ok(a) => ok.push(a),
                    Err(e) => summary.fail(format!("{name}:{}: {}", e.line, e.kind)),
                }
            }
            ok
        }
        // Parsed above, from the bytes.
        Format::Html | Format::Json | Format::Feed => Vec::new(),
    };
    store_batch(store, &name, &articles, summary)
}

/// A JSON-lines file (`.jsonl`, `.ndjson`) too big to read whole is read as
/// a stream, line by line, as stdin is: the limit is one record's, not the
/// file's (an export of a big store re-imports).
fn streamed(path: &Path, meta: &std::fs::Metadata) -> bool {
    let ext = path
        .extension()
        .map(|x| x.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    meta.is_file() && meta.len() > MAX_FILE_BYTES && matches!(ext.as_str(), "jsonl" | "ndjson")
}

fn import_big_jsonl(
    store: &mut Store,
    path: &Path,
    summary: &mut Summary,
    progress: &mut impl FnMut(ImportProgress),
) -> Result<(), StoreError> {
    let name = path.display().to_string();
    match std::fs::File::open(path) {
        Ok(f) => {
            let reader = Box::new(std::io::BufReader::with_capacity(1 << 20, f));
            import_lines(store, Lines { name, reader }, summary, progress)
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

fn store_batch(
    store: &mut Store,
    name: &str,
    articles: &[NewArticle],
    summary: &mut Summary,
) -> Result<(), StoreError> {
    for (a, result) in articles.iter().zip(import_retrying(store, articles, None)?) {
        match result {
            Ok(o) => summary.outcome(o),
            Err(e) => summary.fail(format!("{name}: \"{}\": {e}", a.title)),
        }
    }
    Ok(())
}

/// JSON lines to read as a stream: stdin, or a file too big to read whole.
struct Lines {
    /// As messages name it: `stdin`, or the file's path.
    name: String,
    reader: Box<dyn BufRead + Send>,
}

/// One batch of JSON lines, read and parsed by the reading thread.
struct StdinBatch {
    /// Lines that could not be read or parsed, as messages.
    errors: Vec<String>,
    /// Bytes read for it (a file's progress).
    bytes: u64,
    /// The articles, as far as the stages before the store's got with them.
    articles: Stage,
}

/// How far a batch has got before it is stored.
enum Stage {
    /// Read and parsed.
    Read(Vec<NewArticle>),
    /// Which articles are new or changed, looked up on the reader's own
    /// connection ([`Store::look_up_batch`]).
    LookedUp(LookedUp),
    /// Their keyword candidates, bodies and index tokens made too
    /// ([`LookedUp::prepare`]).
    Prepared(PreparedBatch),
}

/// JSON lines from stdin, in batches. Other threads read and parse the
/// next batches, look up which of their articles are new
/// ([`Store::look_up_batch`]) and prepare them ([`LookedUp::prepare`]:
/// keyword candidates, packed bodies, index tokens) while this one stores
/// the last, so that only the writing is left on the store's thread.
fn import_stdin(
    store: &mut Store,
    summary: &mut Summary,
    progress: &mut impl FnMut(ImportProgress),
) -> Result<(), StoreError> {
    let lines = Lines {
        name: "stdin".to_string(),
        reader: Box::new(std::io::BufReader::new(std::io::stdin())),
    };
    import_lines(store, lines, summary, progress)
}

/// JSON lines from a stream (stdin, a big file), in batches: see
/// [`import_stdin`].
fn import_lines(
    store: &mut Store,
    lines: Lines,
    summary: &mut Summary,
    progress: &mut impl FnMut(ImportProgress),
) -> Result<(), StoreError> {
    // The reader's own connection (a store in memory has no file to share).
    let helper = store
        .path()
        .and_then(|p| Store::open(&p).ok())
        .filter(|h| h.tune_for_bulk_import().is_ok());
    let name = lines.name.clone();
    let stdin = name == "stdin";
    std::thread::scope(|scope| {
        // Four stages, each a batch ahead of the next: reading and parsing,
        // looking up which articles are new (and checkpointing), preparing
        // them (on every core), storing. The looking up is a stage of its
        // own so that the cores prepare one batch while the next is looked
        // up: the checkpoints' `fsync`s there kept them waiting.
        let (read_tx, read_rx) = std::sync::mpsc::sync_channel::<StdinBatch>(1);
        let (look_tx, look_rx) = std::sync::mpsc::sync_channel::<StdinBatch>(1);
        let (tx, rx) = std::sync::mpsc::sync_channel::<StdinBatch>(1);
        scope.spawn(move || read_batches(lines, read_tx));
        scope.spawn(move || look_up_batches(helper, read_rx, look_tx));
        scope.spawn(move || prepare_batches(look_rx, tx));
        let mut waited = std::time::Duration::ZERO;
        loop {
            let asked = std::time::Instant::now();
            let Ok(batch) = rx.recv() else { break };
            waited += asked.elapsed();
            for e in batch.errors {
                summary.fail(e);
            }
            let (articles, results) = match batch.articles {
                Stage::Prepared(prepared) => store.import_prepared(prepared)?,
                Stage::LookedUp(looked_up) => store.import_prepared(looked_up.prepare())?,
                Stage::Read(articles) => (articles, Vec::new()),
            };
            let results = if results.len() == articles.len() {
                import_retrying(store, &articles, Some(results))?
            } else {
                import_retrying(store, &articles, None)?
            };
            for (a, result) in articles.iter().zip(results) {
                match result {
                    Ok(o) => summary.outcome(o),
                    Err(e) => summary.fail(format!("{name}: \"{}\": {e}", a.title)),
                }
            }
            progress(if stdin {
                ImportProgress::Stdin {
                    articles: (summary.added + summary.updated + summary.skipped) as u64,
                }
            } else {
                ImportProgress::FileDone { bytes: batch.bytes }
            });
        }
        if std::env::var_os("DOCBAO_TRACE_LOCK").is_some() {
            eprintln!(
                "docbao: the store's thread waited {:.2} s for prepared batches",
                waited.as_secs_f64()
            );
        }
        // A store error drops `rx`: the reader stops at its next send.
        Ok(())
    })
}

/// Look up which articles of the batches read are new or changed
/// ([`Store::look_up_batch`], on the reader's own connection) and pass them
/// on, in order; without a connection they go on as read.
fn look_up_batches(
    helper: Option<Store>,
    rx: std::sync::mpsc::Receiver<StdinBatch>,
    tx: std::sync::mpsc::SyncSender<StdinBatch>,
) {
    behind_the_store();
    for mut batch in rx {
        if let Some(h) = &helper {
            // The batches stored so far into the file, on this thread; a
            // failed checkpoint leaves it to the writer's own.
            let _ = h.checkpoint_passive();
            batch.articles = match batch.articles {
                Stage::Read(articles) => Stage::LookedUp(h.look_up_batch(articles)),
                done => done,
            };
        }
        if tx.send(batch).is_err() {
            return; // the store stopped: the reader stops at its next send
        }
    }
}

/// Prepare the batches looked up ([`LookedUp::prepare`], on every core) and
/// pass them on, in order.
fn prepare_batches(
    rx: std::sync::mpsc::Receiver<StdinBatch>,
    tx: std::sync::mpsc::SyncSender<StdinBatch>,
) {
    behind_the_store();
    for mut batch in rx {
        batch.articles = match batch.articles {
            Stage::LookedUp(looked_up) => Stage::Prepared(looked_up.prepare()),
            other => other,
        };
        if tx.send(batch).is_err() {
            return;
        }
    }
}

/// How much lower than the store's thread the threads that read and
/// prepare batches run ([`behind_the_store`]).
const HELPER_NICENESS: i32 = 5;

/// Let the store's thread go first: a thread that reads or prepares batches
/// (and the threads it starts, which inherit it) runs at a lower priority.
/// The store's one thread is the import's critical path once the store is
/// large (at 100,000 articles it was off the CPU for 8.7 s of a 30.9 s
/// import while it had work, the batches it waited for ready); the others
/// are batches ahead and wait on full queues, so they lose nothing by
/// yielding to it. Linux gives each thread its own nice value (`None`, the
/// calling thread there); elsewhere this does nothing.
fn behind_the_store() {
    // Relative to the thread's own (an import run under `nice` keeps its
    // helpers behind it too); a failure leaves the priority as it was.
    #[cfg(target_os = "linux")]
    if let Ok(own) = rustix::process::getpriority_process(None) {
        let _ = rustix::process::setpriority_process(None, (own + HELPER_NICENESS).min(19));
    }
}

fn read_batches(lines: Lines, tx: std::sync::mpsc::SyncSender<StdinBatch>) {
    behind_the_store();
    let Lines { name, mut reader } = lines;
    let mut line_no = 0usize;
    let mut buf = Vec::new();
    loop {
        // Read a batch of lines, then parse it.
        let first_line = line_no + 1;
        let mut errors = Vec::new();
        let mut chunk = String::new();
        let mut lines_in_chunk = 0;
        let mut bytes = 0u64;
        let mut eof = false;
        while lines_in_chunk < STDIN_BATCH_LINES && chunk.len() < STDIN_BATCH_BYTES {
            buf.clear();
            let line = read_line_capped(&mut reader, &mut buf);
            bytes += buf.len() as u64;
            if !matches!(line, Line::End) {
                line_no += 1;
                lines_in_chunk += 1;
            }
            match line {
                Line::End => {
                    eof = true;
                    break;
                }
                Line::Read => {}
                Line::Failed(e) => {
                    errors.push(format!("{name}:{line_no}: cannot read: {e}"));
                    eof = true;
                    break;
                }
                Line::TooLong { skipped } => {
                    let limit = MAX_FILE_BYTES / (1024 * 1024);
                    errors.push(match skipped {
                        Skip::ToNextLine | Skip::End => {
                            format!("{name}:{line_no}: line is over the {limit} MiB limit; skipped")
                        }
                        Skip::Binary => format!(
                            "{name}:{line_no}: binary data (NUL bytes), not JSON lines; stopped reading {name}"
                        ),
                        Skip::TooFar => format!(
                            "{name}:{line_no}: no line break in {} MiB, not JSON lines; stopped reading {name}",
                            STDIN_MAX_SKIP / (1024 * 1024)
                        ),
                    });
                    if matches!(skipped, Skip::ToNextLine) {
                        chunk.push('\n'); // keep line numbers aligned
                        continue;
                    }
                    eof = true;
                    break;
                }
            }
            match std::str::from_utf8(&buf) {
                Ok(s) => chunk.push_str(s.strip_prefix('\u{FEFF}').unwrap_or(s)),
                Err(e) => {
                    errors.push(format!(
                        "{name}:{line_no}: not valid UTF-8 at byte {} of the line; convert the input to UTF-8 first",
                        e.valid_up_to()
                    ));
                    chunk.push('\n'); // keep line numbers aligned
                }
            }
            if !chunk.ends_with('\n') {
                chunk.push('\n');
            }
        }
        let mut ok = Vec::new();
        for result in ingest::jsonl::parse_jsonl(&chunk) {
            match result {
                Ok(a) => ok.push(a),
                Err(e) => errors.push(format!("{name}:{}: {}", e.line + first_line - 1, e.kind)),
            }
        }
        drop(chunk);
        if tx
            .send(StdinBatch {
                errors,
                bytes,
                articles: Stage::Read(ok),
            })
            .is_err()
            || eof
        {
            return;
        }
    }
}

/// How reading one line of stdin went.
enum Line {
    /// A line (with its line break, unless it is the last) is in the buffer.
    Read,
    /// No more input.
    End,
    Failed(std::io::Error),
    /// Over [`MAX_FILE_BYTES`]: the buffer is empty, the rest of the line
    /// read past as far as [`Skip`] says.
    TooLong {
        skipped: Skip,
    },
}

enum Skip {
    /// To the next line.
    ToNextLine,
    /// To the end of the input.
    End,
    /// Stopped: the line holds NUL bytes (binary data, `/dev/zero`).
    Binary,
    /// Stopped: no line break in [`STDIN_MAX_SKIP`] bytes.
    TooFar,
}

/// Read one line into `buf`, holding no more than [`MAX_FILE_BYTES`] + 1
/// bytes of it: a longer one is read past without being kept.
fn read_line_capped(reader: &mut impl BufRead, buf: &mut Vec<u8>) -> Line {
    match reader
        .by_ref()
        .take(MAX_FILE_BYTES + 1)
        .read_until(b'\n', buf)
    {
        Ok(0) => return Line::End,
        Ok(_) => {}
        Err(e) => return Line::Failed(e),
    }
    if buf.len() as u64 <= MAX_FILE_BYTES || buf.ends_with(b"\n") {
        return Line::Read;
    }
    let binary = buf.contains(&0);
    buf.clear();
    buf.shrink_to(64 * 1024);
    if binary {
        return Line::TooLong {
            skipped: Skip::Binary,
        };
    }
    let mut skipped = 0u64;
    let skipped = loop {
        let chunk = match reader.fill_buf() {
            Ok([]) => break Skip::End,
            Ok(c) => c,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(_) => break Skip::End,
        };
        if let Some(i) = chunk.iter().position(|&b| b == b'\n') {
            reader.consume(i + 1);
            break Skip::ToNextLine;
        }
        let (n, nul) = (chunk.len(), chunk.contains(&0));
        reader.consume(n);
        skipped += n as u64;
        if nul {
            break Skip::Binary;
        }
        if skipped > STDIN_MAX_SKIP {
            break Skip::TooFar;
        }
    };
    Line::TooLong { skipped }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The threads that read and prepare run behind the store's, and the
    /// threads they start too; the caller's thread keeps its priority.
    #[cfg(target_os = "linux")]
    #[test]
    fn helpers_run_behind_the_store() {
        let nice = || rustix::process::getpriority_process(None).unwrap();
        let own = nice();
        let (helper, child) = std::thread::spawn(move || {
            behind_the_store();
            let child = std::thread::spawn(nice).join().unwrap();
            (nice(), child)
        })
        .join()
        .unwrap();
        assert_eq!(helper, (own + HELPER_NICENESS).min(19));
        assert_eq!(child, helper);
        assert_eq!(nice(), own);
    }
}
