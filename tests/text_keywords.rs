//! Keyword extraction on real articles, read by the ingesters (the sample
//! page, the Dân trí fixture): the parts of text::keywords' tests that need a
//! parser, which the text module itself never uses.

use docbao::ingest::page_text::parse_page_text;
use docbao::model::{NewArticle, Paragraph};
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

/// A case of Mozilla Readability's suite (`tests/fixtures/html/readability-peer/`),
/// read as `docbao import` reads a saved page.
fn peer_page(case: &str) -> NewArticle {
    let path = format!("tests/fixtures/html/readability-peer/{case}/source.html");
    let bytes = std::fs::read(&path).unwrap();
    docbao::ingest::html::parse_html_named(&path, &bytes, None, None).unwrap()
}

/// Stop words of English and French a keyword never starts or ends with.
const FOREIGN_STOPS: &[&str] = &[
    "the", "in", "of", "and", "to", "a", "an", "for", "on", "his", "has", "et", "de", "la", "le",
    "les", "des", "du", "un", "une", "par", "sur",
];

#[test]
fn foreign_articles_take_their_own_stop_words() {
    let ex = trained();
    // BBC (English) and Le Monde (French): before, "in the" and "et de"
    // were among their five keywords.
    for (case, expected) in [("bbc-1", "Obama"), ("lemonde-1", "CNCTR")] {
        let article = peer_page(case);
        let kws = ex.extract(&article, DEFAULT_MAX);
        assert!(kws.iter().any(|k| k.contains(expected)), "{case}: {kws:?}");
        for cand in candidates(&article) {
            let words: Vec<&str> = cand.key.split(' ').collect();
            for end in [words[0], words[words.len() - 1]] {
                assert!(
                    !FOREIGN_STOPS.contains(&end),
                    "{case}: candidate {:?} starts or ends with a stop word",
                    cand.display
                );
            }
        }
    }
}

#[test]
fn an_article_in_chinese_gets_no_auto_keywords() {
    // Its runs of characters are sentences, not words: before, whole
    // sentences were keywords.
    let article = peer_page("qq");
    assert!(article.paragraphs.len() > 3, "{article:?}");
    assert_eq!(candidates(&article), Vec::new());
    // (Not a panic caught: that leaves a note.)
    assert!(docbao::text::guard::take_notes().is_empty());
    assert!(trained().extract(&article, DEFAULT_MAX).is_empty());
}

/// Korean writes spaces, but each word carries its particles: a tester's
/// Korean article had "국립중앙박물관은 한국 최대의 박물관으로" ("the National
/// Museum of Korea, as Korea's largest museum") as a keyword.
#[test]
fn an_article_in_korean_gets_no_auto_keywords() {
    let text = "국립중앙박물관은 한국 최대의 박물관으로 서울 용산구에 있다. \
                국립중앙박물관은 한국 최대의 박물관으로 많은 유물을 소장하고 있다. \
                서울 특별시는 대한민국의 수도이자 최대 도시이다.";
    let article = NewArticle {
        title: "국립중앙박물관은 한국 최대의 박물관으로".into(),
        lead: Some(text.into()),
        paragraphs: vec![Paragraph::text(text), Paragraph::text(text)],
        ..NewArticle::default()
    };
    assert_eq!(candidates(&article), Vec::new());
    // (Not a panic caught: that leaves a note.)
    assert!(docbao::text::guard::take_notes().is_empty());
}

#[test]
fn vietnamese_articles_keep_their_keywords() {
    // The language is told per article: the sample page is Vietnamese.
    let kws = Extractor::new().extract(&sample(), DEFAULT_MAX);
    assert_eq!(kws.len(), DEFAULT_MAX, "{kws:?}");
}

/// Pieces an article is made of in the property test below: the shapes the
/// keyword rules look at (capitals, acronyms, titles, countries, places,
/// function words, kin, numbers and designators, dashes, credits, glued
/// punctuation, foreign names, marks written apart) and some no rule
/// expects (emoji, a lone combining mark, a bare dash or colon).
#[rustfmt::skip]
const PIECES: &[&str] = &[
    "Nguyễn", "Thị", "Văn", "Minh", "Hương", "Xuân", "Tân", "Sơn", "Nhất", "Bà", "Hai", "Trưng",
    "Cao", "Bằng", "Hà", "Nội", "Việt", "Nam", "Mỹ", "Nga", "Anh", "Đức", "Hàn", "Quốc", "Triều",
    "Tiên", "Syria", "Qatar", "Bashar", "Mohammed", "al-Abadi", "Jae-in", "Moon", "Tổng", "thống",
    "Thủ", "tướng", "Bộ", "trưởng", "Ngoại", "Phó", "Chủ", "tịch", "UBND", "HĐND", "TP.HCM", "TP",
    "GD-ĐT", "CĐV", "NHM", "MC", "HLV", "PV", "TT", "THPT", "Sở", "Y", "tế", "Công", "ty", "TNHH",
    "Bệnh", "viện", "Nhi", "Đồng", "1", "2", "29", "2017", "6,7%", "5/3", "tỉnh", "huyện", "xã",
    "phường", "quận", "thành", "phố", "sân", "bay", "công", "dân", "nghệ", "sĩ", "khu", "vực",
    "miền", "Trung", "Bắc", "tiếng", "biển", "vợ", "mẹ", "và", "của", "các", "những", "Các",
    "Những", "Theo", "Tại", "trong", "là", "đã", "được", "nhập", "cảnh", "trái", "phép", "chứng",
    "khoán", "giá", "xăng", "tăng", "Ảnh:", "Ảnh:Minh", "(Ảnh:", "Nguồn:", "LTS:", "CAFC).Ngày",
    "Nga,Tổng", "-", "–", "—", ":", ".", ",", ";", "(", ")", "“", "”", "\"", "'", "?", "!", "...",
    "…", "/", "&", "Reuters", "AFP", "iPhone", "Su-25", "U23", "SEA", "Games", "Champions",
    "League", "🙂", "\u{301}", "a\u{301}", "Ðảng", "ĐẢNG", "HÀ", "NỘI", "Binh", "Philippines", "Kỳ",
    "III",
];

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(400))]

    /// Whatever pieces an article is made of, and however they are spaced,
    /// the candidates come out without a panic, sorted by key and one a key,
    /// each with a key, a display form and a count.
    #[test]
    fn candidates_of_any_mix_of_the_shapes_the_rules_read(
        title in proptest::collection::vec((0..PIECES.len(), 0..4u8), 0..14),
        paragraphs in proptest::collection::vec(
            proptest::collection::vec((0..PIECES.len(), 0..4u8), 0..60),
            0..5,
        ),
    ) {
        // Pieces joined by a space, mostly; by nothing or a line break now and then.
        let text = |pieces: &[(usize, u8)]| {
            let mut s = String::new();
            for &(i, gap) in pieces {
                if !s.is_empty() {
                    s.push_str(match gap { 0 => "", 1 => "\n", _ => " " });
                }
                s.push_str(PIECES[i]);
            }
            s
        };
        let a = NewArticle {
            title: text(&title),
            paragraphs: paragraphs.iter().map(|p| Paragraph::text(text(p))).collect(),
            ..Default::default()
        };
        let cands = candidates(&a);
        // A panic in the rules is caught (`text::guard`) and gives no
        // candidates, with a note: there must be none.
        let notes = docbao::text::guard::take_notes();
        proptest::prop_assert!(notes.is_empty(), "{:?}", notes);
        for pair in cands.windows(2) {
            proptest::prop_assert!(pair[0].key < pair[1].key, "{:?}", cands);
        }
        for c in &cands {
            proptest::prop_assert!(!c.key.is_empty() && !c.display.is_empty() && c.tf > 0, "{:?}", c);
        }
    }
}
