//! Text: the cleaning pipeline, web addresses, wrapping, folding for search, layout, widths.

pub mod clean;
pub mod fold;
pub mod guard;
pub mod keywords;
pub mod lang;
pub mod layout;
pub mod links;
pub mod markdown;
pub mod marks;
pub mod operators;
pub mod pos;
pub mod search;
pub mod segment;
pub mod syllables;
pub mod url;
pub mod when;
pub mod width;
pub mod wrap;

pub use clean::{clean, clean_code_line, clean_opt, clean_paragraphs};
pub use url::{NotWebUrl, typed_address, web_url};
pub use wrap::{wrap_line, wrap_with_indent};

/// What went wrong in an I/O error, without the path some errors carry
/// (a temporary file's, which the user never named): "Not a directory (os
/// error 20)", else the error's kind.
pub fn io_reason(e: &std::io::Error) -> String {
    // An error wrapped with a path (`tempfile`'s) holds the system's inside.
    let inner = (e.get_ref())
        .and_then(|inner| inner.source())
        .and_then(|source| source.downcast_ref::<std::io::Error>());
    match e.raw_os_error().or_else(|| inner?.raw_os_error()) {
        Some(code) => std::io::Error::from_raw_os_error(code).to_string(),
        // Rust's names of kinds ("entity not found") are not a user's words.
        None => match e.kind() {
            std::io::ErrorKind::NotFound => "no such file or folder".to_string(),
            std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
            kind => kind.to_string(),
        },
    }
}

/// A count and its noun, singular for one: `count(1, "feed")` is "1 feed",
/// `count(2, "feed")` "2 feeds" (the nouns docbao counts take an `s`).
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// A time (seconds since the Unix epoch) to the minute, in the local time
/// zone with its offset ("2026-12-07 10:40 +07:00"; `TZ` chooses it, UTC
/// where none is set); "never" for none. It was UTC, which a reader in Hà
/// Nội had to count back from (a tester's find).
pub fn local_minute(ts: i64) -> String {
    chrono::DateTime::from_timestamp(ts, 0).map_or("never".to_string(), |d| {
        d.with_timezone(&chrono::Local)
            .format("%Y-%m-%d %H:%M %:z")
            .to_string()
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_count_of_one_is_singular() {
        assert_eq!(super::count(1, "feed"), "1 feed");
        assert_eq!(super::count(0, "item"), "0 items");
        assert_eq!(super::count(25, "article"), "25 articles");
    }
}
