//! How good are the auto keywords? Compared with what the corpus pages say.
//!
//! ```sh
//! cargo run --release --example keyword_quality [-- ../shared/corpus]
//! ```
//!
//! (a) DANeS (`danes-2032.jsonl`): headline + description, with broad topic
//!     labels ("Công nghệ", "Giao thông"). A label is not a keyword, so the
//!     figure is how often a label or one of its words shows up among the
//!     auto keywords, plus a sample to read.
//! (b) The saved HTML pages (`html/*.html`): the tag block of each page
//!     ("Từ khóa", "TAG:", `class="tags"` …) against the auto keywords of
//!     the page text (tags stripped), precision and recall under
//!     `title_key` folding, exact and partial (one contains the other, on
//!     whole syllables).
//!
//! Document frequencies come from the Dân trí 2,653 set plus the texts
//! under test, as a store that has imported them would have.

use std::collections::BTreeSet;
use std::io::Read;
use std::path::{Path, PathBuf};

use docbao::ingest::jsonl::jsonl_records;
use docbao::model::{NewArticle, Paragraph};
use docbao::text::clean;
use docbao::text::fold::title_key;
use docbao::text::keywords::{DEFAULT_MAX, Extractor, candidates};
use docbao::text::marks::restore_marks;

fn main() {
    let corpus = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("../shared/corpus"));
    let mut ex = Extractor::new();
    let mut gz = flate2::read::GzDecoder::new(
        std::fs::File::open(corpus.join("dantri-2653.jsonl.gz")).expect("dantri-2653.jsonl.gz"),
    );
    let mut text = String::new();
    gz.read_to_string(&mut text).expect("gzip");
    for a in jsonl_records(&text).flatten() {
        ex.add_document(&candidates(&a));
    }
    danes(&corpus, ex.clone());
    html(&corpus, ex);
}

fn words(s: &str) -> Vec<String> {
    title_key(s).split(' ').map(str::to_string).collect()
}

/// `inner`'s syllables appear in a row in `outer`'s.
fn contains(outer: &str, inner: &str) -> bool {
    let (o, i) = (words(outer), words(inner));
    !i.is_empty() && o.windows(i.len()).any(|w| w == i.as_slice())
}

fn danes(corpus: &Path, mut ex: Extractor) {
    let text = std::fs::read_to_string(corpus.join("danes-2032.jsonl")).expect("danes");
    let mut rows: Vec<(NewArticle, Vec<String>)> = Vec::new();
    for line in text.lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("json");
        let topics: Vec<String> = v["topics"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|t| t.as_str().map(String::from))
                    .collect()
            })
            .unwrap_or_default();
        let a = NewArticle {
            title: clean(v["title"].as_str().unwrap_or("")),
            paragraphs: vec![Paragraph::text(clean(
                v["description"].as_str().unwrap_or(""),
            ))],
            ..Default::default()
        };
        rows.push((a, topics));
    }
    for (a, _) in &rows {
        ex.add_document(&candidates(a));
    }
    let (mut with_kw, mut n_kw, mut hit_label, mut hit_word) = (0, 0, 0, 0);
    let mut samples = Vec::new();
    for (i, (a, topics)) in rows.iter().enumerate() {
        let kws = ex.extract(a, DEFAULT_MAX);
        n_kw += kws.len();
        with_kw += usize::from(!kws.is_empty());
        let label = topics
            .iter()
            .any(|t| kws.iter().any(|k| contains(k, t) || contains(t, k)));
        let word = topics.iter().any(|t| {
            words(t)
                .iter()
                .any(|w| kws.iter().any(|k| words(k).contains(w)))
        });
        hit_label += usize::from(label);
        hit_word += usize::from(word);
        if i % 400 == 0 {
            samples.push(format!(
                "  {:?}\n    topics {:?}\n    auto   {:?}",
                a.title, topics, kws
            ));
        }
    }
    let n = rows.len();
    println!("## DANeS: {n} headlines + descriptions");
    println!(
        "articles with ≥1 auto keyword: {with_kw} ({:.1} %), {:.2} keywords/article",
        100.0 * with_kw as f64 / n as f64,
        n_kw as f64 / n as f64
    );
    println!(
        "a topic label inside/around an auto keyword: {hit_label} ({:.1} %); a topic word in one: {hit_word} ({:.1} %)",
        100.0 * hit_label as f64 / n as f64,
        100.0 * hit_word as f64 / n as f64
    );
    println!("samples:\n{}", samples.join("\n"));
}

const MARKERS: [&str; 6] = [
    "class=\"tags\"",
    "class='tags'",
    "class=\"tag-parent\"",
    "tags123",
    "baiviet-tags",
    "từ khóa:",
];

/// Where the tag block starts: the article body is before it, site
/// boilerplate after it.
fn tag_block_start(lower: &str) -> Option<usize> {
    MARKERS.iter().filter_map(|m| lower.find(m)).min()
}

/// The text of the first tag block of a page: link texts after a marker.
fn page_tags(html: &str) -> Vec<String> {
    let lower = html.to_lowercase();
    let Some(start) = tag_block_start(&lower) else {
        return Vec::new();
    };
    // The block ends at the first closing div after the marker.
    let end = lower[start..]
        .find("</div>")
        .map_or(html.len(), |e| start + e);
    let block = &html[start..end];
    let mut tags = Vec::new();
    let mut rest = block;
    while let Some(a) = rest.find("<a ") {
        let after = &rest[a..];
        let Some(gt) = after.find('>') else { break };
        let Some(close) = after.find("</a>") else {
            break;
        };
        let t = clean(&decode(&strip_tags(&after[gt + 1..close])));
        if !t.is_empty() {
            tags.push(t);
        }
        rest = &after[close + 4..];
    }
    tags
}

fn strip_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// Enough entity decoding for these pages: numeric ones and a few names.
fn decode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let after = &rest[i..];
        let Some(semi) = after.find(';').filter(|&k| k < 10) else {
            out.push('&');
            rest = &after[1..];
            continue;
        };
        let ent = &after[1..semi];
        let c = if let Some(num) = ent.strip_prefix('#') {
            let n = num
                .strip_prefix(['x', 'X'])
                .map_or_else(|| num.parse().ok(), |h| u32::from_str_radix(h, 16).ok());
            n.and_then(char::from_u32)
        } else {
            match ent {
                "nbsp" => Some(' '),
                "amp" => Some('&'),
                "quot" => Some('"'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                _ => None,
            }
        };
        match c {
            Some(c) => out.push(c),
            None => out.push_str(&after[..=semi]),
        }
        rest = &after[semi + 1..];
    }
    out.push_str(rest);
    out
}

/// Rough page text: the title, then the paragraphs (`<p>` blocks) before
/// the tag block.
fn page_article(html: &str) -> NewArticle {
    let lower = html.to_lowercase();
    let title = lower
        .find("<title>")
        .and_then(|s| lower[s..].find("</title>").map(|e| &html[s + 7..s + e]))
        .map(|t| clean(&decode(t)))
        // The site's name after the headline ("… - VnExpress") is not news.
        .map(|t| {
            t.rsplit_once(" - ")
                .or_else(|| t.rsplit_once(" | "))
                .map_or(t.clone(), |(head, _)| head.to_string())
        })
        .unwrap_or_default();
    // Scripts and styles out, then every <p> (any case) as a paragraph.
    let mut paragraphs = Vec::new();
    let end = tag_block_start(&lower).unwrap_or(lower.len());
    let (html, lower) = (&html[..end], &lower[..end]);
    let mut i = 0;
    while let Some(p) = lower[i..].find("<p") {
        let s = i + p;
        let Some(e) = lower[s..].find("</p>") else {
            break;
        };
        let inner = &html[s..s + e];
        let t = clean(&decode(&strip_tags(inner)));
        if t.split(' ').count() >= 8 && !t.contains("function(") && !t.contains("var ") {
            paragraphs.push(Paragraph::text(t));
        }
        i = s + e + 4;
    }
    NewArticle {
        title,
        paragraphs,
        ..Default::default()
    }
}

fn html(corpus: &Path, mut ex: Extractor) {
    let mut pages: Vec<(String, NewArticle, Vec<String>)> = Vec::new();
    let mut names: Vec<PathBuf> = std::fs::read_dir(corpus.join("html"))
        .expect("html dir")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "html"))
        .collect();
    names.sort();
    for path in names {
        let raw = std::fs::read_to_string(&path).expect("utf-8 page");
        let tags = page_tags(&raw);
        let a = page_article(&raw);
        ex.add_document(&candidates(&a));
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        pages.push((name, a, tags));
    }
    for restore in [false, true] {
        score_pages(&pages, &ex, restore);
    }
}

/// Precision and recall of the auto keywords against the tags; `restore`:
/// tags written without marks (24h's slugs) first given the marks the
/// page's text writes them with, as import does (issue 15).
fn score_pages(pages: &[(String, NewArticle, Vec<String>)], ex: &Extractor, restore: bool) {
    if restore {
        println!(
            "\n## HTML pages: tag block (slugs given their marks) vs auto keywords (max {DEFAULT_MAX})"
        );
    } else {
        println!("\n## HTML pages: tag block vs auto keywords (max {DEFAULT_MAX})");
    }
    let (mut tp_exact, mut tp_part, mut n_auto, mut n_tags) = (0, 0, 0, 0);
    let (mut found_exact, mut found_part) = (0, 0);
    for (name, a, tags) in pages {
        let tags: Vec<String> = if restore {
            let texts: Vec<&str> = std::iter::once(a.title.as_str())
                .chain(a.paragraphs.iter().map(|p| p.text.as_str()))
                .collect();
            tags.iter()
                .map(|t| restore_marks(t, texts.iter().copied()).unwrap_or_else(|| t.clone()))
                .collect()
        } else {
            tags.clone()
        };
        let tags = &tags;
        if tags.is_empty() {
            println!("{name}: no tag block");
            continue;
        }
        let kws = ex.extract(a, DEFAULT_MAX);
        let tag_keys: BTreeSet<String> = tags.iter().map(|t| title_key(t)).collect();
        let exact = kws
            .iter()
            .filter(|k| tag_keys.contains(&title_key(k)))
            .count();
        let part = kws
            .iter()
            .filter(|k| tags.iter().any(|t| contains(k, t) || contains(t, k)))
            .count();
        let fe = tags
            .iter()
            .filter(|t| kws.iter().any(|k| title_key(k) == title_key(t)))
            .count();
        let fp = tags
            .iter()
            .filter(|t| kws.iter().any(|k| contains(k, t) || contains(t, k)))
            .count();
        tp_exact += exact;
        tp_part += part;
        found_exact += fe;
        found_part += fp;
        n_auto += kws.len();
        n_tags += tags.len();
        println!(
            "{name}: {} paragraphs\n  tags {:?}\n  auto {:?}\n  exact {exact}, partial {part}",
            a.paragraphs.len(),
            tags,
            kws
        );
    }
    let pct = |a: usize, b: usize| {
        if b == 0 {
            0.0
        } else {
            100.0 * a as f64 / b as f64
        }
    };
    println!(
        "precision: exact {tp_exact}/{n_auto} ({:.0} %), partial {tp_part}/{n_auto} ({:.0} %)",
        pct(tp_exact, n_auto),
        pct(tp_part, n_auto)
    );
    println!(
        "recall:    exact {found_exact}/{n_tags} ({:.0} %), partial {found_part}/{n_tags} ({:.0} %)",
        pct(found_exact, n_tags),
        pct(found_part, n_tags)
    );
}
