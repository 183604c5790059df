//! The help popup, built from the keymap: every binding, grouped by the
//! table it is in (the focused pane's own keys first, then the keys that work
//! everywhere, then the other panes').

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph};

use super::pane_block;
use crate::text::width::{pad, truncate, width};
use crate::text::wrap::wrap_with_indent;
use crate::tui::action::{ACTIONS, Action};
use crate::tui::config::Config;
use crate::tui::keymap::{Context, Key, Keymap};
use crate::tui::state::{AppState, Focus};
use crate::tui::ui::theme::Role;

/// The popup is at most this wide.
const WIDTH: u16 = 64;

/// One row of the help: a heading, or keys and what they do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpRow {
    Heading(&'static str),
    Keys { keys: String, help: String },
}

fn heading(ctx: Context) -> &'static str {
    match ctx {
        Context::Global => "Everywhere",
        Context::Sidebar => "In the sidebar",
        Context::List => "In the article list",
        Context::Reader => "In the reader",
    }
}

/// Every binding of the keymap, grouped by table: the focused pane's own,
/// then the global ones, then the other panes'. Each action is one row with
/// all its keys; `open_related_1`…`9` bound to `1`…`9` make one row.
pub fn help_rows(keymap: &Keymap, focus: Focus) -> Vec<HelpRow> {
    let own = focus.context();
    let mut order = vec![own, Context::Global];
    order.extend(
        [Context::List, Context::Reader, Context::Sidebar]
            .into_iter()
            .filter(|c| *c != own),
    );
    let mut rows = Vec::new();
    for ctx in order {
        let table = keymap.help_table(ctx);
        if table.is_empty() {
            continue;
        }
        rows.push(HelpRow::Heading(heading(ctx)));
        let keys_of = |action: Action| -> Vec<Key> {
            table
                .iter()
                .filter(|(_, a)| *a == action)
                .map(|(k, _)| *k)
                .collect()
        };
        let digits = (1..=9u8).all(|n| {
            keys_of(Action::OpenRelated(n))
                == [Key::new(
                    ratatui::crossterm::event::KeyCode::Char((b'0' + n) as char),
                    ratatui::crossterm::event::KeyModifiers::NONE,
                )]
        });
        for (action, _, help) in ACTIONS {
            if digits && matches!(action, Action::OpenRelated(_)) {
                if *action == Action::OpenRelated(1) {
                    rows.push(HelpRow::Keys {
                        keys: "1–9".to_string(),
                        help: "open related story 1–9".to_string(),
                    });
                }
                continue;
            }
            let keys = keys_of(*action);
            if keys.is_empty() {
                continue;
            }
            let labels: Vec<String> = keys.iter().map(Key::label).collect();
            // The find's "then n / N" names the keys that step in it.
            let help = match action {
                Action::Find => {
                    let keys = keymap.names();
                    help.replace(
                        "n / N",
                        &format!("{} / {}", keys.next_match, keys.prev_match),
                    )
                }
                // The markings undone, by the keys that make them.
                Action::Undo => {
                    let key = |a| keymap.hint_or_unbound(ctx, a);
                    help.replace(
                        "A, m, s",
                        &format!(
                            "{}, {}, {}",
                            key(Action::MarkAllRead),
                            key(Action::ToggleRead),
                            key(Action::ToggleBookmark)
                        ),
                    )
                }
                _ => help.to_string(),
            };
            rows.push(HelpRow::Keys {
                keys: labels.join(" "),
                help,
            });
        }
    }
    rows.push(HelpRow::Heading(PROMPT_HEADING));
    rows.extend(PROMPT_KEYS.iter().map(|(keys, help)| HelpRow::Keys {
        keys: keys.to_string(),
        help: help.to_string(),
    }));
    rows
}

const PROMPT_HEADING: &str = "In a prompt";

/// The keys of every prompt, as `update::input::update_input` takes them
/// (fixed there, not in the keymap). Keys no wider than the keymap's
/// widest in the default column, which they would widen at 40 columns.
const PROMPT_KEYS: &[(&str, &str)] = &[
    (
        "← →",
        "move the cursor (a text offered again stays, to edit)",
    ),
    ("Home", "to the start; C-a too"),
    ("End", "to the end; C-e too"),
    (
        "BkSp",
        "delete before the cursor; C-h too (typing replaces an offered text)",
    ),
    ("Del", "delete at the cursor"),
    ("C-u", "delete to the start"),
    ("C-w", "delete the word before the cursor"),
    (
        "Enter",
        "search: open the result; find: keep the match; filter: keep it; others: do it",
    ),
    (
        "Esc",
        "cancel: the search gives the list back, the find the view it started from",
    ),
    (
        "↑ ↓",
        "search: the result before / after (C-p C-n too); keyword filter: keep it and go to the keywords (Tab too)",
    ),
];

/// The help as lines `inner_w` columns wide: (text, is a heading). The keys
/// stand in a column; keys wider than the column get a line of their own,
/// the help text under them; help text wraps under itself.
pub fn help_lines(keymap: &Keymap, focus: Focus, inner_w: usize) -> Vec<(String, bool)> {
    let rows = help_rows(keymap, focus);
    // The column is as wide as the widest keys that fit in 3/10 of the
    // width (two spaces after them); wider keys take a line of their own.
    let cap = (inner_w * 3 / 10).max(6);
    let key_w = rows
        .iter()
        .filter_map(|r| match r {
            HelpRow::Keys { keys, .. } => Some(width(keys) + 2),
            HelpRow::Heading(_) => None,
        })
        .filter(|w| *w <= cap)
        .max()
        .unwrap_or(cap);
    let indent = " ".repeat(key_w);
    let mut lines = Vec::new();
    for row in rows {
        match row {
            HelpRow::Heading(h) => {
                if !lines.is_empty() {
                    lines.push((String::new(), false));
                }
                lines.push((truncate(h, inner_w), true));
            }
            HelpRow::Keys { keys, help } => {
                let first = if width(&keys) + 2 <= key_w {
                    pad(&keys, key_w)
                } else {
                    lines.push((truncate(&keys, inner_w), false));
                    indent.clone()
                };
                lines.extend(
                    wrap_with_indent(&help, inner_w, &first, &indent)
                        .into_iter()
                        .map(|l| (l, false)),
                );
            }
        }
    }
    lines
}

/// What the popup's bottom border says, at every scroll: its keys as bound
/// ("j/k scroll · Esc or ? closes" by default).
fn hint(keymap: &Keymap, focus: Focus) -> String {
    let ctx = focus.context();
    let key = |a| keymap.hint_or_unbound(ctx, a);
    let close = match (
        keymap.hint(ctx, Action::Back),
        keymap.hint(ctx, Action::Help),
    ) {
        (Some(back), Some(help)) => format!("{back} or {help}"),
        (Some(k), None) | (None, Some(k)) => k,
        (None, None) => key(Action::Quit),
    };
    format!(
        "{}/{} scroll · {close} closes",
        key(Action::Down),
        key(Action::Up)
    )
}

/// The furthest the popup scrolls on a screen of the state's size: its last
/// page full (the drawing's own geometry).
pub fn max_scroll(keymap: &Keymap, state: &AppState) -> usize {
    let w = state.width.min(WIDTH);
    let inner_w = w.saturating_sub(2) as usize;
    let rows = help_lines(keymap, state.focus, inner_w).len();
    // The popup is centred on the screen above the status line ([`area`]).
    let screen = area(Rect::new(0, 0, state.width, state.height));
    let inner_h = (rows + 2).min(screen.height as usize).saturating_sub(2);
    rows.saturating_sub(inner_h)
}

/// Where the popup is centred: the screen above the status line, which it
/// covered in part (its bottom border drawn over the line's text: an
/// independent review's find); the whole screen when it is one row.
pub fn area(screen: Rect) -> Rect {
    Rect {
        height: screen.height.saturating_sub(1).max(1),
        ..screen
    }
}

pub fn draw(frame: &mut Frame, area: Rect, state: &AppState, cfg: &Config) {
    let w = area.width.min(WIDTH);
    let inner_w = w.saturating_sub(2) as usize;
    let all: Vec<Line> = help_lines(&cfg.keymap, state.focus, inner_w)
        .into_iter()
        .map(|(text, is_heading)| {
            if is_heading {
                Line::styled(text, cfg.theme.style(Role::Title))
            } else {
                Line::raw(text)
            }
        })
        .collect();
    // How to scroll and close it, in the bottom border: seen on every page,
    // not only once scrolled to the end.
    let hint = Line::styled(
        truncate(&format!(" {} ", hint(&cfg.keymap, state.focus)), inner_w),
        cfg.theme.style(Role::Muted),
    );
    let h = (all.len() as u16 + 2).min(area.height);
    let popup = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    let inner_h = h.saturating_sub(2) as usize;
    // Keep the last page full when scrolled to the end.
    let first = state.help_scroll.min(all.len().saturating_sub(inner_h));
    let lines: Vec<Line> = all.into_iter().skip(first).take(inner_h).collect();
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(lines).block(pane_block(" Keys ".to_string(), true, cfg).title_bottom(hint)),
        popup,
    );
    uncover_edge(frame.buffer_mut(), popup);
}

/// A wide character just left of the popup covers the popup's first
/// column, and ratatui's diff skips a cell a wide character covers: the
/// border there was never written (a tester's report, CJK titles under the
/// help). Such a character gives its place to a space.
fn uncover_edge(buf: &mut ratatui::buffer::Buffer, popup: Rect) {
    use unicode_width::UnicodeWidthStr;
    if popup.x == buf.area.x {
        return;
    }
    for y in popup.top()..popup.bottom() {
        let cell = &mut buf[(popup.x - 1, y)];
        if cell.symbol().width() > 1 {
            cell.set_symbol(" ");
        }
    }
}
