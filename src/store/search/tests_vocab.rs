//! The search vocabulary's counts an import leaves to its end.

use super::tests::{art, vocab_contents};
use crate::model::NewArticle;
use crate::store::Store;

#[test]
fn vocabulary_counts_left_to_the_end_of_an_import_add_up_as_written_at_once() {
    // Two stores, the same articles in three batches: one flushes the
    // counts after each batch, the other once at the end; and a reindex
    // counts them from scratch. All three agree.
    let articles: Vec<NewArticle> = (0..9)
        .map(|i| {
            art(
                &format!("Tin số {i} về Đồng Nai và Hà Nội"),
                &format!("https://a.vn/v{i}"),
                "2024-01-02T00:00:00+07:00",
                &["Người dân Đồng Nai đón Tết.", "Hà Nội mưa rét."],
            )
        })
        .collect();
    let mut each = Store::open_in_memory().unwrap();
    let mut end = Store::open_in_memory().unwrap();
    for chunk in articles.chunks(3) {
        each.import_batch(chunk).unwrap();
        each.flush_keyword_stats().unwrap();
        end.import_batch(chunk).unwrap();
    }
    end.flush_keyword_stats().unwrap();
    let counted = vocab_contents(&each);
    assert_eq!(vocab_contents(&end), counted);
    let n: i64 = end
        .conn
        .query_row(
            "SELECT n FROM search_vocab WHERE folded = 'nai' AND exact = 'nai'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(n, 9, "one per article");
    end.conn
        .execute_batch(
            "DELETE FROM article_search; DELETE FROM search_vocab;
             INSERT INTO search_reindex (id) SELECT id FROM articles;",
        )
        .unwrap();
    end.reindex_pending(|_, _| {}).unwrap();
    assert_eq!(vocab_contents(&end), counted);
}
