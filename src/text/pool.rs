//! A value a thread keeps, handed on to the next thread when it ends: the
//! import prepares each batch on threads started for that batch, and what
//! they worked out (the spellings met: `keywords::tokens::Known`,
//! `syllables::KnownForms`) serves the next.

use std::sync::Mutex;

/// Values whose threads have ended, the last given back first taken.
pub(crate) struct Pool<T> {
    kept: Mutex<Vec<T>>,
    /// How many it keeps at most.
    max: usize,
}

impl<T: Default> Pool<T> {
    pub(crate) const fn new(max: usize) -> Pool<T> {
        Pool {
            kept: Mutex::new(Vec::new()),
            max,
        }
    }

    /// The value given back last, or a new one.
    fn take(&self) -> T {
        self.kept
            .lock()
            .ok()
            .and_then(|mut k| k.pop())
            .unwrap_or_default()
    }

    /// Keep `value` for the next thread, unless `max` are kept already.
    fn give_back(&self, value: T) {
        if let Ok(mut kept) = self.kept.lock()
            && kept.len() < self.max
        {
            kept.push(value);
        }
    }
}

/// A thread's value from a [`Pool`], given back when it is dropped (a
/// `thread_local!` one: when its thread ends).
pub(crate) struct Pooled<T: Default + 'static> {
    value: T,
    pool: &'static Pool<T>,
}

impl<T: Default> Pooled<T> {
    pub(crate) fn take(pool: &'static Pool<T>) -> Pooled<T> {
        Pooled {
            value: pool.take(),
            pool,
        }
    }
}

impl<T: Default> std::ops::Deref for Pooled<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

impl<T: Default> std::ops::DerefMut for Pooled<T> {
    fn deref_mut(&mut self) -> &mut T {
        &mut self.value
    }
}

impl<T: Default> Drop for Pooled<T> {
    fn drop(&mut self) {
        self.pool.give_back(std::mem::take(&mut self.value));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::RefCell;

    /// The last value given back is the first taken; no more than `max`
    /// are kept; an empty pool gives a new value.
    #[test]
    fn the_last_given_back_is_taken_first_and_no_more_than_max_kept() {
        let pool: Pool<Vec<u8>> = Pool::new(3);
        assert!(pool.take().is_empty());
        pool.give_back(vec![1]);
        pool.give_back(vec![2]);
        assert_eq!(pool.take(), [2]);
        assert_eq!(pool.take(), [1]);
        for i in 0..10 {
            pool.give_back(vec![i]);
        }
        assert_eq!(pool.kept.lock().unwrap().len(), 3);
    }

    static WORDS: Pool<Vec<String>> = Pool::new(4);

    thread_local! {
        static MINE: RefCell<Pooled<Vec<String>>> = RefCell::new(Pooled::take(&WORDS));
    }

    /// What a thread put in its value is there for the thread after it.
    #[test]
    fn a_threads_value_serves_the_next_thread() {
        std::thread::spawn(|| MINE.with_borrow_mut(|m| m.push("Đà Nẵng".to_string())))
            .join()
            .unwrap();
        let seen = std::thread::spawn(|| MINE.with_borrow(|m| Vec::clone(m)))
            .join()
            .unwrap();
        assert_eq!(seen, ["Đà Nẵng"]);
    }
}
