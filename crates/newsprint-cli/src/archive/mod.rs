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

use std::{fmt, path::Path};

use encoding_rs::Encoding;
use url::Url;

use crate::{
    Input,
    input::{extension, is_page},
};

mod error;
pub mod http;
mod jobs;
pub mod jsonl;
pub mod members;
pub mod warc;

pub use self::{error::RecordError, jobs::Jobs};

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
