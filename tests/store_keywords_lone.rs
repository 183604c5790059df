//! A candidate that needs company is an auto keyword only when other
//! articles hold it too (issue 15): a phrase in lower case that is no
//! dictionary word, when one other does for each 3,000 articles of the
//! store and at least two do (one article's "phản kháng dữ dội" is a stretch of
//! its sentence more often than a term, and so are two's "khách hàng phản
//! ứng"), or a name the article mentions once, outside its
//! title, when two others do (a place after its administrative word needs
//! none).
//! Names it repeats, names in its title and dictionary words need no
//! company. A keyword taken off for want of company waits: the flush after
//! the import that brings enough company links it to its article again.

use docbao::model::{ArticleId, ImportOutcome, KeywordSource, NewArticle, Paragraph};
use docbao::store::Store;
use docbao::text::keywords::{candidates, company_needed};

mod common;
use common::keywords::{in_sidebar, link_as_older_docbao, names};

/// A theft of a concrete drill ("máy khoan bê tông": no dictionary word)
/// from a building site in `place`.
fn drill(place: &str) -> NewArticle {
    NewArticle {
        title: format!("Hai thanh niên trộm máy khoan bê tông ở {place}"),
        url: Some(format!("https://example.vn/khoan-{place}")),
        paragraphs: vec![
            Paragraph::text(format!(
                "Hai thanh niên đã lấy trộm máy khoan bê tông tại một công trường ở {place}. \
                 Chiếc máy khoan bê tông trị giá 20 triệu đồng."
            )),
            Paragraph::text(format!(
                "Công an {place} đã thu hồi máy khoan bê tông và trả lại cho chủ công trường."
            )),
        ],
        ..Default::default()
    }
}

/// An article about something else.
fn football() -> NewArticle {
    NewArticle {
        title: "Đội tuyển Việt Nam thắng Thái Lan ở vòng loại".into(),
        url: Some("https://example.vn/bong-da".into()),
        paragraphs: vec![Paragraph::text(
            "Đội tuyển Việt Nam thắng Thái Lan 2-1 trên sân Mỹ Đình tối qua.",
        )],
        ..Default::default()
    }
}

const DRILL: &str = "máy khoan bê tông";

/// Drills in three places, imported one by one (no flush).
fn three_drills(s: &mut Store) -> [ArticleId; 3] {
    ["Hà Đông", "Thanh Xuân", "Cầu Giấy"].map(|p| s.import(&drill(p)).unwrap().id())
}

/// Is `name` a keyword of article `id`?
fn has(s: &Store, id: ArticleId, name: &str) -> bool {
    names(s, id).iter().any(|k| k == name)
}

/// The drill's phrase is a keyword of none of `ids`, nor in the sidebar.
fn assert_drill_nowhere(s: &Store, ids: &[ArticleId]) {
    for &id in ids {
        assert!(!has(s, id, DRILL), "{:?}", names(s, id));
    }
    assert!(!in_sidebar(s, DRILL));
}

#[test]
fn a_lowercase_phrase_no_other_article_holds_is_no_keyword() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(&dir.path().join("s.db")).unwrap();
    let id = s.import(&drill("Hà Đông")).unwrap().id();
    s.import(&football()).unwrap();
    s.flush_keyword_stats().unwrap();
    let kws = names(&s, id);
    assert!(!kws.iter().any(|k| k == DRILL), "{kws:?}");
    assert!(!in_sidebar(&s, DRILL));
    // Its name stays a keyword, held by one article or not.
    assert!(kws.iter().any(|k| k == "Hà Đông"), "{kws:?}");
}

#[test]
fn a_phrase_two_articles_hold_is_a_keyword_of_neither() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(&dir.path().join("s.db")).unwrap();
    let first = s.import(&drill("Hà Đông")).unwrap().id();
    let second = s.import(&drill("Thanh Xuân")).unwrap().id();
    s.flush_keyword_stats().unwrap();
    assert_drill_nowhere(&s, &[first, second]);
}

#[test]
fn a_phrase_three_articles_hold_is_a_keyword_of_each() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(&dir.path().join("s.db")).unwrap();
    // The same import: the first two held it with too few others when
    // they were scored.
    let ids = three_drills(&mut s);
    s.flush_keyword_stats().unwrap();
    for id in ids {
        assert!(has(&s, id, DRILL), "{:?}", names(&s, id));
    }
    // A later import: the store holds it already.
    let fourth = s.import(&drill("Long Biên")).unwrap().id();
    s.flush_keyword_stats().unwrap();
    assert!(has(&s, fourth, DRILL));
    let count = s
        .keywords(None)
        .unwrap()
        .into_iter()
        .find(|(k, _)| k == DRILL);
    assert_eq!(count.map(|(_, n)| n), Some(4));
}

/// Short articles of another story each, numbered from `from`.
fn bulletins(from: usize, n: usize) -> Vec<NewArticle> {
    (from..from + n)
        .map(|i| NewArticle {
            title: format!("Bản tin số {i}"),
            url: Some(format!("https://example.vn/ban-tin-{i}")),
            paragraphs: vec![Paragraph::text("Thời tiết hôm nay nắng nhẹ.")],
            ..Default::default()
        })
        .collect()
}

/// `n` [`bulletins`], one import: a store of that size (9,000 take a debug
/// build a few seconds).
fn fill(s: &mut Store, n: usize) {
    for batch in bulletins(0, n).chunks(2_000) {
        s.import_batch(batch).unwrap();
    }
    s.flush_keyword_stats().unwrap();
}

#[test]
fn a_bigger_store_asks_more_articles_of_a_phrase_judged_at_its_size_when_the_import_ends() {
    // 8,995 articles: the third drill is scored in a store of 8,998 with
    // it, which asks two others of a free phrase (it has them), and the
    // import ends at 9,000 with two more bulletins, which asks three (one
    // for each 3,000 articles: `FREE_SHARE`).
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(&dir.path().join("s.db")).unwrap();
    fill(&mut s, 8_995);
    let ids = three_drills(&mut s);
    s.import_batch(&bulletins(8_995, 2)).unwrap();
    s.flush_keyword_stats().unwrap();
    assert_drill_nowhere(&s, &ids);
    // Rescored, each counted out while it is scored: the same size.
    s.recompute_auto_keywords().unwrap();
    assert_drill_nowhere(&s, &ids);
    // A fourth has three others: a keyword of it.
    let fourth = s.import(&drill("Long Biên")).unwrap().id();
    s.flush_keyword_stats().unwrap();
    assert!(has(&s, fourth, DRILL), "{:?}", names(&s, fourth));
}

#[test]
fn a_recount_judges_a_phrase_a_smaller_store_kept_at_the_size_it_has_grown_to() {
    // Three drills in a new store keep the phrase (two others each); the
    // store grows to 9,003 articles, which ask three: `doctor`'s recount
    // takes it off all three.
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(&dir.path().join("s.db")).unwrap();
    let ids = three_drills(&mut s);
    s.flush_keyword_stats().unwrap();
    for id in ids {
        assert!(has(&s, id, DRILL));
    }
    fill(&mut s, 9_000);
    for id in ids {
        assert!(has(&s, id, DRILL), "not judged again");
    }
    s.rebuild_keyword_stats().unwrap();
    assert_drill_nowhere(&s, &ids);
}

#[test]
fn the_flush_weighs_a_free_phrase_against_the_store_as_another_docbao_grew_it() {
    // This docbao counted an empty store; another then stored 9,000
    // articles in the same file. Three drills here are judged at 9,003
    // articles, which ask three others, not at the 3 this one counted.
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let mut here = Store::open(&db).unwrap();
    assert_eq!(here.phrase_df(DRILL).unwrap(), (0, 0), "counts loaded");
    fill(&mut Store::open(&db).unwrap(), 9_000);
    let ids = three_drills(&mut here);
    here.flush_keyword_stats().unwrap();
    assert_drill_nowhere(&here, &ids);
}

/// A review of a phone model written in lower case with its number, as
/// baomoi's "Iphone 7", in `shop`.
fn phone(shop: &str) -> NewArticle {
    NewArticle {
        title: format!("Khách xếp hàng mua Iphone 7 tại {shop}"),
        url: Some(format!("https://example.vn/iphone-{shop}")),
        paragraphs: vec![Paragraph::text(format!(
            "Nhiều khách hàng đã xếp hàng từ sáng để mua Iphone 7 tại {shop}. \
             Giá Iphone 7 bản 32 GB là 18 triệu đồng."
        ))],
        ..Default::default()
    }
}

#[test]
fn a_models_name_two_articles_of_one_import_hold_is_a_keyword_of_both() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let mut s = Store::open(&db).unwrap();
    // The first waits for the flush, which finds the second.
    let ids = ["Hà Nội", "Đà Nẵng"].map(|p| s.import(&phone(p)).unwrap().id());
    s.flush_keyword_stats().unwrap();
    for id in ids {
        assert!(has(&s, id, "Iphone 7"), "{:?}", names(&s, id));
    }
    // A recount keeps both.
    drop(s);
    let mut s = Store::open(&db).unwrap();
    s.rebuild_keyword_stats().unwrap();
    for id in ids {
        assert!(has(&s, id, "Iphone 7"));
    }
}

#[test]
fn a_models_name_with_its_number_needs_one_other_article() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(&dir.path().join("s.db")).unwrap();
    let first = s.import(&phone("Hà Nội")).unwrap().id();
    s.flush_keyword_stats().unwrap();
    assert!(!has(&s, first, "Iphone 7"));
    let second = s.import(&phone("Đà Nẵng")).unwrap().id();
    s.flush_keyword_stats().unwrap();
    // The second brings the first's company: both have it.
    for id in [first, second] {
        assert!(has(&s, id, "Iphone 7"), "{:?}", names(&s, id));
    }
}

/// A fire at a market in `place`; the captain who put it out is named
/// once, in the body, `again` times more in a later paragraph.
fn fire(place: &str, captain: &str, again: bool) -> NewArticle {
    let mut paragraphs = vec![
        Paragraph::text(format!(
            "Một đám cháy lớn đã xảy ra tại chợ {place} vào rạng sáng nay. \
             Lực lượng cứu hỏa đã có mặt kịp thời."
        )),
        Paragraph::text(format!(
            "Theo đại úy {captain}, đám cháy được khống chế sau hai giờ. \
             Chợ {place} bị thiệt hại nặng."
        )),
    ];
    if again {
        paragraphs.push(Paragraph::text(format!(
            "Chiều cùng ngày, {captain} đã báo cáo vụ việc với lãnh đạo thành phố."
        )));
    }
    NewArticle {
        title: format!("Cháy lớn tại chợ {place}"),
        url: Some(format!("https://example.vn/chay-{place}-{captain}")),
        paragraphs,
        ..Default::default()
    }
}

const CAPTAIN: &str = "Nguyễn Hữu Khang";

/// Two fires whose articles name [`CAPTAIN`] once each.
fn two_fires(s: &mut Store) -> [ArticleId; 2] {
    ["Long Biên", "Hà Đông"].map(|p| s.import(&fire(p, CAPTAIN, false)).unwrap().id())
}

/// A third fire naming [`CAPTAIN`] once, flushed: the two before it and it
/// have him.
fn a_third_brings_company(s: &mut Store, ids: [ArticleId; 2]) {
    let third = s.import(&fire("Thanh Xuân", CAPTAIN, false)).unwrap().id();
    s.flush_keyword_stats().unwrap();
    for id in [ids[0], ids[1], third] {
        assert!(has(s, id, CAPTAIN), "{:?}", names(s, id));
    }
}

/// None of `ids` has [`CAPTAIN`].
fn assert_no_captain(s: &Store, ids: &[ArticleId]) {
    for &id in ids {
        assert!(!has(s, id, CAPTAIN), "{:?}", names(s, id));
    }
}

#[test]
fn a_name_its_article_mentions_once_and_no_other_holds_is_no_keyword() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(&dir.path().join("s.db")).unwrap();
    let once = s.import(&fire("Long Biên", CAPTAIN, false)).unwrap().id();
    let twice = s
        .import(&fire("Cầu Giấy", "Trần Đức Lâm", true))
        .unwrap()
        .id();
    s.import(&football()).unwrap();
    s.flush_keyword_stats().unwrap();
    let kws = names(&s, once);
    assert!(!kws.iter().any(|k| k == CAPTAIN), "{kws:?}");
    assert!(!in_sidebar(&s, CAPTAIN));
    // The name in its title stays, held by one article or not.
    assert!(kws.iter().any(|k| k.contains("Long Biên")), "{kws:?}");
    // Named twice, it needs no other article.
    let kws = names(&s, twice);
    assert!(kws.iter().any(|k| k == "Trần Đức Lâm"), "{kws:?}");
}

#[test]
fn a_name_three_articles_mention_once_is_a_keyword_of_each_two_of_neither() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(&dir.path().join("s.db")).unwrap();
    let first = s.import(&fire("Long Biên", CAPTAIN, false)).unwrap().id();
    let second = s.import(&fire("Hà Đông", CAPTAIN, false)).unwrap().id();
    s.flush_keyword_stats().unwrap();
    for id in [first, second] {
        assert!(!has(&s, id, CAPTAIN), "{:?}", names(&s, id));
    }
    assert!(!in_sidebar(&s, CAPTAIN));
    // A later import brings the third: the first two get the name back,
    // each at its place among its keywords, as one import of the three
    // gives them.
    let third = s.import(&fire("Thanh Xuân", CAPTAIN, false)).unwrap().id();
    s.flush_keyword_stats().unwrap();
    for id in [first, second, third] {
        assert!(has(&s, id, CAPTAIN), "{:?}", names(&s, id));
    }
    let dir1 = tempfile::tempdir().unwrap();
    let mut one = Store::open(&dir1.path().join("s.db")).unwrap();
    let ids = ["Long Biên", "Hà Đông", "Thanh Xuân"]
        .map(|p| one.import(&fire(p, CAPTAIN, false)).unwrap().id());
    one.flush_keyword_stats().unwrap();
    assert_eq!(names(&s, first), names(&one, ids[0]));
    assert_eq!(names(&s, second), names(&one, ids[1]));
    assert_eq!(
        s.keywords(None)
            .unwrap()
            .into_iter()
            .find(|(k, _)| k == CAPTAIN),
        Some((CAPTAIN.to_string(), 3))
    );
}

#[test]
fn a_place_after_its_administrative_word_mentioned_once_needs_no_company() {
    // "thôn Giao Thiện", mentioned once: where the news happened.
    let village = "Giao Thiện";
    let story = NewArticle {
        title: "Mưa lớn gây ngập ở nhiều nơi".into(),
        url: Some("https://example.vn/mua".into()),
        paragraphs: vec![Paragraph::text(format!(
            "Nước lũ đã tràn vào nhiều nhà dân ở thôn {village}. Người dân đã được \
             sơ tán đến nơi an toàn, chính quyền đang khắc phục hậu quả."
        ))],
        ..Default::default()
    };
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(&dir.path().join("s.db")).unwrap();
    let id = s.import(&story).unwrap().id();
    s.import(&football()).unwrap();
    s.flush_keyword_stats().unwrap();
    assert!(has(&s, id, village), "{:?}", names(&s, id));
}

#[test]
fn a_rescoring_leaves_a_name_waiting_for_its_company() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(&dir.path().join("s.db")).unwrap();
    let ids = two_fires(&mut s);
    s.flush_keyword_stats().unwrap();
    s.recompute_auto_keywords().unwrap();
    assert_no_captain(&s, &ids);
    a_third_brings_company(&mut s, ids);
}

#[test]
fn a_recount_links_what_waited_once_it_finds_the_company() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let mut s = Store::open(&db).unwrap();
    let ids = two_fires(&mut s);
    s.flush_keyword_stats().unwrap();
    // A docbao killed after storing the third, before its flush: the
    // counts in the file do not hold it.
    let third = s.import(&fire("Thanh Xuân", CAPTAIN, false)).unwrap().id();
    std::mem::forget(s);
    let mut s = Store::open(&db).unwrap();
    assert_eq!(s.phrase_df(CAPTAIN).unwrap().0, 2);
    assert!(!has(&s, ids[0], CAPTAIN));
    // `doctor`'s recount counts three, and links the two that waited.
    s.rebuild_keyword_stats().unwrap();
    for id in [ids[0], ids[1], third] {
        assert!(has(&s, id, CAPTAIN), "{:?}", names(&s, id));
    }
}

#[test]
fn a_recount_takes_a_name_two_articles_mention_once_off_both_to_wait() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let mut s = Store::open(&db).unwrap();
    let ids = two_fires(&mut s);
    s.flush_keyword_stats().unwrap();
    drop(s);
    // As a docbao that asked one other article left them: both linked.
    for id in ids {
        link_as_older_docbao(&db, id, CAPTAIN, "");
    }
    let mut s = Store::open(&db).unwrap();
    s.rebuild_keyword_stats().unwrap();
    assert_no_captain(&s, &ids);
    a_third_brings_company(&mut s, ids);
}

#[test]
fn an_article_updated_to_mention_a_name_once_loses_it_as_it_is_stored() {
    // A feed item that changed, or a full page stored over its summary:
    // its old version, still counted while the new one is scored, is no
    // other article.
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(&dir.path().join("s.db")).unwrap();
    let id = s.import(&fire("Long Biên", CAPTAIN, true)).unwrap().id();
    s.import(&football()).unwrap();
    s.flush_keyword_stats().unwrap();
    assert!(has(&s, id, CAPTAIN));
    let out = s.import(&fire("Long Biên", CAPTAIN, false)).unwrap();
    assert_eq!(out, ImportOutcome::Updated(id));
    s.flush_keyword_stats().unwrap();
    let kws = names(&s, id);
    assert!(!kws.iter().any(|k| k == CAPTAIN), "{kws:?}");
    assert!(!in_sidebar(&s, CAPTAIN));
    // The same update where two other articles hold the name keeps it.
    let others =
        ["Hà Đông", "Thanh Xuân"].map(|p| s.import(&fire(p, CAPTAIN, false)).unwrap().id());
    s.import(&fire("Long Biên", CAPTAIN, true)).unwrap();
    s.import(&fire("Long Biên", CAPTAIN, false)).unwrap();
    s.flush_keyword_stats().unwrap();
    for id in [id, others[0], others[1]] {
        assert!(has(&s, id, CAPTAIN), "{:?}", names(&s, id));
    }
}

#[test]
fn an_article_updated_without_a_waiting_name_never_gets_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(&dir.path().join("s.db")).unwrap();
    let id = s.import(&fire("Long Biên", CAPTAIN, false)).unwrap().id();
    s.flush_keyword_stats().unwrap();
    assert!(!has(&s, id, CAPTAIN));
    // Its new version names another captain: the old name waits no more.
    let mut new = fire("Long Biên", "Lê Văn Tám", false);
    new.url = fire("Long Biên", CAPTAIN, false).url;
    let out = s.import(&new).unwrap();
    assert_eq!(out, ImportOutcome::Updated(id));
    s.flush_keyword_stats().unwrap();
    // Three others bring company enough for each of them.
    let others = ["Hà Đông", "Thanh Xuân", "Cầu Giấy"]
        .map(|p| s.import(&fire(p, CAPTAIN, false)).unwrap().id());
    s.flush_keyword_stats().unwrap();
    assert!(!has(&s, id, CAPTAIN), "{:?}", names(&s, id));
    for id in others {
        assert!(has(&s, id, CAPTAIN), "{:?}", names(&s, id));
    }
}

#[test]
fn a_recount_takes_a_lone_phrase_off_a_store_an_older_docbao_made() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let mut s = Store::open(&db).unwrap();
    let id = s.import(&drill("Hà Đông")).unwrap().id();
    s.flush_keyword_stats().unwrap();
    drop(s);
    // As a docbao before this rule left it: the phrase linked.
    link_as_older_docbao(&db, id, DRILL, "");
    let mut s = Store::open(&db).unwrap();
    assert!(has(&s, id, DRILL));
    // `docbao doctor` recounts.
    s.rebuild_keyword_stats().unwrap();
    assert!(!has(&s, id, DRILL), "{:?}", names(&s, id));
    assert!(!in_sidebar(&s, DRILL));
    assert!(!names(&s, id).is_empty());
}

#[test]
fn a_recount_takes_a_phrase_two_articles_hold_off_both() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let mut s = Store::open(&db).unwrap();
    let ids = ["Hà Đông", "Thanh Xuân"].map(|p| s.import(&drill(p)).unwrap().id());
    s.flush_keyword_stats().unwrap();
    drop(s);
    // As a docbao that wanted one other article left it: linked to both.
    for id in ids {
        link_as_older_docbao(&db, id, DRILL, "");
    }
    let mut s = Store::open(&db).unwrap();
    assert!(in_sidebar(&s, DRILL));
    s.rebuild_keyword_stats().unwrap();
    assert_drill_nowhere(&s, &ids);
}

#[test]
fn a_recount_takes_a_name_mentioned_once_off_a_store_an_older_docbao_made() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let mut s = Store::open(&db).unwrap();
    let once = s.import(&fire("Long Biên", CAPTAIN, false)).unwrap().id();
    let twice = s
        .import(&fire("Cầu Giấy", "Trần Đức Lâm", true))
        .unwrap()
        .id();
    s.flush_keyword_stats().unwrap();
    drop(s);
    // As a docbao before this rule left it: the name linked.
    link_as_older_docbao(&db, once, CAPTAIN, "");
    let mut s = Store::open(&db).unwrap();
    assert!(has(&s, once, CAPTAIN));
    let before = names(&s, twice);
    s.rebuild_keyword_stats().unwrap();
    assert!(!has(&s, once, CAPTAIN), "{:?}", names(&s, once));
    assert!(!in_sidebar(&s, CAPTAIN));
    // The article that names its captain twice keeps every keyword.
    assert_eq!(names(&s, twice), before);
    assert!(before.iter().any(|k| k == "Trần Đức Lâm"), "{before:?}");
}

#[test]
fn a_phrase_another_process_stored_meanwhile_keeps_the_keyword() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let mut first = Store::open(&db).unwrap();
    let mut second = Store::open(&db).unwrap();
    // Two docbao processes importing at once, two articles holding it and one.
    let a = first.import(&drill("Hà Đông")).unwrap().id();
    let a2 = first.import(&drill("Cầu Giấy")).unwrap().id();
    let b = second.import(&drill("Thanh Xuân")).unwrap().id();
    second.flush_keyword_stats().unwrap();
    first.flush_keyword_stats().unwrap();
    drop((first, second));
    let s = Store::open(&db).unwrap();
    // The second held it alone when it was scored, and its flush came
    // first: its article waited. The first's flush finds the second's
    // article stored, three hold it: each has it.
    for id in [a, a2, b] {
        assert!(has(&s, id, DRILL), "{:?}", names(&s, id));
    }
}

#[test]
fn the_demo_shows_its_keywords_settled() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(&dir.path().join("s.db")).unwrap();
    docbao::cli::load_demo(&mut s).unwrap();
    // The reader opens on this store as it is: no keyword waits for a flush.
    assert_eq!(unsettled(&mut s), Vec::<String>::new());
}

/// The auto keywords of the store that need company ([`company_needed`]:
/// a free phrase, or one its article mentions once) and that no other
/// article holds: the ones a flush takes off.
fn unsettled(s: &mut Store) -> Vec<String> {
    let ids: Vec<_> = s
        .list(&Default::default(), None, usize::MAX)
        .unwrap()
        .into_iter()
        .map(|a| a.id)
        .collect();
    assert!(!ids.is_empty());
    let mut out = Vec::new();
    for id in ids {
        let a = s.article(id).unwrap();
        let cands = candidates(&NewArticle {
            title: a.title,
            lead: a.lead,
            paragraphs: a.paragraphs,
            ..Default::default()
        });
        for k in a
            .keywords
            .iter()
            .filter(|k| k.source == KeywordSource::Auto)
        {
            let key = docbao::text::fold::title_key(&k.name);
            let c = cands.iter().find(|c| c.key == key);
            let (n, docs) = s.phrase_df(&k.name).unwrap();
            if c.is_some_and(|c| n <= company_needed(c, docs)) {
                out.push(k.name.clone());
            }
        }
    }
    out
}

#[test]
fn a_feed_update_ends_with_its_keywords_settled() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(&dir.path().join("s.db")).unwrap();
    let rss = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/rss/vnexpress_tin-moi-nhat_2017-02-18.xml");
    s.add_feed(&format!("file://{}", rss.display()), None, false)
        .unwrap();
    let fetcher = docbao::jobs::http::default_fetcher(None);
    let done = docbao::jobs::feeds::update_all(&mut s, &fetcher, 1, &|| false, |_| {}).unwrap();
    assert!(done.new_articles.len() > 10, "{done:?}");
    // A reader's store lives on after its update: nothing waits for a drop.
    assert_eq!(unsettled(&mut s), Vec::<String>::new());
}

#[test]
fn an_article_stored_again_before_the_flush_is_judged_by_its_new_text() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(&dir.path().join("s.db")).unwrap();
    // Named once, then, before any flush, stored again naming him twice:
    // the new version needs no company.
    let id = s.import(&fire("Long Biên", CAPTAIN, false)).unwrap().id();
    let out = s.import(&fire("Long Biên", CAPTAIN, true)).unwrap();
    assert_eq!(out, ImportOutcome::Updated(id));
    s.import(&football()).unwrap();
    s.flush_keyword_stats().unwrap();
    assert!(has(&s, id, CAPTAIN), "{:?}", names(&s, id));
}

#[test]
fn a_recount_judges_an_auto_link_whatever_page_keywords_name_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let mut s = Store::open(&db).unwrap();
    let once = s.import(&fire("Long Biên", CAPTAIN, false)).unwrap().id();
    // Two articles whose pages tag him, without naming him in their text.
    for n in 0..2 {
        let mut a = football();
        a.url = Some(format!("https://example.vn/bong-da-{n}"));
        a.title = format!("{} ({n})", a.title);
        a.keywords = vec![docbao::model::Keyword {
            name: CAPTAIN.into(),
            source: KeywordSource::Page,
        }];
        s.import(&a).unwrap();
    }
    s.flush_keyword_stats().unwrap();
    drop(s);
    // As a docbao that asked one other article left it: linked.
    link_as_older_docbao(&db, once, CAPTAIN, "");
    let mut s = Store::open(&db).unwrap();
    assert!(has(&s, once, CAPTAIN));
    s.rebuild_keyword_stats().unwrap();
    assert!(!has(&s, once, CAPTAIN), "{:?}", names(&s, once));
}

#[test]
fn a_recount_links_a_waiting_keyword_that_needs_company_no_more() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let mut s = Store::open(&db).unwrap();
    let id = s.import(&fire("Long Biên", CAPTAIN, true)).unwrap().id();
    s.flush_keyword_stats().unwrap();
    let before = names(&s, id);
    assert!(before.iter().any(|k| k == CAPTAIN), "{before:?}");
    drop(s);
    // As rules that asked company of it left it: taken off, waiting.
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute_batch(&format!(
        "INSERT INTO waiting_keywords (article_id, key, name, pos, company)
             SELECT ak.article_id, k.key, k.name, ak.pos, 2 FROM article_keywords ak
             JOIN keywords k ON k.id = ak.keyword_id WHERE ak.article_id = {0} AND k.name = '{CAPTAIN}';
         DELETE FROM article_keywords WHERE article_id = {0}
             AND keyword_id = (SELECT id FROM keywords WHERE name = '{CAPTAIN}');",
        id.0
    ))
    .unwrap();
    drop(conn);
    let mut s = Store::open(&db).unwrap();
    assert!(!has(&s, id, CAPTAIN));
    s.rebuild_keyword_stats().unwrap();
    assert_eq!(names(&s, id), before);
    assert_eq!(
        s.keywords(None)
            .unwrap()
            .into_iter()
            .find(|(k, _)| k == CAPTAIN),
        Some((CAPTAIN.to_string(), 1))
    );
}

#[test]
fn an_article_stored_again_keeps_a_phrase_enough_others_hold() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(&dir.path().join("s.db")).unwrap();
    let ids = three_drills(&mut s);
    s.flush_keyword_stats().unwrap();
    assert!(has(&s, ids[0], DRILL), "{:?}", names(&s, ids[0]));
    // Stored again, its phrases counted out and in: no count rises, yet the
    // phrase it waits for is judged at the flush.
    let mut again = drill("Hà Đông");
    again.views = Some(1234);
    let out = s.import(&again).unwrap();
    assert_eq!(out, ImportOutcome::Updated(ids[0]));
    s.flush_keyword_stats().unwrap();
    for id in ids {
        assert!(has(&s, id, DRILL), "{:?}", names(&s, id));
    }
}
