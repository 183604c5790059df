//! The HTML page parser on saved Vietnamese news pages (2012), one of Mozilla
//! Readability's test cases, made-up pages for encodings, and the `import`
//! command end to end.

mod common;

use common::{Env, stderr};
use docbao::ingest::{IngestError, parse_html};
use docbao::model::{NewArticle, ParagraphKind};

fn page(name: &str) -> Vec<u8> {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/html")
        .join(name);
    std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn parse(name: &str, url: Option<&str>) -> NewArticle {
    parse_html(&page(name), None, url).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn captions(a: &NewArticle) -> Vec<&str> {
    a.paragraphs
        .iter()
        .filter(|p| p.kind == ParagraphKind::Caption)
        .map(|p| p.text.as_str())
        .collect()
}

fn keywords(a: &NewArticle) -> Vec<&str> {
    a.keywords.iter().map(|k| k.name.as_str()).collect()
}

fn body(a: &NewArticle) -> String {
    a.paragraphs
        .iter()
        .map(|p| p.text.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn nld_page_title_date_body_caption_tags_related() {
    let a = parse("nld1.html", None);
    assert_eq!(
        a.title,
        "Thiếu tiền hụi, xách dao đi “nói chuyện” với chủ nợ"
    );
    assert_eq!(
        a.published.unwrap().to_rfc3339(),
        "2012-12-26T17:14:00+07:00"
    );
    assert_eq!(a.date_text.as_deref(), Some("Thứ Tư, 26/12/2012 17:14"));
    // The URL comes from og:url when the caller gives none.
    assert_eq!(
        a.url.as_deref(),
        Some(
            "http://nld.com.vn/20121226051446379p0c1019/thieu-tien-hui-xach-dao-di-noi-chuyen-voi-chu-no.htm"
        )
    );
    assert_eq!(a.site.as_deref(), Some("nld.com.vn"));
    assert!(
        a.lead
            .as_deref()
            .unwrap()
            .starts_with("(NLĐO) - Cho rằng chủ hụi")
    );
    assert_eq!(a.paragraphs[0].kind, ParagraphKind::Text);
    assert!(a.paragraphs[0].text.starts_with(
        "Chiều ngày 26-12, Tòa Phúc thẩm TAND Tối cao tại TPHCM đã tuyên bác kháng cáo"
    ));
    assert!(body(&a).contains("Trung chạy đến đâm anh Việt một nhát khiến nạn nhân tử vong."));
    assert_eq!(captions(&a), ["Đặng Văn Trung trong phiên phúc thẩm"]);
    // "&#225;n mạng": the entity is decoded.
    assert_eq!(keywords(&a), ["án mạng", "chủ hụi"]);
    assert_eq!(a.author.as_deref(), Some("K. Miên"));
    assert!(a.related.len() >= 10);
    assert_eq!(
        a.related[0].title,
        "Vụ giết người, chặt xác ở Đồng Nai: Bàng hoàng xóm trọ"
    );
    assert_eq!(
        a.related[0].url.as_deref(),
        Some(
            "http://nld.com.vn/20121226111710223p0c1019/vu-giet-nguoi-chat-xac-o-dong-nai-bang-hoang-xom-tro.htm"
        )
    );
    let last = a.related.last().unwrap();
    assert_eq!(
        last.title, "Giả mua vàng rồi cướp",
        "the \"(25/12/2012)\" goes"
    );
}

#[test]
fn dantri_page_date_line_caption_and_signature() {
    let a = parse("dantri1.html", None);
    assert_eq!(
        a.title,
        "Chốt lịch nghỉ lễ Tết 2013 của công chức, viên chức"
    );
    // itemprop datePublished gives the day, the visible line the time.
    assert_eq!(
        a.published.unwrap().to_rfc3339(),
        "2012-12-25T10:03:00+07:00"
    );
    assert_eq!(a.date_text.as_deref(), Some("Thứ Ba, 25/12/2012 - 10:03"));
    let lead = a.lead.as_deref().unwrap();
    assert!(lead.starts_with("(Dân trí) - UBND Hà Nội vừa thông báo"));
    assert!(
        !lead.contains(">>"),
        "the >> link inside the sapo goes: {lead}"
    );
    assert!(
        a.paragraphs[0]
            .text
            .starts_with("Cụ thể, trong dịp nghỉ Tết Dương lịch cán bộ, công chức, viên chức")
    );
    assert_eq!(
        captions(&a),
        [
            "Hoa đào đem không khí Tết đến mọi nhà",
            "Tết Dương lịch năm nay, hầu hết cán bộ viên chức thành phố sẽ được nghỉ đến 4 ngày"
        ]
    );
    // The bold signature line is the author, not a heading of the body.
    assert_eq!(a.author.as_deref(), Some("Quang Phong - Tùng Nguyên"));
    assert!(!body(&a).contains("Quang Phong"));
    assert_eq!(
        keywords(&a),
        ["Tin tuc"],
        "from article:tag: the page has no tag block"
    );
}

#[test]
fn thanhnien_page_with_caption_table_tags_and_arrow_links() {
    let url = "http://www.thanhnien.com.vn/pages/20121219/5-bong-hong-buon-ma-tuy-lanh-an.aspx";
    let a = parse("thanhnien1.html", Some(url));
    assert_eq!(a.title, "5 \"bóng hồng\" buôn ma túy lãnh án");
    assert_eq!(a.url.as_deref(), Some(url));
    assert_eq!(a.site.as_deref(), Some("thanhnien.com.vn"));
    assert_eq!(
        a.published.unwrap().to_rfc3339(),
        "2012-12-19T17:41:00+07:00"
    );
    assert!(
        a.lead
            .as_deref()
            .unwrap()
            .starts_with("(TNO) TAND TP.Đà Nẵng ngày 19.12")
    );
    assert!(
        a.paragraphs[0]
            .text
            .starts_with("Theo cáo trạng, khoảng 16 giờ ngày 8.6.2012")
    );
    assert_eq!(captions(&a), ["Các bị cáo tại tòa"]);
    assert_eq!(
        keywords(&a),
        ["buôn ma túy", "bán ma túy", "chất cấm", "ma túy tổng hợp"]
    );
    assert_eq!(a.author.as_deref(), Some("Vũ Phương Thảo"));
    // ">> Title" links under the body are related stories, resolved against the URL.
    assert_eq!(
        a.related[0].title,
        "Doanh nhân buôn ma túy xuyên quốc gia lãnh án chung thân"
    );
    assert_eq!(
        a.related[0].url.as_deref(),
        Some(
            "http://www.thanhnien.com.vn/pages/20121219/doanh-nhan-buon-ma-tuy-xuyen-quoc-gia-lanh-an-chung-than.aspx"
        )
    );
    assert!(!body(&a).contains(">>"));
    for r in &a.related {
        let u = r.url.as_deref().unwrap();
        assert!(u.starts_with("http://www.thanhnien.com.vn/"), "{u}");
    }
    // Each related story once.
    let mut urls: Vec<_> = a.related.iter().map(|r| r.url.clone()).collect();
    urls.sort();
    urls.dedup();
    assert_eq!(urls.len(), a.related.len());
    // Imported as a file, with no address to resolve the ">>" links
    // against: a story its related block also lists, with its absolute
    // address, is listed once, with it (it was listed twice, once a dead
    // end); a title no copy of which has an address is still listed.
    let file = parse("thanhnien1.html", None);
    let key = |r: &docbao::model::NewRelated| docbao::text::fold::title_key(&r.title);
    let mut titles: Vec<_> = file.related.iter().map(key).collect();
    titles.sort();
    titles.dedup();
    assert_eq!(titles.len(), file.related.len(), "{:#?}", file.related);
    let doanh_nhan = file
        .related
        .iter()
        .find(|r| r.title == "Doanh nhân buôn ma túy xuyên quốc gia lãnh án chung thân")
        .expect("listed");
    assert!(
        doanh_nhan
            .url
            .as_deref()
            .is_some_and(|u| u.starts_with("http://www.thanhnien.com.vn/pages/20121219/")),
        "{doanh_nhan:?}"
    );
    assert!(
        file.related.iter().any(|r| r.url.is_none()),
        "{:#?}",
        file.related
    );
}

#[test]
fn genk_page_headings_tags_and_related_block() {
    let a = parse("genk1.html", None);
    assert_eq!(
        a.title,
        "Amazon: Kẻ lão luyện đầy chiến lược trong cuộc chiến công nghệ"
    );
    assert_eq!(
        a.published.unwrap().to_rfc3339(),
        "2012-12-21T08:04:00+07:00"
    );
    assert!(body(&a).contains("Đây là quan điểm của tác giả Venkatesh Rao trên Forbes."));
    let headings: Vec<&str> = a
        .paragraphs
        .iter()
        .filter(|p| p.kind == ParagraphKind::Heading)
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(
        headings,
        [
            "Con đường của Amazon",
            "Hơn cả sự xáo trộn",
            "Bơi cùng cá mập",
            "Tư duy cuộc chơi",
            "Gót chân Achilles"
        ]
    );
    assert_eq!(keywords(&a), ["Amazon", "chiến lược"]);
    let titles: Vec<&str> = a.related.iter().map(|r| r.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Google không muốn đấu với Amazon",
            "Tìm kiếm Việt với Wada, rinh quà “quá đã”!",
            "4 sự kiện đáng chú ý năm 2012 của thị trường ICT"
        ]
    );
    assert_eq!(
        a.related[0].url.as_deref(),
        Some("http://genk.vn/internet/google-khong-muon-dau-voi-amazon-20121223061644247.chn")
    );
    assert!(!body(&a).contains("Tin liên quan"));
}

#[test]
fn soha_page_related_box_with_excerpts() {
    let a = parse("soha1.html", None);
    assert_eq!(a.title, "Can Lộ Lộ lả lơi với khăn tắm");
    assert_eq!(
        a.published.unwrap().to_rfc3339(),
        "2012-12-25T10:25:00+07:00"
    );
    assert!(
        a.paragraphs[0]
            .text
            .starts_with("Can Lộ Lộ đang khiến cư dân mạng phát sốt")
    );
    assert!(!body(&a).contains("Xem theo ngày tháng"));
    assert_eq!(a.related.len(), 4);
    assert_eq!(
        a.related[0].url.as_deref(),
        Some(
            "http://soha.vn/giai-tri/em-gai-can-lo-lo-tu-suong-voi-mat-mot-mat-mot-con-20121223080050904.htm"
        )
    );
    assert!(
        a.related[0]
            .excerpt
            .as_deref()
            .unwrap()
            .starts_with("Cô em gái Can Mao Mao bất ngờ khoe")
    );
}

#[test]
fn readability_peer_bbc_case() {
    let a = parse("readability-peer/bbc-1/source.html", None);
    assert_eq!(
        a.title,
        "Obama admits US gun laws are his 'biggest frustration'"
    );
    assert_eq!(a.site.as_deref(), Some("bbc.com"));
    assert!(a.paragraphs[0].text.starts_with(
        "President Barack Obama has admitted that his failure to pass \"common sense gun safety laws\""
    ));
}

#[test]
fn home_page_is_not_an_article() {
    let e = parse_html(&page("vnexpress.hompage.html"), None, None).unwrap_err();
    assert!(matches!(e, IngestError::NoArticle { .. }), "{e}");
    assert!(e.to_string().contains("no article found in the page"));
}

#[test]
fn pdf_images_and_binary_are_refused() {
    let e = parse_html(b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj", None, None).unwrap_err();
    assert_eq!(
        e.to_string(),
        "HTML page: is a PDF document, not an HTML page"
    );
    let e = parse_html(
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
        None,
        Some("https://x.vn/a.png"),
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "https://x.vn/a.png: is a PNG image, not an HTML page"
    );
    let e = parse_html(b"<html>\0\0\0", None, None).unwrap_err();
    assert!(matches!(e, IngestError::Binary { .. }), "{e}");
    let e = parse_html(b"  \n", None, None).unwrap_err();
    assert!(matches!(e, IngestError::Empty { .. }), "{e}");
}

/// A small article page around `body`, with `head` added to `<head>`.
fn article_page(head: &str, title: &str, body: &str) -> String {
    let para = "Đây là một đoạn văn đủ dài để trình đọc coi trang này là một bài báo thật sự, \
                với nhiều câu và nhiều chữ như một bài báo bình thường trên mạng.";
    format!(
        "<!DOCTYPE html><html><head>{head}<title>{title} - Báo</title></head><body>\
         <div class=\"menu\"><a href=\"/\">Trang chủ</a></div>\
         <div class=\"article\"><h1>{title}</h1><p>{body}</p>\
         <p>{para}</p><p>{para}</p><p>{para}</p><p>{para}</p></div></body></html>"
    )
}

#[test]
fn entity_then_combining_mark_composes() {
    // &#234; is "ê"; the dot below follows it as a bare combining mark.
    let html = article_page(
        "<meta charset=\"utf-8\">",
        "Vi&#234;\u{323}t Nam",
        "Ng\u{01B0}\u{1EDD}i Vi&#234;\u{323}t n\u{00F3}i ti\u{1EBF}ng Vi&#234;\u{323}t.",
    );
    let a = parse_html(html.as_bytes(), None, None).unwrap();
    assert_eq!(a.title, "Việt Nam");
    assert_eq!(a.paragraphs[0].text, "Người Việt nói tiếng Việt.");
    assert!(!a.paragraphs[0].text.contains('\u{323}'));
}

/// Windows-1258 has the vowels with circumflex, breve and horn but writes the
/// five tone marks as combining characters after them: split each letter that
/// way, then encode.
fn to_windows_1258(s: &str) -> Vec<u8> {
    use unicode_normalization::UnicodeNormalization;
    const TONES: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];
    let mut split = String::new();
    for c in s.chars() {
        let nfd: String = c.nfd().collect();
        let base: String = nfd
            .chars()
            .filter(|m| !TONES.contains(m))
            .collect::<String>()
            .nfc()
            .collect();
        split.push_str(&base);
        split.extend(nfd.chars().filter(|m| TONES.contains(m)));
    }
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1258.encode(&split);
    assert!(!unmappable, "{split}");
    bytes.into_owned()
}

#[test]
fn windows_1258_page_with_meta_charset() {
    let html = article_page(
        "<meta charset=\"windows-1258\">",
        "Hà Nội mùa thu",
        "Tiếng Việt được mã hoá bằng Windows-1258: dấu thanh là ký tự tổ hợp.",
    );
    let bytes = to_windows_1258(&html);
    assert!(std::str::from_utf8(&bytes).is_err(), "really not UTF-8");
    let a = parse_html(&bytes, None, None).unwrap();
    assert_eq!(a.title, "Hà Nội mùa thu");
    assert_eq!(
        a.paragraphs[0].text,
        "Tiếng Việt được mã hoá bằng Windows-1258: dấu thanh là ký tự tổ hợp."
    );
    // No declaration at all: the bytes are not UTF-8, so Windows-1258.
    let undeclared = article_page("", "Hà Nội mùa thu", "Chữ Việt.");
    let bytes = to_windows_1258(&undeclared);
    assert_eq!(
        parse_html(&bytes, None, None).unwrap().title,
        "Hà Nội mùa thu"
    );
}

#[test]
fn http_charset_overrides_meta() {
    // The page claims UTF-8 but the server says (rightly) windows-1258.
    let html = article_page(
        "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">",
        "Đà Nẵng đón khách",
        "Thành phố biển miền Trung.",
    );
    let bytes = to_windows_1258(&html);
    let a = parse_html(&bytes, Some("windows-1258"), None).unwrap();
    assert_eq!(a.title, "Đà Nẵng đón khách");
    // And the other way: a UTF-8 page declaring a legacy charset, served as UTF-8.
    let html = article_page(
        "<meta charset=\"windows-1258\">",
        "Huế mộng mơ",
        "Sông Hương.",
    );
    let a = parse_html(html.as_bytes(), Some("UTF-8"), None).unwrap();
    assert_eq!(a.title, "Huế mộng mơ");
    // Given Latin-1 for UTF-8 bytes (a server's default): the bytes are
    // the UTF-8 they are, as for feeds (it saved "Huáº¿ má»™ng mÆ¡").
    let a = parse_html(html.as_bytes(), Some("iso-8859-1"), None).unwrap();
    assert_eq!(a.title, "Huế mộng mơ");
}

#[test]
fn url_argument_gives_url_and_site() {
    let html = article_page(
        "<meta charset=\"utf-8\"><link rel=\"canonical\" href=\"https://www.baomoi.vn/x.html\">",
        "Tin mới trong ngày",
        "Nội dung.",
    );
    let a = parse_html(html.as_bytes(), None, None).unwrap();
    assert_eq!(a.url.as_deref(), Some("https://www.baomoi.vn/x.html"));
    assert_eq!(a.site.as_deref(), Some("baomoi.vn"));
    let a = parse_html(
        html.as_bytes(),
        None,
        Some("https://www.vnexpress.net/tin.html"),
    )
    .unwrap();
    assert_eq!(a.url.as_deref(), Some("https://www.vnexpress.net/tin.html"));
    assert_eq!(a.site.as_deref(), Some("vnexpress.net"));
}

#[test]
fn import_html_page_end_to_end() {
    let env = Env::new();
    let fixture =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/html/nld1.html");
    let out = env.run(&["import", fixture.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("1 added, 0 updated, 0 skipped (unchanged), 0 failed"),
        "{}",
        stderr(&out)
    );
    let list = env.json(&["list", "--json"]);
    let id = list[0]["id"].as_i64().unwrap();
    let a = env.json(&["show", &id.to_string(), "--json"]);
    assert_eq!(
        a["title"],
        "Thiếu tiền hụi, xách dao đi “nói chuyện” với chủ nợ"
    );
    assert_eq!(a["published"], "2012-12-26T17:14:00+07:00");
    assert_eq!(a["site"], "nld.com.vn");
    assert_eq!(a["author"], "K. Miên");
    let paras = a["paragraphs"].as_array().unwrap();
    assert!(
        paras[0]["text"]
            .as_str()
            .unwrap()
            .starts_with("Chiều ngày 26-12")
    );
    assert!(
        paras
            .iter()
            .any(|p| p["kind"] == "caption" && p["text"] == "Đặng Văn Trung trong phiên phúc thẩm")
    );
    let kw: Vec<&str> = a["keywords"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|k| k["source"] == "page")
        .map(|k| k["name"].as_str().unwrap())
        .collect();
    assert_eq!(kw, ["án mạng", "chủ hụi"]);
    let rel = a["related"].as_array().unwrap();
    assert!(
        rel[0]["url"]
            .as_str()
            .unwrap()
            .starts_with("http://nld.com.vn/")
    );

    // A directory import picks up .html files; the home page fails with a reason.
    let dir = env.path("pages");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(
        fixture.with_file_name("vnexpress.hompage.html"),
        dir.join("home.html"),
    )
    .unwrap();
    std::fs::write(dir.join("doc.htm"), b"%PDF-1.4\n").unwrap();
    let out = env.run(&["import", dir.to_str().unwrap()]);
    let err = stderr(&out);
    assert!(
        err.contains("0 added, 0 updated, 0 skipped (unchanged), 2 failed"),
        "{err}"
    );
    assert!(
        err.contains("home.html: no article found in the page"),
        "{err}"
    );
    assert!(
        err.contains("doc.htm: is a PDF document, not an HTML page"),
        "{err}"
    );
}

// Failure classes found on Mozilla Readability's test suite (issue 15), each
// reproduced by a small page written for these tests (`made/`).

#[test]
fn a_single_long_paragraph_is_an_article_not_an_index() {
    let a = parse("made/single-paragraph.html", None);
    assert_eq!(a.title, "Chợ hoa Tết mở cửa sớm bên bờ kênh");
    assert!(
        a.paragraphs[0]
            .text
            .starts_with("Từ sáng sớm, hàng trăm ghe chở cúc"),
        "{:?}",
        a.paragraphs
    );
}

#[test]
fn a_page_without_any_title_takes_its_first_sentence() {
    let a = parse("made/no-title.html", None);
    assert_eq!(
        a.title,
        "The ferry between the two islands resumed its winter timetable on Monday, after a month of repairs…"
    );
    assert_eq!(a.paragraphs.len(), 3);
    assert!(a.paragraphs[0].text.starts_with("The ferry between"));
}

#[test]
fn wordpress_tag_classes_on_the_post_do_not_make_it_a_tag_block() {
    let a = parse("made/wordpress-post-tags.html", None);
    let text = body(&a);
    assert!(text.starts_with("Behind a green gate"), "{text}");
    assert!(text.contains("Visitors can watch a pour"), "{text}");
    assert!(!text.contains("Lovely piece"), "{text}");
    assert!(keywords(&a).is_empty(), "{:?}", keywords(&a));
    assert_eq!(
        a.title,
        "Quiet streets, busy workshops: the last bell foundry in town"
    );
}

#[test]
fn a_related_label_inside_the_article_keeps_the_article() {
    // The "Tin liên quan" line climbs to the article's element, which was
    // taken out as a related block (and the page refused).
    let a = parse("made/related-label-in-article.html", None);
    let text = body(&a);
    assert!(text.starts_with("Từ tuần này, thư viện phường"), "{text}");
    assert!(
        text.contains("Phòng đọc mới có bốn mươi chỗ ngồi"),
        "{text}"
    );
    // Known limit: the body still ends at a furniture heading (comment
    // threads follow "Bình luận" and the like), so the paragraph after the
    // label is not kept.
    assert!(
        !text.contains("Thư viện cũng nhận đăng ký thẻ đọc"),
        "{text}"
    );
}

#[test]
fn a_short_news_brief_is_an_article_and_a_line_is_not() {
    let a = parse("made/short-article.html", None);
    assert_eq!(a.title, "Đường ven sông tạm cấm xe tải từ thứ Hai");
    assert_eq!(a.paragraphs.len(), 2);

    let one_line = "<html><head><title>Không tìm thấy trang</title></head><body>\
        <div><p>Trang bạn tìm không tồn tại hoặc đã bị xóa khỏi hệ thống.</p></div></body></html>";
    let e = parse_html(one_line.as_bytes(), None, None).unwrap_err();
    assert!(matches!(e, IngestError::NoArticle { .. }), "{e}");
}

#[test]
fn site_and_section_names_in_headings_are_not_the_title() {
    let a = parse("made/site-name-headings.html", None);
    assert_eq!(
        a.title,
        "Night trains return to the coast line after twelve years"
    );
    assert!(body(&a).starts_with("Night trains will run again"));
}

#[test]
fn json_ld_keywords_in_one_string_of_an_array_are_split() {
    // The VnExpress 2023 page's JSON-LD (issue 15): an array of one string.
    let html = r#"<html><head><title>Thuế thu nhập cá nhân sẽ được sửa</title>
<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Thuế thu nhập cá nhân sẽ được sửa",
"keywords": ["Kỳ họp thứ 6 Quốc hội khóa 15,Thuế thu nhập cá nhân,Tin nóng"]}</script></head>
<body><article><h1>Thuế thu nhập cá nhân sẽ được sửa</h1>
<p>Quốc hội thảo luận về thuế thu nhập cá nhân tại kỳ họp thứ 6, nhiều đại biểu đề nghị nâng mức giảm trừ gia cảnh cho người nộp thuế.</p>
<p>Bộ Tài chính cho biết sẽ trình dự án luật sửa đổi trong năm tới, sau khi tổng kết việc thi hành luật hiện hành và lấy ý kiến rộng rãi.</p>
<p>Mức giảm trừ gia cảnh hiện nay được nhiều chuyên gia đánh giá là thấp so với chi phí sinh hoạt thực tế ở các thành phố lớn.</p>
<p>Theo các đại biểu, biểu thuế lũy tiến từng phần cũng cần được xem lại, vì khoảng cách giữa các bậc thuế hiện quá hẹp và bậc cao nhất chạm tới quá sớm.</p>
<p>Cơ quan soạn thảo cho biết sẽ tiếp thu các ý kiến, đánh giá tác động kỹ lưỡng và công bố dự thảo để người dân, doanh nghiệp góp ý trước khi trình Quốc hội.</p>
</article></body></html>"#;
    let a = parse_html(html.as_bytes(), None, None).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        keywords(&a),
        [
            "Kỳ họp thứ 6 Quốc hội khóa 15",
            "Thuế thu nhập cá nhân",
            "Tin nóng"
        ]
    );
}

/// A page in a charset docbao has no decoder for (VISCII, TCVN3), said by
/// the page or the server: refused, the charset and who said it named.
/// Read as Windows-1258 its letters were stored wrong or dropped ("Nguyễn"
/// as "Nguyn": an independent review's find). The same declaration on a
/// page that is UTF-8, or plain ASCII, reads as before.
#[test]
fn a_charset_docbao_cannot_read_is_refused_named() {
    // VISCII (RFC 1456): "Nguyễn Trãi" is N g u y 0xAD n, T r 0xE3 i.
    let page = |meta: &str| -> Vec<u8> {
        article_page(meta, "Nguyen Trai", "Duong Nguyen Trai o Ha Noi.")
            .into_bytes()
            .into_iter()
            .flat_map(|b| if b == b'O' { vec![0xAD, 0xE3] } else { vec![b] })
            .collect()
    };
    let declared = page("<meta charset=\"VISCII\">");
    assert!(std::str::from_utf8(&declared).is_err(), "not UTF-8");
    let e =
        docbao::ingest::html::parse_html_named("viscii.html", &declared, None, None).unwrap_err();
    assert_eq!(
        e.to_string(),
        "viscii.html: written in the charset \"VISCII\" (as the page says), which docbao cannot \
         read (a page saved as UTF-8 can be imported)"
    );
    let served = page("");
    let e = docbao::ingest::html::parse_html_named("http://x.vn/a", &served, Some("viscii"), None)
        .unwrap_err();
    assert!(
        e.to_string().contains("\"viscii\" (as the server says)"),
        "{e}"
    );
    // The server's charset is in force, whatever the page's <meta> says...
    let lying = page("<meta charset=\"utf-8\">");
    let e = docbao::ingest::html::parse_html_named("http://x.vn/b", &lying, Some("VISCII"), None)
        .unwrap_err();
    assert!(
        e.to_string().contains("\"VISCII\" (as the server says)"),
        "{e}"
    );
    // ...unless it is the Latin-1 servers send by default and the page
    // names its own: VISCII refused, Windows-1258 read.
    let e = docbao::ingest::html::parse_html_named(
        "http://x.vn/c",
        &declared,
        Some("ISO-8859-1"),
        None,
    )
    .unwrap_err();
    assert!(
        e.to_string().contains("\"VISCII\" (as the page says)"),
        "{e}"
    );
    let cp1258 = to_windows_1258(&article_page(
        "<meta charset=\"windows-1258\">",
        "Nguyễn Trãi",
        "Đường Nguyễn Trãi ở Hà Nội.",
    ));
    let a = parse_html(&cp1258, Some("iso-8859-1"), None).unwrap();
    assert_eq!(a.title, "Nguyễn Trãi");
    // A server's label docbao does not know and that names no Vietnamese
    // legacy charset (a typo, a database's name) gives way to the page's.
    for typo in ["window-1258", "utf8mb4", "none"] {
        let a = parse_html(&cp1258, Some(typo), None).unwrap_or_else(|e| panic!("{typo}: {e}"));
        assert_eq!(a.title, "Nguyễn Trãi", "{typo}");
    }
    // A known charset declared after an unknown one is read.
    let both = page(
        "<meta charset=\"tcvn3\"><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1258\">",
    );
    assert!(parse_html(&both, None, None).is_ok());
    // UTF-8 or ASCII bytes whatever the page says.
    let utf8 = article_page(
        "<meta charset=\"VISCII\">",
        "Nguyễn Trãi",
        "Đường Nguyễn Trãi ở Hà Nội.",
    );
    assert_eq!(
        parse_html(utf8.as_bytes(), None, None).unwrap().title,
        "Nguyễn Trãi"
    );
    let ascii = article_page(
        "<meta charset=\"VISCII\">",
        "Nguyen Trai",
        "Duong Nguyen Trai o Ha Noi.",
    );
    assert_eq!(
        parse_html(ascii.as_bytes(), None, None).unwrap().title,
        "Nguyen Trai"
    );
}

/// A paragraph with an image inside its sentence is a paragraph, not a
/// caption, and an emoji drawn as an image (WordPress's `class="emoji"`,
/// or an alt that is an emoji) reads as its letter; a real photo's line
/// beside it stays a caption (an independent review's find: the paragraph
/// became a caption and the 😀 was lost).
#[test]
fn an_image_inside_a_sentence_makes_no_caption() {
    let html = r#"<html><head><title>Emoji bài</title></head><body><article><h1>Emoji bài</h1>
<p>Đoạn văn mở đầu bài viết về du lịch Đà Nẵng, dài đủ để thành một đoạn văn thật sự trong bài.</p>
<p>Chúng tôi rất vui <img class="emoji" role="img" draggable="false" alt="😀" src="https://s.w.org/images/core/emoji/14.0.0/svg/1f600.svg"> khi được đón tiếp nồng hậu ở Đà Nẵng, thành phố đáng sống nhất Việt Nam.</p>
<p>Đoạn văn thứ ba nói về ẩm thực địa phương với mì Quảng <img src="/mi.png" alt="mì"> và bánh xèo, hải sản tươi ngon.</p>
<p><img src="/cau-rong.jpg" alt=""><br>Cầu Rồng phun lửa vào tối thứ bảy</p>
<p>Đoạn văn thứ tư kết thúc bài viết với lời khuyên cho du khách khi đến thăm thành phố.</p>
</article></body></html>"#;
    let a = parse_html(
        html.as_bytes(),
        None,
        Some("https://dulich.example.vn/bai.html"),
    )
    .unwrap();
    let texts: Vec<(&str, ParagraphKind)> = a
        .paragraphs
        .iter()
        .map(|p| (p.text.as_str(), p.kind))
        .collect();
    assert!(
        texts.contains(&(
            "Chúng tôi rất vui 😀 khi được đón tiếp nồng hậu ở Đà Nẵng, thành phố đáng sống nhất Việt Nam.",
            ParagraphKind::Text
        )),
        "{texts:?}"
    );
    assert!(
        texts
            .iter()
            .any(|(t, k)| t.starts_with("Đoạn văn thứ ba") && *k == ParagraphKind::Text),
        "{texts:?}"
    );
    assert_eq!(
        captions(&a),
        ["Cầu Rồng phun lửa vào tối thứ bảy"],
        "{texts:?}"
    );
}
