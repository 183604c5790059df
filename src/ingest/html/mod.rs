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

/// A page's article, and what the page says of it that is not part of it.
#[derive(Debug, Clone)]
pub struct HtmlPage {
    pub article: NewArticle,
    /// The page is paywalled (a sign-up prompt was taken out, or it says so
    /// in its metadata) and what is left reads as a teaser: only the free
    /// part of the article is there.
    pub paywalled: bool,
}

/// Parse one HTML page. `charset` is the HTTP `Content-Type` charset when the
/// page was fetched (`None` for files); `url` is where the page came from,
/// used for the article URL (unless the page names its canonical address
/// on the same site: [`HtmlPage`]'s article is stored under that), the site
/// and to resolve related-story links.
pub fn parse_html(
    bytes: &[u8],
    charset: Option<&str>,
    url: Option<&str>,
) -> Result<NewArticle, IngestError> {
    parse_html_page(bytes, charset, url).map(|p| p.article)
}

/// [`parse_html`], with what the page says of its article besides it.
pub fn parse_html_page(
    bytes: &[u8],
    charset: Option<&str>,
    url: Option<&str>,
) -> Result<HtmlPage, IngestError> {
    let name = url.unwrap_or("HTML page");
    let html = decode_html(name, bytes, charset)?;
    extract(name, &html, url)
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
    extract(name, &html, url).map(|p| p.article)
}

mod blocks;
mod body;
mod byline;
mod decode;
mod jsonld;
mod links;
mod meta;
mod paywall;

#[cfg(test)]
mod tests;

use blocks::*;
pub(crate) use body::FEED_HTML_TAGS;
use body::*;
pub use body::{fragment_paragraphs, fragment_text, title_text};
use byline::*;
pub use decode::decode_html;
use jsonld::*;
pub use links::{advertised_feeds, is_web_page};
use meta::*;
use paywall::*;

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

fn extract(name: &str, html: &str, url_arg: Option<&str>) -> Result<HtmlPage, IngestError> {
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

    let fetched = url_arg.and_then(absolute);
    let declared = declared_address(doc, &meta, &ld, fetched.as_ref());
    let page_url = article_address(fetched.as_ref(), declared.as_ref());
    let base_href = doc.select("base[href]").attr("href").map(|h| h.to_string());
    // Links resolve against where the page was read, not the address it
    // names for itself.
    let base = Base(match (fetched.as_ref().or(page_url.as_ref()), base_href) {
        (Some(p), Some(b)) => p.join(&b).ok().or(Some(p.clone())),
        (None, Some(b)) => absolute(&b),
        (p, None) => p.cloned(),
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
    // The site's host, and the one the page names for itself (a copy
    // read elsewhere still names its paper).
    let hosts = [&page_url, &declared].map(|u| u.as_ref().and_then(|u| site_of(u.as_str())));
    let site_names = SiteNames::read(&meta, &ld, &hosts);

    // Blocks around the article, read and then taken out of the page.
    let mut keywords = tag_block_keywords(doc, &base);
    let mut related = related_blocks(doc, &base);
    let captions = caption_texts(doc);
    let prompt = remove_paywall_prompts(doc);
    remove_breadcrumbs(doc);
    let byline = byline(doc);

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
    let description = meta
        .get("description")
        .or_else(|| meta.get("og:description"))
        .map(clean)
        .map(|d| strip_slug_prefix(&d));
    let top = Top {
        title: &title,
        date_text: date_text.as_deref(),
        published,
        sapo: sapo.as_deref(),
        description: description.as_deref(),
    };

    // An absolute http(s) URL, as the peer requires.
    reader.doc_url = page_url.as_ref().map(|u| u.to_string());
    let from_dom = match reader.parse() {
        Ok(article) => {
            let paragraphs = body_paragraphs(&article.content, &captions, &base, &mut related);
            dom_body(&top, &article.title, paragraphs, &meta)
        }
        Err(_) => None,
    };
    let body = match (from_dom, &ld.article) {
        (Some(b), _) => b,
        // The page shows no article but declares one (a page its scripts
        // write): its JSON-LD text.
        (None, Some(a)) => {
            json_ld_body(a, &top, &base).ok_or_else(|| IngestError::NoArticleText {
                name: name.to_string(),
                kind: a.kind.clone(),
            })?
        }
        (None, None) if prompt || declared_locked(&meta, &ld) => {
            return Err(IngestError::Paywalled {
                name: name.to_string(),
            });
        }
        (None, None) => return Err(no_article()),
    };

    let author = [
        body.signature,
        itemprop_author,
        body.ld_author,
        ld.author.as_deref().map(clean),
        meta.get("author")
            .or_else(|| meta.get("article:author"))
            .map(clean),
        byline,
    ]
    .into_iter()
    .flatten()
    .find(|a| !a.is_empty() && !is_publisher_name(a, &site_names));

    let prose = prose_chars(&body.paragraphs);
    let paywalled = (prompt || declared_locked(&meta, &ld)) && prose < TEASER_MAX_CHARS;

    let article_url = page_url.map(String::from);
    let mut seen_urls: HashSet<String> = HashSet::new();
    if let Some(u) = &article_url {
        seen_urls.insert(u.clone());
    }
    related.retain(|r| match &r.url {
        Some(u) => seen_urls.insert(u.clone()),
        None => true,
    });
    one_story_once(&mut related);
    related.truncate(MAX_RELATED);

    let mut article = NewArticle {
        url: article_url,
        title: body.title,
        published: body.published,
        date_text: body.date_text,
        author,
        views: None,
        site,
        lead: body.lead,
        paragraphs: body.paragraphs,
        keywords,
        related,
        bookmarked: None,
        read: None,
        feeds: Vec::new(),
        position: None,
    };
    super::finish_page_keywords(&mut article);
    Ok(HtmlPage { article, paywalled })
}

/// The address the page gives as its own: `<link rel="canonical">`, else
/// `og:url`, else its JSON-LD article's `url` or `mainEntityOfPage`
/// (resolved against where the page was read).
fn declared_address(
    doc: &Document,
    meta: &Meta,
    ld: &JsonLd,
    fetched: Option<&url::Url>,
) -> Option<url::Url> {
    doc.select("link[rel=\"canonical\"]")
        .attr("href")
        .map(|h| h.to_string())
        .or_else(|| meta.get("og:url").map(String::from))
        .or_else(|| ld.article.as_ref().and_then(|a| a.url.clone()))
        .and_then(|h| match fetched {
            Some(f) => f.join(h.trim()).ok(),
            None => absolute(&h),
        })
        .filter(|u| matches!(u.scheme(), "http" | "https"))
}

/// The address the article is stored under: the one the page gives as its
/// own ([`declared_address`]) when it is on the same site as the address
/// the page was read from (`fetched`), else that address; for a page read
/// from a file, the declared address whatever it is.
///
/// So the AMP or mobile copy of a story (`amp.`, `m.`, `?amp`, `/amp/`)
/// is the story. Another domain's address is not taken: any page can name
/// any canonical address, and a page of one site would then be stored over
/// (and shown as) another site's story; the address it was read from is
/// the one that is known to hold it.
///
/// Nor is an address above the page's own: the site's home or a section
/// (`/`, `/kinh-doanh/` for `/kinh-doanh/bai-123.html`), which some sites
/// give every page as its canonical: each page saved was stored over the
/// one before.
fn article_address(fetched: Option<&url::Url>, declared: Option<&url::Url>) -> Option<url::Url> {
    match (fetched, declared) {
        (Some(f), Some(c)) if same_site(f, c) && !above(c, f) => Some(c.clone()),
        (Some(f), _) => Some(f.clone()),
        (None, c) => c.cloned(),
    }
}

/// Is `declared` the site's home, or a folder the page `fetched` is in?
fn above(declared: &url::Url, fetched: &url::Url) -> bool {
    let (d, f) = (declared.path(), fetched.path());
    let d = d.trim_end_matches('/');
    d.is_empty() || (f.len() > d.len() && f.starts_with(d) && f[d.len()..].starts_with('/'))
}

/// The same host, or one inside the other (`m.tuoitre.vn` and `tuoitre.vn`,
/// `amp.znews.vn` and `www.znews.vn`); the port does not count.
fn same_site(a: &url::Url, b: &url::Url) -> bool {
    let (Some(a), Some(b)) = (site_of(a.as_str()), site_of(b.as_str())) else {
        return false;
    };
    let inside = |x: &str, y: &str| {
        x.strip_suffix(y).is_some_and(|head| head.ends_with('.'))
            && y.contains('.')
            && !y.chars().all(|c| c.is_ascii_digit() || c == '.')
    };
    a == b || inside(&a, &b) || inside(&b, &a)
}

/// What the page says around the body, to tell it from the body's top.
struct Top<'a> {
    title: &'a str,
    date_text: Option<&'a str>,
    published: Option<DateTime<FixedOffset>>,
    sapo: Option<&'a str>,
    description: Option<&'a str>,
}

/// The article as the page shows it or its JSON-LD gives it.
struct Body {
    title: String,
    published: Option<DateTime<FixedOffset>>,
    date_text: Option<String>,
    lead: Option<String>,
    paragraphs: Vec<Paragraph>,
    /// A signature line taken off the body's end.
    signature: Option<String>,
    /// The JSON-LD article's author, when the body is its text.
    ld_author: Option<String>,
}

/// The body the peer picked, its top and end cleared of what is not body;
/// `None` when it holds no article.
fn dom_body(
    top: &Top,
    peer_title: &str,
    mut paragraphs: Vec<Paragraph>,
    meta: &Meta,
) -> Option<Body> {
    let title = if top.title.is_empty() {
        clean(peer_title)
    } else {
        top.title.to_string()
    };
    let title = if title.is_empty() {
        title_from_body(&paragraphs)
    } else {
        title
    };
    // Trailing labels of page furniture ("Xem theo ngày tháng:").
    while paragraphs
        .last()
        .is_some_and(|p| p.text.ends_with(':') && p.text.chars().count() <= 40)
    {
        paragraphs.pop();
    }
    let lead = lead_off_top(top, &title, &mut paragraphs);

    // Author: a short signature line at the end of the body.
    let mut signature = None;
    while let Some(last) = paragraphs.last() {
        if matches!(last.kind, ParagraphKind::Text | ParagraphKind::Heading)
            && looks_like_signature(&last.text)
        {
            let line = paragraphs.pop().map(|p| p.text).unwrap_or_default();
            signature = Some(match signature {
                None => strip_credit(&line),
                Some(later) => format!("{} - {later}", strip_credit(&line)),
            });
            if signature.as_deref().is_some_and(|a| a.contains(' ')) {
                break;
            }
        } else {
            break;
        }
    }

    let lead_chars = lead.as_deref().map_or(0, width);
    let enough_prose = prose_chars(&paragraphs) + lead_chars / 2 >= ARTICLE_MIN_CHARS
        || is_short_article(&paragraphs);
    if title.is_empty() || !enough_prose || is_index_page(meta, &paragraphs) {
        return None;
    }
    Some(Body {
        title,
        published: top.published,
        date_text: top.date_text.map(String::from),
        lead,
        paragraphs,
        signature,
        ld_author: None,
    })
}

/// The lead, and the body's top cleared of what the page shows above the
/// article and the body repeats: the title, the date line (as found, or
/// a short line giving the published time), the lead. The lead is the
/// sapo element, or the description when the body starts with it.
fn lead_off_top(top: &Top, title: &str, paragraphs: &mut Vec<Paragraph>) -> Option<String> {
    let description = top.description.filter(|d| fold(d) != fold(title));
    let mut lead = top.sapo.map(String::from);
    while let Some(first) = paragraphs.first() {
        let f = fold(&first.text);
        let date_line = top.date_text.is_some_and(|d| fold(d) == f)
            || (first.text.chars().count() <= 60
                && top.published.is_some()
                && date_in_text(&first.text) == top.published);
        if f == fold(title) || date_line {
            paragraphs.remove(0);
            continue;
        }
        let starts_like = |s: &str| {
            let a = fold(s);
            let n = a.chars().count().min(f.chars().count()).min(80);
            n >= 30 && a.chars().take(n).eq(f.chars().take(n))
        };
        if lead.as_deref().is_some_and(starts_like)
            || (lead.is_none() && description.is_some_and(starts_like))
        {
            // The body's copy: whole where the sapo element was cut.
            lead = Some(paragraphs.remove(0).text);
            continue;
        }
        break;
    }
    lead.or(description.map(String::from))
        .filter(|l| !l.is_empty())
}

/// The article of the page's JSON-LD: its `articleBody` in paragraphs, its
/// headline, date, author and description. `None` when it has no text.
fn json_ld_body(a: &LdArticle, top: &Top, base: &Base) -> Option<Body> {
    let mut paragraphs = article_body_paragraphs(a.body.as_deref()?, base);
    let (date_text, earlier) = (top.date_text, top.published);
    let title = a
        .headline
        .as_deref()
        .map(clean)
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| top.title.to_string());
    let description = a.description.as_deref().map(clean);
    let top = Top {
        title: &title,
        description: description.as_deref().or(top.description),
        ..*top
    };
    let lead = lead_off_top(&top, &title, &mut paragraphs);
    let prose: usize = paragraphs.iter().map(|p| width(&p.text)).sum();
    if title.is_empty() || prose < PROSE_MIN_CHARS {
        return None;
    }
    let published = a.date.as_deref().and_then(parse_date);
    Some(Body {
        title,
        published: published.or(earlier),
        // The date line shown, when it gives the same day.
        date_text: match (published, earlier) {
            (Some(p), Some(t)) if p.date_naive() != t.date_naive() => None,
            _ => date_text.map(String::from),
        },
        lead,
        paragraphs,
        signature: None,
        ld_author: a.author.as_deref().map(clean),
    })
}

/// Columns of prose: text paragraphs of [`PROSE_MIN_CHARS`] or more (a
/// `<pre>`'s lines counted together: a page set in one, an RFC, is text).
fn prose_chars(paragraphs: &[Paragraph]) -> usize {
    block_widths(paragraphs)
        .filter(|&(kind, _)| running_text(kind) || kind == ParagraphKind::Code)
        .map(|(_, n)| n)
        .filter(|&n| n >= PROSE_MIN_CHARS)
        .sum()
}

/// Each paragraph's kind and width, the lines of a block of code as one.
fn block_widths(paragraphs: &[Paragraph]) -> impl Iterator<Item = (ParagraphKind, usize)> + '_ {
    let mut i = 0;
    std::iter::from_fn(move || {
        let first = paragraphs.get(i)?;
        let mut n = width(&first.text);
        i += 1;
        while first.kind == ParagraphKind::Code
            && let Some(p) = paragraphs.get(i).filter(|p| p.kind == ParagraphKind::Code)
        {
            n += 1 + width(&p.text);
            i += 1;
        }
        Some((first.kind, n))
    })
}

/// A paragraph of the article's own text: plain, or an item of a list or a
/// row of a table (sentences as often as not), not a heading or caption.
fn running_text(kind: ParagraphKind) -> bool {
    matches!(
        kind,
        ParagraphKind::Text | ParagraphKind::Item | ParagraphKind::Row
    )
}

/// An index page: most body "paragraphs" are short link-like lines. One
/// paragraph of article length is an article, not an index (a page can show
/// a single paragraph and hide or lack the rest).
fn is_index_page(meta: &Meta, paragraphs: &[Paragraph]) -> bool {
    if meta.get("og:type").is_some_and(|t| t == "website") && paragraphs.len() < 3 {
        return true;
    }
    let long: Vec<usize> = block_widths(paragraphs)
        .map(|(_, n)| n)
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
        .filter(|p| running_text(p.kind) && width(&p.text) >= PROSE_MIN_CHARS)
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

/// A story listed twice under one title, once without its address (a
/// ">> …" line whose relative link the page gave no address to resolve)
/// and once with it (a related block), is listed once, with its address,
/// where it came first; so is one listed twice without. The excerpt one
/// copy had is kept.
fn one_story_once(related: &mut Vec<NewRelated>) {
    let key = |r: &NewRelated| crate::text::fold::title_key(&r.title);
    let mut at: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut kept: Vec<NewRelated> = Vec::with_capacity(related.len());
    for r in related.drain(..) {
        let k = key(&r);
        let Some(&i) = at.get(&k) else {
            at.insert(k, kept.len());
            kept.push(r);
            continue;
        };
        let first = &mut kept[i];
        match (&first.url, &r.url) {
            // Two addresses under one title: two stories (two papers' headlines).
            (Some(_), Some(_)) => kept.push(r),
            (None, Some(_)) => {
                let excerpt = first.excerpt.take();
                *first = r;
                first.excerpt = first.excerpt.take().or(excerpt);
            }
            (_, None) => {
                if first.excerpt.is_none() {
                    first.excerpt = r.excerpt;
                }
            }
        }
    }
    *related = kept;
}
