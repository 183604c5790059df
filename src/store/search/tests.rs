use chrono::DateTime;

use super::*;
use crate::model::{ImportOutcome, Keyword, KeywordSource, NewArticle, Paragraph};
use crate::text::syllables::syllable_matches;

const SAMPLE: &str = include_str!("../../../tests/fixtures/dan-van-2021-03-05.txt");
const DANTRI3: &str = include_str!("../../../tests/fixtures/dantri-30-head3.jsonl");

fn art(title: &str, url: &str, date: &str, body: &[&str]) -> NewArticle {
    NewArticle {
        url: Some(url.to_string()),
        title: title.to_string(),
        published: Some(DateTime::parse_from_rfc3339(date).expect("test date")),
        paragraphs: body.iter().map(|p| Paragraph::text(*p)).collect(),
        ..NewArticle::default()
    }
}

fn store_with(articles: &[NewArticle]) -> Store {
    let mut store = Store::open_in_memory().unwrap();
    for r in store.import_batch(articles).unwrap() {
        r.unwrap();
    }
    store
}

fn ids(store: &Store, q: &str) -> Vec<i64> {
    ids_filtered(store, q, &ListFilter::default())
}

fn ids_filtered(store: &Store, q: &str, f: &ListFilter) -> Vec<i64> {
    store
        .search(q, f, 100)
        .unwrap_or_else(|e| panic!("query {q:?}: {e}"))
        .iter()
        .map(|h| h.id.0)
        .collect()
}

/// The sample page and the three Dân trí articles of the fixtures, built
/// here from their text rather than by the ingesters, which the store does
/// not use (`tests/store_search.rs` searches what the ingesters read): the
/// page's first line is its title and every other line a paragraph; of a
/// JSON line, its title, URL, lead and paragraphs (a single string there).
fn fixture_articles() -> Vec<NewArticle> {
    let mut lines = SAMPLE.lines().map(str::trim).filter(|l| !l.is_empty());
    let title = lines.next().expect("the sample's title").to_string();
    let mut all = vec![NewArticle {
        title,
        paragraphs: lines.map(Paragraph::text).collect(),
        ..NewArticle::default()
    }];
    for line in DANTRI3.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
        let text = |key: &str| v[key].as_str().map(str::to_string);
        all.push(NewArticle {
            url: text("source_url"),
            title: text("title").expect("a title"),
            lead: text("lead"),
            paragraphs: text("paragraphs")
                .into_iter()
                .map(Paragraph::text)
                .collect(),
            ..NewArticle::default()
        });
    }
    all
}

fn fixtures_store() -> Store {
    store_with(&fixture_articles())
}

#[test]
fn on_troi_and_prefixes() {
    let store = store_with(&[
        art(
            "Ơn trời, mưa đã tạnh",
            "https://a.vn/1",
            "2024-01-02T00:00:00+07:00",
            &["Nông dân mừng."],
        ),
        art(
            "Trời nắng",
            "https://a.vn/2",
            "2024-01-03T00:00:00+07:00",
            &["Không có ơn."],
        ),
    ]);
    // Both words in the title rank first.
    assert_eq!(ids(&store, "on troi"), [1, 2]);
    assert_eq!(ids(&store, "\"on troi\""), [1]);
    assert_eq!(ids(&store, "tro"), ids(&store, "troi"));
    assert!(
        ids(&store, "roi").is_empty(),
        "a prefix of a word, not its middle"
    );
}

#[test]
fn title_hits_rank_above_body_hits_and_newer_first_among_equals() {
    let store = store_with(&[
        art(
            "Tin thời sự",
            "https://a.vn/1",
            "2024-01-01T00:00:00+07:00",
            &["Giá vàng hôm nay tăng mạnh."],
        ),
        art(
            "Giá vàng hôm nay",
            "https://a.vn/2",
            "2023-01-01T00:00:00+07:00",
            &["Thị trường sôi động."],
        ),
        art(
            "Bóng đá",
            "https://a.vn/3",
            "2020-01-01T00:00:00+07:00",
            &["Một trận cầu."],
        ),
        art(
            "Bóng đá",
            "https://a.vn/4",
            "2022-01-01T00:00:00+07:00",
            &["Một trận cầu."],
        ),
    ]);
    assert_eq!(
        ids(&store, "gia vang"),
        [2, 1],
        "title hit first although older"
    );
    let hits = store.search("bong da", &ListFilter::default(), 10).unwrap();
    assert_eq!(hits[0].score, hits[1].score);
    assert_eq!(ids(&store, "bong da"), [4, 3], "equal scores: newest first");
    assert!(hits[0].score > 0.0, "higher is better");
    // limit
    assert_eq!(
        store
            .search("bong", &ListFilter::default(), 1)
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn the_index_follows_updates_and_deletes() {
    let mut store = store_with(&[
        art(
            "Cũ",
            "https://a.vn/1",
            "2024-01-01T00:00:00+07:00",
            &["Chữ cũ xưa."],
        ),
        art(
            "Khác",
            "https://a.vn/2",
            "2024-01-01T00:00:00+07:00",
            &["Chữ xưa."],
        ),
    ]);
    let sorted = |mut v: Vec<i64>| {
        v.sort();
        v
    };
    assert_eq!(sorted(ids(&store, "xua")), [1, 2]);
    // Unchanged re-import: the index row stays.
    let out = store.import(&art(
        "Cũ",
        "https://a.vn/1",
        "2024-01-01T00:00:00+07:00",
        &["Chữ cũ xưa."],
    ));
    assert!(matches!(
        out.unwrap(),
        crate::model::ImportOutcome::Unchanged(_)
    ));
    assert_eq!(sorted(ids(&store, "xua")), [1, 2]);
    // Changed text: the old words go, the new ones come.
    let mut new = art(
        "Mới",
        "https://a.vn/1",
        "2024-01-01T00:00:00+07:00",
        &["Chữ mới tinh."],
    );
    new.keywords = vec![Keyword {
        name: "Đồng Nai".into(),
        source: KeywordSource::Page,
    }];
    assert!(matches!(
        store.import(&new).unwrap(),
        crate::model::ImportOutcome::Updated(_)
    ));
    assert_eq!(ids(&store, "xua"), [2]);
    assert!(ids(&store, "cu").is_empty());
    assert_eq!(ids(&store, "moi tinh"), [1]);
    assert_eq!(ids(&store, "dong nai"), [1], "keywords are indexed");
    let rows: i64 = store
        .conn
        .query_row("SELECT count(*) FROM article_search", [], |r| r.get(0))
        .unwrap();
    assert_eq!(rows, 2);
    // Deleting the article deletes its row.
    store.delete(ArticleId(1)).unwrap();
    assert!(ids(&store, "moi").is_empty());
    assert!(ids(&store, "chu").contains(&2));
    let rows: i64 = store
        .conn
        .query_row("SELECT count(*) FROM article_search", [], |r| r.get(0))
        .unwrap();
    assert_eq!(rows, 1);
}

#[test]
fn search_combines_with_the_list_filter() {
    let mut a1 = art(
        "Giá vàng một",
        "https://a.vn/1",
        "2024-01-01T00:00:00+07:00",
        &["x"],
    );
    a1.keywords = vec![Keyword {
        name: "Kinh tế".into(),
        source: KeywordSource::Page,
    }];
    let a2 = art(
        "Giá vàng hai",
        "https://a.vn/2",
        "2024-01-02T00:00:00+07:00",
        &["x"],
    );
    let a3 = art(
        "Giá vàng ba",
        "https://a.vn/3",
        "2024-01-03T00:00:00+07:00",
        &["x"],
    );
    let store = store_with(&[a1, a2, a3]);
    store.set_bookmarked(ArticleId(2), true).unwrap();
    store.set_read(ArticleId(3), true).unwrap();
    let f = |keywords: &[&str], bookmarked, unread| ListFilter {
        keywords: keywords.iter().map(|s| s.to_string()).collect(),
        bookmarked,
        unread,
        ..ListFilter::default()
    };
    assert_eq!(ids(&store, "gia vang").len(), 3);
    assert_eq!(ids_filtered(&store, "gia vang", &f(&[], true, false)), [2]);
    assert_eq!(
        ids_filtered(&store, "gia vang", &f(&[], false, true)),
        [2, 1]
    );
    assert_eq!(
        ids_filtered(&store, "gia vang", &f(&["kinh tế"], false, false)),
        [1]
    );
    assert!(ids_filtered(&store, "gia vang", &f(&["kinh tế"], true, false)).is_empty());
}

/// Everything in the index, as (term, article, column, offset).
fn index_contents(store: &Store) -> Vec<(String, i64, String, i64)> {
    store
        .conn
        .execute_batch(
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_instances
             USING fts5vocab(main, article_search, instance)",
        )
        .unwrap();
    let mut stmt = store
        .conn
        .prepare("SELECT term, doc, col, offset FROM temp.search_instances ORDER BY 1, 2, 3, 4")
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

#[test]
fn reindexing_an_older_store_indexes_exactly_like_an_import() {
    let mut store = fixtures_store();
    let mut a = art(
        "Có từ khóa",
        "https://a.vn/kw",
        "2024-01-01T00:00:00+07:00",
        &["Một.", "Hai."],
    );
    a.keywords = vec![
        Keyword {
            name: "Đồng Nai".into(),
            source: KeywordSource::Page,
        },
        Keyword {
            name: "kinh tế".into(),
            source: KeywordSource::Auto,
        },
    ];
    store.import(&a).unwrap();
    // A page keyword spelt otherwise than the store's first spelling: the
    // index takes the store's (as a reindex reads it back).
    let mut b = art(
        "Lại Đồng Nai",
        "https://a.vn/kw2",
        "2024-01-02T00:00:00+07:00",
        &["Ba."],
    );
    b.keywords = vec![Keyword {
        name: "ĐỒNG-NAI".into(),
        source: KeywordSource::Page,
    }];
    store.import_batch(&[b]).unwrap();
    let imported = index_contents(&store);
    let vocab = vocab_contents(&store);
    // The written form only (issue 14): no folded twin.
    assert!(
        imported
            .iter()
            .any(|(t, _, c, _)| t == "đảng" && c == "title")
    );
    assert!(!imported.iter().any(|(t, _, _, _)| t == "dang"));
    assert!(imported.iter().any(|(_, _, c, _)| c == "keywords"));
    // Its vocabulary: the spelling under its folded form.
    let n: i64 = store
        .conn
        .query_row(
            "SELECT n FROM search_vocab WHERE folded = 'dang' AND exact = 'đảng'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(n >= 1);
    // What migration 011 leaves: an empty index, every article listed.
    store
        .conn
        .execute_batch(
            "DELETE FROM article_search;
             DELETE FROM search_vocab;
             INSERT INTO search_reindex (id) SELECT id FROM articles;",
        )
        .unwrap();
    assert!(index_contents(&store).is_empty());
    let mut seen = Vec::new();
    let n = store
        .reindex_pending(|done, total| seen.push((done, total)))
        .unwrap();
    assert_eq!(n, 6);
    assert_eq!(seen, [(6, 6)]);
    assert_eq!(
        store
            .reindex_pending(|_, _| panic!("nothing is left"))
            .unwrap(),
        0
    );
    assert_eq!(index_contents(&store), imported);
    // The import counted each syllable once per article, as a reindex does.
    assert_eq!(vocab_contents(&store), vocab);
}

fn vocab_contents(store: &Store) -> Vec<(String, String, i64)> {
    let mut stmt = store
        .conn
        .prepare("SELECT folded, exact, n FROM search_vocab ORDER BY 1, 2")
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

#[test]
fn an_article_twice_in_one_batch_is_indexed_once_as_last_imported() {
    let v1 = art(
        "Bản tin",
        "https://a.vn/1",
        "2024-01-01T00:00:00+07:00",
        &["Chữ cũ xưa."],
    );
    let v2 = art(
        "Bản tin",
        "https://a.vn/1",
        "2024-01-01T00:00:00+07:00",
        &["Chữ mới tinh."],
    );
    let mut store = Store::open_in_memory().unwrap();
    let outs: Vec<_> = store
        .import_batch(&[v1.clone(), v2])
        .unwrap()
        .into_iter()
        .map(Result::unwrap)
        .collect();
    assert!(matches!(
        outs[..],
        [ImportOutcome::Added(_), ImportOutcome::Updated(_)]
    ));
    assert!(ids(&store, "xua").is_empty());
    assert_eq!(ids(&store, "tinh"), [1]);
    // And back, in a batch of its own: the old row is replaced.
    store.import_batch(&[v1]).unwrap();
    assert_eq!(ids(&store, "xua"), [1]);
    assert!(ids(&store, "tinh").is_empty());
    let rows: i64 = store
        .conn
        .query_row("SELECT count(*) FROM article_search", [], |r| r.get(0))
        .unwrap();
    assert_eq!(rows, 1);
}

/// Issue 14: with only the written syllables indexed, a prefix and a word
/// typed without marks reach their spellings through `search_vocab`; they
/// find exactly the articles in-text finding says hold them.
#[test]
fn prefixes_and_unmarked_words_find_what_in_text_finding_finds() {
    let articles = fixture_articles();
    let store = store_with(&articles);
    let holds = |a: &NewArticle, w: &str, prefix: bool| {
        let texts = std::iter::once(a.title.as_str())
            .chain(a.lead.as_deref())
            .chain(a.paragraphs.iter().map(|p| p.text.as_str()));
        let mut found = false;
        for t in texts {
            crate::text::syllables::for_each_syllable(t, |s| {
                found |= syllable_matches(w, s.exact, s.folded, prefix);
                !found
            });
        }
        found
    };
    let mut checked = 0;
    for w in [
        "thai", "binh", "nguy", "nguoi", "dang", "tinh", "chin", "huyen", "zzzz", "dân", "ngư",
        "ch", "tr", "vie", "đ",
    ] {
        for prefix in [false, true] {
            if prefix && w.chars().count() < 2 {
                continue;
            }
            let q = if prefix {
                w.to_string()
            } else {
                format!("{w} ")
            };
            let mut found = ids(&store, &q);
            found.sort_unstable();
            let want: Vec<i64> = (1..=articles.len() as i64)
                .filter(|&i| holds(&articles[i as usize - 1], w, prefix))
                .collect();
            assert_eq!(found, want, "{q:?}");
            checked += usize::from(!want.is_empty());
        }
    }
    assert!(checked >= 15, "only {checked} queries found anything");
    assert!(ids(&store, "zzzz").is_empty());
    assert!(!ids(&store, "thai binh").is_empty());
}

#[test]
fn docbao_rank_is_bm25_when_every_hit_is_counted() {
    let store = fixtures_store();
    let mut stmt = store
        .conn
        .prepare(&format!(
            "SELECT rowid,
                    docbao_rank(article_search, (SELECT min(id) FROM articles),
                                (SELECT max(id) FROM articles)),
                    -bm25(article_search, {WEIGHTS})
             FROM article_search WHERE article_search MATCH ?1"
        ))
        .unwrap();
    for expr in [
        "\"dân\"*",
        "\"thái\"* AND \"bình\"*",
        "\"đảng\" OR \"tình\" OR \"việt\"",
        "\"dân vận\" AND \"tình\"",
        // Synonyms, as a query typed without marks is written.
        "\"dan|dân|dần\" AND \"tinh|tình|tính\"",
        "\"dân vận|vấn\"",
    ] {
        let rows: Vec<(i64, f64, f64)> = stmt
            .query_map([expr], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert!(!rows.is_empty(), "{expr}");
        for (id, ours, bm25) in rows {
            assert!(
                (ours - bm25).abs() <= 1e-9 * bm25.abs().max(1.0),
                "{expr}, article {id}: docbao_rank {ours} but bm25 {bm25}"
            );
        }
    }
}

#[test]
fn docbao_rank_estimates_the_frequency_of_a_common_phrase() {
    // 3,300 articles; "hiem" in every third (1,100 rows: the count stops at
    // SAMPLE_HITS and estimates), "hiem" and "ngay" together in every 30th.
    let articles: Vec<NewArticle> = (0..3300)
        .map(|i| {
            let mut body = format!("Bản tin số {i}.");
            if i % 3 == 0 {
                body.push_str(" Hiếm có.");
            }
            if i % 30 == 0 {
                body.push_str(" Ngày mai.");
            }
            art(
                &format!("Tin {i}"),
                &format!("https://a.vn/{i}"),
                "2024-01-01T00:00:00+07:00",
                &[&body],
            )
        })
        .collect();
    let store = store_with(&articles);
    let rows: Vec<(f64, f64)> = store
        .conn
        .prepare(&format!(
            "SELECT docbao_rank(article_search, (SELECT min(id) FROM articles),
                                (SELECT max(id) FROM articles)),
                    -bm25(article_search, {WEIGHTS})
             FROM article_search WHERE article_search MATCH '\"hiếm\" AND \"ngày\"'"
        ))
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    assert_eq!(rows.len(), 110);
    for (ours, bm25) in rows {
        assert!(
            (ours - bm25).abs() <= 0.01 * bm25.abs(),
            "docbao_rank {ours} but bm25 {bm25}"
        );
    }
}

#[test]
fn a_prefix_of_many_syllables_stands_for_the_most_common() {
    // MAX_SYNONYMS + 6 words that start with "viet": each of the first
    // MAX_SYNONYMS in two articles, the last 6 in one.
    let n = MAX_SYNONYMS + 6;
    let word = |i: usize| {
        format!(
            "viet{}{}",
            (b'a' + (i / 26) as u8) as char,
            (b'a' + (i % 26) as u8) as char
        )
    };
    let mut articles = Vec::new();
    for i in 0..n {
        let copies = if i < MAX_SYNONYMS { 2 } else { 1 };
        for c in 0..copies {
            articles.push(art(
                &format!("Tin {i} {c}"),
                &format!("https://a.vn/v{i}/{c}"),
                "2024-01-01T00:00:00+07:00",
                &[&format!("Chữ {} ở đây.", word(i))],
            ));
        }
    }
    let store = store_with(&articles);
    let (syn, df) = store.synonyms("viet", true).unwrap();
    assert_eq!(syn.len(), MAX_SYNONYMS);
    // About how many articles hold one of them: two each.
    assert_eq!(df, 2 * MAX_SYNONYMS as i64);
    assert!(syn.iter().all(|w| w.starts_with("viet")));
    assert!(!syn.contains(&word(n - 1)), "a rare one is in: {syn:?}");
    // A longer prefix stands for all of its few.
    assert_eq!(store.synonyms("vietc", true).unwrap().0.len(), n - 52);
    // Its articles: both copies of every common word, none of the rare.
    let (count, more) = store.search_count("viet", &ListFilter::default()).unwrap();
    assert_eq!((count, more), (2 * MAX_SYNONYMS, false));
    assert_eq!(ids(&store, &word(n - 1)).len(), 1);
}

/// Issue 13: marks typed are marks required, syllables without marks match
/// every spelling, and articles where the syllables stand together (a
/// phrase) rank above those where they are near, above the rest.
#[test]
fn marks_typed_are_marks_required_and_phrases_rank_first() {
    let far = "một hai ba bốn năm sáu bảy tám chín mười mười một mười hai";
    let store = store_with(&[
        art(
            "Dân vẫn chờ",
            "https://a.vn/1",
            "2024-01-05T00:00:00+07:00",
            &["Người dân vẫn chờ vận may."],
        ),
        art(
            "Công tác dân vận",
            "https://a.vn/2",
            "2024-01-01T00:00:00+07:00",
            &["Bài về dân vận."],
        ),
        art(
            "Tin làng",
            "https://a.vn/3",
            "2024-01-04T00:00:00+07:00",
            &["Dân làng và nhiều người khác vận chuyển hàng."],
        ),
        art(
            "Tin khác",
            "https://a.vn/4",
            "2024-01-06T00:00:00+07:00",
            &[&format!("Dân số tăng {far}. Vận tải.")],
        ),
        art(
            "Đàn vạn con",
            "https://a.vn/5",
            "2024-01-02T00:00:00+07:00",
            &["Chim."],
        ),
    ]);
    assert_eq!(ids(&store, "\"dân vận\""), [2]);
    let exact = ids(&store, "dân vận");
    assert_eq!(exact[0], 2, "the phrase first: {exact:?}");
    let mut near = exact[1..3].to_vec();
    near.sort_unstable();
    assert_eq!(near, [1, 3], "then where they are near: {exact:?}");
    assert_eq!(exact[3..], [4], "then the rest; not \"đàn vạn\": {exact:?}");
    let any = ids(&store, "dan van");
    let mut phrases = any[..3].to_vec();
    phrases.sort_unstable();
    assert_eq!(phrases, [1, 2, 5], "every spelling of the phrase: {any:?}");
    assert_eq!(any[3..], [3, 4]);
    // Syllable by syllable.
    let mut mixed = ids(&store, "dân van");
    mixed.truncate(2);
    mixed.sort_unstable();
    assert_eq!(mixed, [1, 2]);
    assert_eq!(ids(&store, "\"đàn van\""), [5]);
    // Only the last syllable is a prefix.
    assert_eq!(ids(&store, "dan va")[..3].len(), 3);
    assert!(ids(&store, "da van").is_empty());
    let count = |q: &str| store.search_count(q, &ListFilter::default()).unwrap();
    assert_eq!(count("dan van"), (5, false));
    assert_eq!(count("dân vận"), (4, false));
    assert_eq!(count("\"dân vận\""), (1, false));
    assert_eq!(count(""), (0, false));
}

/// The last syllable typed is a prefix, but the phrase with it whole comes
/// first: "tai nan" is "tai nạn" before "tài năng".
#[test]
fn a_whole_last_syllable_ranks_above_a_prefix() {
    let store = store_with(&[
        art(
            "Tai nạn",
            "https://a.vn/1",
            "2024-01-01T00:00:00+07:00",
            &["Xe."],
        ),
        art(
            "Tài năng trẻ",
            "https://a.vn/2",
            "2024-01-02T00:00:00+07:00",
            &["Tài năng."],
        ),
    ]);
    assert_eq!(ids(&store, "tai nan"), [1, 2]);
    assert_eq!(ids(&store, "tai nan "), [1]);
    let mut both = ids(&store, "tai na");
    both.sort_unstable();
    assert_eq!(both, [1, 2], "both start with \"na\"");
}

/// A whole last syllable ranks first only when its phrase is a fair share
/// of the phrase's matches (review item 7): "thai bi" as typed is "Thái
/// Bình" before the one "biến thái bị bắt", where "thái" and "bị" stand
/// together across two words. Titles and leads from the baomoi store.
#[test]
fn a_rare_whole_last_syllable_ranks_with_the_prefix() {
    let binh = [
        "Đền Trần - Thái Bình: Không phát hành giấy mời đại biểu tới dự lễ hội",
        "Thái Bình: Hủy nổ thành công một quả bom nặng khoảng 250kg",
        "Nhà máy Nhiệt điện Thái Bình 1 hòa lưới điện",
        "Nổ súng trong đêm ở trung tâm TP.Thái Bình, một thanh niên nhập viện",
        "Thái Bình: Giữ nguyên nội dung Quyết định 9589 với khiếu nại của ông Đ",
    ];
    let bi = [
        (
            "Vạch mặt kẻ biến thái nấp trong toilet nữ suốt 6 tiếng",
            "Kẻ biến thái bị bắt quả tang đang ẩn nấp trong toilet nữ hàng giờ đồng hồ.",
        ),
        (
            "Công an vào cuộc vụ bán khống nhà ở xã hội Đại Kim",
            "Giám đốc Công ty Việt Thái bị tố giác lừa đảo chiếm đoạt tài sản.",
        ),
    ];
    let store_of = |n_bi: usize| {
        let mut all = Vec::new();
        for (i, t) in binh.iter().enumerate() {
            let date = format!("2017-02-0{}T00:00:00+07:00", i + 1);
            all.push(art(t, &format!("https://b.vn/{i}"), &date, &["Tin."]));
        }
        for (i, (t, lead)) in bi.iter().take(n_bi).enumerate() {
            let date = format!("2017-03-0{}T00:00:00+07:00", i + 1);
            all.push(art(t, &format!("https://c.vn/{i}"), &date, &[lead]));
        }
        store_with(&all)
    };
    // One "thái bị" for five "Thái Bình": ranked with them, after them.
    let store = store_of(1);
    let got = ids(&store, "thai bi");
    let mut first = got[..5].to_vec();
    first.sort_unstable();
    assert_eq!(
        (first, got[5..].to_vec()),
        (vec![1, 2, 3, 4, 5], vec![6]),
        "{got:?}"
    );
    // Whole, it is still found alone.
    assert_eq!(ids(&store, "thai bi "), [6]);
    // Two for five: a fair share, the whole syllable first as before.
    let store = store_of(2);
    let mut first = ids(&store, "thai bi")[..2].to_vec();
    first.sort_unstable();
    assert_eq!(first, [6, 7]);
}

/// Syllables typed with no space between them ("5/3", "TP.HCM",
/// "COVID-19") are next to each other in the text, not anywhere in it.
#[test]
fn syllables_joined_by_punctuation_are_found_next_to_each_other() {
    let store = store_with(&[
        art(
            "Lễ hội ngày 5/3",
            "https://x.vn/a",
            "2021-03-05T08:00:00+07:00",
            &["Ngày 5/3, hàng nghìn người dự lễ hội ở TP.HCM."],
        ),
        art(
            "Năm người bị thương",
            "https://x.vn/b",
            "2021-03-06T08:00:00+07:00",
            &["5 người bị thương sau 3 ngày mưa lớn ở TP Thủ Đức, HCM."],
        ),
    ]);
    assert_eq!(ids(&store, "5/3"), [1]);
    assert_eq!(ids(&store, "ngày 5/3"), [1]);
    assert_eq!(ids(&store, "TP.HCM lễ hội"), [1]);
    assert_eq!(ids(&store, "tp.hcm"), [1]);
    // With a space they are two words, anywhere.
    let mut both = ids(&store, "5 3");
    both.sort();
    assert_eq!(both, [1, 2]);
}

/// `doctor`'s rebuild: batch by batch in one transaction (not every
/// article's text in memory at once: 1.1 GB at 100,000 articles), telling
/// its progress, and the index and its vocabulary as an import made them.
#[test]
fn rebuilding_the_index_in_batches_gives_the_index_an_import_gave() {
    let mut store = fixtures_store();
    let imported = index_contents(&store);
    let vocab = vocab_contents(&store);
    let mut seen = Vec::new();
    let n = store
        .rebuild_search_index_in(2, |done, total| seen.push((done, total)))
        .unwrap();
    assert_eq!(n, 4);
    assert_eq!(seen, [(2, 4), (4, 4)]);
    assert_eq!(index_contents(&store), imported);
    assert_eq!(vocab_contents(&store), vocab);
}
