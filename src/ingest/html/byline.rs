//! Who wrote the article: the byline a page shows, and the names that are
//! never an author because they are the site's own (`<meta name="author">`
//! holds the paper's name on many Vietnamese sites).

use super::*;

/// The page's byline: the first short element whose class or id names an
/// author or a byline (`detail-author`, `kbwcm-author`, `byline`,
/// `tac-gia`, `rel="author"`), outside comments, whose text reads as a name
/// (two to six words, each capitalised: a lone word is a label, "AFP",
/// "AUTHORING"). An element holding more
/// than a name (a bio, a date) is passed for its own parts.
pub(super) fn byline(doc: &Document) -> Option<String> {
    for n in doc.select("body *").nodes() {
        let ci = class_id(n);
        let by_name = ci
            .split(|c: char| !c.is_ascii_alphanumeric())
            .any(|w| w.contains("author") || w.contains("byline") || w == "tacgia")
            || ci.contains("tac-gia")
            || n.attr("rel")
                .is_some_and(|r| r.eq_ignore_ascii_case("author"));
        if !by_name || ci.contains("comment") {
            continue;
        }
        if n.ancestors_it(Some(8))
            .any(|a| class_id(&a).contains("comment"))
        {
            continue;
        }
        let text = strip_by(&node_text(n));
        let words = text.split_whitespace().count();
        if (2..=6).contains(&words)
            && (3..=60).contains(&text.chars().count())
            && !text.chars().any(|c| c.is_ascii_digit())
            && !fold(&text).contains("author")
            && looks_like_signature(&text)
        {
            return Some(text);
        }
    }
    None
}

/// "By Jane Doe", "Bởi: Mai Anh", "Tác giả: …": the name alone.
fn strip_by(t: &str) -> String {
    let f = fold(t);
    for prefix in [
        "by ",
        "boi ",
        "boi:",
        "tac gia:",
        "tac gia ",
        "author:",
        "written by ",
        "par ",
    ] {
        if f.starts_with(prefix) {
            let skip = prefix.chars().count();
            return clean(
                t.chars()
                    .skip(skip)
                    .collect::<String>()
                    .trim_start_matches([':', ' ']),
            );
        }
    }
    t.to_string()
}

/// The names a site goes by: `og:site_name`, `application-name`, its
/// JSON-LD publisher and `WebSite` names, and the labels of its hosts
/// (`tuoitre` of `tuoitre.vn`): the one it was read from and the one it
/// names as its own.
pub(super) struct SiteNames {
    /// Folded words of each name.
    names: Vec<Vec<String>>,
    /// Host labels, letters and digits only.
    labels: Vec<String>,
}

impl SiteNames {
    pub(super) fn read(meta: &Meta, ld: &JsonLd, hosts: &[Option<String>]) -> SiteNames {
        let mut names: Vec<String> = ["og:site_name", "application-name", "twitter:site"]
            .iter()
            .filter_map(|k| meta.get(k))
            .map(|n| n.trim_start_matches('@').to_string())
            .collect();
        names.extend(ld.publishers.iter().cloned());
        let labels = hosts
            .iter()
            .flatten()
            .filter(|s| !s.starts_with('[') && !s.chars().all(|c| c.is_ascii_digit() || c == '.'))
            .flat_map(|s| {
                s.split('.')
                    .rev()
                    .skip(1)
                    .filter(|l| !matches!(*l, "com" | "net" | "org" | "gov" | "edu" | "co"))
                    .map(compact)
                    .filter(|l| l.len() >= 3)
                    .collect::<Vec<_>>()
            })
            .collect();
        SiteNames {
            names: names
                .iter()
                .map(|n| words(n))
                .filter(|w| !w.is_empty())
                .collect(),
            labels,
        }
    }

    /// `a` is one of the site's names, or one with a word such as
    /// "Online" or "Báo" more or less ("Tuổi Trẻ Online" of "Tuổi Trẻ",
    /// "Thanh Niên" of "Báo Thanh Niên"), or the host's name written out
    /// ("Kenh14" of `kenh14.vn`, "Tuổi Trẻ Online" of `tuoitre.vn`).
    pub(super) fn is_site(&self, a: &str) -> bool {
        let aw = words(a);
        if aw.is_empty() {
            return false;
        }
        let ac: String = aw.concat();
        let by_name = self.names.iter().any(|n| {
            let (short, long) = if n.len() <= aw.len() {
                (n, &aw)
            } else {
                (&aw, n)
            };
            let more = |extra: &[String]| {
                !extra.is_empty() && extra.iter().all(|w| SITE_WORDS.contains(&w.as_str()))
            };
            n.concat() == ac
                || (long.starts_with(short) && more(&long[short.len()..]))
                || (long.ends_with(short) && more(&long[..long.len() - short.len()]))
        });
        by_name
            || self
                .labels
                .iter()
                .any(|l| ac == *l || (l.len() >= 5 && ac.starts_with(l.as_str())))
    }
}

/// Words a site's name is written with or without ("Báo Thanh Niên",
/// "Tuổi Trẻ Online", "VnExpress.net"), folded.
const SITE_WORDS: &[&str] = &[
    "bao", "tap", "chi", "dien", "tu", "online", "news", "tin", "tuc", "tv", "vn", "net", "com",
    "the", "daily", "times", "magazine",
];

fn words(s: &str) -> Vec<String> {
    fold(s)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(String::from)
        .collect()
}

fn compact(s: &str) -> String {
    fold(s).chars().filter(|c| c.is_alphanumeric()).collect()
}

/// A publisher or a site rather than a person ("VCCorp.vn", "Công nghệ
/// ChannelVN", the site's own names).
pub(super) fn is_publisher_name(a: &str, site: &SiteNames) -> bool {
    let f = fold(a);
    f.contains("http")
        || f.contains(".vn")
        || f.contains(".com")
        || f.contains("corp")
        || f.contains("channelvn")
        || (!f.contains(' ') && f.chars().count() > 12)
        || site.is_site(a)
}
