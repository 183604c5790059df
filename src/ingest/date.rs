//! Publication dates as news pages and exports print them.
//!
//! Accepted, the whole string being the date (so a body sentence that merely
//! mentions a date is not taken for a date line):
//! - ISO 8601 / RFC 3339 dates and date-times, with or without an offset;
//! - RFC 2822 (`Tue, 18 Feb 2017 09:30:00 +0700`, as in RSS);
//! - Vietnamese date lines: an optional label (`Cập nhật:`, `Ngày đăng:`,
//!   `Đăng lúc`, `Updated:` …), an optional weekday (`Thứ 6`, `Thứ Năm`,
//!   `Chủ nhật`, `CN`, `T2`, English names; any case, with or without
//!   diacritics, NFC or NFD), a `dd.mm.yyyy`, `dd/mm/yyyy` or `dd-mm-yyyy`
//!   date or a written one (`05 tháng 03 năm 2021`, `5 tháng 3, 2021`), an
//!   optional `hh:mm[:ss]` (or `19h20`) time before or after it, an optional
//!   `GMT+7` / `UTC+07:00` offset, separated by spaces, commas, `|` or
//!   dashes, and the words `ngày` and `lúc` between them.
//!
//! Anything without an offset is Vietnam time, +07:00. A line of that form
//! whose date or time does not exist (31.02, 25:00) is no date;
//! [`read_date_line`] says why, for a caller to tell.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};

use super::fold;

const VIETNAM: FixedOffset = match FixedOffset::east_opt(7 * 3600) {
    Some(offset) => offset,
    None => panic!("+07:00 is a valid offset"),
};

/// Vietnam time, +07:00: the offset of every date that does not give one.
pub fn vietnam_offset() -> FixedOffset {
    VIETNAM
}

/// Parse a publication date in any of the accepted forms (see the module
/// docs). `None` when the whole string is not a date.
pub fn parse_date(input: &str) -> Option<DateTime<FixedOffset>> {
    match read_date_line(input) {
        DateLine::Date(date) => Some(date),
        DateLine::Impossible(_) | DateLine::NotADate => None,
    }
}

/// What a line is, read as a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateLine {
    Date(DateTime<FixedOffset>),
    /// A date line by its form whose date or time does not exist: why
    /// (`month 2 of 2021 has no day 31`).
    Impossible(String),
    NotADate,
}

/// Read a line as a date (see [`parse_date`]), telling a date line whose
/// date does not exist from a line that is no date.
pub fn read_date_line(input: &str) -> DateLine {
    let s = input.trim();
    if s.is_empty() || s.len() > 120 {
        return DateLine::NotADate;
    }
    if let Some(date) = parse_iso(s)
        .or_else(|| DateTime::parse_from_rfc2822(s).ok())
        .or_else(|| parse_mail_like(s))
    {
        return DateLine::Date(date);
    }
    if let Some(why) = impossible_iso(s) {
        return DateLine::Impossible(why);
    }
    parse_date_line(&fold(s))
}

/// Why an ISO date's numbers at the start of `s` ("2021-02-30",
/// "2021-13-01T08:00:00") make no date, said as a date line's are; `None`
/// when they make one or are no ISO date.
fn impossible_iso(s: &str) -> Option<String> {
    let head = s.split(['T', ' ']).next()?;
    let mut parts = head.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    let shaped = parts.next().is_none()
        && y.len() == 4
        && (1..=2).contains(&m.len())
        && (1..=2).contains(&d.len())
        && [y, m, d]
            .iter()
            .all(|p| p.bytes().all(|b| b.is_ascii_digit()));
    if !shaped {
        return None;
    }
    let (year, month, day): (i32, u32, u32) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    if NaiveDate::from_ymd_opt(year, month, day).is_some() {
        return None;
    }
    Some(if (1..=12).contains(&month) {
        format!("month {month} of {year} has no day {day}")
    } else {
        format!("there is no month {month}")
    })
}

/// Whether `input` holds a whole date (`5/3/2021`, `5 tháng 3, 2021`)
/// somewhere in it, real or not.
pub fn holds_a_date(input: &str) -> bool {
    let folded = fold(input);
    let b = folded.as_bytes();
    (0..b.len()).any(|i| {
        let mut j = i;
        b[i].is_ascii_digit()
            && (i == 0 || !b[i - 1].is_ascii_alphanumeric())
            && scan_date(b, &mut j).is_some()
    })
}

/// Is `input` a date and time written for machines (ISO 8601 / RFC 3339,
/// RFC 2822), not a date line written for readers? Such a text says nothing
/// the parsed date does not, and the reader formats that date itself. A
/// date alone ("2021-04-24") is not: it tells that the time is unknown.
pub fn is_machine_date(input: &str) -> bool {
    let s = input.trim();
    if NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok() {
        return false;
    }
    parse_iso(s).is_some()
        || DateTime::parse_from_rfc2822(s).is_ok()
        || parse_mail_like(s).is_some()
}

/// RFC 2822's shape as feeds write it past what RFC 2822 takes (chrono's
/// parser, which feed-rs and [`parse_date`] use, refuses each): no zone
/// (Vietnam time, as every date without an offset), `ICT` (Indochina Time,
/// +07:00), `GMT+7`, `GMT+07:00`, `UTC+7`; and RFC 850's `Saturday,
/// 07-Sep-24 08:00:00 GMT` (HTTP's old form). chrono reads the date and
/// time by their formats; only the zone, which chrono cannot name, is
/// docbao's ([`scan_offset`]). An independent review's find: each was
/// stored undated, and `import` refused them.
fn parse_mail_like(s: &str) -> Option<DateTime<FixedOffset>> {
    let (head, zone) = match s.rsplit_once(' ') {
        Some((head, z)) => match zone_of(z) {
            Some(zone) => (head.trim_end(), Some(zone)),
            None => (s, None),
        },
        None => return None,
    };
    let naive = [
        "%a, %d %b %Y %H:%M:%S",
        "%a, %d %b %Y %H:%M",
        "%d %b %Y %H:%M:%S",
        "%d %b %Y %H:%M",
        "%A, %d-%b-%y %H:%M:%S",
        "%a, %d-%b-%Y %H:%M:%S",
    ]
    .iter()
    .find_map(|f| NaiveDateTime::parse_from_str(head, f).ok())?;
    match zone {
        Some(zone) => zone.from_local_datetime(&naive).single(),
        None => in_vietnam(naive),
    }
}

/// A zone as the last word of a mail-like date: `ICT`, `UT`, `Z`, `GMT` or
/// `UTC` with or without an offset, or a bare `+0700`.
fn zone_of(z: &str) -> Option<FixedOffset> {
    let z = z.to_ascii_lowercase();
    match z.as_str() {
        "ict" => return Some(VIETNAM),
        "ut" | "z" => return FixedOffset::east_opt(0),
        _ => {}
    }
    let mut i = 0;
    let zone = scan_offset(z.as_bytes(), &mut i)?;
    (i == z.len()).then_some(zone)
}

fn in_vietnam(naive: NaiveDateTime) -> Option<DateTime<FixedOffset>> {
    VIETNAM.from_local_datetime(&naive).single()
}

fn parse_iso(s: &str) -> Option<DateTime<FixedOffset>> {
    if !s.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return None;
    }
    if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
        return Some(dt);
    }
    for fmt in [
        "%Y-%m-%dT%H:%M:%S%.f%#z",
        "%Y-%m-%d %H:%M:%S%.f%#z",
        "%Y-%m-%dT%H:%M%#z",
    ] {
        if let Ok(dt) = DateTime::parse_from_str(s, fmt) {
            return Some(dt);
        }
    }
    for fmt in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
    ] {
        if let Ok(naive) = NaiveDateTime::parse_from_str(s, fmt) {
            return in_vietnam(naive);
        }
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .and_then(|d| in_vietnam(d.and_time(NaiveTime::MIN)))
}

/// Weekday names, folded (lower case, no diacritics). Longest first where one
/// is a prefix of another.
const WEEKDAYS: &[&str] = &[
    "chu nhat",
    "thu hai",
    "thu ba",
    "thu tu",
    "thu nam",
    "thu sau",
    "thu bay",
    "thu bay",
    "thu 2",
    "thu 3",
    "thu 4",
    "thu 5",
    "thu 6",
    "thu 7",
    "cn",
    "t2",
    "t3",
    "t4",
    "t5",
    "t6",
    "t7",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "wed",
    "thu",
    "fri",
    "sat",
    "sun",
];

/// Labels a date line may start with, folded, longest first where one is
/// the start of another; a colon may follow.
const LABELS: &[&str] = &[
    "ngay cap nhat",
    "cap nhat luc",
    "cap nhat",
    "ngay dang",
    "ngay xuat ban",
    "dang luc",
    "dang ngay",
    "xuat ban",
    "thoi gian",
    "published",
    "updated",
    "posted",
];

/// Whether the folded bytes at `i` are `word`, as a whole word.
fn word_at(b: &[u8], i: usize, word: &str) -> bool {
    b[i..].starts_with(word.as_bytes())
        && !b.get(i + word.len()).is_some_and(u8::is_ascii_alphanumeric)
}

/// The Vietnamese date-line grammar over a folded string.
fn parse_date_line(s: &str) -> DateLine {
    let b = s.as_bytes();
    let mut i = 0;
    skip_separators(b, &mut i);
    if let Some(label) = LABELS.iter().find(|l| word_at(b, i, l)) {
        i += label.len();
        if b.get(i) == Some(&b':') {
            i += 1;
        }
        skip_separators(b, &mut i);
    }
    if let Some(name) = WEEKDAYS.iter().find(|name| word_at(b, i, name)) {
        i += name.len();
    }
    let mut date: Option<NaiveDate> = None;
    let mut time: Option<NaiveTime> = None;
    let mut offset: Option<FixedOffset> = None;
    let mut impossible: Option<String> = None;
    let (mut dated, mut timed) = (false, false);
    loop {
        skip_separators(b, &mut i);
        if i >= b.len() {
            break;
        }
        if !dated && let Some(d) = scan_date(b, &mut i) {
            dated = true;
            match d {
                Ok(d) => date = Some(d),
                Err(why) => impossible = impossible.or(Some(why)),
            }
        } else if !timed && let Some(t) = scan_time(b, &mut i) {
            timed = true;
            match t {
                Ok(t) => time = Some(t),
                Err(why) => impossible = impossible.or(Some(why)),
            }
        } else if offset.is_none()
            && let Some(o) = scan_offset(b, &mut i)
        {
            offset = Some(o);
        } else if let Some(w) = ["luc", "ngay", "vao"].iter().find(|w| word_at(b, i, w)) {
            i += w.len(); // "lúc 19:20", "ngày 05/03/2021", "vào 19:20"
        } else {
            return DateLine::NotADate;
        }
    }
    if !dated {
        return DateLine::NotADate;
    }
    if let Some(why) = impossible {
        return DateLine::Impossible(why);
    }
    let Some(date) = date else {
        return DateLine::NotADate;
    };
    let naive = date.and_time(time.unwrap_or(NaiveTime::MIN));
    match offset
        .unwrap_or(VIETNAM)
        .from_local_datetime(&naive)
        .single()
    {
        Some(d) => DateLine::Date(d),
        None => DateLine::NotADate,
    }
}

fn skip_separators(b: &[u8], i: &mut usize) {
    while *i < b.len() {
        match b[*i] {
            b' ' | b',' | b'|' | b'-' | b'(' | b')' | b'[' | b']' => *i += 1,
            // En and em dashes (U+2013, U+2014), as printed between date and time.
            0xE2 if b.get(*i + 1) == Some(&0x80) && matches!(b.get(*i + 2), Some(0x93 | 0x94)) => {
                *i += 3
            }
            _ => break,
        }
    }
}

/// 1 to `max` ASCII digits.
fn scan_number(b: &[u8], i: &mut usize, max: usize) -> Option<u32> {
    let start = *i;
    let mut n: u32 = 0;
    while *i < b.len() && b[*i].is_ascii_digit() && *i - start < max {
        n = n * 10 + u32::from(b[*i] - b'0');
        *i += 1;
    }
    if *i == start || b.get(*i).is_some_and(u8::is_ascii_digit) {
        *i = start;
        return None;
    }
    Some(n)
}

/// `d.m.yyyy`, `d/m/yyyy` or `d-m-yyyy` (one separator throughout), or
/// written out: `d tháng m năm yyyy`, `d tháng m, yyyy` (folded). `None`
/// when there is no date of that form at `i`; a date of that form that
/// does not exist (31.02) is `Some(Err(why))`.
fn scan_date(b: &[u8], i: &mut usize) -> Option<Result<NaiveDate, String>> {
    let start = *i;
    let parsed = (|| {
        let day = scan_number(b, i, 2)?;
        let month = if let Some(&sep) = b.get(*i).filter(|c| matches!(c, b'.' | b'/' | b'-')) {
            *i += 1;
            let month = scan_number(b, i, 2)?;
            (b.get(*i) == Some(&sep)).then_some(())?;
            *i += 1;
            month
        } else {
            // " tháng 3 năm 2021", " tháng 3, 2021", " tháng 3 2021"
            skip_spaces(b, i);
            word_at(b, *i, "thang").then_some(())?;
            *i += "thang".len();
            skip_spaces(b, i);
            let month = scan_number(b, i, 2)?;
            skip_spaces(b, i);
            if word_at(b, *i, "nam") {
                *i += "nam".len();
            } else if b.get(*i) == Some(&b',') {
                *i += 1;
            }
            skip_spaces(b, i);
            month
        };
        let year_start = *i;
        let year = scan_number(b, i, 4)?;
        (*i - year_start == 4).then_some(())?;
        Some(match NaiveDate::from_ymd_opt(year as i32, month, day) {
            Some(date) => Ok(date),
            None if !(1..=12).contains(&month) => Err(format!("there is no month {month}")),
            None => Err(format!("month {month} of {year} has no day {day}")),
        })
    })();
    if parsed.is_none() {
        *i = start;
    }
    parsed
}

fn skip_spaces(b: &[u8], i: &mut usize) {
    while b.get(*i) == Some(&b' ') {
        *i += 1;
    }
}

/// `h:mm`, `h:mm:ss` or `19h20`, with an optional `am`/`pm`. `None` when
/// there is no time of that form at `i`; one that does not exist (25:00)
/// is `Some(Err(why))`.
fn scan_time(b: &[u8], i: &mut usize) -> Option<Result<NaiveTime, String>> {
    let start = *i;
    let parsed = (|| {
        let mut hour = scan_number(b, i, 2)?;
        let sep = *b.get(*i).filter(|c| matches!(c, b':' | b'h'))?;
        *i += 1;
        let min_start = *i;
        let minute = scan_number(b, i, 2)?;
        (*i - min_start == 2).then_some(())?;
        let mut second = 0;
        if sep == b':' && b.get(*i) == Some(&b':') {
            *i += 1;
            second = scan_number(b, i, 2)?;
        }
        let mut j = *i;
        while b.get(j) == Some(&b' ') {
            j += 1;
        }
        for (mark, pm) in [("am", false), ("pm", true), ("sa", false), ("ch", true)] {
            if b[j..].starts_with(mark.as_bytes())
                && !b.get(j + 2).is_some_and(u8::is_ascii_alphanumeric)
                && (1..=12).contains(&hour)
            {
                hour = hour % 12 + if pm { 12 } else { 0 };
                *i = j + 2;
                break;
            }
        }
        Some(
            NaiveTime::from_hms_opt(hour, minute, second)
                .ok_or_else(|| format!("{hour:02}:{minute:02} is no time of day")),
        )
    })();
    if parsed.is_none() {
        *i = start;
    }
    parsed
}

/// `gmt+7`, `utc+07:00`, `gmt+0700`, `gmt` alone (= UTC), or a bare `+07:00`.
fn scan_offset(b: &[u8], i: &mut usize) -> Option<FixedOffset> {
    let start = *i;
    let parsed = (|| {
        let named = b[*i..].starts_with(b"gmt") || b[*i..].starts_with(b"utc");
        if named {
            *i += 3;
        }
        let sign = match b.get(*i) {
            Some(b'+') => 1,
            Some(b'-') if named => -1,
            // "-" is a separator unless it follows GMT/UTC.
            _ if named && !b.get(*i).is_some_and(u8::is_ascii_alphanumeric) => {
                return FixedOffset::east_opt(0);
            }
            _ => return None,
        };
        *i += 1;
        let digits_start = *i;
        let mut hours = scan_number(b, i, 4)?;
        let mut minutes = 0;
        if *i - digits_start > 2 {
            // "+0700"
            minutes = hours % 100;
            hours /= 100;
        } else if b.get(*i) == Some(&b':') {
            *i += 1;
            minutes = scan_number(b, i, 2)?;
        }
        if hours > 14 || minutes > 59 {
            return None;
        }
        FixedOffset::east_opt(sign * (hours * 3600 + minutes * 60) as i32)
    })();
    if parsed.is_none() {
        *i = start;
    }
    parsed
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    fn iso(s: &str) -> String {
        parse_date(s)
            .map(|d| d.to_rfc3339())
            .unwrap_or_else(|| "none".into())
    }

    /// RSS dates past RFC 2822 (an independent review's finds), each
    /// 08:00 in Vietnam; and a form that is still none.
    #[test]
    fn feeds_dates_past_rfc_2822() {
        let vn = "2024-09-07T08:00:00+07:00";
        for (s, want) in [
            ("Sat, 07 Sep 2024 08:00:00", vn),
            ("Sat, 07 Sep 2024 08:00:00 ICT", vn),
            ("Sat, 07 Sep 2024 08:00:00 GMT+7", vn),
            ("Sat, 07 Sep 2024 08:00:00 GMT+07:00", vn),
            ("Sat, 07 Sep 2024 08:00:00 UTC+7", vn),
            ("Sat, 7 Sep 2024 8:00 ict", vn),
            (
                "Saturday, 07-Sep-24 01:00:00 GMT",
                "2024-09-07T01:00:00+00:00",
            ),
        ] {
            assert_eq!(iso(s), want, "{s}");
            assert!(is_machine_date(s), "{s}");
        }
        assert_eq!(iso("Sat, 07 Sep 2024 08:00:00 XYZ"), "none");
        assert_eq!(iso("Sat, 07 Sep 2024"), "none");
    }

    #[test]
    fn machine_dates_and_lines_for_readers() {
        for s in [
            "2017-02-18T13:00:00+07:00",
            "2017-02-18 13:00:00",
            "Sat, 18 Feb 2017 13:00:00 +0700",
        ] {
            assert!(is_machine_date(s), "{s}");
        }
        for s in [
            "2021-04-24",
            "Thứ 6, 05.03.2021 | 00:00:00",
            "05/03/2021 19h20",
            "",
        ] {
            assert!(!is_machine_date(s), "{s}");
        }
    }

    #[test]
    fn vietnamese_date_lines() {
        let cases = [
            ("Thứ 6, 05.03.2021 | 00:00:00", "2021-03-05T00:00:00+07:00"),
            (
                "Chủ nhật, 14.11.2021 | 08:30:00",
                "2021-11-14T08:30:00+07:00",
            ),
            (
                "Thứ Năm, 2/11/2023, 19:20 (GMT+7)",
                "2023-11-02T19:20:00+07:00",
            ),
            (
                "THỨ NĂM, 2/11/2023, 19:20 (GMT+7)",
                "2023-11-02T19:20:00+07:00",
            ),
            (
                "thu nam, 2/11/2023, 19:20 (GMT+7)",
                "2023-11-02T19:20:00+07:00",
            ),
            (
                "Thứ hai, 2/11/2023 - 07:05 GMT+0",
                "2023-11-02T07:05:00+00:00",
            ),
            ("05/03/2021", "2021-03-05T00:00:00+07:00"),
            ("5.3.2021 8:30", "2021-03-05T08:30:00+07:00"),
            ("08:30 05-03-2021", "2021-03-05T08:30:00+07:00"),
            ("05/03/2021 lúc 19h20", "2021-03-05T19:20:00+07:00"),
            ("CN, 14/11/2021 08:30 PM", "2021-11-14T20:30:00+07:00"),
            (
                "T7, 13/11/2021 – 10:00 (UTC+05:30)",
                "2021-11-13T10:00:00+05:30",
            ),
            (
                "Friday, 05/03/2021 10:00 GMT-5",
                "2021-03-05T10:00:00-05:00",
            ),
            // "ngày", a written date, a label before it.
            (
                "Thứ Sáu, ngày 05/03/2021 - 08:12",
                "2021-03-05T08:12:00+07:00",
            ),
            ("Ngày 05 tháng 03 năm 2021", "2021-03-05T00:00:00+07:00"),
            ("5 tháng 3, 2021", "2021-03-05T00:00:00+07:00"),
            ("5 tháng 3 2021 lúc 8:12", "2021-03-05T08:12:00+07:00"),
            ("Cập nhật: 08:12 05/03/2021", "2021-03-05T08:12:00+07:00"),
            (
                "Cập nhật lúc 08:12 ngày 05/03/2021",
                "2021-03-05T08:12:00+07:00",
            ),
            (
                "Ngày đăng: Thứ Sáu, 05/03/2021 (GMT+7)",
                "2021-03-05T00:00:00+07:00",
            ),
            ("Đăng lúc 19h20 ngày 5-3-2021", "2021-03-05T19:20:00+07:00"),
            ("Updated: 05.03.2021 08:12", "2021-03-05T08:12:00+07:00"),
        ];
        for (input, want) in cases {
            assert_eq!(iso(input), want, "{input}");
            let nfd: String = input.nfd().collect();
            assert_eq!(iso(&nfd), want, "NFD {input}");
        }
    }

    #[test]
    fn iso_and_rfc_dates() {
        let cases = [
            ("2020-10-01", "2020-10-01T00:00:00+07:00"),
            ("2020-10-01T08:30:00", "2020-10-01T08:30:00+07:00"),
            ("2020-10-01 08:30", "2020-10-01T08:30:00+07:00"),
            ("2020-10-01T08:30:00Z", "2020-10-01T08:30:00+00:00"),
            (
                "2020-10-01T08:30:00.250+07:00",
                "2020-10-01T08:30:00.250+07:00",
            ),
            ("2020-10-01T08:30:00+0700", "2020-10-01T08:30:00+07:00"),
            (
                "Sat, 18 Feb 2017 09:30:00 +0700",
                "2017-02-18T09:30:00+07:00",
            ),
        ];
        for (input, want) in cases {
            assert_eq!(iso(input), want, "{input}");
        }
    }

    #[test]
    fn a_date_line_whose_date_does_not_exist_says_why() {
        for (s, why) in [
            ("31/02/2021", "month 2 of 2021 has no day 31"),
            (
                "Thứ 6, 31.02.2021 | 00:00:00",
                "month 2 of 2021 has no day 31",
            ),
            ("29.02.2021", "month 2 of 2021 has no day 29"),
            ("Ngày 05 tháng 13 năm 2021", "there is no month 13"),
            ("05/03/2021 25:00", "25:00 is no time of day"),
            ("00/03/2021", "month 3 of 2021 has no day 0"),
            // ISO dates too (a JSON line's "date").
            ("2021-02-30", "month 2 of 2021 has no day 30"),
            ("2021-13-01", "there is no month 13"),
            ("2021-02-29T10:00:00+07:00", "month 2 of 2021 has no day 29"),
        ] {
            assert_eq!(read_date_line(s), DateLine::Impossible(why.into()), "{s}");
            assert_eq!(parse_date(s), None, "{s}");
        }
        // A leap year's 29 February is a date.
        assert_eq!(iso("29.02.2024"), "2024-02-29T00:00:00+07:00");
        // Words that are not of a date line: no date, not an impossible one.
        assert_eq!(read_date_line("31/02/2021 theo TTXVN"), DateLine::NotADate);
        assert_eq!(read_date_line("Cập nhật"), DateLine::NotADate);
        // An ISO date that exists is one; ISO-like text that is no date is none.
        assert!(matches!(read_date_line("2024-02-29"), DateLine::Date(_)));
        assert_eq!(read_date_line("2021-02-3x"), DateLine::NotADate);
    }

    #[test]
    fn a_date_held_in_a_line() {
        assert!(holds_a_date("Thứ Sáu, 05/03/2021 - 08:12 - Theo TTXVN"));
        assert!(holds_a_date("Sáng 5 tháng 3, 2021 tại Hà Nội"));
        assert!(!holds_a_date("Tăng 5/3 so với năm 2021"));
        assert!(!holds_a_date("Mã 105/03/2021X"));
        assert!(!holds_a_date("Hôm qua lúc 08:12"));
    }

    #[test]
    fn not_dates() {
        for s in [
            "",
            "279 lượt xem",
            "Chiều 5/3/2021, các đồng chí họp",
            "31/02/2021",
            "05/03/21",
            "Thứ 6",
            "12:00",
            "05/03/2021 25:00",
            "Cao Biền",
            "2021",
            "tháng 3 năm 2021",
            "Cập nhật: hôm qua",
            "5 tháng ba 2021",
        ] {
            assert_eq!(iso(s), "none", "{s}");
        }
    }
}
