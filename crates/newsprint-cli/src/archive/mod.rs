//! Inputs that bundle many pages, and the [`Job`]s the converters work on.
//!
//! A plain page file becomes one [`Job::File`], read on a worker thread. A
//! WARC file (Common Crawl layout, optionally gzipped) or a JSON Lines file
//! of `{"url": …, "html": …}` objects is read here, on the thread that
//! dispatches work, one record at a time: each HTML page in it becomes a
//! [`Job::Page`] held in memory until a worker has extracted it. [`Jobs`]
//! does this lazily, so a crawl of any size streams through with only the
//! records in flight in memory.
//!
//! From WARC files, `response` records whose HTTP `Content-Type` is HTML
//! (and `resource` records of HTML) are taken; the HTTP charset is passed
//! on as a decoding hint and `WARC-Target-URI` as the page's URL. Other
//! records (`request`, `warcinfo`, `metadata`, images…) are skipped
//! silently. A record that is cut short, malformed or in a corrupt gzip
//! member fails alone, named `FILE#RECORD-ID` (or `FILE#OFFSET`, in the
//! decompressed stream, when its id is unknown), and reading goes on with
//! the next record; a line of a JSON Lines file that fails is named
//! `FILE:LINE`.

use std::{
    fmt,
    fs::File,
    io::{self, BufRead, BufReader},
    path::Path,
};

use encoding_rs::Encoding;
use url::Url;

use crate::{
    Input, InputError,
    input::{Failed, Inputs, extension, is_page},
    read::{self, Line, Lines},
};

pub mod http;
pub mod jsonl;
pub mod members;
pub mod warc;

use self::{
    members::Members,
    warc::{BadRecord, WarcReader, WarcRecord},
};

/// How the converters read their inputs (`--input-format`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceFormat {
    /// By name: `*.warc[.gz]` is WARC, `*.jsonl[.gz]` JSON Lines, anything
    /// else one HTML page; directories are searched for pages and WARC files.
    #[default]
    Auto,
    /// Every input is one HTML page.
    Html,
    /// WARC files, optionally gzipped (Common Crawl's `.warc.gz`).
    Warc,
    /// JSON Lines of `{"url": …, "html": …}` objects, optionally gzipped.
    #[value(alias = "ndjson")]
    Jsonl,
}

impl SourceFormat {
    /// The format of `input`: this one, or for [`Auto`](SourceFormat::Auto)
    /// the one its name tells (standard input is HTML).
    pub fn of(self, input: &Input) -> SourceFormat {
        match (self, input) {
            (SourceFormat::Auto, Input::File(path)) => match extension(path).as_deref() {
                Some("warc") => SourceFormat::Warc,
                Some("jsonl" | "ndjson") => SourceFormat::Jsonl,
                _ => SourceFormat::Html,
            },
            (SourceFormat::Auto, Input::Stdin) => SourceFormat::Html,
            (format, _) => format,
        }
    }

    /// Whether a file found in a directory is an input of this format.
    pub fn accepts(self) -> fn(&Path) -> bool {
        match self {
            SourceFormat::Auto => |path| is_page(path) || is_warc(path),
            SourceFormat::Html => is_page,
            SourceFormat::Warc => is_warc,
            SourceFormat::Jsonl => is_jsonl,
        }
    }

    /// Whether an input of this format holds many pages.
    pub fn is_bundle(self) -> bool {
        matches!(self, SourceFormat::Warc | SourceFormat::Jsonl)
    }
}

/// Whether `path` names a WARC file (`*.warc`, `*.warc.gz`).
pub fn is_warc(path: &Path) -> bool {
    extension(path).as_deref() == Some("warc")
}

/// Whether `path` names a JSON Lines file (`*.jsonl`, `*.ndjson`, `.gz`).
pub fn is_jsonl(path: &Path) -> bool {
    matches!(extension(path).as_deref(), Some("jsonl" | "ndjson"))
}

/// One unit of work: a page file to read, or a page already read from a
/// bundle.
#[derive(Debug)]
pub enum Job {
    /// A page file (or standard input), read by the worker.
    File(Input),
    /// A page taken from a WARC or JSON Lines file.
    Page(Box<Page>),
}

impl fmt::Display for Job {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Job::File(input) => input.fmt(f),
            Job::Page(page) => f.write_str(&page.name),
        }
    }
}

/// A page taken from a bundle.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Page {
    /// `FILE#RECORD-ID` or `FILE:LINE`: its `source` and name in messages.
    pub name: String,
    /// The page's bytes.
    pub html: Vec<u8>,
    /// Its URL (`WARC-Target-URI`, or the line's `url`).
    pub url: Option<Url>,
    /// The charset the transport declared, a decoding hint.
    pub charset: Option<&'static Encoding>,
    /// The WARC record it came from.
    pub warc: Option<WarcOrigin>,
}

/// Where in a WARC file a page came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WarcOrigin {
    /// The record's `WARC-Record-ID`.
    pub record_id: String,
    /// The WARC file, as named on the command line.
    pub file: String,
}

/// Why one record of a bundle could not be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum RecordError {
    /// The record's body ends before its `Content-Length`.
    #[error("truncated WARC record: {got} of {length} content bytes")]
    Truncated {
        /// The declared length.
        length: u64,
        /// The bytes there were.
        got: u64,
    },
    /// The data ends inside the record's headers.
    #[error("truncated WARC record: the headers end early")]
    TruncatedHeaders,
    /// The data does not start with a `WARC/1.x` line.
    #[error("not a WARC record (no 'WARC/1.x' line)")]
    NotWarc,
    /// The record's headers are unusable.
    #[error("malformed WARC record: {0}")]
    Malformed(&'static str),
    /// The record's body is larger than `--max-bytes`.
    #[error("larger than {limit} bytes (the input size limit; see --max-bytes)")]
    TooLarge {
        /// The limit, in bytes.
        limit: u64,
    },
    /// The HTTP response in a `response` record is unusable.
    #[error("malformed HTTP response in WARC record: {0}")]
    Http(&'static str),
    /// Reading the stream failed.
    #[error(transparent)]
    Io(std::io::Error),
    /// A JSON Lines line is not a `{"html": …}` object.
    #[error("invalid JSON Lines record")]
    Json(#[source] serde_json::Error),
    /// A JSON Lines line has an invalid `url`.
    #[error("invalid url")]
    Url(#[source] url::ParseError),
}

impl RecordError {
    /// A short name for the `--errors` log and the manifest.
    pub fn kind(&self) -> &'static str {
        match self {
            RecordError::Truncated { .. } | RecordError::TruncatedHeaders => "truncated",
            RecordError::NotWarc | RecordError::Malformed(_) => "warc",
            RecordError::TooLarge { .. } => "too_large",
            RecordError::Http(_) => "http",
            RecordError::Io(_) => "read",
            RecordError::Json(_) | RecordError::Url(_) => "jsonl",
        }
    }
}

/// The jobs named by a list of inputs: pages, and the pages inside bundles,
/// in order; see the module docs.
pub struct Jobs<'a> {
    inputs: Inputs<'a>,
    format: SourceFormat,
    limit: u64,
    bundle: Option<Bundle<'a>>,
}

impl fmt::Debug for Jobs<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Jobs")
            .field("inputs", &self.inputs)
            .field("format", &self.format)
            .field("limit", &self.limit)
            .finish_non_exhaustive()
    }
}

/// The bundle being read.
enum Bundle<'a> {
    Warc {
        file: String,
        gzip: bool,
        records: WarcReader<Box<dyn BufRead + 'a>>,
    },
    Jsonl {
        file: String,
        lines: Lines<'a>,
        number: usize,
        buffer: Vec<u8>,
        done: bool,
    },
}

type Item = Result<Job, Failed<Job>>;

impl<'a> Jobs<'a> {
    /// The jobs of `inputs`, reading bundles as `format` says; pages and
    /// records above `limit` bytes fail.
    pub fn new(inputs: Inputs<'a>, format: SourceFormat, limit: u64) -> Jobs<'a> {
        Jobs {
            inputs,
            format,
            limit,
            bundle: None,
        }
    }

    fn open(&mut self, input: Input) -> Option<Item> {
        let format = self.format.of(&input);
        let opened = match format {
            SourceFormat::Warc => open_warc(&input).map(|(reader, gzip)| Bundle::Warc {
                file: input.name(),
                gzip,
                records: WarcReader::new(reader, self.limit),
            }),
            SourceFormat::Jsonl => {
                read::open_lines(&input, self.limit).map(|lines| Bundle::Jsonl {
                    file: input.name(),
                    lines,
                    number: 0,
                    buffer: Vec::new(),
                    done: false,
                })
            }
            SourceFormat::Auto | SourceFormat::Html => return Some(Ok(Job::File(input))),
        };
        match opened {
            Ok(bundle) => {
                self.bundle = Some(bundle);
                None
            }
            Err(error) => Some(Err(Failed {
                input: Job::File(input),
                error,
            })),
        }
    }
}

impl Iterator for Jobs<'_> {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            if let Some(bundle) = &mut self.bundle {
                match bundle.next(self.limit) {
                    Some(item) => return Some(item),
                    None => self.bundle = None,
                }
                continue;
            }
            let item = match self.inputs.next()? {
                Ok(input) => self.open(input),
                Err(failed) => Some(Err(Failed {
                    input: Job::File(failed.input),
                    error: failed.error,
                })),
            };
            if item.is_some() {
                return item;
            }
        }
    }
}

impl Bundle<'_> {
    /// The next page of the bundle, or failed record; `None` at its end.
    fn next(&mut self, limit: u64) -> Option<Item> {
        match self {
            Bundle::Warc {
                file,
                gzip,
                records,
            } => loop {
                let item = match records.next()? {
                    Ok(record) => warc_page(record, file, limit),
                    Err(bad) => Some(Err(warc_failure(bad, file, *gzip))),
                };
                if item.is_some() {
                    return item;
                }
            },
            Bundle::Jsonl {
                file,
                lines,
                number,
                buffer,
                done,
            } => loop {
                if *done {
                    return None;
                }
                *number += 1;
                let name = || format!("{file}:{number}");
                let error = match lines.next_line(buffer) {
                    Ok(None) => return None,
                    Ok(Some(Line::Read)) if buffer.trim_ascii().is_empty() => continue,
                    Ok(Some(Line::Read)) => match jsonl::page(buffer, name()) {
                        Ok(page) => return Some(Ok(Job::Page(Box::new(page)))),
                        Err(e) => InputError::Record(e),
                    },
                    Ok(Some(Line::TooLong)) => InputError::TooLarge { limit },
                    Err(error) => {
                        // The rest of a corrupt stream cannot be read.
                        *done = true;
                        error
                    }
                };
                return Some(Err(Failed {
                    input: named(name()),
                    error,
                }));
            },
        }
    }
}

/// Buffer size for reading WARC files.
const WARC_BUFFER: usize = 256 * 1024;

/// Opens a WARC file, reading its gzip members one by one when it starts
/// with the gzip magic number (then the flag is set).
fn open_warc<'a>(input: &Input) -> Result<(Box<dyn BufRead + 'a>, bool), InputError> {
    let mut raw: Box<dyn BufRead + 'a> = match input {
        Input::Stdin => Box::new(BufReader::with_capacity(WARC_BUFFER, io::stdin().lock())),
        Input::File(path) => Box::new(BufReader::with_capacity(
            WARC_BUFFER,
            File::open(path).map_err(InputError::Read)?,
        )),
    };
    let head = raw.fill_buf().map_err(InputError::Read)?;
    // A pipe may hand over a single byte first.
    let gzip = !head.is_empty() && [0x1f, 0x8b].starts_with(&head[..head.len().min(2)]);
    if gzip {
        let members = Members::new(raw);
        return Ok((
            Box::new(BufReader::with_capacity(WARC_BUFFER, members)),
            true,
        ));
    }
    Ok((raw, false))
}

/// A job that only names a failed record.
fn named(name: String) -> Job {
    Job::Page(Box::new(Page {
        name,
        ..Page::default()
    }))
}

/// The name of a WARC record in messages and `source`: `FILE#ID` with the
/// id's angle brackets dropped, or `FILE#OFFSET`.
fn record_name(file: &str, id: Option<&str>, offset: u64) -> String {
    match id {
        Some(id) => format!(
            "{file}#{}",
            id.trim_start_matches('<').trim_end_matches('>')
        ),
        None => format!("{file}#{offset}"),
    }
}

fn warc_failure(bad: BadRecord, file: &str, gzip: bool) -> Failed<Job> {
    let error = match bad.error {
        RecordError::Io(e) if gzip && read::is_corrupt(&e) => InputError::Gzip(e),
        RecordError::Io(e) => InputError::Read(e),
        other => InputError::Record(other),
    };
    Failed {
        input: named(record_name(file, bad.id.as_deref(), bad.offset)),
        error,
    }
}

/// The HTML page in `record`, if it holds one.
fn warc_page(record: WarcRecord, file: &str, limit: u64) -> Option<Item> {
    let content_type = record.content_type.as_deref().unwrap_or("");
    let name = record_name(file, record.id.as_deref(), record.offset);
    let failed = |error| {
        Some(Err(Failed {
            input: named(name.clone()),
            error,
        }))
    };
    let (body, charset) = match record.kind.as_str() {
        "response" if warc::is_http_response(content_type) => {
            let response = match http::parse(&record.body) {
                Ok(response) => response,
                Err(e) => return failed(InputError::Record(e)),
            };
            let http_type = response.content_type.as_deref().unwrap_or("");
            if !http::is_html(http_type) {
                return None;
            }
            (response.body, http::charset(http_type))
        }
        "resource" if http::is_html(content_type) => {
            (&record.body[..], http::charset(content_type))
        }
        _ => return None,
    };
    // Bodies are stored decoded, but a few crawlers keep gzip.
    let html = match read::read_from(body, limit) {
        Ok(html) => html,
        Err(error) => return failed(error),
    };
    let url = record
        .target_uri
        .as_deref()
        .and_then(|u| Url::parse(u.trim_start_matches('<').trim_end_matches('>')).ok());
    Some(Ok(Job::Page(Box::new(Page {
        name: name.clone(),
        html,
        url,
        charset,
        warc: Some(WarcOrigin {
            record_id: record.id.unwrap_or_default(),
            file: file.to_owned(),
        }),
    }))))
}
