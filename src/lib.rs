//! docbao: a terminal news reader over a local SQLite store.

pub mod cli;
pub mod commands;
pub mod import;
pub mod ingest;
pub mod model;
pub mod store;
pub mod text;
