//! `S` in the reader: a sync with the Fever server in the background (the
//! worker is `tui::worker::spawn_sync`), its progress and report on the
//! status line, the lists reloaded after it; `[feeds] sync_on_start`.
//! Pure `update` tests.

mod common;

use common::tui::T;
use docbao::tui::config::Config;
use docbao::tui::event::{Event, WorkerMsg};
use docbao::tui::update::Effect;

fn t() -> T {
    T::siteless(50, 20, 3)
}

#[test]
fn s_starts_one_sync_in_the_background_and_reports_it() {
    let mut t = t();
    assert_eq!(t.key('S'), vec![Effect::StartSync]);
    assert!(t.state.syncing);
    assert_eq!(t.message().as_deref(), Some("Syncing…"));
    // Once at a time.
    assert_eq!(t.key('S'), vec![]);
    assert_eq!(t.message().as_deref(), Some("A sync is already running"));

    t.ev(Event::Worker(WorkerMsg::SyncProgress {
        what: "50 new items".into(),
    }));
    assert_eq!(t.message().as_deref(), Some("Syncing: 50 new items"));
    let fx = t.ev(Event::Worker(WorkerMsg::SyncFinished {
        report: "+120 items, 35 marked read, 2 saved".into(),
        errors: vec![],
    }));
    assert!(!t.state.syncing);
    assert_eq!(
        t.message().as_deref(),
        Some("Synced: +120 items, 35 marked read, 2 saved")
    );
    // What it brought shows: the list (keeping the selection), the
    // keywords, the sources' counts.
    assert!(fx.contains(&Effect::LoadKeywords) && fx.contains(&Effect::LoadSources));
    assert!(fx.iter().any(|e| matches!(e, Effect::LoadList { .. })));

    // Items it could not store: said, with the first.
    assert_eq!(t.key('S'), vec![Effect::StartSync]);
    t.ev(Event::Worker(WorkerMsg::SyncFinished {
        report: "+3 items, 0 marked read, 0 saved; 1 not stored".into(),
        errors: vec!["\"Tin\": too long".into()],
    }));
    assert_eq!(
        t.message().as_deref(),
        Some("Synced: +3 items, 0 marked read, 0 saved; 1 not stored: \"Tin\": too long")
    );

    // A sync that could not be done says why, by cause, and S works again.
    assert_eq!(t.key('S'), vec![Effect::StartSync]);
    t.ev(Event::Worker(WorkerMsg::SyncFailed {
        error: "http://127.0.0.1:9/fever: the server cannot be reached (connection refused)".into(),
    }));
    assert!(!t.state.syncing);
    assert_eq!(
        t.message().as_deref(),
        Some(
            "Sync failed: http://127.0.0.1:9/fever: the server cannot be reached (connection refused)"
        )
    );
    assert_eq!(t.key('S'), vec![Effect::StartSync]);
}

#[test]
fn a_read_only_store_does_not_sync() {
    let mut t = t();
    t.state = t.state.clone().read_only(true);
    assert_eq!(t.key('S'), vec![]);
    assert!(!t.state.syncing);
    assert!(t.message().unwrap().contains("syncs"), "{:?}", t.message());
    // Nor on start.
    let mut t = self::t();
    t.state = t.state.clone().syncing_on_start(true).read_only(true);
    let fx = t.ev(Event::Start);
    assert!(!fx.contains(&Effect::StartSync), "{fx:?}");
}

#[test]
fn sync_on_start_syncs_with_the_first_screen() {
    let mut t = t();
    assert!(
        !t.ev(Event::Start).contains(&Effect::StartSync),
        "off by default"
    );
    let mut t = self::t();
    t.state = t.state.clone().syncing_on_start(true);
    let fx = t.ev(Event::Start);
    assert_eq!(fx.last(), Some(&Effect::StartSync), "{fx:?}");
    assert!(t.state.syncing);
    // With the feed update too: both run.
    let mut t = self::t();
    t.state = t
        .state
        .clone()
        .syncing_on_start(true)
        .updating_on_start(true);
    let fx = t.ev(Event::Start);
    assert!(fx.contains(&Effect::StartSync) && fx.contains(&Effect::StartUpdate));
}

#[test]
fn sync_on_start_is_read_from_the_feeds_section_of_the_config() {
    let mut cfg = Config::defaults();
    assert!(!cfg.sync_on_start);
    cfg.apply("c.toml", "[feeds]\nsync_on_start = true\n", false)
        .unwrap();
    assert!(cfg.sync_on_start);
    let e = cfg
        .apply("c.toml", "\n[feeds]\nsync_on_start = 1\n", false)
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("c.toml: line 3") && e.contains("feeds.sync_on_start: true or false"),
        "{e}"
    );
    assert!(docbao::tui::config::DEFAULT_CONFIG.contains("sync_on_start = false"));
    // S is bound by default, and the help names it.
    let keys = cfg.keymap.keys_for(
        docbao::tui::keymap::Context::List,
        docbao::tui::action::Action::Sync,
    );
    assert!(!keys.is_empty(), "S is bound");
}

#[test]
fn a_sync_under_way_stays_on_the_status_line_when_a_key_takes_its_message() {
    // After S then j, only the key hints showed for the rest of the sync;
    // an update keeps its progress in the same place.
    let mut t = t();
    assert_eq!(t.key('S'), vec![Effect::StartSync]);
    let place = docbao::tui::ui::status::position_text(&t.state);
    assert!(!place.contains("syncing"), "the message says it: {place}");
    t.key('j');
    assert_eq!(t.message(), None);
    let place = docbao::tui::ui::status::position_text(&t.state);
    assert!(place.ends_with(" · syncing"), "{place}");
    t.ev(Event::Worker(WorkerMsg::SyncFinished {
        report: "+1 item, 0 marked read, 0 saved".into(),
        errors: vec![],
    }));
    t.key('k');
    let place = docbao::tui::ui::status::position_text(&t.state);
    assert!(!place.contains("syncing"), "{place}");
}

/// With `update_on_start` and `sync_on_start`, no feed and no account:
/// the update's "No feeds to update" hid the sync's "no sync account yet"
/// (an independent review's find). Both are said, what failed first, in
/// either order of ending.
#[test]
fn an_update_and_a_sync_started_together_both_say_how_they_ended() {
    for sync_first in [true, false] {
        let mut t = self::t();
        t.state = t
            .state
            .clone()
            .syncing_on_start(true)
            .updating_on_start(true);
        t.ev(Event::Start);
        let sync = Event::Worker(WorkerMsg::SyncFailed {
            error: "no sync account yet: add one with docbao sync add URL --email E".into(),
        });
        let update = Event::Worker(WorkerMsg::UpdateFinished {
            feeds: 0,
            new: 0,
            updated: 0,
            failed: vec![],
        });
        let (a, b) = if sync_first {
            (sync, update)
        } else {
            (update, sync)
        };
        t.ev(a);
        t.ev(b);
        let status = t.state.status.clone().expect("a message");
        assert_eq!(
            status.text,
            "Sync failed: no sync account yet: add one with docbao sync add URL --email E \
             · No feeds to update (docbao feed add URL subscribes to one)",
            "sync first: {sync_first}"
        );
        assert!(status.error);
    }
}
