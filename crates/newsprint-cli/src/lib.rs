//! Command-line plumbing shared by the newsprint tools.
//!
//! Each tool's `main` parses its flags with clap (flattening [`CommonArgs`]),
//! validates them into a [`Config`], calls one function here and turns the
//! result into an exit code with [`exit_code`]:
//!
//! - [`convert`] (`news2json`, `news2csv`, `news2md`): pages → [`format`](mod@format);
//! - [`check::check`] (`newscheck`): pages or earlier output → a report.
//!
//! Underneath, the data flows through small modules:
//!
//! 1. [`input`] turns arguments into a lazy, sorted stream of [`Input`]s
//!    (files, directory walks, `-` for standard input, `--files-from`
//!    lists), and [`archive`] turns WARC and JSON Lines files among them
//!    into a stream of pages;
//! 2. [`read`] loads each one, gunzipping gzip data, with a size limit
//!    (`--max-bytes`);
//! 3. [`run`] works on inputs in parallel on `-j` threads and hands results
//!    on in input order, with bounded memory;
//! 4. [`format`](mod@format) renders articles (one file per format behind one trait),
//!    and [`output`] writes them to standard output or, atomically, a file
//!    ([`output_dir`]: one file per input);
//! 5. [`report`] prints `tool: PATH: reason` for each failed input (and
//!    logs it as JSON for `--errors`) and remembers that one failed, while
//!    [`progress`] draws a bar on a terminal and [`manifest`] sums the run
//!    up (`--manifest`); [`exit`] maps the outcome to 0, 1 or 2.
//!
//! ```no_run
//! use clap::{CommandFactory, Parser};
//! use newsprint_cli::{CommonArgs, Config, format::{Format, JsonLayout, JsonOptions}};
//!
//! /// Turn HTML news pages into JSON.
//! #[derive(Debug, Parser)]
//! struct Args {
//!     #[command(flatten)]
//!     common: CommonArgs,
//! }
//!
//! fn main() -> std::process::ExitCode {
//!     let args = Args::parse();
//!     let result = Config::new("news2json", args.common)
//!         .and_then(|config| {
//!             newsprint_cli::convert(&config, &Format::Json(JsonOptions::new(JsonLayout::Auto)))
//!         });
//!     newsprint_cli::exit_code(result, Args::command)
//! }
//! ```
#![deny(missing_docs)]
#![forbid(unsafe_code)]
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

pub mod archive;
pub mod args;
pub mod check;
mod convert;
mod error;
pub mod exit;
pub mod format;
pub mod input;
pub mod manifest;
pub mod output;
pub mod output_dir;
pub mod progress;
pub mod read;
pub mod report;
pub mod run;

pub use article_model::Field;

pub use crate::{
    args::{CommonArgs, Config, ConvertArgs, DatasetArgs, ErrorLogArgs, ExtractionArgs},
    convert::convert,
    error::{Error, InputError},
    exit::{EXIT_STATUS_HELP, ExitStatus, exit_code},
    input::Input,
    output_dir::OutputDirArgs,
};
