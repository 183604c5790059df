//! Bulk marks and filtered exports from the command line: `mark-unread`,
//! `bookmark` and `unbookmark` take `--all` and the filters as `mark-read`
//! does (so a bulk mark can be undone), and `export` takes the list's
//! filters. The real binary on a temporary store of the sample page and
//! three Dân trí articles.

mod common;

use common::{Env, fixture, stderr};

fn store() -> Env {
    let env = Env::new();
    env.ok(&[
        "import",
        fixture("dan-van-2021-03-05.txt").to_str().unwrap(),
        fixture("dantri-30-head3.jsonl").to_str().unwrap(),
    ]);
    env
}

/// How many articles `list` shows with these filters.
fn listed(env: &Env, filters: &[&str]) -> usize {
    env.json(&[&["list", "--json"], filters].concat())
        .as_array()
        .unwrap()
        .len()
}

#[test]
fn a_bulk_mark_read_is_undone_by_mark_unread_all_with_the_same_filters() {
    let env = store();
    env.ok(&["mark-read", "1"]);
    assert_eq!(
        env.ok(&["mark-read", "--all", "--site", "dantri.com.vn"])
            .trim(),
        "Marked 3 articles read"
    );
    assert_eq!(listed(&env, &["--unread"]), 0);
    // The same filters take the mark off again, in one write, and say how many.
    assert_eq!(
        env.ok(&["mark-unread", "--all", "--site", "dantri.com.vn"])
            .trim(),
        "Marked 3 articles unread"
    );
    assert_eq!(listed(&env, &["--unread"]), 3);
    assert_eq!(listed(&env, &["--unread", "--site", "dantri.com.vn"]), 3);
    // The sample page (another site) kept its read mark.
    assert_eq!(
        env.ok(&["mark-unread", "--all", "--keyword", "thai binh"])
            .trim(),
        "Marked 1 article unread"
    );
    assert_eq!(
        env.ok(&["mark-unread", "--all"]).trim(),
        "Marked 0 articles unread"
    );
    // The sources' unread counts follow.
    let sources = env.json(&["sources", "--json"]);
    let unread: i64 = sources
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["unread"].as_i64().unwrap())
        .sum();
    assert_eq!(unread, 4, "{sources}");
}

#[test]
fn bookmark_and_unbookmark_take_all_and_the_filters() {
    let env = store();
    env.ok(&["mark-read", "2"]);
    assert_eq!(
        env.ok(&["bookmark", "--all", "--site", "dantri.com.vn", "--unread"])
            .trim(),
        "Bookmarked 2 articles"
    );
    assert_eq!(listed(&env, &["--bookmarked"]), 2);
    assert_eq!(
        env.ok(&["bookmark", "--all", "--keyword", "thai binh"])
            .trim(),
        "Bookmarked 1 article"
    );
    assert_eq!(listed(&env, &["--bookmarked"]), 3);
    // Only those not bookmarked yet are counted.
    assert_eq!(
        env.ok(&["bookmark", "--all", "--site", "dantri.com.vn"])
            .trim(),
        "Bookmarked 1 article"
    );
    assert_eq!(
        env.ok(&["unbookmark", "--all", "--site", "dantri.com.vn"])
            .trim(),
        "Unbookmarked 3 articles"
    );
    assert_eq!(listed(&env, &["--bookmarked"]), 1);
    assert_eq!(
        env.ok(&["unbookmark", "--all"]).trim(),
        "Unbookmarked 1 article"
    );
    assert_eq!(listed(&env, &["--bookmarked"]), 0);
}

#[test]
fn the_filters_of_every_mark_command_need_all() {
    let env = store();
    for cmd in ["bookmark", "unbookmark", "mark-unread", "mark-read"] {
        // A filter alone: neither ids nor --all, a usage error.
        let o = env.run(&[cmd, "--site", "dantri.com.vn"]);
        assert_eq!(o.status.code(), Some(2), "{cmd}: {}", stderr(&o));
        // Ids with a filter: a usage error too, naming --all.
        let o = env.run(&[cmd, "1", "--keyword", "Thái Bình"]);
        assert_eq!(o.status.code(), Some(2), "{cmd}: {}", stderr(&o));
        assert!(stderr(&o).contains("give --all"), "{cmd}: {}", stderr(&o));
        // Ids and --all together: a usage error.
        let o = env.run(&[cmd, "--all", "1"]);
        assert_eq!(o.status.code(), Some(2), "{cmd}: {}", stderr(&o));
        // An unknown feed is named, nothing marked.
        let o = env.run(&[cmd, "--all", "--feed", "9"]);
        assert_eq!(o.status.code(), Some(1), "{cmd}: {}", stderr(&o));
        assert!(
            stderr(&o).contains("no feed with id 9"),
            "{cmd}: {}",
            stderr(&o)
        );
    }
    assert_eq!(listed(&env, &["--unread"]), 4);
    assert_eq!(listed(&env, &["--bookmarked"]), 0);
}

/// The titles of an export's lines.
fn exported(env: &Env, filters: &[&str]) -> Vec<String> {
    let mut titles: Vec<String> = env
        .ok(&[&["export"], filters].concat())
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["title"].as_str().unwrap().to_string()
        })
        .collect();
    titles.sort();
    titles
}

#[test]
fn export_takes_the_lists_filters() {
    let env = store();
    env.ok(&["mark-read", "2"]);
    env.ok(&["bookmark", "3"]);
    let sorted = |mut v: Vec<String>| {
        v.sort();
        v
    };
    for filters in [
        &["--site", "dantri.com.vn"][..],
        &["--keyword", "thai binh"],
        &["--unread"],
        &["--bookmarked"],
        &["--unread", "--site", "dantri.com.vn"],
    ] {
        let want = sorted(env.titles(filters));
        assert!(!want.is_empty(), "{filters:?}");
        assert_eq!(exported(&env, filters), want, "{filters:?}");
    }
    assert_eq!(exported(&env, &["--site", "dantri.com.vn"]).len(), 3);
    assert_eq!(exported(&env, &["--unread"]).len(), 3);
    assert_eq!(exported(&env, &[]).len(), 4);
    // Markdown too.
    let md = env.ok(&["export", "--format", "markdown", "--keyword", "thai binh"]);
    assert!(md.starts_with("# Ký kết chương trình phối hợp"), "{md}");
    assert!(!md.contains("\n---\n"), "one article: {md}");
    // An unknown source or keyword is named, as `list` names it.
    let o = env.run(&["export", "--feed", "9"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no feed with id 9"), "{}", stderr(&o));
    let o = env.run(&["export", "--keyword", "không có"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("no keyword \"không có\""),
        "{}",
        stderr(&o)
    );
}
