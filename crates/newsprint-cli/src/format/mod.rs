//! Output formats, one file each, behind the [`Writer`] trait.
//!
//! A writer is stateless and shared by the worker threads: each article is
//! rendered into its own buffer on a worker, and the buffers are written in
//! input order. [`Writer::begin`] and [`Writer::finish`] write what comes
//! before and after all articles (the CSV header).

use std::io::{self, Write};

use article_model::{Article, Field};

mod csv;
pub mod escape;
mod json;
mod markdown;
#[cfg(test)]
mod props;

pub use self::{
    csv::{CsvRow, CsvWriter, DEFAULT_COLUMNS, DEFAULT_COLUMNS_ARG, LIST_SEPARATOR},
    json::{JsonLayout, JsonOptions, JsonWriter},
    markdown::{
        FrontMatter, MarkdownArgs, MarkdownOptions, MarkdownWriter, front_matter, markdown_body,
        render_body, render_body_with, toml_front_matter,
    },
};

/// Renders articles in one output format.
pub trait Writer: Send + Sync {
    /// Writes what comes before the first article.
    fn begin(&self, out: &mut dyn Write) -> io::Result<()> {
        let _ = out;
        Ok(())
    }

    /// Writes one article read from `source` (a path, or `-`).
    fn write(&self, out: &mut dyn Write, article: &Article, source: &str) -> io::Result<()>;

    /// Writes one article read from `origin`; formats that can carry the
    /// WARC record a page came from (JSON) override this.
    fn write_from(
        &self,
        out: &mut dyn Write,
        article: &Article,
        origin: &RecordSource<'_>,
    ) -> io::Result<()> {
        self.write(out, article, origin.source)
    }

    /// Writes what comes after the last article.
    fn finish(&self, out: &mut dyn Write) -> io::Result<()> {
        let _ = out;
        Ok(())
    }
}

/// Where an article came from (not to be confused with
/// [`article_model::Origin`], where a metadata value came from).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RecordSource<'a> {
    /// The `source` field: a path, `-`, `FILE#RECORD-ID` or `FILE:LINE`.
    pub source: &'a str,
    /// For a page of a WARC file, its `WARC-Record-ID` and the file.
    pub warc: Option<(&'a str, &'a str)>,
}

/// Settings for [`Format::Csv`].
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct CsvOptions {
    /// The columns, in order.
    pub columns: Vec<Field>,
    /// Whether to neutralise cells a spreadsheet would run as formulas
    /// ([`escape::spreadsheet_cell`]).
    pub excel_safe: bool,
}

impl CsvOptions {
    /// Options for `columns`, in that order, without `--excel-safe`.
    pub fn new(columns: Vec<Field>) -> CsvOptions {
        CsvOptions {
            columns,
            excel_safe: false,
        }
    }

    /// The same options with `--excel-safe` set or not.
    pub fn excel_safe(mut self, excel_safe: bool) -> CsvOptions {
        self.excel_safe = excel_safe;
        self
    }
}

/// An output format with its settings.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Format {
    /// JSON objects (see [`JsonOptions`]).
    Json(JsonOptions),
    /// CSV with a header row.
    Csv(CsvOptions),
    /// Markdown documents with front matter.
    Markdown(MarkdownOptions),
}

impl Format {
    /// The extension of this format's files (`json`, `csv`, `md`).
    pub fn extension(&self) -> &'static str {
        match self {
            Format::Json(_) => "json",
            Format::Csv(_) => "csv",
            Format::Markdown(_) => "md",
        }
    }

    /// The writer for this format; `single_page` tells whether the run has
    /// one page only (for [`JsonLayout::Auto`]).
    pub fn writer(&self, single_page: bool) -> Box<dyn Writer> {
        match self {
            Format::Json(options) => Box::new(JsonWriter::with_options(JsonOptions {
                layout: options.layout.resolve(single_page),
                ..options.clone()
            })),
            Format::Csv(options) => {
                Box::new(CsvWriter::new(options.columns.clone()).excel_safe(options.excel_safe))
            }
            Format::Markdown(options) => Box::new(MarkdownWriter::new(options.clone())),
        }
    }
}
