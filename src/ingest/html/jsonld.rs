//! What a page's JSON-LD (`<script type="application/ld+json">`) says: the
//! headline, date, author and keywords (of whichever object gives them
//! first), the article object itself (a `NewsArticle`, `BlogPosting`, …)
//! with its `articleBody`, its address and whether it is free, and the
//! publisher's name.

use serde_json::Value;

use super::*;

/// What JSON-LD blocks say about the article.
#[derive(Default)]
pub(super) struct JsonLd {
    pub(super) headline: Option<String>,
    pub(super) date: Option<String>,
    pub(super) author: Option<String>,
    pub(super) keywords: Vec<String>,
    /// The first object typed as an article, at the top of a block or in
    /// its `@graph` (a list's items, `itemListElement`, are other stories).
    pub(super) article: Option<LdArticle>,
    /// The names of publishers and of the web site: never an author.
    pub(super) publishers: Vec<String>,
}

/// One article object of the page's JSON-LD.
#[derive(Default)]
pub(super) struct LdArticle {
    /// Its type as written (`NewsArticle`).
    pub(super) kind: String,
    pub(super) headline: Option<String>,
    /// `articleBody`: plain text (paragraphs apart at line breaks) or HTML.
    pub(super) body: Option<String>,
    pub(super) description: Option<String>,
    pub(super) date: Option<String>,
    pub(super) author: Option<String>,
    /// `url`, else `mainEntityOfPage` (an address, or an object's `@id`).
    pub(super) url: Option<String>,
    /// `isAccessibleForFree` is false (`false` or `"False"`): the page says
    /// it is paywalled.
    pub(super) locked: bool,
}

impl JsonLd {
    pub(super) fn read(doc: &Document) -> Self {
        let mut out = JsonLd::default();
        for s in doc.select("script[type=\"application/ld+json\"]").nodes() {
            if let Ok(v) = serde_json::from_str::<Value>(s.text().trim()) {
                out.visit(&v);
            }
        }
        out
    }

    fn visit(&mut self, v: &Value) {
        match v {
            Value::Array(items) => items.iter().for_each(|i| self.visit(i)),
            Value::Object(o) => {
                if let Some(g) = o.get("@graph") {
                    self.visit(g);
                }
                if self.date.is_none() {
                    self.date = str_of(o.get("datePublished"));
                }
                if self.headline.is_none() {
                    self.headline = str_of(o.get("headline"));
                }
                if self.author.is_none() {
                    self.author = o.get("author").and_then(name_of_value);
                }
                if self.keywords.is_empty() {
                    match o.get("keywords") {
                        Some(Value::String(s)) => self.keywords = split_keywords(s),
                        Some(Value::Array(a)) => {
                            self.keywords = a.iter().filter_map(Value::as_str).map(clean).collect()
                        }
                        _ => {}
                    }
                }
                if let Some(p) = o.get("publisher").and_then(name_of_value) {
                    self.publishers.push(p);
                }
                let kind = type_of(o);
                if kind.as_deref().is_some_and(|k| k == "WebSite")
                    && let Some(n) = str_of(o.get("name"))
                {
                    self.publishers.push(n);
                }
                if self.article.is_none()
                    && let Some(kind) = kind.filter(|k| is_article_type(k))
                {
                    self.article = Some(LdArticle {
                        kind,
                        headline: str_of(o.get("headline")),
                        body: str_of(o.get("articleBody")),
                        description: str_of(o.get("description")),
                        date: str_of(o.get("datePublished")),
                        author: o.get("author").and_then(name_of_value),
                        url: str_of(o.get("url")).or_else(|| {
                            o.get("mainEntityOfPage").and_then(|m| {
                                m.as_str()
                                    .or_else(|| m.get("@id").and_then(Value::as_str))
                                    .map(String::from)
                            })
                        }),
                        locked: o.get("isAccessibleForFree").is_some_and(is_false),
                    });
                }
            }
            _ => {}
        }
    }
}

fn str_of(v: Option<&Value>) -> Option<String> {
    v.and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
}

/// A person or an organisation: a name, an object's `name`, or the first
/// of a list of these.
fn name_of_value(a: &Value) -> Option<String> {
    let a = if let Value::Array(v) = a {
        v.first()?
    } else {
        a
    };
    a.as_str()
        .or_else(|| a.get("name").and_then(Value::as_str))
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
}

fn is_false(v: &Value) -> bool {
    match v {
        Value::Bool(b) => !b,
        Value::String(s) => s.trim().eq_ignore_ascii_case("false"),
        _ => false,
    }
}

/// The object's `@type` without a vocabulary prefix (`schema:`,
/// `https://schema.org/`); of a list of types, the first that is an
/// article's, else the first.
fn type_of(o: &serde_json::Map<String, Value>) -> Option<String> {
    let bare = |t: &str| t.rsplit([':', '/']).next().unwrap_or(t).to_string();
    match o.get("@type")? {
        Value::String(t) => Some(bare(t)),
        Value::Array(ts) => {
            let ts: Vec<String> = ts.iter().filter_map(Value::as_str).map(bare).collect();
            ts.iter()
                .find(|t| is_article_type(t))
                .or(ts.first())
                .cloned()
        }
        _ => None,
    }
}

/// schema.org's article types: `Article` and its kinds (`NewsArticle`,
/// `OpinionNewsArticle`, `TechArticle`, …), postings (`BlogPosting`,
/// `LiveBlogPosting`, `SocialMediaPosting`), `Report`.
fn is_article_type(t: &str) -> bool {
    t.ends_with("Article") || t.ends_with("Posting") || t == "Report"
}

/// The paragraphs of an `articleBody`: HTML walked as a body is; plain text
/// cut at blank lines, or at line breaks when it has no blank line.
pub(super) fn article_body_paragraphs(body: &str, base: &Base) -> Vec<Paragraph> {
    let looks_html = ["<p", "<br", "<div", "</"].iter().any(|t| body.contains(t));
    if looks_html {
        return body_paragraphs(body, &HashSet::new(), base, &mut Vec::new());
    }
    let body = normalize_newlines(body);
    let parts: Vec<&str> = if body.contains("\n\n") {
        body.split("\n\n").collect()
    } else {
        body.split('\n').collect()
    };
    parts
        .into_iter()
        .map(clean)
        .filter(|t| !t.is_empty())
        .map(Paragraph::text)
        .collect()
}

pub(super) fn split_keywords(s: &str) -> Vec<String> {
    s.split([',', ';'])
        .map(clean)
        .filter(|k| !k.is_empty())
        .collect()
}
