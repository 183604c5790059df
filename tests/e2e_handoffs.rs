//! End to end: `|` and `w` in the real binary, in a pseudo-terminal. The
//! piped command gets the terminal (its keys too) and docbao comes back
//! redrawn, saying how it ended; `w` writes under `$HOME/Downloads`.

mod common;
mod pty;

use std::path::Path;
use std::time::{Duration, Instant};

use common::{Env, fixture};
use pty::{ENTER, Term, start, status};

/// A store holding three Dân trí articles (2020-10-01), the newest first.
fn prepared() -> Env {
    let env = Env::new();
    env.ok(&["import", fixture("dantri-30-head3.jsonl").to_str().unwrap()]);
    env
}

#[test]
fn pipe_gives_the_command_the_terminal_and_comes_back() {
    let env = prepared();
    let md = env.path("tin.md");
    let answer = env.path("answer.txt");
    let mut t = start(&env, 100, 30);
    t.wait_for("Lãi suất ngân hàng");
    t.send("|");
    t.wait_for("Pipe the article as Markdown to");
    // The command reads the Markdown, then a line from the terminal. What it
    // prints to ask for the line is made by printf: the words are not in the
    // command's text, which docbao's prompt shows (waiting for them there
    // sent the line before the command had the terminal, and docbao read it
    // as keys: a flaky failure).
    t.send(&format!(
        "cat > '{}'; printf 'Go %s:\\n' tiep; read x < /dev/tty; echo \"$x\" > '{}'; exit 5",
        md.display(),
        answer.display()
    ));
    t.send(ENTER);
    t.wait_for("Go tiep:");
    t.send("xin chao");
    t.send(ENTER);
    // The command's output stays on the screen until a key is pressed; that
    // key is not docbao's (`q` does not quit).
    t.wait_for("Press any key to return to docbao");
    assert!(t.contents().contains("Go tiep:"), "{}", t.contents());
    t.send("q");
    t.wait_until("docbao back, the exit status shown", |s| {
        status(s).contains("Pipe failed: exit status 5 (cat > ")
            && s.contents().contains("Articles (3)")
    });
    assert_eq!(std::fs::read_to_string(&answer).unwrap(), "xin chao\n");
    let text = std::fs::read_to_string(&md).unwrap();
    assert!(
        text.starts_with("# Lãi suất ngân hàng giảm sâu, xuống thấp nhất 10 năm\n\n*2020-10-01 · dantri.com.vn* · <https://dantri.com.vn/"),
        "{text}"
    );
    // The keys are docbao's again.
    t.send("q");
    assert!(t.wait_exit().success());
}

#[test]
fn w_writes_the_article_under_downloads() {
    let env = prepared();
    let mut t = start(&env, 100, 30);
    t.wait_for("Lãi suất ngân hàng");
    t.send("w");
    t.wait_for("Write the article as Markdown to");
    t.send(ENTER);
    let file = env
        .dir
        .path()
        .join("Downloads/2020-10-01-lai-suat-ngan-hang-giam-sau-xuong-thap-nhat-10-nam.md");
    t.wait_until("the file written", |s| status(s).contains("Written to"));
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.starts_with("# Lãi suất ngân hàng"), "{text}");
    t.send("q");
    assert!(t.wait_exit().success());
}

/// `ui.pipe_wait_key = false`: docbao takes the screen back as soon as the
/// command ends, with no key asked for.
#[test]
fn pipe_without_wait_key_comes_back_at_once() {
    let env = prepared();
    env.write("docbao/config.toml", b"[ui]\npipe_wait_key = false\n");
    let mut t = start(&env, 80, 24);
    t.wait_for("Lãi suất ngân hàng");
    t.send("|");
    t.wait_for("Pipe to:");
    t.send("wc -w");
    t.send(ENTER);
    t.wait_until("docbao back", |s| {
        status(s).contains("Piped: exit status 0 (wc -w)")
    });
    assert!(!t.contents().contains("Press any key"), "{}", t.contents());
    t.send("q");
    assert!(t.wait_exit().success());
}

/// docbao on `env`'s store at 80x24 with `$BROWSER` set, the first article's
/// link ready for `o`.
fn with_browser(env: &Env, browser: &str) -> Term {
    let t = Term::spawn_with_env(
        &env.db(),
        env.dir.path(),
        &["--no-demo"],
        80,
        24,
        &[("BROWSER", browser)],
    );
    t.wait_for("Lãi suất ngân hàng");
    t
}

/// The text of `path` once it ends with a newline (polled, with a deadline).
fn written_line(path: &Path) -> String {
    let end = Instant::now() + Duration::from_secs(10);
    loop {
        let text = std::fs::read_to_string(path).unwrap_or_default();
        if text.ends_with('\n') {
            return text;
        }
        assert!(
            Instant::now() < end,
            "nothing written to {}",
            path.display()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// `$BROWSER` as a `:` list: a command that is not there is passed over;
/// `%s` is the link and `%%` a `%`, and no link is added after them.
#[test]
fn browser_is_a_colon_list_with_percent_s_for_the_link() {
    let env = prepared();
    let argv = env.path("argv.txt");
    let script = env.write(
        "show-args.sh",
        format!(
            "printf '[%s]' \"$@\" > '{}'; echo >> '{}'\n",
            argv.display(),
            argv.display()
        )
        .as_bytes(),
    );
    let browser = format!(
        "docbao-no-such-browser %s:sh {} --new-tab=%s 100%%",
        script.display()
    );
    let mut t = with_browser(&env, &browser);
    t.send("o");
    t.wait_until("the second command started", |s| {
        status(s).contains("Opened in sh")
    });
    let line = written_line(&argv);
    assert!(
        line.starts_with("[--new-tab=https://dantri.com.vn/") && line.ends_with(".htm][100%]\n"),
        "{line:?}"
    );
    t.send("q");
    assert!(t.wait_exit().success());

    // None starts: the status names what was tried, in one short line.
    let mut t = with_browser(
        &env,
        "docbao-no-such-browser:/nowhere/at/all/w3m-missing %s",
    );
    t.send("o");
    t.wait_until("the failure said", |s| {
        status(s).contains("Cannot start \"docbao-no-such-browser\", \"w3m-missing\": not found")
    });
    t.send("q");
    assert!(t.wait_exit().success());
}

/// A browser started apart from the screen is waited for: once it has
/// ended, it is not left a zombie under docbao.
#[test]
fn a_detached_browser_is_reaped() {
    let env = prepared();
    let pid_file = env.path("pid.txt");
    let script = env.write(
        "quick.sh",
        format!("echo $$ > '{}'\n", pid_file.display()).as_bytes(),
    );
    let mut t = with_browser(&env, &format!("sh {}", script.display()));
    t.send("o");
    let pid = written_line(&pid_file);
    let stat = format!("/proc/{}/stat", pid.trim());
    let end = Instant::now() + Duration::from_secs(10);
    // Gone from /proc once reaped; a zombie stays, in state Z.
    while let Ok(text) = std::fs::read_to_string(&stat) {
        assert!(Instant::now() < end, "the browser was not reaped: {text}");
        std::thread::sleep(Duration::from_millis(20));
    }
    t.send("q");
    assert!(t.wait_exit().success());
}

/// A terminal browser (`w3m` here, a script of that name) gets the terminal:
/// docbao gives it back, waits, and takes the screen again. One that fails
/// leaves its message on the screen until a key is pressed.
#[test]
fn a_terminal_browser_gets_the_terminal() {
    let env = prepared();
    let answer = env.path("answer.txt");
    let script = env.write(
        "bin/w3m",
        format!(
            "#!/bin/sh\n[ -t 0 ] && [ -t 1 ] && printf 'W3M %s\\n' on-tty\nread x\necho \"$x\" > '{}'\n[ \"$x\" = ok ]\n",
            answer.display()
        )
        .as_bytes(),
    );
    make_executable(&script);
    let mut t = with_browser(&env, &script.display().to_string());
    t.send("o");
    t.wait_for("W3M on-tty");
    t.send("ok");
    t.send(ENTER);
    t.wait_until("docbao back", |s| {
        status(s).contains("Opened in w3m") && s.contents().contains("Articles (3)")
    });
    assert_eq!(written_line(&answer), "ok\n");
    std::fs::remove_file(&answer).unwrap();

    t.send("o");
    t.wait_for("W3M on-tty");
    t.send("no");
    t.send(ENTER);
    t.wait_for("Press any key to return to docbao");
    t.send("q");
    t.wait_until("docbao back, the failure said", |s| {
        status(s).contains("w3m failed: exit status 1") && s.contents().contains("Articles (3)")
    });
    t.send("q");
    assert!(t.wait_exit().success());
}

/// `ui.terminal_browsers` marks another program as a terminal browser.
#[test]
fn a_browser_named_in_the_config_gets_the_terminal() {
    let env = prepared();
    env.write(
        "docbao/config.toml",
        b"[ui]\nterminal_browsers = [\"tui-web\"]\n",
    );
    let script = env.write(
        "bin/tui-web",
        b"#!/bin/sh\n[ -t 0 ] && [ -t 1 ] && printf 'TUIWEB %s\\n' on-tty\nread x\n",
    );
    make_executable(&script);
    let mut t = with_browser(&env, &format!("{} --url %s", script.display()));
    t.send("o");
    t.wait_for("TUIWEB on-tty");
    t.send(ENTER);
    t.wait_until("docbao back", |s| {
        status(s).contains("Opened in tui-web") && s.contents().contains("Articles (3)")
    });
    t.send("q");
    assert!(t.wait_exit().success());
}

fn make_executable(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
}

/// Keys typed while a piped command has the terminal, after the key that
/// brings docbao back, are docbao's at once: the "press a key" read took
/// them all into crossterm's queue, and the input thread, waiting on the
/// terminal itself, held them until the next key (a tester's `x j j` after
/// `| sleep 0.5` left the list on its first row).
#[test]
fn keys_typed_ahead_of_the_return_from_a_pipe_act_at_once() {
    let env = prepared();
    let mut t = start(&env, 100, 30);
    t.wait_for("Lãi suất ngân hàng");
    t.send("|");
    t.wait_for("Pipe the article as Markdown to");
    t.send("cat > /dev/null; printf 'Done %s\\n' here");
    t.send(ENTER);
    t.wait_for("Press any key to return to docbao");
    // The key that returns and two moves, in one write.
    t.send("xjj");
    t.wait_until("the list on its third row", |s| {
        status(s).contains("Article 3 of 3")
    });
    t.send("q");
    assert!(t.wait_exit().success());
}
