//! Full-text search on 100,000 articles (issue 5): query latency by number of
//! words, index size, and the time the version-2 migration takes to index an
//! existing store.
//!
//!     cargo bench --bench search
//!
//! The store is `/tmp/search-100k.db` (or `$DOCBAO_SEARCH_DB`). When it is
//! missing, it is copied from the reader benchmark's `/tmp/docbao-bench-100k.db`
//! if that exists — copied, never opened in place, since opening migrates — and
//! the copy's first open (the migration backfilling the index) is timed;
//! otherwise it is built from the corpus with the index on.

mod common;
mod quality;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use docbao::store::Store;

use docbao::model::ListFilter;

/// Realistic queries, with and without marks, grouped by how many words they have.
const QUERIES: &[&str] = &[
    // one word
    "bóng",
    "vàng",
    "covid",
    "đảng",
    "hà",
    "thủ",
    "xe",
    "trump",
    "giáo",
    "dich",
    // two words
    "bóng đá",
    "bong da",
    "ha noi",
    "hà nội",
    "thu tuong",
    "thủ tướng",
    "giá vàng",
    "gia xang",
    "việt nam",
    "tai nan",
    // three words
    "thi đại học",
    "thi dai hoc",
    "giá xăng dầu",
    "gia xang dau",
    "hồ chí minh",
    "ho chi minh",
    "công an tỉnh",
    "đội tuyển việt",
    "\"bóng đá\" anh",
    "ngân hàng nhà",
    // four words and more
    "giá vàng hôm nay",
    "gia vang hom nay",
    "tai nạn giao thông",
    "tai nan giao thong",
    "thành phố hồ chí minh",
    "\"ha noi\" tai nan giao thong",
    // phrases only
    "\"bóng đá\"",
    "\"bong da\"",
    "\"dân vận\"",
    "\"thu tuong\"",
    "\"hồ chí minh\"",
    "\"gia vang hom nay\"",
];

const RUNS: usize = 15;

fn file_size(path: &PathBuf) -> u64 {
    let wal = PathBuf::from(format!("{}-wal", path.display()));
    std::fs::metadata(path).map_or(0, |m| m.len()) + std::fs::metadata(wal).map_or(0, |m| m.len())
}

fn main() {
    let path = std::env::var_os("DOCBAO_SEARCH_DB")
        .map(PathBuf::from)
        .unwrap_or_else(|| std::env::temp_dir().join("search-100k.db"));
    let prebuilt = std::env::temp_dir().join("docbao-bench-100k.db");
    if !path.exists() && prebuilt.exists() {
        for ext in ["", "-wal"] {
            let from = format!("{}{ext}", prebuilt.display());
            if std::path::Path::new(&from).exists() {
                std::fs::copy(&from, format!("{}{ext}", path.display())).expect("copy the store");
            }
        }
        let before = file_size(&path);
        let t = Instant::now();
        let store = Store::open(&path).expect("open and migrate");
        let took = t.elapsed();
        drop(store);
        println!(
            "first open, migrating (indexing the articles again) {}: {:.1?}; file {:.1} MB -> {:.1} MB",
            path.display(),
            took,
            before as f64 / 1e6,
            file_size(&path) as f64 / 1e6
        );
    }
    // A store named by DOCBAO_SEARCH_DB is measured as it is, whatever its size.
    let path = if std::env::var_os("DOCBAO_SEARCH_DB").is_some() && path.exists() {
        path
    } else {
        common::store_100k_at(path)
    };
    let store = Store::open(&path).unwrap();
    let n = store.count(&ListFilter::default()).unwrap();
    println!(
        "store: {} ({n} articles, {:.1} MB)",
        path.display(),
        file_size(&path) as f64 / 1e6
    );

    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        let (index, all): (i64, i64) = conn
            .query_row(
                "SELECT sum(CASE WHEN name LIKE 'article_search%' THEN pgsize ELSE 0 END), sum(pgsize)
                 FROM dbstat",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        println!(
            "index (article_search* tables): {:.1} MB of {:.1} MB in use ({:.0}%); without it {:.1} MB",
            index as f64 / 1e6,
            all as f64 / 1e6,
            100.0 * index as f64 / all as f64,
            (all - index) as f64 / 1e6
        );
    }

    let filter = ListFilter::default();
    // DOCBAO_SEARCH_QUALITY=1: the quality figures too; =only: just them.
    match std::env::var("DOCBAO_SEARCH_QUALITY").as_deref() {
        Ok("only") => return quality::run(&store),
        Ok(_) => quality::run(&store),
        Err(_) => {}
    }
    // Warm the cache once, as a reader that has been searching would have it.
    for q in QUERIES {
        store.search(q, &filter, 20).unwrap();
    }
    let mut by_words: Vec<(usize, Vec<Duration>)> = Vec::new();
    println!(
        "\n{:<32} {:>7} {:>9} {:>9}",
        "query (limit 20, with snippets)", "matches", "p50", "p95"
    );
    for q in QUERIES {
        // Phrases only are a group of their own (5).
        let words = if q.starts_with('"') && q.ends_with('"') && q.len() > 1 {
            5
        } else {
            q.split_whitespace().count().min(4)
        };
        let hits = match store.search_count(q, &filter).expect("count matches") {
            (n, true) => format!("{n}+"),
            (n, false) => n.to_string(),
        };
        let mut times = Vec::with_capacity(RUNS);
        for _ in 0..RUNS {
            let t = Instant::now();
            let r = store.search(q, &filter, 20).unwrap();
            times.push(t.elapsed());
            std::hint::black_box(r);
        }
        let group = match by_words.iter_mut().find(|(w, _)| *w == words) {
            Some(g) => g,
            None => {
                by_words.push((words, Vec::new()));
                by_words.last_mut().unwrap()
            }
        };
        group.1.extend_from_slice(&times);
        println!(
            "{:<32} {hits:>7} {:>9.2?} {:>9.2?}",
            q,
            common::median(&mut times),
            common::p95(&mut times)
        );
    }
    println!(
        "\n{:<12} {:>7} {:>9} {:>9}",
        "words", "samples", "p50", "p95"
    );
    for (words, mut times) in by_words {
        let label = if words == 5 {
            "phrase".to_string()
        } else if words >= 4 {
            "4+".to_string()
        } else {
            words.to_string()
        };
        println!(
            "{label:<12} {:>7} {:>9.2?} {:>9.2?}",
            times.len(),
            common::median(&mut times),
            common::p95(&mut times)
        );
    }
}
