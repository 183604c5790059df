//! `[theme]`: a style for each role, in words ("bold red").

use ratatui::style::{Color, Modifier, Style};
use toml::de::{DeTable, DeValue};

use super::{Config, ConfigError};
use crate::text::width::quoted;
use crate::tui::ui::theme::Role;

impl Config {
    pub(super) fn apply_theme(
        &mut self,
        table: &DeTable,
        no_color: bool,
        err: &dyn Fn(std::ops::Range<usize>, String) -> ConfigError,
    ) -> Result<(), ConfigError> {
        for (k, v) in table {
            let name = quoted(k.get_ref().as_ref());
            let Some(role) = Role::from_name(&name) else {
                let known: Vec<&str> = Role::ALL.iter().map(|r| r.name()).collect();
                return Err(err(
                    k.span(),
                    format!(
                        "unknown theme role \"{name}\" (known: {})",
                        known.join(", ")
                    ),
                ));
            };
            let DeValue::String(s) = v.get_ref() else {
                return Err(err(
                    v.span(),
                    format!("theme.{name} must be a string like \"bold red\""),
                ));
            };
            let style = parse_style(s, no_color).map_err(|m| err(v.span(), m))?;
            // Under NO_COLOR, colours alone leave the role as it was (a
            // selected row given only a colour would look like any other).
            let colours_only = no_color && style == ratatui::style::Style::default();
            if !colours_only {
                self.theme.set(role, style);
            }
        }
        Ok(())
    }
}

/// A style in words: bold, dim, italic, underline, reverse, and one colour
/// (or "default"), in any case ("Bold Red"). Two colours are refused: the
/// last was taken silently.
pub(super) fn parse_style(s: &str, no_color: bool) -> Result<Style, String> {
    let mut style = Style::default();
    let mut colour: Option<String> = None;
    for word in s.split_whitespace() {
        let lower = word.to_lowercase();
        style = match lower.as_str() {
            "bold" => style.add_modifier(Modifier::BOLD),
            "dim" => style.add_modifier(Modifier::DIM),
            "italic" => style.add_modifier(Modifier::ITALIC),
            "underline" => style.add_modifier(Modifier::UNDERLINED),
            "reverse" => style.add_modifier(Modifier::REVERSED),
            w => {
                let c = match w {
                    "default" => None,
                    "black" => Some(Color::Black),
                    "red" => Some(Color::Red),
                    "green" => Some(Color::Green),
                    "yellow" => Some(Color::Yellow),
                    "blue" => Some(Color::Blue),
                    "magenta" => Some(Color::Magenta),
                    "cyan" => Some(Color::Cyan),
                    "white" => Some(Color::White),
                    "gray" | "grey" => Some(Color::Gray),
                    _ => {
                        return Err(format!(
                            "unknown style word \"{}\" (use bold, dim, italic, underline, reverse or a colour)",
                            quoted(word)
                        ));
                    }
                };
                if let Some(first) = &colour {
                    return Err(format!(
                        "two colours, \"{first}\" and \"{}\", in \"{}\": a role takes one, \
                         the colour of its text",
                        quoted(word),
                        quoted(s)
                    ));
                }
                colour = Some(quoted(word));
                match c {
                    Some(c) if !no_color => style.fg(c),
                    _ => style,
                }
            }
        };
    }
    Ok(style)
}
