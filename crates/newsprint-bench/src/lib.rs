//! The newsprint benchmark: how well and how fast [`article_extract`] turns
//! news pages into articles, measured on `../shared/bench`.
//!
//! The data flow is load → extract and score → time → report:
//!
//! - [`dataset`] loads a [`Dataset`] (ScrapingHub or wcxb-dev): every page
//!   gunzipped into memory with its ground truth;
//! - [`quality::evaluate`] extracts each page (in parallel) and scores it
//!   with [`metrics`] (token multisets, the ScrapingHub and wcxb-dev
//!   aggregates, snippet and metadata matching on [`normalize`]d text) and
//!   [`diff`] (what was missed and leaked), giving a [`SetResult`];
//! - [`speed::measure`] times the html5ever baseline and the extractor on
//!   one thread, and [`speed::end_to_end`] times the `news2json` binary;
//! - [`scale`] runs the converters end to end as a data team would: each
//!   tool at `-j 1`, `-j 2` scaling, peak RSS over 1,000 and 10,000 pages,
//!   and a WARC.gz written from the bench pages;
//! - [`stress`] times a generated 50 MB page and a 100,000-deep page, each
//!   in a child process that reports its own peak RSS;
//! - [`markdown::evaluate`] renders each page as `news2md` does and reads
//!   it back with a CommonMark parser: round-trip word F1 against
//!   `news2json`'s text, front matter against the JSON fields, structure
//!   recall against wcxb-dev's `main_content_markdown`;
//! - [`report::render`] prints it all as Markdown; [`floors`] holds the
//!   levels that `tests/quality.rs` guards.
//!
//! The `newsprint-bench` binary wires these together ([`cli::run`]).
//!
//! ```
//! use newsprint_bench::metrics::{shingle_counts, word_counts};
//!
//! let c = shingle_counts("Menu. The cat sat on the mat.", "The cat sat on the mat.");
//! assert_eq!((c.tp, c.fp, c.fn_), (3, 1, 0));
//! assert_eq!(c.recall(), 1.0);
//! assert_eq!(word_counts("THE cat", "the cat sat").recall(), 2.0 / 3.0);
//! ```
#![deny(missing_docs)]
#![forbid(unsafe_code)]
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

pub mod cli;
pub mod dataset;
pub mod diff;
mod error;
pub mod floors;
pub mod machine;
pub mod markdown;
pub mod metrics;
pub mod normalize;
pub mod quality;
pub mod report;
pub mod scale;
pub mod speed;
pub mod stress;

pub use dataset::{Dataset, SetName};
pub use error::Error;
pub use quality::SetResult;
