//! The keywords a store shows, for the store's keyword tests.

use docbao::model::ArticleId;
use docbao::store::Store;

/// An article's keywords, as the reader shows them, in order.
pub fn names(s: &Store, id: ArticleId) -> Vec<String> {
    s.article(id)
        .unwrap()
        .keywords
        .into_iter()
        .map(|k| k.name)
        .collect()
}

/// Is a keyword in the sidebar's list (any article has it)?
pub fn in_sidebar(s: &Store, name: &str) -> bool {
    s.keywords(None).unwrap().iter().any(|(k, _)| k == name)
}

/// Link `name` to article `id` as an auto keyword, as a docbao before a
/// keyword rule left the store at `db` (the store closed meanwhile), with
/// `extra` SQL run after.
pub fn link_as_older_docbao(db: &std::path::Path, id: ArticleId, name: &str, extra: &str) {
    let key = docbao::text::fold::title_key(name);
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.execute_batch(&format!(
        "INSERT OR IGNORE INTO keywords (name, key) VALUES ('{name}', '{key}');
         INSERT INTO article_keywords (article_id, keyword_id, pos, source)
             SELECT {}, id, 9, 'auto' FROM keywords WHERE key = '{key}';
         UPDATE keywords SET article_count = (SELECT count(*) FROM article_keywords ak
             WHERE ak.keyword_id = keywords.id) WHERE key = '{key}';
         {extra}",
        id.0
    ))
    .unwrap();
}
