//! SQLite's memory comes from mimalloc and keeps no statistics once a store
//! is opened (src/store/alloc.rs). One test in a process of its own: the
//! settings hold only when the store opens the process's first connection.

use docbao::store::Store;
use rusqlite::ffi;

#[test]
fn the_first_store_opened_gives_sqlite_mimalloc_and_no_statistics() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(&dir.path().join("s.db")).expect("open");
    let everything = docbao::model::ListFilter::default();
    assert_eq!(store.count(&everything).expect("count"), 0);
    // SAFETY: plain calls into SQLite and mimalloc on a block SQLite gave.
    unsafe {
        let p = ffi::sqlite3_malloc(1000);
        assert!(!p.is_null());
        // A block of mimalloc's, sized by it (SQLite's own allocator would
        // have given a glibc block with a header of SQLite's).
        assert!(libmimalloc_sys::mi_is_in_heap_region(p.cast()));
        assert!(ffi::sqlite3_msize(p) >= 1000);
        assert_eq!(
            ffi::sqlite3_msize(p),
            libmimalloc_sys::mi_usable_size(p.cast()) as u64
        );
        ffi::sqlite3_free(p);
        // No statistics kept: nothing counted as in use, with a store open.
        assert_eq!(ffi::sqlite3_memory_used(), 0);
    }
}
