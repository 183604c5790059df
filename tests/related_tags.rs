//! Related stories and a page's tag many articles share.

mod common;

use common::Env;

/// A page's tag on many articles ("Đời sống", a section's) relates no two
/// of them by itself: a headline with nothing but that tag got five video
/// bulletins with nothing else in common (an independent review's find, on
/// the DANeS set). The tag's weight counts the articles linked to it, not
/// only those whose text holds the phrase; and one shared term that common
/// is no relation.
#[test]
fn a_common_tag_alone_relates_nothing() {
    let env = Env::new();
    let mut lines = String::new();
    for i in 0..60 {
        let a = serde_json::json!({
            "title": format!("Bản tin thời sự {i}h ngày {}/10", i % 28 + 1),
            "description": format!("Bản tin phát sóng lúc {i} giờ."),
            "source_url": format!("https://tv.example/ban-tin-{i}"),
            "topics": ["Đời sống"],
        });
        lines.push_str(&format!("{a}\n"));
    }
    let h = serde_json::json!({
        "title": "Bình Dương vẫn là nơi “đất lành” với lao động xa quê",
        "source_url": "https://news.example/binh-duong",
        "topics": ["Đời sống"],
    });
    lines.push_str(&format!("{h}\n"));
    let input = env.write("tags.jsonl", lines.as_bytes());
    env.ok(&["import", input.to_str().unwrap()]);
    let out = env.run(&["related", "61", "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let related: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(related.as_array().map(Vec::len), Some(0), "{related}");
}

/// In a small store, where a fiftieth is no article, a rare tag two items
/// share still relates them: only a common one relates nothing alone.
#[test]
fn a_rare_tag_relates_in_a_small_store() {
    let env = Env::new();
    let mut lines = String::new();
    for i in 0..10 {
        let a = serde_json::json!({
            "title": format!("Thời tiết ngày {}/10 nắng ráo", i + 1),
            "description": "Trời nắng, gió nhẹ.",
            "source_url": format!("https://tv.example/thoi-tiet-{i}"),
        });
        lines.push_str(&format!("{a}\n"));
    }
    // Nothing in common but the tag.
    for (i, title) in ["Trận đấu tối qua", "Kết quả vòng hai"].iter().enumerate() {
        let a = serde_json::json!({
            "title": title,
            "source_url": format!("https://tv.example/the-thao-{i}"),
            "topics": ["Lý Hoàng Nam"],
        });
        lines.push_str(&format!("{a}\n"));
    }
    let input = env.write("rare.jsonl", lines.as_bytes());
    env.ok(&["import", input.to_str().unwrap()]);
    let out = env.run(&["related", "11", "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let related: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<i64> = (related.as_array().unwrap().iter())
        .filter_map(|r| r["article_id"].as_i64())
        .collect();
    assert_eq!(ids, [12], "{related}");
}
