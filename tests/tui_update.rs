//! `update`: build a state, apply actions, check the fields and the effects.

mod common;

use common::tui::{dated_row, state_with};
use docbao::model::ArticleId;
use docbao::tui::action::Action;
use docbao::tui::event::Opening;
use docbao::tui::state::{AppState, Focus};
use docbao::tui::update::{Effect, update};

fn state(w: u16, h: u16, n: i64) -> AppState {
    let rows = (1..=n)
        .map(|i| dated_row(i, "2021-03-05T00:00:00+07:00"))
        .collect();
    state_with(w, h, rows)
}

#[test]
fn moving_in_the_list_previews_when_the_reader_shows() {
    let mut s = state(120, 40, 5);
    // Quick moves redraw the list only; the reader follows when the
    // selection rests (the runtime sends `Rested` after a moment).
    assert_eq!(
        update(&mut s, Action::Down),
        vec![Effect::PreviewWhenRested]
    );
    assert_eq!(
        update(&mut s, Action::Down),
        vec![Effect::PreviewWhenRested]
    );
    update(&mut s, Action::Up);
    assert_eq!(s.list.selected, 1);
    let cfg = docbao::tui::config::Config::defaults();
    assert_eq!(
        docbao::tui::update::handle(&mut s, &cfg.keymap, docbao::tui::event::Event::Rested),
        Some(vec![Effect::LoadArticle {
            id: ArticleId(2),
            opening: Opening::Preview
        }])
    );
    // Rested again with the reader showing it: nothing to load.
    s.reader.open(common::tui::article(2, 3), 0);
    let fx = docbao::tui::update::handle(&mut s, &cfg.keymap, docbao::tui::event::Event::Rested)
        .unwrap_or_default();
    assert!(
        !fx.iter().any(|e| matches!(e, Effect::LoadArticle { .. })),
        "{fx:?}"
    );
    // One pane at a time: no preview.
    let mut s = state(50, 20, 5);
    assert_eq!(update(&mut s, Action::Down), vec![]);
    assert_eq!(update(&mut s, Action::Up), vec![]);
    assert_eq!(update(&mut s, Action::Up), vec![], "already at the top");
    assert_eq!(s.list.selected, 0);
}

#[test]
fn enter_opens_and_marks_read_and_focuses_the_reader() {
    let mut s = state(80, 24, 3);
    update(&mut s, Action::Down);
    let fx = update(&mut s, Action::Open);
    assert_eq!(
        fx,
        vec![
            Effect::ComputeRelated(ArticleId(2)),
            Effect::LoadArticle {
                id: ArticleId(2),
                opening: Opening::Read
            },
            Effect::RememberLast(ArticleId(2)),
        ]
    );
    assert_eq!(s.focus, Focus::Reader);
    assert_eq!(update(&mut s, Action::Back), vec![]);
    assert_eq!(s.focus, Focus::List);
}

#[test]
fn toggles_emit_store_writes_and_update_rows_at_once() {
    let mut s = state(80, 24, 3);
    assert_eq!(
        update(&mut s, Action::ToggleBookmark),
        vec![Effect::SetBookmarked(ArticleId(1), true)]
    );
    assert!(s.list.rows[0].bookmarked);
    assert_eq!(
        update(&mut s, Action::ToggleRead),
        vec![Effect::SetRead(ArticleId(1), true)]
    );
    assert!(s.list.rows[0].read);
    assert_eq!(
        update(&mut s, Action::ToggleRead),
        vec![Effect::SetRead(ArticleId(1), false)]
    );
    let fx = update(&mut s, Action::ToggleUnreadOnly);
    assert!(s.list.filter.unread);
    assert_eq!(
        fx,
        vec![Effect::LoadList {
            keep: Some(ArticleId(1))
        }]
    );
    assert!(s.status.as_ref().unwrap().text.contains("unread"));
}

#[test]
fn paging_near_the_end_of_what_is_loaded_asks_for_more() {
    let mut s = state(80, 24, 200); // a full page: more may follow
    assert!(!s.list.exhausted);
    let mut asked = false;
    for _ in 0..30 {
        asked |= update(&mut s, Action::PageDown).contains(&Effect::LoadMore { to_end: false });
    }
    assert!(asked);
    let mut s = state(80, 24, 10); // a short page: nothing more
    for _ in 0..5 {
        assert!(!update(&mut s, Action::PageDown).contains(&Effect::LoadMore { to_end: false }));
    }
    assert_eq!(s.list.selected, 9);
}

#[test]
fn layout_folds_the_sidebar_and_shows_one_pane_when_narrow() {
    let s = state(120, 40, 3);
    let p = s.panes();
    assert!(p.sidebar.is_some() && p.list.is_some() && p.reader.is_some());
    let s = state(80, 24, 3);
    let p = s.panes();
    assert!(p.sidebar.is_none() && p.list.is_some() && p.reader.is_some());
    let mut s = state(60, 20, 3);
    let p = s.panes();
    assert!(p.sidebar.is_none() && p.list.is_some() && p.reader.is_none());
    update(&mut s, Action::ToggleSidebar);
    let p = s.panes();
    assert!(p.sidebar.is_some() && p.list.is_none());
    // Medium width: the key shows the sidebar beside the others (the
    // sources, then the keywords), then hides it.
    let mut s = state(80, 24, 3);
    update(&mut s, Action::ToggleSidebar);
    assert!(s.panes().sidebar.is_some());
    assert_eq!(s.focus, Focus::Sidebar);
    update(&mut s, Action::ToggleSidebar);
    assert!(s.panes().sidebar.is_some());
    update(&mut s, Action::ToggleSidebar);
    assert!(s.panes().sidebar.is_none());
    assert_eq!(s.focus, Focus::List);
}

#[test]
fn a_wide_screen_gives_the_sidebar_more_room() {
    let width = |w| state(w, 40, 3).panes().sidebar.map(|r| r.width);
    assert_eq!(width(120), Some(22));
    assert_eq!(width(154), Some(22));
    assert_eq!(width(200), Some(28), "a source's name and counts fit");
    assert_eq!(width(300), Some(32));
}

#[test]
fn help_takes_keys_until_closed() {
    let mut s = state(80, 24, 3);
    update(&mut s, Action::Help);
    assert!(s.help_open);
    assert_eq!(update(&mut s, Action::Down), vec![]);
    assert_eq!(s.list.selected, 0, "keys scroll the help, not the list");
    assert_eq!(s.help_scroll, 1);
    update(&mut s, Action::Quit);
    assert!(!s.help_open && !s.quit, "q closes the popup first");
    update(&mut s, Action::Quit);
    assert!(s.quit);
}

#[test]
fn maximise_needs_an_article_and_focus_cycles_through_visible_panes() {
    let mut s = state(120, 40, 3);
    update(&mut s, Action::ToggleMaximize);
    assert!(!s.maximized);
    assert!(s.status.is_some());
    update(&mut s, Action::FocusNext);
    assert_eq!(s.focus, Focus::Reader);
    update(&mut s, Action::FocusNext);
    assert_eq!(s.focus, Focus::Sidebar);
    update(&mut s, Action::FocusPrev);
    assert_eq!(s.focus, Focus::Reader);
}

#[test]
fn copy_without_a_url_says_so() {
    let mut s = state(80, 24, 3);
    assert_eq!(update(&mut s, Action::CopyUrl), vec![]);
    assert!(s.status.as_ref().unwrap().text.contains("no link"));
}

/// A store in memory holding the sample page (article 1).
fn sample_store() -> docbao::store::Store {
    let mut store = docbao::store::Store::open_in_memory().unwrap();
    let page =
        docbao::ingest::page_text::parse_page_text(include_str!("fixtures/dan-van-2021-03-05.txt"))
            .unwrap();
    store.import(&page).unwrap();
    store
}

#[test]
fn related_stories_computed_in_the_background_leave_the_view_where_it_is() {
    use docbao::model::RelatedSource;
    use docbao::tui::state::ReaderState;
    let store = sample_store();
    let article = store.article(ArticleId(1)).unwrap();
    let mut r = ReaderState::default();
    r.open(article.clone(), 0);
    r.ensure_layout(40, 10);
    // One line down: the title's second line, the reading position now.
    r.scroll_by(1);
    assert_eq!(r.top, 1);
    let anchor = r.position();
    assert_eq!(anchor.paragraph, 0);
    assert!(anchor.offset > 0);
    // Reopening at the reading position shows the same line.
    let mut reopened = r.clone();
    reopened.open(article.clone(), anchor);
    reopened.ensure_layout(40, 10);
    assert_eq!(reopened.top, 1);
    // The worker's result: the same article with one more related story.
    let mut with_more = article.clone();
    let mut extra = with_more.related[0].clone();
    extra.title = "Một tin liên quan khác".into();
    extra.source = RelatedSource::Computed;
    with_more.related.push(extra);
    r.find = Some("dân vận".into());
    r.refresh(with_more);
    r.ensure_layout(40, 10);
    assert_eq!(r.top, 1, "the same lines stay in view");
    assert_eq!(r.position(), anchor);
    assert_eq!(r.find.as_deref(), Some("dân vận"));
    assert!(!r.find_hits.is_empty());
    assert_eq!(r.article().unwrap().related.len(), 3);
    // At another width the reading position decides, as for any re-wrap:
    // the line holding its first character goes to the top.
    r.refresh(article);
    r.ensure_layout(60, 10);
    let top = &r.lines[r.top];
    assert_eq!(top.anchor, 0);
    assert!(top.offset <= anchor.offset, "{top:?}");
    assert!(
        r.lines
            .get(r.top + 1)
            .is_none_or(|next| next.offset > anchor.offset),
        "the top line holds the position"
    );
}

#[test]
fn a_reader_at_the_end_stays_there_when_related_stories_arrive() {
    use docbao::model::RelatedSource;
    use docbao::tui::state::ReaderState;
    let store = sample_store();
    let article = store.article(ArticleId(1)).unwrap();
    let mut r = ReaderState::default();
    r.open(article.clone(), 0);
    r.ensure_layout(40, 10);
    let end = r.max_top();
    r.scroll_to(end);
    assert!(r.at_end());
    let mut with_more = article;
    for i in 0..3 {
        let mut extra = with_more.related[0].clone();
        extra.title = format!("Tin liên quan thêm {i}");
        extra.source = RelatedSource::Computed;
        with_more.related.push(extra);
    }
    r.refresh(with_more);
    r.ensure_layout(40, 10);
    assert!(r.max_top() > end, "the related section grew");
    assert_eq!(r.top, r.max_top(), "still at the end");
}

#[test]
fn a_key_right_after_a_worker_refresh_acts_on_the_article_laid_out() {
    use docbao::tui::app::{Runtime, handle_event, settle, start};
    use docbao::tui::config::Config;
    use docbao::tui::event::Event;
    use docbao::tui::event::WorkerMsg;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let key = |c: KeyCode| Event::Key(KeyEvent::new(c, KeyModifiers::NONE));
    let mut store = sample_store();
    for a in docbao::ingest::jsonl::parse_jsonl(include_str!("fixtures/dantri-30-head3.jsonl")) {
        store.import(&a.unwrap()).unwrap();
    }
    let cfg = Config::defaults();
    let mut state = AppState::new(80, 24, true);
    let mut rt = Runtime::new(store);
    start(&mut rt, &mut state, &cfg);
    settle(&mut rt, &mut state, &cfg);
    handle_event(&mut rt, &mut state, &cfg, key(KeyCode::Enter));
    settle(&mut rt, &mut state, &cfg);
    let open = state.reader.article_id();
    assert_eq!(open, Some(ArticleId(1)));
    // The worker's news and a page down, handled before the next frame (the
    // run loop drains every waiting event, then draws once).
    handle_event(
        &mut rt,
        &mut state,
        &cfg,
        Event::Worker(WorkerMsg::RelatedComputed { id: ArticleId(1) }),
    );
    handle_event(&mut rt, &mut state, &cfg, key(KeyCode::PageDown));
    assert_eq!(
        state.reader.article_id(),
        open,
        "page down scrolls the article; it does not open the next one"
    );
    assert!(state.reader.top > 0);
}

#[test]
fn the_reader_fills_lines_as_the_config_says() {
    use docbao::text::layout::layout_article_with;
    use docbao::text::wrap::WrapAlgorithm;
    let store = sample_store();
    let article = store.article(ArticleId(1)).unwrap();
    let texts = |algo: WrapAlgorithm, width: usize| -> Vec<String> {
        let mut s = AppState::new(80, 24, true).wrapping(algo);
        s.reader.open(article.clone(), 0);
        s.reader.ensure_layout(width, 10);
        s.reader.lines.iter().map(|l| l.text.clone()).collect()
    };
    let expected = |algo, width| -> Vec<String> {
        layout_article_with(&article, width, algo)
            .into_iter()
            .map(|l| l.text)
            .collect()
    };
    for width in [21, 40] {
        assert_eq!(
            texts(WrapAlgorithm::OptimalFit, width),
            expected(WrapAlgorithm::OptimalFit, width)
        );
        assert_eq!(
            texts(WrapAlgorithm::FirstFit, width),
            expected(WrapAlgorithm::FirstFit, width)
        );
    }
    assert_ne!(
        texts(WrapAlgorithm::OptimalFit, 21),
        texts(WrapAlgorithm::FirstFit, 21),
        "the two fill lines differently here"
    );
}

/// Suspending and resuming are terminal work: `update` only asks for it,
/// and changes nothing (the help popup stays open through ctrl-z).
#[test]
fn suspend_and_signals_ask_the_run_loop_and_change_nothing_else() {
    use docbao::tui::event::Event;
    use docbao::tui::keymap::Keymap;
    use docbao::tui::update::handle;
    let km = Keymap::default();
    let mut s = state(80, 24, 3);
    update(&mut s, Action::Help);
    assert_eq!(update(&mut s, Action::Suspend), vec![Effect::Suspend]);
    assert!(s.help_open && !s.quit);
    assert_eq!(
        handle(&mut s, &km, Event::Suspend),
        Some(vec![Effect::Suspend])
    );
    assert_eq!(
        handle(&mut s, &km, Event::Resume),
        Some(vec![Effect::Resume])
    );
    assert!(s.help_open && !s.quit);
    // A signal that ends docbao: quit, with 128 + its number.
    assert_eq!(
        handle(&mut s, &km, Event::Signal(15)),
        Some(vec![Effect::ExitStatus(143)])
    );
    assert!(s.quit);
}

/// The reader showing a story (not stored) whose link is `url`.
fn showing_link(url: &str) -> AppState {
    let mut s = state(120, 40, 3);
    s.reader.open_stub(
        docbao::model::Related {
            title: "Tin".into(),
            url: Some(url.into()),
            excerpt: None,
            article_id: None,
            source: docbao::model::RelatedSource::Page,
        },
        0,
    );
    s.focus = Focus::Reader;
    s
}

#[test]
fn only_web_links_go_to_a_browser() {
    let mut s = showing_link("https://vnexpress.net/a.html");
    assert_eq!(
        update(&mut s, Action::OpenLink),
        vec![Effect::OpenUrl("https://vnexpress.net/a.html".into())]
    );
    for (url, why) in [
        ("javascript:alert(document.cookie)", "only http"),
        ("file:///etc/passwd", "only http"),
        ("--new-window=https://evil.example", "not a web address"),
        ("-x https://a.vn", "no spaces"),
        ("data:text/html,<script>x</script>", "only http"),
    ] {
        let mut s = showing_link(url);
        assert_eq!(update(&mut s, Action::OpenLink), vec![], "{url}");
        let status = s.status.as_ref().expect("a status message");
        assert!(status.error, "{url}");
        assert!(
            status.text.starts_with("Not opened in a browser") && status.text.contains(why),
            "{url}: {}",
            status.text
        );
    }
}

#[test]
fn the_runtime_checks_a_link_again_before_spawning_anything() {
    let mut rt = docbao::tui::app::Runtime::new(docbao::store::Store::open_in_memory().unwrap());
    let state = AppState::new(80, 24, true);
    for url in [
        "javascript:alert(1)",
        "file:///etc/passwd",
        "--new-window=https://evil.example",
        "-https://a.vn",
    ] {
        let got = rt.perform(&state, Effect::OpenUrl(url.into()));
        match got {
            Some(docbao::tui::event::Event::Loaded(docbao::tui::event::Loaded::UrlOpened(
                docbao::tui::event::UrlOpened::Refused(why),
            ))) => assert!(!why.is_empty()),
            other => panic!("{url}: {other:?}"),
        }
    }
}
