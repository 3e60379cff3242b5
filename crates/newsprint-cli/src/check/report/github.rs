//! GitHub Actions annotations: `::error file=PATH,line=LINE,col=COL::message`,
//! which the Actions log shows and pins to the file in a pull request.

use std::io::{self, Write};

use super::{Location, Printer};
use crate::check::{tally::Tally, verdict::Issue};

/// Workflow commands.
#[derive(Debug)]
pub(super) struct Github;

impl Printer for Github {
    fn issue(&mut self, out: &mut dyn Write, at: Location<'_>, issue: &Issue) -> io::Result<()> {
        write!(out, "::error ")?;
        if at.path != "-" {
            write!(out, "file={},", property(at.path))?;
        }
        if let Some(line) = at.line {
            write!(out, "line={line},")?;
            if let Some(column) = issue.column {
                write!(out, "col={column},")?;
            }
        }
        writeln!(out, "title=newscheck::{}", data(&issue.message))
    }

    fn unreadable(&mut self, out: &mut dyn Write, path: &str, message: &str) -> io::Result<()> {
        writeln!(
            out,
            "::error file={},title=newscheck::could not read: {}",
            property(path),
            data(message)
        )
    }

    fn summary(&mut self, out: &mut dyn Write, tally: &Tally) -> io::Result<()> {
        writeln!(out, "{}", tally.summary())
    }
}

/// A command's message, escaped as the Actions runner expects.
fn data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A command's property value (`file=…`): `:` and `,` are escaped too.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::super::{ReportFormat, tests::sample};
    use super::*;

    #[test]
    fn escaping_follows_the_runner() {
        assert_eq!(data("50% a\r\nb"), "50%25 a%0D%0Ab");
        assert_eq!(property("a:b,c%"), "a%3Ab%2Cc%25");
    }

    #[test]
    fn github_report() {
        insta::assert_snapshot!(sample(ReportFormat::Github), @r#"
        ::error file=out%2C 1.jsonl,line=2,title=newscheck::field 'published': not a date: "yesterday"
        ::error file=out%2C 1.jsonl,line=3,col=16,title=newscheck::invalid JSON: key must be a string
        ::error file=a.html,title=newscheck::field 'published': not a date: "yesterday"
        ::error file=gone.json,title=newscheck::could not read: No such file
        3 of 1,204 records failed in 2 files; 1 input could not be read
        "#);
    }
}
