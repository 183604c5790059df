//! The links of a paragraph's text (a saved page's `<a href>`, a feed
//! item's, an export's `links`), placed on the words they are on in the
//! text as it is stored.

use super::{clean, web_url};
use crate::model::Link;

/// The longest address kept for a link: longer is a tracking blob, not a
/// place a reader goes.
const MAX_URL_BYTES: usize = 2048;

/// The links of a paragraph whose stored text is `text`, from the words
/// each link was on as the source gave them (before cleaning) and its
/// address. Each is looked for in the text after the one before it, its
/// words cleaned as the text was. A link is left out when its words are
/// blank or no longer found, or its address is no absolute http(s)
/// address (a `javascript:`, a `mailto:`, a page's own `#part`).
pub fn place_links<'a>(
    text: &str,
    anchors: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Vec<Link> {
    let mut out = Vec::new();
    let mut from = 0;
    for (words, url) in anchors {
        let words = clean(words);
        if words.is_empty() || url.len() > MAX_URL_BYTES {
            continue;
        }
        let Ok(url) = web_url(url) else {
            continue;
        };
        let Some(at) = text.get(from..).and_then(|rest| rest.find(&words)) else {
            continue;
        };
        let start = from + at;
        let end = start + words.len();
        out.push(Link { start, end, url });
        from = end;
    }
    out
}

/// The links of a stored paragraph that still hold: on character
/// boundaries of `text`, in order, none overlapping, each address a web
/// address. What a damaged or hand-written store or export gives is
/// checked by this before it is shown.
pub fn valid_links(text: &str, links: Vec<Link>) -> Vec<Link> {
    let mut from = 0;
    links
        .into_iter()
        .filter(|l| {
            let ok = l.start >= from
                && l.start < l.end
                && text.get(l.start..l.end).is_some()
                && web_url(&l.url).is_ok_and(|u| u == l.url);
            if ok {
                from = l.end;
            }
            ok
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_are_placed_on_their_words_in_order() {
        let text = "Theo Bộ Y tế, Bộ Y tế đã công bố.";
        let links = place_links(
            text,
            [
                ("Bộ Y tế", "https://moh.gov.vn/"),
                ("Bộ  Y\u{00a0}tế", "https://moh.gov.vn/2"),
                ("công bố", "javascript:void(0)"),
                ("không có", "https://example.com/"),
            ],
        );
        assert_eq!(links.len(), 2, "{links:?}");
        assert_eq!(&text[links[0].start..links[0].end], "Bộ Y tế");
        assert_eq!(links[0].start, 5);
        assert_eq!(&text[links[1].start..links[1].end], "Bộ Y tế");
        assert!(links[1].start > links[0].start);
        assert_eq!(links[1].url, "https://moh.gov.vn/2");
    }

    #[test]
    fn damaged_links_are_dropped() {
        let text = "Hà Nội mùa thu";
        let l = |start, end, url: &str| Link {
            start,
            end,
            url: url.to_string(),
        };
        let kept = valid_links(
            text,
            vec![
                l(0, 2, "https://a.vn/"),  // inside "à"
                l(0, 3, "https://a.vn/"),  // "Hà"
                l(2, 9, "https://a.vn/"),  // overlaps the one before
                l(4, 9, "https://a.vn/x"), // "Nội"
                l(10, 40, "https://a.vn/"),
                l(10, 14, "file:///etc/passwd"),
                l(15, 18, "https://b.vn/"), // "thu"
            ],
        );
        assert_eq!(
            kept,
            vec![
                l(0, 3, "https://a.vn/"),
                l(4, 9, "https://a.vn/x"),
                l(15, 18, "https://b.vn/")
            ]
        );
    }
}
