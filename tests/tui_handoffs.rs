//! Hand-offs from the reader, through the real runtime on a real store: the
//! full page of a bookmarked feed item fetched from a server on 127.0.0.1,
//! an article piped to a command and written to a file as Markdown.

mod common;

use common::server::{Reply, Server};
use docbao::model::{ArticleId, ListFilter, NewArticle};
use docbao::store::Store;
use docbao::text::markdown::markdown;
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

/// A store holding the three Dân trí articles of the fixture (all of
/// 2020-10-01; the newest first: "Lãi suất ngân hàng giảm sâu…").
fn dantri() -> Store {
    let text = std::fs::read_to_string(common::fixture("dantri-30-head3.jsonl")).unwrap();
    let mut store = Store::open_in_memory().unwrap();
    for a in docbao::ingest::jsonl::parse_jsonl(&text) {
        store.import(&a.unwrap()).unwrap();
    }
    store
}

impl Harness {
    fn chars(&mut self, s: &str) -> &mut Self {
        for c in s.chars() {
            self.key(KeyCode::Char(c));
        }
        self
    }
}

#[test]
fn the_markdown_of_a_real_article() {
    let store = dantri();
    // The first line of the fixture.
    let md = markdown(&store.article(ArticleId(1)).unwrap());
    assert!(
        md.starts_with(
            "# Vinamilk lọt Top 1.000 thương hiệu hàng đầu châu Á\n\n\
             *2020-10-01 · dantri.com.vn* · <https://dantri.com.vn/kinh-doanh/vinamilk-lot-top-1000-thuong-hieu-hang-dau-chau-a-20201001163534963.htm>\n\n\
             **Năm 2020, Vinamilk đã vượt qua các thương hiệu trong và ngoài nước khác"
        ),
        "{md}"
    );
    assert!(md.contains("\n\nBảng xếp hạng Top 10 do Campaign Asia-Pacific"));
    assert!(md.ends_with('\n') && !md.ends_with("\n\n"));
    // The sample page: its caption in italics, its related stories as a list.
    let page = std::fs::read_to_string(common::fixture("dan-van-2021-03-05.txt")).unwrap();
    let mut store = Store::open_in_memory().unwrap();
    let id = store
        .import(&docbao::ingest::page_text::parse_page_text(&page).unwrap())
        .unwrap()
        .id();
    let md = markdown(&store.article(id).unwrap());
    assert!(md.starts_with("# Ký kết chương trình phối hợp về công tác dân vận"));
    assert!(md.contains("\n\n*Thứ 6, 05.03.2021 | 00:00:00 · Cao Biền · 279 views*\n\n"));
    assert!(md.contains("\n\n*Hội nghị ký kết kế hoạch thực hiện chương trình phối hợp về công tác dân vận năm 2021 giữa Ban cán sự Đảng UBND tỉnh và Ban Dân vận Tỉnh ủy*\n\n"));
    assert!(md.contains("\n## Related stories\n\n- Phát huy vai trò nữ đại biểu HĐND các cấp — "));
}

#[test]
fn w_writes_the_article_to_the_default_file_and_never_over_one() {
    let dir = tempfile::tempdir().unwrap();
    let save = dir.path().join("Tải về");
    let mut h = Harness::new(100, 30, dantri());
    h.state.save_dir = save.display().to_string();
    let article = h
        .state
        .reader
        .article()
        .expect("the selection is previewed")
        .clone();
    h.key(KeyCode::Char('w'));
    let input = h.state.input.as_ref().expect("the write prompt");
    let expected = save.join("2020-10-01-lai-suat-ngan-hang-giam-sau-xuong-thap-nhat-10-nam.md");
    assert_eq!(input.text, expected.display().to_string());
    h.key(KeyCode::Enter);
    assert_eq!(
        h.status(),
        (format!("Written to {}", expected.display()), false)
    );
    assert_eq!(
        std::fs::read_to_string(&expected).unwrap(),
        markdown(&article)
    );
    // Again: refused, the file as it was.
    std::fs::write(&expected, "của tôi").unwrap();
    h.key(KeyCode::Char('w')).key(KeyCode::Enter);
    let (text, error) = h.status();
    assert!(error);
    assert!(text.contains("exists"), "{text}");
    assert_eq!(std::fs::read_to_string(&expected).unwrap(), "của tôi");
    // Another name typed over the default one.
    let other = dir.path().join("khac.md");
    h.key(KeyCode::Char('w'));
    h.state.input.as_mut().unwrap().kill_to_start();
    h.chars(&other.display().to_string()).key(KeyCode::Enter);
    assert_eq!(std::fs::read_to_string(&other).unwrap(), markdown(&article));
}

#[test]
fn pipe_sends_the_article_as_markdown_to_a_command() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("tin.md");
    let mut h = Harness::new(100, 30, dantri());
    let article = h
        .state
        .reader
        .article()
        .expect("the selection is previewed")
        .clone();
    h.key(KeyCode::Char('|'));
    let cmd = format!("cat > '{}'", out.display());
    h.chars(&cmd).key(KeyCode::Enter);
    assert_eq!(h.state.input, None);
    assert_eq!(h.status(), (format!("Piped: exit status 0 ({cmd})"), false));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), markdown(&article));
    // A failing command: its status, as an error.
    h.key(KeyCode::Char('|'))
        .chars("grep -q 'không có' && exit 0; exit 4")
        .key(KeyCode::Enter);
    let (text, error) = h.status();
    assert!(error);
    assert!(
        text.starts_with("Pipe failed: exit status 4 (grep"),
        "{text}"
    );
}

#[test]
fn an_empty_store_says_how_to_get_the_news_in() {
    let h = Harness::new(100, 30, Store::open_in_memory().unwrap());
    let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(100, 30)).unwrap();
    let frame = term
        .draw(|f| docbao::tui::ui::draw(f, &h.state, &h.cfg))
        .unwrap();
    let buf = frame.buffer;
    let screen: Vec<String> = (0..30)
        .map(|y| (0..100).map(|x| buf[(x, y)].symbol().to_string()).collect())
        .collect();
    let text = screen.join("\n");
    for line in [
        "No articles yet.",
        "Add a feed: docbao feed add",
        "Import files: docbao import",
        "a: save a web page",
    ] {
        assert!(text.contains(line), "{line} in\n{text}");
    }
}

#[test]
fn an_empty_filtered_list_names_the_keys_that_lift_its_filters() {
    let mut store = Store::open_in_memory().unwrap();
    let id = store
        .import(&summary_only("https://dantri.com.vn/a.htm"))
        .unwrap()
        .id();
    store.set_read(id, true).unwrap();
    let mut h = Harness::new(100, 30, store);
    let screen = |h: &Harness| {
        let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(100, 30)).unwrap();
        let frame = term
            .draw(|f| docbao::tui::ui::draw(f, &h.state, &h.cfg))
            .unwrap();
        let buf = frame.buffer;
        (0..30)
            .map(|y| {
                (0..100)
                    .map(|x| buf[(x, y)].symbol().to_string())
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    // Unread only, every article read: `u` brings them back (not Esc).
    h.key(KeyCode::Char('u'));
    let text = screen(&h);
    assert!(text.contains("No unread articles."), "{text}");
    assert!(text.contains("u: show read ones too"), "{text}");
    assert!(
        !text.contains("Esc"),
        "Esc lifts no unread-only filter:\n{text}"
    );
    // Bookmarks only on top: both keys are named, and it is a filter's doing.
    h.key(KeyCode::Char('B'));
    let text = screen(&h);
    assert!(text.contains("No articles match the filter."), "{text}");
    assert!(text.contains("u: show read ones too"), "{text}");
    assert!(text.contains("B: all, not only bookmarks"), "{text}");
}

/// `ui.pipe_wait_key` and `ui.terminal_browsers`: read from the file, the
/// defaults a key wait and no more terminal browsers; a list holding
/// something other than a name refused at its line.
#[test]
fn the_handoff_settings_are_read_from_the_config() {
    let mut cfg = Config::defaults();
    assert!(cfg.pipe_wait_key);
    assert!(cfg.terminal_browsers.is_empty());
    cfg.apply(
        "test",
        "[ui]\npipe_wait_key = false\nterminal_browsers = [\"tui-web\", \" w3m-git \"]\n",
        true,
    )
    .expect("valid settings");
    assert!(!cfg.pipe_wait_key);
    assert_eq!(cfg.terminal_browsers, ["tui-web", "w3m-git"]);
    let err = Config::defaults()
        .apply("test", "[ui]\n\nterminal_browsers = [\"a\", 1]\n", true)
        .unwrap_err();
    assert_eq!(err.line, 3);
    assert!(err.message.contains("list of program names"), "{err}");
    let err = Config::defaults()
        .apply("test", "[ui]\npipe_wait_key = \"yes\"\n", true)
        .unwrap_err();
    assert!(
        err.message.contains("wrong type for ui.pipe_wait_key"),
        "{err}"
    );
}
