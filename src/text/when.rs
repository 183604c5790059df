//! A time as a person types it for `--since` and `--until`: a day, a time,
//! "today", "yesterday", or a time ago.

use chrono::{DateTime, Duration, Local, NaiveDate, NaiveDateTime, TimeZone, Utc};

/// What a typed time names, from `start` to `end` (exclusive), in seconds
/// since the Unix epoch: a day is its 24 hours (local), a time an instant.
/// A day is also kept as the date it is (`day`): a dated article is on it
/// when its own date, as the page printed it and the list shows it, is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct When {
    pub start: i64,
    pub end: i64,
    pub day: Option<NaiveDate>,
}

/// `s` read at `now`: "2021-03-05" (that day, local), "2021-03-05T08:00" or
/// "2021-03-05 08:00" (local), an RFC 3339 time, "today", "yesterday", or
/// a time ago ("30m", "12h", "3d", "2w"). Else why not, naming what it
/// takes.
pub fn parse(s: &str, now: DateTime<Utc>) -> Result<When, String> {
    let t = s.trim();
    let instant = |at: i64| When {
        start: at,
        end: at,
        day: None,
    };
    let day = |d: NaiveDate| -> Result<When, String> {
        let start = local(d.and_hms_opt(0, 0, 0).unwrap_or_default())?;
        let next = d.succ_opt().ok_or("a day past the calendar's end")?;
        let end = local(next.and_hms_opt(0, 0, 0).unwrap_or_default())?;
        Ok(When {
            start,
            end,
            day: Some(d),
        })
    };
    let today = now.with_timezone(&Local).date_naive();
    match t.to_ascii_lowercase().as_str() {
        "today" => return day(today),
        "yesterday" => return day(today.pred_opt().unwrap_or(today)),
        _ => {}
    }
    if let Some((n, unit)) = t
        .char_indices()
        .last()
        .and_then(|(i, c)| Some((t[..i].parse::<i64>().ok()?, c)))
    {
        let secs = match unit {
            'm' => 60,
            'h' => 3_600,
            'd' => 86_400,
            'w' => 7 * 86_400,
            _ => 0,
        };
        if secs > 0 && n >= 0 {
            let ago = Duration::try_seconds(n.saturating_mul(secs)).ok_or("too long ago")?;
            return Ok(instant((now - ago).timestamp()));
        }
    }
    if let Ok(d) = NaiveDate::parse_from_str(t, "%Y-%m-%d") {
        return day(d);
    }
    if let Ok(at) = DateTime::parse_from_rfc3339(t)
        .or_else(|_| DateTime::parse_from_str(t, "%Y-%m-%dT%H:%M%:z"))
    {
        return Ok(instant(at.timestamp()));
    }
    for form in [
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
    ] {
        if let Ok(at) = NaiveDateTime::parse_from_str(t, form) {
            return local(at).map(instant);
        }
    }
    Err(format!(
        "\"{t}\" is no time docbao reads: give a day (2021-03-05), a time (2021-03-05T08:00), \
         \"today\", \"yesterday\" or a time ago (12h, 3d, 2w)"
    ))
}

/// A local time as seconds since the epoch (the earlier of two, where
/// clocks go back).
fn local(at: NaiveDateTime) -> Result<i64, String> {
    Local
        .from_local_datetime(&at)
        .earliest()
        .map(|t| t.timestamp())
        .ok_or_else(|| format!("{at} is no time here (the clocks skip it)"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_times_and_times_ago() {
        let now = DateTime::parse_from_rfc3339("2026-12-07T03:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let at = |s: &str| parse(s, now).unwrap();
        let ago = |secs: i64| now.timestamp() - secs;
        assert_eq!(at("12h").start, ago(12 * 3600));
        assert_eq!(
            at("3d"),
            When {
                start: ago(3 * 86_400),
                end: ago(3 * 86_400),
                day: None,
            }
        );
        assert_eq!(at("2w").start, ago(14 * 86_400));
        assert_eq!(at("30m").start, ago(1800));
        let t = at("2021-03-05T08:00:00+07:00");
        assert_eq!(t.start, 1_614_906_000);
        assert_eq!(at("2021-03-05T08:00+07:00"), t);
        // A day: its 24 local hours.
        let d = at("2021-03-05");
        assert_eq!(d.end - d.start, 86_400);
        assert_eq!(d.day, NaiveDate::from_ymd_opt(2021, 3, 5));
        assert_eq!(at("2021-03-05T00:00").day, None);
        assert_eq!(at("2021-03-05T00:00").start, d.start);
        assert_eq!(at("2021-03-05 00:00").start, d.start);
        let (today, yesterday) = (at("today"), at("Yesterday"));
        assert_eq!(yesterday.end, today.start);
        assert!(today.start <= now.timestamp() && now.timestamp() < today.end);
        for bad in ["", "hôm qua", "2021-13-01", "5x", "-3d", "2021/03/05"] {
            let e = parse(bad, now).unwrap_err();
            assert!(e.contains("no time docbao reads"), "{bad}: {e}");
        }
    }
}
