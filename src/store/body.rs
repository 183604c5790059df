//! Article bodies, stored compressed (issue 14): one row per article in
//! `bodies`, its paragraphs packed and compressed with zstd and a dictionary
//! trained on Vietnamese news (`assets/body-dict.zst-dict`, made by
//! `scripts/train-body-dict.sh` from the GPL-3.0 Dân trí set).
//!
//! Until schema version 13 each paragraph was a row of `paragraphs`; a body
//! of 3 KB filled most of a 4 KB page, and the bodies of 100,000 articles took
//! 392 MB for 310 MB of text. Compressed on their own, the same bodies are
//! about 2.1 times smaller; with the dictionary (the words, the framing and
//! the phrases news shares) about 3.1 times: a dictionary gives a small input
//! what a large one learns on its way (BENCHMARKS.md, "Store size").
//!
//! The packed form, before compression: for each paragraph its kind as one
//! letter (`t`ext, `c`aption, `h`eading, `q`uote), its text, and a NUL (text
//! is made terminal-safe before it is stored, so it has no NUL). A zstd frame
//! carries its dictionary's id and its content size; a frame made with
//! another dictionary, or damaged, is reported, never guessed at.

use std::cell::RefCell;
use std::sync::OnceLock;

use rusqlite::functions::{Context, FunctionFlags};
use rusqlite::types::{Value, ValueRef};
use rusqlite::{Connection, OptionalExtension};

use super::{Result, StoreError};
use crate::model::{ArticleId, Link, Paragraph, ParagraphKind};
use crate::text::links::valid_links;

/// The dictionary, embedded.
const DICT: &[u8] = include_bytes!("../../assets/body-dict.zst-dict");

/// zstd's level and the two table sizes it is given
/// ([`new_compressor`]). Measured on 3,000 bodies of the benchmark corpus
/// with this dictionary (BENCHMARKS.md, "Issue 14, fifth part"): level 6
/// packs them to 3.05 MB at 54 MB/s on one core; level 3 with 2^17-entry
/// hash and chain tables to 3.19 MB (+4.5%) at 209 MB/s. At level 6, zstd
/// was 11.8% of a 100,000-article import's CPU. Tables of 2^16 entries
/// rather than 2^17 (half the memory a compressor walks for each body):
/// zstd's share of an import's CPU fell from 9.2-10.0% to 5.8-8.1%
/// (`perf`, baomoi-35k, two runs each), the bodies grew by 0.63%
/// (BENCHMARKS.md, "Issue 14, fourteenth part").
const LEVEL: i32 = 3;
const HASH_LOG: u32 = 16;
const CHAIN_LOG: u32 = 16;

/// No body this long is ever packed (an article is at most a few MB of text):
/// a frame that says it is larger is damaged.
const MAX_PACKED: u64 = 256 << 20;

fn decoder_dict() -> &'static zstd::dict::DecoderDictionary<'static> {
    static D: OnceLock<zstd::dict::DecoderDictionary<'static>> = OnceLock::new();
    D.get_or_init(|| zstd::dict::DecoderDictionary::copy(DICT))
}

/// Compressors not in use. An import packs bodies on threads made for each
/// batch: kept here, a compressor (a few MB of tables) is made once per
/// core rather than once per batch and thread.
static COMPRESSORS: std::sync::Mutex<Vec<zstd::bulk::Compressor<'static>>> =
    std::sync::Mutex::new(Vec::new());

thread_local! {
    static DECOMPRESSOR: RefCell<Option<zstd::bulk::Decompressor<'static>>> = const { RefCell::new(None) };
}

fn kind_letter(kind: ParagraphKind) -> char {
    match kind {
        ParagraphKind::Text => 't',
        ParagraphKind::Caption => 'c',
        ParagraphKind::Heading => 'h',
        ParagraphKind::Quote => 'q',
        ParagraphKind::Item => 'i',
        ParagraphKind::Row => 'r',
        ParagraphKind::Code => 'p',
    }
}

fn letter_kind(c: u8) -> Option<ParagraphKind> {
    Some(match c {
        b't' => ParagraphKind::Text,
        b'c' => ParagraphKind::Caption,
        b'h' => ParagraphKind::Heading,
        b'q' => ParagraphKind::Quote,
        b'i' => ParagraphKind::Item,
        b'r' => ParagraphKind::Row,
        b'p' => ParagraphKind::Code,
        _ => return None,
    })
}

/// The packed form of paragraphs (before compression). A NUL in a text (never
/// stored: text is cleaned first) is dropped rather than let split it.
///
/// A paragraph's links follow it, one record each: `l`, the byte range of
/// its words and the address, `l5 12 https://…`.
fn pack_plain<'a>(
    paragraphs: impl IntoIterator<Item = (ParagraphKind, &'a str, &'a [Link])>,
) -> String {
    let mut out = String::new();
    for (kind, text, links) in paragraphs {
        out.push(kind_letter(kind));
        if text.contains('\0') {
            out.extend(text.chars().filter(|&c| c != '\0'));
        } else {
            out.push_str(text);
        }
        out.push('\0');
        // A NUL dropped from the text would move the ranges (never so:
        // stored text is cleaned); an address holds none (a web address).
        if !text.contains('\0') {
            for l in links.iter().filter(|l| !l.url.contains('\0')) {
                out.push_str(&format!("{LINK_LETTER}{} {} {}\0", l.start, l.end, l.url));
            }
        }
    }
    out
}

/// The letter of a link's record in a packed body.
const LINK_LETTER: char = 'l';

/// A link's record (after its letter): `start end url`.
fn parse_link(record: &str) -> Option<Link> {
    let mut parts = record.splitn(3, ' ');
    let start = parts.next()?.parse().ok()?;
    let end = parts.next()?.parse().ok()?;
    let url = parts.next()?.to_string();
    Some(Link { start, end, url })
}

/// A compressor with the dictionary loaded (its tables built on the first
/// body it packs, then kept) and [`LEVEL`]'s parameters but for the table
/// sizes.
fn new_compressor() -> std::io::Result<zstd::bulk::Compressor<'static>> {
    use zstd::zstd_safe::CParameter;
    let mut c = zstd::bulk::Compressor::with_dictionary(LEVEL, DICT)?;
    c.set_parameter(CParameter::HashLog(HASH_LOG))?;
    c.set_parameter(CParameter::ChainLog(CHAIN_LOG))?;
    Ok(c)
}

/// Compress a packed body.
fn compress(plain: &str) -> std::io::Result<Vec<u8>> {
    let pooled = COMPRESSORS.lock().ok().and_then(|mut pool| pool.pop());
    let mut c = match pooled {
        Some(c) => c,
        None => new_compressor()?,
    };
    let out = c.compress(plain.as_bytes());
    if let Ok(mut pool) = COMPRESSORS.lock() {
        pool.push(c);
    }
    out
}

/// Paragraphs packed and compressed, as `bodies.packed` holds them; `None`
/// for no paragraphs (no row).
pub fn pack(paragraphs: &[Paragraph]) -> std::io::Result<Option<Vec<u8>>> {
    if paragraphs.is_empty() {
        return Ok(None);
    }
    compress(&pack_plain(
        paragraphs
            .iter()
            .map(|p| (p.kind, p.text.as_str(), p.links.as_slice())),
    ))
    .map(Some)
}

/// Why a stored body cannot be read.
fn damaged(why: impl std::fmt::Display) -> String {
    format!("its stored body cannot be read ({why})")
}

/// The packed text of a stored body.
fn decompress(data: &[u8]) -> Result<String, String> {
    let size = match zstd::zstd_safe::get_frame_content_size(data) {
        Ok(Some(n)) if n <= MAX_PACKED => n as usize,
        Ok(Some(n)) => return Err(damaged(format!("it says it is {n} bytes long"))),
        Ok(None) => return Err(damaged("no size in its frame")),
        Err(_) => return Err(damaged("not a zstd frame")),
    };
    let bytes = DECOMPRESSOR.with(|d| {
        let mut d = d.borrow_mut();
        let d = match &mut *d {
            Some(d) => d,
            slot => slot.insert(
                zstd::bulk::Decompressor::with_prepared_dictionary(decoder_dict())
                    .map_err(damaged)?,
            ),
        };
        d.decompress(data, size).map_err(damaged)
    })?;
    String::from_utf8(bytes).map_err(|_| damaged("not UTF-8"))
}

/// The paragraphs of a packed, compressed body.
pub fn unpack(data: &[u8]) -> Result<Vec<Paragraph>, String> {
    let plain = decompress(data)?;
    let mut out: Vec<Paragraph> = Vec::new();
    for part in plain.split_terminator('\0') {
        if let Some(record) = part.strip_prefix(LINK_LETTER) {
            let (Some(p), Some(link)) = (out.last_mut(), parse_link(record)) else {
                return Err(damaged("a link of no paragraph"));
            };
            p.links.push(link);
            continue;
        }
        let Some(kind) = part.bytes().next().and_then(letter_kind) else {
            return Err(damaged("a paragraph of no known kind"));
        };
        out.push(Paragraph::new(kind, &part[1..]));
    }
    // What the store holds is shown only where it fits its text.
    for p in out.iter_mut().filter(|p| !p.links.is_empty()) {
        p.links = valid_links(&p.text, std::mem::take(&mut p.links));
    }
    Ok(out)
}

fn read_error(id: ArticleId, why: String) -> StoreError {
    StoreError::BadBody { id, why }
}

/// The paragraphs of an article, in order (none when it has no body).
pub(super) fn paragraphs(conn: &Connection, id: ArticleId) -> Result<Vec<Paragraph>> {
    let data: Option<Vec<u8>> = conn
        .prepare_cached("SELECT packed FROM bodies WHERE article_id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?;
    match data {
        Some(d) => unpack(&d).map_err(|why| read_error(id, why)),
        None => Ok(Vec::new()),
    }
}

/// The texts of an article's paragraphs joined by newlines (what the search
/// index and the keyword statistics read), `None` when it has no body.
pub(super) fn joined_text(conn: &Connection, id: ArticleId) -> Result<Option<String>> {
    let paras = paragraphs(conn, id)?;
    if paras.is_empty() {
        return Ok(None);
    }
    let texts: Vec<&str> = paras.iter().map(|p| p.text.as_str()).collect();
    Ok(Some(texts.join("\n")))
}

/// Write (or replace, or remove) an article's body, packed already.
pub(super) fn write(conn: &Connection, id: ArticleId, packed: Option<&[u8]>) -> Result<()> {
    match packed {
        Some(data) => {
            conn.prepare_cached(
                "INSERT INTO bodies (article_id, packed) VALUES (?1, ?2)
                 ON CONFLICT (article_id) DO UPDATE SET packed = excluded.packed",
            )?
            .execute(rusqlite::params![id, data])?;
        }
        None => {
            conn.prepare_cached("DELETE FROM bodies WHERE article_id = ?1")?
                .execute([id])?;
        }
    }
    Ok(())
}

/// Register `docbao_pack_body(json)` on a connection: the packed,
/// compressed body of a JSON array of `[kind, text]` pairs (kinds as the
/// `paragraphs` table named them), for migration 013, which moves the
/// paragraphs of older stores into `bodies`.
pub(super) fn register_functions(conn: &Connection) -> rusqlite::Result<()> {
    // And `docbao_title_hash(key)`: the same migration keeps titles' keys as
    // numbers (crate::text::fold::key_hash).
    conn.create_scalar_function(
        "docbao_title_hash",
        1,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx: &mut Context<'_>| {
            Ok(match ctx.get_raw(0) {
                ValueRef::Text(t) => {
                    Value::Integer(crate::text::fold::key_hash(&String::from_utf8_lossy(t)))
                }
                _ => Value::Integer(0),
            })
        },
    )?;
    // And `docbao_title_key(text)`: migration 023 makes keys again with the
    // tone of "hoà" settled (crate::text::fold::title_key).
    conn.create_scalar_function(
        "docbao_title_key",
        1,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx: &mut Context<'_>| {
            Ok(match ctx.get_raw(0) {
                ValueRef::Text(t) => {
                    Value::Text(crate::text::fold::title_key(&String::from_utf8_lossy(t)))
                }
                _ => Value::Null,
            })
        },
    )?;
    // And `docbao_has_unspaced(text or packed body)`: migration 028 indexes
    // again the articles holding Chinese, Japanese, Thai… letters, whose
    // syllables the search splits otherwise since
    // (crate::text::syllables::has_unspaced). A body that cannot be read is
    // indexed again too (its text is read again then).
    conn.create_scalar_function(
        "docbao_has_unspaced",
        1,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx: &mut Context<'_>| {
            use crate::text::syllables::has_unspaced;
            Ok(match ctx.get_raw(0) {
                ValueRef::Text(t) => has_unspaced(&String::from_utf8_lossy(t)),
                ValueRef::Blob(b) => decompress(b).map_or(true, |s| has_unspaced(&s)),
                _ => false,
            })
        },
    )?;
    conn.create_scalar_function(
        "docbao_pack_body",
        1,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx: &mut Context<'_>| {
            let json = match ctx.get_raw(0) {
                ValueRef::Text(t) => t,
                _ => return Ok(Value::Null),
            };
            let pairs: Vec<(String, String)> = serde_json::from_slice(json)
                .map_err(|e| rusqlite::Error::UserFunctionError(Box::new(e)))?;
            let plain = pack_plain(pairs.iter().map(|(k, t)| {
                let kind = ParagraphKind::parse(k).unwrap_or_default();
                (kind, t.as_str(), &[][..])
            }));
            let data =
                compress(&plain).map_err(|e| rusqlite::Error::UserFunctionError(Box::new(e)))?;
            Ok(Value::Blob(data))
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras() -> Vec<Paragraph> {
        vec![
            Paragraph::text("Hà Nội – Sáng 5/3, thời tiết mát mẻ."),
            Paragraph::caption("Ảnh: Nguyễn Văn A"),
            Paragraph {
                kind: ParagraphKind::Heading,
                text: "Tiêu đề nhỏ".into(),
                links: Vec::new(),
            },
            Paragraph {
                kind: ParagraphKind::Quote,
                text: String::new(),
                links: Vec::new(),
            },
            Paragraph {
                kind: ParagraphKind::Item,
                text: "2. Ghi ra thẻ nhớ".into(),
                links: Vec::new(),
            },
            Paragraph {
                kind: ParagraphKind::Row,
                text: "Ổ cứng │ 800.000 đồng │".into(),
                links: Vec::new(),
            },
            Paragraph {
                kind: ParagraphKind::Code,
                text: "    echo \"đã có\"".into(),
                links: Vec::new(),
            },
        ]
    }

    #[test]
    fn bodies_round_trip_with_kinds_and_empty_paragraphs() {
        let packed = pack(&paras()).unwrap().unwrap();
        assert_eq!(unpack(&packed).unwrap(), paras());
        assert_eq!(pack(&[]).unwrap(), None);
    }

    #[test]
    fn links_round_trip_and_a_damaged_one_is_dropped_or_refused() {
        let link = |start, end, url: &str| Link {
            start,
            end,
            url: url.to_string(),
        };
        let mut with = paras();
        with[0].links = vec![link(0, 3, "https://a.vn/x y"), link(4, 8, "https://b.vn/")];
        // An address with a space is no web address: never stored so, and
        // dropped when read.
        let packed = pack(&with).unwrap().unwrap();
        let back = unpack(&packed).unwrap();
        assert_eq!(back[0].links, vec![link(4, 8, "https://b.vn/")]);
        with[0].links.remove(0);
        assert_eq!(back, with);
        // A link record before any paragraph: the body is damaged.
        let plain = format!(
            "l0 3 https://a.vn/\0{}",
            pack_plain([(ParagraphKind::Text, "Hà", &[][..])])
        );
        let err = unpack(&compress(&plain).unwrap()).unwrap_err();
        assert!(err.contains("a link of no paragraph"), "{err}");
    }

    #[test]
    fn the_dictionary_makes_vietnamese_news_smaller() {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/assets/demo/dan-van-2021-03-05.txt"
        ))
        .unwrap();
        let paras: Vec<Paragraph> = text.split("\n\n").map(Paragraph::text).collect();
        let with = pack(&paras).unwrap().unwrap().len();
        let plain = pack_plain(paras.iter().map(|p| (p.kind, p.text.as_str(), &[][..])));
        let without = zstd::bulk::compress(plain.as_bytes(), LEVEL).unwrap().len();
        assert!(
            with * 10 < without * 9,
            "with the dictionary {with} bytes, without {without}"
        );
        assert!(with * 2 < plain.len(), "{with} of {}", plain.len());
    }

    #[test]
    fn damaged_bodies_are_reported_not_guessed() {
        let mut packed = pack(&paras()).unwrap().unwrap();
        assert!(
            unpack(b"not zstd")
                .unwrap_err()
                .contains("not a zstd frame")
        );
        let n = packed.len();
        packed.truncate(n - 3);
        assert!(unpack(&packed).is_err());
        // A frame of another dictionary (here: none) but the right content.
        let plain = pack_plain(paras().iter().map(|p| (p.kind, p.text.as_str(), &[][..])));
        let other = zstd::bulk::compress(plain.as_bytes(), 3).unwrap();
        assert_eq!(unpack(&other).unwrap(), paras());
        let bad_kind = zstd::bulk::compress(b"xabc\0", 3).unwrap();
        assert!(unpack(&bad_kind).unwrap_err().contains("no known kind"));
    }
}
