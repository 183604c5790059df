//! The cookies of one fetch.

/// The cookies the redirects of one fetch set, sent back to the host that
/// set them until the fetch ends (never kept): a site that sets a cookie and
/// redirects to itself (an anti-bot front) was met as "a redirect loop?"
/// (an independent review's find). A cookie goes to the host that set it
/// only, whatever its `Domain`; a `Secure` one over https only; one set to
/// expire (`Max-Age=0`, an `Expires` past) is dropped.
#[derive(Default)]
pub(super) struct Cookies(Vec<Cookie>);

struct Cookie {
    host: String,
    name: String,
    value: String,
    secure: bool,
    /// Sent to the paths under this one only (`Path`, else "/").
    path: String,
}

impl Cookies {
    fn host(url: &str) -> Option<String> {
        url::Url::parse(url)
            .ok()?
            .host_str()
            .map(str::to_ascii_lowercase)
    }

    /// The `Set-Cookie` headers of an answer from `url`: each one's name and
    /// value, replacing the one of that name the host set before.
    pub(super) fn take<'h>(
        &mut self,
        url: &str,
        headers: impl Iterator<Item = &'h ureq::http::HeaderValue>,
    ) {
        let Some(host) = Cookies::host(url) else {
            return;
        };
        for header in headers {
            let Ok(text) = header.to_str() else { continue };
            let mut parts = text.split(';');
            let pair = parts.next().unwrap_or_default();
            let Some((name, value)) = pair.split_once('=') else {
                continue;
            };
            let (name, value) = (name.trim(), value.trim());
            if name.is_empty() || name.contains(|c: char| c.is_control()) {
                continue;
            }
            let (mut secure, mut expired, mut path) = (false, false, "/".to_string());
            for attr in parts {
                let (key, val) = attr.split_once('=').unwrap_or((attr, ""));
                match key.trim().to_ascii_lowercase().as_str() {
                    "secure" => secure = true,
                    "path" if val.trim().starts_with('/') => path = val.trim().to_string(),
                    "max-age" => expired |= val.trim().parse::<i64>().is_ok_and(|n| n <= 0),
                    // "Thu, 01-Jan-1970 00:00:00 GMT" as cookies write it.
                    "expires" => {
                        expired |=
                            chrono::DateTime::parse_from_rfc2822(&val.trim().replace('-', " "))
                                .is_ok_and(|t| t.timestamp() <= chrono::Utc::now().timestamp())
                    }
                    _ => {}
                }
            }
            self.0.retain(|c| !(c.host == host && c.name == name));
            if !expired {
                self.0.push(Cookie {
                    host: host.clone(),
                    name: name.to_string(),
                    value: value.to_string(),
                    secure,
                    path,
                });
            }
        }
    }

    /// The `Cookie` header for a request to `url`, if its host set any.
    pub(super) fn header_for(&self, url: &str) -> Option<String> {
        let parsed = url::Url::parse(url).ok()?;
        let host = parsed.host_str()?.to_ascii_lowercase();
        let https = parsed.scheme() == "https";
        // RFC 6265's path-match: the path itself, or one below it.
        let under = |p: &str| {
            let path = parsed.path();
            path == p
                || path.starts_with(p) && (p.ends_with('/') || path[p.len()..].starts_with('/'))
        };
        let pairs: Vec<String> = (self.0.iter())
            .filter(|c| c.host == host && (https || !c.secure) && under(&c.path))
            .map(|c| format!("{}={}", c.name, c.value))
            .collect();
        (!pairs.is_empty()).then(|| pairs.join("; "))
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn cookies_go_back_to_their_host_unless_secure_over_http_or_expired() {
        use super::Cookies;
        let set = |v: &[&'static str]| -> Vec<ureq::http::HeaderValue> {
            v.iter()
                .map(|s| ureq::http::HeaderValue::from_static(s))
                .collect()
        };
        let mut jar = Cookies::default();
        jar.take(
            "https://bao.vn/a",
            set(&[
                "sid=1; Secure; HttpOnly",
                "lang=vi; Path=/",
                "old=x; Max-Age=0",
            ])
            .iter(),
        );
        assert_eq!(
            jar.header_for("https://bao.vn/b").as_deref(),
            Some("sid=1; lang=vi")
        );
        assert_eq!(
            jar.header_for("http://bao.vn/b").as_deref(),
            Some("lang=vi")
        );
        assert_eq!(jar.header_for("https://khac.vn/"), None);
        // Deleted as cookies delete one: an expiry past, or Max-Age 0.
        jar.take(
            "https://bao.vn/b",
            set(&[
                "lang=; Expires=Thu, 01-Jan-1970 00:00:00 GMT",
                "sid=2; Max-Age=600; Secure",
            ])
            .iter(),
        );
        assert_eq!(jar.header_for("https://bao.vn/c").as_deref(), Some("sid=2"));
        // A `Path`: the paths under it only.
        jar.take("https://bao.vn/a", set(&["p=1; Path=/tin"]).iter());
        assert_eq!(
            jar.header_for("https://bao.vn/tin/a.html").as_deref(),
            Some("sid=2; p=1")
        );
        assert_eq!(
            jar.header_for("https://bao.vn/tin").as_deref(),
            Some("sid=2; p=1")
        );
        assert_eq!(
            jar.header_for("https://bao.vn/tinh").as_deref(),
            Some("sid=2")
        );
        assert_eq!(
            jar.header_for("https://bao.vn/other").as_deref(),
            Some("sid=2")
        );
    }
}
