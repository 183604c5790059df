//! The reading commands: `list`, `show`, `search`, `keywords` and `related`,
//! and how they print (plain lines, or JSON with `--json`).

use std::io::{IsTerminal, Write};

use anyhow::Result;

use crate::cli::args::{KeywordsArgs, ListArgs, RelatedArgs, SearchArgs, ShowArgs, SourcesArgs};
use crate::cli::{NO_SITE, checked_filter, terminal_width};
use crate::model::{ArticleId, RelatedSource, Source};
use crate::store::Store;
use crate::text::layout::layout_article;
use crate::text::search::{Query, Typed};

/// `docbao list`: one line per article (id, unread and bookmark marks, date,
/// title, site), or JSON.
pub fn list(store: &Store, args: &ListArgs, out: &mut dyn Write) -> Result<()> {
    let filter = checked_filter(store, &args.filter)?;
    let limit = args.limit.unwrap_or(usize::MAX);
    let rows = store.list_from(&filter, args.oldest, args.offset, limit)?;
    if args.json {
        // Each row with its address (a script's `jq -r '.[].url'`).
        #[derive(serde::Serialize)]
        struct Row<'a> {
            #[serde(flatten)]
            row: &'a crate::model::ArticleSummary,
            url: Option<&'a String>,
        }
        let urls = store.urls_of(&rows.iter().map(|r| r.id).collect::<Vec<_>>())?;
        let v: Vec<Row> = (rows.iter())
            .map(|row| Row {
                row,
                url: urls.get(&row.id),
            })
            .collect();
        serde_json::to_writer_pretty(&mut *out, &v)?;
        writeln!(out)?;
        return Ok(());
    }
    if rows.is_empty() {
        if args.offset > 0 {
            let n = store.count(&filter)?;
            if n > 0 {
                nothing(&format!(
                    "No articles past the first {}: {n} match.",
                    args.offset
                ));
                return Ok(());
            }
        }
        nothing("No articles match.");
        return Ok(());
    }
    let id_width = rows
        .iter()
        .map(|r| r.id.to_string().len())
        .max()
        .unwrap_or(1);
    for r in &rows {
        let date = date_cell(r.published.as_deref(), r.date_text.as_deref());
        let marks = format!(
            "{}{}",
            if r.read { ' ' } else { '•' },
            if r.bookmarked { '★' } else { ' ' }
        );
        let site = r
            .site
            .as_deref()
            .map(|s| format!("  [{s}]"))
            .unwrap_or_default();
        writeln!(out, "{:>id_width$} {marks} {date}  {}{site}", r.id, r.title)?;
    }
    Ok(())
}

/// The date column of `list` and `search`, ten cells: the day a date
/// read gives, else the page's own date line cut to fit ("Cập nhật …"): a
/// long one pushed the title of its row far to the right of the others'
/// (an independent review's find).
fn date_cell(published: Option<&str>, date_text: Option<&str>) -> String {
    use crate::text::width::{pad, truncate};
    let date = match (published.and_then(|p| p.get(..10)), date_text) {
        (Some(day), _) => day.to_string(),
        (None, Some(text)) => truncate(text, 10),
        (None, None) => String::new(),
    };
    pad(&date, 10)
}

/// How `search` marks the matched words in a snippet: bold on a terminal
/// (unless `NO_COLOR`), brackets otherwise, so piped output has no escape codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marks {
    Brackets,
    Bold,
}

impl Marks {
    pub fn for_stdout() -> Marks {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        if std::io::stdout().is_terminal() && !no_color {
            Marks::Bold
        } else {
            Marks::Brackets
        }
    }

    fn pair(self) -> (&'static str, &'static str) {
        match self {
            Marks::Brackets => ("[", "]"),
            Marks::Bold => ("\x1b[1m", "\x1b[22m"),
        }
    }
}

/// `docbao search`: the best matches, each with its snippet.
pub fn search(store: &Store, args: &SearchArgs, marks: Marks, out: &mut dyn Write) -> Result<()> {
    let filter = checked_filter(store, &args.filter)?;
    // The query is complete: a last word typed with marks is whole.
    let typed = args.query.join(" ");
    let mut query = Query::parse_whole(&typed, Typed::Complete);
    let typed_terms = query.terms.len();
    query.terms.truncate(crate::text::search::MAX_TERMS);
    // Nothing to search for (`''`, punctuation): said, no results, and no
    // failure (a script's query may be empty; `--json` gives `[]`).
    if query.is_empty() {
        let _ = writeln!(
            std::io::stderr(),
            "docbao: nothing to search for in {:?}: give words (docbao search WORDS…)",
            crate::text::width::quoted(&crate::text::clean(&typed))
        );
    }
    // A search engine's operators typed: said once, as docbao reads them
    // ("Hà Nội OR Hải Phòng" found nothing with no word why: an
    // independent review's find); a `|` glued to words too.
    if let Some(op) = crate::text::operators::operator_typed(&typed) {
        // The last word typed is also the start of one ("OR" found
        // "Oregon": the note said "as a word", an independent review's find).
        let last = !typed.ends_with(char::is_whitespace)
            && typed.split_whitespace().next_back() == Some(op);
        let read = if op.starts_with(char::is_alphabetic) && last {
            "is searched as a word, and as the start of one, as the last word typed is"
        } else if op.starts_with(char::is_alphabetic) {
            "is searched as a word"
        } else {
            "only separates words"
        };
        let _ = writeln!(
            std::io::stderr(),
            "docbao: \"{op}\" {read}: every word typed must match (the search has no OR, AND \
             or NOT)"
        );
    }
    if typed_terms > crate::text::search::MAX_TERMS {
        let _ = writeln!(
            std::io::stderr(),
            "docbao: only the first {} words of the query are searched ({typed_terms} typed)",
            crate::text::search::MAX_TERMS
        );
    }
    let hits = store.search_query(&query, &filter, args.limit)?;
    if hits.len() < args.limit && !hits.is_empty() {
        // Fewer than asked: all there is, or the store's cap (the count
        // is counted up to the cap, and is the cap when there are more).
        let (cap, more) = store.search_count_query(&query, &filter)?;
        // A query in several parts ranks its last `cap` phrase matches
        // stored and its last `cap` others: past `cap`, more may all be
        // there. "Last stored", not "newest": an archive imported newest
        // first stores its oldest articles last (a tester's report).
        let n = hits.len();
        let shown = if n <= cap {
            format!("{n} of more than {cap} matches (only the last {cap} stored are ranked)")
        } else {
            format!("{n} matches, perhaps not all (past {cap}, only the last stored are ranked)")
        };
        if more {
            let _ = writeln!(
                std::io::stderr(),
                "docbao: showing {shown}: narrow the query, or add a filter (--keyword, \
                 --feed, --site, --unread)"
            );
        }
    }
    if args.json {
        // The snippet marks matches with [ ] in JSON, whatever stdout is.
        let urls = store.urls_of(&hits.iter().map(|h| h.id).collect::<Vec<_>>())?;
        let v: Vec<_> = hits
            .iter()
            .map(|h| {
                serde_json::json!({
                    "id": h.id,
                    "title": h.title,
                    "published": h.published,
                    "url": urls.get(&h.id),
                    "bookmarked": h.bookmarked,
                    "read": h.read,
                    "snippet": h.snippet.marked("[", "]"),
                    "score": h.score,
                })
            })
            .collect();
        serde_json::to_writer_pretty(&mut *out, &v)?;
        writeln!(out)?;
        return Ok(());
    }
    if hits.is_empty() {
        // Said already when there was nothing to search for: "No articles
        // match" after it read as if something had been searched.
        if !query.is_empty() {
            nothing("No articles match.");
        }
        return Ok(());
    }
    let id_width = hits
        .iter()
        .map(|h| h.id.to_string().len())
        .max()
        .unwrap_or(1);
    let (open, close) = marks.pair();
    for h in &hits {
        let date = date_cell(h.published.as_deref(), h.date_text.as_deref());
        writeln!(out, "{:>id_width$}  {date}  {}", h.id, h.title)?;
        if !h.snippet.text.is_empty() {
            let pad = id_width + 2;
            writeln!(out, "{:pad$}{}", "", h.snippet.marked(open, close))?;
        }
    }
    Ok(())
}

/// `docbao show ID`: the article laid out for reading, or JSON.
pub fn show(store: &mut Store, args: &ShowArgs, out: &mut dyn Write) -> Result<()> {
    let article = with_related(store, ArticleId(args.id))?;
    if args.json {
        serde_json::to_writer_pretty(&mut *out, &article)?;
        writeln!(out)?;
        return Ok(());
    }
    let width = args.width.map(usize::from).unwrap_or_else(terminal_width);
    for line in layout_article(&article, width) {
        writeln!(out, "{}", line.text)?;
    }
    Ok(())
}

/// `docbao related ID`: the article's related stories (the page's own, then
/// computed ones).
pub fn related(store: &mut Store, args: &RelatedArgs, out: &mut dyn Write) -> Result<()> {
    let article = with_related(store, ArticleId(args.id))?;
    if args.json {
        serde_json::to_writer_pretty(&mut *out, &article.related)?;
        writeln!(out)?;
        return Ok(());
    }
    if article.related.is_empty() {
        nothing("No related stories.");
    }
    for (i, r) in article.related.iter().enumerate() {
        let id = r
            .article_id
            .map_or("not stored".to_string(), |id| format!("id {id}"));
        let src = if r.source == RelatedSource::Computed {
            ", computed"
        } else {
            ""
        };
        writeln!(out, "{}. {} ({id}{src})", i + 1, r.title)?;
        if let Some(u) = &r.url {
            writeln!(out, "   {u}")?;
        }
    }
    Ok(())
}

/// `docbao keywords`: the most used keywords with their counts.
pub fn keywords(store: &Store, args: &KeywordsArgs, out: &mut dyn Write) -> Result<()> {
    let rows = store.keywords(args.limit)?;
    if args.json {
        let v: Vec<_> = rows
            .iter()
            .map(|(name, count)| serde_json::json!({"name": name, "count": count}))
            .collect();
        serde_json::to_writer_pretty(&mut *out, &v)?;
        writeln!(out)?;
        return Ok(());
    }
    // Said, as `list` and `sources` say theirs (it printed nothing at all).
    if rows.is_empty() {
        nothing("No keywords in this store.");
    }
    for (name, count) in rows {
        writeln!(out, "{count:>6}  {name}")?;
    }
    Ok(())
}

/// Each feed and each site of saved pages with its unread and total counts.
pub fn sources(store: &Store, args: &SourcesArgs, out: &mut dyn Write) -> Result<()> {
    let rows = store.sources()?;
    if args.json {
        let v: Vec<_> = rows
            .iter()
            .map(|s| {
                let (kind, feed_id, site) = match &s.source {
                    Source::Feed(id) => ("feed", Some(*id), None),
                    Source::Site(site) => ("site", None, site.as_deref()),
                };
                serde_json::json!({
                    "kind": kind, "feed_id": feed_id, "site": site,
                    "name": s.name, "detail": s.detail, "unread": s.unread, "total": s.total,
                })
            })
            .collect();
        serde_json::to_writer_pretty(&mut *out, &v)?;
        writeln!(out)?;
        return Ok(());
    }
    if rows.is_empty() {
        nothing(
            "No sources yet: docbao feed add URL subscribes to a feed, docbao import FILE imports pages",
        );
    }
    for s in rows {
        let what = match &s.source {
            Source::Feed(id) => format!("feed {id}"),
            Source::Site(_) => "site".to_string(),
        };
        let name = if s.name.is_empty() { NO_SITE } else { &s.name };
        let detail = s.detail.map(|d| format!(" · {d}")).unwrap_or_default();
        writeln!(
            out,
            "{:>6} {:>7}  {what:<8}  {name}{detail}",
            s.unread, s.total
        )?;
    }
    Ok(())
}

/// The article with its computed related stories: stored (chosen once,
/// refreshed when newer articles came), or, in a store that cannot be
/// written, chosen now and not kept.
fn with_related(store: &mut Store, id: ArticleId) -> Result<crate::model::Article> {
    if store.is_read_only() {
        let article = store.article(id)?;
        return Ok(store.with_related_unstored(article)?);
    }
    store.ensure_computed_related(id)?;
    Ok(store.article(id)?)
}

/// A note that there is nothing to print: on stderr, as the summaries
/// are, so that stdout holds results only (`docbao list --unread | wc -l`
/// counts 0). Not `eprintln!`, which panics when stderr is gone.
pub fn nothing(note: &str) {
    let _ = writeln!(std::io::stderr(), "{note}");
}

/// Refuse a flag combination clap cannot express.
pub fn check_show_args(args: &ShowArgs) -> Result<()> {
    if args.json && args.width.is_some() {
        return Err(crate::cli::args::Usage("--width has no effect with --json".into()).into());
    }
    Ok(())
}
