//! Saving one web page (`docbao add`, the TUI's `a`, a feed item's full
//! page): fetch it, check it is a page, extract its article. What a save did
//! comes back as a [`SavedPage`].

use crate::ingest::html::{HtmlPage, parse_html_page};
use crate::ingest::site::site_of;
use crate::ingest::{self, Format};
use crate::jobs::http::{Fetched, Fetcher};
use crate::model::{ImportOutcome, NewArticle};
use crate::store::Store;
use crate::text::fold::title_key;

/// What saving a page did: added, updated or already there, and the title
/// the page was saved under.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedPage {
    pub outcome: ImportOutcome,
    pub title: String,
    /// Only the free part of a paywalled page was there to save
    /// ([`HtmlPage::paywalled`]).
    pub paywalled: bool,
}

/// The article in a fetched page; something that is not text (an image, a
/// PDF) is refused, naming what it is, and so is a feed (RSS, Atom, JSON
/// Feed, whatever the server calls it), with the command that subscribes.
pub fn article_from_page(page: &Fetched) -> anyhow::Result<NewArticle> {
    html_page(page).map(|p| p.article)
}

/// [`article_from_page`], with what the page says of its article besides.
fn html_page(page: &Fetched) -> anyhow::Result<HtmlPage> {
    if ingest::detect("", &page.body) == Format::Feed {
        anyhow::bail!(
            "{url}: is a feed, not a web page: to subscribe to it, use `docbao feed add {url}`",
            url = page.url
        );
    }
    if let Some(ct) = &page.content_type {
        let ct = ct.to_ascii_lowercase();
        let textual = ct.contains("html") || ct.contains("xml") || ct.starts_with("text/");
        // A page served as bytes of no kind is read when it is one, as
        // `feed add` reads a feed served so (a tester's find).
        let untyped = ct.starts_with("application/octet-stream")
            && crate::ingest::html::is_web_page(None, &page.body);
        if !textual && !untyped {
            let kind = ct.split(';').next().unwrap_or(&ct).trim().to_string();
            anyhow::bail!("{}: is {kind}, not a web page", page.url);
        }
    }
    Ok(parse_html_page(
        &page.body,
        page.charset.as_deref(),
        Some(&page.url),
    )?)
}

/// Save one page: fetch, extract, store bookmarked (saved for offline
/// reading).
///
/// The article is stored under the page's canonical address on its site
/// (the AMP or mobile copy of a story is the story), unless nothing is
/// stored there and the address asked for (or the one it redirected to) is
/// stored already: a feed's item linked under an address of its own is
/// then the article updated, not a second one made.
pub fn save_page(store: &mut Store, fetcher: &Fetcher, url: &str) -> anyhow::Result<SavedPage> {
    let fetched = fetcher.get(url, None)?;
    let HtmlPage {
        mut article,
        paywalled,
    } = html_page(&fetched)?;
    article.bookmarked = Some(true);
    // A story stored at the canonical address under another title is
    // another story (a site naming one address for many pages): the page
    // is stored where it was read, never over it.
    let stored_there = match &article.url {
        Some(u) => store.article_at(u)?,
        None => None,
    };
    let other_story = match stored_there {
        Some(id) => title_key(&store.article(id)?.title) != title_key(&article.title),
        None => false,
    };
    if other_story && fetched.url.as_str() != article.url.as_deref().unwrap_or_default() {
        article.url = Some(fetched.url.clone());
        article.site = site_of(&fetched.url);
    }
    let canonical_stored = stored_there.is_some() && !other_story;
    if !canonical_stored {
        for asked in [fetched.url.as_str(), url] {
            if article.url.as_deref() != Some(asked) && store.article_at(asked)?.is_some() {
                article.url = Some(asked.to_string());
                article.site = site_of(asked);
                break;
            }
        }
    }
    let title = article.title.clone();
    let outcome = store.import_page(&article)?;
    // Its keywords settled now: the reader's store lives on. The page is
    // stored: a flush that fails fails no save, and the drop tries again.
    let _ = store.flush_keyword_stats();
    Ok(SavedPage {
        outcome,
        title,
        paywalled,
    })
}
