//! Scrolling the reader with the terminal's own scroll region, so that a
//! line scrolled costs the line revealed, not the whole text redrawn (what
//! ncurses does; over SSH it is most of the bytes a reader writes).
//!
//! When the reader spans the whole width (maximised, or the one pane of a
//! narrow screen), or the article list does (the one pane of a narrow
//! screen), and its rows moved by `d` lines since the last frame, the
//! runtime sets the scroll region to the text's rows (DECSTBM), scrolls it
//! (SU/SD), resets the region, and tells ratatui the screen now shows the
//! last frame shifted the same way ([`shift`]); the next draw's diff then
//! writes only what differs: the lines revealed and the status line.
//! Whatever else changed is still drawn (the diff compares with what the
//! terminal shows), so the shortcut can cost bytes but never correctness,
//! as long as the terminal scrolls as modelled here: a terminal without
//! scroll regions ([`supported`]) is always redrawn.

use ratatui::buffer::{Buffer, Cell};

fn revealed() -> Cell {
    let mut c = Cell::default();
    c.set_symbol(REVEALED);
    c
}
use ratatui::layout::Rect;

use crate::model::ArticleId;
use crate::tui::state::AppState;
use crate::tui::state::layout::{inner_height, reader_text_area};
use crate::tui::state::offset_showing;

/// Which rows scroll: an article's text in the reader, or the article list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scrolled {
    Reader(ArticleId),
    List,
}

/// What a frame showed of the pane that scrolls.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScrollView {
    pub pane: Scrolled,
    /// The text's rows (the whole width of the screen).
    pub rows: (u16, u16),
    pub top: usize,
    pub screen: (u16, u16),
}

/// The pane that scrolls as the next frame shows it, when it spans the
/// whole width of the screen (else scrolling its rows would move other
/// panes too): the reader's text, else the article list's rows.
pub fn view_of(state: &AppState) -> Option<ScrollView> {
    if state.help_open {
        return None;
    }
    let panes = state.panes();
    let full = |r: Rect| r.x == 0 && r.width == state.width;
    if let Some(area) = panes.reader.filter(|&r| full(r)) {
        let text: Rect = reader_text_area(area, state.reader.max_width);
        if text.height < 2 {
            return None;
        }
        return Some(ScrollView {
            pane: Scrolled::Reader(state.reader.article_id()?),
            rows: (text.y, text.y + text.height - 1),
            top: state.reader.top,
            screen: (state.width, state.height),
        });
    }
    let area = panes.list.filter(|&r| full(r))?;
    let h = inner_height(area.height);
    if h < 2 || state.search.is_some() || state.list.rows.is_empty() {
        return None;
    }
    let list = &state.list;
    Some(ScrollView {
        pane: Scrolled::List,
        rows: (area.y + 1, area.y + h as u16),
        top: list.base + offset_showing(list.selected, list.offset, h),
        screen: (state.width, state.height),
    })
}

/// How many lines the text moved up (positive) or down, when the terminal
/// can move it: the same article in the same place, by less than its height.
pub fn lines_moved(before: &ScrollView, now: &ScrollView) -> Option<i32> {
    if before.pane != now.pane || before.rows != now.rows || before.screen != now.screen {
        return None;
    }
    let d = now.top as i64 - before.top as i64;
    let h = (now.rows.1 - now.rows.0 + 1) as i64;
    (d != 0 && d.abs() < h).then_some(d as i32)
}

/// How a terminal is asked to scroll a region it has set (DECSTBM, terminfo's
/// `csr`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Codes {
    /// SU and SD, `CSI n S` and `CSI n T` (terminfo's `indn` and `rin`):
    /// xterm and its kin, tmux, screen, the fewest bytes.
    ScrollUpDown,
    /// A line feed on the region's last row, a reverse index (`ESC M`) on its
    /// first, once a line: what every VT100 has. The Linux console, vt100 and
    /// vt220 have no SU or SD (terminfo gives them no `indn`, the kernel's
    /// console ignores `CSI S`): sent there, the text did not move and the
    /// maximised reader showed lines twice and skipped others (an
    /// independent review's find).
    Index,
}

/// The bytes that scroll rows `top..=bottom` (0-based) up by `d` lines (down
/// for a negative `d`): attributes reset first (the lines revealed are blank
/// in the default colours), the region set, scrolled, and reset.
pub fn sequence(rows: (u16, u16), d: i32, codes: Codes) -> String {
    let (top, bottom) = (rows.0 + 1, rows.1 + 1);
    let n = d.unsigned_abs() as usize;
    let scroll = match (codes, d > 0) {
        (Codes::ScrollUpDown, true) => format!("\x1b[{n}S"),
        (Codes::ScrollUpDown, false) => format!("\x1b[{n}T"),
        (Codes::Index, true) => format!("\x1b[{bottom};1H{}", "\n".repeat(n)),
        (Codes::Index, false) => format!("\x1b[{top};1H{}", "\x1bM".repeat(n)),
    };
    format!("\x1b[0m\x1b[{top};{bottom}r{scroll}\x1b[r")
}

/// A cell no frame ever holds: the rows a scroll reveals are marked with
/// it, so that the next draw writes each of them whole, in one run (blank
/// cells there would match the spaces between words, and the diff would
/// jump over every space with a cursor move, costing more than the spaces).
pub const REVEALED: &str = "\u{FFFF}";

/// The last frame as the terminal shows it after [`sequence`]: rows
/// `top..=bottom` moved up by `d` (down if negative); the rows revealed
/// (blank on the terminal) marked [`REVEALED`], to be drawn whole.
pub fn shift(buf: &mut Buffer, rows: (u16, u16), d: i32) {
    let (top, bottom) = rows;
    let w = buf.area.width as usize;
    let row = |y: u16| (y - buf.area.y) as usize * w;
    let n = d.unsigned_abs() as u16;
    if n == 0 || bottom < top || n > bottom - top {
        return;
    }
    if d > 0 {
        for y in top..=bottom - n {
            let (dst, src) = (row(y), row(y + n));
            for x in 0..w {
                buf.content[dst + x] = buf.content[src + x].clone();
            }
        }
        for y in bottom + 1 - n..=bottom {
            let r = row(y);
            buf.content[r..r + w].fill(revealed());
        }
    } else {
        for y in (top + n..=bottom).rev() {
            let (dst, src) = (row(y), row(y - n));
            for x in 0..w {
                buf.content[dst + x] = buf.content[src + x].clone();
            }
        }
        for y in top..top + n {
            let r = row(y);
            buf.content[r..r + w].fill(revealed());
        }
    }
}

/// Can this terminal scroll a region (terminfo's `csr`), and how
/// ([`Codes`])? Every terminal docbao is used in can (xterm and its kin,
/// tmux, screen, the Linux console, vt100 on); a dumb or unknown one is
/// redrawn instead. SU and SD only where the terminal is known to have
/// them; any other is sent what every VT100 has.
pub fn supported(term: Option<&str>) -> Option<Codes> {
    let t = term.map(str::trim).filter(|t| !t.is_empty())?;
    if matches!(t, "dumb" | "unknown" | "cons25") || t.starts_with("vt52") {
        return None;
    }
    const SU_SD: &[&str] = &[
        "xterm",
        "screen",
        "tmux",
        "rxvt",
        "alacritty",
        "kitty",
        "foot",
        "wezterm",
        "st-",
        "konsole",
        "gnome",
        "vte",
        "iterm",
        "contour",
        "putty",
        "mintty",
        "ms-terminal",
        "ghostty",
    ];
    Some(if t == "st" || SU_SD.iter().any(|p| t.starts_with(p)) {
        Codes::ScrollUpDown
    } else {
        Codes::Index
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;

    fn rows_of(buf: &Buffer) -> Vec<String> {
        (0..buf.area.height)
            .map(|y| {
                (0..buf.area.width)
                    .map(|x| buf[(x, y)].symbol().to_string())
                    .collect()
            })
            .collect()
    }

    fn numbered(w: u16, h: u16) -> Buffer {
        let mut b = Buffer::empty(Rect::new(0, 0, w, h));
        for y in 0..h {
            b.set_string(
                0,
                y,
                format!("{y}").repeat(w as usize),
                ratatui::style::Style::default(),
            );
        }
        b
    }

    #[test]
    fn shifting_up_moves_the_rows_and_blanks_the_ones_revealed() {
        let mut b = numbered(3, 6);
        shift(&mut b, (1, 4), 2);
        let r = REVEALED.repeat(3);
        assert_eq!(rows_of(&b), ["000", "333", "444", &r, &r, "555"]);
    }

    #[test]
    fn shifting_down_is_the_mirror() {
        let mut b = numbered(3, 6);
        shift(&mut b, (1, 4), -1);
        let r = REVEALED.repeat(3);
        assert_eq!(rows_of(&b), ["000", &r, "111", "222", "333", "555"]);
    }

    #[test]
    fn a_shift_as_tall_as_the_region_does_nothing() {
        let mut b = numbered(2, 4);
        shift(&mut b, (1, 2), 2);
        assert_eq!(rows_of(&b), ["00", "11", "22", "33"]);
    }

    #[test]
    fn the_sequence_sets_scrolls_and_resets_the_region() {
        let su = Codes::ScrollUpDown;
        assert_eq!(sequence((1, 27), 1, su), "\x1b[0m\x1b[2;28r\x1b[1S\x1b[r");
        assert_eq!(sequence((1, 27), -3, su), "\x1b[0m\x1b[2;28r\x1b[3T\x1b[r");
        let index = Codes::Index;
        assert_eq!(
            sequence((1, 27), 2, index),
            "\x1b[0m\x1b[2;28r\x1b[28;1H\n\n\x1b[r"
        );
        assert_eq!(
            sequence((1, 27), -1, index),
            "\x1b[0m\x1b[2;28r\x1b[2;1H\x1bM\x1b[r"
        );
    }

    #[test]
    fn su_and_sd_only_where_the_terminal_has_them() {
        for term in [
            "xterm-256color",
            "screen",
            "tmux-256color",
            "alacritty",
            "st",
            "foot",
        ] {
            assert_eq!(supported(Some(term)), Some(Codes::ScrollUpDown), "{term}");
        }
        for term in ["linux", "vt100", "vt220", "ansi", "foo"] {
            assert_eq!(supported(Some(term)), Some(Codes::Index), "{term}");
        }
        for term in [None, Some(""), Some("dumb"), Some("vt52")] {
            assert_eq!(supported(term), None, "{term:?}");
        }
    }

    /// Both ways move a VT100's text as [`shift`] moves the last frame: the
    /// screen after them, the rows revealed written again, is the frame.
    #[test]
    fn both_ways_move_the_text_as_shift_moves_the_frame() {
        for codes in [Codes::ScrollUpDown, Codes::Index] {
            for d in [1, 3, -1, -2] {
                let nz = |n| std::num::NonZeroU16::new(n).expect("a size");
                let mut screen = vt100::Parser::new(nz(8), nz(5), 0);
                let lines: Vec<String> = (0..8).map(|y| format!("{y}{y}{y}{y}{y}")).collect();
                let drawn: String = (0..8)
                    .map(|y| format!("\x1b[{};1H{}", y + 1, lines[y]))
                    .collect();
                screen.process(drawn.as_bytes());
                screen.process(sequence((1, 6), d, codes).as_bytes());
                let mut frame = numbered(5, 8);
                shift(&mut frame, (1, 6), d);
                for (y, row) in rows_of(&frame).iter().enumerate() {
                    let shown = screen.screen().contents_between(y as u16, 0, y as u16, 5);
                    if row.contains(REVEALED) {
                        assert_eq!(shown.trim(), "", "{codes:?} {d} row {y}");
                    } else {
                        assert_eq!(&shown, row, "{codes:?} {d} row {y}");
                    }
                }
            }
        }
    }

    #[test]
    fn moved_lines_only_within_the_same_article_and_place() {
        let v = ScrollView {
            pane: Scrolled::Reader(ArticleId(1)),
            rows: (1, 27),
            top: 10,
            screen: (100, 30),
        };
        assert_eq!(lines_moved(&v, &ScrollView { top: 11, ..v }), Some(1));
        assert_eq!(lines_moved(&v, &ScrollView { top: 4, ..v }), Some(-6));
        assert_eq!(lines_moved(&v, &v), None);
        assert_eq!(
            lines_moved(&v, &ScrollView { top: 37, ..v }),
            None,
            "a page or more"
        );
        assert_eq!(
            lines_moved(
                &v,
                &ScrollView {
                    pane: Scrolled::Reader(ArticleId(2)),
                    top: 11,
                    ..v
                }
            ),
            None
        );
        assert_eq!(
            lines_moved(
                &v,
                &ScrollView {
                    rows: (1, 20),
                    top: 11,
                    ..v
                }
            ),
            None
        );
    }
}
