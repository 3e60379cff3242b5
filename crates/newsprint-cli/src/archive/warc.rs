//! WARC files: records read one at a time from a (gunzipped) stream.
//!
//! A WARC record is a `WARC/1.x` line, header lines up to a blank line, a
//! body of `Content-Length` bytes, then a blank line. Common Crawl gzips
//! each record as its own gzip member; [`Members`] reads such a file (and
//! one gzipped whole) as one stream, so the reader below never needs to
//! know where members end.
//!
//! Why not the `warc` crate: version 0.4 brings libflate, nom, uuid 0.8 and
//! chrono for what is, for our needs, a header block and a length, and it
//! has no size limit per record. This reader holds one record at a time,
//! caps each one (`--max-bytes`), and reports a record cut short (a
//! truncated download) as an error of that record alone: the records before
//! it have already come out, and after it the reader skips to the next line
//! that starts a record (`WARC/`). With [`Members`] underneath, a corrupt
//! gzip member is skipped the same way.
//!
//! [`Members`]: super::members::Members

use std::io::{self, BufRead, Read};

use super::RecordError;

/// Longest header line read; longer ones make the record malformed.
const MAX_LINE: u64 = 64 * 1024;
/// Most header lines in one record.
const MAX_HEADERS: usize = 1024;

/// One WARC record: the headers newsprint uses, and the body.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WarcRecord {
    /// Where the record starts in the decompressed stream, in bytes.
    pub offset: u64,
    /// `WARC-Type` (`response`, `request`, `warcinfo`, …), lower-cased.
    pub kind: String,
    /// `WARC-Record-ID`, as written (`<urn:uuid:…>`).
    pub id: Option<String>,
    /// `WARC-Target-URI`.
    pub target_uri: Option<String>,
    /// `Content-Type` of the body.
    pub content_type: Option<String>,
    /// The body.
    pub body: Vec<u8>,
}

/// A failed record: its offset and id where known, and why.
#[derive(Debug)]
pub struct BadRecord {
    /// Where the record starts in the decompressed stream.
    pub offset: u64,
    /// Its `WARC-Record-ID`, when the headers were read.
    pub id: Option<String>,
    /// What went wrong.
    pub error: RecordError,
}

/// Reads WARC records from a decompressed stream.
#[derive(Debug)]
pub struct WarcReader<R> {
    reader: R,
    offset: u64,
    limit: u64,
    done: bool,
    /// Whether to skip to the next `WARC/` line (after an error).
    resync: bool,
    /// Where the last error was met; a second one there ends the reading.
    last_error_at: Option<u64>,
}

impl<R: BufRead> WarcReader<R> {
    /// Reads records from `reader`; bodies above `limit` bytes are skipped
    /// and reported as too large.
    pub fn new(reader: R, limit: u64) -> WarcReader<R> {
        WarcReader {
            reader,
            offset: 0,
            limit,
            done: false,
            resync: false,
            last_error_at: None,
        }
    }

    /// Reads one line (with its end) into `line`; the byte count.
    fn line(&mut self, line: &mut Vec<u8>) -> io::Result<usize> {
        line.clear();
        let n = (&mut self.reader).take(MAX_LINE).read_until(b'\n', line)?;
        self.offset += n as u64;
        Ok(n)
    }

    fn record(&mut self) -> Result<Option<WarcRecord>, BadRecord> {
        let mut line = Vec::new();
        // Blank lines end the previous record; after an error, anything up
        // to the next record is skipped.
        let start = loop {
            let start = self.offset;
            if self.line(&mut line).map_err(|e| io_error(start, None, e))? == 0 {
                return Ok(None);
            }
            if !line.trim_ascii().is_empty() && (!self.resync || line.starts_with(b"WARC/")) {
                self.resync = false;
                break start;
            }
        };
        let bad = |id: Option<String>, error| BadRecord {
            offset: start,
            id,
            error,
        };
        if !line.starts_with(b"WARC/") {
            return Err(bad(None, RecordError::NotWarc));
        }
        let mut record = WarcRecord {
            offset: start,
            ..WarcRecord::default()
        };
        let mut length = None;
        let mut headers = 0;
        loop {
            let n = self
                .line(&mut line)
                .map_err(|e| io_error(start, record.id.clone(), e))?;
            if n == 0 || !line.ends_with(b"\n") && n as u64 >= MAX_LINE {
                let error = if n == 0 {
                    RecordError::TruncatedHeaders
                } else {
                    RecordError::Malformed("a header line is too long")
                };
                return Err(bad(record.id, error));
            }
            if line.trim_ascii().is_empty() {
                break;
            }
            headers += 1;
            if headers > MAX_HEADERS {
                return Err(bad(record.id, RecordError::Malformed("too many headers")));
            }
            let text = String::from_utf8_lossy(&line);
            let Some((name, value)) = text.split_once(':') else {
                continue; // a continuation line, or noise: no header we use
            };
            let value = value.trim().to_owned();
            match name.trim().to_ascii_lowercase().as_str() {
                "warc-type" => record.kind = value.to_ascii_lowercase(),
                "warc-record-id" => record.id = Some(value),
                "warc-target-uri" => record.target_uri = Some(value),
                "content-type" => record.content_type = Some(value),
                "content-length" => length = value.parse::<u64>().ok(),
                _ => {}
            }
        }
        let Some(length) = length else {
            return Err(bad(
                record.id,
                RecordError::Malformed("no valid Content-Length"),
            ));
        };
        if length > self.limit {
            let skipped = io::copy(&mut (&mut self.reader).take(length), &mut io::sink())
                .map_err(|e| io_error(start, record.id.clone(), e))?;
            self.offset += skipped;
            if skipped < length {
                return Err(bad(
                    record.id,
                    RecordError::Truncated {
                        length,
                        got: skipped,
                    },
                ));
            }
            return Err(bad(record.id, RecordError::TooLarge { limit: self.limit }));
        }
        let mut body = Vec::with_capacity(usize::try_from(length).unwrap_or(0));
        (&mut self.reader)
            .take(length)
            .read_to_end(&mut body)
            .map_err(|e| io_error(start, record.id.clone(), e))?;
        self.offset += body.len() as u64;
        if (body.len() as u64) < length {
            let got = body.len() as u64;
            return Err(bad(record.id, RecordError::Truncated { length, got }));
        }
        record.body = body;
        Ok(Some(record))
    }
}

fn io_error(offset: u64, id: Option<String>, e: io::Error) -> BadRecord {
    BadRecord {
        offset,
        id,
        error: RecordError::Io(e),
    }
}

impl<R: BufRead> Iterator for WarcReader<R> {
    type Item = Result<WarcRecord, BadRecord>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        match self.record() {
            Ok(Some(record)) => Some(Ok(record)),
            Ok(None) => {
                self.done = true;
                None
            }
            Err(bad) => {
                // After a too-large record the stream is still in step;
                // after another error, skip to the next record, unless this
                // one made no progress (a read error that persists).
                if !matches!(bad.error, RecordError::TooLarge { .. }) {
                    self.resync = true;
                    self.done = self.last_error_at == Some(self.offset);
                    self.last_error_at = Some(self.offset);
                }
                Some(Err(bad))
            }
        }
    }
}

/// Whether a WARC record's `Content-Type` is an HTTP response.
pub fn is_http_response(content_type: &str) -> bool {
    let lower = content_type.to_ascii_lowercase();
    lower.starts_with("application/http") && !lower.contains("msgtype=request")
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// One WARC record with `headers` and `body`, as written by crawlers.
    pub(crate) fn record(headers: &[(&str, &str)], body: &[u8]) -> Vec<u8> {
        let mut out = b"WARC/1.0\r\n".to_vec();
        for (name, value) in headers {
            out.extend(format!("{name}: {value}\r\n").bytes());
        }
        out.extend(format!("Content-Length: {}\r\n\r\n", body.len()).bytes());
        out.extend(body);
        out.extend(b"\r\n\r\n");
        out
    }

    fn read(data: &[u8], limit: u64) -> Vec<Result<WarcRecord, String>> {
        WarcReader::new(data, limit)
            .map(|r| {
                r.map_err(|b| format!("{}@{}: {}", b.id.unwrap_or_default(), b.offset, b.error))
            })
            .collect()
    }

    #[test]
    fn records_are_read_in_order() {
        let mut data = record(
            &[("WARC-Type", "warcinfo"), ("WARC-Record-ID", "<urn:1>")],
            b"software: test\r\n",
        );
        let second = data.len() as u64;
        data.extend(record(
            &[
                ("WARC-Type", "response"),
                ("warc-record-id", "<urn:2>"),
                ("WARC-Target-URI", "https://example.com/a"),
                ("Content-Type", "application/http; msgtype=response"),
            ],
            b"HTTP/1.1 200 OK\r\n\r\n<p>hi",
        ));
        let got = read(&data, 1 << 20);
        assert_eq!(got.len(), 2);
        let first = got[0].as_ref().unwrap();
        assert_eq!(
            (first.kind.as_str(), first.id.as_deref()),
            ("warcinfo", Some("<urn:1>"))
        );
        let r = got[1].as_ref().unwrap();
        assert_eq!(r.offset, second);
        assert_eq!(r.kind, "response");
        assert_eq!(r.target_uri.as_deref(), Some("https://example.com/a"));
        assert!(is_http_response(r.content_type.as_deref().unwrap()));
        assert_eq!(r.body, b"HTTP/1.1 200 OK\r\n\r\n<p>hi");
    }

    #[test]
    fn a_truncated_record_is_an_error_after_the_good_ones() {
        let mut data = record(&[("WARC-Record-ID", "<urn:1>")], b"one");
        let full = record(&[("WARC-Record-ID", "<urn:2>")], b"0123456789");
        data.extend(&full[..full.len() - 8]);
        let got = read(&data, 1 << 20);
        assert_eq!(got.len(), 2);
        assert!(got[0].is_ok());
        assert_eq!(
            got[1].as_ref().unwrap_err(),
            "<urn:2>@63: truncated WARC record: 6 of 10 content bytes"
        );
        let got = read(
            b"WARC/1.0\r\nWARC-Record-ID: <urn:3>\r\nContent-Le",
            1 << 20,
        );
        assert_eq!(
            got[0].as_ref().unwrap_err(),
            "<urn:3>@0: truncated WARC record: the headers end early"
        );
    }

    #[test]
    fn reading_goes_on_at_the_next_record_after_an_error() {
        let mut data = b"junk before\r\n".to_vec();
        data.extend(record(&[("WARC-Record-ID", "<urn:1>")], b"one"));
        data.extend(b"WARC/1.0\r\nWARC-Record-ID: <urn:2>\r\n\r\nno length\r\n\r\n");
        data.extend(record(&[("WARC-Record-ID", "<urn:3>")], b"three"));
        let got = read(&data, 1 << 20);
        let ids: Vec<String> = got
            .iter()
            .map(|r| match r {
                Ok(r) => r.id.clone().unwrap(),
                Err(e) => format!("error: {}", &e[..e.find(':').unwrap()]),
            })
            .collect();
        assert_eq!(ids, ["error: @0", "<urn:1>", "error: <urn", "<urn:3>"]);
    }

    /// A reader whose every read fails.
    struct Broken;

    impl Read for Broken {
        fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
            Err(io::Error::other("disk on fire"))
        }
    }

    #[test]
    fn a_persistent_read_error_ends_the_reading() {
        let got: Vec<_> = WarcReader::new(io::BufReader::new(Broken), 10).collect();
        assert_eq!(got.len(), 2);
    }

    #[test]
    fn garbage_and_missing_lengths_are_malformed() {
        let got = read(b"<html>not a warc", 1 << 20);
        assert_eq!(got.len(), 1);
        assert!(got[0].as_ref().unwrap_err().contains("not a WARC record"));
        let got = read(b"WARC/1.0\r\nWARC-Type: response\r\n\r\nbody", 1 << 20);
        assert!(got[0].as_ref().unwrap_err().contains("Content-Length"));
        assert!(read(b"", 10).is_empty());
        assert!(read(b"\r\n\r\n", 10).is_empty());
    }

    #[test]
    fn too_large_records_are_skipped_and_reading_goes_on() {
        let mut data = record(&[("WARC-Record-ID", "<urn:big>")], &[b'x'; 100]);
        data.extend(record(&[("WARC-Record-ID", "<urn:small>")], b"ok"));
        let got = read(&data, 50);
        assert_eq!(got.len(), 2);
        assert!(
            got[0]
                .as_ref()
                .unwrap_err()
                .contains("larger than 50 bytes")
        );
        assert_eq!(got[1].as_ref().unwrap().body, b"ok");
    }

    #[test]
    fn http_content_types() {
        assert!(is_http_response("application/http; msgtype=response"));
        assert!(is_http_response("application/http"));
        assert!(!is_http_response("application/http; msgtype=request"));
        assert!(!is_http_response("text/html"));
    }
}
