//! Related stories on the Dân trí 2,653 set (issue 15): the share of
//! computed related stories in the article's own section (the first part of
//! its URL's path: "kinh-doanh", "the-thao" …, 10 sections), and the share
//! of articles that get at least one. Reads `../shared/corpus/` when
//! present (or `$DOCBAO_CORPUS`); a measurement, not a CI test:
//!
//! ```sh
//! cargo test --release --test related_quality -- --ignored --nocapture
//! ```

use std::collections::HashMap;
use std::io::Read;
use std::path::PathBuf;
use std::time::Instant;

use docbao::ingest::jsonl_records;
use docbao::model::{ArticleId, RelatedSource};
use docbao::store::{RELATED_WANTED, Store};

fn section(url: &str) -> String {
    url.split('/').nth(3).unwrap_or("").to_string()
}

#[test]
#[ignore = "measurement: reads ../shared/corpus when present"]
fn related_stories_stay_in_their_section() {
    // `DOCBAO_CORPUS` when the corpus is elsewhere (a worktree).
    let corpus = std::env::var_os("DOCBAO_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"));
    let path = corpus.join("dantri-2653.jsonl.gz");
    let Ok(file) = std::fs::File::open(&path) else {
        eprintln!("{} not found: nothing measured", path.display());
        return;
    };
    let mut text = String::new();
    flate2::read::GzDecoder::new(file)
        .read_to_string(&mut text)
        .expect("gzip");
    let articles: Vec<_> = jsonl_records(&text).flatten().collect();
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(&dir.path().join("r.db")).expect("store");
    let mut ids: Vec<(ArticleId, String)> = Vec::new();
    for chunk in articles.chunks(500) {
        let out = store.import_batch(chunk).expect("import");
        for (a, r) in chunk.iter().zip(out) {
            if let (Ok(o), Some(url)) = (r, &a.url) {
                ids.push((o.id(), section(url)));
            }
        }
    }
    store.flush_keyword_stats().expect("stats");
    let sections: HashMap<ArticleId, String> = ids.iter().cloned().collect();
    let (mut total, mut same, mut with_one) = (0usize, 0usize, 0usize);
    let mut times = Vec::new();
    for (id, sec) in &ids {
        let t = Instant::now();
        store.ensure_computed_related(*id).expect("related");
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        let a = store.article(*id).expect("article");
        let computed: Vec<ArticleId> = a
            .related
            .iter()
            .filter(|r| r.source == RelatedSource::Computed)
            .filter_map(|r| r.article_id)
            .collect();
        with_one += usize::from(!computed.is_empty());
        total += computed.len();
        same += computed
            .iter()
            .filter(|c| sections.get(c) == Some(sec))
            .count();
    }
    times.sort_by(f64::total_cmp);
    // The same with other floors (the page's own related stories: none here).
    let scores: Vec<Vec<(ArticleId, f64)>> = ids
        .iter()
        .map(|(id, _)| store.related_scores(*id).expect("scores"))
        .collect();
    println!("floor  related/article  own section  with at least one");
    for floor in [0.0, 0.05, 0.1, 0.15, 0.16, 0.17, 0.2, 0.25, 0.3, 0.4] {
        let (mut t, mut s, mut w) = (0usize, 0usize, 0usize);
        for ((_, sec), sc) in ids.iter().zip(&scores) {
            let kept: Vec<&ArticleId> = sc
                .iter()
                .filter(|(_, sim)| *sim >= floor)
                .take(RELATED_WANTED)
                .map(|(c, _)| c)
                .collect();
            t += kept.len();
            w += usize::from(!kept.is_empty());
            s += kept.iter().filter(|c| sections.get(c) == Some(sec)).count();
        }
        println!(
            "{floor:>5.2}  {:>15.2}  {:>10.1}%  {:>16.1}%",
            t as f64 / ids.len() as f64,
            100.0 * s as f64 / t.max(1) as f64,
            100.0 * w as f64 / ids.len() as f64
        );
    }
    println!(
        "{} articles; {} computed related stories, {:.1} an article; in the article's own section: {} ({:.1}%); articles with at least one: {} ({:.1}%); computing them: median {:.2} ms, p95 {:.2} ms",
        ids.len(),
        total,
        total as f64 / ids.len() as f64,
        same,
        100.0 * same as f64 / total.max(1) as f64,
        with_one,
        100.0 * with_one as f64 / ids.len() as f64,
        times[times.len() / 2],
        times[times.len() * 95 / 100],
    );
}
