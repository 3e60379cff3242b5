//! Field rules used by validation.
//!
//! A record in any format (JSON, CSV row, front matter) exposes its fields
//! through [`FieldSource`]; [`Rules::check`] lists what is wrong with it.

use std::fmt;

use crate::Field;

/// A field's value as found in some record.
#[derive(Clone, Debug, PartialEq)]
pub enum FieldValue<'a> {
    /// The field is not there at all.
    Absent,
    /// The field is there with a null value.
    Null,
    /// A string.
    Text(&'a str),
    /// A string built for the occasion.
    Owned(String),
    /// A list of strings.
    List(Vec<&'a str>),
    /// A number.
    Number(f64),
    /// Any other value (boolean, object, list of non-strings).
    Other,
}

impl<'a> FieldValue<'a> {
    /// A list value from owned strings.
    pub fn list(items: &'a [String]) -> Self {
        FieldValue::List(items.iter().map(String::as_str).collect())
    }

    /// Whether the value counts as missing: absent, null, blank text or an
    /// empty list (or a list of blank strings).
    pub fn is_empty(&self) -> bool {
        match self {
            FieldValue::Absent | FieldValue::Null => true,
            FieldValue::Text(s) => s.trim().is_empty(),
            FieldValue::Owned(s) => s.trim().is_empty(),
            FieldValue::List(items) => items.iter().all(|s| s.trim().is_empty()),
            FieldValue::Number(_) | FieldValue::Other => false,
        }
    }
}

/// Gives access to a record's fields by name.
pub trait FieldSource {
    /// The value of `field`.
    fn get(&self, field: Field) -> FieldValue<'_>;
}

/// What is wrong with one field of a record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The field concerned.
    pub field: Field,
    /// What is wrong.
    pub kind: ProblemKind,
}

/// The kinds of [`Problem`].
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ProblemKind {
    /// A required field is absent, null or empty.
    Missing,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            ProblemKind::Missing => write!(f, "missing required field '{}'", self.field),
        }
    }
}

/// The rules a record must follow.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rules {
    /// Fields that must be present and non-empty.
    pub required: Vec<Field>,
}

impl Default for Rules {
    fn default() -> Self {
        Rules {
            required: Field::DEFAULT_REQUIRED.to_vec(),
        }
    }
}

impl Rules {
    /// Lists the problems of `record`, in field order.
    pub fn check(&self, record: &dyn FieldSource) -> Vec<Problem> {
        self.required
            .iter()
            .filter(|f| record.get(**f).is_empty())
            .map(|&field| Problem {
                field,
                kind: ProblemKind::Missing,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Article, Block, Inline, Record};

    #[test]
    fn default_rules_flag_missing_title_date_and_text() {
        let record = Record::new(&Article::default(), "-");
        let problems = Rules::default().check(&record);
        let fields: Vec<_> = problems.iter().map(|p| p.field).collect();
        assert_eq!(fields, Field::DEFAULT_REQUIRED);
        assert_eq!(problems[0].to_string(), "missing required field 'title'");
    }

    #[test]
    fn complete_record_passes() {
        let article = Article {
            title: Some("T".into()),
            published: "2020-11-27".parse().ok(),
            body: vec![Block::Paragraph(vec![Inline::Text("Body".into())])],
            ..Article::default()
        };
        assert!(
            Rules::default()
                .check(&Record::new(&article, "-"))
                .is_empty()
        );
    }

    #[test]
    fn blank_values_count_as_missing() {
        assert!(FieldValue::Text("  ").is_empty());
        assert!(FieldValue::List(vec![" "]).is_empty());
        assert!(!FieldValue::List(vec!["a"]).is_empty());
        assert!(!FieldValue::Number(0.0).is_empty());
    }
}
