//! Display widths and truncation by terminal columns.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// The columns a terminal gives `s`: each grapheme's width, added up, as
/// terminals, tmux and ratatui's buffer lay text out cell by cell.
/// `unicode-width` measuring a whole string also applies ligature rules no
/// terminal follows: Arabic lam-alef ("لا") is one column to it and two on
/// the screen, so a list row holding it lost a column of the site after
/// it. Scripts with such rules are measured grapheme by grapheme; the
/// others (and ASCII, at once) as a whole, which gives the same sum faster.
pub fn width(s: &str) -> usize {
    if s.is_ascii() {
        return UnicodeWidthStr::width(s);
    }
    if !s.chars().any(ligature_script) {
        return UnicodeWidthStr::width(s);
    }
    s.graphemes(true).map(UnicodeWidthStr::width).sum()
}

/// A letter of a script `unicode-width` 0.2 joins across graphemes when it
/// measures a string: Arabic (lam-alef), Khmer (coeng), Buginese, Lisu,
/// Tifinagh, Old Turkic.
fn ligature_script(c: char) -> bool {
    matches!(
        c,
        '\u{0600}'..='\u{06FF}'
            | '\u{0750}'..='\u{077F}'
            | '\u{08A0}'..='\u{08FF}'
            | '\u{1780}'..='\u{17FF}'
            | '\u{1A00}'..='\u{1A1F}'
            | '\u{2D30}'..='\u{2D7F}'
            | '\u{A4D0}'..='\u{A4FF}'
            | '\u{FB50}'..='\u{FDFF}'
            | '\u{FE70}'..='\u{FEFF}'
            | '\u{10C00}'..='\u{10C4F}'
    )
}

/// What a message quotes of a value from outside: its first 60 columns, a
/// line pasted by mistake (100 KB) not repeated whole.
pub fn quoted(s: &str) -> String {
    truncate(s, 60)
}

/// Cut `s` to at most `max` columns, ending with "…" when something was cut.
/// Never splits a grapheme cluster or a wide character.
pub fn truncate(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for g in s.graphemes(true) {
        let w = width(g);
        if used + w > max - 1 {
            break;
        }
        out.push_str(g);
        used += w;
    }
    // Never a space before the "…" ("Dân trí - Xã …", "hàng …"): the word
    // cut reads as cut.
    let kept = out.trim_end().len();
    out.truncate(kept);
    out.push('…');
    out
}

/// Cut `s` to at most `max` columns in its middle: its start and its end
/// kept (the end given the larger share), "…" between. Never splits a
/// grapheme cluster or a wide character.
pub fn elide_middle(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    if max <= 1 {
        return "…".repeat(max);
    }
    let graphemes: Vec<&str> = s.graphemes(true).collect();
    let take = |budget: usize, from_end: bool| -> (usize, usize) {
        let (mut used, mut n) = (0, 0);
        let it: Box<dyn Iterator<Item = &&str>> = if from_end {
            Box::new(graphemes.iter().rev())
        } else {
            Box::new(graphemes.iter())
        };
        for g in it {
            if used + width(g) > budget {
                break;
            }
            used += width(g);
            n += 1;
        }
        (n, used)
    };
    let (head, used) = take((max - 1) / 3, false);
    let (tail, _) = take(max - 1 - used, true);
    let mut out: String = graphemes[..head].concat();
    out.push('…');
    out.push_str(&graphemes[graphemes.len() - tail..].concat());
    out
}

/// Pad with spaces to exactly `cols` columns (truncating if longer).
pub fn pad(s: &str, cols: usize) -> String {
    let mut t = truncate(s, cols);
    let w = width(&t);
    t.extend(std::iter::repeat_n(' ', cols.saturating_sub(w)));
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lam_alef_is_two_columns_as_terminals_draw_it() {
        // unicode-width alone: one column for the pair (its ligature rule).
        assert_eq!(UnicodeWidthStr::width("لا"), 1);
        assert_eq!(width("لا"), 2);
        assert_eq!(width("لا لا لا"), 8);
        assert_eq!(width("خبر لا"), 6);
        // Each grapheme as ratatui's buffer and a terminal take it.
        let cells: usize = "لا لا".graphemes(true).map(UnicodeWidthStr::width).sum();
        assert_eq!(width("لا لا"), cells);
        assert_eq!(pad("لا", 4), "لا  ");
        assert_eq!(truncate("لا لا لا", 4), "لا…");
        assert_eq!(width(&truncate("لا لا لا", 5)), 5);
        // Others as before.
        assert_eq!(width("Việt Nam"), 8);
        assert_eq!(width("中文"), 4);
    }

    #[test]
    fn truncation_respects_wide_glyphs_and_marks() {
        assert_eq!(truncate("Việt Nam", 20), "Việt Nam");
        assert_eq!(truncate("Việt Nam", 5), "Việt…");
        // Never a space before the "…".
        assert_eq!(truncate("Dân trí - Xã hội", 12), "Dân trí - X…");
        assert_eq!(truncate("Dân trí - Xã hội", 13), "Dân trí - Xã…");
        assert_eq!(truncate("Dân trí - Xã hội", 14), "Dân trí - Xã…");
        assert_eq!(truncate("Việt Nam", 6), "Việt…");
        assert_eq!(truncate("中文中文", 4), "中…");
        assert_eq!(width(&truncate("中文中文", 4)), 3);
        assert_eq!(pad("ab", 4), "ab  ");
        assert_eq!(width(&pad("中文中文", 5)), 5);
    }
}
