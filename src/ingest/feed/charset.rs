//! A feed's bytes to text, by the charset that decides it: a byte order
//! mark first (UTF-8, UTF-16 LE or BE), then the HTTP charset, then the XML
//! declaration's encoding, else UTF-8 (XML's default). Bytes that do not
//! match that charset are refused, never guessed, with one exception: a
//! single-byte Latin charset (ISO-8859-1, windows-1252, …) cannot write
//! Vietnamese, so bytes that are valid UTF-8 with non-ASCII characters in
//! them are the UTF-8 a server or a template mislabelled.

use encoding_rs::Encoding;

use super::FeedError;

/// Where the charset a feed was decoded by came from: said when the bytes
/// do not match it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CharsetSource {
    ByteOrderMark,
    Http,
    Declared,
    /// Nothing says: UTF-8, XML's default.
    Default,
}

impl std::fmt::Display for CharsetSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            CharsetSource::ByteOrderMark => "the charset its byte order mark gives",
            CharsetSource::Http => "the charset the server gives in its Content-Type",
            CharsetSource::Declared => "the charset the feed declares",
            CharsetSource::Default => "the feed declares no charset, and UTF-8 is XML's default",
        })
    }
}

/// Single-byte charsets of Latin scripts other than Vietnamese (encoding_rs
/// reads `ISO-8859-1`, `latin1` and `US-ASCII` as windows-1252).
/// windows-1258 is left out: a feed that declares it chose Vietnamese.
const LATIN: [&Encoding; 12] = [
    encoding_rs::WINDOWS_1252,
    encoding_rs::ISO_8859_15,
    encoding_rs::WINDOWS_1250,
    encoding_rs::ISO_8859_2,
    encoding_rs::ISO_8859_3,
    encoding_rs::ISO_8859_4,
    encoding_rs::ISO_8859_10,
    encoding_rs::ISO_8859_13,
    encoding_rs::ISO_8859_14,
    encoding_rs::ISO_8859_16,
    encoding_rs::WINDOWS_1254,
    encoding_rs::WINDOWS_1257,
];

/// Decode `bytes` as the module says.
pub fn decode_feed(name: &str, bytes: &[u8], charset: Option<&str>) -> Result<String, FeedError> {
    let empty = || FeedError::Empty {
        name: name.to_string(),
    };
    let bom = Encoding::for_bom(bytes);
    let body = &bytes[bom.map_or(0, |(_, len)| len)..];
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(empty());
    }
    let (encoding, source) = match bom {
        Some((encoding, _)) => (encoding, CharsetSource::ByteOrderMark),
        None => labelled(name, body, charset)?,
    };
    let (text, had_errors) = encoding.decode_without_bom_handling(body);
    if had_errors {
        // The server's charset refused while the feed declares another:
        // both said (only the server's was: an independent review's find).
        let declared = xml_encoding(body).filter(|d| {
            source == CharsetSource::Http
                && Encoding::for_label(d.trim().as_bytes()) != Some(encoding)
        });
        return Err(FeedError::WrongCharset {
            name: name.to_string(),
            charset: encoding.name().to_string(),
            by: source,
            also: declared.map_or_else(String::new, |d| format!(", while the feed declares {d}")),
        });
    }
    if text.chars().all(char::is_whitespace) {
        return Err(empty());
    }
    // The text is UTF-8 now: say so to the XML parser.
    Ok(declare_utf8(&text))
}

/// The charset of a feed with no byte order mark, and what says so.
fn labelled(
    name: &str,
    body: &[u8],
    charset: Option<&str>,
) -> Result<(&'static Encoding, CharsetSource), FeedError> {
    // UTF-16 with no byte order mark, told by how its `<?xml` is written,
    // as XML's own detection (its appendix F) tells it: it was said to
    // declare no charset (an independent review's find).
    match body {
        [b'<', 0, b'?', 0, ..] => return Ok((encoding_rs::UTF_16LE, CharsetSource::Declared)),
        [0, b'<', 0, b'?', ..] => return Ok((encoding_rs::UTF_16BE, CharsetSource::Declared)),
        _ => {}
    }
    let (label, source) = match (charset, xml_encoding(body)) {
        (Some(http), _) => (http.to_string(), CharsetSource::Http),
        (None, Some(declared)) => (declared, CharsetSource::Declared),
        (None, None) => return Ok((encoding_rs::UTF_8, CharsetSource::Default)),
    };
    let encoding =
        Encoding::for_label(label.trim().as_bytes()).ok_or_else(|| FeedError::UnknownCharset {
            name: name.to_string(),
            charset: label.clone(),
        })?;
    let encoding = match encoding {
        // A declaration read as ASCII is not in UTF-16 (whose text would
        // start with a byte order mark).
        e if source == CharsetSource::Declared
            && (e == encoding_rs::UTF_16LE || e == encoding_rs::UTF_16BE) =>
        {
            encoding_rs::UTF_8
        }
        e if LATIN.contains(&e) && !body.is_ascii() && std::str::from_utf8(body).is_ok() => {
            encoding_rs::UTF_8
        }
        e => e,
    };
    Ok((encoding, source))
}

const UTF8_DECL: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

/// `text` with every XML declaration in it saying UTF-8, which the text now
/// is. A declaration belongs at the start only, but feeds glued together
/// carry more: feed-rs hands each one's encoding to quick-xml, which panics
/// when asked to switch encodings past the first 64 bytes (a crash found by
/// the `feed` fuzzer, `tests/fixtures/fuzz/feed/`). Text after an unclosed
/// `<?xml` is left as it is (the parser refuses it).
pub(super) fn declare_utf8(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + UTF8_DECL.len());
    let mut rest = text;
    while let Some(at) = rest.find("<?xml") {
        let after = &rest[at + "<?xml".len()..];
        // `<?xml-stylesheet …?>` and the like are other instructions.
        let is_decl = after.starts_with([' ', '\t', '\r', '\n']) || after.starts_with("?>");
        let end = after.find("?>");
        match end {
            Some(end) if is_decl => {
                out.push_str(&rest[..at]);
                out.push_str(UTF8_DECL);
                rest = &after[end + "?>".len()..];
            }
            _ => {
                out.push_str(&rest[..at + "<?xml".len()]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The `encoding="…"` of an XML declaration.
fn xml_encoding(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(200)];
    let head = String::from_utf8_lossy(head);
    let decl = head.strip_prefix("<?xml")?;
    let decl = &decl[..decl.find("?>")?];
    let at = decl.find("encoding")?;
    let rest = decl[at + "encoding".len()..]
        .trim_start()
        .strip_prefix('=')?
        .trim_start();
    let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let rest = &rest[1..];
    Some(rest[..rest.find(quote)?].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn feed(decl: &str, title: &str) -> String {
        format!("{decl}<rss version=\"2.0\"><channel><title>{title}</title></channel></rss>")
    }

    const LATIN1: &str = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>";

    #[test]
    fn utf8_bytes_under_a_latin_label_are_utf8() {
        let text = feed(LATIN1, "Giá xăng giảm mạnh");
        let out = decode_feed("l.xml", text.as_bytes(), None).unwrap();
        assert!(out.contains("<title>Giá xăng giảm mạnh</title>"), "{out}");
        // The same from an HTTP charset, and windows-1252.
        let out = decode_feed("l.xml", text.as_bytes(), Some("windows-1252")).unwrap();
        assert!(out.contains("Giá xăng"), "{out}");
        // Real Latin-1 (not valid UTF-8) stays Latin-1: "Café à Paris".
        let mut bytes = LATIN1.as_bytes().to_vec();
        bytes.extend_from_slice(b"<rss><channel><title>Caf\xE9 \xE0 Paris</title></channel></rss>");
        let out = decode_feed("r.xml", &bytes, None).unwrap();
        assert!(out.contains("<title>Café à Paris</title>"), "{out}");
        // ASCII only: nothing to choose.
        let out = decode_feed("a.xml", feed(LATIN1, "Paris").as_bytes(), None).unwrap();
        assert!(out.contains("Paris"));
        // windows-1258 is a choice of Vietnamese: not second-guessed.
        let decl = "<?xml version=\"1.0\" encoding=\"windows-1258\"?>";
        let out = decode_feed("w.xml", feed(decl, "Giá").as_bytes(), None).unwrap();
        assert!(!out.contains("Giá"), "{out}");
    }

    #[test]
    fn a_byte_order_mark_decides_first() {
        let text = feed(
            "<?xml version=\"1.0\" encoding=\"UTF-16\"?>",
            "Bảng mã UTF-16",
        );
        for (bom, units) in [
            (&b"\xFF\xFE"[..], encoding_rs::UTF_16LE),
            (&b"\xFE\xFF"[..], encoding_rs::UTF_16BE),
        ] {
            let mut bytes = bom.to_vec();
            for u in text.encode_utf16() {
                bytes.extend(if units == encoding_rs::UTF_16LE {
                    u.to_le_bytes()
                } else {
                    u.to_be_bytes()
                });
            }
            // Over a declaration or an HTTP charset that says otherwise.
            for http in [None, Some("iso-8859-1")] {
                let out = decode_feed("u.xml", &bytes, http).unwrap();
                assert!(out.contains("<title>Bảng mã UTF-16</title>"), "{out}");
                assert!(out.starts_with(UTF8_DECL), "{out}");
            }
        }
        // A UTF-8 byte order mark over a Latin-1 declaration.
        let bytes = [b"\xEF\xBB\xBF", feed(LATIN1, "Có BOM").as_bytes()].concat();
        assert!(
            decode_feed("b.xml", &bytes, None)
                .unwrap()
                .contains("Có BOM")
        );
        // Only a byte order mark: empty.
        assert!(matches!(
            decode_feed("e.xml", b"\xFF\xFE \0\n\0", None),
            Err(FeedError::Empty { .. })
        ));
        // A UTF-16 declaration in bytes read as ASCII: they are not UTF-16.
        let text = feed("<?xml version=\"1.0\" encoding=\"UTF-16\"?>", "Tám bít");
        assert!(
            decode_feed("d.xml", text.as_bytes(), None)
                .unwrap()
                .contains("Tám bít")
        );
    }

    #[test]
    fn the_refusal_says_where_the_charset_came_from() {
        let bytes =
            |decl: &str| [decl.as_bytes(), b"<rss><title>H\xE0 N\xF4i</title></rss>"].concat();
        let said = |bytes: &[u8], http: Option<&str>| {
            decode_feed("x.xml", bytes, http).unwrap_err().to_string()
        };
        assert_eq!(
            said(&bytes(""), None),
            "x.xml: the bytes are not valid UTF-8 (the feed declares no charset, and UTF-8 is \
             XML's default); not imported"
        );
        assert!(
            said(&bytes("<?xml version=\"1.0\" encoding=\"utf-8\"?>"), None)
                .contains("not valid UTF-8 (the charset the feed declares)")
        );
        assert!(
            said(&bytes(""), Some("utf-8"))
                .contains("not valid UTF-8 (the charset the server gives in its Content-Type)")
        );
        // The server's charset and the feed's declaration differ: both said.
        assert_eq!(
            said(
                &bytes("<?xml version=\"1.0\" encoding=\"windows-1258\"?>"),
                Some("utf-8")
            ),
            "x.xml: the bytes are not valid UTF-8 (the charset the server gives in its \
             Content-Type, while the feed declares windows-1258); not imported"
        );
        // UTF-16 with no byte order mark, declared so: read.
        let text = "<?xml version=\"1.0\" encoding=\"utf-16\"?><rss><title>Hà Nội</title></rss>";
        for le in [true, false] {
            let units = text.encode_utf16().flat_map(|u| match le {
                true => u.to_le_bytes(),
                false => u.to_be_bytes(),
            });
            let out = decode_feed("u.xml", &units.collect::<Vec<u8>>(), None).unwrap();
            assert!(out.contains("<title>Hà Nội</title>"), "{out}");
        }
        let mut utf16 = b"\xFF\xFE".to_vec();
        utf16.extend_from_slice(b"<\0r\0\x00\xD8"); // a lone surrogate
        assert!(
            said(&utf16, None)
                .contains("not valid UTF-16LE (the charset its byte order mark gives)"),
            "{}",
            said(&utf16, None)
        );
    }
}
