//! Ctrl-C (SIGINT), SIGTERM and SIGHUP during a long command (`import`,
//! `export`): the first one is caught and only noted ([`Interrupt`]); the
//! command's loop sees it between two pieces of work, stops there and
//! cleans up (an export's temporary file removed, an import's batch in
//! flight stored whole), and ends with [`Interrupted`]: `main` prints its
//! one line and the process then ends by the signal itself, as if it had
//! not been caught (exit status 130 for Ctrl-C in a shell, and a shell
//! script running docbao in a loop stops too). A second signal ends the
//! process at once, should the cleaning up get stuck (a pipe nobody writes
//! to).

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::flag;

/// The signals a long command stops cleanly on.
const SIGNALS: [i32; 3] = [SIGINT, SIGTERM, SIGHUP];

/// Which stopping signal has come, if one has.
#[derive(Debug, Clone)]
pub struct Interrupt {
    signal: Arc<AtomicUsize>,
}

impl Interrupt {
    /// Catch the stopping signals from now on. If they cannot be caught,
    /// they keep their default action (the process ends at once), as
    /// before.
    pub fn catch() -> Interrupt {
        let signal = Arc::new(AtomicUsize::new(0));
        let armed = Arc::new(AtomicBool::new(false));
        for sig in SIGNALS {
            // The order matters: the second signal finds `armed` set by
            // the first and ends the process.
            let _ = flag::register_conditional_default(sig, Arc::clone(&armed))
                .and_then(|_| flag::register(sig, Arc::clone(&armed)))
                .and_then(|_| flag::register_usize(sig, Arc::clone(&signal), sig as usize));
        }
        Interrupt { signal }
    }

    /// The signal that came, if one did.
    pub fn signal(&self) -> Option<i32> {
        match self.signal.load(Ordering::SeqCst) {
            0 => None,
            s => Some(s as i32),
        }
    }

    /// Whether a stopping signal has come.
    pub fn stopped(&self) -> bool {
        self.signal().is_some()
    }

    /// Run `work` while a thread looks every `every` whether a stopping
    /// signal has come: once one has, it calls `on_stop` each time, for as
    /// long as that says to go on (`true`). For what must happen while
    /// `work` waits (a request, a statement): saying so, interrupting it.
    pub fn watching<T>(
        &self,
        every: std::time::Duration,
        mut on_stop: impl FnMut() -> bool + Send,
        work: impl FnOnce() -> T,
    ) -> T {
        let done = AtomicBool::new(false);
        std::thread::scope(|scope| {
            scope.spawn(|| {
                while !done.load(Ordering::SeqCst) {
                    if self.stopped() && !on_stop() {
                        return;
                    }
                    std::thread::sleep(every);
                }
            });
            let out = work();
            done.store(true, Ordering::SeqCst);
            out
        })
    }
}

/// A command stopped by a signal, cleanly: `message` says what was done
/// and what was not.
#[derive(Debug)]
pub struct Interrupted {
    pub signal: i32,
    pub message: String,
}

impl std::fmt::Display for Interrupted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "interrupted: {}", self.message)
    }
}

impl std::error::Error for Interrupted {}

/// End the process by `signal`'s default action (what it would have done
/// had it not been caught); if that does not end it, exit with the status a
/// shell gives a process a signal ended (128 + the signal's number).
pub fn die_by(signal: i32) -> std::process::ExitCode {
    let _ = signal_hook::low_level::emulate_default_handler(signal);
    std::process::ExitCode::from((128 + signal).clamp(0, 255) as u8)
}
