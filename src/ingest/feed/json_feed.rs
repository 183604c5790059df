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

/// JSON Feed gives each item a string `id`, but feeds in the wild write a
/// number (`"id": 1234`): such ids become strings. Fields of a type feed-rs
/// cannot read are left out, each item's said in a note. Anything that is
/// not a JSON object goes through as it is.
pub(super) fn normalise(name: &str, text: String) -> (String, Vec<String>) {
    let mut notes = Vec::new();
    if !text.trim_start().starts_with('{') {
        return (text, notes);
    }
    let Ok(mut feed) = serde_json::from_str::<Value>(&text) else {
        return (text, notes); // feed-rs says what is wrong with it
    };
    let mut changed = false;
    if let Some(map) = feed.as_object_mut() {
        let wrong = wrong_fields(map, &FEED_STRINGS, &["author"], &["authors"]);
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
                notes.push(format!(
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
            if let Some(tags) = map.get_mut("tags") {
                match tags.as_array_mut() {
                    Some(list) => list.retain(Value::is_string),
                    None => {
                        map.remove("tags");
                        wrong.push("\"tags\" is not a list".to_string());
                    }
                }
            }
            if let Some(a) = map.get_mut("attachments") {
                match a.as_array_mut() {
                    Some(list) => list.retain(|a| {
                        a.get("url").is_some_and(Value::is_string)
                            && a.get("mime_type").is_some_and(Value::is_string)
                    }),
                    None => {
                        map.remove("attachments");
                        wrong.push("\"attachments\" is not a list".to_string());
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
    match changed.then(|| serde_json::to_string(&feed)) {
        Some(Ok(normalised)) => (normalised, notes),
        _ => (text, notes),
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
            Some(Value::Array(list)) => list.retain(author_ok),
            Some(Value::Null) | None => {}
            Some(_) => {
                wrong.push(format!("\"{key}\" is not a list"));
                map.remove(*key);
            }
        }
    }
    wrong
}
