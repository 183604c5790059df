//! Hand-offs from the reader, through the real runtime on a real store: the
//! full page of a bookmarked feed item fetched from a server on 127.0.0.1,
//! an article piped to a command and written to a file as Markdown.

mod common;

use common::server::{Reply, Server};
use docbao::model::{ListFilter, NewArticle};
use docbao::store::Store;
use docbao::tui::app::{Runtime, handle_event, start};
use docbao::tui::config::Config;
use docbao::tui::event::Event;
use docbao::tui::state::AppState;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

struct Harness {
    state: AppState,
    rt: Runtime,
    cfg: Config,
}

impl Harness {
    fn new(w: u16, h: u16, store: Store) -> Harness {
        let cfg = Config::defaults();
        let mut state = AppState::new(w, h, cfg.sidebar);
        let mut rt = Runtime::new(store);
        start(&mut rt, &mut state, &cfg);
        Harness { state, rt, cfg }
    }

    fn key(&mut self, code: KeyCode) -> &mut Self {
        let ev = Event::Key(KeyEvent::new(code, KeyModifiers::NONE));
        handle_event(&mut self.rt, &mut self.state, &self.cfg, ev);
        self
    }

    fn status(&self) -> (String, bool) {
        let s = self.state.status.as_ref().expect("a status message");
        (s.text.clone(), s.error)
    }
}

/// A feed item as `update` stores it: a title, a link, only the summary.
fn summary_only(url: &str) -> NewArticle {
    NewArticle {
        url: Some(url.to_string()),
        title: "Xuất hiện một vùng áp thấp sắp vào Biển Đông".into(),
        site: Some("dantri.com.vn".into()),
        lead: Some("Tóm tắt của tin trong nguồn tin.".into()),
        ..NewArticle::default()
    }
}

#[test]
fn a_bookmark_stays_when_the_full_page_is_not_found() {
    let server = Server::start();
    // No route: the server answers 404.
    let url = server.url("/the-gioi/2020/abc.htm");
    let mut store = Store::open_in_memory().unwrap();
    let id = store.import(&summary_only(&url)).unwrap().id();
    let mut h = Harness::new(100, 30, store);
    h.key(KeyCode::Char('s'));
    let (text, error) = h.status();
    assert!(error, "a failure is shown as one: {text}");
    assert!(
        text.starts_with(
            "Bookmarked; full page not fetched: HTTP 404 (not found) (127.0.0.1/…/abc.htm)"
        ),
        "{text}"
    );
    assert!(!text.contains("Not saved"), "{text}");
    assert!(text.chars().count() <= 98, "fits the width: {text}");
    assert_eq!(server.hits("/the-gioi/2020/abc.htm"), 1);
    // The bookmark was kept, in the store and on the screen.
    let bookmarked = ListFilter {
        bookmarked: true,
        ..ListFilter::default()
    };
    assert_eq!(h.rt.store.ids(&bookmarked).unwrap(), vec![id]);
    assert!(h.state.list.rows[0].bookmarked);
    // A narrow screen: still one line, the reason first.
    h.state.width = 50;
    h.key(KeyCode::Char('s')); // unbookmark
    h.key(KeyCode::Char('s'));
    let (text, _) = h.status();
    assert!(
        text.starts_with("Bookmarked; not fetched: HTTP 404"),
        "{text}"
    );
    assert!(text.chars().count() <= 48, "fits 50 columns: {text}");
}

#[test]
fn the_full_page_of_a_bookmarked_item_replaces_its_summary() {
    let server = Server::start();
    let page = std::fs::read(common::fixture("html/nld1.html")).unwrap();
    server.route("/tin.htm", move |_| {
        Reply::ok("text/html; charset=utf-8", page.clone())
    });
    let url = server.url("/tin.htm");
    let mut store = Store::open_in_memory().unwrap();
    let id = store.import(&summary_only(&url)).unwrap().id();
    let mut h = Harness::new(100, 30, store);
    h.key(KeyCode::Char('s'));
    let (text, error) = h.status();
    assert!(!error, "{text}");
    assert!(text.starts_with("Bookmarked; full page saved: "), "{text}");
    let a = h.rt.store.article(id).unwrap();
    assert!(a.bookmarked);
    assert!(a.paragraphs.len() > 3, "the whole article is stored");
    assert_eq!(h.rt.store.ids(&ListFilter::default()).unwrap(), vec![id]);
}
