//! The sources sidebar drawn on a `TestBackend` (an exploratory tester's
//! items): two feeds of one title read the same at every width when the
//! part of their detail that tells them apart was cut; a source of 100,000
//! articles had its name squeezed to four letters by its counts, and
//! `dantri.com.vn` to six by "2.651/2.653".

mod common;

use common::tui::buffer_row;
use docbao::model::{Source, SourceCount};
use docbao::text::url::tell_apart;
use docbao::tui::config::Config;
use docbao::tui::state::AppState;
use docbao::tui::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The sidebar's rows (inside its border) of a screen `w` columns wide.
fn sidebar_rows(sources: Vec<SourceCount>, w: u16) -> Vec<String> {
    let cfg = Config::defaults();
    let mut state = AppState::new(w, 12, true);
    // Below 100 columns the sidebar shows when asked for (`\`).
    state.sidebar_medium = true;
    state.sidebar.sources = sources;
    let sidebar = state.panes().sidebar.expect("the sidebar shows");
    let mut term = Terminal::new(TestBackend::new(w, 12)).unwrap();
    term.draw(|f| ui::draw(f, &state, &cfg)).unwrap();
    let buf = term.backend().buffer().clone();
    (sidebar.y + 1..sidebar.y + sidebar.height - 1)
        .map(|y| {
            buffer_row(&buf, y, sidebar.x + 1..sidebar.x + sidebar.width - 1)
                .trim_end()
                .to_string()
        })
        .collect()
}

/// Feeds as the store lists them: their details from `tell_apart` on
/// their addresses, as `Store::sources` gives them.
fn feeds(feeds: &[(&str, &str)], unread: i64, total: i64) -> Vec<SourceCount> {
    let rows: Vec<(i64, &str, &str)> = feeds
        .iter()
        .enumerate()
        .map(|(i, &(title, url))| (i as i64 + 1, title, url))
        .collect();
    tell_apart(&rows)
        .into_iter()
        .zip(&rows)
        .map(|(detail, &(id, title, _))| SourceCount {
            error: None,
            source: Source::Feed(id),
            name: title.to_string(),
            detail,
            unread,
            total,
        })
        .collect()
}

#[test]
fn feeds_of_one_title_read_apart_at_every_width() {
    let title = "Tin mới nhất - VnExpress RSS";
    let pairs = [
        // The same site's feed, and a copy of it served from elsewhere.
        (
            "https://vnexpress.net/rss/tin-moi-nhat.rss",
            "https://vnexpress.net.example.org/rss/tin-moi-nhat.rss",
        ),
        // One host, two files named alike.
        (
            "http://127.0.0.1:8080/vnexpress-tin-moi-nhat.rss",
            "http://127.0.0.1:8080/vnexpress-tin-moi-nhat-2.rss",
        ),
        // Hosts of one name but the first label.
        (
            "https://vnexpress.net/rss/a.rss",
            "https://e.vnexpress.net/rss/a.rss",
        ),
    ];
    for (a, b) in pairs {
        let sources = feeds(&[(title, a), (title, b)], 25, 25);
        for w in 61..=240 {
            let rows = sidebar_rows(sources.clone(), w);
            assert_ne!(rows[0], rows[1], "{a} and {b} at {w} columns: {rows:?}");
            for row in &rows[..2] {
                assert!(row.ends_with(" 25/25"), "{w}: {row:?}");
                assert!(row.contains("Tin"), "{w}: the title stays: {row:?}");
            }
        }
    }
}

/// A paper's section feeds, named "Paper - Section": cut at their end
/// they read alike ("Dân trí - Sức …" twice, a tester's report); each
/// keeps where it differs from the others at every width.
#[test]
fn section_feeds_of_one_paper_read_apart_at_every_width() {
    let titles = [
        "Dân trí - Sức khỏe",
        "Dân trí - Sức mạnh số",
        "Dân trí - Thế giới",
        "Dân trí - Thể thao",
        "VnExpress",
    ];
    let rows: Vec<(&str, String)> = titles
        .iter()
        .enumerate()
        .map(|(i, t)| (*t, format!("https://example.vn/{i}.rss")))
        .collect();
    let pairs: Vec<(&str, &str)> = rows.iter().map(|(t, u)| (*t, u.as_str())).collect();
    let sources = feeds(&pairs, 30, 30);
    for w in 61..=240 {
        let rows = sidebar_rows(sources.clone(), w);
        for i in 0..titles.len() {
            for j in i + 1..titles.len() {
                assert_ne!(rows[i], rows[j], "{w} columns: {rows:?}");
            }
        }
        assert!(rows[4].contains("VnExpress"), "{w}: {rows:?}");
        assert!(
            rows.iter().take(5).all(|r| r.ends_with(" 30/30")),
            "{rows:?}"
        );
    }
    // The status line names the one under the cursor whole.
    let mut state = AppState::new(120, 12, true);
    state.sidebar.sources = sources;
    state.focus = docbao::tui::state::Focus::Sidebar;
    state.sidebar.source_selected = 1;
    assert_eq!(
        docbao::tui::ui::status::position_text(&state),
        "Source 2 of 5: Dân trí - Sức mạnh số"
    );
    // The list showing that source: named once (a QA pass saw "Source 3
    // of 3: baomoi.com · baomoi.com"); another one the list shows, after.
    state.list.filter.source = Some(state.sidebar.sources[1].source.clone());
    assert_eq!(
        docbao::tui::ui::status::position_text(&state),
        "Source 2 of 5: Dân trí - Sức mạnh số"
    );
    state.list.filter.source = Some(state.sidebar.sources[4].source.clone());
    let text = docbao::tui::ui::status::position_text(&state);
    assert!(
        text.starts_with("Source 2 of 5: Dân trí - Sức mạnh số · ") && text.contains("VnExpress"),
        "{text}"
    );
}

fn site(name: &str, unread: i64, total: i64) -> Vec<SourceCount> {
    vec![SourceCount {
        error: None,
        source: Source::Site(Some(name.into())),
        name: name.into(),
        detail: None,
        unread,
        total,
    }]
}

#[test]
fn a_large_source_keeps_its_name_and_groups_its_counts() {
    // Room for all of it: the counts grouped as the list's title does.
    let rows = sidebar_rows(site("baomoi.com", 99_998, 100_000), 240);
    let words: Vec<&str> = rows[0].split_whitespace().collect();
    assert_eq!(words, ["baomoi.com", "99.998/100.000"]);
    // At 100 columns (20 inside), the name whole, the counts in thousands
    // rounded down (a tester's report: "dantri… 2.651/2.653", and
    // "baomoi.com  36k/36k" for 35,440).
    let row = |name: &str, unread, total| -> Vec<String> {
        let rows = sidebar_rows(site(name, unread, total), 100);
        rows[0].split_whitespace().map(str::to_string).collect()
    };
    assert_eq!(
        row("dantri.com.vn", 2_651, 2_653),
        ["dantri.com.vn", "2k/2k"]
    );
    assert_eq!(row("baomoi.com", 35_440, 35_440), ["baomoi.com", "35k/35k"]);
    assert_eq!(row("baomoi.com", 0, 35_440), ["baomoi.com", "0/35k"]);
    assert_eq!(row("baomoi.com", 1_584, 35_440), ["baomoi.com", "1k/35k"]);
    // No room for both: the unread count alone.
    assert_eq!(row("baomoi.com", 100_000, 100_000), ["baomoi.com", "100k"]);
}

/// Whatever is read, a source's counts keep one form at one width (the
/// same cell read "36k/36k", then "0/35.440" once all were read), its name
/// whole when the counts can make room, a count in thousands never rounded
/// up.
#[test]
fn counts_keep_one_form_and_never_squeeze_the_name() {
    // The total a count shows, as a range of what it may stand for.
    let stands_for = |shown: &str| -> (i64, i64) {
        match shown.strip_suffix('k') {
            Some(k) => {
                let k: i64 = k.replace('.', "").parse().unwrap();
                (k * 1000, k * 1000 + 999)
            }
            None => {
                let n: i64 = shown.replace('.', "").parse().unwrap();
                (n, n)
            }
        }
    };
    for (name, total) in [
        ("dantri.com.vn", 2_653),
        ("baomoi.com", 35_440),
        ("baomoi.com", 100_000),
        ("vnexpress.net", 999),
    ] {
        for w in (61..=240).step_by(7) {
            let mut forms = Vec::new();
            for unread in [total, total - 2, total / 3, 0] {
                let row = &sidebar_rows(site(name, unread, total), w)[0];
                // Whole, or a column short (its "…" in it) beside "884/2k" (the form is
                // chosen for "2k/2k").
                // Under a thousand the counts cannot shorten: the total
                // stays, as the other sources' do, the name half the row.
                if total < 1000 {
                    assert!(row.contains(&name[..8]), "{w}: {row:?}");
                } else if unread < 1000 && total >= 1000 {
                    assert!(row.contains(&name[..name.len() - 2]), "{w}: {row:?}");
                } else {
                    assert!(row.contains(name), "{w}: {row:?}");
                }
                let counts = row.rsplit(' ').next().unwrap();
                let (u, t) = match counts.split_once('/') {
                    Some((u, t)) => (u, Some(t)),
                    None => (counts, None),
                };
                let (lo, hi) = stands_for(u);
                assert!(lo <= unread && unread <= hi, "{w}: {row:?} for {unread}");
                if let Some(t) = t {
                    let (lo, hi) = stands_for(t);
                    assert!(lo <= total && total <= hi, "{w}: {row:?} for {total}");
                }
                forms.push(t.map(str::to_string));
            }
            assert!(forms.windows(2).all(|p| p[0] == p[1]), "{w}: {forms:?}");
        }
    }
}

#[test]
fn a_feed_whose_last_update_failed_is_marked_and_the_status_line_says_why() {
    // Nothing in the reader showed which feeds failed, nor why: only the
    // first failure's message after `U`, and `docbao feed list`.
    let mut sources = feeds(
        &[
            ("Tin mới", "https://a.vn/rss"),
            ("Thể thao", "https://b.vn/rss"),
        ],
        3,
        9,
    );
    sources[1].error =
        Some("https://b.vn/rss: the server answered 503 (service unavailable)".into());
    let rows = sidebar_rows(sources.clone(), 120);
    let row = |name: &str| rows.iter().find(|r| r.contains(name)).unwrap().clone();
    assert!(row("Thể thao").starts_with('!'), "{rows:?}");
    assert!(!row("Tin mới").starts_with('!'), "{rows:?}");
    let mut state = AppState::new(120, 30, true);
    state.sidebar.sources = sources;
    state.focus = docbao::tui::state::Focus::Sidebar;
    let place = |state: &AppState| ui::status::position_text(state);
    let failing = state
        .sidebar
        .sources
        .iter()
        .position(|s| s.error.is_some())
        .unwrap();
    state.sidebar.source_selected = failing;
    assert!(
        place(&state).contains("last update failed: https://b.vn/rss: the server answered 503"),
        "{}",
        place(&state)
    );
    state.sidebar.source_selected = 1 - failing;
    assert!(!place(&state).contains("failed"), "{}", place(&state));
}

/// Why the selected feed failed comes before the key hints: at 100 and 80
/// columns the status line read "Source 3 of 4: Dân trí - Thể thao … Enter
/// filter  / find source …", the reason shown only from 160 columns (an
/// independent review's find). The hints go first, then the feed's address
/// (in its middle first), then the name; the cause always stays.
#[test]
fn why_a_feed_failed_comes_before_the_key_hints_at_every_width() {
    let url = "http://127.0.0.1:8765/the-thao.rss";
    let mut sources = feeds(
        &[
            ("Dân trí - Sức khỏe", "http://127.0.0.1:8765/suc-khoe.rss"),
            ("Dân trí - Thế giới", "http://127.0.0.1:8765/the-gioi.rss"),
            ("Dân trí - Thể thao", url),
            ("Dân trí - Xã hội", "http://127.0.0.1:8765/thoi-su.rss"),
        ],
        42,
        45,
    );
    sources[2].error = Some(format!("{url}: HTTP 404 (not found)"));
    let cfg = Config::defaults();
    let status = |w: u16, h: u16| {
        let mut state = AppState::new(w, h, true);
        state.sidebar_medium = true;
        state.sidebar.sources = sources.clone();
        state.sidebar.source_selected = 2;
        state.focus = docbao::tui::state::Focus::Sidebar;
        let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
        term.draw(|f| ui::draw(f, &state, &cfg)).unwrap();
        buffer_row(term.backend().buffer(), h - 1, 0..w)
    };
    for w in 30..=200 {
        let line = status(w, 24);
        assert!(line.contains("failed: "), "{w}: {line:?}");
        assert!(line.contains(": HTTP 404 (not found)"), "{w}: {line:?}");
        if w >= 80 {
            assert!(
                line.contains("Source 3 of 4: Dân trí - Thể thao · last update failed: "),
                "{w}: {line:?}"
            );
        }
    }
    assert_eq!(
        status(100, 30).trim_end(),
        " Source 3 of 4: Dân trí - Thể thao · last update failed: 127.0.…/the-thao.rss: HTTP 404 (not found)"
    );
    let wide = status(160, 48);
    assert!(
        wide.contains(&format!("failed: {url}: HTTP 404 (not found)")),
        "{wide:?}"
    );
}
