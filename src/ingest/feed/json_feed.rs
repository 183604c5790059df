//! A JSON Feed made readable by feed-rs before it reads it.
//!
//! feed-rs reads a JSON Feed with serde into fixed types: one field of
//! another type anywhere refuses the whole feed, with serde's "at line 1
//! column 504" (an independent review's find: one item's `"url": 123` lost
//! the feed's other items). Here each such field is left out, said once per
//! item, and the rest read.

use serde_json::{Map, Value};

/// The item fields feed-rs reads as strings.
const STRINGS: [&str; 9] = [
    "url",
    "external_url",
    "title",
    "content_html",
    "content_text",
    "summary",
    "date_published",
    "date_modified",
    "language",
];

/// The feed's own optional strings.
const FEED_STRINGS: [&str; 6] = [
    "home_page_url",
    "feed_url",
    "language",
    "description",
    "icon",
    "favicon",
];

/// What [`normalise`] gives: the feed's text for feed-rs, notes on the
/// fields left out, and the items left out (each said, counted as refused).
pub(super) struct Normalised {
    pub text: String,
    pub notes: Vec<String>,
    pub skipped: Vec<String>,
}

/// JSON Feed gives each item a string `id`, but feeds in the wild write a
/// number (`"id": 1234`): such ids become strings. Fields of a type feed-rs
/// cannot read are left out, each item's said in a note; an item that is no
/// object is left out, said. Anything that is not a JSON object goes
/// through as it is.
pub(super) fn normalise(name: &str, text: String) -> Normalised {
    let mut notes = Vec::new();
    let mut skipped = Vec::new();
    if !text.trim_start().starts_with('{') {
        return Normalised {
            text,
            notes,
            skipped,
        };
    }
    let Ok(mut feed) = serde_json::from_str::<Value>(&text) else {
        // feed-rs says what is wrong with it
        return Normalised {
            text,
            notes,
            skipped,
        };
    };
    let mut changed = false;
    if let Some(map) = feed.as_object_mut() {
        let mut wrong = wrong_fields(map, &FEED_STRINGS, &["author"], &["authors"]);
        // Its title feed-rs requires: one of another type is none.
        if map.get("title").is_some_and(|t| !t.is_string()) {
            wrong.push("\"title\" is not a string".to_string());
            map.insert("title".into(), Value::String(String::new()));
        }
        if !wrong.is_empty() {
            notes.push(format!("{name}: {}: left out", wrong.join(", ")));
            changed = true;
        }
    }
    if let Some(items) = feed.get_mut("items").and_then(Value::as_array_mut) {
        let before = items.len();
        let mut n = 0;
        items.retain_mut(|item| {
            n += 1;
            let Some(map) = item.as_object_mut() else {
                skipped.push(format!(
                    "{name}: item {n} is {}, not an object: left out",
                    crate::ingest::jsonl::type_name(item)
                ));
                return false;
            };
            if let Some(id) = map.get_mut("id")
                && id.is_number()
            {
                *id = Value::String(id.to_string());
                changed = true;
            }
            if map
                .get("id")
                .is_some_and(|id| !id.is_string() && !id.is_null())
            {
                map.remove("id");
                notes.push(format!(
                    "{name}: item {n}: \"id\" is not a string: left out"
                ));
                changed = true;
            }
            let mut wrong = wrong_fields(map, &STRINGS, &["author"], &["authors"]);
            // Tags: the strings among them; attachments: those with an
            // address and a type.
            let attachment_ok = |a: &Value| {
                a.get("url").is_some_and(Value::is_string)
                    && a.get("mime_type").is_some_and(Value::is_string)
                    && a.get("title").is_none_or(|t| t.is_string() || t.is_null())
                    && a.get("size_in_bytes")
                        .is_none_or(|n| n.is_u64() || n.is_null())
            };
            for (key, keep, what) in [
                (
                    "tags",
                    &Value::is_string as &dyn Fn(&Value) -> bool,
                    "strings",
                ),
                ("attachments", &attachment_ok, "attachments"),
            ] {
                match map.get_mut(key) {
                    Some(Value::Array(list)) => {
                        let before = list.len();
                        list.retain(|v| keep(v));
                        if list.len() < before {
                            wrong.push(format!("\"{key}\" items that are not {what}"));
                        }
                    }
                    Some(Value::Null) | None => {}
                    Some(_) => {
                        map.remove(key);
                        wrong.push(format!("\"{key}\" is not a list"));
                    }
                }
            }
            if !wrong.is_empty() {
                notes.push(format!("{name}: item {n}: {}: left out", wrong.join(", ")));
                changed = true;
            }
            true
        });
        changed |= items.len() != before;
    }
    let text = match changed.then(|| serde_json::to_string(&feed)) {
        Some(Ok(normalised)) => normalised,
        _ => text,
    };
    Normalised {
        text,
        notes,
        skipped,
    }
}

/// Removes from `map` the fields of `strings` that are not strings, of
/// `objects` not objects and of `lists` not lists of objects (an author's
/// name and address not strings: the author left out); says each removed.
fn wrong_fields(
    map: &mut Map<String, Value>,
    strings: &[&str],
    objects: &[&str],
    lists: &[&str],
) -> Vec<String> {
    let mut wrong = Vec::new();
    let author_ok = |a: &Value| {
        a.as_object().is_some_and(|o| {
            ["name", "url"]
                .iter()
                .all(|k| o.get(*k).is_none_or(|v| v.is_string() || v.is_null()))
        })
    };
    for key in strings {
        if let Some(v) = map.get(*key)
            && !v.is_string()
            && !v.is_null()
        {
            wrong.push(format!(
                "\"{key}\" is {}, not a string",
                crate::ingest::jsonl::type_name(v)
            ));
            map.remove(*key);
        }
    }
    for key in objects {
        if map.get(*key).is_some_and(|v| !v.is_null() && !author_ok(v)) {
            wrong.push(format!("\"{key}\" is not an author"));
            map.remove(*key);
        }
    }
    for key in lists {
        match map.get_mut(*key) {
            Some(Value::Array(list)) => {
                let before = list.len();
                list.retain(author_ok);
                if list.len() < before {
                    wrong.push(format!("\"{key}\" items that are not authors"));
                }
            }
            Some(Value::Null) | None => {}
            Some(_) => {
                wrong.push(format!("\"{key}\" is not a list"));
                map.remove(*key);
            }
        }
    }
    wrong
}
