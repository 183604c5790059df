//! End to end: wide (CJK, Hangul) characters under the help popup. A wide
//! character cut by the popup's left edge hid the border on its row:
//! ratatui's diff skips the cell a wide character covers, so the border
//! was never written there (10 rows of 20 at 140 to 200 columns, a
//! tester's report).

mod common;
mod pty;

use common::Env;

#[test]
fn the_help_popup_keeps_its_left_border_over_wide_titles() {
    let env = Env::new();
    let mut lines = String::new();
    for i in 0..20 {
        // Every other title one column longer: the popup's edge cuts half
        // of them inside a wide character.
        let title = format!(
            "{}한국 뉴스 서울의 하루 안녕하세요 세계 오늘의 뉴스를 전해 드리겠습니다 국립중앙박물관",
            "a".repeat(i % 2)
        );
        let a = serde_json::json!({
            "url": format!("https://w.example/{i}"),
            "title": title,
            "date": format!("2024-01-{:02}", i + 1),
            "body": ["서울 특별시는 대한민국의 수도이자 최대 도시이다."],
        });
        lines.push_str(&format!("{a}\n"));
    }
    let input = env.write("wide.jsonl", lines.as_bytes());
    env.ok(&["import", input.to_str().unwrap()]);
    for cols in [140, 160, 200] {
        let mut t = pty::start(&env, cols, 40);
        t.wait_for("Articles (20)");
        t.send("?");
        t.wait_for("Everywhere");
        t.wait_until("the help's left border on every row", |s| {
            let text: Vec<String> = s.rows(0, cols).collect();
            let top = text.iter().position(|r| r.contains("Keys"));
            let Some(top) = top else { return false };
            // The column of the popup's top-left corner.
            let Some(corner) = text[top].find('┏') else {
                return false;
            };
            let col = text[top][..corner]
                .chars()
                .map(unicode_width::UnicodeWidthChar::width)
                .map(|w| w.unwrap_or(0) as u16)
                .sum::<u16>();
            let bottom = text.iter().rposition(|r| r.contains('┗')).unwrap_or(top);
            (top + 1..bottom).all(|y| s.cell(y as u16, col).is_some_and(|c| c.contents() == "┃"))
        });
        t.send("q");
        t.send("q");
        assert!(t.wait_exit().success());
    }
}

/// A Thai or Devanagari cluster of two columns (a consonant and its vowel:
/// "ทำ", "भा") left its vowel on the screen when the next article was
/// drawn over it: ratatui held the cluster in one cell two columns wide and
/// never wrote the second column again, where the terminal had put the
/// vowel ("Đây là mộtำđoạn vănำtiếng", an independent review's find).
#[test]
fn no_vowel_of_a_thai_or_hindi_article_stays_on_the_screen() {
    let env = Env::new();
    let mut lines = String::new();
    for (i, (title, body)) in [
        (
            "Bài tiếng Việt bình thường",
            "Đây là một đoạn văn tiếng Việt bình thường, không có gì đặc biệt cả, chỉ là chữ cái \
             và dấu câu thông thường mà thôi. Đây là một đoạn văn tiếng Việt bình thường.",
        ),
        (
            "น้ำท่วมหนัก ทำให้ประชาชนเดือดร้อน",
            "น้ำ ทำ คำ จำ นำ ลำ กำ ดำ ชำ ร่ำ น้ำ ทำ คำ จำ นำ ลำ กำ ดำ ชำ ร่ำ น้ำ ทำ คำ จำ นำ ลำ",
        ),
        (
            "दिल्ली में वायु प्रदूषण",
            "भा भा भा भा भा भा भा भा भा भा भा भा भा भा भा भा भा भा भा भा भा भा भा भा भा",
        ),
    ]
    .into_iter()
    .enumerate()
    {
        let a = serde_json::json!({
            "url": format!("https://e.example/{i}"),
            "title": title,
            "date": format!("2024-05-0{}", i + 1),
            "body": [body],
        });
        lines.push_str(&format!("{a}\n"));
    }
    let input = env.write("scripts.jsonl", lines.as_bytes());
    env.ok(&["import", input.to_str().unwrap()]);
    let mut t = pty::start(&env, 80, 20);
    t.wait_for("Articles (3)");
    t.wait_for("भा भा");
    // The Thai article over the Hindi one, then the Vietnamese over both.
    t.send("j");
    t.wait_for("ร่ำ");
    t.send("j");
    t.wait_for("Đây là một");
    let foreign =
        |c: char| ('\u{0900}'..='\u{097F}').contains(&c) || ('\u{0E00}'..='\u{0E7F}').contains(&c);
    t.wait_until("the reader without a Thai or Hindi character", |s| {
        s.rows(0, 80)
            .skip(1)
            .all(|row| row.chars().skip(40).all(|c| !foreign(c)))
    });
    t.send("q");
    assert!(t.wait_exit().success());
}
