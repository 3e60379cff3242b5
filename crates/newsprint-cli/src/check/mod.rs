//! `newscheck`: validating records, in pages or in the other tools' output.
//!
//! Each input is read in one of the [`InputFormat`]s (from `--input-format`,
//! else its extension, else by sniffing the data) and split into records:
//! one per page, JSON value, JSON Lines line, CSV row or Markdown document.
//! Every record is checked against the [`Rules`] (required fields, the
//! model's types, the constraints of `newscheck.toml`, see [`RuleConfig`]) through
//! [`article_model::rules::FieldSource`], on the worker threads. The results
//! come back in input order, where `--unique` values are compared across the
//! whole input (`unique.rs`) and the [`ReportFormat`]'s printer writes one entry per
//! problem, `PATH[:LINE[:COLUMN]]: message` in the text style (LINE is
//! 1-based; a CSV header is line 1), then a summary (`tally.rs`). A malformed
//! record (bad JSON line, bad CSV row, unreadable front matter, a page that
//! is not HTML) is reported the same way, counts as failed and makes the
//! exit status 2; the other records are still checked.
//!
//! JSON Lines named as such (by extension or `--input-format`) are streamed
//! line by line, so memory does not grow with the input (except for the
//! values kept for `--unique` and the problems found); there `--max-bytes`
//! limits each line rather than the whole input. Other inputs, and standard
//! input whose format is sniffed, are read whole.

use crate::{
    Config, Error, ExitStatus, Input,
    input::Inputs,
    output::Output,
    read::{open_lines, read_input},
    report::{Chain, Reporter},
    run,
};

mod config;
mod csv;
mod flags;
mod html;
mod input_format;
mod json;
mod markdown;
mod report;
mod tally;
mod unique;
mod verdict;

pub use article_model::rules::Rules;
pub use config::{CONFIG_NAME, ConfigError, RuleConfig};
pub use flags::CheckArgs;
pub use input_format::{InputFormat, is_checkable};
pub use report::ReportFormat;

use report::Location;
use tally::Tally;
use unique::Seen;
use verdict::{Checked, Verdict};

/// Help text for `newscheck`'s exit statuses (for `after_long_help`).
pub const EXIT_STATUS_HELP: &str = "\
Exit status:
  0  every record passed
  1  some record broke a rule (reported on stdout)
  2  usage or configuration error; some input could not be read (reported
     on stderr) or held a malformed record (reported on stdout); or the
     report could not be written. The other inputs are still checked.";

/// What to check, and how to read and report it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckOptions {
    /// The rules every record must follow.
    pub rules: Rules,
    /// Fields whose values must not repeat across the whole input.
    pub unique: Vec<article_model::Field>,
    /// Read every input in this format instead of guessing.
    pub format: Option<InputFormat>,
    /// How to write the report.
    pub report: ReportFormat,
    /// Report at most this many problems.
    pub max_errors: Option<usize>,
}

impl Default for CheckOptions {
    fn default() -> Self {
        CheckOptions {
            rules: Rules::default(),
            unique: Vec::new(),
            format: None,
            report: ReportFormat::Text,
            max_errors: None,
        }
    }
}

/// Checks every input named by `config` and writes the report.
///
/// Problems go to the output (standard output or `-o`) in the chosen
/// [`ReportFormat`], then a summary; with `--quiet`, only the summary.
/// Inputs that cannot be read are reported on standard error (and, in the
/// JSON and GitHub styles, in the report). When the reader of the report
/// goes away (a broken pipe), checking goes on silently, so the exit status
/// still tells whether every record is valid.
pub fn check(config: &Config, options: &CheckOptions) -> Result<ExitStatus, Error> {
    let reporter = Reporter::new(config.tool, config.quiet);
    let extract = config.extract_options();
    let mut report = Report {
        output: Output::open(&config.output)?,
        closed: false,
    };
    let mut printer = options.report.printer();
    let mut tally = Tally::default();
    let mut seen = Seen::default();
    run::ordered(
        config.jobs,
        Inputs::new(&config.inputs, is_checkable).with_list(config.files_from.as_ref()),
        |input| {
            let limit = config.max_input_bytes;
            let format = options
                .format
                .or_else(|| input.path().and_then(InputFormat::from_path));
            if format == Some(InputFormat::Jsonl) {
                return json::check_stream(open_lines(input, limit)?, limit, options);
            }
            let bytes = read_input(input, limit)?;
            let format = format.unwrap_or_else(|| InputFormat::sniff(&bytes));
            Ok(
                check_bytes(&bytes, format, &input.name(), options, &extract)
                    .into_iter()
                    .collect::<Checked>(),
            )
        },
        |input: Input, outcome| {
            let name = input.name();
            match outcome {
                Ok(checked) => {
                    tally.files += 1;
                    tally.records += checked.records;
                    let mut file_failed = false;
                    for mut verdict in checked.verdicts {
                        seen.check(&name, &mut verdict);
                        if verdict.issues.is_empty() {
                            continue;
                        }
                        file_failed = true;
                        tally.failed += 1;
                        tally.malformed += usize::from(verdict.is_malformed());
                        let at = Location {
                            path: &name,
                            line: verdict.line,
                        };
                        for issue in &verdict.issues {
                            tally.problems += 1;
                            if options.max_errors.is_some_and(|max| tally.shown >= max) {
                                continue;
                            }
                            tally.shown += 1;
                            if !config.quiet {
                                report.write(|w| printer.issue(w, at, issue))?;
                            }
                        }
                    }
                    tally.files_failed += usize::from(file_failed);
                }
                Err(error) => {
                    tally.unreadable += 1;
                    reporter.input_error(&input, &error);
                    if !config.quiet {
                        let message = Chain(&error).to_string();
                        report.write(|w| printer.unreadable(w, &name, &message))?;
                    }
                }
            }
            Ok(())
        },
    )?;
    report.write(|w| printer.summary(w, &tally))?;
    report.finish()?;
    Ok(tally.status())
}

/// The report's output, which stops writing once its reader has gone.
struct Report {
    output: Output,
    closed: bool,
}

impl Report {
    fn write(
        &mut self,
        write: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
    ) -> Result<(), Error> {
        if self.closed {
            return Ok(());
        }
        self.output.write_with(write).or_else(|e| self.on_error(e))
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
    let check_text: fn(&str, &CheckOptions) -> Vec<Verdict> = match format {
        InputFormat::Html => return vec![html::check(bytes, name, options, extract)],
        InputFormat::Json => json::check_document,
        InputFormat::Jsonl => json::check_lines,
        InputFormat::Csv => csv::check,
        InputFormat::Markdown => markdown::check,
    };
    match utf8(bytes) {
        Ok(text) => check_text(text, options),
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
    use article_model::Field;

    #[test]
    fn default_options_require_the_model_defaults() {
        assert_eq!(
            CheckOptions::default().rules.required,
            Field::DEFAULT_REQUIRED
        );
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
