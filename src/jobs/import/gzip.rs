//! Gzip-compressed input, read through `flate2` as what it holds: a file
//! (`.jsonl.gz`, `.html.gz`…) or stdin. It was refused as "a binary file"
//! (an independent review's find; the corpus ships `.jsonl.gz`).

use std::io::{BufRead, Read};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use super::MAX_FILE_BYTES;

/// Gzip's magic number.
pub(super) const MAGIC: &[u8] = b"\x1F\x8B";

/// A file that starts with gzip's magic number.
pub(super) fn gzipped(path: &Path) -> bool {
    let mut magic = [0u8; 2];
    std::fs::File::open(path).is_ok_and(|mut f| f.read_exact(&mut magic).is_ok()) && magic == MAGIC
}

/// Gzip data decompressed, no more than [`MAX_FILE_BYTES`] + 1 bytes of it:
/// `Ok(None)` past that.
pub(super) fn gunzip_capped(bytes: &[u8]) -> std::io::Result<Option<Vec<u8>>> {
    let mut out = Vec::new();
    flate2::read::MultiGzDecoder::new(bytes)
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut out)
        .map_err(damaged)?;
    Ok((out.len() as u64 <= MAX_FILE_BYTES).then_some(out))
}

/// A decompressor's error, said as what it means to the reader.
fn damaged(e: std::io::Error) -> std::io::Error {
    std::io::Error::new(e.kind(), format!("gzip data damaged or cut short ({e})"))
}

/// The lines of a gzip file, and a count of its compressed bytes read so
/// far: the progress bar's, since the size decompressed is not known
/// before (the trailer gives only the last member's, modulo 4 GiB).
pub(super) fn lines_of(file: std::fs::File) -> (Box<dyn BufRead + Send>, Arc<AtomicU64>) {
    let read = Arc::new(AtomicU64::new(0));
    let counted = Counted {
        inner: file,
        read: Arc::clone(&read),
    };
    let gz = flate2::read::MultiGzDecoder::new(std::io::BufReader::new(counted));
    let reader = Box::new(std::io::BufReader::with_capacity(1 << 20, Said(gz)));
    (reader, read)
}

/// Stdin, decompressed when it starts as gzip data does (`zcat` is not
/// needed: `docbao import - < tin.jsonl.gz`).
pub(super) fn stdin() -> Box<dyn BufRead + Send> {
    let mut raw = std::io::BufReader::new(std::io::stdin());
    let is_gzip = raw.fill_buf().is_ok_and(|head| head.starts_with(MAGIC));
    if is_gzip {
        let gz = flate2::read::MultiGzDecoder::new(raw);
        Box::new(std::io::BufReader::with_capacity(1 << 20, Said(gz)))
    } else {
        Box::new(raw)
    }
}

/// A reader that counts the bytes read through it.
struct Counted<R> {
    inner: R,
    read: Arc<AtomicU64>,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// The decompressor with its errors said ([`damaged`]): "incomplete
/// deflate stream" alone did not say it was the gzip data.
struct Said<R>(R);

impl<R: Read> Read for Said<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        self.0.read(buf).map_err(damaged)
    }
}
