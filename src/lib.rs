//! docbao: a terminal news reader over a local SQLite store.

pub mod action;
pub mod app;
pub mod cli;
pub mod commands;
pub mod config;
pub mod event;
pub mod feeds;
pub mod import;
pub mod ingest;
pub mod keymap;
pub mod model;
pub mod net;
pub mod state;
pub mod store;
pub mod text;
pub mod tui;
pub mod ui;
pub mod update;
pub mod worker;
