//! The reader: a ratatui interface over the store.
//!
//! Data flows one way: key → [`keymap`] → [`action::Action`] → [`update`]
//! (the only writer of the [`state`]) → [`update::Effect`] → the runtime in
//! [`app`] (store reads, workers, clipboard) → [`event::Event`] → `update`
//! → draw ([`ui`]).

pub mod action;
pub mod app;
pub mod config;
pub mod event;
pub mod handoff;
mod input_wait;
pub mod keymap;
pub mod scroll;
pub mod state;
pub mod terminal;
pub mod ui;
pub mod update;
pub mod wire;
pub mod worker;
