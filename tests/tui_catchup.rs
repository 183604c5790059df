//! Catching up, through `update::handle` alone: the sources in the sidebar,
//! `N` (next unread, then the next source), `A` (mark the view read after a
//! question) with one step of undo, and the search results as a reading
//! context (`n`, `p`, `N`, Space, Esc, `u`).

mod common;

use common::tui::{T, article, counted, hit, with_rows};
use docbao::model::{ArticleId, ListFilter, Source, SourceCount};
use docbao::tui::event::{Loaded, Opening};
use docbao::tui::state::Focus;
use docbao::tui::state::search::SearchState;
use docbao::tui::state::sidebar::Section;
use docbao::tui::update::Effect;
use ratatui::crossterm::event::KeyCode;

fn sources() -> Vec<SourceCount> {
    vec![
        SourceCount {
            error: None,
            source: Source::Feed(1),
            name: "Dân trí".into(),
            detail: None,
            unread: 3,
            total: 10,
        },
        SourceCount {
            error: None,
            source: Source::Feed(2),
            name: "VnExpress".into(),
            detail: None,
            unread: 0,
            total: 4,
        },
        SourceCount {
            error: None,
            source: Source::Feed(3),
            name: "Tuổi Trẻ".into(),
            detail: None,
            unread: 2,
            total: 2,
        },
        SourceCount {
            error: None,
            source: Source::Site(Some("nld.com.vn".into())),
            name: "nld.com.vn".into(),
            detail: None,
            unread: 1,
            total: 1,
        },
    ]
}

fn with_sources(t: &mut T) {
    t.loaded(Loaded::Sources(sources()));
}

fn read_rows(t: &mut T, ids: &[i64]) {
    for r in t.state.list.rows.iter_mut() {
        r.read = ids.contains(&r.id.0);
    }
}

#[test]
fn backslash_cycles_the_sidebar_sources_keywords_hidden() {
    let mut t = T::new(120, 40, 3);
    assert_eq!(t.state.sidebar.section, Section::Sources);
    // Wide: shown at start, on the sources. `\` goes to the keywords…
    assert_eq!(t.key('\\'), vec![]);
    assert_eq!(t.state.sidebar.section, Section::Keywords);
    assert_eq!(t.state.focus, Focus::Sidebar);
    assert!(t.state.panes().sidebar.is_some());
    // …then hides it…
    t.key('\\');
    assert!(t.state.panes().sidebar.is_none());
    assert_eq!(t.state.focus, Focus::List);
    // …then shows the sources again, with fresh counts.
    assert_eq!(t.key('\\'), vec![Effect::LoadSources]);
    assert_eq!(t.state.sidebar.section, Section::Sources);
    assert!(t.state.panes().sidebar.is_some());
}

#[test]
fn enter_on_a_source_filters_the_list_to_it_with_the_keywords() {
    let mut t = T::new(120, 40, 3);
    with_sources(&mut t);
    t.state.list.filter.keywords = vec!["Thái Bình".into()];
    t.state.focus = Focus::Sidebar;
    t.key('j'); // VnExpress
    let fx = t.code(KeyCode::Enter);
    assert_eq!(fx, vec![Effect::LoadList { keep: None }]);
    assert_eq!(t.state.list.filter.source, Some(Source::Feed(2)));
    assert_eq!(t.state.list.filter.keywords, vec!["Thái Bình".to_string()]);
    assert_eq!(t.state.focus, Focus::List);
    assert!(t.status().contains("VnExpress"), "{}", t.status());
    // Enter on it again: every source, the selection kept (as `c` keeps it).
    t.state.list.select(2);
    t.state.focus = Focus::Sidebar;
    let fx = t.code(KeyCode::Enter);
    assert_eq!(t.state.list.filter.source, None);
    assert_eq!(
        fx,
        vec![Effect::LoadList {
            keep: Some(ArticleId(3))
        }]
    );
    // Esc in the list clears a source filter as it clears keywords.
    t.state.focus = Focus::Sidebar;
    t.code(KeyCode::Enter);
    assert_eq!(t.code(KeyCode::Esc).len(), 1);
    assert_eq!(t.state.list.filter, ListFilter::default());
}

/// `A` with the cursor on a source marks that source, as newsboat's `A`
/// on a feed: the list shows it and the question names it (it asked to
/// mark every source's unread, saying only a number: a tester's report).
/// On the source the list shows already, or in the list, it asks about
/// the view as it is, named.
#[test]
fn a_in_the_sources_marks_the_source_under_the_cursor() {
    let mut t = T::new(120, 40, 3);
    with_sources(&mut t);
    t.state.focus = Focus::Sidebar;
    t.key('j'); // VnExpress
    t.key('j'); // Tuổi Trẻ
    let fx = t.key('A');
    assert_eq!(
        fx,
        vec![
            Effect::LoadList { keep: None },
            Effect::Reload { unread: true }
        ]
    );
    assert_eq!(t.state.list.filter.source, Some(Source::Feed(3)));
    t.loaded(counted(&t.state, &[1, 2]));
    assert_eq!(t.status(), "Mark 2 unread articles in Tuổi Trẻ read? (y/n)");
    t.key('n');
    // Again, on the source shown: no new view, the same question.
    assert_eq!(t.key('A'), vec![Effect::Reload { unread: true }]);
    t.loaded(counted(&t.state, &[1, 2]));
    assert_eq!(t.status(), "Mark 2 unread articles in Tuổi Trẻ read? (y/n)");
    t.key('n');
    // Every source, from the list: said so.
    t.state.list.filter.source = None;
    t.state.focus = Focus::List;
    assert_eq!(t.key('A'), vec![Effect::Reload { unread: true }]);
    t.loaded(counted(&t.state, &[1, 2, 3]));
    assert_eq!(
        t.status(),
        "Mark 3 unread articles read (all sources)? (y/n)"
    );
}

/// `A` on a source shows its articles while the keys stay in the sidebar:
/// the reader beside the list follows the new selection, as Enter on a
/// source makes it do (it kept an article of the list before, and `s`
/// bookmarked the selected row, not the article shown: an independent
/// review's find).
#[test]
fn a_in_the_sources_shows_the_new_lists_article_beside_it() {
    let mut t = T::new(120, 40, 3);
    with_sources(&mut t);
    t.open(article(1, 3), Opening::Preview);
    assert!(t.state.reader.shows(ArticleId(1)));
    t.state.focus = Focus::Sidebar;
    t.key('j'); // VnExpress
    t.key('j'); // Tuổi Trẻ
    t.key('A');
    let fx = t.loaded(Loaded::FirstPage {
        rows: vec![common::tui::row(7), common::tui::row(8)],
        total: 2,
        keep: None,
    });
    assert_eq!(
        fx,
        vec![Effect::LoadArticle {
            id: ArticleId(7),
            opening: Opening::Preview,
        }]
    );
    t.open(article(7, 3), Opening::Preview);
    assert!(t.state.reader.shows(ArticleId(7)));
    assert_eq!(
        t.state.focus,
        Focus::Sidebar,
        "the keys stay in the sidebar"
    );
    // The list asked for failing to load, a later reload (another process
    // imported) leaves the article read in the reader (a third review's
    // find).
    let mut t = T::new(120, 40, 3);
    with_sources(&mut t);
    t.state.focus = Focus::Sidebar;
    t.key('j');
    t.key('j');
    assert_eq!(t.key('A')[0], Effect::LoadList { keep: None });
    t.loaded(Loaded::Failed(
        "Cannot load the list: database is locked".into(),
    ));
    t.open(article(2, 5), Opening::Read);
    t.state.focus = Focus::Sidebar;
    let fx = t.loaded(with_rows(&t, &[9, 1, 2, 3]));
    assert!(
        !fx.iter().any(|e| matches!(e, Effect::LoadArticle { .. })),
        "{fx:?}"
    );
    assert_eq!(t.state.reader.article_id(), Some(ArticleId(2)));
}

#[test]
fn counts_are_read_again_when_a_mark_changes_while_they_show() {
    let mut t = T::new(120, 40, 3);
    with_sources(&mut t);
    let fx = t.key('m');
    assert_eq!(
        fx,
        vec![Effect::SetRead(ArticleId(1), true), Effect::LoadSources]
    );
    // Keywords shown instead: nothing to refresh.
    t.key('\\');
    t.state.focus = Focus::List;
    let fx = t.key('m');
    assert_eq!(fx, vec![Effect::SetRead(ArticleId(1), false)]);
}

#[test]
fn counts_are_read_again_when_the_sidebar_comes_back_on_the_screen() {
    // One pane at a time: the sidebar is off the screen while the list
    // shows, so a mark there reloads nothing; going to the sidebar does.
    let mut t = T::new(50, 20, 3);
    with_sources(&mut t);
    t.state.focus = Focus::List;
    assert_eq!(t.key('m'), vec![Effect::SetRead(ArticleId(1), true)]);
    assert_eq!(t.code(KeyCode::BackTab), vec![Effect::LoadSources]);
    assert_eq!(t.state.focus, Focus::Sidebar);
    // Back to the list and left again with h: read again too.
    t.code(KeyCode::Tab);
    assert_eq!(t.key('h'), vec![Effect::LoadSources]);
    // Moving within the sidebar does not.
    assert!(!t.key('j').contains(&Effect::LoadSources));
}

#[test]
fn counts_grow_as_each_feed_of_an_update_is_stored() {
    use docbao::tui::event::{Event, WorkerMsg};
    let mut t = T::new(120, 40, 3);
    let fx = t.ev(Event::Worker(WorkerMsg::UpdateProgress {
        done: 1,
        total: 3,
        name: "Dân trí".into(),
    }));
    assert_eq!(fx, vec![Effect::LoadSources]);
}

#[test]
fn n_opens_the_next_unread_row_after_the_open_article() {
    let mut t = T::new(120, 40, 6);
    read_rows(&mut t, &[2, 3, 5]);
    t.state.list.select(0);
    t.open(article(1, 3), Opening::Read);
    t.state.focus = Focus::Reader;
    let fx = t.key('N');
    assert_eq!(t.state.list.selected, 3, "row of article 4");
    assert_eq!(t.state.focus, Focus::Reader);
    assert!(fx.contains(&Effect::LoadArticle {
        id: ArticleId(4),
        opening: Opening::Read
    }));
    t.open(article(4, 3), Opening::Read);
    // From 4, skipping 5 (read): 6.
    let fx = t.key('N');
    assert!(fx.contains(&Effect::LoadArticle {
        id: ArticleId(6),
        opening: Opening::Read
    }));
}

#[test]
fn n_in_the_list_starts_at_the_selected_row_itself() {
    let mut t = T::new(120, 40, 4);
    read_rows(&mut t, &[1]);
    t.state.list.select(1);
    t.open(article(2, 3), Opening::Preview);
    // The preview shows it already: opened for reading, it is marked read.
    let fx = t.key('N');
    assert!(fx.contains(&Effect::SetRead(ArticleId(2), true)), "{fx:?}");
    assert_eq!(t.state.list.selected, 1);
    assert_eq!(t.state.focus, Focus::Reader);
}

#[test]
fn n_past_the_end_of_a_source_goes_on_to_the_next_source_with_unread_articles() {
    let mut t = T::new(120, 40, 3);
    with_sources(&mut t);
    t.state.list.filter.source = Some(Source::Feed(1));
    read_rows(&mut t, &[1, 2, 3]);
    t.open(article(3, 3), Opening::Read);
    t.state.list.select(2);
    t.state.focus = Focus::Reader;
    // Nothing unread in the rows: fresh counts first…
    assert_eq!(t.key('N'), vec![Effect::LoadSources]);
    // …then the store is asked: Tuổi Trẻ (VnExpress has none unread), then
    // nld.com.vn, then this source from its top.
    let fx = t.loaded(Loaded::Sources(sources()));
    let views = match &fx[..] {
        [Effect::FindUnread(v)] => v.clone(),
        other => panic!("{other:?}"),
    };
    let order: Vec<Option<Source>> = views.iter().map(|(f, _)| f.source.clone()).collect();
    assert_eq!(
        order,
        vec![
            Some(Source::Feed(3)),
            Some(Source::Site(Some("nld.com.vn".into()))),
            Some(Source::Feed(1)),
        ]
    );
    assert!(views.iter().all(|(_, after)| after.is_none()));
    // Found in Tuổi Trẻ: the list switches to it (the window around the
    // article if it is not in the first page) and the article opens.
    let found = views[0].0.clone();
    let fx = t.loaded(Loaded::UnreadFound(Some((found, ArticleId(40)))));
    assert_eq!(t.state.list.filter.source, Some(Source::Feed(3)));
    assert_eq!(
        &fx[..2],
        &[
            Effect::LoadList {
                keep: Some(ArticleId(40))
            },
            Effect::ComputeRelated(ArticleId(40)),
        ]
    );
    assert!(fx.contains(&Effect::LoadArticle {
        id: ArticleId(40),
        opening: Opening::Read
    }));
    assert!(t.status().contains("Tuổi Trẻ"), "{}", t.status());
    let rows = vec![common::tui::row(41), common::tui::row(42)];
    let fx = t.loaded(Loaded::FirstPage {
        rows,
        total: 300,
        keep: Some(ArticleId(40)),
    });
    assert_eq!(fx, vec![Effect::LoadAround(ArticleId(40))]);
}

#[test]
fn n_looks_past_the_rows_loaded_before_leaving_the_view() {
    let mut t = T::new(120, 40, 3);
    t.state.list.exhausted = false;
    read_rows(&mut t, &[1, 2, 3]);
    t.open(article(3, 3), Opening::Read);
    t.state.focus = Focus::Reader;
    t.key('N');
    let fx = t.loaded(Loaded::Sources(sources()));
    let Effect::FindUnread(views) = &fx[0] else {
        panic!("{fx:?}")
    };
    // The rest of this view after the last row loaded, then its top (no
    // source filter: there is no "next source").
    assert_eq!(views.len(), 2);
    assert_eq!(views[0].1, Some(t.state.list.rows[2].cursor()));
    assert_eq!(views[1].1, None);
    // Nothing anywhere, or only the open article: said so.
    t.loaded(Loaded::UnreadFound(Some((
        ListFilter::default(),
        ArticleId(3),
    ))));
    assert_eq!(t.status(), "No more unread articles");
}

#[test]
fn capital_a_asks_with_the_count_then_marks_and_undo_puts_it_back() {
    let mut t = T::new(120, 40, 3);
    t.state.list.filter.source = Some(Source::Feed(1));
    let fx = t.key('A');
    assert_eq!(fx, vec![Effect::Reload { unread: true }]);
    let many: Vec<i64> = (1..=37).collect();
    let fx = t.loaded(counted(&t.state, &many));
    assert_eq!(fx, vec![]);
    assert_eq!(t.status(), "Mark 37 unread articles in feed 1 read? (y/n)");
    // Any other key: nothing is marked, and the key does nothing else.
    assert_eq!(t.key('j'), vec![]);
    assert_eq!(t.state.list.selected, 0);
    assert_eq!(t.status(), "Not marked");
    // Counts are grouped by thousands, as everywhere on the screen.
    t.key('A');
    t.loaded(counted(&t.state, &many));
    t.key('y');
    t.loaded(Loaded::MarkedAllRead((1..=1234).map(ArticleId).collect()));
    assert!(
        t.status().starts_with("Marked 1.234 articles read"),
        "{}",
        t.status()
    );
    t.key('Z');
    assert!(
        t.status().contains("marking 1.234 articles"),
        "{}",
        t.status()
    );
    t.key('A');
    t.loaded(counted(&t.state, &[1, 2, 3]));
    // `y` marks the articles counted, exactly.
    let ids: Vec<ArticleId> = (1..=3).map(ArticleId).collect();
    let fx = t.key('y');
    assert_eq!(fx[0], Effect::MarkAllRead(ids.clone()));
    assert!(fx.contains(&Effect::LoadList {
        keep: Some(ArticleId(1))
    }));
    assert!(t.state.list.rows.iter().all(|r| r.read));
    // Said, and kept for `Z`, as the store marked them.
    t.loaded(Loaded::MarkedAllRead(ids.clone()));
    assert!(t.status().contains("Marked 3 articles read (Z undoes it)"));
    // Undo: unread again, in the store and on screen; once.
    let fx = t.key('Z');
    assert_eq!(fx[0], Effect::SetReadMany(ids, false));
    assert!(t.state.list.rows.iter().all(|r| !r.read));
    assert!(t.status().starts_with("Undone"));
    t.key('Z');
    assert_eq!(t.status(), "Nothing to undo");
}

#[test]
fn a_with_nothing_unread_says_so_and_asks_nothing() {
    let mut t = T::new(120, 40, 3);
    t.key('A');
    t.loaded(counted(&t.state, &[]));
    assert_eq!(t.status(), "Nothing unread here");
    assert!(t.state.confirm.is_none());
}

#[test]
fn undo_puts_back_a_single_mark_or_bookmark() {
    let mut t = T::new(80, 24, 3);
    t.key('m');
    assert!(t.state.list.rows[0].read);
    assert_eq!(t.key('Z'), vec![Effect::SetRead(ArticleId(1), false)]);
    assert!(!t.state.list.rows[0].read);
    t.key('s');
    assert!(t.state.list.rows[0].bookmarked);
    assert_eq!(t.key('Z'), vec![Effect::SetBookmarked(ArticleId(1), false)]);
    assert!(!t.state.list.rows[0].bookmarked);
}

#[test]
fn a_read_only_store_refuses_mark_all_and_undo() {
    let mut t = T::new(80, 24, 3);
    t.state.read_only = true;
    assert_eq!(t.key('A'), vec![]);
    assert!(t.status().contains("read-only"));
}

/// The left of the status line: where the reader is.
fn place(t: &T) -> String {
    docbao::tui::ui::status::position_text(&t.state)
}

fn searching(t: &mut T, hits: Vec<docbao::model::SearchHit>) {
    t.state.search = Some(SearchState {
        query: "bong da".into(),
        hits,
        ..SearchState::default()
    });
}

#[test]
fn search_results_are_the_reading_context() {
    let mut t = T::new(120, 40, 10);
    searching(&mut t, vec![hit(7, false), hit(3, true), hit(9, false)]);
    // Moving in the results: the preview follows when the selection rests.
    assert_eq!(t.key('j'), vec![Effect::PreviewWhenRested]);
    assert_eq!(
        t.ev(docbao::tui::event::Event::Rested),
        vec![Effect::LoadArticle {
            id: ArticleId(3),
            opening: Opening::Preview
        }]
    );
    t.key('k');
    // Enter opens result 1; n walks the results, not the hidden list.
    let fx = t.code(KeyCode::Enter);
    assert!(fx.contains(&Effect::LoadArticle {
        id: ArticleId(7),
        opening: Opening::Read
    }));
    t.open(article(7, 3), Opening::Read);
    assert!(place(&t).starts_with("Result 1 of 3"), "{}", place(&t));
    let fx = t.key('n');
    assert!(fx.contains(&Effect::LoadArticle {
        id: ArticleId(3),
        opening: Opening::Read
    }));
    t.open(article(3, 3), Opening::Read);
    assert!(place(&t).starts_with("Result 2 of 3"), "{}", place(&t));
    // N: the next unread result (9), skipping none here.
    let fx = t.key('N');
    assert!(fx.contains(&Effect::LoadArticle {
        id: ArticleId(9),
        opening: Opening::Read
    }));
    t.open(article(9, 2), Opening::Read);
    assert_eq!(t.state.search.as_ref().unwrap().selected, 2);
    // p goes back within the results.
    t.key('p');
    t.open(article(3, 3), Opening::Read);
    assert!(place(&t).starts_with("Result 2 of 3"), "{}", place(&t));
    // Esc: back to the results; Esc again: the list, its preview in step.
    t.code(KeyCode::Esc);
    assert_eq!(t.state.focus, Focus::List);
    assert!(t.state.search.is_some());
    let fx = t.code(KeyCode::Esc);
    assert!(t.state.search.is_none());
    assert_eq!(
        fx,
        vec![Effect::LoadArticle {
            id: ArticleId(1),
            opening: Opening::Preview
        }]
    );
}

#[test]
fn space_at_the_end_of_a_result_opens_the_next_result() {
    let mut t = T::new(120, 40, 10);
    searching(&mut t, vec![hit(7, false), hit(3, false)]);
    t.code(KeyCode::Enter);
    t.open(article(7, 1), Opening::Read);
    docbao::tui::update::layout(&mut t.state);
    assert!(t.state.reader.at_end());
    let fx = t.key(' ');
    assert!(fx.contains(&Effect::LoadArticle {
        id: ArticleId(3),
        opening: Opening::Read
    }));
    t.open(article(3, 1), Opening::Read);
    t.key(' ');
    assert_eq!(t.status(), "This is the last result");
}

#[test]
fn u_in_the_results_runs_the_search_again_unread_only() {
    let mut t = T::new(120, 40, 10);
    searching(&mut t, vec![hit(7, false), hit(3, true)]);
    let fx = t.key('u');
    assert!(t.state.list.filter.unread);
    let g = t.state.search.as_ref().unwrap().generation;
    assert!(fx.contains(&Effect::RunSearch {
        query: "bong da".into(),
        generation: g
    }));
}

#[test]
fn a_in_the_results_marks_the_unread_results() {
    let mut t = T::new(120, 40, 10);
    searching(&mut t, vec![hit(7, false), hit(3, true), hit(9, false)]);
    t.key('A');
    assert_eq!(t.status(), "Mark 2 unread articles read? (y/n)");
    let fx = t.code(KeyCode::Enter);
    assert_eq!(fx[0], Effect::MarkAllRead(vec![ArticleId(7), ArticleId(9)]));
    assert!(t.state.search.as_ref().unwrap().hits.iter().all(|h| h.read));
}

/// More results match than are loaded: the question says it marks the
/// loaded ones (it asked "Mark 199 unread articles read?" for a search
/// matching 2,932).
#[test]
fn a_in_results_not_all_loaded_says_it_marks_those_loaded() {
    let mut t = T::new(120, 40, 10);
    searching(&mut t, vec![hit(7, false), hit(3, true), hit(9, false)]);
    t.state.search.as_mut().unwrap().total = Some((2932, false));
    t.key('A');
    assert_eq!(
        t.status(),
        "Mark the 2 unread of 3 loaded results read (G loads all 2.932)? (y/n)"
    );
    let fx = t.code(KeyCode::Enter);
    assert_eq!(fx[0], Effect::MarkAllRead(vec![ArticleId(7), ArticleId(9)]));
}

#[test]
fn n_while_finding_in_the_reader_is_the_previous_match_not_the_next_unread() {
    let mut t = T::new(120, 40, 6);
    t.open(article(1, 12), Opening::Read);
    t.state.focus = Focus::Reader;
    docbao::tui::update::layout(&mut t.state);
    // Find "Đoạn" (every paragraph has it), then two matches on.
    t.key('/');
    t.chars("đoạn");
    t.code(KeyCode::Enter);
    assert!(t.state.reader.find.is_some());
    t.key('n');
    t.key('n');
    let at = t.state.reader.find_current;
    let fx = t.key('N');
    assert!(
        !fx.iter().any(|e| matches!(
            e,
            Effect::LoadArticle { .. } | Effect::LoadSources | Effect::FindUnread(_)
        )),
        "{fx:?}"
    );
    assert_eq!(
        t.state.reader.find_current,
        at.map(|i| i - 1),
        "back one match"
    );
    assert!(t.state.reader.shows(ArticleId(1)));
    // Where it is among the matches, said and shown: the current match is
    // drawn apart from the others (all were drawn alike).
    let (i, n) = (
        t.state.reader.find_current.unwrap(),
        t.state.reader.find_hits.len(),
    );
    assert_eq!(t.status(), format!("Match {} of {n}", i + 1));
    let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 40)).unwrap();
    term.draw(|f| docbao::tui::ui::draw(f, &t.state, &t.cfg))
        .unwrap();
    let buf = term.backend().buffer();
    let styles: Vec<ratatui::style::Style> = (0..40u16)
        .flat_map(|y| (0..120u16).map(move |x| (x, y)))
        .filter(|&(x, y)| buf[(x, y)].symbol() == "Đ")
        .map(|(x, y)| buf[(x, y)].style())
        .collect();
    assert!(styles.len() > 2, "matches on the screen: {}", styles.len());
    let odd: Vec<_> = styles
        .iter()
        .filter(|s| **s != styles[styles.len() - 1])
        .collect();
    assert_eq!(odd.len(), 1, "one match drawn apart: {styles:?}");
}

/// Issue of the daily-reader review, 1: the preview beside the list is not
/// read until the keys move into the reader; then it is opened for reading,
/// as Enter opens it (marked read, its related stories computed, the
/// article to reopen), with `Tab`, `l` and `z` alike.
#[test]
fn moving_into_the_reader_opens_the_preview_for_reading() {
    for (keys, width) in [("\t", 100), ("l", 100), ("z", 100), ("\t", 60)] {
        let mut t = T::new(width, 30, 3);
        with_sources(&mut t);
        t.key('j');
        t.open(article(2, 30), Opening::Preview);
        assert!(!t.state.list.rows[1].read, "a preview is not read");
        let mut fx = vec![];
        for c in keys.chars() {
            fx = match c {
                '\t' => t.code(KeyCode::Tab),
                c => t.key(c),
            };
        }
        assert_eq!(t.state.focus, Focus::Reader, "{keys:?} at {width}");
        assert!(
            fx.contains(&Effect::SetRead(ArticleId(2), true)),
            "{keys:?} at {width}: {fx:?}"
        );
        assert!(fx.contains(&Effect::RememberLast(ArticleId(2))), "{fx:?}");
        assert!(fx.contains(&Effect::ComputeRelated(ArticleId(2))), "{fx:?}");
        assert!(t.state.list.rows[1].read, "the row shows it read");
        // Out and back in: opened once, nothing written again.
        t.key('h');
        let fx = t.key('l');
        assert!(!fx.contains(&Effect::SetRead(ArticleId(2), true)), "{fx:?}");
    }
}

/// The review's follow-on: a source with one unread article, its preview
/// focused with `l`, then `N`: the article on screen was read (marked when
/// the reader took the keys), and `N` looks for the next source.
#[test]
fn n_after_reading_the_only_unread_article_of_a_source_leaves_it_read() {
    let mut t = T::new(100, 30, 1);
    with_sources(&mut t);
    t.state.list.filter.source = Some(Source::Site(Some("nld.com.vn".into())));
    t.open(article(1, 3), Opening::Preview);
    let fx = t.key('l');
    assert!(fx.contains(&Effect::SetRead(ArticleId(1), true)), "{fx:?}");
    assert_eq!(t.key('N'), vec![Effect::LoadSources]);
    assert!(t.state.list.rows[0].read);
    assert!(t.state.reader.article().is_some_and(|a| a.read));
}

/// Unread only: the article opened is read and leaves the view, and the row
/// after it takes its place under the selection. `n`, Space at its end and
/// `N` open that row (they skipped it); `p` the row before.
#[test]
fn the_row_that_took_the_open_articles_place_is_next() {
    let opens = |fx: &[Effect], id: i64| {
        fx.contains(&Effect::LoadArticle {
            id: ArticleId(id),
            opening: Opening::Read,
        })
    };
    for key in ['n', 'N'] {
        let mut t = T::new(120, 40, 5);
        t.state.list.filter.unread = true;
        t.key('j');
        t.open(article(2, 3), Opening::Read);
        t.state.focus = Focus::Reader;
        // Read, it leaves the view: 3 takes its place.
        t.loaded(with_rows(&t, &[1, 3, 4, 5]));
        assert_eq!(t.state.list.selected_id(), Some(ArticleId(3)));
        let fx = t.key(key);
        assert!(opens(&fx, 3), "{key}: {fx:?}");
        assert_eq!(t.state.list.selected_id(), Some(ArticleId(3)));
    }
    let mut t = T::new(120, 40, 5);
    t.key('j');
    t.key('j');
    t.open(article(3, 3), Opening::Read);
    t.state.focus = Focus::Reader;
    t.loaded(with_rows(&t, &[1, 2, 4, 5]));
    let fx = t.key('p');
    assert!(opens(&fx, 2), "{fx:?}");
}

/// Unread only, the last row of a source opened and read: it leaves the
/// view and the row above is selected, but did not take its place: `N`
/// goes on to the next source, `n` finds no next in the view; neither
/// walks back up (a tester's catch-up: `Article 3 of 3`, the row above,
/// then the next source with two unread left behind).
#[test]
fn after_the_last_row_left_the_view_next_goes_past_the_end() {
    for key in ['N', 'n'] {
        let mut t = T::new(120, 40, 5);
        with_sources(&mut t);
        t.state.list.filter.unread = true;
        t.state.list.filter.source = Some(Source::Feed(1));
        t.state.list.exhausted = true;
        t.key('G');
        let last = t.state.list.selected_id().unwrap();
        t.open(article(last.0, 3), Opening::Read);
        t.state.focus = Focus::Reader;
        let left: Vec<i64> = (1..=5).filter(|&i| i != last.0).collect();
        t.loaded(with_rows(&t, &left));
        assert_ne!(t.state.list.selected_id(), Some(last));
        let fx = t.key(key);
        assert!(
            !fx.iter().any(|e| matches!(e, Effect::LoadArticle { .. })),
            "{key} opened a row above: {fx:?}"
        );
        if key == 'N' {
            assert_eq!(fx, vec![Effect::LoadSources], "{fx:?}");
        }
    }
}

/// Unread only, `N` pressed faster than the list is read again: the first
/// reload comes when two articles were read (2 and 3 both gone, 3 open).
/// The row after the open article is 4, not the row at 3's old index
/// (which is 5 now): the tester's 0.4 s presses left every third unread.
#[test]
fn n_faster_than_the_reload_skips_no_unread_article() {
    for key in ['n', 'N'] {
        let mut t = T::new(120, 40, 6);
        t.state.list.filter.unread = true;
        t.key('j');
        t.open(article(2, 3), Opening::Read);
        t.state.focus = Focus::Reader;
        // N before any reload: 3 is opened from its row.
        let fx = t.key(key);
        assert!(
            fx.contains(&Effect::LoadArticle {
                id: ArticleId(3),
                opening: Opening::Read,
            }),
            "{key}: {fx:?}"
        );
        t.open(article(3, 3), Opening::Read);
        // The store has both read now: one reload without 2 and 3.
        t.loaded(with_rows(&t, &[1, 4, 5, 6]));
        assert_eq!(t.state.list.selected_id(), Some(ArticleId(4)), "{key}");
        let fx = t.key(key);
        assert!(
            fx.contains(&Effect::LoadArticle {
                id: ArticleId(4),
                opening: Opening::Read,
            }),
            "{key}: {fx:?}"
        );
    }
}

/// An article open that is not in the view (a related story followed from
/// row 2): `n` and `N` go on from the row it was opened from, in this view,
/// before any other source.
#[test]
fn next_after_a_related_story_goes_on_from_the_row_it_came_from() {
    for key in ['N', 'n'] {
        let mut t = T::new(120, 40, 5);
        with_sources(&mut t);
        t.state.list.filter.source = Some(Source::Feed(1));
        read_rows(&mut t, &[1, 2]);
        t.key('j');
        t.open(article(99, 3), Opening::Read);
        t.state.focus = Focus::Reader;
        let fx = t.key(key);
        let next = Effect::LoadArticle {
            id: ArticleId(3),
            opening: Opening::Read,
        };
        assert!(fx.contains(&next), "{key}: {fx:?}");
    }
}
