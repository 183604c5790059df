//! Ingesters: parsers from saved article files to [`NewArticle`] values.
//!
//! The flow for one file is `decode_text` (byte-level checks: size, empty,
//! binary, UTF-8, BOM, line endings), then `detect` to pick a parser, then
//! [`parse_page_text`] or [`parse_jsonl`]. HTML pages skip `decode_text`:
//! [`parse_html`] does its own decoding (charset declarations, legacy encodings). Nothing here touches the store.
//!
//! [`NewArticle`]: crate::model::NewArticle

pub mod date;
pub mod document;
pub mod entities;
pub mod feed;
pub mod html;
pub mod jsonl;
pub mod markup;
pub mod newsboat;
pub mod opml;
pub mod page_text;
pub mod site;

pub use date::{parse_date, vietnam_offset};
pub use document::{DocumentError, parse_document};
pub use html::parse_html;
pub use jsonl::{
    LineError, LineErrorKind, jsonl_records, parse_jsonl, parse_jsonl_numbered, undated_note,
};
pub use page_text::parse_page_text;
pub use site::site_of;

/// Files larger than this are refused before they are decoded.
pub const MAX_FILE_BYTES: usize = 32 * 1024 * 1024;

/// What kind of file a saved article is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One article as page text: title, date line, body, author, keywords, related.
    PageText,
    /// One JSON object per line.
    JsonLines,
    /// A whole JSON document: an array of article objects, or one (pretty-printed) object.
    Json,
    /// A feed saved to a file (RSS, Atom, JSON Feed): its items are the articles.
    Feed,
    /// A saved HTML page: [`parse_html`] picks the article out of it.
    Html,
}

/// Errors from reading and parsing one file. Every message can be shown to a
/// user as it is; the byte-level ones name the file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IngestError {
    #[error("{name}: file is {:.1} MiB, over the 32 MiB limit", *.bytes as f64 / (1024.0 * 1024.0))]
    TooLarge { name: String, bytes: usize },
    #[error("{name}: empty or blank: no text in it")]
    Empty { name: String },
    #[error("{name}: looks like a binary file, not text")]
    Binary { name: String },
    #[error(
        "{name}: neither JSON lines nor page text: its first line starts as JSON does, but no line is a JSON object"
    )]
    NeitherJsonNorText { name: String },
    #[error("{name}: is UTF-16 text; convert it to UTF-8 first")]
    Utf16 { name: String },
    #[error("{name}: not valid UTF-8 at byte {byte} (line {line}); convert it to UTF-8 first")]
    InvalidUtf8 {
        name: String,
        byte: usize,
        line: usize,
    },
    #[error(
        "{name}: {bad} bytes are not {charset}, the charset the page is read in \
         (a page in another charset than it says); not saved"
    )]
    WrongCharset {
        name: String,
        charset: String,
        bad: usize,
    },
    #[error(
        "{name}: written in the charset \"{charset}\" (as {by} says), which docbao cannot \
         read (a page saved as UTF-8 can be imported)"
    )]
    UnknownCharset {
        name: String,
        charset: String,
        by: &'static str,
    },
    #[error(
        "{name}: is an OPML list of feeds, not articles: subscribe to its feeds with \
         `docbao feed import-opml {}`",
        shell_quoted(name)
    )]
    Opml { name: String },
    #[error("{name}: is {what}, not an HTML page")]
    NotHtml { name: String, what: &'static str },
    #[error("{name}: no article found in the page (an index or home page?)")]
    NoArticle { name: String },
    #[error(
        "{name}: the page declares a {kind} but holds none of its text (written by JavaScript?)"
    )]
    NoArticleText { name: String, kind: String },
    #[error("{name}: no article found in the page, only a paywall's sign-up prompt")]
    Paywalled { name: String },
    #[error("page text is empty: expected the article title on the first line")]
    NoTitle,
    #[error("page text starts with the date line \"{line}\": expected the article title first")]
    TitleIsDate { line: String },
    #[error("page text's first line \"{line}\" does not read as an article title: {reason}")]
    NotATitle { line: String, reason: String },
    #[error(
        "page text has the title \"{title}\" but no body: expected the article's paragraphs after it"
    )]
    NoBody { title: String },
}

/// Decide how to parse a file from its name and its first bytes.
///
/// A known extension wins: `.jsonl`, `.ndjson` are JSON lines; `.json` is
/// a whole JSON document (an array of articles, one article object, a JSON
/// Feed) or, when it holds several values, JSON lines; `.rss`, `.atom`,
/// `.xml` are feeds; `.html`, `.htm`, `.xhtml` are HTML; `.txt` is page
/// text. Otherwise the content decides: `{` or `[` first is JSON as for
/// `.json`, `<` is a feed when the root element is `rss`, `feed` or
/// `rdf:RDF` and HTML otherwise, anything else page text.
pub fn detect(path_name: &str, bytes: &[u8]) -> Format {
    // Neither: it reads as JSON more than as anything else.
    detect_named(path_name, bytes).unwrap_or(Format::JsonLines)
}

/// [`detect`], saying when a `.txt` file that starts with `{` is neither
/// JSON nor page text ([`IngestError::NeitherJsonNorText`], naming the
/// file) rather than taking it for one of them.
pub fn detect_named(path_name: &str, bytes: &[u8]) -> Result<Format, IngestError> {
    let file_name = path_name.rsplit(['/', '\\']).next().unwrap_or(path_name);
    let body = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    // A list of feeds (its importer is `feed import-opml`): it was read as
    // an HTML page with no article (a review's find).
    let opml = || IngestError::Opml {
        name: path_name.to_string(),
    };
    if body.trim_ascii_start().starts_with(b"<") && document::is_opml_markup(body) {
        return Err(opml());
    }
    if let Some((_, ext)) = file_name.rsplit_once('.') {
        match ext.to_ascii_lowercase().as_str() {
            "opml" => return Err(opml()),
            "jsonl" | "ndjson" => return Ok(Format::JsonLines),
            "json" => return Ok(document::json_kind(body)),
            "rss" | "atom" | "xml" => return Ok(Format::Feed),
            "html" | "htm" | "xhtml" => return Ok(Format::Html),
            // Unless it plainly holds something else: JSON, a feed or a
            // web page saved under another name (no article's title starts
            // with `{` or `<`; "[Ảnh] …" may start with `[`).
            "txt" | "text" => {
                return text_file_kind(body).ok_or_else(|| IngestError::NeitherJsonNorText {
                    name: path_name.to_string(),
                });
            }
            _ => {}
        }
    }
    Ok(match body.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'{' | b'[') => document::json_kind(body),
        Some(b'<') if document::is_feed_markup(body) => Format::Feed,
        Some(b'<') => Format::Html,
        _ => Format::PageText,
    })
}

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// What a `.txt` file holds: page text, unless it starts with JSON, or it
/// is a feed or an HTML page. `None`: it starts as JSON but is neither JSON
/// nor page text.
fn text_file_kind(body: &[u8]) -> Option<Format> {
    let start = body
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(body.len());
    let rest = &body[start..];
    Some(match rest.first() {
        Some(b'{') => return document::brace_kind(rest),
        Some(b'[')
            if serde_json::from_slice::<serde_json::Value>(rest).is_ok_and(|v| v.is_array()) =>
        {
            Format::Json
        }
        Some(b'<') if document::is_feed_markup(rest) => Format::Feed,
        Some(b'<') if looks_like_html(rest) => Format::Html,
        _ => Format::PageText,
    })
}

/// Markup that begins as a web page does: a doctype or an `<html>` (after
/// an XML declaration or comments).
fn looks_like_html(body: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&body[..body.len().min(4096)]).to_ascii_lowercase();
    let mut rest = head.trim_start();
    loop {
        if rest.starts_with("<!doctype html") || rest.starts_with("<html") {
            return true;
        }
        let skip = if rest.starts_with("<?") {
            rest.find("?>").map(|i| i + 2)
        } else if rest.starts_with("<!--") {
            rest.find("-->").map(|i| i + 3)
        } else {
            None
        };
        match skip {
            Some(i) => rest = rest[i..].trim_start(),
            None => return false,
        }
    }
}

/// Turn a file's bytes into text, or say why not: too large, empty, binary,
/// UTF-16 or invalid UTF-8 (no encoding is guessed). Strips a UTF-8 BOM and
/// turns CRLF and lone CR line ends into LF.
pub fn decode_text(name: &str, bytes: &[u8]) -> Result<String, IngestError> {
    let name = name.to_string();
    if bytes.len() > MAX_FILE_BYTES {
        return Err(IngestError::TooLarge {
            name,
            bytes: bytes.len(),
        });
    }
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(IngestError::Utf16 { name });
    }
    let (bom, body) = match bytes.strip_prefix(UTF8_BOM) {
        Some(rest) => (UTF8_BOM.len(), rest),
        None => (0, bytes),
    };
    if body.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(IngestError::Empty { name });
    }
    if looks_binary(body) {
        return Err(IngestError::Binary { name });
    }
    let text = match utf8(body) {
        Ok(text) => text,
        Err(e) => {
            let at = e.valid_up_to();
            let line = 1 + body[..at].iter().filter(|&&b| b == b'\n').count();
            return Err(IngestError::InvalidUtf8 {
                name,
                byte: bom + at,
                line,
            });
        }
    };
    if text.chars().all(char::is_whitespace) {
        return Err(IngestError::Empty { name });
    }
    Ok(normalize_newlines(text))
}

/// The bytes as text when they are UTF-8. Checked with SIMD
/// (`simdutf8`): std's check was 1.6% of an import's CPU on Vietnamese
/// text, which is about a third non-ASCII bytes. The error, on the rare
/// bad input, is std's, for its `valid_up_to`.
pub(crate) fn utf8(bytes: &[u8]) -> Result<&str, std::str::Utf8Error> {
    match simdutf8::basic::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(_) => std::str::from_utf8(bytes),
    }
}

/// More than 5% control bytes (NUL among them; not tab, line ends, form
/// feed and ESC) in the first 64 KiB. A NUL byte alone does not make a
/// file binary: one in one line of a JSON-lines file refused the whole file
/// (an independent review's find), where the same bytes on stdin failed that
/// line alone; the parsers refuse or clean the NUL where it is.
pub(crate) fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    let controls = sample
        .iter()
        .filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C | 0x1B)) || b == 0x7F)
        .count();
    controls > 0 && controls * 20 > sample.len()
}

/// A path as a shell reads it back, for a command a message gives: in
/// single quotes when it holds anything but letters, digits and
/// `/._-+,:@%`, and after `./` when it starts with `-` (an option to the
/// command else: a review's find).
pub fn shell_quoted(path: &str) -> String {
    let path = if path.starts_with('-') {
        format!("./{path}")
    } else {
        path.to_string()
    };
    let plain = |c: char| c.is_alphanumeric() || "/._-+,:@%".contains(c);
    if !path.is_empty() && path.chars().all(plain) {
        path
    } else {
        format!("'{}'", path.replace('\'', r"'\''"))
    }
}

/// CRLF and lone CR become LF.
pub(crate) fn normalize_newlines(text: &str) -> String {
    if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text.to_string()
    }
}

pub(crate) use crate::text::fold::fold_diacritics as fold;

/// A page's keywords made whole (issue 15), whatever the source (meta tags,
/// JSON-LD string or array, tag blocks, JSON lines): each split at `,` and
/// `;` ("Kỳ họp thứ 6 Quốc hội khóa 15,Thuế thu nhập cá nhân"), a slug
/// without marks given the marks the article writes it with ("lo luyen thi"
/// → "lò luyện thi"), and each kept once (under `title_key`).
pub(crate) fn finish_page_keywords(article: &mut crate::model::NewArticle) {
    use crate::text::fold::title_key;
    if article.keywords.is_empty() {
        return;
    }
    let mut out: Vec<crate::model::Keyword> = Vec::with_capacity(article.keywords.len());
    let mut seen = std::collections::HashSet::new();
    for k in std::mem::take(&mut article.keywords) {
        for part in k.name.split([',', ';']) {
            let part = crate::text::clean(part);
            if part.is_empty() {
                continue;
            }
            let texts = std::iter::once(article.title.as_str())
                .chain(article.lead.as_deref())
                .chain(article.paragraphs.iter().map(|p| p.text.as_str()));
            let name = crate::text::marks::restore_marks(&part, texts).unwrap_or(part);
            if seen.insert(title_key(&name)) {
                out.push(crate::model::Keyword {
                    name,
                    source: k.source,
                });
            }
        }
    }
    article.keywords = out;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shell_quoted_paths_read_back_as_one_argument() {
        assert_eq!(shell_quoted("/tmp/subs.opml"), "/tmp/subs.opml");
        assert_eq!(shell_quoted("ds tin.opml"), "'ds tin.opml'");
        assert_eq!(shell_quoted("it's.opml"), r"'it'\''s.opml'");
        assert_eq!(shell_quoted("-feeds.opml"), "./-feeds.opml");
        assert_eq!(shell_quoted("$HOME/a"), "'$HOME/a'");
        assert_eq!(shell_quoted(""), "''");
    }

    #[test]
    fn detect_by_extension_then_content() {
        assert_eq!(detect("a/b.JSONL", b"x"), Format::JsonLines);
        assert_eq!(detect("b.ndjson", b""), Format::JsonLines);
        assert_eq!(detect("b.json", b"[]"), Format::Json);
        assert_eq!(detect("b.json", b"{\"a\":1}\n{\"a\":2}"), Format::JsonLines);
        assert_eq!(detect("b.json", b"{\n  \"a\": 1\n}\n"), Format::Json);
        assert_eq!(detect("feed.rss", b"<rss/>"), Format::Feed);
        assert_eq!(
            detect("saved", b"<?xml version=\"1.0\"?><rss>"),
            Format::Feed
        );
        // A .txt holding JSON, a feed or a web page is read as what it holds.
        assert_eq!(detect("b.txt", b"{\"title\":1}"), Format::Json);
        assert_eq!(
            detect("b.txt", b"{\"title\":1}\n{\"title\":2}\n"),
            Format::JsonLines
        );
        assert_eq!(
            detect("b.txt", b"<?xml version=\"1.0\"?>\n<rss>"),
            Format::Feed
        );
        assert_eq!(
            detect("b.txt", b"<!-- saved -->\n<!DOCTYPE html><html>"),
            Format::Html
        );
        // A page text whose title starts with a bracket or a brace stays one.
        assert_eq!(
            detect("b.txt", "[Ảnh] Lũ về\n\nNước lên.".as_bytes()),
            Format::PageText
        );
        assert_eq!(detect("b.txt", "{Tin} Lũ về".as_bytes()), Format::PageText);
        // Decided by the content, in one reading of its first value.
        assert_eq!(detect("b.txt", b"{\n  \"title\": 1\n}\n"), Format::Json);
        assert_eq!(
            detect("b.txt", b"{\"a\": \n{\"a\": 2}\n"),
            Format::JsonLines
        );
        assert_eq!(
            detect_named("d/b.txt", "{\"title\": \"Lũ\",\nNước lên.".as_bytes()),
            Err(IngestError::NeitherJsonNorText {
                name: "d/b.txt".into()
            })
        );
        assert_eq!(
            detect("b.txt", "<Tin nóng> Lũ về".as_bytes()),
            Format::PageText
        );
        assert_eq!(detect("b.htm", b"text"), Format::Html);
        assert_eq!(
            detect("saved", b"\xEF\xBB\xBF  \n{\"a\":1}\n{\"a\":2}"),
            Format::JsonLines
        );
        assert_eq!(detect("saved", b"\n <!doctype html>"), Format::Html);
        assert_eq!(detect("saved.page", "Tiêu đề".as_bytes()), Format::PageText);
        assert_eq!(detect("dir.v2/saved", b"Title"), Format::PageText);
    }

    #[test]
    fn decode_strips_bom_and_normalises_line_ends() {
        let t = decode_text("a.txt", b"\xEF\xBB\xBFa\r\nb\rc\n").unwrap();
        assert_eq!(t, "a\nb\nc\n");
    }

    #[test]
    fn decode_rejects_large_files_with_size_in_mib() {
        let big = vec![b'a'; (40.2 * 1024.0 * 1024.0) as usize];
        let e = decode_text("big.txt", &big).unwrap_err();
        assert_eq!(
            e.to_string(),
            "big.txt: file is 40.2 MiB, over the 32 MiB limit"
        );
        assert!(decode_text("ok.txt", &vec![b'a'; MAX_FILE_BYTES]).is_ok());
    }

    #[test]
    fn decode_rejects_empty_and_blank_files() {
        for bytes in [
            &b""[..],
            b"  \r\n\t\n",
            b"\xEF\xBB\xBF",
            "\u{A0}\n".as_bytes(),
        ] {
            let e = decode_text("e.txt", bytes).unwrap_err();
            assert_eq!(
                e.to_string(),
                "e.txt: empty or blank: no text in it",
                "{bytes:?}"
            );
        }
    }

    #[test]
    fn decode_rejects_binary_files() {
        let e = decode_text("x.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap_err();
        assert_eq!(e.to_string(), "x.png: looks like a binary file, not text");
        let controls: Vec<u8> = (0..200)
            .map(|i| if i % 4 == 0 { 0x01 } else { b'a' })
            .collect();
        assert!(matches!(
            decode_text("c", &controls),
            Err(IngestError::Binary { .. })
        ));
        // A stray escape or form feed is text, not binary.
        assert!(decode_text("t", b"a\x1b[2Jb\x0cc").is_ok());
    }

    #[test]
    fn utf8_agrees_with_std_on_long_vietnamese_text_and_on_every_cut() {
        // Long enough for the SIMD blocks (64 bytes), with three- and
        // two-byte letters; every cut of it is checked against std, so a
        // cut inside a letter is an error at the same place.
        let text = "Thủ tướng Phạm Minh Chính chủ trì phiên họp Chính phủ thường kỳ \
                    tháng 11 — “đường sắt tốc độ cao” ✓ 𝕍 "
            .repeat(3);
        let bytes = text.as_bytes();
        assert_eq!(utf8(bytes), Ok(text.as_str()));
        for end in 0..bytes.len() {
            let ours = utf8(&bytes[..end]).map_err(|e| (e.valid_up_to(), e.error_len()));
            let std =
                std::str::from_utf8(&bytes[..end]).map_err(|e| (e.valid_up_to(), e.error_len()));
            assert_eq!(ours, std, "cut at byte {end}");
        }
        let mut bad = bytes.to_vec();
        bad[150] = 0xFF;
        assert_eq!(
            utf8(&bad).map_err(|e| e.valid_up_to()),
            std::str::from_utf8(&bad).map_err(|e| e.valid_up_to())
        );
        assert!(utf8(&bad).is_err());
    }

    #[test]
    fn decode_rejects_utf16() {
        let e = decode_text("u.txt", b"\xFF\xFEa\0b\0").unwrap_err();
        assert_eq!(
            e.to_string(),
            "u.txt: is UTF-16 text; convert it to UTF-8 first"
        );
    }

    #[test]
    fn decode_reports_invalid_utf8_position() {
        // "Hà Nội" in Windows-1258-like bytes on line 2.
        let e = decode_text("w.txt", b"ok\nH\xE0 N\xF4i\n").unwrap_err();
        assert_eq!(
            e.to_string(),
            "w.txt: not valid UTF-8 at byte 4 (line 2); convert it to UTF-8 first"
        );
        // The byte offset counts the BOM: it is a position in the file.
        let e = decode_text("w.txt", b"\xEF\xBB\xBFab\xFF").unwrap_err();
        assert!(matches!(
            e,
            IngestError::InvalidUtf8 {
                byte: 5,
                line: 1,
                ..
            }
        ));
    }

    #[test]
    fn fold_removes_case_and_diacritics() {
        assert_eq!(fold("Từ khoá"), "tu khoa");
        assert_eq!(fold("TỪ KHÓA"), "tu khoa");
        assert_eq!(fold("Ðảng Đoàn"), "dang doan");
        let nfd: String = unicode_normalization::UnicodeNormalization::nfd("Chủ nhật").collect();
        assert_eq!(fold(&nfd), "chu nhat");
    }
}
