//! Saving news pages as a tester found them (session 16): today's layouts
//! of VnExpress, Tuổi Trẻ, Kenh14 and Znews (AMP), a page rendered by
//! script with its article only in JSON-LD, a paywalled page, and the AMP or
//! mobile copy of a story stored already. The pages are the tester's own
//! (`tests/fixtures/html/made/`); `add` runs against a server the test starts
//! on 127.0.0.1.

mod common;

use common::server::{Reply, Server};
use common::{Env, fixture, stderr};
use docbao::ingest::html::parse_html_page;
use docbao::ingest::{IngestError, parse_html};
use docbao::model::{NewArticle, ParagraphKind};

fn page(name: &str) -> Vec<u8> {
    std::fs::read(fixture(&format!("html/{name}"))).unwrap()
}

fn parse(name: &str, url: Option<&str>) -> NewArticle {
    parse_html(&page(name), None, url).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn texts(a: &NewArticle) -> Vec<&str> {
    a.paragraphs.iter().map(|p| p.text.as_str()).collect()
}

const VNE_LEAD: &str =
    "Giá xăng RON 95 giảm 320 đồng mỗi lít từ 15h chiều nay, lần giảm thứ ba liên tiếp.";

#[test]
fn a_vnexpress_body_starts_at_its_first_paragraph_not_the_breadcrumb_date_and_lead() {
    let a = parse(
        "made/vne.html",
        Some("https://vnexpress.net/x-4745123.html"),
    );
    assert_eq!(a.title, "Giá xăng giảm lần thứ ba liên tiếp");
    assert_eq!(a.lead.as_deref(), Some(VNE_LEAD));
    assert_eq!(
        a.date_text.as_deref(),
        Some("Thứ hai, 6/5/2024, 15:10 (GMT+7)")
    );
    let body = texts(&a);
    assert!(
        body[0].starts_with("Theo thông báo của liên Bộ Công Thương"),
        "{body:#?}"
    );
    for furniture in [
        "Kinh doanh",
        "Vĩ mô",
        "Thứ hai, 6/5/2024, 15:10 (GMT+7)",
        VNE_LEAD,
    ] {
        assert!(!body.contains(&furniture), "{furniture:?} in {body:#?}");
    }
    // What follows is all there: the list, the quote, the last paragraph.
    assert!(body.contains(&"• Dầu hỏa giảm 220 đồng, còn 20.420 đồng một lít."));
    assert!(
        a.paragraphs
            .iter()
            .any(|p| p.kind == ParagraphKind::Quote && p.text.contains("Giá thế giới"))
    );
    assert!(body.contains(
        &"Lần điều hành này, liên Bộ không trích lập và không chi sử dụng Quỹ bình ổn giá xăng dầu."
    ));
    assert_eq!(a.author.as_deref(), Some("Phương Dung"));
}

#[test]
fn a_lead_repeated_under_a_date_line_is_not_body_whatever_their_markup() {
    // No class names them: a schema.org BreadcrumbList, the date line
    // written otherwise than the one shown under the headline, the lead
    // known from the description, all inside the article's element.
    let para = "Sáng nay, hàng nghìn người dân đã đổ về quảng trường để xem lễ thượng cờ, \
                nhiều gia đình đi từ nửa đêm để có chỗ đứng gần lễ đài.";
    let lead = "Hàng nghìn người dự lễ thượng cờ đầu năm mới tại quảng trường Ba Đình.";
    let html = format!(
        "<html><head><meta charset=utf-8><title>Lễ thượng cờ đầu năm</title>\
         <meta name=description content=\"{lead}\"></head><body><div class=main>\
         <h1>Lễ thượng cờ đầu năm</h1><div class=time>01/01/2024 06:00</div><div class=content>\
         <ol itemscope itemtype=\"https://schema.org/BreadcrumbList\"><li><a href=/thoi-su>Thời sự</a></li>\
         <li><a href=/thoi-su/dan-sinh>Dân sinh</a></li></ol>\
         <p>Thứ hai, 1/1/2024, 06:00 (GMT+7)</p><p>{lead}</p>\
         <p>{para}</p><p>{para}</p><p>{para}</p></div></div></body></html>"
    );
    let a = parse_html(html.as_bytes(), None, None).unwrap();
    assert_eq!(a.date_text.as_deref(), Some("01/01/2024 06:00"));
    assert_eq!(a.lead.as_deref(), Some(lead));
    assert_eq!(texts(&a), [para, para, para]);
}

#[test]
fn an_article_only_in_json_ld_is_saved_from_its_article_body() {
    let a = parse(
        "made/jsonld.html",
        Some("https://kenh14.vn/sao-viet-2024.chn"),
    );
    assert_eq!(
        a.title,
        "Sơn Tùng M-TP tung MV mới, lập kỷ lục 10 triệu view sau 24 giờ"
    );
    assert_eq!(
        a.published.unwrap().to_rfc3339(),
        "2024-03-08T20:00:00+07:00"
    );
    assert_eq!(a.author.as_deref(), Some("Mai Anh"));
    assert_eq!(
        a.lead.as_deref(),
        Some("MV mới của Sơn Tùng M-TP đạt 10 triệu lượt xem chỉ sau một ngày ra mắt.")
    );
    let body = texts(&a);
    assert_eq!(body.len(), 3, "{body:#?}");
    assert!(body[0].starts_with("Tối 8/3, Sơn Tùng M-TP bất ngờ ra mắt MV mới"));
    assert_eq!(
        body[2],
        "Theo giới chuyên môn, MV được đầu tư kỹ lưỡng về hình ảnh lẫn âm nhạc."
    );
    let kw: Vec<&str> = a.keywords.iter().map(|k| k.name.as_str()).collect();
    assert_eq!(kw[..3], ["Sơn Tùng M-TP", "MV", "kỷ lục"]);
}

#[test]
fn a_news_article_without_its_text_is_refused_saying_so_and_an_index_stays_an_index() {
    let no_body = r#"<html><head><title>Kenh14</title><script type="application/ld+json">
        {"@type":"NewsArticle","headline":"Tin nóng trong ngày","datePublished":"2024-03-08T20:00:00+07:00"}
        </script></head><body><div id="app"></div></body></html>"#;
    let e = parse_html(no_body.as_bytes(), None, Some("https://kenh14.vn/a.chn")).unwrap_err();
    assert!(matches!(e, IngestError::NoArticleText { .. }), "{e}");
    assert_eq!(
        e.to_string(),
        "https://kenh14.vn/a.chn: the page declares a NewsArticle but holds none of its text \
         (written by JavaScript?)"
    );
    // A home page listing stories in JSON-LD is still a home page.
    let index = r#"<html><head><title>Báo Mới</title><script type="application/ld+json">
        {"@type":"ItemList","itemListElement":[
        {"@type":"NewsArticle","headline":"Tin một","url":"https://x.vn/1","articleBody":"Một câu."},
        {"@type":"NewsArticle","headline":"Tin hai","url":"https://x.vn/2","articleBody":"Hai câu."}]}
        </script></head><body><ul><li><a href="/1">Tin một</a></li><li><a href="/2">Tin hai</a></li></ul>
        </body></html>"#;
    let e = parse_html(index.as_bytes(), None, None).unwrap_err();
    assert!(matches!(e, IngestError::NoArticle { .. }), "{e}");
    let e = parse_html(&page("vnexpress.hompage.html"), None, None).unwrap_err();
    assert!(matches!(e, IngestError::NoArticle { .. }), "{e}");
}

#[test]
fn the_canonical_address_on_the_same_site_is_the_article_s_another_site_s_is_not() {
    let canonical = "https://znews.vn/bao-so-2-do-bo-quang-ninh-post1500000.html";
    // The AMP copy on a subdomain, the mobile copy, the same host.
    for from in [
        "https://amp.znews.vn/bao-so-2-do-bo-quang-ninh-post1500000.amp",
        "https://m.znews.vn/bao-so-2-post1500000.html?utm_source=zalo",
        "https://znews.vn/bao-so-2-do-bo-quang-ninh-post1500000.html?amp",
    ] {
        let a = parse("made/amp.html", Some(from));
        assert_eq!(a.url.as_deref(), Some(canonical), "from {from}");
        assert_eq!(a.site.as_deref(), Some("znews.vn"));
    }
    // Another domain's page cannot claim a story of znews.vn.
    for from in [
        "http://127.0.0.1:8733/my/amp.html",
        "https://znews.vn.example.com/amp.html",
        "https://notznews.vn/amp.html",
    ] {
        let a = parse("made/amp.html", Some(from));
        assert_eq!(a.url.as_deref(), Some(from));
    }
    // og:url and JSON-LD mainEntityOfPage give it too.
    let a = parse("made/jsonld.html", Some("https://m.kenh14.vn/sao.chn"));
    assert_eq!(
        a.url.as_deref(),
        Some("https://kenh14.vn/sao-viet-2024.chn")
    );
}

#[test]
fn a_paywall_prompt_is_not_body_and_a_teaser_is_said_to_be_one() {
    let p = parse_html_page(
        &page("made/paywall.html"),
        None,
        Some("https://tuoitre.vn/a.htm"),
    )
    .unwrap();
    let body = texts(&p.article);
    assert_eq!(body.len(), 2, "{body:#?}");
    assert!(body[1].starts_with("Một lãnh đạo quỹ đầu tư"));
    for prompt in ["Tuổi Trẻ Sao", "Đăng ký", "Đăng nhập"] {
        assert!(
            !body.iter().any(|t| t.contains(prompt)),
            "{prompt:?} in {body:#?}"
        );
    }
    assert!(p.paywalled);
    // A whole article under the same prompt is not a teaser; a free page
    // is not paywalled.
    let para = "Theo nguồn tin của phóng viên, cuộc đàm phán đã kéo dài nhiều tháng với sự tham gia \
                của nhiều bên, trong đó có cả các quỹ đầu tư quốc tế lớn.";
    let whole = String::from_utf8(page("made/paywall.html"))
        .unwrap()
        .replace(
            "<div class=\"paywall\">",
            &format!(
                "{}<div class=\"paywall\">",
                format!("<p>{para}</p>").repeat(12)
            ),
        );
    let p = parse_html_page(whole.as_bytes(), None, None).unwrap();
    assert!(!p.paywalled);
    assert!(!texts(&p.article).iter().any(|t| t.contains("Đăng nhập")));
    let p = parse_html_page(&page("made/vne.html"), None, None).unwrap();
    assert!(!p.paywalled);
    // Nothing but the prompt: refused as that, not as a home page.
    let only_prompt = r#"<html><head><title>Bài dành cho thành viên</title></head><body>
        <h1>Bài dành cho thành viên</h1><div class="paywall"><p>Nội dung này dành cho thành viên.</p>
        <a href="/dang-ky">Đăng ký ngay</a> <a href="/dang-nhap">Đăng nhập</a></div></body></html>"#;
    let e = parse_html(
        only_prompt.as_bytes(),
        None,
        Some("https://tuoitre.vn/b.htm"),
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "https://tuoitre.vn/b.htm: no article found in the page, only a paywall's sign-up prompt"
    );
}

#[test]
fn the_byline_not_the_site_s_name_is_the_author_and_the_date_line_holds_the_date() {
    // Tuổi Trẻ: `<meta name="author">` is the paper's name, told by the
    // host the page is read from or the one it names as its own.
    for from in [
        "https://tuoitre.vn/a.htm",
        "http://127.0.0.1:8733/my/tuoitre.html",
    ] {
        let a = parse("made/tuoitre.html", Some(from));
        assert_eq!(a.author.as_deref(), Some("NGUYỄN BẢO"), "from {from}");
        assert_eq!(a.date_text.as_deref(), Some("20/04/2024 07:45 GMT+7"));
    }
    // Kenh14: the byline is a span of the meta line, next to the source.
    let a = parse("made/kenh14.html", Some("https://kenh14.vn/a.chn"));
    assert_eq!(a.author.as_deref(), Some("Thảo Nhi"));
    // Znews AMP: the byline and JSON-LD agree.
    let a = parse("made/amp.html", None);
    assert_eq!(a.author.as_deref(), Some("Hoàng Linh"));
    // Soha: the date line holds the source credit before the date.
    let a = parse("soha1.html", None);
    assert_eq!(a.date_text.as_deref(), Some("25/12/2012 10:25"));
    assert_eq!(a.author.as_deref(), Some("Theo Ngoisao"));
    // A site's name is never an author: og:site_name (with "Báo" or
    // "Online" more or less), the host's name.
    let para = "Đây là một đoạn văn đủ dài để trình đọc coi trang này là một bài báo thật sự, \
                với nhiều câu và nhiều chữ như một bài báo bình thường trên mạng.";
    for (head, url) in [
        (
            "<meta property=og:site_name content=\"Báo Thanh Niên\"><meta name=author content=\"Báo Thanh Niên\">",
            None,
        ),
        (
            "<meta name=author content=\"Thanh Niên\">",
            Some("https://thanhnien.vn/a.htm"),
        ),
        (
            "<meta property=og:site_name content=\"Thanh Niên\"><meta name=author content=\"Thanh Niên Online\">",
            None,
        ),
        (
            "<meta name=author content=\"Thanh Niên Online\">",
            Some("https://thanhnien.vn/a.htm"),
        ),
    ] {
        let html = format!(
            "<html><head><meta charset=utf-8>{head}<title>Mưa lớn ở miền Trung - Thanh Niên Online</title></head>\
             <body><article><h1>Mưa lớn ở miền Trung</h1><p>{para}</p><p>{para}</p><p>{para}</p><p>{para}</p>\
             </article></body></html>"
        );
        let a = parse_html(html.as_bytes(), None, url).unwrap();
        assert_eq!(a.author, None, "{head}");
    }
}

/// The VnExpress page with its canonical address (and og:url) on `server`.
fn vne_at(server: &Server, canonical_path: &str) -> Vec<u8> {
    String::from_utf8(page("made/vne.html"))
        .unwrap()
        .replace(
            "https://vnexpress.net/gia-xang-giam-lan-thu-ba-lien-tiep-4745123.html",
            &server.url(canonical_path),
        )
        .into_bytes()
}

fn feed_of(link: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>VnExpress Kinh doanh</title>\
         <link>https://vnexpress.net/kinh-doanh</link><item><title>Giá xăng giảm lần thứ ba liên tiếp</title>\
         <link>{link}</link><description>{VNE_LEAD}</description>\
         <pubDate>Mon, 06 May 2024 15:10:00 +0700</pubDate></item></channel></rss>"
    )
}

fn serve(server: &Server, path: &str, content_type: &str, body: Vec<u8>) {
    let ct = content_type.to_string();
    server.route(path, move |_| Reply::ok(&ct, body.clone()));
}

#[test]
fn add_of_the_amp_copy_updates_the_stored_story_and_either_address_finds_it() {
    let server = Server::start();
    let story = "/gia-xang-4745123.html";
    serve(
        &server,
        story,
        "text/html; charset=utf-8",
        vne_at(&server, story),
    );
    let amp = "/amp/gia-xang-4745123.html";
    serve(
        &server,
        amp,
        "text/html; charset=utf-8",
        vne_at(&server, story),
    );
    serve(
        &server,
        "/rss",
        "application/rss+xml",
        feed_of(&server.url(story)).into_bytes(),
    );
    let env = Env::new();
    env.ok(&["feed", "add", &server.url("/rss")]);
    env.ok(&["mark-read", "1"]);

    let out = env.ok(&["add", &server.url(amp)]);
    assert_eq!(
        out,
        "Updated: Giá xăng giảm lần thứ ba liên tiếp (id 1, bookmarked)\n"
    );
    let list = env.json(&["list", "--json"]);
    assert_eq!(list.as_array().unwrap().len(), 1, "{list:#}");
    let a = env.json(&["show", "1", "--json"]);
    assert_eq!(a["url"], server.url(story));
    assert_eq!(a["read"], true);
    assert_eq!(a["bookmarked"], true);
    assert!(
        a["paragraphs"][0]["text"]
            .as_str()
            .unwrap()
            .starts_with("Theo thông báo")
    );
    for url in [server.url(amp), server.url(story)] {
        assert_eq!(
            env.ok(&["add", &url]),
            "Already saved: Giá xăng giảm lần thứ ba liên tiếp (id 1, bookmarked)\n"
        );
    }
}

#[test]
fn add_of_a_stored_address_updates_it_whatever_canonical_the_page_names() {
    // The feed links the story under an address of its own; the page names
    // another. The stored article is the one updated, not a second made.
    let server = Server::start();
    let link = "/news/4745123";
    serve(
        &server,
        link,
        "text/html; charset=utf-8",
        vne_at(&server, "/gia-xang-4745123.html"),
    );
    serve(
        &server,
        "/rss",
        "application/rss+xml",
        feed_of(&server.url(link)).into_bytes(),
    );
    let env = Env::new();
    env.ok(&["feed", "add", &server.url("/rss")]);
    let out = env.ok(&["add", &server.url(link)]);
    assert_eq!(
        out,
        "Updated: Giá xăng giảm lần thứ ba liên tiếp (id 1, bookmarked)\n"
    );
    assert_eq!(env.json(&["list", "--json"]).as_array().unwrap().len(), 1);
    assert_eq!(env.json(&["show", "1", "--json"])["url"], server.url(link));
}

#[test]
fn add_of_a_paywalled_page_saves_the_teaser_and_says_it_is_cut_short() {
    let server = Server::start();
    serve(
        &server,
        "/sao.htm",
        "text/html; charset=utf-8",
        page("made/paywall.html"),
    );
    serve(
        &server,
        "/vne.html",
        "text/html; charset=utf-8",
        page("made/vne.html"),
    );
    let env = Env::new();
    let out = env.run(&["add", &server.url("/sao.htm")]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "Saved: Bí mật sau thương vụ tỷ đô của Vingroup (id 1, bookmarked)\n"
    );
    assert_eq!(
        stderr(&out),
        format!(
            "docbao: {}: the page looks cut short by a paywall: only its free part was saved\n",
            server.url("/sao.htm")
        )
    );
    let shown = env.ok(&["show", "1"]);
    assert!(!shown.contains("Đăng ký ngay"), "{shown}");
    let out = env.run(&["add", &server.url("/vne.html")]);
    assert!(out.status.success());
    assert_eq!(stderr(&out), "");
}

/// A page of the test's own: `title`, its text, and the canonical address
/// `canonical` (a path on `server`).
fn story_at(server: &Server, title: &str, text: &str, canonical: &str) -> Vec<u8> {
    let p = format!("<p>{text}</p>").repeat(4);
    format!(
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>{title}</title>\
         <link rel=\"canonical\" href=\"{}\"></head><body><article><h1>{title}</h1>{p}\
         </article></body></html>",
        server.url(canonical)
    )
    .into_bytes()
}

#[test]
fn a_canonical_address_that_is_the_home_a_section_or_another_story_is_not_taken() {
    // Some sites give every page their home page (or the section) as its
    // canonical address: each page saved was stored over the one before,
    // said "Updated", and the first page's text was gone.
    let server = Server::start();
    let env = Env::new();
    let pages = [
        (
            "/news/a.html",
            "Hà Nội chống ngập",
            "Thành phố đầu tư hệ thống thoát nước mới cho các quận nội thành trong mùa mưa bão năm nay.",
            "/",
        ),
        (
            "/news/b.html",
            "Việt Nam thắng 3-0",
            "Đội tuyển bóng đá thắng thuyết phục trước đối thủ tại sân vận động Mỹ Đình tối qua.",
            "/",
        ),
        (
            "/news/c.html",
            "Giá vàng tăng mạnh",
            "Giá vàng trong nước tăng mạnh theo giá thế giới trong phiên giao dịch sáng nay.",
            "/news/",
        ),
        (
            "/news/d.html",
            "Mưa rét miền Bắc",
            "Không khí lạnh tràn về khiến nhiệt độ các tỉnh miền Bắc giảm sâu trong đêm nay.",
            "/news",
        ),
        // Same site, not above it, but another story stored there already.
        (
            "/news/e.html",
            "Xe buýt nhanh thêm tuyến",
            "Thành phố mở thêm tuyến xe buýt nhanh nối trung tâm với các quận ven đô.",
            "/news/a.html",
        ),
    ];
    for (path, title, text, canonical) in pages {
        serve(
            &server,
            path,
            "text/html; charset=utf-8",
            story_at(&server, title, text, canonical),
        );
    }
    for (path, ..) in pages {
        let out = env.run(&["add", &server.url(path)]);
        assert!(out.status.success(), "{path}: {}", stderr(&out));
        assert!(
            !stderr(&out).contains("Updated"),
            "{path}: {}",
            stderr(&out)
        );
    }
    let list = env.json(&["list", "--json"]);
    assert_eq!(list.as_array().unwrap().len(), 5, "{list}");
    for (path, title, ..) in pages {
        let a = list
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["title"] == title)
            .unwrap_or_else(|| panic!("{title} kept: {list}"));
        let shown = env.json(&["show", &a["id"].to_string(), "--json"]);
        assert_eq!(shown["url"], server.url(path).as_str(), "{title}");
    }
}

/// A saved page keeps the shape of its lists, tables and code (a tester's
/// report: a `<pre>` of three commands stored as one line, a table as a
/// paragraph per cell, list items without their bullets or numbers): an
/// item its bullet or number (an `<ol start>` counted from it, a list in an
/// item hollow bullets), a table of data a row per paragraph, a `<pre>` a
/// line per paragraph with its indentation (a tab to the next eighth
/// column) and without its blank ends. A table laying out the page (a cell
/// holding the article) or framing a photo and its caption is read as
/// before.
#[test]
fn lists_tables_and_code_keep_their_shape() {
    let a = parse(
        "made/structure.html",
        Some("https://tin.example.vn/may-chu"),
    );
    let got: Vec<(ParagraphKind, &str)> = a
        .paragraphs
        .iter()
        .map(|p| (p.kind, p.text.as_str()))
        .filter(|(k, _)| *k != ParagraphKind::Text)
        .collect();
    use ParagraphKind::{Caption, Code, Item, Row};
    assert_eq!(
        got,
        [
            (
                Item,
                "• Một máy tính cũ có ít nhất 2 GB bộ nhớ, chạy được hệ điều hành Linux bản mới."
            ),
            (Item, "• Một ổ cứng 100 GB, loại thể rắn càng tốt."),
            (Item, "• Dây mạng nối với bộ định tuyến"),
            (Item, "◦ loại Cat 6 nếu nhà có mạng cáp quang"),
            (Item, "3. Ghi bản cài đặt ra thẻ nhớ."),
            (
                Item,
                "4. Khởi động máy từ thẻ nhớ và làm theo hướng dẫn trên màn hình."
            ),
            (Code, "sudo apt-get update"),
            (Code, "if [ -d /srv/tin ]; then"),
            (Code, "    echo \"đã có thư mục\""),
            (Code, "        ls /srv/tin"),
            (Code, "fi"),
            (Row, "Hạng mục │ Giá │ Ghi chú"),
            (Row, "Máy tính cũ │ 1.500.000 đồng │ Mua lại"),
            (Row, "Ổ cứng │ 800.000 đồng │"),
            (Caption, "Máy chủ đặt trong tủ sách của gia đình anh Châu."),
        ]
    );
    // The layout table's cells are paragraphs, as before.
    let body = texts(&a);
    assert!(
        body.iter()
            .any(|t| t.starts_with("Một năm sau, máy vẫn chạy êm"))
    );
    assert!(body.contains(&"Quảng cáo"));
}

/// Shown (`show`, the reader's layout) and exported as Markdown, the lists,
/// the table and the code read as they did on the page; an export's JSON
/// lines imported again keep each kind and the code's indentation.
#[test]
fn lists_tables_and_code_are_shown_exported_and_imported_again() {
    let env = Env::new();
    let file = fixture("html/made/structure.html");
    env.ok(&["import", file.to_str().unwrap()]);
    let shown = env.ok(&["show", "1", "--width", "60"]);
    let block = |from: &str, lines: usize| -> Vec<String> {
        let at = shown
            .lines()
            .position(|l| l.starts_with(from))
            .unwrap_or_else(|| panic!("{from:?} in\n{shown}"));
        shown
            .lines()
            .skip(at)
            .take(lines)
            .map(str::to_string)
            .collect()
    };
    assert_eq!(
        block("• Một máy tính cũ", 6),
        [
            "• Một máy tính cũ có ít nhất 2 GB bộ nhớ, chạy được hệ điều",
            "  hành Linux bản mới.",
            "• Một ổ cứng 100 GB, loại thể rắn càng tốt.",
            "• Dây mạng nối với bộ định tuyến",
            "◦ loại Cat 6 nếu nhà có mạng cáp quang",
            "",
        ]
    );
    assert_eq!(
        block("3. Ghi bản", 3),
        [
            "3. Ghi bản cài đặt ra thẻ nhớ.",
            "4. Khởi động máy từ thẻ nhớ và làm theo hướng dẫn trên màn",
            "   hình.",
        ]
    );
    assert_eq!(
        block("  sudo apt-get", 6),
        [
            "  sudo apt-get update",
            "  if [ -d /srv/tin ]; then",
            "      echo \"đã có thư mục\"",
            "          ls /srv/tin",
            "  fi",
            "",
        ]
    );
    assert_eq!(
        block("Hạng mục", 4),
        [
            "Hạng mục    │ Giá            │ Ghi chú",
            "Máy tính cũ │ 1.500.000 đồng │ Mua lại",
            "Ổ cứng      │ 800.000 đồng   │",
            "",
        ]
    );

    let md = env.ok(&["export", "--format", "markdown"]);
    for expected in [
        "- Một máy tính cũ có ít nhất 2 GB bộ nhớ, chạy được hệ điều hành Linux bản mới.\n- Một ổ cứng 100 GB",
        "3. Ghi bản cài đặt ra thẻ nhớ.\n4. Khởi động máy",
        "```\nsudo apt-get update\nif [ -d /srv/tin ]; then\n    echo \"đã có thư mục\"\n        ls /srv/tin\nfi\n```\n",
        "| Hạng mục | Giá | Ghi chú |\n| --- | --- | --- |\n| Máy tính cũ | 1.500.000 đồng | Mua lại |\n| Ổ cứng | 800.000 đồng |  |\n\n",
    ] {
        assert!(md.contains(expected), "{expected:?} in\n{md}");
    }

    let lines = env.ok(&["export"]);
    let again = Env::new();
    let path = again.write("back.jsonl", lines.as_bytes());
    again.ok(&["import", path.to_str().unwrap()]);
    assert_eq!(
        again.json(&["show", "1", "--json"])["paragraphs"],
        env.json(&["show", "1", "--json"])["paragraphs"]
    );
}

/// A page set in one `<pre>` (an RFC, a plain-text notice) is an article:
/// its lines, each a paragraph now, count together as its text, as the
/// one paragraph they were before (Readability's `ietf-1` was refused as
/// an index page when each line counted alone).
#[test]
fn a_page_set_in_one_pre_is_an_article() {
    let mut pre = String::new();
    for i in 1..=40 {
        pre.push_str(&format!(
            "   {i}. Mỗi dòng của văn bản này ngắn, nhưng cả trang là một bài dài.\n"
        ));
    }
    let html = format!(
        "<html><head><title>Thông báo về lịch nghỉ lễ năm nay của cơ quan</title></head>\
         <body><pre>{pre}</pre></body></html>"
    );
    let a = parse_html(
        html.as_bytes(),
        None,
        Some("https://tin.example.vn/thong-bao"),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(a.paragraphs.len(), 40);
    assert!(a.paragraphs.iter().all(|p| p.kind == ParagraphKind::Code));
    assert!(
        a.paragraphs[0].text.starts_with("   1. Mỗi dòng"),
        "{:?}",
        a.paragraphs[0]
    );
}
