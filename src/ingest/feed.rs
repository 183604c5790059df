//! RSS 0.9x/1.0/2.0, Atom and JSON Feed, through feed-rs, into articles.
//!
//! The bytes are decoded to UTF-8 first (see `charset`: a byte order mark,
//! else the HTTP charset, else the XML declaration's encoding, else UTF-8;
//! a feed whose bytes do not match its charset is refused, never guessed),
//! then parsed; a feed that is not well-formed XML is read as far as it can
//! be (see `repair`), and said so in its `notes`. Each item gives
//! its title, link, date, summary (HTML to text) and categories (as page
//! keywords). Items are keyed by their link, else their guid, so that an item
//! appears once however often the feed is read.

mod charset;
mod dates;
mod guid;
mod json_feed;
mod repair;
mod rss1;

pub use charset::{CharsetSource, decode_feed};
use dates::FeedDates;
pub(crate) use repair::{first_error, repair};

use super::date::vietnam_offset;
use super::entities::decode_left;
use super::site::site_of;
use crate::model::{FeedItem, Keyword, KeywordSource, NewArticle, Paragraph};
use crate::text::{clean, clean_opt};

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum FeedError {
    #[error("{name}: not a feed docbao can read (RSS, Atom or JSON Feed): {detail}")]
    Invalid { name: String, detail: String },
    /// `also`: what else names a charset (`, while the feed declares X`).
    #[error("{name}: the bytes are not valid {charset} ({by}{also}); not imported")]
    WrongCharset {
        name: String,
        charset: String,
        by: CharsetSource,
        also: String,
    },
    #[error("{name}: unknown charset \"{charset}\"")]
    UnknownCharset { name: String, charset: String },
    #[error("{name}: the feed is empty")]
    Empty { name: String },
}

/// A parsed feed: its title and items.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedFeed {
    pub title: Option<String>,
    pub site_url: Option<String>,
    pub items: Vec<FeedItem>,
    /// Items skipped, with why (an item with no title and no link, …).
    pub skipped: Vec<String>,
    /// What the reader should know that is no failure: the feed was not
    /// well-formed XML and was read leniently.
    pub notes: Vec<String>,
}

/// A link as the feed writes it, if it parses as a URL: kept as written when
/// that is clean text (so an item's key stays what it always was), else as
/// the URL parser writes it (ASCII, percent-encoded): no control, space or
/// bidi character of a feed reaches the store or the screen.
pub(super) fn link_of(href: &str) -> Option<String> {
    let href = href.trim();
    let url = url::Url::parse(href).ok()?;
    Some(if clean(href) == href {
        href.to_string()
    } else {
        url.into()
    })
}

/// What docbao's id generator puts before an id feed-rs makes up for an
/// entry that has none: a control character, which no id read from a feed
/// starts with (feed-rs trims them, and XML 1.0 forbids U+0001).
const MADE_UP: char = '\u{1}';

/// Parse a feed.
pub fn parse_feed(
    name: &str,
    bytes: &[u8],
    charset: Option<&str>,
) -> Result<ParsedFeed, FeedError> {
    let json = json_feed::normalise(name, decode_feed(name, bytes, charset)?);
    let text = rss1::links_from_about(json.text);
    // A fetched feed's address resolves its relative links (`xml:base`
    // aside, feed-rs takes it as the base of the document).
    let base = url::Url::parse(name)
        .ok()
        .filter(|u| matches!(u.scheme(), "http" | "https"));
    // feed-rs makes up an id for an entry with none: marked ([`MADE_UP`]),
    // so that only a feed's own id is taken for the item's guid. Made from
    // the feed's name when it has no web address (a file): feed-rs's
    // fallback is a random UUID, so an item with no link nor guid got a new
    // key at each update and one more row of `feed_items` (an item with no
    // title either is keyed by its text, below).
    let origin = name.to_string();
    let builder = || {
        let origin = origin.clone();
        feed_rs::parser::Builder::new()
            .base_uri(base.as_ref().map(url::Url::as_str))
            .id_generator(move |links, title, uri| {
                let uri = uri.or(Some(origin.as_str()));
                format!(
                    "{MADE_UP}{}",
                    feed_rs::parser::generate_id(links, title, uri)
                )
            })
    };
    let read = |text: &str| {
        let dates = FeedDates::default();
        let feed = builder()
            .timestamp_parser(dates.parser())
            .build()
            .parse(text.as_bytes());
        feed.map(|f| (f, dates))
    };
    let mut notes = json.notes;
    let (feed, dates, text) = match read(&text) {
        Ok((feed, dates)) => (feed, dates, text),
        Err(e) => {
            let invalid = |detail: String| FeedError::Invalid {
                name: name.to_string(),
                detail,
            };
            // A list of feeds given for a feed: said, with the command that
            // reads it (feed-rs said "no root element").
            if crate::ingest::markup::is_opml_markup(text.as_bytes()) {
                let how = if name.contains("://") && !name.starts_with("file://") {
                    "`docbao feed import-opml FILE` once it is saved".to_string()
                } else {
                    let path = crate::ingest::shell_quoted(name);
                    format!("`docbao feed import-opml {path}`")
                };
                return Err(invalid(format!(
                    "it is an OPML list of feeds: subscribe to them with {how}"
                )));
            }
            // Not XML's fault (a JSON Feed, or XML that is no feed): as it is.
            let fault = text
                .trim_start()
                .starts_with('<')
                .then(|| repair::first_error(&text))
                .flatten()
                .ok_or_else(|| invalid(e.to_string()))?;
            let repaired = repair::repair(&text);
            match read(&repaired) {
                Ok((feed, dates)) if !feed.entries.is_empty() => {
                    notes.push(format!(
                        "{name}: not well-formed XML ({fault}); read leniently: {} kept",
                        crate::text::count(feed.entries.len(), "item")
                    ));
                    (feed, dates, repaired)
                }
                _ => return Err(invalid(format!("not well-formed XML: {fault}"))),
            }
        }
    };
    // Dates docbao's parser missed, read by feed-rs's (see `dates`).
    let lenient = if dates.missed() {
        builder().build().parse(text.as_bytes()).ok()
    } else {
        None
    };
    // The site's page: an alternate link (an Atom `rel="self"` is the feed).
    let site_url = (feed.links.iter())
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .or(feed.links.first())
        .and_then(|l| link_of(&l.href));
    let site = site_url.as_deref().and_then(site_of);
    let mut out = ParsedFeed {
        // Read as an item's title is: an Atom `type="html"` title's tags
        // went to the sidebar ("Kênh <b>Atom</b>": an independent review's
        // find).
        title: feed
            .title
            .as_ref()
            .map(|t| decoded(super::html::title_text(&t.content)))
            .filter(|t| !t.is_empty()),
        site_url,
        items: Vec::new(),
        skipped: json.skipped,
        notes,
    };
    let mut not_permalinks = None;
    let now = chrono::Utc::now();
    for (i, entry) in feed.entries.iter().enumerate() {
        let link = entry
            .links
            .iter()
            .filter_map(|l| {
                link_of(&l.href).or_else(|| {
                    let joined = base.as_ref()?.join(l.href.trim()).ok()?;
                    link_of(joined.as_str())
                })
            })
            .find(|h| h.starts_with("http://") || h.starts_with("https://"))
            .or_else(|| guid::permalink(&feed, entry, &text, &mut not_permalinks));
        let title = entry
            .title
            .as_ref()
            .map(|t| decoded(super::html::title_text(&t.content)))
            .unwrap_or_default();
        let (lead, paragraphs) = item_text(entry, link.as_deref());
        let title = if title.is_empty() {
            // An item with no title is named by the start of its text, else
            // by its link (newsboat lists it all the same: one such item
            // of a third party's feed made every update exit 1, an
            // independent review's find). One with none of them holds
            // nothing to read: left out, said as a note.
            let text = lead
                .as_deref()
                .or(paragraphs.first().map(|p| p.text.as_str()));
            let link = link
                .as_deref()
                .map(|l| l.split_once("://").map_or(l, |(_, r)| r));
            match text.or(link) {
                Some(s) => crate::text::width::truncate(s, 80),
                None => {
                    let n = i + 1;
                    out.notes.push(format!(
                        "{name}: item {n} has no title, no text and no link: left out"
                    ));
                    continue;
                }
            }
        } else {
            title
        };
        // feed-rs makes up an id for items without a guid; a link is the better key.
        let (guid, id) = match entry.id.strip_prefix(MADE_UP) {
            Some(made_up) => (None, made_up),
            None => (clean_opt(Some(&entry.id)), entry.id.as_str()),
        };
        let key = match (&link, &guid, &entry.title) {
            (Some(l), ..) => l.clone(),
            // No link, id nor title: feed-rs's id is random; the text is the item.
            (None, None, None) => {
                let text = format!("{name}\0{title}\0{}", lead.as_deref().unwrap_or_default());
                format!("text:{:016x}", xxhash_rust::xxh3::xxh3_64(text.as_bytes()))
            }
            _ => id.to_string(),
        };
        let other = lenient.as_ref().and_then(|f| f.entries.get(i));
        let (date, date_text) = dates.of(entry, other);
        let published = date.map(|d| dates::not_ahead(d, now).with_timezone(&vietnam_offset()));
        let keywords = entry
            .categories
            .iter()
            .filter_map(|c| clean_opt(Some(c.label.as_deref().unwrap_or(&c.term))))
            .map(|name| Keyword {
                name,
                source: KeywordSource::Page,
            })
            .collect();
        let author = entry
            .authors
            .first()
            .and_then(|p| clean_opt(p.name.as_deref()));
        let site = link.as_deref().and_then(site_of).or_else(|| site.clone());
        let article = NewArticle {
            url: link,
            title,
            published,
            date_text,
            author,
            site,
            lead,
            paragraphs,
            keywords,
            ..NewArticle::default()
        };
        out.items.push(FeedItem { key, guid, article });
    }
    guid::split_repeated(&mut out.items);
    out.notes.extend(dates.undated_note(name, &out.items));
    Ok(out)
}

/// HTML (or plain text) of a feed field to one clean line of text: a block
/// or a line break is a space.
pub fn html_text(s: &str) -> String {
    if !s.contains('<') && !s.contains('&') {
        return clean(s);
    }
    super::html::fragment_text(s)
}

/// An item's lead and body. The full text (`content:encoded`, Atom
/// `<content>`, JSON Feed `content_html`/`content_text`) is the body, in
/// paragraphs; the summary (`description`, `<summary>`) the lead, unless it
/// only repeats the body's start (a teaser ending in "[…]"). Without a full
/// text, a summary of several blocks is the body and one of a single block
/// the lead.
fn item_text(
    entry: &feed_rs::model::Entry,
    link: Option<&str>,
) -> (Option<String>, Vec<Paragraph>) {
    let content = entry.content.as_ref().and_then(|c| {
        let body = c.body.as_deref()?;
        Some(if c.content_type.to_string().starts_with("text/plain") {
            plain_paragraphs(body)
        } else {
            super::html::fragment_paragraphs(body, link)
        })
    });
    let summary = entry.summary.as_ref().map(|t| t.content.as_str());
    let lead = summary.map(feed_text).filter(|s| !s.is_empty());
    match content.filter(|p| !p.is_empty()) {
        Some(body) => {
            let lead = lead.filter(|l| !teaser_of(l, &body));
            (lead, body)
        }
        None => {
            let (lead, mut body) =
                summary.map_or((None, Vec::new()), |s| html_lead_or_body(s, link));
            for p in &mut body {
                p.text = decode_left(&p.text).into_owned();
            }
            (lead.map(|l| decode_left(&l).into_owned()), body)
        }
    }
}

/// A feed's title or summary as one line of text: [`html_text`], and the
/// entities a feed escaped twice decoded ([`decode_left`]).
fn feed_text(s: &str) -> String {
    decoded(html_text(s))
}

/// Text with the entities a feed escaped twice decoded ([`decode_left`]).
fn decoded(text: String) -> String {
    match decode_left(&text) {
        std::borrow::Cow::Borrowed(_) => text,
        std::borrow::Cow::Owned(d) => d,
    }
}

/// An item's only text (a feed's summary, a sync server's item): the body
/// when it holds several blocks, else the lead.
pub fn html_lead_or_body(html: &str, link: Option<&str>) -> (Option<String>, Vec<Paragraph>) {
    let body = super::html::fragment_paragraphs(html, link);
    if body.len() > 1 {
        return (None, body);
    }
    (Some(html_text(html)).filter(|s| !s.is_empty()), Vec::new())
}

/// Plain text in paragraphs: one per line, blank lines dropped.
fn plain_paragraphs(text: &str) -> Vec<Paragraph> {
    text.lines()
        .map(clean)
        .filter(|l| !l.is_empty())
        .map(Paragraph::text)
        .collect()
}

/// Whether `lead` is the start of `body` cut short ("…", "[…]", "[...]"
/// and a "read more" left aside), marks and case ignored.
fn teaser_of(lead: &str, body: &[Paragraph]) -> bool {
    let squash = |s: &str| -> String {
        super::fold(s)
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect()
    };
    let mut cut = lead.trim_end();
    for tail in [
        "[…]",
        "[...]",
        "[&hellip;]",
        "…",
        "...",
        "Read more",
        "Đọc tiếp",
    ] {
        cut = cut.strip_suffix(tail).unwrap_or(cut).trim_end();
    }
    let cut = squash(cut);
    let start: String = body.iter().take(5).map(|p| squash(&p.text)).collect();
    cut.chars().count() >= 10 && start.starts_with(&cut)
}

#[cfg(test)]
mod tests {
    use super::*;

    const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Tin mới nhất - VnExpress RSS</title><link>http://vnexpress.net</link>
<item><title>Giang Kim Đạt bị đề nghị tử hình</title>
<description><![CDATA[<a href="http://vnexpress.net/x.html"><img src="a.jpg"></a></br>Đại diện cơ quan công tố cho rằng, có đủ cơ sở &amp; quy kết.]]></description>
<pubDate>Sat, 18 Feb 2017 15:16:55 +0700</pubDate>
<link>
  http://vnexpress.net/tin-tuc/phap-luat/giang-kim-dat-3543450.html
</link><guid>g1</guid><category>Pháp luật</category></item>
<item><description>Không có tiêu đề lẫn liên kết, chỉ có nội dung.</description><guid isPermaLink="false">g2</guid></item>
<item><guid>g3</guid></item>
</channel></rss>"#;

    #[test]
    fn rss_items_become_articles() {
        let f = parse_feed("t.xml", RSS.as_bytes(), None).unwrap();
        assert_eq!(f.title.as_deref(), Some("Tin mới nhất - VnExpress RSS"));
        assert_eq!(f.items.len(), 2);
        let a = &f.items[0].article;
        assert_eq!(a.title, "Giang Kim Đạt bị đề nghị tử hình");
        assert_eq!(
            a.url.as_deref(),
            Some("http://vnexpress.net/tin-tuc/phap-luat/giang-kim-dat-3543450.html")
        );
        assert_eq!(f.items[0].key, a.url.clone().unwrap());
        assert_eq!(
            a.published.unwrap().to_rfc3339(),
            "2017-02-18T15:16:55+07:00"
        );
        assert_eq!(
            a.lead.as_deref(),
            Some("Đại diện cơ quan công tố cho rằng, có đủ cơ sở & quy kết.")
        );
        assert_eq!(a.keywords[0].name, "Pháp luật");
        assert_eq!(a.site.as_deref(), Some("vnexpress.net"));
        // No link: keyed by its guid, titled by its text.
        assert_eq!(f.items[1].key, "g2");
        assert!(f.items[1].article.url.is_none());
        assert!(f.items[1].article.title.starts_with("Không có tiêu đề"));
        // Nothing in it, not even a link: left out, said as a note.
        assert!(f.skipped.is_empty());
        assert!(
            f.notes
                .iter()
                .any(|n| n.ends_with("item 3 has no title, no text and no link: left out"))
        );
    }

    #[test]
    fn atom_and_json_feed() {
        let atom = r#"<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>
<entry><title>Bài Atom</title><link href="https://a.vn/1"/><id>urn:1</id><updated>2021-03-05T01:00:00Z</updated><summary>Tóm tắt</summary></entry></feed>"#;
        let f = parse_feed("a.xml", atom.as_bytes(), None).unwrap();
        assert_eq!(f.items[0].article.title, "Bài Atom");
        assert_eq!(
            f.items[0].article.published.unwrap().to_rfc3339(),
            "2021-03-05T08:00:00+07:00"
        );
        let json = r#"{"version":"https://jsonfeed.org/version/1.1","title":"J","items":[{"id":"1","url":"https://j.vn/1","title":"Bài JSON","content_html":"<p>Nội dung</p>"}]}"#;
        let f = parse_feed("j.json", json.as_bytes(), None).unwrap();
        assert_eq!(f.items[0].article.title, "Bài JSON");
        assert_eq!(f.items[0].article.lead, None);
        assert_eq!(texts(&f.items[0].article), ["Nội dung"]);
    }

    fn texts(a: &NewArticle) -> Vec<&str> {
        a.paragraphs.iter().map(|p| p.text.as_str()).collect()
    }

    /// A WordPress item: a teaser in `description`, the article in
    /// `content:encoded`.
    const WORDPRESS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Blog</title>
<item><title>Bài đầy đủ</title><link>https://blog.vn/bai-day-du/</link>
<description><![CDATA[Đoạn thứ nhất của bài viết nói về giá xăng [&#8230;]]]></description>
<content:encoded><![CDATA[<p>Đoạn thứ nhất của bài viết nói về giá xăng giảm <strong>500 đồng</strong> mỗi lít.</p>
<h2>Vì sao giảm</h2><p>Đoạn thứ hai<br>có một dòng mới.</p><ul><li>Ý một</li><li>Ý hai</li></ul>
<blockquote>Lời trích dẫn.</blockquote><p><img src="a.jpg"></p>]]></content:encoded></item>
<item><title>Tóm tắt riêng</title><link>https://blog.vn/tom-tat/</link>
<description>Một câu tóm tắt khác hẳn.</description>
<content:encoded><![CDATA[<p>Nội dung bài thứ hai.</p>]]></content:encoded></item>
</channel></rss>"#;

    #[test]
    fn the_full_text_of_an_item_is_its_body_and_a_teaser_is_no_lead() {
        let f = parse_feed("w.xml", WORDPRESS.as_bytes(), None).unwrap();
        let a = &f.items[0].article;
        assert_eq!(a.lead, None, "the teaser repeats the body's start");
        assert_eq!(
            texts(a),
            [
                "Đoạn thứ nhất của bài viết nói về giá xăng giảm 500 đồng mỗi lít.",
                "Vì sao giảm",
                "Đoạn thứ hai",
                "có một dòng mới.",
                "• Ý một",
                "• Ý hai",
                "Lời trích dẫn."
            ]
        );
        use crate::model::ParagraphKind::{Heading, Item, Quote};
        let kinds: Vec<_> = a.paragraphs.iter().map(|p| p.kind).collect();
        assert_eq!([kinds[1], kinds[4], kinds[6]], [Heading, Item, Quote]);
        // A summary of its own stays the lead.
        let b = &f.items[1].article;
        assert_eq!(b.lead.as_deref(), Some("Một câu tóm tắt khác hẳn."));
        assert_eq!(texts(b), ["Nội dung bài thứ hai."]);
    }

    #[test]
    fn atom_and_json_feed_summaries_beside_the_full_text() {
        let atom = r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>
<entry><title>Có cả hai</title><link href="https://a.vn/2"/><id>urn:2</id><updated>2021-03-05T01:00:00Z</updated>
<summary>Tóm tắt ngắn</summary><content type="html">&lt;p&gt;Đoạn một.&lt;/p&gt;&lt;p&gt;Đoạn hai.&lt;/p&gt;</content></entry>
<entry><title>Văn bản thuần</title><link href="https://a.vn/3"/><id>urn:3</id><updated>2021-03-05T01:00:00Z</updated>
<content type="text">Dòng một.
Dòng hai &lt;không phải thẻ&gt;.</content></entry></feed>"#;
        let f = parse_feed("a.xml", atom.as_bytes(), None).unwrap();
        assert_eq!(f.items[0].article.lead.as_deref(), Some("Tóm tắt ngắn"));
        assert_eq!(texts(&f.items[0].article), ["Đoạn một.", "Đoạn hai."]);
        assert_eq!(
            texts(&f.items[1].article),
            ["Dòng một.", "Dòng hai <không phải thẻ>."]
        );
        let json = r#"{"version":"https://jsonfeed.org/version/1.1","title":"J","items":[{"id":"1","url":"https://j.vn/1","title":"T",
            "summary":"Tóm tắt một câu.","content_html":"<p>Giá xăng giảm <b>500 đồng</b>.</p><p>Đoạn hai.</p>"}]}"#;
        let f = parse_feed("j.json", json.as_bytes(), None).unwrap();
        assert_eq!(f.items[0].article.lead.as_deref(), Some("Tóm tắt một câu."));
        assert_eq!(
            texts(&f.items[0].article),
            ["Giá xăng giảm 500 đồng.", "Đoạn hai."]
        );
    }

    #[test]
    fn blocks_and_line_breaks_part_words() {
        let rss = r#"<rss version="2.0"><channel><title>T</title>
<item><title>Tiêu đề&lt;br&gt;hai dòng</title><link>https://x.vn/1</link>
<description><![CDATA[Dòng một<br>Dòng hai<br/>Dòng ba<div>Khối bốn</div><li>mục năm</li>]]></description></item>
<item><title>Một khối</title><link>https://x.vn/2</link>
<description><![CDATA[<a href="https://x.vn/2"><img src="a.jpg"></a></br>Câu sapo <i>duy nhất</i>.]]></description></item>
</channel></rss>"#;
        let f = parse_feed("b.xml", rss.as_bytes(), None).unwrap();
        let a = &f.items[0].article;
        assert_eq!(a.title, "Tiêu đề hai dòng");
        // Several blocks and no full text: the summary is the body.
        assert_eq!(
            texts(a),
            ["Dòng một", "Dòng hai", "Dòng ba", "Khối bốn", "• mục năm"]
        );
        assert_eq!(a.lead, None);
        // One block: the lead, as before.
        let b = &f.items[1].article;
        assert_eq!(b.lead.as_deref(), Some("Câu sapo duy nhất."));
        assert!(b.paragraphs.is_empty());
        assert_eq!(
            html_text("Dòng một<br>Dòng hai<p>Ba</p>"),
            "Dòng một Dòng hai Ba"
        );
    }

    #[test]
    fn relative_links_resolve_against_the_feeds_address() {
        let atom = r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>
<entry><title>Tương đối</title><link rel="alternate" href="/relative/a2"/><id>urn:a2</id></entry>
<entry xml:base="https://other.vn/tin/"><title>Có xml:base</title><link href="b3.html"/><id>urn:b3</id></entry></feed>"#;
        let f = parse_feed(
            "http://127.0.0.1:8731/feeds/atom.xml",
            atom.as_bytes(),
            None,
        )
        .unwrap();
        let urls: Vec<Option<&str>> = f.items.iter().map(|i| i.article.url.as_deref()).collect();
        assert_eq!(
            urls,
            [
                Some("http://127.0.0.1:8731/relative/a2"),
                Some("https://other.vn/tin/b3.html")
            ]
        );
        // A feed read from a file has no address to resolve against.
        let f = parse_feed("atom.xml", atom.as_bytes(), None).unwrap();
        assert_eq!(f.items[0].article.url, None);
    }

    #[test]
    fn json_feed_items_with_numeric_ids_are_read() {
        let json = r#"{"version":"https://jsonfeed.org/version/1.1","title":"J","items":[
            {"id":1234,"url":"https://j.vn/1","title":"Số một","content_text":"A"},
            {"id":"s2","url":"https://j.vn/2","title":"Chuỗi"},
            {"id":5.5,"title":"Không có liên kết","content_text":"B"}]}"#;
        let f = parse_feed("j.json", json.as_bytes(), None).unwrap();
        let titles: Vec<&str> = f.items.iter().map(|i| i.article.title.as_str()).collect();
        assert_eq!(titles, ["Số một", "Chuỗi", "Không có liên kết"]);
        // No link: keyed by the id, as a string.
        assert_eq!(f.items[2].key, "5.5");
        // Still a clear error for what is not a feed.
        let e = parse_feed("n.json", br#"{"items":[{"id":1}]}"#, None).unwrap_err();
        assert!(e.to_string().contains("not a feed"), "{e}");
    }

    #[test]
    fn charsets_decode_or_are_refused() {
        // Windows-1258 writes "ệ" as "ê" (0xEA) + a combining dot below (0xF2)
        // and "ế" as 0xEA + a combining acute (0xEC).
        let body = b"<rss version=\"2.0\"><channel><title>Ti\xEA\xECng Vi\xEA\xF2t</title><item><title>Vi\xEA\xF2t Nam</title><link>https://x.vn/1</link></item></channel></rss>";
        let decl = b"<?xml version=\"1.0\" encoding=\"windows-1258\"?>".to_vec();
        let f = parse_feed("w.xml", &[decl, body.to_vec()].concat(), None).unwrap();
        assert_eq!(f.items[0].article.title, "Việt Nam");
        assert_eq!(f.title.as_deref(), Some("Tiếng Việt"));
        // The HTTP charset wins (there is no declaration here).
        let f = parse_feed("w.xml", body, Some("windows-1258")).unwrap();
        assert_eq!(f.title.as_deref(), Some("Tiếng Việt"));
        // Declared UTF-8, but the bytes are not: refused, not guessed.
        let bad = [
            b"<?xml version=\"1.0\" encoding=\"utf-8\"?>".to_vec(),
            body.to_vec(),
        ]
        .concat();
        let e = parse_feed("bad.xml", &bad, None).unwrap_err();
        assert!(matches!(e, FeedError::WrongCharset { .. }), "{e}");
        assert!(e.to_string().contains("bad.xml") && e.to_string().contains("UTF-8"));
        let e = parse_feed(
            "u.xml",
            b"<?xml version=\"1.0\" encoding=\"klingon\"?><rss/>",
            None,
        )
        .unwrap_err();
        assert!(e.to_string().contains("klingon"));
    }

    #[test]
    fn declarations_after_the_start_do_not_crash_the_parser() {
        // feed-rs passed each declaration's encoding to quick-xml, which
        // panicked on one past the first 64 bytes (found by the fuzzer).
        let glued = format!(
            "{}<?xml version=\"1.0\" encoding=\"windows-1258\"?><!-- x -->",
            RSS.replace("</channel></rss>", "")
        ) + "</channel></rss>";
        let f = parse_feed("g.xml", glued.as_bytes(), None).unwrap();
        assert_eq!(f.items.len(), 2);
        let late = "<!-- a comment longer than sixty-four bytes, before the declaration -->\
                    <?xml version=\"1.0\" encoding=\"iso-8859-1\"?><rss version=\"2.0\"><channel><title>T</title></channel></rss>";
        assert_eq!(
            parse_feed("l.xml", late.as_bytes(), None)
                .unwrap()
                .title
                .as_deref(),
            Some("T")
        );
        // Other processing instructions stay as they are.
        assert_eq!(
            charset::declare_utf8("<?xml-stylesheet href=\"a\"?><?xml version='1.0'?><?xml"),
            "<?xml-stylesheet href=\"a\"?><?xml version=\"1.0\" encoding=\"UTF-8\"?><?xml"
        );
    }

    #[test]
    fn links_are_clean_urls() {
        let feed = |link: &str| {
            let xml = format!(
                "<rss version=\"2.0\"><channel><title>T</title><link>{link}</link><item><title>A</title><link>{link}</link></item></channel></rss>"
            );
            let f = parse_feed("l.xml", xml.as_bytes(), None).unwrap();
            (f.site_url, f.items[0].article.url.clone())
        };
        // Written as the feed writes it when that is clean.
        let plain = "http://vnexpress.net/tin-tuc/a-1.html";
        assert_eq!(feed(plain), (Some(plain.into()), Some(plain.into())));
        // Controls or spaces in the host: not a URL.
        assert_eq!(feed("http://x\u{9B}31m.vn/a"), (None, None));
        assert_eq!(feed("http://x\u{0}y.vn/a"), (None, None));
        // In the path: percent-encoded by the URL parser.
        let (site, url) = feed("https://x.vn/a\u{8}\u{202E}b");
        assert_eq!(url.as_deref(), Some("https://x.vn/a%08%E2%80%AEb"));
        assert_eq!(site, url);
    }

    /// Dân trí's feeds escape some titles and summaries twice: after the XML
    /// and the HTML are decoded, `&nbsp;` or `&quot;` is still in the text.
    /// One more level is decoded there, and only there: `AT&T`, `R&D`
    /// stay as they are.
    #[test]
    fn entities_escaped_twice_are_decoded_once_more() {
        let rss = RSS
            .replace(
                "Giang Kim Đạt bị đề nghị tử hình",
                "Giang Kim Đạt&amp;amp;nbsp;bị đề nghị &amp;amp;quot;tử hình&amp;amp;quot;&amp;amp;#8230;",
            )
            .replace("có đủ cơ sở &amp; quy kết.", "có đủ cơ sở&amp;nbspquy kết &amp;#x110;ạt.")
            .replace(
                "<guid isPermaLink=\"false\">g2</guid>",
                "<guid isPermaLink=\"false\">g2</guid><title><![CDATA[AT&amp;T, R&amp;D&amp;nbsp;&amp;notanentity; &amp;copy &amp;#8230;]]></title>",
            );
        let f = parse_feed("d.xml", rss.as_bytes(), None).unwrap();
        let a = &f.items[0].article;
        assert_eq!(a.title, "Giang Kim Đạt bị đề nghị \"tử hình\"…");
        assert_eq!(
            a.lead.as_deref(),
            Some("Đại diện cơ quan công tố cho rằng, có đủ cơ sở quy kết Đạt.")
        );
        // Decoded once as it always was; nothing left that is an entity.
        assert_eq!(f.items[1].article.title, "AT&T, R&D &notanentity; &copy …");
    }

    /// Dates feed-rs does not read but docbao's own parser does (ISO
    /// without an offset, a Vietnamese date line) are Vietnam time; a date
    /// line is kept as written, a machine date is not.
    #[test]
    fn dates_docbao_reads_are_kept() {
        let item = |date: &str| {
            let xml = format!(
                "<rss version=\"2.0\"><channel><title>T</title><item><title>A</title><link>https://x.vn/1</link><pubDate>{date}</pubDate></item></channel></rss>"
            );
            let f = parse_feed("d.xml", xml.as_bytes(), None).unwrap();
            let a = f.items[0].article.clone();
            (a.published.map(|d| d.to_rfc3339()), a.date_text)
        };
        assert_eq!(
            item("2024-03-05T08:00:00"),
            (Some("2024-03-05T08:00:00+07:00".into()), None)
        );
        assert_eq!(
            item("Thứ hai, 04/03/2024 10:00"),
            (
                Some("2024-03-04T10:00:00+07:00".into()),
                Some("Thứ hai, 04/03/2024 10:00".into())
            )
        );
        // RFC 2822 as before, no date line kept.
        assert_eq!(
            item("Sat, 18 Feb 2017 15:16:55 +0700"),
            (Some("2017-02-18T15:16:55+07:00".into()), None)
        );
        // What only feed-rs's lenient parser reads is still read: a wrong
        // weekday, a long month name, "UTC".
        assert_eq!(
            item("Wed, 18 February 2017 08:16:55 UTC"),
            (Some("2017-02-18T15:16:55+07:00".into()), None)
        );
        // Read by neither: kept as written, as `import` keeps it.
        assert_eq!(
            item("không phải ngày"),
            (None, Some("không phải ngày".into()))
        );
    }

    /// RSS 2.0: a guid that is a permalink (isPermaLink absent or true) is
    /// the item's link when it has no `<link>`; never one marked false.
    #[test]
    fn a_permalink_guid_is_the_link_of_an_item_without_one() {
        let rss = r#"<rss version="2.0"><channel><title>T</title>
<item><title>Không thuộc tính</title><guid>https://x.vn/1.html?a=1&amp;b=2</guid></item>
<item><title>Có thuộc tính</title><guid isPermaLink="true">http://x.vn/2</guid></item>
<item><title>Không phải</title><guid isPermaLink="false">https://x.vn/3</guid></item>
<item><title>Không phải địa chỉ</title><guid>urn:x:4</guid></item>
<item><title>Có link</title><link>https://x.vn/5</link><guid>https://x.vn/guid5</guid></item>
</channel></rss>"#;
        let f = parse_feed("g.xml", rss.as_bytes(), None).unwrap();
        let urls: Vec<Option<&str>> = f.items.iter().map(|i| i.article.url.as_deref()).collect();
        assert_eq!(
            urls,
            [
                Some("https://x.vn/1.html?a=1&b=2"),
                Some("http://x.vn/2"),
                None,
                None,
                Some("https://x.vn/5")
            ]
        );
        let keys: Vec<&str> = f.items.iter().map(|i| i.key.as_str()).collect();
        assert_eq!(keys[..2], ["https://x.vn/1.html?a=1&b=2", "http://x.vn/2"]);
        assert_eq!(f.items[0].article.site.as_deref(), Some("x.vn"));
        // An Atom id is a name, not a link.
        let atom = r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>
<entry><title>Atom</title><id>https://a.vn/id/1</id></entry></feed>"#;
        let f = parse_feed("a.xml", atom.as_bytes(), None).unwrap();
        assert_eq!(f.items[0].article.url, None);
    }

    #[test]
    fn invalid_xml_is_a_clear_error() {
        let e = parse_feed("x.xml", b"<rss><channel><item><title>unclosed", None).unwrap_err();
        assert!(e.to_string().starts_with("x.xml: not a feed"), "{e}");
        // Nothing readable in it: said where the XML breaks.
        assert!(
            e.to_string()
                .ends_with("not well-formed XML: line 1, column 36: the document ends inside <title> (cut short?)"),
            "{e}"
        );
        // Readable items in it: kept, and said so once.
        let amp = RSS.replace("Giang Kim Đạt", "Giang & Đạt");
        let f = parse_feed("a.xml", amp.as_bytes(), None).unwrap();
        assert_eq!(f.items.len(), 2);
        assert_eq!(f.items[0].article.title, "Giang & Đạt bị đề nghị tử hình");
        // (And the empty item 3, left out.)
        assert_eq!(f.notes.len(), 2, "{:?}", f.notes);
        assert!(
            f.notes[0].starts_with("a.xml: not well-formed XML (line 3, column 20: a bare"),
            "{:?}",
            f.notes
        );
        let e = parse_feed("h.html", b"<html><body>hello</body></html>", None).unwrap_err();
        assert!(e.to_string().contains("not a feed"), "{e}");
        assert!(matches!(
            parse_feed("e.xml", b"  ", None),
            Err(FeedError::Empty { .. })
        ));
    }
}
