//! Field rules used by validation.
//!
//! A record in any format (JSON, CSV row, front matter) exposes its fields
//! through [`FieldSource`]; [`Rules::check`] lists what is wrong with it:
//!
//! 1. required fields that are missing ([`Rules::required`]);
//! 2. values of the wrong type for the model, for every field present
//!    (always on; see [`types`]);
//! 3. per-field constraints such as lengths and patterns
//!    ([`FieldRule`], from a configuration);
//! 4. record-level date rules ([`DateRules`]).
//!
//! Rules never read a clock: "not in the future" compares with the instant
//! given in [`DateRules::now`], so checks are repeatable.
//!
//! ```
//! use article_model::{Field, rules::{FieldValue, FieldSource, Rules}};
//!
//! struct One(&'static str);
//! impl FieldSource for One {
//!     fn get(&self, field: Field) -> FieldValue<'_> {
//!         match field {
//!             Field::Published => FieldValue::Text(self.0),
//!             _ => FieldValue::Absent,
//!         }
//!     }
//! }
//!
//! let rules = Rules { required: vec![], ..Rules::default() };
//! let problems = rules.check(&One("yesterday"));
//! assert_eq!(problems[0].to_string(), "field 'published': not a date: \"yesterday\"");
//! ```

use std::fmt;

use crate::Field;

mod constraints;
mod dates;
mod problem;
pub mod types;

pub use constraints::{FieldRule, Pattern, PatternError};
pub use dates::DateRules;
pub use problem::{Problem, ProblemKind};

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

    /// The value's text, when it is a string.
    pub fn as_text(&self) -> Option<&str> {
        match self {
            FieldValue::Text(s) => Some(s),
            FieldValue::Owned(s) => Some(s),
            _ => None,
        }
    }

    /// The value as one string, for comparing records (`--unique`): text
    /// as is, numbers in JSON form, lists joined with `; `. `None` when the
    /// value is empty or not a string, number or list.
    pub fn key(&self) -> Option<String> {
        if self.is_empty() {
            return None;
        }
        match self {
            FieldValue::Text(s) => Some((*s).to_owned()),
            FieldValue::Owned(s) => Some(s.clone()),
            FieldValue::List(items) => Some(items.join("; ")),
            FieldValue::Number(n) => Some(n.to_string()),
            FieldValue::Absent | FieldValue::Null | FieldValue::Other => None,
        }
    }
}

impl fmt::Display for FieldValue<'_> {
    /// A short rendering for messages: strings quoted and cut to 60
    /// characters.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FieldValue::Absent => f.write_str("absent"),
            FieldValue::Null => f.write_str("null"),
            FieldValue::Text(s) => write!(f, "{}", problem::Quoted(s)),
            FieldValue::Owned(s) => write!(f, "{}", problem::Quoted(s)),
            FieldValue::List(_) => f.write_str("a list"),
            FieldValue::Number(n) => write!(f, "{n}"),
            FieldValue::Other => f.write_str("a value of another kind"),
        }
    }
}

/// Gives access to a record's fields by name.
pub trait FieldSource {
    /// The value of `field`.
    fn get(&self, field: Field) -> FieldValue<'_>;
}

/// The rules a record must follow.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rules {
    /// Fields that must be present and non-empty.
    pub required: Vec<Field>,
    /// Constraints on single fields, checked when the field is present.
    pub fields: Vec<(Field, FieldRule)>,
    /// Rules about a record's dates.
    pub dates: DateRules,
}

impl Default for Rules {
    fn default() -> Self {
        Rules {
            required: Field::DEFAULT_REQUIRED.to_vec(),
            fields: Vec::new(),
            dates: DateRules::default(),
        }
    }
}

impl Rules {
    /// Lists the problems of `record`: missing fields first, then each
    /// field's problems in field order, then the date rules'.
    pub fn check(&self, record: &dyn FieldSource) -> Vec<Problem> {
        let mut problems: Vec<Problem> = self
            .required
            .iter()
            .filter(|f| record.get(**f).is_empty())
            .map(|&field| Problem::new(field, ProblemKind::Missing))
            .collect();
        for field in Field::ALL {
            let value = record.get(field);
            if value.is_empty() {
                continue;
            }
            if let Some(kind) = types::check(field, &value) {
                problems.push(Problem::new(field, kind));
                continue;
            }
            for (_, rule) in self.fields.iter().filter(|(f, _)| *f == field) {
                problems.extend(rule.check(&value).map(|kind| Problem::new(field, kind)));
            }
        }
        problems.extend(self.dates.check(record));
        problems
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
            language: Some("en-GB".into()),
            url: "https://news.example/a".parse().ok(),
            authors: vec!["Ana".into()],
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

    #[test]
    fn keys_compare_records() {
        assert_eq!(FieldValue::Text("a").key().as_deref(), Some("a"));
        assert_eq!(
            FieldValue::List(vec!["a", "b"]).key().as_deref(),
            Some("a; b")
        );
        assert_eq!(FieldValue::Number(3.0).key().as_deref(), Some("3"));
        assert_eq!(FieldValue::Text(" ").key(), None);
        assert_eq!(FieldValue::Other.key(), None);
    }

    /// A record given as `(field, value)` pairs.
    struct Pairs(Vec<(Field, FieldValue<'static>)>);

    impl FieldSource for Pairs {
        fn get(&self, field: Field) -> FieldValue<'_> {
            self.0
                .iter()
                .find(|(f, _)| *f == field)
                .map_or(FieldValue::Absent, |(_, v)| v.clone())
        }
    }

    #[test]
    fn a_field_of_the_wrong_type_skips_its_constraints() {
        let rules = Rules {
            required: vec![Field::Title],
            fields: vec![(
                Field::Published,
                FieldRule {
                    min_length: Some(100),
                    ..FieldRule::default()
                },
            )],
            dates: DateRules::default(),
        };
        let record = Pairs(vec![(Field::Published, FieldValue::Text("yesterday"))]);
        let messages: Vec<String> = rules.check(&record).iter().map(|p| p.to_string()).collect();
        assert_eq!(
            messages,
            [
                "missing required field 'title'",
                "field 'published': not a date: \"yesterday\""
            ]
        );
    }
}
