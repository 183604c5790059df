//! SQLite's memory: taken from mimalloc, with no statistics kept.
//!
//! Left to itself the bundled SQLite allocates through glibc's `malloc`
//! (with a size header of its own) and, since its memory statistics are on
//! by default, takes a process-wide mutex around every allocation and free
//! to count them. docbao reads no SQLite memory statistic and sets no heap
//! limit. During an import the store's thread allocates for every FTS5
//! token, record and page: glibc's allocator and the two locks were about
//! 2.7% of the import's CPU (`perf`, baomoi-35k; BENCHMARKS.md, "Issue 14,
//! fourteenth part").
//!
//! [`configure`] must run before SQLite is initialised, that is before the
//! process opens its first connection: [`super::Store`]'s constructors call
//! it first. Called later (a test that opened a bare connection first), it
//! changes nothing and SQLite keeps its own allocator: both are correct.
//! Tested in `tests/store_alloc.rs`, a process of its own, so that no
//! connection is opened before the store's.

use std::ffi::{c_int, c_void};
use std::sync::OnceLock;

use rusqlite::ffi;

unsafe extern "C" fn malloc(n: c_int) -> *mut c_void {
    // SQLite never asks for a negative or zero size; treat one as a failure.
    match usize::try_from(n) {
        // SAFETY: mi_malloc may be called with any size.
        Ok(n) if n > 0 => unsafe { libmimalloc_sys::mi_malloc(n) },
        _ => std::ptr::null_mut(),
    }
}

unsafe extern "C" fn free(p: *mut c_void) {
    // SAFETY: SQLite frees only what `malloc`/`realloc` above gave it (or
    // null, which mi_free accepts).
    unsafe { libmimalloc_sys::mi_free(p) }
}

unsafe extern "C" fn realloc(p: *mut c_void, n: c_int) -> *mut c_void {
    match usize::try_from(n) {
        // SAFETY: `p` came from `malloc`/`realloc` above (or is null).
        Ok(n) if n > 0 => unsafe { libmimalloc_sys::mi_realloc(p, n) },
        _ => std::ptr::null_mut(),
    }
}

unsafe extern "C" fn size(p: *mut c_void) -> c_int {
    // SAFETY: `p` came from `malloc`/`realloc` above (or is null: 0).
    let n = unsafe { libmimalloc_sys::mi_usable_size(p) };
    c_int::try_from(n).unwrap_or(c_int::MAX)
}

unsafe extern "C" fn roundup(n: c_int) -> c_int {
    // The size `malloc` would really give: SQLite uses the slack (its
    // page cache and lookaside do).
    match usize::try_from(n) {
        // SAFETY: a pure function of its argument.
        Ok(u) => c_int::try_from(unsafe { libmimalloc_sys::mi_good_size(u) }).unwrap_or(n),
        Err(_) => n,
    }
}

unsafe extern "C" fn init(_: *mut c_void) -> c_int {
    ffi::SQLITE_OK
}

unsafe extern "C" fn shutdown(_: *mut c_void) {}

/// Whether SQLite took the settings: false when it was initialised before
/// the first call (see the module's note).
pub(super) fn configure() -> bool {
    static TAKEN: OnceLock<bool> = OnceLock::new();
    *TAKEN.get_or_init(|| {
        let methods = ffi::sqlite3_mem_methods {
            xMalloc: Some(malloc),
            xFree: Some(free),
            xRealloc: Some(realloc),
            xSize: Some(size),
            xRoundup: Some(roundup),
            xInit: Some(init),
            xShutdown: Some(shutdown),
            pAppData: std::ptr::null_mut(),
        };
        // SAFETY: both calls are made before SQLite is initialised or
        // return SQLITE_MISUSE and change nothing; SQLite copies the
        // methods; the `OnceLock` keeps two threads from configuring at once.
        unsafe {
            ffi::sqlite3_config(ffi::SQLITE_CONFIG_MEMSTATUS, 0 as c_int) == ffi::SQLITE_OK
                && ffi::sqlite3_config(
                    ffi::SQLITE_CONFIG_MALLOC,
                    &methods as *const ffi::sqlite3_mem_methods,
                ) == ffi::SQLITE_OK
        }
    })
}
