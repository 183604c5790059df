//! Automatic keywords through the store's public API, on the sample page as
//! the page-text ingester reads it (moved from `src/store/tests.rs`: the
//! store itself does not use the ingester).

use docbao::ingest::page_text::parse_page_text;
use docbao::model::{
    ArticleId, ImportOutcome, Keyword, KeywordSource, ListFilter, NewArticle, Paragraph,
};
use docbao::store::Store;
use docbao::text::fold::title_key;

const SAMPLE: &str = include_str!("fixtures/dan-van-2021-03-05.txt");

fn sample_page() -> NewArticle {
    parse_page_text(SAMPLE).unwrap()
}

fn auto_names(s: &Store, id: ArticleId) -> Vec<String> {
    let got = s.article(id).unwrap();
    assert!(got.keywords.iter().all(|k| k.source == KeywordSource::Auto));
    got.keywords.into_iter().map(|k| k.name).collect()
}

#[test]
fn articles_without_keywords_get_auto_keywords() {
    let mut s = Store::open_in_memory().unwrap();
    let id = s.import(&sample_page()).unwrap().id();
    let kws = auto_names(&s, id);
    assert!(kws.contains(&"dân vận".to_string()), "{kws:?}");
    assert!(kws.contains(&"Thái Bình".to_string()), "{kws:?}");
    assert!(kws.len() <= docbao::text::keywords::DEFAULT_MAX);
    // They count like any keyword, and filter the list.
    let counts = s.keywords(None).unwrap();
    assert!(counts.contains(&("Thái Bình".into(), 1)), "{counts:?}");
    let f = ListFilter {
        keywords: vec!["thái bình".into()],
        ..Default::default()
    };
    assert_eq!(s.count(&f).unwrap(), 1);
}

#[test]
fn reimport_replaces_auto_keywords_and_keeps_counts_right() {
    let mut s = Store::open_in_memory().unwrap();
    let mut a = sample_page();
    a.url = Some("u:dv".into());
    let id = s.import(&a).unwrap().id();
    let before = s.keywords(None).unwrap();
    // Same content: nothing changes.
    assert_eq!(s.import(&a).unwrap(), ImportOutcome::Unchanged(id));
    assert_eq!(s.keywords(None).unwrap(), before);
    // Changed content: the auto keywords are recomputed, not added twice.
    a.paragraphs.push(Paragraph::text(
        "Cá voi xanh mắc cạn ở Cà Mau. Cá voi xanh được cứu.",
    ));
    assert_eq!(s.import(&a).unwrap(), ImportOutcome::Updated(id));
    let kws = auto_names(&s, id);
    let mut keys: Vec<String> = kws.iter().map(|k| title_key(k)).collect();
    keys.sort();
    keys.dedup();
    assert_eq!(keys.len(), kws.len());
    for (_, n) in s.keywords(None).unwrap() {
        assert_eq!(n, 1);
    }
    // The document frequencies count the article once.
    assert_eq!(s.phrase_df("dân vận").unwrap(), (1, 1));
    s.delete(id).unwrap();
    assert_eq!(s.phrase_df("dân vận").unwrap(), (0, 0));
    assert!(s.keywords(None).unwrap().is_empty());
}

#[test]
fn page_keywords_suppress_auto_ones() {
    let mut s = Store::open_in_memory().unwrap();
    let mut a = sample_page();
    a.keywords = vec![Keyword {
        name: "Công tác dân vận".into(),
        source: KeywordSource::Page,
    }];
    let id = s.import(&a).unwrap().id();
    let got = s.article(id).unwrap();
    assert_eq!(got.keywords, a.keywords);
    // Its phrases still count for the others' idf.
    assert_eq!(s.phrase_df("Thái Bình").unwrap(), (1, 1));
}

#[test]
fn document_frequencies_reach_the_file_and_come_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kw.db");
    let mut b = sample_page();
    b.url = Some("u:b".into());
    b.title = "Thái Bình: hội nghị dân vận".into();
    {
        let mut s = Store::open(&path).unwrap();
        s.import_batch(&[sample_page(), b.clone()]).unwrap();
        s.flush_keyword_stats().unwrap();
        assert!(s.phrase_df_rows().unwrap() > 10);
        assert_eq!(s.phrase_df("UBND tỉnh").unwrap(), (2, 2));
    }
    let mut s = Store::open(&path).unwrap();
    assert_eq!(s.phrase_df("Ubnd tỉnh").unwrap(), (2, 2));
    // A recount gives the same figures; rescoring keeps one set per article.
    s.rebuild_keyword_stats().unwrap();
    assert_eq!(s.phrase_df("ubnd tỉnh").unwrap(), (2, 2));
    assert_eq!(s.recompute_auto_keywords().unwrap(), 2);
    let first = s.ids(&ListFilter::default()).unwrap()[0];
    let kws = auto_names(&s, first);
    assert!(kws.contains(&"dân vận".to_string()), "{kws:?}");
}

/// The sidebar's filter asks the store for the keywords past those it holds
/// (review item 8): every keyword with each typed word at the start of one
/// of its folded words, in the sidebar's order, on 300 real Dân trí
/// articles ("ha noi" finds "TP Hà Nội", no longer "nội thất").
#[test]
fn keywords_matching_finds_every_keyword_holding_the_words() {
    use docbao::text::fold::search_fold;
    use std::io::Read;
    let mut text = String::new();
    flate2::read::GzDecoder::new(&include_bytes!("fixtures/dantri-2653.jsonl.gz")[..])
        .read_to_string(&mut text)
        .expect("the Dân trí fixture is gzip");
    let articles: Vec<NewArticle> = docbao::ingest::jsonl::jsonl_records(&text)
        .flatten()
        .take(300)
        .collect();
    let mut s = Store::open_in_memory().unwrap();
    for r in s.import_batch(&articles).unwrap() {
        r.unwrap();
    }
    let all = s.keywords(None).unwrap();
    assert!(all.len() > 1000, "{}", all.len());
    let names = |q: &str| -> Vec<String> {
        let words: Vec<String> = q.split_whitespace().map(str::to_string).collect();
        s.keywords_matching(&words, usize::MAX)
            .unwrap()
            .into_iter()
            .map(|(n, _)| n)
            .collect()
    };
    assert!(
        names("ha noi").iter().any(|n| n == "Hà Nội"),
        "{:?}",
        names("ha noi")
    );
    assert!(
        names("ha noi")
            .iter()
            .all(|n| !n.to_lowercase().contains("thất")),
        "{:?}",
        names("ha noi")
    );
    for q in ["thai binh", "viet nam", "ng", "tp.hcm", "zzzz", "hat"] {
        let words: Vec<String> = q.split_whitespace().map(str::to_string).collect();
        let folded: Vec<String> = words.iter().map(|w| search_fold(w)).collect();
        let want: Vec<(String, i64)> = all
            .iter()
            .filter(|(n, _)| {
                let name = format!(" {}", search_fold(n));
                folded.iter().all(|w| name.contains(&format!(" {w}")))
            })
            .cloned()
            .collect();
        assert_eq!(
            s.keywords_matching(&words, usize::MAX).unwrap(),
            want,
            "{q}"
        );
        let few = s.keywords_matching(&words, 3).unwrap();
        assert_eq!(few, want[..want.len().min(3)], "{q}");
    }
    // Typed with marks, a word is that spelling, as in the search: "hà"
    // is "Hà Nội", "Hà Tĩnh", not "Hải Phòng", "Á hậu" or "Harvard".
    for (q, start) in [("HÀ", "hà"), ("Đà", "đà")] {
        let want: Vec<(String, i64)> = all
            .iter()
            .filter(|(n, _)| {
                n.to_lowercase()
                    .split_whitespace()
                    .any(|w| w.starts_with(start))
            })
            .cloned()
            .collect();
        assert!(!want.is_empty(), "{q}");
        assert_eq!(
            s.keywords_matching(&[q.to_string()], usize::MAX).unwrap(),
            want,
            "{q}"
        );
    }
    // One of the rarest keywords is found by its name typed without marks.
    let (rare, _) = all.last().unwrap();
    let words = vec![search_fold(rare)];
    let found = s.keywords_matching(&words, usize::MAX).unwrap();
    assert!(found.iter().any(|(n, _)| n == rare), "{rare}: {found:?}");
}

/// The list filtered by a keyword holds the articles the sidebar counts
/// under it: "Hà Nội" is not "hạ nổi" nor the typo "Hà Nôi", though all three
/// read "ha noi" without marks. Only a name no keyword has is matched with
/// marks ignored (`ha noi`: all three).
#[test]
fn a_keyword_filter_is_the_keyword_the_sidebar_counts() {
    let mut s = Store::open_in_memory().unwrap();
    let article = |title: &str, keyword: &str| NewArticle {
        title: title.into(),
        url: Some(format!(
            "https://a.vn/{}",
            title_key(title).replace(' ', "-")
        )),
        keywords: vec![Keyword {
            name: keyword.into(),
            source: KeywordSource::Page,
        }],
        paragraphs: vec![Paragraph::text("Nội dung.")],
        ..Default::default()
    };
    for (title, keyword) in [
        ("Hà Nội mưa to", "Hà Nội"),
        ("Giao thông Hà Nội", "HÀ NỘI"),
        ("Không hạ nổi chiếc thuyền", "hạ nổi"),
        ("Hà Nôi viết sai", "Hà Nôi"),
    ] {
        s.import(&article(title, keyword)).unwrap();
    }
    let counts = s.keywords(None).unwrap();
    assert!(counts.contains(&("Hà Nội".into(), 2)), "{counts:?}");
    let titles = |k: &str| -> Vec<String> {
        let f = ListFilter {
            keywords: vec![k.into()],
            ..Default::default()
        };
        assert_eq!(
            s.count(&f).unwrap() as usize,
            s.list(&f, None, 100).unwrap().len()
        );
        let mut t: Vec<String> = s
            .list(&f, None, 100)
            .unwrap()
            .into_iter()
            .map(|a| a.title)
            .collect();
        t.sort();
        t
    };
    assert_eq!(titles("Hà Nội"), ["Giao thông Hà Nội", "Hà Nội mưa to"]);
    assert_eq!(titles("hà  nội"), ["Giao thông Hà Nội", "Hà Nội mưa to"]);
    assert_eq!(titles("hạ nổi"), ["Không hạ nổi chiếc thuyền"]);
    assert_eq!(titles("ha noi").len(), 4);
    assert!(titles("Hà Nộii").is_empty());
}
