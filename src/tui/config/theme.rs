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

pub(super) fn parse_style(s: &str, no_color: bool) -> Result<Style, String> {
    let mut style = Style::default();
    for word in s.split_whitespace() {
        let color = |c: Color| if no_color { None } else { Some(c) };
        style = match word {
            "bold" => style.add_modifier(Modifier::BOLD),
            "dim" => style.add_modifier(Modifier::DIM),
            "italic" => style.add_modifier(Modifier::ITALIC),
            "underline" => style.add_modifier(Modifier::UNDERLINED),
            "reverse" => style.add_modifier(Modifier::REVERSED),
            "default" => style,
            w => {
                let c = match w {
                    "black" => Color::Black,
                    "red" => Color::Red,
                    "green" => Color::Green,
                    "yellow" => Color::Yellow,
                    "blue" => Color::Blue,
                    "magenta" => Color::Magenta,
                    "cyan" => Color::Cyan,
                    "white" => Color::White,
                    "gray" | "grey" => Color::Gray,
                    other => {
                        return Err(format!(
                            "unknown style word \"{}\" (use bold, dim, italic, underline, reverse or a colour)",
                            quoted(other)
                        ));
                    }
                };
                match color(c) {
                    Some(c) => style.fg(c),
                    None => style,
                }
            }
        };
    }
    Ok(style)
}
