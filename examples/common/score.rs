//! Word scoring shared by the extraction benchmarks (`html_quality`,
//! `readability_suite`): an article's text as lower-case words (each CJK
//! or Hangul character a word of its own), and the words two texts share.

use std::collections::HashMap;

use docbao::model::NewArticle;

pub fn words(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in s.chars() {
        let cjk = ('\u{2E80}'..='\u{9FFF}').contains(&c)
            || ('\u{F900}'..='\u{FAFF}').contains(&c)
            || ('\u{AC00}'..='\u{D7AF}').contains(&c);
        if cjk || !c.is_alphanumeric() {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur).to_lowercase());
            }
            if cjk {
                out.push(c.to_string());
            }
        } else {
            cur.push(c);
        }
    }
    if !cur.is_empty() {
        out.push(cur.to_lowercase());
    }
    out
}

pub fn body_text(a: &NewArticle) -> String {
    let mut s = a.lead.clone().unwrap_or_default();
    for p in &a.paragraphs {
        s.push('\n');
        // A list item's number is docbao's (the page's is its markup's,
        // `<ol>`): no word of the page's text.
        let text = match p.kind {
            docbao::model::ParagraphKind::Item => {
                &p.text[docbao::text::layout::item_marker(&p.text).len()..]
            }
            _ => p.text.as_str(),
        };
        s.push_str(text);
    }
    s
}

pub fn overlap(expected: &[String], got: &[String]) -> usize {
    let mut bag: HashMap<&str, usize> = HashMap::new();
    for w in expected {
        *bag.entry(w).or_default() += 1;
    }
    got.iter()
        .filter(|w| match bag.get_mut(w.as_str()) {
            Some(n) if *n > 0 => {
                *n -= 1;
                true
            }
            _ => false,
        })
        .count()
}
