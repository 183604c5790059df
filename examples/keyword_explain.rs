//! Where does an auto keyword come from? The candidates of the articles of a
//! JSON lines file whose text holds a phrase, with the phrase in context:
//! what the keyword checks of issue 15 were read with.
//!
//! ```sh
//! cargo run --release --example keyword_explain -- /tmp/baomoi.jsonl "Thị Bích Loan" [3]
//! ```
//!
//! Prints, for at most 3 (or the third argument) articles: the title, each
//! place the phrase occurs as whole words (80 bytes either side: "CD" is not
//! found in "OECD") and every candidate with its tf, name and title flags.

use docbao::ingest::jsonl::jsonl_records;
use docbao::text::fold::is_word_char;
use docbao::text::keywords::candidates;

/// Where `phrase` occurs in `t` with no word character right before or
/// after it.
fn whole_matches<'a>(t: &'a str, phrase: &'a str) -> impl Iterator<Item = usize> + 'a {
    t.match_indices(phrase).map(|(i, _)| i).filter(move |&i| {
        let before = t[..i].chars().next_back();
        let after = t[i + phrase.len()..].chars().next();
        !before.is_some_and(is_word_char) && !after.is_some_and(is_word_char)
    })
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(path), Some(phrase)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: keyword_explain FILE.jsonl PHRASE [MAX_ARTICLES]");
        std::process::exit(2);
    };
    let max: usize = match args.get(3).map(|a| a.parse()) {
        None => 3,
        Some(Ok(n)) => n,
        Some(Err(_)) => {
            eprintln!("the article count must be a number, not {:?}", args[3]);
            std::process::exit(2);
        }
    };
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("cannot read {path:?}: {e}");
            std::process::exit(1);
        }
    };
    let mut shown = 0;
    for a in jsonl_records(&text).flatten() {
        let texts: Vec<&str> = std::iter::once(a.title.as_str())
            .chain(a.lead.as_deref())
            .chain(a.paragraphs.iter().map(|p| p.text.as_str()))
            .collect();
        if !texts
            .iter()
            .any(|t| whole_matches(t, phrase).next().is_some())
        {
            continue;
        }
        shown += 1;
        println!("== {}", a.title);
        for t in &texts {
            for i in whole_matches(t, phrase) {
                let mut s = i.saturating_sub(80);
                while !t.is_char_boundary(s) {
                    s -= 1;
                }
                let mut e = (i + phrase.len() + 80).min(t.len());
                while !t.is_char_boundary(e) {
                    e += 1;
                }
                println!("   …{}…", &t[s..e]);
            }
        }
        for c in candidates(&a) {
            println!(
                "   {:<40} tf {:>2}{}{}",
                c.display,
                c.tf,
                if c.name { " name" } else { "" },
                if c.in_title { " title" } else { "" }
            );
        }
        if shown >= max {
            break;
        }
    }
    if shown == 0 {
        println!("no article holds {phrase:?}");
    }
}
