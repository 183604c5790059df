//! What installing docbao wants besides the binary, generated from the clap
//! definitions in [`args`](crate::cli::args): shell completion scripts
//! (`docbao completions SHELL`) and the man page (`docbao man`).

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};
use clap::CommandFactory;

use crate::cli::args::Cli;

/// The completion script for `shell`. Generated into memory first:
/// clap_complete panics when its writer fails, and stdout may be a pipe
/// closed early (`docbao completions bash | head`), which is no error.
pub fn completions(shell: clap_complete::Shell, out: &mut dyn Write) -> Result<()> {
    let mut cmd = Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut cmd, "docbao", &mut script);
    out.write_all(&script)?;
    out.flush()?;
    Ok(())
}

/// The man page to `out`; with `dir`, a page per command written there
/// (`docbao.1`, `docbao-import.1`, …), and their names to `out`.
pub fn man(dir: Option<&Path>, out: &mut dyn Write) -> Result<()> {
    // No `help` subcommand in the pages: clap_mangen names a
    // `docbao-help(1)` it never writes (`docbao help CMD` still works).
    let cmd = Cli::command().disable_help_subcommand(true);
    match dir {
        None => {
            clap_mangen::Man::new(cmd).render(out)?;
            out.flush()?;
        }
        Some(dir) => {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("cannot create the folder \"{}\"", dir.display()))?;
            clap_mangen::generate_to(cmd, dir)
                .with_context(|| format!("cannot write the man pages to \"{}\"", dir.display()))?;
            let mut names: Vec<_> = std::fs::read_dir(dir)
                .with_context(|| format!("cannot read the folder \"{}\"", dir.display()))?
                .filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.starts_with("docbao") && n.ends_with(".1"))
                .collect();
            names.sort();
            for n in names {
                writeln!(out, "{}", dir.join(n).display())?;
            }
        }
    }
    Ok(())
}
