//! The command line: clap arguments and the commands that print data.

pub mod args;
pub mod commands;
