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
/// Returns whether every check passed.
pub fn doctor(store: &mut Store, out: &mut dyn Write) -> Result<bool> {
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
    let index = store.search_index_check()?;
    match &index {
        None => writeln!(out, "Search index check: ok")?,
        Some(p) => writeln!(out, "Search index check: FAILED ({p})")?,
    }
    let n = match store.rebuild_search_index() {
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
    store.rebuild_keyword_stats()?;
    writeln!(out, "Keyword statistics recounted")?;
    let (before, after) = store.compact()?;
    let mb = |b: u64| b as f64 / 1e6;
    writeln!(out, "Compacted: {:.1} MB → {:.1} MB", mb(before), mb(after))?;
    Ok(index.is_none())
}

/// "1 was", "2 were".
fn were(n: usize) -> &'static str {
    if n == 1 { "was" } else { "were" }
}
