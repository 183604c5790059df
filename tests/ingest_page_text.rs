//! Page-text parsing: the sample page field by field, its encodings, and
//! the layout variants.

mod common;

use chrono::{DateTime, FixedOffset};
use docbao::ingest::page_text::{PageNote, read_page_text};
use docbao::ingest::{Format, IngestError, decode_text, detect, parse_page_text};
use docbao::model::{Keyword, KeywordSource, NewArticle, NewRelated, Paragraph, ParagraphKind};
use unicode_normalization::UnicodeNormalization;

const SAMPLE: &str = include_str!("fixtures/dan-van-2021-03-05.txt");

fn at(s: &str) -> Option<DateTime<FixedOffset>> {
    Some(DateTime::parse_from_rfc3339(s).unwrap())
}

fn page(keyword: &str) -> Vec<Keyword> {
    vec![Keyword {
        name: keyword.to_string(),
        source: KeywordSource::Page,
    }]
}

fn kinds(a: &NewArticle) -> Vec<ParagraphKind> {
    a.paragraphs.iter().map(|p| p.kind).collect()
}

#[test]
fn sample_page_field_by_field() {
    let a = parse_page_text(SAMPLE).unwrap();
    assert_eq!(
        a.title,
        "Ký kết chương trình phối hợp về công tác dân vận giữa Ban Cán sự Đảng UBND tỉnh và Ban Dân vận Tỉnh ủy"
    );
    assert_eq!(a.published, at("2021-03-05T00:00:00+07:00"));
    assert_eq!(a.published.unwrap().offset().local_minus_utc(), 7 * 3600);
    assert_eq!(a.date_text.as_deref(), Some("Thứ 6, 05.03.2021 | 00:00:00"));
    assert_eq!(a.views, Some(279));
    assert_eq!(a.author.as_deref(), Some("Cao Biền"));
    assert_eq!(a.url, None);
    assert_eq!(a.lead, None);
    assert_eq!(a.site, None);
    assert_eq!(a.bookmarked, None);
    assert_eq!(a.read, None);
    assert_eq!(a.keywords, vec![]);

    let want = vec![
        Paragraph::text(
            "Chiều 5/3, các đồng chí: Nguyễn Khắc Thận - Phó bí thư Tỉnh ủy, Bí thư Ban cán sự Đảng UBND tỉnh, Chủ tịch UBND tỉnh; Nguyễn Văn Giang - Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban dân vận Tỉnh ủy, Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh đồng chủ trì Hội nghị ký kết kế hoạch thực hiện chương trình phối hợp về công tác dân vận năm 2021 giữa Ban cán sự Đảng UBND tỉnh và Ban Dân vận Tỉnh ủy.",
        ),
        // The trailing NBSP of the file is gone.
        Paragraph::text(
            "Chương trình phối hợp về công tác dân vận năm 2021 giữa Ban cán sự Đảng UBND tỉnh và Ban Dân vận Tỉnh ủy nhằm nâng cao hiệu quả công tác dân vận của cơ quan hành chính Nhà nước, chính quyền các cấp với trọng tâm là “Đẩy mạnh thực hiện quy chế dân chủ ở cơ sở”, chú trọng xây dựng mối quan hệ giữa chính quyền với nhân dân, nâng cao đạo đức công vụ, tinh thần phục vụ nhân dân.",
        ),
        Paragraph::caption(
            "Hội nghị ký kết kế hoạch thực hiện chương trình phối hợp về công tác dân vận năm 2021 giữa Ban cán sự Đảng UBND tỉnh và Ban Dân vận Tỉnh ủy",
        ),
        Paragraph::text(
            "Đồng chí Bí thư Ban cán sự Đảng, Chủ tịch UBND tỉnh nhấn mạnh, chương trình phối hợp sẽ nâng cao hiệu quả thực hiện quy chế dân chủ ở cơ sở, qua đó thực hiện tốt các nhiệm vụ khác. Đồng chí yêu cầu trên tinh thần kế hoạch đã ký kết, các cơ quan đơn vị thuộc UBND tỉnh có trách nhiệm thực hiện nghiêm túc, đầy đủ, có trách nhiệm trong quá trình phối hợp.",
        ),
        Paragraph::text(
            "Đồng chí mong muốn Ban dân vận Tỉnh ủy tổ chức thực hiện tốt chương trình, nhất là định hướng tập trung thực hiện tốt một số nhiệm vụ quan trọng như bầu cử đại biểu Quốc hội khóa 15 và đại biểu HĐND các cấp nhiệm kỳ 2021 – 2026, các chương trình phát triển kinh tế xã hội theo tinh thần Nghị quyết Đại hội Đảng bộ tỉnh Thái Bình lần thứ 20 đã đề ra, vấn đề cải cách hành chính, quy chế dân chủ ở từng cơ quan đơn vị. Đồng chí cũng mong muốn Ban dân vận Tỉnh ủy nắm bắt và chia sẻ về tình hình dư luận cũng như những vấn đề mà người dân quan tâm, để UBND tỉnh có những điều chỉnh phù hợp trong quá trình tổ chức thực hiện nhiệm vụ.",
        ),
    ];
    assert_eq!(a.paragraphs.len(), 5);
    for (got, want) in a.paragraphs.iter().zip(&want) {
        assert_eq!(got, want);
    }

    assert_eq!(
        a.related,
        vec![
            NewRelated {
                title: "Phát huy vai trò nữ đại biểu HĐND các cấp".into(),
                url: None,
                excerpt: Some("Nhằm tạo điều kiện phát triển nguồn nữ đại biểu HĐND các cấp, Hội Liên hiệp phụ nữ tỉnh Thái Bình tổ chức hội nghị tập huấn cho nữ ứng cử viên lần đầu tham gia ứng cử đại biểu HĐND các cấp nhiệm kì...".into()),
            },
            NewRelated {
                title: "Khơi dậy động lực phát triển đất nước trong giai đoạn mới".into(),
                url: None,
                // "Ð" (U+00D0) is kept as the page prints it.
                excerpt: Some("Trong bài viết “Chuẩn bị và tiến hành thật tốt Ðại hội XIII của Ðảng, đưa đất nước bước vào một giai đoạn phát triển mới”, Tổng Bí thư, Chủ tịch nước Nguyễn Phú Trọng đã chỉ rõ: “Động lực và nguồn lực cho...".into()),
            },
        ]
    );
}

#[test]
fn sample_as_nfd_crlf_and_bom_gives_the_same_article() {
    let base = parse_page_text(SAMPLE).unwrap();
    let nfd: String = SAMPLE.nfd().collect();
    assert_ne!(nfd, SAMPLE);
    let crlf = SAMPLE.replace('\n', "\r\n");
    let cr = SAMPLE.replace('\n', "\r");
    let bom = format!("\u{FEFF}{SAMPLE}");
    let all = format!("\u{FEFF}{}", nfd.replace('\n', "\r\n"));
    for (what, text) in [
        ("nfd", &nfd),
        ("crlf", &crlf),
        ("cr", &cr),
        ("bom", &bom),
        ("all", &all),
    ] {
        assert_eq!(parse_page_text(text).unwrap(), base, "{what}");
        // And through the byte-level decoder, as the import command does it.
        let decoded = decode_text("p.txt", text.as_bytes()).unwrap();
        assert_eq!(parse_page_text(&decoded).unwrap(), base, "{what} decoded");
    }
    assert_eq!(
        detect("dan-van-2021-03-05.txt", SAMPLE.as_bytes()),
        Format::PageText
    );
}

const BODY: &str = "Đoạn mở đầu của bài viết, kết thúc bằng dấu chấm.\n\n\
                    Ảnh minh họa buổi lễ (Ảnh: Thái Bình)\n\n\
                    Đoạn cuối của bài viết cũng kết thúc bằng dấu chấm.\n\n\
                    Minh Anh\n";

fn assert_body(a: &NewArticle) {
    assert_eq!(
        kinds(a),
        vec![
            ParagraphKind::Text,
            ParagraphKind::Caption,
            ParagraphKind::Text
        ]
    );
    assert_eq!(
        a.paragraphs[1].text,
        "Ảnh minh họa buổi lễ (Ảnh: Thái Bình)"
    );
    assert_eq!(a.author.as_deref(), Some("Minh Anh"));
}

#[test]
fn other_date_formats() {
    let cases = [
        (
            "Chủ nhật, 14.11.2021 | 08:30:00",
            "2021-11-14T08:30:00+07:00",
        ),
        (
            "Thứ Năm, 2/11/2023, 19:20 (GMT+7)",
            "2023-11-02T19:20:00+07:00",
        ),
        ("CHỦ NHẬT, 14/11/2021", "2021-11-14T00:00:00+07:00"),
        ("chu nhat, 14.11.2021 08:30", "2021-11-14T08:30:00+07:00"),
        ("14/11/2021 08:30", "2021-11-14T08:30:00+07:00"),
        (
            "Thứ Năm, 2/11/2023, 19:20 (GMT+9)",
            "2023-11-02T19:20:00+09:00",
        ),
    ];
    for (line, want) in cases {
        let text = format!("Tiêu đề\n{line}\n\n{BODY}");
        let a = parse_page_text(&text).unwrap();
        assert_eq!(a.published, at(want), "{line}");
        assert_eq!(a.date_text.as_deref(), Some(line), "{line}");
        assert_eq!(a.views, None);
        assert_body(&a);
        let nfd: String = text.nfd().collect();
        assert_eq!(parse_page_text(&nfd).unwrap(), a, "NFD {line}");
    }
}

#[test]
fn views_with_thousands_separator() {
    let a = parse_page_text(&format!(
        "Tiêu đề\n\nThứ 6, 05.03.2021 | 00:00:00\n1.234 lượt xem\n\n{BODY}"
    ))
    .unwrap();
    assert_eq!(a.views, Some(1234));
    assert_body(&a);
}

#[test]
fn no_views_line() {
    let a = parse_page_text(&format!("Tiêu đề\nThứ 6, 05.03.2021 | 00:00:00\n\n{BODY}")).unwrap();
    assert_eq!(a.views, None);
    assert_eq!(a.published, at("2021-03-05T00:00:00+07:00"));
    assert_body(&a);
}

#[test]
fn keywords_after_a_colon() {
    let text = format!(
        "Tiêu đề\nThứ 6, 05.03.2021 | 00:00:00\n279 lượt xem\n\n{BODY}\n  • Từ khóa: Thái Bình, dân vận\n\
         Tin khác\nTin khác\n\nTóm tắt tin khác..."
    );
    let a = parse_page_text(&text).unwrap();
    assert_eq!(a.keywords, [page("Thái Bình"), page("dân vận")].concat());
    assert_eq!(a.related.len(), 1);
    assert_eq!(a.related[0].title, "Tin khác");
    assert_eq!(a.related[0].excerpt.as_deref(), Some("Tóm tắt tin khác..."));
    assert_body(&a);
}

#[test]
fn bullet_keywords_then_related_stories() {
    let text = format!(
        "Tiêu đề\nThứ 6, 05.03.2021 | 00:00:00\n\n{BODY}\nTỪ KHOÁ\n• Thái Bình\n• dân vận\n- Thái Bình\n\n\
         Tin thứ nhất\nTin thứ nhất\n\nTóm tắt thứ nhất...\n\n\
         Tin thứ hai\nTin thứ hai\n\nTóm tắt thứ hai\nvẫn là tóm tắt..."
    );
    let a = parse_page_text(&text).unwrap();
    // The repeated "Thái Bình" is kept once.
    assert_eq!(a.keywords, [page("Thái Bình"), page("dân vận")].concat());
    assert_eq!(
        a.related,
        vec![
            NewRelated {
                title: "Tin thứ nhất".into(),
                url: None,
                excerpt: Some("Tóm tắt thứ nhất...".into())
            },
            NewRelated {
                title: "Tin thứ hai".into(),
                url: None,
                excerpt: Some("Tóm tắt thứ hai vẫn là tóm tắt...".into())
            },
        ]
    );
    assert_body(&a);
}

#[test]
fn tags_marker_with_bullets_and_no_related() {
    let text = format!("Tiêu đề\n05/03/2021\n\n{BODY}\n* Tags:\n* Hà Nội\n* giao thông\n");
    let a = parse_page_text(&text).unwrap();
    assert_eq!(a.keywords, [page("Hà Nội"), page("giao thông")].concat());
    assert!(a.related.is_empty());
    assert_body(&a);
}

#[test]
fn no_keyword_marker_and_no_related() {
    let a = parse_page_text(&format!("Tiêu đề\n05.03.2021\n\n{BODY}\n\n")).unwrap();
    assert!(a.keywords.is_empty());
    assert!(a.related.is_empty());
    assert_body(&a);
}

#[test]
fn no_marker_but_related_stories_after_a_heading() {
    let text =
        format!("Tiêu đề\n05.03.2021\n\n{BODY}\nTin liên quan\n\nTin A\nTin A\n\nTóm tắt A...");
    let a = parse_page_text(&text).unwrap();
    assert!(a.keywords.is_empty());
    assert_eq!(a.related.len(), 1);
    assert_eq!(a.related[0].title, "Tin A");
    assert_body(&a);
}

#[test]
fn author_on_the_line_after_the_last_paragraph() {
    let text = "Tiêu đề\n05.03.2021\n\nĐoạn một.\n\nĐoạn hai kết thúc.\nCao Biền\n";
    let a = parse_page_text(text).unwrap();
    assert_eq!(a.author.as_deref(), Some("Cao Biền"));
    assert_eq!(
        a.paragraphs,
        vec![
            Paragraph::text("Đoạn một."),
            Paragraph::text("Đoạn hai kết thúc.")
        ]
    );
}

#[test]
fn no_author_when_the_last_paragraph_is_a_sentence() {
    let text = "Tiêu đề\n05.03.2021\n\nĐoạn một.\n\nChú thích ảnh\n\nĐoạn hai kết thúc.\n";
    let a = parse_page_text(text).unwrap();
    assert_eq!(a.author, None);
    assert_eq!(
        kinds(&a),
        vec![
            ParagraphKind::Text,
            ParagraphKind::Caption,
            ParagraphKind::Text
        ]
    );
}

#[test]
fn no_date_line() {
    let a = parse_page_text(&format!("Tiêu đề\n\n{BODY}")).unwrap();
    assert_eq!(a.published, None);
    assert_eq!(a.date_text, None);
    assert_body(&a);
}

#[test]
fn title_only_page_is_refused() {
    for text in [
        "Chỉ có tiêu đề",
        "\n\n  Chỉ có tiêu đề  \r\n\r\n",
        "Chỉ có tiêu đề\n05.03.2021\n279 lượt xem\n",
    ] {
        let e = parse_page_text(text).unwrap_err();
        assert_eq!(
            e,
            IngestError::NoBody {
                title: "Chỉ có tiêu đề".into()
            },
            "{text:?}"
        );
        assert_eq!(
            e.to_string(),
            "page text has the title \"Chỉ có tiêu đề\" but no body: expected the article's paragraphs after it"
        );
    }
}

#[test]
fn a_git_commit_is_not_an_article() {
    let text = include_str!("fixtures/page-git-commit.txt");
    let e = parse_page_text(text).unwrap_err();
    assert_eq!(
        e.to_string(),
        "page text's first line \"commit 3f2a9c1e4b7d08a6f5c2e9b1d3a7f4c8e6b2d0a9\" does not read as an \
         article title: it holds the identifier \"3f2a9c1e4b7d08a6f5c2e9b1d3a7f4c8e6b2d0a9\" (a commit \
         log or a checksum list?)"
    );
    // The one-line form (`git log -1 --format='%H %cd'`) and a checksum list.
    for text in [
        "ab4027a8b37669745016869a37a504727992b2ba Thu Jul 9 11:20:14 2026 +0000\n",
        "9f86d081884c7d65  dan-van-2021-03-05.txt\ne3b0c44298fc1c14  empty.txt\n",
    ] {
        let e = parse_page_text(text).unwrap_err();
        assert!(matches!(e, IngestError::NotATitle { .. }), "{text:?}: {e}");
    }
}

#[test]
fn a_first_line_without_words_is_not_a_title() {
    let e = parse_page_text(&format!("-----\n\n{BODY}")).unwrap_err();
    assert_eq!(
        e.to_string(),
        "page text's first line \"-----\" does not read as an article title: it has no word in it"
    );
}

#[test]
fn titles_with_numbers_and_codes_are_still_titles() {
    // Hex-looking words that are not identifiers: too short, or no digit.
    for title in [
        "Covid-19: Hà Nội thêm 1.234 ca mắc mới",
        "Giá vàng SJC tăng 500.000 đồng/lượng",
        "Mã độc ABCDEF mới tấn công 3.000 máy tính",
        "iPhone 15 Pro Max giảm giá",
        "Bí thư Tỉnh ủy: \"Không để ai bị bỏ lại phía sau\"",
    ] {
        let a = parse_page_text(&format!("{title}\n\n{BODY}")).unwrap();
        assert_eq!(a.title, title);
    }
}

#[test]
fn empty_page_is_an_error() {
    for text in ["", "\n \n\t\n", "\u{FEFF}", "\u{200B}\n"] {
        let e = parse_page_text(text).unwrap_err();
        assert_eq!(e, IngestError::NoTitle, "{text:?}");
        assert_eq!(
            e.to_string(),
            "page text is empty: expected the article title on the first line"
        );
    }
}

#[test]
fn page_starting_with_its_date_is_an_error() {
    let e = parse_page_text("Thứ 6, 05.03.2021 | 00:00:00\n\nĐoạn một.").unwrap_err();
    assert_eq!(
        e.to_string(),
        "page text starts with the date line \"Thứ 6, 05.03.2021 | 00:00:00\": expected the article title first"
    );
}

#[test]
fn escape_sequences_and_controls_are_cleaned() {
    let text = "Tiêu \u{1B}[2Jđề\n05.03.2021\n\nĐoạn \u{1B}]0;x\u{7}một.\n\nCao\u{200B} Biền\n";
    let a = parse_page_text(text).unwrap();
    assert_eq!(a.title, "Tiêu đề");
    assert_eq!(a.paragraphs, vec![Paragraph::text("Đoạn một.")]);
    assert_eq!(a.author.as_deref(), Some("Cao Biền"));
}

/// Every real article the tests carry (Dân trí 2,653, DANeS, baomoi, Dân trí
/// 30), written out as page text (title, blank line, lead, paragraphs), still
/// imports with its title: the title and body rules refuse no real article.
#[test]
fn every_real_article_as_page_text_is_accepted() {
    use std::io::Read;
    let mut dantri = String::new();
    flate2::read::GzDecoder::new(&include_bytes!("fixtures/dantri-2653.jsonl.gz")[..])
        .read_to_string(&mut dantri)
        .unwrap();
    let sets = [
        ("dantri-2653", dantri.as_str()),
        ("danes-head3", include_str!("fixtures/danes-head3.jsonl")),
        (
            "dantri-30-head3",
            include_str!("fixtures/dantri-30-head3.jsonl"),
        ),
        (
            "baomoi-2lines",
            include_str!("fixtures/baomoi-2lines-TEST-ONLY.jsonl"),
        ),
    ];
    let mut checked = 0;
    for (set, jsonl) in sets {
        for (n, record) in docbao::ingest::parse_jsonl(jsonl).into_iter().enumerate() {
            let a = record.unwrap_or_else(|e| panic!("{set}:{}: {}", e.line, e.kind));
            if a.paragraphs.is_empty() && a.lead.is_none() {
                continue;
            }
            let body: Vec<&str> = a
                .lead
                .iter()
                .map(String::as_str)
                .chain(a.paragraphs.iter().map(|p| p.text.as_str()))
                .collect();
            let text = format!("{}\n\n{}\n", a.title, body.join("\n\n"));
            let got =
                parse_page_text(&text).unwrap_or_else(|e| panic!("{set} article {n} refused: {e}"));
            assert_eq!(got.title, a.title, "{set} article {n}");
            checked += 1;
        }
    }
    assert!(checked > 2_600, "{checked}");
}

#[test]
fn import_names_the_file_and_why_it_is_not_an_article() {
    let env = common::Env::new();
    let commit = env.write("COMMIT.txt", include_bytes!("fixtures/page-git-commit.txt"));
    let title_only = env.write("only-title.txt", "Chỉ có tiêu đề\n".as_bytes());
    let out = env.run(&[
        "import",
        commit.to_str().unwrap(),
        title_only.to_str().unwrap(),
    ]);
    let err = common::stderr(&out);
    assert!(
        err.contains("COMMIT.txt: page text's first line \"commit 3f2a9c1e4b7d08a6f5c2e9b1d3a7f4c8e6b2d0a9\" does not read as an article title"),
        "{err}"
    );
    assert!(
        err.contains("only-title.txt: page text has the title \"Chỉ có tiêu đề\" but no body"),
        "{err}"
    );
    assert!(
        err.contains("0 added, 0 updated, 0 skipped (unchanged), 2 failed"),
        "{err}"
    );
}

/// The sample page with its date line (line 3) replaced.
fn sample_dated(line: &str) -> String {
    let mut lines: Vec<&str> = SAMPLE.split('\n').collect();
    assert_eq!(lines[2], "Thứ 6, 05.03.2021 | 00:00:00");
    lines[2] = line;
    lines.join("\n")
}

/// Date lines of official and regional papers: "ngày dd/mm/yyyy", "dd
/// tháng mm năm yyyy", a "Cập nhật:" label before the date. Each is read
/// as the date, the views line under it as the views, and the body is the
/// sample's (the two lines used to become one caption at its top).
#[test]
fn common_vietnamese_date_lines_are_read() {
    let base = parse_page_text(SAMPLE).unwrap();
    let cases = [
        (
            "Thứ Sáu, ngày 05/03/2021 - 08:12",
            "2021-03-05T08:12:00+07:00",
        ),
        ("Ngày 05 tháng 03 năm 2021", "2021-03-05T00:00:00+07:00"),
        ("Cập nhật: 08:12 05/03/2021", "2021-03-05T08:12:00+07:00"),
        ("5 tháng 3, 2021", "2021-03-05T00:00:00+07:00"),
        (
            "Cập nhật lúc 08:12 ngày 05/03/2021",
            "2021-03-05T08:12:00+07:00",
        ),
        (
            "Thứ Sáu, ngày 5 tháng 3 năm 2021 | 08:12",
            "2021-03-05T08:12:00+07:00",
        ),
        ("Ngày đăng: 05/03/2021 08:12", "2021-03-05T08:12:00+07:00"),
    ];
    for (line, want) in cases {
        let text = sample_dated(line);
        let (a, notes) = read_page_text(&text).unwrap();
        assert_eq!(a.published, at(want), "{line}");
        assert_eq!(a.date_text.as_deref(), Some(line), "{line}");
        assert_eq!(a.views, Some(279), "{line}");
        assert_eq!(a.paragraphs, base.paragraphs, "{line}");
        assert_eq!(a.author, base.author, "{line}");
        assert!(notes.is_empty(), "{line}: {notes:?}");
        let nfd: String = text.nfd().collect();
        assert_eq!(parse_page_text(&nfd).unwrap(), a, "NFD {line}");
    }
}

/// An impossible date (31 February) is not stored as the article's date:
/// the line is kept as the page's date line, the article is undated, the
/// views line under it is still read, and a note names the line.
#[test]
fn an_impossible_date_is_said_and_not_stored_as_a_date() {
    let base = parse_page_text(SAMPLE).unwrap();
    for (line, why) in [
        (
            "Thứ 6, 31.02.2021 | 00:00:00",
            "month 2 of 2021 has no day 31",
        ),
        ("Ngày 05 tháng 13 năm 2021", "there is no month 13"),
        ("Thứ 6, 05.03.2021 | 25:00:00", "25:00 is no time of day"),
    ] {
        let (a, notes) = read_page_text(&sample_dated(line)).unwrap();
        assert_eq!(a.published, None, "{line}");
        assert_eq!(a.date_text.as_deref(), Some(line), "{line}");
        assert_eq!(a.views, Some(279), "{line}");
        assert_eq!(a.paragraphs, base.paragraphs, "{line}");
        assert_eq!(
            notes,
            vec![PageNote {
                line: 3,
                message: format!(
                    "\"{line}\" is not a real date ({why}): kept as the page's date line, \
                     the article left undated"
                ),
            }],
            "{line}"
        );
    }
}

/// A line docbao cannot read as a date, but which stands where the date
/// line does (the views line under it, or a date in it), is kept as the
/// date line, said, and the views are read; the body is the sample's.
#[test]
fn a_date_line_not_understood_is_said_and_kept_out_of_the_body() {
    let base = parse_page_text(SAMPLE).unwrap();
    for line in [
        "Thứ Sáu, 05/03/2021 - 08:12 - Theo TTXVN",
        "Hôm qua lúc 08:12",
    ] {
        let (a, notes) = read_page_text(&sample_dated(line)).unwrap();
        assert_eq!(a.published, None, "{line}");
        assert_eq!(a.date_text.as_deref(), Some(line), "{line}");
        assert_eq!(a.views, Some(279), "{line}");
        assert_eq!(a.paragraphs, base.paragraphs, "{line}");
        assert_eq!(notes.len(), 1, "{line}: {notes:?}");
        assert_eq!(notes[0].line, 3);
        assert!(
            notes[0].message.contains("not a date docbao reads"),
            "{:?}",
            notes[0]
        );
    }
    // A date in it and no views line: kept as the date line too.
    let text = "Tiêu đề\n\nThứ Sáu, 05/03/2021 - 08:12 - Theo TTXVN\n\nĐoạn một của bài.\n\nĐoạn hai của bài.\n";
    let (a, notes) = read_page_text(text).unwrap();
    assert_eq!(
        a.date_text.as_deref(),
        Some("Thứ Sáu, 05/03/2021 - 08:12 - Theo TTXVN")
    );
    assert_eq!(a.paragraphs.len(), 2);
    assert_eq!(notes.len(), 1);
    // A first paragraph that only mentions a date stays the body's.
    let text = "Tiêu đề\n\nChiều 5/3/2021, các đồng chí họp\n\nĐoạn hai của bài.\n";
    let (a, notes) = read_page_text(text).unwrap();
    assert_eq!(a.date_text, None);
    assert_eq!(a.paragraphs.len(), 2);
    assert!(notes.is_empty(), "{notes:?}");
}

#[test]
fn import_names_the_file_and_line_of_an_impossible_date() {
    let env = common::Env::new();
    let page = env.write(
        "t.txt",
        sample_dated("Thứ 6, 31.02.2021 | 00:00:00").as_bytes(),
    );
    let out = env.run(&["import", page.to_str().unwrap()]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    let err = common::stderr(&out);
    assert!(
        err.contains(&format!(
            "docbao: {}:3: \"Thứ 6, 31.02.2021 | 00:00:00\" is not a real date (month 2 of 2021 has no day 31)",
            page.display()
        )),
        "{err}"
    );
    assert!(
        err.contains("1 added, 0 updated, 0 skipped (unchanged), 0 failed"),
        "{err}"
    );
    let a = env.json(&["show", "1", "--json"]);
    assert_eq!(a["published"], serde_json::Value::Null);
    assert_eq!(a["views"], 279);
    assert_eq!(a["paragraphs"][0]["kind"], "text");
}

/// A page copied from the browser (tester D's `paste-small.txt`): the
/// author, then the page's furniture: "Tin liên quan" with related titles
/// written once, a comment count, a login line.
const PASTED: &str = "Nhận 41,9 tỷ USD, ĐH Harvard có mức tiền tài trợ cao nhất lịch sử trường

Thứ năm, 01/10/2020 - 16:35

Trường đại học giàu nhất thế giới đã trở nên giàu có hơn. Hôm thứ 3 vừa qua, Đại học Harvard cho biết giá trị tài sản của trường đã tăng thêm 1 tỷ USD.

Đại dịch Covid-19 càng khẳng định tầm quan trọng của nguồn tài trợ này đối với các trường đại học, khi nhiều trường phải cắt giảm chi tiêu.

Các trường đại học thường sử dụng nguồn tài trợ của họ để hỗ trợ tài chính cho sinh viên, trả lương giảng viên và duy trì cơ sở vật chất.

Nguyễn Minh

Tin liên quan

Lào Cai: Làm rõ vụ bé gái 2 tuổi bị bố của bạn hành hung

Sẽ có hướng dẫn sử dụng điện thoại trong lớp học, không phải thích thì dùng

Bình luận (2)

Đăng nhập để bình luận
";

/// The three paragraphs of [`PASTED`]'s body.
fn pasted_body() -> Vec<Paragraph> {
    PASTED
        .split("\n\n")
        .skip(2)
        .take(3)
        .map(Paragraph::text)
        .collect()
}

/// The body ends at the page's furniture: the author is the byline before
/// it, not the login line; the related titles written once (not in the
/// sample page's layout) are dropped, and so are the labels.
#[test]
fn a_pasted_pages_trailing_clutter_is_cut() {
    let a = parse_page_text(PASTED).unwrap();
    assert_eq!(a.author.as_deref(), Some("Nguyễn Minh"));
    assert_eq!(a.paragraphs, pasted_body());
    assert_eq!(a.related, vec![]);
    assert_eq!(a.published, at("2020-10-01T16:35:00+07:00"));
}

/// The related stories after "Tin liên quan" in the sample page's layout
/// (title written twice, excerpt) become related stories; the comments
/// after them, and a comment's text, are dropped.
#[test]
fn related_stories_in_the_samples_layout_after_the_heading_are_kept() {
    let text = PASTED.replace(
        "Lào Cai: Làm rõ vụ bé gái 2 tuổi bị bố của bạn hành hung\n\n\
         Sẽ có hướng dẫn sử dụng điện thoại trong lớp học, không phải thích thì dùng\n",
        "Lào Cai: Làm rõ vụ bé gái 2 tuổi bị bố của bạn hành hung\n\
         Lào Cai: Làm rõ vụ bé gái 2 tuổi bị bố của bạn hành hung\n\n\
         Công an đang làm rõ vụ việc...\n\n\
         Sẽ có hướng dẫn sử dụng điện thoại trong lớp học\n\
         Sẽ có hướng dẫn sử dụng điện thoại trong lớp học\n\n\
         Bộ sẽ ban hành hướng dẫn...\n",
    ) + "\nBài viết rất hay, cảm ơn tác giả đã chia sẻ thông tin hữu ích này.\n\nTrả lời\n";
    let a = parse_page_text(&text).unwrap();
    assert_eq!(a.author.as_deref(), Some("Nguyễn Minh"));
    assert_eq!(a.paragraphs, pasted_body());
    assert_eq!(
        a.related,
        vec![
            NewRelated {
                title: "Lào Cai: Làm rõ vụ bé gái 2 tuổi bị bố của bạn hành hung".into(),
                url: None,
                excerpt: Some("Công an đang làm rõ vụ việc...".into()),
            },
            NewRelated {
                title: "Sẽ có hướng dẫn sử dụng điện thoại trong lớp học".into(),
                url: None,
                excerpt: Some("Bộ sẽ ban hành hướng dẫn...".into()),
            },
        ]
    );
}

/// A line of the page's interface is never the author, and the last lines
/// of the body that are only that (sharing buttons, a login line) go.
#[test]
fn a_ui_string_is_never_the_author() {
    let body = pasted_body()
        .iter()
        .map(|p| p.text.as_str())
        .collect::<Vec<_>>()
        .join("\n\n");
    for tail in [
        "Đăng nhập để bình luận",
        "Bình luận (2)",
        "Chia sẻ\n\nFacebook\n\nZalo",
        "Ý kiến bạn đọc\n\nGửi bình luận",
        "0 bình luận",
    ] {
        let text = format!("Tiêu đề\n\n{body}\n\n{tail}\n");
        let a = parse_page_text(&text).unwrap();
        assert_eq!(a.author, None, "{tail}");
        assert_eq!(a.paragraphs, pasted_body(), "{tail}");
        // With a byline before it, the byline is the author.
        let text = format!("Tiêu đề\n\n{body}\n\nNguyễn Minh\n\n{tail}\n");
        let a = parse_page_text(&text).unwrap();
        assert_eq!(a.author.as_deref(), Some("Nguyễn Minh"), "{tail}");
        assert_eq!(a.paragraphs, pasted_body(), "{tail}");
    }
}

/// A "Tin liên quan" box inside the article, with prose after it, does not
/// cut the body: nothing of the article is lost.
#[test]
fn a_related_box_inside_the_article_does_not_cut_it() {
    let text = "Tiêu đề\n\nĐoạn một của bài viết, kết thúc bằng dấu chấm.\n\n\
                Tin liên quan\n\nMột tin khác cùng chủ đề\n\n\
                Đoạn hai của bài viết cũng kết thúc bằng dấu chấm.\n\n\
                Đoạn ba của bài viết, đoạn cuối cùng.\n\nMinh Anh\n";
    let a = parse_page_text(text).unwrap();
    assert_eq!(a.author.as_deref(), Some("Minh Anh"));
    let texts: Vec<&str> = a.paragraphs.iter().map(|p| p.text.as_str()).collect();
    assert!(
        texts.contains(&"Đoạn ba của bài viết, đoạn cuối cùng."),
        "{texts:?}"
    );
    assert_eq!(texts.len(), 5, "{texts:?}");
}

/// A Japanese or Chinese page: its sentences end in "。", so its first
/// paragraph is no caption and its last no byline (the last sentence was
/// the author, an independent review's find).
#[test]
fn chinese_and_japanese_sentences_are_body_text() {
    for text in [
        "東京で桜が満開に、観光客が殺到\n\n気象庁によると、東京都心の桜が満開になり、多くの花見客の姿が見られた。\n\n\
         花見客の一人は「とてもきれいで感動しました」と話した。\n\n\
         第三段落です。これも普通の本文の段落であり、キャプションではありません。\n",
        "中国多地出台新政\n\n国家统计局周一公布的数据显示，经济增长稳定。\n\n\
         多地政府表示将继续支持企业发展。\n\n上海、深圳、杭州等城市纷纷出台扶持政策。\n",
    ] {
        let a = parse_page_text(text).unwrap();
        assert_eq!(a.author, None, "{text}");
        assert_eq!(a.paragraphs.len(), 3, "{:?}", a.paragraphs);
        assert!(
            a.paragraphs.iter().all(|p| p.kind == ParagraphKind::Text),
            "{:?}",
            a.paragraphs
        );
    }
}
