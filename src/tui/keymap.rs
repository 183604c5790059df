//! Keys to actions, per pane, built from the embedded default TOML and the
//! user's overrides. The help screen and the footer hints read this map.

use std::collections::{HashMap, HashSet};

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::tui::action::Action;

/// The pane a key is pressed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Context {
    Global,
    Sidebar,
    List,
    Reader,
}

impl Context {
    pub fn from_name(name: &str) -> Option<Context> {
        match name {
            "sidebar" => Some(Context::Sidebar),
            "list" => Some(Context::List),
            "reader" => Some(Context::Reader),
            _ => None,
        }
    }
}

/// A key with its modifiers, normalised so that `G` and `shift-g` are one key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

impl Key {
    pub fn new(code: KeyCode, mods: KeyModifiers) -> Key {
        // Shift-Tab is a key of its own.
        let code = match code {
            KeyCode::Tab if mods.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
            other => other,
        };
        // Shift is part of the character for printable keys.
        let mods = match code {
            KeyCode::Char(_) => mods - KeyModifiers::SHIFT,
            KeyCode::BackTab => mods - KeyModifiers::SHIFT,
            _ => mods,
        };
        // A terminal sends Ctrl with a capital letter as with the small one,
        // and Ctrl with the punctuation of the control codes 0x1C–0x1F and
        // 0x00 as crossterm reads those bytes: C-\ as ctrl-4, C-] as ctrl-5,
        // C-^ as ctrl-6, C-_ (and C-/) as ctrl-7, C-@ (and C-2) as ctrl-space.
        let code = match code {
            KeyCode::Char(c) if mods.contains(KeyModifiers::CONTROL) => {
                KeyCode::Char(match c.to_ascii_lowercase() {
                    '\\' => '4',
                    ']' => '5',
                    '^' | '~' => '6',
                    '_' | '/' => '7',
                    '@' | '2' | '`' => ' ',
                    c => c,
                })
            }
            other => other,
        };
        Key {
            code,
            mods: mods & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT),
        }
    }

    pub fn from_event(ev: &KeyEvent) -> Key {
        Key::new(ev.code, ev.modifiers)
    }

    /// Parse `j`, `G`, `?`, `space`, `ctrl-d`, `alt-x`, `f1`, `pagedown` …,
    /// and every key as [`Key::label`] writes it (`C-d`, `S-Tab`, `BkSp`, `↓`).
    pub fn parse(s: &str) -> Option<Key> {
        let (code, mods) = parse_parts(s)?;
        if code == KeyCode::Tab && mods.contains(KeyModifiers::SHIFT) {
            return Some(Key::new(KeyCode::BackTab, mods));
        }
        Some(Key::new(code, mods))
    }

    /// [`Key::parse`] for a config file: a key a terminal cannot send as
    /// written (it sends another key, or nothing of its own) is refused,
    /// the message saying why and what to write.
    pub fn parse_config(written: &str) -> Result<Key, String> {
        let s = &crate::text::width::quoted(written);
        let unknown = || {
            format!(
                "unknown key name \"{s}\" (write keys like j, G, ctrl-d, space, enter, pagedown, f1)"
            )
        };
        let (code, mods) = parse_parts(written).ok_or_else(unknown)?;
        let ctrl = mods.contains(KeyModifiers::CONTROL);
        let shift = mods.contains(KeyModifiers::SHIFT);
        if let KeyCode::Char(c) = code
            && shift
            && (!c.is_alphabetic() || c.to_uppercase().count() != 1)
        {
            return Err(format!(
                "\"{s}\": a terminal sends what Shift types, not Shift with the key: \
                 write that character (\"!\" for shift-1 on a US keyboard)"
            ));
        }
        // Enter, Tab, Backspace and Esc with Ctrl or Shift come as the key
        // alone (without the kitty keyboard protocol, which docbao does not
        // ask for); Shift-Tab is its own key (backtab).
        if let KeyCode::Enter | KeyCode::Tab | KeyCode::Backspace | KeyCode::Esc = code
            && (ctrl || (shift && code != KeyCode::Tab))
        {
            let name = match code {
                KeyCode::Enter => "enter",
                KeyCode::Tab => "tab",
                KeyCode::Backspace => "backspace",
                _ => "esc",
            };
            let alt = if mods.contains(KeyModifiers::ALT) {
                "alt-"
            } else {
                ""
            };
            let alone = format!("{alt}{name}");
            return Err(format!(
                "\"{s}\" reaches docbao as {alone} (a terminal sends the same bytes for both): \
                 write {alone}, or another key"
            ));
        }
        let key = Key::parse(written).ok_or_else(unknown)?;
        if let Some(sent) = key.sent_as() {
            return Err(format!(
                "\"{s}\" reaches docbao as {sent} (a terminal sends the same byte for both): write {sent}"
            ));
        }
        if let KeyCode::Char(c) = key.code
            && ctrl
            && !(c.is_ascii_lowercase() || matches!(c, ' ' | '4' | '5' | '6' | '7'))
        {
            return Err(format!(
                "\"{s}\": a terminal has no code for Ctrl with \"{c}\" (it sends the key \
                 alone, or nothing): Ctrl works with a letter, space, \\, ], ^ and _"
            ));
        }
        Ok(key)
    }

    /// The key a terminal sends instead of this one, which therefore never
    /// reaches docbao as itself: Ctrl-M is Enter, Ctrl-I Tab, Ctrl-[ (and
    /// Ctrl-3) Esc, Ctrl-8 Backspace.
    pub fn sent_as(&self) -> Option<&'static str> {
        if self.mods != KeyModifiers::CONTROL {
            return None;
        }
        match self.code {
            KeyCode::Char('m') => Some("enter"),
            KeyCode::Char('i') => Some("tab"),
            KeyCode::Char('[' | '3') => Some("esc"),
            KeyCode::Char('8') => Some("backspace"),
            _ => None,
        }
    }

    /// How the key is written in help and hints.
    pub fn label(&self) -> String {
        let ctrl = self.mods.contains(KeyModifiers::CONTROL);
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            // Ctrl with the control codes' punctuation, as written.
            KeyCode::Char('4') if ctrl => "\\".into(),
            KeyCode::Char('5') if ctrl => "]".into(),
            KeyCode::Char('6') if ctrl => "^".into(),
            KeyCode::Char('7') if ctrl => "_".into(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "S-Tab".into(),
            KeyCode::Backspace => "BkSp".into(),
            KeyCode::Delete => "Del".into(),
            KeyCode::Insert => "Ins".into(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        let mut s = String::new();
        if ctrl {
            s.push_str("C-");
        }
        if self.mods.contains(KeyModifiers::ALT) {
            s.push_str("M-");
        }
        if self.mods.contains(KeyModifiers::SHIFT) {
            s.push_str("S-");
        }
        s + &base
    }
}

/// A key name's code and modifiers as written, before [`Key::new`]
/// normalises them (`shift-1` is Shift with `1` here).
fn parse_parts(s: &str) -> Option<(KeyCode, KeyModifiers)> {
    const PREFIXES: [(&str, KeyModifiers); 6] = [
        ("ctrl-", KeyModifiers::CONTROL),
        ("c-", KeyModifiers::CONTROL),
        ("alt-", KeyModifiers::ALT),
        ("m-", KeyModifiers::ALT),
        ("shift-", KeyModifiers::SHIFT),
        ("s-", KeyModifiers::SHIFT),
    ];
    let mut mods = KeyModifiers::NONE;
    let mut rest = s;
    // Prefixes, each before a key: two characters or fewer are the key's
    // own name ("s-" is no Shift with nothing).
    while rest.chars().count() > 2 {
        let lower = rest.to_ascii_lowercase();
        let Some((prefix, m)) = PREFIXES.iter().find(|(p, _)| lower.starts_with(p)) else {
            break;
        };
        mods |= *m;
        rest = &rest[prefix.len()..];
    }
    let mut chars = rest.chars();
    let code = match (chars.next(), chars.next()) {
        // The arrows as the help writes them.
        (Some('↑'), None) => KeyCode::Up,
        (Some('↓'), None) => KeyCode::Down,
        (Some('←'), None) => KeyCode::Left,
        (Some('→'), None) => KeyCode::Right,
        (Some(c), None) => {
            if mods.contains(KeyModifiers::SHIFT) && c.is_alphabetic() {
                let mut up = c.to_uppercase();
                match (up.next(), up.next()) {
                    (Some(u), None) => KeyCode::Char(u),
                    _ => KeyCode::Char(c),
                }
            } else {
                KeyCode::Char(c)
            }
        }
        _ => match rest.to_ascii_lowercase().as_str() {
            "space" => KeyCode::Char(' '),
            "enter" | "return" => KeyCode::Enter,
            "esc" | "escape" => KeyCode::Esc,
            "tab" => KeyCode::Tab,
            "backtab" => KeyCode::BackTab,
            "backspace" | "bksp" => KeyCode::Backspace,
            "delete" | "del" => KeyCode::Delete,
            "insert" | "ins" => KeyCode::Insert,
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "pageup" | "pgup" => KeyCode::PageUp,
            "pagedown" | "pgdn" => KeyCode::PageDown,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            f if f.starts_with('f') => {
                KeyCode::F(f[1..].parse().ok().filter(|n| (1..=24).contains(n))?)
            }
            _ => return None,
        },
    };
    Some((code, mods))
}

/// The keymap: global bindings plus per-pane bindings that take precedence.
#[derive(Debug, Clone, Default)]
pub struct Keymap {
    maps: HashMap<Context, HashMap<Key, Action>>,
    /// Keys a pane's table sets to `"none"`: they do nothing there, whatever
    /// `[keys]` binds them to.
    unbound: HashMap<Context, HashSet<Key>>,
}

impl Keymap {
    /// Bind a key in a table; `None` (`"none"`) unbinds it there: in a
    /// pane's table the key then does nothing in that pane, the global
    /// binding included.
    pub fn bind(&mut self, ctx: Context, key: Key, action: Option<Action>) {
        let map = self.maps.entry(ctx).or_default();
        let unbound = self.unbound.entry(ctx).or_default();
        match action {
            Some(a) => {
                map.insert(key, a);
                unbound.remove(&key);
            }
            None => {
                map.remove(&key);
                if ctx != Context::Global {
                    unbound.insert(key);
                }
            }
        }
    }

    /// The action for a key pressed in a pane: the pane's binding, else the
    /// global one, unless the pane unbinds the key.
    pub fn resolve(&self, ctx: Context, key: Key) -> Option<Action> {
        if let Some(a) = self.maps.get(&ctx).and_then(|m| m.get(&key)) {
            return Some(*a);
        }
        if self.is_unbound(ctx, key) {
            return None;
        }
        self.maps
            .get(&Context::Global)
            .and_then(|m| m.get(&key))
            .copied()
    }

    /// Whether a pane's table sets the key to `"none"`.
    pub fn is_unbound(&self, ctx: Context, key: Key) -> bool {
        self.unbound.get(&ctx).is_some_and(|u| u.contains(&key))
    }

    /// Keys bound to an action in a pane (pane bindings first), sorted for display.
    pub fn keys_for(&self, ctx: Context, action: Action) -> Vec<Key> {
        let mut keys: Vec<Key> = Vec::new();
        for c in [ctx, Context::Global] {
            if let Some(m) = self.maps.get(&c) {
                let mut ks: Vec<Key> = m
                    .iter()
                    .filter(|(k, a)| **a == action && self.resolve(ctx, **k) == Some(action))
                    .map(|(k, _)| *k)
                    .collect();
                ks.sort_by_key(display_order);
                for k in ks {
                    if !keys.contains(&k) {
                        keys.push(k);
                    }
                }
            }
            if c == Context::Global {
                break;
            }
        }
        keys
    }

    /// The bindings of one table (`[keys]` is `Context::Global`), in
    /// display order, whether or not a pane's own binding hides them there.
    pub fn table(&self, ctx: Context) -> Vec<(Key, Action)> {
        let mut v: Vec<(Key, Action)> = self
            .maps
            .get(&ctx)
            .map(|m| m.iter().map(|(k, a)| (*k, *a)).collect())
            .unwrap_or_default();
        v.sort_by_key(|(k, _)| display_order(k));
        v
    }

    /// The bindings the help lists under a table's heading: `[keys]`'s
    /// that act in every pane under "Everywhere"; one a pane sets to
    /// `"none"` under each pane where it still acts, beside the pane's own.
    pub fn help_table(&self, ctx: Context) -> Vec<(Key, Action)> {
        let panes = [Context::Sidebar, Context::List, Context::Reader];
        let somewhere_unbound = |k: &Key| panes.iter().any(|p| self.is_unbound(*p, *k));
        let mut v: Vec<(Key, Action)> = match ctx {
            Context::Global => self
                .table(Context::Global)
                .into_iter()
                .filter(|(k, _)| !somewhere_unbound(k))
                .collect(),
            pane => {
                let own = self.table(pane);
                let mut v = own.clone();
                v.extend(self.table(Context::Global).into_iter().filter(|(k, _)| {
                    somewhere_unbound(k)
                        && !self.is_unbound(pane, *k)
                        && !own.iter().any(|(o, _)| o == k)
                }));
                v
            }
        };
        v.sort_by_key(|(k, _)| display_order(k));
        v
    }

    /// The first key label for an action, for footer hints.
    pub fn hint(&self, ctx: Context, action: Action) -> Option<String> {
        self.keys_for(ctx, action).first().map(Key::label)
    }

    /// [`Keymap::hint`], or a word saying the action has no key.
    pub fn hint_or_unbound(&self, ctx: Context, action: Action) -> String {
        self.hint(ctx, action)
            .unwrap_or_else(|| format!("({} unbound)", action.name()))
    }

    /// The keys the reader's own messages name, as bound.
    pub fn names(&self) -> KeyNames {
        let key = |ctx, a| self.hint_or_unbound(ctx, a);
        KeyNames {
            next_match: key(Context::Reader, Action::NextArticle),
            // `prev_match`'s own key when it has one, else `next_unread`'s,
            // which steps back while a find is kept.
            prev_match: self
                .hint(Context::Reader, Action::PrevMatch)
                .unwrap_or_else(|| key(Context::Reader, Action::NextUnread)),
            quit: key(Context::List, Action::Quit),
            open: key(Context::List, Action::Open),
            search: key(Context::List, Action::Search),
            add_page: key(Context::List, Action::AddPage),
            write: key(Context::Reader, Action::WriteArticle),
        }
    }
}

/// The keys messages name (a find's "n next, N previous"), as the keymap
/// binds them, or "(open unbound)" for an action with no key: set when the
/// reader starts; the defaults' until then.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyNames {
    /// The next match of a find kept (`next_article`'s key, `n`).
    pub next_match: String,
    /// The previous one (`prev_match`'s key, else `next_unread`'s, `N`).
    pub prev_match: String,
    /// Quitting (`q`), which waits for a page being saved unless pressed again.
    pub quit: String,
    /// Opening the selected article (`Enter`).
    pub open: String,
    /// Searching (`/` in the list).
    pub search: String,
    /// Saving a web page (`a`).
    pub add_page: String,
    /// Writing the article to a file (`w`).
    pub write: String,
}

impl Default for KeyNames {
    fn default() -> KeyNames {
        KeyNames {
            next_match: "n".into(),
            prev_match: "N".into(),
            quit: "q".into(),
            open: "Enter".into(),
            search: "/".into(),
            add_page: "a".into(),
            write: "w".into(),
        }
    }
}

/// Plain keys before chorded ones; a letter or Space before named keys.
fn display_order(k: &Key) -> (bool, bool, usize, String) {
    let label = k.label();
    let n = label.chars().count();
    (!k.mods.is_empty(), !(n == 1 || label == "Space"), n, label)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_parse_and_label() {
        assert_eq!(
            Key::parse("j"),
            Some(Key::new(KeyCode::Char('j'), KeyModifiers::NONE))
        );
        assert_eq!(
            Key::parse("G"),
            Some(Key::new(KeyCode::Char('G'), KeyModifiers::SHIFT))
        );
        assert_eq!(Key::parse("shift-g"), Key::parse("G"));
        assert_eq!(Key::parse("ctrl-d").unwrap().label(), "C-d");
        assert_eq!(Key::parse("space").unwrap().label(), "Space");
        assert_eq!(Key::parse("shift-tab"), Key::parse("backtab"));
        assert_eq!(Key::parse("f5").unwrap().code, KeyCode::F(5));
        assert_eq!(
            Key::parse("-"),
            Some(Key::new(KeyCode::Char('-'), KeyModifiers::NONE))
        );
        assert_eq!(Key::parse("ctrl-"), None);
        assert_eq!(Key::parse("hyper-x"), None);
        assert_eq!(Key::parse("f99"), None);
    }

    /// Every key as the help and hints write it can be written in the
    /// config: "S-Tab", "BkSp", "Ins", "S-F1", "C-S-x" were unknown names,
    /// and "↓" a character no key sends (an independent review's find).
    #[test]
    fn every_label_parses_back_to_its_key() {
        let mut codes: Vec<KeyCode> = vec![
            KeyCode::Enter,
            KeyCode::Esc,
            KeyCode::Tab,
            KeyCode::BackTab,
            KeyCode::Backspace,
            KeyCode::Delete,
            KeyCode::Insert,
            KeyCode::Up,
            KeyCode::Down,
            KeyCode::Left,
            KeyCode::Right,
            KeyCode::PageUp,
            KeyCode::PageDown,
            KeyCode::Home,
            KeyCode::End,
        ];
        codes.extend((1..=24).map(KeyCode::F));
        codes.extend((' '..='~').chain(['đ', 'Đ', 'ư', 'é']).map(KeyCode::Char));
        let c = KeyModifiers::CONTROL;
        let a = KeyModifiers::ALT;
        let s = KeyModifiers::SHIFT;
        for code in codes {
            for mods in [KeyModifiers::NONE, c, a, s, c | a, c | s, a | s, c | a | s] {
                let k = Key::new(code, mods);
                assert_eq!(Key::parse(&k.label()), Some(k), "{:?}", k.label());
            }
        }
        for (written, label) in [
            ("S-Tab", "S-Tab"),
            ("BkSp", "BkSp"),
            ("Ins", "Ins"),
            ("S-F1", "S-F1"),
            ("C-S-x", "C-x"),
            ("↓", "↓"),
            ("C-←", "C-←"),
        ] {
            assert_eq!(Key::parse(written).map(|k| k.label()), Some(label.into()));
        }
        assert_eq!(Key::parse("↓").map(|k| k.code), Some(KeyCode::Down));
    }

    #[test]
    fn pane_bindings_win_over_global_ones() {
        let mut km = Keymap::default();
        let n = Key::parse("n").unwrap();
        km.bind(Context::Global, n, Some(Action::Down));
        km.bind(Context::Reader, n, Some(Action::NextArticle));
        assert_eq!(km.resolve(Context::Reader, n), Some(Action::NextArticle));
        assert_eq!(km.resolve(Context::List, n), Some(Action::Down));
        assert_eq!(
            km.keys_for(Context::Reader, Action::Down),
            Vec::<Key>::new()
        );
    }
}
