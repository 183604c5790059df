use super::theme::parse_style;
use super::*;
use crate::tui::keymap::Key;
use crate::tui::ui::theme::Role;
use crate::tui::update::panes::acts_in;
use ratatui::style::{Color, Modifier};

#[test]
fn defaults_parse_and_bind_the_documented_keys() {
    let cfg = Config::defaults();
    let k = |s: &str| Key::parse(s).unwrap();
    assert_eq!(
        cfg.keymap.resolve(Context::List, k("j")),
        Some(Action::Down)
    );
    assert_eq!(
        cfg.keymap.resolve(Context::Reader, k("n")),
        Some(Action::NextArticle)
    );
    assert_eq!(
        cfg.keymap.resolve(Context::List, k("q")),
        Some(Action::Quit)
    );
    assert_eq!(
        cfg.keymap.resolve(Context::List, k("?")),
        Some(Action::Help)
    );
    assert_eq!(cfg.borders, Borders::Unicode);
    assert!(
        cfg.theme
            .style(Role::Selected)
            .add_modifier
            .contains(Modifier::REVERSED)
    );
}

#[test]
fn user_overrides_apply_and_unbind() {
    let mut cfg = Config::defaults();
    cfg.apply("u.toml", "[keys]\nx = \"quit\"\nq = \"none\"\n[keys.reader]\nspace = \"next_article\"\n[ui]\nborders = \"ascii\"\n", false)
        .unwrap();
    let k = |s: &str| Key::parse(s).unwrap();
    assert_eq!(
        cfg.keymap.resolve(Context::List, k("x")),
        Some(Action::Quit)
    );
    assert_eq!(cfg.keymap.resolve(Context::List, k("q")), None);
    assert_eq!(
        cfg.keymap.resolve(Context::Reader, k("space")),
        Some(Action::NextArticle)
    );
    assert_eq!(
        cfg.keymap.resolve(Context::List, k("space")),
        Some(Action::ReadOn)
    );
    assert_eq!(cfg.borders, Borders::Ascii);
}

#[test]
fn errors_name_the_file_and_line() {
    let mut cfg = Config::defaults();
    let e = cfg
        .apply(
            "c.toml",
            "[keys]\nj = \"down\"\nx = \"frobnicate\"\n",
            false,
        )
        .unwrap_err();
    assert_eq!((e.file.as_str(), e.line), ("c.toml", 3));
    assert!(
        e.to_string().contains("unknown action \"frobnicate\""),
        "{e}"
    );
    let e = cfg
        .apply("c.toml", "\n[keys.list]\nhyper-q = \"quit\"\n", false)
        .unwrap_err();
    assert_eq!(e.line, 3);
    assert!(e.to_string().contains("unknown key name \"hyper-q\""));
    let e = cfg
        .apply("c.toml", "[theme]\nselected = \"sparkly\"\n", false)
        .unwrap_err();
    assert_eq!(e.line, 2);
    let e = cfg.apply("c.toml", "[colours]\n", false).unwrap_err();
    assert!(e.to_string().contains("unknown section"));
    let e = cfg.apply("c.toml", "[keys\n", false).unwrap_err();
    assert_eq!(e.line, 1);
}

#[test]
fn errors_quote_the_file_cleaned() {
    let mut cfg = Config::defaults();
    let e = cfg
        .apply(
            "evil\u{1b}]0;title\u{7}.toml",
            "[keys]\nx = \"\u{1b}]52;c;Y3VybA==\u{7}quit\"\n",
            false,
        )
        .unwrap_err()
        .to_string();
    assert!(!e.chars().any(|c| c.is_control()), "{e:?}");
    assert!(e.starts_with("evil.toml: line 2:"), "{e}");
}

#[test]
fn wrap_chooses_the_line_filling() {
    let mut cfg = Config::defaults();
    assert_eq!(cfg.wrap, WrapAlgorithm::FirstFit);
    cfg.apply("w.toml", "[ui]\nwrap = \"optimal\"\n", false)
        .unwrap();
    assert_eq!(cfg.wrap, WrapAlgorithm::OptimalFit);
    cfg.apply("w.toml", "[ui]\nwrap = \"first-fit\"\n", false)
        .unwrap();
    assert_eq!(cfg.wrap, WrapAlgorithm::FirstFit);
    let e = cfg
        .apply("w.toml", "[ui]\n\nwrap = \"best\"\n", false)
        .unwrap_err();
    assert_eq!(e.line, 3);
    assert!(
        e.to_string().contains("\"first-fit\" or \"optimal\""),
        "{e}"
    );
    let e = cfg.apply("w.toml", "[ui]\nwrap = 1\n", false).unwrap_err();
    assert!(
        e.to_string()
            .contains("wrong type for ui.wrap: true or false"),
        "{e}"
    );
    // Each setting says what it takes (three said nothing).
    for (setting, wanted) in [
        ("sidebar = 3", "wrong type for ui.sidebar: true or false"),
        (
            "save_dir = 3",
            "wrong type for ui.save_dir: a folder, as a string",
        ),
        (
            "terminal_browsers = \"w3m\"",
            "wrong type for ui.terminal_browsers: a list of program names",
        ),
        (
            "borders = 1",
            "wrong type for ui.borders: \"unicode\" or \"ascii\"",
        ),
    ] {
        let mut cfg = Config::defaults();
        let e = cfg
            .apply("c.toml", &format!("[ui]\n{setting}\n"), false)
            .unwrap_err()
            .to_string();
        assert!(e.contains(wanted), "{setting}: {e}");
        assert!(
            e.contains("c.toml") && e.contains("line 2"),
            "{setting}: {e}"
        );
    }
    // At the top of the file, where the README once put it.
    let e = cfg
        .apply("b.toml", "# ascii\nborders = \"ascii\"\n", false)
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "b.toml: line 2: \"borders\" belongs under [ui]"
    );
}

#[test]
fn max_width_is_a_count_of_columns() {
    let mut cfg = Config::defaults();
    assert_eq!(cfg.max_width, 80, "the default measure");
    cfg.apply("m.toml", "[ui]\nmax_width = 100\n", false)
        .unwrap();
    assert_eq!(cfg.max_width, 100);
    cfg.apply("m.toml", "[ui]\nmax_width = 0\n", false).unwrap();
    assert_eq!(cfg.max_width, 0, "0 turns it off");
    let mut narrow = Config::defaults();
    narrow
        .apply("m.toml", "[ui]\nmax_width = 20\n", false)
        .unwrap();
    assert_eq!(narrow.max_width, 20, "the narrowest measure");
    for (value, said) in [
        ("-3", "not -3"),
        ("\"wide\"", "not \"wide\""),
        ("72.5", "not 72.5"),
        ("true", "not true"),
        ("[80]", "not an array"),
        // Narrower than a long word: it would split words.
        ("5", "not 5"),
        ("19", "not 19"),
    ] {
        let e = cfg
            .apply("m.toml", &format!("[ui]\n\nmax_width = {value}\n"), false)
            .unwrap_err();
        let text = e.to_string();
        assert_eq!(e.line, 3, "{text}");
        assert!(
            text.starts_with("m.toml: line 3: ui.max_width must be a whole number of columns")
                && text.ends_with(said),
            "{value}: {text}"
        );
    }
    assert_eq!(cfg.max_width, 0, "a refused value changes nothing");
}

#[test]
fn the_default_config_passes_every_check() {
    let mut cfg = Config::blank();
    cfg.apply("default config", DEFAULT_CONFIG, false).unwrap();
    assert_eq!(cfg.save_dir, "~/Downloads");
    assert_eq!(
        cfg.keymap.hint(Context::List, Action::Suspend).as_deref(),
        Some("C-z")
    );
}

/// Every key of the defaults, as it resolves in each pane (its pane's
/// bindings and the global ones), acts there.
#[test]
fn every_default_binding_acts_in_its_pane() {
    let cfg = Config::defaults();
    let mut checked = 0;
    for pane in [Context::Sidebar, Context::List, Context::Reader] {
        for (action, name, _) in crate::tui::action::ACTIONS {
            let keys = cfg.keymap.keys_for(pane, *action);
            checked += keys.len();
            assert!(
                keys.is_empty() || acts_in(*action, pane),
                "{name} is bound to {:?} in {pane:?}, where it does not act",
                keys.iter().map(Key::label).collect::<Vec<_>>()
            );
        }
    }
    assert!(checked > 100, "only {checked} bindings seen");
    // The table knows reader-only actions: the check can refuse something.
    assert!(!acts_in(Action::NextArticle, Context::Sidebar));
    assert!(!acts_in(Action::OpenRelated(3), Context::List));
}

#[test]
fn a_keymap_with_no_quit_in_the_list_is_refused() {
    let mut cfg = Config::defaults();
    let e = cfg
        .apply(
            "keys.toml",
            "[keys]\nj = \"down\"\nq = \"none\"\nctrl-c = \"redraw\"\n",
            false,
        )
        .unwrap_err();
    assert_eq!((e.file.as_str(), e.line), ("keys.toml", 4), "{e}");
    let msg = e.to_string();
    assert!(msg.starts_with("keys.toml: line 4: "), "{msg}");
    assert!(
        msg.contains("no key quits docbao in the article list"),
        "{msg}"
    );
    // Taken away in the list alone: refused too.
    let mut cfg = Config::defaults();
    let e = cfg
        .apply(
            "keys.toml",
            "[keys.list]\nq = \"back\"\nctrl-c = \"redraw\"\n",
            false,
        )
        .unwrap_err();
    assert_eq!(e.line, 3, "{e}");
    // Rebound later in the file, or kept in the list: accepted.
    let mut cfg = Config::defaults();
    cfg.apply(
        "keys.toml",
        "[keys]\nq = \"none\"\nctrl-c = \"none\"\n[keys.list]\nx = \"quit\"\n",
        false,
    )
    .unwrap();
    let mut cfg = Config::defaults();
    cfg.apply("keys.toml", "[keys.reader]\nq = \"back\"\n", false)
        .unwrap();
    assert_eq!(
        cfg.keymap.resolve(Context::List, Key::parse("q").unwrap()),
        Some(Action::Quit)
    );
}

#[test]
fn two_spellings_of_one_key_bound_to_different_actions_are_refused() {
    let mut cfg = Config::defaults();
    let e = cfg
        .apply(
            "c.toml",
            "[keys.list]\nQ = \"quit\"\nj = \"down\"\nshift-q = \"help\"\n",
            false,
        )
        .unwrap_err();
    assert_eq!((e.file.as_str(), e.line), ("c.toml", 4), "{e}");
    let msg = e.to_string();
    for part in [
        "\"Q\" (line 2) and \"shift-q\" are the same key",
        "[keys.list]",
        "\"help\"",
        "\"quit\"",
    ] {
        assert!(msg.contains(part), "{part} missing: {msg}");
    }
    // In [keys] too, and with "none".
    let e = cfg
        .apply(
            "c.toml",
            "[keys]\nctrl-x = \"quit\"\nc-x = \"none\"\n",
            false,
        )
        .unwrap_err();
    assert_eq!(e.line, 3, "{e}");
    // The same action twice is only redundant; different tables are not a conflict.
    cfg.apply(
        "c.toml",
        "[keys]\nQ = \"quit\"\nshift-q = \"quit\"\n[keys.reader]\nQ = \"back\"\n",
        false,
    )
    .unwrap();
}

#[test]
fn an_action_bound_in_a_pane_where_it_does_nothing_is_refused() {
    let mut cfg = Config::defaults();
    let e = cfg
        .apply(
            "c.toml",
            "[keys.reader]\nx = \"next_article\"\n[keys.sidebar]\nn = \"next_article\"\n",
            false,
        )
        .unwrap_err();
    assert_eq!((e.file.as_str(), e.line), ("c.toml", 4), "{e}");
    let msg = e.to_string();
    assert!(
        msg.contains("\"next_article\" (key \"n\") does nothing in the sidebar"),
        "{msg}"
    );
    assert!(msg.contains("[keys.reader]"), "{msg}");
    let e = cfg
        .apply("c.toml", "[keys.list]\n1 = \"open_related_1\"\n", false)
        .unwrap_err();
    let msg = e.to_string();
    assert!(
        msg.contains("\"open_related_1\" (key \"1\") does nothing in the article list"),
        "{msg}"
    );
    // Under [keys] it acts where it can: accepted.
    cfg.apply("c.toml", "[keys]\nx = \"next_article\"\n", false)
        .unwrap();
}

#[test]
fn no_color_keeps_modifiers_and_drops_colours() {
    let s = parse_style("bold red", true).unwrap();
    assert_eq!(s.fg, None);
    assert!(s.add_modifier.contains(Modifier::BOLD));
    assert_eq!(parse_style("bold red", false).unwrap().fg, Some(Color::Red));
}

/// Under NO_COLOR a role given only colours keeps its default look: the
/// selected row was drawn like every other (no cursor) with `selected =
/// "blue"`.
#[test]
fn under_no_color_a_role_given_only_colours_keeps_its_default_look() {
    use crate::tui::ui::theme::Role;
    let mut cfg = Config::blank();
    cfg.apply("default config", DEFAULT_CONFIG, true).unwrap();
    let default = cfg.theme.style(Role::Selected);
    assert!(default.add_modifier.contains(Modifier::REVERSED));
    cfg.apply(
        "c.toml",
        "[theme]\nselected = \"blue\"\nmatch = \"yellow\"\n",
        true,
    )
    .unwrap();
    assert_eq!(cfg.theme.style(Role::Selected), default);
    assert!(
        cfg.theme
            .style(Role::Match)
            .add_modifier
            .contains(Modifier::REVERSED)
    );
    // With colours, the colour is taken.
    let mut cfg = Config::blank();
    cfg.apply("default config", DEFAULT_CONFIG, false).unwrap();
    cfg.apply("c.toml", "[theme]\nselected = \"blue\"\n", false)
        .unwrap();
    assert_eq!(cfg.theme.style(Role::Selected).fg, Some(Color::Blue));
}

#[test]
fn hyperlinks_auto_always_never() {
    let mut cfg = Config::defaults();
    assert_eq!(cfg.hyperlinks, Hyperlinks::Auto, "the default");
    assert!(!cfg.links_on, "off until decided for a terminal");
    cfg.decide_hyperlinks(Some("xterm-256color"), true, false);
    assert!(cfg.links_on);
    // Never when not a terminal, nor on TERM=dumb, whatever the setting.
    for setting in [Hyperlinks::Auto, Hyperlinks::Always, Hyperlinks::Never] {
        assert!(!setting.enabled(Some("xterm-256color"), false, false));
        assert!(!setting.enabled(Some("dumb"), true, false));
    }
    // Auto: not on consoles that do not take OSC 8; always: on them too.
    for term in [None, Some(""), Some("linux"), Some("vt100")] {
        assert!(!Hyperlinks::Auto.enabled(term, true, false), "{term:?}");
    }
    assert!(Hyperlinks::Always.enabled(Some("linux"), true, false));
    // Over SSH: auto writes none (5 KB each time a title is drawn), always does.
    assert!(!Hyperlinks::Auto.enabled(Some("xterm-256color"), true, true));
    assert!(Hyperlinks::Always.enabled(Some("xterm-256color"), true, true));
    for term in [
        "xterm-256color",
        "tmux-256color",
        "screen",
        "foot",
        "xterm-kitty",
    ] {
        assert!(Hyperlinks::Auto.enabled(Some(term), true, false), "{term}");
    }
    assert!(!Hyperlinks::Never.enabled(Some("xterm-kitty"), true, false));

    cfg.apply("h.toml", "[ui]\nhyperlinks = \"never\"\n", false)
        .unwrap();
    assert_eq!(cfg.hyperlinks, Hyperlinks::Never);
    cfg.apply("h.toml", "[ui]\nhyperlinks = \"always\"\n", false)
        .unwrap();
    assert_eq!(cfg.hyperlinks, Hyperlinks::Always);
    let e = cfg
        .apply("h.toml", "[ui]\n\nhyperlinks = \"sometimes\"\n", false)
        .unwrap_err()
        .to_string();
    assert_eq!(
        e,
        "h.toml: line 3: hyperlinks must be \"auto\", \"always\" or \"never\", not \"sometimes\""
    );
    let e = cfg
        .apply("h.toml", "[ui]\nhyperlinks = true\n", false)
        .unwrap_err()
        .to_string();
    assert!(e.contains("wrong type for ui.hyperlinks"), "{e}");
    assert_eq!(
        cfg.hyperlinks,
        Hyperlinks::Always,
        "a refused value changes nothing"
    );
}

/// A terminal sends Ctrl with a capital letter as with the small one, and
/// Ctrl-M, Ctrl-I and Ctrl-[ as Enter, Tab and Esc: a binding written so
/// could never fire (`Ctrl-X` did nothing while `ctrl-x` quit).
#[test]
fn ctrl_keys_are_bound_as_a_terminal_sends_them() {
    let mut cfg = Config::defaults();
    cfg.apply("c.toml", "[keys]\n\"Ctrl-X\" = \"quit\"\n", false)
        .unwrap();
    use ratatui::crossterm::event::{KeyCode, KeyModifiers};
    let ctrl_x = Key::new(KeyCode::Char('x'), KeyModifiers::CONTROL);
    assert_eq!(
        cfg.keymap.resolve(Context::List, ctrl_x),
        Some(Action::Quit)
    );
    assert_eq!(Key::parse("C-X").map(|k| k.label()), Some("C-x".into()));
    for (name, sent) in [("ctrl-m", "enter"), ("ctrl-i", "tab"), ("C-[", "esc")] {
        let e = cfg
            .apply("c.toml", &format!("[keys]\n\"{name}\" = \"quit\"\n"), false)
            .unwrap_err();
        assert_eq!(e.line, 2, "{e}");
        assert!(e.to_string().contains(&format!("write {sent}")), "{e}");
    }
}

/// Ctrl with the punctuation of the control codes binds to the key
/// crossterm delivers for its byte (C-] comes as ctrl-5: `"ctrl-]"` was
/// taken and never fired); keys a terminal cannot send as written are
/// refused, saying why and what to write (an independent review's find).
#[test]
fn ctrl_punctuation_binds_as_crossterm_delivers_it_and_unsendable_keys_are_refused() {
    use ratatui::crossterm::event::{KeyCode, KeyModifiers};
    let ctrl = |c: char| Key::new(KeyCode::Char(c), KeyModifiers::CONTROL);
    // What crossterm 0.29 reads for the bytes 0x1C–0x1F and 0x00
    // (`event/sys/unix/parse.rs`), checked by hand in tmux too.
    for (name, delivered) in [
        ("ctrl-\\\\", ctrl('4')),
        ("ctrl-]", ctrl('5')),
        ("ctrl-^", ctrl('6')),
        ("ctrl-_", ctrl('7')),
        ("ctrl-/", ctrl('7')),
        ("ctrl-@", ctrl(' ')),
        ("ctrl-2", ctrl(' ')),
        ("ctrl-space", ctrl(' ')),
    ] {
        let mut cfg = Config::defaults();
        cfg.apply("c.toml", &format!("[keys]\n\"{name}\" = \"help\"\n"), false)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(
            cfg.keymap.resolve(Context::List, delivered),
            Some(Action::Help),
            "{name}"
        );
    }
    assert_eq!(Key::parse("ctrl-]").map(|k| k.label()), Some("C-]".into()));
    for (name, says) in [
        ("shift-1", "write that character"),
        ("shift-space", "write that character"),
        ("ctrl-enter", "reaches docbao as enter"),
        ("shift-enter", "reaches docbao as enter"),
        ("ctrl-tab", "reaches docbao as tab"),
        ("ctrl-backspace", "reaches docbao as backspace"),
        ("alt-ctrl-enter", "reaches docbao as alt-enter"),
        ("ctrl-1", "no code for Ctrl with \"1\""),
        ("ctrl-;", "no code for Ctrl with \";\""),
        ("ctrl-3", "write esc"),
        ("ctrl-8", "write backspace"),
    ] {
        let mut cfg = Config::defaults();
        let e = cfg
            .apply(
                "c.toml",
                &format!("[keys]\nj = \"down\"\n\"{name}\" = \"help\"\n"),
                false,
            )
            .expect_err(name);
        assert_eq!(e.line, 3, "{e}");
        assert!(e.to_string().contains(says), "{name}: {e}");
    }
    // Shift with a letter is the capital; alt with anything is sent.
    let mut cfg = Config::defaults();
    cfg.apply(
        "c.toml",
        "[keys]\nshift-x = \"help\"\nalt-enter = \"help\"\nalt-1 = \"help\"\n",
        false,
    )
    .unwrap();
    assert_eq!(
        cfg.keymap.resolve(Context::List, Key::parse("X").unwrap()),
        Some(Action::Help)
    );
}

/// A key or a section given twice is named; a file that is not UTF-8 is
/// refused naming the line of its first bad byte.
#[test]
fn duplicates_and_bytes_that_are_not_utf8_are_named() {
    let mut cfg = Config::defaults();
    let e = cfg
        .apply("d.toml", "[ui]\nmax_width = 80\nmax_width = 90\n", false)
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "d.toml: line 3: max_width is given twice (each setting, and each [section], once)"
    );
    let e = cfg
        .apply("d.toml", "[ui]\nwrap = \"optimal\"\n[ui]\n", false)
        .unwrap_err();
    assert!(
        e.to_string()
            .starts_with("d.toml: line 3: ui is given twice"),
        "{e}"
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.toml");
    std::fs::write(&path, b"[ui]\nsave_dir = \"\xff\"\n").unwrap();
    let e = Config::load_from(&path).unwrap_err().to_string();
    assert!(
        e.ends_with("bad.toml: line 2: not UTF-8 text (save the config file as UTF-8)"),
        "{e}"
    );
}

/// `save_dir = "$HOME/Notes2"` made a folder named `$HOME` where docbao
/// was started, a relative folder depended on that place, and a line
/// break was taken (an independent review's finds): variables are
/// expanded, and a relative path or a control character is refused with
/// the file and line.
#[test]
fn save_dir_expands_variables_and_refuses_relative_paths_and_control_characters() {
    let Ok(home) = std::env::var("HOME") else {
        return;
    };
    if home.is_empty() {
        return;
    }
    let mut cfg = Config::defaults();
    cfg.apply("s.toml", "[ui]\nsave_dir = \"$HOME/Notes2\"\n", false)
        .unwrap();
    assert_eq!(cfg.save_dir, format!("{home}/Notes2"));
    cfg.apply("s.toml", "[ui]\nsave_dir = \"${HOME}/Notes3\"\n", false)
        .unwrap();
    assert_eq!(cfg.save_dir, format!("{home}/Notes3"));
    for (value, says) in [
        ("Notes", "must be a full path"),
        ("~/a\\nb", "control character"),
        (
            "$DOCBAO_TEST_SURELY_UNSET/x",
            "$DOCBAO_TEST_SURELY_UNSET, which is not set",
        ),
    ] {
        let e = cfg
            .apply(
                "s.toml",
                &format!("[ui]\nborders = \"ascii\"\nsave_dir = \"{value}\"\n"),
                false,
            )
            .unwrap_err();
        assert_eq!((e.file.as_str(), e.line), ("s.toml", 3), "{e}");
        assert!(e.message.contains(says), "{value}: {e}");
    }
}

/// A config file is read up to 1 MiB: a link to `/dev/zero` given as
/// `--config` grew to 1.5 GB (an independent review's find). A larger one
/// (here a file of comments, which parses) is refused naming it; a pipe
/// is still read.
#[test]
fn a_config_file_over_one_mib_is_refused_and_a_pipe_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.toml");
    let mut text = "[ui]\nborders = \"ascii\"\n".to_string();
    while text.len() <= 1 << 20 {
        text.push_str("# a comment line, of which there are far too many\n");
    }
    std::fs::write(&path, &text).unwrap();
    let e = Config::load_from(&path).unwrap_err().to_string();
    assert!(e.contains("big.toml\" is larger than 1 MiB"), "{e}");
    // Just under the limit: read.
    text.truncate((1 << 20) - 100);
    std::fs::write(&path, &text).unwrap();
    assert_eq!(Config::load_from(&path).unwrap().borders, Borders::Ascii);
    // A pipe, as `--config <(…)` gives.
    let fifo = dir.path().join("pipe.toml");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let writer = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::write(fifo, "[ui]\nborders = \"ascii\"\n"))
    };
    assert_eq!(Config::load_from(&fifo).unwrap().borders, Borders::Ascii);
    writer.join().unwrap().unwrap();
}

/// A setting at the top of the file, or in the wrong table, is told where
/// it belongs: `max_width`, `pipe_wait_key`, `update_on_start`,
/// `j = "down"` got "must be a table" (an independent review's find).
#[test]
fn a_setting_in_the_wrong_place_is_told_where_it_belongs() {
    for (text, says) in [
        ("max_width = 80\n", "\"max_width\" belongs under [ui]"),
        (
            "pipe_wait_key = false\n",
            "\"pipe_wait_key\" belongs under [ui]",
        ),
        ("borders = \"ascii\"\n", "\"borders\" belongs under [ui]"),
        (
            "update_on_start = true\n",
            "\"update_on_start\" belongs under [feeds]",
        ),
        ("j = \"down\"\n", "\"j\" belongs under [keys]"),
        ("title = \"bold\"\n", "\"title\" belongs under [theme]"),
        (
            "frob = 1\n",
            "\"frob\" at the top of the file is no setting docbao knows",
        ),
        ("ui = 3\n", "\"ui\" must be a table"),
        (
            "[ui]\nupdate_on_start = true\n",
            "ui.update_on_start belongs under [feeds], not [ui]",
        ),
        (
            "[feeds]\nmax_width = 80\n",
            "feeds.max_width belongs under [ui], not [feeds]",
        ),
        (
            "[ui]\nfrob = 1\n",
            "unknown setting ui.frob (known: borders,",
        ),
    ] {
        let mut cfg = Config::defaults();
        let e = cfg
            .apply("w.toml", &format!("\n{text}"), false)
            .unwrap_err();
        assert!(e.to_string().contains(says), "{text:?}: {e}");
        assert_eq!(e.line, if text.starts_with('[') { 3 } else { 2 }, "{e}");
    }
}

/// An over-long value is cut in the error that quotes it (a 100 KB line
/// was repeated whole).
#[test]
fn an_error_quotes_no_more_than_the_start_of_a_long_value() {
    let long = "x".repeat(100_000);
    for text in [
        format!("[ui]\nborders = \"{long}\"\n"),
        format!("[ui]\nwrap = \"{long}\"\n"),
        format!("[ui]\nmax_width = \"{long}\"\n"),
        format!("[ui]\n\"{long}\" = 1\n"),
        format!("\"{long}\" = 1\n"),
        format!("[{long}]\n"),
        format!("[keys]\n\"{long}\" = \"down\"\n"),
        format!("[keys]\nj = \"{long}\"\n"),
        format!("[keys.{long}]\nj = \"down\"\n"),
        format!("[theme]\n\"{long}\" = \"bold\"\n"),
        format!("[theme]\ntitle = \"{long}\"\n"),
        format!("[ui]\nsave_dir = \"{long}\"\n"),
        format!("[ui]\nhyperlinks = \"{long}\"\n"),
    ] {
        let mut cfg = Config::defaults();
        let e = cfg.apply("l.toml", &text, false).unwrap_err().to_string();
        assert!(e.chars().count() < 400, "{}…", &e[..200]);
        assert!(e.contains("xxx…"), "{e}");
    }
}

/// Style words in any case ("Bold" was unknown), and one colour a role:
/// "red blue" took blue silently (an independent review's finds).
#[test]
fn style_words_in_any_case_and_two_colours_refused() {
    let style = parse_style("Bold RED", false).unwrap();
    assert_eq!(style.fg, Some(Color::Red));
    assert!(style.add_modifier.contains(Modifier::BOLD));
    let mut cfg = Config::defaults();
    cfg.apply("t.toml", "[theme]\ntitle = \"Bold Underline\"\n", false)
        .unwrap();
    let title = cfg.theme.style(Role::Title);
    assert!(title.add_modifier.contains(Modifier::UNDERLINED));
    for two in ["red blue", "bold red default", "Grey green"] {
        let e = cfg
            .apply("t.toml", &format!("[theme]\ntitle = \"{two}\"\n"), false)
            .unwrap_err();
        assert_eq!(e.line, 2);
        assert!(e.message.starts_with("two colours"), "{two}: {e}");
    }
    // The same under NO_COLOR: the file is wrong whatever the terminal.
    assert!(parse_style("red blue", true).is_err());
}
