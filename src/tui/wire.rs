//! What the reader writes to the terminal, made smaller on its way: each
//! frame is held until it is flushed, then written in one piece with two
//! savings. Over SSH every byte of a key's answer is felt.
//!
//! - crossterm writes the 16 basic colours in the 256-colour form,
//!   `ESC[38;5;3m`; a terminal with 8 colours (the Linux console, a VT220)
//!   reads that as "38, 5, 3": blink and italic (an independent review's
//!   find: every find match blinked). They go as `ESC[33m`, which every
//!   colour terminal reads, three bytes shorter.
//! - A frame that changes nothing still ends with the attributes reset and
//!   the cursor hidden (`ESC[39m ESC[49m ESC[59m ESC[0m ESC[?25l`, 25 bytes):
//!   after the frame before, the terminal is so already, and nothing is
//!   written (a key held at the end of an article streamed them).

use std::io::{self, Write};

/// The end ratatui gives every frame: colours and attributes reset, the
/// cursor hidden.
const TRAILER: &[u8] = b"\x1b[39m\x1b[49m\x1b[59m\x1b[0m\x1b[?25l";

/// Stdout, a frame at a time ([`compact`]).
pub struct Wire<W: Write = io::Stdout> {
    out: W,
    held: Vec<u8>,
    /// The terminal's cursor as the last bytes written left it: hidden?
    hidden: bool,
}

impl Wire {
    pub fn stdout() -> Wire {
        Wire::new(io::stdout())
    }
}

impl<W: Write> Wire<W> {
    pub fn new(out: W) -> Wire<W> {
        Wire {
            out,
            held: Vec::new(),
            hidden: false,
        }
    }
}

impl<W: Write> Write for Wire<W> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.held.extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        let held = std::mem::take(&mut self.held);
        if held.is_empty() || (held == TRAILER && self.hidden) {
            return self.out.flush();
        }
        let bytes = compact(&held);
        let hide = find_last(&bytes, b"\x1b[?25l");
        let show = find_last(&bytes, b"\x1b[?25h");
        if hide.is_some() || show.is_some() {
            self.hidden = hide > show;
        }
        // Held bytes are lost if the write fails: the next frame is whole
        // anyway after an error (the reader redraws), and a terminal gone
        // away takes no more.
        self.out.write_all(&bytes)?;
        self.out.flush()
    }
}

fn find_last(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

/// `bytes` with every `ESC[…m` whose parameters name one of the 16 basic
/// colours in the 256-colour form (`38;5;N`, `48;5;N`) written in the form
/// every colour terminal reads (`3N`/`9N`, `4N`/`10N`); all else as it is.
pub fn compact(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i..].starts_with(b"\x1b[")
            && let Some(len) = bytes[i + 2..]
                .iter()
                .position(|&b| !(b.is_ascii_digit() || b == b';'))
            && bytes[i + 2 + len] == b'm'
        {
            let params = &bytes[i + 2..i + 2 + len];
            out.extend_from_slice(b"\x1b[");
            basic_colours(params, &mut out);
            out.push(b'm');
            i += 2 + len + 1;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    out
}

/// An SGR's parameters, the basic colours' 256-colour forms rewritten.
fn basic_colours(params: &[u8], out: &mut Vec<u8>) {
    let parts: Vec<&[u8]> = params.split(|&b| b == b';').collect();
    let number = |p: &[u8]| std::str::from_utf8(p).ok()?.parse::<u16>().ok();
    let mut k = 0;
    let mut first = true;
    while k < parts.len() {
        if !first {
            out.push(b';');
        }
        first = false;
        let (lead, n) = (number(parts[k]), parts.get(k + 2).and_then(|p| number(p)));
        match (lead, parts.get(k + 1).and_then(|p| number(p)), n) {
            (Some(38 | 48), Some(5), Some(n)) if n < 16 => {
                let base = match (lead, n < 8) {
                    (Some(38), true) => 30,
                    (Some(38), false) => 90 - 8,
                    (_, true) => 40,
                    (_, false) => 100 - 8,
                };
                out.extend_from_slice((base + n).to_string().as_bytes());
                k += 3;
            }
            // A colour given otherwise is copied whole (its numbers are no
            // parameters of their own): 38;5;N, 38;2;R;G;B.
            (Some(38 | 48 | 58), Some(5), _) => {
                out.extend_from_slice(&parts[k..(k + 3).min(parts.len())].join(&b';'));
                k += 3;
            }
            (Some(38 | 48 | 58), Some(2), _) => {
                out.extend_from_slice(&parts[k..(k + 5).min(parts.len())].join(&b';'));
                k += 5;
            }
            _ => {
                out.extend_from_slice(parts[k]);
                k += 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn basic_colours_take_their_short_form_and_others_stay() {
        let cases: [(&[u8], &[u8]); 8] = [
            (b"\x1b[38;5;3m", b"\x1b[33m"),
            (b"\x1b[48;5;1m", b"\x1b[41m"),
            (b"\x1b[38;5;11m", b"\x1b[93m"),
            (b"\x1b[48;5;12m", b"\x1b[104m"),
            (b"\x1b[38;5;3;49m", b"\x1b[33;49m"),
            (b"\x1b[38;5;208m", b"\x1b[38;5;208m"),
            (b"\x1b[38;2;1;2;3m", b"\x1b[38;2;1;2;3m"),
            (b"\x1b[58;5;3mx\x1b[2;5H", b"\x1b[58;5;3mx\x1b[2;5H"),
        ];
        for (given, want) in cases {
            assert_eq!(compact(given), want, "{}", String::from_utf8_lossy(given));
        }
        // Text and other sequences are untouched, UTF-8 included.
        let text = "\x1b[1;1HĐà Nẵng\x1b[0m\x1b[?25l".as_bytes();
        assert_eq!(compact(text), text);
    }

    #[test]
    fn a_frame_that_changes_nothing_writes_nothing() {
        let mut wire = Wire::new(Vec::new());
        wire.write_all(b"\x1b[1;1Hchu\x1b[38;5;3mx").unwrap();
        wire.write_all(TRAILER).unwrap();
        wire.flush().unwrap();
        let first = wire.out.len();
        assert_eq!(
            &wire.out[..first],
            b"\x1b[1;1Hchu\x1b[33mx\x1b[39m\x1b[49m\x1b[59m\x1b[0m\x1b[?25l"
        );
        wire.write_all(TRAILER).unwrap();
        wire.flush().unwrap();
        assert_eq!(wire.out.len(), first, "the trailer alone again");
        // With the cursor shown (a prompt), hiding it again is written.
        wire.write_all(b"\x1b[?25h").unwrap();
        wire.flush().unwrap();
        wire.write_all(TRAILER).unwrap();
        wire.flush().unwrap();
        assert!(wire.out.ends_with(TRAILER));
    }
}
