//! [`Jobs`]: the stream of pages of a run, with the pages of WARC and JSON
//! Lines files read one record at a time.

use std::{
    fmt,
    fs::File,
    io::{self, BufRead, BufReader},
};

use url::Url;

use super::{
    Job, Page, RecordError, SourceFormat, WarcOrigin, http, jsonl,
    members::Members,
    warc::{self, BadRecord, WarcReader, WarcRecord},
};
use crate::{
    Input, InputError,
    input::{Failed, Inputs},
    read::{self, Line, Lines},
};

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
