//! Builders for the pure `update` tests: rows, articles, search hits, and a
//! state driven through `update::handle` alone.

use docbao::model::{
    Article, ArticleId, ArticleSummary, Keyword, KeywordSource, Paragraph, Related, RelatedSource,
    SearchHit, Snippet,
};
use docbao::tui::config::Config;
use docbao::tui::event::{Event, Loaded, Opening, Reloaded};
use docbao::tui::state::AppState;
use docbao::tui::update::{Effect, handle};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

pub fn row(id: i64) -> ArticleSummary {
    ArticleSummary {
        id: ArticleId(id),
        title: format!("Tin {id}"),
        published: None,
        site: Some("example.vn".into()),
        bookmarked: false,
        read: false,
        date_text: None,
        sort_ts: 1000 - id,
        content_hash: 0,
    }
}

/// [`row`] with no site.
pub fn siteless_row(id: i64) -> ArticleSummary {
    ArticleSummary {
        site: None,
        ..row(id)
    }
}

/// [`siteless_row`] published at `published` (RFC 3339).
pub fn dated_row(id: i64, published: &str) -> ArticleSummary {
    ArticleSummary {
        published: Some(published.into()),
        ..siteless_row(id)
    }
}

/// A state `w`×`h` with `rows` loaded, the whole list.
pub fn state_with(w: u16, h: u16, rows: Vec<ArticleSummary>) -> AppState {
    let mut state = AppState::new(w, h, true);
    let total = rows.len() as i64;
    state.list.set_first_page(rows, total, None);
    state
}

pub fn article(id: i64, paragraphs: usize) -> Article {
    Article {
        id: ArticleId(id),
        url: Some(format!("https://example.vn/tin-{id}.htm")),
        title: format!("Tin {id}"),
        published: None,
        date_text: None,
        author: None,
        views: None,
        site: Some("example.vn".into()),
        lead: None,
        paragraphs: (0..paragraphs)
            .map(|i| {
                Paragraph::text(format!(
                    "Đoạn {i} của tin {id}, đủ dài để xuống dòng vài lần ở khổ hẹp."
                ))
            })
            .collect(),
        keywords: vec![Keyword {
            name: "Thái Bình".into(),
            source: KeywordSource::Page,
        }],
        related: vec![],
        bookmarked: false,
        read: false,
        feeds: vec![],
        position: docbao::model::Position::default(),
        content_hash: 0,
    }
}

/// [`article`] with two related stories: one not in the store (a stub, with
/// an address), then article `id + 1` (in the store, no address).
pub fn article_with_related(id: i64, paragraphs: usize) -> Article {
    Article {
        related: vec![
            Related {
                title: "Một tin không có trong kho".into(),
                url: Some("https://example.vn/khong-co.htm".into()),
                excerpt: Some("Đoạn trích của tin.".into()),
                article_id: None,
                source: RelatedSource::Page,
            },
            Related {
                title: format!("Tin {}", id + 1),
                url: None,
                excerpt: None,
                article_id: Some(ArticleId(id + 1)),
                source: RelatedSource::Page,
            },
        ],
        ..article(id, paragraphs)
    }
}

pub fn hit(id: i64, read: bool) -> SearchHit {
    SearchHit {
        id: ArticleId(id),
        title: format!("Tin {id}"),
        published: None,
        date_text: None,
        sort_ts: 1000 - id,
        read,
        bookmarked: false,
        score: 1.0,
        snippet: Snippet::default(),
    }
}

pub struct T {
    pub state: AppState,
    pub cfg: Config,
}

impl T {
    /// A state `w`×`h` with `rows` rows (ids 1..=rows) loaded, the whole list.
    pub fn new(w: u16, h: u16, rows: i64) -> T {
        T::with_rows(w, h, (1..=rows).map(row).collect())
    }

    /// As [`T::new`], the rows with no site ([`siteless_row`]).
    pub fn siteless(w: u16, h: u16, rows: i64) -> T {
        T::with_rows(w, h, (1..=rows).map(siteless_row).collect())
    }

    /// A state `w`×`h` with these rows loaded, the whole list.
    pub fn with_rows(w: u16, h: u16, rows: Vec<ArticleSummary>) -> T {
        T {
            state: state_with(w, h, rows),
            cfg: Config::defaults(),
        }
    }

    /// What `update::handle` returns: `None` when the event did nothing.
    pub fn handle(&mut self, ev: Event) -> Option<Vec<Effect>> {
        handle(&mut self.state, &self.cfg.keymap, ev)
    }

    /// The event's effects; it must do something.
    pub fn ev(&mut self, ev: Event) -> Vec<Effect> {
        self.handle(ev).expect("the event did something")
    }

    pub fn loaded(&mut self, l: Loaded) -> Vec<Effect> {
        self.ev(Event::Loaded(l))
    }

    pub fn open(&mut self, a: Article, opening: Opening) -> Vec<Effect> {
        self.loaded(Loaded::Article {
            article: Box::new(a),
            opening,
        })
    }

    /// A key as typed (a character, shift included in it).
    pub fn key(&mut self, c: char) -> Vec<Effect> {
        self.code(KeyCode::Char(c))
    }

    pub fn code(&mut self, code: KeyCode) -> Vec<Effect> {
        self.press(code, KeyModifiers::NONE)
    }

    /// A key with modifiers; no effects when it did nothing.
    pub fn press(&mut self, code: KeyCode, mods: KeyModifiers) -> Vec<Effect> {
        self.try_press(code, mods).unwrap_or_default()
    }

    /// Each character of `s` typed in turn; the effects of the last one.
    pub fn chars(&mut self, s: &str) -> Vec<Effect> {
        let mut fx = vec![];
        for c in s.chars() {
            fx = self.key(c);
        }
        fx
    }

    /// [`T::key`], `None` when the key did nothing.
    pub fn try_key(&mut self, c: char) -> Option<Vec<Effect>> {
        self.try_code(KeyCode::Char(c))
    }

    /// [`T::code`], `None` when the key did nothing.
    pub fn try_code(&mut self, code: KeyCode) -> Option<Vec<Effect>> {
        self.try_press(code, KeyModifiers::NONE)
    }

    /// [`T::press`], `None` when the key did nothing.
    pub fn try_press(&mut self, code: KeyCode, mods: KeyModifiers) -> Option<Vec<Effect>> {
        self.handle(Event::Key(KeyEvent::new(code, mods)))
    }

    /// The status line's message, empty when there is none.
    pub fn status(&self) -> String {
        self.message().unwrap_or_default()
    }

    /// The status line's message, `None` when there is none.
    pub fn message(&self) -> Option<String> {
        self.state.status.as_ref().map(|s| s.text.clone())
    }
}

/// What [`Effect::Reload`] brings back from a store that holds what
/// `state` shows; `unread`: the view's unread articles, when `A` asked.
pub fn as_shown(state: &AppState, unread: Option<&[i64]>) -> Reloaded {
    Reloaded {
        filter: state.list.filter.clone(),
        sources: state.sidebar.sources.clone(),
        keywords: state.sidebar.keywords.clone(),
        rows: state.list.rows.clone(),
        base: state.list.base,
        total: state.list.total,
        exhausted: state.list.exhausted,
        unread: unread.map(|ids| ids.iter().copied().map(ArticleId).collect()),
        hits: (state.search.iter())
            .flat_map(|s| (s.hits.iter()).map(|h| (h.id, h.read, h.bookmarked, h.title.clone())))
            .collect(),
        open: state
            .reader
            .article()
            .map(|a| (a.id, a.read, a.bookmarked, a.content_hash)),
    }
}

/// The store read again with these rows in the list (the sidebar as shown).
pub fn with_rows(t: &T, ids: &[i64]) -> Loaded {
    let mut r = as_shown(&t.state, None);
    r.rows = ids.iter().copied().map(row).collect();
    r.total = ids.len() as i64;
    Loaded::Reloaded(Box::new(r))
}

/// `A`'s count, as the store answers it: the view as shown, these unread.
pub fn counted(state: &AppState, unread: &[i64]) -> Loaded {
    Loaded::Reloaded(Box::new(as_shown(state, Some(unread))))
}

/// Row `y` of a drawn buffer between columns `xs`, as text: a wide
/// character's second cell (which holds nothing of its own) skipped.
pub fn buffer_row(buf: &ratatui::buffer::Buffer, y: u16, xs: std::ops::Range<u16>) -> String {
    let mut line = String::new();
    let mut skip = 0;
    for x in xs {
        if skip > 0 {
            skip -= 1;
            continue;
        }
        let sym = buf[(x, y)].symbol();
        skip = unicode_width::UnicodeWidthStr::width(sym).saturating_sub(1);
        line.push_str(sym);
    }
    line
}
