//! The reader's writes while another process holds the store's write lock
//! (a `doctor`, a long import's batch, here a raw `BEGIN IMMEDIATE`): the
//! mark is shown at once and kept, the status line says why it is not yet
//! saved, and the run loop's timer saves it once the lock is free. Before,
//! the write waited for the lock on the thread that draws and takes keys
//! (a tester's reader froze for 14 s) and, past a minute, was taken back.

use docbao::store::Store;
use docbao::tui::app::{Runtime, follow_store, handle_event, settle, start};
use docbao::tui::config::Config;
use docbao::tui::event::Event;
use docbao::tui::state::AppState;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

#[test]
fn a_mark_made_while_another_process_writes_is_kept_and_saved_after() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("docbao.db");
    let mut other = Store::open(&path).expect("the store");
    for a in docbao::ingest::jsonl::parse_jsonl(include_str!("fixtures/dantri-30-head3.jsonl")) {
        other.import(&a.expect("a fixture line")).expect("imported");
    }
    let cfg = Config::defaults();
    let mut state = AppState::new(120, 40, true);
    let mut rt = Runtime::new(Store::open(&path).expect("the reader's store"));
    start(&mut rt, &mut state, &cfg);
    settle(&mut rt, &mut state, &cfg);
    let id = state.list.selected_id().expect("a row selected");
    assert!(!state.list.rows[0].read);

    // Another process takes the write lock and keeps it.
    let lock = rusqlite::Connection::open(&path).expect("a raw connection");
    lock.execute_batch("BEGIN IMMEDIATE").expect("the lock");
    let m = Event::Key(KeyEvent::new(KeyCode::Char('m'), KeyModifiers::NONE));
    handle_event(&mut rt, &mut state, &cfg, m);
    settle(&mut rt, &mut state, &cfg);
    // Shown read, said to be waiting, not in the store yet.
    assert!(state.list.rows[0].read, "the mark was taken back");
    let status = state
        .status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default();
    assert!(
        status.contains("Another docbao is writing the store"),
        "{status}"
    );
    // Said as news, not as a failure: nothing failed.
    assert!(state.status.as_ref().is_some_and(|s| !s.error));
    let read_in_store = |s: &Store| s.article(id).expect("the article").read;
    assert!(!read_in_store(&other));
    // Still held at the next tick: still waiting, still shown.
    follow_store(&mut rt, &mut state, &cfg);
    assert!(state.list.rows[0].read);
    assert!(!read_in_store(&other));
    // Another process's commit meanwhile: the screen is read again, from
    // the store without the mark.
    handle_event(&mut rt, &mut state, &cfg, Event::StoreChanged);
    settle(&mut rt, &mut state, &cfg);

    // The lock let go: the timer saves it, and says so.
    lock.execute_batch("COMMIT").expect("let go");
    follow_store(&mut rt, &mut state, &cfg);
    settle(&mut rt, &mut state, &cfg);
    assert!(read_in_store(&other));
    // Read again once saved: the row shows the mark the store now has.
    let row = state
        .list
        .rows
        .iter()
        .find(|r| r.id == id)
        .expect("the row");
    assert!(
        row.read,
        "the list still shows the store read while the mark waited"
    );
    let status = state
        .status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default();
    assert!(status.contains("Saved"), "{status}");
}

/// `A` then `y` on thousands of articles: the screen gives the answer
/// before the marks are written (they took 1.1-1.5 s at 100,000 with the
/// question still on the screen, and a tester pressed `y` again); the run
/// loop writes them after its next frame (`after_draw`).
#[test]
fn marking_thousands_read_shows_first_then_writes() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("docbao.db");
    let mut other = Store::open(&path).expect("the store");
    let articles: Vec<docbao::model::NewArticle> = (0..2_500)
        .map(|i| docbao::model::NewArticle {
            url: Some(format!("https://example.vn/tin-{i}")),
            title: format!("Tin số {i}"),
            paragraphs: vec![docbao::model::Paragraph::text(format!("Nội dung tin {i}."))],
            ..Default::default()
        })
        .collect();
    other.import_batch(&articles).expect("imported");
    let cfg = Config::defaults();
    let mut state = AppState::new(120, 40, true);
    let mut rt = Runtime::new(Store::open(&path).expect("the reader's store"));
    rt.defer_slow = true;
    start(&mut rt, &mut state, &cfg);
    settle(&mut rt, &mut state, &cfg);
    let unread = |s: &Store| s.count_unread(&Default::default()).expect("a count");
    assert_eq!(unread(&other), 2_500);
    for c in ['A', 'y'] {
        let k = Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        handle_event(&mut rt, &mut state, &cfg, k);
        settle(&mut rt, &mut state, &cfg);
    }
    // The answer is on the screen; the store has not been written yet.
    let status = state
        .status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default();
    assert!(status.contains("2.500"), "{status}");
    assert!(state.confirm.is_none());
    assert!(state.list.rows.iter().all(|r| r.read));
    assert_eq!(unread(&other), 2_500);
    // After the frame: written.
    docbao::tui::app::after_draw(&mut rt, &mut state, &cfg);
    assert_eq!(unread(&other), 0);
    let status = state
        .status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default();
    assert!(status.contains("Marked 2.500 articles read"), "{status}");
}
