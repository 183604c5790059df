//! `docbao_rank()`: the FTS5 ranking function of `docbao search` (issue 5).
//!
//! It is FTS5's own bm25 — the same formula, k1 = 1.2, b = 0.75, the column
//! weights of [`WEIGHTS`] — with one difference: how a phrase's document
//! frequency is found. bm25() counts every row of every phrase of the query
//! on its first call (`xQueryPhrase` over the whole doclist), and on 100,000
//! articles that count was most of what a common query cost: `"ha"*` matches
//! 94% of the store, and a five-word query paid for five such scans (10–35 ms)
//! to rank 2,000 rows. docbao_rank() counts each phrase's rows in rowid order
//! and stops after [`SAMPLE_HITS`] of them: a phrase with fewer rows is
//! counted exactly (and then the score is bm25's, which a test checks), a
//! commoner one is estimated from how far into the store its first
//! [`SAMPLE_HITS`] rows reach. The idf of a phrase found in more than half the
//! store is bm25's floor (1e-6) either way, so the estimate only matters for
//! the rarer phrases, which are the ones it counts exactly.
//!
//! SQL: `docbao_rank(article_search, lo, hi [, shares])`, where `lo` and `hi`
//! are the smallest and largest article ids (the range the rows are spread
//! over) and `shares` optionally gives some phrases' share of the store
//! ([`parse_shares`]); higher is better (bm25() is negative, this is not).
//!
//! # Why `unsafe`
//!
//! rusqlite does not wrap FTS5's extension API: an auxiliary function is a C
//! callback registered through the `fts5_api` struct, obtained with
//! `SELECT fts5(?1)` ([`super::fts5_api`]). The unsafe code is confined
//! to `store::fts5`; here: registration, and the callback, which only calls the API
//! functions FTS5 hands it, with the context it hands it, and never lets a
//! panic cross into C.

use std::ffi::{c_int, c_void};
use std::ptr;

use rusqlite::Connection;
use rusqlite::ffi;

/// bm25 weights of the columns title, lead, body, keywords: a word in the
/// title counts ten times a word in the body.
pub(crate) const WEIGHTS: [f64; 4] = [10.0, 4.0, 1.0, 5.0];

/// A phrase's rows are counted up to this many; past it, its document
/// frequency is estimated from the share of the store they span.
pub const SAMPLE_HITS: i64 = 1000;

const K1: f64 = 1.2;
const B: f64 = 0.75;

/// Register `docbao_rank()` on a connection.
pub(in crate::store) fn register(conn: &Connection) -> rusqlite::Result<()> {
    // SAFETY: the handle is valid while `conn` is; `fts5_api` only prepares,
    // binds and finalizes one statement on it.
    let api = unsafe { super::fts5_api(conn.handle()) }?;
    // SAFETY: `api` came from FTS5 for this connection and lives as long as it;
    // the name is a static C string; no user data, so nothing to destroy.
    let rc = unsafe {
        match (*api).xCreateFunction {
            Some(create) => create(
                api,
                c"docbao_rank".as_ptr(),
                ptr::null_mut(),
                Some(rank_callback),
                None,
            ),
            None => ffi::SQLITE_ERROR,
        }
    };
    super::registered(rc, "docbao_rank()")
}

/// What a query needs once: each phrase's idf, and the average row length.
struct RankData {
    idf: Vec<f64>,
    avgdl: f64,
}

/// The state of one phrase count (see [`count_callback`]).
struct Count {
    hits: i64,
    last_rowid: i64,
}

unsafe extern "C" fn count_callback(
    api: *const ffi::Fts5ExtensionApi,
    fts: *mut ffi::Fts5Context,
    user: *mut c_void,
) -> c_int {
    // SAFETY: `user` is the `Count` that `phrase_hits` passed, alive for the
    // duration of the xQueryPhrase call that runs this callback; `api` and
    // `fts` are FTS5's for the row it is on.
    unsafe {
        let count = &mut *user.cast::<Count>();
        count.hits += 1;
        if let Some(rowid) = (*api).xRowid {
            count.last_rowid = rowid(fts);
        }
        if count.hits >= SAMPLE_HITS {
            ffi::SQLITE_DONE
        } else {
            ffi::SQLITE_OK
        }
    }
}

/// How many rows phrase `i` is in: exact up to [`SAMPLE_HITS`], estimated
/// past it from the rowid where its first [`SAMPLE_HITS`] rows end.
unsafe fn phrase_hits(
    api: &ffi::Fts5ExtensionApi,
    fts: *mut ffi::Fts5Context,
    i: c_int,
    (lo, hi): (i64, i64),
    rows: i64,
) -> Result<f64, c_int> {
    let query = api.xQueryPhrase.ok_or(ffi::SQLITE_ERROR)?;
    let mut count = Count {
        hits: 0,
        last_rowid: lo,
    };
    // SAFETY: FTS5's own context and API; `count` outlives the call.
    let rc = unsafe {
        query(
            fts,
            i,
            (&mut count as *mut Count).cast::<c_void>(),
            Some(count_callback),
        )
    };
    if rc != ffi::SQLITE_OK {
        return Err(rc);
    }
    if count.hits < SAMPLE_HITS || hi <= lo {
        return Ok(count.hits as f64);
    }
    // The rows are visited in rowid order from the first: the first
    // SAMPLE_HITS of them span ids lo..=last_rowid.
    let spanned = (count.last_rowid - lo + 1).max(1) as f64 / (hi - lo + 1) as f64;
    Ok((count.hits as f64 / spanned.min(1.0)).min(rows as f64))
}

unsafe fn rank_data(
    api: &ffi::Fts5ExtensionApi,
    fts: *mut ffi::Fts5Context,
    range: (i64, i64),
    shares: &[Option<f64>],
) -> Result<RankData, c_int> {
    let (Some(row_count), Some(total_size), Some(phrase_count)) =
        (api.xRowCount, api.xColumnTotalSize, api.xPhraseCount)
    else {
        return Err(ffi::SQLITE_ERROR);
    };
    let mut rows: i64 = 0;
    let mut tokens: i64 = 0;
    // SAFETY: FTS5's own context and API, out-pointers to locals.
    unsafe {
        let rc = row_count(fts, &mut rows);
        if rc != ffi::SQLITE_OK {
            return Err(rc);
        }
        let rc = total_size(fts, -1, &mut tokens);
        if rc != ffi::SQLITE_OK {
            return Err(rc);
        }
    }
    let rows = rows.max(1);
    // SAFETY: as above.
    let phrases = unsafe { phrase_count(fts) };
    let mut idf = Vec::with_capacity(phrases.max(0) as usize);
    for i in 0..phrases {
        let n = match shares.get(i as usize).copied().flatten() {
            Some(share) => (share * rows as f64).clamp(0.0, rows as f64),
            // SAFETY: as above; `i` is a phrase of this query.
            None => unsafe { phrase_hits(api, fts, i, range, rows) }?,
        };
        // bm25's idf, floored as bm25 floors it.
        let v = ((rows as f64 - n + 0.5) / (n + 0.5)).ln();
        idf.push(if v <= 0.0 { 1e-6 } else { v });
    }
    Ok(RankData {
        idf,
        avgdl: tokens as f64 / rows as f64,
    })
}

/// The optional fourth argument: the share of the store each phrase is in,
/// as text, one number per phrase separated by commas, empty where
/// docbao_rank() should count ("0.31,,0.002"). The store gives it for
/// phrases it can estimate more cheaply than FTS5 can count them.
unsafe fn parse_shares(v: *mut ffi::sqlite3_value) -> Vec<Option<f64>> {
    // SAFETY: `v` is an argument FTS5 passed; the text pointer is valid until
    // the value changes, and it is copied out at once.
    let text = unsafe {
        let p = ffi::sqlite3_value_text(v);
        if p.is_null() {
            return Vec::new();
        }
        let n = ffi::sqlite3_value_bytes(v).max(0) as usize;
        String::from_utf8_lossy(std::slice::from_raw_parts(p, n)).into_owned()
    };
    text.split(',')
        .map(|x| x.trim().parse::<f64>().ok().filter(|f| f.is_finite()))
        .collect()
}

unsafe extern "C" fn free_rank_data(p: *mut c_void) {
    if !p.is_null() {
        // SAFETY: the only auxdata this module sets is a leaked Box<RankData>.
        drop(unsafe { Box::from_raw(p.cast::<RankData>()) });
    }
}

/// The score of the current row, or an SQLite error code.
unsafe fn rank_row(
    api: &ffi::Fts5ExtensionApi,
    fts: *mut ffi::Fts5Context,
    args: &[*mut ffi::sqlite3_value],
) -> Result<f64, c_int> {
    let (Some(get_aux), Some(set_aux), Some(inst_count), Some(inst), Some(column_size)) = (
        api.xGetAuxdata,
        api.xSetAuxdata,
        api.xInstCount,
        api.xInst,
        api.xColumnSize,
    ) else {
        return Err(ffi::SQLITE_ERROR);
    };
    // SAFETY: FTS5's own context and API; the auxdata is ours (see below).
    let data: &RankData = unsafe {
        let mut p = get_aux(fts, 0).cast::<RankData>();
        if p.is_null() {
            let range = match args {
                [lo, hi, ..] => (ffi::sqlite3_value_int64(*lo), ffi::sqlite3_value_int64(*hi)),
                _ => (0, 0),
            };
            let shares = match args.get(2) {
                Some(v) => parse_shares(*v),
                None => Vec::new(),
            };
            let boxed = Box::into_raw(Box::new(rank_data(api, fts, range, &shares)?));
            let rc = set_aux(fts, boxed.cast::<c_void>(), Some(free_rank_data));
            if rc != ffi::SQLITE_OK {
                return Err(rc); // FTS5 has freed it with free_rank_data
            }
            p = boxed;
        }
        &*p
    };
    let mut freq = vec![0.0f64; data.idf.len()];
    let mut n: c_int = 0;
    let mut doc_len: c_int = 0;
    // SAFETY: FTS5's own context and API, out-pointers to locals.
    unsafe {
        let rc = inst_count(fts, &mut n);
        if rc != ffi::SQLITE_OK {
            return Err(rc);
        }
        for i in 0..n {
            let (mut phrase, mut col, mut off) = (0, 0, 0);
            let rc = inst(fts, i, &mut phrase, &mut col, &mut off);
            if rc != ffi::SQLITE_OK {
                return Err(rc);
            }
            if let (Some(f), Some(w)) = (freq.get_mut(phrase as usize), WEIGHTS.get(col as usize)) {
                *f += w;
            }
        }
        let rc = column_size(fts, -1, &mut doc_len);
        if rc != ffi::SQLITE_OK {
            return Err(rc);
        }
    }
    let d = doc_len as f64;
    let norm = K1 * (1.0 - B + B * d / data.avgdl.max(f64::MIN_POSITIVE));
    Ok(data
        .idf
        .iter()
        .zip(&freq)
        .map(|(idf, f)| idf * (f * (K1 + 1.0)) / (f + norm))
        .sum())
}

unsafe extern "C" fn rank_callback(
    api: *const ffi::Fts5ExtensionApi,
    fts: *mut ffi::Fts5Context,
    ctx: *mut ffi::sqlite3_context,
    n_args: c_int,
    args: *mut *mut ffi::sqlite3_value,
) {
    let result = std::panic::catch_unwind(|| {
        if api.is_null() {
            return Err(ffi::SQLITE_ERROR);
        }
        // SAFETY: FTS5 passes a valid API struct, context and `n_args` values.
        unsafe {
            let args: &[*mut ffi::sqlite3_value] = if args.is_null() || n_args <= 0 {
                &[]
            } else {
                std::slice::from_raw_parts(args, n_args as usize)
            };
            rank_row(&*api, fts, args)
        }
    });
    // SAFETY: `ctx` is the function context FTS5 passed.
    unsafe {
        match result {
            Ok(Ok(score)) => ffi::sqlite3_result_double(ctx, score),
            Ok(Err(rc)) => ffi::sqlite3_result_error_code(ctx, rc),
            Err(_) => ffi::sqlite3_result_error(ctx, c"docbao_rank() panicked".as_ptr(), -1),
        }
    }
}
