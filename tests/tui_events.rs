//! The rules that follow an effect's result or a worker's report: events in,
//! state and effects out, through `update::handle` alone (no store, no
//! terminal). These rules used to live in the runtime, out of reach of tests.

mod common;

use common::tui::{T, article_with_related, siteless_row};
use docbao::model::{ArticleId, Position};
use docbao::tui::action::Action;
use docbao::tui::event::{Event, FeedFailure, Loaded, Opening, UrlOpened, WorkerMsg};
use docbao::tui::state::Focus;
use docbao::tui::state::reader::Shown;
use docbao::tui::update::{Effect, handle, update};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn saves(fx: &[Effect]) -> Vec<(ArticleId, Position)> {
    fx.iter()
        .filter_map(|e| match e {
            Effect::SavePosition(id, p) => Some((*id, *p)),
            _ => None,
        })
        .collect()
}

#[test]
fn the_first_screen_asks_for_the_list_the_keywords_and_the_last_article() {
    let mut t = T::siteless(120, 40, 0);
    assert_eq!(
        t.ev(Event::Start),
        vec![
            Effect::LoadList { keep: None },
            Effect::LoadKeywords,
            Effect::LoadSources,
            Effect::LoadLastArticle
        ]
    );
}

#[test]
fn a_loaded_first_page_previews_its_selection_beside_the_list() {
    let mut t = T::siteless(120, 40, 0);
    let fx = t.loaded(Loaded::FirstPage {
        rows: (1..=3).map(siteless_row).collect(),
        total: 3,
        keep: Some(ArticleId(2)),
    });
    assert_eq!(t.state.list.selected, 1, "the selection stays on `keep`");
    assert_eq!(
        fx,
        vec![Effect::LoadArticle {
            id: ArticleId(2),
            opening: Opening::Preview
        }]
    );
    // The preview is shown, and not loaded again.
    t.open(article_with_related(2, 3), Opening::Preview);
    assert!(t.state.reader.shows(ArticleId(2)));
    let fx = t.loaded(Loaded::FirstPage {
        rows: (1..=3).map(siteless_row).collect(),
        total: 3,
        keep: Some(ArticleId(2)),
    });
    assert!(!fx.iter().any(|e| matches!(e, Effect::LoadArticle { .. })));
    // One pane at a time: no preview.
    let mut t = T::siteless(50, 20, 0);
    let fx = t.loaded(Loaded::FirstPage {
        rows: (1..=3).map(siteless_row).collect(),
        total: 3,
        keep: None,
    });
    assert_eq!(fx, vec![]);
}

#[test]
fn an_article_opened_for_reading_is_marked_read_a_preview_is_not() {
    let mut t = T::siteless(120, 40, 3);
    t.open(article_with_related(1, 3), Opening::Preview);
    assert!(!t.state.reader.article().unwrap().read);
    assert!(!t.state.list.rows[0].read);
    let fx = t.open(article_with_related(2, 3), Opening::Read);
    assert!(fx.contains(&Effect::SetRead(ArticleId(2), true)));
    assert!(t.state.reader.article().unwrap().read);
    assert!(t.state.list.rows[1].read, "the row shows it at once");
    // Already read: no second write.
    let mut read = article_with_related(3, 3);
    read.read = true;
    let fx = t.open(read, Opening::Read);
    assert!(!fx.iter().any(|e| matches!(e, Effect::SetRead(..))));
}

#[test]
fn enter_on_the_article_already_previewed_marks_it_read_without_reloading() {
    let mut t = T::siteless(120, 40, 3);
    t.open(article_with_related(1, 3), Opening::Preview);
    let fx = update(&mut t.state, Action::Open);
    assert_eq!(
        fx,
        vec![
            Effect::ComputeRelated(ArticleId(1)),
            Effect::SetRead(ArticleId(1), true),
            // The sidebar shows the sources: their counts are read again.
            Effect::LoadSources,
            Effect::RememberLast(ArticleId(1)),
        ]
    );
    assert_eq!(t.state.focus, Focus::Reader);
    assert!(t.state.reader.article().unwrap().read);
}

#[test]
fn the_article_last_read_reopens_in_the_reader_where_it_was_left() {
    let mut t = T::siteless(120, 40, 3);
    let mut a = article_with_related(2, 30);
    a.position = Position {
        paragraph: 5,
        offset: 20,
    };
    let fx = t.open(a.clone(), Opening::Resume);
    assert_eq!(t.state.focus, Focus::Reader);
    assert_eq!(t.state.list.selected, 1, "selected in the list");
    assert_eq!(t.state.reader.position(), a.position);
    assert!(
        saves(&fx).is_empty(),
        "opening where it was saved writes nothing"
    );
    // Not in the loaded window: the window around it is asked for.
    let mut t = T::siteless(120, 40, 3);
    a.id = ArticleId(900);
    let fx = t.open(a, Opening::Resume);
    assert!(fx.contains(&Effect::LoadAround(ArticleId(900))));
    // Nothing to resume: the selection is previewed.
    let mut t = T::siteless(120, 40, 3);
    assert_eq!(
        t.loaded(Loaded::NothingToResume),
        vec![Effect::LoadArticle {
            id: ArticleId(1),
            opening: Opening::Preview
        }]
    );
}

#[test]
fn the_reading_position_is_saved_when_it_moves_and_only_then() {
    let mut t = T::siteless(80, 24, 3);
    t.state.focus = Focus::Reader;
    t.open(article_with_related(1, 40), Opening::Read);
    // Every line scrolled is a new position, down to the line: within the
    // header block the offset moves on (the meta line after the title).
    let first = saves(&t.try_key('j').unwrap());
    assert_eq!(first.len(), 1, "{first:?}");
    assert_eq!(first[0].1.paragraph, 0, "{first:?}");
    assert!(first[0].1.offset > 0, "{first:?}");
    let mut saved = first;
    for _ in 0..40 {
        saved.extend(saves(&t.try_key('j').unwrap()));
    }
    // (The blank line before a paragraph and its first line are one
    // position: the start of the paragraph.)
    assert!(saved.len() > 20, "scrolling through paragraphs saves");
    assert!(
        saved.windows(2).all(|w| w[0] != w[1]),
        "never twice the same"
    );
    // Scrolling up and down again comes back to the same position, saved again.
    let here = t.state.reader.position();
    saves(&t.try_key('k').unwrap());
    assert_eq!(saves(&t.try_key('j').unwrap()), [(ArticleId(1), here)]);
    assert!(saved.iter().all(|(id, _)| *id == ArticleId(1)));
    let last = *saved.last().unwrap();
    assert_eq!(last.1, t.state.reader.position());
    assert_eq!(t.state.reader.saved, Some(last));
    // A key that does not move the reader writes nothing.
    assert!(saves(&t.try_key('?').unwrap()).is_empty());
}

#[test]
fn a_related_story_not_in_the_store_opens_as_a_stub_that_nothing_is_saved_for() {
    let mut t = T::siteless(80, 24, 3);
    t.state.focus = Focus::Reader;
    t.open(article_with_related(1, 5), Opening::Read);
    let fx = update(&mut t.state, Action::OpenRelated(1));
    assert!(saves(&fx).is_empty());
    assert!(
        matches!(&t.state.reader.shown, Some(Shown::Stub(r)) if r.title == "Một tin không có trong kho")
    );
    assert_eq!(t.state.reader.article_id(), None);
    assert!(t.status().contains("Not in the store"));
    // Scrolling a stub saves no reading position.
    for _ in 0..5 {
        assert!(saves(&t.try_key('j').unwrap()).is_empty());
    }
    // s and m write nothing, and say why; the message stays (nothing
    // replaces it with a store error).
    let rows_before = t.state.list.rows.clone();
    let fx = t.try_key('s').unwrap();
    assert!(fx.is_empty(), "{fx:?}");
    assert!(t.status().contains("Not in the store"), "{}", t.status());
    assert!(t.status().contains("bookmark"));
    let fx = t.try_key('m').unwrap();
    assert!(fx.is_empty(), "{fx:?}");
    assert!(t.status().contains("nothing to mark"));
    assert_eq!(t.state.list.rows, rows_before, "no row changed");
    // Its link is still there to copy.
    assert_eq!(
        t.try_key('y').unwrap(),
        vec![Effect::Copy("https://example.vn/khong-co.htm".into())]
    );
    // Back to the article, forward to the stub again.
    let fx = update(&mut t.state, Action::HistoryBack);
    assert_eq!(
        fx,
        vec![Effect::LoadArticle {
            id: ArticleId(1),
            opening: Opening::At(Position::at(0))
        }]
    );
    t.open(article_with_related(1, 5), Opening::At(Position::at(0)));
    update(&mut t.state, Action::HistoryForward);
    assert!(matches!(&t.state.reader.shown, Some(Shown::Stub(_))));
}

#[test]
fn a_related_story_in_the_store_opens_for_reading() {
    let mut t = T::siteless(80, 24, 3);
    t.state.focus = Focus::Reader;
    t.open(article_with_related(1, 5), Opening::Read);
    let fx = update(&mut t.state, Action::OpenRelated(2));
    assert!(fx.contains(&Effect::LoadArticle {
        id: ArticleId(2),
        opening: Opening::Read
    }));
    assert_eq!(t.state.history.depth(), 1);
}

#[test]
fn a_walk_back_to_the_article_still_shown_moves_to_its_place_without_loading() {
    let mut t = T::siteless(80, 24, 3);
    t.state.focus = Focus::Reader;
    t.open(article_with_related(1, 30), Opening::Read);
    for _ in 0..12 {
        t.key('j');
    }
    let anchor = t.state.reader.position();
    assert!(anchor.paragraph > 0);
    // Related story 2 is asked for; Back before it has come.
    update(&mut t.state, Action::OpenRelated(2));
    assert!(t.state.reader.shows(ArticleId(1)));
    for _ in 0..12 {
        t.key('k');
    }
    let fx = update(&mut t.state, Action::HistoryBack);
    assert_eq!(fx, vec![], "the article is shown: no load");
    t.key('?');
    t.key('?');
    assert_eq!(t.state.reader.position(), anchor, "back at its place");
}

#[test]
fn a_mark_the_store_refused_is_shown_as_it_was() {
    let mut t = T::siteless(80, 24, 3);
    let fx = update(&mut t.state, Action::ToggleBookmark);
    assert_eq!(fx, vec![Effect::SetBookmarked(ArticleId(1), true)]);
    assert!(t.state.list.rows[0].bookmarked);
    t.loaded(Loaded::FlagFailed {
        id: ArticleId(1),
        read: None,
        bookmarked: Some(false),
        error: "attempt to write a readonly database".into(),
    });
    assert!(!t.state.list.rows[0].bookmarked);
    assert!(t.state.status.as_ref().unwrap().error);
    assert!(t.status().contains("readonly"));
}

#[test]
fn bookmarking_a_summary_only_item_fetches_its_whole_page() {
    let mut t = T::siteless(80, 24, 3);
    let fx = t.loaded(Loaded::Bookmarked(Box::new(article_with_related(1, 0))));
    assert_eq!(
        fx,
        vec![Effect::FetchFullPage {
            id: ArticleId(1),
            url: "https://example.vn/tin-1.htm".into()
        }]
    );
    assert_eq!(t.status(), "Saved; fetching the full page…");
    // A whole article, or one with no link: nothing to fetch.
    assert_eq!(
        t.loaded(Loaded::Bookmarked(Box::new(article_with_related(2, 3)))),
        vec![]
    );
    let mut no_link = article_with_related(3, 0);
    no_link.url = None;
    assert_eq!(t.loaded(Loaded::Bookmarked(Box::new(no_link))), vec![]);
}

#[test]
fn a_full_page_not_fetched_keeps_the_bookmark_and_says_why_in_one_line() {
    let mut t = T::siteless(100, 30, 3);
    update(&mut t.state, Action::ToggleBookmark);
    let fx = t.ev(Event::Worker(WorkerMsg::FullPageFailed {
        id: ArticleId(1),
        url: "https://dantri.com.vn/the-gioi/2020/abc.htm".into(),
        error: "HTTP 404 (not found)".into(),
    }));
    assert_eq!(fx, vec![]);
    assert_eq!(
        t.status(),
        "Bookmarked; full page not fetched: HTTP 404 (not found) (dantri.com.vn/…/abc.htm)"
    );
    assert!(t.state.status.as_ref().unwrap().error);
    assert!(t.state.list.rows[0].bookmarked, "the bookmark stays");
    // Narrower: the address shrinks to its host, then goes, then the reason is cut.
    t.state.width = 76;
    t.ev(Event::Worker(WorkerMsg::FullPageFailed {
        id: ArticleId(1),
        url: "https://dantri.com.vn/the-gioi/2020/abc.htm".into(),
        error: "HTTP 404 (not found)".into(),
    }));
    assert_eq!(
        t.status(),
        "Bookmarked; full page not fetched: HTTP 404 (not found) (dantri.com.vn)"
    );
    t.state.width = 64;
    t.ev(Event::Worker(WorkerMsg::FullPageFailed {
        id: ArticleId(1),
        url: "https://dantri.com.vn/the-gioi/2020/abc.htm".into(),
        error: "HTTP 404 (not found)".into(),
    }));
    assert_eq!(
        t.status(),
        "Bookmarked; full page not fetched: HTTP 404 (not found)"
    );
    t.state.width = 40;
    t.ev(Event::Worker(WorkerMsg::FullPageFailed {
        id: ArticleId(1),
        url: "https://dantri.com.vn/the-gioi/2020/abc.htm".into(),
        error: "HTTP 404 (not found)".into(),
    }));
    assert_eq!(t.status(), "Bookmarked; not fetched: HTTP 404 (no…");
    // Saved: said as such, and the open article reloads.
    t.state.width = 80;
    t.ev(Event::Worker(WorkerMsg::FullPageSaved {
        id: ArticleId(1),
        title: "Tin 1".into(),
    }));
    assert_eq!(t.status(), "Bookmarked; full page saved: Tin 1");
}

#[test]
fn a_finished_update_reloads_the_list_keeping_the_selection() {
    let mut t = T::siteless(80, 24, 3);
    update(&mut t.state, Action::Down);
    assert_eq!(
        update(&mut t.state, Action::UpdateFeeds),
        vec![Effect::StartUpdate]
    );
    assert_eq!(update(&mut t.state, Action::UpdateFeeds), vec![]);
    assert!(t.status().contains("already running"));
    t.ev(Event::Worker(WorkerMsg::UpdateProgress {
        done: 1,
        total: 4,
        name: "Dân trí".into(),
    }));
    assert_eq!(t.state.updating, Some((1, 4)));
    assert_eq!(t.state.status, None, "the status line shows the progress");
    let fx = t.ev(Event::Worker(WorkerMsg::UpdateFinished {
        feeds: 4,
        new: 7,
        updated: 0,
        failed: vec![FeedFailure {
            feed: "Tuổi Trẻ".into(),
            error: "https://tuoitre.example/rss: timed out".into(),
        }],
    }));
    assert_eq!(t.state.updating, None);
    assert_eq!(
        fx,
        vec![
            Effect::LoadList {
                keep: Some(ArticleId(2))
            },
            Effect::LoadKeywords,
            Effect::LoadSources
        ]
    );
    assert_eq!(
        t.status(),
        "Updated 4 feeds: 7 new articles; 1 failed: Tuổi Trẻ: timed out"
    );
    assert!(t.state.status.as_ref().unwrap().error);
}

#[test]
fn a_page_saved_for_the_open_article_reloads_it_in_place() {
    let mut t = T::siteless(80, 24, 3);
    t.state.focus = Focus::Reader;
    t.open(article_with_related(1, 0), Opening::Read);
    let fx = t.ev(Event::Worker(WorkerMsg::PageSaved {
        url: "https://a.vn/1".into(),
        id: ArticleId(1),
        title: "Tin 1".into(),
    }));
    assert!(fx.contains(&Effect::LoadArticle {
        id: ArticleId(1),
        opening: Opening::Reload
    }));
    assert!(t.status().contains("Saved for offline reading: Tin 1"));
    t.open(article_with_related(1, 20), Opening::Reload);
    assert_eq!(t.state.reader.article().unwrap().paragraphs.len(), 20);
    // Another article's page: the list and keywords only.
    let fx = t.ev(Event::Worker(WorkerMsg::PageSaved {
        url: "https://a.vn/9".into(),
        id: ArticleId(9),
        title: "Tin 9".into(),
    }));
    assert!(!fx.iter().any(|e| matches!(e, Effect::LoadArticle { .. })));
    // A reload for an article no longer open changes nothing.
    t.open(article_with_related(9, 3), Opening::Reload);
    assert!(t.state.reader.shows(ArticleId(1)));
}

/// `q` while a page saved with `a` is being fetched: the reader says it
/// waits and quits once the page is saved (or failed); `q` again quits at
/// once (the exit then names the page). Quitting dropped the page without
/// a word (a tester's report).
#[test]
fn quitting_waits_for_a_page_being_saved_and_q_again_does_not() {
    for second_q in [false, true] {
        let mut t = T::siteless(80, 24, 3);
        t.key('a');
        for c in "https://a.vn/cham".chars() {
            t.key(c);
        }
        assert_eq!(
            t.code(KeyCode::Enter),
            vec![Effect::FetchPage("https://a.vn/cham".into())]
        );
        t.key('q');
        assert!(!t.state.quit, "waits for the page");
        assert_eq!(
            t.status(),
            "Quitting once 1 page saved… (q again quits without it)"
        );
        if second_q {
            t.key('q');
            assert!(t.state.quit);
            assert_eq!(t.state.saving, vec!["https://a.vn/cham".to_string()]);
        } else {
            t.ev(Event::Worker(WorkerMsg::PageFailed {
                url: "https://a.vn/cham".into(),
                error: "timed out".into(),
            }));
            assert!(t.state.quit, "the page done, it quits");
            assert!(t.state.saving.is_empty());
        }
    }
    // Nothing being saved: `q` quits at once.
    let mut t = T::siteless(80, 24, 3);
    t.key('q');
    assert!(t.state.quit);
}

#[test]
fn computed_related_stories_refresh_only_the_article_they_belong_to() {
    let mut t = T::siteless(80, 24, 3);
    t.state.focus = Focus::Reader;
    t.open(article_with_related(1, 3), Opening::Read);
    assert_eq!(
        t.ev(Event::Worker(WorkerMsg::RelatedComputed {
            id: ArticleId(1)
        })),
        vec![Effect::LoadArticle {
            id: ArticleId(1),
            opening: Opening::Refresh
        }]
    );
    assert_eq!(
        t.ev(Event::Worker(WorkerMsg::RelatedComputed {
            id: ArticleId(2)
        })),
        vec![]
    );
    let mut more = article_with_related(1, 3);
    more.related.push(more.related[1].clone());
    t.open(more, Opening::Refresh);
    assert_eq!(t.state.reader.article().unwrap().related.len(), 3);
}

#[test]
fn stale_search_results_are_dropped() {
    let mut t = T::siteless(80, 24, 3);
    update(&mut t.state, Action::Search);
    let mut fx = Vec::new();
    for c in "bong".chars() {
        fx = t.try_key(c).unwrap();
    }
    let Some(Effect::RunSearch { generation, .. }) = fx.first().cloned() else {
        panic!("typing runs the search: {fx:?}");
    };
    t.loaded(Loaded::SearchResults {
        generation: generation - 1,
        hits: vec![],
        total: None,
    });
    assert_eq!(
        t.state.search.as_ref().unwrap().shown,
        0,
        "an older query's"
    );
    t.loaded(Loaded::SearchResults {
        generation,
        hits: vec![],
        total: Some((2000, true)),
    });
    assert_eq!(t.state.search.as_ref().unwrap().count_label(), "2.000+");
    assert_eq!(t.state.search.as_ref().unwrap().shown, generation);
}

#[test]
fn what_the_runtime_reports_reaches_the_status_line() {
    let mut t = T::siteless(80, 24, 3);
    t.loaded(Loaded::UrlOpened(UrlOpened::Browser("firefox".into())));
    assert_eq!(t.status(), "Opened in firefox");
    t.loaded(Loaded::UrlOpened(UrlOpened::Copied {
        url: "https://example.vn/".into(),
        why: "over SSH",
    }));
    assert_eq!(t.status(), "Link copied (over SSH): https://example.vn/");
    t.loaded(Loaded::UrlOpened(UrlOpened::BrowserFailed {
        program: "w3m".into(),
        error: "exit status 1".into(),
    }));
    assert_eq!(t.status(), "w3m failed: exit status 1");
    assert!(t.state.status.as_ref().unwrap().error);
    t.loaded(Loaded::UrlOpened(UrlOpened::NotStarted(
        "Cannot start \"nope\": not found".into(),
    )));
    assert_eq!(t.status(), "Cannot start \"nope\": not found");
    assert!(t.state.status.as_ref().unwrap().error);
    t.loaded(Loaded::UrlOpened(UrlOpened::Refused(
        "only http:// and https:// addresses, not file:".into(),
    )));
    assert_eq!(
        t.status(),
        "Not opened in a browser: only http:// and https:// addresses, not file:"
    );
    assert!(t.state.status.as_ref().unwrap().error);
    t.loaded(Loaded::Failed(
        "Cannot load keywords: disk I/O error".into(),
    ));
    assert_eq!(t.status(), "Cannot load keywords: disk I/O error");
}

#[test]
fn keys_bound_to_nothing_change_nothing() {
    let mut t = T::siteless(80, 24, 3);
    assert!(t.try_key('X').is_none());
    let k = KeyEvent::new(KeyCode::F(12), KeyModifiers::NONE);
    assert!(handle(&mut t.state, &t.cfg.keymap, Event::Key(k)).is_none());
}

#[test]
fn a_read_only_store_says_why_when_it_is_known() {
    let mut t = T::siteless(120, 40, 3);
    t.state = t
        .state
        .clone()
        .read_only_because(true, Some("the disk is full"));
    t.ev(Event::Start);
    assert_eq!(
        t.status(),
        "Read-only store (the disk is full): marks and reading positions are not saved"
    );
    // A store that can be written says nothing of a reason it was given.
    let mut t = T::siteless(120, 40, 3);
    t.state = t
        .state
        .clone()
        .read_only_because(false, Some("the disk is full"));
    t.ev(Event::Start);
    assert!(!t.status().contains("Read-only"), "{}", t.status());
}

#[test]
fn a_read_only_store_is_said_once_and_nothing_is_written() {
    let mut t = T::siteless(120, 40, 3);
    t.state = t.state.clone().read_only(true);
    let fx = t.ev(Event::Start);
    assert!(t.status().contains("Read-only"), "{}", t.status());
    assert!(fx.contains(&Effect::LoadList { keep: None }), "{fx:?}");
    assert!(!fx.iter().any(Effect::writes), "{fx:?}");
    // Opening an article: loaded, not marked read, not remembered, no
    // related stories computed, no position saved.
    let fx = t.ev(Event::Key(KeyEvent::new(
        KeyCode::Enter,
        KeyModifiers::NONE,
    )));
    assert!(
        fx.iter().any(|e| matches!(e, Effect::LoadArticle { .. })),
        "{fx:?}"
    );
    assert!(!fx.iter().any(Effect::writes), "{fx:?}");
    let fx = t.open(article_with_related(1, 40), Opening::Read);
    assert!(!fx.iter().any(Effect::writes), "{fx:?}");
    assert!(
        !t.state.list.rows[0].read,
        "not shown as read: it is not saved"
    );
    for _ in 0..5 {
        let fx = t.key('j');
        assert!(saves(&fx).is_empty(), "{fx:?}");
    }
    // A key that asks for a change is answered, and changes nothing.
    let before = t.state.list.rows[0].bookmarked;
    let fx = update(&mut t.state, Action::ToggleBookmark);
    assert_eq!(fx, vec![]);
    assert_eq!(t.state.list.rows[0].bookmarked, before);
    assert!(t.status().contains("read-only"), "{}", t.status());
    assert_eq!(update(&mut t.state, Action::UpdateFeeds), vec![]);
    assert_eq!(t.state.updating, None);
    // The same steps on a writable store do write.
    let mut w = T::siteless(120, 40, 3);
    w.ev(Event::Start);
    let fx = update(&mut w.state, Action::ToggleBookmark);
    assert!(fx.iter().any(Effect::writes), "{fx:?}");
}

/// Esc read together with the key after it comes as Alt and that key:
/// unbound, it is the two keys (the runtime handles the Esc, then the key
/// this returns); a bound Alt key, and a key without Alt, are keys of their own.
#[test]
fn an_unbound_alt_key_is_esc_then_the_key() {
    use docbao::tui::config::Config;
    use docbao::tui::update::after_escape;
    let t = T::siteless(120, 40, 3);
    let mut cfg = Config::defaults();
    let key = |c, m| KeyEvent::new(KeyCode::Char(c), m);
    assert_eq!(
        after_escape(&t.state, &cfg.keymap, &key('j', KeyModifiers::ALT)),
        Some(key('j', KeyModifiers::NONE))
    );
    // ESC then ctrl-d: ctrl-d after the Esc.
    assert_eq!(
        after_escape(
            &t.state,
            &cfg.keymap,
            &key('d', KeyModifiers::ALT | KeyModifiers::CONTROL)
        ),
        Some(key('d', KeyModifiers::CONTROL))
    );
    assert_eq!(
        after_escape(&t.state, &cfg.keymap, &key('j', KeyModifiers::NONE)),
        None
    );
    // Alt and an arrow is a sequence of its own: pressed as such.
    assert_eq!(
        after_escape(
            &t.state,
            &cfg.keymap,
            &KeyEvent::new(KeyCode::Down, KeyModifiers::ALT)
        ),
        None
    );
    assert_eq!(
        after_escape(
            &t.state,
            &cfg.keymap,
            &KeyEvent::new(KeyCode::Enter, KeyModifiers::ALT)
        ),
        Some(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE))
    );
    cfg.apply("test", "[keys]\nalt-j = \"quit\"\n", true)
        .expect("alt-j binds");
    assert_eq!(
        after_escape(&t.state, &cfg.keymap, &key('j', KeyModifiers::ALT)),
        None
    );
}

/// Back through the history to a filter the results were not run with:
/// the search runs again under it, as for any other change of the filter
/// (the results stayed narrowed by the keyword chosen after the related
/// story: a review's find).
#[test]
fn going_back_to_another_filter_runs_the_search_again() {
    let mut t = T::siteless(120, 40, 3);
    t.state.search = Some(docbao::tui::state::search::SearchState {
        query: "tin".into(),
        hits: vec![common::tui::hit(1, false), common::tui::hit(2, false)],
        ..Default::default()
    });
    t.state.focus = Focus::Reader;
    t.open(article_with_related(1, 5), Opening::Read);
    // A related story followed: the history holds the filter as it was.
    update(&mut t.state, Action::OpenRelated(1));
    t.state.list.filter.keywords.push("Hà Nội".into());
    let fx = update(&mut t.state, Action::HistoryBack);
    assert!(t.state.list.filter.keywords.is_empty());
    assert!(
        fx.iter()
            .any(|e| matches!(e, Effect::RunSearch { query, .. } if query == "tin")),
        "{fx:?}"
    );
}

/// The results run again under another filter select the article selected
/// when they come: a move made while they were on their way is kept (it
/// went back to the selection of when they were asked: a review's find).
#[test]
fn a_move_while_the_results_run_again_is_kept() {
    let mut t = T::siteless(120, 40, 5);
    let hits = || {
        (1..=5)
            .map(|i| common::tui::hit(i, false))
            .collect::<Vec<_>>()
    };
    t.state.search = Some(docbao::tui::state::search::SearchState {
        query: "tin".into(),
        hits: hits(),
        ..Default::default()
    });
    t.state.focus = Focus::List;
    let fx = t.try_key('u').unwrap();
    let generation = fx
        .iter()
        .find_map(|e| match e {
            Effect::RunSearch { generation, .. } => Some(*generation),
            _ => None,
        })
        .unwrap_or_else(|| panic!("{fx:?}"));
    t.try_key('j');
    t.try_key('j');
    let third = t.state.search.as_ref().unwrap().selected_hit().unwrap().id;
    assert_eq!(third, ArticleId(3));
    // The same results come, in another order.
    let mut again = hits();
    again.reverse();
    t.handle(Event::Loaded(Loaded::SearchResults {
        generation,
        hits: again,
        total: None,
    }));
    let s = t.state.search.as_ref().unwrap();
    assert_eq!(s.selected_hit().map(|h| h.id), Some(third));
}
