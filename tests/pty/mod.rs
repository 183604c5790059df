#![allow(dead_code)]
//! Run the real `docbao` binary in a pseudo-terminal and read its screen.
//!
//! A background thread reads everything the program writes to the pty and
//! feeds it to a `vt100::Parser`; tests poll the parsed screen for a
//! condition with a deadline, never sleep for a fixed time.
//!
//! Below [`Term`], what the tests read off docbao's screen: the status line,
//! the reading percentage, the panes and the reader's rows. [`start`] takes
//! a [`crate::common::Env`]: a test file has `mod common;` beside `mod pty;`.

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};

/// How long to wait for the screen to show something. Generous: CI machines are slow.
pub const DEADLINE: Duration = Duration::from_secs(10);
const POLL: Duration = Duration::from_millis(10);

pub const ENTER: &str = "\r";
pub const ESC: &str = "\x1b";
pub const PAGE_DOWN: &str = "\x1b[6~";

fn nz(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n).expect("non-zero terminal size")
}

fn size(cols: u16, rows: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

/// The parser, even if a failed assertion poisoned its lock: the screen is
/// still worth showing, and the reader thread must keep draining the pty.
fn lock(p: &Mutex<vt100::Parser>) -> std::sync::MutexGuard<'_, vt100::Parser> {
    p.lock().unwrap_or_else(|e| e.into_inner())
}

pub struct Term {
    parser: Arc<Mutex<vt100::Parser>>,
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    /// The reader thread saw end of file (the program and its pty are gone).
    eof: Arc<AtomicBool>,
    /// Bytes the program wrote to the terminal so far.
    written: Arc<AtomicUsize>,
    /// Those bytes themselves, for tests of what the screen cannot show
    /// (hyperlinks).
    raw: Arc<Mutex<Vec<u8>>>,
    reader: Option<JoinHandle<()>>,
    exit: Option<ExitStatus>,
}

impl Term {
    /// Start `docbao --db DB <args>` in a `cols`x`rows` pty. The environment
    /// is the test's, except: TERM=xterm-256color, colours on, no docbao
    /// variables, and HOME and XDG_CONFIG_HOME in `home` so that no user
    /// config is read.
    pub fn spawn(db: &Path, home: &Path, args: &[&str], cols: u16, rows: u16) -> Term {
        Term::spawn_with_term(db, home, args, cols, rows, "xterm-256color")
    }

    /// The same under another `TERM`.
    pub fn spawn_with_term(
        db: &Path,
        home: &Path,
        args: &[&str],
        cols: u16,
        rows: u16,
        term: &str,
    ) -> Term {
        Term::spawn_with_env(db, home, args, cols, rows, &[("TERM", term)])
    }

    /// The same with these environment variables set (after the ones the
    /// tests clear: `BROWSER`, `SSH_CONNECTION`, …).
    pub fn spawn_with_env(
        db: &Path,
        home: &Path,
        args: &[&str],
        cols: u16,
        rows: u16,
        vars: &[(&str, &str)],
    ) -> Term {
        let pair = native_pty_system()
            .openpty(size(cols, rows))
            .expect("open a pty");
        let cmd = command(db, home, args, vars);
        let child = pair.slave.spawn_command(cmd).expect("spawn docbao");
        // Only the child holds the slave side now: reads see EOF when it exits.
        drop(pair.slave);

        let parser = Arc::new(Mutex::new(vt100::Parser::new(nz(rows), nz(cols), 0)));
        let eof = Arc::new(AtomicBool::new(false));
        let written = Arc::new(AtomicUsize::new(0));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let mut input = pair.master.try_clone_reader().expect("pty reader");
        let reader = {
            let parser = Arc::clone(&parser);
            let eof = Arc::clone(&eof);
            let written = Arc::clone(&written);
            let raw = Arc::clone(&raw);
            std::thread::spawn(move || {
                let mut buf = [0u8; 8192];
                loop {
                    match input.read(&mut buf) {
                        Ok(0) | Err(_) => break,
                        Ok(n) => {
                            // Counted under the parser's lock: a test that
                            // sees the screen change sees its bytes counted.
                            let mut p = lock(&parser);
                            written.fetch_add(n, Ordering::SeqCst);
                            raw.lock()
                                .unwrap_or_else(|e| e.into_inner())
                                .extend_from_slice(&buf[..n]);
                            p.process(&buf[..n]);
                        }
                    }
                }
                eof.store(true, Ordering::SeqCst);
            })
        };
        let writer = pair.master.take_writer().expect("pty writer");
        Term {
            parser,
            master: pair.master,
            writer,
            child,
            eof,
            written,
            raw,
            reader: Some(reader),
            exit: None,
        }
    }

    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("child pid")
    }

    /// The program's state letter in `/proc/<pid>/stat` (`R` running, `S`
    /// sleeping, `T` stopped…), or `None` once it is gone.
    pub fn process_state(&self) -> Option<char> {
        let stat = std::fs::read_to_string(format!("/proc/{}/stat", self.pid())).ok()?;
        // "pid (comm) S …": the name may hold spaces and parentheses.
        stat.rsplit_once(')')?.1.trim_start().chars().next()
    }

    /// Wait until the program is stopped (`true`: state `T`) or running
    /// (any other state), see [`Term::process_state`].
    pub fn wait_stopped(&self, what: &str, stopped: bool) {
        let end = Instant::now() + DEADLINE;
        loop {
            let now = self.process_state();
            if now.is_some_and(|c| (c == 'T') == stopped) {
                return;
            }
            if Instant::now() > end {
                panic!(
                    "timed out after {DEADLINE:?} waiting for {what} (state {now:?}); the screen:\n{}",
                    self.dump()
                );
            }
            std::thread::sleep(POLL);
        }
    }

    /// Send the program a signal (`TERM`, `TSTP`, `CONT`…) with kill(1).
    pub fn signal(&self, name: &str) {
        let st = std::process::Command::new("kill")
            .arg(format!("-{name}"))
            .arg(self.pid().to_string())
            .status()
            .expect("run kill");
        assert!(st.success(), "kill -{name} failed: {st:?}");
    }

    /// How many bytes the program has written to the terminal so far.
    pub fn written(&self) -> usize {
        self.written.load(Ordering::SeqCst)
    }

    /// Every byte the program has written to the terminal so far.
    pub fn raw(&self) -> Vec<u8> {
        self.raw.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// Type bytes into the terminal.
    pub fn send(&mut self, keys: &str) {
        self.writer
            .write_all(keys.as_bytes())
            .expect("write to pty");
        self.writer.flush().expect("flush pty");
    }

    /// Resize the terminal: the parser first, so that whatever the program
    /// draws after its SIGWINCH is parsed at the new size.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        lock(&self.parser).set_size(nz(rows), nz(cols));
        self.master.resize(size(cols, rows)).expect("resize pty");
    }

    /// Run `f` on the screen as parsed so far. The parser stays locked while
    /// `f` runs: `f` must not call back into this `Term` (e.g. `dump`).
    pub fn with_screen<T>(&self, f: impl FnOnce(&vt100::Screen) -> T) -> T {
        f(lock(&self.parser).screen())
    }

    pub fn contents(&self) -> String {
        self.with_screen(|s| s.contents())
    }

    /// The text of columns `col..col+width` of every row.
    pub fn columns(&self, col: u16, width: u16) -> Vec<String> {
        self.with_screen(|s| s.rows(col, width).collect())
    }

    /// Poll the screen until `cond` holds; panic with the screen after the deadline.
    pub fn wait_until(&self, what: &str, cond: impl Fn(&vt100::Screen) -> bool) {
        let end = Instant::now() + DEADLINE;
        loop {
            if self.with_screen(&cond) {
                return;
            }
            if Instant::now() > end {
                panic!(
                    "timed out after {DEADLINE:?} waiting for {what}; the screen:\n{}",
                    self.dump()
                );
            }
            std::thread::sleep(POLL);
        }
    }

    /// Wait until the screen contains `text`.
    pub fn wait_for(&self, text: &str) {
        self.wait_until(&format!("{text:?} on screen"), |s| {
            s.contents().contains(text)
        });
    }

    /// The screen, framed, with its size and modes, for failure messages.
    pub fn dump(&self) -> String {
        self.with_screen(|s| {
            let (rows, cols) = s.size();
            let mut out = format!(
                "[{cols}x{rows}, alternate screen: {}, cursor hidden: {}]\n",
                s.alternate_screen(),
                s.hide_cursor()
            );
            for (i, row) in s.rows(0, cols.get()).enumerate() {
                out.push_str(&format!("{i:>3}|{row}\n"));
            }
            out
        })
    }

    /// The exit status, once the program has exited; panics after the deadline.
    pub fn wait_exit(&mut self) -> ExitStatus {
        if let Some(st) = &self.exit {
            return st.clone();
        }
        let end = Instant::now() + DEADLINE;
        loop {
            if let Some(st) = self.child.try_wait().expect("try_wait") {
                self.exit = Some(st.clone());
                return st;
            }
            if Instant::now() > end {
                panic!(
                    "docbao did not exit within {DEADLINE:?}; the screen:\n{}",
                    self.dump()
                );
            }
            std::thread::sleep(POLL);
        }
    }

    /// The exit status if the program has already exited; does not wait.
    pub fn wait_exit_now(&mut self) -> Option<ExitStatus> {
        if self.exit.is_none() {
            self.exit = self.child.try_wait().expect("try_wait");
        }
        self.exit.clone()
    }

    /// Has the reader thread seen the end of the program's output?
    pub fn output_closed(&self) -> bool {
        self.eof.load(Ordering::SeqCst)
    }
}

impl Drop for Term {
    fn drop(&mut self) {
        // A failed test must not leave docbao running.
        if self.exit.is_none() && matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
        // The reader thread ends at EOF, which follows the child's exit; do
        // not hang a test on it if it does not come.
        if let Some(r) = self.reader.take()
            && r.is_finished()
        {
            let _ = r.join();
        }
    }
}

/// `docbao --db DB <args>` as [`Term::spawn_with_env`] runs it.
fn command(db: &Path, home: &Path, args: &[&str], vars: &[(&str, &str)]) -> CommandBuilder {
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_docbao"));
    cmd.arg("--db");
    cmd.arg(db);
    cmd.args(args);
    cmd.cwd(home);
    cmd.env("TERM", "xterm-256color");
    cmd.env("HOME", home);
    cmd.env("XDG_CONFIG_HOME", home);
    for v in [
        "NO_COLOR",
        "DOCBAO_DB",
        "DOCBAO_CONFIG",
        "BROWSER",
        "TMUX",
        "SSH_CONNECTION",
        "SSH_TTY",
        "SSH_CLIENT",
    ] {
        cmd.env_remove(v);
    }
    for (k, v) in vars {
        cmd.env(k, v);
    }
    cmd
}

/// Start docbao in a `cols`x`rows` pty as [`Term::spawn`] does, wait until
/// its screen satisfies `ready`, then close every end of the terminal the
/// test holds: a hang-up, as when an SSH session drops (the kernel sends
/// SIGHUP, and docbao's reads and writes on the terminal fail from then on).
/// Returns how docbao ended.
pub fn hang_up_when(
    db: &Path,
    home: &Path,
    args: &[&str],
    (cols, rows): (u16, u16),
    ready: impl Fn(&vt100::Screen) -> bool + Send + 'static,
) -> ExitStatus {
    let pair = native_pty_system()
        .openpty(size(cols, rows))
        .expect("open a pty");
    let mut child = pair
        .slave
        .spawn_command(command(db, home, args, &[]))
        .expect("spawn docbao");
    drop(pair.slave);
    // Read until the screen is ready; the reader's copy of the terminal
    // closes with the thread, so that the hang-up below is the last close.
    let mut input = pair.master.try_clone_reader().expect("pty reader");
    let reader = std::thread::spawn(move || {
        let mut parser = vt100::Parser::new(nz(rows), nz(cols), 0);
        let mut buf = [0u8; 8192];
        loop {
            match input.read(&mut buf) {
                Ok(0) | Err(_) => return false,
                Ok(n) => parser.process(&buf[..n]),
            }
            if ready(parser.screen()) {
                return true;
            }
        }
    });
    let end = Instant::now() + DEADLINE;
    while !reader.is_finished() && Instant::now() < end {
        std::thread::sleep(POLL);
    }
    if !reader.is_finished() {
        let _ = child.kill();
        panic!("docbao's screen was not ready within {DEADLINE:?}");
    }
    assert!(
        reader.join().unwrap_or(false),
        "docbao ended before its screen was ready"
    );
    drop(pair.master);
    let end = Instant::now() + DEADLINE;
    loop {
        if let Some(st) = child.try_wait().expect("try_wait") {
            return st;
        }
        if Instant::now() > end {
            let _ = child.kill();
            panic!("docbao did not end within {DEADLINE:?} of the hang-up");
        }
        std::thread::sleep(POLL);
    }
}

/// `docbao --no-demo` on `env`'s store, its home in `env`'s dir.
pub fn start(env: &crate::common::Env, cols: u16, rows: u16) -> Term {
    Term::spawn(&env.db(), env.dir.path(), &["--no-demo"], cols, rows)
}

/// The status line (the bottom row).
pub fn status(s: &vt100::Screen) -> String {
    let (rows, cols) = s.size();
    s.rows(0, cols.get())
        .nth(rows.get() as usize - 1)
        .unwrap_or_default()
}

/// The reading percentage in the status line, when the reader has focus.
pub fn percent(s: &vt100::Screen) -> Option<u32> {
    let st = status(s);
    let head = st.split('%').next()?;
    let digits: String = head
        .chars()
        .rev()
        .take_while(char::is_ascii_digit)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    if st.contains('%') && !digits.is_empty() {
        digits.parse().ok()
    } else {
        None
    }
}

/// The cell at `row`, `col` shows one of `any_of`.
pub fn cell_is(s: &vt100::Screen, row: u16, col: u16, any_of: &[&str]) -> bool {
    s.cell(row, col)
        .is_some_and(|c| any_of.contains(&c.contents()))
}

/// Column where each pane's frame starts on the top row (the focused pane's
/// frame is drawn heavy).
pub fn pane_starts(s: &vt100::Screen) -> Vec<u16> {
    let cols = s.size().1.get();
    (0..cols)
        .filter(|&c| cell_is(s, 0, c, &["┌", "┏"]))
        .collect()
}

/// The text rows inside the reader's frame (the rightmost pane), top to
/// bottom, as drawn (not trimmed).
pub fn reader_rows(s: &vt100::Screen) -> Vec<String> {
    let (rows, cols) = s.size();
    let Some(&x) = pane_starts(s).last() else {
        return Vec::new();
    };
    // Inside the frame: below the top border, above the bottom border and the status line.
    let inner = rows.get().saturating_sub(3) as usize;
    s.rows(x + 1, cols.get() - x - 2)
        .skip(1)
        .take(inner)
        .collect()
}
