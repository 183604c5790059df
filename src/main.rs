//! The `docbao` binary: parse the command line, run it, print the error.

use std::process::ExitCode;

use clap::Parser;
use docbao::cli::args::Cli;
use docbao::cli::dispatch;
use docbao::cli::interrupt::{self, Interrupted};

// mimalloc: the import makes and drops millions of small strings (keyword
// candidates, syllables); with glibc's malloc the 35k-article import took
// 23.1-23.5 s of user CPU, with mimalloc 21.4-22.7 s (BENCHMARKS.md, "Import,
// third part"). Built without its transparent huge pages (`no_thp`): they
// took the reader's memory at the first screen from 12.9 to 22.9 MiB (100k).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match dispatch::run(cli) {
        Ok(code) => code,
        Err(e) => {
            // A closed pipe downstream is not an error.
            if docbao::cli::is_broken_pipe(&e) {
                return ExitCode::SUCCESS;
            }
            // Not `eprintln!`, which panics when stderr is gone (a terminal
            // hung up under the reader).
            use std::io::Write;
            let _ = writeln!(std::io::stderr(), "docbao: {}", docbao::cli::error_line(&e));
            // Stopped cleanly by a signal: ended by it now, everything dropped.
            match e.downcast_ref::<Interrupted>() {
                Some(i) => interrupt::die_by(i.signal),
                // As clap's own usage errors.
                None if e.is::<docbao::cli::args::Usage>() => ExitCode::from(2),
                None => ExitCode::FAILURE,
            }
        }
    }
}
