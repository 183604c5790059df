//! What markup starts as: its first element's name, read from its first
//! 4 KiB (a feed, an OPML list of feeds), for the importer's choice of
//! parser and its messages. A module of its own: `document` and `feed`
//! both ask it, and neither may import the other.

/// Whether markup is a feed: its root element is `rss`, `feed` or `rdf:RDF`
/// (the first 4 KiB are enough).
pub fn is_feed_markup(body: &[u8]) -> bool {
    root_element(body).is_some_and(|name| matches!(name.as_str(), "rss" | "feed" | "rdf:rdf"))
}

/// Whether markup starts as an OPML list of feeds does (`<opml>`).
pub fn is_opml_markup(body: &[u8]) -> bool {
    root_element(body).is_some_and(|name| name == "opml")
}

/// The name of the first element in the first 4 KiB, in lower case.
fn root_element(body: &[u8]) -> Option<String> {
    let head = String::from_utf8_lossy(&body[..body.len().min(4096)]);
    let mut rest: &str = &head;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        if rest.starts_with('?') || rest.starts_with('!') {
            continue; // the XML declaration, a comment, a doctype
        }
        let name: String = rest
            .chars()
            .take_while(|c| !c.is_whitespace() && *c != '>' && *c != '/')
            .collect();
        return Some(name.to_ascii_lowercase());
    }
    None
}
