//! Text: the cleaning pipeline, wrapping, folding for search, keywords.

pub mod clean;

pub use clean::{clean, clean_opt, clean_paragraphs};
pub mod fold;
