//! A feed's dates as docbao reads them.
//!
//! feed-rs reads RFC 3339 and RFC 2822 (leniently: a wrong weekday, a long
//! month name, "UTC") and drops every other date. docbao's own parser
//! ([`parse_date`]) is tried first, because it is the one that knows that a
//! date without an offset is Vietnam time (feed-rs takes a bare day for
//! UTC midnight, 07:00 here) and reads ISO dates without an offset and
//! Vietnamese date lines (`Thứ hai, 04/03/2024 10:00`). feed-rs keeps its
//! lenient parser to itself, so when docbao's misses a date, the feed is
//! read a second time with feed-rs's own parser, and its dates fill the
//! gaps: the second read happens only for feeds that need it.
//!
//! A date line written for readers is kept as written (`date_text`), as
//! JSON-lines import keeps it; a machine date is not (the reader formats
//! the date itself).

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use chrono::{DateTime, Utc};

use crate::ingest::date::{is_machine_date, parse_date};
use crate::text::clean_opt;

/// Dates seen while a feed is parsed: the date lines, by the instant they
/// give, and whether any date was left unread.
#[derive(Default, Clone)]
pub(super) struct FeedDates {
    lines: Arc<Mutex<HashMap<DateTime<Utc>, String>>>,
    missed: Arc<AtomicBool>,
}

impl FeedDates {
    /// The timestamp parser to give feed-rs.
    pub(super) fn parser(&self) -> impl Fn(&str) -> Option<DateTime<Utc>> + Send + Sync + 'static {
        let seen = self.clone();
        move |text: &str| {
            let Some(date) = parse_date(text) else {
                if !text.trim().is_empty() {
                    seen.missed.store(true, Ordering::Relaxed);
                }
                return None;
            };
            let date = date.with_timezone(&Utc);
            if !is_machine_date(text)
                && let Some(line) = clean_opt(Some(text))
            {
                let mut lines = seen.lines.lock().unwrap_or_else(PoisonError::into_inner);
                lines.entry(date).or_insert(line);
            }
            Some(date)
        }
    }

    /// Whether a date docbao does not read was seen.
    pub(super) fn missed(&self) -> bool {
        self.missed.load(Ordering::Relaxed)
    }

    /// The date line, as written, that gave `date`.
    pub(super) fn line_of(&self, date: DateTime<Utc>) -> Option<String> {
        let lines = self.lines.lock().unwrap_or_else(PoisonError::into_inner);
        lines.get(&date).cloned()
    }
}
