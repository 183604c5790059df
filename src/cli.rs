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
    /// The database file [default: the platform data dir, e.g. ~/.local/share/docbao/docbao.db]
    #[arg(long, global = true, env = "DOCBAO_DB", value_name = "PATH")]
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
    /// Import saved articles: page-text files, JSON lines, directories (recursively), or - for JSON lines on stdin
    Import(ImportArgs),
    /// List articles, newest first
    List(ListArgs),
    /// Show one article formatted for reading (or as JSON)
    Show(ShowArgs),
    /// Find articles by words in the title, lead, body or keywords; marks and case do not matter
    Search(SearchArgs),
    /// List keywords with their article counts, most used first
    Keywords(KeywordsArgs),
    /// Write articles out as JSON lines (re-importable) or Markdown
    Export(ExportArgs),
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Files, directories, or - (stdin, JSON lines)
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only articles with this keyword (repeat to require several)
    #[arg(long = "keyword", short = 'k', value_name = "K")]
    pub keywords: Vec<String>,
    /// Only bookmarked (saved) articles
    #[arg(long)]
    pub bookmarked: bool,
    /// Only unread articles
    #[arg(long)]
    pub unread: bool,
    /// At most N articles
    #[arg(long, short = 'n', value_name = "N")]
    pub limit: Option<usize>,
    /// Print a JSON array of {id, title, published, site, bookmarked, read}
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
#[command(
    after_help = "Words match the start of words, with or without marks: \"thai bi\" \
    finds \"Thái Bình\", \"dang\" finds \"Đảng\". Every word must match. \"Quoted words\" \
    match as a phrase, in order. Other characters only separate words; put -- before a \
    query that starts with -."
)]
pub struct SearchArgs {
    /// What to look for (several arguments are joined with spaces)
    #[arg(required = true, value_name = "QUERY")]
    pub query: Vec<String>,
    /// Only articles with this keyword (repeat to require several)
    #[arg(long = "keyword", short = 'k', value_name = "K")]
    pub keywords: Vec<String>,
    /// Only bookmarked (saved) articles
    #[arg(long)]
    pub bookmarked: bool,
    /// Only unread articles
    #[arg(long)]
    pub unread: bool,
    /// At most N results
    #[arg(long, short = 'n', value_name = "N", default_value_t = 20)]
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
    #[arg(long, short = 'n', value_name = "N")]
    pub limit: Option<usize>,
    /// Print a JSON array of {name, count}
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
    /// Only bookmarked (saved) articles
    #[arg(long)]
    pub bookmarked: bool,
    /// Output format
    #[arg(long, value_enum, default_value = "jsonl")]
    pub format: ExportFormat,
    /// Write to FILE instead of stdout (written whole, or not at all)
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}
