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
            out.write_all(ENVIRONMENT_AND_FILES.as_bytes())?;
            out.flush()?;
        }
        Some(dir) => {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("cannot create the folder \"{}\"", dir.display()))?;
            clap_mangen::generate_to(cmd, dir)
                .with_context(|| format!("cannot write the man pages to \"{}\"", dir.display()))?;
            let main = dir.join("docbao.1");
            let mut page = std::fs::OpenOptions::new()
                .append(true)
                .open(&main)
                .with_context(|| format!("cannot write \"{}\"", main.display()))?;
            page.write_all(ENVIRONMENT_AND_FILES.as_bytes())
                .with_context(|| format!("cannot write \"{}\"", main.display()))?;
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

/// The sections clap does not write: what docbao reads from the
/// environment and which files it keeps (an independent review found the
/// page silent on both), and where the reader's keys are.
const ENVIRONMENT_AND_FILES: &str = r#".SH KEYS
The reader is used with the keyboard alone: \fB?\fR shows its keys, \fBdocbao \-\-print\-default\-config\fR
prints them with the config that binds them.
.SH ENVIRONMENT
.TP
\fBDOCBAO_DB\fR
The store when \fB\-\-db\fR is not given (an empty value is unset).
.TP
\fBDOCBAO_CONFIG\fR
The reader's config file, instead of \fI$XDG_CONFIG_HOME/docbao/config.toml\fR.
.TP
\fBDOCBAO_SYNC_FILE\fR, \fBDOCBAO_SYNC_PASSWORD\fR
Where \fBdocbao sync\fR keeps its account, instead of \fIsync.toml\fR beside the config; the
password \fBdocbao sync add\fR takes instead of asking for it.
.TP
\fBXDG_CONFIG_HOME\fR, \fBXDG_DATA_HOME\fR
Where the config and the store are looked for.
.TP
\fBHTTP_PROXY\fR, \fBHTTPS_PROXY\fR, \fBALL_PROXY\fR, \fBNO_PROXY\fR
The proxy every fetch goes through, and the hosts reached without it.
.TP
\fBBROWSER\fR
The commands that open a link, tried in order (\fBw3m:lynx\fR); else \fBxdg\-open\fR.
.TP
\fBNO_COLOR\fR
No colour in the reader (bold, dim and reverse stay).
.TP
\fBTERM\fR
How the reader draws: \fBdumb\fR gets the list instead of the reader; SSH_CONNECTION or SSH_TTY
set, no hyperlinks are written.
.SH FILES
.TP
\fI~/.local/share/docbao/docbao.db\fR
The store (the platform's data folder), with its \fI\-wal\fR and \fI\-shm\fR files.
.TP
\fI~/.config/docbao/config.toml\fR
The reader's keys, theme and borders.
.TP
\fI~/.config/docbao/sync.toml\fR
The sync account (mode 600).
"#;
