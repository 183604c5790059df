//! What a command must never do to the store, and what it says instead: an
//! export written over the store's own file, a damaged or odd file
//! reported without its name, a schema version no docbao wrote, a backup
//! written again on every failed upgrade, a `--db` that names no regular
//! file.

mod common;

use std::path::Path;

use common::{Env, fixture};

/// The store of `env` with the bundled demo page and a few articles in it.
fn filled(env: &Env) {
    env.ok(&[
        "import",
        fixture("dan-van-2021-03-05.txt").to_str().unwrap(),
        fixture("dantri-30-head3.jsonl").to_str().unwrap(),
    ]);
}

/// `args` fail (exit 1) saying `what`, stdout empty; returns stderr.
fn refused(env: &Env, args: &[&str], what: &str) -> String {
    let o = env.run(args);
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    assert_eq!(o.status.code(), Some(1), "{args:?}: {err}");
    assert!(err.contains(what), "{args:?}: {err}");
    assert!(!err.contains("panicked"), "{args:?}: {err}");
    assert!(o.stdout.is_empty(), "{args:?}");
    err
}

fn bytes(p: &Path) -> Vec<u8> {
    std::fs::read(p).unwrap()
}

/// `export -o` naming the store itself (by its path, through a link, with
/// `..`, in Markdown) or one of its side files is refused, naming it, and
/// nothing is written: the export replaced the store with its JSON and
/// said "Exported 2653 articles" (a tester's report).
#[cfg(unix)]
#[test]
fn export_refuses_to_write_over_the_store_it_reads() {
    let env = Env::new();
    filled(&env);
    let db = env.db();
    // Closed cleanly: the file alone is the store.
    let before = bytes(&db);
    std::fs::create_dir(env.path("dir")).unwrap();
    let link = env.path("link.jsonl");
    std::os::unix::fs::symlink(&db, &link).unwrap();
    let hard = env.path("hard.db");
    std::fs::hard_link(&db, &hard).unwrap();
    let dotdot = env.dir.path().join("dir/../docbao.db");
    for (out, more) in [
        (&db, &[][..]),
        (&link, &[][..]),
        (&dotdot, &[][..]),
        (&hard, &[][..]),
        (&db, &["--format", "markdown"][..]),
    ] {
        let mut args = vec!["export", "-o", out.to_str().unwrap()];
        args.extend_from_slice(more);
        let err = refused(&env, &args, "which this export reads");
        assert!(
            err.contains(&format!("the store \"{}\"", db.display())),
            "{err}"
        );
        assert!(err.contains("nothing was written"), "{err}");
        assert_eq!(bytes(&db), before, "{out:?} {more:?}");
    }
    // Its side files, there or not yet.
    for suffix in ["-wal", "-shm", "-journal"] {
        let side = env.path(&format!("docbao.db{suffix}"));
        refused(
            &env,
            &["export", "-o", side.to_str().unwrap()],
            &format!("a file of the store \"{}\"", side.display()),
        );
        assert!(!side.exists(), "{suffix}");
    }
    assert_eq!(env.ok(&["list"]).lines().count(), 4);
    // Another file is written as before.
    env.ok(&["export", "-o", env.path("out.jsonl").to_str().unwrap()]);
    assert_eq!(
        std::fs::read_to_string(env.path("out.jsonl"))
            .unwrap()
            .lines()
            .count(),
        4
    );
}
