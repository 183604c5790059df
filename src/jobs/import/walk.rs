//! The folders given to `docbao import`: the files in them to read, and
//! those left out.

use std::io::Read;
use std::path::{Path, PathBuf};

use super::{DIR_EXTENSIONS, Input, Summary};
use crate::ingest;

/// The files under `dir` to import, walked in name order (hidden ones left
/// alone). A link to a file is taken as a file, by the link's own name; a
/// dangling link is a failure naming it and where it points; a link to a
/// folder is not followed. What is not a regular file (a FIFO, a socket, a
/// device), or a link to one, is left out, and named as such.
pub(super) fn collect_dir(dir: &Path, inputs: &mut Vec<Input>, summary: &mut Summary) {
    let walker = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        match entry {
            Ok(e) if e.file_type().is_file() => take_file(e.into_path(), inputs, summary),
            Ok(e) if e.path_is_symlink() => match std::fs::metadata(e.path()) {
                Ok(m) if m.is_file() => take_file(e.into_path(), inputs, summary),
                Ok(m) if m.is_dir() => {}
                Ok(_) => summary.not_regular.push(e.into_path()),
                Err(err) => summary.fail(broken_link(e.path(), &err)),
            },
            Ok(e) if e.file_type().is_dir() => {}
            // Reading a FIFO would wait for a writer; a device has no end.
            Ok(e) => summary.not_regular.push(e.into_path()),
            Err(e) => summary.fail(format!(
                "{}: cannot read: {}",
                e.path().unwrap_or(dir).display(),
                e.io_error()
                    .map_or_else(|| e.to_string(), |io| io.to_string())
            )),
        }
    }
}

/// A file found in a folder: read when its name ends as an article file
/// does (an `.xml` only when it is a feed), or as one gzip-compressed
/// (`.jsonl.gz`), else left out.
fn take_file(path: PathBuf, inputs: &mut Vec<Input>, summary: &mut Summary) {
    let ext = path
        .extension()
        .map(|x| x.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    // Gzip-compressed, by what it holds ("x.jsonl.gz"); an ".xml.gz" is
    // taken for a feed unopened (importing it says if it is none).
    let inner = (ext == "gz").then(|| {
        let inner = path.with_extension("");
        inner
            .extension()
            .map(|x| x.to_string_lossy().to_lowercase())
            .unwrap_or_default()
    });
    if let Some(inner) = inner {
        if DIR_EXTENSIONS.contains(&inner.as_str()) {
            inputs.push(Input::File(path));
        } else {
            summary.left_out.push(path);
        }
    } else if DIR_EXTENSIONS.contains(&ext.as_str()) && (ext != "xml" || is_feed(&path)) {
        inputs.push(Input::File(path));
    } else {
        summary.left_out.push(path);
    }
}

/// Why a link found in a folder cannot be followed, naming it and its target.
fn broken_link(link: &Path, e: &std::io::Error) -> String {
    let target = std::fs::read_link(link)
        .map(|t| t.display().to_string())
        .unwrap_or_else(|_| "?".to_string());
    if e.kind() == std::io::ErrorKind::NotFound {
        return format!(
            "{}: a link to {target}, which does not exist",
            link.display()
        );
    }
    let reason = cannot_reach(Path::new(&target), e);
    format!("{}: a link to {reason}", link.display())
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

/// Why a path given to `import` cannot be read, naming it: the system's
/// own words ("no such file or directory", "not a directory", "permission
/// denied") without its error number.
pub(super) fn cannot_reach(path: &Path, e: &std::io::Error) -> String {
    if e.kind() == std::io::ErrorKind::NotFound {
        return format!("{}: no such file or directory", path.display());
    }
    let text = e.to_string();
    let text = match text.find(" (os error ") {
        Some(i) => &text[..i],
        None => &text,
    };
    let mut reason = text.chars();
    let reason: String = match reason.next() {
        Some(first) => first.to_lowercase().chain(reason).collect(),
        None => format!("{:?}", e.kind()),
    };
    if e.kind() == std::io::ErrorKind::PermissionDenied {
        // `stat` needs no right on the file, only to enter the folders.
        return format!(
            "{}: {reason} (a folder on its path cannot be entered)",
            path.display()
        );
    }
    format!("{}: {reason}", path.display())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Error, ErrorKind};

    #[test]
    fn a_path_that_cannot_be_reached_is_named_with_the_real_cause() {
        let p = Path::new("/srv/khoa/bai.txt");
        let denied = cannot_reach(p, &Error::from(ErrorKind::PermissionDenied));
        assert!(
            denied.starts_with("/srv/khoa/bai.txt: permission denied"),
            "{denied}"
        );
        assert!(!denied.contains("no such file"), "{denied}");
        let missing = cannot_reach(p, &Error::from(ErrorKind::NotFound));
        assert_eq!(missing, "/srv/khoa/bai.txt: no such file or directory");
    }

    /// As the system says it (EACCES, ENOTDIR), without "(os error 13)".
    #[cfg(target_os = "linux")]
    #[test]
    fn the_system_s_words_without_its_error_number() {
        let p = Path::new("khoa/bai.txt");
        let denied = cannot_reach(p, &Error::from_raw_os_error(13));
        assert!(
            denied.starts_with("khoa/bai.txt: permission denied"),
            "{denied}"
        );
        assert!(!denied.contains("os error"), "{denied}");
        let not_dir = cannot_reach(p, &Error::from_raw_os_error(20));
        assert_eq!(not_dir, "khoa/bai.txt: not a directory");
    }
}
