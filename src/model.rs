//! Plain data types shared by the ingesters, the store and the views.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

/// What a paragraph of an article body is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum ParagraphKind {
    #[default]
    Text,
    Caption,
    Heading,
    Quote,
}

impl ParagraphKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ParagraphKind::Text => "text",
            ParagraphKind::Caption => "caption",
            ParagraphKind::Heading => "heading",
            ParagraphKind::Quote => "quote",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "text" => Some(ParagraphKind::Text),
            "caption" => Some(ParagraphKind::Caption),
            "heading" => Some(ParagraphKind::Heading),
            "quote" => Some(ParagraphKind::Quote),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    pub kind: ParagraphKind,
    pub text: String,
}

impl Paragraph {
    pub fn text(text: impl Into<String>) -> Self {
        Paragraph {
            kind: ParagraphKind::Text,
            text: text.into(),
        }
    }
    pub fn caption(text: impl Into<String>) -> Self {
        Paragraph {
            kind: ParagraphKind::Caption,
            text: text.into(),
        }
    }
}

/// Where a keyword came from: the page itself, or computed by docbao.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum KeywordSource {
    #[default]
    Page,
    Auto,
}

impl KeywordSource {
    pub fn as_str(self) -> &'static str {
        match self {
            KeywordSource::Page => "page",
            KeywordSource::Auto => "auto",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "page" => Some(KeywordSource::Page),
            "auto" => Some(KeywordSource::Auto),
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
/// Every string in it has been through [`crate::text::clean`].
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
}
