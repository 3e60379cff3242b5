//! Reading one input, into memory or line by line, gunzipping it when needed.
//!
//! Data is gunzipped when its bytes start with the gzip magic number, whatever
//! its name (so `curl … | news2json` works on compressed pages, and a plain
//! page named `.gz` is still read).
//! Every input read whole is capped at a size limit after decompression, so a
//! small "gzip bomb" cannot exhaust memory. An input read line by line
//! ([`open_lines`]) holds one line at a time, so the limit applies to each
//! line instead: a longer line is skipped without being kept in memory.

use std::{
    fmt,
    fs::File,
    io::{self, BufRead, BufReader, Read},
};

use flate2::read::MultiGzDecoder;

use crate::{Input, InputError};

/// The first two bytes of every gzip stream.
const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// Reads all of `input`, decompressed, failing above `limit` bytes.
pub fn read_input(input: &Input, limit: u64) -> Result<Vec<u8>, InputError> {
    match input {
        Input::Stdin => read_from(io::stdin().lock(), limit),
        Input::File(path) => {
            let file = File::open(path).map_err(InputError::Read)?;
            read_from(BufReader::new(file), limit)
        }
    }
}

/// Reads `reader` to the end; gunzips when `gzip` is set or the data starts
/// with the gzip magic number.
pub fn read_from<R: Read>(reader: R, limit: u64) -> Result<Vec<u8>, InputError> {
    let (reader, gzip) = sniff_gzip(reader)?;
    if gzip {
        read_limited(MultiGzDecoder::new(reader), limit).map_err(|e| match e {
            InputError::Read(e) if is_corrupt(&e) => InputError::Gzip(e),
            other => other,
        })
    } else {
        read_limited(reader, limit)
    }
}

/// Reads the first bytes of `reader` to tell whether it is gzip data;
/// returns a reader that still yields them.
fn sniff_gzip<R: Read>(mut reader: R) -> Result<(impl Read, bool), InputError> {
    // A pipe may deliver fewer bytes per read than the magic number has.
    let mut head = Vec::with_capacity(GZIP_MAGIC.len());
    (&mut reader)
        .take(GZIP_MAGIC.len() as u64)
        .read_to_end(&mut head)
        .map_err(InputError::Read)?;
    let gzip = head == GZIP_MAGIC;
    Ok((io::Cursor::new(head).chain(reader), gzip))
}

/// The buffer size of inputs read line by line.
const LINE_BUFFER: usize = 256 * 1024;

/// Opens `input` to be read line by line, gunzipping it when its data starts
/// with the gzip magic number; no line may be longer than `limit` bytes.
pub fn open_lines<'a>(input: &Input, limit: u64) -> Result<Lines<'a>, InputError> {
    match input {
        Input::Stdin => Lines::new(io::stdin().lock(), limit),
        Input::File(path) => {
            let file = File::open(path).map_err(InputError::Read)?;
            Lines::new(file, limit)
        }
    }
}

/// `reader`, buffered and gunzipped when it starts with the gzip magic
/// number (then the flag is set).
fn decompressed<'a, R: Read + 'a>(reader: R) -> Result<(Box<dyn BufRead + 'a>, bool), InputError> {
    let (reader, gzip) = sniff_gzip(reader)?;
    let reader: Box<dyn BufRead + 'a> = if gzip {
        Box::new(BufReader::with_capacity(
            LINE_BUFFER,
            MultiGzDecoder::new(BufReader::new(reader)),
        ))
    } else {
        Box::new(BufReader::with_capacity(LINE_BUFFER, reader))
    };
    Ok((reader, gzip))
}

/// An input read one line at a time, decompressed.
pub struct Lines<'a> {
    reader: Box<dyn BufRead + 'a>,
    gzip: bool,
    limit: u64,
}

/// How a line fared in [`Lines::next_line`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Line {
    /// The whole line is in the buffer (without its `\n`).
    Read,
    /// The line is longer than the limit; the buffer holds its start only.
    TooLong,
}

impl fmt::Debug for Lines<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Lines")
            .field("gzip", &self.gzip)
            .field("limit", &self.limit)
            .finish_non_exhaustive()
    }
}

impl<'a> Lines<'a> {
    /// Reads `reader` line by line; gunzips when the data starts with the
    /// gzip magic number.
    pub fn new<R: Read + 'a>(reader: R, limit: u64) -> Result<Lines<'a>, InputError> {
        let (reader, gzip) = decompressed(reader)?;
        Ok(Lines {
            reader,
            gzip,
            limit,
        })
    }

    /// Reads the next line into `line` (cleared first, without the `\n`);
    /// `None` at the end of the data.
    pub fn next_line(&mut self, line: &mut Vec<u8>) -> Result<Option<Line>, InputError> {
        line.clear();
        let read = (&mut self.reader)
            .take(self.limit.saturating_add(1))
            .read_until(b'\n', line)
            .map_err(|e| self.error(e))?;
        if read == 0 {
            return Ok(None);
        }
        if line.last() == Some(&b'\n') {
            line.pop();
        } else if line.len() as u64 > self.limit {
            line.truncate(line.len() - 1);
            self.reader.skip_until(b'\n').map_err(|e| self.error(e))?;
            return Ok(Some(Line::TooLong));
        }
        Ok(Some(Line::Read))
    }

    fn error(&self, e: io::Error) -> InputError {
        if self.gzip && is_corrupt(&e) {
            InputError::Gzip(e)
        } else {
            InputError::Read(e)
        }
    }
}

/// Whether a read error of gzip data means the data is corrupt.
pub(crate) fn is_corrupt(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::InvalidInput | io::ErrorKind::InvalidData | io::ErrorKind::UnexpectedEof
    )
}

fn read_limited(reader: impl Read, limit: u64) -> Result<Vec<u8>, InputError> {
    let mut bytes = Vec::new();
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(InputError::Read)?;
    if bytes.len() as u64 > limit {
        return Err(InputError::TooLarge { limit });
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use flate2::{Compression, write::GzEncoder};

    use super::*;

    fn gzip(data: &[u8]) -> Vec<u8> {
        let mut enc = GzEncoder::new(Vec::new(), Compression::default());
        enc.write_all(data).unwrap();
        enc.finish().unwrap()
    }

    #[test]
    fn plain_data_is_read_as_is() {
        let got = read_from(&b"<p>hi</p>"[..], 100).unwrap();
        assert_eq!(got, b"<p>hi</p>");
        assert_eq!(read_from(&b""[..], 100).unwrap(), b"");
    }

    #[test]
    fn gzip_is_detected_by_its_magic_number() {
        let gz = gzip(b"<p>hi</p>");
        assert_eq!(read_from(&gz[..], 100).unwrap(), b"<p>hi</p>");
    }

    /// A pipe that hands over one byte per read.
    struct Trickle<'a>(&'a [u8]);

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let Some((first, rest)) = self.0.split_first() else {
                return Ok(0);
            };
            buf[0] = *first;
            self.0 = rest;
            Ok(1)
        }
    }

    #[test]
    fn gzip_is_detected_on_a_slow_pipe() {
        let gz = gzip(b"<p>hi</p>");
        assert_eq!(read_from(Trickle(&gz), 100).unwrap(), b"<p>hi</p>");
        assert_eq!(read_from(Trickle(b"x"), 100).unwrap(), b"x");
    }

    #[test]
    fn concatenated_gzip_members_are_all_read() {
        let mut gz = gzip(b"one ");
        gz.extend(gzip(b"two"));
        assert_eq!(read_from(&gz[..], 100).unwrap(), b"one two");
    }

    #[test]
    fn truncated_or_fake_gzip_is_an_error() {
        let gz = gzip(&b"<p>some text that compresses</p>".repeat(50));
        let err = read_from(&gz[..gz.len() / 2], 1 << 20).unwrap_err();
        assert!(matches!(err, InputError::Gzip(_)), "{err:?}");
        assert!(err.to_string().starts_with("corrupt gzip data"));
        let err = read_from(&b"\x1f\x8bnot really gzip"[..], 1 << 20).unwrap_err();
        assert!(matches!(err, InputError::Gzip(_)), "{err:?}");
    }

    #[test]
    fn size_limit_applies_after_decompression() {
        let data = vec![b'a'; 10_000];
        let gz = gzip(&data);
        assert!(gz.len() < 1_000);
        assert_eq!(read_from(&gz[..], 10_000).unwrap().len(), 10_000);
        let err = read_from(&gz[..], 9_999).unwrap_err();
        assert!(
            matches!(err, InputError::TooLarge { limit: 9_999 }),
            "{err:?}"
        );
        let err = read_from(&data[..], 100).unwrap_err();
        assert!(
            matches!(err, InputError::TooLarge { limit: 100 }),
            "{err:?}"
        );
    }

    fn lines(data: &[u8], limit: u64) -> Vec<(Line, String)> {
        let mut lines = Lines::new(Trickle(data), limit).unwrap();
        let mut buf = Vec::new();
        let mut got = Vec::new();
        while let Some(line) = lines.next_line(&mut buf).unwrap() {
            got.push((line, String::from_utf8(buf.clone()).unwrap()));
        }
        got
    }

    #[test]
    fn lines_are_read_one_by_one() {
        let read = |s: &str| (Line::Read, s.to_owned());
        assert_eq!(
            lines(b"a\n\nbc\r\nd", 10),
            [read("a"), read(""), read("bc\r"), read("d")]
        );
        assert_eq!(lines(b"a\n", 10), [read("a")]);
        assert!(lines(b"", 10).is_empty());
        let gz = gzip(b"one\ntwo\n");
        assert_eq!(lines(&gz, 10), [read("one"), read("two")]);
    }

    #[test]
    fn the_limit_applies_per_line() {
        let got = lines(b"12345\n123456789\n12\n", 5);
        assert_eq!(
            got,
            [
                (Line::Read, "12345".to_owned()),
                (Line::TooLong, "12345".to_owned()),
                (Line::Read, "12".to_owned()),
            ]
        );
    }

    #[test]
    fn corrupt_gzip_lines_are_an_error() {
        let gz = gzip(&b"line of text\n".repeat(500));
        let mut lines = Lines::new(&gz[..gz.len() / 2], 1 << 20).unwrap();
        let mut buf = Vec::new();
        let err = loop {
            match lines.next_line(&mut buf) {
                Ok(Some(_)) => {}
                Ok(None) => panic!("truncated gzip read to the end"),
                Err(e) => break e,
            }
        };
        assert!(matches!(err, InputError::Gzip(_)), "{err:?}");
    }

    #[test]
    fn missing_file_is_a_read_error() {
        let err = read_input(&Input::File("/definitely/not/here.html".into()), 10).unwrap_err();
        assert!(matches!(err, InputError::Read(ref e) if e.kind() == io::ErrorKind::NotFound));
    }
}
