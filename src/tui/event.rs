//! What arrives on the run loop's one channel.

use ratatui::crossterm::event::KeyEvent;

#[derive(Debug, Clone)]
pub enum Event {
    Key(KeyEvent),
    Resize(u16, u16),
    /// SIGTERM, SIGHUP or a dead input stream: save and leave.
    Terminate,
    /// A background worker's report.
    Worker(crate::tui::worker::WorkerMsg),
}
