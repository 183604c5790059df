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
