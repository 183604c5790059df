//! The known phrases list (`assets/phrases-vi.txt`): the lowercase phrases
//! that are no dictionary word ([`free_shape`]) and that at least `MIN`
//! articles of a corpus hold among their keyword candidates. A phrase news
//! uses again is a term: in a store too small to show it ("thương hiệu" in
//! 30 articles), the list vouches for it.
//!
//! ```sh
//! zcat ../shared/corpus/dantri-2653.jsonl.gz > /tmp/dantri.jsonl
//! cargo run --release --example known_phrases -- /tmp/dantri.jsonl 3 > assets/phrases-vi.txt
//! ```

use std::collections::{BTreeMap, HashSet};

use docbao::text::keywords::{candidates, free_shape};

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let (Some(path), Some(min)) = (args.get(1), args.get(2)) else {
        anyhow::bail!("usage: known_phrases FILE.jsonl MIN_ARTICLES");
    };
    let min: usize = min.parse()?;
    let text = std::fs::read_to_string(path)?;
    let mut df: BTreeMap<String, usize> = BTreeMap::new();
    let mut articles = 0;
    for article in docbao::ingest::jsonl::jsonl_records(&text).flatten() {
        articles += 1;
        let keys: HashSet<String> = candidates(&article)
            .into_iter()
            .filter(|c| free_shape(&c.display, &c.key))
            .map(|c| c.key)
            .collect();
        for k in keys {
            *df.entry(k).or_default() += 1;
        }
    }
    let known: Vec<&String> = df
        .iter()
        .filter(|(_, n)| **n >= min)
        .map(|(k, _)| k)
        .collect();
    println!(
        "# Lowercase phrases of two words or more that are no dictionary word, held by {min} or more"
    );
    println!(
        "# of the {articles} articles of the Dan tri set among their keyword candidates (GPL-3.0; see"
    );
    println!("# phrases-vi.NOTICE.md). One a line, as keys. Made by examples/known_phrases.rs.");
    for k in known {
        println!("{k}");
    }
    Ok(())
}
