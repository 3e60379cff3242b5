//! The crate's error types: fatal errors that stop a run, and per-input
//! errors that are reported while the batch goes on.

use std::io;

use article_extract::ExtractError;

use crate::archive::RecordError;

/// An error that stops the whole run.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The command line is wrong in a way clap could not check alone.
    #[error("{0}")]
    Usage(String),
    /// The output could not be written.
    #[error("could not write {target}")]
    Write {
        /// `standard output` or the quoted output path.
        target: String,
        /// What went wrong.
        #[source]
        source: io::Error,
    },
    /// The worker threads could not be started.
    #[error("could not start {jobs} worker threads")]
    Threads {
        /// How many threads were asked for.
        jobs: usize,
        /// What went wrong.
        #[source]
        source: rayon::ThreadPoolBuildError,
    },
}

/// Why one input could not be turned into output.
///
/// The input's path is not part of the message: the reporter puts it in
/// front (`tool: PATH: reason`).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum InputError {
    /// The file could not be opened or read.
    #[error(transparent)]
    Read(io::Error),
    /// A directory could not be listed.
    #[error("could not list directory")]
    ListDir(#[source] io::Error),
    /// The data is gzip-compressed but truncated or corrupt.
    #[error("corrupt gzip data")]
    Gzip(#[source] io::Error),
    /// The (decompressed) data is larger than the limit.
    #[error("larger than {} (the input size limit; see --max-bytes)", human_size(*.limit))]
    TooLarge {
        /// The limit, in bytes.
        limit: u64,
    },
    /// The data is not an HTML page.
    #[error(transparent)]
    Extract(#[from] ExtractError),
    /// A record of a WARC or JSON Lines file is unusable.
    #[error(transparent)]
    Record(#[from] RecordError),
    /// The article could not be rendered in the output format.
    #[error("could not render the article")]
    Render(#[source] io::Error),
    /// With `--output-dir`, the input's file exists and `--force` was not
    /// given.
    #[error("'{}' already exists (use --force to replace it)", .0.display())]
    Exists(std::path::PathBuf),
    /// With `--output-dir`, the input's file could not be written.
    #[error("could not write '{}'", path.display())]
    WriteFile {
        /// The file.
        path: std::path::PathBuf,
        /// What went wrong.
        #[source]
        source: io::Error,
    },
    /// The worker panicked on this input (a bug; the batch goes on).
    #[error("internal error: processing this input panicked")]
    Panicked,
}

impl InputError {
    /// A short, stable name for the kind of failure, as written to the
    /// `--errors` log: `read`, `list_dir`, `gzip`, `too_large`, `empty`,
    /// `binary`, `extract`, `render`, `exists`, `write` or `panicked`; for
    /// records of WARC and JSON Lines files also `truncated`, `warc`, `http`
    /// or `jsonl`.
    pub fn kind(&self) -> &'static str {
        match self {
            InputError::Read(_) => "read",
            InputError::ListDir(_) => "list_dir",
            InputError::Gzip(_) => "gzip",
            InputError::TooLarge { .. } => "too_large",
            InputError::Extract(ExtractError::Empty) => "empty",
            InputError::Extract(ExtractError::Binary(_)) => "binary",
            InputError::Extract(_) => "extract",
            InputError::Record(e) => e.kind(),
            InputError::Render(_) => "render",
            InputError::Exists(_) => "exists",
            InputError::WriteFile { .. } => "write",
            InputError::Panicked => "panicked",
        }
    }
}

/// `64 MiB` for whole binary units, else a byte count.
fn human_size(bytes: u64) -> String {
    const UNITS: [(&str, u32); 4] = [("TiB", 40), ("GiB", 30), ("MiB", 20), ("KiB", 10)];
    for (unit, shift) in UNITS {
        let size = 1u64 << shift;
        if bytes >= size && bytes % size == 0 {
            return format!("{} {unit}", bytes >> shift);
        }
    }
    if bytes == 1 {
        "1 byte".to_owned()
    } else {
        format!("{bytes} bytes")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_well() {
        assert_eq!(
            InputError::TooLarge {
                limit: 64 * 1024 * 1024
            }
            .to_string(),
            "larger than 64 MiB (the input size limit; see --max-bytes)"
        );
        assert_eq!(
            InputError::TooLarge { limit: 10 }.to_string(),
            "larger than 10 bytes (the input size limit; see --max-bytes)"
        );
        let table = [
            (1, "1 byte"),
            (1000, "1000 bytes"),
            (1024, "1 KiB"),
            (1536, "1536 bytes"),
            (3 << 20, "3 MiB"),
            (1 << 30, "1 GiB"),
            (5 << 40, "5 TiB"),
        ];
        for (bytes, want) in table {
            assert_eq!(human_size(bytes), want);
        }
    }

    #[test]
    fn kinds_are_stable_names() {
        let io = || io::Error::other("x");
        let table = [
            (InputError::Read(io()), "read"),
            (InputError::ListDir(io()), "list_dir"),
            (InputError::Gzip(io()), "gzip"),
            (InputError::TooLarge { limit: 1 }, "too_large"),
            (InputError::Extract(ExtractError::Empty), "empty"),
            (
                InputError::Extract(ExtractError::Binary("a PNG image")),
                "binary",
            ),
            (InputError::Render(io()), "render"),
            (InputError::Exists("a.md".into()), "exists"),
            (
                InputError::WriteFile {
                    path: "a.md".into(),
                    source: io(),
                },
                "write",
            ),
            (InputError::Panicked, "panicked"),
        ];
        for (err, want) in table {
            assert_eq!(err.kind(), want, "{err}");
        }
    }
}
