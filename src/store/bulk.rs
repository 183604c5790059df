//! A big import without two of the keyword indexes: they are dropped when it
//! starts and built once at its end, instead of being updated row by row on
//! every commit (each transaction rewrote pages all over them: at 35,000
//! articles the store's thread used a fifth less CPU and wrote 29% less,
//! BENCHMARKS.md, "Issue 14, eleventh part").
//!
//! The store says in `app_state` which process dropped them. Until they are
//! back, everything still works (the keyword sidebar and filter, related
//! stories: only slower); an import that ends in any way builds them again,
//! and if its process is gone without doing so (killed), the next process to
//! open the store for writing builds them, as `doctor` does.

use rusqlite::{OptionalExtension, params};

use super::{Result, Store, write_tx};

/// The indexes a bulk import leaves out, with how each is made (as the
/// migrations made them).
const INDEXES: &[(&str, &str)] = &[
    (
        "article_keywords_keyword",
        "CREATE INDEX IF NOT EXISTS article_keywords_keyword ON article_keywords (keyword_id, article_id)",
    ),
    (
        "keywords_by_count",
        "CREATE INDEX IF NOT EXISTS keywords_by_count ON keywords (article_count DESC, key, name)
         WHERE article_count > 0",
    ),
];

/// The `app_state` key naming the process of a bulk import under way.
const MARK: &str = "bulk_import_pid";

impl Store {
    /// Drop the indexes a bulk import need not keep up to date, saying so
    /// in the store; [`Store::end_bulk_import`] builds them again.
    pub fn begin_bulk_import(&self) -> Result<()> {
        let tx = write_tx(&self.conn)?;
        for (name, _) in INDEXES {
            tx.execute_batch(&format!("DROP INDEX IF EXISTS {name}"))?;
        }
        tx.execute(
            "INSERT OR REPLACE INTO app_state (key, value) VALUES (?1, ?2)",
            params![MARK, std::process::id().to_string()],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Build the indexes a bulk import dropped (nothing when they are
    /// there), in one transaction.
    pub fn end_bulk_import(&self) -> Result<()> {
        let tx = write_tx(&self.conn)?;
        for (_, sql) in INDEXES {
            tx.execute_batch(sql)?;
        }
        tx.execute("DELETE FROM app_state WHERE key = ?1", [MARK])?;
        tx.commit()?;
        Ok(())
    }

    /// The size of the store's file (its pages), in bytes.
    pub fn file_bytes(&self) -> Result<u64> {
        let (pages, size): (i64, i64) = self.conn.query_row(
            "SELECT page_count, page_size FROM pragma_page_count(), pragma_page_size()",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        Ok((pages.max(0) as u64) * (size.max(0) as u64))
    }

    /// The indexes of a bulk import whose process is gone, built again;
    /// `true` when it did. A store with no such import reads one row.
    pub(super) fn heal_bulk_import(&self) -> Result<bool> {
        let pid: Option<String> = self
            .conn
            .query_row("SELECT value FROM app_state WHERE key = ?1", [MARK], |r| {
                r.get(0)
            })
            .optional()?;
        let Some(pid) = pid else { return Ok(false) };
        if importing(&pid) {
            return Ok(false);
        }
        self.end_bulk_import()?;
        Ok(true)
    }
}

/// Whether the process `pid` (as the mark holds it) still runs (this one
/// included: its import's own connections open the store too).
fn importing(pid: &str) -> bool {
    let Ok(n) = pid.parse::<i32>() else {
        return false;
    };
    rustix::process::Pid::from_raw(n).is_some_and(|p| rustix::process::test_kill_process(p).is_ok())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Keyword, KeywordSource, ListFilter, NewArticle, Paragraph};

    fn indexes(s: &Store) -> Vec<String> {
        let mut stmt = s
            .conn
            .prepare(
                "SELECT name FROM sqlite_master WHERE name IN
                 ('article_keywords_keyword', 'keywords_by_count') ORDER BY name",
            )
            .unwrap();
        stmt.query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    }

    fn article(n: usize) -> NewArticle {
        NewArticle {
            title: format!("Bài số {n} về giá xăng"),
            url: Some(format!("https://a.vn/{n}")),
            keywords: vec![Keyword {
                name: "giá xăng".into(),
                source: KeywordSource::Page,
            }],
            paragraphs: vec![Paragraph::text("Giá xăng giảm.")],
            ..Default::default()
        }
    }

    #[test]
    fn a_bulk_import_drops_the_indexes_and_builds_them_again() {
        let mut s = Store::open_in_memory().unwrap();
        let all = [
            "article_keywords_keyword".to_string(),
            "keywords_by_count".into(),
        ];
        assert_eq!(indexes(&s), all);
        s.begin_bulk_import().unwrap();
        assert!(indexes(&s).is_empty());
        // Everything works without them, only slower.
        for n in 0..3 {
            s.import(&article(n)).unwrap();
        }
        assert_eq!(s.keywords(None).unwrap(), [("giá xăng".to_string(), 3)]);
        let f = ListFilter {
            keywords: vec!["giá xăng".into()],
            ..Default::default()
        };
        assert_eq!(s.count(&f).unwrap(), 3);
        // This process's own import is not healed by an open: it ends it.
        assert!(!s.heal_bulk_import().unwrap());
        assert!(indexes(&s).is_empty());
        s.end_bulk_import().unwrap();
        assert_eq!(indexes(&s), all);
        assert_eq!(s.get_state(MARK).unwrap(), None);
    }

    #[test]
    fn the_indexes_of_an_import_whose_process_is_gone_are_built_on_open() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("s.db");
        let s = Store::open(&db).unwrap();
        s.begin_bulk_import().unwrap();
        // As a killed import leaves it: a process that no longer runs.
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let gone = child.id();
        child.wait().unwrap();
        s.set_state(MARK, &gone.to_string()).unwrap();
        drop(s);
        let s = Store::open(&db).unwrap();
        assert_eq!(indexes(&s).len(), 2);
        assert_eq!(s.get_state(MARK).unwrap(), None);
        // One still running keeps its indexes dropped.
        s.begin_bulk_import().unwrap();
        let mut running = std::process::Command::new("sleep")
            .arg("30")
            .spawn()
            .unwrap();
        s.set_state(MARK, &running.id().to_string()).unwrap();
        drop(s);
        let s = Store::open(&db).unwrap();
        assert!(indexes(&s).is_empty());
        running.kill().unwrap();
        running.wait().unwrap();
        drop(s);
        let s = Store::open(&db).unwrap();
        assert_eq!(indexes(&s).len(), 2);
    }
}
