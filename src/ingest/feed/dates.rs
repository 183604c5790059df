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

    /// What to say when items are left undated while the feed held a date
    /// docbao's parser did not read (JSON lines say it of each such line):
    /// how many items have no date read. Which text it was is not said:
    /// feed-rs's lenient parser may have read it, and it does not say which.
    pub(super) fn undated_note(&self, name: &str, undated: usize) -> Option<String> {
        (undated > 0 && self.missed()).then(|| {
            format!(
                "{name}: {} with no date docbao reads (a date written in a form it does not \
                 know): stored undated",
                crate::text::count(undated, "item")
            )
        })
    }

    /// The date line, as written, that gave `date`.
    pub(super) fn line_of(&self, date: DateTime<Utc>) -> Option<String> {
        let lines = self.lines.lock().unwrap_or_else(PoisonError::into_inner);
        lines.get(&date).cloned()
    }
}

#[cfg(test)]
mod tests {
    use crate::ingest::feed::parse_feed;

    /// An item left undated by a date neither parser reads is said, once
    /// for the feed, as JSON lines say it (it was dropped with no word: an
    /// independent review's find); a feed whose dates are read, or that
    /// gives none, says nothing.
    #[test]
    fn an_unread_date_is_said() {
        let notes = |dates: &[&str]| {
            let items: String = dates
                .iter()
                .enumerate()
                .map(|(i, d)| {
                    let date = if d.is_empty() {
                        String::new()
                    } else {
                        format!("<pubDate>{d}</pubDate>")
                    };
                    format!("<item><title>A{i}</title><link>https://x.vn/{i}</link>{date}</item>")
                })
                .collect();
            let xml =
                format!("<rss version=\"2.0\"><channel><title>T</title>{items}</channel></rss>");
            parse_feed("d.xml", xml.as_bytes(), None).unwrap().notes
        };
        assert_eq!(
            notes(&["not a date", "Sat, 18 Feb 2017 15:16:55 +0700", "hôm qua"]),
            [
                "d.xml: 2 items with no date docbao reads (a date written in a form it does not know): stored undated"
            ]
        );
        assert!(notes(&["Sat, 18 Feb 2017 15:16:55 +0700"]).is_empty());
        assert!(notes(&["", ""]).is_empty(), "no date given: nothing to say");
    }
}
