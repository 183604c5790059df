//! Importing when an article fails: the transaction written again article
//! by article, and the keyword statistics in memory put back exactly.

use super::*;
use crate::model::{ListFilter, NewArticle, NewRelated, Paragraph};

/// A store in memory in which storing an article related to a story
/// titled "boom" fails (also used by `tests`).
pub(super) fn failing_on_boom() -> Store {
    let store = Store::open_in_memory().unwrap();
    store
        .conn
        .execute_batch(
            "CREATE TEMP TRIGGER boom BEFORE INSERT ON related WHEN NEW.title = 'boom'
             BEGIN SELECT RAISE(ABORT, 'boom'); END;",
        )
        .unwrap();
    store
}

fn art(title: &str) -> NewArticle {
    NewArticle {
        title: title.to_string(),
        paragraphs: vec![Paragraph::text("Đoạn một.")],
        ..NewArticle::default()
    }
}

#[test]
fn a_rolled_back_transaction_leaves_the_statistics_as_they_were() {
    // A transaction that committed counted a phrase followed by one word; a
    // later one counted three runs followed by another word, and rolled
    // back: the phrase's vote stays exactly (taking runs back out of a
    // majority vote could only estimate it).
    use crate::text::keywords::{Candidate, Next};
    let mut stats = keywords::KeywordStats::default();
    let phrase = |next: Next| Candidate {
        key: "cục quản lý".to_string(),
        display: "Cục Quản lý".to_string(),
        tf: 1,
        name: true,
        place: false,
        in_title: false,
        len: 3,
        source: false,
        next,
    };
    let committed = keywords::StatsChange {
        add: Some(vec![phrase(Next::one(11))]),
        ..Default::default()
    };
    let rolled_back = keywords::StatsChange {
        add: Some(vec![phrase(Next {
            runs: 3,
            word: 13,
            votes: 3,
        })]),
        ..Default::default()
    };
    stats.begin();
    stats.apply(&committed);
    stats.keep();
    let before = (stats.doc_count(), stats.df("cục quản lý"));
    let only_rolled_back = keywords::StatsChange {
        add: Some(vec![Candidate {
            key: "chợ long biên".to_string(),
            ..phrase(Next::one(5))
        }]),
        ..Default::default()
    };
    stats.begin();
    stats.apply(&rolled_back);
    stats.apply(&only_rolled_back);
    stats.roll_back();
    assert_eq!(
        stats.df("chợ long biên"),
        0,
        "a phrase it alone counted is gone"
    );
    assert_eq!((stats.doc_count(), stats.df("cục quản lý")), before);
    assert_eq!(stats.next("cục quản lý"), Next::one(11));
}

#[test]
fn an_article_that_fails_between_two_is_lost_alone_and_nothing_of_it_is_kept() {
    // A transaction is written without savepoints; the one in which an
    // article fails is rolled back, the keyword statistics with it, and
    // written again with a savepoint each (`import::Mode`): the articles
    // before and after it are stored and indexed, each counted once, and
    // the failed one left nothing behind.
    let mut store = failing_on_boom();
    let with_related = |title: &str, related: &str| NewArticle {
        related: vec![NewRelated {
            title: related.to_string(),
            url: None,
            excerpt: None,
        }],
        ..art(title)
    };
    let results = store
        .import_batch(&[
            with_related("Bão số một đổ bộ", "Bài khác"),
            with_related("Bão số hai đổ bộ", "boom"),
            with_related("Bão số ba đổ bộ", "Bài khác"),
        ])
        .unwrap();
    assert!(results[0].is_ok() && results[2].is_ok(), "{results:?}");
    let failed = results[1].as_ref().map(|_| ()).unwrap_err().to_string();
    assert!(failed.contains("boom"), "{failed}");
    let titles: Vec<String> = store
        .search("bao do bo", &ListFilter::default(), 10)
        .unwrap()
        .into_iter()
        .map(|h| h.title)
        .collect();
    assert_eq!(titles.len(), 2, "{titles:?}");
    assert!(!titles.iter().any(|t| t.contains("hai")), "{titles:?}");
    let count = |table: &str| -> i64 {
        store
            .conn
            .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
            .unwrap()
    };
    assert_eq!(count("articles"), 2, "no row of the failed article is left");
    assert_eq!(count("bodies"), 2, "nor its body");
    let stats = store.stats.as_ref().unwrap();
    assert_eq!(stats.doc_count(), 2, "each stored article counted once");
    // And so on disk, once flushed (the count's change since the last
    // flush put back too).
    store.flush_keyword_stats().unwrap();
    let docs: i64 = store
        .conn
        .query_row("SELECT n FROM phrase_docs WHERE id = 1", [], |r| r.get(0))
        .unwrap();
    assert_eq!(docs, 2);
}
