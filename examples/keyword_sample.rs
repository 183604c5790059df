//! Are auto keywords whole words? (issue 15) 200 keyword occurrences (or the
//! number given as the first argument) drawn at random (fixed seed, weighted
//! by article count) from a store's keyword list, each judged by rule:
//!
//! - **name**: every syllable capitalised (or an acronym, or a number in a
//!   name like "U20 Việt Nam");
//! - **word**: the dictionary ([`docbao::text::segment`]) has it whole;
//! - **compound**: it cuts into dictionary words of two syllables or more
//!   and names (a capitalised syllable alone is one: "bầu cử Mỹ"), with at
//!   most one lowercase syllable left alone ("quy mô lớn", "tỉnh Thái
//!   Bình");
//! - otherwise **cut?**: a reader might see a fragment.
//!
//! The list is read as `name<TAB>count` lines on stdin, so that stores of
//! any version can be compared:
//!
//! ```sh
//! sqlite3 -separator $'\t' /tmp/x.db "SELECT name, article_count FROM keywords WHERE article_count > 0" \
//!   | cargo run --release --example keyword_sample [-- 200 [SEED]]
//! ```
//!
//! The seed (default 15) picks the draws: a second seed gives a second,
//! independent sample of the same list.
//!
//! The rule is rough both ways: read the list too (BENCHMARKS.md).

use std::io::Read;

use docbao::text::fold::title_key;
use docbao::text::keywords::words;
use docbao::text::segment::dictionary;

/// How many occurrences are drawn unless the first argument says.
const DEFAULT_SAMPLE: usize = 200;
/// The generator's seed unless the second argument says.
const DEFAULT_SEED: u64 = 15;

/// A small deterministic generator (SplitMix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

fn capitalised(s: &str) -> bool {
    s.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// The judgement of one keyword.
fn judge(name: &str) -> &'static str {
    let syllables: Vec<&str> = name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|s| !s.is_empty())
        .collect();
    if syllables.is_empty() {
        return "cut?";
    }
    if syllables.iter().all(|s| capitalised(s)) {
        return "name";
    }
    let key = title_key(name);
    let lower: Vec<&str> = key.split(' ').collect();
    if dictionary().contains(&lower) {
        return "word";
    }
    // Cut the keyword as running text would be: names and dictionary
    // words; a capitalised syllable alone is a name ("Mỹ", "Moon"); a
    // lowercase syllable alone may be a word of its own ("lớn") or the
    // piece of a word the keyword cut ("triển" of "phát triển"): one is
    // allowed, two are not.
    let loose = words(name)
        .into_iter()
        .map(|r| &name[r])
        .filter(|p| !p.contains(' ') && !capitalised(p))
        .count();
    if loose <= 1 { "compound" } else { "cut?" }
}

fn main() {
    let sample = match std::env::args().nth(1) {
        None => DEFAULT_SAMPLE,
        Some(a) => match a.parse::<usize>() {
            Ok(n) if n > 0 => n,
            _ => {
                eprintln!("the sample size must be a positive number, not {a:?}");
                std::process::exit(2);
            }
        },
    };
    let seed = match std::env::args().nth(2) {
        None => DEFAULT_SEED,
        Some(a) => match a.parse::<u64>() {
            Ok(n) => n,
            _ => {
                eprintln!("the seed must be a whole number, not {a:?}");
                std::process::exit(2);
            }
        },
    };
    let mut input = String::new();
    if let Err(e) = std::io::stdin().read_to_string(&mut input) {
        eprintln!("cannot read the keyword list on stdin: {e}");
        std::process::exit(1);
    }
    let list: Vec<(String, u64)> = input
        .lines()
        .filter_map(|l| {
            let (name, count) = l.rsplit_once('\t')?;
            Some((name.to_string(), count.trim().parse().ok()?))
        })
        .collect();
    let total: u64 = list.iter().map(|k| k.1).sum();
    if total == 0 {
        eprintln!("no keywords on stdin (name<TAB>count lines)");
        std::process::exit(1);
    }
    let mut rng = Rng(seed);
    let mut counts = [0usize; 4];
    println!(
        "{sample} auto keyword occurrences of {total} ({} keywords), seed {seed}:",
        list.len()
    );
    for i in 1..=sample {
        let mut at = rng.next() % total;
        let (name, _) = list
            .iter()
            .find(|(_, c)| {
                if at < *c {
                    true
                } else {
                    at -= c;
                    false
                }
            })
            .unwrap_or(&list[0]);
        let j = judge(name);
        counts[match j {
            "name" => 0,
            "word" => 1,
            "compound" => 2,
            _ => 3,
        }] += 1;
        println!("{i:>4} {j:<9} {name}");
    }
    println!(
        "name {}, word {}, compound {}, cut? {}: whole {:.0}%",
        counts[0],
        counts[1],
        counts[2],
        counts[3],
        100.0 * (sample - counts[3]) as f64 / sample as f64
    );
}
