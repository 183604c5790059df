use chrono::DateTime;

use super::*;
use crate::model::{
    ImportOutcome, Keyword, KeywordSource, ListFilter, NewArticle, NewRelated, Paragraph,
    RelatedSource,
};

fn art(title: &str, url: Option<&str>, date: Option<&str>) -> NewArticle {
    NewArticle {
        url: url.map(str::to_string),
        title: title.to_string(),
        published: date.map(|d| DateTime::parse_from_rfc3339(d).expect("test date")),
        paragraphs: vec![
            Paragraph::text("Đoạn một."),
            Paragraph::caption("Ảnh minh họa"),
        ],
        ..NewArticle::default()
    }
}

#[test]
fn migrations_apply_in_memory() {
    let store = Store::open_in_memory().unwrap();
    assert_eq!(store.schema_version().unwrap(), CURRENT_VERSION);
    assert_eq!(store.count(&ListFilter::default()).unwrap(), 0);
}

#[test]
fn migrations_apply_on_a_file_and_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sub/dir/docbao.db");
    {
        let mut store = Store::open(&path).unwrap();
        store.import(&art("Một", None, None)).unwrap();
        let mode: String = store
            .conn
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
        let fk: i64 = store
            .conn
            .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
            .unwrap();
        assert_eq!(fk, 1);
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), CURRENT_VERSION);
    assert_eq!(store.count(&ListFilter::default()).unwrap(), 1);
}

#[test]
fn a_newer_database_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.db");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE future (x); PRAGMA user_version = 99;")
            .unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let err = Store::open(&path).err().expect("must refuse");
    assert!(matches!(err, StoreError::TooNew { found: 99, .. }), "{err}");
    assert!(err.to_string().contains("newer docbao"));
    assert!(
        err.to_string().contains(&format!("\"{}\"", path.display())),
        "{err}"
    );
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "file must be untouched"
    );
    assert!(!dir.path().join("new.db-wal").exists());
}

#[test]
fn same_url_updates_instead_of_adding() {
    let mut s = Store::open_in_memory().unwrap();
    let a = art(
        "Tin A",
        Some("https://x.vn/a"),
        Some("2021-03-05T00:00:00+07:00"),
    );
    let first = s.import(&a).unwrap();
    assert!(matches!(first, ImportOutcome::Added(_)));
    assert_eq!(s.import(&a).unwrap(), ImportOutcome::Unchanged(first.id()));
    let mut b = a.clone();
    b.title = "Tin A (cập nhật)".into();
    assert_eq!(s.import(&b).unwrap(), ImportOutcome::Updated(first.id()));
    assert_eq!(s.count(&ListFilter::default()).unwrap(), 1);
    assert_eq!(s.article(first.id()).unwrap().title, "Tin A (cập nhật)");
}

#[test]
fn same_normalised_title_and_date_updates() {
    let mut s = Store::open_in_memory().unwrap();
    let a = art("Ðại hội Đảng", None, Some("2021-03-05T00:00:00+07:00"));
    let id = s.import(&a).unwrap().id();
    let mut b = art(
        "ĐẠI HỘI  Đảng",
        Some("https://x.vn/dh"),
        Some("2021-03-05T09:00:00+07:00"),
    );
    b.author = Some("Cao Biền".into());
    assert_eq!(s.import(&b).unwrap(), ImportOutcome::Updated(id));
    let got = s.article(id).unwrap();
    assert_eq!(got.url.as_deref(), Some("https://x.vn/dh"));
    assert_eq!(got.author.as_deref(), Some("Cao Biền"));
    // A different day is a different story.
    let c = art("Đại hội Đảng", None, Some("2021-03-06T00:00:00+07:00"));
    assert!(matches!(s.import(&c).unwrap(), ImportOutcome::Added(_)));
    // Same headline, no date, different URLs: two stories.
    s.import(&art("Tin vắn", Some("https://x.vn/1"), None))
        .unwrap();
    assert!(matches!(
        s.import(&art("Tin vắn", Some("https://x.vn/2"), None))
            .unwrap(),
        ImportOutcome::Added(_)
    ));
}

#[test]
fn reimport_keeps_read_and_bookmark() {
    let mut s = Store::open_in_memory().unwrap();
    let a = art("Tin A", Some("https://x.vn/a"), None);
    let id = s.import(&a).unwrap().id();
    s.set_read(id, true).unwrap();
    s.set_bookmarked(id, true).unwrap();
    let position = crate::model::Position {
        paragraph: 3,
        offset: 517,
    };
    s.set_position(id, position).unwrap();
    let mut b = a.clone();
    b.paragraphs.push(Paragraph::text("Thêm."));
    b.read = Some(false);
    b.bookmarked = Some(false);
    assert_eq!(s.import(&b).unwrap(), ImportOutcome::Updated(id));
    let got = s.article(id).unwrap();
    assert!(got.read && got.bookmarked);
    assert_eq!(got.position, position, "the paragraph and the offset in it");
    assert_eq!(got.paragraphs.len(), 3);
    // State given by an import (our own export) is applied.
    let mut c = art("Tin C", None, None);
    c.bookmarked = Some(true);
    let cid = s.import(&c).unwrap().id();
    assert!(s.article(cid).unwrap().bookmarked);
}

#[test]
fn article_round_trips_through_the_store() {
    let mut s = Store::open_in_memory().unwrap();
    let mut a = art(
        "Tiêu đề",
        Some("https://x.vn/t"),
        Some("2021-03-05T00:00:00+07:00"),
    );
    a.date_text = Some("Thứ 6, 05.03.2021 | 00:00:00".into());
    a.views = Some(279);
    a.lead = Some("Sapo".into());
    a.keywords = vec![
        Keyword {
            name: "Thái Bình".into(),
            source: KeywordSource::Page,
        },
        Keyword {
            name: "dân vận".into(),
            source: KeywordSource::Auto,
        },
    ];
    a.related = vec![NewRelated {
        title: "Khác".into(),
        url: None,
        excerpt: Some("…".into()),
    }];
    let id = s.import(&a).unwrap().id();
    let got = s.article(id).unwrap();
    assert_eq!(got.published.as_deref(), Some("2021-03-05T00:00:00+07:00"));
    assert_eq!(got.paragraphs, a.paragraphs);
    assert_eq!(got.keywords, a.keywords);
    assert_eq!(got.related.len(), 1);
    assert_eq!(got.related[0].article_id, None);
    assert_eq!(got.views, Some(279));
}

#[test]
fn keyword_counts_follow_imports_and_deletes() {
    let mut s = Store::open_in_memory().unwrap();
    let kw = |n: &str| Keyword {
        name: n.into(),
        source: KeywordSource::Page,
    };
    let mut a = art("A", Some("u:a"), None);
    a.keywords = vec![kw("Đảng"), kw("Thái Bình")];
    let mut b = art("B", Some("u:b"), None);
    b.keywords = vec![kw("Ðảng")]; // U+00D0 look-alike: same keyword
    let ida = s.import(&a).unwrap().id();
    s.import(&b).unwrap();
    assert_eq!(
        s.keywords(None).unwrap(),
        vec![("Đảng".into(), 2), ("Thái Bình".into(), 1)]
    );
    // Re-import does not double count.
    s.import(&a).unwrap();
    a.keywords.pop();
    s.import(&a).unwrap();
    assert_eq!(s.keywords(None).unwrap(), vec![("Đảng".into(), 2)]);
    s.delete(ida).unwrap();
    assert_eq!(s.keywords(None).unwrap(), vec![("Đảng".into(), 1)]);
    let f = ListFilter {
        keywords: vec!["đảng".into()],
        ..Default::default()
    };
    assert_eq!(s.count(&f).unwrap(), 1);
}

#[test]
fn related_resolve_now_and_later() {
    let mut s = Store::open_in_memory().unwrap();
    let mut a = art("Gốc", Some("u:root"), None);
    a.related = vec![
        NewRelated {
            title: "Có URL".into(),
            url: Some("u:later".into()),
            excerpt: None,
        },
        NewRelated {
            title: "Chỉ có tiêu đề".into(),
            url: None,
            excerpt: None,
        },
        NewRelated {
            title: "Đã có".into(),
            url: Some("u:there".into()),
            excerpt: None,
        },
    ];
    let there = s.import(&art("Đã có", Some("u:there"), None)).unwrap().id();
    let root = s.import(&a).unwrap().id();
    let rel = s.article(root).unwrap().related;
    assert_eq!(rel[2].article_id, Some(there));
    assert_eq!(rel[0].article_id, None);
    let later = s
        .import(&art("Có URL", Some("u:later"), None))
        .unwrap()
        .id();
    let by_title = s.import(&art("CHỈ CÓ TIÊU ĐỀ", None, None)).unwrap().id();
    let rel = s.article(root).unwrap().related;
    assert_eq!(rel[0].article_id, Some(later));
    assert_eq!(rel[1].article_id, Some(by_title));
    // Deleting the target unresolves it, the story stays.
    s.delete(later).unwrap();
    assert_eq!(s.article(root).unwrap().related[0].article_id, None);
}

/// A story and the article it points at in one batch, in a store where no
/// story pointed nowhere before: the look that spares the updates sees the
/// link made earlier in the same transaction.
#[test]
fn related_resolve_within_one_batch() {
    let mut s = Store::open_in_memory().unwrap();
    s.import(&art("Trước đó", Some("u:before"), None)).unwrap();
    let mut a = art("Gốc", Some("u:root"), None);
    a.related = vec![
        NewRelated {
            title: "Cùng lô".into(),
            url: Some("u:same-batch".into()),
            excerpt: None,
        },
        NewRelated {
            title: "Cùng lô, không địa chỉ".into(),
            url: None,
            excerpt: None,
        },
    ];
    let done = s
        .import_batch(&[
            a,
            art("Cùng lô", Some("u:same-batch"), None),
            art("Cùng lô, không địa chỉ", None, None),
        ])
        .unwrap();
    let ids: Vec<ArticleId> = done.iter().map(|r| r.as_ref().unwrap().id()).collect();
    let rel = s.article(ids[0]).unwrap().related;
    assert_eq!(rel[0].article_id, Some(ids[1]));
    assert_eq!(rel[1].article_id, Some(ids[2]));
}

#[test]
fn list_pages_with_a_keyset_cursor() {
    let mut s = Store::open_in_memory().unwrap();
    for i in 0..25 {
        let d = format!("2021-03-{:02}T08:00:00+07:00", i + 1);
        s.import(&art(&format!("Tin {i}"), Some(&format!("u:{i}")), Some(&d)))
            .unwrap();
    }
    let f = ListFilter::default();
    let p1 = s.list(&f, None, 10).unwrap();
    assert_eq!(p1[0].title, "Tin 24");
    let last = p1.last().unwrap();
    let p2 = s.list(&f, Some((last.sort_ts, last.id.0)), 10).unwrap();
    assert_eq!(p2[0].title, "Tin 14");
    let last = p2.last().unwrap();
    let p3 = s.list(&f, Some((last.sort_ts, last.id.0)), 10).unwrap();
    assert_eq!(p3.len(), 5);
    s.set_read(ArticleId(p1[0].id.0), true).unwrap();
    let unread = ListFilter {
        unread: true,
        ..Default::default()
    };
    assert_eq!(s.count(&unread).unwrap(), 24);
    s.set_bookmarked(ArticleId(p3[0].id.0), true).unwrap();
    let bm = ListFilter {
        bookmarked: true,
        ..Default::default()
    };
    assert_eq!(s.list(&bm, None, 10).unwrap()[0].title, "Tin 4");
}

#[test]
fn state_keys_persist() {
    let s = Store::open_in_memory().unwrap();
    assert_eq!(s.get_state("last").unwrap(), None);
    s.set_state("last", "7").unwrap();
    s.set_state("last", "8").unwrap();
    assert_eq!(s.get_state("last").unwrap().as_deref(), Some("8"));
}

#[test]
fn computed_related_fill_up_to_five_by_shared_keywords() {
    let mut s = Store::open_in_memory().unwrap();
    let kw = |n: &str| Keyword {
        name: n.into(),
        source: KeywordSource::Page,
    };
    let mut a = art(
        "Thái Bình đón mưa lớn",
        Some("u:a"),
        Some("2021-03-05T00:00:00+07:00"),
    );
    a.keywords = vec![kw("Thái Bình"), kw("mưa lớn")];
    a.related = vec![NewRelated {
        title: "Tin của trang".into(),
        url: None,
        excerpt: None,
    }];
    let mut b = art(
        "Nông dân Thái Bình gặt lúa",
        Some("u:b"),
        Some("2021-03-04T00:00:00+07:00"),
    );
    b.keywords = vec![kw("Thái Bình")];
    let mut c = art(
        "Mưa lớn ở Hà Nội",
        Some("u:c"),
        Some("2021-03-03T00:00:00+07:00"),
    );
    c.keywords = vec![kw("mưa lớn")];
    let d = art(
        "Giá vàng hôm nay",
        Some("u:d"),
        Some("2021-03-02T00:00:00+07:00"),
    );
    // The same story again on another day: a duplicate, never related to itself.
    let mut dup = art(
        "Thái Bình đón mưa lớn",
        Some("u:dup"),
        Some("2021-03-06T00:00:00+07:00"),
    );
    dup.keywords = vec![kw("Thái Bình")];
    let ids: Vec<ArticleId> = [a, b, c, d, dup]
        .iter()
        .map(|x| s.import(x).unwrap().id())
        .collect();
    let added = s.ensure_computed_related(ids[0]).unwrap();
    let rel = s.article(ids[0]).unwrap().related;
    assert_eq!(
        rel[0].source,
        RelatedSource::Page,
        "the page's own come first"
    );
    let computed: Vec<ArticleId> = rel
        .iter()
        .filter(|r| r.source == RelatedSource::Computed)
        .filter_map(|r| r.article_id)
        .collect();
    assert_eq!(added, computed.len());
    assert!(
        computed.contains(&ids[1]) && computed.contains(&ids[2]),
        "{computed:?}"
    );
    assert!(!computed.contains(&ids[0]), "not itself");
    assert!(!computed.contains(&ids[4]), "not a duplicate of itself");
    assert!(!computed.contains(&ids[3]), "nothing in common");
    assert!(rel.len() <= RELATED_WANTED);
    // Once only; a re-import with changes recomputes.
    assert_eq!(s.ensure_computed_related(ids[0]).unwrap(), 0);
}

#[test]
fn keyword_counts_are_read_along_an_index() {
    let s = Store::open_in_memory().unwrap();
    let plan: Vec<String> = s
        .conn
        .prepare(
            "EXPLAIN QUERY PLAN SELECT name, article_count FROM keywords WHERE article_count > 0
             ORDER BY article_count DESC, key LIMIT 50",
        )
        .unwrap()
        .query_map([], |r| r.get::<_, String>(3))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    let plan = plan.join(" | ");
    assert!(plan.contains("COVERING INDEX keywords_by_count"), "{plan}");
    assert!(
        !plan.contains("TEMP B-TREE"),
        "no sort of every keyword: {plan}"
    );
}

#[test]
fn two_connections_importing_at_once_both_count_in_the_keyword_statistics() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("docbao.db");
    let mut a = Store::open(&path).unwrap();
    let mut b = Store::open(&path).unwrap();
    // Both load the statistics before either has flushed.
    a.stats().unwrap();
    b.stats().unwrap();
    a.import(&art("Hội nghị dân vận tỉnh Thái Bình", None, None))
        .unwrap();
    b.import(&art("Hội nghị giáo dục tỉnh Thái Bình", None, None))
        .unwrap();
    a.flush_keyword_stats().unwrap();
    b.flush_keyword_stats().unwrap();
    let docs: i64 = a
        .conn
        .query_row("SELECT n FROM phrase_docs WHERE id = 1", [], |r| r.get(0))
        .unwrap();
    assert_eq!(docs, 2, "a flush adds to the counts, never overwrites them");
    let mut fresh = Store::open(&path).unwrap();
    assert_eq!(fresh.phrase_df("Thái Bình").unwrap(), (2, 2));
    // And a recount agrees with what the two flushes wrote.
    fresh.rebuild_keyword_stats().unwrap();
    assert_eq!(fresh.phrase_df("Thái Bình").unwrap(), (2, 2));
}

#[test]
fn a_write_waits_for_another_writer_instead_of_failing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("docbao.db");
    let mut a = Store::open(&path).unwrap();
    let id = a.import(&art("Một", None, None)).unwrap().id();
    let b = Store::open(&path).unwrap();
    // `a` holds the write lock for a while; `b` reads first, then writes.
    let lock = write_tx(&a.conn).unwrap();
    let waiter = std::thread::spawn(move || {
        let mut b = b;
        b.stats().unwrap();
        let r = b.import(&art("Hai", None, None)).map(|o| o.id());
        (r.is_ok(), b.set_read(id, true).is_ok())
    });
    std::thread::sleep(std::time::Duration::from_millis(300));
    lock.commit().unwrap();
    assert_eq!(waiter.join().unwrap(), (true, true));
    assert_eq!(a.count(&ListFilter::default()).unwrap(), 2);
}

#[test]
fn an_undated_article_sorts_by_the_time_it_was_first_stored_among_dated_ones() {
    let mut s = Store::open_in_memory().unwrap();
    let now = chrono::Utc::now();
    let day = chrono::Duration::days(1);
    let at = |t: chrono::DateTime<chrono::Utc>| t.to_rfc3339();
    for (title, date) in [
        ("Tin năm 2020", "2020-10-01T08:00:00+07:00".to_string()),
        ("Tin hôm qua", at(now - day)),
        ("Tin ngày mai", at(now + day)),
    ] {
        s.import(&art(title, None, Some(&date))).unwrap();
    }
    let undated = art("Tin không ngày", Some("https://x.vn/khong-ngay"), None);
    let id = s.import(&undated).unwrap().id();
    let titles = |s: &Store| -> Vec<String> {
        s.list(&ListFilter::default(), None, 10)
            .unwrap()
            .into_iter()
            .map(|r| r.title)
            .collect()
    };
    // Stored now: after what is dated tomorrow, before yesterday's.
    assert_eq!(
        titles(&s),
        [
            "Tin ngày mai",
            "Tin không ngày",
            "Tin hôm qua",
            "Tin năm 2020"
        ]
    );
    let (sort_ts, imported_at): (i64, i64) = s
        .conn
        .query_row(
            "SELECT sort_ts, imported_at FROM articles WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(sort_ts, imported_at);
    assert!((now.timestamp() - imported_at).abs() < 60, "{imported_at}");

    // Stored long ago (June 2020) and imported again with new text today:
    // it keeps its place by its first import, between the dated ones.
    let june_2020 = DateTime::parse_from_rfc3339("2020-06-01T00:00:00+00:00")
        .unwrap()
        .timestamp();
    s.conn
        .execute(
            "UPDATE articles SET imported_at = ?1, sort_ts = ?1 WHERE id = ?2",
            rusqlite::params![june_2020, id],
        )
        .unwrap();
    let mut changed = undated.clone();
    changed.paragraphs.push(Paragraph::text("Đoạn mới."));
    assert_eq!(s.import(&changed).unwrap(), ImportOutcome::Updated(id));
    assert_eq!(
        titles(&s),
        [
            "Tin ngày mai",
            "Tin hôm qua",
            "Tin năm 2020",
            "Tin không ngày"
        ]
    );
    // Given a date by a later import, it sorts by the date.
    let mut dated = changed.clone();
    dated.published = Some(DateTime::parse_from_rfc3339("2021-01-01T00:00:00+07:00").unwrap());
    assert_eq!(s.import(&dated).unwrap(), ImportOutcome::Updated(id));
    assert_eq!(
        titles(&s),
        [
            "Tin ngày mai",
            "Tin hôm qua",
            "Tin không ngày",
            "Tin năm 2020"
        ]
    );
}

#[test]
fn computed_related_need_enough_in_common_and_are_refreshed() {
    // Issue 15: a candidate that shares one name among many is no related
    // story; one that arrives later and shares much is taken then.
    let mut s = Store::open_in_memory().unwrap();
    let kw = |n: &str| Keyword {
        name: n.into(),
        source: KeywordSource::Page,
    };
    let mut a = art("Giá vàng SJC tăng mạnh", Some("u:a"), None);
    a.lead = Some("Giá vàng SJC hôm nay tăng mạnh theo giá vàng thế giới.".into());
    a.keywords = vec![kw("giá vàng"), kw("SJC")];
    let a = s.import(&a).unwrap().id();
    assert_eq!(
        s.ensure_computed_related(a).unwrap(),
        0,
        "nothing to relate"
    );

    let mut weak = art("Chiếc nhẫn ở chợ đồ cũ", Some("u:weak"), None);
    weak.lead = Some(
        "Người phụ nữ mua chiếc nhẫn ở chợ đồ cũ, mang đến cửa hàng SJC thẩm định thì thợ \
         kim hoàn nói là kim cương thật; bảo tàng và nhà đấu giá xin trưng bày."
            .into(),
    );
    weak.keywords = vec![kw("nhẫn"), kw("chợ đồ cũ"), kw("kim cương"), kw("đấu giá")];
    weak.paragraphs = vec![Paragraph::text(
        "Chiếc nhẫn được bảo tàng mời trưng bày trong triển lãm trang sức cổ; nhà sưu tập \
         cho rằng viên kim cương được cắt gọt từ thế kỷ trước, và nhà đấu giá ước tính \
         hàng chục nghìn bảng Anh. Người phụ nữ nói sẽ giữ lại làm kỷ niệm cho con gái.",
    )];
    let weak = s.import(&weak).unwrap().id();
    let mut close = art("Giá vàng SJC lập đỉnh mới", Some("u:close"), None);
    close.lead = Some("Giá vàng SJC tăng mạnh, vượt giá vàng thế giới.".into());
    close.keywords = vec![kw("giá vàng"), kw("SJC")];
    let close = s.import(&close).unwrap().id();

    let scores = s.related_scores(a).unwrap();
    let sim = |id| scores.iter().find(|(c, _)| *c == id).map(|(_, v)| *v);
    assert!(sim(close).unwrap() >= RELATED_FLOOR, "{scores:?}");
    assert!(sim(weak).is_some_and(|v| v < RELATED_FLOOR), "{scores:?}");

    // Newer articles arrived: chosen again.
    assert_eq!(s.ensure_computed_related(a).unwrap(), 1);
    let rel = s.article(a).unwrap().related;
    let ids: Vec<ArticleId> = rel.iter().filter_map(|r| r.article_id).collect();
    assert_eq!(ids, [close]);
    // Nothing new: not again.
    assert_eq!(s.ensure_computed_related(a).unwrap(), 0);
    assert_eq!(s.article(a).unwrap().related.len(), 1);
}

#[test]
fn a_tag_on_most_of_a_sites_articles_is_no_keyword_of_one() {
    // Issue 15: "Tin nóng" on every page of a site is its boilerplate.
    let mut s = Store::open_in_memory().unwrap();
    let kw = |n: &str| Keyword {
        name: n.into(),
        source: KeywordSource::Page,
    };
    let mut ids = Vec::new();
    for i in 0..12 {
        let mut a = art(
            &format!("Bài số {i} về chủ đề riêng"),
            Some(&format!("u:{i}")),
            None,
        );
        a.site = Some("x.vn".into());
        a.keywords = vec![kw("Tin nóng"), kw(&format!("chủ đề {i}"))];
        if i < 4 {
            a.keywords.push(kw("bóng đá"));
        }
        ids.push(s.import(&a).unwrap().id());
    }
    let names = |s: &Store, id| -> Vec<String> {
        s.article(id)
            .unwrap()
            .keywords
            .into_iter()
            .map(|k| k.name)
            .collect()
    };
    assert_eq!(names(&s, ids[0]), ["chủ đề 0", "bóng đá"]);
    // Another site's article keeps it: on 1 of its 1 article, too few to judge.
    let mut other = art("Một bài khác", Some("u:other"), None);
    other.site = Some("y.vn".into());
    other.keywords = vec![kw("Tin nóng")];
    let other = s.import(&other).unwrap().id();
    assert_eq!(names(&s, other), ["Tin nóng"]);
}

#[test]
fn a_keyword_made_by_an_article_that_rolled_back_is_made_again() {
    // A keyword made by an article whose savepoint rolls back is gone with
    // it: the next article must make it again, not link to a missing row.
    let mut store = super::tests_import::failing_on_boom();
    let with_keyword = |title: &str, related: &str| NewArticle {
        keywords: vec![Keyword {
            name: "Từ khóa mới".to_string(),
            source: KeywordSource::Page,
        }],
        related: vec![NewRelated {
            title: related.to_string(),
            url: None,
            excerpt: None,
        }],
        ..art(title, None, None)
    };
    let results = store
        .import_batch(&[
            with_keyword("Bài hỏng", "boom"),
            with_keyword("Bài tốt", "Bài khác"),
        ])
        .unwrap();
    assert!(results[0].is_err(), "the trigger fails the first article");
    assert!(results[1].is_ok(), "{:?}", results[1]);
    assert_eq!(
        store.keywords(None).unwrap(),
        vec![("Từ khóa mới".to_string(), 1)]
    );
    let linked: i64 = store
        .conn
        .query_row(
            "SELECT count(*) FROM article_keywords ak JOIN keywords k ON k.id = ak.keyword_id",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(linked, 1, "the link points at a keyword that exists");
    // And in a later transaction, the id seen is the committed one.
    store
        .import(&with_keyword("Bài thứ ba", "Bài khác"))
        .unwrap();
    assert_eq!(
        store.keywords(None).unwrap(),
        vec![("Từ khóa mới".to_string(), 2)]
    );
}

#[test]
fn a_feeds_list_walks_its_memberships_in_order() {
    use crate::model::Source;
    let s = Store::open_in_memory().unwrap();
    for unread in [false, true] {
        let filter = ListFilter {
            source: Some(Source::Feed(1)),
            unread,
            ..ListFilter::default()
        };
        for page in [
            super::list::Page::First,
            super::list::Page::After((1, 1)),
            super::list::Page::Before((1, 1)),
        ] {
            let (sql, mut args) = super::list::list_sql(&filter, page);
            args.push(10.into());
            let plan: Vec<String> = s
                .conn
                .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
                .unwrap()
                .query_map(rusqlite::params_from_iter(args.iter()), |r| {
                    r.get::<_, String>(3)
                })
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap();
            let plan = plan.join(" | ");
            assert!(plan.contains("INDEX feed_articles_list"), "{plan}");
            assert!(!plan.contains("TEMP B-TREE"), "no sort: {plan}");
        }
    }
}
