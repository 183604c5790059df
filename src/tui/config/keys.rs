//! `[keys]` and its pane tables: each line a key bound to an action, or
//! unbound with "none"; what cannot work is refused, naming the line.

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::{Config, ConfigError};
use crate::text::width::quoted;
use crate::tui::action::Action;
use crate::tui::keymap::{Context, Key};
use crate::tui::update::panes::{acts_in, pane_name, panes};

impl Config {
    pub(super) fn apply_keys(
        &mut self,
        table: &DeTable,
        quit_lost_at: &mut Option<std::ops::Range<usize>>,
        err: &dyn Fn(std::ops::Range<usize>, String) -> ConfigError,
    ) -> Result<(), ConfigError> {
        let mut global = Section::default();
        for (k, v) in table {
            match v.get_ref() {
                DeValue::Table(sub) => {
                    let name = quoted(k.get_ref().as_ref());
                    let ctx = Context::from_name(&name).ok_or_else(|| {
                        err(
                            k.span(),
                            format!(
                                "unknown key section [keys.{name}] (known: list, reader, sidebar)"
                            ),
                        )
                    })?;
                    let mut section = Section::default();
                    for (k2, v2) in sub {
                        self.bind_one(ctx, k2, v2, &mut section, quit_lost_at, err)?;
                    }
                }
                _ => self.bind_one(Context::Global, k, v, &mut global, quit_lost_at, err)?,
            }
        }
        Ok(())
    }

    fn bind_one(
        &mut self,
        ctx: Context,
        key: &Spanned<toml::de::DeString>,
        value: &Spanned<DeValue>,
        section: &mut Section,
        quit_lost_at: &mut Option<std::ops::Range<usize>>,
        err: &dyn Fn(std::ops::Range<usize>, String) -> ConfigError,
    ) -> Result<(), ConfigError> {
        let key_text = key.get_ref().as_ref();
        let key_name = quoted(key_text);
        let parsed = Key::parse_config(key_text).map_err(|m| err(key.span(), m))?;
        let DeValue::String(action) = value.get_ref() else {
            return Err(err(
                value.span(),
                format!("the action for \"{key_name}\" must be a string"),
            ));
        };
        let action_text = action.as_ref();
        let action = quoted(action_text);
        let a = match action_text {
            "none" => None,
            _ => Some(Action::from_name(action_text).ok_or_else(|| {
                err(value.span(), format!("unknown action \"{action}\" for key \"{key_name}\" (see `docbao --print-default-config` for the list)"))
            })?),
        };
        if let Some(a) = a
            && !acts_in(a, ctx)
        {
            let acts: Vec<&str> = panes(a).iter().map(|p| pane_name(*p)).collect();
            return Err(err(
                value.span(),
                format!(
                    "\"{action}\" (key \"{key_name}\") does nothing in {}: it acts in {} only; \
                     bind it under [keys] or [keys.{}]",
                    pane_name(ctx),
                    acts.join(" and "),
                    panes(a)
                        .iter()
                        .map(|p| section_name(*p))
                        .collect::<Vec<_>>()
                        .join("] or [keys.")
                ),
            ));
        }
        // Two spellings of one key (`Q`, `shift-q`) in one table must agree.
        // (A table is not read in the file's order: the later line is named.)
        let this = Spelling {
            key: key_name.to_string(),
            action: action.to_string(),
            span: key.span(),
        };
        if let Some(other) = section.get(&parsed)
            && other.action != this.action
        {
            let (first, second) = if other.span.start < this.span.start {
                (other, &this)
            } else {
                (&this, other)
            };
            let table = match ctx {
                Context::Global => "[keys]".to_string(),
                c => format!("[keys.{}]", section_name(c)),
            };
            let first_line = err(first.span.clone(), String::new()).line;
            return Err(err(
                second.span.clone(),
                format!(
                    "\"{}\" (line {first_line}) and \"{}\" are the same key ({}) in {table}, \
                     bound to different actions: \"{}\" and \"{}\"",
                    first.key,
                    second.key,
                    parsed.label(),
                    first.action,
                    second.action,
                ),
            ));
        }
        section.insert(parsed, this);
        let quit_before = self.keymap.resolve(Context::List, parsed) == Some(Action::Quit);
        self.keymap.bind(ctx, parsed, a);
        if quit_before && self.keymap.resolve(Context::List, parsed) != Some(Action::Quit) {
            // The last such line in the file is the one to name.
            if quit_lost_at
                .as_ref()
                .is_none_or(|at| at.start < key.span().start)
            {
                *quit_lost_at = Some(key.span());
            }
        }
        Ok(())
    }
}

/// The keys bound so far in one table of `[keys]`, normalised.
type Section = std::collections::HashMap<Key, Spelling>;

/// A key as written in the file, the name of its action, and where it is.
struct Spelling {
    key: String,
    action: String,
    span: std::ops::Range<usize>,
}

/// A pane's `[keys.…]` table name.
pub(super) fn section_name(pane: Context) -> &'static str {
    match pane {
        Context::Global => "",
        Context::Sidebar => "sidebar",
        Context::List => "list",
        Context::Reader => "reader",
    }
}
