//! `docbao doctor`: check the file and rebuild what the store derives from
//! the articles (the search index and its terms, the keyword counts, the
//! keyword statistics).

use rusqlite::TransactionBehavior;

use super::{Result, Store, search};
use crate::model::{ArticleId, ImportOutcome};

/// Problems `PRAGMA integrity_check` lists at most.
const MAX_PROBLEMS: usize = 20;

/// The check's problems with its "row N missing from index X" lines (one a
/// row: an index that lost a page lists every row of it) said once per
/// index, where its first one was: "rows 1, 3, 5 and more missing from
/// index X".
fn grouped(problems: impl Iterator<Item = String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    // Per index: its line in `out`, and its rows.
    let mut rows: Vec<(usize, String, Vec<String>)> = Vec::new();
    for p in problems {
        let missing = p
            .strip_prefix("row ")
            .and_then(|rest| rest.split_once(" missing from index "))
            .filter(|(row, _)| row.bytes().all(|b| b.is_ascii_digit()));
        match missing {
            Some((row, index)) => match rows.iter_mut().find(|(_, i, _)| i == index) {
                Some((_, _, of)) => of.push(row.to_string()),
                None => {
                    rows.push((out.len(), index.to_string(), vec![row.to_string()]));
                    out.push(String::new());
                }
            },
            None => out.push(p),
        }
    }
    const SHOWN: usize = 3;
    for (at, index, of) in rows {
        let listed = of[..of.len().min(SHOWN)].join(", ");
        out[at] = match of.len() {
            1 => format!("row {listed} missing from index {index}"),
            n if n <= SHOWN => format!("rows {listed} missing from index {index}"),
            // The check stops at MAX_PROBLEMS: how many more is not known.
            _ => format!("rows {listed} and more missing from index {index}"),
        };
    }
    out
}

/// How many articles `doctor`'s rebuild of the search index reads at a time.
const REBUILD_BATCH: usize = 2000;

impl Store {
    /// SQLite's own check of the whole file: the problems it found (none
    /// when the file is sound). What it says about the search index's own
    /// contents (SQLite 3.44+ runs FTS5's check too) is left to
    /// [`Store::search_index_check`]: a rebuild mends it.
    ///
    /// A page so damaged that the check itself stops ("database disk image
    /// is malformed" from the pragma) is a problem found, with those listed
    /// before it, not an error.
    pub fn integrity_check(&self) -> Result<Vec<String>> {
        let corrupt = |e: &rusqlite::Error| {
            e.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseCorrupt)
        };
        let mut stmt = match self
            .conn
            .prepare(&format!("PRAGMA integrity_check({MAX_PROBLEMS})"))
        {
            Ok(stmt) => stmt,
            Err(e) if corrupt(&e) => return Ok(vec![e.to_string()]),
            Err(e) => return Err(e.into()),
        };
        let mut rows: Vec<String> = Vec::new();
        for row in stmt.query_map([], |r| r.get::<_, String>(0))? {
            match row {
                // One problem a line ("*** in database main ***" is noise).
                Ok(r) => rows.push(
                    r.replace("*** in database main ***\n", "")
                        .replace('\n', "; "),
                ),
                Err(e) if corrupt(&e) => {
                    rows.push(format!("the check stopped: {e}"));
                    break;
                }
                Err(e) => return Err(e.into()),
            }
        }
        Ok(grouped(rows.into_iter().filter(|r| {
            r != "ok" && !(r.starts_with("fts5:") && r.contains("\"article_search\""))
        })))
    }

    /// FTS5's check of the search index's own structure: the problem, if any.
    pub fn search_index_check(&self) -> Result<Option<String>> {
        match self.conn.execute(
            "INSERT INTO article_search (article_search) VALUES ('integrity-check')",
            [],
        ) {
            Ok(_) => Ok(None),
            Err(e) => match e.sqlite_error_code() {
                Some(rusqlite::ErrorCode::DatabaseCorrupt) => Ok(Some(e.to_string())),
                _ => Err(e.into()),
            },
        }
    }

    /// Empty the search index and its terms, and index every article again,
    /// in one transaction (all or nothing), calling `progress(done, total)`
    /// after each batch. Returns how many articles were indexed.
    pub fn rebuild_search_index(&mut self, progress: impl FnMut(usize, usize)) -> Result<usize> {
        self.rebuild_search_index_in(REBUILD_BATCH, progress)
    }

    /// [`Store::rebuild_search_index`], `batch` articles at a time: only a
    /// batch's texts are held in memory (all of them at once took 1.1 GB at
    /// 100,000 articles).
    pub(crate) fn rebuild_search_index_in(
        &mut self,
        batch: usize,
        mut progress: impl FnMut(usize, usize),
    ) -> Result<usize> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute_batch(
            "INSERT INTO article_search (article_search) VALUES ('delete-all');
             DELETE FROM search_vocab;",
        )?;
        let ids: Vec<ArticleId> = tx
            .prepare("SELECT id FROM articles ORDER BY id")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let mut done = 0;
        for chunk in ids.chunks(batch.max(1)) {
            let outcomes: Vec<ImportOutcome> =
                chunk.iter().map(|&id| ImportOutcome::Added(id)).collect();
            search::index_outcomes(&tx, &outcomes)?;
            done += chunk.len();
            progress(done, ids.len());
        }
        tx.commit()?;
        Ok(ids.len())
    }

    /// Merge the search index into one segment (FTS5's `optimize`) and
    /// write the file again without its free pages (`VACUUM`): the space an
    /// upgrade or deleted articles left goes back to the file system.
    /// Returns the file's size in bytes before and after.
    pub fn compact(&mut self) -> Result<(u64, u64)> {
        let before = self.file_bytes()?;
        self.conn
            .execute_batch("INSERT INTO article_search (article_search) VALUES ('optimize');")?;
        self.conn.execute_batch("VACUUM")?;
        Ok((before, self.file_bytes()?))
    }

    /// Recount every keyword's articles from its links. Returns how many
    /// counts were wrong.
    pub fn rebuild_keyword_counts(&mut self) -> Result<usize> {
        // The keyword indexes a bulk import left out, if one was killed.
        self.end_bulk_import()?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let fixed = tx.execute(
            "WITH actual AS (
                 SELECT k.id, (SELECT count(*) FROM article_keywords ak WHERE ak.keyword_id = k.id) AS n
                 FROM keywords k)
             UPDATE keywords SET article_count = actual.n
             FROM actual WHERE actual.id = keywords.id AND keywords.article_count != actual.n",
            [],
        )?;
        tx.commit()?;
        Ok(fixed)
    }
}
