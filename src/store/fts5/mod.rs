//! What docbao adds to SQLite's FTS5, through its C API: the `docbao`
//! tokenizer ([`tokenizer`], issue 13) and the `docbao_rank()` ranking
//! function ([`rank`], issue 5).
//!
//! rusqlite does not wrap FTS5's extension API: tokenizers and auxiliary
//! functions are C callbacks registered through the `fts5_api` struct,
//! obtained with `SELECT fts5(?1)` and `sqlite3_bind_pointer`. Every
//! `unsafe` block of docbao is in this module and its two children, each
//! with the reason it holds; the callbacks never let a panic cross into C.

use std::ffi::{c_int, c_void};
use std::ptr;

use rusqlite::Connection;
use rusqlite::ffi;

pub(super) mod rank;
pub(super) mod tokenizer;

/// Register the tokenizer and the ranking function on a connection.
pub(super) fn register(conn: &Connection) -> rusqlite::Result<()> {
    tokenizer::register(conn)?;
    rank::register(conn)
}

/// What an `xCreate…` call returned, as a result naming what failed.
fn registered(rc: c_int, what: &str) -> rusqlite::Result<()> {
    if rc == ffi::SQLITE_OK {
        Ok(())
    } else {
        Err(rusqlite::Error::SqliteFailure(
            ffi::Error::new(rc),
            Some(format!("cannot register {what} with FTS5")),
        ))
    }
}

/// The connection's `fts5_api`, as the FTS5 documentation says to get it.
unsafe fn fts5_api(db: *mut ffi::sqlite3) -> rusqlite::Result<*mut ffi::fts5_api> {
    let fail = |rc: c_int, msg: &str| {
        rusqlite::Error::SqliteFailure(ffi::Error::new(rc), Some(msg.to_string()))
    };
    let mut stmt: *mut ffi::sqlite3_stmt = ptr::null_mut();
    // SAFETY: `db` is a valid handle (caller); the SQL is a static C string.
    let rc = unsafe {
        ffi::sqlite3_prepare_v2(
            db,
            c"SELECT fts5(?1)".as_ptr(),
            -1,
            &mut stmt,
            ptr::null_mut(),
        )
    };
    if rc != ffi::SQLITE_OK {
        return Err(fail(rc, "this SQLite has no FTS5"));
    }
    let mut api: *mut ffi::fts5_api = ptr::null_mut();
    // SAFETY: `stmt` is prepared; `api` outlives the step that writes to it;
    // the type name is the one FTS5 checks.
    unsafe {
        ffi::sqlite3_bind_pointer(
            stmt,
            1,
            (&mut api as *mut *mut ffi::fts5_api).cast::<c_void>(),
            c"fts5_api_ptr".as_ptr(),
            None,
        );
        ffi::sqlite3_step(stmt);
        ffi::sqlite3_finalize(stmt);
    }
    // SAFETY: non-null means FTS5 wrote a pointer to its API struct.
    if api.is_null() || unsafe { (*api).iVersion } < 2 {
        return Err(fail(
            ffi::SQLITE_ERROR,
            "FTS5 API version 2 or later needed",
        ));
    }
    Ok(api)
}
