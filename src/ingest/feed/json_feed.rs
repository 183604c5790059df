//! A JSON Feed made readable by feed-rs before it reads it.

/// JSON Feed gives each item a string `id`, but feeds in the wild write a
/// number (`"id": 1234`), and feed-rs then refuses the whole feed: such ids
/// become strings first. Anything that is not a JSON object goes through as
/// it is.
pub(super) fn normalise(text: String) -> String {
    if !text.trim_start().starts_with('{') {
        return text;
    }
    let Ok(mut feed) = serde_json::from_str::<serde_json::Value>(&text) else {
        return text; // feed-rs says what is wrong with it
    };
    let mut changed = false;
    if let Some(items) = feed.get_mut("items").and_then(|i| i.as_array_mut()) {
        for id in items.iter_mut().filter_map(|item| item.get_mut("id")) {
            if id.is_number() {
                *id = serde_json::Value::String(id.to_string());
                changed = true;
            }
        }
    }
    match changed.then(|| serde_json::to_string(&feed)) {
        Some(Ok(normalised)) => normalised,
        _ => text,
    }
}
