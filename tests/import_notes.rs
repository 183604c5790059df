//! An article the keyword rules fail on gets no auto keywords, and the
//! import's summary names it (`text::guard`). No article makes the rules
//! fail (none is known to), so this checks the way there: a failure caught
//! and noted reaches the summary of the import, once.

use docbao::jobs::import::import_paths;
use docbao::store::Store;
use docbao::text::guard;

const SAMPLE: &str = include_str!("fixtures/dan-van-2021-03-05.txt");

#[test]
fn an_import_reports_the_articles_the_keyword_rules_failed_on() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("dan-van.txt");
    std::fs::write(&page, SAMPLE).unwrap();
    let mut store = Store::open(&dir.path().join("s.db")).unwrap();

    // The real page: the rules do not fail, no note.
    let summary = import_paths(&mut store, std::slice::from_ref(&page), &|| false, |_| {}).unwrap();
    assert_eq!(summary.added, 1);
    assert!(summary.notes.is_empty(), "{:?}", summary.notes);

    // A failure caught while it ran is in the summary's notes, once.
    let failed = guard::catch(|| -> () { panic!("a rule's bug") }).unwrap_err();
    guard::note(format!("https://example.vn/a: no auto keywords ({failed})"));
    let summary = import_paths(&mut store, &[page], &|| false, |_| {}).unwrap();
    assert_eq!(summary.skipped, 1);
    assert_eq!(summary.notes.len(), 1, "{:?}", summary.notes);
    assert!(summary.notes[0].contains("a rule's bug at tests/import_notes.rs:"));
    assert!(guard::take_notes().is_empty(), "taken by the summary");
}
