//! Messages about failed inputs on standard error: `tool: PATH: reason`.
//!
//! The [`Reporter`] remembers that something failed (its "errored" flag) so
//! the run can end with exit status 1 after the batch has gone on. Made with
//! [`Reporter::for_config`], it also writes each failure to the `--errors`
//! log as one JSON line (`source`, `error` kind, `message`), which
//! [`Reporter::finish`] renames into place.

use std::{
    error::Error as StdError,
    fmt,
    io::{self, Write},
    sync::{
        Mutex, PoisonError,
        atomic::{AtomicBool, Ordering},
    },
};

use crate::{
    Config, Error, InputError,
    output::{Output, Target},
    progress::Progress,
};

/// Reports failed inputs and remembers that one failed.
#[derive(Debug)]
pub struct Reporter {
    tool: &'static str,
    quiet: bool,
    errored: AtomicBool,
    log: Option<Mutex<ErrorLog>>,
    progress: Progress,
}

/// The `--errors` file, and the first error met writing it.
#[derive(Debug)]
struct ErrorLog {
    output: Output,
    failed: Option<Error>,
}

/// One line of the `--errors` log.
#[derive(Debug, serde::Serialize)]
struct LogLine<'a> {
    source: &'a str,
    error: &'static str,
    message: &'a str,
}

impl Reporter {
    /// A reporter for `tool`; `quiet` silences messages but not the flag.
    /// It writes no error log.
    pub fn new(tool: &'static str, quiet: bool) -> Reporter {
        Reporter {
            tool,
            quiet,
            errored: AtomicBool::new(false),
            log: None,
            progress: Progress::hidden(),
        }
    }

    /// The same reporter, printing messages around `progress`.
    pub fn with_progress(mut self, progress: Progress) -> Reporter {
        self.progress = progress;
        self
    }

    /// The progress bar (maybe hidden) that messages are printed around.
    pub fn progress(&self) -> &Progress {
        &self.progress
    }

    /// A reporter for `config`'s tool that also writes the error log
    /// `config` asks for (`--errors FILE`). The file is opened (under a
    /// temporary name) now, so an unwritable one stops the run at once.
    pub fn for_config(config: &Config) -> Result<Reporter, Error> {
        let mut reporter = Reporter::new(config.tool, config.quiet);
        if let Some(path) = &config.error_log {
            let output = Output::open(&Target::File(path.clone()))?;
            reporter.log = Some(Mutex::new(ErrorLog {
                output,
                failed: None,
            }));
        }
        Ok(reporter)
    }

    /// Reports that `input` failed with `error`, printing the error's chain
    /// of causes, and logs it.
    pub fn input_error(&self, input: &dyn fmt::Display, error: &(dyn StdError + 'static)) {
        self.errored.store(true, Ordering::Relaxed);
        let message = Chain(error).to_string();
        if !self.quiet {
            // Nothing sensible can be done if standard error is gone.
            self.progress.suspend(|| {
                let _ = writeln!(io::stderr().lock(), "{}: {input}: {message}", self.tool);
            });
        }
        if let Some(log) = &self.log {
            let kind = error
                .downcast_ref::<InputError>()
                .map_or("error", InputError::kind);
            let line = LogLine {
                source: &input.to_string(),
                error: kind,
                message: &message,
            };
            let mut log = log.lock().unwrap_or_else(PoisonError::into_inner);
            if log.failed.is_none() {
                let written = log.output.write_with(|w| {
                    serde_json::to_writer(&mut *w, &line)?;
                    w.write_all(b"\n")
                });
                log.failed = written.err();
            }
        }
    }

    /// Whether any input failed.
    pub fn errored(&self) -> bool {
        self.errored.load(Ordering::Relaxed)
    }

    /// Ends the run's reporting: flushes the error log and renames it into
    /// place, or returns the first error met writing it.
    pub fn finish(self) -> Result<(), Error> {
        self.progress.finish();
        let Some(log) = self.log else {
            return Ok(());
        };
        let log = log.into_inner().unwrap_or_else(PoisonError::into_inner);
        match log.failed {
            Some(error) => Err(error),
            None => log.output.finish(),
        }
    }
}

/// Displays an error followed by its causes, separated by `: `.
#[derive(Debug)]
pub struct Chain<'a>(pub &'a (dyn StdError + 'static));

impl fmt::Display for Chain<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)?;
        let mut source = self.0.source();
        while let Some(cause) = source {
            write!(f, ": {cause}")?;
            source = cause.source();
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Input, InputError};

    #[test]
    fn chain_joins_causes() {
        let err = InputError::Gzip(io::Error::new(io::ErrorKind::UnexpectedEof, "truncated"));
        assert_eq!(Chain(&err).to_string(), "corrupt gzip data: truncated");
        let err = InputError::Read(io::Error::new(io::ErrorKind::NotFound, "gone"));
        assert_eq!(Chain(&err).to_string(), "gone");
    }

    fn config(log: Option<std::path::PathBuf>) -> Config {
        let args = <CommonArgsParser as clap::Parser>::parse_from(["tool", "-q"]);
        Config::new("tool", args.common)
            .unwrap()
            .with_error_log(crate::args::ErrorLogArgs { errors: log })
    }

    #[derive(Debug, clap::Parser)]
    struct CommonArgsParser {
        #[command(flatten)]
        common: crate::CommonArgs,
    }

    #[test]
    fn failures_are_logged_as_json_lines() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("failed.jsonl");
        let reporter = Reporter::for_config(&config(Some(path.clone()))).unwrap();
        reporter.input_error(
            &Input::File("a \"b\".html".into()),
            &InputError::Extract(article_extract::ExtractError::Empty),
        );
        reporter.input_error(&Input::Stdin, &InputError::TooLarge { limit: 1024 });
        reporter.input_error(&Input::Stdin, &io::Error::other("odd"));
        assert!(!path.exists(), "the log appears only when finished");
        reporter.finish().unwrap();
        let log = std::fs::read_to_string(&path).unwrap();
        let lines: Vec<serde_json::Value> = log
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(
            lines,
            [
                serde_json::json!({"source": "a \"b\".html", "error": "empty", "message": "empty input"}),
                serde_json::json!({"source": "-", "error": "too_large", "message": "larger than 1 KiB (the input size limit; see --max-bytes)"}),
                serde_json::json!({"source": "-", "error": "error", "message": "odd"}),
            ]
        );
    }

    #[test]
    fn an_empty_log_is_still_written() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("failed.jsonl");
        Reporter::for_config(&config(Some(path.clone())))
            .unwrap()
            .finish()
            .unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"");
        Reporter::for_config(&config(None))
            .unwrap()
            .finish()
            .unwrap();
    }

    #[test]
    fn an_unwritable_log_stops_the_run_early() {
        let err = Reporter::for_config(&config(Some("/no/such/dir/f.jsonl".into()))).unwrap_err();
        assert_eq!(err.to_string(), "could not write '/no/such/dir/f.jsonl'");
    }

    #[test]
    fn reporters_are_shared_by_threads() {
        fn is_sync<T: Sync + Send>() {}
        is_sync::<Reporter>();
    }

    #[test]
    fn reporting_sets_the_flag_even_when_quiet() {
        let reporter = Reporter::new("tool", true);
        assert!(!reporter.errored());
        reporter.input_error(&Input::Stdin, &InputError::Panicked);
        assert!(reporter.errored());
    }
}
