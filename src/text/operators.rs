//! A search engine's operators typed in a query, which docbao's search
//! does not have (the query syntax is in `search`).

/// A search engine's operator typed (`OR`, `AND`, `NOT` as words in
/// capitals, `|` or `&&` anywhere), which docbao reads as a word or a
/// separator: what the command line and the reader say of it (a review's
/// find: "Hà Nội OR Hải Phòng" found nothing, with no word why).
pub fn operator_typed(query: &str) -> Option<&'static str> {
    let word = query.split_whitespace().find_map(|w| match w {
        "OR" => Some("OR"),
        "AND" => Some("AND"),
        "NOT" => Some("NOT"),
        _ => None,
    });
    word.or_else(|| ["|", "&&"].into_iter().find(|s| query.contains(s)))
}

#[cfg(test)]
mod tests {
    use super::operator_typed;

    #[test]
    fn operators_typed_are_found_words_in_capitals_signs_anywhere() {
        assert_eq!(operator_typed("Hà Nội OR Hải Phòng"), Some("OR"));
        assert_eq!(operator_typed("a NOT b | c"), Some("NOT"));
        assert_eq!(operator_typed("Hà Nội|Hải Phòng"), Some("|"));
        assert_eq!(operator_typed("a && b"), Some("&&"));
        assert_eq!(operator_typed("dân vận or"), None);
        assert_eq!(operator_typed("ORANGE NOTE"), None);
    }
}
