//! Shared by the benchmarks: the 100,000-article store (the baomoi set replicated).

#![allow(dead_code)]

use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use docbao::ingest;
use docbao::model::ListFilter;
use docbao::store::Store;

pub const CORPUS: &str = "../shared/corpus/baomoi-35k.jsonl.gz";
pub const N: usize = 100_000;

/// The path of a store holding 100,000 articles, built once and kept in /tmp;
/// or the store `DOCBAO_BENCH_DB` names, as it is (scripts/bench.sh measures
/// its 10k, 100k and 1M stores so).
pub fn store_100k() -> PathBuf {
    if let Some(p) = std::env::var_os("DOCBAO_BENCH_DB") {
        let p = PathBuf::from(p);
        assert!(
            p.exists(),
            "DOCBAO_BENCH_DB: {} does not exist",
            p.display()
        );
        return p;
    }
    store_100k_at(std::env::temp_dir().join("docbao-bench-100k.db"))
}

/// A store holding 100,000 articles at `path`, built there unless it is already.
pub fn store_100k_at(path: PathBuf) -> PathBuf {
    if let Ok(s) = Store::open(&path)
        && s.count(&ListFilter::default()).unwrap_or(0) as usize >= N
    {
        return path;
    }
    for ext in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{ext}", path.display()));
    }
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join(CORPUS);
    let file = std::fs::File::open(&corpus).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (the benchmarks need ../shared/corpus)",
            corpus.display()
        )
    });
    let lines: Vec<String> = std::io::BufReader::new(flate2::read::GzDecoder::new(file))
        .lines()
        .map(|l| l.expect("corpus line"))
        .collect();
    let mut store = Store::open(&path).expect("open bench store");
    let started = Instant::now();
    let mut done = 0;
    'copies: for copy in 0.. {
        for chunk in lines.chunks(2000) {
            let mut batch = Vec::new();
            for r in ingest::jsonl::parse_jsonl(&chunk.join("\n")) {
                let mut a = r.expect("corpus parses");
                // Each copy is a different article to the store (a query
                // parameter: a "#fragment" is dropped from an article's URL).
                a.url = a.url.map(|u| {
                    let sep = if u.contains('?') { '&' } else { '?' };
                    format!("{u}{sep}copy={copy}")
                });
                batch.push(a);
                done += 1;
                if done == N {
                    break;
                }
            }
            for r in store.import_batch(&batch).expect("import") {
                r.expect("article stored");
            }
            if done == N {
                break 'copies;
            }
        }
    }
    eprintln!(
        "built {} with {N} articles in {:.1?}",
        path.display(),
        started.elapsed()
    );
    path
}

pub fn median(v: &mut [Duration]) -> Duration {
    v.sort();
    v[v.len() / 2]
}

pub fn p95(v: &mut [Duration]) -> Duration {
    v.sort();
    v[(v.len() * 95 / 100).min(v.len() - 1)]
}
