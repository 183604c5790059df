//! The folders given to `docbao import`: the files in them to read, and
//! those left out.

use std::io::Read;
use std::path::Path;

use super::{DIR_EXTENSIONS, Input, Summary};
use crate::ingest;

pub(super) fn collect_dir(dir: &Path, inputs: &mut Vec<Input>, summary: &mut Summary) {
    let walker = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        match entry {
            Ok(e) if e.file_type().is_file() => {
                let ext = e
                    .path()
                    .extension()
                    .map(|x| x.to_string_lossy().to_lowercase())
                    .unwrap_or_default();
                if DIR_EXTENSIONS.contains(&ext.as_str()) && (ext != "xml" || is_feed(e.path())) {
                    inputs.push(Input::File(e.into_path()));
                } else {
                    summary.left_out.push(e.into_path());
                }
            }
            Ok(_) => {}
            Err(e) => summary.fail(format!(
                "{}: cannot read: {}",
                e.path().unwrap_or(dir).display(),
                e.io_error()
                    .map_or_else(|| e.to_string(), |io| io.to_string())
            )),
        }
    }
}

/// Whether the file starts as a feed does. One that cannot be read is
/// taken as one: importing it says why it cannot be read.
fn is_feed(path: &Path) -> bool {
    let mut head = Vec::new();
    match std::fs::File::open(path).and_then(|f| f.take(4096).read_to_end(&mut head)) {
        Ok(_) => ingest::document::is_feed_markup(&head),
        Err(_) => true,
    }
}
