//! Handing an article to the world outside the reader: the clipboard (OSC
//! 52), a browser, a shell command (`|`) and a file (`w`). What to do is
//! decided here by pure functions (tested); the runtime only runs it.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

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
    /// Run this program with these arguments, then the URL.
    Run {
        program: String,
        args: Vec<String>,
        /// The platform's opener (`xdg-open`, `open`) rather than `$BROWSER`:
        /// when it is not installed, the link is copied instead.
        fallback: bool,
    },
    /// Copy the link (OSC 52), for this reason.
    Copy(&'static str),
}

/// How to open a link: `$BROWSER` (a program and its arguments) on a local
/// terminal; else the platform's opener, `open` on macOS and `xdg-open` on
/// Linux and the BSDs; over SSH (or elsewhere) the link is copied, as a
/// browser would open on the far machine.
pub fn choose_opener(browser: Option<&str>, over_ssh: bool, os: &str) -> Opener {
    if over_ssh {
        return Opener::Copy("over SSH");
    }
    let mut words = browser.unwrap_or_default().split_whitespace();
    if let Some(program) = words.next() {
        return Opener::Run {
            program: program.to_string(),
            args: words.map(str::to_string).collect(),
            fallback: false,
        };
    }
    let program = match os {
        "macos" => "open",
        "linux" | "freebsd" | "openbsd" | "netbsd" | "dragonfly" | "illumos" | "solaris" => {
            "xdg-open"
        }
        _ => return Opener::Copy("no $BROWSER"),
    };
    Opener::Run {
        program: program.to_string(),
        args: Vec::new(),
        fallback: true,
    }
}

/// Start a program on a URL, detached: no stdin, and nothing it prints
/// reaches the screen the reader draws on.
pub fn spawn_detached(program: &str, args: &[String], url: &str) -> std::io::Result<()> {
    Command::new(program)
        .args(args)
        .arg(url)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map(|_| ())
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
    match status.code() {
        Some(0) => Ok(format!("Piped: exit status 0 ({command})")),
        Some(code) => Err(format!("Pipe failed: exit status {code} ({command})")),
        None => {
            use std::os::unix::process::ExitStatusExt;
            match status.signal() {
                Some(sig) => Err(format!("Pipe failed: killed by signal {sig} ({command})")),
                None => Err(format!("Pipe failed: {status} ({command})")),
            }
        }
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
pub fn write_new_file(path: &Path, text: &str) -> Result<String, String> {
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
                "Not written: the file exists (w again for another name): {}",
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
        let run = |p: &str, args: &[&str], fallback| Opener::Run {
            program: p.into(),
            args: args.iter().map(|s| s.to_string()).collect(),
            fallback,
        };
        assert_eq!(
            choose_opener(Some("firefox --new-tab"), false, "linux"),
            run("firefox", &["--new-tab"], false)
        );
        assert_eq!(
            choose_opener(None, false, "linux"),
            run("xdg-open", &[], true)
        );
        assert_eq!(
            choose_opener(Some("  "), false, "freebsd"),
            run("xdg-open", &[], true)
        );
        assert_eq!(choose_opener(None, false, "macos"), run("open", &[], true));
        assert_eq!(
            choose_opener(None, false, "windows"),
            Opener::Copy("no $BROWSER")
        );
        assert_eq!(
            choose_opener(Some("firefox"), true, "linux"),
            Opener::Copy("over SSH")
        );
        assert_eq!(choose_opener(None, true, "macos"), Opener::Copy("over SSH"));
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
        write_new_file(&path, "# Đà Nẵng\n").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "# Đà Nẵng\n");
        let err = write_new_file(&path, "khác").unwrap_err();
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
