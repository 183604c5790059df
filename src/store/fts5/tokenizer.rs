//! The `docbao` FTS5 tokenizer (issues 13 and 14): each syllable as it is
//! written (lower case, NFC), from [`crate::text::syllables`], the splitting
//! that query parsing and in-text finding use too.
//!
//! The index holds only that exact form. A query syllable typed without
//! marks ("dan") stands for every spelling of it in the store ("dân", "đàn",
//! …), and a prefix for the syllables it starts: the store looks them up in
//! its vocabulary (`search_vocab`) and writes them into the query joined by
//! `|` ("dan|dân|đàn"), which this tokenizer, in query mode, gives FTS5 as
//! one token and its synonyms (`FTS5_TOKEN_COLOCATED`), so that they work in
//! phrases and `NEAR` groups too. Until issue 14 the folded form was indexed
//! as well, at the same position, and two- and three-letter prefixes had
//! indexes of their own: the index was 2.3 times larger for the same
//! results (BENCHMARKS.md, "Store size").
//!
//! The tokenizer has no state and no options: `xCreate` hands out a pointer
//! to a static byte, which `xDelete` leaves alone.

use std::ffi::{c_char, c_int, c_void};
use std::ptr;

use rusqlite::Connection;
use rusqlite::ffi;

use crate::text::syllables::for_each_syllable;

/// The tokenizer's name in `CREATE VIRTUAL TABLE … tokenize = 'docbao'`.
pub const NAME: &std::ffi::CStr = c"docbao";

/// Register the tokenizer on a connection.
pub(in crate::store) fn register(conn: &Connection) -> rusqlite::Result<()> {
    // SAFETY: the handle is valid while `conn` is.
    let api = unsafe { super::fts5_api(conn.handle()) }?;
    let mut methods = ffi::fts5_tokenizer {
        xCreate: Some(create),
        xDelete: Some(delete),
        xTokenize: Some(tokenize),
    };
    // SAFETY: `api` came from FTS5 for this connection; FTS5 copies the
    // methods struct before it returns; the name is a static C string; no
    // user data, so nothing to destroy.
    let rc = unsafe {
        match (*api).xCreateTokenizer {
            Some(create_tokenizer) => {
                create_tokenizer(api, NAME.as_ptr(), ptr::null_mut(), &mut methods, None)
            }
            None => ffi::SQLITE_ERROR,
        }
    };
    super::registered(rc, "the docbao tokenizer")
}

/// The one "instance": the tokenizer keeps nothing.
static INSTANCE: u8 = 0;

unsafe extern "C" fn create(
    _user: *mut c_void,
    _args: *mut *const c_char,
    _n_args: c_int,
    out: *mut *mut ffi::Fts5Tokenizer,
) -> c_int {
    if out.is_null() {
        return ffi::SQLITE_ERROR;
    }
    // SAFETY: FTS5 passes a place for the instance pointer; the pointer
    // written is never dereferenced (by us or by FTS5).
    unsafe {
        *out = ptr::from_ref(&INSTANCE)
            .cast_mut()
            .cast::<ffi::Fts5Tokenizer>();
    }
    ffi::SQLITE_OK
}

unsafe extern "C" fn delete(_instance: *mut ffi::Fts5Tokenizer) {}

/// FTS5's token callback.
type TokenFn = unsafe extern "C" fn(
    ctx: *mut c_void,
    tflags: c_int,
    token: *const c_char,
    n_token: c_int,
    start: c_int,
    end: c_int,
) -> c_int;

unsafe extern "C" fn tokenize(
    _instance: *mut ffi::Fts5Tokenizer,
    ctx: *mut c_void,
    flags: c_int,
    text: *const c_char,
    n_text: c_int,
    x_token: Option<TokenFn>,
) -> c_int {
    let Some(x_token) = x_token else {
        return ffi::SQLITE_ERROR;
    };
    let bytes: &[u8] = if text.is_null() || n_text <= 0 {
        &[]
    } else {
        // SAFETY: FTS5 passes `n_text` bytes at `text`, valid for this call.
        unsafe { std::slice::from_raw_parts(text.cast::<u8>(), n_text as usize) }
    };
    let query = flags & ffi::FTS5_TOKENIZE_QUERY != 0;
    let result = std::panic::catch_unwind(|| {
        let text = String::from_utf8_lossy(bytes);
        let limit = bytes.len();
        emit_all(&text, limit, query, |tflags, token, start, end| {
            // SAFETY: `x_token` and `ctx` are FTS5's, for this call; the
            // token is a pointer and length into a string alive for the call.
            unsafe {
                x_token(
                    ctx,
                    tflags,
                    token.as_ptr().cast::<c_char>(),
                    token.len() as c_int,
                    start,
                    end,
                )
            }
        })
    });
    result.unwrap_or(ffi::SQLITE_ERROR)
}

/// Hand every token of `text` to `emit` (flags, token, byte start, byte
/// end), stopping at the first code that is not `SQLITE_OK`: the exact form
/// of each syllable; in a query (`query`), a syllable right after a `|` is
/// a synonym of the one before it, at the same position. Offsets are
/// clamped to `limit` (the text's length in bytes before any invalid UTF-8
/// was replaced).
fn emit_all(
    text: &str,
    limit: usize,
    query: bool,
    mut emit: impl FnMut(c_int, &str, c_int, c_int) -> c_int,
) -> c_int {
    let mut rc = ffi::SQLITE_OK;
    let clamp = |x: usize| x.min(limit).min(c_int::MAX as usize) as c_int;
    let mut prev_end: Option<usize> = None;
    for_each_syllable(text, |s| {
        if s.exact.len() > c_int::MAX as usize {
            return true;
        }
        let synonym = query && prev_end.is_some_and(|e| text.get(e..s.range.start) == Some("|"));
        prev_end = Some(s.range.end);
        let flags = if synonym {
            ffi::FTS5_TOKEN_COLOCATED
        } else {
            0
        };
        rc = emit(flags, s.exact, clamp(s.range.start), clamp(s.range.end));
        rc == ffi::SQLITE_OK
    });
    rc
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(text: &str, query: bool) -> Vec<(bool, String, i32, i32)> {
        let mut out = Vec::new();
        let rc = emit_all(text, text.len(), query, |f, t, s, e| {
            out.push((f == ffi::FTS5_TOKEN_COLOCATED, t.to_string(), s, e));
            ffi::SQLITE_OK
        });
        assert_eq!(rc, ffi::SQLITE_OK);
        out
    }

    #[test]
    fn documents_get_the_exact_form_queries_their_synonyms_colocated() {
        assert_eq!(
            tokens("Ðà Nẵng 2021 a|b", false),
            [
                (false, "đà".to_string(), 0, 4),
                (false, "nẵng".to_string(), 5, 11),
                (false, "2021".to_string(), 12, 16),
                (false, "a".to_string(), 17, 18),
                (false, "b".to_string(), 19, 20),
            ]
        );
        assert_eq!(
            tokens("da|đà|dạ Nẵng|nang x ||y", true),
            [
                (false, "da".to_string(), 0, 2),
                (true, "đà".to_string(), 3, 7),
                (true, "dạ".to_string(), 8, 12),
                (false, "nẵng".to_string(), 13, 19),
                (true, "nang".to_string(), 20, 24),
                (false, "x".to_string(), 25, 26),
                (false, "y".to_string(), 29, 30),
            ]
        );
    }

    #[test]
    fn a_failing_callback_stops_the_tokenizer() {
        let mut n = 0;
        let rc = emit_all("một hai ba", 12, false, |_, _, _, _| {
            n += 1;
            if n == 2 {
                ffi::SQLITE_NOMEM
            } else {
                ffi::SQLITE_OK
            }
        });
        assert_eq!((rc, n), (ffi::SQLITE_NOMEM, 2));
    }
}
