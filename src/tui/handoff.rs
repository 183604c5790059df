//! Handing an article to the world outside the reader: the clipboard (OSC
//! 52), a browser, a shell command (`|`) and a file (`w`). What to do is
//! decided here by pure functions (tested); the runtime only runs it.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::tui::event::UrlOpened;

/// The OSC 52 sequence that puts `text` on the terminal's clipboard: `ESC ]
/// 52 ; c ; <base64> BEL`, plain (no tmux or screen wrapping). tmux with
/// `set -g set-clipboard on` takes it itself and passes it on to the outer
/// terminal; kitty, WezTerm, iTerm2, foot, Alacritty and xterm (with
/// `allowWindowOps`) take it directly, over SSH too.
pub fn osc52(text: &str) -> String {
    use base64::Engine;
    let b64 = base64::engine::general_purpose::STANDARD.encode(text.as_bytes());
    format!("\x1b]52;c;{b64}\x07")
}

/// Whether this process runs in an SSH session.
pub fn over_ssh() -> bool {
    ["SSH_CONNECTION", "SSH_TTY", "SSH_CLIENT"]
        .iter()
        .any(|v| std::env::var_os(v).is_some_and(|s| !s.is_empty()))
}

/// What `o` does with a link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Opener {
    /// Run the first of these commands that starts.
    Run {
        commands: Vec<BrowserCommand>,
        /// The platform's opener (`xdg-open`, `open`) rather than `$BROWSER`:
        /// when it is not installed, the link is copied instead.
        fallback: bool,
    },
    /// Copy the link (OSC 52), for this reason.
    Copy(&'static str),
}

/// One command of `$BROWSER`, the link in its arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BrowserCommand {
    pub program: String,
    pub args: Vec<String>,
    /// A browser that runs in the terminal: it is given the terminal and
    /// waited for, as a piped command is; any other is started apart.
    pub terminal: bool,
}

/// The browsers that run in a terminal, by the program's file name
/// (`www-browser` is Debian's name for the one installed). A user names
/// more in `ui.terminal_browsers`.
pub const TERMINAL_BROWSERS: &[&str] = &[
    "lynx",
    "w3m",
    "elinks",
    "links",
    "links2",
    "browsh",
    "carbonyl",
    "www-browser",
];

/// A program's file name: `/usr/bin/w3m` is `w3m`.
fn file_name(program: &str) -> &str {
    program.rsplit('/').next().unwrap_or(program)
}

/// `$BROWSER` read as Python's `webbrowser` and Debian's `sensible-browser`
/// read it: a `:`-separated list of commands, tried in order. Each command
/// is split at white space (no quoting); in its words `%s` is the link and
/// `%%` a `%`; a command with no `%s` gets the link as its last argument.
pub fn browser_commands(browser: &str, url: &str, terminal: &[String]) -> Vec<BrowserCommand> {
    browser
        .split(':')
        .filter_map(|entry| {
            let mut has_url = false;
            let mut words = entry.split_whitespace().map(|w| {
                let (word, url_in) = substitute(w, url);
                has_url |= url_in;
                word
            });
            let program = words.next()?;
            let mut args: Vec<String> = words.collect();
            if !has_url {
                args.push(url.to_string());
            }
            let name = file_name(&program);
            let terminal = TERMINAL_BROWSERS.contains(&name)
                || terminal.iter().any(|t| t == name || *t == program);
            Some(BrowserCommand {
                program,
                args,
                terminal,
            })
        })
        .collect()
}

/// `word` with `%s` as `url` and `%%` as `%`; whether `%s` was in it.
fn substitute(word: &str, url: &str) -> (String, bool) {
    let mut out = String::with_capacity(word.len());
    let mut has_url = false;
    let mut chars = word.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('s') => {
                out.push_str(url);
                has_url = true;
            }
            Some('%') => out.push('%'),
            Some(other) => {
                out.push('%');
                out.push(other);
            }
            None => out.push('%'),
        }
    }
    (out, has_url)
}

/// How to open a link: `$BROWSER` (see [`browser_commands`]) on a local
/// terminal; else the platform's opener, `open` on macOS and `xdg-open` on
/// Linux and the BSDs when there is a display to open a browser on. Over
/// SSH only a terminal browser of `$BROWSER` is run (it runs in the
/// terminal the reader is in, on the far machine); else the link is
/// copied, as a window would open on the far machine. With no display
/// (a text console) and no `$BROWSER`, it is copied too: `xdg-open` would
/// start a text browser cut off from the terminal.
pub fn choose_opener(
    browser: Option<&str>,
    url: &str,
    terminal: &[String],
    over_ssh: bool,
    display: bool,
    os: &str,
) -> Opener {
    let mut commands = browser_commands(browser.unwrap_or_default(), url, terminal);
    if over_ssh {
        commands.retain(|c| c.terminal);
        if commands.is_empty() {
            return Opener::Copy("over SSH");
        }
    }
    if !commands.is_empty() {
        return Opener::Run {
            commands,
            fallback: false,
        };
    }
    let program = match os {
        "macos" => "open",
        "linux" | "freebsd" | "openbsd" | "netbsd" | "dragonfly" | "illumos" | "solaris"
            if display =>
        {
            "xdg-open"
        }
        "linux" | "freebsd" | "openbsd" | "netbsd" | "dragonfly" | "illumos" | "solaris" => {
            return Opener::Copy("no display, no $BROWSER");
        }
        _ => return Opener::Copy("no $BROWSER"),
    };
    Opener::Run {
        commands: browser_commands(program, url, &[]),
        fallback: true,
    }
}

/// Whether a window can be opened: an X or Wayland display is set (macOS
/// and others always have theirs).
pub fn has_display() -> bool {
    ["DISPLAY", "WAYLAND_DISPLAY"]
        .iter()
        .any(|v| std::env::var_os(v).is_some_and(|d| !d.is_empty()))
}

/// What became of `o`'s commands.
#[derive(Debug)]
pub enum BrowserOutcome {
    /// Started apart from the screen (and waited for by a thread of its own).
    Detached(String),
    /// Ran in the terminal and ended so.
    Ran {
        program: String,
        status: std::process::ExitStatus,
    },
    /// None started: each program tried, with why.
    NoneStarted(Vec<(String, std::io::Error)>),
}

/// Try `commands` in order until one starts. Before the first that runs in
/// the terminal, `give_terminal` is called (it gives the terminal away);
/// that one is waited for.
pub fn start_browser(
    commands: &[BrowserCommand],
    give_terminal: &mut dyn FnMut(),
) -> BrowserOutcome {
    let mut tried = Vec::new();
    for c in commands {
        let started = if c.terminal {
            give_terminal();
            Command::new(&c.program)
                .args(&c.args)
                .status()
                .map(|status| BrowserOutcome::Ran {
                    program: file_name(&c.program).to_string(),
                    status,
                })
        } else {
            spawn_detached(&c.program, &c.args)
                .map(|_| BrowserOutcome::Detached(file_name(&c.program).to_string()))
        };
        match started {
            Ok(outcome) => return outcome,
            Err(e) => tried.push((c.program.clone(), e)),
        }
    }
    BrowserOutcome::NoneStarted(tried)
}

/// The status line for commands none of which started: their programs'
/// names and the last one's reason, short enough for an 80-column line.
pub fn not_started_line(tried: &[(String, std::io::Error)]) -> String {
    let Some((_, last)) = tried.last() else {
        return "No browser command given".to_string();
    };
    let why = match last.kind() {
        std::io::ErrorKind::NotFound => "not found".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => crate::text::width::truncate(&last.to_string(), 30),
    };
    let names: Vec<String> = tried
        .iter()
        .map(|(p, _)| format!("\"{}\"", crate::text::width::truncate(file_name(p), 24)))
        .collect();
    let all = names.join(", ");
    if crate::text::width::width(&all) <= 40 {
        format!("Cannot start {all}: {why}")
    } else {
        format!(
            "Cannot start {} or {} more: {why}",
            names[0],
            names.len() - 1
        )
    }
}

/// How long a browser started apart from the screen is watched: one that
/// ends within it with a failure (`BROWSER=false`, an `xdg-open` with no
/// handler) opened nothing, and the next command is tried. A browser that
/// opens the page hands it on and ends well, or goes on running.
const FAILS_AT_ONCE: std::time::Duration = std::time::Duration::from_millis(250);

/// Start a program, detached: no stdin, nothing it prints reaches the
/// screen the reader draws on, in a process group of its own (the
/// terminal's signals are not its), and waited for by a thread so that it
/// is not left a zombie. Watched for [`FAILS_AT_ONCE`] first: an `Err` (its
/// exit status, as [`ended`] says it) when it failed in that time. Its
/// process id.
pub fn spawn_detached(program: &str, args: &[String]) -> std::io::Result<u32> {
    use std::os::unix::process::CommandExt;
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .process_group(0)
        .spawn()?;
    let pid = child.id();
    let until = std::time::Instant::now() + FAILS_AT_ONCE;
    loop {
        if let Some(status) = child.try_wait()? {
            return ended(status).map(|()| pid).map_err(std::io::Error::other);
        }
        if std::time::Instant::now() >= until {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    std::thread::spawn(move || {
        let _ = child.wait();
    });
    Ok(pid)
}

/// `sh -c COMMAND` with `input` on its stdin and the terminal for the rest,
/// waited for. The line for the status bar: how it ended (an `Err` when it
/// failed).
pub fn pipe_to(command: &str, input: &str) -> Result<String, String> {
    let mut child = Command::new("sh")
        .arg("-c")
        .arg(command)
        .stdin(Stdio::piped())
        .spawn()
        .map_err(|e| format!("Cannot run sh: {e}"))?;
    if let Some(mut stdin) = child.stdin.take() {
        // A command that stops reading early (`head -1`) is not a failure.
        let _ = stdin.write_all(input.as_bytes());
    }
    let status = child
        .wait()
        .map_err(|e| format!("Pipe failed: {e} ({command})"))?;
    match ended(status) {
        Ok(()) => Ok(format!("Piped: exit status 0 ({command})")),
        Err(how) => Err(format!("Pipe failed: {how} ({command})")),
    }
}

/// How a program ended, when it failed: "exit status 3", "killed by signal 9".
fn ended(status: std::process::ExitStatus) -> Result<(), String> {
    use std::os::unix::process::ExitStatusExt;
    match (status.code(), status.signal()) {
        (Some(0), _) => Ok(()),
        (Some(code), _) => Err(format!("exit status {code}")),
        (None, Some(sig)) => Err(format!("killed by signal {sig}")),
        (None, None) => Err(status.to_string()),
    }
}

/// What the status line says of `o`'s outcome; `None`: nothing started
/// because the platform's opener (`fallback`) is not installed, so the link
/// is to be copied instead.
pub fn url_opened(outcome: BrowserOutcome, fallback: bool) -> Option<UrlOpened> {
    Some(match outcome {
        BrowserOutcome::Detached(program) => UrlOpened::Browser(program),
        BrowserOutcome::Ran { program, status } => match ended(status) {
            Ok(()) => UrlOpened::Browser(program),
            Err(error) => UrlOpened::BrowserFailed { program, error },
        },
        BrowserOutcome::NoneStarted(tried)
            if fallback
                && tried
                    .iter()
                    .all(|(_, e)| e.kind() == std::io::ErrorKind::NotFound) =>
        {
            return None;
        }
        BrowserOutcome::NoneStarted(tried) => UrlOpened::NotStarted(not_started_line(&tried)),
    })
}

impl BrowserOutcome {
    /// A terminal browser that ran and failed (its message is on the screen).
    pub fn failed_in_terminal(&self) -> bool {
        matches!(self, BrowserOutcome::Ran { status, .. } if !status.success())
    }
}

/// `~/…` with the home folder; other paths as they are. Without a home
/// folder (`$HOME` unset) a `~/` path is refused rather than written to a
/// folder named `~`.
pub fn expand_home(path: &str, home: Option<&Path>) -> Result<PathBuf, String> {
    match (path.strip_prefix("~/"), home) {
        (Some(rest), Some(h)) => Ok(h.join(rest)),
        (Some(_), None) => Err(format!(
            "Not written: $HOME is not set, so \"{path}\" names no folder (give a full path)"
        )),
        _ => Ok(PathBuf::from(path)),
    }
}

/// Write `text` to a new file at `path`, creating its folder. An existing
/// file is never overwritten: refused, naming it. The status line for it.
/// `again` is the key that writes, as bound, which the refusal names.
pub fn write_new_file(path: &Path, text: &str, again: &str) -> Result<String, String> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("Cannot create the folder \"{}\": {e}", dir.display()))?;
    }
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::AlreadyExists => format!(
                "Not written: the file exists ({again} again for another name): {}",
                path.display()
            ),
            _ => format!("Cannot write \"{}\": {e}", path.display()),
        })?;
    file.write_all(text.as_bytes())
        .and_then(|()| file.flush())
        .map_err(|e| format!("Cannot write \"{}\": {e}", path.display()))?;
    Ok(format!("Written to {}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn osc52_is_plain_base64_between_osc_and_bel() {
        assert_eq!(
            osc52("https://dantri.com.vn/a.htm").as_bytes(),
            b"\x1b]52;c;aHR0cHM6Ly9kYW50cmkuY29tLnZuL2EuaHRt\x07"
        );
        // UTF-8 as it is: "Đà Nẵng".
        assert_eq!(osc52("Đà Nẵng"), "\x1b]52;c;xJDDoCBO4bq1bmc=\x07");
        assert_eq!(osc52(""), "\x1b]52;c;\x07");
    }

    #[test]
    fn the_opener_is_browser_then_the_platforms_and_never_over_ssh() {
        let url = "https://dantri.com.vn/a.htm";
        let run = |p: &str, args: &[&str], fallback| Opener::Run {
            commands: vec![BrowserCommand {
                program: p.into(),
                args: args.iter().map(|s| s.to_string()).collect(),
                terminal: false,
            }],
            fallback,
        };
        let choose = |b: Option<&str>, ssh, os: &str| choose_opener(b, url, &[], ssh, true, os);
        assert_eq!(
            choose(Some("firefox --new-tab"), false, "linux"),
            run("firefox", &["--new-tab", url], false)
        );
        assert_eq!(choose(None, false, "linux"), run("xdg-open", &[url], true));
        assert_eq!(
            choose(Some("  "), false, "freebsd"),
            run("xdg-open", &[url], true)
        );
        assert_eq!(
            choose(Some(":"), false, "linux"),
            run("xdg-open", &[url], true)
        );
        assert_eq!(choose(None, false, "macos"), run("open", &[url], true));
        assert_eq!(choose(None, false, "windows"), Opener::Copy("no $BROWSER"));
        assert_eq!(
            choose(Some("firefox"), true, "linux"),
            Opener::Copy("over SSH")
        );
        assert_eq!(choose(None, true, "macos"), Opener::Copy("over SSH"));
        // Over SSH a terminal browser runs, in the terminal the reader is in.
        let w3m = BrowserCommand {
            program: "w3m".into(),
            args: vec![url.into()],
            terminal: true,
        };
        assert_eq!(
            choose(Some("firefox:w3m"), true, "linux"),
            Opener::Run {
                commands: vec![w3m.clone()],
                fallback: false
            }
        );
        // No display (a text console): xdg-open would start a text browser
        // cut off from the terminal; the link is copied. $BROWSER still runs.
        let console = |b: Option<&str>| choose_opener(b, url, &[], false, false, "linux");
        assert_eq!(console(None), Opener::Copy("no display, no $BROWSER"));
        assert_eq!(
            console(Some("w3m")),
            Opener::Run {
                commands: vec![w3m],
                fallback: false
            }
        );
        assert_eq!(
            choose_opener(None, url, &[], false, false, "macos"),
            run("open", &[url], true)
        );
    }

    #[test]
    fn browser_is_a_colon_list_with_percent_s_and_percent_percent() {
        let url = "https://vnexpress.net/a-1.html?x=%41";
        let cmd = |p: &str, args: &[&str], terminal| BrowserCommand {
            program: p.into(),
            args: args.iter().map(|s| s.to_string()).collect(),
            terminal,
        };
        assert_eq!(
            browser_commands(
                "firefox %s:/usr/bin/w3m -o x=100%% :: chromium --app=%s --x=%q%",
                url,
                &[]
            ),
            vec![
                cmd("firefox", &[url], false),
                cmd("/usr/bin/w3m", &["-o", "x=100%", url], true),
                cmd("chromium", &[&format!("--app={url}"), "--x=%q%"], false),
            ]
        );
        // The user's own terminal browsers, by name or by path.
        let mine = vec!["tui-web".to_string(), "/opt/b/run".to_string()];
        assert_eq!(
            browser_commands("/home/lan/bin/tui-web:/opt/b/run %s:run", url, &mine),
            vec![
                cmd("/home/lan/bin/tui-web", &[url], true),
                cmd("/opt/b/run", &[url], true),
                cmd("run", &[url], false),
            ]
        );
        for name in TERMINAL_BROWSERS {
            assert!(browser_commands(name, url, &[])[0].terminal, "{name}");
        }
    }

    #[test]
    fn the_commands_are_tried_in_order_and_a_failure_names_them_shortly() {
        let cmds = browser_commands(
            "docbao-no-such-1 %s:/nowhere/docbao-no-such-2:true",
            "https://e.vn/a",
            &[],
        );
        let outcome = start_browser(&cmds, &mut || panic!("no terminal browser here"));
        assert!(
            matches!(&outcome, BrowserOutcome::Detached(p) if p == "true"),
            "{outcome:?}"
        );
        let BrowserOutcome::NoneStarted(tried) = start_browser(&cmds[..2], &mut || {}) else {
            panic!("nothing can start");
        };
        assert_eq!(
            not_started_line(&tried),
            "Cannot start \"docbao-no-such-1\", \"docbao-no-such-2\": not found"
        );
        let long: Vec<_> = (0..6)
            .map(|i| {
                (
                    format!("/a/very/long/path/to/browser-number-{i}"),
                    std::io::Error::from(std::io::ErrorKind::NotFound),
                )
            })
            .collect();
        let line = not_started_line(&long);
        assert_eq!(
            line,
            "Cannot start \"browser-number-0\" or 5 more: not found"
        );
        assert!(crate::text::width::width(&line) < 60, "{line}");
    }

    /// `BROWSER=false`, or an `xdg-open` with no handler: a program that
    /// fails at once opened nothing, and the next command is tried; the
    /// status line says how the last one failed.
    #[test]
    fn a_browser_that_fails_at_once_is_not_taken_for_one_that_opened() {
        let cmd = |program: &str| BrowserCommand {
            program: program.to_string(),
            args: Vec::new(),
            terminal: false,
        };
        let e = spawn_detached("false", &[]).unwrap_err();
        assert_eq!(e.to_string(), "exit status 1");
        match start_browser(&[cmd("false"), cmd("true")], &mut || {}) {
            BrowserOutcome::Detached(p) => assert_eq!(p, "true"),
            other => panic!("{other:?}"),
        }
        match url_opened(start_browser(&[cmd("false")], &mut || {}), false) {
            Some(UrlOpened::NotStarted(line)) => {
                assert_eq!(line, "Cannot start \"false\": exit status 1")
            }
            other => panic!("{other:?}"),
        }
        // One still running when the watch ends has opened (a browser).
        let pid = spawn_detached("sleep", &["1".to_string()]).unwrap();
        assert!(pid > 0);
    }

    #[test]
    fn a_detached_program_is_reaped_when_it_ends() {
        let pid = spawn_detached("true", &[]).unwrap();
        let stat = format!("/proc/{pid}/stat");
        let end = std::time::Instant::now() + std::time::Duration::from_secs(10);
        // A zombie stays in /proc (state Z) until its parent waits for it.
        while let Ok(text) = std::fs::read_to_string(&stat) {
            assert!(std::time::Instant::now() < end, "not reaped: {text}");
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
    }

    #[test]
    fn home_is_expanded_only_at_the_start() {
        let home = Path::new("/home/lan");
        assert_eq!(
            expand_home("~/Downloads/a.md", Some(home)),
            Ok(PathBuf::from("/home/lan/Downloads/a.md"))
        );
        assert_eq!(
            expand_home("/tmp/~/a.md", Some(home)),
            Ok(PathBuf::from("/tmp/~/a.md"))
        );
        assert_eq!(expand_home("a.md", None), Ok(PathBuf::from("a.md")));
        let err = expand_home("~/a.md", None).unwrap_err();
        assert!(err.contains("$HOME is not set"), "{err}");
    }

    #[test]
    fn a_new_file_is_written_with_its_folder_and_an_existing_one_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("tin/2021-03-05-da-nang.md");
        write_new_file(&path, "# Đà Nẵng\n", "w").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "# Đà Nẵng\n");
        let err = write_new_file(&path, "khác", "W").unwrap_err();
        assert!(err.contains("(W again for another name)"), "{err}");
        assert!(err.contains("exists"), "{err}");
        assert!(err.contains("2021-03-05-da-nang.md"), "{err}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "# Đà Nẵng\n");
    }

    #[test]
    fn a_piped_command_gets_the_text_and_its_status_is_said() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out.md");
        let cmd = format!("cat > '{}'", out.display());
        let line = pipe_to(&cmd, "# Tin\n\nĐoạn một.\n");
        assert_eq!(line, Ok(format!("Piped: exit status 0 ({cmd})")));
        assert_eq!(
            std::fs::read_to_string(&out).unwrap(),
            "# Tin\n\nĐoạn một.\n"
        );
        assert_eq!(
            pipe_to("exit 3", "x"),
            Err("Pipe failed: exit status 3 (exit 3)".to_string())
        );
        let killed = pipe_to("kill -9 $$", "x").unwrap_err();
        assert!(killed.contains("signal 9"), "{killed}");
    }
}
