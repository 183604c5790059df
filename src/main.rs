use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;
use docbao::cli::args::{Cli, Command, ListArgs};
use docbao::cli::commands;
use docbao::tui::app;
use docbao::tui::config::{Config, DEFAULT_CONFIG};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            // A closed pipe downstream is not an error.
            if e.chain().any(|c| {
                c.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) {
                return ExitCode::SUCCESS;
            }
            eprintln!("docbao: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    if cli.print_default_config {
        print!("{DEFAULT_CONFIG}");
        return Ok(ExitCode::SUCCESS);
    }
    let path = commands::db_path(cli.db)?;
    let mut store = commands::open_store(&path)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match cli.command {
        Some(Command::Import(args)) => {
            let summary = commands::import(&mut store, &args)?;
            return Ok(if summary.failed == 0 {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            });
        }
        Some(Command::List(args)) => commands::list(&store, &args, &mut out)?,
        Some(Command::Show(args)) => {
            commands::check_show_args(&args)?;
            commands::show(&mut store, &args, &mut out)?
        }
        Some(Command::Search(args)) => {
            commands::search(&store, &args, commands::Marks::for_stdout(), &mut out)?
        }
        Some(Command::Keywords(args)) => commands::keywords(&store, &args, &mut out)?,
        Some(Command::Related(args)) => commands::related(&mut store, &args, &mut out)?,
        Some(Command::Add(args)) => commands::add(&mut store, &args, &mut out)?,
        Some(Command::Feed(cmd)) => {
            commands::feed(&mut store, &cmd, &mut out)?;
        }
        Some(Command::Update(args)) => {
            let status = commands::update(&mut store, &args)?;
            if status == commands::ExitStatusCode::SomeFailed {
                return Ok(ExitCode::FAILURE);
            }
        }
        Some(Command::Export(args)) => {
            commands::export(&store, &args, &mut out)?;
        }
        None => {
            let cfg = match &cli.config {
                Some(p) => Config::load_from(p)?,
                None => Config::load()?,
            };
            commands::ensure_demo(&mut store, &path, cli.no_demo)?;
            if std::io::stdout().is_terminal() && std::io::stdin().is_terminal() {
                drop(out);
                app::run(store, cfg, Some(path.clone()))?;
                return Ok(ExitCode::SUCCESS);
            }
            // Not on a terminal (piped, cron, CI): print the list instead.
            commands::list(&store, &ListArgs::default(), &mut out)?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
