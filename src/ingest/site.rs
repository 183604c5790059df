//! The site an article comes from, derived from its URL in one place.
//!
//! The rule: parse with the `url` crate (the WHATWG URL standard), take the
//! host, lower-case it, drop one leading `www.`. So the port, the user info,
//! the path, the query and the case never matter. No site comes back for
//! what has no host: a relative or scheme-less URL (`dantri.com.vn/a` could
//! as well be a file `bai-1.html` beside the page), `mailto:`, `data:`, text
//! that is not a URL. An IP address is its own site (an IPv6
//! one keeps its brackets, as the URL crate writes it). An international
//! domain name is shown as it is written (`báo.vn`), not in the punycode the
//! URL carries (`xn--bo-mia.vn`): the site is shown to readers.

/// `https://user@WWW.Dantri.com.vn:443/a/b?x` → `dantri.com.vn`; `None` when
/// the URL has no host.
pub fn site_of(url: &str) -> Option<String> {
    let parsed = url::Url::parse(url.trim()).ok()?;
    let host = match parsed.host()? {
        url::Host::Domain(d) => idna::domain_to_unicode(d).0.to_lowercase(),
        other => other.to_string(),
    };
    let site = host.strip_prefix("www.").unwrap_or(&host);
    (!site.is_empty()).then(|| site.to_string())
}

#[cfg(test)]
mod tests {
    use super::site_of;

    #[test]
    fn sites_from_urls() {
        let table: &[(&str, Option<&str>)] = &[
            // The cases the parsers met before this function.
            ("https://www.Dantri.com.vn:443/a/b?x", Some("dantri.com.vn")),
            ("http://baomoi.com/a", Some("baomoi.com")),
            ("not a url", None),
            // Case, port, user info, "www." (once only).
            ("HTTPS://VNEXPRESS.NET/Thoi-Su", Some("vnexpress.net")),
            ("https://vnexpress.net:8443/x", Some("vnexpress.net")),
            ("https://user:secret@www.nld.com.vn/a", Some("nld.com.vn")),
            ("https://www.www.a.vn/", Some("www.a.vn")),
            ("https://www2.a.vn/", Some("www2.a.vn")),
            ("https://wwwa.vn/", Some("wwwa.vn")),
            ("http://localhost:8080/feed", Some("localhost")),
            // No host: nothing.
            ("mailto:toasoan@dantri.com.vn", None),
            ("data:text/plain,hello", None),
            ("/thoi-su/bai-1.html", None),
            ("./thoi-su/bai-1.html", None),
            ("bai-1.html?x=1", None),
            ("dantri.com.vn/bai-1.html", None),
            ("", None),
            // IP addresses are their own site.
            ("http://127.0.0.1:8080/a", Some("127.0.0.1")),
            ("http://[::1]:8080/a", Some("[::1]")),
            // IDN: as written, whichever way the URL holds it.
            ("https://www.Bücher.example/", Some("bücher.example")),
            ("https://báo.vn/a", Some("báo.vn")),
            ("https://xn--bo-mia.vn/a", Some("báo.vn")),
        ];
        for (url, want) in table {
            assert_eq!(site_of(url).as_deref(), *want, "{url:?}");
        }
    }
}
