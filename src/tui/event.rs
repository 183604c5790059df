//! What arrives on the run loop's one channel, and what the runtime hands
//! back after performing an effect. Every one of them goes through `update`,
//! the only writer of the state.

use ratatui::crossterm::event::KeyEvent;

use crate::model::{
    Article, ArticleId, ArticleSummary, ListFilter, Position, SearchHit, SourceCount,
};

#[derive(Debug, Clone)]
pub enum Event {
    /// The reader opens: load the first screen.
    Start,
    Key(KeyEvent),
    /// Text pasted into the terminal (bracketed paste): never keys.
    Paste(String),
    Resize(u16, u16),
    /// A dead input stream: save and leave.
    Terminate,
    /// SIGTERM, SIGHUP, SIGINT or SIGQUIT (its number): save and leave, with
    /// the exit status 128 + the number, as a shell reports a death by it.
    Signal(i32),
    /// SIGTSTP: give the terminal back and stop, as ctrl-z does.
    Suspend,
    /// SIGCONT: running again after a stop: take the terminal back and
    /// redraw everything (the shell used the screen meanwhile).
    Resume,
    /// The selection has rested (no key for a moment since it moved): the
    /// reader beside the list shows it now.
    Rested,
    /// Another connection committed to the store (another docbao process,
    /// or a worker of this one): what the screen shows is read again. The
    /// run loop's timer asks the store about once a second.
    StoreChanged,
    /// A background worker's report.
    Worker(WorkerMsg),
    /// The result of an effect the runtime performed.
    Loaded(Loaded),
}

/// A background worker's report, in owned data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WorkerMsg {
    UpdateProgress {
        done: usize,
        total: usize,
        name: String,
    },
    /// The update is over: how many feeds it checked, the new articles,
    /// the articles changed, and the feeds that failed.
    UpdateFinished {
        feeds: usize,
        new: usize,
        /// Stored articles whose content the feeds changed.
        updated: usize,
        failed: Vec<FeedFailure>,
    },
    /// Where a sync is (sending marks, new items…).
    SyncProgress {
        what: String,
    },
    /// A sync is over: its report (`+120 items, 35 marked read, 2 saved`)
    /// and the items it could not store.
    SyncFinished {
        report: String,
        errors: Vec<String>,
    },
    /// A sync could not be done: no account, a bad key, the server not
    /// reached, not a Fever endpoint, the connection cut.
    SyncFailed {
        error: String,
    },
    /// The update could not run at all (the store could not be opened…).
    UpdateFailed {
        error: String,
    },
    /// A page fetched and stored (saved with `a`, or a bookmarked item's full page).
    PageSaved {
        url: String,
        id: ArticleId,
        title: String,
    },
    PageFailed {
        url: String,
        error: String,
    },
    /// The full page of a bookmarked feed item (stored with only its
    /// summary) was fetched and stored over it.
    FullPageSaved {
        id: ArticleId,
        title: String,
    },
    /// That fetch failed; the bookmark stays. `error` says why, without the
    /// address.
    FullPageFailed {
        id: ArticleId,
        url: String,
        error: String,
    },
    /// Computed related stories were added to this article.
    RelatedComputed {
        id: ArticleId,
    },
}

/// A feed an update could not fetch or read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedFailure {
    /// Its title, else its address.
    pub feed: String,
    /// What went wrong (fetch errors start with the feed's address).
    pub error: String,
}

/// Why an article is being loaded: what `update` does with it when it comes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opening {
    /// Shown beside the list as the selection moves (not marked read).
    Preview,
    /// Opened for reading: marked read.
    Read,
    /// Walking the history: at this reading position, selected in the list.
    At(Position),
    /// The article last read, reopened when the reader starts.
    Resume,
    /// The open article changed below the reader (related stories computed):
    /// the same lines stay in view.
    Refresh,
    /// The open article was stored again whole (its full page fetched): the
    /// reading position stays.
    Reload,
}

/// What a performed effect brought back.
#[derive(Debug, Clone)]
pub enum Loaded {
    /// The list's first page; the selection stays on `keep` if it is there.
    FirstPage {
        rows: Vec<ArticleSummary>,
        total: i64,
        keep: Option<ArticleId>,
    },
    /// The oldest page (`G`).
    LastPage {
        rows: Vec<ArticleSummary>,
        total: i64,
    },
    /// The page after the loaded window.
    NextPage(Vec<ArticleSummary>),
    /// The page before the loaded window.
    PreviousPage(Vec<ArticleSummary>),
    /// A window of the list around `id`: `newer` rows above it, then `from`
    /// (starting with it), `id` standing at `place` in the whole list.
    Around {
        id: ArticleId,
        newer: Vec<ArticleSummary>,
        from: Vec<ArticleSummary>,
        place: usize,
    },
    Article {
        article: Box<Article>,
        opening: Opening,
    },
    /// There is no article to resume (none read yet, or it was deleted).
    NothingToResume,
    Keywords(Vec<(String, i64)>),
    /// The keywords the store holds matching the sidebar's filter `query`.
    KeywordsFound {
        query: String,
        found: Vec<(String, i64)>,
    },
    SearchResults {
        generation: u64,
        hits: Vec<SearchHit>,
        /// How many articles match (up to the store's cap), and whether
        /// more do; `None` when it could not be counted.
        total: Option<(usize, bool)>,
    },
    /// A read or bookmark mark could not be written: the state shows it
    /// again as it was.
    FlagFailed {
        id: ArticleId,
        read: Option<bool>,
        bookmarked: Option<bool>,
        error: String,
    },
    /// A bookmark was written; the article as stored (to see whether it has
    /// only a feed's summary).
    Bookmarked(Box<Article>),
    /// The sources with their counts.
    Sources(Vec<SourceCount>),
    /// The first unread article found, with the filter of the view it is in.
    UnreadFound(Option<(ListFilter, ArticleId)>),
    /// What the screen shows, read again from one snapshot of the store.
    Reloaded(Box<Reloaded>),
    /// What `o` did with a link.
    UrlOpened(UrlOpened),
    /// How a piped command ended, or where the article was written: the
    /// line for the status bar (an error's in `Err`).
    HandedOff(Result<String, String>),
    /// `A`'s articles marked read: those the store changed.
    MarkedAllRead(Vec<ArticleId>),
    /// A line for the status bar that is no failure (writes waiting for
    /// another process, then saved).
    Note(String),
    /// An effect failed: the message for the status line.
    Failed(String),
}

/// What the screen shows, as the store has it now (one snapshot).
#[derive(Debug, Clone, PartialEq)]
pub struct Reloaded {
    /// The list's filter it was read for (dropped if the view changed since).
    pub filter: ListFilter,
    /// The sidebar's sources with their counts.
    pub sources: Vec<SourceCount>,
    /// The sidebar's keywords, the most used first.
    pub keywords: Vec<(String, i64)>,
    /// The list's window again from where it starts: `rows[0]` is row
    /// `base` of the whole list (from the top when the window was there).
    pub rows: Vec<ArticleSummary>,
    pub base: usize,
    pub total: i64,
    /// No rows after the last one read.
    pub exhausted: bool,
    /// The view's unread articles, when `A` asked for them (its question
    /// counts them, and `y` marks exactly them).
    pub unread: Option<Vec<ArticleId>>,
    /// The marks of the search results shown (read, bookmarked) and their
    /// titles, when there are results: another process may have changed
    /// them (a result stored again kept its old title: a review's find).
    pub hits: Vec<(ArticleId, bool, bool, String)>,
    /// The article open in the reader as the store has it now: its id,
    /// marks (read, bookmarked) and content hash. Read by its id, not from
    /// the list's rows: one opened from the search results, or far from
    /// the list's window, was never seen stored again (an independent
    /// review's find: a feed's correction never reached the reader).
    pub open: Option<(ArticleId, bool, bool, i64)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UrlOpened {
    /// Handed to this `$BROWSER` program (a terminal browser: it has ended
    /// well).
    Browser(String),
    /// A terminal browser ran and failed: its program and how it ended.
    BrowserFailed { program: String, error: String },
    /// No browser command could be started: the line saying which and why.
    NotStarted(String),
    /// Copied instead (OSC 52), for this reason.
    Copied { url: String, why: &'static str },
    /// Not an http(s) address: never handed to a browser.
    Refused(String),
}
