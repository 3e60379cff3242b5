//! What can be wrong with a record, and how it reads.

use std::fmt;

use crate::Field;

/// What is wrong with one field of a record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The field concerned (for record-level rules, the one that breaks
    /// them: `published` when it is after `modified`).
    pub field: Field,
    /// What is wrong.
    pub kind: ProblemKind,
}

impl Problem {
    /// A problem with `field`.
    pub fn new(field: Field, kind: ProblemKind) -> Problem {
        Problem { field, kind }
    }
}

/// The kinds of [`Problem`]. Values are kept as found (quoted and cut short
/// only when displayed).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ProblemKind {
    /// A required field is absent, null or empty.
    Missing,
    /// The field holds a string in the model, but here it is something else.
    NotAString,
    /// Not an ISO 8601 date or date-time with offset.
    NotADate(String),
    /// Not an absolute `http` or `https` URL.
    NotAnHttpUrl(String),
    /// Not shaped like a BCP 47 language tag.
    NotALanguageTag(String),
    /// The field holds a list of strings in the model, but here it does not.
    NotAList,
    /// An item of a list is blank (`index` is 1-based).
    EmptyItem {
        /// Which item.
        index: usize,
    },
    /// Not a non-negative integer.
    NotACount(String),
    /// Shorter than `min_length` characters.
    TooShort {
        /// The configured minimum.
        min: usize,
        /// The value's length in characters.
        length: usize,
    },
    /// Longer than `max_length` characters.
    TooLong {
        /// The configured maximum.
        max: usize,
        /// The value's length in characters.
        length: usize,
    },
    /// Fewer than `min_words` words.
    TooFewWords {
        /// The configured minimum.
        min: usize,
        /// The value's word count.
        words: usize,
    },
    /// The value does not match the configured pattern.
    NoMatch {
        /// The value.
        value: String,
        /// The pattern as configured.
        pattern: String,
    },
    /// The value is not one of the allowed ones.
    NotOneOf {
        /// The value.
        value: String,
        /// The allowed values.
        allowed: Vec<String>,
    },
    /// `published` is later than `modified`.
    AfterModified {
        /// The publication time.
        published: String,
        /// The modification time.
        modified: String,
    },
    /// The date is in the future.
    InFuture(String),
    /// The date is before the configured earliest date.
    BeforeEarliest {
        /// The value.
        value: String,
        /// The earliest date allowed.
        earliest: String,
    },
    /// Another record has the same value for a field that must be unique.
    Duplicate {
        /// The value.
        value: String,
        /// Where the value was first seen (`PATH:LINE`).
        first: String,
    },
}

impl ProblemKind {
    /// A stable name for the rule broken, as used in JSON reports.
    pub fn code(&self) -> &'static str {
        match self {
            ProblemKind::Missing => "missing",
            ProblemKind::NotAString => "not_a_string",
            ProblemKind::NotADate(_) => "not_a_date",
            ProblemKind::NotAnHttpUrl(_) => "not_a_url",
            ProblemKind::NotALanguageTag(_) => "not_a_language_tag",
            ProblemKind::NotAList => "not_a_list",
            ProblemKind::EmptyItem { .. } => "empty_item",
            ProblemKind::NotACount(_) => "not_a_count",
            ProblemKind::TooShort { .. } => "min_length",
            ProblemKind::TooLong { .. } => "max_length",
            ProblemKind::TooFewWords { .. } => "min_words",
            ProblemKind::NoMatch { .. } => "pattern",
            ProblemKind::NotOneOf { .. } => "one_of",
            ProblemKind::AfterModified { .. } => "after_modified",
            ProblemKind::InFuture(_) => "in_future",
            ProblemKind::BeforeEarliest { .. } => "before_earliest",
            ProblemKind::Duplicate { .. } => "duplicate",
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ProblemKind::Missing => write!(f, "missing required field '{}'", self.field),
            kind => write!(f, "field '{}': {kind}", self.field),
        }
    }
}

impl fmt::Display for ProblemKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProblemKind::Missing => f.write_str("missing"),
            ProblemKind::NotAString => f.write_str("not a string"),
            ProblemKind::NotADate(v) => write!(f, "not a date: {}", Quoted(v)),
            ProblemKind::NotAnHttpUrl(v) => {
                write!(f, "not an absolute http(s) URL: {}", Quoted(v))
            }
            ProblemKind::NotALanguageTag(v) => {
                write!(f, "not a BCP 47 language tag: {}", Quoted(v))
            }
            ProblemKind::NotAList => f.write_str("not a list of strings"),
            ProblemKind::EmptyItem { index } => write!(f, "item {index} is empty"),
            ProblemKind::NotACount(v) => write!(f, "not a non-negative integer: {v}"),
            ProblemKind::TooShort { min, length } => {
                write!(f, "shorter than {min} characters ({length})")
            }
            ProblemKind::TooLong { max, length } => {
                write!(f, "longer than {max} characters ({length})")
            }
            ProblemKind::TooFewWords { min, words } => {
                write!(f, "fewer than {min} words ({words})")
            }
            ProblemKind::NoMatch { value, pattern } => {
                write!(f, "{} does not match /{pattern}/", Quoted(value))
            }
            ProblemKind::NotOneOf { value, allowed } => {
                let allowed: Vec<String> = allowed.iter().map(|a| Quoted(a).to_string()).collect();
                write!(f, "{} is not one of {}", Quoted(value), allowed.join(", "))
            }
            ProblemKind::AfterModified {
                published,
                modified,
            } => write!(f, "{published} is after modified {modified}"),
            ProblemKind::InFuture(v) => write!(f, "{v} is in the future"),
            ProblemKind::BeforeEarliest { value, earliest } => {
                write!(f, "{value} is before the earliest date {earliest}")
            }
            ProblemKind::Duplicate { value, first } => {
                write!(f, "duplicate {} (first seen at {first})", Quoted(value))
            }
        }
    }
}

/// A value in double quotes, escaped, and cut after 60 characters.
pub(crate) struct Quoted<'a>(pub(crate) &'a str);

impl fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const MAX: usize = 60;
        match self.0.char_indices().nth(MAX) {
            Some((cut, _)) => {
                let shown = format!("{:?}", &self.0[..cut]);
                let shown = shown.strip_suffix('"').unwrap_or(&shown);
                write!(f, "{shown}…\"")
            }
            None => write!(f, "{:?}", self.0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_read_well() {
        let p = |field, kind| Problem::new(field, kind).to_string();
        assert_eq!(
            p(Field::Published, ProblemKind::NotADate("yesterday".into())),
            "field 'published': not a date: \"yesterday\""
        );
        assert_eq!(
            p(Field::Title, ProblemKind::Missing),
            "missing required field 'title'"
        );
        assert_eq!(
            p(Field::Tags, ProblemKind::EmptyItem { index: 2 }),
            "field 'tags': item 2 is empty"
        );
        assert_eq!(
            p(
                Field::Language,
                ProblemKind::NotOneOf {
                    value: "fr".into(),
                    allowed: vec!["en".into(), "de".into()]
                }
            ),
            "field 'language': \"fr\" is not one of \"en\", \"de\""
        );
    }

    #[test]
    fn long_values_are_cut() {
        let long = "a\"".repeat(40);
        let shown = Quoted(&long).to_string();
        assert!(shown.ends_with("…\""), "{shown}");
        assert_eq!(shown.matches('a').count(), 30);
        assert_eq!(Quoted("é").to_string(), "\"é\"");
    }
}
