//! A phrase in lower case that is no dictionary word is an auto keyword only
//! when another article holds it too (issue 15): one article's "phản kháng
//! dữ dội" is a stretch of its sentence more often than a term. Names and
//! dictionary words need no company.

use docbao::model::{NewArticle, Paragraph};
use docbao::store::Store;

mod common;
use common::keywords::{in_sidebar, names};

/// A theft of a concrete drill ("máy khoan bê tông": no dictionary word)
/// from a building site in `place`.
fn drill(place: &str) -> NewArticle {
    NewArticle {
        title: format!("Hai thanh niên trộm máy khoan bê tông ở {place}"),
        url: Some(format!("https://example.vn/khoan-{place}")),
        paragraphs: vec![
            Paragraph::text(format!(
                "Hai thanh niên đã lấy trộm máy khoan bê tông tại một công trường ở {place}. \
                 Chiếc máy khoan bê tông trị giá 20 triệu đồng."
            )),
            Paragraph::text(format!(
                "Công an {place} đã thu hồi máy khoan bê tông và trả lại cho chủ công trường."
            )),
        ],
        ..Default::default()
    }
}

/// An article about something else.
fn football() -> NewArticle {
    NewArticle {
        title: "Đội tuyển Việt Nam thắng Thái Lan ở vòng loại".into(),
        url: Some("https://example.vn/bong-da".into()),
        paragraphs: vec![Paragraph::text(
            "Đội tuyển Việt Nam thắng Thái Lan 2-1 trên sân Mỹ Đình tối qua.",
        )],
        ..Default::default()
    }
}

const DRILL: &str = "máy khoan bê tông";

#[test]
fn a_lowercase_phrase_no_other_article_holds_is_no_keyword() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(&dir.path().join("s.db")).unwrap();
    let id = s.import(&drill("Hà Đông")).unwrap().id();
    s.import(&football()).unwrap();
    s.flush_keyword_stats().unwrap();
    let kws = names(&s, id);
    assert!(!kws.iter().any(|k| k == DRILL), "{kws:?}");
    assert!(!in_sidebar(&s, DRILL));
    // Its name stays a keyword, held by one article or not.
    assert!(kws.iter().any(|k| k == "Hà Đông"), "{kws:?}");
}

#[test]
fn a_phrase_two_articles_hold_is_a_keyword_of_both() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(&dir.path().join("s.db")).unwrap();
    // The same import: the first held it alone when it was scored.
    let first = s.import(&drill("Hà Đông")).unwrap().id();
    let second = s.import(&drill("Thanh Xuân")).unwrap().id();
    s.flush_keyword_stats().unwrap();
    for id in [first, second] {
        assert!(
            names(&s, id).iter().any(|k| k == DRILL),
            "{:?}",
            names(&s, id)
        );
    }
    // A later import: the store holds it already.
    let third = s.import(&drill("Long Biên")).unwrap().id();
    s.flush_keyword_stats().unwrap();
    assert!(names(&s, third).iter().any(|k| k == DRILL));
    let count = s
        .keywords(None)
        .unwrap()
        .into_iter()
        .find(|(k, _)| k == DRILL);
    assert_eq!(count.map(|(_, n)| n), Some(3));
}

#[test]
fn a_recount_takes_a_lone_phrase_off_a_store_an_older_docbao_made() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let mut s = Store::open(&db).unwrap();
    let id = s.import(&drill("Hà Đông")).unwrap().id();
    s.flush_keyword_stats().unwrap();
    drop(s);
    // As a docbao before this rule left it: the phrase linked.
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute_batch(&format!(
            "INSERT OR IGNORE INTO keywords (name, key) VALUES ('{DRILL}', '{DRILL}');
             INSERT INTO article_keywords (article_id, keyword_id, pos, source)
                 SELECT {}, id, 9, 'auto' FROM keywords WHERE key = '{DRILL}';
             UPDATE keywords SET article_count = 1 WHERE key = '{DRILL}';",
            id.0
        ))
        .unwrap();
    }
    let mut s = Store::open(&db).unwrap();
    assert!(names(&s, id).iter().any(|k| k == DRILL));
    // `docbao doctor` recounts.
    s.rebuild_keyword_stats().unwrap();
    assert!(
        !names(&s, id).iter().any(|k| k == DRILL),
        "{:?}",
        names(&s, id)
    );
    assert!(!in_sidebar(&s, DRILL));
    assert!(!names(&s, id).is_empty());
}

#[test]
fn a_phrase_another_process_stored_meanwhile_keeps_the_keyword() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let mut first = Store::open(&db).unwrap();
    let mut second = Store::open(&db).unwrap();
    // Two docbao processes importing at once, each one article holding it.
    let a = first.import(&drill("Hà Đông")).unwrap().id();
    let b = second.import(&drill("Thanh Xuân")).unwrap().id();
    second.flush_keyword_stats().unwrap();
    first.flush_keyword_stats().unwrap();
    drop((first, second));
    let s = Store::open(&db).unwrap();
    // The second held it alone when it was scored; its flush came first.
    assert!(
        !names(&s, b).iter().any(|k| k == DRILL),
        "{:?}",
        names(&s, b)
    );
    // The first's flush finds the second's article stored.
    assert!(
        names(&s, a).iter().any(|k| k == DRILL),
        "{:?}",
        names(&s, a)
    );
}

#[test]
fn the_demo_shows_its_keywords_settled() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(&dir.path().join("s.db")).unwrap();
    docbao::cli::load_demo(&mut s).unwrap();
    // The reader opens on this store as it is: no keyword waits for a flush.
    assert_eq!(unsettled(&mut s), Vec::<String>::new());
}

/// The auto keywords of the store that are free phrases no other article
/// holds: the ones a flush takes off.
fn unsettled(s: &mut Store) -> Vec<String> {
    let names: Vec<String> = s
        .keywords(None)
        .unwrap()
        .into_iter()
        .map(|(k, _)| k)
        .collect();
    names
        .into_iter()
        .filter(|k| docbao::text::keywords::free_phrase(k, &docbao::text::fold::title_key(k)))
        .filter(|k| s.phrase_df(k).unwrap().0 <= 1)
        .collect()
}

#[test]
fn a_feed_update_ends_with_its_keywords_settled() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(&dir.path().join("s.db")).unwrap();
    let rss = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/rss/vnexpress_tin-moi-nhat_2017-02-18.xml");
    s.add_feed(&format!("file://{}", rss.display()), None, false)
        .unwrap();
    let fetcher = docbao::jobs::http::default_fetcher(None);
    let done = docbao::jobs::feeds::update_all(&mut s, &fetcher, 1, &|| false, |_| {}).unwrap();
    assert!(done.new_articles.len() > 10, "{done:?}");
    // A reader's store lives on after its update: nothing waits for a drop.
    assert_eq!(unsettled(&mut s), Vec::<String>::new());
}
