//! What became of one record: its problems, where they are, and the values
//! `--unique` compares across records.

use article_model::{
    Field,
    rules::{FieldSource, Problem},
};

use super::CheckOptions;

/// One problem, ready to report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Issue {
    /// The field concerned; `None` when the record could not be read.
    pub(crate) field: Option<Field>,
    /// The rule broken (`missing`, `not_a_date`, …, or `malformed`).
    pub(crate) rule: &'static str,
    /// The message, as printed after `PATH:LINE: `.
    pub(crate) message: String,
    /// The 1-based column, where it helps.
    pub(crate) column: Option<usize>,
}

impl From<Problem> for Issue {
    fn from(problem: Problem) -> Issue {
        Issue {
            field: Some(problem.field),
            rule: problem.kind.code(),
            message: problem.to_string(),
            column: None,
        }
    }
}

/// The rule name of records that could not be read.
pub(crate) const MALFORMED: &str = "malformed";

/// What became of one record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Verdict {
    /// The record's 1-based line in its file, when that means something.
    pub(crate) line: Option<usize>,
    /// What is wrong with it; empty when it passed.
    pub(crate) issues: Vec<Issue>,
    /// The values of the `--unique` fields that it has.
    pub(crate) keys: Vec<(Field, String)>,
}

impl Verdict {
    /// The verdict of `options` on `record`.
    pub(crate) fn of(
        line: Option<usize>,
        record: &dyn FieldSource,
        options: &CheckOptions,
    ) -> Verdict {
        Verdict {
            line,
            issues: options
                .rules
                .check(record)
                .into_iter()
                .map(Issue::from)
                .collect(),
            keys: options
                .unique
                .iter()
                .filter_map(|&field| record.get(field).key().map(|key| (field, key)))
                .collect(),
        }
    }

    /// A record that could not be read.
    pub(crate) fn malformed(line: Option<usize>, message: impl Into<String>) -> Verdict {
        Verdict::malformed_at(line, None, message)
    }

    /// A record that could not be read, with the column of the fault.
    pub(crate) fn malformed_at(
        line: Option<usize>,
        column: Option<usize>,
        message: impl Into<String>,
    ) -> Verdict {
        Verdict {
            line,
            issues: vec![Issue {
                field: None,
                rule: MALFORMED,
                message: message.into(),
                column,
            }],
            keys: Vec::new(),
        }
    }

    /// Whether the record could not be read.
    pub(crate) fn is_malformed(&self) -> bool {
        self.issues.iter().any(|i| i.rule == MALFORMED)
    }

    /// The messages, for tests.
    #[cfg(test)]
    pub(crate) fn messages(&self) -> Vec<&str> {
        self.issues.iter().map(|i| i.message.as_str()).collect()
    }
}

/// What became of the records of one input: how many there were, and the
/// verdicts that matter to the report (those with problems or with values
/// for `--unique`), in order. Passing records are only counted, so that
/// checking a large valid input takes little memory.
#[derive(Debug, Default)]
pub(crate) struct Checked {
    /// How many records the input held.
    pub(crate) records: usize,
    /// The verdicts with problems or `--unique` values.
    pub(crate) verdicts: Vec<Verdict>,
}

impl Checked {
    /// Counts `verdict` and keeps it if it matters.
    pub(crate) fn push(&mut self, verdict: Verdict) {
        self.records += 1;
        if !verdict.issues.is_empty() || !verdict.keys.is_empty() {
            self.verdicts.push(verdict);
        }
    }
}

impl FromIterator<Verdict> for Checked {
    fn from_iter<I: IntoIterator<Item = Verdict>>(verdicts: I) -> Checked {
        let mut checked = Checked::default();
        for verdict in verdicts {
            checked.push(verdict);
        }
        checked
    }
}
