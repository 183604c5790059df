//! The store's file as this process holds it: one descriptor for reading its
//! header, kept while any [`super::Store`] of the process has the file open.
//!
//! POSIX record locks (SQLite's, on Unix) belong to the process and the file,
//! not to a descriptor: closing *any* descriptor of the file drops every lock
//! the process holds on it, its SQLite connections' too. SQLite itself never
//! closes a descriptor of a file it still has open elsewhere; docbao reads
//! the file's header before SQLite opens it ([`super::open::check_file`]),
//! and did so through a descriptor of its own that it closed. When a store
//! was already open in the process (the reader and its worker thread), that
//! close left the first connection without its lock: another SQLite client
//! closing then took itself for the last one, checkpointed and deleted the
//! `-wal` file under the reader, whose marks went into the deleted file and
//! whose last checkpoint damaged the store.
//!
//! So the descriptor the header is read through is opened once per file and
//! closed only when no store of the process has that file open (nor is
//! opening it), when no lock of the process is left to drop.

use std::fs::{File, Metadata};
use std::path::Path;
use std::sync::Mutex;

/// A file by its device and inode.
type Key = (u64, u64);

struct Held {
    key: Key,
    /// Stores open on the file, or opening.
    users: usize,
    /// The descriptor its header is read through, once it has been.
    file: Option<File>,
}

static HELD: Mutex<Vec<Held>> = Mutex::new(Vec::new());

fn held() -> std::sync::MutexGuard<'static, Vec<Held>> {
    // A panic while the list was locked leaves it consistent: each change
    // is one push, one count or one removal.
    HELD.lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

#[cfg(unix)]
fn key_of(meta: &Metadata) -> Option<Key> {
    use std::os::unix::fs::MetadataExt;
    Some((meta.dev(), meta.ino()))
}

/// Elsewhere closing a handle drops no other handle's locks.
#[cfg(not(unix))]
fn key_of(_meta: &Metadata) -> Option<Key> {
    None
}

/// A store's share in its file; dropped after the store's connection
/// (it is the last field of [`super::Store`]), it lets the descriptor close
/// when it was the last.
#[derive(Debug, Default)]
pub(super) struct FileHold(Option<Key>);

impl FileHold {
    /// A share in the file `meta` describes, for a store about to open it.
    pub fn take(meta: &Metadata) -> FileHold {
        let Some(key) = key_of(meta) else {
            return FileHold(None);
        };
        let mut held = held();
        match held.iter_mut().find(|h| h.key == key) {
            Some(h) => h.users += 1,
            None => held.push(Held {
                key,
                users: 1,
                file: None,
            }),
        }
        FileHold(Some(key))
    }

    /// A share in the file at `path` (just made by SQLite); none when it
    /// cannot be looked at.
    pub fn take_path(path: &Path) -> FileHold {
        std::fs::metadata(path).map_or_else(|_| FileHold(None), |m| FileHold::take(&m))
    }

    /// Read the start of the file at `path` into `buf`, through the held
    /// descriptor (opened by the first store to read it); the bytes read.
    pub fn read_start(&self, path: &Path, buf: &mut [u8]) -> std::io::Result<usize> {
        let Some(key) = self.0 else {
            return read_start(&mut File::open(path)?, buf);
        };
        let mut held = held();
        let Some(h) = held.iter_mut().find(|h| h.key == key) else {
            return read_start(&mut File::open(path)?, buf);
        };
        if h.file.is_none() {
            h.file = Some(File::open(path)?);
        }
        match &mut h.file {
            Some(file) => read_start(file, buf),
            None => Ok(0),
        }
    }
}

impl Drop for FileHold {
    fn drop(&mut self) {
        let Some(key) = self.0 else { return };
        let mut held = held();
        if let Some(at) = held.iter().position(|h| h.key == key) {
            held[at].users -= 1;
            if held[at].users == 0 {
                // No store of this process has the file open: no lock to drop.
                held.swap_remove(at);
            }
        }
    }
}

/// Read from the file's first byte until `buf` is full or the file ends.
fn read_start(file: &mut File, buf: &mut [u8]) -> std::io::Result<usize> {
    use std::io::{Read, Seek};
    file.seek(std::io::SeekFrom::Start(0))?;
    let mut got = 0;
    while got < buf.len() {
        match file.read(&mut buf[got..]) {
            Ok(0) => break,
            Ok(n) => got += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(got)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn users(meta: &Metadata) -> usize {
        let key = key_of(meta);
        held()
            .iter()
            .find(|h| Some(h.key) == key)
            .map_or(0, |h| h.users)
    }

    #[cfg(unix)]
    #[test]
    fn the_descriptor_lives_while_a_share_does() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f");
        std::fs::write(&path, b"SQLite format 3\0and more").unwrap();
        let meta = std::fs::metadata(&path).unwrap();
        let first = FileHold::take(&meta);
        let mut buf = [0u8; 16];
        assert_eq!(first.read_start(&path, &mut buf).unwrap(), 16);
        assert_eq!(&buf, b"SQLite format 3\0");
        let second = FileHold::take_path(&path);
        assert_eq!(users(&meta), 2);
        assert_eq!(second.read_start(&path, &mut buf).unwrap(), 16);
        drop(first);
        assert_eq!(users(&meta), 1);
        drop(second);
        assert_eq!(users(&meta), 0);
        assert!(held().iter().all(|h| Some(h.key) != key_of(&meta)));
    }
}
