//! Related-story navigation: a browser-like history of what was open, each
//! entry holding ids and a scroll anchor (never row indices).

use crate::model::{Article, ArticleId, ListFilter, Position, Related};

/// What was open: a stored article, or a stub for a related story that is not
/// in the store (its title, excerpt and URL).
#[derive(Debug, Clone, PartialEq)]
pub enum Opened {
    Article(ArticleId),
    Stub(Related),
}

#[derive(Debug, Clone, PartialEq)]
pub struct HistoryEntry {
    pub opened: Opened,
    pub filter: ListFilter,
    /// The reading position: a paragraph and the offset in it.
    pub anchor: Position,
}

#[derive(Debug, Clone, Default)]
pub struct History {
    pub back: Vec<HistoryEntry>,
    pub forward: Vec<HistoryEntry>,
}

impl History {
    /// Opening something new: remember where we were, forget the forward trail.
    pub fn push(&mut self, entry: HistoryEntry) {
        self.back.push(entry);
        self.forward.clear();
    }

    pub fn depth(&self) -> usize {
        self.back.len()
    }
}

/// How a related story that is not in the store is laid out: as an
/// article of its excerpt and link. Only for the layout: the reader holds the
/// story itself ([`super::reader::Shown::Stub`]), which has no id.
pub(crate) fn stub_article(r: &Related) -> Article {
    let mut paragraphs = Vec::new();
    if let Some(e) = &r.excerpt {
        paragraphs.push(crate::model::Paragraph::text(e.clone()));
    }
    paragraphs.push(crate::model::Paragraph::caption(match &r.url {
        Some(u) => format!("Not saved in docbao. Link: {u}"),
        None => "Not saved in docbao, and the page gave no link.".to_string(),
    }));
    Article {
        id: ArticleId(0),
        url: r.url.clone(),
        title: r.title.clone(),
        published: None,
        date_text: None,
        author: None,
        views: None,
        site: Some("related story (not in the store)".into()),
        lead: None,
        paragraphs,
        keywords: Vec::new(),
        related: Vec::new(),
        bookmarked: false,
        read: true,
        feeds: Vec::new(),
        position: Position::default(),
        content_hash: 0,
    }
}
