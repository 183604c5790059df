//! The reader's writes to the store (marks, bookmarks, reading places), and
//! those left waiting while another process holds the store's write lock.
//!
//! A write of the reader waits [`WRITE_WAIT`] for the lock, not the store's
//! [`crate::store::BUSY_TIMEOUT`] of a minute: the reader made its writes
//! on the thread that draws and takes keys, and froze (no keys, no redraw)
//! for as long as another process wrote (14 s for a tester, a `doctor` 5 s).
//! A write that finds the lock taken waits here, in order, the screen
//! already showing it; it is tried again each second ([`Runtime::retry_writes`])
//! and, on quitting, waited for ([`Runtime::flush_writes`]).

use std::time::Duration;

use super::{LAST_ARTICLE, Runtime, handle_event};
use crate::tui::config::Config;
use crate::tui::event::{Event, Loaded};
use crate::tui::state::AppState;
use crate::tui::update::Effect;

/// How long a write of the reader waits for another process's write lock.
pub const WRITE_WAIT: Duration = Duration::from_millis(200);

/// Marks on this many articles or more take long enough (a second at
/// 100,000) to be done after the screen shows them ([`after_draw`]).
const SLOW_MARKS: usize = 2_000;

/// Is this a write the screen should show before it is made?
pub(super) fn is_slow(effect: &Effect) -> bool {
    match effect {
        Effect::MarkAllRead(ids) | Effect::SetReadMany(ids, _) => ids.len() >= SLOW_MARKS,
        _ => false,
    }
}

/// The effects held for after the frame just drawn
/// ([`Runtime::defer_slow`]): the question `A` asked gives way to its
/// answer on the screen before the second the marks take (a tester saw
/// the question stay 1.1-1.5 s on 100,000 articles, and pressed `y` again).
pub fn after_draw(rt: &mut Runtime, state: &mut AppState, cfg: &Config) -> bool {
    let mut changed = false;
    for effect in std::mem::take(&mut rt.deferred) {
        if let Some(ev) = rt.perform(state, effect) {
            changed |= handle_event(rt, state, cfg, ev);
        }
    }
    changed
}

/// What a write did: its event, or the lock was taken (the effect back).
enum Written {
    Done(Option<Event>),
    Busy(Effect),
}

impl Runtime {
    /// A write: made now, or left waiting behind the writes waiting already
    /// (a later mark must not be overtaken by an earlier one).
    /// Behind others it only queues: they are tried each second, and each
    /// key would otherwise wait [`WRITE_WAIT`] again.
    pub(super) fn write(&mut self, effect: Effect) -> Option<Event> {
        if !self.waiting.is_empty() {
            self.wait(effect);
            return None;
        }
        match self.write_now(effect) {
            Written::Done(ev) => ev,
            Written::Busy(effect) => {
                self.waiting.push(effect);
                Some(Event::Loaded(Loaded::Note(
                    "Another docbao is writing the store: your change is kept and saved when \
                     it is done"
                        .to_string(),
                )))
            }
        }
    }

    /// Queue a write, in place of a waiting one it makes pointless (an
    /// older reading place of the same article, an older last article).
    fn wait(&mut self, effect: Effect) {
        self.waiting.retain(|w| match (w, &effect) {
            (Effect::SavePosition(a, _), Effect::SavePosition(b, _)) => a != b,
            (Effect::RememberLast(_), Effect::RememberLast(_)) => false,
            _ => true,
        });
        self.waiting.push(effect);
    }

    /// The waiting writes, in order, until one finds the lock still taken:
    /// the events of those made.
    pub fn retry_writes(&mut self) -> Vec<Event> {
        let mut events = Vec::new();
        while !self.waiting.is_empty() {
            let effect = self.waiting.remove(0);
            match self.write_now(effect) {
                Written::Done(ev) => events.extend(ev),
                Written::Busy(effect) => {
                    self.waiting.insert(0, effect);
                    break;
                }
            }
        }
        events
    }

    /// Leaving: the waiting writes are waited for, as long as any write of
    /// the store waits, so that no mark is lost; how many could not be made.
    pub fn flush_writes(&mut self) -> usize {
        if self.waiting.is_empty() {
            return 0;
        }
        let _ = self.store.set_write_wait(crate::store::BUSY_TIMEOUT);
        let _ = self.retry_writes();
        self.waiting.len()
    }

    /// Are writes waiting for another process's lock?
    pub fn writes_waiting(&self) -> bool {
        !self.waiting.is_empty()
    }

    fn write_now(&mut self, effect: Effect) -> Written {
        let result = match &effect {
            Effect::SetReadMany(ids, v) => self.store.set_read_many(ids, *v).map(|_| None),
            Effect::MarkAllRead(ids) => self
                .store
                .mark_unread_ones_read(ids)
                .map(|changed| Some(Loaded::MarkedAllRead(changed))),
            Effect::RememberLast(id) => self
                .store
                .set_state(LAST_ARTICLE, &id.0.to_string())
                .map(|()| None),
            Effect::SavePosition(id, pos) => self.store.set_position(*id, *pos).map(|()| None),
            Effect::SetRead(id, v) => self.store.set_read(*id, *v).map(|()| None),
            Effect::SetBookmarked(id, v) => {
                self.store.set_bookmarked(*id, *v).and_then(|()| match v {
                    false => Ok(None),
                    true => self
                        .store
                        .article(*id)
                        .map(|a| Some(Loaded::Bookmarked(Box::new(a)))),
                })
            }
            _ => return Written::Done(None),
        };
        let loaded = match result {
            Ok(loaded) => loaded,
            Err(e) if e.is_busy() => return Written::Busy(effect),
            Err(e) => Some(failed(&effect, e.to_string())),
        };
        Written::Done(loaded.map(Event::Loaded))
    }
}

/// A write that failed, as the screen takes it back or says it.
fn failed(effect: &Effect, error: String) -> Loaded {
    match *effect {
        Effect::SetRead(id, v) => Loaded::FlagFailed {
            id,
            read: Some(!v),
            bookmarked: None,
            error,
        },
        Effect::SetBookmarked(id, v) => Loaded::FlagFailed {
            id,
            read: None,
            bookmarked: Some(!v),
            error,
        },
        Effect::SavePosition(..) => {
            Loaded::Failed(format!("Cannot save the reading position: {error}"))
        }
        Effect::SetReadMany(..) | Effect::MarkAllRead(_) => {
            Loaded::Failed(format!("Marks not saved: {error}"))
        }
        _ => Loaded::Failed(error),
    }
}

/// The run loop's timer: the writes left waiting are tried again; if
/// another connection has committed to the store, what the screen shows is
/// read again; a read-only store that can be written now is said to be.
/// Whether that changed the screen.
pub fn follow_store(rt: &mut Runtime, state: &mut AppState, cfg: &Config) -> bool {
    let mut changed = false;
    let mut saved = false;
    if rt.writes_waiting() {
        for ev in rt.retry_writes() {
            changed |= handle_event(rt, state, cfg, ev);
        }
        if !rt.writes_waiting() {
            let note = "Saved: the other docbao is done writing".to_string();
            changed |= handle_event(rt, state, cfg, Event::Loaded(Loaded::Note(note)));
            // Read again: what was read while they waited showed the
            // store without them (a tester's list of unread after "Saved").
            saved = true;
        }
    }
    let reread = rt.store_changed() || saved;
    // Opened again read-write (`Store::poll_version`): the space freed on
    // its disk, or its file made writable.
    if state.read_only && !rt.store.is_read_only() {
        state.read_only = false;
        state.read_only_why = None;
        state.info("The store can be written again: marks and reading positions are saved");
        changed = true;
    }
    (reread && handle_event(rt, state, cfg, Event::StoreChanged)) || changed
}
