//! `docbao search`, end to end: the real binary on a temporary database.

mod common;

use common::{Env, fixture, stderr};
use serde_json::Value;
use unicode_normalization::UnicodeNormalization;

const SAMPLE: &str = "dan-van-2021-03-05.txt";

fn ids(env: &Env, args: &[&str]) -> Vec<i64> {
    let mut all = vec!["search", "--json"];
    all.extend_from_slice(args);
    env.json(&all)
        .as_array()
        .expect("an array")
        .iter()
        .map(|h| h["id"].as_i64().unwrap())
        .collect()
}

fn import_lines(env: &Env, lines: &[Value]) {
    let body: String = lines.iter().map(|l| format!("{l}\n")).collect();
    let out = env.run_stdin(&["import", "-"], body.as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn the_sample_page_is_found_with_or_without_marks() {
    let env = Env::new();
    env.ok(&["import", fixture(SAMPLE).to_str().unwrap()]);
    for q in [
        "dan van",
        "dân vận",
        "Thai Binh",
        "thai bi",
        "dang",
        "Đảng",
        "Ðảng",
        "\"dan van\"",
    ] {
        assert_eq!(ids(&env, &["--", q]), [1], "{q}");
    }
    assert!(ids(&env, &["\"van dan\""]).is_empty());
    // Several arguments are one query.
    assert_eq!(ids(&env, &["dan", "van"]), [1]);

    let hits = env.json(&["search", "--json", "dan van"]);
    let hit = hits[0].as_object().unwrap();
    let mut keys: Vec<&str> = hit.keys().map(String::as_str).collect();
    keys.sort();
    assert_eq!(
        keys,
        [
            "bookmarked",
            "id",
            "published",
            "read",
            "score",
            "snippet",
            "title",
            "url"
        ]
    );
    assert_eq!(hit["published"], "2021-03-05T00:00:00+07:00");
    assert!(hit["score"].as_f64().unwrap() > 0.0);
    let snippet = hit["snippet"].as_str().unwrap();
    assert!(snippet.contains("[dân] [vận]"), "{snippet}");
}

#[test]
fn plain_output_marks_matches_with_brackets_and_no_escapes_when_piped() {
    let env = Env::new();
    env.ok(&["import", fixture(SAMPLE).to_str().unwrap()]);
    // NO_COLOR is set by the helper; check a pipe without it too.
    let out = env
        .cmd()
        .env_remove("NO_COLOR")
        .args(["search", "Ðảng"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(!text.contains('\x1b'), "{text:?}");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert!(
        lines[0].starts_with("1  2021-03-05  Ký kết chương trình"),
        "{}",
        lines[0]
    );
    assert!(
        lines[1].starts_with("   "),
        "snippet indented: {}",
        lines[1]
    );
    assert!(
        lines[1].contains("[Đảng]"),
        "original spelling: {}",
        lines[1]
    );
    // Nothing on stdout; the note on stderr.
    assert_eq!(env.ok(&["search", "zzzz"]), "");
}

#[test]
fn nfd_titles_and_nfd_queries_match() {
    let env = Env::new();
    let title: String = "Người Việt ở Hà Nội ơn trời".nfd().collect();
    import_lines(
        &env,
        &[serde_json::json!({"title": title, "url": "https://a.vn/nfd", "body": ["Nội dung."]})],
    );
    let q: String = "việt".nfd().collect();
    for q in [
        "viet",
        "việt",
        q.as_str(),
        "ha noi",
        "nguoi",
        "on troi",
        "\"on troi\"",
    ] {
        assert_eq!(ids(&env, &[q]), [1], "{q:?}");
    }
    let hits = env.json(&["search", "--json", "viet"]);
    assert_eq!(
        hits[0]["title"], "Người Việt ở Hà Nội ơn trời",
        "stored and shown as NFC"
    );
}

#[test]
fn ranking_title_first_then_newest() {
    let env = Env::new();
    import_lines(
        &env,
        &[
            serde_json::json!({"title": "Tin chung", "url": "https://a.vn/1", "published": "2024-05-01T00:00:00+07:00", "body": ["Giá vàng hôm nay tăng."]}),
            serde_json::json!({"title": "Giá vàng hôm nay", "url": "https://a.vn/2", "published": "2023-05-01T00:00:00+07:00", "body": ["Thị trường."]}),
            serde_json::json!({"title": "Bóng đá", "url": "https://a.vn/3", "published": "2020-05-01T00:00:00+07:00", "body": ["Trận cầu."]}),
            serde_json::json!({"title": "Bóng đá", "url": "https://a.vn/4", "published": "2021-05-01T00:00:00+07:00", "body": ["Trận cầu."]}),
        ],
    );
    assert_eq!(ids(&env, &["gia vang hom nay"]), [2, 1]);
    assert_eq!(ids(&env, &["bong da"]), [4, 3]);
    assert_eq!(ids(&env, &["--limit", "1", "bong da"]), [4]);
}

#[test]
fn hostile_queries_never_fail() {
    let env = Env::new();
    env.ok(&["import", fixture(SAMPLE).to_str().unwrap()]);
    let noise: String = (0..500)
        .map(|i| ['"', 'x', '*', ':', '^', '-', '(', 'Ð', ' '][i % 9])
        .collect();
    for q in [
        "COVID-19",
        "\"",
        "OR",
        "NOT",
        "-",
        ":",
        "^",
        "*",
        "\"dan",
        "dan\"",
        "a OR b",
        "NEAR(a b)",
        "title:dan",
        "-dan",
        "",
        "   ",
        noise.as_str(),
    ] {
        let out = env.run(&["search", "--json", "--", q]);
        assert!(out.status.success(), "query {q:?}: {}", stderr(&out));
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert!(v.is_array());
        let out = env.run(&["search", "--", q]);
        assert!(out.status.success(), "query {q:?}: {}", stderr(&out));
    }
    assert!(ids(&env, &["--", ""]).is_empty());
    assert!(ids(&env, &["--", "   "]).is_empty());
    // A hyphen is a separator, not NOT.
    assert_eq!(ids(&env, &["--", "-dan"]), [1]);
}

#[test]
fn reimport_and_delete_keep_the_index_in_step() {
    let env = Env::new();
    let line = |body: &str| serde_json::json!({"title": "Bản tin", "url": "https://a.vn/x", "body": [body]});
    import_lines(&env, &[line("Chữ cũ xưa")]);
    assert_eq!(ids(&env, &["xua"]), [1]);
    import_lines(&env, &[line("Chữ mới tinh")]);
    assert!(ids(&env, &["xua"]).is_empty(), "the old words are gone");
    assert_eq!(ids(&env, &["moi tinh"]), [1]);
    assert_eq!(env.json(&["list", "--json"]).as_array().unwrap().len(), 1);
    // There is no delete command: delete with the sqlite3 library, as any tool could.
    let conn = rusqlite::Connection::open(env.db()).unwrap();
    conn.execute("DELETE FROM articles WHERE id = 1", [])
        .unwrap();
    let rows: i64 = conn
        .query_row("SELECT count(*) FROM article_search", [], |r| r.get(0))
        .unwrap();
    assert_eq!(rows, 0);
    drop(conn);
    assert!(ids(&env, &["moi"]).is_empty());
}

#[test]
fn search_combines_with_keyword_bookmarked_and_unread() {
    let env = Env::new();
    import_lines(
        &env,
        &[
            serde_json::json!({"title": "Giá vàng một", "url": "https://a.vn/1", "published": "2024-01-01T00:00:00+07:00", "keywords": [{"name": "Kinh tế", "source": "page"}]}),
            serde_json::json!({"title": "Giá vàng hai", "url": "https://a.vn/2", "published": "2024-01-02T00:00:00+07:00", "bookmarked": true}),
            serde_json::json!({"title": "Giá vàng ba", "url": "https://a.vn/3", "published": "2024-01-03T00:00:00+07:00", "read": true}),
        ],
    );
    assert_eq!(ids(&env, &["gia vang"]), [3, 2, 1]);
    assert_eq!(ids(&env, &["--bookmarked", "gia vang"]), [2]);
    assert_eq!(ids(&env, &["--unread", "gia vang"]), [2, 1]);
    assert_eq!(ids(&env, &["--keyword", "Kinh tế", "gia vang"]), [1]);
    assert_eq!(ids(&env, &["-k", "Kinh tế", "--unread", "gia"]), [1]);
    // And the keyword itself is searchable.
    assert_eq!(ids(&env, &["kinh te"]), [1]);
}

/// The help says what search does with the start of a word: only the last
/// word may be one ("vie nam" found nothing while the help said every word
/// matched the start of words).
#[test]
fn the_help_says_only_the_last_word_matches_a_start_as_search_does() {
    let env = Env::new();
    let help = env.ok(&["search", "--help"]);
    assert!(!help.contains("Words match the start of words"), "{help}");
    let said = help.split_whitespace().collect::<Vec<_>>().join(" ");
    for claim in [
        "except the last",
        "\"thai bin\" finds \"Thái Bình\"",
        "\"bin thai\" does not",
        "A space after the last word makes it whole",
    ] {
        assert!(said.contains(claim), "{claim:?} in {help}");
    }
    // What the help claims, on the sample page ("Thái Bình" in it).
    env.ok(&["import", fixture(SAMPLE).to_str().unwrap()]);
    assert_eq!(ids(&env, &["thai bin"]), [1]);
    assert_eq!(ids(&env, &["thai binh"]), [1]);
    assert!(ids(&env, &["bin thai"]).is_empty());
    assert!(ids(&env, &["thai bin "]).is_empty());
    assert_eq!(ids(&env, &["dang"]), [1], "\"dang\" finds \"Đảng\"");
}

#[test]
fn usage() {
    let env = Env::new();
    assert_eq!(env.run(&["search"]).status.code(), Some(2));
    assert_eq!(
        env.run(&["search", "--limit", "x", "a"]).status.code(),
        Some(2)
    );
}

/// The Dân trí articles (real news, see tests/fixtures/README.md) whose
/// JSON line holds `needle`, imported through stdin.
fn import_dantri_with(env: &Env, needle: &str) -> usize {
    use std::io::Read;
    let mut text = String::new();
    flate2::read::GzDecoder::new(std::fs::File::open(fixture("dantri-2653.jsonl.gz")).unwrap())
        .read_to_string(&mut text)
        .expect("the Dân trí fixture is gzip");
    let lines: Vec<&str> = text.lines().filter(|l| l.contains(needle)).collect();
    let body: String = lines.iter().map(|l| format!("{l}\n")).collect();
    let out = env.run_stdin(&["import", "-"], body.as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    lines.len()
}

/// On the command line the query is complete: a last word typed with marks
/// is that word, whole ("chứng khoán" gave 71 results, 18 of them with only
/// "khoáng", mineral, or a run-together "khoánqua", ranked after the 53
/// real ones). Without marks, or with a `*` after it, it still matches the
/// start of words.
#[test]
fn a_last_word_typed_with_marks_is_whole_on_the_command_line() {
    let env = Env::new();
    // Every article with "khoán" or "khoáng" in it, and more ("chứng" is common).
    assert!(import_dantri_with(&env, "khoán") >= 45);
    let limit = ["--limit", "500"];
    let q = |query: &str| -> Vec<i64> {
        let mut args = limit.to_vec();
        args.push(query);
        let mut v = ids(&env, &args);
        v.sort_unstable();
        v
    };
    let whole = q("chứng khoán");
    assert_eq!(whole, q("chứng khoán "), "as with a space after it");
    assert!(whole.len() >= 40, "{}", whole.len());
    // Each holds the word "khoán" itself.
    for id in &whole {
        let shown = env.json(&["show", "--json", &id.to_string()]).to_string();
        let words: Vec<String> = docbao::text::syllables::syllables(&shown)
            .into_iter()
            .map(|(_, exact, _)| exact)
            .collect();
        assert!(words.iter().any(|w| w == "khoán"), "article {id}");
    }
    // A `*` asks for the start of words: "khoáng" too.
    let started = q("chứng khoán*");
    assert!(started.len() > whole.len(), "{started:?}");
    assert!(whole.iter().all(|id| started.contains(id)));
    // Without marks the last word is still the start of words, as the help says.
    let unmarked = q("chung khoan");
    assert!(
        started.iter().all(|id| unmarked.contains(id)),
        "{unmarked:?}"
    );
    assert_eq!(q("chứng khoa"), q("chứng khoa*"));
}

#[test]
fn the_snippet_shows_the_passage_holding_every_word_typed() {
    // Anchored on the first match, `ngày 5/3` showed two passages with
    // "ngày" in them and never the date searched for.
    let env = Env::new();
    let body = format!(
        "Kỳ Hân vừa đăng tải đoạn video quay cận mặt con trai lúc hai ngày tuổi. Kỳ Hân vừa \
         đăng tải đoạn video quay cận mặt cu Tỏi lúc hai ngày tuổi. {}Con đầu lòng của anh \
         sinh ngày 5/3/2016, tên thân mật là Khoai Tây.",
        "Đây là lần đầu tiên nữ diễn viên chia sẻ hình ảnh rõ mặt con trai với người hâm mộ. "
            .repeat(6)
    );
    let line = serde_json::json!({
        "title": "Clip con trai Kỳ Hân",
        "url": "https://example.vn/kyhan",
        "lead": "Kỳ Hân khoe con trai.",
        "body": [body],
    });
    let file = env.write("snip.jsonl", format!("{line}\n").as_bytes());
    env.ok(&["import", file.to_str().unwrap()]);
    let out = env.ok(&["search", "ngày 5/3"]);
    assert!(
        out.contains("[ngày] [5/3]") || out.contains("[ngày 5/3]"),
        "{out}"
    );
    assert!(out.contains("Khoai Tây") || out.contains("sinh"), "{out}");
}

/// A query with nothing to search for (`''`, punctuation) says so on
/// stderr (no failure: see `hostile_queries_never_fail`); one longer than
/// the words searched says how many are.
#[test]
fn an_empty_query_is_said_and_a_long_one_said_cut() {
    let env = Env::new();
    env.ok(&[
        "import",
        fixture("dan-van-2021-03-05.txt").to_str().unwrap(),
    ]);
    for q in ["", "  ", "..."] {
        let out = env.run(&["search", q]);
        assert!(out.status.success(), "{q:?}");
        let err = common::stderr(&out);
        assert!(err.contains("nothing to search for"), "{q:?}: {err}");
        // Said once: not "No articles match" after it, as if something had
        // been searched (an independent review's find).
        assert!(!err.contains("No articles match"), "{q:?}: {err}");
        assert!(out.stdout.is_empty(), "{q:?}");
    }
    // The query quoted escaped, and a long one not repeated whole (5,000
    // quotes made a 5,000-character line).
    let err = common::stderr(&env.run(&["search", "\""]));
    assert!(err.contains(r#"in "\"": give words"#), "{err}");
    let err = common::stderr(&env.run(&["search", &"\"".repeat(5000)]));
    assert!(
        err.contains("nothing to search for") && err.len() < 300,
        "{err}"
    );
    let out = env.run(&["search", "dân"]);
    assert!(!common::stderr(&out).contains("nothing to search"));
    let long: Vec<String> = (0..20).map(|i| format!("từ{i}")).collect();
    let args: Vec<&str> = ["search"]
        .into_iter()
        .chain(long.iter().map(String::as_str))
        .collect();
    let out = env.run(&args);
    assert!(out.status.success());
    assert!(
        common::stderr(&out).contains("only the first 16 words of the query are searched"),
        "{}",
        common::stderr(&out)
    );
    // Sixteen terms or fewer: nothing said, also when a quoted phrase
    // holds several words or a lone "-" follows.
    let phrase: Vec<String> = std::iter::once("\"một hai ba bốn năm\"".to_string())
        .chain((0..15).map(|i| format!("từ{i}")))
        .chain(std::iter::once("-".to_string()))
        .collect();
    for q in [vec!["dân".to_string(), "vận".to_string()], phrase] {
        let args: Vec<&str> = ["search"]
            .into_iter()
            .chain(q.iter().map(String::as_str))
            .collect();
        let out = env.run(&args);
        assert!(!common::stderr(&out).contains("only the first"), "{q:?}");
    }
}

/// A search engine's operator typed (`OR`, `|`) is said to be read as
/// docbao reads it: "Dân vận OR Thái Bình" found nothing, with no word why
/// (an independent review's find). Words alone say nothing of it.
#[test]
fn an_operator_typed_is_said_to_be_no_operator() {
    let env = Env::new();
    env.ok(&["import", fixture(SAMPLE).to_str().unwrap()]);
    let out = env.run(&["search", "dân vận OR Thái Bình"]);
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("docbao: \"OR\" is searched as a word: every word typed must match"),
        "{err}"
    );
    let err = stderr(&env.run(&["search", "dân vận | Thái Bình"]));
    assert!(err.contains("\"|\" only separates words"), "{err}");
    // Glued to the words, too (it said nothing); `&&` named as typed.
    let err = stderr(&env.run(&["search", "dân vận|Thái Bình"]));
    assert!(err.contains("\"|\" only separates words"), "{err}");
    let err = stderr(&env.run(&["search", "dân vận && Thái Bình"]));
    assert!(err.contains("\"&&\" only separates words"), "{err}");
    assert_eq!(ids(&env, &["dân vận | Thái Bình"]), [1]);
    // Typed last, it is the start of a word too, as the last word typed
    // is ("OR" finds "Oregon"): said so (it said "as a word").
    let err = stderr(&env.run(&["search", "Thái Bình OR"]));
    assert!(
        err.contains("\"OR\" is searched as a word, and as the start of one"),
        "{err}"
    );
    // "or" in lower case is a word like any other (an English "or").
    let err = stderr(&env.run(&["search", "dân vận or"]));
    assert!(
        !err.contains("separates") && !err.contains("as a word"),
        "{err}"
    );
}
