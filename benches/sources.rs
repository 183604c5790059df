//! The sources sidebar and catching up on 100,000 articles: the counts per
//! feed and site (read from the indexes alone), a source's first page, the
//! first unread article across views, and marking a whole feed read.
//!
//!     cargo bench --bench sources
//!
//! The store is a copy of the 100,000-article bench store where four articles
//! in five came from one of 40 feeds (as after months of `update`) and the
//! fifth are saved pages of their sites; a third of them are read.

mod common;

use std::time::{Duration, Instant};

use docbao::model::{ListFilter, Source};
use docbao::store::Store;

const FEEDS: i64 = 40;

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

fn main() {
    let base = common::store_100k();
    let path = std::env::temp_dir().join("docbao-bench-100k-feeds.db");
    for ext in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{ext}", path.display()));
    }
    drop(Store::open(&base).unwrap()); // the last close checkpoints the WAL
    std::fs::copy(&base, &path).unwrap();
    {
        let store = Store::open(&path).unwrap();
        for i in 1..=FEEDS {
            let url = format!("https://example.vn/feed-{i}.rss");
            store
                .add_feed(&url, Some(&format!("Báo {i}")), false)
                .unwrap();
        }
    }
    // The bench's data, set up directly: feeds 1–39 caught up, the last
    // one and the sites a third read.
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute_batch(&format!(
            "UPDATE articles SET feed_id = 1 + id % {FEEDS} WHERE id % 5 != 0;
             UPDATE articles SET read = (feed_id IS NOT NULL AND feed_id < {FEEDS}) OR id % 3 = 0;"
        ))
        .unwrap();
    let store = Store::open(&path).unwrap();
    let all = store.count(&ListFilter::default()).unwrap();

    // The counts, on a fresh connection each time (the app reads them at
    // start), then on a warm one (after a mark).
    let mut cold = Vec::new();
    let mut rows = 0;
    for _ in 0..21 {
        let s = Store::open(&path).unwrap();
        let t = Instant::now();
        rows = s.sources().unwrap().len();
        cold.push(t.elapsed());
    }
    let mut warm = Vec::new();
    for _ in 0..21 {
        let t = Instant::now();
        store.sources().unwrap();
        warm.push(t.elapsed());
    }

    // A feed's first page (what Enter on a source shows), its unread count
    // (what A asks about), and N's search across every source.
    let feed = ListFilter {
        source: Some(Source::Feed(FEEDS)),
        ..Default::default()
    };
    let mut page = Vec::new();
    let mut count = Vec::new();
    for _ in 0..21 {
        let t = Instant::now();
        assert!(!store.list(&feed, None, 200).unwrap().is_empty());
        page.push(t.elapsed());
        let t = Instant::now();
        store.count_unread(&feed).unwrap();
        count.push(t.elapsed());
    }
    let views: Vec<(ListFilter, Option<(i64, i64)>)> = (1..=FEEDS)
        .map(|i| {
            (
                ListFilter {
                    source: Some(Source::Feed(i)),
                    ..Default::default()
                },
                None,
            )
        })
        .collect();
    let mut seek = Vec::new();
    for _ in 0..21 {
        let t = Instant::now();
        store.first_unread(&views).unwrap();
        seek.push(t.elapsed());
    }
    // Marking a whole feed read, then unread again (the undo).
    let mut mark = Vec::new();
    let mut undo = Vec::new();
    let mut marked = 0;
    for _ in 0..7 {
        let t = Instant::now();
        let ids = store.mark_all_read(&feed).unwrap();
        mark.push(t.elapsed());
        marked = ids.len();
        let t = Instant::now();
        store.set_read_many(&ids, false).unwrap();
        undo.push(t.elapsed());
    }

    println!("{all} articles, {rows} sources ({FEEDS} feeds)");
    println!("sources, fresh connection: median {}", ms(median(cold)));
    println!("sources, warm:             median {}", ms(median(warm)));
    println!("a feed's first page (200): median {}", ms(median(page)));
    println!("a feed's unread count:     median {}", ms(median(count)));
    println!(
        "first unread over 40 feeds (39 caught up): median {}",
        ms(median(seek))
    );
    println!(
        "mark a feed read ({marked} articles): median {}",
        ms(median(mark))
    );
    println!("undo it:                   median {}", ms(median(undo)));
}
