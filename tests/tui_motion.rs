//! The motion keys in every pane: each key bound (by default) to down, up,
//! half a page, a page, top and bottom, pressed in the keyword sidebar, the
//! article list, the search results shown in the list pane, and the reader,
//! from a place in the middle, must end where the motion says. Pure: keys go
//! through `update::handle`, as the run loop sends them.
//!
//! At 120×30 every pane is 29 rows high, 27 inside its border: a page is 27
//! rows (a page key moves 26, keeping one in view), half a page 13; a search
//! result takes two rows, so a page of results is 13 (a page key moves 12,
//! half a page 6).

mod common;

use common::tui::{self, siteless_row, state_with};
use docbao::model::{Article, ArticleId, ListFilter, NewArticle, Paragraph, SearchHit};
use docbao::store::Store;
use docbao::tui::action::Action;
use docbao::tui::config::Config;
use docbao::tui::event::{Event, Loaded, Opening};
use docbao::tui::keymap::Key;
use docbao::tui::state::search::SearchState;
use docbao::tui::state::{AppState, Focus};
use docbao::tui::update::{Effect, handle};
use ratatui::crossterm::event::KeyEvent;

const W: u16 = 120;
const H: u16 = 30;
const PAGE: usize = 27;
const HITS_PAGE: usize = 13;

/// An article of `paragraphs` short paragraphs, with no address, site or
/// keywords.
fn article(id: i64, paragraphs: usize) -> Article {
    Article {
        url: None,
        site: None,
        paragraphs: (0..paragraphs)
            .map(|i| Paragraph::text(format!("Đoạn {i}: Hà Nội mưa to, đường ngập.")))
            .collect(),
        keywords: vec![],
        ..tui::article(id, 0)
    }
}

/// 100 search results, from a real search of a store holding 100 articles.
fn hits() -> Vec<SearchHit> {
    let mut store = Store::open_in_memory().expect("an in-memory store");
    let articles: Vec<NewArticle> = (1..=100)
        .map(|i| NewArticle {
            title: format!("Hà Nội mưa to, tin số {i}"),
            paragraphs: vec![Paragraph::text(
                "Mưa lớn từ chiều qua, nhiều tuyến phố ngập.",
            )],
            ..NewArticle::default()
        })
        .collect();
    for r in store.import_batch(&articles).expect("the import") {
        r.expect("each article stored");
    }
    let hits = store
        .search("ha noi mua", &ListFilter::default(), 200)
        .expect("the search");
    assert_eq!(hits.len(), 100);
    hits
}

/// The motions, each with where it ends from `from` in a pane of `len`
/// rows (or scroll positions, for the reader) whose page is `page`.
const MOTIONS: [Action; 9] = [
    Action::Down,
    Action::Up,
    Action::HalfPageDown,
    Action::HalfPageUp,
    Action::PageDown,
    // Space: a page down, and at an article's end the next (not here).
    Action::ReadOn,
    Action::PageUp,
    Action::Top,
    Action::Bottom,
];

fn expected(action: Action, from: usize, last: usize, page: usize) -> usize {
    match action {
        Action::Down => from + 1,
        Action::Up => from - 1,
        Action::HalfPageDown => from + page / 2,
        Action::HalfPageUp => from - page / 2,
        Action::PageDown | Action::ReadOn => from + page - 1,
        Action::PageUp => from - (page - 1),
        Action::Top => 0,
        Action::Bottom => last,
        other => unreachable!("{other:?} is no motion"),
    }
}

/// A state at 120×30 with every pane filled: 150 list rows (all loaded),
/// 100 keywords, article 1 (long) open in the reader.
fn full_state(cfg: &Config) -> AppState {
    let mut state = state_with(W, H, (1..=150).map(siteless_row).collect());
    state.sidebar.set_keywords(
        (0..100)
            .map(|i| (format!("Từ khóa {i}"), 100 - i))
            .collect(),
    );
    handle(
        &mut state,
        &cfg.keymap,
        Event::Loaded(Loaded::Article {
            article: Box::new(article(1, 120)),
            opening: Opening::Preview,
        }),
    );
    state
}

/// Every default key of a motion, pressed in `focus`.
fn keys(cfg: &Config, focus: Focus, action: Action) -> Vec<Key> {
    let keys = cfg.keymap.keys_for(focus.context(), action);
    assert!(!keys.is_empty(), "{action:?} has keys in {focus:?}");
    keys
}

fn press(state: &mut AppState, cfg: &Config, key: Key) -> Vec<Effect> {
    handle(
        state,
        &cfg.keymap,
        Event::Key(KeyEvent::new(key.code, key.mods)),
    )
    .unwrap_or_else(|| panic!("{} is bound to nothing", key.label()))
}

/// For each motion and each of its keys: start at `from` (`set`), press,
/// and read the place back (`get`).
fn check_pane(
    focus: Focus,
    from: usize,
    last: usize,
    page: usize,
    prepare: impl Fn(&mut AppState),
    set: impl Fn(&mut AppState, usize),
    get: impl Fn(&AppState) -> usize,
) {
    let cfg = Config::defaults();
    let mut seen = 0;
    for action in MOTIONS {
        for key in keys(&cfg, focus, action) {
            let mut state = full_state(&cfg);
            state.focus = focus;
            prepare(&mut state);
            set(&mut state, from);
            assert_eq!(get(&state), from, "the start is in the middle");
            press(&mut state, &cfg, key);
            assert_eq!(
                get(&state),
                expected(action, from, last, page),
                "{action:?} ({}) in {focus:?} from {from}",
                key.label()
            );
            assert_eq!(state.focus, focus, "a motion keeps the focus");
            seen += 1;
        }
    }
    // j ↓, k ↑, C-d, C-u, Space PgDn C-f, b PgUp C-b, g Home, G End.
    assert_eq!(seen, 16, "every default motion key was pressed");
}

#[test]
fn every_motion_key_moves_the_list_selection_where_it_says() {
    check_pane(
        Focus::List,
        60,
        149,
        PAGE,
        |_| {},
        |s, i| s.list.select(i),
        |s| s.list.selected,
    );
}

#[test]
fn every_motion_key_moves_the_sidebar_selection_where_it_says() {
    use docbao::tui::state::sidebar::Section;
    check_pane(
        Focus::Sidebar,
        50,
        99,
        PAGE,
        |s| s.sidebar.section = Section::Keywords,
        |s, i| s.sidebar.select(i),
        |s| s.sidebar.selected,
    );
}

#[test]
fn every_motion_key_moves_the_sources_selection_where_it_says() {
    use docbao::model::{Source, SourceCount};
    check_pane(
        Focus::Sidebar,
        50,
        99,
        PAGE,
        |s| {
            s.sidebar.set_sources(
                (0..100)
                    .map(|i| SourceCount {
                        error: None,
                        source: Source::Feed(i),
                        name: format!("Báo {i}"),
                        detail: None,
                        unread: i,
                        total: 2 * i,
                    })
                    .collect(),
            )
        },
        |s, i| s.sidebar.select(i),
        |s| s.sidebar.source_selected,
    );
}

#[test]
fn every_motion_key_scrolls_the_reader_where_it_says() {
    let cfg = Config::defaults();
    let state = full_state(&cfg);
    let last = state.reader.max_top();
    assert!(
        last > 100 + PAGE,
        "the article is many pages long: {} lines",
        state.reader.lines.len()
    );
    assert_eq!(state.reader.height, PAGE, "a page is the reader's height");
    check_pane(
        Focus::Reader,
        50,
        last,
        PAGE,
        |_| {},
        |s, top| s.reader.scroll_to(top),
        |s| s.reader.top,
    );
}

#[test]
fn every_motion_key_moves_the_search_results_selection_where_it_says() {
    let all_hits = hits();
    let with_hits = |s: &mut AppState| {
        let mut search = SearchState {
            query: "ha noi".into(),
            generation: 1,
            ..SearchState::default()
        };
        assert!(search.accept(1, all_hits.clone()));
        s.search = Some(search);
        // The list window behind the results is far down the list and not
        // all loaded: top and bottom still move in the results.
        s.list.base = 400;
        s.list.exhausted = false;
    };
    check_pane(
        Focus::List,
        50,
        99,
        HITS_PAGE,
        with_hits,
        |s, i| {
            if let Some(search) = s.search.as_mut() {
                search.selected = i;
            }
        },
        |s| s.search.as_ref().map_or(usize::MAX, |x| x.selected),
    );
}

#[test]
fn page_up_from_the_top_of_the_list_stays_and_asks_for_nothing() {
    let cfg = Config::defaults();
    for key in keys(&cfg, Focus::List, Action::PageUp) {
        let mut state = full_state(&cfg);
        let fx = press(&mut state, &cfg, key);
        assert_eq!(state.list.selected, 0, "{}", key.label());
        assert_eq!(fx, vec![], "{}", key.label());
    }
}

#[test]
fn motions_clamp_at_the_ends_of_each_pane() {
    let cfg = Config::defaults();
    let mut state = full_state(&cfg);
    state.focus = Focus::List;
    state.list.select(140);
    press(&mut state, &cfg, Key::parse("space").unwrap());
    assert_eq!(
        state.list.selected, 149,
        "a page down stops at the last row"
    );
    press(&mut state, &cfg, Key::parse("j").unwrap());
    assert_eq!(state.list.selected, 149);
    state.list.select(5);
    press(&mut state, &cfg, Key::parse("b").unwrap());
    assert_eq!(state.list.selected, 0, "a page up stops at the first row");

    state.focus = Focus::Reader;
    state.reader.scroll_to(10);
    press(&mut state, &cfg, Key::parse("ctrl-b").unwrap());
    assert_eq!(state.reader.top, 0);
    press(&mut state, &cfg, Key::parse("k").unwrap());
    assert_eq!(state.reader.top, 0);
    let last = state.reader.max_top();
    state.reader.scroll_to(last - 3);
    press(&mut state, &cfg, Key::parse("ctrl-d").unwrap());
    assert_eq!(state.reader.top, last, "half a page stops at the end");
}

#[test]
fn space_at_the_end_of_an_article_opens_the_next_one() {
    let cfg = Config::defaults();
    let mut state = full_state(&cfg);
    state.focus = Focus::Reader;
    let last = state.reader.max_top();
    state.reader.scroll_to(last - 5);
    press(&mut state, &cfg, Key::parse("space").unwrap());
    assert_eq!(state.reader.top, last, "first Space: to the end");
    assert!(state.reader.shows(ArticleId(1)));
    let fx = press(&mut state, &cfg, Key::parse("space").unwrap());
    assert!(
        fx.contains(&Effect::LoadArticle {
            id: ArticleId(2),
            opening: Opening::Read
        }),
        "{fx:?}"
    );
    assert_eq!(state.list.selected, 1, "the next article is selected");
    // PgDn and Ctrl-f stop at the end (held down to reach it, they ran into
    // the next article and marked it read).
    for key in ["pagedown", "ctrl-f"] {
        let mut state = full_state(&cfg);
        state.focus = Focus::Reader;
        state.reader.scroll_to(last);
        let fx = handle(
            &mut state,
            &cfg.keymap,
            Event::Key(KeyEvent::new(
                Key::parse(key).unwrap().code,
                Key::parse(key).unwrap().mods,
            )),
        )
        .unwrap_or_default();
        assert!(
            !fx.iter().any(|e| matches!(e, Effect::LoadArticle { .. })),
            "{key}: {fx:?}"
        );
        assert!(
            state.reader.shows(ArticleId(1)) && state.reader.top == last,
            "{key}"
        );
    }
    // b and PgUp never do that: they scroll up.
    let mut state = full_state(&cfg);
    state.focus = Focus::Reader;
    state.reader.scroll_to(last);
    let fx = press(&mut state, &cfg, Key::parse("pageup").unwrap());
    assert_eq!(state.reader.top, last - (PAGE - 1));
    assert!(
        !fx.iter().any(|e| matches!(e, Effect::LoadArticle { .. })),
        "{fx:?}"
    );
}

#[test]
fn a_page_in_a_one_pane_layout_is_the_whole_screen() {
    // At 50×20 the list takes the screen: 19 rows, 17 inside the border.
    let cfg = Config::defaults();
    let mut state = state_with(50, 20, (1..=150).map(siteless_row).collect());
    state.list.select(60);
    press(&mut state, &cfg, Key::parse("pagedown").unwrap());
    assert_eq!(state.list.selected, 76);
    press(&mut state, &cfg, Key::parse("pageup").unwrap());
    assert_eq!(state.list.selected, 60);
    press(&mut state, &cfg, Key::parse("ctrl-u").unwrap());
    assert_eq!(state.list.selected, 52);
}

/// The preview's load and the opening's load of one article can both be in
/// flight; the later one, arriving after the reader scrolled to the end,
/// carried the position stored on the way (the end of the text) and moved
/// the reader back there: a narrower window then showed the keywords rather
/// than the end (seen in `e2e_pty`'s resize test under a loaded machine).
#[test]
fn a_late_load_of_the_open_article_keeps_the_reader_where_it_is() {
    let cfg = Config::defaults();
    let mut state = full_state(&cfg);
    state.focus = Focus::Reader;
    let last = state.reader.max_top();
    state.reader.scroll_to(last);
    let mut stored = article(1, 120);
    stored.position = docbao::model::Position {
        paragraph: 60,
        offset: 0,
    };
    for opening in [Opening::Preview, Opening::Read] {
        handle(
            &mut state,
            &cfg.keymap,
            Event::Loaded(Loaded::Article {
                article: Box::new(stored.clone()),
                opening,
            }),
        );
        assert_eq!(state.reader.top, last, "{opening:?} moved the reader");
    }
    // Still at the end when the width changes: the end of the article at
    // the new width, not the position the late load carried.
    handle(&mut state, &cfg.keymap, Event::Resize(40, 12));
    let mut narrow = state.clone();
    narrow.reader.ensure_layout(30, 8);
    assert_eq!(narrow.reader.top, narrow.reader.max_top());
}

/// `G` and a resize handled back to back, in either order (the run loop
/// drains every waiting event before it draws): the reader is at the end of
/// the article at each size after. (Ruled out as the cause of `e2e_pty`'s
/// lost `G`: that was the input reader, see `tests/e2e_input.rs`.)
#[test]
fn the_bottom_key_and_a_resize_in_either_order_end_at_the_end() {
    let cfg = Config::defaults();
    let bottom = Key::parse("G").expect("G");
    for key_first in [true, false] {
        let mut state = full_state(&cfg);
        state.focus = Focus::Reader;
        state.reader.scroll_to(40);
        if key_first {
            press(&mut state, &cfg, bottom);
        }
        handle(&mut state, &cfg.keymap, Event::Resize(160, 40));
        if !key_first {
            press(&mut state, &cfg, bottom);
        }
        for (w, h) in [(160, 40), (40, 12), (80, 24)] {
            if (w, h) != (160, 40) {
                handle(&mut state, &cfg.keymap, Event::Resize(w, h));
            }
            let r = &state.reader;
            assert!(
                r.top > 0 && r.top == r.max_top(),
                "key first: {key_first}, {w}x{h}: top {} of {}",
                r.top,
                r.max_top()
            );
        }
    }
}

/// A window that holds the list's end, its selection near it: the pane is
/// filled from above, no empty rows below while rows above are hidden (the
/// unread view chosen near the end showed 4 rows and 23 empty ones: an
/// independent review's find). Moving up from the top of the pane still
/// scrolls one row at a time.
#[test]
fn the_end_of_the_list_fills_the_pane_from_above() {
    use docbao::tui::state::list::ListState;
    let row = common::tui::row;
    let mut list = ListState::default();
    // 100 rows above the selected one, then it and 2 more: the end.
    list.set_window(
        (1..=100).map(row).collect(),
        (101..=103).map(row).collect(),
        4_000,
        4_003,
    );
    assert!(list.exhausted);
    assert_eq!(list.selected_id(), Some(ArticleId(101)));
    list.scroll_into_view(27);
    assert_eq!(list.offset, 103 - 27, "the last row at the pane's bottom");
    // Shorter than the pane: from the top.
    let mut short = ListState::default();
    short.set_window((1..=5).map(row).collect(), vec![row(6)], 5, 6);
    short.scroll_into_view(27);
    assert_eq!(short.offset, 0);
    // Up from the pane's top row: one row.
    list.select(76);
    list.scroll_into_view(27);
    list.move_by(-1);
    list.scroll_into_view(27);
    assert_eq!(list.offset, 75);
}

/// A window placed around the selection (`u` on a read article: the view
/// is looked up around it) shows the list from its top when the top fits
/// with the selection and the rows after it: `u` on the 8th row of a
/// 100×30 screen showed the list from its 5th row, the newest unread
/// articles hidden above a pane with room for 27 (an independent review's
/// find). Further down, a few rows of context stay above the selection.
/// The top fits when the selection and the row after it do.
#[test]
fn a_new_view_shows_the_top_of_the_list_when_it_fits() {
    use docbao::tui::state::list::ListState;
    let row = common::tui::row;
    let mut list = ListState::default();
    list.set_window(
        (1..=7).map(row).collect(),
        (8..=120).map(row).collect(),
        7,
        120,
    );
    assert_eq!(list.selected, 7);
    list.scroll_into_view(27);
    assert_eq!(list.offset, 0, "the newest rows are not hidden");
    // Only the window's placing: moving later scrolls as little as ever.
    list.select(40);
    list.scroll_into_view(27);
    assert_eq!(list.offset, 14);
    list.select(10);
    list.scroll_into_view(27);
    assert_eq!(list.offset, 10);
    // The selection too far down for the top to fit: 3 rows above it.
    let mut far = ListState::default();
    far.set_window(
        (1..=50).map(row).collect(),
        (51..=150).map(row).collect(),
        50,
        150,
    );
    far.scroll_into_view(27);
    assert_eq!(far.offset, 47);
    // The selection on the pane's last row, the next hidden: scrolled.
    let mut edge = ListState::default();
    edge.set_window(
        (1..=26).map(row).collect(),
        (27..=150).map(row).collect(),
        26,
        150,
    );
    edge.scroll_into_view(27);
    assert_eq!(edge.offset, 23);
    let mut fits = ListState::default();
    fits.set_window(
        (1..=25).map(row).collect(),
        (26..=150).map(row).collect(),
        25,
        150,
    );
    fits.scroll_into_view(27);
    assert_eq!(fits.offset, 0);
    // A first page after a filter change, the kept article near the top:
    // the rows above it show, whatever the offset was in the view before.
    let mut first = ListState::default();
    first.set_first_page((1..=120).map(row).collect(), 300, None);
    first.select(60);
    first.scroll_into_view(27);
    first.select(34);
    first.scroll_into_view(27);
    assert_eq!(first.offset, 34);
    first.set_first_page((1..=120).map(row).collect(), 300, Some(ArticleId(13)));
    first.scroll_into_view(27);
    assert_eq!((first.selected, first.offset), (12, 0));
}
