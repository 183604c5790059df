//! Builders for the pure `update` tests: rows, articles, search hits, and a
//! state driven through `update::handle` alone.

use docbao::model::{
    Article, ArticleId, ArticleSummary, Keyword, KeywordSource, Paragraph, SearchHit, Snippet,
};
use docbao::tui::config::Config;
use docbao::tui::event::{Event, Loaded, Opening};
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
    }
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
        position: docbao::model::Position::default(),
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
        let mut state = AppState::new(w, h, true);
        state
            .list
            .set_first_page((1..=rows).map(row).collect(), rows, None);
        T {
            state,
            cfg: Config::defaults(),
        }
    }

    pub fn ev(&mut self, ev: Event) -> Vec<Effect> {
        handle(&mut self.state, &self.cfg.keymap, ev).expect("the event did something")
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
        let k = KeyEvent::new(code, KeyModifiers::NONE);
        handle(&mut self.state, &self.cfg.keymap, Event::Key(k)).unwrap_or_default()
    }

    pub fn status(&self) -> String {
        self.state
            .status
            .as_ref()
            .map(|s| s.text.clone())
            .unwrap_or_default()
    }
}
