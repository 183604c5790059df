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
    fn truncation_respects_wide_glyphs_and_marks() {
        assert_eq!(truncate("Việt Nam", 20), "Việt Nam");
        assert_eq!(truncate("Việt Nam", 5), "Việt…");
        assert_eq!(truncate("中文中文", 4), "中…");
        assert_eq!(width(&truncate("中文中文", 4)), 3);
        assert_eq!(pad("ab", 4), "ab  ");
        assert_eq!(width(&pad("中文中文", 5)), 5);
    }
}
