//! The article model shared by every newsprint tool.
//!
//! An [`Article`] holds metadata (title, authors, dates, …) and a body kept as a
//! tree of [`Block`]s with [`Inline`] content, so that plain text, CSV cells and
//! Markdown all render from one source. [`Record`] is the wire form written as
//! JSON (the contract described by `schema/article.schema.json`), and [`Field`]
//! names each of its fields for column selection and validation
//! ([`rules::Rules`]).
//!
//! This crate knows nothing of HTML or of the command line.
//!
//! ```
//! use article_model::{Article, Block, Inline, Record};
//!
//! let mut article = Article::default();
//! article.title = Some("Hello".into());
//! article.body.push(Block::Paragraph(vec![Inline::Text("One two three.".into())]));
//! let record = Record::new(&article, "-");
//! assert_eq!(record.text, "One two three.");
//! assert_eq!(record.word_count, 3);
//! ```
#![deny(missing_docs)]
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

mod article;
mod body;
mod field;
mod links;
mod provenance;
mod record;
pub mod rules;
mod text;
mod timestamp;

pub use article::Article;
pub use body::{Align, Block, Cell, Inline, ListItem};
pub use field::{Field, UnknownField};
pub use links::{Link, links};
pub use provenance::{FieldOrigin, Origin, Provenance, Sourced};
pub use record::Record;
pub use text::{inline_text, plain_text, word_count};
pub use timestamp::{Timestamp, TimestampError};
pub use url::Url;
