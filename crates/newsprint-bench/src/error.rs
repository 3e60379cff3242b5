//! The error type of this crate.

use std::{io, path::PathBuf};

/// Why the benchmark data or the floors file could not be used.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The data folder (or one of its sets) does not exist.
    #[error(
        "benchmark data not found at '{}' (expected scrapinghub/ and wcxb-dev/ there; \
         pass --data DIR or put the sets at ../shared/bench beside the workspace)",
        path.display()
    )]
    DataNotFound {
        /// The path that was looked for.
        path: PathBuf,
    },
    /// A file could not be read or written.
    #[error("could not access '{}'", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: io::Error,
    },
    /// A JSON file did not have the expected shape.
    #[error("could not parse '{}'", path.display())]
    Json {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: serde_json::Error,
    },
}

impl Error {
    pub(crate) fn io(path: impl Into<PathBuf>) -> impl FnOnce(io::Error) -> Error {
        let path = path.into();
        move |source| Error::Io { path, source }
    }

    pub(crate) fn json(path: impl Into<PathBuf>) -> impl FnOnce(serde_json::Error) -> Error {
        let path = path.into();
        move |source| Error::Json { path, source }
    }
}
