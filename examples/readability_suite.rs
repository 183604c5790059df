//! docbao's HTML extraction held against Mozilla Readability's own test suite
//! (the suite is not shipped: `scripts/readability-suite.sh` puts it under
//! `target/readability-suite/`).
//!
//! ```sh
//! scripts/readability-suite.sh            # once: clone and extract the suite
//! cargo run --release --example readability_suite [-- SUITE_DIR] [--pages]
//! ```
//!
//! For every case: refused or not, word precision/recall/F1 of what we extract
//! (lead + paragraphs) against `expected.html` (bags of lower-cased words; a
//! CJK character counts as a word), and whether our title is the expected one
//! (exactly, or the same but for a site suffix such as " | Site" on either
//! side; cases whose expected title is empty are left out of that count).
//! A refused page scores F1 0. "Readable" pages are those the suite's
//! `expected-metadata.json` marks `readerable: true`.

use std::path::PathBuf;

use docbao::ingest::parse_html;

/// Words, lower-cased; each CJK character counts as a word of its own.
#[path = "common/score.rs"]
mod score;
use score::{body_text, overlap, words};

fn norm_title(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
        .replace(['‘', '’'], "'")
        .replace(['“', '”'], "\"")
}

/// `long` is `short` followed by a site suffix (" | Site", " - Site",
/// "_Section_Site", " [Site]", "（Source） - Site", …).
fn with_suffix(long: &str, short: &str) -> bool {
    long.strip_prefix(short).is_some_and(|rest| {
        let rest = rest.trim_start();
        !short.is_empty()
            && [
                "|", "-", "–", "—", "::", ":", "»", "·", "•", "/", "_", "[", "(", "（",
            ]
            .iter()
            .any(|sep| rest.starts_with(sep))
    })
}

fn title_right(ours: &str, expected: &str) -> bool {
    let (a, b) = (norm_title(ours), norm_title(expected));
    a == b || with_suffix(&a, &b) || with_suffix(&b, &a)
}

struct Case {
    name: String,
    readable: bool,
    refused: Option<String>,
    f1: f64,
    precision: f64,
    recall: f64,
    title_ok: bool,
    ours: String,
    expected_title: String,
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let show_pages = args.iter().any(|a| a == "--pages");
    let dir = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("target/readability-suite/test/test-pages"));
    let mut dirs: Vec<PathBuf> = match std::fs::read_dir(&dir) {
        Ok(d) => d
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.is_dir())
            .collect(),
        Err(e) => {
            eprintln!(
                "cannot read the suite at {}: {e} (run scripts/readability-suite.sh first)",
                dir.display()
            );
            std::process::exit(2);
        }
    };
    dirs.sort();
    let mut cases = Vec::new();
    for d in dirs {
        let name = d
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let (Ok(src), Ok(exp), Ok(meta)) = (
            std::fs::read(d.join("source.html")),
            std::fs::read_to_string(d.join("expected.html")),
            std::fs::read_to_string(d.join("expected-metadata.json")),
        ) else {
            eprintln!("{name}: missing files, skipped");
            continue;
        };
        let meta: serde_json::Value = serde_json::from_str(&meta).unwrap_or_default();
        let readable = meta["readerable"].as_bool().unwrap_or(false);
        let expected_title = meta["title"].as_str().unwrap_or("").to_string();
        let expected = words(&dom_query::Document::from(exp.as_str()).text());
        let url = format!("http://fakehost/test/{name}/");
        let mut c = Case {
            name,
            readable,
            refused: None,
            f1: 0.0,
            precision: 0.0,
            recall: 0.0,
            title_ok: false,
            ours: String::new(),
            expected_title,
        };
        match parse_html(&src, None, Some(&url)) {
            Ok(a) => {
                let got = words(&body_text(&a));
                let common = overlap(&expected, &got) as f64;
                c.precision = common / got.len().max(1) as f64;
                c.recall = common / expected.len().max(1) as f64;
                c.f1 = if common > 0.0 {
                    2.0 * c.precision * c.recall / (c.precision + c.recall)
                } else {
                    0.0
                };
                c.title_ok = title_right(&a.title, &c.expected_title);
                c.ours = a.title;
            }
            Err(e) => c.refused = Some(e.to_string()),
        }
        cases.push(c);
    }
    if show_pages {
        println!("| case | readable | F1 | precision | recall | title | ours / expected |");
        println!("|---|---|---|---|---|---|---|");
        for c in &cases {
            let f1 = match &c.refused {
                Some(e) => format!("refused: {e}"),
                None => format!("{:.3}", c.f1),
            };
            let t = if c.title_ok {
                "ok".to_string()
            } else {
                format!("**{:?}** / {:?}", c.ours, c.expected_title)
            };
            println!(
                "| {} | {} | {f1} | {:.3} | {:.3} | {t} | |",
                c.name, c.readable, c.precision, c.recall
            );
        }
        println!();
    }
    println!(
        "| pages | n | refused | mean word F1 | F1 ≥ 0.8 | title right (of pages with an expected title) |"
    );
    println!("|---|---|---|---|---|---|");
    for (label, readable_only) in [("readable", true), ("all", false)] {
        let sel: Vec<&Case> = cases
            .iter()
            .filter(|c| !readable_only || c.readable)
            .collect();
        let n = sel.len().max(1) as f64;
        let refused = sel.iter().filter(|c| c.refused.is_some()).count();
        let mean = sel.iter().map(|c| c.f1).sum::<f64>() / n;
        let good = sel.iter().filter(|c| c.f1 >= 0.8).count();
        // A case whose expected title is empty has nothing to be right against.
        let titled: Vec<&&Case> = sel
            .iter()
            .filter(|c| !c.expected_title.is_empty())
            .collect();
        let titles = titled.iter().filter(|c| c.title_ok).count();
        println!(
            "| {label} | {} | {refused} | {mean:.3} | {good} ({:.1}%) | {titles} of {} ({:.1}%) |",
            sel.len(),
            100.0 * good as f64 / n,
            titled.len(),
            100.0 * titles as f64 / titled.len().max(1) as f64
        );
    }
}
