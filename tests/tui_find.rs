//! Find in the article (`/` in the reader), through `update::handle` alone,
//! on a real long article (Dân trí, 87 paragraphs): as in less and vim's
//! incsearch, each edit of the query searches from where the find started
//! (the view's top line when `/` was pressed), wrapping to the top when
//! nothing is below; a match already on the screen is shown where it is;
//! Esc puts the view back and saves no reading position; Enter keeps the
//! match; `n`/`N` wrap and say so.

mod common;

use common::tui::T;
use docbao::model::{Article, ArticleId};
use docbao::store::Store;
use docbao::tui::event::Opening;
use docbao::tui::state::Focus;
use docbao::tui::update::Effect;
use ratatui::crossterm::event::KeyCode;
use std::io::BufRead;

/// `news_business_229` of the Dân trí fixture: the interview with Trần
/// Đình Long, 87 paragraphs, a few hundred lines at 80 columns.
fn long_article() -> Article {
    static ARTICLE: std::sync::OnceLock<Article> = std::sync::OnceLock::new();
    ARTICLE.get_or_init(read_article).clone()
}

fn read_article() -> Article {
    let gz = flate2::read::GzDecoder::new(&include_bytes!("fixtures/dantri-2653.jsonl.gz")[..]);
    let line = std::io::BufReader::new(gz)
        .lines()
        .map(|l| l.expect("the Dân trí fixture is gzip of UTF-8"))
        .find(|l| l.contains("\"news_business_229\""))
        .expect("the interview is in the fixture");
    let mut store = Store::open_in_memory().unwrap();
    for a in docbao::ingest::jsonl::parse_jsonl(&line) {
        store.import(&a.unwrap()).unwrap();
    }
    let a = store.article(ArticleId(1)).unwrap();
    assert!(a.paragraphs.len() > 80, "{}", a.paragraphs.len());
    a
}

fn reading(w: u16, h: u16) -> T {
    let mut t = T::new(w, h, 1);
    t.open(long_article(), Opening::Read);
    t.state.focus = Focus::Reader;
    docbao::tui::update::layout(&mut t.state);
    assert!(t.state.reader.lines.len() > 3 * t.state.reader.height);
    t
}

fn saves(fx: &[Effect]) -> bool {
    fx.iter().any(|e| matches!(e, Effect::SavePosition(..)))
}

/// The match a find started with its view's top at `top` shows: the first
/// at or below `top`, else the first of all (wrapped).
fn expected(t: &T, top: usize) -> Option<usize> {
    let hits = &t.state.reader.find_hits;
    hits.iter()
        .position(|(l, _)| *l >= top)
        .or((!hits.is_empty()).then_some(0))
}

/// Type `query` a character at a time after `/`, checking after each one
/// that the match shown is the first from where the find started, and that
/// the view moved only when it was off the screen. Returns the effects.
fn type_checking(t: &mut T, query: &str) -> Vec<Effect> {
    let (top, height) = (t.state.reader.top, t.state.reader.height);
    let mut all = t.key('/');
    let mut typed = String::new();
    for c in query.chars() {
        typed.push(c);
        all.extend(t.key(c));
        let r = &t.state.reader;
        let want = expected(t, top);
        assert_eq!(
            r.find_current, want,
            "{typed:?}: the first match from line {top}"
        );
        match want.map(|i| r.find_hits[i].0) {
            Some(line) if (top..top + height).contains(&line) => {
                assert_eq!(
                    r.top, top,
                    "{typed:?}: match on line {line} was on the screen"
                )
            }
            Some(line) => assert!(
                (r.top..r.top + height).contains(&line),
                "{typed:?}: match on line {line} shown (top {})",
                r.top
            ),
            None => assert_eq!(r.top, top, "{typed:?}: no match, the view where it was"),
        }
    }
    all
}

#[test]
fn each_edit_finds_from_where_the_find_started_not_where_the_last_one_went() {
    for (w, h) in [(50, 16), (80, 24), (120, 40)] {
        for query in [
            "yên",
            "năm",
            "Hòa Phát",
            "thép",
            "căn cước",
            "tỷ phú",
            "lãi",
        ] {
            // From the top and from two places further down.
            for pages in [0, 5, 12] {
                let mut t = reading(w, h);
                for _ in 0..pages {
                    t.code(KeyCode::PageDown);
                }
                let fx = type_checking(&mut t, query);
                assert!(
                    !saves(&fx),
                    "{query:?} at {w}x{h}: no position saved while typing"
                );
            }
        }
    }
}

#[test]
fn nothing_below_wraps_to_the_first_match_and_says_so() {
    let mut t = reading(80, 24);
    // "căn cước" (the identity card) is only in the first answers.
    for _ in 0..12 {
        t.code(KeyCode::PageDown);
    }
    let top = t.state.reader.top;
    type_checking(&mut t, "căn cước");
    let hits = t.state.reader.find_hits.clone();
    assert!(
        !hits.is_empty() && hits.iter().all(|(l, _)| *l < top),
        "{hits:?}"
    );
    assert_eq!(t.state.reader.find_current, Some(0));
    t.code(KeyCode::Enter);
    assert!(t.status().contains("wrapped to the top"), "{}", t.status());
    // Enter keeps the view at the match.
    let line = hits[0].0;
    let r = &t.state.reader;
    assert!((r.top..r.top + r.height).contains(&line));
}

#[test]
fn esc_puts_the_view_back_and_saves_no_position() {
    for pages in [0, 3, 12] {
        let mut t = reading(80, 24);
        for _ in 0..pages {
            t.code(KeyCode::PageDown);
        }
        docbao::tui::update::layout(&mut t.state);
        let (top, pos, saved) = (
            t.state.reader.top,
            t.state.reader.position(),
            t.state.reader.saved,
        );
        // A word far from here, at the end ("thép", steel) or the start.
        let mut fx = type_checking(&mut t, "căn cước");
        fx.extend(t.code(KeyCode::Esc));
        assert!(t.state.input.is_none());
        assert!(t.state.reader.find.is_none());
        assert_eq!(t.state.reader.top, top, "after {pages} pages");
        assert_eq!(t.state.reader.position(), pos);
        assert_eq!(t.state.reader.saved, saved);
        assert!(!saves(&fx), "{fx:?}");
    }
}

#[test]
fn n_and_shift_n_wrap_and_say_so() {
    let mut t = reading(80, 24);
    type_checking(&mut t, "Hòa Phát");
    t.code(KeyCode::Enter);
    let n = t.state.reader.find_hits.len();
    assert!(n >= 5, "{n}");
    assert_eq!(t.status(), format!("{n} matches: n next, N previous"));
    for _ in 1..n {
        t.key('n');
    }
    assert_eq!(t.state.reader.find_current, Some(n - 1));
    assert_eq!(t.status(), format!("Match {n} of {n}"));
    t.key('n');
    assert_eq!(t.state.reader.find_current, Some(0));
    assert_eq!(t.status(), format!("Match 1 of {n}: wrapped to the top"));
    let line = t.state.reader.find_hits[0].0;
    let r = &t.state.reader;
    assert!((r.top..r.top + r.height).contains(&line));
    t.key('N');
    assert_eq!(t.state.reader.find_current, Some(n - 1));
    assert_eq!(
        t.status(),
        format!("Match {n} of {n}: wrapped to the bottom")
    );
}

#[test]
fn one_match_is_one_match() {
    let mut t = reading(80, 24);
    // The identity card's full name, said once.
    t.key('/');
    t.chars("căn cước công dân");
    assert_eq!(t.state.reader.find_hits.len(), 1);
    t.code(KeyCode::Enter);
    assert_eq!(t.status(), "1 match: n next, N previous");
}

/// `n` and `N` look from the screen once the current match has left it, as
/// in less and vim: `G` then `n` went back to the match after the one left
/// near the top (a tester's report, "15 matches", `G`, `n`: match 2).
#[test]
fn n_and_shift_n_look_from_where_the_view_was_scrolled_to() {
    for (w, h) in [(50, 16), (80, 24), (120, 40)] {
        for query in ["Hòa Phát", "thép", "năm", "căn cước"] {
            let mut t = reading(w, h);
            t.key('/');
            t.chars(query);
            t.code(KeyCode::Enter);
            let hits = t.state.reader.find_hits.clone();
            let n = hits.len();
            assert!(n > 0, "{query}");
            let first = t.state.reader.find_current.unwrap();
            // To the bottom, then down again: the first match at or below
            // the screen's top, else the first of all, said.
            t.key('G');
            let top = t.state.reader.top;
            assert!(
                top > hits[first].0,
                "{query} at {w}x{h}: the match left the screen"
            );
            t.key('n');
            let below = hits.iter().position(|(l, _)| *l >= top);
            assert_eq!(
                t.state.reader.find_current,
                Some(below.unwrap_or(0)),
                "{query} at {w}x{h}: n after G (top {top})"
            );
            let said = t.status();
            assert_eq!(
                said.contains("wrapped to the top"),
                below.is_none(),
                "{query} at {w}x{h}: {said}"
            );
            // To the bottom again, then up: the last match above the screen.
            t.key('G');
            let top = t.state.reader.top;
            t.key('N');
            let above = hits.iter().rposition(|(l, _)| *l < top);
            assert_eq!(
                t.state.reader.find_current,
                Some(above.unwrap_or(n - 1)),
                "{query} at {w}x{h}: N after G (top {top})"
            );
            // Half way down: the first at or below the screen's top.
            t.key('g');
            for _ in 0..6 {
                t.code(KeyCode::PageDown);
            }
            let top = t.state.reader.top;
            let shown = t.state.reader.find_current.map(|c| hits[c].0);
            if shown.is_some_and(|l| l >= top && l < top + t.state.reader.height) {
                continue;
            }
            t.key('n');
            let below = hits.iter().position(|(l, _)| *l >= top);
            assert_eq!(
                t.state.reader.find_current,
                Some(below.unwrap_or(0)),
                "{query} at {w}x{h}: n after paging down (top {top})"
            );
        }
    }
}

/// `prev_match`, which no key does by default, bound in the reader: the
/// key steps back through the matches as `N` does, wrapping to the bottom.
#[test]
fn a_key_bound_to_prev_match_steps_back() {
    let mut t = reading(80, 24);
    t.cfg
        .apply("p.toml", "[keys.reader]\nP = \"prev_match\"\n", false)
        .unwrap();
    type_checking(&mut t, "Hòa Phát");
    t.code(KeyCode::Enter);
    let n = t.state.reader.find_hits.len();
    assert!(n >= 5, "{n}");
    t.key('n');
    assert_eq!(t.state.reader.find_current, Some(1));
    t.key('P');
    assert_eq!(t.state.reader.find_current, Some(0));
    t.key('P');
    assert_eq!(t.state.reader.find_current, Some(n - 1));
    assert_eq!(
        t.status(),
        format!("Match {n} of {n}: wrapped to the bottom")
    );
}
