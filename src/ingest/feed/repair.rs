//! Feeds that are not well-formed XML, read as far as they can be.
//!
//! feed-rs refuses a whole feed for one XML error, and has no lenient mode
//! (its quick-xml reader's settings are its own). Real feeds carry such
//! errors: an `&` left bare in a title or a link's query (`?a=1&b=2`), an
//! inline tag never closed (`<title>Tin <b>đậm</title>`), a download cut off
//! in its last item. When feed-rs fails, [`first_error`] finds where the
//! text stops being XML (for the message), and [`repair`] writes the feed
//! again as well-formed XML, with quick-xml's own lenient reading
//! (`allow_dangling_amp`, no end-name checks) doing the tokenising:
//!
//! - an `&` that starts no entity or character reference is escaped
//!   (`&amp;`); `&nbsp;` and the like stay for the HTML decoder;
//! - a `<` that starts no tag (`a < b`) is escaped;
//! - an end tag closes what was opened inside its element and left open:
//!   an HTML tag ([`FEED_HTML_TAGS`]) becomes text again (`<b>` in a title is
//!   markup the title's text is read from), a feed element is closed;
//!   an end tag nothing opened is dropped;
//! - a document that ends early (cut off, or an error that cannot be read
//!   past) loses the item or entry it ends in and is closed after the last
//!   whole one.
//!
//! A browser's HTML parser (html5ever is in the tree) is lenient too, but
//! reads a feed as HTML: `<link>` is an empty element there, so RSS links
//! are lost, and namespaced names (`content:encoded`) are not XML's.

use crate::ingest::html::FEED_HTML_TAGS;
use quick_xml::Reader;
use quick_xml::errors::{Error, IllFormedError, SyntaxError};
use quick_xml::events::{BytesRef, BytesStart, Event};

/// Where a text stops being well-formed XML, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct XmlFault {
    pub line: usize,
    pub column: usize,
    pub what: String,
}

impl std::fmt::Display for XmlFault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "line {}, column {}: {}",
            self.line, self.column, self.what
        )
    }
}

/// The first error in `text` as feed-rs's XML reader meets it (quick-xml
/// with feed-rs's settings, and a document must close what it opens), or
/// `None` when the text is well-formed (feed-rs failed for another reason).
pub(crate) fn first_error(text: &str) -> Option<XmlFault> {
    let mut reader = Reader::from_str(text);
    let config = reader.config_mut();
    config.expand_empty_elements = true;
    config.trim_markup_names_in_closing_tags = true;
    config.trim_text(false);
    let mut open: Vec<String> = Vec::new();
    loop {
        let at = to_usize(reader.buffer_position());
        let fault = |what: String| Some(fault_at(text, at, what));
        match reader.read_event() {
            Ok(Event::Start(e)) if !is_tag_name(start_name(&e)) => {
                return fault("a bare \"<\", which starts no tag".into());
            }
            Ok(Event::Start(e)) => open.push(start_name(&e).to_string()),
            Ok(Event::End(_)) => {
                open.pop();
            }
            Ok(Event::GeneralRef(r)) if !is_reference(&r) => {
                return fault(bare_amp());
            }
            Ok(Event::Eof) => {
                let inner = open.last()?;
                return fault(format!("the document ends inside <{inner}> (cut short?)"));
            }
            Ok(_) => {}
            Err(e) => {
                let at = to_usize(reader.error_position());
                let what = match e {
                    Error::IllFormed(IllFormedError::UnclosedReference) => bare_amp(),
                    Error::IllFormed(e) => e.to_string(),
                    // Markup the input ends in: a download cut off.
                    Error::Syntax(e @ SyntaxError::InvalidBangMarkup) => e.to_string(),
                    Error::Syntax(e) => format!("{e} (cut short?)"),
                    other => other.to_string(),
                };
                return Some(fault_at(text, at, what));
            }
        }
    }
}

fn bare_amp() -> String {
    "a bare \"&\", which starts no entity such as \"&amp;\"".into()
}

/// `text` written again as well-formed XML, as the module says.
pub(crate) fn repair(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 64);
    // The elements open, each with where its start tag is in `out`.
    let mut open: Vec<(String, usize)> = Vec::new();
    // Where the item or entry being read starts in `out`, and how many
    // elements were open outside it.
    let mut item: Option<(usize, usize)> = None;
    // Where reading starts again after a bare `<` (quick-xml took it for a
    // tag and read on to the next `>`).
    let mut from = 0;
    'text: while let Some(rest) = text.get(from..).filter(|r| !r.is_empty()) {
        let mut reader = lenient_reader(rest);
        loop {
            let before = to_usize(reader.buffer_position());
            match reader.read_event() {
                Ok(Event::Start(e)) | Ok(Event::Empty(e)) if !is_tag_name(start_name(&e)) => {
                    out.push_str("&lt;");
                    from += before + 1;
                    continue 'text;
                }
                Ok(Event::Start(e)) => {
                    let name = start_name(&e).to_string();
                    let local = name.rsplit(':').next().unwrap_or_default();
                    if matches!(local, "item" | "entry") {
                        // An item never closed ends where the next begins:
                        // the items after it were lost inside it.
                        if let Some((_, depth)) = item {
                            close_down_to(&mut open, &mut out, depth);
                        }
                        item = Some((out.len(), open.len()));
                    }
                    open.push((name, out.len()));
                    push_tag(&mut out, &e, false);
                }
                Ok(Event::Empty(e)) => push_tag(&mut out, &e, true),
                Ok(Event::End(e)) => {
                    let name = e.name().into_inner();
                    let Some(at) = open.iter().rposition(|(n, _)| n == name) else {
                        continue; // nothing opened it: dropped
                    };
                    // What was left open inside it, innermost first.
                    close_down_to(&mut open, &mut out, at + 1);
                    open.pop();
                    push_end(&mut out, name);
                    if item.is_some_and(|(_, depth)| open.len() <= depth) {
                        item = None;
                    }
                }
                Ok(Event::Text(t)) => push_escaped_amps(&mut out, &t),
                Ok(Event::GeneralRef(r)) => {
                    out.push_str(if is_reference(&r) { "&" } else { "&amp;" });
                    out.push_str(&r);
                    out.push(';');
                }
                Ok(Event::CData(c)) => {
                    out.push_str("<![CDATA[");
                    out.push_str(&c);
                    out.push_str("]]>");
                }
                Ok(Event::Comment(c)) => {
                    out.push_str("<!--");
                    out.push_str(&c);
                    out.push_str("-->");
                }
                Ok(Event::Decl(d)) => {
                    out.push_str("<?");
                    out.push_str(&d);
                    out.push_str("?>");
                }
                Ok(Event::PI(p)) => {
                    out.push_str("<?");
                    out.push_str(&p);
                    out.push_str("?>");
                }
                Ok(Event::DocType(d)) => {
                    out.push_str("<!DOCTYPE ");
                    out.push_str(&d);
                    out.push('>');
                }
                // The end, or an error not read past: the end.
                Ok(Event::Eof) | Err(_) => break 'text,
            }
        }
    }
    // Cut short inside an item: it goes, and what is open is closed.
    if let Some((at, depth)) = item {
        out.truncate(at);
        open.truncate(depth);
    }
    while let Some((name, _)) = open.pop() {
        push_end(&mut out, &name);
    }
    out
}

/// Close the elements open above `depth`, innermost first: an HTML tag
/// left open becomes text, a feed element is closed.
fn close_down_to(open: &mut Vec<(String, usize)>, out: &mut String, depth: usize) {
    while open.len() > depth {
        if let Some((inner, start)) = open.pop() {
            if FEED_HTML_TAGS.contains(&inner.to_ascii_lowercase().as_str()) {
                unmake_tag(out, start);
            } else {
                push_end(out, &inner);
            }
        }
    }
}

fn lenient_reader(text: &str) -> Reader<&[u8]> {
    let mut reader = Reader::from_reader(text.as_bytes());
    let config = reader.config_mut();
    config.allow_dangling_amp = true;
    config.check_end_names = false;
    config.allow_unmatched_ends = true;
    config.trim_text(false);
    reader
}

fn start_name<'a>(e: &'a BytesStart<'_>) -> &'a str {
    e.name().into_inner()
}

/// Whether `name` can be an element's name: it starts with a letter, `_`
/// or `:` (`< b`, `<3`, `<=` are text).
fn is_tag_name(name: &str) -> bool {
    name.chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() || c == '_' || c == ':')
}

/// `&name;`, `&#123;` or `&#x1F;` with a character XML allows.
fn is_reference(r: &BytesRef<'_>) -> bool {
    match r.resolve_char_ref() {
        Ok(Some(c)) => c != '\0',
        Ok(None) => {
            let name: &str = r;
            is_tag_name(name)
                && name
                    .chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, '_' | ':' | '-' | '.'))
        }
        Err(_) => false,
    }
}

fn push_tag(out: &mut String, e: &BytesStart<'_>, empty: bool) {
    out.push('<');
    out.push_str(e);
    out.push_str(if empty { "/>" } else { ">" });
}

fn push_end(out: &mut String, name: &str) {
    out.push_str("</");
    out.push_str(name);
    out.push('>');
}

/// The start tag written at `start` in `out` made text again (`&lt;b&gt;`).
fn unmake_tag(out: &mut String, start: usize) {
    let Some(tag) = out.get(start..) else { return };
    let Some(len) = tag.find('>').map(|i| i + 1) else {
        return;
    };
    let escaped = tag[..len]
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    out.replace_range(start..start + len, &escaped);
}

/// Text as quick-xml gives it (escaped, but with bare `&`s when dangling
/// ones are allowed).
fn push_escaped_amps(out: &mut String, text: &str) {
    for (i, part) in text.split('&').enumerate() {
        if i > 0 {
            out.push_str("&amp;");
        }
        out.push_str(part);
    }
}

fn to_usize(n: u64) -> usize {
    usize::try_from(n).unwrap_or(usize::MAX)
}

/// The line and column (in characters, from 1) of byte `at` of `text`.
fn fault_at(text: &str, at: usize, what: String) -> XmlFault {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let before = &text[..at];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    XmlFault {
        line: 1 + before.matches('\n').count(),
        column: 1 + before[line_start..].chars().count(),
        what,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>T</title>\n";

    fn item(title: &str, link: &str) -> String {
        format!("<item><title>{title}</title><link>{link}</link></item>\n")
    }

    #[test]
    fn bare_ampersands_are_escaped_and_references_kept() {
        let text = format!(
            "{HEAD}{}</channel></rss>",
            item(
                "Mỹ & Trung Quốc &amp; &nbsp; &#7871; &#x1EBF; &#xZZ; &#0; &;",
                "https://x.vn/1?a=1&b=2&c=3;"
            )
        );
        let fault = first_error(&text).unwrap();
        assert_eq!((fault.line, fault.column), (3, 17), "{fault}");
        assert!(fault.what.contains("bare \"&\""), "{fault}");
        let fixed = repair(&text);
        assert_eq!(first_error(&fixed), None, "{fixed}");
        assert!(
            fixed.contains(
                "<title>Mỹ &amp; Trung Quốc &amp; &nbsp; &#7871; &#x1EBF; &amp;#xZZ; &amp;#0; &amp;;</title>\
                 <link>https://x.vn/1?a=1&amp;b=2&amp;c=3;</link>"
            ),
            "{fixed}"
        );
    }

    #[test]
    fn unclosed_html_tags_become_text_and_feed_elements_are_closed() {
        let text = format!(
            "{HEAD}<item><title>Tin hai <b>đậm</title><description>Một <br> hai <![CDATA[a & <b]]></p></description></item>\n\
             <item><title>Ba</title><description>thiếu đóng</item>\n</channel></rss>"
        );
        let fault = first_error(&text).unwrap();
        assert_eq!((fault.line, fault.column), (3, 28), "{fault}");
        let fixed = repair(&text);
        assert_eq!(first_error(&fixed), None, "{fixed}");
        assert!(
            fixed.contains("<title>Tin hai &lt;b&gt;đậm</title>"),
            "{fixed}"
        );
        assert!(
            fixed.contains("<description>Một &lt;br&gt; hai <![CDATA[a & <b]]></description>"),
            "{fixed}"
        );
        assert!(
            fixed.contains("<description>thiếu đóng</description></item>"),
            "{fixed}"
        );
    }

    #[test]
    fn a_bare_less_than_is_text() {
        let text = format!(
            "{HEAD}{}</channel></rss>",
            item("a < b, 1 <3", "https://x.vn/1")
        );
        let fault = first_error(&text).unwrap();
        assert_eq!((fault.line, fault.column), (3, 16), "{fault}");
        let fixed = repair(&text);
        assert!(
            fixed.contains("<title>a &lt; b, 1 &lt;3</title><link>https://x.vn/1</link>"),
            "{fixed}"
        );
        assert_eq!(first_error(&fixed), None, "{fixed}");
    }

    #[test]
    fn a_document_cut_short_ends_after_its_last_whole_item() {
        let whole = format!(
            "{HEAD}{}{}<item><title>Tin bị cắt</title><link>https://x.vn/3</link><descrip",
            item("Một", "https://x.vn/1"),
            item("Hai", "https://x.vn/2")
        );
        let fault = first_error(&whole).unwrap();
        assert_eq!(fault.line, 5, "{fault}");
        let fixed = repair(&whole);
        assert_eq!(first_error(&fixed), None, "{fixed}");
        assert!(
            fixed.ends_with("<link>https://x.vn/2</link></item>\n</channel></rss>"),
            "{fixed}"
        );
        // Cut between items, or in an end tag after them.
        for cut in ["<item><tit", "</chan"] {
            let text = format!("{HEAD}{}{cut}", item("Một", "https://x.vn/1"));
            let fixed = repair(&text);
            assert_eq!(first_error(&fixed), None, "{fixed}");
            assert!(fixed.contains("<title>Một</title>"), "{fixed}");
        }
        // Ends with elements open but no broken tag: said so.
        let text = format!("{HEAD}{}", item("Một", "https://x.vn/1"));
        let fault = first_error(&text).unwrap();
        assert_eq!(
            fault.to_string(),
            "line 4, column 1: the document ends inside <channel> (cut short?)"
        );
    }

    /// A download cut anywhere (every character boundary of a feed with
    /// CDATA, a comment, entities, attributes, a namespace, an empty
    /// element) is well-formed once repaired, and keeps its whole items.
    #[test]
    fn a_feed_cut_anywhere_is_well_formed_once_repaired() {
        let feed = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- đầu -->\n\
            <rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">\
            <channel><title>Báo &amp; tin</title>\
            <item><title>Một &#7871;</title><link>https://x.vn/1?a=1&amp;b=2</link>\
            <content:encoded><![CDATA[<p>Đoạn & một</p>]]></content:encoded>\
            <enclosure url=\"https://x.vn/a.jpg\" type=\"image/jpeg\"/></item>\
            <item><title>Hai</title><link>https://x.vn/2</link></item></channel></rss>\n";
        assert_eq!(first_error(feed), None);
        let first_item_end = feed.find("</item>").unwrap() + "</item>".len();
        for (cut, _) in feed.char_indices() {
            let text = &feed[..cut];
            let fixed = repair(text);
            assert_eq!(first_error(&fixed), None, "cut at {cut}: {fixed}");
            if cut > first_item_end {
                assert!(
                    fixed.contains("<title>Một &#7871;</title>"),
                    "cut at {cut}: {fixed}"
                );
            }
        }
    }

    #[test]
    fn well_formed_text_has_no_fault_and_columns_count_characters() {
        let text = format!("{HEAD}{}</channel></rss>", item("Đủ", "https://x.vn/1"));
        assert_eq!(first_error(&text), None);
        let f = fault_at("ạb\nđậm&", "ạb\nđậm&".len() - 1, "x".into());
        assert_eq!((f.line, f.column), (2, 4));
    }
}
