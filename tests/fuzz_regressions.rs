//! The fuzzers' findings, replayed by the plain `cargo test`: every input a
//! fuzz target once failed on is kept under `tests/fixtures/fuzz/<target>/`,
//! and goes through the same check as in the fuzzer (`fuzz/src/lib.rs`,
//! compiled in here), which runs the parser or text function and panics on a
//! broken promise. The seeds the fuzzers start from (`fuzz/seeds/<target>/`)
//! go through it too. See TESTING.md.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

#[path = "../fuzz/src/lib.rs"]
mod checks;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

/// The files of `dir` (none when it does not exist), sorted.
fn files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<PathBuf> = entries
        .map(|e| e.expect("readable directory").path())
        .filter(|p| p.is_file())
        .collect();
    out.sort();
    out
}

/// Run target `name`'s check on every file of `dir`; returns how many ran,
/// panics naming every file that failed.
fn replay(name: &str, dir: &Path) -> usize {
    let mut failed = Vec::new();
    let inputs = files(dir);
    for path in &inputs {
        let data = std::fs::read(path).expect("readable input");
        let ran = catch_unwind(AssertUnwindSafe(|| checks::run(name, &data)));
        match ran {
            Ok(true) => {}
            Ok(false) => panic!("unknown fuzz target {name}"),
            Err(e) => {
                let msg = e
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default();
                failed.push(format!("{}: {msg}", path.display()));
            }
        }
    }
    assert!(failed.is_empty(), "{name}:\n{}", failed.join("\n"));
    inputs.len()
}

/// The saved crashing inputs of one target, then its seeds.
fn target(name: &str) {
    replay(name, &root().join("tests/fixtures/fuzz").join(name));
    let seeds = replay(name, &root().join("fuzz/seeds").join(name));
    assert!(seeds > 0, "no seeds for {name}");
}

#[test]
fn page_text() {
    target("page_text");
}

#[test]
fn jsonl() {
    target("jsonl");
}

#[test]
fn html() {
    target("html");
}

#[test]
fn feed() {
    target("feed");
}

#[test]
fn search_query() {
    target("search_query");
}

#[test]
fn clean() {
    target("clean");
}

#[test]
fn wrap() {
    target("wrap");
}

#[test]
fn opml() {
    target("opml");
}

#[test]
fn every_saved_input_belongs_to_a_target() {
    let dir = root().join("tests/fixtures/fuzz");
    for entry in std::fs::read_dir(&dir).expect("tests/fixtures/fuzz") {
        let path = entry.expect("entry").path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        assert!(
            name == "README.md" || (path.is_dir() && checks::TARGETS.contains(&name)),
            "{} is not a fuzz target's folder",
            path.display()
        );
    }
    // Every folder named in fuzz/Cargo.toml is one the tests replay.
    let manifest =
        std::fs::read_to_string(root().join("fuzz/Cargo.toml")).expect("fuzz/Cargo.toml");
    let bins = manifest.matches("[[bin]]").count();
    assert_eq!(bins, checks::TARGETS.len());
    for t in checks::TARGETS {
        assert!(
            manifest.contains(&format!("name = \"{t}\"")),
            "{t} not in fuzz/Cargo.toml"
        );
    }
}

#[test]
fn the_checks_catch_what_they_look_for() {
    // The checks are the assertions of these tests: make sure they fire.
    let fires = |f: &dyn Fn()| catch_unwind(AssertUnwindSafe(f)).is_err();
    assert!(fires(&|| checks::assert_clean("x", "a\u{1B}[2Jb")));
    assert!(fires(&|| checks::assert_clean("x", "a\u{9B}b")));
    assert!(fires(&|| checks::assert_clean("x", "a\u{202E}b")));
    assert!(fires(&|| checks::assert_clean("x", " a")));
    assert!(fires(&|| checks::assert_clean("x", "a  b")));
    assert!(fires(&|| checks::assert_clean("x", "e\u{301}")));
    assert!(fires(&|| checks::assert_clean("x", "a \u{301}b")));
    assert!(!fires(&|| checks::assert_clean("x", "Thái Bình 中文 🌞")));
    let article = docbao::model::NewArticle {
        title: "T".into(),
        paragraphs: vec![docbao::model::Paragraph::text("")],
        ..Default::default()
    };
    assert!(fires(&|| checks::assert_article(&article)));
    assert!(fires(&|| {
        checks::assert_article(&docbao::model::NewArticle::default());
    }));
}
