//! A feed whose bytes are still compressed: gzip data (a `.xml.gz` served
//! as `application/gzip`, or given as a `file://` feed) and zlib data (a
//! server's `Content-Encoding: deflate` docbao did not ask for). They were
//! read as text and refused as "not valid UTF-8", a charset error (an
//! independent review's find), while `docbao import x.xml.gz` read the
//! same file. They are decompressed, as `import` does, by their magic
//! bytes.

use std::borrow::Cow;
use std::io::Read;

use super::MAX_FILE_BYTES;

/// `body` decompressed when it is gzip or zlib data, else as it is; up to
/// the feed's limit once decompressed. Errors name the compression.
pub(super) fn decompressed<'a>(name: &str, body: &'a [u8]) -> anyhow::Result<Cow<'a, [u8]>> {
    let (kind, reader): (&str, Box<dyn Read + '_>) = if body.starts_with(b"\x1F\x8B") {
        ("gzip", Box::new(flate2::read::MultiGzDecoder::new(body)))
    } else if is_zlib(body) {
        (
            "zlib (deflate)",
            Box::new(flate2::read::ZlibDecoder::new(body)),
        )
    } else {
        return Ok(Cow::Borrowed(body));
    };
    let mut out = Vec::new();
    reader
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut out)
        .map_err(|e| anyhow::anyhow!("{name}: {kind} data damaged or cut short ({e})"))?;
    if out.len() as u64 > MAX_FILE_BYTES {
        anyhow::bail!(
            "{name}: larger than {} MiB once its {kind} data is decompressed",
            MAX_FILE_BYTES / (1024 * 1024)
        );
    }
    Ok(Cow::Owned(out))
}

/// A zlib stream's header (RFC 1950): deflate with a 32 KiB window (0x78)
/// and a check that makes the two bytes a multiple of 31. No feed starts
/// so: XML starts with `<`, a byte order mark or a space, JSON with `{`.
fn is_zlib(body: &[u8]) -> bool {
    matches!(body, [0x78, b, ..] if (0x7800u16 | u16::from(*b)).is_multiple_of(31))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn gzip_and_zlib_are_read_as_what_they_hold() {
        let xml = b"<rss version=\"2.0\"><channel><title>T</title></channel></rss>";
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(xml).unwrap();
        let gz = gz.finish().unwrap();
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        z.write_all(xml).unwrap();
        let z = z.finish().unwrap();
        for bytes in [&gz[..], &z[..], &xml[..]] {
            assert_eq!(&*decompressed("f", bytes).unwrap(), &xml[..]);
        }
        let e = decompressed("f", &gz[..gz.len() / 2]).unwrap_err();
        assert!(
            e.to_string()
                .starts_with("f: gzip data damaged or cut short"),
            "{e}"
        );
    }
}
