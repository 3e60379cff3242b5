//! Report styles (`--format`): one file per style behind one trait.
//!
//! - [`text`]: `PATH:LINE:COLUMN: message`, then the summary line;
//! - [`json`]: one JSON object per problem, then a summary object;
//! - [`github`]: GitHub Actions `::error` annotations, then the summary.

use std::io::{self, Write};

use super::{tally::Tally, verdict::Issue};

mod github;
mod json;
mod text;

/// How `newscheck` writes its report.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    /// `PATH:LINE:COLUMN: message` lines, then a summary line.
    #[default]
    Text,
    /// JSON Lines: an object per problem, then a summary object.
    Json,
    /// GitHub Actions annotations (`::error file=…,line=…::message`).
    Github,
}

/// Where a problem is.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Location<'a> {
    /// The input's name (`-` for standard input).
    pub(crate) path: &'a str,
    /// 1-based line of the record, when known.
    pub(crate) line: Option<usize>,
}

/// Writes one report style.
pub(crate) trait Printer {
    /// One problem.
    fn issue(&mut self, out: &mut dyn Write, at: Location<'_>, issue: &Issue) -> io::Result<()>;

    /// An input that could not be read (also reported on standard error).
    fn unreadable(&mut self, out: &mut dyn Write, path: &str, message: &str) -> io::Result<()>;

    /// The summary at the end.
    fn summary(&mut self, out: &mut dyn Write, tally: &Tally) -> io::Result<()>;
}

impl ReportFormat {
    /// The printer for this style.
    pub(crate) fn printer(self) -> Box<dyn Printer + Send> {
        match self {
            ReportFormat::Text => Box::new(text::Text),
            ReportFormat::Json => Box::new(json::Json),
            ReportFormat::Github => Box::new(github::Github),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::verdict::MALFORMED;
    use article_model::Field;

    /// Every style's output for two problems, an unreadable input and a
    /// summary.
    pub(super) fn sample(format: ReportFormat) -> String {
        let mut printer = format.printer();
        let mut out = Vec::new();
        let date = Issue {
            field: Some(Field::Published),
            rule: "not_a_date",
            message: "field 'published': not a date: \"yesterday\"".into(),
            column: None,
        };
        let json = Issue {
            field: None,
            rule: MALFORMED,
            message: "invalid JSON: key must be a string".into(),
            column: Some(16),
        };
        let at = |line| Location {
            path: "out, 1.jsonl",
            line,
        };
        printer.issue(&mut out, at(Some(2)), &date).unwrap();
        printer.issue(&mut out, at(Some(3)), &json).unwrap();
        printer
            .issue(
                &mut out,
                Location {
                    path: "a.html",
                    line: None,
                },
                &date,
            )
            .unwrap();
        printer
            .unreadable(&mut out, "gone.json", "No such file")
            .unwrap();
        let tally = Tally {
            records: 1204,
            failed: 3,
            malformed: 1,
            files: 2,
            files_failed: 2,
            unreadable: 1,
            problems: 3,
            shown: 3,
        };
        printer.summary(&mut out, &tally).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn text_report() {
        insta::assert_snapshot!(sample(ReportFormat::Text), @r#"
        out, 1.jsonl:2: field 'published': not a date: "yesterday"
        out, 1.jsonl:3:16: invalid JSON: key must be a string
        a.html: field 'published': not a date: "yesterday"
        3 of 1,204 records failed in 2 files; 1 input could not be read
        "#);
    }
}
