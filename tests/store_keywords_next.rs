//! What follows a phrase across the store (issue 15): a phrase that goes on
//! with the same word in the articles stored ("Cục Nghệ thuật | biểu diễn")
//! is no auto keyword, in the articles imported with it and in those
//! imported before the store knew.

use docbao::model::{ArticleId, NewArticle, Paragraph};
use docbao::store::Store;

mod common;
use common::keywords::{in_sidebar, link_as_older_docbao, names};

/// An article about a singer fined by the performing-arts department,
/// always named in full: "Cục Nghệ thuật biểu diễn".
fn fined(singer: &str, place: &str) -> NewArticle {
    NewArticle {
        title: format!("Ca sĩ {singer} bị phạt vì hát ở {place}"),
        url: Some(format!("https://example.vn/{singer}-{place}")),
        paragraphs: vec![
            Paragraph::text(format!(
                "Cục Nghệ thuật biểu diễn vừa có quyết định xử phạt ca sĩ {singer} vì biểu diễn không phép tại {place}."
            )),
            Paragraph::text(format!(
                "Theo Cục Nghệ thuật biểu diễn, ca sĩ {singer} đã vi phạm nhiều lần trong năm."
            )),
        ],
        ..Default::default()
    }
}

/// (runs, word, votes) of a phrase in the file.
fn next_row(db: &std::path::Path, key: &str) -> (i64, i64, i64) {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row(
        "SELECT runs, word, votes FROM phrase_df WHERE key = ?1",
        [key],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )
    .unwrap()
}

const SINGERS: [(&str, &str); 4] = [
    ("Hòa Minzy", "Đà Nẵng"),
    ("Tóc Tiên", "Cần Thơ"),
    ("Noo Phước Thịnh", "Huế"),
    ("Văn Mai Hương", "Vũng Tàu"),
];

/// A store at `db` with every singer's article, its counts flushed.
fn all_fined(db: &std::path::Path) -> (Store, Vec<ArticleId>) {
    let mut s = Store::open(db).unwrap();
    let ids = SINGERS
        .iter()
        .map(|(singer, place)| s.import(&fined(singer, place)).unwrap().id())
        .collect();
    s.flush_keyword_stats().unwrap();
    (s, ids)
}

#[test]
fn a_phrase_that_goes_on_across_the_store_is_no_keyword() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let (s, ids) = all_fined(&db);
    for &id in &ids {
        let kws = names(&s, id);
        assert!(!kws.is_empty());
        assert!(!kws.iter().any(|k| k == "Cục Nghệ thuật"), "{kws:?}");
    }
    assert!(!in_sidebar(&s, "Cục Nghệ thuật"));
    drop(s);
    // Eight runs, each followed by "biểu": the lead is all of them.
    let (runs, word, votes) = next_row(&db, "cục nghệ thuật");
    assert_eq!((runs, votes), (8, 8));
    assert_ne!(word, 0);
}

#[test]
fn a_keyword_made_before_the_store_knew_goes_when_it_does() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let mut s = Store::open(&db).unwrap();
    let (singer, place) = SINGERS[0];
    // One run, in its title (a phrase its body named once would wait for
    // another article to hold it: `needs_company`).
    let once = NewArticle {
        title: format!("Cục Nghệ thuật biểu diễn phạt ca sĩ {singer}"),
        paragraphs: vec![Paragraph::text(format!(
            "Ca sĩ {singer} đã hát không phép tại {place} nhiều lần trong năm."
        ))],
        ..fined(singer, place)
    };
    let first = s.import(&once).unwrap().id();
    s.flush_keyword_stats().unwrap();
    // One run: too few to judge, so it is a keyword for now.
    assert!(
        names(&s, first).contains(&"Cục Nghệ thuật".to_string()),
        "{:?}",
        names(&s, first)
    );
    drop(s);
    assert_eq!(next_row(&db, "cục nghệ thuật").0, 1);
    // Another import, another process: the store now knows, and the first
    // article loses the keyword too.
    let mut s = Store::open(&db).unwrap();
    for (singer, place) in &SINGERS[1..] {
        s.import(&fined(singer, place)).unwrap();
    }
    s.flush_keyword_stats().unwrap();
    assert!(
        !names(&s, first).contains(&"Cục Nghệ thuật".to_string()),
        "{:?}",
        names(&s, first)
    );
    assert!(!in_sidebar(&s, "Cục Nghệ thuật"));
    // Its other keywords stay.
    assert!(!names(&s, first).is_empty());
}

#[test]
fn a_phrase_followed_by_many_words_stays_a_keyword() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let mut s = Store::open(&db).unwrap();
    let verbs = ["yêu cầu", "đề nghị", "kiểm tra", "xử phạt"];
    let ids: Vec<ArticleId> = SINGERS
        .iter()
        .zip(verbs)
        .map(|((singer, place), verb)| {
            let a = NewArticle {
                title: format!("Ca sĩ {singer} bị phạt vì hát ở {place}"),
                url: Some(format!("https://example.vn/{singer}")),
                paragraphs: vec![Paragraph::text(format!(
                    "Cục Nghệ thuật {verb} ca sĩ {singer} dừng biểu diễn tại {place}. Cục Nghệ thuật {verb} ban tổ chức nộp phạt."
                ))],
                ..Default::default()
            };
            s.import(&a).unwrap().id()
        })
        .collect();
    s.flush_keyword_stats().unwrap();
    let with = ids
        .iter()
        .filter(|&&id| names(&s, id).contains(&"Cục Nghệ thuật".to_string()))
        .count();
    assert_eq!(
        with,
        ids.len(),
        "{:?}",
        ids.iter().map(|&id| names(&s, id)).collect::<Vec<_>>()
    );
    assert!(in_sidebar(&s, "Cục Nghệ thuật"));
    drop(s);
    let (runs, _, votes) = next_row(&db, "cục nghệ thuật");
    assert_eq!(runs, 8);
    assert!(votes * 5 < runs * 3, "no word leads: {votes} of {runs}");
}

#[test]
fn a_recount_takes_it_off_a_store_an_older_docbao_made() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let (s, ids) = all_fined(&db);
    drop(s);
    // As a docbao before schema 24 left it: the keyword linked, no counts
    // of what follows.
    link_as_older_docbao(
        &db,
        ids[0],
        "Cục Nghệ thuật",
        "UPDATE phrase_df SET runs = 0, word = 0, votes = 0;",
    );
    let mut s = Store::open(&db).unwrap();
    assert!(names(&s, ids[0]).contains(&"Cục Nghệ thuật".to_string()));
    // `docbao doctor` recounts.
    s.rebuild_keyword_stats().unwrap();
    assert!(
        !names(&s, ids[0]).contains(&"Cục Nghệ thuật".to_string()),
        "{:?}",
        names(&s, ids[0])
    );
    assert!(!in_sidebar(&s, "Cục Nghệ thuật"));
    drop(s);
    assert_eq!(next_row(&db, "cục nghệ thuật").0, 8);
}

#[test]
fn a_keyword_waiting_for_company_is_not_linked_to_a_phrase_that_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let mut s = Store::open(&db).unwrap();
    // Named once, whole at its clause's end: it waits for two others.
    let once = s
        .import(&NewArticle {
            title: "Ca sĩ Mỹ Tâm mở liveshow ở Hà Nội".into(),
            url: Some("https://example.vn/my-tam".into()),
            paragraphs: vec![Paragraph::text(
                "Ca sĩ Mỹ Tâm đã được cấp phép biểu diễn bởi Cục Nghệ thuật. \
                 Liveshow diễn ra vào tối thứ bảy tuần này tại Hà Nội.",
            )],
            ..Default::default()
        })
        .unwrap()
        .id();
    s.flush_keyword_stats().unwrap();
    let waited: i64 = rusqlite::Connection::open(&db)
        .unwrap()
        .query_row(
            "SELECT count(*) FROM waiting_keywords WHERE article_id = ?1 AND key = 'cục nghệ thuật'",
            [once.0],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(waited, 1, "{:?}", names(&s, once));
    drop(s);
    // Four more hold it, and every one of their runs goes on with "biểu
    // diễn": the company came, but the phrase is no keyword.
    let (s, _) = all_fined(&db);
    let kws = names(&s, once);
    assert!(!kws.iter().any(|k| k == "Cục Nghệ thuật"), "{kws:?}");
    assert!(!in_sidebar(&s, "Cục Nghệ thuật"));
}
