//! Web addresses: the one check every URL passes before docbao stores it as
//! a feed, fetches it, follows a redirect to it or hands it to a browser.

use super::clean::clean;

/// Why a string is not a web address docbao uses.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NotWebUrl {
    #[error("no address")]
    Empty,
    #[error("not a web address: {0}")]
    Malformed(String),
    #[error("only http:// and https:// addresses, not {0}:")]
    Scheme(String),
    #[error("a web address has no spaces in it")]
    Spaces,
}

/// `input` cleaned (no controls, no escape sequences, NFC, trimmed) when it
/// is an absolute `http://` or `https://` address with a host; else why not.
/// The text is kept as written (not re-serialised), so an address stored
/// before compares equal. Such an address never starts with `-`, so it can
/// never be taken for a program's option.
pub fn web_url(input: &str) -> Result<String, NotWebUrl> {
    let s = clean(input);
    if s.is_empty() {
        return Err(NotWebUrl::Empty);
    }
    if s.contains(' ') {
        return Err(NotWebUrl::Spaces);
    }
    let parsed = url::Url::parse(&s).map_err(|e| NotWebUrl::Malformed(e.to_string()))?;
    match parsed.scheme() {
        "http" | "https" if parsed.host_str().is_some_and(|h| !h.is_empty()) => {}
        "http" | "https" => return Err(NotWebUrl::Malformed("no host".into())),
        other => return Err(NotWebUrl::Scheme(other.to_string())),
    }
    // `Url::parse` accepts "http:x" and "HTTP://x"; what is stored starts
    // with the scheme and "//" as written, never with '-'.
    let lower = s.to_ascii_lowercase();
    if !(lower.starts_with("http://") || lower.starts_with("https://")) {
        return Err(NotWebUrl::Malformed("expected http://host/…".into()));
    }
    Ok(s)
}

/// An address as a person types or pastes it: one without its scheme
/// ("vnexpress.net/tin-moi", "www.example.com/a.html") is taken as a browser
/// takes it, `https://` before it; any other input is left as it is (and
/// [`web_url`] says what is wrong with it). A host needs a dot and only the
/// letters of a host name before its first `/`.
pub fn typed_address(input: &str) -> std::borrow::Cow<'_, str> {
    let s = input.trim();
    let host = s.split(['/', '?', '#']).next().unwrap_or_default();
    // A scheme before the host: a "://" in the query ("?next=http://…") is
    // none.
    let schemed = s.find("://").is_some_and(|i| i <= host.len());
    let host_name = host.split(':').next().unwrap_or_default();
    let looks_like_host = !schemed
        && host_name.contains('.')
        && !host_name.starts_with('.')
        && !host_name.ends_with('.')
        && host
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | ':'))
        && host
            .split(':')
            .nth(1)
            .is_none_or(|port| port.bytes().all(|b| b.is_ascii_digit()));
    // "localhost:8080/a.html" is a host and a port, as a browser reads it
    // (the parser took "localhost" for a scheme), and "localhost/a.html" a
    // host too; served over plain HTTP, as a browser asks it (a server on
    // this machine seldom speaks TLS). A file of that name here is said to
    // be one before (`refuse_a_file` in `crate::cli`). An IP address is taken
    // as https://, and when no secure connection is made the error names the
    // http:// address to try.
    let local = !schemed
        && host_name.eq_ignore_ascii_case("localhost")
        && host
            .split(':')
            .nth(1)
            .is_none_or(|port| !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit()));
    if local {
        std::borrow::Cow::Owned(format!("http://{s}"))
    } else if looks_like_host {
        std::borrow::Cow::Owned(format!("https://{s}"))
    } else {
        std::borrow::Cow::Borrowed(input)
    }
}

/// Query parameters that only say where a reader came from (campaign
/// tags, ad and share click ids, Zalo's share tags on Vietnamese sites):
/// the same article reached from two feeds or a shared link carries
/// different ones. Compared case-insensitively; `utm_` is a prefix.
const TRACKING: &[&str] = &[
    "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid",
    "ttclid", "igshid", "mc_cid", "mc_eid", "_hsenc", "_hsmi", "mkt_tok", "_ga", "_gl", "zarsrc",
    "gidzl",
];

/// A web address as docbao keeps and compares an article's: without the
/// tracking parameters of its query ([`TRACKING`], `utm_*`) and without a
/// fragment (a place in the page: `#comments`, `#ref=rss`), so the story
/// reached from two feeds or a shared link is one article. A fragment that
/// routes a script-driven site (`#/a/1`, `#!/a/1`) is kept, and so is
/// anything that is not an `http(s)://` address. The part before the query
/// has one spelling, as a feed's address has ([`tidy_base`]); the query is
/// kept as written (the other parameters in their order and encoding); an
/// address that needs none of this comes back borrowed.
pub fn canonical(url: &str) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    match tidy_base(url) {
        Cow::Borrowed(url) => without_tracking(url),
        Cow::Owned(tidy) => Cow::Owned(without_tracking(&tidy).into_owned()),
    }
}

/// The scheme, host, port and path of an `http(s)://` address in one
/// spelling, what RFC 3986 (§6.2.2) makes one address: the scheme and host
/// in lower case, a default port and a host's final dot dropped, dot
/// segments resolved, percent-escapes of unreserved characters decoded
/// ([`url::Url`] and [`unreserved_decoded`], as [`feed_url`]). An
/// independent review stored one story seven times under
/// `https://EXAMPLE.VN/a1.html`, `HTTPS://…`, `…:443/…`, `…/./a1.html`,
/// `…/%611.html`, `https://example.vn./…`. An address with characters
/// outside ASCII is left as written (the parser would escape them).
fn tidy_base(url: &str) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    let cut = url.find(['?', '#']).unwrap_or(url.len());
    let (base, rest) = url.split_at(cut);
    if !base.is_ascii() || !needs_tidy(base) {
        return Cow::Borrowed(url);
    }
    let Ok(mut u) = url::Url::parse(base) else {
        return Cow::Borrowed(url);
    };
    if !matches!(u.scheme(), "http" | "https") || u.cannot_be_a_base() {
        return Cow::Borrowed(url);
    }
    if let Some(host) = u.host_str().filter(|h| h.len() > 1 && h.ends_with('.')) {
        let host = host.trim_end_matches('.').to_string();
        if u.set_host(Some(&host)).is_err() {
            return Cow::Borrowed(url);
        }
    }
    let path = unreserved_decoded(u.path());
    if path != u.path() {
        u.set_path(&path);
    }
    let mut out = String::from(u);
    out.push_str(rest);
    if out == url {
        Cow::Borrowed(url)
    } else {
        Cow::Owned(out)
    }
}

/// Whether an address's part before its query may have another spelling
/// ([`tidy_base`]): looked at byte by byte, so that the addresses that are
/// already tidy (nearly all) are never parsed.
fn needs_tidy(base: &str) -> bool {
    let Some((scheme, after)) = base.split_once("://") else {
        return false;
    };
    if !scheme.eq_ignore_ascii_case("http") && !scheme.eq_ignore_ascii_case("https") {
        return false;
    }
    let (authority, path) = after.split_at(after.find('/').unwrap_or(after.len()));
    scheme.bytes().any(|b| b.is_ascii_uppercase())
        || authority
            .bytes()
            .any(|b| b.is_ascii_uppercase() || b == b':')
        || authority.ends_with('.')
        || path.is_empty()
        || path.contains('%')
        || path.contains("/./")
        || path.contains("/../")
        || path.ends_with("/.")
        || path.ends_with("/..")
        // What the parser writes otherwise: `\` as `/`, the others escaped
        // (`x\y` and `X\y` were two spellings: a review's find).
        || path.contains(['\\', '{', '}', '|', '^', '`', '"', '<', '>', ' '])
}

/// [`canonical`] on a tidy address: the tracking parameters and the
/// fragment taken off.
fn without_tracking(url: &str) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    if !url.contains(['?', '#']) {
        return Cow::Borrowed(url);
    }
    let web = url.get(..8).is_some_and(|head| {
        let head = head.to_ascii_lowercase();
        head.starts_with("http://") || head.starts_with("https://")
    });
    if !web {
        return Cow::Borrowed(url);
    }
    let (rest, fragment) = match url.split_once('#') {
        Some((rest, f)) if f.starts_with('/') || f.starts_with("!/") => (rest, Some(f)),
        Some((rest, _)) => (rest, None),
        None => (url, None),
    };
    let (base, query) = match rest.split_once('?') {
        Some((base, q)) => (base, q),
        None => (rest, ""),
    };
    let tracking = |pair: &&str| {
        let name = pair
            .split('=')
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        name.starts_with("utm_") || TRACKING.contains(&name.as_str())
    };
    let kept: Vec<&str> = query
        .split('&')
        .filter(|p| !p.is_empty() && !tracking(p))
        .collect();
    let mut out = String::with_capacity(url.len());
    out.push_str(base);
    if !kept.is_empty() {
        out.push('?');
        out.push_str(&kept.join("&"));
    }
    if let Some(f) = fragment {
        out.push('#');
        out.push_str(f);
    }
    if out == url {
        Cow::Borrowed(url)
    } else {
        Cow::Owned(out)
    }
}

/// A feed's address as docbao stores and compares it: one spelling for
/// what RFC 3986 (§6.2.2) makes one address. The scheme and host in lower
/// case, dot segments resolved, a default port dropped (what
/// [`url::Url`] does to an address it parses, as [`web_url`] checks every
/// one), and, as [`canonical`] does for an article, no place in the page:
/// here no fragment at all, since the server never sees it. Percent-escapes
/// of unreserved characters (`%66` for `f`) are decoded, the others written
/// in upper case. Unlike an article's address, the query is kept whole,
/// `utm_*` too: a feed's query may choose what it carries. Anything that is
/// not an `http(s)://` address (a `file://` feed) comes back as it was.
pub fn feed_url(url: &str) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    let Ok(mut u) = url::Url::parse(url) else {
        return Cow::Borrowed(url);
    };
    if !matches!(u.scheme(), "http" | "https") || u.cannot_be_a_base() {
        return Cow::Borrowed(url);
    }
    u.set_fragment(None);
    let path = unreserved_decoded(u.path());
    if path != u.path() {
        u.set_path(&path);
    }
    if let Some(q) = u.query().map(unreserved_decoded)
        && Some(q.as_str()) != u.query()
    {
        u.set_query(Some(&q));
    }
    let out = String::from(u);
    if out == url {
        Cow::Borrowed(url)
    } else {
        Cow::Owned(out)
    }
}

/// `s` with every percent-escape of an unreserved character (letters,
/// digits, `-._~`) decoded and every other escape's hex digits in upper
/// case (RFC 3986 §6.2.2.1, §6.2.2.2).
fn unreserved_decoded(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        if b[i] == b'%'
            && let (Some(hi), Some(lo)) = (
                b.get(i + 1).copied().and_then(hex),
                b.get(i + 2).copied().and_then(hex),
            )
        {
            let c = (hi * 16 + lo) as u8;
            if c.is_ascii_alphanumeric() || b"-._~".contains(&c) {
                out.push(c as char);
            } else {
                out.push_str(&format!("%{c:02X}"));
            }
            i += 3;
            continue;
        }
        // Whole characters: `s` is a str, and `%` is ASCII.
        let len = s[i..].chars().next().map_or(1, char::len_utf8);
        out.push_str(&s[i..i + len]);
        i += len;
    }
    out
}

/// The same address under the other web scheme: `http://x/a` for
/// `https://x/a` and the other way round (the scheme matched in any case,
/// written in lower case), `None` for anything else. A story reached by an
/// old `http` link and a new `https` one is one article.
pub fn other_scheme(url: &str) -> Option<String> {
    let head = url.get(..8)?.to_ascii_lowercase();
    let other = if head == "https://" {
        format!("http://{}", &url[8..])
    } else if head.starts_with("http://") {
        format!("https://{}", &url[7..])
    } else {
        return None;
    };
    // In its stored form: `http://a.vn:443/x` is `https://a.vn/x` (a
    // review's find).
    Some(canonical(&other).into_owned())
}

/// Whether `url` is an `https://` address (the scheme in any case).
pub fn is_https(url: &str) -> bool {
    url.get(..8)
        .is_some_and(|head| head.eq_ignore_ascii_case("https://"))
}

/// A web address shortened for a status line: the host (no `www.`), then
/// `/…/` and the last path segment when there is more than one:
/// `https://dantri.com.vn/the-gioi/2020/abc.htm` → `dantri.com.vn/…/abc.htm`.
/// Something that does not parse as a URL comes back as it was.
pub fn short_url(input: &str) -> String {
    let Ok(u) = url::Url::parse(input) else {
        return input.to_string();
    };
    let Some(host) = u.host_str() else {
        return input.to_string();
    };
    let host = host.strip_prefix("www.").unwrap_or(host);
    let segments: Vec<&str> = u
        .path_segments()
        .map(|s| s.filter(|p| !p.is_empty()).collect())
        .unwrap_or_default();
    match segments.as_slice() {
        [] => host.to_string(),
        [one] => format!("{host}/{one}"),
        [.., last] => format!("{host}/…/{last}"),
    }
}

/// A web address in at most `max` columns (display width) for a status
/// line: whole when it fits; else its scheme and host, `/…/` and its last
/// path segment (`https://vnexpress.net/…/ten-bai-123.html`), then the
/// same without the scheme; else that cut in its middle
/// ([`elide_middle`](super::width::elide_middle)), its end kept.
pub fn elide_url(url: &str, max: usize) -> String {
    use super::width::{elide_middle, width};
    if width(url) <= max {
        return url.to_string();
    }
    let after_scheme = url.find("://").map_or(0, |i| i + 3);
    let path = url[after_scheme..].find('/').map(|i| after_scheme + i);
    if let Some(path) = path {
        let head = &url[..path];
        let last = url[path..]
            .trim_end_matches('/')
            .rsplit('/')
            .next()
            .unwrap_or_default();
        if !last.is_empty() {
            // With its scheme, then without it.
            let host = &url[after_scheme..path];
            for short in [format!("{head}/…/{last}"), format!("{host}/…/{last}")] {
                if width(&short) <= max && short.len() < url.len() {
                    return short;
                }
            }
            return elide_middle(&format!("{host}/…/{last}"), max);
        }
    }
    elide_middle(url, max)
}

/// What tells feeds of the same name apart, for each of `feeds` (id, name,
/// address), in order: `None` for a name no other feed has (titles compared
/// as [`title_key`](super::fold::title_key) does: case, spacing,
/// punctuation). Else the address's host (no `www.`) when the others of
/// that name have other hosts; else its last path segment when theirs
/// differ (`the-gioi.rss`, a file's name); else `feed N`.
pub fn tell_apart(feeds: &[(i64, &str, &str)]) -> Vec<Option<String>> {
    let keys: Vec<String> = feeds
        .iter()
        .map(|(_, name, _)| super::fold::title_key(name))
        .collect();
    let part = |address: &str, host: bool| -> String {
        let Ok(u) = url::Url::parse(address) else {
            return String::new();
        };
        if host {
            let h = u.host_str().unwrap_or_default();
            return h.strip_prefix("www.").unwrap_or(h).to_string();
        }
        u.path_segments()
            .and_then(|mut s| s.rfind(|p| !p.is_empty()))
            .unwrap_or_default()
            .to_string()
    };
    feeds
        .iter()
        .enumerate()
        .map(|(i, &(id, _, address))| {
            let same: Vec<usize> = (0..feeds.len()).filter(|&j| keys[j] == keys[i]).collect();
            if same.len() < 2 {
                return None;
            }
            for host in [true, false] {
                let mine = part(address, host);
                let unique = !mine.is_empty()
                    && same
                        .iter()
                        .all(|&j| j == i || part(feeds[j].2, host) != mine);
                if unique {
                    return Some(clean(&mine));
                }
            }
            Some(format!("feed {id}"))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn an_address_typed_without_its_scheme_is_taken_as_a_browser_takes_it() {
        use super::typed_address;
        for (typed, taken) in [
            ("vnexpress.net/tin-moi", "https://vnexpress.net/tin-moi"),
            ("www.example.com/a.html", "https://www.example.com/a.html"),
            ("127.0.0.1:8080/x?a=1", "https://127.0.0.1:8080/x?a=1"),
            ("localhost/x", "http://localhost/x"),
            ("dantri.com.vn", "https://dantri.com.vn"),
            // A server on this machine, with its port: plain HTTP.
            ("localhost:8080/a.html", "http://localhost:8080/a.html"),
            ("LOCALHOST:80", "http://LOCALHOST:80"),
            (
                "localhost:8080/login?next=http://x.vn/",
                "http://localhost:8080/login?next=http://x.vn/",
            ),
            (
                "vnexpress.net/a?u=https://b.vn",
                "https://vnexpress.net/a?u=https://b.vn",
            ),
        ] {
            assert_eq!(typed_address(typed), taken, "{typed}");
        }
        for other in [
            "http://x.vn/a",
            "ftp://example.vn/x",
            "localhost:/x",
            "localhost:ab/x",
            "tin tuc.vn/a",
            "./trang.html",
            "/tmp/a.html",
            ".vn/a",
            "x.vn:abc/a",
            "",
        ] {
            assert_eq!(typed_address(other), other, "{other}");
        }
    }

    use super::*;

    #[test]
    fn an_article_address_loses_its_tracking_and_its_place_in_the_page() {
        let cases = [
            (
                "https://vnexpress.net/a-123.html?utm_source=rss&utm_medium=feed",
                "https://vnexpress.net/a-123.html",
            ),
            (
                "https://dantri.com.vn/a.htm?id=7&UTM_Campaign=x&fbclid=IwAR0&page=2",
                "https://dantri.com.vn/a.htm?id=7&page=2",
            ),
            (
                "https://zingnews.vn/b.html?zarsrc=30&utm_source=zalo&utm_medium=zalo&gidzl=ab",
                "https://zingnews.vn/b.html",
            ),
            ("https://a.vn/c.html#comments", "https://a.vn/c.html"),
            (
                "http://a.vn/c.html?q=tin%20m%E1%BB%9Bi+nh%E1%BA%A5t#x",
                "http://a.vn/c.html?q=tin%20m%E1%BB%9Bi+nh%E1%BA%A5t",
            ),
            ("https://a.vn/c.html?", "https://a.vn/c.html"),
            ("HTTPS://A.vn/c?utm_x=1", "https://a.vn/c"),
            // One spelling before the query (an independent review's seven).
            ("https://EXAMPLE.VN/a1.html", "https://example.vn/a1.html"),
            (
                "https://example.vn:443/a1.html",
                "https://example.vn/a1.html",
            ),
            (
                "http://example.vn:80/a1.html?id=2",
                "http://example.vn/a1.html?id=2",
            ),
            (
                "https://example.vn:8443/a1.html",
                "https://example.vn:8443/a1.html",
            ),
            (
                "https://example.vn/./tin/../a1.html",
                "https://example.vn/a1.html",
            ),
            ("https://example.vn/%611.html", "https://example.vn/a1.html"),
            (
                "https://example.vn/%c3%a0%2F.html",
                "https://example.vn/%C3%A0%2F.html",
            ),
            (
                "https://example.vn./a1.html#x",
                "https://example.vn/a1.html",
            ),
            ("https://example.vn", "https://example.vn/"),
            // The query as written, whatever the part before it.
            ("https://A.vn/c?q=A%61&b", "https://a.vn/c?q=A%61&b"),
            // What the parser writes otherwise, whatever the host's case.
            ("https://a.vn/x\\y", "https://a.vn/x/y"),
            ("https://A.vn/x\\y", "https://a.vn/x/y"),
            ("https://a.vn/x{1}", "https://a.vn/x%7B1%7D"),
            // Outside ASCII: as written.
            ("https://A.vn/tin-tức", "https://A.vn/tin-tức"),
            // A script-driven site routes by the fragment: kept.
            (
                "https://app.vn/#/tin/12?utm_source=x",
                "https://app.vn/#/tin/12?utm_source=x",
            ),
            (
                "https://app.vn/?utm_source=x#!/tin/12",
                "https://app.vn/#!/tin/12",
            ),
            // Parameters that only look like tracking stay.
            (
                "https://a.vn/s?utm=1&gclid_x=2&ref=home",
                "https://a.vn/s?utm=1&gclid_x=2&ref=home",
            ),
            // Not a web address: as it was.
            ("urn:uuid:1?utm_source=x#y", "urn:uuid:1?utm_source=x#y"),
            ("https://a.vn/plain.html", "https://a.vn/plain.html"),
        ];
        for (from, want) in cases {
            assert_eq!(canonical(from), want, "{from}");
        }
        assert!(matches!(
            canonical("https://a.vn/plain.html"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn a_feed_address_has_one_spelling() {
        let one = "http://localhost:8761/feedB.xml";
        for other in [
            "http://LOCALHOST:8761/feedB.xml",
            "HTTP://localhost:8761/feedB.xml",
            "http://localhost:8761/feedB.xml#x",
            "http://localhost:8761/feedB.xml#/route",
            "http://localhost:8761/./feedB.xml",
            "http://localhost:8761/rss/../feedB.xml",
            "http://localhost:8761/%66eedB.xml",
            "http://localhost:8761/%2e/feedB.xml",
            one,
        ] {
            assert_eq!(feed_url(other), one, "{other}");
        }
        for (from, want) in [
            // The query is the feed's: kept, utm_* too, its order as given.
            (
                "https://a.vn/rss?utm_source=x&cat=%74in",
                "https://a.vn/rss?utm_source=x&cat=tin",
            ),
            ("https://a.vn:443/rss", "https://a.vn/rss"),
            ("https://a.vn", "https://a.vn/"),
            // Reserved escapes stay escapes, in upper case.
            ("https://a.vn/a%2fb?q=%3d%3D", "https://a.vn/a%2Fb?q=%3D%3D"),
            // Not a web address: as it was.
            ("file:///tmp/a.xml#x", "file:///tmp/a.xml#x"),
            ("not a url", "not a url"),
        ] {
            assert_eq!(feed_url(from), want, "{from}");
        }
        assert!(matches!(feed_url(one), std::borrow::Cow::Borrowed(_)));
    }

    #[test]
    fn feeds_of_one_name_are_told_apart_by_host_then_path_then_id() {
        let feeds = [
            (
                1,
                "Tin mới nhất",
                "https://vnexpress.net/rss/tin-moi-nhat.rss",
            ),
            (
                2,
                "TIN MỚI NHẤT",
                "https://www.e.vnexpress.net/rss/tin-moi-nhat.rss",
            ),
            (3, "Thế giới", "https://dantri.com.vn/rss/the-gioi.rss"),
            (4, "Thế giới", "https://dantri.com.vn/rss/quoc-te.rss"),
            (5, "Dân trí", "file:///tmp/a.xml"),
            (6, "Dân trí", "file:///tmp/a.xml/"),
            (7, "Một mình", "https://a.vn/"),
        ];
        assert_eq!(
            tell_apart(&feeds),
            [
                Some("vnexpress.net".to_string()),
                Some("e.vnexpress.net".to_string()),
                Some("the-gioi.rss".to_string()),
                Some("quoc-te.rss".to_string()),
                Some("feed 5".to_string()),
                Some("feed 6".to_string()),
                None,
            ]
        );
    }

    #[test]
    fn short_urls_keep_the_host_and_the_last_segment() {
        assert_eq!(
            short_url("https://dantri.com.vn/the-gioi/2020/abc.htm"),
            "dantri.com.vn/…/abc.htm"
        );
        assert_eq!(
            short_url("https://www.vnexpress.net/x.html?a=1"),
            "vnexpress.net/x.html"
        );
        assert_eq!(short_url("http://127.0.0.1:8080/"), "127.0.0.1");
        assert_eq!(short_url("not a url"), "not a url");
    }

    #[test]
    fn web_addresses_pass_cleaned() {
        assert_eq!(
            web_url(" https://a.vn/x?y=1 ").unwrap(),
            "https://a.vn/x?y=1"
        );
        assert_eq!(web_url("HTTP://A.vn").unwrap(), "HTTP://A.vn");
        // Escape sequences, BEL and C1 controls come out.
        assert_eq!(
            web_url("https://a.vn/\u{1B}]0;pwned\u{7}rss").unwrap(),
            "https://a.vn/rss"
        );
        assert_eq!(
            web_url("https://a.vn/\u{9B}2Jr\u{9C}").unwrap(),
            "https://a.vn/2Jr"
        );
    }

    #[test]
    fn everything_else_is_refused_with_why() {
        for (input, why) in [
            ("javascript:alert(1)", "only http"),
            ("file:///etc/passwd", "only http"),
            ("--new-window=https://a.vn", "not a web address"),
            ("-https://a.vn", "not a web address"),
            ("ftp://a.vn/f", "only http"),
            ("data:text/html,<b>x</b>", "only http"),
            ("http:a.vn", "expected http"),
            ("http://", "not a web address"),
            ("https://a.vn/a b", "no spaces"),
            ("", "no address"),
            ("\u{1B}[2J", "no address"),
            ("a.vn/rss", "not a web address"),
        ] {
            let e = web_url(input).unwrap_err().to_string();
            assert!(e.contains(why), "{input:?}: {e}");
        }
    }

    #[test]
    fn the_other_scheme_of_a_web_address() {
        let cases = [
            (
                "http://vnexpress.net/a.html",
                Some("https://vnexpress.net/a.html"),
            ),
            (
                "https://vnexpress.net/a.html",
                Some("http://vnexpress.net/a.html"),
            ),
            ("HTTPS://vnexpress.net/đ", Some("http://vnexpress.net/đ")),
            // In its stored form.
            ("Http://x", Some("https://x/")),
            ("http://a.vn:443/x", Some("https://a.vn/x")),
            ("ftp://vnexpress.net/a", None),
            ("file:///tmp/a.html", None),
            ("http:/", None),
        ];
        for (input, want) in cases {
            assert_eq!(other_scheme(input).as_deref(), want, "{input}");
        }
        assert!(is_https("HTTPS://x") && !is_https("http://x") && !is_https("h"));
    }

    #[test]
    fn a_long_address_is_elided_in_its_middle_by_width() {
        use crate::text::width::width;
        let url = "https://vnexpress.net/thoi-su/2024/ten-bai-123.html";
        assert_eq!(elide_url(url, 60), url);
        assert_eq!(
            elide_url(url, 40),
            "https://vnexpress.net/…/ten-bai-123.html"
        );
        let cut = elide_url(url, 20);
        assert!(width(&cut) <= 20 && cut.ends_with("123.html"), "{cut}");
        // Wide and marked letters (an address shown decoded) by their width.
        let vi = "https://báo.vn/tin/thời-sự/北京-bão-số-3-đổ-bộ.html";
        for max in 5..=width(vi) {
            let cut = elide_url(vi, max);
            assert!(width(&cut) <= max, "{max}: {cut}");
            assert!(cut.ends_with(".html") || max < 12, "{max}: {cut}");
        }
    }
}
