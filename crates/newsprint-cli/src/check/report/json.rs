//! The JSON report: one object per line, `"type"` telling which kind.
//!
//! ```text
//! {"type":"problem","path":"a.jsonl","line":2,"column":null,"field":"published","rule":"not_a_date","message":"…"}
//! {"type":"error","path":"gone.json","message":"No such file"}
//! {"type":"summary","passed":false,"records":1204,"failed":3,…}
//! ```

use std::io::{self, Write};

use serde::Serialize;

use super::{Location, Printer};
use crate::check::{tally::Tally, verdict::Issue};

/// The report's lines on the wire.
#[derive(Debug, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
enum Line<'a> {
    Problem {
        path: &'a str,
        line: Option<usize>,
        column: Option<usize>,
        field: Option<&'static str>,
        rule: &'static str,
        message: &'a str,
    },
    Error {
        path: &'a str,
        message: &'a str,
    },
    Summary {
        passed: bool,
        records: usize,
        failed: usize,
        malformed: usize,
        files: usize,
        files_failed: usize,
        unreadable: usize,
        problems: usize,
        problems_shown: usize,
        text: String,
    },
}

/// JSON Lines.
#[derive(Debug)]
pub(super) struct Json;

fn write_line(out: &mut dyn Write, line: &Line<'_>) -> io::Result<()> {
    serde_json::to_writer(&mut *out, line)?;
    out.write_all(b"\n")
}

impl Printer for Json {
    fn issue(&mut self, out: &mut dyn Write, at: Location<'_>, issue: &Issue) -> io::Result<()> {
        write_line(
            out,
            &Line::Problem {
                path: at.path,
                line: at.line,
                column: issue.column,
                field: issue.field.map(|f| f.name()),
                rule: issue.rule,
                message: &issue.message,
            },
        )
    }

    fn unreadable(&mut self, out: &mut dyn Write, path: &str, message: &str) -> io::Result<()> {
        write_line(out, &Line::Error { path, message })
    }

    fn summary(&mut self, out: &mut dyn Write, tally: &Tally) -> io::Result<()> {
        write_line(
            out,
            &Line::Summary {
                passed: tally.status() == crate::ExitStatus::Success,
                records: tally.records,
                failed: tally.failed,
                malformed: tally.malformed,
                files: tally.files,
                files_failed: tally.files_failed,
                unreadable: tally.unreadable,
                problems: tally.problems,
                problems_shown: tally.shown,
                text: tally.summary(),
            },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::super::{ReportFormat, tests::sample};

    #[test]
    fn json_report() {
        insta::assert_snapshot!(sample(ReportFormat::Json), @r#"
        {"type":"problem","path":"out, 1.jsonl","line":2,"column":null,"field":"published","rule":"not_a_date","message":"field 'published': not a date: \"yesterday\""}
        {"type":"problem","path":"out, 1.jsonl","line":3,"column":16,"field":null,"rule":"malformed","message":"invalid JSON: key must be a string"}
        {"type":"problem","path":"a.html","line":null,"column":null,"field":"published","rule":"not_a_date","message":"field 'published': not a date: \"yesterday\""}
        {"type":"error","path":"gone.json","message":"No such file"}
        {"type":"summary","passed":false,"records":1204,"failed":3,"malformed":1,"files":2,"files_failed":2,"unreadable":1,"problems":3,"problems_shown":3,"text":"3 of 1,204 records failed in 2 files; 1 input could not be read"}
        "#);
    }
}
