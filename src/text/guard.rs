//! A panic in a text rule, caught: one article's bug costs that article the
//! rule's output, never a whole import or the reader's screen.
//!
//! The keyword rules are hundreds of lines of word lists and index
//! arithmetic over text from anywhere. A panic in them (a bug; none is known:
//! session 37 ran the property test of `tests/text_keywords.rs` on 100,000
//! articles, session 38 a test of raw, unnormalised text on 20,000, both
//! clean) used to end an import of 100,000 articles at the first article
//! that met it, and, in the reader, a feed update's panic restored the
//! terminal under the running reader.
//! [`catch`] runs a rule so that its panic is quiet (no message on stderr,
//! which in the reader would be drawn over the screen) and comes back as an
//! error; [`inside`] tells the reader's panic hook that this panic is caught,
//! so that it leaves the terminal as it is. What was caught is kept for the
//! command to report ([`note`], [`take_notes`]).

use std::cell::{Cell, RefCell};
use std::panic::{self, AssertUnwindSafe};
use std::sync::{Mutex, Once};

/// Notes kept at most: the first ones name the bug; past them, one more
/// note only counts.
pub const MAX_NOTES: usize = 20;

thread_local! {
    /// Inside [`catch`] on this thread.
    static INSIDE: Cell<bool> = const { Cell::new(false) };
    /// The message of the panic [`catch`] is catching.
    static MESSAGE: RefCell<Option<String>> = const { RefCell::new(None) };
}

static HOOK: Once = Once::new();

/// The notes of [`note`], and how many were left out past [`MAX_NOTES`].
static NOTES: Mutex<(Vec<String>, usize)> = Mutex::new((Vec::new(), 0));

/// Is this thread inside [`catch`]? A panic hook that would tear something
/// down (the reader's, which restores the terminal) asks this first.
pub fn inside() -> bool {
    INSIDE.with(Cell::get)
}

/// Run `f`; a panic in it is caught and returned as its message with where
/// it happened ("index out of bounds … at src/…:12:5"), and nothing is
/// printed. Panics outside `catch`, on this thread or any other, go to the
/// hook that was there before, as ever.
pub fn catch<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    HOOK.call_once(|| {
        let before = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if inside() {
                let at = info
                    .location()
                    .map(|l| format!(" at {}:{}:{}", l.file(), l.line(), l.column()))
                    .unwrap_or_default();
                let message = info
                    .payload()
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| info.payload().downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "a panic".to_string());
                MESSAGE.with(|m| *m.borrow_mut() = Some(format!("{message}{at}")));
            } else {
                before(info);
            }
        }));
    });
    // No message left from a panic caught elsewhere (`catch_unwind` of
    // another's): the one returned is this call's.
    MESSAGE.with(|m| m.borrow_mut().take());
    let was = INSIDE.with(|i| i.replace(true));
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    INSIDE.with(|i| i.set(was));
    result.map_err(|_| {
        MESSAGE
            .with(|m| m.borrow_mut().take())
            .unwrap_or_else(|| "a panic".to_string())
    })
}

/// Keep a note of a caught panic for the command to report.
pub fn note(line: String) {
    let mut notes = NOTES
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if notes.0.len() < MAX_NOTES {
        notes.0.push(line);
    } else {
        notes.1 += 1;
    }
}

/// The notes kept since the last call, the ones past [`MAX_NOTES`] counted
/// in a last line.
pub fn take_notes() -> Vec<String> {
    let mut notes = NOTES
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    let (mut lines, more) = std::mem::take(&mut *notes);
    if more > 0 {
        lines.push(format!(
            "… and {} like these",
            super::count(more, "more article")
        ));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_inside_comes_back_as_its_message_and_where_it_was() {
        let v: Vec<u32> = Vec::new();
        let index = v.len() + 3;
        let caught = catch(|| v[index]);
        let message = caught.expect_err("an index past the end panics");
        assert!(message.contains("index out of bounds"), "{message}");
        assert!(message.contains("src/text/guard.rs:"), "{message}");
        assert!(!inside(), "the flag is down again after the panic");
        assert_eq!(catch(|| 7), Ok(7));
        // Nested: the inner catch leaves the outer one's flag up.
        let outer = catch(|| {
            let inner: Result<(), String> = catch(|| panic!("inner"));
            (inner, inside())
        });
        let (inner, still_inside) = outer.expect("the outer closure returns");
        let inner = inner.expect_err("the inner closure panics");
        assert!(inner.starts_with("inner at src/text/guard.rs:"), "{inner}");
        assert!(still_inside);
    }

    #[test]
    fn notes_past_the_first_ones_are_counted() {
        for i in 0..MAX_NOTES + 2 {
            note(format!("note {i}"));
        }
        let notes = take_notes();
        assert_eq!(notes.len(), MAX_NOTES + 1);
        assert_eq!(notes[0], "note 0");
        assert_eq!(notes[MAX_NOTES], "… and 2 more articles like these");
        assert!(take_notes().is_empty());
    }
}
