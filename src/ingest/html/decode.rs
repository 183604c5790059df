//! Bytes to text: magic numbers, BOM, HTTP charset, `<meta>` declarations.

use super::*;

/// What a binary file is, by its magic number.
pub(super) fn sniff_binary(bytes: &[u8]) -> Option<&'static str> {
    let b = bytes
        .iter()
        .position(|c| !c.is_ascii_whitespace())
        .map_or(bytes, |i| &bytes[i..]);
    const MAGIC: &[(&[u8], &str)] = &[
        (b"%PDF-", "a PDF document"),
        (b"\x89PNG", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF87a", "a GIF image"),
        (b"GIF89a", "a GIF image"),
        (b"PK\x03\x04", "a ZIP archive (or an office document)"),
        (b"\x1F\x8B", "gzip-compressed data"),
    ];
    for (magic, what) in MAGIC {
        if b.starts_with(magic) {
            return Some(what);
        }
    }
    if b.len() >= 12 && &b[..4] == b"RIFF" && &b[8..12] == b"WEBP" {
        return Some("a WebP image");
    }
    None
}

/// Decode a page's bytes: BOM, then the HTTP charset, then the page's own
/// `<meta>` declaration, then UTF-8; bytes that are not UTF-8 and declare
/// nothing are read as Windows-1258 (what browsers assume for Vietnamese).
pub fn decode_html(name: &str, bytes: &[u8], charset: Option<&str>) -> Result<String, IngestError> {
    let owned = name.to_string();
    if bytes.len() > MAX_FILE_BYTES {
        return Err(IngestError::TooLarge {
            name: owned,
            bytes: bytes.len(),
        });
    }
    if let Some(what) = sniff_binary(bytes) {
        return Err(IngestError::NotHtml { name: owned, what });
    }
    let (bom_encoding, body) = match Encoding::for_bom(bytes) {
        Some((enc, len)) => (Some(enc), &bytes[len..]),
        None => (None, bytes),
    };
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(IngestError::Empty { name: owned });
    }
    let is_utf16 =
        bom_encoding.is_some_and(|e| e == encoding_rs::UTF_16LE || e == encoding_rs::UTF_16BE);
    if !is_utf16 && crate::ingest::looks_binary(body) {
        return Err(IngestError::Binary { name: owned });
    }
    // Bytes that are valid UTF-8 and not plain ASCII are UTF-8 whatever the
    // page's own <meta> or the server says: a saved page is re-encoded by
    // the browser but keeps its old declaration, and servers label UTF-8
    // pages ISO-8859-1 by default (a legacy encoding's Vietnamese or
    // Chinese text is practically never valid UTF-8 by accident; a tester
    // saved "HÃ Ná»™i" for "Hà Nội").
    let valid_utf8 = crate::ingest::utf8(body).is_ok();
    let utf8_evidence = valid_utf8 && !body.is_ascii();
    // The charset in force: the server's, unless it is the Latin-1 that
    // servers send by default (which cannot write Vietnamese) and the page
    // names one of its own; else the page's first one docbao reads, else
    // its first one. One docbao has no decoder for (VISCII, TCVN3) is
    // refused, named, as a feed's is: read as Windows-1258 a VISCII page's
    // letters were stored wrong or dropped ("Nguyễn" as "Nguyn"), also when
    // the page's <meta> said UTF-8 (independent reviews' finds). Bytes
    // that are ASCII read the same in any of them.
    let server = charset.map(str::trim).filter(|c| !c.is_empty());
    let server_enc = server.and_then(|c| Encoding::for_label(c.as_bytes()));
    let page_label = meta_label(body);
    // A server's label docbao does not know is in force only when it names
    // a Vietnamese legacy charset (to be refused); a typo ("window-1258") or
    // a database's name ("utf8mb4") gives way to the page's (a review's
    // find: a page that said it rightly was refused).
    let legacy = |c: &str| {
        let c = c.to_ascii_lowercase();
        ["viscii", "tcvn", "vni", "vps", "abc"]
            .iter()
            .any(|l| c.contains(l))
    };
    let server_in_force = match (server, server_enc) {
        (None, _) => false,
        (Some(_), Some(e)) => !(e == encoding_rs::WINDOWS_1252 && page_label.is_some()),
        (Some(c), None) => legacy(c) || page_label.is_none(),
    };
    let (label, by, in_force) = if server_in_force {
        (server, "the server", server_enc)
    } else {
        (page_label, "the page", meta_charset(body))
    };
    let declared = bom_encoding.or(if utf8_evidence {
        Some(encoding_rs::UTF_8)
    } else {
        in_force
    });
    if declared.is_none()
        && !valid_utf8
        && let Some(label) = label
    {
        return Err(IngestError::UnknownCharset {
            name: owned,
            charset: crate::text::clean(&String::from_utf8_lossy(
                &label.as_bytes()[..label.len().min(40)],
            )),
            by,
        });
    }
    let encoding = match declared {
        // A page cannot declare UTF-16 in its own ASCII-compatible bytes.
        Some(e)
            if bom_encoding.is_none()
                && (e == encoding_rs::UTF_16LE || e == encoding_rs::UTF_16BE) =>
        {
            encoding_rs::UTF_8
        }
        Some(e) if e == encoding_rs::REPLACEMENT => encoding_rs::UTF_8,
        // Said to be UTF-8 and not (the evidence above would have held):
        // read as bytes that declare nothing are.
        Some(e) if e == encoding_rs::UTF_8 && bom_encoding.is_none() && !valid_utf8 => {
            encoding_rs::WINDOWS_1258
        }
        Some(e) => e,
        None if valid_utf8 => encoding_rs::UTF_8,
        None => encoding_rs::WINDOWS_1258,
    };
    let (text, had_errors) = encoding.decode_without_bom_handling(body);
    // A stray byte a template broke is the page's; many are a page in
    // another charset than it says, unreadable: refused, not saved as "�".
    if had_errors {
        let bad = text.chars().filter(|&c| c == '\u{FFFD}').count();
        if bad > 8 && bad * 200 > text.chars().count() {
            return Err(IngestError::WrongCharset {
                name: owned,
                charset: encoding.name().to_string(),
                bad,
            });
        }
    }
    if text.chars().all(char::is_whitespace) {
        return Err(IngestError::Empty { name: owned });
    }
    Ok(normalize_newlines(&text))
}

/// The first charset label a page's `<meta>` tags give in its first 64
/// KiB, known to docbao or not (see [`meta_charset`]).
fn meta_label(bytes: &[u8]) -> Option<&str> {
    meta_labels(bytes)
        .into_iter()
        .find_map(|l| std::str::from_utf8(l).ok())
}

/// The charset a page declares in a `<meta>` tag within its first 64 KiB:
/// `<meta charset="…">` or `<meta http-equiv="Content-Type" content="…; charset=…">`.
pub(super) fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    meta_labels(bytes).into_iter().find_map(Encoding::for_label)
}

/// The charset labels of a page's `<meta>` tags in its first 64 KiB, in
/// order, as written.
fn meta_labels(bytes: &[u8]) -> Vec<&[u8]> {
    let head = &bytes[..bytes.len().min(64 * 1024)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut labels = Vec::new();
    let mut from = 0;
    while let Some(i) = find(&lower[from..], b"<meta") {
        let start = from + i;
        let end = find(&lower[start..], b">").map_or(lower.len(), |j| start + j);
        from = end;
        let Some(j) = find(&lower[start..end], b"charset") else {
            continue;
        };
        let rest = trim_start(&head[start + j + b"charset".len()..end]);
        let Some(rest) = rest.strip_prefix(b"=") else {
            continue;
        };
        let rest = trim_start(rest);
        let rest = (rest.strip_prefix(b"\"").or_else(|| rest.strip_prefix(b"'"))).unwrap_or(rest);
        let len = (rest.iter())
            .position(|c| matches!(c, b'"' | b'\'' | b';' | b' ' | b'/' | b'>'))
            .unwrap_or(rest.len());
        if len > 0 {
            labels.push(&rest[..len]);
        }
    }
    labels
}

pub(super) fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

pub(super) fn trim_start(b: &[u8]) -> &[u8] {
    let i = b
        .iter()
        .position(|c| !c.is_ascii_whitespace())
        .unwrap_or(b.len());
    &b[i..]
}
