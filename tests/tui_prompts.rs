//! Text boxes: ← → Home End move the cursor, characters, Backspace and
//! Delete edit at it, in every prompt (search, find, keyword filter, add
//! URL, pipe, write); the terminal's cursor is drawn where it stands. Pure
//! `update` and a `TestBackend` frame, no store.

mod common;

use common::tui::{self, T, dated_row};
use docbao::model::{Article, Paragraph};
use docbao::tui::event::{Event, Loaded, Opening};
use docbao::tui::state::{Focus, InputKind};
use docbao::tui::ui;
use docbao::tui::update::Effect;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};
use ratatui::layout::Position;

/// When the rows and the article were published (`w` names the file by the
/// article's date).
const PUBLISHED: &str = "2021-03-05T08:00:00+07:00";

/// An article in Đà Nẵng (one paragraph, from dantri.com.vn).
fn article(id: i64) -> Article {
    Article {
        url: Some(format!("https://dantri.com.vn/xa-hoi/tin-{id}.htm")),
        title: "Đà Nẵng mưa lớn".into(),
        published: Some(PUBLISHED.into()),
        site: Some("dantri.com.vn".into()),
        paragraphs: vec![Paragraph::text("Mưa lớn kéo dài ở Đà Nẵng.")],
        keywords: vec![],
        ..tui::article(id, 0)
    }
}

/// Three rows, published the day the article was.
fn three_rows(w: u16, h: u16) -> T {
    T::with_rows(w, h, (1..=3).map(|id| dated_row(id, PUBLISHED)).collect())
}

impl T {
    fn text(&self) -> (String, usize) {
        let i = self.state.input.as_ref().expect("a prompt");
        (i.text.clone(), i.cursor_column())
    }

    /// Draw a frame; where the terminal's cursor is left.
    fn cursor(&self) -> (Position, String) {
        let mut term =
            Terminal::new(TestBackend::new(self.state.width, self.state.height)).unwrap();
        let frame = term.draw(|f| ui::draw(f, &self.state, &self.cfg)).unwrap();
        let area = frame.area;
        let buf = frame.buffer.clone();
        let pos = term.get_cursor_position().unwrap();
        let line: String = (0..area.width)
            .map(|x| buf[(x, pos.y)].symbol().to_string())
            .collect();
        (pos, line)
    }
}

fn searched(fx: &[Effect]) -> Option<&str> {
    fx.iter().find_map(|e| match e {
        Effect::RunSearch { query, .. } => Some(query.as_str()),
        _ => None,
    })
}

#[test]
fn search_edits_at_the_cursor_and_searches_only_when_the_text_changes() {
    let mut t = three_rows(100, 30);
    t.key('/');
    assert_eq!(searched(&t.chars("thai bnh")), Some("thai bnh"));
    for _ in 0..2 {
        assert_eq!(t.code(KeyCode::Left), vec![], "a move runs no search");
    }
    assert_eq!(t.text(), ("thai bnh".into(), 6));
    assert_eq!(searched(&t.key('i')), Some("thai binh"));
    assert_eq!(t.text(), ("thai binh".into(), 7));
    t.code(KeyCode::Home);
    assert_eq!(searched(&t.code(KeyCode::Delete)), Some("hai binh"));
    t.chars("T");
    assert_eq!(t.text(), ("Thai binh".into(), 1));
    t.code(KeyCode::End);
    assert_eq!(searched(&t.code(KeyCode::Backspace)), Some("Thai bin"));
    t.press(KeyCode::Char('a'), KeyModifiers::CONTROL);
    t.code(KeyCode::Right);
    assert_eq!(t.text().1, 1);
    t.press(KeyCode::Char('e'), KeyModifiers::CONTROL);
    assert_eq!(t.text().1, 8);
    // ctrl-w: the word before the cursor.
    assert_eq!(
        searched(&t.press(KeyCode::Char('w'), KeyModifiers::CONTROL)),
        Some("Thai ")
    );
    // ctrl-h: Backspace as vt100 and some PuTTY settings send it.
    assert_eq!(
        searched(&t.press(KeyCode::Char('h'), KeyModifiers::CONTROL)),
        Some("Thai")
    );
}

#[test]
fn find_filter_and_add_url_edit_at_the_cursor_too() {
    let mut t = three_rows(100, 30);
    // Find in the open article.
    t.state.focus = Focus::Reader;
    t.handle(Event::Loaded(Loaded::Article {
        article: Box::new(article(1)),
        opening: Opening::Read,
    }));
    t.key('/');
    assert_eq!(t.state.input.as_ref().unwrap().kind, InputKind::Find);
    t.chars("Đ Nẵng");
    t.code(KeyCode::Home);
    t.code(KeyCode::Right);
    t.chars("à");
    assert_eq!(t.text(), ("Đà Nẵng".into(), 2));
    assert_eq!(t.state.reader.find.as_deref(), Some("Đà Nẵng"));
    assert!(!t.state.reader.find_hits.is_empty(), "found in the article");
    t.code(KeyCode::Esc);
    // The keyword filter in the sidebar (showing the keywords: `/` filters
    // the list it shows).
    t.state.focus = Focus::Sidebar;
    t.state.sidebar.section = docbao::tui::state::sidebar::Section::Keywords;
    t.handle(Event::Loaded(Loaded::Keywords(vec![
        ("Thái Bình".into(), 4),
        ("Thái Nguyên".into(), 2),
    ])));
    t.key('/');
    t.chars("thai guyen");
    for _ in 0..5 {
        t.code(KeyCode::Left);
    }
    t.chars("n");
    assert_eq!(t.state.sidebar.query, "thai nguyen");
    assert_eq!(t.state.sidebar.visible.len(), 1);
    t.code(KeyCode::Enter);
    // `/` again offers the filter, selected: typing replaces it (it was
    // added to), a cursor key keeps it to edit.
    t.state.focus = Focus::Sidebar;
    t.key('/');
    t.chars("binh");
    assert_eq!(t.state.sidebar.query, "binh");
    t.code(KeyCode::Enter);
    t.state.focus = Focus::Sidebar;
    t.key('/');
    t.code(KeyCode::End);
    t.chars(" thai");
    assert_eq!(t.state.sidebar.query, "binh thai");
    t.code(KeyCode::Enter);
    // The address of a page to save.
    t.state.focus = Focus::List;
    t.key('a');
    t.chars("https://dantri.com.vn/a.htm");
    for _ in 0..4 {
        t.code(KeyCode::Left);
    }
    t.code(KeyCode::Backspace);
    t.chars("b");
    assert_eq!(
        t.code(KeyCode::Enter),
        vec![Effect::FetchPage("https://dantri.com.vn/b.htm".into())]
    );
    // Typed or pasted without its scheme, as `docbao add` takes it: a
    // browser's https://.
    t.key('a');
    t.chars("vnexpress.net/tin-moi.html");
    assert_eq!(
        t.code(KeyCode::Enter),
        vec![Effect::FetchPage(
            "https://vnexpress.net/tin-moi.html".into()
        )]
    );
}

#[test]
fn the_cursor_is_drawn_where_it_stands_wide_characters_counting_two() {
    let mut t = three_rows(100, 30);
    t.key('/');
    t.chars("越南 Việt");
    let prompt = " Search (↑↓ pick, Enter opens, Esc back): /";
    let p = prompt.chars().count() as u16;
    let (pos, line) = t.cursor();
    assert_eq!(pos, Position::new(p + 9, 29));
    assert!(line.starts_with(prompt), "{line}");
    for _ in 0..5 {
        t.code(KeyCode::Left);
    }
    assert_eq!(t.cursor().0, Position::new(p + 4, 29), "after 越南");
    t.code(KeyCode::Left);
    assert_eq!(t.cursor().0, Position::new(p + 2, 29), "between 越 and 南");
    // The keyword filter: in the sidebar's first row, after the "/".
    t.code(KeyCode::Esc);
    t.state.focus = Focus::Sidebar;
    t.key('/');
    t.chars("Thái");
    t.code(KeyCode::Left);
    let (pos, line) = t.cursor();
    assert_eq!(pos, Position::new(1 + 1 + 3, 1));
    let inside: String = line.chars().skip(1).collect();
    assert!(inside.starts_with("/Thái "), "{line}");
}

#[test]
fn pipe_and_write_prompts_need_an_article_and_write_is_prefilled() {
    let mut t = three_rows(100, 30);
    t.state.save_dir = "~/Tải về/".into();
    t.key('w');
    assert_eq!(t.state.input, None);
    assert!(t.status().contains("No article open"), "{}", t.status());
    t.handle(Event::Loaded(Loaded::Article {
        article: Box::new(article(1)),
        opening: Opening::Preview,
    }));
    t.key('w');
    assert_eq!(
        t.text(),
        ("~/Tải về/2021-03-05-da-nang-mua-lon.md".into(), 38)
    );
    // Edited in place: ".md" kept, the name changed.
    for _ in 0..3 {
        t.code(KeyCode::Left);
    }
    t.chars("-2");
    let fx = t.code(KeyCode::Enter);
    match fx.as_slice() {
        [Effect::WriteFile { path, text, .. }] => {
            assert_eq!(path, "~/Tải về/2021-03-05-da-nang-mua-lon-2.md");
            assert!(text.starts_with("# Đà Nẵng mưa lớn\n\n"), "{text}");
        }
        other => panic!("{other:?}"),
    }
    // Pipe: a command, Esc cancels, empty does nothing.
    t.key('|');
    assert_eq!(t.state.input.as_ref().unwrap().kind, InputKind::Pipe);
    t.code(KeyCode::Esc);
    assert_eq!(t.state.input, None);
    t.key('|');
    assert_eq!(t.code(KeyCode::Enter), vec![]);
    assert_eq!(t.status(), "No command given: nothing piped");
    t.key('|');
    t.chars("wc -l");
    let fx = t.code(KeyCode::Enter);
    assert!(
        matches!(fx.as_slice(), [Effect::PipeTo { command, text }] if command == "wc -l" && text.contains("Mưa lớn kéo dài ở Đà Nẵng.")),
        "{fx:?}"
    );
    // What the runtime says comes to the status line.
    t.handle(Event::Loaded(Loaded::HandedOff(Err(
        "Pipe failed: exit status 1 (wc -l)".into(),
    ))));
    assert_eq!(t.status(), "Pipe failed: exit status 1 (wc -l)");
    assert!(t.state.status.as_ref().unwrap().error);
}

/// Ctrl-C (and readline's ctrl-g) cancels every prompt as Esc does: it did
/// nothing in the find, save-page and pipe prompts, silently (an independent
/// review's find).
#[test]
fn ctrl_c_cancels_a_prompt_as_esc_does() {
    let mut t = three_rows(100, 30);
    t.state.focus = Focus::Reader;
    t.handle(Event::Loaded(Loaded::Article {
        article: Box::new(article(1)),
        opening: Opening::Read,
    }));
    for (key, kind) in [
        ('/', InputKind::Find),
        ('a', InputKind::AddUrl),
        ('|', InputKind::Pipe),
        ('w', InputKind::WritePath),
    ] {
        for cancel in ['c', 'g'] {
            t.key(key);
            assert_eq!(t.state.input.as_ref().map(|i| i.kind), Some(kind), "{key}");
            t.chars("abc");
            assert_eq!(
                t.press(KeyCode::Char(cancel), KeyModifiers::CONTROL),
                vec![]
            );
            assert_eq!(t.state.input, None, "{key} ctrl-{cancel}");
        }
    }
    // The find typed is dropped with it, as with Esc.
    t.key('/');
    t.chars("Đà");
    assert!(!t.state.reader.find_hits.is_empty());
    t.press(KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert!(t.state.reader.find_hits.is_empty());
}

/// Review item 12: the find prompt offered the find before as text to add
/// to ("/gal gadot", later / and "gadot" gave "gal gadotgadot"). It is
/// offered selected: typing replaces it, Enter takes it again, a cursor key
/// keeps it to edit; drawn apart from the label (in the find's `match`
/// style) while it is selected.
#[test]
fn the_find_before_is_offered_selected_and_typing_replaces_it() {
    let mut t = three_rows(100, 30);
    t.state.focus = Focus::Reader;
    t.open(article(1), Opening::Read);
    t.key('/');
    t.chars("mưa lớn");
    t.code(KeyCode::Enter);
    assert_eq!(t.state.reader.find_hits.len(), 2, "title and paragraph");
    // Again: the find before, selected.
    t.key('/');
    assert_eq!(t.text(), ("mưa lớn".into(), 7));
    let (pos, line) = t.cursor();
    let selected = t.cfg.theme.style(docbao::tui::ui::theme::Role::Match);
    let label = t.cfg.theme.style(docbao::tui::ui::theme::Role::Status);
    assert_ne!(selected, label, "the text stands apart from the label");
    let mut term = Terminal::new(TestBackend::new(100, 30)).unwrap();
    let buf = term
        .draw(|f| ui::draw(f, &t.state, &t.cfg))
        .unwrap()
        .buffer
        .clone();
    let start = line.find("mưa").map(|b| line[..b].chars().count()).unwrap();
    assert_eq!(
        buf[(start as u16, pos.y)].style().add_modifier,
        selected.add_modifier
    );
    // Typing replaces it.
    t.chars("đà nẵng");
    assert_eq!(t.text(), ("đà nẵng".into(), 7));
    assert_eq!(t.state.reader.find.as_deref(), Some("đà nẵng"));
    t.code(KeyCode::Enter);
    assert_eq!(t.status(), "2 matches: n next, N previous");
    // Enter alone takes it again; a cursor key keeps it to edit.
    t.key('/');
    t.code(KeyCode::Enter);
    assert_eq!(t.state.reader.find.as_deref(), Some("đà nẵng"));
    assert_eq!(t.status(), "2 matches: n next, N previous");
    t.key('/');
    t.code(KeyCode::End);
    t.code(KeyCode::Backspace);
    t.chars("ng");
    assert_eq!(t.text(), ("đà nẵnng".into(), 8));
    t.code(KeyCode::Esc);
    // Backspace on the offered text clears it.
    t.key('/');
    t.chars("mưa");
    t.code(KeyCode::Enter);
    t.key('/');
    t.code(KeyCode::Backspace);
    assert_eq!(t.text(), (String::new(), 0));
}

#[test]
fn a_paste_is_text_in_a_prompt_and_no_key_elsewhere() {
    let mut t = T::new(120, 40, 5);
    // In the list: nothing runs (no `m`, no `y`), the status says why.
    let fx = t.handle(Event::Paste("mmy\rj".into())).expect("drawn");
    assert_eq!(fx, vec![]);
    assert_eq!(t.state.list.selected, 0);
    assert!(
        t.status().starts_with("Pasted text goes in a prompt"),
        "{}",
        t.status()
    );
    // In the search box: one line, one search.
    t.key('/');
    let fx = t.handle(Event::Paste("Hà Nội\r\nmưa\tlớn".into())).unwrap();
    assert_eq!(t.state.input.as_ref().unwrap().text, "Hà Nội mưa lớn");
    assert_eq!(
        fx.iter()
            .filter(|e| matches!(e, Effect::RunSearch { .. }))
            .count(),
        1,
        "{fx:?}"
    );
    // A whole article pasted by mistake is cut to its start.
    t.code(KeyCode::Esc);
    t.key('/');
    t.handle(Event::Paste("chữ ".repeat(1_000)));
    assert_eq!(t.state.input.as_ref().unwrap().text.chars().count(), 2_000);
    t.code(KeyCode::Esc);
    // The help waits for a key: a paste is none.
    t.key('?');
    assert!(t.state.help_open);
    assert_eq!(t.handle(Event::Paste("q".into())), None);
    assert!(t.state.help_open);
}

/// The find prompt's label is whole or in its short form at every width
/// from 10 columns, never cut: the long one cut at half the line hid its "/"
/// from about 93 to 107 columns, the short one below 16 (two independent
/// reviews' finds).
#[test]
fn the_find_prompts_label_is_never_cut() {
    let long = " Find in article (Enter keeps, then n/N; Esc back): /le";
    // The prompt's line at `w` columns, "le" typed in an open article (at
    // the narrowest, the typed text scrolls: the label stays whole).
    let find_line = |w: u16| {
        let mut t = three_rows(w, 30);
        t.state.focus = Focus::Reader;
        t.handle(Event::Loaded(Loaded::Article {
            article: Box::new(article(1)),
            opening: Opening::Read,
        }));
        t.key('/');
        t.chars("le");
        t.cursor().1
    };
    let mut seen = (false, false);
    for w in 10..=200 {
        let line = find_line(w);
        if line.starts_with(long) {
            seen.1 = true;
        } else {
            assert!(line.starts_with(" Find: /"), "{w} columns: {line:?}");
            seen.0 = true;
        }
    }
    assert_eq!(seen, (true, true), "both forms at some width");
    // At the default 100 columns, the short one.
    assert!(find_line(100).starts_with(" Find: /le"));
}
