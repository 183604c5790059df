//! A web page given where a feed was expected: telling it is one, and the
//! feeds it advertises (`<link rel="alternate" type="application/rss+xml"
//! href="…">`, Atom and JSON Feed alike), as feed readers discover them.

use dom_query::Document;

use super::decode_html;
use crate::ingest::document::is_feed_markup;
use crate::text::{clean, web_url};

/// The types of `<link rel="alternate">` that name a feed.
const FEED_TYPES: &[&str] = &[
    "application/rss+xml",
    "application/atom+xml",
    "application/feed+json",
];

/// Whether a fetched body is a web page, not a feed: its first element is
/// `html` (or a doctype says html, or it starts as a page's `head` or
/// `body` would), or the server calls it HTML and its root is no feed's.
pub fn is_web_page(content_type: Option<&str>, body: &[u8]) -> bool {
    if is_feed_markup(body) {
        return false;
    }
    let declared = content_type.is_some_and(|ct| ct.to_ascii_lowercase().contains("html"));
    let head = String::from_utf8_lossy(&body[..body.len().min(4096)]).to_ascii_lowercase();
    let mut rest: &str = &head;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        if let Some(doctype) = rest.strip_prefix("!doctype") {
            return doctype.trim_start().starts_with("html");
        }
        if rest.starts_with('?') || rest.starts_with('!') {
            continue; // the XML declaration, a comment
        }
        let name: String = rest
            .chars()
            .take_while(|c| !c.is_whitespace() && *c != '>' && *c != '/')
            .collect();
        return matches!(name.as_str(), "html" | "head" | "body" | "meta" | "title") || declared;
    }
    declared
}

/// The feeds a page advertises, in its order, each once: `<link>`s whose
/// `rel` has `alternate` and whose `type` is a feed's, their `href`
/// resolved against the page's `<base href>` and address (`page_url`).
/// Only web addresses are kept, cleaned. A page that cannot be read
/// advertises nothing.
pub fn advertised_feeds(bytes: &[u8], charset: Option<&str>, page_url: &str) -> Vec<String> {
    let Ok(html) = decode_html(page_url, bytes, charset) else {
        return Vec::new();
    };
    let doc = Document::from(html);
    let Ok(page) = url::Url::parse(page_url) else {
        return Vec::new();
    };
    let base = doc
        .select("base[href]")
        .attr("href")
        .and_then(|b| page.join(b.trim()).ok())
        .unwrap_or(page);
    let mut out: Vec<String> = Vec::new();
    for link in doc.select("link[rel][href][type]").nodes() {
        let rel = link.attr("rel").unwrap_or_default().to_ascii_lowercase();
        let kind = link.attr("type").unwrap_or_default().to_ascii_lowercase();
        if !rel.split_ascii_whitespace().any(|r| r == "alternate")
            || !FEED_TYPES.contains(&kind.split(';').next().unwrap_or_default().trim())
        {
            continue;
        }
        let href = clean(&link.attr("href").unwrap_or_default());
        let Some(url) = base.join(&href).ok().and_then(|u| web_url(u.as_str()).ok()) else {
            continue;
        };
        if !out.contains(&url) {
            out.push(url);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_and_feeds_told_apart() {
        let page = "\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0\"><html><head>";
        assert!(is_web_page(None, page.as_bytes()));
        assert!(is_web_page(Some("text/html"), b"<div>x</div>"));
        assert!(is_web_page(None, b"<!-- c --><html lang=vi>"));
        for feed in [
            "<?xml version=\"1.0\"?><rss version=\"2.0\">",
            "<feed xmlns=\"http://www.w3.org/2005/Atom\">",
        ] {
            assert!(!is_web_page(Some("text/html"), feed.as_bytes()), "{feed}");
        }
        assert!(!is_web_page(Some("text/xml"), b"<channel>"));
        assert!(!is_web_page(
            None,
            b"{\"version\": \"https://jsonfeed.org\"}"
        ));
    }

    #[test]
    fn the_feeds_a_page_advertises() {
        let page = r#"<html><head>
            <link rel="alternate" type="application/rss+xml" href="/RSS/GL/trang-chu.rss">
            <link rel="Alternate feed" type="application/atom+xml; charset=utf-8" href="atom.xml">
            <link rel="alternate" type="application/feed+json" href="https://b.vn/feed.json">
            <link rel="alternate" type="application/rss+xml" href="/RSS/GL/trang-chu.rss">
            <link rel="alternate" hreflang="en" href="/en/">
            <link rel="stylesheet" type="application/rss+xml" href="/no.rss">
            <link rel="alternate" type="application/rss+xml" href="javascript:x()">
            </head><body></body></html>"#;
        assert_eq!(
            advertised_feeds(page.as_bytes(), None, "https://a.vn/tin/index.html"),
            [
                "https://a.vn/RSS/GL/trang-chu.rss",
                "https://a.vn/tin/atom.xml",
                "https://b.vn/feed.json",
            ]
        );
        let based = r#"<html><head><base href="https://cdn.a.vn/x/">
            <link rel="alternate" type="application/rss+xml" href="rss.xml"></head></html>"#;
        assert_eq!(
            advertised_feeds(based.as_bytes(), None, "https://a.vn/"),
            ["https://cdn.a.vn/x/rss.xml"]
        );
        assert!(advertised_feeds(b"<html><p>x</p></html>", None, "https://a.vn/").is_empty());
    }
}
