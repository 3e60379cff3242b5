//! HTML bytes in, an [`Article`] out.
//!
//! [`extract`] runs the whole pipeline on one page:
//!
//! 1. [`decode()`] turns bytes into text following the WHATWG rules (BOM,
//!    `<meta charset>` prescan, then detection with chardetng);
//! 2. [`dom::Document::parse`] builds an arena DOM with html5ever, once;
//! 3. `meta` collects metadata from JSON-LD, OpenGraph, meta tags, microdata
//!    and visible bylines, and ranks the candidates;
//! 4. `content` scores the DOM in one bottom-up pass, picks the article's
//!    container and turns it into [`article_model::Block`]s, leaving out
//!    navigation, share bars, related links and other boilerplate.
//!
//! Every walk over the DOM is iterative, so deep nesting cannot overflow the
//! stack. This crate knows nothing of the command line.
//!
//! ```
//! let html = br#"<html lang="en"><head><title>Hello - Example</title></head>
//! <body><article><h1>Hello</h1><p>First paragraph of the article, long enough to count.</p></article></body></html>"#;
//! let article = article_extract::extract(html, &article_extract::Options::default()).unwrap();
//! assert_eq!(article.title.as_deref(), Some("Hello"));
//! assert_eq!(article.language.as_deref(), Some("en"));
//! ```
#![deny(missing_docs)]
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

mod content;
pub mod decode;
pub mod dom;
mod error;
mod meta;
mod resolve;

pub use article_model::Article;
pub use decode::decode;
pub use error::ExtractError;
pub use url::Url;

/// What the caller knows about a page besides its bytes.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// The page's URL, used to resolve relative links when the page gives no
    /// `<base>` or canonical URL.
    pub url: Option<Url>,
    /// Forces this encoding instead of sniffing one.
    pub encoding: Option<&'static encoding_rs::Encoding>,
    /// The charset the transport layer declared (an HTTP `Content-Type`):
    /// a hint above `<meta>` and below [`encoding`](Options::encoding).
    pub transport_encoding: Option<&'static encoding_rs::Encoding>,
}

/// Extracts the article of one HTML page.
///
/// Fails only for input that is not a page at all: empty, blank or binary.
pub fn extract(bytes: &[u8], options: &Options) -> Result<Article, ExtractError> {
    let html = decode::decode_hinted(bytes, options.encoding, options.transport_encoding)?;
    Ok(extract_str(&html.text, options))
}

/// Extracts the article of a page that is already text.
pub fn extract_str(html: &str, options: &Options) -> Article {
    let doc = dom::Document::parse(html);
    let located = content::locate(&doc);
    let meta = meta::collect(&doc, options.url.as_ref(), located.root);
    let body = content::render(&doc, &located, &meta);
    meta.into_article(body)
}
