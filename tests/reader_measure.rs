//! A readable measure: config `[ui] max_width` caps the reader's text
//! column and centres it in a wider pane. The screen drawn with
//! `TestBackend`, on a real long article.

use docbao::model::ArticleId;
use docbao::store::Store;
use docbao::text::width::width;
use docbao::tui::action::Action;
use docbao::tui::config::Config;
use docbao::tui::state::layout::{reader_text_area, reader_text_size};
use docbao::tui::state::{AppState, Focus};
use docbao::tui::ui;
use docbao::tui::update::{layout, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// A `w`×`h` screen reading the long article (maximised if asked), its
/// text at most `max_width` wide.
fn reading(w: u16, h: u16, max_width: usize, maximized: bool) -> AppState {
    let mut store = Store::open_in_memory().unwrap();
    for a in
        docbao::ingest::jsonl::parse_jsonl(include_str!("fixtures/long-paragraph-dantri.jsonl"))
    {
        store.import(&a.unwrap()).unwrap();
    }
    let mut s = AppState::new(w, h, true).max_width(max_width);
    s.reader.open(store.article(ArticleId(1)).unwrap(), 0);
    s.focus = Focus::Reader;
    if maximized {
        update(&mut s, Action::ToggleMaximize);
    }
    layout(&mut s);
    s
}

/// The screen's rows, and the reader pane's rectangle.
fn draw(s: &AppState) -> (Vec<String>, ratatui::layout::Rect) {
    let cfg = Config::defaults();
    let mut term = Terminal::new(TestBackend::new(s.width, s.height)).unwrap();
    term.draw(|f| ui::draw(f, s, &cfg)).unwrap();
    let buf = term.backend().buffer().clone();
    let rows = (0..buf.area.height)
        .map(|y| {
            (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect()
        })
        .collect();
    (rows, s.panes().reader.unwrap())
}

/// Where the text in the reader's rows starts and ends, in screen columns
/// (the frame's borders left out): (leftmost start, rightmost end).
fn text_span(rows: &[String], pane: ratatui::layout::Rect) -> (usize, usize) {
    let (mut left, mut right) = (usize::MAX, 0);
    for row in &rows[pane.y as usize + 1..(pane.y + pane.height) as usize - 1] {
        let inside: Vec<char> = row
            .chars()
            .skip(pane.x as usize + 1)
            .take(pane.width as usize - 2)
            .collect();
        if let Some(first) = inside.iter().position(|c| *c != ' ') {
            let last = inside.iter().rposition(|c| *c != ' ').unwrap();
            left = left.min(pane.x as usize + 1 + first);
            right = right.max(pane.x as usize + 1 + last + 1);
        }
    }
    (left, right)
}

#[test]
fn a_maximised_reader_at_200_columns_centres_80() {
    let s = reading(200, 50, 80, true);
    let pane = s.panes().reader.unwrap();
    assert_eq!(pane.width, 200, "maximised");
    assert_eq!(s.reader.wrapped_for.unwrap().1, 80);
    assert!(s.reader.lines.iter().all(|l| width(&l.text) <= 80));
    assert!(
        s.reader
            .lines
            .iter()
            .filter(|l| width(&l.text) > 70)
            .count()
            > 100,
        "the lines fill the measure"
    );
    let (rows, pane) = draw(&s);
    let (left, right) = text_span(&rows, pane);
    // (200 - 80) / 2 = 60 columns of margin each side, the border included.
    assert_eq!(left, 60, "{}", rows.join("\n"));
    assert!(right <= 140 && right > 130, "{right}\n{}", rows.join("\n"));
    // The title, the meta line and the body all start at the margin.
    let title_row = rows.iter().position(|r| r.contains("Cuộc gặp gỡ")).unwrap();
    assert_eq!(
        rows[title_row]
            .find("Cuộc")
            .map(|b| rows[title_row][..b].chars().count()),
        Some(60)
    );
    assert_eq!(reader_text_area(pane, 80).x, 60);
}

#[test]
fn beside_the_list_a_wide_reader_centres_its_text_too() {
    let s = reading(200, 50, 80, false);
    let pane = s.panes().reader.unwrap();
    assert!(pane.width > 90, "{pane:?}");
    assert_eq!(s.reader.wrapped_for.unwrap().1, 80);
    let (rows, pane) = draw(&s);
    let (left, right) = text_span(&rows, pane);
    let margin = (pane.width as usize - 2 - 80) / 2;
    assert_eq!(left, pane.x as usize + 1 + margin);
    assert!(right <= left + 80);
}

#[test]
fn a_pane_narrower_than_the_measure_is_not_changed() {
    for maximized in [false, true] {
        let capped = reading(60, 20, 80, maximized);
        let full = reading(60, 20, 0, maximized);
        assert_eq!(
            capped.reader.wrapped_for.unwrap().1,
            56,
            "60 columns: the border and a column of padding each side"
        );
        assert_eq!(capped.reader.lines, full.reader.lines);
        assert_eq!(draw(&capped).0, draw(&full).0);
    }
}

#[test]
fn max_width_0_is_the_whole_pane() {
    let s = reading(200, 50, 0, true);
    assert_eq!(s.reader.wrapped_for.unwrap().1, 196);
    assert!(s.reader.lines.iter().any(|l| width(&l.text) > 150));
    let (rows, pane) = draw(&s);
    assert_eq!(text_span(&rows, pane).0, 2);
}

#[test]
fn the_text_size_is_capped_and_centred() {
    use ratatui::layout::Rect;
    let r = Rect::new(10, 0, 120, 40);
    assert_eq!(reader_text_size(r, 80), (80, 38));
    assert_eq!(reader_text_size(r, 0), (116, 38));
    assert_eq!(reader_text_size(r, 200), (116, 38));
    // Odd room: the extra column goes to the right.
    let a = reader_text_area(Rect::new(0, 0, 101, 30), 80);
    assert_eq!((a.x, a.y, a.width, a.height), (1 + 9, 1, 80, 28));
    // Narrow panes keep their padding rule: none under 24 columns inside.
    assert_eq!(reader_text_size(Rect::new(0, 0, 20, 10), 80), (18, 8));
    assert_eq!(reader_text_area(Rect::new(0, 0, 20, 10), 80).x, 1);
}
