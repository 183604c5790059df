//! JSON lines: one article object per line.
//!
//! Field names accepted (the first present, non-null one wins; unknown keys
//! are ignored, `id` included, since the store assigns ids):
//!
//! | field | keys | values |
//! |---|---|---|
//! | title | `title` | string, required |
//! | url | `source_url`, `url`, `link` | string |
//! | published, date_text | `published_at`, `published`, `date`, `date_text` | ISO 8601, RFC 2822, Vietnamese date line, or Unix seconds; `date_text` keeps the original of a date line (not of a machine date, which the reader formats) |
//! | lead | `sapo`, `lead`, `description` | string |
//! | paragraphs | `body`, `paragraphs`, `content` | array of strings or `{"kind","text"}`, or one string |
//! | captions | `captions` | strings; a paragraph equal to one becomes a caption |
//! | keywords | `tags`, `keywords`, `topics`, `keywords_meta` (all merged) | strings, `{"name","source"}`, or one comma-separated string |
//! | related | `related` | titles, or `{"title","url","excerpt"}` |
//! | views | `views` | integer or numeric string (`"1.234"` = 1234) |
//! | author | `author` | string (or array of strings) |
//! | site | `site`, else the URL host without `www.` | string |
//! | bookmarked, read | `bookmarked`, `read` | bool |
//! | position | `position` | `{"paragraph", "offset"}`, counts from 0 (our export: where reading stopped) |
//!
//! A field of another type is an error naming it (null is as if absent);
//! so is a title with no lead, no body and no url: nothing to read or open.

use serde_json::{Map, Value};

use super::date::parse_date;
use super::site::site_of;
use crate::model::{
    Keyword, KeywordSource, NewArticle, NewRelated, Paragraph, ParagraphKind, Position,
};
// Every string goes through `crate::text::clean`, by way of its fast path.
use crate::text::clean_paragraphs;
use crate::text::{clean, clean_opt};

/// A line that did not give an article, with its 1-based line number.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {kind}")]
pub struct LineError {
    pub line: usize,
    pub kind: LineErrorKind,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LineErrorKind {
    /// Not JSON: serde_json's message with the column ("expected value at column 5").
    #[error("not a JSON object (invalid JSON {0})")]
    Json(String),
    #[error("expected a JSON object, found {0}")]
    NotAnObject(&'static str),
    #[error("no title")]
    NoTitle,
    /// A title and nothing to read or open: no lead, no body, no url (as
    /// page text with only a title is refused). A title with a url is a
    /// link, as a feed item with no summary is (DANeS has 221 such records).
    #[error("the title \"{0}\" alone: no lead, no body and no url")]
    TitleOnly(String),
    /// A field docbao reads holds a value of another type.
    #[error("\"{field}\" is {found}, expected {expected}")]
    WrongType {
        field: &'static str,
        found: &'static str,
        expected: &'static str,
    },
}

/// Parse every non-blank line; a bad line gives its error and the others
/// still parse. Large inputs are split across threads; the order is kept.
pub fn parse_jsonl(text: &str) -> Vec<Result<NewArticle, LineError>> {
    parse_jsonl_numbered(text)
        .into_iter()
        .map(|r| r.map(|(_, a)| a))
        .collect()
}

/// [`parse_jsonl`], each article with its line's number (from 1), for what
/// is said of an article stored all the same ([`undated_note`]).
pub fn parse_jsonl_numbered(text: &str) -> Vec<Result<(usize, NewArticle), LineError>> {
    const PARALLEL_MIN_BYTES: usize = 4 * 1024 * 1024;
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(16);
    if threads < 2 || text.len() < PARALLEL_MIN_BYTES {
        return records_from(text, 1).collect();
    }
    // Split on line boundaries into one chunk per thread, remembering the
    // line number each chunk starts at.
    let mut chunks: Vec<(usize, &str)> = Vec::with_capacity(threads);
    let target = text.len() / threads + 1;
    let (mut start, mut first_line) = (0, 1);
    while start < text.len() {
        let mut end = (start + target).min(text.len());
        while end < text.len() && !text.is_char_boundary(end) {
            end += 1;
        }
        end = match text[end..].find('\n') {
            Some(nl) => end + nl + 1,
            None => text.len(),
        };
        let chunk = &text[start..end];
        chunks.push((first_line, chunk));
        first_line += chunk.bytes().filter(|&b| b == b'\n').count();
        start = end;
    }
    std::thread::scope(|scope| {
        let handles: Vec<_> = chunks
            .iter()
            .map(|&(first, chunk)| {
                scope.spawn(move || records_from(chunk, first).collect::<Vec<_>>())
            })
            .collect();
        let mut out = Vec::new();
        for handle in handles {
            match handle.join() {
                Ok(part) => out.extend(part),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        out
    })
}

/// The same as [`parse_jsonl`], one line at a time on the calling thread
/// (for progress reporting or early exit).
pub fn jsonl_records(text: &str) -> impl Iterator<Item = Result<NewArticle, LineError>> + '_ {
    records_from(text, 1).map(|r| r.map(|(_, a)| a))
}

fn records_from(
    text: &str,
    first_line: usize,
) -> impl Iterator<Item = Result<(usize, NewArticle), LineError>> + '_ {
    text.split('\n').enumerate().filter_map(move |(n, line)| {
        let line_no = first_line + n;
        let line = line.strip_prefix('\u{FEFF}').unwrap_or(line).trim();
        if line.is_empty() {
            return None;
        }
        Some(
            parse_line(line)
                .map(|a| (line_no, a))
                .map_err(|kind| LineError {
                    line: line_no,
                    kind,
                }),
        )
    })
}

/// One JSON line to an article.
pub fn parse_line(line: &str) -> Result<NewArticle, LineErrorKind> {
    let value: Value =
        serde_json::from_str(line).map_err(|e| LineErrorKind::Json(json_message(&e)))?;
    match value {
        Value::Object(map) => parse_record(&map),
        other => Err(LineErrorKind::NotAnObject(type_name(&other))),
    }
}

/// serde_json says "… at line 1 column 5"; on a single line only the column
/// matters: "at column 5: …".
fn json_message(e: &serde_json::Error) -> String {
    let full = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    let what = full.strip_suffix(&suffix).unwrap_or(&full);
    format!("at column {}: {what}", e.column())
}

/// What each field docbao reads may hold (null is as if absent), and how
/// to say it.
const FIELD_TYPES: &[(&[&str], &[Kind], &str)] = {
    use Kind::{Array, Bool, Number, String as Str};
    &[
        (&["title", "source_url", "url", "link"], &[Str], "a string"),
        (&["sapo", "lead", "description", "site"], &[Str], "a string"),
        (
            &["published_at", "published", "date", "date_text"],
            &[Str, Number],
            "a date string or Unix seconds",
        ),
        (
            &["body", "paragraphs", "content"],
            &[Array, Str],
            "a list of paragraphs or a string",
        ),
        (&["captions", "related"], &[Array], "a list"),
        (
            &["tags", "keywords", "topics", "keywords_meta"],
            &[Array, Str],
            "a list or a comma-separated string",
        ),
        (&["views"], &[Number, Str], "a number"),
        (&["author"], &[Str, Array], "a string or a list of strings"),
        (&["bookmarked", "read"], &[Bool], "true or false"),
    ]
};

#[derive(PartialEq)]
enum Kind {
    String,
    Number,
    Bool,
    Array,
}

/// The first field of the wrong type, named.
fn check_types(map: &Map<String, Value>) -> Result<(), LineErrorKind> {
    for (keys, kinds, expected) in FIELD_TYPES {
        for key in *keys {
            let kind = match map.get(*key) {
                None | Some(Value::Null) => continue,
                Some(Value::String(_)) => Kind::String,
                Some(Value::Number(_)) => Kind::Number,
                Some(Value::Bool(_)) => Kind::Bool,
                Some(Value::Array(_)) => Kind::Array,
                Some(Value::Object(_)) => {
                    return Err(LineErrorKind::WrongType {
                        field: key,
                        found: "an object",
                        expected,
                    });
                }
            };
            if !kinds.contains(&kind) {
                return Err(LineErrorKind::WrongType {
                    field: key,
                    found: map.get(*key).map_or("null", type_name),
                    expected,
                });
            }
        }
    }
    // A paragraph is a string or {"kind", "text"}; a keyword a string or
    // {"name", "source"} (a number was dropped with no word: an
    // independent review's find).
    const LISTS: [(&str, &str); 7] = [
        ("body", PARAGRAPHS),
        ("paragraphs", PARAGRAPHS),
        ("content", PARAGRAPHS),
        ("tags", KEYWORDS),
        ("keywords", KEYWORDS),
        ("topics", KEYWORDS),
        ("keywords_meta", KEYWORDS),
    ];
    const PARAGRAPHS: &str = "a list of paragraphs (strings or {\"kind\", \"text\"})";
    const KEYWORDS: &str = "a list of keywords (strings or {\"name\", \"source\"})";
    for (key, expected) in LISTS {
        if let Some(Value::Array(items)) = map.get(key)
            && let Some(bad) = items
                .iter()
                .find(|v| !matches!(v, Value::String(_) | Value::Object(_) | Value::Null))
        {
            return Err(LineErrorKind::WrongType {
                field: key,
                found: match bad {
                    Value::Number(_) => "a list holding a number",
                    Value::Bool(_) => "a list holding a boolean",
                    _ => "a list holding a list",
                },
                expected,
            });
        }
    }
    Ok(())
}

pub(crate) fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// The first of `keys` present and not null.
fn first<'a>(map: &'a Map<String, Value>, keys: &[&str]) -> Option<&'a Value> {
    keys.iter()
        .find_map(|k| map.get(*k).filter(|v| !v.is_null()))
}

fn string_of<'a>(map: &'a Map<String, Value>, keys: &[&str]) -> Option<&'a str> {
    keys.iter()
        .find_map(|k| map.get(*k).and_then(Value::as_str))
}

/// One JSON object to an article.
pub fn parse_record(map: &Map<String, Value>) -> Result<NewArticle, LineErrorKind> {
    check_types(map)?;
    let position = position_of(map)?;
    let title = clean_opt(string_of(map, &["title"])).ok_or(LineErrorKind::NoTitle)?;
    let url = clean_opt(string_of(map, &["source_url", "url", "link"]));

    let (published, date_text) = dates(map);

    let mut paragraphs = first(map, &["body", "paragraphs", "content"])
        .map(paragraphs_of)
        .unwrap_or_default();
    if let Some(Value::Array(captions)) = map.get("captions") {
        let captions: Vec<String> = captions
            .iter()
            .filter_map(Value::as_str)
            .map(clean)
            .filter(|c| !c.is_empty())
            .collect();
        for p in &mut paragraphs {
            if captions.contains(&p.text) {
                p.kind = ParagraphKind::Caption;
            }
        }
    }

    let mut keywords: Vec<Keyword> = Vec::new();
    for key in ["tags", "keywords", "topics", "keywords_meta"] {
        if let Some(v) = map.get(key) {
            keywords_of(v, &mut keywords);
        }
    }
    let mut seen = std::collections::HashSet::new();
    keywords.retain(|k| seen.insert(k.name.to_lowercase()));

    let site = clean_opt(string_of(map, &["site"])).or_else(|| {
        url.as_deref()
            .and_then(site_of)
            .map(|h| clean(&h))
            .filter(|h| !h.is_empty())
    });

    let mut article = NewArticle {
        url,
        title,
        published,
        date_text,
        author: map.get("author").and_then(author_of),
        views: map.get("views").and_then(views_of),
        site,
        lead: clean_opt(string_of(map, &["sapo", "lead", "description"])),
        paragraphs,
        keywords,
        related: map.get("related").map(related_of).unwrap_or_default(),
        bookmarked: map.get("bookmarked").and_then(Value::as_bool),
        read: map.get("read").and_then(Value::as_bool),
        feeds: map.get("feeds").map(feeds_of).unwrap_or_default(),
        position,
    };
    if !own_export(&article) {
        decode_entities(&mut article);
    }
    if article.lead.is_none() && article.paragraphs.is_empty() && article.url.is_none() {
        return Err(LineErrorKind::TitleOnly(article.title));
    }
    super::finish_page_keywords(&mut article);
    Ok(article)
}

/// A line of docbao's own export (its read and bookmark marks given): its
/// text is as it was stored, entities decoded then (what reads as one now,
/// "&amp;" in a page about HTML, is text), and a date line it could not read
/// was said when it was stored.
fn own_export(a: &NewArticle) -> bool {
    a.read.is_some() && a.bookmarked.is_some()
}

/// HTML entities a scraper left in the text ("lúc&nbsp11h", "&quot;mới&quot;",
/// "A &amp; B": 23 of the Dân trí set's 2,653 articles), decoded as a feed's
/// are ([`super::entities::decode_left`]: only well-formed references; "AT&T"
/// stays). Shown raw, they cut words apart, and search did not find them.
/// A paragraph with links (docbao's own export, which holds none) is left
/// as it is: its links count characters.
fn decode_entities(a: &mut NewArticle) {
    let fix = |s: &mut String| {
        if let std::borrow::Cow::Owned(d) = super::entities::decode_left(s) {
            *s = d;
        }
    };
    fix(&mut a.title);
    a.lead.iter_mut().chain(a.author.iter_mut()).for_each(fix);
    (a.paragraphs.iter_mut())
        .filter(|p| p.links.is_empty())
        .for_each(|p| fix(&mut p.text));
    a.keywords.iter_mut().for_each(|k| fix(&mut k.name));
    for r in &mut a.related {
        fix(&mut r.title);
        r.excerpt.iter_mut().for_each(fix);
    }
    // An entity alone ("&nbsp;") is no text.
    if a.lead.as_deref() == Some("") {
        a.lead = None;
    }
    a.paragraphs.retain(|p| !p.text.is_empty());
}

/// Our export's `position`: `{"paragraph": n, "offset": m}` (`offset`
/// may be left out), each a count from 0.
fn position_of(map: &Map<String, Value>) -> Result<Option<Position>, LineErrorKind> {
    let wrong = |found| LineErrorKind::WrongType {
        field: "position",
        found,
        expected: "{\"paragraph\": n, \"offset\": m} with counts from 0",
    };
    let count = |v: Option<&Value>| match v {
        None | Some(Value::Null) => Ok(0),
        Some(v) => v
            .as_u64()
            .and_then(|n| usize::try_from(n).ok())
            .ok_or_else(|| wrong("not a count")),
    };
    match map.get("position") {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Object(p)) if p.contains_key("paragraph") => Ok(Some(Position {
            paragraph: count(p.get("paragraph"))?,
            offset: count(p.get("offset"))?,
        })),
        Some(Value::Object(_)) => Err(wrong("an object without \"paragraph\"")),
        Some(other) => Err(wrong(type_name(other))),
    }
}

/// `published` from the first date field that parses; `date_text` is the
/// `date_text` field if given, else the original text of the date field
/// unless that is a machine date ([`super::date::is_machine_date`]).
fn dates(
    map: &Map<String, Value>,
) -> (
    Option<chrono::DateTime<chrono::FixedOffset>>,
    Option<String>,
) {
    let mut published = None;
    let mut original = None;
    for key in ["published_at", "published", "date", "date_text"] {
        match map.get(key) {
            Some(Value::String(s)) => {
                let s = clean(s);
                if s.is_empty() {
                    continue;
                }
                if published.is_none() {
                    published = parse_date(&s);
                }
                // A date line as a page printed it is kept to be shown; a
                // machine date (an export's, a feed's) is not: the reader
                // formats the parsed date.
                if original.is_none() && !super::date::is_machine_date(&s) {
                    original = Some(s);
                }
            }
            Some(Value::Number(n)) if published.is_none() => {
                published = n.as_i64().and_then(from_unix);
            }
            _ => {}
        }
    }
    let date_text = clean_opt(string_of(map, &["date_text"])).or(original);
    (published, date_text)
}

/// What is said of an article whose date was given but could not be read
/// ("2021-02-30", "hôm qua"): it is stored undated, the text kept as its
/// date line, as a saved page's is (`None` when it has a date, or none was
/// given).
pub fn undated_note(a: &NewArticle) -> Option<String> {
    if a.published.is_some() || own_export(a) {
        return None;
    }
    let text = a.date_text.as_deref()?;
    let why = match super::date::read_date_line(text) {
        super::date::DateLine::Impossible(why) => format!("is not a real date ({why})"),
        _ => "is not a date docbao reads".to_string(),
    };
    Some(format!(
        "\"{text}\" {why}: kept as the article's date line, the article left undated"
    ))
}

/// Unix seconds, or milliseconds when the number is too large for seconds.
fn from_unix(n: i64) -> Option<chrono::DateTime<chrono::FixedOffset>> {
    let secs = if n.abs() > 100_000_000_000 {
        n / 1000
    } else {
        n
    };
    chrono::DateTime::from_timestamp(secs, 0).map(|d| d.with_timezone(&super::vietnam_offset()))
}

/// A paragraph's `links` (`[{"start": 5, "end": 12, "url": "https://…"}]`,
/// byte ranges of the text as given, as `export` writes them), placed on
/// the same words of the text cleaned. A link that does not fit the text
/// given is left out.
fn links_of(v: Option<&Value>, given: &str, clean: &str) -> Vec<crate::model::Link> {
    let Some(Value::Array(items)) = v else {
        return Vec::new();
    };
    let anchors = items.iter().filter_map(|l| {
        let n = |k: &str| l.get(k).and_then(Value::as_u64).map(|n| n as usize);
        let words = given.get(n("start")?..n("end")?)?;
        Some((words, l.get("url")?.as_str()?))
    });
    crate::text::links::place_links(clean, anchors)
}

fn paragraphs_of(v: &Value) -> Vec<Paragraph> {
    let mut out = Vec::new();
    match v {
        Value::Array(items) => {
            for item in items {
                match item {
                    Value::String(s) => {
                        out.extend(split_paragraphs(s).into_iter().map(Paragraph::text))
                    }
                    Value::Object(obj) => {
                        let kind = obj
                            .get("kind")
                            .and_then(Value::as_str)
                            .and_then(|k| ParagraphKind::parse(&k.to_ascii_lowercase()))
                            .unwrap_or_default();
                        let text = obj.get("text").and_then(Value::as_str);
                        // A line of code keeps its indentation.
                        let text = match kind {
                            ParagraphKind::Code => text
                                .map(crate::text::clean_code_line)
                                .filter(|t| !t.is_empty()),
                            _ => clean_opt(text),
                        };
                        if let Some(clean) = text {
                            let links = match (kind, obj.get("text").and_then(Value::as_str)) {
                                (ParagraphKind::Code, _) | (_, None) => Vec::new(),
                                (_, Some(given)) => links_of(obj.get("links"), given, &clean),
                            };
                            out.push(Paragraph {
                                kind,
                                text: clean,
                                links,
                            });
                        }
                    }
                    _ => {}
                }
            }
        }
        Value::String(s) => {
            let unified = super::normalize_newlines(s);
            if unified.contains("\n\n") {
                out.extend(clean_paragraphs(&unified).into_iter().map(Paragraph::text));
            } else {
                out.extend(
                    unified
                        .split('\n')
                        .map(clean)
                        .filter(|p| !p.is_empty())
                        .map(Paragraph::text),
                );
            }
        }
        _ => {}
    }
    out
}

/// One body string: paragraphs split on blank lines (`clean_paragraphs`),
/// or the cleaned string itself when it has no line breaks.
fn split_paragraphs(s: &str) -> Vec<String> {
    if s.contains(['\n', '\r']) {
        clean_paragraphs(s)
    } else {
        clean_opt(Some(s)).into_iter().collect()
    }
}

fn keywords_of(v: &Value, out: &mut Vec<Keyword>) {
    let page = |name: String| Keyword {
        name,
        source: KeywordSource::Page,
    };
    match v {
        Value::String(s) => {
            out.extend(
                s.split([',', ';'])
                    .map(clean)
                    .filter(|k| !k.is_empty())
                    .map(page),
            );
        }
        Value::Array(items) => {
            for item in items {
                match item {
                    Value::String(s) => out.extend(clean_opt(Some(s)).map(page)),
                    Value::Object(obj) => {
                        let name = clean_opt(string_of(obj, &["name", "text", "keyword"]));
                        let source = obj
                            .get("source")
                            .and_then(Value::as_str)
                            .and_then(KeywordSource::parse)
                            .unwrap_or_default();
                        out.extend(name.map(|name| Keyword { name, source }));
                    }
                    _ => {}
                }
            }
        }
        _ => {}
    }
}

/// The feeds an export says carried the article: their addresses (each an
/// object with a `url`, or the address itself), cleaned.
fn feeds_of(v: &Value) -> Vec<String> {
    let Some(items) = v.as_array() else {
        return Vec::new();
    };
    items
        .iter()
        .filter_map(|f| match f {
            Value::String(s) => clean_opt(Some(s)),
            Value::Object(o) => clean_opt(o.get("url").and_then(Value::as_str)),
            _ => None,
        })
        .collect()
}

fn related_of(v: &Value) -> Vec<NewRelated> {
    let Value::Array(items) = v else {
        return Vec::new();
    };
    items
        .iter()
        .filter_map(|item| match item {
            Value::String(s) => clean_opt(Some(s)).map(|title| NewRelated {
                title,
                ..Default::default()
            }),
            Value::Object(obj) => Some(NewRelated {
                title: clean_opt(string_of(obj, &["title"]))?,
                url: clean_opt(string_of(obj, &["url", "source_url", "link"])),
                excerpt: clean_opt(string_of(obj, &["excerpt", "sapo", "lead", "description"])),
            }),
            _ => None,
        })
        .collect()
}

fn views_of(v: &Value) -> Option<i64> {
    match v {
        Value::Number(n) => n.as_i64().or_else(|| n.as_f64().map(|f| f as i64)),
        Value::String(s) => {
            let s = s.trim();
            if s.is_empty()
                || !s
                    .chars()
                    .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | ' '))
            {
                return None;
            }
            s.chars()
                .filter(char::is_ascii_digit)
                .collect::<String>()
                .parse()
                .ok()
        }
        _ => None,
    }
    .filter(|n| *n >= 0)
}

fn author_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => clean_opt(Some(s)),
        Value::Array(items) => {
            let names: Vec<String> = items
                .iter()
                .filter_map(Value::as_str)
                .map(clean)
                .filter(|s| !s.is_empty())
                .collect();
            (!names.is_empty()).then(|| names.join(", "))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn views_values() {
        assert_eq!(views_of(&serde_json::json!(279)), Some(279));
        assert_eq!(views_of(&serde_json::json!("1.234")), Some(1234));
        assert_eq!(views_of(&serde_json::json!("1,234")), Some(1234));
        assert_eq!(views_of(&serde_json::json!(-3)), None);
        assert_eq!(views_of(&serde_json::json!("nhiều")), None);
    }

    #[test]
    fn json_error_message_names_the_column() {
        assert_eq!(
            parse_line("{\"a\": }").unwrap_err().to_string(),
            "not a JSON object (invalid JSON at column 7: expected value)"
        );
        assert_eq!(
            parse_line("{title}").unwrap_err().to_string(),
            "not a JSON object (invalid JSON at column 2: key must be a string)"
        );
        assert_eq!(
            parse_line("[1]").unwrap_err().to_string(),
            "expected a JSON object, found an array"
        );
    }
}
