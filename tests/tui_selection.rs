//! The reader and the list's selection, through `update::handle` alone:
//! moving into the reader opens the article the list selects, in every
//! layout (a reviewer's item 1: in one pane at a time, `l`, `Tab` and `z`
//! showed the article shown before); marking a view read that leaves it
//! empty empties the reader beside it, and undoing it selects the article
//! selected before (item 4).

mod common;

use common::tui::{T, article, article_with_related, row};
use docbao::model::ArticleId;
use docbao::tui::event::{Event, Loaded, Opening};
use docbao::tui::state::Focus;
use docbao::tui::update::Effect;
use ratatui::crossterm::event::KeyCode;

fn press(t: &mut T, key: &str) -> Vec<Effect> {
    match key {
        "Tab" => t.code(KeyCode::Tab),
        "Esc" => t.code(KeyCode::Esc),
        "Enter" => t.code(KeyCode::Enter),
        k => t.chars(k),
    }
}

fn opens_for_reading(fx: &[Effect], id: i64) -> bool {
    fx.contains(&Effect::LoadArticle {
        id: ArticleId(id),
        opening: Opening::Read,
    })
}

/// One pane at a time (60 columns and less): the reader is not on the
/// screen while the list is, so it never follows the selection; going to
/// it opens the selected article, whichever key goes there.
#[test]
fn one_pane_going_to_the_reader_opens_the_selected_article() {
    for key in ["l", "Tab", "z"] {
        for width in [40, 50, 60] {
            let mut t = T::new(width, 20, 8);
            press(&mut t, "Enter");
            t.open(article(1, 5), Opening::Read);
            press(&mut t, "Esc");
            assert_eq!(t.state.focus, Focus::List);
            press(&mut t, "jjj");
            assert_eq!(t.state.list.selected_id(), Some(ArticleId(4)));
            let fx = press(&mut t, key);
            assert_eq!(t.state.focus, Focus::Reader, "{key} at {width}");
            assert!(opens_for_reading(&fx, 4), "{key} at {width}: {fx:?}");
            assert!(fx.contains(&Effect::RememberLast(ArticleId(4))), "{fx:?}");
            assert!(
                !fx.contains(&Effect::RememberLast(ArticleId(1))),
                "{key} at {width}: {fx:?}"
            );
            t.open(article(4, 5), Opening::Read);
            assert!(t.state.reader.shows(ArticleId(4)));
            assert!(t.state.list.rows[3].read, "opened for reading");
            // Back and in again without moving: the same article, not loaded again.
            t.code(KeyCode::Char('h'));
            let fx = press(&mut t, key);
            assert!(
                !fx.iter().any(|e| matches!(e, Effect::LoadArticle { .. })),
                "{key} at {width}: {fx:?}"
            );
        }
    }
}

/// Beside the list, the reader follows the selection once it rests; a key
/// into the reader before then opens the selection, not the article the
/// reader still shows.
#[test]
fn beside_the_list_a_quick_key_into_the_reader_opens_the_selection() {
    for key in ["l", "Tab", "z"] {
        for width in [80, 120] {
            let mut t = T::new(width, 30, 8);
            t.open(article(1, 5), Opening::Preview);
            assert_eq!(press(&mut t, "jj"), vec![Effect::PreviewWhenRested]);
            let fx = press(&mut t, key);
            assert_eq!(t.state.focus, Focus::Reader, "{key} at {width}");
            assert!(opens_for_reading(&fx, 3), "{key} at {width}: {fx:?}");
            // The rest comes late: nothing more to load.
            let fx = t.ev(Event::Rested);
            assert!(
                !fx.iter().any(|e| matches!(e, Effect::LoadArticle { .. })),
                "{fx:?}"
            );
        }
    }
}

/// The reader beside the list shows a related story followed from the
/// selected article: out to the list and back in without moving, the
/// story is still there (what the pane shows is what the key goes to).
#[test]
fn beside_the_list_the_reader_keeps_a_story_when_the_selection_did_not_move() {
    let mut t = T::new(120, 30, 8);
    press(&mut t, "Enter");
    t.open(article_with_related(1, 5), Opening::Read);
    let fx = t.key('2');
    assert!(opens_for_reading(&fx, 2), "{fx:?}");
    t.open(article(2, 5), Opening::Read);
    t.key('h');
    assert_eq!(t.state.list.selected_id(), Some(ArticleId(1)));
    let fx = t.key('l');
    assert!(
        !fx.iter().any(|e| matches!(e, Effect::LoadArticle { .. })),
        "{fx:?}"
    );
    assert!(t.state.reader.shows(ArticleId(2)));
}

/// The search results in one pane: going to the reader opens the
/// highlighted result.
/// `/tin` typed, and the store's answer: the articles `ids`, all of them.
fn search_finds(t: &mut T, ids: std::ops::RangeInclusive<i64>) {
    t.key('/');
    let fx = t.chars("tin");
    let Some(Effect::RunSearch { generation, .. }) = fx.first().cloned() else {
        panic!("typing runs the search: {fx:?}");
    };
    let hits: Vec<_> = ids.map(|i| common::tui::hit(i, false)).collect();
    let n = hits.len();
    t.loaded(Loaded::SearchResults {
        generation,
        hits,
        total: Some((n, false)),
    });
}

#[test]
fn one_pane_going_to_the_reader_from_the_results_opens_the_highlighted_one() {
    let mut t = T::new(50, 20, 8);
    press(&mut t, "Enter");
    t.open(article(1, 5), Opening::Read);
    press(&mut t, "Esc");
    search_finds(&mut t, 5..=8);
    // Enter reads the first result; Esc gives the results back.
    assert!(opens_for_reading(&t.code(KeyCode::Enter), 5));
    t.open(article(5, 5), Opening::Read);
    t.code(KeyCode::Esc);
    assert_eq!(t.state.focus, Focus::List);
    assert!(t.state.search.is_some(), "the results stay");
    t.key('j');
    let fx = t.key('l');
    assert_eq!(t.state.focus, Focus::Reader);
    assert!(opens_for_reading(&fx, 6), "{fx:?}");
}

/// `A` on an unread-only view: the list comes back empty, and so does the
/// reader beside it (not while reading in it); `Z` reloads the list on the
/// article selected before.
#[test]
fn an_emptied_view_empties_the_reader_and_undo_keeps_the_selection() {
    for focus in [Focus::List, Focus::Reader] {
        let mut t = T::new(120, 30, 3);
        t.state.list.filter.unread = true;
        t.key('j');
        t.open(article(2, 5), Opening::Preview);
        t.state.focus = focus;
        assert_eq!(t.key('A'), vec![Effect::Reload { unread: true }]);
        t.loaded(common::tui::counted(&t.state, &[1, 2, 3]));
        let fx = t.key('y');
        assert_eq!(fx[0], Effect::MarkAllRead((1..=3).map(ArticleId).collect()));
        let keep = Some(ArticleId(2));
        assert!(fx.contains(&Effect::LoadList { keep }), "{fx:?}");
        t.loaded(Loaded::FirstPage {
            rows: vec![],
            total: 0,
            keep,
        });
        assert!(t.state.list.rows.is_empty());
        assert_eq!(
            t.state.reader.is_open(),
            focus == Focus::Reader,
            "{focus:?}: the preview of an empty list is empty; a reader reading keeps it"
        );
        let fx = t.key('Z');
        assert!(fx.contains(&Effect::LoadList { keep }), "{focus:?}: {fx:?}");
    }
}

/// `A` on an unread-only view, then a new article arrives (an update in
/// another shell) and is selected in the emptied list: `Z` still selects
/// the article selected when `A` was pressed, as README says (a tester's
/// report: it stayed on the new one).
#[test]
fn undo_selects_the_article_of_before_over_one_arrived_since() {
    let mut t = T::new(120, 30, 3);
    t.state.list.filter.unread = true;
    t.key('j');
    t.key('A');
    t.loaded(common::tui::counted(&t.state, &[1, 2, 3]));
    t.key('y');
    t.loaded(Loaded::FirstPage {
        rows: vec![],
        total: 0,
        keep: Some(ArticleId(2)),
    });
    // The new article, the only unread one, comes in and is selected.
    t.loaded(Loaded::FirstPage {
        rows: vec![row(4)],
        total: 1,
        keep: None,
    });
    assert_eq!(t.state.list.selected_id(), Some(ArticleId(4)));
    let fx = t.key('Z');
    assert!(
        fx.contains(&Effect::LoadList {
            keep: Some(ArticleId(2))
        }),
        "{fx:?}"
    );
}

/// Widened from one pane to the list with the reader beside it, the
/// reader shows the selected article at once: before, it stayed empty
/// ("Select an article…") or kept the article read before, beside another
/// selected row, until the selection moved.
#[test]
fn widened_to_two_panes_the_reader_shows_the_selection() {
    // Nothing opened yet.
    let mut t = T::new(50, 20, 8);
    press(&mut t, "jjjj");
    let fx = t.ev(Event::Resize(100, 30));
    assert!(
        fx.contains(&Effect::LoadArticle {
            id: ArticleId(5),
            opening: Opening::Preview
        }),
        "{fx:?}"
    );
    // An article read before, then the selection moved in one pane.
    let mut t = T::new(50, 20, 8);
    press(&mut t, "Enter");
    t.open(article(1, 5), Opening::Read);
    press(&mut t, "Esc");
    press(&mut t, "jj");
    let fx = t.ev(Event::Resize(120, 40));
    assert!(
        fx.contains(&Effect::LoadArticle {
            id: ArticleId(3),
            opening: Opening::Preview
        }),
        "{fx:?}"
    );
    // Reading, widened: the article read stays, nothing is loaded.
    let mut t = T::new(50, 20, 8);
    press(&mut t, "Enter");
    t.open(article(1, 5), Opening::Read);
    let fx = t.ev(Event::Resize(120, 40));
    assert!(
        !fx.iter().any(|e| matches!(e, Effect::LoadArticle { .. })),
        "{fx:?}"
    );
}

/// Back (`H`) in the search results after following a related story that
/// is a result and `n` from it: the highlighted result is the one the
/// reader shows again (it stayed on the one `n` opened, and `Enter` after
/// `Esc` opened that one, not the article shown).
#[test]
fn back_in_the_results_selects_the_result_shown() {
    for (back_key, width) in [("H", 120), ("H", 50), ("L", 120)] {
        let mut t = T::new(width, 30, 8);
        search_finds(&mut t, 1..=30);
        assert!(opens_for_reading(&t.code(KeyCode::Enter), 1));
        // Result 1 relates result 25 (its second related story).
        let mut first = article_with_related(1, 5);
        first.related[1].article_id = Some(ArticleId(25));
        t.open(first.clone(), Opening::Read);
        assert!(opens_for_reading(&t.key('2'), 25));
        t.open(article(25, 5), Opening::Read);
        assert!(opens_for_reading(&t.key('n'), 26));
        t.open(article(26, 5), Opening::Read);
        let selected = |t: &T| {
            t.state
                .search
                .as_ref()
                .and_then(|s| s.selected_hit())
                .map(|h| h.id)
        };
        assert_eq!(selected(&t), Some(ArticleId(26)));
        let fx = t.key('H');
        let anchor = fx
            .iter()
            .find_map(|e| match e {
                Effect::LoadArticle {
                    id: ArticleId(1),
                    opening: Opening::At(a),
                } => Some(*a),
                _ => None,
            })
            .expect("back loads result 1");
        t.open(first.clone(), Opening::At(anchor));
        if back_key == "L" {
            // Forward to 26 and back again: the article is there already.
            t.key('L');
            t.open(article(26, 5), Opening::At(Default::default()));
            assert_eq!(selected(&t), Some(ArticleId(26)));
            t.key('H');
            t.open(first.clone(), Opening::At(anchor));
        }
        assert!(t.state.reader.shows(ArticleId(1)));
        assert_eq!(selected(&t), Some(ArticleId(1)), "{back_key} at {width}");
        t.code(KeyCode::Esc);
        let fx = t.code(KeyCode::Enter);
        assert!(
            !fx.iter().any(|e| matches!(e, Effect::LoadArticle { .. })),
            "Enter opens the article shown: {fx:?}"
        );
        assert!(fx.contains(&Effect::RememberLast(ArticleId(1))), "{fx:?}");
    }
}

/// A search that finds nothing leaves the reader beside the results empty
/// (it kept the preview of a result of the query typed on the way, beside
/// "No article matches"); `Esc` gives the list back with its preview.
#[test]
fn a_search_finding_nothing_empties_the_reader_beside_it() {
    for width in [80, 120] {
        let mut t = T::new(width, 30, 8);
        t.open(article(1, 5), Opening::Preview);
        t.key('/');
        let generation = |fx: Vec<Effect>| match fx.first() {
            Some(Effect::RunSearch { generation, .. }) => *generation,
            _ => panic!("typing runs the search: {fx:?}"),
        };
        let g = generation(t.chars("ch"));
        t.loaded(Loaded::SearchResults {
            generation: g,
            hits: vec![common::tui::hit(5, false)],
            total: Some((1, false)),
        });
        let fx = t.ev(Event::Rested);
        assert!(
            fx.contains(&Effect::LoadArticle {
                id: ArticleId(5),
                opening: Opening::Preview
            }),
            "{fx:?}"
        );
        t.open(article(5, 5), Opening::Preview);
        let g = generation(t.chars("ứng khoán"));
        t.loaded(Loaded::SearchResults {
            generation: g,
            hits: vec![],
            total: Some((0, false)),
        });
        t.ev(Event::Rested);
        assert!(
            !t.state.reader.is_open(),
            "{width}: nothing matches, nothing shown"
        );
        // Esc gives the list back, and its preview.
        let fx = t.code(KeyCode::Esc);
        assert!(t.state.search.is_none(), "{width}");
        let again = fx.contains(&Effect::LoadArticle {
            id: ArticleId(1),
            opening: Opening::Preview,
        });
        assert!(again, "{width}: the list's preview back: {fx:?}");
    }
}
