//! From a parsed command line to the command that runs it: opens the store,
//! runs the command, and turns how it ended into the exit status. With no
//! command, the TUI starts on a terminal (after loading the demo into an
//! empty store); otherwise the list is printed.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use anyhow::Result;

use crate::cli::args::{Cli, Command, FeedCommand, ListArgs, MarkArgs};
use crate::cli::state::{self, Mark};
use crate::cli::{
    db_path, ensure_demo, feeds, install, maintenance, open_store, reading, sync, transfer,
};
use crate::store::Access;
use crate::tui::config::{Config, DEFAULT_CONFIG};

/// Run the command line. Errors are for the caller to print; the exit
/// status says whether everything asked for was done.
pub fn run(cli: Cli) -> Result<ExitCode> {
    if cli.print_default_config {
        if cli.command.is_some() {
            return Err(crate::cli::args::Usage(
                "--print-default-config prints the config and does nothing else: give it without a command"
                    .into(),
            )
            .into());
        }
        print!("{DEFAULT_CONFIG}");
        return Ok(ExitCode::SUCCESS);
    }
    // The config is the reader's (keys, theme, layout): a command given
    // `--config` does not read it, said rather than left unsaid.
    if let (Some(config), Some(_)) = (&cli.config, &cli.command) {
        let _ = writeln!(
            std::io::stderr(),
            "docbao: --config {} is read by the reader only (docbao with no command); this command does not use it",
            crate::text::clean(&config.display().to_string())
        );
    }
    match &cli.command {
        Some(Command::Completions { shell }) => {
            install::completions(*shell, &mut std::io::stdout().lock())?;
            return Ok(ExitCode::SUCCESS);
        }
        Some(Command::Man { dir }) => {
            install::man(dir.as_deref(), &mut std::io::stdout().lock())?;
            return Ok(ExitCode::SUCCESS);
        }
        // The account is kept beside the config, not in the store.
        Some(Command::Sync(args)) if args.command.is_some() => {
            sync::add(args, &mut std::io::stdout().lock())?;
            return Ok(ExitCode::SUCCESS);
        }
        _ => {}
    }
    // With no account, `sync` has nothing to do: say so before making a store.
    let account = match &cli.command {
        Some(Command::Sync(_)) => Some(sync::account()?),
        _ => None,
    };
    let path = db_path(cli.db.clone())?;
    let new_store = !path.exists();
    let (store, opened) = match open_store(&path, access(cli.command.as_ref())) {
        Ok(opened) => opened,
        Err(e) => {
            if matches!(cli.command, Some(Command::Doctor)) {
                let mut out = std::io::stdout().lock();
                if maintenance::unopened(&e, &mut out)? {
                    out.flush()?;
                    return Ok(ExitCode::FAILURE);
                }
            }
            return Err(e);
        }
    };
    let ended = run_on(cli, store, opened, &path, account).map_err(|e| about_file(e, &path));
    if new_store && !matches!(ended, Ok(code) if code == ExitCode::SUCCESS) {
        remove_if_empty(&path);
    }
    ended
}

/// An error SQLite met in the store's file (damaged, or its disk full)
/// named with the file and what to do; others as they are.
fn about_file(e: anyhow::Error, path: &std::path::Path) -> anyhow::Error {
    let Some(named) = (e.chain())
        .filter_map(|c| c.downcast_ref::<crate::store::StoreError>())
        .find_map(|s| s.about_file(path))
    else {
        return e;
    };
    // The store's own error: said as the file's. Under a context of the
    // command's (what it was doing), kept under it.
    if e.downcast_ref::<crate::store::StoreError>().is_some() {
        named.into()
    } else {
        e.context(named.to_string())
    }
}

/// A store this command made and failed to put anything in is taken away
/// again (`docbao --db typo.db import missing.jsonl` leaves no empty store
/// behind to be mistaken for the real one). Anything in it, an article or a
/// feed, keeps it; so does any doubt.
fn remove_if_empty(path: &std::path::Path) {
    let empty =
        crate::store::Store::open_with(path, Access::WriteExisting).is_ok_and(|(store, _)| {
            store.count(&crate::model::ListFilter::default()).ok() == Some(0)
                && store.feeds().is_ok_and(|f| f.is_empty())
        });
    if empty {
        for suffix in ["", "-wal", "-shm"] {
            let mut side = path.as_os_str().to_owned();
            side.push(suffix);
            let _ = std::fs::remove_file(side);
        }
    }
}

/// Run the command on the store opened for it.
fn run_on(
    cli: Cli,
    mut store: crate::store::Store,
    opened: crate::store::Opened,
    path: &std::path::Path,
    account: Option<crate::jobs::sync::account::Account>,
) -> Result<ExitCode> {
    let path = path.to_path_buf();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match cli.command {
        Some(Command::Import(args)) => {
            let summary = transfer::import(&mut store, &args)?;
            return Ok(if summary.failed == 0 {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            });
        }
        Some(Command::List(args)) => reading::list(&store, &args, &mut out)?,
        Some(Command::Show(args)) => {
            reading::check_show_args(&args)?;
            reading::show(&mut store, &args, &mut out)?
        }
        Some(Command::Search(args)) => {
            reading::search(&store, &args, reading::Marks::for_stdout(), &mut out)?
        }
        Some(Command::Keywords(args)) => reading::keywords(&store, &args, &mut out)?,
        Some(Command::Sources(args)) => reading::sources(&store, &args, &mut out)?,
        Some(Command::Related(args)) => reading::related(&mut store, &args, &mut out)?,
        Some(Command::Add(args)) => feeds::add(&mut store, &args, &mut out)?,
        Some(Command::Feed(cmd)) => {
            if feeds::feed(&mut store, &cmd, &mut out)? == feeds::ExitStatusCode::SomeFailed {
                out.flush()?;
                return Ok(ExitCode::FAILURE);
            }
        }
        Some(Command::Update(args)) => {
            if feeds::update(&mut store, &args)? == feeds::ExitStatusCode::SomeFailed {
                return Ok(ExitCode::FAILURE);
            }
        }
        Some(Command::Sync(args)) => {
            let Some(account) = &account else {
                anyhow::bail!("internal error: sync without its account");
            };
            if !sync::sync(&mut store, account, &args, &mut out)? {
                out.flush()?;
                return Ok(ExitCode::FAILURE);
            }
        }
        Some(Command::Bookmark(args)) => return marked(&store, Mark::Bookmark, &args, out),
        Some(Command::Unbookmark(args)) => return marked(&store, Mark::Unbookmark, &args, out),
        Some(Command::MarkRead(args)) => return marked(&store, Mark::Read, &args, out),
        Some(Command::MarkUnread(args)) => return marked(&store, Mark::Unread, &args, out),
        Some(Command::Export(args)) => {
            transfer::export(&store, &args, &mut out)?;
        }
        Some(Command::ImportNewsboat(args)) => {
            if !transfer::import_newsboat(&mut store, &args)? {
                return Ok(ExitCode::FAILURE);
            }
        }
        // Answered above, before a store is opened.
        Some(Command::Completions { .. } | Command::Man { .. }) => {}
        Some(Command::Doctor) => {
            let mut err = std::io::stderr();
            let status: Option<&mut dyn Write> = err.is_terminal().then_some(&mut err as _);
            if !maintenance::doctor(&mut store, &mut out, status)? {
                out.flush()?;
                return Ok(ExitCode::FAILURE);
            }
        }
        None => {
            let cfg = match &cli.config {
                Some(p) => Config::load_from(p)?,
                None => Config::load()?,
            };
            ensure_demo(&mut store, &path, cli.no_demo)?;
            // A dumb terminal (Emacs's `M-x shell`, an editor's build pane)
            // cannot move the cursor: the reader drew a screenful of escape
            // codes there (an independent review's find).
            let dumb = std::env::var("TERM").is_ok_and(|t| t.trim() == "dumb");
            let terminal = std::io::stdout().is_terminal() && std::io::stdin().is_terminal();
            if terminal && !dumb {
                drop(out);
                return crate::tui::app::run(store, cfg, Some(path), &opened);
            }
            if terminal {
                // A screenful, and why after it, where it is read: the whole
                // store scrolled the note away (a tester's find).
                let args = ListArgs {
                    limit: Some(DUMB_ROWS),
                    ..ListArgs::default()
                };
                reading::list(&store, &args, &mut out)?;
                out.flush()?;
                eprintln!(
                    "docbao: TERM=dumb: the reader needs a terminal that can move the cursor; \
                     the newest {DUMB_ROWS} at most instead (`docbao list -n N` lists more, \
                     `docbao show ID` reads one)"
                );
                return Ok(ExitCode::SUCCESS);
            }
            // Not on a terminal (piped, cron, CI): print the list instead.
            reading::list(&store, &ListArgs::default(), &mut out)?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// The articles listed on a dumb terminal instead of the reader.
const DUMB_ROWS: usize = 20;

/// How a command uses the store: the reading ones (and the reader) open a
/// store that cannot be written read-only; the others need to write it and
/// fail at once when they cannot. A command with nothing to do on a new
/// store refuses a path with no store (a mistyped --db would otherwise make
/// one and print "No articles match." or "No feeds to update."); the reader
/// and the commands that bring articles or feeds in make a new store.
fn access(command: Option<&Command>) -> Access {
    match command {
        None => Access::ReadIfNeeded,
        Some(
            Command::List(_)
            | Command::Show(_)
            | Command::Search(_)
            | Command::Keywords(_)
            | Command::Sources(_)
            | Command::Related(_)
            | Command::Export(_)
            | Command::Feed(FeedCommand::List { .. } | FeedCommand::ExportOpml),
        ) => Access::ReadExisting,
        Some(
            Command::Update(_)
            | Command::Doctor
            | Command::Bookmark(_)
            | Command::Unbookmark(_)
            | Command::MarkRead(_)
            | Command::MarkUnread(_)
            | Command::Feed(
                FeedCommand::Remove { .. } | FeedCommand::Rename { .. } | FeedCommand::Update(_),
            ),
        ) => Access::WriteExisting,
        Some(
            Command::Import(_)
            | Command::Add(_)
            | Command::Feed(FeedCommand::Add { .. } | FeedCommand::ImportOpml { .. })
            | Command::Sync(_)
            | Command::ImportNewsboat(_)
            // Never here: they run before a store is opened.
            | Command::Completions { .. }
            | Command::Man { .. },
        ) => Access::Write,
    }
}

/// A mark command: exit 1 when an id named no article.
fn marked(
    store: &crate::store::Store,
    mark: Mark,
    args: &MarkArgs,
    mut out: impl Write,
) -> Result<ExitCode> {
    let all = state::mark(store, mark, args, &mut out, &mut std::io::stderr().lock())?;
    out.flush()?;
    Ok(if all {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
