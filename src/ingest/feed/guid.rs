//! RSS guids that are not permalinks.
//!
//! RSS 2.0 makes a `<guid>` the item's permalink unless it says
//! `isPermaLink="false"`; newsboat follows it to the article when there is
//! no `<link>`. feed-rs keeps the guid's text (the entry's id) but drops the
//! attribute, so the guids marked false are found here, in the text.

use std::collections::HashSet;

/// The texts of the `<guid isPermaLink="false">` elements in `xml`, entities
/// decoded and trimmed, as feed-rs gives them.
pub(super) fn not_permalinks(xml: &str) -> HashSet<String> {
    let mut out = HashSet::new();
    let mut rest = xml;
    while let Some(at) = rest.find("<guid") {
        rest = &rest[at + "<guid".len()..];
        if !rest.starts_with([' ', '\t', '\r', '\n']) {
            continue; // `<guid>` (a permalink) or another element
        }
        let Some(end) = rest.find('>') else { break };
        let attributes = &rest[..end];
        rest = &rest[end + 1..];
        if attributes.ends_with('/') || !says_false(attributes) {
            continue;
        }
        let Some(close) = rest.find("</guid>") else {
            break;
        };
        out.insert(text_of(&rest[..close]));
        rest = &rest[close..];
    }
    out
}

/// Whether the attributes hold `isPermaLink="false"` (either quote, any case).
fn says_false(attributes: &str) -> bool {
    let lower = attributes.to_ascii_lowercase();
    let Some(at) = lower.find("ispermalink") else {
        return false;
    };
    let value = lower[at + "ispermalink".len()..].trim_start();
    let Some(value) = value.strip_prefix('=') else {
        return false;
    };
    let value = value.trim_start().trim_start_matches(['"', '\'']);
    value.starts_with("false")
}

/// An element's text: CDATA unwrapped, the XML entities decoded, trimmed.
fn text_of(raw: &str) -> String {
    let raw = raw.trim();
    if let Some(cdata) = raw
        .strip_prefix("<![CDATA[")
        .and_then(|r| r.strip_suffix("]]>"))
    {
        return cdata.trim().to_string();
    }
    raw.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}
