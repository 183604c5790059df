//! Fetching over HTTP(S) with ureq (blocking, rustls, small): redirects (at
//! most 10), a 10 s connect timeout and a total one (30 s unless told), a
//! size cap (10 MiB for a page, 32 MiB for a feed: [`Body`]), gzip, a clear
//! User-Agent, proxies from the environment, conditional GET. Every error names the URL and says what went wrong.

use std::io::Read;
use std::time::Duration;

use crate::model::Validators;
use crate::text::{clean, web_url};

mod cookies;
use cookies::Cookies;

/// A page's answer is read up to this size.
pub const MAX_BODY: u64 = 10 * 1024 * 1024;
/// A feed's: as a file import (`import`, `feed add file://`), since a
/// feed that carries whole articles is larger than any page.
pub const MAX_FEED_BODY: u64 = crate::ingest::MAX_FILE_BYTES as u64;

/// What an answer is expected to be: it sets the size read, and names it
/// in the message when the answer is larger.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Body {
    Page,
    Feed,
}

impl Body {
    pub fn limit(self) -> u64 {
        match self {
            Body::Page => MAX_BODY,
            Body::Feed => MAX_FEED_BODY,
        }
    }
}

impl std::fmt::Display for Body {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Body::Page => "page",
            Body::Feed => "feed",
        })
    }
}
/// Redirects followed, each checked: only to another http(s) address.
pub const MAX_REDIRECTS: usize = 10;
/// Header values longer than this are not used.
const MAX_HEADER_VALUE: usize = 1024;
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);
pub const USER_AGENT: &str = concat!(
    "docbao/",
    env!("CARGO_PKG_VERSION"),
    " (terminal news reader; +https://crates.io/crates/docbao)"
);

#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    #[error("{url}: HTTP {status}{}", reason(*status, retry.as_deref()))]
    Status {
        url: String,
        status: u16,
        /// When the server said to try again (`Retry-After`), in words.
        retry: Option<String>,
        /// The same, as a time (seconds since the Unix epoch): an update
        /// does not ask again before it ([`crate::jobs::feeds`]).
        retry_at: Option<i64>,
    },
    #[error("{url}: no answer within {secs} s (timed out)")]
    Timeout { url: String, secs: u64 },
    #[error(
        "{url}: the {body} did not finish downloading within {secs} s (the server sends it too slowly)"
    )]
    Unfinished { url: String, secs: u64, body: Body },
    #[error("{url}: cannot connect ({detail})")]
    Connect { url: String, detail: String },
    /// It connected, and the server closed the connection without an answer.
    #[error("{url}: the server closed the connection without answering")]
    Dropped { url: String },
    #[error("{url}: more than {MAX_REDIRECTS} redirects (a redirect loop?)")]
    Redirects { url: String },
    #[error("{url}: redirected to {to}, which docbao does not follow ({why})")]
    BadRedirect {
        url: String,
        to: String,
        why: String,
    },
    #[error(
        "{url}: the {body} is larger than {} MiB, docbao's limit for a {body}",
        body.limit() / (1024 * 1024)
    )]
    TooLarge { url: String, body: Body },
    /// A page asked for (`add`) that is a feed past a page's limit: said to
    /// be a feed, as a smaller one is, not "larger than 10 MiB" (an
    /// independent review's find: a 17 MB feed).
    #[error("{url}: is a feed, not a web page: to subscribe to it, use `docbao feed add {url}`")]
    FeedNotPage { url: String },
    #[error("{url}: not a web address docbao can fetch ({detail})")]
    BadUrl { url: String, detail: String },
    /// No secure connection: the certificate, or a server that does not
    /// speak TLS at this address (plain HTTP answered an https:// one).
    #[error("{url}: no secure connection ({detail})")]
    Tls { url: String, detail: String },
    #[error("{url}: {detail}")]
    Other { url: String, detail: String },
}

/// An address as it is sent: characters outside ASCII percent-encoded in
/// UTF-8 and a host's in Punycode, as a browser sends them
/// (`/tiếng-việt.html` is `/ti%E1%BA%BFng-vi%E1%BB%87t.html`). Sent raw
/// before, such an address met a 400 or a 404 from servers that follow RFC
/// 3986 (an independent review's find). Messages name the address as
/// written.
fn on_the_wire(url: &str) -> std::borrow::Cow<'_, str> {
    if url.is_ascii() {
        return std::borrow::Cow::Borrowed(url);
    }
    match url::Url::parse(url) {
        Ok(u) => std::borrow::Cow::Owned(u.to_string()),
        Err(_) => std::borrow::Cow::Borrowed(url),
    }
}

fn reason(status: u16, retry: Option<&str>) -> String {
    let later = |what: &str| match retry {
        Some(when) => format!(" ({what}: try again {when})"),
        None => format!(" ({what}: try later)"),
    };
    match status {
        // Only when it names no address to go to: those that do are followed.
        301 | 302 | 303 | 307 | 308 => " (a redirect that names no address to go to)".into(),
        401 | 403 => " (access denied)".into(),
        404 => " (not found)".into(),
        410 => " (gone)".into(),
        429 => later("too many requests"),
        503 => later("a server error, unavailable for now"),
        500..=599 => " (a server error)".into(),
        _ => String::new(),
    }
}

/// A `Retry-After` value in words: "in 1 hour", "in 5 minutes", "in 30 s",
/// or "after" its date as the server wrote it.
fn retry_after(value: &str) -> Option<String> {
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    let Ok(secs) = value.parse::<u64>() else {
        return Some(format!("after {value}"));
    };
    let (n, unit) = match secs {
        0..=90 => (secs, "s"),
        91..=3599 => (secs.div_ceil(60), "minute"),
        3600..=86_399 => (secs.div_ceil(3600), "hour"),
        _ => (secs.div_ceil(86_400), "day"),
    };
    Some(match (n, unit) {
        (n, "s") => format!("in {n} s"),
        (1, unit) => format!("in 1 {unit}"),
        (n, unit) => format!("in {n} {unit}s"),
    })
}

/// A `Retry-After` value as a time (seconds since the Unix epoch): its
/// seconds from now, or its HTTP date.
fn retry_at(value: &str) -> Option<i64> {
    let value = value.trim();
    if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        // Too many digits for a number is a very long time, not none.
        let secs = value.parse::<u64>().unwrap_or(u64::MAX);
        let secs = i64::try_from(secs).unwrap_or(i64::MAX);
        return Some(chrono::Utc::now().timestamp().saturating_add(secs));
    }
    chrono::DateTime::parse_from_rfc2822(value)
        .ok()
        .map(|t| t.timestamp())
}

/// What a feed's request accepts: the feed types first, any other last.
const FEED_ACCEPT: &str = "application/rss+xml, application/atom+xml, application/feed+json, \
     application/rdf+xml;q=0.9, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8";

/// Whether an I/O error of this kind is the connection ended early by the
/// other side.
fn ended_early(kind: std::io::ErrorKind) -> bool {
    use std::io::ErrorKind::{BrokenPipe, ConnectionAborted, ConnectionReset, UnexpectedEof};
    matches!(
        kind,
        UnexpectedEof | ConnectionReset | ConnectionAborted | BrokenPipe
    )
}

/// Whether reading failed because the connection ended early: the error's
/// own kind, or that of the I/O error ureq wraps.
fn cut_short(e: &std::io::Error) -> bool {
    match e.get_ref().and_then(|i| i.downcast_ref::<ureq::Error>()) {
        Some(ureq::Error::Io(io)) => ended_early(io.kind()),
        Some(_) => false,
        None => ended_early(e.kind()),
    }
}

/// A size in words: "812 bytes", "38 KiB".
fn kib(n: usize) -> String {
    if n < 1024 {
        format!("{n} bytes")
    } else {
        format!("{} KiB", n / 1024)
    }
}

/// What came back.
#[derive(Debug, Clone, Default)]
pub struct Fetched {
    /// The URL after redirects.
    pub url: String,
    pub content_type: Option<String>,
    /// The `charset` parameter of Content-Type, if any.
    pub charset: Option<String>,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    pub body: Vec<u8>,
    /// 304: unchanged since the validators given.
    pub not_modified: bool,
    /// Where the address asked for has moved for good: the end of the run
    /// of permanent redirects (301, 308) it starts with. `None` when there
    /// was no redirect or the first was temporary (302, 303, 307).
    pub moved_to: Option<String>,
}

#[derive(Clone)]
pub struct Fetcher {
    agent: ureq::Agent,
    timeout: Duration,
}

impl Fetcher {
    pub fn new(timeout: Duration) -> Fetcher {
        let config = ureq::Agent::config_builder()
            .timeout_connect(Some(CONNECT_TIMEOUT.min(timeout)))
            .timeout_global(Some(timeout))
            // Redirects are followed by `get`, which checks where each goes.
            .max_redirects(0)
            .user_agent(USER_AGENT)
            .proxy(ureq::Proxy::try_from_env())
            .http_status_as_error(false)
            .build();
        Fetcher {
            agent: ureq::Agent::new_with_config(config),
            timeout,
        }
    }

    /// GET the page at `url`; with validators (sent to `url` only, not to
    /// where it redirects), a 304 comes back as `not_modified`.
    pub fn get(&self, url: &str, validators: Option<&Validators>) -> Result<Fetched, FetchError> {
        self.get_body(url, validators, Body::Page)
    }

    /// [`Fetcher::get`] for a feed: read up to [`MAX_FEED_BODY`].
    pub fn get_feed(
        &self,
        url: &str,
        validators: Option<&Validators>,
    ) -> Result<Fetched, FetchError> {
        self.get_body(url, validators, Body::Feed)
    }

    fn get_body(
        &self,
        url: &str,
        validators: Option<&Validators>,
        body: Body,
    ) -> Result<Fetched, FetchError> {
        let mut current = web_url(url).map_err(|why| FetchError::BadUrl {
            url: clean(url),
            detail: why.to_string(),
        })?;
        // Follow redirects here, not in ureq: a `Location` of `file:///…` or
        // `javascript:` is refused, not requested as a path on the server.
        let mut redirects = 0;
        let (mut moved_to, mut permanent) = (None, true);
        let mut cookies = Cookies::default();
        let resp = loop {
            let mut req = self
                .agent
                .get(on_the_wire(&current).as_ref())
                .header("Accept-Encoding", "gzip");
            if let Some(cookie) = cookies.header_for(&current) {
                req = req.header("Cookie", cookie);
            }
            // A feed is asked for as one: a few servers answer the site's
            // page to `*/*` and the feed to a feed's type.
            if body == Body::Feed {
                req = req.header("Accept", FEED_ACCEPT);
            }
            // Validators are the address asked for's: never sent on to
            // where it redirects (that server's copy may be older).
            if let Some(v) = validators.filter(|_| redirects == 0) {
                if let Some(e) = &v.etag {
                    req = req.header("If-None-Match", e);
                }
                if let Some(m) = &v.last_modified {
                    req = req.header("If-Modified-Since", m);
                }
            }
            let resp = req.call().map_err(|e| self.map_error(url, e))?;
            let status = resp.status().as_u16();
            let location = matches!(status, 301 | 302 | 303 | 307 | 308)
                .then(|| resp.headers().get("location"))
                .flatten();
            let Some(location) = location else { break resp };
            cookies.take(&current, resp.headers().get_all("set-cookie").iter());
            if redirects == MAX_REDIRECTS {
                return Err(FetchError::Redirects {
                    url: url.to_string(),
                });
            }
            redirects += 1;
            // Header bytes outside visible ASCII are shown, lossily, cleaned.
            let location = clean(&String::from_utf8_lossy(location.as_bytes()));
            current =
                redirect_target(&current, &location).map_err(|why| FetchError::BadRedirect {
                    url: url.to_string(),
                    to: location.clone(),
                    why,
                })?;
            permanent &= matches!(status, 301 | 308);
            if permanent {
                moved_to = Some(current.clone());
            }
        };
        let mut out = self.finish(url, current, resp, body)?;
        out.moved_to = moved_to;
        Ok(out)
    }

    /// POST a form to `url` (an API call): no redirect is followed (one
    /// comes back as its HTTP status), the answer is read as `get` reads a
    /// page.
    pub fn post_form(&self, url: &str, form: &[(&str, &str)]) -> Result<Fetched, FetchError> {
        let current = web_url(url).map_err(|why| FetchError::BadUrl {
            url: clean(url),
            detail: why.to_string(),
        })?;
        let resp = self
            .agent
            .post(on_the_wire(&current).as_ref())
            .header("Accept-Encoding", "gzip")
            .send_form(form.iter().copied())
            .map_err(|e| self.map_error(url, e))?;
        self.finish(url, current, resp, Body::Page)
    }

    /// The status, headers and body (up to `body`'s limit) of a response.
    fn finish(
        &self,
        url: &str,
        current: String,
        mut resp: ureq::http::Response<ureq::Body>,
        body: Body,
    ) -> Result<Fetched, FetchError> {
        let err = |detail: String| FetchError::Other {
            url: url.to_string(),
            detail,
        };
        let status = resp.status().as_u16();
        let header = |name: &str| header_text(resp.headers().get(name));
        let mut out = Fetched {
            url: current.clone(),
            content_type: header("content-type"),
            etag: header("etag"),
            last_modified: header("last-modified"),
            ..Fetched::default()
        };
        out.charset = out
            .content_type
            .as_deref()
            .and_then(charset_of)
            .filter(|c| is_charset_label(c));
        if status == 304 {
            out.not_modified = true;
            return Ok(out);
        }
        if !(200..300).contains(&status) {
            return Err(FetchError::Status {
                url: url.to_string(),
                status,
                retry: header("retry-after").as_deref().and_then(retry_after),
                retry_at: header("retry-after").as_deref().and_then(retry_at),
            });
        }
        // Read one byte past the cap to tell "exactly 10 MiB" from "more".
        let mut bytes = Vec::new();
        let read = resp
            .body_mut()
            .as_reader()
            .take(body.limit() + 1)
            .read_to_end(&mut bytes);
        read.map_err(|e| {
            // Cut short: said so, with how much came ("Peer disconnected"
            // was all it said, of a feed "reading the page failed").
            let closed = err(format!(
                "the connection closed before the whole {body} came ({} read)",
                kib(bytes.len())
            ));
            if cut_short(&e) {
                return closed;
            }
            match self.map_io(url, e) {
                Some(FetchError::TooLarge { url, .. }) => FetchError::TooLarge { url, body },
                // It answered: the rest was too slow to come.
                Some(FetchError::Timeout { url, secs }) => {
                    FetchError::Unfinished { url, secs, body }
                }
                Some(FetchError::Dropped { .. }) | None => closed,
                // Anything else (a body that is no gzip, a broken chunk) as
                // it is.
                Some(fe) => fe,
            }
        })?;
        if bytes.len() as u64 > body.limit() {
            let start = &bytes[..bytes.len().min(64 * 1024)];
            if body == Body::Page && crate::ingest::detect("", start) == crate::ingest::Format::Feed
            {
                return Err(FetchError::FeedNotPage {
                    url: url.to_string(),
                });
            }
            return Err(FetchError::TooLarge {
                url: url.to_string(),
                body,
            });
        }
        out.body = bytes;
        Ok(out)
    }

    fn map_io(&self, url: &str, e: std::io::Error) -> Option<FetchError> {
        if let Some(inner) = e.get_ref().and_then(|i| i.downcast_ref::<ureq::Error>()) {
            return Some(self.map_error_ref(url, inner));
        }
        match e.kind() {
            std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock => {
                Some(FetchError::Timeout {
                    url: url.to_string(),
                    secs: self.timeout.as_secs(),
                })
            }
            _ => Some(FetchError::Other {
                url: url.to_string(),
                detail: format!("reading the page failed: {e}"),
            }),
        }
    }

    fn map_error(&self, url: &str, e: ureq::Error) -> FetchError {
        self.map_error_ref(url, &e)
    }

    fn map_error_ref(&self, url: &str, e: &ureq::Error) -> FetchError {
        let url = url.to_string();
        match e {
            ureq::Error::StatusCode(status) => FetchError::Status {
                url,
                status: *status,
                retry: None,
                retry_at: None,
            },
            ureq::Error::Timeout(_) => FetchError::Timeout {
                url,
                secs: self.timeout.as_secs(),
            },
            ureq::Error::TooManyRedirects | ureq::Error::RedirectFailed => {
                FetchError::Redirects { url }
            }
            ureq::Error::BodyExceedsLimit(_) => FetchError::TooLarge {
                url,
                body: Body::Page,
            },
            ureq::Error::HostNotFound => FetchError::Connect {
                url,
                detail: "host not found".into(),
            },
            ureq::Error::ConnectionFailed => FetchError::Connect {
                url,
                detail: "connection failed".into(),
            },
            ureq::Error::BadUri(d) => FetchError::BadUrl {
                url,
                detail: d.clone(),
            },
            ureq::Error::Io(io) => match io.kind() {
                std::io::ErrorKind::ConnectionRefused => FetchError::Connect {
                    url,
                    detail: "connection refused".into(),
                },
                std::io::ErrorKind::TimedOut => FetchError::Timeout {
                    url,
                    secs: self.timeout.as_secs(),
                },
                // What rustls says of a handshake that failed (a server
                // speaking plain HTTP at an https:// address, a certificate).
                std::io::ErrorKind::InvalidData if url.starts_with("https://") => FetchError::Tls {
                    url,
                    detail: io.to_string(),
                },
                // It connected: "cannot connect (Peer disconnected)" was
                // not so.
                kind if ended_early(kind) => FetchError::Dropped { url },
                _ => FetchError::Connect {
                    url,
                    detail: io.to_string(),
                },
            },
            ureq::Error::Rustls(e) => FetchError::Tls {
                url,
                detail: e.to_string(),
            },
            ureq::Error::Tls(d) => FetchError::Tls {
                url,
                detail: d.to_string(),
            },
            other => FetchError::Other {
                url,
                detail: other.to_string(),
            },
        }
    }
}

/// The client both faces use: `timeout_secs` from the command line, else
/// [`DEFAULT_TIMEOUT`].
pub fn default_fetcher(timeout_secs: Option<u64>) -> Fetcher {
    Fetcher::new(timeout_secs.map_or(DEFAULT_TIMEOUT, Duration::from_secs))
}

/// Where a redirect from `from` to `location` (absolute or relative) goes:
/// another http(s) address, or why not.
fn redirect_target(from: &str, location: &str) -> Result<String, String> {
    let base = url::Url::parse(from).map_err(|e| e.to_string())?;
    let to = base
        .join(location)
        .map_err(|e| format!("not a web address: {e}"))?;
    web_url(to.as_str()).map_err(|e| e.to_string())
}

/// A header value as docbao uses it: only visible ASCII (what `to_str`
/// lets through: no control character can come out), cleaned, at most
/// [`MAX_HEADER_VALUE`] bytes, not empty.
fn header_text(value: Option<&ureq::http::HeaderValue>) -> Option<String> {
    let v = clean(value?.to_str().ok()?);
    (!v.is_empty() && v.len() <= MAX_HEADER_VALUE).then_some(v)
}

/// A charset label is a token: letters, digits, `-_.:()+`, at most 40 long.
fn is_charset_label(label: &str) -> bool {
    label.len() <= 40
        && label
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_.:()+".contains(c))
}

/// `text/html; charset=windows-1258` → `windows-1258`.
pub fn charset_of(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        (k.trim().eq_ignore_ascii_case("charset"))
            .then(|| v.trim().trim_matches('"').trim_matches('\'').to_string())
            .filter(|v| !v.is_empty())
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn retry_after_as_a_time() {
        use super::retry_at;
        let now = chrono::Utc::now().timestamp();
        let at = |v: &str| retry_at(v).map(|t| t - now);
        assert!(at("3600").is_some_and(|d| (3599..=3601).contains(&d)));
        // Too long for a number: as long as can be, not no wait at all.
        assert!(at("99999999999999999999").is_some_and(|d| d > 1 << 40));
        assert_eq!(
            retry_at("Wed, 21 Oct 2015 07:28:00 GMT"),
            Some(1_445_412_480)
        );
        assert_eq!(retry_at("-5"), None);
        assert_eq!(retry_at("soon"), None);
    }

    #[test]
    fn retry_after_in_words() {
        use super::retry_after;
        assert_eq!(retry_after("3600").as_deref(), Some("in 1 hour"));
        assert_eq!(retry_after("7200").as_deref(), Some("in 2 hours"));
        assert_eq!(retry_after("120").as_deref(), Some("in 2 minutes"));
        assert_eq!(retry_after("30").as_deref(), Some("in 30 s"));
        assert_eq!(retry_after("86400").as_deref(), Some("in 1 day"));
        assert_eq!(
            retry_after("Wed, 21 Oct 2026 07:28:00 GMT").as_deref(),
            Some("after Wed, 21 Oct 2026 07:28:00 GMT")
        );
        assert_eq!(retry_after(" "), None);
    }

    use super::*;

    #[test]
    fn charset_is_read_from_content_type() {
        assert_eq!(
            charset_of("text/html; charset=windows-1258").as_deref(),
            Some("windows-1258")
        );
        assert_eq!(
            charset_of("text/xml;Charset=\"UTF-8\"").as_deref(),
            Some("UTF-8")
        );
        assert_eq!(charset_of("text/html"), None);
    }

    #[test]
    fn redirects_go_only_to_web_addresses() {
        let from = "https://a.vn/rss/x.xml";
        assert_eq!(
            redirect_target(from, "/y.xml").unwrap(),
            "https://a.vn/y.xml"
        );
        assert_eq!(
            redirect_target(from, "z.xml").unwrap(),
            "https://a.vn/rss/z.xml"
        );
        assert_eq!(
            redirect_target(from, "http://b.vn/").unwrap(),
            "http://b.vn/"
        );
        for to in [
            "file:///etc/passwd",
            "javascript:alert(1)",
            "ftp://a.vn/x",
            "data:,x",
        ] {
            let e = redirect_target(from, to).unwrap_err();
            assert!(e.starts_with("only http"), "{to}: {e}");
        }
    }

    #[test]
    fn header_values_are_checked() {
        let v = |s: &str| ureq::http::HeaderValue::from_str(s).unwrap();
        assert_eq!(
            header_text(Some(&v(" \"abc\" "))).as_deref(),
            Some("\"abc\"")
        );
        assert_eq!(header_text(Some(&v(""))), None);
        assert_eq!(header_text(Some(&v(&"x".repeat(2000)))), None);
        // Bytes outside visible ASCII are not used at all.
        let raw = ureq::http::HeaderValue::from_bytes(b"t\xE9xt").unwrap();
        assert_eq!(header_text(Some(&raw)), None);
        assert!(is_charset_label("windows-1258") && is_charset_label("ISO_8859-1:1987"));
        assert!(!is_charset_label("utf-8\"><script>") && !is_charset_label("a b"));
    }

    #[test]
    fn only_web_addresses() {
        let f = Fetcher::new(Duration::from_secs(1));
        let e = f.get("file:///etc/passwd", None).unwrap_err();
        assert!(e.to_string().contains("only http"), "{e}");
    }
}
