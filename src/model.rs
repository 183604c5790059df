//! Plain data types shared by every part: the ingesters make them, the
//! store keeps and returns them, the jobs, the command line and the reader
//! use them. This module uses no other part of docbao.

use std::ops::Range;

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

/// An article's id in the store. Serialises as a plain integer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ArticleId(pub i64);

impl std::fmt::Display for ArticleId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// A feed subscription's id in the store.
pub type FeedId = i64;

/// What a paragraph of an article body is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum ParagraphKind {
    #[default]
    Text,
    Caption,
    Heading,
    Quote,
    /// An item of a list, its bullet ("• ") or number ("2. ") written
    /// first: one paragraph each, the items of a list one after the other.
    Item,
    /// A row of a table, its cells parted by [`ROW_SEPARATOR`]: one
    /// paragraph each.
    Row,
    /// A line of preformatted text (`<pre>`: code, a poem set as written),
    /// its indentation kept: one paragraph each.
    Code,
}

/// What parts two cells of a [`ParagraphKind::Row`].
pub const ROW_SEPARATOR: &str = " │ ";

impl ParagraphKind {
    /// Kinds whose paragraphs follow each other without a blank line: a
    /// list's items, a table's rows, a block of code's lines.
    pub fn tight(self) -> bool {
        matches!(
            self,
            ParagraphKind::Item | ParagraphKind::Row | ParagraphKind::Code
        )
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ParagraphKind::Text => "text",
            ParagraphKind::Caption => "caption",
            ParagraphKind::Heading => "heading",
            ParagraphKind::Quote => "quote",
            ParagraphKind::Item => "item",
            ParagraphKind::Row => "row",
            ParagraphKind::Code => "code",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "text" => Some(ParagraphKind::Text),
            "caption" => Some(ParagraphKind::Caption),
            "heading" => Some(ParagraphKind::Heading),
            "quote" => Some(ParagraphKind::Quote),
            "item" => Some(ParagraphKind::Item),
            "row" => Some(ParagraphKind::Row),
            "code" => Some(ParagraphKind::Code),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    pub kind: ParagraphKind,
    pub text: String,
    /// The links in the text (a saved page's or a feed item's `<a href>`),
    /// in order, none overlapping.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
}

/// A link in a paragraph: the words it is on, as a byte range of the
/// paragraph's text (on character boundaries), and the absolute address it
/// goes to.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Link {
    pub start: usize,
    pub end: usize,
    pub url: String,
}

impl Paragraph {
    /// A paragraph of a kind, without links.
    pub fn new(kind: ParagraphKind, text: impl Into<String>) -> Self {
        Paragraph {
            kind,
            text: text.into(),
            links: Vec::new(),
        }
    }
    pub fn text(text: impl Into<String>) -> Self {
        Paragraph::new(ParagraphKind::Text, text)
    }
    pub fn caption(text: impl Into<String>) -> Self {
        Paragraph::new(ParagraphKind::Caption, text)
    }
}

/// Where a keyword came from: the page itself, computed by docbao, or the
/// user (`tag`: newsboat's tags of a feed, on the articles it brought),
/// which is never taken for a site's boilerplate nor taken off when the
/// article is stored again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum KeywordSource {
    #[default]
    Page,
    Auto,
    Tag,
}

impl KeywordSource {
    pub fn as_str(self) -> &'static str {
        match self {
            KeywordSource::Page => "page",
            KeywordSource::Auto => "auto",
            KeywordSource::Tag => "tag",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "page" => Some(KeywordSource::Page),
            "auto" => Some(KeywordSource::Auto),
            "tag" => Some(KeywordSource::Tag),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Keyword {
    pub name: String,
    pub source: KeywordSource,
}

/// A related story as the page lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct NewRelated {
    pub title: String,
    pub url: Option<String>,
    pub excerpt: Option<String>,
}

/// An article as an ingester produces it, before it is stored.
/// Every string in it has been cleaned (NFC, terminal-safe) by the ingester.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct NewArticle {
    pub url: Option<String>,
    pub title: String,
    pub published: Option<DateTime<FixedOffset>>,
    pub date_text: Option<String>,
    pub author: Option<String>,
    pub views: Option<i64>,
    pub site: Option<String>,
    pub lead: Option<String>,
    pub paragraphs: Vec<Paragraph>,
    pub keywords: Vec<Keyword>,
    pub related: Vec<NewRelated>,
    /// User state carried by our own export format; `None` leaves the stored state alone.
    pub bookmarked: Option<bool>,
    pub read: Option<bool>,
    /// The addresses of the feeds that carried it (our export's `feeds`):
    /// it is listed under each of them that is subscribed here.
    pub feeds: Vec<String>,
    /// Where reading stopped (our export's `position`): kept unless the
    /// store's is further on.
    pub position: Option<Position>,
}

/// What importing one article did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportOutcome {
    Added(ArticleId),
    Updated(ArticleId),
    /// Already stored with exactly this content.
    Unchanged(ArticleId),
}

impl ImportOutcome {
    pub fn id(self) -> ArticleId {
        match self {
            ImportOutcome::Added(id)
            | ImportOutcome::Updated(id)
            | ImportOutcome::Unchanged(id) => id,
        }
    }
}

/// Keyset cursor: a row's (sort_ts, id).
pub type Cursor = (i64, i64);

/// A narrow row for lists. Serialises to the `list --json` schema.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArticleSummary {
    pub id: ArticleId,
    pub title: String,
    pub published: Option<String>,
    pub site: Option<String>,
    pub bookmarked: bool,
    pub read: bool,
    #[serde(skip)]
    pub date_text: Option<String>,
    #[serde(skip)]
    pub sort_ts: i64,
    /// The stored content's hash: another when the article is stored again
    /// changed (a feed's update), so that the reader showing it reads it again.
    #[serde(skip)]
    pub content_hash: i64,
}

impl ArticleSummary {
    /// Where this row stands in the list's order.
    pub fn cursor(&self) -> Cursor {
        (self.sort_ts, self.id.0)
    }
}

/// Where a related story came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RelatedSource {
    Page,
    Computed,
}

/// A related story of a stored article: `article_id` when it is stored too.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Related {
    pub title: String,
    pub url: Option<String>,
    pub excerpt: Option<String>,
    pub article_id: Option<ArticleId>,
    pub source: RelatedSource,
}

/// A feed that carries an article: its address and title.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FeedRef {
    pub url: String,
    pub title: Option<String>,
}

/// A whole stored article, loaded when it is opened. Serialises to the
/// `show --json` schema.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Article {
    pub id: ArticleId,
    pub url: Option<String>,
    pub title: String,
    pub published: Option<String>,
    pub date_text: Option<String>,
    pub author: Option<String>,
    pub views: Option<i64>,
    pub site: Option<String>,
    pub lead: Option<String>,
    pub paragraphs: Vec<Paragraph>,
    pub keywords: Vec<Keyword>,
    pub related: Vec<Related>,
    pub bookmarked: bool,
    pub read: bool,
    /// The feeds that carry it, so that an export imported again lists it
    /// under them (where they are subscribed).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub feeds: Vec<FeedRef>,
    /// Where reading stopped (the top line of the reader); not written at
    /// the start, so that an export imported again goes on from there.
    #[serde(skip_serializing_if = "Position::is_start")]
    pub position: Position,
    /// The stored content's hash ([`ArticleSummary::content_hash`]).
    #[serde(skip)]
    pub content_hash: i64,
}

/// A reading position: the block the reader's top line belongs to (0 the
/// header: title, meta and lead; then the body paragraphs, 1 for the first;
/// then keywords and related stories) and the offset, in characters, of that
/// line's first character inside the block. It does not depend on the width
/// the text is wrapped at: after a resize the wrapped line holding the offset
/// goes back to the top.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Position {
    pub paragraph: usize,
    /// Characters (Unicode scalar values of the NFC text) before the line.
    pub offset: usize,
}

impl Position {
    /// The article's very start (where an unread one opens).
    pub fn is_start(&self) -> bool {
        *self == Position::default()
    }

    /// The start of a block.
    pub const fn at(paragraph: usize) -> Position {
        Position {
            paragraph,
            offset: 0,
        }
    }
}

impl From<usize> for Position {
    /// The start of block `paragraph`.
    fn from(paragraph: usize) -> Position {
        Position::at(paragraph)
    }
}

impl Article {
    pub fn published_time(&self) -> Option<DateTime<FixedOffset>> {
        self.published
            .as_deref()
            .and_then(|p| DateTime::parse_from_rfc3339(p).ok())
    }
}

/// Which articles a list shows. Empty filter: all of them, newest first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListFilter {
    /// Articles carrying every one of these keywords (matched folded).
    pub keywords: Vec<String>,
    pub bookmarked: bool,
    pub unread: bool,
    /// Only the articles of this source (a feed, or a site's pages).
    pub source: Option<Source>,
    /// Only the articles dated (else imported) at or after this time, and
    /// before that one (seconds since the Unix epoch): `--since`, `--until`.
    pub since: Option<i64>,
    pub until: Option<i64>,
    /// When `--since` or `--until` named a day (`YYYY-MM-DD`): a dated
    /// article is matched by its own date (as the list shows it, in the
    /// page's offset), an undated one by `since` and `until` (local).
    pub since_day: Option<String>,
    pub until_day: Option<String>,
}

/// Where articles come from, as the sidebar groups them: the feed that first
/// brought an article, else the site of a saved or imported page.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Source {
    Feed(FeedId),
    /// A site's pages that came from no feed; `None`: pages with no site.
    Site(Option<String>),
}

/// A source with its name and counts, as the sidebar lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceCount {
    pub source: Source,
    /// The feed's title (else its address), or the site.
    pub name: String,
    /// What tells a feed from another of the same name (its address's
    /// host…, see [`crate::text::url::tell_apart`]); `None` for any other.
    pub detail: Option<String>,
    pub unread: i64,
    pub total: i64,
    /// Why a feed's last update failed (`None`: it did not, or a site).
    pub error: Option<String>,
}

/// Original text around a search's matches.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Snippet {
    /// Original text (with "…" where it was cut).
    pub text: String,
    /// Byte ranges of the matches in `text`.
    pub marks: Vec<Range<usize>>,
}

impl Snippet {
    /// The text with each match between `open` and `close`.
    pub fn marked(&self, open: &str, close: &str) -> String {
        let mut out = String::with_capacity(self.text.len() + self.marks.len() * 4);
        let mut at = 0;
        for m in &self.marks {
            out.push_str(&self.text[at..m.start]);
            out.push_str(open);
            out.push_str(&self.text[m.clone()]);
            out.push_str(close);
            at = m.end;
        }
        out.push_str(&self.text[at..]);
        out
    }
}

/// One search result.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchHit {
    pub id: ArticleId,
    pub title: String,
    pub published: Option<String>,
    pub date_text: Option<String>,
    pub sort_ts: i64,
    pub read: bool,
    pub bookmarked: bool,
    /// Relevance, higher is better: bm25 with the column weights.
    pub score: f64,
    /// Original text around the matches, from the lead or the body.
    pub snippet: Snippet,
}

/// An item of a parsed feed.
#[derive(Debug, Clone, PartialEq)]
pub struct FeedItem {
    /// The link, else the guid: how the item is recognised next time.
    pub key: String,
    /// The feed's own id for the item (RSS `<guid>`, Atom `<id>`), when it
    /// gave one: an item whose link changed and id did not is the same item.
    pub guid: Option<String>,
    pub article: NewArticle,
}

/// Validators from the last fetch, for a conditional GET.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

/// A feed subscription. Serialises to the `feed list --json` schema.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Feed {
    pub id: FeedId,
    pub url: String,
    pub title: Option<String>,
    pub full_page: bool,
    #[serde(skip)]
    pub etag: Option<String>,
    #[serde(skip)]
    pub last_modified: Option<String>,
    /// Unix seconds of the last update, if any; in JSON a time in RFC 3339
    /// (UTC), as every other time docbao prints (it was the bare number).
    #[serde(serialize_with = "rfc3339_utc")]
    pub checked_at: Option<i64>,
    pub last_error: Option<String>,
    /// The articles the feed holds (its items stored, and articles an
    /// import listed under it), as `sources` counts them.
    pub items: i64,
    /// The site's address, as the feed gave it at its last update.
    pub site_url: Option<String>,
    /// Since when its updates fail (Unix seconds; in JSON RFC 3339, UTC),
    /// `None` while they answer.
    #[serde(serialize_with = "rfc3339_utc")]
    pub failing_since: Option<i64>,
    /// How many updates in a row have failed.
    pub failed_updates: i64,
}

/// Unix seconds as an RFC 3339 time in UTC ("2026-12-07T02:40:00Z").
fn rfc3339_utc<S: serde::Serializer>(t: &Option<i64>, s: S) -> Result<S::Ok, S::Error> {
    let time = t.and_then(|t| chrono::DateTime::from_timestamp(t, 0));
    match time {
        Some(t) => s.serialize_str(&t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)),
        None => s.serialize_none(),
    }
}

impl Feed {
    pub fn validators(&self) -> Validators {
        Validators {
            etag: self.etag.clone(),
            last_modified: self.last_modified.clone(),
        }
    }

    pub fn name(&self) -> &str {
        self.title.as_deref().unwrap_or(&self.url)
    }
}

/// A feed of newsboat's cache (`rss_feed`), as `docbao import-newsboat` reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewsboatFeed {
    /// The address newsboat fetches (the urls file's line).
    pub rss_url: String,
    /// The feed's title as the feed gives it.
    pub title: String,
}

/// An item of newsboat's cache (`rss_item`), raw: nothing cleaned yet.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NewsboatItem {
    pub guid: String,
    pub title: String,
    pub author: String,
    pub url: String,
    /// The feed's `rss_url`.
    pub feed_url: String,
    /// Unix seconds; 0 when the feed gave no date.
    pub pub_date: i64,
    /// HTML (or plain text) as the feed gave it.
    pub content: String,
    pub unread: bool,
    /// newsboat's flags (letters); any flag is taken as a star.
    pub flags: String,
}
