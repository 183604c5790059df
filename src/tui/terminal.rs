//! The terminal: set up, restored on every way out (quit, error, panic,
//! SIGTERM, SIGHUP, SIGINT, SIGQUIT), given back on a suspension (ctrl-z,
//! SIGTSTP) and taken again on SIGCONT, and the input and signal threads
//! feeding the event channel.

use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

/// The reader's terminal: stdout through [`Wire`](crate::tui::wire::Wire).
pub type Tui = ratatui::Terminal<ratatui::backend::CrosstermBackend<crate::tui::wire::Wire>>;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, EnableBracketedPaste, Event as CtEvent, KeyEventKind,
};
use ratatui::crossterm::{cursor, execute};

use crate::tui::event::Event;

/// Enter raw mode and the alternate screen, with a panic hook that restores
/// the terminal before the panic message is printed. (Not `ratatui::init`:
/// its restoring prints a failure with `eprintln!`, which panics when the
/// terminal has gone away, as after a dropped SSH session; in the panic
/// hook that second panic aborted the process.) A panic that is caught
/// ([`crate::text::guard`]: a keyword rule's bug in a feed update) leaves
/// the terminal as it is: the reader goes on.
pub fn init() -> std::io::Result<Tui> {
    use ratatui::crossterm::terminal::{EnterAlternateScreen, enable_raw_mode};
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !crate::text::guard::inside() {
            restore();
        }
        hook(info);
    }));
    enable_raw_mode()?;
    // Bracketed paste: pasted text comes as one event, never as keys.
    execute!(
        std::io::stdout(),
        EnterAlternateScreen,
        EnableBracketedPaste
    )?;
    ratatui::Terminal::new(ratatui::backend::CrosstermBackend::new(
        crate::tui::wire::Wire::stdout(),
    ))
}

/// Leave raw mode and the alternate screen, show the cursor. Each step is
/// tried whatever the one before did, and errors are ignored: after a
/// hang-up there is no terminal left to restore, or to tell.
pub fn restore() {
    use ratatui::crossterm::terminal::{LeaveAlternateScreen, disable_raw_mode};
    let _ = disable_raw_mode();
    let mut out = std::io::stdout();
    let _ = execute!(
        out,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        cursor::Show
    );
    let _ = out.flush();
}

/// Who reads the terminal's input: the input thread, except while a piped
/// command has the terminal (then every key is the command's).
#[derive(Default)]
pub struct InputGate {
    paused: AtomicBool,
    /// Held by the input thread while it polls and reads, and by the run
    /// loop for as long as a command runs.
    reading: Mutex<()>,
}

impl InputGate {
    /// Stop the input thread reading: returns once it is not (at most one
    /// short poll later); it reads again when the guard is dropped.
    pub fn hold(&self) -> InputHeld<'_> {
        self.paused.store(true, Ordering::SeqCst);
        let guard = self.reading.lock().unwrap_or_else(|e| e.into_inner());
        InputHeld {
            gate: self,
            _guard: guard,
        }
    }
}

/// The input thread is not reading while this lives.
pub struct InputHeld<'a> {
    gate: &'a InputGate,
    _guard: MutexGuard<'a, ()>,
}

impl Drop for InputHeld<'_> {
    fn drop(&mut self) {
        self.gate.paused.store(false, Ordering::SeqCst);
    }
}

/// The terminal lent to a program the reader runs (a piped command, a
/// terminal browser): given when [`Lent::give`] is called, the input thread
/// not reading until this is dropped. The caller takes the screen back
/// ([`resume`]) after.
pub struct Lent<'a> {
    gate: &'a InputGate,
    held: Option<InputHeld<'a>>,
}

impl<'a> Lent<'a> {
    pub fn new(gate: &'a InputGate) -> Lent<'a> {
        Lent { gate, held: None }
    }

    /// Give the terminal away (once): the input thread stopped, raw mode
    /// off, the main screen, the cursor shown.
    pub fn give(&mut self) {
        if self.held.is_none() {
            self.held = Some(self.gate.hold());
            restore();
        }
    }

    pub fn given(&self) -> bool {
        self.held.is_some()
    }

    /// As mutt's `wait_key`: say "Press any key to return to docbao" under
    /// what the program printed, and wait for one key press in raw mode.
    /// That key is read here, not by the input thread: it does nothing
    /// else. Returns at once if the terminal was not given, or is gone.
    pub fn wait_key(&self) {
        use ratatui::crossterm::terminal::enable_raw_mode;
        if self.held.is_none() || enable_raw_mode().is_err() {
            return;
        }
        let mut out = std::io::stdout();
        if write!(out, "\r\nPress any key to return to docbao")
            .and_then(|()| out.flush())
            .is_err()
        {
            return;
        }
        loop {
            match event::read() {
                Ok(CtEvent::Key(k)) if k.kind == KeyEventKind::Press => {
                    // The main screen left tidy for whatever prints next.
                    let _ = write!(out, "\r\n").and_then(|()| out.flush());
                    return;
                }
                Ok(_) => {}
                Err(_) => return,
            }
        }
    }
}

/// An error of the terminal itself going away: EIO (the other end of a
/// pseudo-terminal closed) or ENXIO (the device gone).
pub fn hung_up(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .and_then(std::io::Error::raw_os_error)
            .is_some_and(|n| n == 5 || n == 6)
    })
}

/// Read key presses and resizes on a thread of their own, except while the
/// gate is held (see [`InputGate::hold`]). crossterm reads with poll(2)
/// here (its `use-dev-tty` feature, set in Cargo.toml): its default mio
/// reader lost a key or a resize that was waiting together with the other
/// (`tests/e2e_input.rs`).
///
/// Idle, the thread sleeps in poll(2) itself ([`InputWait`]); crossterm's
/// own timed poll spun for the last millisecond of each wait. After an
/// event crossterm may hold more, parsed from the same read (keys typed
/// ahead): it is asked again, until it has nothing for 50 ms.
pub fn spawn_input(tx: Sender<Event>, gate: Arc<InputGate>) {
    std::thread::spawn(move || {
        let mut waiter = super::input_wait::InputWait::new();
        // crossterm makes its reader, and the pipe its SIGWINCH handler
        // writes to, on its first poll: now, or a resize before the first
        // key would be lost (it reads the resize from that pipe).
        let _ = event::poll(Duration::ZERO);
        let mut more = false;
        loop {
            if gate.paused.load(Ordering::SeqCst) {
                // The terminal lent (a piped command, a browser): keys typed
                // meanwhile may wait in crossterm's queue, read by the "press
                // a key" there, with nothing left on the terminal to wake the
                // wait below. crossterm is asked first when it comes back.
                more = true;
                std::thread::sleep(Duration::from_millis(10));
                continue;
            }
            let guard = gate.reading.lock().unwrap_or_else(|e| e.into_inner());
            if gate.paused.load(Ordering::SeqCst) {
                more = true;
                continue;
            }
            // A little at a time, to let a command have the terminal soon.
            // crossterm is asked with time to spare: it reads nothing once
            // its time is up, and a resize its pipe holds or an event it
            // parsed ahead would wait for the next key.
            let ask = Duration::from_millis(50);
            let ready = match &mut waiter {
                Some(w) if !more => match w.wait(ask) {
                    true => event::poll(ask),
                    false => Ok(false),
                },
                _ => event::poll(ask),
            };
            more = matches!(ready, Ok(true));
            let ev = match ready {
                Ok(false) => continue,
                Ok(true) => event::read(),
                Err(e) => Err(e),
            };
            drop(guard);
            let ev = match ev {
                Ok(CtEvent::Key(k)) if k.kind == KeyEventKind::Press => Event::Key(k),
                Ok(CtEvent::Resize(w, h)) => Event::Resize(w, h),
                Ok(CtEvent::Paste(text)) => Event::Paste(text),
                Ok(_) => continue,
                Err(_) => Event::Terminate,
            };
            let stop = matches!(ev, Event::Terminate);
            if tx.send(ev).is_err() || stop {
                break;
            }
        }
    });
}

/// Signals become events for the run loop. SIGTERM, SIGHUP (a dropped SSH
/// session), SIGINT and SIGQUIT end the app cleanly: the run loop saves the
/// state, restores the terminal and exits with 128 + the signal's number.
/// SIGTSTP suspends (see [`suspend`]); SIGCONT, running again after any
/// stop, takes the terminal back (see [`resume`]).
pub fn spawn_signals(tx: Sender<Event>) -> std::io::Result<()> {
    use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};
    let mut signals =
        signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGTSTP, SIGCONT])?;
    std::thread::spawn(move || {
        for sig in signals.forever() {
            let ev = match sig {
                SIGTSTP => Event::Suspend,
                SIGCONT => Event::Resume,
                n => Event::Signal(n),
            };
            if tx.send(ev).is_err() {
                break;
            }
        }
    });
    Ok(())
}

/// Give the terminal back (raw mode off, the main screen, the cursor shown)
/// and stop, as a shell job does on ctrl-z. SIGTSTP is caught (to restore
/// the terminal first), so the stop is SIGSTOP; this returns once the
/// process is continued (`fg`, SIGCONT).
pub fn suspend() {
    restore();
    let _ = signal_hook::low_level::raise(signal_hook::consts::SIGSTOP);
}

/// Take the terminal again after a stop: raw mode, the alternate screen, the
/// cursor hidden. The caller clears the screen and redraws everything.
pub fn resume() -> std::io::Result<()> {
    use ratatui::crossterm::terminal::{EnterAlternateScreen, disable_raw_mode, enable_raw_mode};
    // crossterm skips enabling raw mode when it thinks it is on; after a stop
    // it may not be (the shell sets its own modes): off first, then on.
    let _ = disable_raw_mode();
    enable_raw_mode()?;
    let mut out = std::io::stdout();
    execute!(
        out,
        EnterAlternateScreen,
        EnableBracketedPaste,
        cursor::Hide
    )?;
    out.flush()
}
