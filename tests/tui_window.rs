//! The article list over a store of more than one page (the list holds a
//! window of pages, `PAGE` rows each): `G`, scrolling back up from the
//! bottom, and reopening on an article far down the list. Through the real
//! runtime on a real store (the first 600 articles of the Dân trí set), the
//! screen drawn on a `TestBackend`: the number the status line gives is
//! always the article's real place in the list, and `G` shows the last
//! article at the bottom of a full pane.

use std::io::Read;

use docbao::model::{ArticleId, ListFilter, NewArticle};
use docbao::store::Store;
use docbao::tui::app::{Runtime, handle_event, start};
use docbao::tui::config::Config;
use docbao::tui::event::Event;
use docbao::tui::state::{AppState, Focus};
use docbao::tui::ui::status::position_text;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const ARTICLES: usize = 600;

/// The first `n` articles of the Dân trí 2,653 set (real news, GPL-3.0; see
/// tests/fixtures/README.md).
fn dantri_store(n: usize) -> Store {
    let mut text = String::new();
    flate2::read::GzDecoder::new(&include_bytes!("fixtures/dantri-2653.jsonl.gz")[..])
        .read_to_string(&mut text)
        .expect("the Dân trí fixture is gzip");
    let articles: Vec<NewArticle> = docbao::ingest::jsonl::jsonl_records(&text)
        .flatten()
        .take(n)
        .collect();
    assert_eq!(articles.len(), n);
    let mut store = Store::open_in_memory().unwrap();
    for r in store.import_batch(&articles).unwrap() {
        r.unwrap();
    }
    store
}

struct Harness {
    state: AppState,
    rt: Runtime,
    cfg: Config,
    /// Every article id in the order the list shows them.
    order: Vec<ArticleId>,
}

impl Harness {
    fn new(w: u16, h: u16, store: Store) -> Harness {
        let order: Vec<ArticleId> = store
            .list(&ListFilter::default(), None, 10 * ARTICLES)
            .unwrap()
            .iter()
            .map(|r| r.id)
            .collect();
        assert_eq!(order.len(), ARTICLES);
        let cfg = Config::defaults();
        let mut state = AppState::new(w, h, cfg.sidebar);
        let mut rt = Runtime::new(store);
        start(&mut rt, &mut state, &cfg);
        Harness {
            state,
            rt,
            cfg,
            order,
        }
    }

    fn key(&mut self, code: KeyCode) -> &mut Self {
        let ev = Event::Key(KeyEvent::new(code, KeyModifiers::NONE));
        handle_event(&mut self.rt, &mut self.state, &self.cfg, ev);
        self
    }

    /// The number the status line gives ("Article N of 600").
    fn number(&self) -> usize {
        let text = position_text(&self.state);
        let rest = text
            .strip_prefix("Article ")
            .unwrap_or_else(|| panic!("{text}"));
        let (n, rest) = rest.split_once(" of ").unwrap_or_else(|| panic!("{text}"));
        assert!(rest.starts_with(&ARTICLES.to_string()), "{text}");
        n.parse().unwrap_or_else(|_| panic!("{text}"))
    }

    /// The article the list selects, by its place in the whole list (from 1).
    fn real_place(&self) -> usize {
        let id = self.state.list.selected_id().expect("a selection");
        self.order.iter().position(|&i| i == id).expect("listed") + 1
    }

    /// The status line's number is the selected article's real place.
    fn check_number(&self) -> usize {
        let n = self.number();
        assert_eq!(n, self.real_place(), "{}", position_text(&self.state));
        n
    }

    /// The rows inside the list pane, as drawn.
    fn list_rows(&self) -> Vec<String> {
        let mut term =
            Terminal::new(TestBackend::new(self.state.width, self.state.height)).unwrap();
        term.draw(|f| docbao::tui::ui::draw(f, &self.state, &self.cfg))
            .unwrap();
        let r = self.state.panes().list.expect("the list shows");
        let buf = term.backend().buffer();
        (r.y + 1..r.y + r.height - 1)
            .map(|y| {
                (r.x + 1..r.x + r.width - 1)
                    .map(|x| buf[(x, y)].symbol().to_string())
                    .collect::<String>()
            })
            .collect()
    }

    fn title_of(&self, place: usize) -> String {
        self.rt.store.article(self.order[place - 1]).unwrap().title
    }
}

/// The first columns of a title, as a row shows it cut.
fn start_of(title: &str) -> String {
    title.chars().take(12).collect()
}

#[test]
fn bottom_shows_the_last_article_at_the_foot_of_a_full_pane_and_its_real_number() {
    let mut h = Harness::new(80, 24, dantri_store(ARTICLES));
    h.key(KeyCode::Esc);
    assert_eq!(h.state.focus, Focus::List);
    assert_eq!(h.check_number(), 1);
    h.key(KeyCode::Char('G'));
    assert_eq!(h.check_number(), ARTICLES);
    let rows = h.list_rows();
    let last = rows.last().unwrap();
    assert!(
        last.contains(&start_of(&h.title_of(ARTICLES))),
        "the last article on the pane's last row: {rows:#?}"
    );
    assert!(
        rows[0].contains(&start_of(&h.title_of(ARTICLES + 1 - rows.len()))),
        "the pane full, down to it: {rows:#?}"
    );
    // Up a row, a page, and back past the window's first page: the number
    // is the real place all the way.
    h.key(KeyCode::Char('k'));
    assert_eq!(h.check_number(), ARTICLES - 1);
    h.key(KeyCode::PageUp);
    let after_page = h.check_number();
    assert!(after_page < ARTICLES - 10, "{after_page}");
    for _ in 0..20 {
        h.key(KeyCode::PageUp);
        h.check_number();
    }
    assert!(h.number() < ARTICLES - 200, "scrolled back past a page");
    h.key(KeyCode::Char('g'));
    assert_eq!(h.check_number(), 1);
}

#[test]
fn reopening_far_down_the_list_numbers_the_article_where_it_is() {
    let mut h = Harness::new(80, 24, dantri_store(ARTICLES));
    h.key(KeyCode::Esc);
    for _ in 0..20 {
        h.key(KeyCode::Char(' '));
    }
    let place = h.check_number();
    assert!(place > 400, "{place}");
    h.key(KeyCode::Enter);
    assert_eq!(h.state.focus, Focus::Reader);
    assert_eq!(h.number(), place);
    // Reopen on the same store: the reader resumes the article, then the
    // list around it gives the same number, and moving keeps it right.
    let Harness { rt, .. } = h;
    let mut h = Harness::new(80, 24, rt.store);
    assert_eq!(h.state.focus, Focus::Reader);
    assert_eq!(h.number(), place, "{}", position_text(&h.state));
    h.key(KeyCode::Esc);
    assert_eq!(h.check_number(), place);
    h.key(KeyCode::Char('j'));
    assert_eq!(h.check_number(), place + 1);
    h.key(KeyCode::Char('k'));
    h.key(KeyCode::Char('k'));
    assert_eq!(h.check_number(), place - 1);
}

impl Harness {
    fn event(&mut self, ev: Event) -> &mut Self {
        handle_event(&mut self.rt, &mut self.state, &self.cfg, ev);
        self
    }

    /// Down the list past its first page (`PAGE` rows), in the list pane.
    fn far_down(&mut self) -> usize {
        self.key(KeyCode::Esc);
        for _ in 0..15 {
            self.key(KeyCode::Char(' '));
        }
        let place = self.check_number();
        assert!(place > 250, "past the first page: {place}");
        place
    }
}

/// The keys and reports that load the list again keep the article selected
/// (a reviewer's item 2: `U` and `a` put the selection back on article 1
/// when it was past the first page loaded).
#[test]
fn reloading_the_list_keeps_an_article_selected_far_down() {
    use docbao::tui::event::WorkerMsg;
    let mut h = Harness::new(80, 24, dantri_store(ARTICLES));
    let place = h.far_down();
    let id = h.state.list.selected_id();
    // `U`: the update ends (here with no feed), the list is read again.
    h.event(Event::Worker(WorkerMsg::UpdateFinished {
        feeds: 0,
        new: 0,
        updated: 0,
        failed: vec![],
    }));
    assert_eq!(h.state.list.selected_id(), id, "after an update");
    assert_eq!(h.check_number(), place);
    // `a`: a page was saved (stored again), the list is read again.
    let saved = h.order[3];
    h.event(Event::Worker(WorkerMsg::PageSaved {
        url: "https://a.vn/saved".into(),
        id: saved,
        title: h.title_of(4),
    }));
    assert_eq!(h.state.list.selected_id(), id, "after a saved page");
    assert_eq!(h.check_number(), place);
    // A sync's end too.
    h.event(Event::Worker(WorkerMsg::SyncFinished {
        report: "+0 items".into(),
        errors: vec![],
    }));
    assert_eq!(h.state.list.selected_id(), id, "after a sync");
    // `u`: unread only, and all again: the article is unread, it stays.
    h.key(KeyCode::Char('u'));
    assert!(h.state.list.filter.unread);
    assert_eq!(h.state.list.selected_id(), id, "unread only");
    h.key(KeyCode::Char('u'));
    assert_eq!(h.state.list.selected_id(), id, "all again");
    assert_eq!(h.check_number(), place);
    // Read, then unread only: it is not in the view, the next one is.
    h.key(KeyCode::Char('m'));
    h.key(KeyCode::Char('u'));
    let next = Some(h.order[place]);
    assert_eq!(h.state.list.selected_id(), next, "the nearest one");
    let text = position_text(&h.state);
    assert!(
        text.starts_with(&format!("Article {place} of 599")),
        "{text}"
    );
    // The preview beside the list follows.
    let mut h = Harness::new(120, 40, dantri_store(ARTICLES));
    let place = h.far_down();
    let id = h.state.list.selected_id();
    h.key(KeyCode::Char('m'));
    h.key(KeyCode::Char('u'));
    let next = h.order[place];
    assert_eq!(h.state.list.selected_id(), Some(next));
    h.event(Event::Rested);
    assert!(h.state.reader.shows(next), "the preview follows");
    h.key(KeyCode::Char('u'));
    assert_eq!(h.state.list.selected_id(), Some(next));
    assert_ne!(h.state.list.selected_id(), id);
}

/// `A` empties an unread-only view: the reader beside it shows nothing, as
/// beside an empty list; `Z` puts the marks back and selects the article
/// selected before, far down the list (a reviewer's item 4: the reader
/// kept its article, and `Z` selected article 1).
#[test]
fn marking_an_unread_view_read_empties_the_reader_and_undo_selects_the_article_again() {
    let mut h = Harness::new(120, 40, dantri_store(ARTICLES));
    let place = h.far_down();
    let id = h.state.list.selected_id();
    h.event(Event::Rested);
    assert!(h.state.reader.article_id().is_some() && h.state.reader.article_id() == id);
    h.key(KeyCode::Char('u'));
    assert_eq!(h.state.list.selected_id(), id);
    h.key(KeyCode::Char('A'));
    assert!(h.state.confirm.is_some(), "A asks first");
    h.key(KeyCode::Char('y'));
    assert!(h.state.list.rows.is_empty(), "nothing unread left");
    assert!(
        !h.state.reader.is_open(),
        "the reader beside the empty list shows nothing"
    );
    h.key(KeyCode::Char('Z'));
    assert_eq!(h.state.list.total, ARTICLES as i64);
    assert_eq!(
        h.state.list.selected_id(),
        id,
        "the article selected before"
    );
    assert_eq!(h.check_number(), place);
    assert!(h.state.reader.article_id() == id, "and previewed");
}

/// An article marked unread in an unread-only view rejoins it: the list
/// holds it again, its count is the store's (the sidebar's). Read and
/// gone from the view (the list read again), `m` in the reader left the
/// header at `Unread (17)` with the sidebar at 18, and the status line at
/// "Not in the list" (an independent review's find).
#[test]
fn an_article_marked_unread_rejoins_the_unread_view() {
    let mut h = Harness::new(100, 30, dantri_store(ARTICLES));
    h.key(KeyCode::Esc)
        .key(KeyCode::Char('g'))
        .key(KeyCode::Char('u'));
    assert!(h.state.list.filter.unread);
    let unread = |h: &Harness| {
        h.rt.store
            .count(&ListFilter {
                unread: true,
                ..Default::default()
            })
            .unwrap()
    };
    h.key(KeyCode::Enter);
    let id = h.state.reader.article_id().expect("opened");
    // Another connection's commit: the list read again, the article read
    // has left it.
    h.event(Event::StoreChanged);
    assert_eq!(h.state.list.total, unread(&h));
    assert_eq!(h.state.list.position_of(id), None, "read, it left the view");
    h.key(KeyCode::Char('m'));
    assert_eq!(h.state.reader.article_id(), Some(id));
    assert_eq!(unread(&h), ARTICLES as i64);
    assert_eq!(h.state.list.total, unread(&h), "the count is the store's");
    assert!(h.state.list.position_of(id).is_some(), "back in the view");
    let place = position_text(&h.state);
    assert!(place.starts_with("Article 1 of 600"), "{place}");
}
