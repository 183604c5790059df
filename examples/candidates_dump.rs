//! Every article's keyword candidates, every field, in order: the equality
//! harness of issue 14 (a cheaper extraction must print the same bytes),
//! and a fixed workload for callgrind.
//!
//! ```sh
//! zcat ../shared/corpus/baomoi-35k.jsonl.gz > /tmp/baomoi.jsonl
//! cargo run --release --example candidates_dump -- /tmp/baomoi.jsonl > out.txt
//! head -1500 /tmp/baomoi.jsonl > /tmp/opt-1500.jsonl
//! valgrind --tool=callgrind --callgrind-out-file=/tmp/opt-cg.out \
//!   ./target/release/examples/candidates_dump /tmp/opt-1500.jsonl > /dev/null
//! ```
//!
//! A line that is no article prints as such, so that line numbers still
//! match.

use std::io::{BufWriter, Write};

use docbao::text::keywords::candidates;

// The allocator docbao's binary (and so its import) runs with.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> anyhow::Result<()> {
    let Some(path) = std::env::args().nth(1) else {
        anyhow::bail!("usage: candidates_dump FILE.jsonl");
    };
    let text = std::fs::read_to_string(&path)?;
    let mut out = BufWriter::new(std::io::stdout().lock());
    for (n, record) in docbao::ingest::jsonl::jsonl_records(&text).enumerate() {
        match record {
            Ok(article) => {
                writeln!(out, "# {n} {:?}", article.url)?;
                for c in candidates(&article) {
                    writeln!(out, "{c:?}")?;
                }
            }
            Err(e) => writeln!(out, "# {n} error: {e}")?,
        }
    }
    out.flush()?;
    Ok(())
}
