//! Display widths and truncation by terminal columns.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
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
    out.push('…');
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
    fn truncation_respects_wide_glyphs_and_marks() {
        assert_eq!(truncate("Việt Nam", 20), "Việt Nam");
        assert_eq!(truncate("Việt Nam", 5), "Việt…");
        assert_eq!(truncate("中文中文", 4), "中…");
        assert_eq!(width(&truncate("中文中文", 4)), 3);
        assert_eq!(pad("ab", 4), "ab  ");
        assert_eq!(width(&pad("中文中文", 5)), 5);
    }
}
