//! The links of an article's text (tester I3): a saved page's `<a href>`
//! kept on the words it is on, resolved against the page's address, shown
//! as numbers after those words with the addresses listed after the
//! article, picked with `]` and opened with Enter in the reader, written
//! as links by the Markdown export, and kept through an export and an
//! import of JSON lines. The page is made for this test
//! (`tests/fixtures/html/made/links.html`).

mod common;

use common::tui::{T, article};
use common::{Env, fixture};
use docbao::model::{Link, Paragraph};
use docbao::tui::event::Opening;
use docbao::tui::state::Focus;
use docbao::tui::update::Effect;
use ratatui::crossterm::event::KeyCode;

fn imported() -> Env {
    let env = Env::new();
    let file = fixture("html/made/links.html");
    env.ok(&["import", file.to_str().unwrap()]);
    env
}

/// The links of the stored article, as `show --json` gives them: each
/// paragraph's links as (the words, the address).
fn links_of(env: &Env) -> Vec<(String, String)> {
    let json: serde_json::Value = serde_json::from_str(&env.ok(&["show", "1", "--json"])).unwrap();
    let mut out = Vec::new();
    for p in json["paragraphs"].as_array().unwrap() {
        let text = p["text"].as_str().unwrap();
        for l in p["links"].as_array().into_iter().flatten() {
            let (s, e) = (l["start"].as_u64().unwrap(), l["end"].as_u64().unwrap());
            let words = &text[s as usize..e as usize];
            out.push((words.to_string(), l["url"].as_str().unwrap().to_string()));
        }
    }
    out
}

fn expected() -> Vec<(String, String)> {
    [
        ("Bộ Y tế", "https://baomau.vn/to-chuc/bo-y-te"),
        ("Tổ chức Y tế Thế giới", "https://who.int/vi/news"),
        ("trang của Bộ", "https://moh.gov.vn/huong-dan?a=1&b=2"),
        ("xà phòng", "https://baomau.vn/xa-phong"),
    ]
    .map(|(w, u)| (w.to_string(), u.to_string()))
    .to_vec()
}

#[test]
fn a_saved_page_keeps_its_links_on_their_words() {
    let env = imported();
    // The relative address resolved against the page's; the
    // `javascript:` link ("đây") left out, its words kept as text.
    assert_eq!(links_of(&env), expected());
    let shown = env.ok(&["show", "1", "--width", "70"]);
    assert!(
        shown.contains("Sáng nay, Bộ Y tế[1] đã công bố"),
        "the number after the link's words:\n{shown}"
    );
    assert!(shown.contains("hướng dẫn phòng bệnh tại đây hoặc trên trang của"));
    assert!(shown.contains("• Rửa tay bằng xà phòng[4] thường xuyên"));
    let list: Vec<&str> = shown
        .lines()
        .skip_while(|l| *l != "Links")
        .skip(1)
        .collect();
    assert_eq!(
        list,
        [
            "1. https://baomau.vn/to-chuc/bo-y-te",
            "2. https://who.int/vi/news",
            "3. https://moh.gov.vn/huong-dan?a=1&b=2",
            "4. https://baomau.vn/xa-phong",
        ],
        "{shown}"
    );
    // A narrow reader wraps the text with its numbers and the addresses.
    let narrow = env.ok(&["show", "1", "--width", "28"]);
    assert!(
        narrow
            .lines()
            .all(|l| unicode_width::UnicodeWidthStr::width(l) <= 28)
    );
    assert!(
        narrow.contains("[2]") && narrow.contains("Links"),
        "{narrow}"
    );
}

#[test]
fn links_survive_an_export_and_an_import_and_are_markdown_links() {
    let env = imported();
    let exported = env.ok(&["export", "--format", "jsonl"]);
    env.write("export.jsonl", exported.as_bytes());
    let other = Env::new();
    other.ok(&["import", env.path("export.jsonl").to_str().unwrap()]);
    assert_eq!(links_of(&other), expected());
    // Imported again into the same store: the same content, unchanged.
    let again = env.run(&["import", env.path("export.jsonl").to_str().unwrap()]);
    let said = String::from_utf8_lossy(&again.stdout).to_string()
        + &String::from_utf8_lossy(&again.stderr);
    assert!(said.contains("1 skipped (unchanged)"), "{said}");

    let md = env.ok(&["export", "--format", "markdown"]);
    assert!(
        md.contains("Sáng nay, [Bộ Y tế](<https://baomau.vn/to-chuc/bo-y-te>) đã công bố"),
        "{md}"
    );
    assert!(md.contains("- Rửa tay bằng [xà phòng](<https://baomau.vn/xa-phong>) thường"));
    assert!(md.contains("tại đây hoặc trên [trang của Bộ]"));
}

#[test]
fn an_export_s_links_that_do_not_fit_its_text_are_left_out() {
    let env = Env::new();
    let line = r#"{"title":"Tin có liên kết","url":"https://a.vn/1","paragraphs":[{"kind":"text","text":"Hà Nội mùa thu đẹp lắm.","links":[{"start":0,"end":2,"url":"https://a.vn/x"},{"start":0,"end":9,"url":"https://a.vn/ha-noi"},{"start":15,"end":99,"url":"https://a.vn/y"},{"start":10,"end":14,"url":"javascript:alert(1)"},{"start":"a","url":"https://a.vn/z"}]}]}"#;
    env.write("a.jsonl", format!("{line}\n").as_bytes());
    env.ok(&["import", env.path("a.jsonl").to_str().unwrap()]);
    // "Hà" cut inside its "à", a range past the text, a script: gone;
    // "Hà Nội" kept.
    assert_eq!(
        links_of(&env),
        [("Hà Nội".to_string(), "https://a.vn/ha-noi".to_string())]
    );
}

#[test]
fn brackets_pick_a_link_after_the_chips_and_enter_opens_it() {
    let mut t = T::new(100, 30, 3);
    let mut a = article(1, 3);
    a.paragraphs[1] = Paragraph {
        links: vec![Link {
            start: 0,
            end: "Đoạn 1".len(),
            url: "https://example.vn/doan-1".into(),
        }],
        ..a.paragraphs[1].clone()
    };
    a.paragraphs.push(Paragraph {
        links: vec![Link {
            start: 0,
            end: 4,
            url: "javascript:alert(1)".into(),
        }],
        ..Paragraph::text("Xem thêm")
    });
    t.open(a, Opening::Read);
    t.state.focus = Focus::Reader;
    // The chip ("Thái Bình") first, then the link.
    t.key(']');
    assert_eq!(t.state.reader.target, Some(0));
    t.key(']');
    assert_eq!(t.state.reader.target, Some(1));
    let line = t.state.reader.line_of_target(1).expect("the link's line");
    assert_eq!(
        t.state.reader.lines[line].text,
        "1. https://example.vn/doan-1"
    );
    assert!(
        (t.state.reader.lines.iter()).any(|l| l.text.starts_with("Đoạn 1[1] của tin 1")),
        "the number after the link's words"
    );
    assert_eq!(
        t.code(KeyCode::Enter),
        vec![Effect::OpenUrl("https://example.vn/doan-1".into())]
    );
    // A link that is no web address (the store never gives one) is not
    // sent to a browser: said, and nothing run.
    t.key(']');
    assert_eq!(t.state.reader.target, Some(2));
    assert_eq!(t.code(KeyCode::Enter), vec![]);
    let status = t.state.status.as_ref().expect("a message");
    assert!(status.error && status.text.starts_with("Not opened in a browser"));
    // On past the last target: round to the chip.
    t.key(']');
    assert_eq!(t.state.reader.target, Some(0));
}

#[test]
fn a_feed_item_s_links_are_kept_too() {
    let env = Env::new();
    let feed = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Báo Mẫu</title><link>https://baomau.vn/</link><description>x</description>
<item><title>Giá xăng giảm lần thứ ba</title><link>https://baomau.vn/kinh-te/gia-xang-456.html</link>
<content:encoded><![CDATA[<p>Theo <a href="/to-chuc/bo-cong-thuong">Bộ Công Thương</a>, giá xăng RON 95 giảm 320 đồng mỗi lít từ 15h chiều nay.</p><p>Xem <a href="https://baomau.vn/bang-gia">bảng giá</a> mới.</p>]]></content:encoded></item></channel></rss>"#;
    env.write("feed.xml", feed.as_bytes());
    env.ok(&["import", env.path("feed.xml").to_str().unwrap()]);
    assert_eq!(
        links_of(&env),
        [
            ("Bộ Công Thương", "https://baomau.vn/to-chuc/bo-cong-thuong"),
            ("bảng giá", "https://baomau.vn/bang-gia"),
        ]
        .map(|(w, u)| (w.to_string(), u.to_string()))
    );
}
