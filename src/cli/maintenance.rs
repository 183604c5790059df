//! `docbao doctor`: check the store and rebuild what is derived from the
//! articles, saying what was found and done.

use std::io::Write;

use anyhow::Result;

use crate::store::{Store, StoreError};
use crate::text::count;

/// What doctor advises for a damaged file, said once whatever it found.
const ADVICE: &str = "Restore a backup (a .bak file next to the store), or recover it with the sqlite3 shell's .recover.";

/// Doctor's answer when the store could not even be opened because its
/// file is damaged: the file check failed, with the advice (not the
/// error's own "try `docbao doctor`"). Returns whether it answered: not
/// for any other error.
pub fn unopened(e: &anyhow::Error, out: &mut dyn Write) -> Result<bool> {
    let Some(StoreError::Damaged { why, .. }) = e.downcast_ref::<StoreError>() else {
        return Ok(false);
    };
    writeln!(out, "File check: FAILED (it cannot be opened: {why})")?;
    writeln!(out, "Nothing was rebuilt. {ADVICE}")?;
    Ok(true)
}

/// Run the checks, then (when the file itself is sound) the rebuilds.
/// Returns whether every check passed. Each line is written (and flushed)
/// as its step ends: on a large store a step takes a minute, so with a
/// `status` (stderr on a terminal) the step under way is told there, on a
/// line rewritten in place and cleared before each line of `out`.
pub fn doctor<'a>(
    store: &mut Store,
    out: &'a mut dyn Write,
    status: Option<&'a mut dyn Write>,
) -> Result<bool> {
    let mut report = Report {
        out,
        status,
        shown: false,
    };
    // Ctrl-C, SIGTERM, SIGHUP: the statement under way is stopped, its
    // step taken back whole, and that is said (doctor ended silently).
    let stop = crate::cli::interrupt::Interrupt::catch();
    let handle = store.interrupt_handle();
    let passed = stop.watching(
        std::time::Duration::from_millis(20),
        || {
            // Again and again: between two statements it does nothing.
            handle.interrupt();
            true
        },
        || run(store, &mut report),
    );
    report.clear()?;
    // Stopped before its end (a signal after the last step changes nothing).
    if let (Some(signal), Err(_)) = (stop.signal(), &passed) {
        let message = "the step under way was taken back whole; the store is as the steps \
                       before it left it: run `docbao doctor` again to finish"
            .to_string();
        return Err(crate::cli::interrupt::Interrupted { signal, message }.into());
    }
    passed
}

fn run(store: &mut Store, out: &mut Report) -> Result<bool> {
    out.status("checking the file")?;
    let problems = store.integrity_check()?;
    if !problems.is_empty() {
        writeln!(
            out,
            "File check: FAILED ({})",
            count(problems.len(), "problem")
        )?;
        for p in &problems {
            writeln!(out, "  {p}")?;
        }
        writeln!(
            out,
            "Nothing was rebuilt: writing to a damaged file can lose more. {ADVICE}"
        )?;
        return Ok(false);
    }
    writeln!(out, "File check: ok")?;
    out.status("checking the search index")?;
    let index = store.search_index_check()?;
    match &index {
        None => writeln!(out, "Search index check: ok")?,
        Some(p) => writeln!(out, "Search index check: FAILED ({p})")?,
    }
    out.status("rebuilding the search index")?;
    let rebuilt = store.rebuild_search_index(|done, total| {
        let _ = out.status(&format!("rebuilding the search index: {done} of {total}"));
    });
    let n = match rebuilt {
        // An article whose stored body cannot be read: named once, with
        // the advice, not the error's "try `docbao doctor`".
        Err(StoreError::BadBody { id, why }) => {
            writeln!(out, "Search index rebuild: FAILED (article {id}: {why})")?;
            writeln!(out, "Nothing more was rebuilt. {ADVICE}")?;
            return Ok(false);
        }
        other => other?,
    };
    writeln!(out, "Search index rebuilt: {} indexed", count(n, "article"))?;
    if index.is_some() {
        match store.search_index_check()? {
            None => writeln!(out, "Search index check after the rebuild: ok")?,
            Some(p) => writeln!(out, "Search index check after the rebuild: FAILED ({p})")?,
        }
    }
    out.status("recounting the keywords and sources")?;
    let fixed = store.rebuild_keyword_counts()?;
    writeln!(
        out,
        "Keyword counts recounted: {fixed} {} wrong",
        were(fixed)
    )?;
    let fixed = store.rebuild_source_counts()?;
    writeln!(
        out,
        "Source counts recounted: {fixed} {} wrong",
        were(fixed)
    )?;
    out.status("recounting the keyword statistics")?;
    store.rebuild_keyword_stats()?;
    writeln!(out, "Keyword statistics recounted")?;
    out.status("compacting the file")?;
    let (before, after) = store.compact()?;
    let mb = |b: u64| b as f64 / 1e6;
    if after < before {
        writeln!(out, "Compacted: {:.1} MB → {:.1} MB", mb(before), mb(after))?;
    } else {
        // Nothing given back; grown, another process wrote meanwhile (an
        // import beside it): "Compacted: 67.0 MB → 73.4 MB" read as a fault.
        let meanwhile = if after > before {
            format!(
                "; {:.1} MB now: another docbao wrote to it meanwhile",
                mb(after)
            )
        } else {
            String::new()
        };
        writeln!(
            out,
            "Compacted: {:.1} MB, nothing to give back{meanwhile}",
            mb(before)
        )?;
    }
    Ok(index.is_none())
}

/// Doctor's lines, each flushed as it ends, and the step under way on a
/// status line.
struct Report<'a> {
    out: &'a mut dyn Write,
    status: Option<&'a mut dyn Write>,
    /// A status is on the screen.
    shown: bool,
}

impl Report<'_> {
    /// Tell the step under way ("docbao: checking the file…").
    fn status(&mut self, what: &str) -> std::io::Result<()> {
        if let Some(s) = self.status.as_mut() {
            s.write_all(format!("\rdocbao: {what}…\x1b[K").as_bytes())?;
            s.flush()?;
            self.shown = true;
        }
        Ok(())
    }

    /// Take the status line off the screen.
    fn clear(&mut self) -> std::io::Result<()> {
        if let (Some(s), true) = (self.status.as_mut(), self.shown) {
            s.write_all(b"\r\x1b[K")?;
            s.flush()?;
            self.shown = false;
        }
        Ok(())
    }
}

impl Write for Report<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.clear()?;
        let n = self.out.write(buf)?;
        if buf[..n].contains(&b'\n') {
            self.out.flush()?;
        }
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

/// "1 was", "2 were".
fn were(n: usize) -> &'static str {
    if n == 1 { "was" } else { "were" }
}

#[cfg(test)]
mod tests {
    use std::cell::RefCell;
    use std::io::Write;
    use std::rc::Rc;

    use super::doctor;
    use crate::store::Store;

    /// One writer of two sharing a log: what each wrote, and its flushes.
    struct Logged(&'static str, Rc<RefCell<Vec<String>>>);

    impl Write for Logged {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            let text = String::from_utf8_lossy(buf);
            self.1.borrow_mut().push(format!("{}:{text}", self.0));
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            self.1.borrow_mut().push(format!("{}:flush", self.0));
            Ok(())
        }
    }

    /// Each line is flushed as its step ends (the whole report came at once
    /// after 83 s on a 100,000-article store), and the step under way is
    /// on the status line, cleared before each line.
    #[test]
    fn each_line_is_flushed_as_its_step_ends_with_the_step_under_way_shown() {
        let mut store = Store::open_in_memory().unwrap();
        let log = Rc::new(RefCell::new(Vec::new()));
        let mut out = Logged("out", log.clone());
        let mut status = Logged("status", log.clone());
        assert!(doctor(&mut store, &mut out, Some(&mut status)).unwrap());
        let log = log.borrow();
        let at = |entry: &str| {
            log.iter()
                .position(|e| e == entry)
                .unwrap_or_else(|| panic!("{entry:?} in {log:#?}"))
        };
        let checking = at("status:\rdocbao: checking the file…\x1b[K");
        let line = at("out:File check: ok\n");
        assert!(checking < line);
        assert_eq!(log[line - 1], "status:flush");
        assert_eq!(log[line - 2], "status:\r\x1b[K", "cleared first");
        assert_eq!(log[line + 1], "out:flush", "flushed after its line");
        assert!(at("status:\rdocbao: rebuilding the search index…\x1b[K") > line);
        let last_step = log.iter().rposition(|e| e.starts_with("status:\rdocbao:"));
        let last_clear = log.iter().rposition(|e| e == "status:\r\x1b[K");
        assert!(last_clear > last_step, "no step left on the screen");
        // Without a status line only the report is written.
        let mut plain = Vec::new();
        doctor(&mut store, &mut plain, None).unwrap();
        let plain = String::from_utf8(plain).unwrap();
        assert!(
            plain.starts_with("File check: ok\nSearch index check: ok\n"),
            "{plain}"
        );
    }
}
