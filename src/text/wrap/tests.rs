use super::*;
use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;

/// Check every rule for one wrap of `input` at `width`, return the lines.
pub(super) fn checked(input: &str, width: usize) -> Vec<String> {
    let lines = wrap_line(input, width);
    check_lines(input, width, &lines);
    lines
}

fn check_lines(input: &str, width: usize, lines: &[String]) {
    let nfc: String = input.nfc().collect();
    let norm = nfc.split_whitespace().collect::<Vec<_>>().join(" ");
    if norm.is_empty() {
        assert!(lines.is_empty(), "{input:?} -> {lines:?}");
        return;
    }
    let eff = width.max(1);
    let mut pos = 0;
    for line in lines {
        let lw = line.width();
        // Only a single grapheme cluster wider than the line may overflow
        // it: a wide glyph at width 1, or (any width) one of the rare
        // clusters wider than two columns (Hangul jamo + spacing mark…).
        // Vietnamese, CJK and emoji clusters are at most 2 columns, so
        // for them every line fits at width >= 2.
        let lone_cluster = line.graphemes(true).count() == 1 && (eff == 1 || lw > 2);
        assert!(
            lw <= eff || lone_cluster,
            "{line:?} is {lw} columns > {eff}: {lines:?}"
        );
        assert!(!line.is_empty());
        assert_eq!(line.trim(), line, "no leading/trailing space");
        assert!(
            norm[pos..].starts_with(line.as_str()),
            "lost/reordered text at {pos}: {line:?} vs {:?}",
            &norm[pos..]
        );
        pos += line.len();
        if pos < norm.len() {
            if norm[pos..].starts_with(' ') {
                pos += 1;
            } else {
                check_mid_word_break(&norm, pos, eff);
            }
        }
    }
    assert_eq!(pos, norm.len(), "text missing at the end: {lines:?}");
}

/// A break inside a word is allowed only next to a wide glyph, between the
/// words of a script written without spaces, or when the word alone is
/// wider than the line, and never inside a grapheme cluster.
fn check_mid_word_break(norm: &str, pos: usize, width: usize) {
    let ws = norm[..pos].rfind(' ').map_or(0, |i| i + 1);
    let we = norm[pos..].find(' ').map_or(norm.len(), |i| pos + i);
    let word = &norm[ws..we];
    let rel = pos - ws;
    let bounds: Vec<usize> = word.grapheme_indices(true).map(|(i, _)| i).collect();
    assert!(
        bounds.contains(&rel),
        "break inside a grapheme cluster in {word:?}"
    );
    let before = word[..rel].graphemes(true).next_back().unwrap();
    let after = word[rel..].graphemes(true).next().unwrap();
    let wide = wide_glyph(before, before.width()) || wide_glyph(after, after.width());
    let korean = is_korean_word(word);
    // Thai and its kind break between words by a dictionary.
    let dictionary = !korean && word.chars().any(written_without_spaces);
    assert!(
        (wide && !korean) || dictionary || word.width() > width,
        "word {word:?} ({} cols) split at width {width}",
        word.width()
    );
}

/// A comma, a full stop or a closing bracket set apart by a space in the
/// source ("(mua - bán) , giảm") never starts a line: it stays with the word
/// before it while the two fit a line (a tester saw "   , giảm lần lượt").
#[test]
fn closing_punctuation_after_a_space_never_starts_a_line() {
    let text = "Giá vàng SJC niêm yết 55,83 - 56,25 triệu đồng/lượng (mua - bán) , \
                giảm lần lượt 170.000 đồng và 150.000 đồng so với hôm qua . \
                Thị trường trầm lắng ( không sôi động ) !";
    for width in 9..=80 {
        for algo in [WrapAlgorithm::FirstFit, WrapAlgorithm::OptimalFit] {
            let lines = wrap_line_using(text, width, algo);
            for l in &lines {
                assert!(
                    !l.starts_with([',', '.', ')', '!']),
                    "{width} {algo:?}: {lines:#?}"
                );
            }
            assert_eq!(lines_no_ws(&lines), no_ws(text));
        }
    }
    // Too narrow for the two: they part, as any word too long.
    assert_eq!(wrap_line("bán) ,", 4), ["bán)", ","]);
}

#[test]
fn exact_vietnamese_headline() {
    assert_eq!(
        checked("Thủ tướng Chính phủ Phạm Minh Chính chủ trì phiên họp", 20),
        [
            "Thủ tướng Chính phủ",
            "Phạm Minh Chính chủ",
            "trì phiên họp"
        ]
    );
}

#[test]
fn exact_mixed_cjk() {
    assert_eq!(checked("Việt中 Nam", 5), ["Việt", "中", "Nam"]);
}

#[test]
fn exact_emoji_at_width_two() {
    assert_eq!(checked("a🌞b", 2), ["a", "🌞", "b"]);
}

#[test]
fn exact_abbreviation_is_first_fit() {
    assert_eq!(
        checked("TP. Hồ Chí Minh là thành phố", 12),
        ["TP. Hồ Chí", "Minh là", "thành phố"]
    );
}

#[test]
fn empty_and_blank_input_give_no_lines() {
    assert!(wrap_line("", 10).is_empty());
    assert!(wrap_line("   \t\n ", 10).is_empty());
    assert!(wrap_with_indent("", 10, "- ", "  ").is_empty());
}

#[test]
fn width_zero_is_width_one() {
    assert_eq!(wrap_line("ab c", 0), wrap_line("ab c", 1));
    assert_eq!(checked("ab c", 0), ["a", "b", "c"]);
}

#[test]
fn short_text_is_one_line_and_whitespace_collapses() {
    assert_eq!(checked("  Hà   Nội\t mùa\nthu ", 80), ["Hà Nội mùa thu"]);
}

#[test]
fn syllable_is_not_split_when_it_fits() {
    // "Nghiêng" is 7 columns: it moves whole to the next line.
    assert_eq!(checked("ai Nghiêng", 8), ["ai", "Nghiêng"]);
    assert_eq!(checked("người nghiêng", 7), ["người", "nghiêng"]);
}

#[test]
fn overlong_word_breaks_by_grapheme_cluster() {
    assert_eq!(checked("nghiêng", 3), ["ngh", "iên", "g"]);
    // A base letter with a mark NFC cannot compose stays one cluster.
    let lines = checked("q\u{0323}q\u{0323}q\u{0323}q\u{0323}", 3);
    assert_eq!(lines, ["q\u{0323}q\u{0323}q\u{0323}", "q\u{0323}"]);
    // Emoji ZWJ sequences and flags are never cut.
    let fam = "👨\u{200D}👩\u{200D}👧";
    let lines = checked(&format!("x{fam}🇻🇳{fam}y"), 3);
    assert_eq!(
        lines,
        [format!("x{fam}"), "🇻🇳".to_string(), format!("{fam}y")]
    );
}

#[test]
fn wide_glyph_moves_to_next_line() {
    assert_eq!(checked("ab中", 3), ["ab", "中"]);
    assert_eq!(checked("abc 中文", 4), ["abc", "中文"]);
    assert_eq!(checked("a 中", 2), ["a", "中"]);
}

#[test]
fn width_one_puts_wide_glyph_alone() {
    assert_eq!(checked("中文", 1), ["中", "文"]);
    assert_eq!(checked("a🌞b", 1), ["a", "🌞", "b"]);
}

#[test]
fn cjk_breaks_between_ideographs() {
    assert_eq!(checked("中华人民共和国", 6), ["中华人", "民共和", "国"]);
    assert_eq!(checked("ひらがなカタカナ", 8), ["ひらがな", "カタカナ"]);
    assert_eq!(checked("한국어한국어", 6), ["한국어", "한국어"]);
}

#[test]
fn chinese_and_japanese_keep_their_punctuation_rules() {
    let zh = "中国人民银行今天宣布，将下调金融机构存款准备金率〇点五个百分点。此次下调后，金融机构加权平均存款准备金率约为七点四%（不含已执行最低档的机构）。";
    let ja = "東京都は今日、新しい交通計画を発表した。「自転車専用道路」を二〇三〇年までに三倍に増やすという（詳細は来月公表）。";
    for s in [zh, ja] {
        // (From 8 columns: at 4, "构）。" alone is wider than the line and,
        // like any unbreakable run, is split between clusters.)
        for width in 8..=40 {
            let lines = checked(s, width);
            for (i, l) in lines.iter().enumerate() {
                assert!(
                    !l.starts_with(['，', '。', '、', '）', '」', '』', '%']),
                    "line {i} starts with closing punctuation at width {width}: {lines:?}"
                );
                assert!(
                    !l.ends_with(['（', '「', '『']),
                    "line {i} ends with an opening bracket at width {width}: {lines:?}"
                );
            }
        }
    }
    // Han and kana still break between any two characters.
    assert_eq!(
        checked(ja, 20)[..2],
        ["東京都は今日、新しい", "交通計画を発表した。"]
    );
}

#[test]
fn cjk_keeps_closing_and_opening_punctuation() {
    // No break before "。" or "」", none after "「".
    assert_eq!(checked("中文中。", 6), ["中文", "中。"]);
    assert_eq!(checked("他说「好」", 6), ["他说", "「好」"]);
    assert_eq!(checked("中文中, ok", 6), ["中文", "中, ok"]);
}

#[test]
fn long_url_breaks_after_slash_and_dash() {
    let url = "https://dantri.com.vn/kinh-doanh/vinamilk-lot-top-1000.htm";
    let lines = checked(&format!("Xem {url} ngay"), 20);
    assert_eq!(
        lines,
        [
            "Xem https://",
            "dantri.com.vn/kinh-",
            "doanh/vinamilk-lot-",
            "top-1000.htm ngay"
        ]
    );
    for l in &lines[..lines.len() - 1] {
        assert!(l.ends_with(['/', '-']) || l == "Xem", "{l:?}");
    }
}

#[test]
fn long_token_without_preferred_break_fills_lines() {
    assert_eq!(checked("abcdefghij", 4), ["abcd", "efgh", "ij"]);
}

#[test]
fn nfd_renders_like_nfc() {
    let nfc = "Thủ tướng Chính phủ Phạm Minh Chính chủ trì phiên họp";
    let nfd: String = nfc.nfd().collect();
    assert_ne!(nfc, nfd);
    for w in 1..=60 {
        assert_eq!(wrap_line(&nfd, w), wrap_line(nfc, w), "width {w}");
    }
}

#[test]
fn control_and_invisible_chars_do_not_panic() {
    for s in [
        "a\u{7}b\u{1b}[2J c",
        "\u{200B}\u{200B} x",
        "\u{0301}",
        "a\u{FE0F}b",
        "\r\n",
    ] {
        for w in 0..6 {
            let _ = wrap_line(s, w);
            let _ = wrap_with_indent(s, w, "• ", "  ");
        }
    }
}

#[test]
fn indent_prefixes_count_toward_width() {
    let lines = wrap_with_indent("Phạm Minh Chính chủ trì phiên họp", 12, "1. ", "   ");
    assert_eq!(
        lines,
        ["1. Phạm Minh", "   Chính chủ", "   trì phiên", "   họp"]
    );
    for l in &lines {
        assert!(l.width() <= 12);
    }
}

#[test]
fn indent_too_wide_is_cut() {
    let lines = wrap_with_indent("ab cd", 4, "10. ", "    ");
    assert_eq!(lines, ["10ab", "  cd"]);
    let lines = wrap_with_indent("中文", 2, "• ", "  ");
    assert_eq!(lines, ["中", "文"]);
}

#[test]
fn prepared_matches_free_functions() {
    let text = "Hà Nội: 中文 https://vnexpress.net/thoi-su";
    let p = Prepared::new(text);
    for w in 0..50 {
        assert_eq!(p.wrap(w), wrap_line(text, w));
        assert_eq!(
            p.wrap_with_indent(w, "- ", "  "),
            wrap_with_indent(text, w, "- ", "  ")
        );
    }
}

/// The wrapper's own first fit before it used textwrap's, kept as the
/// reference: greedy line filling in integer columns; a fragment goes on the
/// current line if it fits, else it starts a new one; the space after a
/// fragment counts only when another fragment follows on the line. Calls
/// `emit` with each line's fragments.
fn first_fit(frags: &[Frag], first_avail: usize, rest_avail: usize, mut emit: impl FnMut(&[Frag])) {
    let mut avail = first_avail;
    let mut start = 0;
    let mut w = 0;
    for (i, f) in frags.iter().enumerate() {
        if w + f.width > avail && i > start {
            emit(&frags[start..i]);
            avail = rest_avail;
            start = i;
            w = 0;
        }
        w += f.width + usize::from(f.space_after);
    }
    if start < frags.len() {
        emit(&frags[start..]);
    }
}

/// The reference first fit splits the fragments exactly like textwrap's.
fn assert_first_fit_like_textwrap(text: &str, width: usize, first: usize, rest: usize) {
    let p = Prepared::new(text);
    let (fa, ra) = (
        width.max(1).saturating_sub(first).max(1),
        width.max(1).saturating_sub(rest).max(1),
    );
    let frags = p.frags_for(fa, ra);
    let mut ours: Vec<(usize, usize)> = Vec::new();
    first_fit(&frags, fa, ra, |l| {
        ours.push((l[0].start, l[l.len() - 1].end))
    });
    let theirs: Vec<(usize, usize)> = if frags.is_empty() {
        Vec::new()
    } else {
        textwrap::wrap_algorithms::wrap_first_fit(&frags, &[fa as f64, ra as f64])
            .iter()
            .map(|l| (l[0].start, l[l.len() - 1].end))
            .collect()
    };
    assert_eq!(ours, theirs, "{text:?} at {width}");
}

/// The lines the wrapper gave before it used textwrap: the reference first
/// fit over the same fragments, with the same prefixes.
fn reference_lines(text: &str, width: usize, first: &str, rest: &str) -> Vec<String> {
    let p = Prepared::new(text);
    if p.is_empty() {
        return Vec::new();
    }
    let width = width.max(1);
    let keep = width.saturating_sub(2);
    let (first, rest) = (cut_prefix(first, keep), cut_prefix(rest, keep));
    let (fa, ra) = (width - first.1, width - rest.1);
    let frags = p.frags_for(fa, ra);
    let mut out = Vec::new();
    first_fit(&frags, fa, ra, |l| {
        let prefix = if out.is_empty() { first.0 } else { rest.0 };
        out.push(p.line_text(prefix, l));
    });
    out
}

/// Wrap with optimal fit and check every rule of the module.
fn checked_optimal(input: &str, width: usize) -> Vec<String> {
    let lines = wrap_line_using(input, width, WrapAlgorithm::OptimalFit);
    check_lines(input, width, &lines);
    lines
}

#[test]
fn default_algorithm_is_first_fit() {
    assert_eq!(WrapAlgorithm::default(), WrapAlgorithm::FirstFit);
    let text = "Thủ tướng Chính phủ Phạm Minh Chính chủ trì phiên họp";
    for w in 0..40 {
        assert_eq!(
            wrap_line_using(text, w, WrapAlgorithm::FirstFit),
            wrap_line(text, w)
        );
        assert_eq!(wrap_line(text, w), reference_lines(text, w, "", ""));
    }
}

#[test]
fn optimal_fit_evens_out_lines() {
    // First fit leaves a long last line after a short one; optimal fit
    // moves a word down to even them out.
    let text = "aaa bb cc ddddd";
    assert_eq!(checked("aaa bb cc ddddd", 6), ["aaa bb", "cc", "ddddd"]);
    assert_eq!(checked_optimal(text, 6), ["aaa", "bb cc", "ddddd"]);
}

#[test]
fn optimal_fit_never_overflows_to_save_a_line() {
    // textwrap's default penalties would rather overflow by two columns than
    // leave "a" alone on a line before an 80-column piece.
    let long = "x".repeat(80);
    let text = format!("a {long}");
    assert_eq!(checked_optimal(&text, 80), ["a".to_string(), long.clone()]);
    let url = format!("https://{long}/{long}");
    let lines = checked_optimal(&format!("Xem {url} ngay"), 40);
    assert!(lines.iter().all(|l| l.width() <= 40), "{lines:?}");
}

#[test]
fn optimal_fit_on_huge_widths_and_edge_cases() {
    assert!(wrap_line_using("", 10, WrapAlgorithm::OptimalFit).is_empty());
    assert!(wrap_line_using(" \t ", 10, WrapAlgorithm::OptimalFit).is_empty());
    let text = "Hà Nội mùa thu";
    for w in [usize::MAX, usize::MAX / 2, 1 << 40] {
        assert_eq!(wrap_line_using(text, w, WrapAlgorithm::OptimalFit), [text]);
    }
    assert_eq!(checked_optimal("中文", 1), ["中", "文"]);
    assert_eq!(checked_optimal("nghiêng", 3).concat(), "nghiêng");
    let lines = wrap_with_indent_using(
        "Phạm Minh Chính chủ trì phiên họp",
        12,
        "1. ",
        "   ",
        WrapAlgorithm::OptimalFit,
    );
    assert!(lines[0].starts_with("1. "), "{lines:?}");
    assert!(lines[1..].iter().all(|l| l.starts_with("   ")), "{lines:?}");
    assert!(lines.iter().all(|l| l.width() <= 12), "{lines:?}");
}

#[test]
fn first_fit_matches_textwrap_examples() {
    for w in 0..30 {
        assert_first_fit_like_textwrap("Thủ tướng Chính phủ Phạm Minh Chính chủ trì", w, 0, 0);
        assert_first_fit_like_textwrap("Việt中 Nam https://a.vn/b-c/d", w, 3, 2);
    }
}

#[test]
fn simple_chars_are_nfc_starters() {
    use unicode_normalization::char::canonical_combining_class;
    for c in (0u32..0x2100)
        .filter_map(char::from_u32)
        .filter(|&c| is_simple(c))
    {
        assert_eq!(canonical_combining_class(c), 0, "U+{:04X}", c as u32);
        assert_eq!(
            is_nfc_quick(std::iter::once(c)),
            IsNormalized::Yes,
            "U+{:04X}",
            c as u32
        );
    }
}

#[test]
fn byte_scan_accepts_exactly_simple_chars() {
    for c in (0u32..0x3000)
        .filter_map(char::from_u32)
        .filter(|&c| c != ' ')
    {
        let s = format!("a{c}b c");
        let mut frags = Vec::new();
        let fast = scan_simple(s.as_bytes(), &mut frags).is_some();
        assert_eq!(fast, is_simple(c), "U+{:04X}", c as u32);
    }
    let mut frags = Vec::new();
    for bad in [" a", "a ", "a  b", "a\tb", "a\u{A0}b"] {
        assert!(scan_simple(bad.as_bytes(), &mut frags).is_none(), "{bad:?}");
    }
    assert_eq!(scan_simple(b"", &mut frags), Some(0));
    assert_eq!(scan_simple("Đắk Lắk ab".as_bytes(), &mut frags), Some(3));
}

#[test]
fn simple_chars_are_one_column_single_clusters() {
    for c in (0u32..0x2100)
        .filter_map(char::from_u32)
        .filter(|&c| is_simple(c))
    {
        let s = c.to_string();
        assert_eq!(s.width(), 1, "{c:?} U+{:04X}", c as u32);
        // Followed by anything it still ends its own cluster, unless the
        // next char extends it (which makes that word non-simple).
        assert_eq!(
            format!("{c}a").graphemes(true).count(),
            2,
            "U+{:04X}",
            c as u32
        );
        assert_eq!(
            format!("a{c}").graphemes(true).count(),
            2,
            "U+{:04X}",
            c as u32
        );
    }
}

/// Pieces mixed at random: Vietnamese (NFC and NFD), ASCII, CJK, kana,
/// hangul, emoji (with ZWJ, modifiers, flags, VS16), URLs, punctuation,
/// combining marks and odd whitespace.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "Thủ",
            "tướng",
            "Chính",
            "phủ",
            "Nghiêng",
            "người",
            "Đắk",
            "Lắk",
            "ưỡng",
            "TP.",
            "Hồ",
            "“Việt",
            "Nam”",
            "–",
            "…",
            "(HN)",
            "30%",
            "1.000₫",
        ])
        .prop_map(str::to_string),
        "[a-zA-Z0-9.,;:!?()'\"-]{1,12}",
        "[\u{4E00}-\u{4E40}\u{3041}-\u{3096}\u{30A1}-\u{30FA}\u{AC00}-\u{AC40}。、「」（）]{1,10}",
        prop::sample::select(vec![
            "🌞",
            "👍🏽",
            "👨\u{200D}👩\u{200D}👧",
            "🇻🇳",
            "❤\u{FE0F}",
            "1\u{FE0F}\u{20E3}",
            "\u{0301}",
            "\u{0323}",
            "a\u{0306}\u{0301}",
            "\u{200B}",
            "\u{AD}",
            "e\u{0302}\u{0300}",
        ])
        .prop_map(str::to_string),
        "https://[a-z]{2,8}\\.vn/[a-z-]{3,30}/[a-z0-9-]{5,40}\\.htm",
        "[a-zA-Zà-ỹ]{15,40}",
        prop::sample::select(vec![" ", " ", " ", "  ", "\t", "\n", "\u{A0}"])
            .prop_map(str::to_string),
        any::<char>().prop_map(|c| c.to_string()),
    ]
}

/// Cleaned-looking Vietnamese: words joined by single spaces.
fn viet_text() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        prop::sample::select(vec![
            "Thủ",
            "tướng",
            "Chính",
            "phủ",
            "Nghiêng",
            "người",
            "Đắk",
            "Lắk",
            "ưỡng",
            "TP.",
            "“Việt",
            "Nam”",
            "–",
            "…",
            "(HN)",
            "30%",
            "1.000₫",
            "Covid-19",
        ])
        .prop_map(str::to_string),
        "[a-zA-Z0-9.,:/-]{1,30}",
        "[a-zA-Zà-ỹ]{1,12}",
    ];
    prop::collection::vec(word, 0..40).prop_map(|v| v.join(" "))
}

/// Vietnamese syllables (every char simple) and long tokens, joined by
/// single spaces.
fn syllables() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        4 => "[bcdđghklmnpqrstvx]{0,2}[aăâeêioôơuưyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ]{1,2}[cmnptgh]{0,2}",
        1 => "[A-ZĐ][a-zàáâãèéêìíòóôõùúýăđ]{1,6}",
        1 => "[a-z0-9./-]{8,40}",
    ];
    prop::collection::vec(word, 0..60).prop_map(|v| v.join(" "))
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..40).prop_map(|v| v.concat())
}

/// The input's characters without whitespace, after NFC (composition
/// never crosses whitespace, so NFC first is the right order).
fn no_ws(s: &str) -> String {
    s.nfc().filter(|c| !c.is_whitespace()).collect()
}

/// The lines' characters without whitespace (lines are NFC already;
/// re-normalising their concatenation could compose across a break).
fn lines_no_ws(lines: &[String]) -> String {
    lines
        .concat()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn prop_all_rules(s in prop_oneof![text(), viet_text()], width in 1usize..=120) {
        let lines = wrap_line(&s, width);
        check_lines(&s, width, &lines);
        prop_assert_eq!(lines_no_ws(&lines), no_ws(&s));
    }

    #[test]
    fn prop_fast_path_like_general(s in prop_oneof![text(), viet_text()], width in 1usize..=120) {
        let fast = Prepared::new(&s);
        let general = Prepared::general(&s);
        prop_assert_eq!(fast.wrap(width), general.wrap(width));
    }

    #[test]
    fn prop_first_fit_like_textwrap(s in text(), width in 0usize..=120, first in 0usize..5, rest in 0usize..5) {
        assert_first_fit_like_textwrap(&s, width, first, rest);
    }

    #[test]
    fn prop_textwrap_first_fit_is_the_old_wrapper(s in prop_oneof![text(), viet_text()], width in 0usize..=120, bullet in 0usize..4) {
        let (first, rest) = [("", ""), ("- ", "  "), ("12. ", "    "), ("• ", "")][bullet];
        prop_assert_eq!(wrap_with_indent(&s, width, first, rest), reference_lines(&s, width, first, rest));
    }

    #[test]
    fn prop_optimal_fit_rules(s in prop_oneof![text(), viet_text()], width in 1usize..=120) {
        // Every line fits, no character lost or reordered, a word split only
        // when it alone is wider than the line (or at a wide glyph).
        let lines = wrap_line_using(&s, width, WrapAlgorithm::OptimalFit);
        check_lines(&s, width, &lines);
        prop_assert_eq!(lines_no_ws(&lines), no_ws(&s));
    }

    #[test]
    fn prop_optimal_fit_keeps_words_whole(s in prop_oneof![viet_text(), syllables()], width in 1usize..=80) {
        // Cleaned Vietnamese: the lines joined with spaces are the text
        // whenever no word is wider than the line.
        // (The generator's letter range also holds a few chars NFC
        // decomposes and some that make wide clusters, break opportunities
        // of their own: the check is for words of simple chars.)
        let nfc: String = s.nfc().collect();
        let lines = wrap_line_using(&nfc, width, WrapAlgorithm::OptimalFit);
        let simple = nfc.chars().all(|c| c == ' ' || is_simple(c));
        if simple && nfc.split(' ').all(|w| w.width() <= width) {
            prop_assert_eq!(lines.join(" "), nfc.clone());
            for l in &lines {
                prop_assert!(l.width() <= width, "{:?}", l);
            }
        }
    }

    #[test]
    fn prop_optimal_fit_indent(s in text(), width in 1usize..=60, bullet in 0usize..4) {
        let (first, rest) = [("", ""), ("- ", "  "), ("12. ", "    "), ("• ", "")][bullet];
        let lines = wrap_with_indent_using(&s, width, first, rest, WrapAlgorithm::OptimalFit);
        let ff = wrap_with_indent(&s, width, first, rest);
        prop_assert_eq!(lines.is_empty(), ff.is_empty());
        for (i, l) in lines.iter().enumerate() {
            let p = cut_prefix(if i == 0 { first } else { rest }, width.saturating_sub(2)).0;
            prop_assert!(l.starts_with(p));
            let body = &l[p.len()..];
            let lone_cluster = body.graphemes(true).count() == 1 && (width <= 1 || body.width() > 2);
            prop_assert!(l.width() <= width.max(1) || lone_cluster, "{:?}", l);
        }
    }

    #[test]
    fn prop_korean_words_never_split(words in prop::collection::vec("[\u{AC00}-\u{D7A3}]{1,6}[.,!?]?", 1..30), width in 13usize..=80) {
        // Hangul words of at most 6 syllables (12 columns, plus punctuation
        // 13) fit every width tried: every break is at a space.
        let s = words.join(" ");
        let lines = wrap_line(&s, width);
        check_lines(&s, width, &lines);
        prop_assert_eq!(lines.join(" "), s.clone());
        let optimal = wrap_line_using(&s, width, WrapAlgorithm::OptimalFit);
        prop_assert_eq!(optimal.join(" "), s);
    }

    #[test]
    fn prop_nfd_like_nfc(s in text(), width in 1usize..=120) {
        let nfc: String = s.nfc().collect();
        let nfd: String = s.nfd().collect();
        prop_assert_eq!(wrap_line(&nfd, width), wrap_line(&nfc, width));
    }

    #[test]
    fn prop_indent(s in text(), width in 1usize..=60, bullet in 0usize..4) {
        let (first, rest) = [("", ""), ("- ", "  "), ("12. ", "    "), ("• ", "")][bullet];
        let lines = wrap_with_indent(&s, width, first, rest);
        for (i, l) in lines.iter().enumerate() {
            let lone_cluster = {
                let p = cut_prefix(if i == 0 { first } else { rest }, width.saturating_sub(2)).0;
                let body = &l[p.len()..];
                body.graphemes(true).count() == 1 && (width <= 1 || body.width() > 2)
            };
            prop_assert!(l.width() <= width.max(1) || lone_cluster, "{:?}", l);
            let p = if i == 0 { first } else { rest };
            let keep = width.saturating_sub(2);
            let (p, _) = cut_prefix(p, keep);
            prop_assert!(l.starts_with(p));
        }
        let body: String = lines
            .iter()
            .enumerate()
            .map(|(i, l)| {
                let p = cut_prefix(if i == 0 { first } else { rest }, width.saturating_sub(2)).0;
                l[p.len()..].to_string()
            })
            .collect();
        prop_assert_eq!(lines_no_ws(&[body]), no_ws(&s));
    }
}
