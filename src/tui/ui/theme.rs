//! The theme: a style for each semantic role. Call sites name a role, never
//! a colour; `config.toml`'s `[theme]` sets them by the roles' names.

use ratatui::style::Style;

macro_rules! roles {
    ($($role:ident = $name:literal),* $(,)?) => {
        /// A style role of the theme.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Role {
            $($role),*
        }

        impl Role {
            /// Every role, in the order `config.toml` documents them.
            pub const ALL: &[Role] = &[$(Role::$role),*];

            /// The role's name in `config.toml`.
            pub fn name(self) -> &'static str {
                match self {
                    $(Role::$role => $name),*
                }
            }
        }
    };
}

roles! {
    Title = "title",
    Meta = "meta",
    Lead = "lead",
    Body = "body",
    Caption = "caption",
    Heading = "heading",
    Quote = "quote",
    Section = "section",
    Keyword = "keyword",
    Link = "link",
    Unread = "unread",
    Muted = "muted",
    Selected = "selected",
    FocusedBorder = "focused_border",
    Border = "border",
    Status = "status",
    Error = "error",
    Match = "match",
}

impl Role {
    pub fn from_name(name: &str) -> Option<Role> {
        Role::ALL.iter().copied().find(|r| r.name() == name)
    }
}

/// A style for each role; a role never set is the terminal's default style.
#[derive(Debug, Clone, Default)]
pub struct Theme {
    styles: Vec<(Role, Style)>,
}

impl Theme {
    pub fn style(&self, role: Role) -> Style {
        self.styles
            .iter()
            .find(|(r, _)| *r == role)
            .map(|(_, s)| *s)
            .unwrap_or_default()
    }

    pub fn set(&mut self, role: Role, style: Style) {
        match self.styles.iter_mut().find(|(r, _)| *r == role) {
            Some(slot) => slot.1 = style,
            None => self.styles.push((role, style)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_go_both_ways_and_are_unique() {
        for r in Role::ALL {
            assert_eq!(Role::from_name(r.name()), Some(*r));
        }
        let mut names: Vec<_> = Role::ALL.iter().map(|r| r.name()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Role::ALL.len());
        assert_eq!(Role::from_name("sparkly"), None);
    }

    #[test]
    fn a_role_set_twice_keeps_the_last_style() {
        use ratatui::style::Modifier;
        let mut t = Theme::default();
        assert_eq!(t.style(Role::Selected), Style::default());
        t.set(
            Role::Selected,
            Style::default().add_modifier(Modifier::BOLD),
        );
        t.set(
            Role::Selected,
            Style::default().add_modifier(Modifier::REVERSED),
        );
        assert_eq!(
            t.style(Role::Selected),
            Style::default().add_modifier(Modifier::REVERSED)
        );
    }
}
