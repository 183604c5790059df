//! The help popup lists every binding of the keymap, grouped by pane, each
//! action on one row with all its keys.

use docbao::tui::action::Action;
use docbao::tui::config::{Config, DEFAULT_CONFIG};
use docbao::tui::keymap::Key;
use docbao::tui::state::Focus;
use docbao::tui::ui::help::{HelpRow, help_lines, help_rows};

/// The rows of one section (after its heading, up to the next one).
fn section(rows: &[HelpRow], heading: &str) -> Vec<(Vec<String>, String)> {
    let start = rows
        .iter()
        .position(|r| *r == HelpRow::Heading(leak(heading)))
        .unwrap_or_else(|| panic!("no section {heading:?} in {rows:?}"));
    rows[start + 1..]
        .iter()
        .take_while(|r| matches!(r, HelpRow::Keys { .. }))
        .map(|r| match r {
            HelpRow::Keys { keys, help } => {
                (keys.split(' ').map(str::to_string).collect(), help.clone())
            }
            HelpRow::Heading(_) => unreachable!(),
        })
        .collect()
}

/// The rows of an 80×24 screen drawn from `s`, each cell's symbol.
fn screen_rows(s: &docbao::tui::state::AppState, cfg: &Config) -> Vec<String> {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    let mut term = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let frame = term
        .draw(|f| docbao::tui::ui::draw(f, s, cfg))
        .unwrap()
        .buffer
        .clone();
    (0..24)
        .map(|y| (0..80).map(|x| frame[(x, y)].symbol()).collect())
        .collect()
}

fn leak(s: &str) -> &'static str {
    Box::leak(s.to_string().into_boxed_str())
}

fn heading(table: &str) -> &'static str {
    match table {
        "keys" => "Everywhere",
        "list" => "In the article list",
        "reader" => "In the reader",
        "sidebar" => "In the sidebar",
        other => panic!("unknown table {other}"),
    }
}

#[test]
fn every_key_of_the_default_config_is_in_the_help_under_its_pane() {
    let cfg = Config::defaults();
    let doc: toml::Table = DEFAULT_CONFIG.parse().expect("the default config parses");
    let keys = doc["keys"].as_table().expect("[keys]");
    let mut tables = vec![("keys", keys.clone())];
    for (name, v) in keys {
        if let Some(t) = v.as_table() {
            tables.push((name.as_str(), t.clone()));
        }
    }
    let mut checked = 0;
    for focus in [Focus::List, Focus::Reader, Focus::Sidebar] {
        let rows = help_rows(&cfg.keymap, focus);
        for (table, bindings) in &tables {
            let rows = section(&rows, heading(table));
            for (key, action) in bindings {
                let Some(action) = action.as_str() else {
                    continue; // a [keys.pane] table
                };
                let label = Key::parse(key)
                    .unwrap_or_else(|| panic!("{key} parses"))
                    .label();
                let a = Action::from_name(action).unwrap_or_else(|| panic!("{action}"));
                let found = rows.iter().any(|(keys, help)| {
                    if let Action::OpenRelated(n) = a {
                        // One row for the nine.
                        keys == &["1–9"]
                            && help == "open related story 1–9"
                            && label == n.to_string()
                    } else {
                        help == a.help() && keys.contains(&label)
                    }
                });
                assert!(
                    found,
                    "{key} = {action} ([{table}]) is not in the help opened in {focus:?}: {rows:?}"
                );
                checked += 1;
            }
        }
    }
    // Every binding (60 in the defaults), from each pane's help.
    let bindings: usize = tables
        .iter()
        .map(|(_, t)| t.values().filter(|v| v.is_str()).count())
        .sum();
    assert!(bindings >= 60, "{bindings}");
    assert_eq!(checked, 3 * bindings);
}

#[test]
fn keys_sharing_an_action_share_its_row_and_read_as_typed() {
    let cfg = Config::defaults();
    let rows = help_rows(&cfg.keymap, Focus::List);
    let everywhere = section(&rows, "Everywhere");
    let row = |help: &str| {
        everywhere
            .iter()
            .find(|(_, h)| h == help)
            .map(|(k, _)| k.join(" "))
            .unwrap_or_else(|| panic!("no row for {help}"))
    };
    assert_eq!(row("a page down"), "PgDn C-f");
    assert_eq!(
        row("a page down; at the end of an article, the next one"),
        "Space"
    );
    assert_eq!(row("a page up"), "b PgUp C-b");
    assert_eq!(row("quit docbao"), "q C-c");
    assert_eq!(
        row("sidebar: sources, then keywords, then hidden"),
        "\\",
        "one backslash"
    );
    // Each action once per section.
    let mut helps: Vec<&String> = everywhere.iter().map(|(_, h)| h).collect();
    let n = helps.len();
    helps.sort();
    helps.dedup();
    assert_eq!(helps.len(), n);

    // The reader's own keys: the nine related stories on one row.
    let reader = section(&rows, "In the reader");
    let related: Vec<_> = reader
        .iter()
        .filter(|(_, h)| h.starts_with("open related story"))
        .collect();
    assert_eq!(
        related,
        vec![&(
            vec!["1–9".to_string()],
            "open related story 1–9".to_string()
        )]
    );
}

#[test]
fn the_focused_panes_keys_come_first_then_the_ones_everywhere() {
    let cfg = Config::defaults();
    let headings = |focus| -> Vec<&'static str> {
        help_rows(&cfg.keymap, focus)
            .into_iter()
            .filter_map(|r| match r {
                HelpRow::Heading(h) => Some(h),
                HelpRow::Keys { .. } => None,
            })
            .collect()
    };
    assert_eq!(
        headings(Focus::Reader),
        [
            "In the reader",
            "Everywhere",
            "In the sidebar",
            "In a prompt"
        ],
        "the list has no table of its own in the defaults"
    );
    assert_eq!(
        headings(Focus::List),
        [
            "Everywhere",
            "In the reader",
            "In the sidebar",
            "In a prompt"
        ]
    );
}

#[test]
fn a_digit_rebound_breaks_the_one_row_into_the_bindings_there_are() {
    let mut cfg = Config::defaults();
    cfg.apply(
        "c.toml",
        "[keys.reader]\n5 = \"none\"\nf5 = \"open_related_5\"\n",
        false,
    )
    .unwrap();
    let rows = help_rows(&cfg.keymap, Focus::Reader);
    let reader = section(&rows, "In the reader");
    assert!(!reader.iter().any(|(k, _)| k == &["1–9"]));
    assert!(reader.contains(&(vec!["F5".into()], "open related story 5".into())));
    assert!(reader.contains(&(vec!["9".into()], "open related story 9".into())));
}

#[test]
fn no_key_is_cut_at_narrow_widths() {
    let cfg = Config::defaults();
    for inner in [36usize, 62] {
        let lines = help_lines(&cfg.keymap, Focus::Reader, inner);
        let text: String = lines.iter().map(|(l, _)| format!("{l}\n")).collect();
        for (l, _) in &lines {
            assert!(
                unicode_width::UnicodeWidthStr::width(l.as_str()) <= inner,
                "{inner}: {l:?}"
            );
        }
        for row in ["PgDn C-f", "b PgUp C-b", "1–9", "S-Tab", "H BkSp", "Space"] {
            assert!(text.contains(row), "{inner}: {row} in\n{text}");
        }
        // Help text wraps instead of being cut.
        assert!(!text.contains('…'), "{inner}:\n{text}");
        let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            words.contains("H BkSp back to the article before (after following a related story)"),
            "{inner}:\n{text}"
        );
    }
}

#[test]
fn the_help_scrolls_no_further_than_its_last_page() {
    use docbao::tui::event::Event;
    use docbao::tui::state::AppState;
    use docbao::tui::update::handle;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let cfg = Config::defaults();
    let mut s = AppState::new(80, 24, true);
    let key = |s: &mut AppState, c: char| {
        let k = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        handle(s, &cfg.keymap, Event::Key(k));
    };
    key(&mut s, '?');
    assert!(s.help_open);
    let max = docbao::tui::ui::help::max_scroll(&cfg.keymap, &s);
    assert!(max > 10, "the help is longer than a 24-row screen: {max}");
    for _ in 0..200 {
        key(&mut s, 'j');
    }
    assert_eq!(s.help_scroll, max, "j stops at the last page");
    key(&mut s, 'k');
    assert_eq!(
        s.help_scroll,
        max - 1,
        "k moves at once, not after 200 presses"
    );
    key(&mut s, 'g');
    assert_eq!(s.help_scroll, 0);
    key(&mut s, 'G');
    assert_eq!(s.help_scroll, max, "G goes to the last page");
    // A page key moves a page: the popup's 21 rows at 24, above the status
    // line (it moved 5).
    key(&mut s, 'g');
    key(&mut s, ' ');
    assert_eq!(s.help_scroll, 21.min(max), "Space: a page down");
    let ctrl = |s: &mut AppState, c: char| {
        let k = KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
        handle(s, &cfg.keymap, Event::Key(k));
    };
    key(&mut s, 'g');
    ctrl(&mut s, 'd');
    assert_eq!(
        s.help_scroll,
        11.min(max),
        "ctrl-d: half a page (rounded up)"
    );
    ctrl(&mut s, 'u');
    assert_eq!(s.help_scroll, 0);
    // b (page up) goes back a page.
    key(&mut s, 'G');
    key(&mut s, 'b');
    assert_eq!(s.help_scroll, max.saturating_sub(21), "b: a page up");
}

/// Review item 15: the help's "j/k scroll · Esc or ? closes" was its last
/// line, seen only once scrolled to the end. It is in the popup's bottom
/// border, on every page, and every line of the help is still reached.
#[test]
fn how_to_close_the_help_shows_on_every_page() {
    use docbao::tui::event::Event;
    use docbao::tui::state::AppState;
    use docbao::tui::update::handle;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let cfg = Config::defaults();
    let mut s = AppState::new(80, 24, true);
    let key = |s: &mut AppState, c: char| {
        let k = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        handle(s, &cfg.keymap, Event::Key(k));
    };
    let screen = |s: &AppState| screen_rows(s, &cfg);
    key(&mut s, '?');
    let max = docbao::tui::ui::help::max_scroll(&cfg.keymap, &s);
    let last_help_line = help_lines(&cfg.keymap, s.focus, 62)
        .last()
        .map(|(l, _)| l.trim().to_string())
        .unwrap();
    for scroll in 0..=max {
        s.help_scroll = scroll;
        let rows = screen(&s);
        let bottom = rows
            .iter()
            .rposition(|r| r.contains('┗'))
            .expect("the popup's foot");
        assert!(
            rows[bottom].contains("j/k scroll · Esc or ? closes"),
            "at {scroll}: {:?}",
            rows[bottom]
        );
        // Above the status line, never over it (its bottom border was
        // drawn over the line's text: an independent review's find).
        assert!(
            bottom < rows.len() - 1,
            "at {scroll}: the popup on the status line"
        );
        let shown = rows.join("\n");
        assert_eq!(
            shown.contains(&last_help_line),
            scroll == max,
            "the last line of the help only on the last page ({scroll} of {max})"
        );
    }
}

/// Review (tester a, 7): the help did not say that Esc in the list clears
/// the source and keyword filters, nor how to edit in a prompt. The
/// prompt's keys are listed as `update_input` takes them, in every prompt.
#[test]
fn esc_and_the_prompts_editing_keys_are_in_the_help() {
    let cfg = Config::defaults();
    for focus in [Focus::List, Focus::Reader, Focus::Sidebar] {
        let rows = help_rows(&cfg.keymap, focus);
        let everywhere = section(&rows, "Everywhere");
        let esc = everywhere
            .iter()
            .find(|(k, _)| k.contains(&"Esc".to_string()))
            .expect("an Esc row");
        assert!(
            esc.1.contains("source and keyword filters"),
            "{focus:?}: {esc:?}"
        );
        let prompt = section(&rows, "In a prompt");
        let keys: Vec<String> = prompt.iter().flat_map(|(k, _)| k.clone()).collect();
        for k in [
            "←", "→", "Home", "End", "BkSp", "Del", "C-u", "C-w", "Enter", "Esc", "↑", "↓",
        ] {
            assert!(
                keys.contains(&k.to_string()),
                "{focus:?}: {k} in {prompt:?}"
            );
        }
        let text: String = prompt.iter().map(|(_, h)| format!("{h}\n")).collect();
        for k in ["C-a", "C-e", "C-n", "C-p", "Tab"] {
            assert!(text.contains(k), "{focus:?}: {k} in {prompt:?}");
        }
        let row = |key: &str| {
            prompt
                .iter()
                .find(|(k, _)| k.contains(&key.to_string()))
                .map(|(_, h)| h.clone())
                .unwrap_or_default()
        };
        assert!(row("C-u").contains("to the start"), "{prompt:?}");
        assert!(row("C-w").contains("word before"), "{prompt:?}");
    }
}

/// Review (tester D, 5): with keys rebound, the help's foot, its line for
/// `/`, the find prompt and a find's count named the default keys.
#[test]
fn hints_name_the_keys_as_bound() {
    use docbao::tui::event::Event;
    use docbao::tui::state::AppState;
    use docbao::tui::update::handle;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let mut cfg = Config::defaults();
    cfg.apply(
        "rebind.toml",
        "[keys]\nj = \"up\"\nk = \"down\"\nf1 = \"help\"\n\"?\" = \"none\"\n\
         q = \"none\"\nx = \"quit\"\n\
         [keys.reader]\nn = \"none\"\nctrl-j = \"next_article\"\n",
        false,
    )
    .unwrap();
    let mut s = AppState::new(80, 24, true);
    handle(&mut s, &cfg.keymap, Event::Start);
    let foot = |s: &AppState| -> String {
        (screen_rows(s, &cfg).into_iter())
            .find(|r| r.contains('┗'))
            .unwrap_or_default()
    };
    handle(
        &mut s,
        &cfg.keymap,
        Event::Key(KeyEvent::new(KeyCode::F(1), KeyModifiers::NONE)),
    );
    assert!(s.help_open);
    let row = foot(&s);
    assert!(row.contains("k/j scroll · Esc or F1 closes"), "{row}");
    let reader = help_rows(&cfg.keymap, Focus::Reader);
    let find = reader
        .iter()
        .find_map(|r| match r {
            HelpRow::Keys { help, .. } if help.starts_with("find in this article") => {
                Some(help.clone())
            }
            _ => None,
        })
        .unwrap();
    assert_eq!(
        find,
        "find in this article; then C-j / N between matches (from the screen once scrolled away)"
    );
    assert_eq!(s.keys.next_match, "C-j");
    assert_eq!(s.keys.prev_match, "N");
    // Quitting while pages are being saved names the quit key as bound.
    s.help_open = false;
    s.saving = vec!["https://a.vn/1".into(), "https://a.vn/2".into()];
    let x = Event::Key(KeyEvent::new(KeyCode::Char('x'), KeyModifiers::NONE));
    handle(&mut s, &cfg.keymap, x.clone());
    assert!(!s.quit);
    assert_eq!(
        s.status.as_ref().map(|m| m.text.as_str()),
        Some("Quitting once 2 pages saved… (x again quits without them)")
    );
    handle(&mut s, &cfg.keymap, x);
    assert!(s.quit);
}

/// The sidebar's `/` says what it filters in each of its lists: it said
/// "type to filter the keywords", and in the sources it did, leaving them
/// (a tester's report).
#[test]
fn the_sidebar_slash_says_it_filters_the_sources_or_the_keywords() {
    let cfg = Config::defaults();
    let rows = help_rows(&cfg.keymap, Focus::Sidebar);
    let slash = rows
        .iter()
        .find_map(|r| match r {
            HelpRow::Keys { keys, help } if keys == "/" => Some(help.clone()),
            _ => None,
        })
        .unwrap();
    assert!(
        slash.contains("the sources by name") && slash.contains("the keywords"),
        "{slash}"
    );
}

/// `"none"` in a pane's table unbinds the key there even when `[keys]`
/// binds it: it fell through to the global binding (`o` still opened the
/// link in the reader, `/` searched in the sidebar; an independent review's
/// find). The help lists such a key under the panes where it still acts,
/// not "Everywhere", and the hints agree.
#[test]
fn none_in_a_pane_unbinds_a_key_the_global_table_binds() {
    use docbao::tui::keymap::Context;
    let mut cfg = Config::defaults();
    cfg.apply(
        "none.toml",
        "[keys.reader]\no = \"none\"\n[keys.sidebar]\n\"/\" = \"none\"\n[keys.list]\nj = \"none\"\n",
        false,
    )
    .unwrap();
    let k = |s: &str| Key::parse(s).unwrap();
    let km = &cfg.keymap;
    assert_eq!(km.resolve(Context::Reader, k("o")), None);
    assert_eq!(km.resolve(Context::List, k("o")), Some(Action::OpenLink));
    assert_eq!(km.resolve(Context::Sidebar, k("/")), None);
    assert_eq!(km.resolve(Context::List, k("/")), Some(Action::Search));
    assert_eq!(km.resolve(Context::Reader, k("/")), Some(Action::Find));
    assert_eq!(km.resolve(Context::List, k("j")), None);
    assert_eq!(km.resolve(Context::Reader, k("j")), Some(Action::Down));
    assert_eq!(km.hint(Context::Reader, Action::OpenLink), None);
    assert_eq!(
        km.hint(Context::List, Action::Down).as_deref(),
        Some("↓"),
        "the list's hint names the key that still moves"
    );
    let keys_of = |rows: &[HelpRow], heading: &str| -> Vec<String> {
        section(rows, heading)
            .into_iter()
            .flat_map(|(keys, _)| keys)
            .collect()
    };
    for focus in [Focus::List, Focus::Reader, Focus::Sidebar] {
        let rows = help_rows(km, focus);
        let everywhere = keys_of(&rows, "Everywhere");
        for gone in ["o", "j", "/"] {
            assert!(
                !everywhere.contains(&gone.to_string()),
                "{gone} is not everywhere: {everywhere:?}"
            );
        }
        let list = keys_of(&rows, "In the article list");
        assert!(list.contains(&"o".to_string()), "{list:?}");
        assert!(list.contains(&"/".to_string()), "{list:?}");
        assert!(!list.contains(&"j".to_string()), "{list:?}");
        let reader = keys_of(&rows, "In the reader");
        assert!(!reader.contains(&"o".to_string()), "{reader:?}");
        assert!(reader.contains(&"j".to_string()), "{reader:?}");
        let sidebar = keys_of(&rows, "In the sidebar");
        assert!(sidebar.contains(&"o".to_string()), "{sidebar:?}");
        assert!(sidebar.contains(&"j".to_string()), "{sidebar:?}");
        assert!(!sidebar.contains(&"/".to_string()), "{sidebar:?}");
    }
}

/// Every key the help shows can be written in the config as shown ("S-Tab",
/// "BkSp", "↓" were refused or taken as characters no key sends).
#[test]
fn every_key_the_help_shows_can_be_written_as_shown() {
    let cfg = Config::defaults();
    for focus in [Focus::List, Focus::Reader, Focus::Sidebar] {
        for row in help_rows(&cfg.keymap, focus) {
            let HelpRow::Keys { keys, .. } = row else {
                continue;
            };
            for shown in keys.split(' ').filter(|k| *k != "1–9") {
                let key =
                    Key::parse_config(shown).unwrap_or_else(|e| panic!("{shown:?} as shown: {e}"));
                assert_eq!(key.label(), shown);
            }
        }
    }
}

/// The messages that name a key name it as bound: "press Enter", "(Enter)",
/// "/ to search, a to save a page" and the help's undo named the default
/// keys after `enter = "none"` and `o = "open"` (an independent review's
/// find); an action with no key is said as the hints say it.
#[test]
fn messages_name_the_keys_as_bound() {
    use docbao::tui::event::Event;
    use docbao::tui::keymap::Context;
    use docbao::tui::state::AppState;
    use docbao::tui::update::handle;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let mut cfg = Config::defaults();
    cfg.apply(
        "rebind.toml",
        "[keys]\nenter = \"none\"\n\"/\" = \"none\"\nctrl-s = \"search\"\na = \"none\"\n\
         ctrl-a = \"add_page\"\nm = \"none\"\nx = \"toggle_read\"\nw = \"none\"\n\
         W = \"write_article\"\n[keys.list]\no = \"open\"\n",
        false,
    )
    .unwrap();
    let mut s = AppState::new(80, 24, true);
    handle(&mut s, &cfg.keymap, Event::Start);
    let status = |s: &AppState| s.status.as_ref().map(|m| m.text.clone());
    assert!(
        screen_rows(&s, &cfg)
            .iter()
            .any(|r| r.contains("Select an article and press o")),
        "{:#?}",
        screen_rows(&s, &cfg)
    );
    let key = |c: char| Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::SHIFT));
    handle(&mut s, &cfg.keymap, key('W'));
    assert_eq!(
        status(&s).as_deref(),
        Some("No article open: open one first (o)")
    );
    handle(
        &mut s,
        &cfg.keymap,
        Event::Key(KeyEvent::new(KeyCode::Char('z'), KeyModifiers::NONE)),
    );
    assert_eq!(status(&s).as_deref(), Some("Open an article first (o)"));
    handle(&mut s, &cfg.keymap, Event::Paste("Hà Nội".into()));
    assert_eq!(
        status(&s).as_deref(),
        Some("Pasted text goes in a prompt: C-s to search, C-a to save a page")
    );
    let undo = help_rows(&cfg.keymap, Focus::List)
        .into_iter()
        .find_map(|r| match r {
            HelpRow::Keys { help, .. } if help.starts_with("undo") => Some(help),
            _ => None,
        })
        .unwrap();
    assert_eq!(undo, "undo the last marking (A, x, s)");
    // No key opens: said as the hints say it.
    cfg.apply("none.toml", "[keys.list]\no = \"none\"\n", false)
        .unwrap();
    assert_eq!(cfg.keymap.hint(Context::List, Action::Open), None);
    let mut s = AppState::new(80, 24, true);
    handle(&mut s, &cfg.keymap, Event::Start);
    assert!(
        screen_rows(&s, &cfg)
            .iter()
            .any(|r| r.contains("Select an article and press (open"))
    );
}

/// Every action is named in the default config `--print-default-config`
/// prints, bound or in a comment (`prev_match` was in neither, nor in the
/// README); bound to a key, `prev_match` is the key the find names.
#[test]
fn every_action_is_in_the_default_config_and_prev_match_is_named_when_bound() {
    for (_, name, _) in docbao::tui::action::ACTIONS {
        assert!(
            DEFAULT_CONFIG.contains(&format!("\"{name}\"")),
            "{name} is not in the default config"
        );
    }
    let readme = include_str!("../README.md");
    assert!(readme.contains("`prev_match`"));
    let mut cfg = Config::defaults();
    cfg.apply("p.toml", "[keys.reader]\nP = \"prev_match\"\n", false)
        .unwrap();
    let names = cfg.keymap.names();
    assert_eq!(
        (names.next_match.as_str(), names.prev_match.as_str()),
        ("n", "P")
    );
}
