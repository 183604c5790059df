//! The fuzz targets' bodies: run one parser or text function on arbitrary
//! bytes and check what it promises, panicking on the first broken promise.
//!
//! The same file is compiled into the main crate's `tests/fuzz_regressions.rs`
//! (by `#[path]`), which replays every saved crashing input under
//! `tests/fixtures/fuzz/<target>/` through these checks: CI covers the bad
//! inputs without cargo-fuzz. So this file uses only `docbao` and crates
//! `docbao` itself depends on, and must stay clippy-clean there too.
//!
//! Inputs that need parameters (a width, a limit) take them from their first
//! bytes; the parsers of whole files (HTML, feeds) derive theirs from the input
//! length, so that saved pages and feeds are seeds as they are.

use std::sync::{Mutex, OnceLock};

use docbao::ingest::feed::{decode_feed, parse_feed};
use docbao::ingest::page_text::read_page_text;
use docbao::ingest::{decode_text, jsonl_records, parse_html, parse_jsonl, parse_page_text};
use docbao::model::NewArticle;
use docbao::text::search::{MAX_TERMS, Query, Term, find_matches, matches_of, snippet};
use docbao::text::wrap::{WrapAlgorithm, wrap_line_using, wrap_with_indent_using};
use docbao::text::{clean as clean_text, clean_opt, clean_paragraphs};
use unicode_normalization::{UnicodeNormalization, is_nfc};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Names of the targets, as in `fuzz/Cargo.toml` and under `tests/fixtures/fuzz/`.
pub const TARGETS: [&str; 8] = [
    "page_text",
    "jsonl",
    "html",
    "feed",
    "search_query",
    "clean",
    "wrap",
    "opml",
];

/// Run the check of target `name` on `data`; false for an unknown name.
pub fn run(name: &str, data: &[u8]) -> bool {
    match name {
        "page_text" => page_text(data),
        "jsonl" => jsonl(data),
        "html" => html(data),
        "feed" => feed(data),
        "search_query" => search_query(data),
        "clean" => clean(data),
        "wrap" => wrap(data),
        "opml" => opml(data),
        _ => return false,
    }
    true
}

// ---------------------------------------------------------------------------
// What "cleaned" means (src/text/clean.rs, and `NewArticle`: "every string in
// it has been cleaned (NFC, terminal-safe) by the ingester").

/// A character `clean` never lets through: every control (C0, DEL, C1, so ESC
/// too), the invisible ones it drops (soft hyphen, zero-width, word joiner,
/// BOM, bidi marks / embeddings / overrides / isolates, variation selectors,
/// interlinear annotations, object replacement), and every whitespace but
/// the plain space.
fn never_clean(c: char) -> bool {
    c.is_control()
        || (c.is_whitespace() && c != ' ')
        || matches!(c,
            '\u{AD}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{061C}'
            | '\u{FEFF}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{E0100}'..='\u{E01EF}'
            | '\u{FFF9}'..='\u{FFFC}')
}

/// Panics unless `s` looks like `clean`'s output: one line, no character it
/// drops, single inner spaces, no edge spaces, NFC, and no combining mark at
/// the start or after a space (an orphan mark is re-attached or dropped).
pub fn assert_clean(what: &str, s: &str) {
    if let Some(c) = s.chars().find(|&c| never_clean(c)) {
        panic!("{what}: U+{:04X} survived cleaning in {s:?}", c as u32);
    }
    assert!(
        !s.starts_with(' ') && !s.ends_with(' ') && !s.contains("  "),
        "{what}: spaces not collapsed and trimmed in {s:?}"
    );
    assert!(is_nfc(s), "{what}: not NFC: {s:?}");
    let mut prev = ' ';
    for c in s.chars() {
        assert!(
            !(prev == ' ' && unicode_normalization::char::is_combining_mark(c)),
            "{what}: orphan combining mark U+{:04X} in {s:?}",
            c as u32
        );
        prev = c;
    }
}

/// Every string of a parsed article is cleaned; the title and every
/// paragraph, keyword and related title are not empty.
pub fn assert_article(a: &NewArticle) {
    assert!(!a.title.is_empty(), "empty title: {a:?}");
    assert_clean("title", &a.title);
    let optional = [
        ("url", &a.url),
        ("date_text", &a.date_text),
        ("author", &a.author),
        ("site", &a.site),
        ("lead", &a.lead),
    ];
    for (what, s) in optional {
        if let Some(s) = s {
            assert!(!s.is_empty(), "{what}: Some(\"\") instead of None");
            assert_clean(what, s);
        }
    }
    for p in &a.paragraphs {
        assert!(!p.text.is_empty(), "empty paragraph: {a:?}");
        assert_clean("paragraph", &p.text);
    }
    for k in &a.keywords {
        assert!(!k.name.is_empty(), "empty keyword: {a:?}");
        assert_clean("keyword", &k.name);
    }
    for r in &a.related {
        assert!(!r.title.is_empty(), "empty related title: {a:?}");
        assert_clean("related title", &r.title);
        for s in [&r.url, &r.excerpt].into_iter().flatten() {
            assert_clean("related", s);
        }
    }
}

// ---------------------------------------------------------------------------
// Ingest.

/// Page text: the import path (`decode_text`, then `parse_page_text`) on the
/// bytes, and `read_page_text` on the bytes read as text whatever they are,
/// its notes included.
pub fn page_text(data: &[u8]) {
    if let Ok(text) = decode_text("fuzz.txt", data)
        && let Ok(a) = parse_page_text(&text)
    {
        assert_article(&a);
    }
    let lossy = String::from_utf8_lossy(data);
    if let Ok((a, notes)) = read_page_text(&lossy) {
        assert_article(&a);
        // A note names a line of the text, with clean words; a date line
        // said to be no date is not the article's date.
        let lines = lossy.split(['\n', '\r']).count();
        for n in &notes {
            assert!(n.line >= 1 && n.line <= lines, "bad line number {n:?}");
            assert_clean("page note", &n.message);
        }
        if !notes.is_empty() {
            assert_eq!(a.published, None, "{notes:?}");
        }
    }
}

/// JSON lines: `parse_jsonl` and `jsonl_records` agree; line numbers are
/// increasing and within the text; every article is clean.
pub fn jsonl(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let all = parse_jsonl(&text);
    let one_by_one: Vec<_> = jsonl_records(&text).collect();
    assert_eq!(all, one_by_one, "parse_jsonl and jsonl_records differ");
    let lines = text.split('\n').count();
    let mut last = 0;
    for r in &all {
        match r {
            Ok(a) => assert_article(a),
            Err(e) => {
                assert!(e.line > last && e.line <= lines, "bad line number {e:?}");
                last = e.line;
            }
        }
    }
}

/// A charset as a server or a page might give it, chosen by the input length.
fn charset_for(len: usize) -> Option<&'static str> {
    [
        None,
        Some("utf-8"),
        None,
        Some("windows-1258"),
        Some("gb2312"),
        Some("iso-8859-1"),
        Some("not-a-charset"),
    ][len % 7]
}

/// HTML pages: `parse_html` with a charset and a URL (or none), chosen by
/// the input length; an article it returns is clean.
pub fn html(data: &[u8]) {
    let url = [
        None,
        Some("https://dantri.com.vn/xa-hoi/tin-a-20210305.htm"),
        Some("http://[::1]:8080/a/b?c=d#e"),
    ][data.len() % 3];
    if let Ok(a) = parse_html(data, charset_for(data.len() / 3), url) {
        assert_article(&a);
    }
}

/// Feeds: `decode_feed` and `parse_feed` with a charset chosen by the input
/// length; the feed title and every item are clean, each item has a key, and
/// an item's link is an http(s) URL.
pub fn feed(data: &[u8]) {
    let charset = charset_for(data.len());
    let decoded = decode_feed("fuzz.xml", data, charset);
    let Ok(parsed) = parse_feed("fuzz.xml", data, charset) else {
        return;
    };
    assert!(decoded.is_ok(), "parsed a feed decode_feed refused");
    if let Some(t) = &parsed.title {
        assert_clean("feed title", t);
    }
    if let Some(u) = &parsed.site_url {
        assert_clean("feed site_url", u);
    }
    for item in &parsed.items {
        assert!(!item.key.is_empty(), "item without a key: {item:?}");
        assert_article(&item.article);
        if let Some(url) = &item.article.url {
            assert!(
                url.starts_with("http://") || url.starts_with("https://"),
                "item link {url:?}"
            );
        }
    }
}

// ---------------------------------------------------------------------------
// Search.

/// An FTS5 table like the store's `article_search`, to run expressions on.
fn fts() -> &'static Mutex<rusqlite::Connection> {
    static DB: OnceLock<Mutex<rusqlite::Connection>> = OnceLock::new();
    DB.get_or_init(|| {
        let conn = rusqlite::Connection::open_in_memory().expect("in-memory SQLite");
        conn.execute_batch(
            "CREATE VIRTUAL TABLE s USING fts5 (title, lead, body, keywords,
                 tokenize = 'unicode61 remove_diacritics 0', prefix = '2 3');
             INSERT INTO s VALUES ('thai binh', 'dan van', 'ha noi 2021', 'x');",
        )
        .expect("FTS5 table");
        Mutex::new(conn)
    })
}

/// SQLite accepts `expr` as a MATCH expression.
fn assert_fts_accepts(expr: &str) {
    let conn = fts().lock().unwrap_or_else(|e| e.into_inner());
    let r: rusqlite::Result<i64> =
        conn.query_row("SELECT count(*) FROM s WHERE s MATCH ?1", [expr], |r| {
            r.get(0)
        });
    if let Err(e) = r {
        panic!("FTS5 refuses {expr:?}: {e}");
    }
}

/// Byte ranges into `s`: sorted, apart, not empty, on char boundaries.
fn assert_ranges(what: &str, s: &str, ranges: &[std::ops::Range<usize>]) {
    let mut end = 0;
    for (i, r) in ranges.iter().enumerate() {
        assert!(r.start < r.end, "{what}: empty range {r:?}");
        assert!(
            i == 0 || r.start > end,
            "{what}: ranges overlap or touch: {ranges:?}"
        );
        assert!(r.end <= s.len(), "{what}: {r:?} past the end of {s:?}");
        assert!(
            s.is_char_boundary(r.start) && s.is_char_boundary(r.end),
            "{what}: {r:?} not on char boundaries of {s:?}"
        );
        end = r.end;
    }
}

/// The first byte is the snippet length; the rest (as text) is a query line,
/// then lines of text to search.
///
/// `Query::parse` gives at most `MAX_TERMS` terms of non-empty syllables; the FTS5 expression (plain, and with prefix expansion giving words
/// with quotes in them) is one SQLite accepts, for an empty query none;
/// `find_matches` and `snippet` give well-formed ranges; a snippet is at most
/// `max_chars` characters plus the two ellipses.
pub fn search_query(data: &[u8]) {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let max_chars = usize::from(first);
    let input = String::from_utf8_lossy(rest);
    let (query_text, body) = input.split_once('\n').unwrap_or((&input, ""));
    let query = Query::parse(query_text);
    assert!(query.terms.len() <= MAX_TERMS);
    for t in &query.terms {
        let words = match t {
            Term::Word(w) | Term::Prefix(w) => std::slice::from_ref(w),
            Term::Phrase { words, .. } | Term::Glued { words, .. } => words.as_slice(),
        };
        assert!(!words.is_empty(), "empty phrase in {query:?}");
        for w in words {
            // A syllable starts with a letter or digit; combining marks
            // that NFC cannot compose may follow.
            assert!(
                w.chars().next().is_some_and(char::is_alphanumeric),
                "term word {w:?} of {query_text:?}"
            );
        }
    }
    match query.fts_expression() {
        None => assert!(query.is_empty()),
        Some(expr) => {
            assert!(!query.is_empty());
            assert_fts_accepts(&expr);
        }
    }
    // Expansions, even hostile ones (a store's vocabulary holds only
    // syllables, but nothing it gives may break out of the quotes).
    let expand = |w: &str, prefix: bool| match (w.len() + usize::from(prefix)) % 3 {
        0 => Vec::new(),
        1 => vec![w.to_string()],
        _ => vec![w.to_string(), format!("{w}\"*"), format!("{w} OR x|y")],
    };
    for expr in [
        query.fts_expression_with(expand),
        query.near_expression_with(expand),
    ]
    .into_iter()
    .flatten()
    {
        assert_fts_accepts(&expr);
    }
    for expr in [
        query.near_expression(),
        query.as_phrase().and_then(|p| p.fts_expression()),
    ]
    .into_iter()
    .flatten()
    {
        assert_fts_accepts(&expr);
    }

    let ranges = find_matches(body, query_text);
    assert_ranges("find_matches", body, &ranges);
    let phrase = query.as_phrase();
    assert_eq!(ranges, matches_of(body, phrase.as_ref().unwrap_or(&query)));

    let texts: Vec<&str> = body.split('\n').collect();
    let s = snippet(texts.iter().copied(), &query, max_chars);
    assert_ranges("snippet marks", &s.text, &s.marks);
    let n = s.text.chars().count();
    assert!(
        n <= max_chars + 2,
        "snippet of {n} chars for {max_chars}: {s:?}"
    );
    if query.is_empty() {
        assert!(s.marks.is_empty(), "marks for an empty query: {s:?}");
    }
}

// ---------------------------------------------------------------------------
// Text.

/// `clean` gives cleaned text (see [`assert_clean`]) and is idempotent;
/// `clean_paragraphs` gives non-empty cleaned paragraphs; `clean_opt` is
/// `clean` with an empty result as `None`.
pub fn clean(data: &[u8]) {
    let input = String::from_utf8_lossy(data);
    let once = clean_text(&input);
    assert_clean("clean", &once);
    assert_eq!(
        clean_text(&once),
        once,
        "clean is not idempotent on {input:?}"
    );
    for p in clean_paragraphs(&input) {
        assert!(!p.is_empty(), "empty paragraph from {input:?}");
        assert_clean("clean_paragraphs", &p);
        assert_eq!(clean_text(&p), p, "paragraph not stable under clean");
    }
    let opt = clean_opt(Some(&input));
    assert_eq!(opt.is_none(), once.is_empty());
}

/// A width from one byte: mostly 0..=99, and a few absurd ones.
fn width_for(b: u8) -> usize {
    match b {
        0..=249 => usize::from(b % 100),
        250 => usize::MAX,
        251 => usize::MAX / 2,
        252 => 1 << 32,
        253 => 1000,
        254 => 2,
        _ => 1,
    }
}

/// `prefix` cut by grapheme clusters to at most `max` columns (as the
/// wrapper documents for prefixes too wide for the line).
fn cut_prefix(prefix: &str, max: usize) -> &str {
    let mut w = 0;
    let mut end = 0;
    for (i, g) in prefix.grapheme_indices(true) {
        w += g.width();
        if w > max {
            break;
        }
        end = i + g.len();
    }
    &prefix[..end]
}

/// Byte 0 is the width, byte 1 the algorithm (bit 0) and the prefixes (bits
/// 1–2); the rest, as text, is the paragraph.
///
/// Both algorithms: every line fits the width by `unicode-width` (only a
/// single grapheme cluster wider than the line may overflow it), starts with
/// its prefix, has no edge spaces; the lines are the paragraph (NFC,
/// whitespace runs as one space) in order with nothing lost, broken at
/// spaces, or inside a word only between grapheme clusters, next to a wide
/// glyph or where the word alone is wider than the line; and both algorithms
/// give the same text.
pub fn wrap(data: &[u8]) {
    let [w, opts, rest @ ..] = data else {
        return;
    };
    let width = width_for(*w);
    let (first, next) =
        [("", ""), ("- ", "  "), ("12. ", "    "), ("• ", "")][usize::from(opts >> 1 & 3)];
    let text = String::from_utf8_lossy(rest);
    let nfc: String = text.nfc().collect();
    let norm = nfc.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut bodies = Vec::new();
    for algo in [WrapAlgorithm::FirstFit, WrapAlgorithm::OptimalFit] {
        let lines = if first.is_empty() && next.is_empty() && opts & 8 == 0 {
            wrap_line_using(&text, width, algo)
        } else {
            wrap_with_indent_using(&text, width, first, next, algo)
        };
        let eff = width.max(1);
        let keep = eff.saturating_sub(2);
        let (first, next) = (cut_prefix(first, keep), cut_prefix(next, keep));
        let mut body_lines = Vec::with_capacity(lines.len());
        for (i, line) in lines.iter().enumerate() {
            let prefix = if i == 0 { first } else { next };
            let Some(body) = line.strip_prefix(prefix) else {
                panic!("{algo:?}: line {line:?} does not start with {prefix:?}");
            };
            let lw = line.width();
            let lone_cluster = body.graphemes(true).count() == 1 && (eff == 1 || body.width() > 2);
            assert!(
                lw <= eff || lone_cluster,
                "{algo:?}: {line:?} is {lw} columns > {eff}: {lines:?}"
            );
            assert!(!body.is_empty(), "{algo:?}: empty line in {lines:?}");
            assert_eq!(body.trim(), body, "{algo:?}: edge spaces in {line:?}");
            body_lines.push(body);
        }
        // Words wider than the narrower line are the ones broken.
        let avail = eff - first.width().max(next.width());
        check_pieces(&norm, &body_lines, avail, algo);
        bodies.push(body_lines.concat().replace(' ', ""));
    }
    assert_eq!(
        bodies[0], bodies[1],
        "first fit and optimal fit differ in text"
    );
}

/// The lines are consecutive pieces of `norm`.
fn check_pieces(norm: &str, lines: &[&str], width: usize, algo: WrapAlgorithm) {
    if norm.is_empty() {
        assert!(
            lines.is_empty(),
            "{algo:?}: lines for blank text: {lines:?}"
        );
        return;
    }
    let mut pos = 0;
    for line in lines {
        assert!(
            norm[pos..].starts_with(line),
            "{algo:?}: lost or reordered text at byte {pos}: {line:?} vs {:?}",
            &norm[pos..]
        );
        pos += line.len();
        if pos < norm.len() {
            if norm[pos..].starts_with(' ') {
                pos += 1;
            } else {
                check_mid_word_break(norm, pos, width, algo);
            }
        }
    }
    assert_eq!(
        pos,
        norm.len(),
        "{algo:?}: text missing at the end: {lines:?}"
    );
}

/// A break inside a word: between grapheme clusters, and next to a wide
/// cluster or in a word wider than the line.
fn check_mid_word_break(norm: &str, pos: usize, width: usize, algo: WrapAlgorithm) {
    let ws = norm[..pos].rfind(' ').map_or(0, |i| i + 1);
    let we = norm[pos..].find(' ').map_or(norm.len(), |i| pos + i);
    let word = &norm[ws..we];
    let rel = pos - ws;
    assert!(
        word.grapheme_indices(true).any(|(i, _)| i == rel),
        "{algo:?}: break inside a grapheme cluster of {word:?}"
    );
    let before = word[..rel].graphemes(true).next_back().unwrap_or("");
    let after = word[rel..].graphemes(true).next().unwrap_or("");
    let wide = before.width() >= 2 || after.width() >= 2;
    assert!(
        wide || word.width() > width,
        "{algo:?}: word {word:?} ({} columns) split at width {width}",
        word.width()
    );
}

/// OPML: never a panic; every subscription kept has a web address and
/// clean text; what `render_opml` writes reads back to the same list.
pub fn opml(data: &[u8]) {
    use docbao::ingest::opml::{parse_opml, render_opml};
    let Ok(parsed) = parse_opml("fuzz.opml", data) else {
        return;
    };
    for f in &parsed.feeds {
        // A web address, or a local file's (`file:///`, as `feed add
        // file://` subscribes to and the export writes).
        let scheme = f.url.to_ascii_lowercase();
        assert!(
            scheme.starts_with("http://")
                || scheme.starts_with("https://")
                || scheme.starts_with("file:///"),
            "not a feed address: {:?}",
            f.url
        );
        assert_clean("feed address", &f.url);
        if let Some(t) = &f.title {
            assert_clean("feed title", t);
        }
    }
    for s in &parsed.skipped {
        assert_clean("skip note", s);
    }
    let written = render_opml(&parsed.feeds);
    let again = parse_opml("again.opml", written.as_bytes())
        .unwrap_or_else(|e| panic!("the export does not read back: {e}\n{written}"));
    assert_eq!(again.feeds, parsed.feeds, "round trip\n{written}");
    assert!(again.skipped.is_empty(), "{:?}", again.skipped);
}
