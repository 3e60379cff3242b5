//! Reading one input into memory, gunzipping it when needed.
//!
//! Data is gunzipped when the name ends in `.gz` or the bytes start with the
//! gzip magic number (so `curl … | news2json` works on compressed pages).
//! Every input is capped at a size limit after decompression, so a small
//! "gzip bomb" cannot exhaust memory.

use std::{
    fs::File,
    io::{self, BufRead, BufReader, Read},
};

use flate2::bufread::MultiGzDecoder;

use crate::{Input, InputError, input::is_gzip_name};

/// The first two bytes of every gzip stream.
const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// Reads all of `input`, decompressed, failing above `limit` bytes.
pub fn read_input(input: &Input, limit: u64) -> Result<Vec<u8>, InputError> {
    match input {
        Input::Stdin => read_from(io::stdin().lock(), false, limit),
        Input::File(path) => {
            let file = File::open(path).map_err(InputError::Read)?;
            read_from(BufReader::new(file), is_gzip_name(path), limit)
        }
    }
}

/// Reads `reader` to the end; gunzips when `gzip` is set or the data starts
/// with the gzip magic number.
pub fn read_from<R: BufRead>(mut reader: R, gzip: bool, limit: u64) -> Result<Vec<u8>, InputError> {
    let head = reader.fill_buf().map_err(InputError::Read)?;
    if gzip || head.starts_with(&GZIP_MAGIC) {
        read_limited(MultiGzDecoder::new(reader), limit).map_err(|e| match e {
            InputError::Read(e) if is_corrupt(&e) => InputError::Gzip(e),
            other => other,
        })
    } else {
        read_limited(reader, limit)
    }
}

/// Whether a read error from the decoder means bad data rather than bad I/O.
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
        let got = read_from(&b"<p>hi</p>"[..], false, 100).unwrap();
        assert_eq!(got, b"<p>hi</p>");
        assert_eq!(read_from(&b""[..], false, 100).unwrap(), b"");
    }

    #[test]
    fn gzip_is_detected_by_name_or_magic() {
        let gz = gzip(b"<p>hi</p>");
        assert_eq!(read_from(&gz[..], true, 100).unwrap(), b"<p>hi</p>");
        assert_eq!(read_from(&gz[..], false, 100).unwrap(), b"<p>hi</p>");
    }

    #[test]
    fn concatenated_gzip_members_are_all_read() {
        let mut gz = gzip(b"one ");
        gz.extend(gzip(b"two"));
        assert_eq!(read_from(&gz[..], true, 100).unwrap(), b"one two");
    }

    #[test]
    fn truncated_or_fake_gzip_is_an_error() {
        let gz = gzip(&b"<p>some text that compresses</p>".repeat(50));
        let err = read_from(&gz[..gz.len() / 2], true, 1 << 20).unwrap_err();
        assert!(matches!(err, InputError::Gzip(_)), "{err:?}");
        assert!(err.to_string().starts_with("corrupt gzip data"));
        let err = read_from(&b"<html>not gzip</html>"[..], true, 1 << 20).unwrap_err();
        assert!(matches!(err, InputError::Gzip(_)), "{err:?}");
    }

    #[test]
    fn size_limit_applies_after_decompression() {
        let data = vec![b'a'; 10_000];
        let gz = gzip(&data);
        assert!(gz.len() < 1_000);
        assert_eq!(read_from(&gz[..], true, 10_000).unwrap().len(), 10_000);
        let err = read_from(&gz[..], true, 9_999).unwrap_err();
        assert!(
            matches!(err, InputError::TooLarge { limit: 9_999 }),
            "{err:?}"
        );
        let err = read_from(&data[..], false, 100).unwrap_err();
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
