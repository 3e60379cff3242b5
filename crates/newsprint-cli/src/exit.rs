//! Exit statuses, mapped in one place.
//!
//! | code | meaning |
//! |------|---------|
//! | 0    | every input was processed (and, for `newscheck`, every record passed) |
//! | 1    | some input failed, or some record failed validation; the rest was processed |
//! | 2    | usage error, or the run could not go on (say, the output could not be written) |
//!
//! A broken pipe (`news2json dir/ | head`) is not an error: the run stops
//! quietly with status 0.

use std::{
    error::Error as StdError,
    io::{self, Write},
    process::ExitCode,
};

use clap::error::ErrorKind;

use crate::{Error, report::Chain};

/// Help text for the converters' exit statuses (for `after_long_help`).
pub const EXIT_STATUS_HELP: &str = "\
Exit status:
  0  every input was converted
  1  some input failed (reported on stderr as 'TOOL: PATH: reason');
     the others were converted
  2  usage error, or the output could not be written";

/// How a run ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExitStatus {
    /// Everything went well.
    Success,
    /// Some input or record failed; the others were processed.
    Failure,
    /// Usage error, or a fatal error stopped the run.
    Error,
}

impl ExitStatus {
    /// [`Failure`](ExitStatus::Failure) if `failed`, else
    /// [`Success`](ExitStatus::Success).
    pub fn from_failed(failed: bool) -> ExitStatus {
        if failed {
            ExitStatus::Failure
        } else {
            ExitStatus::Success
        }
    }

    /// The process exit code.
    pub fn code(self) -> u8 {
        match self {
            ExitStatus::Success => 0,
            ExitStatus::Failure => 1,
            ExitStatus::Error => 2,
        }
    }
}

impl From<ExitStatus> for ExitCode {
    fn from(status: ExitStatus) -> ExitCode {
        ExitCode::from(status.code())
    }
}

/// Ends a tool: maps the run's result to an exit code, printing fatal
/// errors on standard error.
///
/// Usage errors are printed the way clap prints its own, with the usage line
/// of `command`; other fatal errors as `tool: message: cause`. A broken pipe
/// anywhere in the error's chain ends with status 0 and no message.
pub fn exit_code(
    result: Result<ExitStatus, Error>,
    command: impl FnOnce() -> clap::Command,
) -> ExitCode {
    status(result, command, &mut io::stderr().lock()).into()
}

/// The status for `result`, with fatal errors written to `stderr`.
fn status(
    result: Result<ExitStatus, Error>,
    command: impl FnOnce() -> clap::Command,
    stderr: &mut dyn Write,
) -> ExitStatus {
    // If standard error is gone there is nowhere left to complain, so write
    // errors are ignored.
    match result {
        Ok(status) => status,
        Err(err) if is_broken_pipe(&err) => ExitStatus::Success,
        Err(Error::Usage(message)) => {
            let err = command().error(ErrorKind::ArgumentConflict, message);
            let _ = write!(stderr, "{}", err.render());
            ExitStatus::Error
        }
        Err(err) => {
            let _ = writeln!(stderr, "{}: {}", command().get_name(), Chain(&err));
            ExitStatus::Error
        }
    }
}

/// Whether `err` or any of its causes is a broken pipe.
pub fn is_broken_pipe(err: &(dyn StdError + 'static)) -> bool {
    let mut next = Some(err);
    while let Some(err) = next {
        if let Some(io) = err.downcast_ref::<io::Error>()
            && io.kind() == io::ErrorKind::BrokenPipe
        {
            return true;
        }
        next = err.source();
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write_error(kind: io::ErrorKind) -> Error {
        Error::Write {
            target: "standard output".into(),
            source: io::Error::from(kind),
        }
    }

    #[test]
    fn codes_follow_the_table() {
        assert_eq!(ExitStatus::Success.code(), 0);
        assert_eq!(ExitStatus::Failure.code(), 1);
        assert_eq!(ExitStatus::Error.code(), 2);
        assert_eq!(ExitStatus::from_failed(false), ExitStatus::Success);
        assert_eq!(ExitStatus::from_failed(true), ExitStatus::Failure);
    }

    #[test]
    fn broken_pipe_is_found_anywhere_in_the_chain() {
        assert!(is_broken_pipe(&write_error(io::ErrorKind::BrokenPipe)));
        assert!(is_broken_pipe(&io::Error::from(io::ErrorKind::BrokenPipe)));
        assert!(!is_broken_pipe(&write_error(io::ErrorKind::StorageFull)));
        assert!(!is_broken_pipe(&Error::Usage("bad".into())));
    }

    #[test]
    fn results_map_to_statuses_and_messages() {
        let run = |result| {
            let mut stderr = Vec::new();
            let status = status(result, || clap::Command::new("tool"), &mut stderr);
            (status, String::from_utf8(stderr).unwrap())
        };
        assert_eq!(
            run(Ok(ExitStatus::Success)),
            (ExitStatus::Success, String::new())
        );
        assert_eq!(
            run(Ok(ExitStatus::Failure)),
            (ExitStatus::Failure, String::new())
        );
        assert_eq!(
            run(Err(write_error(io::ErrorKind::BrokenPipe))),
            (ExitStatus::Success, String::new())
        );
        let (status, message) = run(Err(write_error(io::ErrorKind::StorageFull)));
        assert_eq!(status, ExitStatus::Error);
        assert!(
            message.starts_with("tool: could not write standard output: "),
            "{message}"
        );
        let (status, message) = run(Err(Error::Usage("bad flags".into())));
        assert_eq!(status, ExitStatus::Error);
        assert!(message.starts_with("error: bad flags\n"), "{message}");
        assert!(message.contains("Usage: tool"), "{message}");
    }
}
