//! `docbao import -` with the terminal as its standard input: it says what
//! it waits for (it sat silent, which looks like a hang), and a line typed
//! then Ctrl-D is imported. Piped, it says nothing of the kind.

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const DEADLINE: Duration = Duration::from_secs(20);
const HINT: &str = "Ctrl-D ends them";

fn wait_for(screen: &Mutex<String>, what: &str) {
    let end = Instant::now() + DEADLINE;
    while !screen.lock().expect("the screen").contains(what) {
        assert!(
            Instant::now() < end,
            "timed out waiting for {what:?}; the terminal shows:\n{}",
            screen.lock().expect("the screen")
        );
        std::thread::sleep(Duration::from_millis(10));
    }
}

#[test]
fn reading_from_the_terminal_says_so_and_ctrl_d_ends_it() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let db = dir.path().join("t.db");
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 200,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("a pty");
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_docbao"));
    cmd.args(["--db", db.to_str().expect("utf-8 path"), "import", "-"]);
    let mut child = pty.slave.spawn_command(cmd).expect("docbao started");
    drop(pty.slave);
    let screen = Arc::new(Mutex::new(String::new()));
    let mut reader = pty.master.try_clone_reader().expect("a reader");
    let seen = screen.clone();
    std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            seen.lock()
                .expect("the screen")
                .push_str(&String::from_utf8_lossy(&buf[..n]));
        }
    });
    wait_for(&screen, HINT);
    let mut writer = pty.master.take_writer().expect("a writer");
    writer
        .write_all(
            "{\"title\":\"Tin gõ tay\",\"url\":\"https://x.vn/1\",\"body\":[\"Một đoạn.\"]}\n\x04"
                .as_bytes(),
        )
        .expect("typed");
    wait_for(&screen, "1 added");
    assert!(child.wait().expect("docbao ended").success());

    // Piped: no word about the terminal.
    let mut piped = std::process::Command::new(env!("CARGO_BIN_EXE_docbao"))
        .args(["--db", db.to_str().expect("utf-8 path"), "import", "-"])
        .stdin(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("docbao started");
    drop(piped.stdin.take());
    let out = piped.wait_with_output().expect("docbao ended");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains(HINT), "{err}");
}
