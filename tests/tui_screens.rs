//! The reader's screens on fixed fixture data: `TestBackend` widget checks and
//! `insta` snapshots of the whole screen at 120×40, 80×24 and 40×12.

use docbao::ingest;
use docbao::store::Store;
use docbao::tui::app::{Runtime, handle_event, settle, start};
use docbao::tui::config::Config;
use docbao::tui::event::Event;
use docbao::tui::state::{AppState, Focus};
use docbao::tui::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::Modifier;
use unicode_width::UnicodeWidthStr;

fn fixture(name: &str) -> String {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read_to_string(p).expect("fixture")
}

/// A store holding the sample page and three Dân trí articles.
fn store() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    let mut articles =
        vec![ingest::page_text::parse_page_text(&fixture("dan-van-2021-03-05.txt")).unwrap()];
    for a in ingest::jsonl::parse_jsonl(&fixture("dantri-30-head3.jsonl")) {
        articles.push(a.unwrap());
    }
    for r in store.import_batch(&articles).unwrap() {
        r.unwrap();
    }
    store
}

struct Harness {
    state: AppState,
    rt: Runtime,
    cfg: Config,
    term: Terminal<TestBackend>,
}

impl Harness {
    fn new(w: u16, h: u16) -> Harness {
        Harness::with_store(w, h, store())
    }

    fn with_store(w: u16, h: u16, store: Store) -> Harness {
        let cfg = Config::defaults();
        let mut state = AppState::new(w, h, cfg.sidebar);
        let mut rt = Runtime::new(store);
        start(&mut rt, &mut state, &cfg);
        let term = Terminal::new(TestBackend::new(w, h)).unwrap();
        Harness {
            state,
            rt,
            cfg,
            term,
        }
    }

    fn key(&mut self, code: KeyCode) -> &mut Self {
        let ev = Event::Key(KeyEvent::new(code, KeyModifiers::NONE));
        handle_event(&mut self.rt, &mut self.state, &self.cfg, ev);
        self
    }

    fn ctrl(&mut self, c: char) -> &mut Self {
        let ev = Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
        handle_event(&mut self.rt, &mut self.state, &self.cfg, ev);
        self
    }

    fn title(&self) -> String {
        self.state
            .reader
            .shown
            .as_ref()
            .map(|a| a.title().to_string())
            .unwrap_or_default()
    }

    fn chars(&mut self, s: &str) -> &mut Self {
        for c in s.chars() {
            self.key(KeyCode::Char(c));
        }
        self
    }

    fn resize(&mut self, w: u16, h: u16) -> &mut Self {
        handle_event(
            &mut self.rt,
            &mut self.state,
            &self.cfg,
            Event::Resize(w, h),
        );
        self.term.backend_mut().resize(w, h);
        self
    }

    fn screen(&mut self) -> String {
        settle(&mut self.rt, &mut self.state, &self.cfg);
        let (state, cfg) = (&self.state, &self.cfg);
        self.term.draw(|f| ui::draw(f, state, cfg)).unwrap();
        let buf = self.term.backend().buffer().clone();
        let mut out = String::new();
        for y in 0..buf.area.height {
            let mut line = String::new();
            let mut skip = 0;
            for x in 0..buf.area.width {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                let sym = buf[(x, y)].symbol();
                skip = sym.width().saturating_sub(1);
                line.push_str(sym);
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out
    }
}

#[test]
fn snapshot_120x40_three_panes() {
    let mut h = Harness::new(120, 40);
    insta::assert_snapshot!("list_120x40", h.screen());
    h.key(KeyCode::Enter);
    insta::assert_snapshot!("reader_120x40", h.screen());
}

#[test]
fn snapshot_80x24_sidebar_folded() {
    let mut h = Harness::new(80, 24);
    let s = h.screen();
    assert!(
        !s.contains("Sources") && !s.contains("Keywords"),
        "the sidebar folds away at 80 columns"
    );
    insta::assert_snapshot!("list_80x24", s);
    h.key(KeyCode::Enter).chars("z");
    insta::assert_snapshot!("reader_maximised_80x24", h.screen());
    h.chars("\\");
    assert!(h.screen().contains("Sources"), "a key shows the sidebar");
    h.chars("\\");
    assert!(h.screen().contains("Keywords"), "and then the keywords");
}

/// The sidebar holding the focus stays on screen when the screen changes
/// size: keys went on moving its selection unseen, and Enter filtered the
/// list by a source the reader never saw.
#[test]
fn a_resize_never_hides_the_sidebar_that_has_the_focus() {
    // Focused at 120 columns, then narrowed to 80, where it folds away
    // unless asked for.
    let mut h = Harness::new(120, 40);
    h.key(KeyCode::Char('h'));
    assert_eq!(h.state.focus, Focus::Sidebar);
    h.resize(80, 24);
    let s = h.screen();
    assert!(s.contains("Sources"), "the focused sidebar stays:\n{s}");
    assert!(s.contains("Articles"), "beside the list:\n{s}");
    assert_eq!(h.state.focus, Focus::Sidebar);
    // Opened alone on a narrow screen, then widened to 80.
    let mut h = Harness::new(40, 12);
    h.chars("\\");
    assert!(h.screen().contains("Sources"));
    h.resize(80, 24);
    let s = h.screen();
    assert!(s.contains("Sources") && s.contains("Articles"), "{s}");
    // Not focused, it folds away as before.
    let mut h = Harness::new(120, 40);
    assert_ne!(h.state.focus, Focus::Sidebar);
    h.resize(80, 24);
    let s = h.screen();
    assert!(!s.contains("Sources"), "{s}");
}

/// The list's title, too long for its pane, ends with "…" before the
/// corner: cut bare by the border, "#Thái Bình Dương" read "#Thái Bình",
/// another keyword the store holds (a QA pass's report).
#[test]
fn a_list_title_too_long_for_its_pane_ends_with_an_ellipsis() {
    for w in [80u16, 100, 120] {
        let mut h = Harness::new(w, 24);
        h.state.list.filter.keywords =
            vec!["Thái Bình Dương".into(), "European Super League".into()];
        let s = h.screen();
        let top = s.lines().next().unwrap_or_default().to_string();
        let start = top.find("Articles").expect("the list's title");
        let corner = start + top[start..].find(['┓', '┐']).expect("the list's corner");
        let title = &top[start..corner];
        assert!(
            title.contains("#Thái Bình Dương · #European Super League") || title.ends_with("… "),
            "{w} columns: {top}"
        );
        assert!(
            !title.ends_with("Bình ") && !title.ends_with("Super "),
            "{top}"
        );
    }
}

#[test]
fn snapshot_40x12_one_pane_at_a_time() {
    let mut h = Harness::new(40, 12);
    insta::assert_snapshot!("list_40x12", h.screen());
    h.key(KeyCode::Enter);
    insta::assert_snapshot!("reader_40x12", h.screen());
    h.chars("?");
    insta::assert_snapshot!("help_40x12", h.screen());
}

#[test]
fn every_line_fits_and_nothing_overflows_at_many_sizes() {
    for (w, hgt) in [
        (120, 40),
        (100, 30),
        (80, 24),
        (61, 20),
        (60, 20),
        (45, 15),
        (40, 12),
    ] {
        let mut h = Harness::new(w, hgt);
        h.key(KeyCode::Enter);
        for _ in 0..30 {
            let s = h.screen();
            for line in s.lines() {
                assert!(line.width() <= w as usize, "{w}x{hgt}: {line:?}");
            }
            h.key(KeyCode::PageDown);
        }
    }
}

#[test]
fn captions_are_styled_apart() {
    let mut h = Harness::new(80, 60);
    h.key(KeyCode::Enter).chars("z");
    let s = h.screen();
    let buf = h.term.backend().buffer().clone();
    let y = s
        .lines()
        .position(|l| l.contains("┃   Hội nghị ký kết kế hoạch"))
        .expect("caption on screen, indented") as u16;
    let x = (0..buf.area.width)
        .find(|&x| buf[(x, y)].symbol() == "H")
        .unwrap();
    assert!(
        buf[(x, y)].modifier.contains(Modifier::ITALIC),
        "captions are italic"
    );
    let body_y = s.lines().position(|l| l.contains("Chiều 5/3")).unwrap() as u16;
    let bx = (0..buf.area.width)
        .find(|&x| buf[(x, body_y)].symbol() == "C")
        .unwrap();
    assert!(!buf[(bx, body_y)].modifier.contains(Modifier::ITALIC));
}

#[test]
fn resizing_keeps_the_reading_position() {
    let mut h = Harness::new(120, 40);
    h.key(KeyCode::Enter);
    h.screen();
    // Scroll until the fourth body paragraph is at the top.
    while !h
        .state
        .reader
        .lines
        .get(h.state.reader.top)
        .is_some_and(|l| l.text.starts_with("Đồng chí Bí thư"))
    {
        h.chars("j");
        h.screen();
        assert!(
            h.state.reader.top < h.state.reader.lines.len(),
            "paragraph not found"
        );
    }
    for (w, hh) in [(80, 24), (40, 12), (60, 20), (120, 40)] {
        h.resize(w, hh);
        h.screen();
        let top = &h.state.reader.lines[h.state.reader.top];
        assert!(
            top.text.starts_with("Đồng chí Bí thư"),
            "{w}x{hh}: top is {:?}",
            top.text
        );
    }
}

#[test]
fn status_line_shows_position_and_hints_from_the_keymap() {
    let mut h = Harness::new(100, 30);
    let s = h.screen();
    let status = s.lines().last().unwrap();
    assert!(status.contains("Article 1 of 4"), "{status}");
    assert!(
        status.contains("? help") && status.contains("q quit"),
        "{status}"
    );
    h.key(KeyCode::Enter);
    let s = h.screen();
    assert!(s.lines().last().unwrap().contains('%'));
    h.chars("s");
    let s = h.screen();
    assert!(s.lines().last().unwrap().contains("Bookmarked"));
    assert!(h.state.reader.article().unwrap().bookmarked);
    assert_eq!(h.state.focus, Focus::Reader);
}

#[test]
fn ascii_borders_option() {
    let mut h = Harness::new(80, 24);
    h.cfg
        .apply("test", "[ui]\nborders = \"ascii\"\n", true)
        .unwrap();
    let s = h.screen();
    assert!(s.starts_with('+'), "{s}");
    assert!(!s.contains('┌') && !s.contains('┏'));
}

/// A store of `n` generated articles, one a day.
fn big_store(n: usize) -> Store {
    let mut store = Store::open_in_memory().unwrap();
    let articles: Vec<_> = (0..n)
        .map(|i| docbao::model::NewArticle {
            url: Some(format!("https://x.vn/{i}")),
            title: format!("Bài số {i}"),
            published: chrono::DateTime::parse_from_rfc3339("2020-01-01T08:00:00+07:00")
                .ok()
                .map(|d| d + chrono::Duration::days(i as i64)),
            paragraphs: vec![docbao::model::Paragraph::text(format!("Nội dung {i}."))],
            ..Default::default()
        })
        .collect();
    for r in store.import_batch(&articles).unwrap() {
        r.unwrap();
    }
    store
}

#[test]
fn bottom_and_back_up_page_the_list_without_loading_it_whole() {
    let cfg = Config::defaults();
    let mut state = AppState::new(80, 24, true);
    let mut rt = Runtime::new(big_store(1500));
    start(&mut rt, &mut state, &cfg);
    let mut press = |state: &mut AppState, c: char| {
        handle_event(
            &mut rt,
            state,
            &cfg,
            Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)),
        );
        settle(&mut rt, state, &cfg);
    };
    assert_eq!(state.list.rows[0].title, "Bài số 1499");
    press(&mut state, 'G');
    assert_eq!(state.list.selected_row().unwrap().title, "Bài số 0");
    assert_eq!(state.list.absolute(), 1499);
    assert!(
        state.list.rows.len() <= docbao::tui::state::list::PAGE,
        "only the last page is loaded"
    );
    // Back up past the start of the window: earlier pages come in front.
    for _ in 0..450 {
        press(&mut state, 'k');
    }
    assert_eq!(state.list.selected_row().unwrap().title, "Bài số 450");
    assert_eq!(state.list.absolute(), 1049);
    assert!(state.list.rows.len() <= docbao::tui::state::list::WINDOW);
    press(&mut state, 'g');
    assert_eq!(state.list.selected_row().unwrap().title, "Bài số 1499");
    assert_eq!(state.list.base, 0);
    // Walking down the whole list keeps the window bounded.
    for _ in 0..1499 {
        press(&mut state, 'j');
    }
    assert_eq!(state.list.selected_row().unwrap().title, "Bài số 0");
    assert!(
        state.list.rows.len() <= docbao::tui::state::list::WINDOW + docbao::tui::state::list::PAGE
    );
}

#[test]
fn reopens_on_the_last_article_even_deep_in_the_list() {
    let store = big_store(1500);
    // "Bài số 300" is row 1199 of the list (newest first).
    let id = store.list(&Default::default(), None, 1500).unwrap()[1199]
        .id
        .0;
    store.set_state("last_article", &id.to_string()).unwrap();
    let cfg = Config::defaults();
    let mut state = AppState::new(80, 24, true);
    let mut rt = Runtime::new(store);
    start(&mut rt, &mut state, &cfg);
    assert_eq!(state.focus, Focus::Reader);
    assert_eq!(state.reader.article().unwrap().title, "Bài số 300");
    assert_eq!(state.list.selected_row().unwrap().title, "Bài số 300");
    assert_eq!(state.list.absolute(), 1199);
    // n/p walk the list from there, across the window's edges.
    for _ in 0..150 {
        handle_event(
            &mut rt,
            &mut state,
            &cfg,
            Event::Key(KeyEvent::new(KeyCode::Char('p'), KeyModifiers::NONE)),
        );
    }
    assert_eq!(state.reader.article().unwrap().title, "Bài số 450");
    for _ in 0..300 {
        handle_event(
            &mut rt,
            &mut state,
            &cfg,
            Event::Key(KeyEvent::new(KeyCode::Char('n'), KeyModifiers::NONE)),
        );
    }
    assert_eq!(state.reader.article().unwrap().title, "Bài số 150");
    assert_eq!(state.list.absolute(), 1349);
}

/// The sample page, a stored article its first related story resolves to (by
/// title), and articles with keywords.
fn linked_store() -> Store {
    use docbao::model::{Keyword, KeywordSource, NewArticle, Paragraph};
    let mut store = store();
    let kw = |n: &str| Keyword {
        name: n.into(),
        source: KeywordSource::Page,
    };
    let mk = |title: &str, url: &str, day: u32, kws: Vec<Keyword>| NewArticle {
        url: Some(url.into()),
        title: title.into(),
        published: chrono::DateTime::parse_from_rfc3339(&format!(
            "2021-02-{day:02}T08:00:00+07:00"
        ))
        .ok(),
        paragraphs: (1..=30)
            .map(|i| Paragraph::text(format!("Đoạn {i} của bài {title}.")))
            .collect(),
        keywords: kws,
        ..Default::default()
    };
    let articles = vec![
        mk(
            "Phát huy vai trò nữ đại biểu HĐND các cấp",
            "https://x.vn/nu",
            1,
            vec![kw("Thái Bình"), kw("HĐND")],
        ),
        mk(
            "Bầu cử ở Thái Bình",
            "https://x.vn/bc",
            2,
            vec![kw("Thái Bình"), kw("bầu cử")],
        ),
        mk(
            "Bầu cử ở Hà Nội",
            "https://x.vn/hn",
            3,
            vec![kw("Hà Nội"), kw("bầu cử")],
        ),
    ];
    for r in store.import_batch(&articles).unwrap() {
        r.unwrap();
    }
    store
}

#[test]
fn related_stories_open_and_history_walks_back_and_forward_with_positions() {
    let mut h = Harness::with_store(100, 30, linked_store());
    h.screen();
    assert!(
        h.state
            .list
            .selected_row()
            .unwrap()
            .title
            .starts_with("Ký kết")
    );
    h.key(KeyCode::Enter);
    h.screen();
    // Read a little way in: the position to come back to.
    h.ctrl('d');
    h.screen();
    let anchor = h.state.reader.position();
    assert!(anchor.paragraph > 0);
    // Related story 1 is stored (resolved by its title): it opens.
    h.chars("1");
    h.screen();
    assert_eq!(h.title(), "Phát huy vai trò nữ đại biểu HĐND các cấp");
    assert!(h.screen().lines().last().unwrap().contains("↶1"));
    // Scroll in it too, then follow nothing and go back.
    h.ctrl('d');
    h.screen();
    let anchor2 = h.state.reader.position();
    h.chars("H");
    h.screen();
    assert!(h.title().starts_with("Ký kết"));
    assert_eq!(
        h.state.reader.position(),
        anchor,
        "back restores the position"
    );
    h.chars("L");
    h.screen();
    assert_eq!(h.title(), "Phát huy vai trò nữ đại biểu HĐND các cấp");
    assert_eq!(
        h.state.reader.position(),
        anchor2,
        "forward restores the position"
    );
    h.chars("H");
    h.screen();
    // Related story 2 is not in the store: it opens as a stub.
    h.chars("2");
    let s = h.screen();
    assert_eq!(
        h.title(),
        "Khơi dậy động lực phát triển đất nước trong giai đoạn mới"
    );
    assert!(s.contains("Not saved in docbao"), "{s}");
    assert!(s.contains("Trong bài viết"), "the excerpt shows");
    h.chars("H");
    h.screen();
    assert!(h.title().starts_with("Ký kết"));
    assert_eq!(h.state.history.depth(), 0);
    assert_eq!(h.state.history.forward.len(), 1);
    h.chars("L");
    h.screen();
    assert_eq!(
        h.title(),
        "Khơi dậy động lực phát triển đất nước trong giai đoạn mới"
    );
}

#[test]
fn links_are_picked_with_brackets_and_chips_filter_the_list() {
    let mut h = Harness::with_store(120, 40, linked_store());
    // Open "Bầu cử ở Thái Bình" (keywords Thái Bình, bầu cử).
    let i = h
        .state
        .list
        .rows
        .iter()
        .position(|r| r.title == "Bầu cử ở Thái Bình")
        .unwrap();
    for _ in 0..i {
        h.chars("j");
    }
    h.key(KeyCode::Enter);
    h.screen();
    h.chars("]");
    let s = h.screen();
    assert_eq!(h.state.reader.target, Some(0));
    assert!(s.contains("[Thái Bình]"), "{s}");
    // The picked chip is reversed.
    let buf = h.term.backend().buffer().clone();
    let y = s.lines().position(|l| l.contains("[Thái Bình]")).unwrap() as u16;
    let line = s.lines().nth(y as usize).unwrap();
    let col = line[..line.find("[Thái Bình]").unwrap()].width() as u16;
    assert!(buf[(col, y)].modifier.contains(Modifier::REVERSED));
    h.key(KeyCode::Enter);
    h.screen();
    assert_eq!(h.state.focus, Focus::List);
    assert_eq!(h.state.list.filter.keywords, vec!["Thái Bình".to_string()]);
    let titles: Vec<&str> = h.state.list.rows.iter().map(|r| r.title.as_str()).collect();
    // The two with the page keyword, and the sample page (an auto keyword).
    assert!(
        titles.contains(&"Bầu cử ở Thái Bình")
            && titles.contains(&"Phát huy vai trò nữ đại biểu HĐND các cấp")
    );
    assert!(!titles.contains(&"Bầu cử ở Hà Nội"), "{titles:?}");
    assert!(
        h.screen()
            .lines()
            .last()
            .unwrap()
            .contains("keyword: Thái Bình")
    );
    // Combine with a second keyword from the sidebar: articles with both
    // (`\` shows the keywords; `/` filters the list the sidebar shows).
    h.chars("\\");
    h.chars("/");
    h.chars("bau");
    h.key(KeyCode::Enter);
    assert_eq!(h.state.sidebar.selected_name(), Some("bầu cử"));
    h.key(KeyCode::Enter);
    h.screen();
    let titles: Vec<&str> = h.state.list.rows.iter().map(|r| r.title.as_str()).collect();
    assert_eq!(titles, ["Bầu cử ở Thái Bình"]);
    // c clears the filter.
    h.chars("c");
    h.screen();
    assert!(h.state.list.filter.keywords.is_empty());
    assert_eq!(h.state.list.total, 7);
}

#[test]
fn sidebar_lists_counts_most_used_first_and_filters_as_you_type() {
    let mut h = Harness::with_store(120, 40, linked_store());
    let s = h.screen();
    let names: Vec<&str> = h
        .state
        .sidebar
        .keywords
        .iter()
        .map(|(n, _)| n.as_str())
        .collect();
    // Most used first; ties in Vietnamese dictionary order.
    let counts: Vec<i64> = h.state.sidebar.keywords.iter().map(|(_, c)| *c).collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
    for w in h.state.sidebar.keywords.windows(2) {
        if w[0].1 == w[1].1 {
            assert!(
                docbao::text::fold::vi_sort_key(&w[0].0)
                    <= docbao::text::fold::vi_sort_key(&w[1].0),
                "{w:?}"
            );
        }
    }
    assert!(names.contains(&"Thái Bình") && names.contains(&"bầu cử"));
    assert!(s.contains("Thái Bình"));
    h.chars("\\");
    h.chars("h/");
    h.chars("ha noi");
    let s = h.screen();
    assert_eq!(h.state.sidebar.visible.len(), 1);
    assert!(s.contains("/ha noi"), "{s}");
    h.key(KeyCode::Esc);
    assert_eq!(
        h.state.sidebar.visible.len(),
        h.state.sidebar.keywords.len()
    );
}

#[test]
fn search_as_you_type_opens_a_hit_and_esc_restores_the_list() {
    let mut h = Harness::new(100, 30);
    h.chars("jj");
    h.screen();
    let before: Vec<String> = h.state.list.rows.iter().map(|r| r.title.clone()).collect();
    let selected = h.state.list.selected;
    h.chars("/");
    assert!(h.screen().lines().last().unwrap().contains("Search"));
    // Typed quickly: only the newest query runs (once, before the draw).
    // A quoted phrase: "dan van" in that order, whole words.
    h.chars("\"dan van\"");
    let s = h.screen();
    let search = h.state.search.as_ref().unwrap();
    assert_eq!(search.query, "\"dan van\"");
    assert_eq!(
        search.shown, search.generation,
        "the results are the newest query's"
    );
    assert!(search.hits[0].title.starts_with("Ký kết"), "{s}");
    assert_eq!(search.hits.len(), 1, "{s}");
    assert!(
        s.contains("dân vận"),
        "the snippet shows the original spelling: {s}"
    );
    // The matched words are highlighted.
    let buf = h.term.backend().buffer().clone();
    let y = s
        .lines()
        .position(|l| l.contains("dân vận") && !l.contains("Ký kết"))
        .unwrap() as u16;
    let line = s.lines().nth(y as usize).unwrap();
    let col = line[..line.find("dân vận").unwrap()].width() as u16;
    assert!(buf[(col, y)].modifier.contains(Modifier::REVERSED));
    // An older result arriving late is dropped.
    let stale = h.state.search.as_ref().unwrap().generation - 1;
    assert!(!h.state.search.as_mut().unwrap().accept(stale, Vec::new()));
    assert!(!h.state.search.as_ref().unwrap().hits.is_empty());
    h.key(KeyCode::Enter);
    h.screen();
    assert!(h.title().starts_with("Ký kết"));
    assert_eq!(h.state.focus, Focus::Reader);
    // Back to the results, then Esc: the list as it was.
    h.key(KeyCode::Esc);
    h.screen();
    assert!(h.state.search.is_some());
    h.key(KeyCode::Esc);
    h.screen();
    assert!(h.state.search.is_none());
    let after: Vec<String> = h.state.list.rows.iter().map(|r| r.title.clone()).collect();
    assert_eq!(after, before);
    assert_eq!(h.state.list.selected, selected);
    // Hostile input is just text.
    h.chars("/");
    h.chars("\"COVID-19 OR NOT -:^* \"");
    let s = h.screen();
    // It ran as text: no error in the status line, and the screen says what it found.
    assert!(
        h.state.status.as_ref().is_none_or(|st| !st.error),
        "{:?}",
        h.state.status
    );
    let n = h.state.search.as_ref().unwrap().hits.len();
    assert!(
        s.contains(&format!("({n})")) || s.contains("No article matches"),
        "{s}"
    );
    h.key(KeyCode::Esc);
    assert!(h.state.search.is_none());
}

#[test]
fn find_in_the_article_jumps_between_matches() {
    let mut h = Harness::new(80, 24);
    h.key(KeyCode::Enter);
    h.screen();
    h.chars("/");
    h.chars("ban dan van");
    h.key(KeyCode::Enter);
    let s = h.screen();
    let hits = h.state.reader.find_hits.len();
    assert!(hits >= 3, "{hits}");
    assert!(s.lines().last().unwrap().contains("matches"), "{s}");
    // n goes down through the matches (not to the next article), N back up.
    let mut tops = vec![h.state.reader.top];
    for _ in 1..hits {
        h.chars("n");
        h.screen();
        tops.push(h.state.reader.top);
    }
    assert!(h.title().starts_with("Ký kết"), "n stayed in the article");
    assert!(tops.windows(2).all(|w| w[0] <= w[1]), "{tops:?}");
    assert!(tops.last() > tops.first(), "{tops:?}");
    let current = h.state.reader.find_current;
    assert_eq!(current, Some(hits - 1));
    h.chars("N");
    assert!(h.state.reader.find_current < current);
    // Past the last match, n goes on from the first.
    h.chars("nn");
    assert_eq!(h.state.reader.find_current, Some(0));
    // Folding: "Đảng" in the article is found by "dang".
    h.chars("/");
    h.ctrl('u');
    h.chars("dang");
    h.screen();
    let first = h.state.reader.find_hits[0].clone();
    let text = &h.state.reader.lines[first.0].text[first.1.clone()];
    assert_eq!(text, "Đảng");
    // Esc clears the find; n is the next article again.
    h.key(KeyCode::Esc);
    assert!(h.state.reader.find.is_none());
    h.chars("n");
    h.screen();
    assert!(!h.title().starts_with("Ký kết"));
}

#[test]
fn undated_articles_give_the_date_column_to_their_titles() {
    // baomoi's records carry no date: the list shows no empty date column.
    let mut undated = Store::open_in_memory().unwrap();
    let articles: Vec<_> = ingest::jsonl::parse_jsonl(&fixture("baomoi-2lines-TEST-ONLY.jsonl"))
        .into_iter()
        .map(|a| a.unwrap())
        .collect();
    assert!(articles.iter().all(|a| a.published.is_none()));
    for r in undated.import_batch(&articles).unwrap() {
        r.unwrap();
    }
    let mut h = Harness::with_store(100, 20, undated);
    let screen = h.screen();
    let first = &articles[articles.len() - 1].title;
    let start: String = first.chars().take(12).collect();
    assert!(
        screen.contains(&format!("┃• {start}")),
        "the title follows the unread mark:\n{screen}"
    );
    // Dated articles keep the column (the sample page of 2021-03-05).
    assert!(Harness::new(100, 20).screen().contains("05/03/21"));
}

/// A year outside 2000–2099 is shown whole, with its month: two digits
/// would read as this century's (a QA pass saw 1900-01-01 as "01/01/00"
/// and 9999 as "99").
#[test]
fn a_year_outside_this_century_is_shown_whole() {
    let mut store = Store::open_in_memory().unwrap();
    for (title, date) in [
        ("Tuyên ngôn độc lập", "1945-09-02T09:00:00+07:00"),
        ("Một ngày xa", "9999-12-31T00:00:00Z"),
        ("Hôm nay", "2021-03-05T08:00:00+07:00"),
    ] {
        let line = format!(
            r#"{{"title":"{title}","url":"https://example.vn/{}","published":"{date}","body":["Nội dung bài."]}}"#,
            title.len()
        );
        let a = ingest::jsonl::parse_jsonl(&line).remove(0).unwrap();
        store.import(&a).unwrap();
    }
    let screen = Harness::with_store(100, 20, store).screen();
    for date in ["09/1945", "12/9999", "05/03/21"] {
        assert!(screen.contains(date), "{date}:\n{screen}");
    }
    assert!(!screen.contains("02/09/45"), "{screen}");
}

/// The look-alike "Ð" (U+00D0, Icelandic Eth) a page printed for "Đ" is
/// shown as "Đ" in the reader: in a related story's excerpt too (the
/// sample page's second one read "Ðại hội XIII của Ðảng"). The store
/// keeps the text as the page printed it.
#[test]
fn the_look_alike_eth_reads_as_d_with_stroke_in_related_stories() {
    let mut h = Harness::new(120, 40);
    h.key(KeyCode::Enter);
    h.screen();
    assert!(h.title().starts_with("Ký kết"), "{}", h.title());
    h.key(KeyCode::Char('G'));
    let s = h.screen();
    assert!(s.contains("Khơi dậy động lực"), "{s}");
    assert!(s.contains("Đại hội XIII"), "{s}");
    assert!(!s.contains('Ð'), "{s}");
}
