//! Keyword extraction on real articles, read by the ingesters (the sample
//! page, the Dân trí fixture): the parts of text::keywords' tests that need a
//! parser, which the text module itself never uses.

use docbao::ingest::page_text::parse_page_text;
use docbao::model::NewArticle;
use docbao::text::fold::title_key;
use docbao::text::keywords::*;

fn assert_no_lone_stop_word(kws: &[String]) {
    for k in kws {
        assert!(
            !(k.split(' ').count() == 1 && is_stop_word(k)),
            "lone stop word {k:?} in {kws:?}"
        );
        let key = title_key(k);
        let syl: Vec<&str> = key.split(' ').collect();
        assert!(
            !is_stop_word(syl[0]) && !is_stop_word(syl[syl.len() - 1])
                || k.chars().any(char::is_uppercase),
            "phrase {k:?} starts or ends with a stop word"
        );
    }
}

fn sample() -> NewArticle {
    parse_page_text(include_str!("fixtures/dan-van-2021-03-05.txt")).unwrap()
}

/// An extractor that has seen the Dân trí fixture (2,653 articles).
fn trained() -> Extractor {
    use std::io::Read;
    let mut gz = flate2::read::GzDecoder::new(&include_bytes!("fixtures/dantri-2653.jsonl.gz")[..]);
    let mut text = String::new();
    gz.read_to_string(&mut text).unwrap();
    let mut ex = Extractor::new();
    for a in docbao::ingest::jsonl::jsonl_records(&text).flatten() {
        ex.add_document(&candidates(&a));
    }
    ex
}

#[test]
fn sample_page_in_an_empty_store() {
    let kws = Extractor::new().extract(&sample(), DEFAULT_MAX);
    assert!(kws.contains(&"dân vận".to_string()), "{kws:?}");
    assert!(kws.contains(&"Thái Bình".to_string()), "{kws:?}");
    assert!(kws.contains(&"Ban Dân vận Tỉnh ủy".to_string()), "{kws:?}");
    assert_no_lone_stop_word(&kws);
}

#[test]
fn sample_page_against_the_dantri_fixture() {
    let ex = trained();
    let kws = ex.extract(&sample(), DEFAULT_MAX);
    assert!(kws.contains(&"dân vận".to_string()), "{kws:?}");
    assert!(kws.contains(&"Thái Bình".to_string()), "{kws:?}");
    assert!(kws.contains(&"Ban Dân vận Tỉnh ủy".to_string()), "{kws:?}");
    assert_no_lone_stop_word(&kws);
    // Longer lists reach the people.
    let more = ex.extract(&sample(), 10);
    assert!(more.contains(&"Nguyễn Khắc Thận".to_string()), "{more:?}");
    // Every article of the fixture: never a lone stop word.
    let mut gz = flate2::read::GzDecoder::new(&include_bytes!("fixtures/dantri-2653.jsonl.gz")[..]);
    let mut text = String::new();
    std::io::Read::read_to_string(&mut gz, &mut text).unwrap();
    for a in docbao::ingest::jsonl::jsonl_records(&text)
        .flatten()
        .take(300)
    {
        let kws = ex.extract(&a, DEFAULT_MAX);
        for k in &kws {
            assert!(!is_stop_word(k), "{k:?} from {:?}", a.title);
        }
    }
}

#[test]
fn deterministic() {
    let ex = Extractor::new();
    let a = sample();
    let first = ex.extract(&a, DEFAULT_MAX);
    for _ in 0..5 {
        assert_eq!(ex.extract(&a, DEFAULT_MAX), first);
        assert_eq!(candidates(&a), candidates(&a.clone()));
    }
}

/// Extraction speed on the baomoi corpus (not in CI):
/// `zcat ../shared/corpus/baomoi-35k.jsonl.gz > /tmp/baomoi.jsonl;
/// cargo test --release --test text_keywords speed -- --ignored --nocapture`
#[test]
#[ignore]
fn speed() {
    let Ok(text) = std::fs::read_to_string("/tmp/baomoi.jsonl") else {
        return;
    };
    let arts: Vec<NewArticle> = docbao::ingest::jsonl::jsonl_records(&text)
        .flatten()
        .collect();
    let t = std::time::Instant::now();
    let mut n = 0usize;
    for a in &arts {
        n += candidates(a).len();
    }
    let dt = t.elapsed();
    eprintln!(
        "{} articles, {} candidates ({:.1}/article), {:?} ({:.1} µs/article)",
        arts.len(),
        n,
        n as f64 / arts.len() as f64,
        dt,
        dt.as_micros() as f64 / arts.len() as f64,
    );
}
