//! How long does wrapping the Dân trí corpus take?
//!
//! ```sh
//! cargo run --release --example wrap_speed [-- CORPUS.jsonl.gz [RUNS]]
//! ```
//!
//! Reads every body paragraph (`body`, or `paragraphs`) of the JSON-lines
//! corpus (default `../shared/corpus/dantri-2653.jsonl.gz`), cleans it with
//! `text::clean` (not timed), then times wrapping all of them with
//! `wrap_line_using` at widths 40 and 80, first fit then optimal fit, `RUNS`
//! times each (default 7), and prints the median, the minimum and the
//! maximum; then how many paragraphs optimal fit wraps differently.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use docbao::text::clean;
use docbao::text::wrap::{WrapAlgorithm, wrap_line_using};

fn paragraphs(path: &PathBuf) -> Result<Vec<String>> {
    let file = std::fs::File::open(path).with_context(|| format!("open {}", path.display()))?;
    let mut out = Vec::new();
    for line in BufReader::new(flate2::read::GzDecoder::new(file)).lines() {
        let line = line.context("gzip / UTF-8")?;
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value = serde_json::from_str(&line).context("JSON line")?;
        let list = v["body"].as_array().or_else(|| v["paragraphs"].as_array());
        for p in list.into_iter().flatten() {
            // A paragraph is a string or an object with a `text` field.
            let text = p.as_str().or_else(|| p["text"].as_str());
            out.extend(text.map(clean));
        }
    }
    Ok(out)
}

fn main() -> Result<()> {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("../shared/corpus/dantri-2653.jsonl.gz"));
    let runs: usize = match args.next() {
        Some(r) => r.parse().context("RUNS must be a number")?,
        None => 7,
    };
    let paras = paragraphs(&path)?;
    let bytes: usize = paras.iter().map(String::len).sum();
    println!("{} paragraphs, {} bytes", paras.len(), bytes);
    for (algo, width) in [
        (WrapAlgorithm::FirstFit, 40),
        (WrapAlgorithm::FirstFit, 80),
        (WrapAlgorithm::OptimalFit, 40),
        (WrapAlgorithm::OptimalFit, 80),
    ] {
        let mut times: Vec<Duration> = Vec::with_capacity(runs);
        let mut lines = 0;
        for _ in 0..runs.max(1) {
            let t = Instant::now();
            lines = 0;
            for p in &paras {
                lines += std::hint::black_box(wrap_line_using(p, width, algo)).len();
            }
            times.push(t.elapsed());
        }
        times.sort();
        println!(
            "{algo:?} width {width}: {lines} lines, median {:.2} ms (min {:.2}, max {:.2}, {} runs)",
            ms(times[times.len() / 2]),
            ms(times[0]),
            ms(times[times.len() - 1]),
            times.len()
        );
    }
    // How often optimal fit chooses other lines than first fit (not timed).
    for width in [40, 80] {
        let differ = paras
            .iter()
            .filter(|p| {
                wrap_line_using(p, width, WrapAlgorithm::OptimalFit)
                    != wrap_line_using(p, width, WrapAlgorithm::FirstFit)
            })
            .count();
        println!("width {width}: optimal fit differs from first fit in {differ} paragraphs");
    }
    Ok(())
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}
