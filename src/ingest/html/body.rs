//! The extracted article's HTML walked into paragraphs with their kinds.

use super::*;
use crate::model::ROW_SEPARATOR;
use crate::text::links::place_links;

/// The paragraphs of an HTML fragment as a feed carries an item's text
/// (RSS `content:encoded`, Atom `<content>`, JSON Feed `content_html`), walked
/// as an article's body is: headings, quotes and list items their own
/// paragraphs, `<br>` a break, images left out. `base` (the item's address)
/// resolves its links.
pub fn fragment_paragraphs(html: &str, base: Option<&str>) -> Vec<Paragraph> {
    let base = Base(base.and_then(absolute));
    body_paragraphs(html, &HashSet::new(), &base, &mut Vec::new())
}

/// HTML elements feeds put in their titles and summaries, and leave
/// unclosed there. None is the name of an RSS or Atom element: the feed
/// repair ([`crate::ingest::feed`]) takes them for HTML, a title's `<…>`
/// of any other name is text (`Giá vàng <tăng> mạnh`, written
/// `&lt;tăng&gt;` in the feed).
pub(crate) const FEED_HTML_TAGS: &[&str] = &[
    "a",
    "abbr",
    "b",
    "big",
    "blockquote",
    "br",
    "center",
    "cite",
    "code",
    "dd",
    "del",
    "div",
    "dl",
    "dt",
    "em",
    "font",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "ins",
    "kbd",
    "li",
    "mark",
    "ol",
    "p",
    "pre",
    "q",
    "s",
    "small",
    "span",
    "strike",
    "strong",
    "sub",
    "sup",
    "table",
    "td",
    "th",
    "time",
    "tr",
    "tt",
    "u",
    "ul",
    "wbr",
];

/// A title as [`fragment_text`] reads it, a `<` that opens no element of
/// [`FEED_HTML_TAGS`] kept as text: an RSS title is text, and the tags some
/// feeds put in one anyway are those.
pub fn title_text(title: &str) -> String {
    if !title.contains('<') {
        return fragment_text(title);
    }
    let mut escaped = String::with_capacity(title.len() + 8);
    for (i, piece) in title.split('<').enumerate() {
        if i > 0 {
            let name: String = piece
                .trim_start_matches('/')
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect::<String>()
                .to_ascii_lowercase();
            let rest = piece.trim_start_matches('/')[name.len()..].chars().next();
            let tag = FEED_HTML_TAGS.contains(&name.as_str())
                && rest.is_none_or(|c| c == '>' || c == '/' || c.is_whitespace());
            escaped.push_str(if tag { "<" } else { "&lt;" });
        }
        escaped.push_str(piece);
    }
    fragment_text(&escaped)
}

/// An HTML fragment (a feed's title or summary) as one line of text: each
/// block and line break a space, so that `Dòng một<br>Dòng hai` does not read
/// "Dòng mộtDòng hai"; inline tags add nothing (`giảm <b>500</b> đồng`).
pub fn fragment_text(html: &str) -> String {
    let doc = Document::fragment(html);
    let mut w = Walker::default();
    w.walk(&doc.root(), ParagraphKind::Text);
    w.flush();
    let parts: Vec<String> = w
        .blocks
        .iter()
        .map(|b| clean(&b.text))
        .filter(|t| !t.is_empty())
        .collect();
    parts.join(" ")
}

/// Walk the extracted article's HTML into paragraphs.
pub(super) fn body_paragraphs(
    content: &str,
    captions: &HashSet<String>,
    base: &Base,
    related: &mut Vec<NewRelated>,
) -> Vec<Paragraph> {
    let doc = Document::fragment(content);
    let mut w = Walker::default();
    w.walk(&doc.root(), ParagraphKind::Text);
    w.flush();
    let mut out: Vec<Paragraph> = Vec::new();
    let mut arrows = Vec::new();
    for b in w.blocks {
        let text = match b.kind {
            ParagraphKind::Code => crate::text::clean_code_line(&b.text),
            _ => clean(&b.text),
        };
        if text.is_empty() {
            continue;
        }
        if is_furniture_heading(&text) && text.chars().count() <= 40 {
            break;
        }
        // ">> Other story" lines are related stories, not body.
        if b.all_link && is_arrow(&text) {
            let url = b.href.as_deref().and_then(|h| base.resolve(h));
            let title = text.trim_start_matches(['>', '»', '≫', ' ']).to_string();
            if !title.is_empty() {
                arrows.push(NewRelated {
                    title,
                    url,
                    excerpt: None,
                });
            }
            continue;
        }
        let mut kind = b.kind;
        let f = fold(&text);
        if kind == ParagraphKind::Text && captions.contains(&f) {
            kind = ParagraphKind::Caption;
        }
        if kind == ParagraphKind::Text && b.all_bold && looks_like_subheading(&text) {
            kind = ParagraphKind::Heading;
        }
        // The same caption twice (alt text, then the caption line).
        if kind == ParagraphKind::Caption
            && out
                .last()
                .is_some_and(|p| p.kind == ParagraphKind::Caption && fold(&p.text) == f)
        {
            continue;
        }
        // A link's address resolved against the page's; a block that is
        // all one link keeps it too ("Xem thêm: …" lines).
        let resolved: Vec<(&str, String)> = (b.links.iter())
            .filter_map(|(words, href)| Some((words.as_str(), base.resolve(href)?)))
            .collect();
        let links = match kind {
            ParagraphKind::Code => Vec::new(),
            _ => place_links(&text, resolved.iter().map(|(w, u)| (*w, u.as_str()))),
        };
        out.push(Paragraph { kind, text, links });
    }
    related.splice(0..0, arrows);
    out
}

pub(super) fn looks_like_subheading(t: &str) -> bool {
    let n = t.chars().count();
    (4..=120).contains(&n) && !t.ends_with(['.', ':', ',', ';'])
}

/// A signature line: short, no sentence punctuation at the end, every word
/// capitalised (after a credit prefix like "Tin, ảnh:" or "Theo").
pub(super) fn looks_like_signature(t: &str) -> bool {
    let s = strip_credit(t);
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.is_empty()
        || words.len() > 8
        || s.chars().count() > 70
        || s.ends_with(['.', '!', '?', ':', ',']) && !ends_with_initial(&s)
    {
        return false;
    }
    words.iter().all(|w| {
        let w = w.trim_start_matches(['(', '"', '“']);
        matches!(w, "-" | "–" | "&" | "và" | "/" | "theo" | "Theo")
            || w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    })
}

pub(super) fn ends_with_initial(s: &str) -> bool {
    s.split_whitespace()
        .last()
        .is_some_and(|w| w.chars().count() == 2 && w.ends_with('.'))
}

pub(super) fn strip_credit(t: &str) -> String {
    let f = fold(t);
    for prefix in [
        "tin, anh",
        "tin va anh",
        "bai va anh",
        "bai, anh",
        "bai",
        "anh",
        "tin",
        "nhom pv",
        "thuc hien",
    ] {
        if let Some(rest) = f.strip_prefix(prefix) {
            let rest_t = rest.trim_start();
            if let Some(after) = rest_t.strip_prefix(':') {
                // Same byte length in the original? fold may change lengths, so
                // cut by character count instead.
                let skip = f.chars().count() - after.chars().count();
                return clean(&t.chars().skip(skip).collect::<String>());
            }
        }
    }
    t.to_string()
}

#[derive(Default)]
pub(super) struct Block {
    kind: ParagraphKind,
    text: String,
    /// Every non-blank character came from inside a link.
    all_link: bool,
    /// Every non-blank character came from inside `b`/`strong`.
    all_bold: bool,
    href: Option<String>,
    /// Each link's words and `href`, in order.
    links: Vec<(String, String)>,
}

#[derive(Default)]
pub(super) struct Walker {
    blocks: Vec<Block>,
    cur: Block,
    started: bool,
    /// The words of the link being walked (`<a href>`), as they come.
    anchor: Option<String>,
    /// The lists the walk is in, innermost last: the next number of an
    /// `<ol>`, `None` for an `<ul>`.
    lists: Vec<Option<u64>>,
    /// The bullet or number the next block starts with (a list item's).
    marker: Option<String>,
    /// Inside a table read as rows ([`data_table`]).
    table: bool,
    /// Inside one of its rows: the cells met so far.
    cells: Option<usize>,
}

/// The longest cell of a table read row by row, in characters: a table
/// with a longer one is a page's layout (an article in a cell), read as
/// before, a paragraph per block.
const CELL_MAX_CHARS: usize = 300;

/// A table of data, read as rows ("Máy tính cũ │ 1.500.000 đồng │ Mua lại"):
/// no table inside it, a row of two cells or more, no cell longer than
/// [`CELL_MAX_CHARS`]. A table laying out a page or framing a photo and its
/// caption is not one.
fn data_table(table: &NodeRef) -> bool {
    let mut wide_row = false;
    for d in table.descendants_it().filter(|d| d.is_element()) {
        match name_of(&d).as_str() {
            "table" => return false,
            "tr" => {
                let cells = d
                    .children_it(false)
                    .filter(|c| matches!(name_of(c).as_str(), "td" | "th"))
                    .count();
                wide_row |= cells >= 2;
            }
            "td" | "th" if d.text().chars().count() > CELL_MAX_CHARS => return false,
            _ => {}
        }
    }
    wide_row
}

pub(super) const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "li",
    "ul",
    "ol",
    "table",
    "tr",
    "td",
    "th",
    "tbody",
    "thead",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "figure",
    "figcaption",
    "pre",
    "dd",
    "dt",
    "dl",
    "header",
    "footer",
    "aside",
    "center",
    "main",
];

impl Walker {
    fn flush(&mut self) {
        if self.cur.text.trim().is_empty() {
            self.cur = Block::default();
            self.started = false;
            return;
        }
        let b = std::mem::take(&mut self.cur);
        self.blocks.push(b);
        self.started = false;
    }

    fn text(&mut self, s: &str, kind: ParagraphKind, in_link: Option<&str>, bold: bool) {
        if s.trim().is_empty() && !self.started {
            return;
        }
        if !self.started {
            self.cur = Block {
                kind,
                text: self.marker.take().unwrap_or_default(),
                all_link: true,
                all_bold: true,
                ..Block::default()
            };
            self.started = true;
        }
        if !s.trim().is_empty() {
            match in_link {
                Some(h) => {
                    if self.cur.href.is_none() {
                        self.cur.href = Some(h.to_string());
                    }
                }
                None => self.cur.all_link = false,
            }
            if !bold {
                self.cur.all_bold = false;
            }
        }
        self.cur.text.push_str(s);
        if let Some(words) = &mut self.anchor {
            words.push_str(s);
        }
    }

    /// A `<pre>`: a block of code per line, its indentation kept, the
    /// blank lines at its ends left out.
    fn pre(&mut self, pre: &NodeRef) {
        let text = pre.text().replace("\r\n", "\n");
        let lines: Vec<&str> = text.lines().collect();
        let blank = |l: &&str| l.trim().is_empty();
        let from = lines.iter().position(|l| !blank(l)).unwrap_or(lines.len());
        let to = lines
            .iter()
            .rposition(|l| !blank(l))
            .map_or(from, |i| i + 1);
        for line in &lines[from..to] {
            self.blocks.push(Block {
                kind: ParagraphKind::Code,
                text: (*line).to_string(),
                all_link: false,
                all_bold: false,
                ..Block::default()
            });
        }
    }

    fn walk(&mut self, n: &NodeRef, kind: ParagraphKind) {
        self.walk_in(n, kind, None, false);
    }

    fn walk_in(&mut self, n: &NodeRef, kind: ParagraphKind, link: Option<&str>, bold: bool) {
        for c in n.children_it(false) {
            if c.is_text() {
                self.text(&c.text(), kind, link, bold);
                continue;
            }
            if !c.is_element() {
                continue;
            }
            let nm = name_of(&c);
            // Inside a table's row a cell's blocks and breaks are spaces:
            // the row is one paragraph.
            if self.cells.is_some() {
                match nm.as_str() {
                    "td" | "th" => {
                        let n = self.cells.unwrap_or(0);
                        if n > 0 {
                            self.text(ROW_SEPARATOR, ParagraphKind::Row, None, bold);
                        }
                        self.cells = Some(n + 1);
                        self.walk_in(&c, ParagraphKind::Row, link, bold);
                        continue;
                    }
                    "br" => {
                        self.text(" ", ParagraphKind::Row, link, bold);
                        continue;
                    }
                    other if BLOCKS.contains(&other) => {
                        self.text(" ", ParagraphKind::Row, link, bold);
                        self.walk_in(&c, ParagraphKind::Row, link, bold);
                        self.text(" ", ParagraphKind::Row, link, bold);
                        continue;
                    }
                    _ => {}
                }
            }
            match nm.as_str() {
                "br" => self.flush(),
                "pre" => {
                    self.flush();
                    self.pre(&c);
                }
                "ul" | "ol" | "menu" => {
                    let start = c.attr("start").and_then(|s| s.trim().parse::<u64>().ok());
                    self.lists.push((nm == "ol").then(|| start.unwrap_or(1)));
                    self.flush();
                    self.walk_in(&c, kind, link, bold);
                    self.flush();
                    self.lists.pop();
                }
                "li" => {
                    self.flush();
                    // A list inside a list's item: its bullets hollow.
                    let nested = self.lists.len() > 1;
                    self.marker = Some(match self.lists.last_mut() {
                        Some(Some(n)) => {
                            let marker = format!("{n}. ");
                            *n += 1;
                            marker
                        }
                        _ if nested => "◦ ".to_string(),
                        _ => "• ".to_string(),
                    });
                    self.walk_in(&c, ParagraphKind::Item, link, bold);
                    self.flush();
                    self.marker = None;
                }
                "table" if !self.table && data_table(&c) => {
                    self.flush();
                    self.table = true;
                    self.walk_in(&c, kind, link, bold);
                    self.table = false;
                    self.flush();
                }
                "tr" if self.table => {
                    self.flush();
                    self.cells = Some(0);
                    self.walk_in(&c, ParagraphKind::Row, link, bold);
                    self.cells = None;
                    self.flush();
                }
                // An emoji drawn as an image: its letter, in its place.
                "img" => {
                    if let Some(alt) = emoji_alt(&c) {
                        self.text(&alt, kind, link, bold);
                    }
                }
                "script" | "style" | "button" | "input" | "select" | "form" | "svg" => {}
                "a" => {
                    let href = c.attr("href").map(|h| h.to_string());
                    // Its words, if the link stays inside one block (a
                    // link around blocks is no link in the text); a link
                    // inside a link (not valid HTML) is the outer one's.
                    let outer = self.anchor.is_some();
                    let blocks = self.blocks.len();
                    if !outer {
                        self.anchor = Some(String::new());
                    }
                    self.walk_in(&c, kind, href.as_deref().or(Some("")), bold);
                    if !outer
                        && let Some(words) = self.anchor.take()
                        && let Some(href) = href
                        && self.started
                        && self.blocks.len() == blocks
                        && !words.trim().is_empty()
                    {
                        self.cur.links.push((words, href));
                    }
                }
                "b" | "strong" => self.walk_in(&c, kind, link, true),
                _ if BLOCKS.contains(&nm.as_str()) => {
                    let k = match nm.as_str() {
                        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => ParagraphKind::Heading,
                        "blockquote" => ParagraphKind::Quote,
                        "figcaption" => ParagraphKind::Caption,
                        _ => kind,
                    };
                    self.flush();
                    self.walk_in(&c, k, link, bold);
                    self.flush();
                }
                _ => self.walk_in(&c, kind, link, bold),
            }
        }
    }
}
