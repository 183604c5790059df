//! The reader on 100,000 articles, in process, drawing to ratatui's TestBackend
//! at 100×30: first full frame, a key handled and drawn, opening an article.
//!
//!     cargo bench --bench reader
//!
//! Bytes written to a real terminal are measured by `benches/terminal.rs`.

mod common;

use std::time::{Duration, Instant};

use docbao::store::Store;
use docbao::tui::app::{Runtime, handle_event, settle, start};
use docbao::tui::config::Config;
use docbao::tui::event::Event;
use docbao::tui::state::AppState;
use docbao::tui::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn key(c: KeyCode) -> Event {
    Event::Key(KeyEvent::new(c, KeyModifiers::NONE))
}

fn main() {
    let path = common::store_100k();
    let cfg = Config::defaults();
    let (w, h) = (100, 30);

    // First full frame: open the store, load the list page, keywords and an
    // article, lay out and draw.
    let mut firsts = Vec::new();
    for _ in 0..15 {
        let t = Instant::now();
        let store = Store::open(&path).unwrap();
        let mut state = AppState::new(w, h, true);
        let mut rt = Runtime::new(store);
        start(&mut rt, &mut state, &cfg);
        settle(&mut rt, &mut state, &cfg);
        let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
        term.draw(|f| ui::draw(f, &state, &cfg)).unwrap();
        firsts.push(t.elapsed());
    }

    // The keyword sidebar: its rows as the app loads them (most used first,
    // read along the count index), on a new connection each time; then a
    // keyword chosen: the first page of the list filtered by it.
    let mut sidebar = Vec::new();
    let mut filtered = Vec::new();
    let (mut shown, mut top) = (0, (String::new(), 0));
    for _ in 0..15 {
        let store = Store::open(&path).unwrap();
        let t = Instant::now();
        let rows = store
            .keywords(Some(docbao::tui::app::SIDEBAR_KEYWORDS))
            .unwrap();
        sidebar.push(t.elapsed());
        shown = rows.len();
        top = rows[0].clone();
        let filter = docbao::model::ListFilter {
            keywords: vec![top.0.clone()],
            ..Default::default()
        };
        let t = Instant::now();
        let page = store.list(&filter, None, 100).unwrap();
        filtered.push(t.elapsed());
        assert!(!page.is_empty());
    }

    let store = Store::open(&path).unwrap();
    let mut state = AppState::new(w, h, true);
    let mut rt = Runtime::new(store);
    // As in the app: background work (computed related stories) has a worker.
    let (tx, _rx) = std::sync::mpsc::channel();
    rt.worker = Some((path.clone(), tx));
    start(&mut rt, &mut state, &cfg);
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    let mut step = |state: &mut AppState, rt: &mut Runtime, ev: Event| -> Duration {
        let t = Instant::now();
        handle_event(rt, state, &cfg, ev);
        settle(rt, state, &cfg);
        term.draw(|f| ui::draw(f, state, &cfg)).unwrap();
        t.elapsed()
    };

    // j in the list: the selection moves and the reader beside it previews.
    let mut list_keys: Vec<Duration> = (0..2000)
        .map(|_| step(&mut state, &mut rt, key(KeyCode::Char('j'))))
        .collect();
    // Enter: open the selected article (marks it read, saves state).
    let mut opens = Vec::new();
    let mut reader_keys = Vec::new();
    for _ in 0..200 {
        opens.push(step(&mut state, &mut rt, key(KeyCode::Enter)));
        for _ in 0..5 {
            reader_keys.push(step(&mut state, &mut rt, key(KeyCode::Char('j'))));
        }
        step(&mut state, &mut rt, key(KeyCode::Esc));
        step(&mut state, &mut rt, key(KeyCode::Char('j')));
    }
    let mut g = vec![step(&mut state, &mut rt, key(KeyCode::Char('G')))];

    let articles = Store::open(&path)
        .unwrap()
        .count(&docbao::model::ListFilter::default())
        .unwrap();
    println!("docbao reader, {articles} articles, 100x30, TestBackend");
    println!(
        "first full frame:         median {:?}  p95 {:?}  (n={})",
        common::median(&mut firsts),
        common::p95(&mut firsts),
        firsts.len()
    );
    println!(
        "j in the list (+preview): median {:?}  p95 {:?}  (n={})",
        common::median(&mut list_keys),
        common::p95(&mut list_keys),
        list_keys.len()
    );
    println!(
        "open article (Enter):     median {:?}  p95 {:?}  (n={})",
        common::median(&mut opens),
        common::p95(&mut opens),
        opens.len()
    );
    println!(
        "j in the reader:          median {:?}  p95 {:?}  (n={})",
        common::median(&mut reader_keys),
        common::p95(&mut reader_keys),
        reader_keys.len()
    );
    println!("G (to the last):          {:?}", g.pop().unwrap());
    println!(
        "sidebar keywords:         median {:?}  p95 {:?}  ({shown} keywords shown)",
        common::median(&mut sidebar),
        common::p95(&mut sidebar),
    );
    println!(
        "list filtered by keyword: median {:?}  p95 {:?}  ({:?}, {} articles)",
        common::median(&mut filtered),
        common::p95(&mut filtered),
        top.0,
        top.1
    );
}
