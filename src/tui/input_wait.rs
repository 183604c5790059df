//! Waiting for input with the process asleep.
//!
//! crossterm's `event::poll(timeout)` waits in poll(2) with the time left
//! rounded down to whole milliseconds (the `filedescriptor` crate's
//! `as_millis`): the last fraction of a millisecond of every wait is spent
//! calling poll(2) with a timeout of 0, over and over. With the reader's
//! 50 ms waits that was ~660 calls a second and 1.4% of a core while idle
//! (measured by a tester with `strace -c`; BENCHMARKS.md). Here the input
//! thread sleeps in poll(2) itself, on the terminal and on a pipe that
//! SIGWINCH writes to, and asks crossterm only when one of them is ready
//! (crossterm's own SIGWINCH pipe then holds the resize it reports).

use std::fs::File;
use std::io::{IsTerminal, Read};
use std::os::fd::{AsFd, BorrowedFd};
use std::os::unix::net::UnixStream;
use std::time::Duration;

use rustix::event::{PollFd, PollFlags, Timespec, poll};

/// The terminal crossterm reads keys from (stdin when it is one, else
/// `/dev/tty`, as its `use-dev-tty` reader chooses) and the SIGWINCH pipe.
pub struct InputWait {
    tty: Tty,
    winch: UnixStream,
    _registered: signal_hook::SigId,
}

enum Tty {
    Stdin(std::io::Stdin),
    Device(File),
}

impl InputWait {
    /// `None` where there is no terminal to wait on or the signal cannot be
    /// watched: the caller then lets crossterm wait.
    pub fn new() -> Option<InputWait> {
        let stdin = std::io::stdin();
        let tty = if stdin.is_terminal() {
            Tty::Stdin(stdin)
        } else {
            Tty::Device(File::open("/dev/tty").ok()?)
        };
        let (winch, notify) = UnixStream::pair().ok()?;
        winch.set_nonblocking(true).ok()?;
        let registered =
            signal_hook::low_level::pipe::register(signal_hook::consts::SIGWINCH, notify).ok()?;
        Some(InputWait {
            tty,
            winch,
            _registered: registered,
        })
    }

    fn tty_fd(&self) -> BorrowedFd<'_> {
        match &self.tty {
            Tty::Stdin(s) => s.as_fd(),
            Tty::Device(f) => f.as_fd(),
        }
    }

    /// Sleep until a key (or any byte) is waiting on the terminal or the
    /// window was resized, or `timeout` passes: `true` when something is
    /// there for crossterm to read. An interrupted wait counts as ready
    /// (crossterm's poll then sorts it out).
    pub fn wait(&mut self, timeout: Duration) -> bool {
        let timeout = Timespec {
            tv_sec: i64::try_from(timeout.as_secs()).unwrap_or(i64::MAX),
            tv_nsec: i64::from(timeout.subsec_nanos()),
        };
        let (tty, winch) = (self.tty_fd(), self.winch.as_fd());
        let mut fds = [
            PollFd::from_borrowed_fd(tty, PollFlags::IN),
            PollFd::from_borrowed_fd(winch, PollFlags::IN),
        ];
        let ready = match poll(&mut fds, Some(&timeout)) {
            Ok(n) => n > 0,
            Err(_) => true,
        };
        let resized = !fds[1].revents().is_empty();
        if resized {
            let mut drain = [0u8; 64];
            while matches!((&self.winch).read(&mut drain), Ok(n) if n > 0) {}
        }
        ready
    }
}
