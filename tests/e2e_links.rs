//! End to end: the reader's links as OSC 8 hyperlinks (config
//! `ui.hyperlinks`), checked in the bytes docbao writes to a pseudo-terminal
//! and on the screen `vt100` parses from them: the escape is there around
//! the article's title and a related story's, and the text and every
//! column stay where they were; with `TERM=dumb` or `hyperlinks = "never"`
//! no link is written.

mod common;
mod pty;

use common::Env;
use pty::{ENTER, Term, reader_rows};

const TITLE: &str = "Hà Nội 漢字 tin nhanh";
const ARTICLE: &str = r#"{"title":"Hà Nội 漢字 tin nhanh","url":"https://tin.example.vn/hà-nội.html","date":"2021-03-05","paragraphs":[{"kind":"text","text":"Đoạn một của bài viết, theo nguồn tin.","links":[{"start":38,"end":49,"url":"https://nguon.example.vn/tin"}]}],"related":[{"title":"Tin liên quan một","url":"https://tin.example.vn/lien-quan-1.html","excerpt":"Tóm tắt một."},{"title":"Tin liên quan hai","url":"javascript:alert(1)"}]}"#;
/// The article's address as the link's target: percent-encoded ASCII.
const TARGET: &str = "https://tin.example.vn/h%C3%A0-n%E1%BB%99i.html";

fn prepared() -> Env {
    let env = Env::new();
    env.write("a.jsonl", format!("{ARTICLE}\n").as_bytes());
    env.ok(&["import", env.path("a.jsonl").to_str().unwrap()]);
    env
}

fn open(env: &Env, term: &str) -> Term {
    let mut t = Term::spawn_with_term(&env.db(), env.dir.path(), &["--no-demo"], 80, 24, term);
    t.wait_for("Articles (1)");
    t.send(ENTER);
    t.wait_until("the article and its related stories in the reader", shown);
    t
}

/// The article and its related stories in the reader, read to the end.
fn shown(s: &vt100::Screen) -> bool {
    let rows = reader_rows(s);
    rows.iter().any(|r| r.contains(TITLE))
        && rows.iter().any(|r| r.contains("Tin liên quan hai"))
        && pty::status(s).contains("Article 1 of 1 · 100%")
}

fn quit(mut t: Term) {
    t.send("q");
    t.wait_exit();
}

fn link(target: &str, glyph: &str) -> Vec<u8> {
    format!("\x1b]8;;{target}\x1b\\{glyph}\x1b]8;;\x1b\\").into_bytes()
}

fn count(haystack: &[u8], needle: &[u8]) -> usize {
    haystack
        .windows(needle.len())
        .filter(|w| *w == needle)
        .count()
}

/// The screen's row holding `text`, whole, as the terminal shows it.
fn row_with(t: &Term, text: &str) -> (u16, String) {
    t.with_screen(|s| {
        let cols = s.size().1.get();
        s.rows(0, cols)
            .enumerate()
            .find(|(_, r)| r.contains(text))
            .map(|(i, r)| (i as u16, r))
            .unwrap_or_else(|| panic!("no row shows {text:?}:\n{}", s.contents()))
    })
}

#[test]
fn titles_are_hyperlinks_and_every_column_stays_put() {
    let env = prepared();
    let t = open(&env, "xterm-256color");
    let raw = t.raw();
    // Each glyph of the title is a link of its own to the article's address
    // (ASCII, percent-encoded); the wide 漢 too.
    for glyph in ["H", "à", "漢", "字", "h"] {
        assert!(
            count(&raw, &link(TARGET, glyph)) >= 1,
            "no link around {glyph:?} in the bytes written"
        );
    }
    let related = "https://tin.example.vn/lien-quan-1.html";
    assert!(count(&raw, &link(related, "T")) >= 1);
    // The address listed under "Links" (the text's link "nguồn tin").
    assert!(count(&raw, &link("https://nguon.example.vn/tin", "n")) >= 1);
    // Not a web address: no link.
    assert_eq!(count(&raw, b"\x1b]8;;javascript"), 0);
    // Every link opened is closed, and nothing else reaches the screen: the
    // title row reads as it would without links, its frame where it was.
    let opened = count(&raw, b"\x1b]8;;h");
    assert!(opened > 20, "{opened} links");
    assert_eq!(count(&raw, b"\x1b]8;;\x1b\\"), opened);
    let (row, line) = row_with(&t, TITLE);
    let reader_x = t.with_screen(|s| {
        (0..80u16)
            .rev()
            .find(|&c| pty::cell_is(s, row, c, &["│", "┃"]))
            .unwrap()
    });
    assert_eq!(reader_x, 79, "the reader's right border moved: {line}");
    assert!(line.contains(&format!("{TITLE}  ")), "{line}");
    let (_, rel) = row_with(&t, "1. Tin liên quan một");
    assert!(!rel.contains(']') && !rel.contains("8;;"), "{rel}");
    t.with_screen(|s| {
        let screen = s.contents();
        // No escape shown as text; the only address shown is the one
        // listed under "Links".
        assert!(!screen.contains("8;;"), "{screen}");
        let addresses: Vec<&str> = screen.lines().filter(|l| l.contains("https:")).collect();
        assert_eq!(addresses.len(), 1, "{screen}");
        assert!(
            addresses[0].contains("1. https://nguon.example.vn/tin"),
            "{screen}"
        );
    });
    quit(t);
}

#[test]
fn no_hyperlinks_on_the_linux_console_or_when_turned_off() {
    let env = prepared();
    // (TERM=dumb gets no reader at all: `e2e_pty`.)
    let t = open(&env, "linux");
    assert_eq!(count(&t.raw(), b"\x1b]8;"), 0, "links on TERM=linux");
    quit(t);

    // The same screen with links and without them.
    let t = open(&env, "xterm-256color");
    assert!(count(&t.raw(), b"\x1b]8;") > 0);
    let linked = t.contents();
    quit(t);
    // Over SSH, "auto" writes none (each linked cell costs ~110 bytes);
    // "always" does.
    let mut t = Term::spawn_with_env(
        &env.db(),
        env.dir.path(),
        &["--no-demo"],
        80,
        24,
        &[("SSH_CONNECTION", "10.0.0.2 50000 10.0.0.1 22")],
    );
    t.wait_for("Articles (1)");
    t.send(ENTER);
    t.wait_until("the article and its related stories in the reader", shown);
    assert_eq!(count(&t.raw(), b"\x1b]8;"), 0, "links over SSH");
    assert_eq!(t.contents(), linked);
    quit(t);
    env.write("docbao/config.toml", b"[ui]\nhyperlinks = \"never\"\n");
    let t = open(&env, "xterm-256color");
    assert_eq!(
        count(&t.raw(), b"\x1b]8;"),
        0,
        "links with hyperlinks = \"never\""
    );
    assert_eq!(t.contents(), linked);
    quit(t);
}
