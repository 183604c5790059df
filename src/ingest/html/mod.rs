//! Saved or fetched HTML article pages to [`NewArticle`].
//!
//! The flow: refuse what is not a page (PDF, images, other binary data), pick
//! the encoding (BOM, then the HTTP charset the caller was given, then UTF-8
//! when the bytes are valid non-ASCII UTF-8 (a saved page keeps its old
//! `<meta charset=gb2312>` after the browser re-encoded it), then
//! `<meta charset>` / `<meta http-equiv>`, then UTF-8, and Windows-1258 for
//! undeclared bytes that are not UTF-8), parse the page once with `dom_query`
//! (html5ever: entities are decoded here, before [`clean`] composes marks, so
//! "Vi&#234;̣t" becomes "Việt"), read what news pages carry around the
//! article (metadata, the visible date line, the sapo, tag and related-story
//! blocks, captions), take those blocks out, and let `dom_smoothie` (a port of
//! Mozilla's Readability) pick the article body. The body's HTML is then
//! walked into paragraphs with their kinds.
//!
//! Images are kept as their caption only (a [`ParagraphKind::Caption`]
//! paragraph); image URLs are not stored.

use std::collections::HashSet;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, TimeZone};
use dom_query::{Document, NodeRef};
use encoding_rs::Encoding;

use super::site::site_of;
use super::{IngestError, MAX_FILE_BYTES, fold, normalize_newlines, parse_date, vietnam_offset};
use crate::model::{Keyword, KeywordSource, NewArticle, NewRelated, Paragraph, ParagraphKind};
use crate::text::clean;
use crate::text::width::width;

/// Text paragraphs narrower than this (in terminal columns, so that a CJK
/// character counts twice) do not count as article prose.
const PROSE_MIN_CHARS: usize = 60;
/// A page whose prose adds up to less than this has no article in it.
const ARTICLE_MIN_CHARS: usize = 400;
/// A page of sentence prose this long is a short article all the same
/// ([`is_short_article`]).
const SHORT_ARTICLE_MIN_CHARS: usize = 200;
/// At most this many related stories and keywords are kept from one block.
const MAX_RELATED: usize = 20;
const MAX_KEYWORDS: usize = 30;

/// Parse one HTML page. `charset` is the HTTP `Content-Type` charset when the
/// page was fetched (`None` for files); `url` is where the page came from,
/// used for the article URL, the site and to resolve related-story links.
pub fn parse_html(
    bytes: &[u8],
    charset: Option<&str>,
    url: Option<&str>,
) -> Result<NewArticle, IngestError> {
    let name = url.unwrap_or("HTML page");
    parse_html_named(name, bytes, charset, url)
}

/// [`parse_html`], naming the input `name` in error messages (the import
/// driver passes the file name).
pub fn parse_html_named(
    name: &str,
    bytes: &[u8],
    charset: Option<&str>,
    url: Option<&str>,
) -> Result<NewArticle, IngestError> {
    let html = decode_html(name, bytes, charset)?;
    extract(name, &html, url)
}

mod blocks;
mod body;
mod decode;
mod links;
mod meta;
#[cfg(test)]
mod tests;

use blocks::*;
use body::*;
pub use body::{fragment_paragraphs, fragment_text};
pub use decode::decode_html;
pub use links::{advertised_feeds, is_web_page};
use meta::*;

/// Resolves links against the page's address.
struct Base(Option<url::Url>);

impl Base {
    fn resolve(&self, href: &str) -> Option<String> {
        let href = href.trim();
        if href.is_empty() || href.starts_with('#') || fold(href).starts_with("javascript:") {
            return None;
        }
        match &self.0 {
            Some(base) => base.join(href).ok().map(String::from),
            None => url::Url::parse(href).ok().map(String::from),
        }
    }

    fn site(&self) -> Option<String> {
        self.0.as_ref().and_then(|u| site_of(u.as_str()))
    }

    /// A link to another site (social buttons and the like).
    fn is_external(&self, href: &str) -> bool {
        let (Some(site), Some(resolved)) = (self.site(), self.resolve(href)) else {
            return false;
        };
        site_of(&resolved) != Some(site)
    }
}

fn absolute(u: &str) -> Option<url::Url> {
    url::Url::parse(u.trim())
        .ok()
        .filter(|u| matches!(u.scheme(), "http" | "https"))
}

/// The lower-cased, diacritic-free class and id of an element.
fn class_id(n: &NodeRef) -> String {
    let mut s = String::new();
    if let Some(c) = n.attr("class") {
        s.push_str(&c);
    }
    s.push(' ');
    if let Some(i) = n.attr("id") {
        s.push_str(&i);
    }
    s.to_ascii_lowercase()
}

fn name_of(n: &NodeRef) -> String {
    n.node_name()
        .map(|t| t.to_ascii_lowercase())
        .unwrap_or_default()
}

fn node_text(n: &NodeRef) -> String {
    clean(&n.text())
}

fn extract(name: &str, html: &str, url_arg: Option<&str>) -> Result<NewArticle, IngestError> {
    let no_article = || IngestError::NoArticle {
        name: name.to_string(),
    };
    let doc = Document::from(html);
    doc.select("script:not([type=\"application/ld+json\"]), style, noscript, iframe, template")
        .remove();
    let cfg = dom_smoothie::Config {
        max_elements_to_parse: 0,
        ..Default::default()
    };
    // The peer reads the page we read: our steps below take blocks out of
    // `reader.doc` before it picks the body.
    let mut reader =
        dom_smoothie::Readability::with_document(doc, None, Some(cfg)).map_err(|_| no_article())?;
    let peer_title = reader.get_article_metadata(reader.parse_json_ld()).title;
    let doc = &reader.doc;
    let meta = Meta::read(doc);
    let ld = JsonLd::read(doc);

    let canonical = doc
        .select("link[rel=\"canonical\"]")
        .attr("href")
        .map(|h| h.to_string());
    let page_url = url_arg
        .and_then(absolute)
        .or_else(|| canonical.as_deref().and_then(absolute))
        .or_else(|| meta.get("og:url").and_then(absolute));
    let base_href = doc.select("base[href]").attr("href").map(|h| h.to_string());
    let base = Base(match (&page_url, base_href) {
        (Some(p), Some(b)) => p.join(&b).ok().or(Some(p.clone())),
        (None, Some(b)) => absolute(&b),
        (p, None) => p.clone(),
    });
    let site = page_url.as_ref().and_then(|u| site_of(u.as_str()));

    let title = find_title(doc, &meta, &ld, &peer_title);
    let (published, date_text) = find_date(doc, &meta, &ld, &title);
    let sapo = find_sapo(doc, &title);
    let itemprop_author = doc
        .select("[itemprop=\"author\"]")
        .nodes()
        .iter()
        .map(|n| {
            n.attr("content")
                .map(|c| clean(&c))
                .unwrap_or_else(|| node_text(n))
        })
        .find(|t| !t.is_empty() && t.chars().count() <= 80);

    // Blocks around the article, read and then taken out of the page.
    let mut keywords = tag_block_keywords(doc, &base);
    let mut related = related_blocks(doc, &base);
    let captions = caption_texts(doc);

    if keywords.is_empty() {
        keywords = meta_keywords(&meta, &ld);
    }
    let mut seen = HashSet::new();
    let keywords: Vec<Keyword> = keywords
        .into_iter()
        .map(|k| clean(k.trim_matches(|c: char| c == ',' || c == ';' || c.is_whitespace())))
        .filter(|k| !k.is_empty() && k.chars().count() <= 60 && seen.insert(fold(k)))
        .take(MAX_KEYWORDS)
        .map(|name| Keyword {
            name,
            source: KeywordSource::Page,
        })
        .collect();

    // An absolute http(s) URL, as the peer requires.
    reader.doc_url = page_url.as_ref().map(|u| u.to_string());
    let article = reader.parse().map_err(|_| no_article())?;

    let mut paragraphs = body_paragraphs(&article.content, &captions, &base, &mut related);
    let title = if title.is_empty() {
        clean(&article.title)
    } else {
        title
    };
    let title = if title.is_empty() {
        title_from_body(&paragraphs)
    } else {
        title
    };
    // The title or the date line repeated at the top of the body.
    while paragraphs.first().is_some_and(|p| {
        let f = fold(&p.text);
        f == fold(&title) || date_text.as_deref().is_some_and(|d| fold(d) == f)
    }) {
        paragraphs.remove(0);
    }
    // Trailing labels of page furniture ("Xem theo ngày tháng:").
    while paragraphs
        .last()
        .is_some_and(|p| p.text.ends_with(':') && p.text.chars().count() <= 40)
    {
        paragraphs.pop();
    }

    // Lead: the sapo element, or the description when the body starts with it.
    let description = meta
        .get("description")
        .or_else(|| meta.get("og:description"))
        .map(clean)
        .map(|d| strip_slug_prefix(&d))
        .filter(|d| fold(d) != fold(&title));
    let mut lead = sapo;
    if let Some(first) = paragraphs.first() {
        let starts_like = |s: &str| {
            let a = fold(s);
            let b = fold(&first.text);
            let n = a.chars().count().min(b.chars().count()).min(80);
            n >= 30 && a.chars().take(n).eq(b.chars().take(n))
        };
        let same_as_lead = lead.as_deref().is_some_and(starts_like);
        if same_as_lead || (lead.is_none() && description.as_deref().is_some_and(starts_like)) {
            lead = Some(paragraphs.remove(0).text);
        }
    }
    let lead = lead.or(description).filter(|l| !l.is_empty());

    // Author: a short signature line at the end of the body, else metadata.
    let mut author = None;
    while let Some(last) = paragraphs.last() {
        if matches!(last.kind, ParagraphKind::Text | ParagraphKind::Heading)
            && looks_like_signature(&last.text)
        {
            let line = paragraphs.pop().map(|p| p.text).unwrap_or_default();
            author = Some(match author {
                None => strip_credit(&line),
                Some(later) => format!("{} - {later}", strip_credit(&line)),
            });
            if author.as_deref().is_some_and(|a| a.contains(' ')) {
                break;
            }
        } else {
            break;
        }
    }
    let author = author.or_else(|| {
        itemprop_author
            .or_else(|| ld.author.as_deref().map(clean))
            .or_else(|| {
                meta.get("author")
                    .or_else(|| meta.get("article:author"))
                    .map(clean)
            })
            .filter(|a| !a.is_empty() && !is_publisher_name(a))
    });

    let prose: usize = paragraphs
        .iter()
        .filter(|p| p.kind == ParagraphKind::Text)
        .map(|p| width(&p.text))
        .filter(|&n| n >= PROSE_MIN_CHARS)
        .sum();
    let lead_chars = lead.as_deref().map_or(0, width);
    let enough_prose = prose + lead_chars / 2 >= ARTICLE_MIN_CHARS || is_short_article(&paragraphs);
    if title.is_empty() || !enough_prose || is_index_page(&meta, &paragraphs) {
        return Err(IngestError::NoArticle {
            name: name.to_string(),
        });
    }

    let article_url = page_url.map(String::from);
    let mut seen_urls: HashSet<String> = HashSet::new();
    if let Some(u) = &article_url {
        seen_urls.insert(u.clone());
    }
    related.retain(|r| match &r.url {
        Some(u) => seen_urls.insert(u.clone()),
        None => true,
    });
    related.truncate(MAX_RELATED);

    let mut article = NewArticle {
        url: article_url,
        title,
        published,
        date_text,
        author,
        views: None,
        site,
        lead,
        paragraphs,
        keywords,
        related,
        bookmarked: None,
        read: None,
        feeds: Vec::new(),
        position: None,
    };
    super::finish_page_keywords(&mut article);
    Ok(article)
}

/// A publisher or a site rather than a person ("VCCorp.vn", "Công nghệ ChannelVN").
fn is_publisher_name(a: &str) -> bool {
    let f = fold(a);
    f.contains("http")
        || f.contains(".vn")
        || f.contains(".com")
        || f.contains("corp")
        || f.contains("channelvn")
        || (!f.contains(' ') && f.chars().count() > 12)
}

/// An index page: most body "paragraphs" are short link-like lines. One
/// paragraph of article length is an article, not an index (a page can show
/// a single paragraph and hide or lack the rest).
fn is_index_page(meta: &Meta, paragraphs: &[Paragraph]) -> bool {
    if meta.get("og:type").is_some_and(|t| t == "website") && paragraphs.len() < 3 {
        return true;
    }
    let long: Vec<usize> = paragraphs
        .iter()
        .map(|p| width(&p.text))
        .filter(|&n| n >= PROSE_MIN_CHARS)
        .collect();
    match long.as_slice() {
        [] => true,
        [one] => *one < ARTICLE_MIN_CHARS,
        _ => false,
    }
}

/// A short article under [`ARTICLE_MIN_CHARS`]: at least two prose
/// paragraphs of [`SHORT_ARTICLE_MIN_CHARS`] in all, each ending like a
/// sentence (a news brief), rather than a page of labels and teasers.
fn is_short_article(paragraphs: &[Paragraph]) -> bool {
    let prose: Vec<&str> = paragraphs
        .iter()
        .filter(|p| p.kind == ParagraphKind::Text && width(&p.text) >= PROSE_MIN_CHARS)
        .map(|p| p.text.as_str())
        .collect();
    prose.len() >= 2
        && prose.iter().map(|t| width(t)).sum::<usize>() >= SHORT_ARTICLE_MIN_CHARS
        && prose.iter().all(|t| {
            t.trim_end_matches(['"', '”', '’', '\'', ')', '»'])
                .ends_with(['.', '!', '?', '…', '。', '！', '？'])
        })
}

/// "lo luyen thi cong chuc - Làng Thi cử …": a description that starts with
/// an unaccented keyword slug (24h.com.vn) loses the slug.
fn strip_slug_prefix(d: &str) -> String {
    if let Some((head, rest)) = d.split_once(" - ")
        && head.is_ascii()
        && !rest.is_ascii()
        && head.chars().all(|c| c.is_ascii_lowercase() || c == ' ')
    {
        return rest.to_string();
    }
    d.to_string()
}
