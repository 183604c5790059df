//! The text pipeline every string goes through before it is stored:
//! terminal escape sequences removed, orphan combining marks re-attached,
//! NFC normalisation, control / zero-width / soft-hyphen / BOM / variation
//! selector / bidi-override characters dropped, every kind of space (tab,
//! NBSP, line separator …) turned into one plain space, runs collapsed, trimmed.
//!
//! The one rule this enforces — NFC, no controls, no invisible characters —
//! is what makes unicode-width, textwrap, ratatui and real terminals agree on
//! how wide a line is, and it blocks escape injection from article content.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Clean one line or paragraph of text: the result is a single line.
pub fn clean(input: &str) -> String {
    clean_fast(input).unwrap_or_else(|| clean_full(input))
}

/// The whole pipeline, for text the fast path does not vouch for.
fn clean_full(input: &str) -> String {
    // 1. Escape sequences (CSI, OSC, DCS …) go first, whole: dropping only the
    //    ESC would leave "[2J" in the text.
    let stripped = strip_escapes(input);
    // 2. Characters that must never reach a terminal or the store.
    let mut visible = String::with_capacity(stripped.len());
    // Regional indicators in a row so far: flags side by side are words
    // apart ("🇻🇳🇰🇷" is "VN KR", not "VNKR").
    let mut indicators = 0usize;
    for c in stripped.chars() {
        match classify(c) {
            Class::Letter(l) => {
                // Apart from the flag before it, and from a word it follows
                // ("Việt Nam🇻🇳" is "Việt Nam VN", not "Việt NamVN").
                let after_word = indicators == 0 && visible.ends_with(char::is_alphanumeric);
                if after_word || (indicators > 0 && indicators.is_multiple_of(2)) {
                    visible.push(' ');
                }
                indicators += 1;
                visible.push(l);
                continue;
            }
            // A word right after a flag: apart from it too.
            Class::Keep if indicators > 0 && c.is_alphanumeric() => {
                visible.push(' ');
                visible.push(c);
            }
            Class::Keep => visible.push(c),
            Class::Space => visible.push(' '),
            Class::Drop => {}
        }
        indicators = 0;
    }
    // 3. A combining mark after a space belongs to the letter before the
    //    space ("thi ̣trường" → "thị trường"); one with no letter before it is
    //    dropped, since a terminal would draw it on nothing.
    let reattached = reattach_orphan_marks(&visible);
    // 4. NFC: composes decomposed text, reorders non-canonical mark order.
    let composed: String = reattached.nfc().collect();
    // 5. Collapse spaces and trim.
    collapse_spaces(&composed)
}

/// Clean one line of preformatted text (code): as [`clean`] cleans a line,
/// its indentation kept, a tab to the next multiple of eight columns (up to
/// 40 columns).
pub fn clean_code_line(line: &str) -> String {
    let body = clean(line);
    if body.is_empty() {
        return body;
    }
    let mut indent = 0usize;
    for c in line.chars() {
        match c {
            ' ' | '\u{A0}' => indent += 1,
            '\t' => indent += 8 - indent % 8,
            _ => break,
        }
    }
    format!("{}{body}", " ".repeat(indent.min(40)))
}

/// Clean a block that may hold several paragraphs separated by blank lines.
/// Single line breaks inside a paragraph become spaces; empty paragraphs go.
pub fn clean_paragraphs(input: &str) -> Vec<String> {
    let unified = input.replace("\r\n", "\n").replace('\r', "\n");
    unified
        .split("\n\n")
        .map(clean)
        .filter(|p| !p.is_empty())
        .collect()
}

/// Clean an optional field; an empty result becomes `None`.
pub fn clean_opt(input: Option<&str>) -> Option<String> {
    input.map(clean).filter(|s| !s.is_empty())
}

enum Class {
    Keep,
    Space,
    Drop,
    /// Written as this ASCII letter.
    Letter(char),
}

fn classify(c: char) -> Class {
    match c {
        // NEL (U+0085) ends a line, as U+2028 does: the words stay apart.
        '\t' | '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' => Class::Space,
        '\u{00}'..='\u{1F}' | '\u{7F}'..='\u{9F}' => Class::Drop,
        // Noncharacters: no text holds them, and terminals draw them at
        // widths unicode-width does not give (a list row came out short).
        '\u{FDD0}'..='\u{FDEF}' => Class::Drop,
        c if (c as u32) & 0xFFFE == 0xFFFE => Class::Drop,
        // Fillers and joiners terminals draw as nothing (tmux leaves the
        // Hangul fillers out of its grid; a title of U+3164 was a blank row).
        '\u{3164}' | '\u{FFA0}' | '\u{115F}' | '\u{1160}' | '\u{034F}' => Class::Drop,
        '\u{180B}'..='\u{180D}' | '\u{17B4}' | '\u{17B5}' => Class::Drop,
        // NBSP, the en/em/thin/hair spaces, narrow NBSP, math space, ideographic
        // space, line and paragraph separators: all are plain spaces to us.
        '\u{A0}'
        | '\u{1680}'
        | '\u{2000}'..='\u{200A}'
        | '\u{2028}'
        | '\u{2029}'
        | '\u{202F}'
        | '\u{205F}'
        | '\u{3000}' => Class::Space,
        // Soft hyphen, zero-width space / joiners, word joiner and the
        // invisible operators, BOM, Mongolian vowel separator.
        '\u{AD}' | '\u{200B}'..='\u{200D}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' | '\u{180E}' => {
            Class::Drop
        }
        // Bidi marks, embeddings, overrides and isolates: they reorder what a
        // terminal shows ("trojan source").
        '\u{200E}'
        | '\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}'
        | '\u{061C}' => Class::Drop,
        // Variation selectors (and their supplement) change glyph width in
        // some terminals and not in others.
        '\u{FE00}'..='\u{FE0F}' | '\u{E0100}'..='\u{E01EF}' => Class::Drop,
        // So do the skin-tone modifiers (tmux draws "👩🏻" four columns wide
        // where unicode-width counts two, shifting the rest of the line) and
        // the tag characters of subdivision flags: the emoji stays, plain.
        '\u{1F3FB}'..='\u{1F3FF}' | '\u{E0020}'..='\u{E007F}' => Class::Drop,
        // A flag is a pair of regional indicators, drawn as one glyph by
        // some terminals and as two letters by others; overwriting half of
        // one left the other half on the screen in tmux (a tester's report:
        // "bình thường🇸số một" in the next article). Each becomes its
        // letter, the same width: 🇻🇳 is "VN".
        '\u{1F1E6}'..='\u{1F1FF}' => Class::Letter(char::from(b'A' + (c as u32 - 0x1F1E6) as u8)),
        // Interlinear annotation and object replacement characters.
        '\u{FFF9}'..='\u{FFFC}' => Class::Drop,
        _ => Class::Keep,
    }
}

/// Remove terminal escape sequences, each exactly as ECMA-48 (and xterm, for
/// the BEL that ends an OSC) defines it:
///
/// - CSI `ESC [`, parameter bytes 0x30–0x3F, intermediate bytes 0x20–0x2F, a
///   final byte 0x40–0x7E;
/// - control strings `ESC ]` (OSC), `ESC P` (DCS), `ESC X` (SOS), `ESC ^`
///   (PM), `ESC _` (APC), up to and including the string terminator: `ESC \`
///   or the 8-bit ST U+009C (and BEL for an OSC);
/// - the other escape sequences: `ESC`, intermediate bytes 0x20–0x2F, a final
///   byte 0x30–0x7E (`ESC c`, `ESC 7`, `ESC ( B`).
///
/// An ESC that starts none of these (at the end of the text, before a letter
/// outside ASCII, a CSI with no final byte, a control string with no
/// terminator or another ESC inside) is removed alone: what follows it is
/// text. Lone C1 controls (an 8-bit CSI U+009B included) are dropped later,
/// one character each; a UTF-8 terminal does not start a sequence on them.
fn strip_escapes(input: &str) -> String {
    if !input.contains(ESC) {
        return input.to_string();
    }
    let chars: Vec<char> = input.chars().collect();
    let mut out = String::with_capacity(input.len());
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == ESC {
            i += escape_len(&chars[i..]);
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

const ESC: char = '\u{1B}';
/// The 8-bit string terminator.
const ST: char = '\u{9C}';

/// How many characters the escape sequence at the start of `s` (which starts
/// with ESC) takes: 1 for a lone ESC.
fn escape_len(s: &[char]) -> usize {
    let Some(&next) = s.get(1) else { return 1 };
    let len = match next {
        '[' => csi_len(s),
        ']' => string_len(s, true),
        'P' | 'X' | '^' | '_' => string_len(s, false),
        '\u{20}'..='\u{2F}' => {
            let mut j = 2;
            while matches!(s.get(j), Some('\u{20}'..='\u{2F}')) {
                j += 1;
            }
            matches!(s.get(j), Some('\u{30}'..='\u{7E}')).then_some(j + 1)
        }
        '\u{30}'..='\u{7E}' => Some(2),
        _ => None,
    };
    len.unwrap_or(1)
}

/// `ESC [ P… I… F`; `None` when the final byte is missing.
fn csi_len(s: &[char]) -> Option<usize> {
    let mut j = 2;
    while matches!(s.get(j), Some('\u{30}'..='\u{3F}')) {
        j += 1;
    }
    while matches!(s.get(j), Some('\u{20}'..='\u{2F}')) {
        j += 1;
    }
    matches!(s.get(j), Some('\u{40}'..='\u{7E}')).then_some(j + 1)
}

/// A control string up to its terminator; `None` when it has none.
fn string_len(s: &[char], bel_ends: bool) -> Option<usize> {
    let mut j = 2;
    loop {
        match *s.get(j)? {
            ST => return Some(j + 1),
            '\u{07}' if bel_ends => return Some(j + 1),
            ESC if s.get(j + 1) == Some(&'\\') => return Some(j + 2),
            // Any other ESC ends the string unterminated.
            ESC => return None,
            _ => j += 1,
        }
    }
}

fn reattach_orphan_marks(input: &str) -> String {
    if !input.chars().any(is_combining_mark) {
        return input.to_string();
    }
    let mut out: Vec<char> = Vec::with_capacity(input.len());
    for c in input.chars() {
        if !is_combining_mark(c) {
            out.push(c);
            continue;
        }
        // Find what the mark would sit on.
        match out.last() {
            Some(&prev) if prev != ' ' => out.push(c),
            Some(' ') => {
                // Walk back over the spaces to the previous character.
                let mut i = out.len();
                while i > 0 && out[i - 1] == ' ' {
                    i -= 1;
                }
                if i > 0 && (out[i - 1].is_alphabetic() || is_combining_mark(out[i - 1])) {
                    out.insert(i, c);
                }
                // Otherwise: an orphan with nothing to attach to; drop it.
            }
            _ => {} // leading orphan mark: dropped
        }
    }
    out.into_iter().collect()
}

fn collapse_spaces(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    let mut pending_space = false;
    for c in input.chars() {
        if c == ' ' {
            pending_space = !out.is_empty();
        } else {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
        }
    }
    out
}

/// [`clean`]'s fast path for the common case.
///
/// Text made only of printable ASCII, Latin-1 / Latin Extended-A/B letters
/// (U+00A1–U+024F but the soft hyphen), Latin Extended Additional (U+1E00–
/// U+1EFF: every precomposed Vietnamese letter), and the dashes, quotes,
/// bullets and ellipsis of U+2010–U+2027 / U+2030–U+203A holds nothing `clean`
/// changes but runs of spaces: no escapes or controls, no invisible or odd
/// space characters, no combining marks, and it is already NFC (none of those
/// characters decomposes canonically or composes with a neighbour). For such
/// text `clean` is exactly "collapse spaces and trim", done here without the
/// NFC pass that dominates `clean`'s cost. Anything else goes to `clean`
/// itself (`clean_full`). `clean_fast_equals_clean` checks the equivalence.
fn clean_fast(s: &str) -> Option<String> {
    match scan_simple(s) {
        Simple::Clean => Some(s.to_owned()),
        Simple::Spaces => {
            // Only spaces to fix, and runs of them are rare: copy the text
            // between runs whole.
            let mut rest = s.trim_matches(' ');
            let mut out = String::with_capacity(rest.len());
            while let Some(at) = rest.find("  ") {
                out.push_str(&rest[..=at]);
                rest = rest[at..].trim_start_matches(' ');
            }
            out.push_str(rest);
            Some(out)
        }
        Simple::Other => None,
    }
}

#[derive(Debug, PartialEq, Eq)]
enum Simple {
    /// Already clean: `clean` returns it unchanged.
    Clean,
    /// Only runs of spaces or edge spaces to fix.
    Spaces,
    /// Needs the full pipeline.
    Other,
}

fn scan_simple(s: &str) -> Simple {
    let b = s.as_bytes();
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const ONES: u64 = 0x0101_0101_0101_0101;
    let mut i = 0;
    while i < b.len() {
        // Eight printable ASCII bytes at a time (SWAR): no high bit, none
        // below 0x20, none equal to 0x7F.
        if let Some(chunk) = b.get(i..i + 8) {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            let x = u64::from_le_bytes(word);
            let below_space = x.wrapping_sub(0x20 * ONES) & !x & HIGH;
            let y = x ^ (0x7F * ONES);
            let del = y.wrapping_sub(ONES) & !y & HIGH;
            if (x & HIGH) | below_space | del == 0 {
                i += 8;
                continue;
            }
        }
        let c = b[i];
        if c < 0x80 {
            if !(0x20..=0x7E).contains(&c) {
                return Simple::Other;
            }
            i += 1;
            continue;
        }
        // `b` is valid UTF-8, so continuation bytes are there and well formed.
        match c {
            // U+0080..U+027F: allow U+00A1..=U+024F except U+00AD.
            0xC2..=0xC9 => {
                let cp = (u32::from(c & 0x1F) << 6) | u32::from(b[i + 1] & 0x3F);
                if !(0xA1..=0x24F).contains(&cp) || cp == 0xAD {
                    return Simple::Other;
                }
                i += 2;
            }
            // U+1E00..=U+1EFF is E1 B8 80 ..= E1 BB BF.
            0xE1 if (0xB8..=0xBB).contains(&b[i + 1]) => i += 3,
            // U+2000..=U+203F is E2 80 xx: allow U+2010..=U+2027, U+2030..=U+203A.
            0xE2 if b[i + 1] == 0x80 => {
                let low = b[i + 2] & 0x3F;
                if !((0x10..=0x27).contains(&low) || (0x30..=0x3A).contains(&low)) {
                    return Simple::Other;
                }
                i += 3;
            }
            _ => return Simple::Other,
        }
    }
    let spaces_to_fix = b.first() == Some(&b' ') || b.last() == Some(&b' ') || s.contains("  ");
    if spaces_to_fix {
        Simple::Spaces
    } else {
        Simple::Clean
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tone_mark_after_precomposed_letter_composes() {
        // "ê" + COMBINING ACUTE → "ế"
        assert_eq!(clean("Vi\u{EA}\u{301}t"), "Viết");
    }

    #[test]
    fn non_canonical_mark_order_composes() {
        // "ẹ" + COMBINING CIRCUMFLEX → "ệ"
        assert_eq!(clean("Vi\u{1EB9}\u{302}t"), "Việt");
        assert_eq!(clean("Vi\u{1EB9}\u{302}t"), clean("Vie\u{302}\u{323}t"));
    }

    #[test]
    fn nfd_becomes_nfc() {
        let nfd: String = "Thủ tướng Chính phủ".nfd().collect();
        assert_ne!(nfd, "Thủ tướng Chính phủ");
        assert_eq!(clean(&nfd), "Thủ tướng Chính phủ");
    }

    #[test]
    fn orphan_mark_after_space_joins_previous_letter() {
        assert_eq!(clean("thi \u{323}trường"), "thị trường");
        assert_eq!(clean("\u{301}abc"), "abc");
        assert_eq!(clean("5 \u{301}x"), "5 x");
    }

    #[test]
    fn nbsp_inside_names_is_a_space() {
        assert_eq!(clean("TP.\u{A0}Hồ\u{A0}Chí\u{A0}Minh"), "TP. Hồ Chí Minh");
    }

    #[test]
    fn escape_sequences_come_out_as_plain_text() {
        assert_eq!(clean("Tin \u{1B}[2Jnóng"), "Tin nóng");
        assert_eq!(clean("a\u{1B}[31mđỏ\u{1B}[0m b"), "ađỏ b");
        assert_eq!(clean("x\u{1B}]0;pwned title\u{7}y"), "xy");
        assert_eq!(
            clean("x\u{1B}]8;;http://evil\u{1B}\\link\u{1B}]8;;\u{1B}\\y"),
            "xlinky"
        );
        // A UTF-8 encoded C1 CSI is not a sequence to a UTF-8 terminal; the
        // control itself is dropped and what follows is harmless text.
        assert_eq!(clean("a\u{9B}2Jb"), "a2Jb");
        assert!(!clean("\u{1B}[2J\u{1B}]0;t\u{7}").contains(|c: char| c.is_control()));
    }

    #[test]
    fn escape_sequences_table() {
        // (input, what clean gives)
        let table: &[(&str, &str)] = &[
            // OSC 52 (set the clipboard), ended by BEL, by ESC \ and by the 8-bit ST.
            ("a\u{1B}]52;c;cHduZWQ=\u{7}b", "ab"),
            ("a\u{1B}]52;c;cHduZWQ=\u{1B}\\b", "ab"),
            ("a\u{1B}]52;c;cHduZWQ=\u{9C}b", "ab"),
            // OSC 0 (set the window title), every terminator.
            ("Tin\u{1B}]0;pwned\u{7} nóng", "Tin nóng"),
            ("Tin\u{1B}]0;pwned\u{9C} nóng", "Tin nóng"),
            // DCS, SOS, PM, APC end at ST, not at BEL.
            ("a\u{1B}Pq#0\u{1B}\\b", "ab"),
            ("a\u{1B}Xsos\u{9C}b", "ab"),
            ("a\u{1B}^pm\u{9C}b", "ab"),
            ("a\u{1B}_apc\u{9C}b", "ab"),
            ("a\u{1B}_x\u{7}y\u{9C}b", "ab"),
            // CSI with parameters, intermediates, private markers.
            ("a\u{1B}[2Jb", "ab"),
            ("a\u{1B}[?1049hb", "ab"),
            ("a\u{1B}[38;5;196mđỏ\u{1B}[0m", "ađỏ"),
            ("a\u{1B}[1 qb", "ab"),
            // Two-character and nF escapes.
            ("a\u{1B}cb", "ab"),
            ("a\u{1B}7b\u{1B}8", "ab"),
            ("a\u{1B}(Bb", "ab"),
            ("a\u{1B}#8b", "ab"),
            ("a\u{1B}\\b", "ab"),
            // A lone ESC removes only itself.
            ("a\u{1B}", "a"),
            ("\u{1B}", ""),
            ("a\u{1B}é b", "aé b"),
            ("a\u{1B}\u{1B}[2Jb", "ab"),
            // ESC N is a whole sequence (SS2): the N goes with it.
            ("Hà\u{1B}Nội", "Hàội"),
            ("a\u{1B}\u{1EBF}x", "a\u{1EBF}x"),
            ("a\u{1B}\nb", "a b"),
            // A CSI with no final byte: only the ESC goes, the rest is text.
            ("a\u{1B}[12", "a[12"),
            ("a\u{1B}[12\u{1EBF}", "a[12\u{1EBF}"),
            // A control string with no terminator, or another ESC inside.
            ("a\u{1B}]0;title", "a]0;title"),
            ("a\u{1B}]0;t\u{1B}[31mb", "a]0;tb"),
            // C1 controls alone are dropped one by one: 8-bit CSI, OSC, ST, NEL.
            ("a\u{9B}31mb", "a31mb"),
            ("a\u{9D}0;t\u{7}b", "a0;tb"),
            ("a\u{9C}b\u{80}d\u{9F}e", "abde"),
            // NEL ends a line: a space between the words.
            ("and\u{85}NEL", "and NEL"),
            // Noncharacters and invisible fillers go.
            (
                "a\u{FFFE}b\u{FFFF}c\u{FDD0}d\u{1FFFE}e\u{10FFFF}f",
                "abcdef",
            ),
            (
                "x\u{3164}y\u{FFA0}z a\u{34F}b m\u{180B}z q\u{17B4}r",
                "xyz ab mz qr",
            ),
            // Other C0 controls: BEL, NUL, DEL.
            ("a\u{7}b\u{0}c\u{7F}d", "abcd"),
        ];
        for (input, want) in table {
            assert_eq!(clean(input), *want, "{input:?}");
        }
    }

    fn is_control_or_escape(c: char) -> bool {
        matches!(c, '\u{0}'..='\u{1F}' | '\u{7F}'..='\u{9F}')
    }

    /// A well-formed escape sequence, as the proptest builds them.
    fn sequence() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        prop_oneof![
            ("[0-9;?]{0,6}", "[ -/]{0,2}", "[@-~]")
                .prop_map(|(p, i, f)| format!("\u{1B}[{p}{i}{f}")),
            (
                "[]PX^_]",
                "[ -~\u{A0}-\u{17F}\u{80}-\u{9B}\u{9D}-\u{9F}&&[^\u{7}\\\\]]{0,12}",
                prop_oneof![Just("\u{9C}"), Just("\u{1B}\\")]
            )
                .prop_map(|(k, body, st)| format!("\u{1B}{k}{body}{st}")),
            "[ -~&&[^\u{7}]]{0,12}".prop_map(|body| format!("\u{1B}]{body}\u{7}")),
            ("[ -/]{0,2}", "[0-~&&[^\\[\\]PX^_]]").prop_map(|(i, f)| format!("\u{1B}{i}{f}")),
        ]
    }

    proptest::proptest! {
        /// Whatever goes in, no C0, C1 or ESC comes out (the cleaner keeps no
        /// control character at all: tab and line ends become spaces).
        #[test]
        fn no_control_character_survives(
            s in "[\u{0}-\u{1F}\u{7F}-\u{9F} -~\u{A0}-\u{1FF}\u{300}\u{1EA0}-\u{1EF9}]{0,60}"
        ) {
            let out = clean(&s);
            proptest::prop_assert!(!out.contains(is_control_or_escape), "{:?} -> {:?}", s, out);
            proptest::prop_assert_eq!(clean(&out), out.clone());
        }

        /// Text between well-formed sequences is kept whole, as if the
        /// sequences were never there.
        #[test]
        fn visible_text_between_sequences_is_kept(
            parts in proptest::collection::vec(
                ("[ a-zA-Z0-9.,;\u{C0}-\u{1B0}\u{1EA0}-\u{1EF9}\u{80}-\u{9F}]{0,8}", sequence()),
                0..6,
            ),
            tail in "[ a-zA-Z\u{1EA0}-\u{1EF9}]{0,8}",
        ) {
            let mut input = String::new();
            let mut visible = String::new();
            for (text, seq) in &parts {
                input.push_str(text);
                input.push_str(seq);
                visible.push_str(text);
            }
            input.push_str(&tail);
            visible.push_str(&tail);
            proptest::prop_assert_eq!(clean(&input), clean(&visible), "{:?}", input);
        }

        /// A lone ESC (before text that starts no sequence) removes only itself.
        #[test]
        fn a_lone_esc_removes_only_itself(
            a in "[ a-zA-Z\u{1EA0}-\u{1EF9}]{0,8}",
            b in "[\u{C0}-\u{1B0}\u{1EA0}-\u{1EF9}\u{4E00}-\u{4E20}][ a-zA-Z\u{1EA0}-\u{1EF9}]{0,8}",
        ) {
            proptest::prop_assert_eq!(clean(&format!("{a}\u{1B}{b}")), clean(&format!("{a}{b}")));
        }
    }

    /// Drawn alike by every terminal: a flag as its two letters, an emoji
    /// without its skin tone or a subdivision flag's tags (tmux drew
    /// "👩🏻" four columns wide and left flag halves on later articles).
    #[test]
    fn flags_become_letters_and_skin_tones_go() {
        assert_eq!(clean("Cờ 🇻🇳 và 🇰🇷 tham dự"), "Cờ VN và KR tham dự");
        // Side by side, words apart; an odd one out stays a letter.
        assert_eq!(clean("Cờ: 🇻🇳🇰🇷🇯🇵 dự"), "Cờ: VN KR JP dự");
        assert_eq!(clean("🇦🇿🇿"), "AZ Z");
        // Written against a word, before or after it: apart from it.
        assert_eq!(
            clean("Việt Nam🇻🇳 và Thái Lan🇹🇭."),
            "Việt Nam VN và Thái Lan TH."
        );
        assert_eq!(clean("🇻🇳Việt Nam"), "VN Việt Nam");
        assert_eq!(clean("Bác sĩ 👩🏻‍⚕️ và 👨🏿"), "Bác sĩ 👩⚕ và 👨");
        assert_eq!(
            clean("🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}"),
            "🏴"
        );
    }

    #[test]
    fn invisible_characters_are_dropped() {
        assert_eq!(clean("\u{FEFF}Hà\u{200B}\u{AD}Nội\u{FE0F}"), "HàNội");
        assert_eq!(clean("a\u{202E}b\u{2066}c"), "abc");
    }

    #[test]
    fn tabs_runs_and_edges() {
        assert_eq!(clean("  a\t\tb   c \n d  "), "a b c d");
        assert_eq!(clean(""), "");
        assert_eq!(clean(" \t\u{A0} "), "");
    }

    #[test]
    fn paragraphs_split_on_blank_lines() {
        assert_eq!(
            clean_paragraphs("a\r\nb\r\n\r\n\r\nc\n\n  \n"),
            vec!["a b", "c"]
        );
    }

    #[test]
    fn clean_is_idempotent_on_corpus_like_text() {
        for s in [
            "Ðại hội Ðảng",
            "TP. Hồ Chí Minh",
            "中文 テキスト 🌞",
            "thi \u{323}trường",
        ] {
            let once = clean(s);
            assert_eq!(clean(&once), once);
        }
    }

    #[test]
    fn clean_fast_equals_clean() {
        // Every character the fast path accepts, alone and between spaces.
        let accepted = ('\u{0}'..='\u{2FFF}')
            .filter(|c| scan_simple(&c.to_string()) != Simple::Other)
            .collect::<Vec<char>>();
        // 95 ASCII + 430 Latin + 256 Latin Extended Additional + 24 + 11 punctuation.
        assert_eq!(accepted.len(), 816);
        for c in &accepted {
            for s in [c.to_string(), format!("  {c} a  {c}{c} ")] {
                assert_eq!(
                    clean_fast(&s).unwrap_or_else(|| clean_full(&s)),
                    clean_full(&s),
                    "U+{:04X}",
                    *c as u32
                );
                assert_eq!(clean_full(&s), clean_full(&clean_full(&s)));
            }
        }
        // The ones it must leave to `clean`.
        for s in [
            "a\u{A0}b",
            "a\u{AD}b",
            "e\u{301}",
            "a\tb",
            "a\nb",
            "a\u{1B}[2Jb",
            "a\u{200B}b",
            "a\u{2028}b",
            "a\u{FEFF}",
            "\u{7F}",
            "\u{9B}",
            "a\u{202E}b",
            "\u{1F600}",
            "中文",
        ] {
            assert_eq!(scan_simple(s), Simple::Other, "{s:?}");
            assert_eq!(
                clean_fast(s).unwrap_or_else(|| clean_full(s)),
                clean_full(s)
            );
        }
        for s in ["Thủ tướng “Chính phủ” – 2021…", "Ðại hội", "", "x"] {
            assert_eq!(scan_simple(s), Simple::Clean, "{s:?}");
        }
        assert_eq!(clean_fast("  Hà   Nội ").unwrap(), "Hà Nội");
    }

    proptest::proptest! {
        #[test]
        fn clean_fast_equals_clean_on_mixed_text(
            s in "[ a-zA-Z0-9.,:\u{A0}\u{AD}\u{C0}-\u{1B0}\u{300}-\u{303}\u{323}\u{1EA0}-\u{1EF9}\u{2010}-\u{202F}\u{1B}\n\t]{0,40}"
        ) {
            proptest::prop_assert_eq!(clean_fast(&s).unwrap_or_else(|| clean_full(&s)), clean_full(&s));
        }
    }
}
