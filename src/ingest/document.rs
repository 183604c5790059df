//! Files that hold several articles by their own rules, read whole: a JSON
//! document (an array of article objects, or one pretty-printed object) and
//! a feed saved to a file (RSS, Atom, JSON Feed), whose items are read as
//! `docbao update` reads them. Each bad item is named by its place.

use serde_json::Value;

use super::feed::{FeedError, parse_feed};
use super::jsonl::{LineErrorKind, parse_record, type_name};
use super::{Format, IngestError, decode_text};
use crate::model::NewArticle;

/// Why a whole document gave no articles at all.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum DocumentError {
    #[error(transparent)]
    Ingest(#[from] IngestError),
    #[error(transparent)]
    Feed(#[from] FeedError),
    #[error("{name}: not valid JSON: {detail}")]
    Json { name: String, detail: String },
    #[error("{name}: expected an article object or an array of them, found {found}")]
    NotArticles { name: String, found: &'static str },
    #[error("{name}: {format:?} is not a document of several articles")]
    NotADocument { name: String, format: Format },
}

/// A document's articles: each, or a message naming the file and the item
/// that gave none.
pub type Items = Vec<Result<NewArticle, String>>;

/// The articles of a [`Format::Json`] or [`Format::Feed`] file: each, or a
/// message naming the file and the item that gave none; then what the
/// reader should know that is no failure (a feed that is not well-formed
/// XML, read leniently: a file cut short loses its last item, which only
/// this note tells).
pub fn parse_document(
    name: &str,
    format: Format,
    bytes: &[u8],
) -> Result<(Items, Vec<String>), DocumentError> {
    match format {
        Format::Json => Ok((
            parse_json_document(name, &decode_text(name, bytes)?)?,
            Vec::new(),
        )),
        Format::Feed => {
            let feed = parse_feed(name, bytes, None)?;
            let skipped = feed.skipped.into_iter().map(Err);
            let items = feed
                .items
                .into_iter()
                .map(|i| Ok(i.article))
                .chain(skipped)
                .collect();
            Ok((items, feed.notes))
        }
        other => Err(DocumentError::NotADocument {
            name: name.to_string(),
            format: other,
        }),
    }
}

/// A JSON array of article objects, or one article object.
pub fn parse_json_document(name: &str, text: &str) -> Result<Items, DocumentError> {
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            // An array cut short (a copy that stopped) keeps the items read
            // whole before the fault, and the fault is a failure of its own.
            let (items, fault) = array_prefix(text);
            if items.is_empty() {
                return Err(DocumentError::Json {
                    name: name.to_string(),
                    detail: e.to_string(),
                });
            }
            let n = items.len();
            let mut out = array_items(name, &items);
            // "Cut short?" only when the text ends inside an item.
            let fault = fault.unwrap_or(e);
            let cut = if fault.is_eof() { " (cut short?)" } else { "" };
            out.push(Err(format!(
                "{name}: not valid JSON after item {n}: {fault}{cut}; the items before it were \
                 read"
            )));
            return Ok(out);
        }
    };
    match value {
        Value::Object(map) => Ok(vec![parse_record(&map).map_err(|e| format!("{name}: {e}"))]),
        Value::Array(items) => Ok(array_items(name, &items)),
        other => Err(DocumentError::NotArticles {
            name: name.to_string(),
            found: type_name(&other),
        }),
    }
}

/// Each item of an array of article objects, or why it gave none.
fn array_items(name: &str, items: &[Value]) -> Items {
    items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            match item {
                Value::Object(map) => parse_record(map),
                other => Err(LineErrorKind::NotAnObject(type_name(other))),
            }
            .map_err(|e| format!("{name}: item {}: {e}", i + 1))
        })
        .collect()
}

/// The items of a JSON array read whole before its first fault, and that
/// fault (none read when the text is no array).
fn array_prefix(text: &str) -> (Vec<Value>, Option<serde_json::Error>) {
    struct Prefix<'v>(&'v mut Vec<Value>);
    impl<'de> serde::de::Visitor<'de> for Prefix<'_> {
        type Value = ();
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("an array")
        }
        fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
            while let Some(v) = seq.next_element::<Value>()? {
                self.0.push(v);
            }
            Ok(())
        }
    }
    let mut items = Vec::new();
    let mut de = serde_json::Deserializer::from_str(text);
    let fault = serde::Deserializer::deserialize_seq(&mut de, Prefix(&mut items)).err();
    (items, fault)
}

/// What a file that starts with `{` or `[` holds: a whole JSON document
/// (an array, one object, a JSON Feed) or JSON lines.
pub(super) fn json_kind(body: &[u8]) -> Format {
    match body.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'[') => Format::Json,
        Some(b'{') => match serde_json::from_slice::<Value>(body) {
            Ok(v) if is_json_feed(&v) => Format::Feed,
            Ok(_) => Format::Json,
            // More than one value (or a broken one): line by line.
            Err(_) => Format::JsonLines,
        },
        _ => Format::JsonLines,
    }
}

/// What a `.txt` file that starts with `{` holds, decided in one reading
/// of its first value: a whole JSON document (one object, a JSON Feed) when
/// nothing follows it, JSON lines when more does. When that first value is
/// broken: page text when its first line does not start as a JSON object
/// does (`{Video} Bão số 3…`: a title), else JSON lines when some line is
/// a JSON object (the broken ones are named when it is imported), else
/// `None`: neither.
pub(super) fn brace_kind(body: &[u8]) -> Option<Format> {
    let mut values = serde_json::Deserializer::from_slice(body).into_iter::<Value>();
    if let Some(Ok(first)) = values.next() {
        let after = &body[values.byte_offset()..];
        return Some(if !after.iter().all(u8::is_ascii_whitespace) {
            Format::JsonLines
        } else if is_json_feed(&first) {
            Format::Feed
        } else {
            Format::Json
        });
    }
    let mut lines = body.split(|&b| b == b'\n');
    let first_line = lines.next().unwrap_or_default();
    // After the brace: a key's quote, the closing brace, or the line's end
    // (a pretty-printed object); a title goes on with a word.
    let after_brace = first_line[1..].iter().find(|b| !b.is_ascii_whitespace());
    if !matches!(after_brace, None | Some(b'"' | b'}')) {
        return Some(Format::PageText);
    }
    let object = |line: &[u8]| {
        line.trim_ascii_start().starts_with(b"{")
            && serde_json::from_slice::<Value>(line).is_ok_and(|v| v.is_object())
    };
    lines.any(object).then_some(Format::JsonLines)
}

fn is_json_feed(v: &Value) -> bool {
    v.get("version")
        .and_then(Value::as_str)
        .is_some_and(|s| s.contains("jsonfeed.org/version"))
        && v.get("items").is_some_and(Value::is_array)
}

pub use super::markup::{is_feed_markup, is_opml_markup};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_array_or_one_pretty_object() {
        let doc = "[\n  {\n    \"title\": \"Một\",\n    \"url\": \"https://a.vn/1\"\n  },\n  {\"url\": \"https://a.vn/2\"},\n  3,\n  {\"title\": \"Ba\"}\n]\n";
        let got = parse_json_document("a.json", doc).unwrap();
        assert_eq!(got.len(), 4);
        assert_eq!(got[0].as_ref().unwrap().title, "Một");
        assert_eq!(got[1].as_ref().unwrap_err(), "a.json: item 2: no title");
        assert_eq!(
            got[2].as_ref().unwrap_err(),
            "a.json: item 3: expected a JSON object, found a number"
        );
        assert_eq!(
            got[3].as_ref().unwrap_err(),
            "a.json: item 4: the title \"Ba\" alone: no lead, no body and no url"
        );
        let one = "{\n  \"title\": \"Một bài\",\n  \"body\": [\"Đoạn một.\"]\n}\n";
        let got = parse_json_document("one.json", one).unwrap();
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].as_ref().unwrap().paragraphs.len(), 1);
        let e = parse_json_document("s.json", "\"text\"").unwrap_err();
        assert_eq!(
            e.to_string(),
            "s.json: expected an article object or an array of them, found a string"
        );
        let e = parse_json_document("b.json", "[{\"title\": }]").unwrap_err();
        assert!(e.to_string().starts_with("b.json: not valid JSON: "), "{e}");
    }

    /// An array cut short keeps the items read whole before the cut, and
    /// the cut is a failure of its own (all were lost: an independent
    /// review's find).
    #[test]
    fn an_array_cut_short_keeps_its_whole_items() {
        let doc = "[{\"title\":\"Một\",\"body\":\"Đoạn một.\"},\n {\"title\":\"Hai\",\"body\":\"Đoạn hai.\"},\n {\"title\":\"Ba\",\"body\":";
        let got = parse_json_document("cut.json", doc).unwrap();
        assert_eq!(got.len(), 3, "{got:?}");
        assert_eq!(got[0].as_ref().unwrap().title, "Một");
        assert_eq!(got[1].as_ref().unwrap().title, "Hai");
        let why = got[2].as_ref().unwrap_err();
        assert!(
            why.starts_with("cut.json: not valid JSON after item 2: EOF while parsing")
                && why.ends_with(" (cut short?); the items before it were read"),
            "{why}"
        );
        // Another fault after whole items: named, no "cut short?".
        let got =
            parse_json_document("two.json", "[{\"title\":\"Một\",\"body\":\"x\"}] [1]").unwrap();
        let why = got[1].as_ref().unwrap_err();
        assert!(
            why.starts_with("two.json: not valid JSON after item 1: trailing characters")
                && !why.contains("cut short"),
            "{why}"
        );
        // A fault in the first item leaves nothing to keep: the file fails.
        let e = parse_json_document("c.json", "[{\"title\": \"Mộ").unwrap_err();
        assert!(e.to_string().starts_with("c.json: not valid JSON: "), "{e}");
    }

    #[test]
    fn json_kind_tells_documents_from_lines() {
        assert_eq!(json_kind(b" [1]"), Format::Json);
        assert_eq!(json_kind(b"{\n \"title\": \"a\"\n}\n"), Format::Json);
        assert_eq!(
            json_kind(b"{\"title\":\"a\"}\n{\"title\":\"b\"}\n"),
            Format::JsonLines
        );
        assert_eq!(
            json_kind(b"{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":[]}"),
            Format::Feed
        );
    }

    #[test]
    fn feed_markup_by_its_root_element() {
        assert!(is_feed_markup(
            b"<?xml version=\"1.0\"?>\n<!-- c --><rss version=\"2.0\">"
        ));
        assert!(is_feed_markup(
            b"<feed xmlns=\"http://www.w3.org/2005/Atom\">"
        ));
        assert!(is_feed_markup(b"<rdf:RDF xmlns:rdf=\"x\">"));
        assert!(!is_feed_markup(b"<!doctype html><html><body><feed>"));
        assert!(!is_feed_markup(b"plain"));
    }
}
