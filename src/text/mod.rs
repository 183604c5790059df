//! Text: the cleaning pipeline, web addresses, wrapping, folding for search, layout, widths.

pub mod clean;
pub mod fold;
pub mod keywords;
pub mod layout;
pub mod markdown;
pub mod marks;
pub mod pos;
pub mod search;
pub mod segment;
pub mod syllables;
pub mod url;
pub mod width;
pub mod wrap;

pub use clean::{clean, clean_opt, clean_paragraphs};
pub use url::{NotWebUrl, web_url};
pub use wrap::{wrap_line, wrap_with_indent};
