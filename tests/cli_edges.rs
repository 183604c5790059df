//! The command line at its edges, as a daily reader met them: a mistyped
//! `--db` (a reading command, or one with nothing to do on a new store,
//! makes no store, and a failed one takes away the empty store it made),
//! what an import found and skipped, a closed pipe under
//! `export`, the source filters `sources` offers, JSON lines that are not
//! articles, and where an undated article sorts.

mod common;

use std::path::Path;
use std::process::{Command, Output, Stdio};

use common::{Env, docbao_at, fixture, stderr};

/// Whether the tests run as root (who reads and writes any file).
fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.starts_with(b"0\n"))
}

/// `program` as `nobody` when the tests run as root, so that file modes
/// hold; else as this user.
fn as_user(program: &str) -> Command {
    if is_root() {
        let mut c = Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups", program]);
        c
    } else {
        Command::new(program)
    }
}

/// Every command that only reads, with what it needs to run.
const READING: &[&[&str]] = &[
    &["list"],
    &["search", "trump"],
    &["show", "5"],
    &["keywords"],
    &["sources"],
    &["related", "5"],
    &["export"],
    &["feed", "list"],
    &["feed", "export-opml"],
];

/// `args` on `db`, where there is no store: refused, naming the path,
/// printing nothing.
fn assert_refused(db: &Path, args: &[&str]) {
    let out = docbao_at(db, args);
    assert_eq!(out.status.code(), Some(1), "{args:?}: {}", stderr(&out));
    assert!(
        stderr(&out).contains(&format!("no store at \"{}\"", db.display())),
        "{args:?}: {}",
        stderr(&out)
    );
    assert!(out.stdout.is_empty(), "{args:?}");
}

#[test]
fn a_reading_command_refuses_a_path_with_no_store_and_makes_nothing() {
    let env = Env::new();
    for db in [env.path("typo.db"), env.path("no/such/dir/x.db")] {
        for args in READING {
            assert_refused(&db, args);
        }
    }
    // Nothing was made: no file, no folder, no -wal or -shm.
    let left: Vec<_> = std::fs::read_dir(env.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert!(left.is_empty(), "{left:?}");
    // An empty file (`touch`) is no store either: left empty (a scripter's
    // find: `list` wrote 225 KB of schema into it).
    let empty = env.write("empty.db", b"");
    for args in READING {
        assert_refused(&empty, args);
    }
    assert_eq!(std::fs::metadata(&empty).unwrap().len(), 0);
}

/// A command that makes a store and fails before anything is in it takes
/// the store away again (a mistyped `--db` with a missing file or a dead
/// link left an empty store to be mistaken for the real one); a store that
/// holds something, or was there before, stays.
#[test]
fn a_failed_command_leaves_no_empty_store_it_made() {
    let env = Env::new();
    let missing = env.path("missing.jsonl");
    let missing = missing.to_str().unwrap();
    let db = env.path("new.db");
    for args in [
        &["import", missing][..],
        &["add", "http://127.0.0.1:9/page"],
        &["feed", "add", "http://127.0.0.1:9/feed.xml"],
    ] {
        let out = docbao_at(&db, args);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", stderr(&out));
        let left: Vec<_> = std::fs::read_dir(env.dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert!(left.is_empty(), "{args:?} left {left:?}");
    }
    // One file failed, one was read: the store keeps the articles.
    let good = fixture("dantri-30-head3.jsonl");
    let out = docbao_at(&db, &["import", missing, good.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("3 added"), "{}", stderr(&out));
    assert_eq!(docbao_at(&db, &["list"]).status.code(), Some(0));
    // A store that was there (even empty) is never taken away.
    let empty = env.path("empty.db");
    let out = docbao_at(&empty, &["--no-demo"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(empty.exists());
    let out = docbao_at(&empty, &["import", missing]);
    assert_eq!(out.status.code(), Some(1));
    assert!(empty.exists(), "an empty store that was there was removed");
}

/// Every command that writes but has nothing to do without a store: it
/// fetches the feeds there are, checks the store, marks articles or feeds
/// of it, or syncs with an account there is not.
const NEEDING_A_STORE: &[&[&str]] = &[
    &["update"],
    &["doctor"],
    &["mark-read", "1"],
    &["mark-read", "--all"],
    &["mark-unread", "1"],
    &["bookmark", "1"],
    &["unbookmark", "1"],
    &["feed", "remove", "1"],
    &["feed", "rename", "1", "Tin mới"],
];

#[test]
fn a_command_with_nothing_to_do_on_a_new_store_refuses_a_missing_one() {
    let env = Env::new();
    for db in [env.path("tpyo.db"), env.path("no/such/dir/x.db")] {
        for args in NEEDING_A_STORE {
            assert_refused(&db, args);
            assert!(!db.exists(), "{args:?} made {}", db.display());
        }
    }
    // `sync` with no account says so and makes no store either, and
    // `sync add` (which keeps the account beside the config) needs none.
    let sync_file = env.path("conf/sync.toml");
    let db = env.path("sync.db");
    for args in [
        &["sync"][..],
        &[
            "sync",
            "add",
            "http://127.0.0.1:9/fever/",
            "--email",
            "a@b.c",
        ],
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_docbao"))
            .arg("--db")
            .arg(&db)
            .args(args)
            .env_remove("DOCBAO_DB")
            .env("DOCBAO_SYNC_FILE", &sync_file)
            .env("DOCBAO_SYNC_PASSWORD", "secret")
            .stdin(Stdio::null())
            .output()
            .expect("run docbao");
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", stderr(&out));
        assert!(!db.exists(), "{args:?} made {}", db.display());
    }
    // Nothing was made: no file, no folder, no -wal or -shm.
    let left: Vec<_> = std::fs::read_dir(env.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert!(left.is_empty(), "{left:?}");
    // On a store there is, they run.
    let db = env.path("real.db");
    let out = docbao_at(
        &db,
        &["import", fixture("dantri-30-head3.jsonl").to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    for args in [&["doctor"][..], &["mark-read", "--all"], &["update"]] {
        let out = docbao_at(&db, args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    }
}

#[test]
fn writing_commands_and_the_reader_still_make_a_new_store() {
    let env = Env::new();
    // The reader off a terminal prints the list of the new, empty store.
    let db = env.path("new/reader.db");
    let out = docbao_at(&db, &["--no-demo"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "");
    assert!(
        stderr(&out).contains("No articles match."),
        "{}",
        stderr(&out)
    );
    assert!(db.is_file());
    // An import into a folder not made yet.
    let db = env.path("other/import.db");
    let out = docbao_at(
        &db,
        &["import", fixture("dantri-30-head3.jsonl").to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(db.is_file());
    // Then the reading commands read it.
    let out = docbao_at(&db, &["list"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 3);
}

/// Read the first line of `docbao ARGS…`'s stdout, then close the pipe;
/// returns how it ended. Its output is larger than a pipe holds, so it is
/// still writing when the pipe closes.
fn first_line_then_close(env: &Env, args: &[&str]) -> (Output, String) {
    use std::io::BufRead;
    let mut child = env
        .cmd()
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    {
        let mut out = std::io::BufReader::new(child.stdout.take().unwrap());
        out.read_line(&mut line).unwrap();
    }
    (child.wait_with_output().unwrap(), line)
}

#[test]
fn a_closed_pipe_under_export_ends_it_quietly() {
    let env = Env::new();
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/demo/dantri-30.jsonl");
    env.ok(&["import", demo.to_str().unwrap()]);
    for args in [&["export"][..], &["export", "--format", "markdown"]] {
        // The 30 articles are over 90 KB either way, more than a pipe holds.
        assert!(env.ok(args).len() > 90_000, "{args:?}");
        let (out, line) = first_line_then_close(&env, args);
        assert!(!line.is_empty(), "{args:?}");
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        assert_eq!(stderr(&out), "", "{args:?}");
    }
}

#[test]
fn what_sources_prints_filters_and_an_unknown_source_is_an_error() {
    let env = Env::new();
    env.ok(&[
        "import",
        fixture("dantri-30-head3.jsonl").to_str().unwrap(),
        fixture("mixed.jsonl").to_str().unwrap(),
    ]);
    let feed = fixture("rss/vnexpress_tin-moi-nhat_2017-02-18.xml");
    env.ok(&["feed", "add", &format!("file://{}", feed.display())]);
    // Every site row of `sources`, "(no site)" included, selects its pages.
    let sources = env.ok(&["sources"]);
    let mut sites = 0;
    for row in sources.lines() {
        let cols: Vec<&str> = row.split_whitespace().collect();
        if cols[2] != "site" {
            continue;
        }
        sites += 1;
        let total: usize = cols[1].parse().unwrap();
        let name = cols[3..].join(" ");
        let list = env.json(&["list", "--site", &name, "--json"]);
        assert_eq!(list.as_array().unwrap().len(), total, "{row}");
        // A host name in any case, or with "www.", is the same site.
        if name != "(no site)" {
            for spelled in [name.to_uppercase(), format!("www.{name}")] {
                let list = env.json(&["list", "--site", &spelled, "--json"]);
                assert_eq!(list.as_array().unwrap().len(), total, "{spelled}");
            }
        }
    }
    assert!(sources.contains("(no site)"), "{sources}");
    assert!(sites >= 2, "{sources}");
    // An unknown feed or site: an error in every command that filters.
    for args in [
        &["list", "--feed", "99"][..],
        &["search", "--feed", "99", "tin"],
        &["mark-read", "--all", "--feed", "99"],
    ] {
        let out = env.run(args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(
            stderr(&out).contains("no feed with id 99"),
            "{args:?}: {}",
            stderr(&out)
        );
    }
    for args in [
        &["list", "--site", "nosuch.vn"][..],
        &["search", "--site", "nosuch.vn", "tin"],
        &["mark-read", "--all", "--site", "nosuch.vn"],
    ] {
        let out = env.run(args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(
            stderr(&out).contains("\"nosuch.vn\""),
            "{args:?}: {}",
            stderr(&out)
        );
        assert!(out.stdout.is_empty(), "{args:?}");
    }
    // Nothing was marked read by the refused mark-read.
    assert_eq!(
        env.json(&["list", "--unread", "--json"])
            .as_array()
            .unwrap()
            .len(),
        31
    );
}

#[test]
fn a_folder_import_reads_its_feeds_names_what_it_skips_and_says_when_it_found_nothing() {
    let env = Env::new();
    let dir = env.path("drop");
    std::fs::create_dir_all(dir.join("feeds")).unwrap();
    for f in [
        "vnexpress_tin-moi-nhat_2017-02-18.xml",
        "vnexpress_tin-moi-nhat_2017-07-26.xml",
    ] {
        std::fs::copy(fixture(&format!("rss/{f}")), dir.join("feeds").join(f)).unwrap();
    }
    std::fs::copy(fixture("mixed.jsonl"), dir.join("mixed.jsonl")).unwrap();
    // Not read: another ending, and XML that is not a feed.
    std::fs::write(dir.join("notes.md"), "ghi chú").unwrap();
    std::fs::write(
        dir.join("sitemap.xml"),
        "<?xml version=\"1.0\"?><urlset><url><loc>https://a.vn/</loc></url></urlset>",
    )
    .unwrap();
    let out = env.run(&["import", dir.to_str().unwrap()]);
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    // The feeds' 50 items (25 each) and the 3 JSON lines, as given by name.
    assert!(err.contains("53 added, 0 updated"), "{err}");
    for skipped in ["notes.md", "sitemap.xml"] {
        let line = format!("{}: skipped", dir.join(skipped).display());
        assert!(err.contains(&line), "{line}: {err}");
    }
    assert!(!err.contains("nothing to import"), "{err}");
    // The same feeds given by name give the same articles: nothing new.
    let by_name = env.run(&[
        "import",
        fixture("rss/vnexpress_tin-moi-nhat_2017-02-18.xml")
            .to_str()
            .unwrap(),
    ]);
    assert!(stderr(&by_name).contains("0 added"), "{}", stderr(&by_name));

    // A folder with nothing to import says so.
    let empty = env.path("empty");
    std::fs::create_dir_all(&empty).unwrap();
    std::fs::write(empty.join("readme.md"), "x").unwrap();
    let out = env.run(&["import", empty.to_str().unwrap()]);
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("readme.md: skipped"), "{err}");
    assert!(err.contains("nothing to import"), "{err}");
}

#[test]
fn an_import_path_that_cannot_be_reached_says_why() {
    let env = Env::new();
    let missing = env.path("nope/bai.txt");
    // A file where a folder is expected: not "no such file".
    let file = env.write("bai.txt", b"x");
    let under_file = file.join("bai.txt");
    let out = env.run(&[
        "import",
        missing.to_str().unwrap(),
        under_file.to_str().unwrap(),
    ]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    let line = format!("{}: no such file or directory", missing.display());
    assert!(err.contains(&line), "{line}: {err}");
    let line = format!("{}: not a directory", under_file.display());
    assert!(err.contains(&line), "{line}: {err}");
    assert!(!err.contains("os error"), "{err}");
    assert!(
        err.contains("0 added, 0 updated, 0 skipped (unchanged), 2 failed"),
        "{err}"
    );
}

/// A folder of links to saved pages (as a script or a sync tool leaves
/// them): each link to a file is read as the file, by the link's own name.
#[cfg(unix)]
#[test]
fn a_folder_import_follows_links_to_files_and_names_a_dangling_one() {
    use std::os::unix::fs::symlink;
    let env = Env::new();
    // The targets have no ending of their own: the link's name decides.
    let store = env.path("kho");
    std::fs::create_dir_all(&store).unwrap();
    std::fs::copy(fixture("dan-van-2021-03-05.txt"), store.join("bai-1")).unwrap();
    std::fs::copy(fixture("mixed.jsonl"), store.join("bai-2")).unwrap();
    let dir = env.path("links");
    std::fs::create_dir_all(&dir).unwrap();
    symlink(store.join("bai-1"), dir.join("dan-van.txt")).unwrap();
    symlink("../kho/bai-2", dir.join("tin.jsonl")).unwrap();
    symlink(store.join("bai-1"), dir.join("ghi-chu.md")).unwrap();
    symlink(store.join("da-xoa.txt"), dir.join("mat.txt")).unwrap();
    let out = env.run(&["import", dir.to_str().unwrap()]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "a failure: {err}");
    // The page (1) and the 3 JSON lines; the dangling link failed.
    assert!(
        err.contains("4 added, 0 updated, 0 skipped (unchanged), 1 failed"),
        "{err}"
    );
    let dangling = format!("{}: ", dir.join("mat.txt").display());
    let line = err
        .lines()
        .find(|l| l.contains(&dangling))
        .unwrap_or_default();
    assert!(
        line.contains("link") && line.contains(&store.join("da-xoa.txt").display().to_string()),
        "the dangling link named, and where it points: {err}"
    );
    let skipped = format!("{}: skipped", dir.join("ghi-chu.md").display());
    assert!(err.contains(&skipped), "{skipped}: {err}");
    assert!(!err.contains("nothing to import"), "{err}");
    let titles = env.titles(&[]);
    assert_eq!(titles.len(), 4, "{titles:?}");
}

/// The lines of stderr that name one line of stdin, and the count the
/// "… and N more lines like these" line gives (0 when there is none).
fn named_and_more(err: &str) -> (usize, usize) {
    let named = err
        .lines()
        .filter(|l| {
            l.starts_with("docbao: stdin:")
                && l["docbao: stdin:".len()..].starts_with(|c: char| c.is_ascii_digit())
        })
        .count();
    let more = err
        .lines()
        .find_map(|l| {
            let rest = l.split("… and ").nth(1)?;
            let n = rest.strip_suffix(" more lines like these")?;
            n.parse::<usize>().ok()
        })
        .unwrap_or(0);
    (named, more)
}

/// The count of failures the summary line gives.
fn failed(err: &str) -> usize {
    let line = err.lines().last().unwrap_or_default();
    let n = line
        .strip_suffix(" failed")
        .and_then(|l| l.rsplit(' ').next())
        .and_then(|n| n.parse().ok());
    n.unwrap_or_else(|| panic!("no summary line: {err}"))
}

#[test]
fn a_page_piped_to_import_is_told_in_a_few_lines_with_a_hint() {
    // (Gzip data piped is read as what it holds now: `cli_offline`.)
    let env = Env::new();
    let page = std::fs::read(fixture("html/nld1.html")).unwrap();
    let (what, input) = ("a web page", &page);
    let out = env.run_stdin(&["import", "-"], input);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{what}: {err}");
    let (named, more) = named_and_more(&err);
    assert!(
        (1..=10).contains(&named),
        "{what}: {named} lines named: {err}"
    );
    assert!(more > 0, "{what}: {err}");
    // The counts stay exact: every line that is not JSON failed.
    assert_eq!(named + more, failed(&err), "{what}: {err}");
    assert!(err.lines().count() <= 14, "{what}: {err}");
    assert!(err.contains("stdin is read as JSON lines"), "{what}: {err}");
    assert!(err.contains("docbao import FILE"), "{what}: {err}");
    let text = String::from_utf8_lossy(&page);
    let lines = text.lines().filter(|l| !l.trim().is_empty()).count();
    let err = stderr(&env.run_stdin(&["import", "-"], &page));
    assert_eq!(failed(&err), lines, "every line of the page counted: {err}");

    // Some JSON lines among the page's: stored, and no hint.
    let mut mixed = page.clone();
    mixed.extend_from_slice(
        "\n{\"title\": \"Bài giữa trang\", \"url\": \"https://a.vn/giua\"}\n".as_bytes(),
    );
    mixed.extend_from_slice(&page);
    let out = env.run_stdin(&["import", "-"], &mixed);
    let err = stderr(&out);
    let (named, more) = named_and_more(&err);
    assert!(named <= 10 && named + more == 2 * lines, "{err}");
    assert!(
        err.contains(&format!(
            "1 added, 0 updated, 0 skipped (unchanged), {} failed",
            2 * lines
        )),
        "{err}"
    );
    assert!(!err.contains("stdin is read as JSON lines"), "{err}");
    assert_eq!(env.titles(&[]), vec!["Bài giữa trang".to_string()]);
}

#[test]
fn json_lines_that_are_not_articles_are_refused_and_named() {
    let env = Env::new();
    let input = [
        r#"{"title":"x"}"#,
        r#"{"title":"A","body":123}"#,
        "{title}",
        r#"{"title":"Một tin","url":"https://a.vn/1","sapo":"Tóm tắt."}"#,
    ]
    .join("\n");
    let out = env.run_stdin(&["import", "-"], input.as_bytes());
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("stdin:1: the title \"x\" alone: no lead, no body and no url"),
        "{err}"
    );
    assert!(
        err.contains("stdin:2: \"body\" is a number, expected a list of paragraphs or a string"),
        "{err}"
    );
    assert!(err.contains("stdin:3: not a JSON object ("), "{err}");
    assert!(
        err.contains("1 added, 0 updated, 0 skipped (unchanged), 3 failed"),
        "{err}"
    );
    let titles = env.titles(&[]);
    assert_eq!(titles, ["Một tin"]);
    // A real headline with only its url and topics is an article.
    let out = env.run(&["import", fixture("danes-title-url.jsonl").to_str().unwrap()]);
    assert!(stderr(&out).contains("1 added"), "{}", stderr(&out));
}

#[test]
fn an_undated_article_sorts_by_its_import_time_in_every_view() {
    let env = Env::new();
    let now = chrono::Utc::now();
    let line = |title: &str, slug: &str, published: Option<chrono::DateTime<chrono::Utc>>| {
        serde_json::json!({
            "title": title,
            "url": format!("https://vnexpress.net/{slug}.html"),
            "published": published.map(|d| d.to_rfc3339()),
            "body": "Đoạn một về Thái Bình.",
            "keywords": [{"name": "Thái Bình", "source": "page"}],
        })
        .to_string()
    };
    let day = chrono::Duration::days(1);
    // Imported now: one dated 2020, one yesterday, one undated; then one
    // dated tomorrow (a dated item newer than the undated one's import).
    let first = [
        line("Tin năm 2020", "cu", Some(now - day * 2000)),
        line("Tin không ngày", "khong-ngay", None),
        line("Tin hôm qua", "hom-qua", Some(now - day)),
    ]
    .join("\n");
    let out = env.run_stdin(&["import", "-"], first.as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    let out = env.run_stdin(
        &["import", "-"],
        line("Tin ngày mai", "ngay-mai", Some(now + day)).as_bytes(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let want = [
        "Tin ngày mai",
        "Tin không ngày",
        "Tin hôm qua",
        "Tin năm 2020",
    ];
    for args in [
        &["list", "--json"][..],
        &["list", "--json", "--unread"],
        &["list", "--json", "--keyword", "thai binh"],
        &["list", "--json", "--site", "vnexpress.net"],
    ] {
        let rows = env.json(args);
        let titles: Vec<&str> = rows
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["title"].as_str().unwrap())
            .collect();
        assert_eq!(titles, want, "{args:?}");
        // The undated one shows no date.
        assert!(rows[1]["published"].is_null(), "{args:?}: {}", rows[1]);
    }
    let list = env.ok(&["list"]);
    let undated = list.lines().nth(1).unwrap();
    assert!(undated.contains("Tin không ngày"), "{list}");
    assert!(!undated.contains(&now.format("%Y-").to_string()), "{list}");
}

/// `export -o` writes into what the path names, as a shell's `>` does: a
/// symbolic link's target (the link stays), a pipe or a device written
/// through (never replaced by a file), an existing file's permissions
/// kept, a new file's from the umask (not 0600), and `-` is stdout.
#[cfg(unix)]
#[test]
fn export_to_a_path_writes_into_what_it_names() {
    use std::os::unix::fs::{FileTypeExt, PermissionsExt};
    let env = Env::new();
    env.ok(&[
        "import",
        fixture("dan-van-2021-03-05.txt").to_str().unwrap(),
    ]);
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;

    // An existing file keeps its permissions.
    let kept = env.write("kept.jsonl", b"old");
    std::fs::set_permissions(&kept, std::fs::Permissions::from_mode(0o664)).unwrap();
    env.ok(&["export", "-o", kept.to_str().unwrap()]);
    assert_eq!(mode(&kept), 0o664);
    assert!(std::fs::read_to_string(&kept).unwrap().contains("Ký kết"));

    // A new file: as any program makes one, readable by others under
    // the usual umask 022 (the test process's own umask decides).
    let new = env.path("new.jsonl");
    env.ok(&["export", "-o", new.to_str().unwrap()]);
    assert_ne!(mode(&new), 0o600, "a new file is not private");

    // A symbolic link: its target is written, the link stays a link.
    let target = env.write("target.jsonl", b"");
    let link = env.path("link.jsonl");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    env.ok(&["export", "-o", link.to_str().unwrap()]);
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(std::fs::read_to_string(&target).unwrap().contains("Ký kết"));

    // A named pipe: written through to whoever reads it.
    let fifo = env.path("pipe");
    common::mkfifo(&fifo);
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    env.ok(&["export", "-o", fifo.to_str().unwrap()]);
    assert!(reader.join().unwrap().contains("Ký kết"));
    assert!(
        std::fs::symlink_metadata(&fifo)
            .unwrap()
            .file_type()
            .is_fifo()
    );

    // `-`: standard output.
    let out = env.ok(&["export", "-o", "-"]);
    assert!(out.contains("Ký kết"));
    assert!(!env.path("-").exists());

    // A folder that cannot be written in: named, with the reason, and not
    // the temporary file docbao would have written first.
    let file = env.write("a-file", b"");
    let o = env.run(&["export", "-o", file.join("out.jsonl").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("cannot write in") && err.contains("a-file\": "),
        "{err}"
    );
    assert!(!err.contains("at path"), "{err}");

    // A folder that is not there: the system's words, not Rust's ("entity
    // not found").
    let o = env.run(&["export", "-o", env.path("nodir/x.jsonl").to_str().unwrap()]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("nodir\": no such file or folder"), "{err}");
}

/// A file its owner made read-only (a backup kept) is not replaced by
/// `export -o`, as the shell's `>` does not write it: the export renamed
/// its temporary file over it, which any file of a writable folder allows
/// (a tester's report). Run as `nobody` when the tests run as root, for
/// whom `>` writes any file.
#[cfg(unix)]
#[test]
fn export_refuses_a_file_made_read_only_as_the_shell_does() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let o = docbao_at(
        &db,
        &[
            "import",
            fixture("dan-van-2021-03-05.txt").to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let kept = dir.path().join("kept.jsonl");
    std::fs::write(&kept, "MY BACKUP\n").unwrap();
    std::fs::set_permissions(&kept, std::fs::Permissions::from_mode(0o444)).unwrap();
    let root = is_root();
    if root {
        let chown = Command::new("chown")
            .args(["-R", "65534:65534"])
            .arg(dir.path())
            .status();
        assert!(chown.is_ok_and(|s| s.success()));
    }
    // The shell's `>` as that user: refused, or the test cannot be made here.
    let shell = as_user("sh")
        .arg("-c")
        .arg(format!("echo x > '{}'", kept.display()))
        .stderr(Stdio::null())
        .status();
    if !shell.is_ok_and(|s| !s.success()) {
        eprintln!("no user here for whom the file is read-only: skipped");
        return;
    }
    let o = as_user(env!("CARGO_BIN_EXE_docbao"))
        .arg("--db")
        .arg(&db)
        .args(["export", "-o"])
        .arg(&kept)
        .env_remove("DOCBAO_DB")
        .env("HOME", dir.path())
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains(&format!(
            "cannot write \"{}\": Permission denied",
            kept.display()
        )) && err.contains("read-only"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&kept).unwrap(), "MY BACKUP\n");
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".docbao-part"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn a_limit_of_zero_is_refused_by_every_command_that_takes_one() {
    // `list --limit 0` said "No articles match." of a full store, `search`
    // and `keywords` printed nothing.
    let dir = tempfile::tempdir().expect("a temp dir");
    let db = dir.path().join("d.db");
    let fixture = fixture("dantri-30-head3.jsonl");
    let out = docbao_at(&db, &["import", fixture.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    for args in [
        &["list", "--limit", "0"][..],
        &["search", "Vinamilk", "-n", "0"],
        &["keywords", "--limit", "0"],
    ] {
        let out = docbao_at(&db, args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        let err = stderr(&out);
        assert!(
            err.contains("'0'") && err.contains("1 or more"),
            "{args:?}: {err}"
        );
        assert!(out.stdout.is_empty());
    }
    let out = docbao_at(&db, &["list", "--limit", "1"]);
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 1);
}

/// `list` and `search` keep their titles in one column whatever the date
/// column holds: a date line docbao could not read is cut to its ten
/// cells (a long one pushed its row's title hundreds of columns right: an
/// independent review's find).
#[test]
fn an_unread_date_line_keeps_the_titles_in_one_column() {
    let env = Env::new();
    let lines = [
        r#"{"title": "Ngày dài", "url": "https://e.vn/l", "sapo": "Tin ngày dài.", "date": "Cập nhật lúc rất rất rất rất rất lâu"}"#,
        r#"{"title": "Ngày thường", "url": "https://e.vn/n", "sapo": "Tin ngày thường.", "date": "2021-03-05"}"#,
        r#"{"title": "Ngày hỏng", "url": "https://e.vn/h", "sapo": "Tin ngày hỏng.", "date": "Sat, 30 Feb 2021 08:00:00 +0700"}"#,
        r#"{"title": "Không ngày", "url": "https://e.vn/k", "sapo": "Tin không ngày."}"#,
    ];
    let file = env.write("dates.jsonl", lines.join("\n").as_bytes());
    env.ok(&["import", file.to_str().unwrap()]);
    let column = |out: &str, lines: Vec<&str>| -> Vec<usize> {
        let cols: Vec<usize> = lines
            .iter()
            .map(|l| {
                let at = l.find("Ngày").or_else(|| l.find("Không")).unwrap();
                unicode_width::UnicodeWidthStr::width(&l[..at])
            })
            .collect();
        assert_eq!(cols.len(), 4, "{out}");
        cols
    };
    let list = env.ok(&["list"]);
    let cols = column(&list, list.lines().collect());
    assert!(cols.iter().all(|&c| c == cols[0]), "{cols:?}\n{list}");
    assert!(list.contains("Cập nhật…   Ngày dài"), "{list}");
    let found = env.ok(&["search", "tin"]);
    let rows: Vec<&str> = found.lines().filter(|l| !l.starts_with(' ')).collect();
    let cols = column(&found, rows);
    assert!(cols.iter().all(|&c| c == cols[0]), "{cols:?}\n{found}");
}

/// A store this user may not read is said to be unreadable, with what to
/// do, not "not a docbao database" (a scripter's find). Run as `nobody`
/// when the tests run as root, who reads any file.
#[cfg(unix)]
#[test]
fn a_store_this_user_may_not_read_is_not_called_another_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let o = docbao_at(
        &db,
        &[
            "import",
            fixture("dan-van-2021-03-05.txt").to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let root = is_root();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let mode = if root { 0o600 } else { 0o000 };
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(mode)).unwrap();
    let o = as_user(env!("CARGO_BIN_EXE_docbao"))
        .arg("--db")
        .arg(&db)
        .arg("list")
        .env_remove("DOCBAO_DB")
        .env("HOME", dir.path())
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let err = stderr(&o);
    if std::fs::File::open(&db).is_ok() && !root {
        eprintln!("this user reads any file: skipped");
        return;
    }
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains(&format!("cannot read the database \"{}\"", db.display()))
            && err.contains("may not read it")
            && !err.contains("not a docbao database"),
        "{err}"
    );
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o644)).unwrap();
}
