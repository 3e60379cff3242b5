//! Why a page could not be extracted.

/// An input that is not an HTML page.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ExtractError {
    /// The input has no bytes, or only whitespace.
    #[error("empty input")]
    Empty,
    /// The input looks like binary data rather than text.
    #[error("not HTML: looks like {0}")]
    Binary(&'static str),
}
