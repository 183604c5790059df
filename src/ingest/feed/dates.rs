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
//! the date itself). A date neither parser reads is kept as written too:
//! docbao's parser hands feed-rs a stand-in instant for it (in year 1,
//! [`FeedDates::unread_text`]), so that its text is still known by item.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use chrono::{DateTime, Utc};

use feed_rs::model::Entry;

use crate::ingest::date::{is_machine_date, parse_date};
use crate::model::FeedItem;
use crate::text::clean_opt;

/// Dates seen while a feed is parsed: the date lines, by the instant they
/// give, whether any date was left unread, and the texts of those (by the
/// stand-in instant each was given).
#[derive(Default, Clone)]
pub(super) struct FeedDates {
    lines: Arc<Mutex<HashMap<DateTime<Utc>, String>>>,
    missed: Arc<AtomicBool>,
    unread: Arc<Mutex<Vec<String>>>,
}

/// The first stand-in instant for a date docbao's parser did not read:
/// 0001-01-01, before any feed's date (RFC 2822 starts in 1900).
const UNREAD_FROM: i64 = -62_135_596_800;

impl FeedDates {
    /// The timestamp parser to give feed-rs.
    pub(super) fn parser(&self) -> impl Fn(&str) -> Option<DateTime<Utc>> + Send + Sync + 'static {
        let seen = self.clone();
        move |text: &str| {
            let Some(date) = parse_date(text) else {
                let line = clean_opt(Some(text))?;
                seen.missed.store(true, Ordering::Relaxed);
                let mut unread = seen.unread.lock().unwrap_or_else(PoisonError::into_inner);
                let at = DateTime::from_timestamp(UNREAD_FROM + unread.len() as i64, 0);
                unread.push(line);
                return at;
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

    /// What to say when items are left undated because their date is
    /// written in a form neither parser reads (JSON lines say it of each
    /// such line): how many, their date kept as written; and, apart, how
    /// many of the others give no date at all (counted with them before:
    /// an independent review's find).
    pub(super) fn undated_note(&self, name: &str, items: &[FeedItem]) -> Option<String> {
        let undated = items.iter().filter(|i| i.article.published.is_none());
        let (unread, none) = undated.fold((0, 0), |(u, n), i| match i.article.date_text {
            Some(_) => (u + 1, n),
            None => (u, n + 1),
        });
        (unread > 0).then(|| {
            let also = match none {
                0 => String::new(),
                n => format!(
                    "; {} with no date at all",
                    crate::text::count(n, "other item")
                ),
            };
            format!(
                "{name}: {} with a date docbao does not read (written in a form it does not \
                 know): stored undated, the date kept as written{also}",
                crate::text::count(unread, "item")
            )
        })
    }

    /// An entry's date (published, else updated: docbao's reading, else
    /// feed-rs's lenient one of `other`, the same entry read again) and its
    /// text: the line as written for readers of a date read; of none, the
    /// text of the date neither parser read, as written.
    pub(super) fn of(
        &self,
        entry: &Entry,
        other: Option<&Entry>,
    ) -> (Option<DateTime<Utc>>, Option<String>) {
        let read = |d: Option<DateTime<Utc>>| d.filter(|d| self.unread_text(*d).is_none());
        let date = (read(entry.published))
            .or(other.and_then(|o| o.published))
            .or(read(entry.updated))
            .or(other.and_then(|o| o.updated));
        let text = match date {
            Some(d) => self.line_of(d),
            None => [entry.published, entry.updated]
                .into_iter()
                .flatten()
                .find_map(|d| self.unread_text(d)),
        };
        (date, text)
    }

    /// The text of a date neither parser read, as written, by the stand-in
    /// instant it was given.
    pub(super) fn unread_text(&self, date: DateTime<Utc>) -> Option<String> {
        let i = usize::try_from(date.timestamp().checked_sub(UNREAD_FROM)?).ok()?;
        let unread = self.unread.lock().unwrap_or_else(PoisonError::into_inner);
        unread.get(i).cloned()
    }

    /// The date line, as written, that gave `date`.
    pub(super) fn line_of(&self, date: DateTime<Utc>) -> Option<String> {
        let lines = self.lines.lock().unwrap_or_else(PoisonError::into_inner);
        lines.get(&date).cloned()
    }
}

/// How far ahead of the time a feed is read an item's date may be: a
/// clock or a time zone set wrong by a few hours, not more.
const AHEAD: i64 = 86_400;

/// An item's date more than [`AHEAD`] after `now` (the feed read) is taken
/// as `now`: an item dated 2100 was listed first for ever, above every
/// item since (an independent review's find).
pub(super) fn not_ahead(date: DateTime<Utc>, now: DateTime<Utc>) -> DateTime<Utc> {
    match date.timestamp() - now.timestamp() > AHEAD {
        true => now,
        false => date,
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
            notes(&[
                "not a date",
                "Sat, 18 Feb 2017 15:16:55 +0700",
                "hôm qua",
                ""
            ]),
            [
                "d.xml: 2 items with a date docbao does not read (written in a form it does not \
                 know): stored undated, the date kept as written; 1 other item with no date at all"
            ]
        );
        assert!(notes(&["Sat, 18 Feb 2017 15:16:55 +0700"]).is_empty());
        assert!(notes(&["", ""]).is_empty(), "no date given: nothing to say");
    }

    /// An item dated more than a day ahead is dated when the feed is read;
    /// one a few hours ahead keeps its date.
    #[test]
    fn a_date_far_ahead_is_the_time_the_feed_is_read() {
        let soon = chrono::Utc::now() + chrono::Duration::hours(12);
        let xml = format!(
            "<rss version=\"2.0\"><channel><title>T</title>\
             <item><title>A</title><link>https://x.vn/1</link><pubDate>Fri, 01 Jan 2100 08:00:00 +0700</pubDate></item>\
             <item><title>B</title><link>https://x.vn/2</link><pubDate>{}</pubDate></item>\
             </channel></rss>",
            soon.to_rfc2822()
        );
        let before = chrono::Utc::now().timestamp();
        let f = parse_feed("d.xml", xml.as_bytes(), None).unwrap();
        let after = chrono::Utc::now().timestamp();
        let at = |i: usize| f.items[i].article.published.unwrap().timestamp();
        assert!(
            (before..=after).contains(&at(0)),
            "{:?}",
            f.items[0].article.published
        );
        assert_eq!(at(1), soon.timestamp());
    }

    /// A date no parser reads is kept as written, as `import` keeps it; the
    /// forms past RFC 2822 an independent review found are read.
    #[test]
    fn an_unread_date_is_kept_as_written() {
        let xml = "<rss version=\"2.0\"><channel><title>T</title>\
            <item><title>A</title><link>https://x.vn/1</link><pubDate>hôm qua lúc 8 giờ</pubDate></item>\
            <item><title>B</title><link>https://x.vn/2</link><pubDate>Sat, 07 Sep 2024 08:00:00 ICT</pubDate></item>\
            <item><title>C</title><link>https://x.vn/3</link><pubDate>Saturday, 07-Sep-24 01:00:00 GMT</pubDate></item>\
            </channel></rss>";
        let f = parse_feed("d.xml", xml.as_bytes(), None).unwrap();
        let a = &f.items[0].article;
        assert_eq!(
            (a.published, a.date_text.as_deref()),
            (None, Some("hôm qua lúc 8 giờ"))
        );
        for i in [1, 2] {
            let b = &f.items[i].article;
            let at = b.published.map(|d| d.to_rfc3339());
            assert_eq!(at.as_deref(), Some("2024-09-07T08:00:00+07:00"), "{b:?}");
        }
    }
}
