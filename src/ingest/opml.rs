//! OPML subscription lists, in and out.
//!
//! In: every outline with an `xmlUrl`, at any depth, in document order. The
//! document is read in the charset its byte order mark or declaration
//! names, as a feed is; HTML's entities and bare `&`s are mended for the
//! XML parser ([`crate::ingest::entities::mend_xml_references`]), and a
//! list that is still not well-formed is read as far as its whole outlines
//! go, as a feed is, and said. Its control characters are hidden from the
//! XML parser (so that a list written by an older docbao, with raw controls
//! in it, still reads: see [`hide_controls`]), then each title and address
//! goes through the
//! cleaner; `http://` and `https://` addresses are kept, and so are the
//! `file:///…` ones `feed add file://` subscribes to (the export writes
//! them: a restore keeps them); the others are reported by their place and
//! name. Out: a document with no control character in it, valid XML, that
//! reads back to the same subscriptions.

use crate::text::url::NotWebUrl;
use crate::text::{clean, clean_opt, web_url};

/// One subscription: the feed's address and the title it goes by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subscription {
    pub url: String,
    pub title: Option<String>,
    /// The site's address (`htmlUrl`), when known.
    pub site_url: Option<String>,
    /// Each new item's whole page is fetched (`feed add --full-page`):
    /// written as `docbao:fullPage="true"`, which other readers ignore.
    pub full_page: bool,
}

/// docbao's own attributes in OPML (`docbao:fullPage`) are in this
/// namespace, declared on the document.
const NAMESPACE: &str = "https://github.com/docbao/docbao/opml";

/// What an OPML document holds.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ParsedOpml {
    pub feeds: Vec<Subscription>,
    /// Outlines left out, with why (a `javascript:` address, a `file:`
    /// one that names no absolute path, …).
    pub skipped: Vec<String>,
    /// Folders (outlines holding outlines, with no feed of their own): docbao
    /// has none, their feeds are taken one by one.
    pub folders: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OpmlError {
    #[error("{name}: not an OPML file docbao can read: {detail}")]
    Invalid { name: String, detail: String },
}

/// Parse an OPML document (`name` is for messages).
pub fn parse_opml(name: &str, bytes: &[u8]) -> Result<ParsedOpml, OpmlError> {
    let invalid = |detail: String| OpmlError::Invalid {
        name: name.to_string(),
        detail,
    };
    // Its charset as a feed's is found (a byte order mark, else the XML
    // declaration's, else UTF-8): readers write OPML in UTF-16, ISO-8859-1,
    // windows-1258 too.
    let text = match crate::ingest::feed::decode_feed(name, bytes, None) {
        Ok(text) => text,
        Err(e) => {
            let said = e.to_string();
            let detail = said.strip_prefix(&format!("{name}: ")).unwrap_or(&said);
            return Err(invalid(detail.to_string()));
        }
    };
    let text = hide_controls(&text);
    let text = canonical_names(&text);
    // `&nbsp;` and the like, which HTML knows and XML does not.
    let text = crate::ingest::entities::mend_xml_references(&text).into_owned();
    let full_pages = full_pages(&text);
    let mut lenient = None;
    let doc = match opml::OPML::from_str(&text) {
        Ok(doc) => doc,
        // An empty list (what exporting no subscriptions writes): the spec
        // wants an outline, but nothing is lost by reading it as empty.
        Err(opml::Error::BodyHasNoOutlines) => return Ok(ParsedOpml::default()),
        Err(e) => {
            // Not well-formed XML (a bare `&` in an address's query, a tag
            // left open, a file cut short): read as a feed would be, every
            // whole outline kept, and said; unless nothing is left.
            let fault = crate::ingest::feed::first_error(&text);
            let repaired = fault
                .as_ref()
                .and_then(|_| opml::OPML::from_str(&crate::ingest::feed::repair(&text)).ok())
                .filter(|doc| !doc.body.outlines.is_empty());
            match (repaired, fault) {
                (Some(doc), Some(fault)) => {
                    lenient = Some(fault);
                    doc
                }
                (_, Some(fault)) => {
                    return Err(invalid(format!("not well-formed XML ({fault})")));
                }
                (_, None) => return Err(invalid(error_detail(&e))),
            }
        }
    };
    let mut out = ParsedOpml::default();
    if let Some(fault) = lenient {
        out.skipped.push(format!(
            "{name}: not well-formed XML ({fault}); read leniently, every whole outline kept"
        ));
    }
    // Depth first, in document order, without recursion.
    let mut stack: Vec<&opml::Outline> = doc.body.outlines.iter().rev().collect();
    let mut n = 0;
    while let Some(o) = stack.pop() {
        n += 1;
        stack.extend(o.outlines.iter().rev());
        let title = o
            .title
            .as_deref()
            .map(unhide_controls)
            .and_then(|t| clean_opt(Some(&t)))
            .or_else(|| clean_opt(Some(&unhide_controls(&o.text))));
        let Some(raw_url) = o.xml_url.as_deref().filter(|u| !u.trim().is_empty()) else {
            // A folder, or a link that is not a feed; but one that says it
            // is a feed (`type="rss"`) with no address, or a blank one, is
            // said (it went with no word: an independent review's find).
            out.folders += usize::from(!o.outlines.is_empty());
            let feed_type = (o.r#type.as_deref()).is_some_and(|t| {
                matches!(
                    t.trim().to_ascii_lowercase().as_str(),
                    "rss" | "atom" | "feed"
                )
            });
            if feed_type && o.outlines.is_empty() {
                out.skipped.push(format!(
                    "{name}: outline {n} \"{}\": a feed with no address (xmlUrl); skipped",
                    title.as_deref().unwrap_or("untitled")
                ));
            }
            continue;
        };
        let raw_url = unhide_controls(raw_url);
        let url = file_feed(&raw_url).unwrap_or_else(|| {
            web_url(&raw_url).map_err(|e| match e {
                NotWebUrl::Scheme(scheme) => {
                    format!("only http://, https:// and file:/// addresses, not {scheme}:")
                }
                e => e.to_string(),
            })
        });
        match url {
            Ok(url) => {
                // An untitled feed is exported with its address as its text
                // (OPML wants one): that reads back as no title.
                let title = title.filter(|t| *t != url);
                let site_url =
                    (o.html_url.as_deref()).and_then(|u| web_url(&unhide_controls(u)).ok());
                out.feeds.push(Subscription {
                    url,
                    title,
                    site_url,
                    full_page: full_pages.get(n - 1).copied().unwrap_or(false),
                })
            }
            Err(why) => out.skipped.push(format!(
                "{name}: outline {n} \"{}\" ({}): {why}; skipped",
                title.as_deref().unwrap_or("untitled"),
                clean(&raw_url)
            )),
        }
    }
    Ok(out)
}

/// A `file://` feed as `feed add file://` stores it and the export writes
/// it, `file:///home/…/tin.xml` (an absolute path on this machine), in
/// its one spelling; `None` for an address that is not a `file:` one.
/// Whether the file is there is for the caller to see (this reads
/// nothing).
fn file_feed(raw: &str) -> Option<Result<String, String>> {
    let s = clean(raw);
    if !s.get(..5).is_some_and(|p| p.eq_ignore_ascii_case("file:")) {
        return None;
    }
    let absolute = s
        .get(..8)
        .is_some_and(|p| p.eq_ignore_ascii_case("file:///"));
    Some(match url::Url::parse(&s) {
        Ok(u) if absolute && u.to_file_path().is_ok() => Ok(u.to_string()),
        _ => Err("a file:// address names an absolute path on this machine \
                  (file:///home/…/feed.xml)"
            .to_string()),
    })
}

/// The attribute names OPML spells `xmlUrl` and `htmlUrl`, as exporters in
/// the wild write them (`xmlurl`, `XMLURL`), spelled right in every
/// `<outline>` that does not already have them (the OPML parser reads
/// names as they are spelled). Read and written again with quick-xml;
/// values are left as they are. A document quick-xml cannot read is given
/// back as it is, for the OPML parser to say what is wrong with it.
fn canonical_names(text: &str) -> std::borrow::Cow<'_, str> {
    use quick_xml::events::{BytesStart, Event};
    const NAMES: [&str; 2] = ["xmlUrl", "htmlUrl"];
    let lower = text.to_ascii_lowercase();
    // Nothing spelled otherwise (the common case): the text as it is.
    if NAMES
        .iter()
        .all(|n| lower.matches(&n.to_ascii_lowercase()).count() == text.matches(n).count())
    {
        return text.into();
    }
    let renamed = |e: &BytesStart| -> Option<BytesStart<'static>> {
        let attrs: Vec<_> = e.attributes().collect::<Result<_, _>>().ok()?;
        let spelled = |n: &str| attrs.iter().any(|a| a.key.as_ref() == n);
        let mut out = BytesStart::new("outline");
        for a in &attrs {
            let key: &str = a.key.as_ref();
            let key = NAMES
                .iter()
                .find(|n| n.eq_ignore_ascii_case(key) && !spelled(n))
                .copied()
                .unwrap_or(key);
            // The value as written (escaped): not escaped again.
            out.push_attribute(quick_xml::events::attributes::Attribute {
                key: quick_xml::name::QName(key),
                value: a.value.clone(),
            });
        }
        Some(out)
    };
    let mut reader = quick_xml::Reader::from_str(text);
    let mut writer = quick_xml::Writer::new(Vec::with_capacity(text.len()));
    loop {
        let written = match reader.read_event() {
            Ok(Event::Eof) => break,
            Err(_) => return text.into(),
            Ok(Event::Start(e)) if e.name().as_ref() == "outline" => {
                renamed(&e).map(|e| writer.write_event(Event::Start(e)))
            }
            Ok(Event::Empty(e)) if e.name().as_ref() == "outline" => {
                renamed(&e).map(|e| writer.write_event(Event::Empty(e)))
            }
            Ok(event) => Some(writer.write_event(event)),
        };
        if !matches!(written, Some(Ok(()))) {
            return text.into();
        }
    }
    match String::from_utf8(writer.into_inner()) {
        Ok(out) => out.into(),
        Err(_) => text.into(),
    }
}

/// For each `<outline>` of the document, in document order (the order its
/// outlines are walked in, depth first), whether it says
/// `docbao:fullPage="true"` (the OPML parser keeps only the attributes OPML
/// names). Empty for a document quick-xml cannot read.
fn full_pages(text: &str) -> Vec<bool> {
    use quick_xml::events::Event;
    if !text.contains("fullPage") {
        return Vec::new();
    }
    let mut reader = quick_xml::Reader::from_str(text);
    let mut out = Vec::new();
    loop {
        match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) if e.name().as_ref() == "outline" => {
                out.push(
                    e.attributes()
                        .flatten()
                        .any(|a| a.key.as_ref() == "docbao:fullPage" && a.value.as_ref() == "true"),
                );
            }
            Ok(Event::Eof) => return out,
            Err(_) => return Vec::new(),
            Ok(_) => {}
        }
    }
}

/// The first of 32 noncharacters (U+FDD0–U+FDEF) that stand for the C0
/// controls while the XML parser reads the document.
const HIDDEN: u32 = 0xFDD0;

/// XML 1.0 allows no C0 control but tab and line ends, and an older docbao
/// wrote them raw (an OSC in a title): each stands in for itself as a
/// noncharacter while the document is parsed, so that the cleaner later sees
/// the value as it was and removes the whole sequence, not only its ESC.
fn hide_controls(text: &str) -> std::borrow::Cow<'_, str> {
    let hidden = |c: char| c < ' ' && !matches!(c, '\t' | '\n' | '\r');
    if !text.contains(hidden) {
        return text.into();
    }
    text.chars()
        .map(|c| match c {
            c if hidden(c) => char::from_u32(HIDDEN + c as u32).unwrap_or(' '),
            c => c,
        })
        .collect::<String>()
        .into()
}

/// The controls [`hide_controls`] hid, back in a parsed value (a
/// noncharacter there from the start becomes a control too, and is cleaned).
fn unhide_controls(value: &str) -> String {
    value
        .chars()
        .map(|c| match c as u32 {
            n @ HIDDEN..=0xFDEF => char::from_u32(n - HIDDEN).unwrap_or(' '),
            _ => c,
        })
        .collect()
}

/// The message of an `opml` error with its cause ("Failed to process XML
/// file" alone says nothing).
fn error_detail(e: &opml::Error) -> String {
    let mut s = e.to_string();
    let mut cause = std::error::Error::source(e);
    while let Some(c) = cause {
        let c_text = c.to_string();
        if !s.contains(&c_text) {
            s = format!("{s}: {c_text}");
        }
        cause = c.source();
    }
    s
}

/// An OPML 2.0 document listing `feeds`. Titles and addresses are cleaned
/// again (a store written by an older docbao may hold controls), escaped,
/// and stripped of anything XML 1.0 does not allow.
pub fn render_opml(feeds: &[Subscription]) -> String {
    let mut s = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\" xmlns:docbao=\"{NAMESPACE}\">\n  <head>\n    <title>docbao subscriptions</title>\n  </head>\n  <body>\n",
    );
    for f in feeds {
        let url = clean(&f.url);
        let title = f.title.as_deref().map(clean).filter(|t| !t.is_empty());
        let text = title.as_deref().unwrap_or(&url);
        s.push_str("    <outline type=\"rss\" text=\"");
        push_attr(&mut s, text);
        if let Some(t) = &title {
            s.push_str("\" title=\"");
            push_attr(&mut s, t);
        }
        s.push_str("\" xmlUrl=\"");
        push_attr(&mut s, &url);
        if let Some(site) = &f.site_url {
            s.push_str("\" htmlUrl=\"");
            push_attr(&mut s, &clean(site));
        }
        if f.full_page {
            s.push_str("\" docbao:fullPage=\"true");
        }
        s.push_str("\"/>\n");
    }
    s.push_str("  </body>\n</opml>\n");
    s
}

/// An attribute value: markup characters escaped, characters XML 1.0 does
/// not allow (controls, U+FFFE, U+FFFF) left out.
fn push_attr(out: &mut String, value: &str) {
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\u{0}'..='\u{1F}' | '\u{7F}'..='\u{9F}' | '\u{FFFE}' | '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sub(url: &str, title: Option<&str>) -> Subscription {
        Subscription {
            url: url.into(),
            title: title.map(str::to_string),
            site_url: None,
            full_page: false,
        }
    }

    /// A full-page feed says so in its outline, in docbao's namespace, and
    /// reads back so, whatever the folders around it; the others read back
    /// as summary feeds (a tester's report: moving to a new machine
    /// through OPML lost the setting silently).
    #[test]
    fn a_full_page_feed_reads_back_full_page() {
        let mut whole = sub("https://a.vn/rss", Some("Báo A"));
        whole.full_page = true;
        let feeds = vec![sub("https://b.vn/rss", None), whole];
        let written = render_opml(&feeds);
        assert!(written.contains(r#"docbao:fullPage="true""#), "{written}");
        assert!(written.contains(&format!(r#"xmlns:docbao="{NAMESPACE}""#)));
        let again = parse_opml("x.opml", written.as_bytes()).unwrap();
        assert_eq!(again.feeds, feeds);
        // Inside a folder, after a folder, with a misspelled `xmlurl`.
        let doc = format!(
            r#"<?xml version="1.0"?><opml version="2.0" xmlns:docbao="{NAMESPACE}"><head/><body>
<outline text="Thời sự"><outline text="B" xmlurl="https://b.vn/rss"/></outline>
<outline text="A" xmlUrl="https://a.vn/rss" docbao:fullPage="true"/>
<outline text="C" xmlUrl="https://c.vn/rss" docbao:fullPage="false"/>
</body></opml>"#
        );
        let p = parse_opml("f.opml", doc.as_bytes()).unwrap();
        let full: Vec<bool> = p.feeds.iter().map(|f| f.full_page).collect();
        assert_eq!(full, vec![false, true, false], "{:?}", p.feeds);
    }

    /// Found by the OPML fuzzer: an untitled feed came back titled by its
    /// own address.
    #[test]
    fn an_untitled_feed_reads_back_untitled() {
        let feeds = vec![
            sub("https://a.vn/rss", None),
            sub("https://b.vn/rss", Some("Báo B")),
        ];
        let again = parse_opml("x.opml", render_opml(&feeds).as_bytes()).unwrap();
        assert_eq!(again.feeds, feeds);
    }

    /// Found by the OPML fuzzer: a list where every outline was skipped
    /// exported as an empty body, which did not read back.
    #[test]
    fn an_empty_list_exports_and_reads_back() {
        let written = render_opml(&[]);
        assert_eq!(
            parse_opml("none.opml", written.as_bytes()),
            Ok(ParsedOpml::default())
        );
        let only_bad = r#"<opml version="2.0"><body><outline text="j" xmlUrl="javascript:alert(1)"/></body></opml>"#;
        let parsed = parse_opml("bad.opml", only_bad.as_bytes()).unwrap();
        assert!(parsed.feeds.is_empty());
        assert_eq!(parsed.skipped.len(), 1);
        let again = parse_opml("again.opml", render_opml(&parsed.feeds).as_bytes()).unwrap();
        assert_eq!(again.feeds, parsed.feeds);
    }

    #[test]
    fn outlines_in_document_order_nested_and_cleaned() {
        let doc = r#"<?xml version="1.0"?><opml version="1.0"><head/><body>
<outline text="Tin">
  <outline text="VnExpress" xmlUrl=" https://vnexpress.net/rss/tin-moi-nhat.rss "/>
  <outline text="t" title="Dân trí" xmlUrl="https://dantri.com.vn/rss/home.rss"/>
</outline>
<outline text="Không có địa chỉ"/>
<outline text="Tuổi Trẻ" xmlUrl="https://tuoitre.vn/rss/tin-moi-nhat.rss"/>
</body></opml>"#;
        let p = parse_opml("s.opml", doc.as_bytes()).unwrap();
        assert_eq!(
            p.feeds,
            vec![
                sub(
                    "https://vnexpress.net/rss/tin-moi-nhat.rss",
                    Some("VnExpress")
                ),
                sub("https://dantri.com.vn/rss/home.rss", Some("Dân trí")),
                sub("https://tuoitre.vn/rss/tin-moi-nhat.rss", Some("Tuổi Trẻ")),
            ]
        );
        assert!(p.skipped.is_empty());
    }

    /// `xmlurl`, `XMLURL` (written by some exporters) read as `xmlUrl`;
    /// `htmlUrl` is the site's address; folders are counted.
    #[test]
    fn attribute_names_in_any_case_sites_and_folders() {
        let doc = r#"<opml version="2.0"><body>
<outline text="Thời sự"><outline text="Folder in folder">
  <outline text="A" xmlurl="https://a.vn/rss" htmlurl="https://a.vn/"/></outline>
  <outline text="B" XMLURL="https://b.vn/rss" title="xmlurl=x"/>
</outline>
<outline text="C" xmlUrl="https://c.vn/rss" htmlUrl="https://c.vn/"/>
<outline text="xmlurl=&quot;https://d.vn/rss&quot;"/>
</body></opml>"#;
        let p = parse_opml("s.opml", doc.as_bytes()).unwrap();
        let urls: Vec<(&str, Option<&str>)> = p
            .feeds
            .iter()
            .map(|f| (f.url.as_str(), f.site_url.as_deref()))
            .collect();
        assert_eq!(
            urls,
            [
                ("https://a.vn/rss", Some("https://a.vn/")),
                ("https://b.vn/rss", None),
                ("https://c.vn/rss", Some("https://c.vn/")),
            ]
        );
        assert_eq!(p.feeds[1].title.as_deref(), Some("xmlurl=x"));
        assert_eq!(p.folders, 2);
        // Read as XML: an outline in a comment is no outline, and a tag
        // spelling both keeps the right one.
        let doc = r#"<opml version="2.0"><body>
<!-- <outline xmlurl="https://x.vn/rss" text=">"> -->
<outline text="E" xmlurl="https://e.vn/old" xmlUrl="https://e.vn/rss"/>
<outline text="F" XmlUrl='https://f.vn/rss?a=1&amp;b=2'/>
</body></opml>"#;
        let urls: Vec<String> = parse_opml("c.opml", doc.as_bytes())
            .unwrap()
            .feeds
            .into_iter()
            .map(|f| f.url)
            .collect();
        assert_eq!(urls, ["https://e.vn/rss", "https://f.vn/rss?a=1&b=2"]);
        // The site's address goes out, and reads back.
        let out = render_opml(&p.feeds);
        assert!(out.contains(r#"htmlUrl="https://c.vn/""#), "{out}");
        assert_eq!(parse_opml("o.opml", out.as_bytes()).unwrap().feeds, p.feeds);
    }

    /// A feed's outline with no address, or a blank one, is named as
    /// skipped (it went with no word: an independent review's find); a
    /// folder and a plain link (no `type="rss"`) are no feeds.
    #[test]
    fn a_feed_with_no_address_is_named() {
        let doc = r#"<opml version="2.0"><body>
<outline type="rss" text="Không có URL"/>
<outline type="rss" text="Rỗng" xmlUrl=""/>
<outline type="RSS" text="Trắng" xmlUrl="   "/>
<outline text="Thư mục"><outline text="ok" xmlUrl="http://a.vn/rss"/></outline>
<outline type="link" text="Trang" url="http://a.vn/"/>
</body></opml>"#;
        let p = parse_opml("o.opml", doc.as_bytes()).unwrap();
        assert_eq!(p.feeds, vec![sub("http://a.vn/rss", Some("ok"))]);
        assert_eq!(
            p.skipped,
            [
                "o.opml: outline 1 \"Không có URL\": a feed with no address (xmlUrl); skipped",
                "o.opml: outline 2 \"Rỗng\": a feed with no address (xmlUrl); skipped",
                "o.opml: outline 3 \"Trắng\": a feed with no address (xmlUrl); skipped",
            ]
        );
    }

    #[test]
    fn only_web_and_local_file_addresses_are_kept_the_others_named() {
        let doc = r#"<opml version="2.0"><body>
<outline text="ok" xmlUrl="http://a.vn/rss"/>
<outline text="local" xmlUrl="file:///home/an/tin%20moi.xml"/>
<outline text="js" xmlUrl="javascript:alert(1)"/>
<outline text="opt" xmlUrl="--new-window=http://x"/>
<outline text="host" xmlUrl="file://may-khac/tin.xml"/>
<outline text="relative" xmlUrl="file:tin.xml"/>
</body></opml>"#;
        let p = parse_opml("s.opml", doc.as_bytes()).unwrap();
        assert_eq!(
            p.feeds,
            vec![
                sub("http://a.vn/rss", Some("ok")),
                sub("file:///home/an/tin%20moi.xml", Some("local"))
            ]
        );
        assert_eq!(p.skipped.len(), 4, "{:?}", p.skipped);
        assert_eq!(
            p.skipped[0],
            "s.opml: outline 3 \"js\" (javascript:alert(1)): only http://, https:// and \
             file:/// addresses, not javascript:; skipped"
        );
        assert!(p.skipped[1].contains("\"opt\"") && p.skipped[1].contains("not a web address"));
        for (n, s) in [(2, "\"host\""), (3, "\"relative\"")] {
            assert!(
                p.skipped[n].contains(s) && p.skipped[n].contains("names an absolute path"),
                "{:?}",
                p.skipped[n]
            );
        }
    }

    /// The payloads of the issue, in titles and addresses.
    const DIRTY: &[(&str, &str)] = &[
        ("OSC 52 \u{1B}]52;c;cHduZWQ=\u{7}tin", "https://a.vn/1"),
        ("OSC 0", "https://a.vn/\u{1B}]0;pwned\u{7}2"),
        ("BEL\u{7} C1\u{85}\u{9B}31m\u{9C}", "https://a.vn/3\u{7}"),
        ("ST \u{1B}]0;x\u{9C}kept", "https://a.vn/\u{9B}4"),
        ("ESC \u{1B}\u{1EBF} alone \u{1B}[2J", "https://a.vn/5\u{1B}"),
    ];

    #[test]
    fn controls_in_titles_and_addresses_are_cleaned_and_render_as_valid_xml() {
        // What an older docbao stored (raw), rendered: no control character,
        // valid XML, and it reads back to the cleaned subscriptions.
        let feeds: Vec<Subscription> = DIRTY.iter().map(|(t, u)| sub(u, Some(t))).collect();
        let xml = render_opml(&feeds);
        assert!(
            !xml.contains(|c: char| c.is_control() && c != '\n'),
            "{xml:?}"
        );
        let back = parse_opml("out.opml", xml.as_bytes()).unwrap();
        let want: Vec<Subscription> = DIRTY
            .iter()
            .map(|(t, u)| sub(&web_url(u).unwrap(), clean_opt(Some(t)).as_deref()))
            .collect();
        assert_eq!(back.feeds, want);
        assert_eq!(want[0].title.as_deref(), Some("OSC 52 tin"));
        assert_eq!(want[1].url, "https://a.vn/2");
        assert_eq!(want[2].title.as_deref(), Some("BEL C1 31m"));
        assert_eq!(want[3].title.as_deref(), Some("ST kept"));
        assert_eq!(want[4].title.as_deref(), Some("ESC \u{1EBF} alone"));
        // Round trip: export what was read, read it again: the same.
        let again = parse_opml("again.opml", render_opml(&back.feeds).as_bytes()).unwrap();
        assert_eq!(again.feeds, back.feeds);
    }

    #[test]
    fn a_document_with_raw_controls_still_reads() {
        // What an older docbao exported: raw ESC and BEL inside attributes
        // (not valid XML).
        let mut doc = String::from("<?xml version=\"1.0\"?><opml version=\"2.0\"><head/><body>");
        for (t, u) in DIRTY {
            doc.push_str(&format!("<outline text=\"{t}\" xmlUrl=\"{u}\"/>"));
        }
        doc.push_str("</body></opml>");
        let p = parse_opml("old.opml", doc.as_bytes()).unwrap();
        assert_eq!(p.feeds.len(), DIRTY.len(), "{:?}", p.skipped);
        for f in &p.feeds {
            assert!(!f.url.contains(char::is_control) && f.url.starts_with("https://a.vn/"));
            let t = f.title.as_deref().unwrap();
            assert!(!t.contains(char::is_control) && !t.contains("52;"), "{t:?}");
        }
    }

    #[test]
    fn markup_in_titles_survives_the_round_trip() {
        let feeds = vec![sub(
            "https://a.vn/rss?a=1&b=2",
            Some("<Tin> \"nóng\" & 'mới'"),
        )];
        let back = parse_opml("x", render_opml(&feeds).as_bytes()).unwrap();
        assert_eq!(back.feeds, feeds);
    }

    #[test]
    fn not_opml_is_a_clear_error() {
        for (bytes, detail) in [
            (&b"<html><body>x</body></html>"[..], "not an OPML file"),
            (b"<opml version=\"2.0\"><body>", "not an OPML file"),
            (b"\xFF\xFEx", "not valid UTF-16LE"),
        ] {
            let e = parse_opml("x.opml", bytes).unwrap_err().to_string();
            assert!(e.starts_with("x.opml: ") && e.contains(detail), "{e}");
            // The cause is said once.
            let parts: Vec<&str> = e.split(": ").collect();
            let mut dedup = parts.clone();
            dedup.dedup();
            assert_eq!(parts, dedup, "{e}");
        }
    }

    #[test]
    fn other_charsets_and_html_entities_and_bare_ampersands_are_read() {
        let body = |title: &str, url: &str| {
            format!(
                "<opml version=\"2.0\"><body><outline text=\"{title}\" xmlUrl=\"{url}\"/></body></opml>"
            )
        };
        // ISO-8859-1, as its declaration says (FreshRSS, older readers).
        // A single-byte charset's bytes, each written as the char of its
        // number.
        let bytes_of = |charset: &str, text: String| {
            let mut bytes = format!("<?xml version=\"1.0\" encoding=\"{charset}\"?>").into_bytes();
            bytes.extend(text.chars().map(|c| c as u8));
            bytes
        };
        let latin = bytes_of("ISO-8859-1", body("Le Monde \u{e9}co", "https://a.fr/rss"));
        let p = parse_opml("l.opml", &latin).unwrap();
        assert_eq!(p.feeds[0].title.as_deref(), Some("Le Monde éco"));
        // windows-1258, Vietnamese's own code page: "Tin mới" ("ớ" is "o",
        // then 0xEC, the combining acute; "ơ" is 0xF5).
        let viet = bytes_of(
            "windows-1258",
            body("Tin m\u{f5}\u{ec}i", "https://a.vn/rss"),
        );
        let p = parse_opml("v.opml", &viet).unwrap();
        assert_eq!(p.feeds[0].title.as_deref(), Some("Tin mới"));
        // UTF-16, with its byte order mark.
        let mut wide = vec![0xFF, 0xFE];
        for u in body("Thời sự", "https://a.vn/rss").encode_utf16() {
            wide.extend(u.to_le_bytes());
        }
        let p = parse_opml("w.opml", &wide).unwrap();
        assert_eq!(p.feeds[0].title.as_deref(), Some("Thời sự"));
        // `&nbsp;` (HTML's, not XML's) in a title, a bare `&` in an address.
        let text = body("Tin&nbsp;nóng", "https://a.vn/rss?a=1&b=2");
        let p = parse_opml("e.opml", text.as_bytes()).unwrap();
        assert_eq!(p.feeds[0].url, "https://a.vn/rss?a=1&b=2");
        assert_eq!(p.feeds[0].title.as_deref(), Some("Tin nóng"));
        // Read as a browser reads them: nothing lost, nothing to say.
        assert!(p.skipped.is_empty(), "{:?}", p.skipped);
    }

    #[test]
    fn a_list_cut_short_keeps_its_whole_outlines_and_one_cut_before_any_is_refused() {
        let whole = "<opml version=\"2.0\"><body>\n<outline text=\"A\" xmlUrl=\"https://a.vn/rss\"/>\n<outline text=\"B\" xmlUrl=\"https://b.vn/rss\"/>\n</body></opml>\n";
        let cut = &whole[..whole.find("</body>").unwrap() - 20];
        let p = parse_opml("c.opml", cut.as_bytes()).unwrap();
        let urls: Vec<&str> = p.feeds.iter().map(|f| f.url.as_str()).collect();
        assert_eq!(urls, ["https://a.vn/rss"]);
        assert!(
            p.skipped[0].contains("not well-formed XML (line 3,"),
            "{:?}",
            p.skipped
        );
        let e = parse_opml("c.opml", &whole.as_bytes()[..40])
            .unwrap_err()
            .to_string();
        assert!(
            e.starts_with("c.opml: not an OPML file docbao can read: not well-formed XML (line "),
            "{e}"
        );
    }
}
