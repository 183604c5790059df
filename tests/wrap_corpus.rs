//! Wrap every paragraph (title, sapo, each body paragraph) of the 2,653
//! Dân trí articles in `tests/fixtures/dantri-2653.jsonl.gz`, after
//! `text::clean`, at every width from 20 to 120, and check the wrapper's
//! rules on each result:
//!
//! - every line fits (`UnicodeWidthStr::width(line) <= width`);
//! - the lines are consecutive pieces of the paragraph, each break at a space
//!   or inside a word; with no word wider than the width (and no wide glyph)
//!   the lines joined with " " are exactly the paragraph, otherwise the
//!   non-whitespace character sequences are equal;
//! - a word is split only when it alone is wider than the width (or next to
//!   a wide glyph, where UAX #14 allows a break), never inside a grapheme
//!   cluster.
//!
//! Paragraphs are spread over the available cores.

use std::io::{BufRead, BufReader};
use std::path::Path;

use docbao::text::{clean, wrap_line};
use flate2::read::GzDecoder;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

const WIDTHS: std::ops::RangeInclusive<usize> = 20..=120;

/// Every title, sapo and body paragraph of every article, as stored in the
/// fixture (not cleaned yet: the workers clean them in parallel).
fn raw_paragraphs() -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/dantri-2653.jsonl.gz");
    let file = std::fs::File::open(&path).expect("fixture present");
    let mut out = Vec::new();
    let mut articles = 0;
    for line in BufReader::new(GzDecoder::new(file)).lines() {
        let line = line.expect("valid gzip / UTF-8");
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value = serde_json::from_str(&line).expect("valid JSON line");
        articles += 1;
        for key in ["title", "sapo"] {
            out.extend(v[key].as_str().map(str::to_string));
        }
        for p in v["body"].as_array().into_iter().flatten() {
            out.extend(p.as_str().map(str::to_string));
        }
    }
    assert_eq!(articles, 2653);
    out
}

/// Whether any grapheme cluster is two columns or wider (CJK, emoji…).
fn has_wide_cluster(p: &str) -> bool {
    // Every wide cluster holds a char from U+1100 up; skip the segmentation
    // for the usual Vietnamese paragraph, whose chars above that are only
    // Latin Extended Additional and general punctuation.
    let candidate = p.chars().any(|c| {
        let c = c as u32;
        c >= 0x1100 && !(0x1E00..=0x1EFF).contains(&c) && !(0x2000..=0x206F).contains(&c)
    });
    candidate && p.graphemes(true).any(|g| g.width() >= 2)
}

/// Everything checked for one paragraph at all widths; returns the number of
/// wraps done.
///
/// Line widths are measured independently of the wrapper, with
/// `UnicodeWidthStr::width`: each word once per paragraph (a space resets
/// every width rule, so a line of whole words is as wide as its words plus
/// its spaces), and any piece of a broken word on its own.
fn check_paragraph(p: &str) -> usize {
    // (start, end, width) of each word
    let mut words = Vec::new();
    let mut start = 0;
    for w in p.split(' ') {
        assert!(!w.is_empty(), "clean collapses and trims spaces");
        words.push((start, start + w.len(), w.width()));
        start += w.len() + 1;
    }
    let max_word = words.iter().map(|w| w.2).max().unwrap_or(0);
    let has_wide = has_wide_cluster(p);
    let no_ws: String = p.chars().filter(|c| !c.is_whitespace()).collect();
    let mut n = 0;
    for width in WIDTHS {
        let lines = wrap_line(p, width);
        n += 1;
        let mut pos = 0;
        let mut wi = 0; // first word that ends after `pos`
        for line in &lines {
            assert!(
                p[pos..].starts_with(line.as_str()),
                "at width {width}, line {line:?} is not the next piece of {p:?}"
            );
            let end = pos + line.len();
            // Width of p[pos..end], word by word.
            let mut lw = 0;
            let mut k = wi;
            while k < words.len() && words[k].0 < end {
                let (ws, we, ww) = words[k];
                lw += if ws >= pos && we <= end {
                    ww
                } else {
                    p[if ws < pos { pos } else { ws }..if we > end { end } else { we }].width()
                };
                if k > wi {
                    lw += 1;
                }
                k += 1;
            }
            if width == *WIDTHS.start() {
                // The word-by-word sum is the line's own width.
                assert_eq!(lw, line.width(), "{line:?}");
            }
            assert!(lw <= width, "{lw} > {width}: {line:?}\nin {p:?}");
            pos = end;
            wi = if k > 0 && words[k - 1].1 > end {
                k - 1
            } else {
                k
            };
            if pos < p.len() {
                if p.as_bytes()[pos] == b' ' {
                    pos += 1;
                } else {
                    check_mid_word(p, pos, width);
                }
            }
        }
        assert_eq!(pos, p.len(), "text lost at the end, width {width}: {p:?}");
        if max_word <= width && !has_wide {
            assert_eq!(lines.join(" "), p, "width {width}");
        } else {
            let got: String = lines
                .concat()
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect();
            assert_eq!(got, no_ws, "width {width}");
        }
    }
    n
}

fn check_mid_word(p: &str, pos: usize, width: usize) {
    let ws = p[..pos].rfind(' ').map_or(0, |i| i + 1);
    let we = p[pos..].find(' ').map_or(p.len(), |i| pos + i);
    let word = &p[ws..we];
    let rel = pos - ws;
    assert!(
        word.grapheme_indices(true).any(|(i, _)| i == rel),
        "break inside a grapheme cluster of {word:?}"
    );
    let before = word[..rel].graphemes(true).next_back().unwrap_or("");
    let after = word[rel..].graphemes(true).next().unwrap_or("");
    assert!(
        word.width() > width || before.width() >= 2 || after.width() >= 2,
        "word {word:?} ({} columns) split at width {width}",
        word.width()
    );
}

#[test]
fn every_paragraph_at_every_width() {
    let started = std::time::Instant::now();
    let raw = raw_paragraphs();
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    let chunk = raw.len().div_ceil(threads);
    let (paragraphs, wraps) = std::thread::scope(|s| {
        let handles: Vec<_> = raw
            .chunks(chunk)
            .map(|part| {
                s.spawn(move || {
                    let (mut paragraphs, mut wraps) = (0, 0);
                    for p in part {
                        let p = clean(p);
                        if !p.is_empty() {
                            paragraphs += 1;
                            wraps += check_paragraph(&p);
                        }
                    }
                    (paragraphs, wraps)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap())
            .fold((0, 0), |a, b| (a.0 + b.0, a.1 + b.1))
    });
    eprintln!(
        "{paragraphs} paragraphs, {wraps} wraps checked in {:.1?} on {threads} threads",
        started.elapsed()
    );
    assert!(paragraphs > 40_000);
}
