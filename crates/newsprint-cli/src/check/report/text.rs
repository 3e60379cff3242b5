//! The plain report: `PATH:LINE:COLUMN: message` lines and a summary line.

use std::io::{self, Write};

use super::{Location, Printer};
use crate::check::{tally::Tally, verdict::Issue};

/// `PATH[:LINE[:COLUMN]]: message`.
#[derive(Debug)]
pub(super) struct Text;

impl Printer for Text {
    fn issue(&mut self, out: &mut dyn Write, at: Location<'_>, issue: &Issue) -> io::Result<()> {
        write!(out, "{}", at.path)?;
        if let Some(line) = at.line {
            write!(out, ":{line}")?;
            if let Some(column) = issue.column {
                write!(out, ":{column}")?;
            }
        }
        writeln!(out, ": {}", issue.message)
    }

    fn unreadable(&mut self, _: &mut dyn Write, _: &str, _: &str) -> io::Result<()> {
        // Standard error has it already.
        Ok(())
    }

    fn summary(&mut self, out: &mut dyn Write, tally: &Tally) -> io::Result<()> {
        writeln!(out, "{}", tally.summary())
    }
}
