//! newsboat's files, for `docbao import-newsboat`: the `urls` file (one
//! subscription a line, with tags, a `"~Title"` and `"query:…"` lines) and
//! the cached items, turned into feed items the way `docbao update` turns a
//! feed's items into articles (HTML to clean text, NFC, terminal-safe).

use chrono::{DateTime, FixedOffset};

use super::date::vietnam_offset;
use super::feed::link_of;
use super::site::site_of;
use crate::model::{FeedItem, Keyword, KeywordSource, NewArticle, NewsboatItem, Paragraph};
use crate::text::{clean, clean_opt, clean_paragraphs};

/// One line of the urls file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UrlsLine {
    /// A feed to subscribe to: the address as the line writes it (how
    /// newsboat's cache names the feed), the address docbao subscribes to,
    /// its `~title`, its tags (cleaned).
    Feed {
        source: String,
        url: String,
        title: Option<String>,
        tags: Vec<String>,
    },
    /// A line docbao does not subscribe to (a query feed, an `exec:`
    /// feed, an address that is not http(s)), or a part of one it does not
    /// carry over (a `filter:` feed's filter script), with why, for the
    /// report.
    Skipped { line: usize, why: String },
}

/// A feed line's address and what newsboat does to it: `filter:SCRIPT:URL`
/// fetches URL (the filter script is newsboat's business).
fn feed_address(first: &str) -> Result<String, String> {
    let first = first.trim();
    if let Some(rest) = first.strip_prefix("query:") {
        let name = rest.split(':').next().unwrap_or_default();
        return Err(format!(
            "the query feed \"{}\" (a saved search: use / in docbao)",
            clean(name)
        ));
    }
    if first.starts_with("exec:") {
        return Err(format!(
            "\"{}\" (a command's output, not a feed docbao can fetch)",
            clean(first)
        ));
    }
    let url = match first.strip_prefix("filter:") {
        // filter:SCRIPT:URL — the URL starts at its scheme.
        Some(rest) => rest
            .find("http://")
            .or_else(|| rest.find("https://"))
            .map(|at| &rest[at..])
            .unwrap_or(rest),
        None => first,
    };
    // An offline feed, as `docbao feed add file:///…` takes it.
    if url
        .get(..7)
        .is_some_and(|p| p.eq_ignore_ascii_case("file://"))
    {
        return if url[7..].starts_with('/') {
            Ok(clean(url))
        } else {
            Err(format!(
                "\"{}\": a file:// address names an absolute path (file:///home/…/feed.xml)",
                clean(url)
            ))
        };
    }
    crate::text::web_url(url).map_err(|why| format!("\"{}\": {why}", clean(url)))
}

/// The lines of newsboat's config that would change which items a feed
/// shows (`ignore-article`, `define-filter`), as [`UrlsLine::Skipped`]:
/// docbao has no filters, so they are named when not carried over. The
/// rest of the config (settings, colours, keys) is newsboat's own.
pub fn config_filters(text: &str) -> Vec<UrlsLine> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let toks = tokens(line);
        let why = match toks.first().map(String::as_str) {
            Some("ignore-article") => "ignore-article (docbao hides no items: they are all stored)",
            Some("define-filter") => "define-filter (a saved filter: search with / in docbao)",
            _ => continue,
        };
        out.push(UrlsLine::Skipped {
            line: i + 1,
            why: why.to_string(),
        });
    }
    out
}

/// For a `filter:SCRIPT:URL` line, what is not carried over: the script
/// (docbao runs none; the feed at URL is subscribed, unfiltered).
fn filter_script(first: &str, url: &str) -> Option<String> {
    let rest = first.trim().strip_prefix("filter:")?;
    let at = rest
        .find("http://")
        .or_else(|| rest.find("https://"))
        .unwrap_or(rest.len());
    let script = rest[..at].trim_end_matches(':');
    Some(format!(
        "the filter \"{}\" of {url} (docbao runs no filter scripts: the feed is subscribed and its items come unfiltered)",
        clean(script)
    ))
}

/// Split a line into newsboat's tokens: words separated by spaces, `"…"`
/// quoted (with `\"` and `\\` inside), a `#` starting a token starts a
/// comment.
fn tokens(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = line.chars().peekable();
    loop {
        while chars.peek().is_some_and(|c| c.is_whitespace()) {
            chars.next();
        }
        let Some(&c) = chars.peek() else { break };
        if c == '#' {
            break;
        }
        let mut token = String::new();
        if c == '"' {
            chars.next();
            while let Some(c) = chars.next() {
                match c {
                    '"' => break,
                    '\\' => {
                        if let Some(n) = chars.next() {
                            token.push(n);
                        }
                    }
                    c => token.push(c),
                }
            }
        } else {
            while let Some(&c) = chars.peek() {
                if c.is_whitespace() {
                    break;
                }
                token.push(c);
                chars.next();
            }
        }
        out.push(token);
    }
    out
}

/// Parse newsboat's urls file.
pub fn parse_urls(text: &str) -> Vec<UrlsLine> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let mut toks = tokens(line).into_iter();
        let Some(first) = toks.next() else { continue };
        let url = match feed_address(&first) {
            Ok(url) => url,
            Err(why) => {
                out.push(UrlsLine::Skipped { line: i + 1, why });
                continue;
            }
        };
        let mut title = None;
        let mut tags: Vec<String> = Vec::new();
        for t in toks {
            if let Some(name) = t.strip_prefix('~') {
                title = clean_opt(Some(name));
            } else if t.starts_with('!') {
                // newsboat's "hidden" mark (`!`, `"!hidden"`), not a tag.
            } else if let Some(tag) = clean_opt(Some(&t))
                && !tags.contains(&tag)
            {
                tags.push(tag);
            }
        }
        let filter = filter_script(&first, &url);
        out.push(UrlsLine::Feed {
            source: first,
            url,
            title,
            tags,
        });
        if let Some(why) = filter {
            out.push(UrlsLine::Skipped { line: i + 1, why });
        }
    }
    out
}

/// An item of newsboat's cache as a feed item: keyed as `docbao update`
/// keys the same feed's item (its link, else its guid), so that a later
/// update does not bring it again; its content as paragraphs; read when
/// newsboat has it read, bookmarked when newsboat has a flag on it (the
/// star); the feed's tags as keywords.
pub fn item_article(item: &NewsboatItem, tags: &[String]) -> Option<FeedItem> {
    let link = item_link(item);
    let paragraphs: Vec<Paragraph> = content_paragraphs(&item.content)
        .into_iter()
        .map(Paragraph::text)
        .collect();
    // newsboat keeps a title as the text it shows ("Giá vàng <tăng> mạnh"
    // from `&lt;tăng&gt;`): not HTML, whose parsing dropped "<tăng>".
    let title = match clean(&item.title) {
        t if !t.is_empty() => t,
        _ => crate::text::width::truncate(&paragraphs.first()?.text, 80),
    };
    let key = item_key(item);
    // The user's tags, not the page's: never a site's boilerplate, kept
    // when the feed's correction of the item is stored over it.
    let keywords: Vec<Keyword> = tags
        .iter()
        .map(|name| Keyword {
            name: name.clone(),
            source: KeywordSource::Tag,
        })
        .collect();
    let article = NewArticle {
        site: link.as_deref().and_then(site_of),
        url: link,
        title,
        published: published(item.pub_date),
        author: clean_opt(Some(&item.author)),
        paragraphs,
        keywords,
        read: (!item.unread).then_some(true),
        bookmarked: (!item.flags.trim().is_empty()).then_some(true),
        ..NewArticle::default()
    };
    Some(FeedItem {
        key,
        guid: None,
        article,
    })
}

fn item_link(item: &NewsboatItem) -> Option<String> {
    link_of(&item.url).filter(|h| h.starts_with("http://") || h.starts_with("https://"))
}

/// How an item of newsboat's cache is known to the feed it came from: its
/// link, else its guid, as `docbao update` keys the feed's items; an item
/// with neither (text alone) by a hash of its title and text.
pub fn item_key(item: &NewsboatItem) -> String {
    item_link(item)
        .or_else(|| clean_opt(Some(&item.guid)))
        .unwrap_or_else(|| {
            let text = format!("{}\0{}", item.title, item.content);
            format!(
                "newsboat:{:016x}",
                xxhash_rust::xxh3::xxh3_64(text.as_bytes())
            )
        })
}

/// Unix seconds to a date at Vietnam's offset, as feed dates are shown.
fn published(ts: i64) -> Option<DateTime<FixedOffset>> {
    if ts <= 0 {
        return None;
    }
    DateTime::from_timestamp(ts, 0).map(|d| d.with_timezone(&vietnam_offset()))
}

/// HTML (or plain text) content to clean paragraphs: each block element
/// (`<p>`, `<li>`, a heading…) its own paragraph, and each line a `<br>`
/// ends (the reader shows a break there, as a browser does).
pub fn content_paragraphs(content: &str) -> Vec<String> {
    if !content.contains('<') && !content.contains('&') {
        return clean_paragraphs(content);
    }
    let doc = dom_query::Document::fragment(content);
    doc.formatted_text()
        .lines()
        .map(clean)
        .filter(|p| !p.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_lines_with_tags_titles_and_queries() {
        let text = "# comment\n\
            http://a.vn/rss \"tin tức\" Thái \"~Tin \\\"A\\\"\"\n\
            \n\
            https://b.vn/atom ! b # trailing comment\n\
            \"query:Chưa đọc:unread = \\\"yes\\\"\"\n\
            exec:~/bin/feed.sh\n\
            filter:~/f.sh:https://c.vn/rss c\n\
            ftp://d.vn/x\n";
        let got = parse_urls(text);
        assert_eq!(
            got[0],
            UrlsLine::Feed {
                source: "http://a.vn/rss".into(),
                url: "http://a.vn/rss".into(),
                title: Some("Tin \"A\"".into()),
                tags: vec!["tin tức".into(), "Thái".into()],
            }
        );
        assert_eq!(
            got[1],
            UrlsLine::Feed {
                source: "https://b.vn/atom".into(),
                url: "https://b.vn/atom".into(),
                title: None,
                tags: vec!["b".into()],
            }
        );
        assert!(
            matches!(&got[2], UrlsLine::Skipped { line: 5, why } if why.contains("query feed \"Chưa đọc\"")),
            "{:?}",
            got[2]
        );
        assert!(matches!(&got[3], UrlsLine::Skipped { line: 6, .. }));
        assert!(matches!(&got[4], UrlsLine::Feed { url, .. } if url == "https://c.vn/rss"));
        // The feed is subscribed; its filter is named, not dropped silently.
        assert!(
            matches!(&got[5], UrlsLine::Skipped { line: 7, why } if why.starts_with("the filter \"~/f.sh\" of https://c.vn/rss")),
            "{:?}",
            got[5]
        );
        assert!(
            matches!(&got[6], UrlsLine::Skipped { line: 8, why } if why.contains("ftp://d.vn/x"))
        );
        assert_eq!(got.len(), 7);
    }

    /// newsboat's `!` tags (`"!"`, `"!hidden"`: a hidden feed) are its
    /// syntax, not tags, as `~` (the title) is: no keyword is made of them.
    #[test]
    fn newsboat_syntax_is_not_a_tag() {
        let got = parse_urls("https://a.vn/rss \"!hidden\" ! tin \"~Tên\" !x\n");
        assert_eq!(
            got,
            [UrlsLine::Feed {
                source: "https://a.vn/rss".into(),
                url: "https://a.vn/rss".into(),
                title: Some("Tên".into()),
                tags: vec!["tin".into()],
            }]
        );
    }

    #[test]
    fn items_are_clean_text_with_their_state() {
        let item = NewsboatItem {
            guid: "g1".into(),
            // NFD, and an escape sequence a feed should never get to the screen.
            title: "Mu\u{300}a lu\u{301}a \u{1b}[2Jchín".into(),
            author: " Cao Biền ".into(),
            url: "https://tin.vn/a.html".into(),
            feed_url: "http://x/rss".into(),
            pub_date: 1_614_906_000,
            content: "<p>Một &amp; hai.</p><p>Ba<br>bốn</p><ul><li>năm</li></ul>".into(),
            unread: false,
            flags: "s".into(),
        };
        let f = item_article(&item, &["tin tức".into()]).unwrap();
        assert_eq!(f.key, "https://tin.vn/a.html");
        let a = &f.article;
        assert_eq!(a.title, "Mùa lúa chín");
        assert_eq!(a.author.as_deref(), Some("Cao Biền"));
        assert_eq!(a.site.as_deref(), Some("tin.vn"));
        let texts: Vec<&str> = a.paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts, ["Một & hai.", "Ba", "bốn", "năm"]);
        assert_eq!(
            a.published.unwrap().to_rfc3339(),
            "2021-03-05T08:00:00+07:00"
        );
        assert_eq!((a.read, a.bookmarked), (Some(true), Some(true)));
        assert_eq!(a.keywords[0].name, "tin tức");
        assert_eq!(a.keywords[0].source, KeywordSource::Tag);
        // Unread, no flag: the stored state is left alone; no link: the guid.
        let plain = NewsboatItem {
            url: "javascript:alert(1)".into(),
            unread: true,
            title: String::new(),
            content: "Chỉ có nội dung.".into(),
            ..item
        };
        let f = item_article(&plain, &[]).unwrap();
        assert_eq!(f.key, "g1");
        assert_eq!(f.article.url, None);
        assert_eq!(f.article.title, "Chỉ có nội dung.");
        assert_eq!((f.article.read, f.article.bookmarked), (None, Some(true)));
    }
}
