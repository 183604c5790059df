//! Throughput of the JSON-lines parser on the big corpus files, when present.
//! Run with `cargo test --release --test ingest_bench -- --ignored --nocapture`.

use std::io::Read;
use std::path::Path;
use std::time::Instant;

use docbao::ingest::{jsonl_records, parse_jsonl};

fn read_gz(path: &Path) -> Option<String> {
    let file = std::fs::File::open(path).ok()?;
    let mut text = String::new();
    flate2::read::GzDecoder::new(file)
        .read_to_string(&mut text)
        .ok()?;
    Some(text)
}

fn bench(name: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus")
        .join(name);
    let Some(text) = read_gz(&path) else {
        eprintln!("{} not present: skipped", path.display());
        return;
    };
    let mb = text.len() as f64 / 1e6;

    let start = Instant::now();
    let results = parse_jsonl(&text);
    let parallel = start.elapsed().as_secs_f64();
    let ok = results.iter().filter(|r| r.is_ok()).count();
    let errors: Vec<String> = results
        .iter()
        .filter_map(|r| r.as_ref().err())
        .take(5)
        .map(|e| e.to_string())
        .collect();

    let start = Instant::now();
    let serial = jsonl_records(&text).filter(|r| r.is_ok()).count();
    let one_thread = start.elapsed().as_secs_f64();

    eprintln!(
        "{name}: {mb:.1} MB, {ok} articles ({} errors {errors:?})\n  parse_jsonl:   {parallel:.3} s, {:.0} articles/s, {:.0} MB/s\n  jsonl_records: {one_thread:.3} s, {:.0} articles/s (one thread)",
        results.len() - ok,
        ok as f64 / parallel,
        mb / parallel,
        serial as f64 / one_thread,
    );
    assert_eq!(serial, ok);
}

#[test]
#[ignore = "benchmark: reads ../shared/corpus when present"]
fn baomoi_35k_throughput() {
    bench("baomoi-35k.jsonl.gz");
}

#[test]
#[ignore = "benchmark: reads ../shared/corpus when present"]
fn dantri_2653_throughput() {
    bench("dantri-2653.jsonl.gz");
}
