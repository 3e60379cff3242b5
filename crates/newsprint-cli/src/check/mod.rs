//! `newscheck`: validating records, in pages or in the other tools' output.
//!
//! Each input is read in one of the [`InputFormat`]s (from `--input-format`,
//! else its extension, else by sniffing the data) and split into records:
//! one per page, JSON value, JSON Lines line, CSV row or Markdown document.
//! Every record is checked against the [`Rules`] through
//! [`article_model::rules::FieldSource`]. The report gives one line per
//! problem, `PATH[:LINE]: message` (LINE is 1-based; a CSV header is line
//! 1), then a summary line. A malformed record (bad JSON line, bad CSV row,
//! unreadable front matter, a page that is not HTML) is reported the same
//! way and counts as failed; the other records are still checked.

use article_model::{
    Field,
    rules::{FieldSource, Rules},
};

use crate::{
    Config, Error, ExitStatus, Input, input::Inputs, output::Output, read::read_input,
    report::Reporter, run,
};

mod csv;
mod html;
mod input_format;
mod json;
mod markdown;

pub use input_format::{InputFormat, is_checkable};

/// Help text for `newscheck`'s exit statuses (for `after_long_help`).
pub const EXIT_STATUS_HELP: &str = "\
Exit status:
  0  every record passed
  1  some record failed or was malformed (reported on stdout),
     or some input could not be read (reported on stderr)
  2  usage error, or the output could not be written";

/// `--require`'s default, [`Field::DEFAULT_REQUIRED`] as it is written on
/// the command line.
pub const DEFAULT_REQUIRED_ARG: &str = "title,published,text";

/// What to check, and how to read it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckOptions {
    /// The rules every record must follow.
    pub rules: Rules,
    /// Read every input in this format instead of guessing.
    pub format: Option<InputFormat>,
}

impl CheckOptions {
    /// Options requiring `required` (duplicates dropped, order kept).
    pub fn new(required: Vec<Field>, format: Option<InputFormat>) -> CheckOptions {
        let mut unique = Vec::with_capacity(required.len());
        for field in required {
            if !unique.contains(&field) {
                unique.push(field);
            }
        }
        CheckOptions {
            rules: Rules { required: unique },
            format,
        }
    }
}

/// What became of one record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Verdict {
    /// The record's 1-based line in its file, when that means something.
    line: Option<usize>,
    /// What is wrong with it; empty when it passed.
    problems: Vec<String>,
}

impl Verdict {
    /// The verdict of `rules` on `record`.
    fn of(line: Option<usize>, record: &dyn FieldSource, rules: &Rules) -> Verdict {
        Verdict {
            line,
            problems: rules
                .check(record)
                .iter()
                .map(ToString::to_string)
                .collect(),
        }
    }

    /// A record that could not be read.
    fn malformed(line: Option<usize>, message: impl Into<String>) -> Verdict {
        Verdict {
            line,
            problems: vec![message.into()],
        }
    }
}

/// The checked records of one input, with their report lines.
#[derive(Debug, Default)]
struct Checked {
    records: usize,
    failed: usize,
    report: String,
}

impl Checked {
    fn new(name: &str, verdicts: &[Verdict]) -> Checked {
        let mut checked = Checked {
            records: verdicts.len(),
            ..Checked::default()
        };
        for verdict in verdicts.iter().filter(|v| !v.problems.is_empty()) {
            checked.failed += 1;
            for problem in &verdict.problems {
                let line = verdict.line.map(|l| format!(":{l}")).unwrap_or_default();
                checked
                    .report
                    .push_str(&format!("{name}{line}: {problem}\n"));
            }
        }
        checked
    }
}

/// Running totals for the summary line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Tally {
    records: usize,
    failed: usize,
    files_failed: usize,
    unreadable: usize,
}

impl Tally {
    fn add(&mut self, checked: &Checked) {
        self.records += checked.records;
        self.failed += checked.failed;
        self.files_failed += usize::from(checked.failed > 0);
    }

    fn failed(&self) -> bool {
        self.failed > 0 || self.unreadable > 0
    }

    /// `2 of 7 records failed in 1 file`, `all 7 records passed`, …
    fn summary(&self) -> String {
        let plural = |n: usize, word: &str| {
            if n == 1 {
                format!("{n} {word}")
            } else {
                format!("{n} {word}s")
            }
        };
        let mut line = match (self.records, self.failed) {
            (0, _) => "no records found".to_owned(),
            (1, 0) => "1 record passed".to_owned(),
            (n, 0) => format!("all {n} records passed"),
            (n, failed) => format!(
                "{failed} of {} failed in {}",
                plural(n, "record"),
                plural(self.files_failed, "file")
            ),
        };
        if self.unreadable > 0 {
            line.push_str(&format!(
                "; {} could not be read",
                plural(self.unreadable, "input")
            ));
        }
        line
    }
}

/// Checks every input named by `config` and writes the report.
///
/// Problems go to the output (standard output or `-o`), one line each, then
/// a summary line; with `--quiet` nothing is written and only the exit
/// status tells. Inputs that cannot be read are reported on standard error.
/// When the reader of the report goes away (a broken pipe), checking goes
/// on silently, so the exit status still tells whether every record is valid.
pub fn check(config: &Config, options: &CheckOptions) -> Result<ExitStatus, Error> {
    let reporter = Reporter::new(config.tool, config.quiet);
    let extract = config.extract_options();
    let mut report = Report {
        output: Output::open(&config.output)?,
        quiet: config.quiet,
        closed: false,
    };
    let mut tally = Tally::default();
    run::ordered(
        config.jobs,
        Inputs::new(&config.inputs, is_checkable),
        |input| {
            let bytes = read_input(input, config.max_input_bytes)?;
            let format = options
                .format
                .or_else(|| input.path().and_then(InputFormat::from_path))
                .unwrap_or_else(|| InputFormat::sniff(&bytes));
            let name = input.name();
            let verdicts = check_bytes(&bytes, format, &name, options, &extract);
            Ok(Checked::new(&name, &verdicts))
        },
        |input: Input, outcome| {
            match outcome {
                Ok(checked) => {
                    tally.add(&checked);
                    report.write(&checked.report)?;
                }
                Err(error) => {
                    tally.unreadable += 1;
                    reporter.input_error(&input, &error);
                }
            }
            Ok(())
        },
    )?;
    report.write(&format!("{}\n", tally.summary()))?;
    report.finish()?;
    Ok(ExitStatus::from_failed(tally.failed()))
}

/// The report's output, which stops writing once its reader has gone.
struct Report {
    output: Output,
    quiet: bool,
    closed: bool,
}

impl Report {
    fn write(&mut self, text: &str) -> Result<(), Error> {
        if self.quiet || self.closed {
            return Ok(());
        }
        self.output
            .write_all(text.as_bytes())
            .or_else(|e| self.on_error(e))
    }

    fn finish(self) -> Result<(), Error> {
        if self.closed {
            return Ok(());
        }
        match self.output.finish() {
            Err(e) if crate::exit::is_broken_pipe(&e) => Ok(()),
            other => other,
        }
    }

    fn on_error(&mut self, error: Error) -> Result<(), Error> {
        if crate::exit::is_broken_pipe(&error) {
            self.closed = true;
            Ok(())
        } else {
            Err(error)
        }
    }
}

fn check_bytes(
    bytes: &[u8],
    format: InputFormat,
    name: &str,
    options: &CheckOptions,
    extract: &article_extract::Options,
) -> Vec<Verdict> {
    let rules = &options.rules;
    let check_text: fn(&str, &Rules) -> Vec<Verdict> = match format {
        InputFormat::Html => return vec![html::check(bytes, name, rules, extract)],
        InputFormat::Json => json::check_document,
        InputFormat::Jsonl => json::check_lines,
        InputFormat::Csv => csv::check,
        InputFormat::Markdown => markdown::check,
    };
    match utf8(bytes) {
        Ok(text) => check_text(text, rules),
        Err(verdict) => vec![verdict],
    }
}

/// `bytes` as text without a byte-order mark, or a verdict naming the line
/// of the first invalid byte.
fn utf8(bytes: &[u8]) -> Result<&str, Verdict> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|e| {
        let valid = &bytes[..e.valid_up_to()];
        Verdict::malformed(Some(line_at(valid, valid.len())), "not UTF-8 text")
    })
}

/// The 1-based line of byte `offset` in `bytes`.
fn line_at(bytes: &[u8], offset: usize) -> usize {
    bytes[..offset.min(bytes.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summaries_read_well() {
        let t = |records, failed, files_failed, unreadable| {
            Tally {
                records,
                failed,
                files_failed,
                unreadable,
            }
            .summary()
        };
        assert_eq!(t(7, 0, 0, 0), "all 7 records passed");
        assert_eq!(t(1, 0, 0, 0), "1 record passed");
        assert_eq!(t(0, 0, 0, 0), "no records found");
        assert_eq!(t(7, 2, 1, 0), "2 of 7 records failed in 1 file");
        assert_eq!(t(1, 1, 1, 0), "1 of 1 record failed in 1 file");
        assert_eq!(
            t(9, 3, 2, 2),
            "3 of 9 records failed in 2 files; 2 inputs could not be read"
        );
        assert_eq!(
            t(3, 0, 0, 1),
            "all 3 records passed; 1 input could not be read"
        );
    }

    #[test]
    fn report_lines_carry_path_and_line() {
        let verdicts = [
            Verdict::malformed(Some(3), "invalid JSON: x"),
            Verdict {
                line: None,
                problems: vec![],
            },
            Verdict {
                line: None,
                problems: vec!["a".into(), "b".into()],
            },
        ];
        let checked = Checked::new("f.jsonl", &verdicts);
        assert_eq!((checked.records, checked.failed), (3, 2));
        assert_eq!(
            checked.report,
            "f.jsonl:3: invalid JSON: x\nf.jsonl: a\nf.jsonl: b\n"
        );
    }

    #[test]
    fn default_requirement_argument_matches_the_model() {
        let parsed: Vec<Field> = DEFAULT_REQUIRED_ARG
            .split(',')
            .map(|f| f.parse().unwrap())
            .collect();
        assert_eq!(parsed, Field::DEFAULT_REQUIRED);
    }

    #[test]
    fn duplicate_requirements_are_dropped() {
        let options = CheckOptions::new(vec![Field::Title, Field::Text, Field::Title], None);
        assert_eq!(options.rules.required, [Field::Title, Field::Text]);
    }

    #[test]
    fn invalid_utf8_is_reported_at_its_line() {
        assert_eq!(
            utf8(b"ok\nok\n\xFF").unwrap_err(),
            Verdict::malformed(Some(3), "not UTF-8 text")
        );
        assert_eq!(utf8(b"\xEF\xBB\xBFtext").unwrap(), "text");
    }
}
