//! docbao: a terminal news reader over a local SQLite store.

pub mod model;
pub mod store;
pub mod text;
