//! End to end, the sidebar: the real binary in a pseudo-terminal on a store
//! of many sources. `/` in the sources finds a source by name (it filtered
//! the keywords and left the sidebar showing them: a tester's report, with
//! 433 sources and no way to find one). Every wait polls the parsed screen
//! with a deadline.

mod common;
mod pty;

use common::Env;
use pty::{ENTER, ESC, start, status};

/// One article on each of `n` sites (`bao-001.vn`…), and one on
/// `vnexpress.net`, as JSON lines, each with the keyword "Hà Nội".
fn many_sites(n: usize) -> String {
    let mut out = String::new();
    let line = |host: &str, i: usize| {
        format!(
            "{{\"title\": \"Tin số {i} của {host}\", \"url\": \"https://{host}/tin-{i}.html\", \
             \"body\": [\"Đoạn thứ nhất của tin số {i}, đủ dài để là một bài báo.\"], \
             \"keywords\": [\"Hà Nội\"]}}\n"
        )
    };
    for i in 1..=n {
        out.push_str(&line(&format!("bao-{i:03}.vn"), i));
    }
    out.push_str(&line("vnexpress.net", 0));
    out
}

/// The sidebar's text (its rows inside the frame, left of the list).
fn sidebar(s: &vt100::Screen) -> String {
    let x = pty::pane_starts(s);
    let width = x.get(1).copied().unwrap_or(0);
    s.rows(0, width).collect::<Vec<_>>().join("\n")
}

#[test]
fn slash_in_the_sources_finds_a_source_and_esc_stays_there() {
    let env = Env::new();
    let file = env.write("sites.jsonl", many_sites(120).as_bytes());
    env.ok(&["import", file.to_str().unwrap()]);

    let mut t = start(&env, 100, 30);
    t.wait_for("Articles (121)");
    t.send("h");
    t.wait_until("the sources focused", |s| {
        status(s).contains("Source 1 of 121")
    });
    // The hint says what `/` does here.
    t.wait_until("the hint for / in the sources", |s| {
        status(s).contains("/ find source")
    });
    t.send("/vne");
    t.wait_until("the sources filtered by name", |s| {
        let side = sidebar(s);
        side.contains("Sources")
            && !side.contains("Keywords")
            && side.contains("/vne")
            && side.contains("vnexpress.net")
            && !side.contains("bao-001.vn")
    });
    // Enter keeps the filter; the keys move among the sources it shows.
    t.send(ENTER);
    t.wait_until("the filter kept, the source selected", |s| {
        status(s).contains("Source 1 of 1: vnexpress.net") && sidebar(s).contains("/vne")
    });
    // Enter again shows that source's articles.
    t.send(ENTER);
    t.wait_for("Articles (1) · vnexpress.net");
    // Back in the sources, `/` offers the filter; Esc drops it and stays
    // in the sources, on the source selected.
    t.send("h/");
    t.send(ESC);
    t.wait_until("every source again, still the sources", |s| {
        let side = sidebar(s);
        side.contains("Sources")
            && !side.contains("Keywords")
            && !side.contains("/vne")
            && status(s).contains("of 121: vnexpress.net")
    });
    // A name matching nothing says so, and Esc brings every source back.
    t.send("/zzz");
    t.wait_for("No source matches");
    t.send(ESC);
    t.wait_until("every source again", |s| {
        sidebar(s).contains("bao-120.vn") && status(s).contains("Source 121 of 121")
    });
    t.send("q");
    assert!(t.wait_exit().success());
}

/// In the keywords `/` still filters the keywords, and the hint says so.
#[test]
fn slash_in_the_keywords_filters_the_keywords() {
    let env = Env::new();
    let file = env.write("sites.jsonl", many_sites(3).as_bytes());
    env.ok(&["import", file.to_str().unwrap()]);

    let mut t = start(&env, 100, 30);
    t.wait_for("Articles (4)");
    t.send("\\");
    t.wait_until("the keywords shown", |s| {
        sidebar(s).contains("Keywords") && status(s).contains("/ find keyword")
    });
    t.send("/zzz");
    t.wait_for("No keyword matches");
    t.send(ESC);
    t.send("q");
    assert!(t.wait_exit().success());
}

/// An empty store's notes are wrapped, never cut: the sidebar showed
/// "No sources yet: doc…", the command it gives lost (a tester's report),
/// and the search's hint lost its examples.
#[test]
fn empty_notes_are_wrapped_not_cut() {
    let env = Env::new();
    let mut t = start(&env, 100, 30);
    t.wait_for("No articles yet");
    t.wait_until("the sidebar's note whole", |s| {
        let side = sidebar(s);
        side.contains("No sources yet:")
            && side.contains("docbao feed add URL")
            && !side.contains('…')
    });
    // The list's own notes, and the search's, at 80 columns.
    t.resize(80, 24);
    t.wait_for("docbao import FILE");
    t.send("/");
    t.wait_until("the search's hint whole", |s| {
        let c = s.contents();
        c.contains("Type to search")
            && c.contains("for a phrase")
            && !c.contains("Type to search: marks optional (…")
    });
    t.send(ESC);
    t.send("q");
    assert!(t.wait_exit().success());
}
