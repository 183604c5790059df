//! The long work that both faces start: importing files, updating feeds,
//! saving pages, syncing with a Fever server, and the HTTP client under them.

pub mod feeds;
pub mod http;
pub mod import;
pub mod newsboat;
pub mod pages;
pub mod sync;
