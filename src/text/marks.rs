//! Marks given back to a keyword written without them (issue 15): 24h's
//! tags are URL slugs, "lo luyen thi" for "lò luyện thi".

use std::collections::HashMap;

use super::syllables::for_each_syllable;

/// A keyword written in lower-case ASCII letters only ("lo luyen thi",
/// "lo-luyen-thi"), given the marks of its most frequent marked spelling in
/// `texts` (syllables compared without marks, in a row): `None` when it is
/// not such a slug or the texts never write it with marks, or write it
/// without them as often as with their most frequent marked spelling
/// ("xe container" eight times and "tài xế container" once is "xe
/// container", not "xế container"). The spelling is lower case unless every
/// occurrence of it is capitalised ("Hà Nội").
pub fn restore_marks<'t>(
    keyword: &str,
    texts: impl IntoIterator<Item = &'t str>,
) -> Option<String> {
    if keyword.is_empty()
        || !keyword
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b == b' ' || b == b'-')
    {
        return None;
    }
    let want: Vec<&str> = keyword
        .split([' ', '-'])
        .filter(|s| !s.is_empty())
        .collect();
    if want.is_empty() {
        return None;
    }
    // Spelling (lower case) → (count, count capitalised).
    let mut found: HashMap<String, (u32, u32)> = HashMap::new();
    // Occurrences written as the keyword is, without marks.
    let mut plain = 0u32;
    for text in texts {
        let mut window: Vec<(String, String, bool)> = Vec::with_capacity(want.len());
        for_each_syllable(text, |s| {
            let cap = text[s.range.clone()]
                .chars()
                .next()
                .is_some_and(char::is_uppercase);
            if window.len() == want.len() {
                window.remove(0);
            }
            window.push((s.exact.to_string(), s.folded.to_string(), cap));
            if window.len() == want.len() && window.iter().zip(&want).all(|(w, k)| w.1 == *k) {
                if window.iter().all(|w| w.0 == w.1) {
                    plain += 1;
                    return true;
                }
                let spelling = window
                    .iter()
                    .map(|w| w.0.as_str())
                    .collect::<Vec<_>>()
                    .join(" ");
                let e = found.entry(spelling).or_default();
                e.0 += 1;
                e.1 += u32::from(window.iter().all(|w| w.2));
            }
            true
        });
    }
    let (spelling, (n, caps)) = found
        .into_iter()
        .max_by(|a, b| a.1.0.cmp(&b.1.0).then_with(|| b.0.cmp(&a.0)))?;
    (n > plain).then(|| capitalised(&spelling, caps == n))
}

/// The spelling, capitalised on every syllable when `caps`.
fn capitalised(spelling: &str, caps: bool) -> String {
    if !caps {
        return spelling.to_string();
    }
    spelling
        .split(' ')
        .map(|s| {
            let mut c = s.chars();
            match c.next() {
                Some(f) => f.to_uppercase().chain(c).collect::<String>(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slug_gets_the_marks_the_text_writes() {
        let texts = [
            "Lò luyện thi công chức mọc lên.",
            "Nhiều lò luyện thi đóng cửa; lò luyện thi khác vẫn mở.",
        ];
        assert_eq!(
            restore_marks("lo luyen thi", texts).as_deref(),
            Some("lò luyện thi")
        );
        assert_eq!(
            restore_marks("lo-luyen-thi", texts).as_deref(),
            Some("lò luyện thi")
        );
        assert_eq!(
            restore_marks("ha noi", ["Về Hà Nội, ở Hà Nội."]).as_deref(),
            Some("Hà Nội")
        );
        // Not a slug, or never written with marks: left alone.
        assert_eq!(restore_marks("Lò luyện thi", texts), None);
        assert_eq!(restore_marks("apple", ["Apple ra mắt"]), None);
        assert_eq!(restore_marks("tin tuc", texts), None);
        assert_eq!(restore_marks("", texts), None);
    }

    /// A tester's export and re-import turned "xe container" into "xế
    /// container": the article wrote "xe container" eight times and "tài xế
    /// container" once. A keyword the text writes as it is, as often as
    /// any marked spelling, is already right.
    #[test]
    fn a_keyword_the_text_writes_without_marks_keeps_its_spelling() {
        let text = [
            "Xe container đánh võng. Chiếc xe container chạy nhanh, người đi đường tránh xe container.",
            "Cơ quan chức năng đã mời tài xế container lên làm việc.",
        ];
        assert_eq!(restore_marks("xe container", text), None);
        // A tie is the keyword as given; more marked than not, the marks.
        assert_eq!(restore_marks("ca dao", ["ca dao và ca dạo"]), None);
        assert_eq!(
            restore_marks("ca dao", ["ca dao, ca dao tục ngữ, ca dao"]),
            None
        );
        assert_eq!(
            restore_marks("lo luyen thi", ["lò luyện thi, lò luyện thi, lo luyen thi"]).as_deref(),
            Some("lò luyện thi")
        );
    }
}
