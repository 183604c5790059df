//! Ingesters: parsers from saved article files to [`NewArticle`] values.
//!
//! The flow for one file is `decode_text` (byte-level checks: size, empty,
//! binary, UTF-8, BOM, line endings), then `detect` to pick a parser, then
//! [`parse_page_text`] or [`parse_jsonl`]. Nothing here touches the store.
//!
//! [`NewArticle`]: crate::model::NewArticle

pub mod date;
pub mod jsonl;
pub mod page_text;

pub use date::{parse_date, vietnam_offset};
pub use jsonl::{LineError, LineErrorKind, jsonl_records, parse_jsonl};
pub use page_text::parse_page_text;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Files larger than this are refused before they are decoded.
pub const MAX_FILE_BYTES: usize = 32 * 1024 * 1024;

/// What kind of file a saved article is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One article as page text: title, date line, body, author, keywords, related.
    PageText,
    /// One JSON object per line.
    JsonLines,
    /// A saved HTML page (not supported yet: the caller rejects it).
    Html,
}

/// Errors from reading and parsing one file. Every message can be shown to a
/// user as it is; the byte-level ones name the file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IngestError {
    #[error("{name}: file is {:.1} MiB, over the 32 MiB limit", *.bytes as f64 / (1024.0 * 1024.0))]
    TooLarge { name: String, bytes: usize },
    #[error("{name}: file is empty")]
    Empty { name: String },
    #[error("{name}: looks like a binary file, not text")]
    Binary { name: String },
    #[error("{name}: is UTF-16 text; convert it to UTF-8 first")]
    Utf16 { name: String },
    #[error("{name}: not valid UTF-8 at byte {byte} (line {line}); convert it to UTF-8 first")]
    InvalidUtf8 {
        name: String,
        byte: usize,
        line: usize,
    },
    #[error("page text is empty: expected the article title on the first line")]
    NoTitle,
    #[error("page text starts with the date line \"{line}\": expected the article title first")]
    TitleIsDate { line: String },
}

/// Decide how to parse a file from its name and its first bytes.
///
/// A known extension wins: `.jsonl`, `.ndjson`, `.json` are JSON lines;
/// `.html`, `.htm`, `.xhtml` are HTML; `.txt` is page text. Otherwise the
/// content decides: first non-blank character `{` means JSON lines, `<` means
/// HTML, anything else page text.
pub fn detect(path_name: &str, bytes: &[u8]) -> Format {
    let file_name = path_name.rsplit(['/', '\\']).next().unwrap_or(path_name);
    if let Some((_, ext)) = file_name.rsplit_once('.') {
        match ext.to_ascii_lowercase().as_str() {
            "jsonl" | "ndjson" | "json" => return Format::JsonLines,
            "html" | "htm" | "xhtml" => return Format::Html,
            "txt" | "text" => return Format::PageText,
            _ => {}
        }
    }
    let body = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    match body.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'{') => Format::JsonLines,
        Some(b'<') => Format::Html,
        _ => Format::PageText,
    }
}

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

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
    let text = match std::str::from_utf8(body) {
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

/// A NUL byte anywhere, or more than 5% control bytes (other than tab, line
/// ends, form feed and ESC) in the first 64 KiB.
fn looks_binary(bytes: &[u8]) -> bool {
    if bytes.contains(&0) {
        return true;
    }
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    let controls = sample
        .iter()
        .filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C | 0x1B)) || b == 0x7F)
        .count();
    controls > 0 && controls * 20 > sample.len()
}

/// CRLF and lone CR become LF.
pub(crate) fn normalize_newlines(text: &str) -> String {
    if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text.to_string()
    }
}

/// [`crate::text::clean`], with a fast path for the common case.
///
/// Text made only of printable ASCII, Latin-1 / Latin Extended-A/B letters
/// (U+00A1–U+024F but the soft hyphen), Latin Extended Additional (U+1E00–
/// U+1EFF: every precomposed Vietnamese letter), and the dashes, quotes,
/// bullets and ellipsis of U+2010–U+2027 / U+2030–U+203A holds nothing `clean`
/// changes but runs of spaces: no escapes or controls, no invisible or odd
/// space characters, no combining marks, and it is already NFC (none of those
/// characters decomposes canonically or composes with a neighbour). For such
/// text `clean` is exactly "collapse spaces and trim", done here without the
/// NFC pass that dominates `clean`'s cost. Anything else goes to `clean`
/// itself. `clean_fast_equals_clean` checks the equivalence.
pub(crate) fn clean_fast(s: &str) -> String {
    match scan_simple(s) {
        Simple::Clean => s.to_owned(),
        Simple::Spaces => {
            // Only spaces to fix, and runs of them are rare: copy the text
            // between runs whole.
            let mut rest = s.trim_matches(' ');
            let mut out = String::with_capacity(rest.len());
            while let Some(at) = rest.find("  ") {
                out.push_str(&rest[..=at]);
                rest = rest[at..].trim_start_matches(' ');
            }
            out.push_str(rest);
            out
        }
        Simple::Other => crate::text::clean(s),
    }
}

/// [`crate::text::clean_opt`] over [`clean_fast`].
pub(crate) fn clean_fast_opt(s: Option<&str>) -> Option<String> {
    s.map(clean_fast).filter(|s| !s.is_empty())
}

#[derive(Debug, PartialEq, Eq)]
enum Simple {
    /// Already clean: `clean` returns it unchanged.
    Clean,
    /// Only runs of spaces or edge spaces to fix.
    Spaces,
    /// Needs the full pipeline.
    Other,
}

fn scan_simple(s: &str) -> Simple {
    let b = s.as_bytes();
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const ONES: u64 = 0x0101_0101_0101_0101;
    let mut i = 0;
    while i < b.len() {
        // Eight printable ASCII bytes at a time (SWAR): no high bit, none
        // below 0x20, none equal to 0x7F.
        if let Some(chunk) = b.get(i..i + 8) {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            let x = u64::from_le_bytes(word);
            let below_space = x.wrapping_sub(0x20 * ONES) & !x & HIGH;
            let y = x ^ (0x7F * ONES);
            let del = y.wrapping_sub(ONES) & !y & HIGH;
            if (x & HIGH) | below_space | del == 0 {
                i += 8;
                continue;
            }
        }
        let c = b[i];
        if c < 0x80 {
            if !(0x20..=0x7E).contains(&c) {
                return Simple::Other;
            }
            i += 1;
            continue;
        }
        // `b` is valid UTF-8, so continuation bytes are there and well formed.
        match c {
            // U+0080..U+027F: allow U+00A1..=U+024F except U+00AD.
            0xC2..=0xC9 => {
                let cp = (u32::from(c & 0x1F) << 6) | u32::from(b[i + 1] & 0x3F);
                if !(0xA1..=0x24F).contains(&cp) || cp == 0xAD {
                    return Simple::Other;
                }
                i += 2;
            }
            // U+1E00..=U+1EFF is E1 B8 80 ..= E1 BB BF.
            0xE1 if (0xB8..=0xBB).contains(&b[i + 1]) => i += 3,
            // U+2000..=U+203F is E2 80 xx: allow U+2010..=U+2027, U+2030..=U+203A.
            0xE2 if b[i + 1] == 0x80 => {
                let low = b[i + 2] & 0x3F;
                if !((0x10..=0x27).contains(&low) || (0x30..=0x3A).contains(&low)) {
                    return Simple::Other;
                }
                i += 3;
            }
            _ => return Simple::Other,
        }
    }
    let spaces_to_fix = b.first() == Some(&b' ') || b.last() == Some(&b' ') || s.contains("  ");
    if spaces_to_fix {
        Simple::Spaces
    } else {
        Simple::Clean
    }
}

/// Lower case without diacritics, for matching markers such as "Từ khoá",
/// "TỪ KHÓA" or "tu khoa" the same way, whatever the input normalisation.
pub(crate) fn fold(s: &str) -> String {
    s.nfd()
        .filter(|&c| !is_combining_mark(c))
        .map(|c| match c {
            'đ' | 'Đ' | 'Ð' | 'ð' => 'd',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detect_by_extension_then_content() {
        assert_eq!(detect("a/b.JSONL", b"x"), Format::JsonLines);
        assert_eq!(detect("b.ndjson", b""), Format::JsonLines);
        assert_eq!(detect("b.json", b"[]"), Format::JsonLines);
        assert_eq!(detect("b.txt", b"{\"title\":1}"), Format::PageText);
        assert_eq!(detect("b.htm", b"text"), Format::Html);
        assert_eq!(
            detect("saved", b"\xEF\xBB\xBF  \n{\"a\":1}"),
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
            assert_eq!(e.to_string(), "e.txt: file is empty", "{bytes:?}");
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
        let nfd: String = "Chủ nhật".nfd().collect();
        assert_eq!(fold(&nfd), "chu nhat");
    }

    #[test]
    fn clean_fast_equals_clean() {
        use crate::text::clean;
        // Every character the fast path accepts, alone and between spaces.
        let accepted = ('\u{0}'..='\u{2FFF}')
            .filter(|c| scan_simple(&c.to_string()) != Simple::Other)
            .collect::<Vec<char>>();
        // 95 ASCII + 430 Latin + 256 Latin Extended Additional + 24 + 11 punctuation.
        assert_eq!(accepted.len(), 816);
        for c in &accepted {
            for s in [c.to_string(), format!("  {c} a  {c}{c} ")] {
                assert_eq!(clean_fast(&s), clean(&s), "U+{:04X}", *c as u32);
                assert_eq!(clean(&s), clean(&clean(&s)));
            }
        }
        // The ones it must leave to `clean`.
        for s in [
            "a\u{A0}b",
            "a\u{AD}b",
            "e\u{301}",
            "a\tb",
            "a\nb",
            "a\u{1B}[2Jb",
            "a\u{200B}b",
            "a\u{2028}b",
            "a\u{FEFF}",
            "\u{7F}",
            "\u{9B}",
            "a\u{202E}b",
            "\u{1F600}",
            "中文",
        ] {
            assert_eq!(scan_simple(s), Simple::Other, "{s:?}");
            assert_eq!(clean_fast(s), clean(s));
        }
        for s in ["Thủ tướng “Chính phủ” – 2021…", "Ðại hội", "", "x"] {
            assert_eq!(scan_simple(s), Simple::Clean, "{s:?}");
        }
        assert_eq!(clean_fast("  Hà   Nội "), "Hà Nội");
    }

    proptest::proptest! {
        #[test]
        fn clean_fast_equals_clean_on_mixed_text(
            s in "[ a-zA-Z0-9.,:\u{A0}\u{AD}\u{C0}-\u{1B0}\u{300}-\u{303}\u{323}\u{1EA0}-\u{1EF9}\u{2010}-\u{202F}\u{1B}\n\t]{0,40}"
        ) {
            proptest::prop_assert_eq!(clean_fast(&s), crate::text::clean(&s));
        }
    }
}
