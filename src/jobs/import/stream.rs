//! JSON lines read as a stream (stdin, or a JSON-lines file too big to
//! read whole), in batches that other threads read, look up and prepare
//! while the store's thread writes the last.

use std::io::{BufRead, Read};

use super::{
    CappedLines, ImportProgress, MAX_FILE_BYTES, Summary, UndatedLines, import_retrying,
    not_utf8_line,
};
use crate::ingest;
use crate::model::NewArticle;
use crate::store::{LookedUp, PreparedBatch, Store, StoreError};

/// JSON lines read from stdin are stored in batches of this many lines, or
/// fewer when they add up to this many bytes.
const STDIN_BATCH_LINES: usize = 500;
const STDIN_BATCH_BYTES: usize = MAX_FILE_BYTES as usize;
/// A line over the limit is skipped to its end, but not further than this:
/// input that long without a line break is not JSON lines.
const STDIN_MAX_SKIP: u64 = 32 * MAX_FILE_BYTES;

/// JSON lines to read as a stream: stdin, or a file too big to read whole.
pub(super) struct Lines {
    /// As messages name it: `stdin`, or the file's path.
    pub(super) name: String,
    pub(super) reader: Box<dyn BufRead + Send>,
    /// A gzip file's compressed bytes read so far: its progress is counted
    /// in them (the bytes of its lines are more than the file's size).
    pub(super) compressed: Option<std::sync::Arc<std::sync::atomic::AtomicU64>>,
}

/// One batch of JSON lines, read and parsed by the reading thread.
struct StdinBatch {
    /// Lines that could not be read or parsed.
    errors: Vec<Failed>,
    /// Articles stored all the same whose date was not read: their lines
    /// and what is said ([`super::UndatedLines`]).
    notes: Vec<(usize, String)>,
    /// Lines that were JSON objects (articles or not).
    json_lines: usize,
    /// Bytes read for it (a file's progress).
    bytes: u64,
    /// The articles, as far as the stages before the store's got with them.
    articles: Stage,
}

/// A line that gave no article, as a message naming it.
enum Failed {
    /// Not a JSON object, or not UTF-8: a line of a web page, of gzip data.
    NotJson(String),
    /// A JSON object that is no article (no title, a field of the wrong
    /// type): named up to a cap, as the lines that are not JSON.
    Other(String),
    /// The input could not be read on (cut short, a line too long, binary
    /// data): always named, past any cap (a review's find: hidden behind
    /// a hundred titleless lines, a damaged gzip file looked imported).
    Read(String),
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
pub(super) fn import_stdin(
    store: &mut Store,
    summary: &mut Summary,
    stop: &dyn Fn() -> bool,
    progress: &mut impl FnMut(ImportProgress),
) -> Result<(), StoreError> {
    let lines = Lines {
        name: "stdin".to_string(),
        reader: super::gzip::stdin(),
        compressed: None,
    };
    import_lines(store, lines, summary, stop, progress)
}

/// How often the store's thread, waiting for a batch, asks `stop`.
const STOP_POLL: std::time::Duration = std::time::Duration::from_millis(50);

/// JSON lines from a stream (stdin, a big file), in batches: see
/// [`import_stdin`]. `stop` is asked between batches (and while waiting
/// for one): the batch being stored is finished, the next ones dropped.
pub(super) fn import_lines(
    store: &mut Store,
    lines: Lines,
    summary: &mut Summary,
    stop: &dyn Fn() -> bool,
    progress: &mut impl FnMut(ImportProgress),
) -> Result<(), StoreError> {
    // The reader's own connection (a store in memory has no file to share).
    let helper = store
        .path()
        .and_then(|p| Store::open(&p).ok())
        .filter(|h| h.tune_for_bulk_import().is_ok());
    let name = lines.name.clone();
    let stdin = name == "stdin";
    // This input's failures, not those of the inputs before it.
    let errors_before = summary.errors.len();
    (|| {
        // Four stages, each a batch ahead of the next: reading and parsing,
        // looking up which articles are new (and checkpointing), preparing
        // them (on every core), storing. The looking up is a stage of its
        // own so that the cores prepare one batch while the next is looked
        // up: the checkpoints' `fsync`s there kept them waiting.
        let (read_tx, read_rx) = std::sync::mpsc::sync_channel::<StdinBatch>(1);
        let (look_tx, look_rx) = std::sync::mpsc::sync_channel::<StdinBatch>(1);
        let (tx, rx) = std::sync::mpsc::sync_channel::<StdinBatch>(1);
        // Not joined when the import is stopped: the reader may be waiting
        // for input that does not come (a terminal, a stalled pipe), the
        // others working on batches that will not be stored. Each stops at
        // its next send, once the stages after it are gone.
        let stages = [
            std::thread::spawn(move || read_batches(lines, read_tx)),
            std::thread::spawn(move || look_up_batches(helper, read_rx, look_tx)),
            std::thread::spawn(move || prepare_batches(look_rx, tx)),
        ];
        let mut waited = std::time::Duration::ZERO;
        let mut not_json = CappedLines::not_json();
        let mut other = CappedLines::no_article();
        let mut undated = UndatedLines::default();
        let mut json_lines = 0;
        loop {
            let asked = std::time::Instant::now();
            let batch = loop {
                if stop() {
                    break None;
                }
                match rx.recv_timeout(STOP_POLL) {
                    Ok(batch) => break Some(batch),
                    Err(std::sync::mpsc::RecvTimeoutError::Timeout) => continue,
                    Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => break None,
                }
            };
            let Some(batch) = batch else { break };
            waited += asked.elapsed();
            json_lines += batch.json_lines;
            for e in batch.errors {
                match e {
                    Failed::NotJson(m) => not_json.fail(summary, m),
                    Failed::Other(m) => other.fail(summary, m),
                    Failed::Read(m) => summary.fail(m),
                }
            }
            for (line, note) in batch.notes {
                undated.note(summary, &name, line, note);
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
                    Ok(o) => {
                        summary.outcome(o, a);
                        summary.feeds_of(store, a)?;
                    }
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
        drop(rx);
        if stop() {
            summary.interrupted = true;
        } else if stages
            .into_iter()
            .map(|stage| stage.join().is_err())
            .fold(false, |a, b| a | b)
        {
            summary.fail(format!("{name}: reading stopped by an internal error"));
        }
        let no_object = not_json.named > 0 && json_lines == 0;
        let nothing = json_lines == 0 && not_json.named == 0;
        not_json.finish(summary, &name);
        other.finish(summary, &name);
        undated.finish(summary, &name);
        if stdin && nothing && !summary.interrupted && summary.errors.len() == errors_before {
            // Said, not failed: a script's pipe may bring nothing.
            summary
                .notes
                .push("stdin: empty: nothing to import".to_string());
        }
        if !stdin && nothing && !summary.interrupted && summary.errors.len() == errors_before {
            // A gzip file holding nothing, as a plain one is said.
            summary.fail(format!("{name}: empty or blank: no text in it"));
        }
        if stdin && no_object {
            summary.errors.push(
                "stdin: no line was a JSON object: stdin is read as JSON lines (one article \
                 object a line); a web page or a feed saved to a file is imported by its \
                 path: `docbao import FILE`"
                    .to_string(),
            );
        }
        if std::env::var_os("DOCBAO_TRACE_LOCK").is_some() {
            eprintln!(
                "docbao: the store's thread waited {:.2} s for prepared batches",
                waited.as_secs_f64()
            );
        }
        // A store error drops `rx`: the stages stop at their next send.
        Ok(())
    })()
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
    let Lines {
        name,
        mut reader,
        compressed,
    } = lines;
    let mut compressed_before = 0;
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
                    errors.push(Failed::Read(format!("{name}:{line_no}: cannot read: {e}")));
                    eof = true;
                    break;
                }
                Line::TooLong { skipped } => {
                    let limit = MAX_FILE_BYTES / (1024 * 1024);
                    errors.push(Failed::Read(match skipped {
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
                    }));
                    if matches!(skipped, Skip::ToNextLine) {
                        chunk.push('\n'); // keep line numbers aligned
                        continue;
                    }
                    eof = true;
                    break;
                }
            }
            match ingest::utf8(&buf) {
                Ok(s) => chunk.push_str(s.strip_prefix('\u{FEFF}').unwrap_or(s)),
                Err(e) => {
                    errors.push(Failed::NotJson(not_utf8_line(&name, line_no, &e)));
                    chunk.push('\n'); // keep line numbers aligned
                }
            }
            if !chunk.ends_with('\n') {
                chunk.push('\n');
            }
        }
        let mut ok = Vec::new();
        let mut notes = Vec::new();
        let mut json_lines = 0;
        for result in ingest::parse_jsonl_numbered(&chunk) {
            match result {
                Ok((line, a)) => {
                    if let Some(note) = ingest::undated_note(&a) {
                        notes.push((line + first_line - 1, note));
                    }
                    ok.push(a)
                }
                Err(e) => {
                    let message = format!("{name}:{}: {}", e.line + first_line - 1, e.kind);
                    errors.push(match e.kind {
                        ingest::LineErrorKind::Json(_) | ingest::LineErrorKind::NotAnObject(_) => {
                            Failed::NotJson(message)
                        }
                        _ => {
                            json_lines += 1;
                            Failed::Other(message)
                        }
                    });
                }
            }
        }
        json_lines += ok.len();
        drop(chunk);
        if let Some(read) = &compressed {
            let now = read.load(std::sync::atomic::Ordering::Relaxed);
            bytes = now.saturating_sub(compressed_before);
            compressed_before = now;
        }
        if tx
            .send(StdinBatch {
                errors,
                notes,
                json_lines,
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
