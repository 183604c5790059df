//! RSS guids that are not permalinks.
//!
//! RSS 2.0 makes a `<guid>` the item's permalink unless it says
//! `isPermaLink="false"`; newsboat follows it to the article when there is
//! no `<link>`. feed-rs keeps the guid's text (the entry's id) but drops the
//! attribute, so the guids marked false are found here by reading the feed
//! with quick-xml, the parser feed-rs itself uses, and taking their text as
//! feed-rs does (text, CDATA and references joined, then trimmed).

use std::collections::HashSet;

use quick_xml::events::Event;

use super::link_of;

/// The texts of the `<guid isPermaLink="false">` elements in `xml`, read as
/// feed-rs reads an entry's id. A feed broken part way gives the guids
/// before the break (feed-rs has parsed it already, or refused it).
pub(super) fn not_permalinks(xml: &str) -> HashSet<String> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let config = reader.config_mut();
    config.expand_empty_elements = true;
    config.trim_markup_names_in_closing_tags = true;
    config.trim_text(false);
    let mut out = HashSet::new();
    // The text of the guid marked false being read, and how deep inside it.
    let mut open: Option<(String, usize)> = None;
    loop {
        let event = match reader.read_event() {
            Ok(Event::Eof) | Err(_) => break,
            Ok(event) => event,
        };
        match (&mut open, event) {
            (None, Event::Start(e)) if e.name().as_ref() == "guid" && says_false(&e) => {
                open = Some((String::new(), 0));
            }
            (Some((_, depth)), Event::Start(_)) => *depth += 1,
            (Some((text, 0)), Event::End(_)) => {
                out.insert(text.trim().to_string());
                open = None;
            }
            (Some((_, depth)), Event::End(_)) => *depth -= 1,
            (Some((text, _)), Event::Text(t)) => text.push_str(&t.xml10_content()),
            (Some((text, _)), Event::CData(t)) => text.push_str(&t.xml10_content()),
            (Some((text, _)), Event::GeneralRef(r)) => match r.resolve_char_ref() {
                Ok(Some(c)) => text.push(c),
                _ => match quick_xml::escape::resolve_predefined_entity(&r) {
                    Some(resolved) => text.push_str(resolved),
                    // Unknown entities stay as written, as feed-rs keeps them.
                    None => {
                        text.push('&');
                        text.push_str(&r);
                        text.push(';');
                    }
                },
            },
            _ => {}
        }
    }
    out
}

/// Whether the element says `isPermaLink="false"` (the name and the value
/// in any case, spaces around the value ignored).
fn says_false(element: &quick_xml::events::BytesStart) -> bool {
    element.attributes().flatten().any(|a| {
        a.key.as_ref().eq_ignore_ascii_case("ispermalink")
            && a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .is_ok_and(|v| v.trim().eq_ignore_ascii_case("false"))
    })
}

/// An RSS item's guid when it is its permalink (an http(s) address not
/// marked `isPermaLink="false"`: see `guid`). An Atom id is a name, and
/// feed-rs makes one up for an item without a guid: neither is a link.
pub(super) fn permalink(
    feed: &feed_rs::model::Feed,
    entry: &feed_rs::model::Entry,
    xml: &str,
    not_permalinks: &mut Option<std::collections::HashSet<String>>,
) -> Option<String> {
    use feed_rs::model::FeedType;
    if !matches!(feed.feed_type, FeedType::RSS2 | FeedType::RSS0) {
        return None;
    }
    let id = entry.id.as_str();
    let link = link_of(id).filter(|l| l.starts_with("http://") || l.starts_with("https://"))?;
    let marked_false = not_permalinks.get_or_insert_with(|| self::not_permalinks(xml));
    (!marked_false.contains(id)).then_some(link)
}

/// Items with no link that share their key (their `<guid>`) within one
/// fetch are told apart by their titles: the second of two such items
/// was taken for the first seen again, dropped and counted "already
/// stored" (an independent review's find). The guid they share is no id
/// for any of them: it is not kept, so that none is taken for another
/// moved. Items sharing a link stay one article (a live blog's entries).
pub(super) fn split_repeated(items: &mut [crate::model::FeedItem]) {
    let mut seen: std::collections::HashMap<String, usize> = Default::default();
    for item in items.iter().filter(|i| i.article.url.is_none()) {
        *seen.entry(item.key.clone()).or_default() += 1;
    }
    for item in items.iter_mut().filter(|i| i.article.url.is_none()) {
        if seen.get(&item.key).is_some_and(|n| *n > 1) {
            item.key = format!("{}\n{}", item.key, item.article.title);
            item.guid = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::not_permalinks;

    fn set(items: &[&str]) -> std::collections::HashSet<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn guids_marked_false_are_found_as_feed_rs_reads_them() {
        let xml = r#"<rss version="2.0"><channel><title>T</title>
<item><guid isPermaLink="false">https://x.vn/1?a=1&amp;b=2</guid></item>
<item><guid ISPERMALINK = 'False' >  https://x.vn/2  </guid></item>
<item><guid isPermaLink="false"><![CDATA[https://x.vn/3]]></guid></item>
<item><guid isPermaLink="true">https://x.vn/4</guid></item>
<item><guid>https://x.vn/5</guid></item>
</channel></rss>"#;
        assert_eq!(
            not_permalinks(xml),
            set(&["https://x.vn/1?a=1&b=2", "https://x.vn/2", "https://x.vn/3"])
        );
    }

    /// What a string scan got wrong: numeric character references (feed-rs
    /// decodes them, so the id did not match and the guid became the link),
    /// a guid in a comment, and an element whose name only begins with guid.
    #[test]
    fn character_references_comments_and_other_elements_are_read_as_xml() {
        let xml = r#"<rss version="2.0"><channel><title>T</title>
<item><title>Một</title><guid isPermaLink="false">https://x.vn/&#49;&#x30;</guid></item>
<!-- <guid isPermaLink="false">https://x.vn/20</guid> -->
<item><title>Hai</title><guid>https://x.vn/20</guid></item>
<item><title>Ba</title><guidance isPermaLink="false">https://x.vn/30</guidance><guid>https://x.vn/30</guid></item>
<item><description>&lt;guid isPermaLink="false"&gt;https://x.vn/40&lt;/guid&gt;</description><guid>https://x.vn/40</guid></item>
</channel></rss>"#;
        assert_eq!(not_permalinks(xml), set(&["https://x.vn/10"]));
        // The item whose guid is no permalink has no link.
        let feed = super::super::parse_feed("g.xml", xml.as_bytes(), None).unwrap();
        let urls: Vec<Option<&str>> = feed
            .items
            .iter()
            .map(|i| i.article.url.as_deref())
            .collect();
        assert_eq!(
            urls,
            [
                None,
                Some("https://x.vn/20"),
                Some("https://x.vn/30"),
                Some("https://x.vn/40")
            ]
        );
    }

    #[test]
    fn broken_xml_gives_what_was_read_before_the_break() {
        let xml = r#"<rss><channel><item><guid isPermaLink="false">a</guid></item><item><guid isPermaLink="false">b</gu"#;
        assert!(not_permalinks(xml).contains("a"));
    }
}
