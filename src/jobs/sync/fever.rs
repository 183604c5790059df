//! The Fever API, as the servers people run speak it: every call is a POST
//! of `api_key` (md5 of "email:password") to `ENDPOINT?api&COMMAND`, and
//! the answer is a JSON object with `api_version` and `auth`.
//!
//! What differs between servers, and is taken here:
//! - ids (items, feeds, groups) are JSON numbers (Miniflux, coldsweat) or
//!   numeric strings (FreshRSS: 64-bit ids, FreshRSS issue 6716);
//! - `api_version`, `auth`, `is_read`, `is_saved`, `created_on_time` may be
//!   numbers, numeric strings or booleans (FreshRSS wrote
//!   `last_refreshed_on_time` as a string, issue 2940; the Tiny Tiny RSS
//!   plugin does, its issue 13);
//! - `unread_item_ids` and `saved_item_ids` are a comma-separated string
//!   (the specification), an empty string, or a JSON array (stringer wrote
//!   one before its pull request 158);
//! - the key goes in the POST body only (coldsweat reads no other place),
//!   and `?api` must be in the address (coldsweat answers 400 without it);
//! - `items&since_id=` pages hold at most 50 items and need not be in order:
//!   the next page starts after the highest id seen, never the last one.

use std::collections::HashSet;

use serde_json::Value;

use crate::jobs::http::{FetchError, Fetcher};
use crate::text::clean;

/// Why a sync could not talk to the server, by cause.
#[derive(Debug, thiserror::Error)]
pub enum FeverError {
    #[error(
        "{url}: the server refused the key (auth=0): check the email and password (`docbao sync add`)"
    )]
    BadKey { url: String },
    #[error("{url}: the server cannot be reached ({detail})")]
    Unreachable { url: String, detail: String },
    #[error(
        "{url}: not a Fever API endpoint ({why}); FreshRSS's is …/api/fever.php, Miniflux's …/fever/, coldsweat's …/fever"
    )]
    NotFever { url: String, why: String },
    #[error("{url}: {detail}")]
    Failed { url: String, detail: String },
}

/// The Fever API key of an account: md5("email:password"), in hex.
pub fn api_key(email: &str, password: &str) -> String {
    use md5::{Digest, Md5};
    let digest = Md5::digest(format!("{email}:{password}").as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// The endpoint as it is called: without a query (`?api` is added to each
/// call) or fragment.
pub fn endpoint(url: &str) -> String {
    let s = url.trim();
    let s = s.split('#').next().unwrap_or(s);
    s.split('?').next().unwrap_or(s).to_string()
}

/// One Fever server, one account.
pub struct Fever<'a> {
    fetcher: &'a Fetcher,
    endpoint: String,
    key: String,
}

/// A feed on the server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerFeed {
    pub id: i64,
    pub title: Option<String>,
    pub url: String,
}

/// An item on the server, as sent.
#[derive(Debug, Clone, PartialEq)]
pub struct ServerItem {
    pub id: i64,
    pub feed_id: i64,
    pub title: String,
    pub author: String,
    pub html: String,
    pub url: String,
    pub created_on_time: Option<i64>,
}

impl<'a> Fever<'a> {
    pub fn new(fetcher: &'a Fetcher, url: &str, key: &str) -> Fever<'a> {
        Fever {
            fetcher,
            endpoint: endpoint(url),
            key: key.to_string(),
        }
    }

    pub fn endpoint(&self) -> &str {
        &self.endpoint
    }

    /// One call: `command` is what follows `?api&`, `form` the fields
    /// posted with the key. The answer is checked: JSON, with an
    /// `api_version`, and `auth` 1.
    fn call(&self, command: &str, form: &[(&str, &str)]) -> Result<Value, FeverError> {
        let url = if command.is_empty() {
            format!("{}?api", self.endpoint)
        } else {
            format!("{}?api&{command}", self.endpoint)
        };
        let mut fields = vec![("api_key", self.key.as_str())];
        fields.extend_from_slice(form);
        let shown = clean(&self.endpoint);
        let got = self
            .fetcher
            .post_form(&url, &fields)
            .map_err(|e| classify(&shown, e))?;
        let value: Value = serde_json::from_slice(&got.body).map_err(|e| FeverError::NotFever {
            url: shown.clone(),
            why: format!("the answer is not JSON: {e}"),
        })?;
        if value.get("api_version").is_none() {
            return Err(FeverError::NotFever {
                url: shown,
                why: "the answer has no api_version".into(),
            });
        }
        if number(value.get("auth")) != Some(1) {
            return Err(FeverError::BadKey { url: shown });
        }
        Ok(value)
    }

    /// Check the endpoint and the key; returns the API version.
    pub fn check(&self) -> Result<i64, FeverError> {
        let v = self.call("", &[])?;
        Ok(number(v.get("api_version")).unwrap_or(0))
    }

    pub fn feeds(&self) -> Result<Vec<ServerFeed>, FeverError> {
        let v = self.call("feeds", &[])?;
        let Some(feeds) = v.get("feeds").and_then(Value::as_array) else {
            return Err(self.malformed("the feeds answer has no feeds"));
        };
        Ok(feeds
            .iter()
            .filter_map(|f| {
                Some(ServerFeed {
                    id: number(f.get("id"))?,
                    title: f.get("title").and_then(Value::as_str).map(str::to_string),
                    url: f.get("url").and_then(Value::as_str)?.to_string(),
                })
            })
            .collect())
    }

    /// Up to 50 items with ids above `since_id`, and how many items of the
    /// page had no id or feed id that reads as a number (left out).
    pub fn items_since(&self, since_id: i64) -> Result<(Vec<ServerItem>, usize), FeverError> {
        let v = self.call(&format!("items&since_id={since_id}"), &[])?;
        match v.get("items") {
            Some(Value::Array(items)) => Ok(parse_items(items)),
            // Some servers leave the member out when there is nothing new.
            None | Some(Value::Null) => Ok((Vec::new(), 0)),
            Some(_) => Err(self.malformed("items is not a list")),
        }
    }

    /// The ids of the unread items, and of the saved ones.
    pub fn states(&self) -> Result<(HashSet<i64>, HashSet<i64>), FeverError> {
        let v = self.call("unread_item_ids&saved_item_ids", &[])?;
        let unread = id_list(v.get("unread_item_ids"))
            .ok_or_else(|| self.malformed("no unread_item_ids in the answer"))?;
        let saved = id_list(v.get("saved_item_ids"))
            .ok_or_else(|| self.malformed("no saved_item_ids in the answer"))?;
        Ok((unread, saved))
    }

    /// `mark=item&as=…&id=…`. An item the server no longer has (HTTP 404,
    /// as coldsweat answers) is `Ok(false)`: there is nothing to mark.
    pub fn mark_item(&self, id: i64, mark: &str) -> Result<bool, FeverError> {
        let id = id.to_string();
        match self.call("", &[("mark", "item"), ("as", mark), ("id", &id)]) {
            Ok(_) => Ok(true),
            Err(FeverError::NotFever { why, .. }) if why.contains("HTTP 404") => Ok(false),
            Err(e) => Err(e),
        }
    }

    fn malformed(&self, why: &str) -> FeverError {
        FeverError::NotFever {
            url: clean(&self.endpoint),
            why: why.to_string(),
        }
    }
}

/// Items as servers write them: ids as numbers or strings, any text field
/// missing, null or not a string (then empty).
fn parse_items(items: &[Value]) -> (Vec<ServerItem>, usize) {
    let text = |i: &Value, k: &str| i.get(k).and_then(Value::as_str).unwrap_or("").to_string();
    let mut out = Vec::with_capacity(items.len());
    let mut unreadable = 0;
    for i in items {
        let (Some(id), Some(feed_id)) = (number(i.get("id")), number(i.get("feed_id"))) else {
            unreadable += 1;
            continue;
        };
        out.push(ServerItem {
            id,
            feed_id,
            title: text(i, "title"),
            author: text(i, "author"),
            html: text(i, "html"),
            url: text(i, "url"),
            created_on_time: number(i.get("created_on_time")),
        });
    }
    (out, unreadable)
}

/// A number as servers write it: a JSON number, a numeric string, a boolean.
fn number(v: Option<&Value>) -> Option<i64> {
    match v? {
        Value::Number(n) => n.as_i64(),
        Value::String(s) => s.trim().parse().ok(),
        Value::Bool(b) => Some(i64::from(*b)),
        _ => None,
    }
}

/// A list of ids: "1,2,3", "" or [1, "2"].
fn id_list(v: Option<&Value>) -> Option<HashSet<i64>> {
    match v? {
        Value::String(s) => Some(s.split(',').filter_map(|p| p.trim().parse().ok()).collect()),
        Value::Array(a) => Some(a.iter().filter_map(|x| number(Some(x))).collect()),
        Value::Null => Some(HashSet::new()),
        _ => None,
    }
}

/// An HTTP failure by cause: the server not reached, or something there
/// that is not a Fever endpoint.
fn classify(url: &str, e: FetchError) -> FeverError {
    let url = url.to_string();
    match e {
        FetchError::Connect { detail, .. } => FeverError::Unreachable { url, detail },
        FetchError::Dropped { .. } => FeverError::Unreachable {
            url,
            detail: "the connection was closed without an answer".into(),
        },
        FetchError::Timeout { secs, .. } => FeverError::Unreachable {
            url,
            detail: format!("no answer within {secs} s"),
        },
        FetchError::Status {
            status: 401 | 403, ..
        } => FeverError::BadKey { url },
        // A static file or a page: no POST taken there.
        FetchError::Status {
            status: status @ (405 | 501),
            ..
        } => FeverError::NotFever {
            url,
            why: format!("HTTP {status}: it takes no POST"),
        },
        FetchError::Status { status, .. } if status >= 500 => FeverError::Failed {
            url,
            detail: format!("HTTP {status} (a server error)"),
        },
        FetchError::Status { status, .. } => FeverError::NotFever {
            url,
            why: format!("HTTP {status}"),
        },
        FetchError::BadUrl { detail, .. } => FeverError::NotFever { url, why: detail },
        FetchError::Other { detail, .. } if detail.contains("connection broke") => {
            FeverError::Unreachable { url, detail }
        }
        other => FeverError::Failed {
            url,
            detail: other.to_string(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_is_md5_of_email_and_password() {
        // As coldsweat and FreshRSS make it: md5("a@b.c:secretpw1234").
        assert_eq!(
            api_key("a@b.c", "secretpw1234"),
            "7da2bfcd0822bb10eeed15fe468a5fd3"
        );
    }

    #[test]
    fn numbers_and_id_lists_in_every_form_servers_write() {
        let j: Value = serde_json::json!({"a": 3, "b": "3", "c": true, "d": "x"});
        assert_eq!(number(j.get("a")), Some(3));
        assert_eq!(number(j.get("b")), Some(3));
        assert_eq!(number(j.get("c")), Some(1));
        assert_eq!(number(j.get("d")), None);
        let ids = |v: Value| id_list(Some(&v)).unwrap();
        assert_eq!(ids("1,2, 3".into()), HashSet::from([1, 2, 3]));
        assert_eq!(ids("".into()), HashSet::new());
        assert_eq!(
            ids(serde_json::json!([1, "1680000000000001"])),
            HashSet::from([1, 1_680_000_000_000_001])
        );
    }

    #[test]
    fn items_in_the_forms_servers_write() {
        // FreshRSS: string ids; Miniflux and coldsweat: numbers; a null
        // author, a numeric title, an item with no id.
        let items = serde_json::json!([
            {"id": "1680000000000001", "feed_id": "3", "title": "Tin một", "author": null,
             "html": "<p>a</p>", "url": "https://a.vn/1", "is_read": "0", "is_saved": 0,
             "created_on_time": "1487405815"},
            {"id": 7, "feed_id": 1, "title": 42, "html": "b", "url": "https://a.vn/7"},
            {"feed_id": 1, "title": "no id"}
        ]);
        let (got, unreadable) = parse_items(items.as_array().unwrap());
        assert_eq!(unreadable, 1);
        assert_eq!(got.len(), 2);
        assert_eq!((got[0].id, got[0].feed_id), (1_680_000_000_000_001, 3));
        assert_eq!(got[0].author, "");
        assert_eq!(got[0].created_on_time, Some(1_487_405_815));
        assert_eq!((got[1].id, got[1].title.as_str()), (7, ""));
    }

    #[test]
    fn the_endpoint_loses_its_query() {
        assert_eq!(
            endpoint(" https://r.example/api/fever.php?api "),
            "https://r.example/api/fever.php"
        );
        assert_eq!(
            endpoint("http://127.0.0.1:5000/fever/"),
            "http://127.0.0.1:5000/fever/"
        );
    }
}
