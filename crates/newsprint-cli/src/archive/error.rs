//! Why one record of a WARC or JSON Lines file failed.

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
