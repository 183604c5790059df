//! What the page says about the article: `<meta>`, the title, the published
//! time and its visible date line, the sapo (JSON-LD: [`super::jsonld`]).

use super::*;

pub(super) struct Meta {
    /// (key, content) for every `<meta>` with a content: key is the lower-cased
    /// `property`, `name` or `itemprop`.
    pub(super) pairs: Vec<(String, String)>,
}

impl Meta {
    pub(super) fn read(doc: &Document) -> Self {
        let mut pairs = Vec::new();
        for m in doc.select("meta").nodes() {
            let Some(content) = m.attr("content") else {
                continue;
            };
            let content = content.trim();
            if content.is_empty() {
                continue;
            }
            for key in ["property", "name", "itemprop"] {
                if let Some(k) = m.attr(key) {
                    pairs.push((k.trim().to_ascii_lowercase(), content.to_string()));
                }
            }
        }
        Meta { pairs }
    }

    pub(super) fn get(&self, key: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    pub(super) fn all(&self, key: &str) -> impl Iterator<Item = &str> {
        self.pairs
            .iter()
            .filter(move |(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

/// The article's title. The visible headline (an `<h1>`) when the page's
/// own title, `og:title`, JSON-LD headline or the peer's title names it
/// ([`names_headline`]); else the title Mozilla Readability's rules give
/// (`peer`: JSON-LD, `dc:title`, `og:title`, … then `<title>` without its
/// site part); else the first `<h1>`. Empty when the page has none of these
/// (the caller then takes one from the body).
pub(super) fn find_title(doc: &Document, meta: &Meta, ld: &JsonLd, peer: &str) -> String {
    let head_title = clean(&doc.select("title").text());
    let og = meta.get("og:title").map(clean).unwrap_or_default();
    let candidates: Vec<String> = doc
        .select("h1")
        .nodes()
        .iter()
        .map(node_text)
        .filter(|t| t.chars().count() >= 8)
        .collect();
    let refs = [
        head_title.as_str(),
        og.as_str(),
        ld.headline.as_deref().unwrap_or_default(),
        peer,
    ];
    for h in &candidates {
        if refs.iter().any(|r| names_headline(r, h)) {
            return h.clone();
        }
    }
    let peer = clean(peer);
    if !peer.is_empty() {
        return peer;
    }
    candidates.into_iter().next().unwrap_or_default()
}

/// `title` (a `<title>` or metadata title) names the headline `h`: it is `h`,
/// or `h` is most of it ("Headline - Site", "Headline _Section_Site"). A
/// short heading that is only part of the title is the site's or the
/// section's name ("Engadget", "Silicon Exposed: Headline").
pub(super) fn names_headline(title: &str, h: &str) -> bool {
    let (t, h) = (fold(title), fold(h));
    let (t, h) = (t.trim(), h.trim());
    !h.is_empty() && t.contains(h) && 2 * h.chars().count() >= t.chars().count()
}

/// A title for a page that has none (no `<title>`, metadata or `<h1>`): the
/// first heading of the body, else the first sentence of the body, cut at a
/// word boundary.
pub(super) fn title_from_body(paragraphs: &[Paragraph]) -> String {
    const MAX: usize = 100;
    if let Some(h) = paragraphs
        .iter()
        .take(3)
        .find(|p| p.kind == ParagraphKind::Heading && p.text.chars().count() >= 4)
    {
        return h.text.clone();
    }
    let Some(first) = paragraphs.iter().find(|p| p.kind == ParagraphKind::Text) else {
        return String::new();
    };
    let sentence = first
        .text
        .char_indices()
        .find(|&(i, c)| {
            matches!(c, '.' | '!' | '?' | '。' | '！' | '？')
                && first.text[i + c.len_utf8()..]
                    .chars()
                    .next()
                    .is_none_or(char::is_whitespace)
        })
        .map_or(first.text.as_str(), |(i, c)| {
            &first.text[..i + c.len_utf8()]
        });
    if sentence.chars().count() <= MAX {
        return sentence.to_string();
    }
    let mut out = String::new();
    for w in sentence.split_whitespace() {
        if out.chars().count() + w.chars().count() + 1 > MAX {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    if out.is_empty() {
        out = sentence.chars().take(MAX).collect();
    }
    out.push('…');
    out
}

/// The published time: metadata first (it carries the time zone), then the
/// visible date line; the visible line's text is kept as `date_text`.
pub(super) fn find_date(
    doc: &Document,
    meta: &Meta,
    ld: &JsonLd,
    title: &str,
) -> (Option<DateTime<FixedOffset>>, Option<String>) {
    let meta_raw = [
        "article:published_time",
        "datepublished",
        "pubdate",
        "og:published_time",
        "dc.date",
        "dc.date.issued",
        "date",
    ]
    .iter()
    .find_map(|k| meta.get(k).filter(|v| parse_date(v).is_some()))
    .map(String::from)
    .or_else(|| ld.date.clone().filter(|d| parse_date(d).is_some()));
    let meta_date = meta_raw.as_deref().and_then(parse_date);
    let visible = visible_date(doc, title);
    match (meta_date, visible) {
        (Some(m), Some((text, v))) => {
            // A bare date in the metadata: the visible line adds the time.
            let date_only = meta_raw.as_deref().is_some_and(|r| r.len() <= 10);
            if date_only && m.date_naive() == v.date_naive() {
                (Some(v), Some(text))
            } else if m.date_naive() == v.date_naive() {
                (Some(m), Some(text))
            } else {
                (Some(m), None)
            }
        }
        (Some(m), None) => (Some(m), None),
        (None, Some((text, v))) => (Some(v), Some(text)),
        (None, None) => (None, None),
    }
}

/// The first short element after the title (else anywhere) whose class or id
/// says date or time and whose text holds a date.
pub(super) fn visible_date(doc: &Document, title: &str) -> Option<(String, DateTime<FixedOffset>)> {
    let title_f = fold(title);
    let mut after_title = None;
    let mut first_any = None;
    let mut last_before: Option<(usize, String, DateTime<FixedOffset>)> = None;
    let mut title_at = None;
    let mut seen_title = false;
    for (i, n) in doc.select("body *").nodes().iter().enumerate() {
        let nm = name_of(n);
        if !seen_title && nm.starts_with('h') && nm.len() == 2 && !title_f.is_empty() {
            let t = fold(&node_text(n));
            if !t.is_empty() && (t == title_f || title_f.contains(&t) && t.len() > 10) {
                seen_title = true;
                title_at = Some(i);
            }
        }
        if !is_datey(n) {
            continue;
        }
        let text = node_text(n);
        if text.is_empty() || text.chars().count() > 100 {
            continue;
        }
        if let Some(d) = date_in_text(&text) {
            // A line that holds more than the date (soha: "Theo Ngoisao |
            // 25/12/2012 10:25", the author and the date each in an element
            // of its own): the element inside it that gives the same time.
            let text = n
                .descendants_it()
                .filter(|c| c.is_element() && is_datey(c))
                .map(|c| node_text(&c))
                .find(|t| date_in_text(t) == Some(d))
                .unwrap_or(text);
            let text = text
                .trim_matches(|c: char| c == '|' || c.is_whitespace())
                .to_string();
            if seen_title {
                after_title = Some((text, d));
                break;
            }
            last_before = Some((i, text.clone(), d));
            if first_any.is_none() {
                first_any = Some((text, d));
            }
        }
    }
    if !seen_title {
        return first_any;
    }
    // A date line just above the title (dantri) when none follows it.
    after_title.or_else(|| {
        let (at, text, d) = last_before?;
        (title_at? - at <= 30).then_some((text, d))
    })
}

/// An element whose class or id says date or time, a `<time>`, or one
/// marked (or holding a `<meta>` marked) `itemprop="datePublished"`.
fn is_datey(n: &NodeRef) -> bool {
    let ci = class_id(n);
    ["date", "time", "ngay", "publish", "timestamp"]
        .iter()
        .any(|k| ci.contains(k))
        || name_of(n) == "time"
        || n.attr("itemprop")
            .is_some_and(|p| p.eq_ignore_ascii_case("datePublished"))
        || n.children_it(false).any(|c| {
            name_of(&c) == "meta"
                && c.attr("itemprop")
                    .is_some_and(|p| p.eq_ignore_ascii_case("datePublished"))
        })
}

/// Find a date in a date line with other words around it ("Cập nhật thứ hai,
/// ngày 24/12/12 11:05 tối"): the whole line through [`parse_date`] first,
/// then a scan for `d/m/y` (or `d.m.y`, `d-m-y`) and an `hh:mm` near it.
pub(crate) fn date_in_text(text: &str) -> Option<DateTime<FixedOffset>> {
    if let Some(d) = parse_date(text) {
        return Some(d);
    }
    let f = fold(text);
    let tokens: Vec<&str> = f
        .split(|c: char| c.is_whitespace() || c == ',' || c == '|' || c == '(' || c == ')')
        .filter(|t| !t.is_empty())
        .collect();
    let mut date = None;
    let mut time = None;
    let mut pm = false;
    for t in &tokens {
        if date.is_none()
            && let Some(d) = dmy(t)
        {
            date = Some(d);
            continue;
        }
        if time.is_none()
            && let Some(tm) = hm(t)
        {
            time = Some(tm);
            continue;
        }
        if matches!(*t, "pm" | "toi" | "chieu") {
            pm = true;
        }
    }
    let date = date?;
    let mut time = time.unwrap_or(NaiveTime::MIN);
    if pm && time < NaiveTime::from_hms_opt(12, 0, 0)? {
        time += chrono::Duration::hours(12);
    }
    vietnam_offset()
        .from_local_datetime(&date.and_time(time))
        .single()
}

pub(super) fn dmy(t: &str) -> Option<NaiveDate> {
    let parts: Vec<&str> = t.split(['/', '.', '-']).collect();
    if parts.len() != 3
        || !parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let d: u32 = parts[0].parse().ok()?;
    let m: u32 = parts[1].parse().ok()?;
    let y: i32 = match parts[2].len() {
        2 => 2000 + parts[2].parse::<i32>().ok()?,
        4 => parts[2].parse().ok()?,
        _ => return None,
    };
    NaiveDate::from_ymd_opt(y, m, d)
}

pub(super) fn hm(t: &str) -> Option<NaiveTime> {
    let (h, m) = t.split_once(':').or_else(|| t.split_once('h'))?;
    let m = m.split(':').next()?;
    if h.is_empty() || h.len() > 2 || m.len() != 2 {
        return None;
    }
    NaiveTime::from_hms_opt(h.parse().ok()?, m.parse().ok()?, 0)
}

/// The sapo: an element named like one, or a short `h2` right after the title.
pub(super) fn find_sapo(doc: &Document, title: &str) -> Option<String> {
    for n in doc.select("body *").nodes() {
        let ci = class_id(n);
        if ci.contains("caption") || ci.contains("media") {
            continue;
        }
        if [
            "sapo",
            "lead",
            "summary",
            "tomtat",
            "chapeau",
            "intro",
            "detail_subtitle",
        ]
        .iter()
        .any(|k| {
            ci.split(|c: char| !c.is_ascii_alphanumeric() && c != '_')
                .any(|w| w == *k || w.starts_with(k) && !w.contains("related"))
        }) && !ci.contains("related")
        {
            let t = sapo_text(n);
            if t.chars().count() >= 40 && t.chars().count() <= 1200 {
                return Some(t);
            }
        }
    }
    // An h2 right after the title h1 (dantri, thanhnien).
    let title_f = fold(title);
    for h in doc.select("h1").nodes() {
        if fold(&node_text(h)) != title_f {
            continue;
        }
        let mut next = h.next_element_sibling();
        for _ in 0..3 {
            let Some(n) = next else { break };
            if name_of(&n) == "h2" {
                let t = sapo_text(&n);
                if t.chars().count() >= 40 {
                    return Some(t);
                }
            }
            next = n.next_element_sibling();
        }
    }
    None
}

/// The sapo's text without the ">> related story" links some sites put in it.
pub(super) fn sapo_text(n: &NodeRef) -> String {
    let mut s = String::new();
    for d in n.descendants_it() {
        if d.is_text() {
            let inside_arrow_link = d
                .ancestors_it(Some(4))
                .any(|a| name_of(&a) == "a" && is_arrow(&clean(&a.text())));
            if !inside_arrow_link {
                s.push_str(&d.text());
            }
        }
    }
    clean(s.trim_end_matches(|c: char| c.is_whitespace() || c == '>' || c == '»' || c == '\u{a0}'))
        .trim_end_matches(['>', '»', ' '])
        .to_string()
}
