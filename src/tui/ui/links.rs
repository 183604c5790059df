//! OSC 8 hyperlinks in ratatui's buffer (`ESC ] 8 ; ; URL ESC \ text
//! ESC ] 8 ; ; ESC \`, config `ui.hyperlinks`).
//!
//! A ratatui cell holds one grapheme, and the crossterm backend writes a
//! cell's symbol as it is: so each cell of a link gets its own glyph wrapped
//! in the link's opening and closing sequences, and a forced width
//! ([`CellDiffOption::ForcedWidth`], the glyph's own) so that the buffer's
//! diff does not take the escape's bytes for columns. Each cell is a whole
//! link by itself: a diff that rewrites only some of them, or a popup drawn
//! over part of the line, never leaves a link open on the screen (the
//! approach of the ratatui hyperlink example, per cell rather than one cell
//! holding the whole text, which a popup over its other cells would break).

use std::borrow::Cow;
use std::num::NonZeroU16;

use ratatui::buffer::{Buffer, CellDiffOption};
use ratatui::layout::Rect;

use crate::text::width::width;

/// The address as an OSC 8 target: an `http(s)` URL in printable ASCII
/// (a non-ASCII one percent-encoded, its host in punycode, by the URL
/// parser); `None` for anything else. No control character, space, `ESC`
/// or `BEL` can be in it, so it can never end the escape early.
pub fn osc8_target(url: &str) -> Option<Cow<'_, str>> {
    let s: Cow<str> = if url.is_ascii() {
        Cow::Borrowed(url)
    } else {
        Cow::Owned(url::Url::parse(url).ok()?.to_string())
    };
    let lower = s.get(..8).unwrap_or(&s).to_ascii_lowercase();
    let web = lower.starts_with("http://") || lower.starts_with("https://");
    (web && s.bytes().all(|b| (0x21..=0x7e).contains(&b))).then_some(s)
}

/// Make the cells of `row` (one line of the buffer) a link to `target` (as
/// [`osc8_target`] gives it).
pub fn link_cells(buf: &mut Buffer, row: Rect, target: &str) {
    let end = row.right().min(buf.area.right());
    let mut x = row.x;
    while x < end {
        let Some(cell) = buf.cell_mut((x, row.y)) else {
            break;
        };
        let glyph = cell.symbol().to_string();
        let cols = u16::try_from(width(&glyph)).unwrap_or(1).max(1);
        cell.set_symbol(&format!("\x1b]8;;{target}\x1b\\{glyph}\x1b]8;;\x1b\\"));
        if let Some(w) = NonZeroU16::new(cols) {
            cell.set_diff_option(CellDiffOption::ForcedWidth(w));
        }
        x = x.saturating_add(cols);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_addresses_in_printable_ascii_are_targets() {
        assert_eq!(
            osc8_target("https://dantri.com.vn/a.htm").as_deref(),
            Some("https://dantri.com.vn/a.htm")
        );
        // Non-ASCII: encoded, never written raw.
        assert_eq!(
            osc8_target("https://vi.wikipedia.org/wiki/Thái_Bình").as_deref(),
            Some("https://vi.wikipedia.org/wiki/Th%C3%A1i_B%C3%ACnh")
        );
        assert_eq!(
            osc8_target("http://bücher.de/").as_deref(),
            Some("http://xn--bcher-kva.de/")
        );
        for bad in [
            "https://x.vn/a\x1b\\b",
            "https://x.vn/a\x07b",
            "https://x.vn/a\x1b]8;;evil",
            "https://x.vn/a b",
            "https://x.vn/\u{9c}",
            "javascript:alert(1)",
            "file:///etc/passwd",
            "",
        ] {
            let got = osc8_target(bad);
            assert!(
                got.as_deref()
                    .is_none_or(|t| !t.contains('\x1b') && !t.contains('\x07') && !t.contains(' ')),
                "{bad:?} gave {got:?}"
            );
            // An ASCII one with any of these is refused outright.
            assert!(got.is_none() || !bad.is_ascii(), "{bad:?} gave {got:?}");
        }
    }

    #[test]
    fn each_cell_is_a_whole_link_of_its_glyphs_width() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 8, 1));
        buf.set_string(0, 0, "Aố漢b", ratatui::style::Style::default());
        link_cells(&mut buf, Rect::new(0, 0, 5, 1), "https://x.vn/");
        let open = "\x1b]8;;https://x.vn/\x1b\\";
        let close = "\x1b]8;;\x1b\\";
        assert_eq!(buf[(0, 0)].symbol(), format!("{open}A{close}"));
        assert_eq!(buf[(1, 0)].symbol(), format!("{open}ố{close}"));
        assert_eq!(buf[(2, 0)].symbol(), format!("{open}漢{close}"));
        assert_eq!(
            buf[(2, 0)].diff_option,
            CellDiffOption::ForcedWidth(NonZeroU16::new(2).unwrap())
        );
        // The wide glyph's second column is left alone; b follows it.
        assert_eq!(buf[(4, 0)].symbol(), format!("{open}b{close}"));
        assert_eq!(buf[(5, 0)].symbol(), " ");
        // The diff writes each linked glyph once, at its own column.
        let empty = Buffer::empty(buf.area);
        let xs: Vec<u16> = empty.diff(&buf).iter().map(|(x, _, _)| *x).collect();
        assert_eq!(xs, [0, 1, 2, 4]);
    }
}
