//! Tests of [`super`]: queries parsed, matches found, snippets cut.

use super::*;
use unicode_normalization::UnicodeNormalization;

/// A byline matching as many words as a paragraph does not win the
/// snippet; a byline matching more still does (it is all there is).
#[test]
fn a_snippet_prefers_prose_to_a_byline_among_equals() {
    let q = Query::parse("ha noi");
    let texts = [
        "An Hạ",
        "Giá vàng SJC hôm nay tăng mạnh: các doanh nghiệp lớn ở Hà Tây niêm yết cao hơn hôm qua.",
    ];
    let s = snippet(texts, &q, 120);
    assert!(s.text.contains("ở Hà Tây niêm yết"), "{}", s.text);
    let texts = [
        "Nhóm PV Hà Nội",
        "Giá vàng SJC hôm nay tăng mạnh ở Hà Tây, cao hơn hôm qua.",
    ];
    assert_eq!(snippet(texts, &q, 120).text, "Nhóm PV Hà Nội");
}

fn found<'a>(hay: &'a str, q: &str) -> Vec<&'a str> {
    find_matches(hay, q).into_iter().map(|r| &hay[r]).collect()
}

fn word(w: &str) -> Term {
    Term::Word(w.into())
}

#[test]
fn syllables_typed_without_a_space_between_are_one_glued_term() {
    let glued = |words: &[&str], prefix| Term::Glued {
        words: words.iter().map(|w| w.to_string()).collect(),
        prefix,
    };
    assert_eq!(
        Query::parse_as("ngày 5/3", Typed::Complete).terms,
        [word("ngày"), glued(&["5", "3"], false)]
    );
    assert_eq!(
        Query::parse("TP.HCM lễ").terms,
        [glued(&["tp", "hcm"], false), Term::Prefix("lễ".into())]
    );
    assert_eq!(
        Query::parse("covid-19").terms,
        [glued(&["covid", "19"], true)]
    );
    let q = Query::parse_as("ngày 5/3", Typed::Complete);
    assert_eq!(q.fts_expression().unwrap(), "\"ngày\" AND \"5 3\"");
    assert_eq!(q.loose_words(), (vec!["ngày", "5", "3"], false));
    // Marked where they are next to each other only.
    let hay = "Ngày 5/3 có 3 người, 5 xe.";
    let marked: Vec<&str> = matches_of(hay, &Query::parse("5/3"))
        .into_iter()
        .map(|r| &hay[r])
        .collect();
    assert_eq!(marked, ["5/3"]);
    assert_eq!(found(hay, "ngày 5/3"), ["Ngày 5/3"]);
}

#[test]
fn queries_parse_into_exact_terms_and_only_the_last_is_a_prefix() {
    let q = Query::parse("Thái  binh \"Ðại hội\" -x ORa");
    assert_eq!(
        q.terms,
        [
            word("thái"),
            word("binh"),
            Term::phrase(vec!["đại".into(), "hội".into()]),
            word("x"),
            Term::Prefix("ora".into()),
        ]
    );
    assert_eq!(
        q.fts_expression().unwrap(),
        r#""thái" AND "binh" AND "đại hội" AND "x" AND "ora"*"#
    );
    assert_eq!(
        q.near_expression().unwrap(),
        r#"NEAR("thái" "binh" "x" "ora"*, 10)"#
    );
    assert_eq!(
        q.as_phrase().unwrap().fts_expression().unwrap(),
        r#""thái binh x ora"* AND "đại hội""#
    );
    // A space after the last syllable, or a quote, ends it; one letter
    // is never a prefix.
    assert_eq!(Query::parse("ha noi ").terms, [word("ha"), word("noi")]);
    assert_eq!(Query::parse("noi \"x\"").terms[0], word("noi"));
    assert_eq!(Query::parse("ha n").terms, [word("ha"), word("n")]);
    assert_eq!(Query::parse("ha").terms, [Term::Prefix("ha".into())]);
    assert_eq!(Query::parse("ha").as_phrase(), None);
    for empty in ["", "   ", "\"", "\"\"", "-", ":^*", "“ ”"] {
        let q = Query::parse(empty);
        assert!(q.is_empty(), "{empty:?}");
        assert_eq!(q.fts_expression(), None);
    }
    // An unclosed quote runs to the end.
    assert_eq!(
        Query::parse("a \"b c").terms,
        [word("a"), Term::phrase(vec!["b".into(), "c".into()])]
    );
    assert_eq!(Query::parse(&"ab ".repeat(100)).terms.len(), MAX_TERMS);
    // NFD and capitals give the same terms.
    let nfd: String = "VIỆT NAM".nfd().collect();
    assert_eq!(Query::parse(&nfd), Query::parse("việt nam"));
}

/// On the command line a last syllable typed with marks is whole; one
/// without marks, or with a `*` after it, is still a start.
#[test]
fn a_complete_query_ends_with_a_whole_syllable_when_typed_with_marks() {
    let complete = |q: &str| Query::parse_as(q, Typed::Complete).terms;
    assert_eq!(complete("chứng khoán"), [word("chứng"), word("khoán")]);
    assert_eq!(complete("dân"), [word("dân")]);
    assert_eq!(complete("Ðảng"), [word("đảng")]);
    assert_eq!(
        complete("thai bin"),
        [word("thai"), Term::Prefix("bin".into())]
    );
    assert_eq!(
        complete("chứng khoá*"),
        [word("chứng"), Term::Prefix("khoá".into())]
    );
    assert_eq!(complete("khoá* "), [word("khoá")], "a space ends it");
    // A number is whole ("50" is not "500"), and so is a syllable
    // punctuation follows ("50%", a QA pass's report), but for a `*`.
    assert_eq!(complete("giảm 50"), [word("giảm"), word("50")]);
    assert_eq!(complete("giảm 50%"), [word("giảm"), word("50")]);
    assert_eq!(complete("thai bin."), [word("thai"), word("bin")]);
    assert_eq!(complete("201*"), [Term::Prefix("201".into())]);
    assert_eq!(Query::parse("201").terms, [Term::Prefix("201".into())]);
    // As you type, a start either way.
    assert_eq!(
        Query::parse("chứng khoán").terms[1],
        Term::Prefix("khoán".into())
    );
}

#[test]
fn find_matches_returns_original_spelling() {
    let hay = "Nghị quyết Ðại hội Đảng bộ tỉnh Thái Bình, công tác dân vận.";
    assert_eq!(found(hay, "thai bi"), ["Thái Bình"]);
    assert_eq!(found(hay, "dang"), ["Đảng"]);
    assert_eq!(found(hay, "Ðảng"), ["Đảng"]);
    assert_eq!(found(hay, "dai"), ["Ðại"]);
    assert_eq!(found(hay, "\"dan van\""), ["dân vận"]);
    assert_eq!(found(hay, "\"van dan\""), Vec::<&str>::new());
    assert_eq!(found(hay, ""), Vec::<&str>::new());
    // Prefix of a word, not the middle of one.
    assert_eq!(found(hay, "an"), Vec::<&str>::new());
}

/// Issue 13: find in the article counted each syllable on its own (and
/// "DÂN VẬN" found "Đảng", which "dan" starts): it finds the phrase.
#[test]
fn find_counts_phrases_with_the_mark_rules() {
    let hay = "Kiểm định xe. Kiểm tra, định kỳ. Dân vận, dân vẫn, đàn vạn. Kiểm đinh.";
    assert_eq!(found(hay, "kiem dinh"), ["Kiểm định", "Kiểm đinh"]);
    assert_eq!(found(hay, "kiểm định"), ["Kiểm định"]);
    assert_eq!(found(hay, "kiểm dinh"), ["Kiểm định", "Kiểm đinh"]);
    assert_eq!(found(hay, "dan van"), ["Dân vận", "dân vẫn", "đàn vạn"]);
    assert_eq!(found(hay, "DÂN VẬN"), ["Dân vận"]);
    assert_eq!(found(hay, "đàn va"), ["đàn vạn"]);
    assert_eq!(
        found(hay, "dân v"),
        Vec::<&str>::new(),
        "one letter is whole"
    );
}

#[test]
fn find_matches_in_nfd_text_and_with_nfd_queries() {
    let nfc = "Người Việt ở Hà Nội";
    let nfd: String = nfc.nfd().collect();
    let q_nfd: String = "việt".nfd().collect();
    for q in ["viet", "việt", q_nfd.as_str()] {
        assert_eq!(found(nfc, q), ["Việt"]);
        // The range covers the combining marks too.
        assert_eq!(found(&nfd, q), ["Việt".nfd().collect::<String>()]);
    }
}

#[test]
fn overlapping_and_touching_matches_merge() {
    let hay = "ha noi ha";
    assert_eq!(
        find_matches(hay, "ha \"ha noi\""),
        vec![0..6, 7..9],
        "the phrase and the word inside it make one range"
    );
}

#[test]
fn snippets_show_the_best_text_around_the_match() {
    let q = Query::parse("dan van");
    let texts = [
        "Mở đầu không có gì.",
        "Chỉ có dân ở đây.",
        "Một đoạn rất dài nói về nhiều chuyện trước khi đến công tác dân vận năm 2021 của tỉnh Thái Bình và nhiều nữa.",
    ];
    let s = snippet(texts, &q, 40);
    assert_eq!(
        s.marked("[", "]"),
        "…công tác [dân] [vận] năm 2021 của tỉnh Thái…"
    );
    // No match in any text: the first text, unmarked.
    let s = snippet(["", "Một hai ba."], &Query::parse("zzz"), 40);
    assert_eq!(s.marked("[", "]"), "Một hai ba.");
    assert_eq!(snippet([], &q, 40), Snippet::default());
}

proptest::proptest! {
    #[test]
    fn find_matches_never_panics_and_ranges_are_char_boundaries(
        hay in "\\PC{0,60}", q in "\\PC{0,20}"
    ) {
        for r in find_matches(&hay, &q) {
            proptest::prop_assert!(hay.is_char_boundary(r.start) && hay.is_char_boundary(r.end));
            proptest::prop_assert!(r.start < r.end);
        }
        let s = snippet([hay.as_str()], &Query::parse(&q), 10);
        for m in &s.marks {
            proptest::prop_assert!(s.text.is_char_boundary(m.start) && s.text.is_char_boundary(m.end));
        }
    }
}

#[test]
fn a_snippet_inside_a_run_of_chinese_or_thai_letters_keeps_its_lead_in() {
    // No space to start at: the lead-in starts at a letter, not at the
    // match ("…[统计局]后面" lost the "国家" before it).
    let text = format!(
        "{}国家统计局发布了最新的经济数据。",
        "一二三四五六七八九十".repeat(4)
    );
    let s = snippet([text.as_str()], &Query::parse("统计局"), 20);
    assert!(
        s.marked("[", "]").contains("国家[统计局]发布"),
        "{}",
        s.marked("[", "]")
    );
    // Thai: a letter's vowel and tone marks stay with it, at either end.
    let text = "ธนาคารแห่งประเทศไทยประกาศอัตราดอกเบี้ยใหม่ในวันนี้ ".repeat(3);
    for width in 8..40 {
        let s = snippet([text.as_str()], &Query::parse("ดอกเบี้ย"), width);
        let body = s.text.trim_start_matches('…').trim_end_matches('…');
        let first = body.chars().next().unwrap();
        assert!(
            !unicode_normalization::char::is_combining_mark(first),
            "{width}: {}",
            s.text
        );
        let last = body.chars().last().unwrap();
        let after = text[text.find(body).unwrap() + body.len()..].chars().next();
        assert!(
            after.is_none_or(|c| !unicode_normalization::char::is_combining_mark(c)),
            "{width}: {} then {after:?} ({last})",
            s.text
        );
    }
}

#[test]
fn a_thai_snippet_begins_and_ends_between_words() {
    // A letter's start is not a word's: "…ะดอกเบี้ย" began inside "อัตรา".
    let words = [
        "ธนาคาร",
        "แห่ง",
        "ประเทศ",
        "ไทย",
        "ประกาศ",
        "อัตรา",
        "ดอกเบี้ย",
        "ใหม่",
        "ใน",
        "วัน",
        "นี้",
    ];
    let text = format!("{} ", words.concat()).repeat(3);
    let mut cut_inside = 0;
    for width in 8..40 {
        let s = snippet([text.as_str()], &Query::parse("ดอกเบี้ย"), width);
        assert!(
            s.marked("[", "]").contains("[ดอกเบี้ย]"),
            "{width}: {}",
            s.text
        );
        let body = s.text.trim_start_matches('…').trim_end_matches('…');
        let starts = words.iter().any(|w| body.starts_with(w));
        let ends = words.iter().any(|w| body.ends_with(w));
        if !starts || !ends {
            cut_inside += 1;
            eprintln!("{width}: {}", s.text);
        }
    }
    assert_eq!(cut_inside, 0);
}
