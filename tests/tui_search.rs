//! Searching in the reader (the review of a daily reader, items 3, 5, 6, 8
//! and 15): results past the first page, the status line's place in them,
//! the preview following the highlighted result while the prompt is open,
//! the prompt's label at 80 columns, and the keyword sidebar's filter
//! finding keywords past those loaded.

mod common;

use std::io::Read;

use common::tui::{T, hit};
use docbao::ingest;
use docbao::model::ArticleId;
use docbao::store::Store;
use docbao::tui::action::Action;
use docbao::tui::app::{Runtime, handle_event, settle, start};
use docbao::tui::config::Config;
use docbao::tui::event::{Event, Loaded, Opening};
use docbao::tui::state::search::PAGE;
use docbao::tui::state::{AppState, Focus};
use docbao::tui::ui;
use docbao::tui::update::{Effect, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// The first `n` articles of the Dân trí 2,653 set (real news, GPL-3.0; see
/// tests/fixtures/README.md).
fn dantri_store(n: usize) -> Store {
    let mut text = String::new();
    flate2::read::GzDecoder::new(&include_bytes!("fixtures/dantri-2653.jsonl.gz")[..])
        .read_to_string(&mut text)
        .expect("the Dân trí fixture is gzip");
    let articles: Vec<_> = ingest::jsonl::jsonl_records(&text)
        .flatten()
        .take(n)
        .collect();
    let mut store = Store::open_in_memory().unwrap();
    for r in store.import_batch(&articles).unwrap() {
        r.unwrap();
    }
    store
}

/// The reader on a real store, its effects performed by the runtime.
struct App {
    state: AppState,
    rt: Runtime,
    cfg: Config,
}

impl App {
    fn new(w: u16, h: u16, store: Store) -> App {
        let cfg = Config::defaults();
        let mut state = AppState::new(w, h, cfg.sidebar);
        let mut rt = Runtime::new(store);
        start(&mut rt, &mut state, &cfg);
        App { state, rt, cfg }
    }

    fn code(&mut self, code: KeyCode) -> &mut App {
        let ev = Event::Key(KeyEvent::new(code, KeyModifiers::NONE));
        handle_event(&mut self.rt, &mut self.state, &self.cfg, ev);
        settle(&mut self.rt, &mut self.state, &self.cfg);
        self
    }

    fn chars(&mut self, s: &str) -> &mut App {
        for c in s.chars() {
            self.code(KeyCode::Char(c));
        }
        self
    }

    fn held(&self) -> usize {
        self.state.search.as_ref().map_or(0, |s| s.hits.len())
    }

    fn screen(&mut self) -> Vec<String> {
        let (w, h) = (self.state.width, self.state.height);
        let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
        let (state, cfg) = (&self.state, &self.cfg);
        term.draw(|f| ui::draw(f, state, cfg)).unwrap();
        let buf = term.backend().buffer().clone();
        (0..h)
            .map(|y| common::tui::buffer_row(&buf, y, 0..w))
            .collect()
    }
}

#[test]
fn results_go_on_past_the_first_page_on_a_real_store() {
    let mut app = App::new(120, 40, dantri_store(900));
    app.code(KeyCode::Char('/'))
        .chars("nguoi")
        .code(KeyCode::Enter);
    app.code(KeyCode::Esc);
    let total = app.state.search.as_ref().unwrap().total.unwrap();
    assert!(
        total.0 > PAGE,
        "a query with more matches than a page: {total:?}"
    );
    assert_eq!(app.held(), PAGE, "the first page");
    // Down to the last result held: near it, the next ones are asked for.
    for _ in 0..PAGE - 1 {
        app.code(KeyCode::Char('j'));
    }
    assert_eq!(app.held(), (2 * PAGE).min(total.0));
    // The first page's snippets were kept, not made again: the results are
    // a fresh search's, snippets and all.
    let fresh = app
        .rt
        .store
        .search("nguoi", &app.state.list.filter, app.held())
        .unwrap();
    assert_eq!(app.state.search.as_ref().unwrap().hits, fresh);
    let s = app.state.search.as_ref().unwrap();
    assert_eq!(s.selected, PAGE - 1, "the selection stays where it was");
    // Result 201 opens, and n goes on from there.
    app.code(KeyCode::Char('j')).code(KeyCode::Enter);
    assert_eq!(app.state.focus, Focus::Reader);
    let status = ui::status::position_text(&app.state);
    assert!(
        status.starts_with(&format!("Result {} of {}", PAGE + 1, total.0)),
        "{status}"
    );
    app.code(KeyCode::Char('n'));
    let id = app.state.search.as_ref().unwrap().hits[PAGE + 1].id;
    assert_eq!(app.state.reader.article_id(), Some(id));
    // To the very end: every match is held, the last says so.
    for _ in 0..20 {
        app.code(KeyCode::Esc)
            .code(KeyCode::Char('G'))
            .code(KeyCode::Enter);
    }
    assert_eq!(app.held(), total.0);
    app.code(KeyCode::Char('n'));
    assert_eq!(
        app.state.status.as_ref().map(|m| m.text.as_str()),
        Some("This is the last result")
    );
}

#[test]
fn results_cut_at_the_stores_cap_say_so() {
    let mut t = T::siteless(120, 40, 3);
    update(&mut t.state, Action::Search);
    let fx = t.chars("ha");
    let Some(Effect::RunSearch { generation, .. }) = fx.first().cloned() else {
        panic!("typing runs the search: {fx:?}");
    };
    let hits = |n: i64| (1..=n).map(|i| hit(i, false)).collect::<Vec<_>>();
    t.loaded(Loaded::SearchResults {
        generation,
        hits: hits(PAGE as i64),
        total: Some((2000, true)),
    });
    t.code(KeyCode::Enter);
    assert_eq!(t.state.focus, Focus::Reader);
    t.state.search.as_mut().unwrap().selected = PAGE - 1;
    // The last result held: n asks for more, and says it.
    let fx = update(&mut t.state, Action::NextArticle);
    let more = Effect::MoreResults {
        query: "ha".into(),
        generation,
        limit: 2 * PAGE,
    };
    assert!(fx.contains(&more), "{fx:?}");
    assert_eq!(t.status(), "Loading more results…");
    // Asked once: n again while it comes asks nothing more.
    let fx = update(&mut t.state, Action::NextArticle);
    assert!(!fx.contains(&more), "{fx:?}");
    // All 2,000 held, more matching: the screen says where results stop.
    t.loaded(Loaded::SearchResults {
        generation,
        hits: hits(2000),
        total: Some((2000, true)),
    });
    assert_eq!(t.state.search.as_ref().unwrap().selected, PAGE - 1);
    t.state.search.as_mut().unwrap().selected = 1999;
    let fx = update(&mut t.state, Action::NextArticle);
    assert!(
        !fx.iter().any(|e| matches!(e, Effect::MoreResults { .. })),
        "{fx:?}"
    );
    assert_eq!(
        t.status(),
        "Results stop at 2.000: narrow the search to see the others"
    );
}

#[test]
fn the_status_line_gives_the_place_in_the_results() {
    let mut t = T::siteless(100, 30, 31);
    update(&mut t.state, Action::Search);
    let fx = t.chars("bao");
    let Some(Effect::RunSearch { generation, .. }) = fx.first().cloned() else {
        panic!("typing runs the search: {fx:?}");
    };
    t.loaded(Loaded::SearchResults {
        generation,
        hits: (1..=20).map(|i| hit(i, false)).collect(),
        total: Some((20, false)),
    });
    t.code(KeyCode::Down);
    t.code(KeyCode::Enter);
    t.code(KeyCode::Esc);
    t.key('j');
    assert_eq!(t.state.focus, Focus::List);
    let status = ui::status::position_text(&t.state);
    assert!(status.starts_with("Result 3 of 20"), "{status}");
    // Past the store's cap, the count the header gives.
    t.state.search.as_mut().unwrap().total = Some((2000, true));
    let status = ui::status::position_text(&t.state);
    assert!(status.starts_with("Result 3 of 2.000+"), "{status}");
}

#[test]
fn the_preview_follows_the_highlighted_result_while_the_prompt_is_open() {
    let mut t = T::siteless(120, 40, 3);
    t.open(common::tui::article(1, 3), Opening::Preview);
    update(&mut t.state, Action::Search);
    let fx = t.chars("tin");
    let Some(Effect::RunSearch { generation, .. }) = fx.first().cloned() else {
        panic!("typing runs the search: {fx:?}");
    };
    // The results come: the first is previewed once they rest.
    let fx = t.loaded(Loaded::SearchResults {
        generation,
        hits: vec![hit(7, false), hit(3, false), hit(9, false)],
        total: Some((3, false)),
    });
    assert_eq!(fx, vec![Effect::PreviewWhenRested]);
    let preview = |id| {
        vec![Effect::LoadArticle {
            id: ArticleId(id),
            opening: Opening::Preview,
        }]
    };
    assert_eq!(t.ev(Event::Rested), preview(7));
    // ↓ in the prompt: the preview follows when the selection rests.
    assert!(t.state.input.is_some(), "the prompt is still open");
    assert_eq!(t.code(KeyCode::Down), vec![Effect::PreviewWhenRested]);
    assert_eq!(t.ev(Event::Rested), preview(3));
    t.press(KeyCode::Char('n'), KeyModifiers::CONTROL);
    assert_eq!(t.ev(Event::Rested), preview(9));
    // Esc drops the search: the list's selection is previewed again.
    t.open(common::tui::article(9, 3), Opening::Preview);
    assert_eq!(t.code(KeyCode::Esc), preview(1));
    assert!(t.state.search.is_none());
}

#[test]
fn the_search_prompt_leaves_the_typed_text_room_at_80_columns() {
    let mut app = App::new(80, 24, dantri_store(30));
    app.code(KeyCode::Char('/')).chars("chung khoan");
    let screen = app.screen();
    let prompt = screen.last().unwrap();
    assert!(prompt.starts_with(" Search: /chung khoan"), "{prompt:?}");
    // With room, the label keeps its hints.
    let mut app = App::new(120, 40, dantri_store(30));
    app.code(KeyCode::Char('/')).chars("chung khoan");
    let screen = app.screen();
    let prompt = screen.last().unwrap();
    assert!(
        prompt.starts_with(" Search (↑↓ pick, Enter opens, Esc back): /chung khoan"),
        "{prompt:?}"
    );
}

/// The keyword sidebar holds the most used keywords only: what its filter
/// does not find among them it asks the store for (review item 8).
#[test]
fn the_keyword_filter_finds_keywords_past_those_loaded() {
    use docbao::tui::state::sidebar::FIRST_KEYWORDS;
    let mut t = T::siteless(120, 40, 3);
    let first: Vec<(String, i64)> = (0..FIRST_KEYWORDS)
        .map(|i| (format!("Từ khóa {i}"), 10_000 - i as i64))
        .collect();
    t.loaded(Loaded::Keywords(first));
    update(&mut t.state, Action::FilterKeywords);
    let fx = t.chars("hurghada");
    assert_eq!(fx, vec![Effect::FindKeywords("hurghada".into())]);
    assert!(
        t.state.sidebar.visible.is_empty(),
        "none among those loaded"
    );
    // An answer for an older text is dropped.
    t.loaded(Loaded::KeywordsFound {
        query: "hurgh".into(),
        found: vec![("Hurghada".into(), 1)],
    });
    assert!(t.state.sidebar.visible.is_empty());
    t.loaded(Loaded::KeywordsFound {
        query: "hurghada".into(),
        found: vec![("Hurghada".into(), 1)],
    });
    assert_eq!(t.state.sidebar.selected_name(), Some("Hurghada"));
    // Enter keeps the filter; Enter again filters the list by it.
    t.code(KeyCode::Enter);
    let fx = t.code(KeyCode::Enter);
    assert_eq!(t.state.list.filter.keywords, vec!["Hurghada".to_string()]);
    assert!(fx.contains(&Effect::LoadList { keep: None }), "{fx:?}");
    // The filter cleared: the keywords loaded first, and only them.
    update(&mut t.state, Action::FilterKeywords);
    t.press(KeyCode::Char('u'), KeyModifiers::CONTROL);
    assert_eq!(t.state.sidebar.visible.len(), FIRST_KEYWORDS);
    // A store holding fewer keywords than that is never asked.
    let mut t = T::siteless(120, 40, 3);
    t.loaded(Loaded::Keywords(vec![("Hà Nội".into(), 3)]));
    update(&mut t.state, Action::FilterKeywords);
    assert_eq!(t.chars("ha"), vec![]);
    assert_eq!(t.state.sidebar.selected_name(), Some("Hà Nội"));
}

/// `G` in the results goes to the last match, not to the last of those
/// held (a reviewer's item 3: it stopped at 400); the status line then
/// reads "Result n of n", and `g` goes back to the first.
#[test]
fn bottom_in_the_results_goes_to_the_last_match() {
    let mut app = App::new(120, 40, dantri_store(1500));
    app.code(KeyCode::Char('/'))
        .chars("nguoi")
        .code(KeyCode::Enter);
    app.code(KeyCode::Esc);
    assert_eq!(app.state.focus, Focus::List);
    let (total, more) = app.state.search.as_ref().unwrap().total.unwrap();
    assert!(!more, "every match counted: {total}");
    assert!(total > 2 * PAGE, "more matches than two pages: {total}");
    app.code(KeyCode::Char('G'));
    assert_eq!(app.held(), total, "every match held");
    let s = app.state.search.as_ref().unwrap();
    assert_eq!(s.selected, total - 1);
    let status = ui::status::position_text(&app.state);
    let n = s.count_label();
    assert!(
        status.starts_with(&format!("Result {n} of {n}")),
        "{status}"
    );
    // The preview beside the results shows the last one.
    app.code(KeyCode::Char('k')).code(KeyCode::Char('j'));
    handle_event(&mut app.rt, &mut app.state, &app.cfg, Event::Rested);
    let last = app.state.search.as_ref().unwrap().hits[total - 1].id;
    assert!(app.state.reader.shows(last));
    app.code(KeyCode::Char('g'));
    assert_eq!(app.state.search.as_ref().unwrap().selected, 0);
}

/// The results show which articles are unread and bookmarked, as the list
/// does (`N` goes to the next unread result: it has to be seen).
#[test]
fn results_show_the_unread_and_bookmarked_marks() {
    let mut app = App::new(120, 40, dantri_store(200));
    app.code(KeyCode::Char('/'))
        .chars("nguoi")
        .code(KeyCode::Enter);
    // The first result opened (read), then bookmarked.
    assert_eq!(app.state.focus, Focus::Reader);
    app.code(KeyCode::Char('s'));
    app.code(KeyCode::Esc);
    let s = app.state.search.as_ref().unwrap();
    let (first, second) = (s.hits[0].title.clone(), s.hits[1].title.clone());
    let head = |t: &str| t.chars().take(20).collect::<String>();
    let screen = app.screen();
    let row = |t: &str| {
        screen
            .iter()
            .find(|l| l.contains(&head(t)))
            .cloned()
            .unwrap_or_else(|| panic!("{t:?} on the screen: {screen:#?}"))
    };
    assert!(row(&first).contains(" ★"), "{}", row(&first));
    assert!(!row(&first).contains('•'), "{}", row(&first));
    assert!(row(&second).contains("• "), "{}", row(&second));
}

/// The results pane's title keeps the number of results: a long query is
/// cut to what the pane leaves it (found by an exploratory tester: the
/// count, the one thing the title tells, was the part cut off).
#[test]
fn the_results_pane_title_keeps_the_count_with_a_long_query() {
    for (w, h) in [(50, 20), (80, 24), (120, 40), (240, 50)] {
        let mut app = App::new(w, h, dantri_store(60));
        app.code(KeyCode::Char('/'))
            .chars("chớp nhoáng trần đình long hòa phát thép")
            .code(KeyCode::Enter);
        let count = app.state.search.as_ref().unwrap().count_label();
        let screen = app.screen();
        let title = screen
            .iter()
            .find(|l| l.contains("Search “"))
            .unwrap_or_else(|| panic!("{w}x{h}: no results pane title in {screen:#?}"));
        assert!(
            title.contains(&format!("” ({count})")),
            "{w}x{h}: the count {count:?} is cut from {title:?}"
        );
        // With room the whole query shows (it was cut at 30 characters).
        if w >= 240 {
            assert!(
                title.contains("“chớp nhoáng trần đình long hòa phát thép”"),
                "{title:?}"
            );
        }
    }
}

#[test]
fn keys_in_the_results_act_on_the_highlighted_result() {
    // s, m and y in the results went to the list's selected row behind them
    // (an article not among the results at all).
    let mut app = App::new(120, 40, dantri_store(300));
    let behind = app.state.list.selected_id().unwrap();
    app.code(KeyCode::Char('/'))
        .chars("bóng đá")
        .code(KeyCode::Enter)
        .code(KeyCode::Esc);
    assert_eq!(app.state.focus, Focus::List);
    app.code(KeyCode::Char('j'));
    let hits = &app.state.search.as_ref().unwrap().hits;
    assert!(hits.len() > 2, "a query with a few matches");
    let (second, third) = (hits[1].id, hits[2].id);
    assert!(behind != second && behind != third);
    let flags = |app: &App, id| {
        let a = app.rt.store.article(id).unwrap();
        (a.read, a.bookmarked)
    };
    let before = flags(&app, behind);
    app.code(KeyCode::Char('s'));
    assert!(
        flags(&app, second).1,
        "the highlighted result is bookmarked"
    );
    app.code(KeyCode::Char('j')).code(KeyCode::Char('m'));
    assert!(
        flags(&app, third).0,
        "the highlighted result is marked read"
    );
    assert_eq!(flags(&app, behind), before, "the list's row is left alone");
    let hits = &app.state.search.as_ref().unwrap().hits;
    assert!(
        hits[1].bookmarked && hits[2].read,
        "the results show the marks"
    );
    // y copies the highlighted result's address once its preview is shown.
    handle_event(&mut app.rt, &mut app.state, &app.cfg, Event::Rested);
    settle(&mut app.rt, &mut app.state, &app.cfg);
    app.code(KeyCode::Char('y'));
    let url = app.rt.store.article(third).unwrap().url.unwrap();
    let status = app
        .state
        .status
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default();
    assert!(status.starts_with("Copied: "), "{status}");
    assert!(
        url.starts_with(status.trim_start_matches("Copied: ").trim_end_matches('…')),
        "{status} / {url}"
    );
}

#[test]
fn finding_in_a_result_leaves_one_pane_drawn_focused() {
    // Both the results and the reader had the thick border while the find
    // prompt was open: which one was typed into?
    let mut app = App::new(120, 30, dantri_store(300));
    app.code(KeyCode::Char('/'))
        .chars("bóng đá")
        .code(KeyCode::Enter);
    assert_eq!(app.state.focus, Focus::Reader);
    app.code(KeyCode::Char('/')).chars("đá");
    let screen = app.screen();
    let top = &screen[0];
    assert_eq!(top.matches('┏').count(), 1, "one focused pane: {top}");
    let results = top.find("Search").expect("the results pane");
    let reader = top.rfind('┏').expect("a focused pane");
    assert!(reader > results, "the reader is the focused one: {top}");
    // While the search prompt is open, the results are.
    app.code(KeyCode::Esc)
        .code(KeyCode::Esc)
        .code(KeyCode::Char('/'));
    let top = app.screen()[0].clone();
    assert!(top.starts_with('┏') || top.contains("┏ Search"), "{top}");
}

/// The results follow every change of the list's filters: a keyword chip
/// picked in a result opened, a keyword or a source chosen in the sidebar.
/// Each left the results as they were (an independent review's find), the
/// reader showing the keyword's first article, in none of them.
#[test]
fn a_filter_chosen_while_the_results_are_shown_narrows_them() {
    let mut app = App::new(120, 40, dantri_store(300));
    app.code(KeyCode::Char('/'))
        .chars("bóng đá")
        .code(KeyCode::Enter);
    let before = app.held();
    assert!(before > 5, "a query with some matches: {before}");
    assert_eq!(app.state.focus, Focus::Reader);
    // The first keyword chip of the result opened.
    app.code(KeyCode::Char(']'));
    let chip = app.state.reader.shown.as_ref().unwrap().keywords()[0]
        .name
        .clone();
    app.code(KeyCode::Enter);
    assert_eq!(app.state.list.filter.keywords, vec![chip.clone()]);
    let hits: Vec<ArticleId> = app
        .state
        .search
        .as_ref()
        .expect("the results still shown")
        .hits
        .iter()
        .map(|h| h.id)
        .collect();
    assert!(
        !hits.is_empty() && hits.len() < before,
        "{} of {before}",
        hits.len()
    );
    for id in &hits {
        let a = app.rt.store.article(*id).unwrap();
        assert!(
            a.keywords.iter().any(|k| k.name == chip),
            "{} has no {chip}",
            a.title
        );
    }
    // The preview is the highlighted result's.
    handle_event(&mut app.rt, &mut app.state, &app.cfg, Event::Rested);
    settle(&mut app.rt, &mut app.state, &app.cfg);
    assert_eq!(app.state.reader.article_id(), Some(hits[0]));
    // The filter cleared (`c`): the results are every match again.
    app.code(KeyCode::Char('c'));
    assert_eq!(app.held(), before);
    // A keyword chosen in the sidebar: its results only.
    app.code(KeyCode::Char('h'));
    assert_eq!(app.state.focus, Focus::Sidebar);
    app.code(KeyCode::Char('\\'));
    let name = app.state.sidebar.selected_name().unwrap().to_string();
    app.code(KeyCode::Enter);
    assert_eq!(app.state.list.filter.keywords, vec![name.clone()]);
    let hits = &app.state.search.as_ref().unwrap().hits;
    assert!(hits.len() < before, "{} of {before}", hits.len());
    for h in hits {
        let a = app.rt.store.article(h.id).unwrap();
        assert!(a.keywords.iter().any(|k| k.name == name), "{}", a.title);
    }
}

/// The results run again under another filter keep the selected article
/// when it is among them (`c` went back to result 1: a review's find).
#[test]
fn the_results_run_again_keep_the_selected_article() {
    let mut app = App::new(120, 40, dantri_store(300));
    app.code(KeyCode::Char('/'))
        .chars("bóng đá")
        .code(KeyCode::Enter)
        .code(KeyCode::Esc);
    assert_eq!(app.state.focus, Focus::List);
    app.code(KeyCode::Char('j')).code(KeyCode::Char('j'));
    let s = app.state.search.as_ref().unwrap();
    let third = s.hits[2].id;
    assert_eq!(s.selected_hit().map(|h| h.id), Some(third));
    // Unread only (every result is unread): the same results, still on it.
    app.code(KeyCode::Char('u'));
    assert!(app.state.list.filter.unread);
    let s = app.state.search.as_ref().unwrap();
    assert_eq!(s.selected_hit().map(|h| h.id), Some(third));
    app.code(KeyCode::Char('u'));
    let s = app.state.search.as_ref().unwrap();
    assert_eq!(s.selected_hit().map(|h| h.id), Some(third));
}

/// No result for a query with an operator typed: the results pane says
/// that every word must match, as `docbao search` does (a review's find).
#[test]
fn no_result_with_an_operator_typed_says_why() {
    let mut app = App::new(80, 24, dantri_store(50));
    app.code(KeyCode::Char('/')).chars("zzqq OR yyxx");
    let screen = app.screen().join("\n");
    assert!(screen.contains("No article matches"), "{screen}");
    assert!(screen.contains("no OR, AND or NOT"), "{screen}");
    app.code(KeyCode::Esc);
    app.code(KeyCode::Char('/')).chars("zzqq yyxx");
    let screen = app.screen().join("\n");
    assert!(screen.contains("No article matches"), "{screen}");
    assert!(!screen.contains("no OR"), "{screen}");
}
