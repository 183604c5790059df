//! The blocks around an article: tag lists, related stories, captions.

use super::*;

/// "Các tin bài khác", "Xem tiếp": links to lists, not stories.
pub(super) fn is_nav_text(t: &str) -> bool {
    let f = fold(t);
    [
        "tin khac",
        "tin bai khac",
        "xem them",
        "xem tiep",
        "tro ve",
        "ve dau trang",
    ]
    .iter()
    .any(|k| f.contains(k))
}

/// Headings that start the page's furniture under the article.
pub(super) fn is_furniture_heading(t: &str) -> bool {
    let f = fold(t);
    let f = f.trim_end_matches([':', ' ']);
    RELATED_MARKERS.contains(&f)
        || OTHER_MARKERS.contains(&f)
        || [
            "tin tuc gan day",
            "tin moi nhat",
            "tin noi bat",
            "doc nhieu nhat",
            "xem theo ngay thang",
            "binh luan",
            "y kien ban doc",
        ]
        .contains(&f)
}

pub(super) fn is_arrow(t: &str) -> bool {
    t.starts_with(">>") || t.starts_with('»') || t.starts_with('≫') || t.starts_with("> ")
}

/// Keywords from the first "Từ khóa" / "Tags" block: an element whose class
/// or id names tags or keywords, or that starts with such a label.
pub(super) fn tag_block_keywords(doc: &Document, base: &Base) -> Vec<String> {
    let mut out = Vec::new();
    let mut block: Option<NodeRef> = None;
    for n in doc.select("body *").nodes() {
        let ci = class_id(n);
        let by_class = ci
            .split(|c: char| !c.is_ascii_alphanumeric())
            .any(|w| w.starts_with("tag") || w.contains("keyword") || w.contains("tukhoa"))
            && !ci.contains("tagservice");
        let label = fold(&n.immediate_text());
        let label = label.trim().trim_end_matches(':').trim();
        let by_label = matches!(
            label,
            "tu khoa" | "tags" | "tag" | "xem them chu de" | "chu de"
        );
        if !(by_class || by_label) {
            continue;
        }
        let scope = if by_label && !by_class {
            match n.parent() {
                Some(p) => p,
                None => continue,
            }
        } else {
            *n
        };
        let links: Vec<NodeRef> = scope
            .descendants_it()
            .filter(|d| name_of(d) == "a" && d.attr("href").is_some_and(|h| !base.is_external(&h)))
            .collect();
        if links.is_empty() || links.len() > MAX_KEYWORDS || !is_link_block(&scope, &TAG_BLOCK) {
            continue;
        }
        for a in &links {
            let t = node_text(a);
            if !t.is_empty() {
                out.push(t);
            }
        }
        block = Some(scope);
        break;
    }
    if let Some(b) = block {
        b.remove_from_parent();
    }
    out
}

pub(super) fn meta_keywords(meta: &Meta, ld: &JsonLd) -> Vec<String> {
    let tags: Vec<String> = meta.all("article:tag").map(clean).collect();
    if !tags.is_empty() {
        return tags;
    }
    if !ld.keywords.is_empty() && ld.keywords.len() <= 15 {
        return ld.keywords.clone();
    }
    for key in ["news_keywords", "keywords"] {
        let k = meta.get(key).map(split_keywords).unwrap_or_default();
        // A long list is the site's own boilerplate, not the article's.
        if !k.is_empty() && k.len() <= 15 {
            return k;
        }
    }
    Vec::new()
}

pub(super) const RELATED_MARKERS: &[&str] = &[
    "tin lien quan",
    "bai lien quan",
    "tin bai lien quan",
    "cac tin lien quan",
    "related",
    "related news",
    "related stories",
    "doc them",
    "tin cung chu de",
];
pub(super) const OTHER_MARKERS: &[&str] = &[
    "tin khac",
    "cac tin khac",
    "tin cung chuyen muc",
    "tin moi hon",
    "tin cu hon",
];

/// Related stories: blocks labelled "Tin liên quan" (or, when there is none,
/// "Tin khác"), and the ">> Title" links news sites put under the body. The
/// blocks are removed from the page.
pub(super) fn related_blocks(doc: &Document, base: &Base) -> Vec<NewRelated> {
    let mut out = Vec::new();
    for markers in [RELATED_MARKERS, OTHER_MARKERS] {
        let mut blocks = Vec::new();
        for n in doc.select("body *").nodes() {
            let ci = class_id(n);
            let by_class = markers == RELATED_MARKERS
                && ["related", "lienquan", "relate"]
                    .iter()
                    .any(|k| ci.contains(k))
                && !ci.contains("sapo");
            let label = if by_class {
                String::new()
            } else {
                fold(&n.immediate_text())
            };
            let label = label.trim().trim_end_matches([':', ' ']);
            let whole = if by_class || !label.is_empty() {
                String::new()
            } else {
                fold(&node_text(n))
            };
            let whole = whole.trim_end_matches([':', ' ']);
            let labelled =
                markers.contains(&label) || (whole.len() <= 40 && markers.contains(&whole));
            if !(by_class || labelled) {
                continue;
            }
            if blocks
                .iter()
                .any(|b: &NodeRef| n.ancestors_it(None).any(|a| a.id == b.id))
            {
                continue;
            }
            if by_class {
                let links = links_outside(n, n);
                if links.is_empty()
                    || links.len() > 40
                    || node_text(n).chars().count() > 3000
                    || !is_link_block(n, &RELATED_BLOCK)
                {
                    continue;
                }
                for a in links {
                    if let Some(r) = related_item(&a, n, base) {
                        out.push(r);
                    }
                }
                blocks.push(*n);
                continue;
            }
            // Climb to the element that holds the links.
            let mut scope = *n;
            for _ in 0..4 {
                let Some(p) = scope.parent() else { break };
                scope = p;
                let links = links_outside(&scope, n);
                if !links.is_empty() {
                    break;
                }
            }
            let links = links_outside(&scope, n);
            if links.is_empty() || links.len() > 40 || !is_link_block(&scope, &RELATED_BLOCK) {
                continue;
            }
            if blocks.iter().any(|b: &NodeRef| b.id == scope.id) {
                continue;
            }
            for a in links {
                if let Some(r) = related_item(&a, &scope, base) {
                    out.push(r);
                }
            }
            blocks.push(scope);
        }
        for b in &blocks {
            b.remove_from_parent();
        }
        if !out.is_empty() {
            break;
        }
    }
    out
}

/// Take breadcrumbs out of the page (`ul.breadcrumb` of VnExpress: the
/// section names above the headline are navigation, not body): elements
/// whose class or id names a breadcrumb, or marked up as a schema.org
/// `BreadcrumbList` or `aria-label="breadcrumb"`, that are mostly links.
pub(super) fn remove_breadcrumbs(doc: &Document) {
    let mut crumbs: Vec<NodeRef> = Vec::new();
    for n in doc.select("body *").nodes() {
        let marked = class_id(n).contains("breadcrumb")
            || n.attr("itemtype")
                .is_some_and(|t| t.contains("BreadcrumbList"))
            || n.attr("aria-label")
                .is_some_and(|t| t.to_ascii_lowercase().contains("breadcrumb"));
        if marked
            && !crumbs
                .iter()
                .any(|c| n.ancestors_it(None).any(|a| a.id == c.id))
            && is_link_block(n, &TAG_BLOCK)
        {
            crumbs.push(*n);
        }
    }
    for c in &crumbs {
        c.remove_from_parent();
    }
}

/// A tag block holds little text outside its links (a label, separators)…
const TAG_BLOCK: LinkBlock = LinkBlock {
    max_prose: 200,
    excerpt_ratio: 0,
};
/// …a related-story block may add an excerpt to each link (up to three times
/// the length of the link's title).
const RELATED_BLOCK: LinkBlock = LinkBlock {
    max_prose: 1500,
    excerpt_ratio: 3,
};

/// How much text outside its links a block of links may hold.
pub(super) struct LinkBlock {
    /// Never more than this many characters outside links…
    max_prose: usize,
    /// …and, past [`LINK_BLOCK_FREE_PROSE`], at most this many times the
    /// characters inside links.
    excerpt_ratio: usize,
}

/// Text outside links that any block of links may hold (labels, dates).
const LINK_BLOCK_FREE_PROSE: usize = 200;

/// A block of links, not a block that holds the article. Taking a block out
/// of the page is only safe then: a WordPress post carries `tag-…` classes on
/// the element that holds the whole article, and a "Tin liên quan" line
/// inside an article climbs to the article's element. (HTML parsers never
/// nest links, so the links' texts add up without counting twice.)
pub(super) fn is_link_block(scope: &NodeRef, limits: &LinkBlock) -> bool {
    let all = node_text(scope).chars().count();
    let in_links: usize = scope
        .descendants_it()
        .filter(|d| name_of(d) == "a")
        .map(|a| node_text(&a).chars().count())
        .sum();
    let prose = all.saturating_sub(in_links);
    prose <= limits.max_prose && prose <= LINK_BLOCK_FREE_PROSE.max(limits.excerpt_ratio * in_links)
}

pub(super) fn links_outside<'a>(scope: &NodeRef<'a>, label: &NodeRef<'a>) -> Vec<NodeRef<'a>> {
    scope
        .descendants_it()
        .filter(|d| name_of(d) == "a" && d.attr("href").is_some())
        .filter(|d| {
            scope.id == label.id
                || (d.id != label.id && !d.ancestors_it(None).any(|a| a.id == label.id))
        })
        .collect()
}

/// One related story from its link: the title is the link's text (or its
/// title attribute), the excerpt the rest of the list item's text.
pub(super) fn related_item(a: &NodeRef, scope: &NodeRef, base: &Base) -> Option<NewRelated> {
    let href = a.attr("href")?;
    let url = base.resolve(&href)?;
    let mut title = strip_time_suffix(&node_text(a));
    if title.chars().count() < 10 {
        title = a.attr("title").map(|t| clean(&t)).unwrap_or_default();
    }
    let title = title.trim_start_matches(['>', '»', '≫', ' ']).to_string();
    let shouting = title.chars().any(char::is_alphabetic) && !title.chars().any(char::is_lowercase);
    if title.chars().count() < 10 || shouting || is_nav_text(&title) || !url.starts_with("http") {
        return None;
    }
    // The list item (or the scope's child) holding the link.
    let mut item = *a;
    for anc in a.ancestors_it(Some(6)) {
        if anc.id == scope.id {
            break;
        }
        let other_links = anc
            .descendants_it()
            .any(|d| name_of(&d) == "a" && d.attr("href").is_some_and(|h| h.trim() != href.trim()));
        if other_links {
            break;
        }
        item = anc;
        if name_of(&anc) == "li" {
            break;
        }
    }
    let mut excerpt = None;
    if item.id != a.id {
        let full = node_text(&item);
        let mut rest = full.clone();
        for l in item.descendants_it().filter(|d| name_of(d) == "a") {
            let lt = node_text(&l);
            if !lt.is_empty() {
                rest = rest.replacen(&lt, "", 1);
            }
        }
        let rest = clean(strip_time_suffix(&rest).trim_start_matches(['-', '–', ':', ' ']));
        if rest.chars().count() >= 30 {
            excerpt = Some(rest);
        }
    }
    Some(NewRelated {
        title,
        url: Some(url),
        excerpt,
    })
}

/// "Title (26/12)" or "Title (9 giờ trước)" lose the bracketed time.
pub(super) fn strip_time_suffix(t: &str) -> String {
    let t = t.trim();
    if let Some(i) = t.rfind('(')
        && t.ends_with(')')
    {
        let inner = fold(&t[i + 1..t.len() - 1]);
        if inner.chars().any(|c| c.is_ascii_digit())
            && (inner.contains('/') || inner.contains("truoc") || inner.contains(':'))
            && inner.len() <= 30
        {
            return t[..i].trim().to_string();
        }
    }
    t.to_string()
}

/// The texts of every caption in the page: `figcaption`, elements whose class
/// names a caption, the text row of an image table, the text next to an image
/// in the same small block, and images' alt texts.
pub(super) fn caption_texts(doc: &Document) -> HashSet<String> {
    let mut set = HashSet::new();
    let mut add = |t: String| {
        let n = t.chars().count();
        if (3..=400).contains(&n) {
            set.insert(fold(&t));
        }
    };
    for n in doc.select("body *").nodes() {
        let nm = name_of(n);
        let ci = class_id(n);
        if nm == "figcaption"
            || ci.contains("caption")
            || ci.contains("image_desc")
            || ci.contains("photo-desc")
        {
            add(node_text(n));
            continue;
        }
        // An emoji drawn as an image is a letter of the text (its alt, in
        // the body), never a photo with a caption.
        if nm == "img" && emoji_alt(n).is_none() {
            if let Some(alt) = n.attr("alt") {
                add(clean(&alt));
            }
            // The text beside the image in its small block: a table or a
            // paragraph/div holding the image and a line of text.
            for anc in n.ancestors_it(Some(4)) {
                let an = name_of(&anc);
                if !matches!(an.as_str(), "table" | "p" | "div" | "figure" | "center") {
                    continue;
                }
                if anc.descendants_it().filter(|d| name_of(d) == "img").count() != 1 {
                    break;
                }
                // An image inside a sentence, text on both sides of it, is
                // no photo with a line beside it: a paragraph of ≤300
                // letters with one was taken for a caption (an independent
                // review's find).
                if text_on_both_sides(&anc, n) {
                    break;
                }
                let t = node_text(&anc);
                if t.is_empty() {
                    // An image-only block: a short, styled line right after it.
                    if let Some(next) = anc.next_element_sibling() {
                        let nt = node_text(&next);
                        let styled = {
                            let h = next.html().to_ascii_lowercase();
                            ["center", "<em", "<i>", "color", "font-size", "italic"]
                                .iter()
                                .any(|k| h.contains(k))
                        };
                        if styled
                            && !nt.is_empty()
                            && nt.chars().count() <= 120
                            && !next.descendants_it().any(|d| name_of(&d) == "img")
                        {
                            add(nt);
                        }
                    }
                }
                if !t.is_empty() && t.chars().count() <= 300 {
                    add(t);
                    // The caption's own element inside the block, too.
                    for d in anc.descendants_it().filter(|d| d.is_element()) {
                        let dt = node_text(&d);
                        if !dt.is_empty() && dt.chars().count() <= 300 {
                            add(dt);
                        }
                    }
                }
                break;
            }
        }
    }
    set
}

/// Whether `block` holds text both before and after `img`.
fn text_on_both_sides(block: &NodeRef, img: &NodeRef) -> bool {
    let (mut before, mut after, mut past) = (false, false, false);
    for d in block.descendants_it() {
        if d.id == img.id {
            past = true;
        } else if d.is_text() && !d.text().trim().is_empty() {
            match past {
                false => before = true,
                true => after = true,
            }
        }
    }
    before && after
}

/// The alt text of an emoji drawn as an image (WordPress's `class="emoji"`
/// and `wp-smiley`, or an alt that is emoji alone, `😀`): the letter it
/// stands for, read in the text in its place.
pub(super) fn emoji_alt(img: &NodeRef) -> Option<String> {
    let alt = clean(&img.attr("alt")?);
    let ci = class_id(img);
    let classed = ci
        .split_whitespace()
        .any(|c| c == "emoji" || c == "wp-smiley");
    let pictographs = !alt.is_empty()
        && alt.chars().count() <= 8
        && alt.chars().all(|c| {
            matches!(u32::from(c), 0x1F000..=0x1FAFF | 0x2600..=0x27BF | 0x2B00..=0x2BFF | 0x200D | 0xFE0F)
        });
    (!alt.is_empty() && (classed || pictographs)).then_some(alt)
}

// ---------------------------------------------------------------------------
// Body
