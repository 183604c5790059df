//! An article as Markdown (`docbao export --format markdown`, and the
//! reader's `|` and `w`), and the file name it is saved under.

use crate::model::{Article, ParagraphKind, ROW_SEPARATOR};
use crate::text::fold::search_fold;
use crate::text::layout::{item_marker, meta_line_zoned};

/// Characters that mean something to Markdown, escaped.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '\\' | '*' | '_' | '[' | ']' | '<' | '>' | '`' | '#') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A paragraph's text escaped, and its start too where Markdown would read
/// it as a list, a rule, a table or a setext underline ("- ", "1. ",
/// "---", "| a |").
fn escape_block(s: &str) -> String {
    let t = escape(s);
    if t.starts_with(['-', '+', '=', '|', '~']) {
        return format!("\\{t}");
    }
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && matches!(t.as_bytes().get(digits), Some(b'.' | b')')) {
        return format!("{}\\{}", &t[..digits], &t[digits..]);
    }
    t
}

/// A link to `url` when it is a web address, written between `<>` with
/// what could end it (`<`, `>`, spaces, controls) percent-encoded; any
/// other scheme (`javascript:`) is no link, only its text.
fn link(url: &str) -> Option<String> {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    if !(lower.starts_with("http://") || lower.starts_with("https://")) {
        return None;
    }
    let mut out = String::with_capacity(url.len() + 2);
    out.push('<');
    for c in url.chars() {
        match c {
            '<' | '>' | ' ' | '\\' => out.push_str(&format!("%{:02X}", c as u32)),
            c if c.is_control() || c.is_whitespace() => {
                let mut buf = [0u8; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("%{b:02X}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push('>');
    Some(out)
}

/// A paragraph's text from byte `from` on, escaped ([`escape_block`] where
/// it starts), its links written as links: `[Bộ Y tế](<https://…>)`.
fn inline(p: &crate::model::Paragraph, from: usize) -> String {
    let text = |at: usize, to: usize| p.text.get(at..to).unwrap_or("");
    let escaped = |at: usize, s: &str| match at == from {
        true => escape_block(s),
        false => escape(s),
    };
    let mut out = String::new();
    let mut at = from;
    for l in &p.links {
        let Some(url) = link(&l.url).filter(|_| l.start >= at) else {
            continue;
        };
        out.push_str(&escaped(at, text(at, l.start)));
        out.push_str(&format!("[{}]({url})", escape(text(l.start, l.end))));
        at = l.end;
    }
    out.push_str(&escaped(at, text(at, p.text.len())));
    out
}

/// The article as Markdown: `# title`, the meta line (date, author, site)
/// in italics with the address, the lead in bold, the paragraphs (headings
/// as `##`, quotes as `>`, captions in italics), the keywords, the related
/// stories as links.
pub fn markdown(a: &Article) -> String {
    let mut out = format!("# {}\n\n", escape_block(&a.title));
    let meta = meta_line_zoned(a);
    let address = a
        .url
        .as_deref()
        .map(|u| link(u).unwrap_or_else(|| escape(u)));
    match (meta.is_empty(), address) {
        (false, Some(url)) => out.push_str(&format!("*{}* · {url}\n\n", escape(&meta))),
        (false, None) => out.push_str(&format!("*{}*\n\n", escape(&meta))),
        (true, Some(url)) => out.push_str(&format!("{url}\n\n")),
        (true, None) => {}
    }
    if let Some(lead) = &a.lead {
        out.push_str(&format!("**{}**\n\n", escape(lead)));
    }
    for (i, p) in a.paragraphs.iter().enumerate() {
        // The first and last of a run of items, rows or lines of code.
        let kind_at = |k: usize| a.paragraphs.get(k).map(|p| p.kind);
        let first = i == 0 || kind_at(i - 1) != Some(p.kind);
        let last = kind_at(i + 1) != Some(p.kind);
        let end = if last { "\n\n" } else { "\n" };
        match p.kind {
            ParagraphKind::Text => out.push_str(&format!("{}\n\n", inline(p, 0))),
            ParagraphKind::Caption => out.push_str(&format!("*{}*\n\n", inline(p, 0))),
            ParagraphKind::Heading => out.push_str(&format!("## {}\n\n", inline(p, 0))),
            ParagraphKind::Quote => out.push_str(&format!("> {}\n\n", inline(p, 0))),
            ParagraphKind::Item => {
                let marker = item_marker(&p.text);
                let rest = inline(p, marker.len());
                let marker = match marker.trim_end() {
                    "" => "-",
                    m if m.ends_with(['.', ')']) => m,
                    _ => "-",
                };
                out.push_str(&format!("{marker} {rest}{end}"));
            }
            ParagraphKind::Row => {
                let cells: Vec<String> = p
                    .text
                    .split(ROW_SEPARATOR.trim())
                    .map(|c| escape(c.trim()).replace('|', "\\|"))
                    .collect();
                out.push_str(&format!("| {} |\n", cells.join(" | ")));
                // The first row heads the table (Markdown has no table
                // without one).
                if first {
                    out.push_str(&format!("|{}\n", " --- |".repeat(cells.len())));
                }
                if last {
                    out.push('\n');
                }
            }
            ParagraphKind::Code => {
                let code = |p: &&crate::model::Paragraph| p.kind == ParagraphKind::Code;
                let fence = if a
                    .paragraphs
                    .iter()
                    .filter(code)
                    .any(|p| p.text.contains("```"))
                {
                    "~~~~"
                } else {
                    "```"
                };
                if first {
                    out.push_str(fence);
                    out.push('\n');
                }
                out.push_str(&p.text);
                out.push('\n');
                if last {
                    out.push_str(fence);
                    out.push_str("\n\n");
                }
            }
        }
    }
    if !a.keywords.is_empty() {
        let names: Vec<String> = a.keywords.iter().map(|k| escape(&k.name)).collect();
        out.push_str(&format!("Keywords: {}\n\n", names.join(", ")));
    }
    if !a.related.is_empty() {
        out.push_str("## Related stories\n\n");
        for r in &a.related {
            let title = escape(&r.title);
            match r.url.as_deref().map(|u| (link(u), u)) {
                Some((Some(link), _)) => out.push_str(&format!("- [{title}]({link})")),
                Some((None, u)) => out.push_str(&format!("- {title} ({})", escape(u))),
                None => out.push_str(&format!("- {title}")),
            }
            match &r.excerpt {
                Some(e) => out.push_str(&format!(" — {}\n", escape(e))),
                None => out.push('\n'),
            }
        }
    }
    // One newline at the end, not two.
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out.push('\n');
    out
}

/// The longest slug, in characters (bytes: it is ASCII).
pub const SLUG_MAX: usize = 60;

/// A file-name slug: marks folded (`đ` → `d`), lowercase ASCII letters and
/// digits, words joined by `-`, at most [`SLUG_MAX`] characters, cut at a
/// dash when it can be. "Đà Nẵng mưa lớn" → `da-nang-mua-lon`. Empty when
/// nothing is left (a title in another script).
pub fn slug(title: &str) -> String {
    let folded = search_fold(title);
    let mut out = String::new();
    for word in folded.split(|c: char| !c.is_ascii_alphanumeric()) {
        if word.is_empty() {
            continue;
        }
        let sep = usize::from(!out.is_empty());
        if out.len() + sep + word.len() > SLUG_MAX {
            if out.is_empty() {
                out.push_str(&word[..SLUG_MAX]);
            }
            break;
        }
        if sep == 1 {
            out.push('-');
        }
        out.push_str(word);
    }
    out
}

/// The file an article is written to by default: `DIR/DATE-SLUG.md`, the
/// date of the article (`YYYY-MM-DD`) when it has one; `article-ID` when
/// the title leaves no slug.
pub fn file_name(a: &Article) -> String {
    let mut s = slug(&a.title);
    if s.is_empty() {
        s = format!("article-{}", a.id.0);
    }
    match a.published_time() {
        Some(t) => format!("{}-{s}.md", t.format("%Y-%m-%d")),
        None => format!("{s}.md"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn da_nang() -> Article {
        use crate::model::{ArticleId, Paragraph};
        Article {
            id: ArticleId(7),
            url: Some("https://vnexpress.net/da-nang-mua-lon-1.html".into()),
            title: "Đà Nẵng mưa lớn #1".into(),
            published: Some("2023-11-02T19:20:00+07:00".into()),
            date_text: None,
            author: None,
            views: None,
            site: Some("vnexpress.net".into()),
            lead: Some("Mưa lớn kéo dài.".into()),
            paragraphs: vec![
                Paragraph::text("Nước dâng *cao*."),
                Paragraph {
                    kind: ParagraphKind::Heading,
                    text: "Sơ tán".into(),
                    links: Vec::new(),
                },
                Paragraph {
                    kind: ParagraphKind::Quote,
                    text: "Chúng tôi đã sẵn sàng".into(),
                    links: Vec::new(),
                },
                Paragraph::caption("Đường phố ngập nước"),
            ],
            keywords: vec![],
            related: vec![],
            bookmarked: false,
            read: false,
            feeds: vec![],
            position: crate::model::Position::default(),
            content_hash: 0,
        }
    }

    #[test]
    fn every_kind_of_paragraph_has_its_markdown() {
        let a = da_nang();
        assert_eq!(
            markdown(&a),
            "# Đà Nẵng mưa lớn \\#1\n\n\
             *02/11/2023 19:20 +07:00 · vnexpress.net* · <https://vnexpress.net/da-nang-mua-lon-1.html>\n\n\
             **Mưa lớn kéo dài.**\n\n\
             Nước dâng \\*cao\\*.\n\n\
             ## Sơ tán\n\n\
             > Chúng tôi đã sẵn sàng\n\n\
             *Đường phố ngập nước*\n"
        );
        assert_eq!(file_name(&a), "2023-11-02-da-nang-mua-lon-1.md");
        let untitled = Article {
            title: "越南".into(),
            published: None,
            ..a
        };
        assert_eq!(file_name(&untitled), "article-7.md");
    }

    /// Text that would start a list, a rule or a table stays text; only
    /// web addresses are links, written so that `>` or a space cannot end
    /// them (`o` refuses the other schemes too).
    #[test]
    fn paragraphs_stay_paragraphs_and_only_web_addresses_are_links() {
        use crate::model::{Paragraph, Related, RelatedSource};
        let related = |title: &str, url: &str| Related {
            title: title.into(),
            url: Some(url.into()),
            excerpt: None,
            article_id: None,
            source: RelatedSource::Page,
        };
        let paragraphs = [
            "- gạch đầu dòng",
            "1. số thứ tự",
            "---",
            "+ cộng",
            "= bằng",
            "| bảng |",
            "2024) năm",
        ];
        let a = Article {
            url: Some("javascript:alert(1)".into()),
            title: "- Tin".into(),
            published: None,
            site: None,
            lead: None,
            paragraphs: paragraphs.into_iter().map(Paragraph::text).collect(),
            related: vec![
                related("Hay", "https://x.vn/a b>c"),
                related("Độc", "javascript:alert(2)"),
            ],
            ..da_nang()
        };
        assert_eq!(
            markdown(&a),
            "# \\- Tin\n\n\
             javascript:alert(1)\n\n\
             \\- gạch đầu dòng\n\n\
             1\\. số thứ tự\n\n\
             \\---\n\n\
             \\+ cộng\n\n\
             \\= bằng\n\n\
             \\| bảng |\n\n\
             2024\\) năm\n\n\
             ## Related stories\n\n\
             - [Hay](<https://x.vn/a%20b%3Ec>)\n\
             - Độc (javascript:alert(2))\n"
        );
    }

    #[test]
    fn slugs_fold_marks_and_keep_words_apart() {
        assert_eq!(slug("Đà Nẵng mưa lớn"), "da-nang-mua-lon");
        assert_eq!(
            slug("Hà Nội: Thanh niên 20 tuổi... (ảnh)"),
            "ha-noi-thanh-nien-20-tuoi-anh"
        );
        assert_eq!(slug("  --ĐẢNG--  "), "dang");
        assert_eq!(slug("越南"), "");
        let long = slug(
            "Ký kết chương trình phối hợp về công tác dân vận giữa Ban Cán sự Đảng UBND tỉnh và Ban Dân vận Tỉnh ủy",
        );
        assert_eq!(
            long,
            "ky-ket-chuong-trinh-phoi-hop-ve-cong-tac-dan-van-giua-ban"
        );
        assert!(long.len() <= SLUG_MAX);
        assert_eq!(slug(&"a".repeat(100)).len(), SLUG_MAX);
    }
}
