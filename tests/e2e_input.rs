//! The input thread (`docbao::tui::terminal::spawn_input`) on a real
//! terminal: a key and a resize that are both waiting when it next reads
//! both reach the run loop, whichever came first.
//!
//! A terminal may resize while a key is on its way (a tmux pane changed, a
//! window dragged, or a loaded machine: the resize signal can overtake a
//! key typed before it). With crossterm's default reader, a key and a
//! resize waiting together gave one of them and lost the other until more
//! input or another resize came: its edge-triggered poll hands back both
//! readinesses, it returns after the first event, and the other readiness
//! is not reported again. `e2e_pty`'s resize test saw this as a `G` that
//! never moved the reader.
//!
//! Each test runs itself again in a pseudo-terminal (the child side, chosen
//! by `DOCBAO_INPUT_CHILD`): the child starts the input thread, holds it
//! (`InputGate::hold`, as a piped command does) while the parent types `G`
//! and resizes the terminal in the test's order, checks both are waiting,
//! lets the thread read, and waits for both events with a deadline.

use std::io::{Read, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use docbao::tui::event::Event;
use docbao::tui::terminal::{InputGate, spawn_input};
use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use ratatui::crossterm::event::KeyCode;

const CHILD: &str = "DOCBAO_INPUT_CHILD";
const DEADLINE: Duration = Duration::from_secs(10);
const POLL: Duration = Duration::from_millis(5);

#[derive(Clone, Copy, Debug, PartialEq)]
enum Order {
    KeyFirst,
    ResizeFirst,
}

#[test]
fn a_key_then_a_resize_waiting_together_both_arrive() {
    run(
        "a_key_then_a_resize_waiting_together_both_arrive",
        Order::KeyFirst,
    );
}

#[test]
fn a_resize_then_a_key_waiting_together_both_arrive() {
    run(
        "a_resize_then_a_key_waiting_together_both_arrive",
        Order::ResizeFirst,
    );
}

fn run(name: &str, order: Order) {
    if std::env::var_os(CHILD).is_some() {
        child(order);
    } else {
        parent(name, order);
    }
}

/// Poll `cond` until it holds; panic with `what` after the deadline.
fn wait(what: &str, cond: impl Fn() -> bool) {
    let end = Instant::now() + DEADLINE;
    while !cond() {
        assert!(Instant::now() < end, "timed out waiting for {what}");
        std::thread::sleep(POLL);
    }
}

fn size(cols: u16, rows: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

/// Run this test again as the child in an 80×24 pseudo-terminal; type and
/// resize when it says it is ready for each.
fn parent(name: &str, order: Order) {
    let pair = native_pty_system()
        .openpty(size(80, 24))
        .expect("open a pty");
    let exe = std::env::current_exe().expect("the test binary");
    let mut cmd = CommandBuilder::new(exe);
    cmd.args([name, "--exact", "--nocapture", "--test-threads=1"]);
    cmd.env(CHILD, "1");
    let mut child = pair.slave.spawn_command(cmd).expect("spawn the child");
    drop(pair.slave);

    let out = Arc::new(Mutex::new(Vec::new()));
    let mut input = pair.master.try_clone_reader().expect("pty reader");
    {
        let out = Arc::clone(&out);
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n @ 1..) = input.read(&mut buf) {
                out.lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .extend_from_slice(&buf[..n]);
            }
        });
    }
    let said = |marker: &str| {
        let out = out.lock().unwrap_or_else(|e| e.into_inner());
        String::from_utf8_lossy(&out).contains(marker)
    };
    let shown =
        || String::from_utf8_lossy(&out.lock().unwrap_or_else(|e| e.into_inner())).into_owned();
    // Wait for the child to say `marker`; after the deadline, show what it said.
    let hear = |marker: &str| {
        let end = Instant::now() + DEADLINE;
        while !said(marker) {
            assert!(
                Instant::now() < end,
                "timed out waiting for the child to say {marker}; it wrote:\n{}",
                shown()
            );
            std::thread::sleep(POLL);
        }
    };
    let mut writer = pair.master.take_writer().expect("pty writer");
    let mut type_key = |k: &str| {
        writer.write_all(k.as_bytes()).expect("write to pty");
        writer.flush().expect("flush pty");
    };

    hear("[reading]");
    type_key("a");
    hear("[held]");
    match order {
        Order::KeyFirst => {
            type_key("G");
            hear("[key waiting]");
            pair.master.resize(size(120, 40)).expect("resize pty");
        }
        Order::ResizeFirst => {
            pair.master.resize(size(120, 40)).expect("resize pty");
            hear("[resized]");
            type_key("G");
        }
    }
    // The child's own deadline ends it if an event never comes.
    let end = Instant::now() + DEADLINE + DEADLINE;
    let status = loop {
        if let Some(st) = child.try_wait().expect("try_wait") {
            break st;
        }
        if Instant::now() > end {
            let _ = child.kill();
            panic!("the child did not end; it wrote:\n{}", shown());
        }
        std::thread::sleep(POLL);
    };
    // The reader thread may not have everything yet.
    wait("the child's last word", || {
        said("[both arrived]") || said("panicked")
    });
    assert!(
        status.success() && said("[both arrived]"),
        "{order:?}: {status:?}; the child wrote:\n{}",
        shown()
    );
}

fn say(marker: &str) {
    print!("{marker}\r\n");
    let _ = std::io::stdout().flush();
}

/// Bytes typed and not yet read from the terminal (standard input).
fn typed() -> u64 {
    rustix::io::ioctl_fionread(rustix::stdio::stdin()).unwrap_or(0)
}

/// In the pseudo-terminal: the input thread as the reader runs it.
fn child(order: Order) {
    ratatui::crossterm::terminal::enable_raw_mode().expect("raw mode");
    let (tx, rx) = mpsc::channel();
    let gate = Arc::new(InputGate::default());
    spawn_input(tx, Arc::clone(&gate));
    // A first key read makes sure the thread's reader (and its resize
    // signal handler) is set up before the signal comes.
    say("[reading]");
    match rx.recv_timeout(DEADLINE) {
        Ok(Event::Key(k)) if k.code == KeyCode::Char('a') => {}
        other => panic!("expected the key a, got {other:?}"),
    }
    // Registered after the reader's handler, so run after it: once this
    // is set, the reader's handler has run too.
    let resized = Arc::new(AtomicBool::new(false));
    signal_hook::flag::register(signal_hook::consts::SIGWINCH, Arc::clone(&resized))
        .expect("a SIGWINCH flag");
    let held = gate.hold();
    say("[held]");
    match order {
        Order::KeyFirst => {
            wait("the key to be typed", || typed() > 0);
            say("[key waiting]");
            wait("the resize signal", || resized.load(Ordering::SeqCst));
        }
        Order::ResizeFirst => {
            wait("the resize signal", || resized.load(Ordering::SeqCst));
            say("[resized]");
            wait("the key to be typed", || typed() > 0);
        }
    }
    // Both are waiting: let the thread read.
    drop(held);
    let (mut key, mut resize) = (false, false);
    let mut seen = Vec::new();
    while !(key && resize) {
        match rx.recv_timeout(DEADLINE) {
            Ok(Event::Key(k)) if k.code == KeyCode::Char('G') => key = true,
            Ok(Event::Resize(120, 40)) => resize = true,
            Ok(ev) => seen.push(format!("{ev:?}")),
            Err(e) => {
                let _ = ratatui::crossterm::terminal::disable_raw_mode();
                panic!(
                    "{order:?}: the key G came: {key}, the resize to 120x40 came: {resize} \
                     ({e}; other events: {seen:?})"
                );
            }
        }
    }
    let _ = ratatui::crossterm::terminal::disable_raw_mode();
    say("[both arrived]");
}
