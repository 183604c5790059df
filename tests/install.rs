//! What installing docbao gives besides the binary: shell completions and
//! the man page, generated from the clap definitions; and the package's
//! metadata.

mod common;

use std::process::{Command, Stdio};

use common::{Env, stderr};

/// Every command `docbao --help` lists.
fn subcommands(env: &Env) -> Vec<String> {
    let help = env.ok(&["--help"]);
    let commands = help
        .split("Commands:")
        .nth(1)
        .and_then(|s| s.split("Options:").next())
        .unwrap_or_default();
    let names: Vec<String> = commands
        .lines()
        // A command's line starts two spaces in; its help's next lines further.
        .filter(|l| l.starts_with("  ") && !l.starts_with("   "))
        .filter_map(|l| l.split_whitespace().next())
        .map(str::to_string)
        .collect();
    assert!(names.len() > 15, "{help}");
    names
}

fn has(program: &str) -> bool {
    Command::new(program)
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

#[test]
fn the_bash_completion_knows_every_command() {
    let env = Env::new();
    let script = env.ok(&["completions", "bash"]);
    for name in subcommands(&env) {
        assert!(
            script.contains(&format!("docbao,{name})")),
            "{name} is not in the bash completion"
        );
    }
    assert!(script.contains("complete -F _docbao"));
    // Neither needs nor makes a store.
    assert!(!env.db().exists());
    if !has("bash") {
        eprintln!("no bash here: the script was checked as text only");
        return;
    }
    // Run it in bash: what does `docbao imp<Tab>` offer, and `docbao feed <Tab>`?
    let file = env.write("docbao.bash", script.as_bytes());
    let complete = |words: &str| {
        let probe = format!(
            "source '{}'\nCOMP_WORDS=({words})\nCOMP_CWORD=$((${{#COMP_WORDS[@]}} - 1))\n\
             _docbao docbao \"${{COMP_WORDS[COMP_CWORD]}}\" \"${{COMP_WORDS[COMP_CWORD-1]}}\"\n\
             printf '%s\\n' \"${{COMPREPLY[@]}}\"",
            file.display()
        );
        let out = Command::new("bash")
            .args(["--norc", "--noprofile", "-c", &probe])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        String::from_utf8(out.stdout).unwrap()
    };
    let got = complete("docbao imp");
    let got: Vec<&str> = got.lines().collect();
    assert_eq!(got, ["import", "import-newsboat"]);
    let got = complete("docbao feed ''");
    for sub in ["add", "list", "remove", "import-opml", "export-opml"] {
        assert!(got.lines().any(|l| l == sub), "{sub} not in {got}");
    }
    let got = complete("docbao completions ''");
    for shell in ["bash", "zsh", "fish"] {
        assert!(got.lines().any(|l| l == shell), "{shell} not in {got}");
    }
}

#[test]
fn zsh_and_fish_completions_are_generated() {
    let env = Env::new();
    let zsh = env.ok(&["completions", "zsh"]);
    assert!(zsh.starts_with("#compdef docbao"), "{}", &zsh[..80]);
    assert!(zsh.contains("'import-newsboat:"));
    let fish = env.ok(&["completions", "fish"]);
    assert!(fish.contains("complete -c docbao"));
    assert!(fish.contains("-a \"import-newsboat\""));
    let out = env.run(&["completions", "tcsh"]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("possible values: bash"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn the_man_page_renders() {
    let env = Env::new();
    let roff = env.ok(&["man"]);
    assert!(roff.starts_with(".ie \\n(.g .ds Aq"), "{}", &roff[..80]);
    assert!(roff.contains(".TH docbao 1"));
    assert!(roff.contains(".SH SUBCOMMANDS"));
    // Every page it names is one `man --dir` writes (it named a
    // `docbao-help(1)` no one wrote), and the store's variable is said.
    assert!(!roff.contains("docbao\\-help(1)"), "a page never written");
    assert!(roff.contains("[env: DOCBAO_DB]"), "DOCBAO_DB not said");
    assert!(!env.db().exists());
    if !has("man") {
        eprintln!("no man here: the roff was checked as text only");
        return;
    }
    let page = env.write("docbao.1", roff.as_bytes());
    let out = Command::new("man")
        .arg("-l")
        .arg(&page)
        .env("MANWIDTH", "100")
        .env("MANPAGER", "cat")
        .env("PAGER", "cat")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8_lossy(&out.stdout);
    let text: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for want in [
        "NAME docbao - Read the news in your terminal",
        "SYNOPSIS docbao",
        "--db <PATH>",
        "docbao-import-newsboat(1)",
        "docbao-completions(1)",
        "\"đọc báo\", reading the news",
        // What it reads from the environment and the files it keeps (an
        // independent review found the page silent on both).
        "ENVIRONMENT DOCBAO_DB The store when --db is not given",
        "NO_COLOR No colour in the reader",
        "FILES ~/.local/share/docbao/docbao.db The store",
        "KEYS The reader is used with the keyboard alone: ? shows its keys",
    ] {
        assert!(text.contains(want), "{want:?} not in the man page: {text}");
    }
}

#[test]
fn man_dir_writes_a_page_per_command() {
    let env = Env::new();
    let dir = env.path("man1");
    let listed = env.ok(&["man", "--dir", dir.to_str().unwrap()]);
    for name in ["docbao.1", "docbao-import-newsboat.1", "docbao-feed-add.1"] {
        assert!(dir.join(name).is_file(), "{name} missing: {listed}");
        assert!(listed.contains(name));
    }
    let page = std::fs::read_to_string(dir.join("docbao-import-newsboat.1")).unwrap();
    assert!(page.contains("\\-\\-cache"), "{page}");
    let main = std::fs::read_to_string(dir.join("docbao.1")).unwrap();
    assert!(
        main.contains(".SH ENVIRONMENT") && main.contains(".SH FILES"),
        "{main}"
    );
    // Each page named in the main one is there.
    let main = std::fs::read_to_string(dir.join("docbao.1")).unwrap();
    for named in main.split("docbao\\-").skip(1) {
        if let Some((name, _)) = named.split_once("(1)")
            && !name.contains(char::is_whitespace)
        {
            let file = format!("docbao-{}.1", name.replace("\\-", "-"));
            assert!(
                dir.join(&file).is_file(),
                "{file} named, not written: {listed}"
            );
        }
    }
}

#[test]
fn a_pipe_closed_early_is_no_error() {
    let env = Env::new();
    for args in [&["completions", "bash"][..], &["man"][..]] {
        let mut child = env
            .cmd()
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // The reading end closed before docbao writes (`docbao … | head -c0`).
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        assert_eq!(stderr(&out), "", "{args:?}");
    }
}
