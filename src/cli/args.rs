//! The command line: headless, scriptable, over the same store the reader uses.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "docbao",
    version,
    about = "Read the news in your terminal: a keyboard-only reader over a local article store.",
    long_about = "docbao (\"đọc báo\", reading the news) keeps articles in one SQLite file and \
                  reads them in the terminal. With no command it opens the reader; on an empty \
                  store it first loads the bundled demo articles."
)]
pub struct Cli {
    /// The database file [env: DOCBAO_DB] [default: the platform data dir, e.g. ~/.local/share/docbao/docbao.db]
    // `DOCBAO_DB` is read by `cli::db_path`, not by clap: clap took an empty
    // `DOCBAO_DB=` for a `--db` given no value, and refused every command,
    // even one with `--db PATH` (an independent review's find).
    #[arg(long, global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,

    /// Do not load the demo articles into an empty store
    #[arg(long)]
    pub no_demo: bool,

    /// Print the default config.toml (keys, theme, borders) and exit
    #[arg(long)]
    pub print_default_config: bool,

    /// Read this config file instead of the usual one [env: DOCBAO_CONFIG]
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Import saved articles: page-text files, web pages (HTML), JSON or JSON lines, RSS/Atom/JSON Feed files, directories (recursively), or - for JSON lines on stdin
    Import(ImportArgs),
    /// List articles, newest first
    List(ListArgs),
    /// Show one article formatted for reading (or as JSON)
    Show(ShowArgs),
    /// Find articles by words in the title, lead, body or keywords; case does not matter, nor marks left out
    Search(SearchArgs),
    /// List keywords with their article counts, most used first
    Keywords(KeywordsArgs),
    /// List the sources (each feed, each site of saved pages) with unread and total counts
    Sources(SourcesArgs),
    /// Write articles out as JSON lines (re-importable) or Markdown
    Export(ExportArgs),
    /// List an article's related stories: the page's own, then computed ones
    Related(RelatedArgs),
    /// Save a web page for offline reading (fetched now, stored whole, bookmarked)
    Add(AddArgs),
    /// Manage feed subscriptions (RSS, Atom, JSON Feed)
    #[command(
        subcommand,
        after_help = "Fetch every subscribed feed with: docbao update (`docbao feed update` runs it too)"
    )]
    Feed(FeedCommand),
    /// Fetch every subscribed feed and store the new items
    Update(UpdateArgs),
    /// Sync with a reader server through the Fever API (FreshRSS, Miniflux, Tiny Tiny RSS, coldsweat): push the marks made here, pull feeds, new items and read/saved state
    Sync(SyncArgs),
    /// Check the database file and its search index, and rebuild the search index and keyword counts
    Doctor,
    /// Bookmark articles (save them for offline reading): by id, or every article of a view with --all
    Bookmark(MarkArgs),
    /// Take the bookmark off articles: by id, or every bookmarked article of a view with --all
    Unbookmark(MarkArgs),
    /// Mark articles read: by id, or every unread article of a view with --all
    MarkRead(MarkArgs),
    /// Mark articles unread: by id, or every read article of a view with --all
    MarkUnread(MarkArgs),
    /// Print a shell completion script (bash, zsh, fish…) to stdout
    #[command(after_help = "Install it:\n  \
        bash: docbao completions bash > ~/.local/share/bash-completion/completions/docbao\n  \
        zsh:  docbao completions zsh > ~/.zfunc/_docbao   (with fpath+=~/.zfunc before compinit)\n  \
        fish: docbao completions fish > ~/.config/fish/completions/docbao.fish")]
    Completions {
        /// The shell
        shell: clap_complete::Shell,
    },
    /// Print docbao's man page (roff) to stdout, or write a page per command to a folder
    #[command(after_help = "Read it: docbao man | man -l -\n\
        Install it: docbao man > ~/.local/share/man/man1/docbao.1")]
    Man {
        /// Write docbao.1 and docbao-COMMAND.1 for every command into this folder instead
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
    /// Bring newsboat's subscriptions and cached items (read state, flags as bookmarks) into docbao
    ImportNewsboat(ImportNewsboatArgs),
}

#[derive(Debug, Args)]
#[command(
    after_help = "Every feed of the urls file is subscribed to (its \"~title\" as the title, \
    its tags as keywords of its articles); every item of the cache is stored with its read \
    state, and flagged items are bookmarked. Query feeds and exec: feeds are skipped, and said \
    so. Running it again adds nothing twice. Quit newsboat first: a cache it is using is refused."
)]
pub struct ImportNewsboatArgs {
    /// newsboat's urls file [default: ~/.config/newsboat/urls, else ~/.newsboat/urls]
    #[arg(long, value_name = "FILE")]
    pub urls: Option<PathBuf>,
    /// newsboat's cache [default: ~/.local/share/newsboat/cache.db, else ~/.newsboat/cache.db]
    #[arg(long, value_name = "FILE")]
    pub cache: Option<PathBuf>,
}

/// The arguments of `bookmark`, `unbookmark`, `mark-read` and
/// `mark-unread`: ids, or `--all` and the filters.
#[derive(Debug, Args)]
#[command(
    group(clap::ArgGroup::new("which").args(["ids", "all"]).required(true)),
    after_help = "Examples:\n  docbao mark-read 12 15\n  docbao mark-read --all\n  \
    docbao mark-read --all --feed 3 --keyword 'thai binh'\n  \
    docbao mark-unread --all --site dantri.com.vn\n  \
    docbao bookmark --all --keyword 'Hà Nội' --unread\n\n\
    A mark set with --all is taken back by the opposite command with the same filters. \
    Feed ids are the ones `docbao feed list` prints."
)]
pub struct MarkArgs {
    /// Article ids, as `docbao list` prints them; an unknown one is an error, the others are still marked
    #[arg(value_name = "ID", conflicts_with = "all")]
    pub ids: Vec<i64>,
    /// Every article the filters select (all of them without a filter) that the command changes
    /// (bookmark: those not bookmarked; unbookmark: the bookmarked ones; mark-read: the unread;
    /// mark-unread: the read), in one write, saying how many; the filters need it
    #[arg(long)]
    pub all: bool,
    #[command(flatten)]
    pub filter: FilterArgs,
}

#[derive(Debug, Args)]
pub struct AddArgs {
    /// The page's address (http:// or https://)
    pub url: String,
    /// Give up after this many seconds
    #[arg(long, value_name = "SECONDS", default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub timeout: u64,
}

#[derive(Debug, Subcommand)]
pub enum FeedCommand {
    /// Subscribe to a feed (it is fetched once now)
    Add {
        /// The feed's address
        url: String,
        /// Also fetch each new item's full page, so whole articles are there offline
        #[arg(long)]
        full_page: bool,
        /// Give up after this many seconds
        #[arg(long, value_name = "SECONDS", default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..=3600))]
        timeout: u64,
    },
    /// List the subscriptions
    List {
        /// Print a JSON array of {id, url, title, full_page, checked_at, last_error, items, site_url, failing_since, failed_updates} (times in RFC 3339, UTC)
        #[arg(long)]
        json: bool,
    },
    /// Unsubscribe (the articles already stored stay)
    Remove {
        /// The feed: its id (as `docbao feed list` prints it), its address, or its title
        feed: String,
    },
    /// Give a feed a title of your own (updates keep it)
    Rename {
        /// The feed: its id (as `docbao feed list` prints it), its address, or its title
        feed: String,
        /// The new title
        title: String,
    },
    /// Subscribe to every feed in an OPML file
    ImportOpml {
        /// The OPML file (`-`: standard input)
        file: PathBuf,
    },
    /// Write the subscriptions as OPML to stdout
    ExportOpml,
    /// The same as `docbao update` (a natural guess next to `feed add`)
    #[command(hide = true)]
    Update(UpdateArgs),
}

#[derive(Debug, Args)]
pub struct UpdateArgs {
    /// How many feeds to fetch at a time
    #[arg(long, short = 'j', value_name = "N", default_value_t = 4, value_parser = clap::value_parser!(u64).range(1..=16))]
    pub jobs: u64,
    /// Give up on a feed (or page) after this many seconds
    #[arg(long, value_name = "SECONDS", default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub timeout: u64,
}

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct SyncArgs {
    #[command(subcommand)]
    pub command: Option<SyncCommand>,
    /// Print the report as JSON: {new_items, marked_read, marked_unread, saved, unsaved, pushed, feeds_added, kept_local, max_item_id, errors}
    #[arg(long)]
    pub json: bool,
    /// Give up on a call (or page) after this many seconds
    #[arg(long, value_name = "SECONDS", default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub timeout: u64,
}

#[derive(Debug, Subcommand)]
pub enum SyncCommand {
    /// Set the account to sync with (checked with the server first). The password comes from DOCBAO_SYNC_PASSWORD, else a prompt; only the Fever API key, md5("email:password"), is kept, in sync.toml beside the config (mode 600)
    Add {
        /// The Fever endpoint: FreshRSS https://HOST/api/fever.php, Miniflux https://HOST/fever/, coldsweat https://HOST/fever
        url: String,
        /// The account's email (FreshRSS: the user name; Miniflux: the Fever user name)
        #[arg(long, visible_alias = "user", value_name = "E")]
        email: String,
        /// Give up after this many seconds
        #[arg(long, value_name = "SECONDS", default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..=3600))]
        timeout: u64,
    },
}

#[derive(Debug, Args)]
pub struct RelatedArgs {
    /// The article id
    pub id: i64,
    /// Print a JSON array of {title, url, excerpt, article_id, source}
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
#[command(
    after_help = "What a file is, is told by its ending and its first bytes: a page's text \
    (.txt: title, date line, paragraphs), a web page saved from a browser (.html, .htm: the \
    article extracted), JSON lines (.jsonl, .ndjson: one article object a line, as `docbao \
    export` writes them), a JSON array of articles (.json), a feed file (RSS, Atom or JSON \
    Feed: .rss, .atom, .xml, .json; each item an article), any of them gzip-compressed \
    (.jsonl.gz, .html.gz: read as what it holds). A folder is read recursively, \
    hidden files and folders (.git, .cache) left out; its other files, and what is not a \
    regular file (a pipe, a device), are named as skipped. \
    Running an import again stores nothing twice; stopped with Ctrl-C, it keeps what it \
    stored and goes on from there when run again. Read and bookmark marks in the input are \
    added to the stored articles', never taken off."
)]
pub struct ImportArgs {
    /// Files (.txt, .html, .htm, .json, .jsonl, .ndjson, .rss, .atom, .xml, each also .gz), directories, or - (stdin, JSON lines)
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
}

/// The filter `list`, `search`, `export` and the marks' `--all` share.
#[derive(Debug, Default, Args)]
pub struct FilterArgs {
    /// Only articles with this keyword (repeat to require several): as written, case and spacing
    /// aside ("Hà Nội" is not "hạ nổi"); a name no keyword is spelled as matches, syllable by
    /// syllable as the search reads it, the keywords that read so: a syllable typed without marks
    /// is any spelling of it, one typed with marks that spelling ("ha noi" and "Hà noi" are "Hà
    /// Nội", "ha nổi" is not)
    #[arg(long = "keyword", short = 'k', value_name = "K")]
    pub keywords: Vec<String>,
    /// Only bookmarked (saved) articles
    #[arg(long)]
    pub bookmarked: bool,
    /// Only unread articles
    #[arg(long)]
    pub unread: bool,
    /// Only the articles of this feed (its id, as `docbao feed list` prints it)
    #[arg(long, value_name = "ID", conflicts_with = "site")]
    pub feed: Option<i64>,
    /// Only the pages of this site that came from no feed (`docbao sources` lists them; "(no site)" the pages with no site)
    #[arg(long, value_name = "SITE")]
    pub site: Option<String>,
    /// Only articles dated (else imported) from this time on: a day (2021-03-05, from its start),
    /// a time (2021-03-05T08:00, or RFC 3339), "today", "yesterday", or a time ago (12h, 3d, 2w);
    /// the local time zone unless one is given; a day matches a dated article by its own date, as
    /// `list` shows it
    #[arg(long, value_name = "WHEN", value_parser = when_arg)]
    pub since: Option<crate::text::when::When>,
    /// Only articles dated (else imported) before this time: as --since, a day up to its end
    /// (--since 2021-03-05 --until 2021-03-05 is that day)
    #[arg(long, value_name = "WHEN", value_parser = when_arg)]
    pub until: Option<crate::text::when::When>,
}

/// `--since`, `--until`: the time it names (`--since` takes its start,
/// `--until` its end, exclusive).
fn when_arg(s: &str) -> Result<crate::text::when::When, String> {
    crate::text::when::parse(s, chrono::Utc::now())
}

impl FilterArgs {
    pub fn to_filter(&self) -> crate::model::ListFilter {
        crate::model::ListFilter {
            keywords: self.keywords.clone(),
            bookmarked: self.bookmarked,
            unread: self.unread,
            since: self.since.map(|w| w.start),
            until: self.until.map(|w| w.end),
            since_day: self.since.and_then(|w| w.day).map(|d| d.to_string()),
            until_day: self.until.and_then(|w| w.day).map(|d| d.to_string()),
            source: match (&self.feed, &self.site) {
                (Some(id), _) => Some(crate::model::Source::Feed(*id)),
                (None, Some(site)) if site.is_empty() || site == crate::cli::NO_SITE => {
                    Some(crate::model::Source::Site(None))
                }
                (None, Some(site)) => Some(crate::model::Source::Site(Some(site.clone()))),
                (None, None) => None,
            },
        }
    }

    /// Whether any filter is given.
    pub fn any(&self) -> bool {
        !self.keywords.is_empty()
            || self.bookmarked
            || self.unread
            || self.feed.is_some()
            || self.site.is_some()
            || self.since.is_some()
            || self.until.is_some()
    }
}

/// A `--limit`: 0 would print nothing, and `list` would say nothing
/// matched in a full store.
fn at_least_one(s: &str) -> Result<usize, String> {
    match s.parse::<usize>() {
        Ok(0) => Err("0 shows nothing; give 1 or more".to_string()),
        Ok(n) => Ok(n),
        Err(e) => Err(e.to_string()),
    }
}

#[derive(Debug, Default, Args)]
pub struct ListArgs {
    #[command(flatten)]
    pub filter: FilterArgs,
    /// At most N articles
    #[arg(long, short = 'n', value_name = "N", value_parser = at_least_one)]
    pub limit: Option<usize>,
    /// Skip the first N articles (with --limit, a page at a time: --offset 50 --limit 50 is the
    /// second page of 50)
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub offset: usize,
    /// Oldest first (the order to catch up in), instead of newest first
    #[arg(long)]
    pub oldest: bool,
    /// Print a JSON array of {id, title, published, site, bookmarked, read}
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
#[command(
    after_help = "Every word must match a whole word, except the last, which also matches \
    the start of one (from two letters on): \"thai bin\" finds \"Thái Bình\", \"bin thai\" \
    does not. A space after the last word makes it whole, and so do marks typed in it \
    (\"chứng khoán\" does not find \"khoáng\"), digits (\"50\" does not find \"500\") or \
    punctuation after it (\"50%\"); a * right after it makes it a start again \
    (\"chứng khoá*\"). A word typed without marks matches every spelling (\"dang\" finds \
    \"Đảng\"), one typed with marks only that one. \
    \"Quoted words\" match as a phrase, in order, and so do words typed with no space \
    between them (\"5/3\", \"TP.HCM\"). Other characters only separate words; put -- before \
    a query that starts with -."
)]
pub struct SearchArgs {
    /// What to look for (several arguments are joined with spaces)
    #[arg(required = true, value_name = "QUERY")]
    pub query: Vec<String>,
    #[command(flatten)]
    pub filter: FilterArgs,
    /// At most N results
    #[arg(long, short = 'n', value_name = "N", default_value_t = 20, value_parser = at_least_one)]
    pub limit: usize,
    /// Print a JSON array of {id, title, published, snippet, score}, best first
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The article id (as `docbao list` prints it)
    pub id: i64,
    /// Wrap to N columns [default: the terminal's width, or 80]
    #[arg(long, short = 'w', value_name = "N", value_parser = clap::value_parser!(u16).range(10..))]
    pub width: Option<u16>,
    /// Print the article as one JSON object
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct KeywordsArgs {
    /// At most N keywords
    #[arg(long, short = 'n', value_name = "N", value_parser = at_least_one)]
    pub limit: Option<usize>,
    /// Print a JSON array of {name, count}
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct SourcesArgs {
    /// Print a JSON array of {kind, feed_id, site, name, detail, unread, total} (detail: what tells a feed from another of the same name, else null)
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Jsonl,
    Markdown,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Output format
    #[arg(long, value_enum, default_value = "jsonl")]
    pub format: ExportFormat,
    /// The same as --format jsonl (the default), as the other commands' --json
    #[arg(long, conflicts_with = "format")]
    pub json: bool,
    /// Write to FILE instead of stdout (a file written whole, or not at all; a
    /// link's target, a pipe or a device written into; - is stdout)
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// A combination of arguments docbao refuses that clap cannot express: a
/// usage error, exit status 2, as clap's own (`mark-read 5 --unread` exited
/// 1: an independent review's find).
#[derive(Debug)]
pub struct Usage(pub String);

impl std::fmt::Display for Usage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Usage {}
