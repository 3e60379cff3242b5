//! Reading one input into memory, gunzipping it when needed.
//!
//! Data is gunzipped when its bytes start with the gzip magic number, whatever
//! its name (so `curl … | news2json` works on compressed pages, and a plain
//! page named `.gz` is still read).
//! Every input is capped at a size limit after decompression, so a small
//! "gzip bomb" cannot exhaust memory.

use std::{
    fs::File,
    io::{self, BufReader, Read},
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
pub fn read_from<R: Read>(mut reader: R, limit: u64) -> Result<Vec<u8>, InputError> {
    // A pipe may deliver fewer bytes per read than the magic number has.
    let mut head = Vec::with_capacity(GZIP_MAGIC.len());
    (&mut reader)
        .take(GZIP_MAGIC.len() as u64)
        .read_to_end(&mut head)
        .map_err(InputError::Read)?;
    let gzip = head == GZIP_MAGIC;
    let reader = io::Cursor::new(head).chain(reader);
    if gzip {
        read_limited(MultiGzDecoder::new(reader), limit).map_err(|e| match e {
            InputError::Read(e) if is_corrupt(&e) => InputError::Gzip(e),
            other => other,
        })
    } else {
        read_limited(reader, limit)
    }
}

fn is_corrupt(e: &io::Error) -> bool {
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

    #[test]
    fn missing_file_is_a_read_error() {
        let err = read_input(&Input::File("/definitely/not/here.html".into()), 10).unwrap_err();
        assert!(matches!(err, InputError::Read(ref e) if e.kind() == io::ErrorKind::NotFound));
    }
}
