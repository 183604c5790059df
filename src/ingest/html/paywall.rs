//! Paywalls: the sign-up prompt a paywalled page shows where its text stops
//! ("Đăng ký ngay Đăng nhập") is taken out of the page as the other blocks
//! around an article are, and whether the page says or shows that it is
//! cut short.

use super::*;

/// What is kept of a paywalled page is a teaser when its prose adds up to
/// less than this many columns; past it, the page holds the article (a
/// metered site serves it whole with the prompt beside it).
pub(super) const TEASER_MAX_CHARS: usize = 1200;

/// Take the paywall's prompts out of the page: small blocks (at most 600
/// characters) whose class or id names a paywall or a lock (`paywall`,
/// `regwall`, `sao-lock`, `locked`, `premium`) and whose text asks to sign
/// up or log in. Whether there was one.
///
/// Both are needed: a class alone also names the element that holds a
/// premium article whole, and words alone also a comment box's "Đăng nhập
/// để bình luận". A newsletter's "subscribe" box is not a paywall (and the
/// peer's choice of the body can hang on it: Readability's
/// firefox-nightly-blog).
pub(super) fn remove_paywall_prompts(doc: &Document) -> bool {
    let mut prompts: Vec<NodeRef> = Vec::new();
    for n in doc.select("body *").nodes() {
        let ci = class_id(n);
        let named = ci.split(|c: char| !c.is_ascii_alphanumeric()).any(|w| {
            w.contains("paywall")
                || w.contains("regwall")
                || w.contains("premium")
                || w.starts_with("lock")
                || w == "padlock"
        });
        if !named
            || prompts
                .iter()
                .any(|p| n.ancestors_it(None).any(|a| a.id == p.id))
        {
            continue;
        }
        let text = node_text(n);
        if text.chars().count() <= 600 && asks_to_sign_up(&text) {
            prompts.push(*n);
        }
    }
    for p in &prompts {
        p.remove_from_parent();
    }
    !prompts.is_empty()
}

fn asks_to_sign_up(text: &str) -> bool {
    let f = fold(text);
    [
        "dang ky",
        "dang nhap",
        "subscribe",
        "subscription",
        "sign in",
        "sign up",
        "log in",
        "register",
    ]
    .iter()
    .any(|k| f.contains(k))
}

/// The page says it is paywalled: `article:content_tier` is `locked`, or
/// its JSON-LD article is not free (`isAccessibleForFree: false`).
pub(super) fn declared_locked(meta: &Meta, ld: &JsonLd) -> bool {
    meta.get("article:content_tier")
        .is_some_and(|t| t.trim().eq_ignore_ascii_case("locked"))
        || ld.article.as_ref().is_some_and(|a| a.locked)
}
