//! JSON-lines parsing: the corpus schemas, our own export keys, malformed
//! lines, NFD text and escape injection.

use chrono::{DateTime, FixedOffset};
use docbao::ingest::{Format, LineErrorKind, detect, jsonl_records, parse_jsonl};
use docbao::model::{Keyword, KeywordSource, NewArticle, NewRelated, Paragraph, ParagraphKind};
use unicode_normalization::UnicodeNormalization;

mod common;

fn at(s: &str) -> Option<DateTime<FixedOffset>> {
    Some(DateTime::parse_from_rfc3339(s).unwrap())
}

/// Each line's outcome as a reader sees it: "ok TITLE" or the error.
fn shown(text: &str) -> Vec<String> {
    parse_jsonl(text)
        .iter()
        .map(|r| match r {
            Ok(a) => format!("ok {}", a.title),
            Err(e) => e.to_string(),
        })
        .collect()
}

fn ok(text: &str) -> Vec<NewArticle> {
    parse_jsonl(text).into_iter().map(|r| r.unwrap()).collect()
}

fn kw(name: &str, source: KeywordSource) -> Keyword {
    Keyword {
        name: name.into(),
        source,
    }
}

/// Every string of an article is clean: NFC, no controls, no invisible
/// characters, no runs of spaces, trimmed.
fn assert_clean(a: &NewArticle) {
    let mut strings: Vec<&str> = vec![&a.title];
    strings.extend(a.url.as_deref());
    strings.extend(a.date_text.as_deref());
    strings.extend(a.author.as_deref());
    strings.extend(a.site.as_deref());
    strings.extend(a.lead.as_deref());
    strings.extend(a.paragraphs.iter().map(|p| p.text.as_str()));
    strings.extend(a.keywords.iter().map(|k| k.name.as_str()));
    for r in &a.related {
        strings.push(&r.title);
        strings.extend(r.url.as_deref());
        strings.extend(r.excerpt.as_deref());
    }
    for s in strings {
        assert!(!s.is_empty());
        assert_eq!(docbao::text::clean(s), s, "not clean: {s:?}");
        assert!(unicode_normalization::is_nfc(s), "not NFC: {s:?}");
    }
}

#[test]
fn dantri_30_lines() {
    let text = include_str!("fixtures/dantri-30-head3.jsonl");
    assert_eq!(
        detect("dantri-30-head3.jsonl", text.as_bytes()),
        Format::JsonLines
    );
    let all = ok(text);
    assert_eq!(all.len(), 3);
    let a = &all[0];
    assert_eq!(
        a.title,
        "Vinamilk lọt Top 1.000 thương hiệu hàng đầu châu Á"
    );
    assert_eq!(
        a.url.as_deref(),
        Some(
            "https://dantri.com.vn/kinh-doanh/vinamilk-lot-top-1000-thuong-hieu-hang-dau-chau-a-20201001163534963.htm"
        )
    );
    assert_eq!(a.site.as_deref(), Some("dantri.com.vn"));
    assert_eq!(a.date_text.as_deref(), Some("2020-10-01"));
    assert_eq!(a.published, at("2020-10-01T00:00:00+07:00"));
    assert!(
        a.lead
            .as_deref()
            .unwrap()
            .starts_with("Năm 2020, Vinamilk đã vượt qua")
    );
    assert_eq!(a.paragraphs.len(), 21);
    assert!(a.paragraphs.iter().all(|p| p.kind == ParagraphKind::Text));
    assert_eq!(
        a.paragraphs[0].text,
        "Bảng xếp hạng Top 10 do Campaign Asia-Pacific và Nielsen phối hợp thực hiện, yêu cầu người trả lời lựa chọn thương hiệu hàng đầu có hoạt động tại Việt Nam, có danh tiếng tốt nhất và gây được tiếng vang lớn nhất với người Việt Nam."
    );
    assert_eq!(a.author, None);
    assert_eq!(a.views, None);
    assert!(a.keywords.is_empty() && a.related.is_empty());
    assert_eq!((a.bookmarked, a.read), (None, None));
    assert_eq!(
        all[1].title,
        "Ngành thuế \"thất thu\" vì hàng chục ngàn doanh nghiệp... \"chết yểu\""
    );
    all.iter().for_each(assert_clean);
}

/// HTML entities a scraper left in the text are decoded: "&nbsp" with or
/// without its ";" (the Dân trí set's "lúc&nbsp11h"), "&amp;", "&quot;",
/// numeric ones; "AT&T" and an entity HTML does not know stay; an entity
/// alone is no lead.
#[test]
fn entities_left_in_the_text_are_decoded() {
    let line = concat!(
        r#"{"title":"Thử&nbsp;nghiệm A &amp; B","url":"https://x.vn/a","sapo":"&nbsp;","#,
        r#""body":["Cụ thể, lúc&nbsp11h hôm nay 29/4, giá vàng SJC tại Hà Nội tăng.","#,
        r#""TP.&nbsp;Hồ&nbsp;Chí&nbsp;Minh &quot;mới&quot; &#8230; AT&T &notanentity; R&D"],"#,
        r#""tags":["Giá&nbsp;vàng"]}"#
    );
    let a = &ok(line)[0];
    assert_eq!(a.title, "Thử nghiệm A & B");
    assert_eq!(a.lead, None);
    assert_eq!(
        a.paragraphs[0].text,
        "Cụ thể, lúc 11h hôm nay 29/4, giá vàng SJC tại Hà Nội tăng."
    );
    assert_eq!(
        a.paragraphs[1].text,
        "TP. Hồ Chí Minh \"mới\" … AT&T &notanentity; R&D"
    );
    assert_eq!(a.keywords[0].name, "Giá vàng");
    assert_clean(a);
}

/// docbao's own export is read back as it was stored: a title about HTML
/// that reads "&amp;" after its one decoding keeps it through any number of
/// round trips (it shrank by one level each), and an undated article's
/// date line, said when it was stored, is not said again.
#[test]
fn an_export_imported_again_is_read_as_stored() {
    let env = common::Env::new();
    let line = concat!(
        r#"{"title":"Viết &amp;amp; trong HTML","url":"https://x.vn/html","#,
        r#""date":"hôm qua","body":["Dùng &amp;amp;nbsp; cho khoảng trắng."]}"#,
        "\n"
    );
    let file = env.write("a.jsonl", line.as_bytes());
    env.ok(&["import", file.to_str().unwrap()]);
    let title = || env.json(&["show", "1", "--json"])["title"].clone();
    assert_eq!(title(), "Viết &amp; trong HTML");
    for round in 0..2 {
        let export = env.path(&format!("e{round}.jsonl"));
        env.ok(&["export", "-o", export.to_str().unwrap()]);
        let out = env.run(&["import", export.to_str().unwrap()]);
        let err = common::stderr(&out);
        assert!(err.contains("0 added, 0 updated, 1 skipped"), "{err}");
        assert!(!err.contains("is not a date"), "{err}");
        assert_eq!(title(), "Viết &amp; trong HTML");
    }
}

#[test]
fn dantri_2653_lines() {
    let all = ok(include_str!("fixtures/dantri-2653-2lines.jsonl"));
    assert_eq!(all.len(), 2);
    assert_eq!(all[0].published, at("2021-04-24T00:00:00+07:00"));
    assert_eq!(all[0].date_text.as_deref(), Some("2021-04-24"));
    assert_eq!(all[0].paragraphs.len(), 8);
    assert_eq!(all[1].paragraphs.len(), 11);
    assert!(
        all.iter()
            .all(|a| a.lead.is_some() && a.site.as_deref() == Some("dantri.com.vn"))
    );
    all.iter().for_each(assert_clean);
}

#[test]
fn danes_lines_topics_become_keywords() {
    let all = ok(include_str!("fixtures/danes-head3.jsonl"));
    assert_eq!(all.len(), 3);
    let a = &all[0];
    assert_eq!(
        a.title,
        "So sánh Kia K3 với Mazda3: Chọn xe sedan hạng C nào?"
    );
    assert_eq!(
        a.lead.as_deref(),
        Some(
            "Kia K3 có giá bán cạnh tranh và trang bị tiện ích phong phú, trong khi Mazda3 nắm ưu thế về mặt thiết kế và công nghệ an toàn."
        )
    );
    assert_eq!(a.site.as_deref(), Some("doanhnghiepvn.vn"));
    assert_eq!(
        a.keywords,
        vec![
            kw("Công nghệ", KeywordSource::Page),
            kw("Giao thông", KeywordSource::Page)
        ]
    );
    assert!(a.paragraphs.is_empty());
    assert_eq!(a.published, None);
    // Line 2 holds decomposed text in the corpus: it comes out NFC.
    assert_eq!(all[1].keywords.len(), 3);
    all.iter().for_each(assert_clean);
}

#[test]
fn baomoi_test_only_excerpt() {
    let all = ok(include_str!("fixtures/baomoi-2lines-TEST-ONLY.jsonl"));
    assert_eq!(all.len(), 2);
    assert_eq!(
        all[0].title,
        "Kết quả xổ số điện toán Vietlott ngày 6/2/2017"
    );
    assert_eq!(
        all[0].url.as_deref(),
        Some("http://www.baomoi.com/a/c/21395276.epi")
    );
    assert_eq!(all[0].site.as_deref(), Some("baomoi.com"));
    assert_eq!(all[0].paragraphs.len(), 1);
    all.iter().for_each(assert_clean);
}

#[test]
fn mixed_keys_and_our_export() {
    let all = ok(include_str!("fixtures/mixed.jsonl"));
    assert_eq!(all.len(), 3);

    let a = &all[0];
    assert_eq!(a.title, "Bài xuất từ docbao");
    assert_eq!(
        a.url.as_deref(),
        Some("https://www.vnexpress.net/bai-1.html")
    );
    assert_eq!(a.site.as_deref(), Some("vnexpress.net"));
    assert_eq!(a.published, at("2023-11-02T19:20:00+07:00"));
    assert_eq!(
        a.date_text.as_deref(),
        Some("Thứ Năm, 2/11/2023, 19:20 (GMT+7)")
    );
    assert_eq!(a.lead.as_deref(), Some("Tóm tắt."));
    assert_eq!(
        a.paragraphs,
        vec![
            Paragraph::text("Đoạn một."),
            Paragraph::caption("Ảnh minh họa"),
            Paragraph {
                kind: ParagraphKind::Heading,
                text: "Tiêu đề phụ".into(),
                links: Vec::new(),
            },
            Paragraph::text("Đoạn hai."),
        ]
    );
    assert_eq!(
        a.keywords,
        vec![
            kw("Hà Nội", KeywordSource::Page),
            kw("giao thông", KeywordSource::Auto)
        ]
    );
    assert_eq!(
        a.related,
        vec![
            NewRelated {
                title: "Tin A".into(),
                url: Some("https://vnexpress.net/a.html".into()),
                excerpt: Some("Tóm tắt A...".into()),
            },
            NewRelated {
                title: "Tin B".into(),
                url: None,
                excerpt: None
            },
        ]
    );
    assert_eq!(a.views, Some(1234));
    assert_eq!(a.author.as_deref(), Some("Minh Anh"));
    assert_eq!((a.bookmarked, a.read), (Some(true), Some(false)));

    let b = &all[1];
    assert_eq!(b.url.as_deref(), Some("http://baomoi.com/c/1.epi"));
    assert_eq!(b.site.as_deref(), Some("Báo Mới"));
    assert_eq!(b.published, at("2021-11-14T08:30:00+07:00"));
    assert_eq!(
        b.date_text.as_deref(),
        Some("Chủ nhật, 14.11.2021 | 08:30:00")
    );
    assert_eq!(
        b.paragraphs,
        vec![
            Paragraph::text("Đoạn một."),
            Paragraph::text("Đoạn hai cùng đoạn.")
        ]
    );
    assert_eq!(
        b.keywords,
        vec![
            kw("Thái Bình", KeywordSource::Page),
            kw("dân vận", KeywordSource::Page)
        ]
    );
    assert_eq!(b.views, Some(279));

    let c = &all[2];
    assert_eq!(c.published, None);
    assert_eq!(c.date_text.as_deref(), Some("hôm qua"));
    // One string without blank lines: one paragraph per line; a caption
    // string marks the paragraph equal to it.
    assert_eq!(
        c.paragraphs,
        vec![
            Paragraph::text("Dòng một."),
            Paragraph::caption("Dòng hai.")
        ]
    );
    assert_eq!(
        c.keywords,
        vec![
            kw("Xã hội", KeywordSource::Page),
            kw("Pháp luật", KeywordSource::Page)
        ]
    );
    all.iter().for_each(assert_clean);
}

#[test]
fn bad_lines_report_their_number_and_the_rest_parse() {
    let text = "{\"title\": \"Một\", \"url\": \"https://a.vn/1\"}\n\n{\"title\": }\n   \n{\"url\": \"https://a.vn/x\"}\n[1, 2]\n{\"title\": \"  \\u200b \"}\n{\"title\": \"Hai\", \"id\": 12, \"sapo\": \"Tóm tắt.\"}\n{\"title\": \"Ba\"";
    let results = parse_jsonl(text);
    assert_eq!(
        shown(text),
        vec![
            "ok Một",
            "line 3: not a JSON object (invalid JSON at column 11: expected value)",
            "line 5: no title",
            "line 6: expected a JSON object, found an array",
            "line 7: no title",
            "ok Hai",
            "line 9: not a JSON object (invalid JSON at column 14: EOF while parsing an object)",
        ]
    );
    let e = results[2].as_ref().unwrap_err();
    assert_eq!((e.line, &e.kind), (5, &LineErrorKind::NoTitle));
    // The streaming form gives the same answers.
    assert_eq!(jsonl_records(text).collect::<Vec<_>>(), results);
}

#[test]
fn a_field_of_the_wrong_type_is_named() {
    let text = [
        r#"{"title": 5}"#,
        r#"{"title": null}"#,
        r#"{"title": "A", "body": 123}"#,
        r#"{"title": "A", "body": ["Đoạn.", 7]}"#,
        r#"{"title": "A", "url": "https://a.vn/a", "read": "yes"}"#,
        r#"{"title": "A", "sapo": ["x"]}"#,
        r#"{"title": "A", "url": "https://a.vn/a", "tags": {"a": 1}}"#,
        r#"{"title": "A", "url": "https://a.vn/a", "keywords": ["Hà Nội", 2]}"#,
        r#"{"title": "A", "url": "https://a.vn/a", "topics": [["Hà Nội"]]}"#,
        r#"{"title": "A", "url": "https://a.vn/a", "tags": [12, "Hà Nội"]}"#,
        r#"{"title": "A", "url": "https://a.vn/a", "keywords_meta": [true]}"#,
        // null is as if the field were not there.
        r#"{"title": "A", "url": "https://a.vn/a", "body": null, "views": null}"#,
    ]
    .join("\n");
    assert_eq!(
        shown(&text),
        [
            "line 1: \"title\" is a number, expected a string",
            "line 2: no title",
            "line 3: \"body\" is a number, expected a list of paragraphs or a string",
            "line 4: \"body\" is a list holding a number, expected a list of paragraphs (strings or {\"kind\", \"text\"})",
            "line 5: \"read\" is a string, expected true or false",
            "line 6: \"sapo\" is an array, expected a string",
            "line 7: \"tags\" is an object, expected a list or a comma-separated string",
            "line 8: \"keywords\" is a list holding a number, expected a list of keywords (strings or {\"name\", \"source\"})",
            "line 9: \"topics\" is a list holding a list, expected a list of keywords (strings or {\"name\", \"source\"})",
            "line 10: \"tags\" is a list holding a number, expected a list of keywords (strings or {\"name\", \"source\"})",
            "line 11: \"keywords_meta\" is a list holding a boolean, expected a list of keywords (strings or {\"name\", \"source\"})",
            "ok A",
        ]
    );
}

#[test]
fn a_title_alone_is_refused_and_a_headline_with_its_url_is_kept() {
    let r = parse_jsonl("{\"title\": \"x\"}\n{\"title\": \"y\", \"sapo\": \"\", \"body\": []}");
    assert_eq!(
        r[0].as_ref().unwrap_err().to_string(),
        "line 1: the title \"x\" alone: no lead, no body and no url"
    );
    assert_eq!(
        r[1].as_ref().unwrap_err().kind,
        LineErrorKind::TitleOnly("y".into())
    );
    // A real DANeS headline: its url, its topics, an empty description.
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/danes-title-url.jsonl"),
    )
    .unwrap();
    let a = &ok(&text)[0];
    assert_eq!(
        a.title,
        "Than Uyên: Hua Nà phát triển kinh tế từ cây ăn quả"
    );
    assert!(a.lead.is_none() && a.paragraphs.is_empty());
    assert!(a.url.is_some());
    // A lead alone or a body alone is enough.
    ok("{\"title\": \"x\", \"sapo\": \"Tóm tắt.\"}\n{\"title\": \"x\", \"body\": \"Đoạn.\"}");
}

#[test]
fn crlf_bom_and_nfd() {
    let line = "{\"title\": \"Thủ tướng Chính phủ\", \"body\": [\"Việt Nam.\", \"Hà Nội.\"], \"tags\": [\"Thủ tướng\"]}";
    let want = ok(line);
    let nfd: String = line.nfd().collect();
    assert_ne!(nfd, line);
    let text = format!("\u{FEFF}{nfd}\r\n\r\n{line}\r\n");
    let got = ok(&text);
    assert_eq!(got, vec![want[0].clone(), want[0].clone()]);
    assert_eq!(got[0].title, "Thủ tướng Chính phủ");
    assert_eq!(got[0].keywords[0].name, "Thủ tướng");
}

#[test]
fn escape_sequences_come_out_as_plain_text() {
    let line = r#"{"title": "Tin \u001b]0;x\u0007nóng", "body": ["Đoạn \u001b[2Jmột.", "\u001b[31mđỏ\u001b[0m"], "sapo": "a\u0000b", "author": "\u001b]0;pwned\u0007"}"#;
    let a = &ok(line)[0];
    assert_eq!(a.title, "Tin nóng");
    assert_eq!(
        a.paragraphs,
        vec![Paragraph::text("Đoạn một."), Paragraph::text("đỏ")]
    );
    assert_eq!(a.lead.as_deref(), Some("ab"));
    assert_eq!(a.author, None);
    assert_clean(a);
}

#[test]
fn date_fields_and_forms() {
    let cases = [
        (
            r#"{"title":"t","sapo":"s","published_at":"2020-10-01T08:30:00Z"}"#,
            "2020-10-01T08:30:00+00:00",
        ),
        (
            r#"{"title":"t","sapo":"s","date":"2020-10-01T08:30:00"}"#,
            "2020-10-01T08:30:00+07:00",
        ),
        (
            r#"{"title":"t","sapo":"s","date":"2020-10-01"}"#,
            "2020-10-01T00:00:00+07:00",
        ),
        (
            r#"{"title":"t","sapo":"s","date_text":"Thứ 6, 05.03.2021 | 00:00:00"}"#,
            "2021-03-05T00:00:00+07:00",
        ),
        (
            r#"{"title":"t","sapo":"s","published":1614877200}"#,
            "2021-03-05T00:00:00+07:00",
        ),
    ];
    for (line, want) in cases {
        assert_eq!(ok(line)[0].published, at(want), "{line}");
    }
    let a = &ok(
        r#"{"title":"t","sapo":"s","date":"2020-10-01T08:30:00","date_text":"Thứ Năm, 1/10/2020"}"#,
    )[0];
    assert_eq!(a.published, at("2020-10-01T08:30:00+07:00"));
    assert_eq!(a.date_text.as_deref(), Some("Thứ Năm, 1/10/2020"));
}

#[test]
fn keyword_and_body_shapes() {
    let a = &ok(
        r#"{"title":"t","sapo":"s","paragraphs":["Một.\n\nHai.", "", "  "],"keywords":"a, b,, a"}"#,
    )[0];
    assert_eq!(
        a.paragraphs,
        vec![Paragraph::text("Một."), Paragraph::text("Hai.")]
    );
    assert_eq!(
        a.keywords
            .iter()
            .map(|k| k.name.as_str())
            .collect::<Vec<_>>(),
        ["a", "b"]
    );
    let b = &ok(
        r#"{"title":"t","sapo":"s","body":null,"paragraphs":["x"],"author":["A","B"],"views":"12 345"}"#,
    )[0];
    assert_eq!(b.paragraphs, vec![Paragraph::text("x")]);
    assert_eq!(b.author.as_deref(), Some("A, B"));
    assert_eq!(b.views, Some(12345));
}

#[test]
fn large_input_parses_in_order_across_threads() {
    // Over the parallel threshold: line numbers and order survive the split.
    let mut text = String::new();
    let filler = "x".repeat(2000);
    for i in 0..3000 {
        if i % 1000 == 999 {
            text.push_str("not json\n");
        } else {
            text.push_str(&format!(
                "{{\"title\":\"Bài {i}\",\"body\":[\"{filler}\"]}}\n"
            ));
        }
    }
    assert!(text.len() > 4 * 1024 * 1024);
    let results = parse_jsonl(&text);
    assert_eq!(results.len(), 3000);
    for (i, r) in results.iter().enumerate() {
        match r {
            Ok(a) => assert_eq!(a.title, format!("Bài {i}")),
            Err(e) => {
                assert_eq!(i % 1000, 999);
                assert_eq!(e.line, i + 1);
            }
        }
    }
}

#[test]
fn page_keywords_are_split_and_slugs_get_their_marks() {
    // Issue 15: one string holding several keywords, in an array or not; a
    // slug without marks ("lo luyen thi") that the text writes with them.
    let line = concat!(
        r#"{"title": "Lò luyện thi công chức", "body": ["Nhiều lò luyện thi mọc lên."], "#,
        r#""tags": ["Kỳ họp thứ 6 Quốc hội khóa 15,Thuế thu nhập cá nhân;Tin nóng", "lo luyen thi"], "#,
        r#""keywords": "Tin nóng, tin tuc"}"#
    );
    let a = &ok(line)[0];
    let names: Vec<&str> = a.keywords.iter().map(|k| k.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Kỳ họp thứ 6 Quốc hội khóa 15",
            "Thuế thu nhập cá nhân",
            "Tin nóng",
            "lò luyện thi",
            "tin tuc",
        ]
    );
}

/// A date given but not read ("2021-02-30", "hôm qua") is said, naming the
/// file and line, as a saved page's is; the article is stored undated, the
/// text kept as its date line. Read whole, and as a stream on stdin.
#[test]
fn an_unreadable_date_is_named_by_file_and_line() {
    let env = common::Env::new();
    let lines = concat!(
        r#"{"title":"Ngày sai","url":"https://x.vn/z1","date":"2021-02-30","body":["Nội dung."]}"#,
        "\n\n",
        r#"{"title":"Ngày chữ","url":"https://x.vn/z2","date":"hôm qua","body":["Nội dung."]}"#,
        "\n",
        r#"{"title":"Ngày đúng","url":"https://x.vn/z3","date":"2021-02-20","body":["Nội dung."]}"#,
        "\n",
    );
    let file = env.write("d.jsonl", lines.as_bytes());
    let out = env.run(&["import", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    let err = common::stderr(&out);
    let f = file.display();
    for said in [
        format!("docbao: {f}:1: \"2021-02-30\" is not a real date (month 2 of 2021 has no day 30)"),
        format!(
            "docbao: {f}:3: \"hôm qua\" is not a date docbao reads: kept as the article's date line"
        ),
    ] {
        assert!(err.contains(&said), "{said}\n{err}");
    }
    assert!(!err.contains(":4:"), "the good date is not named: {err}");
    assert!(err.contains("3 added"), "{err}");
    let a = env.json(&["show", "1", "--json"]);
    assert_eq!(a["published"], serde_json::Value::Null);
    assert_eq!(a["date_text"], "2021-02-30");
    // Past ten lines of one input, the rest are counted.
    let many: String = (1..=13)
        .map(|i| {
            format!(r#"{{"title":"Bài {i}","url":"https://x.vn/m{i}","date":"hôm qua","body":["Nội dung."]}}"#)
                + "\n"
        })
        .collect();
    let file = env.write("m.jsonl", many.as_bytes());
    let err = common::stderr(&env.run(&["import", file.to_str().unwrap()]));
    assert_eq!(
        err.matches("is not a date docbao reads").count(),
        10,
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "docbao: {}: … and 3 more lines with a date docbao does not read, stored undated",
            file.display()
        )),
        "{err}"
    );
    // On stdin, read line by line: the same lines named.
    let env = common::Env::new();
    let out = env.run_stdin(&["import", "-"], lines.as_bytes());
    let err = common::stderr(&out);
    assert!(err.contains("stdin:3: \"hôm qua\" is not a date"), "{err}");
    assert!(
        err.contains("stdin:1: \"2021-02-30\" is not a real date"),
        "{err}"
    );
}
