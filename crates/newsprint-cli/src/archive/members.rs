//! Gzip members read one after another, going on after a corrupt one.
//!
//! Common Crawl gzips each WARC record as its own member, so that a reader
//! can seek to any record. [`flate2::read::MultiGzDecoder`] reads such a
//! file as one stream but gives up at the first corrupt member; [`Members`]
//! instead reports the error (with the member's offset in the file), skips
//! to the next gzip header (`1f 8b 08`) and goes on, so one bad record
//! costs that record alone.
//!
//! Each member is decompressed whole, up to [`MEMBER_BUFFER`] bytes, before
//! any of it is handed on, so that a member failing its checksum is never
//! half-used. A longer member (a file gzipped as one member) is streamed
//! past that point.

use std::io::{self, BufRead, Read};

use flate2::bufread::GzDecoder;

/// The first bytes of a gzip member using deflate.
const MEMBER_MAGIC: [u8; 3] = [0x1f, 0x8b, 0x08];

/// The most of a member checked whole before it is handed on (Common Crawl
/// records hold at most about 1 MiB).
pub const MEMBER_BUFFER: u64 = 8 << 20;

/// The decompressed data of every gzip member of `B`, in order.
#[derive(Debug)]
pub struct Members<B> {
    state: State<Counted<B>>,
    /// Data of the current member not yet handed on, from `pos`.
    buffer: Vec<u8>,
    pos: usize,
}

#[derive(Debug)]
enum State<B> {
    /// Before a member (or at the end).
    Between(B),
    /// The current member was read whole into the buffer.
    Whole(B),
    /// The current member, which started at this offset, is longer than
    /// the buffer: the rest is streamed.
    Streaming(GzDecoder<B>, u64),
    /// After a read error of the underlying data.
    Done,
}

impl<B: BufRead> Members<B> {
    /// Reads the members of `inner`.
    pub fn new(inner: B) -> Members<B> {
        Members {
            state: State::Between(Counted { inner, offset: 0 }),
            buffer: Vec::new(),
            pos: 0,
        }
    }

    /// Fails the current member, which started at `start`, and skips to the
    /// next one.
    fn fail(&mut self, member: GzDecoder<Counted<B>>, start: u64, e: io::Error) -> io::Error {
        self.buffer.clear();
        self.pos = 0;
        let mut inner = member.into_inner();
        // Move on by one byte at least, so a bad header is not read again.
        let skip = usize::from(inner.offset == start);
        if skip_to_next_member(&mut inner, skip).is_ok() {
            self.state = State::Between(inner);
        }
        io::Error::new(e.kind(), format!("gzip member at byte {start}: {e}"))
    }
}

impl<B: BufRead> Read for Members<B> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        loop {
            if self.pos < self.buffer.len() {
                let n = (&self.buffer[self.pos..]).read(buf)?;
                self.pos += n;
                return Ok(n);
            }
            match std::mem::replace(&mut self.state, State::Done) {
                State::Done => return Ok(0),
                State::Whole(inner) => self.state = State::Between(inner),
                State::Between(mut inner) => {
                    if inner.fill_buf()?.is_empty() {
                        self.state = State::Between(inner);
                        return Ok(0);
                    }
                    let start = inner.offset;
                    let mut member = GzDecoder::new(inner);
                    self.buffer.clear();
                    self.pos = 0;
                    match (&mut member)
                        .take(MEMBER_BUFFER)
                        .read_to_end(&mut self.buffer)
                    {
                        Ok(n) if (n as u64) < MEMBER_BUFFER => {
                            self.state = State::Whole(member.into_inner());
                        }
                        Ok(_) => self.state = State::Streaming(member, start),
                        Err(e) => return Err(self.fail(member, start, e)),
                    }
                }
                State::Streaming(mut member, start) => match member.read(buf) {
                    Ok(0) => self.state = State::Between(member.into_inner()),
                    Ok(n) => {
                        self.state = State::Streaming(member, start);
                        return Ok(n);
                    }
                    Err(e) => return Err(self.fail(member, start, e)),
                },
            }
        }
    }
}

/// A reader that counts the bytes consumed from it.
#[derive(Debug)]
struct Counted<B> {
    inner: B,
    offset: u64,
}

impl<B: BufRead> Read for Counted<B> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.offset += n as u64;
        Ok(n)
    }
}

impl<B: BufRead> BufRead for Counted<B> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.inner.fill_buf()
    }

    fn consume(&mut self, amount: usize) {
        self.offset += amount as u64;
        self.inner.consume(amount);
    }
}

/// Skips `skip` bytes, then up to the next gzip member header (or the
/// end).
///
/// A header cut by the end of the buffer cannot be seen whole (a
/// [`BufRead`] refills only when empty), so a buffer ending in the start of
/// one stops the skip there; the decoder then checks it, and a false start
/// is one more error before the next skip.
fn skip_to_next_member(inner: &mut impl BufRead, mut skip: usize) -> io::Result<()> {
    loop {
        let buf = inner.fill_buf()?;
        if buf.is_empty() {
            return Ok(());
        }
        let start = skip.min(buf.len());
        let found = (start..buf.len()).find(|&i| {
            let tail = &buf[i..];
            let n = tail.len().min(MEMBER_MAGIC.len());
            tail[..n] == MEMBER_MAGIC[..n]
        });
        if let Some(at) = found {
            inner.consume(at);
            return Ok(());
        }
        let len = buf.len();
        inner.consume(len);
        skip = skip.saturating_sub(len);
    }
}

#[cfg(test)]
mod tests {
    use std::io::{BufReader, Write};

    use flate2::{Compression, write::GzEncoder};

    use super::*;

    fn gzip(data: &[u8]) -> Vec<u8> {
        let mut enc = GzEncoder::new(Vec::new(), Compression::default());
        enc.write_all(data).unwrap();
        enc.finish().unwrap()
    }

    /// Reads everything, collecting the data and the number of errors.
    fn read_all(data: &[u8], buffer: usize) -> (String, usize) {
        let mut members = Members::new(BufReader::with_capacity(buffer, data));
        let (mut text, mut errors) = (Vec::new(), 0);
        let mut buf = [0u8; 7];
        for _ in 0..10_000 {
            match members.read(&mut buf) {
                Ok(0) => return (String::from_utf8(text).unwrap(), errors),
                Ok(n) => text.extend(&buf[..n]),
                Err(_) => errors += 1,
            }
        }
        panic!("no end")
    }

    #[test]
    fn members_are_read_in_order() {
        let mut data = gzip(b"one ");
        data.extend(gzip(b"two "));
        data.extend(gzip(b"three"));
        for buffer in [3, 16, 8192] {
            assert_eq!(read_all(&data, buffer), ("one two three".into(), 0));
        }
        assert_eq!(read_all(b"", 16), (String::new(), 0));
    }

    #[test]
    fn a_corrupt_member_is_skipped() {
        let long = b"a long member that compresses well ".repeat(20);
        let mut bad = gzip(&long);
        let mid = bad.len() / 2;
        bad[mid..mid + 8].copy_from_slice(b"garbage!");
        for buffer in [3, 16, 8192] {
            let mut data = gzip(b"one ");
            data.extend(&bad);
            data.extend(gzip(b"three"));
            let (text, errors) = read_all(&data, buffer);
            assert!(text.starts_with("one "), "{text}");
            assert!(text.ends_with("three"), "{text}");
            assert_eq!(errors, 1, "buffer {buffer}");
        }
    }

    #[test]
    fn a_truncated_last_member_is_one_error() {
        let mut data = gzip(b"one ");
        let last = gzip(&b"two ".repeat(100));
        data.extend(&last[..last.len() / 2]);
        let (text, errors) = read_all(&data, 8192);
        assert!(text.starts_with("one "), "{text}");
        assert_eq!(errors, 1);
    }

    #[test]
    fn a_member_failing_its_checksum_gives_none_of_its_data() {
        let mut bad = gzip(b"two ");
        let crc = bad.len() - 8;
        bad[crc] ^= 0xff;
        let mut data = gzip(b"one ");
        let start = data.len();
        data.extend(&bad);
        data.extend(gzip(b"three"));
        let mut members = Members::new(BufReader::new(&data[..]));
        let mut text = String::new();
        let err = members.read_to_string(&mut text).unwrap_err();
        assert_eq!(text, "one ");
        assert!(
            err.to_string()
                .starts_with(&format!("gzip member at byte {start}: ")),
            "{err}"
        );
        assert_eq!(read_all(&data, 8192), ("one three".into(), 1));
    }

    #[test]
    fn trailing_garbage_is_one_error() {
        let mut data = gzip(b"one");
        data.extend(b"\0\0\0 not gzip");
        assert_eq!(read_all(&data, 8192), ("one".into(), 1));
    }
}
