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

use std::cell::RefCell;
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

/// The tokens of a document, made ahead of time (off the store's thread,
/// while the import prepares a batch), for [`with_pretokenized`]: what
/// [`emit_all`] would give FTS5 for the same text in document mode.
#[derive(Debug)]
pub(in crate::store) struct Pretokenized {
    /// The 128-bit hash of the text.
    key: u128,
    /// The tokens not written in the text as they are (a capital, a
    /// look-alike letter), one after the other.
    tokens: String,
    /// Each token's end in `tokens` ([`SAME`]: the token is the text's own
    /// bytes there), then its start and end in the text.
    spans: Vec<[u32; 3]>,
}

/// A span whose token is the text between its start and end: most
/// syllables are written in lower case already, and copying them was most
/// of what making the tokens cost (issue 14).
const SAME: u32 = u32::MAX;

impl Pretokenized {
    /// For the tokens of `text`, to be [`Pretokenized::push`]ed; `None` for
    /// a text over 4 GiB (left to the tokenizer).
    pub fn new(text: &str) -> Option<Pretokenized> {
        u32::try_from(text.len()).ok()?;
        Some(Pretokenized {
            key: xxhash_rust::xxh3::xxh3_128(text.as_bytes()),
            tokens: String::new(),
            spans: Vec::with_capacity(text.len() / 5),
        })
    }

    /// Add the next syllable of the text, written `start..end`: its exact
    /// form (`None`: the text's bytes there are it).
    pub fn push(&mut self, exact: Option<&str>, start: usize, end: usize) {
        let to = match exact {
            None => SAME,
            Some(exact) => {
                self.tokens.push_str(exact);
                self.tokens.len() as u32
            }
        };
        self.spans.push([to, start as u32, end as u32]);
    }

    /// Hand the tokens to `emit`; `text` is the text they were made of.
    fn emit(&self, text: &[u8], mut emit: impl FnMut(c_int, &str, c_int, c_int) -> c_int) -> c_int {
        // Checked once per text, not once per token as first written (that
        // took 56 M instructions in a 1,500-article import).
        let Ok(text) = simdutf8::basic::from_utf8(text) else {
            return ffi::SQLITE_ERROR;
        };
        let mut from = 0usize;
        for &[to, start, end] in &self.spans {
            let token = if to == SAME {
                match text.get(start as usize..end as usize) {
                    Some(token) => token,
                    None => return ffi::SQLITE_ERROR,
                }
            } else {
                let token = self.tokens.get(from..to as usize).unwrap_or_default();
                from = to as usize;
                token
            };
            let rc = emit(0, token, start as c_int, end as c_int);
            if rc != ffi::SQLITE_OK {
                return rc;
            }
        }
        ffi::SQLITE_OK
    }
}

thread_local! {
    /// Documents tokenized ahead of time, by the 128-bit hash of their text,
    /// while [`with_pretokenized`] runs on this thread.
    static PRETOKENIZED: RefCell<rustc_hash::FxHashMap<u128, Pretokenized>> =
        RefCell::new(rustc_hash::FxHashMap::default());
}

/// Run `f` (an `INSERT` into the index) with these texts' tokens at hand:
/// when FTS5 asks to tokenize one of them, on this thread, its tokens are
/// handed over instead of being made again: the syllables are split on
/// the preparing threads, not on the store's one thread.
pub(in crate::store) fn with_pretokenized<R>(
    docs: impl IntoIterator<Item = Pretokenized>,
    f: impl FnOnce() -> R,
) -> R {
    PRETOKENIZED.with_borrow_mut(|map| {
        for tokens in docs {
            map.insert(tokens.key, tokens);
        }
    });
    struct Clear;
    impl Drop for Clear {
        fn drop(&mut self) {
            PRETOKENIZED.with_borrow_mut(|map| map.clear());
        }
    }
    let _clear = Clear;
    f()
}

/// The tokens made ahead of time for `bytes`, handed to `emit`; `None`
/// when there are none.
fn emit_pretokenized(
    bytes: &[u8],
    emit: impl FnMut(c_int, &str, c_int, c_int) -> c_int,
) -> Option<c_int> {
    PRETOKENIZED.with_borrow(|map| {
        if map.is_empty() {
            return None;
        }
        map.get(&xxhash_rust::xxh3::xxh3_128(bytes))
            .map(|tokens| tokens.emit(bytes, emit))
    })
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
        let emit = |tflags, token: &str, start, end| {
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
        };
        if !query && let Some(rc) = emit_pretokenized(bytes, emit) {
            return rc;
        }
        let text = String::from_utf8_lossy(bytes);
        emit_all(&text, bytes.len(), query, emit)
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

/// A token as FTS5 is handed it: flags, token, start, end.
#[cfg(test)]
pub(in crate::store) type Emitted = (c_int, String, c_int, c_int);

/// The tokens `ahead` hands FTS5 for `text`, and those the tokenizer makes
/// of it itself (flags, token, start, end), for tests elsewhere in the
/// store; and the tokens `ahead` keeps apart from the text, one after the
/// other.
#[cfg(test)]
pub(in crate::store) fn both_tokens(
    ahead: &Pretokenized,
    text: &str,
) -> ([Vec<Emitted>; 2], String) {
    let mut made = Vec::new();
    let rc = ahead.emit(text.as_bytes(), |f, t, s, e| {
        made.push((f, t.to_string(), s, e));
        ffi::SQLITE_OK
    });
    assert_eq!(rc, ffi::SQLITE_OK);
    let mut own = Vec::new();
    emit_all(text, text.len(), false, |f, t, s, e| {
        own.push((f, t.to_string(), s, e));
        ffi::SQLITE_OK
    });
    ([made, own], ahead.tokens.clone())
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
    fn tokens_made_ahead_are_the_tokenizers_own() {
        let text = "Ðà Nẵng, 2021: TP.HCM — người dân (ảnh) x|y Hoà";
        let mut ahead = Pretokenized::new(text).unwrap();
        for_each_syllable(text, |s| {
            let same = text[s.range.clone()] == *s.exact;
            ahead.push((!same).then_some(s.exact), s.range.start, s.range.end);
            true
        });
        // Only the tokens not written so are kept, the capitalised ones here.
        assert_eq!(ahead.tokens, "đànẵngtphcmhoà");
        let mut out = Vec::new();
        let rc = ahead.emit(text.as_bytes(), |f, t, s, e| {
            out.push((f == ffi::FTS5_TOKEN_COLOCATED, t.to_string(), s, e));
            ffi::SQLITE_OK
        });
        assert_eq!(rc, ffi::SQLITE_OK);
        assert_eq!(out, tokens(text, false));
        // Found by the text's bytes while `with_pretokenized` runs, and gone after.
        let found = |text: &str| emit_pretokenized(text.as_bytes(), |_, _, _, _| 0).is_some();
        with_pretokenized([ahead], || {
            assert!(found(text));
            assert!(!found("Đà Nẵng"));
        });
        assert!(!found(text));
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
