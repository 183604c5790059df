//! The status line's message lives until the next key that does something,
//! or until an update's progress takes its place; the update's progress and
//! result; the update started with the reader (`[feeds] update_on_start`).
//! Pure `update` tests, and the status line drawn on a `TestBackend`.

mod common;

use common::tui::T;
use docbao::tui::config::Config;
use docbao::tui::event::{Event, FeedFailure, Loaded, WorkerMsg};
use docbao::tui::state::Focus;
use docbao::tui::update::Effect;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;

/// One pane at a time (50 columns): moving the list previews nothing.
fn one_pane(rows: i64) -> T {
    T::siteless(50, 20, rows)
}

impl T {
    fn say(&mut self, text: &str) {
        self.handle(Event::Loaded(Loaded::Failed(text.to_string())));
        assert_eq!(self.message().as_deref(), Some(text));
    }

    /// The status line (the bottom row) as drawn at `width` columns.
    fn status_line(&self, width: u16) -> String {
        let mut state = self.state.clone();
        state.width = width;
        let mut term = Terminal::new(TestBackend::new(width, state.height)).unwrap();
        term.draw(|f| docbao::tui::ui::draw(f, &state, &self.cfg))
            .unwrap();
        let buf = term.backend().buffer();
        // A wide character's second cell skipped.
        common::tui::buffer_row(buf, state.height - 1, 0..width)
    }
}

#[test]
fn a_message_stays_through_keys_that_change_nothing() {
    let mut t = one_pane(5);
    t.say("Cannot load keywords: disk I/O error");
    // Bound to nothing.
    assert_eq!(t.try_key('X'), None);
    assert_eq!(t.try_code(KeyCode::F(12)), None);
    // Motions that cannot move: at the top already, in every way up.
    for c in ['k', 'g', 'b'] {
        t.key(c);
        assert_eq!(t.state.list.selected, 0);
    }
    t.code(KeyCode::PageUp);
    t.code(KeyCode::Home);
    assert_eq!(
        t.message().as_deref(),
        Some("Cannot load keywords: disk I/O error")
    );
    // And at the bottom.
    t.key('G');
    assert_eq!(t.state.list.selected, 4);
    t.say("Still here");
    for c in ['j', 'G', ' '] {
        t.key(c);
    }
    assert_eq!(t.state.list.selected, 4);
    assert_eq!(t.message().as_deref(), Some("Still here"));
    // Time alone never clears it: there is no expiry event any more; a
    // resize does not clear it either.
    t.handle(Event::Resize(60, 20));
    assert_eq!(t.message().as_deref(), Some("Still here"));
}

#[test]
fn a_key_that_acts_clears_the_message_before_acting() {
    let mut t = one_pane(5);
    t.say("Cannot load keywords: disk I/O error");
    t.key('j');
    assert_eq!(t.state.list.selected, 1);
    assert_eq!(t.message(), None, "a motion that moved clears it");

    // An action that says something: its own message replaces the old one.
    t.say("old message");
    t.key('m');
    assert_eq!(t.message().as_deref(), Some("Marked read"));
    t.key('u');
    assert_eq!(t.message().as_deref(), Some("Showing unread articles only"));

    // A key that moves the focus acts.
    t.say("old message");
    t.code(KeyCode::Tab);
    assert_ne!(t.state.focus, Focus::List);
    assert_eq!(t.message(), None);

    // Opening the help acts; keys in the help that scroll it act, and the
    // message is gone after them.
    t.say("old message");
    t.key('?');
    assert!(t.state.help_open);
    assert_eq!(t.message(), None);

    // Typing in a text box acts.
    let mut t = one_pane(5);
    t.key('/');
    t.say("Search failed: disk I/O error");
    t.key('h');
    assert_eq!(t.message(), None);
}

#[test]
fn update_progress_replaces_the_message_and_the_result_ends_it() {
    let mut t = one_pane(3);
    assert_eq!(t.try_key('U'), Some(vec![Effect::StartUpdate]));
    assert_eq!(t.state.updating, Some((0, 0)));
    assert!(
        t.status_line(50).contains("Updating the feeds…"),
        "{}",
        t.status_line(50)
    );
    t.say("Marked read");
    t.handle(Event::Worker(WorkerMsg::UpdateProgress {
        done: 3,
        total: 12,
        name: "Dân trí".into(),
    }));
    assert_eq!(t.message(), None, "the progress takes the message's place");
    assert_eq!(t.state.updating, Some((3, 12)));
    let line = t.status_line(50);
    assert!(line.contains("Updating 3/12 feeds…"), "{line}");
    assert_eq!(
        docbao::tui::ui::status::update_progress(0, 1),
        "Updating 0/1 feed…"
    );
    assert!(line.contains("Article 1 of 3"), "{line}");
    // A key's message shows over it; the progress still shows on the left.
    t.key('m');
    let line = t.status_line(50);
    assert!(line.contains("Marked read"), "{line}");
    assert!(line.contains("updating 3/12"), "{line}");
    // The result.
    let fx = t
        .handle(Event::Worker(WorkerMsg::UpdateFinished {
            feeds: 12,
            new: 37,
            updated: 0,
            failed: vec![],
        }))
        .unwrap();
    assert_eq!(t.state.updating, None);
    assert!(fx.contains(&Effect::LoadKeywords), "{fx:?}");
    assert_eq!(
        t.message().as_deref(),
        Some("Updated 12 feeds: 37 new articles")
    );
    assert!(!t.state.status.as_ref().unwrap().error);
    let line = t.status_line(50);
    assert!(line.contains("Updated 12 feeds: 37 new articles"), "{line}");
    assert!(!line.contains("updating"), "{line}");
}

/// Items the sites edited since they were stored are counted too (the
/// command line's `update` says "updated"): the reader sees they changed.
#[test]
fn an_update_says_how_many_stored_articles_changed() {
    let mut t = one_pane(3);
    t.key('U');
    t.handle(Event::Worker(WorkerMsg::UpdateFinished {
        feeds: 2,
        new: 0,
        updated: 3,
        failed: vec![],
    }));
    assert_eq!(
        t.message().as_deref(),
        Some("Updated 2 feeds: 0 new articles, 3 changed")
    );
    t.key('U');
    t.handle(Event::Worker(WorkerMsg::UpdateFinished {
        feeds: 1,
        new: 1,
        updated: 1,
        failed: vec![],
    }));
    assert_eq!(
        t.message().as_deref(),
        Some("Updated 1 feed: 1 new article, 1 changed")
    );
}

#[test]
fn a_failed_update_names_the_first_failing_feed_shortened_to_fit() {
    let mut t = one_pane(3);
    t.key('U');
    let name = format!("Báo Mới — {}", "tin nóng trong ngày ".repeat(4));
    let url = format!(
        "https://baomoi.example/rss/{}.rss",
        "tin-moi-nhat-".repeat(6)
    );
    t.handle(Event::Worker(WorkerMsg::UpdateFinished {
        feeds: 12,
        new: 1,
        updated: 0,
        failed: vec![
            FeedFailure {
                feed: name,
                error: format!("{url}: the server answered 503 (service unavailable)"),
            },
            FeedFailure {
                feed: "VnExpress".into(),
                error: "https://vnexpress.example/rss: timed out".into(),
            },
        ],
    }));
    assert!(t.state.status.as_ref().unwrap().error);
    // The name cut to 30 columns, the address dropped: what went wrong shows.
    assert_eq!(
        t.message().unwrap(),
        "Updated 12 feeds: 1 new article; 2 failed: Báo Mới — tin nóng trong ngày…: \
         the server answered 503 (service unavailable) (and 1 more: docbao feed list)"
    );
    // The line fits the width, at any width.
    for w in [40u16, 50, 60, 120] {
        let line = t.status_line(w);
        assert_eq!(
            unicode_width::UnicodeWidthStr::width(line.as_str()),
            w as usize
        );
        assert!(line.contains("Updated 12 feeds"), "{w}: {line}");
    }
    assert!(t.status_line(120).contains("answered 503"));

    // An error that does not start with an address is quoted whole.
    t.handle(Event::Worker(WorkerMsg::UpdateFinished {
        feeds: 1,
        new: 0,
        updated: 0,
        failed: vec![FeedFailure {
            feed: "https://x.example/feed".into(),
            error: "not a feed:\n the page is HTML".into(),
        }],
    }));
    assert_eq!(
        t.message().unwrap(),
        "Updated 1 feed: 0 new articles; 1 failed: https://x.example/feed: not a feed: the page is HTML"
    );

    // No feeds at all.
    t.key('U');
    t.handle(Event::Worker(WorkerMsg::UpdateFinished {
        feeds: 0,
        new: 0,
        updated: 0,
        failed: vec![],
    }));
    assert!(
        t.message().unwrap().starts_with("No feeds to update"),
        "{:?}",
        t.message()
    );
    // The update could not run.
    t.key('U');
    assert!(t.state.updating.is_some());
    t.handle(Event::Worker(WorkerMsg::UpdateFailed {
        error: "cannot open \"/x/docbao.db\": permission denied".into(),
    }));
    assert_eq!(t.state.updating, None);
    assert_eq!(
        t.message().unwrap(),
        "Update failed: cannot open \"/x/docbao.db\": permission denied"
    );
}

#[test]
fn update_on_start_starts_an_update_with_the_first_screen() {
    let mut t = one_pane(0);
    let fx = t.handle(Event::Start).unwrap();
    assert!(!fx.contains(&Effect::StartUpdate), "off by default: {fx:?}");
    assert_eq!(t.state.updating, None);

    let mut t = one_pane(0);
    t.state = t.state.clone().updating_on_start(true);
    let fx = t.handle(Event::Start).unwrap();
    assert_eq!(
        fx,
        vec![
            Effect::LoadList { keep: None },
            Effect::LoadKeywords,
            Effect::LoadSources,
            Effect::LoadLastArticle,
            Effect::StartUpdate,
        ]
    );
    assert_eq!(t.state.updating, Some((0, 0)));

    // A read-only store could not keep what the update brings: not started,
    // and the read-only notice is what the status line says.
    let mut t = one_pane(0);
    t.state = t.state.clone().updating_on_start(true).read_only(true);
    let fx = t.handle(Event::Start).unwrap();
    assert!(!fx.contains(&Effect::StartUpdate), "{fx:?}");
    assert_eq!(t.state.updating, None);
    assert!(t.message().unwrap().contains("Read-only"));
}

#[test]
fn update_on_start_is_read_from_the_feeds_section_of_the_config() {
    let mut cfg = Config::defaults();
    assert!(!cfg.update_on_start);
    cfg.apply("c.toml", "[feeds]\nupdate_on_start = true\n", false)
        .unwrap();
    assert!(cfg.update_on_start);
    let e = cfg
        .apply("c.toml", "\n[feeds]\nupdate_on_start = \"yes\"\n", false)
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("c.toml: line 3") && e.contains("feeds.update_on_start"),
        "{e}"
    );
    let e = cfg
        .apply("c.toml", "[feeds]\nupdate_on_open = true\n", false)
        .unwrap_err()
        .to_string();
    assert!(e.contains("unknown setting feeds.update_on_open"), "{e}");
    // The default file documents it, off.
    assert!(
        docbao::tui::config::DEFAULT_CONFIG.contains("[feeds]\n"),
        "the default config has a [feeds] section"
    );
}

/// Review item 15: a related story followed out of the view has no place
/// in it. A story not in the store opened from the search results said
/// "Result 0 of 1", a stored one outside a keyword's list "Article – of
/// 1": now the status says which it is, and an article of the view still
/// gets its number.
#[test]
fn a_related_story_outside_the_view_is_named_not_numbered() {
    use common::tui::{article_with_related, hit};
    use docbao::model::ArticleId;
    use docbao::tui::event::Opening;
    use docbao::tui::state::search::SearchState;
    use docbao::tui::ui::status::position_text;
    // From a search result, a story not in the store (related story 1).
    let mut t = T::new(100, 30, 10);
    t.state.search = Some(SearchState {
        query: "bong da".into(),
        hits: vec![hit(7, false)],
        ..SearchState::default()
    });
    t.code(KeyCode::Enter);
    t.open(article_with_related(7, 3), Opening::Read);
    assert!(position_text(&t.state).starts_with("Result 1 of 1 · "));
    t.key('1');
    let place = position_text(&t.state);
    assert!(
        place.starts_with("Related story, not in the store · 100% · ↶1"),
        "{place}"
    );
    // From a keyword's list of one, a stored story (related story 2, article
    // 2) that is not in that list.
    let mut t = T::new(100, 30, 1);
    t.state.list.filter.keywords = vec!["Thái Bình".into()];
    t.code(KeyCode::Enter);
    t.open(article_with_related(1, 3), Opening::Read);
    assert!(position_text(&t.state).starts_with("Article 1 of 1 · "));
    let fx = t.key('2');
    assert!(fx.contains(&Effect::LoadArticle {
        id: ArticleId(2),
        opening: Opening::Read
    }));
    t.open(common::tui::article(2, 3), Opening::Read);
    let place = position_text(&t.state);
    assert!(place.starts_with("Related story · "), "{place}");
    assert!(place.contains("keyword: Thái Bình"), "{place}");
    // Back (H): the article of the list, numbered again.
    t.key('H');
    t.open(article_with_related(1, 3), Opening::At(Default::default()));
    assert!(
        position_text(&t.state).starts_with("Article 1 of 1 · "),
        "{}",
        position_text(&t.state)
    );
    // Not reached by a related story, and not among the list's rows (as
    // when the list was filtered since it opened): said so.
    let mut t = T::new(100, 30, 2);
    t.state.focus = Focus::Reader;
    t.open(common::tui::article(9, 3), Opening::Read);
    assert!(
        position_text(&t.state).starts_with("Not in the list · "),
        "{}",
        position_text(&t.state)
    );
}

/// A big store's counts are grouped by thousands, as the search results'
/// are ("Result 1.202 of 2.000+"): the list's title and the place in it.
#[test]
fn a_big_lists_counts_are_grouped_by_thousands() {
    let mut t = one_pane(3);
    t.state.list.total = 35_440;
    let line = t.status_line(50);
    assert!(line.contains("Article 1 of 35.440"), "{line}");
    let mut state = t.state.clone();
    let mut term = Terminal::new(TestBackend::new(50, state.height)).unwrap();
    state.width = 50;
    term.draw(|f| docbao::tui::ui::draw(f, &state, &t.cfg))
        .unwrap();
    let buf = term.backend().buffer();
    let top: String = (0..50).map(|x| buf[(x, 0)].symbol().to_string()).collect();
    assert!(top.contains("Articles (35.440)"), "{top}");
}

/// Every count the reader shows is grouped by thousands as the list's
/// title is (the keyword sidebar said "Keyword 1 of 5000" beside
/// "Article 1 of 100.000"): the sidebar's place, an update's counts.
#[test]
fn every_count_is_grouped_by_thousands() {
    let mut t = T::new(120, 30, 3);
    let keywords: Vec<(String, i64)> = (0..5_000).map(|i| (format!("từ khóa {i}"), 5)).collect();
    t.loaded(Loaded::Keywords(keywords));
    t.key('\\');
    assert_eq!(t.state.focus, Focus::Sidebar);
    let line = t.status_line(120);
    assert!(line.contains("Keyword 1 of 5.000"), "{line}");
    t.key('U');
    t.handle(Event::Worker(WorkerMsg::UpdateProgress {
        done: 1_200,
        total: 1_500,
        name: "Dân trí".into(),
    }));
    let line = t.status_line(120);
    assert!(line.contains("Updating 1.200/1.500 feeds"), "{line}");
    t.handle(Event::Worker(WorkerMsg::UpdateFinished {
        feeds: 1_500,
        new: 12_345,
        updated: 2_000,
        failed: vec![],
    }));
    assert_eq!(
        t.message().as_deref(),
        Some("Updated 1.500 feeds: 12.345 new articles, 2.000 changed")
    );
}

/// `A`'s question keeps its answer keys at every width (at 30 columns it
/// read "Mark 3 unread articles read?…"): the question is shortened, not
/// the keys; its count grouped by thousands as the list's title is.
#[test]
fn a_question_keeps_its_answer_keys_at_every_width() {
    for (count, long) in [
        (3, "Mark 3 unread articles read (all sources)? (y/n)"),
        (
            99_998,
            "Mark 99.998 unread articles read (all sources)? (y/n)",
        ),
    ] {
        let mut t = T::siteless(30, 8, 5);
        assert_eq!(t.key('A'), vec![Effect::Reload { unread: true }]);
        let ids: Vec<i64> = (1..=count).collect();
        t.loaded(common::tui::counted(&t.state, &ids));
        for width in [12, 20, 24, 30, 40, 50, 80, 120] {
            let line = t.status_line(width);
            let shown = line.trim_end();
            assert!(shown.ends_with("(y/n)"), "{width}: {line:?}");
            if width >= 80 {
                assert!(shown.ends_with(long), "{width}: {line:?}");
            }
            if width >= 20 {
                let n = docbao::text::layout::group_thousands(count);
                assert!(shown.contains(&n), "{width}: the count stays: {line:?}");
            }
        }
    }
}

/// A link copied (`y`) from a long address: the status line keeps its
/// site and the end of its path, elided in the middle by display width,
/// and the place in the list and the percentage stay on the line.
#[test]
fn a_long_link_is_elided_in_the_middle_keeping_the_place() {
    use docbao::tui::event::Opening;
    let url = "https://vnexpress.net/thoi-su/chinh-tri/2024/10/ky-hop-thu-8-quoc-hoi-khoa-xv-bau-chu-tich-nuoc/ten-bai-123.html";
    for (w, h) in [(50u16, 20u16), (80, 24), (160, 48)] {
        let mut t = T::new(w, h, 3);
        t.code(KeyCode::Enter);
        let mut a = common::tui::article(1, 3);
        a.url = Some(url.into());
        t.open(a, Opening::Read);
        t.key('y');
        let line = t.status_line(w);
        let shown = line.trim_end();
        assert!(shown.contains("Article 1 of 3 · "), "{w}: {shown:?}");
        assert!(shown.contains('%'), "{w}: {shown:?}");
        assert!(shown.ends_with("123.html"), "{w}: {shown:?}");
        if w == 80 {
            assert!(
                shown.contains("vnexpress.net/…/ten-bai-123.html"),
                "{w}: {shown:?}"
            );
        } else if w < 80 {
            assert!(shown.contains("Copied: vnex"), "{w}: {shown:?}");
        } else {
            assert!(shown.contains(url), "{w}: {shown:?}");
        }
    }
}

/// A link the status line shortens shows whole on the rows above it,
/// from the first column, so that a terminal's copy mode takes it (GNU
/// screen passes no OSC 52 on, and README points its users at `C-a [`: the
/// status line's `dantri.com.vn/…/…-19-…htm` could not be copied, an
/// independent review's find); the next key that acts takes it away. A
/// link the status line shows whole takes no row.
#[test]
fn a_link_too_long_for_the_status_line_shows_whole_above_it() {
    use docbao::tui::event::Opening;
    let url = "https://dantri.com.vn/the-gioi/an-do-that-thu-vi-covid-19-the-gioi-bat-an-20210427123704883.htm";
    let screen = |t: &T| {
        let (w, h) = (t.state.width, t.state.height);
        let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
        term.draw(|f| docbao::tui::ui::draw(f, &t.state, &t.cfg))
            .unwrap();
        let buf = term.backend().buffer().clone();
        (0..h)
            .map(|y| common::tui::buffer_row(&buf, y, 0..w))
            .collect::<Vec<_>>()
    };
    for (w, h, rows) in [
        (40u16, 12u16, 3usize),
        (80, 24, 2),
        (100, 30, 1),
        (200, 40, 0),
    ] {
        let mut t = T::new(w, h, 3);
        t.code(KeyCode::Enter);
        let mut a = common::tui::article(1, 3);
        a.url = Some(url.into());
        t.open(a, Opening::Read);
        let before = screen(&t);
        t.key('y');
        let lines = screen(&t);
        let h = h as usize;
        let above: String = lines[h - 1 - rows..h - 1].concat();
        if rows > 0 {
            assert_eq!(above.trim_end(), url, "{w}: {lines:#?}");
        }
        if rows == 0 {
            assert_eq!(lines[..h - 1], before[..h - 1], "{w}");
            assert!(lines[h - 1].contains(url), "{w}: {:?}", lines[h - 1]);
        } else {
            assert!(!lines[h - 1].contains(url), "{w}: shortened below");
            assert_eq!(lines[..h - 1 - rows], before[..h - 1 - rows], "{w}");
        }
        // A key that acts: the message and its rows go.
        t.code(KeyCode::Esc);
        let after = screen(&t).concat();
        assert!(!after.contains("https://dantri"), "{w}: {after}");
    }
}

/// `o` and `y` on an empty view say there is no article, not that the
/// article has no link.
#[test]
fn open_and_copy_with_no_article_say_so() {
    let mut t = T::new(120, 30, 0);
    for key in ['o', 'y'] {
        assert_eq!(t.key(key), vec![]);
        assert_eq!(t.status(), "No article selected", "{key}");
    }
}

#[test]
fn a_readers_key_pressed_in_the_list_says_where_it_works() {
    // `n` in the list did nothing and said nothing: newsboat's next unread.
    let mut t = T::new(120, 30, 5);
    assert_eq!(t.state.focus, Focus::List);
    assert!(t.try_key('n').is_some(), "drawn");
    assert_eq!(
        t.status(),
        "n: in the reader (next article); Enter opens, N next unread"
    );
    assert_eq!(t.state.list.selected, 0, "nothing moved");
    assert!(t.try_key(']').is_some());
    assert!(
        t.status().starts_with("]: in the reader ("),
        "{}",
        t.status()
    );
    // In the reader, n is its own; a key bound nowhere still does nothing.
    t.code(KeyCode::Enter);
    assert_eq!(t.state.focus, Focus::Reader);
    assert!(t.try_key('n').is_some());
    assert!(!t.status().contains("in the reader ("), "{}", t.status());
    assert!(t.try_key('ŕ').is_none());
}

/// A message that leaves the place too little room cuts it at a part or a
/// word, never in a number: "Article 6 of 2…" read as two articles where
/// there were 29 (an independent review's find).
#[test]
fn the_place_is_cut_whole_never_in_a_number() {
    let mut t = one_pane(3);
    t.state.list.total = 29;
    t.state.list.filter.unread = true;
    t.say("Showing Tin mới nhất - VnExpress RSS, every article of the feed");
    let full = "Article 1 of 29 · unread only";
    let mut seen = std::collections::BTreeSet::new();
    for width in 30..=110u16 {
        let line = t.status_line(width);
        let place = line.split("Showing").next().unwrap().trim().to_string();
        assert!(
            full.starts_with(place.trim_end_matches(" …").trim_end_matches('…'))
                && [full, "Article 1 of 29 …", "Article 1 …", ""].contains(&place.as_str()),
            "{width}: {line:?}"
        );
        seen.insert(place);
    }
    // Each of the cuts is met between 30 and 110 columns.
    assert!(seen.len() >= 3, "{seen:?}");
    // With no message, a cut place keeps a space before the hints (at 29
    // columns it ran into them: "… 29 …Enter open").
    t.state.status = None;
    for width in 10..=60u16 {
        let line = t.status_line(width);
        let run_on = line
            .split('…')
            .skip(1)
            .any(|after| after.starts_with(|c: char| !c.is_whitespace()));
        assert!(!run_on, "{width}: {line:?}");
    }
}

/// A source's name written without spaces, selected in the sidebar: the
/// status line showed "Source 3 of 3: …" and left columns empty (a
/// tester's report at 45 to 60 columns). When no whole word fits, the
/// name is cut by display width, a wide character never split.
#[test]
fn a_name_without_spaces_is_cut_by_character_not_dropped() {
    use docbao::model::{Source, SourceCount};
    let name = "新华网国际新闻频道最新消息滚动报道全天候更新";
    let mut t = one_pane(3);
    t.state.sidebar.sources = ["Báo Một", "Báo Hai", name]
        .iter()
        .enumerate()
        .map(|(i, n)| SourceCount {
            error: None,
            source: Source::Feed(i as i64 + 1),
            name: n.to_string(),
            detail: None,
            unread: 1,
            total: 1,
        })
        .collect();
    t.state.focus = Focus::Sidebar;
    t.state.sidebar.source_selected = 2;
    for w in 30..=70u16 {
        let line = t.status_line(w);
        let text = line.trim();
        assert!(text.starts_with("Source 3 of 3: 新华"), "{w}: {line:?}");
        assert!(
            docbao::text::width::width(&line) <= w as usize,
            "{w}: {line:?}"
        );
        // Cut by whole characters: what shows is the name's start.
        let shown = text["Source 3 of 3: ".len()..]
            .split(['…', ' '])
            .next()
            .unwrap();
        assert!(name.starts_with(shown), "{w}: {line:?}");
    }
}

/// The reader's hints say what `]` picks in the article shown (it said
/// "links" in an article with none), and a short line drops the least
/// needed hints first: `Esc list` and `q quit` fell off at 80 and 50
/// columns (a tester's report).
#[test]
fn the_readers_hints_fit_the_article_and_keep_the_way_out() {
    use docbao::tui::event::Opening;
    let hints = |article: docbao::model::Article, w: u16| {
        let mut t = T::new(w, 24, 1);
        t.open(article, Opening::Read);
        t.state.focus = Focus::Reader;
        t.state.status = None;
        t.status_line(w)
    };
    // Keywords only (the builder's "Thái Bình"): `]` picks keywords.
    let wide = hints(common::tui::article(1, 3), 200);
    assert!(wide.contains("] keywords"), "{wide}");
    assert!(!wide.contains("links"), "{wide}");
    let related = hints(common::tui::article_with_related(1, 3), 200);
    assert!(related.contains("] related"), "{related}");
    let mut bare = common::tui::article(1, 3);
    bare.keywords.clear();
    let none = hints(bare, 200);
    assert!(!none.contains("] "), "{none}");
    for w in [50, 60, 80, 100] {
        let line = hints(common::tui::article(1, 3), w);
        assert!(
            line.contains("Esc list") && line.contains("q quit"),
            "{w}: {line:?}"
        );
    }
}

/// `? help` is the last hint to go, in every pane, and the place is cut
/// to leave it room: at 40 columns the list kept `Enter open` over it, the
/// reader `Esc list` and `q quit`, and the sources no hint at all (their
/// place filled the line); `A`'s question dropped "(all sources)", and a
/// source's name (an independent review's finds).
#[test]
fn help_is_the_last_hint_to_go_and_the_question_names_what_it_marks() {
    use docbao::model::{Source, SourceCount};
    use docbao::tui::event::Opening;
    use docbao::tui::state::catchup::{Confirm, Scope};
    let mut t = T::new(40, 12, 80);
    t.open(common::tui::article(1, 3), Opening::Read);
    t.state.sidebar.sources = vec![SourceCount {
        error: None,
        source: Source::Feed(1),
        name: "Dân trí - Thể thao".to_string(),
        detail: None,
        unread: 42,
        total: 45,
    }];
    t.state.sidebar_medium = true;
    for focus in [Focus::List, Focus::Reader, Focus::Sidebar] {
        t.state.focus = focus;
        t.state.status = None;
        for w in 24..=200 {
            let line = t.status_line(w);
            assert!(line.contains("? help"), "{focus:?} at {w}: {line:?}");
        }
    }
    t.state.focus = Focus::List;
    assert_eq!(
        t.status_line(40).trim_end(),
        " Article 1 of 80         ? help  q quit"
    );
    let ask = |scope: Scope| Confirm::MarkAllRead {
        ids: vec![],
        count: 89,
        partial: None,
        scope,
    };
    for w in 30..=120 {
        let all = ask(Scope::Everything).question_in(w);
        assert!(
            all.ends_with("(y/n)") && all.chars().count() <= w,
            "{w}: {all:?}"
        );
        if w >= 33 {
            assert!(
                all.contains("89 ") && all.contains(" read (all sources)?"),
                "{w}: {all:?}"
            );
        }
        let one = ask(Scope::Source("Dân trí - Thể thao".into())).question_in(w);
        assert!(
            one.contains("89 ") && one.contains(" in Dân"),
            "{w}: {one:?}"
        );
        assert!(
            one.ends_with("read? (y/n)") && one.chars().count() <= w,
            "{w}: {one:?}"
        );
    }
    assert_eq!(
        ask(Scope::Everything).question_in(38),
        "Mark 89 read (all sources)? (y/n)"
    );
}
