//! Page text: an article page saved as plain text (a browser's "save as
//! text", or a copy of the page).
//!
//! ```text
//! Title line
//!
//! Thứ 6, 05.03.2021 | 00:00:00          date line (optional)
//! 279 lượt xem                           views (optional)
//!
//! Body paragraph, separated by blank lines.
//!
//! Short line without closing punctuation  ← image caption
//!
//! Another body paragraph.
//!
//! Cao Biền                               ← author: the last short line
//!
//!   • Từ khóa                            keyword marker, then keywords:
//! • Thái Bình                            one per bullet line, or
//!                                        "Từ khóa: Thái Bình, dân vận"
//! Related title                          related story: title written twice,
//! Related title
//!
//! Excerpt of the related story...        then its excerpt
//! ```
//!
//! Heuristics, all on cleaned (NFC, single-space) lines:
//! - **caption**: a body paragraph of at most [`CAPTION_MAX_CHARS`] characters
//!   and [`CAPTION_MAX_WORDS`] words that does not end in closing punctuation
//!   (`. ! ? … ” " : ;`), does not start like a list item, and is not the last
//!   body paragraph;
//! - **author**: the last body paragraph (or the last line of the last one),
//!   when it is at most [`AUTHOR_MAX_WORDS`] words / [`AUTHOR_MAX_CHARS`]
//!   characters, has no closing punctuation, and is not the only paragraph;
//! - **related**: starts at the first line written twice in a row after the
//!   keyword marker (or after the body when there is no marker).

use chrono::{DateTime, FixedOffset};

use super::date::{DateLine, holds_a_date, parse_date, read_date_line};
use super::{IngestError, fold, normalize_newlines};
use crate::model::{Keyword, KeywordSource, NewArticle, NewRelated, Paragraph, ParagraphKind};
use crate::text::clean;

/// A caption is at most this many characters…
pub const CAPTION_MAX_CHARS: usize = 250;
/// …and at most this many words (Vietnamese words are syllables, so this is
/// roomier than it looks).
pub const CAPTION_MAX_WORDS: usize = 45;
/// A body needs a paragraph with at least this many letters.
pub const BODY_MIN_LETTERS: usize = 6;
/// An author line is at most this many words…
pub const AUTHOR_MAX_WORDS: usize = 6;
/// …and this many characters.
pub const AUTHOR_MAX_CHARS: usize = 60;

/// Parse one page-text article (already decoded; a BOM, CRLF line ends and
/// NFD text are accepted too).
///
/// The page must read as an article: a title line (not a date line, no
/// identifier such as a commit hash in it, some word) and a body with
/// at least one paragraph of text. An empty page, a title alone, or a file
/// that is not an article (a git `COMMIT.txt`, a checksum list) is an error
/// that says why.
pub fn parse_page_text(text: &str) -> Result<NewArticle, IngestError> {
    read_page_text(text).map(|(a, _)| a)
}

/// What reading a page's text noticed and did not refuse it for, by line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageNote {
    /// The line, counted from 1.
    pub line: usize,
    pub message: String,
}

/// [`parse_page_text`], with its notes.
pub fn read_page_text(text: &str) -> Result<(NewArticle, Vec<PageNote>), IngestError> {
    let text = normalize_newlines(text.strip_prefix('\u{FEFF}').unwrap_or(text));
    let lines: Vec<String> = text.split('\n').map(clean).collect();

    let mut i = skip_blank(&lines, 0);
    let Some(title) = lines.get(i).cloned() else {
        return Err(IngestError::NoTitle);
    };
    if parse_date(&title).is_some() {
        return Err(IngestError::TitleIsDate { line: title });
    }
    if title.starts_with("# ") && text.contains("\n---\n\n# ") {
        return Err(IngestError::NotATitle {
            line: shorten(&title),
            reason: "it is the first of several articles exported as Markdown \
                     (import the JSON lines of `docbao export` instead)"
                .to_string(),
        });
    }
    if let Some(reason) = title_problem(&title) {
        return Err(IngestError::NotATitle {
            line: shorten(&title),
            reason,
        });
    }
    i += 1;

    let mut notes = Vec::new();
    let header = read_header(&lines, i, &mut notes);
    i = header.end;

    let rest = &lines[i..];
    let marker = rest.iter().position(|l| keyword_marker(l).is_some());
    let (body_lines, mut keywords, related_lines) = match marker {
        Some(m) => {
            let inline = keyword_marker(&rest[m]).unwrap_or_default();
            let after = &rest[m + 1..];
            let related_at = first_doubled_line(after).unwrap_or(after.len());
            let mut keywords = split_keywords(inline);
            keywords.extend(keyword_lines(&after[..related_at]));
            (&rest[..m], keywords, &after[related_at..])
        }
        None => {
            let related_at = first_doubled_line(rest).unwrap_or(rest.len());
            (&rest[..related_at], Vec::new(), &rest[related_at..])
        }
    };
    dedup_keywords(&mut keywords);

    let mut blocks = blocks(before_furniture(body_lines));
    trim_interface_lines(&mut blocks);
    let author = take_author(&mut blocks);
    let paragraphs = classify(blocks);
    if !paragraphs.iter().any(|p| reads_as_prose(&p.text)) {
        return Err(IngestError::NoBody {
            title: shorten(&title),
        });
    }

    Ok((
        NewArticle {
            title,
            published: header.published,
            date_text: header.date_text,
            views: header.views,
            author,
            paragraphs,
            keywords: keywords
                .into_iter()
                .map(|name| Keyword {
                    name,
                    source: KeywordSource::Page,
                })
                .collect(),
            related: parse_related(related_lines),
            ..NewArticle::default()
        },
        notes,
    ))
}

/// The lines after the title: a date line and a views line, in either
/// order.
struct Header {
    published: Option<DateTime<FixedOffset>>,
    date_text: Option<String>,
    views: Option<i64>,
    /// The index of the line after them.
    end: usize,
}

/// Read the header from line `i` on. A date line whose date does not exist
/// (31.02), or a line that stands where the date line does but is no date
/// docbao reads, is kept as the page's date line, not as the article's
/// date, and said in `notes` by its line; the views line under it is read
/// all the same.
fn read_header(lines: &[String], mut i: usize, notes: &mut Vec<PageNote>) -> Header {
    let mut h = Header {
        published: None,
        date_text: None,
        views: None,
        end: i,
    };
    for _ in 0..2 {
        let j = skip_blank(lines, i);
        let Some(line) = lines.get(j) else { break };
        let undated = |why: String| PageNote {
            line: j + 1,
            message: format!(
                "\"{line}\" {why}: kept as the page's date line, the article left undated"
            ),
        };
        let date = match h.date_text {
            None => read_date_line(line),
            Some(_) => DateLine::NotADate,
        };
        match date {
            DateLine::Date(date) => {
                h.published = Some(date);
                h.date_text = Some(line.clone());
            }
            DateLine::Impossible(why) => {
                notes.push(undated(format!("is not a real date ({why})")));
                h.date_text = Some(line.clone());
            }
            DateLine::NotADate => {
                if h.views.is_none()
                    && let Some(n) = parse_views(line)
                {
                    h.views = Some(n);
                } else if h.date_text.is_none()
                    && h.views.is_none()
                    && stands_as_date_line(lines, j)
                {
                    notes.push(undated(
                        "stands where the date line does but is not a date docbao reads"
                            .to_string(),
                    ));
                    h.date_text = Some(line.clone());
                } else {
                    break;
                }
            }
        }
        i = j + 1;
    }
    h.end = i;
    h
}

/// Whether line `j`, right after the title, is the page's date line in a
/// form docbao does not read: a short line, no sentence, with the views
/// line under it, or a whole date in it among few words ("Thứ Sáu,
/// 05/03/2021 - 08:12 - Theo TTXVN"; not "Chiều 5/3/2021, các đồng chí
/// họp").
fn stands_as_date_line(lines: &[String], j: usize) -> bool {
    let line = &lines[j];
    if line.chars().count() > 80 || ends_closed(line) || strip_bullet(line).is_some() {
        return false;
    }
    if lines
        .get(skip_blank(lines, j + 1))
        .is_some_and(|next| parse_views(next).is_some())
    {
        return true;
    }
    let words = line
        .split(' ')
        .filter(|w| w.chars().any(char::is_alphabetic) && !w.chars().any(|c| c.is_ascii_digit()))
        .count();
    words <= 4 && holds_a_date(line)
}

/// Why the first line is not an article title, if it is not: it holds an
/// identifier (a commit or checksum: `commit 3f2a9c1…`), or it has no word.
/// Length is no test: 384 of the 2,653 Dân trí titles are over 300
/// characters (a question and its context, written as the title).
fn title_problem(title: &str) -> Option<String> {
    if let Some(id) = title.split_whitespace().find(|w| is_identifier(w)) {
        return Some(format!(
            "it holds the identifier \"{}\" (a commit log or a checksum list?)",
            shorten(id)
        ));
    }
    if !title
        .split_whitespace()
        .any(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
    {
        return Some("it has no word in it".to_string());
    }
    None
}

/// A hexadecimal identifier: a commit hash, a checksum (7 or more hex
/// digits, with both digits and letters).
fn is_identifier(word: &str) -> bool {
    let w = word.trim_matches(|c: char| !c.is_ascii_alphanumeric());
    w.len() >= 7
        && w.chars().all(|c| c.is_ascii_hexdigit())
        && w.chars().any(|c| c.is_ascii_digit())
        && w.chars().any(|c| c.is_ascii_alphabetic())
}

/// A paragraph that says something: at least [`BODY_MIN_LETTERS`] letters
/// (of any script).
fn reads_as_prose(text: &str) -> bool {
    text.chars().filter(|c| c.is_alphabetic()).count() >= BODY_MIN_LETTERS
}

/// A line quoted in an error message, cut to 80 characters.
fn shorten(line: &str) -> String {
    if line.chars().count() <= 80 {
        return line.to_string();
    }
    let mut s: String = line.chars().take(79).collect();
    s.push('…');
    s
}

fn skip_blank(lines: &[String], mut i: usize) -> usize {
    while lines.get(i).is_some_and(|l| l.is_empty()) {
        i += 1;
    }
    i
}

/// `279 lượt xem`, `1.234 lượt xem`, `Lượt xem: 1.234`.
fn parse_views(line: &str) -> Option<i64> {
    let folded = fold(line);
    let number = folded
        .strip_suffix("luot xem")
        .or_else(|| folded.strip_prefix("luot xem"))?
        .trim()
        .trim_start_matches(':')
        .trim();
    if number.is_empty()
        || !number
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | ' '))
    {
        return None;
    }
    let digits: String = number.chars().filter(char::is_ascii_digit).collect();
    digits.parse().ok()
}

const BULLETS: &[char] = &['•', '·', '▪', '◦', '►', '▶', '-', '*', '+', '–', '—'];

fn strip_bullet(line: &str) -> Option<&str> {
    let rest = line.strip_prefix(BULLETS)?;
    Some(rest.trim_start())
}

/// A keyword marker line: optional bullet, then "Từ khóa" (any spelling),
/// "Tags" or "Tag", then optionally a colon and the keywords. Returns what
/// follows the marker (empty when nothing does).
fn keyword_marker(line: &str) -> Option<&str> {
    if line.is_empty() || line.chars().count() > 400 {
        return None;
    }
    let body = strip_bullet(line).unwrap_or(line);
    let head_end = body.find(':').unwrap_or(body.len());
    let head = fold(&body[..head_end]);
    let head = head.trim();
    if !matches!(
        head,
        "tu khoa" | "tags" | "tag" | "keywords" | "tu khoa lien quan"
    ) {
        return None;
    }
    Some(body[head_end..].trim_start_matches(':').trim())
}

fn split_keywords(s: &str) -> Vec<String> {
    s.split([',', ';', '|'])
        .map(clean)
        .filter(|k| !k.is_empty())
        .collect()
}

/// Keyword lines after the marker: bullet lines, or short plain lines, until
/// a blank line ends a run or a line looks like prose.
fn keyword_lines(lines: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    let mut started = false;
    for line in lines {
        if line.is_empty() {
            if started {
                break;
            }
            continue;
        }
        let item = match strip_bullet(line) {
            Some(item) => item,
            None if line.split(' ').count() <= 8 && !ends_closed(line) => line.as_str(),
            None => break,
        };
        started = true;
        out.extend(split_keywords(item));
    }
    out
}

fn dedup_keywords(keywords: &mut Vec<String>) {
    let mut seen = std::collections::HashSet::new();
    keywords.retain(|k| seen.insert(k.to_lowercase()));
}

/// Index of the first non-blank line that the next line repeats.
fn first_doubled_line(lines: &[String]) -> Option<usize> {
    lines
        .windows(2)
        .position(|w| !w[0].is_empty() && w[0] == w[1])
}

fn is_related_heading(line: &str) -> bool {
    let f = fold(line);
    let f = f.trim_end_matches(':').trim();
    matches!(
        f,
        "tin lien quan"
            | "bai lien quan"
            | "tin khac"
            | "xem them"
            | "doc them"
            | "tin cung chuyen muc"
    )
}

/// Comment and login labels, folded, a count aside ("Bình luận (2)", "0
/// bình luận", "Đăng nhập để bình luận"): the page's comments start there,
/// and the article has ended.
const COMMENT_LABELS: &[&str] = &[
    "binh luan",
    "y kien ban doc",
    "gui binh luan",
    "viet binh luan",
    "dang nhap de binh luan",
    "dang nhap de gui binh luan",
    "dang nhap",
    "dang nhap/dang ky",
    "dang nhap | dang ky",
];

/// Other lines of a page's interface, folded: sharing, printing, going
/// back, reading on. Never an author; at the end of the body, dropped.
const INTERFACE_LINES: &[&str] = &[
    "chia se",
    "chia se bai viet",
    "facebook",
    "zalo",
    "twitter",
    "email",
    "in bai",
    "ban in",
    "gui bai",
    "theo doi",
    "quay lai",
    "ve trang chu",
    "len dau trang",
    "xem them",
    "doc tiep",
    "bao loi",
    "copy link",
    "sao chep lien ket",
    "thich",
    "luu bai",
    "dang ky",
];

/// A line folded, without a count before or after it and the brackets and
/// colon around it: "Bình luận (2)" and "0 bình luận" are "binh luan".
fn interface_key(line: &str) -> String {
    fold(line)
        .trim_matches(|c: char| {
            c.is_ascii_digit() || c.is_whitespace() || matches!(c, '(' | ')' | '[' | ']' | ':')
        })
        .to_string()
}

fn is_comment_label(line: &str) -> bool {
    line.chars().count() <= 40 && COMMENT_LABELS.contains(&interface_key(line).as_str())
}

/// A line of the page's interface: a comment or login label, a related
/// heading, a sharing button and the like.
fn is_interface_line(line: &str) -> bool {
    line.chars().count() <= 40
        && (is_comment_label(line)
            || is_related_heading(line)
            || INTERFACE_LINES.contains(&interface_key(line).as_str()))
}

/// The body's lines before the page's furniture: up to a comment or login
/// label ("Bình luận (2)", "Đăng nhập để bình luận"), or a related heading
/// ("Tin liên quan") that only titles follow (to the next such label or
/// the end). A related box inside the article, with its prose after it,
/// is left as it is: nothing of the article is lost to it. Related stories
/// in the sample page's layout (a title written twice) are read apart,
/// from where they start; titles written once are dropped here.
fn before_furniture(lines: &[String]) -> &[String] {
    for (n, line) in lines.iter().enumerate() {
        if is_comment_label(line) || (is_related_heading(line) && only_titles(&lines[n + 1..])) {
            return &lines[..n];
        }
    }
    lines
}

/// Whether `lines`, up to a comment label or their end, are titles only:
/// blocks of one line that does not end as a paragraph of the article
/// does (with a period, a colon or a semicolon).
fn only_titles(lines: &[String]) -> bool {
    let end = lines
        .iter()
        .position(|l| is_comment_label(l))
        .unwrap_or(lines.len());
    blocks(&lines[..end])
        .iter()
        .all(|b| b.len() == 1 && !b[0].ends_with(['.', ':', ';']) && b[0].chars().count() <= 400)
}

/// Drop the lines of the page's interface that end the body ("Chia sẻ",
/// "Facebook", "Zalo").
fn trim_interface_lines(blocks: &mut Vec<Vec<String>>) {
    while let Some(last) = blocks.last_mut() {
        if last.last().is_some_and(|l| is_interface_line(l)) {
            last.pop();
            if last.is_empty() {
                blocks.pop();
            }
        } else {
            break;
        }
    }
}

/// Runs of non-blank lines.
fn blocks(lines: &[String]) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = Vec::new();
    let mut current = Vec::new();
    for line in lines {
        if line.is_empty() {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
        } else {
            current.push(line.clone());
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// Ends in closing punctuation: a finished sentence, not a caption or a name.
/// Chinese and Japanese end theirs with full-width signs ("…見られた。",
/// "…扶持政策。"): without them, a page's last sentence was taken for its
/// author and its first for a caption (an independent review's find).
fn ends_closed(s: &str) -> bool {
    s.ends_with([
        '.', '!', '?', '…', '”', '"', ':', ';', '。', '．', '！', '？', '：', '；', '」', '』',
    ])
}

fn is_author_line(s: &str) -> bool {
    !s.is_empty()
        && s.chars().count() <= AUTHOR_MAX_CHARS
        && s.split(' ').count() <= AUTHOR_MAX_WORDS
        && !ends_closed(s)
        && strip_bullet(s).is_none()
        && !is_interface_line(s)
}

/// Take the author off the end of the body: the last block if it is one
/// short line, or the last line of the last block if the line before it ends
/// a sentence. Never the only paragraph.
fn take_author(blocks: &mut Vec<Vec<String>>) -> Option<String> {
    let last = blocks.last_mut()?;
    let candidate = last.last()?;
    if !is_author_line(candidate) {
        return None;
    }
    if last.len() == 1 {
        if blocks.len() < 2 {
            return None;
        }
        return blocks.pop().and_then(|mut b| b.pop());
    }
    if ends_closed(&last[last.len() - 2]) {
        return last.pop();
    }
    None
}

fn classify(blocks: Vec<Vec<String>>) -> Vec<Paragraph> {
    let count = blocks.len();
    blocks
        .into_iter()
        .enumerate()
        .map(|(n, lines)| {
            let text = lines.join(" ");
            let kind = if n + 1 < count && is_caption(&text) {
                ParagraphKind::Caption
            } else {
                ParagraphKind::Text
            };
            Paragraph::new(kind, text)
        })
        .collect()
}

fn is_caption(text: &str) -> bool {
    text.chars().count() <= CAPTION_MAX_CHARS
        && text.split(' ').count() <= CAPTION_MAX_WORDS
        && !ends_closed(text)
        && strip_bullet(text).is_none()
}

/// Related stories: a title line written twice, then (after a blank line) an
/// excerpt paragraph. Lines that fit no story are skipped.
fn parse_related(lines: &[String]) -> Vec<NewRelated> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if lines[i].is_empty() || lines.get(i + 1) != Some(&lines[i]) {
            i += 1;
            continue;
        }
        let title = lines[i].clone();
        i = skip_blank(lines, i + 2);
        let mut excerpt = Vec::new();
        while i < lines.len() && !lines[i].is_empty() && lines.get(i + 1) != Some(&lines[i]) {
            excerpt.push(lines[i].as_str());
            i += 1;
        }
        let excerpt = (!excerpt.is_empty()).then(|| excerpt.join(" "));
        out.push(NewRelated {
            title,
            url: None,
            excerpt,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn views_forms() {
        assert_eq!(parse_views("279 lượt xem"), Some(279));
        assert_eq!(parse_views("1.234 lượt xem"), Some(1234));
        assert_eq!(parse_views("1,234,567 Lượt xem"), Some(1_234_567));
        assert_eq!(parse_views("Lượt xem: 42"), Some(42));
        assert_eq!(parse_views("nhiều lượt xem"), None);
        assert_eq!(parse_views("lượt xem"), None);
    }

    #[test]
    fn keyword_marker_spellings() {
        assert_eq!(keyword_marker("• Từ khóa"), Some(""));
        assert_eq!(keyword_marker("Từ khoá:"), Some(""));
        assert_eq!(keyword_marker("TỪ KHÓA: a, b"), Some("a, b"));
        assert_eq!(keyword_marker("- Tags: x"), Some("x"));
        assert_eq!(keyword_marker("* tu khoa"), Some(""));
        assert_eq!(keyword_marker("Từ khóa của năm là đoàn kết"), None);
        assert_eq!(keyword_marker("Từ khóa lúc đó: đoàn kết"), None);
    }

    #[test]
    fn interface_lines() {
        for s in [
            "Bình luận (2)",
            "0 bình luận",
            "Đăng nhập để bình luận",
            "BÌNH LUẬN:",
        ] {
            assert!(is_comment_label(s), "{s}");
        }
        for s in [
            "Chia sẻ",
            "Zalo",
            "Tin liên quan",
            "Xem thêm:",
            "Bình luận (12)",
        ] {
            assert!(is_interface_line(s) && !is_author_line(s), "{s}");
        }
        for s in [
            "Bình luận viên Quang Huy",
            "Trả lời:",
            "Nguyễn Minh",
            "Ý kiến",
        ] {
            assert!(!is_interface_line(s), "{s}");
        }
    }

    #[test]
    fn captions_and_authors() {
        assert!(is_caption("Hội nghị ký kết kế hoạch (Ảnh: TTXVN)"));
        assert!(!is_caption("Một câu văn kết thúc bằng dấu chấm."));
        assert!(!is_caption("Ông nói: “Đây là câu trích dẫn”"));
        assert!(!is_caption("- mục danh sách"));
        assert!(!is_caption(&"chữ ".repeat(60)));
        assert!(is_author_line("Cao Biền"));
        assert!(is_author_line("Minh Anh (TTXVN)"));
        assert!(!is_author_line("Theo báo cáo của Ban chỉ đạo tỉnh năm nay"));
        assert!(!is_author_line("Hết."));
        // Chinese and Japanese sentences end closed too.
        assert!(!is_author_line("上海、深圳、杭州等城市纷纷出台扶持政策。"));
        assert!(!is_caption("気象庁によると、東京都心の桜が満開になった。"));
        assert!(!is_caption("花見客の一人は「とてもきれいで感動しました」"));
        assert!(is_author_line("山田太郎"));
    }
}
