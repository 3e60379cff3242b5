//! Messages about failed inputs on standard error: `tool: PATH: reason`.
//!
//! The [`Reporter`] remembers that something failed (its "errored" flag) so
//! the run can end with exit status 1 after the batch has gone on.

use std::{
    error::Error as StdError,
    fmt,
    io::{self, Write},
    sync::atomic::{AtomicBool, Ordering},
};

use crate::Input;

/// Reports failed inputs and remembers that one failed.
#[derive(Debug)]
pub struct Reporter {
    tool: &'static str,
    quiet: bool,
    errored: AtomicBool,
}

impl Reporter {
    /// A reporter for `tool`; `quiet` silences messages but not the flag.
    pub fn new(tool: &'static str, quiet: bool) -> Reporter {
        Reporter {
            tool,
            quiet,
            errored: AtomicBool::new(false),
        }
    }

    /// Reports that `input` failed with `error`, printing the error's chain
    /// of causes.
    pub fn input_error(&self, input: &Input, error: &(dyn StdError + 'static)) {
        self.errored.store(true, Ordering::Relaxed);
        if !self.quiet {
            // Nothing sensible can be done if standard error is gone.
            let _ = writeln!(
                io::stderr().lock(),
                "{}: {input}: {}",
                self.tool,
                Chain(error)
            );
        }
    }

    /// Whether any input failed.
    pub fn errored(&self) -> bool {
        self.errored.load(Ordering::Relaxed)
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
    use crate::InputError;

    #[test]
    fn chain_joins_causes() {
        let err = InputError::Gzip(io::Error::new(io::ErrorKind::UnexpectedEof, "truncated"));
        assert_eq!(Chain(&err).to_string(), "corrupt gzip data: truncated");
        let err = InputError::Read(io::Error::new(io::ErrorKind::NotFound, "gone"));
        assert_eq!(Chain(&err).to_string(), "gone");
    }

    #[test]
    fn reporting_sets_the_flag_even_when_quiet() {
        let reporter = Reporter::new("tool", true);
        assert!(!reporter.errored());
        reporter.input_error(&Input::Stdin, &InputError::Panicked);
        assert!(reporter.errored());
    }
}
