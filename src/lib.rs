//! docbao: a terminal news reader over a local SQLite store.
//!
//! The parts, from the bottom up (each may use those above it, never below):
//! - [`model`]: plain shared types, using no other part;
//! - [`text`]: pure text functions (cleaning, folding, wrapping, keywords);
//! - [`ingest`]: bytes to [`model::NewArticle`], no I/O;
//! - [`store`]: the only SQL;
//! - [`jobs`]: the long work both faces start (import, feed update, page saving, HTTP);
//! - [`cli`] and [`tui`]: the two faces.

pub mod cli;
pub mod ingest;
pub mod jobs;
pub mod model;
pub mod store;
pub mod text;
pub mod tui;
