//! `config.toml`: the embedded defaults, overlaid by the user's file. Every
//! problem in the user's file is an error naming the file and the line.

use std::path::{Path, PathBuf};

use toml::de::{DeTable, DeValue};

use crate::text::clean::clean;
use crate::text::width::quoted;
use crate::text::wrap::WrapAlgorithm;
use crate::tui::action::Action;
use crate::tui::keymap::{Context, Keymap};
use crate::tui::ui::theme::Theme;

pub const DEFAULT_CONFIG: &str = include_str!("../../../assets/config.toml");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Borders {
    Unicode,
    Ascii,
}

/// When the reader's links (an article's title, a related story's) are
/// OSC 8 hyperlinks: `ui.hyperlinks`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hyperlinks {
    /// On terminals known to take them (any but `dumb`, the Linux console…).
    Auto,
    /// Whenever the reader runs on a terminal, except `TERM=dumb`.
    Always,
    Never,
}

impl Hyperlinks {
    /// Whether links are written, given `TERM` and whether stdout is a
    /// terminal: never when it is not one, nor on `TERM=dumb`.
    pub fn enabled(self, term: Option<&str>, stdout_is_terminal: bool, over_ssh: bool) -> bool {
        let term = term.unwrap_or("").trim();
        if !stdout_is_terminal || term == "dumb" {
            return false;
        }
        match self {
            Hyperlinks::Never => false,
            Hyperlinks::Always => true,
            // Consoles that print an unknown OSC sequence, or know none.
            // Not over SSH either: a link is written into each cell of a title
            // (`ui::links`), ~110 bytes a cell, 5 KB each time a title is
            // drawn; "always" asks for them there too.
            Hyperlinks::Auto => {
                !(over_ssh
                    || term.is_empty()
                    || matches!(term, "linux" | "cons25" | "unknown" | "vt100" | "vt220")
                    || term.starts_with("vt52"))
            }
        }
    }
}

#[derive(Debug, Clone)]
pub struct Config {
    pub keymap: Keymap,
    pub theme: Theme,
    pub borders: Borders,
    pub sidebar: bool,
    /// How the reader fills its lines.
    pub wrap: WrapAlgorithm,
    /// The widest the reader's text column gets, in columns (0: no limit):
    /// in a wider pane it is centred.
    pub max_width: usize,
    /// Update the feeds in the background when the reader opens.
    pub update_on_start: bool,
    /// Sync with the Fever server in the background when the reader opens.
    pub sync_on_start: bool,
    /// The folder `w` offers to write an article to (`~/` for home).
    pub save_dir: String,
    /// `ui.hyperlinks` as the file says it.
    pub hyperlinks: Hyperlinks,
    /// Whether the reader writes its links as OSC 8 hyperlinks: `hyperlinks`
    /// decided for this terminal ([`Config::decide_hyperlinks`]); off until then.
    pub links_on: bool,
    /// After a `|` command (or a terminal browser that failed), wait for a
    /// key before taking the screen back.
    pub pipe_wait_key: bool,
    /// More programs that run in the terminal, as `$BROWSER` names them
    /// (besides `handoff::TERMINAL_BROWSERS`).
    pub terminal_browsers: Vec<String>,
}

#[derive(Debug, thiserror::Error)]
#[error("{file}: line {line}: {message}")]
pub struct ConfigError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

/// Where the user's config is: `$DOCBAO_CONFIG`, else
/// `$XDG_CONFIG_HOME/docbao/config.toml`, else the platform config dir.
pub fn config_path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("DOCBAO_CONFIG").filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(p));
    }
    if let Some(x) = std::env::var_os("XDG_CONFIG_HOME").filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(x).join("docbao").join("config.toml"));
    }
    directories::ProjectDirs::from("", "", "docbao").map(|d| d.config_dir().join("config.toml"))
}

impl Config {
    /// Nothing set yet: what the embedded default file is applied to.
    fn blank() -> Config {
        Config {
            keymap: Keymap::default(),
            theme: Theme::default(),
            borders: Borders::Unicode,
            sidebar: true,
            wrap: WrapAlgorithm::FirstFit,
            max_width: 0,
            update_on_start: false,
            sync_on_start: false,
            save_dir: String::new(),
            hyperlinks: Hyperlinks::Auto,
            links_on: false,
            pipe_wait_key: true,
            terminal_browsers: Vec::new(),
        }
    }

    /// Decide `links_on` for the terminal the reader runs on (`TERM`, and
    /// whether stdout is a terminal).
    pub fn decide_hyperlinks(
        &mut self,
        term: Option<&str>,
        stdout_is_terminal: bool,
        over_ssh: bool,
    ) {
        self.links_on = self.hyperlinks.enabled(term, stdout_is_terminal, over_ssh);
    }

    /// The defaults alone.
    pub fn defaults() -> Config {
        let no_color = no_color();
        let mut cfg = Config::blank();
        // The embedded file is tested; an error in it is a bug caught by `cargo test`.
        if let Err(e) = cfg.apply("default config", DEFAULT_CONFIG, no_color) {
            panic!("embedded default config is invalid: {e}");
        }
        cfg
    }

    /// The defaults overlaid by the user's file, if there is one. A file named
    /// by `$DOCBAO_CONFIG` must exist.
    pub fn load() -> anyhow::Result<Config> {
        let mut cfg = Config::defaults();
        let explicit = std::env::var_os("DOCBAO_CONFIG").is_some_and(|p| !p.is_empty());
        if let Some(path) = config_path() {
            match std::fs::metadata(&path) {
                Err(e) if e.kind() == std::io::ErrorKind::NotFound && !explicit => {}
                _ => {
                    let text = read_config(&path)?;
                    cfg.apply(&path.display().to_string(), &text, no_color())?;
                }
            }
        }
        Ok(cfg)
    }

    pub fn load_from(path: &Path) -> anyhow::Result<Config> {
        let mut cfg = Config::defaults();
        let text = read_config(path)?;
        cfg.apply(&path.display().to_string(), &text, no_color())?;
        Ok(cfg)
    }

    /// Overlay one TOML document.
    pub fn apply(&mut self, file: &str, text: &str, no_color: bool) -> Result<(), ConfigError> {
        // A message quotes what the file says: cleaned, like every string
        // that comes in, so that it prints safely.
        let err = |span: std::ops::Range<usize>, message: String| ConfigError {
            file: clean(file),
            line: line_of(text, span.start),
            message: clean(&message),
        };
        let doc = DeTable::parse(text).map_err(|e| {
            let named = e.span().and_then(|s| text.get(s)).map(str::trim);
            let message = match named {
                // toml says "duplicate key" and no more: name it.
                Some(key) if e.message().starts_with("duplicate key") && !key.is_empty() => {
                    let key = quoted(key);
                    format!("{key} is given twice (each setting, and each [section], once)")
                }
                _ => e.message().to_string(),
            };
            ConfigError {
                file: clean(file),
                line: e.span().map_or(1, |s| line_of(text, s.start)),
                message: clean(&message),
            }
        })?;
        // Where this file took away a key that quit in the list, if it did.
        let mut quit_lost_at: Option<std::ops::Range<usize>> = None;
        for (section, value) in doc.get_ref() {
            let table = match value.get_ref() {
                DeValue::Table(t) => t,
                other => {
                    let name = section.get_ref().as_ref();
                    let shown = quoted(name);
                    let message = match home_of(name, other) {
                        Some(home) => format!("\"{shown}\" belongs under {home}"),
                        None if matches!(name, "ui" | "feeds" | "theme" | "keys") => {
                            format!("\"{shown}\" must be a table: [{shown}] on a line of its own")
                        }
                        None => format!(
                            "\"{shown}\" at the top of the file is no setting docbao knows: \
                             settings go under [ui], [feeds], [theme] or [keys]"
                        ),
                    };
                    return Err(err(section.span(), message));
                }
            };
            match section.get_ref().as_ref() {
                "ui" => self.apply_ui(table, &err)?,
                "theme" => self.apply_theme(table, no_color, &err)?,
                "keys" => self.apply_keys(table, &mut quit_lost_at, &err)?,
                "feeds" => self.apply_feeds(table, &err)?,
                other => {
                    let other = quoted(other);
                    return Err(err(
                        section.span(),
                        format!("unknown section [{other}] (known: ui, feeds, theme, keys)"),
                    ));
                }
            }
        }
        // The list is the pane every other one goes back to (Esc): without a
        // key to quit there, there would be no way out.
        if self.keymap.keys_for(Context::List, Action::Quit).is_empty() {
            return Err(err(
                quit_lost_at.unwrap_or(0..0),
                "no key quits docbao in the article list, the pane every other one goes \
                 back to: bind one, e.g. q = \"quit\" under [keys] or [keys.list]"
                    .to_string(),
            ));
        }
        Ok(())
    }

    fn apply_ui(
        &mut self,
        table: &DeTable,
        err: &dyn Fn(std::ops::Range<usize>, String) -> ConfigError,
    ) -> Result<(), ConfigError> {
        for (k, v) in table {
            match (k.get_ref().as_ref(), v.get_ref()) {
                ("borders", DeValue::String(s)) => {
                    self.borders = match s.as_ref() {
                        "unicode" => Borders::Unicode,
                        "ascii" => Borders::Ascii,
                        other => {
                            let other = quoted(other);
                            return Err(err(
                                v.span(),
                                format!(
                                    "borders must be \"unicode\" or \"ascii\", not \"{other}\""
                                ),
                            ));
                        }
                    }
                }
                ("sidebar", DeValue::Boolean(b)) => self.sidebar = *b,
                ("wrap", DeValue::String(s)) => {
                    self.wrap = match s.as_ref() {
                        "first-fit" => WrapAlgorithm::FirstFit,
                        "optimal" => WrapAlgorithm::OptimalFit,
                        other => {
                            let other = quoted(other);
                            return Err(err(
                                v.span(),
                                format!(
                                    "wrap must be \"first-fit\" or \"optimal\", not \"{other}\""
                                ),
                            ));
                        }
                    }
                }
                ("max_width", value) => {
                    // Narrower than a long word, the text would split words.
                    self.max_width = columns(value)
                        .filter(|&n| n == 0 || n >= MIN_MEASURE)
                        .ok_or_else(|| {
                            err(
                                v.span(),
                                format!(
                                    "ui.max_width must be a whole number of columns, \
                                     {MIN_MEASURE} or more (0: no limit), not {}",
                                    shown(value)
                                ),
                            )
                        })?;
                }
                ("save_dir", DeValue::String(s)) if !s.trim().is_empty() => {
                    let env = |name: &str| std::env::var(name).ok();
                    self.save_dir = save_dir::save_dir(s, &env).map_err(|m| err(v.span(), m))?;
                }
                ("save_dir", DeValue::String(_)) => {
                    return Err(err(
                        v.span(),
                        "save_dir must name a folder, not be empty".to_string(),
                    ));
                }
                ("hyperlinks", DeValue::String(s)) => {
                    self.hyperlinks = match s.as_ref() {
                        "auto" => Hyperlinks::Auto,
                        "always" => Hyperlinks::Always,
                        "never" => Hyperlinks::Never,
                        other => {
                            return Err(err(
                                v.span(),
                                format!(
                                    "hyperlinks must be \"auto\", \"always\" or \"never\", not \"{}\"",
                                    quoted(other)
                                ),
                            ));
                        }
                    }
                }
                ("pipe_wait_key", DeValue::Boolean(b)) => self.pipe_wait_key = *b,
                ("terminal_browsers", DeValue::Array(items)) => {
                    self.terminal_browsers = items
                        .iter()
                        .map(|item| match item.get_ref() {
                            DeValue::String(name) if !name.trim().is_empty() => {
                                Ok(name.trim().to_string())
                            }
                            _ => Err(err(
                                item.span(),
                                "ui.terminal_browsers must be a list of program names, \
                                 e.g. [\"w3m\", \"my-browser\"]"
                                    .to_string(),
                            )),
                        })
                        .collect::<Result<_, _>>()?;
                }
                (
                    "borders" | "sidebar" | "wrap" | "save_dir" | "hyperlinks" | "pipe_wait_key"
                    | "terminal_browsers",
                    _,
                ) => {
                    // What the setting takes, as feeds.* says it.
                    let wanted = match k.get_ref().as_ref() {
                        "sidebar" | "wrap" | "pipe_wait_key" => "true or false",
                        "save_dir" => "a folder, as a string (\"~/Notes\")",
                        "terminal_browsers" => "a list of program names ([\"w3m\", \"lynx\"])",
                        "hyperlinks" => "\"auto\", \"always\" or \"never\"",
                        _ => "\"unicode\" or \"ascii\"",
                    };
                    return Err(err(
                        v.span(),
                        format!("wrong type for ui.{}: {wanted}", k.get_ref()),
                    ));
                }
                (other, value) => {
                    return Err(err(k.span(), unknown_setting("ui", other, value)));
                }
            }
        }
        Ok(())
    }

    fn apply_feeds(
        &mut self,
        table: &DeTable,
        err: &dyn Fn(std::ops::Range<usize>, String) -> ConfigError,
    ) -> Result<(), ConfigError> {
        for (k, v) in table {
            match (k.get_ref().as_ref(), v.get_ref()) {
                ("update_on_start", DeValue::Boolean(b)) => self.update_on_start = *b,
                ("sync_on_start", DeValue::Boolean(b)) => self.sync_on_start = *b,
                ("update_on_start" | "sync_on_start", _) => {
                    return Err(err(
                        v.span(),
                        format!("wrong type for feeds.{}: true or false", k.get_ref()),
                    ));
                }
                (other, value) => {
                    return Err(err(k.span(), unknown_setting("feeds", other, value)));
                }
            }
        }
        Ok(())
    }
}

/// `NO_COLOR` set (to anything non-empty) turns colours off.
pub fn no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

/// The settings of `[ui]` and `[feeds]`.
const UI_SETTINGS: &[&str] = &[
    "borders",
    "sidebar",
    "wrap",
    "max_width",
    "save_dir",
    "hyperlinks",
    "pipe_wait_key",
    "terminal_browsers",
];
const FEEDS_SETTINGS: &[&str] = &["update_on_start", "sync_on_start"];

/// The table a setting written in the wrong place belongs in: a setting of
/// `[ui]` or `[feeds]`, a theme role, or a key bound to an action.
fn home_of(name: &str, value: &DeValue) -> Option<&'static str> {
    if UI_SETTINGS.contains(&name) {
        return Some("[ui]");
    }
    if FEEDS_SETTINGS.contains(&name) {
        return Some("[feeds]");
    }
    if crate::tui::ui::theme::Role::from_name(name).is_some() {
        return Some("[theme]");
    }
    match value {
        DeValue::String(a)
            if crate::tui::keymap::Key::parse(name).is_some()
                && (a.as_ref() == "none" || crate::tui::action::Action::from_name(a).is_some()) =>
        {
            Some("[keys]")
        }
        _ => None,
    }
}

/// An unknown name in `[ui]` or `[feeds]`: where it belongs when it
/// belongs elsewhere, else the names known there.
fn unknown_setting(table: &str, name: &str, value: &DeValue) -> String {
    let shown = quoted(name);
    match home_of(name, value) {
        Some(home) => format!("{table}.{shown} belongs under {home}, not [{table}]"),
        None => {
            let known = match table {
                "ui" => UI_SETTINGS,
                _ => FEEDS_SETTINGS,
            };
            format!(
                "unknown setting {table}.{shown} (known: {})",
                known.join(", ")
            )
        }
    }
}

/// The most of a config file read: 1 MiB.
const CONFIG_MAX: u64 = 1 << 20;

/// A config file's text; one that is not UTF-8 is refused naming the line
/// of its first bad byte.
/// Read up to [`CONFIG_MAX`]: a larger one is refused, naming it (a link to
/// `/dev/zero` was read until memory ran out); a pipe (`--config <(…)`) is
/// read as a file is.
fn read_config(path: &Path) -> anyhow::Result<String> {
    use std::io::Read;
    let cannot = |e: std::io::Error| {
        anyhow::anyhow!("cannot read the config file \"{}\": {e}", path.display())
    };
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(CONFIG_MAX + 1).read_to_end(&mut bytes))
        .map_err(cannot)?;
    if bytes.len() as u64 > CONFIG_MAX {
        anyhow::bail!(
            "the config file \"{}\" is larger than 1 MiB: is it the right file?",
            clean(&path.display().to_string())
        );
    }
    String::from_utf8(bytes).map_err(|e| {
        let good = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = 1 + good.iter().filter(|&&b| b == b'\n').count();
        anyhow::anyhow!(
            "{}: line {line}: not UTF-8 text (save the config file as UTF-8)",
            clean(&path.display().to_string())
        )
    })
}

/// The narrowest `ui.max_width` taken: below it long words would be split.
const MIN_MEASURE: usize = 20;

/// A count of columns: a TOML integer, 0 or more (in any base TOML allows).
fn columns(value: &DeValue) -> Option<usize> {
    let DeValue::Integer(i) = value else {
        return None;
    };
    let n = i64::from_str_radix(i.as_str(), i.radix()).ok()?;
    usize::try_from(n).ok()
}

/// A value as the file wrote it, for an error message.
fn shown(value: &DeValue) -> String {
    match value {
        DeValue::Integer(i) => i.to_string(),
        DeValue::Float(f) => f.as_str().to_string(),
        DeValue::String(s) => format!("\"{}\"", quoted(s)),
        DeValue::Boolean(b) => b.to_string(),
        other => {
            let t = other.type_str();
            let a = if t.starts_with(['a', 'e', 'i', 'o', 'u']) {
                "an"
            } else {
                "a"
            };
            format!("{a} {t}")
        }
    }
}

fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        + 1
}

mod keys;
mod save_dir;
#[cfg(test)]
mod tests;
mod theme;
